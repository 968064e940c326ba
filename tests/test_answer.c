/* tests/test_answer.c - >>delegate: the answerer (tp_answerer_*) with real threads, answering
   through tpemu. Many users x several queries with the computations held at a gate: only each
   user's last query is answered (checked in tpemu's /_emu/calls), the running older ones
   report superseded, the waiting ones are never computed; then the same without a gate, with
   the computations sleeping a little. A waiting query replaced in place (it keeps its place in
   the queue, the older is never computed; a query built by hand, without json, is copied
   too). tp_answerer_free with queries waiting and running. Two threads pushing at once. After
   each case the user table is empty (white-box). argv[1] picks one case. Run under ASan+UBSan,
   valgrind and ThreadSanitizer by tests/run.sh. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#define TOKEN "123456:TESTSECRETTOKEN"
#define MAXN 16 /* tp_feed.h's record of messages: unused here */
#include "tp_feed.h"

#define MAXU 64   /* users 0..63: from.id 1000 + u */
#define MAXK 2048 /* a user's queries 0..2047: inline query id "u-k", query text "text k" */

static pthread_mutex_t L = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cv = PTHREAD_COND_INITIALIZER;
static bool gate_closed;    /* computations wait here after counting themselves */
static int sleep_ms;        /* then sleep this long */
static long started, finished, bad, superseded_sends;
static long ncomp[MAXU][MAXK];            /* computations of query (u, k) */
static signed char sent[MAXU][MAXK];      /* 1: tp_answer_send TP_OK; -1: SUPERSEDED */
static long order[64], norder;            /* u * MAXK + k of the first computations */
static bool push_inside;                  /* each computation pushes once more (free case) */
static long push_inside_stopped, push_inside_other;
static tp_answerer *cur;                  /* the answerer under test */
static tp_bot *cur_bot;

static void reset(void) {
    pthread_mutex_lock(&L);
    gate_closed = false;
    sleep_ms = 0;
    started = finished = bad = superseded_sends = norder = 0;
    memset(ncomp, 0, sizeof ncomp);
    memset(sent, 0, sizeof sent);
    push_inside = false;
    push_inside_stopped = push_inside_other = 0;
    pthread_mutex_unlock(&L);
}

static long get(const long *v) {
    long n;
    pthread_mutex_lock(&L);
    n = *v;
    pthread_mutex_unlock(&L);
    return n;
}

static void open_gate(void) {
    pthread_mutex_lock(&L);
    gate_closed = false;
    pthread_cond_broadcast(&gate_cv);
    pthread_mutex_unlock(&L);
}

/* Waits up to ms for *v to reach want. */
static bool wait_for(const long *v, long want, long ms) {
    int64_t end = tp_now_ms() + ms;
    while (get(v) < want && tp_now_ms() < end) msleep(2);
    return get(v) >= want;
}

/* White-box: users with a query waiting or running (the answerer's hash). */
static size_t users_in(tp_answerer *a) {
    size_t n;
    pthread_mutex_lock(&a->lock);
    n = a->n;
    pthread_mutex_unlock(&a->lock);
    return n;
}

/* Waits up to ms for the answerer to have nothing waiting or running. */
static bool wait_idle(tp_answerer *a, long ms) {
    int64_t end = tp_now_ms() + ms;
    while (users_in(a) && tp_now_ms() < end) msleep(2);
    return users_in(a) == 0;
}

static tp_err push_json(tp_answerer *a, const char *js, tp_err want);

static void compute(tp_answer_ctx *ctx, const tp_inline_query *q, void *user) {
    int u = -1, k = -1;
    char title[32];
    bool was_superseded;
    tp_input_text_message_content txt;
    tp_input_message_content imc;
    tp_inline_query_result_article art;
    tp_inline_query_result res;
    tp_answer_inline_query_args args;
    tp_error e;
    tp_err rc;
    (void)user;
    if (!q->id || sscanf(q->id, "%d-%d", &u, &k) != 2 || u < 0 || u >= MAXU || k < 0 ||
        k >= MAXK) {
        pthread_mutex_lock(&L);
        bad++;
        pthread_mutex_unlock(&L);
        return;
    }
    snprintf(title, sizeof title, "text %d", k);
    pthread_mutex_lock(&L);
    if (!q->from_ || q->from_->id != 1000 + u || !q->query || strcmp(q->query, title) != 0 ||
        tp_answer_bot(ctx) != cur_bot)
        bad++; /* the copy is the query pushed */
    ncomp[u][k]++;
    if (norder < 64) order[norder++] = (long)u * MAXK + k;
    started++;
    while (gate_closed) pthread_cond_wait(&gate_cv, &L);
    pthread_mutex_unlock(&L);
    if (sleep_ms) msleep(sleep_ms);
    memset(&txt, 0, sizeof txt);
    txt.message_text = title;
    memset(&imc, 0, sizeof imc);
    imc.kind = TP_INPUT_MESSAGE_CONTENT_INPUT_TEXT_MESSAGE_CONTENT;
    imc.as.input_text_message_content = &txt;
    memset(&art, 0, sizeof art);
    art.id = "1";
    art.title = q->query;
    art.input_message_content = &imc;
    memset(&res, 0, sizeof res);
    res.kind = TP_INLINE_QUERY_RESULT_ARTICLE;
    res.as.article = &art;
    memset(&args, 0, sizeof args);
    args.results = &res; /* inline_query_id NULL: q's */
    args.results_count = 1;
    was_superseded = tp_answer_superseded(ctx);
    rc = tp_answer_send(ctx, &args, &e);
    pthread_mutex_lock(&L);
    if (was_superseded && rc != TP_ERR_SUPERSEDED) bad++; /* superseded stays superseded */
    if (rc != TP_OK && (rc != TP_ERR_SUPERSEDED || e.code != rc)) bad++;
    if (rc == TP_ERR_SUPERSEDED) superseded_sends++;
    if (sent[u][k]) bad++;
    sent[u][k] = rc == TP_OK ? 1 : -1;
    pthread_mutex_unlock(&L);
    if (push_inside) { /* during tp_answerer_free: refused */
        char js[256];
        snprintf(js, sizeof js,
                 "{\"update_id\":1,\"inline_query\":{\"id\":\"%d-%d\",\"from\":{\"id\":%d,"
                 "\"is_bot\":false,\"first_name\":\"u\"},\"query\":\"text %d\",\"offset\":\"\"}}",
                 u, MAXK - 1, 1000 + u, MAXK - 1);
        rc = push_json(cur, js, TP_ERR_STOPPED);
        pthread_mutex_lock(&L);
        if (rc == TP_ERR_STOPPED) push_inside_stopped++;
        else push_inside_other++;
        pthread_mutex_unlock(&L);
    }
    pthread_mutex_lock(&L);
    finished++;
    pthread_mutex_unlock(&L);
}

/* Parses js, pushes it and frees the document at once (the answerer keeps a copy); a result
   other than want counts as bad. */
static tp_err push_json(tp_answerer *a, const char *js, tp_err want) {
    tp_json_doc *doc = tp_json_parse(js, strlen(js), NULL);
    const tp_update *u = doc ? tp_update_view(doc, tp_json_root(doc), NULL) : NULL;
    tp_err rc = u ? tp_answerer_push(a, u) : TP_ERR_JSON_SYNTAX;
    if (rc != want) {
        pthread_mutex_lock(&L);
        bad++;
        pthread_mutex_unlock(&L);
        fprintf(stderr, "push: %s, wanted %s\n", tp_strerror(rc), tp_strerror(want));
    }
    tp_json_doc_free(doc);
    return rc;
}

static void push(tp_answerer *a, int u, int k) {
    char js[256];
    snprintf(js, sizeof js,
             "{\"update_id\":%d,\"inline_query\":{\"id\":\"%d-%d\",\"from\":{\"id\":%d,\"is_bot\":"
             "false,\"first_name\":\"u\"},\"query\":\"text %d\",\"offset\":\"\"}}",
             u * MAXK + k + 1, u, k, 1000 + u, k);
    push_json(a, js, TP_OK);
}

/* The answers tpemu received, per query: answered[u][k]; returns how many, -1 on error (a
   call whose id or title does not fit). */
static unsigned char answered[MAXU][MAXK];
static long read_answers(const emu *e) {
    tp_json_doc *d = emu_get(e, "/_emu/calls?method=answerInlineQuery");
    const tp_json *c;
    long n = 0;
    memset(answered, 0, sizeof answered);
    if (!d) n = -1;
    for (c = tp_json_first(tp_json_root(d)); c; c = tp_json_next(c)) {
        const tp_json *p = tp_json_get(c, "params");
        const char *id = tp_json_get_str(p, "inline_query_id");
        const char *title = tp_json_get_str(tp_json_at(tp_json_get(p, "results"), 0), "title");
        char want[32];
        int u, k;
        if (!id || sscanf(id, "%d-%d", &u, &k) != 2 || u < 0 || u >= MAXU || k < 0 || k >= MAXK) {
            n = -1;
            break;
        }
        snprintf(want, sizeof want, "text %d", k);
        if (!title || strcmp(title, want) != 0) {
            n = -1;
            break;
        }
        answered[u][k]++;
        n++;
    }
    tp_json_doc_free(d);
    return n;
}

static tp_answerer *new_answerer(tp_bot *bot, int workers) {
    tp_answerer_opts o;
    tp_error err;
    tp_answerer *a;
    memset(&o, 0, sizeof o);
    o.workers = workers;
    a = tp_answerer_new(bot, compute, NULL, &o, &err);
    CHECK(a != NULL);
    cur = a;
    cur_bot = bot;
    return a;
}

/* (1) 50 users x 4 queries, 4 workers. Round 0 of every user is pushed, the first 4 start and
   wait at the gate; rounds 1-3 follow; the gate opens. Then: the 4 running ones (round 0)
   send nothing (superseded), every user's round 3 is computed once and answered, rounds 1
   and 2 never run. Then without a gate: each user's 6 queries in pairs 1 ms apart,
   computations sleeping 3 ms: each user's last query is answered, and tpemu got exactly the
   answers sent. */
#define NU 50
#define NQ 4
TEST(answer_supersede) {
    emu e;
    tp_bot *bot;
    tp_answerer *a;
    int u, k, i;
    long n, wrong = 0, missing = 0, never = 0, sent_ok = 0;
    reset();
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 10000);
    CHECK(bot != NULL);
    if (!bot) return;
    a = new_answerer(bot, 4);
    if (!a) return;
    pthread_mutex_lock(&L);
    gate_closed = true;
    pthread_mutex_unlock(&L);
    for (u = 0; u < NU; u++) push(a, u, 0);
    CHECK(wait_for(&started, 4, 10000));
    for (k = 1; k < NQ; k++)
        for (u = 0; u < NU; u++) push(a, u, k);
    CHECK_EQ_INT(users_in(a), NU);
    open_gate();
    CHECK(wait_for(&finished, 4 + NU, 20000));
    CHECK(wait_idle(a, 5000));
    msleep(50); /* nothing more starts */
    CHECK_EQ_INT(get(&started), 4 + NU);
    CHECK_EQ_INT(get(&superseded_sends), 4);
    n = read_answers(&e);
    CHECK_EQ_INT(n, NU);
    for (u = 0; u < NU; u++) {
        if (ncomp[u][NQ - 1] != 1 || sent[u][NQ - 1] != 1 || answered[u][NQ - 1] != 1) missing++;
        for (k = 0; k < NQ - 1; k++) {
            if (answered[u][k]) wrong++;              /* an older query answered */
            if (sent[u][k] == 1) wrong++;
            if (k > 0 && ncomp[u][k]) never++;        /* a replaced waiting one ran */
            if (k == 0 && ncomp[u][k] && sent[u][k] != -1) wrong++; /* ran: superseded */
        }
    }
    CHECK_EQ_INT(missing, 0);
    CHECK_EQ_INT(wrong, 0);
    CHECK_EQ_INT(never, 0);
    CHECK_EQ_INT(get(&bad), 0);
    printf("answer_supersede (gate): %d users x %d queries: %ld computed, %ld superseded, %ld "
           "answered\n", NU, NQ, get(&started), get(&superseded_sends), n);

    /* without a gate, computations sleeping a little */
    reset();
    sleep_ms = 3;
    CHECK(emu_post(&e, "/_emu/reset_calls", "") == TP_OK);
    for (u = 0; u < NU; u++)
        for (k = 0; k < 6; k++) {
            push(a, u, k);
            if (k % 2) msleep(1); /* pairs: the second replaces or supersedes the first */
        }
    CHECK(wait_idle(a, 20000));
    n = read_answers(&e);
    missing = wrong = 0;
    for (u = 0; u < NU; u++) {
        if (ncomp[u][5] != 1 || sent[u][5] != 1 || answered[u][5] != 1) missing++;
        for (k = 0; k < 6; k++) {
            if (ncomp[u][k] > 1) wrong++;
            if ((sent[u][k] == 1) != (answered[u][k] == 1) || answered[u][k] > 1) wrong++;
            sent_ok += sent[u][k] == 1;
        }
    }
    CHECK_EQ_INT(missing, 0);
    CHECK_EQ_INT(wrong, 0);
    CHECK_EQ_INT(n, sent_ok);
    CHECK_EQ_INT(get(&started), get(&finished));
    CHECK_EQ_INT(get(&bad), 0);
    i = 0;
    for (u = 0; u < NU; u++)
        for (k = 0; k < 6; k++) i += ncomp[u][k] == 0;
    printf("answer_supersede (sleeping): %d users x 6 queries: %ld computed, %d never, %ld "
           "superseded, %ld answered\n", NU, get(&started), i, get(&superseded_sends), n);
    tp_answerer_free(a);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* (2) One worker, held at the gate by user 0's query. User 1 pushes 0, user 2 pushes 0, user 1
   pushes 1 and 2 (the last built by hand, without json): user 1's waiting query is replaced
   in place, so the computations are 0-0, 1-2, 2-0 in that order; 1-0 and 1-1 never run.
   Updates without an inline query, or one without a sender, are refused. */
TEST(answer_replace) {
    emu e;
    tp_bot *bot;
    tp_answerer *a;
    tp_update hand;
    tp_inline_query hq;
    tp_user from;
    reset();
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 10000);
    CHECK(bot != NULL);
    if (!bot) return;
    a = new_answerer(bot, 1);
    if (!a) return;
    pthread_mutex_lock(&L);
    gate_closed = true;
    pthread_mutex_unlock(&L);
    push(a, 0, 0);
    CHECK(wait_for(&started, 1, 10000));
    push(a, 1, 0);
    push(a, 2, 0);
    push(a, 1, 1);
    memset(&hand, 0, sizeof hand);
    memset(&hq, 0, sizeof hq);
    memset(&from, 0, sizeof from);
    from.id = 1001;
    from.first_name = "u";
    hq.id = "1-2";
    hq.from_ = &from;
    hq.query = "text 2";
    hq.offset = "";
    hand.update_id = 77;
    hand.inline_query = &hq;
    CHECK_EQ_INT(tp_answerer_push(a, &hand), TP_OK);
    CHECK_EQ_INT(users_in(a), 3);
    push_json(a, "{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":1,"
                 "\"type\":\"private\"},\"text\":\"hi\"}}",
              TP_ERR_INVALID);
    hq.from_ = NULL;
    CHECK_EQ_INT(tp_answerer_push(a, &hand), TP_ERR_INVALID);
    hand.inline_query = NULL;
    CHECK_EQ_INT(tp_answerer_push(a, &hand), TP_ERR_INVALID);
    open_gate();
    CHECK(wait_for(&finished, 3, 10000));
    CHECK(wait_idle(a, 5000));
    msleep(50);
    CHECK_EQ_INT(get(&started), 3);
    CHECK_EQ_INT(ncomp[1][0], 0);
    CHECK_EQ_INT(ncomp[1][1], 0);
    CHECK_EQ_INT(norder, 3);
    CHECK_EQ_INT(order[0], 0 * MAXK + 0);
    CHECK_EQ_INT(order[1], 1 * MAXK + 2); /* user 1 kept its place ahead of user 2 */
    CHECK_EQ_INT(order[2], 2 * MAXK + 0);
    CHECK_EQ_INT(get(&superseded_sends), 0);
    CHECK_EQ_INT(read_answers(&e), 3);
    CHECK_EQ_INT(answered[0][0], 1);
    CHECK_EQ_INT(answered[1][2], 1);
    CHECK_EQ_INT(answered[2][0], 1);
    CHECK_EQ_INT(get(&bad), 0);
    tp_answerer_free(a);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* (3) tp_answerer_free with 2 running (slow) and 18 waiting, one of the running superseded by
   a newer query of its user: it returns once the two ended, the waiting never run, the
   superseded one sent nothing and the other answered; pushes from the computations during
   free are refused (TP_ERR_STOPPED). Leaks: LeakSanitizer / valgrind. */
TEST(answer_free) {
    emu e;
    tp_bot *bot;
    tp_answerer *a;
    int u, first;
    reset();
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 10000);
    CHECK(bot != NULL);
    if (!bot) return;
    a = new_answerer(bot, 2);
    if (!a) return;
    sleep_ms = 300;
    push_inside = true;
    for (u = 0; u < 20; u++) push(a, u, 0);
    CHECK(wait_for(&started, 2, 10000));
    pthread_mutex_lock(&L);
    first = (int)(order[0] / MAXK);
    pthread_mutex_unlock(&L);
    push(a, first, 1); /* waits; supersedes the running 0 */
    tp_answerer_free(a);
    CHECK_EQ_INT(get(&started), 2);
    CHECK_EQ_INT(get(&finished), 2);
    CHECK_EQ_INT(get(&superseded_sends), 1);
    CHECK_EQ_INT(sent[first][0], -1);
    CHECK_EQ_INT(ncomp[first][1], 0);
    CHECK_EQ_INT(get(&push_inside_stopped), 2);
    CHECK_EQ_INT(get(&push_inside_other), 0);
    CHECK_EQ_INT(read_answers(&e), 1);
    CHECK_EQ_INT(get(&bad), 0);
    tp_answerer_free(NULL);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* (4) Two threads push 600 queries each for the same 16 users at once, computations sleeping
   1 ms; then each user's final query. Every query is computed at most once, each final one
   is answered, tpemu got exactly the answers sent, and the user table empties. */
#define TU 16
#define TPER 600
static void *pusher(void *arg) {
    int t = (int)(intptr_t)arg, i;
    for (i = 0; i < TPER; i++) push(cur, i % TU, t * TPER + i / TU);
    return NULL;
}
TEST(answer_threads) {
    emu e;
    tp_bot *bot;
    tp_answerer *a;
    pthread_t th[2];
    int u, k, t;
    long n, twice = 0, mismatch = 0, missing = 0, sent_ok = 0;
    reset();
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 10000);
    CHECK(bot != NULL);
    if (!bot) return;
    a = new_answerer(bot, 4);
    if (!a) return;
    sleep_ms = 1;
    for (t = 0; t < 2; t++) CHECK(pthread_create(&th[t], NULL, pusher, (void *)(intptr_t)t) == 0);
    for (t = 0; t < 2; t++) pthread_join(th[t], NULL);
    for (u = 0; u < TU; u++) push(a, u, MAXK - 1);
    CHECK(wait_idle(a, 30000));
    CHECK_EQ_INT(get(&started), get(&finished));
    n = read_answers(&e);
    for (u = 0; u < TU; u++) {
        if (ncomp[u][MAXK - 1] != 1 || sent[u][MAXK - 1] != 1 || answered[u][MAXK - 1] != 1)
            missing++;
        for (k = 0; k < MAXK; k++) {
            if (ncomp[u][k] > 1) twice++;
            if ((sent[u][k] == 1) != (answered[u][k] == 1) || answered[u][k] > 1) mismatch++;
            sent_ok += sent[u][k] == 1;
        }
    }
    CHECK_EQ_INT(missing, 0);
    CHECK_EQ_INT(twice, 0);
    CHECK_EQ_INT(mismatch, 0);
    CHECK_EQ_INT(n, sent_ok);
    CHECK_EQ_INT(get(&bad), 0);
    printf("answer_threads: 2 threads x %d pushes + %d final: %ld computed, %ld superseded, %ld "
           "answered\n", TPER, TU, get(&started), get(&superseded_sends), n);
    tp_answerer_free(a);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    CHECK(strcmp(tp_strerror(TP_ERR_SUPERSEDED), "unknown error") != 0);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(answer_supersede)) RUN(answer_supersede);
    if (PICK(answer_replace)) RUN(answer_replace);
    if (PICK(answer_free)) RUN(answer_free);
    if (PICK(answer_threads)) RUN(answer_threads);
    TEST_END();
}

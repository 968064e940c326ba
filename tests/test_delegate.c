/* tests/test_delegate.c - >>delegate: the scheduler (tp_sched_*) with real threads. Order by due
   time, once and repeating events, missed periods skipped, cancel (pending, running, from its
   own callback, from many threads at once: each event either ran exactly once or was cancelled
   before running), tp_sched_free with work pending and a callback in progress. The delegator
   (tp_dlg_*): 200 chats x 10 updates through tp_dlg_run and tpemu, idle closes at a timeout
   edge, tp_delegate_close with an update waiting, per-from order (fed directly through
   tp_dlg_handler where timing matters). argv[1] picks one case. Run under
   ASan+UBSan, valgrind and ThreadSanitizer by tests/run.sh. Timing checks only bound from one
   side, generously (an event never runs early; "soon" is within seconds). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#define TOKEN "123456:TESTSECRETTOKEN"
#define MAXN 100000
#include "tp_feed.h"

/* Waits up to ms for *flag to become at least want. */
static bool wait_for(long *flag, long want, long ms) {
    int64_t end = tp_now_ms() + ms;
    while (__atomic_load_n(flag, __ATOMIC_SEQ_CST) < want && tp_now_ms() < end) msleep(2);
    return __atomic_load_n(flag, __ATOMIC_SEQ_CST) >= want;
}

/* ---- order, once, not early ---- */
#define NORD 40
static pthread_mutex_t ord_lock = PTHREAD_MUTEX_INITIALIZER;
static int ord[NORD], nord;
static int64_t ord_when[NORD], ord_due[NORD], ord_due_hi[NORD]; /* due between the two */
static long ord_done;
static void on_ordered(void *user, uint64_t id) {
    int k = (int)(intptr_t)user;
    (void)id;
    pthread_mutex_lock(&ord_lock);
    ord_when[k] = tp_now_ms();
    ord[nord++] = k;
    pthread_mutex_unlock(&ord_lock);
    __atomic_add_fetch(&ord_done, 1, __ATOMIC_SEQ_CST);
}
TEST(test_order) {
    tp_error err;
    tp_sched *s = tp_sched_new(&err);
    int i, early = 0, misordered = 0;
    CHECK(s != NULL);
    if (!s) return;
    for (i = 0; i < NORD; i++) { /* scheduled in a shuffled order, due 5 ms apart */
        int k = (i * 17) % NORD;
        ord_due[k] = tp_now_ms() + 100 + 5 * k;
        CHECK(tp_sched_after(s, 100 + 5 * k, 0, on_ordered, (void *)(intptr_t)k) != 0);
        ord_due_hi[k] = tp_now_ms() + 100 + 5 * k;
    }
    CHECK(wait_for(&ord_done, NORD, 10000));
    for (i = 0; i < NORD; i++) {
        /* out of order: run after one surely due later (a loop slower than 5 ms a call, as
           under valgrind on a loaded machine, makes later k due sooner: that is no misorder) */
        if (i > 0 && ord_due_hi[ord[i]] < ord_due[ord[i - 1]]) misordered++;
        if (ord_when[i] < ord_due[i]) early++;
    }
    CHECK_EQ_INT(misordered, 0);
    CHECK_EQ_INT(early, 0);
    CHECK_EQ_INT(nord, NORD); /* each once */
    CHECK_EQ_INT(tp_sched_pending(s), 0);
    { /* at a wall-clock time: not before it */
        struct timespec ts;
        int64_t wall, t0 = tp_now_ms();
        clock_gettime(CLOCK_REALTIME, &ts);
        wall = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
        ord_done = 0;
        nord = 0;
        CHECK(tp_sched_at(s, wall + 150, 0, on_ordered, (void *)(intptr_t)0) != 0);
        CHECK(wait_for(&ord_done, 1, 5000));
        CHECK(ord_when[0] - t0 >= 140);
    }
    tp_sched_free(s);
}

/* ---- repeating, cancel, missed periods ---- */
static long reps;
static int64_t rep_at[64];
static void on_repeat(void *user, uint64_t id) {
    long n = __atomic_add_fetch(&reps, 1, __ATOMIC_SEQ_CST);
    (void)user;
    (void)id;
    if (n <= 64) rep_at[n - 1] = tp_now_ms();
    if (n == 3) msleep(60); /* the third run overruns six periods */
}
TEST(test_repeat) {
    tp_sched *s = tp_sched_new(NULL);
    uint64_t id;
    long at_cancel;
    int i, burst = 0;
    CHECK(s != NULL);
    if (!s) return;
    id = tp_sched_after(s, 0, 10, on_repeat, NULL);
    CHECK(id != 0);
    CHECK(wait_for(&reps, 8, 10000));
    CHECK(tp_sched_cancel(s, id)); /* it would have run again */
    at_cancel = __atomic_load_n(&reps, __ATOMIC_SEQ_CST);
    msleep(80);
    CHECK_EQ_INT(__atomic_load_n(&reps, __ATOMIC_SEQ_CST), at_cancel); /* never again */
    CHECK(!tp_sched_cancel(s, id));                                   /* already gone */
    for (i = 1; i < 7; i++) /* after the long third run: no burst of the periods it missed */
        if (rep_at[i] - rep_at[i - 1] < 3) burst++;
    CHECK_EQ_INT(burst, 0);
    CHECK_EQ_INT(tp_sched_pending(s), 0);
    tp_sched_free(s);
}

/* ---- cancel waits for a running callback; cancel from the callback itself ---- */
static long slow_in, slow_out;
static void on_slow(void *user, uint64_t id) {
    (void)user;
    (void)id;
    __atomic_store_n(&slow_in, 1, __ATOMIC_SEQ_CST);
    msleep(300);
    __atomic_store_n(&slow_out, 1, __ATOMIC_SEQ_CST);
}
static tp_sched *self_s;
static long self_runs;
static long self_cancel_result;
static void on_self_cancel(void *user, uint64_t id) {
    (void)user;
    if (__atomic_add_fetch(&self_runs, 1, __ATOMIC_SEQ_CST) == 2)
        __atomic_store_n(&self_cancel_result, (long)tp_sched_cancel(self_s, id), /* no self-wait */
                         __ATOMIC_SEQ_CST);
}
static long never_ran;
static void on_never(void *user, uint64_t id) {
    (void)user;
    (void)id;
    __atomic_add_fetch(&never_ran, 1, __ATOMIC_SEQ_CST);
}
TEST(test_cancel) {
    tp_sched *s = tp_sched_new(NULL);
    uint64_t id;
    CHECK(s != NULL);
    if (!s) return;
    id = tp_sched_after(s, 0, 0, on_slow, NULL);
    CHECK(wait_for(&slow_in, 1, 5000));
    CHECK(!tp_sched_cancel(s, id)); /* a one-shot already running: it will not run again */
    CHECK_EQ_INT(__atomic_load_n(&slow_out, __ATOMIC_SEQ_CST), 1); /* and it has ended */
    self_s = s;
    id = tp_sched_after(s, 0, 5, on_self_cancel, NULL);
    CHECK(wait_for(&self_runs, 2, 5000));
    msleep(60);
    CHECK_EQ_INT(__atomic_load_n(&self_runs, __ATOMIC_SEQ_CST), 2);
    CHECK(__atomic_load_n(&self_cancel_result, __ATOMIC_SEQ_CST) == 1);
    id = tp_sched_after(s, 200, 0, on_never, NULL); /* pending: cancelled before it is due */
    CHECK(tp_sched_cancel(s, id));
    CHECK(!tp_sched_cancel(s, id));
    CHECK(!tp_sched_cancel(s, 0));
    CHECK(!tp_sched_cancel(s, 987654321));
    msleep(300);
    CHECK_EQ_INT(never_ran, 0);
    tp_sched_free(s);
}

/* ---- many threads schedule and cancel at once ---- */
#define NT 4
#define PER 1500
static unsigned char ran[NT * PER];
static uint64_t ids[NT * PER];
static bool cancelled[NT * PER];
static tp_sched *race_s;
static void on_race(void *user, uint64_t id) {
    size_t k = (size_t)(uintptr_t)user;
    (void)id;
    __atomic_add_fetch(&ran[k], 1, __ATOMIC_SEQ_CST);
}
static void *racer(void *arg) {
    size_t t = (size_t)(uintptr_t)arg, i;
    unsigned r = (unsigned)t * 2654435761u + 1;
    for (i = 0; i < PER; i++) {
        size_t k = t * PER + i;
        r = r * 1103515245u + 12345u;
        ids[k] = tp_sched_after(race_s, (int64_t)(r >> 16) % 30, 0, on_race, (void *)(uintptr_t)k);
        if (i >= 3 && (r >> 8) % 2) { /* cancel an earlier one: pending, running or done */
            size_t j = k - 1 - (r >> 20) % 3;
            cancelled[j] |= tp_sched_cancel(race_s, ids[j]); /* once true, stays */
        }
    }
    return NULL;
}
TEST(test_race) {
    pthread_t th[NT];
    size_t t, k;
    int bad = 0, zero_ids = 0;
    long ran_total = 0, expected = 0;
    race_s = tp_sched_new(NULL);
    CHECK(race_s != NULL);
    if (!race_s) return;
    for (t = 0; t < NT; t++) pthread_create(&th[t], NULL, racer, (void *)(uintptr_t)t);
    for (t = 0; t < NT; t++) pthread_join(th[t], NULL);
    for (k = 0; k < NT * PER; k++) expected += !cancelled[k];
    {
        int64_t end = tp_now_ms() + 10000;
        while (tp_sched_pending(race_s) && tp_now_ms() < end) msleep(5);
    }
    CHECK_EQ_INT(tp_sched_pending(race_s), 0);
    tp_sched_free(race_s); /* no callback runs after this */
    for (k = 0; k < NT * PER; k++) {
        if (!ids[k]) zero_ids++;
        /* cancel() true: it never ran; false: it ran exactly once */
        if (ran[k] != (cancelled[k] ? 0 : 1)) bad++;
        ran_total += ran[k];
    }
    CHECK_EQ_INT(zero_ids, 0);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(ran_total, expected);
    printf("sched race: %d threads x %d events, %ld ran, %ld cancelled before running\n", NT,
           PER, ran_total, (long)(NT * PER) - ran_total);
}

/* ---- a repeating event goes back into a heap that filled while it ran ---- */
static long fill_runs;
static tp_sched *fill_s;
static void on_fill(void *user, uint64_t id) {
    int i;
    (void)user;
    (void)id;
    if (__atomic_add_fetch(&fill_runs, 1, __ATOMIC_SEQ_CST) == 1)
        for (i = 0; i < 16; i++) /* the heap's first capacity, taken while this one is out */
            tp_sched_after(fill_s, 60000, 0, on_never, NULL);
}
TEST(test_heap_slot) {
    fill_s = tp_sched_new(NULL);
    CHECK(fill_s != NULL);
    if (!fill_s) return;
    CHECK(tp_sched_after(fill_s, 0, 5, on_fill, NULL) != 0);
    CHECK(wait_for(&fill_runs, 3, 5000)); /* it came back after the first run and ran again */
    CHECK_EQ_INT(tp_sched_pending(fill_s), 17);
    tp_sched_free(fill_s);
}

/* ---- free with events pending and one running ---- */
TEST(test_free_busy) {
    tp_sched *s = tp_sched_new(NULL);
    int i;
    CHECK(s != NULL);
    if (!s) return;
    slow_in = slow_out = 0;
    never_ran = 0;
    CHECK(tp_sched_after(s, 0, 0, on_slow, NULL) != 0);
    for (i = 0; i < 100; i++) CHECK(tp_sched_after(s, 60000 + i, 1000, on_never, NULL) != 0);
    CHECK_EQ_INT(tp_sched_pending(s), 101);
    CHECK(wait_for(&slow_in, 1, 5000));
    tp_sched_free(s); /* waits for on_slow, frees the hundred (LeakSanitizer checks) */
    CHECK_EQ_INT(__atomic_load_n(&slow_out, __ATOMIC_SEQ_CST), 1);
    CHECK_EQ_INT(never_ran, 0);
    tp_sched_free(NULL);
}

/* ---- the delegator (tp_dlg): a pool of the poller's workers, against tpemu or fed directly ---- */
typedef struct dstate {
    long n, opened, closed, serial;
    int64_t last_id;
} dstate;
static pthread_mutex_t dl = PTHREAD_MUTEX_INITIALIZER;
static long d_opens, d_closes[8], d_bad, d_serials;
static long d_serial_of[MAXN];
static int d_slow_ms;         /* on_message sleeps this long on every 25th update */
static long d_expect_n;       /* each delegate closes having handled this many (0: no check) */
static bool d_check_chat;     /* each update is of the delegate's chat */
static long d_close_at = -1;  /* the update "msg I" that closes its delegate after 100 ms */
static int d_producer;        /* the producer the delegator tests run with */
static tp_dlg_opts d_opts;
static pid_t f_parent; /* the test's process (a forked delegate's differs) */
static bool no_fork;   /* TPT_NO_FORK: the fork producer's cases are left out */

/* Options with the producer under test. */
static const tp_dlg_opts *dopts(void) {
    memset(&d_opts, 0, sizeof d_opts);
    d_opts.producer = d_producer;
    d_opts.stack_size = 64 * 1024;
    return &d_opts;
}


static void d_reset(void) {
    pthread_mutex_lock(&dl);
    d_opens = d_bad = d_serials = 0;
    memset(d_closes, 0, sizeof d_closes);
    memset(d_serial_of, 0, sizeof d_serial_of);
    d_slow_ms = 0;
    d_expect_n = 0;
    d_check_chat = true;
    d_close_at = -1;
    pthread_mutex_unlock(&dl);
    seen_reset();
}

static long msg_index(const tp_update *u) {
    if (!u->message || !u->message->text || strncmp(u->message->text, "msg ", 4)) return -1;
    return strtol(u->message->text + 4, NULL, 10);
}

static bool d_open(tp_delegate *d, const tp_update *first) {
    dstate *s = (dstate *)tp_delegate_state(d);
    (void)first;
    pthread_mutex_lock(&dl);
    if (s->opened++ || s->n) d_bad++;
    s->serial = ++d_serials;
    d_opens++;
    pthread_mutex_unlock(&dl);
    return false;
}

static void d_msg(tp_delegate *d, const tp_update *u) {
    dstate *s = (dstate *)tp_delegate_state(d);
    long i = msg_index(u);
    record(u);
    pthread_mutex_lock(&dl);
    if (!s->opened || s->closed || s->last_id >= u->update_id) d_bad++; /* order, lifetime */
    if (d_check_chat && u->message && u->message->chat->id != tp_delegate_chat_id(d)) d_bad++;
    if (i >= 0 && i < MAXN) d_serial_of[i] = s->serial;
    pthread_mutex_unlock(&dl);
    s->last_id = u->update_id;
    s->n++;
    if (i == d_close_at) {
        msleep(100);
        tp_delegate_close(d);
    } else if (d_slow_ms && i % 25 == 0) {
        msleep(d_slow_ms);
    }
}

static void d_close(tp_delegate *d, tp_close_reason why) {
    dstate *s = (dstate *)tp_delegate_state(d);
    pthread_mutex_lock(&dl);
    if (s->closed++ || !s->opened || (d_expect_n && s->n != d_expect_n)) d_bad++;
    d_closes[(int)why & 7]++;
    pthread_mutex_unlock(&dl);
}

static long d_get(const long *v) {
    long n;
    pthread_mutex_lock(&dl);
    n = *v;
    pthread_mutex_unlock(&dl);
    return n;
}

static long d_closes_total(void) {
    long n = 0;
    int i;
    pthread_mutex_lock(&dl);
    for (i = 0; i < 8; i++) n += d_closes[i];
    pthread_mutex_unlock(&dl);
    return n;
}

typedef struct runner {
    tp_bot *bot;
    const tp_dlg_route *routes;
    tp_dlg_opts o;
    tp_poll_opts po;
    tp_err rc;
    tp_error err;
} runner;

static void *run_dlg(void *arg) {
    runner *r = (runner *)arg;
    r->o.poll = &r->po;
    r->o.producer = d_producer;
    r->o.stack_size = 64 * 1024;
    r->rc = tp_dlg_run(r->bot, r->routes, &r->o, &r->err);
    return NULL;
}

/* One message update of chat `chat` from `from` with the text "msg I", straight to the
   delegator (as the webhook receiver would). */
static void feed(tp_dlg *g, tp_bot *bot, long id, int64_t chat, int64_t from, long i) {
    char js[512];
    tp_json_doc *doc;
    const tp_update *u;
    snprintf(js, sizeof js,
             "{\"update_id\":%ld,\"message\":{\"message_id\":%ld,\"date\":1,\"chat\":{\"id\":%lld,"
             "\"type\":\"private\"},\"from\":{\"id\":%lld,\"is_bot\":false,\"first_name\":\"u\"},"
             "\"text\":\"msg %ld\"}}",
             id, id, (long long)chat, (long long)from, i);
    doc = tp_json_parse(js, strlen(js), NULL);
    u = doc ? tp_update_view(doc, tp_json_root(doc), NULL) : NULL;
    if (u) {
        tp_dlg_handler(bot, u, g);
    } else {
        pthread_mutex_lock(&dl);
        d_bad++;
        pthread_mutex_unlock(&dl);
    }
    tp_json_doc_free(doc);
}

static tp_handler d_handler(int timeout_ms) {
    tp_handler h;
    memset(&h, 0, sizeof h);
    h.state_size = sizeof(dstate);
    h.open = d_open;
    h.on_message = d_msg;
    h.on_close = d_close;
    h.timeout_ms = timeout_ms;
    return h;
}

/* 200 chats x 10 updates, interleaved, through tp_dlg_run with 8 workers. */
TEST(dlg_many) {
    const char *args[] = {"--updates", "2000", "--chats", "200", NULL};
    tp_handler h = d_handler(0);
    tp_dlg_route routes[2];
    runner r;
    pthread_t th;
    emu e;
    int i;
    d_reset();
    d_expect_n = 10;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    CHECK(emu_start(&e, 0, args));
    memset(&r, 0, sizeof r);
    r.bot = new_bot(e.url, 10000);
    r.routes = routes;
    r.o.workers = 8;
    r.po.timeout_s = 1;
    CHECK(pthread_create(&th, NULL, run_dlg, &r) == 0);
    for (i = 0; i < 6000 && count_handled() < 2000; i++) msleep(10);
    msleep(200); /* a second delivery would come now */
    tp_bot_stop(r.bot);
    pthread_join(th, NULL);
    CHECK_EQ_INT(r.rc, TP_OK);
    CHECK_EQ_INT(handled, 2000);
    CHECK_EQ_INT(dups, 0);
    CHECK_EQ_INT(out_of_order, 0);
    CHECK_EQ_INT(d_bad, 0);
    CHECK_EQ_INT(d_opens, 200);
    CHECK_EQ_INT(d_closes[TP_CLOSE_SHUTDOWN], 200);
    CHECK_EQ_INT(d_closes_total(), 200);
    printf("dlg_many: handled=%ld dups=%ld order=%ld opens=%ld shutdown=%ld\n", handled, dups,
           out_of_order, d_opens, d_closes[TP_CLOSE_SHUTDOWN]);
    tp_bot_free(r.bot);
    emu_kill(&e, SIGTERM);
}

/* A chat's updates spaced around a 20 ms idle timeout, from a thread of its own. */
#define EDGE_CHATS 10
#define EDGE_N 200
typedef struct edge_feeder {
    tp_dlg *g;
    tp_bot *bot;
    int64_t chat;
} edge_feeder;
static void *feed_edge(void *arg) {
    edge_feeder *f = (edge_feeder *)arg;
    long i;
    for (i = 0; i < EDGE_N; i++) {
        long idx = (long)(f->chat - 100) * EDGE_N + i;
        feed(f->g, f->bot, 10 + idx, f->chat, f->chat, idx);
        msleep(20 + (i % 9) - 4);
    }
    return NULL;
}

/* Idle close after silence; then 10 chats at once, 200 updates each spaced around the
   timeout (some handlers outlast it): 2,000 edges, none lost or handled twice, every delegate
   closed once. */
TEST(dlg_idle) {
    tp_handler h = d_handler(50);
    tp_dlg_route routes[2];
    tp_bot *bot = new_bot("http://127.0.0.1:1", 1000);
    tp_dlg *g;
    int64_t t0, t1;
    long i, n = 300;
    int k;
    d_reset();
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    g = tp_dlg_new(bot, routes, dopts(), NULL);
    CHECK(g != NULL);
    if (!g) return;
    feed(g, bot, 1, 5, 5, 0);
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_dlg_live(g), 1);
    for (k = 0; k < 1500 && d_closes_total() < 1; k++) msleep(2);
    t1 = tp_now_ms();
    CHECK_EQ_INT(d_get(&d_closes[TP_CLOSE_IDLE]), 1);
    CHECK(t1 - t0 >= 45); /* not early */
    CHECK_EQ_INT(tp_dlg_live(g), 0);
    /* activity within the timeout keeps it open past the timeout: updates 10 ms apart for 2.5
       timeouts (600 ms: a loaded machine once stalled the feeding past a 200 ms one) */
    h.timeout_ms = 600;
    t0 = tp_now_ms();
    for (i = 0; tp_now_ms() - t0 < 1500; i++) {
        feed(g, bot, 2 + i, 5, 5, 1 + i);
        msleep(10);
    }
    CHECK_EQ_INT(d_get(&d_opens), 2);
    CHECK_EQ_INT(d_get(&d_closes[TP_CLOSE_IDLE]), 1);
    tp_dlg_free(g);
    CHECK_EQ_INT(d_get(&d_closes[TP_CLOSE_SHUTDOWN]), 1);

    d_reset();
    h.timeout_ms = 20;
    d_slow_ms = 30; /* every 25th handler runs past the timeout */
    g = tp_dlg_new(bot, routes, dopts(), NULL);
    CHECK(g != NULL);
    if (!g) return;
    {
        edge_feeder ef[EDGE_CHATS];
        pthread_t th[EDGE_CHATS];
        for (k = 0; k < EDGE_CHATS; k++) {
            ef[k].g = g;
            ef[k].bot = bot;
            ef[k].chat = 100 + k;
            CHECK(pthread_create(&th[k], NULL, feed_edge, &ef[k]) == 0);
        }
        for (k = 0; k < EDGE_CHATS; k++) pthread_join(th[k], NULL);
    }
    n = EDGE_CHATS * EDGE_N;
    for (k = 0; k < 1500 && (tp_dlg_live(g) || d_closes_total() < d_get(&d_opens)); k++)
        msleep(2); /* (a thread delegate's on_close runs after it left the table) */
    CHECK_EQ_INT(tp_dlg_live(g), 0);
    CHECK_EQ_INT(handled, n);
    CHECK_EQ_INT(dups, 0);
    CHECK_EQ_INT(d_bad, 0);
    CHECK_EQ_INT(d_get(&d_closes[TP_CLOSE_IDLE]), d_get(&d_opens));
    CHECK_EQ_INT(d_closes_total(), d_get(&d_opens));
    CHECK(d_get(&d_opens) > EDGE_CHATS && d_get(&d_opens) < n); /* crossed both ways */
    printf("dlg_idle: %ld updates at the 20 ms edge over %d chats at once: %ld delegates, "
           "%ld idle closes\n", n, EDGE_CHATS, d_get(&d_opens), d_get(&d_closes[TP_CLOSE_IDLE]));
    tp_dlg_free(g);
    CHECK_EQ_INT(d_closes_total(), d_get(&d_opens));
    tp_bot_free(bot);
}

typedef struct feeder {
    tp_dlg *g;
    tp_bot *bot;
} feeder;

static void *feed_first(void *arg) {
    feeder *f = (feeder *)arg;
    feed(f->g, f->bot, 1, 9, 9, 0);
    return NULL;
}

/* tp_delegate_close inside a callback while the chat's next update waits for the delegate:
   that update goes to a new delegate; the old one closes once with HANDLER. */
TEST(dlg_close_inside) {
    tp_handler h = d_handler(0);
    tp_dlg_route routes[2];
    tp_bot *bot = new_bot("http://127.0.0.1:1", 1000);
    feeder f;
    pthread_t th;
    d_reset();
    d_close_at = 0;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    f.bot = bot;
    f.g = tp_dlg_new(bot, routes, dopts(), NULL);
    CHECK(f.g != NULL);
    if (!f.g) return;
    CHECK(pthread_create(&th, NULL, feed_first, &f) == 0);
    while (count_handled() < 1) msleep(1);
    feed(f.g, bot, 2, 9, 9, 1); /* waits for the delegate, which closes meanwhile */
    pthread_join(th, NULL);
    CHECK_EQ_INT(handled, 2);
    CHECK_EQ_INT(d_bad, 0);
    CHECK_EQ_INT(d_opens, 2);
    CHECK(d_serial_of[0] != d_serial_of[1]);
    CHECK_EQ_INT(d_closes[TP_CLOSE_HANDLER], 1);
    CHECK_EQ_INT(tp_dlg_live(f.g), 1);
    feed(f.g, bot, 3, 9, 9, 2); /* the new delegate */
    CHECK_EQ_INT(d_serial_of[2], d_serial_of[1]);
    tp_dlg_free(f.g);
    CHECK_EQ_INT(d_closes[TP_CLOSE_SHUTDOWN], 1);
    CHECK_EQ_INT(d_closes_total(), 2);
    tp_bot_free(bot);
}

/* One user writing in two chats, seeded per from id, with 8 workers: the poller orders the
   updates by the seed (the key hook), so the user's delegate sees them in update_id order. */
TEST(dlg_from_order) {
    tp_handler h = d_handler(0);
    tp_dlg_route routes[2];
    runner r;
    pthread_t th;
    emu e;
    char body[512];
    long i, n = 300;
    d_reset();
    d_check_chat = false;
    d_slow_ms = 1;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_from_id();
    routes[0].handler = &h;
    CHECK(emu_start(&e, 0, NULL));
    for (i = 0; i < n; i++) {
        snprintf(body, sizeof body,
                 "{\"message\":{\"message_id\":%ld,\"date\":1,\"chat\":{\"id\":%d,\"type\":"
                 "\"group\",\"title\":\"g\"},\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":"
                 "\"a\"},\"text\":\"msg %ld\"}}",
                 i + 1, i % 2 ? 200 : 100, i);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
    }
    memset(&r, 0, sizeof r);
    r.bot = new_bot(e.url, 10000);
    r.routes = routes;
    r.o.workers = 8;
    r.po.timeout_s = 1;
    CHECK(pthread_create(&th, NULL, run_dlg, &r) == 0);
    for (i = 0; i < 3000 && count_handled() < n; i++) msleep(10);
    tp_bot_stop(r.bot);
    pthread_join(th, NULL);
    CHECK_EQ_INT(r.rc, TP_OK);
    CHECK_EQ_INT(handled, n);
    CHECK_EQ_INT(dups, 0);
    CHECK_EQ_INT(d_bad, 0); /* one delegate, in update_id order */
    CHECK_EQ_INT(d_opens, 1);
    CHECK_EQ_INT(d_closes[TP_CLOSE_SHUTDOWN], 1);
    tp_bot_free(r.bot);
    emu_kill(&e, SIGTERM);
}

/* Sets and FRESH seeds: per_chat_id_in {5}, per_chat_id_except {5, 6}, per_message; chats 5,
   6 and 7 write once each. */
TEST(dlg_seeds) {
    static const int64_t only5[] = {5}, not56[] = {5, 6};
    tp_handler h = d_handler(0);
    tp_dlg_route routes[4];
    tp_bot *bot = new_bot("http://127.0.0.1:1", 1000);
    tp_dlg *g;
    d_reset();
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id_in(only5, 1);
    routes[1].seeder = tp_per_chat_id_except(not56, 2);
    routes[2].seeder = tp_per_message();
    routes[0].handler = routes[1].handler = routes[2].handler = &h;
    g = tp_dlg_new(bot, routes, dopts(), NULL);
    CHECK(g != NULL);
    if (!g) return;
    feed(g, bot, 1, 5, 5, 0);
    feed(g, bot, 2, 6, 6, 1);
    feed(g, bot, 3, 7, 7, 2);
    CHECK_EQ_INT(seen_count[0], 2); /* route 0 and the fresh one */
    CHECK_EQ_INT(seen_count[1], 1); /* the fresh one only */
    CHECK_EQ_INT(seen_count[2], 2); /* route 1 and the fresh one */
    CHECK_EQ_INT(d_opens, 5);
    CHECK_EQ_INT(d_closes[TP_CLOSE_HANDLER], 3); /* a fresh delegate ends with its update */
    CHECK_EQ_INT(tp_dlg_live(g), 2);
    tp_dlg_free(g);
    CHECK_EQ_INT(d_closes[TP_CLOSE_SHUTDOWN], 2);
    CHECK_EQ_INT(d_bad, 0);
    tp_bot_free(bot);
}

/* ---- the thread producer: a slow delegate holds its own thread only ---- */
static long slow_done[8];
static int64_t slow_at[8];
static void slow_msg(tp_delegate *d, const tp_update *u) {
    int64_t c = tp_delegate_chat_id(d);
    (void)u;
    if (c == 1) msleep(1500);
    pthread_mutex_lock(&dl);
    if (c >= 1 && c < 8) {
        slow_done[c]++;
        slow_at[c] = tp_now_ms();
    }
    pthread_mutex_unlock(&dl);
}

/* One poll worker: with the pool, chat 1's 1.5 s handler would hold it and every other chat
   behind it; with a thread per delegate the other chats are answered while it sleeps. */
TEST(dlg_thread_slow) {
    static tp_handler h;
    tp_dlg_route routes[2];
    runner r;
    pthread_t th;
    emu e;
    char body[160];
    int64_t t0;
    long late = 0, i;
    int c, before = thread_count();
    memset(&h, 0, sizeof h);
    h.on_message = slow_msg;
    memset(slow_done, 0, sizeof slow_done);
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    CHECK(emu_start(&e, 0, NULL));
    memset(&r, 0, sizeof r);
    r.bot = new_bot(e.url, 10000);
    r.routes = routes;
    r.o.workers = 1;
    r.po.timeout_s = 1;
    d_producer = TP_PRODUCER_THREAD;
    CHECK(pthread_create(&th, NULL, run_dlg, &r) == 0);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":1,\"text\":\"slow\"}"), TP_OK);
    msleep(200);
    t0 = tp_now_ms();
    for (c = 2; c < 8; c++) {
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"quick\"}", c);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
    }
    for (i = 0; i < 300; i++) {
        long n = 0;
        pthread_mutex_lock(&dl);
        for (c = 2; c < 8; c++) n += slow_done[c];
        pthread_mutex_unlock(&dl);
        if (n == 6) break;
        msleep(10);
    }
    pthread_mutex_lock(&dl);
    for (c = 2; c < 8; c++) late += slow_done[c] != 1 || slow_at[c] - t0 > 1000;
    CHECK_EQ_INT(slow_done[1], 0); /* still sleeping */
    pthread_mutex_unlock(&dl);
    CHECK_EQ_INT(late, 0);
    tp_bot_stop(r.bot);
    pthread_join(th, NULL); /* the stop waits for chat 1's handler */
    CHECK_EQ_INT(r.rc, TP_OK);
    CHECK_EQ_INT(slow_done[1], 1);
    CHECK_EQ_INT(thread_count(), before); /* every delegate's thread joined */
    tp_bot_free(r.bot);
    emu_kill(&e, SIGTERM);
}

/* ---- timers of a delegate ---- */
typedef struct tstate {
    int in_cb;               /* a callback of this delegate is running */
    uint64_t rep;            /* the repeating event */
    long reps, onces, reps_at_cancel;
    bool closed;
} tstate;
static long t_overlap, t_after_close, t_cancel_true, t_zero_after_close, t_closes[8];
static tstate t_last; /* the state as on_close saw it */

static void t_enter(tstate *t) {
    pthread_mutex_lock(&dl);
    if (t->in_cb++) t_overlap++;
    if (t->closed) t_after_close++;
    pthread_mutex_unlock(&dl);
}
static void t_leave(tstate *t) {
    pthread_mutex_lock(&dl);
    t->in_cb--;
    pthread_mutex_unlock(&dl);
}
static bool t_open(tp_delegate *d, const tp_update *first) {
    tstate *t = (tstate *)tp_delegate_state(d);
    (void)first;
    t->rep = tp_delegate_after(d, 5, 7, (void *)1);
    CHECK(t->rep != 0);
    CHECK(tp_delegate_after(d, 40, 0, (void *)2) != 0);
    return false;
}
static void t_msg(tp_delegate *d, const tp_update *u) {
    tstate *t = (tstate *)tp_delegate_state(d);
    long i = msg_index(u);
    t_enter(t);
    if (i == 90) { /* stop the repeating event */
        pthread_mutex_lock(&dl);
        t_cancel_true += tp_delegate_cancel(d, t->rep);
        t->reps_at_cancel = t->reps;
        pthread_mutex_unlock(&dl);
    } else if (i == 91) {
        tp_delegate_close(d);
        pthread_mutex_lock(&dl);
        t_zero_after_close += tp_delegate_after(d, 1, 0, NULL) == 0;
        pthread_mutex_unlock(&dl);
    } else {
        msleep(12); /* events come due meanwhile: they wait for this turn */
    }
    t_leave(t);
}
static void t_event(tp_delegate *d, uint64_t id, void *data) {
    tstate *t = (tstate *)tp_delegate_state(d);
    (void)id;
    t_enter(t);
    pthread_mutex_lock(&dl);
    if (data == (void *)1) t->reps++;
    else t->onces++;
    pthread_mutex_unlock(&dl);
    t_leave(t);
}
static void t_close(tp_delegate *d, tp_close_reason why) {
    tstate *t = (tstate *)tp_delegate_state(d);
    pthread_mutex_lock(&dl);
    t->closed = true;
    t_closes[(int)why & 7]++;
    t_last = *t;
    pthread_mutex_unlock(&dl);
}

/* Events run in the delegate's turn, never beside its updates; a cancelled event stops; a
   closed delegate's events stop; a delegate idle for timeout_ms closes even with a
   repeating event (events are not activity). */
TEST(dlg_timers) {
    static tp_handler h;
    tp_dlg_route routes[2];
    tp_bot *bot = new_bot("http://127.0.0.1:1", 1000);
    tp_dlg *g;
    long i, nreps;
    int k;
    memset(&h, 0, sizeof h);
    h.state_size = sizeof(tstate);
    h.open = t_open;
    h.on_message = t_msg;
    h.on_event = t_event;
    h.on_close = t_close;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    t_overlap = t_after_close = t_cancel_true = t_zero_after_close = 0;
    memset(t_closes, 0, sizeof t_closes);
    d_reset();
    g = tp_dlg_new(bot, routes, dopts(), NULL);
    CHECK(g != NULL);
    if (!g) return;
    for (i = 0; i < 10; i++) feed(g, bot, 1 + i, 3, 3, i); /* ~120 ms of turns */
    msleep(60);
    feed(g, bot, 20, 3, 3, 90); /* cancel */
    msleep(60);
    feed(g, bot, 21, 3, 3, 91); /* close */
    msleep(60);
    CHECK_EQ_INT(d_get(&t_closes[TP_CLOSE_HANDLER]), 1);
    pthread_mutex_lock(&dl);
    nreps = t_last.reps;
    printf("dlg_timers(%s): %ld repeats before the cancel, %ld after, once ran %ld\n",
           d_producer == TP_PRODUCER_THREAD ? "thread" : "pool", t_last.reps_at_cancel,
           t_last.reps - t_last.reps_at_cancel, t_last.onces);
    CHECK(t_last.reps_at_cancel >= 5);
    CHECK_EQ_INT(t_last.reps, t_last.reps_at_cancel); /* none after the cancel */
    CHECK_EQ_INT(t_last.onces, 1);
    pthread_mutex_unlock(&dl);
    CHECK(nreps > 0);
    CHECK_EQ_INT(d_get(&t_cancel_true), 1);
    CHECK_EQ_INT(d_get(&t_zero_after_close), 1);
    CHECK_EQ_INT(d_get(&t_overlap), 0);
    CHECK_EQ_INT(d_get(&t_after_close), 0);

    h.timeout_ms = 60; /* idle close with a repeating event running */
    feed(g, bot, 30, 4, 4, 0);
    for (k = 0; k < 500 && d_get(&t_closes[TP_CLOSE_IDLE]) < 1; k++) msleep(2);
    CHECK_EQ_INT(d_get(&t_closes[TP_CLOSE_IDLE]), 1);
    msleep(50);
    CHECK_EQ_INT(d_get(&t_after_close), 0);
    CHECK_EQ_INT(d_get(&t_overlap), 0);
    tp_dlg_free(g);
    CHECK_EQ_INT(d_get(&t_closes[TP_CLOSE_SHUTDOWN]), 0);
    tp_bot_free(bot);
}

/* The webhook receiver feeding the delegator: one user writing in two chats, seeded per
   from id, 4 workers: the receiver's dispatcher orders by the seed, so the user's delegate
   sees every update once and in order. */
TEST(dlg_hook_order) {
    tp_handler h = d_handler(0);
    tp_dlg_route routes[2];
    tp_bot *bot = new_bot("http://127.0.0.1:1", 1000);
    tp_hook *hk;
    tp_dlg *g;
    char body[512];
    long i, n = 300;
    int before = thread_count();
    d_reset();
    d_check_chat = false;
    d_slow_ms = 2;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_from_id();
    routes[0].handler = &h;
    g = tp_dlg_new(bot, routes, dopts(), NULL);
    CHECK(g != NULL);
    if (!g) return;
    hk = tp_hook_new(bot, tp_dlg_handler, g,
                     &(tp_hook_opts){ .no_server = true, .workers = 4, .queue_size = 1024 }, NULL);
    CHECK(hk != NULL);
    if (!hk) return;
    for (i = 0; i < n; i++) {
        snprintf(body, sizeof body,
                 "{\"update_id\":%ld,\"message\":{\"message_id\":%ld,\"date\":1,\"chat\":{\"id\":"
                 "%d,\"type\":\"group\",\"title\":\"g\"},\"from\":{\"id\":42,\"is_bot\":false,"
                 "\"first_name\":\"a\"},\"text\":\"msg %ld\"}}",
                 i + 1, i + 1, i % 2 ? 200 : 100, i);
        CHECK_EQ_INT(tp_hook_push(hk, body, strlen(body), NULL), TP_OK);
    }
    tp_hook_free(hk); /* drains */
    CHECK_EQ_INT(handled, n);
    CHECK_EQ_INT(dups, 0);
    CHECK_EQ_INT(d_bad, 0); /* one delegate, in update_id order */
    CHECK_EQ_INT(d_opens, 1);
    tp_dlg_free(g);
    CHECK_EQ_INT(d_closes[TP_CLOSE_SHUTDOWN], 1);
    CHECK_EQ_INT(thread_count(), before);
    tp_bot_free(bot);
}

/* ---- the fork producer: each delegate a process of its own ---- */
typedef struct fstate {
    long n;
} fstate;
static long f_crash_closes, f_other_closes;
static char f_log[8][256];
static int f_nlog;
static void f_logfn(void *user, int level, const char *text) {
    (void)user;
    pthread_mutex_lock(&dl);
    if (level == 0 && f_nlog < 8) snprintf(f_log[f_nlog++], sizeof f_log[0], "%s", text);
    pthread_mutex_unlock(&dl);
}
/* Runs in the child: echoes the text ("N:text" when it counts), or dies as asked. */
static void f_msg(tp_delegate *d, const tp_update *u) {
    fstate *f = (fstate *)tp_delegate_state(d);
    const char *t = u->message && u->message->text ? u->message->text : "";
    f->n++;
    if (!strcmp(t, "die-abort")) abort();
    if (!strcmp(t, "die-segv")) { /* (the sanitizers' own SIGSEGV handler would exit 1) */
        signal(SIGSEGV, SIG_DFL);
        raise(SIGSEGV);
    }
    if (!strcmp(t, "die-exit")) _exit(7);
    if (!strcmp(t, "bye")) tp_delegate_close(d);
    if (!strcmp(t, "die-idle")) tp_delegate_after(d, 30, 0, NULL); /* f_event: _exit(9) */ /* (exit would run the sanitizers' leak check) */
    if (!strncmp(t, "msg ", 4)) tp_delegate_printf(d, "%s", t); /* tpemu checks the echo */
    else tp_delegate_printf(d, "%ld:%s pid-differs=%d", f->n, t, getpid() != f_parent);
}
static void f_event(tp_delegate *d, uint64_t id, void *data) {
    (void)d;
    (void)id;
    (void)data;
    _exit(9); /* a forked delegate's process dies between its updates */
}
/* Runs in the parent only for a crash; in the child otherwise (not seen here). */
static void f_close(tp_delegate *d, tp_close_reason why) {
    if (getpid() != f_parent) { /* in the child: say so to the chat */
        tp_delegate_printf(d, "closed %d after %ld", (int)why,
                           ((fstate *)tp_delegate_state(d))->n);
        return;
    }
    pthread_mutex_lock(&dl);
    if (why == TP_CLOSE_CRASHED) f_crash_closes++;
    else f_other_closes++;
    pthread_mutex_unlock(&dl);
}

/* The fork server is forked by tp_dlg_new on tp_dlg_run's thread: until it exists, this
   thread makes no call (a lock it held in the allocator or the resolver at that instant
   would be held forever in the server's children). */
static void wait_fork_server(pid_t except) {
    int i;
    for (i = 0; i < 2000 && descendants(except) < 1; i++) msleep(1);
}

/* 300 chats x 10 updates interleaved, a process per delegate: tpemu counts every echo once,
   in order per chat; at the end no child is left. */
TEST(dlg_fork_many) {
    const char *args[] = {"--updates", "3000", "--chats", "300", NULL};
    static tp_handler h;
    tp_dlg_route routes[2];
    runner r;
    pthread_t th;
    emu e;
    int i, st = 0, live;
    bool exited = false;
    memset(&h, 0, sizeof h);
    h.state_size = sizeof(fstate);
    h.on_message = f_msg;
    h.on_close = f_close;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    routes[0].producer = TP_PRODUCER_FORK;
    f_crash_closes = f_other_closes = 0;
    CHECK(emu_start(&e, 0, args));
    memset(&r, 0, sizeof r);
    r.bot = new_bot(e.url, 10000);
    r.routes = routes;
    r.o.workers = 8;
    r.po.timeout_s = 1;
    d_producer = 0;
    CHECK(pthread_create(&th, NULL, run_dlg, &r) == 0);
    wait_fork_server(e.pid); /* no allocation of ours races the server's fork */
    for (i = 0; i < 1200 && !exited; i++) { /* tpemu exits once every update was answered:
                                               status 0 when each once, in order per chat */
        exited = waitpid(e.pid, &st, WNOHANG) == e.pid;
        if (!exited) msleep(50);
    }
    CHECK(exited && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    if (exited) e.pid = 0; /* reaped */
    live = descendants(e.pid);
    CHECK(live > 1); /* the fork server and the delegates' processes */
    tp_bot_stop(r.bot);
    pthread_join(th, NULL);
    CHECK_EQ_INT(r.rc, TP_OK);
    printf("dlg_fork_many: tpemu %s; %d processes while live, %d left after the stop\n",
           exited ? "done" : "not done", live, descendants(e.pid));
    CHECK_EQ_INT(descendants(e.pid), 0);
    CHECK_EQ_INT(d_get(&f_crash_closes), 0);
    tp_bot_free(r.bot);
    emu_kill(&e, SIGTERM);
}

/* A forked delegate that aborts, segfaults or exits mid-conversation: reported (logged, and
   on_close(CRASHED) in the parent), its chat recovers on its next message with a new
   process, the other chats are unaffected. */
TEST(dlg_fork_crash) {
    static const char *const deaths[] = {"die-abort", "die-segv", "die-exit"};
    static tp_handler h;
    tp_dlg_route routes[2];
    runner r;
    pthread_t th;
    emu e;
    char body[200];
    tp_json_doc *calls;
    int k, i;
    memset(&h, 0, sizeof h);
    h.state_size = sizeof(fstate);
    h.on_message = f_msg;
    h.on_close = f_close;
    h.on_event = f_event;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    routes[0].producer = TP_PRODUCER_FORK;
    f_crash_closes = f_other_closes = 0;
    f_nlog = 0;
    CHECK(emu_start(&e, 0, NULL));
    memset(&r, 0, sizeof r);
    r.bot = tp_bot_new(&(tp_bot_opts){ .token = TOKEN, .api_url = e.url, .timeout_ms = 10000,
                                       .log = f_logfn },
                       NULL);
    r.routes = routes;
    r.o.workers = 4;
    r.po.timeout_s = 1;
    CHECK(pthread_create(&th, NULL, run_dlg, &r) == 0);
    wait_fork_server(e.pid); /* no allocation of ours races the server's fork */
    for (k = 0; k < 3; k++) { /* chat 10+k: a, death, b; chat 20+k: x, y around it */
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"a\"}", 10 + k);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"x\"}", 20 + k);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"%s\"}", 10 + k, deaths[k]);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"b\"}", 10 + k);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"y\"}", 20 + k);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
    }
    for (i = 0; i < 400 && emu_stat(&e, "bot_messages") < 12; i++) msleep(25);
    /* chat 13's process dies while idle (a timer of its own): its next update is not lost */
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":13,\"text\":\"die-idle\"}"), TP_OK);
    for (i = 0; i < 400 && emu_stat(&e, "bot_messages") < 13; i++) msleep(25);
    msleep(300);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":13,\"text\":\"b\"}"), TP_OK);
    for (i = 0; i < 400 && emu_stat(&e, "bot_messages") < 14; i++) msleep(25);
    tp_bot_stop(r.bot);
    pthread_join(th, NULL);
    CHECK_EQ_INT(r.rc, TP_OK);
    calls = emu_get(&e, "/_emu/calls?method=sendMessage");
    {
        tp_buf b;
        tp_buf_init(&b);
        if (calls) tp_json_write(&b, tp_json_root(calls));
        for (k = 0; k < 3; k++) {
            char want[64];
            snprintf(want, sizeof want, "\"chat_id\":%d,\"text\":\"1:a pid-differs=1\"", 10 + k);
            CHECK(b.ptr && strstr(b.ptr, want));
            snprintf(want, sizeof want, "\"chat_id\":%d,\"text\":\"1:b pid-differs=1\"", 10 + k);
            CHECK(b.ptr && strstr(b.ptr, want)); /* a new delegate: its count starts again */
            snprintf(want, sizeof want, "\"chat_id\":%d,\"text\":\"2:y pid-differs=1\"", 20 + k);
            CHECK(b.ptr && strstr(b.ptr, want)); /* the other chat kept its delegate */
        }
        CHECK(b.ptr && strstr(b.ptr, "\"chat_id\":13,\"text\":\"1:b pid-differs=1\""));
        tp_buf_deinit(&b);
    }
    tp_json_doc_free(calls);
    CHECK_EQ_INT(d_get(&f_crash_closes), 4);
    pthread_mutex_lock(&dl);
    CHECK_EQ_INT(f_nlog, 4);
    for (k = 0; k < f_nlog; k++) printf("dlg_fork_crash: logged: %s\n", f_log[k]);
    for (i = k = 0; k < f_nlog; k++) {
        i += strstr(f_log[k], "chat 10 was killed by signal 6") != NULL;
        i += strstr(f_log[k], "chat 11 was killed by signal 11") != NULL;
        i += strstr(f_log[k], "chat 12 exited with status 7") != NULL;
        i += strstr(f_log[k], "chat 13 exited with status 9") != NULL;
    }
    CHECK_EQ_INT(i, 4);
    pthread_mutex_unlock(&dl);
    CHECK_EQ_INT(descendants(e.pid), 0);
    tp_bot_free(r.bot);
    emu_kill(&e, SIGTERM);
}

/* A forked delegate's idle close, tp_delegate_close and shutdown all run on_close in its
   process (it says so to its chat); the chat's next update starts a new process. */
TEST(dlg_fork_close) {
    static tp_handler h;
    tp_dlg_route routes[2];
    runner r;
    pthread_t th;
    emu e;
    tp_json_doc *calls;
    tp_buf b;
    int i;
    static const char *const want[] = {
        "\"chat_id\":30,\"text\":\"1:a pid-differs=1\"", "\"chat_id\":30,\"text\":\"closed 0 after 1\"",
        "\"chat_id\":30,\"text\":\"1:b pid-differs=1\"", "\"chat_id\":31,\"text\":\"1:x pid-differs=1\"",
        "\"chat_id\":31,\"text\":\"closed 1 after 2\"",  "\"chat_id\":31,\"text\":\"1:y pid-differs=1\"",
        "\"chat_id\":30,\"text\":\"closed 4 after 1\"",  "\"chat_id\":31,\"text\":\"closed 0 after 1\""};
    memset(&h, 0, sizeof h);
    h.state_size = sizeof(fstate);
    h.on_message = f_msg;
    h.on_close = f_close;
    h.timeout_ms = 300;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    routes[0].producer = TP_PRODUCER_FORK;
    CHECK(emu_start(&e, 0, NULL));
    memset(&r, 0, sizeof r);
    r.bot = new_bot(e.url, 10000);
    r.routes = routes;
    r.o.workers = 2;
    r.po.timeout_s = 1;
    CHECK(pthread_create(&th, NULL, run_dlg, &r) == 0);
    wait_fork_server(e.pid); /* no allocation of ours races the server's fork */
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":30,\"text\":\"a\"}"), TP_OK);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":31,\"text\":\"x\"}"), TP_OK);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":31,\"text\":\"bye\"}"), TP_OK);
    for (i = 0; i < 2000 && emu_stat(&e, "bot_messages") < 4; i++) msleep(10);
    msleep(100); /* chat 31's next update goes to a new process */
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":31,\"text\":\"y\"}"), TP_OK);
    for (i = 0; i < 2000 && emu_stat(&e, "bot_messages") < 5; i++) msleep(10);
    msleep(500); /* chat 30 idle past 300 ms: closed in its process */
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":30,\"text\":\"b\"}"), TP_OK);
    for (i = 0; i < 2000 && emu_stat(&e, "bot_messages") < 6; i++) msleep(10);
    tp_bot_stop(r.bot);
    pthread_join(th, NULL);
    CHECK_EQ_INT(r.rc, TP_OK);
    calls = emu_get(&e, "/_emu/calls?method=sendMessage");
    tp_buf_init(&b);
    if (calls) tp_json_write(&b, tp_json_root(calls));
    for (i = 0; i < 8; i++) {
        CHECK(b.ptr && strstr(b.ptr, want[i]));
        if (!b.ptr || !strstr(b.ptr, want[i])) printf("dlg_fork_close: missing %s in %s\n", want[i], b.ptr ? b.ptr : "");
    }
    tp_buf_deinit(&b);
    tp_json_doc_free(calls);
    CHECK_EQ_INT(descendants(e.pid), 0);
    tp_bot_free(r.bot);
    emu_kill(&e, SIGTERM);
}

/* tp_sender_call: a method's chat_id filled in from the sender when left empty (a
   tp_chat_id and an Integer one), kept when given, restored after the call. */
static long sc_bad;
static void sc_msg(tp_delegate *d, const tp_update *u) {
    tp_send_dice_args dice;
    tp_send_message_args m;
    tp_get_chat_menu_button_args mb;
    (void)u;
    memset(&dice, 0, sizeof dice);
    memset(&m, 0, sizeof m);
    memset(&mb, 0, sizeof mb);
    m.text = "via sender";
    if (tp_sender_call(tp_delegate_sender(d), TP_METHOD_SEND_DICE, &dice, NULL, NULL) != TP_OK)
        sc_bad++;
    if (tp_sender_call(tp_delegate_sender(d), TP_METHOD_SEND_MESSAGE, &m, NULL, NULL) != TP_OK)
        sc_bad++;
    m.chat_id = TP_CHAT(555);
    m.text = "elsewhere";
    if (tp_sender_call(tp_delegate_sender(d), TP_METHOD_SEND_MESSAGE, &m, NULL, NULL) != TP_OK)
        sc_bad++;
    (void)tp_sender_call(tp_delegate_sender(d), TP_METHOD_GET_CHAT_MENU_BUTTON, &mb, NULL, NULL);
    if (dice.chat_id.id != 0 || m.chat_id.id != 555 || mb.chat_id != 0) sc_bad++; /* restored */
    if (tp_sender_printf(tp_delegate_sender(d), "n=%d", 7) != TP_OK) sc_bad++;
}

TEST(dlg_sender) {
    static tp_handler h;
    tp_dlg_route routes[2];
    emu e;
    tp_bot *bot;
    tp_dlg *g;
    tp_json_doc *calls;
    tp_buf b;
    memset(&h, 0, sizeof h);
    h.on_message = sc_msg;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    sc_bad = 0;
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 10000);
    g = tp_dlg_new(bot, routes, NULL, NULL);
    CHECK(g != NULL);
    if (!g) return;
    feed(g, bot, 1, 4242, 4242, 0);
    tp_dlg_free(g);
    CHECK_EQ_INT(sc_bad, 0);
    calls = emu_get(&e, "/_emu/calls");
    tp_buf_init(&b);
    if (calls) tp_json_write(&b, tp_json_root(calls));
    CHECK(b.ptr && strstr(b.ptr, "{\"method\":\"sendDice\",\"encoding\":\"json\",\"params\":{\"chat_id\":4242}"));
    CHECK(b.ptr && strstr(b.ptr, "\"chat_id\":4242,\"text\":\"via sender\""));
    CHECK(b.ptr && strstr(b.ptr, "\"chat_id\":555,\"text\":\"elsewhere\""));
    CHECK(b.ptr && strstr(b.ptr, "{\"method\":\"getChatMenuButton\",\"encoding\":\"json\",\"params\":{\"chat_id\":4242}"));
    CHECK(b.ptr && strstr(b.ptr, "\"chat_id\":4242,\"text\":\"n=7\""));
    if (tpt_failed) printf("dlg_sender: calls %s\n", b.ptr ? b.ptr : "");
    tp_buf_deinit(&b);
    tp_json_doc_free(calls);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* ---- kill -9 of a delegator bot process, then a restart ---- */
static int k_fd = -1;
static void k_msg(tp_delegate *d, const tp_update *u) {
    char line[32];
    long k = msg_index(u);
    int n;
    (void)d;
    if (k < 0) return;
    if (k % 40 == 0) msleep(100); /* slow ones hold the prefix while later ones finish */
    n = snprintf(line, sizeof line, "%ld\n", k);
    (void)!write(k_fd, line, (size_t)n); /* O_APPEND: survives a kill -9 */
}

/* The bot process: a per-chat delegator with the producer given, logging each update. */
static int dlg_bot_main(const char *url, const char *log, const char *off, int producer) {
    static tp_handler h;
    tp_dlg_route routes[2];
    tp_poll_opts po;
    tp_dlg_opts o;
    tp_bot *bot = new_bot(url, 5000);
    tp_err rc;
    k_fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (!bot || k_fd < 0) return 1;
    tp_bot_stop_on_signals(bot);
    memset(&h, 0, sizeof h);
    h.on_message = k_msg;
    memset(routes, 0, sizeof routes);
    routes[0].seeder = tp_per_chat_id();
    routes[0].handler = &h;
    memset(&po, 0, sizeof po);
    po.timeout_s = 1;
    po.offset_file = off;
    memset(&o, 0, sizeof o);
    o.workers = 8;
    o.poll = &po;
    o.producer = producer;
    rc = tp_dlg_run(bot, routes, &o, NULL);
    close(k_fd);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

static pid_t k_spawn(const char *url, const char *log, const char *off, int producer) {
    static char exe[4096];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    pid_t pid;
    if (k <= 0) return -1;
    exe[k] = '\0';
    pid = fork();
    if (pid == 0) {
        char p[16];
        snprintf(p, sizeof p, "%d", producer);
        execl(exe, "test_delegate", "bot", url, log, off, p, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* 3,000 updates over 50 chats; the bot is killed with SIGKILL after 750, then restarted: no
   update is lost, and the repeats are at most the updates in flight (the poll's limit). */
TEST(dlg_kill) {
    const char *args[] = {"--updates", "3000", "--chats", "50", NULL};
    static const char *const names[] = {"", "pool", "thread", "fork"};
    int producer;
    for (producer = TP_PRODUCER_POOL; producer <= (no_fork ? TP_PRODUCER_THREAD : TP_PRODUCER_FORK);
         producer++) {
        char log[64], off[64];
        long total = 0, distinct = 0, n = 3000;
        int st = 0, i;
        emu e;
        pid_t pid;
        snprintf(log, sizeof log, "/tmp/tpt-dlglog-%d", (int)getpid());
        snprintf(off, sizeof off, "/tmp/tpt-dlgoff-%d", (int)getpid());
        unlink(log);
        unlink(off);
        CHECK(emu_start(&e, 0, args));
        pid = k_spawn(e.url, log, off, producer);
        for (i = 0; i < 1500 && log_count(log, n, &distinct) < 750; i++) msleep(10);
        kill(pid, SIGKILL);
        waitpid(pid, &st, 0);
        CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
        msleep(100); /* (forked delegates see their sockets close and end) */
        pid = k_spawn(e.url, log, off, producer);
        for (i = 0; i < 3000; i++) {
            total = log_count(log, n, &distinct);
            if (distinct >= n) break;
            msleep(10);
        }
        msleep(200);
        kill(pid, SIGTERM);
        waitpid(pid, &st, 0);
        CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
        total = log_count(log, n, &distinct);
        printf("dlg_kill(%s): kill -9 after 750 of 3000, restart: lost=%ld repeats=%ld\n",
               names[producer], n - distinct, total - distinct);
        CHECK_EQ_INT(n - distinct, 0);
        CHECK(total - distinct >= 0 && total - distinct <= 100);
        emu_kill(&e, SIGTERM);
        unlink(log);
        unlink(off);
    }
}

/* A delegate that closes itself with its chat's next update queued behind it, and a later
   one coming while its on_close runs: in each of 150 chats "close" and "second", then (after
   the closes ran) "third" and "fourth", through the webhook receiver. Each delegate logs "chat update_id" to a file (a forked
   one from its process): per chat the ids must come in order, each once. */
static int co_fd = -1;
static void co_msg(tp_delegate *d, const tp_update *u) {
    char line[64];
    int n = snprintf(line, sizeof line, "%lld %lld\n", (long long)tp_delegate_chat_id(d),
                     (long long)u->update_id);
    (void)!write(co_fd, line, (size_t)n);
    if (u->message && u->message->text && !strcmp(u->message->text, "close"))
        tp_delegate_close(d);
}

static void co_close(tp_delegate *d, tp_close_reason why) {
    (void)d;
    if (why == TP_CLOSE_HANDLER) msleep(200); /* a goodbye: later updates come meanwhile */
}

TEST(dlg_close_order) {
    enum { N = 150 };
    static const char *const texts[] = {"close", "second", "third", "fourth"};
    static tp_handler h;
    static long last[N];
    static int cnt[N];
    tp_dlg_route routes[2];
    tp_bot *bot = new_bot("http://127.0.0.1:1", 1000);
    tp_hook *hk;
    tp_dlg *g;
    char path[64], body[400];
    long id = 1, bad = 0, miss = 0;
    long long chat, upd;
    int c, k, p;
    FILE *f;
    for (p = TP_PRODUCER_THREAD; p <= (no_fork ? TP_PRODUCER_THREAD : TP_PRODUCER_FORK); p++) {
        snprintf(path, sizeof path, "/tmp/tpt-closeorder-%d", (int)getpid());
        unlink(path);
        co_fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
        memset(&h, 0, sizeof h);
        h.on_message = co_msg;
        h.on_close = co_close;
        memset(routes, 0, sizeof routes);
        routes[0].seeder = tp_per_chat_id();
        routes[0].handler = &h;
        g = tp_dlg_new(bot, routes, &(tp_dlg_opts){ .producer = p, .stack_size = 65536 }, NULL);
        CHECK(g != NULL);
        if (!g) return;
        hk = tp_hook_new(bot, tp_dlg_handler, g,
                         &(tp_hook_opts){ .no_server = true, .workers = 4, .queue_size = 64 },
                         NULL);
        CHECK(hk != NULL);
        for (k = 0; k < 4; k++) { /* "close" and "second" of every chat; once the closes ran
                                     (their on_close takes 200 ms), "third" and "fourth" */
            if (k == 2) msleep(60);
            for (c = 0; c < N && hk; c++) {
                snprintf(body, sizeof body,
                         "{\"update_id\":%ld,\"message\":{\"message_id\":%ld,\"date\":1,"
                         "\"chat\":{\"id\":%d,\"type\":\"private\"},\"text\":\"%s\"}}",
                         id + c * 4 + k, id + c * 4 + k, 1000 + c, texts[k]);
                CHECK_EQ_INT(tp_hook_push(hk, body, strlen(body), NULL), TP_OK);
            }
        }
        id += N * 4;
        tp_hook_free(hk);
        tp_dlg_free(g);
        close(co_fd);
        memset(last, 0, sizeof last);
        memset(cnt, 0, sizeof cnt);
        bad = miss = 0;
        f = fopen(path, "r");
        while (f && fscanf(f, "%lld %lld", &chat, &upd) == 2) {
            c = (int)(chat - 1000);
            if (c < 0 || c >= N) continue;
            cnt[c]++;
            if (upd < last[c]) bad++;
            last[c] = upd;
        }
        if (f) fclose(f);
        for (c = 0; c < N; c++) miss += cnt[c] != 4;
        printf("dlg_close_order(%s): %d chats, %ld out of order, %ld with a count != 4\n",
               p == TP_PRODUCER_THREAD ? "thread" : "fork", N, bad, miss);
        CHECK_EQ_INT(bad, 0);
        CHECK_EQ_INT(miss, 0);
        unlink(path);
    }
    tp_bot_free(bot);
}

int main(int argc, char **argv) {
    if (argc == 6 && strcmp(argv[1], "bot") == 0)
        return dlg_bot_main(argv[2], argv[3], argv[4], atoi(argv[5]));
    setvbuf(stdout, NULL, _IOLBF, 0);
    f_parent = getpid();
    no_fork = getenv("TPT_NO_FORK") != NULL;
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(test_order)) RUN(test_order);
    if (PICK(test_repeat)) RUN(test_repeat);
    if (PICK(test_cancel)) RUN(test_cancel);
    if (PICK(test_race)) RUN(test_race);
    if (PICK(test_heap_slot)) RUN(test_heap_slot);
    if (PICK(test_free_busy)) RUN(test_free_busy);
    /* The delegator's cases with the pool ("dlg_x"), then with a thread per delegate
       ("dlg_x_thread"). */
#define PICKP(t, p) (argc < 2 || strcmp(argv[1], p ? #t "_thread" : #t) == 0)
    for (d_producer = TP_PRODUCER_POOL; d_producer <= TP_PRODUCER_THREAD; d_producer++) {
        int p = d_producer == TP_PRODUCER_THREAD;
        if (PICKP(dlg_many, p)) RUN(dlg_many);
        if (PICKP(dlg_idle, p)) RUN(dlg_idle);
        if (PICKP(dlg_close_inside, p)) RUN(dlg_close_inside);
        if (PICKP(dlg_from_order, p)) RUN(dlg_from_order);
        if (PICKP(dlg_seeds, p)) RUN(dlg_seeds);
        if (PICKP(dlg_timers, p)) RUN(dlg_timers);
        if (PICKP(dlg_hook_order, p)) RUN(dlg_hook_order);
    }
    d_producer = 0;
    if (PICK(dlg_thread_slow)) RUN(dlg_thread_slow);
    if (PICK(dlg_sender)) RUN(dlg_sender);
    if (PICK(dlg_kill) && !getenv("TPT_QUICK")) RUN(dlg_kill); /* (as test_updates' poll_kill) */
    if (PICK(dlg_close_order)) RUN(dlg_close_order);
    /* Under valgrind (TPT_NO_FORK set by tests/run.sh) the fork producer's cases are left
       out: each forked process would report the memory it inherited as lost at its _exit,
       and exit with valgrind's error status. ASan and TSan run them. */
    if (!no_fork && PICK(dlg_fork_many)) RUN(dlg_fork_many);
    if (!no_fork && PICK(dlg_fork_crash)) RUN(dlg_fork_crash);
    if (!no_fork && PICK(dlg_fork_close)) RUN(dlg_fork_close);
    TEST_END();
}

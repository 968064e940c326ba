/* tests/test_hook.c - the webhook receiver against real processes and sockets: tpemu --webhook
   with shuffled and duplicated pushes over 8 connections while hostile clients knock (soak),
   the receiver's limits one by one, the orderer, dedup and tp_hook_push, and what must hold
   with several clients and threads at once.
   TPT_SOAK_N sets the number of updates of the soak (default 2000). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "tp_sock.h"

#define TOKEN "123456:TESTSECRETTOKEN"
#define MAXN 100000
#include "tp_feed.h"

static int read_status(int fd, int timeout_ms) {
    char buf[512];
    size_t len = 0;
    struct pollfd pf;
    int64_t end = tp_now_ms() + timeout_ms;
    while (len < sizeof buf - 1) {
        ssize_t r;
        pf.fd = fd;
        pf.events = POLLIN;
        if (poll(&pf, 1, (int)(end - tp_now_ms() > 0 ? end - tp_now_ms() : 0)) <= 0) break;
        r = recv(fd, buf + len, sizeof buf - 1 - len, 0);
        if (r <= 0) break;
        len += (size_t)r;
        buf[len] = '\0';
        if (strstr(buf, "\r\n\r\n")) break;
    }
    buf[len] = '\0';
    return len > 12 && strncmp(buf, "HTTP/1.1 ", 9) == 0 ? atoi(buf + 9) : 0;
}

/* One request on a new connection; a 503 (all connections busy: the server may not have seen
   the previous clients' closes yet) is retried, as a client would. */
static int ask(int port, const char *req) {
    int st = 503, tries;
    for (tries = 0; tries < 50 && st == 503; tries++) {
        int fd = dial(port);
        if (tries) msleep(20);
        if (fd < 0) return -1;
        (void)!send(fd, req, strlen(req), MSG_NOSIGNAL);
        st = read_status(fd, 5000);
        close(fd);
    }
    return st;
}

static int post_update(int port, const char *secret, const char *body) {
    char req[2048];
    snprintf(req, sizeof req,
             "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
             "X-Telegram-Bot-Api-Secret-Token: %s\r\nContent-Length: %zu\r\n\r\n%s",
             secret, strlen(body), body);
    return ask(port, req);
}

typedef struct hostile {
    int port;
    int wrong_secret, slow, huge, smuggle, dup_cl; /* statuses seen */
    double slow_secs;
} hostile;

/* The four hostile clients of the issue, each on its own connection. */
static void *hostile_main(void *arg) {
    hostile *h = (hostile *)arg;
    int fd, i;
    int64_t t0;
    const char *slow = "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
    h->wrong_secret = post_update(h->port, "wrong", "{\"update_id\":1}");
    h->huge = ask(h->port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
                           "s3cr3t\r\nContent-Length: 1000000000\r\n\r\n{");
    h->smuggle = ask(h->port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
                              "s3cr3t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "0\r\n\r\nPOST /hook HTTP/1.1\r\n\r\n");
    h->dup_cl = ask(h->port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
                             "s3cr3t\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}");
    /* one byte per second (scaled: per 250 ms against a 1.5 s request deadline) */
    fd = dial(h->port);
    t0 = tp_now_ms();
    for (i = 0; slow[i] && fd >= 0; i++) {
        struct pollfd pf;
        pf.fd = fd;
        pf.events = POLLIN;
        if (poll(&pf, 1, 250) > 0) break; /* answered (and closed) */
        if (send(fd, slow + i, 1, MSG_NOSIGNAL) != 1) break;
    }
    h->slow = fd >= 0 ? read_status(fd, 3000) : -1;
    h->slow_secs = (double)(tp_now_ms() - t0) / 1000.0;
    if (fd >= 0) close(fd);
    return NULL;
}

/* ---- 5. webhook end to end: tpemu --webhook, shuffled and duplicated, 8 connections ---- */
TEST(webhook_soak) {
    long n = env_n(), lost = 0, i;
    char ns[16], url[128];
    const char *args[] = {"--updates", ns, "--webhook", "--webhook-shuffle", "--webhook-dup", "0.05",
                          NULL};
    emu e;
    tp_bot *bot;
    tp_hook *h;
    tp_hook_opts ho;
    tp_webhook_args wa;
    tp_error err;
    hostile hs;
    pthread_t th;
    int64_t t0, deadline;
    snprintf(ns, sizeof ns, "%ld", n);
    seen_reset();
    CHECK(emu_start(&e, 0, args));
    bot = new_bot(e.url, 5000);
    if (!bot) return;
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.workers = 8;
    ho.ordered = true;
    ho.maxhold_ms = 1000;
    ho.request_timeout_ms = 1500;
    ho.on_bad_update = on_bad;
    h = tp_hook_new(bot, on_update, NULL, &ho, &err);
    CHECK(h != NULL);
    if (!h) return;
    memset(&hs, 0, sizeof hs);
    hs.port = tp_hook_port(h);
    pthread_create(&th, NULL, hostile_main, &hs);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hook", tp_hook_port(h));
    memset(&wa, 0, sizeof wa);
    wa.max_connections = 8;
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_hook_set_webhook(bot, url, "s3cr3t", &wa, &err), TP_OK);
    deadline = tp_now_ms() + 120000;
    while (count_handled() < n && tp_now_ms() < deadline) msleep(10);
    printf("webhook: %ld updates in %.2f s (%.0f updates/s handled)\n", n,
           (double)(tp_now_ms() - t0) / 1000.0, (double)n * 1000.0 / (double)(tp_now_ms() - t0 + 1));
    pthread_join(th, NULL);
    msleep(500);
    {
        tp_http_opts co;
        tp_http_req rq;
        tp_http_resp rs;
        tp_http *c;
        memset(&co, 0, sizeof co);
        co.url = e.url;
        c = tp_http_new(&co, NULL);
        memset(&rq, 0, sizeof rq);
        rq.path = "/_emu/stats";
        if (c && tp_http_request(c, &rq, &rs, NULL) == TP_OK) {
            tp_json_doc *d = tp_json_parse(rs.body, rs.body_len, NULL);
            long second = (long)tp_json_get_int(tp_json_root(d), "webhook_dups");
            printf("webhook: tpemu made %ld second deliveries, %lld posts\n", second,
                   (long long)tp_json_get_int(tp_json_root(d), "webhook_posts"));
            CHECK(second > 0);
            tp_json_doc_free(d);
        }
        tp_http_free(c);
    }
    tp_hook_free(h);
    for (i = 0; i < n; i++)
        if (!seen_count[i]) lost++;
    printf("webhook: %ld updates pushed shuffled with 5%% second deliveries over 8 connections: "
           "handled=%ld lost=%ld duplicated=%ld out_of_order_in_chat=%ld; hostile: wrong secret "
           "%d, slow client %d after %.1f s, 1 GB Content-Length %d, CL+TE %d, two CL %d\n",
           n, handled, lost, dups, out_of_order, hs.wrong_secret, hs.slow, hs.slow_secs, hs.huge,
           hs.smuggle, hs.dup_cl);
    CHECK_EQ_INT(lost, 0);
    CHECK_EQ_INT(dups, 0);
    CHECK_EQ_INT(out_of_order, 0);
    CHECK_EQ_INT(bad_reports, 0);
    CHECK_EQ_INT(hs.wrong_secret, 401);
    CHECK_EQ_INT(hs.huge, 413);
    CHECK_EQ_INT(hs.smuggle, 400);
    CHECK_EQ_INT(hs.dup_cl, 400);
    CHECK_EQ_INT(hs.slow, 408);
    CHECK(hs.slow_secs < 3.0);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* ---- 6. the receiver's rules one by one ---- */
static pthread_mutex_t order_lock = PTHREAD_MUTEX_INITIALIZER;
static int64_t order_ids[64];
static int norder;
static char reorder_log[256];

static void on_ordered(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    pthread_mutex_lock(&order_lock);
    if (norder < 64) order_ids[norder++] = u->update_id;
    pthread_mutex_unlock(&order_lock);
}

static void on_reorder(tp_bot *bot, int64_t id, const char *what, void *user) {
    size_t l = strlen(reorder_log);
    (void)bot;
    (void)user;
    snprintf(reorder_log + l, sizeof reorder_log - l, "%s%s:%lld", l ? " " : "", what, (long long)id);
}

static int norder_now(void) {
    int n;
    pthread_mutex_lock(&order_lock);
    n = norder;
    pthread_mutex_unlock(&order_lock);
    return n;
}

TEST(hook_rules) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    tp_error err;
    int port, fd, i, fds[5];
    char req[512];
    const char *ok1 = "{\"update_id\":100,\"message\":{\"message_id\":1,\"chat\":{\"id\":7},\"text\":\"a\"}}";
    seen_reset();
    norder = 0;
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.max_connections = 4;
    ho.request_timeout_ms = 1000;
    ho.on_bad_update = on_bad;
    h = tp_hook_new(bot, on_ordered, NULL, &ho, &err);
    CHECK(h != NULL);
    if (!h) return;
    port = tp_hook_port(h);
    CHECK_EQ_INT(post_update(port, "s3cr3t", ok1), 200);
    CHECK_EQ_INT(post_update(port, "s3cr3t", ok1), 200); /* a second delivery: handled once */
    CHECK_EQ_INT(post_update(port, "s3cr3", ok1), 401);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"), 401);
    CHECK_EQ_INT(ask(port, "GET /hook HTTP/1.1\r\nHost: x\r\n\r\n"), 405);
    CHECK_EQ_INT(ask(port, "POST /other HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"), 404);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n\r\n"), 411);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length : 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "garbage\r\n\r\n"), 400);
    {
        char big[10000];
        memset(big, 'a', sizeof big);
        memcpy(big, "POST /hook HTTP/1.1\r\nX-A: ", 26);
        memcpy(big + sizeof big - 5, "\r\n\r\n", 5);
        CHECK_EQ_INT(ask(port, big), 431);
    }
    /* Expect: 100-continue (curl with a body over 1 KiB): the interim answer, then the real one */
    fd = dial(port);
    snprintf(req, sizeof req, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                              "Expect: 100-continue\r\nContent-Length: 17\r\n\r\n");
    (void)!send(fd, req, strlen(req), MSG_NOSIGNAL);
    CHECK_EQ_INT(read_status(fd, 2000), 100);
    (void)!send(fd, "{\"update_id\":105}", 17, MSG_NOSIGNAL);
    CHECK_EQ_INT(read_status(fd, 2000), 200);
    close(fd);
    /* unreadable bodies are answered 200 and reported */
    CHECK_EQ_INT(post_update(port, "s3cr3t", "{not json"), 200);
    CHECK_EQ_INT(post_update(port, "s3cr3t", "{\"update_id\":101,\"message\":{\"text\":\"no id\"}}"), 200);
    CHECK_EQ_INT(post_update(port, "s3cr3t", "{\"update_id\":101,\"message\":{\"text\":\"no id\"}}"), 200);
    CHECK_EQ_INT(bad_reports, 2); /* the second delivery of 101 is not reported again */
    /* keep-alive and pipelining: two requests in one write, two answers */
    fd = dial(port);
    snprintf(req, sizeof req,
             "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\nContent-Length: 17\r\n\r\n"
             "{\"update_id\":102}POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
             "Content-Length: 17\r\n\r\n{\"update_id\":103}");
    (void)!send(fd, req, strlen(req), MSG_NOSIGNAL);
    {
        char buf[1024];
        size_t len = 0;
        int64_t end = tp_now_ms() + 3000;
        while (tp_now_ms() < end) {
            ssize_t r;
            struct pollfd pf;
            pf.fd = fd;
            pf.events = POLLIN;
            if (poll(&pf, 1, 100) <= 0) continue;
            r = recv(fd, buf + len, sizeof buf - 1 - len, 0);
            if (r <= 0) break;
            len += (size_t)r;
            buf[len] = '\0';
            if (strstr(buf, "200 OK") && strstr(strstr(buf, "200 OK") + 1, "200 OK")) break;
        }
        buf[len] = '\0';
        CHECK(strstr(buf, "200 OK") && strstr(strstr(buf, "200 OK") + 1, "200 OK"));
    }
    close(fd);
    msleep(100); /* the server notices the closes */
    /* at most max_connections: the fifth is turned away, the others still served */
    for (i = 0; i < 4; i++) fds[i] = dial(port);
    msleep(100);
    fds[4] = dial(port);
    CHECK_EQ_INT(read_status(fds[4], 2000), 503);
    for (i = 0; i < 5; i++) close(fds[i]);
    msleep(100);
    CHECK_EQ_INT(post_update(port, "s3cr3t", "{\"update_id\":104}"), 200);
    for (i = 0; i < 100 && norder_now() < 5; i++) msleep(10);
    CHECK_EQ_INT(norder_now(), 5); /* 100, 105, 102, 103, 104 */
    tp_hook_free(h);
    CHECK_EQ_INT(norder, 5);

    /* the orderer and tp_hook_push (no server) */
    norder = 0;
    reorder_log[0] = '\0';
    memset(&ho, 0, sizeof ho);
    ho.no_server = true;
    ho.ordered = true;
    ho.maxhold_ms = 300;
    ho.workers = 1;
    ho.on_reorder = on_reorder;
    h = tp_hook_new(bot, on_ordered, NULL, &ho, &err);
    CHECK(h != NULL);
    if (!h) return;
    CHECK_EQ_INT(tp_hook_push(h, "{\"update_id\":11}", 16, &err), TP_OK);
    CHECK_EQ_INT(tp_hook_push(h, "{\"update_id\":10}", 16, &err), TP_OK);
    CHECK_EQ_INT(tp_hook_push(h, "{\"update_id\":12}", 16, &err), TP_OK);
    CHECK_EQ_INT(tp_hook_push(h, "{\"update_id\":15}", 16, &err), TP_OK); /* 13, 14 missing */
    CHECK_EQ_INT(tp_hook_push(h, "{\"update_id\":10}", 16, &err), TP_OK); /* duplicate */
    CHECK(tp_hook_push(h, "[1]", 3, &err) != TP_OK);
    msleep(400);
    CHECK_EQ_INT(tp_hook_push(h, "{\"update_id\":16}", 16, &err), TP_OK); /* after the gap */
    CHECK_EQ_INT(tp_hook_push(h, "{\"update_id\":13}", 16, &err), TP_OK); /* late */
    for (i = 0; i < 100 && norder_now() < 6; i++) msleep(10);
    tp_hook_free(h);
    CHECK_EQ_INT(norder, 6);
    CHECK(order_ids[0] == 10 && order_ids[1] == 11 && order_ids[2] == 12 && order_ids[3] == 15 &&
          order_ids[4] == 16 && order_ids[5] == 13);
    CHECK_STR(reorder_log, "gap:13 late:13");
    tp_bot_free(bot);
}

/* ---- 6b. the secret and the request rules an attacker probes ------------------------------ */

/* Every near miss of the secret is 401: the right length with the wrong bytes, the secret with
   a suffix, a prefix, only the last byte right, only the first byte wrong, an empty value;
   two headers are 400 (trailing blanks are HTTP's optional whitespace, trimmed). Then the
   body limit at its edge and the smuggling shapes. */
TEST(hook_secret) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    tp_error err;
    int port, i;
    char req[1024], body[128];
    static const char *const wrong[] = {"abcdef", "s3cr3tX", "s3cr3t3cr3t", "s3cr3", "xxxxxt",
                                        "S3cr3t", "s3cr3T", "", " ", "s3cr3t!"};
    const char *upd = "{\"update_id\":300}";
    seen_reset();
    norder = 0;
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.max_body_bytes = 100;
    ho.request_timeout_ms = 1000;
    h = tp_hook_new(bot, on_ordered, NULL, &ho, &err);
    CHECK(h != NULL);
    if (!h) return;
    port = tp_hook_port(h);
    for (i = 0; i < (int)(sizeof wrong / sizeof wrong[0]); i++) {
        int st;
        snprintf(req, sizeof req, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
                                  "%s\r\nContent-Length: %zu\r\n\r\n%s", wrong[i], strlen(upd), upd);
        st = ask(port, req);
        if (st != 401) fprintf(stderr, "  secret \"%s\": %d\n", wrong[i], st);
        CHECK_EQ_INT(st, 401);
    }
    /* the right one twice (a second header, even right, is not taken) */
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "X-Telegram-Bot-Api-Secret-Token: s3cr3t\r\nContent-Length: 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: wrong!\r\n"
                           "X-Telegram-Bot-Api-Secret-Token: s3cr3t\r\nContent-Length: 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"), 401); /* none */
    CHECK_EQ_INT(norder_now(), 0); /* nothing of the above reached a handler */
    CHECK_EQ_INT(post_update(port, "s3cr3t", upd), 200);
    /* the body limit, exactly: 100 bytes pass, 101 are 413 */
    memset(body, ' ', sizeof body);
    memcpy(body, "{\"update_id\":301}", 17);
    body[100] = '\0';
    CHECK_EQ_INT(post_update(port, "s3cr3t", body), 200);
    body[100] = ' ';
    body[101] = '\0';
    CHECK_EQ_INT(post_update(port, "s3cr3t", body), 413);
    /* smuggling: CL and TE, two CLs (equal or not), a CL with a sign or a space before the colon */
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Transfer-Encoding: identity\r\nContent-Length: 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length: +2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "X-A: b\r\n folded\r\nContent-Length: 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "X-A: \001\r\nContent-Length: 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/2.0\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length: 2\r\n\r\n{}"), 400);
    CHECK_EQ_INT(ask(port, "POST /hookx HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length: 2\r\n\r\n{}"), 404);
    CHECK_EQ_INT(ask(port, "POST /hook?a=1 HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                           "Content-Length: 17\r\n\r\n{\"update_id\":302}"), 200);
    for (i = 0; i < 100 && norder_now() < 3; i++) msleep(10);
    tp_hook_free(h);
    CHECK_EQ_INT(norder, 3); /* 300, 301, 302 */
    tp_bot_free(bot);
}

/* ---- 7. the webhook's dedup set against a model -------------------------------------------- */

static pthread_mutex_t dd_lock = PTHREAD_MUTEX_INITIALIZER;
static long dd_count[6000], dd_total;

static void on_dedup(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    pthread_mutex_lock(&dd_lock);
    if (u->update_id >= 0 && u->update_id < 6000) dd_count[u->update_id]++;
    dd_total++;
    pthread_mutex_unlock(&dd_lock);
}

/* 20000 pushes of ids from a window that slides forward, with repeats of recent and of long
   forgotten ones: every update is dispatched exactly when a ring of the last dedup_size new
   ids (the model) does not hold it. Small dedup_size, so eviction runs all the time. */
TEST(hook_dedup) {
    enum { DEDUP = 37, PUSHES = 20000 };
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    tp_error err;
    int64_t ring[DEDUP];
    long want[6000], total = 0, bad = 0, got_total;
    size_t rlen = 0, rpos = 0, k;
    unsigned st = 7;
    int i;
    memset(want, 0, sizeof want);
    memset(dd_count, 0, sizeof dd_count);
    dd_total = 0;
    memset(&ho, 0, sizeof ho);
    ho.no_server = true;
    ho.workers = 1;
    ho.dedup_size = DEDUP;
    h = tp_hook_new(bot, on_dedup, NULL, &ho, &err);
    CHECK(h != NULL);
    if (!h) return;
    for (i = 0; i < PUSHES; i++) {
        char body[64];
        int64_t id;
        bool dup = false;
        st = st * 1103515245u + 12345u;
        id = i / 4 - (int64_t)((st >> 16) % 120); /* the window: 120 ids behind i/4 */
        if (id < 0) id = 0;
        for (k = 0; k < rlen; k++) dup = dup || ring[k] == id;
        if (!dup) {
            ring[rlen < DEDUP ? rlen++ : rpos] = id;
            rpos = (rpos + 1) % DEDUP;
            want[id]++;
            total++;
        }
        snprintf(body, sizeof body, "{\"update_id\":%lld}", (long long)id);
        if (tp_hook_push(h, body, strlen(body), &err) != TP_OK) bad++;
    }
    for (i = 0; i < 300; i++) {
        pthread_mutex_lock(&dd_lock);
        got_total = dd_total;
        pthread_mutex_unlock(&dd_lock);
        if (got_total >= total) break;
        msleep(10);
    }
    tp_hook_free(h);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(dd_total, total);
    for (i = 0, bad = 0; i < 6000; i++) bad += dd_count[i] != want[i];
    CHECK_EQ_INT(bad, 0);
    CHECK(total > PUSHES / 4 && total < PUSHES); /* both paths taken many times */
    tp_bot_free(bot);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(hook_rules)) RUN(hook_rules);
    if (PICK(hook_secret)) RUN(hook_secret);
    if (PICK(webhook_soak)) RUN(webhook_soak);
    if (PICK(hook_dedup)) RUN(hook_dedup);
    TEST_END();
}

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
    tp_set_webhook_args wa;
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
    wa.url = url;
    wa.secret_token = "s3cr3t";
    wa.max_connections = 8;
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_set_webhook(bot, &wa, NULL, &err), TP_OK);
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
    /* at most max_connections: with all of them idle the oldest makes room for a newcomer;
       with all of them inside a request the newcomer is turned away */
    for (i = 0; i < 4; i++) {
        fds[i] = dial(port);
        msleep(30);
    }
    snprintf(req, sizeof req, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
             "s3cr3t\r\nContent-Length: 16\r\n\r\n{\"update_id\":99}");
    fds[4] = dial(port);
    CHECK(send(fds[4], req, strlen(req), MSG_NOSIGNAL) > 0);
    CHECK_EQ_INT(read_status(fds[4], 2000), 200);
    CHECK_EQ_INT(read_status(fds[0], 2000), 0); /* the oldest idle one was closed */
    for (i = 1; i < 5; i++) /* the others start a request each */
        CHECK(send(fds[i], "POST /hook HTTP/1.1\r\n", 21, MSG_NOSIGNAL) == 21);
    msleep(100);
    fd = dial(port);
    CHECK_EQ_INT(read_status(fd, 2000), 503);
    close(fd);
    for (i = 0; i < 5; i++) close(fds[i]);
    msleep(100);
    CHECK_EQ_INT(post_update(port, "s3cr3t", "{\"update_id\":104}"), 200);
    for (i = 0; i < 300 && norder_now() < 6; i++) msleep(10);
    CHECK_EQ_INT(norder_now(), 6); /* 100, 105, 102, 103, 99, 104 */
    tp_hook_free(h);
    CHECK_EQ_INT(norder, 6);

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
        { /* the queue is full now and then: try again, as Telegram would after a 503 */
            tp_err rc;
            while ((rc = tp_hook_push(h, body, strlen(body), &err)) == TP_ERR_BUSY) msleep(1);
            if (rc != TP_OK) bad++;
        }
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

/* ---- 7. what must hold with several clients and threads at once ---- */

/* Runs fn in a child process and waits at most ms for it: a deadlock fails the check instead
   of hanging the suite. The child's exit status is its number of failed checks. */
static int in_child(void (*fn)(void), int ms) {
    int st = 0, i;
    pid_t pid = fork();
    if (pid == 0) {
        tpt_failed = 0;
        fn();
        _exit(tpt_failed > 100 ? 100 : tpt_failed);
    }
    for (i = 0; i < ms / 10; i++) {
        if (waitpid(pid, &st, WNOHANG) == pid) return WIFEXITED(st) ? WEXITSTATUS(st) : 101;
        msleep(10);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    return -1; /* hung */
}

/* Two chats: the dispatcher runs different chats on different workers (any idle one). */
static void two_chats(int64_t *a, int64_t *b) {
    *a = 1001;
    *b = 1002;
}

static void update_json(char *buf, size_t n, int64_t id, int64_t chat, const char *text) {
    snprintf(buf, n, "{\"update_id\":%lld,\"message\":{\"message_id\":%lld,\"date\":1,\"chat\":"
             "{\"id\":%lld,\"type\":\"private\"},\"text\":\"%s\"}}", (long long)id, (long long)id,
             (long long)chat, text);
}

/* One POST on a new connection, answered or not: a 503 is a result here, not retried. */
static int post_json(int port, const char *body) {
    char req[1024];
    int fd = dial(port), st;
    if (fd < 0) return -1;
    snprintf(req, sizeof req, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
             "s3cr3t\r\nContent-Length: %zu\r\n\r\n", strlen(body));
    (void)!send(fd, req, strlen(req), MSG_NOSIGNAL);
    (void)!send(fd, body, strlen(body), MSG_NOSIGNAL);
    st = read_status(fd, 5000);
    close(fd);
    return st;
}

static pthread_mutex_t cc_lock = PTHREAD_MUTEX_INITIALIZER;
static int64_t slow_chat, cc_handled_at[64];
static int cc_sleep_ms;
static tp_hook *cc_hook;
static tp_err cc_push_rc = TP_ERR_INVALID;

/* The slow chat's handler sleeps; every handler notes when it ran (index: update_id % 64). */
static void on_cc(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    if (u->message && u->message->chat->id == slow_chat) msleep(cc_sleep_ms);
    pthread_mutex_lock(&cc_lock);
    cc_handled_at[u->update_id % 64] = tp_now_ms();
    pthread_mutex_unlock(&cc_lock);
}

/* A slow chat does not delay other chats: with its queue full, its own POSTs are answered at
   once (503: Telegram sends them again later), and another chat's updates are answered and
   handled while the slow handler still sleeps. */
static void slow_chat_case(void) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    int64_t fast, t0, dt;
    int port, i, st, n503 = 0;
    char body[512];
    two_chats(&slow_chat, &fast);
    cc_sleep_ms = 1500;
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.workers = 2;
    ho.queue_size = 2;
    h = tp_hook_new(bot, on_cc, NULL, &ho, NULL);
    CHECK(h != NULL);
    if (!h) return;
    port = tp_hook_port(h);
    for (i = 1; i <= 6; i++) { /* 1 runs, 2 and 3 queue, the rest find the queue full */
        update_json(body, sizeof body, i, slow_chat, "slow");
        t0 = tp_now_ms();
        st = post_json(port, body);
        dt = tp_now_ms() - t0;
        CHECK(st == 200 || st == 503);
        CHECK(dt < 500); /* answered at once either way */
        n503 += st == 503;
    }
    CHECK(n503 >= 2);
    for (i = 10; i < 20; i++) {
        update_json(body, sizeof body, i, fast, "fast");
        t0 = tp_now_ms();
        CHECK_EQ_INT(post_json(port, body), 200);
        CHECK(tp_now_ms() - t0 < 500);
    }
    for (i = 0; i < 100; i++) { /* the fast chat's ten are handled long before 1.5 s */
        int k, done = 0;
        pthread_mutex_lock(&cc_lock);
        for (k = 10; k < 20; k++) done += cc_handled_at[k] != 0;
        pthread_mutex_unlock(&cc_lock);
        if (done == 10) break;
        msleep(10);
    }
    CHECK(i < 100);
    pthread_mutex_lock(&cc_lock);
    CHECK(cc_handled_at[1] == 0); /* the slow handler is still asleep */
    pthread_mutex_unlock(&cc_lock);
    tp_hook_free(h);
    tp_bot_free(bot);
}

TEST(hook_slow_chat) {
    CHECK_EQ_INT(in_child(slow_chat_case, 20000), 0);
}

/* A handler that calls tp_hook_push while a POST for its own full queue is being answered:
   nothing waits for room under the receiver's lock, so neither deadlocks. */
static void on_push(tp_bot *bot, const tp_update *u, void *user) {
    char body[512];
    (void)bot;
    (void)user;
    if (u->update_id == 1) {
        msleep(400); /* meanwhile update 2 fills the queue and 3 is posted */
        update_json(body, sizeof body, 50, slow_chat, "pushed"); /* the other, empty worker */
        pthread_mutex_lock(&cc_lock);
        cc_push_rc = tp_hook_push(cc_hook, body, strlen(body), NULL);
        pthread_mutex_unlock(&cc_lock);
    }
    pthread_mutex_lock(&cc_lock);
    cc_handled_at[u->update_id % 64] = tp_now_ms();
    pthread_mutex_unlock(&cc_lock);
}

static void push_from_handler_case(void) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    int port, i;
    char body[512];
    int64_t chat;
    two_chats(&chat, &slow_chat);
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.workers = 2;
    ho.queue_size = 1;
    cc_hook = tp_hook_new(bot, on_push, NULL, &ho, NULL);
    CHECK(cc_hook != NULL);
    if (!cc_hook) return;
    port = tp_hook_port(cc_hook);
    update_json(body, sizeof body, 1, chat, "one");
    CHECK_EQ_INT(post_json(port, body), 200);
    msleep(50);
    update_json(body, sizeof body, 2, chat, "two");
    CHECK_EQ_INT(post_json(port, body), 200);
    update_json(body, sizeof body, 3, chat, "three");
    CHECK_EQ_INT(post_json(port, body), 503); /* full: refused at once, not waited for */
    for (i = 0; i < 300; i++) {
        bool all;
        pthread_mutex_lock(&cc_lock);
        all = cc_handled_at[1] && cc_handled_at[2] && cc_handled_at[50];
        pthread_mutex_unlock(&cc_lock);
        if (all) break;
        msleep(10);
    }
    CHECK(i < 300);
    CHECK_EQ_INT(cc_push_rc, TP_OK); /* the handler's push went to the other worker */
    update_json(body, sizeof body, 3, chat, "three");
    CHECK_EQ_INT(post_json(port, body), 200); /* the refused one is taken when sent again */
    tp_hook_free(cc_hook);
    tp_bot_free(bot);
}

TEST(hook_push_from_handler) {
    CHECK_EQ_INT(in_child(push_from_handler_case, 20000), 0);
}

/* 64 sockets that connect and say nothing (no secret needed) do not lock Telegram out: a
   real POST is served at once, and a silent socket is closed after the request deadline. */
TEST(hook_idle_sockets) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    int fds[64], port, i, closed = 0;
    int64_t t0;
    char body[512];
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.request_timeout_ms = 1500;
    h = tp_hook_new(bot, on_update, NULL, &ho, NULL);
    CHECK(h != NULL);
    if (!h) return;
    port = tp_hook_port(h);
    for (i = 0; i < 64; i++) fds[i] = dial(port);
    msleep(200);
    for (i = 0; i < 5; i++) {
        update_json(body, sizeof body, 300 + i, 9, "real");
        t0 = tp_now_ms();
        CHECK_EQ_INT(post_json(port, body), 200);
        CHECK(tp_now_ms() - t0 < 500);
    }
    t0 = tp_now_ms();
    for (i = 0; i < 64; i++) { /* all are closed by the first-request deadline (1.5 s) */
        int st = read_status(fds[i], 4000);
        closed += st == 0;
        close(fds[i]);
    }
    CHECK_EQ_INT(closed, 64);
    CHECK(tp_now_ms() - t0 < 3000);
    tp_hook_free(h);
    tp_bot_free(bot);
}

/* Memory: a budget on what queued updates hold; past it 503 / TP_ERR_BUSY, nothing accepted
   is lost, and bodies past the default 256 KiB limit are refused with 413. */
static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cond = PTHREAD_COND_INITIALIZER;
static int gate_open;
static long gate_handled;
static void on_gate(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)u;
    (void)user;
    pthread_mutex_lock(&gate_lock);
    while (!gate_open) pthread_cond_wait(&gate_cond, &gate_lock);
    gate_handled++;
    pthread_mutex_unlock(&gate_lock);
}

TEST(hook_memory_budget) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    static char body[200000];
    size_t at;
    int i, accepted = 0, busy = 0, port;
    tp_error err;
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.workers = 1;
    ho.queue_size = 1000;
    ho.max_queued_bytes = 4u << 20;
    gate_open = 0;
    gate_handled = 0;
    h = tp_hook_new(bot, on_gate, NULL, &ho, &err);
    CHECK(h != NULL);
    if (!h) return;
    for (i = 0; i < 200; i++) { /* ~100 KB of small values each: several MB once parsed */
        tp_err rc;
        at = (size_t)snprintf(body, sizeof body, "{\"update_id\":%d,\"message\":{\"message_id\":1,"
                              "\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},\"x\":[", i);
        while (at < 100000) at += (size_t)snprintf(body + at, sizeof body - at, "1,");
        snprintf(body + at, sizeof body - at, "1]}}");
        rc = tp_hook_push(h, body, strlen(body), &err);
        if (rc == TP_OK) accepted++;
        else if (rc == TP_ERR_BUSY) busy++;
    }
    CHECK(accepted > 0 && accepted < 100);
    CHECK_EQ_INT(accepted + busy, 200);
    CHECK(strstr(err.message, "max_queued_bytes") != NULL);
    port = tp_hook_port(h); /* the default body limit is 256 KiB */
    CHECK_EQ_INT(ask(port, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
                           "s3cr3t\r\nContent-Length: 262145\r\n\r\n{"), 413);
    pthread_mutex_lock(&gate_lock);
    gate_open = 1;
    pthread_cond_broadcast(&gate_cond);
    pthread_mutex_unlock(&gate_lock);
    for (i = 0; i < 500; i++) {
        long n;
        pthread_mutex_lock(&gate_lock);
        n = gate_handled;
        pthread_mutex_unlock(&gate_lock);
        if (n == accepted) break;
        msleep(10);
    }
    CHECK_EQ_INT(gate_handled, accepted); /* every accepted update handled */
    at = (size_t)snprintf(body, sizeof body, "{\"update_id\":1000,\"message\":{\"message_id\":1,"
                          "\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},\"x\":[");
    while (at < 100000) at += (size_t)snprintf(body + at, sizeof body - at, "1,");
    at += (size_t)snprintf(body + at, sizeof body - at, "1]}}");
    for (i = 0; i < accepted; i++) { /* room again for as many as before: the budget is free */
        body[16] = (char)('0' + i % 10); /* update_id 10xy: new ids */
        body[15] = (char)('0' + i / 10 % 10);
        CHECK_EQ_INT(tp_hook_push(h, body, at, &err), TP_OK);
    }
    tp_hook_free(h);
    tp_bot_free(bot);
}

/* Stop under a client that keeps a partial request coming a byte at a time: tp_hook_run
   returns soon after tp_bot_stop, and tp_hook_free too. */
typedef struct {
    int port;
    volatile int quit;
} trickle_t;
static void *trickle_main(void *arg) {
    trickle_t *t = (trickle_t *)arg;
    const char *req = "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: s3cr3t\r\n"
                      "Content-Length: 16\r\n\r\n{\"update_id\":1}\nPOST /hook HTTP/1.1\r\nHost: x\r\n"
                      "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    int fd = dial(t->port);
    size_t i;
    for (i = 0; req[i] && !__atomic_load_n(&t->quit, __ATOMIC_ACQUIRE); i++) {
        if (send(fd, req + i, 1, MSG_NOSIGNAL) != 1) break;
        msleep(i < 120 ? 1 : 150);
    }
    close(fd);
    return NULL;
}
static void *run_hook(void *arg) {
    (void)tp_hook_run((tp_hook *)arg, NULL);
    return NULL;
}

TEST(hook_stop_bounded) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    trickle_t t;
    pthread_t th, rh;
    int64_t t0;
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.request_timeout_ms = 30000;
    h = tp_hook_new(bot, on_update, NULL, &ho, NULL);
    CHECK(h != NULL);
    if (!h) return;
    t.port = tp_hook_port(h);
    t.quit = 0;
    pthread_create(&th, NULL, trickle_main, &t);
    pthread_create(&rh, NULL, run_hook, h);
    msleep(1200); /* the first request was answered; the second is coming a byte at a time */
    t0 = tp_now_ms();
    tp_bot_stop(bot);
    pthread_join(rh, NULL);
    CHECK(tp_now_ms() - t0 < 1500);
    t0 = tp_now_ms();
    tp_hook_free(h);
    CHECK(tp_now_ms() - t0 < 1500);
    __atomic_store_n(&t.quit, 1, __ATOMIC_RELEASE);
    pthread_join(th, NULL);
    tp_bot_free(bot);
}

/* Ordered mode: an update_id that no update can have is reported, not handled (and does not
   overflow the orderer); one wrong far-ahead id costs one maxhold, then the orderer follows
   the real sequence again instead of calling every later update late. */
TEST(hook_ordered_bounds) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    tp_error err;
    char body[512];
    int i, late = 0;
    const char *p;
    norder = 0;
    reorder_log[0] = '\0';
    seen_reset();
    memset(&ho, 0, sizeof ho);
    ho.no_server = true;
    ho.ordered = true;
    ho.maxhold_ms = 200;
    ho.workers = 1;
    ho.on_reorder = on_reorder;
    ho.on_bad_update = on_bad;
    h = tp_hook_new(bot, on_ordered, NULL, &ho, &err);
    CHECK(h != NULL);
    if (!h) return;
    for (i = 1; i <= 3; i++) {
        update_json(body, sizeof body, i, 1, "a");
        CHECK_EQ_INT(tp_hook_push(h, body, strlen(body), &err), TP_OK);
    }
    msleep(400); /* the first ones wait maxhold for anything lower */
    update_json(body, sizeof body, INT64_MAX, 1, "max");
    CHECK(tp_hook_push(h, body, strlen(body), &err) != TP_OK);
    update_json(body, sizeof body, -5, 1, "neg");
    CHECK(tp_hook_push(h, body, strlen(body), &err) != TP_OK);
    CHECK_EQ_INT(bad_reports, 2);
    update_json(body, sizeof body, INT64_C(1000000000000000), 1, "far");
    CHECK_EQ_INT(tp_hook_push(h, body, strlen(body), &err), TP_OK);
    msleep(400); /* released as a gap after maxhold */
    for (i = 4; i <= 30; i++) {
        update_json(body, sizeof body, i, 1, "b");
        CHECK_EQ_INT(tp_hook_push(h, body, strlen(body), &err), TP_OK);
    }
    for (i = 0; i < 100 && norder_now() < 31; i++) msleep(10);
    tp_hook_free(h);
    CHECK_EQ_INT(norder, 31);
    for (i = 0; i < 3; i++) CHECK_EQ_INT(order_ids[i], i + 1);
    CHECK(order_ids[3] == INT64_C(1000000000000000));
    for (i = 4; i < 31; i++) CHECK_EQ_INT(order_ids[i], i); /* 4..30 in order */
    CHECK(strstr(reorder_log, "resync") != NULL);
    for (p = reorder_log; (p = strstr(p, "late:")) != NULL; p++) late++;
    CHECK(late < 8); /* the run that made it resync, not every later update */
    tp_bot_free(bot);
}

/* ---- 8. what a review found: pushes during a stop, callbacks under the lock, trickling
   sockets, clients that do not read their answers, one big update ---- */

static tp_err stop_push_rc = TP_OK;
static void on_push_at_stop(tp_bot *bot, const tp_update *u, void *user) {
    char body[256];
    (void)bot;
    (void)user;
    if (u->update_id != 1) return;
    msleep(300); /* tp_hook_free has begun meanwhile */
    update_json(body, sizeof body, 2, 77, "late");
    pthread_mutex_lock(&cc_lock);
    stop_push_rc = tp_hook_push(cc_hook, body, strlen(body), NULL);
    pthread_mutex_unlock(&cc_lock);
}

/* A handler's tp_hook_push while tp_hook_free runs is refused (TP_ERR_STOPPED), never taken
   and then dropped (ASan would see its document leak). */
TEST(hook_push_during_free) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    char body[256];
    memset(&ho, 0, sizeof ho);
    ho.no_server = true;
    ho.workers = 2;
    cc_hook = tp_hook_new(bot, on_push_at_stop, NULL, &ho, NULL);
    CHECK(cc_hook != NULL);
    if (!cc_hook) return;
    update_json(body, sizeof body, 1, 5, "first");
    CHECK_EQ_INT(tp_hook_push(cc_hook, body, strlen(body), NULL), TP_OK);
    msleep(50);
    tp_hook_free(cc_hook);
    CHECK_EQ_INT(stop_push_rc, TP_ERR_STOPPED);
    tp_bot_free(bot);
}

/* on_reorder runs outside the receiver's lock: it may push, and a slow one holds no one. */
static tp_hook *reorder_hook;
static int reorder_acted;
static void on_reorder_push(tp_bot *bot, int64_t id, const char *what, void *user) {
    char body[256];
    (void)bot;
    (void)id;
    (void)user;
    if (strcmp(what, "gap") != 0 || reorder_acted++) return; /* the first gap only */
    update_json(body, sizeof body, 1000, 9, "from on_reorder");
    (void)tp_hook_push(reorder_hook, body, strlen(body), NULL);
    msleep(500);
}

static void reorder_case(void) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    char body[256];
    int64_t t0;
    memset(&ho, 0, sizeof ho);
    ho.no_server = true;
    ho.ordered = true;
    ho.maxhold_ms = 100;
    ho.on_reorder = on_reorder_push;
    reorder_hook = tp_hook_new(bot, on_ordered, NULL, &ho, NULL);
    CHECK(reorder_hook != NULL);
    if (!reorder_hook) return;
    update_json(body, sizeof body, 10, 1, "a");
    CHECK_EQ_INT(tp_hook_push(reorder_hook, body, strlen(body), NULL), TP_OK);
    msleep(250); /* released; now a gap: 12 waits for 11 */
    update_json(body, sizeof body, 12, 1, "c");
    CHECK_EQ_INT(tp_hook_push(reorder_hook, body, strlen(body), NULL), TP_OK);
    msleep(250); /* the acceptor's tick gives 11 up and reports the gap (the callback sleeps) */
    update_json(body, sizeof body, 20, 2, "other");
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_hook_push(reorder_hook, body, strlen(body), NULL), TP_OK);
    CHECK(tp_now_ms() - t0 < 300); /* not held behind the sleeping callback */
    tp_hook_free(reorder_hook);
    tp_bot_free(bot);
}

TEST(hook_reorder_callback_unlocked) {
    norder = 0;
    CHECK_EQ_INT(in_child(reorder_case, 15000), 0);
}

/* on_reorder is called one call at a time: 4 threads push 10 old updates each at once (200
   released first: ids below it are late, 8 in a row a resync that moves the expected id up to
   the highest of them); the callback sleeps 2 ms and notes how many calls overlap: none. */
static pthread_mutex_t late_lock = PTHREAD_MUTEX_INITIALIZER;
static int late_inside, late_most, late_calls;
static tp_hook *late_hook;
static void on_late(tp_bot *bot, int64_t id, const char *what, void *user) {
    (void)bot, (void)id, (void)what, (void)user;
    pthread_mutex_lock(&late_lock);
    late_calls++;
    if (++late_inside > late_most) late_most = late_inside;
    pthread_mutex_unlock(&late_lock);
    msleep(2);
    pthread_mutex_lock(&late_lock);
    late_inside--;
    pthread_mutex_unlock(&late_lock);
}
static void *late_pusher(void *arg) {
    long k = (long)(intptr_t)arg, i;
    char body[64];
    for (i = 0; i < 10; i++) {
        int n = snprintf(body, sizeof body, "{\"update_id\":%ld}", 100 + k * 10 + i);
        tp_hook_push(late_hook, body, (size_t)n, NULL);
    }
    return NULL;
}
TEST(hook_reorder_one_at_a_time) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    pthread_t th[4];
    long k;
    int i;
    memset(&ho, 0, sizeof ho);
    ho.no_server = true;
    ho.ordered = true;
    ho.maxhold_ms = 50; /* the first update is held that long (ids before it might come) */
    ho.on_reorder = on_late;
    norder = 0;
    late_hook = tp_hook_new(bot, on_ordered, NULL, &ho, NULL);
    CHECK(late_hook != NULL);
    if (!late_hook) return;
    CHECK_EQ_INT(tp_hook_push(late_hook, "{\"update_id\":200}", 17, NULL), TP_OK);
    for (i = 0; i < 500 && norder_now() < 1; i++) msleep(10);
    CHECK_EQ_INT(norder_now(), 1);
    for (k = 0; k < 4; k++) pthread_create(&th[k], NULL, late_pusher, (void *)(intptr_t)k);
    for (k = 0; k < 4; k++) pthread_join(th[k], NULL); /* each push delivered its report */
    tp_hook_free(late_hook);
    printf("on_reorder: %d reports from 4 threads, at most %d calls at once\n", late_calls,
           late_most);
    CHECK(late_calls >= 8); /* 7 late, then a resync at least */
    CHECK_EQ_INT(late_most, 1);
    tp_bot_free(bot);
}

/* 64 sockets that each send one byte and then nothing: after a second each is evictable, so
   real POSTs are served. */
TEST(hook_trickling_sockets) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    int fds[64], port, i, ok = 0;
    char body[256];
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    h = tp_hook_new(bot, on_update, NULL, &ho, NULL);
    CHECK(h != NULL);
    if (!h) return;
    port = tp_hook_port(h);
    for (i = 0; i < 64; i++) {
        fds[i] = dial(port);
        (void)!send(fds[i], "P", 1, MSG_NOSIGNAL);
    }
    msleep(1300);
    for (i = 0; i < 5; i++) {
        update_json(body, sizeof body, 400 + i, 9, "real");
        ok += post_json(port, body) == 200;
    }
    CHECK_EQ_INT(ok, 5);
    for (i = 0; i < 64; i++) close(fds[i]);
    tp_hook_free(h);
    tp_bot_free(bot);
}

/* A client that pipelines requests and never reads the answers: a stop still ends the
   receiver within a second (the answer it is stuck writing is given up). */
static long nonreader_sent; /* requests sent so far (atomic) */
static void *nonreader_main(void *arg) {
    int fd = *(int *)arg;
    static const char rq[] = "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}";
    while (send(fd, rq, sizeof rq - 1, MSG_NOSIGNAL) > 0) /* never reads */
        __atomic_add_fetch(&nonreader_sent, 1, __ATOMIC_RELAXED);
    return NULL;
}

TEST(hook_stop_nonreading_client) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    pthread_t rh, ch;
    int fd, small = 2048, i;
    long last;
    int64_t t0;
    struct sockaddr_in a;
    memset(&ho, 0, sizeof ho);
    ho.on_bad_update = on_bad;
    h = tp_hook_new(bot, on_update, NULL, &ho, NULL);
    CHECK(h != NULL);
    if (!h) return;
    fd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons((uint16_t)tp_hook_port(h));
    CHECK(connect(fd, (struct sockaddr *)&a, sizeof a) == 0);
    pthread_create(&rh, NULL, run_hook, h);
    pthread_create(&ch, NULL, nonreader_main, &fd);
    for (i = 0, last = -1; i < 40; i++) { /* until the receiver is stuck writing answers */
        long now_sent;
        msleep(500);
        now_sent = __atomic_load_n(&nonreader_sent, __ATOMIC_RELAXED);
        if (now_sent == last && i >= 3) break;
        last = now_sent;
    }
    t0 = tp_now_ms();
    tp_bot_stop(bot);
    pthread_join(rh, NULL);
    CHECK(tp_now_ms() - t0 < 1500);
    shutdown(fd, SHUT_RDWR);
    pthread_join(ch, NULL);
    close(fd);
    tp_hook_free(h);
    tp_bot_free(bot);
}

/* One update bigger than max_queued_bytes is still taken when nothing else is held. */
TEST(hook_big_update_alone) {
    tp_bot *bot = new_bot("http://127.0.0.1:9", 1000);
    tp_hook_opts ho;
    tp_hook *h;
    static char body[12000], text[8000];
    tp_error err;
    memset(&ho, 0, sizeof ho);
    ho.no_server = true;
    ho.max_queued_bytes = 8192;
    h = tp_hook_new(bot, on_update, NULL, &ho, NULL);
    CHECK(h != NULL);
    if (!h) return;
    memset(text, 'x', sizeof text - 1);
    update_json(body, sizeof body, 7, 3, text);
    CHECK_EQ_INT(tp_hook_push(h, body, strlen(body), &err), TP_OK);
    tp_hook_free(h);
    tp_bot_free(bot);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(hook_rules)) RUN(hook_rules);
    if (PICK(hook_secret)) RUN(hook_secret);
    if (PICK(webhook_soak)) RUN(webhook_soak);
    if (PICK(hook_dedup)) RUN(hook_dedup);
    if (PICK(hook_slow_chat)) RUN(hook_slow_chat);
    if (PICK(hook_push_from_handler)) RUN(hook_push_from_handler);
    if (PICK(hook_idle_sockets)) RUN(hook_idle_sockets);
    if (PICK(hook_memory_budget)) RUN(hook_memory_budget);
    if (PICK(hook_stop_bounded)) RUN(hook_stop_bounded);
    if (PICK(hook_ordered_bounds)) RUN(hook_ordered_bounds);
    if (PICK(hook_push_during_free)) RUN(hook_push_during_free);
    if (PICK(hook_reorder_callback_unlocked)) RUN(hook_reorder_callback_unlocked);
    if (PICK(hook_reorder_one_at_a_time)) RUN(hook_reorder_one_at_a_time);
    if (PICK(hook_trickling_sockets)) RUN(hook_trickling_sockets);
    if (PICK(hook_stop_nonreading_client)) RUN(hook_stop_nonreading_client);
    if (PICK(hook_big_update_alone)) RUN(hook_big_update_alone);
    TEST_END();
}

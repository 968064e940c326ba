/* tests/test_send.c - sending that never silently drops: every row of the certainty table in
   telepot.h's >>api against a scripted server on loopback (real sockets, a thread per
   connection) that answers, refuses, resets before or after reading the request, stalls or
   sends 429s as each case asks; the outgoing throttle's windows measured at the server; the
   dispatcher's stand-ins (a chat under flood control does not stall the others); a stop
   during a wait. The server counts the requests that arrived whole: "carried out" in these
   tests means "arrived whole and answered ok". */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "tp_sock.h"
#include "tp_feed.h" /* (no MAXN: msleep, thread_count) */

#include <pthread.h>
#include <sys/wait.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>

#define TOKEN "123456:SENDTESTTOKEN"

/* ---- the scripted server ------------------------------------------------------------------ */

typedef enum act {
    A_OK,          /* {"ok":true,"result":...}, carried out */
    A_429,         /* 429 with retry_after = arg (0: without parameters) */
    A_500,         /* a JSON 500 */
    A_502,         /* an HTML 502 page */
    A_403,         /* Forbidden: bot was blocked by the user */
    A_MIGRATE,     /* 400 with migrate_to_chat_id = arg */
    A_RST,         /* read the request whole, then reset */
    A_CLOSE,       /* read the request whole, then close without answering */
    A_STALL,       /* read the request whole, never answer (until the server stops) */
    A_RST_EARLY,   /* read the head only, reset while the body is still coming */
    A_OK_THEN_RST, /* answer ok, then (100 ms later) reset the kept-alive connection */
    A_400NM,       /* 400 message is not modified */
    A_CTYPE        /* a 502 whose Content-Type echoes the request path (with the token), cut
                      where the client's field ends: arg bytes of padding before it */
} act;

typedef struct rec {
    char method[48];
    char body[256];
    int64_t chat;     /* chat_id of a JSON body (0: none) */
    int64_t at_us;    /* when it arrived whole */
    act did;
} rec;

#define RECS_MAX 8192
typedef act (*decide_fn)(int idx, const rec *r, int *arg);

typedef struct srv {
    int lfd, port;
    char url[64];
    pthread_t acceptor;
    pthread_mutex_t lock;
    rec recs[RECS_MAX];
    int nrecs, nconns, nearly; /* nearly: requests reset before their body (not recorded) */
    int alive;                 /* connection threads running (atomic) */
    decide_fn decide;
    int stop; /* TP__LOAD/TP__STORE */
    pthread_t conns[256];
    int nthreads;
} srv;

static srv S;

static int64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void rst_close(int fd) {
    struct linger l;
    l.l_onoff = 1;
    l.l_linger = 0;
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(fd);
}

static void say(int fd, int status, const char *ctype, const char *body) {
    char msg[1024]; /* in one write: a second small one would wait for a delayed ACK */
    int n = snprintf(msg, sizeof msg, "HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %zu"
                     "\r\n\r\n%s", status, ctype, strlen(body), body);
    if (write(fd, msg, (size_t)n) < 0) return;
}

/* Reads one request: its method name (the path's last part), up to 255 bytes of its body;
   reads the body whole unless early. -1: the peer went away. */
static int read_req(int fd, char *buf, size_t cap, rec *r, bool *early_reset) {
    size_t got = 0, need;
    char *end, *cl, *m;
    long len;
    memset(r, 0, sizeof *r);
    for (;;) {
        ssize_t n;
        buf[got] = '\0';
        if ((end = strstr(buf, "\r\n\r\n")) != NULL) break;
        if (got + 1 >= cap) return -1;
        n = read(fd, buf + got, cap - got - 1);
        if (n <= 0) return -1;
        got += (size_t)n;
    }
    m = strstr(buf, TOKEN "/");
    if (m) {
        m += strlen(TOKEN) + 1;
        snprintf(r->method, sizeof r->method, "%.*s", (int)strcspn(m, " ?"), m);
    }
    cl = strstr(buf, "Content-Length: ");
    len = cl ? strtol(cl + 16, NULL, 10) : 0;
    need = (size_t)(end - buf) + 4 + (size_t)len;
    if (S.decide && early_reset) { /* the decision before the body: A_RST_EARLY */
        int arg = 0;
        rec peek = *r;
        pthread_mutex_lock(&S.lock);
        *early_reset = S.decide(-1, &peek, &arg) == A_RST_EARLY;
        if (*early_reset) S.nearly++;
        pthread_mutex_unlock(&S.lock);
        if (*early_reset) return 0;
    }
    while (got < need) { /* bodies larger than the buffer are read and dropped past it */
        char sink[65536];
        size_t want = need - got;
        ssize_t n;
        if (got + 1 < cap) {
            n = read(fd, buf + got, cap - got - 1 < want ? cap - got - 1 : want);
        } else {
            n = read(fd, sink, want < sizeof sink ? want : sizeof sink);
        }
        if (n <= 0) return -1;
        got += (size_t)n;
    }
    buf[got < cap ? got : cap - 1] = '\0';
    snprintf(r->body, sizeof r->body, "%s", end + 4);
    {
        const char *c = strstr(r->body, "\"chat_id\":");
        if (c) r->chat = strtoll(c + 10, NULL, 10);
        else if ((c = strstr(buf, "name=\"chat_id\"\r\n\r\n")) != NULL)
            r->chat = strtoll(c + strlen("name=\"chat_id\"\r\n\r\n"), NULL, 10);
    }
    return 0;
}

static void *conn_body(void *arg);
static void *conn_main(void *arg) { /* a connection's thread, counted while it runs */
    void *r;
    __atomic_add_fetch(&S.alive, 1, __ATOMIC_SEQ_CST);
    r = conn_body(arg);
    __atomic_sub_fetch(&S.alive, 1, __ATOMIC_SEQ_CST);
    return r;
}
static void *conn_body(void *arg) {
    int fd = (int)(intptr_t)arg;
    char *buf = (char *)malloc(1 << 16);
    for (;;) {
        rec r;
        bool early = false;
        int arg2 = 0, idx;
        act a;
        char body[256];
        if (read_req(fd, buf, 1 << 16, &r, &early) != 0) break;
        if (early) {
            rst_close(fd);
            fd = -1;
            break;
        }
        r.at_us = now_us();
        pthread_mutex_lock(&S.lock);
        idx = S.nrecs;
        a = S.decide ? S.decide(idx, &r, &arg2) : A_OK;
        r.did = a;
        if (S.nrecs < RECS_MAX) S.recs[S.nrecs++] = r;
        pthread_mutex_unlock(&S.lock);
        switch (a) {
        case A_OK:
        case A_OK_THEN_RST:
            snprintf(body, sizeof body, "{\"ok\":true,\"result\":{\"message_id\":%d,\"date\":1,"
                     "\"chat\":{\"id\":%lld,\"type\":\"private\"}}}", idx + 1, (long long)r.chat);
            say(fd, 200, "application/json", body);
            if (a == A_OK_THEN_RST) { /* once the client has read the answer */
                msleep(100);
                rst_close(fd);
                free(buf);
                return NULL;
            }
            break;
        case A_429:
            if (arg2 > 0)
                snprintf(body, sizeof body, "{\"ok\":false,\"error_code\":429,\"description\":"
                         "\"Too Many Requests: retry after %d\",\"parameters\":{\"retry_after\":%d}}",
                         arg2, arg2);
            else
                snprintf(body, sizeof body, "{\"ok\":false,\"error_code\":429,\"description\":"
                         "\"Too Many Requests\"}");
            say(fd, 429, "application/json", body);
            break;
        case A_500:
            say(fd, 500, "application/json",
                "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
            break;
        case A_502:
            say(fd, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
            break;
        case A_403:
            say(fd, 403, "application/json", "{\"ok\":false,\"error_code\":403,\"description\":"
                "\"Forbidden: bot was blocked by the user\"}");
            break;
        case A_400NM:
            say(fd, 400, "application/json", "{\"ok\":false,\"error_code\":400,\"description\":"
                "\"Bad Request: message is not modified\"}");
            break;
        case A_CTYPE: {
            char ct[300];
            snprintf(ct, sizeof ct, "text/html; echo=%.*s/bot" TOKEN "/x", arg2,
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
            say(fd, 502, ct, "<html>bad gateway</html>");
            break;
        }
        case A_MIGRATE:
            snprintf(body, sizeof body, "{\"ok\":false,\"error_code\":400,\"description\":"
                     "\"Bad Request: group chat was upgraded to a supergroup chat\","
                     "\"parameters\":{\"migrate_to_chat_id\":%d}}", arg2);
            say(fd, 400, "application/json", body);
            break;
        case A_RST:
        case A_RST_EARLY:
            rst_close(fd);
            free(buf);
            return NULL;
        case A_CLOSE:
            close(fd);
            free(buf);
            return NULL;
        case A_STALL:
            while (!TP__LOAD(S.stop)) msleep(20);
            close(fd);
            free(buf);
            return NULL;
        }
    }
    if (fd >= 0) close(fd);
    free(buf);
    return NULL;
}

static void *acceptor(void *arg) {
    (void)arg;
    for (;;) {
        int fd = accept(S.lfd, NULL, NULL);
        pthread_t t;
        if (fd < 0 || TP__LOAD(S.stop)) {
            if (fd >= 0) close(fd);
            break;
        }
        pthread_mutex_lock(&S.lock);
        S.nconns++;
        if (S.nthreads < 256 && pthread_create(&t, NULL, conn_main, (void *)(intptr_t)fd) == 0)
            S.conns[S.nthreads++] = t;
        else
            close(fd);
        pthread_mutex_unlock(&S.lock);
    }
    return NULL;
}

static void srv_start(decide_fn decide) {
    memset(&S, 0, sizeof S);
    pthread_mutex_init(&S.lock, NULL);
    S.decide = decide;
    S.lfd = listen_any(&S.port);
    {
        int small = 64 << 10; /* (accepted sockets inherit it: a writer cannot run far ahead) */
        setsockopt(S.lfd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    }
    snprintf(S.url, sizeof S.url, "http://127.0.0.1:%d", S.port);
    pthread_create(&S.acceptor, NULL, acceptor, NULL);
}

static void srv_stop(void) {
    int i, fd;
    TP__STORE(S.stop, 1);
    fd = dial(S.port); /* wakes the acceptor */
    if (fd >= 0) close(fd);
    pthread_join(S.acceptor, NULL);
    close(S.lfd);
    for (i = 0; i < S.nthreads; i++) pthread_join(S.conns[i], NULL);
    pthread_mutex_destroy(&S.lock);
}

/* Requests of `method` that arrived whole (to chat, when chat != 0) and how many were done. */
static int arrived(const char *method, int64_t chat, act did) {
    int i, n = 0;
    pthread_mutex_lock(&S.lock);
    for (i = 0; i < S.nrecs; i++)
        if (strcmp(S.recs[i].method, method) == 0 && (!chat || S.recs[i].chat == chat) &&
            ((int)did < 0 || S.recs[i].did == did))
            n++;
    pthread_mutex_unlock(&S.lock);
    return n;
}
#define ANY ((act)-1)

static tp_bot *bot_opts(const char *url, int timeout_ms, const tp_throttle_opts *thr,
                        bool follow, int flood_wait_ms) {
    tp_bot_opts o;
    tp_error e;
    tp_bot *b;
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = url;
    o.timeout_ms = timeout_ms;
    o.connect_timeout_ms = 1000;
    o.throttle = thr;
    o.follow_migration = follow;
    o.flood_wait_ms = flood_wait_ms;
    b = tp_bot_new(&o, &e);
    if (!b) {
        fprintf(stderr, "tp_bot_new: %s\n", e.message);
        exit(2);
    }
    return b;
}

static tp_err send_text(tp_bot *bot, int64_t chat, tp_error *e) {
    tp_send_message_args a;
    memset(&a, 0, sizeof a);
    a.chat_id = TP_CHAT(chat);
    a.text = "hello";
    return tp_send_message(bot, &a, NULL, e);
}

static tp_err edit_text(tp_bot *bot, int64_t chat, tp_error *e) {
    tp_edit_message_text_args a;
    memset(&a, 0, sizeof a);
    a.chat_id = TP_CHAT(chat);
    a.message_id = 5;
    a.text = "edited";
    return tp_edit_message_text(bot, &a, NULL, e);
}

/* ---- the certainty table, row by row ---------------------------------------------------- */

/* decide: the first request to each method gets the fault G_ACT (arg G_ARG), later ones ok */
static act g_act;
static int g_arg, g_times;
static act first_faulted(int idx, const rec *r, int *arg) {
    int i, seen = 0;
    if (idx < 0) return g_act == A_RST_EARLY && S.nearly < g_times ? A_RST_EARLY : A_OK;
    if (g_act == A_RST_EARLY) return A_OK; /* (decided above, before the body) */
    for (i = 0; i < S.nrecs; i++) seen += strcmp(S.recs[i].method, r->method) == 0;
    if (seen < g_times) {
        *arg = g_arg;
        return g_act;
    }
    return A_OK;
}

/* One case: the fault `a` on the first `times` requests to each method, then `call` once. */
static void fault_case(act a, int arg, int times) {
    g_act = a;
    g_arg = arg;
    g_times = times;
    srv_start(first_faulted);
}

TEST(row_connect_refused) {
    int port, lfd = listen_any(&port);
    char url[64];
    tp_bot *bot;
    tp_error e;
    int64_t t0 = tp_now_ms();
    close(lfd); /* nothing listens there now */
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    bot = bot_opts(url, 700, NULL, false, 0);
    CHECK_EQ_INT(send_text(bot, 1, &e), TP_ERR_CONNECT);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK(e.attempts >= 3); /* tried again within the deadline: 0, 100, 300 ms, ... */
    CHECK(tp_now_ms() - t0 < 3000);
    CHECK(strstr(e.message, TOKEN) == NULL);
    tp_bot_free(bot);
}

TEST(row_connect_refused_then_up) {
    /* the server comes up while the call is retrying: the message goes, once */
    int port, lfd = listen_any(&port), lfd2;
    char url[64];
    tp_bot *bot;
    tp_error e;
    struct sockaddr_in a;
    int one = 1;
    close(lfd);
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    bot = bot_opts(url, 5000, NULL, false, 0);
    {
        pid_t pid;
        int pfd[2];
        CHECK(pipe(pfd) == 0);
        pid = fork();
        if (pid == 0) { /* a child that listens late and answers one request */
            char buf[4096];
            int c, n;
            close(pfd[0]);
            alarm(10); /* a caller that gave up never connects: do not wait for it forever */
            msleep(250);
            lfd2 = socket(AF_INET, SOCK_STREAM, 0);
            setsockopt(lfd2, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            memset(&a, 0, sizeof a);
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            a.sin_port = htons((uint16_t)port);
            if (bind(lfd2, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd2, 4) != 0) _exit(3);
            c = accept(lfd2, NULL, NULL);
            n = (int)read(c, buf, sizeof buf);
            (void)n;
            say(c, 200, "application/json", "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1,"
                "\"chat\":{\"id\":1,\"type\":\"private\"}}}");
            msleep(100);
            _exit(0);
        }
        close(pfd[1]);
        CHECK_EQ_INT(send_text(bot, 1, &e), TP_OK);
        CHECK(e.attempts >= 2);
        waitpid(pid, NULL, 0);
        close(pfd[0]);
    }
    tp_bot_free(bot);
}

TEST(row_proxy_refused) {
    /* a SOCKS5 proxy that accepts no method: TP_ERR_PROXY, not sent, tried again */
    int port, lfd = listen_any(&port), n = 0;
    char url[64], buf[64];
    tp_bot_opts o;
    tp_bot *bot;
    tp_error e;
    pid_t pid;
    snprintf(url, sizeof url, "socks5://127.0.0.1:%d", port);
    pid = fork();
    if (pid == 0) {
        for (;;) {
            int c = accept(lfd, NULL, NULL);
            if (c < 0) _exit(0);
            if (read(c, buf, sizeof buf) > 0 && write(c, "\x05\xff", 2) == 2) n++;
            close(c);
        }
    }
    close(lfd);
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = "http://127.0.0.1:9"; /* never reached: the proxy refuses */
    o.proxy = url;
    o.timeout_ms = 600;
    bot = tp_bot_new(&o, &e);
    CHECK(bot != NULL);
    CHECK_EQ_INT(send_text(bot, 1, &e), TP_ERR_PROXY);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK(e.attempts >= 2);
    tp_bot_free(bot);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    (void)n;
}

TEST(row_reset_while_writing) {
    /* a 16 MiB upload reset after its head (more than the kernel's socket buffers can take
       with the server's receive buffer small): not sent, sent again, carried out once */
    static char big[16 << 20];
    tp_bot *bot;
    tp_error e;
    tp_send_document_args a;
    memset(big, 'x', sizeof big);
    fault_case(A_RST_EARLY, 0, 1);
    bot = bot_opts(S.url, 10000, NULL, false, 0);
    memset(&a, 0, sizeof a);
    a.chat_id = TP_CHAT(3);
    a.document = tp_file_mem(big, sizeof big, "big.bin");
    CHECK_EQ_INT(tp_send_document(bot, &a, NULL, &e), TP_OK);
    CHECK_EQ_INT(e.attempts, 2);
    CHECK_EQ_INT(arrived("sendDocument", 0, A_OK), 1);
    tp_bot_free(bot);
    srv_stop();
    /* every try reset: the error says not sent */
    fault_case(A_RST_EARLY, 0, 1000);
    bot = bot_opts(S.url, 800, NULL, false, 0);
    CHECK(tp_send_document(bot, &a, NULL, &e) != TP_OK);
    CHECK(e.code == TP_ERR_RESET || e.code == TP_ERR_IO || e.code == TP_ERR_CLOSED ||
          e.code == TP_ERR_TIMEOUT); /* (the deadline can end the last try: under valgrind) */
    if (e.code != TP_ERR_RESET && e.code != TP_ERR_IO && e.code != TP_ERR_CLOSED)
        fprintf(stderr, "row_reset_while_writing: %d %s\n", e.code, e.message);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK(e.attempts >= 2);
    CHECK_EQ_INT(arrived("sendDocument", 0, ANY), 0);
    tp_bot_free(bot);
    srv_stop();
}

TEST(row_stale_keepalive) {
    /* the server resets a kept-alive connection after answering: the next request meets
       the reset before anything of it is read, goes again on a new connection, once */
    tp_bot *bot;
    tp_error e;
    int i;
    fault_case(A_OK_THEN_RST, 0, 1000);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    for (i = 0; i < 5; i++) {
        CHECK_EQ_INT(send_text(bot, 40 + i, &e), TP_OK);
        CHECK_EQ_INT(e.attempts, 1); /* (the HTTP layer's own reconnect) */
        msleep(250); /* reset by now, and not long enough for a look before sending */
    }
    for (i = 0; i < 5; i++) CHECK_EQ_INT(arrived("sendMessage", 40 + i, ANY), 1);
    tp_bot_free(bot);
    srv_stop();
}

TEST(row_429) {
    tp_bot *bot;
    tp_error e;
    int64_t t0;
    /* with retry_after: waited, sent again, carried out once */
    fault_case(A_429, 1, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    t0 = tp_now_ms();
    CHECK_EQ_INT(send_text(bot, 7, &e), TP_OK);
    CHECK(tp_now_ms() - t0 >= 950);
    CHECK_EQ_INT(e.attempts, 2);
    CHECK_EQ_INT(arrived("sendMessage", 7, A_OK), 1);
    tp_bot_free(bot);
    srv_stop();
    /* without retry_after: a backoff from 1 s */
    fault_case(A_429, 0, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    t0 = tp_now_ms();
    CHECK_EQ_INT(send_text(bot, 7, &e), TP_OK);
    CHECK(tp_now_ms() - t0 >= 950);
    CHECK_EQ_INT(e.attempts, 2);
    tp_bot_free(bot);
    srv_stop();
    /* more wait than flood_wait_ms allows: the 429 comes back, not sent */
    fault_case(A_429, 5, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 2000);
    t0 = tp_now_ms();
    CHECK_EQ_INT(send_text(bot, 7, &e), TP_ERR_API);
    CHECK(tp_now_ms() - t0 < 1000);
    CHECK_EQ_INT(e.error_code, 429);
    CHECK_EQ_INT(e.retry_after, 5);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK_EQ_INT(e.attempts, 1);
    CHECK(strstr(e.message, "flood_wait_ms") != NULL);
    tp_bot_free(bot);
    srv_stop();
    /* TP_FLOOD_WAIT_NONE: straight to the caller */
    fault_case(A_429, 1, 1);
    bot = bot_opts(S.url, 5000, NULL, false, TP_FLOOD_WAIT_NONE);
    CHECK_EQ_INT(send_text(bot, 8, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 429);
    CHECK_EQ_INT(e.attempts, 1);
    tp_bot_free(bot);
    srv_stop();
}

static tp_bot *stop_me;
static void *stop_later(void *arg) {
    msleep((int)(intptr_t)arg);
    tp_bot_stop(stop_me);
    return NULL;
}

TEST(row_429_stop) {
    /* a stop ends a flood wait at once: the 429 comes back, not sent */
    tp_bot *bot;
    tp_error e;
    pthread_t t;
    int64_t t0;
    fault_case(A_429, 30, 1);
    bot = stop_me = bot_opts(S.url, 5000, NULL, false, 0);
    pthread_create(&t, NULL, stop_later, (void *)(intptr_t)200);
    t0 = tp_now_ms();
    CHECK_EQ_INT(send_text(bot, 7, &e), TP_ERR_API);
    CHECK(tp_now_ms() - t0 < 2000);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK(strstr(e.message, "a stop ended the wait") != NULL);
    pthread_join(t, NULL);
    tp_bot_free(bot);
    srv_stop();
}

TEST(row_migrate) {
    tp_bot *bot;
    tp_error e;
    tp_send_photo_args p;
    static const char png[] = "\x89PNG fake";
    /* not followed: the 400 with the new id comes back, not sent */
    fault_case(A_MIGRATE, -100777, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    CHECK_EQ_INT(send_text(bot, -55, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 400);
    CHECK_EQ_INT(e.migrate_to_chat_id, -100777);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK_EQ_INT(e.attempts, 1);
    tp_bot_free(bot);
    srv_stop();
    /* followed: sent once more to the new id; the caller learns it */
    fault_case(A_MIGRATE, -100777, 1);
    bot = bot_opts(S.url, 5000, NULL, true, 0);
    CHECK_EQ_INT(send_text(bot, -55, &e), TP_OK);
    CHECK_EQ_INT(e.migrate_to_chat_id, -100777);
    CHECK_EQ_INT(e.attempts, 2);
    CHECK_EQ_INT(arrived("sendMessage", -100777, A_OK), 1);
    CHECK_EQ_INT(arrived("sendMessage", -55, A_OK), 0);
    /* an upload: the chat_id part is rewritten */
    memset(&p, 0, sizeof p);
    p.chat_id = TP_CHAT(-56);
    p.photo = tp_file_mem(png, sizeof png - 1, "p.png");
    CHECK_EQ_INT(tp_send_photo(bot, &p, NULL, &e), TP_OK);
    CHECK_EQ_INT(e.migrate_to_chat_id, -100777);
    CHECK_EQ_INT(arrived("sendPhoto", -100777, A_OK), 1);
    tp_bot_free(bot);
    srv_stop();
    /* migrated twice in a row: followed once only */
    fault_case(A_MIGRATE, -100778, 2);
    bot = bot_opts(S.url, 5000, NULL, true, 0);
    CHECK_EQ_INT(send_text(bot, -57, &e), TP_ERR_API);
    CHECK_EQ_INT(e.attempts, 2);
    tp_bot_free(bot);
    srv_stop();
}

TEST(row_refused) {
    /* 403: Telegram answered, it did not do it; sending again would fail again */
    tp_bot *bot;
    tp_error e;
    fault_case(A_403, 0, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    CHECK_EQ_INT(send_text(bot, 9, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 403);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK_EQ_INT(e.attempts, 1);
    CHECK_EQ_INT(arrived("sendMessage", 9, ANY), 1);
    tp_bot_free(bot);
    srv_stop();
}

/* After the request was written whole: a send is reported maybe sent and never sent again;
   an idempotent method is sent again. */
static void maybe_row(act a) {
    tp_bot *bot;
    tp_error e;
    fault_case(a, 0, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    CHECK(send_text(bot, 11, &e) != TP_OK);
    CHECK_EQ_INT(e.sent, TP_MAYBE_SENT);
    CHECK_EQ_INT(e.attempts, 1);
    CHECK_EQ_INT(arrived("sendMessage", 11, ANY), 1);
    CHECK(strstr(e.message, TOKEN) == NULL);
    CHECK_EQ_INT(edit_text(bot, 11, &e), TP_OK);
    CHECK_EQ_INT(e.attempts, 2);
    CHECK_EQ_INT(arrived("editMessageText", 11, ANY), 2);
    tp_bot_free(bot);
    srv_stop();
}

TEST(row_reset_after_written) { maybe_row(A_RST); }
TEST(row_closed_after_written) { maybe_row(A_CLOSE); }
TEST(row_5xx) { maybe_row(A_500); }
TEST(row_html_page) { maybe_row(A_502); }

TEST(row_timeout) {
    /* no answer before the deadline: maybe sent, not sent again even when idempotent */
    tp_bot *bot;
    tp_error e;
    int64_t t0 = tp_now_ms();
    fault_case(A_STALL, 0, 1);
    bot = bot_opts(S.url, 400, NULL, false, 0);
    CHECK_EQ_INT(edit_text(bot, 12, &e), TP_ERR_TIMEOUT);
    CHECK_EQ_INT(e.sent, TP_MAYBE_SENT);
    CHECK_EQ_INT(e.attempts, 1);
    CHECK(tp_now_ms() - t0 < 2000);
    tp_bot_free(bot);
    srv_stop();
}

TEST(row_local) {
    /* never tried: bad arguments, a file that cannot be read */
    tp_bot *bot;
    tp_error e;
    tp_send_photo_args p;
    srv_start(NULL);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    memset(&p, 0, sizeof p);
    p.chat_id = TP_CHAT(1);
    p.photo = tp_file_path("/nonexistent/photo.jpg");
    CHECK_EQ_INT(tp_send_photo(bot, &p, NULL, &e), TP_ERR_FILE);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK_EQ_INT(e.attempts, 0);
    CHECK_EQ_INT(tp_call(bot, "sendMessage", "{\"chat_id\":1,\"text\":\"x\"}", NULL, &e), TP_OK);
    CHECK_EQ_INT(e.attempts, 1);
    tp_bot_free(bot);
    srv_stop();
}

TEST(row_pipe_upload_once) {
    /* an upload read from a pipe is not sent again after a 429: its bytes are gone */
    tp_bot *bot;
    tp_error e;
    tp_send_document_args a;
    int pfd[2];
    CHECK(pipe(pfd) == 0);
    CHECK(write(pfd[1], "data", 4) == 4);
    close(pfd[1]);
    fault_case(A_429, 1, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    memset(&a, 0, sizeof a);
    a.chat_id = TP_CHAT(3);
    a.document = tp_file_fd(pfd[0], "d.txt");
    CHECK_EQ_INT(tp_send_document(bot, &a, NULL, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 429);
    CHECK_EQ_INT(e.attempts, 1);
    close(pfd[0]);
    tp_bot_free(bot);
    srv_stop();
}

TEST(no_retry_opt) {
    int port, lfd = listen_any(&port);
    char url[64];
    tp_bot_opts o;
    tp_bot *bot;
    tp_error e;
    close(lfd);
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = url;
    o.timeout_ms = 2000;
    o.no_retry = true;
    bot = tp_bot_new(&o, &e);
    CHECK_EQ_INT(send_text(bot, 1, &e), TP_ERR_CONNECT);
    CHECK_EQ_INT(e.attempts, 1);
    tp_bot_free(bot);
}

/* Review findings (each failed before its fix) */

TEST(get_not_resent) {
    /* tp_call with no parameters of a method that is not idempotent (logOut): it goes as a
       POST, so the HTTP layer's resend of GETs never repeats it */
    tp_bot *bot;
    tp_error e;
    fault_case(A_CLOSE, 0, 1);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    CHECK_EQ_INT(tp_call(bot, "getMe", NULL, NULL, &e), TP_OK); /* (a kept-alive connection) */
    CHECK(tp_call(bot, "logOut", NULL, NULL, &e) != TP_OK);
    CHECK_EQ_INT(e.sent, TP_MAYBE_SENT);
    CHECK_EQ_INT(arrived("logOut", 0, ANY), 1);
    tp_bot_free(bot);
    srv_stop();
}

static act edit_502_then_nm(int idx, const rec *r, int *arg) { /* (under S.lock) */
    int i;
    (void)arg;
    if (idx < 0 || strcmp(r->method, "editMessageText") != 0) return A_OK;
    for (i = 0; i < S.nrecs; i++)
        if (strcmp(S.recs[i].method, "editMessageText") == 0) return A_400NM;
    return A_502;
}

TEST(maybe_sticks) {
    /* a try that may have been carried out makes the call maybe sent, whatever came next
       (here: "message is not modified", since the first edit was done) */
    tp_bot *bot;
    tp_error e;
    g_act = A_502;
    g_arg = 0;
    g_times = 1;
    srv_start(edit_502_then_nm);
    bot = bot_opts(S.url, 5000, NULL, false, 0);
    CHECK_EQ_INT(edit_text(bot, 3, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 400);
    CHECK_EQ_INT(e.attempts, 2);
    CHECK_EQ_INT(e.sent, TP_MAYBE_SENT);
    CHECK(strstr(e.message, "maybe sent") != NULL);
    tp_bot_free(bot);
    srv_stop();
}

TEST(throttle_wait_not_deadline) {
    /* a throttle's wait does not count against the call's deadline */
    tp_throttle_opts t;
    tp_bot *bot;
    tp_error e;
    int i;
    memset(&t, 0, sizeof t);
    t.chat.count = 1;
    t.chat.per_ms = 600;
    srv_start(NULL);
    bot = bot_opts(S.url, 300, &t, false, 0);
    for (i = 0; i < 3; i++) CHECK_EQ_INT(send_text(bot, 7, &e), TP_OK);
    CHECK_EQ_INT(arrived("sendMessage", 7, A_OK), 3);
    tp_bot_free(bot);
    srv_stop();
}

TEST(migrate_keeps_params) {
    /* following a migration changes chat_id only: every other byte as the caller wrote it */
    tp_bot *bot;
    tp_error e;
    int i, found = 0;
    fault_case(A_MIGRATE, -100777, 1);
    bot = bot_opts(S.url, 5000, NULL, true, 0);
    CHECK_EQ_INT(tp_call(bot, "sendMessage", "{\"chat_id\" : -5, \"text\":\"chat_id\","
                         "\"big\":123456789012345678901234567890,\"reply_parameters\":"
                         "{\"chat_id\":-5,\"message_id\":3}}", NULL, &e), TP_OK);
    pthread_mutex_lock(&S.lock);
    for (i = 0; i < S.nrecs; i++)
        found += strcmp(S.recs[i].body, "{\"chat_id\" : -100777, \"text\":\"chat_id\","
                        "\"big\":123456789012345678901234567890,\"reply_parameters\":"
                        "{\"chat_id\":-5,\"message_id\":3}}") == 0;
    pthread_mutex_unlock(&S.lock);
    CHECK_EQ_INT(found, 1);
    tp_bot_free(bot);
    srv_stop();
}

TEST(ctype_echo_masked) {
    /* a 502 whose Content-Type echoes the path, cut anywhere inside the token: none of it
       in the message */
    tp_bot *bot;
    tp_error e;
    int pad;
    for (pad = 80; pad <= 100; pad++) {
        fault_case(A_CTYPE, pad, 1);
        bot = bot_opts(S.url, 5000, NULL, false, 0);
        CHECK(send_text(bot, 1, &e) != TP_OK);
        CHECK(strstr(e.message, "SENDTESTT") == NULL && strstr(e.message, "123456:SEN") == NULL);
        tp_bot_free(bot);
        srv_stop();
    }
}

TEST(method_classes) {
    CHECK(tp_method_idempotent("getMe"));
    CHECK(tp_method_idempotent("editMessageText"));
    CHECK(tp_method_idempotent("deleteMessage"));
    CHECK(tp_method_idempotent("setWebhook"));
    CHECK(tp_method_idempotent("answerCallbackQuery"));
    CHECK(tp_method_idempotent("banChatMember"));
    CHECK(!tp_method_idempotent("sendMessage"));
    CHECK(!tp_method_idempotent("forwardMessage"));
    CHECK(!tp_method_idempotent("copyMessage"));
    CHECK(!tp_method_idempotent("createChatInviteLink"));
    CHECK(!tp_method_idempotent("exportChatInviteLink"));
    CHECK(!tp_method_idempotent("getaway"));
    CHECK(tp_method_throttled("sendMessage"));
    CHECK(tp_method_throttled("sendPhoto"));
    CHECK(tp_method_throttled("forwardMessages"));
    CHECK(tp_method_throttled("copyMessage"));
    CHECK(!tp_method_throttled("sendChatAction"));
    CHECK(!tp_method_throttled("editMessageText"));
    CHECK(!tp_method_throttled("getMe"));
}

/* ---- the throttle ------------------------------------------------------------------------ */

/* In the arrivals of sendMessage (to chat, or all when chat == 0): the most that lie in any
   window of win_ms, less slack_ms. */
static int most_in_window(int64_t chat, bool groups_only, int win_ms, int slack_ms) {
    int64_t t[RECS_MAX];
    int i, j, n = 0, most = 0;
    pthread_mutex_lock(&S.lock);
    for (i = 0; i < S.nrecs; i++)
        if (strcmp(S.recs[i].method, "sendMessage") == 0 && S.recs[i].did == A_OK &&
            (chat ? S.recs[i].chat == chat : !groups_only || S.recs[i].chat < 0))
            t[n++] = S.recs[i].at_us;
    pthread_mutex_unlock(&S.lock);
    for (i = 0; i < n; i++) { /* arrivals are in order of arrival */
        int c = 0;
        for (j = i; j < n && t[j] - t[i] < (int64_t)(win_ms - slack_ms) * 1000; j++) c++;
        if (c > most) most = c;
    }
    return most;
}

typedef struct sender {
    tp_bot *bot;
    int64_t chat0;
    int nchats, per_chat;
    int fails;
} sender;

static void *send_many(void *arg) {
    sender *s = (sender *)arg;
    int i, c;
    tp_error e;
    for (i = 0; i < s->per_chat; i++)
        for (c = 0; c < s->nchats; c++)
            if (send_text(s->bot, s->chat0 + c, &e) != TP_OK) s->fails++;
    return NULL;
}

TEST(throttle_windows) {
    /* 6 threads, 60 sends to 12 private chats and 12 to 2 groups: at most `count` in any
       window at the server, for all chats, each chat and each group */
    tp_throttle_opts t;
    tp_bot *bot;
    sender s[6];
    pthread_t th[6];
    int i;
    int64_t t0;
    memset(&t, 0, sizeof t);
    t.all.count = 10;
    t.all.per_ms = 300;
    t.chat.count = 1;
    t.chat.per_ms = 150;
    t.group.count = 2;
    t.group.per_ms = 400;
    srv_start(NULL);
    bot = bot_opts(S.url, 20000, &t, false, 0);
    t0 = tp_now_ms();
    for (i = 0; i < 6; i++) {
        memset(&s[i], 0, sizeof s[i]);
        s[i].bot = bot;
        s[i].chat0 = i < 5 ? 100 + i * 3 : -500;
        s[i].nchats = i < 5 ? 3 : 2;
        s[i].per_chat = i < 5 ? 4 : 6;
        pthread_create(&th[i], NULL, send_many, &s[i]);
    }
    for (i = 0; i < 6; i++) {
        pthread_join(th[i], NULL);
        CHECK_EQ_INT(s[i].fails, 0);
    }
    CHECK_EQ_INT(arrived("sendMessage", 0, A_OK), 72);
    /* exact, whatever the scheduling: a token comes back only a window after the answer to
       the request that spent it, which came after the server saw that request */
    i = most_in_window(0, false, 300, 0);
    if (i > 10) fprintf(stderr, "most in a window: %d\n", i);
    CHECK(i <= 10);
    for (i = 0; i < 15; i++) CHECK(most_in_window(100 + i, false, 150, 0) <= 1);
    CHECK(most_in_window(-500, false, 400, 0) <= 2);
    CHECK(most_in_window(-499, false, 400, 0) <= 2);
    /* and not slower than the limits force: 72 sends at 10 per 300 ms take >= ~2.1 s; the
       groups' 6 each at 2 per 400 ms >= 0.8 s */
    CHECK(tp_now_ms() - t0 >= 1900);
    CHECK(tp_now_ms() - t0 < 6000);
    tp_bot_free(bot);
    srv_stop();
}

TEST(throttle_other_chats_go_on) {
    /* one chat's window does not hold up another chat's sends */
    tp_throttle_opts t;
    tp_bot *bot;
    sender a, b;
    pthread_t ta, tb;
    int64_t t0, tb_done;
    memset(&t, 0, sizeof t);
    t.all.count = -1; /* no overall limit */
    t.chat.count = 1;
    t.chat.per_ms = 400;
    srv_start(NULL);
    bot = bot_opts(S.url, 20000, &t, false, 0);
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.bot = b.bot = bot;
    a.chat0 = 1;
    a.nchats = 1;
    a.per_chat = 4; /* >= 1.2 s */
    b.chat0 = 100;
    b.nchats = 10;
    b.per_chat = 1; /* 10 chats once each: no wait */
    t0 = tp_now_ms();
    pthread_create(&ta, NULL, send_many, &a);
    msleep(50);
    pthread_create(&tb, NULL, send_many, &b);
    pthread_join(tb, NULL);
    tb_done = tp_now_ms() - t0;
    pthread_join(ta, NULL);
    CHECK(tb_done < 700);
    CHECK(tp_now_ms() - t0 >= 1150);
    CHECK_EQ_INT(a.fails + b.fails, 0);
    tp_bot_free(bot);
    srv_stop();
}

/* decide: the first send to chat 9 gets 429 retry_after 1 */
static act chat9_429(int idx, const rec *r, int *arg) {
    int i;
    if (idx < 0 || r->chat != 9) return A_OK;
    for (i = 0; i < S.nrecs; i++)
        if (S.recs[i].chat == 9) return A_OK;
    *arg = 1;
    return A_429;
}

TEST(throttle_429_holds_chat) {
    /* a 429 that comes anyway holds the chat's bucket: another thread's send to that chat
       waits for it instead of collecting one more 429; other chats go on */
    tp_throttle_opts t;
    tp_bot *bot;
    sender a, b;
    pthread_t ta;
    tp_error e;
    int64_t t0;
    memset(&t, 0, sizeof t);
    t.chat.count = 100; /* only the hold can hold the second send back */
    t.chat.per_ms = 1000;
    srv_start(chat9_429);
    bot = bot_opts(S.url, 20000, &t, false, 0);
    memset(&a, 0, sizeof a);
    a.bot = bot;
    a.chat0 = 9;
    a.nchats = 1;
    a.per_chat = 1;
    t0 = tp_now_ms();
    pthread_create(&ta, NULL, send_many, &a);
    msleep(200); /* the 429 has come by now */
    CHECK_EQ_INT(send_text(bot, 9, &e), TP_OK);
    CHECK(tp_now_ms() - t0 >= 950);
    CHECK_EQ_INT(send_text(bot, 10, &e), TP_OK);
    pthread_join(ta, NULL);
    CHECK_EQ_INT(a.fails, 0);
    CHECK_EQ_INT(arrived("sendMessage", 9, A_429), 1);
    CHECK_EQ_INT(arrived("sendMessage", 9, A_OK), 2);
    memset(&b, 0, sizeof b);
    tp_bot_free(bot);
    srv_stop();
}

TEST(throttle_stop) {
    /* a stop ends a throttle wait: TP_ERR_STOPPED, not sent */
    tp_throttle_opts t;
    tp_bot *bot;
    tp_error e;
    pthread_t th;
    int64_t t0;
    memset(&t, 0, sizeof t);
    t.chat.count = 1;
    t.chat.per_ms = 60000;
    srv_start(NULL);
    bot = stop_me = bot_opts(S.url, 5000, &t, false, 0);
    CHECK_EQ_INT(send_text(bot, 5, &e), TP_OK);
    pthread_create(&th, NULL, stop_later, (void *)(intptr_t)200);
    t0 = tp_now_ms();
    CHECK_EQ_INT(send_text(bot, 5, &e), TP_ERR_STOPPED);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT);
    CHECK_EQ_INT(e.attempts, 0);
    CHECK(tp_now_ms() - t0 < 2000);
    pthread_join(th, NULL);
    CHECK_EQ_INT(arrived("sendMessage", 5, ANY), 1);
    tp_bot_free(bot);
    srv_stop();
}

TEST(throttle_many_chats_memory) {
    /* 5,000 chats once each: buckets idle for a window are dropped, the table stays small */
    tp_throttle_opts t;
    tp_bot *bot;
    tp_error e;
    int i, fails = 0;
    memset(&t, 0, sizeof t);
    t.all.count = -1;
    t.chat.count = 1;
    t.chat.per_ms = 20;
    srv_start(NULL);
    bot = bot_opts(S.url, 20000, &t, false, 0);
    for (i = 0; i < 5000; i++) fails += send_text(bot, 1000 + i, &e) != TP_OK;
    CHECK_EQ_INT(fails, 0);
    CHECK(bot->thr->n < 2048); /* swept as it went (each send takes more than 20 µs) */
    tp_bot_free(bot);
    srv_stop();
}

static tp_json_doc *make_update(int64_t id, int64_t chat, const tp_update **u) {
    char js[256];
    tp_json_doc *d;
    snprintf(js, sizeof js, "{\"update_id\":%lld,\"message\":{\"message_id\":1,\"date\":1,"
             "\"chat\":{\"id\":%lld,\"type\":\"private\"},\"text\":\"hi\"}}",
             (long long)id, (long long)chat);
    d = tp_json_parse(js, strlen(js), NULL);
    *u = d ? tp_update_view(d, tp_json_root(d), NULL) : NULL;
    return d;
}

static void fork_on_message(tp_delegate *d, const tp_update *u) {
    (void)u;
    tp_delegate_printf(d, "hello"); /* in the delegate's own process */
}

TEST(throttle_forked_delegates) {
    /* forked delegates (a process each) spend from the parent's bucket of all chats: 10
       chats, 3 messages per 500 ms in all, whatever process sends them */
    static const tp_handler h = { .on_message = fork_on_message };
    tp_dlg_route routes[] = { TP_ROUTE(tp_per_chat_id(), &h), TP_DLG_END };
    tp_dlg_opts o;
    tp_throttle_opts t;
    tp_bot *bot;
    tp_dlg *dlg;
    int i, most;
    int64_t t0;
    if (getenv("TPT_NO_FORK")) return; /* (valgrind: forked children report what they inherit) */
    memset(&t, 0, sizeof t);
    t.all.count = 3;
    t.all.per_ms = 500;
    srv_start(NULL);
    bot = bot_opts(S.url, 10000, &t, false, 0);
    memset(&o, 0, sizeof o);
    o.producer = TP_PRODUCER_FORK;
    dlg = tp_dlg_new(bot, routes, &o, NULL);
    CHECK(dlg != NULL);
    t0 = tp_now_ms();
    for (i = 0; i < 10; i++) {
        const tp_update *u;
        tp_json_doc *doc = make_update(i + 1, 300 + i, &u);
        tp_dlg_handler(bot, u, dlg); /* waits until the delegate's process handled it */
        tp_json_doc_free(doc);
    }
    CHECK(tp_now_ms() - t0 >= 1400); /* 10 at 3 per 500 ms: >= 3 windows after the first 3 */
    tp_dlg_free(dlg);
    CHECK_EQ_INT(arrived("sendMessage", 0, A_OK), 10);
    most = most_in_window(0, false, 500, 0);
    if (most > 3) fprintf(stderr, "most in a window: %d\n", most);
    CHECK(most <= 3);
    tp_bot_free(bot);
    srv_stop();
}

/* ---- stand-ins: a chat under flood control does not stall the others ---------------------- */

/* decide: the first send to chats 1 and 2 gets 429 retry_after 2 */
static act chats12_429(int idx, const rec *r, int *arg) {
    int i;
    if (idx < 0 || (r->chat != 1 && r->chat != 2)) return A_OK;
    for (i = 0; i < S.nrecs; i++)
        if (S.recs[i].chat == r->chat) return A_OK;
    *arg = 2;
    return A_429;
}

static int64_t answered_at[8];
static int64_t disp_t0;
static void echo_handler(tp_bot *bot, const tp_update *u, void *user) {
    tp_error e;
    int64_t chat = tp_json_get_int(tp_json_get(tp_json_get(u->json, "message"), "chat"), "id");
    (void)user;
    if (send_text(bot, chat, &e) == TP_OK && chat >= 0 && chat < 8)
        TP__STORE(answered_at[chat], tp_now_ms() - disp_t0);
}

TEST(standin_flood) {
    /* 2 workers; chats 1 and 2 meet a 2 s flood wait; chat 3 is answered meanwhile */
    tp_bot *bot;
    tp_disp_opts o;
    tp_disp *d;
    int i, base;
    srv_start(chats12_429);
    bot = bot_opts(S.url, 10000, NULL, false, 0);
    memset(&o, 0, sizeof o);
    o.workers = 2;
    memset(answered_at, 0, sizeof answered_at);
    base = thread_count();
    d = tp_disp_new(bot, echo_handler, NULL, &o, NULL);
    CHECK(d != NULL);
    disp_t0 = tp_now_ms();
    for (i = 1; i <= 3; i++) {
        const tp_update *u;
        tp_json_doc *doc = make_update(i, i, &u);
        if (i == 3) msleep(300); /* both workers are in their flood wait by now */
        CHECK_EQ_INT(tp_disp_push(d, u, doc), TP_OK);
    }
    msleep(300);
    pthread_mutex_lock(&d->lock);
    CHECK(d->nstand >= 1); /* both workers wait: a stand-in runs chat 3 */
    pthread_mutex_unlock(&d->lock);
    tp_disp_drain(d);
    CHECK(TP__LOAD(answered_at[3]) > 0 && TP__LOAD(answered_at[3]) < 1200);
    CHECK(TP__LOAD(answered_at[1]) >= 1900);
    CHECK(TP__LOAD(answered_at[2]) >= 1900);
    msleep(100);
    pthread_mutex_lock(&d->lock);
    CHECK_EQ_INT(d->nstand, 0); /* it left once the workers were back */
    pthread_mutex_unlock(&d->lock);
    tp_disp_free(d);
    /* no thread left but the server's connection threads (their number varies: a connection
       may have closed); one that has just counted itself out may still be ending */
    for (i = 0; i < 200 && thread_count() - __atomic_load_n(&S.alive, __ATOMIC_SEQ_CST) != base; i++)
        msleep(10);
    CHECK_EQ_INT(thread_count() - __atomic_load_n(&S.alive, __ATOMIC_SEQ_CST), base);
    tp_bot_free(bot);
    srv_stop();
}

static const char *only; /* argv[1]: run the cases whose name contains it */
#define RUN_CASE(name)                                                                    \
    do {                                                                                  \
        if (!only || strstr(#name, only)) {                                               \
            int64_t t0_ = tp_now_ms();                                                    \
            RUN(name);                                                                    \
            fprintf(stderr, "  %-28s %lld ms\n", #name, (long long)(tp_now_ms() - t0_)); \
        }                                                                                 \
    } while (0)

int main(int argc, char **argv) {
    only = argc > 1 ? argv[1] : NULL;
    signal(SIGPIPE, SIG_IGN);
    RUN_CASE(method_classes);
    RUN_CASE(get_not_resent);
    RUN_CASE(maybe_sticks);
    RUN_CASE(throttle_wait_not_deadline);
    RUN_CASE(migrate_keeps_params);
    RUN_CASE(ctype_echo_masked);
    RUN_CASE(row_connect_refused);
    RUN_CASE(row_connect_refused_then_up);
    RUN_CASE(row_proxy_refused);
    RUN_CASE(row_reset_while_writing);
    RUN_CASE(row_stale_keepalive);
    RUN_CASE(row_429);
    RUN_CASE(row_429_stop);
    RUN_CASE(row_migrate);
    RUN_CASE(row_refused);
    RUN_CASE(row_reset_after_written);
    RUN_CASE(row_closed_after_written);
    RUN_CASE(row_5xx);
    RUN_CASE(row_html_page);
    RUN_CASE(row_timeout);
    RUN_CASE(row_local);
    RUN_CASE(row_pipe_upload_once);
    RUN_CASE(no_retry_opt);
    RUN_CASE(throttle_windows);
    RUN_CASE(throttle_other_chats_go_on);
    RUN_CASE(throttle_429_holds_chat);
    RUN_CASE(throttle_stop);
    RUN_CASE(throttle_many_chats_memory);
    RUN_CASE(throttle_forked_delegates);
    RUN_CASE(standin_flood);
    TEST_END();
}

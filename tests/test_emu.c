/* tests/test_emu.c - the emulator's own load-test features, over raw loopback sockets against
   build/tpemu: --latency (answers held per connection with release times, so other connections
   and the /_emu control API are served meanwhile, pipelined answers stay in request order, a
   held long poll answers plus the latency) and the per-chat order check of --updates/--chats.
   Every latency case also bounds the time from above or watches another connection meanwhile,
   so a tpemu that slept in its poll loop instead would fail it.
   Then Telegram's flood limits (--limits, --limit-global/-chat/-group N/MS, --limit-slack): which
   bucket a message goes to, the 429 and its retry_after, refused messages taking no slot, the
   slack, expired buckets dropped; and the faults 429:0 (no retry_after), rst-after and
   close-after. The limit cases send their bursts pipelined in one write, so the messages of a
   burst arrive together whatever the machine's load, and wait out windows of a few hundred ms
   with margins before checking that a chat is admitted again. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "tp_sock.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#define TOKEN "123456:TEST"

static double now_msf(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void msleep(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* ---- tpemu as a child, its stderr in a file ---- */
typedef struct emu {
    pid_t pid;
    int port;
    char err_path[64];
} emu;

static bool emu_run(emu *e, const char *const *extra) {
    char dir[] = "/tmp/tpt-emu.XXXXXX", portfile[64], buf[16] = "";
    const char *argv[32];
    int i, n = 0;
    FILE *f;
    memset(e, 0, sizeof *e);
    if (!mkdtemp(dir)) return false;
    snprintf(portfile, sizeof portfile, "%s/port", dir);
    snprintf(e->err_path, sizeof e->err_path, "/tmp/tpt-emu-err.%d.%d", (int)getpid(), rand());
    argv[n++] = "tpemu";
    argv[n++] = "--port-file";
    argv[n++] = portfile;
    argv[n++] = "--max-secs";
    argv[n++] = "60";
    for (i = 0; extra[i] && n < 31; i++) argv[n++] = extra[i];
    argv[n] = NULL;
    e->pid = fork();
    if (e->pid == 0) {
        if (!freopen(e->err_path, "w", stderr)) _exit(126);
        execv("build/tpemu", (char *const *)(uintptr_t)argv);
        _exit(127);
    }
    for (i = 0; i < 300 && !buf[0]; i++) {
        msleep(10);
        if ((f = fopen(portfile, "r")) != NULL) {
            if (!fgets(buf, sizeof buf, f)) buf[0] = '\0';
            fclose(f);
        }
    }
    unlink(portfile);
    rmdir(dir);
    e->port = atoi(buf);
    return e->port > 0;
}

/* waits for tpemu (SIGTERM first when `term`); returns its exit status, -1 if killed */
static int emu_end(emu *e, bool term) {
    int st = 0, i;
    if (term) kill(e->pid, SIGTERM);
    for (i = 0; i < 1000; i++) {
        if (waitpid(e->pid, &st, WNOHANG) == e->pid) return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        msleep(10);
    }
    kill(e->pid, SIGKILL);
    waitpid(e->pid, &st, 0);
    return -1;
}

/* the summary line tpemu wrote (static buffer; "" if none) */
static const char *emu_summary(const emu *e) {
    static char line[512];
    char l[512];
    FILE *f = fopen(e->err_path, "r");
    line[0] = '\0';
    while (f && fgets(l, sizeof l, f))
        if (strncmp(l, "tpemu: updates=", 15) == 0) snprintf(line, sizeof line, "%s", l);
    if (f) fclose(f);
    unlink(e->err_path);
    return line;
}

/* ---- raw HTTP ---- */
static void send_all(int fd, const char *s) {
    size_t n = strlen(s), off = 0;
    while (off < n) {
        ssize_t k = send(fd, s + off, n - off, MSG_NOSIGNAL);
        if (k <= 0) return;
        off += (size_t)k;
    }
}

static void get(char *out, size_t cap, const char *path) {
    snprintf(out, cap, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", path);
}

typedef struct answers {
    char buf[1 << 16];
    size_t len, used;
    int n;
    double at[32];      /* when each answer was complete, ms */
    int status[32];     /* its HTTP status */
    char body[32][4096]; /* its body, cut */
} answers;

/* reads until `want` answers are complete or `wait_ms` passed; returns how many there are */
static int read_answers(int fd, answers *a, int want, double wait_ms) {
    double end = now_msf() + wait_ms;
    while (a->n < want) {
        for (;;) { /* every complete answer in the buffer */
            char *hdr = a->buf + a->used, *e, *cl;
            a->buf[a->len] = '\0';
            e = strstr(hdr, "\r\n\r\n");
            if (!e || a->n >= want) break;
            cl = strstr(hdr, "Content-Length: ");
            size_t blen = cl && cl < e ? strtoul(cl + 16, NULL, 10) : 0;
            size_t total = (size_t)(e + 4 - hdr) + blen;
            if (a->len - a->used < total) break;
            a->at[a->n] = now_msf();
            a->status[a->n] = strncmp(hdr, "HTTP/1.1 ", 9) == 0 ? atoi(hdr + 9) : 0;
            snprintf(a->body[a->n], sizeof a->body[0], "%.*s", (int)blen, e + 4);
            a->n++;
            a->used += total;
        }
        if (a->n >= want) break;
        double left = end - now_msf();
        struct pollfd p;
        p.fd = fd;
        p.events = POLLIN;
        if (left <= 0 || poll(&p, 1, (int)left + 1) <= 0) break;
        ssize_t k = recv(fd, a->buf + a->len, sizeof a->buf - 1 - a->len, 0);
        if (k <= 0) break;
        a->len += (size_t)k;
    }
    return a->n;
}

static answers A[9]; /* big: static */

/* ---- 1. one request is delayed; the control API on another connection meanwhile is not ---- */
TEST(latency_one_request) {
    const char *args[] = {"--latency", "200", "--quiet", NULL};
    char rq[256];
    emu e;
    CHECK(emu_run(&e, args));
    int api = dial(e.port), ctl = dial(e.port);
    CHECK(api >= 0 && ctl >= 0);
    memset(&A[0], 0, sizeof A[0]);
    memset(&A[1], 0, sizeof A[1]);
    double t0 = now_msf();
    get(rq, sizeof rq, "/bot" TOKEN "/getMe");
    send_all(api, rq);
    msleep(50); /* tpemu has read it: a loop that slept on it would be asleep now */
    double t1 = now_msf();
    get(rq, sizeof rq, "/_emu/stats");
    send_all(ctl, rq);
    CHECK_EQ_INT(read_answers(ctl, &A[1], 1, 2000), 1);
    CHECK_EQ_INT(read_answers(api, &A[0], 1, 2000), 1);
    printf("latency 200: getMe answered after %.1f ms; /_emu/stats sent 50 ms later, answered "
           "after %.1f ms\n", A[0].at[0] - t0, A[1].at[0] - t1);
    CHECK(A[0].at[0] - t0 >= 200.0);
    CHECK(A[0].at[0] - t0 < 600.0);
    CHECK(strstr(A[0].body[0], "\"ok\":true") != NULL);
    CHECK(A[1].at[0] - t1 < 100.0);   /* not delayed, and not stuck behind getMe */
    CHECK(A[1].at[0] < A[0].at[0]);
    close(api);
    close(ctl);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 2. eight connections at once: all answered in about one latency, not eight ---- */
TEST(latency_concurrent) {
    const char *args[] = {"--latency", "200", "--quiet", NULL};
    char rq[256];
    int fd[8], i, got = 0;
    double t0, last = 0, first = 1e18;
    emu e;
    CHECK(emu_run(&e, args));
    for (i = 0; i < 8; i++) {
        fd[i] = dial(e.port);
        CHECK(fd[i] >= 0);
        memset(&A[i], 0, sizeof A[i]);
    }
    get(rq, sizeof rq, "/bot" TOKEN "/getMe");
    t0 = now_msf();
    for (i = 0; i < 8; i++) send_all(fd[i], rq);
    for (i = 0; i < 8; i++) {
        got += read_answers(fd[i], &A[i], 1, 3000);
        if (A[i].n && A[i].at[0] > last) last = A[i].at[0];
        if (A[i].n && A[i].at[0] < first) first = A[i].at[0];
        close(fd[i]);
    }
    printf("latency 200, 8 connections: first answer after %.1f ms, last after %.1f ms\n",
           first - t0, last - t0);
    CHECK_EQ_INT(got, 8);
    CHECK(first - t0 >= 200.0);
    CHECK(last - t0 < 400.0); /* a loop that slept would need 8 x 200 ms */
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 3. pipelined requests on one connection: answers in request order ---- */
static void pipeline(const char *const *args, int n, double lo_ms, double hi_ms) {
    char rq[4096] = "", one[256], path[128];
    int i, in_order = 1;
    emu e;
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof path, "/bot" TOKEN "/sendMessage?chat_id=5&text=p%d", i);
        get(one, sizeof one, path);
        strncat(rq, one, sizeof rq - strlen(rq) - 1);
    }
    memset(&A[0], 0, sizeof A[0]);
    double t0 = now_msf();
    send_all(fd, rq); /* one write: all n are read at once */
    CHECK_EQ_INT(read_answers(fd, &A[0], n, 5000), n);
    for (i = 0; i < A[0].n; i++) {
        char want[32];
        snprintf(want, sizeof want, "\"text\":\"p%d\"", i);
        if (!strstr(A[0].body[i], want)) in_order = 0;
    }
    printf("pipelined %d, latency %s%s: last answer after %.1f ms, in order: %s\n", n, args[1],
           strcmp(args[2], "--latency-jitter") ? "" : " + jitter", A[0].at[n - 1] - t0,
           in_order ? "yes" : "NO");
    CHECK(in_order);
    CHECK(A[0].at[0] - t0 >= lo_ms);
    CHECK(A[0].at[n - 1] - t0 < hi_ms); /* one latency for all, not one each */
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

TEST(latency_pipelined_in_order) {
    const char *fixed[] = {"--latency", "200", "--quiet", NULL};
    /* with jitter the later requests are often due first: tpemu must still hold them back */
    const char *jitter[] = {"--latency", "100", "--latency-jitter", "200", "--seed", "3", "--quiet", NULL};
    pipeline(fixed, 3, 200.0, 400.0);  /* sleeping: 600 ms */
    pipeline(jitter, 20, 100.0, 500.0); /* sleeping: >= 2000 ms */
}

/* ---- 4. a held long poll answers when an update comes, plus the latency; the control API
   that brings the update is answered at once, and so is another one while the poll's answer
   is held ---- */
TEST(latency_long_poll) {
    const char *args[] = {"--latency", "200", "--quiet", NULL};
    char rq[512], upd[256];
    emu e;
    CHECK(emu_run(&e, args));
    int api = dial(e.port), ctl = dial(e.port), ctl2 = dial(e.port);
    CHECK(api >= 0 && ctl >= 0 && ctl2 >= 0);
    memset(&A[0], 0, sizeof A[0]);
    memset(&A[1], 0, sizeof A[1]);
    memset(&A[2], 0, sizeof A[2]);
    double t0 = now_msf();
    get(rq, sizeof rq, "/bot" TOKEN "/getUpdates?timeout=5");
    send_all(api, rq);
    msleep(300); /* held by now (the hold starts when the request is read) */
    snprintf(upd, sizeof upd, "{\"chat_id\":7,\"text\":\"late\"}");
    snprintf(rq, sizeof rq,
             "POST /_emu/update HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
             "Content-Length: %zu\r\n\r\n%s", strlen(upd), upd);
    double t1 = now_msf();
    send_all(ctl, rq);
    CHECK_EQ_INT(read_answers(ctl, &A[1], 1, 2000), 1);
    msleep(50); /* the poll's answer is held now: a loop that slept on it would be asleep */
    double t2 = now_msf();
    get(rq, sizeof rq, "/_emu/stats");
    send_all(ctl2, rq);
    CHECK_EQ_INT(read_answers(ctl2, &A[2], 1, 2000), 1);
    CHECK_EQ_INT(read_answers(api, &A[0], 1, 7000), 1);
    printf("latency 200, long poll: update pushed at %.0f ms (answered in %.1f ms; /_emu/stats "
           "50 ms later in %.1f ms), poll answered at %.1f ms\n",
           t1 - t0, A[1].at[0] - t1, A[2].at[0] - t2, A[0].at[0] - t0);
    CHECK(A[1].at[0] - t1 < 100.0);
    CHECK(A[2].at[0] - t2 < 100.0);
    CHECK(strstr(A[0].body[0], "late") != NULL);
    CHECK(A[0].at[0] - t1 >= 200.0);
    CHECK(A[0].at[0] - t1 < 700.0); /* from the update, not from the poll's 5 s timeout */
    close(api);
    close(ctl);
    close(ctl2);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 5. --updates/--chats: the echoes of one chat must come in its updates' order ---- */
/* Gets the 4 updates of `--updates 4 --chats 2` and echoes them in `order`; returns tpemu's
   exit status, its summary in *summary. */
static int echo_in_order(const int order[4], const char **summary) {
    const char *args[] = {"--updates", "4", "--chats", "2", NULL};
    char rq[1024], params[256];
    int64_t chat[4] = {0, 0, 0, 0};
    char text[4][96] = {"", "", "", ""};
    int i, rc;
    emu e;
    if (!emu_run(&e, args)) return -2;
    int fd = dial(e.port);
    memset(&A[0], 0, sizeof A[0]);
    get(rq, sizeof rq, "/bot" TOKEN "/getUpdates");
    send_all(fd, rq);
    CHECK_EQ_INT(read_answers(fd, &A[0], 1, 2000), 1);
    tp_json_doc *d = tp_json_parse(A[0].body[0], strlen(A[0].body[0]), NULL);
    const tp_json *res = tp_json_get(tp_json_root(d), "result");
    CHECK_EQ_INT(tp_json_size(res), 4);
    for (i = 0; i < 4 && i < (int)tp_json_size(res); i++) {
        const tp_json *m = tp_json_get(tp_json_at(res, (size_t)i), "message");
        chat[i] = tp_json_get_int(tp_json_get(m, "chat"), "id");
        const char *t = tp_json_get_str(m, "text");
        snprintf(text[i], sizeof text[i], "%s", t ? t : "");
    }
    tp_json_doc_free(d);
    CHECK(chat[0] == chat[2] && chat[1] == chat[3] && chat[0] != chat[1]); /* 2 chats */
    for (i = 0; i < 4; i++) {
        int k = order[i];
        tp_buf b;
        tp_jw w;
        tp_buf_init(&b);
        tp_jw_init(&w, &b);
        tp_jw_obj(&w);
        tp_jw_key(&w, "chat_id");
        tp_jw_int(&w, chat[k]);
        tp_jw_key(&w, "text");
        tp_jw_str(&w, text[k]);
        tp_jw_obj_end(&w);
        snprintf(params, sizeof params, "%s", b.ptr);
        snprintf(rq, sizeof rq,
                 "POST /bot" TOKEN "/sendMessage HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                 "application/json\r\nContent-Length: %zu\r\n\r\n%s", strlen(params), params);
        tp_buf_deinit(&b);
        send_all(fd, rq);
        read_answers(fd, &A[0], 2 + i, 2000);
    }
    rc = emu_end(&e, false); /* it exits by itself once all 4 are echoed */
    close(fd);
    *summary = emu_summary(&e);
    return rc;
}

TEST(updates_order_check) {
    static const int good[4] = {0, 1, 2, 3}, also_good[4] = {1, 0, 3, 2}, bad[4] = {2, 1, 0, 3};
    const char *s;
    int rc = echo_in_order(good, &s);
    printf("in order:   exit %d, %s", rc, s);
    CHECK_EQ_INT(rc, 0);
    CHECK(strstr(s, "matched=4 duplicates=0 missing=0 unexpected=0 order_violations=0 chats=2") != NULL);
    rc = echo_in_order(also_good, &s); /* chats interleaved differently: still each in order */
    printf("interleaved: exit %d, %s", rc, s);
    CHECK_EQ_INT(rc, 0);
    CHECK(strstr(s, "order_violations=0") != NULL);
    rc = echo_in_order(bad, &s); /* chat 0's update 2 echoed before its update 0 */
    printf("swapped:    exit %d, %s", rc, s);
    CHECK_EQ_INT(rc, 1);
    CHECK(strstr(s, "matched=4 duplicates=0 missing=0 unexpected=0 order_violations=1") != NULL);
}


/* ---- helpers for the --limits and fault cases ---- */
/* appends "GET /bot<token>/<call>" to the pipelined request text rq */
static void add_get(char *rq, size_t cap, const char *call) {
    size_t n = strlen(rq);
    snprintf(rq + n, cap - n, "GET /bot" TOKEN "/%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", call);
}

/* sends rq in one write (its requests arrive together) and reads n answers into a fresh *a */
static int exchange(int fd, answers *a, const char *rq, int n) {
    memset(a, 0, sizeof *a);
    send_all(fd, rq);
    return read_answers(fd, a, n, 5000);
}

/* a control API request on a new connection; the answer's whole body (in A[8].buf) */
static const char *control_req(int port, const char *verb, const char *path, const char *body) {
    char rq[1024];
    answers *a = &A[8];
    int fd = dial(port);
    memset(a, 0, sizeof *a);
    if (fd < 0) return "";
    snprintf(rq, sizeof rq, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %zu\r\n\r\n%s", verb,
             path, body ? strlen(body) : 0, body ? body : "");
    send_all(fd, rq);
    read_answers(fd, a, 1, 5000);
    close(fd);
    const char *at = strstr(a->buf, "\r\n\r\n");
    return a->n && at ? at + 4 : "";
}

/* a counter of /_emu/stats, -1 if missing */
static long long stat_of(int port, const char *name) {
    const char *b = control_req(port, "GET", "/_emu/stats", NULL);
    tp_json_doc *d = tp_json_parse(b, strlen(b), NULL);
    const tp_json *v = tp_json_get(tp_json_root(d), name);
    long long r = v ? (long long)tp_json_int(v) : -1;
    tp_json_doc_free(d);
    return r;
}

/* parameters.retry_after of an error body: -1 without "parameters", 0 without retry_after */
static long long retry_after_of(const char *body) {
    tp_json_doc *d = tp_json_parse(body, strlen(body), NULL);
    const tp_json *p = tp_json_get(tp_json_root(d), "parameters");
    long long r = p ? (long long)tp_json_get_int(p, "retry_after") : -1;
    tp_json_doc_free(d);
    return r;
}

/* how many recorded calls carry "limited":true, and in *text_limited whether the call whose
   "text" parameter is `text` is one of them (1), is not (0) or is not there (-1) */
static int calls_limited(int port, const char *text, int *text_limited) {
    const char *b = control_req(port, "GET", "/_emu/calls", NULL);
    int n = 0;
    tp_json_doc *d = tp_json_parse(b, strlen(b), NULL);
    const tp_json *arr = tp_json_root(d);
    *text_limited = -1;
    for (size_t i = 0; i < tp_json_size(arr); i++) {
        const tp_json *c = tp_json_at(arr, i);
        bool lim = tp_json_get(c, "limited") != NULL;
        const char *t = tp_json_get_str(tp_json_get(c, "params"), "text");
        if (lim) n++;
        if (text && t && strcmp(t, text) == 0) *text_limited = lim ? 1 : 0;
    }
    tp_json_doc_free(d);
    return n;
}

static const char want_429_1[] = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: "
                                 "retry after 1\",\"parameters\":{\"retry_after\":1}}";

/* ---- 6. --limits: Telegram's numbers, 1 a second per private chat and 30 over all chats ---- */
TEST(limits_defaults) {
    const char *args[] = {"--limits", "--quiet", NULL};
    char rq[8192] = "";
    int i, ok = 0;
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=d1");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=d2");
    for (i = 0; i < 30; i++) {
        char call[96];
        snprintf(call, sizeof call, "sendMessage?chat_id=%d&text=d", 100 + i);
        add_get(rq, sizeof rq, call);
    }
    CHECK_EQ_INT(exchange(fd, a, rq, 32), 32);
    for (i = 2; i < 31; i++) ok += a->status[i] == 200;
    printf("--limits: 2 to chat 5 at once: %d %d; then 30 other chats: %d passed, the 30th %d\n",
           a->status[0], a->status[1], ok, a->status[31]);
    CHECK_EQ_INT(a->status[0], 200);
    CHECK_EQ_INT(a->status[1], 429);
    CHECK_STR(a->body[1], want_429_1);
    CHECK_EQ_INT(ok, 29);              /* 30 a second with chat 5's first */
    CHECK_EQ_INT(a->status[31], 429);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 7. per private chat: 2 in 200 ms; another chat, chat actions and getMe pass meanwhile,
   and the chat passes again once its window is over ---- */
TEST(limits_chat) {
    const char *args[] = {"--limit-chat", "2/200", "--quiet", NULL};
    char rq[8192] = "";
    int i, tl;
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=a1");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=a2");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=a3");
    add_get(rq, sizeof rq, "sendMessage?chat_id=6&text=b1");
    for (i = 0; i < 4; i++) add_get(rq, sizeof rq, "sendChatAction?chat_id=5&action=typing");
    add_get(rq, sizeof rq, "getMe");
    add_get(rq, sizeof rq, "getMe");
    CHECK_EQ_INT(exchange(fd, a, rq, 10), 10);
    printf("limit-chat 2/200: 3 to chat 5, 1 to chat 6, 4 chat actions, 2 getMe at once: %d %d %d %d, "
           "%d %d %d %d, %d %d\n", a->status[0], a->status[1], a->status[2], a->status[3], a->status[4],
           a->status[5], a->status[6], a->status[7], a->status[8], a->status[9]);
    CHECK_EQ_INT(a->status[0], 200);
    CHECK_EQ_INT(a->status[1], 200);
    CHECK_EQ_INT(a->status[2], 429);
    CHECK_STR(a->body[2], want_429_1);
    CHECK_EQ_INT(a->status[3], 200); /* chat 6 has its own bucket */
    for (i = 4; i < 10; i++) CHECK_EQ_INT(a->status[i], 200); /* never limited */
    msleep(250); /* chat 5's window (200 ms from its two messages) is over */
    rq[0] = '\0';
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=a4");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=a5");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=a6");
    CHECK_EQ_INT(exchange(fd, a, rq, 3), 3);
    printf("250 ms later, 3 to chat 5: %d %d %d\n", a->status[0], a->status[1], a->status[2]);
    CHECK_EQ_INT(a->status[0], 200);
    CHECK_EQ_INT(a->status[1], 200);
    CHECK_EQ_INT(a->status[2], 429);
    CHECK(strstr(a->body[0], "\"text\":\"a4\"") != NULL);
    /* the refused ones were recorded as limited and not carried out */
    CHECK_EQ_INT(calls_limited(e.port, "a3", &tl), 2);
    CHECK_EQ_INT(tl, 1);
    calls_limited(e.port, "a4", &tl);
    CHECK_EQ_INT(tl, 0);
    CHECK_EQ_INT(stat_of(e.port, "bot_messages"), 5); /* a1 a2 b1 a4 a5 */
    CHECK_EQ_INT(stat_of(e.port, "limited"), 2);
    CHECK_EQ_INT(stat_of(e.port, "answered_429"), 2);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 8. groups, supergroups and channels: their own bucket (20 a minute by default, the
   21st waits 60 s), @name is a group too and names the same chat as its id ---- */
TEST(limits_group) {
    const char *args1[] = {"--limit-chat", "2/200", "--quiet", NULL};
    const char *args2[] = {"--limit-group", "1/1500", "--quiet", NULL};
    char rq[16384] = "";
    int i;
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args1));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    for (i = 0; i < 21; i++) {
        char call[96];
        snprintf(call, sizeof call, "sendMessage?chat_id=-100123&text=g%d", i);
        add_get(rq, sizeof rq, call);
    }
    add_get(rq, sizeof rq, "sendMessage?chat_id=7&text=p");
    add_get(rq, sizeof rq, "sendMessage?chat_id=-100124&text=h");
    CHECK_EQ_INT(exchange(fd, a, rq, 23), 23);
    int ok = 0;
    for (i = 0; i < 20; i++) ok += a->status[i] == 200;
    printf("limit-chat 2/200, group default: 21 to group -100123 at once: %d passed, the 21st %d "
           "retry_after %lld; chat 7 %d, group -100124 %d\n", ok, a->status[20],
           retry_after_of(a->body[20]), a->status[21], a->status[22]);
    CHECK_EQ_INT(ok, 20);                   /* not the chat bucket's 2 */
    CHECK_EQ_INT(a->status[20], 429);
    CHECK_EQ_INT(retry_after_of(a->body[20]), 60); /* 59.99 s, rounded up */
    CHECK_EQ_INT(a->status[21], 200);
    CHECK_EQ_INT(a->status[22], 200);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);

    CHECK(emu_run(&e, args2));
    fd = dial(e.port);
    CHECK(fd >= 0);
    rq[0] = '\0';
    add_get(rq, sizeof rq, "sendMessage?chat_id=@tpemu_channel&text=c1");
    add_get(rq, sizeof rq, "sendMessage?chat_id=-1001000000001&text=c2"); /* the same channel */
    add_get(rq, sizeof rq, "sendMessage?chat_id=@OtherName&text=o1");    /* unknown: 400 */
    add_get(rq, sizeof rq, "sendMessage?chat_id=@othername&text=o2");    /* the same name */
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=p1");             /* private: 1/1000 */
    add_get(rq, sizeof rq, "sendMessage?chat_id=-100123&text=g1");
    CHECK_EQ_INT(exchange(fd, a, rq, 6), 6);
    printf("limit-group 1/1500: @tpemu_channel %d, its id %d (retry_after %lld), @OtherName %d, "
           "@othername %d, chat 5 %d, group -100123 %d\n", a->status[0], a->status[1],
           retry_after_of(a->body[1]), a->status[2], a->status[3], a->status[4], a->status[5]);
    CHECK_EQ_INT(a->status[0], 200);
    CHECK_EQ_INT(a->status[1], 429);
    CHECK_EQ_INT(retry_after_of(a->body[1]), 2); /* 1.49 s, rounded up */
    CHECK_EQ_INT(a->status[2], 400);             /* admitted, then "chat not found" */
    CHECK_EQ_INT(a->status[3], 429);
    CHECK_EQ_INT(a->status[4], 200);
    CHECK_EQ_INT(a->status[5], 200);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 9. the global bucket: 5 in 300 ms over all chats; the counted methods (case-insensitive,
   forward* and copy* too, a message without chat_id); a chat refused by the global limit took
   no slot in its own bucket ---- */
TEST(limits_global) {
    const char *args[] = {"--limit-global", "5/300", "--quiet", NULL};
    char rq[8192] = "";
    int i;
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    for (i = 1; i <= 6; i++) {
        char call[96];
        snprintf(call, sizeof call, "sendMessage?chat_id=%d&text=m%d", i, i);
        add_get(rq, sizeof rq, call);
    }
    add_get(rq, sizeof rq, "sendChatAction?chat_id=6&action=typing");
    add_get(rq, sizeof rq, "getMe");
    add_get(rq, sizeof rq, "forwardMessage?chat_id=7&from_chat_id=1&message_id=1");
    add_get(rq, sizeof rq, "copyMessage?chat_id=8&from_chat_id=1&message_id=1");
    add_get(rq, sizeof rq, "SENDMESSAGE?chat_id=9&text=loud");
    add_get(rq, sizeof rq, "sendMessage?text=nochat");
    CHECK_EQ_INT(exchange(fd, a, rq, 12), 12);
    printf("limit-global 5/300: 6 chats, action, getMe, forward, copy, SENDMESSAGE, no chat_id: "
           "%d %d %d %d %d %d, %d %d, %d %d %d %d\n", a->status[0], a->status[1], a->status[2],
           a->status[3], a->status[4], a->status[5], a->status[6], a->status[7], a->status[8],
           a->status[9], a->status[10], a->status[11]);
    for (i = 0; i < 5; i++) CHECK_EQ_INT(a->status[i], 200);
    CHECK_EQ_INT(a->status[5], 429);
    CHECK_STR(a->body[5], want_429_1);
    CHECK_EQ_INT(a->status[6], 200);
    CHECK_EQ_INT(a->status[7], 200);
    for (i = 8; i < 12; i++) CHECK_EQ_INT(a->status[i], 429);
    msleep(350); /* the global window is over; chat 6's own (1 a second) would not be, had the
                    refused message taken a slot there */
    rq[0] = '\0';
    for (i = 6; i <= 11; i++) {
        char call[96];
        snprintf(call, sizeof call, "sendMessage?chat_id=%d&text=n%d", i, i);
        add_get(rq, sizeof rq, call);
    }
    CHECK_EQ_INT(exchange(fd, a, rq, 6), 6);
    printf("350 ms later, chats 6..11: %d %d %d %d %d %d\n", a->status[0], a->status[1],
           a->status[2], a->status[3], a->status[4], a->status[5]);
    for (i = 0; i < 5; i++) CHECK_EQ_INT(a->status[i], 200);
    CHECK_EQ_INT(a->status[5], 429);
    CHECK_EQ_INT(stat_of(e.port, "limited"), 6);
    CHECK_EQ_INT(stat_of(e.port, "answered_429"), 6);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 10. a client that keeps asking while refused is admitted when the window is over: a
   refused message takes no slot ---- */
TEST(limits_refused_take_no_slot) {
    const char *args[] = {"--limit-chat", "2/300", "--quiet", NULL};
    char rq[1024] = "";
    int refused = 0, admitted = 0;
    double t_ok = 0;
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=x");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=x");
    double t0 = now_msf();
    CHECK_EQ_INT(exchange(fd, a, rq, 2), 2);
    CHECK(a->status[0] == 200 && a->status[1] == 200);
    rq[0] = '\0';
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=again");
    while (!admitted && now_msf() - t0 < 3000) {
        if (exchange(fd, a, rq, 1) != 1) break;
        if (a->status[0] == 200) { admitted = 1; t_ok = a->at[0]; }
        else if (a->status[0] == 429) refused++;
        else break;
        if (!admitted) msleep(30);
    }
    printf("limit-chat 2/300, asking every 30 ms: %d refused, then admitted after %.0f ms\n", refused,
           admitted ? t_ok - t0 : -1.0);
    CHECK(admitted);
    CHECK(refused >= 1);
    CHECK(t_ok - t0 >= 290.0); /* the window less the 10 ms slack */
    CHECK_EQ_INT(stat_of(e.port, "limited"), refused);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 11. --limit-slack: a message up to the slack early passes; retry_after is 1 for a wait
   under a second ---- */
TEST(limits_slack) {
    const char *args[] = {"--limit-chat", "1/1000", "--limit-slack", "600", "--quiet", NULL};
    char rq[1024] = "";
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=s");
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    CHECK_EQ_INT(a->status[0], 200);
    double t1 = a->at[0];
    msleep(500); /* 1000 - 600 = 400 ms is enough */
    rq[0] = '\0';
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=s");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=s");
    CHECK_EQ_INT(exchange(fd, a, rq, 2), 2);
    printf("limit-chat 1/1000, slack 600: the 2nd %.0f ms after the 1st: %d; the 3rd right after: "
           "%d retry_after %lld\n", a->at[0] - t1, a->status[0], a->status[1],
           retry_after_of(a->body[1]));
    CHECK_EQ_INT(a->status[0], 200);
    CHECK_EQ_INT(a->status[1], 429);
    CHECK_EQ_INT(retry_after_of(a->body[1]), 1);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 12. chat buckets do not pile up: 3000 chats, then nothing: all dropped ---- */
TEST(limits_buckets_dropped) {
    const char *args[] = {"--limit-chat", "1/1000", "--limit-global", "0/0", "--quiet", NULL};
    static char rq[200 * 500];
    static char in[1 << 16];
    int i, k, n200 = 0, n = 0;
    size_t len = 0;
    emu e;
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    for (k = 0; k < 6; k++) { /* 6 pipelined bursts of 500 chats */
        rq[0] = '\0';
        for (i = 0; i < 500; i++) {
            char call[96];
            snprintf(call, sizeof call, "sendMessage?chat_id=%d&text=z", 10000 + k * 500 + i);
            add_get(rq, sizeof rq, call);
        }
        send_all(fd, rq);
        /* count the answers' status lines (bodies are JSON: no "HTTP/1.1 " in them) */
        while (n < (k + 1) * 500) {
            struct pollfd p;
            p.fd = fd;
            p.events = POLLIN;
            if (poll(&p, 1, 5000) <= 0) break;
            ssize_t got = recv(fd, in + len, sizeof in - 1 - len, 0);
            if (got <= 0) break;
            len += (size_t)got;
            in[len] = '\0';
            char *s = in, *h;
            while ((h = strstr(s, "HTTP/1.1 ")) != NULL && (size_t)(in + len - h) >= 12) {
                n++;
                n200 += strncmp(h + 9, "200", 3) == 0;
                s = h + 12;
            }
            /* keep a tail that may hold a status line cut in two */
            size_t keep = (size_t)(in + len - s) < 12 ? (size_t)(in + len - s) : 12;
            memmove(in, in + len - keep, keep);
            len = keep;
        }
    }
    long long live = stat_of(e.port, "limit_buckets");
    printf("limit-chat 1/1000: 3000 chats once each: %d answered, %d passed; %lld buckets held\n", n,
           n200, live);
    CHECK_EQ_INT(n, 3000);
    CHECK_EQ_INT(n200, 3000);
    CHECK(live >= 1 && live <= 3000);
    msleep(3500); /* every window over, and a sweep (once a second) since */
    live = stat_of(e.port, "limit_buckets");
    printf("3.5 s later: %lld buckets held\n", live);
    CHECK_EQ_INT(live, 0);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* ---- 13. the 429 fault: 429:0 has no parameters at all, 429 retry_after 1, 429:N N ---- */
TEST(fault_429_variants) {
    const char *args[] = {"--quiet", NULL};
    char rq[512] = "";
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    add_get(rq, sizeof rq, "getMe");
    CHECK(strstr(control_req(e.port, "POST", "/_emu/fault", "429:0/getMe"), "\"ok\":true") != NULL);
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    printf("429:0: %d %s\n", a->status[0], a->body[0]);
    CHECK_EQ_INT(a->status[0], 429);
    CHECK_STR(a->body[0], "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\"}");
    CHECK_EQ_INT(retry_after_of(a->body[0]), -1);
    CHECK(strstr(a->body[0], "retry_after") == NULL);
    CHECK(strstr(control_req(e.port, "POST", "/_emu/fault", "429/getMe"), "\"ok\":true") != NULL);
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    CHECK_EQ_INT(a->status[0], 429);
    CHECK_STR(a->body[0], want_429_1);
    CHECK(strstr(control_req(e.port, "POST", "/_emu/fault", "429:3/getMe"), "\"ok\":true") != NULL);
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    CHECK_EQ_INT(a->status[0], 429);
    CHECK_EQ_INT(retry_after_of(a->body[0]), 3);
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1); /* each fired once */
    CHECK_EQ_INT(a->status[0], 200);
    CHECK_EQ_INT(stat_of(e.port, "answered_429"), 3);
    CHECK_EQ_INT(stat_of(e.port, "limited"), 0);
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* the connection after a full answer: sends `next` on it and reads; returns 0 when it was
   closed (EOF), ECONNRESET when it was reset (on the send or the read), -1 when something
   answered */
static int after_answer(int fd, const char *next) {
    char b[4096];
    struct pollfd p;
    int err = 0;
    msleep(100); /* the close has arrived by now */
    size_t n = strlen(next);
    if (send(fd, next, n, MSG_NOSIGNAL) < 0) err = errno;
    p.fd = fd;
    p.events = POLLIN;
    if (poll(&p, 1, 2000) <= 0) return -1; /* neither answer nor close */
    ssize_t k = recv(fd, b, sizeof b, 0);
    if (k > 0) return -1;
    if (k < 0 && !err) err = errno;
    return err == ECONNRESET ? ECONNRESET : err ? err : 0;
}

/* ---- 14. rst-after and close-after: a whole answer saying keep-alive, then the connection is
   reset (closed); what the client sends next on it is not carried out, even pipelined ---- */
TEST(fault_rst_after) {
    const char *args[] = {"--fault", "rst-after/getMe", "--fault", "close-after/getChat", "--quiet", NULL};
    char rq[512] = "", next[512] = "";
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    add_get(next, sizeof next, "sendMessage?chat_id=5&text=next");

    int fd = dial(e.port);
    CHECK(fd >= 0);
    add_get(rq, sizeof rq, "getMe");
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    CHECK_EQ_INT(a->status[0], 200);
    CHECK(strstr(a->body[0], "\"ok\":true") != NULL && strstr(a->body[0], "tpemu_bot") != NULL);
    CHECK(strstr(a->buf, "Connection: keep-alive") != NULL);
    int r = after_answer(fd, next);
    printf("rst-after: getMe answered in full (keep-alive), then the next request met %s\n",
           r == ECONNRESET ? "a reset" : r == 0 ? "EOF" : r < 0 ? "an answer" : strerror(r));
    CHECK_EQ_INT(r, ECONNRESET);
    close(fd);

    fd = dial(e.port);
    CHECK(fd >= 0);
    rq[0] = '\0';
    add_get(rq, sizeof rq, "getChat?chat_id=5");
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    CHECK_EQ_INT(a->status[0], 200);
    CHECK(strstr(a->buf, "Connection: keep-alive") != NULL);
    r = after_answer(fd, next);
    printf("close-after: getChat answered in full (keep-alive), then the next request met %s\n",
           r == ECONNRESET ? "a reset" : r == 0 ? "EOF" : r < 0 ? "an answer" : strerror(r));
    CHECK(r >= 0); /* EOF, or a reset when our request reached the closed socket first */
    close(fd);

    /* pipelined: the request behind the faulted one is read in the same write, not run */
    CHECK(strstr(control_req(e.port, "POST", "/_emu/fault", "rst-after/getMe"), "\"ok\":true") != NULL);
    fd = dial(e.port);
    CHECK(fd >= 0);
    rq[0] = '\0';
    add_get(rq, sizeof rq, "getMe");
    add_get(rq, sizeof rq, "sendMessage?chat_id=5&text=piped");
    memset(a, 0, sizeof *a);
    send_all(fd, rq);
    CHECK_EQ_INT(read_answers(fd, a, 2, 2000), 1);
    CHECK_EQ_INT(a->status[0], 200);
    close(fd);

    CHECK_STR(control_req(e.port, "GET", "/_emu/calls?method=sendMessage", NULL), "[]");
    CHECK_EQ_INT(stat_of(e.port, "bot_messages"), 0);
    CHECK_EQ_INT(stat_of(e.port, "faults_fired"), 3);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

/* A bot that polled an earlier tpemu keeps its offset (beyond this tpemu's ids): the next
   update gets that id, so the bot receives it rather than confirming it unseen. */
TEST(offset_from_an_earlier_emulator) {
    const char *args[] = {"--quiet", NULL};
    char rq[512] = "";
    emu e;
    answers *a = &A[0];
    CHECK(emu_run(&e, args));
    int fd = dial(e.port);
    CHECK(fd >= 0);
    add_get(rq, sizeof rq, "getUpdates?offset=100000050&timeout=0");
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    CHECK(strstr(a->body[0], "\"result\":[]") != NULL);
    CHECK(strstr(control_req(e.port, "POST", "/_emu/update", "{\"chat_id\":5,\"text\":\"hi\"}"),
                 "\"update_id\":100000050") != NULL);
    CHECK_EQ_INT(exchange(fd, a, rq, 1), 1);
    CHECK(strstr(a->body[0], "\"update_id\":100000050") != NULL && strstr(a->body[0], "\"hi\""));
    close(fd);
    CHECK_EQ_INT(emu_end(&e, true), 0);
    unlink(e.err_path);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(latency_one_request)) RUN(latency_one_request);
    if (PICK(latency_concurrent)) RUN(latency_concurrent);
    if (PICK(latency_pipelined_in_order)) RUN(latency_pipelined_in_order);
    if (PICK(latency_long_poll)) RUN(latency_long_poll);
    if (PICK(updates_order_check)) RUN(updates_order_check);
    if (PICK(limits_defaults)) RUN(limits_defaults);
    if (PICK(limits_chat)) RUN(limits_chat);
    if (PICK(limits_group)) RUN(limits_group);
    if (PICK(limits_global)) RUN(limits_global);
    if (PICK(limits_refused_take_no_slot)) RUN(limits_refused_take_no_slot);
    if (PICK(limits_slack)) RUN(limits_slack);
    if (PICK(limits_buckets_dropped)) RUN(limits_buckets_dropped);
    if (PICK(fault_429_variants)) RUN(fault_429_variants);
    if (PICK(fault_rst_after)) RUN(fault_rst_after);
    if (PICK(offset_from_an_earlier_emulator)) RUN(offset_from_an_earlier_emulator);
    TEST_END();
}

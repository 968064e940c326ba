/* tests/test_emu.c - the emulator's own load-test features, over raw loopback sockets against
   build/tpemu: --latency (answers held per connection with release times, so other connections
   and the /_emu control API are served meanwhile, pipelined answers stay in request order, a
   held long poll answers plus the latency) and the per-chat order check of --updates/--chats.
   Every latency case also bounds the time from above or watches another connection meanwhile,
   so a tpemu that slept in its poll loop instead would fail it. */
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

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(latency_one_request)) RUN(latency_one_request);
    if (PICK(latency_concurrent)) RUN(latency_concurrent);
    if (PICK(latency_pipelined_in_order)) RUN(latency_pipelined_in_order);
    if (PICK(latency_long_poll)) RUN(latency_long_poll);
    if (PICK(updates_order_check)) RUN(updates_order_check);
    TEST_END();
}

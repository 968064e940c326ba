/* tests/test_updates.c - where updates come from, against real processes and sockets:
   long polling through tpemu's faults and a restart of tpemu (soak), kill -9 and SIGTERM of a
   polling bot (this program re-executed as "bot"), the webhook receiver fed by tpemu --webhook
   with shuffled and duplicated pushes over 8 connections while hostile clients knock, the
   receiver's limits one by one, the orderer and tp_hook_push.
   TPT_SOAK_N sets the number of updates of the soak and webhook runs (default 2000; the
   issue's 10,000: `TPT_SOAK_N=10000 build/tests/test_updates-asan`). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "tp_sock.h"
#include <sys/wait.h>

#define TOKEN "123456:TESTSECRETTOKEN"
#define MAXN 100000

static void msleep(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* ---- tpemu as a child process ---- */
typedef struct emu {
    pid_t pid;
    int port;
    char url[64];
} emu;

/* Starts build/tpemu with the extra arguments (NULL-terminated); port 0 = any. */
static bool emu_start(emu *e, int port, const char *const *extra) {
    char dir[] = "/tmp/tpt-upd.XXXXXX", portfile[64], ps[16], buf[16] = "";
    const char *argv[40];
    int i, n = 0;
    FILE *f;
    if (!mkdtemp(dir)) return false;
    snprintf(portfile, sizeof portfile, "%s/port", dir);
    snprintf(ps, sizeof ps, "%d", port);
    argv[n++] = "tpemu";
    argv[n++] = "--port";
    argv[n++] = ps;
    argv[n++] = "--port-file";
    argv[n++] = portfile;
    argv[n++] = "--token";
    argv[n++] = TOKEN;
    argv[n++] = "--quiet";
    argv[n++] = "--max-secs";
    argv[n++] = "300";
    for (i = 0; extra && extra[i] && n < 39; i++) argv[n++] = extra[i];
    argv[n] = NULL;
    e->pid = fork();
    if (e->pid == 0) {
        execv("build/tpemu", (char *const *)(uintptr_t)argv);
        _exit(127);
    }
    for (i = 0; i < 300 && !buf[0]; i++) {
        msleep(20);
        if ((f = fopen(portfile, "r")) != NULL) {
            if (!fgets(buf, sizeof buf, f)) buf[0] = '\0';
            fclose(f);
        }
    }
    unlink(portfile);
    rmdir(dir);
    e->port = atoi(buf);
    snprintf(e->url, sizeof e->url, "http://127.0.0.1:%d", e->port);
    return e->port > 0;
}

static void emu_kill(emu *e, int sig) {
    int st;
    if (e->pid <= 0) return;
    kill(e->pid, sig);
    waitpid(e->pid, &st, 0);
    e->pid = 0;
}

static tp_bot *new_bot(const char *url, int timeout_ms) {
    tp_bot_opts o;
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = url;
    o.timeout_ms = timeout_ms;
    return tp_bot_new(&o, NULL);
}

/* ---- what handlers saw: per index of tpemu's generated text "msg I", per chat order ---- */
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char seen_count[MAXN];
static int64_t chat_ids[4096], chat_last[4096];
static long handled, dups, out_of_order, bad_reports;

static void seen_reset(void) {
    memset(seen_count, 0, sizeof seen_count);
    memset(chat_ids, 0, sizeof chat_ids);
    memset(chat_last, 0, sizeof chat_last);
    handled = dups = out_of_order = bad_reports = 0;
}

static void record(const tp_update *u) {
    const tp_message *m = u->message;
    long i;
    size_t slot;
    if (!m || !m->text || strncmp(m->text, "msg ", 4) != 0) return;
    i = strtol(m->text + 4, NULL, 10);
    if (i < 0 || i >= MAXN) return;
    pthread_mutex_lock(&seen_lock);
    if (seen_count[i]++) dups++;
    else handled++;
    slot = (size_t)((uint64_t)m->chat->id * UINT64_C(0x9E3779B97F4A7C15) >> 52);
    while (chat_ids[slot] && chat_ids[slot] != m->chat->id) slot = (slot + 1) % 4096;
    chat_ids[slot] = m->chat->id;
    if (chat_last[slot] && u->update_id < chat_last[slot]) out_of_order++;
    chat_last[slot] = u->update_id;
    pthread_mutex_unlock(&seen_lock);
}

static long count_handled(void) {
    long n;
    pthread_mutex_lock(&seen_lock);
    n = handled;
    pthread_mutex_unlock(&seen_lock);
    return n;
}

static void on_update(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    record(u);
}

static void on_bad(tp_bot *bot, const char *raw, size_t len, const tp_error *why, void *user) {
    (void)bot;
    (void)raw;
    (void)len;
    (void)why;
    (void)user;
    pthread_mutex_lock(&seen_lock);
    bad_reports++;
    pthread_mutex_unlock(&seen_lock);
}

static long retries;
static void count_retries(void *user, int level, const char *text) {
    (void)user;
    (void)level;
    if (strstr(text, "retrying")) {
        pthread_mutex_lock(&seen_lock);
        retries++;
        pthread_mutex_unlock(&seen_lock);
    }
}

static long env_n(void) {
    const char *s = getenv("TPT_SOAK_N");
    long n = s ? atol(s) : 2000;
    return n > 0 && n < MAXN ? n : 2000;
}

/* ---- 1. polling soak: faults at random and a restart of tpemu ---- */
TEST(poll_soak) {
    long n = env_n(), lost = 0, i;
    char ns[16];
    emu e;
    tp_bot *bot;
    tp_poller *p;
    tp_poll_opts o;
    tp_error err;
    int64_t t0 = tp_now_ms(), deadline;
    bool restarted = false;
    const char *args[] = {"--updates", ns, "--seed", "7",
                          "--fault", "reset@0.06/getUpdates", "--fault", "truncate@0.06/getUpdates",
                          "--fault", "502@0.06/getUpdates", "--fault", "429:1@0.03/getUpdates",
                          "--fault", "stall@0.02/getUpdates", "--fault", "close@0.03/getUpdates",
                          NULL};
    tp_bot_opts bo;
    snprintf(ns, sizeof ns, "%ld", n);
    seen_reset();
    retries = 0;
    CHECK(emu_start(&e, 0, args));
    memset(&bo, 0, sizeof bo);
    bo.token = TOKEN;
    bo.api_url = e.url;
    bo.timeout_ms = 2000;
    bo.log = count_retries;
    bot = tp_bot_new(&bo, NULL);
    CHECK(bot != NULL);
    if (!bot) return;
    memset(&o, 0, sizeof o);
    o.timeout = 1;
    o.limit = n / 200 < 10 ? 10 : n / 200 > 100 ? 100 : (int)(n / 200); /* ~200 polls */
    o.slack_ms = 1000; /* a stall is detected after 2 s */
    o.backoff_min_ms = 100;
    o.backoff_max_ms = 1000;
    o.on_bad_update = on_bad;
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    CHECK(p != NULL);
    deadline = tp_now_ms() + 150000;
    while (count_handled() < n && tp_now_ms() < deadline) {
        if (!restarted && count_handled() >= n / 2) {
            /* tpemu dies and comes back on the same port with the same (deterministic) updates:
               only the bot's offset tells it where to go on */
            int port = e.port;
            emu_kill(&e, SIGKILL);
            msleep(300);
            CHECK(emu_start(&e, port, args));
            restarted = true;
        }
        msleep(20);
    }
    msleep(300); /* time for a duplicate to show */
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    for (i = 0; i < n; i++)
        if (!seen_count[i]) lost++;
    printf("poll soak: %ld updates, faults on getUpdates (reset, truncate, 502 HTML, 429 "
           "retry_after=1, stall, close) and a tpemu restart: handled=%ld lost=%ld duplicated=%ld "
           "out_of_order=%ld in %.1f s (%ld failed polls retried)\n",
           n, handled, lost, dups, out_of_order, (double)(tp_now_ms() - t0) / 1000.0, retries);
    CHECK(retries >= 10); /* the faults did happen */
    CHECK(restarted);
    CHECK_EQ_INT(lost, 0);
    CHECK_EQ_INT(dups, 0);
    CHECK_EQ_INT(out_of_order, 0);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* ---- 2. a bad update, an unreadable one, 409 ---- */
static tp_err emu_post(const emu *e, const char *path, const char *body) {
    tp_http_opts ho;
    tp_http_req rq;
    tp_http_resp rs;
    tp_http *h;
    tp_err rc;
    memset(&ho, 0, sizeof ho);
    ho.url = e->url;
    h = tp_http_new(&ho, NULL);
    memset(&rq, 0, sizeof rq);
    rq.method = "POST";
    rq.path = path;
    rq.body = body;
    rq.body_len = strlen(body);
    rq.content_type = "text/plain";
    rc = tp_http_request(h, &rq, &rs, NULL);
    if (rc == TP_OK && rs.status != 200) rc = TP_ERR_HTTP_STATUS;
    tp_http_free(h);
    return rc;
}

TEST(poll_bad_update) {
    emu e;
    tp_bot *bot;
    tp_poller *p;
    tp_poll_opts o;
    tp_error err;
    int i;
    char path[4096], off[32] = "";
    FILE *f;
    seen_reset();
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 2000);
    if (!bot) return;
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":5,\"text\":\"msg 1\"}"), TP_OK);
    /* a message without message_id: its typed view fails */
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"message\":{\"text\":\"no id\",\"chat\":{\"id\":5}}}"), TP_OK);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":5,\"text\":\"msg 2\"}"), TP_OK);
    memset(&o, 0, sizeof o);
    o.timeout = 1;
    o.on_bad_update = on_bad;
    snprintf(path, sizeof path, "/tmp/tpt-offset-%d", (int)getpid());
    unlink(path);
    o.offset_file = path;
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    for (i = 0; i < 200 && count_handled() < 2; i++) msleep(20);
    msleep(200);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    CHECK_EQ_INT(handled, 2);
    CHECK_EQ_INT(bad_reports, 1);
    CHECK((f = fopen(path, "r")) != NULL);
    if (f) {
        CHECK(fgets(off, sizeof off, f) != NULL);
        fclose(f);
    }
    CHECK(atoll(off) > 0);
    unlink(path);
    tp_bot_free(bot);
    /* 409: another consumer (a webhook is set): stops with the error by default */
    bot = new_bot(e.url, 2000);
    CHECK_EQ_INT(tp_hook_set_webhook(bot, "http://127.0.0.1:9/x", NULL, NULL, &err), TP_OK);
    memset(&o, 0, sizeof o);
    o.timeout = 1;
    CHECK_EQ_INT(tp_poll_run(bot, on_update, NULL, &o, &err), TP_ERR_API);
    CHECK_EQ_INT(err.error_code, 409);
    CHECK(strstr(err.message, "TESTSECRETTOKEN") == NULL);
    /* with retry_on_conflict the poller backs off and carries on once the webhook is gone */
    o.retry_on_conflict = true;
    o.backoff_min_ms = 50;
    o.backoff_max_ms = 100;
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    msleep(400);
    CHECK_EQ_INT(tp_hook_delete_webhook(bot, false, &err), TP_OK);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":5,\"text\":\"msg 3\"}"), TP_OK);
    for (i = 0; i < 300 && count_handled() < 3; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    CHECK_EQ_INT(handled, 3);
    tp_bot_free(bot);
    /* drop_pending_updates: what waited before the start is skipped, what comes after is not */
    bot = new_bot(e.url, 2000);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":5,\"text\":\"msg 4\"}"), TP_OK);
    memset(&o, 0, sizeof o);
    o.timeout = 1;
    o.drop_pending_updates = true;
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    msleep(300);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":5,\"text\":\"msg 5\"}"), TP_OK);
    for (i = 0; i < 300 && count_handled() < 4; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    CHECK(seen_count[4] == 0 && seen_count[5] == 1);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* ---- 2b. a getUpdates answer that cannot be read at all ---- */
typedef struct fake {
    int lfd, port;
    volatile int quit;
    pthread_t th;
    pthread_mutex_t lock;
    char bodies[64][256]; /* request bodies seen */
    int n;
} fake;

static int fake_html; /* answer every poll with a proxy's 200 HTML page */

static const char *fake_answer(const char *body) {
    if (fake_html) return "<html><body>Welcome to the hotel wifi</body></html>";
    if (strstr(body, "\"offset\":51"))
        return "{\"ok\":true,\"result\":[{\"update_id\":51,\"message\":{\"message_id\":2,"
               "\"chat\":{\"id\":1},\"text\":\"msg 1\"}}]}";
    if (strstr(body, "\"offset\":52")) return "{\"ok\":true,\"result\":[]}";
    /* a 200 whose JSON stops in the middle (Content-Length agrees: no transport error) */
    return "{\"ok\":true,\"result\":[{\"update_id\":50,\"message\":{\"message_id\":1,"
           "\"chat\":{\"id\":1},\"text\":\"msg 0\"}},{\"update_id\":51";
}

static void *fake_main(void *arg) {
    fake *f = (fake *)arg;
    while (!f->quit) {
        struct pollfd pf;
        char buf[4096];
        size_t len = 0;
        int fd;
        pf.fd = f->lfd;
        pf.events = POLLIN;
        if (poll(&pf, 1, 50) <= 0) continue;
        fd = accept(f->lfd, NULL, NULL);
        if (fd < 0) continue;
        while (!f->quit) { /* keep-alive: one request after another */
            char *eoh, *cl, out[1024];
            size_t need, hl;
            const char *ans;
            ssize_t r;
            pf.fd = fd;
            if (poll(&pf, 1, 50) <= 0) continue;
            r = recv(fd, buf + len, sizeof buf - 1 - len, 0);
            if (r <= 0) break;
            len += (size_t)r;
            buf[len] = '\0';
            if (!(eoh = strstr(buf, "\r\n\r\n"))) continue;
            hl = (size_t)(eoh - buf) + 4;
            cl = strstr(buf, "Content-Length: ");
            need = hl + (cl ? (size_t)atol(cl + 16) : 0);
            if (len < need) continue;
            pthread_mutex_lock(&f->lock);
            if (f->n < 64) snprintf(f->bodies[f->n++], 256, "%.*s", (int)(need - hl), buf + hl);
            pthread_mutex_unlock(&f->lock);
            ans = fake_answer(buf + hl);
            snprintf(out, sizeof out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\n\r\n%s", strlen(ans), ans);
            (void)!send(fd, out, strlen(out), MSG_NOSIGNAL);
            memmove(buf, buf + need, len - need);
            len -= need;
        }
        close(fd);
    }
    return NULL;
}

TEST(poll_unreadable_batch) {
    fake f;
    struct sockaddr_in sa;
    socklen_t sl = sizeof sa;
    char url[64];
    tp_bot *bot;
    tp_poll_opts o;
    tp_poller *p;
    tp_error err;
    int i, limit1 = 0, first_limit1 = -1;
    memset(&f, 0, sizeof f);
    pthread_mutex_init(&f.lock, NULL);
    f.lfd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(0x7f000001);
    CHECK(bind(f.lfd, (struct sockaddr *)&sa, sizeof sa) == 0 && listen(f.lfd, 8) == 0);
    getsockname(f.lfd, (struct sockaddr *)&sa, &sl);
    snprintf(url, sizeof url, "http://127.0.0.1:%d", ntohs(sa.sin_port));
    pthread_create(&f.th, NULL, fake_main, &f);
    seen_reset();
    bot = new_bot(url, 2000);
    memset(&o, 0, sizeof o);
    o.timeout = 1;
    o.backoff_min_ms = 10;
    o.backoff_max_ms = 40;
    o.on_bad_update = on_bad;
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    for (i = 0; i < 300 && count_handled() < 1; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    f.quit = 1;
    pthread_join(f.th, NULL);
    for (i = 0; i < f.n; i++)
        if (strstr(f.bodies[i], "\"limit\":1,")) {
            if (first_limit1 < 0) first_limit1 = i;
            limit1++;
        }
    printf("unreadable batch: %d requests, limit=1 from request %d, bad reports %ld, then handled %ld\n",
           f.n, first_limit1 + 1, bad_reports, handled);
    CHECK_EQ_INT(first_limit1, 3);  /* three failures with the full limit, then isolation */
    CHECK(limit1 >= 3);
    CHECK_EQ_INT(bad_reports, 1);   /* update 50 reported once and skipped */
    CHECK_EQ_INT(handled, 1);       /* 51 handled */
    CHECK(seen_count[1] == 1 && seen_count[0] == 0);
    CHECK(f.n >= 8 && strstr(f.bodies[f.n - 1], "\"offset\":52")); /* the stop confirmed 51 */
    tp_bot_free(bot);

    /* a proxy's 200 page is not Telegram's answer: backed off forever, nothing skipped */
    fake_html = 1;
    f.n = 0;
    f.quit = 0;
    pthread_create(&f.th, NULL, fake_main, &f);
    seen_reset();
    bot = new_bot(url, 2000);
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    for (i = 0; i < 300 && f.n < 12; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    f.quit = 1;
    pthread_join(f.th, NULL);
    printf("200 HTML pages: %d polls, %ld reports, %d asked with an offset\n", f.n, bad_reports,
           (int)(f.n > 0 && strstr(f.bodies[f.n - 1], "offset") != NULL));
    CHECK(f.n >= 12);
    CHECK_EQ_INT(bad_reports, 0);
    for (i = 0; i < f.n; i++) CHECK(strstr(f.bodies[i], "offset") == NULL);
    close(f.lfd);
    pthread_mutex_destroy(&f.lock);
    tp_bot_free(bot);
    fake_html = 0;
}

/* ---- 3. kill -9 and SIGTERM of a polling bot process ---- */
static void log_update(tp_bot *bot, const tp_update *u, void *user) {
    char line[32];
    int n;
    (void)bot;
    if (!u->message || !u->message->text) return;
    n = snprintf(line, sizeof line, "%ld\n", strtol(u->message->text + 4, NULL, 10));
    (void)!write(*(int *)user, line, (size_t)n); /* O_APPEND: survives a kill -9 */
    msleep(1);
}

static int bot_main(const char *url, const char *log, const char *offset_file) {
    tp_bot *bot = new_bot(url, 5000);
    tp_poll_opts o;
    tp_error err;
    tp_err rc;
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (!bot || fd < 0) return 1;
    tp_bot_stop_on_signals(bot);
    memset(&o, 0, sizeof o);
    o.timeout = 1;
    o.limit = 100;
    if (strcmp(offset_file, "-") != 0) o.offset_file = offset_file;
    rc = tp_poll_run(bot, log_update, &fd, &o, &err);
    close(fd);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

static long count_lines(const char *log, long n, long *distinct) {
    FILE *f = fopen(log, "r");
    char line[64];
    long total = 0, d = 0;
    static unsigned char c[MAXN];
    memset(c, 0, sizeof c);
    if (f) {
        while (fgets(line, sizeof line, f)) {
            long i = atol(line);
            total++;
            if (i >= 0 && i < n && !c[i]++) d++;
        }
        fclose(f);
    }
    *distinct = d;
    return total;
}

static pid_t spawn_bot(const char *self, const char *url, const char *log, const char *off) {
    pid_t pid = fork();
    if (pid == 0) {
        execl(self, "test_updates", "bot", url, log, off, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Runs a bot, interrupts it with sig after `first` updates, runs it again to the end.
   Returns the repeats; *lost the updates never handled. */
static long interrupted_run(const char *self, int sig, const char *off, long n, long first,
                            long *lost, int *rc_first) {
    char ns[16], log[64];
    const char *args[] = {"--updates", ns, NULL};
    emu e;
    pid_t pid;
    long total = 0, distinct = 0;
    int st = 0, i;
    snprintf(ns, sizeof ns, "%ld", n);
    snprintf(log, sizeof log, "/tmp/tpt-botlog-%d", (int)getpid());
    unlink(log);
    if (strcmp(off, "-")) unlink(off);
    if (!emu_start(&e, 0, args)) return -1;
    pid = spawn_bot(self, e.url, log, off);
    for (i = 0; i < 1500 && count_lines(log, n, &distinct) < first; i++) msleep(10);
    kill(pid, sig);
    waitpid(pid, &st, 0);
    *rc_first = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    pid = spawn_bot(self, e.url, log, off);
    for (i = 0; i < 3000; i++) {
        total = count_lines(log, n, &distinct);
        if (distinct >= n) break;
        msleep(10);
    }
    msleep(200);
    kill(pid, SIGTERM);
    waitpid(pid, &st, 0);
    total = count_lines(log, n, &distinct);
    emu_kill(&e, SIGTERM);
    unlink(log);
    if (strcmp(off, "-")) unlink(off);
    *lost = n - distinct;
    return total - distinct;
}

TEST(poll_kill) {
    long lost = -1, rep;
    int rc = 0;
    char off[64];
    const char *self = "/proc/self/exe";
    static char exe[4096];
    ssize_t k = readlink(self, exe, sizeof exe - 1);
    if (k > 0) exe[k] = '\0';
    snprintf(off, sizeof off, "/tmp/tpt-off-%d", (int)getpid());
    rep = interrupted_run(exe, SIGKILL, "-", 3000, 750, &lost, &rc); /* mid-batch: 700 + 50 */
    printf("kill -9 mid-batch (limit 100), restart: lost=%ld repeats=%ld\n", lost, rep);
    CHECK_EQ_INT(rc, 128 + SIGKILL);
    CHECK_EQ_INT(lost, 0);
    CHECK(rep >= 0 && rep <= 100);
    rep = interrupted_run(exe, SIGKILL, off, 3000, 750, &lost, &rc);
    printf("kill -9 with offset_file, restart: lost=%ld repeats=%ld\n", lost, rep);
    CHECK_EQ_INT(lost, 0);
    CHECK(rep >= 0 && rep <= 1);
    rep = interrupted_run(exe, SIGTERM, "-", 3000, 750, &lost, &rc);
    printf("SIGTERM mid-batch, restart: lost=%ld repeats=%ld exit=%d\n", lost, rep, rc);
    CHECK_EQ_INT(rc, 0);
    CHECK_EQ_INT(lost, 0);
    CHECK_EQ_INT(rep, 0);
}


/* Reads one answer's status (0 when the connection closed without one). */
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
    if (argc == 5 && strcmp(argv[1], "bot") == 0) return bot_main(argv[2], argv[3], argv[4]);
    setvbuf(stdout, NULL, _IOLBF, 0);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(hook_rules)) RUN(hook_rules);
    if (PICK(poll_bad_update)) RUN(poll_bad_update);
    if (PICK(poll_unreadable_batch)) RUN(poll_unreadable_batch);
    if (PICK(poll_kill)) RUN(poll_kill);
    if (PICK(poll_soak)) RUN(poll_soak);
    if (PICK(webhook_soak)) RUN(webhook_soak);
    if (PICK(hook_dedup)) RUN(hook_dedup);
    TEST_END();
}

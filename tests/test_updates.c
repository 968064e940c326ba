/* tests/test_updates.c - long polling against real processes and sockets: tpemu's faults and
   a restart of tpemu (soak), bad and unreadable updates, kill -9 and SIGTERM of a polling bot
   (this program re-executed as "bot"). The webhook receiver is tests/test_hook.c.
   TPT_SOAK_N sets the number of updates of the soak (default 2000; the 10,000:
   `TPT_SOAK_N=10000 build/tests/test_updates-asan`). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "tp_sock.h"

#define TOKEN "123456:TESTSECRETTOKEN"
#define MAXN 100000
#include "tp_feed.h"

/* ---- 1. polling soak: faults at random and a restart of tpemu ---- */
static int soak_workers; /* poll_soak_workers: the same soak with handlers on 8 threads */

TEST(poll_soak) {
    long n = env_n() / (soak_workers ? 2 : 1), lost = 0, i;
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
    o.timeout_s = 1;
    o.limit = n / 200 < 10 ? 10 : n / 200 > 100 ? 100 : (int)(n / 200); /* ~200 polls */
    o.slack_ms = 1000; /* a stall is detected after 2 s */
    o.backoff_min_ms = 100;
    o.backoff_max_ms = 1000;
    o.on_bad_update = on_bad;
    o.workers = soak_workers;
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
    printf("poll soak (workers %d): %ld updates, faults on getUpdates (reset, truncate, 502 HTML, 429 "
           "retry_after=1, stall, close) and a tpemu restart: handled=%ld lost=%ld duplicated=%ld "
           "out_of_order=%ld in %.1f s (%ld failed polls retried)\n",
           soak_workers, n, handled, lost, dups, out_of_order, (double)(tp_now_ms() - t0) / 1000.0,
           retries);
    /* the faults did happen: ~26% of ~n/10 polls fault, ~13 for 500 updates (10 failed about 1
       run in 10: 9 is a normal draw; 3 is 3 standard deviations below) */
    CHECK(retries >= 3);
    CHECK(restarted);
    CHECK_EQ_INT(lost, 0);
    CHECK_EQ_INT(dups, 0);
    CHECK_EQ_INT(out_of_order, 0);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* ---- 2. a bad update, an unreadable one, 409 ---- */
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
    o.timeout_s = 1;
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
    /* the 0.2 names of setWebhook and deleteWebhook still work (deprecated) */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    CHECK_EQ_INT(tp_hook_set_webhook(bot, "http://127.0.0.1:9/x", NULL, NULL, &err), TP_OK);
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
    memset(&o, 0, sizeof o);
    o.timeout_s = 1;
    CHECK_EQ_INT(tp_poll_run(bot, on_update, NULL, &o, &err), TP_ERR_API);
    CHECK_EQ_INT(err.error_code, 409);
    CHECK(strstr(err.message, "TESTSECRETTOKEN") == NULL);
    /* with retry_on_conflict the poller backs off and carries on once the webhook is gone */
    o.retry_on_conflict = true;
    o.backoff_min_ms = 50;
    o.backoff_max_ms = 100;
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    msleep(400);
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    CHECK_EQ_INT(tp_hook_delete_webhook(bot, false, &err), TP_OK);
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
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
    o.timeout_s = 1;
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
    int quit; /* under lock */
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

static bool fake_quitting(fake *f) {
    bool q;
    pthread_mutex_lock(&f->lock);
    q = f->quit != 0;
    pthread_mutex_unlock(&f->lock);
    return q;
}

static void fake_set_quit(fake *f, int q) {
    pthread_mutex_lock(&f->lock);
    f->quit = q;
    pthread_mutex_unlock(&f->lock);
}

static void *fake_main(void *arg) {
    fake *f = (fake *)arg;
    while (!fake_quitting(f)) {
        struct pollfd pf;
        char buf[4096];
        size_t len = 0;
        int fd;
        pf.fd = f->lfd;
        pf.events = POLLIN;
        if (poll(&pf, 1, 50) <= 0) continue;
        fd = accept(f->lfd, NULL, NULL);
        if (fd < 0) continue;
        while (!fake_quitting(f)) { /* keep-alive: one request after another */
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
    o.timeout_s = 1;
    o.backoff_min_ms = 10;
    o.backoff_max_ms = 40;
    o.on_bad_update = on_bad;
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    for (i = 0; i < 300 && count_handled() < 1; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    fake_set_quit(&f, 1);
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
    fake_set_quit(&f, 0);
    pthread_create(&f.th, NULL, fake_main, &f);
    seen_reset();
    bot = new_bot(url, 2000);
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    for (i = 0; i < 300 && f.n < 12; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    fake_set_quit(&f, 1);
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
static int bot_workers; /* the bot process's workers: then every 40th update is slow */

static void log_update(tp_bot *bot, const tp_update *u, void *user) {
    char line[32];
    int n;
    long k;
    (void)bot;
    if (!u->message || !u->message->text) return;
    k = strtol(u->message->text + 4, NULL, 10);
    /* with workers, slow ones hold the prefix while later ones finish: those must be in the
       offset file's done list, or a kill -9 repeats them */
    if (bot_workers && k % 40 == 0) msleep(300);
    n = snprintf(line, sizeof line, "%ld\n", k);
    (void)!write(*(int *)user, line, (size_t)n); /* O_APPEND: survives a kill -9 */
    msleep(1);
}

static int bot_main(const char *url, const char *log, const char *offset_file, int workers) {
    tp_bot *bot = new_bot(url, 5000);
    tp_poll_opts o;
    tp_error err;
    tp_err rc;
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (!bot || fd < 0) return 1;
    tp_bot_stop_on_signals(bot);
    memset(&o, 0, sizeof o);
    o.timeout_s = 1;
    o.limit = 100;
    o.workers = workers;
    bot_workers = workers;
    if (strcmp(offset_file, "-") != 0) o.offset_file = offset_file;
    rc = tp_poll_run(bot, log_update, &fd, &o, &err);
    close(fd);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

static int kill_workers; /* the bot process's tp_poll_opts.workers */

static pid_t spawn_bot(const char *self, const char *url, const char *log, const char *off) {
    pid_t pid = fork();
    if (pid == 0) {
        char w[16];
        snprintf(w, sizeof w, "%d", kill_workers);
        execl(self, "test_updates", "bot", url, log, off, w, (char *)NULL);
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
    for (i = 0; i < 1500 && log_count(log, n, &distinct) < first; i++) msleep(10);
    kill(pid, sig);
    waitpid(pid, &st, 0);
    *rc_first = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    pid = spawn_bot(self, e.url, log, off);
    for (i = 0; i < 3000; i++) {
        total = log_count(log, n, &distinct);
        if (distinct >= n) break;
        msleep(10);
    }
    msleep(200);
    kill(pid, SIGTERM);
    waitpid(pid, &st, 0);
    total = log_count(log, n, &distinct);
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
    /* with workers the poller keeps fetching while handlers run; the offset file lists the
       ids done above the lowest unfinished one, so a kill -9 repeats only what was running */
    kill_workers = 8;
    rep = interrupted_run(exe, SIGKILL, off, 3000, 750, &lost, &rc);
    printf("workers 8, kill -9 with offset_file, restart: lost=%ld repeats=%ld\n", lost, rep);
    CHECK_EQ_INT(rc, 128 + SIGKILL);
    CHECK_EQ_INT(lost, 0);
    CHECK(rep >= 0 && rep <= 8);
    rep = interrupted_run(exe, SIGTERM, "-", 3000, 750, &lost, &rc);
    printf("workers 8, SIGTERM, restart: lost=%ld repeats=%ld exit=%d\n", lost, rep, rc);
    CHECK_EQ_INT(rc, 0);
    CHECK_EQ_INT(lost, 0);
    CHECK_EQ_INT(rep, 0);
    kill_workers = 0;
}


/* ---- 4. delivery: the offset never runs ahead of a handler; workers keep a chat's order ---- */
static const char *off_path;       /* the offset file the handlers look at */
static long off_checked, off_ahead; /* under seen_lock */

/* The offset file's number (0 when there is none yet). */
static int64_t offset_in_file(void) {
    char num[32] = "";
    FILE *f = fopen(off_path, "r");
    if (!f) return 0;
    if (!fgets(num, sizeof num, f)) num[0] = '\0';
    fclose(f);
    return atoll(num);
}

/* While its handler runs, an update is not confirmed: the file holds at most its own id
   (offset = id + 1 would mean a kill -9 now loses it). */
static void check_offset(const tp_update *u) {
    int64_t off = offset_in_file();
    pthread_mutex_lock(&seen_lock);
    off_checked++;
    if (off > u->update_id) {
        off_ahead++;
        fprintf(stderr, "  offset file says %lld while update %lld is being handled\n",
                (long long)off, (long long)u->update_id);
    }
    pthread_mutex_unlock(&seen_lock);
}

static void on_update_offset(tp_bot *bot, const tp_update *u, void *user) {
    check_offset(u);
    msleep(20); /* the window in which an early write would show */
    on_update(bot, u, user);
}

TEST(poll_offset_order) {
    emu e;
    tp_bot *bot;
    tp_poller *p;
    tp_poll_opts o;
    tp_error err;
    char path[64], body[64];
    int i;
    seen_reset();
    off_checked = off_ahead = 0;
    snprintf(path, sizeof path, "/tmp/tpt-offord-%d", (int)getpid());
    unlink(path);
    off_path = path;
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 2000);
    if (!bot) return;
    for (i = 1; i <= 5; i++) {
        snprintf(body, sizeof body, "{\"chat_id\":5,\"text\":\"msg %d\"}", i);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
    }
    memset(&o, 0, sizeof o);
    o.timeout_s = 1;
    o.offset_file = path;
    p = tp_poll_start(bot, on_update_offset, NULL, &o, &err);
    for (i = 0; i < 300 && count_handled() < 5; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    CHECK_EQ_INT(handled, 5);
    CHECK_EQ_INT(off_checked, 5);
    CHECK_EQ_INT(off_ahead, 0);
    CHECK(offset_in_file() > 0); /* and it was written at all */
    unlink(path);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* Workers: chat A's 8 updates, the first of which sleeps 300 ms, interleaved with one update
   each of 8 other chats. A's are handled in order (a chat is one key, one worker; keyed by
   update_id they would spread over the workers and overtake the sleeper); other chats are not
   held up behind A's sleeper (keyed by a constant they would be); no handler sees the offset
   file past its update. */
static char a_order[16];
static int a_n;
static int64_t a0_end, b_first_end;

static void on_worker_update(tp_bot *bot, const tp_update *u, void *user) {
    const char *t = u->message && u->message->text ? u->message->text : "";
    (void)bot;
    (void)user;
    check_offset(u);
    if (strcmp(t, "A0") == 0) msleep(300);
    pthread_mutex_lock(&seen_lock);
    if (t[0] == 'A') {
        if (a_n < 15) a_order[a_n++] = t[1];
        if (t[1] == '0') a0_end = tp_now_ms();
    } else if (t[0] == 'B' && !b_first_end) {
        b_first_end = tp_now_ms();
    }
    handled++;
    pthread_mutex_unlock(&seen_lock);
}

TEST(poll_workers_order) {
    emu e;
    tp_bot *bot;
    tp_poller *p;
    tp_poll_opts o;
    tp_error err;
    char path[64], body[96];
    int i;
    seen_reset();
    off_checked = off_ahead = 0;
    memset(a_order, 0, sizeof a_order);
    a_n = 0;
    a0_end = b_first_end = 0;
    snprintf(path, sizeof path, "/tmp/tpt-offwrk-%d", (int)getpid());
    unlink(path);
    off_path = path;
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 2000);
    if (!bot) return;
    for (i = 0; i < 8; i++) {
        snprintf(body, sizeof body, "{\"chat_id\":1001,\"text\":\"A%d\"}", i);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"B\"}", 2001 + i);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
    }
    memset(&o, 0, sizeof o);
    o.timeout_s = 1;
    o.workers = 4;
    o.offset_file = path;
    p = tp_poll_start(bot, on_worker_update, NULL, &o, &err);
    for (i = 0; i < 500 && count_handled() < 16; i++) msleep(10);
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    printf("workers=4: chat A handled in the order %s; first other chat done %lld ms before A0\n",
           a_order, (long long)(a0_end - b_first_end));
    CHECK_EQ_INT(handled, 16);
    CHECK_STR(a_order, "01234567");
    CHECK(b_first_end > 0 && a0_end > 0 && b_first_end < a0_end - 100);
    CHECK_EQ_INT(off_checked, 16);
    CHECK_EQ_INT(off_ahead, 0);
    CHECK(offset_in_file() > 0);
    unlink(path);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* 429 with retry_after = 1: the poller waits a second (not a millisecond, not its backoff of
   50 ms) before it asks again. */
TEST(poll_retry_after) {
    emu e;
    tp_bot *bot;
    tp_poller *p;
    tp_poll_opts o;
    tp_error err;
    int64_t t0, dt;
    int i;
    seen_reset();
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 2000);
    if (!bot) return;
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":5,\"text\":\"msg 1\"}"), TP_OK);
    CHECK_EQ_INT(emu_post(&e, "/_emu/fault", "429:1/getUpdates"), TP_OK);
    memset(&o, 0, sizeof o);
    o.timeout_s = 1;
    o.backoff_min_ms = 50;
    o.backoff_max_ms = 100;
    t0 = tp_now_ms();
    p = tp_poll_start(bot, on_update, NULL, &o, &err);
    for (i = 0; i < 500 && count_handled() < 1; i++) msleep(5);
    dt = tp_now_ms() - t0;
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    printf("429 retry_after=1: the update arrived after %lld ms\n", (long long)dt);
    CHECK_EQ_INT(handled, 1);
    CHECK(dt >= 900 && dt < 2500);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* ---- 5. with workers a slow handler holds its chat, not the fetching of other chats ---- */
static int64_t hol_posted[8], hol_done[8];
static void on_hol(tp_bot *bot, const tp_update *u, void *user) {
    const tp_message *m = u->message;
    int k;
    (void)bot;
    (void)user;
    if (!m || !m->text) return;
    if (m->chat->id == 1) {
        msleep(3000); /* chat 1 is slow */
        return;
    }
    k = atoi(m->text + 4);
    pthread_mutex_lock(&seen_lock);
    if (k >= 0 && k < 8) hol_done[k] = tp_now_ms();
    pthread_mutex_unlock(&seen_lock);
}

TEST(poll_slow_chat_keeps_fetching) {
    emu e;
    tp_bot *bot;
    tp_poller *p;
    tp_poll_opts o;
    tp_error err;
    int k, late = 0;
    char body[128];
    CHECK(emu_start(&e, 0, NULL));
    bot = new_bot(e.url, 5000);
    memset(&o, 0, sizeof o);
    o.timeout_s = 5;
    o.workers = 4;
    p = tp_poll_start(bot, on_hol, NULL, &o, &err);
    CHECK_EQ_INT(emu_post(&e, "/_emu/update", "{\"chat_id\":1,\"text\":\"slow\"}"), TP_OK);
    msleep(300); /* chat 1's handler sleeps now; its update stays unconfirmed */
    for (k = 0; k < 5; k++) {
        snprintf(body, sizeof body, "{\"chat_id\":2,\"text\":\"msg %d\"}", k);
        pthread_mutex_lock(&seen_lock);
        hol_posted[k] = tp_now_ms();
        pthread_mutex_unlock(&seen_lock);
        CHECK_EQ_INT(emu_post(&e, "/_emu/update", body), TP_OK);
        msleep(200);
    }
    msleep(800);
    pthread_mutex_lock(&seen_lock);
    for (k = 0; k < 5; k++) late += !hol_done[k] || hol_done[k] - hol_posted[k] > 1000;
    pthread_mutex_unlock(&seen_lock);
    CHECK_EQ_INT(late, 0); /* each within a second, while chat 1 still sleeps */
    tp_bot_stop(bot);
    CHECK_EQ_INT(tp_poll_join(p, &err), TP_OK);
    tp_bot_free(bot);
    emu_kill(&e, SIGTERM);
}

/* ---- 6. the dispatcher never runs one chat on two workers at once: the chat's first update
   holds its worker until released; its second, pushed meanwhile, must not start (with 4
   workers idle) until the first returned. */
static pthread_mutex_t one_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t one_cond = PTHREAD_COND_INITIALIZER;
static int one_running, one_max, one_started, one_release;
static char one_order[8];
static void on_one_chat(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    pthread_mutex_lock(&one_lock);
    one_running++;
    if (one_running > one_max) one_max = one_running;
    if (one_started < 7) one_order[one_started] = u->message->text[0];
    one_started++;
    pthread_cond_broadcast(&one_cond);
    while (u->message->text[0] == 'a' && !one_release) pthread_cond_wait(&one_cond, &one_lock);
    one_running--;
    pthread_mutex_unlock(&one_lock);
}

TEST(disp_one_chat_one_worker) {
    static const char *texts[] = { "a", "b", "c" };
    tp_json_doc *doc[3];
    const tp_update *u[3];
    tp_disp *d;
    tp_error err;
    char json[160];
    int i, started_early;
    for (i = 0; i < 3; i++) {
        snprintf(json, sizeof json,
                 "{\"update_id\":%d,\"message\":{\"message_id\":%d,\"date\":1,"
                 "\"chat\":{\"id\":77,\"type\":\"private\"},\"text\":\"%s\"}}",
                 i + 1, i + 1, texts[i]);
        doc[i] = tp_json_parse(json, strlen(json), &err);
        u[i] = doc[i] ? tp_update_view(doc[i], tp_json_root(doc[i]), &err) : NULL;
        CHECK(u[i] != NULL);
        if (!u[i]) return;
    }
    d = tp_disp_new(NULL, on_one_chat, NULL, &(tp_disp_opts){ .workers = 4 }, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_EQ_INT(tp_disp_push(d, u[0], doc[0]), TP_OK);
    pthread_mutex_lock(&one_lock);
    while (one_started < 1) pthread_cond_wait(&one_cond, &one_lock); /* "a" holds its worker */
    pthread_mutex_unlock(&one_lock);
    CHECK_EQ_INT(tp_disp_push(d, u[1], doc[1]), TP_OK);
    CHECK_EQ_INT(tp_disp_push(d, u[2], doc[2]), TP_OK);
    msleep(300); /* three workers idle: a second worker on chat 77 would have started "b" */
    pthread_mutex_lock(&one_lock);
    started_early = one_started;
    one_release = 1;
    pthread_cond_broadcast(&one_cond);
    pthread_mutex_unlock(&one_lock);
    tp_disp_drain(d);
    tp_disp_free(d);
    CHECK_EQ_INT(started_early, 1);
    CHECK_EQ_INT(one_max, 1);
    CHECK_STR(one_order, "abc");
}

int main(int argc, char **argv) {
    if (argc == 6 && strcmp(argv[1], "bot") == 0)
        return bot_main(argv[2], argv[3], argv[4], atoi(argv[5]));
    setvbuf(stdout, NULL, _IOLBF, 0);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(poll_bad_update)) RUN(poll_bad_update);
    if (PICK(poll_unreadable_batch)) RUN(poll_unreadable_batch);
    if (PICK(poll_offset_order)) RUN(poll_offset_order);
    if (PICK(poll_workers_order)) RUN(poll_workers_order);
    if (PICK(poll_retry_after)) RUN(poll_retry_after);
    /* TPT_QUICK (the suite's TSan run): the kill -9 restarts are left to the ASan run (they
       test processes, and cost half a minute under TSan) */
    if (PICK(poll_kill) && !getenv("TPT_QUICK")) RUN(poll_kill);
    if (PICK(poll_slow_chat_keeps_fetching)) RUN(poll_slow_chat_keeps_fetching);
    if (PICK(disp_one_chat_one_worker)) RUN(disp_one_chat_one_worker);
    if (PICK(poll_soak)) RUN(poll_soak);
    if (PICK(poll_soak_workers)) {
        soak_workers = 8;
        RUN(poll_soak);
        soak_workers = 0;
    }
    TEST_END();
}

/* tests/tp_feed.h - what the update tests share: tpemu as a child process with any flags (a
 fault mix, --webhook), a bot pointed at it, and the record of what handlers saw (each
 "msg I" once, each chat in update_id order). Include after telepot.h (implementation) and
 tp_test.h, with TOKEN and MAXN defined (without MAXN: msleep, thread_count and descendants
 only). */
#ifndef TP_FEED_H
#define TP_FEED_H
#include <dirent.h>
#include <sys/wait.h>

static TP__UNUSED void msleep(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* ---- threads and processes of this test (/proc) ---- */
static TP__UNUSED int thread_count(void) {
    DIR *dir = opendir("/proc/self/task");
    struct dirent *e;
    int n = 0;
    if (!dir) return -1;
    while ((e = readdir(dir)) != NULL) n += e->d_name[0] != '.';
    closedir(dir);
    return n;
}

/* Processes descending from this one other than `except` (the emulator), from the fourth
   field of /proc/PID/stat. */
static TP__UNUSED int descendants(pid_t except) {
    size_t cap = 1024, n = 0, nm = 1, i, k;
    long *pid = (long *)malloc(cap * sizeof *pid), *ppid = (long *)malloc(cap * sizeof *ppid);
    long *mine;
    int count = -1;
    DIR *dir = opendir("/proc");
    struct dirent *e;
    if (!dir || !pid || !ppid) {
        if (dir) closedir(dir);
        free(pid);
        free(ppid);
        return -1;
    }
    while ((e = readdir(dir)) != NULL) {
        char path[300], buf[512], *p;
        FILE *f;
        if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        if (!(f = fopen(path, "r"))) continue;
        p = fgets(buf, sizeof buf, f) ? strrchr(buf, ')') : NULL;
        fclose(f);
        if (n == cap) {
            long *a = (long *)realloc(pid, 2 * cap * sizeof *pid);
            long *b = a ? (long *)realloc(ppid, 2 * cap * sizeof *ppid) : NULL;
            if (a) pid = a;
            if (b) ppid = b;
            if (!a || !b) break;
            cap *= 2;
        }
        if (p && sscanf(p + 2, "%*c %ld", &ppid[n]) == 1) pid[n++] = atol(e->d_name);
    }
    closedir(dir);
    mine = (long *)malloc((n + 1) * sizeof *mine);
    if (mine) {
        count = 0;
        mine[0] = (long)getpid();
        for (k = 0; k < nm; k++) /* breadth first: the children of each process found */
            for (i = 0; i < n; i++)
                if (ppid[i] == mine[k] && pid[i] != (long)except) {
                    mine[nm++] = pid[i];
                    count++;
                }
    }
    free(mine);
    free(pid);
    free(ppid);
    return count;
}

#ifdef MAXN /* the rest wants TOKEN and MAXN; without them, the helpers above only */
/* ---- tpemu as a child process ---- */
typedef struct emu {
    pid_t pid;
    int port;
    char url[64];
} emu;

/* POSTs body to the emulator's control path ("/_emu/update", ...); TP_OK on a 200. */
static TP__UNUSED tp_err emu_post(const emu *e, const char *path, const char *body) {
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

/* GETs the emulator's control path into a parsed document (NULL on a failure). */
static TP__UNUSED tp_json_doc *emu_get(const emu *e, const char *path) {
    tp_http_opts ho;
    tp_http_req rq;
    tp_http_resp rs;
    tp_http *h;
    tp_json_doc *doc = NULL;
    memset(&ho, 0, sizeof ho);
    ho.url = e->url;
    h = tp_http_new(&ho, NULL);
    memset(&rq, 0, sizeof rq);
    rq.method = "GET";
    rq.path = path;
    if (h && tp_http_request(h, &rq, &rs, NULL) == TP_OK && rs.status == 200)
        doc = tp_json_parse(rs.body, rs.body_len, NULL);
    tp_http_free(h);
    return doc;
}

/* One number of /_emu/stats (-1 when it cannot be read). */
static TP__UNUSED long emu_stat(const emu *e, const char *name) {
    tp_json_doc *doc = emu_get(e, "/_emu/stats");
    const tp_json *o = doc && tp_result(doc) ? tp_result(doc) : tp_json_root(doc);
    long n = tp_json_get(o, name) ? (long)tp_json_get_int(o, name) : -1;
    tp_json_doc_free(doc);
    return n;
}

/* Starts build/tpemu with the extra arguments (NULL-terminated); port 0 = any. */
static TP__UNUSED bool emu_start(emu *e, int port, const char *const *extra) {
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

static TP__UNUSED void emu_kill(emu *e, int sig) {
    int st;
    if (e->pid <= 0) return;
    kill(e->pid, sig);
    waitpid(e->pid, &st, 0);
    e->pid = 0;
}

static TP__UNUSED tp_bot *new_bot(const char *url, int timeout_ms) {
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

static TP__UNUSED void seen_reset(void) {
    memset(seen_count, 0, sizeof seen_count);
    memset(chat_ids, 0, sizeof chat_ids);
    memset(chat_last, 0, sizeof chat_last);
    handled = dups = out_of_order = bad_reports = 0;
}

static TP__UNUSED void record(const tp_update *u) {
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

/* A bot process's log of handled updates, one index per line: the lines, and in *distinct
   the indexes below n seen at least once. */
static TP__UNUSED long log_count(const char *log, long n, long *distinct) {
    static unsigned char c[MAXN];
    FILE *f = fopen(log, "r");
    char line[64];
    long total = 0, d = 0;
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

static TP__UNUSED long count_handled(void) {
    long n;
    pthread_mutex_lock(&seen_lock);
    n = handled;
    pthread_mutex_unlock(&seen_lock);
    return n;
}

static TP__UNUSED void on_update(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    record(u);
}

static TP__UNUSED void on_bad(tp_bot *bot, const char *raw, size_t len, const tp_error *why, void *user) {
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
static TP__UNUSED void count_retries(void *user, int level, const char *text) {
    (void)user;
    (void)level;
    if (strstr(text, "retrying")) {
        pthread_mutex_lock(&seen_lock);
        retries++;
        pthread_mutex_unlock(&seen_lock);
    }
}

static TP__UNUSED long env_n(void) {
    const char *s = getenv("TPT_SOAK_N");
    long n = s ? atol(s) : 2000;
    return n > 0 && n < MAXN ? n : 2000;
}

#endif /* MAXN */
#endif

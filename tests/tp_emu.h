/* tests/tp_emu.h - the emulator as a test fixture: starts build/tpemu on a free loopback port
   with the token TOKEN (define it before including), talks to its control API, stops it.
   Include after telepot.h (implementation) and tp_test.h. */
#ifndef TP_EMU_H
#define TP_EMU_H
#include <sys/wait.h>

static char emu_url[64];
static pid_t emu_pid;
static tp_http *ctl; /* the emulator's control API */

static void msleep(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static void start_emu(void) {
    char dir[] = "/tmp/tpt-emu.XXXXXX", portfile[64], port[16] = "";
    int i;
    FILE *f;
    tp_http_opts o;
    CHECK(mkdtemp(dir) != NULL);
    snprintf(portfile, sizeof portfile, "%s/port", dir);
    emu_pid = fork();
    if (emu_pid == 0) {
        execl("build/tpemu", "tpemu", "--port", "0", "--port-file", portfile, "--token", TOKEN,
              "--quiet", "--max-secs", "300", (char *)NULL);
        _exit(127);
    }
    for (i = 0; i < 200 && !port[0]; i++) {
        msleep(20);
        if ((f = fopen(portfile, "r")) != NULL) {
            if (!fgets(port, sizeof port, f)) port[0] = '\0';
            fclose(f);
        }
    }
    port[strcspn(port, "\r\n")] = '\0';
    CHECK(port[0] != '\0');
    unlink(portfile);
    rmdir(dir);
    snprintf(emu_url, sizeof emu_url, "http://127.0.0.1:%s", port);
    memset(&o, 0, sizeof o);
    o.url = emu_url;
    ctl = tp_http_new(&o, NULL);
}

static void stop_emu(void) {
    int status = 0;
    tp_http_free(ctl);
    kill(emu_pid, SIGTERM);
    waitpid(emu_pid, &status, 0);
}

/* A control request; returns the body (valid until the next one), NULL on failure. */
static const char *control(const char *method, const char *path, const char *body) {
    tp_http_req req;
    tp_http_resp resp;
    memset(&req, 0, sizeof req);
    req.method = method;
    req.path = path;
    req.body = body;
    req.body_len = body ? strlen(body) : 0;
    req.content_type = "text/plain";
    if (tp_http_request(ctl, &req, &resp, NULL) != TP_OK || resp.status != 200) return NULL;
    return resp.body;
}

/* A bot with token and API URL url, timeout_ms per call. */
static tp_bot *bot_at(const char *token, const char *url, int timeout_ms) {
    tp_bot_opts o;
    tp_error e;
    tp_bot *b;
    memset(&o, 0, sizeof o);
    o.token = token;
    o.api_url = url;
    o.timeout_ms = timeout_ms;
    b = tp_bot_new(&o, &e);
    CHECK(b != NULL);
    return b;
}

/* A bot pointed at the emulator, with a 5 s deadline per call. */
static tp_bot *new_bot(const char *token) {
    return bot_at(token, emu_url, 5000);
}

/* The same, trying each call once and giving every 429 to the caller: what a fault looks like
   as it came. */
static inline tp_bot *raw_bot(const char *token) {
    tp_bot_opts o;
    tp_error e;
    tp_bot *b;
    memset(&o, 0, sizeof o);
    o.token = token;
    o.api_url = emu_url;
    o.timeout_ms = 5000;
    o.no_retry = true;
    o.flood_wait_ms = TP_FLOOD_WAIT_NONE;
    b = tp_bot_new(&o, &e);
    CHECK(b != NULL);
    return b;
}
#endif

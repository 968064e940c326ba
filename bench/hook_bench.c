/* bench/hook_bench.c - the webhook receiver's throughput against tools/tpemu --webhook.

   Usage: hook_bench TPEMU N MODE     MODE echo: each update answered with sendMessage (tpemu
                                      checks every echo and exits when all N matched);
                                      MODE handle: the handler only counts (no reply).
   tpemu pushes N updates over 8 keep-alive connections to a tp_hook with 8 workers; the time
   runs from setWebhook to the last update handled (handle) or tpemu's exit (echo). Prints
   "hook<TAB>MODE<TAB>N<TAB>updates/s<TAB>handled<TAB>CPU µs/update" for bench/run.sh (the CPU
   of this process: receiver, workers and the bot's calls; tpemu excluded). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include <sys/resource.h>
#include <sys/wait.h>

static double cpu_s(void) { /* this process: the receiver, its workers, the bot */
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

static void msleep(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long handled;
static bool echo;

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    (void)user;
    if (echo && u->message && u->message->text)
        tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(u->message->chat->id),
                                                      .text = u->message->text }, NULL, NULL);
    pthread_mutex_lock(&lock);
    handled++;
    pthread_mutex_unlock(&lock);
}

int main(int argc, char **argv) {
    char dir[] = "/tmp/hook_bench.XXXXXX", portfile[64], port[16] = "", url[96], hook_url[96];
    long n, got = 0;
    pid_t emu;
    tp_bot *bot;
    tp_hook *h;
    tp_error err;
    int64_t t0, t1;
    double c0, c1;
    int i, st;
    FILE *f;
    if (argc != 4) {
        fprintf(stderr, "usage: hook_bench TPEMU N echo|handle\n");
        return 2;
    }
    n = atol(argv[2]);
    echo = strcmp(argv[3], "echo") == 0;
    if (!mkdtemp(dir)) return 1;
    snprintf(portfile, sizeof portfile, "%s/port", dir);
    emu = fork();
    if (emu == 0) {
        execl(argv[1], "tpemu", "--port", "0", "--port-file", portfile, "--updates", argv[2],
              "--webhook", "--quiet", "--max-secs", "120", (char *)NULL);
        _exit(127);
    }
    for (i = 0; i < 300 && !port[0]; i++) {
        msleep(20);
        if ((f = fopen(portfile, "r")) != NULL) {
            if (!fgets(port, sizeof port, f)) port[0] = '\0';
            fclose(f);
        }
    }
    unlink(portfile);
    rmdir(dir);
    port[strcspn(port, "\n")] = '\0';
    snprintf(url, sizeof url, "http://127.0.0.1:%s", port);
    bot = tp_bot_new(&(tp_bot_opts){ .token = "123456:TEST", .api_url = url }, &err);
    h = bot ? tp_hook_new(bot, handle, NULL, &(tp_hook_opts){ .workers = 8, .path = "/hook" }, &err) : NULL;
    if (!h) {
        fprintf(stderr, "hook_bench: %s\n", err.message);
        kill(emu, SIGKILL);
        return 1;
    }
    snprintf(hook_url, sizeof hook_url, "http://127.0.0.1:%d/hook", tp_hook_port(h));
    t0 = tp_now_ms();
    c0 = cpu_s();
    if (tp_set_webhook(bot, &(tp_set_webhook_args){ .url = hook_url, .max_connections = 8 }, NULL, &err)) {
        fprintf(stderr, "hook_bench: %s\n", err.message);
        kill(emu, SIGKILL);
        return 1;
    }
    if (echo) {
        waitpid(emu, &st, 0);
    } else {
        while (got < n && tp_now_ms() - t0 < 120000) {
            msleep(1);
            pthread_mutex_lock(&lock);
            got = handled;
            pthread_mutex_unlock(&lock);
        }
    }
    t1 = tp_now_ms();
    c1 = cpu_s();
    if (!echo) {
        kill(emu, SIGTERM);
        waitpid(emu, &st, 0);
    }
    tp_hook_free(h);
    tp_bot_free(bot);
    printf("hook\t%s\t%ld\t%.0f\t%ld\t%.2f\n", argv[3], n,
           (double)n * 1000.0 / (double)(t1 - t0 > 0 ? t1 - t0 : 1), handled,
           (c1 - c0) * 1e6 / (double)n);
    return handled == n ? 0 : 1;
}

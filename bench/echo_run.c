/* bench/echo_run.c - runs an echo bot against tools/tpemu and measures it.

   Usage: echo_run load TPEMU N SECS BOT [ARGS..]   tpemu --updates N; the bot answers them all.
                                                    Prints replies/s (wall time from the bot's
                                                    start to tpemu's exit), the bot's CPU
                                                    (user+sys from wait4) per update and its
                                                    peak RSS (VmHWM once tpemu exited; the
                                                    wait4 ru_maxrss if it was gone by then).
          echo_run idle TPEMU SECS BOT [ARGS..]     no updates: the bot sits in a long poll;
                                                    after SECS seconds prints its VmRSS/VmHWM.
   The bot gets TELEPOT_API_URL=http://127.0.0.1:PORT and TELEGRAM_BOT_TOKEN=123456:TEST in
   its environment (tpemu's default token). ECHO_RUN_TPEMU_ARGS adds options to tpemu's command
   line (split at spaces: "--latency 50 --chats 100"). Output: tab-separated records for
   bench/run.sh. */
#define _DEFAULT_SOURCE 1
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static pid_t spawn(char **argv, const char *out_path, char **env_add) {
    pid_t p = fork();
    if (p == 0) {
        if (out_path) {
            FILE *f = freopen(out_path, "w", stderr);
            (void)f;
        }
        for (; env_add && *env_add; env_add++) putenv(*env_add);
        execv(argv[0], argv);
        fprintf(stderr, "echo_run: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    return p;
}

/* Waits for pid at most secs; returns the status or -1 on timeout. */
static int wait_for(pid_t pid, double secs, struct rusage *ru) {
    double end = now_s() + secs;
    int st;
    for (;;) {
        pid_t r = wait4(pid, &st, WNOHANG, ru);
        if (r == pid) return st;
        if (now_s() > end) return -1;
        usleep(2000);
    }
}

static void status_field(pid_t pid, const char *name, char *out, size_t cap) {
    char path[64], line[256];
    FILE *f;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    snprintf(out, cap, "?");
    f = fopen(path, "r");
    if (!f) return;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, name, strlen(name)) == 0) {
            long kb = strtol(line + strlen(name) + 1, NULL, 10);
            snprintf(out, cap, "%ld", kb);
        }
    fclose(f);
}

int main(int argc, char **argv) {
    char dir[] = "/tmp/echo_run.XXXXXX", portfile[128], logfile[128], url[128], nbuf[32], sbuf[32];
    char env_url[160], env_tok[] = "TELEGRAM_BOT_TOKEN=123456:TEST", *env[3];
    char *emu_argv[44], *extra = NULL;
    int load, k = 0, port = 0;
    pid_t emu, bot;
    double t0, t1, wait_secs;
    struct rusage ru;
    FILE *f;
    if (argc < 5 || (strcmp(argv[1], "load") && strcmp(argv[1], "idle")) ||
        (strcmp(argv[1], "load") == 0 && argc < 6)) {
        fprintf(stderr, "usage: echo_run load TPEMU N SECS BOT [ARGS..] | idle TPEMU SECS BOT [ARGS..]\n");
        return 2;
    }
    load = strcmp(argv[1], "load") == 0;
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(portfile, sizeof portfile, "%s/port", dir);
    snprintf(logfile, sizeof logfile, "%s/tpemu.log", dir);
    emu_argv[k++] = argv[2];
    emu_argv[k++] = "--port-file";
    emu_argv[k++] = portfile;
    if (load) {
        snprintf(nbuf, sizeof nbuf, "%s", argv[3]);
        emu_argv[k++] = "--updates";
        emu_argv[k++] = nbuf;
    }
    wait_secs = atof(argv[load ? 4 : 3]);
    snprintf(sbuf, sizeof sbuf, "%d", (int)wait_secs + 30);
    emu_argv[k++] = "--max-secs";
    emu_argv[k++] = sbuf;
    if (getenv("ECHO_RUN_TPEMU_ARGS")) {
        extra = strdup(getenv("ECHO_RUN_TPEMU_ARGS"));
        for (char *t = strtok(extra, " "); t && k < 43; t = strtok(NULL, " ")) emu_argv[k++] = t;
    }
    emu_argv[k] = NULL;
    signal(SIGPIPE, SIG_IGN);
    emu = spawn(emu_argv, logfile, NULL);
    for (int i = 0; i < 500 && !port; i++) { /* up to 5 s for the port file */
        f = fopen(portfile, "r");
        if (f) {
            if (fscanf(f, "%d", &port) != 1) port = 0;
            fclose(f);
        }
        if (!port) usleep(10000);
    }
    if (!port) {
        fprintf(stderr, "echo_run: tpemu did not write its port file\n");
        kill(emu, SIGKILL);
        return 1;
    }
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    snprintf(env_url, sizeof env_url, "TELEPOT_API_URL=%s", url);
    env[0] = env_url;
    env[1] = env_tok;
    env[2] = NULL;
    t0 = now_s();
    bot = spawn(argv + (load ? 5 : 4), NULL, env);
    if (load) {
        int st = wait_for(emu, wait_secs, NULL), bst;
        char line[1024], summary[1024] = "", hwm[32];
        long matched = -1;
        t1 = now_s();
        status_field(bot, "VmHWM:", hwm, sizeof hwm); /* the bot is still alive: its peak */
        if (st == -1) {
            fprintf(stderr, "echo_run: tpemu still running after %.0f s; killed\n", wait_secs);
            kill(emu, SIGKILL);
            wait_for(emu, 5, NULL);
        }
        kill(bot, SIGTERM);
        bst = wait_for(bot, 5, &ru);
        if (bst == -1) {
            kill(bot, SIGKILL);
            bst = wait_for(bot, 5, &ru);
        }
        f = fopen(logfile, "r");
        while (f && fgets(line, sizeof line, f)) {
            char *m = strstr(line, "matched=");
            if (strncmp(line, "tpemu: updates=", 15) == 0) {
                line[strcspn(line, "\n")] = 0;
                snprintf(summary, sizeof summary, "%s", line);
                if (m) matched = strtol(m + 8, NULL, 10);
            }
        }
        if (f) fclose(f);
        if (hwm[0] == '?') /* it exited by itself: its peak from wait4 (kB on Linux) */
            snprintf(hwm, sizeof hwm, "%ld", (long)ru.ru_maxrss);
        {
            double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                         (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
            long n = matched > 0 ? matched : 0;
            /* bot, updates matched, seconds, replies/s, CPU us per update, tpemu's summary,
               the bot's VmHWM in kB */
            printf("echo\t%s\t%ld\t%.3f\t%.0f\t%.2f\t%s\t%s\n", argv[5], n, t1 - t0,
                   n ? (double)n / (t1 - t0) : 0.0, n ? cpu / (double)n * 1e6 : 0.0,
                   summary[0] ? summary : "(no tpemu summary line)", hwm);
        }
        (void)bst;
    } else {
        char rss[32], hwm[32];
        usleep((useconds_t)(wait_secs * 1e6));
        status_field(bot, "VmRSS:", rss, sizeof rss);
        status_field(bot, "VmHWM:", hwm, sizeof hwm);
        printf("idle\t%s\t%s\t%s\n", argv[4], rss, hwm);
        kill(bot, SIGTERM);
        if (wait_for(bot, 5, &ru) == -1) {
            kill(bot, SIGKILL);
            wait_for(bot, 5, &ru);
        }
        kill(emu, SIGTERM);
        if (wait_for(emu, 5, NULL) == -1) {
            kill(emu, SIGKILL);
            wait_for(emu, 5, NULL);
        }
    }
    unlink(portfile);
    unlink(logfile);
    rmdir(dir);
    free(extra);
    return 0;
}

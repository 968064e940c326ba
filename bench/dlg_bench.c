/* bench/dlg_bench.c - the delegator (tp_dlg, >>delegate in telepot.h): an echo bot on it with
   each producer (pool, a thread per delegate, a process per delegate), the memory a live
   delegate costs, and what a new delegate costs with each producer. bench/run.sh drives it
   (section "Delegator").

   Modes:
     dlg_bench echo W [PRODUCER]   a per-chat echo on the delegator: tp_dlg_run with
                                   tp_dlg_opts.workers = W and the bot's max_connections = W,
                                   one delegate per chat (tp_per_chat_id, 16 bytes of state, 10 s
                                   idle timeout) that answers each text with sendMessage, the
                                   same call as bench/echo_pool.c's handler. PRODUCER: pool
                                   (default), thread (64 KiB stacks) or fork (see
                                   set_producer). Reads TELEGRAM_BOT_TOKEN and TELEPOT_API_URL,
                                   like echo_pool, and runs until SIGINT/SIGTERM
                                   (bench/echo_run.c starts it against tpemu --updates).
     dlg_bench producer NAME       exit 0 when NAME is a producer this bench knows, else 1
     dlg_bench raw N ROUNDS        no server: (1) fork + waitpid of this small process (ROUNDS
                                   times), thread create + join with a 64 KiB stack (5 x
                                   ROUNDS times), the RSS of 1000 parked threads; (2) N
                                   delegates (distinct chat ids, state_size 16, on_message
                                   NULL, timeout 600 s: all stay live) made by feeding
                                   synthetic updates (tp_json_parse + tp_update_view) straight
                                   to tp_dlg_handler: the heap growth per delegate (mallinfo2:
                                   in use + mmapped), telepot's allocations per delegate
                                   (TELEPOT_MALLOC/REALLOC counted), RSS growth per delegate,
                                   time per new delegate and per update to a live one; (3)
                                   fork + waitpid again with those N delegates in the heap;
                                   (4) tp_dlg_free's time per delegate. Pool producer.
     dlg_bench open PRODUCER N [W] no server: N new delegates (the same synthetic updates and
                                   handler) with that producer. W = 0 (default): one at a
                                   time straight to tp_dlg_handler, which for the thread and
                                   fork producers returns once the delegate's thread (process)
                                   is done with the update: µs per new delegate (median, mean,
                                   max), then per update to a live one; the parent's RSS,
                                   heap and threads per live delegate; for fork the children's
                                   Pss and private memory (/proc/PID/smaps_rollup); then
                                   tp_dlg_free's time per delegate. W > 0: pushed to a tp_disp
                                   with W workers and drained: new delegates per second.
   Output of raw and open: tab-separated records, `raw KEY VALUE` and `open PRODUCER KEY
   VALUE`, for bench/run.sh.
   Exit status: 0 on success, 2 on bad usage, 1 on a failure.

   Build:  cc -std=c99 -O2 bench/dlg_bench.c -o dlg_bench -lpthread */
#define _GNU_SOURCE 1 /* mallinfo2, malloc_usable_size */

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>

/* telepot's allocations, counted only while `counting` is set: in raw mode, on the main thread
   while delegates are made (the scheduler's thread allocates nothing then: no timer fires). */
static int counting;
static long n_allocs;
static int64_t live_bytes;
static void *c_malloc(size_t n) {
    void *p = malloc(n);
    if (p && counting) {
        n_allocs++;
        live_bytes += (int64_t)malloc_usable_size(p);
    }
    return p;
}
static void *c_realloc(void *p, size_t n) {
    size_t old = p && counting ? malloc_usable_size(p) : 0;
    void *q = realloc(p, n);
    if (q && counting) {
        n_allocs++;
        live_bytes += (int64_t)malloc_usable_size(q) - (int64_t)old;
    }
    return q;
}
static void c_free(void *p) {
    if (p && counting) live_bytes -= (int64_t)malloc_usable_size(p);
    free(p);
}
#define TELEPOT_MALLOC(n) c_malloc(n)
#define TELEPOT_REALLOC(p, n) c_realloc(p, n)
#define TELEPOT_FREE(p) c_free(p)

#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec * 1e-3;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static long rss_kb(void) { /* resident set, kB, from /proc/self/statm */
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static size_t heap_bytes(void) { /* glibc's heap in use: arena chunks in use + mmapped chunks */
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

/* ---- echo: the delegator answering tpemu ------------------------------------------------ */

typedef struct echo_state {
    int64_t seen;  /* messages this delegate answered */
    int64_t spare; /* 16 bytes, the state size of the memory figure */
} echo_state;

static void echo_on_message(tp_delegate *d, const tp_update *u) {
    const tp_message *m = u->message;
    echo_state *s = (echo_state *)tp_delegate_state(d);
    if (m && m->text) {
        s->seen++;
        tp_send_message(tp_delegate_bot(d),
                        &(tp_send_message_args){ .chat_id = TP_CHAT(tp_delegate_chat_id(d)),
                                                 .text = m->text },
                        NULL, NULL);
    }
}

static const tp_handler echo_handler = {
    .state_size = sizeof(echo_state),
    .on_message = echo_on_message,
    .timeout_ms = 10000,
};

/* >>producer: the producer named on the command line. A thread delegate gets a 64 KiB stack
   (tp_dlg_opts.stack_size; the library's default is 256 KiB), the size the memory figures
   of `open thread` are given for. */
#define BENCH_STACK (64 * 1024)
static bool set_producer(tp_dlg_opts *o, const char *name) {
    if (!strcmp(name, "pool")) o->producer = TP_PRODUCER_POOL;
    else if (!strcmp(name, "thread")) o->producer = TP_PRODUCER_THREAD;
    else if (!strcmp(name, "fork")) o->producer = TP_PRODUCER_FORK;
    else return false;
    o->stack_size = BENCH_STACK;
    return true;
}

static int run_echo(int w, const char *producer) {
    const char *token = getenv("TELEGRAM_BOT_TOKEN");
    tp_dlg_opts opts = { .workers = w };
    tp_error err;
    tp_bot *bot;
    tp_err rc;
    tp_dlg_route routes[] = { TP_ROUTE(tp_per_chat_id(), &echo_handler), TP_DLG_END };
    if (!token || !*token) {
        fprintf(stderr, "dlg_bench: set TELEGRAM_BOT_TOKEN (and TELEPOT_API_URL)\n");
        return 2;
    }
    if (!set_producer(&opts, producer)) {
        fprintf(stderr, "dlg_bench: producer %s: pool, thread or fork\n", producer);
        return 2;
    }
    bot = tp_bot_new(&(tp_bot_opts){ .token = token, .max_connections = w, .log = tp_log_stderr,
                                     .log_user = "dlg_bench" },
                     &err);
    if (!bot) {
        fprintf(stderr, "dlg_bench: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot);
    rc = tp_dlg_run(bot, routes, &opts, &err);
    if (rc != TP_OK) fprintf(stderr, "dlg_bench: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

/* ---- raw: memory per live delegate, thread and fork costs ------------------------------- */

static void *thread_nop(void *arg) { return arg; }

/* Median µs of pthread_create (64 KiB stack) + pthread_join of a thread that returns at once. */
static double thread_cost_us(int rounds) {
    double *t = (double *)malloc((size_t)rounds * sizeof *t), med;
    pthread_attr_t at;
    int i;
    if (!t) return -1;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, 64 * 1024);
    for (i = 0; i < rounds; i++) {
        pthread_t th;
        double t0 = now_us();
        if (pthread_create(&th, &at, thread_nop, NULL) != 0) {
            rounds = i;
            break;
        }
        pthread_join(th, NULL);
        t[i] = now_us() - t0;
    }
    pthread_attr_destroy(&at);
    med = rounds > 0 ? median(t, rounds) : -1;
    free(t);
    return med;
}

/* RSS per thread parked on a condition (64 KiB stacks), kB: (RSS with n - RSS before) / n. */
static pthread_mutex_t park_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t park_cond = PTHREAD_COND_INITIALIZER;
static int park_go;
static void *thread_park(void *arg) {
    pthread_mutex_lock(&park_lock);
    while (!park_go) pthread_cond_wait(&park_cond, &park_lock);
    pthread_mutex_unlock(&park_lock);
    return arg;
}
static double thread_rss_kb(int n) {
    pthread_t *th = (pthread_t *)malloc((size_t)n * sizeof *th);
    pthread_attr_t at;
    long before = rss_kb(), after;
    int i, made = 0;
    if (!th) return -1;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, 64 * 1024);
    park_go = 0;
    for (i = 0; i < n; i++, made++)
        if (pthread_create(&th[i], &at, thread_park, NULL) != 0) break;
    usleep(100000); /* let them all reach the wait */
    after = rss_kb();
    pthread_mutex_lock(&park_lock);
    park_go = 1;
    pthread_cond_broadcast(&park_cond);
    pthread_mutex_unlock(&park_lock);
    for (i = 0; i < made; i++) pthread_join(th[i], NULL);
    pthread_attr_destroy(&at);
    free(th);
    return made ? (double)(after - before) / made : -1;
}

/* fork + waitpid of a child that _exits at once, ROUNDS times: prints the medians of the
   parent's fork() alone (what a fork producer pays on its thread per new delegate) and of
   fork + the child's exit + waitpid (the whole life of an empty child), µs. */
static void fork_cost(const char *key, int rounds) {
    double *f = (double *)malloc((size_t)rounds * sizeof *f);
    double *t = (double *)malloc((size_t)rounds * sizeof *t);
    int i;
    if (!f || !t) rounds = 0;
    fflush(NULL);
    for (i = 0; i < rounds; i++) {
        double t0 = now_us(), t1;
        pid_t p = fork();
        int st;
        if (p == 0) _exit(0);
        t1 = now_us();
        if (p < 0) {
            rounds = i;
            break;
        }
        waitpid(p, &st, 0);
        f[i] = t1 - t0;
        t[i] = now_us() - t0;
    }
    printf("raw\t%s_fork_us\t%.1f\n", key, rounds > 0 ? median(f, rounds) : -1);
    printf("raw\t%s_forkwait_us\t%.1f\n", key, rounds > 0 ? median(t, rounds) : -1);
    free(f);
    free(t);
}

static const tp_handler mem_handler = {
    .state_size = 16,
    .on_message = NULL,
    .timeout_ms = 600000, /* all stay live for the measurement */
};

/* Feeds tp_dlg_handler one synthetic text update of chat `chat`; adds the handler's µs. With
   count, telepot's allocations inside tp_dlg_handler are counted (not the parse's). */
static bool feed(tp_dlg *g, tp_bot *bot, int64_t update_id, int64_t chat, double *us, int count) {
    char js[256];
    int n = snprintf(js, sizeof js,
                     "{\"update_id\":%lld,\"message\":{\"message_id\":%lld,\"date\":1700000000,"
                     "\"chat\":{\"id\":%lld,\"type\":\"private\"},\"from\":{\"id\":%lld,"
                     "\"is_bot\":false,\"first_name\":\"u\"},\"text\":\"hi\"}}",
                     (long long)update_id, (long long)update_id, (long long)chat, (long long)chat);
    tp_error err;
    tp_json_doc *doc = tp_json_parse(js, (size_t)n, &err);
    const tp_update *u = doc ? tp_update_view(doc, tp_json_root(doc), &err) : NULL;
    double t0;
    if (!u) {
        fprintf(stderr, "dlg_bench: synthetic update: %s\n", err.message);
        tp_json_doc_free(doc);
        return false;
    }
    t0 = now_us();
    counting = count;
    tp_dlg_handler(bot, u, g);
    counting = 0;
    *us += now_us() - t0;
    tp_json_doc_free(doc);
    return true;
}

static int run_raw(long n, int rounds) {
    tp_error err;
    tp_bot *bot;
    tp_dlg *g;
    tp_dlg_route routes[] = { TP_ROUTE(tp_per_chat_id(), &mem_handler), TP_DLG_END };
    double new_us = 0, again_us = 0, warm_us = 0, t0, free_us;
    size_t heap0, heap1;
    long rss0, rss1, allocs, i;
    int64_t bytes;
    const int64_t base = 1000000000; /* chat ids base + i, all distinct */

    /* (1) the raw costs on a small process */
    printf("raw\tsmall_rss_kb\t%ld\n", rss_kb());
    fork_cost("small", rounds);
    printf("raw\tthread_us\t%.1f\n", thread_cost_us(rounds * 5));
    printf("raw\tthread_rss_kb\t%.1f\n", thread_rss_kb(1000));

    /* (2) n live delegates */
    bot = tp_bot_new(&(tp_bot_opts){ .token = "123456:TEST", .api_url = "http://127.0.0.1:9" },
                     &err);
    if (!bot) {
        fprintf(stderr, "dlg_bench: %s\n", err.message);
        return 1;
    }
    g = tp_dlg_new(bot, routes, NULL, &err);
    if (!g) {
        fprintf(stderr, "dlg_bench: %s\n", err.message);
        tp_bot_free(bot);
        return 1;
    }
    if (!feed(g, bot, 1, base - 1, &warm_us, 0)) return 1; /* warm: first delegate, arenas */
    malloc_trim(0);
    heap0 = heap_bytes();
    rss0 = rss_kb();
    for (i = 0; i < n; i++)
        if (!feed(g, bot, 2 + i, base + i, &new_us, 1)) return 1;
    heap1 = heap_bytes();
    rss1 = rss_kb();
    allocs = n_allocs;
    bytes = live_bytes;
    if ((long)tp_dlg_live(g) != n + 1) {
        fprintf(stderr, "dlg_bench: %zu delegates live, expected %ld\n", tp_dlg_live(g), n + 1);
        return 1;
    }
    for (i = 0; i < n; i++) /* a second update to each: the cost of routing to a live one */
        if (!feed(g, bot, 2 + n + i, base + i, &again_us, 0)) return 1;
    printf("raw\tdelegates\t%ld\n", n);
    printf("raw\tstate_size\t%zu\n", mem_handler.state_size);
    printf("raw\theap_per_delegate\t%.1f\n", (double)(heap1 - heap0) / (double)n);
    printf("raw\tusable_per_delegate\t%.1f\n", (double)bytes / (double)n);
    printf("raw\tallocs_per_delegate\t%.2f\n", (double)allocs / (double)n);
    printf("raw\trss_per_delegate\t%.1f\n", (double)(rss1 - rss0) * 1024.0 / (double)n);
    printf("raw\tsizeof_delegate\t%zu\n", sizeof(struct tp_delegate));
    printf("raw\tsizeof_timer_event\t%zu\n", sizeof(tp__tev));
    printf("raw\tnew_delegate_us\t%.3f\n", new_us / (double)n);
    printf("raw\tlive_delegate_us\t%.3f\n", again_us / (double)n);
    printf("raw\tsched_pending\t%zu\n", tp_sched_pending(g->sched));

    /* (3) fork with the delegates in the heap */
    fork_cost("heap", rounds);
    printf("raw\theap_rss_kb\t%ld\n", rss_kb());

    /* (4) shutdown */
    t0 = now_us();
    tp_dlg_free(g);
    free_us = now_us() - t0;
    printf("raw\tfree_delegate_us\t%.3f\n", free_us / (double)(n + 1));
    tp_bot_free(bot);
    return 0;
}

/* ---- open: what a new delegate costs with each producer --------------------------------- */

/* The update of `feed` as a document of its own (for a tp_disp, which frees it). */
static tp_json_doc *synth(int64_t update_id, int64_t chat, const tp_update **u) {
    char js[256];
    int n = snprintf(js, sizeof js,
                     "{\"update_id\":%lld,\"message\":{\"message_id\":%lld,\"date\":1700000000,"
                     "\"chat\":{\"id\":%lld,\"type\":\"private\"},\"from\":{\"id\":%lld,"
                     "\"is_bot\":false,\"first_name\":\"u\"},\"text\":\"hi\"}}",
                     (long long)update_id, (long long)update_id, (long long)chat, (long long)chat);
    tp_json_doc *doc = tp_json_parse(js, (size_t)n, NULL);
    *u = doc ? tp_update_view(doc, tp_json_root(doc), NULL) : NULL;
    if (!*u) {
        tp_json_doc_free(doc);
        return NULL;
    }
    return doc;
}

static int count_dir(const char *path) { /* entries of /proc/self/task */
    DIR *dir = opendir(path);
    struct dirent *e;
    int n = 0;
    if (!dir) return -1;
    while ((e = readdir(dir)) != NULL) n += e->d_name[0] != '.';
    closedir(dir);
    return n;
}

/* The children of `parent`: their count, and the sums of their Pss and private (clean +
   dirty) memory, kB, from /proc/PID/smaps_rollup. */
static int children_mem(pid_t parent, long *pss_kb, long *priv_kb) {
    DIR *dir = opendir("/proc");
    struct dirent *e;
    int n = 0;
    *pss_kb = *priv_kb = 0;
    if (!dir) return -1;
    while ((e = readdir(dir)) != NULL) {
        char path[300], buf[512], *p;
        long ppid = 0, v;
        FILE *f;
        if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        if (!(f = fopen(path, "r"))) continue;
        p = fgets(buf, sizeof buf, f) ? strrchr(buf, ')') : NULL;
        fclose(f);
        if (!p || sscanf(p + 2, "%*c %ld", &ppid) != 1 || ppid != (long)parent) continue;
        n++;
        snprintf(path, sizeof path, "/proc/%s/smaps_rollup", e->d_name);
        if (!(f = fopen(path, "r"))) continue;
        while (fgets(buf, sizeof buf, f)) {
            if (sscanf(buf, "Pss: %ld", &v) == 1) *pss_kb += v;
            else if (sscanf(buf, "Private_Clean: %ld", &v) == 1) *priv_kb += v;
            else if (sscanf(buf, "Private_Dirty: %ld", &v) == 1) *priv_kb += v;
        }
        fclose(f);
    }
    closedir(dir);
    return n;
}

/* N new delegates (distinct chats, one update each, on_message NULL, 600 s timeout) with
   PRODUCER. W = 0: fed one at a time straight to tp_dlg_handler from this thread, which for
   the thread and fork producers returns once the delegate's thread (process) is done with the
   update: each call is the whole cost of a new delegate (thread start and hand-off; fork
   through the fork server, the child's bot, the update there and back); then a second update
   to each (the hand-off alone), the memory per live delegate and tp_dlg_free's time. W > 0:
   pushed to a tp_disp with W workers and drained: new delegates per second with W feeders. */
static int run_open(const char *producer, long n, int w) {
    tp_error err;
    tp_bot *bot;
    tp_dlg *g;
    tp_dlg_opts o;
    tp_dlg_route routes[] = { TP_ROUTE(tp_per_chat_id(), &mem_handler), TP_DLG_END };
    double *t = (double *)malloc((size_t)n * sizeof *t), t0, sum = 0, tmax = 0, free_us;
    const int64_t base = 2000000000;
    long rss0, rss1, i;
    size_t heap0, heap1;
    int threads0, threads1;
    const char *p = producer;
    memset(&o, 0, sizeof o);
    if (!t || !set_producer(&o, producer)) {
        fprintf(stderr, "dlg_bench: producer pool, thread or fork\n");
        free(t);
        return 2;
    }
    bot = tp_bot_new(&(tp_bot_opts){ .token = "123456:TEST", .api_url = "http://127.0.0.1:9" },
                     &err);
    g = bot ? tp_dlg_new(bot, routes, &o, &err) : NULL;
    if (!g) {
        fprintf(stderr, "dlg_bench: %s\n", err.message);
        return 1;
    }
    t0 = 0;
    if (!feed(g, bot, 1, base - 1, &t0, 0)) return 1; /* warm: a first delegate */
    malloc_trim(0);
    heap0 = heap_bytes();
    rss0 = rss_kb();
    threads0 = count_dir("/proc/self/task");
    if (w == 0) {
        for (i = 0; i < n; i++) {
            double us = 0;
            if (!feed(g, bot, 2 + i, base + i, &us, 0)) return 1;
            t[i] = us;
            sum += us;
            if (us > tmax) tmax = us;
        }
        heap1 = heap_bytes();
        rss1 = rss_kb();
        threads1 = count_dir("/proc/self/task");
        printf("open\t%s\tdelegates\t%ld\n", p, n);
        printf("open\t%s\tnew_mean_us\t%.1f\n", p, sum / (double)n);
        printf("open\t%s\tnew_max_us\t%.1f\n", p, tmax);
        printf("open\t%s\tnew_median_us\t%.1f\n", p, median(t, (int)n));
        printf("open\t%s\trss_per_delegate_b\t%.0f\n", p, (double)(rss1 - rss0) * 1024.0 / (double)n);
        printf("open\t%s\theap_per_delegate_b\t%.0f\n", p, (double)(heap1 - heap0) / (double)n);
        printf("open\t%s\tthreads_per_delegate\t%.2f\n", p, (double)(threads1 - threads0) / (double)n);
        if (g->zfd >= 0) {
            long pss, priv;
            int kids = children_mem(g->zpid, &pss, &priv);
            printf("open\t%s\tprocesses\t%d\n", p, kids);
            if (kids > 0) {
                printf("open\t%s\tchild_pss_kb\t%.0f\n", p, (double)pss / kids);
                printf("open\t%s\tchild_private_kb\t%.0f\n", p, (double)priv / kids);
            }
        }
        for (i = 0; i < n; i++) { /* an update to each live delegate */
            double us = 0;
            if (!feed(g, bot, 2 + n + i, base + i, &us, 0)) return 1;
            t[i] = us;
        }
        printf("open\t%s\tlive_median_us\t%.1f\n", p, median(t, (int)n));
    } else {
        tp_disp *d = tp_disp_new(bot, tp_dlg_handler, g,
                                 &(tp_disp_opts){ .workers = w, .queue_size = 4 }, &err);
        if (!d) {
            fprintf(stderr, "dlg_bench: %s\n", err.message);
            return 1;
        }
        t0 = now_us();
        for (i = 0; i < n; i++) {
            const tp_update *u;
            tp_json_doc *doc = synth(2 + i, base + i, &u);
            if (!doc || tp_disp_push(d, u, doc) != TP_OK) return 1;
        }
        tp_disp_drain(d);
        sum = now_us() - t0;
        tp_disp_free(d);
        printf("open\t%s\tdisp%d_new_per_s\t%.0f\n", p, w, (double)n * 1e6 / sum);
        printf("open\t%s\tdisp%d_live\t%zu\n", p, w, tp_dlg_live(g));
    }
    t0 = now_us();
    tp_dlg_free(g);
    free_us = now_us() - t0;
    printf("open\t%s\t%sfree_us\t%.1f\n", p, w ? "disp_" : "", free_us / (double)(n + 1));
    tp_bot_free(bot);
    free(t);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 3 && !strcmp(argv[1], "echo")) {
        int w = atoi(argv[2]);
        if (w < 1 || w > 1024) {
            fprintf(stderr, "dlg_bench: workers 1..1024\n");
            return 2;
        }
        return run_echo(w, argc > 3 ? argv[3] : "pool");
    }
    if (argc == 3 && !strcmp(argv[1], "producer")) {
        tp_dlg_opts o = { .workers = 1 };
        return set_producer(&o, argv[2]) ? 0 : 1;
    }
    if (argc >= 4 && !strcmp(argv[1], "open")) {
        long n = atol(argv[3]);
        int w = argc > 4 ? atoi(argv[4]) : 0;
        if (n < 1 || n > 1000000 || w < 0 || w > 1024) {
            fprintf(stderr, "dlg_bench: open PRODUCER N (1..10^6) [W (0..1024)]\n");
            return 2;
        }
        return run_open(argv[2], n, w);
    }
    if (argc >= 4 && !strcmp(argv[1], "raw")) {
        long n = atol(argv[2]);
        int rounds = atoi(argv[3]);
        if (n < 1 || n > 10000000 || rounds < 1 || rounds > 100000) {
            fprintf(stderr, "dlg_bench: raw N (1..10^7) ROUNDS (1..10^5)\n");
            return 2;
        }
        return run_raw(n, rounds);
    }
    fprintf(stderr, "usage: TELEGRAM_BOT_TOKEN=T %s echo WORKERS [pool|thread|fork]\n"
                    "       %s producer NAME\n"
                    "       %s raw N ROUNDS\n"
                    "       %s open pool|thread|fork N [W]\n",
            argv[0], argv[0], argv[0], argv[0]);
    return 2;
}

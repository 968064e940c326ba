/* bench/json_bench.c - telepot.h's JSON reader against cJSON, jansson and json-c.

   Every library does the same job per document: parse the whole text into its DOM, walk
   result[*] reading update_id, message.chat.id and message.text (length), free the DOM.

   Modes (bench/run.sh drives them; output is tab-separated records for it to format):
     json_bench check DIR           walk checksums of every library against DIR/expect.txt,
                                    and the int64 round trip of 9007199254740993
     json_bench speed FILE[,FILE..] ROUNDS MINSECS [LIB,LIB..]
                                    MB/s per file and library: ROUNDS rounds, files and
                                    libraries interleaved, each repeating the document for at
                                    least MINSECS; per-round ratios of each file to the first
     json_bench work LIB FILE ITERS parse+walk ITERS times inside jb_work() (for callgrind
                                    --toggle-collect=jb_work: instructions per byte)
     json_mem mem FILE              (the -DJB_MEM build) peak heap and allocation calls while
                                    one document is parsed and walked

   Memory accounting (-DJB_MEM): telepot.h through TELEPOT_MALLOC/REALLOC/FREE, cJSON through
   cJSON_InitHooks, jansson through json_set_alloc_funcs, json-c (no hooks) through a malloc
   interposer defined in this program. All count malloc_usable_size() bytes, so allocator
   rounding is included alike; "allocs" counts malloc/calloc/realloc calls. */
#define _GNU_SOURCE 1

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>

#ifdef JB_MEM
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static int64_t m_live, m_peak;
static long m_calls;
static void m_add(void *p, size_t old) {
    m_live += (int64_t)malloc_usable_size(p) - (int64_t)old;
    if (m_live > m_peak) m_peak = m_live;
    m_calls++;
}
static void *c_malloc(size_t n) {
    void *p = __libc_malloc(n);
    if (p) m_add(p, 0);
    return p;
}
static void *c_realloc(void *p, size_t n) {
    size_t old = p ? malloc_usable_size(p) : 0;
    void *q = __libc_realloc(p, n);
    if (q) m_add(q, old);
    return q;
}
static void c_free(void *p) {
    if (p) m_live -= (int64_t)malloc_usable_size(p);
    __libc_free(p);
}
/* The interposer, for json-c: counts only while m_interpose is set. */
static int m_interpose;
void *malloc(size_t n) { return m_interpose ? c_malloc(n) : __libc_malloc(n); }
void *realloc(void *p, size_t n) { return m_interpose ? c_realloc(p, n) : __libc_realloc(p, n); }
void free(void *p) {
    if (m_interpose) c_free(p);
    else __libc_free(p);
}
void *calloc(size_t a, size_t b) {
    void *p = __libc_calloc(a, b);
    if (p && m_interpose) m_add(p, 0);
    return p;
}
#define TELEPOT_MALLOC(n) c_malloc(n)
#define TELEPOT_REALLOC(p, n) c_realloc(p, n)
#define TELEPOT_FREE(p) c_free(p)
#endif

#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <cjson/cJSON.h>
#include <jansson.h> /* json-c's names clash with jansson's: its code is in jb_jsonc.c */
#include "json_bench.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

enum { L_OURS, L_CJSON, L_JANSSON, L_JSONC, L_N };
static const char *const lib_name[L_N] = {"telepot", "cJSON", "jansson", "json-c"};


/* ---- one document, one library: parse, walk, free ---------------------------------------- */
static void run_ours(const char *buf, size_t n, sums *s) {
    tp_json_doc *doc = tp_json_parse(buf, n, NULL);
    const tp_json *res = tp_json_get(tp_json_root(doc), "result"), *u;
    s->ok = doc != NULL;
    for (u = tp_json_first(res); u; u = tp_json_next(u)) {
        const tp_json *m = tp_json_get(u, "message"), *t;
        s->updates++;
        s->ids += (uint64_t)tp_json_get_int(u, "update_id");
        if (!m) continue;
        s->messages++;
        s->chats += (uint64_t)tp_json_get_int(tp_json_get(m, "chat"), "id");
        if ((t = tp_json_get(m, "text")) != NULL && tp_json_str(t)) {
            s->texts++;
            s->textbytes += tp_json_size(t);
        }
    }
    tp_json_doc_free(doc);
}

static void run_cjson(const char *buf, size_t n, sums *s) {
    cJSON *root = cJSON_ParseWithLength(buf, n), *u;
    cJSON *res = cJSON_GetObjectItemCaseSensitive(root, "result");
    s->ok = root != NULL;
    cJSON_ArrayForEach(u, res) {
        cJSON *m = cJSON_GetObjectItemCaseSensitive(u, "message"), *c, *t;
        s->updates++;
        s->ids += (uint64_t)(int64_t)cJSON_GetObjectItemCaseSensitive(u, "update_id")->valuedouble;
        if (!m) continue;
        s->messages++;
        c = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(m, "chat"), "id");
        if (c) s->chats += (uint64_t)(int64_t)c->valuedouble; /* cJSON keeps numbers as double */
        t = cJSON_GetObjectItemCaseSensitive(m, "text");
        if (cJSON_IsString(t)) {
            s->texts++;
            s->textbytes += strlen(t->valuestring);
        }
    }
    cJSON_Delete(root);
}

static void run_jansson(const char *buf, size_t n, sums *s) {
    json_error_t e;
    json_t *root = json_loadb(buf, n, 0, &e);
    json_t *res = json_object_get(root, "result");
    size_t i, k = json_array_size(res);
    s->ok = root != NULL;
    for (i = 0; i < k; i++) {
        json_t *u = json_array_get(res, i), *m = json_object_get(u, "message"), *t;
        s->updates++;
        s->ids += (uint64_t)json_integer_value(json_object_get(u, "update_id"));
        if (!m) continue;
        s->messages++;
        s->chats += (uint64_t)json_integer_value(json_object_get(json_object_get(m, "chat"), "id"));
        t = json_object_get(m, "text");
        if (json_is_string(t)) {
            s->texts++;
            s->textbytes += json_string_length(t);
        }
    }
    json_decref(root);
}

static void run_lib(int lib, const char *buf, size_t n, sums *s) {
    switch (lib) {
    case L_OURS: run_ours(buf, n, s); break;
    case L_CJSON: run_cjson(buf, n, s); break;
    case L_JANSSON: run_jansson(buf, n, s); break;
    default: jb_jsonc_run(buf, n, s); break;
    }
}

/* ---- helpers ------------------------------------------------------------------------------ */
static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    char *p;
    long len;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        perror(path);
        exit(1);
    }
    p = (char *)malloc((size_t)len + 1);
    if (!p || fread(p, 1, (size_t)len, f) != (size_t)len) {
        perror(path);
        exit(1);
    }
    p[len] = 0;
    fclose(f);
    *n = (size_t)len;
    return p;
}

/* The thread's CPU time, not the wall clock: on a shared machine the time this process spends
   descheduled is not the parser's (cache pollution by neighbours still shows). */
static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int lib_of(const char *name) {
    int i;
    for (i = 0; i < L_N; i++)
        if (strcmp(name, lib_name[i]) == 0) return i;
    fprintf(stderr, "json_bench: unknown library %s\n", name);
    exit(2);
}

static void init_libs(void) {
#ifdef JB_MEM
    cJSON_Hooks hooks = {c_malloc, c_free};
    cJSON_InitHooks(&hooks);
    json_set_alloc_funcs(c_malloc, c_free);
#endif
    jb_jsonc_init();
}

/* ---- check: checksums and int64 ------------------------------------------------------------ */
static const char *int64_roundtrip(int lib, char *detail, size_t cap) {
    static const char text[] = "{\"id\":9007199254740993}";
    const int64_t want = 9007199254740993LL;
    int64_t got = 0;
    char *out = NULL;
    bool text_ok = false;
    switch (lib) {
    case L_OURS: {
        tp_json_doc *d = tp_json_parse(text, sizeof text - 1, NULL);
        tp_buf b;
        tp_buf_init(&b);
        got = tp_json_get_int(tp_json_root(d), "id");
        tp_json_write(&b, tp_json_root(d));
        text_ok = b.ptr && strstr(b.ptr, "9007199254740993");
        tp_buf_deinit(&b);
        tp_json_doc_free(d);
        break;
    }
    case L_CJSON: {
        cJSON *r = cJSON_Parse(text);
        got = (int64_t)cJSON_GetObjectItemCaseSensitive(r, "id")->valuedouble;
        out = cJSON_PrintUnformatted(r);
        text_ok = out && strstr(out, "9007199254740993");
        cJSON_free(out);
        cJSON_Delete(r);
        break;
    }
    case L_JANSSON: {
        json_t *r = json_loads(text, 0, NULL);
        got = (int64_t)json_integer_value(json_object_get(r, "id"));
        out = json_dumps(r, JSON_COMPACT);
        text_ok = out && strstr(out, "9007199254740993");
        free(out);
        json_decref(r);
        break;
    }
    default:
        got = jb_jsonc_int64(text, &text_ok);
        break;
    }
    snprintf(detail, cap, "reads %" PRId64 ", writes %s", got, text_ok ? "it back exactly" : "a different number");
    return got == want && text_ok ? "yes" : "no";
}

static int cmd_check(const char *dir) {
    char path[4096], name[256];
    unsigned long long e[6];
    FILE *f;
    int lib, bad = 0;
    snprintf(path, sizeof path, "%s/expect.txt", dir);
    f = fopen(path, "r");
    if (!f) { perror(path); return 1; }
    while (fscanf(f, "%255s %llu %llu %llu %llu %llu %llu", name, &e[0], &e[1], &e[2], &e[3], &e[4], &e[5]) == 7) {
        size_t n;
        char *buf;
        snprintf(path, sizeof path, "%s/%s", dir, name);
        buf = slurp(path, &n);
        for (lib = 0; lib < L_N; lib++) {
            sums s = {0};
            char what[256] = "";
            run_lib(lib, buf, n, &s);
            if (!s.ok) snprintf(what, sizeof what, "parse failed");
            else if (s.updates != e[0] || s.messages != e[1] || s.texts != e[2] || s.ids != e[3] ||
                     s.textbytes != e[5])
                snprintf(what, sizeof what, "walk mismatch");
            else if (s.chats != e[4])
                snprintf(what, sizeof what, "chat ids differ (ids above 2^53 rounded)");
            else
                snprintf(what, sizeof what, "ok");
            if (!s.ok || strncmp(what, "walk", 4) == 0) bad = 1;
            printf("check\t%s\t%s\t%s\n", name, lib_name[lib], what);
        }
        free(buf);
    }
    fclose(f);
    for (lib = 0; lib < L_N; lib++) {
        char detail[128];
        const char *r = int64_roundtrip(lib, detail, sizeof detail);
        printf("int64\t%s\t%s\t%s\n", lib_name[lib], r, detail);
    }
    return bad;
}

/* ---- speed ---------------------------------------------------------------------------------- */
/* files: one path or several separated by commas; rounds interleave files and libraries, so
   the ratio of two files' speeds is taken per round (paired), then the median. */
static int cmd_speed(const char *files, int rounds, double minsecs, const char *only) {
    enum { F_MAX = 4 };
    char *names[F_MAX], *bufs[F_MAX], *list = strdup(files), *tok, *save = NULL;
    size_t lens[F_MAX];
    double mbps[F_MAX][L_N][64];
    int nf = 0, f, lib, r;
    bool use[L_N];
    if (rounds > 64) rounds = 64;
    if (rounds < 1) rounds = 1;
    for (tok = strtok_r(list, ",", &save); tok && nf < F_MAX; tok = strtok_r(NULL, ",", &save)) {
        names[nf] = tok;
        bufs[nf] = slurp(tok, &lens[nf]);
        nf++;
    }
    for (lib = 0; lib < L_N; lib++) use[lib] = !only || strstr(only, lib_name[lib]) != NULL;
    for (f = 0; f < nf; f++) /* warm up: first-touch page faults, lazy library state */
        for (lib = 0; lib < L_N; lib++) {
            sums s = {0};
            if (use[lib]) run_lib(lib, bufs[f], lens[f], &s);
        }
    for (r = 0; r < rounds; r++)
        for (f = 0; f < nf; f++)
            for (lib = 0; lib < L_N; lib++) { /* a round repeats the document for >= minsecs */
                double t0, dt;
                long k = 0;
                if (!use[lib]) continue;
                t0 = now_s();
                do {
                    sums s = {0};
                    run_lib(lib, bufs[f], lens[f], &s);
                    k++;
                    dt = now_s() - t0;
                } while (dt < minsecs);
                mbps[f][lib][r] = (double)lens[f] * (double)k / dt / 1e6;
            }
    for (f = 0; f < nf; f++)
        for (lib = 0; lib < L_N; lib++) {
            double sorted[64];
            if (!use[lib]) continue;
            memcpy(sorted, mbps[f][lib], sizeof(double) * (size_t)rounds);
            qsort(sorted, (size_t)rounds, sizeof(double), cmp_d);
            /* speed, file, library, median MB/s, rounds */
            printf("speed\t%s\t%s\t%.1f\t", names[f], lib_name[lib], sorted[rounds / 2]);
            for (r = 0; r < rounds; r++) printf("%s%.0f", r ? "," : "", mbps[f][lib][r]);
            printf("\n");
        }
    for (f = 1; f < nf; f++)
        for (lib = 0; lib < L_N; lib++) {
            double q[64];
            if (!use[lib]) continue;
            for (r = 0; r < rounds; r++) q[r] = mbps[f][lib][r] / mbps[0][lib][r];
            qsort(q, (size_t)rounds, sizeof(double), cmp_d);
            /* paired, file, first file, library, median of per-round ratios */
            printf("paired\t%s\t%s\t%s\t%.2f\n", names[f], names[0], lib_name[lib], q[rounds / 2]);
        }
    for (f = 0; f < nf; f++) free(bufs[f]);
    free(list);
    return 0;
}

/* ---- work (callgrind) ----------------------------------------------------------------------- */
__attribute__((noinline)) void jb_work(int lib, const char *buf, size_t n, long iters, sums *s) {
    long k;
    for (k = 0; k < iters; k++) run_lib(lib, buf, n, s);
}

static int cmd_work(const char *libname, const char *file, long iters) {
    size_t n;
    char *buf = slurp(file, &n);
    sums s = {0};
    jb_work(lib_of(libname), buf, n, iters, &s);
    printf("work\t%s\t%s\t%zu\t%ld\t%llu\n", libname, file, n, iters, (unsigned long long)s.updates);
    free(buf);
    return 0;
}

/* ---- mem ------------------------------------------------------------------------------------ */
static int cmd_mem(const char *file) {
#ifdef JB_MEM
    size_t n;
    char *buf = slurp(file, &n);
    int lib, k;
    for (lib = 0; lib < L_N; lib++) {
        sums s = {0};
        run_lib(lib, buf, n, &s); /* warm: lazily allocated library state stays out */
        for (k = 0; k < 2; k++) { /* the second, warm measurement is reported */
            sums t = {0};
            m_live = m_peak = 0;
            m_calls = 0;
            if (lib == L_JSONC) m_interpose = 1;
            run_lib(lib, buf, n, &t);
            m_interpose = 0;
        }
        printf("mem\t%s\t%s\t%zu\t%lld\t%ld\n", file, lib_name[lib], n, (long long)m_peak, m_calls);
    }
    free(buf);
    return 0;
#else
    (void)file;
    fprintf(stderr, "json_bench: mem needs the -DJB_MEM build (json_mem)\n");
    return 2;
#endif
}

int main(int argc, char **argv) {
    init_libs();
    if (argc == 3 && strcmp(argv[1], "check") == 0) return cmd_check(argv[2]);
    if ((argc == 5 || argc == 6) && strcmp(argv[1], "speed") == 0)
        return cmd_speed(argv[2], atoi(argv[3]), atof(argv[4]), argc == 6 ? argv[5] : NULL);
    if (argc == 5 && strcmp(argv[1], "work") == 0) return cmd_work(argv[2], argv[3], atol(argv[4]));
    if (argc == 3 && strcmp(argv[1], "mem") == 0) return cmd_mem(argv[2]);
    fprintf(stderr, "usage: json_bench check DIR | speed FILE ROUNDS MINSECS [LIBS] | work LIB FILE ITERS\n"
                    "       json_mem mem FILE\n");
    return 2;
}

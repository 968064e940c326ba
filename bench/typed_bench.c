/* bench/typed_bench.c - what the typed views cost on top of the DOM: parses a getUpdates
   answer (default build/bench/updates100.json from bench/gen_docs.c) with tp_json_parse alone,
   and with tp_json_parse + tp_update_view for every update; prints the median of ROUNDS
   rounds of each (CPU time, interleaved) and their ratio.
       cc -std=c99 -O2 bench/typed_bench.c -o build/bench/typed_bench -lpthread
       build/bench/typed_bench [FILE] [ROUNDS] */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include <stdio.h>
#include <stdlib.h>

static double cpu_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Parses n times; typed: also views every update. Returns seconds per parse. */
static double run(const char *buf, size_t len, long n, bool typed, long *views) {
    double t0 = cpu_s();
    long k;
    for (k = 0; k < n; k++) {
        tp_json_doc *d = tp_json_parse(buf, len, NULL);
        if (typed) {
            const tp_json *u;
            for (u = tp_json_first(tp_result(d)); u; u = tp_json_next(u))
                if (tp_update_view(d, u, NULL)) (*views)++;
        }
        tp_json_doc_free(d);
    }
    return (cpu_s() - t0) / (double)n;
}

int main(int argc, char **argv) {
    const char *file = argc > 1 ? argv[1] : "build/bench/updates100.json";
    int rounds = argc > 2 ? atoi(argv[2]) : 9, r;
    double dom[64], typed[64], ratio[64];
    long views = 0, n = 2000;
    size_t len;
    char *buf;
    FILE *f = fopen(file, "rb");
    if (!f) {
        fprintf(stderr, "typed_bench: cannot open %s (run build/bench/gen_docs build/bench)\n", file);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = (char *)malloc(len);
    if (!buf || fread(buf, 1, len, f) != len) return 2;
    fclose(f);
    if (rounds < 1 || rounds > 64) rounds = 9;
    run(buf, len, 200, true, &views); /* warm up */
    for (r = 0; r < rounds; r++) {
        dom[r] = run(buf, len, n, false, &views);
        typed[r] = run(buf, len, n, true, &views);
        ratio[r] = typed[r] / dom[r];
    }
    qsort(dom, (size_t)rounds, sizeof dom[0], cmp_d);
    qsort(typed, (size_t)rounds, sizeof typed[0], cmp_d);
    qsort(ratio, (size_t)rounds, sizeof ratio[0], cmp_d);
    printf("| document | bytes | DOM parse | DOM + typed views | ratio |\n|---|---|---|---|---|\n");
    printf("| %s | %zu | %.1f us | %.1f us | %.2fx |\n", file, len, dom[rounds / 2] * 1e6,
           typed[rounds / 2] * 1e6, ratio[rounds / 2]);
    free(buf);
    return views > 0 ? 0 : 1;
}

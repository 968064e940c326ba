/* bench/json_bench.h - what json_bench.c and jb_jsonc.c share (json-c cannot share a
   translation unit with jansson: both define json_object and json_type). */
#ifndef JSON_BENCH_H
#define JSON_BENCH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sums {
    uint64_t updates, messages, texts, ids, chats, textbytes;
    int ok; /* parse succeeded */
} sums;

void jb_jsonc_init(void);
void jb_jsonc_run(const char *buf, size_t n, sums *s);
int64_t jb_jsonc_int64(const char *text, bool *text_ok);
#endif

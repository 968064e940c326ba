/* bench/gen_docs.c - writes the JSON test documents of the benchmarks (deterministic).

   Usage: gen_docs OUTDIR      writes OUTDIR/updates100.json  a getUpdates answer, 100 updates
                                      OUTDIR/big.json         the same shape, >= 10 MB
                                      OUTDIR/expect.txt       checksums of the walk, per file

   The updates look like Telegram's: non-ASCII escaped as \uXXXX the way Telegram's servers send
   it (emoji as surrogate pairs), "\/" in URLs, user and chat ids above 2^53, supergroup ids like
   -100xxxxxxxxxx, nested from/chat objects, entities arrays, photo messages with a caption
   instead of text, some edited_message and callback_query updates (no `message`).
   A fixed xorshift generator makes every run produce the same bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n) { /* 0..n-1 */
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)((rng >> 11) % n);
}

typedef struct out {
    char *p;
    size_t len, cap;
} out;
static void put(out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->p = realloc(o->p, o->cap);
        if (!o->p) { perror("gen_docs"); exit(1); }
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = 0;
}
static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }
static void putf(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void putf(out *o, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(o, tmp, (size_t)n);
}

/* Walk checksums, computed the way the benchmark walks: for every update with a `message`,
   update_id, message.chat.id and the byte length of message.text once unescaped (UTF-8). */
typedef struct sums {
    uint64_t ids, chats, textbytes, texts, updates, messages;
} sums;

/* Strings: pieces are either ASCII or one escaped code point; utf8 counts unescaped bytes. */
static const char *const words[] = {"hello", "world", "bot", "test", "ok", "see", "the",
                                    "link", "price", "today", "meet", "at", "noon", "thanks"};
static const struct { const char *esc; int utf8; } nonascii[] = {
    {"\\u0410\\u043b\\u0438\\u0441\\u0430", 10}, /* Алиса */
    {"\\u00e9t\\u00e9", 5},                      /* été */
    {"\\u4f60\\u597d", 6},                       /* 你好 */
    {"\\ud83d\\ude00", 4},                       /* 😀 */
    {"\\ud83d\\udc4d", 4},                       /* 👍 */
    {"\\u2014", 3},                              /* — */
    {"Z\\u00fcrich", 7},                         /* Zürich */
    {"\\ud83c\\udf89\\ud83c\\udf89", 8},         /* 🎉🎉 */
    {"\\\"quoted\\\"", 8},                       /* "quoted" */
    {"line\\nbreak", 10},                        /* line\nbreak */
};

/* Appends a text value (without quotes); returns its unescaped byte length. */
static size_t text_value(out *o, int words_n, int with_url) {
    size_t bytes = 0;
    for (int i = 0; i < words_n; i++) {
        if (i) { puts_(o, " "); bytes++; }
        if (rnd(4) == 0) {
            int k = (int)rnd(sizeof nonascii / sizeof nonascii[0]);
            puts_(o, nonascii[k].esc);
            bytes += (size_t)nonascii[k].utf8;
        } else {
            const char *w = words[rnd(sizeof words / sizeof words[0])];
            puts_(o, w);
            bytes += strlen(w);
        }
    }
    if (with_url) {
        char u[96];
        int n = snprintf(u, sizeof u, " https:\\/\\/example.com\\/p\\/%u?id=%u", rnd(100000), rnd(1000));
        puts_(o, u);
        bytes += (size_t)n - 4; /* four "\/" become "/" */
    }
    return bytes;
}

static const char *const firsts[] = {"\\u0410\\u043b\\u0438\\u0441\\u0430", "Bob", "Jos\\u00e9",
                                     "\\u674e\\u96f7", "\\u00d8rjan", "Mary", "Zo\\u00eb"};

static void user_obj(out *o, int64_t id, int bot) {
    putf(o, "{\"id\":%lld,\"is_bot\":%s,\"first_name\":\"%s\"", (long long)id, bot ? "true" : "false",
         firsts[rnd(7)]);
    if (rnd(2)) putf(o, ",\"last_name\":\"Sm\\u00edth \\ud83d\\ude42\"");
    putf(o, ",\"username\":\"user_%lld\",\"language_code\":\"%s\"}", (long long)(id % 1000000),
         rnd(2) ? "en" : "ru");
}

static void update(out *o, sums *s, int64_t uid, int i) {
    int kind = (int)rnd(100);
    int64_t user = rnd(3) == 0 ? 9007199254740993LL + 2 * (int64_t)rnd(1000)  /* > 2^53 */
                                : 100000000 + (int64_t)rnd(900000000);
    int group = rnd(4) == 0;
    int64_t chat = group ? -1001000000000LL - (int64_t)rnd(1000000) : user;
    s->updates++;
    s->ids += (uint64_t)uid;
    putf(o, "{\"update_id\":%lld,", (long long)uid);
    if (kind < 4) { /* callback_query: no message */
        putf(o, "\"callback_query\":{\"id\":\"%llu\",\"from\":", (unsigned long long)rng % 10000000000000ull);
        user_obj(o, user, 0);
        putf(o, ",\"chat_instance\":\"-%u\",\"data\":\"btn:%u\"}}", rnd(1000000000), rnd(100));
        return;
    }
    puts_(o, kind < 8 ? "\"edited_message\":{" : "\"message\":{");
    putf(o, "\"message_id\":%d,\"from\":", 1000 + i);
    user_obj(o, user, 0);
    if (group)
        putf(o, ",\"chat\":{\"id\":%lld,\"title\":\"Group \\u2713 %u\",\"type\":\"supergroup\"}",
             (long long)chat, rnd(1000));
    else
        putf(o, ",\"chat\":{\"id\":%lld,\"first_name\":\"%s\",\"username\":\"user_%lld\",\"type\":\"private\"}",
             (long long)chat, firsts[rnd(7)], (long long)(chat % 1000000));
    putf(o, ",\"date\":%u", 1700000000u + rnd(10000000));
    if (kind < 8) putf(o, ",\"edit_date\":%u", 1710000000u + rnd(10000));
    if (kind >= 8) {
        s->messages++;
        s->chats += (uint64_t)chat;
    }
    if (kind < 20) { /* a photo with a caption */
        puts_(o, ",\"photo\":[");
        for (int k = 0; k < 3; k++) {
            char fid[80];
            for (int j = 0; j < 60; j++) fid[j] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[rnd(64)];
            fid[60] = 0;
            putf(o, "%s{\"file_id\":\"AgACAgIAAxkBAAI%s\",\"file_unique_id\":\"AQAD%.12s\",\"file_size\":%u,\"width\":%d,\"height\":%d}",
                 k ? "," : "", fid, fid + 20, 1000 + rnd(200000), 90 << k, 67 << k);
        }
        puts_(o, "],\"caption\":\"");
        text_value(o, 3 + (int)rnd(8), rnd(2));
        puts_(o, "\"");
    } else {
        int url = rnd(3) == 0, cmd = rnd(5) == 0;
        size_t n;
        puts_(o, ",\"text\":\"");
        if (cmd) puts_(o, "\\/start ");
        n = text_value(o, 2 + (int)rnd(14), url) + (cmd ? 7 : 0);
        puts_(o, "\"");
        if (kind >= 8) {
            s->texts++;
            s->textbytes += n;
        }
        if (url || cmd) {
            puts_(o, ",\"entities\":[");
            if (cmd) puts_(o, "{\"offset\":0,\"length\":6,\"type\":\"bot_command\"}");
            if (url) putf(o, "%s{\"offset\":%u,\"length\":%u,\"type\":\"url\"}", cmd ? "," : "", rnd(60), 30 + rnd(10));
            puts_(o, "]");
        }
    }
    if (rnd(10) == 0) puts_(o, ",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"\\ud83d\\udc4d Yes\",\"callback_data\":\"y\"},{\"text\":\"No\",\"url\":\"https:\\/\\/t.me\\/x\"}]]}");
    puts_(o, "}}");
}

static void doc(out *o, sums *s, int n_updates, size_t min_bytes) {
    int64_t uid = 734000000;
    puts_(o, "{\"ok\":true,\"result\":[");
    for (int i = 0; i < n_updates || o->len < min_bytes; i++) {
        if (i) puts_(o, ",");
        update(o, s, uid++, i);
    }
    puts_(o, "]}");
}

static void save(const char *dir, const char *name, const out *o) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(o->p, 1, o->len, f) != o->len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

int main(int argc, char **argv) {
    out a = {0}, b = {0};
    sums sa = {0}, sb = {0};
    char path[4096];
    FILE *f;
    if (argc != 2) {
        fprintf(stderr, "usage: gen_docs OUTDIR\n");
        return 2;
    }
    doc(&a, &sa, 100, 0);
    doc(&b, &sb, 0, 10u * 1000 * 1000);
    save(argv[1], "updates100.json", &a);
    save(argv[1], "big.json", &b);
    snprintf(path, sizeof path, "%s/expect.txt", argv[1]);
    f = fopen(path, "w");
    if (!f) { perror(path); return 1; }
    fprintf(f, "updates100.json %llu %llu %llu %llu %llu %llu\n", (unsigned long long)sa.updates,
            (unsigned long long)sa.messages, (unsigned long long)sa.texts, (unsigned long long)sa.ids,
            (unsigned long long)sa.chats, (unsigned long long)sa.textbytes);
    fprintf(f, "big.json %llu %llu %llu %llu %llu %llu\n", (unsigned long long)sb.updates,
            (unsigned long long)sb.messages, (unsigned long long)sb.texts, (unsigned long long)sb.ids,
            (unsigned long long)sb.chats, (unsigned long long)sb.textbytes);
    fclose(f);
    printf("updates100.json %zu bytes, big.json %zu bytes (%llu updates)\n", a.len, b.len,
           (unsigned long long)sb.updates);
    return 0;
}

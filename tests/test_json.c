/* tests/test_json.c - the JSON reader and writer: valid and invalid documents, exact int64,
   escapes and UTF-8, depth limits, linear time on big arrays, allocation counts. */
#define TELEPOT_MALLOC(n) tpt_malloc(n)
#define TELEPOT_REALLOC(p, n) tpt_realloc(p, n)
#define TELEPOT_FREE(p) tpt_free(p)
#include <stddef.h>
static void *tpt_malloc(size_t n);
static void *tpt_realloc(void *p, size_t n);
static void tpt_free(void *p);
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"

static long tpt_allocs;      /* allocation calls */
static long tpt_fail_after = -1; /* >= 0: that many more allocations succeed, then all fail */
static void *tpt_malloc(size_t n) {
    if (tpt_fail_after == 0) return NULL;
    if (tpt_fail_after > 0) tpt_fail_after--;
    tpt_allocs++;
    return malloc(n);
}
static void *tpt_realloc(void *p, size_t n) {
    if (tpt_fail_after == 0) return NULL;
    if (tpt_fail_after > 0) tpt_fail_after--;
    tpt_allocs++;
    return realloc(p, n);
}
static void tpt_free(void *p) { free(p); }

static tp_json_doc *parse(const char *s, tp_error *e) { return tp_json_parse(s, strlen(s), e); }

/* Parses s, expecting failure with `code`; returns true if it failed that way. */
static bool rejects(const char *s, size_t n, tp_err code) {
    tp_error e;
    tp_json_doc *d = tp_json_parse(s, n, &e);
    if (d) {
        tp_json_doc_free(d);
        fprintf(stderr, "  accepted: %.60s\n", s);
        return false;
    }
    if (e.code != code) fprintf(stderr, "  %.60s: got %d (%s), want %d\n", s, e.code, e.message, code);
    return e.code == code;
}
#define REJECTS(s, code) CHECK(rejects(s, strlen(s), code))

TEST(test_values) {
    tp_error e;
    tp_json_doc *d = parse(" {\"a\" : [1, -2, 3.5, true, false, null, \"x\", {}, []], \"b\":{\"c\":{\"d\":42}}} ", &e);
    const tp_json *r = tp_json_root(d), *a = tp_json_get(r, "a"), *it;
    int n = 0;
    CHECK(d != NULL);
    CHECK_EQ_INT(tp_json_typeof(r), TP_JSON_OBJECT);
    CHECK_EQ_INT(tp_json_size(r), 2);
    CHECK_EQ_INT(tp_json_size(a), 9);
    CHECK_EQ_INT(tp_json_int(tp_json_at(a, 0)), 1);
    CHECK_EQ_INT(tp_json_int(tp_json_at(a, 1)), -2);
    CHECK(tp_json_num(tp_json_at(a, 2)) == 3.5);
    CHECK_EQ_INT(tp_json_typeof(tp_json_at(a, 2)), TP_JSON_REAL);
    CHECK(tp_json_bool(tp_json_at(a, 3)));
    CHECK(!tp_json_bool(tp_json_at(a, 4)));
    CHECK_EQ_INT(tp_json_typeof(tp_json_at(a, 4)), TP_JSON_BOOL);
    CHECK(tp_json_is_null(tp_json_at(a, 5)));
    CHECK_STR(tp_json_str(tp_json_at(a, 6)), "x");
    CHECK_EQ_INT(tp_json_typeof(tp_json_at(a, 7)), TP_JSON_OBJECT);
    CHECK_EQ_INT(tp_json_size(tp_json_at(a, 7)), 0);
    CHECK_EQ_INT(tp_json_typeof(tp_json_at(a, 8)), TP_JSON_ARRAY);
    CHECK(tp_json_at(a, 9) == NULL);
    CHECK_EQ_INT(tp_json_get_int(tp_json_get(tp_json_get(r, "b"), "c"), "d"), 42);
    for (it = tp_json_first(a); it; it = tp_json_next(it)) n++;
    CHECK_EQ_INT(n, 9);
    CHECK_STR(tp_json_key(tp_json_first(r)), "a");
    CHECK_STR(tp_json_key(tp_json_next(tp_json_first(r))), "b");
    CHECK(tp_json_next(tp_json_next(tp_json_first(r))) == NULL);
    CHECK(tp_json_key(tp_json_first(a)) == NULL);
    /* NULL-tolerant chains */
    CHECK(tp_json_get(tp_json_get(tp_json_get(r, "nope"), "x"), "y") == NULL);
    CHECK_EQ_INT(tp_json_get_int(NULL, "x"), 0);
    CHECK(tp_json_get_str(r, "a") == NULL);
    CHECK_EQ_INT(tp_json_typeof(NULL), TP_JSON_NONE);
    CHECK(tp_json_first(NULL) == NULL && tp_json_next(NULL) == NULL && tp_json_at(NULL, 0) == NULL);
    CHECK(tp_json_root(NULL) == NULL);
    tp_json_doc_free(d);
    tp_json_doc_free(NULL);

    d = parse("\"top\"", &e);
    CHECK_STR(tp_json_str(tp_json_root(d)), "top");
    CHECK(tp_json_next(tp_json_root(d)) == NULL);
    tp_json_doc_free(d);
    d = parse("7", &e);
    CHECK_EQ_INT(tp_json_int(tp_json_root(d)), 7);
    tp_json_doc_free(d);
}

TEST(test_int64) {
    tp_error e;
    tp_json_doc *d = parse("[9007199254740993, -9007199254740993, 9223372036854775807, "
                           "-9223372036854775808, 9223372036854775808, -9223372036854775809, "
                           "123456789012345678901234567890, 0, -0, 1e2, 1E+2, 1.0e-2, -0.5]",
                           &e);
    const tp_json *r = tp_json_root(d);
    tp_buf b;
    CHECK(d != NULL);
    CHECK(tp_json_int(tp_json_at(r, 0)) == INT64_C(9007199254740993));
    CHECK(tp_json_int(tp_json_at(r, 1)) == -INT64_C(9007199254740993));
    CHECK(tp_json_int(tp_json_at(r, 2)) == INT64_MAX);
    CHECK(tp_json_int(tp_json_at(r, 3)) == INT64_MIN);
    /* beyond int64: valid JSON, kept as a double, never wrapped */
    CHECK_EQ_INT(tp_json_typeof(tp_json_at(r, 4)), TP_JSON_REAL);
    CHECK(tp_json_num(tp_json_at(r, 4)) == 9223372036854775808.0);
    CHECK_EQ_INT(tp_json_typeof(tp_json_at(r, 5)), TP_JSON_REAL);
    CHECK(tp_json_num(tp_json_at(r, 5)) == -9223372036854775809.0);
    CHECK(tp_json_num(tp_json_at(r, 6)) == 123456789012345678901234567890.0);
    CHECK_EQ_INT(tp_json_int(tp_json_at(r, 6)), 0);
    CHECK_EQ_INT(tp_json_typeof(tp_json_at(r, 8)), TP_JSON_INT);
    CHECK(tp_json_num(tp_json_at(r, 9)) == 100.0);
    CHECK(tp_json_num(tp_json_at(r, 10)) == 100.0);
    CHECK(tp_json_num(tp_json_at(r, 11)) == 0.01);
    CHECK(tp_json_num(tp_json_at(r, 12)) == -0.5);
    /* the round trip keeps ids exact */
    tp_buf_init(&b);
    CHECK_EQ_INT(tp_json_write(&b, tp_json_at(r, 0)), TP_OK);
    CHECK_STR(b.ptr, "9007199254740993");
    tp_buf_reset(&b);
    tp_json_write(&b, tp_json_at(r, 3));
    CHECK_STR(b.ptr, "-9223372036854775808");
    tp_buf_reset(&b);
    tp_json_write(&b, tp_json_at(r, 9)); /* 1e2 is a real and is written as one */
    CHECK_STR(b.ptr, "100.0");
    tp_buf_deinit(&b);
    tp_json_doc_free(d);

    /* doubles: correctly rounded on the slow path as well */
    d = parse("[0.1, 2.2250738585072014e-308, 1.7976931348623157e308, 3.141592653589793238462643383279, 5e-324, 1e400]", &e);
    r = tp_json_root(d);
    CHECK(tp_json_num(tp_json_at(r, 0)) == 0.1);
    CHECK(tp_json_num(tp_json_at(r, 1)) == 2.2250738585072014e-308);
    CHECK(tp_json_num(tp_json_at(r, 2)) == 1.7976931348623157e308);
    CHECK(tp_json_num(tp_json_at(r, 3)) == 3.141592653589793);
    CHECK(tp_json_num(tp_json_at(r, 4)) == 5e-324);
    CHECK(tp_json_num(tp_json_at(r, 5)) > 1e308); /* inf: out of range is not an error */
    tp_json_doc_free(d);
}

TEST(test_strings) {
    tp_error e;
    tp_json_doc *d = parse("[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u00e9\\u4e2d\\ud83d\\ude00\", "
                           "\"raw \xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\", \"nul\\u0000in\", "
                           "\"https:\\/\\/t.me\\/x\", \"\", \"0123456789abcdefghij0123456789\"]",
                           &e);
    const tp_json *r = tp_json_root(d);
    CHECK(d != NULL);
    CHECK_STR(tp_json_str(tp_json_at(r, 0)), "a\"b\\c/d\b\f\n\r\t");
    CHECK_STR(tp_json_str(tp_json_at(r, 1)), "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
    CHECK_STR(tp_json_str(tp_json_at(r, 2)), "raw \xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80");
    CHECK_EQ_INT(tp_json_size(tp_json_at(r, 3)), 6);
    CHECK(memcmp(tp_json_str(tp_json_at(r, 3)), "nul\0in", 7) == 0);
    CHECK_STR(tp_json_str(tp_json_at(r, 4)), "https://t.me/x");
    CHECK_STR(tp_json_str(tp_json_at(r, 5)), "");
    CHECK_EQ_INT(tp_json_size(tp_json_at(r, 6)), 30);
    tp_json_doc_free(d);

    /* keys are unescaped too, and lookups use their length */
    d = parse("{\"k\\u00e9y\":1,\"a\\u0000b\":2,\"a\":3}", &e);
    r = tp_json_root(d);
    CHECK_EQ_INT(tp_json_get_int(r, "k\xc3\xa9y"), 1);
    CHECK_EQ_INT(tp_json_int(tp_json_get_n(r, "a\0b", 3)), 2);
    CHECK_EQ_INT(tp_json_get_int(r, "a"), 3);
    tp_json_doc_free(d);
}

TEST(test_invalid) {
    REJECTS("", TP_ERR_JSON_TRUNCATED);
    REJECTS("   ", TP_ERR_JSON_TRUNCATED);
    REJECTS("{", TP_ERR_JSON_TRUNCATED);
    REJECTS("{\"a\":", TP_ERR_JSON_TRUNCATED);
    REJECTS("{\"a\":1", TP_ERR_JSON_TRUNCATED);
    REJECTS("[1,2", TP_ERR_JSON_TRUNCATED);
    REJECTS("\"abc", TP_ERR_JSON_TRUNCATED);
    REJECTS("{\"ok\":true,\"result\":[{\"update_id\":1,\"message\":{\"text\":\"hel", TP_ERR_JSON_TRUNCATED);
    REJECTS("[1,]", TP_ERR_JSON_SYNTAX);
    REJECTS("[,1]", TP_ERR_JSON_SYNTAX);
    REJECTS("{\"a\":1,}", TP_ERR_JSON_SYNTAX);
    REJECTS("{\"a\" 1}", TP_ERR_JSON_SYNTAX);
    REJECTS("{a:1}", TP_ERR_JSON_SYNTAX);
    REJECTS("[1 2]", TP_ERR_JSON_SYNTAX);
    REJECTS("[1] x", TP_ERR_JSON_SYNTAX);
    REJECTS("{} {}", TP_ERR_JSON_SYNTAX);
    REJECTS("tru", TP_ERR_JSON_TRUNCATED);
    REJECTS("nul", TP_ERR_JSON_TRUNCATED);
    REJECTS("True", TP_ERR_JSON_SYNTAX);
    REJECTS("[1}", TP_ERR_JSON_SYNTAX);
    REJECTS("{\"a\":1]", TP_ERR_JSON_SYNTAX);
    REJECTS("'a'", TP_ERR_JSON_SYNTAX);
    REJECTS("<html><body>502 Bad Gateway</body></html>", TP_ERR_JSON_SYNTAX);
    /* numbers */
    REJECTS("01", TP_ERR_JSON_NUMBER);
    REJECTS("-", TP_ERR_JSON_TRUNCATED);
    REJECTS("[-]", TP_ERR_JSON_NUMBER);
    REJECTS("1.", TP_ERR_JSON_TRUNCATED);
    REJECTS("[1.]", TP_ERR_JSON_NUMBER);
    REJECTS("[.5]", TP_ERR_JSON_SYNTAX);
    REJECTS("[1e]", TP_ERR_JSON_NUMBER);
    REJECTS("[1e+]", TP_ERR_JSON_NUMBER);
    REJECTS("[+1]", TP_ERR_JSON_SYNTAX);
    REJECTS("[0x10]", TP_ERR_JSON_SYNTAX);
    REJECTS("[NaN]", TP_ERR_JSON_SYNTAX);
    REJECTS("[Infinity]", TP_ERR_JSON_SYNTAX);
    /* strings: escapes, control bytes, UTF-8 */
    REJECTS("[\"\\x\"]", TP_ERR_JSON_STRING);
    REJECTS("[\"\\u12\"]", TP_ERR_JSON_STRING);
    REJECTS("[\"\\u12G4\"]", TP_ERR_JSON_STRING);
    REJECTS("[\"\\ud83d\"]", TP_ERR_JSON_STRING);        /* lone high surrogate */
    REJECTS("[\"\\ud83dx\"]", TP_ERR_JSON_STRING);
    REJECTS("[\"\\ud83d\\u0041\"]", TP_ERR_JSON_STRING); /* high + non-low */
    REJECTS("[\"\\ude00\"]", TP_ERR_JSON_STRING);        /* lone low surrogate */
    REJECTS("[\"a\tb\"]", TP_ERR_JSON_STRING);           /* raw control byte */
    REJECTS("[\"a\nb\"]", TP_ERR_JSON_STRING);
    REJECTS("[\"\xff\"]", TP_ERR_JSON_STRING);
    REJECTS("[\"\xc0\xaf\"]", TP_ERR_JSON_STRING);       /* overlong */
    REJECTS("[\"\xe0\x80\xaf\"]", TP_ERR_JSON_STRING);   /* overlong */
    REJECTS("[\"\xed\xa0\x80\"]", TP_ERR_JSON_STRING);   /* surrogate in UTF-8 */
    REJECTS("[\"\xf4\x90\x80\x80\"]", TP_ERR_JSON_STRING); /* beyond U+10FFFF */
    REJECTS("[\"\xc3\"]", TP_ERR_JSON_STRING);           /* cut sequence */
    REJECTS("[\"\xe4\xb8\"]", TP_ERR_JSON_STRING);
    REJECTS("{\"\xff\":1}", TP_ERR_JSON_STRING);
    /* an embedded NUL is a syntax error at its offset, not the end of the text */
    CHECK(rejects("[1,\0]", 5, TP_ERR_JSON_SYNTAX));
    {
        tp_error e;
        CHECK(tp_json_parse("[1, 2, x]", 9, &e) == NULL);
        CHECK_EQ_INT(e.json_offset, 7);
        CHECK(strstr(e.message, "byte 7") != NULL);
        CHECK(tp_json_parse(NULL, 0, &e) == NULL);
    }
}

TEST(test_depth) {
    size_t n = 100000, i;
    char *s = (char *)malloc(2 * n + 1);
    tp_error e;
    tp_json_doc *d;
    for (i = 0; i < n; i++) {
        s[i] = '[';
        s[2 * n - 1 - i] = ']';
    }
    CHECK(tp_json_parse(s, 2 * n, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_JSON_DEPTH);
    for (i = 0; i < n; i++) s[i] = '{';
    CHECK(tp_json_parse(s, n, &e) == NULL); /* 100,000 unclosed objects */
    CHECK_EQ_INT(e.code, TP_ERR_JSON_SYNTAX);
    /* exactly at the limit parses, one more does not */
    for (i = 0; i < TELEPOT_JSON_MAX_DEPTH; i++) {
        s[i] = '[';
        s[2 * TELEPOT_JSON_MAX_DEPTH - 1 - i] = ']';
    }
    d = tp_json_parse(s, 2 * TELEPOT_JSON_MAX_DEPTH, &e);
    CHECK(d != NULL);
    if (d) { /* the writer goes just as deep */
        tp_buf b;
        tp_buf_init(&b);
        CHECK_EQ_INT(tp_json_write(&b, tp_json_root(d)), TP_OK);
        CHECK_EQ_INT(b.len, 2 * TELEPOT_JSON_MAX_DEPTH);
        tp_buf_deinit(&b);
    }
    tp_json_doc_free(d);
    for (i = 0; i < TELEPOT_JSON_MAX_DEPTH + 1; i++) { /* balanced, one level deeper */
        s[i] = '[';
        s[2 * TELEPOT_JSON_MAX_DEPTH + 1 - i] = ']';
    }
    CHECK(tp_json_parse(s, 2 * TELEPOT_JSON_MAX_DEPTH + 2, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_JSON_DEPTH);
    free(s);
}

/* A 10 MB array parses in time proportional to its size: compare per-byte cost with a 100 KB
   one by counting work, not seconds - the number of values visited equals the elements. */
TEST(test_big_array) {
    tp_buf b;
    size_t i, count = 0;
    tp_error e;
    tp_json_doc *d;
    const tp_json *it;
    long before;
    tp_buf_init(&b);
    tp_buf_puts(&b, "[");
    for (i = 0; b.len < 10u << 20; i++)
        tp_buf_printf(&b, "%s{\"id\":%llu,\"t\":\"m\\u00e9ssage %zu\"}", i ? "," : "",
                      9007199254740993ULL + i, i);
    tp_buf_puts(&b, "]");
    before = tpt_allocs;
    d = tp_json_parse(b.ptr, b.len, &e);
    CHECK(d != NULL);
    CHECK_EQ_INT(tpt_allocs - before, 1); /* one block per document */
    CHECK_EQ_INT(tp_json_size(tp_json_root(d)), i);
    for (it = tp_json_first(tp_json_root(d)); it; it = tp_json_next(it)) {
        if (tp_json_get_int(it, "id") != (int64_t)(9007199254740993ULL + count)) break;
        count++;
    }
    CHECK_EQ_INT(count, i);
    tp_json_doc_free(d);
    tp_buf_deinit(&b);
}

TEST(test_allocations) {
    const char *s = "{\"ok\":true,\"result\":[{\"update_id\":1,\"message\":{\"message_id\":2,"
                    "\"chat\":{\"id\":3,\"type\":\"private\"},\"text\":\"hi\"}}]}";
    tp_error e;
    long before = tpt_allocs;
    tp_json_doc *d = parse(s, &e);
    int k;
    CHECK(d != NULL);
    CHECK_EQ_INT(tpt_allocs - before, 1);
    tp_json_doc_free(d);
    /* out of memory is an error, not a crash */
    tpt_fail_after = 0;
    d = parse(s, &e);
    tpt_fail_after = -1;
    CHECK(d == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_NOMEM);
    /* typed views allocate in the document's arena; every failure point is clean */
    for (k = 0; k < 4; k++) {
        const tp_update *u;
        d = parse(s, &e);
        tpt_fail_after = k;
        u = tp_update_view(d, tp_json_at(tp_result(d), 0), &e);
        tpt_fail_after = -1;
        CHECK(u == NULL || (u->message && u->message->chat->id == 3));
        if (!u) CHECK_EQ_INT(e.code, TP_ERR_NOMEM);
        tp_json_doc_free(d);
    }
}

TEST(test_writer) {
    tp_buf b;
    tp_jw w;
    tp_error e;
    tp_json_doc *d;
    const char *ctl = "q\"b\\s/\x01\x1f\n\t\xc3\xa9\xff\xf0\x9f\x98\x80";
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    tp_jw_key(&w, "chat_id");
    tp_jw_int(&w, INT64_C(-1001234567890123));
    tp_jw_key(&w, "text");
    tp_jw_str(&w, ctl);
    tp_jw_key(&w, "list");
    tp_jw_arr(&w);
    tp_jw_int(&w, 1);
    tp_jw_real(&w, 0.1);
    tp_jw_bool(&w, true);
    tp_jw_null(&w);
    tp_jw_str(&w, NULL);
    tp_jw_real(&w, 1.0 / 0.0);
    tp_jw_arr(&w);
    tp_jw_arr_end(&w);
    tp_jw_obj(&w);
    tp_jw_obj_end(&w);
    tp_jw_raw(&w, "{\"x\":[1]}");
    tp_jw_arr_end(&w);
    tp_jw_key(&w, "k\"ey");
    tp_jw_str_n(&w, "abc", 2);
    tp_jw_obj_end(&w);
    CHECK_EQ_INT(b.err, TP_OK);
    CHECK_STR(b.ptr, "{\"chat_id\":-1001234567890123,\"text\":\"q\\\"b\\\\s/\\u0001\\u001f\\n\\t"
                     "\xc3\xa9\\ufffd\xf0\x9f\x98\x80\",\"list\":[1,0.1,true,null,null,null,[],{},"
                     "{\"x\":[1]}],\"k\\\"ey\":\"ab\"}");
    /* what the writer makes, the reader takes back */
    d = tp_json_parse(b.ptr, b.len, &e);
    CHECK(d != NULL);
    CHECK(tp_json_get_int(tp_json_root(d), "chat_id") == INT64_C(-1001234567890123));
    CHECK_STR(tp_json_get_str(tp_json_root(d), "text"),
              "q\"b\\s/\x01\x1f\n\t\xc3\xa9\xef\xbf\xbd\xf0\x9f\x98\x80");
    /* and a DOM writes back to the same text */
    {
        tp_buf b2;
        tp_buf_init(&b2);
        CHECK_EQ_INT(tp_json_write(&b2, tp_json_root(d)), TP_OK);
        CHECK_STR(b2.ptr, "{\"chat_id\":-1001234567890123,\"text\":\"q\\\"b\\\\s/\\u0001\\u001f\\n\\t"
                          "\xc3\xa9\xef\xbf\xbd\xf0\x9f\x98\x80\",\"list\":[1,0.1,true,null,null,null,[],{},"
                          "{\"x\":[1]}],\"k\\\"ey\":\"ab\"}");
        tp_buf_deinit(&b2);
    }
    tp_json_doc_free(d);
    /* reals round-trip */
    {
        double vals[] = {0.1, 1e300, -2.5e-300, 123456.789, 1.0 / 3.0};
        size_t i;
        for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
            tp_buf_reset(&b);
            tp_jw_init(&w, &b);
            tp_jw_real(&w, vals[i]);
            d = tp_json_parse(b.ptr, b.len, &e);
            CHECK(d && tp_json_num(tp_json_root(d)) == vals[i]);
            tp_json_doc_free(d);
        }
    }
    { /* a cut UTF-8 sequence at the very end of a counted string: never read past it */
        char *one = (char *)malloc(1);
        one[0] = (char)0xF0;
        tp_buf_reset(&b);
        tp_jw_init(&w, &b);
        tp_jw_str_n(&w, one, 1);
        CHECK_STR(b.ptr, "\"\\ufffd\"");
        free(one);
    }
    /* allocation failure is sticky and reported once */
    tp_buf_deinit(&b);
    tpt_fail_after = 0;
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    tp_jw_key(&w, "a");
    tp_jw_int(&w, 1);
    tp_jw_obj_end(&w);
    tpt_fail_after = -1;
    CHECK_EQ_INT(b.err, TP_ERR_NOMEM);
    CHECK(!tp_buf_puts(&b, "x"));
    tp_buf_deinit(&b);
}

TEST(test_buf) {
    tp_buf b;
    int i;
    tp_buf_init(&b);
    for (i = 0; i < 1000; i++) tp_buf_printf(&b, "%d,", i);
    CHECK(b.len > 3000 && b.ptr[b.len] == '\0');
    CHECK(strncmp(b.ptr, "0,1,2,", 6) == 0);
    tp_buf_reset(&b);
    CHECK_EQ_INT(b.len, 0);
    tp_buf_printf(&b, "%0300d", 7); /* longer than the printf fast path */
    CHECK_EQ_INT(b.len, 300);
    CHECK(b.ptr[299] == '7');
    tp_buf_deinit(&b);
    tp_buf_deinit(&b);
    tp_buf_deinit(NULL);
    CHECK(b.ptr == NULL);
}

TEST(test_errors) {
    CHECK_STR(tp_strerror(TP_OK), "success");
    CHECK(strstr(tp_strerror(TP_ERR_TLS_DISABLED), "TELEPOT_BEARSSL") != NULL);
    CHECK_STR(tp_strerror((tp_err)9999), "unknown error");
    CHECK_STR(tp_version(), TELEPOT_VERSION_STRING);
}

/* glance and flavor on Telegram-shaped objects */
TEST(test_glance_flavor) {
    const char *s = "[{\"update_id\":1,\"message\":{\"message_id\":5,\"chat\":{\"id\":-100123,"
                    "\"type\":\"supergroup\"},\"animation\":{},\"document\":{}}},"
                    "{\"update_id\":2,\"callback_query\":{\"id\":\"x\",\"chat_instance\":\"y\"}},"
                    "{\"update_id\":3,\"brand_new_kind\":{\"z\":1}},"
                    "{\"update_id\":4,\"edited_channel_post\":{\"message_id\":6,\"chat\":{\"id\":7,\"type\":\"channel\"},\"text\":\"t\"}}]";
    tp_error e;
    tp_json_doc *d = parse(s, &e);
    const tp_json *r = tp_json_root(d);
    tp_glance_info g = tp_glance(tp_json_get(tp_json_at(r, 0), "message"));
    const tp_update *u;
    CHECK_STR(g.content_type, "animation");
    CHECK_STR(g.chat_type, "supergroup");
    CHECK_EQ_INT(g.chat_id, -100123);
    CHECK_EQ_INT(tp_flavor_of(tp_json_at(r, 0)), TP_FLAVOR_CHAT);
    CHECK_STR(tp_flavor_name(tp_flavor_of(tp_json_at(r, 1))), "callback_query");
    CHECK_EQ_INT(tp_flavor_of(tp_json_at(r, 2)), TP_FLAVOR_RAW);
    CHECK_STR(tp_json_key(tp_update_payload(tp_json_at(r, 2))), "brand_new_kind");
    CHECK_EQ_INT(tp_json_get_int(tp_update_payload(tp_json_at(r, 2)), "z"), 1);
    CHECK_EQ_INT(tp_flavor_of(tp_json_get(tp_json_at(r, 0), "message")), TP_FLAVOR_CHAT);
    CHECK_STR(tp_flavor_name(tp_flavor_of(tp_json_at(r, 3))), "edited_channel");
    g = tp_glance(tp_json_get(tp_json_at(r, 3), "edited_channel_post"));
    CHECK_STR(g.content_type, "text");
    { /* not an object: no keys to look at, and no crash */
        tp_json_doc *arr = parse("[1,{\"text\":1}]", &e);
        g = tp_glance(tp_json_root(arr));
        CHECK_STR(g.content_type, "unknown");
        CHECK(tp_update_payload(tp_json_root(arr)) == NULL);
        CHECK(tp_update_payload(tp_json_at(tp_json_root(arr), 0)) == NULL);
        tp_json_doc_free(arr);
    }
    g = tp_glance(NULL);
    CHECK_STR(g.content_type, "unknown");
    CHECK_STR(g.chat_type, "");
    u = tp_update_view(d, tp_json_at(r, 3), &e);
    CHECK(u && u->edited_channel_post && u->edited_channel_post->chat->id == 7);
    CHECK(u && u->message == NULL);
    CHECK_STR(u ? u->edited_channel_post->text : NULL, "t");
    u = tp_update_view(d, tp_json_at(r, 2), &e);
    CHECK(u && u->update_id == 3 && u->json == tp_json_at(r, 2));
    /* a message without a chat cannot be viewed: the update is reported as bad */
    tp_json_doc_free(d);
    d = parse("{\"update_id\":9,\"message\":{\"message_id\":1}}", &e);
    CHECK(tp_update_view(d, tp_json_root(d), &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_BAD_RESPONSE);
    tp_json_doc_free(d);
}

int main(int argc, char **argv) {
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(test_values)) RUN(test_values);
    if (PICK(test_int64)) RUN(test_int64);
    if (PICK(test_strings)) RUN(test_strings);
    if (PICK(test_invalid)) RUN(test_invalid);
    if (PICK(test_depth)) RUN(test_depth);
    if (PICK(test_big_array)) RUN(test_big_array);
    if (PICK(test_allocations)) RUN(test_allocations);
    if (PICK(test_writer)) RUN(test_writer);
    if (PICK(test_buf)) RUN(test_buf);
    if (PICK(test_errors)) RUN(test_errors);
    if (PICK(test_glance_flavor)) RUN(test_glance_flavor);
    TEST_END();
}

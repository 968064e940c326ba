/* tests/test_oom.c - out of memory and misuse with asserts off. Constructors when memory runs
   out: tp_bot_new, tp_disp_new and tp_hook_new fail at every allocation in turn; each failure
   must return NULL with TP_ERR_NOMEM, free what was half built (LeakSanitizer and valgrind
   check), never touch memory it did not set (ASan fills fresh blocks with garbage), and leave
   no freed block holding the token; then one more allocation lets it succeed. Misuse that
   asserts (TELEPOT_ASSERT counts here instead of aborting, as with NDEBUG) must still not
   write out of bounds or send anything. */
#include <stddef.h>
static void *tpt_malloc(size_t n);
static void *tpt_realloc(void *p, size_t n);
static void tpt_free(void *p);
#define TELEPOT_MALLOC(n) tpt_malloc(n)
#define TELEPOT_REALLOC(p, n) tpt_realloc(p, n)
#define TELEPOT_FREE(p) tpt_free(p)
static long tpt_asserts; /* TELEPOT_ASSERT as under NDEBUG, but counted */
#define TELEPOT_ASSERT(x) ((x) ? (void)0 : (void)tpt_asserts++)
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"

#include <stdlib.h>
#include <string.h>

#define TOKEN "123456:OOMSECRETTOKEN"

/* >= 0: that many more allocations succeed, then all fail. Threads the constructors start
   allocate too, hence the atomics. */
static long tpt_fail_after = -1;
static long tpt_token_freed;

static bool tpt_take(void) {
    long left = __atomic_load_n(&tpt_fail_after, __ATOMIC_SEQ_CST);
    while (left >= 0) {
        if (left == 0) return false;
        if (__atomic_compare_exchange_n(&tpt_fail_after, &left, left - 1, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST))
            return true;
    }
    return true;
}
/* Each block carries its size in a 16-byte header and starts filled with 0xAA (garbage, as
   ASan's fresh blocks: code that trusts unset memory still breaks; and every byte defined, so
   the token scan below reads nothing valgrind calls uninitialised). */
#define TPT_HEAD 16
static void *tpt_malloc(size_t n) {
    char *b;
    if (!tpt_take() || !(b = (char *)malloc(n + TPT_HEAD))) return NULL;
    memcpy(b, &n, sizeof n);
    memset(b + TPT_HEAD, 0xAA, n);
    return b + TPT_HEAD;
}
static void tpt_free(void *p) {
    if (p) { /* a freed block must not hold the token (the secret part of it) */
        char *b = (char *)p - TPT_HEAD;
        size_t n, k = sizeof "OOMSECRETTOKEN" - 1, i;
        memcpy(&n, b, sizeof n);
        for (i = 0; n >= k && i <= n - k; i++)
            if (b[TPT_HEAD + i] == 'O' && memcmp(b + TPT_HEAD + i, "OOMSECRETTOKEN", k) == 0) {
                __atomic_add_fetch(&tpt_token_freed, 1, __ATOMIC_SEQ_CST);
                break;
            }
        free(b);
    }
}
static void *tpt_realloc(void *p, size_t n) {
    char *q;
    size_t old = 0;
    if (!p) return tpt_malloc(n);
    if (!(q = (char *)tpt_malloc(n))) return NULL;
    memcpy(&old, (char *)p - TPT_HEAD, sizeof old);
    memcpy(q, p, old < n ? old : n);
    tpt_free(p);
    return q;
}

static void handler(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)u;
    (void)user;
}

/* Runs make() with 0, 1, 2, ... allocations allowed until it succeeds; every failure must be
   TP_ERR_NOMEM (or `also`, a failure that out-of-memory may cause on the way). */
typedef void *(*make_fn)(tp_error *err);
typedef void (*free_fn)(void *obj);
static void every_allocation(const char *what, make_fn make, free_fn destroy, tp_err also) {
    long n;
    int failures = 0;
    for (n = 0; n < 1000; n++) {
        tp_error err;
        void *obj;
        memset(&err, 0, sizeof err);
        __atomic_store_n(&tpt_fail_after, n, __ATOMIC_SEQ_CST);
        obj = make(&err);
        __atomic_store_n(&tpt_fail_after, -1, __ATOMIC_SEQ_CST);
        if (obj) {
            destroy(obj);
            break;
        }
        failures++;
        if (err.code != TP_ERR_NOMEM && err.code != also) {
            CHECK_EQ_INT(err.code, TP_ERR_NOMEM);
            fprintf(stderr, "  %s, allocation %ld failing: %s\n", what, n, err.message);
        }
    }
    CHECK(n < 1000);     /* it succeeded in the end */
    CHECK(failures > 0); /* and it did allocate: the loop saw it fail */
    printf("%s: failed cleanly at each of its first %d allocations\n", what, failures);
}

static tp_bot *the_bot;

static void *make_bot(tp_error *err) {
    tp_bot_opts o;
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = "http://127.0.0.1:9";
    return tp_bot_new(&o, err);
}
static void free_bot(void *b) { tp_bot_free((tp_bot *)b); }

static void *make_disp(tp_error *err) {
    tp_disp_opts o;
    memset(&o, 0, sizeof o);
    o.workers = 3;
    return tp_disp_new(the_bot, handler, NULL, &o, err);
}
static void free_disp(void *d) { tp_disp_free((tp_disp *)d); }

static void *make_hook(tp_error *err) {
    tp_hook_opts o;
    memset(&o, 0, sizeof o);
    o.workers = 2;
    o.secret_token = "hook-secret";
    return tp_hook_new(the_bot, handler, NULL, &o, err);
}
static void *make_hook_ordered(tp_error *err) {
    tp_hook_opts o;
    memset(&o, 0, sizeof o);
    o.no_server = true;
    o.ordered = true;
    return tp_hook_new(the_bot, handler, NULL, &o, err);
}
static void free_hook(void *h) { tp_hook_free((tp_hook *)h); }

TEST(test_constructors) {
    tp_error err;
    every_allocation("tp_bot_new", make_bot, free_bot, TP_OK);
    CHECK_EQ_INT(tpt_token_freed, 0);
    the_bot = (tp_bot *)make_bot(&err);
    CHECK(the_bot != NULL);
    if (!the_bot) return;
    every_allocation("tp_disp_new", make_disp, free_disp, TP_OK);
    /* a thread that cannot start for want of memory is TP_ERR_IO from pthread_create's view */
    every_allocation("tp_hook_new", make_hook, free_hook, TP_ERR_IO);
    every_allocation("tp_hook_new (no server, ordered)", make_hook_ordered, free_hook, TP_OK);
    tp_bot_free(the_bot);
}

/* Too many buttons, an odd TP_PAIRS: the assert fires; without it the store is not
   overrun and the markup is one a call refuses. */
TEST(test_keyboard_misuse) {
    const char *const *rows[TP_KEYBOARD_MAX + 2];
    const char *one[2] = {"k", NULL};
    const char *odd[] = {"Yes", "y", "No", NULL};
    tp_keyboard_store *st = (tp_keyboard_store *)malloc(sizeof *st); /* ASan: exact bounds */
    const tp_reply_markup *m;
    tp_buf b;
    tp_jw w;
    int i;
    for (i = 0; i < TP_KEYBOARD_MAX + 1; i++) rows[i] = one;
    rows[TP_KEYBOARD_MAX + 1] = NULL;
    tpt_asserts = 0;
    m = tp_keyboard_of(st, rows, false); /* one row, one button too many */
    CHECK_EQ_INT(tpt_asserts, 1);
    CHECK_EQ_INT(m->kind, 0);
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_typed(&w, TP_TYPE_REPLY_MARKUP, m);
    CHECK_EQ_INT(b.err, TP_ERR_INVALID);
    rows[0] = odd;
    rows[1] = NULL;
    tpt_asserts = 0;
    m = tp_keyboard_of(st, rows, true);
    CHECK_EQ_INT(tpt_asserts, 1);
    CHECK_EQ_INT(m->kind, 0);
    tp_buf_deinit(&b);
    free(st);
}

int main(void) {
    RUN(test_constructors);
    RUN(test_keyboard_misuse);
    TEST_END();
}

/* tests/tp_test.h - the tiny harness every test file uses: CHECK counts, the last line of
   output is "N passed, N failed", and the exit status is non-zero on any failure. */
#ifndef TP_TEST_H
#define TP_TEST_H
#include <stdio.h>
#include <string.h>

static int tpt_passed, tpt_failed;
static const char *tpt_case = "";

#define TEST(name) static void name(void)
#define RUN(name)                   \
    do {                            \
        tpt_case = #name;           \
        name();                     \
    } while (0)
#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (cond) {                                                                       \
            tpt_passed++;                                                                 \
        } else {                                                                          \
            tpt_failed++;                                                                 \
            fprintf(stderr, "FAIL %s:%d [%s]: %s\n", __FILE__, __LINE__, tpt_case, #cond); \
        }                                                                                 \
    } while (0)
#define CHECK_EQ_INT(a, b)                                                                    \
    do {                                                                                      \
        long long tpt_a = (long long)(a), tpt_b = (long long)(b);                             \
        if (tpt_a == tpt_b) {                                                                 \
            tpt_passed++;                                                                     \
        } else {                                                                              \
            tpt_failed++;                                                                     \
            fprintf(stderr, "FAIL %s:%d [%s]: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, \
                    tpt_case, #a, #b, tpt_a, tpt_b);                                          \
        }                                                                                     \
    } while (0)
#define CHECK_STR(a, b)                                                                       \
    do {                                                                                      \
        const char *tpt_a = (a), *tpt_b = (b);                                                \
        if (tpt_a && tpt_b && strcmp(tpt_a, tpt_b) == 0) {                                    \
            tpt_passed++;                                                                     \
        } else {                                                                              \
            tpt_failed++;                                                                     \
            fprintf(stderr, "FAIL %s:%d [%s]: %s == %s (\"%s\" != \"%s\")\n", __FILE__,       \
                    __LINE__, tpt_case, #a, #b, tpt_a ? tpt_a : "(null)",                     \
                    tpt_b ? tpt_b : "(null)");                                                \
        }                                                                                     \
    } while (0)
#define TEST_END()                                          \
    do {                                                    \
        printf("%d passed, %d failed\n", tpt_passed, tpt_failed); \
        return tpt_failed ? 1 : 0;                          \
    } while (0)
#endif

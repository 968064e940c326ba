/* tests/test_delegate.c - >>delegate: the scheduler (tp_sched_*) with real threads. Order by due
   time, once and repeating events, missed periods skipped, cancel (pending, running, from its
   own callback, from many threads at once: each event either ran exactly once or was cancelled
   before running), tp_sched_free with work pending and a callback in progress. Run under
   ASan+UBSan, valgrind and ThreadSanitizer by tests/run.sh. Timing checks only bound from one
   side, generously (an event never runs early; "soon" is within seconds). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

static void msleep(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0) {
    }
}

/* Waits up to ms for *flag to become at least want. */
static bool wait_for(long *flag, long want, long ms) {
    int64_t end = tp_now_ms() + ms;
    while (__atomic_load_n(flag, __ATOMIC_SEQ_CST) < want && tp_now_ms() < end) msleep(2);
    return __atomic_load_n(flag, __ATOMIC_SEQ_CST) >= want;
}

/* ---- order, once, not early ---- */
#define NORD 40
static pthread_mutex_t ord_lock = PTHREAD_MUTEX_INITIALIZER;
static int ord[NORD], nord;
static int64_t ord_when[NORD], ord_due[NORD];
static long ord_done;
static void on_ordered(void *user, uint64_t id) {
    int k = (int)(intptr_t)user;
    (void)id;
    pthread_mutex_lock(&ord_lock);
    ord_when[k] = tp_now_ms();
    ord[nord++] = k;
    pthread_mutex_unlock(&ord_lock);
    __atomic_add_fetch(&ord_done, 1, __ATOMIC_SEQ_CST);
}
TEST(test_order) {
    tp_error err;
    tp_sched *s = tp_sched_new(&err);
    int i, early = 0, misordered = 0;
    CHECK(s != NULL);
    if (!s) return;
    for (i = 0; i < NORD; i++) { /* scheduled in a shuffled order, due 5 ms apart */
        int k = (i * 17) % NORD;
        ord_due[k] = tp_now_ms() + 100 + 5 * k;
        CHECK(tp_sched_after(s, 100 + 5 * k, 0, on_ordered, (void *)(intptr_t)k) != 0);
    }
    CHECK(wait_for(&ord_done, NORD, 10000));
    for (i = 0; i < NORD; i++) {
        if (ord[i] != i) misordered++;
        if (ord_when[i] < ord_due[i]) early++;
    }
    CHECK_EQ_INT(misordered, 0);
    CHECK_EQ_INT(early, 0);
    CHECK_EQ_INT(nord, NORD); /* each once */
    CHECK_EQ_INT(tp_sched_pending(s), 0);
    { /* at a wall-clock time: not before it */
        struct timespec ts;
        int64_t wall, t0 = tp_now_ms();
        clock_gettime(CLOCK_REALTIME, &ts);
        wall = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
        ord_done = 0;
        nord = 0;
        CHECK(tp_sched_at(s, wall + 150, 0, on_ordered, (void *)(intptr_t)0) != 0);
        CHECK(wait_for(&ord_done, 1, 5000));
        CHECK(ord_when[0] - t0 >= 140);
    }
    tp_sched_free(s);
}

/* ---- repeating, cancel, missed periods ---- */
static long reps;
static int64_t rep_at[64];
static void on_repeat(void *user, uint64_t id) {
    long n = __atomic_add_fetch(&reps, 1, __ATOMIC_SEQ_CST);
    (void)user;
    (void)id;
    if (n <= 64) rep_at[n - 1] = tp_now_ms();
    if (n == 3) msleep(60); /* the third run overruns six periods */
}
TEST(test_repeat) {
    tp_sched *s = tp_sched_new(NULL);
    uint64_t id;
    long at_cancel;
    int i, burst = 0;
    CHECK(s != NULL);
    if (!s) return;
    id = tp_sched_after(s, 0, 10, on_repeat, NULL);
    CHECK(id != 0);
    CHECK(wait_for(&reps, 8, 10000));
    CHECK(tp_sched_cancel(s, id)); /* it would have run again */
    at_cancel = __atomic_load_n(&reps, __ATOMIC_SEQ_CST);
    msleep(80);
    CHECK_EQ_INT(__atomic_load_n(&reps, __ATOMIC_SEQ_CST), at_cancel); /* never again */
    CHECK(!tp_sched_cancel(s, id));                                   /* already gone */
    for (i = 1; i < 7; i++) /* after the long third run: no burst of the periods it missed */
        if (rep_at[i] - rep_at[i - 1] < 3) burst++;
    CHECK_EQ_INT(burst, 0);
    CHECK_EQ_INT(tp_sched_pending(s), 0);
    tp_sched_free(s);
}

/* ---- cancel waits for a running callback; cancel from the callback itself ---- */
static long slow_in, slow_out;
static void on_slow(void *user, uint64_t id) {
    (void)user;
    (void)id;
    __atomic_store_n(&slow_in, 1, __ATOMIC_SEQ_CST);
    msleep(300);
    __atomic_store_n(&slow_out, 1, __ATOMIC_SEQ_CST);
}
static tp_sched *self_s;
static long self_runs;
static long self_cancel_result;
static void on_self_cancel(void *user, uint64_t id) {
    (void)user;
    if (__atomic_add_fetch(&self_runs, 1, __ATOMIC_SEQ_CST) == 2)
        __atomic_store_n(&self_cancel_result, (long)tp_sched_cancel(self_s, id), /* no self-wait */
                         __ATOMIC_SEQ_CST);
}
static long never_ran;
static void on_never(void *user, uint64_t id) {
    (void)user;
    (void)id;
    __atomic_add_fetch(&never_ran, 1, __ATOMIC_SEQ_CST);
}
TEST(test_cancel) {
    tp_sched *s = tp_sched_new(NULL);
    uint64_t id;
    CHECK(s != NULL);
    if (!s) return;
    id = tp_sched_after(s, 0, 0, on_slow, NULL);
    CHECK(wait_for(&slow_in, 1, 5000));
    CHECK(!tp_sched_cancel(s, id)); /* a one-shot already running: it will not run again */
    CHECK_EQ_INT(__atomic_load_n(&slow_out, __ATOMIC_SEQ_CST), 1); /* and it has ended */
    self_s = s;
    id = tp_sched_after(s, 0, 5, on_self_cancel, NULL);
    CHECK(wait_for(&self_runs, 2, 5000));
    msleep(60);
    CHECK_EQ_INT(__atomic_load_n(&self_runs, __ATOMIC_SEQ_CST), 2);
    CHECK(__atomic_load_n(&self_cancel_result, __ATOMIC_SEQ_CST) == 1);
    id = tp_sched_after(s, 200, 0, on_never, NULL); /* pending: cancelled before it is due */
    CHECK(tp_sched_cancel(s, id));
    CHECK(!tp_sched_cancel(s, id));
    CHECK(!tp_sched_cancel(s, 0));
    CHECK(!tp_sched_cancel(s, 987654321));
    msleep(300);
    CHECK_EQ_INT(never_ran, 0);
    tp_sched_free(s);
}

/* ---- many threads schedule and cancel at once ---- */
#define NT 4
#define PER 1500
static unsigned char ran[NT * PER];
static uint64_t ids[NT * PER];
static bool cancelled[NT * PER];
static tp_sched *race_s;
static void on_race(void *user, uint64_t id) {
    size_t k = (size_t)(uintptr_t)user;
    (void)id;
    __atomic_add_fetch(&ran[k], 1, __ATOMIC_SEQ_CST);
}
static void *racer(void *arg) {
    size_t t = (size_t)(uintptr_t)arg, i;
    unsigned r = (unsigned)t * 2654435761u + 1;
    for (i = 0; i < PER; i++) {
        size_t k = t * PER + i;
        r = r * 1103515245u + 12345u;
        ids[k] = tp_sched_after(race_s, (int64_t)(r >> 16) % 30, 0, on_race, (void *)(uintptr_t)k);
        if (i >= 3 && (r >> 8) % 2) { /* cancel an earlier one: pending, running or done */
            size_t j = k - 1 - (r >> 20) % 3;
            cancelled[j] |= tp_sched_cancel(race_s, ids[j]); /* once true, stays */
        }
    }
    return NULL;
}
TEST(test_race) {
    pthread_t th[NT];
    size_t t, k;
    int bad = 0, zero_ids = 0;
    long ran_total = 0, expected = 0;
    race_s = tp_sched_new(NULL);
    CHECK(race_s != NULL);
    if (!race_s) return;
    for (t = 0; t < NT; t++) pthread_create(&th[t], NULL, racer, (void *)(uintptr_t)t);
    for (t = 0; t < NT; t++) pthread_join(th[t], NULL);
    for (k = 0; k < NT * PER; k++) expected += !cancelled[k];
    {
        int64_t end = tp_now_ms() + 10000;
        while (tp_sched_pending(race_s) && tp_now_ms() < end) msleep(5);
    }
    CHECK_EQ_INT(tp_sched_pending(race_s), 0);
    tp_sched_free(race_s); /* no callback runs after this */
    for (k = 0; k < NT * PER; k++) {
        if (!ids[k]) zero_ids++;
        /* cancel() true: it never ran; false: it ran exactly once */
        if (ran[k] != (cancelled[k] ? 0 : 1)) bad++;
        ran_total += ran[k];
    }
    CHECK_EQ_INT(zero_ids, 0);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(ran_total, expected);
    printf("sched race: %d threads x %d events, %ld ran, %ld cancelled before running\n", NT,
           PER, ran_total, (long)(NT * PER) - ran_total);
}

/* ---- a repeating event goes back into a heap that filled while it ran ---- */
static long fill_runs;
static tp_sched *fill_s;
static void on_fill(void *user, uint64_t id) {
    int i;
    (void)user;
    (void)id;
    if (__atomic_add_fetch(&fill_runs, 1, __ATOMIC_SEQ_CST) == 1)
        for (i = 0; i < 16; i++) /* the heap's first capacity, taken while this one is out */
            tp_sched_after(fill_s, 60000, 0, on_never, NULL);
}
TEST(test_heap_slot) {
    fill_s = tp_sched_new(NULL);
    CHECK(fill_s != NULL);
    if (!fill_s) return;
    CHECK(tp_sched_after(fill_s, 0, 5, on_fill, NULL) != 0);
    CHECK(wait_for(&fill_runs, 3, 5000)); /* it came back after the first run and ran again */
    CHECK_EQ_INT(tp_sched_pending(fill_s), 17);
    tp_sched_free(fill_s);
}

/* ---- free with events pending and one running ---- */
TEST(test_free_busy) {
    tp_sched *s = tp_sched_new(NULL);
    int i;
    CHECK(s != NULL);
    if (!s) return;
    slow_in = slow_out = 0;
    never_ran = 0;
    CHECK(tp_sched_after(s, 0, 0, on_slow, NULL) != 0);
    for (i = 0; i < 100; i++) CHECK(tp_sched_after(s, 60000 + i, 1000, on_never, NULL) != 0);
    CHECK_EQ_INT(tp_sched_pending(s), 101);
    CHECK(wait_for(&slow_in, 1, 5000));
    tp_sched_free(s); /* waits for on_slow, frees the hundred (LeakSanitizer checks) */
    CHECK_EQ_INT(__atomic_load_n(&slow_out, __ATOMIC_SEQ_CST), 1);
    CHECK_EQ_INT(never_ran, 0);
    tp_sched_free(NULL);
}

int main(void) {
    RUN(test_order);
    RUN(test_repeat);
    RUN(test_cancel);
    RUN(test_race);
    RUN(test_heap_slot);
    RUN(test_free_busy);
    TEST_END();
}

/* tests/test_resolve.c - name resolution under a deadline and tp_bot_stop. getaddrinfo has
   neither, so telepot resolves names on a helper thread; this test replaces getaddrinfo (the
   executable's own definition wins over libc's) to make some names slow or stalled, with
   everything else passed on to the real one, and checks against tpemu on loopback that:
   a slow name still connects; a stalled one fails with TP_ERR_TIMEOUT at the call's deadline
   and with TP_ERR_STOPPED at tp_bot_stop, not when the resolver gives up; an unknown name is
   TP_ERR_RESOLVE; abandoned resolver threads finish and free what they got (ASan and valgrind
   see no leak at exit); the token never shows. A name whose first address is a blackhole (a
   listener whose accept queue is full drops SYNs) and whose second is tpemu connects through
   the second long before the deadline (Happy Eyeballs). */
#define _GNU_SOURCE
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOKEN "123456:RESOLVE-SECRET"
#include "tp_emu.h"
#include "tp_sock.h"
#include <fcntl.h>

#define STALL_MS 2500

static int stalls_active, gai_calls;
static char blackhole_port[16] = "1", emu_port[16] = "1";
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

typedef int (*gai_fn)(const char *, const char *, const struct addrinfo *, struct addrinfo **);

/* "stall.test": hangs STALL_MS, then fails, like a resolver whose server never answers;
   "slow.test": 200 ms, then 127.0.0.1; "fail.test": unknown at once; others: libc's. */
int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res) {
    gai_fn real = (gai_fn)(uintptr_t)dlsym(RTLD_NEXT, "getaddrinfo");
    pthread_mutex_lock(&mu);
    gai_calls++;
    pthread_mutex_unlock(&mu);
    if (node && strcmp(node, "stall.test") == 0) {
        pthread_mutex_lock(&mu);
        stalls_active++;
        pthread_mutex_unlock(&mu);
        msleep(STALL_MS);
        pthread_mutex_lock(&mu);
        stalls_active--;
        pthread_mutex_unlock(&mu);
        return EAI_AGAIN;
    }
    if (node && strcmp(node, "fail.test") == 0) return EAI_NONAME;
    if (node && strcmp(node, "two.test") == 0 && real) { /* the blackhole first, then tpemu */
        struct addrinfo *a = NULL, *b = NULL;
        int rc = real("127.0.0.1", blackhole_port, hints, &a);
        if (rc != 0) return rc;
        if ((rc = real("127.0.0.1", emu_port, hints, &b)) != 0) {
            freeaddrinfo(a);
            return rc;
        }
        a->ai_next = b; /* glibc frees a list node by node */
        *res = a;
        return 0;
    }
    if (node && strcmp(node, "slow.test") == 0) {
        msleep(200);
        node = "127.0.0.1";
    }
    return real ? real(node, service, hints, res) : EAI_FAIL;
}

static bool no_token(const tp_error *e) {
    return !strstr(e->message, "RESOLVE-SECRET") && !strstr(e->description, "RESOLVE-SECRET");
}

TEST(test_numeric_address) { /* resolved in place, no thread */
    tp_error e;
    tp_bot *b = new_bot(TOKEN);
    CHECK_EQ_INT(tp_get_me(b, NULL, &e), TP_OK);
    tp_bot_free(b);
}

TEST(test_slow_name_connects) {
    char url[80];
    tp_error e;
    tp_user_result me;
    tp_bot *b;
    snprintf(url, sizeof url, "http://slow.test:%s", strrchr(emu_url, ':') + 1);
    b = bot_at(TOKEN, url, 5000);
    CHECK_EQ_INT(tp_get_me(b, &me, &e), TP_OK);
    CHECK(me.value && me.value->is_bot);
    tp_json_doc_free(me.doc);
    tp_bot_free(b);
    CHECK(strstr(control("GET", "/_emu/calls", NULL) ? control("GET", "/_emu/calls", NULL) : "",
                  "getMe") != NULL);
}

TEST(test_unknown_name) {
    tp_error e;
    tp_bot *b = bot_at(TOKEN, "http://fail.test:1", 1000);
    CHECK_EQ_INT(tp_get_me(b, NULL, &e), TP_ERR_RESOLVE);
    CHECK(strstr(e.message, "cannot resolve fail.test") != NULL);
    CHECK_EQ_INT(e.sent, TP_NOT_SENT); /* a name lookup failed: not sent, tried again */
    CHECK(e.attempts >= 2);
    CHECK(no_token(&e));
    tp_bot_free(b);
}

TEST(test_stalled_name_meets_the_deadline) {
    tp_error e;
    tp_bot *b = bot_at(TOKEN, "http://stall.test:1", 400);
    int64_t t0 = tp_now_ms(), dt;
    CHECK_EQ_INT(tp_get_me(b, NULL, &e), TP_ERR_TIMEOUT);
    dt = tp_now_ms() - t0;
    CHECK(dt >= 350 && dt < 1500); /* the stall lasts STALL_MS */
    CHECK(strstr(e.message, "resolving stall.test timed out") != NULL);
    CHECK(no_token(&e));
    tp_bot_free(b); /* the resolver thread is still running: it must not need the bot */
}

/* A listening socket whose accept queue is full: the kernel drops further SYNs, so a connect
   to it hangs like one to a blackholed route. */
static int blackhole(int *port, int *fill, int nfill) {
    int i, lfd = listen_any(port);
    listen(lfd, 0);
    for (i = 0; i < nfill; i++) {
        fill[i] = socket(AF_INET, SOCK_STREAM, 0);
        (void)fcntl(fill[i], F_SETFL, O_NONBLOCK);
        {
            struct sockaddr_in a;
            memset(&a, 0, sizeof a);
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            a.sin_port = htons((uint16_t)*port);
            (void)connect(fill[i], (struct sockaddr *)&a, sizeof a);
        }
    }
    msleep(100);
    return lfd;
}

TEST(test_blackholed_first_address) {
    int port, fill[4], i, lfd = blackhole(&port, fill, 4);
    char url[80];
    tp_error e;
    tp_bot *b;
    tp_bot_opts o;
    int64_t t0, dt;
    snprintf(blackhole_port, sizeof blackhole_port, "%d", port);
    snprintf(emu_port, sizeof emu_port, "%s", strrchr(emu_url, ':') + 1);
    { /* the blackhole is one: a plain connect to it does not complete in 500 ms */
        tp_http_opts ho;
        tp_http *h;
        tp_http_req rq;
        tp_http_resp rs;
        char hu[64];
        snprintf(hu, sizeof hu, "http://127.0.0.1:%d", port);
        memset(&ho, 0, sizeof ho);
        ho.url = hu;
        ho.connect_timeout_ms = 500;
        h = tp_http_new(&ho, NULL);
        memset(&rq, 0, sizeof rq);
        rq.path = "/";
        CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_ERR_TIMEOUT);
        tp_http_free(h);
    }
    snprintf(url, sizeof url, "http://two.test:%s", emu_port);
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = url;
    o.connect_timeout_ms = 3000;
    b = tp_bot_new(&o, &e);
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_get_me(b, NULL, &e), TP_OK);
    dt = tp_now_ms() - t0;
    CHECK(dt < 1500); /* the second address joined after ~250 ms, not at the deadline */
    tp_bot_free(b);
    for (i = 0; i < 4; i++) close(fill[i]);
    close(lfd);
}

static void never(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)u;
    (void)user;
}

TEST(test_stop_interrupts_resolution) {
    tp_error e;
    tp_bot *b = bot_at(TOKEN, "http://stall.test:1", 60000);
    tp_poller *p;
    int64_t t0;
    p = tp_poll_start(b, never, NULL, NULL, &e);
    CHECK(p != NULL);
    msleep(300); /* the poller is waiting for the name now */
    t0 = tp_now_ms();
    tp_bot_stop(b);
    CHECK_EQ_INT(tp_poll_join(p, &e), TP_OK);
    CHECK(tp_now_ms() - t0 < 1000);
    tp_bot_free(b);
}

int main(void) {
    int i, left;
    start_emu();
    RUN(test_numeric_address);
    RUN(test_slow_name_connects);
    RUN(test_unknown_name);
    RUN(test_stalled_name_meets_the_deadline);
    RUN(test_stop_interrupts_resolution);
    RUN(test_blackholed_first_address);
    stop_emu();
    CHECK(gai_calls >= 4);
    for (i = 0, left = 1; i < 2 * STALL_MS / 50 && left; i++) { /* abandoned threads finish */
        pthread_mutex_lock(&mu);
        left = stalls_active;
        pthread_mutex_unlock(&mu);
        if (left) msleep(50);
    }
    CHECK_EQ_INT(left, 0);
    msleep(100); /* and free what they hold after their getaddrinfo returns */
    TEST_END();
}

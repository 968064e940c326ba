/* tests/fuzz/fuzz_hook.c - libFuzzer entry for the webhook receiver's request reader: the input
   is what a client sends on one connection (a socketpair, then end of stream); any bytes get
   answers or a close, never a crash, a hang or a leak. Valid updates reach a no-op handler.
   clang -g -O1 -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_hook.c -o build/fuzz_hook */
#define TELEPOT_IMPLEMENTATION
#include "../../telepot.h"
#include <stdlib.h>

static void nop(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot, (void)u, (void)user;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static tp_bot *bot;
    static tp_hook *h;
    tp__hconn *c;
    int sv[2];
    char sink[4096];
    if (size > 60000) return 0;
    if (!h) {
        tp_bot_opts bo;
        tp_hook_opts ho;
        memset(&bo, 0, sizeof bo);
        bo.token = "1:x";
        bo.api_url = "http://127.0.0.1:9";
        bot = tp_bot_new(&bo, NULL);
        memset(&ho, 0, sizeof ho);
        ho.no_server = true;
        ho.path = "/hook";
        ho.secret_token = "s3cr3t";
        ho.max_header_bytes = 1024;
        ho.max_body_bytes = 2048;
        ho.request_timeout_ms = 200;
        ho.idle_timeout_ms = 200;
        ho.workers = 1;
        ho.ordered = size & 1;
        h = tp_hook_new(bot, nop, NULL, &ho, NULL);
    }
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 0;
    if (write(sv[1], data, size) != (ssize_t)size) abort();
    shutdown(sv[1], SHUT_WR);
    c = (tp__hconn *)tp__alloc(sizeof *c);
    memset(c, 0, sizeof *c);
    c->h = h;
    c->fd = sv[0];
    c->cap = h->o.max_header_bytes + 1;
    c->buf = (char *)tp__alloc(c->cap);
    pthread_mutex_lock(&h->lock);
    h->nconns++;
    pthread_mutex_unlock(&h->lock);
    tp__hook_conn_main(c); /* closes sv[0], frees c */
    while (read(sv[1], sink, sizeof sink) > 0) {
    }
    close(sv[1]);
    return 0;
}

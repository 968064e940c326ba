/* tests/test_compile.c - the header included before and after the implementation define, as
   C and as C++; a tiny smoke run of what needs no network. */
#define _POSIX_C_SOURCE 200809L
#include "../telepot.h"
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "../telepot.h"
#include <stdio.h>

static void on_update(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)u;
    (void)user;
}

int main(void) {
    tp_error err;
    tp_bot_opts opts;
    tp_bot *bot;
    int failed = 0;
    memset(&opts, 0, sizeof opts);
    opts.token = "1:x";
    opts.api_url = "https://api.telegram.org";
    bot = tp_bot_new(&opts, &err);
#ifdef TELEPOT_BEARSSL
    failed += bot == NULL;
#else
    failed += bot != NULL || err.code != TP_ERR_TLS_DISABLED ||
              strstr(err.message, "TELEPOT_BEARSSL") == NULL;
#endif
    tp_bot_free(bot);
    failed += strcmp(tp_version(), TELEPOT_VERSION_STRING) != 0;
    { /* an HTTPS webhook receiver: refused without BearSSL, files read with it */
        tp_hook_opts ho;
        tp_hook *h;
        opts.api_url = "http://127.0.0.1:9";
        bot = tp_bot_new(&opts, &err);
        memset(&ho, 0, sizeof ho);
        ho.cert_file = "/nonexistent/cert.pem";
        ho.key_file = "/nonexistent/key.pem";
        h = bot ? tp_hook_new(bot, on_update, NULL, &ho, &err) : NULL;
#ifdef TELEPOT_BEARSSL
        failed += !bot || h != NULL || err.code != TP_ERR_FILE;
#else
        failed += !bot || h != NULL || err.code != TP_ERR_TLS_DISABLED ||
                  strstr(err.message, "TELEPOT_BEARSSL") == NULL;
#endif
        tp_hook_free(h);
        tp_bot_free(bot);
    }
    printf("%d passed, %d failed\n", 4 - failed, failed);
    return failed != 0;
}

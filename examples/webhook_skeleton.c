/* webhook_skeleton: the skeleton fed by the built-in webhook receiver instead of long polling.
   Telegram POSTs each update to URL; the receiver checks the secret token, answers 200 at once
   and runs handle() on a worker thread (one chat's updates in order). Prints one line per
   update: the flavor, and for messages "content_type chat_type chat_id".

   Build:  cc -O2 examples/webhook_skeleton.c -o webhook_skeleton -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/webhook_skeleton.c -o webhook_skeleton -lbearssl -lpthread
   Run:    ./webhook_skeleton TOKEN https://example.org/bot [PORT]
           (listens on 127.0.0.1:PORT, default 8080, plain HTTP: put nginx/caddy in front for
           TLS; TELEGRAM_BOT_TOKEN, TELEPOT_WEBHOOK_URL, TELEPOT_WEBHOOK_PORT work too; the
           secret comes from TELEPOT_WEBHOOK_SECRET, else it is made up at start)
   Offline: build/tpemu --webhook ... and URL http://127.0.0.1:PORT/  (see tests/test_examples.sh)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot, (void)user;
    if (u->message) {
        tp_glance_info g = tp_glance(u->message->json);
        printf("chat %s %s %lld\n", g.content_type, g.chat_type, (long long)g.chat_id);
    } else {
        printf("%s\n", tp_flavor_name(tp_flavor_of(u->json)));
    }
    fflush(stdout); /* Do your stuff here ... */
}

static const char *arg(int argc, char **argv, int i, const char *env) {
    return argc > i ? argv[i] : getenv(env);
}

int main(int argc, char **argv) {
    const char *token = arg(argc, argv, 1, "TELEGRAM_BOT_TOKEN"), *url = arg(argc, argv, 2, "TELEPOT_WEBHOOK_URL");
    const char *port = arg(argc, argv, 3, "TELEPOT_WEBHOOK_PORT"), *secret = getenv("TELEPOT_WEBHOOK_SECRET");
    char made[33];
    tp_error err;
    tp_bot *bot;
    tp_hook *hook;
    if (!token || !*token || !url || !*url) {
        fprintf(stderr, "usage: %s TOKEN URL [PORT]   (or TELEGRAM_BOT_TOKEN, TELEPOT_WEBHOOK_URL)\n", argv[0]);
        return 2;
    }
    if (!secret) { /* Telegram repeats it in every POST: only Telegram knows it */
        FILE *f = fopen("/dev/urandom", "rb");
        unsigned char r[16] = {0};
        if (!f || fread(r, 1, sizeof r, f) != sizeof r) return fprintf(stderr, "no /dev/urandom\n"), 1;
        fclose(f);
        for (int i = 0; i < 16; i++) sprintf(made + 2 * i, "%02x", r[i]);
        secret = made;
    }
    bot = tp_bot_new(&(tp_bot_opts){ .token = token }, &err);
    if (!bot) return fprintf(stderr, "webhook_skeleton: %s\n", err.message), 1;
    tp_bot_stop_on_signals(bot);
    hook = tp_hook_new(bot, handle, NULL, &(tp_hook_opts){ .port = port ? atoi(port) : 8080,
                                                           .secret_token = secret }, &err);
    if (!hook || tp_hook_set_webhook(bot, url, secret, NULL, &err) != TP_OK) {
        fprintf(stderr, "webhook_skeleton: %s\n", err.message);
        tp_hook_free(hook);
        tp_bot_free(bot);
        return 1;
    }
    printf("Listening on port %d ...\n", tp_hook_port(hook));
    fflush(stdout);
    tp_hook_run(hook, &err); /* until SIGINT/SIGTERM; queued updates are still handled */
    tp_hook_free(hook);
    tp_bot_free(bot);
    return 0;
}

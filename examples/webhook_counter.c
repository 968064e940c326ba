/* webhook_counter: telepot's message counter, a DelegatorBot fed by the webhook receiver. Each
   chat gets its own small delegate that counts the chat's messages and answers with the
   count; after 10 s of silence the delegate closes (the next message starts again at 1). The
   receiver's eight worker threads run the delegates; one chat's updates run one at a time,
   in order, other chats in parallel.

   Build:  cc -O2 examples/webhook_counter.c -o webhook_counter -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/webhook_counter.c -o webhook_counter -lbearssl -lpthread
   Run:    ./webhook_counter TOKEN https://example.org/bot [PORT]
           (listens on 127.0.0.1:PORT, default 8080, 0: any free one, plain HTTP behind a TLS
           proxy; the secret comes from TELEPOT_WEBHOOK_SECRET, else it is made up at start)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct counter {
    int count; // the delegate's state: zeroed when it opens, freed after it closes
} counter;

static void on_message(tp_delegate *d, const tp_update *u) {
    counter *c = (counter *)tp_delegate_state(d);
    if (u->message) tp_delegate_printf(d, "%d", ++c->count); // edits etc. are not counted
}

static const tp_handler counter_handler = {
    .state_size = sizeof(counter),
    .on_message = on_message,
    .timeout_ms = 10000, // close after 10 s without an update
};

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *url = argc > 2 ? argv[2] : getenv("TELEPOT_WEBHOOK_URL");
    const char *port = argc > 3 ? argv[3] : getenv("TELEPOT_WEBHOOK_PORT");
    const char *secret = getenv("TELEPOT_WEBHOOK_SECRET");
    char made[33];
    if (!port || !*port) port = "8080";
    if (!token || !*token || *token == '-' || !url || !*url || atoi(port) < 0 ||
        atoi(port) > 65535) {
        fprintf(stderr, "usage: %s TOKEN URL [PORT]   (or set TELEGRAM_BOT_TOKEN, "
                        "TELEPOT_WEBHOOK_URL, TELEPOT_WEBHOOK_PORT)\n", argv[0]);
        return 2;
    }
    if (!secret || !*secret) { // only Telegram learns it, from setWebhook
        unsigned char r[16];
        FILE *f = fopen("/dev/urandom", "rb");
        if (!f || fread(r, 1, sizeof r, f) != sizeof r) return perror("/dev/urandom"), 1;
        fclose(f);
        for (int i = 0; i < 16; i++) snprintf(made + 2 * i, 3, "%02x", r[i]);
        secret = made;
    }
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err);
    if (!bot) {
        fprintf(stderr, "webhook_counter: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
    tp_dlg_route routes[] = { TP_ROUTE(tp_per_chat_id(), &counter_handler), TP_DLG_END };
    tp_dlg *dlg = tp_dlg_new(bot, routes, NULL, &err); // before the receiver feeds it
    tp_hook *hook = !dlg ? NULL
                         : tp_hook_new(bot, tp_dlg_handler, dlg, &(tp_hook_opts){
                               .port = atoi(port), .secret_token = secret, .workers = 8 }, &err);
    tp_err rc = !hook ? err.code
                      : tp_set_webhook(bot, &(tp_set_webhook_args){ .url = url,
                                       .secret_token = secret }, NULL, &err);
    if (rc == TP_OK) {
        printf("Listening on port %d ...\n", tp_hook_port(hook));
        fflush(stdout);
        rc = tp_hook_run(hook, &err); // until SIGINT/SIGTERM; queued updates still run
    }
    if (rc != TP_OK && tp_bot_stopped(bot)) rc = TP_OK; // a stop cut the setWebhook short
    if (rc != TP_OK) fprintf(stderr, "webhook_counter: %s\n", err.message);
    tp_hook_free(hook); // drains the receiver: nothing feeds the delegator any more
    tp_dlg_free(dlg);   // then every delegate closes (TP_CLOSE_SHUTDOWN)
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

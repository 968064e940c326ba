/* counter: telepot's MessageCounter on the delegator. Each chat gets its own small delegate
   that counts the messages of that chat and answers with the count; after 10 s of silence the
   delegate closes (the next message starts again at 1). Four worker threads serve the chats;
   one chat's messages are handled one at a time, in order. Stops cleanly on SIGINT/SIGTERM:
   every open delegate is closed (reason shutdown) and the offset confirmed.

   Build:  cc -O2 examples/counter.c -o counter -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/counter.c -o counter -lbearssl -lpthread
   Run:    ./counter TOKEN          (or TELEGRAM_BOT_TOKEN=TOKEN ./counter)
           TELEPOT_API_URL=http://127.0.0.1:PORT ./counter 123456:TEST   (the emulator)
   Exit status: 0 after SIGINT/SIGTERM, 2 without a token, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct counter {
    int count; // the delegate's state: zeroed when it opens, freed after it closes
} counter;

static void on_message(tp_delegate *d, const tp_update *u) {
    counter *c = (counter *)tp_delegate_state(d);
    (void)u;
    tp_delegate_printf(d, "%d", ++c->count); // to this delegate's chat
}

static void on_close(tp_delegate *d, tp_close_reason why) {
    if (why == TP_CLOSE_IDLE) // runs on the delegator's timer thread
        fprintf(stderr, "counter: chat %lld idle, closed\n", (long long)tp_delegate_chat_id(d));
}

static const tp_handler counter_handler = {
    .state_size = sizeof(counter),
    .on_message = on_message,
    .on_close = on_close,
    .timeout_ms = 10000, // close after 10 s without a message
};

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    if (!token || !*token || *token == '-') {
        fprintf(stderr, "usage: %s TOKEN   (or set TELEGRAM_BOT_TOKEN)\n", argv[0]);
        return 2;
    }
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err);
    if (!bot) {
        fprintf(stderr, "counter: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
    tp_dlg_route routes[] = { { .seeder = tp_per_chat_id(), .handler = &counter_handler },
                              { .handler = NULL } }; // the end of the list
    tp_err rc = tp_dlg_run(bot, routes, &(tp_dlg_opts){ .workers = 4 }, &err); // until stopped
    if (rc != TP_OK) fprintf(stderr, "counter: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

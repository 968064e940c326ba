/* echo: answers every text message with the same text; stops cleanly on SIGINT/SIGTERM,
   confirming the offset (a restart neither repeats nor loses an update). Warnings, such as a
   server that cannot be reached, go to stderr. This code, from its #define on, is telepot.h's
   QUICK START and README's "A bot" (tests/test_docs.sh checks that they stay the same).

   Build:  cc -O2 examples/echo.c -o echo -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/echo.c -o echo -lbearssl -lpthread
   Run:    ./echo TOKEN             (or TELEGRAM_BOT_TOKEN=TOKEN ./echo)
           TELEPOT_API_URL=http://127.0.0.1:PORT ./echo 123456:TEST   (the emulator)
   Exit status: 0 after SIGINT/SIGTERM, 2 without a token, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <stdio.h>
#include <stdlib.h>

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    const tp_message *m = u->message; // NULL for other kinds of update
    (void)user;
    if (m && m->text) // photos, stickers, ... have no text: ignored
        tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                      .text = m->text }, NULL, NULL);
}

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    if (!token || !*token || *token == '-') {
        fprintf(stderr, "usage: %s TOKEN   (or set TELEGRAM_BOT_TOKEN)\n", argv[0]);
        return 2;
    }
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err); // warnings go to stderr, never the token
    if (!bot) {
        fprintf(stderr, "echo: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
    tp_err rc = tp_poll_run(bot, handle, NULL, NULL, &err); // blocks until stopped
    if (rc != TP_OK) fprintf(stderr, "echo: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

/* bench/echo_pool.c - examples/echo.c's handler on W worker threads: tp_poll_run with
   tp_poll_opts.workers = W, and a pool of W keep-alive connections for the calls
   (tp_bot_opts.max_connections = W), so W sendMessage can be in flight at once. bench/run.sh
   measures it against tpemu --latency (section "Echo at 50 ms API latency").

   Build:  cc -O2 bench/echo_pool.c -o echo_pool -lpthread
   Run:    TELEPOT_API_URL=http://127.0.0.1:PORT TELEGRAM_BOT_TOKEN=123456:TEST echo_pool W
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <stdio.h>
#include <stdlib.h>

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    const tp_message *m = u->message;
    (void)user;
    if (m && m->text)
        tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                      .text = m->text }, NULL, NULL);
}

int main(int argc, char **argv) {
    int w = argc > 1 ? atoi(argv[1]) : 0;
    const char *token = getenv("TELEGRAM_BOT_TOKEN");
    if (w < 1 || w > 1024 || !token || !*token) {
        fprintf(stderr, "usage: TELEGRAM_BOT_TOKEN=T %s WORKERS   (1..1024)\n", argv[0]);
        return 2;
    }
    tp_bot_opts bo = { .token = token, .max_connections = w, .log = tp_log_stderr,
                       .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&bo, &err);
    if (!bot) {
        fprintf(stderr, "echo_pool: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot);
    tp_poll_opts po = { .workers = w };
    tp_err rc = tp_poll_run(bot, handle, NULL, &po, &err);
    if (rc != TP_OK) fprintf(stderr, "echo_pool: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

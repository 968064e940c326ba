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

int main(int argc, char **argv) { return tp_hook_main(argc, argv, handle, NULL, NULL); }

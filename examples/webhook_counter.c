/* webhook_counter: telepot's message counter fed by the webhook receiver. Each chat gets its
   own count, answered to every message; a chat quiet for 10 s starts again from 1 (telepot's
   delegate timeout). Updates of one chat run in order on one worker thread, chats in parallel,
   so the table below needs its lock only against other chats.

   Build:  cc -O2 examples/webhook_counter.c -o webhook_counter -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/webhook_counter.c -o webhook_counter -lbearssl -lpthread
   Run:    ./webhook_counter TOKEN https://example.org/bot [PORT]
           (listens on 127.0.0.1:PORT, default 8080, plain HTTP behind a TLS proxy; the secret
           comes from TELEPOT_WEBHOOK_SECRET, else it is made up at start)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096 /* chats remembered; a full table forgets the longest idle one */
static struct { int64_t chat, last_ms; int count; } table[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int count_message(int64_t chat) {
    int64_t now = tp_now_ms();
    int n, i, pick = 0;
    pthread_mutex_lock(&lock);
    for (i = 0; i < SLOTS && table[i].chat != chat; i++)
        if (table[i].last_ms < table[pick].last_ms) pick = i;
    if (i < SLOTS) pick = i;
    if (table[pick].chat != chat || now - table[pick].last_ms > 10000) table[pick].count = 0;
    table[pick].chat = chat;
    table[pick].last_ms = now;
    n = ++table[pick].count;
    pthread_mutex_unlock(&lock);
    return n;
}

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    char text[16];
    (void)user;
    if (!u->message) return;
    snprintf(text, sizeof text, "%d", count_message(u->message->chat->id));
    tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(u->message->chat->id),
                                                  .text = text }, NULL, NULL);
}

int main(int argc, char **argv) {
    return tp_hook_main(argc, argv, handle, NULL, &(tp_hook_opts){ .workers = 8 });
}

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
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *url = argc > 2 ? argv[2] : getenv("TELEPOT_WEBHOOK_URL");
    const char *port = argc > 3 ? argv[3] : getenv("TELEPOT_WEBHOOK_PORT");
    const char *secret = getenv("TELEPOT_WEBHOOK_SECRET");
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
    if (!bot) return fprintf(stderr, "webhook_counter: %s\n", err.message), 1;
    tp_bot_stop_on_signals(bot);
    hook = tp_hook_new(bot, handle, NULL, &(tp_hook_opts){ .port = port ? atoi(port) : 8080,
                                                           .secret_token = secret, .workers = 8 }, &err);
    if (!hook || tp_hook_set_webhook(bot, url, secret, NULL, &err) != TP_OK) {
        fprintf(stderr, "webhook_counter: %s\n", err.message);
        tp_hook_free(hook);
        tp_bot_free(bot);
        return 1;
    }
    tp_hook_run(hook, &err); /* until SIGINT/SIGTERM */
    tp_hook_free(hook);
    tp_bot_free(bot);
    return 0;
}

/* skeleton_extend: the skeleton as a "class": a struct holds the bot's state (its own
   @username from getMe, a message counter) and the handler gets it through `user`.
   It answers each text with "<n>: <text>" and /start with a greeting.

   Build:  cc -O2 examples/skeleton_extend.c -o skeleton_extend -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/skeleton_extend.c -o skeleton_extend -lbearssl -lpthread
   Run:    ./skeleton_extend TOKEN  (or TELEGRAM_BOT_TOKEN=TOKEN ./skeleton_extend)
           TELEPOT_API_URL=http://127.0.0.1:PORT ./skeleton_extend 123456:TEST   (the emulator) */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct your_bot {
    char username[64]; /* the bot's own username, from getMe */
    long count;        /* text messages answered so far */
} your_bot;

/* The "constructor": asks Telegram who we are. getMe's result is read through the DOM. */
static tp_err your_bot_init(your_bot *self, tp_bot *bot, tp_error *err) {
    tp_json_doc *me = NULL;
    const char *name;
    tp_err rc = tp_get_me(bot, &me, err);
    if (rc != TP_OK) return rc;
    name = tp_json_get_str(tp_result(me), "username"); /* the document owns this string */
    snprintf(self->username, sizeof self->username, "%s", name ? name : "");
    self->count = 0;
    tp_json_doc_free(me); /* ...so copy it before freeing the document */
    return TP_OK;
}

static void your_bot_handle(tp_bot *bot, const tp_update *u, void *user) {
    your_bot *self = (your_bot *)user;
    const tp_message *m = u->message;
    tp_buf reply;
    if (!m) return;
    tp_glance_info g = tp_glance(m->json);
    printf("%s %s %lld\n", g.content_type, g.chat_type ? g.chat_type : "?", (long long)g.chat_id);
    fflush(stdout);
    if (!m->text) return; /* do your stuff according to content_type ... */
    tp_buf_init(&reply);
    if (strcmp(m->text, "/start") == 0)
        tp_buf_printf(&reply, "Hello, I am @%s. Send me text and I will count it.", self->username);
    else
        tp_buf_printf(&reply, "%ld: %s", ++self->count, m->text);
    if (!reply.err) /* allocation failures are sticky: one check after the appends */
        tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                      .text = reply.ptr }, NULL, NULL);
    tp_buf_deinit(&reply);
}

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    your_bot self;
    tp_error err;
    tp_bot *bot;
    tp_err rc;
    if (!token || !*token || *token == '-') {
        fprintf(stderr, "usage: %s TOKEN   (or set TELEGRAM_BOT_TOKEN)\n", argv[0]);
        return 2;
    }
    bot = tp_bot_new(&(tp_bot_opts){ .token = token }, &err);
    if (!bot) {
        fprintf(stderr, "skeleton_extend: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); /* before getMe, so a signal during it also stops cleanly */
    rc = your_bot_init(&self, bot, &err);
    if (rc == TP_OK) {
        printf("Listening as @%s ...\n", self.username);
        fflush(stdout);
        rc = tp_poll_run(bot, your_bot_handle, &self, NULL, &err);
    }
    if (rc != TP_OK && tp_bot_stopped(bot)) rc = TP_OK; /* SIGINT/SIGTERM while getMe waited */
    if (rc != TP_OK) fprintf(stderr, "skeleton_extend: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

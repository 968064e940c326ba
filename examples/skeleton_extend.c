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

/* The "constructor", run by tp_poll_main once the bot exists: asks Telegram who we are.
   getMe's result comes typed (a tp_user); its document owns the strings. */
static tp_err your_bot_init(tp_bot *bot, void *user, tp_error *err) {
    your_bot *self = (your_bot *)user;
    tp_user_result me;
    tp_err rc = tp_get_me(bot, &me, err);
    if (rc != TP_OK) return rc;
    snprintf(self->username, sizeof self->username, "%s",
             me.value && me.value->username ? me.value->username : "");
    self->count = 0;
    tp_json_doc_free(me.doc); /* ...so copy them before freeing the document */
    printf("Listening as @%s ...\n", self->username);
    fflush(stdout);
    return TP_OK;
}

static void your_bot_handle(tp_bot *bot, const tp_update *u, void *user) {
    your_bot *self = (your_bot *)user;
    const tp_message *m = u->message;
    tp_buf reply;
    if (!m) return;
    tp_glance_info g = tp_glance(m->json);
    printf("%s %s %lld\n", g.content_type, g.chat_type, (long long)g.chat_id);
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
    your_bot self;
    return tp_poll_main(argc, argv, your_bot_handle, &self, &(tp_main_opts){ .setup = your_bot_init });
}

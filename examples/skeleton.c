/* skeleton: a starting point. One handler glances at each message and prints one line,
   "content_type chat_type chat_id" and for a text the text as a JSON string; other kinds of
   update print their flavor and their JSON. Do your stuff where the comment says so.

   Build:  cc -O2 examples/skeleton.c -o skeleton -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/skeleton.c -o skeleton -lbearssl -lpthread
   Run:    ./skeleton TOKEN         (or TELEGRAM_BOT_TOKEN=TOKEN ./skeleton)
           TELEPOT_API_URL=http://127.0.0.1:PORT ./skeleton 123456:TEST   (the emulator) */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    tp_buf json; /* the text, or the whole update, as one line of JSON */
    tp_jw w;
    (void)bot;
    (void)user;
    tp_buf_init(&json);
    tp_jw_init(&w, &json);
    if (u->message) { /* flavor "chat": a new message */
        tp_glance_info g = tp_glance(u->message->json);
        if (strcmp(g.content_type, "text") == 0) tp_jw_str(&w, u->message->text);
        printf("%s %s %lld%s%s\n", g.content_type, g.chat_type ? g.chat_type : "?",
               (long long)g.chat_id, json.len ? " " : "", json.len ? json.ptr : "");
        /* Do your stuff according to content_type ... */
    } else {
        /* edited_chat, callback_query, inline_query, ...: every update is also a JSON DOM */
        tp_flavor flavor = tp_flavor_of(u->json);
        tp_jw_value(&w, tp_update_payload(u->json));
        printf("%s %s\n", tp_flavor_name(flavor), json.ptr ? json.ptr : "");
    }
    fflush(stdout);
    tp_buf_deinit(&json);
}

/* Runs once the bot exists, before the first poll. */
static tp_err hello(tp_bot *bot, void *user, tp_error *err) {
    (void)bot, (void)user, (void)err;
    printf("Listening ...\n");
    fflush(stdout);
    return TP_OK;
}

int main(int argc, char **argv) {
    return tp_poll_main(argc, argv, handle, NULL, &(tp_main_opts){ .setup = hello });
}

/* diceyclock: /roll answers a random number from 1 to 6, /time the current local time
   (YYYY-MM-DDTHH:MM:SS). /start, /help and any other text in a private chat get the list of
   commands with a reply keyboard of them (the user taps instead of typing); other group
   messages are ignored (a bot answering every one is noise).

   Build:  cc -O2 examples/diceyclock.c -o diceyclock -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/diceyclock.c -o diceyclock -lbearssl -lpthread
   Run:    ./diceyclock TOKEN       (or TELEGRAM_BOT_TOKEN=TOKEN ./diceyclock)
           TELEPOT_API_URL=http://127.0.0.1:PORT ./diceyclock 123456:TEST   (the emulator) */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* True when text is the command cmd, alone, with arguments, or addressed as /cmd@SomeBot. */
static bool is_command(const char *text, const char *cmd) {
    size_t n = strlen(cmd);
    return strncmp(text, cmd, n) == 0 && (text[n] == '\0' || text[n] == ' ' || text[n] == '@');
}

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    const tp_message *m = u->message;
    char reply[64];
    /* a compound literal: alive to the end of this function's block, so built here */
    const tp_reply_markup *commands = TP_REPLY_KEYBOARD(TP_LABELS("/roll", "/time"));
    const tp_reply_markup *keyboard = NULL;
    bool in_private;
    (void)user;
    if (!m || !m->text) return;
    in_private = m->chat->type && strcmp(m->chat->type, "private") == 0;
    if (is_command(m->text, "/roll")) {
        snprintf(reply, sizeof reply, "%d", 1 + rand() % 6);
    } else if (is_command(m->text, "/time")) {
        time_t now = time(NULL);
        struct tm tm;
        strftime(reply, sizeof reply, "%Y-%m-%dT%H:%M:%S", localtime_r(&now, &tm));
    } else if (is_command(m->text, "/start") || is_command(m->text, "/help") || in_private) {
        snprintf(reply, sizeof reply, "/roll - roll a die\n/time - what time is it?");
        keyboard = commands;
    } else {
        return;
    }
    tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                  .text = reply, .reply_markup = keyboard },
                    NULL, NULL);
}

int main(int argc, char **argv) {
    srand((unsigned)time(NULL) ^ ((unsigned)getpid() << 16)); /* a different die per process */
    return tp_poll_main(argc, argv, handle, NULL, NULL);
}

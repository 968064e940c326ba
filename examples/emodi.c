/* emodi: an emoji Unicode decoder. Replies to a text (or a sticker's emoji) with the code
   points of its characters in one message: a grinning face and an A -> "U+1F600 U+0041".

   Build:  cc -O2 examples/emodi.c -o emodi -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/emodi.c -o emodi -lbearssl -lpthread
   Run:    ./emodi TOKEN            (or TELEGRAM_BOT_TOKEN=TOKEN ./emodi)
           TELEPOT_API_URL=http://127.0.0.1:PORT ./emodi 123456:TEST   (the emulator) */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_POINTS 400 /* "U+10FFFF " is 9 characters; Telegram's limit is 4096 */

/* Decodes one UTF-8 sequence at *s and advances *s past it. The library hands out valid
   UTF-8 only, so this needs no error handling beyond not running past the end. */
static uint32_t next_code_point(const unsigned char **s) {
    const unsigned char *p = *s;
    uint32_t c = *p++;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (more) c &= 0x3Fu >> more; /* the lead byte's payload bits */
    for (; more > 0 && (*p & 0xC0) == 0x80; more--) c = c << 6 | (*p++ & 0x3Fu);
    *s = p;
    return c;
}

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    const tp_message *m = u->message;
    const char *text;
    const unsigned char *p;
    tp_buf reply;
    int n = 0;
    (void)user;
    if (!m) return;
    text = m->text ? m->text : m->sticker ? m->sticker->emoji : NULL; /* a sticker: its emoji */
    if (!text || !*text) return;
    tp_buf_init(&reply);
    for (p = (const unsigned char *)text; *p && n < MAX_POINTS; n++)
        tp_buf_printf(&reply, "%sU+%04lX", n ? " " : "", (unsigned long)next_code_point(&p));
    if (*p) tp_buf_puts(&reply, " ..."); /* the rest did not fit in one message */
    if (!reply.err)
        tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                      .text = reply.ptr }, NULL, NULL);
    tp_buf_deinit(&reply);
}

int main(int argc, char **argv) { return tp_poll_main(argc, argv, handle, NULL, NULL); }

/* inline: telepot's inline bot (the Answerer) with callback queries. In any chat, type
   "@yourbot some text": the bot offers the text upper-cased, reversed, and its length, computed
   on the answerer's threads; a user typing fast gets the answer to the latest query only (the
   older ones are dropped, or given up when INLINE_DELAY_MS makes the computation slow). A
   result picked is a chosen_inline_result (@BotFather's /setinlinefeedback turns them on):
   logged on stderr with a count. In a private chat any message gets a message with buttons;
   a button pressed is a callback query, answered with a notification ("You chose red"), and
   the message is edited to say the choice ("Colour: red. Pick again?", buttons kept).

   Build:  cc -O2 examples/inline.c -o inline -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/inline.c -o inline -lbearssl -lpthread
   Run:    ./inline TOKEN            (or TELEGRAM_BOT_TOKEN=TOKEN ./inline)
           TELEPOT_API_URL=http://127.0.0.1:PORT INLINE_DELAY_MS=300 ./inline 123456:TEST
           (the emulator; each answer takes 300 ms to compute)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int delay_ms; // INLINE_DELAY_MS: a slow computation
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; // handlers run on 4 threads
static long chosen;

/* On one of the answerer's threads. Three articles; q and all it points to live until return. */
static void compute(tp_answer_ctx *ctx, const tp_inline_query *q, void *user) {
    const char *s = q->query ? q->query : "";
    size_t n = strlen(s), i, chars = 0;
    char upper[1024], reversed[1024], length[64]; // a query has at most 256 characters
    (void)user;
    if (!n || n >= sizeof upper) return; // nothing to offer: no answer
    for (i = 0; i < n; i++) upper[i] = (char)toupper((unsigned char)s[i]); // ASCII letters
    upper[n] = reversed[n] = '\0';
    for (i = 0; i < n; chars++) { // reversed by characters: each UTF-8 sequence kept whole
        size_t len = 1;
        while (i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80) len++;
        memcpy(reversed + n - i - len, s + i, len);
        i += len;
    }
    snprintf(length, sizeof length, "%zu characters, %zu bytes", chars, n);
    for (int waited = 0; waited < delay_ms; waited += 10) { // a slow lookup, say
        if (tp_answer_superseded(ctx)) return;              // the user typed on: give up
        nanosleep(&(struct timespec){ 0, 10 * 1000000L }, NULL);
    }
    const char *ids[3] = { "upper", "reversed", "length" }, *texts[3] = { upper, reversed, length };
    tp_input_text_message_content text[3];
    tp_input_message_content content[3];
    tp_inline_query_result_article article[3];
    tp_inline_query_result results[3];
    for (i = 0; i < 3; i++) {
        text[i] = (tp_input_text_message_content){ .message_text = texts[i] };
        content[i] = (tp_input_message_content){
            .kind = TP_INPUT_MESSAGE_CONTENT_INPUT_TEXT_MESSAGE_CONTENT,
            .as.input_text_message_content = &text[i] };
        article[i] = (tp_inline_query_result_article){ .id = ids[i], .title = texts[i],
                                                       .input_message_content = &content[i] };
        results[i] = (tp_inline_query_result){ .kind = TP_INLINE_QUERY_RESULT_ARTICLE,
                                               .as.article = &article[i] };
    }
    tp_answer_inline_query_args args = { .results = results, .results_count = 3 }; // id: q's
    tp_answer_send(ctx, &args, NULL); // sends nothing if a newer query came meanwhile
}

static void handle(tp_bot *bot, const tp_update *u, void *answerer) {
    const tp_reply_markup *colours = // alive to the end of this block: built here
        TP_INLINE_KEYBOARD(TP_PAIRS("Red", "red", "Green", "green"), TP_PAIRS("Blue", "blue"));
    if (u->inline_query) {
        tp_answerer_push((tp_answerer *)answerer, u); // supersedes this user's older query
    } else if (u->chosen_inline_result) {
        const tp_chosen_inline_result *c = u->chosen_inline_result;
        pthread_mutex_lock(&lock);
        long n = ++chosen;
        pthread_mutex_unlock(&lock);
        fprintf(stderr, "inline: chosen %s by %lld for \"%s\" (%ld chosen)\n", c->result_id,
                c->from_ ? (long long)c->from_->id : 0LL, c->query ? c->query : "", n);
    } else if (u->callback_query && u->callback_query->data) {
        const tp_callback_query *q = u->callback_query;
        char text[200];
        snprintf(text, sizeof text, "You chose %s", q->data);
        tp_answer_callback_query(bot, &(tp_answer_callback_query_args){
                                          .callback_query_id = q->id, .text = text }, NULL, NULL);
        if (q->message && q->message->kind == TP_MAYBE_INACCESSIBLE_MESSAGE_MESSAGE) {
            const tp_message *m = q->message->as.message; // the message with the buttons
            snprintf(text, sizeof text, "Colour: %s. Pick again?", q->data);
            tp_edit_message_text(bot, &(tp_edit_message_text_args){
                .chat_id = TP_CHAT(m->chat->id), .message_id = m->message_id, .text = text,
                .reply_markup = colours->as.inline_keyboard_markup }, NULL, NULL);
        }
    } else if (u->message && !strcmp(u->message->chat->type, "private")) {
        tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(u->message->chat->id),
                                                      .text = "Pick a colour",
                                                      .reply_markup = colours }, NULL, NULL);
    }
}

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *delay = getenv("INLINE_DELAY_MS");
    delay_ms = delay ? atoi(delay) : 0;
    if (!token || !*token || *token == '-' || delay_ms < 0 || delay_ms > 60000) {
        fprintf(stderr, "usage: %s TOKEN   (or set TELEGRAM_BOT_TOKEN; INLINE_DELAY_MS: a slow "
                        "computation)\n", argv[0]);
        return 2;
    }
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err);
    tp_answerer *answerer = bot ? tp_answerer_new(bot, compute, NULL, NULL, &err) : NULL;
    tp_err rc = answerer ? TP_OK : err.code;
    if (answerer) {
        tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
        rc = tp_poll_run(bot, handle, answerer, &(tp_poll_opts){ .workers = 4 }, &err);
    }
    if (rc != TP_OK) fprintf(stderr, "inline: %s\n", err.message);
    tp_answerer_free(answerer); // the updates stopped: answers being computed still go out
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

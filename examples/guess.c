/* guess: telepot's guess-a-number on the delegator. Send the bot anything to start a game: it
   picks a number from 0 to 99 and asks for a guess; each guess gets "larger", "smaller" or
   "Correct!". A correct guess ends the game (the next message starts a new one). A game left
   alone for GUESS_TIMEOUT seconds (default 10) expires: "Game expired. The answer is N".
   Every chat plays its own game, at the same time as the others.

   Build:  cc -O2 examples/guess.c -o guess -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/guess.c -o guess -lbearssl -lpthread
   Run:    ./guess TOKEN            (or TELEGRAM_BOT_TOKEN=TOKEN ./guess)
           TELEPOT_API_URL=http://127.0.0.1:PORT GUESS_TIMEOUT=2 ./guess 123456:TEST   (the
           emulator, games expiring after 2 s)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct game {
    int answer; // the delegate's state: zeroed when it opens, freed after it closes
} game;

static pthread_mutex_t rand_lock = PTHREAD_MUTEX_INITIALIZER; // delegates run on 4 threads

/* The chat's first message opens a game: pick the number, ask for a guess. */
static bool open_game(tp_delegate *d, const tp_update *first) {
    game *g = (game *)tp_delegate_state(d);
    (void)first;
    pthread_mutex_lock(&rand_lock); // rand() is not thread-safe
    g->answer = rand() % 100;
    pthread_mutex_unlock(&rand_lock);
    tp_delegate_printf(d, "Guess my number (0 to 99)");
    return true; // the first message only starts the game, it is not a guess
}

static void on_message(tp_delegate *d, const tp_update *u) {
    game *g = (game *)tp_delegate_state(d);
    const char *text = u->message ? u->message->text : NULL;
    char *end = NULL;
    long guess = 0;
    if (!u->message) return; // an edit, a member update, ...: ignored
    errno = 0;
    if (text) guess = strtol(text, &end, 10);
    if (!text || end == text || *end != '\0' || errno == ERANGE) { // a photo too
        tp_delegate_printf(d, "Give me a number, please.");
    } else if (guess < g->answer) {
        tp_delegate_printf(d, "larger");
    } else if (guess > g->answer) {
        tp_delegate_printf(d, "smaller");
    } else {
        tp_delegate_printf(d, "Correct!");
        tp_delegate_close(d); // game over: the chat's next message opens a new delegate
    }
}

static void on_close(tp_delegate *d, tp_close_reason why) {
    game *g = (game *)tp_delegate_state(d);
    if (why == TP_CLOSE_IDLE) // on the delegator's timer thread (a slow send here delays the
                              // other chats' timeouts); the state is still there
        tp_delegate_printf(d, "Game expired. The answer is %d", g->answer);
}

static tp_handler game_handler = {
    .state_size = sizeof(game),
    .open = open_game,
    .on_message = on_message,
    .on_close = on_close,
    // .timeout_ms: set in main, from GUESS_TIMEOUT
};

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *timeout = getenv("GUESS_TIMEOUT");
    int secs = timeout ? atoi(timeout) : 10;
    if (!token || !*token || *token == '-' || secs <= 0 || secs > 86400) {
        fprintf(stderr, "usage: %s TOKEN   (or set TELEGRAM_BOT_TOKEN; GUESS_TIMEOUT=seconds, "
                        "default 10)\n", argv[0]);
        return 2;
    }
    game_handler.timeout_ms = secs * 1000;
    srand((unsigned)time(NULL));
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err);
    if (!bot) {
        fprintf(stderr, "guess: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
    tp_dlg_route routes[] = { { .seeder = tp_per_chat_id(), .handler = &game_handler },
                              { .handler = NULL } }; // the end of the list
    tp_err rc = tp_dlg_run(bot, routes, &(tp_dlg_opts){ .workers = 4 }, &err); // until stopped
    if (rc != TP_OK) fprintf(stderr, "guess: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

/* chatbox: telepot's mailbox for chats, on the delegator, with the messages kept on disk.
   Strangers write to the bot: their text messages are stored and acknowledged. The owner reads
   them: /unread says who wrote how many, /next shows the oldest unread message. Unlike
   telepot's, a crash loses nothing: each stored message ("M chat msg len:name len:text") and
   each read ("R chat msg by") is a record appended to a journal and fsync'd before the handler
   returns, so before the update is confirmed; the journal is replayed at start. A message
   delivered again after a crash is kept once (known by chat and message id, which never repeat,
   unlike update_id), and a /next delivered again shows the same message (`by`: that /next's
   message id). The journal only grows: compacting it is left out.

   Build:  cc -O2 examples/chatbox.c -o chatbox -lpthread
   Run:    ./chatbox TOKEN OWNER_CHAT_ID [JOURNAL]   (default ./chatbox.journal; or set
           TELEGRAM_BOT_TOKEN, CHATBOX_OWNER, CHATBOX_JOURNAL)
           TELEPOT_API_URL=http://127.0.0.1:PORT ./chatbox 123456:TEST 1001   (the emulator)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct note {
    long long chat, msg, read_by; // read_by: the owner's /next that showed it; 0: unread
    char *name, *text;
} note;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; // delegates run on several threads:
static note *notes;                                      // the notes and the journal are
static size_t n_notes;                                   // theirs only under the lock
static int journal_fd = -1;

static note *find(long long chat, long long msg) {
    for (size_t i = 0; i < n_notes; i++)
        if (notes[i].chat == chat && notes[i].msg == msg) return &notes[i];
    return NULL;
}

static void add(note m) {
    if (!(notes = realloc(notes, (n_notes + 1) * sizeof *notes))) abort();
    notes[n_notes++] = m;
}

/* Appends a record in one write and syncs it. A record not written must not be confirmed
   either: exit at once, Telegram delivers the update again after a restart. */
static void journal(tp_buf *b) {
    if (b->err || write(journal_fd, b->ptr, b->len) != (ssize_t)b->len || fsync(journal_fd)) {
        perror("chatbox: journal");
        _Exit(1);
    }
    tp_buf_deinit(b);
}

static char *counted(FILE *f) { // "len:bytes"
    size_t n;
    char *s;
    if (fscanf(f, " %zu:", &n) != 1 || n > 1 << 20 || !(s = malloc(n + 1))) return NULL;
    if (fread(s, 1, n, f) != n) return free(s), NULL;
    s[n] = '\0';
    return s;
}

/* Replays the journal; returns the length of its good part. Records are appended whole, so
   only the last can be bad: torn by a crash in mid-write. */
static long replay(FILE *f) {
    long good = 0;
    char kind;
    long long chat, msg, by;
    note m, *r;
    while (fscanf(f, "%c %lld %lld", &kind, &chat, &msg) == 3) {
        m = (note){ chat, msg, 0, NULL, NULL };
        if (kind == 'M' && (m.name = counted(f)) && (m.text = counted(f)) && fgetc(f) == '\n') {
            add(m);
        } else if (kind == 'R' && fscanf(f, " %lld", &by) == 1 && fgetc(f) == '\n' &&
                   (r = find(chat, msg))) {
            r->read_by = by;
        } else {
            free(m.name), free(m.text);
            break;
        }
        good = ftell(f);
    }
    return good;
}

static void stranger(tp_delegate *d, const tp_update *u) {
    const tp_message *m = u->message;
    if (!m || !m->text) return; // text only, like telepot's
    pthread_mutex_lock(&lock);
    if (!find(m->chat->id, m->message_id)) { // else: delivered again after a crash
        const char *name = m->from_ && m->from_->first_name ? m->from_->first_name : "?";
        note n = { m->chat->id, m->message_id, 0, strdup(name), strdup(m->text) };
        tp_buf b;
        tp_buf_init(&b);
        tp_buf_printf(&b, "M %lld %lld %zu:%s %zu:%s\n", n.chat, n.msg, strlen(name), name,
                      strlen(m->text), m->text);
        journal(&b); // on disk first: then in memory, then acknowledged
        add(n);
    }
    pthread_mutex_unlock(&lock);
    tp_delegate_printf(d, "Message stored; the owner will read it.");
}

static size_t unread(long long chat, size_t from) { // of chat, from notes[from] on
    size_t count = 0;
    for (; from < n_notes; from++) count += notes[from].chat == chat && !notes[from].read_by;
    return count;
}

static void owner(tp_delegate *d, const tp_update *u) {
    const char *cmd = u->message && u->message->text ? u->message->text : "";
    long long by = u->message ? u->message->message_id : 0;
    size_t i, total = 0;
    note *next = NULL;
    tp_buf out, b;
    tp_buf_init(&out);
    pthread_mutex_lock(&lock);
    for (i = 0; i < n_notes; i++) {
        total += !notes[i].read_by;
        if (!next && (!notes[i].read_by || notes[i].read_by == by)) next = &notes[i];
    }
    if (!strcmp(cmd, "/unread")) {
        tp_buf_printf(&out, "%zu unread", total);
        for (i = 0; i < n_notes; i++) // a line per sender, at its oldest unread note
            if (!notes[i].read_by && unread(notes[i].chat, 0) == unread(notes[i].chat, i))
                tp_buf_printf(&out, "\n%s (%lld): %zu", notes[i].name, notes[i].chat,
                              unread(notes[i].chat, i));
    } else if (!strcmp(cmd, "/next") && next) {
        if (!next->read_by) { // mark it read (unless this is a repeated /next)
            tp_buf_init(&b);
            tp_buf_printf(&b, "R %lld %lld %lld\n", next->chat, next->msg, by);
            journal(&b);
            next->read_by = by;
        }
        tp_buf_printf(&out, "From %s (%lld):\n%s", next->name, next->chat, next->text);
    } else if (!strcmp(cmd, "/next")) {
        tp_buf_puts(&out, "No unread messages");
    } else {
        tp_buf_puts(&out, "/unread - who wrote, how many\n/next - read the oldest message");
    }
    pthread_mutex_unlock(&lock);
    tp_delegate_printf(d, "%s", out.ptr); // not under the lock: the network is slow
    tp_buf_deinit(&out);
}

static const tp_handler owner_handler = { .on_message = owner, .timeout_ms = 60000 };
static const tp_handler stranger_handler = { .on_message = stranger, .timeout_ms = 10000 };

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *owner_id = argc > 2 ? argv[2] : getenv("CHATBOX_OWNER");
    const char *path = argc > 3 ? argv[3] : getenv("CHATBOX_JOURNAL");
    int64_t owner_chat = owner_id ? strtoll(owner_id, NULL, 10) : 0;
    if (!path) path = "chatbox.journal";
    if (!token || !*token || *token == '-' || !owner_chat) {
        fprintf(stderr, "usage: %s TOKEN OWNER_CHAT_ID [JOURNAL]   (or set TELEGRAM_BOT_TOKEN, "
                        "CHATBOX_OWNER, CHATBOX_JOURNAL)\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(path, "r");
    long good = f ? replay(f) : 0;
    if (f) fclose(f);
    journal_fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (journal_fd >= 0 && lseek(journal_fd, 0, SEEK_END) > good)
        fprintf(stderr, "chatbox: %s: a torn last record cut off at byte %ld\n", path, good);
    if (journal_fd < 0 || ftruncate(journal_fd, good) != 0) {
        perror(path);
        return 1;
    }
    fprintf(stderr, "chatbox: %zu messages in %s\n", n_notes, path);
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err);
    if (!bot) {
        fprintf(stderr, "chatbox: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
    tp_dlg_route routes[] = { { .seeder = tp_per_chat_id_in(&owner_chat, 1),
                                .handler = &owner_handler },
                              { .seeder = tp_per_chat_id_except(&owner_chat, 1),
                                .handler = &stranger_handler },
                              { .handler = NULL } }; // the end of the list
    tp_err rc = tp_dlg_run(bot, routes, &(tp_dlg_opts){ .workers = 4 }, &err); // until stopped
    if (rc != TP_OK) fprintf(stderr, "chatbox: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

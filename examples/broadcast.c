/* broadcast: sends one message (or a photo with it as caption) to every chat in a file within
   Telegram's limits: the bot's throttle paces the sends (30 a second in all; paid broadcasts:
   --rate 1000), and enough threads keep it busy despite latency (default: enough for 100 ms a
   send). The file: a chat id a line (an integer or @channelname); blank lines, # comments and
   repeats are skipped; chats go in the order of their ids.
   Nobody gets it twice, even after kill -9: a send's intent "T chat" is appended to a journal
   and synced before the send, its outcome after: "D chat" sent, "F chat code" refused (403,
   400), "M chat" maybe sent (a timeout or 5xx), "U chat" not sent (a stop), "G chat new" for
   a migrated group. A rerun sends only to chats with no record or a U. A T alone was under
   way at the kill: it may have arrived, so it is not sent again but listed "maybe sent
   (interrupted)" - at most one per thread, as a thread writes its intent only once the
   throttle lets the send go (tp_throttle_wait) and syncs its last outcome with its next
   intent (threads share syncs). A migrated group gets it at its new id,
   unless that id is listed too (no follow_migration: it would send there twice). Progress on
   stderr each second on a terminal, else every 10 s; the summary goes to stdout.

   Build:  cc -O2 examples/broadcast.c -o broadcast -lpthread
   Run:    ./broadcast [--photo PATH] [--journal PATH (default CHAT_FILE.journal)]
                [--threads N] [--rate N[/MS]] [--no-throttle] TOKEN CHAT_FILE TEXT
           (or set TELEGRAM_BOT_TOKEN); TELEPOT_API_URL=http://127.0.0.1:PORT: the emulator
   Exit status: 0 when every chat is done (refusals included) or after SIGINT/SIGTERM (run it
   again to go on), 2 on bad usage, 1 on a fatal error (401, API unreachable, journal). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct chat {
    const char *key; // "123", "-100123", "@name" (lower case); chats are sorted by it
    char state;      // 0 to send, T under way (after a restart: in doubt), D, F or M
    int code;        // F: Telegram's error_code
    long long mig;   // G: the group's new id
} chat;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER; // the rest is under it
static pthread_cond_t synced = PTHREAD_COND_INITIALIZER, ended = PTHREAD_COND_INITIALIZER;
static chat *chats;
static size_t n_chats, next_chat, done_now, live;
static tp_bot *bot;
static const char *text, *photo, *photo_id;
static char fatal[300];
static int jfd = -1;
static tp_buf queued; // records waiting for the next sync
static unsigned long long n_queued, n_synced;
static bool syncing, uploading;

/* Appends a record; returns (mu held) once it is on disk. Records queued while a sync runs go
   together in the next one, made by the first thread to find none running (group commit). */
static void journal(const char *rec) {
    unsigned long long mine = (tp_buf_puts(&queued, rec), ++n_queued);
    while (n_synced < mine)
        if (syncing) {
            pthread_cond_wait(&synced, &mu);
        } else {
            tp_buf b = queued;
            unsigned long long upto = n_queued;
            syncing = true, tp_buf_init(&queued);
            pthread_mutex_unlock(&mu);
            if (b.err || write(jfd, b.ptr, b.len) != (ssize_t)b.len || fdatasync(jfd))
                fprintf(stderr, "broadcast: journal: %s\n", strerror(errno)), _Exit(1);
            pthread_mutex_lock(&mu); // (a send whose intent is not on disk must not start)
            tp_buf_deinit(&b);
            n_synced = upto, syncing = false, pthread_cond_broadcast(&synced);
        }
}

static int by_key(const void *a, const void *b) {
    return strcmp(((const chat *)a)->key, ((const chat *)b)->key);
}
static chat *find(const char *key) {
    chat k = { key, 0, 0, 0 };
    return (chat *)bsearch(&k, chats, n_chats, sizeof k, by_key);
}

static tp_err send_to(tp_chat_id to, tp_error *err) {
    tp_message_result out = { 0 };
    memset(err, 0, sizeof *err);
    if (!photo)
        return tp_send_message(bot, &(tp_send_message_args){ .chat_id = to, .text = text }, 0, err);
    pthread_mutex_lock(&mu); // one upload at a time until one went through: then its file_id
    while (!photo_id && uploading) pthread_cond_wait(&synced, &mu);
    const char *id = photo_id;
    uploading = !id;
    pthread_mutex_unlock(&mu);
    tp_err rc = tp_send_photo(bot, &(tp_send_photo_args){ .chat_id = to, .caption = text,
                      .photo = id ? tp_file_id(id) : tp_file_path(photo) }, id ? NULL : &out, err);
    pthread_mutex_lock(&mu);
    if (!id && out.value && out.value->photo_count) // the largest size's file_id
        photo_id = strdup(out.value->photo[out.value->photo_count - 1].file_id);
    if (!id) uploading = false, pthread_cond_broadcast(&synced);
    pthread_mutex_unlock(&mu);
    tp_json_doc_free(out.doc);
    return rc;
}

static void *sender(void *unused) {
    char rec[200] = "", newkey[32];
    tp_error err;
    for (;;) {
        pthread_mutex_lock(&mu);
        while (next_chat < n_chats && chats[next_chat].state) next_chat++;
        chat *c = next_chat < n_chats && !tp_bot_stopped(bot) ? &chats[next_chat++] : NULL;
        if (c) c->state = 'T'; // taken; its intent goes on disk once the throttle lets it go
        pthread_mutex_unlock(&mu);
        tp_chat_id to = c && *c->key == '@' ? TP_CHAT_NAME(c->key) : TP_CHAT(c ? atoll(c->key) : 0);
        bool go = c && tp_throttle_wait(bot, to, &err) == TP_OK;
        pthread_mutex_lock(&mu);
        if (c && !go) c->state = 0, c = NULL; // stopped while waiting: nothing on disk, not sent
        if (c) snprintf(rec + strlen(rec), 100, "T %s\n", c->key);
        if (*rec) journal(rec); // the last outcome and the next intent: one sync
        if (!c) live--, pthread_cond_signal(&ended);
        pthread_mutex_unlock(&mu);
        if (!c) return unused;
        tp_err rc = send_to(to, &err);
        long long mig = rc == TP_ERR_API ? err.migrate_to_chat_id : 0; // now a supergroup
        chat *listed = mig ? (snprintf(newkey, sizeof newkey, "%lld", mig), find(newkey)) : NULL;
        if (mig && !listed) rc = send_to(TP_CHAT(mig), &err); // (listed: it gets it there)
        pthread_mutex_lock(&mu);
        if ((*rec = '\0'), mig) sprintf(rec, "G %s %lld\n", c->key, c->mig = mig);
        if (rc == TP_OK || listed) c->state = 'D';
        else if (err.sent == TP_MAYBE_SENT) c->state = 'M';
        else if (rc == TP_ERR_API && err.error_code != 401 && err.error_code != 429)
            c->state = 'F', c->code = err.error_code;
        else if ((c->state = 0), rc != TP_ERR_STOPPED && !*fatal) // 401, unreachable: give up
            snprintf(fatal, sizeof fatal, "%s", err.message), tp_bot_stop(bot);
        done_now += c->state != 0;
        snprintf(rec + strlen(rec), 100, "%c %s %d\n", c->state ? c->state : 'U', c->key, c->code);
        pthread_mutex_unlock(&mu);
    }
}

static bool canonical(char *key) { // "@Name" -> "@name", "+0042" -> "42"; false: not a chat id
    char *end = key + 1;
    if (*key == '@') {
        for (; isalnum((unsigned char)*end) || *end == '_'; end++) *end = (char)tolower(*end);
        return !*end && end - key > 1;
    }
    long long id = (errno = 0, strtoll(key, &end, 10));
    return !*end && !errno && id && sprintf(key, "%lld", id) > 0;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    const char *arg[3], *jpath = NULL, *token;
    tp_throttle_opts th = { { 30, 1000 }, { 0, 0 }, { 0, 0 } };
    int threads = 0, na = 0, bad = 0, throttle = 1;
    char *end = NULL, line[256], jbuf[4096], head[40], kind, key[80];
    for (int i = 1; i < argc; i++) {
        bool more = i + 1 < argc;
        if (!strcmp(argv[i], "--photo") && more) photo = argv[++i];
        else if (!strcmp(argv[i], "--journal") && more) jpath = argv[++i];
        else if (!strcmp(argv[i], "--threads") && more)
            bad |= (threads = (int)strtol(argv[++i], &end, 10)) < 1 || threads > 1000 || *end;
        else if (!strcmp(argv[i], "--rate") && more) {
            th.all.count = (int)strtol(argv[++i], &end, 10);
            th.all.per_ms = *end == '/' ? (int)strtol(end + 1, &end, 10) : 1000;
            bad |= th.all.count < 1 || th.all.per_ms < 1 || *end;
        } else if (!strcmp(argv[i], "--no-throttle")) throttle = 0;
        else bad |= argv[i][0] == '-' || na == 3 || !(arg[na++] = argv[i]);
    }
    if (bad || na < 2 || !(token = na == 3 ? arg[0] : getenv("TELEGRAM_BOT_TOKEN")) || !*token) {
        fprintf(stderr, "usage: %s [--photo PATH] [--journal PATH] [--threads N] [--rate N[/MS]]"
                " [--no-throttle] TOKEN CHAT_FILE TEXT   (or set TELEGRAM_BOT_TOKEN)\n", argv[0]);
        return 2;
    }
    const char *file = arg[na - 2];
    FILE *f = fopen(file, "r");
    size_t cap = 0, n = 0;
    for (text = arg[na - 1]; f && fgets(line, sizeof line, f); n++) {
        line[strcspn(line, "#\r\n")] = '\0';
        int k = sscanf(line, "%63s %c", key, &kind);
        if (k > 0 && (k > 1 || !canonical(key))) {
            fprintf(stderr, "broadcast: %s:%zu: not a chat id (integer or @name)\n", file, n + 1);
            return 2;
        }
        if (k > 0 && n_chats == cap && !(chats = realloc(chats, (cap += cap + 64) * sizeof *chats)))
            abort();
        if (k > 0) chats[n_chats++] = (chat){ strdup(key), 0, 0, 0 };
    }
    if (!f || ferror(f) || fclose(f)) {
        fprintf(stderr, "broadcast: %s: %s\n", file, strerror(errno));
        return 1;
    }
    qsort(chats, n_chats, sizeof *chats, by_key);
    for (size_t i = n = 0; i < n_chats; i++) // repeats out
        if (!n || strcmp(chats[n - 1].key, chats[i].key)) chats[n++] = chats[i];
    size_t repeats = n_chats - n;
    n_chats = n;

    // The journal: locked (one broadcast at a time), replayed, a torn last record cut off. The
    // first record names the message (a hash): another message needs another journal.
    unsigned long long h = 14695981039346656037ull; // FNV-1a
    const char *parts[] = { text, "\n", photo ? photo : "" };
    for (int i = 0; i < 3; i++)
        for (const char *s = parts[i]; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    snprintf(head, sizeof head, "B %016llx\n", h);
    snprintf(jbuf, sizeof jbuf, "%s.journal", file);
    jpath = jpath ? jpath : jbuf;
    struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    if ((jfd = open(jpath, O_RDWR | O_CREAT | O_APPEND, 0600)) >= 0 && fcntl(jfd, F_SETLK, &lk)) {
        fprintf(stderr, "broadcast: %s is in use by another broadcast\n", jpath);
        return 1;
    }
    FILE *jf = jfd < 0 ? NULL : fdopen(jfd, "r"); // never closed: that would drop the lock
    long good = 0;
    long long num;
    while (jf && fgets(line, sizeof line, jf) && strchr(line, '\n')) { // a torn last one: cut off
        int k = (num = kind = 0, sscanf(line, "%c %79s %lld", &kind, key, &num));
        chat *c = k >= 2 ? find(key) : NULL;
        if (kind == 'B' && strcmp(line, head)) {
            fprintf(stderr, "broadcast: %s is the journal of another message\n", jpath);
            return 1;
        }
        if (c && kind == 'G') c->mig = num;
        else if (c && strchr("TDFMU", kind)) c->state = kind == 'U' ? 0 : kind, c->code = (int)num;
        good = ftell(jf);
    }
    if (jf && lseek(jfd, 0, SEEK_END) > good)
        fprintf(stderr, "broadcast: %s: a torn last record cut off at byte %ld\n", jpath, good);
    if (!jf || ftruncate(jfd, good)) {
        fprintf(stderr, "broadcast: %s: %s\n", jpath, strerror(errno));
        return 1;
    }

    size_t todo = 0, started = 0;
    for (size_t i = 0; i < n_chats; i++) todo += !chats[i].state;
    long need = throttle ? th.all.count * 100L / th.all.per_ms : 8; // 100 ms a send at the rate
    threads = threads ? threads : need < 8 ? 8 : need > 256 ? 256 : (int)need;
    tp_error err; // the library's log stays off: every outcome is in the journal and summary
    tp_bot_opts o = { .token = token, .max_connections = threads };
    o.throttle = throttle ? &th : NULL;
    if (!(bot = tp_bot_new(&o, &err))) {
        fprintf(stderr, "broadcast: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: no new sends; those under way finish
    pthread_t *tid = calloc((size_t)threads, sizeof *tid);
    double t0 = now(), secs = 0, rate;
    pthread_mutex_lock(&mu);
    if (!good) journal(head);
    for (int i = 0; tid && i < threads; i++)
        started += !pthread_create(tid + started, NULL, sender, NULL);
    if (!(live = started)) snprintf(fatal, sizeof fatal, "cannot start threads");
    for (int tick = 1, tty = isatty(2); live; tick++) {
        struct timespec dl;
        clock_gettime(CLOCK_REALTIME, &dl);
        dl.tv_sec++;
        while (live && pthread_cond_timedwait(&ended, &mu, &dl) != ETIMEDOUT) {}
        if (rate = done_now / (secs = now() - t0), tty || !live || tick % 10 == 0)
            fprintf(stderr, "%sbroadcast: %zu/%zu done, %.0f/s, ETA %.0f s%s", tty ? "\r" : "",
                    done_now, todo, rate, rate > 0 ? (todo - done_now) / rate : 0.0,
                    tty && live ? "\033[K" : "\n");
    }
    pthread_mutex_unlock(&mu);
    for (size_t i = 0; i < started; i++) pthread_join(tid[i], NULL);
    free(tid);

    const char *what[] = { "ssent", "bblocked (403)", "ffailed (400, ...)", "gmigrated",
                           "mmaybe sent", "imaybe sent (interrupted)", "nnot sent" };
    for (size_t w = 0, count = 0; w < sizeof what / sizeof *what; w++, count = 0) {
        tp_buf list = { 0 }; // the chats to look into (the others: grep the journal)
        for (chat *c = chats; c < chats + n_chats; c++) {
            char cat = c->state == 'T' ? 'i' : !c->state ? 'n' : c->state == 'D' ? "sg"[!!c->mig]
                     : c->state == 'M' ? 'm' : c->code == 403 ? 'b' : 'f';
            if (cat == *what[w] && ++count && strchr("gmi", cat))
                tp_buf_printf(&list, cat == 'g' ? " %s->%lld" : " %s", c->key, c->mig);
        }
        printf("%s: %zu%s\n", what[w] + 1, count, list.ptr ? list.ptr : "");
        tp_buf_deinit(&list);
    }
    printf("chats: %zu (%zu repeats skipped)\nelapsed: %.3f s for %zu this run (%.0f/s)\n",
           n_chats, repeats, secs, done_now, secs > 0 ? done_now / secs : 0.0);
    tp_bot_free(bot);
    if (*fatal) fprintf(stderr, "broadcast: %s\n", fatal);
    return *fatal ? 1 : 0;
}

/* broadcast: sends one message (or a photo with it as caption) to every chat in a file within
   Telegram's limits: the bot's throttle paces the sends (30 a second in all; paid broadcasts:
   --rate 1000), enough threads keep it busy despite latency. The file: a chat a line, integers
   or @channel names; blank lines, # comments and repeats are skipped.
   Never twice, even after kill -9: before a send its intent "T chat" is appended to a journal
   and synced, then its outcome: "D chat" sent, "F chat code" refused (403, 400), "M chat" maybe
   sent (timeout, 5xx), "U chat" not sent (a stop), "G chat new" migrated. A rerun sends only
   chats with no record or a U; a T alone was under way at the kill (maybe waiting for the
   throttle) and may have arrived: listed "maybe sent (interrupted)", at most one per thread.
   Threads share syncs (group commit) and sync an outcome with their next intent. A migrated
   group gets it at its new id under the old id's intent, unless the new id is listed too.
   The progress line: every second on a terminal, else every 10 s; the summary goes to stdout.

   Build:  cc -O2 examples/broadcast.c -o broadcast -lpthread
   Run:    ./broadcast [--photo PATH] [--journal PATH (default: CHAT_FILE.journal)]
                [--threads N] [--rate N[/MS]] [--no-throttle] TOKEN CHAT_FILE TEXT
           (or TELEGRAM_BOT_TOKEN); TELEPOT_API_URL=http://127.0.0.1:PORT for the emulator
   Exit status: 0 when every chat is done (refusals included) or after SIGINT/SIGTERM (run it
   again to resume), 2 on bad usage, 1 on a fatal error (401, API unreachable, journal). */
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
    const char *key; // "123", "-100123", "@name" (lower case)
    char state;      // 0 to send, T under way (after a restart: in doubt), D, F, M; X a repeat
    int code;        // F: Telegram's error_code
    long long mig;   // G: the group's new id
} chat;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER; // the rest is under it
static pthread_cond_t synced = PTHREAD_COND_INITIALIZER, ended = PTHREAD_COND_INITIALIZER;
static chat *chats, **sorted; // in file order; by key, without repeats
static size_t n_chats, n_sorted, next_chat, done_now, live;
static tp_bot *bot;
static const char *text, *photo, *photo_id;
static char fatal[300];
static int jfd = -1;
static tp_buf queued; // records waiting for the next sync
static unsigned long long n_queued, n_synced;
static bool syncing, uploading;

/* Appends a record and returns once it is on disk. Records queued while a sync runs are
   written and synced together by the first thread to find none running. */
static void journal(const char *rec) {
    unsigned long long mine = (tp_buf_puts(&queued, rec), ++n_queued);
    while (n_synced < mine) {
        if (syncing) {
            pthread_cond_wait(&synced, &mu);
            continue;
        }
        tp_buf b = queued;
        unsigned long long upto = n_queued;
        tp_buf_init(&queued);
        syncing = true;
        pthread_mutex_unlock(&mu);
        if (b.err || write(jfd, b.ptr, b.len) != (ssize_t)b.len || fdatasync(jfd)) {
            fprintf(stderr, "broadcast: journal: %s\n", b.err ? "out of memory" : strerror(errno));
            _Exit(1); // a send whose intent is not on disk must not start
        }
        tp_buf_deinit(&b);
        pthread_mutex_lock(&mu);
        n_synced = upto, syncing = false;
        pthread_cond_broadcast(&synced);
    }
}

static int key_cmp(const void *a, const void *b) {
    return strcmp((*(chat *const *)a)->key, (*(chat *const *)b)->key);
}
static int by_key(const void *a, const void *b) { // equal keys: the first in the file first
    chat *x = *(chat *const *)a, *y = *(chat *const *)b;
    return key_cmp(a, b) ? key_cmp(a, b) : (x > y) - (x < y);
}
static chat *find(const char *key) {
    chat k = { key, 0, 0, 0 }, *kp = &k, **r = bsearch(&kp, sorted, n_sorted, sizeof kp, key_cmp);
    return r ? *r : NULL;
}

static tp_err send_to(tp_chat_id to, tp_error *err) {
    tp_message_result out = { 0 };
    memset(err, 0, sizeof *err);
    if (!photo) return tp_send_message(bot, &(tp_send_message_args){ .chat_id = to, .text = text }, NULL, err);
    pthread_mutex_lock(&mu);
    while (!photo_id && uploading) pthread_cond_wait(&synced, &mu); // one upload at a time, until
    const char *id = photo_id;                                       // one went through: its
    uploading = !id;                                                 // file_id serves the rest
    pthread_mutex_unlock(&mu);
    tp_err rc = tp_send_photo(bot, &(tp_send_photo_args){ .chat_id = to, .caption = text,
                      .photo = id ? tp_file_id(id) : tp_file_path(photo) }, id ? NULL : &out, err);
    pthread_mutex_lock(&mu);
    if (!id && out.value && out.value->photo_count)
        photo_id = strdup(out.value->photo[out.value->photo_count - 1].file_id);
    if (!id) uploading = false, pthread_cond_broadcast(&synced);
    pthread_mutex_unlock(&mu);
    tp_json_doc_free(out.doc);
    return rc;
}

static void *sender(void *unused) {
    char rec[200] = "", newkey[32];
    tp_error err;
    pthread_mutex_lock(&mu);
    for (;;) {
        while (next_chat < n_chats && chats[next_chat].state) next_chat++;
        chat *c = next_chat < n_chats && !tp_bot_stopped(bot) ? &chats[next_chat++] : NULL;
        if (c) c->state = 'T', snprintf(rec + strlen(rec), 100, "T %s\n", c->key);
        if (*rec) journal(rec); // the last outcome and the next intent: one sync
        if (!c) break;
        pthread_mutex_unlock(&mu);
        tp_err rc = send_to(*c->key == '@' ? TP_CHAT_NAME(c->key) : TP_CHAT(strtoll(c->key, NULL, 10)), &err);
        long long mig = rc == TP_ERR_API ? err.migrate_to_chat_id : 0; // became a supergroup
        chat *listed = mig ? (snprintf(newkey, sizeof newkey, "%lld", mig), find(newkey)) : NULL;
        if (mig && !listed) rc = send_to(TP_CHAT(mig), &err); // (listed: it gets it there)
        pthread_mutex_lock(&mu);
        *rec = '\0';
        if (mig) sprintf(rec, "G %s %lld\n", c->key, c->mig = mig);
        if (rc == TP_OK || listed) c->state = 'D';
        else if (err.sent == TP_MAYBE_SENT) c->state = 'M';
        else if (rc == TP_ERR_API && err.error_code != 401 && err.error_code != 429)
            c->state = 'F', c->code = err.error_code;
        else if ((c->state = 0), rc != TP_ERR_STOPPED && !*fatal) // 401, unreachable: give up
            snprintf(fatal, sizeof fatal, "%s", err.message), tp_bot_stop(bot);
        done_now += c->state != 0;
        snprintf(rec + strlen(rec), 100, "%c %s %d\n", c->state ? c->state : 'U', c->key, c->code);
    }
    live--;
    pthread_cond_signal(&ended);
    pthread_mutex_unlock(&mu);
    return unused;
}

static bool canonical(char *key) { // "@Name" -> "@name", "+0042" -> "42"; false: not a chat id
    char *end = key + 1;
    if (*key == '@') {
        for (; isalnum((unsigned char)*end) || *end == '_'; end++) *end = (char)tolower((unsigned char)*end);
        return !*end && end - key > 1;
    }
    errno = 0;
    long long id = strtoll(key, &end, 10);
    return !*end && !errno && id && sprintf(key, "%lld", id) > 0;
}

static unsigned long long fnv(unsigned long long h, const char *s) { // FNV-1a, the NUL too
    do h = (h ^ (unsigned char)*s) * 1099511628211ull;
    while (*s++);
    return h;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    const char *arg[3], *jpath = NULL, *token, *file;
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
    token = na == 3 ? arg[0] : getenv("TELEGRAM_BOT_TOKEN");
    if (bad || na < 2 || !token || !*token) {
        fprintf(stderr, "usage: %s [--photo PATH] [--journal PATH] [--threads N] [--rate N[/MS]] "
                        "[--no-throttle] TOKEN CHAT_FILE TEXT   (or set TELEGRAM_BOT_TOKEN)\n", argv[0]);
        return 2;
    }
    file = arg[na - 2], text = arg[na - 1];
    FILE *f = fopen(file, "r");
    size_t cap = 0;
    for (size_t n = 1; f && fgets(line, sizeof line, f); n++) {
        line[strcspn(line, "#\r\n")] = '\0';
        int k = sscanf(line, "%63s %c", key, &kind);
        if (k > 0 && (k > 1 || !canonical(key))) {
            fprintf(stderr, "broadcast: %s:%zu: not a chat id (an integer or @name)\n", file, n);
            return 2;
        }
        if (k > 0 && n_chats == cap && !(chats = realloc(chats, (cap = 2 * cap + 64) * sizeof *chats))) abort();
        if (k > 0) chats[n_chats++] = (chat){ strdup(key), 0, 0, 0 };
    }
    if (!f || ferror(f) || !(sorted = malloc(n_chats * sizeof *sorted + 1))) {
        fprintf(stderr, "broadcast: %s: %s\n", file, strerror(errno));
        return 1;
    }
    for (size_t i = 0; i < n_chats; i++) sorted[i] = &chats[i];
    qsort(sorted, n_chats, sizeof *sorted, by_key);
    for (size_t i = 0; i < n_chats; i++) // a repeat is marked X and left out of sorted
        if (n_sorted && !strcmp(sorted[n_sorted - 1]->key, sorted[i]->key)) sorted[i]->state = 'X';
        else sorted[n_sorted++] = sorted[i];

    // The journal: locked (one broadcast at a time), replayed, a torn last record cut off. The
    // first record names the message (a hash): another message needs another journal.
    snprintf(head, sizeof head, "B %016llx\n", fnv(fnv(14695981039346656037ull, text), photo ? photo : ""));
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
    while (jf && fgets(line, sizeof line, jf) && strchr(line, '\n') && *line && strchr("BTDFMUG", *line) &&
           (num = 0, sscanf(line, "%c %79s %lld", &kind, key, &num)) >= 2) {
        chat *c = find(key);
        if (kind == 'B' && strcmp(line, head)) {
            fprintf(stderr, "broadcast: %s is the journal of another message (delete it to send a new one)\n", jpath);
            return 1;
        }
        if (c && kind == 'G') c->mig = num;
        else if (c && kind != 'B') c->state = kind == 'U' ? 0 : kind, c->code = (int)num;
        good = ftell(jf);
    }
    if (jf && lseek(jfd, 0, SEEK_END) > good)
        fprintf(stderr, "broadcast: %s: a torn last record cut off at byte %ld\n", jpath, good);
    if (!jf || ftruncate(jfd, good)) {
        fprintf(stderr, "broadcast: %s: %s\n", jpath, strerror(errno));
        return 1;
    }

    size_t todo = 0, started = 0;
    for (size_t i = 0; i < n_sorted; i++) todo += !sorted[i]->state;
    long need = throttle ? th.all.count * 100L / th.all.per_ms : 8; // 100 ms a request at the rate
    threads = threads ? threads : need < 8 ? 8 : need > 256 ? 256 : (int)need;
    tp_error err; // the library's log stays off: every outcome goes to the journal and summary
    tp_bot_opts o = { .token = token, .max_connections = threads, .throttle = throttle ? &th : NULL };
    if (!(bot = tp_bot_new(&o, &err))) {
        fprintf(stderr, "broadcast: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: no new sends; those under way finish
    pthread_t *tid = calloc((size_t)threads, sizeof *tid);
    double t0 = now(), secs = 0;
    pthread_mutex_lock(&mu);
    if (!good) journal(head);
    for (int i = 0; tid && i < threads; i++) started += !pthread_create(&tid[started], NULL, sender, NULL);
    if (!(live = started)) snprintf(fatal, sizeof fatal, "cannot start threads");
    for (int tick = 1;; tick++) {
        struct timespec dl;
        clock_gettime(CLOCK_REALTIME, &dl);
        dl.tv_sec++;
        while (live && pthread_cond_timedwait(&ended, &mu, &dl) != ETIMEDOUT) {}
        double rate = done_now / (secs = now() - t0);
        if (isatty(2) || !live || tick % 10 == 0)
            fprintf(stderr, "%sbroadcast: %zu/%zu done, %.0f/s, ETA %.0f s%s", isatty(2) ? "\r" : "",
                    done_now, todo, rate, rate > 0 ? (todo - done_now) / rate : 0.0, isatty(2) && live ? "\033[K" : "\n");
        if (!live) break;
    }
    pthread_mutex_unlock(&mu);
    for (size_t i = 0; i < started; i++) pthread_join(tid[i], NULL);

    static const char *const what[] = { "ssent", "bblocked (403)", "ffailed (400, ...)", "gmigrated",
                                        "mmaybe sent", "imaybe sent (interrupted)", "nnot sent" };
    for (size_t w = 0; w < sizeof what / sizeof *what; w++) { // lists: all (g, i) or the first 20
        size_t count = 0;
        tp_buf list = { 0 };
        for (size_t i = 0; i < n_sorted; i++) {
            chat *c = sorted[i];
            char cat = c->state == 'T' ? 'i' : !c->state ? 'n' : c->state == 'D' ? (c->mig ? 'g' : 's')
                     : c->state == 'M' ? 'm' : c->code == 403 ? 'b' : 'f';
            if (cat == *what[w] && (++count <= 20 || strchr("gi", cat)) && strchr("fgmi", cat))
                tp_buf_printf(&list, cat == 'g' ? " %s->%lld" : cat == 'f' ? " %s(%lld)" : " %s", c->key,
                              cat == 'g' ? c->mig : c->code);
        }
        printf("%s: %zu%s%s\n", what[w] + 1, count, list.ptr ? list.ptr : "", list.ptr && count > 20 && strchr("fm", *what[w]) ? " ..." : "");
        tp_buf_deinit(&list);
    }
    printf("chats: %zu (%zu repeats skipped)\nelapsed: %.3f s for %zu this run (%.0f/s)\n", n_sorted,
           n_chats - n_sorted, secs, done_now, secs > 0 ? done_now / secs : 0.0);
    tp_bot_free(bot);
    if (*fatal) fprintf(stderr, "broadcast: %s\n", fatal);
    return *fatal ? 1 : 0;
}

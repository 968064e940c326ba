/* tests/test_api.c - the bot against the emulator (build/tpemu, a real process on loopback):
   calls and their recorded parameters, Telegram errors, injected faults, uploads and
   downloads, and the polling loop's delivery guarantees. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include <limits.h>

#define TOKEN "123456:TESTSECRETTOKEN"
#include "tp_emu.h"

/* The last recorded call of a method, as a document (free it). */
static tp_json_doc *last_call(const char *method) {
    char path[128];
    const char *body;
    tp_json_doc *d;
    const tp_json *arr;
    snprintf(path, sizeof path, "/_emu/calls?method=%s", method);
    body = control("GET", path, NULL);
    if (!body) return NULL;
    d = tp_json_parse(body, strlen(body), NULL);
    arr = tp_json_root(d);
    if (tp_json_size(arr) == 0) {
        tp_json_doc_free(d);
        return NULL;
    }
    return d;
}
static const tp_json *last_of(tp_json_doc *d) {
    const tp_json *arr = tp_json_root(d);
    return tp_json_at(arr, tp_json_size(arr) - 1);
}

/* No text the library produced may contain the token. */
static void check_no_token(const tp_error *e) {
    CHECK(strstr(e->message, "TESTSECRETTOKEN") == NULL);
    CHECK(strstr(e->description, "TESTSECRETTOKEN") == NULL);
}

TEST(test_get_me_and_errors) {
    tp_bot *bot = new_bot(TOKEN), *bad = new_bot("999:WRONGTESTSECRETTOKEN");
    tp_user_result d;
    tp_error e;
    CHECK_EQ_INT(tp_get_me(bot, &d, &e), TP_OK);
    CHECK(tp_json_get_bool(d.json, "is_bot"));
    CHECK(d.value && d.value->is_bot && d.value->username != NULL);
    CHECK(d.value && d.value->id == 123456);
    tp_json_doc_free(d.doc);
    /* a wrong token: 401, and neither token in the error */
    CHECK_EQ_INT(tp_get_me(bad, &d, &e), TP_ERR_API);
    CHECK(d.doc == NULL && d.value == NULL);
    CHECK_EQ_INT(e.error_code, 401);
    CHECK_EQ_INT(e.http_status, 401);
    CHECK(strstr(e.message, "getMe") != NULL);
    CHECK(strstr(e.message, "WRONG") == NULL);
    check_no_token(&e);
    /* an unknown method */
    CHECK_EQ_INT(tp_call(bot, "noSuchMethod", NULL, NULL, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 404);
    /* a missing parameter */
    CHECK_EQ_INT(tp_call(bot, "sendMessage", "{\"chat_id\":1}", NULL, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 400);
    CHECK(strstr(e.description, "Bad Request") != NULL);
    /* a blocked user (403) and a migrated group (migrate_to_chat_id) */
    {
        tp_send_message_args a;
        memset(&a, 0, sizeof a);
        a.chat_id = TP_CHAT(403);
        a.text = "hi";
        CHECK_EQ_INT(tp_send_message(bot, &a, NULL, &e), TP_ERR_API);
        CHECK_EQ_INT(e.error_code, 403);
        a.chat_id = TP_CHAT(-42);
        CHECK_EQ_INT(tp_send_message(bot, &a, NULL, &e), TP_ERR_API);
        CHECK(e.migrate_to_chat_id == INT64_C(-1001000000042));
    }
    tp_bot_free(bot);
    tp_bot_free(bad);
}

TEST(test_send_message) {
    tp_bot *bot = new_bot(TOKEN);
    tp_send_message_args a;
    tp_message_result d;
    tp_json_doc *calls;
    tp_error e;
    const tp_json *p;
    tp_reply_parameters rp;
    tp_inline_keyboard_button row[1];
    tp_inline_keyboard_button_list rows[1];
    tp_inline_keyboard_markup kb;
    tp_reply_markup mk;
    memset(&rp, 0, sizeof rp);
    rp.message_id = 77;
    row[0] = tp_button_cb("a", "b");
    rows[0].items = row;
    rows[0].count = 1;
    kb = tp_inline_keyboard(rows, 1);
    mk = tp_markup_inline(&kb);
    memset(&a, 0, sizeof a);
    a.chat_id = TP_CHAT(INT64_C(9007199254740993));
    a.text = "h\xc3\xa9llo \"quoted\" \\ \xf0\x9f\x98\x80\nline";
    a.parse_mode = "HTML";
    a.reply_parameters = &rp;
    a.disable_notification = true;
    a.reply_markup = &mk;
    CHECK_EQ_INT(tp_send_message(bot, &a, &d, &e), TP_OK);
    CHECK(tp_json_get_int(tp_json_get(d.json, "chat"), "id") == INT64_C(9007199254740993));
    CHECK_STR(tp_json_get_str(d.json, "text"), a.text);
    {
        const tp_message *m = d.value;
        CHECK(m && m->chat->id == INT64_C(9007199254740993) && m->from_ && m->from_->is_bot);
        CHECK(m && m->message_id > 0);
        CHECK(m && m->json == d.json);
        CHECK(tp_message_view(d.doc, d.json, &e) != NULL);
    }
    tp_json_doc_free(d.doc);
    calls = last_call("sendMessage");
    p = tp_json_get(last_of(calls), "params");
    CHECK(tp_json_get_int(p, "chat_id") == INT64_C(9007199254740993));
    CHECK_STR(tp_json_get_str(p, "text"), a.text);
    CHECK_STR(tp_json_get_str(p, "parse_mode"), "HTML");
    CHECK_EQ_INT(tp_json_get_int(tp_json_get(p, "reply_parameters"), "message_id"), 77);
    CHECK(tp_json_get_bool(p, "disable_notification"));
    CHECK(tp_json_get(p, "protect_content") == NULL);
    CHECK_STR(tp_json_get_str(tp_json_at(tp_json_at(tp_json_get(tp_json_get(p, "reply_markup"),
                                                                 "inline_keyboard"), 0), 0), "text"),
              "a");
    tp_json_doc_free(calls);
    /* a channel by name */
    a.chat_id = TP_CHAT_NAME("@tpemu_channel");
    a.reply_markup = NULL;
    a.reply_parameters = NULL;
    CHECK_EQ_INT(tp_send_message(bot, &a, NULL, &e), TP_OK);
    calls = last_call("sendMessage");
    CHECK_STR(tp_json_get_str(tp_json_get(last_of(calls), "params"), "chat_id"), "@tpemu_channel");
    tp_json_doc_free(calls);
    tp_bot_free(bot);
}

TEST(test_faults) {
    tp_bot *bot = raw_bot(TOKEN); /* each fault as it came (the retries: test_send.c) */
    tp_error e;
    tp_user_result d;
    CHECK(control("POST", "/_emu/fault", "429:7/getMe") != NULL);
    CHECK_EQ_INT(tp_get_me(bot, &d, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 429);
    CHECK_EQ_INT(e.retry_after, 7);
    check_no_token(&e);
    CHECK(control("POST", "/_emu/fault", "502/getMe") != NULL);
    CHECK_EQ_INT(tp_get_me(bot, &d, &e), TP_ERR_NOT_JSON);
    CHECK_EQ_INT(e.http_status, 502);
    CHECK(strstr(e.message, "text/html") != NULL);
    check_no_token(&e);
    CHECK(control("POST", "/_emu/fault", "500/getMe") != NULL);
    CHECK_EQ_INT(tp_get_me(bot, &d, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 500);
    CHECK(control("POST", "/_emu/fault", "truncate/getMe") != NULL);
    CHECK_EQ_INT(tp_get_me(bot, &d, &e), TP_ERR_HTTP_TRUNCATED);
    check_no_token(&e);
    /* a reset on a fresh connection is an error (nothing to retry on) */
    tp_http_close(bot->idle->http); /* the connection the next call takes */
    CHECK(control("POST", "/_emu/fault", "reset/getMe") != NULL);
    CHECK(tp_get_me(bot, &d, &e) != TP_OK);
    CHECK(e.code == TP_ERR_RESET || e.code == TP_ERR_CLOSED);
    check_no_token(&e);
    /* a stall hits the deadline */
    {
        tp_bot_opts o;
        tp_bot *quick;
        int64_t t0;
        memset(&o, 0, sizeof o);
        o.token = TOKEN;
        o.api_url = emu_url;
        o.timeout_ms = 500;
        quick = tp_bot_new(&o, &e);
        CHECK(control("POST", "/_emu/fault", "stall/getMe") != NULL);
        t0 = tp_now_ms();
        CHECK_EQ_INT(tp_get_me(quick, &d, &e), TP_ERR_TIMEOUT);
        CHECK(tp_now_ms() - t0 < 3000);
        check_no_token(&e);
        tp_bot_free(quick);
    }
    /* after all that, the bot works */
    CHECK_EQ_INT(tp_get_me(bot, &d, &e), TP_OK);
    tp_json_doc_free(d.doc);
    tp_bot_free(bot);
}

TEST(test_upload_download) {
    tp_bot *bot = new_bot(TOKEN);
    tp_error e;
    tp_json_doc *d = NULL, *calls;
    unsigned char data[70000];
    char path[] = "/tmp/tpt-dl.XXXXXX", upath[] = "/tmp/tpt-up.XXXXXX";
    const char *file_id;
    tp_http_part parts[3];
    size_t i;
    int fd;
    for (i = 0; i < sizeof data; i++) data[i] = (unsigned char)(i * 31 + (i >> 8));
    memset(parts, 0, sizeof parts);
    parts[0].name = "chat_id";
    parts[0].data = "12345";
    parts[1].name = "caption";
    parts[1].data = "a \"photo\"";
    parts[2].name = "photo";
    parts[2].filename = "pic.jpg";
    parts[2].content_type = "image/jpeg";
    parts[2].data = data;
    parts[2].len = sizeof data;
    CHECK_EQ_INT(tp_call_multipart(bot, "sendPhoto", parts, 3, &d, &e), TP_OK);
    {
        const tp_json *photos = tp_json_get(tp_result(d), "photo");
        file_id = tp_json_get_str(tp_json_at(photos, tp_json_size(photos) - 1), "file_id");
        CHECK(file_id != NULL);
    }
    calls = last_call("sendPhoto");
    CHECK_STR(tp_json_get_str(tp_json_get(last_of(calls), "params"), "caption"), "a \"photo\"");
    CHECK_EQ_INT(tp_json_get_int(tp_json_get(tp_json_get(last_of(calls), "files"), "photo"), "size"),
                 sizeof data);
    tp_json_doc_free(calls);
    /* download it back, streamed to a file */
    fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ_INT(tp_download_file(bot, file_id ? file_id : "x", fd, &e), TP_OK);
    {
        unsigned char back[sizeof data + 10];
        ssize_t n = pread(fd, back, sizeof back, 0);
        CHECK_EQ_INT(n, sizeof data);
        CHECK(n == (ssize_t)sizeof data && memcmp(back, data, sizeof data) == 0);
    }
    close(fd);
    unlink(path);
    /* a file streamed from an fd, uploaded as a document, then downloaded to a path */
    fd = mkstemp(upath);
    CHECK(write(fd, data, 50000) == 50000);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    parts[1].name = "document";
    parts[1].filename = "blob.bin";
    parts[1].data = NULL;
    parts[1].fd = fd;
    tp_json_doc_free(d);
    CHECK_EQ_INT(tp_call_multipart(bot, "sendDocument", parts, 2, &d, &e), TP_OK);
    close(fd);
    unlink(upath);
    file_id = tp_json_get_str(tp_json_get(tp_result(d), "document"), "file_id");
    CHECK_EQ_INT(tp_download_file_to(bot, file_id ? file_id : "x", path, &e), TP_OK);
    {
        struct stat st;
        CHECK(stat(path, &st) == 0 && st.st_size == 50000);
    }
    unlink(path);
    /* an unknown file: an API error, and the half-made file is removed */
    CHECK_EQ_INT(tp_download_file_to(bot, "no-such-file", path, &e), TP_ERR_API);
    CHECK(access(path, F_OK) != 0);
    check_no_token(&e);
    /* a failed download leaves an existing file as it was */
    {
        FILE *f = fopen(path, "w");
        char back[16] = "";
        fputs("precious", f);
        fclose(f);
        CHECK_EQ_INT(tp_download_file_to(bot, "no-such-file", path, &e), TP_ERR_API);
        f = fopen(path, "r");
        CHECK(f != NULL);
        if (f) {
            CHECK(fgets(back, sizeof back, f) != NULL);
            fclose(f);
        }
        CHECK_STR(back, "precious");
        unlink(path);
    }
    tp_json_doc_free(d);
    tp_bot_free(bot);
}

/* The polling loop: every update handled once, in order, and a stop confirms the offset. */
typedef struct {
    int64_t ids[512];
    int n;
    int stop_at;
    int dup;
} seen_t;

static void on_update(tp_bot *bot, const tp_update *u, void *user) {
    seen_t *s = (seen_t *)user;
    int i;
    for (i = 0; i < s->n; i++)
        if (s->ids[i] == u->update_id) s->dup++;
    if (s->n < 512) s->ids[s->n++] = u->update_id;
    if (u->message && u->message->text) {
        tp_send_message_args a;
        memset(&a, 0, sizeof a);
        a.chat_id = TP_CHAT(u->message->chat->id);
        a.text = u->message->text;
        tp_send_message(bot, &a, NULL, NULL);
    }
    if (s->n == s->stop_at) tp_bot_stop(bot);
}

static void push_updates(int n, int base) {
    int i;
    char body[128];
    for (i = 0; i < n; i++) {
        snprintf(body, sizeof body, "{\"chat_id\":%d,\"text\":\"m%d\"}", 1000 + (base + i) % 7, base + i);
        CHECK(control("POST", "/_emu/update", body) != NULL);
    }
}

TEST(test_poll_loop) {
    tp_bot *bot = new_bot(TOKEN);
    seen_t s;
    tp_error e;
    tp_poll_opts po;
    int i, in_order = 1;
    memset(&s, 0, sizeof s);
    memset(&po, 0, sizeof po);
    po.limit = 7; /* several batches */
    push_updates(40, 0);
    s.stop_at = 25; /* stop in the middle of a batch */
    CHECK_EQ_INT(tp_poll_run(bot, on_update, &s, &po, &e), TP_OK);
    CHECK_EQ_INT(s.n, 25);
    CHECK_EQ_INT(s.dup, 0);
    for (i = 1; i < s.n; i++) in_order &= s.ids[i] == s.ids[i - 1] + 1;
    CHECK(in_order);
    tp_bot_free(bot);
    /* a new run starts exactly after the 25th: no repeat, no loss */
    bot = new_bot(TOKEN);
    {
        seen_t s2;
        memset(&s2, 0, sizeof s2);
        s2.stop_at = 15;
        CHECK_EQ_INT(tp_poll_run(bot, on_update, &s2, &po, &e), TP_OK);
        CHECK_EQ_INT(s2.n, 15);
        CHECK(s2.n && s2.ids[0] == s.ids[24] + 1);
        CHECK_EQ_INT(s2.dup, 0);
    }
    /* nothing left */
    {
        tp_get_updates_args ga;
        tp_update_list_result ur;
        memset(&ga, 0, sizeof ga);
        CHECK_EQ_INT(tp_get_updates(bot, &ga, &ur, &e), TP_OK);
        CHECK_EQ_INT(tp_json_size(ur.json), 0);
        CHECK_EQ_INT(ur.count, 0);
        tp_json_doc_free(ur.doc);
    }
    tp_bot_free(bot);
}

/* tp_bot_stop from another thread interrupts a long poll at once. */
static void *stopper(void *arg) {
    msleep(300);
    tp_bot_stop((tp_bot *)arg);
    return NULL;
}
static void never(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)u;
    (*(int *)user)++;
}

/* A poll timeout of INT_MAX seconds is clamped (a day), not multiplied past int (UBSan). */
TEST(test_poll_huge_timeout) {
    tp_bot *bot = new_bot(TOKEN);
    pthread_t th;
    tp_error e;
    int calls = 0;
    tp_poll_opts po;
    memset(&po, 0, sizeof po);
    po.timeout_s = INT_MAX;
    po.slack_ms = INT_MAX;
    pthread_create(&th, NULL, stopper, bot);
    CHECK_EQ_INT(tp_poll_run(bot, never, &calls, &po, &e), TP_OK);
    pthread_join(th, NULL);
    tp_bot_free(bot);
}

TEST(test_stop_long_poll) {
    tp_bot *bot = new_bot(TOKEN);
    pthread_t th;
    tp_error e;
    int calls = 0;
    int64_t t0 = tp_now_ms();
    tp_poll_opts po;
    memset(&po, 0, sizeof po);
    po.timeout_s = 30;
    pthread_create(&th, NULL, stopper, bot);
    CHECK_EQ_INT(tp_poll_run(bot, never, &calls, &po, &e), TP_OK);
    pthread_join(th, NULL);
    CHECK(tp_now_ms() - t0 < 2000);
    CHECK_EQ_INT(calls, 0);
    CHECK(tp_bot_stopped(bot));
    tp_bot_free(bot);
}

/* What the poller asks for: timeout_s and allowed_updates with its count; the 0.2 forms
   (timeout, a NULL-terminated list with no count) still send the same. */
static void poll_params_case(const tp_poll_opts *po, int64_t timeout, const char *kinds) {
    tp_bot *bot = new_bot(TOKEN);
    pthread_t th;
    tp_error e;
    int calls = 0;
    tp_json_doc *d;
    const tp_json *p, *a;
    char got[128] = "";
    size_t i;
    pthread_create(&th, NULL, stopper, bot);
    CHECK_EQ_INT(tp_poll_run(bot, never, &calls, po, &e), TP_OK);
    pthread_join(th, NULL);
    d = last_call("getUpdates");
    CHECK(d != NULL);
    p = tp_json_get(last_of(d), "params");
    CHECK_EQ_INT(tp_json_get_int(p, "timeout"), timeout);
    a = tp_json_get(p, "allowed_updates");
    for (i = 0; i < tp_json_size(a); i++) {
        if (i) strcat(got, ",");
        strcat(got, tp_json_str(tp_json_at(a, i)) ? tp_json_str(tp_json_at(a, i)) : "?");
    }
    CHECK_STR(got, kinds);
    tp_json_doc_free(d);
    tp_bot_free(bot);
}
TEST(test_poll_params) {
    /* the count stops before the NULL: a poller that ignores it sends "poll" too */
    static const char *const two[] = {"message", "callback_query", "poll", NULL};
    static const char *const old[] = {"message", "poll", NULL};
    tp_poll_opts po;
    memset(&po, 0, sizeof po);
    po.timeout_s = 1;
    po.allowed_updates = two;
    po.allowed_updates_count = 1; /* the count rules: only "message" */
    poll_params_case(&po, 1, "message");
    po.allowed_updates_count = 2;
    poll_params_case(&po, 1, "message,callback_query");
    memset(&po, 0, sizeof po);
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    po.timeout = 2; /* deprecated name */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
    po.allowed_updates = old;
    poll_params_case(&po, 2, "message,poll");
    po.timeout_s = 1; /* the new name wins */
    poll_params_case(&po, 1, "message,poll");
}

/* The deprecated 0.2 webhook calls send what they sent: an empty allowed_updates list goes
   as [] (reset to Telegram's default), which the generated tp_set_webhook cannot say. */
TEST(test_webhook_deprecated) {
    tp_bot *bot = new_bot(TOKEN);
    tp_error e;
    tp_json_doc *d;
    const tp_json *p;
    static const char *const none[] = {NULL};
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    tp_webhook_args wa;
    memset(&wa, 0, sizeof wa);
    wa.allowed_updates = none;
    wa.max_connections = 7;
    CHECK_EQ_INT(tp_hook_set_webhook(bot, "http://127.0.0.1:9/x", "s3", &wa, &e), TP_OK);
    CHECK_EQ_INT(tp_hook_delete_webhook(bot, true, &e), TP_OK);
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
    d = last_call("setWebhook");
    CHECK(d != NULL);
    p = tp_json_get(last_of(d), "params");
    CHECK_STR(tp_json_get_str(p, "url"), "http://127.0.0.1:9/x");
    CHECK_STR(tp_json_get_str(p, "secret_token"), "s3");
    CHECK_EQ_INT(tp_json_get_int(p, "max_connections"), 7);
    CHECK(tp_json_get(p, "allowed_updates") != NULL);
    CHECK_EQ_INT(tp_json_size(tp_json_get(p, "allowed_updates")), 0);
    tp_json_doc_free(d);
    d = last_call("deleteWebhook");
    CHECK(d != NULL);
    CHECK(tp_json_get_bool(tp_json_get(last_of(d), "params"), "drop_pending_updates"));
    tp_json_doc_free(d);
    tp_bot_free(bot);
}

/* A second poller gets 409 and its loop stops with that error. */
typedef struct {
    tp_bot *bot;
    tp_err rc;
} held_t;
static void *held_poll(void *arg) {
    held_t *h = (held_t *)arg;
    tp_get_updates_args ga;
    tp_update_list_result d;
    memset(&ga, 0, sizeof ga);
    ga.timeout = 2;
    h->rc = tp_get_updates(h->bot, &ga, &d, NULL);
    if (h->rc == TP_OK) tp_json_doc_free(d.doc);
    return NULL;
}

TEST(test_conflict) {
    tp_bot *b = new_bot(TOKEN);
    held_t h;
    pthread_t th;
    tp_error e;
    int calls = 0;
    h.bot = new_bot(TOKEN);
    h.rc = TP_ERR_INVALID;
    pthread_create(&th, NULL, held_poll, &h);
    msleep(300); /* h's getUpdates is held by the emulator now */
    CHECK_EQ_INT(tp_poll_run(b, never, &calls, NULL, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 409);
    CHECK(strstr(e.description, "Conflict") != NULL);
    check_no_token(&e);
    pthread_join(th, NULL);
    CHECK_EQ_INT(h.rc, TP_OK);
    tp_bot_free(h.bot);
    tp_bot_free(b);
}

/* Rows of the poll's failure policy that stop: a wrong token (401) and a wrong API root (404)
   end tp_poll_run with that error at once; backing off would hide them until a stop. */
TEST(test_poll_stop_rows) {
    char root[160];
    const char *tokens[2] = {"999:WRONGTESTSECRETTOKEN", TOKEN};
    const int codes[2] = {401, 404};
    int i;
    snprintf(root, sizeof root, "%s/not/the/api", emu_url);
    for (i = 0; i < 2; i++) {
        tp_bot *bot = bot_at(tokens[i], i ? root : emu_url, 5000);
        pthread_t th;
        tp_error e;
        int calls = 0;
        pthread_create(&th, NULL, stopper, bot); /* a poll that backs off ends with TP_OK */
        CHECK_EQ_INT(tp_poll_run(bot, never, &calls, NULL, &e), TP_ERR_API);
        CHECK_EQ_INT(e.error_code, codes[i]);
        check_no_token(&e);
        pthread_join(th, NULL);
        tp_bot_free(bot);
    }
}

/* A typed getUpdates with a timeout is a long poll: it goes on the bot's poll connection, so
   another thread's calls are not held behind it, and tp_bot_stop cuts it short. */
typedef struct {
    tp_bot *bot;
    tp_err rc;
    int64_t done_at;
} lp_t;
static void *long_poll(void *arg) {
    lp_t *l = (lp_t *)arg;
    tp_get_updates_args ga;
    tp_update_list_result r;
    memset(&ga, 0, sizeof ga);
    ga.timeout = 20;
    l->rc = tp_get_updates(l->bot, &ga, &r, NULL);
    l->done_at = tp_now_ms();
    if (l->rc == TP_OK) tp_json_doc_free(r.doc);
    return NULL;
}

TEST(test_long_poll_own_line) {
    lp_t l;
    pthread_t th;
    tp_error e;
    int64_t t0;
    int i;
    l.bot = new_bot(TOKEN);
    l.rc = TP_ERR_INVALID;
    l.done_at = 0;
    pthread_create(&th, NULL, long_poll, &l);
    msleep(300); /* the emulator holds the poll now */
    for (i = 0; i < 3; i++) { /* other threads' calls go through at once */
        t0 = tp_now_ms();
        CHECK_EQ_INT(tp_get_me(l.bot, NULL, &e), TP_OK);
        CHECK(tp_now_ms() - t0 < 1000);
    }
    t0 = tp_now_ms();
    tp_bot_stop(l.bot);
    pthread_join(th, NULL);
    CHECK_EQ_INT(l.rc, TP_ERR_STOPPED);
    CHECK(l.done_at - t0 < 1000);
    tp_bot_free(l.bot);
}

/* Uploads: standard input (fd 0) is a file like any other; bytes at NULL and a CR/LF in a
   part's content type are refused before anything is sent. */
TEST(test_upload_edges) {
    tp_bot *bot = new_bot(TOKEN);
    tp_error e;
    tp_send_document_args a;
    tp_message_result r;
    tp_json_doc *calls;
    tp_http_part parts[2];
    int pfd[2], saved = dup(0);
    size_t before;
    CHECK(pipe(pfd) == 0);
    CHECK(write(pfd[1], "from stdin\n", 11) == 11);
    close(pfd[1]);
    dup2(pfd[0], 0);
    close(pfd[0]);
    memset(&a, 0, sizeof a);
    a.chat_id = TP_CHAT(777);
    a.document = tp_file_fd(0, "stdin.txt");
    CHECK_EQ_INT(tp_send_document(bot, &a, &r, &e), TP_OK);
    tp_json_doc_free(r.doc);
    dup2(saved, 0);
    close(saved);
    calls = last_call("sendDocument");
    CHECK_EQ_INT(tp_json_get_int(tp_json_get(tp_json_get(last_of(calls), "files"), "document"),
                                 "size"), 11);
    before = tp_json_size(tp_json_root(calls));
    tp_json_doc_free(calls);
    a.document = tp_file_fd(-1, "bad");
    CHECK_EQ_INT(tp_send_document(bot, &a, NULL, &e), TP_ERR_FILE);
    a.document = tp_file_mem(NULL, 100, "x.bin");
    CHECK_EQ_INT(tp_send_document(bot, &a, NULL, &e), TP_ERR_INVALID);
    memset(parts, 0, sizeof parts);
    parts[0].name = "chat_id";
    parts[0].data = "1";
    parts[1].name = "document";
    parts[1].filename = "a.txt";
    parts[1].content_type = "text/plain\r\nX-Injected: 1";
    parts[1].data = "hi";
    parts[1].len = 2;
    CHECK_EQ_INT(tp_call_multipart(bot, "sendDocument", parts, 2, NULL, &e), TP_ERR_INVALID);
    calls = last_call("sendDocument");
    CHECK_EQ_INT(tp_json_size(tp_json_root(calls)), before); /* none of the three was sent */
    tp_json_doc_free(calls);
    tp_bot_free(bot);
}

/* A download into a pipe whose reader never reads fails at the download deadline, and the
   bot's other calls work again right after. */
TEST(test_download_stalled_pipe) {
    static unsigned char data[200000];
    tp_bot_opts o;
    tp_bot *bot;
    tp_error e;
    tp_http_part parts[2];
    tp_json_doc *d = NULL;
    const char *file_id;
    int pfd[2];
    int64_t t0;
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = emu_url;
    o.download_timeout_ms = 800;
    bot = tp_bot_new(&o, &e);
    memset(parts, 0, sizeof parts);
    parts[0].name = "chat_id";
    parts[0].data = "12345";
    parts[1].name = "document";
    parts[1].filename = "big.bin";
    parts[1].data = data;
    parts[1].len = sizeof data;
    CHECK_EQ_INT(tp_call_multipart(bot, "sendDocument", parts, 2, &d, &e), TP_OK);
    file_id = tp_json_get_str(tp_json_get(tp_result(d), "document"), "file_id");
    CHECK(pipe(pfd) == 0);
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_download_file(bot, file_id ? file_id : "x", pfd[1], &e), TP_ERR_TIMEOUT);
    CHECK(tp_now_ms() - t0 < 3000);
    check_no_token(&e);
    close(pfd[0]);
    close(pfd[1]);
    CHECK_EQ_INT(tp_get_me(bot, NULL, &e), TP_OK);
    tp_json_doc_free(d);
    tp_bot_free(bot);
}

/* A signal handled on one thread while another frees the bot: the free waits for the
   handler (ASan sees no use after free). A race, so it is run many times. */
static volatile int sig_quit;
static void *sig_spammer(void *arg) {
    (void)arg;
    while (!__atomic_load_n(&sig_quit, __ATOMIC_ACQUIRE)) {
        pthread_kill(pthread_self(), SIGTERM);
        sched_yield();
    }
    return NULL;
}

TEST(test_signal_vs_free) {
    pthread_t th;
    int i, bad;
    tp_bot_opts o;
    tp_bot *keep = new_bot(TOKEN); /* keeps the handler installed between the others */
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = emu_url;
    CHECK_EQ_INT(tp_bot_stop_on_signals(keep), TP_OK);
    __atomic_store_n(&sig_quit, 0, __ATOMIC_RELEASE);
    pthread_create(&th, NULL, sig_spammer, NULL);
    for (i = 0, bad = 0; i < 2000; i++) {
        tp_bot *b = tp_bot_new(&o, NULL);
        bad += !b || tp_bot_stop_on_signals(b) != TP_OK;
        tp_bot_free(b);
    }
    CHECK_EQ_INT(bad, 0);
    __atomic_store_n(&sig_quit, 1, __ATOMIC_RELEASE);
    pthread_join(th, NULL);
    CHECK(tp_bot_stopped(keep));
    tp_bot_free(keep);
}

/* Calls from many threads go out in parallel over the bot's pool, at most max_connections at
   once; each thread's calls arrive in its order. tpemu answers every sendMessage 300 ms late
   (without blocking its other connections). */
typedef struct {
    tp_bot *bot;
    int k, n, bad;
} sender_t;
static void *sender(void *arg) {
    sender_t *s = (sender_t *)arg;
    int i;
    for (i = 0; i < s->n; i++) {
        char text[32];
        tp_send_message_args a;
        memset(&a, 0, sizeof a);
        snprintf(text, sizeof text, "t%d-%d", s->k, i);
        a.chat_id = TP_CHAT(5000 + s->k);
        a.text = text;
        if (tp_send_message(s->bot, &a, NULL, NULL) != TP_OK) s->bad++;
    }
    return NULL;
}

static long emu_stat(const char *name) {
    const char *b = control("GET", "/_emu/stats", NULL);
    tp_json_doc *d = b ? tp_json_parse(b, strlen(b), NULL) : NULL;
    long v = (long)tp_json_get_int(tp_json_root(d), name);
    tp_json_doc_free(d);
    return v;
}

/* 8 threads x 3 sends through one bot capped at `cap` connections; returns the seconds. */
static double pool_run(int cap, long *conns) {
    tp_bot_opts o;
    tp_bot *bot;
    sender_t s[8];
    pthread_t th[8];
    int k, bad = 0;
    long c0;
    int64_t t0;
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = emu_url;
    o.max_connections = cap;
    bot = tp_bot_new(&o, NULL);
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK(control("POST", "/_emu/fault", "slow:300@1/sendMessage") != NULL);
    c0 = emu_stat("connections_total");
    t0 = tp_now_ms();
    for (k = 0; k < 8; k++) {
        s[k].bot = bot;
        s[k].k = k;
        s[k].n = 3;
        s[k].bad = 0;
        pthread_create(&th[k], NULL, sender, &s[k]);
    }
    for (k = 0; k < 8; k++) {
        pthread_join(th[k], NULL);
        bad += s[k].bad;
    }
    t0 = tp_now_ms() - t0;
    *conns = emu_stat("connections_total") - c0;
    CHECK(control("POST", "/_emu/fault", "clear") != NULL);
    CHECK_EQ_INT(bad, 0);
    { /* every send arrived once, each thread's in its order */
        const char *b = control("GET", "/_emu/calls?method=sendMessage", NULL);
        tp_json_doc *d = b ? tp_json_parse(b, strlen(b), NULL) : NULL;
        const tp_json *c;
        int next[8] = {0}, n = 0, disorder = 0;
        for (c = tp_json_first(tp_json_root(d)); c; c = tp_json_next(c)) {
            const tp_json *pm = tp_json_get(c, "params");
            int64_t chat = tp_json_get_int(pm, "chat_id");
            const char *t = tp_json_get_str(pm, "text");
            int kk = (int)(chat - 5000), i;
            if (kk < 0 || kk >= 8 || !t) continue;
            i = atoi(strchr(t, '-') ? strchr(t, '-') + 1 : "0");
            if (i != next[kk]) disorder++;
            next[kk] = i + 1;
            n++;
        }
        CHECK_EQ_INT(n, 24);
        CHECK_EQ_INT(disorder, 0);
        tp_json_doc_free(d);
    }
    tp_bot_free(bot);
    return (double)t0 / 1000.0;
}

TEST(test_pool) {
    long conns = 0;
    double secs = pool_run(8, &conns); /* 24 sends of 300 ms: 8 at a time, ~0.9 s */
    printf("pool: 8 threads x 3 sends at 300 ms, cap 8: %.2f s over %ld connections\n", secs,
           conns);
    CHECK(secs < 2.4); /* one at a time would take 7.2 s */
    CHECK(conns >= 2 && conns <= 8);
    secs = pool_run(2, &conns); /* 2 at a time: ~3.6 s */
    printf("pool: the same, cap 2: %.2f s over %ld connections\n", secs, conns);
    CHECK(secs >= 3.3);
    CHECK(conns <= 2);
}

/* A call that waited for a connection until less than half its deadline was left fails
   with TP_ERR_TIMEOUT "not sent", and is indeed not sent (a retry cannot duplicate it). */
typedef struct {
    tp_bot *bot;
    int k, ok, unsent, other;
} waiter_t;
static void *waiter(void *arg) {
    waiter_t *w = (waiter_t *)arg;
    int i;
    for (i = 0; i < 2; i++) {
        tp_send_message_args a;
        tp_error e;
        tp_err rc;
        memset(&a, 0, sizeof a);
        a.chat_id = TP_CHAT(6000 + w->k);
        a.text = "w";
        rc = tp_send_message(w->bot, &a, NULL, &e);
        if (rc == TP_OK) w->ok++;
        else if (rc == TP_ERR_TIMEOUT && strstr(e.message, "not sent")) w->unsent++;
        else w->other++;
    }
    return NULL;
}

TEST(test_pool_not_sent) {
    tp_bot_opts o;
    tp_bot *bot;
    waiter_t w[6];
    pthread_t th[6];
    int k, ok = 0, unsent = 0, other = 0;
    size_t recorded;
    tp_json_doc *calls;
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = emu_url;
    o.max_connections = 1;
    o.timeout_ms = 1000;
    bot = tp_bot_new(&o, NULL);
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK(control("POST", "/_emu/fault", "slow:300@1/sendMessage") != NULL);
    for (k = 0; k < 6; k++) {
        memset(&w[k], 0, sizeof w[k]);
        w[k].bot = bot;
        w[k].k = k;
        pthread_create(&th[k], NULL, waiter, &w[k]);
    }
    for (k = 0; k < 6; k++) {
        pthread_join(th[k], NULL);
        ok += w[k].ok;
        unsent += w[k].unsent;
        other += w[k].other;
    }
    CHECK(control("POST", "/_emu/fault", "clear") != NULL);
    calls = last_call("sendMessage");
    recorded = calls ? tp_json_size(tp_json_root(calls)) : 0;
    tp_json_doc_free(calls);
    printf("pool cap 1, 12 sends of 300 ms, 1 s deadline: %d sent, %d not sent, %d other\n", ok,
           unsent, other);
    CHECK(unsent > 0);
    CHECK_EQ_INT(recorded, ok + other); /* nothing reported "not sent" reached the server */
    CHECK_EQ_INT(other, 0); /* each one sent had half its second left for a 300 ms answer */
    tp_bot_free(bot);
}

/* The signal handlers go back to what they were when the last bot leaves. */
TEST(test_signals_restored) {
    tp_bot *a = new_bot(TOKEN), *b = new_bot(TOKEN);
    struct sigaction now;
    CHECK_EQ_INT(tp_bot_stop_on_signals(a), TP_OK);
    CHECK_EQ_INT(tp_bot_stop_on_signals(b), TP_OK);
    raise(SIGTERM); /* handled: both stop, the process lives */
    CHECK(tp_bot_stopped(a) && tp_bot_stopped(b));
    tp_bot_free(a);
    sigaction(SIGTERM, NULL, &now);
    CHECK(now.sa_handler != SIG_DFL); /* b still listens */
    tp_bot_free(b);
    sigaction(SIGTERM, NULL, &now);
    CHECK(now.sa_handler == SIG_DFL);
    sigaction(SIGINT, NULL, &now);
    CHECK(now.sa_handler == SIG_DFL);
}

int main(void) {
    signal(SIGPIPE, SIG_DFL); /* the library must not need SIGPIPE ignored */
    start_emu();
    if (!ctl) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    RUN(test_get_me_and_errors);
    RUN(test_send_message);
    RUN(test_faults);
    RUN(test_upload_download);
    RUN(test_poll_loop);
    RUN(test_stop_long_poll);
    RUN(test_poll_huge_timeout);
    RUN(test_poll_params);
    RUN(test_webhook_deprecated);
    RUN(test_conflict);
    RUN(test_poll_stop_rows);
    RUN(test_long_poll_own_line);
    RUN(test_upload_edges);
    RUN(test_download_stalled_pipe);
    RUN(test_pool);
    RUN(test_pool_not_sent);
    RUN(test_signal_vs_free);
    RUN(test_signals_restored);
    stop_emu();
    TEST_END();
}

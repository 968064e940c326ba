/* tests/test_methods.c - all 180 generated method wrappers against the emulator
   (build/tpemu): each is called with representative args (tests/gen_cases.h, generated with
   the header) and the request tpemu recorded must carry exactly the expected parameter names,
   JSON types and values (ids above 2^53, nested objects, arrays, files in multipart with
   attach:// references); each typed result must parse. Then an update of a kind and with
   fields Bot API 10.1 does not know reaches a tp_poll_run handler with its data in the DOM. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "gen_cases.h"

#define TOKEN "123456:TESTSECRETTOKEN"
#include "tp_emu.h"

/* The expected value (from gen_cases.h) against the recorded one. A multipart request carries
   scalars as text, so there they are compared as text. */
static bool same(const tp_json *want, const tp_json *got, bool multipart);
/* The parameters: the same names, each value the same. */
static bool same_params(const tp_json *want, const tp_json *got, bool multipart) {
    const tp_json *x;
    if (tp_json_typeof(got) != TP_JSON_OBJECT || tp_json_size(want) != tp_json_size(got))
        return false;
    for (x = tp_json_first(want); x; x = tp_json_next(x))
        if (!same(x, tp_json_get(got, tp_json_key(x)), multipart)) return false;
    return true;
}
static bool same(const tp_json *want, const tp_json *got, bool multipart) {
    const tp_json *x;
    tp_json_type t = tp_json_typeof(want);
    if (multipart && t != TP_JSON_OBJECT && t != TP_JSON_ARRAY && t != TP_JSON_STRING) {
        tp_buf b;
        bool eq;
        tp_buf_init(&b);
        tp_json_write(&b, want);
        eq = tp_json_typeof(got) == TP_JSON_STRING && b.ptr && strcmp(b.ptr, tp_json_str(got)) == 0;
        tp_buf_deinit(&b);
        return eq;
    }
    if (t != tp_json_typeof(got)) return false;
    switch (t) {
    case TP_JSON_BOOL: return tp_json_bool(want) == tp_json_bool(got);
    case TP_JSON_INT: return tp_json_int(want) == tp_json_int(got);
    case TP_JSON_REAL: return tp_json_num(want) == tp_json_num(got);
    case TP_JSON_STRING: return strcmp(tp_json_str(want), tp_json_str(got)) == 0;
    case TP_JSON_ARRAY: {
        size_t i;
        if (tp_json_size(want) != tp_json_size(got)) return false;
        for (i = 0; i < tp_json_size(want); i++)
            if (!same(tp_json_at(want, i), tp_json_at(got, i), false)) return false;
        return true;
    }
    case TP_JSON_OBJECT:
        if (tp_json_size(want) != tp_json_size(got)) return false;
        for (x = tp_json_first(want); x; x = tp_json_next(x))
            if (!same(x, tp_json_get(got, tp_json_key(x)), false)) return false;
        return true;
    default: return true;
    }
}

/* Big enough for every result struct. */
typedef union {
    tp_bool_result b;
    tp_int_result i;
    tp_string_result s;
    tp_message_result m;
    tp_update_list_result l;
} any_result;

TEST(test_all_methods) {
    tp_bot *bot = new_bot(TOKEN);
    size_t i, n = sizeof gen_method_cases / sizeof gen_method_cases[0];
    int ok_calls = 0, ok_params = 0, ok_files = 0, ok_results = 0, uploads = 0, big_ids = 0;
    for (i = 0; i < n; i++) {
        const gen_method_case *c = &gen_method_cases[i];
        any_result r;
        tp_error e;
        char path[128];
        const char *body;
        tp_json_doc *calls = NULL, *want = NULL;
        const tp_json *call, *params;
        bool multipart;
        tp_err rc;
        memset(&r, 0xA5, sizeof r); /* the call must fill it */
        CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
        rc = c->call(bot, &r, &e);
        /* tpemu knows no such file and no such message: a realistic 400, request still checked */
        if (rc == TP_ERR_API && e.error_code == 400 &&
            (!strcmp(c->method, "getFile") || !strcmp(c->method, "deleteMessage"))) {
            CHECK(r.m.doc == NULL);
            ok_calls++;
            ok_results++;
        } else if (rc != TP_OK) {
            fprintf(stderr, "%s: %s\n", c->method, e.message);
            continue;
        } else {
            ok_calls++;
        }
        /* the typed result */
        if (rc == TP_OK) {
            bool good = r.m.doc != NULL && r.m.json != NULL;
            if (c->rkind == 4 || c->rkind == 6) good = good && (r.m.value != NULL || tp_json_bool(r.m.json));
            if (c->rkind == 5) good = good && r.l.count == tp_json_size(r.l.json) &&
                                      (r.l.count == 0 || r.l.value != NULL);
            if (c->rkind == 3) good = good && r.s.value != NULL;
            if (c->rkind == 1) good = good && r.b.value;
            if (good) ok_results++;
            else fprintf(stderr, "%s: result not parsed (kind %d)\n", c->method, c->rkind);
            tp_json_doc_free(r.m.doc);
        }
        /* the request as tpemu recorded it */
        snprintf(path, sizeof path, "/_emu/calls?method=%s", c->method);
        body = control("GET", path, NULL);
        if (body) calls = tp_json_parse(body, strlen(body), NULL);
        call = tp_json_at(tp_json_root(calls), 0);
        params = tp_json_get(call, "params");
        multipart = tp_json_get_str(call, "encoding") &&
                    strcmp(tp_json_get_str(call, "encoding"), "multipart") == 0;
        want = tp_json_parse(c->params, strlen(c->params), NULL);
        if (tp_json_size(tp_json_root(calls)) == 1 && same_params(tp_json_root(want), params, multipart)) {
            ok_params++;
        } else {
            fprintf(stderr, "%s: recorded %s\n  expected %s\n", c->method, body ? body : "-",
                    c->params);
        }
        if (strstr(c->params, "-1009007199254740993")) big_ids++;
        /* files: each expected part is there, and nothing else */
        {
            const tp_json *files = tp_json_get(call, "files");
            char list[256], *tok, *save = NULL;
            size_t nfiles = 0;
            bool good = true;
            snprintf(list, sizeof list, "%s", c->files);
            for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                const tp_json *f = tp_json_get(files, tok);
                nfiles++;
                good = good && f && tp_json_get_int(f, "size") > 0 && multipart;
            }
            good = good && tp_json_size(files) == nfiles;
            if (nfiles) uploads++;
            if (good) ok_files++;
            else fprintf(stderr, "%s: files %s, expected %s\n", c->method, body ? body : "-", c->files);
        }
        tp_json_doc_free(want);
        tp_json_doc_free(calls);
    }
    CHECK_EQ_INT(n, TP_METHOD_COUNT);
    CHECK_EQ_INT(ok_calls, n);
    CHECK_EQ_INT(ok_params, n);
    CHECK_EQ_INT(ok_files, n);
    CHECK_EQ_INT(ok_results, n);
    CHECK(uploads >= 10);
    CHECK(big_ids >= 15);
    printf("%d methods called: %d requests as expected (%d with uploads, %d with ids > 2^53), %d "
           "typed results\n",
           (int)n, ok_params, uploads, big_ids, ok_results);
    { /* the run-time dispatcher: a method by its id; an id that is none fails cleanly */
        tp_user_result me;
        tp_message_result r;
        tp_error e;
        CHECK_EQ_INT(tp_call_typed(bot, TP_METHOD_GET_ME, NULL, &me, &e), TP_OK);
        CHECK(me.value && me.value->is_bot && me.doc);
        tp_json_doc_free(me.doc);
        memset(&r, 0xAB, sizeof r);
        CHECK_EQ_INT(tp_call_typed(bot, TP_METHOD_COUNT + 7, NULL, &r, &e), TP_ERR_INVALID);
        CHECK(r.doc == NULL && r.json == NULL);
        CHECK_EQ_INT(tp_call_typed(bot, -1, NULL, NULL, &e), TP_ERR_INVALID);
    }
    tp_bot_free(bot);
}

/* Uploads from a path and a descriptor; NULL results skip parsing; a missing file fails
   before anything is sent. */
TEST(test_uploads) {
    tp_bot *bot = new_bot(TOKEN);
    char path[] = "/tmp/tpt-upload.XXXXXX";
    int fd = mkstemp(path);
    tp_send_document_args a;
    tp_send_media_group_args g;
    tp_input_media media[2];
    tp_input_media_photo p0, p1;
    tp_message_list_result ml;
    tp_error e;
    const char *body;
    tp_json_doc *d;
    const tp_json *call;
    CHECK(fd >= 0);
    CHECK(write(fd, "hello file", 10) == 10);
    memset(&a, 0, sizeof a);
    a.chat_id = TP_CHAT(INT64_C(-1001234567890123));
    a.document = tp_file_path(path);
    a.caption = "c";
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK_EQ_INT(tp_send_document(bot, &a, NULL, &e), TP_OK);
    lseek(fd, 0, SEEK_SET);
    a.document = tp_file_fd(fd, "from-fd.txt");
    CHECK_EQ_INT(tp_send_document(bot, &a, NULL, &e), TP_OK);
    body = control("GET", "/_emu/calls?method=sendDocument", NULL);
    d = body ? tp_json_parse(body, strlen(body), NULL) : NULL;
    call = tp_json_at(tp_json_root(d), 0);
    CHECK_STR(tp_json_get_str(tp_json_get(tp_json_get(call, "files"), "document"), "filename"),
              strrchr(path, '/') + 1);
    CHECK_EQ_INT(tp_json_get_int(tp_json_get(tp_json_get(call, "files"), "document"), "size"), 10);
    CHECK_STR(tp_json_get_str(tp_json_get(call, "params"), "chat_id"), "-1001234567890123");
    call = tp_json_at(tp_json_root(d), 1);
    CHECK_STR(tp_json_get_str(tp_json_get(tp_json_get(call, "files"), "document"), "filename"),
              "from-fd.txt");
    tp_json_doc_free(d);
    /* a media group: one uploaded, one by file_id */
    memset(&p0, 0, sizeof p0);
    memset(&p1, 0, sizeof p1);
    p0.media = tp_file_mem("PNG", 3, "a.png");
    p0.caption = "first";
    p1.media = tp_file_id("AgACAgIAAxk");
    memset(media, 0, sizeof media);
    media[0].kind = media[1].kind = TP_INPUT_MEDIA_PHOTO;
    media[0].as.photo = &p0;
    media[1].as.photo = &p1;
    memset(&g, 0, sizeof g);
    g.chat_id = TP_CHAT(5);
    g.media = media;
    g.media_count = 2;
    CHECK_EQ_INT(tp_send_media_group(bot, &g, &ml, &e), TP_OK);
    CHECK(ml.count >= 1 && ml.value && ml.value[0].message_id != 0);
    tp_json_doc_free(ml.doc);
    body = control("GET", "/_emu/calls?method=sendMediaGroup", NULL);
    d = body ? tp_json_parse(body, strlen(body), NULL) : NULL;
    call = tp_json_at(tp_json_root(d), 0);
    {
        const tp_json *m = tp_json_get(tp_json_get(call, "params"), "media");
        CHECK_STR(tp_json_get_str(tp_json_at(m, 0), "media"), "attach://tpf0");
        CHECK_STR(tp_json_get_str(tp_json_at(m, 0), "type"), "photo");
        CHECK_STR(tp_json_get_str(tp_json_at(m, 1), "media"), "AgACAgIAAxk");
        CHECK_EQ_INT(tp_json_get_int(tp_json_get(tp_json_get(call, "files"), "tpf0"), "size"), 3);
    }
    tp_json_doc_free(d);
    /* a file that is not there */
    a.document = tp_file_path("/nonexistent/file");
    CHECK_EQ_INT(tp_send_document(bot, &a, NULL, &e), TP_ERR_FILE);
    CHECK(strstr(e.message, "/nonexistent/file") != NULL);
    close(fd);
    unlink(path);
    tp_bot_free(bot);
}

/* The parameters of the only recorded call of method (NULL when there is none or several);
   *d owns them. */
static const tp_json *recorded(const char *method, tp_json_doc **d) {
    char path[128];
    const char *body;
    snprintf(path, sizeof path, "/_emu/calls?method=%s", method);
    body = control("GET", path, NULL);
    *d = body ? tp_json_parse(body, strlen(body), NULL) : NULL;
    if (tp_json_size(tp_json_root(*d)) != 1) return NULL;
    return tp_json_get(tp_json_at(tp_json_root(*d), 0), "params");
}

/* Every method's zeroed args struct sends its required parameters only: no optional one,
   with or without a has_ flag, goes out as 0/false. */
TEST(test_zeroed_args) {
    tp_bot *bot = new_bot(TOKEN);
    static union {
        int64_t i;
        double d;
        void *p;
        char b[4096];
    } zero;
    size_t i, n = sizeof gen_method_cases / sizeof gen_method_cases[0];
    int ok = 0;
    for (i = 0; i < n; i++) {
        const gen_method_case *c = &gen_method_cases[i];
        tp_json_doc *d;
        const tp_json *params, *x;
        tp_error e;
        bool good;
        CHECK(c->args_size <= sizeof zero.b);
        CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
        tp_call_typed(bot, (int)i, &zero, NULL, &e); /* tpemu may refuse the zeros: no matter */
        params = recorded(c->method, &d);
        good = tp_json_typeof(params) == TP_JSON_OBJECT;
        for (x = tp_json_first(params); good && x; x = tp_json_next(x)) {
            const char *k = tp_json_key(x), *at = strstr(c->required, k);
            size_t kl = strlen(k);
            good = at && (at == c->required || at[-1] == ',') && (at[kl] == ',' || !at[kl]);
        }
        if (good) ok++;
        else fprintf(stderr, "%s: zeroed args sent %s (required: %s)\n", c->method,
                     tp_json_typeof(params) == TP_JSON_OBJECT ? "an optional parameter" : "nothing",
                     c->required);
        tp_json_doc_free(d);
    }
    CHECK_EQ_INT(ok, n);
    tp_bot_free(bot);
}

/* 0 and false are sendable where Telegram's default differs (answerInlineQuery's cache_time
   is 300 when absent): has_x = true sends x = 0; without it 0 is absent. Inside typed objects
   every optional scalar has its has_ flag. */
TEST(test_zero_values) {
    tp_bot *bot = new_bot(TOKEN);
    tp_answer_inline_query_args a;
    tp_inline_query_result res[1];
    tp_inline_query_result_article art;
    tp_input_message_content imc;
    tp_input_text_message_content txt;
    tp_send_poll_args p;
    tp_input_poll_option opts[2];
    tp_json_doc *d;
    const tp_json *params, *r0;
    tp_error e;
    memset(&txt, 0, sizeof txt);
    txt.message_text = "hi";
    memset(&imc, 0, sizeof imc);
    imc.kind = TP_INPUT_MESSAGE_CONTENT_INPUT_TEXT_MESSAGE_CONTENT;
    imc.as.input_text_message_content = &txt;
    memset(&art, 0, sizeof art);
    art.id = "1";
    art.title = "One";
    art.input_message_content = &imc;
    art.thumbnail_width = 0;
    art.has_thumbnail_width = true; /* nested: 0 sent too */
    memset(res, 0, sizeof res);
    res[0].kind = TP_INLINE_QUERY_RESULT_ARTICLE;
    res[0].as.article = &art;
    memset(&a, 0, sizeof a);
    a.inline_query_id = "q1";
    a.results = res;
    a.results_count = 1;
    a.cache_time = 0;
    a.has_cache_time = true;
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK_EQ_INT(tp_answer_inline_query(bot, &a, NULL, &e), TP_OK);
    params = recorded("answerInlineQuery", &d);
    CHECK_EQ_INT(tp_json_typeof(tp_json_get(params, "cache_time")), TP_JSON_INT);
    CHECK_EQ_INT(tp_json_get_int(params, "cache_time"), 0);
    CHECK(tp_json_get(params, "is_personal") == NULL);
    r0 = tp_json_at(tp_json_get(params, "results"), 0);
    CHECK_STR(tp_json_get_str(r0, "type"), "article");
    CHECK_EQ_INT(tp_json_typeof(tp_json_get(r0, "thumbnail_width")), TP_JSON_INT);
    CHECK(tp_json_get(r0, "thumbnail_height") == NULL);
    tp_json_doc_free(d);
    /* without the flag 0 is absent (Telegram's 300 applies); any other value is sent */
    a.has_cache_time = false;
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK_EQ_INT(tp_answer_inline_query(bot, &a, NULL, &e), TP_OK);
    params = recorded("answerInlineQuery", &d);
    CHECK(params != NULL && tp_json_get(params, "cache_time") == NULL);
    tp_json_doc_free(d);
    a.cache_time = 5;
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK_EQ_INT(tp_answer_inline_query(bot, &a, NULL, &e), TP_OK);
    params = recorded("answerInlineQuery", &d);
    CHECK_EQ_INT(tp_json_get_int(params, "cache_time"), 5);
    tp_json_doc_free(d);
    /* a Boolean whose absent default is true: sendPoll's is_anonymous */
    memset(opts, 0, sizeof opts);
    opts[0].text = "a";
    opts[1].text = "b";
    memset(&p, 0, sizeof p);
    p.chat_id = TP_CHAT(5);
    p.question = "?";
    p.options = opts;
    p.options_count = 2;
    p.has_is_anonymous = true;
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK_EQ_INT(tp_send_poll(bot, &p, NULL, &e), TP_OK);
    params = recorded("sendPoll", &d);
    CHECK_EQ_INT(tp_json_typeof(tp_json_get(params, "is_anonymous")), TP_JSON_BOOL);
    CHECK(!tp_json_get_bool(params, "is_anonymous"));
    CHECK(tp_json_get(params, "allows_revoting") == NULL);
    tp_json_doc_free(d);
    tp_bot_free(bot);
}

/* A union whose kind does not name a member that is set fails the call with TP_ERR_INVALID
   naming the field (with its path in arrays and nested objects); nothing is sent. */
TEST(test_union_kind) {
    tp_bot *bot = new_bot(TOKEN);
    tp_send_message_args m;
    tp_answer_inline_query_args a;
    tp_reply_markup mk;
    tp_inline_keyboard_markup kb;
    tp_inline_query_result res[2];
    tp_inline_query_result_article art;
    tp_input_message_content imc;
    tp_input_text_message_content txt;
    tp_error e;
    const char *body;
    memset(&kb, 0, sizeof kb);
    memset(&mk, 0, sizeof mk);
    mk.as.inline_keyboard_markup = &kb; /* .kind forgotten */
    memset(&m, 0, sizeof m);
    m.chat_id = TP_CHAT(5);
    m.text = "hi";
    m.reply_markup = &mk;
    CHECK(control("POST", "/_emu/reset_calls", "") != NULL);
    CHECK_EQ_INT(tp_send_message(bot, &m, NULL, &e), TP_ERR_INVALID);
    CHECK(strstr(e.message, "sendMessage: reply_markup: kind is 0 but a member is set; set "
                            ".kind") == e.message);
    mk.kind = 77; /* no such kind */
    CHECK_EQ_INT(tp_send_message(bot, &m, NULL, &e), TP_ERR_INVALID);
    CHECK(strstr(e.message, "reply_markup: kind 77 is not a ReplyMarkup kind") != NULL);
    mk.kind = TP_REPLY_MARKUP_INLINE_KEYBOARD_MARKUP;
    mk.as.any = NULL; /* a kind, no member */
    CHECK_EQ_INT(tp_send_message(bot, &m, NULL, &e), TP_ERR_INVALID);
    CHECK(strstr(e.message, "reply_markup: kind is 1 and no member is set") != NULL);
    body = control("GET", "/_emu/calls?method=sendMessage", NULL);
    CHECK_STR(body, "[]");
    /* in an array, and in an object in an array */
    memset(&txt, 0, sizeof txt);
    txt.message_text = "hi";
    memset(&imc, 0, sizeof imc);
    imc.kind = TP_INPUT_MESSAGE_CONTENT_INPUT_TEXT_MESSAGE_CONTENT;
    imc.as.input_text_message_content = &txt;
    memset(&art, 0, sizeof art);
    art.id = "1";
    art.title = "One";
    art.input_message_content = &imc;
    memset(res, 0, sizeof res);
    res[0].kind = TP_INLINE_QUERY_RESULT_ARTICLE;
    res[0].as.article = &art;
    res[1].as.article = &art;
    memset(&a, 0, sizeof a);
    a.inline_query_id = "q1";
    a.results = res;
    a.results_count = 2;
    CHECK_EQ_INT(tp_answer_inline_query(bot, &a, NULL, &e), TP_ERR_INVALID);
    CHECK(strstr(e.message, "answerInlineQuery: results[1]: kind is 0 but a member is set") ==
          e.message);
    res[1].kind = TP_INLINE_QUERY_RESULT_ARTICLE;
    imc.kind = 0;
    CHECK_EQ_INT(tp_answer_inline_query(bot, &a, NULL, &e), TP_ERR_INVALID);
    CHECK(strstr(e.message, "answerInlineQuery: results[0].input_message_content: kind is 0") ==
          e.message);
    memset(&res[1], 0, sizeof res[1]); /* an empty union: would be null */
    imc.kind = TP_INPUT_MESSAGE_CONTENT_INPUT_TEXT_MESSAGE_CONTENT;
    CHECK_EQ_INT(tp_answer_inline_query(bot, &a, NULL, &e), TP_ERR_INVALID);
    CHECK(strstr(e.message, "answerInlineQuery: results[1]: kind is 0 and no member is set") ==
          e.message);
    body = control("GET", "/_emu/calls?method=answerInlineQuery", NULL);
    CHECK_STR(body, "[]");
    a.results_count = 1; /* all right now */
    CHECK_EQ_INT(tp_answer_inline_query(bot, &a, NULL, &e), TP_OK);
    tp_bot_free(bot);
}

/* An update of a kind and with fields Bot API 10.1 does not know reaches the handler. */
typedef struct {
    int n;
    bool raw_ok, msg_ok;
} seen_t;
static void on_update(tp_bot *bot, const tp_update *u, void *user) {
    seen_t *s = (seen_t *)user;
    const tp_json *k = tp_json_get(u->json, "quantum_entanglement");
    s->n++;
    if (k && tp_flavor_of(u->json) == TP_FLAVOR_RAW && tp_json_get_int(k, "qubits") == 9007199254740993)
        s->raw_ok = true;
    if (u->message && u->message->text && strcmp(u->message->text, "new") == 0 &&
        tp_json_get_bool(tp_json_get(u->message->json, "hologram"), "is_3d"))
        s->msg_ok = true;
    if (s->n == 2) tp_bot_stop(bot);
}

TEST(test_unknown_update) {
    tp_bot *bot = new_bot(TOKEN);
    seen_t s;
    tp_poll_opts po;
    tp_error e;
    memset(&s, 0, sizeof s);
    memset(&po, 0, sizeof po);
    po.timeout_s = 1;
    CHECK(control("POST", "/_emu/update",
                  "{\"quantum_entanglement\":{\"qubits\":9007199254740993,\"state\":[0,1]}}") != NULL);
    CHECK(control("POST", "/_emu/update",
                  "{\"message\":{\"message_id\":77,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},"
                  "\"text\":\"new\",\"hologram\":{\"is_3d\":true}}}") != NULL);
    CHECK_EQ_INT(tp_poll_run(bot, on_update, &s, &po, &e), TP_OK);
    CHECK_EQ_INT(s.n, 2);
    CHECK(s.raw_ok);
    CHECK(s.msg_ok);
    tp_bot_free(bot);
}

int main(void) {
    start_emu();
    RUN(test_all_methods);
    RUN(test_uploads);
    RUN(test_zeroed_args);
    RUN(test_zero_values);
    RUN(test_union_kind);
    RUN(test_unknown_update);
    stop_emu();
    TEST_END();
}

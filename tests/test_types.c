/* tests/test_types.c - the generated Bot API types: every one of them parsed from a generated
   sample with all fields and one with only the required ones (tests/gen_cases.h), unions
   told apart by their discriminators, every sample written back (tp_jw_typed) to the same
   JSON; hand-picked checks of the typed views; unknown fields and kinds stay in the DOM. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "gen_cases.h"

/* Same JSON value, members in any order. */
static bool json_equal(const tp_json *a, const tp_json *b) {
    const tp_json *x;
    tp_json_type t = tp_json_typeof(a);
    if (t != tp_json_typeof(b)) return false;
    switch (t) {
    case TP_JSON_BOOL: return tp_json_bool(a) == tp_json_bool(b);
    case TP_JSON_INT: return tp_json_int(a) == tp_json_int(b);
    case TP_JSON_REAL: return tp_json_num(a) == tp_json_num(b);
    case TP_JSON_STRING: return strcmp(tp_json_str(a), tp_json_str(b)) == 0;
    case TP_JSON_ARRAY: {
        size_t i;
        if (tp_json_size(a) != tp_json_size(b)) return false;
        for (i = 0; i < tp_json_size(a); i++)
            if (!json_equal(tp_json_at(a, i), tp_json_at(b, i))) return false;
        return true;
    }
    case TP_JSON_OBJECT:
        if (tp_json_size(a) != tp_json_size(b)) return false;
        for (x = tp_json_first(a); x; x = tp_json_next(x))
            if (!json_equal(x, tp_json_get(b, tp_json_key(x)))) return false;
        return true;
    default: return true;
    }
}

TEST(test_every_type) {
    size_t i, n = sizeof gen_type_cases / sizeof gen_type_cases[0];
    int seen[TP_TYPE_COUNT];
    int types = 0, bad_parse = 0, bad_kind = 0, bad_round = 0;
    memset(seen, 0, sizeof seen);
    for (i = 0; i < n; i++) {
        const gen_type_case *c = &gen_type_cases[i];
        tp_error e;
        tp_json_doc *d = tp_json_parse(c->json, strlen(c->json), &e), *d2 = NULL;
        const void *v = d ? tp_parse_as(d, c->type, tp_json_root(d), &e) : NULL;
        tp_buf b;
        tp_jw w;
        if (!seen[c->type]++) types++;
        if (!v) {
            bad_parse++;
            fprintf(stderr, "type %d: no view of %s\n", c->type, c->json);
            tp_json_doc_free(d);
            continue;
        }
        if (*(const tp_json *const *)v != tp_json_root(d)) bad_parse++;
        if (c->kind >= 0 && ((const tp_chat_member *)v)->kind != c->kind) {
            bad_kind++;
            fprintf(stderr, "type %d: kind %d, want %d: %s\n", c->type,
                    ((const tp_chat_member *)v)->kind, c->kind, c->json);
        }
        tp_buf_init(&b);
        tp_jw_init(&w, &b);
        tp_jw_typed(&w, c->type, v);
        if (!b.err) d2 = tp_json_parse(b.ptr, b.len, &e);
        if (!d2 || !json_equal(tp_json_root(d), tp_json_root(d2))) {
            bad_round++;
            fprintf(stderr, "type %d: round trip\n  in:  %s\n  out: %s\n", c->type, c->json,
                    b.ptr ? b.ptr : "(null)");
        }
        tp_buf_deinit(&b);
        tp_json_doc_free(d2);
        tp_json_doc_free(d);
    }
    CHECK_EQ_INT(types, TP_TYPE_COUNT - 1); /* all but InputFile, which is tp_input_file */
    CHECK_EQ_INT(bad_parse, 0);
    CHECK_EQ_INT(bad_kind, 0);
    CHECK_EQ_INT(bad_round, 0);
    printf("%d types, %d samples parsed and written back\n", types, (int)n);
}

static tp_json_doc *parse(const char *s) {
    tp_error e;
    tp_json_doc *d = tp_json_parse(s, strlen(s), &e);
    CHECK(d != NULL);
    return d;
}

TEST(test_views) {
    tp_error e;
    tp_json_doc *d = parse(
        "{\"update_id\":10,\"message\":{\"message_id\":5,\"date\":1700000000,"
        "\"from\":{\"id\":9007199254740993,\"is_bot\":false,\"first_name\":\"A\"},"
        "\"chat\":{\"id\":-1001234567890123,\"type\":\"supergroup\",\"title\":\"T\"},"
        "\"text\":\"hi\",\"entities\":[{\"type\":\"bold\",\"offset\":0,\"length\":2}],"
        "\"photo\":[{\"file_id\":\"a\",\"file_unique_id\":\"u\",\"width\":1,\"height\":2},"
        "{\"file_id\":\"b\",\"file_unique_id\":\"v\",\"width\":3,\"height\":4,\"file_size\":0}],"
        "\"forward_origin\":{\"type\":\"hidden_user\",\"sender_user_name\":\"X\",\"date\":1},"
        "\"message_thread_id\":0,\"brand_new_field\":{\"deep\":[1,2,3]}},"
        "\"brand_new_kind\":{\"z\":true}}");
    const tp_update *u = tp_update_view(d, tp_json_root(d), &e);
    const tp_message *m = u ? u->message : NULL;
    CHECK(u && u->update_id == 10 && u->json == tp_json_root(d));
    CHECK(m && m->message_id == 5 && m->date == 1700000000);
    CHECK(m && m->from_ && m->from_->id == INT64_C(9007199254740993) && !m->from_->is_bot);
    CHECK(m && m->chat->id == INT64_C(-1001234567890123));
    CHECK_STR(m ? m->chat->type : NULL, "supergroup");
    CHECK_STR(m ? m->text : NULL, "hi");
    CHECK(m && m->entities_count == 1 && m->entities[0].length == 2);
    CHECK_STR(m && m->entities_count ? m->entities[0].type : NULL, "bold");
    CHECK(m && m->photo_count == 2 && m->photo[1].width == 3 && m->photo[1].has_file_size &&
          m->photo[1].file_size == 0 && !m->photo[0].has_file_size);
    /* presence bits tell 0 from absent */
    CHECK(m && m->has_message_thread_id && m->message_thread_id == 0);
    CHECK(m && m->caption == NULL && m->reply_to_message == NULL && !m->has_is_topic_message);
    /* a union by its discriminator */
    CHECK(m && m->forward_origin && m->forward_origin->kind == TP_MESSAGE_ORIGIN_HIDDEN_USER);
    CHECK_STR(m && m->forward_origin ? m->forward_origin->as.hidden_user->sender_user_name : NULL, "X");
    /* what this header does not know is in the DOM, never dropped */
    CHECK_EQ_INT(tp_json_int(tp_json_at(tp_json_get(tp_json_get(m ? m->json : NULL,
                                                                  "brand_new_field"), "deep"), 2)),
                 3);
    CHECK(tp_json_get_bool(tp_json_get(u ? u->json : NULL, "brand_new_kind"), "z"));
    CHECK_EQ_INT(tp_flavor_of(tp_json_root(d)), TP_FLAVOR_CHAT);
    tp_json_doc_free(d);

    /* MaybeInaccessibleMessage: date 0 means InaccessibleMessage */
    d = parse("[{\"message\":{\"chat\":{\"id\":1,\"type\":\"private\"},\"message_id\":3,\"date\":0},"
              "\"id\":\"q\",\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"B\"},"
              "\"chat_instance\":\"ci\"},"
              "{\"message\":{\"chat\":{\"id\":1,\"type\":\"private\"},\"message_id\":3,\"date\":5,"
              "\"text\":\"x\"},\"id\":\"q\",\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"B\"},"
              "\"chat_instance\":\"ci\"}]");
    {
        const tp_callback_query *q0 = (const tp_callback_query *)tp_parse_as(
            d, TP_TYPE_CALLBACK_QUERY, tp_json_at(tp_json_root(d), 0), &e);
        const tp_callback_query *q1 = (const tp_callback_query *)tp_parse_as(
            d, TP_TYPE_CALLBACK_QUERY, tp_json_at(tp_json_root(d), 1), &e);
        CHECK(q0 && q0->message &&
              q0->message->kind == TP_MAYBE_INACCESSIBLE_MESSAGE_INACCESSIBLE_MESSAGE);
        CHECK(q1 && q1->message && q1->message->kind == TP_MAYBE_INACCESSIBLE_MESSAGE_MESSAGE);
        CHECK_STR(q1 && q1->message ? q1->message->as.message->text : NULL, "x");
        CHECK(tp_parse_as(d, TP_TYPE_USER, tp_json_get(tp_json_at(tp_json_root(d), 0), "id"), &e) ==
              NULL);
        CHECK_EQ_INT(e.code, TP_ERR_BAD_RESPONSE);
    }
    tp_json_doc_free(d);

    /* a ChatMember of a status newer than this header: kind 0, DOM intact */
    d = parse("{\"status\":\"overlord\",\"user\":{\"id\":1,\"is_bot\":false,\"first_name\":\"C\"}}");
    {
        const tp_chat_member *cm =
            (const tp_chat_member *)tp_parse_as(d, TP_TYPE_CHAT_MEMBER, tp_json_root(d), &e);
        CHECK(cm && cm->kind == 0 && cm->as.any == NULL && cm->json == tp_json_root(d));
    }
    tp_json_doc_free(d);

    /* a message kind that is not a message object: a bad update, as before */
    d = parse("{\"update_id\":2,\"message\":5}");
    CHECK(tp_update_view(d, tp_json_root(d), &e) == NULL && e.code == TP_ERR_BAD_RESPONSE);
    tp_json_doc_free(d);

    /* required parts missing elsewhere: empty, never NULL */
    d = parse("{\"update_id\":1,\"poll\":{\"id\":\"p\"}}");
    u = tp_update_view(d, tp_json_root(d), &e);
    CHECK(u && u->poll && u->poll->question && u->poll->options_count == 0);
    tp_json_doc_free(d);
}

TEST(test_writer) {
    tp_buf b;
    tp_jw w;
    tp_inline_keyboard_button row1[2], row2[1];
    tp_inline_keyboard_button_list rows[2];
    tp_inline_keyboard_markup kb;
    tp_reply_markup mk;
    tp_keyboard_button keys[1];
    tp_keyboard_button_list krows[1];
    tp_reply_keyboard_markup rk;
    tp_input_media_photo ph;
    tp_input_media im;
    tp_chat_permissions perms;
    row1[0] = tp_button_cb("Yes", "y");
    row1[1] = tp_button_url("Docs", "https://core.telegram.org");
    row2[0] = tp_button_cb("No", "n");
    rows[0].items = row1;
    rows[0].count = 2;
    rows[1].items = row2;
    rows[1].count = 1;
    kb = tp_inline_keyboard(rows, 2);
    mk = tp_markup_inline(&kb);
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_typed(&w, TP_TYPE_REPLY_MARKUP, &mk);
    CHECK_STR(b.ptr, "{\"inline_keyboard\":[[{\"callback_data\":\"y\",\"text\":\"Yes\"},"
                     "{\"text\":\"Docs\",\"url\":\"https://core.telegram.org\"}],"
                     "[{\"callback_data\":\"n\",\"text\":\"No\"}]]}");
    tp_buf_reset(&b);
    keys[0] = tp_reply_button("Hello");
    krows[0].items = keys;
    krows[0].count = 1;
    rk = tp_reply_keyboard(krows, 1, true, false);
    mk = tp_markup_reply(&rk);
    tp_jw_typed(&w, TP_TYPE_REPLY_MARKUP, &mk);
    CHECK_STR(b.ptr, "{\"keyboard\":[[{\"text\":\"Hello\"}]],\"resize_keyboard\":true}");
    tp_buf_reset(&b);
    /* one expression each, as telepot's dicts */
    tp_jw_typed(&w, TP_TYPE_REPLY_MARKUP,
                TP_REPLY_KEYBOARD(TP_LABELS("Yes", "No"), TP_LABELS("Maybe", "Maybe not")));
    CHECK_STR(b.ptr, "{\"keyboard\":[[{\"text\":\"Yes\"},{\"text\":\"No\"}],"
                     "[{\"text\":\"Maybe\"},{\"text\":\"Maybe not\"}]]}");
    tp_buf_reset(&b);
    tp_jw_typed(&w, TP_TYPE_REPLY_MARKUP,
                TP_INLINE_KEYBOARD(TP_PAIRS("Yes", "y", "No", "n"), TP_PAIRS("Later", "l")));
    CHECK_STR(b.ptr, "{\"inline_keyboard\":[[{\"callback_data\":\"y\",\"text\":\"Yes\"},"
                     "{\"callback_data\":\"n\",\"text\":\"No\"}],"
                     "[{\"callback_data\":\"l\",\"text\":\"Later\"}]]}");
    { /* up to TP_KEYBOARD_MAX buttons, a row each */
        const char *const *lrows[TP_KEYBOARD_MAX + 1];
        const char *labels[TP_KEYBOARD_MAX][2];
        tp_keyboard_store st;
        const tp_reply_markup *m;
        int i;
        for (i = 0; i < TP_KEYBOARD_MAX; i++) {
            labels[i][0] = "k";
            labels[i][1] = NULL;
            lrows[i] = labels[i];
        }
        lrows[TP_KEYBOARD_MAX] = NULL;
        m = tp_keyboard_of(&st, lrows, false);
        CHECK_EQ_INT(m->kind, TP_REPLY_MARKUP_REPLY_KEYBOARD_MARKUP);
        CHECK_EQ_INT((int)m->as.reply_keyboard_markup->keyboard_count, TP_KEYBOARD_MAX);
        CHECK_STR(m->as.reply_keyboard_markup->keyboard[TP_KEYBOARD_MAX - 1].items[0].text, "k");
    }
    tp_buf_reset(&b);
    mk = tp_markup_remove();
    tp_jw_typed(&w, TP_TYPE_REPLY_MARKUP, &mk);
    CHECK_STR(b.ptr, "{\"remove_keyboard\":true}");
    tp_buf_reset(&b);
    mk = tp_markup_force_reply();
    tp_jw_typed(&w, TP_TYPE_REPLY_MARKUP, &mk);
    CHECK_STR(b.ptr, "{\"force_reply\":true}");
    { /* those two Booleans are always true: a zeroed struct is already valid */
        tp_force_reply fr;
        memset(&fr, 0, sizeof fr);
        fr.input_field_placeholder = "Name?";
        tp_buf_reset(&b);
        tp_jw_typed(&w, TP_TYPE_FORCE_REPLY, &fr);
        CHECK_STR(b.ptr, "{\"force_reply\":true,\"input_field_placeholder\":\"Name?\"}");
    }
    /* const fields are filled in; has_ flags write a false that matters */
    tp_buf_reset(&b);
    memset(&ph, 0, sizeof ph);
    ph.media = tp_file_id("AgACAgIAAx");
    memset(&im, 0, sizeof im);
    im.kind = TP_INPUT_MEDIA_PHOTO;
    im.as.photo = &ph;
    tp_jw_typed(&w, TP_TYPE_INPUT_MEDIA, &im);
    CHECK_STR(b.ptr, "{\"media\":\"AgACAgIAAx\",\"type\":\"photo\"}");
    CHECK_EQ_INT(b.err, TP_OK);
    /* a forgotten .kind is an error in the buffer, not a null on the wire */
    tp_buf_reset(&b);
    im.kind = 0;
    tp_jw_typed(&w, TP_TYPE_INPUT_MEDIA, &im);
    CHECK_EQ_INT(b.err, TP_ERR_INVALID);
    im.kind = TP_INPUT_MEDIA_PHOTO;
    tp_buf_reset(&b);
    memset(&perms, 0, sizeof perms);
    perms.can_send_messages = true;
    perms.has_can_send_polls = true; /* explicitly false */
    tp_jw_typed(&w, TP_TYPE_CHAT_PERMISSIONS, &perms);
    CHECK_STR(b.ptr, "{\"can_send_messages\":true,\"can_send_polls\":false}");
    tp_buf_deinit(&b);
}

/* A big document (a batch) gets the key-order memo (>>gen): objects of one type in shuffled
   key orders, with keys missing, unknown, duplicated or of the wrong JSON type, must give the
   same views as each object parsed alone (no memo); written back they must be identical. */
static unsigned rnd_state = 12345;
static unsigned rnd(unsigned n) {
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 16) % n;
}

TEST(test_key_order_memo) {
    static const char *const keys[] = {
        "\"message_id\":%d", "\"date\":1700000000",
        "\"from\":{\"id\":%d,\"is_bot\":false,\"first_name\":\"F\",\"username\":\"u\"}",
        "\"chat\":{\"type\":\"private\",\"id\":%d,\"first_name\":\"C\"}", "\"text\":\"t%d\"",
        "\"entities\":[{\"type\":\"bold\",\"offset\":0,\"length\":%d},{\"length\":1,\"type\":\"url\",\"offset\":1}]",
        "\"zz_unknown\":{\"a\":%d}", "\"text\":\"duplicate %d\"", "\"message_id\":\"not an int %d\"",
        "\"chat\":{\"id\":%d,\"first_name\":\"C\",\"type\":\"private\",\"zz\":1,\"id\":7}",
        "\"caption\":\"c%d\"", "\"is_topic_message\":true"};
    enum { N = 300 };
    tp_buf big, wa, wb;
    size_t starts[N], ends[N], i, k, mismatches = 0, views = 0;
    tp_json_doc *d;
    const tp_json *it;
    tp_buf_init(&big);
    tp_buf_append(&big, "[", 1);
    for (i = 0; i < N; i++) {
        unsigned order[12], n = (unsigned)(sizeof keys / sizeof keys[0]);
        bool first = true;
        for (k = 0; k < n; k++) order[k] = (unsigned)k;
        if (i % 3) /* two in three shuffled; the others in the same order, the memo's best case */
            for (k = n - 1; k > 0; k--) {
                unsigned j = rnd((unsigned)k + 1), t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
        if (i) tp_buf_append(&big, ",", 1);
        starts[i] = big.len;
        tp_buf_append(&big, "{", 1);
        for (k = 0; k < n; k++) {
            const char *tmpl = keys[order[k]], *at = strstr(tmpl, "%d");
            char num[16];
            if (order[k] >= 6 && rnd(3) == 0) continue; /* the odd keys come and go */
            if (order[k] < 6 && rnd(8) == 0) continue;  /* even required ones */
            snprintf(num, sizeof num, "%d", (int)i + 1);
            if (!first) tp_buf_append(&big, ",", 1);
            if (at) { /* the template with %d replaced by the object's number */
                tp_buf_append(&big, tmpl, (size_t)(at - tmpl));
                tp_buf_append(&big, num, strlen(num));
                tp_buf_append(&big, at + 2, strlen(at + 2));
            } else {
                tp_buf_append(&big, tmpl, strlen(tmpl));
            }
            first = false;
        }
        tp_buf_append(&big, "}", 1);
        ends[i] = big.len;
    }
    tp_buf_append(&big, "]", 1);
    CHECK(!big.err && big.len > 8192);
    d = tp_json_parse(big.ptr, big.len, NULL);
    CHECK(d != NULL);
    tp_buf_init(&wa);
    tp_buf_init(&wb);
    for (i = 0, it = tp_json_first(tp_json_root(d)); it && i < N; it = tp_json_next(it), i++) {
        const tp_message *a = (const tp_message *)tp_parse_as(d, TP_TYPE_MESSAGE, it, NULL), *b;
        tp_json_doc *s = tp_json_parse(big.ptr + starts[i], ends[i] - starts[i], NULL);
        tp_jw jw;
        b = (const tp_message *)tp_parse_as(s, TP_TYPE_MESSAGE, tp_json_root(s), NULL);
        if (a && b) views++;
        tp_buf_reset(&wa);
        tp_buf_reset(&wb);
        tp_jw_init(&jw, &wa);
        tp_jw_typed(&jw, TP_TYPE_MESSAGE, a);
        tp_jw_init(&jw, &wb);
        tp_jw_typed(&jw, TP_TYPE_MESSAGE, b);
        if (wa.len != wb.len || memcmp(wa.ptr, wb.ptr, wa.len) != 0) {
            if (!mismatches++)
                fprintf(stderr, "memo view %u differs:\n  %.*s\n  %.*s\n", (unsigned)i, (int)wa.len,
                        wa.ptr, (int)wb.len, wb.ptr);
        }
        if (a && i == 0) { /* the first object is in declaration order: every key present or not */
            CHECK(a->chat != NULL && a->from_ != NULL && a->text != NULL);
        }
        if (a) { /* the first of two keys wins; a required object that never came is empty */
            const char *t = tp_json_get_str(it, "text");
            const tp_json *c = tp_json_get(it, "chat");
            CHECK(t ? (a->text && strcmp(a->text, t) == 0) : a->text == NULL);
            CHECK(a->chat != NULL && a->chat->id == (c ? tp_json_get_int(c, "id") : 0));
        }
        tp_json_doc_free(s);
    }
    CHECK_EQ_INT(i, N);
    CHECK_EQ_INT(views, N);
    CHECK_EQ_INT(mismatches, 0);
    tp_buf_deinit(&big);
    tp_buf_deinit(&wa);
    tp_buf_deinit(&wb);
    tp_json_doc_free(d);
}

int main(void) {
    RUN(test_every_type);
    RUN(test_views);
    RUN(test_writer);
    RUN(test_key_order_memo);
    TEST_END();
}

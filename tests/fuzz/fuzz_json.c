/* tests/fuzz/fuzz_json.c - libFuzzer entry for the JSON reader and writer: whatever parses
   must write back to text that parses to the same text again; the typed views (tp_parse_as,
   tp_jw_typed) of a generated type chosen by the input's size must write parseable JSON.
   clang -g -O1 -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_json.c -o build/fuzz_json */
#define TELEPOT_IMPLEMENTATION
#include "../../telepot.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tp_error err;
    tp_json_doc *doc = tp_json_parse((const char *)data, size, &err), *again;
    tp_buf a, b;
    if (!doc) {
        if (err.code == TP_OK || err.json_offset > size) abort();
        return 0;
    }
    tp_buf_init(&a);
    tp_buf_init(&b);
    if (tp_json_write(&a, tp_json_root(doc)) != TP_OK) abort();
    again = tp_json_parse(a.ptr, a.len, &err);
    if (!again) abort();
    if (tp_json_write(&b, tp_json_root(again)) != TP_OK) abort();
    if (a.len != b.len || memcmp(a.ptr, b.ptr, a.len) != 0) abort();
    (void)tp_glance(tp_json_get(tp_json_root(doc), "message"));
    (void)tp_flavor_of(tp_json_root(doc));
    {
        const tp_update *u = tp_update_view(doc, tp_json_root(doc), NULL);
        if (u && u->update_id != tp_json_get_int(tp_json_root(doc), "update_id")) abort();
    }
    { /* a typed view of some generated type, written back: the text must parse again */
        int t = (int)(size % TP_TYPE_COUNT);
        const void *v = tp_parse_as(doc, t, tp_json_root(doc), NULL);
        if (v) {
            tp_buf c;
            tp_jw w;
            tp_json_doc *typed;
            tp_buf_init(&c);
            tp_jw_init(&w, &c);
            tp_jw_typed(&w, t, v);
            typed = c.err ? NULL : tp_json_parse(c.ptr, c.len, NULL);
            if (!c.err && !typed) abort();
            tp_json_doc_free(typed);
            tp_buf_deinit(&c);
        }
    }
    tp_json_doc_free(again);
    tp_json_doc_free(doc);
    tp_buf_deinit(&a);
    tp_buf_deinit(&b);
    return 0;
}

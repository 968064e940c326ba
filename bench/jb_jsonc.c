/* bench/jb_jsonc.c - json-c's part of json_bench: parse, walk, free (see json_bench.c). */
#include <string.h>
#include <json-c/json.h>
#include "json_bench.h"

static json_tokener *jc_tok; /* one tokener, reset per document: json-c's fast usage */

void jb_jsonc_init(void) { jc_tok = json_tokener_new(); }

void jb_jsonc_run(const char *buf, size_t n, sums *s) {
    json_object *root, *res = NULL, *u, *m, *c, *v, *t;
    size_t i, k;
    json_tokener_reset(jc_tok);
    root = json_tokener_parse_ex(jc_tok, buf, (int)n);
    s->ok = root != NULL && json_tokener_get_error(jc_tok) == json_tokener_success;
    json_object_object_get_ex(root, "result", &res);
    k = res ? json_object_array_length(res) : 0;
    for (i = 0; i < k; i++) {
        u = json_object_array_get_idx(res, i);
        s->updates++;
        if (json_object_object_get_ex(u, "update_id", &v)) s->ids += (uint64_t)json_object_get_int64(v);
        if (!json_object_object_get_ex(u, "message", &m)) continue;
        s->messages++;
        if (json_object_object_get_ex(m, "chat", &c) && json_object_object_get_ex(c, "id", &v))
            s->chats += (uint64_t)json_object_get_int64(v);
        if (json_object_object_get_ex(m, "text", &t) && json_object_is_type(t, json_type_string)) {
            s->texts++;
            s->textbytes += (uint64_t)json_object_get_string_len(t);
        }
    }
    json_object_put(root);
}

int64_t jb_jsonc_int64(const char *text, bool *text_ok) {
    json_object *r = json_tokener_parse(text), *v = NULL;
    int64_t got;
    json_object_object_get_ex(r, "id", &v);
    got = json_object_get_int64(v);
    *text_ok = strstr(json_object_to_json_string_ext(r, JSON_C_TO_STRING_PLAIN), "9007199254740993") != NULL;
    json_object_put(r);
    return got;
}

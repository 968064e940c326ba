/* tests/test_chat.c - tpemu's chats (issue 15): the web port's API against a real build/tpemu
   over loopback sockets. /api/state and the page; each POST /api/send action becomes the Update
   a real getUpdates receives (message, channel_post, callback_query with its message,
   inline_query, chosen_inline_result plus the message "via" the bot); the bot's messages with
   parse_mode HTML / MarkdownV2 / Markdown come with Telegram's entities (and its 400 when they
   do not parse, and 1500 random texts are parsed or refused, never more); edits, deletions, chat actions, callback answers and inline results are events;
   server-sent events replay after ?since= and Last-Event-ID and stream live to several clients
   at once; a photo a user uploads comes in several sizes, getFile and the download give its
   bytes back byte for byte; hostile input gets 400/413; an event-stream client that never reads
   blocks nobody and is dropped once it falls out of the log.
   Build: cc -std=c99 tests/test_chat.c -o build/tests/test_chat -lpthread (needs build/tpemu). */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "tp_sock.h"
#include "../tools/tpemu_page.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define TOKEN "123456:TEST"

static void msleep(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- tpemu as a child with --web-port ---- */
typedef struct emu {
    pid_t pid;
    int port, web;
    int64_t offset; /* getUpdates */
} emu;

static int read_port(const char *path) {
    char buf[16] = "";
    FILE *f = fopen(path, "r");
    if (f) {
        if (!fgets(buf, sizeof buf, f)) buf[0] = '\0';
        fclose(f);
    }
    return atoi(buf);
}

static rlim_t emu_nofile; /* the child's file descriptor limit (0: as inherited) */

static bool emu_run(emu *e, const char *const *extra) {
    char dir[] = "/tmp/tpt-chat.XXXXXX", pf[64], wf[64];
    const char *argv[32];
    int i, n = 0;
    memset(e, 0, sizeof *e);
    if (!mkdtemp(dir)) return false;
    snprintf(pf, sizeof pf, "%s/port", dir);
    snprintf(wf, sizeof wf, "%s/web", dir);
    argv[n++] = "tpemu";
    argv[n++] = "--port-file";
    argv[n++] = pf;
    argv[n++] = "--web-port";
    argv[n++] = "0";
    argv[n++] = "--web-port-file";
    argv[n++] = wf;
    argv[n++] = "--max-secs";
    argv[n++] = "120";
    argv[n++] = "--quiet";
    for (i = 0; extra && extra[i] && n < 31; i++) argv[n++] = extra[i];
    argv[n] = NULL;
    e->pid = fork();
    if (e->pid == 0) {
        if (emu_nofile) {
            struct rlimit rl;
            rl.rlim_cur = rl.rlim_max = emu_nofile;
            if (setrlimit(RLIMIT_NOFILE, &rl) != 0) _exit(126);
        }
        execv("build/tpemu", (char *const *)(uintptr_t)argv);
        _exit(127);
    }
    for (i = 0; i < 500 && !(e->port && e->web); i++) {
        msleep(10);
        if (!e->port) e->port = read_port(pf);
        if (!e->web) e->web = read_port(wf);
    }
    unlink(pf);
    unlink(wf);
    rmdir(dir);
    return e->port > 0 && e->web > 0;
}

static int emu_end(emu *e) {
    int st = 0, i;
    kill(e->pid, SIGTERM);
    for (i = 0; i < 1000; i++) {
        if (waitpid(e->pid, &st, WNOHANG) == e->pid) return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        msleep(10);
    }
    kill(e->pid, SIGKILL);
    waitpid(e->pid, &st, 0);
    return -1;
}

/* ---- HTTP: one request per connection ---- */
static bool send_all(int fd, const char *s, size_t n) {
    size_t off = 0;
    while (off < n) {
        ssize_t k = send(fd, s + off, n - off, MSG_NOSIGNAL);
        if (k <= 0) return false;
        off += (size_t)k;
    }
    return true;
}

typedef struct resp {
    int status;
    char ctype[128];
    bool sandboxed; /* X-Content-Type-Options: nosniff and a Content-Security-Policy: sandbox */
    char *body; /* NUL-terminated */
    size_t len;
} resp;

static void resp_free(resp *r) {
    free(r->body);
    memset(r, 0, sizeof *r);
}

/* a whole request (headers are extra lines ending in \r\n, may be NULL); the answer in *r */
static int http(int port, const char *verb, const char *path, const char *hdrs, const char *body,
                size_t blen, resp *r) {
    char head[2048];
    tp_buf in;
    memset(r, 0, sizeof *r);
    int fd = dial(port);
    if (fd < 0) return 0;
    int hn = snprintf(head, sizeof head, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%sContent-Length: %zu\r\n\r\n",
                      verb, path, hdrs ? hdrs : "", blen);
    send_all(fd, head, (size_t)hn);
    if (blen) send_all(fd, body, blen);
    tp_buf_init(&in);
    double end = now_ms() + 20000;
    for (;;) {
        char chunk[65536];
        struct pollfd p;
        p.fd = fd;
        p.events = POLLIN;
        if (poll(&p, 1, (int)(end - now_ms()) + 1) <= 0) break;
        ssize_t k = recv(fd, chunk, sizeof chunk, 0);
        if (k <= 0) break;
        tp_buf_append(&in, chunk, (size_t)k);
    }
    close(fd);
    const char *e = in.ptr ? strstr(in.ptr, "\r\n\r\n") : NULL;
    if (!e || strncmp(in.ptr, "HTTP/1.1 ", 9)) { tp_buf_deinit(&in); return 0; }
    r->status = atoi(in.ptr + 9);
    const char *ct = strstr(in.ptr, "Content-Type: ");
    if (ct && ct < e) snprintf(r->ctype, sizeof r->ctype, "%.*s", (int)strcspn(ct + 14, "\r"), ct + 14);
    const char *ns = strstr(in.ptr, "\r\nX-Content-Type-Options: nosniff\r\n");
    const char *sb = strstr(in.ptr, "\r\nContent-Security-Policy: sandbox;");
    r->sandboxed = ns && ns < e && sb && sb < e;
    r->len = in.len - (size_t)(e + 4 - in.ptr);
    r->body = (char *)malloc(r->len + 1);
    memcpy(r->body, e + 4, r->len);
    r->body[r->len] = 0;
    tp_buf_deinit(&in);
    return r->status;
}

/* JSON in and out; the answer parsed (NULL if it was no JSON) */
static tp_json_doc *post_json(int port, const char *path, const char *json, int *status) {
    resp r;
    *status = http(port, "POST", path, "Content-Type: application/json\r\n", json, strlen(json), &r);
    tp_json_doc *d = r.body ? tp_json_parse(r.body, r.len, NULL) : NULL;
    resp_free(&r);
    return d;
}

static tp_json_doc *get_json(int port, const char *path, int *status) {
    resp r;
    *status = http(port, "GET", path, NULL, NULL, 0, &r);
    tp_json_doc *d = r.body ? tp_json_parse(r.body, r.len, NULL) : NULL;
    resp_free(&r);
    return d;
}

/* a dotted path into a JSON value: "message.photo.3.width" */
static const tp_json *J(const tp_json *v, const char *path) {
    char key[64];
    while (v && *path) {
        size_t n = strcspn(path, ".");
        snprintf(key, sizeof key, "%.*s", (int)n, path);
        if (tp_json_typeof(v) == TP_JSON_ARRAY) v = tp_json_at(v, (size_t)atoi(key));
        else v = tp_json_get(v, key);
        path += n + (path[n] == '.');
    }
    return v;
}
static const char *JS(const tp_json *v, const char *path) { return tp_json_str(J(v, path)); }
static int64_t JI(const tp_json *v, const char *path) { return tp_json_int(J(v, path)); }

/* the user's side: POST /api/send; the answer's root (owned by *d) */
static const tp_json *act(emu *e, const char *json, int *status, tp_json_doc **d) {
    *d = post_json(e->web, "/api/send", json, status);
    return tp_json_root(*d);
}

/* the bot's side: a Bot API call with a JSON body; the whole answer */
static tp_json_doc *bot(emu *e, const char *method, const char *json, int *status) {
    char path[128];
    snprintf(path, sizeof path, "/bot%s/%s", TOKEN, method);
    return post_json(e->port, path, json, status);
}

/* the next update a real getUpdates receives (confirming it); its doc in *d */
static const tp_json *next_update(emu *e, tp_json_doc **d) {
    char q[96];
    int st;
    snprintf(q, sizeof q, "{\"offset\":%lld,\"limit\":1,\"timeout\":5}", (long long)e->offset);
    *d = bot(e, "getUpdates", q, &st);
    const tp_json *u = J(tp_json_root(*d), "result.0");
    if (u) e->offset = JI(u, "update_id") + 1;
    return u;
}

/* ---- server-sent events ---- */
typedef struct sse {
    int fd;
    tp_buf in;
    size_t used;
    bool eof;
} sse;

static bool sse_open(sse *s, int port, const char *query, const char *last_id, int rcvbuf) {
    char rq[512], lh[64] = "";
    memset(s, 0, sizeof *s);
    tp_buf_init(&s->in);
    s->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (rcvbuf) setsockopt(s->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons((uint16_t)port);
    if (connect(s->fd, (struct sockaddr *)&a, sizeof a) != 0) return false;
    if (last_id) snprintf(lh, sizeof lh, "Last-Event-ID: %s\r\n", last_id);
    int n = snprintf(rq, sizeof rq, "GET /api/events%s HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n%s\r\n",
                     query ? query : "", lh);
    return send_all(s->fd, rq, (size_t)n);
}

static void sse_close(sse *s) {
    close(s->fd);
    tp_buf_deinit(&s->in);
}

/* the data of the next event (its id in *id), or NULL after wait_ms or at the end; malloc'd */
static char *sse_next(sse *s, int wait_ms, int64_t *id) {
    double end = now_ms() + wait_ms;
    for (;;) {
        const char *p = s->in.ptr ? s->in.ptr + s->used : NULL;
        const char *hdr = p && s->used == 0 ? strstr(p, "\r\n\r\n") : NULL;
        if (hdr) { s->used = (size_t)(hdr + 4 - s->in.ptr); continue; }
        const char *fe = p && s->used ? strstr(p, "\n\n") : NULL;
        if (fe) {
            size_t flen = (size_t)(fe - p);
            char *frame = (char *)malloc(flen + 1);
            memcpy(frame, p, flen);
            frame[flen] = 0;
            s->used += flen + 2;
            char *data = strstr(frame, "data: ");
            char *idl = strncmp(frame, "id: ", 4) == 0 ? frame + 4 : strstr(frame, "\nid: ");
            if (data) {
                if (id) *id = idl ? strtoll(idl + (idl == frame + 4 ? 0 : 5), NULL, 10) : 0;
                char *out = strdup(data + 6);
                out[strcspn(out, "\n")] = 0;
                free(frame);
                return out;
            }
            free(frame);
            continue;
        }
        double left = end - now_ms();
        struct pollfd pf;
        pf.fd = s->fd;
        pf.events = POLLIN;
        if (s->eof || poll(&pf, 1, left > 0 ? (int)left + 1 : 0) <= 0) return NULL;
        char chunk[65536];
        ssize_t k = recv(s->fd, chunk, sizeof chunk, 0);
        if (k <= 0) { s->eof = true; return NULL; }
        tp_buf_append(&s->in, chunk, (size_t)k);
    }
}

/* the next event whose type is `type` (others skipped); its doc in *d, NULL if none came */
static const tp_json *sse_want(sse *s, const char *type, tp_json_doc **d, int64_t *id) {
    char *data;
    *d = NULL;
    while ((data = sse_next(s, 5000, id)) != NULL) {
        *d = tp_json_parse(data, strlen(data), NULL);
        free(data);
        const char *t = JS(tp_json_root(*d), "type");
        if (t && !strcmp(t, type)) return tp_json_root(*d);
        tp_json_doc_free(*d);
        *d = NULL;
    }
    return NULL;
}

/* ---- 1. state and the page ---- */
TEST(state_and_page) {
    emu e;
    int st;
    resp r;
    CHECK(emu_run(&e, NULL));
    tp_json_doc *d = get_json(e.web, "/api/state", &st);
    const tp_json *s = tp_json_root(d);
    CHECK_EQ_INT(st, 200);
    CHECK_EQ_INT(JI(s, "bot.id"), 123456);
    CHECK_STR(JS(s, "bot.username"), "tpemu_bot");
    CHECK_EQ_INT(tp_json_size(J(s, "users")), 3);
    CHECK_EQ_INT(JI(s, "users.1.id"), 1002);
    CHECK_STR(JS(s, "users.1.username"), "bob");
    CHECK_EQ_INT(tp_json_size(J(s, "chats")), 5);
    CHECK_EQ_INT(JI(s, "chats.3.id"), -1000);
    CHECK_STR(JS(s, "chats.3.type"), "group");
    CHECK_STR(JS(s, "chats.3.title"), "Friends");
    CHECK_EQ_INT(JI(s, "chats.4.id"), -1001000000100LL);
    CHECK_STR(JS(s, "chats.4.type"), "channel");
    CHECK_EQ_INT(JI(s, "seq"), 0);
    tp_json_doc_free(d);
    CHECK_EQ_INT(http(e.web, "GET", "/", NULL, NULL, 0, &r), 200);
    CHECK_STR(r.ctype, "text/html; charset=utf-8");
    CHECK(r.len == TPEMU_PAGE_LEN && memcmp(r.body, tpemu_page, r.len) == 0);
    resp_free(&r);
    /* the Bot API is not on the web port, the page is not on the API port */
    d = get_json(e.web, "/bot" TOKEN "/getMe", &st);
    CHECK_EQ_INT(st, 404);
    tp_json_doc_free(d);
    d = get_json(e.port, "/api/state", &st);
    CHECK_EQ_INT(st, 404);
    tp_json_doc_free(d);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 2. each action is the right Update for a real getUpdates, and an event ---- */
TEST(send_actions) {
    emu e;
    int st;
    tp_json_doc *d, *ud, *ed;
    int64_t sid;
    sse s;
    CHECK(emu_run(&e, NULL));
    CHECK(sse_open(&s, e.web, "?since=0", NULL, 0));
    /* text with a command, a mention and a url */
    const tp_json *a = act(&e, "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"/start now @bob https://x.org/y\"}", &st, &d);
    CHECK_EQ_INT(st, 200);
    CHECK(tp_json_get_bool(a, "ok"));
    int64_t uid = JI(a, "update_id"), mid = JI(a, "message_id");
    const tp_json *u = next_update(&e, &ud);
    CHECK_EQ_INT(JI(u, "update_id"), uid);
    CHECK_EQ_INT(JI(u, "message.message_id"), mid);
    CHECK_EQ_INT(JI(u, "message.from.id"), 1001);
    CHECK_STR(JS(u, "message.from.first_name"), "Alice");
    CHECK_EQ_INT(JI(u, "message.chat.id"), 1001);
    CHECK_STR(JS(u, "message.chat.type"), "private");
    CHECK_STR(JS(u, "message.text"), "/start now @bob https://x.org/y");
    CHECK_STR(JS(u, "message.entities.0.type"), "bot_command");
    CHECK_EQ_INT(JI(u, "message.entities.0.length"), 6);
    CHECK_STR(JS(u, "message.entities.1.type"), "mention");
    CHECK_EQ_INT(JI(u, "message.entities.1.offset"), 11);
    CHECK_STR(JS(u, "message.entities.2.type"), "url");
    CHECK_EQ_INT(JI(u, "message.entities.2.length"), 15);
    const tp_json *ev = sse_want(&s, "message", &ed, &sid);
    CHECK_EQ_INT(JI(ev, "seq"), 1);
    CHECK_EQ_INT(sid, 1);
    CHECK_EQ_INT(JI(ev, "chat_id"), 1001);
    CHECK(!tp_json_get_bool(ev, "from_bot"));
    CHECK_STR(JS(ev, "message.text"), "/start now @bob https://x.org/y");
    tp_json_doc_free(ed);
    tp_json_doc_free(ud);
    tp_json_doc_free(d);
    /* bob in the group, replying to alice's... no: to his own earlier message there */
    a = act(&e, "{\"user_id\":1002,\"chat_id\":-1000,\"text\":\"hi all\"}", &st, &d);
    int64_t gmid = JI(a, "message_id");
    tp_json_doc_free(d);
    tp_json_doc_free((next_update(&e, &ud), ud));
    char q[256];
    snprintf(q, sizeof q, "{\"user_id\":1003,\"chat_id\":-1000,\"text\":\"re\",\"reply_to_message_id\":%lld}", (long long)gmid);
    a = act(&e, q, &st, &d);
    CHECK_EQ_INT(st, 200);
    u = next_update(&e, &ud);
    CHECK_EQ_INT(JI(u, "message.from.id"), 1003);
    CHECK_STR(JS(u, "message.from.username"), "carol");
    CHECK_EQ_INT(JI(u, "message.chat.id"), -1000);
    CHECK_STR(JS(u, "message.chat.title"), "Friends");
    CHECK_EQ_INT(JI(u, "message.reply_to_message.message_id"), gmid);
    CHECK_EQ_INT(JI(u, "message.reply_to_message.from.id"), 1002);
    tp_json_doc_free(ud);
    tp_json_doc_free(d);
    /* the channel: a channel_post from the channel itself */
    a = act(&e, "{\"user_id\":1001,\"chat_id\":-1001000000100,\"text\":\"news!\"}", &st, &d);
    CHECK_EQ_INT(st, 200);
    u = next_update(&e, &ud);
    CHECK(J(u, "message") == NULL);
    CHECK_EQ_INT(JI(u, "channel_post.chat.id"), -1001000000100LL);
    CHECK_EQ_INT(JI(u, "channel_post.sender_chat.id"), -1001000000100LL);
    CHECK_STR(JS(u, "channel_post.chat.type"), "channel");
    CHECK(J(u, "channel_post.from") == NULL);
    tp_json_doc_free(ud);
    tp_json_doc_free(d);
    /* location and dice */
    a = act(&e, "{\"user_id\":1002,\"chat_id\":1002,\"location\":{\"latitude\":48.8584,\"longitude\":2.2945}}", &st, &d);
    CHECK_EQ_INT(st, 200);
    u = next_update(&e, &ud);
    CHECK(tp_json_num(J(u, "message.location.latitude")) > 48.85 && tp_json_num(J(u, "message.location.latitude")) < 48.86);
    CHECK(tp_json_num(J(u, "message.location.longitude")) > 2.29 && tp_json_num(J(u, "message.location.longitude")) < 2.30);
    tp_json_doc_free(ud);
    tp_json_doc_free(d);
    a = act(&e, "{\"user_id\":1002,\"chat_id\":1002,\"dice\":\"🎯\"}", &st, &d);
    CHECK_EQ_INT(st, 200);
    u = next_update(&e, &ud);
    CHECK_STR(JS(u, "message.dice.emoji"), "🎯");
    CHECK(JI(u, "message.dice.value") >= 1 && JI(u, "message.dice.value") <= 6);
    tp_json_doc_free(ud);
    tp_json_doc_free(d);
    /* a callback on the bot's inline keyboard; the answer comes back as an event */
    d = bot(&e, "sendMessage", "{\"chat_id\":1001,\"text\":\"Pick\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Red\",\"callback_data\":\"red\"}]]}}", &st);
    CHECK_EQ_INT(st, 200);
    int64_t kbmid = JI(tp_json_root(d), "result.message_id");
    tp_json_doc_free(d);
    snprintf(q, sizeof q, "{\"user_id\":1001,\"chat_id\":1001,\"callback\":{\"message_id\":%lld,\"data\":\"red\"}}", (long long)kbmid);
    a = act(&e, q, &st, &d);
    CHECK_EQ_INT(st, 200);
    char qid[40];
    snprintf(qid, sizeof qid, "%s", JS(a, "query_id") ? JS(a, "query_id") : "");
    CHECK(qid[0] != '\0');
    tp_json_doc_free(d);
    u = next_update(&e, &ud);
    CHECK_STR(JS(u, "callback_query.id"), qid);
    CHECK_STR(JS(u, "callback_query.data"), "red");
    CHECK_EQ_INT(JI(u, "callback_query.from.id"), 1001);
    CHECK_EQ_INT(JI(u, "callback_query.message.message_id"), kbmid);
    CHECK_STR(JS(u, "callback_query.message.text"), "Pick");
    CHECK_STR(JS(u, "callback_query.message.reply_markup.inline_keyboard.0.0.callback_data"), "red");
    tp_json_doc_free(ud);
    snprintf(q, sizeof q, "{\"callback_query_id\":\"%s\",\"text\":\"You chose red\",\"show_alert\":true}", qid);
    tp_json_doc_free(bot(&e, "answerCallbackQuery", q, &st));
    CHECK_EQ_INT(st, 200);
    ev = sse_want(&s, "callback_answer", &ed, NULL);
    CHECK_STR(JS(ev, "text"), "You chose red");
    CHECK(tp_json_get_bool(ev, "show_alert"));
    CHECK_EQ_INT(JI(ev, "chat_id"), 1001);
    CHECK_EQ_INT(JI(ev, "message_id"), kbmid);
    CHECK_STR(JS(ev, "query_id"), qid);
    tp_json_doc_free(ed);
    /* an inline query in the group, the bot's results, one chosen */
    a = act(&e, "{\"user_id\":1003,\"chat_id\":-1000,\"inline_query\":\"abc\"}", &st, &d);
    CHECK_EQ_INT(st, 200);
    snprintf(qid, sizeof qid, "%s", JS(a, "query_id") ? JS(a, "query_id") : "");
    tp_json_doc_free(d);
    u = next_update(&e, &ud);
    CHECK_STR(JS(u, "inline_query.id"), qid);
    CHECK_STR(JS(u, "inline_query.query"), "abc");
    CHECK_STR(JS(u, "inline_query.chat_type"), "group");
    CHECK_EQ_INT(JI(u, "inline_query.from.id"), 1003);
    tp_json_doc_free(ud);
    snprintf(q, sizeof q, "{\"inline_query_id\":\"%s\",\"results\":[{\"type\":\"article\",\"id\":\"up\",\"title\":\"ABC\","
             "\"input_message_content\":{\"message_text\":\"<b>ABC</b>\",\"parse_mode\":\"HTML\"}}]}", qid);
    tp_json_doc_free(bot(&e, "answerInlineQuery", q, &st));
    CHECK_EQ_INT(st, 200);
    ev = sse_want(&s, "inline_results", &ed, NULL);
    CHECK_STR(JS(ev, "query_id"), qid);
    CHECK_STR(JS(ev, "query"), "abc");
    CHECK_EQ_INT(JI(ev, "user_id"), 1003);
    CHECK_STR(JS(ev, "results.0.id"), "up");
    tp_json_doc_free(ed);
    snprintf(q, sizeof q, "{\"user_id\":1003,\"chat_id\":-1000,\"chosen_inline_result\":{\"query_id\":\"%s\",\"result_id\":\"up\"}}", qid);
    a = act(&e, q, &st, &d);
    CHECK_EQ_INT(st, 200);
    tp_json_doc_free(d);
    u = next_update(&e, &ud);
    CHECK_STR(JS(u, "chosen_inline_result.result_id"), "up");
    CHECK_STR(JS(u, "chosen_inline_result.query"), "abc");
    CHECK_EQ_INT(JI(u, "chosen_inline_result.from.id"), 1003);
    tp_json_doc_free(ud);
    u = next_update(&e, &ud);
    CHECK_STR(JS(u, "message.text"), "ABC");
    CHECK_STR(JS(u, "message.entities.0.type"), "bold");
    CHECK_EQ_INT(JI(u, "message.via_bot.id"), 123456);
    CHECK_EQ_INT(JI(u, "message.chat.id"), -1000);
    tp_json_doc_free(ud);
    ev = sse_want(&s, "message", &ed, NULL); /* alice's, bob's... up to the via_bot one */
    while (ev && !J(ev, "message.via_bot")) { tp_json_doc_free(ed); ev = sse_want(&s, "message", &ed, NULL); }
    CHECK(ev != NULL);
    CHECK_STR(JS(ev, "message.text"), "ABC");
    tp_json_doc_free(ed);
    sse_close(&s);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 3. parse_mode: Telegram's entities, and its refusals ---- */
static const tp_json *sent(emu *e, const char *text_json, const char *pm, int *st, tp_json_doc **d) {
    char q[1024];
    snprintf(q, sizeof q, "{\"chat_id\":1001,\"text\":%s,\"parse_mode\":\"%s\"}", text_json, pm);
    *d = bot(e, "sendMessage", q, st);
    return J(tp_json_root(*d), "result");
}

TEST(parse_modes) {
    emu e;
    int st;
    tp_json_doc *d, *ed;
    sse s;
    CHECK(emu_run(&e, NULL));
    CHECK(sse_open(&s, e.web, NULL, NULL, 0));
    const tp_json *m = sent(&e, "\"<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> &lt;&amp;&gt;&quot; "
                                "<a href=\\\"https://x.org/?a=1&amp;b=2\\\">link</a> <code>c</code> <pre><code class=\\\"language-c\\\">int x;</code></pre>"
                                "<blockquote>q</blockquote> 🙂<b>é</b>\"", "HTML", &st, &d);
    CHECK_EQ_INT(st, 200);
    CHECK_STR(JS(m, "text"), "bold it u s sp <&>\" link c int x;q 🙂é");
    static const char *const types[] = {"bold", "italic", "underline", "strikethrough", "spoiler", "text_link", "code", "pre", "blockquote", "bold"};
    static const int offs[] = {0, 5, 8, 10, 12, 20, 25, 27, 33, 37};
    static const int lens[] = {4, 2, 1, 1, 2, 4, 1, 6, 1, 1};
    CHECK_EQ_INT(tp_json_size(J(m, "entities")), 10);
    for (size_t i = 0; i < 10; i++) {
        char p[32];
        snprintf(p, sizeof p, "entities.%zu.type", i);
        CHECK_STR(JS(m, p), types[i]);
        snprintf(p, sizeof p, "entities.%zu.offset", i);
        CHECK_EQ_INT(JI(m, p), offs[i]);
        snprintf(p, sizeof p, "entities.%zu.length", i);
        CHECK_EQ_INT(JI(m, p), lens[i]);
    }
    CHECK_STR(JS(m, "entities.5.url"), "https://x.org/?a=1&b=2");
    CHECK_STR(JS(m, "entities.7.language"), "c");
    /* the event carries the same entities */
    const tp_json *ev = sse_want(&s, "message", &ed, NULL);
    CHECK(tp_json_get_bool(ev, "from_bot"));
    CHECK_EQ_INT(tp_json_size(J(ev, "message.entities")), 10);
    CHECK_STR(JS(ev, "message.entities.7.language"), "c");
    tp_json_doc_free(ed);
    tp_json_doc_free(d);
    /* MarkdownV2 */
    m = sent(&e, "\"*b _i_* __u__ ~s~ ||sp|| [l](https://e.org/\\\\)x) `c\\\\`` \\\\. 1\\\\+1\\n```py\\nprint()```\\n>q1\\n>q2\\nend\"",
             "MarkdownV2", &st, &d);
    CHECK_EQ_INT(st, 200);
    CHECK_STR(JS(m, "text"), "b i u s sp l c` . 1+1\nprint()\nq1\nq2\nend");
    static const char *const t2[] = {"bold", "italic", "underline", "strikethrough", "spoiler", "text_link", "code", "pre", "blockquote"};
    static const int o2[] = {0, 2, 4, 6, 8, 11, 13, 22, 30};
    static const int l2[] = {3, 1, 1, 1, 2, 1, 2, 7, 5};
    CHECK_EQ_INT(tp_json_size(J(m, "entities")), 9);
    for (size_t i = 0; i < 9; i++) {
        char p[32];
        snprintf(p, sizeof p, "entities.%zu.type", i);
        CHECK_STR(JS(m, p), t2[i]);
        snprintf(p, sizeof p, "entities.%zu.offset", i);
        CHECK_EQ_INT(JI(m, p), o2[i]);
        snprintf(p, sizeof p, "entities.%zu.length", i);
        CHECK_EQ_INT(JI(m, p), l2[i]);
    }
    CHECK_STR(JS(m, "entities.5.url"), "https://e.org/)x");
    CHECK_STR(JS(m, "entities.7.language"), "py");
    tp_json_doc_free(d);
    /* Markdown (legacy) */
    m = sent(&e, "\"*b* _i_ `c` [l](http://a.b) 1.5!\"", "Markdown", &st, &d);
    CHECK_EQ_INT(st, 200);
    CHECK_STR(JS(m, "text"), "b i c l 1.5!");
    CHECK_EQ_INT(tp_json_size(J(m, "entities")), 4);
    CHECK_STR(JS(m, "entities.3.type"), "text_link");
    CHECK_EQ_INT(JI(m, "entities.3.offset"), 6);
    tp_json_doc_free(d);
    /* refusals, as Telegram words them */
    static const char *const bad[][3] = {
        {"\"a.b\"", "MarkdownV2", "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'"},
        {"\"*open\"", "MarkdownV2", "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0"},
        {"\"<b>x\"", "HTML", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""},
        {"\"<x>y</x>\"", "HTML", "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"},
        {"\"<b>x</i>\"", "HTML", "Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\""},
        {"\"_x\"", "Markdown", "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0"},
        {"\"<b></b>\"", "HTML", "Bad Request: message text is empty"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sent(&e, bad[i][0], bad[i][1], &st, &d);
        CHECK_EQ_INT(st, 400);
        CHECK_STR(JS(tp_json_root(d), "description"), bad[i][2]);
        tp_json_doc_free(d);
    }
    /* a caption with parse_mode, then editMessageCaption */
    d = bot(&e, "sendDocument", "{\"chat_id\":1002,\"document\":\"https://x.org/f.pdf\",\"caption\":\"<i>cap</i>\",\"parse_mode\":\"HTML\"}", &st);
    CHECK_EQ_INT(st, 200);
    m = J(tp_json_root(d), "result");
    CHECK_STR(JS(m, "caption"), "cap");
    CHECK_STR(JS(m, "caption_entities.0.type"), "italic");
    char q[256];
    snprintf(q, sizeof q, "{\"chat_id\":1002,\"message_id\":%lld,\"caption\":\"*new*\",\"parse_mode\":\"MarkdownV2\"}", (long long)JI(m, "message_id"));
    tp_json_doc_free(d);
    d = bot(&e, "editMessageCaption", q, &st);
    CHECK_EQ_INT(st, 200);
    m = J(tp_json_root(d), "result");
    CHECK_STR(JS(m, "caption"), "new");
    CHECK_STR(JS(m, "caption_entities.0.type"), "bold");
    CHECK(JS(m, "document.file_id") != NULL);
    CHECK(JI(m, "edit_date") > 0);
    tp_json_doc_free(d);
    ev = sse_want(&s, "edit", &ed, NULL);
    CHECK_STR(JS(ev, "message.caption"), "new");
    tp_json_doc_free(ed);
    sse_close(&s);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* random texts of markup characters: each is parsed or refused, never more; entities lie
   within the text */
static size_t u16len(const char *s) {
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n += ((unsigned char)*s >= 0xF0) ? 2 : 1;
    return n;
}

TEST(parse_random) {
    static const char *const alpha[] = {"*", "_", "__", "~", "||", "`", "```", "[", "]", "(", ")", "\\\\", ">",
                                        "<b>", "</b>", "<i>", "</i>", "<a href=\\\"x\\\">", "</a>", "<pre>", "</pre>",
                                        "<code class=\\\"language-c\\\">", "</code>", "&lt;", "&amp;", "&#128512;", "&",
                                        "<", "a", " ", "\\n", "é", "🙂", ".", "!", "<span class=\\\"tg-spoiler\\\">",
                                        "</span>", "<blockquote>", "</blockquote>", "**>", "<tg-emoji emoji-id=\\\"5\\\">"};
    static const char *const modes[] = {"HTML", "MarkdownV2", "Markdown"};
    emu e;
    int st, parsed = 0, refused = 0, bad = 0;
    char text[600], q[800];
    CHECK(emu_run(&e, NULL));
    srand(15);
    for (int i = 0; i < 1500; i++) {
        size_t n = 0;
        text[0] = 0;
        for (int k = rand() % 12 + 1; k > 0; k--) {
            const char *a = alpha[rand() % (int)(sizeof alpha / sizeof alpha[0])];
            if (n + strlen(a) + 1 >= sizeof text) break;
            strcpy(text + n, a);
            n += strlen(a);
        }
        snprintf(q, sizeof q, "{\"chat_id\":1001,\"text\":\"%s\",\"parse_mode\":\"%s\"}", text, modes[i % 3]);
        tp_json_doc *d = bot(&e, "sendMessage", q, &st);
        const tp_json *r = tp_json_root(d);
        if (st == 200) {
            const char *t = JS(r, "result.text");
            size_t tl = t ? u16len(t) : 0;
            parsed++;
            for (const tp_json *en = tp_json_first(J(r, "result.entities")); en; en = tp_json_next(en))
                if (JI(en, "offset") < 0 || JI(en, "length") <= 0 || (size_t)(JI(en, "offset") + JI(en, "length")) > tl) bad++;
        } else if (st == 400 && JS(r, "description") &&
                   (strstr(JS(r, "description"), "can't parse entities: ") || strstr(JS(r, "description"), "text is empty"))) {
            refused++;
        } else {
            bad++;
            fprintf(stderr, "parse_random: %d for %s\n", st, q);
        }
        tp_json_doc_free(d);
    }
    printf("parse_random: 1500 texts: %d parsed, %d refused\n", parsed, refused);
    CHECK_EQ_INT(bad, 0);
    CHECK(parsed > 100 && refused > 100);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 4. edits, deletions, chat actions and other messages are events ---- */
TEST(bot_events) {
    emu e;
    int st;
    tp_json_doc *d, *ed;
    char q[512];
    sse s;
    CHECK(emu_run(&e, NULL));
    CHECK(sse_open(&s, e.web, NULL, NULL, 0));
    d = bot(&e, "sendMessage", "{\"chat_id\":-1000,\"text\":\"choose\",\"reply_markup\":{\"keyboard\":[[\"A\",{\"text\":\"Where\",\"request_location\":true}]],\"resize_keyboard\":true}}", &st);
    CHECK_EQ_INT(st, 200);
    int64_t mid = JI(tp_json_root(d), "result.message_id");
    CHECK(J(tp_json_root(d), "result.reply_markup") == NULL); /* Telegram's answer has no reply keyboard */
    tp_json_doc_free(d);
    const tp_json *ev = sse_want(&s, "message", &ed, NULL);
    CHECK_EQ_INT(JI(ev, "chat_id"), -1000);
    CHECK_STR(JS(ev, "message.reply_markup.keyboard.0.0"), "A"); /* the event shows it */
    CHECK(tp_json_get_bool(J(ev, "message.reply_markup.keyboard.0.1"), "request_location"));
    tp_json_doc_free(ed);
    snprintf(q, sizeof q, "{\"chat_id\":-1000,\"message_id\":%lld,\"text\":\"<b>chosen</b>\",\"parse_mode\":\"HTML\"}", (long long)mid);
    tp_json_doc_free(bot(&e, "editMessageText", q, &st));
    CHECK_EQ_INT(st, 200);
    ev = sse_want(&s, "edit", &ed, NULL);
    CHECK_EQ_INT(JI(ev, "message.message_id"), mid);
    CHECK_STR(JS(ev, "message.text"), "chosen");
    CHECK_STR(JS(ev, "message.entities.0.type"), "bold");
    tp_json_doc_free(ed);
    snprintf(q, sizeof q, "{\"chat_id\":-1000,\"message_id\":%lld,\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"x\"}]]}}", (long long)mid);
    tp_json_doc_free(bot(&e, "editMessageReplyMarkup", q, &st));
    CHECK_EQ_INT(st, 200);
    ev = sse_want(&s, "edit", &ed, NULL);
    CHECK_STR(JS(ev, "message.reply_markup.inline_keyboard.0.0.callback_data"), "x");
    tp_json_doc_free(ed);
    tp_json_doc_free(bot(&e, "sendChatAction", "{\"chat_id\":-1000,\"action\":\"typing\"}", &st));
    ev = sse_want(&s, "action", &ed, NULL);
    CHECK_EQ_INT(JI(ev, "chat_id"), -1000);
    CHECK_STR(JS(ev, "action"), "typing");
    tp_json_doc_free(ed);
    snprintf(q, sizeof q, "{\"chat_id\":-1000,\"message_id\":%lld}", (long long)mid);
    tp_json_doc_free(bot(&e, "deleteMessage", q, &st));
    CHECK_EQ_INT(st, 200);
    ev = sse_want(&s, "delete", &ed, NULL);
    CHECK_EQ_INT(JI(ev, "chat_id"), -1000);
    CHECK_EQ_INT(JI(ev, "message_ids.0"), mid);
    tp_json_doc_free(ed);
    /* a reply to a user's message carries it, in the answer and the event */
    tp_json_doc_free(post_json(e.web, "/api/send", "{\"user_id\":1003,\"chat_id\":1003,\"text\":\"question\"}", &st));
    ev = sse_want(&s, "message", &ed, NULL);
    int64_t qmid = JI(ev, "message.message_id");
    tp_json_doc_free(ed);
    snprintf(q, sizeof q, "{\"chat_id\":1003,\"text\":\"answer\",\"reply_parameters\":{\"message_id\":%lld}}", (long long)qmid);
    d = bot(&e, "sendMessage", q, &st);
    CHECK_EQ_INT(JI(tp_json_root(d), "result.reply_to_message.message_id"), qmid);
    CHECK_STR(JS(tp_json_root(d), "result.reply_to_message.text"), "question");
    tp_json_doc_free(d);
    ev = sse_want(&s, "message", &ed, NULL);
    CHECK_EQ_INT(JI(ev, "message.reply_to_message.message_id"), qmid);
    tp_json_doc_free(ed);
    snprintf(q, sizeof q, "{\"chat_id\":1001,\"text\":\"elsewhere\",\"reply_to_message_id\":%lld}", (long long)qmid);
    d = bot(&e, "sendMessage", q, &st); /* not in that chat: no reply_to_message */
    CHECK_EQ_INT(st, 200);
    CHECK(J(tp_json_root(d), "result.reply_to_message") == NULL);
    tp_json_doc_free(d);
    tp_json_doc_free((sse_want(&s, "message", &ed, NULL), ed));
    /* a callback on a deleted message is refused */
    snprintf(q, sizeof q, "{\"user_id\":1001,\"chat_id\":-1000,\"callback\":{\"message_id\":%lld,\"data\":\"x\"}}", (long long)mid);
    tp_json_doc_free(post_json(e.web, "/api/send", q, &st));
    CHECK_EQ_INT(st, 400);
    ev = sse_want(&s, "error", &ed, NULL);
    CHECK(ev && strstr(JS(ev, "text"), "not found") != NULL);
    tp_json_doc_free(ed);
    /* location, poll, dice, contact: real messages in the chat */
    d = bot(&e, "sendLocation", "{\"chat_id\":1003,\"latitude\":51.5,\"longitude\":-0.12}", &st);
    CHECK_EQ_INT(st, 200);
    CHECK_EQ_INT(JI(tp_json_root(d), "result.chat.id"), 1003);
    tp_json_doc_free(d);
    ev = sse_want(&s, "message", &ed, NULL);
    CHECK(tp_json_num(J(ev, "message.location.longitude")) < -0.11);
    tp_json_doc_free(ed);
    d = bot(&e, "sendPoll", "{\"chat_id\":1003,\"question\":\"Tea?\",\"options\":[{\"text\":\"yes\"},\"no\"]}", &st);
    CHECK_EQ_INT(st, 200);
    tp_json_doc_free(d);
    ev = sse_want(&s, "message", &ed, NULL);
    CHECK_STR(JS(ev, "message.poll.question"), "Tea?");
    CHECK_STR(JS(ev, "message.poll.options.1.text"), "no");
    tp_json_doc_free(ed);
    tp_json_doc_free(bot(&e, "sendDice", "{\"chat_id\":1003}", &st));
    ev = sse_want(&s, "message", &ed, NULL);
    CHECK_STR(JS(ev, "message.dice.emoji"), "🎲");
    tp_json_doc_free(ed);
    /* a chat outside the cast makes no event: the next one is the contact */
    tp_json_doc_free(bot(&e, "sendMessage", "{\"chat_id\":777,\"text\":\"elsewhere\"}", &st));
    tp_json_doc_free(bot(&e, "sendContact", "{\"chat_id\":1003,\"phone_number\":\"+100\",\"first_name\":\"Zed\"}", &st));
    ev = sse_want(&s, "message", &ed, NULL);
    CHECK_STR(JS(ev, "message.contact.first_name"), "Zed");
    tp_json_doc_free(ed);
    /* a failed call makes no event */
    tp_json_doc_free(bot(&e, "sendMessage", "{\"chat_id\":1003,\"text\":\"x\",\"reply_markup\":\"{\"}", &st));
    CHECK_EQ_INT(st, 400);
    tp_json_doc_free(bot(&e, "sendChatAction", "{\"chat_id\":1003,\"action\":\"upload_photo\"}", &st));
    ev = sse_want(&s, "action", &ed, NULL);
    CHECK_STR(JS(ev, "action"), "upload_photo");
    tp_json_doc_free(ed);
    sse_close(&s);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 5. files from users ---- */
static void png_header(unsigned char *b, size_t n, unsigned w, unsigned h) {
    static const unsigned char sig[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (size_t i = 0; i < n; i++) b[i] = (unsigned char)(i * 131 + (i >> 8)); /* every byte value */
    memcpy(b, sig, sizeof sig);
    b[16] = (unsigned char)(w >> 24); b[17] = (unsigned char)(w >> 16); b[18] = (unsigned char)(w >> 8); b[19] = (unsigned char)w;
    b[20] = (unsigned char)(h >> 24); b[21] = (unsigned char)(h >> 16); b[22] = (unsigned char)(h >> 8); b[23] = (unsigned char)h;
}

/* getFile, then the download: true when the bytes are `want` */
static bool download_is(emu *e, const char *file_id, const unsigned char *want, size_t n) {
    char q[256], path[512];
    int st;
    resp r;
    snprintf(q, sizeof q, "{\"file_id\":\"%s\"}", file_id);
    tp_json_doc *d = bot(e, "getFile", q, &st);
    const char *fp = JS(tp_json_root(d), "result.file_path");
    bool ok = st == 200 && fp;
    if (ok) {
        snprintf(path, sizeof path, "/file/bot%s/%s", TOKEN, fp);
        ok = http(e->port, "GET", path, NULL, NULL, 0, &r) == 200 && r.len == n && memcmp(r.body, want, n) == 0;
        resp_free(&r);
    }
    tp_json_doc_free(d);
    return ok;
}

TEST(uploads) {
    emu e;
    int st;
    tp_json_doc *d, *ud;
    resp r;
    size_t n = 300000;
    unsigned char *png = (unsigned char *)malloc(n);
    png_header(png, n, 1000, 500);
    CHECK(emu_run(&e, NULL));
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1002&chat_id=1002&kind=photo&filename=cat.png&caption=my%20cat",
                      "Content-Type: image/png\r\n", (const char *)png, n, &r), 200);
    d = tp_json_parse(r.body, r.len, NULL);
    resp_free(&r);
    char fid[128];
    snprintf(fid, sizeof fid, "%s", JS(tp_json_root(d), "file_id") ? JS(tp_json_root(d), "file_id") : "");
    int64_t mid = JI(tp_json_root(d), "message_id");
    tp_json_doc_free(d);
    const tp_json *u = next_update(&e, &ud);
    CHECK_EQ_INT(JI(u, "message.message_id"), mid);
    CHECK_EQ_INT(JI(u, "message.from.id"), 1002);
    CHECK_STR(JS(u, "message.caption"), "my cat");
    const tp_json *ph = J(u, "message.photo");
    CHECK_EQ_INT(tp_json_size(ph), 4); /* 90, 320, 800 and the original 1000 */
    CHECK_EQ_INT(JI(ph, "0.width"), 90);
    CHECK_EQ_INT(JI(ph, "0.height"), 45);
    CHECK_EQ_INT(JI(ph, "2.width"), 800);
    CHECK_EQ_INT(JI(ph, "3.width"), 1000);
    CHECK_EQ_INT(JI(ph, "3.height"), 500);
    CHECK_EQ_INT(JI(ph, "3.file_size"), (int64_t)n);
    CHECK_STR(JS(ph, "3.file_id"), fid);
    CHECK(strcmp(JS(ph, "0.file_id"), fid) != 0);
    CHECK(strcmp(JS(ph, "0.file_unique_id"), JS(ph, "3.file_unique_id")) != 0);
    CHECK(download_is(&e, fid, png, n));
    CHECK(download_is(&e, JS(ph, "0.file_id"), png, n)); /* (the smaller sizes are not scaled) */
    tp_json_doc_free(ud);
    char path[256];
    snprintf(path, sizeof path, "/api/file/%s", fid);
    CHECK_EQ_INT(http(e.web, "GET", path, NULL, NULL, 0, &r), 200);
    CHECK_STR(r.ctype, "image/png");
    CHECK(r.len == n && memcmp(r.body, png, n) == 0);
    CHECK(r.sandboxed); /* a user's file never runs as the page (an SVG, an HTML) */
    resp_free(&r);
    CHECK_EQ_INT(http(e.web, "GET", "/api/file/nope", NULL, NULL, 0, &r), 404);
    resp_free(&r);
    /* the bot sends the user's photo back by file_id: all its sizes */
    char q[256];
    snprintf(q, sizeof q, "{\"chat_id\":1002,\"photo\":\"%s\"}", fid);
    d = bot(&e, "sendPhoto", q, &st);
    CHECK_EQ_INT(st, 200);
    CHECK_EQ_INT(tp_json_size(J(tp_json_root(d), "result.photo")), 4);
    tp_json_doc_free(d);
    /* JPEG and GIF sizes from their headers */
    static const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                                        0xFF, 0xC0, 0, 17, 8, 0x01, 0xE0, 0x02, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9};
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1001&chat_id=-1000&kind=photo&filename=a.jpg", "Content-Type: image/jpeg\r\n",
                      (const char *)jpg, sizeof jpg, &r), 200);
    resp_free(&r);
    u = next_update(&e, &ud);
    ph = J(u, "message.photo");
    CHECK_EQ_INT(tp_json_size(ph), 3); /* 640x480: 90, 320, 640 */
    CHECK_EQ_INT(JI(ph, "2.width"), 640);
    CHECK_EQ_INT(JI(ph, "2.height"), 480);
    CHECK_EQ_INT(JI(ph, "1.height"), 240);
    tp_json_doc_free(ud);
    static const char gif[] = "GIF89a\x40\x00\x20\x00\x80\x00\x00";
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1001&chat_id=1001&kind=photo&filename=g.gif", NULL, gif, sizeof gif - 1, &r), 200);
    resp_free(&r);
    u = next_update(&e, &ud);
    CHECK_EQ_INT(tp_json_size(J(u, "message.photo")), 1);
    CHECK_EQ_INT(JI(u, "message.photo.0.width"), 64);
    CHECK_EQ_INT(JI(u, "message.photo.0.height"), 32);
    tp_json_doc_free(ud);
    /* a document keeps its name and type */
    static const char txt[] = "hello, file\n\0with a NUL";
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1003&chat_id=1003&kind=document&filename=notes%20v2.txt",
                      "Content-Type: text/plain\r\n", txt, sizeof txt, &r), 200);
    d = tp_json_parse(r.body, r.len, NULL);
    snprintf(fid, sizeof fid, "%s", JS(tp_json_root(d), "file_id") ? JS(tp_json_root(d), "file_id") : "");
    tp_json_doc_free(d);
    resp_free(&r);
    u = next_update(&e, &ud);
    CHECK_STR(JS(u, "message.document.file_name"), "notes v2.txt");
    CHECK_STR(JS(u, "message.document.mime_type"), "text/plain");
    CHECK_EQ_INT(JI(u, "message.document.file_size"), (int64_t)sizeof txt);
    CHECK_STR(JS(u, "message.document.file_id"), fid);
    CHECK(download_is(&e, fid, (const unsigned char *)txt, sizeof txt));
    tp_json_doc_free(ud);
    /* refused: not an image, empty, unknown user, bad kind */
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1001&chat_id=1001&kind=photo&filename=x.png", NULL, "not an image", 12, &r), 400);
    CHECK(strstr(r.body, "not a PNG, JPEG or GIF") != NULL);
    resp_free(&r);
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1001&chat_id=1001&kind=document&filename=x", NULL, "", 0, &r), 400);
    resp_free(&r);
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=9&chat_id=1001&kind=document", NULL, "x", 1, &r), 400);
    resp_free(&r);
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1001&chat_id=1001&kind=video", NULL, "x", 1, &r), 400);
    resp_free(&r);
    free(png);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 6. the event stream: replay, Last-Event-ID, two clients live ---- */
TEST(events_replay_and_live) {
    emu e;
    int st;
    tp_json_doc *d;
    int64_t id;
    char q[128];
    CHECK(emu_run(&e, NULL));
    for (int i = 1; i <= 5; i++) {
        snprintf(q, sizeof q, "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"m%d\"}", i);
        tp_json_doc_free(post_json(e.web, "/api/send", q, &st));
        CHECK_EQ_INT(st, 200);
    }
    sse a, b, c;
    CHECK(sse_open(&a, e.web, "?since=0", NULL, 0));
    CHECK(sse_open(&b, e.web, "?since=3", NULL, 0));
    CHECK(sse_open(&c, e.web, NULL, "4", 0)); /* a browser reconnecting */
    for (int i = 1; i <= 5; i++) {
        char *ev = sse_next(&a, 5000, &id);
        CHECK(ev != NULL);
        CHECK_EQ_INT(id, i);
        snprintf(q, sizeof q, "\"text\":\"m%d\"", i);
        CHECK(ev && strstr(ev, q) != NULL);
        free(ev);
    }
    char *ev = sse_next(&b, 5000, &id);
    CHECK_EQ_INT(id, 4);
    free(ev);
    ev = sse_next(&c, 5000, &id);
    CHECK_EQ_INT(id, 5);
    free(ev);
    ev = sse_next(&b, 5000, &id);
    CHECK_EQ_INT(id, 5);
    free(ev);
    /* nothing more is pending, then one event reaches all three */
    CHECK(sse_next(&a, 200, NULL) == NULL);
    tp_json_doc_free(post_json(e.web, "/api/send", "{\"user_id\":1002,\"chat_id\":1002,\"text\":\"live\"}", &st));
    sse *all[3] = {&a, &b, &c};
    for (int k = 0; k < 3; k++) {
        ev = sse_next(all[k], 5000, &id);
        CHECK_EQ_INT(id, 6);
        CHECK(ev && strstr(ev, "\"text\":\"live\"") != NULL);
        free(ev);
    }
    /* since beyond the end: only what comes next */
    sse f;
    CHECK(sse_open(&f, e.web, "?since=999", NULL, 0));
    CHECK(sse_next(&f, 300, NULL) == NULL);
    tp_json_doc_free(post_json(e.web, "/api/send", "{\"user_id\":1002,\"chat_id\":1002,\"text\":\"seven\"}", &st));
    ev = sse_next(&f, 5000, &id);
    CHECK_EQ_INT(id, 7);
    free(ev);
    d = get_json(e.web, "/api/state", &st);
    CHECK_EQ_INT(JI(tp_json_root(d), "seq"), 7);
    tp_json_doc_free(d);
    /* a bad since */
    resp r;
    CHECK_EQ_INT(http(e.web, "GET", "/api/events?since=x", NULL, NULL, 0, &r), 400);
    resp_free(&r);
    sse_close(&a);
    sse_close(&b);
    sse_close(&c);
    sse_close(&f);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 7. hostile input ---- */
TEST(hostile) {
    emu e;
    int st;
    resp r;
    CHECK(emu_run(&e, NULL));
    static const char *const bad[] = {
        "", "{", "[1,2]", "nul", "{\"user_id\":1001}", "{\"user_id\":1001,\"chat_id\":1001}",
        "{\"user_id\":42,\"chat_id\":1001,\"text\":\"x\"}", "{\"user_id\":1001,\"chat_id\":5,\"text\":\"x\"}",
        "{\"user_id\":1002,\"chat_id\":1001,\"text\":\"not my chat\"}", "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"\"}",
        "{\"user_id\":\"abc\",\"chat_id\":1001,\"text\":\"x\"}", "{\"user_id\":1001,\"chat_id\":1001,\"text\":7}",
        "{\"user_id\":1001,\"chat_id\":1001,\"location\":{\"latitude\":91,\"longitude\":0}}",
        "{\"user_id\":1001,\"chat_id\":1001,\"location\":\"here\"}", "{\"user_id\":1001,\"chat_id\":1001,\"dice\":\"x\"}",
        "{\"user_id\":1001,\"chat_id\":1001,\"callback\":{\"message_id\":99999,\"data\":\"x\"}}",
        "{\"user_id\":1001,\"chat_id\":1001,\"chosen_inline_result\":{\"query_id\":\"1\",\"result_id\":\"x\"}}",
        "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"x\",\"reply_to_message_id\":424242}",
        "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"\xff\xfe\"}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ_INT(http(e.web, "POST", "/api/send", "Content-Type: application/json\r\n", bad[i], strlen(bad[i]), &r), 400);
        tp_json_doc *d = r.body ? tp_json_parse(r.body, r.len, NULL) : NULL;
        CHECK(d && !tp_json_get_bool(tp_json_root(d), "ok") && JS(tp_json_root(d), "description"));
        tp_json_doc_free(d);
        resp_free(&r);
    }
    CHECK_EQ_INT(http(e.web, "GET", "/api/nothing", NULL, NULL, 0, &r), 404);
    resp_free(&r);
    CHECK_EQ_INT(http(e.web, "DELETE", "/api/send", NULL, NULL, 0, &r), 405);
    resp_free(&r);
    /* a body over the limit: refused from its Content-Length alone */
    int fd = dial(e.web);
    static const char huge[] = "POST /api/upload?user_id=1001&chat_id=1001&kind=document HTTP/1.1\r\nContent-Length: 70000000\r\n\r\n";
    send_all(fd, huge, sizeof huge - 1);
    char buf[512] = "";
    struct pollfd p;
    p.fd = fd;
    p.events = POLLIN;
    CHECK(poll(&p, 1, 5000) == 1 && recv(fd, buf, sizeof buf - 1, 0) > 0);
    CHECK(strncmp(buf, "HTTP/1.1 413", 12) == 0);
    close(fd);
    /* an upload over 50 MB that is sent whole */
    size_t big = (size_t)51 * 1024 * 1024;
    char *blob = (char *)calloc(big, 1);
    CHECK_EQ_INT(http(e.web, "POST", "/api/upload?user_id=1001&chat_id=1001&kind=document&filename=big", NULL, blob, big, &r), 413);
    resp_free(&r);
    free(blob);
    /* garbage, a header that never ends, a request cut in the middle */
    fd = dial(e.web);
    send_all(fd, "\x01\x02 nonsense\r\n\r\n", 15);
    memset(buf, 0, sizeof buf);
    CHECK(poll(&p, 1, 5000) >= 0);
    p.fd = fd;
    CHECK(poll(&p, 1, 5000) == 1 && recv(fd, buf, sizeof buf - 1, 0) > 0 && strncmp(buf, "HTTP/1.1 400", 12) == 0);
    close(fd);
    int cut = dial(e.web);
    send_all(cut, "POST /api/send HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"user", 55);
    char *longhdr = (char *)malloc(40000);
    memset(longhdr, 'a', 40000);
    fd = dial(e.web);
    send_all(fd, "GET / HTTP/1.1\r\nX: ", 19);
    send_all(fd, longhdr, 40000);
    p.fd = fd;
    memset(buf, 0, sizeof buf);
    CHECK(poll(&p, 1, 5000) == 1 && recv(fd, buf, sizeof buf - 1, 0) > 0 && strncmp(buf, "HTTP/1.1 431", 12) == 0);
    close(fd);
    free(longhdr);
    /* still serving, with the cut request hanging */
    tp_json_doc *d = get_json(e.web, "/api/state", &st);
    CHECK_EQ_INT(st, 200);
    tp_json_doc_free(d);
    d = post_json(e.web, "/api/send", "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"fine\"}", &st);
    CHECK_EQ_INT(st, 200);
    tp_json_doc_free(d);
    close(cut);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 8. a client that never reads blocks nobody, and is dropped when it falls out ---- */
TEST(stalled_client) {
    const char *args[] = {"--web-log", "100", NULL};
    emu e;
    int st;
    sse stalled, live;
    CHECK(emu_run(&e, args));
    CHECK(sse_open(&stalled, e.web, NULL, NULL, 4096));
    CHECK(sse_open(&live, e.web, NULL, NULL, 0));
    char *text = (char *)malloc(4100), *q = (char *)malloc(4300);
    memset(text, 'x', 4000);
    text[4000] = 0;
    int got = 0, in_order = 1, n = 2500; /* 10 MB: more than the kernel's socket buffers hold */
    int64_t id, want = 1;
    double t0 = now_ms(), worst = 0;
    for (int i = 0; i < n; i++) {
        snprintf(q, 4300, "{\"chat_id\":1001,\"text\":\"%d %.4000s\"}", i, text);
        double t = now_ms();
        tp_json_doc_free(bot(&e, "sendMessage", q, &st));
        if (now_ms() - t > worst) worst = now_ms() - t;
        if (st != 200) break;
        char *ev;
        while ((ev = sse_next(&live, 0, &id)) != NULL) { /* keep up, without waiting */
            if (id != want++) in_order = 0;
            got++;
            free(ev);
        }
    }
    char *ev;
    while (got < n && (ev = sse_next(&live, 5000, &id)) != NULL) {
        if (id != want++) in_order = 0;
        got++;
        free(ev);
    }
    printf("stalled client: %d messages of 4 KB sent in %.0f ms (slowest call %.0f ms); the live client got %d\n",
           n, now_ms() - t0, worst, got);
    CHECK_EQ_INT(got, n);
    CHECK(in_order);
    /* the stalled one was dropped: what it has buffered, then the end */
    double end = now_ms() + 20000;
    int events = 0;
    while (now_ms() < end && (ev = sse_next(&stalled, 5000, &id)) != NULL) { events++; free(ev); }
    CHECK(stalled.eof);
    CHECK(events < n);
    printf("stalled client: read %d events, then its connection ended\n", events);
    tp_json_doc *d = get_json(e.web, "/api/state", &st);
    CHECK_EQ_INT(st, 200);
    CHECK_EQ_INT(JI(tp_json_root(d), "first_seq"), n - 100 + 1);
    tp_json_doc_free(d);
    /* a late client gets what the log still holds */
    sse late;
    CHECK(sse_open(&late, e.web, "?since=0", NULL, 0));
    ev = sse_next(&late, 5000, &id);
    CHECK_EQ_INT(id, n - 100 + 1);
    free(ev);
    sse_close(&late);
    sse_close(&stalled);
    sse_close(&live);
    free(text);
    free(q);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 9. without --web-port nothing of it exists ---- */
TEST(off_without_flags) {
    char dir[] = "/tmp/tpt-chat0.XXXXXX", pf[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(pf, sizeof pf, "%s/port", dir);
    pid_t pid = fork();
    if (pid == 0) {
        execl("build/tpemu", "tpemu", "--port-file", pf, "--quiet", "--max-secs", "30", (char *)NULL);
        _exit(127);
    }
    int port = 0;
    for (int i = 0; i < 500 && !port; i++) { msleep(10); port = read_port(pf); }
    emu e;
    memset(&e, 0, sizeof e);
    e.pid = pid;
    e.port = port;
    int st;
    /* 1001 is no cast member: a made-up private chat; the schema sample for editMessageCaption */
    tp_json_doc *d = bot(&e, "sendMessage", "{\"chat_id\":1001,\"text\":\"x\"}", &st);
    CHECK_STR(JS(tp_json_root(d), "result.chat.first_name"), "User 1001");
    tp_json_doc_free(d);
    d = bot(&e, "editMessageCaption", "{\"chat_id\":1001,\"message_id\":1,\"caption\":\"x\"}", &st);
    CHECK_EQ_INT(st, 200);
    tp_json_doc_free(d);
    unlink(pf);
    rmdir(dir);
    CHECK_EQ_INT(emu_end(&e), 0);
    /* options that do not go together */
    static const char *const bad[][4] = {{"--chat", "--updates", "5", NULL}, {"--chat", "--script", "/dev/null", NULL},
                                         {"--web-port-file", "/tmp/x", NULL, NULL}, {"--web-port", "70000", NULL, NULL},
                                         {"--web-log", "1", NULL, NULL}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int ws = 0;
        pid = fork();
        if (pid == 0) {
            if (!freopen("/dev/null", "w", stderr)) _exit(126);
            execl("build/tpemu", "tpemu", bad[i][0], bad[i][1], bad[i][2], bad[i][3], (char *)NULL);
            _exit(127);
        }
        waitpid(pid, &ws, 0);
        CHECK_EQ_INT(WIFEXITED(ws) ? WEXITSTATUS(ws) : -1, 2);
    }
}

/* ---- 10. what a review found: each rule as Telegram (or a shared tpemu) has it ---- */
TEST(review_rules) {
    emu e;
    int st;
    char q[1024];
    tp_json_doc *d, *ud, *ed;
    const tp_json *u, *ev;
    sse s;
    CHECK(emu_run(&e, NULL));
    CHECK(sse_open(&s, e.web, "", NULL, 0));
    /* a press is checked against the message's buttons: data it does not have, a user's message */
    d = bot(&e, "sendMessage", "{\"chat_id\":1001,\"text\":\"Pick\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Red\",\"callback_data\":\"red\"}]]}}", &st);
    int64_t kbmid = JI(tp_json_root(d), "result.message_id");
    tp_json_doc_free(d);
    snprintf(q, sizeof q, "{\"user_id\":1001,\"chat_id\":1001,\"callback\":{\"message_id\":%lld,\"data\":\"forged\"}}", (long long)kbmid);
    tp_json_doc_free(post_json(e.web, "/api/send", q, &st));
    CHECK_EQ_INT(st, 400);
    d = post_json(e.web, "/api/send", "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"mine\"}", &st);
    int64_t umid = JI(tp_json_root(d), "message_id");
    tp_json_doc_free(d);
    snprintf(q, sizeof q, "{\"user_id\":1001,\"chat_id\":1001,\"callback\":{\"message_id\":%lld,\"data\":\"red\"}}", (long long)umid);
    tp_json_doc_free(post_json(e.web, "/api/send", q, &st));
    CHECK_EQ_INT(st, 400);
    snprintf(q, sizeof q, "{\"user_id\":1001,\"chat_id\":1001,\"callback\":{\"message_id\":%lld,\"data\":\"red\"}}", (long long)kbmid);
    tp_json_doc_free(post_json(e.web, "/api/send", q, &st));
    CHECK_EQ_INT(st, 200);
    u = next_update(&e, &ud); /* "mine", then the one press that was real */
    CHECK_STR(JS(u, "message.text"), "mine");
    tp_json_doc_free(ud);
    u = next_update(&e, &ud);
    CHECK_STR(JS(u, "callback_query.data"), "red");
    tp_json_doc_free(ud);
    /* an inline result is chosen by the user who asked, in the chat asked in; a result whose text
       does not parse is refused before the bot hears of the choice */
    d = post_json(e.web, "/api/send", "{\"user_id\":1002,\"chat_id\":-1000,\"inline_query\":\"q\"}", &st);
    char qid[64];
    snprintf(qid, sizeof qid, "%s", JS(tp_json_root(d), "query_id") ? JS(tp_json_root(d), "query_id") : "");
    tp_json_doc_free(d);
    tp_json_doc_free((next_update(&e, &ud), ud));
    snprintf(q, sizeof q, "{\"inline_query_id\":\"%s\",\"results\":[{\"type\":\"article\",\"id\":\"bad\",\"title\":\"B\","
             "\"input_message_content\":{\"message_text\":\"<b>open\",\"parse_mode\":\"HTML\"}},{\"type\":\"article\",\"id\":\"ok\","
             "\"title\":\"O\",\"input_message_content\":{\"message_text\":\"fine\"}}]}", qid);
    tp_json_doc_free(bot(&e, "answerInlineQuery", q, &st));
    CHECK_EQ_INT(st, 200);
    static const struct { int64_t user, chat; const char *rid; } picks[] = {
        {1002, -1000, "bad"}, {1001, -1000, "ok"}, {1002, 1002, "ok"}, {1002, -1000, "ok"}};
    for (size_t i = 0; i < sizeof picks / sizeof picks[0]; i++) { /* the last one is right */
        snprintf(q, sizeof q, "{\"user_id\":%lld,\"chat_id\":%lld,\"chosen_inline_result\":{\"query_id\":\"%s\",\"result_id\":\"%s\"}}",
                 (long long)picks[i].user, (long long)picks[i].chat, qid, picks[i].rid);
        tp_json_doc_free(post_json(e.web, "/api/send", q, &st));
        CHECK_EQ_INT(st, i + 1 < sizeof picks / sizeof picks[0] ? 400 : 200);
    }
    u = next_update(&e, &ud); /* no chosen_inline_result for the refused picks */
    CHECK_STR(JS(u, "chosen_inline_result.result_id"), "ok");
    CHECK_EQ_INT(JI(u, "chosen_inline_result.from.id"), 1002);
    tp_json_doc_free(ud);
    /* deleteMessages in a chat names only the messages that were there */
    snprintf(q, sizeof q, "{\"chat_id\":1002,\"message_ids\":[%lld]}", (long long)kbmid);
    tp_json_doc_free(bot(&e, "deleteMessages", q, &st));
    snprintf(q, sizeof q, "{\"chat_id\":1001,\"message_ids\":[%lld]}", (long long)kbmid);
    tp_json_doc_free(bot(&e, "deleteMessages", q, &st));
    ev = sse_want(&s, "delete", &ed, NULL);
    CHECK_EQ_INT(JI(ev, "chat_id"), 1001);
    CHECK_EQ_INT(JI(ev, "message_ids.0"), kbmid);
    tp_json_doc_free(ed);
    /* a text with U+0000 is refused, not cut short */
    tp_json_doc_free(post_json(e.web, "/api/send", "{\"user_id\":1001,\"chat_id\":1001,\"text\":\"a\\u0000b\"}", &st));
    CHECK_EQ_INT(st, 400);
    sse_close(&s);
    CHECK_EQ_INT(emu_end(&e), 0);
}

/* ---- 11. the web port's share: connections there never starve the Bot API ---- */
TEST(web_share) {
    emu e;
    int st, fds[250];
    size_t n = 0;
    emu_nofile = 200; /* the web port may have (200 - 64) / 2 = 68 of them; 250 would take all */
    CHECK(emu_run(&e, NULL));
    emu_nofile = 0;
    for (n = 0; n < sizeof fds / sizeof fds[0]; n++)
        if ((fds[n] = dial(e.web)) < 0) break;
    CHECK_EQ_INT(n, sizeof fds / sizeof fds[0]);
    /* tpemu has taken what it takes once the last one is closed (its share is full), or after
       a while: only then the Bot API is asked (else it might win the race for the fds) */
    struct pollfd pl;
    pl.fd = n ? fds[n - 1] : -1;
    pl.events = POLLIN;
    poll(&pl, 1, 5000);
    tp_json_doc *d = bot(&e, "getMe", "{}", &st);
    CHECK_EQ_INT(st, 200);
    CHECK(tp_json_get_bool(tp_json_root(d), "ok"));
    tp_json_doc_free(d);
    for (size_t i = 0; i < n; i++) close(fds[i]);
    /* once they are gone the page is served again */
    st = 0;
    for (int i = 0; i < 100 && st != 200; i++) {
        tp_json_doc_free(get_json(e.web, "/api/state", &st));
        if (st != 200) msleep(50);
    }
    CHECK_EQ_INT(st, 200);
    CHECK_EQ_INT(emu_end(&e), 0);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(state_and_page)) RUN(state_and_page);
    if (PICK(send_actions)) RUN(send_actions);
    if (PICK(parse_modes)) RUN(parse_modes);
    if (PICK(parse_random)) RUN(parse_random);
    if (PICK(bot_events)) RUN(bot_events);
    if (PICK(uploads)) RUN(uploads);
    if (PICK(events_replay_and_live)) RUN(events_replay_and_live);
    if (PICK(hostile)) RUN(hostile);
    if (PICK(stalled_client)) RUN(stalled_client);
    if (PICK(off_without_flags)) RUN(off_without_flags);
    if (PICK(review_rules)) RUN(review_rules);
    if (PICK(web_share)) RUN(web_share);
    TEST_END();
}

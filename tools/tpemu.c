/* tpemu - a Telegram Bot API emulator on loopback, for testing bots offline.

   Build:  cc -std=c99 -O2 tools/tpemu.c -o build/tpemu
   Run:    build/tpemu --port-file /tmp/port --script tools/demo.txt &
           TELEPOT_API_URL=http://127.0.0.1:$(cat /tmp/port) build/echo 123456:TEST

   One thread, one poll() loop, non-blocking sockets. It speaks HTTP/1.1 (keep-alive,
   pipelining, chunked and Content-Length bodies, query/form/JSON/multipart parameters), answers
   the Bot API like api.telegram.org does (ok/result envelopes, error_code + description,
   retry_after, migrate_to_chat_id), plays users from a script or a load generator, records the
   calls it receives, injects faults, simulates API latency (--latency MS: answers held in a
   per-connection queue with release times, never by sleeping), enforces Telegram's flood limits
   on request (--limits: 30 messages a second overall, 1 a second per private chat, 20 a minute
   per group, answered 429 with retry_after), and can push updates to a webhook.
   `tpemu --help` is the manual. It reads and writes JSON with telepot.h's own reader and writer. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/sockios.h> /* SIOCOUTQNSD */
#endif

/* >>limits --------------------------------------------------------------------------------- */
#define HDR_MAX ((size_t)16 * 1024)          /* request line + headers */
#define BODY_MAX ((size_t)64 * 1024 * 1024)  /* decoded request body */
#define RAW_MAX (BODY_MAX + BODY_MAX / 8 + HDR_MAX) /* bytes buffered per connection */
#define UPLOAD_MAX ((size_t)50 * 1024 * 1024) /* one file, like Telegram's 50 MB */
#define CONNS_MAX 4096
#define CALLS_MAX 100000                     /* recorded calls kept for /_emu/calls */
#define UPDATE_BASE 100000000LL
#define BIG_ID 9007199254740993LL            /* 2^53 + 1: not representable as a double */
#define GEN_CHATS 1000

/* >>util ----------------------------------------------------------------------------------- */
static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) { fputs("tpemu: out of memory\n", stderr); exit(3); }
    return p;
}
static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) { fputs("tpemu: out of memory\n", stderr); exit(3); }
    return q;
}
static char *xstrndup(const char *s, size_t n) {
    char *p = (char *)xmalloc(n + 1);
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}
static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

#define VEC_GROW(ptr, len, cap)                                                       \
    do {                                                                              \
        if ((len) >= (cap)) {                                                         \
            size_t nc_ = (cap) ? (cap) * 2 : 16;                                      \
            (ptr) = xrealloc((ptr), nc_ * sizeof *(ptr));                             \
            (cap) = nc_;                                                              \
        }                                                                             \
    } while (0)

static int64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + (int64_t)(ts.tv_nsec / 1000);
}
static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + (int64_t)(ts.tv_nsec / 1000000);
}
static double now_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* splitmix64: small, seedable, good enough for fault rates and dice */
static uint64_t rng_state = 1;
static uint64_t rng_next(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static double rng_unit(void) { return (double)(rng_next() >> 11) / 9007199254740992.0; }

static const char *memfind(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn == 0) return h;
    while (hn >= nn) {
        const char *p = (const char *)memchr(h, n[0], hn - nn + 1);
        if (!p) return NULL;
        if (memcmp(p, n, nn) == 0) return p;
        hn -= (size_t)(p - h) + 1;
        h = p + 1;
    }
    return NULL;
}

static bool parse_i64(const char *s, int64_t *out) {
    char *end;
    long long v;
    if (!s) return false;
    while (*s == ' ' || *s == '\t') s++;
    if (!*s) return false;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || end == s) return false;
    while (*end == ' ' || *end == '\t') end++;
    if (*end) return false;
    *out = (int64_t)v;
    return true;
}

static bool utf8_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        unsigned c = *p;
        size_t k;
        unsigned cp;
        if (c < 0x80) { p++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { k = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; }
        else return false;
        if ((size_t)(e - p) <= k) return false;
        for (size_t i = 1; i <= k; i++) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += k + 1;
    }
    return true;
}

/* UTF-16 code units of a UTF-8 string (how Telegram measures texts and entity offsets) */
static size_t utf16_len(const char *s, size_t n) {
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) units += (c >= 0xF0) ? 2 : 1;
    }
    return units;
}

/* copy at most cap-1 bytes, cutting only at a UTF-8 character boundary */
static void copy_utf8(char *dst, size_t cap, const char *src) {
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80) n--;
    }
    memcpy(dst, src, n);
    dst[n] = 0;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* percent-decoding; plus_space for application/x-www-form-urlencoded and query strings */
static char *url_decode(const char *s, size_t n, bool plus_space, size_t *outlen) {
    char *o = (char *)xmalloc(n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        int h, l;
        if (s[i] == '%' && i + 2 < n && (h = hexval((unsigned char)s[i + 1])) >= 0 &&
            (l = hexval((unsigned char)s[i + 2])) >= 0) {
            o[j++] = (char)(h * 16 + l);
            i += 2;
        } else if (s[i] == '+' && plus_space) {
            o[j++] = ' ';
        } else {
            o[j++] = s[i];
        }
    }
    o[j] = 0;
    if (outlen) *outlen = j;
    return o;
}

static const char *skip_ws(const char *s) {
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    return s;
}

/* >>input buffer (the library's tp_buf has no "read into spare room" call; this does) ------- */
typedef struct ibuf {
    char *p;
    size_t len, cap;
} ibuf;

static void ibuf_reserve(ibuf *b, size_t extra) {
    if (b->cap - b->len >= extra) return;
    size_t nc = b->cap ? b->cap : 4096;
    while (nc - b->len < extra) nc *= 2;
    b->p = (char *)xrealloc(b->p, nc);
    b->cap = nc;
}
static void ibuf_free(ibuf *b) {
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* >>faults ---------------------------------------------------------------------------------- */
enum { FK_NONE, FK_CODE, FK_HTML, FK_RESET, FK_SLOW, FK_TRUNCATE, FK_STALL, FK_CLOSE, FK_RST_AFTER,
       FK_CLOSE_AFTER };
enum { FM_ONCE, FM_RATE, FM_NTH };

typedef struct fault {
    int kind;
    int code;        /* FK_CODE/FK_HTML: HTTP status */
    int64_t arg;     /* 429: retry_after seconds (0: no "parameters"); slow: milliseconds */
    int mode;
    double p;        /* FM_RATE */
    int64_t k;       /* FM_NTH, 1-based among matching requests */
    int64_t seen;    /* matching requests so far */
    char method[64]; /* empty = every method */
    char spec[128];  /* as given, for logs and /_emu/calls */
} fault;

static bool fault_parse(const char *spec, fault *f, char *why, size_t whylen) {
    const char *s = skip_ws(spec);
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    memset(f, 0, sizeof *f);
    if (n == 0 || n >= sizeof f->spec) { snprintf(why, whylen, "empty or too long fault spec"); return false; }
    memcpy(f->spec, s, n);
    f->spec[n] = 0;
    char base[64];
    size_t bl = strcspn(f->spec, "@#/");
    if (bl >= sizeof base) { snprintf(why, whylen, "bad fault spec '%s'", f->spec); return false; }
    memcpy(base, f->spec, bl);
    base[bl] = 0;
    char *colon = strchr(base, ':');
    int64_t arg = -1;
    if (colon) {
        *colon = 0;
        if (!parse_i64(colon + 1, &arg) || arg < 0) {
            snprintf(why, whylen, "bad number in fault spec '%s'", f->spec);
            return false;
        }
    }
    if (!strcmp(base, "reset")) f->kind = FK_RESET;
    else if (!strcmp(base, "slow")) { f->kind = FK_SLOW; f->arg = arg < 0 ? 1000 : arg; }
    else if (!strcmp(base, "truncate")) f->kind = FK_TRUNCATE;
    else if (!strcmp(base, "stall")) f->kind = FK_STALL;
    else if (!strcmp(base, "close")) f->kind = FK_CLOSE;
    else if (!strcmp(base, "rst-after")) f->kind = FK_RST_AFTER;
    else if (!strcmp(base, "close-after")) f->kind = FK_CLOSE_AFTER;
    else {
        int64_t code;
        if (!parse_i64(base, &code) || code < 400 || code > 599) {
            snprintf(why, whylen, "unknown fault '%.48s' (429:N, 500, 502, reset, slow:MS, truncate, stall, close, rst-after, close-after)", base);
            return false;
        }
        f->code = (int)code;
        f->kind = (code == 502 || code == 503 || code == 504) ? FK_HTML : FK_CODE;
        f->arg = code == 429 ? (arg < 0 ? 1 : arg) : 0;
    }
    if ((colon && f->kind != FK_SLOW && f->code != 429)) {
        snprintf(why, whylen, "fault '%s' takes no ':' argument", base);
        return false;
    }
    f->mode = FM_ONCE;
    const char *q = f->spec + bl;
    while (*q) {
        char c = *q++;
        size_t m = strcspn(q, "@#/");
        char tmp[64];
        if (m >= sizeof tmp) { snprintf(why, whylen, "bad fault spec '%s'", f->spec); return false; }
        memcpy(tmp, q, m);
        tmp[m] = 0;
        q += m;
        if (c == '@') {
            char *end;
            double p = strtod(tmp, &end);
            if (end == tmp || *end || !(p >= 0.0 && p <= 1.0)) {
                snprintf(why, whylen, "bad rate '@%s' (0..1)", tmp);
                return false;
            }
            f->mode = FM_RATE;
            f->p = p;
        } else if (c == '#') {
            int64_t k;
            if (!parse_i64(tmp, &k) || k < 1) { snprintf(why, whylen, "bad count '#%s'", tmp); return false; }
            f->mode = FM_NTH;
            f->k = k;
        } else {
            if (!m) { snprintf(why, whylen, "empty method in '%s'", f->spec); return false; }
            memcpy(f->method, tmp, m + 1);
        }
    }
    return true;
}

/* >>state ----------------------------------------------------------------------------------- */
typedef struct chatrec {
    int64_t id;
    char type[16];       /* private, group, supergroup, channel */
    char title[64];      /* groups and channels */
    char username[48];   /* of the chat (private: the user's) */
    int64_t user_id;     /* who writes in this chat */
    char first[64], last[64], uname[48];
} chatrec;

typedef struct upd {
    int64_t id;
    char *json;     /* the whole Update; NULL: generated from `gen` (--updates) */
    int32_t gen;
    uint8_t state;  /* 0 pending, 1 being pushed to the webhook, 2 done */
    uint8_t dups;   /* --webhook-dup: extra deliveries made after a 2xx */
} upd;

typedef struct botmsg {
    int64_t id, chat_id;
    char *text;
    char *markup;   /* inline keyboard JSON as sent, or NULL */
    bool deleted;
} botmsg;

typedef struct stfile {
    char id[80], uniq[24], path[96];
    char *data;
    size_t size;
    char *filename, *ctype;
    const char *kind;
    int width, height;
} stfile;

typedef struct param {
    char *name;
    char *val;          /* decoded text; for files, the bytes */
    size_t len;
    bool is_file;
    char *filename, *ctype;
    const tp_json *jv;  /* the JSON value when the body was JSON */
} param;

typedef struct req {
    char verb[16];
    char *path;         /* percent-decoded, without the query */
    char *query;        /* raw, NULL if none */
    char ctype[256];
    const char *body;
    size_t body_len;
    char *chunked;      /* decoded chunked body (owned) */
    bool keep_alive;
    bool expect_continue;
    char secret[300];   /* X-Telegram-Bot-Api-Secret-Token (unused by the server side) */
    param *params;
    size_t nparams, capparams;
    tp_json_doc *doc;
    const char *encoding;
} req;

enum { CK_SERVER, CK_HOOK };
enum { CS_READ, CS_HELD, CS_STALL };
enum { HS_CONNECTING, HS_BUSY, HS_IDLE };

/* --latency: an answer kept back until `at`; a connection's answers leave in request order */
typedef struct held {
    int64_t at;
    tp_buf bytes;
} held;

typedef struct conn {
    int fd;
    int kind;
    int state;
    bool dead;
    bool close_after;    /* close once `out` (and every held answer) is written */
    bool peer_eof;
    bool continue_sent;
    bool keep_alive;     /* of the request being answered */
    ibuf in;
    size_t in_off;
    tp_buf out;
    size_t out_off;
    int64_t send_after;  /* slow fault: keep the answer until then */
    int resp_fault;      /* FK_TRUNCATE: applies to the next answer */
    int after_answer;    /* FK_RST_AFTER/FK_CLOSE_AFTER: close once the next answer is written */
    bool close_rst;      /* the close of close_after is an RST (rst-after) */
    int64_t rst_check_at, rst_give_up; /* rst-after: answer bytes still unsent, look again then */
    int64_t lat_due;     /* --latency: when the answer being built is due (0: at once) */
    held *lq;            /* --latency: answers not due yet, in request order, [lq_head, lq_len) */
    size_t lq_head, lq_len, lq_cap;
    int64_t hold_deadline;
    int hold_limit;
    /* webhook client side */
    int hstate;
    int64_t hook_upd;    /* update id in flight, 0 if none */
    int64_t hook_deadline;
} conn;

typedef struct user_t {
    char name[64];
    chatrec chat;
} user_t;

enum { SL_TEXT, SL_INLINE, SL_CALLBACK };
typedef struct sline {
    int user;
    int kind;
    char *text;
} sline;

enum { SS_IDLE, SS_WAIT, SS_SETTLE, SS_DONE };

static struct emu {
    /* options */
    int port;
    const char *port_file;
    char token[256];
    int64_t bot_id;
    const char *script_path;
    long long n_updates;
    bool webhook_mode;
    bool hook_shuffle;     /* --webhook-shuffle */
    double hook_dup;       /* --webhook-dup P */
    uint64_t st_hook_dups;
    bool quiet, verbose;
    int64_t reply_timeout_ms, settle_ms, max_secs;
    int64_t latency_ms, latency_jitter_ms; /* --latency, --latency-jitter */
    int64_t chats_opt;     /* --chats (0: up to GEN_CHATS) */
    uint64_t seed;
    /* runtime */
    int lfd;
    int sigpipe[2];
    volatile sig_atomic_t signalled;
    bool quit;
    int exit_code;
    int64_t t_end;
    conn **conns;
    size_t nconns, capconns;
    conn *poller;          /* the held getUpdates, if any */
    /* data */
    chatrec *chats;
    size_t nchats, capchats;
    upd *q;
    size_t qhead, qlen, qcap;
    size_t qdone;          /* entries in [qhead, qlen) with state 2 (webhook-confirmed) */
    int64_t next_update_id;
    int64_t next_msg_id;
    uint64_t next_query_id;
    botmsg *msgs;
    size_t nmsgs, capmsgs;
    stfile *files;
    size_t nfiles, capfiles;
    fault *faults;
    size_t nfaults, capfaults;
    char **calls;
    size_t ncalls, capcalls;
    uint64_t calls_dropped;
    char *commands;        /* setMyCommands, JSON array text */
    /* webhook */
    char hook_url[512];
    char hook_host[256];
    int hook_port;
    char hook_path[512];
    char hook_secret[300];
    int hook_maxconn;
    int64_t hook_backoff_until, hook_backoff_ms;
    int64_t hook_last_error_date;
    char hook_last_error[256];
    int hook_nconns;
    /* --updates bookkeeping */
    size_t gen_chats;
    unsigned char *reply_count;
    int64_t *chat_last;    /* per generated chat: the highest update index answered, -1 none */
    uint64_t replies, matched, duplicates, unexpected, order_violations;
    double t_first, t_last;
    /* stats */
    uint64_t st_requests, st_api, st_faults, st_conns_total, st_updates_total, st_hook_posts,
        st_hook_failures;
    uint64_t st_limited;   /* messages refused by --limits */
    uint64_t st_429;       /* 429 answers written, limits and faults */
    time_t start_date;
} E;

static struct script {
    bool active;
    bool from_stdin;
    bool eof;
    ibuf pend;            /* partial stdin line */
    int lineno;
    sline *lines;
    size_t nlines, caplines, next;
    user_t *users;
    size_t nusers, capusers;
    int state;
    int64_t cur_update, cur_chat;
    char cur_qid[32];
    int64_t enq_at, delivered_at, settle_until;
    int played, replied, noreply, botmsgs;
} S;

static void log_v(const char *fmt, ...) TP__PRINTF(1, 2);
static void log_v(const char *fmt, ...) {
    va_list ap;
    if (!E.verbose) return;
    va_start(ap, fmt);
    fputs("tpemu: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* >>chats ----------------------------------------------------------------------------------- */
/* Chats come from three places: the registry (script users, the demo channel, chats named by
   /_emu/update), the --updates generator (a pure function of the chat index), and synthesis for
   any other id a bot writes to (positive: a private chat, negative: a group). */
static void gen_chat(size_t c, chatrec *o) {
    static const char *const firsts[] = {"Zoë", "Алиса", "user", "José", "李雷", "Ørjan"};
    memset(o, 0, sizeof *o);
    if (c % 10 == 3) {
        o->id = -1001000000000LL - (int64_t)c;
        strcpy(o->type, "supergroup");
        snprintf(o->title, sizeof o->title, "Group %zu ✓", c);
        o->user_id = 200000 + (int64_t)c;
    } else {
        o->id = (c % 4 == 1) ? BIG_ID + 2 * (int64_t)c : 100000 + (int64_t)c;
        strcpy(o->type, "private");
        o->user_id = o->id;
        snprintf(o->username, sizeof o->username, "user%zu", c);
    }
    if (c % 6 == 2) snprintf(o->first, sizeof o->first, "user%zu", c);
    else snprintf(o->first, sizeof o->first, "%s", firsts[c % 6]);
    if (c % 5 == 0) strcpy(o->last, "Ünïcødé 🙂");
    snprintf(o->uname, sizeof o->uname, "user%zu", c);
}

static bool gen_chat_index(int64_t id, size_t *out) {
    size_t c;
    if (!E.gen_chats) return false;
    if (id >= 100000 && id < 100000 + (int64_t)E.gen_chats) c = (size_t)(id - 100000);
    else if (id >= BIG_ID && (id - BIG_ID) % 2 == 0 && (id - BIG_ID) / 2 < (int64_t)E.gen_chats)
        c = (size_t)((id - BIG_ID) / 2);
    else if (id <= -1001000000000LL && -1001000000000LL - id < (int64_t)E.gen_chats)
        c = (size_t)(-1001000000000LL - id);
    else return false;
    chatrec t;
    gen_chat(c, &t);
    if (t.id != id) return false;
    *out = c;
    return true;
}

static chatrec *registry_find(int64_t id) {
    for (size_t i = 0; i < E.nchats; i++)
        if (E.chats[i].id == id) return &E.chats[i];
    for (size_t i = 0; i < S.nusers; i++)
        if (S.users[i].chat.id == id) return &S.users[i].chat;
    return NULL;
}

static chatrec *registry_find_username(const char *name) {
    for (size_t i = 0; i < E.nchats; i++)
        if (E.chats[i].username[0] && !strcasecmp(E.chats[i].username, name)) return &E.chats[i];
    for (size_t i = 0; i < S.nusers; i++)
        if (S.users[i].chat.username[0] && !strcasecmp(S.users[i].chat.username, name))
            return &S.users[i].chat;
    return NULL;
}

static void chat_lookup(int64_t id, chatrec *o) {
    const chatrec *r = registry_find(id);
    size_t c;
    if (r) { *o = *r; return; }
    if (gen_chat_index(id, &c)) { gen_chat(c, o); return; }
    memset(o, 0, sizeof *o);
    o->id = id;
    if (id > 0) {
        strcpy(o->type, "private");
        o->user_id = id;
        snprintf(o->first, sizeof o->first, "User %lld", (long long)id);
    } else {
        strcpy(o->type, id <= -1000000000000LL ? "supergroup" : "group");
        snprintf(o->title, sizeof o->title, "Group %lld", (long long)id);
        o->user_id = 300000;
        strcpy(o->first, "Member");
    }
}

static chatrec *registry_add(const chatrec *c) {
    chatrec *r = registry_find(c->id);
    if (r) return r;
    VEC_GROW(E.chats, E.nchats, E.capchats);
    E.chats[E.nchats] = *c;
    return &E.chats[E.nchats++];
}

/* >>emit: Bot API objects ------------------------------------------------------------------- */
static void jk_str(tp_jw *w, const char *k, const char *v) { tp_jw_key(w, k); tp_jw_str(w, v); }
static void jk_int(tp_jw *w, const char *k, int64_t v) { tp_jw_key(w, k); tp_jw_int(w, v); }
static void jk_bool(tp_jw *w, const char *k, bool v) { tp_jw_key(w, k); tp_jw_bool(w, v); }

static void jw_bot_user(tp_jw *w) {
    tp_jw_obj(w);
    jk_int(w, "id", E.bot_id);
    jk_bool(w, "is_bot", true);
    jk_str(w, "first_name", "tpemu bot");
    jk_str(w, "username", "tpemu_bot");
    tp_jw_obj_end(w);
}

static void jw_user(tp_jw *w, const chatrec *c) {
    tp_jw_obj(w);
    jk_int(w, "id", c->user_id);
    jk_bool(w, "is_bot", false);
    jk_str(w, "first_name", c->first[0] ? c->first : "User");
    if (c->last[0]) jk_str(w, "last_name", c->last);
    if (c->uname[0]) jk_str(w, "username", c->uname);
    jk_str(w, "language_code", "en");
    tp_jw_obj_end(w);
}

static void jw_chat(tp_jw *w, const chatrec *c) {
    tp_jw_obj(w);
    jk_int(w, "id", c->id);
    if (!strcmp(c->type, "private")) {
        jk_str(w, "first_name", c->first[0] ? c->first : "User");
        if (c->last[0]) jk_str(w, "last_name", c->last);
    } else {
        jk_str(w, "title", c->title);
    }
    if (c->username[0]) jk_str(w, "username", c->username);
    jk_str(w, "type", c->type);
    tp_jw_obj_end(w);
}

/* the head of a Message: message_id, from, chat, date; the caller adds the content and closes */
static void jw_msg_head(tp_jw *w, int64_t mid, const chatrec *c, bool from_bot, int64_t date) {
    tp_jw_obj(w);
    jk_int(w, "message_id", mid);
    if (!strcmp(c->type, "channel")) {
        tp_jw_key(w, "sender_chat");
        jw_chat(w, c);
    } else {
        tp_jw_key(w, "from");
        if (from_bot) jw_bot_user(w);
        else jw_user(w, c);
    }
    tp_jw_key(w, "chat");
    jw_chat(w, c);
    jk_int(w, "date", date);
}

/* text plus a bot_command entity when the text starts with a command, like Telegram */
static void jw_text(tp_jw *w, const char *text) {
    jk_str(w, "text", text);
    if (text[0] == '/' && text[1] && !isspace((unsigned char)text[1])) {
        size_t n = strcspn(text, " \t\n");
        tp_jw_key(w, "entities");
        tp_jw_arr(w);
        tp_jw_obj(w);
        jk_int(w, "offset", 0);
        jk_int(w, "length", (int64_t)utf16_len(text, n));
        jk_str(w, "type", "bot_command");
        tp_jw_obj_end(w);
        tp_jw_arr_end(w);
    }
}

/* >>updates --------------------------------------------------------------------------------- */
static void gen_text(size_t i, char *buf, size_t cap) {
    if (i % 16 == 8) snprintf(buf, cap, "msg %zu 🙂 ok", i);
    else if (i % 4 == 0) snprintf(buf, cap, "msg %zu — héllo wörld ✓", i);
    else snprintf(buf, cap, "msg %zu", i);
}

static void gen_update(tp_jw *w, int64_t uid, size_t i) {
    chatrec c;
    char text[96];
    gen_chat(i % E.gen_chats, &c);
    gen_text(i, text, sizeof text);
    tp_jw_obj(w);
    jk_int(w, "update_id", uid);
    tp_jw_key(w, "message");
    jw_msg_head(w, (int64_t)i + 1, &c, false, (int64_t)E.start_date);
    jw_text(w, text);
    tp_jw_obj_end(w);
    tp_jw_obj_end(w);
}

static void emit_update(tp_jw *w, const upd *u) {
    if (u->json) tp_jw_raw(w, u->json);
    else gen_update(w, u->id, (size_t)u->gen);
}

static void poll_wake(void);
static void hook_kick(void);

/* takes ownership of json (NULL for generated ones) */
static int64_t enqueue_update(char *json, int32_t gen) {
    if (E.qlen == E.qcap && E.qhead > 0 && E.qhead >= E.qlen / 2) {
        memmove(E.q, E.q + E.qhead, (E.qlen - E.qhead) * sizeof *E.q);
        E.qlen -= E.qhead;
        E.qhead = 0;
    }
    VEC_GROW(E.q, E.qlen, E.qcap);
    upd *u = &E.q[E.qlen++];
    u->id = E.next_update_id++;
    u->json = json;
    u->gen = gen;
    u->state = 0;
    E.st_updates_total++;
    return u->id;
}

static void updates_changed(void) {
    poll_wake();
    hook_kick();
}

static void drop_head(void) {
    if (E.q[E.qhead].state == 2) E.qdone--;
    free(E.q[E.qhead].json);
    E.q[E.qhead].json = NULL;
    E.qhead++;
}

static void compact_done(void) {
    while (E.qhead < E.qlen && E.q[E.qhead].state == 2) drop_head();
    if (E.qhead == E.qlen) E.qhead = E.qlen = 0;
}

static size_t pending_count(void) { return E.qlen - E.qhead - E.qdone; }

/* getUpdates' offset: ids below a positive offset are confirmed; a negative one keeps the last
   -offset updates and forgets the rest */
static void apply_offset(int64_t offset) {
    if (offset > 0) {
        while (E.qhead < E.qlen && E.q[E.qhead].id < offset) drop_head();
    } else if (offset < 0) {
        size_t keep = (size_t)(offset < -1000000000LL ? 1000000000LL : -offset);
        while (E.qlen - E.qhead > keep) drop_head();
    }
    compact_done();
}

static int64_t new_message_id(void) { return E.next_msg_id++; }

static char *json_text_update(const chatrec *c, const char *text, int64_t *mid) {
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    *mid = new_message_id();
    tp_jw_obj(&w);
    jk_int(&w, "update_id", E.next_update_id);
    tp_jw_key(&w, "message");
    jw_msg_head(&w, *mid, c, false, (int64_t)time(NULL));
    jw_text(&w, text);
    tp_jw_obj_end(&w);
    tp_jw_obj_end(&w);
    char *s = xstrndup(b.ptr ? b.ptr : "", b.len);
    tp_buf_deinit(&b);
    return s;
}

static botmsg *find_botmsg(int64_t id) {
    size_t lo = 0, hi = E.nmsgs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (E.msgs[mid].id < id) lo = mid + 1;
        else hi = mid;
    }
    return (lo < E.nmsgs && E.msgs[lo].id == id) ? &E.msgs[lo] : NULL;
}

static void jw_botmsg(tp_jw *w, const botmsg *m) {
    chatrec c;
    chat_lookup(m->chat_id, &c);
    jw_msg_head(w, m->id, &c, true, (int64_t)time(NULL));
    if (m->text) jw_text(w, m->text);
    if (m->markup) { tp_jw_key(w, "reply_markup"); tp_jw_raw(w, m->markup); }
    tp_jw_obj_end(w);
}

static char *json_callback_update(const chatrec *c, const char *data, int64_t msg_id, char *qid,
                                  size_t qcap) {
    tp_buf b;
    tp_jw w;
    const botmsg *m = NULL;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    snprintf(qid, qcap, "%llu", (unsigned long long)(4382938129384729000ULL + E.next_query_id++));
    if (msg_id) m = find_botmsg(msg_id);
    else
        for (size_t i = E.nmsgs; i-- > 0 && !m;)
            if (E.msgs[i].chat_id == c->id && !E.msgs[i].deleted) m = &E.msgs[i];
    tp_jw_obj(&w);
    jk_int(&w, "update_id", E.next_update_id);
    tp_jw_key(&w, "callback_query");
    tp_jw_obj(&w);
    jk_str(&w, "id", qid);
    tp_jw_key(&w, "from");
    jw_user(&w, c);
    tp_jw_key(&w, "message");
    if (m) {
        jw_botmsg(&w, m);
    } else { /* an InaccessibleMessage: date 0 */
        tp_jw_obj(&w);
        tp_jw_key(&w, "chat");
        jw_chat(&w, c);
        jk_int(&w, "message_id", msg_id ? msg_id : 1);
        jk_int(&w, "date", 0);
        tp_jw_obj_end(&w);
    }
    jk_str(&w, "chat_instance", "-5183843117485312345");
    jk_str(&w, "data", data);
    tp_jw_obj_end(&w);
    tp_jw_obj_end(&w);
    char *s = xstrndup(b.ptr ? b.ptr : "", b.len);
    tp_buf_deinit(&b);
    return s;
}

static char *json_inline_update(const chatrec *c, const char *query, char *qid, size_t qcap) {
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    snprintf(qid, qcap, "%llu", (unsigned long long)(5382938129384729000ULL + E.next_query_id++));
    tp_jw_obj(&w);
    jk_int(&w, "update_id", E.next_update_id);
    tp_jw_key(&w, "inline_query");
    tp_jw_obj(&w);
    jk_str(&w, "id", qid);
    tp_jw_key(&w, "from");
    jw_user(&w, c);
    jk_str(&w, "query", query);
    jk_str(&w, "offset", "");
    jk_str(&w, "chat_type", "sender");
    tp_jw_obj_end(&w);
    tp_jw_obj_end(&w);
    char *s = xstrndup(b.ptr ? b.ptr : "", b.len);
    tp_buf_deinit(&b);
    return s;
}

/* >>connections ----------------------------------------------------------------------------- */
static void set_nonblock(int fd) {
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl >= 0) fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
}

static conn *conn_new(int fd, int kind) {
    conn *c = (conn *)xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    c->fd = fd;
    c->kind = kind;
    c->keep_alive = true;
    tp_buf_init(&c->out);
    VEC_GROW(E.conns, E.nconns, E.capconns);
    E.conns[E.nconns++] = c;
    return c;
}

static void hook_conn_closed(conn *c);

static void conn_close(conn *c, bool rst) {
    if (c->dead) return;
    if (rst) {
        struct linger lg;
        lg.l_onoff = 1;
        lg.l_linger = 0;
        setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    }
    close(c->fd);
    c->fd = -1;
    c->dead = true;
    if (E.poller == c) E.poller = NULL;
    if (c->kind == CK_HOOK) hook_conn_closed(c);
}

static void conn_free(conn *c) {
    ibuf_free(&c->in);
    tp_buf_deinit(&c->out);
    for (size_t i = c->lq_head; i < c->lq_len; i++) tp_buf_deinit(&c->lq[i].bytes);
    free(c->lq);
    free(c);
}

/* --latency: when the answer to a Bot API request read now is due (0: latency off). Jitter
   draws from the --seed generator. */
static int64_t latency_due(void) {
    struct timespec ts;
    if (!E.latency_ms && !E.latency_jitter_ms) return 0;
    int64_t ms = E.latency_ms;
    if (E.latency_jitter_ms) ms += (int64_t)(rng_next() % (uint64_t)(E.latency_jitter_ms + 1));
    /* rounded up: released when now_ms() reaches it, that is never less than ms after now */
    clock_gettime(CLOCK_MONOTONIC, &ts);
    int64_t us = (int64_t)ts.tv_sec * 1000000 + (int64_t)(ts.tv_nsec / 1000) + ms * 1000;
    return (us + 999) / 1000;
}

static bool lq_empty(const conn *c) { return c->lq_head == c->lq_len; }

/* Where the next answer's bytes go: `out` when it is due now and nothing is held before it;
   else a new held answer, due at lat_due but never before the one ahead of it, so pipelined
   answers keep their order whatever their delays. The poll loop never sleeps on them:
   next_deadline wakes it for the earliest, run_timers releases it. */
static tp_buf *answer_buf(conn *c) {
    if (!c->lat_due && lq_empty(c)) return &c->out;
    int64_t at = c->lat_due;
    if (!lq_empty(c) && c->lq[c->lq_len - 1].at > at) at = c->lq[c->lq_len - 1].at;
    VEC_GROW(c->lq, c->lq_len, c->lq_cap);
    held *h = &c->lq[c->lq_len++];
    h->at = at;
    tp_buf_init(&h->bytes);
    return &h->bytes;
}

/* moves the held answers due by `now` to `out`, in order; false on out of memory */
static bool lq_release(conn *c, int64_t now) {
    bool ok = true;
    while (!lq_empty(c) && c->lq[c->lq_head].at <= now) {
        held *h = &c->lq[c->lq_head++];
        if (h->bytes.err || !tp_buf_append(&c->out, h->bytes.ptr, h->bytes.len)) ok = false;
        tp_buf_deinit(&h->bytes);
    }
    if (lq_empty(c)) c->lq_head = c->lq_len = 0;
    return ok;
}

/* rst-after: an RST (SO_LINGER 0) throws away what the kernel has not sent yet, so the close
   waits until the whole answer has left (looked at every few ms, for at most 2 s) */
static bool rst_must_wait(conn *c) {
#ifdef SIOCOUTQNSD
    int unsent = 0;
    int64_t now = now_ms();
    if (!c->rst_give_up) c->rst_give_up = now + 2000;
    if (ioctl(c->fd, SIOCOUTQNSD, &unsent) == 0 && unsent > 0 && now < c->rst_give_up) {
        c->rst_check_at = now + 2;
        return true;
    }
#else
    (void)c;
#endif
    return false;
}

/* write what is queued; false if the connection died */
static bool conn_flush(conn *c) {
    if (c->dead) return false;
    if (c->send_after && now_ms() < c->send_after) return true;
    c->send_after = 0;
    while (c->out_off < c->out.len) {
        ssize_t n = send(c->fd, c->out.ptr + c->out_off, c->out.len - c->out_off, MSG_NOSIGNAL);
        if (n > 0) { c->out_off += (size_t)n; continue; }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
        conn_close(c, false);
        return false;
    }
    tp_buf_reset(&c->out);
    c->out_off = 0;
    if (c->close_after && lq_empty(c)) {
        if (c->close_rst && rst_must_wait(c)) return true;
        conn_close(c, c->close_rst);
        return false;
    }
    return true;
}

static const char *reason(int st) {
    switch (st) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 413: return "Request Entity Too Large";
    case 420: return "Flood";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Error";
    }
}

static void send_response(conn *c, int status, const char *ctype, const char *body, size_t n) {
    if (c->dead) return;
    bool ka = c->keep_alive && !c->close_after && !c->peer_eof;
    tp_buf *o = answer_buf(c);
    tp_buf_printf(o,
                  "HTTP/1.1 %d %s\r\nServer: tpemu\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                  "Connection: %s\r\n\r\n",
                  status, reason(status), ctype, n, ka ? "keep-alive" : "close");
    if (c->resp_fault == FK_TRUNCATE) {
        tp_buf_append(o, body, n / 2);
        c->resp_fault = FK_NONE;
        c->close_after = true;
    } else {
        tp_buf_append(o, body, n);
    }
    if (!ka) c->close_after = true;
    if (c->after_answer) { /* rst-after, close-after: the header above still said keep-alive */
        c->close_after = true;
        c->close_rst = c->after_answer == FK_RST_AFTER;
        c->after_answer = FK_NONE;
    }
    if (status == 429) E.st_429++;
    if (o->err) { conn_close(c, true); return; }
    conn_flush(c);
}

static void send_json(conn *c, int status, const tp_buf *b) {
    if (b->err) {
        static const char oom[] = "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error: out of memory\"}";
        send_response(c, 500, "application/json", oom, sizeof oom - 1);
        return;
    }
    send_response(c, status, "application/json", b->ptr ? b->ptr : "", b->len);
}

static void jw_error(tp_jw *w, int code, const char *desc, int64_t retry_after, int64_t migrate) {
    tp_jw_obj(w);
    jk_bool(w, "ok", false);
    jk_int(w, "error_code", code);
    jk_str(w, "description", desc);
    if (retry_after > 0 || migrate) {
        tp_jw_key(w, "parameters");
        tp_jw_obj(w);
        if (retry_after > 0) jk_int(w, "retry_after", retry_after);
        if (migrate) jk_int(w, "migrate_to_chat_id", migrate);
        tp_jw_obj_end(w);
    }
    tp_jw_obj_end(w);
}

static void send_error(conn *c, int code, const char *desc) {
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    jw_error(&w, code, desc, 0, 0);
    send_json(c, code, &b);
    tp_buf_deinit(&b);
}

/* >>http: request parsing ------------------------------------------------------------------- */
static void req_free(req *r) {
    for (size_t i = 0; i < r->nparams; i++) {
        free(r->params[i].name);
        free(r->params[i].val);
        free(r->params[i].filename);
        free(r->params[i].ctype);
    }
    free(r->params);
    free(r->path);
    free(r->query);
    free(r->chunked);
    tp_json_doc_free(r->doc);
    memset(r, 0, sizeof *r);
}

static param *add_param(req *r, char *name, char *val, size_t len) {
    VEC_GROW(r->params, r->nparams, r->capparams);
    param *p = &r->params[r->nparams++];
    memset(p, 0, sizeof *p);
    p->name = name;
    p->val = val;
    p->len = len;
    return p;
}

static const param *req_param(const req *r, const char *name) {
    for (size_t i = r->nparams; i-- > 0;)
        if (!strcmp(r->params[i].name, name)) return &r->params[i];
    return NULL;
}

static void parse_urlencoded(req *r, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '&') j++;
        if (j > i) {
            const char *eq = (const char *)memchr(s + i, '=', j - i);
            size_t kl = eq ? (size_t)(eq - (s + i)) : j - i;
            size_t vl;
            char *k = url_decode(s + i, kl, true, NULL);
            char *v = eq ? url_decode(eq + 1, (size_t)(s + j - eq - 1), true, &vl) : xstrdup("");
            if (!eq) vl = 0;
            add_param(r, k, v, vl);
        }
        i = j + 1;
    }
}

/* value of `attr` in a header like `form-data; name="x"; filename="y"` (case-insensitive) */
static char *header_attr(const char *h, size_t hn, const char *attr) {
    size_t al = strlen(attr);
    size_t i = 0;
    while (i < hn) {
        while (i < hn && (h[i] == ';' || h[i] == ' ' || h[i] == '\t')) i++;
        size_t ks = i;
        while (i < hn && h[i] != '=' && h[i] != ';') i++;
        size_t ke = i;
        while (ke > ks && (h[ke - 1] == ' ' || h[ke - 1] == '\t')) ke--;
        if (i < hn && h[i] == '=') {
            i++;
            while (i < hn && (h[i] == ' ' || h[i] == '\t')) i++;
            tp_buf v;
            tp_buf_init(&v);
            if (i < hn && h[i] == '"') {
                i++;
                while (i < hn && h[i] != '"') {
                    if (h[i] == '\\' && i + 1 < hn) i++;
                    tp_buf_append(&v, h + i, 1);
                    i++;
                }
                i++;
            } else {
                size_t vs = i;
                while (i < hn && h[i] != ';') i++;
                size_t ve = i;
                while (ve > vs && (h[ve - 1] == ' ' || h[ve - 1] == '\t')) ve--;
                tp_buf_append(&v, h + vs, ve - vs);
            }
            if (ke - ks == al && !strncasecmp(h + ks, attr, al)) {
                char *s = xstrndup(v.ptr ? v.ptr : "", v.len);
                tp_buf_deinit(&v);
                return s;
            }
            tp_buf_deinit(&v);
        } else {
            while (i < hn && h[i] != ';') i++;
        }
    }
    return NULL;
}

static const char *multipart_parse(req *r, const char *body, size_t n, const char *boundary) {
    char delim[300];
    int dl = snprintf(delim, sizeof delim, "\r\n--%s", boundary);
    if (dl < 5 || (size_t)dl >= sizeof delim) return "bad multipart boundary";
    /* the first delimiter may come without the CRLF before it */
    const char *p;
    if (n >= (size_t)dl - 2 && !memcmp(body, delim + 2, (size_t)dl - 2)) p = body + dl - 2;
    else {
        p = memfind(body, n, delim, (size_t)dl);
        if (!p) return "multipart boundary not found";
        p += dl;
    }
    const char *end = body + n;
    for (;;) {
        if (end - p >= 2 && p[0] == '-' && p[1] == '-') return NULL; /* closing delimiter */
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n') return "malformed multipart delimiter";
        p += 2;
        const char *he, *data;
        if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') { he = p; data = p + 2; } /* no headers */
        else if ((he = memfind(p, (size_t)(end - p), "\r\n\r\n", 4)) != NULL) data = he + 4;
        else return "malformed multipart part headers";
        char *name = NULL, *filename = NULL, *ctype = NULL;
        const char *h = p;
        while (h < he) {
            const char *le = memfind(h, (size_t)(he - h), "\r\n", 2);
            if (!le) le = he;
            const char *colon = (const char *)memchr(h, ':', (size_t)(le - h));
            if (colon) {
                size_t nl = (size_t)(colon - h);
                const char *v = colon + 1;
                while (v < le && (*v == ' ' || *v == '\t')) v++;
                if (nl == 19 && !strncasecmp(h, "Content-Disposition", 19)) {
                    free(name);
                    free(filename);
                    name = header_attr(v, (size_t)(le - v), "name");
                    filename = header_attr(v, (size_t)(le - v), "filename");
                } else if (nl == 12 && !strncasecmp(h, "Content-Type", 12)) {
                    free(ctype);
                    ctype = xstrndup(v, (size_t)(le - v));
                }
            }
            h = le + 2;
        }
        const char *de = memfind(data, (size_t)(end - data), delim, (size_t)dl);
        if (!de) {
            free(name);
            free(filename);
            free(ctype);
            return "multipart body is truncated";
        }
        if (name) {
            param *pp = add_param(r, name, xstrndup(data, (size_t)(de - data)), (size_t)(de - data));
            if (filename) {
                pp->is_file = true;
                pp->filename = filename;
                pp->ctype = ctype ? ctype : xstrdup("application/octet-stream");
                filename = ctype = NULL;
            }
        }
        free(filename);
        free(ctype);
        p = de + dl;
    }
}

static char *json_value_text(const tp_json *v) {
    tp_buf b;
    tp_buf_init(&b);
    tp_json_write(&b, v);
    char *s = xstrndup(b.ptr ? b.ptr : "", b.len);
    tp_buf_deinit(&b);
    return s;
}

static const char *json_params(req *r, const char *body, size_t n) {
    tp_error err;
    memset(&err, 0, sizeof err);
    r->doc = tp_json_parse(body, n, &err);
    if (!r->doc) return "can't parse JSON";
    const tp_json *root = tp_json_root(r->doc);
    if (tp_json_typeof(root) != TP_JSON_OBJECT) return "JSON body must be an object";
    for (const tp_json *m = tp_json_first(root); m; m = tp_json_next(m)) {
        char *val;
        switch (tp_json_typeof(m)) {
        case TP_JSON_NULL: continue;  /* Telegram treats null as absent */
        case TP_JSON_STRING: val = xstrndup(tp_json_str(m), tp_json_size(m)); break;
        case TP_JSON_INT: {
            char t[32];
            snprintf(t, sizeof t, "%lld", (long long)tp_json_int(m));
            val = xstrdup(t);
            break;
        }
        case TP_JSON_BOOL: val = xstrdup(tp_json_bool(m) ? "true" : "false"); break;
        default: val = json_value_text(m); break;
        }
        param *p = add_param(r, xstrdup(tp_json_key(m)), val, strlen(val));
        p->jv = m;
    }
    return NULL;
}

/* the parameters of a Bot API request: query string, then the body */
static const char *collect_params(req *r) {
    if (r->query) parse_urlencoded(r, r->query, strlen(r->query));
    if (!r->body_len) { r->encoding = r->query ? "query" : "none"; return NULL; }
    char mt[256];
    size_t ml = strcspn(r->ctype, ";");
    if (ml >= sizeof mt) ml = sizeof mt - 1;
    memcpy(mt, r->ctype, ml);
    mt[ml] = 0;
    while (ml && (mt[ml - 1] == ' ' || mt[ml - 1] == '\t')) mt[--ml] = 0;
    if (!strcasecmp(mt, "application/json")) {
        r->encoding = "json";
        return json_params(r, r->body, r->body_len);
    }
    if (!strcasecmp(mt, "multipart/form-data")) {
        r->encoding = "multipart";
        const char *semi = strchr(r->ctype, ';');
        char *b = semi ? header_attr(semi, strlen(semi), "boundary") : NULL;
        if (!b || !*b) { free(b); return "multipart boundary is missing"; }
        const char *e = multipart_parse(r, r->body, r->body_len, b);
        free(b);
        return e;
    }
    r->encoding = "form"; /* x-www-form-urlencoded, and whatever else: Telegram is lenient too */
    parse_urlencoded(r, r->body, r->body_len);
    return NULL;
}

/* chunked body: 0 = incomplete, -1 = malformed, else bytes consumed; *decoded_len set.
   With out == NULL it only scans, which is cheap (it touches the size lines only). */
static long long chunked_scan(const char *p, size_t n, char *out, size_t *decoded_len) {
    size_t i = 0, total = 0;
    for (;;) {
        size_t ls = i;
        while (i < n && p[i] != '\n') i++;
        if (i >= n) return i - ls > 1024 ? -1 : 0;
        size_t le = i++;
        if (le > ls && p[le - 1] == '\r') le--;
        size_t sz = 0, k = ls;
        int digits = 0;
        while (k < le && hexval((unsigned char)p[k]) >= 0) {
            if (sz > (SIZE_MAX >> 5)) return -1;
            sz = sz * 16 + (size_t)hexval((unsigned char)p[k]);
            k++;
            digits++;
        }
        if (!digits || (k < le && p[k] != ';' && p[k] != ' ' && p[k] != '\t')) return -1;
        if (sz == 0) {
            /* trailers, up to an empty line */
            for (;;) {
                size_t ts = i;
                while (i < n && p[i] != '\n') i++;
                if (i >= n) return 0;
                size_t te = i++;
                if (te > ts && p[te - 1] == '\r') te--;
                if (te == ts) break;
            }
            *decoded_len = total;
            return (long long)i;
        }
        if (sz > BODY_MAX || total + sz > BODY_MAX) { *decoded_len = total + sz; return -2; }
        if (n - i < sz + 1) return 0;
        if (out) memcpy(out + total, p + i, sz);
        total += sz;
        i += sz;
        if (p[i] == '\r') {
            if (n - i < 2) return 0;
            i++;
        }
        if (p[i] != '\n') return -1;
        i++;
    }
}

static int bad_request_close(conn *c, int status, const char *desc) {
    c->keep_alive = false;
    c->close_after = true;
    send_error(c, status, desc);
    return -1;
}

/* 1 = a whole request in r (consumed bytes in *consumed), 0 = need more bytes, -1 = answered
   with an error and the connection closes */
static int parse_request(conn *c, req *r, size_t *consumed) {
    const char *p = c->in.p + c->in_off;
    size_t avail = c->in.len - c->in_off, skip = 0;
    while (skip < avail && (p[skip] == '\r' || p[skip] == '\n')) skip++;
    p += skip;
    avail -= skip;
    if (!avail) { c->in_off += skip; return 0; }
    const char *he = memfind(p, avail < HDR_MAX ? avail : HDR_MAX, "\r\n\r\n", 4);
    if (!he) {
        if (avail >= HDR_MAX) return bad_request_close(c, 431, "Request Header Fields Too Large");
        return 0;
    }
    size_t hlen = (size_t)(he - p) + 4;
    const char *le = memfind(p, hlen, "\r\n", 2);
    const char *sp1 = (const char *)memchr(p, ' ', (size_t)(le - p));
    const char *sp2 = sp1 ? (const char *)memchr(sp1 + 1, ' ', (size_t)(le - sp1 - 1)) : NULL;
    if (!sp1 || !sp2 || sp1 == p || (size_t)(sp1 - p) >= sizeof r->verb || sp2 == sp1 + 1 ||
        (size_t)(le - sp2 - 1) != 8 || memcmp(sp2 + 1, "HTTP/1.", 7))
        return bad_request_close(c, 400, "Bad Request: malformed request line");
    memset(r, 0, sizeof *r);
    memcpy(r->verb, p, (size_t)(sp1 - p));
    bool http10 = sp2[8] == '0';
    const char *t = sp1 + 1;
    size_t tl = (size_t)(sp2 - t);
    if (tl > 7 && !strncasecmp(t, "http://", 7)) { /* absolute form */
        const char *slash = (const char *)memchr(t + 7, '/', tl - 7);
        if (!slash) { t = "/"; tl = 1; }
        else { tl -= (size_t)(slash - t); t = slash; }
    }
    const char *qm = (const char *)memchr(t, '?', tl);
    r->path = url_decode(t, qm ? (size_t)(qm - t) : tl, false, NULL);
    if (qm) r->query = xstrndup(qm + 1, (size_t)(t + tl - qm - 1));
    r->keep_alive = !http10;
    long long clen = -1;
    bool chunked = false;
    const char *h = le + 2;
    while (h < he + 2) {
        const char *e = memfind(h, (size_t)(he + 2 - h), "\r\n", 2);
        const char *colon = (const char *)memchr(h, ':', (size_t)(e - h));
        if (!colon || colon == h) { req_free(r); return bad_request_close(c, 400, "Bad Request: malformed header"); }
        size_t nl = (size_t)(colon - h);
        const char *v = colon + 1;
        const char *ve = e;
        while (v < ve && (*v == ' ' || *v == '\t')) v++;
        while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
        size_t vl = (size_t)(ve - v);
#define HN(s) (nl == sizeof(s) - 1 && !strncasecmp(h, s, nl))
        if (HN("Content-Length")) {
            long long x = 0;
            if (!vl) { req_free(r); return bad_request_close(c, 400, "Bad Request: bad Content-Length"); }
            for (size_t i = 0; i < vl; i++) {
                if (!isdigit((unsigned char)v[i]) || x > (long long)BODY_MAX * 2) {
                    req_free(r);
                    return bad_request_close(c, 400, "Bad Request: bad Content-Length");
                }
                x = x * 10 + (v[i] - '0');
            }
            if (clen >= 0 && clen != x) { req_free(r); return bad_request_close(c, 400, "Bad Request: conflicting Content-Length"); }
            clen = x;
        } else if (HN("Transfer-Encoding")) {
            if (vl >= 7 && !strncasecmp(ve - 7, "chunked", 7)) chunked = true;
            else { req_free(r); return bad_request_close(c, 501, "Not Implemented: transfer coding"); }
        } else if (HN("Connection")) {
            for (size_t i = 0; i + 5 <= vl; i++) {
                if (!strncasecmp(v + i, "close", 5)) r->keep_alive = false;
                if (i + 10 <= vl && !strncasecmp(v + i, "keep-alive", 10)) r->keep_alive = true;
            }
        } else if (HN("Content-Type")) {
            size_t n = vl < sizeof r->ctype - 1 ? vl : sizeof r->ctype - 1;
            memcpy(r->ctype, v, n);
            r->ctype[n] = 0;
        } else if (HN("Expect")) {
            if (vl == 12 && !strncasecmp(v, "100-continue", 12)) r->expect_continue = true;
        } else if (HN("X-Telegram-Bot-Api-Secret-Token")) {
            size_t n = vl < sizeof r->secret - 1 ? vl : sizeof r->secret - 1;
            memcpy(r->secret, v, n);
            r->secret[n] = 0;
        }
#undef HN
        h = e + 2;
    }
    c->keep_alive = r->keep_alive;
    const char *b = p + hlen;
    size_t have = avail - hlen;
    if (chunked) {
        size_t dl = 0;
        long long used = chunked_scan(b, have, NULL, &dl);
        if (used == -2) { req_free(r); return bad_request_close(c, 413, "Request Entity Too Large"); }
        if (used < 0) { req_free(r); return bad_request_close(c, 400, "Bad Request: malformed chunked body"); }
        if (used == 0) {
            if (r->expect_continue && !c->continue_sent) {
                tp_buf_puts(answer_buf(c), "HTTP/1.1 100 Continue\r\n\r\n");
                c->continue_sent = true;
                conn_flush(c);
            }
            req_free(r);
            return 0;
        }
        r->chunked = (char *)xmalloc(dl + 1);
        chunked_scan(b, have, r->chunked, &dl);
        r->chunked[dl] = 0;
        r->body = r->chunked;
        r->body_len = dl;
        *consumed = skip + hlen + (size_t)used;
    } else {
        size_t need = clen > 0 ? (size_t)clen : 0;
        if (need > BODY_MAX) { req_free(r); return bad_request_close(c, 413, "Request Entity Too Large"); }
        if (have < need) {
            if (r->expect_continue && !c->continue_sent) {
                tp_buf_puts(answer_buf(c), "HTTP/1.1 100 Continue\r\n\r\n");
                c->continue_sent = true;
                conn_flush(c);
            }
            req_free(r);
            return 0;
        }
        r->body = b;
        r->body_len = need;
        *consumed = skip + hlen + need;
    }
    c->continue_sent = false;
    return 1;
}

/* >>api: calls ------------------------------------------------------------------------------ */
typedef struct call {
    conn *c;             /* NULL when the call came in a webhook answer */
    req *r;
    const char *method;  /* canonical spelling */
    tp_buf res;          /* the result value, written through w */
    tp_jw w;
    int err;             /* 0 = success */
    char desc[320];
    int64_t retry_after, migrate;
    const char *ok_desc; /* optional "description" next to a successful result */
    bool held;           /* getUpdates parked the connection */
} call;

static void fail(call *x, int code, const char *fmt, ...) TP__PRINTF(3, 4);
static void fail(call *x, int code, const char *fmt, ...) {
    va_list ap;
    if (x->err) return;
    x->err = code;
    va_start(ap, fmt);
    vsnprintf(x->desc, sizeof x->desc, fmt, ap);
    va_end(ap);
}

static const char *P(call *x, const char *name) {
    const param *p = req_param(x->r, name);
    return p && !p->is_file ? p->val : NULL;
}

static bool P_bool(call *x, const char *name) {
    const char *v = P(x, name);
    return v && (!strcasecmp(v, "true") || !strcmp(v, "1"));
}

/* an optional integer parameter; false (and the call failed) when present but not a number */
static bool P_int(call *x, const char *name, int64_t *out, int64_t dflt) {
    const char *v = P(x, name);
    *out = dflt;
    if (!v || !*v) return true;
    if (!parse_i64(v, out)) {
        fail(x, 400, "Bad Request: invalid %s specified", name);
        return false;
    }
    return true;
}

/* script transcript and --updates bookkeeping hear about everything the bot says */
static void bot_event(int64_t chat_id, const char *qid, const char *text);

static void record_call(call *x, const char *method, const fault *f, bool limited) {
    if (E.ncalls >= CALLS_MAX) { E.calls_dropped++; return; }
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    jk_str(&w, "method", method);
    jk_str(&w, "encoding", x->r->encoding ? x->r->encoding : "none");
    tp_jw_key(&w, "params");
    tp_jw_obj(&w);
    bool any_file = false;
    for (size_t i = 0; i < x->r->nparams; i++) {
        const param *p = &x->r->params[i];
        if (p->is_file) { any_file = true; continue; }
        if (req_param(x->r, p->name) != p) continue; /* a later one with that name wins */
        tp_jw_key(&w, p->name);
        if (p->jv) { tp_jw_value(&w, p->jv); continue; }
        const char *s = skip_ws(p->val);
        tp_json_doc *d = NULL;
        if (*s == '{' || *s == '[') d = tp_json_parse(p->val, p->len, NULL);
        if (d) tp_jw_value(&w, tp_json_root(d));
        else tp_jw_str_n(&w, p->val, p->len);
        tp_json_doc_free(d);
    }
    tp_jw_obj_end(&w);
    if (any_file) {
        tp_jw_key(&w, "files");
        tp_jw_obj(&w);
        for (size_t i = 0; i < x->r->nparams; i++) {
            const param *p = &x->r->params[i];
            if (!p->is_file) continue;
            tp_jw_key(&w, p->name);
            tp_jw_obj(&w);
            jk_str(&w, "filename", p->filename);
            jk_int(&w, "size", (int64_t)p->len);
            jk_str(&w, "content_type", p->ctype);
            tp_jw_obj_end(&w);
        }
        tp_jw_obj_end(&w);
    }
    if (f) jk_str(&w, "fault", f->spec);
    if (limited) jk_bool(&w, "limited", true);
    tp_jw_obj_end(&w);
    if (!b.err) {
        VEC_GROW(E.calls, E.ncalls, E.capcalls);
        E.calls[E.ncalls++] = xstrndup(b.ptr, b.len);
    }
    tp_buf_deinit(&b);
}

/* chat_id: an integer or "@username". A few ids act like Telegram's problem chats:
   403 = the user blocked the bot; -42 = a group that became the supergroup -1001000000042. */
static bool resolve_chat(call *x, chatrec *out) {
    const char *v = P(x, "chat_id");
    int64_t id;
    if (!v || !*v) { fail(x, 400, "Bad Request: chat_id is empty"); return false; }
    if (v[0] == '@') {
        const chatrec *r = registry_find_username(v + 1);
        if (!r) { fail(x, 400, "Bad Request: chat not found"); return false; }
        *out = *r;
        return true;
    }
    if (!parse_i64(v, &id) || id == 0) { fail(x, 400, "Bad Request: chat not found"); return false; }
    if (id == 403) { fail(x, 403, "Forbidden: bot was blocked by the user"); return false; }
    if (id == -42) {
        x->migrate = -1001000000042LL;
        fail(x, 400, "Bad Request: group chat was upgraded to a supergroup chat");
        return false;
    }
    chat_lookup(id, out);
    return true;
}

static bool check_markup(call *x, char **markup_out) {
    const char *m = P(x, "reply_markup");
    *markup_out = NULL;
    if (!m || !*m) return true;
    tp_json_doc *d = tp_json_parse(m, strlen(m), NULL);
    if (!d || tp_json_typeof(tp_json_root(d)) != TP_JSON_OBJECT) {
        tp_json_doc_free(d);
        fail(x, 400, "Bad Request: can't parse reply keyboard markup JSON object");
        return false;
    }
    const tp_json *ik = tp_json_get(tp_json_root(d), "inline_keyboard");
    if (ik) {
        if (tp_json_typeof(ik) != TP_JSON_ARRAY) {
            tp_json_doc_free(d);
            fail(x, 400, "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
            return false;
        }
        *markup_out = json_value_text(tp_json_root(d)); /* Telegram echoes inline keyboards only */
    }
    tp_json_doc_free(d);
    return true;
}

static botmsg *store_botmsg(int64_t chat_id, const char *text, char *markup) {
    VEC_GROW(E.msgs, E.nmsgs, E.capmsgs);
    botmsg *m = &E.msgs[E.nmsgs++];
    memset(m, 0, sizeof *m);
    m->id = new_message_id();
    m->chat_id = chat_id;
    m->text = text ? xstrdup(text) : NULL;
    m->markup = markup;
    return m;
}

/* >>api: methods ---------------------------------------------------------------------------- */
static void m_getme(call *x) {
    tp_jw *w = &x->w;
    tp_jw_obj(w);
    jk_int(w, "id", E.bot_id);
    jk_bool(w, "is_bot", true);
    jk_str(w, "first_name", "tpemu bot");
    jk_str(w, "username", "tpemu_bot");
    jk_bool(w, "can_join_groups", true);
    jk_bool(w, "can_read_all_group_messages", false);
    jk_bool(w, "supports_inline_queries", true);
    jk_bool(w, "can_connect_to_business", false);
    jk_bool(w, "has_main_web_app", false);
    tp_jw_obj_end(w);
}

static void script_delivered(int64_t first, int64_t last);

/* the result array of getUpdates: up to `limit` pending updates from the head */
static void write_updates(tp_jw *w, int limit) {
    int n = 0;
    int64_t first = 0, last = 0;
    tp_jw_arr(w);
    for (size_t i = E.qhead; i < E.qlen && n < limit; i++) {
        if (E.q[i].state == 2) continue;
        emit_update(w, &E.q[i]);
        if (!n) first = E.q[i].id;
        last = E.q[i].id;
        n++;
    }
    tp_jw_arr_end(w);
    if (n) script_delivered(first, last);
}

static void m_getupdates(call *x) {
    int64_t offset, limit, timeout;
    if (E.hook_url[0]) {
        fail(x, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        return;
    }
    if (E.poller && E.poller != x->c) {
        fail(x, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        return;
    }
    if (!P_int(x, "offset", &offset, 0) || !P_int(x, "limit", &limit, 100) ||
        !P_int(x, "timeout", &timeout, 0))
        return;
    if (limit < 1 || limit > 100) limit = 100;
    if (timeout < 0) timeout = 0;
    if (timeout > 3600) timeout = 3600;
    apply_offset(offset);
    if (pending_count() == 0 && timeout > 0 && x->c) {
        x->held = true;
        x->c->state = CS_HELD;
        x->c->hold_deadline = now_ms() + timeout * 1000;
        x->c->hold_limit = (int)limit;
        E.poller = x->c;
        return;
    }
    write_updates(&x->w, (int)limit);
}

/* an answer to the held getUpdates, when updates arrived or its timeout passed */
static void conn_process(conn *c);
static void poll_answer(conn *c) {
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    jk_bool(&w, "ok", true);
    tp_jw_key(&w, "result");
    write_updates(&w, c->hold_limit);
    tp_jw_obj_end(&w);
    E.poller = NULL;
    c->state = CS_READ;
    c->lat_due = latency_due(); /* a held poll answers as without latency, plus the latency */
    send_json(c, 200, &b);
    c->lat_due = 0;
    tp_buf_deinit(&b);
    if (!c->dead) conn_process(c);
}

static void poll_wake(void) {
    if (E.poller && pending_count() > 0) poll_answer(E.poller);
}

static void updates_reply(int64_t chat_id, const char *text) {
    E.replies++;
    const char *p = text;
    char *end;
    unsigned long long i;
    if (!E.n_updates) return;
    if (strncmp(p, "msg ", 4) || !isdigit((unsigned char)p[4])) { E.unexpected++; return; }
    errno = 0;
    i = strtoull(p + 4, &end, 10);
    char want[96];
    chatrec c;
    if (errno || i >= (unsigned long long)E.n_updates) { E.unexpected++; return; }
    gen_text((size_t)i, want, sizeof want);
    gen_chat((size_t)i % E.gen_chats, &c);
    if (strcmp(want, text) || c.id != chat_id) { E.unexpected++; return; }
    if (E.reply_count[i] == 0) {
        /* the first echo of each update of a chat must come in the order of those updates */
        size_t ch = (size_t)i % E.gen_chats;
        if ((int64_t)i < E.chat_last[ch]) E.order_violations++;
        else E.chat_last[ch] = (int64_t)i;
        E.matched++;
        E.t_last = now_sec();
    } else {
        E.duplicates++;
    }
    if (E.reply_count[i] < 255) E.reply_count[i]++;
    if (E.matched == (uint64_t)E.n_updates && !E.quit) {
        E.quit = true;
        E.exit_code = (E.duplicates == 0 && E.unexpected == 0 && E.order_violations == 0) ? 0 : 1;
    }
}

static void m_sendmessage(call *x) {
    chatrec c;
    char *markup;
    if (!resolve_chat(x, &c)) return;
    const char *text = P(x, "text");
    if (!text || !*text) { fail(x, 400, "Bad Request: message text is empty"); return; }
    if (utf16_len(text, strlen(text)) > 4096) { fail(x, 400, "Bad Request: message is too long"); return; }
    const char *pm = P(x, "parse_mode");
    if (pm && *pm && strcasecmp(pm, "HTML") && strcasecmp(pm, "Markdown") && strcasecmp(pm, "MarkdownV2")) {
        fail(x, 400, "Bad Request: unsupported parse_mode");
        return;
    }
    if (!check_markup(x, &markup)) return;
    botmsg *m = store_botmsg(c.id, text, markup);
    jw_botmsg(&x->w, m);
    if (E.n_updates) updates_reply(c.id, text);
    bot_event(c.id, NULL, text);
}

static const struct media_kind {
    const char *method, *field, *dir, *ext, *mime;
} media_kinds[] = {
    {"sendPhoto", "photo", "photos", "jpg", "image/jpeg"},
    {"sendDocument", "document", "documents", "bin", "application/octet-stream"},
    {"sendAudio", "audio", "music", "mp3", "audio/mpeg"},
    {"sendVideo", "video", "videos", "mp4", "video/mp4"},
    {"sendVoice", "voice", "voice", "oga", "audio/ogg"},
    {"sendAnimation", "animation", "animations", "mp4", "video/mp4"},
    {"sendSticker", "sticker", "stickers", "webp", "image/webp"},
    {"sendVideoNote", "video_note", "video_notes", "mp4", "video/mp4"},
};

static stfile *find_file_id(const char *id) {
    for (size_t i = 0; i < E.nfiles; i++)
        if (!strcmp(E.files[i].id, id)) return &E.files[i];
    return NULL;
}

static void png_size(const char *d, size_t n, int *w, int *h) {
    if (n >= 24 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8) && !memcmp(d + 12, "IHDR", 4)) {
        const unsigned char *u = (const unsigned char *)d;
        *w = (int)(((unsigned)u[16] << 24 | (unsigned)u[17] << 16 | (unsigned)u[18] << 8 | u[19]) & 0x7fffffff);
        *h = (int)(((unsigned)u[20] << 24 | (unsigned)u[21] << 16 | (unsigned)u[22] << 8 | u[23]) & 0x7fffffff);
    }
}

static stfile *store_file(const struct media_kind *k, const char *data, size_t n,
                          const char *filename, const char *ctype) {
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    VEC_GROW(E.files, E.nfiles, E.capfiles);
    stfile *f = &E.files[E.nfiles];
    memset(f, 0, sizeof *f);
    size_t idx = E.nfiles++;
    char rnd[25];
    for (int i = 0; i < 24; i++) rnd[i] = b64[rng_next() & 63];
    rnd[24] = 0;
    snprintf(f->id, sizeof f->id, "AgACAgIAAxkBAAI%06zx%s", idx, rnd);
    snprintf(f->uniq, sizeof f->uniq, "AQAD%.12s", rnd + 8);
    const char *ext = k->ext;
    const char *dot = filename ? strrchr(filename, '.') : NULL;
    if (dot && dot[1] && strlen(dot + 1) < 8 && !strchr(dot, '/')) ext = dot + 1;
    snprintf(f->path, sizeof f->path, "%s/file_%zu.%s", k->dir, idx, ext);
    f->data = (char *)xmalloc(n ? n : 1);
    if (n) memcpy(f->data, data, n);
    f->size = n;
    f->filename = filename ? xstrdup(filename) : NULL;
    f->ctype = xstrdup(ctype && *ctype && strcmp(ctype, "application/octet-stream") ? ctype : k->mime);
    f->kind = k->field;
    f->width = 800;
    f->height = 600;
    png_size(data, n, &f->width, &f->height);
    return f;
}

static void jw_file_ids(tp_jw *w, const stfile *f) {
    jk_str(w, "file_id", f->id);
    jk_str(w, "file_unique_id", f->uniq);
    jk_int(w, "file_size", (int64_t)f->size);
}

static void m_sendmedia(call *x) {
    const struct media_kind *k = NULL;
    chatrec c;
    char *markup;
    stfile *f = NULL;
    for (size_t i = 0; i < sizeof media_kinds / sizeof media_kinds[0]; i++)
        if (!strcmp(media_kinds[i].method, x->method)) k = &media_kinds[i];
    if (!k || !resolve_chat(x, &c)) return;
    const param *p = req_param(x->r, k->field);
    if (p && !p->is_file && !strncmp(p->val, "attach://", 9)) {
        const param *a = req_param(x->r, p->val + 9);
        if (!a || !a->is_file) { fail(x, 400, "Bad Request: wrong file identifier/HTTP URL specified"); return; }
        p = a;
    }
    if (!p || (!p->is_file && !*p->val)) { fail(x, 400, "Bad Request: there is no %s in the request", k->field); return; }
    if (p->is_file) {
        if (p->len == 0) { fail(x, 400, "Bad Request: file must be non-empty"); return; }
        if (p->len > UPLOAD_MAX) { fail(x, 413, "Request Entity Too Large"); return; }
    } else if (!(f = find_file_id(p->val)) && strncmp(p->val, "http://", 7) && strncmp(p->val, "https://", 8)) {
        fail(x, 400, "Bad Request: wrong file identifier/HTTP URL specified");
        return;
    }
    const char *caption = P(x, "caption");
    if (caption && utf16_len(caption, strlen(caption)) > 1024) { fail(x, 400, "Bad Request: message caption is too long"); return; }
    if (!check_markup(x, &markup)) return;
    if (!f) {
        if (p->is_file) f = store_file(k, p->val, p->len, p->filename, p->ctype);
        else { /* a URL: Telegram would fetch it; we keep an empty file */
            const char *slash = strrchr(p->val, '/');
            f = store_file(k, "", 0, slash && slash[1] ? slash + 1 : NULL, NULL);
        }
    }
    botmsg *m = store_botmsg(c.id, NULL, markup);
    tp_jw *w = &x->w;
    jw_msg_head(w, m->id, &c, true, (int64_t)time(NULL));
    if (!strcmp(k->field, "photo")) {
        tp_jw_key(w, "photo");
        tp_jw_arr(w);
        tp_jw_obj(w);
        jw_file_ids(w, f);
        jk_int(w, "width", f->width);
        jk_int(w, "height", f->height);
        tp_jw_obj_end(w);
        tp_jw_arr_end(w);
    } else {
        int pass = !strcmp(k->field, "animation") ? 2 : 1; /* animations also come as document */
        for (int j = 0; j < pass; j++) {
            tp_jw_key(w, j ? "document" : k->field);
            tp_jw_obj(w);
            jw_file_ids(w, f);
            if (!strcmp(k->field, "sticker")) {
                jk_int(w, "width", 512);
                jk_int(w, "height", 512);
                jk_str(w, "type", "regular");
                jk_bool(w, "is_animated", false);
                jk_bool(w, "is_video", false);
            } else if (!strcmp(k->field, "video_note")) {
                jk_int(w, "length", 240);
                jk_int(w, "duration", 1);
            } else {
                if (strcmp(k->field, "document")) jk_int(w, "duration", 1);
                if (!strcmp(k->field, "video") || !strcmp(k->field, "animation")) {
                    jk_int(w, "width", f->width);
                    jk_int(w, "height", f->height);
                }
                if (f->filename && strcmp(k->field, "voice")) jk_str(w, "file_name", f->filename);
                jk_str(w, "mime_type", f->ctype);
            }
            tp_jw_obj_end(w);
        }
    }
    if (caption && *caption) jk_str(w, "caption", caption);
    if (markup) { tp_jw_key(w, "reply_markup"); tp_jw_raw(w, markup); }
    tp_jw_obj_end(w);
    char line[512];
    snprintf(line, sizeof line, "[%s file_id=%s%s%s%s]%s%s", k->field, f->id,
             f->filename ? " name=" : "", f->filename ? f->filename : "",
             f->size ? "" : " (empty)", caption && *caption ? " " : "", caption ? caption : "");
    bot_event(c.id, NULL, line);
}

static void m_getfile(call *x) {
    const char *id = P(x, "file_id");
    if (!id || !*id) { fail(x, 400, "Bad Request: file_id is empty"); return; }
    const stfile *f = find_file_id(id);
    if (!f) { fail(x, 400, "Bad Request: invalid file_id"); return; }
    tp_jw_obj(&x->w);
    jw_file_ids(&x->w, f);
    jk_str(&x->w, "file_path", f->path);
    tp_jw_obj_end(&x->w);
}

static void m_answercallbackquery(call *x) {
    const char *id = P(x, "callback_query_id");
    if (!id || !*id) { fail(x, 400, "Bad Request: query is too old and response timeout expired or query ID is invalid"); return; }
    const char *text = P(x, "text");
    char line[512];
    snprintf(line, sizeof line, "[callback answer%s%s%s]", P_bool(x, "show_alert") ? " (alert)" : "",
             text && *text ? ": " : "", text ? text : "");
    tp_jw_bool(&x->w, true);
    bot_event(0, id, line);
}

static void m_answerinlinequery(call *x) {
    const char *id = P(x, "inline_query_id");
    const char *res = P(x, "results");
    if (!id || !*id) { fail(x, 400, "Bad Request: query is too old and response timeout expired or query ID is invalid"); return; }
    if (!res) { fail(x, 400, "Bad Request: parameter \"results\" is required"); return; }
    tp_json_doc *d = tp_json_parse(res, strlen(res), NULL);
    if (!d || tp_json_typeof(tp_json_root(d)) != TP_JSON_ARRAY) {
        tp_json_doc_free(d);
        fail(x, 400, "Bad Request: can't parse inline query results JSON object");
        return;
    }
    tp_buf line;
    tp_buf_init(&line);
    tp_buf_printf(&line, "[inline results: %zu]", tp_json_size(tp_json_root(d)));
    for (const tp_json *it = tp_json_first(tp_json_root(d)); it; it = tp_json_next(it)) {
        const char *t = tp_json_get_str(it, "title");
        if (!t) t = tp_json_get_str(it, "id");
        tp_buf_printf(&line, " %s", t ? t : "?");
    }
    tp_json_doc_free(d);
    tp_jw_bool(&x->w, true);
    bot_event(0, id, line.ptr ? line.ptr : "");
    tp_buf_deinit(&line);
}

static botmsg *edit_target(call *x, chatrec *c) {
    int64_t mid;
    if (!resolve_chat(x, c) || !P_int(x, "message_id", &mid, 0)) return NULL;
    if (!mid) { fail(x, 400, "Bad Request: message identifier is not specified"); return NULL; }
    botmsg *m = find_botmsg(mid);
    if (!m || m->deleted || m->chat_id != c->id) { fail(x, 400, "Bad Request: message to edit not found"); return NULL; }
    return m;
}

static void m_editmessagetext(call *x) {
    chatrec c;
    char *markup;
    const char *text = P(x, "text");
    if (!text || !*text) { fail(x, 400, "Bad Request: message text is empty"); return; }
    if (utf16_len(text, strlen(text)) > 4096) { fail(x, 400, "Bad Request: MESSAGE_TOO_LONG"); return; }
    if (!check_markup(x, &markup)) return;
    const char *imid = P(x, "inline_message_id");
    char line[5000];
    if (imid && *imid) {
        free(markup);
        tp_jw_bool(&x->w, true);
        snprintf(line, sizeof line, "[edit inline %s] %s", imid, text);
        bot_event(0, NULL, line);
        return;
    }
    botmsg *m = edit_target(x, &c);
    if (!m) { free(markup); return; }
    if (!m->text) { free(markup); fail(x, 400, "Bad Request: there is no text in the message to edit"); return; }
    if (!strcmp(m->text, text) && ((!markup && !m->markup) || (markup && m->markup && !strcmp(markup, m->markup)))) {
        free(markup);
        fail(x, 400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        return;
    }
    free(m->text);
    m->text = xstrdup(text);
    free(m->markup);
    m->markup = markup;
    jw_msg_head(&x->w, m->id, &c, true, (int64_t)time(NULL));
    jk_int(&x->w, "edit_date", (int64_t)time(NULL));
    jw_text(&x->w, m->text);
    if (m->markup) { tp_jw_key(&x->w, "reply_markup"); tp_jw_raw(&x->w, m->markup); }
    tp_jw_obj_end(&x->w);
    snprintf(line, sizeof line, "[edit #%lld] %s", (long long)m->id, text);
    bot_event(c.id, NULL, line);
}

static void m_editmessagereplymarkup(call *x) {
    chatrec c;
    char *markup;
    if (!check_markup(x, &markup)) return;
    const char *imid = P(x, "inline_message_id");
    if (imid && *imid) { free(markup); tp_jw_bool(&x->w, true); return; }
    botmsg *m = edit_target(x, &c);
    if (!m) { free(markup); return; }
    free(m->markup);
    m->markup = markup;
    jw_botmsg(&x->w, m);
    char line[64];
    snprintf(line, sizeof line, "[edit #%lld reply_markup]", (long long)m->id);
    bot_event(c.id, NULL, line);
}

static void m_deletemessage(call *x) {
    chatrec c;
    int64_t mid;
    if (!resolve_chat(x, &c) || !P_int(x, "message_id", &mid, 0)) return;
    if (!mid) { fail(x, 400, "Bad Request: message identifier is not specified"); return; }
    botmsg *m = find_botmsg(mid);
    if (!m || m->deleted || m->chat_id != c.id) { fail(x, 400, "Bad Request: message to delete not found"); return; }
    m->deleted = true;
    tp_jw_bool(&x->w, true);
    char line[64];
    snprintf(line, sizeof line, "[delete #%lld]", (long long)mid);
    bot_event(c.id, NULL, line);
}

static void m_sendchataction(call *x) {
    chatrec c;
    if (!resolve_chat(x, &c)) return;
    const char *a = P(x, "action");
    if (!a || !*a) { fail(x, 400, "Bad Request: action is empty"); return; }
    tp_jw_bool(&x->w, true);
}

static void m_senddice(call *x) {
    chatrec c;
    char *markup;
    if (!resolve_chat(x, &c) || !check_markup(x, &markup)) return;
    const char *emoji = P(x, "emoji");
    if (!emoji || !*emoji) emoji = "🎲";
    int max = (!strcmp(emoji, "🎰")) ? 64 : (!strcmp(emoji, "🏀") || !strcmp(emoji, "⚽")) ? 5 : 6;
    int value = 1 + (int)(rng_next() % (uint64_t)max);
    botmsg *m = store_botmsg(c.id, NULL, markup);
    jw_msg_head(&x->w, m->id, &c, true, (int64_t)time(NULL));
    tp_jw_key(&x->w, "dice");
    tp_jw_obj(&x->w);
    jk_str(&x->w, "emoji", emoji);
    jk_int(&x->w, "value", value);
    tp_jw_obj_end(&x->w);
    tp_jw_obj_end(&x->w);
    char line[64];
    snprintf(line, sizeof line, "[dice %s %d]", emoji, value);
    bot_event(c.id, NULL, line);
}

static void m_getchat(call *x) {
    chatrec c;
    if (!resolve_chat(x, &c)) return;
    tp_jw *w = &x->w;
    tp_jw_obj(w);
    jk_int(w, "id", c.id);
    jk_str(w, "type", c.type);
    if (!strcmp(c.type, "private")) {
        jk_str(w, "first_name", c.first[0] ? c.first : "User");
        if (c.last[0]) jk_str(w, "last_name", c.last);
    } else {
        jk_str(w, "title", c.title);
    }
    if (c.username[0]) jk_str(w, "username", c.username);
    jk_int(w, "accent_color_id", 0);
    jk_int(w, "max_reaction_count", 11);
    tp_jw_obj_end(w);
}

static void m_setmycommands(call *x) {
    const char *cmds = P(x, "commands");
    if (!cmds) { fail(x, 400, "Bad Request: parameter \"commands\" is required"); return; }
    tp_json_doc *d = tp_json_parse(cmds, strlen(cmds), NULL);
    if (!d || tp_json_typeof(tp_json_root(d)) != TP_JSON_ARRAY) {
        tp_json_doc_free(d);
        fail(x, 400, "Bad Request: can't parse commands JSON object");
        return;
    }
    free(E.commands);
    E.commands = json_value_text(tp_json_root(d));
    tp_json_doc_free(d);
    tp_jw_bool(&x->w, true);
}

static void m_getmycommands(call *x) { tp_jw_raw(&x->w, E.commands ? E.commands : "[]"); }
static void m_deletemycommands(call *x) {
    free(E.commands);
    E.commands = NULL;
    tp_jw_bool(&x->w, true);
}
static void m_true(call *x) { tp_jw_bool(&x->w, true); }

/* >>api: webhook methods -------------------------------------------------------------------- */
static void hook_drop_conns(void);

static void hook_clear(void) {
    E.hook_url[0] = 0;
    E.hook_secret[0] = 0;
    E.hook_last_error[0] = 0;
    E.hook_last_error_date = 0;
    hook_drop_conns();
    for (size_t i = E.qhead; i < E.qlen; i++)
        if (E.q[i].state == 1) E.q[i].state = 0;
}

static void drop_pending(void) {
    while (E.qhead < E.qlen) drop_head();
    E.qhead = E.qlen = 0;
    E.qdone = 0;
}

static void m_setwebhook(call *x) {
    const char *url = P(x, "url");
    const char *secret = P(x, "secret_token");
    int64_t maxc;
    if (!P_int(x, "max_connections", &maxc, 8)) return;
    if (P_bool(x, "drop_pending_updates")) drop_pending();
    if (!url || !*url) {
        bool had = E.hook_url[0] != 0;
        hook_clear();
        tp_jw_bool(&x->w, true);
        x->ok_desc = had ? "Webhook was deleted" : "Webhook is already deleted";
        return;
    }
    if (maxc < 1 || maxc > 100) { fail(x, 400, "Bad Request: bad webhook: max_connections must be between 1 and 100"); return; }
    if (secret) {
        size_t n = strlen(secret);
        if (n < 1 || n > 256 || strspn(secret, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != n) {
            fail(x, 400, "Bad Request: bad webhook: secret token contains unallowed characters");
            return;
        }
    }
    bool https = !strncasecmp(url, "https://", 8);
    if (strncasecmp(url, "http://", 7) && !https) {
        fail(x, 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        return;
    }
    if (strlen(url) >= sizeof E.hook_url) { fail(x, 400, "Bad Request: bad webhook: URL is too long"); return; }
    /* host[:port]/path */
    const char *h = url + (https ? 8 : 7);
    size_t hl = strcspn(h, ":/?#");
    int port = https ? 443 : 80;
    const char *rest = h + hl;
    if (*rest == ':') {
        char *end;
        long pv = strtol(rest + 1, &end, 10);
        if (end == rest + 1 || pv < 1 || pv > 65535) { fail(x, 400, "Bad Request: bad webhook: invalid port"); return; }
        port = (int)pv;
        rest = end;
    }
    if (!hl || hl >= sizeof E.hook_host) { fail(x, 400, "Bad Request: bad webhook: invalid host"); return; }
    hook_clear();
    memcpy(E.hook_host, h, hl);
    E.hook_host[hl] = 0;
    E.hook_port = port;
    snprintf(E.hook_path, sizeof E.hook_path, "%s", *rest == '/' ? rest : "/");
    if (*rest == '?') snprintf(E.hook_path, sizeof E.hook_path, "/%s", rest);
    strcpy(E.hook_url, url);
    snprintf(E.hook_secret, sizeof E.hook_secret, "%s", secret ? secret : "");
    E.hook_maxconn = (int)maxc;
    E.hook_backoff_ms = 0;
    E.hook_backoff_until = 0;
    if (!E.webhook_mode) {
        E.hook_last_error_date = (int64_t)time(NULL);
        snprintf(E.hook_last_error, sizeof E.hook_last_error, "tpemu delivers webhooks only when started with --webhook");
        if (!E.quiet) fprintf(stderr, "tpemu: setWebhook stored, but updates are not pushed: start tpemu with --webhook\n");
    } else if (https) {
        E.hook_last_error_date = (int64_t)time(NULL);
        snprintf(E.hook_last_error, sizeof E.hook_last_error, "tpemu cannot deliver to https:// URLs");
    }
    tp_jw_bool(&x->w, true);
    x->ok_desc = "Webhook was set";
    hook_kick();
}

static void m_deletewebhook(call *x) {
    bool had = E.hook_url[0] != 0;
    if (P_bool(x, "drop_pending_updates")) drop_pending();
    hook_clear();
    tp_jw_bool(&x->w, true);
    x->ok_desc = had ? "Webhook was deleted" : "Webhook is already deleted";
}

static void m_getwebhookinfo(call *x) {
    tp_jw *w = &x->w;
    tp_jw_obj(w);
    jk_str(w, "url", E.hook_url);
    jk_bool(w, "has_custom_certificate", false);
    jk_int(w, "pending_update_count", (int64_t)pending_count());
    if (E.hook_url[0]) {
        jk_str(w, "ip_address", "127.0.0.1");
        jk_int(w, "max_connections", E.hook_maxconn);
        if (E.hook_last_error[0]) {
            jk_int(w, "last_error_date", E.hook_last_error_date);
            jk_str(w, "last_error_message", E.hook_last_error);
        }
    }
    tp_jw_obj_end(w);
}

/* >>flood limits: --limits ----------------------------------------------------------------- */
/* Telegram's documented flood control: about 30 messages a second over all chats, 1 a second
   per private chat, 20 a minute per group. Each limit is "at most N messages in any window of
   MS ms", kept as a sliding-window log: a bucket holds the arrival times (microseconds) of its
   last N admitted messages in a ring, and a message is admitted when fewer than N are stored or
   the oldest of them is at least MS - slack ms old. A message needs the global bucket and its
   chat's bucket both; a refused one takes a slot in neither. Chat buckets live in an
   open-addressing table that is rebuilt without the expired ones (newest time a window old:
   dropping them changes no decision) when it fills up and once a second. */
enum { LC_GLOBAL, LC_CHAT, LC_GROUP, LC_N };

typedef struct lbucket {
    int64_t id;        /* the chat id (0 with name) */
    char *name;        /* "@name" lowercased, when it names no chat tpemu knows */
    uint64_t hash;
    int cls;           /* LC_GLOBAL, LC_CHAT, LC_GROUP */
    uint32_t len, head, cap; /* stored times, the oldest's index, room (grows up to L.n[cls]) */
    int64_t *ts;       /* a ring of the times */
} lbucket;

static struct lim {
    bool on;
    int64_t n[LC_N], win_ms[LC_N]; /* n == 0: that class is off */
    int64_t slack_ms;
    lbucket *global;
    lbucket **tab;     /* open addressing, linear probing; cap a power of two */
    size_t cap, count;
    int64_t last_sweep; /* ms */
} L = {false, {30, 1, 20}, {1000, 1000, 60000}, 10, NULL, NULL, 0, 0, 0};

static uint64_t lb_mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint64_t lb_hash(int cls, int64_t id, const char *name) {
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)cls;
    if (!name) return lb_mix(h ^ (uint64_t)id);
    for (const char *p = name; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return lb_mix(h);
}

static lbucket *lb_new(int cls, int64_t id, const char *name, uint64_t h) {
    lbucket *b = (lbucket *)xmalloc(sizeof *b);
    b->id = id;
    b->name = name ? xstrdup(name) : NULL;
    b->hash = h;
    b->cls = cls;
    b->len = b->head = 0;
    b->cap = L.n[cls] < 4 ? (uint32_t)L.n[cls] : 4; /* most chats send a few messages */
    b->ts = (int64_t *)xmalloc(b->cap * sizeof *b->ts);
    return b;
}

static void lb_free(lbucket *b) {
    if (b) { free(b->name); free(b->ts); }
    free(b);
}

/* microseconds until the bucket admits a message arriving at `now` (0: it admits it now) */
static int64_t lb_wait(const lbucket *b, int cls, int64_t now) {
    int64_t need = (L.win_ms[cls] - L.slack_ms) * 1000; /* the age the N-th newest must have */
    if (!b || b->len < (uint32_t)L.n[cls]) return 0;
    int64_t age = now - b->ts[b->head];
    return age >= need ? 0 : need - age;
}

static void lb_push(lbucket *b, int cls, int64_t now) {
    uint32_t n = (uint32_t)L.n[cls];
    if (b->len == b->cap && b->cap < n) { /* full below N: more room, the ring unrolled */
        uint32_t nc = b->cap > n / 2 ? n : b->cap * 2;
        int64_t *t = (int64_t *)xmalloc(nc * sizeof *t);
        for (uint32_t i = 0; i < b->len; i++) t[i] = b->ts[(b->head + i) % b->cap];
        free(b->ts);
        b->ts = t;
        b->cap = nc;
        b->head = 0;
    }
    if (b->len < n) { b->ts[(b->head + b->len) % b->cap] = now; b->len++; return; }
    b->ts[b->head] = now; /* the oldest leaves */
    b->head = (b->head + 1) % b->cap;
}

static bool lb_expired(const lbucket *b, int64_t now) {
    if (!b->len) return true;
    int64_t newest = b->ts[(b->head + b->len - 1) % b->cap];
    return now - newest >= L.win_ms[b->cls] * 1000;
}

static bool lb_same(const lbucket *b, int cls, int64_t id, const char *name, uint64_t h) {
    if (b->hash != h || b->cls != cls) return false;
    return name ? b->name && !strcmp(b->name, name) : !b->name && b->id == id;
}

/* rebuilds the table without the expired buckets, sized for 4x the live ones (>= 1024 slots) */
static void lb_rebuild(int64_t now) {
    size_t live = 0, cap = 1024;
    for (size_t i = 0; i < L.cap; i++) {
        if (!L.tab[i]) continue;
        if (lb_expired(L.tab[i], now)) { lb_free(L.tab[i]); L.tab[i] = NULL; }
        else live++;
    }
    while (cap < live * 4) cap *= 2;
    lbucket **t = (lbucket **)xmalloc(cap * sizeof *t);
    memset(t, 0, cap * sizeof *t);
    for (size_t i = 0; i < L.cap; i++) {
        if (!L.tab[i]) continue;
        size_t j = (size_t)L.tab[i]->hash & (cap - 1);
        while (t[j]) j = (j + 1) & (cap - 1);
        t[j] = L.tab[i];
    }
    free(L.tab);
    L.tab = t;
    L.cap = cap;
    L.count = live;
    L.last_sweep = now / 1000;
}

/* the bucket of that chat; created (empty) when `create`, else NULL if there is none */
static lbucket *lb_find(int cls, int64_t id, const char *name, bool create, int64_t now) {
    uint64_t h = lb_hash(cls, id, name);
    size_t j;
    if (L.cap) {
        for (j = (size_t)h & (L.cap - 1); L.tab[j]; j = (j + 1) & (L.cap - 1))
            if (lb_same(L.tab[j], cls, id, name, h)) return L.tab[j];
    }
    if (!create) return NULL;
    if ((L.count + 1) * 2 > L.cap) lb_rebuild(now);
    j = (size_t)h & (L.cap - 1);
    while (L.tab[j]) j = (j + 1) & (L.cap - 1);
    L.count++;
    return L.tab[j] = lb_new(cls, id, name, h);
}

/* the methods that send a message: send* but sendChatAction, forward*, copy* */
static bool limit_counted(const char *m) {
    if (!strncasecmp(m, "send", 4)) return strcasecmp(m, "sendChatAction") != 0;
    return !strncasecmp(m, "forward", 7) || !strncasecmp(m, "copy", 4);
}

/* a message arriving now: 0 when admitted (it took its slots), else the retry_after of its 429:
   whole seconds until it would be admitted, rounded up, at least 1 */
static int64_t limit_admit(const char *chat_id) {
    int64_t now = now_us(), wait = 0, w, id = 0;
    int cls = -1;
    char name[256];
    const char *key = NULL;
    lbucket *b = NULL;
    if (chat_id && chat_id[0] == '@') { /* a channel or supergroup by its username */
        const chatrec *r = registry_find_username(chat_id + 1);
        cls = LC_GROUP;
        if (r) id = r->id;
        else {
            size_t i;
            for (i = 0; chat_id[i] && i < sizeof name - 1; i++) name[i] = (char)tolower((unsigned char)chat_id[i]);
            name[i] = 0;
            key = name;
        }
    } else if (chat_id && parse_i64(chat_id, &id) && id != 0) {
        cls = id > 0 ? LC_CHAT : LC_GROUP;
    }
    if (cls >= 0 && !L.n[cls]) cls = -1; /* that class is off */
    if (L.global && (w = lb_wait(L.global, LC_GLOBAL, now)) > wait) wait = w;
    if (cls >= 0) {
        b = lb_find(cls, id, key, false, now);
        if ((w = lb_wait(b, cls, now)) > wait) wait = w;
    }
    if (wait > 0) {
        int64_t secs = (wait + 999999) / 1000000;
        return secs < 1 ? 1 : secs;
    }
    if (L.global) lb_push(L.global, LC_GLOBAL, now);
    if (cls >= 0) {
        if (!b) b = lb_find(cls, id, key, true, now);
        lb_push(b, cls, now);
    }
    return 0;
}

/* once a second: the expired buckets go */
static void limit_sweep(void) {
    int64_t now = now_us();
    if (L.count && now / 1000 - L.last_sweep >= 1000) lb_rebuild(now);
}

/* --limit-global/-chat/-group N/MS */
static bool limit_opt(const char *opt, const char *v, int cls) {
    int64_t n, ms;
    char a[32];
    const char *slash = v ? strchr(v, '/') : NULL;
    if (slash && (size_t)(slash - v) < sizeof a) {
        memcpy(a, v, (size_t)(slash - v));
        a[slash - v] = 0;
    }
    if (!slash || (size_t)(slash - v) >= sizeof a || !parse_i64(a, &n) || !parse_i64(slash + 1, &ms) ||
        n < 0 || n > 1000000 || ms < 0 || ms > 86400000) {
        fprintf(stderr, "tpemu: %s needs N/MS: at most N (0..1000000) messages in any MS (0..86400000) ms\n", opt);
        return false;
    }
    L.on = true;
    L.n[cls] = n && ms ? n : 0;
    L.win_ms[cls] = ms;
    return true;
}

/* >>api: dispatch --------------------------------------------------------------------------- */
static const struct method {
    const char *name;
    void (*fn)(call *);
} methods[] = {
    {"getMe", m_getme},
    {"getUpdates", m_getupdates},
    {"sendMessage", m_sendmessage},
    {"sendPhoto", m_sendmedia},
    {"sendDocument", m_sendmedia},
    {"sendAudio", m_sendmedia},
    {"sendVideo", m_sendmedia},
    {"sendVoice", m_sendmedia},
    {"sendAnimation", m_sendmedia},
    {"sendSticker", m_sendmedia},
    {"sendVideoNote", m_sendmedia},
    {"sendDice", m_senddice},
    {"getFile", m_getfile},
    {"answerCallbackQuery", m_answercallbackquery},
    {"answerInlineQuery", m_answerinlinequery},
    {"editMessageText", m_editmessagetext},
    {"editMessageReplyMarkup", m_editmessagereplymarkup},
    {"deleteMessage", m_deletemessage},
    {"sendChatAction", m_sendchataction},
    {"getChat", m_getchat},
    {"setWebhook", m_setwebhook},
    {"deleteWebhook", m_deletewebhook},
    {"getWebhookInfo", m_getwebhookinfo},
    {"setMyCommands", m_setmycommands},
    {"getMyCommands", m_getmycommands},
    {"deleteMyCommands", m_deletemycommands},
    {"logOut", m_true},
    {"close", m_true},
};

/* Every other Bot API method: a sample result with all required fields, generated from
   tools/botapi.json by tools/gen_api.py. */
#include "tpemu_schema.h"

static const char *schema_result(const char *name) {
    for (size_t i = 0; i < sizeof tpemu_schema / sizeof tpemu_schema[0]; i++)
        if (!strcasecmp(tpemu_schema[i].method, name)) return tpemu_schema[i].result;
    return NULL;
}

static const struct method *find_method(const char *name) {
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (!strcasecmp(methods[i].name, name)) return &methods[i];
    return NULL;
}

/* the first fault rule that fires for this request; every matching rule counts it */
static fault *fault_pick(const char *method, fault *out) {
    int hit = -1;
    for (size_t i = 0; i < E.nfaults; i++) {
        fault *f = &E.faults[i];
        if (f->method[0] && strcasecmp(f->method, method)) continue;
        f->seen++;
        bool fire = false;
        if (f->mode == FM_ONCE) fire = true;
        else if (f->mode == FM_NTH) fire = f->seen == f->k;
        else fire = rng_unit() < f->p;
        if (fire && hit < 0) hit = (int)i;
    }
    if (hit < 0) return NULL;
    *out = E.faults[hit];
    if (out->mode == FM_ONCE || out->mode == FM_NTH) {
        memmove(&E.faults[hit], &E.faults[hit + 1], (E.nfaults - (size_t)hit - 1) * sizeof *E.faults);
        E.nfaults--;
    }
    E.st_faults++;
    return out;
}

/* true when the fault answered (or killed) the request and the handler must not run */
static bool fault_apply(conn *c, const fault *f) {
    char desc[128];
    log_v("fault %s", f->spec);
    switch (f->kind) {
    case FK_CODE: {
        tp_buf b;
        tp_jw w;
        tp_buf_init(&b);
        tp_jw_init(&w, &b);
        if (f->code == 429 && f->arg > 0)
            snprintf(desc, sizeof desc, "Too Many Requests: retry after %lld", (long long)f->arg);
        else if (f->code == 429) snprintf(desc, sizeof desc, "Too Many Requests"); /* 429:0 */
        else snprintf(desc, sizeof desc, "%s", f->code == 500 ? "Internal Server Error" : reason(f->code));
        jw_error(&w, f->code, desc, f->code == 429 ? f->arg : 0, 0);
        send_json(c, f->code, &b);
        tp_buf_deinit(&b);
        return true;
    }
    case FK_HTML: {
        char body[256];
        int n = snprintf(body, sizeof body, "<html><body><h1>%d %s</h1></body></html>\n", f->code, reason(f->code));
        send_response(c, f->code, "text/html", body, (size_t)n);
        return true;
    }
    case FK_RESET: conn_close(c, true); return true;
    case FK_CLOSE: conn_close(c, false); return true;
    case FK_STALL: c->state = CS_STALL; return true;
    case FK_SLOW: c->send_after = (c->lat_due ? c->lat_due : now_ms()) + f->arg; return false;
    case FK_TRUNCATE: c->resp_fault = FK_TRUNCATE; return false;
    case FK_RST_AFTER: case FK_CLOSE_AFTER: c->after_answer = f->kind; return false;
    default: return false;
    }
}

static void call_finish(call *x) {
    if (!x->c || x->held) return;
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    if (x->err) {
        jw_error(&w, x->err, x->desc, x->retry_after, x->migrate);
    } else {
        tp_jw_obj(&w);
        jk_bool(&w, "ok", true);
        tp_jw_key(&w, "result");
        tp_jw_raw(&w, x->res.len ? x->res.ptr : "true");
        if (x->ok_desc) jk_str(&w, "description", x->ok_desc);
        tp_jw_obj_end(&w);
    }
    send_json(x->c, x->err ? x->err : 200, &b);
    tp_buf_deinit(&b);
}

static bool params_utf8_ok(const req *r) {
    for (size_t i = 0; i < r->nparams; i++) {
        const param *p = &r->params[i];
        if (!utf8_valid(p->name, strlen(p->name))) return false;
        if (!p->is_file && !utf8_valid(p->val, p->len)) return false;
        if (p->filename && !utf8_valid(p->filename, strlen(p->filename))) return false;
        if (p->ctype && !utf8_valid(p->ctype, strlen(p->ctype))) return false;
    }
    return true;
}

/* the faults that answer (or kill) the request instead of the method */
static bool fault_replaces(const fault *f) {
    return f->kind == FK_CODE || f->kind == FK_HTML || f->kind == FK_RESET || f->kind == FK_CLOSE ||
           f->kind == FK_STALL;
}

/* the 429 of --limits */
static void send_limited(conn *c, int64_t retry_after) {
    char desc[96];
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    snprintf(desc, sizeof desc, "Too Many Requests: retry after %lld", (long long)retry_after);
    jw_error(&w, 429, desc, retry_after, 0);
    send_json(c, 429, &b);
    tp_buf_deinit(&b);
}

/* runs one method; c may be NULL (a method in a webhook answer: the result goes nowhere) */
static void api_call(conn *c, req *r, const char *mname) {
    call x;
    fault fb, *f = NULL;
    int64_t limited = 0;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.r = r;
    tp_buf_init(&x.res);
    tp_jw_init(&x.w, &x.res);
    const struct method *m = find_method(mname);
    const char *sample = m ? NULL : schema_result(mname);
    x.method = m ? m->name : mname;
    E.st_api++;
    if (E.t_first == 0) E.t_first = now_sec();
    if (c) f = fault_pick(x.method, &fb);
    /* --limits: decided as the request arrives (before any --latency); a request a fault
       answers in its place never reached "Telegram" and takes no slot. A method in a webhook
       answer is refused silently. */
    if (L.on && (m || sample) && limit_counted(x.method) && !(f && fault_replaces(f)))
        limited = limit_admit(P(&x, "chat_id"));
    record_call(&x, x.method, f, limited > 0);
    log_v("%s%s%s%s", x.method, f ? " fault=" : "", f ? f->spec : "", limited ? " limited" : "");
    if (f && fault_apply(c, f)) { tp_buf_deinit(&x.res); return; }
    if (limited) {
        E.st_limited++;
        if (c) send_limited(c, limited);
        tp_buf_deinit(&x.res);
        return;
    }
    if (m) m->fn(&x);
    else if (sample) tp_jw_raw(&x.w, sample);
    else fail(&x, 404, "Not Found: method not found");
    call_finish(&x);
    tp_buf_deinit(&x.res);
}

/* >>control API: /_emu/... ------------------------------------------------------------------ */
static void send_ok_raw(conn *c, const char *result_json) {
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_printf(&b, "{\"ok\":true,\"result\":%s}", result_json);
    send_json(c, 200, &b);
    tp_buf_deinit(&b);
}

static bool add_fault(const char *spec, char *why, size_t whylen) {
    fault f;
    if (!fault_parse(spec, &f, why, whylen)) return false;
    VEC_GROW(E.faults, E.nfaults, E.capfaults);
    E.faults[E.nfaults++] = f;
    return true;
}

/* POST /_emu/update: {"chat_id":..,"text":..} (also "callback_data" + optional "message_id", or
   "inline_query"; optional "first_name", "username"), or an Update-like object whose update_id
   tpemu assigns. */
static void emu_update(conn *c, req *r) {
    tp_json_doc *d = tp_json_parse(r->body ? r->body : "", r->body_len, NULL);
    const tp_json *root = tp_json_root(d);
    char *json = NULL;
    int64_t mid = 0;
    char qid[32] = "";
    if (!d || tp_json_typeof(root) != TP_JSON_OBJECT) {
        tp_json_doc_free(d);
        send_error(c, 400, "Bad Request: the body must be a JSON object");
        return;
    }
    const tp_json *cid = tp_json_get(root, "chat_id");
    if (cid) {
        chatrec ch;
        int64_t id = tp_json_int(cid);
        if (tp_json_typeof(cid) == TP_JSON_STRING && !parse_i64(tp_json_str(cid), &id)) id = 0;
        if (!id) { tp_json_doc_free(d); send_error(c, 400, "Bad Request: chat_id must be a non-zero integer"); return; }
        chat_lookup(id, &ch);
        const char *fn = tp_json_get_str(root, "first_name"), *un = tp_json_get_str(root, "username");
        if (fn) copy_utf8(ch.first, sizeof ch.first, fn);
        if (un) { copy_utf8(ch.uname, sizeof ch.uname, un); if (!strcmp(ch.type, "private")) copy_utf8(ch.username, sizeof ch.username, un); }
        if (fn || un) *registry_add(&ch) = ch;
        const char *text = tp_json_get_str(root, "text");
        const char *cb = tp_json_get_str(root, "callback_data");
        const char *iq = tp_json_get_str(root, "inline_query");
        if (text) json = json_text_update(&ch, text, &mid);
        else if (cb) json = json_callback_update(&ch, cb, tp_json_get_int(root, "message_id"), qid, sizeof qid);
        else if (iq) json = json_inline_update(&ch, iq, qid, sizeof qid);
        else { tp_json_doc_free(d); send_error(c, 400, "Bad Request: need text, callback_data or inline_query"); return; }
    } else {
        tp_buf b;
        tp_jw w;
        tp_buf_init(&b);
        tp_jw_init(&w, &b);
        tp_jw_obj(&w);
        jk_int(&w, "update_id", E.next_update_id);
        for (const tp_json *m = tp_json_first(root); m; m = tp_json_next(m)) {
            if (!strcmp(tp_json_key(m), "update_id")) continue;
            tp_jw_key(&w, tp_json_key(m));
            tp_jw_value(&w, m);
        }
        tp_jw_obj_end(&w);
        json = xstrndup(b.ptr ? b.ptr : "", b.len);
        tp_buf_deinit(&b);
    }
    tp_json_doc_free(d);
    int64_t uid = enqueue_update(json, -1);
    char res[160];
    if (mid) snprintf(res, sizeof res, "{\"update_id\":%lld,\"message_id\":%lld}", (long long)uid, (long long)mid);
    else if (qid[0]) snprintf(res, sizeof res, "{\"update_id\":%lld,\"query_id\":\"%s\"}", (long long)uid, qid);
    else snprintf(res, sizeof res, "{\"update_id\":%lld}", (long long)uid);
    send_ok_raw(c, res);
    updates_changed();
}

static void emu_calls(conn *c, req *r) {
    tp_buf b;
    tp_buf_init(&b);
    const char *filter = NULL;
    for (size_t i = 0; i < r->nparams; i++)
        if (!strcmp(r->params[i].name, "method")) filter = r->params[i].val;
    tp_buf_puts(&b, "[");
    bool first = true;
    for (size_t i = 0; i < E.ncalls; i++) {
        if (filter) {
            /* each record starts with {"method":"NAME", */
            const char *nm = E.calls[i] + 11;
            size_t fl = strlen(filter);
            if (strncasecmp(nm, filter, fl) || nm[fl] != '"') continue;
        }
        if (!first) tp_buf_puts(&b, ",");
        tp_buf_puts(&b, E.calls[i]);
        first = false;
    }
    tp_buf_puts(&b, "]");
    send_json(c, 200, &b);
    tp_buf_deinit(&b);
}

static void emu_stats(conn *c) {
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    jk_int(&w, "requests", (int64_t)E.st_requests);
    jk_int(&w, "api_calls", (int64_t)E.st_api);
    jk_int(&w, "calls_recorded", (int64_t)E.ncalls);
    jk_int(&w, "calls_dropped", (int64_t)E.calls_dropped);
    jk_int(&w, "faults_fired", (int64_t)E.st_faults);
    jk_int(&w, "faults_armed", (int64_t)E.nfaults);
    jk_int(&w, "limited", (int64_t)E.st_limited);
    jk_int(&w, "answered_429", (int64_t)E.st_429);
    jk_int(&w, "limit_buckets", (int64_t)L.count);
    jk_int(&w, "connections_total", (int64_t)E.st_conns_total);
    jk_int(&w, "connections_open", (int64_t)E.nconns);
    jk_int(&w, "updates_total", (int64_t)E.st_updates_total);
    jk_int(&w, "updates_pending", (int64_t)pending_count());
    jk_int(&w, "next_update_id", E.next_update_id);
    jk_bool(&w, "poller_waiting", E.poller != NULL);
    jk_int(&w, "bot_messages", (int64_t)E.nmsgs);
    jk_int(&w, "files", (int64_t)E.nfiles);
    jk_int(&w, "replies", (int64_t)E.replies);
    if (E.n_updates) {
        jk_int(&w, "matched", (int64_t)E.matched);
        jk_int(&w, "duplicates", (int64_t)E.duplicates);
        jk_int(&w, "unexpected", (int64_t)E.unexpected);
        jk_int(&w, "order_violations", (int64_t)E.order_violations);
    }
    jk_str(&w, "webhook_url", E.hook_url);
    jk_int(&w, "webhook_posts", (int64_t)E.st_hook_posts);
    jk_int(&w, "webhook_failures", (int64_t)E.st_hook_failures);
    jk_int(&w, "webhook_dups", (int64_t)E.st_hook_dups);
    if (S.active) {
        jk_int(&w, "script_played", S.played);
        jk_int(&w, "script_replied", S.replied);
        jk_int(&w, "script_no_reply", S.noreply);
    }
    tp_jw_obj_end(&w);
    send_json(c, 200, &b);
    tp_buf_deinit(&b);
}

static void handle_control(conn *c, req *r) {
    const char *what = r->path + 6;
    bool post = !strcmp(r->verb, "POST");
    if (!strcmp(what, "fault") && post) {
        char why[160], spec[256];
        size_t n = r->body_len < sizeof spec - 1 ? r->body_len : sizeof spec - 1;
        memcpy(spec, r->body ? r->body : "", n);
        spec[n] = 0;
        if (!strcmp(skip_ws(spec), "clear") || !strncmp(skip_ws(spec), "clear\n", 6)) {
            E.nfaults = 0;
            send_ok_raw(c, "true");
        } else if (add_fault(spec, why, sizeof why)) {
            send_ok_raw(c, "true");
        } else {
            char desc[200];
            snprintf(desc, sizeof desc, "Bad Request: %s", why);
            send_error(c, 400, desc);
        }
    } else if (!strcmp(what, "update") && post) {
        emu_update(c, r);
    } else if (!strcmp(what, "calls")) {
        if (r->query) parse_urlencoded(r, r->query, strlen(r->query));
        emu_calls(c, r);
    } else if (!strcmp(what, "reset_calls") && post) {
        for (size_t i = 0; i < E.ncalls; i++) free(E.calls[i]);
        E.ncalls = 0;
        E.calls_dropped = 0;
        send_ok_raw(c, "true");
    } else if (!strcmp(what, "stats")) {
        emu_stats(c);
    } else if (!strcmp(what, "quit") && post) {
        send_ok_raw(c, "true");
        E.quit = true;
        E.exit_code = -1; /* decided by the mode, as on SIGTERM */
    } else {
        send_error(c, 404, "Not Found");
    }
}

/* >>server: routing ------------------------------------------------------------------------- */
static void handle_file(conn *c, req *r) {
    const char *t = r->path + 9; /* after /file/bot */
    const char *slash = strchr(t, '/');
    const stfile *f = NULL;
    fault fb, *flt;
    if (!slash || (size_t)(slash - t) != strlen(E.token) || memcmp(t, E.token, (size_t)(slash - t))) {
        send_error(c, 401, "Unauthorized");
        return;
    }
    if ((flt = fault_pick("file", &fb)) && fault_apply(c, flt)) return;
    for (size_t i = 0; i < E.nfiles && !f; i++)
        if (!strcmp(E.files[i].path, slash + 1)) f = &E.files[i];
    if (!f) { send_error(c, 404, "Not Found"); return; }
    send_response(c, 200, "application/octet-stream", f->data, f->size);
}

static void handle_request(conn *c, req *r) {
    E.st_requests++;
    if (!strncmp(r->path, "/_emu/", 6)) { handle_control(c, r); return; }
    c->lat_due = latency_due(); /* reset by conn_process */
    if (!strncmp(r->path, "/file/bot", 9)) { handle_file(c, r); return; }
    if (strncmp(r->path, "/bot", 4)) { send_error(c, 404, "Not Found"); return; }
    const char *t = r->path + 4;
    const char *slash = strchr(t, '/');
    if (!slash) { send_error(c, 404, "Not Found"); return; }
    if ((size_t)(slash - t) != strlen(E.token) || memcmp(t, E.token, (size_t)(slash - t))) {
        send_error(c, 401, "Unauthorized");
        return;
    }
    const char *mname = slash + 1;
    if (!*mname || strchr(mname, '/')) { send_error(c, 404, "Not Found: method not found"); return; }
    const char *perr = collect_params(r);
    if (perr) {
        char desc[200];
        snprintf(desc, sizeof desc, "Bad Request: %s", perr);
        send_error(c, 400, desc);
        return;
    }
    if (!params_utf8_ok(r)) { send_error(c, 400, "Bad Request: strings must be encoded in UTF-8"); return; }
    api_call(c, r, mname);
}

/* answer every whole request in the buffer, in order, until one has to wait */
static void conn_process(conn *c) {
    while (!c->dead && c->kind == CK_SERVER && c->state == CS_READ && !c->close_after &&
           !(c->send_after && now_ms() < c->send_after)) {
        req r;
        size_t consumed = 0;
        memset(&r, 0, sizeof r);
        int rc = parse_request(c, &r, &consumed);
        if (rc <= 0) break;
        handle_request(c, &r);
        c->lat_due = 0;
        req_free(&r);
        c->in_off += consumed;
    }
    if (c->dead) return;
    if (c->in_off) {
        memmove(c->in.p, c->in.p + c->in_off, c->in.len - c->in_off);
        c->in.len -= c->in_off;
        c->in_off = 0;
    }
    if (c->peer_eof && c->state == CS_READ && c->out.len == 0 && lq_empty(c)) conn_close(c, false);
    else if (c->peer_eof && c->state == CS_READ) c->close_after = true;
}

static void hook_on_readable(conn *c);

static void conn_read(conn *c) {
    for (;;) {
        if (c->in.len >= RAW_MAX) {
            if (c->state == CS_STALL) c->in.len = 0;
            else break;
        }
        ibuf_reserve(&c->in, 65536);
        size_t room = c->in.cap - c->in.len;
        ssize_t n = recv(c->fd, c->in.p + c->in.len, room, 0);
        if (n > 0) {
            c->in.len += (size_t)n;
            if ((size_t)n < room) break; /* drained for now: poll() tells us about the rest */
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        if (n < 0) { conn_close(c, false); return; }
        c->peer_eof = true; /* n == 0 */
        break;
    }
    if (c->kind == CK_HOOK) { hook_on_readable(c); return; }
    if (c->state == CS_STALL) {
        c->in.len = 0;
        if (c->peer_eof) conn_close(c, false);
        return;
    }
    if (c->state == CS_HELD) {
        if (c->peer_eof) conn_close(c, false); /* the poller went away */
        return;
    }
    conn_process(c);
}

static void accept_all(void) {
    for (;;) {
        int fd = accept(E.lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR) continue;
            return; /* EAGAIN, or EMFILE and friends: try again next round */
        }
        if (E.nconns >= CONNS_MAX) { close(fd); continue; }
        set_nonblock(fd);
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conn_new(fd, CK_SERVER);
        E.st_conns_total++;
    }
}

/* >>webhook: pushing updates ---------------------------------------------------------------- */
/* Up to max_connections client connections to the URL given to setWebhook, keep-alive, one
   update in flight on each. A 2xx answer confirms the update (and a JSON answer with "method"
   is run as a Bot API call, as Telegram does); anything else, a timeout or a closed connection
   puts it back and delays the next attempts (100 ms doubling up to 2 s). */
#define HOOK_TIMEOUT_MS 10000

static upd *find_upd(int64_t id) {
    size_t lo = E.qhead, hi = E.qlen;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (E.q[mid].id < id) lo = mid + 1;
        else hi = mid;
    }
    return (lo < E.qlen && E.q[lo].id == id) ? &E.q[lo] : NULL;
}

static void hook_conn_closed(conn *c) {
    if (c->hook_upd) {
        upd *u = find_upd(c->hook_upd);
        if (u && u->state == 1) u->state = 0;
        c->hook_upd = 0;
    }
    E.hook_nconns--;
}

static void hook_drop_conns(void) {
    for (size_t i = 0; i < E.nconns; i++)
        if (E.conns[i]->kind == CK_HOOK && !E.conns[i]->dead) conn_close(E.conns[i], false);
}

static void hook_error(const char *fmt, ...) TP__PRINTF(1, 2);
static void hook_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(E.hook_last_error, sizeof E.hook_last_error, fmt, ap);
    va_end(ap);
    E.hook_last_error_date = (int64_t)time(NULL);
    E.st_hook_failures++;
    E.hook_backoff_ms = E.hook_backoff_ms ? E.hook_backoff_ms * 2 : 100;
    if (E.hook_backoff_ms > 2000) E.hook_backoff_ms = 2000;
    E.hook_backoff_until = now_ms() + E.hook_backoff_ms;
    log_v("webhook: %s", E.hook_last_error);
}

static bool hook_usable(void) {
    return E.webhook_mode && E.hook_url[0] && strncasecmp(E.hook_url, "https://", 8) != 0;
}

static bool hook_send_next(conn *c) {
    upd *u = NULL;
    size_t seen = 0;
    /* --webhook-shuffle: a random one of the first 32 pending updates instead of the oldest */
    for (size_t i = E.qhead; i < E.qlen && seen < (E.hook_shuffle ? 32u : 1u); i++)
        if (E.q[i].state == 0 && (seen++ == 0 || rng_unit() * (double)seen < 1.0)) u = &E.q[i];
    if (!u) return false;
    tp_buf body;
    tp_jw w;
    tp_buf_init(&body);
    tp_jw_init(&w, &body);
    emit_update(&w, u);
    u->state = 1;
    c->hook_upd = u->id;
    c->hstate = c->hstate == HS_CONNECTING ? HS_CONNECTING : HS_BUSY;
    c->hook_deadline = now_ms() + HOOK_TIMEOUT_MS;
    c->in.len = 0;
    c->peer_eof = false;
    tp_buf_printf(&c->out, "POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
                           "Content-Length: %zu\r\n", E.hook_path, E.hook_host, E.hook_port, body.len);
    if (E.hook_secret[0]) tp_buf_printf(&c->out, "X-Telegram-Bot-Api-Secret-Token: %s\r\n", E.hook_secret);
    tp_buf_puts(&c->out, "Connection: keep-alive\r\n\r\n");
    tp_buf_append(&c->out, body.ptr ? body.ptr : "", body.len);
    tp_buf_deinit(&body);
    script_delivered(u->id, u->id);
    if (c->hstate == HS_BUSY) conn_flush(c);
    return true;
}

static void hook_kick(void) {
    if (!hook_usable() || now_ms() < E.hook_backoff_until) return;
    for (size_t i = 0; i < E.nconns; i++) {
        conn *c = E.conns[i];
        if (c->kind == CK_HOOK && !c->dead && c->hstate == HS_IDLE && !hook_send_next(c)) return;
    }
    while (E.hook_nconns < E.hook_maxconn) {
        bool any = false;
        for (size_t i = E.qhead; i < E.qlen && !any; i++) any = E.q[i].state == 0;
        if (!any) return;
        struct sockaddr_in sa;
        memset(&sa, 0, sizeof sa);
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)E.hook_port);
        const char *host = !strcasecmp(E.hook_host, "localhost") ? "127.0.0.1" : E.hook_host;
        if (inet_pton(AF_INET, host, &sa.sin_addr) != 1) {
            hook_error("tpemu delivers only to IPv4 addresses and localhost, not '%s'", E.hook_host);
            return;
        }
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) { hook_error("socket: %s", strerror(errno)); return; }
        set_nonblock(fd);
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        int rc = connect(fd, (struct sockaddr *)&sa, sizeof sa);
        if (rc < 0 && errno != EINPROGRESS) {
            hook_error("Connection refused (%s)", strerror(errno));
            close(fd);
            return;
        }
        conn *c = conn_new(fd, CK_HOOK);
        E.hook_nconns++;
        c->hstate = rc == 0 ? HS_BUSY : HS_CONNECTING;
        hook_send_next(c);
    }
}

static void hook_on_writable(conn *c) {
    if (c->hstate == HS_CONNECTING) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) {
            hook_error("Connection refused (%s)", strerror(err));
            conn_close(c, false);
            return;
        }
        c->hstate = c->hook_upd ? HS_BUSY : HS_IDLE;
    }
    conn_flush(c);
}

static void hook_answer(conn *c, int status, const char *body, size_t n, bool close_it) {
    int64_t id = c->hook_upd;
    upd *u = find_upd(id);
    c->hook_upd = 0;
    if (status >= 200 && status < 300) {
        if (u && u->state != 2) {
            /* --webhook-dup P: Telegram sometimes delivers an update again; so do we, once */
            if (E.hook_dup > 0 && !u->dups && rng_unit() < E.hook_dup) { u->dups = 1; u->state = 0; E.st_hook_dups++; }
            else { u->state = 2; E.qdone++; }
        }
        E.st_hook_posts++;
        E.hook_backoff_ms = 0;
        compact_done();
        /* an answer may carry one method call */
        if (n && body) {
            req r;
            memset(&r, 0, sizeof r);
            r.encoding = "webhook-answer";
            const char *e = json_params(&r, body, n);
            const param *m = e ? NULL : req_param(&r, "method");
            if (m && params_utf8_ok(&r)) api_call(NULL, &r, m->val);
            req_free(&r);
        }
    } else {
        if (u && u->state == 1) u->state = 0;
        hook_error("Wrong response from the webhook: %d %s", status, reason(status));
    }
    c->in.len = 0;
    if (close_it) conn_close(c, false);
    else c->hstate = HS_IDLE;
}

static void hook_on_readable(conn *c) {
    if (!c->hook_upd) { /* nothing asked: the server closed or chatted */
        if (c->peer_eof) conn_close(c, false);
        c->in.len = 0;
        return;
    }
    const char *p = c->in.p;
    size_t n = c->in.len;
    const char *he = p ? memfind(p, n, "\r\n\r\n", 4) : NULL;
    if (!he) {
        if (c->peer_eof || n > HDR_MAX) {
            hook_error("%s", n ? "Wrong response from the webhook: malformed HTTP" : "Connection closed without an answer");
            conn_close(c, false);
        }
        return;
    }
    int status = 0;
    if (n >= 12 && !memcmp(p, "HTTP/1.", 7) && isdigit((unsigned char)p[9]) &&
        isdigit((unsigned char)p[10]) && isdigit((unsigned char)p[11]))
        status = (p[9] - '0') * 100 + (p[10] - '0') * 10 + (p[11] - '0');
    if (!status) {
        hook_error("Wrong response from the webhook: malformed status line");
        conn_close(c, false);
        return;
    }
    if (status >= 100 && status < 200) { /* 1xx: skip it */
        size_t hl = (size_t)(he - p) + 4;
        memmove(c->in.p, c->in.p + hl, n - hl);
        c->in.len -= hl;
        hook_on_readable(c);
        return;
    }
    long long clen = -1;
    bool chunked = false, close_it = false;
    for (const char *h = memfind(p, n, "\r\n", 2) + 2; h < he + 2;) {
        const char *e = memfind(h, (size_t)(he + 2 - h), "\r\n", 2);
        if (!strncasecmp(h, "Content-Length:", 15)) clen = strtoll(h + 15, NULL, 10);
        else if (!strncasecmp(h, "Transfer-Encoding:", 18) && memfind(h, (size_t)(e - h), "chunked", 7)) chunked = true;
        else if (!strncasecmp(h, "Connection:", 11) && memfind(h, (size_t)(e - h), "close", 5)) close_it = true;
        h = e + 2;
    }
    if (!memcmp(p, "HTTP/1.0", 8)) close_it = true;
    const char *b = he + 4;
    size_t have = n - (size_t)(b - p);
    if (chunked) {
        size_t dl = 0;
        long long used = chunked_scan(b, have, NULL, &dl);
        if (used < 0) { hook_error("Wrong response from the webhook: bad chunked body"); conn_close(c, false); return; }
        if (used == 0) {
            if (c->peer_eof) { hook_error("Connection closed mid-answer"); conn_close(c, false); }
            return;
        }
        char *body = (char *)xmalloc(dl + 1);
        chunked_scan(b, have, body, &dl);
        hook_answer(c, status, body, dl, close_it || c->peer_eof);
        free(body);
    } else if (clen >= 0) {
        if (have < (size_t)clen) {
            if (c->peer_eof) { hook_error("Connection closed mid-answer"); conn_close(c, false); }
            return;
        }
        hook_answer(c, status, b, (size_t)clen, close_it || c->peer_eof);
    } else if (status == 204 || status == 304) {
        hook_answer(c, status, NULL, 0, close_it || c->peer_eof);
    } else {
        if (!c->peer_eof) return; /* the body ends when the server closes */
        hook_answer(c, status, b, have, true);
    }
    if (!c->dead && c->hstate == HS_IDLE) hook_kick();
}

/* >>script: playing users ------------------------------------------------------------------- */
static int script_user(const char *name) {
    for (size_t i = 0; i < S.nusers; i++)
        if (!strcmp(S.users[i].name, name)) return (int)i;
    VEC_GROW(S.users, S.nusers, S.capusers);
    user_t *u = &S.users[S.nusers];
    memset(u, 0, sizeof *u);
    copy_utf8(u->name, sizeof u->name, name);
    chatrec *c = &u->chat;
    c->id = BIG_ID + 2 * (int64_t)S.nusers; /* above 2^53: doubles lose these */
    strcpy(c->type, "private");
    c->user_id = c->id;
    copy_utf8(c->first, sizeof c->first, name);
    size_t n = strlen(name), k = 0;
    bool ok = n > 0 && n < sizeof c->uname;
    for (size_t i = 0; i < n && ok; i++) ok = isalnum((unsigned char)name[i]) || name[i] == '_';
    if (ok) {
        for (k = 0; k < n; k++) c->uname[k] = (char)tolower((unsigned char)name[k]);
        c->uname[k] = 0;
        strcpy(c->username, c->uname);
    }
    return (int)S.nusers++;
}

/* "name: text", "name [inline]: query", "name [callback]: data"; "\n" in text is a newline */
static bool script_add_line(const char *s, size_t n, char *why, size_t whylen) {
    while (n && (s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
    if (!n || *s == '#') return true;
    const char *colon = (const char *)memchr(s, ':', n);
    if (!colon || colon == s) { snprintf(why, whylen, "expected 'name: text'"); return false; }
    char name[64];
    size_t nl = (size_t)(colon - s);
    while (nl && (s[nl - 1] == ' ' || s[nl - 1] == '\t')) nl--;
    if (nl >= sizeof name) { snprintf(why, whylen, "name too long"); return false; }
    memcpy(name, s, nl);
    name[nl] = 0;
    int kind = SL_TEXT;
    char *br = strchr(name, '[');
    if (br && nl && name[nl - 1] == ']') {
        name[nl - 1] = 0;
        if (!strcmp(br + 1, "inline")) kind = SL_INLINE;
        else if (!strcmp(br + 1, "callback")) kind = SL_CALLBACK;
        else { snprintf(why, whylen, "unknown kind [%s] (inline, callback)", br + 1); return false; }
        *br = 0;
        for (size_t k = strlen(name); k && name[k - 1] == ' '; k--) name[k - 1] = 0;
    }
    if (!name[0]) { snprintf(why, whylen, "empty name"); return false; }
    const char *t = colon + 1;
    size_t tl = n - (size_t)(t - s);
    while (tl && (*t == ' ' || *t == '\t')) { t++; tl--; }
    if (!tl && kind == SL_TEXT) { snprintf(why, whylen, "empty text"); return false; }
    if (!utf8_valid(s, n)) { snprintf(why, whylen, "not UTF-8"); return false; }
    char *text = (char *)xmalloc(tl + 1);
    size_t j = 0;
    for (size_t i = 0; i < tl; i++) {
        if (t[i] == '\\' && i + 1 < tl && t[i + 1] == 'n') { text[j++] = '\n'; i++; }
        else text[j++] = t[i];
    }
    text[j] = 0;
    VEC_GROW(S.lines, S.nlines, S.caplines);
    S.lines[S.nlines].user = script_user(name);
    S.lines[S.nlines].kind = kind;
    S.lines[S.nlines].text = text;
    S.nlines++;
    return true;
}

static void print_indented(const char *prefix, const char *text) {
    size_t pl = strlen(prefix);
    fputs(prefix, stdout);
    for (const char *p = text; *p; p++) {
        fputc(*p, stdout);
        if (*p == '\n' && p[1]) for (size_t i = 0; i < pl; i++) fputc(' ', stdout);
    }
    fputc('\n', stdout);
    fflush(stdout);
}

static void script_delivered(int64_t first, int64_t last) {
    if (S.active && S.state == SS_WAIT && !S.delivered_at && S.cur_update >= first && S.cur_update <= last)
        S.delivered_at = now_ms();
}

static void bot_event(int64_t chat_id, const char *qid, const char *text) {
    if (!S.active) return;
    bool cur = (S.state == SS_WAIT || S.state == SS_SETTLE) &&
               ((chat_id && chat_id == S.cur_chat) || (qid && !strcmp(qid, S.cur_qid)));
    char prefix[128];
    if (cur || (!chat_id && !qid)) {
        strcpy(prefix, "bot> ");
    } else {
        const char *who = NULL;
        for (size_t i = 0; i < S.nusers && !who; i++)
            if (S.users[i].chat.id == chat_id) who = S.users[i].name;
        if (who) snprintf(prefix, sizeof prefix, "bot (to %s)> ", who);
        else if (chat_id) snprintf(prefix, sizeof prefix, "bot (to %lld)> ", (long long)chat_id);
        else strcpy(prefix, "bot (late)> ");
    }
    print_indented(prefix, text);
    S.botmsgs++;
    if (cur) {
        S.state = SS_SETTLE;
        S.settle_until = now_ms() + E.settle_ms;
    }
}

static void script_play(const sline *l) {
    const user_t *u = &S.users[l->user];
    char *json;
    int64_t mid;
    char prefix[96];
    S.cur_qid[0] = 0;
    if (l->kind == SL_INLINE) {
        json = json_inline_update(&u->chat, l->text, S.cur_qid, sizeof S.cur_qid);
        snprintf(prefix, sizeof prefix, "%s (inline)> ", u->name);
    } else if (l->kind == SL_CALLBACK) {
        json = json_callback_update(&u->chat, l->text, 0, S.cur_qid, sizeof S.cur_qid);
        snprintf(prefix, sizeof prefix, "%s (callback)> ", u->name);
    } else {
        json = json_text_update(&u->chat, l->text, &mid);
        snprintf(prefix, sizeof prefix, "%s> ", u->name);
    }
    print_indented(prefix, l->text);
    S.cur_update = enqueue_update(json, -1);
    S.cur_chat = u->chat.id;
    S.enq_at = now_ms();
    S.delivered_at = 0;
    S.state = SS_WAIT;
    S.played++;
    updates_changed();
}

static int64_t script_deadline(void) {
    if (S.state == SS_WAIT)
        return S.delivered_at ? S.delivered_at + E.reply_timeout_ms : S.enq_at + E.reply_timeout_ms + 10000;
    if (S.state == SS_SETTLE) return S.settle_until;
    return INT64_MAX;
}

static void script_summary(void) {
    fprintf(stderr, "tpemu: script lines=%zu played=%d replied=%d no_reply=%d bot_messages=%d\n",
            S.nlines, S.played, S.replied, S.noreply, S.botmsgs);
}

static void script_tick(void) {
    while (S.active && !E.quit) {
        int64_t now = now_ms();
        if (S.state == SS_IDLE) {
            if (S.next < S.nlines) { script_play(&S.lines[S.next++]); continue; }
            if (S.eof) {
                S.state = SS_DONE;
                script_summary();
                E.quit = true;
                E.exit_code = (S.noreply || S.played < (int)S.nlines) ? 1 : 0;
            }
            return;
        }
        if (S.state == SS_WAIT && now >= script_deadline()) {
            print_indented("", "(no reply)");
            S.noreply++;
            S.state = SS_IDLE;
            continue;
        }
        if (S.state == SS_SETTLE && now >= S.settle_until) {
            S.replied++;
            S.state = SS_IDLE;
            continue;
        }
        return;
    }
}

static void script_read_stdin(void) {
    char buf[4096];
    ssize_t n = read(0, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (n <= 0) {
        S.eof = true;
        if (S.pend.len) {
            char why[128];
            if (!script_add_line(S.pend.p, S.pend.len, why, sizeof why))
                fprintf(stderr, "tpemu: stdin:%d: %s (line skipped)\n", S.lineno + 1, why);
            S.pend.len = 0;
        }
        return;
    }
    ibuf_reserve(&S.pend, (size_t)n);
    memcpy(S.pend.p + S.pend.len, buf, (size_t)n);
    S.pend.len += (size_t)n;
    char *nl;
    while (S.pend.len && (nl = (char *)memchr(S.pend.p, '\n', S.pend.len)) != NULL) {
        size_t ll = (size_t)(nl - S.pend.p);
        char why[128];
        S.lineno++;
        if (!script_add_line(S.pend.p, ll, why, sizeof why))
            fprintf(stderr, "tpemu: stdin:%d: %s (line skipped)\n", S.lineno, why);
        memmove(S.pend.p, nl + 1, S.pend.len - ll - 1);
        S.pend.len -= ll + 1;
    }
}

static bool script_load_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "tpemu: %s: %s\n", path, strerror(errno)); return false; }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0;
    bool ok = true;
    while ((n = getline(&line, &cap, f)) >= 0) {
        char why[128];
        lineno++;
        if (!script_add_line(line, (size_t)n, why, sizeof why)) {
            fprintf(stderr, "tpemu: %s:%d: %s\n", path, lineno, why);
            ok = false;
        }
    }
    free(line);
    fclose(f);
    S.eof = true;
    return ok;
}

/* >>main ------------------------------------------------------------------------------------ */
static const char *const usage_text[] = {
    "usage: tpemu [options]\n"
    "A Telegram Bot API emulator on 127.0.0.1 for testing bots offline. Point the bot at it with\n"
    "TELEPOT_API_URL=http://127.0.0.1:PORT and the token below.\n"
    "\n"
    "  --port N              listen on port N (0 = any free port; default 0)\n"
    "  --port-file PATH      write the port number there once listening (atomically)\n"
    "  --token T             the bot token (default 123456:TEST); others get 401 Unauthorized\n"
    "  --script FILE         play users from FILE ('-' = stdin): lines 'name: text', blank lines and\n"
    "                        '#' comments ignored, 'name [inline]: query' and 'name [callback]: data'\n"
    "                        send those update kinds, '\\n' in a text is a newline. Each line waits\n"
    "                        for the bot's answer; the transcript ('alice> hi', 'bot> hello',\n"
    "                        '(no reply)') goes to stdout, a summary to stderr. Exit 0 when every\n"
    "                        line got an answer, else 1.\n"
    "  --reply-timeout-ms N  script: how long a line waits for an answer after the bot received it\n"
    "                        (default 5000; up to 10 s more while the bot has not polled yet)\n"
    "  --settle-ms N         script: quiet time that ends an answer (default 100)\n"
    "  --updates N           load test: N text updates pending at start over up to 1000 chats (some\n"
    "                        ids > 2^53, some groups, non-ASCII texts; update I goes to chat I mod K).\n"
    "                        Exits when each got its echo (sendMessage with the same chat and text)\n"
    "                        and prints 'tpemu: updates=N replies=R matched=M duplicates=D missing=X\n"
    "                        unexpected=U order_violations=O chats=K elapsed=S replies_per_sec=R';\n"
    "                        O counts first echoes that came after the echo of a later update of the\n"
    "                        same chat. Exit 0 iff M=N, D=0, U=0, O=0\n"
    "  --chats K             --updates: spread the updates over K chats (1..100000; default\n"
    "                        min(N, 1000))\n"
    "  --latency MS          simulated API latency: every answer to a Bot API request (/bot...,\n"
    "                        /file/bot..., faults included; not the /_emu control API) leaves MS ms\n"
    "                        after its request was read. Other connections are served meanwhile;\n"
    "                        pipelined answers on one connection keep their order. A held\n"
    "                        getUpdates answers as without latency, plus MS (default 0)\n"
    "  --latency-jitter MS   add a uniform 0..MS ms to each delay (random from --seed; order on a\n"
    "                        connection still kept)\n"
    "",
    "  --limits              enforce Telegram's flood limits on messages (send* but sendChatAction,\n"
    "                        forward*, copy*): at most 30 in any second over all chats (global), 1\n"
    "                        per second per private chat (chat_id > 0), 20 per minute per group,\n"
    "                        supergroup or channel (chat_id < 0 or @name); a message without\n"
    "                        chat_id counts against the global limit only. One over a limit is not\n"
    "                        carried out: it gets 429 'Too Many Requests: retry after N' with\n"
    "                        parameters.retry_after N, the whole seconds until it would pass\n"
    "                        (rounded up, >= 1), takes no slot, is marked \"limited\":true in\n"
    "                        /_emu/calls and counted in /_emu/stats 'limited' ('answered_429': every\n"
    "                        429, faults included). Decided when the request is read (before\n"
    "                        --latency)\n"
    "  --limit-global N/MS   --limits, with at most N messages in any MS ms over all chats (default\n"
    "                        30/1000; 0/0: no global limit); the other classes keep theirs\n"
    "  --limit-chat N/MS     the same per private chat (default 1/1000)\n"
    "  --limit-group N/MS    the same per group, supergroup or channel (default 20/60000)\n"
    "  --limit-slack MS      a message up to MS ms early still passes (jitter between a client's\n"
    "                        pacing and tpemu's clock; default 10)\n"
    "",
    "  --webhook             push updates to the URL given to setWebhook (http:// only), with the\n"
    "                        X-Telegram-Bot-Api-Secret-Token header, up to max_connections (default\n"
    "                        8) keep-alive connections; a non-2xx answer is retried. Without this\n"
    "                        flag setWebhook is stored (getUpdates then answers 409) but nothing is\n"
    "                        pushed\n"
    "  --webhook-shuffle     webhook: deliver a random one of the 32 oldest pending updates\n"
    "                        (out-of-order delivery across the max_connections connections)\n"
    "  --webhook-dup P       webhook: after a 2xx, deliver the same update once more with\n"
    "                        probability P (0..1), as Telegram does after a lost answer\n"
    "  --fault SPEC          inject a fault (repeatable). SPEC = KIND[@P][#K][/method]:\n"
    "                          429:N     Too Many Requests with retry_after N (default 1)\n"
    "                          429:0     Too Many Requests without retry_after (no \"parameters\")\n"
    "                          500, 4xx  a JSON error with that code\n"
    "                          502/503/504  an HTML error page (text/html)\n"
    "                          reset     close with an RST      close   close without answer\n"
    "                          slow:MS   answer MS ms late      stall   never answer\n"
    "                          truncate  full Content-Length, half the body, then close\n"
    "                          rst-after   answer (saying keep-alive), then close with an RST: the\n"
    "                                      next request on the connection meets a reset\n"
    "                          close-after answer (saying keep-alive), then close (FIN)\n"
    "                        @P: a random fraction P (0..1) of requests (see --seed); #K: the K-th\n"
    "                        matching request only; neither: the next matching request once.\n"
    "                        /method: only that method ('file' = file downloads). A faulted\n"
    "                        getUpdates (but slow, truncate, rst-after, close-after) confirms nothing.\n"
    "  --seed S              seed for fault rates, latency jitter, dice and file ids (default 1)\n"
    "  --max-secs N          exit after N seconds whatever happens (exit 1 in script/updates mode)\n"
    "  --quiet               no banner or warnings on stderr\n"
    "  --verbose             log every call on stderr\n"
    "  --help                this text\n"
    "\n",
    "Control API on the same port, no token:\n"
    "  POST /_emu/fault        body: a SPEC (or 'clear'); armed for the next matching request\n"
    "  POST /_emu/update       body: {\"chat_id\":N,\"text\":\"..\"} (or \"callback_data\" [+\"message_id\"],\n"
    "                          or \"inline_query\"; optional \"first_name\", \"username\"), or any\n"
    "                          Update-like object (tpemu sets update_id). Answers the update_id.\n"
    "  GET  /_emu/calls        JSON array of the calls received: [{\"method\",\"encoding\",\"params\",\n"
    "                          \"files\":{name:{filename,size,content_type}},\"fault\",\"limited\"}];\n"
    "                          ?method=X filters\n"
    "  POST /_emu/reset_calls  forget the recorded calls\n"
    "  GET  /_emu/stats        counters as a JSON object\n"
    "  POST /_emu/quit         exit as on SIGTERM\n"
    "\n"
    "Special chat ids: 403 answers 'Forbidden: bot was blocked by the user'; -42 answers 'group chat\n"
    "was upgraded to a supergroup chat' with migrate_to_chat_id -1001000000042; '@tpemu_channel' is\n"
    "a channel. Bot API: getMe getUpdates sendMessage send{Photo,Document,Audio,Video,Voice,\n"
    "Animation,Sticker,VideoNote,Dice} getFile (+ GET /file/bot<token>/<path>) answerCallbackQuery\n"
    "answerInlineQuery editMessageText editMessageReplyMarkup deleteMessage sendChatAction getChat\n"
    "setWebhook deleteWebhook getWebhookInfo setMyCommands getMyCommands deleteMyCommands logOut close.\n"
    "Every other Bot API 10.1 method is recorded and answered with a schema-valid sample result\n"
    "(tools/tpemu_schema.h, generated from tools/botapi.json).\n",
    NULL};

static void on_signal(int sig) {
    int saved = errno;
    E.signalled = sig;
    if (E.sigpipe[1] >= 0) {
        ssize_t r = write(E.sigpipe[1], "x", 1);
        (void)r;
    }
    errno = saved;
}

static bool arg_i64(const char *opt, const char *v, int64_t lo, int64_t hi, int64_t *out) {
    if (!v || !parse_i64(v, out) || *out < lo || *out > hi) {
        fprintf(stderr, "tpemu: %s needs a number in %lld..%lld\n", opt, (long long)lo, (long long)hi);
        return false;
    }
    return true;
}

static void updates_summary(void) {
    double el = (E.t_first ? (E.t_last > E.t_first ? E.t_last : now_sec()) - E.t_first : 0.0);
    uint64_t missing = (uint64_t)E.n_updates - E.matched;
    fprintf(stderr, "tpemu: updates=%lld replies=%llu matched=%llu duplicates=%llu missing=%llu "
                    "unexpected=%llu order_violations=%llu chats=%zu elapsed=%.3fs replies_per_sec=%.0f\n",
            E.n_updates, (unsigned long long)E.replies, (unsigned long long)E.matched,
            (unsigned long long)E.duplicates, (unsigned long long)missing,
            (unsigned long long)E.unexpected, (unsigned long long)E.order_violations, E.gen_chats, el,
            el > 0 ? (double)E.replies / el : 0.0);
}

static bool write_port_file(void) {
    char tmp[4200];
    if (strlen(E.port_file) > 4000) { fprintf(stderr, "tpemu: --port-file path too long\n"); return false; }
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", E.port_file, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) { fprintf(stderr, "tpemu: %s: %s\n", tmp, strerror(errno)); return false; }
    fprintf(f, "%d\n", E.port);
    if (fclose(f) != 0 || rename(tmp, E.port_file) != 0) {
        fprintf(stderr, "tpemu: %s: %s\n", E.port_file, strerror(errno));
        unlink(tmp);
        return false;
    }
    return true;
}

static void cleanup(void) {
    for (size_t i = 0; i < E.nconns; i++) {
        if (!E.conns[i]->dead) close(E.conns[i]->fd);
        conn_free(E.conns[i]);
    }
    free(E.conns);
    for (size_t i = E.qhead; i < E.qlen; i++) free(E.q[i].json);
    free(E.q);
    for (size_t i = 0; i < E.nmsgs; i++) { free(E.msgs[i].text); free(E.msgs[i].markup); }
    free(E.msgs);
    for (size_t i = 0; i < E.nfiles; i++) { free(E.files[i].data); free(E.files[i].filename); free(E.files[i].ctype); }
    free(E.files);
    for (size_t i = 0; i < E.ncalls; i++) free(E.calls[i]);
    free(E.calls);
    free(E.faults);
    free(E.chats);
    free(E.commands);
    free(E.reply_count);
    free(E.chat_last);
    lb_free(L.global);
    for (size_t i = 0; i < L.cap; i++) lb_free(L.tab[i]);
    free(L.tab);
    for (size_t i = 0; i < S.nlines; i++) free(S.lines[i].text);
    free(S.lines);
    free(S.users);
    ibuf_free(&S.pend);
    if (E.lfd >= 0) close(E.lfd);
    if (E.sigpipe[0] >= 0) close(E.sigpipe[0]);
    if (E.sigpipe[1] >= 0) close(E.sigpipe[1]);
}

static int64_t next_deadline(void) {
    int64_t d = INT64_MAX;
    if (E.t_end) d = E.t_end;
    if (S.active) {
        int64_t s = S.state == SS_IDLE && S.next < S.nlines ? 0 : script_deadline();
        if (s < d) d = s;
    }
    if (hook_usable() && E.hook_backoff_until && E.hook_backoff_until < d) d = E.hook_backoff_until;
    for (size_t i = 0; i < E.nconns; i++) {
        const conn *c = E.conns[i];
        if (c->dead) continue;
        if (c->state == CS_HELD && c->hold_deadline < d) d = c->hold_deadline;
        if (c->send_after && c->send_after < d) d = c->send_after;
        if (!lq_empty(c) && c->lq[c->lq_head].at < d) d = c->lq[c->lq_head].at;
        if (c->rst_check_at && c->rst_check_at < d) d = c->rst_check_at;
        if (c->kind == CK_HOOK && c->hook_upd && c->hook_deadline < d) d = c->hook_deadline;
    }
    return d;
}

static void run_timers(void) {
    int64_t now = now_ms();
    for (size_t i = 0; i < E.nconns; i++) {
        conn *c = E.conns[i];
        if (c->dead) continue;
        if (c->state == CS_HELD && now >= c->hold_deadline) poll_answer(c);
        if (!c->dead && c->send_after && now >= c->send_after) {
            if (conn_flush(c)) conn_process(c);
        }
        if (!c->dead && !lq_empty(c) && now >= c->lq[c->lq_head].at) {
            if (!lq_release(c, now)) conn_close(c, true);
            else conn_flush(c);
        }
        if (!c->dead && c->rst_check_at && now >= c->rst_check_at) {
            c->rst_check_at = 0;
            conn_flush(c);
        }
        if (!c->dead && c->kind == CK_HOOK && c->hook_upd && now >= c->hook_deadline) {
            hook_error("Read timeout expired");
            conn_close(c, false);
        }
    }
    if (hook_usable() && E.hook_backoff_until && now >= E.hook_backoff_until) E.hook_backoff_until = 0;
    limit_sweep();
    hook_kick();
    script_tick();
    if (E.t_end && now >= E.t_end && !E.quit) {
        if (!E.quiet) fprintf(stderr, "tpemu: --max-secs %lld reached\n", (long long)E.max_secs);
        E.quit = true;
        E.exit_code = -1;
    }
}

int main(int argc, char **argv) {
    int64_t v;
    E.lfd = -1;
    E.sigpipe[0] = E.sigpipe[1] = -1;
    strcpy(E.token, "123456:TEST");
    E.reply_timeout_ms = 5000;
    E.settle_ms = 100;
    E.seed = 1;
    const char **fault_specs = (const char **)xmalloc((size_t)argc * sizeof *fault_specs);
    int nfs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDVAL() do { if (!val) { fprintf(stderr, "tpemu: %s needs a value\n", a); free(fault_specs); return 2; } i++; } while (0)
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { for (int k = 0; usage_text[k]; k++) fputs(usage_text[k], stdout); free(fault_specs); return 0; }
        else if (!strcmp(a, "--port")) { NEEDVAL(); if (!arg_i64(a, val, 0, 65535, &v)) { free(fault_specs); return 2; } E.port = (int)v; }
        else if (!strcmp(a, "--port-file")) { NEEDVAL(); E.port_file = val; }
        else if (!strcmp(a, "--token")) {
            NEEDVAL();
            if (!*val || strlen(val) >= sizeof E.token || strchr(val, '/')) { fprintf(stderr, "tpemu: bad --token\n"); free(fault_specs); return 2; }
            strcpy(E.token, val);
        }
        else if (!strcmp(a, "--script")) { NEEDVAL(); E.script_path = val; }
        else if (!strcmp(a, "--updates")) { NEEDVAL(); if (!arg_i64(a, val, 0, 100000000, &v)) { free(fault_specs); return 2; } E.n_updates = v; }
        else if (!strcmp(a, "--chats")) { NEEDVAL(); if (!arg_i64(a, val, 1, 100000, &v)) { free(fault_specs); return 2; } E.chats_opt = v; }
        else if (!strcmp(a, "--latency")) { NEEDVAL(); if (!arg_i64(a, val, 0, 600000, &v)) { free(fault_specs); return 2; } E.latency_ms = v; }
        else if (!strcmp(a, "--latency-jitter")) { NEEDVAL(); if (!arg_i64(a, val, 0, 600000, &v)) { free(fault_specs); return 2; } E.latency_jitter_ms = v; }
        else if (!strcmp(a, "--webhook")) E.webhook_mode = true;
        else if (!strcmp(a, "--webhook-shuffle")) E.hook_shuffle = true;
        else if (!strcmp(a, "--webhook-dup")) { NEEDVAL(); E.hook_dup = atof(val); if (!(E.hook_dup >= 0 && E.hook_dup <= 1)) { fprintf(stderr, "tpemu: --webhook-dup wants 0..1\n"); free(fault_specs); return 2; } }
        else if (!strcmp(a, "--fault")) { NEEDVAL(); fault_specs[nfs++] = val; }
        else if (!strcmp(a, "--limits")) L.on = true;
        else if (!strcmp(a, "--limit-global")) { NEEDVAL(); if (!limit_opt(a, val, LC_GLOBAL)) { free(fault_specs); return 2; } }
        else if (!strcmp(a, "--limit-chat")) { NEEDVAL(); if (!limit_opt(a, val, LC_CHAT)) { free(fault_specs); return 2; } }
        else if (!strcmp(a, "--limit-group")) { NEEDVAL(); if (!limit_opt(a, val, LC_GROUP)) { free(fault_specs); return 2; } }
        else if (!strcmp(a, "--limit-slack")) { NEEDVAL(); if (!arg_i64(a, val, 0, 60000, &v)) { free(fault_specs); return 2; } L.slack_ms = v; }
        else if (!strcmp(a, "--seed")) { NEEDVAL(); if (!arg_i64(a, val, 0, INT64_MAX, &v)) { free(fault_specs); return 2; } E.seed = (uint64_t)v; }
        else if (!strcmp(a, "--quiet")) E.quiet = true;
        else if (!strcmp(a, "--verbose")) E.verbose = true;
        else if (!strcmp(a, "--reply-timeout-ms")) { NEEDVAL(); if (!arg_i64(a, val, 1, 86400000, &v)) { free(fault_specs); return 2; } E.reply_timeout_ms = v; }
        else if (!strcmp(a, "--settle-ms")) { NEEDVAL(); if (!arg_i64(a, val, 0, 60000, &v)) { free(fault_specs); return 2; } E.settle_ms = v; }
        else if (!strcmp(a, "--max-secs")) { NEEDVAL(); if (!arg_i64(a, val, 0, 86400 * 365, &v)) { free(fault_specs); return 2; } E.max_secs = v; }
        else { fprintf(stderr, "tpemu: unknown option %s (see --help)\n", a); free(fault_specs); return 2; }
#undef NEEDVAL
    }
    if (E.script_path && E.n_updates) { fprintf(stderr, "tpemu: --script and --updates do not mix\n"); free(fault_specs); return 2; }
    if (E.chats_opt && !E.n_updates) { fprintf(stderr, "tpemu: --chats goes with --updates\n"); free(fault_specs); return 2; }
    rng_state = E.seed;
    for (int i = 0; i < nfs; i++) {
        char why[160];
        if (!add_fault(fault_specs[i], why, sizeof why)) {
            fprintf(stderr, "tpemu: --fault: %s\n", why);
            free(fault_specs);
            cleanup();
            return 2;
        }
    }
    free(fault_specs);
    if (L.on && L.n[LC_GLOBAL]) L.global = lb_new(LC_GLOBAL, 0, NULL, 0);
    E.bot_id = 123456;
    { int64_t id; char head[32]; size_t hl = strcspn(E.token, ":");
      if (hl < sizeof head) { memcpy(head, E.token, hl); head[hl] = 0; if (parse_i64(head, &id) && id > 0) E.bot_id = id; } }
    E.start_date = time(NULL);
    E.next_update_id = UPDATE_BASE;
    E.next_msg_id = 1;
    { chatrec ch; memset(&ch, 0, sizeof ch); ch.id = -1001000000001LL; strcpy(ch.type, "channel");
      strcpy(ch.title, "tpemu channel"); strcpy(ch.username, "tpemu_channel"); registry_add(&ch); }

    if (E.script_path) {
        S.active = true;
        if (!strcmp(E.script_path, "-")) S.from_stdin = true;
        else if (!script_load_file(E.script_path)) { cleanup(); return 2; }
    }
    if (E.n_updates) {
        int64_t k = E.chats_opt ? E.chats_opt : GEN_CHATS;
        E.gen_chats = (size_t)(E.n_updates < k ? E.n_updates : k);
        E.reply_count = (unsigned char *)xmalloc((size_t)E.n_updates);
        memset(E.reply_count, 0, (size_t)E.n_updates);
        E.chat_last = (int64_t *)xmalloc(E.gen_chats * sizeof *E.chat_last);
        for (size_t i = 0; i < E.gen_chats; i++) E.chat_last[i] = -1;
        for (long long i = 0; i < E.n_updates; i++) enqueue_update(NULL, (int32_t)i);
        E.next_msg_id = E.n_updates + 1;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    if (pipe(E.sigpipe) != 0) { perror("tpemu: pipe"); cleanup(); return 1; }
    set_nonblock(E.sigpipe[0]);
    set_nonblock(E.sigpipe[1]);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    E.lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (E.lfd < 0) { perror("tpemu: socket"); cleanup(); return 1; }
    int one = 1;
    setsockopt(E.lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)E.port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(E.lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(E.lfd, 512) != 0) {
        fprintf(stderr, "tpemu: cannot listen on 127.0.0.1:%d: %s\n", E.port, strerror(errno));
        cleanup();
        return 1;
    }
    socklen_t al = sizeof addr;
    getsockname(E.lfd, (struct sockaddr *)&addr, &al);
    E.port = ntohs(addr.sin_port);
    set_nonblock(E.lfd);
    if (E.port_file && !write_port_file()) { cleanup(); return 1; }
    if (!E.quiet)
        fprintf(stderr, "tpemu: listening on http://127.0.0.1:%d token %s%s%s\n", E.port, E.token,
                E.n_updates ? " (load test)" : S.active ? " (script)" : "", E.webhook_mode ? " (webhook)" : "");
    if (E.max_secs) E.t_end = now_ms() + E.max_secs * 1000;

    struct pollfd *pfds = NULL;
    conn **pconn = NULL;
    size_t pcap = 0;
    int64_t accept_pause_until = 0;
    while (!E.quit) {
        run_timers();
        if (E.quit) break;
        size_t need = E.nconns + 3;
        if (need > pcap) {
            pcap = need * 2;
            pfds = (struct pollfd *)xrealloc(pfds, pcap * sizeof *pfds);
            pconn = (conn **)xrealloc(pconn, pcap * sizeof *pconn);
        }
        size_t np = 0;
        int64_t now = now_ms();
        pfds[np].fd = now >= accept_pause_until ? E.lfd : -1;
        pfds[np].events = POLLIN;
        pconn[np++] = NULL;
        pfds[np].fd = E.sigpipe[0];
        pfds[np].events = POLLIN;
        pconn[np++] = NULL;
        if (S.active && S.from_stdin && !S.eof) {
            pfds[np].fd = 0;
            pfds[np].events = POLLIN;
            pconn[np++] = NULL;
        }
        size_t first_conn = np;
        for (size_t i = 0; i < E.nconns; i++) {
            conn *c = E.conns[i];
            if (c->dead) continue;
            short ev = 0;
            /* after the peer's EOF, reading again would only spin until held answers are due;
               rst-after reads nothing more of the next request */
            if ((c->in.len < RAW_MAX || c->state == CS_STALL) && !(c->peer_eof && c->kind == CK_SERVER) &&
                !c->close_rst)
                ev |= POLLIN;
            if (c->out_off < c->out.len && !(c->send_after && now < c->send_after)) ev |= POLLOUT;
            if (c->kind == CK_HOOK && c->hstate == HS_CONNECTING) ev = POLLOUT;
            pfds[np].fd = c->fd;
            pfds[np].events = ev;
            pconn[np++] = c;
        }
        int64_t d = next_deadline();
        int timeout = 1000;
        if (d != INT64_MAX) {
            int64_t t = d - now_ms();
            timeout = t < 0 ? 0 : t > 1000 ? 1000 : (int)t;
        }
        int n = poll(pfds, (nfds_t)np, timeout);
        if (n < 0 && errno != EINTR) { perror("tpemu: poll"); E.exit_code = 1; break; }
        if (E.signalled) {
            if (!E.quiet) fprintf(stderr, "tpemu: signal %d, stopping\n", (int)E.signalled);
            E.exit_code = -1;
            break;
        }
        if (n <= 0) continue;
        if (pfds[0].revents & POLLIN) {
            accept_all();
            if (E.nconns >= CONNS_MAX) accept_pause_until = now_ms() + 100;
        }
        if (pfds[1].revents) {
            char b[16];
            while (read(E.sigpipe[0], b, sizeof b) > 0) {}
        }
        if (first_conn == 3 && pfds[2].revents) script_read_stdin();
        for (size_t i = first_conn; i < np && !E.quit; i++) {
            conn *c = pconn[i];
            short re = pfds[i].revents;
            if (!re || c->dead) continue;
            if (c->kind == CK_HOOK && c->hstate == HS_CONNECTING) {
                hook_on_writable(c);
                continue;
            }
            if (re & POLLOUT) {
                if (c->kind == CK_HOOK) hook_on_writable(c);
                else if (conn_flush(c)) conn_process(c);
            }
            if (!c->dead && (re & (POLLIN | POLLHUP | POLLERR))) conn_read(c);
        }
        /* sweep the dead */
        size_t j = 0;
        for (size_t i = 0; i < E.nconns; i++) {
            if (E.conns[i]->dead) conn_free(E.conns[i]);
            else E.conns[j++] = E.conns[i];
        }
        E.nconns = j;
    }
    /* flush what is queued (answers to /_emu/quit, the last sendMessage) without waiting */
    for (size_t i = 0; i < E.nconns; i++) {
        conn *c = E.conns[i];
        if (!c->dead && !lq_empty(c)) lq_release(c, INT64_MAX);
        if (!c->dead && c->out.len) { c->send_after = 0; conn_flush(c); }
    }
    int code = E.exit_code;
    if (E.n_updates) {
        updates_summary();
        if (code < 0)
            code = (E.matched == (uint64_t)E.n_updates && !E.duplicates && !E.unexpected && !E.order_violations) ? 0 : 1;
    } else if (S.active) {
        if (S.state != SS_DONE) script_summary();
        if (code < 0) code = 1;
    } else if (code < 0) {
        code = 0;
    }
    free(pfds);
    free(pconn);
    cleanup();
    return code;
}

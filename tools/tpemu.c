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
   per group, answered 429 with retry_after), and can push updates to a webhook. With --web-port
   and --chat a developer talks to the bot as made-up users, in a page it serves or on the
   terminal (the chats of issue 15: >>chat state, >>markup, >>chat, >>web, >>terminal chat).
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
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
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
    char *entities; /* the text's entities (parse_mode, or given), JSON array, or NULL */
    bool deleted;
} botmsg;

typedef struct stfile {
    char id[80], uniq[24], path[96];
    char *data;
    size_t size;
    char *filename, *ctype;
    const char *kind;
    int width, height;
    size_t orig;    /* a smaller size of a user's photo: 1 + the index of the original, whose
                       bytes it shares; 0: its own bytes */
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
    char last_event_id[32]; /* the web port's event stream resumes after it */
    param *params;
    size_t nparams, capparams;
    tp_json_doc *doc;
    const char *encoding;
} req;

enum { CK_SERVER, CK_HOOK, CK_WEB };
enum { CS_READ, CS_HELD, CS_STALL, CS_SSE };
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
    /* web port: an event stream's next event */
    int64_t sse_next;
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

/* >>chat state: the cast, the event log, the terminal (--web-port, --chat) ------------------ */
/* Made-up people a developer plays to talk to the bot: three users with private chats, a group
   of all three and a channel. Everything visible in their chats is an event with a seq number,
   kept in a ring (the last --web-log of them) for the page's server-sent events and the
   terminal chat. Off (and nothing kept) unless --web-port or --chat is given. */
#define CAST_GROUP (-1000LL)
#define CAST_CHANNEL (-1001000000100LL)
#define EV_KEEP 20000                      /* events kept for replay by default */
#define SSE_BUF ((size_t)256 * 1024)       /* unsent bytes per event-stream client */
#define SSE_PING_MS 15000
#define WEB_CONNS_MAX 512                  /* connections on the web port at once (tabs need a few each) */

static const struct cast_user {
    int64_t id;
    const char *first, *uname;
} cast_users[] = {{1001, "Alice", "alice"}, {1002, "Bob", "bob"}, {1003, "Carol", "carol"}};
#define NCAST (sizeof cast_users / sizeof cast_users[0])

typedef struct cmsg {
    int64_t id, chat_id;
    char *json;          /* the Message as the bot knows it (latest edit) */
    bool deleted;
} cmsg;

enum { Q_CALLBACK, Q_INLINE };
typedef struct cquery {
    char id[32];
    int kind;
    int64_t user_id, chat_id, msg_id;
    char *query;         /* inline: the query text */
    char *results;       /* inline: the bot's answer (JSON array), NULL until answered */
} cquery;

typedef struct tkey {   /* a button the terminal numbered */
    char *text, *data;
    int kind;            /* 0 reply text, 1 reply location, 2 callback, 3 url, 4 other */
} tkey;

typedef struct tkb {    /* the keyboard shown last in one chat, for .press */
    tkey *keys;
    size_t n, cap;
    int64_t msg;         /* an inline keyboard's message */
    bool inl;
} tkb;

static struct chat {
    bool on;             /* --web-port or --chat */
    bool web;
    int web_port;
    const char *web_port_file;
    int wfd;
    size_t keep;         /* --web-log */
    char **ev;           /* ring of event JSON, seq s at (s - 1) % keep */
    int64_t last_seq;
    cmsg *msgs;
    size_t nmsgs, capmsgs;
    cquery *qs;
    size_t nqs, capqs;
    int64_t next_ping;
    /* the terminal chat */
    bool term, term_eof, term_tty;
    tp_buf tout;         /* the terminal's output not written yet (from tout_off) */
    size_t tout_off, tout_dropped;
    bool tout_dead;
    size_t nweb, web_max; /* web port connections open, and how many it may have */
    int64_t quit_at;     /* stdin ended: leave then */
    bool acting;         /* the terminal's own action: its messages are not echoed back */
    ibuf line;
    bool line_skip;      /* the rest of an overlong line is dropped */
    size_t user;         /* index into cast_users */
    int64_t chat;
    tkb kb[NCAST + 2];   /* a keyboard per chat: the users', the group's, the channel's */
    char pick_qid[32];
    char **picks;
    size_t npicks, cappicks;
} CH;

static void jw_photo_sizes(tp_jw *w, const stfile *f);
static cmsg *cmsg_find(int64_t id);

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

/* text with the entities parse_mode made (or the bot gave); without them, jw_text's */
static void jw_text_ents(tp_jw *w, const char *text, const char *ents) {
    if (!ents) { jw_text(w, text); return; }
    jk_str(w, "text", text);
    tp_jw_key(w, "entities");
    tp_jw_raw(w, ents);
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

/* The element with `id` of an array sorted by id, n elements of `size` bytes, each starting
   with its int64_t id (botmsg, cmsg), or NULL. */
static void *find_by_id(void *arr, size_t n, size_t size, int64_t id) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (*(const int64_t *)(void *)((char *)arr + mid * size) < id) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && *(const int64_t *)(void *)((char *)arr + lo * size) == id
               ? (char *)arr + lo * size : NULL;
}

typedef char botmsg_id_first[offsetof(botmsg, id) == 0 ? 1 : -1]; /* (find_by_id reads it) */
typedef char cmsg_id_first[offsetof(cmsg, id) == 0 ? 1 : -1];

static botmsg *find_botmsg(int64_t id) {
    return (botmsg *)find_by_id(E.msgs, E.nmsgs, sizeof *E.msgs, id);
}

static void jw_botmsg(tp_jw *w, const botmsg *m) {
    chatrec c;
    chat_lookup(m->chat_id, &c);
    jw_msg_head(w, m->id, &c, true, (int64_t)time(NULL));
    if (m->text) jw_text_ents(w, m->text, m->entities);
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
    if (c->kind == CK_WEB) CH.nweb--;
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

/* An answer; `extra`: more header lines, each ending in \r\n ("" none). */
static void send_response_x(conn *c, int status, const char *ctype, const char *extra,
                            const char *body, size_t n) {
    if (c->dead) return;
    bool ka = c->keep_alive && !c->close_after && !c->peer_eof;
    tp_buf *o = answer_buf(c);
    tp_buf_printf(o,
                  "HTTP/1.1 %d %s\r\nServer: tpemu\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                  "%sConnection: %s\r\n\r\n",
                  status, reason(status), ctype, n, extra, ka ? "keep-alive" : "close");
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

static void send_response(conn *c, int status, const char *ctype, const char *body, size_t n) {
    send_response_x(c, status, ctype, "", body, n);
}

/* A JSON answer from b, or a 500 with `oom` when building b ran out of memory. */
static void send_json_or(conn *c, int status, const char *ctype, const tp_buf *b, const char *oom) {
    if (b->err) send_response(c, 500, ctype, oom, strlen(oom));
    else send_response(c, status, ctype, b->ptr ? b->ptr : "", b->len);
}

static void send_json(conn *c, int status, const tp_buf *b) {
    send_json_or(c, status, "application/json", b, "{\"ok\":false,\"error_code\":500,"
                 "\"description\":\"Internal Server Error: out of memory\"}");
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
        } else if (HN("Last-Event-ID")) {
            size_t n = vl < sizeof r->last_event_id - 1 ? vl : sizeof r->last_event_id - 1;
            memcpy(r->last_event_id, v, n);
            r->last_event_id[n] = 0;
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

/* >>markup: parse_mode ---------------------------------------------------------------------- */
/* A bot's text with parse_mode HTML, MarkdownV2 or Markdown becomes plain text plus entities,
   as Telegram does it (offsets and lengths in UTF-16 units); a text Telegram refuses gets the
   same "can't parse entities" error. */
typedef struct ment {
    const char *type;
    size_t off, len;     /* UTF-16 units */
    char *url, *lang, *emoji;
    size_t at;           /* byte offset of the opening, for errors */
    int tag;             /* the opening token (HTML tag index or Markdown mark) */
    bool open, hidden;   /* hidden: merged into its parent (<pre><code class=...>) */
} ment;

typedef struct mparse {
    tp_buf text;
    ment *e;
    size_t ne, cap;
    size_t u16;          /* UTF-16 length of text so far */
    char err[200];
} mparse;

static void mp_put(mparse *m, const char *s, size_t n) {
    tp_buf_append(&m->text, s, n);
    m->u16 += utf16_len(s, n);
}

/* the whole UTF-8 character at s[i] (never past n) */
static size_t mp_char(mparse *m, const char *s, size_t i, size_t n) {
    size_t k = 1;
    while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80) k++;
    mp_put(m, s + i, k);
    return k;
}

static ment *mp_open(mparse *m, const char *type, size_t at, int tag) {
    VEC_GROW(m->e, m->ne, m->cap);
    ment *e = &m->e[m->ne++];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->off = m->u16;
    e->at = at;
    e->tag = tag;
    e->open = true;
    return e;
}

static ment *mp_top(mparse *m) {
    for (size_t i = m->ne; i-- > 0;)
        if (m->e[i].open) return &m->e[i];
    return NULL;
}

static void mp_close(mparse *m, ment *e) {
    e->len = m->u16 - e->off;
    e->open = false;
}

static void mp_free(mparse *m) {
    for (size_t i = 0; i < m->ne; i++) { free(m->e[i].url); free(m->e[i].lang); free(m->e[i].emoji); }
    free(m->e);
    tp_buf_deinit(&m->text);
    memset(m, 0, sizeof *m);
}

static bool mp_fail(mparse *m, const char *fmt, ...) TP__PRINTF(2, 3);
static bool mp_fail(mparse *m, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->err, sizeof m->err, fmt, ap);
    va_end(ap);
    return false;
}

/* the entities as a JSON array (empty ones dropped, as Telegram does); NULL when none */
static char *mp_entities_json(const mparse *m) {
    tp_buf b;
    tp_jw w;
    size_t n = 0;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_arr(&w);
    for (size_t i = 0; i < m->ne; i++) {
        const ment *e = &m->e[i];
        if (!e->len || e->hidden) continue;
        tp_jw_obj(&w);
        jk_int(&w, "offset", (int64_t)e->off);
        jk_int(&w, "length", (int64_t)e->len);
        jk_str(&w, "type", e->type);
        if (e->url) jk_str(&w, "url", e->url);
        if (e->lang) jk_str(&w, "language", e->lang);
        if (e->emoji) jk_str(&w, "custom_emoji_id", e->emoji);
        tp_jw_obj_end(&w);
        n++;
    }
    tp_jw_arr_end(&w);
    char *s = n && !b.err ? xstrndup(b.ptr, b.len) : NULL;
    tp_buf_deinit(&b);
    return s;
}

/* HTML: b strong i em u ins s strike del span.tg-spoiler tg-spoiler code pre a[href]
   blockquote[expandable] tg-emoji[emoji-id]; &lt; &gt; &amp; &quot; &apos; and &#N; &#xN; */
static const struct html_tag {
    const char *name, *type;
} html_tags[] = {
    {"b", "bold"}, {"strong", "bold"}, {"i", "italic"}, {"em", "italic"}, {"u", "underline"},
    {"ins", "underline"}, {"s", "strikethrough"}, {"strike", "strikethrough"},
    {"del", "strikethrough"}, {"span", "spoiler"}, {"tg-spoiler", "spoiler"}, {"code", "code"},
    {"pre", "pre"}, {"a", "text_link"}, {"blockquote", "blockquote"}, {"tg-emoji", "custom_emoji"},
};

static void put_codepoint(mparse *m, unsigned long cp) {
    char u[4];
    size_t k;
    if (cp < 0x80) { u[0] = (char)cp; k = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); k = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); k = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); k = 4;
    }
    mp_put(m, u, k);
}

/* "&...;" at s[i]: bytes used, 0 when it is no entity (the '&' is then plain text) */
static size_t html_entity(mparse *m, const char *s, size_t i, size_t n) {
    static const struct { const char *name; char c; } named[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    size_t j = i + 1;
    while (j < n && j - i < 12 && s[j] != ';' && isalnum((unsigned char)s[j])) j++;
    if (j == n || s[j] != ';') {
        if (j < n && s[j] == '#') { /* numeric */
            size_t k = j + 1;
            bool hex = k < n && (s[k] == 'x' || s[k] == 'X');
            unsigned long cp = 0;
            if (hex) k++;
            size_t d0 = k;
            while (k < n && k - d0 < 8 && (hex ? hexval((unsigned char)s[k]) >= 0 : isdigit((unsigned char)s[k]))) {
                cp = cp * (hex ? 16 : 10) + (unsigned long)(hex ? hexval((unsigned char)s[k]) : s[k] - '0');
                k++;
            }
            if (k > d0 && k < n && s[k] == ';' && j == i + 1 && cp > 0 && cp <= 0x10FFFF &&
                !(cp >= 0xD800 && cp <= 0xDFFF)) {
                put_codepoint(m, cp);
                return k + 1 - i;
            }
        }
        return 0;
    }
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
        if (strlen(named[k].name) == j - i - 1 && !memcmp(s + i + 1, named[k].name, j - i - 1)) {
            mp_put(m, &named[k].c, 1);
            return j + 1 - i;
        }
    return 0;
}

/* an attribute value of a start tag (the bytes between '<' and '>'), NULL if absent */
static char *html_attr(const char *t, size_t n, const char *attr, bool *present) {
    size_t i = 0, al = strlen(attr);
    *present = false;
    while (i < n && !isspace((unsigned char)t[i])) i++; /* the tag name */
    while (i < n) {
        while (i < n && isspace((unsigned char)t[i])) i++;
        size_t ks = i;
        while (i < n && !isspace((unsigned char)t[i]) && t[i] != '=') i++;
        size_t kl = i - ks;
        char *val = NULL;
        while (i < n && isspace((unsigned char)t[i])) i++;
        if (i < n && t[i] == '=') {
            i++;
            while (i < n && isspace((unsigned char)t[i])) i++;
            if (i < n && (t[i] == '"' || t[i] == '\'')) {
                char q = t[i++];
                size_t vs = i;
                while (i < n && t[i] != q) i++;
                val = xstrndup(t + vs, i - vs);
                if (i < n) i++;
            } else {
                size_t vs = i;
                while (i < n && !isspace((unsigned char)t[i])) i++;
                val = xstrndup(t + vs, i - vs);
            }
        }
        if (kl == al && !strncasecmp(t + ks, attr, al)) {
            *present = true;
            if (!val) val = xstrdup("");
            return val;
        }
        free(val);
        if (!kl) i++;
    }
    return NULL;
}

/* decodes &amp; and friends in an attribute value, in place */
static void html_unescape(char *v) {
    mparse t;
    memset(&t, 0, sizeof t);
    tp_buf_init(&t.text);
    size_t n = strlen(v);
    for (size_t i = 0; i < n;) {
        size_t k = v[i] == '&' ? html_entity(&t, v, i, n) : 0;
        if (k) i += k;
        else mp_put(&t, v + i++, 1);
    }
    memcpy(v, t.text.ptr ? t.text.ptr : "", t.text.len);
    v[t.text.len] = 0; /* never longer than the original */
    mp_free(&t);
}

static bool parse_html(mparse *m, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '&') {
            size_t k = html_entity(m, s, i, n);
            if (k) { i += k; continue; }
            mp_put(m, "&", 1);
            i++;
            continue;
        }
        if (c != '<') { i += mp_char(m, s, i, n); continue; }
        const char *gt = (const char *)memchr(s + i, '>', n - i);
        if (!gt) return mp_fail(m, "Unclosed start tag at byte offset %zu", i);
        size_t tl = (size_t)(gt - (s + i)) - 1; /* between < and > */
        const char *t = s + i + 1;
        if (tl && t[0] == '/') {
            size_t nl = 1;
            while (nl < tl && !isspace((unsigned char)t[nl])) nl++;
            ment *top = mp_top(m);
            if (!top) return mp_fail(m, "Unexpected end tag at byte offset %zu", i);
            const char *want = html_tags[top->tag].name;
            if (strlen(want) != nl - 1 || strncasecmp(t + 1, want, nl - 1))
                return mp_fail(m, "Unmatched end tag at byte offset %zu, expected \"</%s>\", found \"</%.*s>\"",
                               i, want, (int)(nl - 1), t + 1);
            mp_close(m, top);
            i = (size_t)(gt - s) + 1;
            continue;
        }
        size_t nl = 0;
        while (nl < tl && !isspace((unsigned char)t[nl]) && t[nl] != '/') nl++;
        int tag = -1;
        for (size_t k = 0; k < sizeof html_tags / sizeof html_tags[0] && tag < 0; k++)
            if (strlen(html_tags[k].name) == nl && !strncasecmp(t, html_tags[k].name, nl)) tag = (int)k;
        if (tag < 0) return mp_fail(m, "Unsupported start tag \"%.*s\" at byte offset %zu", (int)nl, t, i);
        const char *name = html_tags[tag].name;
        bool has = false;
        ment *parent = mp_top(m);
        ment *e = mp_open(m, html_tags[tag].type, i, tag);
        if (!strcmp(name, "span")) {
            char *cls = html_attr(t, tl, "class", &has);
            bool ok = cls && !strcmp(cls, "tg-spoiler");
            free(cls);
            if (!ok) return mp_fail(m, "Tag \"span\" must have class \"tg-spoiler\" at byte offset %zu", i);
        } else if (!strcmp(name, "a")) {
            e->url = html_attr(t, tl, "href", &has);
            if (e->url) html_unescape(e->url);
            if (!e->url || !*e->url) e->hidden = true; /* an <a> without href is plain text */
        } else if (!strcmp(name, "blockquote")) {
            free(html_attr(t, tl, "expandable", &has));
            if (has) e->type = "expandable_blockquote";
        } else if (!strcmp(name, "tg-emoji")) {
            e->emoji = html_attr(t, tl, "emoji-id", &has);
            if (!e->emoji) return mp_fail(m, "Custom emoji identifier must be specified at byte offset %zu", i);
        } else if (!strcmp(name, "code")) {
            char *cls = html_attr(t, tl, "class", &has);
            if (parent && !strcmp(parent->type, "pre") && parent->off == m->u16 && cls &&
                !strncmp(cls, "language-", 9)) {
                free(parent->lang);
                parent->lang = xstrdup(cls + 9);
                e->hidden = true;
            }
            free(cls);
        }
        i = (size_t)(gt - s) + 1;
    }
    ment *top = mp_top(m);
    if (top) return mp_fail(m, "Can't find end tag corresponding to start tag \"%s\"", html_tags[top->tag].name);
    return true;
}

/* MarkdownV2: *bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` ```lang\npre```
   [text](url) >quote lines; \X escapes any ASCII punctuation; the reserved characters
   _*[]()~`>#+-=|{}.! must be escaped elsewhere */
static const char *md_name(const char *type) {
    if (!strcmp(type, "bold")) return "Bold";
    if (!strcmp(type, "italic")) return "Italic";
    if (!strcmp(type, "underline")) return "Underline";
    if (!strcmp(type, "strikethrough")) return "Strikethrough";
    if (!strcmp(type, "spoiler")) return "Spoiler";
    if (!strcmp(type, "code")) return "Code";
    if (!strcmp(type, "pre")) return "Pre";
    if (!strcmp(type, "text_link")) return "TextUrl";
    return "Blockquote";
}

/* toggles a simple mark: closes it when it is the innermost open one, else opens it */
static bool md_toggle(mparse *m, const char *type, size_t at) {
    ment *top = mp_top(m);
    if (top && !strcmp(top->type, type)) { mp_close(m, top); return true; }
    for (size_t k = 0; k < m->ne; k++)
        if (m->e[k].open && !strcmp(m->e[k].type, type))
            return mp_fail(m, "Can't find end of %s entity at byte offset %zu", md_name(type), m->e[k].at);
    mp_open(m, type, at, 0);
    return true;
}

/* the pre/code body up to its closing backticks; escapes \` and \\ */
static bool md_code(mparse *m, const char *s, size_t *ip, size_t n, bool pre, size_t at) {
    size_t i = *ip;
    ment *e = mp_open(m, pre ? "pre" : "code", at, 0);
    if (pre) { /* ```lang\n: the language is the rest of the first line when it has no spaces */
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '`' && !isspace((unsigned char)s[j])) j++;
        if (j < n && s[j] == '\n') {
            if (j > i) e->lang = xstrndup(s + i, j - i);
            i = j + 1;
        }
    }
    while (i < n) {
        if (s[i] == '\\' && i + 1 < n && (unsigned char)s[i + 1] < 127) { mp_put(m, s + i + 1, 1); i += 2; continue; }
        if (pre ? (n - i >= 3 && !memcmp(s + i, "```", 3)) : s[i] == '`') {
            mp_close(m, e);
            *ip = i + (pre ? 3 : 1);
            return true;
        }
        i += mp_char(m, s, i, n);
    }
    return mp_fail(m, "Can't find end of %s entity at byte offset %zu", pre ? "Pre" : "Code", at);
}

static bool parse_mdv2(mparse *m, const char *s, size_t n) {
    size_t i = 0;
    ment *quote = NULL;
    while (i < n) {
        char c = s[i];
        bool line_start = i == 0 || s[i - 1] == '\n';
        if (line_start && c == '>') {
            if (!quote) quote = mp_open(m, "blockquote", i, 0);
            i++;
            continue;
        }
        if (line_start && n - i >= 3 && !memcmp(s + i, "**>", 3)) {
            if (!quote) quote = mp_open(m, "expandable_blockquote", i, 0);
            i += 3;
            continue;
        }
        if (c == '\n' && quote && (i + 1 >= n || s[i + 1] != '>')) {
            mp_close(m, quote);
            quote = NULL;
        }
        if (quote && n - i >= 2 && !memcmp(s + i, "||", 2) && (i + 2 == n || s[i + 2] == '\n') &&
            !strcmp(quote->type, "expandable_blockquote")) {
            i += 2; /* the || that ends an expandable quote */
            continue;
        }
        if (c == '\\') {
            if (i + 1 < n && (unsigned char)s[i + 1] < 127 && s[i + 1] > 0) { mp_put(m, s + i + 1, 1); i += 2; continue; }
            return mp_fail(m, "Character '\\' is reserved and must be escaped with the preceding '\\'");
        }
        if (c == '*') { if (!md_toggle(m, "bold", i)) return false; i++; continue; }
        if (c == '~') { if (!md_toggle(m, "strikethrough", i)) return false; i++; continue; }
        if (c == '_') {
            if (i + 1 < n && s[i + 1] == '_') { if (!md_toggle(m, "underline", i)) return false; i += 2; }
            else { if (!md_toggle(m, "italic", i)) return false; i++; }
            continue;
        }
        if (c == '|' && i + 1 < n && s[i + 1] == '|') { if (!md_toggle(m, "spoiler", i)) return false; i += 2; continue; }
        if (c == '`') {
            size_t at = i;
            bool pre = n - i >= 3 && !memcmp(s + i, "```", 3);
            i += pre ? 3 : 1;
            if (!md_code(m, s, &i, n, pre, at)) return false;
            continue;
        }
        if (c == '[') { mp_open(m, "text_link", i, '['); i++; continue; }
        if (c == ']') {
            ment *top = mp_top(m);
            if (!top || top->tag != '[') return mp_fail(m, "Character ']' is reserved and must be escaped with the preceding '\\'");
            if (i + 1 >= n || s[i + 1] != '(') { /* [text] without a url: plain text */
                top->hidden = true;
                mp_close(m, top);
                i++;
                continue;
            }
            size_t j = i + 2;
            tp_buf url;
            tp_buf_init(&url);
            while (j < n && s[j] != ')') {
                if (s[j] == '\\' && j + 1 < n) j++;
                tp_buf_append(&url, s + j, 1);
                j++;
            }
            if (j >= n) { tp_buf_deinit(&url); return mp_fail(m, "Can't find end of a url at byte offset %zu", i + 1); }
            top->url = xstrndup(url.ptr ? url.ptr : "", url.len);
            tp_buf_deinit(&url);
            mp_close(m, top);
            i = j + 1;
            continue;
        }
        if (strchr("_*[]()~`>#+-=|{}.!", c))
            return mp_fail(m, "Character '%c' is reserved and must be escaped with the preceding '\\'", c);
        i += mp_char(m, s, i, n);
    }
    if (quote) mp_close(m, quote);
    ment *top = mp_top(m);
    if (top) return mp_fail(m, "Can't find end of %s entity at byte offset %zu", md_name(top->type), top->at);
    return true;
}

/* Markdown (legacy): *bold* _italic_ `code` ```pre``` [text](url); no nesting; \ escapes _*`[ */
static bool parse_md(mparse *m, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\\' && i + 1 < n && strchr("_*`[", s[i + 1])) { mp_put(m, s + i + 1, 1); i += 2; continue; }
        if (c == '*' || c == '_') {
            size_t at = i;
            const char *end = (const char *)memchr(s + i + 1, c, n - i - 1);
            if (!end) return mp_fail(m, "Can't find end of the entity starting at byte offset %zu", at);
            ment *e = mp_open(m, c == '*' ? "bold" : "italic", at, 0);
            for (i++; s + i < end;) i += mp_char(m, s, i, n);
            mp_close(m, e);
            i++;
            continue;
        }
        if (c == '`') {
            size_t at = i;
            bool pre = n - i >= 3 && !memcmp(s + i, "```", 3);
            const char *end = memfind(s + i + (pre ? 3 : 1), n - i - (pre ? 3 : 1), pre ? "```" : "`", pre ? 3 : 1);
            if (!end) return mp_fail(m, "Can't find end of the entity starting at byte offset %zu", at);
            i += pre ? 3 : 1;
            ment *e = NULL;
            if (pre) {
                size_t j = i;
                while (s + j < end && s[j] != '\n' && !isspace((unsigned char)s[j])) j++;
                char *lang = (s + j < end && s[j] == '\n' && j > i) ? xstrndup(s + i, j - i) : NULL;
                if (lang || (s + j < end && s[j] == '\n' && j == i)) i = j + 1;
                e = mp_open(m, "pre", at, 0);
                e->lang = lang;
            } else {
                e = mp_open(m, "code", at, 0);
            }
            while (s + i < end) i += mp_char(m, s, i, n);
            mp_close(m, e);
            i += pre ? 3 : 1;
            continue;
        }
        if (c == '[') {
            const char *close = (const char *)memchr(s + i, ']', n - i);
            const char *paren = close && close + 1 < s + n && close[1] == '(' ? (const char *)memchr(close, ')', (size_t)(s + n - close)) : NULL;
            if (!close || !paren) return mp_fail(m, "Can't find end of the entity starting at byte offset %zu", i);
            ment *e = mp_open(m, "text_link", i, 0);
            e->url = xstrndup(close + 2, (size_t)(paren - close - 2));
            for (i++; s + i < close;) i += mp_char(m, s, i, n);
            mp_close(m, e);
            i = (size_t)(paren - s) + 1;
            continue;
        }
        i += mp_char(m, s, i, n);
    }
    return true;
}

/* text with parse_mode pm (NULL or "": none) -> *plain and *entities (NULL when none).
   false with m->err set when Telegram would refuse it; the caller frees *plain, *entities. */
static bool parse_text(const char *pm, const char *text, char **plain, char **entities, char *err, size_t errcap) {
    mparse m;
    bool ok;
    memset(&m, 0, sizeof m);
    tp_buf_init(&m.text);
    *plain = *entities = NULL;
    size_t n = strlen(text);
    if (!strcasecmp(pm, "HTML")) ok = parse_html(&m, text, n);
    else if (!strcasecmp(pm, "MarkdownV2")) ok = parse_mdv2(&m, text, n);
    else ok = parse_md(&m, text, n);
    if (ok && m.text.err) ok = mp_fail(&m, "out of memory");
    if (ok) {
        *plain = xstrndup(m.text.ptr ? m.text.ptr : "", m.text.len);
        *entities = mp_entities_json(&m);
    } else {
        snprintf(err, errcap, "Bad Request: can't parse entities: %s", m.err);
    }
    mp_free(&m);
    return ok;
}

/* the text or caption of a bot's message after parse_mode (or with the entities it gave as JSON
   in `ekey`); false (the call failed) when Telegram would refuse it. The caller frees both. */
static bool bot_text(call *x, const char *text, const char *ekey, char **plain, char **ents) {
    const char *pm = P(x, "parse_mode");
    *plain = *ents = NULL;
    if (pm && *pm) {
        char err[300];
        if (!parse_text(pm, text, plain, ents, err, sizeof err)) { fail(x, 400, "%s", err); return false; }
        return true;
    }
    const char *ej = P(x, ekey);
    if (ej && *ej) {
        tp_json_doc *d = tp_json_parse(ej, strlen(ej), NULL);
        if (!d || tp_json_typeof(tp_json_root(d)) != TP_JSON_ARRAY) {
            tp_json_doc_free(d);
            fail(x, 400, "Bad Request: can't parse entities JSON object");
            return false;
        }
        if (tp_json_size(tp_json_root(d))) *ents = json_value_text(tp_json_root(d));
        tp_json_doc_free(d);
    }
    *plain = xstrdup(text);
    return true;
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
    if (offset > E.next_update_id && !E.n_updates && !S.active) {
        /* a bot that polled an earlier tpemu on this port: the ids go on from its offset, as
           Telegram's would, rather than restart below it (its next update would be lost) */
        E.next_update_id = offset;
    }
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
    char *plain, *ents;
    if (!text || !*text) { fail(x, 400, "Bad Request: message text is empty"); return; }
    const char *pm = P(x, "parse_mode");
    if (pm && *pm && strcasecmp(pm, "HTML") && strcasecmp(pm, "Markdown") && strcasecmp(pm, "MarkdownV2")) {
        fail(x, 400, "Bad Request: unsupported parse_mode");
        return;
    }
    if (!bot_text(x, text, "entities", &plain, &ents)) return;
    if (!*plain) fail(x, 400, "Bad Request: message text is empty");
    else if (utf16_len(plain, strlen(plain)) > 4096) fail(x, 400, "Bad Request: message is too long");
    if (x->err || !check_markup(x, &markup)) { free(plain); free(ents); return; }
    botmsg *m = store_botmsg(c.id, plain, markup);
    m->entities = ents;
    jw_botmsg(&x->w, m);
    if (E.n_updates) updates_reply(c.id, plain);
    bot_event(c.id, NULL, plain);
    free(plain);
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
    char *cplain = NULL, *cents = NULL;
    if (caption && !bot_text(x, caption, "caption_entities", &cplain, &cents)) return;
    if (cplain && utf16_len(cplain, strlen(cplain)) > 1024) fail(x, 400, "Bad Request: message caption is too long");
    if (x->err || !check_markup(x, &markup)) { free(cplain); free(cents); return; }
    caption = cplain;
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
        jw_photo_sizes(w, f);
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
    if (caption && *caption) {
        jk_str(w, "caption", caption);
        if (cents) { tp_jw_key(w, "caption_entities"); tp_jw_raw(w, cents); }
    }
    if (markup) { tp_jw_key(w, "reply_markup"); tp_jw_raw(w, markup); }
    tp_jw_obj_end(w);
    char line[512];
    snprintf(line, sizeof line, "[%s file_id=%s%s%s%s]%s%s", k->field, f->id,
             f->filename ? " name=" : "", f->filename ? f->filename : "",
             f->size ? "" : " (empty)", caption && *caption ? " " : "", caption ? caption : "");
    free(cplain);
    free(cents);
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
    char *markup, *plain, *ents;
    const char *text = P(x, "text");
    if (!text || !*text) { fail(x, 400, "Bad Request: message text is empty"); return; }
    if (!bot_text(x, text, "entities", &plain, &ents)) return;
    if (!*plain) fail(x, 400, "Bad Request: message text is empty");
    else if (utf16_len(plain, strlen(plain)) > 4096) fail(x, 400, "Bad Request: MESSAGE_TOO_LONG");
    if (x->err || !check_markup(x, &markup)) { free(plain); free(ents); return; }
    const char *imid = P(x, "inline_message_id");
    char line[5000];
    botmsg *m = NULL;
    if (imid && *imid) {
        tp_jw_bool(&x->w, true);
        snprintf(line, sizeof line, "[edit inline %s] %s", imid, plain);
        bot_event(0, NULL, line);
    } else if ((m = edit_target(x, &c)) == NULL) {
    } else if (!m->text) {
        fail(x, 400, "Bad Request: there is no text in the message to edit");
    } else if (!strcmp(m->text, plain) && ((!ents && !m->entities) || (ents && m->entities && !strcmp(ents, m->entities))) &&
               ((!markup && !m->markup) || (markup && m->markup && !strcmp(markup, m->markup)))) {
        fail(x, 400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    } else {
        free(m->text);
        m->text = plain;
        free(m->entities);
        m->entities = ents;
        free(m->markup);
        m->markup = markup;
        plain = ents = markup = NULL;
        jw_msg_head(&x->w, m->id, &c, true, (int64_t)time(NULL));
        jk_int(&x->w, "edit_date", (int64_t)time(NULL));
        jw_text_ents(&x->w, m->text, m->entities);
        if (m->markup) { tp_jw_key(&x->w, "reply_markup"); tp_jw_raw(&x->w, m->markup); }
        tp_jw_obj_end(&x->w);
        snprintf(line, sizeof line, "[edit #%lld] %s", (long long)m->id, m->text);
        bot_event(c.id, NULL, line);
    }
    free(plain);
    free(ents);
    free(markup);
}

static const char *schema_result(const char *name);

/* editMessageCaption: the message as last sent, with the new caption (and markup). Without the
   chats (--web-port, --chat) tpemu keeps no media messages and answers the schema sample. */
static void m_editmessagecaption(call *x) {
    chatrec c;
    char *markup = NULL, *plain = NULL, *ents = NULL;
    const char *imid = P(x, "inline_message_id"), *cap = P(x, "caption");
    if (!CH.on) { tp_jw_raw(&x->w, schema_result(x->method)); return; }
    if (cap && !bot_text(x, cap, "caption_entities", &plain, &ents)) return;
    if (plain && utf16_len(plain, strlen(plain)) > 1024) fail(x, 400, "Bad Request: message caption is too long");
    if (x->err || !check_markup(x, &markup)) { free(plain); free(ents); return; }
    botmsg *m = NULL;
    const cmsg *cm = NULL;
    if (imid && *imid) {
        tp_jw_bool(&x->w, true);
    } else if ((m = edit_target(x, &c)) == NULL) {
    } else if (m->text || (cm = cmsg_find(m->id)) == NULL) {
        fail(x, 400, "Bad Request: there is no caption in the message to edit");
    } else {
        tp_json_doc *d = tp_json_parse(cm->json, strlen(cm->json), NULL);
        tp_jw *w = &x->w;
        tp_jw_obj(w);
        for (const tp_json *it = tp_json_first(tp_json_root(d)); it; it = tp_json_next(it)) {
            const char *k = tp_json_key(it);
            if (!strcmp(k, "caption") || !strcmp(k, "caption_entities") || !strcmp(k, "reply_markup") ||
                !strcmp(k, "edit_date"))
                continue;
            tp_jw_key(w, k);
            tp_jw_value(w, it);
        }
        tp_json_doc_free(d);
        jk_int(w, "edit_date", (int64_t)time(NULL));
        if (plain && *plain) {
            jk_str(w, "caption", plain);
            if (ents) { tp_jw_key(w, "caption_entities"); tp_jw_raw(w, ents); }
        }
        free(m->markup);
        m->markup = markup;
        markup = NULL;
        if (m->markup) { tp_jw_key(w, "reply_markup"); tp_jw_raw(w, m->markup); }
        tp_jw_obj_end(w);
        char line[1200];
        snprintf(line, sizeof line, "[edit #%lld caption] %s", (long long)m->id, plain ? plain : "");
        bot_event(c.id, NULL, line);
    }
    free(plain);
    free(ents);
    free(markup);
}

/* sendLocation, sendVenue, sendContact, sendPoll: the message with what the parameters say */
static bool P_real(call *x, const char *name, double lo, double hi, double *out) {
    const char *v = P(x, name);
    char *end;
    if (!v || !*v) { fail(x, 400, "Bad Request: parameter \"%s\" is required", name); return false; }
    *out = strtod(v, &end);
    if (*skip_ws(end) || !(*out >= lo && *out <= hi)) { fail(x, 400, "Bad Request: wrong %s specified", name); return false; }
    return true;
}

static void m_sendplace(call *x) {
    chatrec c;
    char *markup;
    double lat = 0, lon = 0;
    const char *m = x->method;
    bool place = !strcmp(m, "sendLocation") || !strcmp(m, "sendVenue");
    const char *t1 = NULL, *t2 = NULL;
    tp_json_doc *opts = NULL;
    if (!resolve_chat(x, &c)) return;
    if (place && (!P_real(x, "latitude", -90, 90, &lat) || !P_real(x, "longitude", -180, 180, &lon))) return;
    if (!strcmp(m, "sendVenue") && (!(t1 = P(x, "title")) || !(t2 = P(x, "address")))) {
        fail(x, 400, "Bad Request: parameter \"%s\" is required", t1 ? "address" : "title");
        return;
    }
    if (!strcmp(m, "sendContact") && (!(t1 = P(x, "phone_number")) || !(t2 = P(x, "first_name")))) {
        fail(x, 400, "Bad Request: parameter \"%s\" is required", t1 ? "first_name" : "phone_number");
        return;
    }
    if (!strcmp(m, "sendPoll")) {
        const char *o = P(x, "options");
        t1 = P(x, "question");
        if (!t1 || !*t1) { fail(x, 400, "Bad Request: poll question must be non-empty"); return; }
        opts = o ? tp_json_parse(o, strlen(o), NULL) : NULL;
        if (tp_json_typeof(tp_json_root(opts)) != TP_JSON_ARRAY) { /* (the count is not checked) */
            tp_json_doc_free(opts);
            fail(x, 400, "Bad Request: can't parse options JSON object");
            return;
        }
    }
    if (!check_markup(x, &markup)) { tp_json_doc_free(opts); return; }
    botmsg *bm = store_botmsg(c.id, NULL, markup);
    tp_jw *w = &x->w;
    char line[600];
    jw_msg_head(w, bm->id, &c, true, (int64_t)time(NULL));
    if (place) {
        tp_jw_key(w, "location");
        tp_jw_obj(w);
        tp_jw_key(w, "latitude");
        tp_jw_real(w, lat);
        tp_jw_key(w, "longitude");
        tp_jw_real(w, lon);
        tp_jw_obj_end(w);
        snprintf(line, sizeof line, "[location %.5f, %.5f]", lat, lon);
    }
    if (!strcmp(m, "sendVenue")) {
        tp_jw_key(w, "venue");
        tp_jw_obj(w);
        tp_jw_key(w, "location");
        tp_jw_obj(w);
        tp_jw_key(w, "latitude");
        tp_jw_real(w, lat);
        tp_jw_key(w, "longitude");
        tp_jw_real(w, lon);
        tp_jw_obj_end(w);
        jk_str(w, "title", t1);
        jk_str(w, "address", t2);
        tp_jw_obj_end(w);
        snprintf(line, sizeof line, "[venue %.200s, %.200s]", t1, t2);
    } else if (!strcmp(m, "sendContact")) {
        const char *ln = P(x, "last_name");
        tp_jw_key(w, "contact");
        tp_jw_obj(w);
        jk_str(w, "phone_number", t1);
        jk_str(w, "first_name", t2);
        if (ln) jk_str(w, "last_name", ln);
        tp_jw_obj_end(w);
        snprintf(line, sizeof line, "[contact %.200s %.200s]", t2, t1);
    } else if (!strcmp(m, "sendPoll")) {
        const char *type = P(x, "type");
        bool quiz = type && !strcmp(type, "quiz");
        const char *anon = P(x, "is_anonymous");
        tp_jw_key(w, "poll");
        tp_jw_obj(w);
        char pid[32];
        snprintf(pid, sizeof pid, "%llu", (unsigned long long)(5000000000000000000ULL + (uint64_t)bm->id));
        jk_str(w, "id", pid);
        jk_str(w, "question", t1);
        tp_jw_key(w, "options");
        tp_jw_arr(w);
        for (const tp_json *it = tp_json_first(tp_json_root(opts)); it; it = tp_json_next(it)) {
            const char *ot = tp_json_typeof(it) == TP_JSON_STRING ? tp_json_str(it) : tp_json_get_str(it, "text");
            tp_jw_obj(w);
            jk_str(w, "text", ot ? ot : "");
            jk_int(w, "voter_count", 0);
            tp_jw_obj_end(w);
        }
        tp_jw_arr_end(w);
        jk_int(w, "total_voter_count", 0);
        jk_bool(w, "is_closed", P_bool(x, "is_closed"));
        jk_bool(w, "is_anonymous", !anon || P_bool(x, "is_anonymous"));
        jk_str(w, "type", quiz ? "quiz" : "regular");
        jk_bool(w, "allows_multiple_answers", P_bool(x, "allows_multiple_answers"));
        if (quiz) {
            int64_t k;
            if (P_int(x, "correct_option_id", &k, 0)) jk_int(w, "correct_option_id", k);
        }
        tp_jw_obj_end(w);
        snprintf(line, sizeof line, "[poll %.400s]", t1);
    }
    if (markup) { tp_jw_key(w, "reply_markup"); tp_jw_raw(w, markup); }
    tp_jw_obj_end(w);
    tp_json_doc_free(opts);
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

/* >>chat: the conversation model ----------------------------------------------------------- */
static bool cast_chat(int64_t id) {
    for (size_t i = 0; i < NCAST; i++)
        if (cast_users[i].id == id) return true;
    return id == CAST_GROUP || id == CAST_CHANNEL;
}

static const struct cast_user *cast_user(int64_t id) {
    for (size_t i = 0; i < NCAST; i++)
        if (cast_users[i].id == id) return &cast_users[i];
    return NULL;
}

static const char *chat_name(int64_t id) {
    const struct cast_user *u = cast_user(id);
    if (u) return u->first;
    return id == CAST_GROUP ? "Friends" : id == CAST_CHANNEL ? "News" : "?";
}

static void cast_register(void) {
    chatrec c;
    for (size_t i = 0; i < NCAST; i++) {
        memset(&c, 0, sizeof c);
        c.id = c.user_id = cast_users[i].id;
        strcpy(c.type, "private");
        strcpy(c.first, cast_users[i].first);
        strcpy(c.uname, cast_users[i].uname);
        strcpy(c.username, cast_users[i].uname);
        registry_add(&c);
    }
    memset(&c, 0, sizeof c);
    c.id = CAST_GROUP;
    strcpy(c.type, "group");
    strcpy(c.title, "Friends");
    c.user_id = cast_users[0].id;
    registry_add(&c);
    memset(&c, 0, sizeof c);
    c.id = CAST_CHANNEL;
    strcpy(c.type, "channel");
    strcpy(c.title, "News");
    strcpy(c.username, "tpemu_news");
    registry_add(&c);
}

/* the chat as user `uid` speaks in it (a group's "from" is that user); false with why */
static bool cast_speaker(int64_t uid, int64_t cid, chatrec *sp, char *why, size_t cap) {
    const struct cast_user *u = cast_user(uid);
    const chatrec *r = cast_chat(cid) ? registry_find(cid) : NULL;
    if (!u) { snprintf(why, cap, "unknown user_id %lld", (long long)uid); return false; }
    if (!r) { snprintf(why, cap, "unknown chat_id %lld", (long long)cid); return false; }
    if (!strcmp(r->type, "private") && cid != uid) {
        snprintf(why, cap, "user %s cannot write in %s's private chat", u->uname, chat_name(cid));
        return false;
    }
    *sp = *r;
    sp->user_id = u->id;
    strcpy(sp->first, u->first);
    sp->last[0] = 0;
    strcpy(sp->uname, u->uname);
    return true;
}

/* messages by id (ids only grow, so appending keeps the array sorted) */
static cmsg *cmsg_find(int64_t id) { return (cmsg *)find_by_id(CH.msgs, CH.nmsgs, sizeof *CH.msgs, id); }

static void cmsg_put(int64_t id, int64_t chat_id, const char *json) {
    cmsg *m = cmsg_find(id);
    if (!m) {
        size_t at = CH.nmsgs;
        while (at > 0 && CH.msgs[at - 1].id > id) at--;
        VEC_GROW(CH.msgs, CH.nmsgs, CH.capmsgs);
        memmove(&CH.msgs[at + 1], &CH.msgs[at], (CH.nmsgs - at) * sizeof *CH.msgs);
        CH.nmsgs++;
        m = &CH.msgs[at];
        memset(m, 0, sizeof *m);
        m->id = id;
    } else {
        free(m->json);
    }
    m->chat_id = chat_id;
    m->json = xstrdup(json);
}

static cquery *cquery_find(const char *id) {
    for (size_t i = CH.nqs; i-- > 0;)
        if (!strcmp(CH.qs[i].id, id)) return &CH.qs[i];
    return NULL;
}

static cquery *cquery_add(int kind, int64_t uid, int64_t cid) {
    VEC_GROW(CH.qs, CH.nqs, CH.capqs);
    cquery *q = &CH.qs[CH.nqs++];
    memset(q, 0, sizeof *q);
    snprintf(q->id, sizeof q->id, "%llu",
             (unsigned long long)((kind == Q_CALLBACK ? 4382938129384729000ULL : 5382938129384729000ULL) +
                                  E.next_query_id++));
    q->kind = kind;
    q->user_id = uid;
    q->chat_id = cid;
    return q;
}

/* ---- the event log ---- */
static int64_t ev_first(void) {
    return CH.last_seq >= (int64_t)CH.keep ? CH.last_seq - (int64_t)CH.keep + 1 : 1;
}
static const char *ev_get(int64_t seq) { return CH.ev[(size_t)((seq - 1) % (int64_t)CH.keep)]; }

static void ev_begin(tp_buf *b, tp_jw *w, const char *type) {
    tp_buf_init(b);
    tp_jw_init(w, b);
    tp_jw_obj(w);
    jk_int(w, "seq", CH.last_seq + 1);
    jk_str(w, "type", type);
}

static void sse_pump(conn *c);
static void term_show(const char *json);

/* the event in b becomes seq last_seq + 1: kept, streamed to every page, shown in the terminal */
static void ev_commit(tp_buf *b, tp_jw *w) {
    tp_jw_obj_end(w);
    if (!b->err) {
        size_t slot = (size_t)(CH.last_seq % (int64_t)CH.keep);
        free(CH.ev[slot]);
        CH.ev[slot] = xstrndup(b->ptr, b->len);
        CH.last_seq++;
        for (size_t i = 0; i < E.nconns; i++)
            if (E.conns[i]->kind == CK_WEB && E.conns[i]->state == CS_SSE && !E.conns[i]->dead)
                sse_pump(E.conns[i]);
        if (CH.term) term_show(CH.ev[slot]);
    }
    tp_buf_deinit(b);
}

/* msg with extra members spliced in before its closing brace (NULL: none) */
static void jw_msg_extra(tp_jw *w, const char *msg, const char *extra) {
    if (!extra) { tp_jw_raw(w, msg); return; }
    size_t n = strlen(msg);
    while (n && msg[n - 1] != '}') n--;
    if (!n) { tp_jw_raw(w, msg); return; }
    tp_buf t;
    tp_buf_init(&t);
    tp_buf_append(&t, msg, n - 1);
    tp_buf_printf(&t, "%s%s}", n > 2 ? "," : "", extra);
    tp_jw_raw(w, t.ptr ? t.ptr : msg);
    tp_buf_deinit(&t);
}

static void ev_message(const char *type, int64_t chat_id, bool from_bot, const char *msg, const char *extra) {
    tp_buf b;
    tp_jw w;
    ev_begin(&b, &w, type);
    jk_int(&w, "chat_id", chat_id);
    if (!strcmp(type, "message")) jk_bool(&w, "from_bot", from_bot);
    tp_jw_key(&w, "message");
    jw_msg_extra(&w, msg, extra);
    ev_commit(&b, &w);
}

static void ev_error(const char *text) {
    tp_buf b;
    tp_jw w;
    ev_begin(&b, &w, "error");
    jk_str(&w, "text", text);
    ev_commit(&b, &w);
}

/* ---- what the bot did, seen from the chats: called after every successful Bot API call ---- */
static int64_t param_chat_id(call *x) {
    const char *v = P(x, "chat_id");
    int64_t id = 0;
    if (!v) return 0;
    if (v[0] == '@') {
        const chatrec *r = registry_find_username(v + 1);
        return r ? r->id : 0;
    }
    return parse_i64(v, &id) ? id : 0;
}

static void note_bot_msg(const tp_json *msg, const char *extra, bool edit) {
    int64_t cid = tp_json_get_int(tp_json_get(msg, "chat"), "id");
    int64_t mid = tp_json_get_int(msg, "message_id");
    if (!cast_chat(cid) || !mid) return;
    char *js = json_value_text(msg);
    cmsg_put(mid, cid, js);
    ev_message(edit ? "edit" : "message", cid, true, js, extra);
    free(js);
}

/* a bot's message that replies to one in the chats gets its reply_to_message, as Telegram's
   answer does (reply_parameters.message_id or reply_to_message_id) */
static void add_reply_to(call *x) {
    int64_t rid = 0;
    const char *rp = P(x, "reply_parameters");
    if (rp) {
        tp_json_doc *d = tp_json_parse(rp, strlen(rp), NULL);
        rid = tp_json_get_int(tp_json_root(d), "message_id");
        tp_json_doc_free(d);
    } else if (!parse_i64(P(x, "reply_to_message_id"), &rid)) {
        rid = 0;
    }
    const cmsg *r = rid ? cmsg_find(rid) : NULL;
    if (!r || r->deleted || r->chat_id != param_chat_id(x) || x->res.len < 2 || x->res.ptr[x->res.len - 1] != '}')
        return;
    x->res.len--;
    tp_buf_printf(&x->res, ",\"reply_to_message\":%s}", r->json);
}

static void chat_after_call(call *x) {
    const char *m = x->method;
    if (!CH.on || x->err) return;
    if (!strncmp(m, "send", 4) && strcmp(m, "sendChatAction")) add_reply_to(x);
    tp_json_doc *d = x->res.len ? tp_json_parse(x->res.ptr, x->res.len, NULL) : NULL;
    const tp_json *root = tp_json_root(d);
    if (!strncmp(m, "send", 4) && strcmp(m, "sendChatAction")) {
        char *extra = NULL;
        const char *rm = P(x, "reply_markup");
        tp_json_doc *md = rm && *rm ? tp_json_parse(rm, strlen(rm), NULL) : NULL;
        if (md && tp_json_typeof(tp_json_root(md)) == TP_JSON_OBJECT &&
            !tp_json_get(tp_json_root(md), "inline_keyboard")) {
            /* Telegram's answer leaves reply keyboards out; the chats show them */
            char *v = json_value_text(tp_json_root(md));
            size_t n = strlen(v) + 20;
            extra = (char *)xmalloc(n);
            snprintf(extra, n, "\"reply_markup\":%s", v);
            free(v);
        }
        tp_json_doc_free(md);
        if (tp_json_typeof(root) == TP_JSON_OBJECT) note_bot_msg(root, extra, false);
        else if (tp_json_typeof(root) == TP_JSON_ARRAY)
            for (const tp_json *it = tp_json_first(root); it; it = tp_json_next(it)) note_bot_msg(it, NULL, false);
        free(extra);
    } else if (!strncmp(m, "editMessage", 11) || !strcmp(m, "stopMessageLiveLocation")) {
        if (tp_json_typeof(root) == TP_JSON_OBJECT) note_bot_msg(root, NULL, true);
    } else if (!strcmp(m, "deleteMessage") || !strcmp(m, "deleteMessages")) {
        int64_t cid = param_chat_id(x);
        if (cast_chat(cid)) {
            tp_buf b;
            tp_jw w;
            ev_begin(&b, &w, "delete");
            jk_int(&w, "chat_id", cid);
            tp_jw_key(&w, "message_ids");
            tp_jw_arr(&w);
            const char *ids = P(x, "message_ids");
            tp_json_doc *idd = ids ? tp_json_parse(ids, strlen(ids), NULL) : NULL;
            int64_t one;
            if (!strcmp(m, "deleteMessage") && P_int(x, "message_id", &one, 0)) {
                tp_jw_int(&w, one);
                cmsg *c = cmsg_find(one);
                if (c) c->deleted = true;
            }
            size_t n = !strcmp(m, "deleteMessage");
            for (const tp_json *it = tp_json_first(tp_json_root(idd)); it; it = tp_json_next(it)) {
                cmsg *c = cmsg_find(tp_json_int(it));
                if (!c || c->chat_id != cid || c->deleted) continue; /* not there: nothing to take away */
                tp_jw_int(&w, tp_json_int(it));
                c->deleted = true;
                n++;
            }
            tp_json_doc_free(idd);
            tp_jw_arr_end(&w);
            if (n) ev_commit(&b, &w);
            else tp_buf_deinit(&b);
        }
    } else if (!strcmp(m, "sendChatAction")) {
        int64_t cid = param_chat_id(x);
        if (cast_chat(cid)) {
            tp_buf b;
            tp_jw w;
            ev_begin(&b, &w, "action");
            jk_int(&w, "chat_id", cid);
            jk_str(&w, "action", P(x, "action"));
            ev_commit(&b, &w);
        }
    } else if (!strcmp(m, "answerCallbackQuery")) {
        const char *qid = P(x, "callback_query_id");
        const cquery *q = qid ? cquery_find(qid) : NULL;
        if (q && q->kind == Q_CALLBACK) {
            tp_buf b;
            tp_jw w;
            const char *t = P(x, "text"), *url = P(x, "url");
            ev_begin(&b, &w, "callback_answer");
            jk_int(&w, "chat_id", q->chat_id);
            jk_int(&w, "message_id", q->msg_id);
            jk_str(&w, "query_id", q->id);
            jk_str(&w, "text", t ? t : "");
            jk_bool(&w, "show_alert", P_bool(x, "show_alert"));
            if (url) jk_str(&w, "url", url);
            else { tp_jw_key(&w, "url"); tp_jw_null(&w); }
            ev_commit(&b, &w);
        }
    } else if (!strcmp(m, "answerInlineQuery")) {
        const char *qid = P(x, "inline_query_id"), *res = P(x, "results");
        cquery *q = qid ? cquery_find(qid) : NULL;
        tp_json_doc *rd = res ? tp_json_parse(res, strlen(res), NULL) : NULL;
        if (q && q->kind == Q_INLINE && rd) {
            free(q->results);
            q->results = json_value_text(tp_json_root(rd));
            tp_buf b;
            tp_jw w;
            ev_begin(&b, &w, "inline_results");
            jk_int(&w, "user_id", q->user_id);
            jk_int(&w, "chat_id", q->chat_id);
            jk_str(&w, "query_id", q->id);
            jk_str(&w, "query", q->query ? q->query : "");
            tp_jw_key(&w, "results");
            tp_jw_raw(&w, q->results);
            ev_commit(&b, &w);
        }
        tp_json_doc_free(rd);
    }
    tp_json_doc_free(d);
}

/* ---- what a user does: the Update for the bot, and the message event for the chats ---- */
static bool word_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* a user's text with the entities Telegram finds in it: /commands, @mentions, urls */
static void jw_user_text(tp_jw *w, const char *text_key, const char *ekey, const char *text) {
    size_t n = strlen(text), found = 0;
    jk_str(w, text_key, text);
    for (size_t i = 0; i < n;) {
        bool start = i == 0 || isspace((unsigned char)text[i - 1]);
        size_t e = i;
        const char *type = NULL;
        if (start && text[i] == '/' && i + 1 < n && word_char(text[i + 1])) {
            e = i + 1;
            while (e < n && (word_char(text[e]) || text[e] == '@')) e++;
            type = "bot_command";
        } else if (start && text[i] == '@' && i + 1 < n && word_char(text[i + 1])) {
            e = i + 1;
            while (e < n && word_char(text[e])) e++;
            type = "mention";
        } else if (start && (!strncmp(text + i, "http://", 7) || !strncmp(text + i, "https://", 8))) {
            e = i;
            while (e < n && !isspace((unsigned char)text[e])) e++;
            type = "url";
        }
        if (!type) { i++; continue; }
        if (!found++) { tp_jw_key(w, ekey); tp_jw_arr(w); }
        tp_jw_obj(w);
        jk_int(w, "offset", (int64_t)utf16_len(text, i));
        jk_int(w, "length", (int64_t)utf16_len(text + i, e - i));
        jk_str(w, "type", type);
        tp_jw_obj_end(w);
        i = e;
    }
    if (found) tp_jw_arr_end(w);
}

static void um_begin(tp_buf *b, tp_jw *w, const chatrec *sp, int64_t mid, int64_t reply_to) {
    tp_buf_init(b);
    tp_jw_init(w, b);
    jw_msg_head(w, mid, sp, false, (int64_t)time(NULL));
    const cmsg *r = reply_to ? cmsg_find(reply_to) : NULL;
    if (r) { tp_jw_key(w, "reply_to_message"); tp_jw_raw(w, r->json); }
}

static int64_t enqueue_raw(const char *kind, const char *value) {
    tp_buf u;
    tp_buf_init(&u);
    tp_buf_printf(&u, "{\"update_id\":%lld,\"%s\":%s}", (long long)E.next_update_id, kind, value);
    int64_t uid = enqueue_update(xstrndup(u.ptr ? u.ptr : "{}", u.len), -1);
    tp_buf_deinit(&u);
    updates_changed();
    return uid;
}

/* closes the message of um_begin: kept, shown in the chats, and sent to the bot */
static int64_t um_finish(tp_buf *b, tp_jw *w, const chatrec *sp, int64_t mid) {
    tp_jw_obj_end(w);
    char *msg = xstrndup(b->ptr ? b->ptr : "{}", b->len);
    tp_buf_deinit(b);
    cmsg_put(mid, sp->id, msg);
    ev_message("message", sp->id, false, msg, NULL);
    int64_t uid = enqueue_raw(!strcmp(sp->type, "channel") ? "channel_post" : "message", msg);
    free(msg);
    return uid;
}

typedef struct act {
    int64_t user_id, chat_id, reply_to;
    const char *text;        /* a text message */
    bool loc;                /* a location */
    double lat, lon;
    const char *dice;        /* a dice emoji */
    bool callback;           /* an inline button pressed */
    int64_t cb_msg;
    const char *cb_data;
    const char *inline_q;    /* an inline query */
    const char *pick_qid, *pick_rid; /* chosen_inline_result */
} act;

typedef struct act_res {
    int64_t update_id, message_id;
    char query_id[32];
} act_res;

static const char *const dice_emoji[] = {"🎲", "🎯", "🏀", "⚽", "🎳", "🎰"};

/* the result's content posted as the user's message "via" the bot (chosen_inline_result) */
static bool post_inline_result(const chatrec *sp, const tp_json *res, act_res *r, char *why, size_t cap) {
    const tp_json *imc = tp_json_get(res, "input_message_content");
    const char *mt = tp_json_get_str(imc, "message_text");
    const char *type = tp_json_get_str(res, "type");
    char *plain = NULL, *ents = NULL;
    tp_buf b;
    tp_jw w;
    if (mt) {
        const char *pm = tp_json_get_str(imc, "parse_mode");
        if (pm && *pm) {
            char err[300];
            if (!parse_text(pm, mt, &plain, &ents, err, sizeof err)) { snprintf(why, cap, "%s", err); return false; }
        } else {
            plain = xstrdup(mt);
        }
    }
    stfile *f = NULL;
    if (!mt && type && !strcmp(type, "photo")) {
        const char *fid = tp_json_get_str(res, "photo_file_id"), *url = tp_json_get_str(res, "photo_url");
        if (fid) f = find_file_id(fid);
        if (!f && url) {
            const char *slash = strrchr(url, '/');
            f = store_file(&media_kinds[0], "", 0, slash && slash[1] ? slash + 1 : NULL, NULL);
        }
    }
    r->message_id = new_message_id();
    um_begin(&b, &w, sp, r->message_id, 0);
    tp_jw_key(&w, "via_bot");
    jw_bot_user(&w);
    if (plain) {
        jk_str(&w, "text", plain);
        if (ents) { tp_jw_key(&w, "entities"); tp_jw_raw(&w, ents); }
    } else if (f) {
        jw_photo_sizes(&w, f);
        const char *cap2 = tp_json_get_str(res, "caption");
        if (cap2) jk_str(&w, "caption", cap2);
    } else {
        const char *t = tp_json_get_str(res, "title");
        jk_str(&w, "text", t ? t : "(inline result)");
    }
    const tp_json *rm = tp_json_get(res, "reply_markup");
    if (rm) { tp_jw_key(&w, "reply_markup"); tp_jw_value(&w, rm); }
    free(plain);
    free(ents);
    um_finish(&b, &w, sp, r->message_id);
    return true;
}

/* whether a message (JSON) has an inline button with callback_data `data`, as Telegram
   checks a press */
static bool has_callback_button(const char *msg, const char *data) {
    tp_json_doc *d = tp_json_parse(msg, strlen(msg), NULL);
    const tp_json *kb = tp_json_get(tp_json_get(tp_json_root(d), "reply_markup"), "inline_keyboard");
    bool found = false;
    for (const tp_json *row = tp_json_first(kb); row && !found; row = tp_json_next(row))
        for (const tp_json *bt = tp_json_first(row); bt && !found; bt = tp_json_next(bt)) {
            const char *cd = tp_json_get_str(bt, "callback_data");
            found = cd && !strcmp(cd, data);
        }
    tp_json_doc_free(d);
    return found;
}

/* one user action (the page's POST /api/send, the terminal's lines); false with why */
static bool chat_act(const act *a, act_res *r, char *why, size_t cap) {
    chatrec sp;
    tp_buf b;
    tp_jw w;
    memset(r, 0, sizeof *r);
    if (!cast_speaker(a->user_id, a->chat_id, &sp, why, cap)) return false;
    if (a->reply_to) {
        const cmsg *m = cmsg_find(a->reply_to);
        if (!m || m->deleted || m->chat_id != a->chat_id) { snprintf(why, cap, "message to be replied not found"); return false; }
    }
    if (a->text) {
        size_t n = strlen(a->text);
        if (!n) { snprintf(why, cap, "message text is empty"); return false; }
        if (!utf8_valid(a->text, n)) { snprintf(why, cap, "text must be UTF-8"); return false; }
        if (utf16_len(a->text, n) > 4096) { snprintf(why, cap, "message is too long"); return false; }
        r->message_id = new_message_id();
        um_begin(&b, &w, &sp, r->message_id, a->reply_to);
        jw_user_text(&w, "text", "entities", a->text);
        r->update_id = um_finish(&b, &w, &sp, r->message_id);
        return true;
    }
    if (a->loc) {
        if (!(a->lat >= -90 && a->lat <= 90 && a->lon >= -180 && a->lon <= 180)) {
            snprintf(why, cap, "latitude must be in -90..90 and longitude in -180..180");
            return false;
        }
        r->message_id = new_message_id();
        um_begin(&b, &w, &sp, r->message_id, a->reply_to);
        tp_jw_key(&w, "location");
        tp_jw_obj(&w);
        tp_jw_key(&w, "latitude");
        tp_jw_real(&w, a->lat);
        tp_jw_key(&w, "longitude");
        tp_jw_real(&w, a->lon);
        tp_jw_obj_end(&w);
        r->update_id = um_finish(&b, &w, &sp, r->message_id);
        return true;
    }
    if (a->dice) {
        const char *emoji = *a->dice ? a->dice : dice_emoji[0];
        bool known = false;
        for (size_t i = 0; i < sizeof dice_emoji / sizeof dice_emoji[0]; i++) known |= !strcmp(emoji, dice_emoji[i]);
        if (!known) { snprintf(why, cap, "dice must be one of 🎲 🎯 🏀 ⚽ 🎳 🎰"); return false; }
        int max = !strcmp(emoji, "🎰") ? 64 : (!strcmp(emoji, "🏀") || !strcmp(emoji, "⚽")) ? 5 : 6;
        r->message_id = new_message_id();
        um_begin(&b, &w, &sp, r->message_id, a->reply_to);
        tp_jw_key(&w, "dice");
        tp_jw_obj(&w);
        jk_str(&w, "emoji", emoji);
        jk_int(&w, "value", 1 + (int64_t)(rng_next() % (uint64_t)max));
        tp_jw_obj_end(&w);
        r->update_id = um_finish(&b, &w, &sp, r->message_id);
        return true;
    }
    if (a->callback) {
        const cmsg *m = cmsg_find(a->cb_msg);
        if (!m || m->deleted || m->chat_id != a->chat_id) { snprintf(why, cap, "message %lld not found in that chat", (long long)a->cb_msg); return false; }
        if (!a->cb_data || !*a->cb_data) { snprintf(why, cap, "callback data is empty"); return false; }
        if (strlen(a->cb_data) > 64) { snprintf(why, cap, "callback data is longer than 64 bytes"); return false; }
        if (!has_callback_button(m->json, a->cb_data)) {
            snprintf(why, cap, "message %lld has no inline button with that callback data", (long long)a->cb_msg);
            return false;
        }
        cquery *q = cquery_add(Q_CALLBACK, a->user_id, a->chat_id);
        q->msg_id = a->cb_msg;
        snprintf(r->query_id, sizeof r->query_id, "%s", q->id);
        tp_buf_init(&b);
        tp_jw_init(&w, &b);
        tp_jw_obj(&w);
        jk_str(&w, "id", q->id);
        tp_jw_key(&w, "from");
        jw_user(&w, &sp);
        tp_jw_key(&w, "message");
        tp_jw_raw(&w, m->json);
        jk_str(&w, "chat_instance", "-5183843117485312345");
        jk_str(&w, "data", a->cb_data);
        tp_jw_obj_end(&w);
        r->update_id = enqueue_raw("callback_query", b.ptr ? b.ptr : "{}");
        tp_buf_deinit(&b);
        return true;
    }
    if (a->inline_q) {
        if (strlen(a->inline_q) > 256) { snprintf(why, cap, "inline query is longer than 256 bytes"); return false; }
        cquery *q = cquery_add(Q_INLINE, a->user_id, a->chat_id);
        q->query = xstrdup(a->inline_q);
        snprintf(r->query_id, sizeof r->query_id, "%s", q->id);
        tp_buf_init(&b);
        tp_jw_init(&w, &b);
        tp_jw_obj(&w);
        jk_str(&w, "id", q->id);
        tp_jw_key(&w, "from");
        jw_user(&w, &sp);
        jk_str(&w, "query", a->inline_q);
        jk_str(&w, "offset", "");
        jk_str(&w, "chat_type", !strcmp(sp.type, "private") ? "sender" : sp.type);
        tp_jw_obj_end(&w);
        r->update_id = enqueue_raw("inline_query", b.ptr ? b.ptr : "{}");
        tp_buf_deinit(&b);
        return true;
    }
    if (a->pick_qid) {
        const cquery *q = cquery_find(a->pick_qid);
        if (!q || q->kind != Q_INLINE) { snprintf(why, cap, "unknown inline query %s", a->pick_qid); return false; }
        if (q->user_id != a->user_id || q->chat_id != a->chat_id) {
            snprintf(why, cap, "inline query %s was asked by another user or in another chat", q->id);
            return false;
        }
        if (!q->results) { snprintf(why, cap, "the bot has not answered inline query %s", q->id); return false; }
        tp_json_doc *d = tp_json_parse(q->results, strlen(q->results), NULL);
        const tp_json *res = NULL;
        for (const tp_json *it = tp_json_first(tp_json_root(d)); it && !res; it = tp_json_next(it)) {
            const char *id = tp_json_get_str(it, "id");
            if (id && a->pick_rid && !strcmp(id, a->pick_rid)) res = it;
        }
        if (!res) { tp_json_doc_free(d); snprintf(why, cap, "no result %s in inline query %s", a->pick_rid ? a->pick_rid : "", q->id); return false; }
        /* a result whose text does not parse is refused before the bot hears of the choice */
        const tp_json *imc = tp_json_get(res, "input_message_content");
        const char *mt = tp_json_get_str(imc, "message_text"), *pm = tp_json_get_str(imc, "parse_mode");
        char *plain = NULL, *ents = NULL;
        bool parses = !mt || !pm || !*pm || parse_text(pm, mt, &plain, &ents, why, cap);
        free(plain);
        free(ents);
        if (!parses) { tp_json_doc_free(d); return false; }
        tp_buf_init(&b);
        tp_jw_init(&w, &b);
        tp_jw_obj(&w);
        jk_str(&w, "result_id", a->pick_rid);
        tp_jw_key(&w, "from");
        jw_user(&w, &sp);
        jk_str(&w, "query", q->query ? q->query : "");
        tp_jw_obj_end(&w);
        r->update_id = enqueue_raw("chosen_inline_result", b.ptr ? b.ptr : "{}");
        tp_buf_deinit(&b);
        bool ok = post_inline_result(&sp, res, r, why, cap);
        tp_json_doc_free(d);
        return ok;
    }
    snprintf(why, cap, "nothing to send: need text, location, dice, callback, inline_query or chosen_inline_result");
    return false;
}

/* ---- files from users ---- */
static void image_size(const char *d, size_t n, int *w, int *h) {
    const unsigned char *u = (const unsigned char *)d;
    *w = *h = 0;
    png_size(d, n, w, h);
    if (*w) return;
    if (n >= 10 && (!memcmp(d, "GIF87a", 6) || !memcmp(d, "GIF89a", 6))) {
        *w = u[6] | u[7] << 8;
        *h = u[8] | u[9] << 8;
        return;
    }
    if (n < 4 || u[0] != 0xFF || u[1] != 0xD8) return;
    size_t i = 2;
    while (i + 9 < n) { /* JPEG: walk the segments to a start-of-frame */
        if (u[i] != 0xFF) { i++; continue; }
        unsigned mk = u[i + 1];
        if (mk == 0xFF) { i++; continue; }
        if (mk == 0xD8 || mk == 0x01 || (mk >= 0xD0 && mk <= 0xD7)) { i += 2; continue; }
        size_t len = (size_t)u[i + 2] << 8 | u[i + 3];
        if (mk >= 0xC0 && mk <= 0xCF && mk != 0xC4 && mk != 0xC8 && mk != 0xCC) {
            *h = u[i + 5] << 8 | u[i + 6];
            *w = u[i + 7] << 8 | u[i + 8];
            return;
        }
        if (len < 2) return;
        i += 2 + len;
    }
}

/* Telegram's photo sizes: the image scaled to 90, 320, 800 and 1280 px on its long side (those
   smaller than the original), then the original. tpemu does not scale: every size carries the
   original bytes, with the scaled width and height. */
static void jw_photo_sizes(tp_jw *w, const stfile *f) {
    size_t fi = (size_t)(f - E.files);
    tp_jw_key(w, "photo");
    tp_jw_arr(w);
    for (size_t i = fi + 1; i < E.nfiles && E.files[i].orig == fi + 1; i++) {
        const stfile *t = &E.files[i];
        tp_jw_obj(w);
        jw_file_ids(w, t);
        jk_int(w, "width", t->width);
        jk_int(w, "height", t->height);
        tp_jw_obj_end(w);
    }
    tp_jw_obj(w);
    jw_file_ids(w, f);
    jk_int(w, "width", f->width);
    jk_int(w, "height", f->height);
    tp_jw_obj_end(w);
    tp_jw_arr_end(w);
}

static const char *mime_of(const char *filename) {
    static const struct { const char *ext, *mime; } t[] = {
        {"png", "image/png"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"}, {"gif", "image/gif"},
        {"webp", "image/webp"}, {"pdf", "application/pdf"}, {"txt", "text/plain"},
        {"json", "application/json"}, {"zip", "application/zip"}, {"mp3", "audio/mpeg"},
        {"mp4", "video/mp4"}, {"ogg", "audio/ogg"}, {"html", "text/html"}, {"csv", "text/csv"}};
    const char *dot = filename ? strrchr(filename, '.') : NULL;
    if (dot)
        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
            if (!strcasecmp(dot + 1, t[i].ext)) return t[i].mime;
    return "application/octet-stream";
}

/* a user's photo or document, stored like the bot's files (getFile and downloads work) */
static bool chat_upload(int64_t uid, int64_t cid, bool photo, const char *filename, const char *ctype,
                        const char *data, size_t n, const char *caption, act_res *r, char *fid,
                        size_t fcap, int *status, char *why, size_t cap) {
    chatrec sp;
    int wd = 0, ht = 0;
    *status = 400;
    memset(r, 0, sizeof *r);
    if (!cast_speaker(uid, cid, &sp, why, cap)) return false;
    if (!n) { snprintf(why, cap, "file must be non-empty"); return false; }
    if (n > UPLOAD_MAX) { *status = 413; snprintf(why, cap, "file is too big"); return false; }
    if (filename && (!utf8_valid(filename, strlen(filename)) || strlen(filename) > 255)) { snprintf(why, cap, "bad filename"); return false; }
    if (caption && (!utf8_valid(caption, strlen(caption)) || utf16_len(caption, strlen(caption)) > 1024)) { snprintf(why, cap, "bad caption (UTF-8, up to 1024)"); return false; }
    if (photo) {
        image_size(data, n, &wd, &ht);
        if (wd <= 0 || ht <= 0) { snprintf(why, cap, "the photo is not a PNG, JPEG or GIF image"); return false; }
    }
    if (!ctype || !*ctype || !strncmp(ctype, "application/octet-stream", 24)) ctype = mime_of(filename);
    stfile *f = store_file(&media_kinds[photo ? 0 : 1], data, n, filename, ctype);
    size_t fi = (size_t)(f - E.files);
    if (photo) {
        static const int sides[] = {90, 320, 800, 1280};
        int lng = wd > ht ? wd : ht;
        f->width = wd;
        f->height = ht;
        for (size_t k = 0; k < sizeof sides / sizeof sides[0] && sides[k] < lng; k++) {
            stfile *t = store_file(&media_kinds[0], "", 0, filename, ctype);
            const stfile *o = &E.files[fi]; /* store_file may have moved the array */
            free(t->data);
            t->data = o->data;
            t->size = o->size;
            t->orig = fi + 1;
            t->width = (int)((int64_t)wd * sides[k] / lng);
            t->height = (int)((int64_t)ht * sides[k] / lng);
            if (t->width < 1) t->width = 1;
            if (t->height < 1) t->height = 1;
        }
    }
    f = &E.files[fi];
    snprintf(fid, fcap, "%s", f->id);
    tp_buf b;
    tp_jw w;
    r->message_id = new_message_id();
    um_begin(&b, &w, &sp, r->message_id, 0);
    if (photo) {
        jw_photo_sizes(&w, f);
    } else {
        tp_jw_key(&w, "document");
        tp_jw_obj(&w);
        jw_file_ids(&w, f);
        if (f->filename) jk_str(&w, "file_name", f->filename);
        jk_str(&w, "mime_type", f->ctype);
        tp_jw_obj_end(&w);
    }
    if (caption && *caption) jw_user_text(&w, "caption", "caption_entities", caption);
    r->update_id = um_finish(&b, &w, &sp, r->message_id);
    return true;
}

/* >>web: the chat page and its API on --web-port ------------------------------------------- */
/* GET / is the page; /api/state, /api/events (server-sent events), POST /api/send and
   /api/upload, GET /api/file/ID. An event-stream client gets at most SSE_BUF unsent bytes at
   a time: a slow one lags behind (never blocking tpemu or the others), and one whose next event
   has left the ring is dropped. */
#include "tpemu_page.h"

static void web_reply(conn *c, int status, tp_buf *b) {
    send_json_or(c, status, "application/json; charset=utf-8", b,
                 "{\"ok\":false,\"description\":\"out of memory\"}");
}

static void web_fail(conn *c, int status, const char *desc) {
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    jk_bool(&w, "ok", false);
    jk_str(&w, "description", desc);
    tp_jw_obj_end(&w);
    web_reply(c, status, &b);
    tp_buf_deinit(&b);
}

static void web_state(conn *c) {
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    jk_bool(&w, "ok", true);
    tp_jw_key(&w, "bot");
    tp_jw_obj(&w);
    jk_int(&w, "id", E.bot_id);
    jk_str(&w, "first_name", "tpemu bot");
    jk_str(&w, "username", "tpemu_bot");
    tp_jw_obj_end(&w);
    tp_jw_key(&w, "users");
    tp_jw_arr(&w);
    for (size_t i = 0; i < NCAST; i++) {
        tp_jw_obj(&w);
        jk_int(&w, "id", cast_users[i].id);
        jk_str(&w, "first_name", cast_users[i].first);
        jk_str(&w, "username", cast_users[i].uname);
        tp_jw_obj_end(&w);
    }
    tp_jw_arr_end(&w);
    tp_jw_key(&w, "chats");
    tp_jw_arr(&w);
    for (size_t i = 0; i < NCAST; i++) {
        tp_jw_obj(&w);
        jk_int(&w, "id", cast_users[i].id);
        jk_str(&w, "type", "private");
        jk_str(&w, "first_name", cast_users[i].first);
        jk_str(&w, "username", cast_users[i].uname);
        tp_jw_obj_end(&w);
    }
    tp_jw_obj(&w);
    jk_int(&w, "id", CAST_GROUP);
    jk_str(&w, "type", "group");
    jk_str(&w, "title", "Friends");
    tp_jw_obj_end(&w);
    tp_jw_obj(&w);
    jk_int(&w, "id", CAST_CHANNEL);
    jk_str(&w, "type", "channel");
    jk_str(&w, "title", "News");
    jk_str(&w, "username", "tpemu_news");
    tp_jw_obj_end(&w);
    tp_jw_arr_end(&w);
    jk_int(&w, "seq", CH.last_seq);
    jk_int(&w, "first_seq", ev_first());
    tp_jw_obj_end(&w);
    web_reply(c, 200, &b);
    tp_buf_deinit(&b);
}

/* moves the unsent bytes of `out` to its front, so a long-lived stream does not grow it */
static void out_compact(conn *c) {
    if (!c->out_off) return;
    memmove(c->out.ptr, c->out.ptr + c->out_off, c->out.len - c->out_off);
    c->out.len -= c->out_off;
    c->out_off = 0;
}

/* tops up an event-stream client's output from the ring, then writes what the socket takes */
static void sse_pump(conn *c) {
    if (c->dead) return;
    if (c->sse_next < ev_first()) { /* its next event is gone: too far behind */
        log_v("web: dropping an event-stream client %lld events behind", (long long)(CH.last_seq - c->sse_next));
        conn_close(c, false);
        return;
    }
    for (;;) {
        out_compact(c);
        while (c->out.len < SSE_BUF && c->sse_next <= CH.last_seq) {
            tp_buf_printf(&c->out, "id: %lld\ndata: %s\n\n", (long long)c->sse_next, ev_get(c->sse_next));
            c->sse_next++;
        }
        if (c->out.err) { conn_close(c, true); return; }
        if (!conn_flush(c) || c->out.len || c->sse_next > CH.last_seq) return;
    }
}

static void web_events(conn *c, req *r) {
    int64_t since = 0, v;
    const param *p = req_param(r, "since");
    if (p && !p->is_file) {
        if (!parse_i64(p->val, &since) || since < 0) { web_fail(c, 400, "since must be a number >= 0"); return; }
    }
    if (r->last_event_id[0] && parse_i64(r->last_event_id, &v) && v > since) since = v;
    c->state = CS_SSE;
    /* the kernel's share of what a stream holds is bounded too (whatever tcp_wmem allows) */
    int sndbuf = (int)SSE_BUF * 2;
    setsockopt(c->fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    if (since > CH.last_seq) since = CH.last_seq; /* a seq from before a restart: what comes next */
    c->sse_next = since + 1 > ev_first() ? since + 1 : ev_first();
    tp_buf_puts(&c->out, "HTTP/1.1 200 OK\r\nServer: tpemu\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                         "Cache-Control: no-cache\r\nX-Accel-Buffering: no\r\n\r\nretry: 1000\n\n");
    sse_pump(c);
}

static const char *jstr(const tp_json *o, const char *k) { return tp_json_get_str(o, k); }

static bool jint(const tp_json *o, const char *k, int64_t *out) {
    const tp_json *v = tp_json_get(o, k);
    if (tp_json_typeof(v) == TP_JSON_INT) { *out = tp_json_int(v); return true; }
    if (tp_json_typeof(v) == TP_JSON_STRING) return parse_i64(tp_json_str(v), out);
    return false;
}

static bool jnum(const tp_json *o, const char *k, double *out) {
    const tp_json *v = tp_json_get(o, k);
    if (tp_json_typeof(v) == TP_JSON_INT || tp_json_typeof(v) == TP_JSON_REAL) { *out = tp_json_num(v); return true; }
    return false;
}

static void web_send(conn *c, req *r) {
    char why[300];
    act a;
    act_res res;
    memset(&a, 0, sizeof a);
    tp_json_doc *d = tp_json_parse(r->body ? r->body : "", r->body_len, NULL);
    const tp_json *root = tp_json_root(d);
    if (!d || tp_json_typeof(root) != TP_JSON_OBJECT) {
        tp_json_doc_free(d);
        web_fail(c, 400, "the body must be a JSON object");
        return;
    }
    const tp_json *t;
    bool ok = true;
    if (!jint(root, "user_id", &a.user_id) || !jint(root, "chat_id", &a.chat_id)) {
        snprintf(why, sizeof why, "user_id and chat_id (integers) are required");
        ok = false;
    }
    if (ok && tp_json_get(root, "reply_to_message_id") && !jint(root, "reply_to_message_id", &a.reply_to)) {
        snprintf(why, sizeof why, "reply_to_message_id must be an integer");
        ok = false;
    }
    if (!ok) {
    } else if ((a.text = jstr(root, "text")) != NULL) {
        if (strlen(a.text) != tp_json_size(tp_json_get(root, "text"))) {
            snprintf(why, sizeof why, "text must not contain U+0000");
            ok = false;
        }
    } else if ((t = tp_json_get(root, "location")) != NULL) {
        a.loc = true;
        if (!jnum(t, "latitude", &a.lat) || !jnum(t, "longitude", &a.lon)) {
            snprintf(why, sizeof why, "location needs numbers latitude and longitude");
            ok = false;
        }
    } else if (tp_json_get(root, "dice")) {
        a.dice = jstr(root, "dice");
        if (!a.dice) { snprintf(why, sizeof why, "dice must be an emoji string"); ok = false; }
    } else if ((t = tp_json_get(root, "callback")) != NULL) {
        a.callback = true;
        a.cb_data = jstr(t, "data");
        if (!jint(t, "message_id", &a.cb_msg) || !a.cb_data) {
            snprintf(why, sizeof why, "callback needs message_id and data");
            ok = false;
        }
    } else if (tp_json_get(root, "inline_query")) {
        a.inline_q = jstr(root, "inline_query");
        if (!a.inline_q) { snprintf(why, sizeof why, "inline_query must be a string"); ok = false; }
    } else if ((t = tp_json_get(root, "chosen_inline_result")) != NULL) {
        a.pick_qid = jstr(t, "query_id");
        a.pick_rid = jstr(t, "result_id");
        if (!a.pick_qid || !a.pick_rid) {
            snprintf(why, sizeof why, "chosen_inline_result needs query_id and result_id (strings)");
            ok = false;
        }
    }
    if (ok && !chat_act(&a, &res, why, sizeof why)) {
        ok = false;
        ev_error(why);
    }
    tp_json_doc_free(d);
    if (!ok) { web_fail(c, 400, why); return; }
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    jk_bool(&w, "ok", true);
    jk_int(&w, "update_id", res.update_id);
    if (res.message_id) jk_int(&w, "message_id", res.message_id);
    if (res.query_id[0]) jk_str(&w, "query_id", res.query_id);
    tp_jw_obj_end(&w);
    web_reply(c, 200, &b);
    tp_buf_deinit(&b);
}

static void web_upload(conn *c, req *r) {
    char why[300], fid[96];
    act_res res;
    int status;
    int64_t uid = 0, cid = 0;
    const param *pu = req_param(r, "user_id"), *pc = req_param(r, "chat_id"), *pk = req_param(r, "kind");
    const param *pf = req_param(r, "filename"), *pcap = req_param(r, "caption");
    if (!pu || !pc || !parse_i64(pu->val, &uid) || !parse_i64(pc->val, &cid)) {
        web_fail(c, 400, "user_id and chat_id are required");
        return;
    }
    if (!pk || (strcmp(pk->val, "photo") && strcmp(pk->val, "document"))) {
        web_fail(c, 400, "kind must be photo or document");
        return;
    }
    if (!chat_upload(uid, cid, !strcmp(pk->val, "photo"), pf ? pf->val : NULL, r->ctype, r->body,
                     r->body_len, pcap ? pcap->val : NULL, &res, fid, sizeof fid, &status, why, sizeof why)) {
        ev_error(why);
        web_fail(c, status, why);
        return;
    }
    tp_buf b;
    tp_jw w;
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    jk_bool(&w, "ok", true);
    jk_int(&w, "update_id", res.update_id);
    jk_int(&w, "message_id", res.message_id);
    jk_str(&w, "file_id", fid);
    tp_jw_obj_end(&w);
    web_reply(c, 200, &b);
    tp_buf_deinit(&b);
}

static void web_request(conn *c, req *r) {
    bool get = !strcmp(r->verb, "GET");
    bool post = !strcmp(r->verb, "POST");
    if (r->query) parse_urlencoded(r, r->query, strlen(r->query));
    if (get && (!strcmp(r->path, "/") || !strcmp(r->path, "/index.html"))) {
        send_response(c, 200, "text/html; charset=utf-8", (const char *)tpemu_page, TPEMU_PAGE_LEN);
    } else if (get && !strcmp(r->path, "/api/state")) {
        web_state(c);
    } else if (get && !strcmp(r->path, "/api/events")) {
        web_events(c, r);
    } else if (post && !strcmp(r->path, "/api/send")) {
        web_send(c, r);
    } else if (post && !strcmp(r->path, "/api/upload")) {
        web_upload(c, r);
    } else if (get && !strncmp(r->path, "/api/file/", 10)) {
        const stfile *f = find_file_id(r->path + 10);
        if (!f) web_fail(c, 404, "no such file");
        else /* a user's file, of the type the user said: never run as the page (HTML, SVG) */
            send_response_x(c, 200, f->ctype, "X-Content-Type-Options: nosniff\r\n"
                            "Content-Security-Policy: sandbox; default-src 'none'; img-src 'self'; "
                            "style-src 'unsafe-inline'\r\n", f->data, f->size);
    } else if (!strncmp(r->path, "/api/", 5) || !strcmp(r->path, "/")) {
        web_fail(c, get || post ? 404 : 405, get || post ? "not found" : "method not allowed");
    } else {
        web_fail(c, 404, "not found");
    }
}

static void web_ping(void) {
    int64_t now = now_ms();
    if (now < CH.next_ping) return;
    CH.next_ping = now + SSE_PING_MS;
    for (size_t i = 0; i < E.nconns; i++) {
        conn *c = E.conns[i];
        if (c->dead || c->kind != CK_WEB || c->state != CS_SSE || c->out_off < c->out.len) continue;
        tp_buf_puts(&c->out, ": ping\n\n");
        conn_flush(c);
    }
}

/* >>terminal chat: --chat ------------------------------------------------------------------- */
/* Lines typed on stdin are sent as the current user into the current chat; lines starting with
   a dot are commands. Everything that happens in the chats is printed as it happens: the bot's
   messages with their keyboards as numbered buttons, edits, deletions, chat actions, callback
   answers, inline results, and messages in other chats prefixed with the chat's name.
   The output waits in a buffer of at most TERM_OUT_MAX unwritten bytes and goes out only as
   fast as stdout takes it (poll() says writable, then a chunk no bigger than a pipe takes at
   once), so a stdout nobody reads never stalls the Bot API: what does not fit is dropped and
   said so. */
#define TERM_OUT_MAX ((size_t)1024 * 1024)

static void tout_note_dropped(void);

static void tout_flush(void) {
    struct pollfd pf;
    while (!CH.tout_dead && CH.tout_off < CH.tout.len) {
        pf.fd = 1;
        pf.events = POLLOUT;
        pf.revents = 0;
        if (poll(&pf, 1, 0) != 1) break;
        if (pf.revents & (POLLERR | POLLHUP | POLLNVAL)) { CH.tout_dead = true; break; }
        size_t n = CH.tout.len - CH.tout_off, chunk = CH.term_tty ? 256 : 4096;
        ssize_t k = write(1, CH.tout.ptr + CH.tout_off, n < chunk ? n : chunk);
        if (k > 0) { CH.tout_off += (size_t)k; continue; }
        if (k < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) break;
        CH.tout_dead = true; /* stdout is gone: nothing more to show */
    }
    if (CH.tout_dead || CH.tout_off == CH.tout.len) {
        tp_buf_reset(&CH.tout);
        CH.tout_off = 0;
    } else if (CH.tout_off > CH.tout.len / 2) {
        memmove(CH.tout.ptr, CH.tout.ptr + CH.tout_off, CH.tout.len - CH.tout_off);
        CH.tout.len -= CH.tout_off;
        CH.tout_off = 0;
    }
    if (CH.tout_dropped && !CH.tout_dead && CH.tout_off == CH.tout.len) tout_note_dropped();
}

/* what was dropped is said once there is room again */
static void tout_note_dropped(void) {
    char note[96];
    int k = snprintf(note, sizeof note, "\n(%zu bytes of output dropped: stdout was not read)\n", CH.tout_dropped);
    if (!CH.tout_dropped || CH.tout.len - CH.tout_off + (size_t)k > TERM_OUT_MAX) return;
    CH.tout_dropped = 0;
    tp_buf_append(&CH.tout, note, (size_t)k);
}

static void tout_write(const char *s, size_t n) {
    if (CH.tout_dead) return;
    tout_note_dropped();
    if (CH.tout_dropped || CH.tout.len - CH.tout_off + n > TERM_OUT_MAX) { CH.tout_dropped += n; return; }
    tp_buf_append(&CH.tout, s, n);
    if (CH.tout.err) { tp_buf_reset(&CH.tout); CH.tout_off = 0; CH.tout_dropped += n; }
}
static void tout_puts(const char *s) { tout_write(s, strlen(s)); }
static void tout_putc(char c) { tout_write(&c, 1); }
static void tout_vprintf(const char *fmt, va_list ap) TP__PRINTF(1, 0);
static void tout_vprintf(const char *fmt, va_list ap) {
    char small[512];
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(small, sizeof small, fmt, aq);
    va_end(aq);
    if (n < 0) return;
    if ((size_t)n < sizeof small) { tout_write(small, (size_t)n); return; }
    char *big = (char *)xmalloc((size_t)n + 1);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    tout_write(big, (size_t)n);
    free(big);
}
static void tout_printf(const char *fmt, ...) TP__PRINTF(1, 2);
static void tout_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    tout_vprintf(fmt, ap);
    va_end(ap);
}

static void term_prompt(void) {
    if (!CH.term_tty) return;
    tout_printf("%s@%s> ", cast_users[CH.user].uname, chat_name(CH.chat));
    tout_flush();
}

/* a block of output: on a terminal it replaces the prompt line, then the prompt comes back */
static void term_begin(void) {
    if (CH.term_tty) tout_puts("\r\033[K");
}
static void term_end(void) {
    tout_flush();
    term_prompt();
}

static void term_line(const char *prefix, const char *text) {
    size_t pl = strlen(prefix);
    tout_puts(prefix);
    for (const char *p = text; *p; p++) {
        tout_putc(*p);
        if (*p == '\n' && p[1]) for (size_t i = 0; i < pl; i++) tout_putc(' ');
    }
    tout_putc('\n');
}

static tkb *kb_of(int64_t chat_id) {
    for (size_t i = 0; i < NCAST; i++)
        if (cast_users[i].id == chat_id) return &CH.kb[i];
    return chat_id == CAST_GROUP ? &CH.kb[NCAST] : chat_id == CAST_CHANNEL ? &CH.kb[NCAST + 1] : NULL;
}

static void kb_clear(tkb *b) {
    for (size_t i = 0; i < b->n; i++) { free(b->keys[i].text); free(b->keys[i].data); }
    b->n = 0;
}

/* draws a keyboard as numbered buttons ("[1 Red] [2 Green]", a line per row) and keeps it for
   .press; a ReplyKeyboardRemove forgets a reply keyboard */
static void term_keyboard(const tp_json *rm, int64_t chat_id, int64_t msg_id) {
    const tp_json *rows = tp_json_get(rm, "inline_keyboard");
    bool inl = rows != NULL;
    tkb *b = kb_of(chat_id);
    if (!b) return;
    if (!rows) rows = tp_json_get(rm, "keyboard");
    if (!rows) {
        if (tp_json_get_bool(rm, "remove_keyboard") && b->n && !b->inl) {
            kb_clear(b);
            tout_puts("    (keyboard removed)\n");
        }
        return;
    }
    kb_clear(b);
    b->msg = msg_id;
    b->inl = inl;
    for (const tp_json *row = tp_json_first(rows); row; row = tp_json_next(row)) {
        tp_buf line;
        tp_buf_init(&line);
        tp_buf_puts(&line, "    ");
        for (const tp_json *bt = tp_json_first(row); bt; bt = tp_json_next(bt)) {
            tkey k;
            memset(&k, 0, sizeof k);
            const char *text = tp_json_typeof(bt) == TP_JSON_STRING ? tp_json_str(bt) : tp_json_get_str(bt, "text");
            k.text = xstrdup(text ? text : "?");
            if (inl) {
                const char *data = tp_json_get_str(bt, "callback_data"), *url = tp_json_get_str(bt, "url");
                k.kind = data ? 2 : url ? 3 : 4;
                k.data = xstrdup(data ? data : url ? url : "");
            } else {
                k.kind = tp_json_get_bool(bt, "request_location") ? 1 : 0;
            }
            VEC_GROW(b->keys, b->n, b->cap);
            b->keys[b->n++] = k;
            tp_buf_printf(&line, "%s[%zu %s%s]", line.len > 4 ? " " : "", b->n, k.text,
                          k.kind == 3 ? " ↗" : "");
        }
        if (line.ptr) { tout_puts(line.ptr); tout_putc('\n'); }
        tp_buf_deinit(&line);
    }
}

/* one line saying what a message holds */
static void msg_summary(const tp_json *m, tp_buf *o) {
    const char *text = tp_json_get_str(m, "text"), *cap = tp_json_get_str(m, "caption");
    const tp_json *v;
    if ((v = tp_json_get(m, "photo")) != NULL) {
        const tp_json *big = tp_json_at(v, tp_json_size(v) ? tp_json_size(v) - 1 : 0);
        tp_buf_printf(o, "[photo %lldx%lld, %zu sizes, file_id %s]", (long long)tp_json_get_int(big, "width"),
                      (long long)tp_json_get_int(big, "height"), tp_json_size(v), tp_json_get_str(big, "file_id"));
    }
    static const char *const kinds[] = {"document", "sticker", "audio", "video", "voice", "animation", "video_note"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if ((v = tp_json_get(m, kinds[i])) == NULL || (i == 0 && tp_json_get(m, "animation"))) continue;
        const char *fn = tp_json_get_str(v, "file_name");
        tp_buf_printf(o, "[%s%s%s, %lld bytes]", kinds[i], fn ? " " : "", fn ? fn : "",
                      (long long)tp_json_get_int(v, "file_size"));
    }
    if ((v = tp_json_get(m, "location")) != NULL)
        tp_buf_printf(o, "[location %.5f, %.5f]", tp_json_num(tp_json_get(v, "latitude")), tp_json_num(tp_json_get(v, "longitude")));
    if ((v = tp_json_get(m, "dice")) != NULL)
        tp_buf_printf(o, "[dice %s %lld]", tp_json_get_str(v, "emoji"), (long long)tp_json_get_int(v, "value"));
    if ((v = tp_json_get(m, "poll")) != NULL) {
        tp_buf_printf(o, "[poll] %s", tp_json_get_str(v, "question"));
        int k = 1;
        for (const tp_json *op = tp_json_first(tp_json_get(v, "options")); op; op = tp_json_next(op))
            tp_buf_printf(o, "\n  (%d) %s", k++, tp_json_get_str(op, "text"));
    }
    if ((v = tp_json_get(m, "contact")) != NULL)
        tp_buf_printf(o, "[contact %s %s]", tp_json_get_str(v, "first_name"), tp_json_get_str(v, "phone_number"));
    if ((v = tp_json_get(m, "venue")) != NULL) tp_buf_printf(o, "[venue %s]", tp_json_get_str(v, "title"));
    if (text) tp_buf_puts(o, text);
    if (cap) tp_buf_printf(o, "%s%s", o->len ? " " : "", cap);
    if (!o->len) tp_buf_puts(o, "[message]");
}

static void term_show(const char *json) {
    tp_json_doc *d = tp_json_parse(json, strlen(json), NULL);
    const tp_json *ev = tp_json_root(d);
    const char *type = tp_json_get_str(ev, "type");
    int64_t chat = tp_json_get_int(ev, "chat_id");
    char where[96] = "", prefix[160];
    tp_buf o;
    tp_buf_init(&o);
    if (!type) { tp_json_doc_free(d); return; }
    if (chat && chat != CH.chat) snprintf(where, sizeof where, "[%s] ", chat_name(chat));
    if (!strcmp(type, "message") || !strcmp(type, "edit")) {
        const tp_json *m = tp_json_get(ev, "message");
        bool bot = !strcmp(type, "edit") || tp_json_get_bool(ev, "from_bot");
        /* the terminal's own messages are not echoed back, but for what an inline result posted */
        if (!bot && CH.acting && !tp_json_get(m, "via_bot")) { tp_json_doc_free(d); tp_buf_deinit(&o); return; }
        int64_t mid = tp_json_get_int(m, "message_id");
        const char *who = bot ? "bot" : chat == CAST_CHANNEL ? "News"
                                        : tp_json_get_str(tp_json_get(m, "from"), "username");
        if (!strcmp(type, "edit")) snprintf(prefix, sizeof prefix, "%sbot (edited #%lld)> ", where, (long long)mid);
        else if (tp_json_get(m, "via_bot")) snprintf(prefix, sizeof prefix, "%s%s (via bot)> ", where, who ? who : "?");
        else snprintf(prefix, sizeof prefix, "%s%s> ", where, who ? who : "?");
        msg_summary(m, &o);
        term_begin();
        term_line(prefix, o.ptr);
        const tp_json *rm = tp_json_get(m, "reply_markup");
        if (rm && bot) term_keyboard(rm, chat, mid);
        term_end();
    } else if (!strcmp(type, "delete")) {
        term_begin();
        for (const tp_json *it = tp_json_first(tp_json_get(ev, "message_ids")); it; it = tp_json_next(it))
            tout_printf("%sbot deleted message #%lld\n", where, (long long)tp_json_int(it));
        term_end();
    } else if (!strcmp(type, "action")) {
        const char *a = tp_json_get_str(ev, "action");
        term_begin();
        if (a && !strcmp(a, "typing")) tout_printf("%sbot is typing...\n", where);
        else tout_printf("%sbot is busy: %s...\n", where, a ? a : "?");
        term_end();
    } else if (!strcmp(type, "callback_answer")) {
        const char *t = tp_json_get_str(ev, "text"), *url = tp_json_get_str(ev, "url");
        if ((t && *t) || url) {
            term_begin();
            snprintf(prefix, sizeof prefix, "%sbot (%s)> ", where, tp_json_get_bool(ev, "show_alert") ? "alert" : "answer");
            if (t && *t) term_line(prefix, t);
            if (url) tout_printf("%sbot (answer)> open %s\n", where, url);
            term_end();
        }
    } else if (!strcmp(type, "inline_results")) {
        const tp_json *res = tp_json_get(ev, "results");
        const char *qid = tp_json_get_str(ev, "query_id");
        term_begin();
        tout_printf("bot (inline results for \"%s\")> %zu result%s%s\n", tp_json_get_str(ev, "query"),
               tp_json_size(res), tp_json_size(res) == 1 ? "" : "s", tp_json_size(res) ? ", .pick N chooses" : "");
        for (size_t i = 0; i < CH.npicks; i++) free(CH.picks[i]);
        CH.npicks = 0;
        snprintf(CH.pick_qid, sizeof CH.pick_qid, "%s", qid ? qid : "");
        for (const tp_json *r = tp_json_first(res); r; r = tp_json_next(r)) {
            const char *id = tp_json_get_str(r, "id"), *title = tp_json_get_str(r, "title");
            const char *desc = tp_json_get_str(r, "description");
            VEC_GROW(CH.picks, CH.npicks, CH.cappicks);
            CH.picks[CH.npicks++] = xstrdup(id ? id : "");
            tout_printf("    %zu. %s%s%s\n", CH.npicks, title ? title : id ? id : "?", desc ? " — " : "", desc ? desc : "");
        }
        term_end();
    } else if (!strcmp(type, "error")) {
        term_begin();
        tout_printf("error: %s\n", tp_json_get_str(ev, "text"));
        term_end();
    }
    tp_buf_deinit(&o);
    tp_json_doc_free(d);
}

static void term_say(const char *fmt, ...) TP__PRINTF(1, 2);
static void term_say(const char *fmt, ...) {
    va_list ap;
    term_begin();
    va_start(ap, fmt);
    tout_vprintf(fmt, ap);
    va_end(ap);
    tout_putc('\n');
    term_end();
}

static bool term_do(act *a) {
    char why[300];
    act_res r;
    a->user_id = cast_users[CH.user].id;
    a->chat_id = CH.chat;
    CH.acting = true;
    bool ok = chat_act(a, &r, why, sizeof why);
    CH.acting = false;
    if (!ok) ev_error(why); /* printed as "error: ..." like every event */
    return ok;
}

static const char *term_help =
    "Type a line to send it as the current user into the current chat. Commands:\n"
    "  .user NAME        be alice, bob or carol (in a private chat: that user's chat)\n"
    "  .chat NAME        talk in alice's, bob's or carol's private chat, 'group' or 'channel'\n"
    "  .photo PATH       send a photo (PNG, JPEG, GIF) from disk; .doc PATH a document\n"
    "  .loc LAT LON      send a location          .dice [EMOJI]  throw a dice\n"
    "  .inline QUERY     ask the bot inline; .pick N sends result N\n"
    "  .press N, or N    press button N of the keyboard shown last in this chat\n"
    "  .help             this text                .quit (or end of input) leaves\n";

static void term_send_file(const char *path, bool photo) {
    char why[300], fid[96];
    act_res r;
    int status;
    struct stat stt;
    /* only a regular file: a directory reads as nothing, a fifo would block the whole loop */
    if (stat(path, &stt) != 0) { term_say("error: %s: %s", path, strerror(errno)); return; }
    if (S_ISDIR(stt.st_mode)) { term_say("error: %s: %s", path, strerror(EISDIR)); return; }
    if (!S_ISREG(stt.st_mode)) { term_say("error: %s: not a regular file", path); return; }
    FILE *f = fopen(path, "rb");
    if (!f) { term_say("error: %s: %s", path, strerror(errno)); return; }
    tp_buf data;
    tp_buf_init(&data);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && data.len <= UPLOAD_MAX) tp_buf_append(&data, chunk, n);
    fclose(f);
    const char *base = strrchr(path, '/');
    CH.acting = true;
    bool ok = chat_upload(cast_users[CH.user].id, CH.chat, photo, base ? base + 1 : path, NULL,
                          data.ptr ? data.ptr : "", data.len, NULL, &r, fid, sizeof fid, &status, why, sizeof why);
    CH.acting = false;
    tp_buf_deinit(&data);
    if (ok) term_say("(sent %s, file_id %s)", photo ? "photo" : "document", fid);
    else ev_error(why);
}

static void term_press(long n) {
    act a;
    memset(&a, 0, sizeof a);
    const tkb *b = kb_of(CH.chat);
    if (!b || !b->n) { term_say("error: no keyboard in this chat"); return; }
    if (n < 1 || (size_t)n > b->n) { term_say("error: no button %ld (1..%zu)", n, b->n); return; }
    const tkey *k = &b->keys[n - 1];
    if (k->kind == 0) { a.text = k->text; term_do(&a); }
    else if (k->kind == 1) { a.loc = true; a.lat = 51.5007; a.lon = -0.1246; term_do(&a); }
    else if (k->kind == 2) { a.callback = true; a.cb_msg = b->msg; a.cb_data = k->data; term_do(&a); }
    else if (k->kind == 3) term_say("(a link: %s)", k->data);
    else term_say("(button %ld does nothing here)", n);
}

static bool term_chat_by_name(const char *s, int64_t *id) {
    for (size_t i = 0; i < NCAST; i++)
        if (!strcasecmp(s, cast_users[i].uname) || !strcasecmp(s, cast_users[i].first)) { *id = cast_users[i].id; return true; }
    if (!strcasecmp(s, "group") || !strcasecmp(s, "friends")) { *id = CAST_GROUP; return true; }
    if (!strcasecmp(s, "channel") || !strcasecmp(s, "news")) { *id = CAST_CHANNEL; return true; }
    return false;
}

static void term_command(char *s) {
    act a;
    memset(&a, 0, sizeof a);
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = 0;
    if (!n) { term_prompt(); return; }
    if (!utf8_valid(s, n)) { term_say("error: not UTF-8"); return; }
    char *arg = s + strcspn(s, " \t");
    if (*arg) *arg++ = 0;
    while (*arg == ' ' || *arg == '\t') arg++;
    bool digits = s[0] != '.' && !*arg && strspn(s, "0123456789") == n && n < 6;
    if (digits && kb_of(CH.chat) && kb_of(CH.chat)->n) { term_press(atol(s)); return; }
    if (s[0] != '.' || s[1] == '.') { /* text ("..x" sends ".x") */
        if (*arg) s[strlen(s)] = ' ';
        a.text = s[0] == '.' ? s + 1 : s;
        term_do(&a);
        term_prompt();
        return;
    }
    if (!strcmp(s, ".quit") || !strcmp(s, ".exit")) { E.quit = true; E.exit_code = 0; return; }
    if (!strcmp(s, ".help")) { term_begin(); tout_puts(term_help); term_end(); return; }
    if (!strcmp(s, ".user")) {
        int64_t id;
        if (!term_chat_by_name(arg, &id) || !cast_user(id)) { term_say("error: users are alice, bob, carol"); return; }
        for (size_t i = 0; i < NCAST; i++) if (cast_users[i].id == id) CH.user = i;
        if (cast_user(CH.chat)) CH.chat = id;
        term_prompt();
        return;
    }
    if (!strcmp(s, ".chat")) {
        int64_t id;
        if (!term_chat_by_name(arg, &id)) { term_say("error: chats are alice, bob, carol, group, channel"); return; }
        CH.chat = id;
        for (size_t i = 0; i < NCAST; i++) if (cast_users[i].id == id) CH.user = i;
        term_prompt();
        return;
    }
    if (!strcmp(s, ".photo") || !strcmp(s, ".doc")) {
        if (!*arg) { term_say("error: %s PATH", s); return; }
        term_send_file(arg, !strcmp(s, ".photo"));
        return;
    }
    if (!strcmp(s, ".loc")) {
        char *end;
        a.loc = true;
        a.lat = strtod(arg, &end);
        a.lon = end != arg ? strtod(end, &end) : 0;
        if (end == arg || *skip_ws(end)) { term_say("error: .loc LAT LON"); return; }
        term_do(&a);
        term_prompt();
        return;
    }
    if (!strcmp(s, ".dice")) { a.dice = arg; term_do(&a); term_prompt(); return; }
    if (!strcmp(s, ".inline")) { a.inline_q = arg; term_do(&a); term_prompt(); return; }
    if (!strcmp(s, ".pick")) {
        long k = atol(arg);
        if (!CH.npicks) { term_say("error: no inline results to pick from"); return; }
        if (k < 1 || (size_t)k > CH.npicks) { term_say("error: pick 1..%zu", CH.npicks); return; }
        a.pick_qid = CH.pick_qid;
        a.pick_rid = CH.picks[k - 1];
        term_do(&a);
        term_prompt();
        return;
    }
    if (!strcmp(s, ".press")) { term_press(atol(arg)); return; }
    term_say("error: unknown command %s (.help lists them)", s);
}

static void term_read_stdin(void) {
    char buf[4096];
    ssize_t n = read(0, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (n <= 0) {
        CH.term_eof = true;
        if (CH.line.len && !CH.line_skip) {
            char *s = xstrndup(CH.line.p, CH.line.len);
            CH.line.len = 0;
            term_command(s);
            free(s);
        }
        if (CH.term_tty) tout_putc('\n');
        tout_flush();
        /* the bot's answers to the last lines still show (a pipe ends as soon as it is read) */
        if (!E.quit) CH.quit_at = now_ms() + 1000;
        return;
    }
    ibuf_reserve(&CH.line, (size_t)n);
    memcpy(CH.line.p + CH.line.len, buf, (size_t)n);
    CH.line.len += (size_t)n;
    char *nl;
    while (!E.quit && CH.line.len && (nl = (char *)memchr(CH.line.p, '\n', CH.line.len)) != NULL) {
        size_t ll = (size_t)(nl - CH.line.p);
        char *s = xstrndup(CH.line.p, ll);
        memmove(CH.line.p, nl + 1, CH.line.len - ll - 1);
        CH.line.len -= ll + 1;
        if (!CH.line_skip) term_command(s);
        CH.line_skip = false; /* the end of an overlong line: dropped with it */
        free(s);
    }
    if (CH.line.len > 65536) { /* a line that long is no chat: it goes, up to its end */
        CH.line.len = 0;
        if (!CH.line_skip) term_say("error: a line longer than 64 KB is ignored");
        CH.line_skip = true;
    }
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
    {"editMessageCaption", m_editmessagecaption},
    {"sendLocation", m_sendplace},
    {"sendVenue", m_sendplace},
    {"sendContact", m_sendplace},
    {"sendPoll", m_sendplace},
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
    chat_after_call(&x);
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
    while (!c->dead && (c->kind == CK_SERVER || c->kind == CK_WEB) && c->state == CS_READ && !c->close_after &&
           !(c->send_after && now_ms() < c->send_after)) {
        req r;
        size_t consumed = 0;
        memset(&r, 0, sizeof r);
        int rc = parse_request(c, &r, &consumed);
        if (rc <= 0) break;
        if (c->kind == CK_WEB) web_request(c, &r);
        else handle_request(c, &r);
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
    if (c->state == CS_SSE) { /* an event stream reads nothing more */
        c->in.len = 0;
        if (c->peer_eof) conn_close(c, false);
        return;
    }
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

/* false when out of file descriptors (the caller stops accepting for a moment: the waiting
   connection would wake poll() at once, round after round) */
static bool accept_all(int lfd, int kind) {
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR) continue;
            return errno != EMFILE && errno != ENFILE && errno != ENOBUFS && errno != ENOMEM;
        }
        /* the web port gets its share only, so pages (or anything on it) never starve the Bot API */
        if (E.nconns >= CONNS_MAX || (kind == CK_WEB && CH.nweb >= CH.web_max)) { close(fd); continue; }
        set_nonblock(fd);
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conn_new(fd, kind);
        if (kind == CK_SERVER) E.st_conns_total++;
        if (kind == CK_WEB) CH.nweb++;
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
    "",
    "Talking to the bot yourself (issue 15): made-up users alice (id 1001), bob (1002) and carol\n"
    "(1003) with private chats (chat id = user id), the group 'Friends' (-1000, all three) and the\n"
    "channel 'News' (-1001000000100, @tpemu_news; users' posts there are channel_post updates).\n"
    "  --web-port N          also serve a chat page on http://127.0.0.1:N/ (0 = any free port): pick a\n"
    "                        user and a chat, write, send photos, documents, locations, press the\n"
    "                        bot's keyboards, ask inline. The Bot API stays on --port only. The\n"
    "                        web port holds at most 512 connections (under a low file descriptor\n"
    "                        limit, less than half of it): more are closed at once.\n"
    "  --web-port-file PATH  write the web port there once listening (atomically)\n"
    "  --web-log N           events kept for pages that connect later (default 20000)\n"
    "  --chat                a chat on stdin/stdout (a terminal or a pipe), with or without\n"
    "                        --web-port (both see the same chats). Lines are sent as the current\n"
    "                        user into the current chat (prompt 'alice@Alice>'); '.user bob',\n"
    "                        '.chat group|channel|alice', '.photo PATH', '.doc PATH', '.loc LAT LON',\n"
    "                        '.dice', '.inline QUERY' then '.pick N', '.press N' or just N (a button of\n"
    "                        the last keyboard: reply buttons send their text, inline ones a\n"
    "                        callback), '.help', '.quit'; end of input quits a second later. The\n"
    "                        bot's messages print as 'bot> text' with keyboards as '[1 Red] [2 Green]'\n"
    "                        rows, then 'bot (edited #M)>', 'bot deleted message #M', 'bot is\n"
    "                        typing...', 'bot (answer)> ...'; other chats' messages are prefixed\n"
    "                        '[Friends] '. Output waits while stdout is not read (the Bot API goes\n"
    "                        on); past 1 MB unread it is dropped, and that is said. Not with\n"
    "                        --script or --updates.\n"
    "",
    "Bot messages sent with parse_mode HTML, MarkdownV2 or Markdown carry the entities Telegram\n"
    "would make, and a text Telegram refuses gets its 400 \"can't parse entities: ...\" (with or\n"
    "without these options). The web port answers:\n"
    "  GET  /                  the page (no external assets)\n"
    "  GET  /api/state         {bot, users, chats, seq}\n"
    "  GET  /api/events        server-sent events, each 'id: SEQ' + 'data: EVENT': every event after\n"
    "                          ?since=N or the Last-Event-ID header, then live; ': ping' every 15 s.\n"
    "                          EVENT: {seq, type: message|edit|delete|action|callback_answer|\n"
    "                          inline_results|error, chat_id, ...}; a message's \"message\" is the\n"
    "                          Message as the bot sent or got it. A client that falls more than\n"
    "                          --web-log events behind is dropped (it reconnects with Last-Event-ID).\n"
    "  POST /api/send          {user_id, chat_id, and one of: text [+reply_to_message_id], location\n"
    "                          {latitude, longitude}, dice \"EMOJI\", callback {message_id, data},\n"
    "                          inline_query \"Q\", chosen_inline_result {query_id, result_id}} ->\n"
    "                          {ok, update_id, message_id?, query_id?}; the bot gets the Update\n"
    "  POST /api/upload        ?user_id=U&chat_id=C&kind=photo|document&filename=F[&caption=T], the\n"
    "                          raw file as the body (up to 50 MB) -> {ok, update_id, message_id,\n"
    "                          file_id}. getFile and /file/bot<token>/<path> serve it like the bot's\n"
    "                          own files. A photo (PNG, JPEG or GIF; its size read from the header)\n"
    "                          comes in Telegram's sizes: 90, 320, 800, 1280 px on the long side\n"
    "                          (those below the original) and the original; tpemu does not scale:\n"
    "                          the smaller sizes carry the original bytes with the scaled sizes.\n"
    "  GET  /api/file/FILE_ID  any stored file with its content type\n"
    "Bad bodies, unknown users or chats answer 400 {ok:false, description}.\n"
    "\n",
    "Special chat ids: 403 answers 'Forbidden: bot was blocked by the user'; -42 answers 'group chat\n"
    "was upgraded to a supergroup chat' with migrate_to_chat_id -1001000000042; '@tpemu_channel' is\n"
    "a channel. Bot API: getMe getUpdates sendMessage send{Photo,Document,Audio,Video,Voice,\n"
    "Animation,Sticker,VideoNote,Dice,Location,Venue,Contact,Poll}\n"
    "getFile (+ GET /file/bot<token>/<path>) answerCallbackQuery\n"
    "answerInlineQuery editMessageText editMessageCaption (with --web-port or --chat)\n"
    "editMessageReplyMarkup deleteMessage sendChatAction getChat\n"
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

static bool write_port_file(const char *path, int port) {
    char tmp[4200];
    if (strlen(path) > 4000) { fprintf(stderr, "tpemu: port file path too long\n"); return false; }
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) { fprintf(stderr, "tpemu: %s: %s\n", tmp, strerror(errno)); return false; }
    fprintf(f, "%d\n", port);
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "tpemu: %s: %s\n", path, strerror(errno));
        unlink(tmp);
        return false;
    }
    return true;
}

/* a non-blocking listening socket on 127.0.0.1:port (0: any; *bound: the port it got), or -1 */
static int listen_loopback(int port, int *bound) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) { perror("tpemu: socket"); return -1; }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 512) != 0) {
        fprintf(stderr, "tpemu: cannot listen on 127.0.0.1:%d: %s\n", port, strerror(errno));
        close(fd);
        return -1;
    }
    socklen_t al = sizeof addr;
    getsockname(fd, (struct sockaddr *)&addr, &al);
    *bound = ntohs(addr.sin_port);
    set_nonblock(fd);
    return fd;
}

static void chat_cleanup(void) {
    if (CH.ev)
        for (size_t i = 0; i < CH.keep; i++) free(CH.ev[i]);
    free(CH.ev);
    for (size_t i = 0; i < CH.nmsgs; i++) free(CH.msgs[i].json);
    free(CH.msgs);
    for (size_t i = 0; i < CH.nqs; i++) { free(CH.qs[i].query); free(CH.qs[i].results); }
    free(CH.qs);
    for (size_t i = 0; i < sizeof CH.kb / sizeof CH.kb[0]; i++) { kb_clear(&CH.kb[i]); free(CH.kb[i].keys); }
    for (size_t i = 0; i < CH.npicks; i++) free(CH.picks[i]);
    free(CH.picks);
    ibuf_free(&CH.line);
    tp_buf_deinit(&CH.tout);
    if (CH.wfd >= 0) close(CH.wfd);
}

static void cleanup(void) {
    chat_cleanup();
    for (size_t i = 0; i < E.nconns; i++) {
        if (!E.conns[i]->dead) close(E.conns[i]->fd);
        conn_free(E.conns[i]);
    }
    free(E.conns);
    for (size_t i = E.qhead; i < E.qlen; i++) free(E.q[i].json);
    free(E.q);
    for (size_t i = 0; i < E.nmsgs; i++) { free(E.msgs[i].text); free(E.msgs[i].markup); free(E.msgs[i].entities); }
    free(E.msgs);
    for (size_t i = 0; i < E.nfiles; i++) {
        if (!E.files[i].orig) free(E.files[i].data);
        free(E.files[i].filename);
        free(E.files[i].ctype);
    }
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
    if (CH.web && CH.next_ping < d) d = CH.next_ping;
    if (CH.quit_at && CH.quit_at < d) d = CH.quit_at;
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
    if (CH.web) web_ping();
    if (CH.quit_at && now >= CH.quit_at && !E.quit) { E.quit = true; E.exit_code = 0; }
    if (E.t_end && now >= E.t_end && !E.quit) {
        if (!E.quiet) fprintf(stderr, "tpemu: --max-secs %lld reached\n", (long long)E.max_secs);
        E.quit = true;
        E.exit_code = -1;
    }
}

int main(int argc, char **argv) {
    int64_t v;
    E.lfd = -1;
    CH.wfd = -1;
    tp_buf_init(&CH.tout);
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
        else if (!strcmp(a, "--web-port")) { NEEDVAL(); if (!arg_i64(a, val, 0, 65535, &v)) { free(fault_specs); return 2; } CH.web = true; CH.web_port = (int)v; }
        else if (!strcmp(a, "--web-port-file")) { NEEDVAL(); CH.web_port_file = val; }
        else if (!strcmp(a, "--web-log")) { NEEDVAL(); if (!arg_i64(a, val, 10, 10000000, &v)) { free(fault_specs); return 2; } CH.keep = (size_t)v; }
        else if (!strcmp(a, "--chat")) CH.term = true;
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
    if (CH.term && (E.script_path || E.n_updates)) { fprintf(stderr, "tpemu: --chat does not mix with --script or --updates\n"); free(fault_specs); return 2; }
    if (CH.web_port_file && !CH.web) { fprintf(stderr, "tpemu: --web-port-file goes with --web-port\n"); free(fault_specs); return 2; }
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
    CH.on = CH.web || CH.term;
    if (CH.on) {
        if (!CH.keep) CH.keep = EV_KEEP;
        CH.ev = (char **)xmalloc(CH.keep * sizeof *CH.ev);
        memset(CH.ev, 0, CH.keep * sizeof *CH.ev);
        cast_register();
        CH.chat = cast_users[0].id;
        CH.next_ping = now_ms() + SSE_PING_MS;
        /* the web port's share: WEB_CONNS_MAX, or less than half of the file descriptors */
        struct rlimit rl;
        CH.web_max = WEB_CONNS_MAX;
        if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < 2 * WEB_CONNS_MAX + 64)
            CH.web_max = rl.rlim_cur > 96 ? (size_t)(rl.rlim_cur - 64) / 2 : 16;
    }

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

    E.lfd = listen_loopback(E.port, &E.port);
    if (E.lfd < 0) { cleanup(); return 1; }
    if (E.port_file && !write_port_file(E.port_file, E.port)) { cleanup(); return 1; }
    if (CH.web) {
        CH.wfd = listen_loopback(CH.web_port, &CH.web_port);
        if (CH.wfd < 0) { cleanup(); return 1; }
        if (CH.web_port_file && !write_port_file(CH.web_port_file, CH.web_port)) { cleanup(); return 1; }
        if (!E.quiet) fprintf(stderr, "tpemu: the chat page is at http://127.0.0.1:%d/\n", CH.web_port);
    }
    if (!E.quiet)
        fprintf(stderr, "tpemu: listening on http://127.0.0.1:%d token %s%s%s\n", E.port,
                /* a token of the user's own (a real one, maybe) is never printed */
                !strcmp(E.token, "123456:TEST") ? E.token : "from --token (not shown)",
                E.n_updates ? " (load test)" : S.active ? " (script)" : "", E.webhook_mode ? " (webhook)" : "");
    if (E.max_secs) E.t_end = now_ms() + E.max_secs * 1000;
    if (CH.term) {
        CH.term_tty = isatty(0) != 0;
        tout_printf("tpemu chat: you are %s in %s's chat with the bot; .help lists the commands\n",
                    cast_users[0].uname, cast_users[0].first);
        tout_flush();
        term_prompt();
    }

    struct pollfd *pfds = NULL;
    conn **pconn = NULL;
    size_t pcap = 0;
    int64_t accept_pause_until = 0;
    while (!E.quit) {
        run_timers();
        if (E.quit) break;
        size_t need = E.nconns + 5;
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
        size_t i_stdin = 0, i_web = 0, i_stdout = 0;
        if ((S.active && S.from_stdin && !S.eof) || (CH.term && !CH.term_eof)) {
            i_stdin = np;
            pfds[np].fd = 0;
            pfds[np].events = POLLIN;
            pconn[np++] = NULL;
        }
        if (CH.term && CH.tout_off < CH.tout.len && !CH.tout_dead) {
            i_stdout = np;
            pfds[np].fd = 1;
            pfds[np].events = POLLOUT;
            pconn[np++] = NULL;
        }
        if (CH.web) {
            i_web = np;
            pfds[np].fd = now >= accept_pause_until ? CH.wfd : -1;
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
            if ((c->in.len < RAW_MAX || c->state == CS_STALL) && !(c->peer_eof && c->kind != CK_HOOK) &&
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
        bool fds_left = true;
        if (pfds[0].revents & POLLIN) fds_left = accept_all(E.lfd, CK_SERVER);
        if (i_web && (pfds[i_web].revents & POLLIN)) fds_left = accept_all(CH.wfd, CK_WEB) && fds_left;
        if (E.nconns >= CONNS_MAX || !fds_left) accept_pause_until = now_ms() + 100;
        if (pfds[1].revents) {
            char b[16];
            while (read(E.sigpipe[0], b, sizeof b) > 0) {}
        }
        if (i_stdout && pfds[i_stdout].revents) tout_flush();
        if (i_stdin && pfds[i_stdin].revents) {
            if (CH.term) term_read_stdin();
            else script_read_stdin();
        }
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
                else if (c->state == CS_SSE) sse_pump(c);
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
    /* the terminal's last lines, waited for a while (not forever: nobody may read them) */
    for (int64_t until = now_ms() + 2000; CH.term && !CH.tout_dead && CH.tout_off < CH.tout.len && now_ms() < until;) {
        struct pollfd pf = {1, POLLOUT, 0};
        if (poll(&pf, 1, 50) < 0 && errno != EINTR) break;
        tout_flush();
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

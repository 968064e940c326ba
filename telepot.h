/* telepot.h 0.1.0 - the Telegram Bot API in one C header (telepot's ideas, in C99). MIT licence, see the end.

   QUICK START
     In exactly ONE .c file of your program, before any other #include (it selects POSIX.1-2008):
         #define TELEPOT_IMPLEMENTATION
         #include "telepot.h"
     Everywhere else just #include "telepot.h". A whole echo bot:

         static void handle(tp_bot *bot, const tp_update *u, void *user) {
             const tp_message *m = u->message;                  // NULL for other update kinds
             (void)user;
             if (m && m->text)
                 tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                               .text = m->text }, NULL, NULL);
         }
         int main(int argc, char **argv) {
             tp_error err;
             tp_bot *bot = tp_bot_new(&(tp_bot_opts){ .token = argc > 1 ? argv[1] : NULL }, &err);
             if (!bot) { fprintf(stderr, "echo: %s\n", err.message); return 2; } // no token
             tp_bot_stop_on_signals(bot);                        // SIGINT/SIGTERM: graceful stop
             int rc = tp_poll_run(bot, handle, NULL, NULL, &err); // blocks until stopped
             tp_bot_free(bot);
             return rc ? 1 : 0;
         }

     Build (plain HTTP: the emulator, a local Bot API server, an HTTP proxy):
         cc -O2 examples/echo.c -o echo -lpthread
     Build with HTTPS for api.telegram.org (Debian: apt install libbearssl-dev):
         cc -O2 -DTELEPOT_BEARSSL examples/echo.c -o echo -lbearssl -lpthread
     Run:  TELEGRAM_BOT_TOKEN=123:abc ./echo        (or ./echo 123:abc)
     Offline, no token: `make demo` plays a conversation with a bot against tools/tpemu.

   CONFIGURATION (define before including, in the implementation file unless noted)
     TELEPOT_IMPLEMENTATION   build the implementation in this translation unit.
     TELEPOT_BEARSSL          HTTPS through BearSSL (link -lbearssl): chain and host name always
                              verified (no switch to turn that off); trust anchors from the
                              ca_file option, else $TELEPOT_CA_FILE, else $SSL_CERT_FILE, else
                              /etc/ssl/certs/ca-certificates.crt. Without it https:// fails
                              with TP_ERR_TLS_DISABLED, whose message says to define this.
     TELEPOT_STATIC           every public function becomes static (private copy per file).
     TELEPOT_MALLOC/REALLOC/FREE  allocator, all three or none (default malloc/realloc/free).
     TELEPOT_ASSERT(x)        programmer-error checks (default assert from <assert.h>).
     TELEPOT_JSON_MAX_DEPTH   nesting limit of the JSON reader, 1..1023 (default 512).
     Environment, read by tp_bot_new when an option is zero: TELEGRAM_BOT_TOKEN, TELEPOT_API_URL
     (default https://api.telegram.org; http:// allowed), TELEPOT_CA_FILE / SSL_CERT_FILE, and
     curl's proxy variables: https_proxy/HTTPS_PROXY (https://), http_proxy (http://, lower case
     only), all_proxy/ALL_PROXY, no_proxy/NO_PROXY; proxy URLs http://[user:pass@]host[:port]
     (CONNECT), socks5:// (address resolved here), socks5h:// (name resolved by the proxy).

   CONVENTIONS
     Names     tp_ public, TP_ macros and enum constants, tp__ private; module prefix then verb:
               tp_http_*, tp_json_*, tp_jw_* (writer), tp_bot_*, tp_poll_*, tp_hook_* (webhook
               receiver), tp_disp_* (per-chat dispatcher). _new/_free: the
               library allocates; _init/_deinit: caller storage. Bot API methods map mechanically:
               sendMessage -> tp_send_message(bot, &args, &out, &err); field `from` -> `from_`.
     Errors    functions return tp_err (TP_OK = 0) or NULL, and fill an optional caller-owned
               tp_error (code, errno, HTTP status, Telegram error_code/description, retry_after,
               migrate_to_chat_id, JSON offset, message). tp_strerror(code) is never NULL.
               No global "last error". Bad input never aborts; misuse of the API asserts.
     Memory    a parsed document (tp_json_doc) owns every value and string read from it (one
               arena); views into it stay valid until tp_json_doc_free. Strings are NUL-terminated
               and carry a length. Strings you pass in are borrowed for the call only. Every
               _free/_deinit accepts NULL and zeroed structs.
     Threads   no globals: objects never share hidden state. A tp_bot serialises its own calls
               (one connection, a mutex); tp_bot_stop is safe from any thread and from a signal
               handler. Documents are read-only and may be read from many threads.
     NULL      JSON getters accept NULL and return NULL/0, so lookups chain:
               tp_json_get_int(tp_json_get(tp_json_get(upd, "message"), "chat"), "id").
     Secrets   the token never appears in any error, log line or message the library makes.

   CONTENTS (grep for the anchors)
     >>config   version, macros, linkage
     >>base     errors, allocator, buffers, time
     >>net      sockets with deadlines (IPv4/IPv6, no SIGPIPE); HTTP CONNECT and SOCKS5 proxies
     >>tls      HTTPS through BearSSL (TELEPOT_BEARSSL): verification, errors, sessions
     >>http     HTTP/1.1 client: keep-alive, chunked, multipart uploads, streamed downloads
     >>json     DOM reader into one arena (exact int64), writer
     >>types    typed views of Update, Message, User, Chat (hand-written subset for now)
     >>api      the bot, tp_call for any method, typed helpers, glance/flavor
     >>updates  long polling (tp_poll_run, tp_poll_start) with confirmed offsets and a policy per
                error class; the per-chat dispatcher (tp_disp)
     >>hook     the webhook receiver (tp_hook_*): HTTP/1.1 server, dedup, orderer, tp_hook_push
     >>impl     the implementation, same order

   CHANGELOG
     next   HTTPS through BearSSL (SNI, chain and host name always verified, distinct errors,
            session resumption, buffers allocated once); proxies (CONNECT with basic auth,
            SOCKS5/SOCKS5h, curl's environment variables, no_proxy); options ca_file, proxy,
            no_env_proxy in tp_bot_opts and tp_http_opts.
            updates: polling hardened (unreadable batches isolated, then skipped with a report;
            409 option; offset file; tp_poll_start/join; workers); the webhook receiver
            tp_hook_* (dedup, limits, deadlines, orderer, tp_hook_push); per-chat tp_disp.
     0.1.0  foundation: sockets with deadlines, HTTP/1.1 client, JSON DOM + writer, tp_call,
            getMe/getUpdates/sendMessage/getFile/download helpers, glance/flavor, long polling
            with graceful stop. Not yet: HTTPS (BearSSL), proxies, the generated Bot API, the
            webhook receiver, delegation, async.
*/
#ifndef TELEPOT_H
#define TELEPOT_H

/* >>config ---------------------------------------------------------------------------------
   Version, linkage and the few macros the public half needs. */
/* POSIX.1-2008 is needed (getaddrinfo, clock_gettime, MSG_NOSIGNAL). This must be decided before
   the first system header; one included earlier has fixed the feature set already. */
#if defined(TELEPOT_IMPLEMENTATION) && !defined(_POSIX_C_SOURCE) && !defined(_GNU_SOURCE) && !defined(_DEFAULT_SOURCE) && \
    !defined(_XOPEN_SOURCE) && !defined(_BSD_SOURCE) && !defined(__APPLE__)
#if defined(_FEATURES_H) || defined(_SYS_CDEFS_H_)
#error "telepot.h: include telepot.h before any system header in the TELEPOT_IMPLEMENTATION file, or define _POSIX_C_SOURCE 200809L first"
#endif
#define _POSIX_C_SOURCE 200809L
#elif defined(TELEPOT_IMPLEMENTATION) && defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE < 200809L
#error "telepot.h: the implementation needs _POSIX_C_SOURCE >= 200809L"
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define TELEPOT_VERSION_MAJOR 0
#define TELEPOT_VERSION_MINOR 1
#define TELEPOT_VERSION_PATCH 0
#define TELEPOT_VERSION_STRING "0.1.0"

#ifdef TELEPOT_STATIC
#define TP_API static
#else
#define TP_API extern
#endif

#if defined(__GNUC__) || defined(__clang__)
#define TP__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TP__PRINTF(f, a)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The library version as "MAJOR.MINOR.PATCH". */
TP_API const char *tp_version(void);

/* >>base -----------------------------------------------------------------------------------
   One error vocabulary for every layer, banded by layer and only ever appended to; the
   detail struct the caller owns; growable buffers used by the writer and the HTTP layer. */

/* X(name, value, text) */
#define TP__ERRORS(X)                                                                         \
    X(TP_OK, 0, "success")                                                                    \
    X(TP_ERR_NOMEM, 1, "out of memory")                                                       \
    X(TP_ERR_INVALID, 2, "invalid argument")                                                  \
    X(TP_ERR_STOPPED, 3, "stopped by tp_bot_stop")                                            \
    X(TP_ERR_FILE, 4, "file input/output error")                                              \
    X(TP_ERR_NO_TOKEN, 5, "no bot token: pass it in the options or set TELEGRAM_BOT_TOKEN")   \
    X(TP_ERR_RESOLVE, 100, "host name lookup failed")                                         \
    X(TP_ERR_CONNECT, 101, "connection refused or unreachable")                               \
    X(TP_ERR_TIMEOUT, 102, "deadline expired")                                                \
    X(TP_ERR_RESET, 103, "connection reset by peer")                                          \
    X(TP_ERR_CLOSED, 104, "connection closed by peer")                                        \
    X(TP_ERR_IO, 105, "socket error")                                                         \
    X(TP_ERR_PROXY, 106, "proxy error")                                                       \
    X(TP_ERR_TLS_DISABLED, 200, "https:// needs HTTPS support: build with -DTELEPOT_BEARSSL " \
                                "and link -lbearssl")                                         \
    X(TP_ERR_TLS, 201, "TLS error")                                                           \
    X(TP_ERR_TLS_UNTRUSTED, 202, "the server's certificate chain ends in an untrusted root")  \
    X(TP_ERR_TLS_EXPIRED, 203, "the server's certificate has expired")                        \
    X(TP_ERR_TLS_NOT_YET_VALID, 204, "the server's certificate is not valid yet")             \
    X(TP_ERR_TLS_HOSTNAME, 205, "the server's certificate is for another host name")          \
    X(TP_ERR_TLS_CHAIN, 206, "the server's certificate chain does not reach a trusted root "  \
                             "(missing intermediate, or an unknown CA)")                      \
    X(TP_ERR_TLS_HANDSHAKE, 207, "TLS handshake failed")                                      \
    X(TP_ERR_TLS_NOT_TLS, 208, "the server does not speak TLS on this port")                  \
    X(TP_ERR_TLS_VERSION, 209, "the server wants TLS 1.3 only; BearSSL speaks up to TLS 1.2") \
    X(TP_ERR_TLS_CA, 210, "no trust anchors: set TELEPOT_CA_FILE or SSL_CERT_FILE")           \
    X(TP_ERR_URL, 300, "malformed URL")                                                       \
    X(TP_ERR_HTTP_PROTOCOL, 301, "malformed HTTP response")                                   \
    X(TP_ERR_HTTP_TRUNCATED, 302, "HTTP response cut short")                                  \
    X(TP_ERR_HTTP_HEADER_TOO_LARGE, 303, "HTTP response header exceeds the limit")            \
    X(TP_ERR_HTTP_BODY_TOO_LARGE, 304, "HTTP response body exceeds the limit")                \
    X(TP_ERR_HTTP_STATUS, 305, "unexpected HTTP status")                                      \
    X(TP_ERR_JSON_SYNTAX, 400, "JSON syntax error")                                           \
    X(TP_ERR_JSON_TRUNCATED, 401, "JSON text ends too early")                                 \
    X(TP_ERR_JSON_DEPTH, 402, "JSON nesting exceeds the limit")                               \
    X(TP_ERR_JSON_STRING, 403, "JSON string has a bad escape, control byte or UTF-8")         \
    X(TP_ERR_JSON_NUMBER, 404, "JSON number is malformed")                                    \
    X(TP_ERR_JSON_TOO_LARGE, 405, "JSON text exceeds the 1 GiB a document can hold")                                  \
    X(TP_ERR_API, 500, "the Bot API answered with an error")                                  \
    X(TP_ERR_NOT_JSON, 501, "the server's answer is not JSON (a proxy or error page?)")       \
    X(TP_ERR_BAD_RESPONSE, 502, "the server's JSON is not a Bot API response")

typedef enum tp_err {
#define TP__ERR_ENUM(name, value, text) name = value,
    TP__ERRORS(TP__ERR_ENUM)
#undef TP__ERR_ENUM
    TP__ERR_END
} tp_err;

/* The fixed text of an error code; never NULL ("unknown error" for unknown codes). */
TP_API const char *tp_strerror(tp_err code);

/* Details of a failure. Caller-owned; every function taking a tp_error * accepts NULL.
   `message` is a one-line human text (never contains the token); the other fields are 0 when
   they do not apply. On success functions leave the struct as it was, except `code` = TP_OK. */
typedef struct tp_error {
    tp_err code;
    int sys_errno;               /* errno of a failed system call */
    int http_status;             /* HTTP status of the answer, when one arrived */
    int error_code;              /* Telegram's error_code (ok:false answers) */
    int retry_after;             /* seconds, from parameters.retry_after (429) */
    int64_t migrate_to_chat_id;  /* from parameters.migrate_to_chat_id */
    size_t json_offset;          /* byte offset of a JSON syntax error */
    char description[256];       /* Telegram's description, verbatim (truncated) */
    char message[256];           /* what went wrong, in words */
} tp_error;

/* A growable byte buffer. A zeroed tp_buf is empty and valid. `ptr` is NUL-terminated whenever
   it is not NULL. Allocation failure is sticky: `err` becomes TP_ERR_NOMEM, later appends do
   nothing and return false, so a sequence of appends needs one check at the end. */
typedef struct tp_buf {
    char *ptr;
    size_t len;
    size_t cap;
    tp_err err;
} tp_buf;

TP_API void tp_buf_init(tp_buf *b);
TP_API void tp_buf_deinit(tp_buf *b);                /* frees; the buffer is empty again */
TP_API void tp_buf_reset(tp_buf *b);                 /* len = 0, keeps the memory and clears err */
TP_API bool tp_buf_reserve(tp_buf *b, size_t extra); /* room for `extra` more bytes + NUL */
TP_API bool tp_buf_append(tp_buf *b, const void *p, size_t n);
TP_API bool tp_buf_puts(tp_buf *b, const char *s);
TP_API bool tp_buf_printf(tp_buf *b, const char *fmt, ...) TP__PRINTF(2, 3);

/* Milliseconds of a monotonic clock (CLOCK_MONOTONIC); only differences mean anything. */
TP_API int64_t tp_now_ms(void);

/* >>tls ------------------------------------------------------------------------------------
   HTTPS with #define TELEPOT_BEARSSL (link -lbearssl; BearSSL speaks TLS 1.0-1.2). There is
   nothing to call: an https:// URL in tp_bot_opts/tp_http_opts makes the connection TLS.
   - Always verified: SNI and the host name, the chain up to a trust anchor, validity dates.
   - Trust anchors: option ca_file, else $TELEPOT_CA_FILE, else $SSL_CERT_FILE, else
     /etc/ssl/certs/ca-certificates.crt, read once by tp_http_new/tp_bot_new (TP_ERR_TLS_CA
     when none loads: the message names the file and where its name came from).
   - One TLS session per client: kept across keep-alive requests, resumed on reconnect.
   - Memory: about 33 KB of I/O buffer (both directions) and the anchors, per client, once.
   - Errors, each its own code: TP_ERR_TLS_UNTRUSTED (self-signed, or a root that is not an
     anchor), TP_ERR_TLS_CHAIN (the chain stops short: a missing intermediate, or an unknown
     CA; the two cannot be told apart), TP_ERR_TLS_EXPIRED, TP_ERR_TLS_NOT_YET_VALID,
     TP_ERR_TLS_HOSTNAME, TP_ERR_TLS_NOT_TLS (plain text on the port), TP_ERR_TLS_VERSION (a
     TLS 1.3-only server), TP_ERR_TLS_HANDSHAKE (anything else during the handshake), TP_ERR_TLS
     (after it). Messages name the host, never the URL path (it holds the token).
   Proxies (>>net) tunnel https:// and http:// alike: TP_ERR_PROXY carries the proxy's answer
   in words (the HTTP status also in http_status); the proxy password never appears. */

/* >>http -----------------------------------------------------------------------------------
   A blocking HTTP/1.1 client over one kept-alive connection to one origin. Every request has a
   deadline that covers connecting, writing and reading; the request goes out in one writev.
   Bodies arrive with Content-Length or chunked; sizes are limited; redirects are not followed.
   tp_http is not thread-safe: one thread at a time (tp_bot adds the lock). */

typedef struct tp_http tp_http;

typedef struct tp_http_opts {
    const char *url;          /* origin, "http://host[:port]" (a path is ignored); required */
    int connect_timeout_ms;   /* connect deadline, ms; default 10000 */
    int timeout_ms;           /* default whole-request deadline, ms; default 30000 */
    size_t max_header_bytes;  /* response header limit, bytes; default 16384 */
    size_t max_body_bytes;    /* in-memory response body limit, bytes; default 64 MiB */
    bool use_wake_fd;         /* when true, wake_fd becoming readable aborts any wait with
                                 TP_ERR_STOPPED (a self-pipe for stopping); default false */
    int wake_fd;
    const char *ca_file;      /* PEM trust anchors for https://; default $TELEPOT_CA_FILE, else
                                 $SSL_CERT_FILE, else /etc/ssl/certs/ca-certificates.crt */
    const char *proxy;        /* "http://[user:pass@]host[:port]", "socks5://..." or
                                 "socks5h://..."; default: curl's environment variables */
    bool no_env_proxy;        /* true: ignore https_proxy, http_proxy, all_proxy; default false */
} tp_http_opts;

/* One part of a multipart/form-data body: a plain field (filename NULL), or a file from
   memory (data/len) or streamed from a file descriptor (data NULL, fd > 0 - a zeroed part is
   an empty one, never stdin; a regular file is streamed from its current offset to its end,
   anything else, e.g. a pipe, is read into memory first, without a deadline). */
typedef struct tp_http_part {
    const char *name;          /* form field name; required */
    const char *filename;      /* makes it a file part; NULL for a plain field */
    const char *content_type;  /* default application/octet-stream for files */
    const void *data;          /* bytes in memory (borrowed) */
    size_t len;                /* length of data; for plain fields with len 0, strlen(data) */
    int fd;                    /* used when data is NULL */
} tp_http_part;

typedef struct tp_http_req {
    const char *method;        /* "GET" or "POST"; default GET, or POST when a body is given */
    const char *path;          /* request target, starting with '/'; may contain secrets: it
                                  never appears in errors */
    const char *content_type;  /* of `body`; default application/json */
    const void *body;          /* request body (borrowed), or NULL */
    size_t body_len;
    const tp_http_part *parts; /* multipart/form-data parts instead of `body` */
    size_t nparts;
    int timeout_ms;            /* deadline of the whole request, ms; 0 = the connection's default */
    bool idempotent;           /* safe to send twice (GET and HEAD always are): when a kept-alive
                                  connection dies after the request went out but before any
                                  answer byte, it is sent again on a new connection. Otherwise
                                  that is TP_ERR_CLOSED/TP_ERR_RESET: it may have been done. */
    bool to_fd;                /* stream a 2xx body to out_fd instead of memory (no size
                                  limit); error bodies still come in memory */
    int out_fd;
} tp_http_req;

typedef struct tp_http_resp {
    int status;                /* HTTP status code */
    const char *body;          /* body in memory, NUL-terminated; valid until the next request */
    size_t body_len;           /* bytes in body, or bytes written to out_fd */
    const char *content_type;  /* Content-Type value, "" if none; same lifetime as body */
} tp_http_resp;

/* Creates a client for one origin; connects lazily on the first request. */
TP_API tp_http *tp_http_new(const tp_http_opts *opts, tp_error *err);
TP_API void tp_http_free(tp_http *h);
/* Sends a request and reads the whole answer. A kept-alive connection that was closed while
   idle is replaced before sending; one that fails before the request left is reopened and
   the request sent, once (after it left, only when req->idempotent). Any status code is TP_OK
   here (check resp->status); errors are transport and protocol failures. */
TP_API tp_err tp_http_request(tp_http *h, const tp_http_req *req, tp_http_resp *resp,
                              tp_error *err);
/* Closes the connection (the next request reconnects). */
TP_API void tp_http_close(tp_http *h);

/* >>json -----------------------------------------------------------------------------------
   A DOM reader: tp_json_parse copies the text into one block that also holds every value, so a
   document costs one allocation (a second one only when values outgrow the first guess).
   Integers are exact int64 (Telegram ids exceed 2^53); integers beyond int64 become REAL.
   Strings are validated UTF-8, unescaped and NUL-terminated. The parser is iterative: depth
   is limited by TELEPOT_JSON_MAX_DEPTH, never by the C stack. Time is linear in the input. */

typedef enum tp_json_type {
    TP_JSON_NONE = 0, /* what the getters report for a NULL (absent) value */
    TP_JSON_NULL,
    TP_JSON_BOOL,
    TP_JSON_INT,
    TP_JSON_REAL,
    TP_JSON_STRING,
    TP_JSON_ARRAY,
    TP_JSON_OBJECT
} tp_json_type;

typedef struct tp_json tp_json;         /* a value inside a document */
typedef struct tp_json_doc tp_json_doc; /* a parsed document; owns its values */

/* Parses n bytes of JSON text (a copy is made; `s` need not be NUL-terminated). Returns NULL
   and fills err (code TP_ERR_JSON_*, json_offset) on invalid input or TP_ERR_NOMEM. */
TP_API tp_json_doc *tp_json_parse(const char *s, size_t n, tp_error *err);
TP_API void tp_json_doc_free(tp_json_doc *doc);
TP_API const tp_json *tp_json_root(const tp_json_doc *doc);

/* Getters: all accept NULL. */
TP_API tp_json_type tp_json_typeof(const tp_json *v);
TP_API const tp_json *tp_json_get(const tp_json *obj, const char *key);   /* object member */
TP_API const tp_json *tp_json_get_n(const tp_json *obj, const char *key, size_t key_len);
TP_API const tp_json *tp_json_at(const tp_json *arr, size_t i);           /* i-th element */
TP_API size_t tp_json_size(const tp_json *v);  /* members, elements, or string bytes; else 0 */
/* Iteration over an array's elements or an object's members (then tp_json_key names each):
       for (const tp_json *it = tp_json_first(arr); it; it = tp_json_next(it)) ...            */
TP_API const tp_json *tp_json_first(const tp_json *container);
TP_API const tp_json *tp_json_next(const tp_json *v);
TP_API const char *tp_json_key(const tp_json *member);     /* NULL for array elements */
TP_API const char *tp_json_str(const tp_json *v);          /* NULL unless a string */
TP_API int64_t tp_json_int(const tp_json *v);              /* 0 unless an integer */
TP_API double tp_json_num(const tp_json *v);               /* integer or real; else 0 */
TP_API bool tp_json_bool(const tp_json *v);                /* true only for `true` */
TP_API bool tp_json_is_null(const tp_json *v);             /* true only for `null` */
/* Shorthands: tp_json_get_str(o, k) == tp_json_str(tp_json_get(o, k)), and so on. */
TP_API const char *tp_json_get_str(const tp_json *obj, const char *key);
TP_API int64_t tp_json_get_int(const tp_json *obj, const char *key);
TP_API bool tp_json_get_bool(const tp_json *obj, const char *key);

/* Appends the JSON text of v to out (compact). */
TP_API tp_err tp_json_write(tp_buf *out, const tp_json *v);

/* A streaming writer onto a tp_buf: it places commas and colons and escapes strings. Nesting
   up to 1023 levels. Errors are sticky in out->err.
       tp_jw w; tp_jw_init(&w, &buf);
       tp_jw_obj(&w); tp_jw_key(&w, "chat_id"); tp_jw_int(&w, 42); tp_jw_obj_end(&w);        */
typedef struct tp_jw {
    tp_buf *out;
    uint64_t nonempty[16]; /* bit d: the container at depth d has a value already */
    int depth;             /* deeper than 1023 sets out->err = TP_ERR_JSON_DEPTH */
    bool after_key;
} tp_jw;

TP_API void tp_jw_init(tp_jw *w, tp_buf *out);
TP_API void tp_jw_obj(tp_jw *w);
TP_API void tp_jw_obj_end(tp_jw *w);
TP_API void tp_jw_arr(tp_jw *w);
TP_API void tp_jw_arr_end(tp_jw *w);
TP_API void tp_jw_key(tp_jw *w, const char *key);
TP_API void tp_jw_str(tp_jw *w, const char *s);            /* NULL writes null */
TP_API void tp_jw_str_n(tp_jw *w, const char *s, size_t n);
TP_API void tp_jw_int(tp_jw *w, int64_t v);
TP_API void tp_jw_real(tp_jw *w, double v);                /* NaN/Inf write null */
TP_API void tp_jw_bool(tp_jw *w, bool v);
TP_API void tp_jw_null(tp_jw *w);
TP_API void tp_jw_raw(tp_jw *w, const char *json);         /* a value already in JSON */
TP_API void tp_jw_value(tp_jw *w, const tp_json *v);       /* a DOM value; NULL writes null */

/* >>types ----------------------------------------------------------------------------------
   Typed views of the objects every bot touches, built in the document's arena. This is a
   hand-written subset; the generated Bot API (all types) replaces it. Absent optional fields
   are NULL or 0; `json` is the object's DOM, through which every other field stays readable. */

typedef struct tp_user {
    int64_t id;
    bool is_bot;
    const char *first_name;
    const char *last_name;     /* optional */
    const char *username;      /* optional */
    const char *language_code; /* optional */
    const tp_json *json;
} tp_user;

typedef struct tp_chat {
    int64_t id;
    const char *type;          /* "private", "group", "supergroup" or "channel" */
    const char *title;         /* optional */
    const char *username;      /* optional */
    const char *first_name;    /* optional */
    const char *last_name;     /* optional */
    const tp_json *json;
} tp_chat;

typedef struct tp_message {
    int64_t message_id;
    int64_t message_thread_id; /* optional, 0 when absent */
    const tp_user *from_;      /* optional */
    const tp_chat *chat;
    int64_t date;
    const char *text;          /* optional */
    const char *caption;       /* optional */
    const struct tp_message *reply_to_message; /* optional */
    const tp_json *json;
} tp_message;

typedef struct tp_update {
    int64_t update_id;
    const tp_message *message;             /* each optional: exactly one kind is present */
    const tp_message *edited_message;
    const tp_message *channel_post;
    const tp_message *edited_channel_post;
    const tp_json *json;                   /* the whole update: every other kind is here */
} tp_update;

/* >>api ------------------------------------------------------------------------------------
   The bot: token, API root, one kept-alive connection and the calls on it. tp_call reaches any
   method; the helpers below type the common ones. Telegram errors (ok:false) come back as
   TP_ERR_API with error_code, description, retry_after and migrate_to_chat_id filled in. */

typedef struct tp_bot tp_bot;

/* Log callback: level 0 error, 1 warning, 2 info, 3 debug. The text never holds the token. */
typedef void (*tp_log_fn)(void *user, int level, const char *text);

typedef struct tp_bot_opts {
    const char *token;           /* bot token; default $TELEGRAM_BOT_TOKEN */
    const char *api_url;         /* API root, may have a path (https://host/prefix); default
                                    $TELEPOT_API_URL, else https://api.telegram.org */
    int connect_timeout_ms;      /* ms; default 10000 */
    int timeout_ms;              /* ms, deadline of one ordinary call; default 30000 */
    size_t max_body_bytes;       /* largest answer kept in memory, bytes; default 64 MiB */
    const char *ca_file;         /* PEM trust anchors; default $TELEPOT_CA_FILE, else
                                    $SSL_CERT_FILE, else the system bundle */
    const char *proxy;           /* proxy URL (http://, socks5://, socks5h://); default from
                                    https_proxy/http_proxy/all_proxy minus no_proxy, as curl */
    bool no_env_proxy;           /* true: ignore the proxy environment variables; default false */
    tp_log_fn log;               /* default: silent */
    void *log_user;
} tp_bot_opts;

/* Creates a bot. Fails with TP_ERR_NO_TOKEN, TP_ERR_URL or TP_ERR_TLS_DISABLED (https:// in a
   build without TELEPOT_BEARSSL). Does not touch the network. */
TP_API tp_bot *tp_bot_new(const tp_bot_opts *opts, tp_error *err);
TP_API void tp_bot_free(tp_bot *bot);
/* Asks the bot's loops to stop: a long poll or a wait between retries is cut short, tp_poll_run
   lets the running handler finish, confirms what was handled and returns TP_OK. Calls already
   in flight (a handler's sendMessage) complete within their own deadlines, so no answer is
   lost to a stop. Async-signal-safe; callable from any thread; cannot be undone. */
TP_API void tp_bot_stop(tp_bot *bot);
TP_API bool tp_bot_stopped(const tp_bot *bot);
/* Installs SIGINT and SIGTERM handlers (sigaction) that call tp_bot_stop(bot). A process-wide
   effect the program asks for; at most 8 bots; tp_bot_free removes the bot, and the last one
   out puts the previous handlers back. Call it from one thread at a time. */
TP_API tp_err tp_bot_stop_on_signals(tp_bot *bot);

/* Calls any Bot API method. params: a JSON object text (see tp_jw) or NULL. On success *out
   (when out is not NULL) receives the whole parsed answer; read the value with tp_result(*out)
   and free it with tp_json_doc_free. Thread-safe (calls on one bot are serialised). */
TP_API tp_err tp_call(tp_bot *bot, const char *method, const char *params, tp_json_doc **out,
                      tp_error *err);
/* The same with multipart/form-data parameters (file uploads). */
TP_API tp_err tp_call_multipart(tp_bot *bot, const char *method, const tp_http_part *parts,
                                size_t nparts, tp_json_doc **out, tp_error *err);
/* The "result" of a Bot API answer document. */
TP_API const tp_json *tp_result(const tp_json_doc *doc);

/* chat_id is "Integer or String" (@channelusername): one small value covers both. */
typedef struct tp_chat_id {
    int64_t id;
    const char *username; /* "@channel"; used when not NULL */
} tp_chat_id;
#define TP_CHAT(id_) tp__chat_id_of((int64_t)(id_))
#define TP_CHAT_NAME(name_) tp__chat_id_named(name_)
static inline tp_chat_id tp__chat_id_of(int64_t id) {
    tp_chat_id c;
    c.id = id;
    c.username = NULL;
    return c;
}
static inline tp_chat_id tp__chat_id_named(const char *name) {
    tp_chat_id c;
    c.id = 0;
    c.username = name;
    return c;
}

TP_API tp_err tp_get_me(tp_bot *bot, tp_json_doc **out, tp_error *err);

typedef struct tp_get_updates_args {
    int64_t offset;                 /* 0 = absent */
    int limit;                      /* 1..100; 0 = absent (100) */
    int timeout;                    /* long-poll seconds; 0 = short poll */
    const char *const *allowed_updates; /* NULL-terminated list, or NULL */
} tp_get_updates_args;
TP_API tp_err tp_get_updates(tp_bot *bot, const tp_get_updates_args *args, tp_json_doc **out,
                             tp_error *err);

typedef struct tp_send_message_args {
    tp_chat_id chat_id;             /* required */
    const char *text;               /* required */
    int64_t message_thread_id;      /* 0 = absent */
    const char *parse_mode;         /* "MarkdownV2", "HTML"; NULL = absent */
    int64_t reply_to_message_id;    /* 0 = absent (sent as reply_parameters) */
    bool disable_notification;
    bool protect_content;
    const char *reply_markup;       /* JSON text of a keyboard, or NULL */
} tp_send_message_args;
TP_API tp_err tp_send_message(tp_bot *bot, const tp_send_message_args *args, tp_json_doc **out,
                              tp_error *err);

/* getFile: *out's result is a File ({file_id, file_size, file_path}). */
TP_API tp_err tp_get_file(tp_bot *bot, const char *file_id, tp_json_doc **out, tp_error *err);
/* telepot's downloadFile: getFile, then streams /file/bot<token>/<file_path> to fd. */
TP_API tp_err tp_download_file(tp_bot *bot, const char *file_id, int fd, tp_error *err);
/* The same into the file at path (0644): written to "path.part" first and renamed over path
   only when complete, so a failure leaves an existing file untouched. */
TP_API tp_err tp_download_file_to(tp_bot *bot, const char *file_id, const char *path,
                                  tp_error *err);

/* Typed views of an update object inside its document (allocated in the document's arena). */
TP_API const tp_update *tp_update_view(tp_json_doc *doc, const tp_json *update, tp_error *err);
TP_API const tp_message *tp_message_view(tp_json_doc *doc, const tp_json *message,
                                         tp_error *err);

/* telepot's flavor: what kind of update (or object) this is. */
typedef enum tp_flavor {
    TP_FLAVOR_RAW = 0,           /* a kind this library does not know: read u->json */
    TP_FLAVOR_CHAT,              /* message (also: a bare Message object) */
    TP_FLAVOR_EDITED_CHAT,       /* edited_message */
    TP_FLAVOR_CHANNEL,           /* channel_post */
    TP_FLAVOR_EDITED_CHANNEL,    /* edited_channel_post */
    TP_FLAVOR_BUSINESS,          /* business_message, edited_business_message, ... */
    TP_FLAVOR_CALLBACK_QUERY,
    TP_FLAVOR_INLINE_QUERY,
    TP_FLAVOR_CHOSEN_INLINE_RESULT,
    TP_FLAVOR_SHIPPING_QUERY,
    TP_FLAVOR_PRE_CHECKOUT_QUERY,
    TP_FLAVOR_POLL,
    TP_FLAVOR_POLL_ANSWER,
    TP_FLAVOR_MY_CHAT_MEMBER,
    TP_FLAVOR_CHAT_MEMBER,
    TP_FLAVOR_CHAT_JOIN_REQUEST,
    TP_FLAVOR_REACTION,          /* message_reaction, message_reaction_count */
    TP_FLAVOR_BOOST,             /* chat_boost, removed_chat_boost */
    TP_FLAVOR_PURCHASED_PAID_MEDIA
} tp_flavor;
TP_API tp_flavor tp_flavor_of(const tp_json *update_or_object);
TP_API const char *tp_flavor_name(tp_flavor f);  /* "chat", "callback_query", ... "raw" */
/* The object an update carries (the message, the callback query, ...), or NULL. */
TP_API const tp_json *tp_update_payload(const tp_json *update);

/* telepot's glance: the three things to know about a message. */
typedef struct tp_glance_info {
    const char *content_type; /* "text", "photo", "new_chat_members", ...; "unknown" if none */
    const char *chat_type;    /* "private", "group", "supergroup", "channel"; "" if none */
    int64_t chat_id;
} tp_glance_info;
TP_API tp_glance_info tp_glance(const tp_json *message);

/* >>updates --------------------------------------------------------------------------------
   Where updates come from and in what order they reach the handler. Long polling (telepot's
   message_loop) confirms an update (offset = id + 1) only after its handler returned; the
   webhook receiver answers Telegram as soon as an update is queued and hands it to worker
   threads that keep each chat's order (the dispatcher); tp_hook_push feeds the same machinery
   from your own web server. Failure policy of the poll, by error class:
     429                       wait retry_after seconds, same offset
     transport errors, 5xx, HTML pages, truncated answers, stalls past timeout + slack
                               exponential backoff with jitter (0.5 s doubling to 60 s), same offset
     401, 404 (token, URL), 400 (bad options)   stop, returning that error
     409 (another poller or a webhook)          stop; with retry_on_conflict, back off instead
     a 2xx answer starting {"ok":true that is not a readable batch (broken JSON, no array,
     no usable update_id)      back off; after 3 failures at one offset ask for limit=1 to
                               isolate it; after 3 more the update at that offset is reported to
                               on_bad_update with the raw answer and skipped (its update_id read
                               from the raw text, else the offset itself). Anything else (a
                               proxy's page, even with 200) only backs off: skipping would lose.
     one update whose typed view fails          reported once to on_bad_update, confirmed */
typedef void (*tp_update_fn)(tp_bot *bot, const tp_update *u, void *user);
/* Reports an update that cannot be read: `raw` holds its bytes (or the whole unreadable
   answer), `why` the reason. The update is confirmed (polling) or answered 200 (webhook). */
typedef void (*tp_bad_update_fn)(tp_bot *bot, const char *raw, size_t len, const tp_error *why,
                                 void *user);

typedef struct tp_poll_opts {
    int timeout;                         /* long-poll seconds; default 30 */
    int limit;                           /* updates per request, 1..100; default 100 */
    const char *const *allowed_updates;  /* NULL-terminated; default: Telegram's default */
    bool drop_pending_updates;           /* skip what was pending at start */
    tp_bad_update_fn on_bad_update;      /* default: logged (warning) */
    bool retry_on_conflict;              /* 409: back off and retry instead of stopping */
    const char *offset_file;             /* the next offset is written there (tmp + rename)
                                            after each handled update (each batch with
                                            workers) and read at start; default: none. With
                                            it a kill -9 repeats at most one update. */
    int slack_ms;                        /* HTTP deadline of a poll = timeout + this; default
                                            15000 */
    int backoff_min_ms;                  /* first wait after a failure, ms; default 500 */
    int backoff_max_ms;                  /* longest wait, ms; default 60000 */
    int workers;                         /* > 0: handlers run on that many threads, one chat's
                                            updates in order (tp_disp); a batch is confirmed
                                            once all its handlers returned; default 0: the
                                            polling thread runs them */
} tp_poll_opts;

/* Runs the polling loop until tp_bot_stop (returns TP_OK) or a fatal error (returns it).
   The poll has its own connection, so handlers' calls never wait behind a long poll. */
TP_API tp_err tp_poll_run(tp_bot *bot, tp_update_fn handler, void *user, const tp_poll_opts *opts,
                          tp_error *err);

/* The polling loop on a background thread (telepot's message_loop(run_forever=False)).
   opts is copied; the strings it points to must live until tp_poll_join. Stop it with
   tp_bot_stop; tp_poll_join waits for the end, returns tp_poll_run's result and frees p.
       tp_poller *p = tp_poll_start(bot, handle, NULL, NULL, &err);  ...  tp_bot_stop(bot);
       tp_poll_join(p, &err);                                                               */
typedef struct tp_poller tp_poller;
TP_API tp_poller *tp_poll_start(tp_bot *bot, tp_update_fn handler, void *user,
                                const tp_poll_opts *opts, tp_error *err);
TP_API tp_err tp_poll_join(tp_poller *p, tp_error *err);

/* The whole main() of a polling bot, telepot's `bot.message_loop(handle)`:
       int main(int argc, char **argv) { return tp_poll_main(argc, argv, handle, NULL, NULL); }
   The token comes from argv[1], else TELEGRAM_BOT_TOKEN (without one: a usage line, status 2);
   SIGINT and SIGTERM stop the bot gracefully; a fatal error prints one line on stderr (never
   the token). Returns the exit status: 0 after a stop, 2 on bad usage, 1 on an error. */
typedef struct tp_main_opts {
    tp_err (*setup)(tp_bot *bot, void *user, tp_error *err); /* once, before polling; NULL: none */
    const tp_poll_opts *poll;                                 /* NULL: defaults */
    const tp_bot_opts *bot;                                   /* NULL: defaults (token above) */
} tp_main_opts;
TP_API int tp_poll_main(int argc, char **argv, tp_update_fn handler, void *user,
                        const tp_main_opts *opts);

/* The dispatcher: per-chat order, different chats in parallel. Updates are keyed by chat
   (tp_update_key) and a key always goes to the same worker, whose queue is FIFO; a full queue
   makes tp_disp_push wait (back-pressure). Thread-safe. */
typedef struct tp_disp tp_disp;
typedef struct tp_disp_opts {
    int workers;                 /* threads; default 4 */
    int queue_size;              /* queued updates per worker; default 256 */
} tp_disp_opts;
TP_API tp_disp *tp_disp_new(tp_bot *bot, tp_update_fn handler, void *user,
                            const tp_disp_opts *opts, tp_error *err);
/* Queues u for the handler. owned_doc: a document freed after the handler returned (NULL when
   the caller keeps u's document alive until tp_disp_drain). */
TP_API tp_err tp_disp_push(tp_disp *d, const tp_update *u, tp_json_doc *owned_doc);
TP_API void tp_disp_drain(tp_disp *d);  /* returns once every queued update was handled */
TP_API void tp_disp_free(tp_disp *d);   /* drains, then ends the threads; NULL allowed */
/* The ordering key of an update: its chat's id (message kinds, callback queries with a
   message, chat member updates, ...), else the sender's id (inline queries), else 0. */
TP_API int64_t tp_update_key(const tp_json *update);

/* >>hook: the webhook receiver. A small HTTP/1.1 server (a thread per connection, keep-alive)
   for Telegram's POSTs: the secret token is compared in constant time (401 otherwise), an
   update is answered 200 as soon as it is queued, deduplicated by update_id (a bounded set
   of recent ids) and never refused for failing to parse (on_bad_update gets it). Hostile
   clients: header and body limits (431/413), a whole-request deadline (408), requests with
   Transfer-Encoding or several Content-Length headers (400, closed), other paths (404),
   other methods (405), at most max_connections connections (503). Plain HTTP: put it behind
   a TLS proxy (nginx, caddy) or a tunnel; direct HTTPS comes with the TLS work.
       tp_hook *h = tp_hook_new(bot, handle, NULL, &(tp_hook_opts){ .port = 8080,
                                .secret_token = secret }, &err);
       tp_hook_set_webhook(bot, "https://example.org/", secret, NULL, &err);
       tp_hook_run(h, &err);                // until tp_bot_stop (SIGTERM)
       tp_hook_free(h);                                                                     */
typedef struct tp_hook tp_hook;
typedef struct tp_hook_opts {
    const char *host;            /* listen address; default "127.0.0.1" (behind a proxy);
                                    "0.0.0.0" or "::" for every interface */
    int port;                    /* TCP port; default 0 = any free port (see tp_hook_port) */
    const char *path;            /* the webhook path; default "/" */
    const char *secret_token;    /* X-Telegram-Bot-Api-Secret-Token wanted; NULL: not checked */
    bool no_server;              /* no listening socket: only tp_hook_push feeds updates */
    bool reuse_port;             /* SO_REUSEPORT: several processes share the port (the kernel
                                    spreads connections; dedup is per process) */
    int max_connections;         /* connections at once; default 64 */
    size_t max_header_bytes;     /* request head limit, bytes; default 8192 */
    size_t max_body_bytes;       /* request body limit, bytes; default 1 MiB */
    int request_timeout_ms;      /* a request must arrive whole within this from its first
                                    byte, ms; default 10000 */
    int idle_timeout_ms;         /* keep-alive connection idle limit, ms; default 60000 */
    int workers;                 /* handler threads (per-chat order); default 4 */
    int queue_size;              /* queued updates per worker; default 256 */
    int dedup_size;              /* recent update_ids remembered; default 4096 */
    bool ordered;                /* telepot's ordered=True: hold updates back until the
                                    update_ids before them arrived, or maxhold passed */
    int maxhold_ms;              /* ms; default 3000 */
    tp_bad_update_fn on_bad_update; /* default: logged (warning) */
    /* Reports an ordering decision: "gap" (ids before update_id given up after maxhold) or
       "late" (update_id arrived after later ones were released; it is still handled). */
    void (*on_reorder)(tp_bot *bot, int64_t update_id, const char *what, void *user);
} tp_hook_opts;

/* Binds, listens and starts the threads (acceptor, workers). err: TP_ERR_IO with errno when
   the address cannot be bound. Handlers receive updates from now on. */
TP_API tp_hook *tp_hook_new(tp_bot *bot, tp_update_fn handler, void *user,
                            const tp_hook_opts *opts, tp_error *err);
TP_API int tp_hook_port(const tp_hook *h);     /* the bound port (0 with no_server) */
/* Blocks until tp_bot_stop(bot), then stops accepting and waits for the queued handlers. */
TP_API tp_err tp_hook_run(tp_hook *h, tp_error *err);
/* Feeds one update's JSON (a webhook body) from your own server (telepot's source=queue):
   deduplicated, ordered and dispatched like a POST. Thread-safe. Returns TP_OK when queued or
   a duplicate; a parse error code after reporting it to on_bad_update. */
TP_API tp_err tp_hook_push(tp_hook *h, const char *body, size_t len, tp_error *err);
/* Stops the server (connections close, requests in flight finish), drains the handlers,
   frees. NULL allowed. */
TP_API void tp_hook_free(tp_hook *h);

/* setWebhook and deleteWebhook through tp_call. url: https://... (http:// for the emulator). */
typedef struct tp_webhook_args {
    int max_connections;                 /* 1..100; 0 = Telegram's default (40) */
    const char *const *allowed_updates;  /* NULL-terminated, or NULL */
    bool drop_pending_updates;
    const char *ip_address;              /* NULL = absent */
} tp_webhook_args;
TP_API tp_err tp_hook_set_webhook(tp_bot *bot, const char *url, const char *secret_token,
                                  const tp_webhook_args *more, tp_error *err);
TP_API tp_err tp_hook_delete_webhook(tp_bot *bot, bool drop_pending_updates, tp_error *err);

#ifdef __cplusplus
}
#endif
#endif /* TELEPOT_H */

/* >>impl ===================================================================================
   The implementation, in the same data-flow order as the declarations above. */
#ifdef TELEPOT_IMPLEMENTATION
#ifndef TELEPOT_IMPLEMENTATION_INCLUDED
#define TELEPOT_IMPLEMENTATION_INCLUDED


#if !defined(_POSIX_C_SOURCE) && !defined(_GNU_SOURCE) && !defined(_DEFAULT_SOURCE) && \
    !defined(_XOPEN_SOURCE) && !defined(_BSD_SOURCE) && !defined(__APPLE__)
#error "telepot.h: the implementation needs POSIX.1-2008: define _POSIX_C_SOURCE 200809L before the first #include"
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#ifdef TELEPOT_BEARSSL
#include <bearssl.h>
#endif

#ifndef TELEPOT_ASSERT
#include <assert.h>
#define TELEPOT_ASSERT(x) assert(x)
#endif

#if defined(TELEPOT_MALLOC) && defined(TELEPOT_REALLOC) && defined(TELEPOT_FREE)
#elif !defined(TELEPOT_MALLOC) && !defined(TELEPOT_REALLOC) && !defined(TELEPOT_FREE)
#define TELEPOT_MALLOC(n) malloc(n)
#define TELEPOT_REALLOC(p, n) realloc(p, n)
#define TELEPOT_FREE(p) free(p)
#else
#error "telepot.h: define all of TELEPOT_MALLOC, TELEPOT_REALLOC and TELEPOT_FREE, or none"
#endif

#ifndef TELEPOT_JSON_MAX_DEPTH
#define TELEPOT_JSON_MAX_DEPTH 512
#endif
#if TELEPOT_JSON_MAX_DEPTH < 1 || TELEPOT_JSON_MAX_DEPTH > 1023
#error "telepot.h: TELEPOT_JSON_MAX_DEPTH must be 1..1023 (the writer's limit)"
#endif


#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* platforms without it get SO_NOSIGPIPE on the socket instead */
#endif

#if defined(__GNUC__) || defined(__clang__)
#define TP__LIKELY(x) __builtin_expect(!!(x), 1)
#define TP__UNLIKELY(x) __builtin_expect(!!(x), 0)
#define TP__UNUSED __attribute__((unused))
#else
#define TP__LIKELY(x) (x)
#define TP__UNLIKELY(x) (x)
#define TP__UNUSED
#endif

#ifdef TELEPOT_STATIC
#define TP__DEF static TP__UNUSED /* a program uses a part of the API */
#else
#define TP__DEF
#endif

/* >>base (impl) ---------------------------------------------------------------------------- */

TP__DEF const char *tp_version(void) { return TELEPOT_VERSION_STRING; }

TP__DEF const char *tp_strerror(tp_err code) {
    switch (code) {
#define TP__ERR_CASE(name, value, text) \
    case name:                          \
        return text;
        TP__ERRORS(TP__ERR_CASE)
#undef TP__ERR_CASE
    default:
        return "unknown error";
    }
}

static void *tp__alloc(size_t n) { return TELEPOT_MALLOC(n ? n : 1); }
static void *tp__realloc(void *p, size_t n) { return TELEPOT_REALLOC(p, n ? n : 1); }
static void tp__free(void *p) {
    if (p) TELEPOT_FREE(p);
}
static char *tp__strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = (char *)tp__alloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

/* Copies at most cap-1 bytes and always terminates. */
static void tp__strlcpy(char *dst, const char *src, size_t cap) {
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Fills err (when not NULL): code, errno and a formatted message. Returns code. */
static tp_err tp__fail(tp_error *err, tp_err code, int sys_errno, const char *fmt, ...)
    TP__PRINTF(4, 5);
static tp_err tp__fail(tp_error *err, tp_err code, int sys_errno, const char *fmt, ...) {
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = code;
        err->sys_errno = sys_errno;
        if (fmt) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(err->message, sizeof err->message, fmt, ap);
            va_end(ap);
        } else {
            tp__strlcpy(err->message, tp_strerror(code), sizeof err->message);
        }
    }
    return code;
}

static tp_err tp__ok(tp_error *err) {
    if (err) err->code = TP_OK;
    return TP_OK;
}

TP__DEF void tp_buf_init(tp_buf *b) { memset(b, 0, sizeof *b); }
TP__DEF void tp_buf_deinit(tp_buf *b) {
    if (!b) return;
    tp__free(b->ptr);
    memset(b, 0, sizeof *b);
}
TP__DEF void tp_buf_reset(tp_buf *b) {
    b->len = 0;
    b->err = TP_OK;
    if (b->ptr) b->ptr[0] = '\0';
}
TP__DEF bool tp_buf_reserve(tp_buf *b, size_t extra) {
    size_t need, cap;
    char *p;
    if (b->err) return false;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->err = TP_ERR_NOMEM;
        return false;
    }
    need = b->len + extra + 1;
    if (need <= b->cap) return true;
    cap = b->cap ? b->cap : 64;
    while (cap < need) cap += cap / 2 + 64;
    p = (char *)tp__realloc(b->ptr, cap);
    if (!p) {
        b->err = TP_ERR_NOMEM;
        return false;
    }
    b->ptr = p;
    b->cap = cap;
    return true;
}
TP__DEF bool tp_buf_append(tp_buf *b, const void *p, size_t n) {
    if (!tp_buf_reserve(b, n)) return false;
    if (n) memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return true;
}
TP__DEF bool tp_buf_puts(tp_buf *b, const char *s) { return tp_buf_append(b, s, strlen(s)); }
TP__DEF bool tp_buf_printf(tp_buf *b, const char *fmt, ...) {
    va_list ap;
    int n;
    char small[256];
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->err = TP_ERR_INVALID;
        return false;
    }
    if ((size_t)n < sizeof small) return tp_buf_append(b, small, (size_t)n);
    if (!tp_buf_reserve(b, (size_t)n)) return false;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

TP__DEF int64_t tp_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Decimal digits of v into the end of a 24-byte buffer; returns the first digit. */
static char *tp__i64toa(int64_t v, char *end) {
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--end = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *--end = '-';
    return end;
}
/* Milliseconds left until deadline, for poll(): 0 when past. */
static int tp__ms_left(int64_t deadline) {
    int64_t left = deadline - tp_now_ms();
    if (left <= 0) return 0;
    if (left > INT_MAX) return INT_MAX;
    return (int)left;
}

/* >>net (impl) -----------------------------------------------------------------------------
   Every wait has a deadline. Reads block in recv() under SO_RCVTIMEO, which is only changed
   when the deadline moves, so a request/answer costs two system calls; a wait that a self-pipe
   may cut short (tp_bot_stop during a long poll) goes through poll() on both. Writes do not
   block (MSG_DONTWAIT, then poll) and use MSG_NOSIGNAL: a closed peer is an error, not SIGPIPE. */

typedef struct tp__tls tp__tls; /* >>tls: the BearSSL engine of an https:// connection */

typedef struct tp__conn {
    int fd;          /* -1 when closed */
    int wake_fd;     /* -1 when none */
    int rcvtimeo_ms; /* SO_RCVTIMEO now set on fd; 0 = none */
    uint64_t sent;   /* bytes written since connect (TLS: record bytes since the handshake) */
    tp__tls *tls;    /* NULL for plain TCP; owned by whoever set it (tp_http) */
} tp__conn;

#ifdef TELEPOT_BEARSSL
static void tp__tls_closed(tp__tls *t);
static bool tp__tls_pending(const tp__tls *t);
static tp_err tp__tls_writev(tp__conn *c, struct iovec *iov, int iovcnt, int64_t deadline,
                             tp_error *err);
static tp_err tp__tls_read(tp__conn *c, void *buf, size_t cap, size_t *got, int64_t deadline,
                           tp_error *err);
#endif

static void tp__conn_close(tp__conn *c) {
    if (c->fd >= 0) close(c->fd);
    c->fd = -1;
    c->rcvtimeo_ms = 0;
    c->sent = 0;
#ifdef TELEPOT_BEARSSL
    if (c->tls) tp__tls_closed(c->tls);
#endif
}

/* A kept-alive connection is reusable when nothing is waiting on it: a readable idle
   connection holds an EOF, a reset or stray bytes. */
static bool tp__conn_idle_ok(const tp__conn *c) {
    struct pollfd pf;
#ifdef TELEPOT_BEARSSL
    if (c->tls && tp__tls_pending(c->tls)) return false;
#endif
    pf.fd = c->fd;
    pf.events = POLLIN;
    pf.revents = 0;
    return poll(&pf, 1, 0) == 0;
}

static tp_err tp__errno_code(int e) {
    switch (e) {
    case ECONNRESET:
    case EPIPE:
    case ECONNABORTED:
        return TP_ERR_RESET;
    case ETIMEDOUT:
        return TP_ERR_TIMEOUT;
    case ECONNREFUSED:
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN:
        return TP_ERR_CONNECT;
    case ENOMEM:
    case ENOBUFS:
        return TP_ERR_NOMEM;
    default:
        return TP_ERR_IO;
    }
}

/* Waits until fd is ready for `events`, the deadline passes, or the wake fd fires. */
static tp_err tp__net_wait(tp__conn *c, short events, int64_t deadline, tp_error *err) {
    struct pollfd pf[2];
    int n, rc;
    for (;;) {
        pf[0].fd = c->fd;
        pf[0].events = events;
        pf[0].revents = 0;
        n = 1;
        if (c->wake_fd >= 0) {
            pf[1].fd = c->wake_fd;
            pf[1].events = POLLIN;
            pf[1].revents = 0;
            n = 2;
        }
        rc = poll(pf, (nfds_t)n, tp__ms_left(deadline));
        if (rc < 0) {
            if (errno == EINTR) continue;
            return tp__fail(err, TP_ERR_IO, errno, "poll: %s", strerror(errno));
        }
        if (n == 2 && pf[1].revents) return tp__fail(err, TP_ERR_STOPPED, 0, "stopped");
        if (rc == 0) return tp__fail(err, TP_ERR_TIMEOUT, 0, "deadline expired waiting for the server");
        return TP_OK; /* ready, or an error condition the next I/O call reports */
    }
}

static tp_err tp__set_nonblock(int fd) {
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) return TP_ERR_IO;
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    return TP_OK;
}

/* Connects to host:port (IPv4 or IPv6, every address getaddrinfo gives, in order). */
static tp_err tp__net_connect(tp__conn *c, const char *host, const char *port, int64_t deadline,
                              tp_error *err) {
    struct addrinfo hints, *res = NULL, *ai;
    int rc, last_errno = 0;
    tp_err last = TP_ERR_CONNECT;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    rc = getaddrinfo(host, port, &hints, &res);
#ifdef EAI_ADDRFAMILY
    if (rc == EAI_ADDRFAMILY) rc = EAI_NONAME;
#endif
    if (rc == EAI_NONAME) {
        hints.ai_flags = 0; /* loopback-only machines: AI_ADDRCONFIG hides ::1 and 127.0.0.1 */
        rc = getaddrinfo(host, port, &hints, &res);
    }
    if (rc != 0)
        return tp__fail(err, TP_ERR_RESOLVE, rc == EAI_SYSTEM ? errno : 0, "cannot resolve %s: %s",
                        host, gai_strerror(rc));
    for (ai = res; ai; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol), one = 1, soerr = 0;
        socklen_t len = sizeof soerr;
        tp_err w;
        if (fd < 0) {
            last_errno = errno;
            continue;
        }
        if (tp__set_nonblock(fd) != TP_OK) {
            last_errno = errno;
            close(fd);
            continue;
        }
        (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
        (void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
        c->fd = fd;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            int fl = fcntl(fd, F_GETFL, 0);
            if (fl >= 0) (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
            break;
        }
        if (errno != EINPROGRESS && errno != EINTR) {
            last_errno = errno;
            last = tp__errno_code(errno);
            tp__conn_close(c);
            continue;
        }
        w = tp__net_wait(c, POLLOUT, deadline, err);
        if (w != TP_OK) {
            tp__conn_close(c);
            freeaddrinfo(res);
            if (w == TP_ERR_TIMEOUT)
                return tp__fail(err, TP_ERR_TIMEOUT, 0, "connecting to %s:%s timed out", host, port);
            return w;
        }
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) == 0 && soerr == 0) {
            int fl = fcntl(fd, F_GETFL, 0); /* reads block under SO_RCVTIMEO from now on */
            if (fl >= 0) (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
            break;
        }
        last_errno = soerr ? soerr : errno;
        last = tp__errno_code(last_errno);
        tp__conn_close(c);
    }
    freeaddrinfo(res);
    if (c->fd < 0) {
        if (last == TP_ERR_IO || last == TP_ERR_RESET) last = TP_ERR_CONNECT;
        return tp__fail(err, last, last_errno, "cannot connect to %s:%s: %s", host, port,
                        last_errno ? strerror(last_errno) : "no address");
    }
    return TP_OK;
}

/* Writes every byte of iov (modified in place) to the socket before the deadline. */
static tp_err tp__sock_writev(tp__conn *c, struct iovec *iov, int iovcnt, int64_t deadline,
                              tp_error *err) {
    while (iovcnt > 0) {
        struct msghdr mh;
        ssize_t n;
        memset(&mh, 0, sizeof mh);
        mh.msg_iov = iov;
        mh.msg_iovlen = (size_t)iovcnt;
        n = sendmsg(c->fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            tp_err w;
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                return tp__fail(err, tp__errno_code(errno), errno, "send: %s", strerror(errno));
            w = tp__net_wait(c, POLLOUT, deadline, err);
            if (w != TP_OK) return w;
            continue;
        }
        c->sent += (uint64_t)n;
        while (iovcnt > 0 && (size_t)n >= iov->iov_len) {
            n -= (ssize_t)iov->iov_len;
            iov++;
            iovcnt--;
        }
        if (iovcnt > 0) {
            iov->iov_base = (char *)iov->iov_base + n;
            iov->iov_len -= (size_t)n;
        }
    }
    return TP_OK;
}

/* Waits for socket data and reads what is there, up to cap bytes. *got = 0: the peer closed. */
static tp_err tp__sock_read(tp__conn *c, void *buf, size_t cap, size_t *got, int64_t deadline,
                            tp_error *err) {
    for (;;) {
        ssize_t n;
        if (c->wake_fd >= 0) {
            tp_err w = tp__net_wait(c, POLLIN, deadline, err);
            if (w != TP_OK) return w;
            n = recv(c->fd, buf, cap, MSG_DONTWAIT);
        } else {
            int left = tp__ms_left(deadline);
            if (left == 0)
                return tp__fail(err, TP_ERR_TIMEOUT, 0, "deadline expired waiting for the server");
            /* Overshooting the deadline by a sixteenth (plus 50 ms) is allowed, so that
               requests with the same timeout never pay for a setsockopt. */
            if (c->rcvtimeo_ms == 0 || c->rcvtimeo_ms > left + 50 + left / 16 ||
                c->rcvtimeo_ms < left / 2) {
                struct timeval tv;
                tv.tv_sec = left / 1000;
                tv.tv_usec = (left % 1000) * 1000;
                if (setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0)
                    c->rcvtimeo_ms = left;
            }
            n = recv(c->fd, buf, cap, 0);
        }
        if (n >= 0) {
            *got = (size_t)n;
            return TP_OK;
        }
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) { /* the timeout, or a non-blocking fd */
            tp_err w = tp__net_wait(c, POLLIN, deadline, err);
            if (w != TP_OK) return w;
            continue;
        }
        return tp__fail(err, tp__errno_code(errno), errno, "recv: %s", strerror(errno));
    }
}

/* Reads exactly n bytes from the socket (proxy handshakes); EOF is TP_ERR_CLOSED. */
static tp_err tp__sock_read_full(tp__conn *c, void *buf, size_t n, int64_t deadline,
                                 tp_error *err) {
    size_t at = 0, got;
    while (at < n) {
        tp_err rc = tp__sock_read(c, (char *)buf + at, n - at, &got, deadline, err);
        if (rc != TP_OK) return rc;
        if (got == 0) return tp__fail(err, TP_ERR_CLOSED, 0, "the peer closed the connection");
        at += got;
    }
    return TP_OK;
}

/* The connection's byte stream: through the TLS engine when there is one, else the socket. */
static tp_err tp__net_writev(tp__conn *c, struct iovec *iov, int iovcnt, int64_t deadline,
                             tp_error *err) {
#ifdef TELEPOT_BEARSSL
    if (c->tls) return tp__tls_writev(c, iov, iovcnt, deadline, err);
#endif
    return tp__sock_writev(c, iov, iovcnt, deadline, err);
}
static tp_err tp__net_read(tp__conn *c, void *buf, size_t cap, size_t *got, int64_t deadline,
                           tp_error *err) {
#ifdef TELEPOT_BEARSSL
    if (c->tls) return tp__tls_read(c, buf, cap, got, deadline, err);
#endif
    return tp__sock_read(c, buf, cap, got, deadline, err);
}

/* Writes all of buf to a (possibly non-blocking) file descriptor. */
static tp_err tp__write_all(int fd, const char *buf, size_t n, tp_error *err) {
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                struct pollfd pf;
                pf.fd = fd;
                pf.events = POLLOUT;
                pf.revents = 0;
                (void)poll(&pf, 1, 1000);
                continue;
            }
            return tp__fail(err, TP_ERR_FILE, errno, "write to file: %s", strerror(errno));
        }
        buf += w;
        n -= (size_t)w;
    }
    return TP_OK;
}

/* Proxies, with curl's meaning: an http:// proxy is asked to CONNECT (every target is
   tunnelled, plain http:// too, so one code path serves both), socks5:// gets an address
   resolved here and socks5h:// gets the host name. The password never reaches an error. */

enum { TP__PROXY_NONE, TP__PROXY_HTTP, TP__PROXY_SOCKS5, TP__PROXY_SOCKS5H };

typedef struct tp__proxy {
    int kind;
    char host[256];
    char port[8];
    char user[256];  /* decoded; empty when none */
    char pass[256];
} tp__proxy;

static int tp__pct_hex(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Copies [p, e) percent-decoded into dst (cap bytes); false when too long. */
static bool tp__pct_decode(const char *p, const char *e, char *dst, size_t cap) {
    size_t n = 0;
    while (p < e) {
        int c = (unsigned char)*p++;
        if (c == '%' && e - p >= 2 && tp__pct_hex(p[0]) >= 0 && tp__pct_hex(p[1]) >= 0) {
            c = tp__pct_hex(p[0]) * 16 + tp__pct_hex(p[1]);
            p += 2;
        }
        if (n + 1 >= cap) return false;
        dst[n++] = (char)c;
    }
    dst[n] = '\0';
    return true;
}

/* Parses "scheme://[user[:pass]@]host[:port][/]"; a URL without a scheme is an http proxy. */
static tp_err tp__proxy_parse(const char *url, tp__proxy *px, tp_error *err) {
    const char *p = url, *at, *end, *h, *he, *colon;
    memset(px, 0, sizeof *px);
    if (strncasecmp(p, "http://", 7) == 0) px->kind = TP__PROXY_HTTP, p += 7;
    else if (strncasecmp(p, "socks5://", 9) == 0) px->kind = TP__PROXY_SOCKS5, p += 9;
    else if (strncasecmp(p, "socks5h://", 10) == 0) px->kind = TP__PROXY_SOCKS5H, p += 10;
    else if (strstr(p, "://")) return tp__fail(err, TP_ERR_PROXY, 0, "unsupported proxy scheme "
                                                                  "(http://, socks5://, socks5h://)");
    else px->kind = TP__PROXY_HTTP;
    end = p + strcspn(p, "/?#");
    at = NULL;
    for (h = p; h < end; h++)
        if (*h == '@') at = h;
    if (at) {
        colon = (const char *)memchr(p, ':', (size_t)(at - p));
        if (!tp__pct_decode(p, colon ? colon : at, px->user, sizeof px->user) ||
            (colon && !tp__pct_decode(colon + 1, at, px->pass, sizeof px->pass)))
            return tp__fail(err, TP_ERR_PROXY, 0, "proxy user name or password too long");
        p = at + 1;
    }
    if (*p == '[') {
        h = p + 1;
        he = (const char *)memchr(h, ']', (size_t)(end - h));
        if (!he) return tp__fail(err, TP_ERR_PROXY, 0, "proxy URL has an unclosed [IPv6] host");
        p = he + 1;
    } else {
        h = p;
        he = (const char *)memchr(p, ':', (size_t)(end - p));
        if (!he) he = end;
        p = he;
    }
    if (he == h || (size_t)(he - h) >= sizeof px->host)
        return tp__fail(err, TP_ERR_PROXY, 0, "proxy URL has a bad host");
    memcpy(px->host, h, (size_t)(he - h));
    px->host[he - h] = '\0';
    if (p < end && *p == ':') {
        long v = 0;
        const char *q;
        for (q = p + 1; q < end && *q >= '0' && *q <= '9' && v <= 65535; q++) v = v * 10 + (*q - '0');
        if (q != end || q == p + 1 || v < 1 || v > 65535)
            return tp__fail(err, TP_ERR_PROXY, 0, "proxy URL has a bad port");
        snprintf(px->port, sizeof px->port, "%ld", v);
    } else if (p != end) {
        return tp__fail(err, TP_ERR_PROXY, 0, "proxy URL has a bad host part");
    } else {
        tp__strlcpy(px->port, "1080", sizeof px->port); /* curl's default for every scheme */
    }
    return TP_OK;
}

/* no_proxy: a comma list of host names (each also matching its subdomains; a leading dot is
   optional; a :port is ignored) or "*" for every host. */
static bool tp__no_proxy_match(const char *list, const char *host) {
    size_t hl = strlen(host);
    while (list && *list) {
        const char *e = list + strcspn(list, ","), *s = list, *t;
        size_t n;
        while (s < e && (*s == ' ' || *s == '\t')) s++;
        t = e;
        while (t > s && (t[-1] == ' ' || t[-1] == '\t')) t--;
        if (t - s == 1 && *s == '*') return true;
        if (s < t && *s == '.') s++;
        if (s < t && *s != '[') { /* host:port -> host */
            const char *c = (const char *)memchr(s, ':', (size_t)(t - s));
            if (c && !memchr(c + 1, ':', (size_t)(t - c - 1))) t = c;
        } else if (s < t && *s == '[') {
            const char *c = (const char *)memchr(s, ']', (size_t)(t - s));
            if (c) { s++; t = c; }
        }
        n = (size_t)(t - s);
        if (n && n <= hl && strncasecmp(host + hl - n, s, n) == 0 &&
            (n == hl || host[hl - n - 1] == '.'))
            return true;
        list = *e ? e + 1 : e;
    }
    return false;
}

/* Chooses the proxy for a target: the explicit one, else the environment (unless told not
   to), minus no_proxy. px->kind stays TP__PROXY_NONE for a direct connection. */
static tp_err tp__proxy_choose(const char *explicit_url, bool no_env, bool https,
                               const char *host, tp__proxy *px, tp_error *err) {
    const char *u = NULL, *np;
    memset(px, 0, sizeof *px);
    if (explicit_url && *explicit_url) return tp__proxy_parse(explicit_url, px, err);
    if (no_env) return TP_OK;
    if (https) {
        u = getenv("https_proxy");
        if (!u || !*u) u = getenv("HTTPS_PROXY");
    } else {
        u = getenv("http_proxy"); /* never HTTP_PROXY: CGI puts the client's Proxy: header there */
    }
    if (!u || !*u) u = getenv("all_proxy");
    if (!u || !*u) u = getenv("ALL_PROXY");
    if (!u || !*u) return TP_OK;
    np = getenv("no_proxy");
    if (!np || !*np) np = getenv("NO_PROXY");
    if (tp__no_proxy_match(np, host)) return TP_OK;
    return tp__proxy_parse(u, px, err);
}

static void tp__base64(const unsigned char *in, size_t n, char *out) {
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i;
    for (i = 0; i + 2 < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
        *out++ = tab[v >> 18];
        *out++ = tab[(v >> 12) & 63];
        *out++ = tab[(v >> 6) & 63];
        *out++ = tab[v & 63];
    }
    if (i < n) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0);
        *out++ = tab[v >> 18];
        *out++ = tab[(v >> 12) & 63];
        *out++ = i + 1 < n ? tab[(v >> 6) & 63] : '=';
        *out++ = '=';
    }
    *out = '\0';
}

/* Asks an HTTP proxy (already connected on c) for a tunnel to host:port. */
static tp_err tp__proxy_connect_http(tp__conn *c, const tp__proxy *px, const char *host,
                                     const char *port, int64_t deadline, tp_error *err) {
    char req[1400], resp[2048], cred[520], b64[700];
    char target[300];
    size_t len = 0, got;
    int n, status;
    struct iovec iov;
    tp_err rc;
    if (strchr(host, ':')) snprintf(target, sizeof target, "[%s]:%s", host, port);
    else snprintf(target, sizeof target, "%s:%s", host, port);
    n = snprintf(req, sizeof req, "CONNECT %s HTTP/1.1\r\nHost: %s\r\n", target, target);
    if (px->user[0]) {
        snprintf(cred, sizeof cred, "%s:%s", px->user, px->pass);
        tp__base64((const unsigned char *)cred, strlen(cred), b64);
        n += snprintf(req + n, sizeof req - (size_t)n, "Proxy-Authorization: Basic %s\r\n", b64);
        memset(cred, 0, sizeof cred);
        memset(b64, 0, sizeof b64);
    }
    n += snprintf(req + n, sizeof req - (size_t)n, "\r\n");
    iov.iov_base = req;
    iov.iov_len = (size_t)n;
    rc = tp__sock_writev(c, &iov, 1, deadline, err);
    memset(req, 0, sizeof req);
    if (rc != TP_OK) return tp__fail(err, TP_ERR_PROXY, err ? err->sys_errno : 0,
                                     "sending CONNECT to proxy %s:%s failed", px->host, px->port);
    /* Reads the answer head byte-exactly: after it the tunnel's bytes belong to the target. */
    for (;;) {
        if (len + 1 >= sizeof resp)
            return tp__fail(err, TP_ERR_PROXY, 0, "proxy %s:%s sent an oversized answer to CONNECT",
                            px->host, px->port);
        rc = tp__sock_read(c, resp + len, 1, &got, deadline, err);
        if (rc == TP_ERR_TIMEOUT || rc == TP_ERR_STOPPED) return rc;
        if (rc != TP_OK || got == 0)
            return tp__fail(err, TP_ERR_PROXY, 0, "proxy %s:%s closed the connection during CONNECT",
                            px->host, px->port);
        len++;
        resp[len] = '\0';
        if (len >= 4 && memcmp(resp + len - 4, "\r\n\r\n", 4) == 0) break;
        if (len >= 2 && memcmp(resp + len - 2, "\n\n", 2) == 0) break;
    }
    if (len < 12 || memcmp(resp, "HTTP/1.", 7) != 0 || resp[8] != ' ')
        return tp__fail(err, TP_ERR_PROXY, 0, "proxy %s:%s answered CONNECT with something not HTTP",
                        px->host, px->port);
    status = atoi(resp + 9);
    if (status / 100 != 2) {
        tp_err e = tp__fail(err, TP_ERR_PROXY, 0, "proxy %s:%s refused CONNECT to %s: %d %s",
                            px->host, px->port, target, status,
                            status == 407 ? (px->user[0] ? "proxy authentication failed"
                                                         : "proxy authentication required")
                            : status == 403 ? "forbidden" : status == 502 ? "bad gateway"
                            : status == 503 ? "service unavailable"
                            : status == 504 ? "gateway timeout" : "error");
        if (err) err->http_status = status;
        return e;
    }
    return TP_OK;
}

static const char *tp__socks5_reply(int rep) {
    switch (rep) {
    case 1: return "general SOCKS server failure";
    case 2: return "connection not allowed by ruleset";
    case 3: return "network unreachable";
    case 4: return "host unreachable";
    case 5: return "connection refused";
    case 6: return "TTL expired";
    case 7: return "command not supported";
    case 8: return "address type not supported";
    default: return "unknown failure";
    }
}

/* SOCKS5 (RFC 1928, username/password RFC 1929) on a connected socket. */
static tp_err tp__proxy_connect_socks5(tp__conn *c, const tp__proxy *px, const char *host,
                                       const char *port, int64_t deadline, tp_error *err) {
    unsigned char b[600];
    size_t n = 0, hl = strlen(host);
    struct iovec iov;
    tp_err rc;
    int pn = atoi(port);
#define TP__SOCKS_IO(expr, what)                                                                  \
    do {                                                                                          \
        rc = (expr);                                                                              \
        if (rc == TP_ERR_TIMEOUT || rc == TP_ERR_STOPPED) return rc;                              \
        if (rc != TP_OK)                                                                          \
            return tp__fail(err, TP_ERR_PROXY, 0, "SOCKS5 proxy %s:%s: connection lost during %s", \
                            px->host, px->port, what);                                            \
    } while (0)
    b[0] = 5;
    b[1] = 1;
    b[2] = px->user[0] ? 2 : 0;
    iov.iov_base = b;
    iov.iov_len = 3;
    TP__SOCKS_IO(tp__sock_writev(c, &iov, 1, deadline, err), "the greeting");
    TP__SOCKS_IO(tp__sock_read_full(c, b, 2, deadline, err), "the greeting");
    if (b[0] != 5)
        return tp__fail(err, TP_ERR_PROXY, 0, "proxy %s:%s does not speak SOCKS5", px->host, px->port);
    if (b[1] == 0xFF || (b[1] != 0 && b[1] != 2) || (b[1] == 2 && !px->user[0]))
        return tp__fail(err, TP_ERR_PROXY, 0, "SOCKS5 proxy %s:%s accepts none of our authentication "
                        "methods%s", px->host, px->port, px->user[0] ? "" : " (it wants a user name)");
    if (b[1] == 2) {
        size_t ul = strlen(px->user), pl = strlen(px->pass);
        b[0] = 1;
        b[1] = (unsigned char)ul;
        memcpy(b + 2, px->user, ul);
        b[2 + ul] = (unsigned char)pl;
        memcpy(b + 3 + ul, px->pass, pl);
        iov.iov_base = b;
        iov.iov_len = 3 + ul + pl;
        if (ul > 255 || pl > 255)
            return tp__fail(err, TP_ERR_PROXY, 0, "SOCKS5 user name or password too long");
        rc = tp__sock_writev(c, &iov, 1, deadline, err);
        memset(b, 0, sizeof b);
        TP__SOCKS_IO(rc, "authentication");
        TP__SOCKS_IO(tp__sock_read_full(c, b, 2, deadline, err), "authentication");
        if (b[1] != 0)
            return tp__fail(err, TP_ERR_PROXY, 0, "SOCKS5 proxy %s:%s rejected the user name or password",
                            px->host, px->port);
    }
    b[0] = 5;
    b[1] = 1; /* CONNECT */
    b[2] = 0;
    if (px->kind == TP__PROXY_SOCKS5H) {
        if (hl > 255) return tp__fail(err, TP_ERR_PROXY, 0, "host name too long for SOCKS5");
        b[3] = 3;
        b[4] = (unsigned char)hl;
        memcpy(b + 5, host, hl);
        n = 5 + hl;
    } else {
        struct addrinfo hints, *res = NULL;
        int g;
        memset(&hints, 0, sizeof hints);
        hints.ai_socktype = SOCK_STREAM;
        g = getaddrinfo(host, port, &hints, &res);
        if (g != 0 || !res)
            return tp__fail(err, TP_ERR_RESOLVE, 0, "cannot resolve %s: %s", host, gai_strerror(g));
        if (res->ai_family == AF_INET6) {
            b[3] = 4;
            memcpy(b + 4, &((struct sockaddr_in6 *)(void *)res->ai_addr)->sin6_addr, 16);
            n = 20;
        } else {
            b[3] = 1;
            memcpy(b + 4, &((struct sockaddr_in *)(void *)res->ai_addr)->sin_addr, 4);
            n = 8;
        }
        freeaddrinfo(res);
    }
    b[n++] = (unsigned char)(pn >> 8);
    b[n++] = (unsigned char)(pn & 255);
    iov.iov_base = b;
    iov.iov_len = n;
    TP__SOCKS_IO(tp__sock_writev(c, &iov, 1, deadline, err), "the CONNECT request");
    TP__SOCKS_IO(tp__sock_read_full(c, b, 4, deadline, err), "the CONNECT reply");
    if (b[0] != 5)
        return tp__fail(err, TP_ERR_PROXY, 0, "proxy %s:%s does not speak SOCKS5", px->host, px->port);
    if (b[1] != 0)
        return tp__fail(err, TP_ERR_PROXY, 0, "SOCKS5 proxy %s:%s refused the connection to %s:%s: %s "
                        "(reply %d)", px->host, px->port, host, port, tp__socks5_reply(b[1]), b[1]);
    n = b[3] == 1 ? 4 : b[3] == 4 ? 16 : 0;
    if (b[3] == 3) {
        TP__SOCKS_IO(tp__sock_read_full(c, b, 1, deadline, err), "the CONNECT reply");
        n = b[0];
    } else if (n == 0) {
        return tp__fail(err, TP_ERR_PROXY, 0, "SOCKS5 proxy %s:%s sent a bad reply", px->host, px->port);
    }
    TP__SOCKS_IO(tp__sock_read_full(c, b, n + 2, deadline, err), "the CONNECT reply");
#undef TP__SOCKS_IO
    return TP_OK;
}

/* Connects to host:port, directly or through the proxy (then the tunnel is ready). */
static tp_err tp__net_open(tp__conn *c, const tp__proxy *px, const char *host, const char *port,
                           int64_t deadline, tp_error *err) {
    tp_err rc;
    if (!px || px->kind == TP__PROXY_NONE) return tp__net_connect(c, host, port, deadline, err);
    rc = tp__net_connect(c, px->host, px->port, deadline, err);
    if (rc != TP_OK) {
        if (rc == TP_ERR_STOPPED || rc == TP_ERR_TIMEOUT) return rc;
        return tp__fail(err, TP_ERR_PROXY, err ? err->sys_errno : 0, "cannot reach proxy %s:%s: %s",
                        px->host, px->port, tp_strerror(rc));
    }
    rc = px->kind == TP__PROXY_HTTP ? tp__proxy_connect_http(c, px, host, port, deadline, err)
                                    : tp__proxy_connect_socks5(c, px, host, port, deadline, err);
    if (rc != TP_OK) tp__conn_close(c);
    c->sent = 0;
    return rc;
}

/* >>tls (impl) -----------------------------------------------------------------------------
   HTTPS through BearSSL's client engine, driven by hand so that every record goes through the
   socket layer above (deadlines, wake fd, SO_RCVTIMEO). Verification is always on: SNI and
   host name checks, trust anchors from a PEM bundle loaded once per client. The engine, its
   I/O buffer and the anchors live as long as the tp_http; a reconnect resumes the session.
   Buffer: BR_SSL_BUFSIZE_BIDI (about 33 KB, allocated once), not MONO (16.7 KB): with one
   buffer the engine cannot take a record in while a record of ours waits to go out, so a
   server that answers early (413 during an upload) or a close_notify could stall us.
   A wrapper around the minimal X.509 engine looks at the chain too, so that "expired" and
   "not yet valid", and "untrusted root" and "missing intermediate", get different errors. */

#ifdef TELEPOT_BEARSSL

typedef struct tp__x509 {
    const br_x509_class *vtable;      /* first: BearSSL passes &vtable around */
    br_x509_minimal_context minimal;  /* does the real validation */
    tp__tls *tls;
} tp__x509;

struct tp__tls {
    union {
        br_ssl_client_context sc;  /* client connections (tp_http) */
        br_ssl_server_context ss;  /* server connections (tp__tls_server_new) */
    } u;
    br_ssl_engine_context *eng;    /* &u.sc.eng or &u.ss.eng */
    bool server;
    tp__x509 x;
    br_x509_trust_anchor *tas;
    size_t ntas;
    unsigned char *iobuf;
    br_ssl_session_parameters session;
    bool have_session;
    bool handshaken;     /* the current connection finished its handshake */
    bool got_bytes;      /* the current handshake received a byte */
    char host[256];
    unsigned resumed;    /* handshakes that resumed a session (tests read it) */
    unsigned handshakes;
    /* what the wrapper saw of the chain */
    unsigned ncerts;
    bool any_expired, any_not_yet, last_self_issued, last_issuer_known;
    unsigned char ra[4096];   /* socket read-ahead: BearSSL asks for one record header (5 bytes),
                                 then its body; reading ahead halves the recv() calls */
    size_t ra_pos, ra_len;
    unsigned char cert[8192]; /* the certificate being received */
    size_t cert_len;
    bool cert_big;
};

/* ---- a few DER steps, for validity dates and names of the certificates the server sends -- */

/* Reads a tag and length at *p (< e); on success *p is the content and *len its length. */
static bool tp__der_next(const unsigned char **p, const unsigned char *e, int *tag, size_t *len) {
    const unsigned char *q = *p;
    size_t l;
    if (e - q < 2) return false;
    *tag = *q++;
    l = *q++;
    if (l & 0x80) {
        unsigned k = l & 0x7F;
        if (k == 0 || k > 3 || (size_t)(e - q) < k) return false;
        for (l = 0; k; k--) l = (l << 8) | *q++;
    }
    if ((size_t)(e - q) < l) return false;
    *p = q;
    *len = l;
    return true;
}

/* UTCTime / GeneralizedTime to seconds since 1970. */
static bool tp__der_time(int tag, const unsigned char *p, size_t n, int64_t *t) {
    int v[6], i, y, m, d;
    int64_t days;
    size_t at = 0;
    if (tag == 0x17 && n >= 13) {
        y = (p[0] - '0') * 10 + (p[1] - '0');
        y += y < 50 ? 2000 : 1900;
        at = 2;
    } else if (tag == 0x18 && n >= 15) {
        y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        at = 4;
    } else {
        return false;
    }
    for (i = 0; i < 5; i++, at += 2) v[i] = (p[at] - '0') * 10 + (p[at + 1] - '0');
    m = v[0];
    d = v[1];
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    /* days from civil (H. Hinnant) */
    y -= m <= 2;
    {
        int64_t era = (y >= 0 ? y : y - 399) / 400;
        int64_t yoe = y - era * 400;
        int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        days = era * 146097 + doe - 719468;
    }
    *t = days * 86400 + v[2] * 3600 + v[3] * 60 + v[4];
    (void)v[5];
    return true;
}

/* Looks at one whole certificate: validity against now, issuer and subject names. */
static void tp__x509_inspect(tp__tls *t) {
    const unsigned char *p = t->cert, *e = t->cert + t->cert_len, *tbs_end, *iss, *sub;
    size_t len, il, sl, i;
    int tag;
    int64_t nb, na, now = (int64_t)time(NULL);
    if (!tp__der_next(&p, e, &tag, &len) || tag != 0x30) return;           /* Certificate */
    if (!tp__der_next(&p, e, &tag, &len) || tag != 0x30) return;           /* TBSCertificate */
    tbs_end = p + len;
    if (!tp__der_next(&p, tbs_end, &tag, &len)) return;
    if (tag == 0xA0) {                                                      /* [0] version */
        p += len;
        if (!tp__der_next(&p, tbs_end, &tag, &len)) return;
    }
    p += len;                                                               /* serial */
    if (!tp__der_next(&p, tbs_end, &tag, &len)) return;                     /* signature alg */
    p += len;
    iss = p;
    if (!tp__der_next(&p, tbs_end, &tag, &len) || tag != 0x30) return;     /* issuer */
    p += len;
    il = (size_t)(p - iss);
    if (!tp__der_next(&p, tbs_end, &tag, &len) || tag != 0x30) return;     /* validity */
    {
        const unsigned char *v = p, *ve = p + len;
        size_t l1;
        int t1;
        if (tp__der_next(&v, ve, &t1, &l1) && tp__der_time(t1, v, l1, &nb)) {
            v += l1;
            if (tp__der_next(&v, ve, &t1, &l1) && tp__der_time(t1, v, l1, &na)) {
                if (now < nb) t->any_not_yet = true;
                if (now > na) t->any_expired = true;
            }
        }
    }
    p += len;
    sub = p;
    if (!tp__der_next(&p, tbs_end, &tag, &len) || tag != 0x30) return;     /* subject */
    p += len;
    sl = (size_t)(p - sub);
    t->last_self_issued = il == sl && memcmp(iss, sub, il) == 0;
    t->last_issuer_known = false;
    for (i = 0; i < t->ntas; i++)
        if (t->tas[i].dn.len == il && memcmp(t->tas[i].dn.data, iss, il) == 0)
            t->last_issuer_known = true;
}

static void tp__x509_start_chain(const br_x509_class **ctx, const char *server_name) {
    tp__x509 *x = (tp__x509 *)(void *)ctx;
    x->tls->ncerts = 0;
    x->tls->any_expired = x->tls->any_not_yet = false;
    x->tls->last_self_issued = x->tls->last_issuer_known = false;
    x->minimal.vtable->start_chain(&x->minimal.vtable, server_name);
}
static void tp__x509_start_cert(const br_x509_class **ctx, uint32_t length) {
    tp__x509 *x = (tp__x509 *)(void *)ctx;
    x->tls->cert_len = 0;
    x->tls->cert_big = length > sizeof x->tls->cert;
    x->minimal.vtable->start_cert(&x->minimal.vtable, length);
}
static void tp__x509_append(const br_x509_class **ctx, const unsigned char *buf, size_t len) {
    tp__x509 *x = (tp__x509 *)(void *)ctx;
    tp__tls *t = x->tls;
    if (!t->cert_big && len <= sizeof t->cert - t->cert_len) {
        memcpy(t->cert + t->cert_len, buf, len);
        t->cert_len += len;
    } else {
        t->cert_big = true;
    }
    x->minimal.vtable->append(&x->minimal.vtable, buf, len);
}
static void tp__x509_end_cert(const br_x509_class **ctx) {
    tp__x509 *x = (tp__x509 *)(void *)ctx;
    x->tls->ncerts++;
    x->tls->last_self_issued = x->tls->last_issuer_known = false;
    if (!x->tls->cert_big) tp__x509_inspect(x->tls);
    x->minimal.vtable->end_cert(&x->minimal.vtable);
}
static unsigned tp__x509_end_chain(const br_x509_class **ctx) {
    tp__x509 *x = (tp__x509 *)(void *)ctx;
    return x->minimal.vtable->end_chain(&x->minimal.vtable);
}
static const br_x509_pkey *tp__x509_get_pkey(const br_x509_class *const *ctx, unsigned *usages) {
    const tp__x509 *x = (const tp__x509 *)(const void *)ctx;
    return x->minimal.vtable->get_pkey(&x->minimal.vtable, usages);
}
static const br_x509_class tp__x509_vtable = {
    sizeof(tp__x509),   tp__x509_start_chain, tp__x509_start_cert, tp__x509_append,
    tp__x509_end_cert,  tp__x509_end_chain,   tp__x509_get_pkey};

/* ---- trust anchors ------------------------------------------------------------------------ */

static void tp__dn_append(void *ctx, const void *buf, size_t len) {
    tp_buf_append((tp_buf *)ctx, buf, len);
}

static void tp__tas_free(tp__tls *t) {
    size_t i;
    for (i = 0; i < t->ntas; i++) {
        br_x509_trust_anchor *ta = &t->tas[i];
        tp__free(ta->dn.data);
        if (ta->pkey.key_type == BR_KEYTYPE_RSA) {
            tp__free(ta->pkey.key.rsa.n);
            tp__free(ta->pkey.key.rsa.e);
        } else {
            tp__free(ta->pkey.key.ec.q);
        }
    }
    tp__free(t->tas);
    t->tas = NULL;
    t->ntas = 0;
}

static unsigned char *tp__memdup(const void *p, size_t n) {
    unsigned char *d = (unsigned char *)tp__alloc(n);
    if (d && n) memcpy(d, p, n);
    return d;
}

/* Adds one DER certificate as a trust anchor; false on out of memory (bad ones are skipped). */
static bool tp__tas_add(tp__tls *t, const unsigned char *der, size_t n, size_t *cap) {
    br_x509_decoder_context dc;
    br_x509_pkey *pk;
    br_x509_trust_anchor *ta;
    tp_buf dn;
    bool ok = true;
    tp_buf_init(&dn);
    br_x509_decoder_init(&dc, tp__dn_append, &dn);
    br_x509_decoder_push(&dc, der, n);
    pk = br_x509_decoder_get_pkey(&dc);
    if (!pk || dn.err) {
        ok = !dn.err;
        tp_buf_deinit(&dn);
        return ok;
    }
    if (t->ntas == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        br_x509_trust_anchor *g =
            (br_x509_trust_anchor *)tp__realloc(t->tas, nc * sizeof(br_x509_trust_anchor));
        if (!g) {
            tp_buf_deinit(&dn);
            return false;
        }
        t->tas = g;
        *cap = nc;
    }
    ta = &t->tas[t->ntas];
    memset(ta, 0, sizeof *ta);
    ta->dn.data = (unsigned char *)dn.ptr; /* the DN buffer changes hands */
    ta->dn.len = dn.len;
    if (!ta->dn.data) ta->dn.data = tp__memdup("", 1);
    ta->flags = br_x509_decoder_isCA(&dc) ? BR_X509_TA_CA : 0;
    ta->pkey.key_type = pk->key_type;
    if (pk->key_type == BR_KEYTYPE_RSA) {
        ta->pkey.key.rsa.n = tp__memdup(pk->key.rsa.n, pk->key.rsa.nlen);
        ta->pkey.key.rsa.nlen = pk->key.rsa.nlen;
        ta->pkey.key.rsa.e = tp__memdup(pk->key.rsa.e, pk->key.rsa.elen);
        ta->pkey.key.rsa.elen = pk->key.rsa.elen;
        ok = ta->pkey.key.rsa.n && ta->pkey.key.rsa.e;
    } else {
        ta->pkey.key.ec.curve = pk->key.ec.curve;
        ta->pkey.key.ec.q = tp__memdup(pk->key.ec.q, pk->key.ec.qlen);
        ta->pkey.key.ec.qlen = pk->key.ec.qlen;
        ok = ta->pkey.key.ec.q != NULL;
    }
    t->ntas++; /* counted even when half-filled, so tp__tas_free releases it */
    return ok && ta->dn.data;
}

/* Reads a whole (small) file into b. */
static tp_err tp__read_file(const char *path, tp_buf *b, tp_error *err) {
    char tmp[16384];
    ssize_t r;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return tp__fail(err, TP_ERR_FILE, errno, "%s: %s", path, strerror(errno));
    for (;;) {
        r = read(fd, tmp, sizeof tmp);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        if (!tp_buf_append(b, tmp, (size_t)r)) break;
        if (b->len > ((size_t)64 << 20)) break;
    }
    close(fd);
    if (r < 0) return tp__fail(err, TP_ERR_FILE, errno, "%s: %s", path, strerror(errno));
    if (b->err) return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    return TP_OK;
}

static void tp__pem_out(void *ctx, const void *buf, size_t len) { tp__dn_append(ctx, buf, len); }

/* Loads every CERTIFICATE of a PEM file (DER accepted too) as trust anchors. */
static tp_err tp__tas_load(tp__tls *t, const char *path, const char *origin, tp_error *err) {
    tp_buf file, der;
    br_pem_decoder_context pc;
    size_t cap = 0, at = 0;
    bool in_cert = false, nomem = false;
    tp_err rc;
    tp_buf_init(&file);
    tp_buf_init(&der);
    rc = tp__read_file(path, &file, err);
    if (rc != TP_OK) {
        tp_buf_deinit(&file);
        if (rc == TP_ERR_NOMEM) return rc;
        return tp__fail(err, TP_ERR_TLS_CA, err ? err->sys_errno : 0,
                        "cannot read trust anchors from %s (%s): %s", path, origin,
                        err ? strerror(err->sys_errno) : "error");
    }
    if (file.len > 0 && (unsigned char)file.ptr[0] == 0x30) {
        nomem = !tp__tas_add(t, (const unsigned char *)file.ptr, file.len, &cap);
    } else {
        br_pem_decoder_init(&pc);
        while (at < file.len && !nomem) {
            at += br_pem_decoder_push(&pc, file.ptr + at, file.len - at);
            switch (br_pem_decoder_event(&pc)) {
            case BR_PEM_BEGIN_OBJ:
                in_cert = strcmp(br_pem_decoder_name(&pc), "CERTIFICATE") == 0 ||
                          strcmp(br_pem_decoder_name(&pc), "X509 CERTIFICATE") == 0 ||
                          strcmp(br_pem_decoder_name(&pc), "TRUSTED CERTIFICATE") == 0;
                tp_buf_reset(&der);
                br_pem_decoder_setdest(&pc, in_cert ? tp__pem_out : NULL, &der);
                break;
            case BR_PEM_END_OBJ:
                if (in_cert) nomem = der.err || !tp__tas_add(t, (const unsigned char *)der.ptr, der.len, &cap);
                in_cert = false;
                break;
            case BR_PEM_ERROR:
                at = file.len; /* a broken tail: keep what loaded */
                break;
            default:
                break;
            }
        }
    }
    tp_buf_deinit(&file);
    tp_buf_deinit(&der);
    if (nomem) return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    if (t->ntas == 0)
        return tp__fail(err, TP_ERR_TLS_CA, 0, "no certificate in %s (%s)", path, origin);
    return TP_OK;
}

/* ---- the engine ---------------------------------------------------------------------------- */

static void tp__tls_free(tp__tls *t) {
    if (!t) return;
    tp__tas_free(t);
    tp__free(t->iobuf);
    tp__free(t);
}

/* Creates the engine for one host: trust anchors from ca_file, else $TELEPOT_CA_FILE, else
   $SSL_CERT_FILE, else the system bundle. */
static tp__tls *tp__tls_new(const char *host, const char *ca_file, tp_error *err) {
    const char *path = ca_file, *origin = "the ca_file option";
    tp__tls *t;
    if (!path || !*path) path = getenv("TELEPOT_CA_FILE"), origin = "TELEPOT_CA_FILE";
    if (!path || !*path) path = getenv("SSL_CERT_FILE"), origin = "SSL_CERT_FILE";
    if (!path || !*path) path = "/etc/ssl/certs/ca-certificates.crt", origin = "the system bundle";
    t = (tp__tls *)tp__alloc(sizeof *t);
    if (!t) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(t, 0, sizeof *t);
    t->iobuf = (unsigned char *)tp__alloc(BR_SSL_BUFSIZE_BIDI);
    if (!t->iobuf) {
        tp__tls_free(t);
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    if (tp__tas_load(t, path, origin, err) != TP_OK) {
        tp__tls_free(t);
        return NULL;
    }
    tp__strlcpy(t->host, host, sizeof t->host);
    br_ssl_client_init_full(&t->u.sc, &t->x.minimal, t->tas, t->ntas);
    t->eng = &t->u.sc.eng;
    t->x.vtable = &tp__x509_vtable;
    t->x.tls = t;
    br_ssl_engine_set_x509(t->eng, &t->x.vtable);
    br_ssl_engine_set_buffer(t->eng, t->iobuf, BR_SSL_BUFSIZE_BIDI, 1);
    return t;
}

static void tp__tls_closed(tp__tls *t) {
    t->handshaken = false;
    t->ra_pos = t->ra_len = 0;
}

/* Bytes received and not consumed yet (an idle connection should have none). */
static bool tp__tls_pending(const tp__tls *t) {
    return t->ra_pos < t->ra_len || (br_ssl_engine_current_state(t->eng) & BR_SSL_RECVAPP);
}

/* The engine stopped: names the reason in words. */
static tp_err tp__tls_fail(tp__conn *c, tp_error *err) {
    tp__tls *t = c->tls;
    int e = br_ssl_engine_last_error(t->eng);
    const char *h = t->host;
    if (e == BR_ERR_OK) {
        if (!t->handshaken)
            return tp__fail(err, TP_ERR_TLS_HANDSHAKE, 0, "TLS handshake with %s: the server closed "
                            "the session", h);
        return tp__fail(err, TP_ERR_CLOSED, 0, "the server closed the TLS session");
    }
    switch (e) {
    case BR_ERR_X509_EXPIRED:
        if (t->any_not_yet && !t->any_expired)
            return tp__fail(err, TP_ERR_TLS_NOT_YET_VALID, 0, "TLS: the certificate of %s is not "
                            "valid yet (or this machine's clock is behind)", h);
        return tp__fail(err, TP_ERR_TLS_EXPIRED, 0, "TLS: the certificate of %s has expired (or "
                        "this machine's clock is wrong)", h);
    case BR_ERR_X509_BAD_SERVER_NAME:
        return tp__fail(err, TP_ERR_TLS_HOSTNAME, 0, "TLS: the certificate of the server is not "
                        "valid for the host name %s", h);
    case BR_ERR_X509_NOT_TRUSTED:
        if (t->last_self_issued && t->ncerts == 1)
            return tp__fail(err, TP_ERR_TLS_UNTRUSTED, 0, "TLS: %s sent a self-signed certificate "
                            "that is not among the trust anchors", h);
        if (t->last_self_issued)
            return tp__fail(err, TP_ERR_TLS_UNTRUSTED, 0, "TLS: the certificate chain of %s ends "
                            "in a root that is not among the trust anchors", h);
        if (!t->last_issuer_known)
            return tp__fail(err, TP_ERR_TLS_CHAIN, 0, "TLS: the certificate chain of %s does not "
                            "reach a trust anchor: the server left out an intermediate "
                            "certificate, or its CA is not trusted (the two look the same here)", h);
        return tp__fail(err, TP_ERR_TLS_UNTRUSTED, 0, "TLS: the certificate chain of %s is not "
                        "trusted", h);
    case BR_ERR_UNSUPPORTED_VERSION:
        return tp__fail(err, TP_ERR_TLS_VERSION, 0, "TLS with %s: the server offered a protocol "
                        "version BearSSL does not speak (it speaks TLS 1.0 to 1.2)", h);
    case BR_ERR_RECV_FATAL_ALERT + 70: /* protocol_version */
        return tp__fail(err, TP_ERR_TLS_VERSION, 0, "TLS with %s: the server accepts only TLS 1.3, "
                        "and BearSSL speaks up to TLS 1.2", h);
    default:
        break;
    }
    if (e >= BR_ERR_X509_OK && e < BR_ERR_X509_OK + 64)
        return tp__fail(err, TP_ERR_TLS_UNTRUSTED, 0, "TLS: the certificate of %s was rejected "
                        "(BearSSL X.509 error %d)", h, e);
    if (e >= BR_ERR_RECV_FATAL_ALERT && e < BR_ERR_RECV_FATAL_ALERT + 256)
        return tp__fail(err, t->handshaken ? TP_ERR_TLS : TP_ERR_TLS_HANDSHAKE, 0,
                        "TLS with %s: the server sent fatal alert %d%s", h, e - BR_ERR_RECV_FATAL_ALERT,
                        e == BR_ERR_RECV_FATAL_ALERT + 40 ? " (handshake failure: no common cipher "
                        "suite or version)" : "");
    if (e >= BR_ERR_SEND_FATAL_ALERT)
        return tp__fail(err, t->handshaken ? TP_ERR_TLS : TP_ERR_TLS_HANDSHAKE, 0,
                        "TLS with %s: we sent fatal alert %d", h, e - BR_ERR_SEND_FATAL_ALERT);
    return tp__fail(err, t->handshaken ? TP_ERR_TLS : TP_ERR_TLS_HANDSHAKE, 0,
                    "TLS with %s: %s (BearSSL error %d)", h,
                    t->handshaken ? "the session failed" : "the handshake failed", e);
}

/* Runs the engine: sends pending records, reads records, until a state in `want` is there
   (BR_SSL_SENDAPP, BR_SSL_RECVAPP), or with want 0 until nothing is left to send. */
static tp_err tp__tls_run(tp__conn *c, unsigned want, int64_t deadline, tp_error *err) {
    tp__tls *t = c->tls;
    br_ssl_engine_context *eng = t->eng;
    for (;;) {
        unsigned st = br_ssl_engine_current_state(eng);
        unsigned char *buf;
        size_t len, got;
        tp_err rc;
        if (st & BR_SSL_CLOSED) return tp__tls_fail(c, err);
        if (st & BR_SSL_SENDREC) {
            struct iovec iov;
            buf = br_ssl_engine_sendrec_buf(eng, &len);
            iov.iov_base = buf;
            iov.iov_len = len;
            rc = tp__sock_writev(c, &iov, 1, deadline, err);
            if (rc != TP_OK) return rc;
            br_ssl_engine_sendrec_ack(eng, len);
            continue;
        }
        if (want == 0 || (st & want)) return TP_OK;
        if (!(st & BR_SSL_RECVREC))
            return tp__fail(err, TP_ERR_TLS, 0, "TLS engine stalled (state %u)", st);
        buf = br_ssl_engine_recvrec_buf(eng, &len);
        if (t->ra_pos < t->ra_len) { /* from the read-ahead */
            got = t->ra_len - t->ra_pos < len ? t->ra_len - t->ra_pos : len;
            memcpy(buf, t->ra + t->ra_pos, got);
            t->ra_pos += got;
            br_ssl_engine_recvrec_ack(eng, got);
            continue;
        }
        t->ra_pos = t->ra_len = 0;
        if (len >= sizeof t->ra) { /* big: straight into the engine */
            rc = tp__sock_read(c, buf, len, &got, deadline, err);
        } else {
            rc = tp__sock_read(c, t->ra, sizeof t->ra, &got, deadline, err);
            t->ra_len = rc == TP_OK ? got : 0;
        }
        if (rc != TP_OK) return rc;
        if (got == 0) {
            if (!t->handshaken)
                return tp__fail(err, t->got_bytes ? TP_ERR_TLS_HANDSHAKE : TP_ERR_TLS_NOT_TLS, 0,
                                t->got_bytes ? "TLS handshake with %s: the server closed the "
                                               "connection"
                                             : "%s closed the connection on our TLS hello: no TLS "
                                               "on this port?", t->host);
            return TP_OK; /* EOF without close_notify: the caller sees the peer closing */
        }
        if (!t->handshaken && !t->got_bytes) {
            unsigned char first = t->ra_len ? t->ra[0] : buf[0];
            t->got_bytes = true;
            if (first < 20 || first > 23) /* not a TLS record type: plain text */
                return tp__fail(err, TP_ERR_TLS_NOT_TLS, 0, "%s answered our TLS hello with plain "
                                "text: this port does not speak TLS (an http:// server?)", t->host);
        }
        if (t->ra_len) continue; /* the top of the loop copies it in */
        br_ssl_engine_recvrec_ack(eng, got);
    }
}

/* After the TCP connect (and the proxy tunnel): the handshake, resuming the last session. */
static tp_err tp__tls_handshake(tp__conn *c, int64_t deadline, tp_error *err) {
    tp__tls *t = c->tls;
    br_ssl_engine_context *eng = t->eng;
    tp_err rc;
    unsigned st;
    if (t->have_session) br_ssl_engine_set_session_parameters(eng, &t->session);
    if (!br_ssl_client_reset(&t->u.sc, t->host, t->have_session ? 1 : 0))
        return tp__tls_fail(c, err);
    t->ra_pos = t->ra_len = 0;
    t->handshaken = false;
    t->got_bytes = false;
    rc = tp__tls_run(c, BR_SSL_SENDAPP, deadline, err);
    if (rc != TP_OK) {
        t->have_session = false; /* do not offer a session that failed */
        return rc;
    }
    st = br_ssl_engine_current_state(eng);
    (void)st;
    t->handshaken = true;
    t->handshakes++;
    {
        br_ssl_session_parameters now;
        br_ssl_engine_get_session_parameters(eng, &now);
        if (t->have_session && now.session_id_len > 0 &&
            now.session_id_len == t->session.session_id_len &&
            memcmp(now.session_id, t->session.session_id, now.session_id_len) == 0)
            t->resumed++;
        t->session = now;
        t->have_session = now.session_id_len > 0;
    }
    c->sent = 0;
    return TP_OK;
}

static tp_err tp__tls_writev(tp__conn *c, struct iovec *iov, int iovcnt, int64_t deadline,
                             tp_error *err) {
    br_ssl_engine_context *eng = c->tls->eng;
    int i;
    tp_err rc;
    for (i = 0; i < iovcnt; i++) {
        const unsigned char *p = (const unsigned char *)iov[i].iov_base;
        size_t left = iov[i].iov_len;
        while (left > 0) {
            unsigned char *buf;
            size_t len;
            rc = tp__tls_run(c, BR_SSL_SENDAPP, deadline, err);
            if (rc != TP_OK) return rc;
            buf = br_ssl_engine_sendapp_buf(eng, &len);
            if (len > left) len = left;
            memcpy(buf, p, len);
            br_ssl_engine_sendapp_ack(eng, len);
            p += len;
            left -= len;
        }
    }
    br_ssl_engine_flush(eng, 0);
    return tp__tls_run(c, 0, deadline, err);
}

static tp_err tp__tls_read(tp__conn *c, void *buf, size_t cap, size_t *got, int64_t deadline,
                           tp_error *err) {
    br_ssl_engine_context *eng = c->tls->eng;
    unsigned char *p;
    size_t len;
    tp_err rc;
    *got = 0;
    if (br_ssl_engine_current_state(eng) & BR_SSL_CLOSED) {
        if (br_ssl_engine_last_error(eng) == BR_ERR_OK) return TP_OK; /* close_notify */
        return tp__tls_fail(c, err);
    }
    rc = tp__tls_run(c, BR_SSL_RECVAPP, deadline, err);
    if (rc != TP_OK) {
        if ((br_ssl_engine_current_state(eng) & BR_SSL_CLOSED) &&
            br_ssl_engine_last_error(eng) == BR_ERR_OK)
            return TP_OK; /* close_notify: the peer closed */
        return rc;
    }
    if (!(br_ssl_engine_current_state(eng) & BR_SSL_RECVAPP)) return TP_OK; /* socket EOF */
    p = br_ssl_engine_recvapp_buf(eng, &len);
    if (len > cap) len = cap;
    memcpy(buf, p, len);
    br_ssl_engine_recvapp_ack(eng, len);
    *got = len;
    return TP_OK;
}


/* ---- the server side (for an HTTPS webhook receiver) ----------------------------------------
   tp__tls_key holds a certificate chain and its private key (RSA or EC) loaded from PEM files;
   tp__tls_server_new makes a per-connection engine from it (the key is borrowed: it must
   outlive the engines); tp__tls_accept runs the handshake on an accepted socket, after which
   tp__net_read/tp__net_writev on that tp__conn speak TLS with the usual deadlines. No session
   cache: a server shared by threads would need one with a lock. Marked unused until the
   webhook receiver calls them. */

typedef struct tp__tls_key {
    br_x509_certificate *chain;
    size_t nchain;
    br_skey_decoder_context skey; /* holds the decoded key */
    int key_type;                 /* BR_KEYTYPE_RSA or BR_KEYTYPE_EC; 0 before loading */
    int issuer_key_type;          /* key type of the CA that signed the first certificate */
} tp__tls_key;

static void tp__tls_key_free(tp__tls_key *k) {
    size_t i;
    if (!k) return;
    for (i = 0; i < k->nchain; i++) tp__free(k->chain[i].data);
    tp__free(k->chain);
    memset(k, 0, sizeof *k);
}

/* Every PEM object of a file, as DER, to fn (which returns false on out of memory). */
static tp_err tp__pem_each(const char *path, bool (*fn)(void *ctx, const char *name,
                                                        const unsigned char *der, size_t len),
                           void *ctx, tp_error *err) {
    tp_buf file, der;
    br_pem_decoder_context pc;
    size_t at = 0;
    char name[64] = "";
    bool nomem = false, in_obj = false;
    tp_err rc;
    tp_buf_init(&file);
    tp_buf_init(&der);
    rc = tp__read_file(path, &file, err);
    if (rc != TP_OK) {
        tp_buf_deinit(&file);
        return rc;
    }
    br_pem_decoder_init(&pc);
    while (at < file.len && !nomem) {
        at += br_pem_decoder_push(&pc, file.ptr + at, file.len - at);
        switch (br_pem_decoder_event(&pc)) {
        case BR_PEM_BEGIN_OBJ:
            tp__strlcpy(name, br_pem_decoder_name(&pc), sizeof name);
            tp_buf_reset(&der);
            br_pem_decoder_setdest(&pc, tp__pem_out, &der);
            in_obj = true;
            break;
        case BR_PEM_END_OBJ:
            if (in_obj) nomem = der.err || !fn(ctx, name, (const unsigned char *)der.ptr, der.len);
            in_obj = false;
            break;
        case BR_PEM_ERROR:
            at = file.len;
            break;
        default:
            break;
        }
    }
    tp_buf_deinit(&file);
    tp_buf_deinit(&der);
    return nomem ? tp__fail(err, TP_ERR_NOMEM, 0, NULL) : TP_OK;
}

static bool tp__key_cert(void *ctx, const char *name, const unsigned char *der, size_t len) {
    tp__tls_key *k = (tp__tls_key *)ctx;
    br_x509_certificate *g;
    if (strcmp(name, "CERTIFICATE") != 0 && strcmp(name, "X509 CERTIFICATE") != 0) return true;
    g = (br_x509_certificate *)tp__realloc(k->chain, (k->nchain + 1) * sizeof *g);
    if (!g) return false;
    k->chain = g;
    g[k->nchain].data = tp__memdup(der, len);
    g[k->nchain].data_len = len;
    if (!g[k->nchain].data) return false;
    if (k->nchain == 0) {
        br_x509_decoder_context dc;
        br_x509_decoder_init(&dc, NULL, NULL);
        br_x509_decoder_push(&dc, der, len);
        k->issuer_key_type = br_x509_decoder_get_signer_key_type(&dc);
    }
    k->nchain++;
    return true;
}

static bool tp__key_skey(void *ctx, const char *name, const unsigned char *der, size_t len) {
    tp__tls_key *k = (tp__tls_key *)ctx;
    if (k->key_type || (strcmp(name, "PRIVATE KEY") != 0 && strcmp(name, "RSA PRIVATE KEY") != 0 &&
                        strcmp(name, "EC PRIVATE KEY") != 0))
        return true;
    br_skey_decoder_init(&k->skey);
    br_skey_decoder_push(&k->skey, der, len);
    if (br_skey_decoder_last_error(&k->skey) == 0) k->key_type = br_skey_decoder_key_type(&k->skey);
    return true;
}

/* Loads the chain (server certificate first) from cert_file and the key from key_file (may
   be the same file). Errors: TP_ERR_FILE, TP_ERR_TLS (no certificate, no usable key). */
static TP__UNUSED tp_err tp__tls_key_load(tp__tls_key *k, const char *cert_file, const char *key_file,
                               tp_error *err) {
    tp_err rc;
    memset(k, 0, sizeof *k);
    rc = tp__pem_each(cert_file, tp__key_cert, k, err);
    if (rc == TP_OK) rc = tp__pem_each(key_file, tp__key_skey, k, err);
    if (rc == TP_OK && k->nchain == 0)
        rc = tp__fail(err, TP_ERR_TLS, 0, "no certificate in %s", cert_file);
    if (rc == TP_OK && k->key_type != BR_KEYTYPE_RSA && k->key_type != BR_KEYTYPE_EC)
        rc = tp__fail(err, TP_ERR_TLS, 0, "no RSA or EC private key in %s", key_file);
    if (rc != TP_OK) tp__tls_key_free(k);
    return rc;
}

/* A server engine for one connection at a time (reused across connections by tp__tls_accept). */
static TP__UNUSED tp__tls *tp__tls_server_new(const tp__tls_key *k, tp_error *err) {
    tp__tls *t = (tp__tls *)tp__alloc(sizeof *t);
    if (!t) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(t, 0, sizeof *t);
    t->server = true;
    tp__strlcpy(t->host, "the client", sizeof t->host);
    t->iobuf = (unsigned char *)tp__alloc(BR_SSL_BUFSIZE_BIDI);
    if (!t->iobuf) {
        tp__tls_free(t);
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    if (k->key_type == BR_KEYTYPE_RSA)
        br_ssl_server_init_full_rsa(&t->u.ss, k->chain, k->nchain, br_skey_decoder_get_rsa(&k->skey));
    else
        br_ssl_server_init_full_ec(&t->u.ss, k->chain, k->nchain, (unsigned)k->issuer_key_type,
                                   br_skey_decoder_get_ec(&k->skey));
    t->eng = &t->u.ss.eng;
    br_ssl_engine_set_buffer(t->eng, t->iobuf, BR_SSL_BUFSIZE_BIDI, 1);
    return t;
}

/* The server handshake on an accepted socket (c->fd set, c->tls from tp__tls_server_new). */
static TP__UNUSED tp_err tp__tls_accept(tp__conn *c, int64_t deadline, tp_error *err) {
    tp__tls *t = c->tls;
    tp_err rc;
    if (!br_ssl_server_reset(&t->u.ss)) return tp__tls_fail(c, err);
    t->ra_pos = t->ra_len = 0;
    t->handshaken = false;
    t->got_bytes = false;
    rc = tp__tls_run(c, BR_SSL_SENDAPP, deadline, err);
    if (rc != TP_OK) return rc;
    t->handshaken = true;
    t->handshakes++;
    c->sent = 0;
    return TP_OK;
}

#endif /* TELEPOT_BEARSSL */

/* The whole connection: TCP, the proxy tunnel when there is one, then TLS when c->tls. */
static tp_err tp__conn_open(tp__conn *c, const tp__proxy *px, const char *host, const char *port,
                            int64_t deadline, tp_error *err) {
    tp_err rc = tp__net_open(c, px, host, port, deadline, err);
#ifdef TELEPOT_BEARSSL
    if (rc == TP_OK && c->tls) {
        rc = tp__tls_handshake(c, deadline, err);
        if (rc != TP_OK) tp__conn_close(c);
    }
#endif
    return rc;
}

/* >>http (impl) ----------------------------------------------------------------------------
   The client reads through one buffer owned by the connection, so once warm a request costs
   no allocation and, on a quiet loopback, three system calls: sendmsg, poll and recv. */

#define TP__HTTP_RBUF 32768

struct tp_http {
    tp__conn conn;
    char host[256];
    char port[8];
    char hosthdr[272];
    bool https;
    tp__proxy proxy;   /* kind TP__PROXY_NONE: direct */
    int connect_timeout_ms;
    int timeout_ms;
    size_t max_header;
    size_t max_body;
    unsigned reused;   /* requests completed on the current connection */
    int64_t last_used; /* when the last answer ended, ms */
    unsigned seq;      /* multipart boundaries */
    tp_buf head;       /* the request head, reused */
    tp_buf mp;         /* multipart framing, reused */
    tp_buf body;       /* the response body, reused */
    char *rbuf;        /* socket reads: bytes [rpos, rlen) are unread */
    size_t rcap, rpos, rlen;
    char ctype[128];
};

/* Splits "http[s]://host[:port][/...]" (host may be [v6]). */
static tp_err tp__url_parse(const char *url, bool *https, char *host, size_t host_cap, char *port,
                            size_t port_cap, tp_error *err) {
    const char *p, *h, *he, *pe;
    size_t hl, pl;
    if (!url) return tp__fail(err, TP_ERR_URL, 0, "no URL given");
    if (strncasecmp(url, "http://", 7) == 0) {
        *https = false;
        p = url + 7;
    } else if (strncasecmp(url, "https://", 8) == 0) {
        *https = true;
        p = url + 8;
    } else {
        return tp__fail(err, TP_ERR_URL, 0, "URL must start with http:// or https://");
    }
    if (*p == '[') {
        h = p + 1;
        he = strchr(h, ']');
        if (!he) return tp__fail(err, TP_ERR_URL, 0, "URL has an unclosed [IPv6] host");
        p = he + 1;
    } else {
        h = p;
        while (*p && *p != ':' && *p != '/' && *p != '?' && *p != '#') p++;
        he = p;
    }
    hl = (size_t)(he - h);
    if (hl == 0 || hl >= host_cap) return tp__fail(err, TP_ERR_URL, 0, "URL has a bad host name");
    for (pe = h; pe < he; pe++)
        if (!((*pe >= 'a' && *pe <= 'z') || (*pe >= 'A' && *pe <= 'Z') || (*pe >= '0' && *pe <= '9') ||
              *pe == '-' || *pe == '.' || *pe == '_' || *pe == ':' || *pe == '%'))
            return tp__fail(err, TP_ERR_URL, 0, "URL has a bad host name");
    memcpy(host, h, hl);
    host[hl] = '\0';
    if (*p == ':') {
        pe = ++p;
        while (*pe >= '0' && *pe <= '9') pe++;
        pl = (size_t)(pe - p);
        if (pl == 0 || pl >= port_cap || pl > 5 || atoi(p) > 65535 || atoi(p) == 0 ||
            (*pe && *pe != '/' && *pe != '?' && *pe != '#'))
            return tp__fail(err, TP_ERR_URL, 0, "URL has a bad port");
        memcpy(port, p, pl);
        port[pl] = '\0';
    } else if (*p && *p != '/' && *p != '?' && *p != '#') {
        return tp__fail(err, TP_ERR_URL, 0, "URL has a bad host part");
    } else {
        tp__strlcpy(port, *https ? "443" : "80", port_cap);
    }
    return TP_OK;
}

TP__DEF tp_http *tp_http_new(const tp_http_opts *opts, tp_error *err) {
    tp_http *h;
    tp_err rc;
    TELEPOT_ASSERT(opts);
    h = (tp_http *)tp__alloc(sizeof *h);
    if (!h) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(h, 0, sizeof *h);
    h->conn.fd = -1;
    h->conn.wake_fd = opts->use_wake_fd ? opts->wake_fd : -1;
    rc = tp__url_parse(opts->url, &h->https, h->host, sizeof h->host, h->port, sizeof h->port, err);
    if (rc == TP_OK && h->https) {
#ifndef TELEPOT_BEARSSL
        rc = tp__fail(err, TP_ERR_TLS_DISABLED, 0, "%s", tp_strerror(TP_ERR_TLS_DISABLED));
#else
        h->conn.tls = tp__tls_new(h->host, opts->ca_file, err);
        if (!h->conn.tls) rc = err ? err->code : TP_ERR_TLS_CA;
#endif
    }
    if (rc == TP_OK)
        rc = tp__proxy_choose(opts->proxy, opts->no_env_proxy, h->https, h->host, &h->proxy, err);
    if (rc != TP_OK) {
#ifdef TELEPOT_BEARSSL
        tp__tls_free(h->conn.tls);
#endif
        tp__free(h);
        return NULL;
    }
    if ((h->https && strcmp(h->port, "443") == 0) || (!h->https && strcmp(h->port, "80") == 0))
        snprintf(h->hosthdr, sizeof h->hosthdr, strchr(h->host, ':') ? "[%s]" : "%s", h->host);
    else
        snprintf(h->hosthdr, sizeof h->hosthdr, strchr(h->host, ':') ? "[%s]:%s" : "%s:%s",
                 h->host, h->port);
    h->connect_timeout_ms = opts->connect_timeout_ms > 0 ? opts->connect_timeout_ms : 10000;
    h->timeout_ms = opts->timeout_ms > 0 ? opts->timeout_ms : 30000;
    h->max_header = opts->max_header_bytes ? opts->max_header_bytes : 16384;
    h->max_body = opts->max_body_bytes ? opts->max_body_bytes : (size_t)64 << 20;
    if (h->max_header > (size_t)1 << 24) h->max_header = (size_t)1 << 24; /* 16 MiB is plenty */
    h->rcap = h->max_header > TP__HTTP_RBUF ? h->max_header : TP__HTTP_RBUF;
    h->rbuf = (char *)tp__alloc(h->rcap + 1);
    if (!h->rbuf) {
#ifdef TELEPOT_BEARSSL
        tp__tls_free(h->conn.tls);
#endif
        tp__free(h);
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    tp__ok(err);
    return h;
}

TP__DEF void tp_http_close(tp_http *h) {
    if (!h) return;
    tp__conn_close(&h->conn);
    h->rpos = h->rlen = 0;
    h->reused = 0;
}

TP__DEF void tp_http_free(tp_http *h) {
    if (!h) return;
    tp_http_close(h);
    tp_buf_deinit(&h->head);
    tp_buf_deinit(&h->mp);
    tp_buf_deinit(&h->body);
    tp__free(h->rbuf);
#ifdef TELEPOT_BEARSSL
    tp__tls_free(h->conn.tls);
#endif
    tp__free(h);
}

/* Reads more bytes into rbuf. EOF is TP_ERR_CLOSED. */
static tp_err tp__http_fill(tp_http *h, int64_t deadline, tp_error *err) {
    size_t got = 0;
    tp_err rc;
    if (h->rpos > 0 && h->rpos == h->rlen) h->rpos = h->rlen = 0;
    if (h->rlen == h->rcap) {
        if (h->rpos == 0) return tp__fail(err, TP_ERR_HTTP_HEADER_TOO_LARGE, 0, NULL);
        memmove(h->rbuf, h->rbuf + h->rpos, h->rlen - h->rpos);
        h->rlen -= h->rpos;
        h->rpos = 0;
    }
    rc = tp__net_read(&h->conn, h->rbuf + h->rlen, h->rcap - h->rlen, &got, deadline, err);
    if (rc != TP_OK) return rc;
    if (got == 0) return tp__fail(err, TP_ERR_CLOSED, 0, "the server closed the connection");
    h->rlen += got;
    return TP_OK;
}

/* Form-data names are quoted strings: quote, CR and LF are percent-encoded as browsers do. */
static void tp__mp_quoted(tp_buf *b, const char *s) {
    for (; *s; s++) {
        if (*s == '"') tp_buf_puts(b, "%22");
        else if (*s == '\r') tp_buf_puts(b, "%0D");
        else if (*s == '\n') tp_buf_puts(b, "%0A");
        else tp_buf_append(b, s, 1);
    }
}

/* A multipart body as pieces: framing text in h->mp (ranges) and data from memory or fds. */
typedef struct tp__piece {
    const char *mem;  /* NULL: bytes [off, off+len) of h->mp, or of fd when fd >= 0 */
    size_t off, len;
    int fd;
} tp__piece;

typedef struct tp__mpbody {
    tp__piece *pieces;
    size_t n;
    size_t total;
    tp_buf spill; /* data of non-regular fds, read up front */
    size_t *spill_off;
} tp__mpbody;

static void tp__mpbody_free(tp__mpbody *m) {
    tp__free(m->pieces);
    tp__free(m->spill_off);
    tp_buf_deinit(&m->spill);
}

static tp_err tp__mpbody_build(tp_http *h, const tp_http_part *parts, size_t nparts,
                               const char *boundary, tp__mpbody *m, tp_error *err) {
    size_t i, k = 0;
    memset(m, 0, sizeof *m);
    m->pieces = (tp__piece *)tp__alloc(sizeof(tp__piece) * (2 * nparts + 1));
    m->spill_off = (size_t *)tp__alloc(sizeof(size_t) * (nparts + 1));
    if (!m->pieces || !m->spill_off) return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    tp_buf_reset(&h->mp);
    for (i = 0; i < nparts; i++) {
        const tp_http_part *pt = &parts[i];
        size_t start = h->mp.len;
        tp__piece *dp;
        TELEPOT_ASSERT(pt->name);
        tp_buf_printf(&h->mp, "%s--%s\r\nContent-Disposition: form-data; name=\"", i ? "\r\n" : "",
                      boundary);
        tp__mp_quoted(&h->mp, pt->name);
        if (pt->filename) {
            tp_buf_puts(&h->mp, "\"; filename=\"");
            tp__mp_quoted(&h->mp, pt->filename);
            tp_buf_printf(&h->mp, "\"\r\nContent-Type: %s\r\n\r\n",
                          pt->content_type ? pt->content_type : "application/octet-stream");
        } else if (pt->content_type) {
            tp_buf_printf(&h->mp, "\"\r\nContent-Type: %s\r\n\r\n", pt->content_type);
        } else {
            tp_buf_puts(&h->mp, "\"\r\n\r\n");
        }
        m->pieces[k].mem = NULL;
        m->pieces[k].fd = -1;
        m->pieces[k].off = start;
        m->pieces[k].len = h->mp.len - start;
        k++;
        dp = &m->pieces[k++];
        dp->mem = NULL;
        dp->fd = -1;
        dp->off = 0;
        if (pt->data) {
            dp->mem = (const char *)pt->data;
            dp->len = pt->len ? pt->len : (pt->filename ? 0 : strlen((const char *)pt->data));
        } else if (pt->fd > 0) {
            struct stat st;
            off_t cur = lseek(pt->fd, 0, SEEK_CUR);
            if (fstat(pt->fd, &st) == 0 && S_ISREG(st.st_mode) && cur >= 0) {
                dp->fd = pt->fd;
                dp->off = (size_t)cur;
                dp->len = st.st_size > cur ? (size_t)(st.st_size - cur) : 0;
            } else { /* a pipe or socket: its length is only known once read */
                char tmp[8192];
                ssize_t r;
                size_t at = m->spill.len;
                for (;;) {
                    r = read(pt->fd, tmp, sizeof tmp);
                    if (r < 0 && errno == EINTR) continue;
                    if (r <= 0) break;
                    if (m->spill.len + (size_t)r > h->max_body)
                        return tp__fail(err, TP_ERR_FILE, 0, "upload '%s' from a pipe exceeds %zu bytes",
                                        pt->name, h->max_body);
                    tp_buf_append(&m->spill, tmp, (size_t)r);
                }
                if (r < 0) return tp__fail(err, TP_ERR_FILE, errno, "reading upload '%s': %s", pt->name, strerror(errno));
                if (m->spill.err) return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
                m->spill_off[i] = at;
                dp->off = at;
                dp->len = m->spill.len - at;
                dp->fd = -2; /* in spill */
            }
        } else {
            dp->len = 0;
        }
    }
    {
        size_t start = h->mp.len;
        tp_buf_printf(&h->mp, "%s--%s--\r\n", nparts ? "\r\n" : "", boundary);
        m->pieces[k].mem = NULL;
        m->pieces[k].fd = -1;
        m->pieces[k].off = start;
        m->pieces[k].len = h->mp.len - start;
        k++;
    }
    if (h->mp.err) return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    m->n = k;
    for (i = 0; i < k; i++) m->total += m->pieces[i].len;
    return TP_OK;
}

/* Sends the head and then the body: memory pieces gathered into writev, file pieces pread. */
static tp_err tp__http_send(tp_http *h, const tp_http_req *req, tp__mpbody *m, int64_t deadline,
                            tp_error *err) {
    struct iovec iov[16];
    int n = 0;
    size_t i;
    iov[n].iov_base = h->head.ptr;
    iov[n++].iov_len = h->head.len;
    if (!m) {
        if (req->body_len) {
            iov[n].iov_base = (void *)(uintptr_t)req->body;
            iov[n++].iov_len = req->body_len;
        }
        return tp__net_writev(&h->conn, iov, n, deadline, err);
    }
    for (i = 0; i < m->n; i++) {
        tp__piece *pc = &m->pieces[i];
        if (pc->len == 0) continue;
        if (pc->fd >= 0) {
            char chunk[16384];
            size_t done = 0;
            tp_err rc = tp__net_writev(&h->conn, iov, n, deadline, err);
            n = 0;
            if (rc != TP_OK) return rc;
            while (done < pc->len) {
                size_t want = pc->len - done < sizeof chunk ? pc->len - done : sizeof chunk;
                ssize_t r = pread(pc->fd, chunk, want, (off_t)(pc->off + done));
                if (r < 0 && errno == EINTR) continue;
                if (r <= 0)
                    return tp__fail(err, TP_ERR_FILE, r < 0 ? errno : 0, "reading an upload: %s",
                                    r < 0 ? strerror(errno) : "the file shrank while sending");
                iov[0].iov_base = chunk;
                iov[0].iov_len = (size_t)r;
                rc = tp__net_writev(&h->conn, iov, 1, deadline, err);
                if (rc != TP_OK) return rc;
                done += (size_t)r;
            }
            continue;
        }
        if (n == (int)(sizeof iov / sizeof iov[0])) {
            tp_err rc = tp__net_writev(&h->conn, iov, n, deadline, err);
            n = 0;
            if (rc != TP_OK) return rc;
        }
        iov[n].iov_base = pc->mem ? (void *)(uintptr_t)(pc->mem + pc->off)
                          : pc->fd == -2 ? (void *)(m->spill.ptr + pc->off)
                                         : (void *)(h->mp.ptr + pc->off);
        iov[n++].iov_len = pc->len;
    }
    return n ? tp__net_writev(&h->conn, iov, n, deadline, err) : TP_OK;
}

typedef struct tp__resp_state {
    int status;
    bool keep_alive;
    bool chunked;
    bool has_length;
    uint64_t length;
    bool to_fd;
    int fd;
    size_t written;
} tp__resp_state;

static bool tp__hdr_is(const char *name, size_t nl, const char *want) {
    return strlen(want) == nl && strncasecmp(name, want, nl) == 0;
}

static bool tp__has_token(const char *v, size_t vl, const char *tok) {
    size_t tl = strlen(tok), i;
    for (i = 0; i + tl <= vl; i++)
        if (strncasecmp(v + i, tok, tl) == 0 && (i == 0 || v[i - 1] == ' ' || v[i - 1] == ',') &&
            (i + tl == vl || v[i + tl] == ' ' || v[i + tl] == ',' || v[i + tl] == ';'))
            return true;
    return false;
}

/* Parses the status line and headers in [p, end) (end points past the blank line). */
static tp_err tp__http_parse_head(tp_http *h, const char *p, const char *end, tp__resp_state *st,
                                  tp_error *err) {
    const char *eol = (const char *)memchr(p, '\n', (size_t)(end - p));
    bool http11;
    if (!eol || end - p < 12 || memcmp(p, "HTTP/1.", 7) != 0 || (p[7] != '0' && p[7] != '1') ||
        p[8] != ' ' || p[9] < '1' || p[9] > '9' || p[10] < '0' || p[10] > '9' || p[11] < '0' ||
        p[11] > '9' || (p[12] != ' ' && p[12] != '\r' && p[12] != '\n'))
        return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "the server's answer is not HTTP/1.x");
    http11 = p[7] == '1';
    st->status = (p[9] - '0') * 100 + (p[10] - '0') * 10 + (p[11] - '0');
    st->keep_alive = http11;
    st->chunked = false;
    st->has_length = false;
    st->length = 0;
    h->ctype[0] = '\0';
    p = eol + 1;
    while (p < end) {
        const char *colon, *v, *ve;
        size_t nl;
        eol = (const char *)memchr(p, '\n', (size_t)(end - p));
        if (!eol) break;
        ve = eol;
        if (ve > p && ve[-1] == '\r') ve--;
        if (ve == p) break; /* the blank line */
        colon = (const char *)memchr(p, ':', (size_t)(ve - p));
        if (!colon || colon == p)
            return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "malformed HTTP header line");
        nl = (size_t)(colon - p);
        v = colon + 1;
        while (v < ve && (*v == ' ' || *v == '\t')) v++;
        while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
        if (tp__hdr_is(p, nl, "content-length")) {
            uint64_t n = 0;
            const char *q;
            if (v == ve) return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "empty Content-Length");
            for (q = v; q < ve; q++) {
                if (*q < '0' || *q > '9' || n > (UINT64_MAX - 9) / 10)
                    return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "bad Content-Length");
                n = n * 10 + (uint64_t)(*q - '0');
            }
            if (st->has_length && st->length != n)
                return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "conflicting Content-Length headers");
            st->has_length = true;
            st->length = n;
        } else if (tp__hdr_is(p, nl, "transfer-encoding")) {
            if (tp__has_token(v, (size_t)(ve - v), "chunked")) st->chunked = true;
            else return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "unsupported Transfer-Encoding");
        } else if (tp__hdr_is(p, nl, "connection")) {
            if (tp__has_token(v, (size_t)(ve - v), "close")) st->keep_alive = false;
            else if (tp__has_token(v, (size_t)(ve - v), "keep-alive")) st->keep_alive = true;
        } else if (tp__hdr_is(p, nl, "content-type")) {
            size_t vl = (size_t)(ve - v);
            if (vl >= sizeof h->ctype) vl = sizeof h->ctype - 1;
            memcpy(h->ctype, v, vl);
            h->ctype[vl] = '\0';
        }
        p = eol + 1;
    }
    if (st->chunked) st->has_length = false; /* RFC 9112 6.3: chunked wins */
    return TP_OK;
}

static tp_err tp__http_sink(tp_http *h, tp__resp_state *st, const char *p, size_t n,
                            tp_error *err) {
    if (st->to_fd) {
        st->written += n;
        return tp__write_all(st->fd, p, n, err);
    }
    if (h->body.len + n > h->max_body)
        return tp__fail(err, TP_ERR_HTTP_BODY_TOO_LARGE, 0,
                        "the response body exceeds the limit of %zu bytes", h->max_body);
    if (!tp_buf_append(&h->body, p, n)) return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    return TP_OK;
}

/* Moves `want` body bytes (or all until EOF when want is UINT64_MAX) from the connection. */
static tp_err tp__http_body_bytes(tp_http *h, tp__resp_state *st, uint64_t want, int64_t deadline,
                                  tp_error *err) {
    while (want > 0) {
        size_t avail = h->rlen - h->rpos, take;
        tp_err rc;
        if (avail == 0) {
            rc = tp__http_fill(h, deadline, err);
            if (rc == TP_ERR_CLOSED && want == UINT64_MAX) return TP_OK;
            if (rc == TP_ERR_CLOSED)
                return tp__fail(err, TP_ERR_HTTP_TRUNCATED, 0, "the response body was cut short");
            if (rc != TP_OK) return rc;
            continue;
        }
        take = (uint64_t)avail < want ? avail : (size_t)want;
        rc = tp__http_sink(h, st, h->rbuf + h->rpos, take, err);
        if (rc != TP_OK) return rc;
        h->rpos += take;
        if (want != UINT64_MAX) want -= take;
    }
    return TP_OK;
}

/* Returns a pointer to the next CRLF-terminated line in rbuf, reading more as needed. */
static tp_err tp__http_line(tp_http *h, const char **line, size_t *len, int64_t deadline,
                            tp_error *err) {
    for (;;) {
        const char *nl = (const char *)memchr(h->rbuf + h->rpos, '\n', h->rlen - h->rpos);
        tp_err rc;
        if (nl) {
            *line = h->rbuf + h->rpos;
            *len = (size_t)(nl - *line);
            if (*len && (*line)[*len - 1] == '\r') (*len)--;
            h->rpos = (size_t)(nl - h->rbuf) + 1;
            return TP_OK;
        }
        if (h->rlen - h->rpos > 4096)
            return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "chunk framing line too long");
        rc = tp__http_fill(h, deadline, err);
        if (rc == TP_ERR_CLOSED)
            return tp__fail(err, TP_ERR_HTTP_TRUNCATED, 0, "the chunked body was cut short");
        if (rc != TP_OK) return rc;
    }
}

static tp_err tp__http_chunked(tp_http *h, tp__resp_state *st, int64_t deadline, tp_error *err) {
    for (;;) {
        const char *line;
        size_t len, i;
        uint64_t size = 0;
        tp_err rc = tp__http_line(h, &line, &len, deadline, err);
        if (rc != TP_OK) return rc;
        for (i = 0; i < len; i++) {
            int c = line[i], d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else break;
            if (size >> 59) return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "chunk size overflows");
            size = size * 16 + (uint64_t)d;
        }
        if (i == 0 || (i < len && line[i] != ';' && line[i] != ' ' && line[i] != '\t'))
            return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "bad chunk size line");
        if (size == 0) break;
        if (!st->to_fd && size > h->max_body)
            return tp__fail(err, TP_ERR_HTTP_BODY_TOO_LARGE, 0,
                            "the response body exceeds the limit of %zu bytes", h->max_body);
        rc = tp__http_body_bytes(h, st, size, deadline, err);
        if (rc != TP_OK) return rc;
        rc = tp__http_line(h, &line, &len, deadline, err);
        if (rc != TP_OK) return rc;
        if (len != 0) return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "chunk not followed by CRLF");
    }
    for (;;) { /* trailers up to the blank line */
        const char *line;
        size_t len;
        tp_err rc = tp__http_line(h, &line, &len, deadline, err);
        if (rc != TP_OK) return rc;
        if (len == 0) return TP_OK;
    }
}

/* Reads one whole response. *got_any tells whether any byte of it arrived. */
static tp_err tp__http_recv(tp_http *h, const tp_http_req *req, tp__resp_state *st,
                            bool *got_any, int64_t deadline, tp_error *err) {
    for (;;) {
        const char *hdr_end = NULL;
        size_t scanned = 0; /* bytes after rpos already searched for the blank line */
        tp_err rc;
        for (;;) {
            const char *e = h->rbuf + h->rlen;
            const char *p = h->rbuf + h->rpos + (scanned > 3 ? scanned - 3 : 0);
            size_t have = h->rlen - h->rpos;
            if (memcmp(h->rbuf + h->rpos, "HTTP/", have < 5 ? have : 5) != 0)
                return tp__fail(err, TP_ERR_HTTP_PROTOCOL, 0, "the server's answer is not HTTP/1.x");
            while ((p = (const char *)memchr(p, '\n', (size_t)(e - p))) != NULL) {
                if (p + 1 < e && p[1] == '\n') { hdr_end = p + 2; break; }
                if (p + 2 < e && p[1] == '\r' && p[2] == '\n') { hdr_end = p + 3; break; }
                p++;
            }
            if (hdr_end) break;
            scanned = h->rlen - h->rpos;
            if (scanned >= h->max_header)
                return tp__fail(err, TP_ERR_HTTP_HEADER_TOO_LARGE, 0,
                                "the response header exceeds %zu bytes", h->max_header);
            rc = tp__http_fill(h, deadline, err);
            if (rc == TP_ERR_CLOSED && scanned > 0)
                return tp__fail(err, TP_ERR_HTTP_TRUNCATED, 0, "the response header was cut short");
            if (rc != TP_OK) return rc;
            *got_any = true;
        }
        if ((size_t)(hdr_end - (h->rbuf + h->rpos)) > h->max_header)
            return tp__fail(err, TP_ERR_HTTP_HEADER_TOO_LARGE, 0,
                            "the response header exceeds %zu bytes", h->max_header);
        rc = tp__http_parse_head(h, h->rbuf + h->rpos, hdr_end, st, err);
        if (rc != TP_OK) return rc;
        h->rpos = (size_t)(hdr_end - h->rbuf);
        if (st->status >= 100 && st->status < 200) continue; /* 100 Continue and friends */
        break;
    }
    tp_buf_reset(&h->body);
    st->to_fd = req->to_fd && st->status >= 200 && st->status < 300;
    st->fd = req->out_fd;
    st->written = 0;
    if (st->status == 204 || st->status == 304 || (req->method && strcmp(req->method, "HEAD") == 0))
        return TP_OK;
    if (st->chunked) return tp__http_chunked(h, st, deadline, err);
    if (st->has_length) {
        if (!st->to_fd && st->length > h->max_body)
            return tp__fail(err, TP_ERR_HTTP_BODY_TOO_LARGE, 0,
                            "the response body of %llu bytes exceeds the limit of %zu bytes",
                            (unsigned long long)st->length, h->max_body);
        if (!st->to_fd && !tp_buf_reserve(&h->body, (size_t)st->length))
            return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return tp__http_body_bytes(h, st, st->length, deadline, err);
    }
    st->keep_alive = false; /* delimited by close */
    return tp__http_body_bytes(h, st, UINT64_MAX, deadline, err);
}

TP__DEF tp_err tp_http_request(tp_http *h, const tp_http_req *req, tp_http_resp *resp,
                               tp_error *err) {
    int64_t start = tp_now_ms();
    int64_t deadline = start + (req->timeout_ms > 0 ? req->timeout_ms : h->timeout_ms);
    const char *method = req->method;
    tp__mpbody mp, *m = NULL;
    char boundary[48];
    tp_err rc = TP_OK;
    int attempt;
    TELEPOT_ASSERT(h && req && req->path && req->path[0] == '/');
    if (!method) method = (req->body || req->parts) ? "POST" : "GET";
    if (strpbrk(method, " \r\n") || strpbrk(req->path, " \r\n") ||
        (req->content_type && strpbrk(req->content_type, "\r\n")))
        return tp__fail(err, TP_ERR_INVALID, 0, "a space, CR or LF in the request line or a header");
    tp_buf_reset(&h->head);
    if (req->parts) {
        snprintf(boundary, sizeof boundary, "----telepot%08x%08lx", ++h->seq,
                 (unsigned long)(start ^ (int64_t)(uintptr_t)h));
        rc = tp__mpbody_build(h, req->parts, req->nparts, boundary, &mp, err);
        m = &mp;
        if (rc != TP_OK) {
            tp__mpbody_free(m);
            return rc;
        }
        tp_buf_printf(&h->head,
                      "%s %s HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; "
                      "boundary=%s\r\nContent-Length: %zu\r\n\r\n",
                      method, req->path, h->hosthdr, boundary, m->total);
    } else { /* the common case, put together without printf */
        tp_buf_puts(&h->head, method);
        tp_buf_append(&h->head, " ", 1);
        tp_buf_puts(&h->head, req->path);
        tp_buf_puts(&h->head, " HTTP/1.1\r\nHost: ");
        tp_buf_puts(&h->head, h->hosthdr);
        if (req->body || strcmp(method, "POST") == 0) {
            char num[24], *d = tp__i64toa((int64_t)req->body_len, num + sizeof num);
            tp_buf_puts(&h->head, "\r\nContent-Type: ");
            tp_buf_puts(&h->head, req->content_type ? req->content_type : "application/json");
            tp_buf_puts(&h->head, "\r\nContent-Length: ");
            tp_buf_append(&h->head, d, (size_t)(num + sizeof num - d));
        }
        tp_buf_puts(&h->head, "\r\n\r\n");
    }
    if (h->head.err) {
        if (m) tp__mpbody_free(m);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    /* A server closes idle connections; after a pause, look before sending into one. */
    if (h->conn.fd >= 0 && start - h->last_used >= 1000 && !tp__conn_idle_ok(&h->conn))
        tp_http_close(h);
    for (attempt = 0; attempt < 2; attempt++) {
        tp__resp_state st;
        bool got_any = false, reused;
        uint64_t sent_before;
        if (h->conn.fd < 0) {
            int64_t cdl = tp_now_ms() + h->connect_timeout_ms;
            rc = tp__conn_open(&h->conn, &h->proxy, h->host, h->port, cdl < deadline ? cdl : deadline,
                               err);
            if (rc != TP_OK) break;
            h->reused = 0;
        }
        reused = h->reused > 0;
        h->rpos = h->rlen = 0;
        sent_before = h->conn.sent;
        rc = tp__http_send(h, req, m, deadline, err);
        if (rc == TP_OK) rc = tp__http_recv(h, req, &st, &got_any, deadline, err);
        if (rc == TP_OK) {
            if (!st.keep_alive || h->rpos != h->rlen) tp_http_close(h); /* stray bytes: unsafe */
            else h->reused++;
            h->last_used = tp_now_ms();
            resp->status = st.status;
            resp->body = h->body.ptr ? h->body.ptr : "";
            resp->body_len = st.to_fd ? st.written : h->body.len;
            resp->content_type = h->ctype;
            break;
        }
        /* A kept-alive connection that died under us: if nothing of the request left, or it
           may safely be done twice, send it once more on a new connection. */
        if (!(reused && !got_any && (rc == TP_ERR_RESET || rc == TP_ERR_CLOSED) &&
              (h->conn.sent == sent_before || req->idempotent || strcmp(method, "GET") == 0 ||
               strcmp(method, "HEAD") == 0))) {
            tp_http_close(h);
            break;
        }
        tp_http_close(h);
    }
    if (m) tp__mpbody_free(m);
    if (rc == TP_ERR_CLOSED)
        rc = tp__fail(err, TP_ERR_CLOSED, 0, "the server closed the connection without answering "
                                           "(the request may have been carried out)");
    if (rc == TP_OK) tp__ok(err);
    return rc;
}

/* >>json (impl) ----------------------------------------------------------------------------
   A document is one block: the header, a copy of the text (strings are unescaped in place and
   NUL-terminated there) and an array of 16-byte values sized up front by counting the bytes
   that can start a value ('[', '{', ','), so parsing never reallocates. Values refer to their
   strings, keys and the end of their subtree by offsets, the way a flat tape does. */

#define TP__J_TYPE 0xFu
#define TP__J_LAST 0x10u /* the last member/element of its container */
#define TP__J_KEYSHIFT 5

struct tp_json {
    uint32_t tag; /* tp_json_type | TP__J_LAST | key length << TP__J_KEYSHIFT */
    int32_t key;  /* from this value to its key's bytes; 0 = no key */
    union {
        int64_t i;
        double d;
        struct {
            int32_t off; /* from this value to the bytes */
            uint32_t len;
        } s;
        struct {
            uint32_t n;    /* members or elements */
            uint32_t skip; /* values in this subtree, itself included */
        } c;
    } u;
};

typedef struct tp__chunk {
    struct tp__chunk *next;
    size_t used, cap;
} tp__chunk;

struct tp_json_doc {
    tp_json *vals;
    size_t nvals;
    char *text;
    size_t text_len;
    tp__chunk *chunks; /* the arena for typed views */
};

/* An 8-aligned zeroed allocation that lives as long as doc. */
static void *tp__doc_alloc(tp_json_doc *doc, size_t n) {
    tp__chunk *c = doc->chunks;
    void *p;
    n = (n + 7) & ~(size_t)7;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 4000 ? n : 4000;
        c = (tp__chunk *)tp__alloc(sizeof(tp__chunk) + 8 + cap);
        if (!c) return NULL;
        c->next = doc->chunks;
        c->used = 0;
        c->cap = cap;
        doc->chunks = c;
    }
    p = (char *)c + ((sizeof(tp__chunk) + 7) & ~(size_t)7) + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Index of the lowest set bit of a non-zero x. */
static int tp__ctz64(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(x);
#else
    int n = 0;
    while (!(x & 1)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}

#define TP__ONES UINT64_C(0x0101010101010101)
#define TP__HIGHS UINT64_C(0x8080808080808080)

static uint64_t tp__load64(const char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}
/* High bit of each byte of w that equals the byte in pat (pat = c * TP__ONES); exact. */
static uint64_t tp__eqbytes(uint64_t w, uint64_t pat) {
    uint64_t x = w ^ pat, t = (x & ~TP__HIGHS) + ~TP__HIGHS;
    return ~(t | x | ~TP__HIGHS);
}
/* Upper bound of the values in s[0..n): each is the root or follows '[', '{' or ','. */
static size_t tp__json_count_bound(const char *s, size_t n) {
    size_t count = 1, i = 0;
#if defined(__SSE2__)
    { /* byte counters (a match is -1), summed every 255 rounds before they overflow */
        const __m128i ob = _mm_set1_epi8('['), oc = _mm_set1_epi8('{'), cm = _mm_set1_epi8(',');
        const __m128i zero = _mm_setzero_si128();
        while (i + 16 <= n) {
            __m128i acc = zero, sums;
            size_t stop = n - i >= 16 * 255 ? i + 16 * 255 : i + ((n - i) & ~(size_t)15);
            for (; i < stop; i += 16) {
                __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, ob), _mm_cmpeq_epi8(w, oc)),
                                         _mm_cmpeq_epi8(w, cm));
                acc = _mm_sub_epi8(acc, m);
            }
            sums = _mm_sad_epu8(acc, zero);
            count += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
        }
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t w = tp__load64(s + i);
        uint64_t m = tp__eqbytes(w, '[' * TP__ONES) | tp__eqbytes(w, '{' * TP__ONES) |
                     tp__eqbytes(w, ',' * TP__ONES);
        count += (size_t)(((m >> 7) * TP__ONES) >> 56);
    }
    for (; i < n; i++) count += s[i] == '[' || s[i] == '{' || s[i] == ',';
    return count;
}

/* Length of the valid UTF-8 sequence (2..4) starting at p, 0 if invalid. Reads past a NUL
   never happen: a NUL is not a continuation byte. */
static int tp__utf8_seq(const unsigned char *p) {
    unsigned c = p[0];
    if (c < 0xC2) return 0;
    if ((p[1] & 0xC0) != 0x80) return 0;
    if (c < 0xE0) return 2;
    if ((p[2] & 0xC0) != 0x80) return 0;
    if (c < 0xF0) {
        if (c == 0xE0 && p[1] < 0xA0) return 0; /* overlong */
        if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogates */
        return 3;
    }
    if (c > 0xF4 || (p[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && p[1] >= 0x90) return 0; /* beyond U+10FFFF */
    return 4;
}

static int tp__hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 32;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}
/* The value of 4 hex digits, or -1. Each digit value is at most 15, so one OR of the four
   tells whether any was invalid (-1 sets every bit). */
static int tp__hex4(const char *p) {
    int a = tp__hexval((unsigned char)p[0]), b = tp__hexval((unsigned char)p[1]),
        c = tp__hexval((unsigned char)p[2]), d = tp__hexval((unsigned char)p[3]);
    if ((a | b | c | d) < 0) return -1;
    return a << 12 | b << 8 | c << 4 | d;
}

static char *tp__utf8_put(char *w, uint32_t cp) {
    if (cp < 0x80) {
        *w++ = (char)cp;
    } else if (cp < 0x800) {
        *w++ = (char)(0xC0 | (cp >> 6));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = (char)(0xE0 | (cp >> 12));
        *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *w++ = (char)(0xF0 | (cp >> 18));
        *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    }
    return w;
}

/* High bits marking the bytes of w that end a plain run: '"', '\\', a control byte or
   >= 0x80. Bits above the lowest one may be false alarms (borrows); the lowest is exact, on a
   little-endian load it is the first such byte. */
static uint64_t tp__str_special(uint64_t w) {
    uint64_t q = w ^ ('"' * TP__ONES), b = w ^ ('\\' * TP__ONES);
    return (((q - TP__ONES) & ~q) | ((b - TP__ONES) & ~b) | ((w - 0x20 * TP__ONES) & ~w) | w) &
           TP__HIGHS;
}

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TP__LE 1
#else
#define TP__LE 0
#endif

/* Parses the string whose opening quote is at p[-1]; unescapes in place. Returns the position
   after the closing quote, or NULL with *at set to the offending byte. */
static char *tp__json_string(char *p, char **start, uint32_t *len, char **at) {
    char *s = p, *w;
    for (;;) {
        uint64_t m;
        while (!(m = tp__str_special(tp__load64(p)))) p += 8;
        if (TP__LE) p += tp__ctz64(m) >> 3;
        else
            while ((unsigned char)*p >= 0x20 && *p != '"' && *p != '\\' && (unsigned char)*p < 0x80) p++;
        if (*p == '"') {
            *start = s;
            *len = (uint32_t)(p - s);
            *p = '\0';
            return p + 1;
        }
        if (*p == '\\') break;
        if ((unsigned char)*p < 0x20) {
            *at = p;
            return NULL;
        }
        {
            int n = tp__utf8_seq((const unsigned char *)p);
            if (!n) {
                *at = p;
                return NULL;
            }
            p += n;
        }
    }
    w = p; /* from here on the text moves left as escapes shrink */
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (c == '"') {
            *start = s;
            *len = (uint32_t)(w - s);
            *w = '\0';
            return p + 1;
        }
        if (c == '\\') {
            char e = p[1];
            switch (e) {
            case '"': case '\\': case '/': *w++ = e; p += 2; continue;
            case 'b': *w++ = '\b'; p += 2; continue;
            case 'f': *w++ = '\f'; p += 2; continue;
            case 'n': *w++ = '\n'; p += 2; continue;
            case 'r': *w++ = '\r'; p += 2; continue;
            case 't': *w++ = '\t'; p += 2; continue;
            case 'u': {
                int hi = tp__hex4(p + 2);
                uint32_t cp;
                if (hi < 0) {
                    *at = p;
                    return NULL;
                }
                cp = (uint32_t)hi;
                if (hi >= 0xD800 && hi <= 0xDBFF) {
                    int lo = p[6] == '\\' && p[7] == 'u' ? tp__hex4(p + 8) : -1;
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        *at = p; /* a high surrogate alone */
                        return NULL;
                    }
                    cp = 0x10000 + (((uint32_t)hi - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                    p += 6;
                } else if (hi >= 0xDC00 && hi <= 0xDFFF) {
                    *at = p; /* a low surrogate alone */
                    return NULL;
                }
                w = tp__utf8_put(w, cp);
                p += 6;
                continue;
            }
            default:
                *at = p;
                return NULL;
            }
        }
        if (c < 0x20) {
            *at = p;
            return NULL;
        }
        if (c < 0x80) {
            *w++ = (char)c;
            p++;
        } else {
            int n = tp__utf8_seq((const unsigned char *)p);
            if (!n) {
                *at = p;
                return NULL;
            }
            while (n--) *w++ = *p++;
        }
    }
}

static const double tp__pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Parses a number at p into v. Integers that fit int64 stay exact; the rest become doubles.
   Returns the position after it, or NULL (bad syntax) with *at set. */
static char *tp__json_number(char *p, tp_json *v, char **at) {
    char *s = p;
    bool neg = false, real = false;
    uint64_t m = 0;
    int digits = 0, frac = 0, exp = 0;
    if (*p == '-') {
        neg = true;
        p++;
    }
    if (*p == '0') {
        p++;
        if (*p >= '0' && *p <= '9') {
            *at = p; /* leading zero */
            return NULL;
        }
    } else if (*p >= '1' && *p <= '9') {
        while (*p >= '0' && *p <= '9') {
            if (digits < 19) m = m * 10 + (uint64_t)(*p - '0');
            digits++;
            p++;
        }
    } else {
        *at = p;
        return NULL;
    }
    if (*p == '.') {
        real = true;
        p++;
        if (*p < '0' || *p > '9') {
            *at = p;
            return NULL;
        }
        while (*p >= '0' && *p <= '9') {
            if (digits < 19) {
                m = m * 10 + (uint64_t)(*p - '0');
                frac++;
                if (m) digits++;
            } else if (m) {
                digits++;
            }
            p++;
        }
    }
    if (*p == 'e' || *p == 'E') {
        bool eneg = false;
        real = true;
        p++;
        if (*p == '+' || *p == '-') eneg = *p++ == '-';
        if (*p < '0' || *p > '9') {
            *at = p;
            return NULL;
        }
        while (*p >= '0' && *p <= '9') {
            if (exp < 100000) exp = exp * 10 + (*p - '0');
            p++;
        }
        if (eneg) exp = -exp;
    }
    if (!real && digits <= 19 &&
        (m <= (uint64_t)INT64_MAX || (neg && m == (uint64_t)INT64_MAX + 1))) {
        v->tag = TP_JSON_INT;
        v->u.i = neg ? (int64_t)(0 - m) : (int64_t)m;
        return p;
    }
    v->tag = TP_JSON_REAL;
    exp -= frac;
    if (digits <= 19 && m <= (UINT64_C(1) << 53) && exp >= -22 && exp <= 22) {
        double d = (double)m; /* exact: Clinger's fast path */
        d = exp < 0 ? d / tp__pow10[-exp] : d * tp__pow10[exp];
        v->u.d = neg ? -d : d;
        return p;
    }
    {
        /* The slow path goes through strtod on the text itself, made to agree with the
           current locale's decimal point for the duration of the call. */
        char saved = *p, *dot = NULL, *q;
        const char *dp = localeconv()->decimal_point;
        *p = '\0';
        if (dp && dp[0] && dp[0] != '.' && !dp[1]) {
            dot = strchr(s, '.');
            if (dot) *dot = dp[0];
        }
        v->u.d = strtod(s, &q);
        if (dot) *dot = '.';
        *p = saved;
        if (q != p) { /* a locale whose decimal point strtod would not take */
            *at = q;
            return NULL;
        }
    }
    return p;
}

typedef struct tp__jframe {
    uint32_t start; /* index of the container's value */
    uint32_t count;
    uint32_t last;  /* index of the latest child */
} tp__jframe;

static tp_err tp__json_fail(tp_error *err, tp_err code, const char *text, const char *at,
                            const char *end, const char *what) {
    size_t off = (size_t)(at - text);
    if (at >= end && code != TP_ERR_JSON_DEPTH && code != TP_ERR_NOMEM) {
        code = TP_ERR_JSON_TRUNCATED;
        what = "the text ends inside a value";
    }
    tp__fail(err, code, 0, "JSON: %s at byte %zu", what, off);
    if (err) err->json_offset = off;
    return code;
}

#define TP__WS(p) while (*(p) == ' ' || *(p) == '\n' || *(p) == '\r' || *(p) == '\t') (p)++

TP__DEF tp_json_doc *tp_json_parse(const char *src, size_t n, tp_error *err) {
    tp__jframe stack[TELEPOT_JSON_MAX_DEPTH + 1];
    size_t bound, text_cap, hdr = (sizeof(tp_json_doc) + 15) & ~(size_t)15, total;
    tp_json_doc *doc;
    tp_json *vals, *v;
    char *text, *p, *end, *key = NULL, *at = NULL;
    uint32_t keylen = 0, nv = 0;
    int depth = 0;
    tp_err code = TP_ERR_JSON_SYNTAX;
    const char *what = "unexpected character";
    if (!src && n) {
        tp__fail(err, TP_ERR_INVALID, 0, "JSON: NULL text");
        return NULL;
    }
    bound = tp__json_count_bound(src, n);
    text_cap = (n + 16 + 15) & ~(size_t)15; /* NUL sentinel and 8-byte overread padding */
    if (n > (size_t)INT32_MAX / 2 || bound > ((size_t)INT32_MAX - text_cap - hdr) / sizeof(tp_json)) {
        tp__fail(err, TP_ERR_JSON_TOO_LARGE, 0, "JSON: %zu bytes is too large a document", n);
        return NULL;
    }
    total = hdr + text_cap + bound * sizeof(tp_json);
    doc = (tp_json_doc *)tp__alloc(total);
    if (!doc) {
        tp__fail(err, TP_ERR_NOMEM, 0, "JSON: out of memory for a %zu-byte document", n);
        return NULL;
    }
    text = (char *)doc + hdr;
    vals = (tp_json *)(void *)(text + text_cap);
    if (n) memcpy(text, src, n);
    memset(text + n, 0, text_cap - n);
    doc->vals = vals;
    doc->text = text;
    doc->text_len = n;
    doc->chunks = NULL;
    p = text;
    end = text + n;

value:
    TP__WS(p);
    v = &vals[nv];
    if (depth > 0) {
        tp__jframe *f = &stack[depth - 1];
        f->count++;
        f->last = nv;
    }
    nv++;
    if (key) {
        v->key = (int32_t)(key - (char *)v);
        v->tag = keylen << TP__J_KEYSHIFT;
        key = NULL;
    } else {
        v->key = 0;
        v->tag = 0;
    }
    switch (*p) {
    case '{':
    case '[': {
        bool obj = *p == '{';
        if (depth >= TELEPOT_JSON_MAX_DEPTH) {
            code = TP_ERR_JSON_DEPTH;
            what = "nesting exceeds TELEPOT_JSON_MAX_DEPTH";
            at = p;
            goto fail;
        }
        v->tag |= obj ? TP_JSON_OBJECT : TP_JSON_ARRAY;
        stack[depth].start = nv - 1;
        stack[depth].count = 0;
        stack[depth].last = 0;
        depth++;
        p++;
        TP__WS(p);
        if (*p == (obj ? '}' : ']')) goto close;
        if (obj) goto member;
        goto value;
    }
    case '"': {
        char *s;
        uint32_t len;
        p = tp__json_string(p + 1, &s, &len, &at);
        if (!p) {
            code = TP_ERR_JSON_STRING;
            what = "bad string";
            goto fail;
        }
        v->tag |= TP_JSON_STRING;
        v->u.s.off = (int32_t)(s - (char *)v);
        v->u.s.len = len;
        goto after;
    }
    case 't':
        if (memcmp(p, "true", 4) != 0) break;
        v->tag |= TP_JSON_BOOL;
        v->u.i = 1;
        p += 4;
        goto after;
    case 'f':
        if (memcmp(p, "false", 5) != 0) break;
        v->tag |= TP_JSON_BOOL;
        v->u.i = 0;
        p += 5;
        goto after;
    case 'n':
        if (memcmp(p, "null", 4) != 0) break;
        v->tag |= TP_JSON_NULL;
        v->u.i = 0;
        p += 4;
        goto after;
    default: {
        uint32_t keep = v->tag;
        if (*p != '-' && (*p < '0' || *p > '9')) break;
        p = tp__json_number(p, v, &at);
        if (!p) {
            code = TP_ERR_JSON_NUMBER;
            what = "bad number";
            goto fail;
        }
        v->tag |= keep;
        goto after;
    }
    }
    at = p;
    what = p >= end ? "the text ends where a value should be" : "expected a value";
    if (*p == 't' || *p == 'f' || *p == 'n') { /* a literal cut by the end of the text */
        const char *lit = *p == 't' ? "true" : *p == 'f' ? "false" : "null";
        size_t left = (size_t)(end - p);
        if (left < strlen(lit) && memcmp(p, lit, left) == 0) at = end;
    }
    goto fail;

member:
    if (*p != '"') {
        at = p;
        what = "expected a member name";
        goto fail;
    }
    p = tp__json_string(p + 1, &key, &keylen, &at);
    if (!p) {
        code = TP_ERR_JSON_STRING;
        what = "bad member name";
        goto fail;
    }
    if (keylen >= (1u << (32 - TP__J_KEYSHIFT))) {
        at = p;
        code = TP_ERR_JSON_TOO_LARGE;
        what = "member name too long";
        goto fail;
    }
    TP__WS(p);
    if (*p != ':') {
        at = p;
        what = "expected ':'";
        goto fail;
    }
    p++;
    goto value;

after:
    if (depth == 0) goto done;
    TP__WS(p);
    if (*p == ',') {
        p++;
        TP__WS(p);
        if ((vals[stack[depth - 1].start].tag & TP__J_TYPE) == TP_JSON_OBJECT) goto member;
        goto value;
    }
    if (*p == ((vals[stack[depth - 1].start].tag & TP__J_TYPE) == TP_JSON_OBJECT ? '}' : ']'))
        goto close;
    at = p;
    what = "expected ',' or the end of the container";
    goto fail;

close: {
    tp__jframe *f = &stack[--depth];
    tp_json *c = &vals[f->start];
    c->u.c.n = f->count;
    c->u.c.skip = nv - f->start;
    if (f->count) vals[f->last].tag |= TP__J_LAST;
    p++;
    goto after;
}

done:
    TP__WS(p);
    if (p != end) {
        at = p;
        what = "unexpected text after the value";
        goto fail;
    }
    vals[0].tag |= TP__J_LAST;
    doc->nvals = nv;
    tp__ok(err);
    return doc;

fail:
    tp__json_fail(err, code, text, at, end, what);
    tp__free(doc);
    return NULL;
}

TP__DEF void tp_json_doc_free(tp_json_doc *doc) {
    tp__chunk *c, *next;
    if (!doc) return;
    for (c = doc->chunks; c; c = next) {
        next = c->next;
        tp__free(c);
    }
    tp__free(doc);
}

TP__DEF const tp_json *tp_json_root(const tp_json_doc *doc) { return doc ? doc->vals : NULL; }

TP__DEF tp_json_type tp_json_typeof(const tp_json *v) {
    return v ? (tp_json_type)(v->tag & TP__J_TYPE) : TP_JSON_NONE;
}

static bool tp__j_container(const tp_json *v) {
    uint32_t t = v->tag & TP__J_TYPE;
    return t == TP_JSON_ARRAY || t == TP_JSON_OBJECT;
}

static const tp_json *tp__j_skip(const tp_json *v) {
    return v + (tp__j_container(v) ? v->u.c.skip : 1);
}

TP__DEF const tp_json *tp_json_get_n(const tp_json *obj, const char *key, size_t key_len) {
    const tp_json *v;
    uint32_t i, n;
    if (!obj || (obj->tag & TP__J_TYPE) != TP_JSON_OBJECT || !key) return NULL;
    n = obj->u.c.n;
    for (v = obj + 1, i = 0; i < n; i++, v = tp__j_skip(v))
        if ((v->tag >> TP__J_KEYSHIFT) == key_len &&
            memcmp((const char *)v + v->key, key, key_len) == 0)
            return v;
    return NULL;
}

TP__DEF const tp_json *tp_json_get(const tp_json *obj, const char *key) {
    return key ? tp_json_get_n(obj, key, strlen(key)) : NULL;
}

TP__DEF const tp_json *tp_json_at(const tp_json *arr, size_t i) {
    const tp_json *v;
    if (!arr || !tp__j_container(arr) || i >= arr->u.c.n) return NULL;
    for (v = arr + 1; i > 0; i--) v = tp__j_skip(v);
    return v;
}

TP__DEF size_t tp_json_size(const tp_json *v) {
    if (!v) return 0;
    switch (v->tag & TP__J_TYPE) {
    case TP_JSON_STRING: return v->u.s.len;
    case TP_JSON_ARRAY:
    case TP_JSON_OBJECT: return v->u.c.n;
    default: return 0;
    }
}

TP__DEF const tp_json *tp_json_first(const tp_json *c) {
    return c && tp__j_container(c) && c->u.c.n ? c + 1 : NULL;
}

TP__DEF const tp_json *tp_json_next(const tp_json *v) {
    return !v || (v->tag & TP__J_LAST) ? NULL : tp__j_skip(v);
}

TP__DEF const char *tp_json_key(const tp_json *v) {
    return v && v->key ? (const char *)v + v->key : NULL;
}

TP__DEF const char *tp_json_str(const tp_json *v) {
    return v && (v->tag & TP__J_TYPE) == TP_JSON_STRING ? (const char *)v + v->u.s.off : NULL;
}

TP__DEF int64_t tp_json_int(const tp_json *v) {
    return v && (v->tag & TP__J_TYPE) == TP_JSON_INT ? v->u.i : 0;
}

TP__DEF double tp_json_num(const tp_json *v) {
    if (!v) return 0;
    if ((v->tag & TP__J_TYPE) == TP_JSON_INT) return (double)v->u.i;
    if ((v->tag & TP__J_TYPE) == TP_JSON_REAL) return v->u.d;
    return 0;
}

TP__DEF bool tp_json_bool(const tp_json *v) {
    return v && (v->tag & TP__J_TYPE) == TP_JSON_BOOL && v->u.i;
}

TP__DEF bool tp_json_is_null(const tp_json *v) {
    return v && (v->tag & TP__J_TYPE) == TP_JSON_NULL;
}

TP__DEF const char *tp_json_get_str(const tp_json *o, const char *k) { return tp_json_str(tp_json_get(o, k)); }
TP__DEF int64_t tp_json_get_int(const tp_json *o, const char *k) { return tp_json_int(tp_json_get(o, k)); }
TP__DEF bool tp_json_get_bool(const tp_json *o, const char *k) { return tp_json_bool(tp_json_get(o, k)); }

/* The writer. */

TP__DEF void tp_jw_init(tp_jw *w, tp_buf *out) {
    w->out = out;
    memset(w->nonempty, 0, sizeof w->nonempty);
    w->depth = 0;
    w->after_key = false;
}

/* Before any value or key: the comma, unless this is the first in its container. */
static void tp__jw_sep(tp_jw *w) {
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0 && w->depth < 1024) {
        uint64_t bit = UINT64_C(1) << (w->depth & 63), *word = &w->nonempty[w->depth >> 6];
        if (*word & bit) tp_buf_append(w->out, ",", 1);
        else *word |= bit;
    }
}

static void tp__jw_open(tp_jw *w, char c) {
    tp__jw_sep(w);
    tp_buf_append(w->out, &c, 1);
    w->depth++;
    if (w->depth >= 1024) {
        if (!w->out->err) w->out->err = TP_ERR_JSON_DEPTH;
        return;
    }
    w->nonempty[w->depth >> 6] &= ~(UINT64_C(1) << (w->depth & 63));
}
static void tp__jw_close(tp_jw *w, char c) {
    TELEPOT_ASSERT(w->depth > 0);
    w->depth--;
    tp_buf_append(w->out, &c, 1);
}
TP__DEF void tp_jw_obj(tp_jw *w) { tp__jw_open(w, '{'); }
TP__DEF void tp_jw_obj_end(tp_jw *w) { tp__jw_close(w, '}'); }
TP__DEF void tp_jw_arr(tp_jw *w) { tp__jw_open(w, '['); }
TP__DEF void tp_jw_arr_end(tp_jw *w) { tp__jw_close(w, ']'); }

/* Appends s as a JSON string. Invalid UTF-8 becomes U+FFFD so the output is always valid. */
static void tp__json_escape(tp_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    size_t i = 0, run = 0;
    if (!tp_buf_reserve(b, n + 2)) return;
    b->ptr[b->len++] = '"';
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            unsigned char tail[4] = {0, 0, 0, 0}; /* near the end: never read past s + n */
            const unsigned char *q = (const unsigned char *)s + i;
            int k;
            if (n - i < 4) {
                memcpy(tail, q, n - i);
                q = tail;
            }
            k = tp__utf8_seq(q);
            if (k && i + (size_t)k <= n) {
                i += (size_t)k;
                continue;
            }
        }
        tp_buf_append(b, s + run, i - run);
        switch (c) {
        case '"': tp_buf_append(b, "\\\"", 2); break;
        case '\\': tp_buf_append(b, "\\\\", 2); break;
        case '\n': tp_buf_append(b, "\\n", 2); break;
        case '\r': tp_buf_append(b, "\\r", 2); break;
        case '\t': tp_buf_append(b, "\\t", 2); break;
        case '\b': tp_buf_append(b, "\\b", 2); break;
        case '\f': tp_buf_append(b, "\\f", 2); break;
        default:
            if (c < 0x20) {
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                tp_buf_append(b, u, 6);
            } else {
                tp_buf_append(b, "\\ufffd", 6);
            }
        }
        run = ++i;
    }
    tp_buf_append(b, s + run, n - run);
    tp_buf_append(b, "\"", 1);
}

TP__DEF void tp_jw_key(tp_jw *w, const char *key) {
    tp__jw_sep(w);
    tp__json_escape(w->out, key, strlen(key));
    tp_buf_append(w->out, ":", 1);
    w->after_key = true;
}
TP__DEF void tp_jw_str_n(tp_jw *w, const char *s, size_t n) {
    tp__jw_sep(w);
    if (s) tp__json_escape(w->out, s, n);
    else tp_buf_append(w->out, "null", 4);
}
TP__DEF void tp_jw_str(tp_jw *w, const char *s) { tp_jw_str_n(w, s, s ? strlen(s) : 0); }

TP__DEF void tp_jw_int(tp_jw *w, int64_t v) {
    char buf[24], *s = tp__i64toa(v, buf + sizeof buf);
    tp__jw_sep(w);
    tp_buf_append(w->out, s, (size_t)(buf + sizeof buf - s));
}
TP__DEF void tp_jw_real(tp_jw *w, double v) {
    char buf[40];
    int i, n;
    const char *dp = localeconv()->decimal_point;
    tp__jw_sep(w);
    if (v != v || v - v != 0) {
        tp_buf_append(w->out, "null", 4);
        return;
    }
    n = snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v) n = snprintf(buf, sizeof buf, "%.17g", v);
    for (i = 0; i < n; i++)
        if (dp && buf[i] == dp[0] && buf[i] != '-' && (buf[i] < '0' || buf[i] > '9')) buf[i] = '.';
    /* a real stays a real when read back: "1500" would come back as an integer */
    if (!strpbrk(buf, ".eE") && n + 2 < (int)sizeof buf) {
        buf[n++] = '.';
        buf[n++] = '0';
    }
    tp_buf_append(w->out, buf, (size_t)n);
}
TP__DEF void tp_jw_bool(tp_jw *w, bool v) {
    tp__jw_sep(w);
    tp_buf_puts(w->out, v ? "true" : "false");
}
TP__DEF void tp_jw_null(tp_jw *w) {
    tp__jw_sep(w);
    tp_buf_append(w->out, "null", 4);
}
TP__DEF void tp_jw_raw(tp_jw *w, const char *json) {
    tp__jw_sep(w);
    tp_buf_puts(w->out, json);
}
TP__DEF void tp_jw_value(tp_jw *w, const tp_json *v) {
    const tp_json *c;
    switch (tp_json_typeof(v)) {
    case TP_JSON_NONE:
    case TP_JSON_NULL: tp_jw_null(w); break;
    case TP_JSON_BOOL: tp_jw_bool(w, v->u.i != 0); break;
    case TP_JSON_INT: tp_jw_int(w, v->u.i); break;
    case TP_JSON_REAL: tp_jw_real(w, v->u.d); break;
    case TP_JSON_STRING: tp_jw_str_n(w, tp_json_str(v), v->u.s.len); break;
    case TP_JSON_ARRAY:
        tp_jw_arr(w);
        for (c = tp_json_first(v); c; c = tp_json_next(c)) tp_jw_value(w, c);
        tp_jw_arr_end(w);
        break;
    case TP_JSON_OBJECT:
        tp_jw_obj(w);
        for (c = tp_json_first(v); c; c = tp_json_next(c)) {
            tp__jw_sep(w);
            tp__json_escape(w->out, tp_json_key(c), c->tag >> TP__J_KEYSHIFT);
            tp_buf_append(w->out, ":", 1);
            w->after_key = true;
            tp_jw_value(w, c);
        }
        tp_jw_obj_end(w);
        break;
    }
}

TP__DEF tp_err tp_json_write(tp_buf *out, const tp_json *v) {
    tp_jw w;
    tp_jw_init(&w, out);
    tp_jw_value(&w, v);
    return out->err;
}

/* >>types (impl) ---------------------------------------------------------------------------
   Views are built on demand in the document's arena; a field with the wrong JSON type is
   treated as absent, a required field missing or mistyped makes the view fail. */

static const tp_user *tp__user_view(tp_json_doc *doc, const tp_json *j) {
    tp_user *u;
    if (tp_json_typeof(j) != TP_JSON_OBJECT || tp_json_typeof(tp_json_get(j, "id")) != TP_JSON_INT)
        return NULL;
    u = (tp_user *)tp__doc_alloc(doc, sizeof *u);
    if (!u) return NULL;
    u->id = tp_json_get_int(j, "id");
    u->is_bot = tp_json_get_bool(j, "is_bot");
    u->first_name = tp_json_get_str(j, "first_name");
    if (!u->first_name) u->first_name = "";
    u->last_name = tp_json_get_str(j, "last_name");
    u->username = tp_json_get_str(j, "username");
    u->language_code = tp_json_get_str(j, "language_code");
    u->json = j;
    return u;
}

static const tp_chat *tp__chat_view(tp_json_doc *doc, const tp_json *j) {
    tp_chat *c;
    if (tp_json_typeof(j) != TP_JSON_OBJECT || tp_json_typeof(tp_json_get(j, "id")) != TP_JSON_INT)
        return NULL;
    c = (tp_chat *)tp__doc_alloc(doc, sizeof *c);
    if (!c) return NULL;
    c->id = tp_json_get_int(j, "id");
    c->type = tp_json_get_str(j, "type");
    if (!c->type) c->type = "";
    c->title = tp_json_get_str(j, "title");
    c->username = tp_json_get_str(j, "username");
    c->first_name = tp_json_get_str(j, "first_name");
    c->last_name = tp_json_get_str(j, "last_name");
    c->json = j;
    return c;
}

static const tp_message *tp__message_view(tp_json_doc *doc, const tp_json *j, int depth,
                                          tp_error *err) {
    tp_message *m;
    const tp_json *r;
    if (tp_json_typeof(j) != TP_JSON_OBJECT ||
        tp_json_typeof(tp_json_get(j, "message_id")) != TP_JSON_INT) {
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "a message without an integer message_id");
        return NULL;
    }
    m = (tp_message *)tp__doc_alloc(doc, sizeof *m);
    if (!m) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    m->message_id = tp_json_get_int(j, "message_id");
    m->message_thread_id = tp_json_get_int(j, "message_thread_id");
    m->date = tp_json_get_int(j, "date");
    m->text = tp_json_get_str(j, "text");
    m->caption = tp_json_get_str(j, "caption");
    m->json = j;
    m->chat = tp__chat_view(doc, tp_json_get(j, "chat"));
    if (!m->chat) {
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "a message without a chat with an integer id");
        return NULL;
    }
    m->from_ = tp__user_view(doc, tp_json_get(j, "from"));
    r = tp_json_get(j, "reply_to_message");
    if (r && depth < 4) m->reply_to_message = tp__message_view(doc, r, depth + 1, NULL);
    return m;
}

TP__DEF const tp_message *tp_message_view(tp_json_doc *doc, const tp_json *message,
                                          tp_error *err) {
    const tp_message *m = tp__message_view(doc, message, 0, err);
    if (m) tp__ok(err);
    return m;
}

TP__DEF const tp_update *tp_update_view(tp_json_doc *doc, const tp_json *j, tp_error *err) {
    static const char *const kinds[4] = {"message", "edited_message", "channel_post",
                                         "edited_channel_post"};
    const tp_message *msgs[4];
    tp_update *u;
    int i;
    if (tp_json_typeof(j) != TP_JSON_OBJECT ||
        tp_json_typeof(tp_json_get(j, "update_id")) != TP_JSON_INT) {
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "an update without an integer update_id");
        return NULL;
    }
    for (i = 0; i < 4; i++) {
        const tp_json *mj = tp_json_get(j, kinds[i]);
        msgs[i] = NULL;
        if (mj && !(msgs[i] = tp__message_view(doc, mj, 0, err))) return NULL;
    }
    u = (tp_update *)tp__doc_alloc(doc, sizeof *u);
    if (!u) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    u->update_id = tp_json_get_int(j, "update_id");
    u->message = msgs[0];
    u->edited_message = msgs[1];
    u->channel_post = msgs[2];
    u->edited_channel_post = msgs[3];
    u->json = j;
    tp__ok(err);
    return u;
}

/* >>api (impl) -----------------------------------------------------------------------------
   A bot owns one HTTP connection behind a mutex. The token lives only in the request path;
   every text that leaves the library is scrubbed of it as a second line of defence. */

/* One connection with its lock and path buffer; a bot has one for calls and one for long
   polls, so a poll held for 30 s never delays a sendMessage from another thread. */
typedef struct tp__line {
    tp_http *http;              /* created on first use */
    pthread_mutex_t lock;
    tp_buf path;                /* request path, reused under the lock */
} tp__line;

struct tp_bot {
    char *token;
    char *api_url;
    char *prefix;               /* the API URL's path ("" or "/some/root"), before /bot<token> */
    tp__line calls, polls;
    int wake[2];                /* self-pipe: tp_bot_stop writes, long polls wake */
    volatile sig_atomic_t stop;
    int timeout_ms;
    int connect_timeout_ms;
    size_t max_body_bytes;
    char *ca_file;              /* TLS trust anchors and proxy options, for every line */
    char *proxy;
    bool no_env_proxy;
    tp_log_fn log;
    void *log_user;
};

/* Takes the line's lock and puts prefix/<kind><token>/<method> into its path buffer. */
static tp_err tp__line_begin(tp_bot *bot, tp__line *ln, const char *kind, tp_error *err) {
    pthread_mutex_lock(&ln->lock);
    if (!ln->http) {
        tp_http_opts ho;
        memset(&ho, 0, sizeof ho);
        ho.url = bot->api_url;
        ho.connect_timeout_ms = bot->connect_timeout_ms;
        ho.timeout_ms = bot->timeout_ms;
        ho.max_body_bytes = bot->max_body_bytes;
        ho.ca_file = bot->ca_file;
        ho.proxy = bot->proxy;
        ho.no_env_proxy = bot->no_env_proxy;
        ln->http = tp_http_new(&ho, err);
        if (!ln->http) {
            pthread_mutex_unlock(&ln->lock);
            return err ? err->code : TP_ERR_NOMEM;
        }
    }
    tp_buf_reset(&ln->path);
    tp_buf_puts(&ln->path, bot->prefix);
    tp_buf_puts(&ln->path, kind);
    tp_buf_puts(&ln->path, bot->token);
    tp_buf_puts(&ln->path, "/");
    if (ln->path.err) {
        pthread_mutex_unlock(&ln->lock);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    return TP_OK;
}

static void tp__log(tp_bot *bot, int level, const char *fmt, ...) TP__PRINTF(3, 4);
static void tp__log(tp_bot *bot, int level, const char *fmt, ...) {
    char text[512], *hit;
    va_list ap;
    if (!bot->log) return;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    while ((hit = strstr(text, bot->token)) != NULL) memset(hit, '*', strlen(bot->token));
    bot->log(bot->log_user, level, text);
}

/* Masks every occurrence of the token in the error's texts. */
static void tp__scrub(const tp_bot *bot, tp_error *err) {
    char *hit;
    size_t n = strlen(bot->token);
    if (!err || !n) return;
    while ((hit = strstr(err->message, bot->token)) != NULL) memset(hit, '*', n);
    while ((hit = strstr(err->description, bot->token)) != NULL) memset(hit, '*', n);
}

/* Puts "context: " in front of err->message. */
static void tp__prefix(tp_error *err, const char *context) {
    char tmp[sizeof err->message];
    size_t cl, ml;
    if (!err) return;
    cl = strlen(context);
    ml = strlen(err->message);
    if (cl + 2 >= sizeof tmp) return;
    if (cl + 2 + ml >= sizeof tmp) ml = sizeof tmp - cl - 3;
    memcpy(tmp, context, cl);
    memcpy(tmp + cl, ": ", 2);
    memcpy(tmp + cl + 2, err->message, ml);
    tmp[cl + 2 + ml] = '\0';
    memcpy(err->message, tmp, sizeof tmp);
}

TP__DEF tp_bot *tp_bot_new(const tp_bot_opts *opts, tp_error *err) {
    tp_bot_opts zero;
    tp_http_opts ho;
    const char *token, *url, *q;
    size_t ul;
    tp_bot *bot;
    if (!opts) {
        memset(&zero, 0, sizeof zero);
        opts = &zero;
    }
    token = opts->token ? opts->token : getenv("TELEGRAM_BOT_TOKEN");
    url = opts->api_url ? opts->api_url : getenv("TELEPOT_API_URL");
    if (!url || !*url) url = "https://api.telegram.org";
    if (!token || !*token) {
        tp__fail(err, TP_ERR_NO_TOKEN, 0, NULL);
        return NULL;
    }
    for (q = token; *q; q++)
        if (!((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
              *q == ':' || *q == '_' || *q == '-')) {
            tp__fail(err, TP_ERR_INVALID, 0, "the bot token has a character no token has");
            return NULL;
        }
    bot = (tp_bot *)tp__alloc(sizeof *bot);
    if (!bot) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(bot, 0, sizeof *bot);
    bot->wake[0] = bot->wake[1] = -1;
    bot->token = tp__strdup(token);
    bot->api_url = tp__strdup(url);
    if (!bot->token || !bot->api_url) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto fail;
    }
    ul = strlen(bot->api_url);
    while (ul > 0 && bot->api_url[ul - 1] == '/') bot->api_url[--ul] = '\0';
    {
        const char *hostp = strstr(bot->api_url, "://"), *path;
        path = hostp ? strchr(hostp + 3, '/') : NULL;
        bot->prefix = tp__strdup(path ? path : "");
        if (!bot->prefix) {
            tp__fail(err, TP_ERR_NOMEM, 0, NULL);
            goto fail;
        }
    }
    if (pipe(bot->wake) != 0) {
        tp__fail(err, TP_ERR_IO, errno, "pipe: %s", strerror(errno));
        bot->wake[0] = bot->wake[1] = -1;
        goto fail;
    }
    (void)tp__set_nonblock(bot->wake[0]);
    (void)tp__set_nonblock(bot->wake[1]);
    memset(&ho, 0, sizeof ho);
    ho.url = bot->api_url;
    ho.connect_timeout_ms = opts->connect_timeout_ms;
    ho.timeout_ms = opts->timeout_ms;
    ho.max_body_bytes = opts->max_body_bytes;
    bot->ca_file = opts->ca_file ? tp__strdup(opts->ca_file) : NULL;
    bot->proxy = opts->proxy ? tp__strdup(opts->proxy) : NULL;
    bot->no_env_proxy = opts->no_env_proxy;
    if ((opts->ca_file && !bot->ca_file) || (opts->proxy && !bot->proxy)) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto fail;
    }
    ho.ca_file = bot->ca_file;
    ho.proxy = bot->proxy;
    ho.no_env_proxy = bot->no_env_proxy;
    bot->calls.http = tp_http_new(&ho, err); /* checks the URL now; the poll line comes later */
    if (!bot->calls.http) goto fail;
    if (pthread_mutex_init(&bot->calls.lock, NULL) != 0) {
        tp__fail(err, TP_ERR_NOMEM, 0, "pthread_mutex_init failed");
        tp_http_free(bot->calls.http);
        goto fail;
    }
    if (pthread_mutex_init(&bot->polls.lock, NULL) != 0) {
        tp__fail(err, TP_ERR_NOMEM, 0, "pthread_mutex_init failed");
        pthread_mutex_destroy(&bot->calls.lock);
        tp_http_free(bot->calls.http);
        goto fail;
    }
    bot->timeout_ms = opts->timeout_ms > 0 ? opts->timeout_ms : 30000;
    bot->connect_timeout_ms = opts->connect_timeout_ms;
    bot->max_body_bytes = opts->max_body_bytes;
    bot->log = opts->log;
    bot->log_user = opts->log_user;
    tp__ok(err);
    return bot;
fail:
    if (bot->wake[0] >= 0) close(bot->wake[0]);
    if (bot->wake[1] >= 0) close(bot->wake[1]);
    tp__free(bot->token);
    tp__free(bot->api_url);
    tp__free(bot->prefix);
    tp__free(bot->ca_file);
    tp__free(bot->proxy);
    tp__free(bot);
    return NULL;
}

#define TP__SIG_SLOTS 8
static tp_bot *volatile tp__sig_bots[TP__SIG_SLOTS];
static struct sigaction tp__sig_old[2]; /* SIGINT, SIGTERM as they were before the first bot */
static int tp__sig_users;

/* Called with the bot leaving the slots: the last one gives the signals back. Signals are
   blocked meanwhile, so a handler never sees a bot that is being freed. */
static void tp__sig_release(tp_bot *bot) {
    sigset_t all, old;
    int i, found = 0;
    sigemptyset(&all);
    sigaddset(&all, SIGINT);
    sigaddset(&all, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    for (i = 0; i < TP__SIG_SLOTS; i++)
        if (tp__sig_bots[i] == bot) {
            tp__sig_bots[i] = NULL;
            found = 1;
        }
    if (found && --tp__sig_users == 0) {
        sigaction(SIGINT, &tp__sig_old[0], NULL);
        sigaction(SIGTERM, &tp__sig_old[1], NULL);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

TP__DEF void tp_bot_free(tp_bot *bot) {
    if (!bot) return;
    tp__sig_release(bot);
    tp_http_free(bot->calls.http);
    tp_http_free(bot->polls.http);
    pthread_mutex_destroy(&bot->calls.lock);
    pthread_mutex_destroy(&bot->polls.lock);
    close(bot->wake[0]);
    close(bot->wake[1]);
    tp_buf_deinit(&bot->calls.path);
    tp_buf_deinit(&bot->polls.path);
    memset(bot->token, 0, strlen(bot->token));
    tp__free(bot->token);
    tp__free(bot->api_url);
    tp__free(bot->prefix);
    tp__free(bot->ca_file);
    tp__free(bot->proxy);
    tp__free(bot);
}

TP__DEF void tp_bot_stop(tp_bot *bot) {
    int saved = errno;
    ssize_t rc;
    bot->stop = 1;
    rc = write(bot->wake[1], "s", 1); /* a full pipe is already a wake-up */
    (void)rc;
    errno = saved;
}

TP__DEF bool tp_bot_stopped(const tp_bot *bot) { return bot->stop != 0; }

static void tp__on_signal(int sig) {
    int i;
    (void)sig;
    for (i = 0; i < TP__SIG_SLOTS; i++) {
        tp_bot *b = tp__sig_bots[i];
        if (b) tp_bot_stop(b);
    }
}

TP__DEF tp_err tp_bot_stop_on_signals(tp_bot *bot) {
    struct sigaction sa;
    int i, slot = -1;
    for (i = 0; i < TP__SIG_SLOTS; i++) {
        if (tp__sig_bots[i] == bot) return TP_OK;
        if (!tp__sig_bots[i] && slot < 0) slot = i;
    }
    if (slot < 0) return TP_ERR_INVALID;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tp__on_signal;
    sigemptyset(&sa.sa_mask);
    if (tp__sig_users == 0 &&
        (sigaction(SIGINT, &sa, &tp__sig_old[0]) != 0 || sigaction(SIGTERM, &sa, &tp__sig_old[1]) != 0))
        return TP_ERR_IO;
    tp__sig_bots[slot] = bot;
    tp__sig_users++;
    return TP_OK;
}

/* Sleeps ms, or less when the bot is stopped. Returns false if stopped. */
static bool tp__bot_sleep(tp_bot *bot, int64_t ms) {
    int64_t deadline = tp_now_ms() + ms;
    while (!bot->stop) {
        struct pollfd pf;
        int left = tp__ms_left(deadline);
        if (left == 0) return true;
        pf.fd = bot->wake[0];
        pf.events = POLLIN;
        pf.revents = 0;
        (void)poll(&pf, 1, left);
    }
    return false;
}

/* Turns an HTTP answer into the result document or a Bot API error. */
static tp_err tp__api_answer(tp_bot *bot, const char *method, const tp_http_resp *resp,
                             tp_json_doc **out, tp_error *err) {
    tp_error jerr;
    tp_json_doc *doc;
    const tp_json *root, *ok;
    /* Nobody wants the result and it is a success as Telegram writes one: no need to parse. */
    if (!out && resp->status == 200 && resp->body_len > 10 &&
        memcmp(resp->body, "{\"ok\":true,", 10) == 0)
        return tp__ok(err);
    doc = tp_json_parse(resp->body, resp->body_len, &jerr);
    root = tp_json_root(doc);
    ok = tp_json_get(root, "ok");
    if (!doc) {
        tp__fail(err, TP_ERR_NOT_JSON, 0, "%s: HTTP %d answer is not JSON (%s%s%s)", method,
                 resp->status, resp->content_type[0] ? resp->content_type : "no content type",
                 resp->body_len ? ", " : "", resp->body_len ? jerr.message : ", empty");
        if (err) err->http_status = resp->status;
        return TP_ERR_NOT_JSON;
    }
    if (tp_json_typeof(ok) != TP_JSON_BOOL || (tp_json_bool(ok) && !tp_json_get(root, "result"))) {
        tp_json_doc_free(doc);
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "%s: HTTP %d answer is JSON but not a Bot API answer",
                 method, resp->status);
        if (err) err->http_status = resp->status;
        return TP_ERR_BAD_RESPONSE;
    }
    if (!tp_json_bool(ok)) {
        const tp_json *params = tp_json_get(root, "parameters");
        const char *raw = tp_json_get_str(root, "description");
        char *desc = raw ? tp__strdup(raw) : NULL, *hit;
        int code = (int)tp_json_get_int(root, "error_code");
        if (desc)
            while ((hit = strstr(desc, bot->token)) != NULL) memset(hit, '*', strlen(bot->token));
        tp__fail(err, TP_ERR_API, 0, "%s: Telegram error %d: %s", method, code,
                 desc ? desc : raw ? "(description unavailable)" : "(no description)");
        if (err) {
            err->http_status = resp->status;
            err->error_code = code;
            err->retry_after = (int)tp_json_get_int(params, "retry_after");
            err->migrate_to_chat_id = tp_json_get_int(params, "migrate_to_chat_id");
            if (desc) tp__strlcpy(err->description, desc, sizeof err->description);
            tp__scrub(bot, err);
        }
        tp__free(desc);
        tp_json_doc_free(doc);
        return TP_ERR_API;
    }
    if (out) *out = doc;
    else tp_json_doc_free(doc);
    return tp__ok(err);
}

/* One Bot API call. wake: a long poll, on its own connection, that tp_bot_stop may cut short. */
static tp_err tp__call(tp_bot *bot, const char *method, const char *params,
                       const tp_http_part *parts, size_t nparts, int timeout_ms, bool wake,
                       tp_json_doc **out, tp_error *err) {
    tp__line *ln = wake ? &bot->polls : &bot->calls;
    tp_http_req req;
    tp_http_resp resp;
    tp_err rc;
    TELEPOT_ASSERT(bot && method);
    if (out) *out = NULL;
    memset(&req, 0, sizeof req);
    rc = tp__line_begin(bot, ln, "/bot", err);
    if (rc != TP_OK) return rc;
    tp_buf_puts(&ln->path, method);
    if (ln->path.err) {
        pthread_mutex_unlock(&ln->lock);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    req.path = ln->path.ptr;
    req.body = params;
    req.body_len = params ? strlen(params) : 0;
    req.parts = parts;
    req.nparts = nparts;
    req.timeout_ms = timeout_ms > 0 ? timeout_ms : bot->timeout_ms;
    /* getters (getUpdates with its offset too) give the same answer when asked twice */
    req.idempotent = strncmp(method, "get", 3) == 0 && method[3] >= 'A' && method[3] <= 'Z';
    ln->http->conn.wake_fd = wake ? bot->wake[0] : -1;
    rc = tp_http_request(ln->http, &req, &resp, err);
    ln->http->conn.wake_fd = -1;
    if (rc == TP_OK) rc = tp__api_answer(bot, method, &resp, out, err);
    else tp__prefix(err, method);
    if (rc != TP_OK) tp__scrub(bot, err);
    pthread_mutex_unlock(&ln->lock);
    if (rc != TP_OK) tp__log(bot, 1, "%s", err ? err->message : tp_strerror(rc));
    return rc;
}

TP__DEF tp_err tp_call(tp_bot *bot, const char *method, const char *params, tp_json_doc **out,
                       tp_error *err) {
    return tp__call(bot, method, params, NULL, 0, 0, false, out, err);
}

TP__DEF tp_err tp_call_multipart(tp_bot *bot, const char *method, const tp_http_part *parts,
                                 size_t nparts, tp_json_doc **out, tp_error *err) {
    return tp__call(bot, method, NULL, parts, nparts, 0, false, out, err);
}

TP__DEF const tp_json *tp_result(const tp_json_doc *doc) {
    return tp_json_get(tp_json_root(doc), "result");
}

TP__DEF tp_err tp_get_me(tp_bot *bot, tp_json_doc **out, tp_error *err) {
    return tp_call(bot, "getMe", NULL, out, err);
}

static void tp__jw_chat_id(tp_jw *w, tp_chat_id id) {
    tp_jw_key(w, "chat_id");
    if (id.username) tp_jw_str(w, id.username);
    else tp_jw_int(w, id.id);
}

/* Writes {"offset":..,"limit":..,"timeout":..,"allowed_updates":[..]} with absent parts left out. */
static void tp__updates_params(tp_buf *b, int64_t offset, int limit, int timeout,
                               const char *const *allowed) {
    tp_jw w;
    tp_jw_init(&w, b);
    tp_jw_obj(&w);
    if (offset) {
        tp_jw_key(&w, "offset");
        tp_jw_int(&w, offset);
    }
    if (limit) {
        tp_jw_key(&w, "limit");
        tp_jw_int(&w, limit);
    }
    tp_jw_key(&w, "timeout");
    tp_jw_int(&w, timeout);
    if (allowed) {
        tp_jw_key(&w, "allowed_updates");
        tp_jw_arr(&w);
        for (; *allowed; allowed++) tp_jw_str(&w, *allowed);
        tp_jw_arr_end(&w);
    }
    tp_jw_obj_end(&w);
}

/* The HTTP deadline of a long poll: Telegram holds it `timeout` seconds, plus slack. */
static int tp__poll_deadline_ms(int timeout) {
    if (timeout > 86400) timeout = 86400; /* a day: beyond any server's hold */
    return timeout * 1000 + 15000;
}

TP__DEF tp_err tp_get_updates(tp_bot *bot, const tp_get_updates_args *a, tp_json_doc **out,
                              tp_error *err) {
    tp_buf b;
    tp_buf_init(&b);
    tp_err rc;
    tp_get_updates_args none;
    if (!a) {
        memset(&none, 0, sizeof none);
        a = &none;
    }
    tp__updates_params(&b, a->offset, a->limit, a->timeout, a->allowed_updates);
    if (b.err) {
        tp_buf_deinit(&b);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    rc = tp__call(bot, "getUpdates", b.ptr, NULL, 0, tp__poll_deadline_ms(a->timeout), a->timeout > 0, out,
                  err);
    tp_buf_deinit(&b);
    return rc;
}

TP__DEF tp_err tp_send_message(tp_bot *bot, const tp_send_message_args *a, tp_json_doc **out,
                               tp_error *err) {
    tp_buf b;
    tp_buf_init(&b);
    tp_jw w;
    tp_err rc;
    TELEPOT_ASSERT(a && a->text);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    tp__jw_chat_id(&w, a->chat_id);
    tp_jw_key(&w, "text");
    tp_jw_str(&w, a->text);
    if (a->message_thread_id) {
        tp_jw_key(&w, "message_thread_id");
        tp_jw_int(&w, a->message_thread_id);
    }
    if (a->parse_mode) {
        tp_jw_key(&w, "parse_mode");
        tp_jw_str(&w, a->parse_mode);
    }
    if (a->reply_to_message_id) {
        tp_jw_key(&w, "reply_parameters");
        tp_jw_obj(&w);
        tp_jw_key(&w, "message_id");
        tp_jw_int(&w, a->reply_to_message_id);
        tp_jw_obj_end(&w);
    }
    if (a->disable_notification) {
        tp_jw_key(&w, "disable_notification");
        tp_jw_bool(&w, true);
    }
    if (a->protect_content) {
        tp_jw_key(&w, "protect_content");
        tp_jw_bool(&w, true);
    }
    if (a->reply_markup) {
        tp_jw_key(&w, "reply_markup");
        tp_jw_raw(&w, a->reply_markup);
    }
    tp_jw_obj_end(&w);
    if (b.err) {
        tp_buf_deinit(&b);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    rc = tp_call(bot, "sendMessage", b.ptr, out, err);
    tp_buf_deinit(&b);
    return rc;
}

TP__DEF tp_err tp_get_file(tp_bot *bot, const char *file_id, tp_json_doc **out, tp_error *err) {
    tp_buf b;
    tp_buf_init(&b);
    tp_jw w;
    tp_err rc;
    TELEPOT_ASSERT(file_id);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    tp_jw_key(&w, "file_id");
    tp_jw_str(&w, file_id);
    tp_jw_obj_end(&w);
    if (b.err) {
        tp_buf_deinit(&b);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    rc = tp_call(bot, "getFile", b.ptr, out, err);
    tp_buf_deinit(&b);
    return rc;
}

TP__DEF tp_err tp_download_file(tp_bot *bot, const char *file_id, int fd, tp_error *err) {
    static const char hex[] = "0123456789ABCDEF";
    tp_json_doc *doc = NULL;
    const char *path;
    tp_http_req req;
    tp_http_resp resp;
    tp_err rc = tp_get_file(bot, file_id, &doc, err);
    if (rc != TP_OK) return rc;
    path = tp_json_get_str(tp_result(doc), "file_path");
    if (!path || !*path) {
        tp_json_doc_free(doc);
        return tp__fail(err, TP_ERR_BAD_RESPONSE, 0,
                        "getFile: no file_path in the answer (file too big or gone?)");
    }
    memset(&req, 0, sizeof req);
    rc = tp__line_begin(bot, &bot->calls, "/file/bot", err);
    if (rc != TP_OK) {
        tp_json_doc_free(doc);
        return rc;
    }
    for (; *path; path++) { /* percent-encode all but unreserved characters and '/' */
        unsigned char c = (unsigned char)*path;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            tp_buf_append(&bot->calls.path, path, 1);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            tp_buf_append(&bot->calls.path, e, 3);
        }
    }
    tp_json_doc_free(doc);
    if (bot->calls.path.err) {
        pthread_mutex_unlock(&bot->calls.lock);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    req.path = bot->calls.path.ptr;
    req.to_fd = true;
    req.out_fd = fd;
    req.timeout_ms = bot->timeout_ms > 600000 ? bot->timeout_ms : 600000;
    rc = tp_http_request(bot->calls.http, &req, &resp, err);
    if (rc == TP_OK && (resp.status < 200 || resp.status > 299)) {
        rc = tp__fail(err, TP_ERR_HTTP_STATUS, 0, "download: HTTP status %d", resp.status);
        if (err) err->http_status = resp.status;
    } else if (rc != TP_OK) {
        tp__prefix(err, "download");
    }
    tp__scrub(bot, err);
    pthread_mutex_unlock(&bot->calls.lock);
    return rc;
}

TP__DEF tp_err tp_download_file_to(tp_bot *bot, const char *file_id, const char *path,
                                   tp_error *err) {
    tp_err rc;
    tp_buf part;
    int fd;
    tp_buf_init(&part);
    tp_buf_puts(&part, path);
    tp_buf_puts(&part, ".part");
    if (part.err) return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    fd = open(part.ptr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        rc = tp__fail(err, TP_ERR_FILE, errno, "cannot create %s: %s", part.ptr, strerror(errno));
        tp_buf_deinit(&part);
        return rc;
    }
    rc = tp_download_file(bot, file_id, fd, err);
    if (close(fd) != 0 && rc == TP_OK)
        rc = tp__fail(err, TP_ERR_FILE, errno, "closing %s: %s", part.ptr, strerror(errno));
    if (rc == TP_OK && rename(part.ptr, path) != 0)
        rc = tp__fail(err, TP_ERR_FILE, errno, "renaming to %s: %s", path, strerror(errno));
    if (rc != TP_OK) unlink(part.ptr);
    tp_buf_deinit(&part);
    return rc;
}

/* telepot's flavor and glance. */

static const struct {
    const char *key;
    tp_flavor flavor;
} tp__update_kinds[] = {
    {"message", TP_FLAVOR_CHAT},
    {"edited_message", TP_FLAVOR_EDITED_CHAT},
    {"channel_post", TP_FLAVOR_CHANNEL},
    {"edited_channel_post", TP_FLAVOR_EDITED_CHANNEL},
    {"business_message", TP_FLAVOR_BUSINESS},
    {"edited_business_message", TP_FLAVOR_BUSINESS},
    {"business_connection", TP_FLAVOR_BUSINESS},
    {"deleted_business_messages", TP_FLAVOR_BUSINESS},
    {"callback_query", TP_FLAVOR_CALLBACK_QUERY},
    {"inline_query", TP_FLAVOR_INLINE_QUERY},
    {"chosen_inline_result", TP_FLAVOR_CHOSEN_INLINE_RESULT},
    {"shipping_query", TP_FLAVOR_SHIPPING_QUERY},
    {"pre_checkout_query", TP_FLAVOR_PRE_CHECKOUT_QUERY},
    {"poll", TP_FLAVOR_POLL},
    {"poll_answer", TP_FLAVOR_POLL_ANSWER},
    {"my_chat_member", TP_FLAVOR_MY_CHAT_MEMBER},
    {"chat_member", TP_FLAVOR_CHAT_MEMBER},
    {"chat_join_request", TP_FLAVOR_CHAT_JOIN_REQUEST},
    {"message_reaction", TP_FLAVOR_REACTION},
    {"message_reaction_count", TP_FLAVOR_REACTION},
    {"chat_boost", TP_FLAVOR_BOOST},
    {"removed_chat_boost", TP_FLAVOR_BOOST},
    {"purchased_paid_media", TP_FLAVOR_PURCHASED_PAID_MEDIA},
};

TP__DEF const char *tp_flavor_name(tp_flavor f) {
    static const char *const names[] = {
        "raw", "chat", "edited_chat", "channel", "edited_channel", "business", "callback_query",
        "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll",
        "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "reaction", "boost",
        "purchased_paid_media"};
    return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "raw";
}

TP__DEF tp_flavor tp_flavor_of(const tp_json *v) {
    size_t i;
    if (tp_json_typeof(v) != TP_JSON_OBJECT) return TP_FLAVOR_RAW;
    if (tp_json_get(v, "update_id")) {
        for (i = 0; i < sizeof tp__update_kinds / sizeof tp__update_kinds[0]; i++)
            if (tp_json_get(v, tp__update_kinds[i].key)) return tp__update_kinds[i].flavor;
        return TP_FLAVOR_RAW;
    }
    /* A bare object, as telepot 6 took them: recognise it by its fields. */
    if (tp_json_get(v, "message_id")) return TP_FLAVOR_CHAT;
    if (tp_json_get(v, "chat_instance")) return TP_FLAVOR_CALLBACK_QUERY;
    if (tp_json_get(v, "result_id")) return TP_FLAVOR_CHOSEN_INLINE_RESULT;
    if (tp_json_get(v, "query") && tp_json_get(v, "offset")) return TP_FLAVOR_INLINE_QUERY;
    if (tp_json_get(v, "shipping_address")) return TP_FLAVOR_SHIPPING_QUERY;
    if (tp_json_get(v, "total_amount") && tp_json_get(v, "invoice_payload"))
        return TP_FLAVOR_PRE_CHECKOUT_QUERY;
    return TP_FLAVOR_RAW;
}

TP__DEF const tp_json *tp_update_payload(const tp_json *u) {
    size_t i;
    for (i = 0; i < sizeof tp__update_kinds / sizeof tp__update_kinds[0]; i++) {
        const tp_json *p = tp_json_get(u, tp__update_kinds[i].key);
        if (p) return p;
    }
    /* an update kind newer than this library: the first member that is not update_id */
    if (tp_json_typeof(u) != TP_JSON_OBJECT) return NULL;
    for (u = tp_json_first(u); u; u = tp_json_next(u))
        if (strcmp(tp_json_key(u), "update_id") != 0) return u;
    return NULL;
}

/* Message fields that carry content, most specific first (animation messages also carry
   document; that order makes them "animation"). */
static const char *const tp__content_types[] = {
    "text", "animation", "audio", "document", "live_photo", "paid_media", "photo", "sticker",
    "story", "video", "video_note", "voice", "checklist", "contact", "dice", "game", "poll",
    "venue", "location", "new_chat_members", "left_chat_member", "chat_owner_left",
    "chat_owner_changed", "new_chat_title", "new_chat_photo", "delete_chat_photo",
    "group_chat_created", "supergroup_chat_created", "channel_chat_created",
    "message_auto_delete_timer_changed", "migrate_to_chat_id", "migrate_from_chat_id",
    "pinned_message", "invoice", "successful_payment", "refunded_payment", "users_shared",
    "chat_shared", "gift", "unique_gift", "gift_upgrade_sent", "connected_website",
    "write_access_allowed", "passport_data", "proximity_alert_triggered", "boost_added",
    "chat_background_set", "checklist_tasks_done", "checklist_tasks_added",
    "direct_message_price_changed", "forum_topic_created", "forum_topic_edited",
    "forum_topic_closed", "forum_topic_reopened", "general_forum_topic_hidden",
    "general_forum_topic_unhidden", "giveaway_created", "giveaway", "giveaway_winners",
    "giveaway_completed", "managed_bot_created", "paid_message_price_changed",
    "poll_option_added", "poll_option_deleted", "suggested_post_approved",
    "suggested_post_approval_failed", "suggested_post_declined", "suggested_post_paid",
    "suggested_post_refunded", "video_chat_scheduled", "video_chat_started", "video_chat_ended",
    "video_chat_participants_invited", "web_app_data", "rich_message"};

TP__DEF tp_glance_info tp_glance(const tp_json *msg) {
    tp_glance_info g;
    const tp_json *chat = tp_json_get(msg, "chat"), *m;
    size_t best = sizeof tp__content_types / sizeof tp__content_types[0], i;
    g.content_type = "unknown";
    g.chat_type = tp_json_get_str(chat, "type");
    if (tp_json_typeof(msg) != TP_JSON_OBJECT) msg = NULL; /* only objects have keys */
    if (!g.chat_type) g.chat_type = "";
    g.chat_id = tp_json_get_int(chat, "id");
    for (m = tp_json_first(msg); m; m = tp_json_next(m)) {
        const char *k = tp_json_key(m);
        if (!k) break; /* an array, not a message: no keys */
        for (i = 0; i < best; i++)
            if (strcmp(k, tp__content_types[i]) == 0) {
                best = i;
                break;
            }
    }
    if (best < sizeof tp__content_types / sizeof tp__content_types[0])
        g.content_type = tp__content_types[best];
    return g;
}

/* >>updates (impl) ------------------------------------------------------------------------
   Long polling. The offset moves past an update only once its handler has returned, and a
   stop confirms it with one more short getUpdates, so a restart neither repeats nor loses.
   The poll has its own connection (its waits are cut short by the bot's self-pipe); the stop's
   confirmation goes over the bot's connection, which a stop does not interrupt. */

static uint32_t tp__jitter(uint32_t *s) { /* xorshift32 */
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* The dispatcher: worker k owns a FIFO ring; key % workers picks it, so a chat's updates run
   in arrival order on one thread. One mutex; `pending` counts queued + running items. */
typedef struct tp__ditem {
    const tp_update *u;
    tp_json_doc *doc; /* owned, or NULL */
} tp__ditem;

typedef struct tp__dworker {
    struct tp_disp *d;
    pthread_t th;
    pthread_cond_t cond;   /* an item arrived, or the end */
    tp__ditem *ring;
    size_t head, len;
    bool started;
} tp__dworker;

struct tp_disp {
    tp_bot *bot;
    tp_update_fn handler;
    void *user;
    pthread_mutex_t lock;
    pthread_cond_t space;  /* a ring has room again */
    pthread_cond_t idle;   /* pending reached 0 */
    size_t pending, cap;
    int nworkers;
    bool quit;
    tp__dworker *w;
};

static void *tp__disp_main(void *arg) {
    tp__dworker *w = (tp__dworker *)arg;
    tp_disp *d = w->d;
    pthread_mutex_lock(&d->lock);
    for (;;) {
        tp__ditem it;
        while (!w->len && !d->quit) pthread_cond_wait(&w->cond, &d->lock);
        if (!w->len) break;
        it = w->ring[w->head];
        w->head = (w->head + 1) % d->cap;
        w->len--;
        pthread_cond_broadcast(&d->space);
        pthread_mutex_unlock(&d->lock);
        d->handler(d->bot, it.u, d->user);
        tp_json_doc_free(it.doc);
        pthread_mutex_lock(&d->lock);
        if (--d->pending == 0) pthread_cond_broadcast(&d->idle);
    }
    pthread_mutex_unlock(&d->lock);
    return NULL;
}

TP__DEF tp_disp *tp_disp_new(tp_bot *bot, tp_update_fn handler, void *user,
                             const tp_disp_opts *opts, tp_error *err) {
    tp_disp *d;
    int i, n = opts && opts->workers > 0 ? opts->workers : 4;
    size_t cap = opts && opts->queue_size > 0 ? (size_t)opts->queue_size : 256;
    TELEPOT_ASSERT(handler);
    if (n > 1024) n = 1024;
    d = (tp_disp *)tp__alloc(sizeof *d);
    if (!d) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(d, 0, sizeof *d);
    d->bot = bot;
    d->handler = handler;
    d->user = user;
    d->cap = cap;
    d->w = (tp__dworker *)tp__alloc(sizeof *d->w * (size_t)n);
    if (!d->w) {
        tp__free(d);
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(d->w, 0, sizeof *d->w * (size_t)n);
    pthread_mutex_init(&d->lock, NULL);
    pthread_cond_init(&d->space, NULL);
    pthread_cond_init(&d->idle, NULL);
    for (i = 0; i < n; i++) {
        tp__dworker *w = &d->w[i];
        w->d = d;
        pthread_cond_init(&w->cond, NULL);
        d->nworkers = i + 1;
        w->ring = (tp__ditem *)tp__alloc(sizeof *w->ring * cap);
        if (!w->ring || pthread_create(&w->th, NULL, tp__disp_main, w) != 0) {
            tp__fail(err, w->ring ? TP_ERR_IO : TP_ERR_NOMEM, 0,
                     "cannot start the dispatcher's threads");
            tp_disp_free(d);
            return NULL;
        }
        w->started = true;
    }
    tp__ok(err);
    return d;
}

TP__DEF tp_err tp_disp_push(tp_disp *d, const tp_update *u, tp_json_doc *owned_doc) {
    tp__dworker *w;
    uint64_t key = (uint64_t)tp_update_key(u->json);
    key ^= key >> 29; /* chat ids of one kind share low bits less than one might hope */
    key *= UINT64_C(0x9E3779B97F4A7C15);
    w = &d->w[(key >> 32) % (uint64_t)d->nworkers];
    pthread_mutex_lock(&d->lock);
    while (w->len == d->cap) pthread_cond_wait(&d->space, &d->lock);
    w->ring[(w->head + w->len) % d->cap].u = u;
    w->ring[(w->head + w->len) % d->cap].doc = owned_doc;
    w->len++;
    d->pending++;
    pthread_cond_signal(&w->cond);
    pthread_mutex_unlock(&d->lock);
    return TP_OK;
}

TP__DEF void tp_disp_drain(tp_disp *d) {
    pthread_mutex_lock(&d->lock);
    while (d->pending) pthread_cond_wait(&d->idle, &d->lock);
    pthread_mutex_unlock(&d->lock);
}

TP__DEF void tp_disp_free(tp_disp *d) {
    int i;
    if (!d) return;
    pthread_mutex_lock(&d->lock);
    d->quit = true;
    for (i = 0; i < d->nworkers; i++) pthread_cond_signal(&d->w[i].cond);
    pthread_mutex_unlock(&d->lock);
    for (i = 0; i < d->nworkers; i++) {
        if (d->w[i].started) pthread_join(d->w[i].th, NULL);
        pthread_cond_destroy(&d->w[i].cond);
        tp__free(d->w[i].ring);
    }
    pthread_cond_destroy(&d->space);
    pthread_cond_destroy(&d->idle);
    pthread_mutex_destroy(&d->lock);
    tp__free(d->w);
    tp__free(d);
}

TP__DEF int64_t tp_update_key(const tp_json *update) {
    const tp_json *p = tp_update_payload(update), *chat = tp_json_get(p, "chat");
    if (!chat) chat = tp_json_get(tp_json_get(p, "message"), "chat"); /* callback_query */
    if (tp_json_typeof(tp_json_get(chat, "id")) == TP_JSON_INT) return tp_json_get_int(chat, "id");
    p = tp_json_get(p, "from") ? tp_json_get(p, "from") : tp_json_get(p, "user");
    return tp_json_get_int(p, "id");
}

/* The first occurrence of needle in hay, or NULL. */
static const char *tp__memmem(const char *hay, size_t hn, const char *needle, size_t nn) {
    const char *p = hay, *end = hay + hn;
    while (nn && (size_t)(end - p) >= nn) {
        p = (const char *)memchr(p, needle[0], (size_t)(end - p) - nn + 1);
        if (!p) break;
        if (memcmp(p, needle, nn) == 0) return p;
        p++;
    }
    return NULL;
}

/* The poller's state. */
typedef struct tp__poll {
    tp_bot *bot;
    tp_http *http;
    tp_buf path, params;
    tp_update_fn handler;
    void *user;
    const tp_poll_opts *o;
    tp_disp *disp;
    bool offset_warned;
} tp__poll;

static void tp__bad_update(tp_bot *bot, tp_bad_update_fn fn, void *user, const char *raw,
                           size_t len, const tp_error *why, int64_t id) {
    if (fn) fn(bot, raw ? raw : "", len, why, user);
    else tp__log(bot, 1, "update %lld cannot be read (%s); skipped", (long long)id, why->message);
}

/* Writes the next offset to the file (tmp + rename: a crash leaves the old or the new one). */
static void tp__offset_save(tp__poll *p, int64_t offset) {
    char tmp[4096], num[24];
    int fd, n;
    bool ok = false;
    if (!p->o->offset_file || strlen(p->o->offset_file) + 5 > sizeof tmp) return;
    snprintf(tmp, sizeof tmp, "%s.tmp", p->o->offset_file);
    n = snprintf(num, sizeof num, "%lld\n", (long long)offset);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        ok = write(fd, num, (size_t)n) == n;
        ok = close(fd) == 0 && ok;
        ok = ok && rename(tmp, p->o->offset_file) == 0;
    }
    if (!ok && !p->offset_warned) {
        p->offset_warned = true;
        tp__log(p->bot, 1, "cannot write the offset file: %s", strerror(errno));
    }
}

static int64_t tp__offset_load(const char *path) {
    char num[32];
    ssize_t n;
    int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0) return 0;
    n = read(fd, num, sizeof num - 1);
    close(fd);
    if (n <= 0) return 0;
    num[n] = '\0';
    return strtoll(num, NULL, 10);
}

/* TLS failures that retrying cannot mend: the certificate, the CA setup, the protocol. A
   handshake that merely broke (TP_ERR_TLS_HANDSHAKE) may work next time. */
static bool tp__tls_fatal(tp_err rc) {
    return rc == TP_ERR_TLS_DISABLED || rc == TP_ERR_TLS_UNTRUSTED || rc == TP_ERR_TLS_EXPIRED ||
           rc == TP_ERR_TLS_NOT_YET_VALID || rc == TP_ERR_TLS_HOSTNAME || rc == TP_ERR_TLS_CHAIN ||
           rc == TP_ERR_TLS_NOT_TLS || rc == TP_ERR_TLS_VERSION || rc == TP_ERR_TLS_CA;
}

/* One getUpdates on the poller's connection. raw, raw_len: the answer's body (valid until the
   next request), so that an unreadable answer can be reported. */
static tp_err tp__poll_get(tp__poll *p, int64_t offset, int limit, int timeout, tp_json_doc **doc,
                           const char **raw, size_t *raw_len, bool *api_like, tp_error *e) {
    tp_http_req req;
    tp_http_resp resp;
    tp_err rc;
    *doc = NULL;
    *raw = NULL;
    *raw_len = 0;
    *api_like = false;
    tp_buf_reset(&p->params);
    tp__updates_params(&p->params, offset, limit, timeout, p->o->allowed_updates);
    if (p->params.err) return tp__fail(e, TP_ERR_NOMEM, 0, NULL);
    memset(&req, 0, sizeof req);
    req.method = "POST";
    req.path = p->path.ptr;
    req.body = p->params.ptr;
    req.body_len = p->params.len;
    req.timeout_ms = timeout * 1000 + (p->o->slack_ms > 0 ? p->o->slack_ms : 15000);
    req.idempotent = true;
    rc = tp_http_request(p->http, &req, &resp, e);
    if (rc != TP_OK) {
        tp__prefix(e, "getUpdates");
        tp__scrub(p->bot, e);
        return rc;
    }
    *raw = resp.body;
    *raw_len = resp.body_len;
    { /* a 2xx that starts like Telegram's answer: {"ok":true (not a proxy's page) */
        const char *b = resp.body, *end = resp.body + resp.body_len;
        while (b < end && (*b == ' ' || *b == '\n' || *b == '\r' || *b == '\t')) b++;
        *api_like = resp.status / 100 == 2 && b < end && *b == '{' &&
                    tp__memmem(b, (size_t)(end - b) < 32 ? (size_t)(end - b) : 32, "\"ok\":true", 9);
    }
    rc = tp__api_answer(p->bot, "getUpdates", &resp, doc, e);
    if (rc == TP_OK && tp_json_typeof(tp_result(*doc)) != TP_JSON_ARRAY) {
        tp_json_doc_free(*doc);
        *doc = NULL;
        rc = tp__fail(e, TP_ERR_BAD_RESPONSE, 0, "getUpdates: the result is not an array");
        e->http_status = resp.status;
    }
    return rc;
}

/* The first "update_id":N in a raw text at or above `from`, else -1. */
static int64_t tp__scan_update_id(const char *s, size_t n, int64_t from) {
    const char *end = s + n, *q = s;
    while (s && (q = (const char *)memchr(q, '"', (size_t)(end - q))) != NULL) {
        q++;
        if ((size_t)(end - q) > 11 && memcmp(q, "update_id\"", 10) == 0) {
            const char *d = q + 10;
            int64_t v = 0;
            while (d < end && (*d == ' ' || *d == ':' || *d == '\t' || *d == '\n' || *d == '\r'))
                d++;
            if (d < end && *d >= '0' && *d <= '9') {
                while (d < end && *d >= '0' && *d <= '9' && v < INT64_MAX / 10)
                    v = v * 10 + (*d++ - '0');
                if (v >= from) return v;
            }
        }
    }
    return -1;
}

TP__DEF tp_err tp_poll_run(tp_bot *bot, tp_update_fn handler, void *user, const tp_poll_opts *opts,
                           tp_error *err) {
    tp_poll_opts zero;
    tp__poll p;
    tp_http_opts ho;
    int timeout, limit;
    int64_t offset = 0, backoff = 0, fail_offset = -1, bmin, bmax;
    bool api_like = false;
    int fails = 0; /* unreadable 2xx answers in a row at fail_offset */
    bool dirty = false;
    uint32_t seed = (uint32_t)tp_now_ms() ^ (uint32_t)(uintptr_t)bot;
    tp_err rc = TP_OK;
    TELEPOT_ASSERT(bot && handler);
    if (!opts) {
        memset(&zero, 0, sizeof zero);
        opts = &zero;
    }
    if (!seed) seed = 1;
    memset(&p, 0, sizeof p);
    p.bot = bot;
    p.handler = handler;
    p.user = user;
    p.o = opts;
    timeout = opts->timeout > 0 ? opts->timeout : 30;
    limit = opts->limit > 0 && opts->limit <= 100 ? opts->limit : 100;
    bmin = opts->backoff_min_ms > 0 ? opts->backoff_min_ms : 500;
    bmax = opts->backoff_max_ms > 0 ? opts->backoff_max_ms : 60000;
    if (bmax < bmin) bmax = bmin;
    memset(&ho, 0, sizeof ho);
    ho.url = bot->api_url;
    ho.use_wake_fd = true;
    ho.wake_fd = bot->wake[0];
    ho.connect_timeout_ms = bot->connect_timeout_ms;
    ho.max_body_bytes = bot->max_body_bytes;
    ho.ca_file = bot->ca_file;
    ho.proxy = bot->proxy;
    ho.no_env_proxy = bot->no_env_proxy;
    p.http = tp_http_new(&ho, err);
    if (!p.http) return err ? err->code : TP_ERR_NOMEM;
    tp_buf_printf(&p.path, "%s/bot%s/getUpdates", bot->prefix, bot->token);
    if (p.path.err) {
        rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto out;
    }
    if (opts->workers > 0) {
        tp_disp_opts dopts;
        memset(&dopts, 0, sizeof dopts);
        dopts.workers = opts->workers;
        dopts.queue_size = 100;
        p.disp = tp_disp_new(bot, handler, user, &dopts, err);
        if (!p.disp) {
            rc = err ? err->code : TP_ERR_NOMEM;
            goto out;
        }
    }
    offset = tp__offset_load(opts->offset_file);
    while (opts->drop_pending_updates && !bot->stop) {
        tp_json_doc *doc = NULL;
        const char *raw;
        size_t rawn;
        tp_error e;
        rc = tp__poll_get(&p, -1, 1, 0, &doc, &raw, &rawn, &api_like, &e);
        if (rc == TP_OK) {
            const tp_json *last = tp_json_at(tp_result(doc), 0);
            if (last && tp_json_get_int(last, "update_id") + 1 > offset) {
                offset = tp_json_get_int(last, "update_id") + 1;
                dirty = true;
            }
            tp_json_doc_free(doc);
            break;
        }
        if (rc == TP_ERR_STOPPED) break;
        if (rc == TP_ERR_API && e.error_code != 429 && e.error_code < 500) {
            if (err) *err = e;
            goto out;
        }
        if (!tp__bot_sleep(bot, bmin)) break;
    }
    rc = TP_OK;
    while (!bot->stop) {
        tp_json_doc *doc = NULL;
        tp_error e;
        const tp_json *list, *u;
        const char *raw;
        size_t rawn;
        int64_t before = offset, wait;
        bool empty;
        int lim = fails >= 3 && fail_offset == offset ? 1 : limit;
        rc = tp__poll_get(&p, offset, lim, timeout, &doc, &raw, &rawn, &api_like, &e);
        if (rc == TP_ERR_STOPPED) {
            rc = TP_OK;
            break;
        }
        if (rc == TP_ERR_NOMEM || rc == TP_ERR_URL || rc == TP_ERR_TLS_DISABLED) {
            if (err) *err = e;
            break;
        }
        if (rc == TP_OK) {
            list = tp_result(doc);
            for (u = tp_json_first(list); u; u = tp_json_next(u)) {
                int64_t id = tp_json_get_int(u, "update_id");
                const tp_update *view;
                if (tp_json_typeof(tp_json_get(u, "update_id")) != TP_JSON_INT || id < 0 ||
                    id == INT64_MAX) { /* offset = id + 1 must stay a positive int64 */
                    tp_buf one;
                    tp_buf_init(&one);
                    tp_json_write(&one, u);
                    tp__fail(&e, TP_ERR_BAD_RESPONSE, 0, "an update without an integer update_id");
                    tp__bad_update(bot, opts->on_bad_update, user, one.ptr, one.len, &e, -1);
                    tp_buf_deinit(&one);
                    continue;
                }
                if (offset && id < offset) continue; /* already handled */
                view = tp_update_view(doc, u, &e);
                if (view && p.disp) {
                    tp_disp_push(p.disp, view, NULL);
                } else if (view) {
                    handler(bot, view, user);
                } else {
                    tp_buf one;
                    tp_buf_init(&one);
                    tp_json_write(&one, u);
                    tp__bad_update(bot, opts->on_bad_update, user, one.ptr, one.len, &e, id);
                    tp_buf_deinit(&one);
                }
                offset = id + 1;
                dirty = true;
                if (!p.disp) tp__offset_save(&p, offset);
                if (bot->stop && !p.disp) break;
            }
            if (p.disp) {
                tp_disp_drain(p.disp);
                if (offset != before) tp__offset_save(&p, offset);
            }
            empty = tp_json_first(list) == NULL;
            tp_json_doc_free(doc);
            backoff = 0;
            if (offset != before || empty) {
                fails = 0;
                dirty = offset != before;
                continue;
            }
            /* a batch that moved nothing: as unreadable as a broken one */
            rc = tp__fail(&e, TP_ERR_BAD_RESPONSE, 0, "getUpdates: a batch without usable update_ids");
            e.http_status = 200;
            api_like = true;
        }
        if (rc == TP_ERR_API && e.error_code == 429) {
            wait = (int64_t)(e.retry_after > 0 ? e.retry_after : 1) * 1000;
        } else if ((rc == TP_ERR_API && (e.error_code == 401 || e.error_code == 404 ||
                                         e.error_code == 400 ||
                                         (e.error_code == 409 && !opts->retry_on_conflict))) ||
                   ((rc == TP_ERR_NOT_JSON || rc == TP_ERR_BAD_RESPONSE) &&
                    (e.http_status == 401 || e.http_status == 404)) || /* a wrong API URL */
                   tp__tls_fatal(rc)) { /* a certificate that will not change by itself */
            if (err) *err = e;
            break; /* the token, the URL, the options or another poller: retrying cannot help */
        } else {
            if (((rc == TP_ERR_NOT_JSON || rc == TP_ERR_BAD_RESPONSE) && api_like) ||
                rc == TP_ERR_HTTP_BODY_TOO_LARGE) {
                /* Telegram's answer, unreadable: isolate, then skip (policy in the manual).
                   A proxy's page, even with 200, only backs off: skipping would lose updates. */
                if (fail_offset != offset) fails = 0;
                fail_offset = offset;
                if (++fails >= 6 && api_like) {
                    int64_t id = tp__scan_update_id(raw, rawn, offset);
                    if (id < 0) id = offset;
                    if (id > 0) {
                        tp__bad_update(bot, opts->on_bad_update, user, raw, raw ? rawn : 0, &e, id);
                        tp__log(bot, 1, "getUpdates: skipping update %lld after %d unreadable answers",
                                (long long)id, fails);
                        offset = id + 1;
                        dirty = true;
                        fails = 0;
                        tp__offset_save(&p, offset);
                        continue;
                    }
                }
            }
            backoff = backoff ? (backoff * 2 > bmax ? bmax : backoff * 2) : bmin;
            wait = backoff / 2 + (int64_t)(tp__jitter(&seed) % (uint32_t)(backoff / 2 + 1));
        }
        tp__log(bot, 1, "%s; retrying in %lld ms", e.message, (long long)wait);
        rc = TP_OK;
        if (!tp__bot_sleep(bot, wait)) break;
    }
    if (dirty && rc == TP_OK) { /* confirm what was handled; not interruptible, short deadline */
        tp_error e;
        tp_buf_reset(&p.params);
        tp__updates_params(&p.params, offset, 1, 0, NULL);
        if (tp__call(bot, "getUpdates", p.params.ptr, NULL, 0, 10000, false, NULL, &e) != TP_OK)
            tp__log(bot, 1, "could not confirm offset %lld at stop: %s", (long long)offset, e.message);
    }
out:
    tp_disp_free(p.disp);
    tp_http_free(p.http);
    if (p.path.ptr) memset(p.path.ptr, 0, p.path.len);
    tp_buf_deinit(&p.path);
    tp_buf_deinit(&p.params);
    if (rc == TP_OK) tp__ok(err);
    return rc;
}

struct tp_poller {
    tp_bot *bot;
    tp_update_fn handler;
    void *user;
    tp_poll_opts opts;
    tp_error err;
    tp_err rc;
    pthread_t th;
};

static void *tp__poller_main(void *arg) {
    tp_poller *p = (tp_poller *)arg;
    p->rc = tp_poll_run(p->bot, p->handler, p->user, &p->opts, &p->err);
    return NULL;
}

TP__DEF tp_poller *tp_poll_start(tp_bot *bot, tp_update_fn handler, void *user,
                                 const tp_poll_opts *opts, tp_error *err) {
    tp_poller *p = (tp_poller *)tp__alloc(sizeof *p);
    TELEPOT_ASSERT(bot && handler);
    if (!p) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(p, 0, sizeof *p);
    p->bot = bot;
    p->handler = handler;
    p->user = user;
    if (opts) p->opts = *opts;
    if (pthread_create(&p->th, NULL, tp__poller_main, p) != 0) {
        tp__free(p);
        tp__fail(err, TP_ERR_IO, 0, "cannot start the polling thread");
        return NULL;
    }
    tp__ok(err);
    return p;
}

TP__DEF tp_err tp_poll_join(tp_poller *p, tp_error *err) {
    tp_err rc;
    if (!p) return TP_OK;
    pthread_join(p->th, NULL);
    rc = p->rc;
    if (err) *err = p->err;
    tp__free(p);
    return rc;
}

TP__DEF int tp_poll_main(int argc, char **argv, tp_update_fn handler, void *user,
                         const tp_main_opts *opts) {
    const char *name = argc > 0 && argv[0] ? argv[0] : "bot", *slash = strrchr(name, '/');
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    tp_bot_opts bo;
    tp_error err;
    tp_bot *bot;
    tp_err rc;
    if (slash) name = slash + 1;
    if (!token || !*token || *token == '-') {
        fprintf(stderr, "usage: %s TOKEN   (or set TELEGRAM_BOT_TOKEN; TELEPOT_API_URL for another "
                        "API root)\n", name);
        return 2;
    }
    if (opts && opts->bot) bo = *opts->bot;
    else memset(&bo, 0, sizeof bo);
    bo.token = token;
    bot = tp_bot_new(&bo, &err);
    if (!bot) {
        fprintf(stderr, "%s: %s\n", name, err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot);
    rc = opts && opts->setup ? opts->setup(bot, user, &err) : TP_OK;
    if (rc == TP_OK) rc = tp_poll_run(bot, handler, user, opts ? opts->poll : NULL, &err);
    if (rc != TP_OK && tp_bot_stopped(bot)) rc = TP_OK; /* a signal cut the setup short */
    if (rc != TP_OK) fprintf(stderr, "%s: %s\n", name, err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

/* >>hook (impl): the webhook receiver ----------------------------------------------------------
   An acceptor thread polls the listening socket and two self-pipes (tp_hook_free's and the
   bot's); each connection gets a detached thread that reads requests under two deadlines
   (idle between requests, whole request from its first byte). Bodies go through one path
   shared with tp_hook_push: parse, deduplicate, (reorder,) dispatch. A connection's bytes pass
   only through tp__hook_recv and tp__hook_send: the place where TLS will wrap them. */

typedef struct tp__held {
    int64_t id, since;
    const tp_update *u;
    tp_json_doc *doc;
} tp__held;

struct tp_hook {
    tp_bot *bot;
    tp_update_fn handler;
    void *user;
    tp_hook_opts o;
    char *path, *secret;
    size_t path_len, secret_len;
    int lfd, port;
    int wake[2];                /* tp_hook_free's self-pipe */
    pthread_t acceptor;
    bool acceptor_running;
    pthread_mutex_t lock;       /* everything below */
    pthread_cond_t conns_done;
    int nconns;
    tp_disp *disp;
    int64_t *seen;              /* ring of recent update_ids */
    size_t seen_cap, seen_len, seen_pos;
    bool have_expect;           /* ordered: the next update_id to release is `expect` */
    int64_t expect, first_since;
    tp__held *held;             /* ordered: held back, sorted by id */
    size_t nheld, held_cap;
};

typedef struct tp__hconn {
    tp_hook *h;
    int fd;
    char *buf;
    size_t len, cap;
} tp__hconn;

/* Reads what is there, waiting until the deadline. idle: also wake on a stop (no request is
   in flight). *got = 0 at the end of the stream. TLS: wrap here. */
static tp_err tp__hook_recv(tp__hconn *c, void *buf, size_t cap, size_t *got, int64_t deadline,
                            bool idle) {
    for (;;) {
        struct pollfd pf[3];
        ssize_t n;
        int rc;
        pf[0].fd = c->fd;
        pf[0].events = POLLIN;
        pf[1].fd = c->h->wake[0];
        pf[1].events = POLLIN;
        pf[2].fd = c->h->bot->wake[0];
        pf[2].events = POLLIN;
        pf[0].revents = pf[1].revents = pf[2].revents = 0;
        rc = poll(pf, idle ? 3 : 1, tp__ms_left(deadline));
        if (rc < 0 && errno == EINTR) continue;
        if (rc < 0) return TP_ERR_IO;
        if (idle && (pf[1].revents || pf[2].revents)) return TP_ERR_STOPPED;
        if (rc == 0) return TP_ERR_TIMEOUT;
        n = recv(c->fd, buf, cap, MSG_DONTWAIT);
        if (n >= 0) {
            *got = (size_t)n;
            return TP_OK;
        }
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
        return TP_ERR_IO;
    }
}

/* Writes all of buf before the deadline. TLS: wrap here. */
static tp_err tp__hook_send(tp__hconn *c, const void *buf, size_t n, int64_t deadline) {
    const char *p = (const char *)buf;
    while (n > 0) {
        ssize_t w = send(c->fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) {
            p += w;
            n -= (size_t)w;
        } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            struct pollfd pf;
            pf.fd = c->fd;
            pf.events = POLLOUT;
            pf.revents = 0;
            if (poll(&pf, 1, tp__ms_left(deadline)) == 0) return TP_ERR_TIMEOUT;
        } else {
            return TP_ERR_IO;
        }
    }
    return TP_OK;
}

static void tp__hook_reply(tp__hconn *c, int status, bool close_it) {
    char head[256];
    const char *reason;
    int n;
    switch (status) {
    case 200: reason = "OK"; break;
    case 400: reason = "Bad Request"; break;
    case 401: reason = "Unauthorized"; break;
    case 404: reason = "Not Found"; break;
    case 405: reason = "Method Not Allowed"; break;
    case 408: reason = "Request Timeout"; break;
    case 411: reason = "Length Required"; break;
    case 413: reason = "Content Too Large"; break;
    case 431: reason = "Request Header Fields Too Large"; break;
    case 503: reason = "Service Unavailable"; break;
    default: reason = "Error"; break;
    }
    n = snprintf(head, sizeof head, "HTTP/1.1 %d %s\r\nContent-Length: 0\r\n%s%s\r\n", status,
                 reason, status == 405 ? "Allow: POST\r\n" : "",
                 close_it ? "Connection: close\r\n" : "");
    (void)tp__hook_send(c, head, (size_t)n, tp_now_ms() + 5000);
}

/* Constant-time comparison (the time depends on the lengths only). */
static bool tp__ct_equal(const char *a, size_t an, const char *b, size_t bn) {
    size_t i;
    unsigned char d = an == bn ? 0 : 1;
    for (i = 0; i < bn; i++) d |= (unsigned char)(b[i] ^ (i < an ? a[i] : 0));
    return d == 0;
}

static bool tp__hook_seen(tp_hook *h, int64_t id) { /* under the lock; remembers id */
    size_t i;
    for (i = 0; i < h->seen_len; i++)
        if (h->seen[i] == id) return true;
    if (h->seen_len < h->seen_cap) h->seen[h->seen_len++] = id;
    else h->seen[h->seen_pos] = id;
    h->seen_pos = (h->seen_pos + 1) % h->seen_cap;
    return false;
}

static void tp__hook_report(tp_hook *h, int64_t id, const char *what) {
    if (h->o.on_reorder) h->o.on_reorder(h->bot, id, what, h->user);
    else tp__log(h->bot, 2, "webhook: update %lld: %s", (long long)id, what);
}

/* Ordered mode, under the lock: releases held updates from `expect` on, and past gaps that
   waited maxhold (or all of them when `all`). */
static void tp__hook_release(tp_hook *h, bool all) {
    int64_t now = tp_now_ms(), oldest = INT64_MAX;
    size_t i;
    for (i = 0; i < h->nheld; i++)
        if (h->held[i].since < oldest) oldest = h->held[i].since;
    if (!h->have_expect && h->nheld && (all || now - oldest >= h->o.maxhold_ms)) {
        h->have_expect = true; /* the first updates: start from the lowest that came */
        h->expect = h->held[0].id;
    }
    while (h->have_expect && h->nheld) {
        if (h->held[0].id != h->expect) {
            if (!all && now - oldest < h->o.maxhold_ms && h->nheld < 100000) break;
            tp__hook_report(h, h->expect, "gap");
            h->expect = h->held[0].id;
        }
        tp_disp_push(h->disp, h->held[0].u, h->held[0].doc);
        h->expect++;
        memmove(h->held, h->held + 1, (h->nheld - 1) * sizeof *h->held);
        h->nheld--;
        oldest = INT64_MAX;
        for (i = 0; i < h->nheld; i++)
            if (h->held[i].since < oldest) oldest = h->held[i].since;
    }
}

/* Ordered mode, under the lock: an update arrives. */
static tp_err tp__hook_order(tp_hook *h, int64_t id, const tp_update *u, tp_json_doc *doc) {
    size_t at;
    if (h->have_expect && id < h->expect) {
        tp__hook_report(h, id, "late");
        return tp_disp_push(h->disp, u, doc);
    }
    if (h->have_expect && id == h->expect && !h->nheld) {
        h->expect++;
        return tp_disp_push(h->disp, u, doc);
    }
    if (h->nheld == h->held_cap) {
        size_t nc = h->held_cap ? h->held_cap * 2 : 64;
        tp__held *nh = (tp__held *)tp__realloc(h->held, nc * sizeof *nh);
        if (!nh) return TP_ERR_NOMEM;
        h->held = nh;
        h->held_cap = nc;
    }
    for (at = h->nheld; at > 0 && h->held[at - 1].id > id; at--) {}
    memmove(h->held + at + 1, h->held + at, (h->nheld - at) * sizeof *h->held);
    h->held[at].id = id;
    h->held[at].since = tp_now_ms();
    h->held[at].u = u;
    h->held[at].doc = doc;
    h->nheld++;
    tp__hook_release(h, false);
    return TP_OK;
}

/* One update's JSON, from a POST or tp_hook_push. */
static tp_err tp__hook_take(tp_hook *h, const char *body, size_t len, tp_error *err) {
    tp_error e;
    tp_json_doc *doc = tp_json_parse(body, len, &e);
    const tp_json *root = tp_json_root(doc);
    const tp_update *u = NULL;
    int64_t id = tp_json_get_int(root, "update_id");
    bool dup;
    tp_err rc = TP_OK;
    if (doc && tp_json_typeof(tp_json_get(root, "update_id")) != TP_JSON_INT)
        tp__fail(&e, TP_ERR_BAD_RESPONSE, 0, "an update without an integer update_id");
    else if (doc)
        u = tp_update_view(doc, root, &e);
    pthread_mutex_lock(&h->lock);
    dup = doc && tp_json_typeof(tp_json_get(root, "update_id")) == TP_JSON_INT &&
          tp__hook_seen(h, id);
    if (u && !dup) {
        if (h->o.ordered) rc = tp__hook_order(h, id, u, doc);
        else rc = tp_disp_push(h->disp, u, doc);
        if (rc == TP_OK) doc = NULL;
    }
    pthread_mutex_unlock(&h->lock);
    if (!u && !dup) {
        tp__bad_update(h->bot, h->o.on_bad_update, h->user, body, len, &e, doc ? id : -1);
        rc = e.code;
        if (err) *err = e;
    } else if (rc != TP_OK) {
        tp__fail(err, rc, 0, NULL);
    } else {
        tp__ok(err);
    }
    tp_json_doc_free(doc);
    return rc;
}

/* Parses one request head [buf, buf+hl). Returns 0 to read a body of *cl bytes, else the
   status to answer (the connection is closed then). */
static int tp__hook_head(tp__hconn *c, size_t hl, uint64_t *cl, bool *close_it,
                         bool *expect_continue) {
    tp_hook *h = c->h;
    const char *p = c->buf, *end = c->buf + hl, *sp, *target, *tend, *secret = NULL;
    size_t secret_len = 0, i;
    bool have_cl = false, te = false, dup = false, post;
    *cl = 0;
    for (i = 0; i < hl; i++) { /* control bytes other than CR, LF, HT have no place in a head */
        unsigned char ch = (unsigned char)p[i];
        if ((ch < 0x20 && ch != '\r' && ch != '\n' && ch != '\t') || ch == 0x7f) return 400;
    }
    sp = (const char *)memchr(p, ' ', (size_t)(end - p));
    if (!sp || sp == p) return 400;
    post = (size_t)(sp - p) == 4 && memcmp(p, "POST", 4) == 0;
    target = sp + 1;
    tend = (const char *)memchr(target, ' ', (size_t)(end - target));
    if (!tend || tend == target) return 400;
    if ((size_t)(end - tend) < 11 || memcmp(tend, " HTTP/1.", 8) != 0 ||
        (tend[8] != '1' && tend[8] != '0') || tend[9] != '\r' || tend[10] != '\n')
        return 400;
    if (tend[8] == '0') *close_it = true;
    p = tend + 11;
    while (p < end) {
        const char *eol = (const char *)memchr(p, '\n', (size_t)(end - p)), *colon, *v, *ve;
        size_t nl;
        if (!eol || eol == p || eol[-1] != '\r') return 400;
        if (eol == p + 1) break; /* the empty line */
        if (*p == ' ' || *p == '\t') return 400; /* obsolete line folding */
        colon = (const char *)memchr(p, ':', (size_t)(eol - p));
        if (!colon || colon == p) return 400;
        for (v = p; v < colon; v++)
            if (*v == ' ' || *v == '\t') return 400; /* "Content-Length :" */
        nl = (size_t)(colon - p);
        v = colon + 1;
        ve = eol - 1;
        while (v < ve && (*v == ' ' || *v == '\t')) v++;
        while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
        if (tp__hdr_is(p, nl, "content-length")) {
            const char *d;
            if (have_cl) dup = true;
            have_cl = true;
            if (v == ve || ve - v > 18) return 400;
            for (d = v; d < ve; d++) {
                if (*d < '0' || *d > '9') return 400;
                *cl = *cl * 10 + (uint64_t)(*d - '0');
            }
        } else if (tp__hdr_is(p, nl, "transfer-encoding")) {
            te = true;
        } else if (tp__hdr_is(p, nl, "x-telegram-bot-api-secret-token")) {
            if (secret) dup = true;
            secret = v;
            secret_len = (size_t)(ve - v);
        } else if (tp__hdr_is(p, nl, "connection")) {
            if (tp__has_token(v, (size_t)(ve - v), "close")) *close_it = true;
        } else if (tp__hdr_is(p, nl, "expect")) {
            *expect_continue = tp__has_token(v, (size_t)(ve - v), "100-continue");
        }
        p = eol + 1;
    }
    if (te || dup) return 400; /* request smuggling: only one plain Content-Length is accepted */
    {
        const char *q = (const char *)memchr(target, '?', (size_t)(tend - target));
        size_t tl = (size_t)((q ? q : tend) - target);
        if (tl != h->path_len || memcmp(target, h->path, tl) != 0) return 404;
    }
    if (!post) return 405;
    if (h->secret && !tp__ct_equal(secret ? secret : "", secret_len, h->secret, h->secret_len))
        return 401;
    if (!have_cl) return 411;
    if (*cl > h->o.max_body_bytes) return 413;
    return 0;
}

static void *tp__hook_conn_main(void *arg) {
    tp__hconn *c = (tp__hconn *)arg;
    tp_hook *h = c->h;
    for (;;) {
        int64_t idle_end = tp_now_ms() + h->o.idle_timeout_ms;
        int64_t deadline = c->len ? tp_now_ms() + h->o.request_timeout_ms : 0; /* pipelined */
        const char *eoh = NULL;
        size_t hl = 0, got;
        uint64_t cl;
        bool close_it = false, expect_continue = false;
        int status;
        tp_err rc;
        while (!(eoh = c->len >= 4 ? tp__memmem(c->buf, c->len, "\r\n\r\n", 4) : NULL)) {
            if (c->len >= h->o.max_header_bytes) {
                tp__hook_reply(c, 431, true);
                goto done;
            }
            rc = tp__hook_recv(c, c->buf + c->len, h->o.max_header_bytes - c->len, &got,
                               deadline ? deadline : idle_end, c->len == 0);
            if (rc == TP_ERR_TIMEOUT && c->len) tp__hook_reply(c, 408, true);
            if (rc != TP_OK || got == 0) goto done;
            if (!deadline) deadline = tp_now_ms() + h->o.request_timeout_ms;
            c->len += got;
        }
        hl = (size_t)(eoh - c->buf) + 4;
        status = tp__hook_head(c, hl, &cl, &close_it, &expect_continue);
        if (status) {
            tp__hook_reply(c, status, true);
            goto done;
        }
        if (expect_continue && c->len < hl + cl) { /* curl -d @file waits for this */
            static const char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
            if (tp__hook_send(c, cont, sizeof cont - 1, deadline) != TP_OK) goto done;
        }
        if (hl + cl > c->cap) {
            char *nb = (char *)tp__realloc(c->buf, hl + (size_t)cl + 1);
            if (!nb) {
                tp__hook_reply(c, 503, true);
                goto done;
            }
            c->buf = nb;
            c->cap = hl + (size_t)cl + 1;
        }
        while (c->len < hl + cl) {
            rc = tp__hook_recv(c, c->buf + c->len, c->cap - c->len, &got, deadline, false);
            if (rc == TP_ERR_TIMEOUT) tp__hook_reply(c, 408, true);
            if (rc != TP_OK || got == 0) goto done;
            c->len += got;
        }
        /* Answered 200 whatever the body: a broken update is reported, not refused (Telegram
           would retry it forever and hold the chat). */
        (void)tp__hook_take(h, c->buf + hl, (size_t)cl, NULL);
        tp__hook_reply(c, 200, close_it);
        if (close_it) goto done;
        memmove(c->buf, c->buf + hl + cl, c->len - hl - (size_t)cl);
        c->len -= hl + (size_t)cl;
    }
done:
    close(c->fd);
    tp__free(c->buf);
    tp__free(c);
    pthread_mutex_lock(&h->lock);
    if (--h->nconns == 0) pthread_cond_broadcast(&h->conns_done);
    pthread_mutex_unlock(&h->lock);
    return NULL;
}

static void *tp__hook_accept_main(void *arg) {
    tp_hook *h = (tp_hook *)arg;
    for (;;) {
        struct pollfd pf[3];
        int rc, fd;
        tp__hconn *c;
        pthread_t th;
        pthread_attr_t at;
        pf[0].fd = h->wake[0];
        pf[1].fd = h->bot->wake[0];
        pf[2].fd = h->lfd; /* -1 with no_server: poll skips it, the orderer's clock still ticks */
        pf[0].events = pf[1].events = pf[2].events = POLLIN;
        pf[0].revents = pf[1].revents = pf[2].revents = 0;
        rc = poll(pf, 3, h->o.ordered ? 50 : -1);
        if (rc < 0 && errno != EINTR) break;
        if (pf[0].revents || pf[1].revents) break;
        if (h->o.ordered) {
            pthread_mutex_lock(&h->lock);
            tp__hook_release(h, false);
            pthread_mutex_unlock(&h->lock);
        }
        if (!pf[2].revents) continue;
        fd = accept(h->lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                (void)poll(NULL, 0, 50); /* out of descriptors: do not spin on the backlog */
            continue;
        }
        (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
        pthread_mutex_lock(&h->lock);
        if (h->nconns >= h->o.max_connections) {
            static const char busy[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                       "Connection: close\r\n\r\n";
            pthread_mutex_unlock(&h->lock);
            (void)!send(fd, busy, sizeof busy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            close(fd);
            continue;
        }
        h->nconns++;
        pthread_mutex_unlock(&h->lock);
        c = (tp__hconn *)tp__alloc(sizeof *c);
        if (c) {
            memset(c, 0, sizeof *c);
            c->h = h;
            c->fd = fd;
            c->cap = h->o.max_header_bytes + 1;
            c->buf = (char *)tp__alloc(c->cap);
        }
        pthread_attr_init(&at);
        pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
        pthread_attr_setstacksize(&at, 256 * 1024);
        if (!c || !c->buf || pthread_create(&th, &at, tp__hook_conn_main, c) != 0) {
            if (c) tp__free(c->buf);
            tp__free(c);
            close(fd);
            pthread_mutex_lock(&h->lock);
            h->nconns--;
            pthread_mutex_unlock(&h->lock);
        }
        pthread_attr_destroy(&at);
    }
    return NULL;
}

static tp_err tp__hook_listen(tp_hook *h, tp_error *err) {
    struct addrinfo hints, *res = NULL, *ai;
    char port[16];
    int one = 1, e = 0;
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    snprintf(port, sizeof port, "%d", h->o.port);
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    if (getaddrinfo(h->o.host, port, &hints, &res) != 0 || !res)
        return tp__fail(err, TP_ERR_RESOLVE, 0, "webhook: cannot resolve the listen address");
    for (ai = res; ai; ai = ai->ai_next) {
        h->lfd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (h->lfd < 0) continue;
        (void)fcntl(h->lfd, F_SETFD, FD_CLOEXEC);
        setsockopt(h->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
#ifdef SO_REUSEPORT
        if (h->o.reuse_port) setsockopt(h->lfd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
#endif
        if (bind(h->lfd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(h->lfd, 128) == 0) break;
        e = errno;
        close(h->lfd);
        h->lfd = -1;
    }
    freeaddrinfo(res);
    if (h->lfd < 0)
        return tp__fail(err, TP_ERR_IO, e, "webhook: cannot listen on %s:%d: %s", h->o.host,
                        h->o.port, strerror(e));
    (void)tp__set_nonblock(h->lfd);
    if (getsockname(h->lfd, (struct sockaddr *)&ss, &sl) == 0)
        h->port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                                 : ((struct sockaddr_in *)&ss)->sin_port);
    return TP_OK;
}

TP__DEF tp_hook *tp_hook_new(tp_bot *bot, tp_update_fn handler, void *user,
                             const tp_hook_opts *opts, tp_error *err) {
    tp_hook *h;
    tp_disp_opts dopts;
    TELEPOT_ASSERT(bot && handler);
    h = (tp_hook *)tp__alloc(sizeof *h);
    if (!h) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(h, 0, sizeof *h);
    h->bot = bot;
    h->handler = handler;
    h->user = user;
    h->lfd = -1;
    h->wake[0] = h->wake[1] = -1;
    if (opts) h->o = *opts;
    if (!h->o.host) h->o.host = "127.0.0.1";
    if (h->o.max_connections <= 0) h->o.max_connections = 64;
    if (!h->o.max_header_bytes) h->o.max_header_bytes = 8192;
    if (!h->o.max_body_bytes) h->o.max_body_bytes = 1 << 20;
    if (h->o.request_timeout_ms <= 0) h->o.request_timeout_ms = 10000;
    if (h->o.idle_timeout_ms <= 0) h->o.idle_timeout_ms = 60000;
    if (h->o.dedup_size <= 0) h->o.dedup_size = 4096;
    if (h->o.maxhold_ms <= 0) h->o.maxhold_ms = 3000;
    h->path = tp__strdup(h->o.path && *h->o.path ? h->o.path : "/");
    h->secret = h->o.secret_token ? tp__strdup(h->o.secret_token) : NULL;
    h->seen_cap = (size_t)h->o.dedup_size;
    h->seen = (int64_t *)tp__alloc(h->seen_cap * sizeof *h->seen);
    pthread_mutex_init(&h->lock, NULL);
    pthread_cond_init(&h->conns_done, NULL);
    if (!h->path || (h->o.secret_token && !h->secret) || !h->seen) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto fail;
    }
    h->o.path = h->path;
    h->o.secret_token = h->secret;
    h->path_len = strlen(h->path);
    h->secret_len = h->secret ? strlen(h->secret) : 0;
    memset(&dopts, 0, sizeof dopts);
    dopts.workers = h->o.workers;
    dopts.queue_size = h->o.queue_size;
    h->disp = tp_disp_new(bot, handler, user, &dopts, err);
    if (!h->disp) goto fail;
    if (pipe(h->wake) != 0) {
        h->wake[0] = h->wake[1] = -1;
        tp__fail(err, TP_ERR_IO, errno, "pipe: %s", strerror(errno));
        goto fail;
    }
    if (!h->o.no_server && tp__hook_listen(h, err) != TP_OK) goto fail;
    if (pthread_create(&h->acceptor, NULL, tp__hook_accept_main, h) != 0) {
        tp__fail(err, TP_ERR_IO, 0, "webhook: cannot start the acceptor thread");
        goto fail;
    }
    h->acceptor_running = true;
    tp__ok(err);
    return h;
fail:
    tp_hook_free(h);
    return NULL;
}

TP__DEF int tp_hook_port(const tp_hook *h) { return h->port; }

TP__DEF tp_err tp_hook_push(tp_hook *h, const char *body, size_t len, tp_error *err) {
    return tp__hook_take(h, body, len, err);
}

/* Stops accepting, waits for the connections' threads, releases what the orderer holds. */
static void tp__hook_shutdown(tp_hook *h) {
    if (h->wake[1] >= 0) (void)!write(h->wake[1], "q", 1);
    if (h->acceptor_running) {
        pthread_join(h->acceptor, NULL);
        h->acceptor_running = false;
    }
    pthread_mutex_lock(&h->lock);
    while (h->nconns > 0) pthread_cond_wait(&h->conns_done, &h->lock);
    if (h->disp) tp__hook_release(h, true);
    pthread_mutex_unlock(&h->lock);
}

TP__DEF tp_err tp_hook_run(tp_hook *h, tp_error *err) {
    (void)tp__bot_sleep(h->bot, INT64_MAX / 4);
    tp__hook_shutdown(h);
    tp_disp_drain(h->disp);
    return tp__ok(err);
}

TP__DEF void tp_hook_free(tp_hook *h) {
    size_t i;
    if (!h) return;
    tp__hook_shutdown(h);
    tp_disp_free(h->disp);
    for (i = 0; i < h->nheld; i++) tp_json_doc_free(h->held[i].doc);
    if (h->lfd >= 0) close(h->lfd);
    if (h->wake[0] >= 0) close(h->wake[0]);
    if (h->wake[1] >= 0) close(h->wake[1]);
    pthread_cond_destroy(&h->conns_done);
    pthread_mutex_destroy(&h->lock);
    tp__free(h->held);
    tp__free(h->seen);
    tp__free(h->path);
    if (h->secret) memset(h->secret, 0, h->secret_len);
    tp__free(h->secret);
    tp__free(h);
}

TP__DEF tp_err tp_hook_set_webhook(tp_bot *bot, const char *url, const char *secret_token,
                                   const tp_webhook_args *more, tp_error *err) {
    tp_buf b;
    tp_jw w;
    tp_err rc;
    TELEPOT_ASSERT(bot && url);
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    tp_jw_obj(&w);
    tp_jw_key(&w, "url");
    tp_jw_str(&w, url);
    if (secret_token) {
        tp_jw_key(&w, "secret_token");
        tp_jw_str(&w, secret_token);
    }
    if (more && more->max_connections > 0) {
        tp_jw_key(&w, "max_connections");
        tp_jw_int(&w, more->max_connections);
    }
    if (more && more->allowed_updates) {
        const char *const *a;
        tp_jw_key(&w, "allowed_updates");
        tp_jw_arr(&w);
        for (a = more->allowed_updates; *a; a++) tp_jw_str(&w, *a);
        tp_jw_arr_end(&w);
    }
    if (more && more->drop_pending_updates) {
        tp_jw_key(&w, "drop_pending_updates");
        tp_jw_bool(&w, true);
    }
    if (more && more->ip_address) {
        tp_jw_key(&w, "ip_address");
        tp_jw_str(&w, more->ip_address);
    }
    tp_jw_obj_end(&w);
    rc = b.err ? tp__fail(err, TP_ERR_NOMEM, 0, NULL) : tp_call(bot, "setWebhook", b.ptr, NULL, err);
    tp_buf_deinit(&b);
    return rc;
}

TP__DEF tp_err tp_hook_delete_webhook(tp_bot *bot, bool drop_pending_updates, tp_error *err) {
    return tp_call(bot, "deleteWebhook",
                   drop_pending_updates ? "{\"drop_pending_updates\":true}" : "{}", NULL, err);
}

#endif /* TELEPOT_IMPLEMENTATION_INCLUDED */
#endif /* TELEPOT_IMPLEMENTATION */

/*
   LICENCE
   MIT License

   Copyright (c) 2026 the telepot.h authors

   Permission is hereby granted, free of charge, to any person obtaining a copy of this
   software and associated documentation files (the "Software"), to deal in the Software
   without restriction, including without limitation the rights to use, copy, modify, merge,
   publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
   to whom the Software is furnished to do so, subject to the following conditions:

   The above copyright notice and this permission notice shall be included in all copies or
   substantial portions of the Software.

   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
   INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
   PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
   FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
   OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
   DEALINGS IN THE SOFTWARE.

   HISTORY
     0.1.0 (2026-11-25)  first release: the foundation (see CHANGELOG at the top).
*/

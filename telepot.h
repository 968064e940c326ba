/* telepot.h 0.2.1 - the Telegram Bot API in one C header (telepot's ideas, in C99). MIT licence, see the end.

   QUICK START
     In exactly ONE .c file of your program, before any other #include (it selects POSIX.1-2008):
         #define TELEPOT_IMPLEMENTATION
         #include "telepot.h"
     Everywhere else just #include "telepot.h". A whole echo bot (examples/echo.c):

         #define TELEPOT_IMPLEMENTATION
         #include "../telepot.h" // in your own bot: "telepot.h"

         #include <stdio.h>
         #include <stdlib.h>

         static void handle(tp_bot *bot, const tp_update *u, void *user) {
             const tp_message *m = u->message; // NULL for other kinds of update
             (void)user;
             if (m && m->text) // photos, stickers, ... have no text: ignored
                 tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                               .text = m->text }, NULL, NULL);
         }

         int main(int argc, char **argv) {
             const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
             if (!token || !*token || *token == '-') {
                 fprintf(stderr, "usage: %s TOKEN   (or set TELEGRAM_BOT_TOKEN)\n", argv[0]);
                 return 2;
             }
             tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
             tp_error err;
             tp_bot *bot = tp_bot_new(&opts, &err); // warnings go to stderr, never the token
             if (!bot) {
                 fprintf(stderr, "echo: %s\n", err.message);
                 return 1;
             }
             tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
             tp_err rc = tp_poll_run(bot, handle, NULL, NULL, &err); // blocks until stopped
             if (rc != TP_OK) fprintf(stderr, "echo: %s\n", err.message);
             tp_bot_free(bot);
             return rc == TP_OK ? 0 : 1;
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
                              The client offers TLS 1.2 ECDHE + AES-GCM/ChaCha20 only.
     TELEPOT_TLS_FULL         with TELEPOT_BEARSSL: BearSSL's full client profile (TLS 1.0-1.2,
                              CBC, 3DES, static RSA) for old servers; ~20 KB more.
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
               _free/_deinit accepts NULL and zeroed structs. A typed method result
               (tp_message_result, ...) owns its document: tp_json_doc_free(res.doc); pass
               NULL instead and the answer is not even parsed.
     Threads   no globals: objects never share hidden state. A tp_bot is thread-safe (calls go
               out in parallel over a pool of max_connections, long polls have their own);
               tp_bot_stop is safe from any thread and from a signal handler. Documents can
               be read from many threads; typed views (tp_parse_as, tp_update_view) allocate
               in theirs: one at a time.
     NULL      JSON getters accept NULL and return NULL/0, so lookups chain:
               tp_json_get_int(tp_json_get(tp_json_get(upd, "message"), "chat"), "id").
     Secrets   the token never appears in any error, log line or message the library makes.

   CONTENTS (grep for the anchors; after >>impl the implementation has the same, in this order)
     >>config    version, macros, linkage (no implementation part)
     >>base      errors, allocator, buffers, time, atomics
     >>net       sockets with deadlines, address racing, no SIGPIPE; HTTP CONNECT, SOCKS5
     >>tls       HTTPS through BearSSL (TELEPOT_BEARSSL): verification, errors, sessions
     >>http      HTTP/1.1 client: keep-alive, chunked, multipart uploads, streamed downloads
     >>json      DOM reader into one arena (exact int64), writer
     >>types     typed views (tp_update_view, tp_parse_as, tp_jw_typed); the implementation
                 opens with the GENERATED tables, then the engine that reads them
     >>api       the bot, its connection pool, tp_call, files, flavor/glance, tp_call_desc
     >>updates   long polling (tp_poll_run, tp_poll_start) and its failure policy; the per-chat
                 dispatcher (tp_disp)
     >>hook      the webhook receiver (tp_hook_*): HTTP/1.1 server, dedup, orderer, tp_hook_push
     >>gen       GENERATED: Bot API 10.1 (tools/gen_api.py), a struct per type, an args struct
                 and a prototype per method (implemented by >>types' tables and tp_call_desc)
     >>keyboards reply_markup builders
     then the GENERATED wrappers: the methods' inline bodies (machinery; read >>gen instead)

   CHANGELOG (full history at the end of the file)
     next   calls in parallel over a connection pool (max_connections); polling with workers
            keeps fetching while handlers run (at-least-once); a per-chat dispatcher any worker
            serves; the webhook receiver never waits under its lock (503 / TP_ERR_BUSY, a
            byte budget, idle eviction); connects race the addresses; args: `bool has_x`
            where absent is not 0/false; a union with a forgotten .kind fails.
     0.2.1  the method wrappers carry their own tables (a program compiles and links only the
            methods it calls); typed views of a batch ~30% cheaper (key-order memo); DNS
            under the connect deadline.
     0.2.0  the whole Bot API 10.1, generated; HTTPS through BearSSL; proxies; hardened
            polling; the webhook receiver tp_hook_*.   0.1.0  the foundation.
*/
#ifndef TELEPOT_H
#define TELEPOT_H

/* >>config ------------------------------------------------------------------------------------
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
#define TELEPOT_VERSION_MINOR 2
#define TELEPOT_VERSION_PATCH 1
#define TELEPOT_VERSION_STRING "0.2.1"

#ifdef TELEPOT_STATIC
#define TP_API static
#else
#define TP_API extern
#endif

#if defined(__GNUC__) || defined(__clang__)
#define TP__PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TP__DEPRECATED(use) __attribute__((deprecated("use " use)))
#else
#define TP__PRINTF(f, a)
#define TP__DEPRECATED(use)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The library version as "MAJOR.MINOR.PATCH". */
TP_API const char *tp_version(void);

/* >>base --------------------------------------------------------------------------------------
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
    X(TP_ERR_BUSY, 6, "queue full: not accepted, try again later")                          \
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

/* >>net ---------------------------------------------------------------------------------------
   Every connection is a TCP socket with a deadline: name lookup, connect, each read and write
   end at the caller's deadline (TP_ERR_TIMEOUT), never hang. A name's addresses race (IPv6
   and IPv4 interleaved, the next joining after 250 ms, the first to connect wins); SIGPIPE is
   never raised (MSG_NOSIGNAL / SO_NOSIGPIPE). Nothing to call: tp_bot_opts and tp_http_opts
   carry connect_timeout_ms, proxy and no_env_proxy. Proxies tunnel https:// and http://
   alike: HTTP CONNECT (http://[user:pass@]host[:port]), socks5:// (the address resolved
   here), socks5h:// (the name resolved by the proxy). TP_ERR_PROXY carries the proxy's
   answer in words (the HTTP status also in http_status); the proxy password never appears. */

/* >>tls ---------------------------------------------------------------------------------------
   HTTPS with #define TELEPOT_BEARSSL (link -lbearssl; the client offers TLS 1.2 only, see
   TELEPOT_TLS_FULL). Nothing to call: an https:// URL in tp_bot_opts/tp_http_opts makes the
   connection TLS.
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
     (after it). Messages name the host, never the URL path (it holds the token). */

/* >>http --------------------------------------------------------------------------------------
   A blocking HTTP/1.1 client over one kept-alive connection to one origin. Every request has a
   deadline that covers connecting, writing and reading; the request goes out in one writev.
   Bodies arrive with Content-Length or chunked; sizes are limited; redirects are not followed.
   tp_http is not thread-safe: one thread at a time (tp_bot keeps a pool of them). */

typedef struct tp_http tp_http;

typedef struct tp_http_opts {
    const char *url;          /* origin, "http(s)://host[:port]" (a path is ignored); required */
    int connect_timeout_ms;   /* name lookup + connect deadline, ms; default 10000 */
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
   memory (data/len) or streamed from a file descriptor (data NULL, and fd > 0 or use_fd - a
   zeroed part is an empty one, never stdin; a regular file is streamed from its current
   offset to its end, anything else, e.g. a pipe, is read into memory first, under the
   request's deadline). */
typedef struct tp_http_part {
    const char *name;          /* form field name; required */
    const char *filename;      /* makes it a file part; NULL for a plain field */
    const char *content_type;  /* default application/octet-stream for files */
    const void *data;          /* bytes in memory (borrowed) */
    size_t len;                /* length of data; for plain fields with len 0, strlen(data) */
    int fd;                    /* used when data is NULL and fd > 0 or use_fd */
    bool use_fd;               /* fd is meant even when it is 0 (standard input) */
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

/* >>json --------------------------------------------------------------------------------------
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

/* >>types -------------------------------------------------------------------------------------
   Typed views of every Bot API object, generated from the Bot API description (the structs are
   in the GENERATED region at the end of this half, see >>gen). A view is built in its
   document's arena, borrows its strings from it, and keeps `json`, the object's DOM, so fields
   newer than this header stay readable. The four structs every bot touches are named here. */

typedef struct tp_update tp_update;   /* update_id, message, edited_message, ..., json */
typedef struct tp_message tp_message; /* message_id, from_, chat, date, text, ..., json */
typedef struct tp_user tp_user;       /* id, is_bot, first_name, username, ..., json */
typedef struct tp_chat tp_chat;       /* id, type, title, username, ..., json */

/* Typed views of an update, a message, inside their document (allocated in its arena): what
   tp_poll_run and the webhook receiver hand to handlers, for updates you read yourself. */
TP_API const tp_update *tp_update_view(tp_json_doc *doc, const tp_json *update, tp_error *err);
TP_API const tp_message *tp_message_view(tp_json_doc *doc, const tp_json *message,
                                         tp_error *err);

/* The typed view (a struct of type `type`, a TP_TYPE_* id) of a value of doc, built in doc's
   arena; NULL when json is not an object of that shape (for unions: an object, or what the
   union allows) or on TP_ERR_NOMEM. Cast the result to the type's struct. */
TP_API const void *tp_parse_as(tp_json_doc *doc, int type, const tp_json *json, tp_error *err);
/* Writes a typed object (a struct of type `type`) as JSON: unset optional fields are left
   out, const fields filled in. Files other than TP_FILE_ID are written as null here (uploads
   need a method call). A union anywhere in it whose kind and member disagree (kind 0 with a
   member set, an unknown kind, no member) sets w->out->err = TP_ERR_INVALID; a method call
   with one fails with TP_ERR_INVALID naming the field and sends nothing. */
TP_API void tp_jw_typed(tp_jw *w, int type, const void *obj);

/* >>api ---------------------------------------------------------------------------------------
   The bot: token, API root, a pool of kept-alive connections and the calls on them. Every
   method has a typed wrapper (tp_send_message, declared in >>gen); tp_call reaches any method
   by name with JSON parameters. Telegram errors (ok:false) come back as TP_ERR_API with
   error_code, description, retry_after and migrate_to_chat_id filled in. */

typedef struct tp_bot tp_bot;

/* Log callback: level 0 error, 1 warning, 2 info, 3 debug. The text never holds the token. */
typedef void (*tp_log_fn)(void *user, int level, const char *text);

typedef struct tp_bot_opts {
    const char *token;           /* bot token; default $TELEGRAM_BOT_TOKEN */
    const char *api_url;         /* API root, may have a path (https://host/prefix); default
                                    $TELEPOT_API_URL, else https://api.telegram.org */
    int connect_timeout_ms;      /* name lookup + connect, ms; default 10000 */
    int timeout_ms;              /* ms, deadline of one ordinary call; default 30000 */
    int download_timeout_ms;     /* ms, deadline of tp_download_file's transfer (including
                                    writes to a pipe whose reader stalls); default 600000 */
    int max_connections;         /* calls in flight at once: kept-alive connections opened on
                                    demand (closed after a minute unused); a call finding all
                                    busy waits for one, and fails unsent (TP_ERR_TIMEOUT, "not
                                    sent") when that took half its deadline; default 16. Long
                                    polls have one more of their own */
    size_t max_body_bytes;       /* largest answer kept in memory, bytes; default 64 MiB */
    const char *ca_file;         /* PEM trust anchors; default $TELEPOT_CA_FILE, else
                                    $SSL_CERT_FILE, else the system bundle */
    const char *proxy;           /* proxy URL (http://, socks5://, socks5h://); default from
                                    https_proxy/http_proxy/all_proxy minus no_proxy, as curl */
    bool no_env_proxy;           /* true: ignore the proxy environment variables; default false */
    tp_log_fn log;               /* default: silent (tp_log_stderr: warnings on stderr) */
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
   and free it with tp_json_doc_free. Thread-safe: calls from several threads go out in
   parallel, up to max_connections. */
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

/* InputFile or String: what to send as a photo, a document, an InputMedia's media, ...
   Zero (TP_FILE_NONE) is absent. A file_id or URL goes as a string; the others are uploaded
   (multipart/form-data, chosen automatically; inside InputMedia* as attach://). Borrowed for
   the call only. */
typedef enum tp_input_file_kind {
    TP_FILE_NONE = 0,
    TP_FILE_ID,   /* `id`: a file_id, an http(s) URL, or "attach://name" */
    TP_FILE_PATH, /* `path`: a local file, opened and streamed during the call */
    TP_FILE_FD,   /* `fd`: read from its current offset to the end */
    TP_FILE_MEM   /* `data`, `len`: bytes in memory */
} tp_input_file_kind;
typedef struct tp_input_file {
    int kind;             /* tp_input_file_kind */
    const char *id;       /* TP_FILE_ID */
    const char *path;     /* TP_FILE_PATH */
    int fd;               /* TP_FILE_FD */
    const void *data;     /* TP_FILE_MEM */
    size_t len;
    const char *filename; /* name sent with an upload; default: the path's last part, or "file" */
} tp_input_file;
static inline tp_input_file tp__file_make(int kind, const char *id, const char *path, int fd,
                                          const void *data, size_t len, const char *filename) {
    tp_input_file f;
    f.kind = kind;
    f.id = id;
    f.path = path;
    f.fd = fd;
    f.data = data;
    f.len = len;
    f.filename = filename;
    return f;
}
static inline tp_input_file tp_file_id(const char *file_id_or_url) {
    return tp__file_make(TP_FILE_ID, file_id_or_url, NULL, -1, NULL, 0, NULL);
}
static inline tp_input_file tp_file_path(const char *path) {
    return tp__file_make(TP_FILE_PATH, NULL, path, -1, NULL, 0, NULL);
}
static inline tp_input_file tp_file_fd(int fd, const char *filename) {
    return tp__file_make(TP_FILE_FD, NULL, NULL, fd, NULL, 0, filename);
}
static inline tp_input_file tp_file_mem(const void *data, size_t len, const char *filename) {
    return tp__file_make(TP_FILE_MEM, NULL, NULL, -1, data, len, filename);
}

/* Every Bot API method has a generated wrapper (see >>gen): tp_send_message(bot, &args, &out,
   &err), args zero = absent (a few have has_x to send 0/false, see >>gen), out a typed
   result or NULL (the answer is then not even parsed); fills *out only on success; free
   out->doc. tp_call_typed(bot, TP_METHOD_*, args, out, err) picks one at run time. The
   wrappers are static inline functions carrying their own tables, so a program compiles and
   links only the methods it calls; all of them call tp_call_desc, which is not for hand use:
   `loc` holds the method's name and then the names only it uses (TP__LOC offsets; the others
   are offsets in the generated pool), f[0..nf) describe the args struct, rkind (TP__R_*) and
   rtype (TP_TYPE_*) the result, and long_poll_s >= 0 gives a long poll's hold time. */
typedef struct tp__fdesc {
    uint16_t name, off, aux; /* aux: offset of has_x (optional scalars) or x_count (arrays) */
    uint8_t kind, flags;     /* flags: required | array depth << 1 | element kind << 4 */
    uint16_t elem;           /* element type; for a string, the name of its const value;
                                for a Boolean, 1 when always true (remove_keyboard) */
} tp__fdesc;
#define TP__LOC(o) (0x8000u | (o))
enum { TP__R_BOOL = 1, TP__R_INT, TP__R_STR, TP__R_OBJ, TP__R_ARR, TP__R_OBJ_OR_TRUE };
TP_API tp_err tp_call_desc(tp_bot *bot, const char *loc, const tp__fdesc *f, unsigned nf,
                           unsigned rkind, unsigned rtype, int long_poll_s, const void *args,
                           void *out, tp_error *err);

/* telepot's downloadFile: getFile, then streams /file/bot<token>/<file_path> to fd. */
TP_API tp_err tp_download_file(tp_bot *bot, const char *file_id, int fd, tp_error *err);
/* The same into the file at path (0644): written to "path.part" first and renamed over path
   only when complete, so a failure leaves an existing file untouched. */
TP_API tp_err tp_download_file_to(tp_bot *bot, const char *file_id, const char *path,
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

/* >>updates -----------------------------------------------------------------------------------
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
    int timeout_s;                       /* long-poll hold, seconds, 1..86400; default 30 */
    int limit;                           /* updates per request, 1..100; default 100 */
    const char *const *allowed_updates;  /* update kinds wanted ("message", ...), with */
    size_t allowed_updates_count;        /* their count, as every array here; default:
                                            Telegram's default (the last setWebhook or
                                            getUpdates list). Count 0 with a list: a
                                            NULL-terminated list (0.2, deprecated) */
    bool drop_pending_updates;           /* skip what was pending at start */
    tp_bad_update_fn on_bad_update;      /* default: logged (warning) */
    bool retry_on_conflict;              /* 409: back off and retry instead of stopping */
    const char *offset_file;             /* the next offset is written there (tmp + rename)
                                            after each handled update, and read at start;
                                            default: none. With it a kill -9 repeats at most
                                            the updates whose handlers were running (with
                                            workers the file also lists the ids done above
                                            the lowest unfinished one). */
    int slack_ms;                        /* HTTP deadline of a poll = timeout + this; default
                                            15000 */
    int backoff_min_ms;                  /* first wait after a failure, ms; default 500 */
    int backoff_max_ms;                  /* longest wait, ms; default 60000 */
    int workers;                         /* > 0: handlers run on that many threads, one chat's
                                            updates in order (tp_disp), while the poller
                                            fetches the next ones; the offset confirms the
                                            updates up to the lowest whose handler has not
                                            returned, an update is never handed out twice,
                                            and at most `limit` are in flight. Give the bot
                                            max_connections >= workers. Default 0: the
                                            polling thread runs them */
    int timeout;                         /* deprecated (0.2's name of timeout_s): read when
                                            timeout_s is 0 */
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

/* A tp_log_fn for programs: errors and warnings (levels 0 and 1) as one line on stderr,
   "NAME: warning: TEXT" (a refused connection: "echo: warning: getUpdates: cannot connect to
   127.0.0.1:1: Connection refused; retrying in 3.6 s"); info and debug are dropped. user is
   the program's name or path (argv[0]: its last component is shown), NULL for "telepot".
       tp_bot_new(&(tp_bot_opts){ .log = tp_log_stderr, .log_user = argv[0] }, &err);     */
TP_API void tp_log_stderr(void *user, int level, const char *text);

/* The whole main() of a polling bot, telepot's `bot.message_loop(handle)`:
       int main(int argc, char **argv) { return tp_poll_main(argc, argv, handle, NULL, NULL); }
   The token comes from argv[1], else TELEGRAM_BOT_TOKEN (without one: a usage line, status 2);
   SIGINT and SIGTERM stop the bot gracefully; a fatal error prints one line on stderr (never
   the token); warnings (a server that cannot be reached, a skipped update) go to stderr
   through tp_log_stderr unless opts->bot has a log of its own. Returns the exit status: 0
   after a stop, 2 on bad usage, 1 on an error. */
typedef struct tp_main_opts {
    tp_err (*setup)(tp_bot *bot, void *user, tp_error *err); /* once, before polling; NULL: none */
    const tp_poll_opts *poll;                                 /* NULL: defaults */
    const tp_bot_opts *bot;                                   /* NULL: defaults (token above) */
} tp_main_opts;
TP_API int tp_poll_main(int argc, char **argv, tp_update_fn handler, void *user,
                        const tp_main_opts *opts);

/* The dispatcher: per-chat order, different chats in parallel. Updates are keyed by chat
   (tp_update_key); each key has a FIFO, and any idle worker runs the oldest waiting key's
   next update, so one chat's updates run one at a time and in order while a slow chat holds
   one worker only. A key's full FIFO makes tp_disp_push wait (back-pressure), so do not push
   from a handler of the same dispatcher (the webhook receiver never waits; see tp_hook_push).
   Thread-safe. */
typedef struct tp_disp tp_disp;
typedef struct tp_disp_opts {
    int workers;                 /* threads; default 4 */
    int queue_size;              /* queued updates per chat (key); default 256 */
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

/* >>hook --------------------------------------------------------------------------------------
   The webhook receiver. A small HTTP/1.1 server (a thread per connection, keep-alive) for
   Telegram's POSTs: the secret token is compared in constant time (401 otherwise), an
   update is answered 200 as soon as it is queued, deduplicated by update_id (a bounded set
   of recent ids) and never refused for failing to parse (on_bad_update gets it). Answers
   never wait for a handler: when an update's chat has a full queue, or the updates queued
   hold max_queued_bytes, the POST gets 503 at once (Telegram sends it again later) and other
   chats go on. Hostile clients: header and body limits (431/413), a whole-request deadline
   (408), a first request due within that deadline of connecting, requests with
   Transfer-Encoding or several Content-Length headers (400, closed), other paths (404),
   other methods (405), at most max_connections connections (at the cap the longest idle
   one is closed for a newcomer; with none idle, 503 - a TLS listener just closes). A stop
   ends every connection at once, except that a request already read whole is answered.
   Plain HTTP by default: put it behind a TLS proxy (nginx, caddy) or a tunnel, or
   serve HTTPS directly with cert_file and key_file (PEM; needs TELEPOT_BEARSSL): BearSSL's
   server engine, TLS 1.0-1.2, RSA or EC key, no client certificates. The handshake runs in
   the connection's thread under request_timeout_ms: a client that connects and never
   finishes it, or speaks plain HTTP to the TLS port, is dropped without disturbing others.
   Telegram posts to ports 443, 80, 88 and 8443 only; a self-signed certificate must be
   uploaded with setWebhook (tp_set_webhook's `certificate`, a tp_input_file), one from a
   public CA needs nothing more.
       tp_hook *h = tp_hook_new(bot, handle, NULL, &(tp_hook_opts){ .port = 8080,
                                .secret_token = secret }, &err);
       tp_set_webhook(bot, &(tp_set_webhook_args){ .url = "https://example.org/",
                                                   .secret_token = secret }, NULL, &err);
       tp_hook_run(h, &err);                // until tp_bot_stop (SIGTERM)
       tp_hook_free(h);
   HTTPS directly: (tp_hook_opts){ .host = "0.0.0.0", .port = 8443, .secret_token = secret,
                                   .cert_file = "fullchain.pem", .key_file = "privkey.pem" } */
typedef struct tp_hook tp_hook;
typedef struct tp_hook_opts {
    const char *host;            /* listen address; default "127.0.0.1" (behind a proxy);
                                    "0.0.0.0" or "::" for every interface */
    int port;                    /* TCP port; default 0 = any free port (see tp_hook_port) */
    const char *path;            /* the webhook path; default "/" */
    const char *secret_token;    /* X-Telegram-Bot-Api-Secret-Token wanted; NULL: not checked */
    const char *cert_file;       /* HTTPS: the certificate chain, PEM, the server's first;
                                    both or neither with key_file; NULL = plain HTTP. Without
                                    TELEPOT_BEARSSL tp_hook_new fails (TP_ERR_TLS_DISABLED) */
    const char *key_file;        /* HTTPS: its private key (RSA or EC), PEM; may be cert_file */
    bool no_server;              /* no listening socket: only tp_hook_push feeds updates */
    bool reuse_port;             /* SO_REUSEPORT: several processes share the port (the kernel
                                    spreads connections; dedup is per process) */
    int max_connections;         /* connections at once; default 64 */
    size_t max_header_bytes;     /* request head limit, bytes; default 8192 */
    size_t max_body_bytes;       /* request body limit, bytes; default 256 KiB (Telegram's
                                    updates are a few KB) */
    size_t max_queued_bytes;     /* memory held by updates queued or running (parsed), bytes;
                                    beyond it a POST gets 503 and Telegram sends it again
                                    later, tp_hook_push TP_ERR_BUSY; default 64 MiB */
    int request_timeout_ms;      /* a request must arrive whole within this from its first
                                    byte, and a new connection's first request must start
                                    within it, ms; default 10000 */
    int idle_timeout_ms;         /* keep-alive connection idle limit, ms; default 60000. At
                                    max_connections the longest idle one is closed for a new
                                    client */
    int workers;                 /* handler threads (per-chat order); default 4 */
    int queue_size;              /* queued updates per chat; a POST for a chat whose queue is
                                    full gets 503 (other chats are not held up); default 256 */
    int dedup_size;              /* recent update_ids remembered; default 4096, at most
                                    1048576 */
    bool ordered;                /* telepot's ordered=True: hold updates back until the
                                    update_ids before them arrived, or maxhold passed */
    int maxhold_ms;              /* ms; default 3000 */
    tp_bad_update_fn on_bad_update; /* default: logged (warning) */
    /* Reports an ordering decision: "gap" (ids before update_id given up after maxhold) or
       "late" (update_id arrived after later ones were released; it is still handled). */
    void (*on_reorder)(tp_bot *bot, int64_t update_id, const char *what, void *user);
} tp_hook_opts;

/* Binds, listens and starts the threads (acceptor, workers). err: TP_ERR_IO with errno when
   the address cannot be bound; with cert_file/key_file: TP_ERR_FILE (unreadable), TP_ERR_TLS
   (no certificate or no RSA/EC key in them), TP_ERR_INVALID (only one of the two given),
   TP_ERR_TLS_DISABLED (built without TELEPOT_BEARSSL). Handlers receive updates from now on. */
TP_API tp_hook *tp_hook_new(tp_bot *bot, tp_update_fn handler, void *user,
                            const tp_hook_opts *opts, tp_error *err);
TP_API int tp_hook_port(const tp_hook *h);     /* the bound port (0 with no_server) */
/* Blocks until tp_bot_stop(bot), then stops accepting and waits for the queued handlers. */
TP_API tp_err tp_hook_run(tp_hook *h, tp_error *err);
/* Feeds one update's JSON (a webhook body) from your own server (telepot's source=queue):
   deduplicated, ordered and dispatched like a POST. Thread-safe, handlers included; never
   waits for a queue. Returns TP_OK when queued or a duplicate; TP_ERR_BUSY when there is no
   room for it now (its chat's queue is full, or max_queued_bytes is reached: nothing was
   kept, answer your client 503 or push it again later); a parse error code after reporting
   it to on_bad_update. */
TP_API tp_err tp_hook_push(tp_hook *h, const char *body, size_t len, tp_error *err);
/* Stops the server (connections close at once; a request already read whole is answered
   first), drains the handlers, frees. NULL allowed. */
TP_API void tp_hook_free(tp_hook *h);

/* Deprecated in 0.3, gone in 0.4: the generated tp_set_webhook and tp_delete_webhook (>>gen)
   do the same with every parameter. allowed_updates here is NULL-terminated. */
typedef struct tp_webhook_args {
    int max_connections;                 /* 1..100; 0 = Telegram's default (40) */
    const char *const *allowed_updates;  /* NULL-terminated, or NULL */
    bool drop_pending_updates;
    const char *ip_address;              /* NULL = absent */
} tp_webhook_args;
TP_API tp_err tp_hook_set_webhook(tp_bot *bot, const char *url, const char *secret_token,
                                  const tp_webhook_args *more, tp_error *err)
    TP__DEPRECATED("tp_set_webhook");
TP_API tp_err tp_hook_delete_webhook(tp_bot *bot, bool drop_pending_updates, tp_error *err)
    TP__DEPRECATED("tp_delete_webhook");

/* The whole main() of a webhook bot, like tp_poll_main: the token from argv[1] (else
   TELEGRAM_BOT_TOKEN), the public URL Telegram posts to from argv[2] (else
   TELEPOT_WEBHOOK_URL), the local port from argv[3] (else TELEPOT_WEBHOOK_PORT, else
   opts->port, else 8080), the secret from TELEPOT_WEBHOOK_SECRET (else opts->secret_token,
   else 32 random hex digits). It sets the webhook, prints "Listening on port N ..." and serves
   until SIGINT/SIGTERM; warnings go to stderr (tp_log_stderr). Returns the exit status: 0
   after a stop, 2 on bad usage, 1 on error. */
TP_API int tp_hook_main(int argc, char **argv, tp_update_fn handler, void *user,
                        const tp_hook_opts *opts);

/* >>gen ---------------------------------------------------------------------------------------
   The whole Bot API, generated: one struct per type, a tag + member pointer per union, an
   args struct and an inline wrapper per method, result structs. Conventions: see its first
   comment. The keyboard builders after it are hand-written. */

/* BEGIN GENERATED declarations: tools/gen_api.py from tools/botapi.json; do not edit, run `make gen` */
/* Bot API 10.1 (June 11, 2026): 359 types, 180 methods. Conventions of this region:
   - type Message is struct tp_message, field `from` is `from_` (C/C++ keywords get '_');
   - Integer is int64_t, Float double, Boolean bool, String const char * (borrowed from the
     document); an optional Integer/Float/Boolean `x` of a type has `bool has_x` (all the
     presence flags sit at the end of the struct); absent optional pointers are NULL;
   - an array is `x` (pointer to its first element) + `x_count`; Array of Array elements are
     tp_<elem>_list {items, count};
   - a union (ChatMember, MessageOrigin, InputMedia, ...) is {json, kind, as.<member>}, kind
     chosen by the discriminators of botapi.json (0 = a kind newer than this header);
   - every object keeps `json`, its DOM: fields newer than this header are read from it;
   - writing an object skips an optional field that is 0/false/NULL unless its has_ flag is
     set (has_x = true sends x even as 0/false); const fields (InputMediaPhoto's "type")
     are written for you when NULL;
   - a method's args struct: zero/NULL means absent, so a zeroed struct sends no optional
     parameter. An optional Integer/Float/Boolean parameter is sent when not 0/false, 0/false
     being what Telegram assumes when it is absent; the few whose absent default differs
     (answerInlineQuery's cache_time: 300) also have `bool has_x` at the end of the struct:
     set it to send 0/false;
   - a union you build must have its kind name the member you set: kind 0 with a member set
     (a forgotten .kind), an unknown kind or no member fails the call with TP_ERR_INVALID
     naming the field, and nothing is sent (one read from a document is sent as its json). */

/* Type ids: tp_parse_as(doc, TP_TYPE_CHAT_MEMBER, json, &err), tp_jw_typed(&w, id, obj). */
enum {
    TP_TYPE_UPDATE = 0,
    TP_TYPE_WEBHOOK_INFO = 1,
    TP_TYPE_USER = 2,
    TP_TYPE_CHAT = 3,
    TP_TYPE_CHAT_FULL_INFO = 4,
    TP_TYPE_MESSAGE = 5,
    TP_TYPE_MESSAGE_ID = 6,
    TP_TYPE_INACCESSIBLE_MESSAGE = 7,
    TP_TYPE_MAYBE_INACCESSIBLE_MESSAGE = 8,
    TP_TYPE_MESSAGE_ENTITY = 9,
    TP_TYPE_TEXT_QUOTE = 10,
    TP_TYPE_EXTERNAL_REPLY_INFO = 11,
    TP_TYPE_REPLY_PARAMETERS = 12,
    TP_TYPE_MESSAGE_ORIGIN = 13,
    TP_TYPE_MESSAGE_ORIGIN_USER = 14,
    TP_TYPE_MESSAGE_ORIGIN_HIDDEN_USER = 15,
    TP_TYPE_MESSAGE_ORIGIN_CHAT = 16,
    TP_TYPE_MESSAGE_ORIGIN_CHANNEL = 17,
    TP_TYPE_PHOTO_SIZE = 18,
    TP_TYPE_ANIMATION = 19,
    TP_TYPE_AUDIO = 20,
    TP_TYPE_DOCUMENT = 21,
    TP_TYPE_LIVE_PHOTO = 22,
    TP_TYPE_STORY = 23,
    TP_TYPE_VIDEO_QUALITY = 24,
    TP_TYPE_VIDEO = 25,
    TP_TYPE_VIDEO_NOTE = 26,
    TP_TYPE_VOICE = 27,
    TP_TYPE_PAID_MEDIA_INFO = 28,
    TP_TYPE_PAID_MEDIA = 29,
    TP_TYPE_PAID_MEDIA_LIVE_PHOTO = 30,
    TP_TYPE_PAID_MEDIA_PHOTO = 31,
    TP_TYPE_PAID_MEDIA_PREVIEW = 32,
    TP_TYPE_PAID_MEDIA_VIDEO = 33,
    TP_TYPE_CONTACT = 34,
    TP_TYPE_DICE = 35,
    TP_TYPE_LINK = 36,
    TP_TYPE_POLL_MEDIA = 37,
    TP_TYPE_INPUT_POLL_MEDIA = 38,
    TP_TYPE_INPUT_POLL_OPTION_MEDIA = 39,
    TP_TYPE_POLL_OPTION = 40,
    TP_TYPE_INPUT_POLL_OPTION = 41,
    TP_TYPE_POLL_ANSWER = 42,
    TP_TYPE_POLL = 43,
    TP_TYPE_CHECKLIST_TASK = 44,
    TP_TYPE_CHECKLIST = 45,
    TP_TYPE_INPUT_CHECKLIST_TASK = 46,
    TP_TYPE_INPUT_CHECKLIST = 47,
    TP_TYPE_CHECKLIST_TASKS_DONE = 48,
    TP_TYPE_CHECKLIST_TASKS_ADDED = 49,
    TP_TYPE_LOCATION = 50,
    TP_TYPE_VENUE = 51,
    TP_TYPE_WEB_APP_DATA = 52,
    TP_TYPE_PROXIMITY_ALERT_TRIGGERED = 53,
    TP_TYPE_MESSAGE_AUTO_DELETE_TIMER_CHANGED = 54,
    TP_TYPE_MANAGED_BOT_CREATED = 55,
    TP_TYPE_MANAGED_BOT_UPDATED = 56,
    TP_TYPE_POLL_OPTION_ADDED = 57,
    TP_TYPE_POLL_OPTION_DELETED = 58,
    TP_TYPE_CHAT_BOOST_ADDED = 59,
    TP_TYPE_BACKGROUND_FILL = 60,
    TP_TYPE_BACKGROUND_FILL_SOLID = 61,
    TP_TYPE_BACKGROUND_FILL_GRADIENT = 62,
    TP_TYPE_BACKGROUND_FILL_FREEFORM_GRADIENT = 63,
    TP_TYPE_BACKGROUND_TYPE = 64,
    TP_TYPE_BACKGROUND_TYPE_FILL = 65,
    TP_TYPE_BACKGROUND_TYPE_WALLPAPER = 66,
    TP_TYPE_BACKGROUND_TYPE_PATTERN = 67,
    TP_TYPE_BACKGROUND_TYPE_CHAT_THEME = 68,
    TP_TYPE_CHAT_BACKGROUND = 69,
    TP_TYPE_FORUM_TOPIC_CREATED = 70,
    TP_TYPE_FORUM_TOPIC_CLOSED = 71,
    TP_TYPE_FORUM_TOPIC_EDITED = 72,
    TP_TYPE_FORUM_TOPIC_REOPENED = 73,
    TP_TYPE_GENERAL_FORUM_TOPIC_HIDDEN = 74,
    TP_TYPE_GENERAL_FORUM_TOPIC_UNHIDDEN = 75,
    TP_TYPE_SHARED_USER = 76,
    TP_TYPE_USERS_SHARED = 77,
    TP_TYPE_CHAT_SHARED = 78,
    TP_TYPE_WRITE_ACCESS_ALLOWED = 79,
    TP_TYPE_VIDEO_CHAT_SCHEDULED = 80,
    TP_TYPE_VIDEO_CHAT_STARTED = 81,
    TP_TYPE_VIDEO_CHAT_ENDED = 82,
    TP_TYPE_VIDEO_CHAT_PARTICIPANTS_INVITED = 83,
    TP_TYPE_PAID_MESSAGE_PRICE_CHANGED = 84,
    TP_TYPE_DIRECT_MESSAGE_PRICE_CHANGED = 85,
    TP_TYPE_SUGGESTED_POST_APPROVED = 86,
    TP_TYPE_SUGGESTED_POST_APPROVAL_FAILED = 87,
    TP_TYPE_SUGGESTED_POST_DECLINED = 88,
    TP_TYPE_SUGGESTED_POST_PAID = 89,
    TP_TYPE_SUGGESTED_POST_REFUNDED = 90,
    TP_TYPE_GIVEAWAY_CREATED = 91,
    TP_TYPE_GIVEAWAY = 92,
    TP_TYPE_GIVEAWAY_WINNERS = 93,
    TP_TYPE_GIVEAWAY_COMPLETED = 94,
    TP_TYPE_LINK_PREVIEW_OPTIONS = 95,
    TP_TYPE_SUGGESTED_POST_PRICE = 96,
    TP_TYPE_SUGGESTED_POST_INFO = 97,
    TP_TYPE_SUGGESTED_POST_PARAMETERS = 98,
    TP_TYPE_DIRECT_MESSAGES_TOPIC = 99,
    TP_TYPE_USER_PROFILE_PHOTOS = 100,
    TP_TYPE_USER_PROFILE_AUDIOS = 101,
    TP_TYPE_FILE = 102,
    TP_TYPE_WEB_APP_INFO = 103,
    TP_TYPE_REPLY_KEYBOARD_MARKUP = 104,
    TP_TYPE_KEYBOARD_BUTTON = 105,
    TP_TYPE_KEYBOARD_BUTTON_REQUEST_USERS = 106,
    TP_TYPE_KEYBOARD_BUTTON_REQUEST_CHAT = 107,
    TP_TYPE_KEYBOARD_BUTTON_REQUEST_MANAGED_BOT = 108,
    TP_TYPE_KEYBOARD_BUTTON_POLL_TYPE = 109,
    TP_TYPE_REPLY_KEYBOARD_REMOVE = 110,
    TP_TYPE_INLINE_KEYBOARD_MARKUP = 111,
    TP_TYPE_INLINE_KEYBOARD_BUTTON = 112,
    TP_TYPE_LOGIN_URL = 113,
    TP_TYPE_SWITCH_INLINE_QUERY_CHOSEN_CHAT = 114,
    TP_TYPE_COPY_TEXT_BUTTON = 115,
    TP_TYPE_CALLBACK_QUERY = 116,
    TP_TYPE_FORCE_REPLY = 117,
    TP_TYPE_CHAT_PHOTO = 118,
    TP_TYPE_CHAT_INVITE_LINK = 119,
    TP_TYPE_CHAT_ADMINISTRATOR_RIGHTS = 120,
    TP_TYPE_CHAT_MEMBER_UPDATED = 121,
    TP_TYPE_CHAT_MEMBER = 122,
    TP_TYPE_CHAT_MEMBER_OWNER = 123,
    TP_TYPE_CHAT_MEMBER_ADMINISTRATOR = 124,
    TP_TYPE_CHAT_MEMBER_MEMBER = 125,
    TP_TYPE_CHAT_MEMBER_RESTRICTED = 126,
    TP_TYPE_CHAT_MEMBER_LEFT = 127,
    TP_TYPE_CHAT_MEMBER_BANNED = 128,
    TP_TYPE_CHAT_JOIN_REQUEST = 129,
    TP_TYPE_CHAT_PERMISSIONS = 130,
    TP_TYPE_BIRTHDATE = 131,
    TP_TYPE_BUSINESS_INTRO = 132,
    TP_TYPE_BUSINESS_LOCATION = 133,
    TP_TYPE_BUSINESS_OPENING_HOURS_INTERVAL = 134,
    TP_TYPE_BUSINESS_OPENING_HOURS = 135,
    TP_TYPE_USER_RATING = 136,
    TP_TYPE_STORY_AREA_POSITION = 137,
    TP_TYPE_LOCATION_ADDRESS = 138,
    TP_TYPE_STORY_AREA_TYPE = 139,
    TP_TYPE_STORY_AREA_TYPE_LOCATION = 140,
    TP_TYPE_STORY_AREA_TYPE_SUGGESTED_REACTION = 141,
    TP_TYPE_STORY_AREA_TYPE_LINK = 142,
    TP_TYPE_STORY_AREA_TYPE_WEATHER = 143,
    TP_TYPE_STORY_AREA_TYPE_UNIQUE_GIFT = 144,
    TP_TYPE_STORY_AREA = 145,
    TP_TYPE_CHAT_LOCATION = 146,
    TP_TYPE_REACTION_TYPE = 147,
    TP_TYPE_REACTION_TYPE_EMOJI = 148,
    TP_TYPE_REACTION_TYPE_CUSTOM_EMOJI = 149,
    TP_TYPE_REACTION_TYPE_PAID = 150,
    TP_TYPE_REACTION_COUNT = 151,
    TP_TYPE_MESSAGE_REACTION_UPDATED = 152,
    TP_TYPE_MESSAGE_REACTION_COUNT_UPDATED = 153,
    TP_TYPE_FORUM_TOPIC = 154,
    TP_TYPE_GIFT_BACKGROUND = 155,
    TP_TYPE_GIFT = 156,
    TP_TYPE_GIFTS = 157,
    TP_TYPE_UNIQUE_GIFT_MODEL = 158,
    TP_TYPE_UNIQUE_GIFT_SYMBOL = 159,
    TP_TYPE_UNIQUE_GIFT_BACKDROP_COLORS = 160,
    TP_TYPE_UNIQUE_GIFT_BACKDROP = 161,
    TP_TYPE_UNIQUE_GIFT_COLORS = 162,
    TP_TYPE_UNIQUE_GIFT = 163,
    TP_TYPE_GIFT_INFO = 164,
    TP_TYPE_UNIQUE_GIFT_INFO = 165,
    TP_TYPE_OWNED_GIFT = 166,
    TP_TYPE_OWNED_GIFT_REGULAR = 167,
    TP_TYPE_OWNED_GIFT_UNIQUE = 168,
    TP_TYPE_OWNED_GIFTS = 169,
    TP_TYPE_BOT_ACCESS_SETTINGS = 170,
    TP_TYPE_ACCEPTED_GIFT_TYPES = 171,
    TP_TYPE_STAR_AMOUNT = 172,
    TP_TYPE_BOT_COMMAND = 173,
    TP_TYPE_BOT_COMMAND_SCOPE = 174,
    TP_TYPE_BOT_COMMAND_SCOPE_DEFAULT = 175,
    TP_TYPE_BOT_COMMAND_SCOPE_ALL_PRIVATE_CHATS = 176,
    TP_TYPE_BOT_COMMAND_SCOPE_ALL_GROUP_CHATS = 177,
    TP_TYPE_BOT_COMMAND_SCOPE_ALL_CHAT_ADMINISTRATORS = 178,
    TP_TYPE_BOT_COMMAND_SCOPE_CHAT = 179,
    TP_TYPE_BOT_COMMAND_SCOPE_CHAT_ADMINISTRATORS = 180,
    TP_TYPE_BOT_COMMAND_SCOPE_CHAT_MEMBER = 181,
    TP_TYPE_BOT_NAME = 182,
    TP_TYPE_BOT_DESCRIPTION = 183,
    TP_TYPE_BOT_SHORT_DESCRIPTION = 184,
    TP_TYPE_MENU_BUTTON = 185,
    TP_TYPE_MENU_BUTTON_COMMANDS = 186,
    TP_TYPE_MENU_BUTTON_WEB_APP = 187,
    TP_TYPE_MENU_BUTTON_DEFAULT = 188,
    TP_TYPE_CHAT_BOOST_SOURCE = 189,
    TP_TYPE_CHAT_BOOST_SOURCE_PREMIUM = 190,
    TP_TYPE_CHAT_BOOST_SOURCE_GIFT_CODE = 191,
    TP_TYPE_CHAT_BOOST_SOURCE_GIVEAWAY = 192,
    TP_TYPE_CHAT_BOOST = 193,
    TP_TYPE_CHAT_BOOST_UPDATED = 194,
    TP_TYPE_CHAT_BOOST_REMOVED = 195,
    TP_TYPE_CHAT_OWNER_LEFT = 196,
    TP_TYPE_CHAT_OWNER_CHANGED = 197,
    TP_TYPE_USER_CHAT_BOOSTS = 198,
    TP_TYPE_BUSINESS_BOT_RIGHTS = 199,
    TP_TYPE_BUSINESS_CONNECTION = 200,
    TP_TYPE_BUSINESS_MESSAGES_DELETED = 201,
    TP_TYPE_SENT_WEB_APP_MESSAGE = 202,
    TP_TYPE_SENT_GUEST_MESSAGE = 203,
    TP_TYPE_PREPARED_INLINE_MESSAGE = 204,
    TP_TYPE_PREPARED_KEYBOARD_BUTTON = 205,
    TP_TYPE_RESPONSE_PARAMETERS = 206,
    TP_TYPE_INPUT_MEDIA = 207,
    TP_TYPE_INPUT_MEDIA_ANIMATION = 208,
    TP_TYPE_INPUT_MEDIA_AUDIO = 209,
    TP_TYPE_INPUT_MEDIA_DOCUMENT = 210,
    TP_TYPE_INPUT_MEDIA_LINK = 211,
    TP_TYPE_INPUT_MEDIA_LIVE_PHOTO = 212,
    TP_TYPE_INPUT_MEDIA_LOCATION = 213,
    TP_TYPE_INPUT_MEDIA_PHOTO = 214,
    TP_TYPE_INPUT_MEDIA_STICKER = 215,
    TP_TYPE_INPUT_MEDIA_VENUE = 216,
    TP_TYPE_INPUT_MEDIA_VIDEO = 217,
    TP_TYPE_INPUT_FILE = 218,
    TP_TYPE_INPUT_PAID_MEDIA = 219,
    TP_TYPE_INPUT_PAID_MEDIA_LIVE_PHOTO = 220,
    TP_TYPE_INPUT_PAID_MEDIA_PHOTO = 221,
    TP_TYPE_INPUT_PAID_MEDIA_VIDEO = 222,
    TP_TYPE_INPUT_PROFILE_PHOTO = 223,
    TP_TYPE_INPUT_PROFILE_PHOTO_STATIC = 224,
    TP_TYPE_INPUT_PROFILE_PHOTO_ANIMATED = 225,
    TP_TYPE_INPUT_STORY_CONTENT = 226,
    TP_TYPE_INPUT_STORY_CONTENT_PHOTO = 227,
    TP_TYPE_INPUT_STORY_CONTENT_VIDEO = 228,
    TP_TYPE_STICKER = 229,
    TP_TYPE_STICKER_SET = 230,
    TP_TYPE_MASK_POSITION = 231,
    TP_TYPE_INPUT_STICKER = 232,
    TP_TYPE_RICH_MESSAGE = 233,
    TP_TYPE_INPUT_RICH_MESSAGE = 234,
    TP_TYPE_RICH_TEXT = 235,
    TP_TYPE_RICH_TEXT_BOLD = 236,
    TP_TYPE_RICH_TEXT_ITALIC = 237,
    TP_TYPE_RICH_TEXT_UNDERLINE = 238,
    TP_TYPE_RICH_TEXT_STRIKETHROUGH = 239,
    TP_TYPE_RICH_TEXT_SPOILER = 240,
    TP_TYPE_RICH_TEXT_DATE_TIME = 241,
    TP_TYPE_RICH_TEXT_TEXT_MENTION = 242,
    TP_TYPE_RICH_TEXT_SUBSCRIPT = 243,
    TP_TYPE_RICH_TEXT_SUPERSCRIPT = 244,
    TP_TYPE_RICH_TEXT_MARKED = 245,
    TP_TYPE_RICH_TEXT_CODE = 246,
    TP_TYPE_RICH_TEXT_CUSTOM_EMOJI = 247,
    TP_TYPE_RICH_TEXT_MATHEMATICAL_EXPRESSION = 248,
    TP_TYPE_RICH_TEXT_URL = 249,
    TP_TYPE_RICH_TEXT_EMAIL_ADDRESS = 250,
    TP_TYPE_RICH_TEXT_PHONE_NUMBER = 251,
    TP_TYPE_RICH_TEXT_BANK_CARD_NUMBER = 252,
    TP_TYPE_RICH_TEXT_MENTION = 253,
    TP_TYPE_RICH_TEXT_HASHTAG = 254,
    TP_TYPE_RICH_TEXT_CASHTAG = 255,
    TP_TYPE_RICH_TEXT_BOT_COMMAND = 256,
    TP_TYPE_RICH_TEXT_ANCHOR = 257,
    TP_TYPE_RICH_TEXT_ANCHOR_LINK = 258,
    TP_TYPE_RICH_TEXT_REFERENCE = 259,
    TP_TYPE_RICH_TEXT_REFERENCE_LINK = 260,
    TP_TYPE_RICH_BLOCK_CAPTION = 261,
    TP_TYPE_RICH_BLOCK_TABLE_CELL = 262,
    TP_TYPE_RICH_BLOCK_LIST_ITEM = 263,
    TP_TYPE_RICH_BLOCK = 264,
    TP_TYPE_RICH_BLOCK_PARAGRAPH = 265,
    TP_TYPE_RICH_BLOCK_SECTION_HEADING = 266,
    TP_TYPE_RICH_BLOCK_PREFORMATTED = 267,
    TP_TYPE_RICH_BLOCK_FOOTER = 268,
    TP_TYPE_RICH_BLOCK_DIVIDER = 269,
    TP_TYPE_RICH_BLOCK_MATHEMATICAL_EXPRESSION = 270,
    TP_TYPE_RICH_BLOCK_ANCHOR = 271,
    TP_TYPE_RICH_BLOCK_LIST = 272,
    TP_TYPE_RICH_BLOCK_BLOCK_QUOTATION = 273,
    TP_TYPE_RICH_BLOCK_PULL_QUOTATION = 274,
    TP_TYPE_RICH_BLOCK_COLLAGE = 275,
    TP_TYPE_RICH_BLOCK_SLIDESHOW = 276,
    TP_TYPE_RICH_BLOCK_TABLE = 277,
    TP_TYPE_RICH_BLOCK_DETAILS = 278,
    TP_TYPE_RICH_BLOCK_MAP = 279,
    TP_TYPE_RICH_BLOCK_ANIMATION = 280,
    TP_TYPE_RICH_BLOCK_AUDIO = 281,
    TP_TYPE_RICH_BLOCK_PHOTO = 282,
    TP_TYPE_RICH_BLOCK_VIDEO = 283,
    TP_TYPE_RICH_BLOCK_VOICE_NOTE = 284,
    TP_TYPE_RICH_BLOCK_THINKING = 285,
    TP_TYPE_INLINE_QUERY = 286,
    TP_TYPE_INLINE_QUERY_RESULTS_BUTTON = 287,
    TP_TYPE_INLINE_QUERY_RESULT = 288,
    TP_TYPE_INLINE_QUERY_RESULT_ARTICLE = 289,
    TP_TYPE_INLINE_QUERY_RESULT_PHOTO = 290,
    TP_TYPE_INLINE_QUERY_RESULT_GIF = 291,
    TP_TYPE_INLINE_QUERY_RESULT_MPEG4_GIF = 292,
    TP_TYPE_INLINE_QUERY_RESULT_VIDEO = 293,
    TP_TYPE_INLINE_QUERY_RESULT_AUDIO = 294,
    TP_TYPE_INLINE_QUERY_RESULT_VOICE = 295,
    TP_TYPE_INLINE_QUERY_RESULT_DOCUMENT = 296,
    TP_TYPE_INLINE_QUERY_RESULT_LOCATION = 297,
    TP_TYPE_INLINE_QUERY_RESULT_VENUE = 298,
    TP_TYPE_INLINE_QUERY_RESULT_CONTACT = 299,
    TP_TYPE_INLINE_QUERY_RESULT_GAME = 300,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_PHOTO = 301,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_GIF = 302,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_MPEG4_GIF = 303,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_STICKER = 304,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_DOCUMENT = 305,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_VIDEO = 306,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_VOICE = 307,
    TP_TYPE_INLINE_QUERY_RESULT_CACHED_AUDIO = 308,
    TP_TYPE_INPUT_MESSAGE_CONTENT = 309,
    TP_TYPE_INPUT_TEXT_MESSAGE_CONTENT = 310,
    TP_TYPE_INPUT_RICH_MESSAGE_CONTENT = 311,
    TP_TYPE_INPUT_LOCATION_MESSAGE_CONTENT = 312,
    TP_TYPE_INPUT_VENUE_MESSAGE_CONTENT = 313,
    TP_TYPE_INPUT_CONTACT_MESSAGE_CONTENT = 314,
    TP_TYPE_INPUT_INVOICE_MESSAGE_CONTENT = 315,
    TP_TYPE_CHOSEN_INLINE_RESULT = 316,
    TP_TYPE_LABELED_PRICE = 317,
    TP_TYPE_INVOICE = 318,
    TP_TYPE_SHIPPING_ADDRESS = 319,
    TP_TYPE_ORDER_INFO = 320,
    TP_TYPE_SHIPPING_OPTION = 321,
    TP_TYPE_SUCCESSFUL_PAYMENT = 322,
    TP_TYPE_REFUNDED_PAYMENT = 323,
    TP_TYPE_SHIPPING_QUERY = 324,
    TP_TYPE_PRE_CHECKOUT_QUERY = 325,
    TP_TYPE_PAID_MEDIA_PURCHASED = 326,
    TP_TYPE_REVENUE_WITHDRAWAL_STATE = 327,
    TP_TYPE_REVENUE_WITHDRAWAL_STATE_PENDING = 328,
    TP_TYPE_REVENUE_WITHDRAWAL_STATE_SUCCEEDED = 329,
    TP_TYPE_REVENUE_WITHDRAWAL_STATE_FAILED = 330,
    TP_TYPE_AFFILIATE_INFO = 331,
    TP_TYPE_TRANSACTION_PARTNER = 332,
    TP_TYPE_TRANSACTION_PARTNER_USER = 333,
    TP_TYPE_TRANSACTION_PARTNER_CHAT = 334,
    TP_TYPE_TRANSACTION_PARTNER_AFFILIATE_PROGRAM = 335,
    TP_TYPE_TRANSACTION_PARTNER_FRAGMENT = 336,
    TP_TYPE_TRANSACTION_PARTNER_TELEGRAM_ADS = 337,
    TP_TYPE_TRANSACTION_PARTNER_TELEGRAM_API = 338,
    TP_TYPE_TRANSACTION_PARTNER_OTHER = 339,
    TP_TYPE_STAR_TRANSACTION = 340,
    TP_TYPE_STAR_TRANSACTIONS = 341,
    TP_TYPE_PASSPORT_DATA = 342,
    TP_TYPE_PASSPORT_FILE = 343,
    TP_TYPE_ENCRYPTED_PASSPORT_ELEMENT = 344,
    TP_TYPE_ENCRYPTED_CREDENTIALS = 345,
    TP_TYPE_PASSPORT_ELEMENT_ERROR = 346,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_DATA_FIELD = 347,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_FRONT_SIDE = 348,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_REVERSE_SIDE = 349,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_SELFIE = 350,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_FILE = 351,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_FILES = 352,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_TRANSLATION_FILE = 353,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_TRANSLATION_FILES = 354,
    TP_TYPE_PASSPORT_ELEMENT_ERROR_UNSPECIFIED = 355,
    TP_TYPE_GAME = 356,
    TP_TYPE_CALLBACK_GAME = 357,
    TP_TYPE_GAME_HIGH_SCORE = 358,
    TP_TYPE_REPLY_MARKUP = 359,
    TP_TYPE_COUNT = 360
};

typedef struct tp_webhook_info tp_webhook_info;
typedef struct tp_chat_full_info tp_chat_full_info;
typedef struct tp_message_id tp_message_id;
typedef struct tp_inaccessible_message tp_inaccessible_message;
typedef struct tp_maybe_inaccessible_message tp_maybe_inaccessible_message;
typedef struct tp_message_entity tp_message_entity;
typedef struct tp_text_quote tp_text_quote;
typedef struct tp_external_reply_info tp_external_reply_info;
typedef struct tp_reply_parameters tp_reply_parameters;
typedef struct tp_message_origin tp_message_origin;
typedef struct tp_message_origin_user tp_message_origin_user;
typedef struct tp_message_origin_hidden_user tp_message_origin_hidden_user;
typedef struct tp_message_origin_chat tp_message_origin_chat;
typedef struct tp_message_origin_channel tp_message_origin_channel;
typedef struct tp_photo_size tp_photo_size;
typedef struct tp_animation tp_animation;
typedef struct tp_audio tp_audio;
typedef struct tp_document tp_document;
typedef struct tp_live_photo tp_live_photo;
typedef struct tp_story tp_story;
typedef struct tp_video_quality tp_video_quality;
typedef struct tp_video tp_video;
typedef struct tp_video_note tp_video_note;
typedef struct tp_voice tp_voice;
typedef struct tp_paid_media_info tp_paid_media_info;
typedef struct tp_paid_media tp_paid_media;
typedef struct tp_paid_media_live_photo tp_paid_media_live_photo;
typedef struct tp_paid_media_photo tp_paid_media_photo;
typedef struct tp_paid_media_preview tp_paid_media_preview;
typedef struct tp_paid_media_video tp_paid_media_video;
typedef struct tp_contact tp_contact;
typedef struct tp_dice tp_dice;
typedef struct tp_link tp_link;
typedef struct tp_poll_media tp_poll_media;
typedef struct tp_input_poll_media tp_input_poll_media;
typedef struct tp_input_poll_option_media tp_input_poll_option_media;
typedef struct tp_poll_option tp_poll_option;
typedef struct tp_input_poll_option tp_input_poll_option;
typedef struct tp_poll_answer tp_poll_answer;
typedef struct tp_poll tp_poll;
typedef struct tp_checklist_task tp_checklist_task;
typedef struct tp_checklist tp_checklist;
typedef struct tp_input_checklist_task tp_input_checklist_task;
typedef struct tp_input_checklist tp_input_checklist;
typedef struct tp_checklist_tasks_done tp_checklist_tasks_done;
typedef struct tp_checklist_tasks_added tp_checklist_tasks_added;
typedef struct tp_location tp_location;
typedef struct tp_venue tp_venue;
typedef struct tp_web_app_data tp_web_app_data;
typedef struct tp_proximity_alert_triggered tp_proximity_alert_triggered;
typedef struct tp_message_auto_delete_timer_changed tp_message_auto_delete_timer_changed;
typedef struct tp_managed_bot_created tp_managed_bot_created;
typedef struct tp_managed_bot_updated tp_managed_bot_updated;
typedef struct tp_poll_option_added tp_poll_option_added;
typedef struct tp_poll_option_deleted tp_poll_option_deleted;
typedef struct tp_chat_boost_added tp_chat_boost_added;
typedef struct tp_background_fill tp_background_fill;
typedef struct tp_background_fill_solid tp_background_fill_solid;
typedef struct tp_background_fill_gradient tp_background_fill_gradient;
typedef struct tp_background_fill_freeform_gradient tp_background_fill_freeform_gradient;
typedef struct tp_background_type tp_background_type;
typedef struct tp_background_type_fill tp_background_type_fill;
typedef struct tp_background_type_wallpaper tp_background_type_wallpaper;
typedef struct tp_background_type_pattern tp_background_type_pattern;
typedef struct tp_background_type_chat_theme tp_background_type_chat_theme;
typedef struct tp_chat_background tp_chat_background;
typedef struct tp_forum_topic_created tp_forum_topic_created;
typedef struct tp_forum_topic_closed tp_forum_topic_closed;
typedef struct tp_forum_topic_edited tp_forum_topic_edited;
typedef struct tp_forum_topic_reopened tp_forum_topic_reopened;
typedef struct tp_general_forum_topic_hidden tp_general_forum_topic_hidden;
typedef struct tp_general_forum_topic_unhidden tp_general_forum_topic_unhidden;
typedef struct tp_shared_user tp_shared_user;
typedef struct tp_users_shared tp_users_shared;
typedef struct tp_chat_shared tp_chat_shared;
typedef struct tp_write_access_allowed tp_write_access_allowed;
typedef struct tp_video_chat_scheduled tp_video_chat_scheduled;
typedef struct tp_video_chat_started tp_video_chat_started;
typedef struct tp_video_chat_ended tp_video_chat_ended;
typedef struct tp_video_chat_participants_invited tp_video_chat_participants_invited;
typedef struct tp_paid_message_price_changed tp_paid_message_price_changed;
typedef struct tp_direct_message_price_changed tp_direct_message_price_changed;
typedef struct tp_suggested_post_approved tp_suggested_post_approved;
typedef struct tp_suggested_post_approval_failed tp_suggested_post_approval_failed;
typedef struct tp_suggested_post_declined tp_suggested_post_declined;
typedef struct tp_suggested_post_paid tp_suggested_post_paid;
typedef struct tp_suggested_post_refunded tp_suggested_post_refunded;
typedef struct tp_giveaway_created tp_giveaway_created;
typedef struct tp_giveaway tp_giveaway;
typedef struct tp_giveaway_winners tp_giveaway_winners;
typedef struct tp_giveaway_completed tp_giveaway_completed;
typedef struct tp_link_preview_options tp_link_preview_options;
typedef struct tp_suggested_post_price tp_suggested_post_price;
typedef struct tp_suggested_post_info tp_suggested_post_info;
typedef struct tp_suggested_post_parameters tp_suggested_post_parameters;
typedef struct tp_direct_messages_topic tp_direct_messages_topic;
typedef struct tp_user_profile_photos tp_user_profile_photos;
typedef struct tp_user_profile_audios tp_user_profile_audios;
typedef struct tp_file tp_file;
typedef struct tp_web_app_info tp_web_app_info;
typedef struct tp_reply_keyboard_markup tp_reply_keyboard_markup;
typedef struct tp_keyboard_button tp_keyboard_button;
typedef struct tp_keyboard_button_request_users tp_keyboard_button_request_users;
typedef struct tp_keyboard_button_request_chat tp_keyboard_button_request_chat;
typedef struct tp_keyboard_button_request_managed_bot tp_keyboard_button_request_managed_bot;
typedef struct tp_keyboard_button_poll_type tp_keyboard_button_poll_type;
typedef struct tp_reply_keyboard_remove tp_reply_keyboard_remove;
typedef struct tp_inline_keyboard_markup tp_inline_keyboard_markup;
typedef struct tp_inline_keyboard_button tp_inline_keyboard_button;
typedef struct tp_login_url tp_login_url;
typedef struct tp_switch_inline_query_chosen_chat tp_switch_inline_query_chosen_chat;
typedef struct tp_copy_text_button tp_copy_text_button;
typedef struct tp_callback_query tp_callback_query;
typedef struct tp_force_reply tp_force_reply;
typedef struct tp_chat_photo tp_chat_photo;
typedef struct tp_chat_invite_link tp_chat_invite_link;
typedef struct tp_chat_administrator_rights tp_chat_administrator_rights;
typedef struct tp_chat_member_updated tp_chat_member_updated;
typedef struct tp_chat_member tp_chat_member;
typedef struct tp_chat_member_owner tp_chat_member_owner;
typedef struct tp_chat_member_administrator tp_chat_member_administrator;
typedef struct tp_chat_member_member tp_chat_member_member;
typedef struct tp_chat_member_restricted tp_chat_member_restricted;
typedef struct tp_chat_member_left tp_chat_member_left;
typedef struct tp_chat_member_banned tp_chat_member_banned;
typedef struct tp_chat_join_request tp_chat_join_request;
typedef struct tp_chat_permissions tp_chat_permissions;
typedef struct tp_birthdate tp_birthdate;
typedef struct tp_business_intro tp_business_intro;
typedef struct tp_business_location tp_business_location;
typedef struct tp_business_opening_hours_interval tp_business_opening_hours_interval;
typedef struct tp_business_opening_hours tp_business_opening_hours;
typedef struct tp_user_rating tp_user_rating;
typedef struct tp_story_area_position tp_story_area_position;
typedef struct tp_location_address tp_location_address;
typedef struct tp_story_area_type tp_story_area_type;
typedef struct tp_story_area_type_location tp_story_area_type_location;
typedef struct tp_story_area_type_suggested_reaction tp_story_area_type_suggested_reaction;
typedef struct tp_story_area_type_link tp_story_area_type_link;
typedef struct tp_story_area_type_weather tp_story_area_type_weather;
typedef struct tp_story_area_type_unique_gift tp_story_area_type_unique_gift;
typedef struct tp_story_area tp_story_area;
typedef struct tp_chat_location tp_chat_location;
typedef struct tp_reaction_type tp_reaction_type;
typedef struct tp_reaction_type_emoji tp_reaction_type_emoji;
typedef struct tp_reaction_type_custom_emoji tp_reaction_type_custom_emoji;
typedef struct tp_reaction_type_paid tp_reaction_type_paid;
typedef struct tp_reaction_count tp_reaction_count;
typedef struct tp_message_reaction_updated tp_message_reaction_updated;
typedef struct tp_message_reaction_count_updated tp_message_reaction_count_updated;
typedef struct tp_forum_topic tp_forum_topic;
typedef struct tp_gift_background tp_gift_background;
typedef struct tp_gift tp_gift;
typedef struct tp_gifts tp_gifts;
typedef struct tp_unique_gift_model tp_unique_gift_model;
typedef struct tp_unique_gift_symbol tp_unique_gift_symbol;
typedef struct tp_unique_gift_backdrop_colors tp_unique_gift_backdrop_colors;
typedef struct tp_unique_gift_backdrop tp_unique_gift_backdrop;
typedef struct tp_unique_gift_colors tp_unique_gift_colors;
typedef struct tp_unique_gift tp_unique_gift;
typedef struct tp_gift_info tp_gift_info;
typedef struct tp_unique_gift_info tp_unique_gift_info;
typedef struct tp_owned_gift tp_owned_gift;
typedef struct tp_owned_gift_regular tp_owned_gift_regular;
typedef struct tp_owned_gift_unique tp_owned_gift_unique;
typedef struct tp_owned_gifts tp_owned_gifts;
typedef struct tp_bot_access_settings tp_bot_access_settings;
typedef struct tp_accepted_gift_types tp_accepted_gift_types;
typedef struct tp_star_amount tp_star_amount;
typedef struct tp_bot_command tp_bot_command;
typedef struct tp_bot_command_scope tp_bot_command_scope;
typedef struct tp_bot_command_scope_default tp_bot_command_scope_default;
typedef struct tp_bot_command_scope_all_private_chats tp_bot_command_scope_all_private_chats;
typedef struct tp_bot_command_scope_all_group_chats tp_bot_command_scope_all_group_chats;
typedef struct tp_bot_command_scope_all_chat_administrators tp_bot_command_scope_all_chat_administrators;
typedef struct tp_bot_command_scope_chat tp_bot_command_scope_chat;
typedef struct tp_bot_command_scope_chat_administrators tp_bot_command_scope_chat_administrators;
typedef struct tp_bot_command_scope_chat_member tp_bot_command_scope_chat_member;
typedef struct tp_bot_name tp_bot_name;
typedef struct tp_bot_description tp_bot_description;
typedef struct tp_bot_short_description tp_bot_short_description;
typedef struct tp_menu_button tp_menu_button;
typedef struct tp_menu_button_commands tp_menu_button_commands;
typedef struct tp_menu_button_web_app tp_menu_button_web_app;
typedef struct tp_menu_button_default tp_menu_button_default;
typedef struct tp_chat_boost_source tp_chat_boost_source;
typedef struct tp_chat_boost_source_premium tp_chat_boost_source_premium;
typedef struct tp_chat_boost_source_gift_code tp_chat_boost_source_gift_code;
typedef struct tp_chat_boost_source_giveaway tp_chat_boost_source_giveaway;
typedef struct tp_chat_boost tp_chat_boost;
typedef struct tp_chat_boost_updated tp_chat_boost_updated;
typedef struct tp_chat_boost_removed tp_chat_boost_removed;
typedef struct tp_chat_owner_left tp_chat_owner_left;
typedef struct tp_chat_owner_changed tp_chat_owner_changed;
typedef struct tp_user_chat_boosts tp_user_chat_boosts;
typedef struct tp_business_bot_rights tp_business_bot_rights;
typedef struct tp_business_connection tp_business_connection;
typedef struct tp_business_messages_deleted tp_business_messages_deleted;
typedef struct tp_sent_web_app_message tp_sent_web_app_message;
typedef struct tp_sent_guest_message tp_sent_guest_message;
typedef struct tp_prepared_inline_message tp_prepared_inline_message;
typedef struct tp_prepared_keyboard_button tp_prepared_keyboard_button;
typedef struct tp_response_parameters tp_response_parameters;
typedef struct tp_input_media tp_input_media;
typedef struct tp_input_media_animation tp_input_media_animation;
typedef struct tp_input_media_audio tp_input_media_audio;
typedef struct tp_input_media_document tp_input_media_document;
typedef struct tp_input_media_link tp_input_media_link;
typedef struct tp_input_media_live_photo tp_input_media_live_photo;
typedef struct tp_input_media_location tp_input_media_location;
typedef struct tp_input_media_photo tp_input_media_photo;
typedef struct tp_input_media_sticker tp_input_media_sticker;
typedef struct tp_input_media_venue tp_input_media_venue;
typedef struct tp_input_media_video tp_input_media_video;
typedef struct tp_input_paid_media tp_input_paid_media;
typedef struct tp_input_paid_media_live_photo tp_input_paid_media_live_photo;
typedef struct tp_input_paid_media_photo tp_input_paid_media_photo;
typedef struct tp_input_paid_media_video tp_input_paid_media_video;
typedef struct tp_input_profile_photo tp_input_profile_photo;
typedef struct tp_input_profile_photo_static tp_input_profile_photo_static;
typedef struct tp_input_profile_photo_animated tp_input_profile_photo_animated;
typedef struct tp_input_story_content tp_input_story_content;
typedef struct tp_input_story_content_photo tp_input_story_content_photo;
typedef struct tp_input_story_content_video tp_input_story_content_video;
typedef struct tp_sticker tp_sticker;
typedef struct tp_sticker_set tp_sticker_set;
typedef struct tp_mask_position tp_mask_position;
typedef struct tp_input_sticker tp_input_sticker;
typedef struct tp_rich_message tp_rich_message;
typedef struct tp_input_rich_message tp_input_rich_message;
typedef struct tp_rich_text tp_rich_text;
typedef struct tp_rich_text_bold tp_rich_text_bold;
typedef struct tp_rich_text_italic tp_rich_text_italic;
typedef struct tp_rich_text_underline tp_rich_text_underline;
typedef struct tp_rich_text_strikethrough tp_rich_text_strikethrough;
typedef struct tp_rich_text_spoiler tp_rich_text_spoiler;
typedef struct tp_rich_text_date_time tp_rich_text_date_time;
typedef struct tp_rich_text_text_mention tp_rich_text_text_mention;
typedef struct tp_rich_text_subscript tp_rich_text_subscript;
typedef struct tp_rich_text_superscript tp_rich_text_superscript;
typedef struct tp_rich_text_marked tp_rich_text_marked;
typedef struct tp_rich_text_code tp_rich_text_code;
typedef struct tp_rich_text_custom_emoji tp_rich_text_custom_emoji;
typedef struct tp_rich_text_mathematical_expression tp_rich_text_mathematical_expression;
typedef struct tp_rich_text_url tp_rich_text_url;
typedef struct tp_rich_text_email_address tp_rich_text_email_address;
typedef struct tp_rich_text_phone_number tp_rich_text_phone_number;
typedef struct tp_rich_text_bank_card_number tp_rich_text_bank_card_number;
typedef struct tp_rich_text_mention tp_rich_text_mention;
typedef struct tp_rich_text_hashtag tp_rich_text_hashtag;
typedef struct tp_rich_text_cashtag tp_rich_text_cashtag;
typedef struct tp_rich_text_bot_command tp_rich_text_bot_command;
typedef struct tp_rich_text_anchor tp_rich_text_anchor;
typedef struct tp_rich_text_anchor_link tp_rich_text_anchor_link;
typedef struct tp_rich_text_reference tp_rich_text_reference;
typedef struct tp_rich_text_reference_link tp_rich_text_reference_link;
typedef struct tp_rich_block_caption tp_rich_block_caption;
typedef struct tp_rich_block_table_cell tp_rich_block_table_cell;
typedef struct tp_rich_block_list_item tp_rich_block_list_item;
typedef struct tp_rich_block tp_rich_block;
typedef struct tp_rich_block_paragraph tp_rich_block_paragraph;
typedef struct tp_rich_block_section_heading tp_rich_block_section_heading;
typedef struct tp_rich_block_preformatted tp_rich_block_preformatted;
typedef struct tp_rich_block_footer tp_rich_block_footer;
typedef struct tp_rich_block_divider tp_rich_block_divider;
typedef struct tp_rich_block_mathematical_expression tp_rich_block_mathematical_expression;
typedef struct tp_rich_block_anchor tp_rich_block_anchor;
typedef struct tp_rich_block_list tp_rich_block_list;
typedef struct tp_rich_block_block_quotation tp_rich_block_block_quotation;
typedef struct tp_rich_block_pull_quotation tp_rich_block_pull_quotation;
typedef struct tp_rich_block_collage tp_rich_block_collage;
typedef struct tp_rich_block_slideshow tp_rich_block_slideshow;
typedef struct tp_rich_block_table tp_rich_block_table;
typedef struct tp_rich_block_details tp_rich_block_details;
typedef struct tp_rich_block_map tp_rich_block_map;
typedef struct tp_rich_block_animation tp_rich_block_animation;
typedef struct tp_rich_block_audio tp_rich_block_audio;
typedef struct tp_rich_block_photo tp_rich_block_photo;
typedef struct tp_rich_block_video tp_rich_block_video;
typedef struct tp_rich_block_voice_note tp_rich_block_voice_note;
typedef struct tp_rich_block_thinking tp_rich_block_thinking;
typedef struct tp_inline_query tp_inline_query;
typedef struct tp_inline_query_results_button tp_inline_query_results_button;
typedef struct tp_inline_query_result tp_inline_query_result;
typedef struct tp_inline_query_result_article tp_inline_query_result_article;
typedef struct tp_inline_query_result_photo tp_inline_query_result_photo;
typedef struct tp_inline_query_result_gif tp_inline_query_result_gif;
typedef struct tp_inline_query_result_mpeg4_gif tp_inline_query_result_mpeg4_gif;
typedef struct tp_inline_query_result_video tp_inline_query_result_video;
typedef struct tp_inline_query_result_audio tp_inline_query_result_audio;
typedef struct tp_inline_query_result_voice tp_inline_query_result_voice;
typedef struct tp_inline_query_result_document tp_inline_query_result_document;
typedef struct tp_inline_query_result_location tp_inline_query_result_location;
typedef struct tp_inline_query_result_venue tp_inline_query_result_venue;
typedef struct tp_inline_query_result_contact tp_inline_query_result_contact;
typedef struct tp_inline_query_result_game tp_inline_query_result_game;
typedef struct tp_inline_query_result_cached_photo tp_inline_query_result_cached_photo;
typedef struct tp_inline_query_result_cached_gif tp_inline_query_result_cached_gif;
typedef struct tp_inline_query_result_cached_mpeg4_gif tp_inline_query_result_cached_mpeg4_gif;
typedef struct tp_inline_query_result_cached_sticker tp_inline_query_result_cached_sticker;
typedef struct tp_inline_query_result_cached_document tp_inline_query_result_cached_document;
typedef struct tp_inline_query_result_cached_video tp_inline_query_result_cached_video;
typedef struct tp_inline_query_result_cached_voice tp_inline_query_result_cached_voice;
typedef struct tp_inline_query_result_cached_audio tp_inline_query_result_cached_audio;
typedef struct tp_input_message_content tp_input_message_content;
typedef struct tp_input_text_message_content tp_input_text_message_content;
typedef struct tp_input_rich_message_content tp_input_rich_message_content;
typedef struct tp_input_location_message_content tp_input_location_message_content;
typedef struct tp_input_venue_message_content tp_input_venue_message_content;
typedef struct tp_input_contact_message_content tp_input_contact_message_content;
typedef struct tp_input_invoice_message_content tp_input_invoice_message_content;
typedef struct tp_chosen_inline_result tp_chosen_inline_result;
typedef struct tp_labeled_price tp_labeled_price;
typedef struct tp_invoice tp_invoice;
typedef struct tp_shipping_address tp_shipping_address;
typedef struct tp_order_info tp_order_info;
typedef struct tp_shipping_option tp_shipping_option;
typedef struct tp_successful_payment tp_successful_payment;
typedef struct tp_refunded_payment tp_refunded_payment;
typedef struct tp_shipping_query tp_shipping_query;
typedef struct tp_pre_checkout_query tp_pre_checkout_query;
typedef struct tp_paid_media_purchased tp_paid_media_purchased;
typedef struct tp_revenue_withdrawal_state tp_revenue_withdrawal_state;
typedef struct tp_revenue_withdrawal_state_pending tp_revenue_withdrawal_state_pending;
typedef struct tp_revenue_withdrawal_state_succeeded tp_revenue_withdrawal_state_succeeded;
typedef struct tp_revenue_withdrawal_state_failed tp_revenue_withdrawal_state_failed;
typedef struct tp_affiliate_info tp_affiliate_info;
typedef struct tp_transaction_partner tp_transaction_partner;
typedef struct tp_transaction_partner_user tp_transaction_partner_user;
typedef struct tp_transaction_partner_chat tp_transaction_partner_chat;
typedef struct tp_transaction_partner_affiliate_program tp_transaction_partner_affiliate_program;
typedef struct tp_transaction_partner_fragment tp_transaction_partner_fragment;
typedef struct tp_transaction_partner_telegram_ads tp_transaction_partner_telegram_ads;
typedef struct tp_transaction_partner_telegram_api tp_transaction_partner_telegram_api;
typedef struct tp_transaction_partner_other tp_transaction_partner_other;
typedef struct tp_star_transaction tp_star_transaction;
typedef struct tp_star_transactions tp_star_transactions;
typedef struct tp_passport_data tp_passport_data;
typedef struct tp_passport_file tp_passport_file;
typedef struct tp_encrypted_passport_element tp_encrypted_passport_element;
typedef struct tp_encrypted_credentials tp_encrypted_credentials;
typedef struct tp_passport_element_error tp_passport_element_error;
typedef struct tp_passport_element_error_data_field tp_passport_element_error_data_field;
typedef struct tp_passport_element_error_front_side tp_passport_element_error_front_side;
typedef struct tp_passport_element_error_reverse_side tp_passport_element_error_reverse_side;
typedef struct tp_passport_element_error_selfie tp_passport_element_error_selfie;
typedef struct tp_passport_element_error_file tp_passport_element_error_file;
typedef struct tp_passport_element_error_files tp_passport_element_error_files;
typedef struct tp_passport_element_error_translation_file tp_passport_element_error_translation_file;
typedef struct tp_passport_element_error_translation_files tp_passport_element_error_translation_files;
typedef struct tp_passport_element_error_unspecified tp_passport_element_error_unspecified;
typedef struct tp_game tp_game;
typedef struct tp_callback_game tp_callback_game;
typedef struct tp_game_high_score tp_game_high_score;
typedef struct tp_reply_markup tp_reply_markup;

typedef struct tp_inline_keyboard_button_list { const tp_inline_keyboard_button *items; size_t count; } tp_inline_keyboard_button_list;
typedef struct tp_keyboard_button_list { const tp_keyboard_button *items; size_t count; } tp_keyboard_button_list;
typedef struct tp_photo_size_list { const tp_photo_size *items; size_t count; } tp_photo_size_list;
typedef struct tp_rich_block_table_cell_list { const tp_rich_block_table_cell *items; size_t count; } tp_rich_block_table_cell_list;

struct tp_update {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t update_id;
    const tp_message *message;  /* optional */
    const tp_message *edited_message;  /* optional */
    const tp_message *channel_post;  /* optional */
    const tp_message *edited_channel_post;  /* optional */
    const tp_business_connection *business_connection;  /* optional */
    const tp_message *business_message;  /* optional */
    const tp_message *edited_business_message;  /* optional */
    const tp_business_messages_deleted *deleted_business_messages;  /* optional */
    const tp_message *guest_message;  /* optional */
    const tp_message_reaction_updated *message_reaction;  /* optional */
    const tp_message_reaction_count_updated *message_reaction_count;  /* optional */
    const tp_inline_query *inline_query;  /* optional */
    const tp_chosen_inline_result *chosen_inline_result;  /* optional */
    const tp_callback_query *callback_query;  /* optional */
    const tp_shipping_query *shipping_query;  /* optional */
    const tp_pre_checkout_query *pre_checkout_query;  /* optional */
    const tp_paid_media_purchased *purchased_paid_media;  /* optional */
    const tp_poll *poll;  /* optional */
    const tp_poll_answer *poll_answer;  /* optional */
    const tp_chat_member_updated *my_chat_member;  /* optional */
    const tp_chat_member_updated *chat_member;  /* optional */
    const tp_chat_join_request *chat_join_request;  /* optional */
    const tp_chat_boost_updated *chat_boost;  /* optional */
    const tp_chat_boost_removed *removed_chat_boost;  /* optional */
    const tp_managed_bot_updated *managed_bot;  /* optional */
};
struct tp_webhook_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *url;
    bool has_custom_certificate;
    int64_t pending_update_count;
    const char *ip_address;  /* optional */
    int64_t last_error_date;  /* optional */
    const char *last_error_message;  /* optional */
    int64_t last_synchronization_error_date;  /* optional */
    int64_t max_connections;  /* optional */
    const char * const *allowed_updates;  /* optional */
    size_t allowed_updates_count;
    bool has_last_error_date;
    bool has_last_synchronization_error_date;
    bool has_max_connections;
};
struct tp_user {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t id;
    bool is_bot;
    const char *first_name;
    const char *last_name;  /* optional */
    const char *username;  /* optional */
    const char *language_code;  /* optional */
    bool is_premium;  /* optional */
    bool added_to_attachment_menu;  /* optional */
    bool can_join_groups;  /* optional */
    bool can_read_all_group_messages;  /* optional */
    bool supports_guest_queries;  /* optional */
    bool supports_inline_queries;  /* optional */
    bool can_connect_to_business;  /* optional */
    bool has_main_web_app;  /* optional */
    bool has_topics_enabled;  /* optional */
    bool allows_users_to_create_topics;  /* optional */
    bool can_manage_bots;  /* optional */
    bool supports_join_request_queries;  /* optional */
    bool has_is_premium;
    bool has_added_to_attachment_menu;
    bool has_can_join_groups;
    bool has_can_read_all_group_messages;
    bool has_supports_guest_queries;
    bool has_supports_inline_queries;
    bool has_can_connect_to_business;
    bool has_has_main_web_app;
    bool has_has_topics_enabled;
    bool has_allows_users_to_create_topics;
    bool has_can_manage_bots;
    bool has_supports_join_request_queries;
};
struct tp_chat {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t id;
    const char *type;
    const char *title;  /* optional */
    const char *username;  /* optional */
    const char *first_name;  /* optional */
    const char *last_name;  /* optional */
    bool is_forum;  /* optional */
    bool is_direct_messages;  /* optional */
    bool has_is_forum;
    bool has_is_direct_messages;
};
struct tp_chat_full_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t id;
    const char *type;
    const char *title;  /* optional */
    const char *username;  /* optional */
    const char *first_name;  /* optional */
    const char *last_name;  /* optional */
    bool is_forum;  /* optional */
    bool is_direct_messages;  /* optional */
    int64_t accent_color_id;
    int64_t max_reaction_count;
    const tp_chat_photo *photo;  /* optional */
    const char * const *active_usernames;  /* optional */
    size_t active_usernames_count;
    const tp_birthdate *birthdate;  /* optional */
    const tp_business_intro *business_intro;  /* optional */
    const tp_business_location *business_location;  /* optional */
    const tp_business_opening_hours *business_opening_hours;  /* optional */
    const tp_chat *personal_chat;  /* optional */
    const tp_chat *parent_chat;  /* optional */
    const tp_reaction_type *available_reactions;  /* optional */
    size_t available_reactions_count;
    const char *background_custom_emoji_id;  /* optional */
    int64_t profile_accent_color_id;  /* optional */
    const char *profile_background_custom_emoji_id;  /* optional */
    const char *emoji_status_custom_emoji_id;  /* optional */
    int64_t emoji_status_expiration_date;  /* optional */
    const char *bio;  /* optional */
    bool has_private_forwards;  /* optional */
    bool has_restricted_voice_and_video_messages;  /* optional */
    bool join_to_send_messages;  /* optional */
    bool join_by_request;  /* optional */
    const char *description;  /* optional */
    const char *invite_link;  /* optional */
    const tp_message *pinned_message;  /* optional */
    const tp_chat_permissions *permissions;  /* optional */
    const tp_accepted_gift_types *accepted_gift_types;
    bool can_send_paid_media;  /* optional */
    int64_t slow_mode_delay;  /* optional */
    int64_t unrestrict_boost_count;  /* optional */
    int64_t message_auto_delete_time;  /* optional */
    bool has_aggressive_anti_spam_enabled;  /* optional */
    bool has_hidden_members;  /* optional */
    bool has_protected_content;  /* optional */
    bool has_visible_history;  /* optional */
    const char *sticker_set_name;  /* optional */
    bool can_set_sticker_set;  /* optional */
    const char *custom_emoji_sticker_set_name;  /* optional */
    int64_t linked_chat_id;  /* optional */
    const tp_chat_location *location;  /* optional */
    const tp_user_rating *rating;  /* optional */
    const tp_audio *first_profile_audio;  /* optional */
    const tp_unique_gift_colors *unique_gift_colors;  /* optional */
    int64_t paid_message_star_count;  /* optional */
    const tp_user *guard_bot;  /* optional */
    bool has_is_forum;
    bool has_is_direct_messages;
    bool has_profile_accent_color_id;
    bool has_emoji_status_expiration_date;
    bool has_has_private_forwards;
    bool has_has_restricted_voice_and_video_messages;
    bool has_join_to_send_messages;
    bool has_join_by_request;
    bool has_can_send_paid_media;
    bool has_slow_mode_delay;
    bool has_unrestrict_boost_count;
    bool has_message_auto_delete_time;
    bool has_has_aggressive_anti_spam_enabled;
    bool has_has_hidden_members;
    bool has_has_protected_content;
    bool has_has_visible_history;
    bool has_can_set_sticker_set;
    bool has_linked_chat_id;
    bool has_paid_message_star_count;
};
struct tp_message {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t message_id;
    int64_t message_thread_id;  /* optional */
    const tp_direct_messages_topic *direct_messages_topic;  /* optional */
    const tp_user *from_;  /* optional */
    const tp_chat *sender_chat;  /* optional */
    int64_t sender_boost_count;  /* optional */
    const tp_user *sender_business_bot;  /* optional */
    const char *sender_tag;  /* optional */
    int64_t date;
    const char *guest_query_id;  /* optional */
    const char *business_connection_id;  /* optional */
    const tp_chat *chat;
    const tp_message_origin *forward_origin;  /* optional */
    bool is_topic_message;  /* optional */
    bool is_automatic_forward;  /* optional */
    const tp_message *reply_to_message;  /* optional */
    const tp_external_reply_info *external_reply;  /* optional */
    const tp_text_quote *quote;  /* optional */
    const tp_story *reply_to_story;  /* optional */
    int64_t reply_to_checklist_task_id;  /* optional */
    const char *reply_to_poll_option_id;  /* optional */
    const tp_user *via_bot;  /* optional */
    const tp_user *guest_bot_caller_user;  /* optional */
    const tp_chat *guest_bot_caller_chat;  /* optional */
    int64_t edit_date;  /* optional */
    bool has_protected_content;  /* optional */
    bool is_from_offline;  /* optional */
    bool is_paid_post;  /* optional */
    const char *media_group_id;  /* optional */
    const char *author_signature;  /* optional */
    int64_t paid_star_count;  /* optional */
    const char *text;  /* optional */
    const tp_message_entity *entities;  /* optional */
    size_t entities_count;
    const tp_link_preview_options *link_preview_options;  /* optional */
    const tp_suggested_post_info *suggested_post_info;  /* optional */
    const char *effect_id;  /* optional */
    const tp_rich_message *rich_message;  /* optional */
    const tp_animation *animation;  /* optional */
    const tp_audio *audio;  /* optional */
    const tp_document *document;  /* optional */
    const tp_live_photo *live_photo;  /* optional */
    const tp_paid_media_info *paid_media;  /* optional */
    const tp_photo_size *photo;  /* optional */
    size_t photo_count;
    const tp_sticker *sticker;  /* optional */
    const tp_story *story;  /* optional */
    const tp_video *video;  /* optional */
    const tp_video_note *video_note;  /* optional */
    const tp_voice *voice;  /* optional */
    const char *caption;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    bool has_media_spoiler;  /* optional */
    const tp_checklist *checklist;  /* optional */
    const tp_contact *contact;  /* optional */
    const tp_dice *dice;  /* optional */
    const tp_game *game;  /* optional */
    const tp_poll *poll;  /* optional */
    const tp_venue *venue;  /* optional */
    const tp_location *location;  /* optional */
    const tp_user *new_chat_members;  /* optional */
    size_t new_chat_members_count;
    const tp_user *left_chat_member;  /* optional */
    const tp_chat_owner_left *chat_owner_left;  /* optional */
    const tp_chat_owner_changed *chat_owner_changed;  /* optional */
    const char *new_chat_title;  /* optional */
    const tp_photo_size *new_chat_photo;  /* optional */
    size_t new_chat_photo_count;
    bool delete_chat_photo;  /* optional */
    bool group_chat_created;  /* optional */
    bool supergroup_chat_created;  /* optional */
    bool channel_chat_created;  /* optional */
    const tp_message_auto_delete_timer_changed *message_auto_delete_timer_changed;  /* optional */
    int64_t migrate_to_chat_id;  /* optional */
    int64_t migrate_from_chat_id;  /* optional */
    const tp_maybe_inaccessible_message *pinned_message;  /* optional */
    const tp_invoice *invoice;  /* optional */
    const tp_successful_payment *successful_payment;  /* optional */
    const tp_refunded_payment *refunded_payment;  /* optional */
    const tp_users_shared *users_shared;  /* optional */
    const tp_chat_shared *chat_shared;  /* optional */
    const tp_gift_info *gift;  /* optional */
    const tp_unique_gift_info *unique_gift;  /* optional */
    const tp_gift_info *gift_upgrade_sent;  /* optional */
    const char *connected_website;  /* optional */
    const tp_write_access_allowed *write_access_allowed;  /* optional */
    const tp_passport_data *passport_data;  /* optional */
    const tp_proximity_alert_triggered *proximity_alert_triggered;  /* optional */
    const tp_chat_boost_added *boost_added;  /* optional */
    const tp_chat_background *chat_background_set;  /* optional */
    const tp_checklist_tasks_done *checklist_tasks_done;  /* optional */
    const tp_checklist_tasks_added *checklist_tasks_added;  /* optional */
    const tp_direct_message_price_changed *direct_message_price_changed;  /* optional */
    const tp_forum_topic_created *forum_topic_created;  /* optional */
    const tp_forum_topic_edited *forum_topic_edited;  /* optional */
    const tp_forum_topic_closed *forum_topic_closed;  /* optional */
    const tp_forum_topic_reopened *forum_topic_reopened;  /* optional */
    const tp_general_forum_topic_hidden *general_forum_topic_hidden;  /* optional */
    const tp_general_forum_topic_unhidden *general_forum_topic_unhidden;  /* optional */
    const tp_giveaway_created *giveaway_created;  /* optional */
    const tp_giveaway *giveaway;  /* optional */
    const tp_giveaway_winners *giveaway_winners;  /* optional */
    const tp_giveaway_completed *giveaway_completed;  /* optional */
    const tp_managed_bot_created *managed_bot_created;  /* optional */
    const tp_paid_message_price_changed *paid_message_price_changed;  /* optional */
    const tp_poll_option_added *poll_option_added;  /* optional */
    const tp_poll_option_deleted *poll_option_deleted;  /* optional */
    const tp_suggested_post_approved *suggested_post_approved;  /* optional */
    const tp_suggested_post_approval_failed *suggested_post_approval_failed;  /* optional */
    const tp_suggested_post_declined *suggested_post_declined;  /* optional */
    const tp_suggested_post_paid *suggested_post_paid;  /* optional */
    const tp_suggested_post_refunded *suggested_post_refunded;  /* optional */
    const tp_video_chat_scheduled *video_chat_scheduled;  /* optional */
    const tp_video_chat_started *video_chat_started;  /* optional */
    const tp_video_chat_ended *video_chat_ended;  /* optional */
    const tp_video_chat_participants_invited *video_chat_participants_invited;  /* optional */
    const tp_web_app_data *web_app_data;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    bool has_message_thread_id;
    bool has_sender_boost_count;
    bool has_is_topic_message;
    bool has_is_automatic_forward;
    bool has_reply_to_checklist_task_id;
    bool has_edit_date;
    bool has_has_protected_content;
    bool has_is_from_offline;
    bool has_is_paid_post;
    bool has_paid_star_count;
    bool has_show_caption_above_media;
    bool has_has_media_spoiler;
    bool has_delete_chat_photo;
    bool has_group_chat_created;
    bool has_supergroup_chat_created;
    bool has_channel_chat_created;
    bool has_migrate_to_chat_id;
    bool has_migrate_from_chat_id;
};
struct tp_message_id {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t message_id;
};
struct tp_inaccessible_message {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    int64_t message_id;
    int64_t date;
};
enum {
    TP_MAYBE_INACCESSIBLE_MESSAGE_MESSAGE = 1,
    TP_MAYBE_INACCESSIBLE_MESSAGE_INACCESSIBLE_MESSAGE = 2,
};
struct tp_maybe_inaccessible_message {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_MAYBE_INACCESSIBLE_MESSAGE_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_message *message;
        const tp_inaccessible_message *inaccessible_message;
    } as;
};
struct tp_message_entity {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t offset;
    int64_t length;
    const char *url;  /* optional */
    const tp_user *user;  /* optional */
    const char *language;  /* optional */
    const char *custom_emoji_id;  /* optional */
    int64_t unix_time;  /* optional */
    const char *date_time_format;  /* optional */
    bool has_unix_time;
};
struct tp_text_quote {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *text;
    const tp_message_entity *entities;  /* optional */
    size_t entities_count;
    int64_t position;
    bool is_manual;  /* optional */
    bool has_is_manual;
};
struct tp_external_reply_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message_origin *origin;
    const tp_chat *chat;  /* optional */
    int64_t message_id;  /* optional */
    const tp_link_preview_options *link_preview_options;  /* optional */
    const tp_animation *animation;  /* optional */
    const tp_audio *audio;  /* optional */
    const tp_document *document;  /* optional */
    const tp_live_photo *live_photo;  /* optional */
    const tp_paid_media_info *paid_media;  /* optional */
    const tp_photo_size *photo;  /* optional */
    size_t photo_count;
    const tp_sticker *sticker;  /* optional */
    const tp_story *story;  /* optional */
    const tp_video *video;  /* optional */
    const tp_video_note *video_note;  /* optional */
    const tp_voice *voice;  /* optional */
    bool has_media_spoiler;  /* optional */
    const tp_checklist *checklist;  /* optional */
    const tp_contact *contact;  /* optional */
    const tp_dice *dice;  /* optional */
    const tp_game *game;  /* optional */
    const tp_giveaway *giveaway;  /* optional */
    const tp_giveaway_winners *giveaway_winners;  /* optional */
    const tp_invoice *invoice;  /* optional */
    const tp_location *location;  /* optional */
    const tp_poll *poll;  /* optional */
    const tp_venue *venue;  /* optional */
    bool has_message_id;
    bool has_has_media_spoiler;
};
struct tp_reply_parameters {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t message_id;
    tp_chat_id chat_id;  /* optional */
    bool allow_sending_without_reply;  /* optional */
    const char *quote;  /* optional */
    const char *quote_parse_mode;  /* optional */
    const tp_message_entity *quote_entities;  /* optional */
    size_t quote_entities_count;
    int64_t quote_position;  /* optional */
    int64_t checklist_task_id;  /* optional */
    const char *poll_option_id;  /* optional */
    bool has_allow_sending_without_reply;
    bool has_quote_position;
    bool has_checklist_task_id;
};
enum {
    TP_MESSAGE_ORIGIN_USER = 1,
    TP_MESSAGE_ORIGIN_HIDDEN_USER = 2,
    TP_MESSAGE_ORIGIN_CHAT = 3,
    TP_MESSAGE_ORIGIN_CHANNEL = 4,
};
struct tp_message_origin {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_MESSAGE_ORIGIN_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_message_origin_user *user;
        const tp_message_origin_hidden_user *hidden_user;
        const tp_message_origin_chat *chat;
        const tp_message_origin_channel *channel;
    } as;
};
struct tp_message_origin_user {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t date;
    const tp_user *sender_user;
};
struct tp_message_origin_hidden_user {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t date;
    const char *sender_user_name;
};
struct tp_message_origin_chat {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t date;
    const tp_chat *sender_chat;
    const char *author_signature;  /* optional */
};
struct tp_message_origin_channel {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t date;
    const tp_chat *chat;
    int64_t message_id;
    const char *author_signature;  /* optional */
};
struct tp_photo_size {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t width;
    int64_t height;
    int64_t file_size;  /* optional */
    bool has_file_size;
};
struct tp_animation {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t width;
    int64_t height;
    int64_t duration;
    const tp_photo_size *thumbnail;  /* optional */
    const char *file_name;  /* optional */
    const char *mime_type;  /* optional */
    int64_t file_size;  /* optional */
    bool has_file_size;
};
struct tp_audio {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t duration;
    const char *performer;  /* optional */
    const char *title;  /* optional */
    const char *file_name;  /* optional */
    const char *mime_type;  /* optional */
    int64_t file_size;  /* optional */
    const tp_photo_size *thumbnail;  /* optional */
    bool has_file_size;
};
struct tp_document {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    const tp_photo_size *thumbnail;  /* optional */
    const char *file_name;  /* optional */
    const char *mime_type;  /* optional */
    int64_t file_size;  /* optional */
    bool has_file_size;
};
struct tp_live_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_photo_size *photo;  /* optional */
    size_t photo_count;
    const char *file_id;
    const char *file_unique_id;
    int64_t width;
    int64_t height;
    int64_t duration;
    const char *mime_type;  /* optional */
    int64_t file_size;  /* optional */
    bool has_file_size;
};
struct tp_story {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    int64_t id;
};
struct tp_video_quality {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t width;
    int64_t height;
    const char *codec;
    int64_t file_size;  /* optional */
    bool has_file_size;
};
struct tp_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t width;
    int64_t height;
    int64_t duration;
    const tp_photo_size *thumbnail;  /* optional */
    const tp_photo_size *cover;  /* optional */
    size_t cover_count;
    int64_t start_timestamp;  /* optional */
    const tp_video_quality *qualities;  /* optional */
    size_t qualities_count;
    const char *file_name;  /* optional */
    const char *mime_type;  /* optional */
    int64_t file_size;  /* optional */
    bool has_start_timestamp;
    bool has_file_size;
};
struct tp_video_note {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t length;
    int64_t duration;
    const tp_photo_size *thumbnail;  /* optional */
    int64_t file_size;  /* optional */
    bool has_file_size;
};
struct tp_voice {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t duration;
    const char *mime_type;  /* optional */
    int64_t file_size;  /* optional */
    bool has_file_size;
};
struct tp_paid_media_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t star_count;
    const tp_paid_media *paid_media;
    size_t paid_media_count;
};
enum {
    TP_PAID_MEDIA_LIVE_PHOTO = 1,
    TP_PAID_MEDIA_PHOTO = 2,
    TP_PAID_MEDIA_PREVIEW = 3,
    TP_PAID_MEDIA_VIDEO = 4,
};
struct tp_paid_media {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_PAID_MEDIA_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_paid_media_live_photo *live_photo;
        const tp_paid_media_photo *photo;
        const tp_paid_media_preview *preview;
        const tp_paid_media_video *video;
    } as;
};
struct tp_paid_media_live_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_live_photo *live_photo;
};
struct tp_paid_media_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_photo_size *photo;
    size_t photo_count;
};
struct tp_paid_media_preview {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t width;  /* optional */
    int64_t height;  /* optional */
    int64_t duration;  /* optional */
    bool has_width;
    bool has_height;
    bool has_duration;
};
struct tp_paid_media_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_video *video;
};
struct tp_contact {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *phone_number;
    const char *first_name;
    const char *last_name;  /* optional */
    int64_t user_id;  /* optional */
    const char *vcard;  /* optional */
    bool has_user_id;
};
struct tp_dice {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *emoji;
    int64_t value;
};
struct tp_link {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *url;
};
struct tp_poll_media {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_animation *animation;  /* optional */
    const tp_audio *audio;  /* optional */
    const tp_document *document;  /* optional */
    const tp_link *link;  /* optional */
    const tp_live_photo *live_photo;  /* optional */
    const tp_location *location;  /* optional */
    const tp_photo_size *photo;  /* optional */
    size_t photo_count;
    const tp_sticker *sticker;  /* optional */
    const tp_venue *venue;  /* optional */
    const tp_video *video;  /* optional */
};
enum {
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_ANIMATION = 1,
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_AUDIO = 2,
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_DOCUMENT = 3,
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_LIVE_PHOTO = 4,
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_LOCATION = 5,
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_PHOTO = 6,
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_VENUE = 7,
    TP_INPUT_POLL_MEDIA_INPUT_MEDIA_VIDEO = 8,
};
struct tp_input_poll_media {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INPUT_POLL_MEDIA_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_input_media_animation *input_media_animation;
        const tp_input_media_audio *input_media_audio;
        const tp_input_media_document *input_media_document;
        const tp_input_media_live_photo *input_media_live_photo;
        const tp_input_media_location *input_media_location;
        const tp_input_media_photo *input_media_photo;
        const tp_input_media_venue *input_media_venue;
        const tp_input_media_video *input_media_video;
    } as;
};
enum {
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_ANIMATION = 1,
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_LINK = 2,
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_LIVE_PHOTO = 3,
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_LOCATION = 4,
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_PHOTO = 5,
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_STICKER = 6,
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_VENUE = 7,
    TP_INPUT_POLL_OPTION_MEDIA_INPUT_MEDIA_VIDEO = 8,
};
struct tp_input_poll_option_media {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INPUT_POLL_OPTION_MEDIA_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_input_media_animation *input_media_animation;
        const tp_input_media_link *input_media_link;
        const tp_input_media_live_photo *input_media_live_photo;
        const tp_input_media_location *input_media_location;
        const tp_input_media_photo *input_media_photo;
        const tp_input_media_sticker *input_media_sticker;
        const tp_input_media_venue *input_media_venue;
        const tp_input_media_video *input_media_video;
    } as;
};
struct tp_poll_option {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *persistent_id;
    const char *text;
    const tp_message_entity *text_entities;  /* optional */
    size_t text_entities_count;
    const tp_poll_media *media;  /* optional */
    int64_t voter_count;
    const tp_user *added_by_user;  /* optional */
    const tp_chat *added_by_chat;  /* optional */
    int64_t addition_date;  /* optional */
    bool has_addition_date;
};
struct tp_input_poll_option {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *text;
    const char *text_parse_mode;  /* optional */
    const tp_message_entity *text_entities;  /* optional */
    size_t text_entities_count;
    const tp_input_poll_option_media *media;  /* optional */
};
struct tp_poll_answer {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *poll_id;
    const tp_chat *voter_chat;  /* optional */
    const tp_user *user;  /* optional */
    const int64_t *option_ids;
    size_t option_ids_count;
    const char * const *option_persistent_ids;
    size_t option_persistent_ids_count;
};
struct tp_poll {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const char *question;
    const tp_message_entity *question_entities;  /* optional */
    size_t question_entities_count;
    const tp_poll_option *options;
    size_t options_count;
    int64_t total_voter_count;
    bool is_closed;
    bool is_anonymous;
    const char *type;
    bool allows_multiple_answers;
    bool allows_revoting;
    bool members_only;
    const char * const *country_codes;  /* optional */
    size_t country_codes_count;
    const int64_t *correct_option_ids;  /* optional */
    size_t correct_option_ids_count;
    const char *explanation;  /* optional */
    const tp_message_entity *explanation_entities;  /* optional */
    size_t explanation_entities_count;
    const tp_poll_media *explanation_media;  /* optional */
    int64_t open_period;  /* optional */
    int64_t close_date;  /* optional */
    const char *description;  /* optional */
    const tp_message_entity *description_entities;  /* optional */
    size_t description_entities_count;
    const tp_poll_media *media;  /* optional */
    bool has_open_period;
    bool has_close_date;
};
struct tp_checklist_task {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t id;
    const char *text;
    const tp_message_entity *text_entities;  /* optional */
    size_t text_entities_count;
    const tp_user *completed_by_user;  /* optional */
    const tp_chat *completed_by_chat;  /* optional */
    int64_t completion_date;  /* optional */
    bool has_completion_date;
};
struct tp_checklist {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *title;
    const tp_message_entity *title_entities;  /* optional */
    size_t title_entities_count;
    const tp_checklist_task *tasks;
    size_t tasks_count;
    bool others_can_add_tasks;  /* optional */
    bool others_can_mark_tasks_as_done;  /* optional */
    bool has_others_can_add_tasks;
    bool has_others_can_mark_tasks_as_done;
};
struct tp_input_checklist_task {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t id;
    const char *text;
    const char *parse_mode;  /* optional */
    const tp_message_entity *text_entities;  /* optional */
    size_t text_entities_count;
};
struct tp_input_checklist {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *title;
    const char *parse_mode;  /* optional */
    const tp_message_entity *title_entities;  /* optional */
    size_t title_entities_count;
    const tp_input_checklist_task *tasks;
    size_t tasks_count;
    bool others_can_add_tasks;  /* optional */
    bool others_can_mark_tasks_as_done;  /* optional */
    bool has_others_can_add_tasks;
    bool has_others_can_mark_tasks_as_done;
};
struct tp_checklist_tasks_done {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message *checklist_message;  /* optional */
    const int64_t *marked_as_done_task_ids;  /* optional */
    size_t marked_as_done_task_ids_count;
    const int64_t *marked_as_not_done_task_ids;  /* optional */
    size_t marked_as_not_done_task_ids_count;
};
struct tp_checklist_tasks_added {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message *checklist_message;  /* optional */
    const tp_checklist_task *tasks;
    size_t tasks_count;
};
struct tp_location {
    const tp_json *json;  /* this object in its document: every field, known or not */
    double latitude;
    double longitude;
    double horizontal_accuracy;  /* optional */
    int64_t live_period;  /* optional */
    int64_t heading;  /* optional */
    int64_t proximity_alert_radius;  /* optional */
    bool has_horizontal_accuracy;
    bool has_live_period;
    bool has_heading;
    bool has_proximity_alert_radius;
};
struct tp_venue {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_location *location;
    const char *title;
    const char *address;
    const char *foursquare_id;  /* optional */
    const char *foursquare_type;  /* optional */
    const char *google_place_id;  /* optional */
    const char *google_place_type;  /* optional */
};
struct tp_web_app_data {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *data;
    const char *button_text;
};
struct tp_proximity_alert_triggered {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *traveler;
    const tp_user *watcher;
    int64_t distance;
};
struct tp_message_auto_delete_timer_changed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t message_auto_delete_time;
};
struct tp_managed_bot_created {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *bot;
};
struct tp_managed_bot_updated {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *user;
    const tp_user *bot;
};
struct tp_poll_option_added {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_maybe_inaccessible_message *poll_message;  /* optional */
    const char *option_persistent_id;
    const char *option_text;
    const tp_message_entity *option_text_entities;  /* optional */
    size_t option_text_entities_count;
};
struct tp_poll_option_deleted {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_maybe_inaccessible_message *poll_message;  /* optional */
    const char *option_persistent_id;
    const char *option_text;
    const tp_message_entity *option_text_entities;  /* optional */
    size_t option_text_entities_count;
};
struct tp_chat_boost_added {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t boost_count;
};
enum {
    TP_BACKGROUND_FILL_SOLID = 1,
    TP_BACKGROUND_FILL_GRADIENT = 2,
    TP_BACKGROUND_FILL_FREEFORM_GRADIENT = 3,
};
struct tp_background_fill {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_BACKGROUND_FILL_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_background_fill_solid *solid;
        const tp_background_fill_gradient *gradient;
        const tp_background_fill_freeform_gradient *freeform_gradient;
    } as;
};
struct tp_background_fill_solid {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t color;
};
struct tp_background_fill_gradient {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t top_color;
    int64_t bottom_color;
    int64_t rotation_angle;
};
struct tp_background_fill_freeform_gradient {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const int64_t *colors;
    size_t colors_count;
};
enum {
    TP_BACKGROUND_TYPE_FILL = 1,
    TP_BACKGROUND_TYPE_WALLPAPER = 2,
    TP_BACKGROUND_TYPE_PATTERN = 3,
    TP_BACKGROUND_TYPE_CHAT_THEME = 4,
};
struct tp_background_type {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_BACKGROUND_TYPE_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_background_type_fill *fill;
        const tp_background_type_wallpaper *wallpaper;
        const tp_background_type_pattern *pattern;
        const tp_background_type_chat_theme *chat_theme;
    } as;
};
struct tp_background_type_fill {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_background_fill *fill;
    int64_t dark_theme_dimming;
};
struct tp_background_type_wallpaper {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_document *document;
    int64_t dark_theme_dimming;
    bool is_blurred;  /* optional */
    bool is_moving;  /* optional */
    bool has_is_blurred;
    bool has_is_moving;
};
struct tp_background_type_pattern {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_document *document;
    const tp_background_fill *fill;
    int64_t intensity;
    bool is_inverted;  /* optional */
    bool is_moving;  /* optional */
    bool has_is_inverted;
    bool has_is_moving;
};
struct tp_background_type_chat_theme {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *theme_name;
};
struct tp_chat_background {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_background_type *type;
};
struct tp_forum_topic_created {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;
    int64_t icon_color;
    const char *icon_custom_emoji_id;  /* optional */
    bool is_name_implicit;  /* optional */
    bool has_is_name_implicit;
};
struct tp_forum_topic_closed {
    const tp_json *json;  /* this object in its document: every field, known or not */
};
struct tp_forum_topic_edited {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;  /* optional */
    const char *icon_custom_emoji_id;  /* optional */
};
struct tp_forum_topic_reopened {
    const tp_json *json;  /* this object in its document: every field, known or not */
};
struct tp_general_forum_topic_hidden {
    const tp_json *json;  /* this object in its document: every field, known or not */
};
struct tp_general_forum_topic_unhidden {
    const tp_json *json;  /* this object in its document: every field, known or not */
};
struct tp_shared_user {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t user_id;
    const char *first_name;  /* optional */
    const char *last_name;  /* optional */
    const char *username;  /* optional */
    const tp_photo_size *photo;  /* optional */
    size_t photo_count;
};
struct tp_users_shared {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t request_id;
    const tp_shared_user *users;
    size_t users_count;
};
struct tp_chat_shared {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t request_id;
    int64_t chat_id;
    const char *title;  /* optional */
    const char *username;  /* optional */
    const tp_photo_size *photo;  /* optional */
    size_t photo_count;
};
struct tp_write_access_allowed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool from_request;  /* optional */
    const char *web_app_name;  /* optional */
    bool from_attachment_menu;  /* optional */
    bool has_from_request;
    bool has_from_attachment_menu;
};
struct tp_video_chat_scheduled {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t start_date;
};
struct tp_video_chat_started {
    const tp_json *json;  /* this object in its document: every field, known or not */
};
struct tp_video_chat_ended {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t duration;
};
struct tp_video_chat_participants_invited {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *users;
    size_t users_count;
};
struct tp_paid_message_price_changed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t paid_message_star_count;
};
struct tp_direct_message_price_changed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool are_direct_messages_enabled;
    int64_t direct_message_star_count;  /* optional */
    bool has_direct_message_star_count;
};
struct tp_suggested_post_approved {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message *suggested_post_message;  /* optional */
    const tp_suggested_post_price *price;  /* optional */
    int64_t send_date;
};
struct tp_suggested_post_approval_failed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message *suggested_post_message;  /* optional */
    const tp_suggested_post_price *price;
};
struct tp_suggested_post_declined {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message *suggested_post_message;  /* optional */
    const char *comment;  /* optional */
};
struct tp_suggested_post_paid {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message *suggested_post_message;  /* optional */
    const char *currency;
    int64_t amount;  /* optional */
    const tp_star_amount *star_amount;  /* optional */
    bool has_amount;
};
struct tp_suggested_post_refunded {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_message *suggested_post_message;  /* optional */
    const char *reason;
};
struct tp_giveaway_created {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t prize_star_count;  /* optional */
    bool has_prize_star_count;
};
struct tp_giveaway {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chats;
    size_t chats_count;
    int64_t winners_selection_date;
    int64_t winner_count;
    bool only_new_members;  /* optional */
    bool has_public_winners;  /* optional */
    const char *prize_description;  /* optional */
    const char * const *country_codes;  /* optional */
    size_t country_codes_count;
    int64_t prize_star_count;  /* optional */
    int64_t premium_subscription_month_count;  /* optional */
    bool has_only_new_members;
    bool has_has_public_winners;
    bool has_prize_star_count;
    bool has_premium_subscription_month_count;
};
struct tp_giveaway_winners {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    int64_t giveaway_message_id;
    int64_t winners_selection_date;
    int64_t winner_count;
    const tp_user *winners;
    size_t winners_count;
    int64_t additional_chat_count;  /* optional */
    int64_t prize_star_count;  /* optional */
    int64_t premium_subscription_month_count;  /* optional */
    int64_t unclaimed_prize_count;  /* optional */
    bool only_new_members;  /* optional */
    bool was_refunded;  /* optional */
    const char *prize_description;  /* optional */
    bool has_additional_chat_count;
    bool has_prize_star_count;
    bool has_premium_subscription_month_count;
    bool has_unclaimed_prize_count;
    bool has_only_new_members;
    bool has_was_refunded;
};
struct tp_giveaway_completed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t winner_count;
    int64_t unclaimed_prize_count;  /* optional */
    const tp_message *giveaway_message;  /* optional */
    bool is_star_giveaway;  /* optional */
    bool has_unclaimed_prize_count;
    bool has_is_star_giveaway;
};
struct tp_link_preview_options {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool is_disabled;  /* optional */
    const char *url;  /* optional */
    bool prefer_small_media;  /* optional */
    bool prefer_large_media;  /* optional */
    bool show_above_text;  /* optional */
    bool has_is_disabled;
    bool has_prefer_small_media;
    bool has_prefer_large_media;
    bool has_show_above_text;
};
struct tp_suggested_post_price {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *currency;
    int64_t amount;
};
struct tp_suggested_post_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *state;
    const tp_suggested_post_price *price;  /* optional */
    int64_t send_date;  /* optional */
    bool has_send_date;
};
struct tp_suggested_post_parameters {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_suggested_post_price *price;  /* optional */
    int64_t send_date;  /* optional */
    bool has_send_date;
};
struct tp_direct_messages_topic {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t topic_id;
    const tp_user *user;  /* optional */
};
struct tp_user_profile_photos {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t total_count;
    const tp_photo_size_list *photos;
    size_t photos_count;
};
struct tp_user_profile_audios {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t total_count;
    const tp_audio *audios;
    size_t audios_count;
};
struct tp_file {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t file_size;  /* optional */
    const char *file_path;  /* optional */
    bool has_file_size;
};
struct tp_web_app_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *url;
};
struct tp_reply_keyboard_markup {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_keyboard_button_list *keyboard;
    size_t keyboard_count;
    bool is_persistent;  /* optional */
    bool resize_keyboard;  /* optional */
    bool one_time_keyboard;  /* optional */
    const char *input_field_placeholder;  /* optional */
    bool selective;  /* optional */
    bool has_is_persistent;
    bool has_resize_keyboard;
    bool has_one_time_keyboard;
    bool has_selective;
};
struct tp_keyboard_button {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *text;
    const char *icon_custom_emoji_id;  /* optional */
    const char *style;  /* optional */
    const tp_keyboard_button_request_users *request_users;  /* optional */
    const tp_keyboard_button_request_chat *request_chat;  /* optional */
    const tp_keyboard_button_request_managed_bot *request_managed_bot;  /* optional */
    bool request_contact;  /* optional */
    bool request_location;  /* optional */
    const tp_keyboard_button_poll_type *request_poll;  /* optional */
    const tp_web_app_info *web_app;  /* optional */
    bool has_request_contact;
    bool has_request_location;
};
struct tp_keyboard_button_request_users {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t request_id;
    bool user_is_bot;  /* optional */
    bool user_is_premium;  /* optional */
    int64_t max_quantity;  /* optional */
    bool request_name;  /* optional */
    bool request_username;  /* optional */
    bool request_photo;  /* optional */
    bool has_user_is_bot;
    bool has_user_is_premium;
    bool has_max_quantity;
    bool has_request_name;
    bool has_request_username;
    bool has_request_photo;
};
struct tp_keyboard_button_request_chat {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t request_id;
    bool chat_is_channel;
    bool chat_is_forum;  /* optional */
    bool chat_has_username;  /* optional */
    bool chat_is_created;  /* optional */
    const tp_chat_administrator_rights *user_administrator_rights;  /* optional */
    const tp_chat_administrator_rights *bot_administrator_rights;  /* optional */
    bool bot_is_member;  /* optional */
    bool request_title;  /* optional */
    bool request_username;  /* optional */
    bool request_photo;  /* optional */
    bool has_chat_is_forum;
    bool has_chat_has_username;
    bool has_chat_is_created;
    bool has_bot_is_member;
    bool has_request_title;
    bool has_request_username;
    bool has_request_photo;
};
struct tp_keyboard_button_request_managed_bot {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t request_id;
    const char *suggested_name;  /* optional */
    const char *suggested_username;  /* optional */
};
struct tp_keyboard_button_poll_type {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;  /* optional */
};
struct tp_reply_keyboard_remove {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool remove_keyboard;
    bool selective;  /* optional */
    bool has_selective;
};
struct tp_inline_keyboard_markup {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_inline_keyboard_button_list *inline_keyboard;
    size_t inline_keyboard_count;
};
struct tp_inline_keyboard_button {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *text;
    const char *icon_custom_emoji_id;  /* optional */
    const char *style;  /* optional */
    const char *url;  /* optional */
    const char *callback_data;  /* optional */
    const tp_web_app_info *web_app;  /* optional */
    const tp_login_url *login_url;  /* optional */
    const char *switch_inline_query;  /* optional */
    const char *switch_inline_query_current_chat;  /* optional */
    const tp_switch_inline_query_chosen_chat *switch_inline_query_chosen_chat;  /* optional */
    const tp_copy_text_button *copy_text;  /* optional */
    const tp_callback_game *callback_game;  /* optional */
    bool pay;  /* optional */
    bool has_pay;
};
struct tp_login_url {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *url;
    const char *forward_text;  /* optional */
    const char *bot_username;  /* optional */
    bool request_write_access;  /* optional */
    bool has_request_write_access;
};
struct tp_switch_inline_query_chosen_chat {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *query;  /* optional */
    bool allow_user_chats;  /* optional */
    bool allow_bot_chats;  /* optional */
    bool allow_group_chats;  /* optional */
    bool allow_channel_chats;  /* optional */
    bool has_allow_user_chats;
    bool has_allow_bot_chats;
    bool has_allow_group_chats;
    bool has_allow_channel_chats;
};
struct tp_copy_text_button {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *text;
};
struct tp_callback_query {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const tp_user *from_;
    const tp_maybe_inaccessible_message *message;  /* optional */
    const char *inline_message_id;  /* optional */
    const char *chat_instance;
    const char *data;  /* optional */
    const char *game_short_name;  /* optional */
};
struct tp_force_reply {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool force_reply;
    const char *input_field_placeholder;  /* optional */
    bool selective;  /* optional */
    bool has_selective;
};
struct tp_chat_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *small_file_id;
    const char *small_file_unique_id;
    const char *big_file_id;
    const char *big_file_unique_id;
};
struct tp_chat_invite_link {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *invite_link;
    const tp_user *creator;
    bool creates_join_request;
    bool is_primary;
    bool is_revoked;
    const char *name;  /* optional */
    int64_t expire_date;  /* optional */
    int64_t member_limit;  /* optional */
    int64_t pending_join_request_count;  /* optional */
    int64_t subscription_period;  /* optional */
    int64_t subscription_price;  /* optional */
    bool has_expire_date;
    bool has_member_limit;
    bool has_pending_join_request_count;
    bool has_subscription_period;
    bool has_subscription_price;
};
struct tp_chat_administrator_rights {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool is_anonymous;
    bool can_manage_chat;
    bool can_delete_messages;
    bool can_manage_video_chats;
    bool can_restrict_members;
    bool can_promote_members;
    bool can_change_info;
    bool can_invite_users;
    bool can_post_stories;
    bool can_edit_stories;
    bool can_delete_stories;
    bool can_post_messages;  /* optional */
    bool can_edit_messages;  /* optional */
    bool can_pin_messages;  /* optional */
    bool can_manage_topics;  /* optional */
    bool can_manage_direct_messages;  /* optional */
    bool can_manage_tags;  /* optional */
    bool has_can_post_messages;
    bool has_can_edit_messages;
    bool has_can_pin_messages;
    bool has_can_manage_topics;
    bool has_can_manage_direct_messages;
    bool has_can_manage_tags;
};
struct tp_chat_member_updated {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    const tp_user *from_;
    int64_t date;
    const tp_chat_member *old_chat_member;
    const tp_chat_member *new_chat_member;
    const tp_chat_invite_link *invite_link;  /* optional */
    bool via_join_request;  /* optional */
    bool via_chat_folder_invite_link;  /* optional */
    bool has_via_join_request;
    bool has_via_chat_folder_invite_link;
};
enum {
    TP_CHAT_MEMBER_OWNER = 1,
    TP_CHAT_MEMBER_ADMINISTRATOR = 2,
    TP_CHAT_MEMBER_MEMBER = 3,
    TP_CHAT_MEMBER_RESTRICTED = 4,
    TP_CHAT_MEMBER_LEFT = 5,
    TP_CHAT_MEMBER_BANNED = 6,
};
struct tp_chat_member {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_CHAT_MEMBER_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_chat_member_owner *owner;
        const tp_chat_member_administrator *administrator;
        const tp_chat_member_member *member;
        const tp_chat_member_restricted *restricted;
        const tp_chat_member_left *left;
        const tp_chat_member_banned *banned;
    } as;
};
struct tp_chat_member_owner {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *status;
    const tp_user *user;
    bool is_anonymous;
    const char *custom_title;  /* optional */
};
struct tp_chat_member_administrator {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *status;
    const tp_user *user;
    bool can_be_edited;
    bool is_anonymous;
    bool can_manage_chat;
    bool can_delete_messages;
    bool can_manage_video_chats;
    bool can_restrict_members;
    bool can_promote_members;
    bool can_change_info;
    bool can_invite_users;
    bool can_post_stories;
    bool can_edit_stories;
    bool can_delete_stories;
    bool can_post_messages;  /* optional */
    bool can_edit_messages;  /* optional */
    bool can_pin_messages;  /* optional */
    bool can_manage_topics;  /* optional */
    bool can_manage_direct_messages;  /* optional */
    bool can_manage_tags;  /* optional */
    const char *custom_title;  /* optional */
    bool has_can_post_messages;
    bool has_can_edit_messages;
    bool has_can_pin_messages;
    bool has_can_manage_topics;
    bool has_can_manage_direct_messages;
    bool has_can_manage_tags;
};
struct tp_chat_member_member {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *status;
    const char *tag;  /* optional */
    const tp_user *user;
    int64_t until_date;  /* optional */
    bool has_until_date;
};
struct tp_chat_member_restricted {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *status;
    const char *tag;  /* optional */
    const tp_user *user;
    bool is_member;
    bool can_send_messages;
    bool can_send_audios;
    bool can_send_documents;
    bool can_send_photos;
    bool can_send_videos;
    bool can_send_video_notes;
    bool can_send_voice_notes;
    bool can_send_polls;
    bool can_send_other_messages;
    bool can_add_web_page_previews;
    bool can_react_to_messages;
    bool can_edit_tag;
    bool can_change_info;
    bool can_invite_users;
    bool can_pin_messages;
    bool can_manage_topics;
    int64_t until_date;
};
struct tp_chat_member_left {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *status;
    const tp_user *user;
};
struct tp_chat_member_banned {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *status;
    const tp_user *user;
    int64_t until_date;
};
struct tp_chat_join_request {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    const tp_user *from_;
    int64_t user_chat_id;
    int64_t date;
    const char *bio;  /* optional */
    const tp_chat_invite_link *invite_link;  /* optional */
    const char *query_id;  /* optional */
};
struct tp_chat_permissions {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool can_send_messages;  /* optional */
    bool can_send_audios;  /* optional */
    bool can_send_documents;  /* optional */
    bool can_send_photos;  /* optional */
    bool can_send_videos;  /* optional */
    bool can_send_video_notes;  /* optional */
    bool can_send_voice_notes;  /* optional */
    bool can_send_polls;  /* optional */
    bool can_send_other_messages;  /* optional */
    bool can_add_web_page_previews;  /* optional */
    bool can_react_to_messages;  /* optional */
    bool can_edit_tag;  /* optional */
    bool can_change_info;  /* optional */
    bool can_invite_users;  /* optional */
    bool can_pin_messages;  /* optional */
    bool can_manage_topics;  /* optional */
    bool has_can_send_messages;
    bool has_can_send_audios;
    bool has_can_send_documents;
    bool has_can_send_photos;
    bool has_can_send_videos;
    bool has_can_send_video_notes;
    bool has_can_send_voice_notes;
    bool has_can_send_polls;
    bool has_can_send_other_messages;
    bool has_can_add_web_page_previews;
    bool has_can_react_to_messages;
    bool has_can_edit_tag;
    bool has_can_change_info;
    bool has_can_invite_users;
    bool has_can_pin_messages;
    bool has_can_manage_topics;
};
struct tp_birthdate {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t day;
    int64_t month;
    int64_t year;  /* optional */
    bool has_year;
};
struct tp_business_intro {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *title;  /* optional */
    const char *message;  /* optional */
    const tp_sticker *sticker;  /* optional */
};
struct tp_business_location {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *address;
    const tp_location *location;  /* optional */
};
struct tp_business_opening_hours_interval {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t opening_minute;
    int64_t closing_minute;
};
struct tp_business_opening_hours {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *time_zone_name;
    const tp_business_opening_hours_interval *opening_hours;
    size_t opening_hours_count;
};
struct tp_user_rating {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t level;
    int64_t rating;
    int64_t current_level_rating;
    int64_t next_level_rating;  /* optional */
    bool has_next_level_rating;
};
struct tp_story_area_position {
    const tp_json *json;  /* this object in its document: every field, known or not */
    double x_percentage;
    double y_percentage;
    double width_percentage;
    double height_percentage;
    double rotation_angle;
    double corner_radius_percentage;
};
struct tp_location_address {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *country_code;
    const char *state;  /* optional */
    const char *city;  /* optional */
    const char *street;  /* optional */
};
enum {
    TP_STORY_AREA_TYPE_LOCATION = 1,
    TP_STORY_AREA_TYPE_SUGGESTED_REACTION = 2,
    TP_STORY_AREA_TYPE_LINK = 3,
    TP_STORY_AREA_TYPE_WEATHER = 4,
    TP_STORY_AREA_TYPE_UNIQUE_GIFT = 5,
};
struct tp_story_area_type {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_STORY_AREA_TYPE_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_story_area_type_location *location;
        const tp_story_area_type_suggested_reaction *suggested_reaction;
        const tp_story_area_type_link *link;
        const tp_story_area_type_weather *weather;
        const tp_story_area_type_unique_gift *unique_gift;
    } as;
};
struct tp_story_area_type_location {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    double latitude;
    double longitude;
    const tp_location_address *address;  /* optional */
};
struct tp_story_area_type_suggested_reaction {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_reaction_type *reaction_type;
    bool is_dark;  /* optional */
    bool is_flipped;  /* optional */
    bool has_is_dark;
    bool has_is_flipped;
};
struct tp_story_area_type_link {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *url;
};
struct tp_story_area_type_weather {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    double temperature;
    const char *emoji;
    int64_t background_color;
};
struct tp_story_area_type_unique_gift {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *name;
};
struct tp_story_area {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_story_area_position *position;
    const tp_story_area_type *type;
};
struct tp_chat_location {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_location *location;
    const char *address;
};
enum {
    TP_REACTION_TYPE_EMOJI = 1,
    TP_REACTION_TYPE_CUSTOM_EMOJI = 2,
    TP_REACTION_TYPE_PAID = 3,
};
struct tp_reaction_type {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_REACTION_TYPE_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_reaction_type_emoji *emoji;
        const tp_reaction_type_custom_emoji *custom_emoji;
        const tp_reaction_type_paid *paid;
    } as;
};
struct tp_reaction_type_emoji {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *emoji;
};
struct tp_reaction_type_custom_emoji {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *custom_emoji_id;
};
struct tp_reaction_type_paid {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_reaction_count {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_reaction_type *type;
    int64_t total_count;
};
struct tp_message_reaction_updated {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    int64_t message_id;
    const tp_user *user;  /* optional */
    const tp_chat *actor_chat;  /* optional */
    int64_t date;
    const tp_reaction_type *old_reaction;
    size_t old_reaction_count;
    const tp_reaction_type *new_reaction;
    size_t new_reaction_count;
};
struct tp_message_reaction_count_updated {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    int64_t message_id;
    int64_t date;
    const tp_reaction_count *reactions;
    size_t reactions_count;
};
struct tp_forum_topic {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t message_thread_id;
    const char *name;
    int64_t icon_color;
    const char *icon_custom_emoji_id;  /* optional */
    bool is_name_implicit;  /* optional */
    bool has_is_name_implicit;
};
struct tp_gift_background {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t center_color;
    int64_t edge_color;
    int64_t text_color;
};
struct tp_gift {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const tp_sticker *sticker;
    int64_t star_count;
    int64_t upgrade_star_count;  /* optional */
    bool is_premium;  /* optional */
    bool has_colors;  /* optional */
    int64_t total_count;  /* optional */
    int64_t remaining_count;  /* optional */
    int64_t personal_total_count;  /* optional */
    int64_t personal_remaining_count;  /* optional */
    const tp_gift_background *background;  /* optional */
    int64_t unique_gift_variant_count;  /* optional */
    const tp_chat *publisher_chat;  /* optional */
    bool has_upgrade_star_count;
    bool has_is_premium;
    bool has_has_colors;
    bool has_total_count;
    bool has_remaining_count;
    bool has_personal_total_count;
    bool has_personal_remaining_count;
    bool has_unique_gift_variant_count;
};
struct tp_gifts {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_gift *gifts;
    size_t gifts_count;
};
struct tp_unique_gift_model {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;
    const tp_sticker *sticker;
    int64_t rarity_per_mille;
    const char *rarity;  /* optional */
};
struct tp_unique_gift_symbol {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;
    const tp_sticker *sticker;
    int64_t rarity_per_mille;
};
struct tp_unique_gift_backdrop_colors {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t center_color;
    int64_t edge_color;
    int64_t symbol_color;
    int64_t text_color;
};
struct tp_unique_gift_backdrop {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;
    const tp_unique_gift_backdrop_colors *colors;
    int64_t rarity_per_mille;
};
struct tp_unique_gift_colors {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *model_custom_emoji_id;
    const char *symbol_custom_emoji_id;
    int64_t light_theme_main_color;
    const int64_t *light_theme_other_colors;
    size_t light_theme_other_colors_count;
    int64_t dark_theme_main_color;
    const int64_t *dark_theme_other_colors;
    size_t dark_theme_other_colors_count;
};
struct tp_unique_gift {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *gift_id;
    const char *base_name;
    const char *name;
    int64_t number;
    const tp_unique_gift_model *model;
    const tp_unique_gift_symbol *symbol;
    const tp_unique_gift_backdrop *backdrop;
    bool is_premium;  /* optional */
    bool is_burned;  /* optional */
    bool is_from_blockchain;  /* optional */
    const tp_unique_gift_colors *colors;  /* optional */
    const tp_chat *publisher_chat;  /* optional */
    bool has_is_premium;
    bool has_is_burned;
    bool has_is_from_blockchain;
};
struct tp_gift_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_gift *gift;
    const char *owned_gift_id;  /* optional */
    int64_t convert_star_count;  /* optional */
    int64_t prepaid_upgrade_star_count;  /* optional */
    bool is_upgrade_separate;  /* optional */
    bool can_be_upgraded;  /* optional */
    const char *text;  /* optional */
    const tp_message_entity *entities;  /* optional */
    size_t entities_count;
    bool is_private;  /* optional */
    int64_t unique_gift_number;  /* optional */
    bool has_convert_star_count;
    bool has_prepaid_upgrade_star_count;
    bool has_is_upgrade_separate;
    bool has_can_be_upgraded;
    bool has_is_private;
    bool has_unique_gift_number;
};
struct tp_unique_gift_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_unique_gift *gift;
    const char *origin;
    const char *last_resale_currency;  /* optional */
    int64_t last_resale_amount;  /* optional */
    const char *owned_gift_id;  /* optional */
    int64_t transfer_star_count;  /* optional */
    int64_t next_transfer_date;  /* optional */
    bool has_last_resale_amount;
    bool has_transfer_star_count;
    bool has_next_transfer_date;
};
enum {
    TP_OWNED_GIFT_REGULAR = 1,
    TP_OWNED_GIFT_UNIQUE = 2,
};
struct tp_owned_gift {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_OWNED_GIFT_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_owned_gift_regular *regular;
        const tp_owned_gift_unique *unique;
    } as;
};
struct tp_owned_gift_regular {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_gift *gift;
    const char *owned_gift_id;  /* optional */
    const tp_user *sender_user;  /* optional */
    int64_t send_date;
    const char *text;  /* optional */
    const tp_message_entity *entities;  /* optional */
    size_t entities_count;
    bool is_private;  /* optional */
    bool is_saved;  /* optional */
    bool can_be_upgraded;  /* optional */
    bool was_refunded;  /* optional */
    int64_t convert_star_count;  /* optional */
    int64_t prepaid_upgrade_star_count;  /* optional */
    bool is_upgrade_separate;  /* optional */
    int64_t unique_gift_number;  /* optional */
    bool has_is_private;
    bool has_is_saved;
    bool has_can_be_upgraded;
    bool has_was_refunded;
    bool has_convert_star_count;
    bool has_prepaid_upgrade_star_count;
    bool has_is_upgrade_separate;
    bool has_unique_gift_number;
};
struct tp_owned_gift_unique {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_unique_gift *gift;
    const char *owned_gift_id;  /* optional */
    const tp_user *sender_user;  /* optional */
    int64_t send_date;
    bool is_saved;  /* optional */
    bool can_be_transferred;  /* optional */
    int64_t transfer_star_count;  /* optional */
    int64_t next_transfer_date;  /* optional */
    bool has_is_saved;
    bool has_can_be_transferred;
    bool has_transfer_star_count;
    bool has_next_transfer_date;
};
struct tp_owned_gifts {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t total_count;
    const tp_owned_gift *gifts;
    size_t gifts_count;
    const char *next_offset;  /* optional */
};
struct tp_bot_access_settings {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool is_access_restricted;
    const tp_user *added_users;  /* optional */
    size_t added_users_count;
};
struct tp_accepted_gift_types {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool unlimited_gifts;
    bool limited_gifts;
    bool unique_gifts;
    bool premium_subscription;
    bool gifts_from_channels;
};
struct tp_star_amount {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t amount;
    int64_t nanostar_amount;  /* optional */
    bool has_nanostar_amount;
};
struct tp_bot_command {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *command;
    const char *description;
};
enum {
    TP_BOT_COMMAND_SCOPE_DEFAULT = 1,
    TP_BOT_COMMAND_SCOPE_ALL_PRIVATE_CHATS = 2,
    TP_BOT_COMMAND_SCOPE_ALL_GROUP_CHATS = 3,
    TP_BOT_COMMAND_SCOPE_ALL_CHAT_ADMINISTRATORS = 4,
    TP_BOT_COMMAND_SCOPE_CHAT = 5,
    TP_BOT_COMMAND_SCOPE_CHAT_ADMINISTRATORS = 6,
    TP_BOT_COMMAND_SCOPE_CHAT_MEMBER = 7,
};
struct tp_bot_command_scope {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_BOT_COMMAND_SCOPE_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_bot_command_scope_default *default_;
        const tp_bot_command_scope_all_private_chats *all_private_chats;
        const tp_bot_command_scope_all_group_chats *all_group_chats;
        const tp_bot_command_scope_all_chat_administrators *all_chat_administrators;
        const tp_bot_command_scope_chat *chat;
        const tp_bot_command_scope_chat_administrators *chat_administrators;
        const tp_bot_command_scope_chat_member *chat_member;
    } as;
};
struct tp_bot_command_scope_default {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_bot_command_scope_all_private_chats {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_bot_command_scope_all_group_chats {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_bot_command_scope_all_chat_administrators {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_bot_command_scope_chat {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_chat_id chat_id;
};
struct tp_bot_command_scope_chat_administrators {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_chat_id chat_id;
};
struct tp_bot_command_scope_chat_member {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_chat_id chat_id;
    int64_t user_id;
};
struct tp_bot_name {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;
};
struct tp_bot_description {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *description;
};
struct tp_bot_short_description {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *short_description;
};
enum {
    TP_MENU_BUTTON_COMMANDS = 1,
    TP_MENU_BUTTON_WEB_APP = 2,
    TP_MENU_BUTTON_DEFAULT = 3,
};
struct tp_menu_button {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_MENU_BUTTON_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_menu_button_commands *commands;
        const tp_menu_button_web_app *web_app;
        const tp_menu_button_default *default_;
    } as;
};
struct tp_menu_button_commands {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_menu_button_web_app {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *text;
    const tp_web_app_info *web_app;
};
struct tp_menu_button_default {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
enum {
    TP_CHAT_BOOST_SOURCE_PREMIUM = 1,
    TP_CHAT_BOOST_SOURCE_GIFT_CODE = 2,
    TP_CHAT_BOOST_SOURCE_GIVEAWAY = 3,
};
struct tp_chat_boost_source {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_CHAT_BOOST_SOURCE_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_chat_boost_source_premium *premium;
        const tp_chat_boost_source_gift_code *gift_code;
        const tp_chat_boost_source_giveaway *giveaway;
    } as;
};
struct tp_chat_boost_source_premium {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const tp_user *user;
};
struct tp_chat_boost_source_gift_code {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const tp_user *user;
};
struct tp_chat_boost_source_giveaway {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    int64_t giveaway_message_id;
    const tp_user *user;  /* optional */
    int64_t prize_star_count;  /* optional */
    bool is_unclaimed;  /* optional */
    bool has_prize_star_count;
    bool has_is_unclaimed;
};
struct tp_chat_boost {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *boost_id;
    int64_t add_date;
    int64_t expiration_date;
    const tp_chat_boost_source *source;
};
struct tp_chat_boost_updated {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    const tp_chat_boost *boost;
};
struct tp_chat_boost_removed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat *chat;
    const char *boost_id;
    int64_t remove_date;
    const tp_chat_boost_source *source;
};
struct tp_chat_owner_left {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *new_owner;  /* optional */
};
struct tp_chat_owner_changed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *new_owner;
};
struct tp_user_chat_boosts {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_chat_boost *boosts;
    size_t boosts_count;
};
struct tp_business_bot_rights {
    const tp_json *json;  /* this object in its document: every field, known or not */
    bool can_reply;  /* optional */
    bool can_read_messages;  /* optional */
    bool can_delete_sent_messages;  /* optional */
    bool can_delete_all_messages;  /* optional */
    bool can_edit_name;  /* optional */
    bool can_edit_bio;  /* optional */
    bool can_edit_profile_photo;  /* optional */
    bool can_edit_username;  /* optional */
    bool can_change_gift_settings;  /* optional */
    bool can_view_gifts_and_stars;  /* optional */
    bool can_convert_gifts_to_stars;  /* optional */
    bool can_transfer_and_upgrade_gifts;  /* optional */
    bool can_transfer_stars;  /* optional */
    bool can_manage_stories;  /* optional */
    bool has_can_reply;
    bool has_can_read_messages;
    bool has_can_delete_sent_messages;
    bool has_can_delete_all_messages;
    bool has_can_edit_name;
    bool has_can_edit_bio;
    bool has_can_edit_profile_photo;
    bool has_can_edit_username;
    bool has_can_change_gift_settings;
    bool has_can_view_gifts_and_stars;
    bool has_can_convert_gifts_to_stars;
    bool has_can_transfer_and_upgrade_gifts;
    bool has_can_transfer_stars;
    bool has_can_manage_stories;
};
struct tp_business_connection {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const tp_user *user;
    int64_t user_chat_id;
    int64_t date;
    const tp_business_bot_rights *rights;  /* optional */
    bool is_enabled;
};
struct tp_business_messages_deleted {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *business_connection_id;
    const tp_chat *chat;
    const int64_t *message_ids;
    size_t message_ids_count;
};
struct tp_sent_web_app_message {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *inline_message_id;  /* optional */
};
struct tp_sent_guest_message {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *inline_message_id;
};
struct tp_prepared_inline_message {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    int64_t expiration_date;
};
struct tp_prepared_keyboard_button {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
};
struct tp_response_parameters {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t migrate_to_chat_id;  /* optional */
    int64_t retry_after;  /* optional */
    bool has_migrate_to_chat_id;
    bool has_retry_after;
};
enum {
    TP_INPUT_MEDIA_ANIMATION = 1,
    TP_INPUT_MEDIA_AUDIO = 2,
    TP_INPUT_MEDIA_DOCUMENT = 3,
    TP_INPUT_MEDIA_LIVE_PHOTO = 4,
    TP_INPUT_MEDIA_PHOTO = 5,
    TP_INPUT_MEDIA_VIDEO = 6,
};
struct tp_input_media {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INPUT_MEDIA_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_input_media_animation *animation;
        const tp_input_media_audio *audio;
        const tp_input_media_document *document;
        const tp_input_media_live_photo *live_photo;
        const tp_input_media_photo *photo;
        const tp_input_media_video *video;
    } as;
};
struct tp_input_media_animation {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    tp_input_file thumbnail;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    int64_t width;  /* optional */
    int64_t height;  /* optional */
    int64_t duration;  /* optional */
    bool has_spoiler;  /* optional */
    bool has_show_caption_above_media;
    bool has_width;
    bool has_height;
    bool has_duration;
    bool has_has_spoiler;
};
struct tp_input_media_audio {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    tp_input_file thumbnail;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    int64_t duration;  /* optional */
    const char *performer;  /* optional */
    const char *title;  /* optional */
    bool has_duration;
};
struct tp_input_media_document {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    tp_input_file thumbnail;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool disable_content_type_detection;  /* optional */
    bool has_disable_content_type_detection;
};
struct tp_input_media_link {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *url;
};
struct tp_input_media_live_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    tp_input_file photo;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    bool has_spoiler;  /* optional */
    bool has_show_caption_above_media;
    bool has_has_spoiler;
};
struct tp_input_media_location {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    double latitude;
    double longitude;
    double horizontal_accuracy;  /* optional */
    bool has_horizontal_accuracy;
};
struct tp_input_media_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    bool has_spoiler;  /* optional */
    bool has_show_caption_above_media;
    bool has_has_spoiler;
};
struct tp_input_media_sticker {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    const char *emoji;  /* optional */
};
struct tp_input_media_venue {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    double latitude;
    double longitude;
    const char *title;
    const char *address;
    const char *foursquare_id;  /* optional */
    const char *foursquare_type;  /* optional */
    const char *google_place_id;  /* optional */
    const char *google_place_type;  /* optional */
};
struct tp_input_media_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    tp_input_file thumbnail;  /* optional */
    tp_input_file cover;  /* optional */
    int64_t start_timestamp;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    int64_t width;  /* optional */
    int64_t height;  /* optional */
    int64_t duration;  /* optional */
    bool supports_streaming;  /* optional */
    bool has_spoiler;  /* optional */
    bool has_start_timestamp;
    bool has_show_caption_above_media;
    bool has_width;
    bool has_height;
    bool has_duration;
    bool has_supports_streaming;
    bool has_has_spoiler;
};
enum {
    TP_INPUT_PAID_MEDIA_LIVE_PHOTO = 1,
    TP_INPUT_PAID_MEDIA_PHOTO = 2,
    TP_INPUT_PAID_MEDIA_VIDEO = 3,
};
struct tp_input_paid_media {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INPUT_PAID_MEDIA_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_input_paid_media_live_photo *live_photo;
        const tp_input_paid_media_photo *photo;
        const tp_input_paid_media_video *video;
    } as;
};
struct tp_input_paid_media_live_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    tp_input_file photo;
};
struct tp_input_paid_media_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
};
struct tp_input_paid_media_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file media;
    tp_input_file thumbnail;  /* optional */
    tp_input_file cover;  /* optional */
    int64_t start_timestamp;  /* optional */
    int64_t width;  /* optional */
    int64_t height;  /* optional */
    int64_t duration;  /* optional */
    bool supports_streaming;  /* optional */
    bool has_start_timestamp;
    bool has_width;
    bool has_height;
    bool has_duration;
    bool has_supports_streaming;
};
enum {
    TP_INPUT_PROFILE_PHOTO_STATIC = 1,
    TP_INPUT_PROFILE_PHOTO_ANIMATED = 2,
};
struct tp_input_profile_photo {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INPUT_PROFILE_PHOTO_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_input_profile_photo_static *static_;
        const tp_input_profile_photo_animated *animated;
    } as;
};
struct tp_input_profile_photo_static {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file photo;
};
struct tp_input_profile_photo_animated {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file animation;
    double main_frame_timestamp;  /* optional */
    bool has_main_frame_timestamp;
};
enum {
    TP_INPUT_STORY_CONTENT_PHOTO = 1,
    TP_INPUT_STORY_CONTENT_VIDEO = 2,
};
struct tp_input_story_content {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INPUT_STORY_CONTENT_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_input_story_content_photo *photo;
        const tp_input_story_content_video *video;
    } as;
};
struct tp_input_story_content_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file photo;
};
struct tp_input_story_content_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    tp_input_file video;
    double duration;  /* optional */
    double cover_frame_timestamp;  /* optional */
    bool is_animation;  /* optional */
    bool has_duration;
    bool has_cover_frame_timestamp;
    bool has_is_animation;
};
struct tp_sticker {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    const char *type;
    int64_t width;
    int64_t height;
    bool is_animated;
    bool is_video;
    const tp_photo_size *thumbnail;  /* optional */
    const char *emoji;  /* optional */
    const char *set_name;  /* optional */
    const tp_file *premium_animation;  /* optional */
    const tp_mask_position *mask_position;  /* optional */
    const char *custom_emoji_id;  /* optional */
    bool needs_repainting;  /* optional */
    int64_t file_size;  /* optional */
    bool has_needs_repainting;
    bool has_file_size;
};
struct tp_sticker_set {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;
    const char *title;
    const char *sticker_type;
    const tp_sticker *stickers;
    size_t stickers_count;
    const tp_photo_size *thumbnail;  /* optional */
};
struct tp_mask_position {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *point;
    double x_shift;
    double y_shift;
    double scale;
};
struct tp_input_sticker {
    const tp_json *json;  /* this object in its document: every field, known or not */
    tp_input_file sticker;
    const char *format;
    const char * const *emoji_list;
    size_t emoji_list_count;
    const tp_mask_position *mask_position;  /* optional */
    const char * const *keywords;  /* optional */
    size_t keywords_count;
};
struct tp_rich_message {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_rich_block *blocks;
    size_t blocks_count;
    bool is_rtl;  /* optional */
    bool has_is_rtl;
};
struct tp_input_rich_message {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *html;  /* optional */
    const char *markdown;  /* optional */
    bool is_rtl;  /* optional */
    bool skip_entity_detection;  /* optional */
    bool has_is_rtl;
    bool has_skip_entity_detection;
};
enum {
    TP_RICH_TEXT_STRING = 1,
    TP_RICH_TEXT_ARRAY = 2,
    TP_RICH_TEXT_BOLD = 3,
    TP_RICH_TEXT_ITALIC = 4,
    TP_RICH_TEXT_UNDERLINE = 5,
    TP_RICH_TEXT_STRIKETHROUGH = 6,
    TP_RICH_TEXT_SPOILER = 7,
    TP_RICH_TEXT_DATE_TIME = 8,
    TP_RICH_TEXT_TEXT_MENTION = 9,
    TP_RICH_TEXT_SUBSCRIPT = 10,
    TP_RICH_TEXT_SUPERSCRIPT = 11,
    TP_RICH_TEXT_MARKED = 12,
    TP_RICH_TEXT_CODE = 13,
    TP_RICH_TEXT_CUSTOM_EMOJI = 14,
    TP_RICH_TEXT_MATHEMATICAL_EXPRESSION = 15,
    TP_RICH_TEXT_URL = 16,
    TP_RICH_TEXT_EMAIL_ADDRESS = 17,
    TP_RICH_TEXT_PHONE_NUMBER = 18,
    TP_RICH_TEXT_BANK_CARD_NUMBER = 19,
    TP_RICH_TEXT_MENTION = 20,
    TP_RICH_TEXT_HASHTAG = 21,
    TP_RICH_TEXT_CASHTAG = 22,
    TP_RICH_TEXT_BOT_COMMAND = 23,
    TP_RICH_TEXT_ANCHOR = 24,
    TP_RICH_TEXT_ANCHOR_LINK = 25,
    TP_RICH_TEXT_REFERENCE = 26,
    TP_RICH_TEXT_REFERENCE_LINK = 27,
};
struct tp_rich_text {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_RICH_TEXT_*; 0: a kind this library does not know */
    union {
        const void *any;
        const char *string;
        const tp_rich_text_bold *bold;
        const tp_rich_text_italic *italic;
        const tp_rich_text_underline *underline;
        const tp_rich_text_strikethrough *strikethrough;
        const tp_rich_text_spoiler *spoiler;
        const tp_rich_text_date_time *date_time;
        const tp_rich_text_text_mention *text_mention;
        const tp_rich_text_subscript *subscript;
        const tp_rich_text_superscript *superscript;
        const tp_rich_text_marked *marked;
        const tp_rich_text_code *code;
        const tp_rich_text_custom_emoji *custom_emoji;
        const tp_rich_text_mathematical_expression *mathematical_expression;
        const tp_rich_text_url *url;
        const tp_rich_text_email_address *email_address;
        const tp_rich_text_phone_number *phone_number;
        const tp_rich_text_bank_card_number *bank_card_number;
        const tp_rich_text_mention *mention;
        const tp_rich_text_hashtag *hashtag;
        const tp_rich_text_cashtag *cashtag;
        const tp_rich_text_bot_command *bot_command;
        const tp_rich_text_anchor *anchor;
        const tp_rich_text_anchor_link *anchor_link;
        const tp_rich_text_reference *reference;
        const tp_rich_text_reference_link *reference_link;
    } as;
};
struct tp_rich_text_bold {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_italic {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_underline {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_strikethrough {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_spoiler {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_date_time {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    int64_t unix_time;
    const char *date_time_format;
};
struct tp_rich_text_text_mention {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const tp_user *user;
};
struct tp_rich_text_subscript {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_superscript {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_marked {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_code {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_text_custom_emoji {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *custom_emoji_id;
    const char *alternative_text;
};
struct tp_rich_text_mathematical_expression {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *expression;
};
struct tp_rich_text_url {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *url;
};
struct tp_rich_text_email_address {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *email_address;
};
struct tp_rich_text_phone_number {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *phone_number;
};
struct tp_rich_text_bank_card_number {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *bank_card_number;
};
struct tp_rich_text_mention {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *username;
};
struct tp_rich_text_hashtag {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *hashtag;
};
struct tp_rich_text_cashtag {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *cashtag;
};
struct tp_rich_text_bot_command {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *bot_command;
};
struct tp_rich_text_anchor {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *name;
};
struct tp_rich_text_anchor_link {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *anchor_name;
};
struct tp_rich_text_reference {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *name;
};
struct tp_rich_text_reference_link {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *reference_name;
};
struct tp_rich_block_caption {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_rich_text *text;
    const tp_rich_text *credit;  /* optional */
};
struct tp_rich_block_table_cell {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_rich_text *text;  /* optional */
    bool is_header;  /* optional */
    int64_t colspan;  /* optional */
    int64_t rowspan;  /* optional */
    const char *align;
    const char *valign;
    bool has_is_header;
    bool has_colspan;
    bool has_rowspan;
};
struct tp_rich_block_list_item {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *label;
    const tp_rich_block *blocks;
    size_t blocks_count;
    bool has_checkbox;  /* optional */
    bool is_checked;  /* optional */
    int64_t value;  /* optional */
    const char *type;  /* optional */
    bool has_has_checkbox;
    bool has_is_checked;
    bool has_value;
};
enum {
    TP_RICH_BLOCK_PARAGRAPH = 1,
    TP_RICH_BLOCK_SECTION_HEADING = 2,
    TP_RICH_BLOCK_PREFORMATTED = 3,
    TP_RICH_BLOCK_FOOTER = 4,
    TP_RICH_BLOCK_DIVIDER = 5,
    TP_RICH_BLOCK_MATHEMATICAL_EXPRESSION = 6,
    TP_RICH_BLOCK_ANCHOR = 7,
    TP_RICH_BLOCK_LIST = 8,
    TP_RICH_BLOCK_BLOCK_QUOTATION = 9,
    TP_RICH_BLOCK_PULL_QUOTATION = 10,
    TP_RICH_BLOCK_COLLAGE = 11,
    TP_RICH_BLOCK_SLIDESHOW = 12,
    TP_RICH_BLOCK_TABLE = 13,
    TP_RICH_BLOCK_DETAILS = 14,
    TP_RICH_BLOCK_MAP = 15,
    TP_RICH_BLOCK_ANIMATION = 16,
    TP_RICH_BLOCK_AUDIO = 17,
    TP_RICH_BLOCK_PHOTO = 18,
    TP_RICH_BLOCK_VIDEO = 19,
    TP_RICH_BLOCK_VOICE_NOTE = 20,
    TP_RICH_BLOCK_THINKING = 21,
};
struct tp_rich_block {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_RICH_BLOCK_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_rich_block_paragraph *paragraph;
        const tp_rich_block_section_heading *section_heading;
        const tp_rich_block_preformatted *preformatted;
        const tp_rich_block_footer *footer;
        const tp_rich_block_divider *divider;
        const tp_rich_block_mathematical_expression *mathematical_expression;
        const tp_rich_block_anchor *anchor;
        const tp_rich_block_list *list;
        const tp_rich_block_block_quotation *block_quotation;
        const tp_rich_block_pull_quotation *pull_quotation;
        const tp_rich_block_collage *collage;
        const tp_rich_block_slideshow *slideshow;
        const tp_rich_block_table *table;
        const tp_rich_block_details *details;
        const tp_rich_block_map *map;
        const tp_rich_block_animation *animation;
        const tp_rich_block_audio *audio;
        const tp_rich_block_photo *photo;
        const tp_rich_block_video *video;
        const tp_rich_block_voice_note *voice_note;
        const tp_rich_block_thinking *thinking;
    } as;
};
struct tp_rich_block_paragraph {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_block_section_heading {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    int64_t size;
};
struct tp_rich_block_preformatted {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const char *language;  /* optional */
};
struct tp_rich_block_footer {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_rich_block_divider {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_rich_block_mathematical_expression {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *expression;
};
struct tp_rich_block_anchor {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *name;
};
struct tp_rich_block_list {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_block_list_item *items;
    size_t items_count;
};
struct tp_rich_block_block_quotation {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_block *blocks;
    size_t blocks_count;
    const tp_rich_text *credit;  /* optional */
};
struct tp_rich_block_pull_quotation {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
    const tp_rich_text *credit;  /* optional */
};
struct tp_rich_block_collage {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_block *blocks;
    size_t blocks_count;
    const tp_rich_block_caption *caption;  /* optional */
};
struct tp_rich_block_slideshow {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_block *blocks;
    size_t blocks_count;
    const tp_rich_block_caption *caption;  /* optional */
};
struct tp_rich_block_table {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_block_table_cell_list *cells;
    size_t cells_count;
    bool is_bordered;  /* optional */
    bool is_striped;  /* optional */
    const tp_rich_text *caption;  /* optional */
    bool has_is_bordered;
    bool has_is_striped;
};
struct tp_rich_block_details {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *summary;
    const tp_rich_block *blocks;
    size_t blocks_count;
    bool is_open;  /* optional */
    bool has_is_open;
};
struct tp_rich_block_map {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_location *location;
    int64_t zoom;
    int64_t width;
    int64_t height;
    const tp_rich_block_caption *caption;  /* optional */
};
struct tp_rich_block_animation {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_animation *animation;
    bool has_spoiler;  /* optional */
    const tp_rich_block_caption *caption;  /* optional */
    bool has_has_spoiler;
};
struct tp_rich_block_audio {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_audio *audio;
    const tp_rich_block_caption *caption;  /* optional */
};
struct tp_rich_block_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_photo_size *photo;
    size_t photo_count;
    bool has_spoiler;  /* optional */
    const tp_rich_block_caption *caption;  /* optional */
    bool has_has_spoiler;
};
struct tp_rich_block_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_video *video;
    bool has_spoiler;  /* optional */
    const tp_rich_block_caption *caption;  /* optional */
    bool has_has_spoiler;
};
struct tp_rich_block_voice_note {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_voice *voice_note;
    const tp_rich_block_caption *caption;  /* optional */
};
struct tp_rich_block_thinking {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_rich_text *text;
};
struct tp_inline_query {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const tp_user *from_;
    const char *query;
    const char *offset;
    const char *chat_type;  /* optional */
    const tp_location *location;  /* optional */
};
struct tp_inline_query_results_button {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *text;
    const tp_web_app_info *web_app;  /* optional */
    const char *start_parameter;  /* optional */
};
enum {
    TP_INLINE_QUERY_RESULT_CACHED_AUDIO = 1,
    TP_INLINE_QUERY_RESULT_CACHED_DOCUMENT = 2,
    TP_INLINE_QUERY_RESULT_CACHED_GIF = 3,
    TP_INLINE_QUERY_RESULT_CACHED_MPEG4_GIF = 4,
    TP_INLINE_QUERY_RESULT_CACHED_PHOTO = 5,
    TP_INLINE_QUERY_RESULT_CACHED_STICKER = 6,
    TP_INLINE_QUERY_RESULT_CACHED_VIDEO = 7,
    TP_INLINE_QUERY_RESULT_CACHED_VOICE = 8,
    TP_INLINE_QUERY_RESULT_ARTICLE = 9,
    TP_INLINE_QUERY_RESULT_AUDIO = 10,
    TP_INLINE_QUERY_RESULT_CONTACT = 11,
    TP_INLINE_QUERY_RESULT_GAME = 12,
    TP_INLINE_QUERY_RESULT_DOCUMENT = 13,
    TP_INLINE_QUERY_RESULT_GIF = 14,
    TP_INLINE_QUERY_RESULT_LOCATION = 15,
    TP_INLINE_QUERY_RESULT_MPEG4_GIF = 16,
    TP_INLINE_QUERY_RESULT_PHOTO = 17,
    TP_INLINE_QUERY_RESULT_VENUE = 18,
    TP_INLINE_QUERY_RESULT_VIDEO = 19,
    TP_INLINE_QUERY_RESULT_VOICE = 20,
};
struct tp_inline_query_result {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INLINE_QUERY_RESULT_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_inline_query_result_cached_audio *cached_audio;
        const tp_inline_query_result_cached_document *cached_document;
        const tp_inline_query_result_cached_gif *cached_gif;
        const tp_inline_query_result_cached_mpeg4_gif *cached_mpeg4_gif;
        const tp_inline_query_result_cached_photo *cached_photo;
        const tp_inline_query_result_cached_sticker *cached_sticker;
        const tp_inline_query_result_cached_video *cached_video;
        const tp_inline_query_result_cached_voice *cached_voice;
        const tp_inline_query_result_article *article;
        const tp_inline_query_result_audio *audio;
        const tp_inline_query_result_contact *contact;
        const tp_inline_query_result_game *game;
        const tp_inline_query_result_document *document;
        const tp_inline_query_result_gif *gif;
        const tp_inline_query_result_location *location;
        const tp_inline_query_result_mpeg4_gif *mpeg4_gif;
        const tp_inline_query_result_photo *photo;
        const tp_inline_query_result_venue *venue;
        const tp_inline_query_result_video *video;
        const tp_inline_query_result_voice *voice;
    } as;
};
struct tp_inline_query_result_article {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *title;
    const tp_input_message_content *input_message_content;
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const char *url;  /* optional */
    const char *description;  /* optional */
    const char *thumbnail_url;  /* optional */
    int64_t thumbnail_width;  /* optional */
    int64_t thumbnail_height;  /* optional */
    bool has_thumbnail_width;
    bool has_thumbnail_height;
};
struct tp_inline_query_result_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *photo_url;
    const char *thumbnail_url;
    int64_t photo_width;  /* optional */
    int64_t photo_height;  /* optional */
    const char *title;  /* optional */
    const char *description;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_photo_width;
    bool has_photo_height;
    bool has_show_caption_above_media;
};
struct tp_inline_query_result_gif {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *gif_url;
    int64_t gif_width;  /* optional */
    int64_t gif_height;  /* optional */
    int64_t gif_duration;  /* optional */
    const char *thumbnail_url;
    const char *thumbnail_mime_type;  /* optional */
    const char *title;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_gif_width;
    bool has_gif_height;
    bool has_gif_duration;
    bool has_show_caption_above_media;
};
struct tp_inline_query_result_mpeg4_gif {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *mpeg4_url;
    int64_t mpeg4_width;  /* optional */
    int64_t mpeg4_height;  /* optional */
    int64_t mpeg4_duration;  /* optional */
    const char *thumbnail_url;
    const char *thumbnail_mime_type;  /* optional */
    const char *title;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_mpeg4_width;
    bool has_mpeg4_height;
    bool has_mpeg4_duration;
    bool has_show_caption_above_media;
};
struct tp_inline_query_result_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *video_url;
    const char *mime_type;
    const char *thumbnail_url;
    const char *title;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    int64_t video_width;  /* optional */
    int64_t video_height;  /* optional */
    int64_t video_duration;  /* optional */
    const char *description;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_show_caption_above_media;
    bool has_video_width;
    bool has_video_height;
    bool has_video_duration;
};
struct tp_inline_query_result_audio {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *audio_url;
    const char *title;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    const char *performer;  /* optional */
    int64_t audio_duration;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_audio_duration;
};
struct tp_inline_query_result_voice {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *voice_url;
    const char *title;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    int64_t voice_duration;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_voice_duration;
};
struct tp_inline_query_result_document {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *title;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    const char *document_url;
    const char *mime_type;
    const char *description;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    const char *thumbnail_url;  /* optional */
    int64_t thumbnail_width;  /* optional */
    int64_t thumbnail_height;  /* optional */
    bool has_thumbnail_width;
    bool has_thumbnail_height;
};
struct tp_inline_query_result_location {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    double latitude;
    double longitude;
    const char *title;
    double horizontal_accuracy;  /* optional */
    int64_t live_period;  /* optional */
    int64_t heading;  /* optional */
    int64_t proximity_alert_radius;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    const char *thumbnail_url;  /* optional */
    int64_t thumbnail_width;  /* optional */
    int64_t thumbnail_height;  /* optional */
    bool has_horizontal_accuracy;
    bool has_live_period;
    bool has_heading;
    bool has_proximity_alert_radius;
    bool has_thumbnail_width;
    bool has_thumbnail_height;
};
struct tp_inline_query_result_venue {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    double latitude;
    double longitude;
    const char *title;
    const char *address;
    const char *foursquare_id;  /* optional */
    const char *foursquare_type;  /* optional */
    const char *google_place_id;  /* optional */
    const char *google_place_type;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    const char *thumbnail_url;  /* optional */
    int64_t thumbnail_width;  /* optional */
    int64_t thumbnail_height;  /* optional */
    bool has_thumbnail_width;
    bool has_thumbnail_height;
};
struct tp_inline_query_result_contact {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *phone_number;
    const char *first_name;
    const char *last_name;  /* optional */
    const char *vcard;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    const char *thumbnail_url;  /* optional */
    int64_t thumbnail_width;  /* optional */
    int64_t thumbnail_height;  /* optional */
    bool has_thumbnail_width;
    bool has_thumbnail_height;
};
struct tp_inline_query_result_game {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *game_short_name;
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
};
struct tp_inline_query_result_cached_photo {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *photo_file_id;
    const char *title;  /* optional */
    const char *description;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_show_caption_above_media;
};
struct tp_inline_query_result_cached_gif {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *gif_file_id;
    const char *title;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_show_caption_above_media;
};
struct tp_inline_query_result_cached_mpeg4_gif {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *mpeg4_file_id;
    const char *title;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_show_caption_above_media;
};
struct tp_inline_query_result_cached_sticker {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *sticker_file_id;
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
};
struct tp_inline_query_result_cached_document {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *title;
    const char *document_file_id;
    const char *description;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
};
struct tp_inline_query_result_cached_video {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *video_file_id;
    const char *title;
    const char *description;  /* optional */
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    bool show_caption_above_media;  /* optional */
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
    bool has_show_caption_above_media;
};
struct tp_inline_query_result_cached_voice {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *voice_file_id;
    const char *title;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
};
struct tp_inline_query_result_cached_audio {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *id;
    const char *audio_file_id;
    const char *caption;  /* optional */
    const char *parse_mode;  /* optional */
    const tp_message_entity *caption_entities;  /* optional */
    size_t caption_entities_count;
    const tp_inline_keyboard_markup *reply_markup;  /* optional */
    const tp_input_message_content *input_message_content;  /* optional */
};
enum {
    TP_INPUT_MESSAGE_CONTENT_INPUT_TEXT_MESSAGE_CONTENT = 1,
    TP_INPUT_MESSAGE_CONTENT_INPUT_RICH_MESSAGE_CONTENT = 2,
    TP_INPUT_MESSAGE_CONTENT_INPUT_LOCATION_MESSAGE_CONTENT = 3,
    TP_INPUT_MESSAGE_CONTENT_INPUT_VENUE_MESSAGE_CONTENT = 4,
    TP_INPUT_MESSAGE_CONTENT_INPUT_CONTACT_MESSAGE_CONTENT = 5,
    TP_INPUT_MESSAGE_CONTENT_INPUT_INVOICE_MESSAGE_CONTENT = 6,
};
struct tp_input_message_content {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_INPUT_MESSAGE_CONTENT_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_input_text_message_content *input_text_message_content;
        const tp_input_rich_message_content *input_rich_message_content;
        const tp_input_location_message_content *input_location_message_content;
        const tp_input_venue_message_content *input_venue_message_content;
        const tp_input_contact_message_content *input_contact_message_content;
        const tp_input_invoice_message_content *input_invoice_message_content;
    } as;
};
struct tp_input_text_message_content {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *message_text;
    const char *parse_mode;  /* optional */
    const tp_message_entity *entities;  /* optional */
    size_t entities_count;
    const tp_link_preview_options *link_preview_options;  /* optional */
};
struct tp_input_rich_message_content {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_input_rich_message *rich_message;
};
struct tp_input_location_message_content {
    const tp_json *json;  /* this object in its document: every field, known or not */
    double latitude;
    double longitude;
    double horizontal_accuracy;  /* optional */
    int64_t live_period;  /* optional */
    int64_t heading;  /* optional */
    int64_t proximity_alert_radius;  /* optional */
    bool has_horizontal_accuracy;
    bool has_live_period;
    bool has_heading;
    bool has_proximity_alert_radius;
};
struct tp_input_venue_message_content {
    const tp_json *json;  /* this object in its document: every field, known or not */
    double latitude;
    double longitude;
    const char *title;
    const char *address;
    const char *foursquare_id;  /* optional */
    const char *foursquare_type;  /* optional */
    const char *google_place_id;  /* optional */
    const char *google_place_type;  /* optional */
};
struct tp_input_contact_message_content {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *phone_number;
    const char *first_name;
    const char *last_name;  /* optional */
    const char *vcard;  /* optional */
};
struct tp_input_invoice_message_content {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *title;
    const char *description;
    const char *payload;
    const char *provider_token;  /* optional */
    const char *currency;
    const tp_labeled_price *prices;
    size_t prices_count;
    int64_t max_tip_amount;  /* optional */
    const int64_t *suggested_tip_amounts;  /* optional */
    size_t suggested_tip_amounts_count;
    const char *provider_data;  /* optional */
    const char *photo_url;  /* optional */
    int64_t photo_size;  /* optional */
    int64_t photo_width;  /* optional */
    int64_t photo_height;  /* optional */
    bool need_name;  /* optional */
    bool need_phone_number;  /* optional */
    bool need_email;  /* optional */
    bool need_shipping_address;  /* optional */
    bool send_phone_number_to_provider;  /* optional */
    bool send_email_to_provider;  /* optional */
    bool is_flexible;  /* optional */
    bool has_max_tip_amount;
    bool has_photo_size;
    bool has_photo_width;
    bool has_photo_height;
    bool has_need_name;
    bool has_need_phone_number;
    bool has_need_email;
    bool has_need_shipping_address;
    bool has_send_phone_number_to_provider;
    bool has_send_email_to_provider;
    bool has_is_flexible;
};
struct tp_chosen_inline_result {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *result_id;
    const tp_user *from_;
    const tp_location *location;  /* optional */
    const char *inline_message_id;  /* optional */
    const char *query;
};
struct tp_labeled_price {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *label;
    int64_t amount;
};
struct tp_invoice {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *title;
    const char *description;
    const char *start_parameter;
    const char *currency;
    int64_t total_amount;
};
struct tp_shipping_address {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *country_code;
    const char *state;
    const char *city;
    const char *street_line1;
    const char *street_line2;
    const char *post_code;
};
struct tp_order_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *name;  /* optional */
    const char *phone_number;  /* optional */
    const char *email;  /* optional */
    const tp_shipping_address *shipping_address;  /* optional */
};
struct tp_shipping_option {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const char *title;
    const tp_labeled_price *prices;
    size_t prices_count;
};
struct tp_successful_payment {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *currency;
    int64_t total_amount;
    const char *invoice_payload;
    int64_t subscription_expiration_date;  /* optional */
    bool is_recurring;  /* optional */
    bool is_first_recurring;  /* optional */
    const char *shipping_option_id;  /* optional */
    const tp_order_info *order_info;  /* optional */
    const char *telegram_payment_charge_id;
    const char *provider_payment_charge_id;
    bool has_subscription_expiration_date;
    bool has_is_recurring;
    bool has_is_first_recurring;
};
struct tp_refunded_payment {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *currency;
    int64_t total_amount;
    const char *invoice_payload;
    const char *telegram_payment_charge_id;
    const char *provider_payment_charge_id;  /* optional */
};
struct tp_shipping_query {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const tp_user *from_;
    const char *invoice_payload;
    const tp_shipping_address *shipping_address;
};
struct tp_pre_checkout_query {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    const tp_user *from_;
    const char *currency;
    int64_t total_amount;
    const char *invoice_payload;
    const char *shipping_option_id;  /* optional */
    const tp_order_info *order_info;  /* optional */
};
struct tp_paid_media_purchased {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *from_;
    const char *paid_media_payload;
};
enum {
    TP_REVENUE_WITHDRAWAL_STATE_PENDING = 1,
    TP_REVENUE_WITHDRAWAL_STATE_SUCCEEDED = 2,
    TP_REVENUE_WITHDRAWAL_STATE_FAILED = 3,
};
struct tp_revenue_withdrawal_state {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_REVENUE_WITHDRAWAL_STATE_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_revenue_withdrawal_state_pending *pending;
        const tp_revenue_withdrawal_state_succeeded *succeeded;
        const tp_revenue_withdrawal_state_failed *failed;
    } as;
};
struct tp_revenue_withdrawal_state_pending {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_revenue_withdrawal_state_succeeded {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t date;
    const char *url;
};
struct tp_revenue_withdrawal_state_failed {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_affiliate_info {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_user *affiliate_user;  /* optional */
    const tp_chat *affiliate_chat;  /* optional */
    int64_t commission_per_mille;
    int64_t amount;
    int64_t nanostar_amount;  /* optional */
    bool has_nanostar_amount;
};
enum {
    TP_TRANSACTION_PARTNER_USER = 1,
    TP_TRANSACTION_PARTNER_CHAT = 2,
    TP_TRANSACTION_PARTNER_AFFILIATE_PROGRAM = 3,
    TP_TRANSACTION_PARTNER_FRAGMENT = 4,
    TP_TRANSACTION_PARTNER_TELEGRAM_ADS = 5,
    TP_TRANSACTION_PARTNER_TELEGRAM_API = 6,
    TP_TRANSACTION_PARTNER_OTHER = 7,
};
struct tp_transaction_partner {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_TRANSACTION_PARTNER_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_transaction_partner_user *user;
        const tp_transaction_partner_chat *chat;
        const tp_transaction_partner_affiliate_program *affiliate_program;
        const tp_transaction_partner_fragment *fragment;
        const tp_transaction_partner_telegram_ads *telegram_ads;
        const tp_transaction_partner_telegram_api *telegram_api;
        const tp_transaction_partner_other *other;
    } as;
};
struct tp_transaction_partner_user {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *transaction_type;
    const tp_user *user;
    const tp_affiliate_info *affiliate;  /* optional */
    const char *invoice_payload;  /* optional */
    int64_t subscription_period;  /* optional */
    const tp_paid_media *paid_media;  /* optional */
    size_t paid_media_count;
    const char *paid_media_payload;  /* optional */
    const tp_gift *gift;  /* optional */
    int64_t premium_subscription_duration;  /* optional */
    bool has_subscription_period;
    bool has_premium_subscription_duration;
};
struct tp_transaction_partner_chat {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_chat *chat;
    const tp_gift *gift;  /* optional */
};
struct tp_transaction_partner_affiliate_program {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_user *sponsor_user;  /* optional */
    int64_t commission_per_mille;
};
struct tp_transaction_partner_fragment {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const tp_revenue_withdrawal_state *withdrawal_state;  /* optional */
};
struct tp_transaction_partner_telegram_ads {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_transaction_partner_telegram_api {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    int64_t request_count;
};
struct tp_transaction_partner_other {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
};
struct tp_star_transaction {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *id;
    int64_t amount;
    int64_t nanostar_amount;  /* optional */
    int64_t date;
    const tp_transaction_partner *source;  /* optional */
    const tp_transaction_partner *receiver;  /* optional */
    bool has_nanostar_amount;
};
struct tp_star_transactions {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_star_transaction *transactions;
    size_t transactions_count;
};
struct tp_passport_data {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const tp_encrypted_passport_element *data;
    size_t data_count;
    const tp_encrypted_credentials *credentials;
};
struct tp_passport_file {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *file_id;
    const char *file_unique_id;
    int64_t file_size;
    int64_t file_date;
};
struct tp_encrypted_passport_element {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *type;
    const char *data;  /* optional */
    const char *phone_number;  /* optional */
    const char *email;  /* optional */
    const tp_passport_file *files;  /* optional */
    size_t files_count;
    const tp_passport_file *front_side;  /* optional */
    const tp_passport_file *reverse_side;  /* optional */
    const tp_passport_file *selfie;  /* optional */
    const tp_passport_file *translation;  /* optional */
    size_t translation_count;
    const char *hash;
};
struct tp_encrypted_credentials {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *data;
    const char *hash;
    const char *secret;
};
enum {
    TP_PASSPORT_ELEMENT_ERROR_DATA_FIELD = 1,
    TP_PASSPORT_ELEMENT_ERROR_FRONT_SIDE = 2,
    TP_PASSPORT_ELEMENT_ERROR_REVERSE_SIDE = 3,
    TP_PASSPORT_ELEMENT_ERROR_SELFIE = 4,
    TP_PASSPORT_ELEMENT_ERROR_FILE = 5,
    TP_PASSPORT_ELEMENT_ERROR_FILES = 6,
    TP_PASSPORT_ELEMENT_ERROR_TRANSLATION_FILE = 7,
    TP_PASSPORT_ELEMENT_ERROR_TRANSLATION_FILES = 8,
    TP_PASSPORT_ELEMENT_ERROR_UNSPECIFIED = 9,
};
struct tp_passport_element_error {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_PASSPORT_ELEMENT_ERROR_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_passport_element_error_data_field *data_field;
        const tp_passport_element_error_front_side *front_side;
        const tp_passport_element_error_reverse_side *reverse_side;
        const tp_passport_element_error_selfie *selfie;
        const tp_passport_element_error_file *file;
        const tp_passport_element_error_files *files;
        const tp_passport_element_error_translation_file *translation_file;
        const tp_passport_element_error_translation_files *translation_files;
        const tp_passport_element_error_unspecified *unspecified;
    } as;
};
struct tp_passport_element_error_data_field {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char *field_name;
    const char *data_hash;
    const char *message;
};
struct tp_passport_element_error_front_side {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char *file_hash;
    const char *message;
};
struct tp_passport_element_error_reverse_side {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char *file_hash;
    const char *message;
};
struct tp_passport_element_error_selfie {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char *file_hash;
    const char *message;
};
struct tp_passport_element_error_file {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char *file_hash;
    const char *message;
};
struct tp_passport_element_error_files {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char * const *file_hashes;
    size_t file_hashes_count;
    const char *message;
};
struct tp_passport_element_error_translation_file {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char *file_hash;
    const char *message;
};
struct tp_passport_element_error_translation_files {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char * const *file_hashes;
    size_t file_hashes_count;
    const char *message;
};
struct tp_passport_element_error_unspecified {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *source;
    const char *type;
    const char *element_hash;
    const char *message;
};
struct tp_game {
    const tp_json *json;  /* this object in its document: every field, known or not */
    const char *title;
    const char *description;
    const tp_photo_size *photo;
    size_t photo_count;
    const char *text;  /* optional */
    const tp_message_entity *text_entities;  /* optional */
    size_t text_entities_count;
    const tp_animation *animation;  /* optional */
};
struct tp_callback_game {
    const tp_json *json;  /* this object in its document: every field, known or not */
};
struct tp_game_high_score {
    const tp_json *json;  /* this object in its document: every field, known or not */
    int64_t position;
    const tp_user *user;
    int64_t score;
};
enum {
    TP_REPLY_MARKUP_INLINE_KEYBOARD_MARKUP = 1,
    TP_REPLY_MARKUP_REPLY_KEYBOARD_MARKUP = 2,
    TP_REPLY_MARKUP_REPLY_KEYBOARD_REMOVE = 3,
    TP_REPLY_MARKUP_FORCE_REPLY = 4,
};
struct tp_reply_markup {
    const tp_json *json;  /* the object (or string/array) in its document */
    int kind;             /* TP_REPLY_MARKUP_*; 0: a kind this library does not know */
    union {
        const void *any;
        const tp_inline_keyboard_markup *inline_keyboard_markup;
        const tp_reply_keyboard_markup *reply_keyboard_markup;
        const tp_reply_keyboard_remove *reply_keyboard_remove;
        const tp_force_reply *force_reply;
    } as;
};

/* Results of the method wrappers: `doc` owns everything (free it with tp_json_doc_free),
   `json` is the answer's "result", `value` its typed view (NULL when a Message-or-True
   method answered true). Pass NULL instead of a result to skip parsing altogether. */
typedef struct tp_bool_result { tp_json_doc *doc; const tp_json *json; bool value; } tp_bool_result;
typedef struct tp_int_result { tp_json_doc *doc; const tp_json *json; int64_t value; } tp_int_result;
typedef struct tp_string_result { tp_json_doc *doc; const tp_json *json; const char *value; } tp_string_result;
typedef struct tp_update_list_result { tp_json_doc *doc; const tp_json *json; const tp_update *value; size_t count; } tp_update_list_result;
typedef struct tp_webhook_info_result { tp_json_doc *doc; const tp_json *json; const tp_webhook_info *value; } tp_webhook_info_result;
typedef struct tp_user_result { tp_json_doc *doc; const tp_json *json; const tp_user *value; } tp_user_result;
typedef struct tp_message_result { tp_json_doc *doc; const tp_json *json; const tp_message *value; } tp_message_result;
typedef struct tp_message_id_list_result { tp_json_doc *doc; const tp_json *json; const tp_message_id *value; size_t count; } tp_message_id_list_result;
typedef struct tp_message_id_result { tp_json_doc *doc; const tp_json *json; const tp_message_id *value; } tp_message_id_result;
typedef struct tp_message_list_result { tp_json_doc *doc; const tp_json *json; const tp_message *value; size_t count; } tp_message_list_result;
typedef struct tp_user_profile_photos_result { tp_json_doc *doc; const tp_json *json; const tp_user_profile_photos *value; } tp_user_profile_photos_result;
typedef struct tp_user_profile_audios_result { tp_json_doc *doc; const tp_json *json; const tp_user_profile_audios *value; } tp_user_profile_audios_result;
typedef struct tp_file_result { tp_json_doc *doc; const tp_json *json; const tp_file *value; } tp_file_result;
typedef struct tp_chat_invite_link_result { tp_json_doc *doc; const tp_json *json; const tp_chat_invite_link *value; } tp_chat_invite_link_result;
typedef struct tp_chat_full_info_result { tp_json_doc *doc; const tp_json *json; const tp_chat_full_info *value; } tp_chat_full_info_result;
typedef struct tp_chat_member_list_result { tp_json_doc *doc; const tp_json *json; const tp_chat_member *value; size_t count; } tp_chat_member_list_result;
typedef struct tp_chat_member_result { tp_json_doc *doc; const tp_json *json; const tp_chat_member *value; } tp_chat_member_result;
typedef struct tp_sticker_list_result { tp_json_doc *doc; const tp_json *json; const tp_sticker *value; size_t count; } tp_sticker_list_result;
typedef struct tp_forum_topic_result { tp_json_doc *doc; const tp_json *json; const tp_forum_topic *value; } tp_forum_topic_result;
typedef struct tp_sent_guest_message_result { tp_json_doc *doc; const tp_json *json; const tp_sent_guest_message *value; } tp_sent_guest_message_result;
typedef struct tp_user_chat_boosts_result { tp_json_doc *doc; const tp_json *json; const tp_user_chat_boosts *value; } tp_user_chat_boosts_result;
typedef struct tp_business_connection_result { tp_json_doc *doc; const tp_json *json; const tp_business_connection *value; } tp_business_connection_result;
typedef struct tp_bot_access_settings_result { tp_json_doc *doc; const tp_json *json; const tp_bot_access_settings *value; } tp_bot_access_settings_result;
typedef struct tp_bot_command_list_result { tp_json_doc *doc; const tp_json *json; const tp_bot_command *value; size_t count; } tp_bot_command_list_result;
typedef struct tp_bot_name_result { tp_json_doc *doc; const tp_json *json; const tp_bot_name *value; } tp_bot_name_result;
typedef struct tp_bot_description_result { tp_json_doc *doc; const tp_json *json; const tp_bot_description *value; } tp_bot_description_result;
typedef struct tp_bot_short_description_result { tp_json_doc *doc; const tp_json *json; const tp_bot_short_description *value; } tp_bot_short_description_result;
typedef struct tp_menu_button_result { tp_json_doc *doc; const tp_json *json; const tp_menu_button *value; } tp_menu_button_result;
typedef struct tp_chat_administrator_rights_result { tp_json_doc *doc; const tp_json *json; const tp_chat_administrator_rights *value; } tp_chat_administrator_rights_result;
typedef struct tp_gifts_result { tp_json_doc *doc; const tp_json *json; const tp_gifts *value; } tp_gifts_result;
typedef struct tp_star_amount_result { tp_json_doc *doc; const tp_json *json; const tp_star_amount *value; } tp_star_amount_result;
typedef struct tp_owned_gifts_result { tp_json_doc *doc; const tp_json *json; const tp_owned_gifts *value; } tp_owned_gifts_result;
typedef struct tp_story_result { tp_json_doc *doc; const tp_json *json; const tp_story *value; } tp_story_result;
typedef struct tp_sent_web_app_message_result { tp_json_doc *doc; const tp_json *json; const tp_sent_web_app_message *value; } tp_sent_web_app_message_result;
typedef struct tp_prepared_inline_message_result { tp_json_doc *doc; const tp_json *json; const tp_prepared_inline_message *value; } tp_prepared_inline_message_result;
typedef struct tp_prepared_keyboard_button_result { tp_json_doc *doc; const tp_json *json; const tp_prepared_keyboard_button *value; } tp_prepared_keyboard_button_result;
typedef struct tp_poll_result { tp_json_doc *doc; const tp_json *json; const tp_poll *value; } tp_poll_result;
typedef struct tp_sticker_set_result { tp_json_doc *doc; const tp_json *json; const tp_sticker_set *value; } tp_sticker_set_result;
typedef struct tp_star_transactions_result { tp_json_doc *doc; const tp_json *json; const tp_star_transactions *value; } tp_star_transactions_result;
typedef struct tp_game_high_score_list_result { tp_json_doc *doc; const tp_json *json; const tp_game_high_score *value; size_t count; } tp_game_high_score_list_result;

/* Method ids, for tp_call_typed. */
enum {
    TP_METHOD_GET_UPDATES = 0,
    TP_METHOD_SET_WEBHOOK = 1,
    TP_METHOD_DELETE_WEBHOOK = 2,
    TP_METHOD_GET_WEBHOOK_INFO = 3,
    TP_METHOD_GET_ME = 4,
    TP_METHOD_LOG_OUT = 5,
    TP_METHOD_CLOSE = 6,
    TP_METHOD_SEND_MESSAGE = 7,
    TP_METHOD_FORWARD_MESSAGE = 8,
    TP_METHOD_FORWARD_MESSAGES = 9,
    TP_METHOD_COPY_MESSAGE = 10,
    TP_METHOD_COPY_MESSAGES = 11,
    TP_METHOD_SEND_PHOTO = 12,
    TP_METHOD_SEND_LIVE_PHOTO = 13,
    TP_METHOD_SEND_AUDIO = 14,
    TP_METHOD_SEND_DOCUMENT = 15,
    TP_METHOD_SEND_VIDEO = 16,
    TP_METHOD_SEND_ANIMATION = 17,
    TP_METHOD_SEND_VOICE = 18,
    TP_METHOD_SEND_VIDEO_NOTE = 19,
    TP_METHOD_SEND_PAID_MEDIA = 20,
    TP_METHOD_SEND_MEDIA_GROUP = 21,
    TP_METHOD_SEND_LOCATION = 22,
    TP_METHOD_SEND_VENUE = 23,
    TP_METHOD_SEND_CONTACT = 24,
    TP_METHOD_SEND_POLL = 25,
    TP_METHOD_SEND_CHECKLIST = 26,
    TP_METHOD_SEND_DICE = 27,
    TP_METHOD_SEND_MESSAGE_DRAFT = 28,
    TP_METHOD_SEND_CHAT_ACTION = 29,
    TP_METHOD_SET_MESSAGE_REACTION = 30,
    TP_METHOD_GET_USER_PROFILE_PHOTOS = 31,
    TP_METHOD_GET_USER_PROFILE_AUDIOS = 32,
    TP_METHOD_SET_USER_EMOJI_STATUS = 33,
    TP_METHOD_GET_FILE = 34,
    TP_METHOD_BAN_CHAT_MEMBER = 35,
    TP_METHOD_UNBAN_CHAT_MEMBER = 36,
    TP_METHOD_RESTRICT_CHAT_MEMBER = 37,
    TP_METHOD_PROMOTE_CHAT_MEMBER = 38,
    TP_METHOD_SET_CHAT_ADMINISTRATOR_CUSTOM_TITLE = 39,
    TP_METHOD_SET_CHAT_MEMBER_TAG = 40,
    TP_METHOD_BAN_CHAT_SENDER_CHAT = 41,
    TP_METHOD_UNBAN_CHAT_SENDER_CHAT = 42,
    TP_METHOD_SET_CHAT_PERMISSIONS = 43,
    TP_METHOD_EXPORT_CHAT_INVITE_LINK = 44,
    TP_METHOD_CREATE_CHAT_INVITE_LINK = 45,
    TP_METHOD_EDIT_CHAT_INVITE_LINK = 46,
    TP_METHOD_CREATE_CHAT_SUBSCRIPTION_INVITE_LINK = 47,
    TP_METHOD_EDIT_CHAT_SUBSCRIPTION_INVITE_LINK = 48,
    TP_METHOD_REVOKE_CHAT_INVITE_LINK = 49,
    TP_METHOD_APPROVE_CHAT_JOIN_REQUEST = 50,
    TP_METHOD_DECLINE_CHAT_JOIN_REQUEST = 51,
    TP_METHOD_ANSWER_CHAT_JOIN_REQUEST_QUERY = 52,
    TP_METHOD_SEND_CHAT_JOIN_REQUEST_WEB_APP = 53,
    TP_METHOD_SET_CHAT_PHOTO = 54,
    TP_METHOD_DELETE_CHAT_PHOTO = 55,
    TP_METHOD_SET_CHAT_TITLE = 56,
    TP_METHOD_SET_CHAT_DESCRIPTION = 57,
    TP_METHOD_PIN_CHAT_MESSAGE = 58,
    TP_METHOD_UNPIN_CHAT_MESSAGE = 59,
    TP_METHOD_UNPIN_ALL_CHAT_MESSAGES = 60,
    TP_METHOD_LEAVE_CHAT = 61,
    TP_METHOD_GET_CHAT = 62,
    TP_METHOD_GET_CHAT_ADMINISTRATORS = 63,
    TP_METHOD_GET_CHAT_MEMBER_COUNT = 64,
    TP_METHOD_GET_CHAT_MEMBER = 65,
    TP_METHOD_GET_USER_PERSONAL_CHAT_MESSAGES = 66,
    TP_METHOD_SET_CHAT_STICKER_SET = 67,
    TP_METHOD_DELETE_CHAT_STICKER_SET = 68,
    TP_METHOD_GET_FORUM_TOPIC_ICON_STICKERS = 69,
    TP_METHOD_CREATE_FORUM_TOPIC = 70,
    TP_METHOD_EDIT_FORUM_TOPIC = 71,
    TP_METHOD_CLOSE_FORUM_TOPIC = 72,
    TP_METHOD_REOPEN_FORUM_TOPIC = 73,
    TP_METHOD_DELETE_FORUM_TOPIC = 74,
    TP_METHOD_UNPIN_ALL_FORUM_TOPIC_MESSAGES = 75,
    TP_METHOD_EDIT_GENERAL_FORUM_TOPIC = 76,
    TP_METHOD_CLOSE_GENERAL_FORUM_TOPIC = 77,
    TP_METHOD_REOPEN_GENERAL_FORUM_TOPIC = 78,
    TP_METHOD_HIDE_GENERAL_FORUM_TOPIC = 79,
    TP_METHOD_UNHIDE_GENERAL_FORUM_TOPIC = 80,
    TP_METHOD_UNPIN_ALL_GENERAL_FORUM_TOPIC_MESSAGES = 81,
    TP_METHOD_ANSWER_CALLBACK_QUERY = 82,
    TP_METHOD_ANSWER_GUEST_QUERY = 83,
    TP_METHOD_GET_USER_CHAT_BOOSTS = 84,
    TP_METHOD_GET_BUSINESS_CONNECTION = 85,
    TP_METHOD_GET_MANAGED_BOT_TOKEN = 86,
    TP_METHOD_REPLACE_MANAGED_BOT_TOKEN = 87,
    TP_METHOD_GET_MANAGED_BOT_ACCESS_SETTINGS = 88,
    TP_METHOD_SET_MANAGED_BOT_ACCESS_SETTINGS = 89,
    TP_METHOD_SET_MY_COMMANDS = 90,
    TP_METHOD_DELETE_MY_COMMANDS = 91,
    TP_METHOD_GET_MY_COMMANDS = 92,
    TP_METHOD_SET_MY_NAME = 93,
    TP_METHOD_GET_MY_NAME = 94,
    TP_METHOD_SET_MY_DESCRIPTION = 95,
    TP_METHOD_GET_MY_DESCRIPTION = 96,
    TP_METHOD_SET_MY_SHORT_DESCRIPTION = 97,
    TP_METHOD_GET_MY_SHORT_DESCRIPTION = 98,
    TP_METHOD_SET_MY_PROFILE_PHOTO = 99,
    TP_METHOD_REMOVE_MY_PROFILE_PHOTO = 100,
    TP_METHOD_SET_CHAT_MENU_BUTTON = 101,
    TP_METHOD_GET_CHAT_MENU_BUTTON = 102,
    TP_METHOD_SET_MY_DEFAULT_ADMINISTRATOR_RIGHTS = 103,
    TP_METHOD_GET_MY_DEFAULT_ADMINISTRATOR_RIGHTS = 104,
    TP_METHOD_GET_AVAILABLE_GIFTS = 105,
    TP_METHOD_SEND_GIFT = 106,
    TP_METHOD_GIFT_PREMIUM_SUBSCRIPTION = 107,
    TP_METHOD_VERIFY_USER = 108,
    TP_METHOD_VERIFY_CHAT = 109,
    TP_METHOD_REMOVE_USER_VERIFICATION = 110,
    TP_METHOD_REMOVE_CHAT_VERIFICATION = 111,
    TP_METHOD_READ_BUSINESS_MESSAGE = 112,
    TP_METHOD_DELETE_BUSINESS_MESSAGES = 113,
    TP_METHOD_SET_BUSINESS_ACCOUNT_NAME = 114,
    TP_METHOD_SET_BUSINESS_ACCOUNT_USERNAME = 115,
    TP_METHOD_SET_BUSINESS_ACCOUNT_BIO = 116,
    TP_METHOD_SET_BUSINESS_ACCOUNT_PROFILE_PHOTO = 117,
    TP_METHOD_REMOVE_BUSINESS_ACCOUNT_PROFILE_PHOTO = 118,
    TP_METHOD_SET_BUSINESS_ACCOUNT_GIFT_SETTINGS = 119,
    TP_METHOD_GET_BUSINESS_ACCOUNT_STAR_BALANCE = 120,
    TP_METHOD_TRANSFER_BUSINESS_ACCOUNT_STARS = 121,
    TP_METHOD_GET_BUSINESS_ACCOUNT_GIFTS = 122,
    TP_METHOD_GET_USER_GIFTS = 123,
    TP_METHOD_GET_CHAT_GIFTS = 124,
    TP_METHOD_CONVERT_GIFT_TO_STARS = 125,
    TP_METHOD_UPGRADE_GIFT = 126,
    TP_METHOD_TRANSFER_GIFT = 127,
    TP_METHOD_POST_STORY = 128,
    TP_METHOD_REPOST_STORY = 129,
    TP_METHOD_EDIT_STORY = 130,
    TP_METHOD_DELETE_STORY = 131,
    TP_METHOD_ANSWER_WEB_APP_QUERY = 132,
    TP_METHOD_SAVE_PREPARED_INLINE_MESSAGE = 133,
    TP_METHOD_SAVE_PREPARED_KEYBOARD_BUTTON = 134,
    TP_METHOD_EDIT_MESSAGE_TEXT = 135,
    TP_METHOD_EDIT_MESSAGE_CAPTION = 136,
    TP_METHOD_EDIT_MESSAGE_MEDIA = 137,
    TP_METHOD_EDIT_MESSAGE_LIVE_LOCATION = 138,
    TP_METHOD_STOP_MESSAGE_LIVE_LOCATION = 139,
    TP_METHOD_EDIT_MESSAGE_CHECKLIST = 140,
    TP_METHOD_EDIT_MESSAGE_REPLY_MARKUP = 141,
    TP_METHOD_STOP_POLL = 142,
    TP_METHOD_APPROVE_SUGGESTED_POST = 143,
    TP_METHOD_DECLINE_SUGGESTED_POST = 144,
    TP_METHOD_DELETE_MESSAGE = 145,
    TP_METHOD_DELETE_MESSAGES = 146,
    TP_METHOD_DELETE_MESSAGE_REACTION = 147,
    TP_METHOD_DELETE_ALL_MESSAGE_REACTIONS = 148,
    TP_METHOD_SEND_STICKER = 149,
    TP_METHOD_GET_STICKER_SET = 150,
    TP_METHOD_GET_CUSTOM_EMOJI_STICKERS = 151,
    TP_METHOD_UPLOAD_STICKER_FILE = 152,
    TP_METHOD_CREATE_NEW_STICKER_SET = 153,
    TP_METHOD_ADD_STICKER_TO_SET = 154,
    TP_METHOD_SET_STICKER_POSITION_IN_SET = 155,
    TP_METHOD_DELETE_STICKER_FROM_SET = 156,
    TP_METHOD_REPLACE_STICKER_IN_SET = 157,
    TP_METHOD_SET_STICKER_EMOJI_LIST = 158,
    TP_METHOD_SET_STICKER_KEYWORDS = 159,
    TP_METHOD_SET_STICKER_MASK_POSITION = 160,
    TP_METHOD_SET_STICKER_SET_TITLE = 161,
    TP_METHOD_SET_STICKER_SET_THUMBNAIL = 162,
    TP_METHOD_SET_CUSTOM_EMOJI_STICKER_SET_THUMBNAIL = 163,
    TP_METHOD_DELETE_STICKER_SET = 164,
    TP_METHOD_SEND_RICH_MESSAGE = 165,
    TP_METHOD_SEND_RICH_MESSAGE_DRAFT = 166,
    TP_METHOD_ANSWER_INLINE_QUERY = 167,
    TP_METHOD_SEND_INVOICE = 168,
    TP_METHOD_CREATE_INVOICE_LINK = 169,
    TP_METHOD_ANSWER_SHIPPING_QUERY = 170,
    TP_METHOD_ANSWER_PRE_CHECKOUT_QUERY = 171,
    TP_METHOD_GET_MY_STAR_BALANCE = 172,
    TP_METHOD_GET_STAR_TRANSACTIONS = 173,
    TP_METHOD_REFUND_STAR_PAYMENT = 174,
    TP_METHOD_EDIT_USER_STAR_SUBSCRIPTION = 175,
    TP_METHOD_SET_PASSPORT_DATA_ERRORS = 176,
    TP_METHOD_SEND_GAME = 177,
    TP_METHOD_SET_GAME_SCORE = 178,
    TP_METHOD_GET_GAME_HIGH_SCORES = 179,
    TP_METHOD_COUNT = 180
};

/* getUpdates */
typedef struct tp_get_updates_args {
    int64_t offset;
    int64_t limit;
    int64_t timeout;
    const char * const *allowed_updates;
    size_t allowed_updates_count;
} tp_get_updates_args;
static inline tp_err tp_get_updates(tp_bot *bot, const tp_get_updates_args *args, tp_update_list_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {435, offsetof(tp_get_updates_args, allowed_updates), offsetof(tp_get_updates_args, allowed_updates_count), 8, 66, 0},
        {TP__LOC(11), offsetof(tp_get_updates_args, limit), 0, 1, 0, 0},
        {3723, offsetof(tp_get_updates_args, offset), 0, 1, 0, 0},
        {TP__LOC(17), offsetof(tp_get_updates_args, timeout), 0, 1, 0, 0},
    };
    static const char loc[] = "getUpdates\000limit\000timeout";
    return tp_call_desc(bot, loc, f, 4, TP__R_ARR, 0, args ? (int)args->timeout : -1, args, out, err);
}
/* setWebhook */
typedef struct tp_set_webhook_args {
    const char *url;  /* required */
    tp_input_file certificate;
    const char *ip_address;
    int64_t max_connections;
    const char * const *allowed_updates;
    size_t allowed_updates_count;
    bool drop_pending_updates;
    const char *secret_token;
} tp_set_webhook_args;
static inline tp_err tp_set_webhook(tp_bot *bot, const tp_set_webhook_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[7] = {
        {435, offsetof(tp_set_webhook_args, allowed_updates), offsetof(tp_set_webhook_args, allowed_updates_count), 8, 66, 0},
        {TP__LOC(11), offsetof(tp_set_webhook_args, certificate), 0, 6, 0, 0},
        {TP__LOC(23), offsetof(tp_set_webhook_args, drop_pending_updates), 0, 3, 0, 0},
        {474, offsetof(tp_set_webhook_args, ip_address), 0, 4, 0, 0},
        {552, offsetof(tp_set_webhook_args, max_connections), 0, 1, 0, 0},
        {TP__LOC(44), offsetof(tp_set_webhook_args, secret_token), 0, 4, 0, 0},
        {589, offsetof(tp_set_webhook_args, url), 0, 4, 1, 0},
    };
    static const char loc[] = "setWebhook\000certificate\000drop_pending_updates\000secret_token";
    return tp_call_desc(bot, loc, f, 7, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteWebhook */
typedef struct tp_delete_webhook_args {
    bool drop_pending_updates;
} tp_delete_webhook_args;
static inline tp_err tp_delete_webhook(tp_bot *bot, const tp_delete_webhook_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {TP__LOC(14), offsetof(tp_delete_webhook_args, drop_pending_updates), 0, 3, 0, 0},
    };
    static const char loc[] = "deleteWebhook\000drop_pending_updates";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* getWebhookInfo */
static inline tp_err tp_get_webhook_info(tp_bot *bot, tp_webhook_info_result *out, tp_error *err) {
    static const char loc[] = "getWebhookInfo";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_OBJ, 1, -1, NULL, out, err);
}
/* getMe */
static inline tp_err tp_get_me(tp_bot *bot, tp_user_result *out, tp_error *err) {
    static const char loc[] = "getMe";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_OBJ, 2, -1, NULL, out, err);
}
/* logOut */
static inline tp_err tp_log_out(tp_bot *bot, tp_bool_result *out, tp_error *err) {
    static const char loc[] = "logOut";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_BOOL, 0, -1, NULL, out, err);
}
/* close */
static inline tp_err tp_close(tp_bot *bot, tp_bool_result *out, tp_error *err) {
    static const char loc[] = "close";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_BOOL, 0, -1, NULL, out, err);
}
/* sendMessage */
typedef struct tp_send_message_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    const char *text;  /* required */
    const char *parse_mode;
    const tp_message_entity *entities;
    size_t entities_count;
    const tp_link_preview_options *link_preview_options;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_message_args;
static inline tp_err tp_send_message(tp_bot *bot, const tp_send_message_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[15] = {
        {TP__LOC(12), offsetof(tp_send_message_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_message_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_message_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(33), offsetof(tp_send_message_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(58), offsetof(tp_send_message_args, disable_notification), 0, 3, 0, 0},
        {2190, offsetof(tp_send_message_args, entities), offsetof(tp_send_message_args, entities_count), 8, 114, 9},
        {2647, offsetof(tp_send_message_args, link_preview_options), 0, 7, 0, 95},
        {TP__LOC(79), offsetof(tp_send_message_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_message_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_message_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(97), offsetof(tp_send_message_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_message_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(113), offsetof(tp_send_message_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(130), offsetof(tp_send_message_args, suggested_post_parameters), 0, 7, 0, 98},
        {3415, offsetof(tp_send_message_args, text), 0, 4, 1, 0},
    };
    static const char loc[] = "sendMessage\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 15, TP__R_OBJ, 5, -1, args, out, err);
}
/* forwardMessage */
typedef struct tp_forward_message_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_chat_id from_chat_id;  /* required */
    int64_t video_start_timestamp;
    bool disable_notification;
    bool protect_content;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    int64_t message_id;  /* required */
    bool has_video_start_timestamp;  /* true: send video_start_timestamp even if 0 (absent: keep the original's) */
} tp_forward_message_args;
static inline tp_err tp_forward_message(tp_bot *bot, const tp_forward_message_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[10] = {
        {3843, offsetof(tp_forward_message_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(15), offsetof(tp_forward_message_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(40), offsetof(tp_forward_message_args, disable_notification), 0, 3, 0, 0},
        {TP__LOC(61), offsetof(tp_forward_message_args, from_chat_id), 0, 5, 1, 0},
        {TP__LOC(74), offsetof(tp_forward_message_args, message_effect_id), 0, 4, 0, 0},
        {2748, offsetof(tp_forward_message_args, message_id), 0, 1, 1, 0},
        {2759, offsetof(tp_forward_message_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(92), offsetof(tp_forward_message_args, protect_content), 0, 3, 0, 0},
        {TP__LOC(108), offsetof(tp_forward_message_args, suggested_post_parameters), 0, 7, 0, 98},
        {TP__LOC(134), offsetof(tp_forward_message_args, video_start_timestamp), offsetof(tp_forward_message_args, has_video_start_timestamp), 1, 0, 0},
    };
    static const char loc[] = "forwardMessage\000direct_messages_topic_id\000disable_notification\000from_chat_id\000message_effect_id\000protect_content\000suggested_post_parameters\000video_start_timestamp";
    return tp_call_desc(bot, loc, f, 10, TP__R_OBJ, 5, -1, args, out, err);
}
/* forwardMessages */
typedef struct tp_forward_messages_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_chat_id from_chat_id;  /* required */
    const int64_t *message_ids;  /* required */
    size_t message_ids_count;
    bool disable_notification;
    bool protect_content;
} tp_forward_messages_args;
static inline tp_err tp_forward_messages(tp_bot *bot, const tp_forward_messages_args *args, tp_message_id_list_result *out, tp_error *err) {
    static const tp__fdesc f[7] = {
        {3843, offsetof(tp_forward_messages_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(16), offsetof(tp_forward_messages_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(41), offsetof(tp_forward_messages_args, disable_notification), 0, 3, 0, 0},
        {TP__LOC(62), offsetof(tp_forward_messages_args, from_chat_id), 0, 5, 1, 0},
        {12656, offsetof(tp_forward_messages_args, message_ids), offsetof(tp_forward_messages_args, message_ids_count), 8, 19, 0},
        {2759, offsetof(tp_forward_messages_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(75), offsetof(tp_forward_messages_args, protect_content), 0, 3, 0, 0},
    };
    static const char loc[] = "forwardMessages\000direct_messages_topic_id\000disable_notification\000from_chat_id\000protect_content";
    return tp_call_desc(bot, loc, f, 7, TP__R_ARR, 6, -1, args, out, err);
}
/* copyMessage */
typedef struct tp_copy_message_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_chat_id from_chat_id;  /* required */
    int64_t message_id;  /* required */
    int64_t video_start_timestamp;
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool show_caption_above_media;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
    bool has_video_start_timestamp;  /* true: send video_start_timestamp even if 0 (absent: keep the original's) */
} tp_copy_message_args;
static inline tp_err tp_copy_message(tp_bot *bot, const tp_copy_message_args *args, tp_message_id_result *out, tp_error *err) {
    static const tp__fdesc f[17] = {
        {TP__LOC(12), offsetof(tp_copy_message_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1885, offsetof(tp_copy_message_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_copy_message_args, caption_entities), offsetof(tp_copy_message_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_copy_message_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(33), offsetof(tp_copy_message_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(58), offsetof(tp_copy_message_args, disable_notification), 0, 3, 0, 0},
        {TP__LOC(79), offsetof(tp_copy_message_args, from_chat_id), 0, 5, 1, 0},
        {TP__LOC(92), offsetof(tp_copy_message_args, message_effect_id), 0, 4, 0, 0},
        {2748, offsetof(tp_copy_message_args, message_id), 0, 1, 1, 0},
        {2759, offsetof(tp_copy_message_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_copy_message_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(110), offsetof(tp_copy_message_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_copy_message_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(126), offsetof(tp_copy_message_args, reply_parameters), 0, 7, 0, 12},
        {3190, offsetof(tp_copy_message_args, show_caption_above_media), 0, 3, 0, 0},
        {TP__LOC(143), offsetof(tp_copy_message_args, suggested_post_parameters), 0, 7, 0, 98},
        {TP__LOC(169), offsetof(tp_copy_message_args, video_start_timestamp), offsetof(tp_copy_message_args, has_video_start_timestamp), 1, 0, 0},
    };
    static const char loc[] = "copyMessage\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000from_chat_id\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters\000video_start_timestamp";
    return tp_call_desc(bot, loc, f, 17, TP__R_OBJ, 6, -1, args, out, err);
}
/* copyMessages */
typedef struct tp_copy_messages_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_chat_id from_chat_id;  /* required */
    const int64_t *message_ids;  /* required */
    size_t message_ids_count;
    bool disable_notification;
    bool protect_content;
    bool remove_caption;
} tp_copy_messages_args;
static inline tp_err tp_copy_messages(tp_bot *bot, const tp_copy_messages_args *args, tp_message_id_list_result *out, tp_error *err) {
    static const tp__fdesc f[8] = {
        {3843, offsetof(tp_copy_messages_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(13), offsetof(tp_copy_messages_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(38), offsetof(tp_copy_messages_args, disable_notification), 0, 3, 0, 0},
        {TP__LOC(59), offsetof(tp_copy_messages_args, from_chat_id), 0, 5, 1, 0},
        {12656, offsetof(tp_copy_messages_args, message_ids), offsetof(tp_copy_messages_args, message_ids_count), 8, 19, 0},
        {2759, offsetof(tp_copy_messages_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(72), offsetof(tp_copy_messages_args, protect_content), 0, 3, 0, 0},
        {TP__LOC(88), offsetof(tp_copy_messages_args, remove_caption), 0, 3, 0, 0},
    };
    static const char loc[] = "copyMessages\000direct_messages_topic_id\000disable_notification\000from_chat_id\000protect_content\000remove_caption";
    return tp_call_desc(bot, loc, f, 8, TP__R_ARR, 6, -1, args, out, err);
}
/* sendPhoto */
typedef struct tp_send_photo_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file photo;  /* required */
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool show_caption_above_media;
    bool has_spoiler;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_photo_args;
static inline tp_err tp_send_photo(tp_bot *bot, const tp_send_photo_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[17] = {
        {TP__LOC(10), offsetof(tp_send_photo_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_photo_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_photo_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_photo_args, caption_entities), offsetof(tp_send_photo_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_photo_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(31), offsetof(tp_send_photo_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(56), offsetof(tp_send_photo_args, disable_notification), 0, 3, 0, 0},
        {12810, offsetof(tp_send_photo_args, has_spoiler), 0, 3, 0, 0},
        {TP__LOC(77), offsetof(tp_send_photo_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_photo_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_photo_args, parse_mode), 0, 4, 0, 0},
        {1647, offsetof(tp_send_photo_args, photo), 0, 6, 1, 0},
        {TP__LOC(95), offsetof(tp_send_photo_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_photo_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(111), offsetof(tp_send_photo_args, reply_parameters), 0, 7, 0, 12},
        {3190, offsetof(tp_send_photo_args, show_caption_above_media), 0, 3, 0, 0},
        {TP__LOC(128), offsetof(tp_send_photo_args, suggested_post_parameters), 0, 7, 0, 98},
    };
    static const char loc[] = "sendPhoto\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 17, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendLivePhoto */
typedef struct tp_send_live_photo_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file live_photo;  /* required */
    tp_input_file photo;  /* required */
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool show_caption_above_media;
    bool has_spoiler;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_live_photo_args;
static inline tp_err tp_send_live_photo(tp_bot *bot, const tp_send_live_photo_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[18] = {
        {TP__LOC(14), offsetof(tp_send_live_photo_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_live_photo_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_live_photo_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_live_photo_args, caption_entities), offsetof(tp_send_live_photo_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_live_photo_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(35), offsetof(tp_send_live_photo_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(60), offsetof(tp_send_live_photo_args, disable_notification), 0, 3, 0, 0},
        {12810, offsetof(tp_send_live_photo_args, has_spoiler), 0, 3, 0, 0},
        {2668, offsetof(tp_send_live_photo_args, live_photo), 0, 6, 1, 0},
        {TP__LOC(81), offsetof(tp_send_live_photo_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_live_photo_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_live_photo_args, parse_mode), 0, 4, 0, 0},
        {1647, offsetof(tp_send_live_photo_args, photo), 0, 6, 1, 0},
        {TP__LOC(99), offsetof(tp_send_live_photo_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_live_photo_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(115), offsetof(tp_send_live_photo_args, reply_parameters), 0, 7, 0, 12},
        {3190, offsetof(tp_send_live_photo_args, show_caption_above_media), 0, 3, 0, 0},
        {TP__LOC(132), offsetof(tp_send_live_photo_args, suggested_post_parameters), 0, 7, 0, 98},
    };
    static const char loc[] = "sendLivePhoto\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 18, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendAudio */
typedef struct tp_send_audio_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file audio;  /* required */
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    int64_t duration;
    const char *performer;
    const char *title;
    tp_input_file thumbnail;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_audio_args;
static inline tp_err tp_send_audio(tp_bot *bot, const tp_send_audio_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[19] = {
        {TP__LOC(10), offsetof(tp_send_audio_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1827, offsetof(tp_send_audio_args, audio), 0, 6, 1, 0},
        {1862, offsetof(tp_send_audio_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_audio_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_audio_args, caption_entities), offsetof(tp_send_audio_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_audio_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(31), offsetof(tp_send_audio_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(56), offsetof(tp_send_audio_args, disable_notification), 0, 3, 0, 0},
        {4141, offsetof(tp_send_audio_args, duration), 0, 1, 0, 0},
        {TP__LOC(77), offsetof(tp_send_audio_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_audio_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_audio_args, parse_mode), 0, 4, 0, 0},
        {4186, offsetof(tp_send_audio_args, performer), 0, 4, 0, 0},
        {TP__LOC(95), offsetof(tp_send_audio_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_audio_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(111), offsetof(tp_send_audio_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(128), offsetof(tp_send_audio_args, suggested_post_parameters), 0, 7, 0, 98},
        {4170, offsetof(tp_send_audio_args, thumbnail), 0, 6, 0, 0},
        {948, offsetof(tp_send_audio_args, title), 0, 4, 0, 0},
    };
    static const char loc[] = "sendAudio\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 19, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendDocument */
typedef struct tp_send_document_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file document;  /* required */
    tp_input_file thumbnail;
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool disable_content_type_detection;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_document_args;
static inline tp_err tp_send_document(tp_bot *bot, const tp_send_document_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[17] = {
        {TP__LOC(13), offsetof(tp_send_document_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_document_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_document_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_document_args, caption_entities), offsetof(tp_send_document_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_document_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(34), offsetof(tp_send_document_args, direct_messages_topic_id), 0, 1, 0, 0},
        {12857, offsetof(tp_send_document_args, disable_content_type_detection), 0, 3, 0, 0},
        {TP__LOC(59), offsetof(tp_send_document_args, disable_notification), 0, 3, 0, 0},
        {2161, offsetof(tp_send_document_args, document), 0, 6, 1, 0},
        {TP__LOC(80), offsetof(tp_send_document_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_document_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_document_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(98), offsetof(tp_send_document_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_document_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(114), offsetof(tp_send_document_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(131), offsetof(tp_send_document_args, suggested_post_parameters), 0, 7, 0, 98},
        {4170, offsetof(tp_send_document_args, thumbnail), 0, 6, 0, 0},
    };
    static const char loc[] = "sendDocument\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 17, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendVideo */
typedef struct tp_send_video_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file video;  /* required */
    int64_t duration;
    int64_t width;
    int64_t height;
    tp_input_file thumbnail;
    tp_input_file cover;
    int64_t start_timestamp;
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool show_caption_above_media;
    bool has_spoiler;
    bool supports_streaming;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_video_args;
static inline tp_err tp_send_video(tp_bot *bot, const tp_send_video_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[24] = {
        {TP__LOC(10), offsetof(tp_send_video_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_video_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_video_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_video_args, caption_entities), offsetof(tp_send_video_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_video_args, chat_id), 0, 5, 1, 0},
        {4246, offsetof(tp_send_video_args, cover), 0, 6, 0, 0},
        {TP__LOC(31), offsetof(tp_send_video_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(56), offsetof(tp_send_video_args, disable_notification), 0, 3, 0, 0},
        {4141, offsetof(tp_send_video_args, duration), 0, 1, 0, 0},
        {12810, offsetof(tp_send_video_args, has_spoiler), 0, 3, 0, 0},
        {4118, offsetof(tp_send_video_args, height), 0, 1, 0, 0},
        {TP__LOC(77), offsetof(tp_send_video_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_video_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_video_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(95), offsetof(tp_send_video_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_video_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(111), offsetof(tp_send_video_args, reply_parameters), 0, 7, 0, 12},
        {3190, offsetof(tp_send_video_args, show_caption_above_media), 0, 3, 0, 0},
        {4262, offsetof(tp_send_video_args, start_timestamp), 0, 1, 0, 0},
        {TP__LOC(128), offsetof(tp_send_video_args, suggested_post_parameters), 0, 7, 0, 98},
        {13008, offsetof(tp_send_video_args, supports_streaming), 0, 3, 0, 0},
        {4170, offsetof(tp_send_video_args, thumbnail), 0, 6, 0, 0},
        {3459, offsetof(tp_send_video_args, video), 0, 6, 1, 0},
        {4125, offsetof(tp_send_video_args, width), 0, 1, 0, 0},
    };
    static const char loc[] = "sendVideo\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 24, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendAnimation */
typedef struct tp_send_animation_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file animation;  /* required */
    int64_t duration;
    int64_t width;
    int64_t height;
    tp_input_file thumbnail;
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool show_caption_above_media;
    bool has_spoiler;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_animation_args;
static inline tp_err tp_send_animation(tp_bot *bot, const tp_send_animation_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[21] = {
        {TP__LOC(14), offsetof(tp_send_animation_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1817, offsetof(tp_send_animation_args, animation), 0, 6, 1, 0},
        {1862, offsetof(tp_send_animation_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_animation_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_animation_args, caption_entities), offsetof(tp_send_animation_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_animation_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(35), offsetof(tp_send_animation_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(60), offsetof(tp_send_animation_args, disable_notification), 0, 3, 0, 0},
        {4141, offsetof(tp_send_animation_args, duration), 0, 1, 0, 0},
        {12810, offsetof(tp_send_animation_args, has_spoiler), 0, 3, 0, 0},
        {4118, offsetof(tp_send_animation_args, height), 0, 1, 0, 0},
        {TP__LOC(81), offsetof(tp_send_animation_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_animation_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_animation_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(99), offsetof(tp_send_animation_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_animation_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(115), offsetof(tp_send_animation_args, reply_parameters), 0, 7, 0, 12},
        {3190, offsetof(tp_send_animation_args, show_caption_above_media), 0, 3, 0, 0},
        {TP__LOC(132), offsetof(tp_send_animation_args, suggested_post_parameters), 0, 7, 0, 98},
        {4170, offsetof(tp_send_animation_args, thumbnail), 0, 6, 0, 0},
        {4125, offsetof(tp_send_animation_args, width), 0, 1, 0, 0},
    };
    static const char loc[] = "sendAnimation\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 21, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendVoice */
typedef struct tp_send_voice_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file voice;  /* required */
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    int64_t duration;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_voice_args;
static inline tp_err tp_send_voice(tp_bot *bot, const tp_send_voice_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[16] = {
        {TP__LOC(10), offsetof(tp_send_voice_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_voice_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_voice_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_voice_args, caption_entities), offsetof(tp_send_voice_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_voice_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(31), offsetof(tp_send_voice_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(56), offsetof(tp_send_voice_args, disable_notification), 0, 3, 0, 0},
        {4141, offsetof(tp_send_voice_args, duration), 0, 1, 0, 0},
        {TP__LOC(77), offsetof(tp_send_voice_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_voice_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_voice_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(95), offsetof(tp_send_voice_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_voice_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(111), offsetof(tp_send_voice_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(128), offsetof(tp_send_voice_args, suggested_post_parameters), 0, 7, 0, 98},
        {3565, offsetof(tp_send_voice_args, voice), 0, 6, 1, 0},
    };
    static const char loc[] = "sendVoice\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 16, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendVideoNote */
typedef struct tp_send_video_note_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file video_note;  /* required */
    int64_t duration;
    int64_t length;
    tp_input_file thumbnail;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_video_note_args;
static inline tp_err tp_send_video_note(tp_bot *bot, const tp_send_video_note_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[15] = {
        {TP__LOC(14), offsetof(tp_send_video_note_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_video_note_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_video_note_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(35), offsetof(tp_send_video_note_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(60), offsetof(tp_send_video_note_args, disable_notification), 0, 3, 0, 0},
        {4141, offsetof(tp_send_video_note_args, duration), 0, 1, 0, 0},
        {3716, offsetof(tp_send_video_note_args, length), 0, 1, 0, 0},
        {TP__LOC(81), offsetof(tp_send_video_note_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_video_note_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(99), offsetof(tp_send_video_note_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_video_note_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(115), offsetof(tp_send_video_note_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(132), offsetof(tp_send_video_note_args, suggested_post_parameters), 0, 7, 0, 98},
        {4170, offsetof(tp_send_video_note_args, thumbnail), 0, 6, 0, 0},
        {3554, offsetof(tp_send_video_note_args, video_note), 0, 6, 1, 0},
    };
    static const char loc[] = "sendVideoNote\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 15, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendPaidMedia */
typedef struct tp_send_paid_media_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    int64_t star_count;  /* required */
    const tp_input_paid_media *media;  /* required */
    size_t media_count;
    const char *payload;
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool show_caption_above_media;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_paid_media_args;
static inline tp_err tp_send_paid_media(tp_bot *bot, const tp_send_paid_media_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[17] = {
        {TP__LOC(14), offsetof(tp_send_paid_media_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_paid_media_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_send_paid_media_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_send_paid_media_args, caption_entities), offsetof(tp_send_paid_media_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_send_paid_media_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(35), offsetof(tp_send_paid_media_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(60), offsetof(tp_send_paid_media_args, disable_notification), 0, 3, 0, 0},
        {4564, offsetof(tp_send_paid_media_args, media), offsetof(tp_send_paid_media_args, media_count), 8, 115, 219},
        {2759, offsetof(tp_send_paid_media_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_paid_media_args, parse_mode), 0, 4, 0, 0},
        {16403, offsetof(tp_send_paid_media_args, payload), 0, 4, 0, 0},
        {TP__LOC(81), offsetof(tp_send_paid_media_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_paid_media_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(97), offsetof(tp_send_paid_media_args, reply_parameters), 0, 7, 0, 12},
        {3190, offsetof(tp_send_paid_media_args, show_caption_above_media), 0, 3, 0, 0},
        {4308, offsetof(tp_send_paid_media_args, star_count), 0, 1, 1, 0},
        {TP__LOC(114), offsetof(tp_send_paid_media_args, suggested_post_parameters), 0, 7, 0, 98},
    };
    static const char loc[] = "sendPaidMedia\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 17, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendMediaGroup */
typedef struct tp_send_media_group_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    const tp_input_media *media;  /* required */
    size_t media_count;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_reply_parameters *reply_parameters;
} tp_send_media_group_args;
static inline tp_err tp_send_media_group(tp_bot *bot, const tp_send_media_group_args *args, tp_message_list_result *out, tp_error *err) {
    static const tp__fdesc f[10] = {
        {TP__LOC(15), offsetof(tp_send_media_group_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_media_group_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_media_group_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(36), offsetof(tp_send_media_group_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(61), offsetof(tp_send_media_group_args, disable_notification), 0, 3, 0, 0},
        {4564, offsetof(tp_send_media_group_args, media), offsetof(tp_send_media_group_args, media_count), 8, 115, 207},
        {TP__LOC(82), offsetof(tp_send_media_group_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_media_group_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(100), offsetof(tp_send_media_group_args, protect_content), 0, 3, 0, 0},
        {TP__LOC(116), offsetof(tp_send_media_group_args, reply_parameters), 0, 7, 0, 12},
    };
    static const char loc[] = "sendMediaGroup\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters";
    return tp_call_desc(bot, loc, f, 10, TP__R_ARR, 5, -1, args, out, err);
}
/* sendLocation */
typedef struct tp_send_location_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    double latitude;  /* required */
    double longitude;  /* required */
    double horizontal_accuracy;
    int64_t live_period;
    int64_t heading;
    int64_t proximity_alert_radius;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_location_args;
static inline tp_err tp_send_location(tp_bot *bot, const tp_send_location_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[17] = {
        {TP__LOC(13), offsetof(tp_send_location_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_location_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_location_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(34), offsetof(tp_send_location_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(59), offsetof(tp_send_location_args, disable_notification), 0, 3, 0, 0},
        {5278, offsetof(tp_send_location_args, heading), 0, 1, 0, 0},
        {5286, offsetof(tp_send_location_args, horizontal_accuracy), 0, 2, 0, 0},
        {5306, offsetof(tp_send_location_args, latitude), 0, 2, 1, 0},
        {5315, offsetof(tp_send_location_args, live_period), 0, 1, 0, 0},
        {5327, offsetof(tp_send_location_args, longitude), 0, 2, 1, 0},
        {TP__LOC(80), offsetof(tp_send_location_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_location_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(98), offsetof(tp_send_location_args, protect_content), 0, 3, 0, 0},
        {5337, offsetof(tp_send_location_args, proximity_alert_radius), 0, 1, 0, 0},
        {3019, offsetof(tp_send_location_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(114), offsetof(tp_send_location_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(131), offsetof(tp_send_location_args, suggested_post_parameters), 0, 7, 0, 98},
    };
    static const char loc[] = "sendLocation\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 17, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendVenue */
typedef struct tp_send_venue_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    double latitude;  /* required */
    double longitude;  /* required */
    const char *title;  /* required */
    const char *address;  /* required */
    const char *foursquare_id;
    const char *foursquare_type;
    const char *google_place_id;
    const char *google_place_type;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_venue_args;
static inline tp_err tp_send_venue(tp_bot *bot, const tp_send_venue_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[19] = {
        {5366, offsetof(tp_send_venue_args, address), 0, 4, 1, 0},
        {TP__LOC(10), offsetof(tp_send_venue_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_venue_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_venue_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(31), offsetof(tp_send_venue_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(56), offsetof(tp_send_venue_args, disable_notification), 0, 3, 0, 0},
        {5374, offsetof(tp_send_venue_args, foursquare_id), 0, 4, 0, 0},
        {5388, offsetof(tp_send_venue_args, foursquare_type), 0, 4, 0, 0},
        {5404, offsetof(tp_send_venue_args, google_place_id), 0, 4, 0, 0},
        {5420, offsetof(tp_send_venue_args, google_place_type), 0, 4, 0, 0},
        {5306, offsetof(tp_send_venue_args, latitude), 0, 2, 1, 0},
        {5327, offsetof(tp_send_venue_args, longitude), 0, 2, 1, 0},
        {TP__LOC(77), offsetof(tp_send_venue_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_venue_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(95), offsetof(tp_send_venue_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_venue_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(111), offsetof(tp_send_venue_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(128), offsetof(tp_send_venue_args, suggested_post_parameters), 0, 7, 0, 98},
        {948, offsetof(tp_send_venue_args, title), 0, 4, 1, 0},
    };
    static const char loc[] = "sendVenue\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 19, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendContact */
typedef struct tp_send_contact_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    const char *phone_number;  /* required */
    const char *first_name;  /* required */
    const char *last_name;
    const char *vcard;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_contact_args;
static inline tp_err tp_send_contact(tp_bot *bot, const tp_send_contact_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[15] = {
        {TP__LOC(12), offsetof(tp_send_contact_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_contact_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_contact_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(33), offsetof(tp_send_contact_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(58), offsetof(tp_send_contact_args, disable_notification), 0, 3, 0, 0},
        {737, offsetof(tp_send_contact_args, first_name), 0, 4, 1, 0},
        {819, offsetof(tp_send_contact_args, last_name), 0, 4, 0, 0},
        {TP__LOC(79), offsetof(tp_send_contact_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_contact_args, message_thread_id), 0, 1, 0, 0},
        {4411, offsetof(tp_send_contact_args, phone_number), 0, 4, 1, 0},
        {TP__LOC(97), offsetof(tp_send_contact_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_contact_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(113), offsetof(tp_send_contact_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(130), offsetof(tp_send_contact_args, suggested_post_parameters), 0, 7, 0, 98},
        {4432, offsetof(tp_send_contact_args, vcard), 0, 4, 0, 0},
    };
    static const char loc[] = "sendContact\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 15, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendPoll */
typedef struct tp_send_poll_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    const char *question;  /* required */
    const char *question_parse_mode;
    const tp_message_entity *question_entities;
    size_t question_entities_count;
    const tp_input_poll_option *options;  /* required */
    size_t options_count;
    bool is_anonymous;
    const char *type;
    bool allows_multiple_answers;
    bool allows_revoting;
    bool shuffle_options;
    bool allow_adding_options;
    bool hide_results_until_closes;
    bool members_only;
    const char * const *country_codes;
    size_t country_codes_count;
    const int64_t *correct_option_ids;
    size_t correct_option_ids_count;
    const char *explanation;
    const char *explanation_parse_mode;
    const tp_message_entity *explanation_entities;
    size_t explanation_entities_count;
    const tp_input_poll_media *explanation_media;
    int64_t open_period;
    int64_t close_date;
    bool is_closed;
    const char *description;
    const char *description_parse_mode;
    const tp_message_entity *description_entities;
    size_t description_entities_count;
    const tp_input_poll_media *media;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
    bool has_is_anonymous;  /* true: send is_anonymous even if false (absent: true) */
    bool has_allows_revoting;  /* true: send allows_revoting even if false (absent: true unless a quiz) */
} tp_send_poll_args;
static inline tp_err tp_send_poll(tp_bot *bot, const tp_send_poll_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[34] = {
        {TP__LOC(9), offsetof(tp_send_poll_args, allow_adding_options), 0, 3, 0, 0},
        {TP__LOC(30), offsetof(tp_send_poll_args, allow_paid_broadcast), 0, 3, 0, 0},
        {4710, offsetof(tp_send_poll_args, allows_multiple_answers), 0, 3, 0, 0},
        {4734, offsetof(tp_send_poll_args, allows_revoting), offsetof(tp_send_poll_args, has_allows_revoting), 3, 0, 0},
        {1862, offsetof(tp_send_poll_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_poll_args, chat_id), 0, 5, 1, 0},
        {4750, offsetof(tp_send_poll_args, close_date), 0, 1, 0, 0},
        {4761, offsetof(tp_send_poll_args, correct_option_ids), offsetof(tp_send_poll_args, correct_option_ids_count), 8, 18, 0},
        {4780, offsetof(tp_send_poll_args, country_codes), offsetof(tp_send_poll_args, country_codes_count), 8, 66, 0},
        {1212, offsetof(tp_send_poll_args, description), 0, 4, 0, 0},
        {4794, offsetof(tp_send_poll_args, description_entities), offsetof(tp_send_poll_args, description_entities_count), 8, 114, 9},
        {TP__LOC(51), offsetof(tp_send_poll_args, description_parse_mode), 0, 4, 0, 0},
        {TP__LOC(74), offsetof(tp_send_poll_args, disable_notification), 0, 3, 0, 0},
        {4815, offsetof(tp_send_poll_args, explanation), 0, 4, 0, 0},
        {4827, offsetof(tp_send_poll_args, explanation_entities), offsetof(tp_send_poll_args, explanation_entities_count), 8, 114, 9},
        {4848, offsetof(tp_send_poll_args, explanation_media), 0, 7, 0, 38},
        {TP__LOC(95), offsetof(tp_send_poll_args, explanation_parse_mode), 0, 4, 0, 0},
        {TP__LOC(118), offsetof(tp_send_poll_args, hide_results_until_closes), 0, 3, 0, 0},
        {4866, offsetof(tp_send_poll_args, is_anonymous), offsetof(tp_send_poll_args, has_is_anonymous), 3, 0, 0},
        {4879, offsetof(tp_send_poll_args, is_closed), 0, 3, 0, 0},
        {4564, offsetof(tp_send_poll_args, media), 0, 7, 0, 38},
        {4889, offsetof(tp_send_poll_args, members_only), 0, 3, 0, 0},
        {TP__LOC(144), offsetof(tp_send_poll_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_poll_args, message_thread_id), 0, 1, 0, 0},
        {4902, offsetof(tp_send_poll_args, open_period), 0, 1, 0, 0},
        {4914, offsetof(tp_send_poll_args, options), offsetof(tp_send_poll_args, options_count), 8, 115, 41},
        {TP__LOC(162), offsetof(tp_send_poll_args, protect_content), 0, 3, 0, 0},
        {4922, offsetof(tp_send_poll_args, question), 0, 4, 1, 0},
        {4931, offsetof(tp_send_poll_args, question_entities), offsetof(tp_send_poll_args, question_entities_count), 8, 114, 9},
        {TP__LOC(178), offsetof(tp_send_poll_args, question_parse_mode), 0, 4, 0, 0},
        {3019, offsetof(tp_send_poll_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(198), offsetof(tp_send_poll_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(215), offsetof(tp_send_poll_args, shuffle_options), 0, 3, 0, 0},
        {954, offsetof(tp_send_poll_args, type), 0, 4, 0, 0},
    };
    static const char loc[] = "sendPoll\000allow_adding_options\000allow_paid_broadcast\000description_parse_mode\000disable_notification\000explanation_parse_mode\000hide_results_until_closes\000message_effect_id\000protect_content\000question_parse_mode\000reply_parameters\000shuffle_options";
    return tp_call_desc(bot, loc, f, 34, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendChecklist */
typedef struct tp_send_checklist_args {
    const char *business_connection_id;  /* required */
    tp_chat_id chat_id;  /* required */
    const tp_input_checklist *checklist;  /* required */
    bool disable_notification;
    bool protect_content;
    const char *message_effect_id;
    const tp_reply_parameters *reply_parameters;
    const tp_inline_keyboard_markup *reply_markup;
} tp_send_checklist_args;
static inline tp_err tp_send_checklist(tp_bot *bot, const tp_send_checklist_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[8] = {
        {1862, offsetof(tp_send_checklist_args, business_connection_id), 0, 4, 1, 0},
        {3843, offsetof(tp_send_checklist_args, chat_id), 0, 5, 1, 0},
        {2003, offsetof(tp_send_checklist_args, checklist), 0, 7, 1, 47},
        {TP__LOC(14), offsetof(tp_send_checklist_args, disable_notification), 0, 3, 0, 0},
        {TP__LOC(35), offsetof(tp_send_checklist_args, message_effect_id), 0, 4, 0, 0},
        {TP__LOC(53), offsetof(tp_send_checklist_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_checklist_args, reply_markup), 0, 7, 0, 111},
        {TP__LOC(69), offsetof(tp_send_checklist_args, reply_parameters), 0, 7, 0, 12},
    };
    static const char loc[] = "sendChecklist\000disable_notification\000message_effect_id\000protect_content\000reply_parameters";
    return tp_call_desc(bot, loc, f, 8, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendDice */
typedef struct tp_send_dice_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    const char *emoji;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_dice_args;
static inline tp_err tp_send_dice(tp_bot *bot, const tp_send_dice_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[12] = {
        {TP__LOC(9), offsetof(tp_send_dice_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_dice_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_dice_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(30), offsetof(tp_send_dice_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(55), offsetof(tp_send_dice_args, disable_notification), 0, 3, 0, 0},
        {4443, offsetof(tp_send_dice_args, emoji), 0, 4, 0, 0},
        {TP__LOC(76), offsetof(tp_send_dice_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_dice_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(94), offsetof(tp_send_dice_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_dice_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(110), offsetof(tp_send_dice_args, reply_parameters), 0, 7, 0, 12},
        {TP__LOC(127), offsetof(tp_send_dice_args, suggested_post_parameters), 0, 7, 0, 98},
    };
    static const char loc[] = "sendDice\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 12, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendMessageDraft */
typedef struct tp_send_message_draft_args {
    int64_t chat_id;  /* required */
    int64_t message_thread_id;
    int64_t draft_id;  /* required */
    const char *text;
    const char *parse_mode;
    const tp_message_entity *entities;
    size_t entities_count;
} tp_send_message_draft_args;
static inline tp_err tp_send_message_draft(tp_bot *bot, const tp_send_message_draft_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {3843, offsetof(tp_send_message_draft_args, chat_id), 0, 1, 1, 0},
        {TP__LOC(17), offsetof(tp_send_message_draft_args, draft_id), 0, 1, 1, 0},
        {2190, offsetof(tp_send_message_draft_args, entities), offsetof(tp_send_message_draft_args, entities_count), 8, 114, 9},
        {2759, offsetof(tp_send_message_draft_args, message_thread_id), 0, 1, 0, 0},
        {5134, offsetof(tp_send_message_draft_args, parse_mode), 0, 4, 0, 0},
        {3415, offsetof(tp_send_message_draft_args, text), 0, 4, 0, 0},
    };
    static const char loc[] = "sendMessageDraft\000draft_id";
    return tp_call_desc(bot, loc, f, 6, TP__R_BOOL, 0, -1, args, out, err);
}
/* sendChatAction */
typedef struct tp_send_chat_action_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    const char *action;  /* required */
} tp_send_chat_action_args;
static inline tp_err tp_send_chat_action(tp_bot *bot, const tp_send_chat_action_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {TP__LOC(15), offsetof(tp_send_chat_action_args, action), 0, 4, 1, 0},
        {1862, offsetof(tp_send_chat_action_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_chat_action_args, chat_id), 0, 5, 1, 0},
        {2759, offsetof(tp_send_chat_action_args, message_thread_id), 0, 1, 0, 0},
    };
    static const char loc[] = "sendChatAction\000action";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* setMessageReaction */
typedef struct tp_set_message_reaction_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_id;  /* required */
    const tp_reaction_type *reaction;
    size_t reaction_count;
    bool is_big;
} tp_set_message_reaction_args;
static inline tp_err tp_set_message_reaction(tp_bot *bot, const tp_set_message_reaction_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {3843, offsetof(tp_set_message_reaction_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(19), offsetof(tp_set_message_reaction_args, is_big), 0, 3, 0, 0},
        {2748, offsetof(tp_set_message_reaction_args, message_id), 0, 1, 1, 0},
        {TP__LOC(26), offsetof(tp_set_message_reaction_args, reaction), offsetof(tp_set_message_reaction_args, reaction_count), 8, 114, 147},
    };
    static const char loc[] = "setMessageReaction\000is_big\000reaction";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* getUserProfilePhotos */
typedef struct tp_get_user_profile_photos_args {
    int64_t user_id;  /* required */
    int64_t offset;
    int64_t limit;
} tp_get_user_profile_photos_args;
static inline tp_err tp_get_user_profile_photos(tp_bot *bot, const tp_get_user_profile_photos_args *args, tp_user_profile_photos_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {TP__LOC(21), offsetof(tp_get_user_profile_photos_args, limit), 0, 1, 0, 0},
        {3723, offsetof(tp_get_user_profile_photos_args, offset), 0, 1, 0, 0},
        {4424, offsetof(tp_get_user_profile_photos_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getUserProfilePhotos\000limit";
    return tp_call_desc(bot, loc, f, 3, TP__R_OBJ, 100, -1, args, out, err);
}
/* getUserProfileAudios */
typedef struct tp_get_user_profile_audios_args {
    int64_t user_id;  /* required */
    int64_t offset;
    int64_t limit;
} tp_get_user_profile_audios_args;
static inline tp_err tp_get_user_profile_audios(tp_bot *bot, const tp_get_user_profile_audios_args *args, tp_user_profile_audios_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {TP__LOC(21), offsetof(tp_get_user_profile_audios_args, limit), 0, 1, 0, 0},
        {3723, offsetof(tp_get_user_profile_audios_args, offset), 0, 1, 0, 0},
        {4424, offsetof(tp_get_user_profile_audios_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getUserProfileAudios\000limit";
    return tp_call_desc(bot, loc, f, 3, TP__R_OBJ, 101, -1, args, out, err);
}
/* setUserEmojiStatus */
typedef struct tp_set_user_emoji_status_args {
    int64_t user_id;  /* required */
    const char *emoji_status_custom_emoji_id;
    int64_t emoji_status_expiration_date;
} tp_set_user_emoji_status_args;
static inline tp_err tp_set_user_emoji_status(tp_bot *bot, const tp_set_user_emoji_status_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {1224, offsetof(tp_set_user_emoji_status_args, emoji_status_custom_emoji_id), 0, 4, 0, 0},
        {1253, offsetof(tp_set_user_emoji_status_args, emoji_status_expiration_date), 0, 1, 0, 0},
        {4424, offsetof(tp_set_user_emoji_status_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "setUserEmojiStatus";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* getFile */
typedef struct tp_get_file_args {
    const char *file_id;  /* required */
} tp_get_file_args;
static inline tp_err tp_get_file(tp_bot *bot, const tp_get_file_args *args, tp_file_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {4085, offsetof(tp_get_file_args, file_id), 0, 4, 1, 0},
    };
    static const char loc[] = "getFile";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 102, -1, args, out, err);
}
/* banChatMember */
typedef struct tp_ban_chat_member_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
    int64_t until_date;
    bool revoke_messages;
} tp_ban_chat_member_args;
static inline tp_err tp_ban_chat_member(tp_bot *bot, const tp_ban_chat_member_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {3843, offsetof(tp_ban_chat_member_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(14), offsetof(tp_ban_chat_member_args, revoke_messages), 0, 3, 0, 0},
        {9284, offsetof(tp_ban_chat_member_args, until_date), 0, 1, 0, 0},
        {4424, offsetof(tp_ban_chat_member_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "banChatMember\000revoke_messages";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* unbanChatMember */
typedef struct tp_unban_chat_member_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
    bool only_if_banned;
} tp_unban_chat_member_args;
static inline tp_err tp_unban_chat_member(tp_bot *bot, const tp_unban_chat_member_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3843, offsetof(tp_unban_chat_member_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(16), offsetof(tp_unban_chat_member_args, only_if_banned), 0, 3, 0, 0},
        {4424, offsetof(tp_unban_chat_member_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "unbanChatMember\000only_if_banned";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* restrictChatMember */
typedef struct tp_restrict_chat_member_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
    const tp_chat_permissions *permissions;  /* required */
    bool use_independent_chat_permissions;
    int64_t until_date;
} tp_restrict_chat_member_args;
static inline tp_err tp_restrict_chat_member(tp_bot *bot, const tp_restrict_chat_member_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[5] = {
        {3843, offsetof(tp_restrict_chat_member_args, chat_id), 0, 5, 1, 0},
        {1621, offsetof(tp_restrict_chat_member_args, permissions), 0, 7, 1, 130},
        {9284, offsetof(tp_restrict_chat_member_args, until_date), 0, 1, 0, 0},
        {TP__LOC(19), offsetof(tp_restrict_chat_member_args, use_independent_chat_permissions), 0, 3, 0, 0},
        {4424, offsetof(tp_restrict_chat_member_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "restrictChatMember\000use_independent_chat_permissions";
    return tp_call_desc(bot, loc, f, 5, TP__R_BOOL, 0, -1, args, out, err);
}
/* promoteChatMember */
typedef struct tp_promote_chat_member_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
    bool is_anonymous;
    bool can_manage_chat;
    bool can_delete_messages;
    bool can_manage_video_chats;
    bool can_restrict_members;
    bool can_promote_members;
    bool can_change_info;
    bool can_invite_users;
    bool can_post_stories;
    bool can_edit_stories;
    bool can_delete_stories;
    bool can_post_messages;
    bool can_edit_messages;
    bool can_pin_messages;
    bool can_manage_topics;
    bool can_manage_direct_messages;
    bool can_manage_tags;
    bool has_can_restrict_members;  /* true: send can_restrict_members even if false (absent: true when promoting in a channel) */
} tp_promote_chat_member_args;
static inline tp_err tp_promote_chat_member(tp_bot *bot, const tp_promote_chat_member_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[19] = {
        {8739, offsetof(tp_promote_chat_member_args, can_change_info), 0, 3, 0, 0},
        {8755, offsetof(tp_promote_chat_member_args, can_delete_messages), 0, 3, 0, 0},
        {8775, offsetof(tp_promote_chat_member_args, can_delete_stories), 0, 3, 0, 0},
        {8794, offsetof(tp_promote_chat_member_args, can_edit_messages), 0, 3, 0, 0},
        {8812, offsetof(tp_promote_chat_member_args, can_edit_stories), 0, 3, 0, 0},
        {8829, offsetof(tp_promote_chat_member_args, can_invite_users), 0, 3, 0, 0},
        {8846, offsetof(tp_promote_chat_member_args, can_manage_chat), 0, 3, 0, 0},
        {8862, offsetof(tp_promote_chat_member_args, can_manage_direct_messages), 0, 3, 0, 0},
        {8889, offsetof(tp_promote_chat_member_args, can_manage_tags), 0, 3, 0, 0},
        {8905, offsetof(tp_promote_chat_member_args, can_manage_topics), 0, 3, 0, 0},
        {8923, offsetof(tp_promote_chat_member_args, can_manage_video_chats), 0, 3, 0, 0},
        {8946, offsetof(tp_promote_chat_member_args, can_pin_messages), 0, 3, 0, 0},
        {8963, offsetof(tp_promote_chat_member_args, can_post_messages), 0, 3, 0, 0},
        {8981, offsetof(tp_promote_chat_member_args, can_post_stories), 0, 3, 0, 0},
        {8998, offsetof(tp_promote_chat_member_args, can_promote_members), 0, 3, 0, 0},
        {9018, offsetof(tp_promote_chat_member_args, can_restrict_members), offsetof(tp_promote_chat_member_args, has_can_restrict_members), 3, 0, 0},
        {3843, offsetof(tp_promote_chat_member_args, chat_id), 0, 5, 1, 0},
        {4866, offsetof(tp_promote_chat_member_args, is_anonymous), 0, 3, 0, 0},
        {4424, offsetof(tp_promote_chat_member_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "promoteChatMember";
    return tp_call_desc(bot, loc, f, 19, TP__R_BOOL, 0, -1, args, out, err);
}
/* setChatAdministratorCustomTitle */
typedef struct tp_set_chat_administrator_custom_title_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
    const char *custom_title;  /* required */
} tp_set_chat_administrator_custom_title_args;
static inline tp_err tp_set_chat_administrator_custom_title(tp_bot *bot, const tp_set_chat_administrator_custom_title_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3843, offsetof(tp_set_chat_administrator_custom_title_args, chat_id), 0, 5, 1, 0},
        {9212, offsetof(tp_set_chat_administrator_custom_title_args, custom_title), 0, 4, 1, 0},
        {4424, offsetof(tp_set_chat_administrator_custom_title_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "setChatAdministratorCustomTitle";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* setChatMemberTag */
typedef struct tp_set_chat_member_tag_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
    const char *tag;
} tp_set_chat_member_tag_args;
static inline tp_err tp_set_chat_member_tag(tp_bot *bot, const tp_set_chat_member_tag_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3843, offsetof(tp_set_chat_member_tag_args, chat_id), 0, 5, 1, 0},
        {9280, offsetof(tp_set_chat_member_tag_args, tag), 0, 4, 0, 0},
        {4424, offsetof(tp_set_chat_member_tag_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "setChatMemberTag";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* banChatSenderChat */
typedef struct tp_ban_chat_sender_chat_args {
    tp_chat_id chat_id;  /* required */
    int64_t sender_chat_id;  /* required */
} tp_ban_chat_sender_chat_args;
static inline tp_err tp_ban_chat_sender_chat(tp_bot *bot, const tp_ban_chat_sender_chat_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_ban_chat_sender_chat_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(18), offsetof(tp_ban_chat_sender_chat_args, sender_chat_id), 0, 1, 1, 0},
    };
    static const char loc[] = "banChatSenderChat\000sender_chat_id";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* unbanChatSenderChat */
typedef struct tp_unban_chat_sender_chat_args {
    tp_chat_id chat_id;  /* required */
    int64_t sender_chat_id;  /* required */
} tp_unban_chat_sender_chat_args;
static inline tp_err tp_unban_chat_sender_chat(tp_bot *bot, const tp_unban_chat_sender_chat_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_unban_chat_sender_chat_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(20), offsetof(tp_unban_chat_sender_chat_args, sender_chat_id), 0, 1, 1, 0},
    };
    static const char loc[] = "unbanChatSenderChat\000sender_chat_id";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setChatPermissions */
typedef struct tp_set_chat_permissions_args {
    tp_chat_id chat_id;  /* required */
    const tp_chat_permissions *permissions;  /* required */
    bool use_independent_chat_permissions;
} tp_set_chat_permissions_args;
static inline tp_err tp_set_chat_permissions(tp_bot *bot, const tp_set_chat_permissions_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3843, offsetof(tp_set_chat_permissions_args, chat_id), 0, 5, 1, 0},
        {1621, offsetof(tp_set_chat_permissions_args, permissions), 0, 7, 1, 130},
        {TP__LOC(19), offsetof(tp_set_chat_permissions_args, use_independent_chat_permissions), 0, 3, 0, 0},
    };
    static const char loc[] = "setChatPermissions\000use_independent_chat_permissions";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* exportChatInviteLink */
typedef struct tp_export_chat_invite_link_args {
    tp_chat_id chat_id;  /* required */
} tp_export_chat_invite_link_args;
static inline tp_err tp_export_chat_invite_link(tp_bot *bot, const tp_export_chat_invite_link_args *args, tp_string_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_export_chat_invite_link_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "exportChatInviteLink";
    return tp_call_desc(bot, loc, f, 1, TP__R_STR, 0, -1, args, out, err);
}
/* createChatInviteLink */
typedef struct tp_create_chat_invite_link_args {
    tp_chat_id chat_id;  /* required */
    const char *name;
    int64_t expire_date;
    int64_t member_limit;
    bool creates_join_request;
} tp_create_chat_invite_link_args;
static inline tp_err tp_create_chat_invite_link(tp_bot *bot, const tp_create_chat_invite_link_args *args, tp_chat_invite_link_result *out, tp_error *err) {
    static const tp__fdesc f[5] = {
        {3843, offsetof(tp_create_chat_invite_link_args, chat_id), 0, 5, 1, 0},
        {8573, offsetof(tp_create_chat_invite_link_args, creates_join_request), 0, 3, 0, 0},
        {8602, offsetof(tp_create_chat_invite_link_args, expire_date), 0, 1, 0, 0},
        {8636, offsetof(tp_create_chat_invite_link_args, member_limit), 0, 1, 0, 0},
        {6180, offsetof(tp_create_chat_invite_link_args, name), 0, 4, 0, 0},
    };
    static const char loc[] = "createChatInviteLink";
    return tp_call_desc(bot, loc, f, 5, TP__R_OBJ, 119, -1, args, out, err);
}
/* editChatInviteLink */
typedef struct tp_edit_chat_invite_link_args {
    tp_chat_id chat_id;  /* required */
    const char *invite_link;  /* required */
    const char *name;
    int64_t expire_date;
    int64_t member_limit;
    bool creates_join_request;
} tp_edit_chat_invite_link_args;
static inline tp_err tp_edit_chat_invite_link(tp_bot *bot, const tp_edit_chat_invite_link_args *args, tp_chat_invite_link_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {3843, offsetof(tp_edit_chat_invite_link_args, chat_id), 0, 5, 1, 0},
        {8573, offsetof(tp_edit_chat_invite_link_args, creates_join_request), 0, 3, 0, 0},
        {8602, offsetof(tp_edit_chat_invite_link_args, expire_date), 0, 1, 0, 0},
        {1467, offsetof(tp_edit_chat_invite_link_args, invite_link), 0, 4, 1, 0},
        {8636, offsetof(tp_edit_chat_invite_link_args, member_limit), 0, 1, 0, 0},
        {6180, offsetof(tp_edit_chat_invite_link_args, name), 0, 4, 0, 0},
    };
    static const char loc[] = "editChatInviteLink";
    return tp_call_desc(bot, loc, f, 6, TP__R_OBJ, 119, -1, args, out, err);
}
/* createChatSubscriptionInviteLink */
typedef struct tp_create_chat_subscription_invite_link_args {
    tp_chat_id chat_id;  /* required */
    const char *name;
    int64_t subscription_period;  /* required */
    int64_t subscription_price;  /* required */
} tp_create_chat_subscription_invite_link_args;
static inline tp_err tp_create_chat_subscription_invite_link(tp_bot *bot, const tp_create_chat_subscription_invite_link_args *args, tp_chat_invite_link_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {3843, offsetof(tp_create_chat_subscription_invite_link_args, chat_id), 0, 5, 1, 0},
        {6180, offsetof(tp_create_chat_subscription_invite_link_args, name), 0, 4, 0, 0},
        {8676, offsetof(tp_create_chat_subscription_invite_link_args, subscription_period), 0, 1, 1, 0},
        {8696, offsetof(tp_create_chat_subscription_invite_link_args, subscription_price), 0, 1, 1, 0},
    };
    static const char loc[] = "createChatSubscriptionInviteLink";
    return tp_call_desc(bot, loc, f, 4, TP__R_OBJ, 119, -1, args, out, err);
}
/* editChatSubscriptionInviteLink */
typedef struct tp_edit_chat_subscription_invite_link_args {
    tp_chat_id chat_id;  /* required */
    const char *invite_link;  /* required */
    const char *name;
} tp_edit_chat_subscription_invite_link_args;
static inline tp_err tp_edit_chat_subscription_invite_link(tp_bot *bot, const tp_edit_chat_subscription_invite_link_args *args, tp_chat_invite_link_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3843, offsetof(tp_edit_chat_subscription_invite_link_args, chat_id), 0, 5, 1, 0},
        {1467, offsetof(tp_edit_chat_subscription_invite_link_args, invite_link), 0, 4, 1, 0},
        {6180, offsetof(tp_edit_chat_subscription_invite_link_args, name), 0, 4, 0, 0},
    };
    static const char loc[] = "editChatSubscriptionInviteLink";
    return tp_call_desc(bot, loc, f, 3, TP__R_OBJ, 119, -1, args, out, err);
}
/* revokeChatInviteLink */
typedef struct tp_revoke_chat_invite_link_args {
    tp_chat_id chat_id;  /* required */
    const char *invite_link;  /* required */
} tp_revoke_chat_invite_link_args;
static inline tp_err tp_revoke_chat_invite_link(tp_bot *bot, const tp_revoke_chat_invite_link_args *args, tp_chat_invite_link_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_revoke_chat_invite_link_args, chat_id), 0, 5, 1, 0},
        {1467, offsetof(tp_revoke_chat_invite_link_args, invite_link), 0, 4, 1, 0},
    };
    static const char loc[] = "revokeChatInviteLink";
    return tp_call_desc(bot, loc, f, 2, TP__R_OBJ, 119, -1, args, out, err);
}
/* approveChatJoinRequest */
typedef struct tp_approve_chat_join_request_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
} tp_approve_chat_join_request_args;
static inline tp_err tp_approve_chat_join_request(tp_bot *bot, const tp_approve_chat_join_request_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_approve_chat_join_request_args, chat_id), 0, 5, 1, 0},
        {4424, offsetof(tp_approve_chat_join_request_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "approveChatJoinRequest";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* declineChatJoinRequest */
typedef struct tp_decline_chat_join_request_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
} tp_decline_chat_join_request_args;
static inline tp_err tp_decline_chat_join_request(tp_bot *bot, const tp_decline_chat_join_request_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_decline_chat_join_request_args, chat_id), 0, 5, 1, 0},
        {4424, offsetof(tp_decline_chat_join_request_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "declineChatJoinRequest";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* answerChatJoinRequestQuery */
typedef struct tp_answer_chat_join_request_query_args {
    const char *chat_join_request_query_id;  /* required */
    const char *result;  /* required */
} tp_answer_chat_join_request_query_args;
static inline tp_err tp_answer_chat_join_request_query(tp_bot *bot, const tp_answer_chat_join_request_query_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(27), offsetof(tp_answer_chat_join_request_query_args, chat_join_request_query_id), 0, 4, 1, 0},
        {TP__LOC(54), offsetof(tp_answer_chat_join_request_query_args, result), 0, 4, 1, 0},
    };
    static const char loc[] = "answerChatJoinRequestQuery\000chat_join_request_query_id\000result";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* sendChatJoinRequestWebApp */
typedef struct tp_send_chat_join_request_web_app_args {
    const char *chat_join_request_query_id;  /* required */
    const char *web_app_url;  /* required */
} tp_send_chat_join_request_web_app_args;
static inline tp_err tp_send_chat_join_request_web_app(tp_bot *bot, const tp_send_chat_join_request_web_app_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(26), offsetof(tp_send_chat_join_request_web_app_args, chat_join_request_query_id), 0, 4, 1, 0},
        {TP__LOC(53), offsetof(tp_send_chat_join_request_web_app_args, web_app_url), 0, 4, 1, 0},
    };
    static const char loc[] = "sendChatJoinRequestWebApp\000chat_join_request_query_id\000web_app_url";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setChatPhoto */
typedef struct tp_set_chat_photo_args {
    tp_chat_id chat_id;  /* required */
    tp_input_file photo;  /* required */
} tp_set_chat_photo_args;
static inline tp_err tp_set_chat_photo(tp_bot *bot, const tp_set_chat_photo_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_set_chat_photo_args, chat_id), 0, 5, 1, 0},
        {1647, offsetof(tp_set_chat_photo_args, photo), 0, 6, 1, 0},
    };
    static const char loc[] = "setChatPhoto";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteChatPhoto */
typedef struct tp_delete_chat_photo_args {
    tp_chat_id chat_id;  /* required */
} tp_delete_chat_photo_args;
static inline tp_err tp_delete_chat_photo(tp_bot *bot, const tp_delete_chat_photo_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_delete_chat_photo_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "deleteChatPhoto";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* setChatTitle */
typedef struct tp_set_chat_title_args {
    tp_chat_id chat_id;  /* required */
    const char *title;  /* required */
} tp_set_chat_title_args;
static inline tp_err tp_set_chat_title(tp_bot *bot, const tp_set_chat_title_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_set_chat_title_args, chat_id), 0, 5, 1, 0},
        {948, offsetof(tp_set_chat_title_args, title), 0, 4, 1, 0},
    };
    static const char loc[] = "setChatTitle";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setChatDescription */
typedef struct tp_set_chat_description_args {
    tp_chat_id chat_id;  /* required */
    const char *description;
} tp_set_chat_description_args;
static inline tp_err tp_set_chat_description(tp_bot *bot, const tp_set_chat_description_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_set_chat_description_args, chat_id), 0, 5, 1, 0},
        {1212, offsetof(tp_set_chat_description_args, description), 0, 4, 0, 0},
    };
    static const char loc[] = "setChatDescription";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* pinChatMessage */
typedef struct tp_pin_chat_message_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_id;  /* required */
    bool disable_notification;
} tp_pin_chat_message_args;
static inline tp_err tp_pin_chat_message(tp_bot *bot, const tp_pin_chat_message_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {1862, offsetof(tp_pin_chat_message_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_pin_chat_message_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(15), offsetof(tp_pin_chat_message_args, disable_notification), 0, 3, 0, 0},
        {2748, offsetof(tp_pin_chat_message_args, message_id), 0, 1, 1, 0},
    };
    static const char loc[] = "pinChatMessage\000disable_notification";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* unpinChatMessage */
typedef struct tp_unpin_chat_message_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_id;
} tp_unpin_chat_message_args;
static inline tp_err tp_unpin_chat_message(tp_bot *bot, const tp_unpin_chat_message_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {1862, offsetof(tp_unpin_chat_message_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_unpin_chat_message_args, chat_id), 0, 5, 1, 0},
        {2748, offsetof(tp_unpin_chat_message_args, message_id), 0, 1, 0, 0},
    };
    static const char loc[] = "unpinChatMessage";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* unpinAllChatMessages */
typedef struct tp_unpin_all_chat_messages_args {
    tp_chat_id chat_id;  /* required */
} tp_unpin_all_chat_messages_args;
static inline tp_err tp_unpin_all_chat_messages(tp_bot *bot, const tp_unpin_all_chat_messages_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_unpin_all_chat_messages_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "unpinAllChatMessages";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* leaveChat */
typedef struct tp_leave_chat_args {
    tp_chat_id chat_id;  /* required */
} tp_leave_chat_args;
static inline tp_err tp_leave_chat(tp_bot *bot, const tp_leave_chat_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_leave_chat_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "leaveChat";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* getChat */
typedef struct tp_get_chat_args {
    tp_chat_id chat_id;  /* required */
} tp_get_chat_args;
static inline tp_err tp_get_chat(tp_bot *bot, const tp_get_chat_args *args, tp_chat_full_info_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_get_chat_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "getChat";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 4, -1, args, out, err);
}
/* getChatAdministrators */
typedef struct tp_get_chat_administrators_args {
    tp_chat_id chat_id;  /* required */
    bool return_bots;
} tp_get_chat_administrators_args;
static inline tp_err tp_get_chat_administrators(tp_bot *bot, const tp_get_chat_administrators_args *args, tp_chat_member_list_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_get_chat_administrators_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(22), offsetof(tp_get_chat_administrators_args, return_bots), 0, 3, 0, 0},
    };
    static const char loc[] = "getChatAdministrators\000return_bots";
    return tp_call_desc(bot, loc, f, 2, TP__R_ARR, 122, -1, args, out, err);
}
/* getChatMemberCount */
typedef struct tp_get_chat_member_count_args {
    tp_chat_id chat_id;  /* required */
} tp_get_chat_member_count_args;
static inline tp_err tp_get_chat_member_count(tp_bot *bot, const tp_get_chat_member_count_args *args, tp_int_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_get_chat_member_count_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "getChatMemberCount";
    return tp_call_desc(bot, loc, f, 1, TP__R_INT, 0, -1, args, out, err);
}
/* getChatMember */
typedef struct tp_get_chat_member_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
} tp_get_chat_member_args;
static inline tp_err tp_get_chat_member(tp_bot *bot, const tp_get_chat_member_args *args, tp_chat_member_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_get_chat_member_args, chat_id), 0, 5, 1, 0},
        {4424, offsetof(tp_get_chat_member_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getChatMember";
    return tp_call_desc(bot, loc, f, 2, TP__R_OBJ, 122, -1, args, out, err);
}
/* getUserPersonalChatMessages */
typedef struct tp_get_user_personal_chat_messages_args {
    int64_t user_id;  /* required */
    int64_t limit;  /* required */
} tp_get_user_personal_chat_messages_args;
static inline tp_err tp_get_user_personal_chat_messages(tp_bot *bot, const tp_get_user_personal_chat_messages_args *args, tp_message_list_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(28), offsetof(tp_get_user_personal_chat_messages_args, limit), 0, 1, 1, 0},
        {4424, offsetof(tp_get_user_personal_chat_messages_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getUserPersonalChatMessages\000limit";
    return tp_call_desc(bot, loc, f, 2, TP__R_ARR, 5, -1, args, out, err);
}
/* setChatStickerSet */
typedef struct tp_set_chat_sticker_set_args {
    tp_chat_id chat_id;  /* required */
    const char *sticker_set_name;  /* required */
} tp_set_chat_sticker_set_args;
static inline tp_err tp_set_chat_sticker_set(tp_bot *bot, const tp_set_chat_sticker_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_set_chat_sticker_set_args, chat_id), 0, 5, 1, 0},
        {1750, offsetof(tp_set_chat_sticker_set_args, sticker_set_name), 0, 4, 1, 0},
    };
    static const char loc[] = "setChatStickerSet";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteChatStickerSet */
typedef struct tp_delete_chat_sticker_set_args {
    tp_chat_id chat_id;  /* required */
} tp_delete_chat_sticker_set_args;
static inline tp_err tp_delete_chat_sticker_set(tp_bot *bot, const tp_delete_chat_sticker_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_delete_chat_sticker_set_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "deleteChatStickerSet";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* getForumTopicIconStickers */
static inline tp_err tp_get_forum_topic_icon_stickers(tp_bot *bot, tp_sticker_list_result *out, tp_error *err) {
    static const char loc[] = "getForumTopicIconStickers";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_ARR, 229, -1, NULL, out, err);
}
/* createForumTopic */
typedef struct tp_create_forum_topic_args {
    tp_chat_id chat_id;  /* required */
    const char *name;  /* required */
    int64_t icon_color;
    const char *icon_custom_emoji_id;
} tp_create_forum_topic_args;
static inline tp_err tp_create_forum_topic(tp_bot *bot, const tp_create_forum_topic_args *args, tp_forum_topic_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {3843, offsetof(tp_create_forum_topic_args, chat_id), 0, 5, 1, 0},
        {6131, offsetof(tp_create_forum_topic_args, icon_color), 0, 1, 0, 0},
        {6142, offsetof(tp_create_forum_topic_args, icon_custom_emoji_id), 0, 4, 0, 0},
        {6180, offsetof(tp_create_forum_topic_args, name), 0, 4, 1, 0},
    };
    static const char loc[] = "createForumTopic";
    return tp_call_desc(bot, loc, f, 4, TP__R_OBJ, 154, -1, args, out, err);
}
/* editForumTopic */
typedef struct tp_edit_forum_topic_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;  /* required */
    const char *name;
    const char *icon_custom_emoji_id;
} tp_edit_forum_topic_args;
static inline tp_err tp_edit_forum_topic(tp_bot *bot, const tp_edit_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {3843, offsetof(tp_edit_forum_topic_args, chat_id), 0, 5, 1, 0},
        {6142, offsetof(tp_edit_forum_topic_args, icon_custom_emoji_id), 0, 4, 0, 0},
        {2759, offsetof(tp_edit_forum_topic_args, message_thread_id), 0, 1, 1, 0},
        {6180, offsetof(tp_edit_forum_topic_args, name), 0, 4, 0, 0},
    };
    static const char loc[] = "editForumTopic";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* closeForumTopic */
typedef struct tp_close_forum_topic_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;  /* required */
} tp_close_forum_topic_args;
static inline tp_err tp_close_forum_topic(tp_bot *bot, const tp_close_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_close_forum_topic_args, chat_id), 0, 5, 1, 0},
        {2759, offsetof(tp_close_forum_topic_args, message_thread_id), 0, 1, 1, 0},
    };
    static const char loc[] = "closeForumTopic";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* reopenForumTopic */
typedef struct tp_reopen_forum_topic_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;  /* required */
} tp_reopen_forum_topic_args;
static inline tp_err tp_reopen_forum_topic(tp_bot *bot, const tp_reopen_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_reopen_forum_topic_args, chat_id), 0, 5, 1, 0},
        {2759, offsetof(tp_reopen_forum_topic_args, message_thread_id), 0, 1, 1, 0},
    };
    static const char loc[] = "reopenForumTopic";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteForumTopic */
typedef struct tp_delete_forum_topic_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;  /* required */
} tp_delete_forum_topic_args;
static inline tp_err tp_delete_forum_topic(tp_bot *bot, const tp_delete_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_delete_forum_topic_args, chat_id), 0, 5, 1, 0},
        {2759, offsetof(tp_delete_forum_topic_args, message_thread_id), 0, 1, 1, 0},
    };
    static const char loc[] = "deleteForumTopic";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* unpinAllForumTopicMessages */
typedef struct tp_unpin_all_forum_topic_messages_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;  /* required */
} tp_unpin_all_forum_topic_messages_args;
static inline tp_err tp_unpin_all_forum_topic_messages(tp_bot *bot, const tp_unpin_all_forum_topic_messages_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_unpin_all_forum_topic_messages_args, chat_id), 0, 5, 1, 0},
        {2759, offsetof(tp_unpin_all_forum_topic_messages_args, message_thread_id), 0, 1, 1, 0},
    };
    static const char loc[] = "unpinAllForumTopicMessages";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* editGeneralForumTopic */
typedef struct tp_edit_general_forum_topic_args {
    tp_chat_id chat_id;  /* required */
    const char *name;  /* required */
} tp_edit_general_forum_topic_args;
static inline tp_err tp_edit_general_forum_topic(tp_bot *bot, const tp_edit_general_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_edit_general_forum_topic_args, chat_id), 0, 5, 1, 0},
        {6180, offsetof(tp_edit_general_forum_topic_args, name), 0, 4, 1, 0},
    };
    static const char loc[] = "editGeneralForumTopic";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* closeGeneralForumTopic */
typedef struct tp_close_general_forum_topic_args {
    tp_chat_id chat_id;  /* required */
} tp_close_general_forum_topic_args;
static inline tp_err tp_close_general_forum_topic(tp_bot *bot, const tp_close_general_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_close_general_forum_topic_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "closeGeneralForumTopic";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* reopenGeneralForumTopic */
typedef struct tp_reopen_general_forum_topic_args {
    tp_chat_id chat_id;  /* required */
} tp_reopen_general_forum_topic_args;
static inline tp_err tp_reopen_general_forum_topic(tp_bot *bot, const tp_reopen_general_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_reopen_general_forum_topic_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "reopenGeneralForumTopic";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* hideGeneralForumTopic */
typedef struct tp_hide_general_forum_topic_args {
    tp_chat_id chat_id;  /* required */
} tp_hide_general_forum_topic_args;
static inline tp_err tp_hide_general_forum_topic(tp_bot *bot, const tp_hide_general_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_hide_general_forum_topic_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "hideGeneralForumTopic";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* unhideGeneralForumTopic */
typedef struct tp_unhide_general_forum_topic_args {
    tp_chat_id chat_id;  /* required */
} tp_unhide_general_forum_topic_args;
static inline tp_err tp_unhide_general_forum_topic(tp_bot *bot, const tp_unhide_general_forum_topic_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_unhide_general_forum_topic_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "unhideGeneralForumTopic";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* unpinAllGeneralForumTopicMessages */
typedef struct tp_unpin_all_general_forum_topic_messages_args {
    tp_chat_id chat_id;  /* required */
} tp_unpin_all_general_forum_topic_messages_args;
static inline tp_err tp_unpin_all_general_forum_topic_messages(tp_bot *bot, const tp_unpin_all_general_forum_topic_messages_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_unpin_all_general_forum_topic_messages_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "unpinAllGeneralForumTopicMessages";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* answerCallbackQuery */
typedef struct tp_answer_callback_query_args {
    const char *callback_query_id;  /* required */
    const char *text;
    bool show_alert;
    const char *url;
    int64_t cache_time;
} tp_answer_callback_query_args;
static inline tp_err tp_answer_callback_query(tp_bot *bot, const tp_answer_callback_query_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[5] = {
        {TP__LOC(20), offsetof(tp_answer_callback_query_args, cache_time), 0, 1, 0, 0},
        {TP__LOC(31), offsetof(tp_answer_callback_query_args, callback_query_id), 0, 4, 1, 0},
        {TP__LOC(49), offsetof(tp_answer_callback_query_args, show_alert), 0, 3, 0, 0},
        {3415, offsetof(tp_answer_callback_query_args, text), 0, 4, 0, 0},
        {589, offsetof(tp_answer_callback_query_args, url), 0, 4, 0, 0},
    };
    static const char loc[] = "answerCallbackQuery\000cache_time\000callback_query_id\000show_alert";
    return tp_call_desc(bot, loc, f, 5, TP__R_BOOL, 0, -1, args, out, err);
}
/* answerGuestQuery */
typedef struct tp_answer_guest_query_args {
    const char *guest_query_id;  /* required */
    const tp_inline_query_result *result;  /* required */
} tp_answer_guest_query_args;
static inline tp_err tp_answer_guest_query(tp_bot *bot, const tp_answer_guest_query_args *args, tp_sent_guest_message_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {2522, offsetof(tp_answer_guest_query_args, guest_query_id), 0, 4, 1, 0},
        {TP__LOC(17), offsetof(tp_answer_guest_query_args, result), 0, 7, 1, 288},
    };
    static const char loc[] = "answerGuestQuery\000result";
    return tp_call_desc(bot, loc, f, 2, TP__R_OBJ, 203, -1, args, out, err);
}
/* getUserChatBoosts */
typedef struct tp_get_user_chat_boosts_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;  /* required */
} tp_get_user_chat_boosts_args;
static inline tp_err tp_get_user_chat_boosts(tp_bot *bot, const tp_get_user_chat_boosts_args *args, tp_user_chat_boosts_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_get_user_chat_boosts_args, chat_id), 0, 5, 1, 0},
        {4424, offsetof(tp_get_user_chat_boosts_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getUserChatBoosts";
    return tp_call_desc(bot, loc, f, 2, TP__R_OBJ, 198, -1, args, out, err);
}
/* getBusinessConnection */
typedef struct tp_get_business_connection_args {
    const char *business_connection_id;  /* required */
} tp_get_business_connection_args;
static inline tp_err tp_get_business_connection(tp_bot *bot, const tp_get_business_connection_args *args, tp_business_connection_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {1862, offsetof(tp_get_business_connection_args, business_connection_id), 0, 4, 1, 0},
    };
    static const char loc[] = "getBusinessConnection";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 200, -1, args, out, err);
}
/* getManagedBotToken */
typedef struct tp_get_managed_bot_token_args {
    int64_t user_id;  /* required */
} tp_get_managed_bot_token_args;
static inline tp_err tp_get_managed_bot_token(tp_bot *bot, const tp_get_managed_bot_token_args *args, tp_string_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {4424, offsetof(tp_get_managed_bot_token_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getManagedBotToken";
    return tp_call_desc(bot, loc, f, 1, TP__R_STR, 0, -1, args, out, err);
}
/* replaceManagedBotToken */
typedef struct tp_replace_managed_bot_token_args {
    int64_t user_id;  /* required */
} tp_replace_managed_bot_token_args;
static inline tp_err tp_replace_managed_bot_token(tp_bot *bot, const tp_replace_managed_bot_token_args *args, tp_string_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {4424, offsetof(tp_replace_managed_bot_token_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "replaceManagedBotToken";
    return tp_call_desc(bot, loc, f, 1, TP__R_STR, 0, -1, args, out, err);
}
/* getManagedBotAccessSettings */
typedef struct tp_get_managed_bot_access_settings_args {
    int64_t user_id;  /* required */
} tp_get_managed_bot_access_settings_args;
static inline tp_err tp_get_managed_bot_access_settings(tp_bot *bot, const tp_get_managed_bot_access_settings_args *args, tp_bot_access_settings_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {4424, offsetof(tp_get_managed_bot_access_settings_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getManagedBotAccessSettings";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 170, -1, args, out, err);
}
/* setManagedBotAccessSettings */
typedef struct tp_set_managed_bot_access_settings_args {
    int64_t user_id;  /* required */
    bool is_access_restricted;  /* required */
    const int64_t *added_user_ids;
    size_t added_user_ids_count;
} tp_set_managed_bot_access_settings_args;
static inline tp_err tp_set_managed_bot_access_settings(tp_bot *bot, const tp_set_managed_bot_access_settings_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {TP__LOC(28), offsetof(tp_set_managed_bot_access_settings_args, added_user_ids), offsetof(tp_set_managed_bot_access_settings_args, added_user_ids_count), 8, 18, 0},
        {11396, offsetof(tp_set_managed_bot_access_settings_args, is_access_restricted), 0, 3, 1, 0},
        {4424, offsetof(tp_set_managed_bot_access_settings_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "setManagedBotAccessSettings\000added_user_ids";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* setMyCommands */
typedef struct tp_set_my_commands_args {
    const tp_bot_command *commands;  /* required */
    size_t commands_count;
    const tp_bot_command_scope *scope;
    const char *language_code;
} tp_set_my_commands_args;
static inline tp_err tp_set_my_commands(tp_bot *bot, const tp_set_my_commands_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {11928, offsetof(tp_set_my_commands_args, commands), offsetof(tp_set_my_commands_args, commands_count), 8, 115, 173},
        {805, offsetof(tp_set_my_commands_args, language_code), 0, 4, 0, 0},
        {TP__LOC(14), offsetof(tp_set_my_commands_args, scope), 0, 7, 0, 174},
    };
    static const char loc[] = "setMyCommands\000scope";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteMyCommands */
typedef struct tp_delete_my_commands_args {
    const tp_bot_command_scope *scope;
    const char *language_code;
} tp_delete_my_commands_args;
static inline tp_err tp_delete_my_commands(tp_bot *bot, const tp_delete_my_commands_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {805, offsetof(tp_delete_my_commands_args, language_code), 0, 4, 0, 0},
        {TP__LOC(17), offsetof(tp_delete_my_commands_args, scope), 0, 7, 0, 174},
    };
    static const char loc[] = "deleteMyCommands\000scope";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* getMyCommands */
typedef struct tp_get_my_commands_args {
    const tp_bot_command_scope *scope;
    const char *language_code;
} tp_get_my_commands_args;
static inline tp_err tp_get_my_commands(tp_bot *bot, const tp_get_my_commands_args *args, tp_bot_command_list_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {805, offsetof(tp_get_my_commands_args, language_code), 0, 4, 0, 0},
        {TP__LOC(14), offsetof(tp_get_my_commands_args, scope), 0, 7, 0, 174},
    };
    static const char loc[] = "getMyCommands\000scope";
    return tp_call_desc(bot, loc, f, 2, TP__R_ARR, 173, -1, args, out, err);
}
/* setMyName */
typedef struct tp_set_my_name_args {
    const char *name;
    const char *language_code;
} tp_set_my_name_args;
static inline tp_err tp_set_my_name(tp_bot *bot, const tp_set_my_name_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {805, offsetof(tp_set_my_name_args, language_code), 0, 4, 0, 0},
        {6180, offsetof(tp_set_my_name_args, name), 0, 4, 0, 0},
    };
    static const char loc[] = "setMyName";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* getMyName */
typedef struct tp_get_my_name_args {
    const char *language_code;
} tp_get_my_name_args;
static inline tp_err tp_get_my_name(tp_bot *bot, const tp_get_my_name_args *args, tp_bot_name_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {805, offsetof(tp_get_my_name_args, language_code), 0, 4, 0, 0},
    };
    static const char loc[] = "getMyName";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 182, -1, args, out, err);
}
/* setMyDescription */
typedef struct tp_set_my_description_args {
    const char *description;
    const char *language_code;
} tp_set_my_description_args;
static inline tp_err tp_set_my_description(tp_bot *bot, const tp_set_my_description_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1212, offsetof(tp_set_my_description_args, description), 0, 4, 0, 0},
        {805, offsetof(tp_set_my_description_args, language_code), 0, 4, 0, 0},
    };
    static const char loc[] = "setMyDescription";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* getMyDescription */
typedef struct tp_get_my_description_args {
    const char *language_code;
} tp_get_my_description_args;
static inline tp_err tp_get_my_description(tp_bot *bot, const tp_get_my_description_args *args, tp_bot_description_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {805, offsetof(tp_get_my_description_args, language_code), 0, 4, 0, 0},
    };
    static const char loc[] = "getMyDescription";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 183, -1, args, out, err);
}
/* setMyShortDescription */
typedef struct tp_set_my_short_description_args {
    const char *short_description;
    const char *language_code;
} tp_set_my_short_description_args;
static inline tp_err tp_set_my_short_description(tp_bot *bot, const tp_set_my_short_description_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {805, offsetof(tp_set_my_short_description_args, language_code), 0, 4, 0, 0},
        {11910, offsetof(tp_set_my_short_description_args, short_description), 0, 4, 0, 0},
    };
    static const char loc[] = "setMyShortDescription";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* getMyShortDescription */
typedef struct tp_get_my_short_description_args {
    const char *language_code;
} tp_get_my_short_description_args;
static inline tp_err tp_get_my_short_description(tp_bot *bot, const tp_get_my_short_description_args *args, tp_bot_short_description_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {805, offsetof(tp_get_my_short_description_args, language_code), 0, 4, 0, 0},
    };
    static const char loc[] = "getMyShortDescription";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 184, -1, args, out, err);
}
/* setMyProfilePhoto */
typedef struct tp_set_my_profile_photo_args {
    const tp_input_profile_photo *photo;  /* required */
} tp_set_my_profile_photo_args;
static inline tp_err tp_set_my_profile_photo(tp_bot *bot, const tp_set_my_profile_photo_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {1647, offsetof(tp_set_my_profile_photo_args, photo), 0, 7, 1, 223},
    };
    static const char loc[] = "setMyProfilePhoto";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* removeMyProfilePhoto */
static inline tp_err tp_remove_my_profile_photo(tp_bot *bot, tp_bool_result *out, tp_error *err) {
    static const char loc[] = "removeMyProfilePhoto";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_BOOL, 0, -1, NULL, out, err);
}
/* setChatMenuButton */
typedef struct tp_set_chat_menu_button_args {
    int64_t chat_id;
    const tp_menu_button *menu_button;
} tp_set_chat_menu_button_args;
static inline tp_err tp_set_chat_menu_button(tp_bot *bot, const tp_set_chat_menu_button_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_set_chat_menu_button_args, chat_id), 0, 1, 0, 0},
        {TP__LOC(18), offsetof(tp_set_chat_menu_button_args, menu_button), 0, 7, 0, 185},
    };
    static const char loc[] = "setChatMenuButton\000menu_button";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* getChatMenuButton */
typedef struct tp_get_chat_menu_button_args {
    int64_t chat_id;
} tp_get_chat_menu_button_args;
static inline tp_err tp_get_chat_menu_button(tp_bot *bot, const tp_get_chat_menu_button_args *args, tp_menu_button_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_get_chat_menu_button_args, chat_id), 0, 1, 0, 0},
    };
    static const char loc[] = "getChatMenuButton";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 185, -1, args, out, err);
}
/* setMyDefaultAdministratorRights */
typedef struct tp_set_my_default_administrator_rights_args {
    const tp_chat_administrator_rights *rights;
    bool for_channels;
} tp_set_my_default_administrator_rights_args;
static inline tp_err tp_set_my_default_administrator_rights(tp_bot *bot, const tp_set_my_default_administrator_rights_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(32), offsetof(tp_set_my_default_administrator_rights_args, for_channels), 0, 3, 0, 0},
        {12625, offsetof(tp_set_my_default_administrator_rights_args, rights), 0, 7, 0, 120},
    };
    static const char loc[] = "setMyDefaultAdministratorRights\000for_channels";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* getMyDefaultAdministratorRights */
typedef struct tp_get_my_default_administrator_rights_args {
    bool for_channels;
} tp_get_my_default_administrator_rights_args;
static inline tp_err tp_get_my_default_administrator_rights(tp_bot *bot, const tp_get_my_default_administrator_rights_args *args, tp_chat_administrator_rights_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {TP__LOC(32), offsetof(tp_get_my_default_administrator_rights_args, for_channels), 0, 3, 0, 0},
    };
    static const char loc[] = "getMyDefaultAdministratorRights\000for_channels";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 120, -1, args, out, err);
}
/* getAvailableGifts */
static inline tp_err tp_get_available_gifts(tp_bot *bot, tp_gifts_result *out, tp_error *err) {
    static const char loc[] = "getAvailableGifts";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_OBJ, 157, -1, NULL, out, err);
}
/* sendGift */
typedef struct tp_send_gift_args {
    int64_t user_id;
    tp_chat_id chat_id;
    const char *gift_id;  /* required */
    bool pay_for_upgrade;
    const char *text;
    const char *text_parse_mode;
    const tp_message_entity *text_entities;
    size_t text_entities_count;
} tp_send_gift_args;
static inline tp_err tp_send_gift(tp_bot *bot, const tp_send_gift_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[7] = {
        {3843, offsetof(tp_send_gift_args, chat_id), 0, 5, 0, 0},
        {10971, offsetof(tp_send_gift_args, gift_id), 0, 4, 1, 0},
        {TP__LOC(9), offsetof(tp_send_gift_args, pay_for_upgrade), 0, 3, 0, 0},
        {3415, offsetof(tp_send_gift_args, text), 0, 4, 0, 0},
        {4584, offsetof(tp_send_gift_args, text_entities), offsetof(tp_send_gift_args, text_entities_count), 8, 114, 9},
        {4626, offsetof(tp_send_gift_args, text_parse_mode), 0, 4, 0, 0},
        {4424, offsetof(tp_send_gift_args, user_id), 0, 1, 0, 0},
    };
    static const char loc[] = "sendGift\000pay_for_upgrade";
    return tp_call_desc(bot, loc, f, 7, TP__R_BOOL, 0, -1, args, out, err);
}
/* giftPremiumSubscription */
typedef struct tp_gift_premium_subscription_args {
    int64_t user_id;  /* required */
    int64_t month_count;  /* required */
    int64_t star_count;  /* required */
    const char *text;
    const char *text_parse_mode;
    const tp_message_entity *text_entities;
    size_t text_entities_count;
} tp_gift_premium_subscription_args;
static inline tp_err tp_gift_premium_subscription(tp_bot *bot, const tp_gift_premium_subscription_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {TP__LOC(24), offsetof(tp_gift_premium_subscription_args, month_count), 0, 1, 1, 0},
        {4308, offsetof(tp_gift_premium_subscription_args, star_count), 0, 1, 1, 0},
        {3415, offsetof(tp_gift_premium_subscription_args, text), 0, 4, 0, 0},
        {4584, offsetof(tp_gift_premium_subscription_args, text_entities), offsetof(tp_gift_premium_subscription_args, text_entities_count), 8, 114, 9},
        {4626, offsetof(tp_gift_premium_subscription_args, text_parse_mode), 0, 4, 0, 0},
        {4424, offsetof(tp_gift_premium_subscription_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "giftPremiumSubscription\000month_count";
    return tp_call_desc(bot, loc, f, 6, TP__R_BOOL, 0, -1, args, out, err);
}
/* verifyUser */
typedef struct tp_verify_user_args {
    int64_t user_id;  /* required */
    const char *custom_description;
} tp_verify_user_args;
static inline tp_err tp_verify_user(tp_bot *bot, const tp_verify_user_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(11), offsetof(tp_verify_user_args, custom_description), 0, 4, 0, 0},
        {4424, offsetof(tp_verify_user_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "verifyUser\000custom_description";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* verifyChat */
typedef struct tp_verify_chat_args {
    tp_chat_id chat_id;  /* required */
    const char *custom_description;
} tp_verify_chat_args;
static inline tp_err tp_verify_chat(tp_bot *bot, const tp_verify_chat_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_verify_chat_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(11), offsetof(tp_verify_chat_args, custom_description), 0, 4, 0, 0},
    };
    static const char loc[] = "verifyChat\000custom_description";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* removeUserVerification */
typedef struct tp_remove_user_verification_args {
    int64_t user_id;  /* required */
} tp_remove_user_verification_args;
static inline tp_err tp_remove_user_verification(tp_bot *bot, const tp_remove_user_verification_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {4424, offsetof(tp_remove_user_verification_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "removeUserVerification";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* removeChatVerification */
typedef struct tp_remove_chat_verification_args {
    tp_chat_id chat_id;  /* required */
} tp_remove_chat_verification_args;
static inline tp_err tp_remove_chat_verification(tp_bot *bot, const tp_remove_chat_verification_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3843, offsetof(tp_remove_chat_verification_args, chat_id), 0, 5, 1, 0},
    };
    static const char loc[] = "removeChatVerification";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* readBusinessMessage */
typedef struct tp_read_business_message_args {
    const char *business_connection_id;  /* required */
    int64_t chat_id;  /* required */
    int64_t message_id;  /* required */
} tp_read_business_message_args;
static inline tp_err tp_read_business_message(tp_bot *bot, const tp_read_business_message_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {1862, offsetof(tp_read_business_message_args, business_connection_id), 0, 4, 1, 0},
        {3843, offsetof(tp_read_business_message_args, chat_id), 0, 1, 1, 0},
        {2748, offsetof(tp_read_business_message_args, message_id), 0, 1, 1, 0},
    };
    static const char loc[] = "readBusinessMessage";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteBusinessMessages */
typedef struct tp_delete_business_messages_args {
    const char *business_connection_id;  /* required */
    const int64_t *message_ids;  /* required */
    size_t message_ids_count;
} tp_delete_business_messages_args;
static inline tp_err tp_delete_business_messages(tp_bot *bot, const tp_delete_business_messages_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1862, offsetof(tp_delete_business_messages_args, business_connection_id), 0, 4, 1, 0},
        {12656, offsetof(tp_delete_business_messages_args, message_ids), offsetof(tp_delete_business_messages_args, message_ids_count), 8, 19, 0},
    };
    static const char loc[] = "deleteBusinessMessages";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setBusinessAccountName */
typedef struct tp_set_business_account_name_args {
    const char *business_connection_id;  /* required */
    const char *first_name;  /* required */
    const char *last_name;
} tp_set_business_account_name_args;
static inline tp_err tp_set_business_account_name(tp_bot *bot, const tp_set_business_account_name_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {1862, offsetof(tp_set_business_account_name_args, business_connection_id), 0, 4, 1, 0},
        {737, offsetof(tp_set_business_account_name_args, first_name), 0, 4, 1, 0},
        {819, offsetof(tp_set_business_account_name_args, last_name), 0, 4, 0, 0},
    };
    static const char loc[] = "setBusinessAccountName";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* setBusinessAccountUsername */
typedef struct tp_set_business_account_username_args {
    const char *business_connection_id;  /* required */
    const char *username;
} tp_set_business_account_username_args;
static inline tp_err tp_set_business_account_username(tp_bot *bot, const tp_set_business_account_username_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1862, offsetof(tp_set_business_account_username_args, business_connection_id), 0, 4, 1, 0},
        {906, offsetof(tp_set_business_account_username_args, username), 0, 4, 0, 0},
    };
    static const char loc[] = "setBusinessAccountUsername";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setBusinessAccountBio */
typedef struct tp_set_business_account_bio_args {
    const char *business_connection_id;  /* required */
    const char *bio;
} tp_set_business_account_bio_args;
static inline tp_err tp_set_business_account_bio(tp_bot *bot, const tp_set_business_account_bio_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1072, offsetof(tp_set_business_account_bio_args, bio), 0, 4, 0, 0},
        {1862, offsetof(tp_set_business_account_bio_args, business_connection_id), 0, 4, 1, 0},
    };
    static const char loc[] = "setBusinessAccountBio";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setBusinessAccountProfilePhoto */
typedef struct tp_set_business_account_profile_photo_args {
    const char *business_connection_id;  /* required */
    const tp_input_profile_photo *photo;  /* required */
    bool is_public;
} tp_set_business_account_profile_photo_args;
static inline tp_err tp_set_business_account_profile_photo(tp_bot *bot, const tp_set_business_account_profile_photo_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {1862, offsetof(tp_set_business_account_profile_photo_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(31), offsetof(tp_set_business_account_profile_photo_args, is_public), 0, 3, 0, 0},
        {1647, offsetof(tp_set_business_account_profile_photo_args, photo), 0, 7, 1, 223},
    };
    static const char loc[] = "setBusinessAccountProfilePhoto\000is_public";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* removeBusinessAccountProfilePhoto */
typedef struct tp_remove_business_account_profile_photo_args {
    const char *business_connection_id;  /* required */
    bool is_public;
} tp_remove_business_account_profile_photo_args;
static inline tp_err tp_remove_business_account_profile_photo(tp_bot *bot, const tp_remove_business_account_profile_photo_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1862, offsetof(tp_remove_business_account_profile_photo_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(34), offsetof(tp_remove_business_account_profile_photo_args, is_public), 0, 3, 0, 0},
    };
    static const char loc[] = "removeBusinessAccountProfilePhoto\000is_public";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setBusinessAccountGiftSettings */
typedef struct tp_set_business_account_gift_settings_args {
    const char *business_connection_id;  /* required */
    bool show_gift_button;  /* required */
    const tp_accepted_gift_types *accepted_gift_types;  /* required */
} tp_set_business_account_gift_settings_args;
static inline tp_err tp_set_business_account_gift_settings(tp_bot *bot, const tp_set_business_account_gift_settings_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {988, offsetof(tp_set_business_account_gift_settings_args, accepted_gift_types), 0, 7, 1, 171},
        {1862, offsetof(tp_set_business_account_gift_settings_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(31), offsetof(tp_set_business_account_gift_settings_args, show_gift_button), 0, 3, 1, 0},
    };
    static const char loc[] = "setBusinessAccountGiftSettings\000show_gift_button";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* getBusinessAccountStarBalance */
typedef struct tp_get_business_account_star_balance_args {
    const char *business_connection_id;  /* required */
} tp_get_business_account_star_balance_args;
static inline tp_err tp_get_business_account_star_balance(tp_bot *bot, const tp_get_business_account_star_balance_args *args, tp_star_amount_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {1862, offsetof(tp_get_business_account_star_balance_args, business_connection_id), 0, 4, 1, 0},
    };
    static const char loc[] = "getBusinessAccountStarBalance";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 172, -1, args, out, err);
}
/* transferBusinessAccountStars */
typedef struct tp_transfer_business_account_stars_args {
    const char *business_connection_id;  /* required */
    int64_t star_count;  /* required */
} tp_transfer_business_account_stars_args;
static inline tp_err tp_transfer_business_account_stars(tp_bot *bot, const tp_transfer_business_account_stars_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1862, offsetof(tp_transfer_business_account_stars_args, business_connection_id), 0, 4, 1, 0},
        {4308, offsetof(tp_transfer_business_account_stars_args, star_count), 0, 1, 1, 0},
    };
    static const char loc[] = "transferBusinessAccountStars";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* getBusinessAccountGifts */
typedef struct tp_get_business_account_gifts_args {
    const char *business_connection_id;  /* required */
    bool exclude_unsaved;
    bool exclude_saved;
    bool exclude_unlimited;
    bool exclude_limited_upgradable;
    bool exclude_limited_non_upgradable;
    bool exclude_unique;
    bool exclude_from_blockchain;
    bool sort_by_price;
    const char *offset;
    int64_t limit;
} tp_get_business_account_gifts_args;
static inline tp_err tp_get_business_account_gifts(tp_bot *bot, const tp_get_business_account_gifts_args *args, tp_owned_gifts_result *out, tp_error *err) {
    static const tp__fdesc f[11] = {
        {1862, offsetof(tp_get_business_account_gifts_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(24), offsetof(tp_get_business_account_gifts_args, exclude_from_blockchain), 0, 3, 0, 0},
        {TP__LOC(48), offsetof(tp_get_business_account_gifts_args, exclude_limited_non_upgradable), 0, 3, 0, 0},
        {TP__LOC(79), offsetof(tp_get_business_account_gifts_args, exclude_limited_upgradable), 0, 3, 0, 0},
        {TP__LOC(106), offsetof(tp_get_business_account_gifts_args, exclude_saved), 0, 3, 0, 0},
        {TP__LOC(120), offsetof(tp_get_business_account_gifts_args, exclude_unique), 0, 3, 0, 0},
        {TP__LOC(135), offsetof(tp_get_business_account_gifts_args, exclude_unlimited), 0, 3, 0, 0},
        {TP__LOC(153), offsetof(tp_get_business_account_gifts_args, exclude_unsaved), 0, 3, 0, 0},
        {TP__LOC(169), offsetof(tp_get_business_account_gifts_args, limit), 0, 1, 0, 0},
        {3723, offsetof(tp_get_business_account_gifts_args, offset), 0, 4, 0, 0},
        {TP__LOC(175), offsetof(tp_get_business_account_gifts_args, sort_by_price), 0, 3, 0, 0},
    };
    static const char loc[] = "getBusinessAccountGifts\000exclude_from_blockchain\000exclude_limited_non_upgradable\000exclude_limited_upgradable\000exclude_saved\000exclude_unique\000exclude_unlimited\000exclude_unsaved\000limit\000sort_by_price";
    return tp_call_desc(bot, loc, f, 11, TP__R_OBJ, 169, -1, args, out, err);
}
/* getUserGifts */
typedef struct tp_get_user_gifts_args {
    int64_t user_id;  /* required */
    bool exclude_unlimited;
    bool exclude_limited_upgradable;
    bool exclude_limited_non_upgradable;
    bool exclude_from_blockchain;
    bool exclude_unique;
    bool sort_by_price;
    const char *offset;
    int64_t limit;
} tp_get_user_gifts_args;
static inline tp_err tp_get_user_gifts(tp_bot *bot, const tp_get_user_gifts_args *args, tp_owned_gifts_result *out, tp_error *err) {
    static const tp__fdesc f[9] = {
        {TP__LOC(13), offsetof(tp_get_user_gifts_args, exclude_from_blockchain), 0, 3, 0, 0},
        {TP__LOC(37), offsetof(tp_get_user_gifts_args, exclude_limited_non_upgradable), 0, 3, 0, 0},
        {TP__LOC(68), offsetof(tp_get_user_gifts_args, exclude_limited_upgradable), 0, 3, 0, 0},
        {TP__LOC(95), offsetof(tp_get_user_gifts_args, exclude_unique), 0, 3, 0, 0},
        {TP__LOC(110), offsetof(tp_get_user_gifts_args, exclude_unlimited), 0, 3, 0, 0},
        {TP__LOC(128), offsetof(tp_get_user_gifts_args, limit), 0, 1, 0, 0},
        {3723, offsetof(tp_get_user_gifts_args, offset), 0, 4, 0, 0},
        {TP__LOC(134), offsetof(tp_get_user_gifts_args, sort_by_price), 0, 3, 0, 0},
        {4424, offsetof(tp_get_user_gifts_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getUserGifts\000exclude_from_blockchain\000exclude_limited_non_upgradable\000exclude_limited_upgradable\000exclude_unique\000exclude_unlimited\000limit\000sort_by_price";
    return tp_call_desc(bot, loc, f, 9, TP__R_OBJ, 169, -1, args, out, err);
}
/* getChatGifts */
typedef struct tp_get_chat_gifts_args {
    tp_chat_id chat_id;  /* required */
    bool exclude_unsaved;
    bool exclude_saved;
    bool exclude_unlimited;
    bool exclude_limited_upgradable;
    bool exclude_limited_non_upgradable;
    bool exclude_from_blockchain;
    bool exclude_unique;
    bool sort_by_price;
    const char *offset;
    int64_t limit;
} tp_get_chat_gifts_args;
static inline tp_err tp_get_chat_gifts(tp_bot *bot, const tp_get_chat_gifts_args *args, tp_owned_gifts_result *out, tp_error *err) {
    static const tp__fdesc f[11] = {
        {3843, offsetof(tp_get_chat_gifts_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(13), offsetof(tp_get_chat_gifts_args, exclude_from_blockchain), 0, 3, 0, 0},
        {TP__LOC(37), offsetof(tp_get_chat_gifts_args, exclude_limited_non_upgradable), 0, 3, 0, 0},
        {TP__LOC(68), offsetof(tp_get_chat_gifts_args, exclude_limited_upgradable), 0, 3, 0, 0},
        {TP__LOC(95), offsetof(tp_get_chat_gifts_args, exclude_saved), 0, 3, 0, 0},
        {TP__LOC(109), offsetof(tp_get_chat_gifts_args, exclude_unique), 0, 3, 0, 0},
        {TP__LOC(124), offsetof(tp_get_chat_gifts_args, exclude_unlimited), 0, 3, 0, 0},
        {TP__LOC(142), offsetof(tp_get_chat_gifts_args, exclude_unsaved), 0, 3, 0, 0},
        {TP__LOC(158), offsetof(tp_get_chat_gifts_args, limit), 0, 1, 0, 0},
        {3723, offsetof(tp_get_chat_gifts_args, offset), 0, 4, 0, 0},
        {TP__LOC(164), offsetof(tp_get_chat_gifts_args, sort_by_price), 0, 3, 0, 0},
    };
    static const char loc[] = "getChatGifts\000exclude_from_blockchain\000exclude_limited_non_upgradable\000exclude_limited_upgradable\000exclude_saved\000exclude_unique\000exclude_unlimited\000exclude_unsaved\000limit\000sort_by_price";
    return tp_call_desc(bot, loc, f, 11, TP__R_OBJ, 169, -1, args, out, err);
}
/* convertGiftToStars */
typedef struct tp_convert_gift_to_stars_args {
    const char *business_connection_id;  /* required */
    const char *owned_gift_id;  /* required */
} tp_convert_gift_to_stars_args;
static inline tp_err tp_convert_gift_to_stars(tp_bot *bot, const tp_convert_gift_to_stars_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1862, offsetof(tp_convert_gift_to_stars_args, business_connection_id), 0, 4, 1, 0},
        {11103, offsetof(tp_convert_gift_to_stars_args, owned_gift_id), 0, 4, 1, 0},
    };
    static const char loc[] = "convertGiftToStars";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* upgradeGift */
typedef struct tp_upgrade_gift_args {
    const char *business_connection_id;  /* required */
    const char *owned_gift_id;  /* required */
    bool keep_original_details;
    int64_t star_count;
} tp_upgrade_gift_args;
static inline tp_err tp_upgrade_gift(tp_bot *bot, const tp_upgrade_gift_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {1862, offsetof(tp_upgrade_gift_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(12), offsetof(tp_upgrade_gift_args, keep_original_details), 0, 3, 0, 0},
        {11103, offsetof(tp_upgrade_gift_args, owned_gift_id), 0, 4, 1, 0},
        {4308, offsetof(tp_upgrade_gift_args, star_count), 0, 1, 0, 0},
    };
    static const char loc[] = "upgradeGift\000keep_original_details";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* transferGift */
typedef struct tp_transfer_gift_args {
    const char *business_connection_id;  /* required */
    const char *owned_gift_id;  /* required */
    int64_t new_owner_chat_id;  /* required */
    int64_t star_count;
} tp_transfer_gift_args;
static inline tp_err tp_transfer_gift(tp_bot *bot, const tp_transfer_gift_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {1862, offsetof(tp_transfer_gift_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(13), offsetof(tp_transfer_gift_args, new_owner_chat_id), 0, 1, 1, 0},
        {11103, offsetof(tp_transfer_gift_args, owned_gift_id), 0, 4, 1, 0},
        {4308, offsetof(tp_transfer_gift_args, star_count), 0, 1, 0, 0},
    };
    static const char loc[] = "transferGift\000new_owner_chat_id";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* postStory */
typedef struct tp_post_story_args {
    const char *business_connection_id;  /* required */
    const tp_input_story_content *content;  /* required */
    int64_t active_period;  /* required */
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    const tp_story_area *areas;
    size_t areas_count;
    bool post_to_chat_page;
    bool protect_content;
} tp_post_story_args;
static inline tp_err tp_post_story(tp_bot *bot, const tp_post_story_args *args, tp_story_result *out, tp_error *err) {
    static const tp__fdesc f[9] = {
        {TP__LOC(10), offsetof(tp_post_story_args, active_period), 0, 1, 1, 0},
        {TP__LOC(24), offsetof(tp_post_story_args, areas), offsetof(tp_post_story_args, areas_count), 8, 114, 145},
        {1862, offsetof(tp_post_story_args, business_connection_id), 0, 4, 1, 0},
        {1885, offsetof(tp_post_story_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_post_story_args, caption_entities), offsetof(tp_post_story_args, caption_entities_count), 8, 114, 9},
        {TP__LOC(30), offsetof(tp_post_story_args, content), 0, 7, 1, 226},
        {5134, offsetof(tp_post_story_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(38), offsetof(tp_post_story_args, post_to_chat_page), 0, 3, 0, 0},
        {TP__LOC(56), offsetof(tp_post_story_args, protect_content), 0, 3, 0, 0},
    };
    static const char loc[] = "postStory\000active_period\000areas\000content\000post_to_chat_page\000protect_content";
    return tp_call_desc(bot, loc, f, 9, TP__R_OBJ, 23, -1, args, out, err);
}
/* repostStory */
typedef struct tp_repost_story_args {
    const char *business_connection_id;  /* required */
    int64_t from_chat_id;  /* required */
    int64_t from_story_id;  /* required */
    int64_t active_period;  /* required */
    bool post_to_chat_page;
    bool protect_content;
} tp_repost_story_args;
static inline tp_err tp_repost_story(tp_bot *bot, const tp_repost_story_args *args, tp_story_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {TP__LOC(12), offsetof(tp_repost_story_args, active_period), 0, 1, 1, 0},
        {1862, offsetof(tp_repost_story_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(26), offsetof(tp_repost_story_args, from_chat_id), 0, 1, 1, 0},
        {TP__LOC(39), offsetof(tp_repost_story_args, from_story_id), 0, 1, 1, 0},
        {TP__LOC(53), offsetof(tp_repost_story_args, post_to_chat_page), 0, 3, 0, 0},
        {TP__LOC(71), offsetof(tp_repost_story_args, protect_content), 0, 3, 0, 0},
    };
    static const char loc[] = "repostStory\000active_period\000from_chat_id\000from_story_id\000post_to_chat_page\000protect_content";
    return tp_call_desc(bot, loc, f, 6, TP__R_OBJ, 23, -1, args, out, err);
}
/* editStory */
typedef struct tp_edit_story_args {
    const char *business_connection_id;  /* required */
    int64_t story_id;  /* required */
    const tp_input_story_content *content;  /* required */
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    const tp_story_area *areas;
    size_t areas_count;
} tp_edit_story_args;
static inline tp_err tp_edit_story(tp_bot *bot, const tp_edit_story_args *args, tp_story_result *out, tp_error *err) {
    static const tp__fdesc f[7] = {
        {TP__LOC(10), offsetof(tp_edit_story_args, areas), offsetof(tp_edit_story_args, areas_count), 8, 114, 145},
        {1862, offsetof(tp_edit_story_args, business_connection_id), 0, 4, 1, 0},
        {1885, offsetof(tp_edit_story_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_edit_story_args, caption_entities), offsetof(tp_edit_story_args, caption_entities_count), 8, 114, 9},
        {TP__LOC(16), offsetof(tp_edit_story_args, content), 0, 7, 1, 226},
        {5134, offsetof(tp_edit_story_args, parse_mode), 0, 4, 0, 0},
        {TP__LOC(24), offsetof(tp_edit_story_args, story_id), 0, 1, 1, 0},
    };
    static const char loc[] = "editStory\000areas\000content\000story_id";
    return tp_call_desc(bot, loc, f, 7, TP__R_OBJ, 23, -1, args, out, err);
}
/* deleteStory */
typedef struct tp_delete_story_args {
    const char *business_connection_id;  /* required */
    int64_t story_id;  /* required */
} tp_delete_story_args;
static inline tp_err tp_delete_story(tp_bot *bot, const tp_delete_story_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {1862, offsetof(tp_delete_story_args, business_connection_id), 0, 4, 1, 0},
        {TP__LOC(12), offsetof(tp_delete_story_args, story_id), 0, 1, 1, 0},
    };
    static const char loc[] = "deleteStory\000story_id";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* answerWebAppQuery */
typedef struct tp_answer_web_app_query_args {
    const char *web_app_query_id;  /* required */
    const tp_inline_query_result *result;  /* required */
} tp_answer_web_app_query_args;
static inline tp_err tp_answer_web_app_query(tp_bot *bot, const tp_answer_web_app_query_args *args, tp_sent_web_app_message_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(18), offsetof(tp_answer_web_app_query_args, result), 0, 7, 1, 288},
        {TP__LOC(25), offsetof(tp_answer_web_app_query_args, web_app_query_id), 0, 4, 1, 0},
    };
    static const char loc[] = "answerWebAppQuery\000result\000web_app_query_id";
    return tp_call_desc(bot, loc, f, 2, TP__R_OBJ, 202, -1, args, out, err);
}
/* savePreparedInlineMessage */
typedef struct tp_save_prepared_inline_message_args {
    int64_t user_id;  /* required */
    const tp_inline_query_result *result;  /* required */
    bool allow_user_chats;
    bool allow_bot_chats;
    bool allow_group_chats;
    bool allow_channel_chats;
} tp_save_prepared_inline_message_args;
static inline tp_err tp_save_prepared_inline_message(tp_bot *bot, const tp_save_prepared_inline_message_args *args, tp_prepared_inline_message_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {8305, offsetof(tp_save_prepared_inline_message_args, allow_bot_chats), 0, 3, 0, 0},
        {8321, offsetof(tp_save_prepared_inline_message_args, allow_channel_chats), 0, 3, 0, 0},
        {8341, offsetof(tp_save_prepared_inline_message_args, allow_group_chats), 0, 3, 0, 0},
        {8359, offsetof(tp_save_prepared_inline_message_args, allow_user_chats), 0, 3, 0, 0},
        {TP__LOC(26), offsetof(tp_save_prepared_inline_message_args, result), 0, 7, 1, 288},
        {4424, offsetof(tp_save_prepared_inline_message_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "savePreparedInlineMessage\000result";
    return tp_call_desc(bot, loc, f, 6, TP__R_OBJ, 204, -1, args, out, err);
}
/* savePreparedKeyboardButton */
typedef struct tp_save_prepared_keyboard_button_args {
    int64_t user_id;  /* required */
    const tp_keyboard_button *button;  /* required */
} tp_save_prepared_keyboard_button_args;
static inline tp_err tp_save_prepared_keyboard_button(tp_bot *bot, const tp_save_prepared_keyboard_button_args *args, tp_prepared_keyboard_button_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(27), offsetof(tp_save_prepared_keyboard_button_args, button), 0, 7, 1, 105},
        {4424, offsetof(tp_save_prepared_keyboard_button_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "savePreparedKeyboardButton\000button";
    return tp_call_desc(bot, loc, f, 2, TP__R_OBJ, 205, -1, args, out, err);
}
/* editMessageText */
typedef struct tp_edit_message_text_args {
    const char *business_connection_id;
    tp_chat_id chat_id;
    int64_t message_id;
    const char *inline_message_id;
    const char *text;
    const char *parse_mode;
    const tp_message_entity *entities;
    size_t entities_count;
    const tp_link_preview_options *link_preview_options;
    const tp_input_rich_message *rich_message;
    const tp_inline_keyboard_markup *reply_markup;
} tp_edit_message_text_args;
static inline tp_err tp_edit_message_text(tp_bot *bot, const tp_edit_message_text_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[10] = {
        {1862, offsetof(tp_edit_message_text_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_edit_message_text_args, chat_id), 0, 5, 0, 0},
        {2190, offsetof(tp_edit_message_text_args, entities), offsetof(tp_edit_message_text_args, entities_count), 8, 114, 9},
        {8441, offsetof(tp_edit_message_text_args, inline_message_id), 0, 4, 0, 0},
        {2647, offsetof(tp_edit_message_text_args, link_preview_options), 0, 7, 0, 95},
        {2748, offsetof(tp_edit_message_text_args, message_id), 0, 1, 0, 0},
        {5134, offsetof(tp_edit_message_text_args, parse_mode), 0, 4, 0, 0},
        {3019, offsetof(tp_edit_message_text_args, reply_markup), 0, 7, 0, 111},
        {3115, offsetof(tp_edit_message_text_args, rich_message), 0, 7, 0, 234},
        {3415, offsetof(tp_edit_message_text_args, text), 0, 4, 0, 0},
    };
    static const char loc[] = "editMessageText";
    return tp_call_desc(bot, loc, f, 10, TP__R_OBJ_OR_TRUE, 5, -1, args, out, err);
}
/* editMessageCaption */
typedef struct tp_edit_message_caption_args {
    const char *business_connection_id;
    tp_chat_id chat_id;
    int64_t message_id;
    const char *inline_message_id;
    const char *caption;
    const char *parse_mode;
    const tp_message_entity *caption_entities;
    size_t caption_entities_count;
    bool show_caption_above_media;
    const tp_inline_keyboard_markup *reply_markup;
} tp_edit_message_caption_args;
static inline tp_err tp_edit_message_caption(tp_bot *bot, const tp_edit_message_caption_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[9] = {
        {1862, offsetof(tp_edit_message_caption_args, business_connection_id), 0, 4, 0, 0},
        {1885, offsetof(tp_edit_message_caption_args, caption), 0, 4, 0, 0},
        {1893, offsetof(tp_edit_message_caption_args, caption_entities), offsetof(tp_edit_message_caption_args, caption_entities_count), 8, 114, 9},
        {3843, offsetof(tp_edit_message_caption_args, chat_id), 0, 5, 0, 0},
        {8441, offsetof(tp_edit_message_caption_args, inline_message_id), 0, 4, 0, 0},
        {2748, offsetof(tp_edit_message_caption_args, message_id), 0, 1, 0, 0},
        {5134, offsetof(tp_edit_message_caption_args, parse_mode), 0, 4, 0, 0},
        {3019, offsetof(tp_edit_message_caption_args, reply_markup), 0, 7, 0, 111},
        {3190, offsetof(tp_edit_message_caption_args, show_caption_above_media), 0, 3, 0, 0},
    };
    static const char loc[] = "editMessageCaption";
    return tp_call_desc(bot, loc, f, 9, TP__R_OBJ_OR_TRUE, 5, -1, args, out, err);
}
/* editMessageMedia */
typedef struct tp_edit_message_media_args {
    const char *business_connection_id;
    tp_chat_id chat_id;
    int64_t message_id;
    const char *inline_message_id;
    const tp_input_media *media;  /* required */
    const tp_inline_keyboard_markup *reply_markup;
} tp_edit_message_media_args;
static inline tp_err tp_edit_message_media(tp_bot *bot, const tp_edit_message_media_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {1862, offsetof(tp_edit_message_media_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_edit_message_media_args, chat_id), 0, 5, 0, 0},
        {8441, offsetof(tp_edit_message_media_args, inline_message_id), 0, 4, 0, 0},
        {4564, offsetof(tp_edit_message_media_args, media), 0, 7, 1, 207},
        {2748, offsetof(tp_edit_message_media_args, message_id), 0, 1, 0, 0},
        {3019, offsetof(tp_edit_message_media_args, reply_markup), 0, 7, 0, 111},
    };
    static const char loc[] = "editMessageMedia";
    return tp_call_desc(bot, loc, f, 6, TP__R_OBJ_OR_TRUE, 5, -1, args, out, err);
}
/* editMessageLiveLocation */
typedef struct tp_edit_message_live_location_args {
    const char *business_connection_id;
    tp_chat_id chat_id;
    int64_t message_id;
    const char *inline_message_id;
    double latitude;  /* required */
    double longitude;  /* required */
    int64_t live_period;
    double horizontal_accuracy;
    int64_t heading;
    int64_t proximity_alert_radius;
    const tp_inline_keyboard_markup *reply_markup;
} tp_edit_message_live_location_args;
static inline tp_err tp_edit_message_live_location(tp_bot *bot, const tp_edit_message_live_location_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[11] = {
        {1862, offsetof(tp_edit_message_live_location_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_edit_message_live_location_args, chat_id), 0, 5, 0, 0},
        {5278, offsetof(tp_edit_message_live_location_args, heading), 0, 1, 0, 0},
        {5286, offsetof(tp_edit_message_live_location_args, horizontal_accuracy), 0, 2, 0, 0},
        {8441, offsetof(tp_edit_message_live_location_args, inline_message_id), 0, 4, 0, 0},
        {5306, offsetof(tp_edit_message_live_location_args, latitude), 0, 2, 1, 0},
        {5315, offsetof(tp_edit_message_live_location_args, live_period), 0, 1, 0, 0},
        {5327, offsetof(tp_edit_message_live_location_args, longitude), 0, 2, 1, 0},
        {2748, offsetof(tp_edit_message_live_location_args, message_id), 0, 1, 0, 0},
        {5337, offsetof(tp_edit_message_live_location_args, proximity_alert_radius), 0, 1, 0, 0},
        {3019, offsetof(tp_edit_message_live_location_args, reply_markup), 0, 7, 0, 111},
    };
    static const char loc[] = "editMessageLiveLocation";
    return tp_call_desc(bot, loc, f, 11, TP__R_OBJ_OR_TRUE, 5, -1, args, out, err);
}
/* stopMessageLiveLocation */
typedef struct tp_stop_message_live_location_args {
    const char *business_connection_id;
    tp_chat_id chat_id;
    int64_t message_id;
    const char *inline_message_id;
    const tp_inline_keyboard_markup *reply_markup;
} tp_stop_message_live_location_args;
static inline tp_err tp_stop_message_live_location(tp_bot *bot, const tp_stop_message_live_location_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[5] = {
        {1862, offsetof(tp_stop_message_live_location_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_stop_message_live_location_args, chat_id), 0, 5, 0, 0},
        {8441, offsetof(tp_stop_message_live_location_args, inline_message_id), 0, 4, 0, 0},
        {2748, offsetof(tp_stop_message_live_location_args, message_id), 0, 1, 0, 0},
        {3019, offsetof(tp_stop_message_live_location_args, reply_markup), 0, 7, 0, 111},
    };
    static const char loc[] = "stopMessageLiveLocation";
    return tp_call_desc(bot, loc, f, 5, TP__R_OBJ_OR_TRUE, 5, -1, args, out, err);
}
/* editMessageChecklist */
typedef struct tp_edit_message_checklist_args {
    const char *business_connection_id;  /* required */
    tp_chat_id chat_id;  /* required */
    int64_t message_id;  /* required */
    const tp_input_checklist *checklist;  /* required */
    const tp_inline_keyboard_markup *reply_markup;
} tp_edit_message_checklist_args;
static inline tp_err tp_edit_message_checklist(tp_bot *bot, const tp_edit_message_checklist_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[5] = {
        {1862, offsetof(tp_edit_message_checklist_args, business_connection_id), 0, 4, 1, 0},
        {3843, offsetof(tp_edit_message_checklist_args, chat_id), 0, 5, 1, 0},
        {2003, offsetof(tp_edit_message_checklist_args, checklist), 0, 7, 1, 47},
        {2748, offsetof(tp_edit_message_checklist_args, message_id), 0, 1, 1, 0},
        {3019, offsetof(tp_edit_message_checklist_args, reply_markup), 0, 7, 0, 111},
    };
    static const char loc[] = "editMessageChecklist";
    return tp_call_desc(bot, loc, f, 5, TP__R_OBJ, 5, -1, args, out, err);
}
/* editMessageReplyMarkup */
typedef struct tp_edit_message_reply_markup_args {
    const char *business_connection_id;
    tp_chat_id chat_id;
    int64_t message_id;
    const char *inline_message_id;
    const tp_inline_keyboard_markup *reply_markup;
} tp_edit_message_reply_markup_args;
static inline tp_err tp_edit_message_reply_markup(tp_bot *bot, const tp_edit_message_reply_markup_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[5] = {
        {1862, offsetof(tp_edit_message_reply_markup_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_edit_message_reply_markup_args, chat_id), 0, 5, 0, 0},
        {8441, offsetof(tp_edit_message_reply_markup_args, inline_message_id), 0, 4, 0, 0},
        {2748, offsetof(tp_edit_message_reply_markup_args, message_id), 0, 1, 0, 0},
        {3019, offsetof(tp_edit_message_reply_markup_args, reply_markup), 0, 7, 0, 111},
    };
    static const char loc[] = "editMessageReplyMarkup";
    return tp_call_desc(bot, loc, f, 5, TP__R_OBJ_OR_TRUE, 5, -1, args, out, err);
}
/* stopPoll */
typedef struct tp_stop_poll_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_id;  /* required */
    const tp_inline_keyboard_markup *reply_markup;
} tp_stop_poll_args;
static inline tp_err tp_stop_poll(tp_bot *bot, const tp_stop_poll_args *args, tp_poll_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {1862, offsetof(tp_stop_poll_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_stop_poll_args, chat_id), 0, 5, 1, 0},
        {2748, offsetof(tp_stop_poll_args, message_id), 0, 1, 1, 0},
        {3019, offsetof(tp_stop_poll_args, reply_markup), 0, 7, 0, 111},
    };
    static const char loc[] = "stopPoll";
    return tp_call_desc(bot, loc, f, 4, TP__R_OBJ, 43, -1, args, out, err);
}
/* approveSuggestedPost */
typedef struct tp_approve_suggested_post_args {
    int64_t chat_id;  /* required */
    int64_t message_id;  /* required */
    int64_t send_date;
} tp_approve_suggested_post_args;
static inline tp_err tp_approve_suggested_post(tp_bot *bot, const tp_approve_suggested_post_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3843, offsetof(tp_approve_suggested_post_args, chat_id), 0, 1, 1, 0},
        {2748, offsetof(tp_approve_suggested_post_args, message_id), 0, 1, 1, 0},
        {6628, offsetof(tp_approve_suggested_post_args, send_date), 0, 1, 0, 0},
    };
    static const char loc[] = "approveSuggestedPost";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* declineSuggestedPost */
typedef struct tp_decline_suggested_post_args {
    int64_t chat_id;  /* required */
    int64_t message_id;  /* required */
    const char *comment;
} tp_decline_suggested_post_args;
static inline tp_err tp_decline_suggested_post(tp_bot *bot, const tp_decline_suggested_post_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3843, offsetof(tp_decline_suggested_post_args, chat_id), 0, 1, 1, 0},
        {6711, offsetof(tp_decline_suggested_post_args, comment), 0, 4, 0, 0},
        {2748, offsetof(tp_decline_suggested_post_args, message_id), 0, 1, 1, 0},
    };
    static const char loc[] = "declineSuggestedPost";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteMessage */
typedef struct tp_delete_message_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_id;  /* required */
} tp_delete_message_args;
static inline tp_err tp_delete_message(tp_bot *bot, const tp_delete_message_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_delete_message_args, chat_id), 0, 5, 1, 0},
        {2748, offsetof(tp_delete_message_args, message_id), 0, 1, 1, 0},
    };
    static const char loc[] = "deleteMessage";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteMessages */
typedef struct tp_delete_messages_args {
    tp_chat_id chat_id;  /* required */
    const int64_t *message_ids;  /* required */
    size_t message_ids_count;
} tp_delete_messages_args;
static inline tp_err tp_delete_messages(tp_bot *bot, const tp_delete_messages_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3843, offsetof(tp_delete_messages_args, chat_id), 0, 5, 1, 0},
        {12656, offsetof(tp_delete_messages_args, message_ids), offsetof(tp_delete_messages_args, message_ids_count), 8, 19, 0},
    };
    static const char loc[] = "deleteMessages";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteMessageReaction */
typedef struct tp_delete_message_reaction_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_id;  /* required */
    int64_t user_id;
    int64_t actor_chat_id;
} tp_delete_message_reaction_args;
static inline tp_err tp_delete_message_reaction(tp_bot *bot, const tp_delete_message_reaction_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {TP__LOC(22), offsetof(tp_delete_message_reaction_args, actor_chat_id), 0, 1, 0, 0},
        {3843, offsetof(tp_delete_message_reaction_args, chat_id), 0, 5, 1, 0},
        {2748, offsetof(tp_delete_message_reaction_args, message_id), 0, 1, 1, 0},
        {4424, offsetof(tp_delete_message_reaction_args, user_id), 0, 1, 0, 0},
    };
    static const char loc[] = "deleteMessageReaction\000actor_chat_id";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteAllMessageReactions */
typedef struct tp_delete_all_message_reactions_args {
    tp_chat_id chat_id;  /* required */
    int64_t user_id;
    int64_t actor_chat_id;
} tp_delete_all_message_reactions_args;
static inline tp_err tp_delete_all_message_reactions(tp_bot *bot, const tp_delete_all_message_reactions_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {TP__LOC(26), offsetof(tp_delete_all_message_reactions_args, actor_chat_id), 0, 1, 0, 0},
        {3843, offsetof(tp_delete_all_message_reactions_args, chat_id), 0, 5, 1, 0},
        {4424, offsetof(tp_delete_all_message_reactions_args, user_id), 0, 1, 0, 0},
    };
    static const char loc[] = "deleteAllMessageReactions\000actor_chat_id";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* sendSticker */
typedef struct tp_send_sticker_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    tp_input_file sticker;  /* required */
    const char *emoji;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_sticker_args;
static inline tp_err tp_send_sticker(tp_bot *bot, const tp_send_sticker_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[13] = {
        {TP__LOC(12), offsetof(tp_send_sticker_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_sticker_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_sticker_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(33), offsetof(tp_send_sticker_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(58), offsetof(tp_send_sticker_args, disable_notification), 0, 3, 0, 0},
        {4443, offsetof(tp_send_sticker_args, emoji), 0, 4, 0, 0},
        {TP__LOC(79), offsetof(tp_send_sticker_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_sticker_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(97), offsetof(tp_send_sticker_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_sticker_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(113), offsetof(tp_send_sticker_args, reply_parameters), 0, 7, 0, 12},
        {3215, offsetof(tp_send_sticker_args, sticker), 0, 6, 1, 0},
        {TP__LOC(130), offsetof(tp_send_sticker_args, suggested_post_parameters), 0, 7, 0, 98},
    };
    static const char loc[] = "sendSticker\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 13, TP__R_OBJ, 5, -1, args, out, err);
}
/* getStickerSet */
typedef struct tp_get_sticker_set_args {
    const char *name;  /* required */
} tp_get_sticker_set_args;
static inline tp_err tp_get_sticker_set(tp_bot *bot, const tp_get_sticker_set_args *args, tp_sticker_set_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {6180, offsetof(tp_get_sticker_set_args, name), 0, 4, 1, 0},
    };
    static const char loc[] = "getStickerSet";
    return tp_call_desc(bot, loc, f, 1, TP__R_OBJ, 230, -1, args, out, err);
}
/* getCustomEmojiStickers */
typedef struct tp_get_custom_emoji_stickers_args {
    const char * const *custom_emoji_ids;  /* required */
    size_t custom_emoji_ids_count;
} tp_get_custom_emoji_stickers_args;
static inline tp_err tp_get_custom_emoji_stickers(tp_bot *bot, const tp_get_custom_emoji_stickers_args *args, tp_sticker_list_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {TP__LOC(23), offsetof(tp_get_custom_emoji_stickers_args, custom_emoji_ids), offsetof(tp_get_custom_emoji_stickers_args, custom_emoji_ids_count), 8, 67, 0},
    };
    static const char loc[] = "getCustomEmojiStickers\000custom_emoji_ids";
    return tp_call_desc(bot, loc, f, 1, TP__R_ARR, 229, -1, args, out, err);
}
/* uploadStickerFile */
typedef struct tp_upload_sticker_file_args {
    int64_t user_id;  /* required */
    tp_input_file sticker;  /* required */
    const char *sticker_format;  /* required */
} tp_upload_sticker_file_args;
static inline tp_err tp_upload_sticker_file(tp_bot *bot, const tp_upload_sticker_file_args *args, tp_file_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {3215, offsetof(tp_upload_sticker_file_args, sticker), 0, 6, 1, 0},
        {TP__LOC(18), offsetof(tp_upload_sticker_file_args, sticker_format), 0, 4, 1, 0},
        {4424, offsetof(tp_upload_sticker_file_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "uploadStickerFile\000sticker_format";
    return tp_call_desc(bot, loc, f, 3, TP__R_OBJ, 102, -1, args, out, err);
}
/* createNewStickerSet */
typedef struct tp_create_new_sticker_set_args {
    int64_t user_id;  /* required */
    const char *name;  /* required */
    const char *title;  /* required */
    const tp_input_sticker *stickers;  /* required */
    size_t stickers_count;
    const char *sticker_type;
    bool needs_repainting;
} tp_create_new_sticker_set_args;
static inline tp_err tp_create_new_sticker_set(tp_bot *bot, const tp_create_new_sticker_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {6180, offsetof(tp_create_new_sticker_set_args, name), 0, 4, 1, 0},
        {13363, offsetof(tp_create_new_sticker_set_args, needs_repainting), 0, 3, 0, 0},
        {13418, offsetof(tp_create_new_sticker_set_args, sticker_type), 0, 4, 0, 0},
        {13431, offsetof(tp_create_new_sticker_set_args, stickers), offsetof(tp_create_new_sticker_set_args, stickers_count), 8, 115, 232},
        {948, offsetof(tp_create_new_sticker_set_args, title), 0, 4, 1, 0},
        {4424, offsetof(tp_create_new_sticker_set_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "createNewStickerSet";
    return tp_call_desc(bot, loc, f, 6, TP__R_BOOL, 0, -1, args, out, err);
}
/* addStickerToSet */
typedef struct tp_add_sticker_to_set_args {
    int64_t user_id;  /* required */
    const char *name;  /* required */
    const tp_input_sticker *sticker;  /* required */
} tp_add_sticker_to_set_args;
static inline tp_err tp_add_sticker_to_set(tp_bot *bot, const tp_add_sticker_to_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {6180, offsetof(tp_add_sticker_to_set_args, name), 0, 4, 1, 0},
        {3215, offsetof(tp_add_sticker_to_set_args, sticker), 0, 7, 1, 232},
        {4424, offsetof(tp_add_sticker_to_set_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "addStickerToSet";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* setStickerPositionInSet */
typedef struct tp_set_sticker_position_in_set_args {
    const char *sticker;  /* required */
    int64_t position;  /* required */
} tp_set_sticker_position_in_set_args;
static inline tp_err tp_set_sticker_position_in_set(tp_bot *bot, const tp_set_sticker_position_in_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3765, offsetof(tp_set_sticker_position_in_set_args, position), 0, 1, 1, 0},
        {3215, offsetof(tp_set_sticker_position_in_set_args, sticker), 0, 4, 1, 0},
    };
    static const char loc[] = "setStickerPositionInSet";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteStickerFromSet */
typedef struct tp_delete_sticker_from_set_args {
    const char *sticker;  /* required */
} tp_delete_sticker_from_set_args;
static inline tp_err tp_delete_sticker_from_set(tp_bot *bot, const tp_delete_sticker_from_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {3215, offsetof(tp_delete_sticker_from_set_args, sticker), 0, 4, 1, 0},
    };
    static const char loc[] = "deleteStickerFromSet";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* replaceStickerInSet */
typedef struct tp_replace_sticker_in_set_args {
    int64_t user_id;  /* required */
    const char *name;  /* required */
    const char *old_sticker;  /* required */
    const tp_input_sticker *sticker;  /* required */
} tp_replace_sticker_in_set_args;
static inline tp_err tp_replace_sticker_in_set(tp_bot *bot, const tp_replace_sticker_in_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {6180, offsetof(tp_replace_sticker_in_set_args, name), 0, 4, 1, 0},
        {TP__LOC(20), offsetof(tp_replace_sticker_in_set_args, old_sticker), 0, 4, 1, 0},
        {3215, offsetof(tp_replace_sticker_in_set_args, sticker), 0, 7, 1, 232},
        {4424, offsetof(tp_replace_sticker_in_set_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "replaceStickerInSet\000old_sticker";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* setStickerEmojiList */
typedef struct tp_set_sticker_emoji_list_args {
    const char *sticker;  /* required */
    const char * const *emoji_list;  /* required */
    size_t emoji_list_count;
} tp_set_sticker_emoji_list_args;
static inline tp_err tp_set_sticker_emoji_list(tp_bot *bot, const tp_set_sticker_emoji_list_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {13494, offsetof(tp_set_sticker_emoji_list_args, emoji_list), offsetof(tp_set_sticker_emoji_list_args, emoji_list_count), 8, 67, 0},
        {3215, offsetof(tp_set_sticker_emoji_list_args, sticker), 0, 4, 1, 0},
    };
    static const char loc[] = "setStickerEmojiList";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setStickerKeywords */
typedef struct tp_set_sticker_keywords_args {
    const char *sticker;  /* required */
    const char * const *keywords;
    size_t keywords_count;
} tp_set_sticker_keywords_args;
static inline tp_err tp_set_sticker_keywords(tp_bot *bot, const tp_set_sticker_keywords_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {13512, offsetof(tp_set_sticker_keywords_args, keywords), offsetof(tp_set_sticker_keywords_args, keywords_count), 8, 66, 0},
        {3215, offsetof(tp_set_sticker_keywords_args, sticker), 0, 4, 1, 0},
    };
    static const char loc[] = "setStickerKeywords";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setStickerMaskPosition */
typedef struct tp_set_sticker_mask_position_args {
    const char *sticker;  /* required */
    const tp_mask_position *mask_position;
} tp_set_sticker_mask_position_args;
static inline tp_err tp_set_sticker_mask_position(tp_bot *bot, const tp_set_sticker_mask_position_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {13349, offsetof(tp_set_sticker_mask_position_args, mask_position), 0, 7, 0, 231},
        {3215, offsetof(tp_set_sticker_mask_position_args, sticker), 0, 4, 1, 0},
    };
    static const char loc[] = "setStickerMaskPosition";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setStickerSetTitle */
typedef struct tp_set_sticker_set_title_args {
    const char *name;  /* required */
    const char *title;  /* required */
} tp_set_sticker_set_title_args;
static inline tp_err tp_set_sticker_set_title(tp_bot *bot, const tp_set_sticker_set_title_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {6180, offsetof(tp_set_sticker_set_title_args, name), 0, 4, 1, 0},
        {948, offsetof(tp_set_sticker_set_title_args, title), 0, 4, 1, 0},
    };
    static const char loc[] = "setStickerSetTitle";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* setStickerSetThumbnail */
typedef struct tp_set_sticker_set_thumbnail_args {
    const char *name;  /* required */
    int64_t user_id;  /* required */
    tp_input_file thumbnail;
    const char *format;  /* required */
} tp_set_sticker_set_thumbnail_args;
static inline tp_err tp_set_sticker_set_thumbnail(tp_bot *bot, const tp_set_sticker_set_thumbnail_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {13505, offsetof(tp_set_sticker_set_thumbnail_args, format), 0, 4, 1, 0},
        {6180, offsetof(tp_set_sticker_set_thumbnail_args, name), 0, 4, 1, 0},
        {4170, offsetof(tp_set_sticker_set_thumbnail_args, thumbnail), 0, 6, 0, 0},
        {4424, offsetof(tp_set_sticker_set_thumbnail_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "setStickerSetThumbnail";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* setCustomEmojiStickerSetThumbnail */
typedef struct tp_set_custom_emoji_sticker_set_thumbnail_args {
    const char *name;  /* required */
    const char *custom_emoji_id;
} tp_set_custom_emoji_sticker_set_thumbnail_args;
static inline tp_err tp_set_custom_emoji_sticker_set_thumbnail(tp_bot *bot, const tp_set_custom_emoji_sticker_set_thumbnail_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {3674, offsetof(tp_set_custom_emoji_sticker_set_thumbnail_args, custom_emoji_id), 0, 4, 0, 0},
        {6180, offsetof(tp_set_custom_emoji_sticker_set_thumbnail_args, name), 0, 4, 1, 0},
    };
    static const char loc[] = "setCustomEmojiStickerSetThumbnail";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* deleteStickerSet */
typedef struct tp_delete_sticker_set_args {
    const char *name;  /* required */
} tp_delete_sticker_set_args;
static inline tp_err tp_delete_sticker_set(tp_bot *bot, const tp_delete_sticker_set_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[1] = {
        {6180, offsetof(tp_delete_sticker_set_args, name), 0, 4, 1, 0},
    };
    static const char loc[] = "deleteStickerSet";
    return tp_call_desc(bot, loc, f, 1, TP__R_BOOL, 0, -1, args, out, err);
}
/* sendRichMessage */
typedef struct tp_send_rich_message_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    const tp_input_rich_message *rich_message;  /* required */
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_reply_markup *reply_markup;
} tp_send_rich_message_args;
static inline tp_err tp_send_rich_message(tp_bot *bot, const tp_send_rich_message_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[12] = {
        {TP__LOC(16), offsetof(tp_send_rich_message_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_rich_message_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_rich_message_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(37), offsetof(tp_send_rich_message_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(62), offsetof(tp_send_rich_message_args, disable_notification), 0, 3, 0, 0},
        {TP__LOC(83), offsetof(tp_send_rich_message_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_rich_message_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(101), offsetof(tp_send_rich_message_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_rich_message_args, reply_markup), 0, 7, 0, 359},
        {TP__LOC(117), offsetof(tp_send_rich_message_args, reply_parameters), 0, 7, 0, 12},
        {3115, offsetof(tp_send_rich_message_args, rich_message), 0, 7, 1, 234},
        {TP__LOC(134), offsetof(tp_send_rich_message_args, suggested_post_parameters), 0, 7, 0, 98},
    };
    static const char loc[] = "sendRichMessage\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 12, TP__R_OBJ, 5, -1, args, out, err);
}
/* sendRichMessageDraft */
typedef struct tp_send_rich_message_draft_args {
    int64_t chat_id;  /* required */
    int64_t message_thread_id;
    int64_t draft_id;  /* required */
    const tp_input_rich_message *rich_message;  /* required */
} tp_send_rich_message_draft_args;
static inline tp_err tp_send_rich_message_draft(tp_bot *bot, const tp_send_rich_message_draft_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {3843, offsetof(tp_send_rich_message_draft_args, chat_id), 0, 1, 1, 0},
        {TP__LOC(21), offsetof(tp_send_rich_message_draft_args, draft_id), 0, 1, 1, 0},
        {2759, offsetof(tp_send_rich_message_draft_args, message_thread_id), 0, 1, 0, 0},
        {3115, offsetof(tp_send_rich_message_draft_args, rich_message), 0, 7, 1, 234},
    };
    static const char loc[] = "sendRichMessageDraft\000draft_id";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* answerInlineQuery */
typedef struct tp_answer_inline_query_args {
    const char *inline_query_id;  /* required */
    const tp_inline_query_result *results;  /* required */
    size_t results_count;
    int64_t cache_time;
    bool is_personal;
    const char *next_offset;
    const tp_inline_query_results_button *button;
    bool has_cache_time;  /* true: send cache_time even if 0 (absent: 300 s) */
} tp_answer_inline_query_args;
static inline tp_err tp_answer_inline_query(tp_bot *bot, const tp_answer_inline_query_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[6] = {
        {TP__LOC(18), offsetof(tp_answer_inline_query_args, button), 0, 7, 0, 287},
        {TP__LOC(25), offsetof(tp_answer_inline_query_args, cache_time), offsetof(tp_answer_inline_query_args, has_cache_time), 1, 0, 0},
        {TP__LOC(36), offsetof(tp_answer_inline_query_args, inline_query_id), 0, 4, 1, 0},
        {TP__LOC(52), offsetof(tp_answer_inline_query_args, is_personal), 0, 3, 0, 0},
        {11354, offsetof(tp_answer_inline_query_args, next_offset), 0, 4, 0, 0},
        {TP__LOC(64), offsetof(tp_answer_inline_query_args, results), offsetof(tp_answer_inline_query_args, results_count), 8, 115, 288},
    };
    static const char loc[] = "answerInlineQuery\000button\000cache_time\000inline_query_id\000is_personal\000results";
    return tp_call_desc(bot, loc, f, 6, TP__R_BOOL, 0, -1, args, out, err);
}
/* sendInvoice */
typedef struct tp_send_invoice_args {
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    int64_t direct_messages_topic_id;
    const char *title;  /* required */
    const char *description;  /* required */
    const char *payload;  /* required */
    const char *provider_token;
    const char *currency;  /* required */
    const tp_labeled_price *prices;  /* required */
    size_t prices_count;
    int64_t max_tip_amount;
    const int64_t *suggested_tip_amounts;
    size_t suggested_tip_amounts_count;
    const char *start_parameter;
    const char *provider_data;
    const char *photo_url;
    int64_t photo_size;
    int64_t photo_width;
    int64_t photo_height;
    bool need_name;
    bool need_phone_number;
    bool need_email;
    bool need_shipping_address;
    bool send_phone_number_to_provider;
    bool send_email_to_provider;
    bool is_flexible;
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_suggested_post_parameters *suggested_post_parameters;
    const tp_reply_parameters *reply_parameters;
    const tp_inline_keyboard_markup *reply_markup;
} tp_send_invoice_args;
static inline tp_err tp_send_invoice(tp_bot *bot, const tp_send_invoice_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[31] = {
        {TP__LOC(12), offsetof(tp_send_invoice_args, allow_paid_broadcast), 0, 3, 0, 0},
        {3843, offsetof(tp_send_invoice_args, chat_id), 0, 5, 1, 0},
        {6744, offsetof(tp_send_invoice_args, currency), 0, 4, 1, 0},
        {1212, offsetof(tp_send_invoice_args, description), 0, 4, 1, 0},
        {TP__LOC(33), offsetof(tp_send_invoice_args, direct_messages_topic_id), 0, 1, 0, 0},
        {TP__LOC(58), offsetof(tp_send_invoice_args, disable_notification), 0, 3, 0, 0},
        {16315, offsetof(tp_send_invoice_args, is_flexible), 0, 3, 0, 0},
        {16327, offsetof(tp_send_invoice_args, max_tip_amount), 0, 1, 0, 0},
        {TP__LOC(79), offsetof(tp_send_invoice_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_invoice_args, message_thread_id), 0, 1, 0, 0},
        {16342, offsetof(tp_send_invoice_args, need_email), 0, 3, 0, 0},
        {16353, offsetof(tp_send_invoice_args, need_name), 0, 3, 0, 0},
        {16363, offsetof(tp_send_invoice_args, need_phone_number), 0, 3, 0, 0},
        {16381, offsetof(tp_send_invoice_args, need_shipping_address), 0, 3, 0, 0},
        {16403, offsetof(tp_send_invoice_args, payload), 0, 4, 1, 0},
        {15446, offsetof(tp_send_invoice_args, photo_height), 0, 1, 0, 0},
        {16411, offsetof(tp_send_invoice_args, photo_size), 0, 1, 0, 0},
        {15281, offsetof(tp_send_invoice_args, photo_url), 0, 4, 0, 0},
        {15459, offsetof(tp_send_invoice_args, photo_width), 0, 1, 0, 0},
        {16422, offsetof(tp_send_invoice_args, prices), offsetof(tp_send_invoice_args, prices_count), 8, 115, 317},
        {TP__LOC(97), offsetof(tp_send_invoice_args, protect_content), 0, 3, 0, 0},
        {16429, offsetof(tp_send_invoice_args, provider_data), 0, 4, 0, 0},
        {16443, offsetof(tp_send_invoice_args, provider_token), 0, 4, 0, 0},
        {3019, offsetof(tp_send_invoice_args, reply_markup), 0, 7, 0, 111},
        {TP__LOC(113), offsetof(tp_send_invoice_args, reply_parameters), 0, 7, 0, 12},
        {16458, offsetof(tp_send_invoice_args, send_email_to_provider), 0, 3, 0, 0},
        {16481, offsetof(tp_send_invoice_args, send_phone_number_to_provider), 0, 3, 0, 0},
        {15103, offsetof(tp_send_invoice_args, start_parameter), 0, 4, 0, 0},
        {TP__LOC(130), offsetof(tp_send_invoice_args, suggested_post_parameters), 0, 7, 0, 98},
        {16511, offsetof(tp_send_invoice_args, suggested_tip_amounts), offsetof(tp_send_invoice_args, suggested_tip_amounts_count), 8, 18, 0},
        {948, offsetof(tp_send_invoice_args, title), 0, 4, 1, 0},
    };
    static const char loc[] = "sendInvoice\000allow_paid_broadcast\000direct_messages_topic_id\000disable_notification\000message_effect_id\000protect_content\000reply_parameters\000suggested_post_parameters";
    return tp_call_desc(bot, loc, f, 31, TP__R_OBJ, 5, -1, args, out, err);
}
/* createInvoiceLink */
typedef struct tp_create_invoice_link_args {
    const char *business_connection_id;
    const char *title;  /* required */
    const char *description;  /* required */
    const char *payload;  /* required */
    const char *provider_token;
    const char *currency;  /* required */
    const tp_labeled_price *prices;  /* required */
    size_t prices_count;
    int64_t subscription_period;
    int64_t max_tip_amount;
    const int64_t *suggested_tip_amounts;
    size_t suggested_tip_amounts_count;
    const char *provider_data;
    const char *photo_url;
    int64_t photo_size;
    int64_t photo_width;
    int64_t photo_height;
    bool need_name;
    bool need_phone_number;
    bool need_email;
    bool need_shipping_address;
    bool send_phone_number_to_provider;
    bool send_email_to_provider;
    bool is_flexible;
} tp_create_invoice_link_args;
static inline tp_err tp_create_invoice_link(tp_bot *bot, const tp_create_invoice_link_args *args, tp_string_result *out, tp_error *err) {
    static const tp__fdesc f[22] = {
        {1862, offsetof(tp_create_invoice_link_args, business_connection_id), 0, 4, 0, 0},
        {6744, offsetof(tp_create_invoice_link_args, currency), 0, 4, 1, 0},
        {1212, offsetof(tp_create_invoice_link_args, description), 0, 4, 1, 0},
        {16315, offsetof(tp_create_invoice_link_args, is_flexible), 0, 3, 0, 0},
        {16327, offsetof(tp_create_invoice_link_args, max_tip_amount), 0, 1, 0, 0},
        {16342, offsetof(tp_create_invoice_link_args, need_email), 0, 3, 0, 0},
        {16353, offsetof(tp_create_invoice_link_args, need_name), 0, 3, 0, 0},
        {16363, offsetof(tp_create_invoice_link_args, need_phone_number), 0, 3, 0, 0},
        {16381, offsetof(tp_create_invoice_link_args, need_shipping_address), 0, 3, 0, 0},
        {16403, offsetof(tp_create_invoice_link_args, payload), 0, 4, 1, 0},
        {15446, offsetof(tp_create_invoice_link_args, photo_height), 0, 1, 0, 0},
        {16411, offsetof(tp_create_invoice_link_args, photo_size), 0, 1, 0, 0},
        {15281, offsetof(tp_create_invoice_link_args, photo_url), 0, 4, 0, 0},
        {15459, offsetof(tp_create_invoice_link_args, photo_width), 0, 1, 0, 0},
        {16422, offsetof(tp_create_invoice_link_args, prices), offsetof(tp_create_invoice_link_args, prices_count), 8, 115, 317},
        {16429, offsetof(tp_create_invoice_link_args, provider_data), 0, 4, 0, 0},
        {16443, offsetof(tp_create_invoice_link_args, provider_token), 0, 4, 0, 0},
        {16458, offsetof(tp_create_invoice_link_args, send_email_to_provider), 0, 3, 0, 0},
        {16481, offsetof(tp_create_invoice_link_args, send_phone_number_to_provider), 0, 3, 0, 0},
        {8676, offsetof(tp_create_invoice_link_args, subscription_period), 0, 1, 0, 0},
        {16511, offsetof(tp_create_invoice_link_args, suggested_tip_amounts), offsetof(tp_create_invoice_link_args, suggested_tip_amounts_count), 8, 18, 0},
        {948, offsetof(tp_create_invoice_link_args, title), 0, 4, 1, 0},
    };
    static const char loc[] = "createInvoiceLink";
    return tp_call_desc(bot, loc, f, 22, TP__R_STR, 0, -1, args, out, err);
}
/* answerShippingQuery */
typedef struct tp_answer_shipping_query_args {
    const char *shipping_query_id;  /* required */
    bool ok;  /* required */
    const tp_shipping_option *shipping_options;
    size_t shipping_options_count;
    const char *error_message;
} tp_answer_shipping_query_args;
static inline tp_err tp_answer_shipping_query(tp_bot *bot, const tp_answer_shipping_query_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {TP__LOC(20), offsetof(tp_answer_shipping_query_args, error_message), 0, 4, 0, 0},
        {TP__LOC(34), offsetof(tp_answer_shipping_query_args, ok), 0, 3, 1, 0},
        {TP__LOC(37), offsetof(tp_answer_shipping_query_args, shipping_options), offsetof(tp_answer_shipping_query_args, shipping_options_count), 8, 114, 321},
        {TP__LOC(54), offsetof(tp_answer_shipping_query_args, shipping_query_id), 0, 4, 1, 0},
    };
    static const char loc[] = "answerShippingQuery\000error_message\000ok\000shipping_options\000shipping_query_id";
    return tp_call_desc(bot, loc, f, 4, TP__R_BOOL, 0, -1, args, out, err);
}
/* answerPreCheckoutQuery */
typedef struct tp_answer_pre_checkout_query_args {
    const char *pre_checkout_query_id;  /* required */
    bool ok;  /* required */
    const char *error_message;
} tp_answer_pre_checkout_query_args;
static inline tp_err tp_answer_pre_checkout_query(tp_bot *bot, const tp_answer_pre_checkout_query_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {TP__LOC(23), offsetof(tp_answer_pre_checkout_query_args, error_message), 0, 4, 0, 0},
        {TP__LOC(37), offsetof(tp_answer_pre_checkout_query_args, ok), 0, 3, 1, 0},
        {TP__LOC(40), offsetof(tp_answer_pre_checkout_query_args, pre_checkout_query_id), 0, 4, 1, 0},
    };
    static const char loc[] = "answerPreCheckoutQuery\000error_message\000ok\000pre_checkout_query_id";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* getMyStarBalance */
static inline tp_err tp_get_my_star_balance(tp_bot *bot, tp_star_amount_result *out, tp_error *err) {
    static const char loc[] = "getMyStarBalance";
    return tp_call_desc(bot, loc, NULL, 0, TP__R_OBJ, 172, -1, NULL, out, err);
}
/* getStarTransactions */
typedef struct tp_get_star_transactions_args {
    int64_t offset;
    int64_t limit;
} tp_get_star_transactions_args;
static inline tp_err tp_get_star_transactions(tp_bot *bot, const tp_get_star_transactions_args *args, tp_star_transactions_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(20), offsetof(tp_get_star_transactions_args, limit), 0, 1, 0, 0},
        {3723, offsetof(tp_get_star_transactions_args, offset), 0, 1, 0, 0},
    };
    static const char loc[] = "getStarTransactions\000limit";
    return tp_call_desc(bot, loc, f, 2, TP__R_OBJ, 341, -1, args, out, err);
}
/* refundStarPayment */
typedef struct tp_refund_star_payment_args {
    int64_t user_id;  /* required */
    const char *telegram_payment_charge_id;  /* required */
} tp_refund_star_payment_args;
static inline tp_err tp_refund_star_payment(tp_bot *bot, const tp_refund_star_payment_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {16848, offsetof(tp_refund_star_payment_args, telegram_payment_charge_id), 0, 4, 1, 0},
        {4424, offsetof(tp_refund_star_payment_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "refundStarPayment";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* editUserStarSubscription */
typedef struct tp_edit_user_star_subscription_args {
    int64_t user_id;  /* required */
    const char *telegram_payment_charge_id;  /* required */
    bool is_canceled;  /* required */
} tp_edit_user_star_subscription_args;
static inline tp_err tp_edit_user_star_subscription(tp_bot *bot, const tp_edit_user_star_subscription_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[3] = {
        {TP__LOC(25), offsetof(tp_edit_user_star_subscription_args, is_canceled), 0, 3, 1, 0},
        {16848, offsetof(tp_edit_user_star_subscription_args, telegram_payment_charge_id), 0, 4, 1, 0},
        {4424, offsetof(tp_edit_user_star_subscription_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "editUserStarSubscription\000is_canceled";
    return tp_call_desc(bot, loc, f, 3, TP__R_BOOL, 0, -1, args, out, err);
}
/* setPassportDataErrors */
typedef struct tp_set_passport_data_errors_args {
    int64_t user_id;  /* required */
    const tp_passport_element_error *errors;  /* required */
    size_t errors_count;
} tp_set_passport_data_errors_args;
static inline tp_err tp_set_passport_data_errors(tp_bot *bot, const tp_set_passport_data_errors_args *args, tp_bool_result *out, tp_error *err) {
    static const tp__fdesc f[2] = {
        {TP__LOC(22), offsetof(tp_set_passport_data_errors_args, errors), offsetof(tp_set_passport_data_errors_args, errors_count), 8, 115, 346},
        {4424, offsetof(tp_set_passport_data_errors_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "setPassportDataErrors\000errors";
    return tp_call_desc(bot, loc, f, 2, TP__R_BOOL, 0, -1, args, out, err);
}
/* sendGame */
typedef struct tp_send_game_args {
    const char *business_connection_id;
    tp_chat_id chat_id;  /* required */
    int64_t message_thread_id;
    const char *game_short_name;  /* required */
    bool disable_notification;
    bool protect_content;
    bool allow_paid_broadcast;
    const char *message_effect_id;
    const tp_reply_parameters *reply_parameters;
    const tp_inline_keyboard_markup *reply_markup;
} tp_send_game_args;
static inline tp_err tp_send_game(tp_bot *bot, const tp_send_game_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[10] = {
        {TP__LOC(9), offsetof(tp_send_game_args, allow_paid_broadcast), 0, 3, 0, 0},
        {1862, offsetof(tp_send_game_args, business_connection_id), 0, 4, 0, 0},
        {3843, offsetof(tp_send_game_args, chat_id), 0, 5, 1, 0},
        {TP__LOC(30), offsetof(tp_send_game_args, disable_notification), 0, 3, 0, 0},
        {8425, offsetof(tp_send_game_args, game_short_name), 0, 4, 1, 0},
        {TP__LOC(51), offsetof(tp_send_game_args, message_effect_id), 0, 4, 0, 0},
        {2759, offsetof(tp_send_game_args, message_thread_id), 0, 1, 0, 0},
        {TP__LOC(69), offsetof(tp_send_game_args, protect_content), 0, 3, 0, 0},
        {3019, offsetof(tp_send_game_args, reply_markup), 0, 7, 0, 111},
        {TP__LOC(85), offsetof(tp_send_game_args, reply_parameters), 0, 7, 0, 12},
    };
    static const char loc[] = "sendGame\000allow_paid_broadcast\000disable_notification\000message_effect_id\000protect_content\000reply_parameters";
    return tp_call_desc(bot, loc, f, 10, TP__R_OBJ, 5, -1, args, out, err);
}
/* setGameScore */
typedef struct tp_set_game_score_args {
    int64_t user_id;  /* required */
    int64_t score;  /* required */
    bool force;
    bool disable_edit_message;
    int64_t chat_id;
    int64_t message_id;
    const char *inline_message_id;
} tp_set_game_score_args;
static inline tp_err tp_set_game_score(tp_bot *bot, const tp_set_game_score_args *args, tp_message_result *out, tp_error *err) {
    static const tp__fdesc f[7] = {
        {3843, offsetof(tp_set_game_score_args, chat_id), 0, 1, 0, 0},
        {TP__LOC(13), offsetof(tp_set_game_score_args, disable_edit_message), 0, 3, 0, 0},
        {TP__LOC(34), offsetof(tp_set_game_score_args, force), 0, 3, 0, 0},
        {8441, offsetof(tp_set_game_score_args, inline_message_id), 0, 4, 0, 0},
        {2748, offsetof(tp_set_game_score_args, message_id), 0, 1, 0, 0},
        {18185, offsetof(tp_set_game_score_args, score), 0, 1, 1, 0},
        {4424, offsetof(tp_set_game_score_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "setGameScore\000disable_edit_message\000force";
    return tp_call_desc(bot, loc, f, 7, TP__R_OBJ_OR_TRUE, 5, -1, args, out, err);
}
/* getGameHighScores */
typedef struct tp_get_game_high_scores_args {
    int64_t user_id;  /* required */
    int64_t chat_id;
    int64_t message_id;
    const char *inline_message_id;
} tp_get_game_high_scores_args;
static inline tp_err tp_get_game_high_scores(tp_bot *bot, const tp_get_game_high_scores_args *args, tp_game_high_score_list_result *out, tp_error *err) {
    static const tp__fdesc f[4] = {
        {3843, offsetof(tp_get_game_high_scores_args, chat_id), 0, 1, 0, 0},
        {8441, offsetof(tp_get_game_high_scores_args, inline_message_id), 0, 4, 0, 0},
        {2748, offsetof(tp_get_game_high_scores_args, message_id), 0, 1, 0, 0},
        {4424, offsetof(tp_get_game_high_scores_args, user_id), 0, 1, 1, 0},
    };
    static const char loc[] = "getGameHighScores";
    return tp_call_desc(bot, loc, f, 4, TP__R_ARR, 358, -1, args, out, err);
}

/* Any method by its TP_METHOD_* id, for code that picks methods at run time: `args` the
   method's args struct (or NULL), `out` its result struct (or NULL). It compiles in every
   wrapper; call the wrappers themselves when the method is known. */
static inline tp_err tp_call_typed(tp_bot *bot, int method, const void *args, void *out, tp_error *err) {
    switch (method) {
    case TP_METHOD_GET_UPDATES: return tp_get_updates(bot, (const tp_get_updates_args *)args, (tp_update_list_result *)out, err);
    case TP_METHOD_SET_WEBHOOK: return tp_set_webhook(bot, (const tp_set_webhook_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_WEBHOOK: return tp_delete_webhook(bot, (const tp_delete_webhook_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_WEBHOOK_INFO: return tp_get_webhook_info(bot, (tp_webhook_info_result *)out, err);
    case TP_METHOD_GET_ME: return tp_get_me(bot, (tp_user_result *)out, err);
    case TP_METHOD_LOG_OUT: return tp_log_out(bot, (tp_bool_result *)out, err);
    case TP_METHOD_CLOSE: return tp_close(bot, (tp_bool_result *)out, err);
    case TP_METHOD_SEND_MESSAGE: return tp_send_message(bot, (const tp_send_message_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_FORWARD_MESSAGE: return tp_forward_message(bot, (const tp_forward_message_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_FORWARD_MESSAGES: return tp_forward_messages(bot, (const tp_forward_messages_args *)args, (tp_message_id_list_result *)out, err);
    case TP_METHOD_COPY_MESSAGE: return tp_copy_message(bot, (const tp_copy_message_args *)args, (tp_message_id_result *)out, err);
    case TP_METHOD_COPY_MESSAGES: return tp_copy_messages(bot, (const tp_copy_messages_args *)args, (tp_message_id_list_result *)out, err);
    case TP_METHOD_SEND_PHOTO: return tp_send_photo(bot, (const tp_send_photo_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_LIVE_PHOTO: return tp_send_live_photo(bot, (const tp_send_live_photo_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_AUDIO: return tp_send_audio(bot, (const tp_send_audio_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_DOCUMENT: return tp_send_document(bot, (const tp_send_document_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_VIDEO: return tp_send_video(bot, (const tp_send_video_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_ANIMATION: return tp_send_animation(bot, (const tp_send_animation_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_VOICE: return tp_send_voice(bot, (const tp_send_voice_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_VIDEO_NOTE: return tp_send_video_note(bot, (const tp_send_video_note_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_PAID_MEDIA: return tp_send_paid_media(bot, (const tp_send_paid_media_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_MEDIA_GROUP: return tp_send_media_group(bot, (const tp_send_media_group_args *)args, (tp_message_list_result *)out, err);
    case TP_METHOD_SEND_LOCATION: return tp_send_location(bot, (const tp_send_location_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_VENUE: return tp_send_venue(bot, (const tp_send_venue_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_CONTACT: return tp_send_contact(bot, (const tp_send_contact_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_POLL: return tp_send_poll(bot, (const tp_send_poll_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_CHECKLIST: return tp_send_checklist(bot, (const tp_send_checklist_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_DICE: return tp_send_dice(bot, (const tp_send_dice_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_MESSAGE_DRAFT: return tp_send_message_draft(bot, (const tp_send_message_draft_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SEND_CHAT_ACTION: return tp_send_chat_action(bot, (const tp_send_chat_action_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_MESSAGE_REACTION: return tp_set_message_reaction(bot, (const tp_set_message_reaction_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_USER_PROFILE_PHOTOS: return tp_get_user_profile_photos(bot, (const tp_get_user_profile_photos_args *)args, (tp_user_profile_photos_result *)out, err);
    case TP_METHOD_GET_USER_PROFILE_AUDIOS: return tp_get_user_profile_audios(bot, (const tp_get_user_profile_audios_args *)args, (tp_user_profile_audios_result *)out, err);
    case TP_METHOD_SET_USER_EMOJI_STATUS: return tp_set_user_emoji_status(bot, (const tp_set_user_emoji_status_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_FILE: return tp_get_file(bot, (const tp_get_file_args *)args, (tp_file_result *)out, err);
    case TP_METHOD_BAN_CHAT_MEMBER: return tp_ban_chat_member(bot, (const tp_ban_chat_member_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UNBAN_CHAT_MEMBER: return tp_unban_chat_member(bot, (const tp_unban_chat_member_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_RESTRICT_CHAT_MEMBER: return tp_restrict_chat_member(bot, (const tp_restrict_chat_member_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_PROMOTE_CHAT_MEMBER: return tp_promote_chat_member(bot, (const tp_promote_chat_member_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CHAT_ADMINISTRATOR_CUSTOM_TITLE: return tp_set_chat_administrator_custom_title(bot, (const tp_set_chat_administrator_custom_title_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CHAT_MEMBER_TAG: return tp_set_chat_member_tag(bot, (const tp_set_chat_member_tag_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_BAN_CHAT_SENDER_CHAT: return tp_ban_chat_sender_chat(bot, (const tp_ban_chat_sender_chat_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UNBAN_CHAT_SENDER_CHAT: return tp_unban_chat_sender_chat(bot, (const tp_unban_chat_sender_chat_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CHAT_PERMISSIONS: return tp_set_chat_permissions(bot, (const tp_set_chat_permissions_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_EXPORT_CHAT_INVITE_LINK: return tp_export_chat_invite_link(bot, (const tp_export_chat_invite_link_args *)args, (tp_string_result *)out, err);
    case TP_METHOD_CREATE_CHAT_INVITE_LINK: return tp_create_chat_invite_link(bot, (const tp_create_chat_invite_link_args *)args, (tp_chat_invite_link_result *)out, err);
    case TP_METHOD_EDIT_CHAT_INVITE_LINK: return tp_edit_chat_invite_link(bot, (const tp_edit_chat_invite_link_args *)args, (tp_chat_invite_link_result *)out, err);
    case TP_METHOD_CREATE_CHAT_SUBSCRIPTION_INVITE_LINK: return tp_create_chat_subscription_invite_link(bot, (const tp_create_chat_subscription_invite_link_args *)args, (tp_chat_invite_link_result *)out, err);
    case TP_METHOD_EDIT_CHAT_SUBSCRIPTION_INVITE_LINK: return tp_edit_chat_subscription_invite_link(bot, (const tp_edit_chat_subscription_invite_link_args *)args, (tp_chat_invite_link_result *)out, err);
    case TP_METHOD_REVOKE_CHAT_INVITE_LINK: return tp_revoke_chat_invite_link(bot, (const tp_revoke_chat_invite_link_args *)args, (tp_chat_invite_link_result *)out, err);
    case TP_METHOD_APPROVE_CHAT_JOIN_REQUEST: return tp_approve_chat_join_request(bot, (const tp_approve_chat_join_request_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DECLINE_CHAT_JOIN_REQUEST: return tp_decline_chat_join_request(bot, (const tp_decline_chat_join_request_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_ANSWER_CHAT_JOIN_REQUEST_QUERY: return tp_answer_chat_join_request_query(bot, (const tp_answer_chat_join_request_query_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SEND_CHAT_JOIN_REQUEST_WEB_APP: return tp_send_chat_join_request_web_app(bot, (const tp_send_chat_join_request_web_app_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CHAT_PHOTO: return tp_set_chat_photo(bot, (const tp_set_chat_photo_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_CHAT_PHOTO: return tp_delete_chat_photo(bot, (const tp_delete_chat_photo_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CHAT_TITLE: return tp_set_chat_title(bot, (const tp_set_chat_title_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CHAT_DESCRIPTION: return tp_set_chat_description(bot, (const tp_set_chat_description_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_PIN_CHAT_MESSAGE: return tp_pin_chat_message(bot, (const tp_pin_chat_message_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UNPIN_CHAT_MESSAGE: return tp_unpin_chat_message(bot, (const tp_unpin_chat_message_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UNPIN_ALL_CHAT_MESSAGES: return tp_unpin_all_chat_messages(bot, (const tp_unpin_all_chat_messages_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_LEAVE_CHAT: return tp_leave_chat(bot, (const tp_leave_chat_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_CHAT: return tp_get_chat(bot, (const tp_get_chat_args *)args, (tp_chat_full_info_result *)out, err);
    case TP_METHOD_GET_CHAT_ADMINISTRATORS: return tp_get_chat_administrators(bot, (const tp_get_chat_administrators_args *)args, (tp_chat_member_list_result *)out, err);
    case TP_METHOD_GET_CHAT_MEMBER_COUNT: return tp_get_chat_member_count(bot, (const tp_get_chat_member_count_args *)args, (tp_int_result *)out, err);
    case TP_METHOD_GET_CHAT_MEMBER: return tp_get_chat_member(bot, (const tp_get_chat_member_args *)args, (tp_chat_member_result *)out, err);
    case TP_METHOD_GET_USER_PERSONAL_CHAT_MESSAGES: return tp_get_user_personal_chat_messages(bot, (const tp_get_user_personal_chat_messages_args *)args, (tp_message_list_result *)out, err);
    case TP_METHOD_SET_CHAT_STICKER_SET: return tp_set_chat_sticker_set(bot, (const tp_set_chat_sticker_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_CHAT_STICKER_SET: return tp_delete_chat_sticker_set(bot, (const tp_delete_chat_sticker_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_FORUM_TOPIC_ICON_STICKERS: return tp_get_forum_topic_icon_stickers(bot, (tp_sticker_list_result *)out, err);
    case TP_METHOD_CREATE_FORUM_TOPIC: return tp_create_forum_topic(bot, (const tp_create_forum_topic_args *)args, (tp_forum_topic_result *)out, err);
    case TP_METHOD_EDIT_FORUM_TOPIC: return tp_edit_forum_topic(bot, (const tp_edit_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_CLOSE_FORUM_TOPIC: return tp_close_forum_topic(bot, (const tp_close_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_REOPEN_FORUM_TOPIC: return tp_reopen_forum_topic(bot, (const tp_reopen_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_FORUM_TOPIC: return tp_delete_forum_topic(bot, (const tp_delete_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UNPIN_ALL_FORUM_TOPIC_MESSAGES: return tp_unpin_all_forum_topic_messages(bot, (const tp_unpin_all_forum_topic_messages_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_EDIT_GENERAL_FORUM_TOPIC: return tp_edit_general_forum_topic(bot, (const tp_edit_general_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_CLOSE_GENERAL_FORUM_TOPIC: return tp_close_general_forum_topic(bot, (const tp_close_general_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_REOPEN_GENERAL_FORUM_TOPIC: return tp_reopen_general_forum_topic(bot, (const tp_reopen_general_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_HIDE_GENERAL_FORUM_TOPIC: return tp_hide_general_forum_topic(bot, (const tp_hide_general_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UNHIDE_GENERAL_FORUM_TOPIC: return tp_unhide_general_forum_topic(bot, (const tp_unhide_general_forum_topic_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UNPIN_ALL_GENERAL_FORUM_TOPIC_MESSAGES: return tp_unpin_all_general_forum_topic_messages(bot, (const tp_unpin_all_general_forum_topic_messages_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_ANSWER_CALLBACK_QUERY: return tp_answer_callback_query(bot, (const tp_answer_callback_query_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_ANSWER_GUEST_QUERY: return tp_answer_guest_query(bot, (const tp_answer_guest_query_args *)args, (tp_sent_guest_message_result *)out, err);
    case TP_METHOD_GET_USER_CHAT_BOOSTS: return tp_get_user_chat_boosts(bot, (const tp_get_user_chat_boosts_args *)args, (tp_user_chat_boosts_result *)out, err);
    case TP_METHOD_GET_BUSINESS_CONNECTION: return tp_get_business_connection(bot, (const tp_get_business_connection_args *)args, (tp_business_connection_result *)out, err);
    case TP_METHOD_GET_MANAGED_BOT_TOKEN: return tp_get_managed_bot_token(bot, (const tp_get_managed_bot_token_args *)args, (tp_string_result *)out, err);
    case TP_METHOD_REPLACE_MANAGED_BOT_TOKEN: return tp_replace_managed_bot_token(bot, (const tp_replace_managed_bot_token_args *)args, (tp_string_result *)out, err);
    case TP_METHOD_GET_MANAGED_BOT_ACCESS_SETTINGS: return tp_get_managed_bot_access_settings(bot, (const tp_get_managed_bot_access_settings_args *)args, (tp_bot_access_settings_result *)out, err);
    case TP_METHOD_SET_MANAGED_BOT_ACCESS_SETTINGS: return tp_set_managed_bot_access_settings(bot, (const tp_set_managed_bot_access_settings_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_MY_COMMANDS: return tp_set_my_commands(bot, (const tp_set_my_commands_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_MY_COMMANDS: return tp_delete_my_commands(bot, (const tp_delete_my_commands_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_MY_COMMANDS: return tp_get_my_commands(bot, (const tp_get_my_commands_args *)args, (tp_bot_command_list_result *)out, err);
    case TP_METHOD_SET_MY_NAME: return tp_set_my_name(bot, (const tp_set_my_name_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_MY_NAME: return tp_get_my_name(bot, (const tp_get_my_name_args *)args, (tp_bot_name_result *)out, err);
    case TP_METHOD_SET_MY_DESCRIPTION: return tp_set_my_description(bot, (const tp_set_my_description_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_MY_DESCRIPTION: return tp_get_my_description(bot, (const tp_get_my_description_args *)args, (tp_bot_description_result *)out, err);
    case TP_METHOD_SET_MY_SHORT_DESCRIPTION: return tp_set_my_short_description(bot, (const tp_set_my_short_description_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_MY_SHORT_DESCRIPTION: return tp_get_my_short_description(bot, (const tp_get_my_short_description_args *)args, (tp_bot_short_description_result *)out, err);
    case TP_METHOD_SET_MY_PROFILE_PHOTO: return tp_set_my_profile_photo(bot, (const tp_set_my_profile_photo_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_REMOVE_MY_PROFILE_PHOTO: return tp_remove_my_profile_photo(bot, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CHAT_MENU_BUTTON: return tp_set_chat_menu_button(bot, (const tp_set_chat_menu_button_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_CHAT_MENU_BUTTON: return tp_get_chat_menu_button(bot, (const tp_get_chat_menu_button_args *)args, (tp_menu_button_result *)out, err);
    case TP_METHOD_SET_MY_DEFAULT_ADMINISTRATOR_RIGHTS: return tp_set_my_default_administrator_rights(bot, (const tp_set_my_default_administrator_rights_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_MY_DEFAULT_ADMINISTRATOR_RIGHTS: return tp_get_my_default_administrator_rights(bot, (const tp_get_my_default_administrator_rights_args *)args, (tp_chat_administrator_rights_result *)out, err);
    case TP_METHOD_GET_AVAILABLE_GIFTS: return tp_get_available_gifts(bot, (tp_gifts_result *)out, err);
    case TP_METHOD_SEND_GIFT: return tp_send_gift(bot, (const tp_send_gift_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GIFT_PREMIUM_SUBSCRIPTION: return tp_gift_premium_subscription(bot, (const tp_gift_premium_subscription_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_VERIFY_USER: return tp_verify_user(bot, (const tp_verify_user_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_VERIFY_CHAT: return tp_verify_chat(bot, (const tp_verify_chat_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_REMOVE_USER_VERIFICATION: return tp_remove_user_verification(bot, (const tp_remove_user_verification_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_REMOVE_CHAT_VERIFICATION: return tp_remove_chat_verification(bot, (const tp_remove_chat_verification_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_READ_BUSINESS_MESSAGE: return tp_read_business_message(bot, (const tp_read_business_message_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_BUSINESS_MESSAGES: return tp_delete_business_messages(bot, (const tp_delete_business_messages_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_BUSINESS_ACCOUNT_NAME: return tp_set_business_account_name(bot, (const tp_set_business_account_name_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_BUSINESS_ACCOUNT_USERNAME: return tp_set_business_account_username(bot, (const tp_set_business_account_username_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_BUSINESS_ACCOUNT_BIO: return tp_set_business_account_bio(bot, (const tp_set_business_account_bio_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_BUSINESS_ACCOUNT_PROFILE_PHOTO: return tp_set_business_account_profile_photo(bot, (const tp_set_business_account_profile_photo_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_REMOVE_BUSINESS_ACCOUNT_PROFILE_PHOTO: return tp_remove_business_account_profile_photo(bot, (const tp_remove_business_account_profile_photo_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_BUSINESS_ACCOUNT_GIFT_SETTINGS: return tp_set_business_account_gift_settings(bot, (const tp_set_business_account_gift_settings_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_BUSINESS_ACCOUNT_STAR_BALANCE: return tp_get_business_account_star_balance(bot, (const tp_get_business_account_star_balance_args *)args, (tp_star_amount_result *)out, err);
    case TP_METHOD_TRANSFER_BUSINESS_ACCOUNT_STARS: return tp_transfer_business_account_stars(bot, (const tp_transfer_business_account_stars_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_BUSINESS_ACCOUNT_GIFTS: return tp_get_business_account_gifts(bot, (const tp_get_business_account_gifts_args *)args, (tp_owned_gifts_result *)out, err);
    case TP_METHOD_GET_USER_GIFTS: return tp_get_user_gifts(bot, (const tp_get_user_gifts_args *)args, (tp_owned_gifts_result *)out, err);
    case TP_METHOD_GET_CHAT_GIFTS: return tp_get_chat_gifts(bot, (const tp_get_chat_gifts_args *)args, (tp_owned_gifts_result *)out, err);
    case TP_METHOD_CONVERT_GIFT_TO_STARS: return tp_convert_gift_to_stars(bot, (const tp_convert_gift_to_stars_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_UPGRADE_GIFT: return tp_upgrade_gift(bot, (const tp_upgrade_gift_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_TRANSFER_GIFT: return tp_transfer_gift(bot, (const tp_transfer_gift_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_POST_STORY: return tp_post_story(bot, (const tp_post_story_args *)args, (tp_story_result *)out, err);
    case TP_METHOD_REPOST_STORY: return tp_repost_story(bot, (const tp_repost_story_args *)args, (tp_story_result *)out, err);
    case TP_METHOD_EDIT_STORY: return tp_edit_story(bot, (const tp_edit_story_args *)args, (tp_story_result *)out, err);
    case TP_METHOD_DELETE_STORY: return tp_delete_story(bot, (const tp_delete_story_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_ANSWER_WEB_APP_QUERY: return tp_answer_web_app_query(bot, (const tp_answer_web_app_query_args *)args, (tp_sent_web_app_message_result *)out, err);
    case TP_METHOD_SAVE_PREPARED_INLINE_MESSAGE: return tp_save_prepared_inline_message(bot, (const tp_save_prepared_inline_message_args *)args, (tp_prepared_inline_message_result *)out, err);
    case TP_METHOD_SAVE_PREPARED_KEYBOARD_BUTTON: return tp_save_prepared_keyboard_button(bot, (const tp_save_prepared_keyboard_button_args *)args, (tp_prepared_keyboard_button_result *)out, err);
    case TP_METHOD_EDIT_MESSAGE_TEXT: return tp_edit_message_text(bot, (const tp_edit_message_text_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_EDIT_MESSAGE_CAPTION: return tp_edit_message_caption(bot, (const tp_edit_message_caption_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_EDIT_MESSAGE_MEDIA: return tp_edit_message_media(bot, (const tp_edit_message_media_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_EDIT_MESSAGE_LIVE_LOCATION: return tp_edit_message_live_location(bot, (const tp_edit_message_live_location_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_STOP_MESSAGE_LIVE_LOCATION: return tp_stop_message_live_location(bot, (const tp_stop_message_live_location_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_EDIT_MESSAGE_CHECKLIST: return tp_edit_message_checklist(bot, (const tp_edit_message_checklist_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_EDIT_MESSAGE_REPLY_MARKUP: return tp_edit_message_reply_markup(bot, (const tp_edit_message_reply_markup_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_STOP_POLL: return tp_stop_poll(bot, (const tp_stop_poll_args *)args, (tp_poll_result *)out, err);
    case TP_METHOD_APPROVE_SUGGESTED_POST: return tp_approve_suggested_post(bot, (const tp_approve_suggested_post_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DECLINE_SUGGESTED_POST: return tp_decline_suggested_post(bot, (const tp_decline_suggested_post_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_MESSAGE: return tp_delete_message(bot, (const tp_delete_message_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_MESSAGES: return tp_delete_messages(bot, (const tp_delete_messages_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_MESSAGE_REACTION: return tp_delete_message_reaction(bot, (const tp_delete_message_reaction_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_ALL_MESSAGE_REACTIONS: return tp_delete_all_message_reactions(bot, (const tp_delete_all_message_reactions_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SEND_STICKER: return tp_send_sticker(bot, (const tp_send_sticker_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_GET_STICKER_SET: return tp_get_sticker_set(bot, (const tp_get_sticker_set_args *)args, (tp_sticker_set_result *)out, err);
    case TP_METHOD_GET_CUSTOM_EMOJI_STICKERS: return tp_get_custom_emoji_stickers(bot, (const tp_get_custom_emoji_stickers_args *)args, (tp_sticker_list_result *)out, err);
    case TP_METHOD_UPLOAD_STICKER_FILE: return tp_upload_sticker_file(bot, (const tp_upload_sticker_file_args *)args, (tp_file_result *)out, err);
    case TP_METHOD_CREATE_NEW_STICKER_SET: return tp_create_new_sticker_set(bot, (const tp_create_new_sticker_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_ADD_STICKER_TO_SET: return tp_add_sticker_to_set(bot, (const tp_add_sticker_to_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_STICKER_POSITION_IN_SET: return tp_set_sticker_position_in_set(bot, (const tp_set_sticker_position_in_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_STICKER_FROM_SET: return tp_delete_sticker_from_set(bot, (const tp_delete_sticker_from_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_REPLACE_STICKER_IN_SET: return tp_replace_sticker_in_set(bot, (const tp_replace_sticker_in_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_STICKER_EMOJI_LIST: return tp_set_sticker_emoji_list(bot, (const tp_set_sticker_emoji_list_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_STICKER_KEYWORDS: return tp_set_sticker_keywords(bot, (const tp_set_sticker_keywords_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_STICKER_MASK_POSITION: return tp_set_sticker_mask_position(bot, (const tp_set_sticker_mask_position_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_STICKER_SET_TITLE: return tp_set_sticker_set_title(bot, (const tp_set_sticker_set_title_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_STICKER_SET_THUMBNAIL: return tp_set_sticker_set_thumbnail(bot, (const tp_set_sticker_set_thumbnail_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_CUSTOM_EMOJI_STICKER_SET_THUMBNAIL: return tp_set_custom_emoji_sticker_set_thumbnail(bot, (const tp_set_custom_emoji_sticker_set_thumbnail_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_DELETE_STICKER_SET: return tp_delete_sticker_set(bot, (const tp_delete_sticker_set_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SEND_RICH_MESSAGE: return tp_send_rich_message(bot, (const tp_send_rich_message_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SEND_RICH_MESSAGE_DRAFT: return tp_send_rich_message_draft(bot, (const tp_send_rich_message_draft_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_ANSWER_INLINE_QUERY: return tp_answer_inline_query(bot, (const tp_answer_inline_query_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SEND_INVOICE: return tp_send_invoice(bot, (const tp_send_invoice_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_CREATE_INVOICE_LINK: return tp_create_invoice_link(bot, (const tp_create_invoice_link_args *)args, (tp_string_result *)out, err);
    case TP_METHOD_ANSWER_SHIPPING_QUERY: return tp_answer_shipping_query(bot, (const tp_answer_shipping_query_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_ANSWER_PRE_CHECKOUT_QUERY: return tp_answer_pre_checkout_query(bot, (const tp_answer_pre_checkout_query_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_GET_MY_STAR_BALANCE: return tp_get_my_star_balance(bot, (tp_star_amount_result *)out, err);
    case TP_METHOD_GET_STAR_TRANSACTIONS: return tp_get_star_transactions(bot, (const tp_get_star_transactions_args *)args, (tp_star_transactions_result *)out, err);
    case TP_METHOD_REFUND_STAR_PAYMENT: return tp_refund_star_payment(bot, (const tp_refund_star_payment_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_EDIT_USER_STAR_SUBSCRIPTION: return tp_edit_user_star_subscription(bot, (const tp_edit_user_star_subscription_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SET_PASSPORT_DATA_ERRORS: return tp_set_passport_data_errors(bot, (const tp_set_passport_data_errors_args *)args, (tp_bool_result *)out, err);
    case TP_METHOD_SEND_GAME: return tp_send_game(bot, (const tp_send_game_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_SET_GAME_SCORE: return tp_set_game_score(bot, (const tp_set_game_score_args *)args, (tp_message_result *)out, err);
    case TP_METHOD_GET_GAME_HIGH_SCORES: return tp_get_game_high_scores(bot, (const tp_get_game_high_scores_args *)args, (tp_game_high_score_list_result *)out, err);
    default: /* no such method: TP_ERR_INVALID, and doc and json zero as after any failure */
        if (out) { /* every result struct starts with doc and json */
            ((tp_bool_result *)out)->doc = NULL;
            ((tp_bool_result *)out)->json = NULL;
        }
        return tp_call_desc(bot, NULL, NULL, 0, 0, 0, -1, NULL, NULL, err);
    }
}
/* END GENERATED declarations */

/* >>keyboards ---------------------------------------------------------------------------------
   Keyboards (reply_markup). The common ones in one expression (C99: compound literals, so not
   in C++), telepot's {'keyboard': [['Yes', 'No'], ['Maybe', 'Maybe not']]}:
       .reply_markup = TP_REPLY_KEYBOARD(TP_LABELS("Yes", "No"), TP_LABELS("Maybe", "Maybe not"))
       .reply_markup = TP_INLINE_KEYBOARD(TP_PAIRS("Yes", "y", "No", "n"), TP_PAIRS("Later", "l"))
   TP_LABELS is one row of button texts, TP_PAIRS one row of (text, callback_data) pairs; the
   storage (a tp_keyboard_store) is a compound literal, alive until the end of the enclosing
   block, so the markup lives through the call it is written in. At most TP_KEYBOARD_MAX
   buttons (more asserts). Any other keyboard, with the general builders below:
       tp_inline_keyboard_button row[] = { tp_button_cb("Yes", "y"), tp_button_url("Docs", url) };
       tp_inline_keyboard_button_list rows[] = { TP_ROW(row) };
       tp_inline_keyboard_markup kb = tp_inline_keyboard(rows, 1);
       tp_reply_markup mk = tp_markup_inline(&kb);
       tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(id), .text = "?",
                                                     .reply_markup = &mk }, NULL, NULL);
   Everything is borrowed: keep the arrays alive until the call returns. */
#define TP_LABELS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define TP_PAIRS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define TP_REPLY_KEYBOARD(...) \
    tp_keyboard_of(&(tp_keyboard_store){0}, (const char *const *const[]){__VA_ARGS__, NULL}, false)
#define TP_INLINE_KEYBOARD(...) \
    tp_keyboard_of(&(tp_keyboard_store){0}, (const char *const *const[]){__VA_ARGS__, NULL}, true)
#define TP_KEYBOARD_MAX 48 /* buttons of one TP_REPLY_KEYBOARD / TP_INLINE_KEYBOARD */
typedef struct tp_keyboard_store {
    union {
        tp_keyboard_button reply[TP_KEYBOARD_MAX];
        tp_inline_keyboard_button inline_[TP_KEYBOARD_MAX];
    } buttons;
    union {
        tp_keyboard_button_list reply[TP_KEYBOARD_MAX];
        tp_inline_keyboard_button_list inline_[TP_KEYBOARD_MAX];
    } rows;
    union {
        tp_reply_keyboard_markup reply;
        tp_inline_keyboard_markup inline_;
    } keyboard;
    tp_reply_markup markup;
} tp_keyboard_store;
/* Fills st from rows (a NULL-terminated list of NULL-terminated rows: labels, or text and
   callback_data pairs when is_inline) and returns &st->markup. What TP_REPLY_KEYBOARD and
   TP_INLINE_KEYBOARD expand to; callable as is (and from C++) with arrays of your own. */
TP_API const tp_reply_markup *tp_keyboard_of(tp_keyboard_store *st,
                                             const char *const *const *rows, bool is_inline);
#define TP_ROW(array_) { (array_), sizeof(array_) / sizeof((array_)[0]) }
TP_API tp_inline_keyboard_button tp_button_cb(const char *text, const char *callback_data);
TP_API tp_inline_keyboard_button tp_button_url(const char *text, const char *url);
TP_API tp_keyboard_button tp_reply_button(const char *text); /* a reply keyboard's button */
TP_API tp_keyboard_button tp_key(const char *text) TP__DEPRECATED("tp_reply_button");
TP_API tp_inline_keyboard_markup tp_inline_keyboard(const tp_inline_keyboard_button_list *rows,
                                                    size_t nrows);
/* A reply keyboard; resize: resize_keyboard, one_time: one_time_keyboard. */
TP_API tp_reply_keyboard_markup tp_reply_keyboard(const tp_keyboard_button_list *rows,
                                                  size_t nrows, bool resize, bool one_time);
TP_API tp_reply_markup tp_markup_inline(const tp_inline_keyboard_markup *m);
TP_API tp_reply_markup tp_markup_reply(const tp_reply_keyboard_markup *m);
/* {"remove_keyboard":true} and {"force_reply":true}; static storage, nothing to keep alive. */
TP_API tp_reply_markup tp_markup_remove(void);
TP_API tp_reply_markup tp_markup_force_reply(void);

#ifdef __cplusplus
}
#endif
#endif /* TELEPOT_H */

/* >>impl ======================================================================================
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
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
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

/* Flags and pointers shared between threads and signal handlers (the bot's stop flag, the
   receiver's shutdown flag, the signal slots) are read and written through these: atomic,
   sequentially consistent; plain volatile accesses where the compiler lacks the builtins. */
#if defined(__GNUC__) || defined(__clang__)
#define TP__LOAD(x) __atomic_load_n(&(x), __ATOMIC_SEQ_CST)
#define TP__STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_SEQ_CST)
#define TP__ADD(x, v) __atomic_add_fetch(&(x), (v), __ATOMIC_SEQ_CST)
#else
#define TP__LOAD(x) (x)
#define TP__STORE(x, v) ((x) = (v))
#define TP__ADD(x, v) ((x) += (v))
#endif

/* Timed waits on condition variables use the monotonic clock where the system has clock
   selection (not macOS), so setting the wall clock neither cuts a wait short nor makes it
   outlast its deadline; elsewhere the wall clock. */
#if defined(_POSIX_CLOCK_SELECTION) && _POSIX_CLOCK_SELECTION >= 0 && !defined(__APPLE__)
#define TP__COND_CLOCK CLOCK_MONOTONIC
#else
#define TP__COND_CLOCK CLOCK_REALTIME
#endif

static int tp__cond_init(pthread_cond_t *c) {
    pthread_condattr_t a;
    int rc;
    if (pthread_condattr_init(&a) != 0) return pthread_cond_init(c, NULL);
#if defined(_POSIX_CLOCK_SELECTION) && _POSIX_CLOCK_SELECTION >= 0 && !defined(__APPLE__)
    (void)pthread_condattr_setclock(&a, TP__COND_CLOCK);
#endif
    rc = pthread_cond_init(c, &a);
    pthread_condattr_destroy(&a);
    return rc;
}

/* Waits on c at most ms (m held); may return early, as any condition wait may. */
static void tp__cond_wait_ms(pthread_cond_t *c, pthread_mutex_t *m, int64_t ms) {
    struct timespec ts;
    if (ms < 0) ms = 0;
    clock_gettime(TP__COND_CLOCK, &ts);
    ts.tv_sec += (time_t)(ms / 1000);
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    (void)pthread_cond_timedwait(c, m, &ts);
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

/* >>net (impl) --------------------------------------------------------------------------------
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

/* Waits until fd is ready for `events`, the deadline passes, or wake_fd (-1: none) fires. */
static tp_err tp__wait_fd(int fd, short events, int wake_fd, int64_t deadline, tp_error *err) {
    struct pollfd pf[2];
    int n, rc;
    for (;;) {
        pf[0].fd = fd;
        pf[0].events = events;
        pf[0].revents = 0;
        n = 1;
        if (wake_fd >= 0) {
            pf[1].fd = wake_fd;
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

/* The same for a connection's socket and stop pipe. */
static tp_err tp__net_wait(tp__conn *c, short events, int64_t deadline, tp_error *err) {
    return tp__wait_fd(c->fd, events, c->wake_fd, deadline, err);
}

/* Sockets are made close-on-exec atomically where the system can (SOCK_CLOEXEC), so a fork
   and exec in another thread never inherits one; elsewhere, and for pipes and accepted
   sockets (pipe2 and accept4 are not POSIX.1-2008), FD_CLOEXEC is set right after. */
#ifdef SOCK_CLOEXEC
#define TP__SOCK_CLOEXEC SOCK_CLOEXEC
#else
#define TP__SOCK_CLOEXEC 0
#endif

static tp_err tp__set_nonblock(int fd) {
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) return TP_ERR_IO;
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    return TP_OK;
}

/* Name resolution. getaddrinfo has no deadline and cannot be interrupted, so a name (not a
   numeric address) is resolved by a short-lived detached thread while the caller waits on a
   pipe with its deadline and stop pipe; a caller that gives up leaves the thread to finish
   and free everything (the last of the two references does). */
typedef struct tp__gai {
    pthread_mutex_t mu;
    int refs;    /* the caller and the thread */
    int done[2]; /* a pipe: the thread writes a byte when res/rc are set */
    int rc, sys_errno;
    struct addrinfo *res;
    char host[256], port[16];
} tp__gai;

/* getaddrinfo for a stream socket, IPv4 and IPv6; a loopback-only machine (where
   AI_ADDRCONFIG hides ::1 and 127.0.0.1) gets a second try without it. */
static int tp__gai_stream(const char *host, const char *port, struct addrinfo **res) {
    struct addrinfo hints;
    int rc;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    rc = getaddrinfo(host, port, &hints, res);
#ifdef EAI_ADDRFAMILY
    if (rc == EAI_ADDRFAMILY) rc = EAI_NONAME;
#endif
    if (rc == EAI_NONAME) {
        hints.ai_flags = 0;
        rc = getaddrinfo(host, port, &hints, res);
    }
    return rc;
}

static void tp__gai_unref(tp__gai *g) {
    int left;
    pthread_mutex_lock(&g->mu);
    left = --g->refs;
    pthread_mutex_unlock(&g->mu);
    if (left) return;
    if (g->res) freeaddrinfo(g->res);
    close(g->done[0]);
    close(g->done[1]);
    pthread_mutex_destroy(&g->mu);
    tp__free(g);
}

static void *tp__gai_thread(void *arg) {
    tp__gai *g = (tp__gai *)arg;
    struct addrinfo *res = NULL;
    int rc = tp__gai_stream(g->host, g->port, &res), e = errno;
    pthread_mutex_lock(&g->mu);
    g->rc = rc;
    g->sys_errno = e;
    g->res = res;
    pthread_mutex_unlock(&g->mu);
    (void)!write(g->done[1], "", 1); /* the read end lives as long as g */
    tp__gai_unref(g);
    return NULL;
}

static bool tp__is_numeric_host(const char *host) {
    unsigned char a[16];
    return inet_pton(AF_INET, host, a) == 1 || inet_pton(AF_INET6, host, a) == 1;
}

/* Resolves host:port before the deadline; wake_fd (-1: none) readable means stop. */
static tp_err tp__resolve(const char *host, const char *port, int wake_fd, int64_t deadline,
                          struct addrinfo **out, tp_error *err) {
    tp__gai *g = NULL;
    pthread_t th;
    pthread_attr_t at;
    sigset_t all, old;
    int rc = 0, started = 0, sys_errno = 0;
    *out = NULL;
    if (!tp__is_numeric_host(host) && strlen(host) < sizeof g->host && strlen(port) < sizeof g->port)
        g = (tp__gai *)tp__alloc(sizeof *g);
    if (g) {
        memset(g, 0, sizeof *g);
        strcpy(g->host, host);
        strcpy(g->port, port);
        g->refs = 2;
        if (pipe(g->done) != 0) {
            tp__free(g);
            g = NULL;
        }
    }
    if (g) {
        (void)fcntl(g->done[0], F_SETFD, FD_CLOEXEC);
        (void)fcntl(g->done[1], F_SETFD, FD_CLOEXEC);
        pthread_mutex_init(&g->mu, NULL);
        sigfillset(&all); /* the program's signals go to its own threads, never this one */
        pthread_sigmask(SIG_SETMASK, &all, &old);
        if (pthread_attr_init(&at) == 0) {
            (void)pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
            started = pthread_create(&th, &at, tp__gai_thread, g) == 0;
            pthread_attr_destroy(&at);
        }
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (!started) { /* no thread to be had: resolve here, without a deadline */
            g->refs = 1;
            tp__gai_unref(g);
            g = NULL;
        }
    }
    if (!g) {
        rc = tp__gai_stream(host, port, out);
        sys_errno = errno;
    } else {
        tp_err w = tp__wait_fd(g->done[0], POLLIN, wake_fd, deadline, err);
        if (w != TP_OK) {
            tp__gai_unref(g); /* the thread finishes alone */
            if (w == TP_ERR_TIMEOUT)
                return tp__fail(err, TP_ERR_TIMEOUT, 0, "resolving %s timed out", host);
            return w;
        }
        pthread_mutex_lock(&g->mu);
        rc = g->rc;
        sys_errno = g->sys_errno;
        *out = g->res;
        g->res = NULL;
        pthread_mutex_unlock(&g->mu);
        tp__gai_unref(g);
    }
    if (rc != 0 || !*out) {
        if (*out) freeaddrinfo(*out);
        *out = NULL;
        return tp__fail(err, TP_ERR_RESOLVE, rc == EAI_SYSTEM ? sys_errno : 0,
                        "cannot resolve %s: %s", host, rc ? gai_strerror(rc) : "no address");
    }
    return TP_OK;
}

/* One connection attempt: a non-blocking socket with connect() under way (or done). Returns
   the socket, or -1 with *e set to the errno of a failure that came at once. */
static int tp__connect_start(const struct addrinfo *ai, bool *done, int *e) {
    int one = 1, fd = socket(ai->ai_family, ai->ai_socktype | TP__SOCK_CLOEXEC, ai->ai_protocol);
    *done = false;
    if (fd < 0 || tp__set_nonblock(fd) != TP_OK) {
        *e = errno;
        if (fd >= 0) close(fd);
        return -1;
    }
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
    (void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
        *done = true;
        return fd;
    }
    if (errno == EINPROGRESS || errno == EINTR) return fd;
    *e = errno;
    close(fd);
    return -1;
}

#define TP__CONNECT_MAX 16       /* addresses tried per connect */
#define TP__CONNECT_STAGGER 250  /* ms before the next address joins the race (RFC 8305) */

/* Connects to the first address of host that answers, within the deadline. The addresses
   race as in Happy Eyeballs (RFC 8305): families alternate (IPv6, IPv4, ... in the
   resolver's order), and each attempt that has not connected after 250 ms (half the time
   left, when that is shorter) is joined by the next one, so a blackholed address in front of
   a working one costs 250 ms, not the deadline. A refusal starts the next attempt at once.
   The first to connect wins. Only the first 16 addresses are tried. */
static tp_err tp__net_connect(tp__conn *c, const char *host, const char *port, int64_t deadline,
                              tp_error *err) {
    struct addrinfo *res = NULL, *ai, *order[TP__CONNECT_MAX];
    struct pollfd pf[TP__CONNECT_MAX + 1];
    int fds[TP__CONNECT_MAX], nfd = 0, naddr = 0, next = 0, last_errno = 0, winner = -1, i;
    int64_t next_at = 0;
    bool timed_out = false, stopped = false;
    tp_err rc = tp__resolve(host, port, c->wake_fd, deadline, &res, err);
    if (rc != TP_OK) return rc;
    { /* interleave the families, each in the resolver's order */
        struct addrinfo *fam[2][TP__CONNECT_MAX];
        int nf[2] = {0, 0}, k, first = res ? res->ai_family : 0;
        for (ai = res; ai; ai = ai->ai_next) {
            k = ai->ai_family == first ? 0 : 1;
            if (nf[k] < TP__CONNECT_MAX) fam[k][nf[k]++] = ai;
        }
        for (k = 0; naddr < TP__CONNECT_MAX && (k < nf[0] || k < nf[1]); k++) {
            if (k < nf[0]) order[naddr++] = fam[0][k];
            if (k < nf[1] && naddr < TP__CONNECT_MAX) order[naddr++] = fam[1][k];
        }
    }
    while (winner < 0) {
        int64_t now = tp_now_ms(), until;
        int n, np;
        if (next < naddr && (nfd == 0 || now >= next_at)) { /* another address joins */
            bool done;
            int e = 0, fd = tp__connect_start(order[next++], &done, &e);
            if (fd < 0) {
                last_errno = e;
                continue;
            }
            if (done) {
                winner = fd;
                break;
            }
            fds[nfd++] = fd;
            /* a short deadline still gives the next address its turn */
            next_at = now + (deadline - now < 2 * TP__CONNECT_STAGGER ? (deadline - now) / 2
                                                                      : TP__CONNECT_STAGGER);
        }
        if (nfd == 0) break; /* every address failed at once */
        if (now >= deadline) {
            timed_out = true;
            break;
        }
        until = next < naddr && next_at < deadline ? next_at : deadline;
        for (i = 0; i < nfd; i++) {
            pf[i].fd = fds[i];
            pf[i].events = POLLOUT;
            pf[i].revents = 0;
        }
        np = nfd;
        if (c->wake_fd >= 0) {
            pf[np].fd = c->wake_fd;
            pf[np].events = POLLIN;
            pf[np].revents = 0;
            np++;
        }
        n = poll(pf, (nfds_t)np, tp__ms_left(until));
        if (n < 0 && errno != EINTR) {
            last_errno = errno;
            break;
        }
        if (n <= 0) continue;
        if (c->wake_fd >= 0 && pf[nfd].revents) {
            stopped = true;
            break;
        }
        for (i = nfd - 1; i >= 0 && winner < 0; i--) {
            int soerr = 0;
            socklen_t len = sizeof soerr;
            if (!pf[i].revents) continue;
            if (getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &soerr, &len) == 0 && soerr == 0) {
                winner = fds[i];
                fds[i] = fds[--nfd];
                break;
            }
            last_errno = soerr ? soerr : errno;
            close(fds[i]);
            fds[i] = fds[--nfd];
            next_at = 0; /* a failure makes room for the next address at once */
        }
    }
    for (i = 0; i < nfd; i++) close(fds[i]); /* the attempts that lost */
    freeaddrinfo(res);
    if (winner >= 0) {
        int fl = fcntl(winner, F_GETFL, 0); /* reads block under SO_RCVTIMEO from now on */
        if (fl >= 0) (void)fcntl(winner, F_SETFL, fl & ~O_NONBLOCK);
        c->fd = winner;
        return TP_OK;
    }
    if (stopped) return tp__fail(err, TP_ERR_STOPPED, 0, "stopped");
    if (timed_out)
        return tp__fail(err, TP_ERR_TIMEOUT, 0, "connecting to %s:%s timed out", host, port);
    {
        tp_err last = last_errno ? tp__errno_code(last_errno) : TP_ERR_CONNECT;
        if (last == TP_ERR_IO || last == TP_ERR_RESET) last = TP_ERR_CONNECT;
        return tp__fail(err, last, last_errno, "cannot connect to %s:%s: %s", host, port,
                        last_errno ? strerror(last_errno) : "no address");
    }
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

/* write() that reports a pipe or socket without a reader as EPIPE instead of killing the
   process with SIGPIPE. Where the system has a per-descriptor switch (macOS: SIGPIPE there
   goes to the process, so a thread's mask is not enough) it is set for the call; elsewhere
   the signal is blocked in this thread for the call, and one the call raised is taken back
   with sigwait (it is pending, so that returns at once; one already pending stays). */
static ssize_t tp__write_nosig(int fd, const void *buf, size_t n) {
    ssize_t w;
    int e;
#ifdef F_SETNOSIGPIPE
    int was = fcntl(fd, F_GETNOSIGPIPE);
    if (was == 0) (void)fcntl(fd, F_SETNOSIGPIPE, 1);
    w = write(fd, buf, n);
    e = errno;
    if (was == 0) (void)fcntl(fd, F_SETNOSIGPIPE, 0);
#else
    sigset_t pipe_set, old, pending;
    bool was_pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    if (pthread_sigmask(SIG_BLOCK, &pipe_set, &old) != 0) return write(fd, buf, n);
    was_pending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE);
    w = write(fd, buf, n);
    e = errno;
    if (w < 0 && e == EPIPE && !was_pending && sigpending(&pending) == 0 &&
        sigismember(&pending, SIGPIPE)) {
        int sig;
        (void)sigwait(&pipe_set, &sig);
    }
    (void)pthread_sigmask(SIG_SETMASK, &old, NULL);
#endif
    errno = e;
    return w;
}

/* Writes all of buf to a (possibly non-blocking) file descriptor; to a regular file with a
   plain write(), to anything else (a pipe, a socket, a terminal) without SIGPIPE. */
/* Writes all of buf to fd (a download's destination). A pipe or socket whose reader stalls
   must not hold the call past its deadline: its writes wait for room with poll (deadline and
   wake fd) and go at most PIPE_BUF bytes at a time, which a pipe that polled writable takes
   without blocking. Regular files are written as they are. */
static tp_err tp__write_all(int fd, const char *buf, size_t n, int64_t deadline, int wake_fd,
                            tp_error *err) {
    struct stat sb;
    bool plain = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
    while (n > 0) {
        size_t k = n;
        ssize_t w;
        if (!plain) {
            tp_err rc = tp__wait_fd(fd, POLLOUT, wake_fd, deadline, err);
            if (rc == TP_ERR_TIMEOUT)
                return tp__fail(err, TP_ERR_TIMEOUT, 0, "writing the download: the reader "
                                "stalled past the deadline");
            if (rc != TP_OK) return rc;
            if (k > PIPE_BUF) k = PIPE_BUF;
        }
        w = plain ? write(fd, buf, k) : tp__write_nosig(fd, buf, k);
        if (w < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
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
        struct addrinfo *res = NULL;
        tp_err g = tp__resolve(host, port, c->wake_fd, deadline, &res, err);
        if (g != TP_OK) return g;
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

/* >>tls (impl) --------------------------------------------------------------------------------
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
    bool tas_borrowed;   /* a sibling's anchors belong to the first connection of its bot */
    unsigned char *iobuf;
    br_ssl_session_parameters session;
    bool have_session;
    struct tp__tls_store *store; /* a bot's connections share their latest session */
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

/* The session a bot's connections share, so that each new connection of its pool resumes
   it instead of making a full handshake. Owned by the bot's first connection. */
typedef struct tp__tls_store {
    pthread_mutex_t lock;
    br_ssl_session_parameters session;
    bool have;
    tp__tls *owner;
} tp__tls_store;

static void tp__tls_free(tp__tls *t) {
    if (!t) return;
    if (!t->tas_borrowed) tp__tas_free(t);
    if (t->store && t->store->owner == t) {
        pthread_mutex_destroy(&t->store->lock);
        tp__free(t->store);
    }
    tp__free(t->iobuf);
    tp__free(t);
}

/* Creates the engine for one host: trust anchors from ca_file, else $TELEPOT_CA_FILE, else
   $SSL_CERT_FILE, else the system bundle. */
/* The client profile: TLS 1.2 with forward secrecy and AEAD only - ECDHE with ECDSA or RSA
   certificates, AES-GCM or ChaCha20-Poly1305 - which api.telegram.org and every current
   server offer. BearSSL's "full" profile also carries TLS 1.0/1.1, CBC, CCM, 3DES and static
   RSA key exchange; leaving them out keeps a static HTTPS bot small. Define TELEPOT_TLS_FULL
   for the full profile (an old local Bot API server behind an old proxy). */
static void tp__tls_client_profile(br_ssl_client_context *cc, br_x509_minimal_context *xc,
                                   const br_x509_trust_anchor *tas, size_t ntas) {
#ifdef TELEPOT_TLS_FULL
    br_ssl_client_init_full(cc, xc, tas, ntas);
#else
    static const uint16_t suites[] = {
        BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,       BR_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        BR_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,       BR_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        BR_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, BR_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256};
    static const br_hash_class *const hashes[] = {&br_sha1_vtable, &br_sha224_vtable,
                                                  &br_sha256_vtable, &br_sha384_vtable,
                                                  &br_sha512_vtable};
    size_t i;
    br_ssl_client_zero(cc);
    br_ssl_engine_set_versions(&cc->eng, BR_TLS12, BR_TLS12);
    br_ssl_engine_set_suites(&cc->eng, suites, sizeof suites / sizeof suites[0]);
    br_x509_minimal_init(xc, &br_sha256_vtable, tas, ntas);
    br_ssl_engine_set_x509(&cc->eng, &xc->vtable);
    for (i = 0; i < sizeof hashes / sizeof hashes[0]; i++) { /* certificates may use any */
        int id = (int)((hashes[i]->desc >> BR_HASHDESC_ID_OFF) & BR_HASHDESC_ID_MASK);
        br_ssl_engine_set_hash(&cc->eng, id, hashes[i]);
        br_x509_minimal_set_hash(xc, id, hashes[i]);
    }
    br_ssl_engine_set_default_rsavrfy(&cc->eng);
    br_ssl_engine_set_default_ecdsa(&cc->eng);
    br_x509_minimal_set_rsa(xc, br_ssl_engine_get_rsavrfy(&cc->eng));
    br_x509_minimal_set_ecdsa(xc, br_ssl_engine_get_ec(&cc->eng), br_ssl_engine_get_ecdsa(&cc->eng));
    br_ssl_engine_set_prf_sha256(&cc->eng, &br_tls12_sha256_prf);
    br_ssl_engine_set_prf_sha384(&cc->eng, &br_tls12_sha384_prf);
    br_ssl_engine_set_default_aes_gcm(&cc->eng);
    br_ssl_engine_set_default_chapol(&cc->eng);
#endif
}

/* The client engine over t's anchors, with the certificate wrapper and the I/O buffer. */
static void tp__tls_client_setup(tp__tls *t) {
    tp__tls_client_profile(&t->u.sc, &t->x.minimal, t->tas, t->ntas);
    t->eng = &t->u.sc.eng;
    t->x.vtable = &tp__x509_vtable;
    t->x.tls = t;
    br_ssl_engine_set_x509(t->eng, &t->x.vtable);
    br_ssl_engine_set_buffer(t->eng, t->iobuf, BR_SSL_BUFSIZE_BIDI, 1);
}

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
    tp__tls_client_setup(t);
    return t;
}

/* Makes t share its sessions with siblings made later (call before any other thread uses t). */
static bool tp__tls_store_init(tp__tls *t) {
    tp__tls_store *st;
    if (t->store) return true;
    st = (tp__tls_store *)tp__alloc(sizeof *st);
    if (!st) return false;
    memset(st, 0, sizeof *st);
    pthread_mutex_init(&st->lock, NULL);
    st->owner = t;
    t->store = st;
    return true;
}

/* A second engine for the same host: it borrows t's trust anchors and shares its session
   store (t must outlive it). */
static tp__tls *tp__tls_sibling(const tp__tls *t, tp_error *err) {
    tp__tls *s = (tp__tls *)tp__alloc(sizeof *s);
    if (!s) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(s, 0, sizeof *s);
    s->iobuf = (unsigned char *)tp__alloc(BR_SSL_BUFSIZE_BIDI);
    if (!s->iobuf) {
        tp__free(s);
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    s->tas = t->tas;
    s->ntas = t->ntas;
    s->tas_borrowed = true;
    s->store = t->store;
    tp__strlcpy(s->host, t->host, sizeof s->host);
    tp__tls_client_setup(s);
    return s;
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
    if (t->store) { /* the latest session any connection of the bot made */
        pthread_mutex_lock(&t->store->lock);
        if (t->store->have) {
            t->session = t->store->session;
            t->have_session = true;
        }
        pthread_mutex_unlock(&t->store->lock);
    }
    if (t->have_session) br_ssl_engine_set_session_parameters(eng, &t->session);
    if (!br_ssl_client_reset(&t->u.sc, t->host, t->have_session ? 1 : 0))
        return tp__tls_fail(c, err);
    t->ra_pos = t->ra_len = 0;
    t->handshaken = false;
    t->got_bytes = false;
    rc = tp__tls_run(c, BR_SSL_SENDAPP, deadline, err);
    if (rc != TP_OK) {
        if (t->store && t->have_session) {
            pthread_mutex_lock(&t->store->lock);
            if (t->store->have && t->store->session.session_id_len == t->session.session_id_len &&
                memcmp(t->store->session.session_id, t->session.session_id,
                       t->session.session_id_len) == 0)
                t->store->have = false;
            pthread_mutex_unlock(&t->store->lock);
        }
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
        if (t->store && t->have_session) {
            pthread_mutex_lock(&t->store->lock);
            t->store->session = now;
            t->store->have = true;
            pthread_mutex_unlock(&t->store->lock);
        }
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
   cache: a server shared by threads would need one with a lock. The webhook receiver (>>hook)
   loads one key and makes an engine per connection. */

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
static tp_err tp__tls_key_load(tp__tls_key *k, const char *cert_file, const char *key_file,
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
static tp__tls *tp__tls_server_new(const tp__tls_key *k, tp_error *err) {
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
static tp_err tp__tls_accept(tp__conn *c, int64_t deadline, tp_error *err) {
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

/* >>http (impl) -------------------------------------------------------------------------------
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

/* Another client for the same origin with the same options: no URL, proxy or trust-anchor
   work again (the TLS engine borrows proto's anchors and shares its session store, so proto
   must outlive it). For a bot's pool of connections. */
static tp_http *tp__http_clone(const tp_http *proto, tp_error *err) {
    tp_http *h = (tp_http *)tp__alloc(sizeof *h);
    if (!h) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(h, 0, sizeof *h);
    h->conn.fd = -1;
    h->conn.wake_fd = -1;
    memcpy(h->host, proto->host, sizeof h->host);
    memcpy(h->port, proto->port, sizeof h->port);
    memcpy(h->hosthdr, proto->hosthdr, sizeof h->hosthdr);
    h->https = proto->https;
    h->proxy = proto->proxy;
    h->connect_timeout_ms = proto->connect_timeout_ms;
    h->timeout_ms = proto->timeout_ms;
    h->max_header = proto->max_header;
    h->max_body = proto->max_body;
    h->rcap = proto->rcap;
    h->rbuf = (char *)tp__alloc(h->rcap + 1);
#ifdef TELEPOT_BEARSSL
    if (h->rbuf && proto->conn.tls) {
        h->conn.tls = tp__tls_sibling(proto->conn.tls, err);
        if (!h->conn.tls) {
            tp__free(h->rbuf);
            tp__free(h);
            return NULL;
        }
    }
#endif
    if (!h->rbuf) {
        tp__free(h);
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
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
                               const char *boundary, int64_t deadline, tp__mpbody *m,
                               tp_error *err) {
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
        } else if (pt->fd > 0 || (pt->use_fd && pt->fd >= 0)) {
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
                int fl = fcntl(pt->fd, F_GETFL);
                if (fl < 0 || (fl & O_ACCMODE) == O_WRONLY) /* not to wait on a write end */
                    return tp__fail(err, TP_ERR_FILE, fl < 0 ? errno : EBADF,
                                    "reading upload '%s': %s", pt->name,
                                    strerror(fl < 0 ? errno : EBADF));
                for (;;) { /* under the request's deadline (and the wake fd): a writer that
                              stalls must not hold the call forever */
                    tp_err w = tp__wait_fd(pt->fd, POLLIN, h->conn.wake_fd, deadline, err);
                    if (w == TP_ERR_TIMEOUT)
                        return tp__fail(err, TP_ERR_TIMEOUT, 0,
                                        "reading upload '%s' from a pipe timed out", pt->name);
                    if (w != TP_OK) return w;
                    r = read(pt->fd, tmp, sizeof tmp);
                    if (r < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
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
    int64_t deadline;  /* of the request: writes to fd obey it too */
    int wake_fd;
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
        return tp__write_all(st->fd, p, n, st->deadline, st->wake_fd, err);
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
    st->deadline = deadline;
    st->wake_fd = h->conn.wake_fd;
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
    {
        size_t i; /* a part's Content-Type goes into the body as a header line of its own */
        for (i = 0; i < req->nparts; i++)
            if (req->parts[i].content_type && strpbrk(req->parts[i].content_type, "\r\n"))
                return tp__fail(err, TP_ERR_INVALID, 0,
                                "multipart part %zu: a CR or LF in its content type", i);
    }
    tp_buf_reset(&h->head);
    if (req->parts) {
        snprintf(boundary, sizeof boundary, "----telepot%08x%08lx", ++h->seq,
                 (unsigned long)(start ^ (int64_t)(uintptr_t)h));
        rc = tp__mpbody_build(h, req->parts, req->nparts, boundary, deadline, &mp, err);
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

/* >>json (impl) -------------------------------------------------------------------------------
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
    uint16_t *order;   /* typed views of a big document: the key order last seen (>>gen) */
};

/* An 8-aligned zeroed allocation that lives as long as doc. */
static void *tp__doc_alloc(tp_json_doc *doc, size_t n) {
    tp__chunk *c = doc->chunks;
    void *p;
    n = (n + 7) & ~(size_t)7;
    if (!c || c->cap - c->used < n) {
        /* the first chunk grows with the document: typed views of a 100-update batch take
           one malloc (about 2.5x the text), big enough that glibc raises its mmap and trim
           thresholds once instead of trimming and refaulting the heap for every batch. Pages
           never touched cost nothing. The next chunks double up to 1 MB. */
        size_t cap = c ? (c->cap < 1048576 ? c->cap * 2 : c->cap) : 4000 + doc->text_len * 6;
        if (cap < n) cap = n;
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
    doc->order = NULL;
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

/* The bytes a document holds: its block (values and text) and its arena's chunks. */
static size_t tp__doc_bytes(const tp_json_doc *doc) {
    const tp__chunk *c;
    size_t n;
    if (!doc) return 0;
    n = sizeof *doc + doc->nvals * sizeof(tp_json) + doc->text_len + 1;
    for (c = doc->chunks; c; c = c->next) n += sizeof *c + c->cap;
    return n;
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

/* >>types (impl) ------------------------------------------------------------------------------
   The generated Bot API is data: a string pool, per type a table of field descriptors (name,
   C offset, presence-flag or count offset, kind, flags, element type) and union members with
   the test that picks each (the GENERATED tables below). One parser and one writer interpret
   them, so a new Bot API version is a table change only. Each method's wrapper carries the
   table of its args struct and its own names (GENERATED wrappers, end of the public half), so
   a program links only the methods it calls; tp_call_desc (>>api) runs them. */

enum { TP__K_INT = 1, TP__K_FLOAT, TP__K_BOOL, TP__K_STR, TP__K_CHATID, TP__K_FILE, TP__K_OBJ, TP__K_ARR };
enum { TP__U_CONST = 1, TP__U_HAS, TP__U_INT0, TP__U_ALWAYS, TP__U_STRING, TP__U_ARRAY };
#define TP__F_REQ 1u
#define TP__F_DEPTH(f) (((f) >> 1) & 7u)
#define TP__F_SUB(f) ((f) >> 4)
#define TP__NONE 0xFFFFu

typedef struct tp__tdesc {
    uint16_t name, size, first, n; /* fields (structs, args) or union members */
    uint16_t rfirst, rn;           /* in tp__gen_reqs: fields that get a default when absent */
    uint16_t hfirst;               /* in tp__gen_hash: 1 << hbits slots (index + 1 | length << 7) */
    uint8_t what;                  /* 0 args, 1 struct, 2 union */
    uint8_t hbits;
} tp__tdesc;
typedef struct tp__udesc {
    uint16_t type, tag; /* member type (TP__NONE: a string or array member), its kind */
    uint8_t mode;       /* TP__U_*: how to recognise it */
    uint16_t key, val, key2;
} tp__udesc;

/* The layout every union struct and every tp_<x>_list share. */
typedef struct tp__uni {
    const tp_json *json;
    int kind;
    union {
        const void *any;
    } as;
} tp__uni;
typedef struct tp__list {
    const void *items;
    size_t count;
} tp__list;

/* BEGIN GENERATED tables: tools/gen_api.py from tools/botapi.json; do not edit, run `make gen` */
/* Bot API 10.1 tables: the string pool, field descriptors (sorted by name within a type),
   types (struct types, then unions) and union members in the order they are tried. The
   methods' tables live in their static inline wrappers (GENERATED declarations), so a
   program compiles and links the tables of the methods it calls only. */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
static const char tp__gen_pool[] =
    "\000Update\000business_connection\000business_message\000callback_query\000channel_post\000"
    "chat_boost\000chat_join_request\000chat_member\000chosen_inline_result\000"
    "deleted_business_messages\000edited_business_message\000edited_channel_post\000"
    "edited_message\000guest_message\000inline_query\000managed_bot\000message\000"
    "message_reaction\000message_reaction_count\000my_chat_member\000poll\000poll_answer\000"
    "pre_checkout_query\000purchased_paid_media\000removed_chat_boost\000shipping_query\000"
    "update_id\000WebhookInfo\000allowed_updates\000has_custom_certificate\000ip_address\000"
    "last_error_date\000last_error_message\000last_synchronization_error_date\000"
    "max_connections\000pending_update_count\000url\000User\000added_to_attachment_menu\000"
    "allows_users_to_create_topics\000can_connect_to_business\000can_join_groups\000"
    "can_manage_bots\000can_read_all_group_messages\000first_name\000has_main_web_app\000"
    "has_topics_enabled\000id\000is_bot\000is_premium\000language_code\000last_name\000"
    "supports_guest_queries\000supports_inline_queries\000supports_join_request_queries\000"
    "username\000Chat\000is_direct_messages\000is_forum\000title\000type\000ChatFullInfo\000"
    "accent_color_id\000accepted_gift_types\000active_usernames\000available_reactions\000"
    "background_custom_emoji_id\000bio\000birthdate\000business_intro\000business_location\000"
    "business_opening_hours\000can_send_paid_media\000can_set_sticker_set\000"
    "custom_emoji_sticker_set_name\000description\000emoji_status_custom_emoji_id\000"
    "emoji_status_expiration_date\000first_profile_audio\000guard_bot\000"
    "has_aggressive_anti_spam_enabled\000has_hidden_members\000has_private_forwards\000"
    "has_protected_content\000has_restricted_voice_and_video_messages\000has_visible_history\000"
    "invite_link\000join_by_request\000join_to_send_messages\000linked_chat_id\000location\000"
    "max_reaction_count\000message_auto_delete_time\000paid_message_star_count\000parent_chat\000"
    "permissions\000personal_chat\000photo\000pinned_message\000profile_accent_color_id\000"
    "profile_background_custom_emoji_id\000rating\000slow_mode_delay\000sticker_set_name\000"
    "unique_gift_colors\000unrestrict_boost_count\000Message\000animation\000audio\000"
    "author_signature\000boost_added\000business_connection_id\000caption\000caption_entities\000"
    "channel_chat_created\000chat\000chat_background_set\000chat_owner_changed\000"
    "chat_owner_left\000chat_shared\000checklist\000checklist_tasks_added\000"
    "checklist_tasks_done\000connected_website\000contact\000date\000delete_chat_photo\000"
    "dice\000direct_message_price_changed\000direct_messages_topic\000document\000edit_date\000"
    "effect_id\000entities\000external_reply\000forum_topic_closed\000forum_topic_created\000"
    "forum_topic_edited\000forum_topic_reopened\000forward_origin\000from\000game\000"
    "general_forum_topic_hidden\000general_forum_topic_unhidden\000gift\000gift_upgrade_sent\000"
    "giveaway\000giveaway_completed\000giveaway_created\000giveaway_winners\000"
    "group_chat_created\000guest_bot_caller_chat\000guest_bot_caller_user\000guest_query_id\000"
    "has_media_spoiler\000invoice\000is_automatic_forward\000is_from_offline\000is_paid_post\000"
    "is_topic_message\000left_chat_member\000link_preview_options\000live_photo\000"
    "managed_bot_created\000media_group_id\000message_auto_delete_timer_changed\000message_id\000"
    "message_thread_id\000migrate_from_chat_id\000migrate_to_chat_id\000new_chat_members\000"
    "new_chat_photo\000new_chat_title\000paid_media\000paid_message_price_changed\000"
    "paid_star_count\000passport_data\000poll_option_added\000poll_option_deleted\000"
    "proximity_alert_triggered\000quote\000refunded_payment\000reply_markup\000"
    "reply_to_checklist_task_id\000reply_to_message\000reply_to_poll_option_id\000"
    "reply_to_story\000rich_message\000sender_boost_count\000sender_business_bot\000"
    "sender_chat\000sender_tag\000show_caption_above_media\000sticker\000story\000"
    "successful_payment\000suggested_post_approval_failed\000suggested_post_approved\000"
    "suggested_post_declined\000suggested_post_info\000suggested_post_paid\000"
    "suggested_post_refunded\000supergroup_chat_created\000text\000unique_gift\000"
    "users_shared\000venue\000via_bot\000video\000video_chat_ended\000"
    "video_chat_participants_invited\000video_chat_scheduled\000video_chat_started\000"
    "video_note\000voice\000web_app_data\000write_access_allowed\000MessageId\000"
    "InaccessibleMessage\000MaybeInaccessibleMessage\000MessageEntity\000custom_emoji_id\000"
    "date_time_format\000language\000length\000offset\000unix_time\000user\000TextQuote\000"
    "is_manual\000position\000ExternalReplyInfo\000origin\000ReplyParameters\000"
    "allow_sending_without_reply\000chat_id\000checklist_task_id\000poll_option_id\000"
    "quote_entities\000quote_parse_mode\000quote_position\000hidden_user\000channel\000"
    "MessageOrigin\000MessageOriginUser\000sender_user\000MessageOriginHiddenUser\000"
    "sender_user_name\000MessageOriginChat\000MessageOriginChannel\000PhotoSize\000file_id\000"
    "file_size\000file_unique_id\000height\000width\000Animation\000duration\000file_name\000"
    "mime_type\000thumbnail\000Audio\000performer\000Document\000LivePhoto\000Story\000"
    "VideoQuality\000codec\000Video\000cover\000qualities\000start_timestamp\000VideoNote\000"
    "Voice\000PaidMediaInfo\000star_count\000preview\000PaidMedia\000PaidMediaLivePhoto\000"
    "PaidMediaPhoto\000PaidMediaPreview\000PaidMediaVideo\000Contact\000phone_number\000"
    "user_id\000vcard\000Dice\000emoji\000value\000Link\000PollMedia\000link\000"
    "InputPollMedia\000InputPollOptionMedia\000PollOption\000added_by_chat\000added_by_user\000"
    "addition_date\000media\000persistent_id\000text_entities\000voter_count\000"
    "InputPollOption\000text_parse_mode\000PollAnswer\000option_ids\000option_persistent_ids\000"
    "poll_id\000voter_chat\000Poll\000allows_multiple_answers\000allows_revoting\000"
    "close_date\000correct_option_ids\000country_codes\000description_entities\000explanation\000"
    "explanation_entities\000explanation_media\000is_anonymous\000is_closed\000members_only\000"
    "open_period\000options\000question\000question_entities\000total_voter_count\000"
    "ChecklistTask\000completed_by_chat\000completed_by_user\000completion_date\000Checklist\000"
    "others_can_add_tasks\000others_can_mark_tasks_as_done\000tasks\000title_entities\000"
    "InputChecklistTask\000parse_mode\000InputChecklist\000ChecklistTasksDone\000"
    "checklist_message\000marked_as_done_task_ids\000marked_as_not_done_task_ids\000"
    "ChecklistTasksAdded\000Location\000heading\000horizontal_accuracy\000latitude\000"
    "live_period\000longitude\000proximity_alert_radius\000Venue\000address\000foursquare_id\000"
    "foursquare_type\000google_place_id\000google_place_type\000WebAppData\000button_text\000"
    "data\000ProximityAlertTriggered\000distance\000traveler\000watcher\000"
    "MessageAutoDeleteTimerChanged\000ManagedBotCreated\000bot\000ManagedBotUpdated\000"
    "PollOptionAdded\000option_persistent_id\000option_text\000option_text_entities\000"
    "poll_message\000PollOptionDeleted\000ChatBoostAdded\000boost_count\000solid\000gradient\000"
    "freeform_gradient\000BackgroundFill\000BackgroundFillSolid\000color\000"
    "BackgroundFillGradient\000bottom_color\000rotation_angle\000top_color\000"
    "BackgroundFillFreeformGradient\000colors\000fill\000wallpaper\000pattern\000chat_theme\000"
    "BackgroundType\000BackgroundTypeFill\000dark_theme_dimming\000BackgroundTypeWallpaper\000"
    "is_blurred\000is_moving\000BackgroundTypePattern\000intensity\000is_inverted\000"
    "BackgroundTypeChatTheme\000theme_name\000ChatBackground\000ForumTopicCreated\000"
    "icon_color\000icon_custom_emoji_id\000is_name_implicit\000name\000ForumTopicClosed\000"
    "ForumTopicEdited\000ForumTopicReopened\000GeneralForumTopicHidden\000"
    "GeneralForumTopicUnhidden\000SharedUser\000UsersShared\000request_id\000users\000"
    "ChatShared\000WriteAccessAllowed\000from_attachment_menu\000from_request\000web_app_name\000"
    "VideoChatScheduled\000start_date\000VideoChatStarted\000VideoChatEnded\000"
    "VideoChatParticipantsInvited\000PaidMessagePriceChanged\000DirectMessagePriceChanged\000"
    "are_direct_messages_enabled\000direct_message_star_count\000SuggestedPostApproved\000"
    "price\000send_date\000suggested_post_message\000SuggestedPostApprovalFailed\000"
    "SuggestedPostDeclined\000comment\000SuggestedPostPaid\000amount\000currency\000"
    "star_amount\000SuggestedPostRefunded\000reason\000GiveawayCreated\000prize_star_count\000"
    "Giveaway\000chats\000has_public_winners\000only_new_members\000"
    "premium_subscription_month_count\000prize_description\000winner_count\000"
    "winners_selection_date\000GiveawayWinners\000additional_chat_count\000"
    "giveaway_message_id\000unclaimed_prize_count\000was_refunded\000winners\000"
    "GiveawayCompleted\000giveaway_message\000is_star_giveaway\000LinkPreviewOptions\000"
    "is_disabled\000prefer_large_media\000prefer_small_media\000show_above_text\000"
    "SuggestedPostPrice\000SuggestedPostInfo\000state\000SuggestedPostParameters\000"
    "DirectMessagesTopic\000topic_id\000UserProfilePhotos\000photos\000total_count\000"
    "UserProfileAudios\000audios\000File\000file_path\000WebAppInfo\000ReplyKeyboardMarkup\000"
    "input_field_placeholder\000is_persistent\000keyboard\000one_time_keyboard\000"
    "resize_keyboard\000selective\000KeyboardButton\000request_chat\000request_contact\000"
    "request_location\000request_managed_bot\000request_poll\000request_users\000style\000"
    "web_app\000KeyboardButtonRequestUsers\000max_quantity\000request_name\000request_photo\000"
    "request_username\000user_is_bot\000user_is_premium\000KeyboardButtonRequestChat\000"
    "bot_administrator_rights\000bot_is_member\000chat_has_username\000chat_is_channel\000"
    "chat_is_created\000chat_is_forum\000request_title\000user_administrator_rights\000"
    "KeyboardButtonRequestManagedBot\000suggested_name\000suggested_username\000"
    "KeyboardButtonPollType\000ReplyKeyboardRemove\000remove_keyboard\000InlineKeyboardMarkup\000"
    "inline_keyboard\000InlineKeyboardButton\000callback_data\000callback_game\000copy_text\000"
    "login_url\000pay\000switch_inline_query\000switch_inline_query_chosen_chat\000"
    "switch_inline_query_current_chat\000LoginUrl\000bot_username\000forward_text\000"
    "request_write_access\000SwitchInlineQueryChosenChat\000allow_bot_chats\000"
    "allow_channel_chats\000allow_group_chats\000allow_user_chats\000query\000CopyTextButton\000"
    "CallbackQuery\000chat_instance\000game_short_name\000inline_message_id\000ForceReply\000"
    "force_reply\000ChatPhoto\000big_file_id\000big_file_unique_id\000small_file_id\000"
    "small_file_unique_id\000ChatInviteLink\000creates_join_request\000creator\000expire_date\000"
    "is_primary\000is_revoked\000member_limit\000pending_join_request_count\000"
    "subscription_period\000subscription_price\000ChatAdministratorRights\000can_change_info\000"
    "can_delete_messages\000can_delete_stories\000can_edit_messages\000can_edit_stories\000"
    "can_invite_users\000can_manage_chat\000can_manage_direct_messages\000can_manage_tags\000"
    "can_manage_topics\000can_manage_video_chats\000can_pin_messages\000can_post_messages\000"
    "can_post_stories\000can_promote_members\000can_restrict_members\000ChatMemberUpdated\000"
    "new_chat_member\000old_chat_member\000via_chat_folder_invite_link\000via_join_request\000"
    "status\000administrator\000member\000restricted\000left\000kicked\000ChatMember\000"
    "ChatMemberOwner\000custom_title\000ChatMemberAdministrator\000can_be_edited\000"
    "ChatMemberMember\000tag\000until_date\000ChatMemberRestricted\000"
    "can_add_web_page_previews\000can_edit_tag\000can_react_to_messages\000can_send_audios\000"
    "can_send_documents\000can_send_messages\000can_send_other_messages\000can_send_photos\000"
    "can_send_polls\000can_send_video_notes\000can_send_videos\000can_send_voice_notes\000"
    "is_member\000ChatMemberLeft\000ChatMemberBanned\000ChatJoinRequest\000query_id\000"
    "user_chat_id\000ChatPermissions\000Birthdate\000day\000month\000year\000BusinessIntro\000"
    "BusinessLocation\000BusinessOpeningHoursInterval\000closing_minute\000opening_minute\000"
    "BusinessOpeningHours\000opening_hours\000time_zone_name\000UserRating\000"
    "current_level_rating\000level\000next_level_rating\000StoryAreaPosition\000"
    "corner_radius_percentage\000height_percentage\000width_percentage\000x_percentage\000"
    "y_percentage\000LocationAddress\000city\000country_code\000street\000suggested_reaction\000"
    "weather\000StoryAreaType\000StoryAreaTypeLocation\000StoryAreaTypeSuggestedReaction\000"
    "is_dark\000is_flipped\000reaction_type\000StoryAreaTypeLink\000StoryAreaTypeWeather\000"
    "background_color\000temperature\000StoryAreaTypeUniqueGift\000StoryArea\000ChatLocation\000"
    "custom_emoji\000paid\000ReactionType\000ReactionTypeEmoji\000ReactionTypeCustomEmoji\000"
    "ReactionTypePaid\000ReactionCount\000MessageReactionUpdated\000actor_chat\000"
    "new_reaction\000old_reaction\000MessageReactionCountUpdated\000reactions\000ForumTopic\000"
    "GiftBackground\000center_color\000edge_color\000text_color\000Gift\000background\000"
    "has_colors\000personal_remaining_count\000personal_total_count\000publisher_chat\000"
    "remaining_count\000unique_gift_variant_count\000upgrade_star_count\000Gifts\000gifts\000"
    "UniqueGiftModel\000rarity\000rarity_per_mille\000UniqueGiftSymbol\000"
    "UniqueGiftBackdropColors\000symbol_color\000UniqueGiftBackdrop\000UniqueGiftColors\000"
    "dark_theme_main_color\000dark_theme_other_colors\000light_theme_main_color\000"
    "light_theme_other_colors\000model_custom_emoji_id\000symbol_custom_emoji_id\000"
    "UniqueGift\000backdrop\000base_name\000gift_id\000is_burned\000is_from_blockchain\000"
    "model\000number\000symbol\000GiftInfo\000can_be_upgraded\000convert_star_count\000"
    "is_private\000is_upgrade_separate\000owned_gift_id\000prepaid_upgrade_star_count\000"
    "unique_gift_number\000UniqueGiftInfo\000last_resale_amount\000last_resale_currency\000"
    "next_transfer_date\000transfer_star_count\000regular\000unique\000OwnedGift\000"
    "OwnedGiftRegular\000is_saved\000OwnedGiftUnique\000can_be_transferred\000OwnedGifts\000"
    "next_offset\000BotAccessSettings\000added_users\000is_access_restricted\000"
    "AcceptedGiftTypes\000gifts_from_channels\000limited_gifts\000premium_subscription\000"
    "unique_gifts\000unlimited_gifts\000StarAmount\000nanostar_amount\000BotCommand\000"
    "command\000default\000all_private_chats\000all_group_chats\000all_chat_administrators\000"
    "chat_administrators\000BotCommandScope\000BotCommandScopeDefault\000"
    "BotCommandScopeAllPrivateChats\000BotCommandScopeAllGroupChats\000"
    "BotCommandScopeAllChatAdministrators\000BotCommandScopeChat\000"
    "BotCommandScopeChatAdministrators\000BotCommandScopeChatMember\000BotName\000"
    "BotDescription\000BotShortDescription\000short_description\000commands\000MenuButton\000"
    "MenuButtonCommands\000MenuButtonWebApp\000MenuButtonDefault\000source\000premium\000"
    "gift_code\000ChatBoostSource\000ChatBoostSourcePremium\000ChatBoostSourceGiftCode\000"
    "ChatBoostSourceGiveaway\000is_unclaimed\000ChatBoost\000add_date\000boost_id\000"
    "expiration_date\000ChatBoostUpdated\000boost\000ChatBoostRemoved\000remove_date\000"
    "ChatOwnerLeft\000new_owner\000ChatOwnerChanged\000UserChatBoosts\000boosts\000"
    "BusinessBotRights\000can_change_gift_settings\000can_convert_gifts_to_stars\000"
    "can_delete_all_messages\000can_delete_sent_messages\000can_edit_bio\000can_edit_name\000"
    "can_edit_profile_photo\000can_edit_username\000can_manage_stories\000can_read_messages\000"
    "can_reply\000can_transfer_and_upgrade_gifts\000can_transfer_stars\000"
    "can_view_gifts_and_stars\000BusinessConnection\000is_enabled\000rights\000"
    "BusinessMessagesDeleted\000message_ids\000SentWebAppMessage\000SentGuestMessage\000"
    "PreparedInlineMessage\000PreparedKeyboardButton\000ResponseParameters\000retry_after\000"
    "InputMedia\000InputMediaAnimation\000has_spoiler\000InputMediaAudio\000"
    "InputMediaDocument\000disable_content_type_detection\000InputMediaLink\000"
    "InputMediaLivePhoto\000InputMediaLocation\000InputMediaPhoto\000InputMediaSticker\000"
    "InputMediaVenue\000InputMediaVideo\000supports_streaming\000InputFile\000InputPaidMedia\000"
    "InputPaidMediaLivePhoto\000InputPaidMediaPhoto\000InputPaidMediaVideo\000static\000"
    "animated\000InputProfilePhoto\000InputProfilePhotoStatic\000InputProfilePhotoAnimated\000"
    "main_frame_timestamp\000InputStoryContent\000InputStoryContentPhoto\000"
    "InputStoryContentVideo\000cover_frame_timestamp\000is_animation\000Sticker\000"
    "is_animated\000is_video\000mask_position\000needs_repainting\000premium_animation\000"
    "set_name\000StickerSet\000sticker_type\000stickers\000MaskPosition\000point\000scale\000"
    "x_shift\000y_shift\000InputSticker\000emoji_list\000format\000keywords\000RichMessage\000"
    "blocks\000is_rtl\000InputRichMessage\000html\000markdown\000skip_entity_detection\000"
    "bold\000italic\000underline\000strikethrough\000spoiler\000date_time\000text_mention\000"
    "subscript\000superscript\000marked\000code\000mathematical_expression\000email_address\000"
    "bank_card_number\000mention\000hashtag\000cashtag\000bot_command\000anchor\000"
    "anchor_link\000reference\000reference_link\000RichText\000RichTextBold\000RichTextItalic\000"
    "RichTextUnderline\000RichTextStrikethrough\000RichTextSpoiler\000RichTextDateTime\000"
    "RichTextTextMention\000RichTextSubscript\000RichTextSuperscript\000RichTextMarked\000"
    "RichTextCode\000RichTextCustomEmoji\000alternative_text\000"
    "RichTextMathematicalExpression\000expression\000RichTextUrl\000RichTextEmailAddress\000"
    "RichTextPhoneNumber\000RichTextBankCardNumber\000RichTextMention\000RichTextHashtag\000"
    "RichTextCashtag\000RichTextBotCommand\000RichTextAnchor\000RichTextAnchorLink\000"
    "anchor_name\000RichTextReference\000RichTextReferenceLink\000reference_name\000"
    "RichBlockCaption\000credit\000RichBlockTableCell\000align\000colspan\000is_header\000"
    "rowspan\000valign\000RichBlockListItem\000has_checkbox\000is_checked\000label\000"
    "paragraph\000pre\000footer\000divider\000list\000blockquote\000pullquote\000collage\000"
    "slideshow\000table\000details\000map\000voice_note\000thinking\000RichBlock\000"
    "RichBlockParagraph\000RichBlockSectionHeading\000size\000RichBlockPreformatted\000"
    "RichBlockFooter\000RichBlockDivider\000RichBlockMathematicalExpression\000"
    "RichBlockAnchor\000RichBlockList\000items\000RichBlockBlockQuotation\000"
    "RichBlockPullQuotation\000RichBlockCollage\000RichBlockSlideshow\000RichBlockTable\000"
    "cells\000is_bordered\000is_striped\000RichBlockDetails\000is_open\000summary\000"
    "RichBlockMap\000zoom\000RichBlockAnimation\000RichBlockAudio\000RichBlockPhoto\000"
    "RichBlockVideo\000RichBlockVoiceNote\000RichBlockThinking\000InlineQuery\000chat_type\000"
    "InlineQueryResultsButton\000start_parameter\000audio_file_id\000document_file_id\000gif\000"
    "gif_file_id\000mpeg4_gif\000mpeg4_file_id\000photo_file_id\000video_file_id\000"
    "voice_file_id\000article\000audio_url\000document_url\000gif_url\000mpeg4_url\000"
    "photo_url\000video_url\000voice_url\000InlineQueryResult\000InlineQueryResultArticle\000"
    "input_message_content\000thumbnail_height\000thumbnail_url\000thumbnail_width\000"
    "InlineQueryResultPhoto\000photo_height\000photo_width\000InlineQueryResultGif\000"
    "gif_duration\000gif_height\000gif_width\000thumbnail_mime_type\000"
    "InlineQueryResultMpeg4Gif\000mpeg4_duration\000mpeg4_height\000mpeg4_width\000"
    "InlineQueryResultVideo\000video_duration\000video_height\000video_width\000"
    "InlineQueryResultAudio\000audio_duration\000InlineQueryResultVoice\000voice_duration\000"
    "InlineQueryResultDocument\000InlineQueryResultLocation\000InlineQueryResultVenue\000"
    "InlineQueryResultContact\000InlineQueryResultGame\000InlineQueryResultCachedPhoto\000"
    "InlineQueryResultCachedGif\000InlineQueryResultCachedMpeg4Gif\000"
    "InlineQueryResultCachedSticker\000sticker_file_id\000InlineQueryResultCachedDocument\000"
    "InlineQueryResultCachedVideo\000InlineQueryResultCachedVoice\000"
    "InlineQueryResultCachedAudio\000message_text\000InputMessageContent\000"
    "InputTextMessageContent\000InputRichMessageContent\000InputLocationMessageContent\000"
    "InputVenueMessageContent\000InputContactMessageContent\000InputInvoiceMessageContent\000"
    "is_flexible\000max_tip_amount\000need_email\000need_name\000need_phone_number\000"
    "need_shipping_address\000payload\000photo_size\000prices\000provider_data\000"
    "provider_token\000send_email_to_provider\000send_phone_number_to_provider\000"
    "suggested_tip_amounts\000ChosenInlineResult\000result_id\000LabeledPrice\000Invoice\000"
    "total_amount\000ShippingAddress\000post_code\000street_line1\000street_line2\000"
    "OrderInfo\000email\000shipping_address\000ShippingOption\000SuccessfulPayment\000"
    "invoice_payload\000is_first_recurring\000is_recurring\000order_info\000"
    "provider_payment_charge_id\000shipping_option_id\000subscription_expiration_date\000"
    "telegram_payment_charge_id\000RefundedPayment\000XTR\000ShippingQuery\000"
    "PreCheckoutQuery\000PaidMediaPurchased\000paid_media_payload\000pending\000succeeded\000"
    "failed\000RevenueWithdrawalState\000RevenueWithdrawalStatePending\000"
    "RevenueWithdrawalStateSucceeded\000RevenueWithdrawalStateFailed\000AffiliateInfo\000"
    "affiliate_chat\000affiliate_user\000commission_per_mille\000affiliate_program\000"
    "fragment\000telegram_ads\000telegram_api\000other\000TransactionPartner\000"
    "TransactionPartnerUser\000affiliate\000premium_subscription_duration\000transaction_type\000"
    "TransactionPartnerChat\000TransactionPartnerAffiliateProgram\000sponsor_user\000"
    "TransactionPartnerFragment\000withdrawal_state\000TransactionPartnerTelegramAds\000"
    "TransactionPartnerTelegramApi\000request_count\000TransactionPartnerOther\000"
    "StarTransaction\000receiver\000StarTransactions\000transactions\000PassportData\000"
    "credentials\000PassportFile\000file_date\000EncryptedPassportElement\000files\000"
    "front_side\000hash\000reverse_side\000selfie\000translation\000EncryptedCredentials\000"
    "secret\000file\000translation_file\000translation_files\000unspecified\000"
    "PassportElementError\000PassportElementErrorDataField\000data_hash\000field_name\000"
    "PassportElementErrorFrontSide\000file_hash\000PassportElementErrorReverseSide\000"
    "PassportElementErrorSelfie\000PassportElementErrorFile\000PassportElementErrorFiles\000"
    "file_hashes\000PassportElementErrorTranslationFile\000"
    "PassportElementErrorTranslationFiles\000PassportElementErrorUnspecified\000element_hash\000"
    "Game\000CallbackGame\000GameHighScore\000score\000ReplyMarkup\000"
    ;
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
static const tp__fdesc tp__gen_fields[1748] = {
    {8, offsetof(tp_update, business_connection), 0, 7, 0, 200},
    {28, offsetof(tp_update, business_message), 0, 7, 0, 5},
    {45, offsetof(tp_update, callback_query), 0, 7, 0, 116},
    {60, offsetof(tp_update, channel_post), 0, 7, 0, 5},
    {73, offsetof(tp_update, chat_boost), 0, 7, 0, 194},
    {84, offsetof(tp_update, chat_join_request), 0, 7, 0, 129},
    {102, offsetof(tp_update, chat_member), 0, 7, 0, 121},
    {114, offsetof(tp_update, chosen_inline_result), 0, 7, 0, 316},
    {135, offsetof(tp_update, deleted_business_messages), 0, 7, 0, 201},
    {161, offsetof(tp_update, edited_business_message), 0, 7, 0, 5},
    {185, offsetof(tp_update, edited_channel_post), 0, 7, 0, 5},
    {205, offsetof(tp_update, edited_message), 0, 7, 0, 5},
    {220, offsetof(tp_update, guest_message), 0, 7, 0, 5},
    {234, offsetof(tp_update, inline_query), 0, 7, 0, 286},
    {247, offsetof(tp_update, managed_bot), 0, 7, 0, 56},
    {259, offsetof(tp_update, message), 0, 7, 0, 5},
    {267, offsetof(tp_update, message_reaction), 0, 7, 0, 152},
    {284, offsetof(tp_update, message_reaction_count), 0, 7, 0, 153},
    {307, offsetof(tp_update, my_chat_member), 0, 7, 0, 121},
    {322, offsetof(tp_update, poll), 0, 7, 0, 43},
    {327, offsetof(tp_update, poll_answer), 0, 7, 0, 42},
    {339, offsetof(tp_update, pre_checkout_query), 0, 7, 0, 325},
    {358, offsetof(tp_update, purchased_paid_media), 0, 7, 0, 326},
    {379, offsetof(tp_update, removed_chat_boost), 0, 7, 0, 195},
    {398, offsetof(tp_update, shipping_query), 0, 7, 0, 324},
    {413, offsetof(tp_update, update_id), 0, 1, 1, 0},
    {435, offsetof(tp_webhook_info, allowed_updates), offsetof(tp_webhook_info, allowed_updates_count), 8, 66, 0},
    {451, offsetof(tp_webhook_info, has_custom_certificate), 0, 3, 1, 0},
    {474, offsetof(tp_webhook_info, ip_address), 0, 4, 0, 0},
    {485, offsetof(tp_webhook_info, last_error_date), offsetof(tp_webhook_info, has_last_error_date), 1, 0, 0},
    {501, offsetof(tp_webhook_info, last_error_message), 0, 4, 0, 0},
    {520, offsetof(tp_webhook_info, last_synchronization_error_date), offsetof(tp_webhook_info, has_last_synchronization_error_date), 1, 0, 0},
    {552, offsetof(tp_webhook_info, max_connections), offsetof(tp_webhook_info, has_max_connections), 1, 0, 0},
    {568, offsetof(tp_webhook_info, pending_update_count), 0, 1, 1, 0},
    {589, offsetof(tp_webhook_info, url), 0, 4, 1, 0},
    {598, offsetof(tp_user, added_to_attachment_menu), offsetof(tp_user, has_added_to_attachment_menu), 3, 0, 0},
    {623, offsetof(tp_user, allows_users_to_create_topics), offsetof(tp_user, has_allows_users_to_create_topics), 3, 0, 0},
    {653, offsetof(tp_user, can_connect_to_business), offsetof(tp_user, has_can_connect_to_business), 3, 0, 0},
    {677, offsetof(tp_user, can_join_groups), offsetof(tp_user, has_can_join_groups), 3, 0, 0},
    {693, offsetof(tp_user, can_manage_bots), offsetof(tp_user, has_can_manage_bots), 3, 0, 0},
    {709, offsetof(tp_user, can_read_all_group_messages), offsetof(tp_user, has_can_read_all_group_messages), 3, 0, 0},
    {737, offsetof(tp_user, first_name), 0, 4, 1, 0},
    {748, offsetof(tp_user, has_main_web_app), offsetof(tp_user, has_has_main_web_app), 3, 0, 0},
    {765, offsetof(tp_user, has_topics_enabled), offsetof(tp_user, has_has_topics_enabled), 3, 0, 0},
    {784, offsetof(tp_user, id), 0, 1, 1, 0},
    {787, offsetof(tp_user, is_bot), 0, 3, 1, 0},
    {794, offsetof(tp_user, is_premium), offsetof(tp_user, has_is_premium), 3, 0, 0},
    {805, offsetof(tp_user, language_code), 0, 4, 0, 0},
    {819, offsetof(tp_user, last_name), 0, 4, 0, 0},
    {829, offsetof(tp_user, supports_guest_queries), offsetof(tp_user, has_supports_guest_queries), 3, 0, 0},
    {852, offsetof(tp_user, supports_inline_queries), offsetof(tp_user, has_supports_inline_queries), 3, 0, 0},
    {876, offsetof(tp_user, supports_join_request_queries), offsetof(tp_user, has_supports_join_request_queries), 3, 0, 0},
    {906, offsetof(tp_user, username), 0, 4, 0, 0},
    {737, offsetof(tp_chat, first_name), 0, 4, 0, 0},
    {784, offsetof(tp_chat, id), 0, 1, 1, 0},
    {920, offsetof(tp_chat, is_direct_messages), offsetof(tp_chat, has_is_direct_messages), 3, 0, 0},
    {939, offsetof(tp_chat, is_forum), offsetof(tp_chat, has_is_forum), 3, 0, 0},
    {819, offsetof(tp_chat, last_name), 0, 4, 0, 0},
    {948, offsetof(tp_chat, title), 0, 4, 0, 0},
    {954, offsetof(tp_chat, type), 0, 4, 1, 0},
    {906, offsetof(tp_chat, username), 0, 4, 0, 0},
    {972, offsetof(tp_chat_full_info, accent_color_id), 0, 1, 1, 0},
    {988, offsetof(tp_chat_full_info, accepted_gift_types), 0, 7, 1, 171},
    {1008, offsetof(tp_chat_full_info, active_usernames), offsetof(tp_chat_full_info, active_usernames_count), 8, 66, 0},
    {1025, offsetof(tp_chat_full_info, available_reactions), offsetof(tp_chat_full_info, available_reactions_count), 8, 114, 147},
    {1045, offsetof(tp_chat_full_info, background_custom_emoji_id), 0, 4, 0, 0},
    {1072, offsetof(tp_chat_full_info, bio), 0, 4, 0, 0},
    {1076, offsetof(tp_chat_full_info, birthdate), 0, 7, 0, 131},
    {1086, offsetof(tp_chat_full_info, business_intro), 0, 7, 0, 132},
    {1101, offsetof(tp_chat_full_info, business_location), 0, 7, 0, 133},
    {1119, offsetof(tp_chat_full_info, business_opening_hours), 0, 7, 0, 135},
    {1142, offsetof(tp_chat_full_info, can_send_paid_media), offsetof(tp_chat_full_info, has_can_send_paid_media), 3, 0, 0},
    {1162, offsetof(tp_chat_full_info, can_set_sticker_set), offsetof(tp_chat_full_info, has_can_set_sticker_set), 3, 0, 0},
    {1182, offsetof(tp_chat_full_info, custom_emoji_sticker_set_name), 0, 4, 0, 0},
    {1212, offsetof(tp_chat_full_info, description), 0, 4, 0, 0},
    {1224, offsetof(tp_chat_full_info, emoji_status_custom_emoji_id), 0, 4, 0, 0},
    {1253, offsetof(tp_chat_full_info, emoji_status_expiration_date), offsetof(tp_chat_full_info, has_emoji_status_expiration_date), 1, 0, 0},
    {737, offsetof(tp_chat_full_info, first_name), 0, 4, 0, 0},
    {1282, offsetof(tp_chat_full_info, first_profile_audio), 0, 7, 0, 20},
    {1302, offsetof(tp_chat_full_info, guard_bot), 0, 7, 0, 2},
    {1312, offsetof(tp_chat_full_info, has_aggressive_anti_spam_enabled), offsetof(tp_chat_full_info, has_has_aggressive_anti_spam_enabled), 3, 0, 0},
    {1345, offsetof(tp_chat_full_info, has_hidden_members), offsetof(tp_chat_full_info, has_has_hidden_members), 3, 0, 0},
    {1364, offsetof(tp_chat_full_info, has_private_forwards), offsetof(tp_chat_full_info, has_has_private_forwards), 3, 0, 0},
    {1385, offsetof(tp_chat_full_info, has_protected_content), offsetof(tp_chat_full_info, has_has_protected_content), 3, 0, 0},
    {1407, offsetof(tp_chat_full_info, has_restricted_voice_and_video_messages), offsetof(tp_chat_full_info, has_has_restricted_voice_and_video_messages), 3, 0, 0},
    {1447, offsetof(tp_chat_full_info, has_visible_history), offsetof(tp_chat_full_info, has_has_visible_history), 3, 0, 0},
    {784, offsetof(tp_chat_full_info, id), 0, 1, 1, 0},
    {1467, offsetof(tp_chat_full_info, invite_link), 0, 4, 0, 0},
    {920, offsetof(tp_chat_full_info, is_direct_messages), offsetof(tp_chat_full_info, has_is_direct_messages), 3, 0, 0},
    {939, offsetof(tp_chat_full_info, is_forum), offsetof(tp_chat_full_info, has_is_forum), 3, 0, 0},
    {1479, offsetof(tp_chat_full_info, join_by_request), offsetof(tp_chat_full_info, has_join_by_request), 3, 0, 0},
    {1495, offsetof(tp_chat_full_info, join_to_send_messages), offsetof(tp_chat_full_info, has_join_to_send_messages), 3, 0, 0},
    {819, offsetof(tp_chat_full_info, last_name), 0, 4, 0, 0},
    {1517, offsetof(tp_chat_full_info, linked_chat_id), offsetof(tp_chat_full_info, has_linked_chat_id), 1, 0, 0},
    {1532, offsetof(tp_chat_full_info, location), 0, 7, 0, 146},
    {1541, offsetof(tp_chat_full_info, max_reaction_count), 0, 1, 1, 0},
    {1560, offsetof(tp_chat_full_info, message_auto_delete_time), offsetof(tp_chat_full_info, has_message_auto_delete_time), 1, 0, 0},
    {1585, offsetof(tp_chat_full_info, paid_message_star_count), offsetof(tp_chat_full_info, has_paid_message_star_count), 1, 0, 0},
    {1609, offsetof(tp_chat_full_info, parent_chat), 0, 7, 0, 3},
    {1621, offsetof(tp_chat_full_info, permissions), 0, 7, 0, 130},
    {1633, offsetof(tp_chat_full_info, personal_chat), 0, 7, 0, 3},
    {1647, offsetof(tp_chat_full_info, photo), 0, 7, 0, 118},
    {1653, offsetof(tp_chat_full_info, pinned_message), 0, 7, 0, 5},
    {1668, offsetof(tp_chat_full_info, profile_accent_color_id), offsetof(tp_chat_full_info, has_profile_accent_color_id), 1, 0, 0},
    {1692, offsetof(tp_chat_full_info, profile_background_custom_emoji_id), 0, 4, 0, 0},
    {1727, offsetof(tp_chat_full_info, rating), 0, 7, 0, 136},
    {1734, offsetof(tp_chat_full_info, slow_mode_delay), offsetof(tp_chat_full_info, has_slow_mode_delay), 1, 0, 0},
    {1750, offsetof(tp_chat_full_info, sticker_set_name), 0, 4, 0, 0},
    {948, offsetof(tp_chat_full_info, title), 0, 4, 0, 0},
    {954, offsetof(tp_chat_full_info, type), 0, 4, 1, 0},
    {1767, offsetof(tp_chat_full_info, unique_gift_colors), 0, 7, 0, 162},
    {1786, offsetof(tp_chat_full_info, unrestrict_boost_count), offsetof(tp_chat_full_info, has_unrestrict_boost_count), 1, 0, 0},
    {906, offsetof(tp_chat_full_info, username), 0, 4, 0, 0},
    {1817, offsetof(tp_message, animation), 0, 7, 0, 19},
    {1827, offsetof(tp_message, audio), 0, 7, 0, 20},
    {1833, offsetof(tp_message, author_signature), 0, 4, 0, 0},
    {1850, offsetof(tp_message, boost_added), 0, 7, 0, 59},
    {1862, offsetof(tp_message, business_connection_id), 0, 4, 0, 0},
    {1885, offsetof(tp_message, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_message, caption_entities), offsetof(tp_message, caption_entities_count), 8, 114, 9},
    {1910, offsetof(tp_message, channel_chat_created), offsetof(tp_message, has_channel_chat_created), 3, 0, 0},
    {1931, offsetof(tp_message, chat), 0, 7, 1, 3},
    {1936, offsetof(tp_message, chat_background_set), 0, 7, 0, 69},
    {1956, offsetof(tp_message, chat_owner_changed), 0, 7, 0, 197},
    {1975, offsetof(tp_message, chat_owner_left), 0, 7, 0, 196},
    {1991, offsetof(tp_message, chat_shared), 0, 7, 0, 78},
    {2003, offsetof(tp_message, checklist), 0, 7, 0, 45},
    {2013, offsetof(tp_message, checklist_tasks_added), 0, 7, 0, 49},
    {2035, offsetof(tp_message, checklist_tasks_done), 0, 7, 0, 48},
    {2056, offsetof(tp_message, connected_website), 0, 4, 0, 0},
    {2074, offsetof(tp_message, contact), 0, 7, 0, 34},
    {2082, offsetof(tp_message, date), 0, 1, 1, 0},
    {2087, offsetof(tp_message, delete_chat_photo), offsetof(tp_message, has_delete_chat_photo), 3, 0, 0},
    {2105, offsetof(tp_message, dice), 0, 7, 0, 35},
    {2110, offsetof(tp_message, direct_message_price_changed), 0, 7, 0, 85},
    {2139, offsetof(tp_message, direct_messages_topic), 0, 7, 0, 99},
    {2161, offsetof(tp_message, document), 0, 7, 0, 21},
    {2170, offsetof(tp_message, edit_date), offsetof(tp_message, has_edit_date), 1, 0, 0},
    {2180, offsetof(tp_message, effect_id), 0, 4, 0, 0},
    {2190, offsetof(tp_message, entities), offsetof(tp_message, entities_count), 8, 114, 9},
    {2199, offsetof(tp_message, external_reply), 0, 7, 0, 11},
    {2214, offsetof(tp_message, forum_topic_closed), 0, 7, 0, 71},
    {2233, offsetof(tp_message, forum_topic_created), 0, 7, 0, 70},
    {2253, offsetof(tp_message, forum_topic_edited), 0, 7, 0, 72},
    {2272, offsetof(tp_message, forum_topic_reopened), 0, 7, 0, 73},
    {2293, offsetof(tp_message, forward_origin), 0, 7, 0, 13},
    {2308, offsetof(tp_message, from_), 0, 7, 0, 2},
    {2313, offsetof(tp_message, game), 0, 7, 0, 356},
    {2318, offsetof(tp_message, general_forum_topic_hidden), 0, 7, 0, 74},
    {2345, offsetof(tp_message, general_forum_topic_unhidden), 0, 7, 0, 75},
    {2374, offsetof(tp_message, gift), 0, 7, 0, 164},
    {2379, offsetof(tp_message, gift_upgrade_sent), 0, 7, 0, 164},
    {2397, offsetof(tp_message, giveaway), 0, 7, 0, 92},
    {2406, offsetof(tp_message, giveaway_completed), 0, 7, 0, 94},
    {2425, offsetof(tp_message, giveaway_created), 0, 7, 0, 91},
    {2442, offsetof(tp_message, giveaway_winners), 0, 7, 0, 93},
    {2459, offsetof(tp_message, group_chat_created), offsetof(tp_message, has_group_chat_created), 3, 0, 0},
    {2478, offsetof(tp_message, guest_bot_caller_chat), 0, 7, 0, 3},
    {2500, offsetof(tp_message, guest_bot_caller_user), 0, 7, 0, 2},
    {2522, offsetof(tp_message, guest_query_id), 0, 4, 0, 0},
    {2537, offsetof(tp_message, has_media_spoiler), offsetof(tp_message, has_has_media_spoiler), 3, 0, 0},
    {1385, offsetof(tp_message, has_protected_content), offsetof(tp_message, has_has_protected_content), 3, 0, 0},
    {2555, offsetof(tp_message, invoice), 0, 7, 0, 318},
    {2563, offsetof(tp_message, is_automatic_forward), offsetof(tp_message, has_is_automatic_forward), 3, 0, 0},
    {2584, offsetof(tp_message, is_from_offline), offsetof(tp_message, has_is_from_offline), 3, 0, 0},
    {2600, offsetof(tp_message, is_paid_post), offsetof(tp_message, has_is_paid_post), 3, 0, 0},
    {2613, offsetof(tp_message, is_topic_message), offsetof(tp_message, has_is_topic_message), 3, 0, 0},
    {2630, offsetof(tp_message, left_chat_member), 0, 7, 0, 2},
    {2647, offsetof(tp_message, link_preview_options), 0, 7, 0, 95},
    {2668, offsetof(tp_message, live_photo), 0, 7, 0, 22},
    {1532, offsetof(tp_message, location), 0, 7, 0, 50},
    {2679, offsetof(tp_message, managed_bot_created), 0, 7, 0, 55},
    {2699, offsetof(tp_message, media_group_id), 0, 4, 0, 0},
    {2714, offsetof(tp_message, message_auto_delete_timer_changed), 0, 7, 0, 54},
    {2748, offsetof(tp_message, message_id), 0, 1, 1, 0},
    {2759, offsetof(tp_message, message_thread_id), offsetof(tp_message, has_message_thread_id), 1, 0, 0},
    {2777, offsetof(tp_message, migrate_from_chat_id), offsetof(tp_message, has_migrate_from_chat_id), 1, 0, 0},
    {2798, offsetof(tp_message, migrate_to_chat_id), offsetof(tp_message, has_migrate_to_chat_id), 1, 0, 0},
    {2817, offsetof(tp_message, new_chat_members), offsetof(tp_message, new_chat_members_count), 8, 114, 2},
    {2834, offsetof(tp_message, new_chat_photo), offsetof(tp_message, new_chat_photo_count), 8, 114, 18},
    {2849, offsetof(tp_message, new_chat_title), 0, 4, 0, 0},
    {2864, offsetof(tp_message, paid_media), 0, 7, 0, 28},
    {2875, offsetof(tp_message, paid_message_price_changed), 0, 7, 0, 84},
    {2902, offsetof(tp_message, paid_star_count), offsetof(tp_message, has_paid_star_count), 1, 0, 0},
    {2918, offsetof(tp_message, passport_data), 0, 7, 0, 342},
    {1647, offsetof(tp_message, photo), offsetof(tp_message, photo_count), 8, 114, 18},
    {1653, offsetof(tp_message, pinned_message), 0, 7, 0, 8},
    {322, offsetof(tp_message, poll), 0, 7, 0, 43},
    {2932, offsetof(tp_message, poll_option_added), 0, 7, 0, 57},
    {2950, offsetof(tp_message, poll_option_deleted), 0, 7, 0, 58},
    {2970, offsetof(tp_message, proximity_alert_triggered), 0, 7, 0, 53},
    {2996, offsetof(tp_message, quote), 0, 7, 0, 10},
    {3002, offsetof(tp_message, refunded_payment), 0, 7, 0, 323},
    {3019, offsetof(tp_message, reply_markup), 0, 7, 0, 111},
    {3032, offsetof(tp_message, reply_to_checklist_task_id), offsetof(tp_message, has_reply_to_checklist_task_id), 1, 0, 0},
    {3059, offsetof(tp_message, reply_to_message), 0, 7, 0, 5},
    {3076, offsetof(tp_message, reply_to_poll_option_id), 0, 4, 0, 0},
    {3100, offsetof(tp_message, reply_to_story), 0, 7, 0, 23},
    {3115, offsetof(tp_message, rich_message), 0, 7, 0, 233},
    {3128, offsetof(tp_message, sender_boost_count), offsetof(tp_message, has_sender_boost_count), 1, 0, 0},
    {3147, offsetof(tp_message, sender_business_bot), 0, 7, 0, 2},
    {3167, offsetof(tp_message, sender_chat), 0, 7, 0, 3},
    {3179, offsetof(tp_message, sender_tag), 0, 4, 0, 0},
    {3190, offsetof(tp_message, show_caption_above_media), offsetof(tp_message, has_show_caption_above_media), 3, 0, 0},
    {3215, offsetof(tp_message, sticker), 0, 7, 0, 229},
    {3223, offsetof(tp_message, story), 0, 7, 0, 23},
    {3229, offsetof(tp_message, successful_payment), 0, 7, 0, 322},
    {3248, offsetof(tp_message, suggested_post_approval_failed), 0, 7, 0, 87},
    {3279, offsetof(tp_message, suggested_post_approved), 0, 7, 0, 86},
    {3303, offsetof(tp_message, suggested_post_declined), 0, 7, 0, 88},
    {3327, offsetof(tp_message, suggested_post_info), 0, 7, 0, 97},
    {3347, offsetof(tp_message, suggested_post_paid), 0, 7, 0, 89},
    {3367, offsetof(tp_message, suggested_post_refunded), 0, 7, 0, 90},
    {3391, offsetof(tp_message, supergroup_chat_created), offsetof(tp_message, has_supergroup_chat_created), 3, 0, 0},
    {3415, offsetof(tp_message, text), 0, 4, 0, 0},
    {3420, offsetof(tp_message, unique_gift), 0, 7, 0, 165},
    {3432, offsetof(tp_message, users_shared), 0, 7, 0, 77},
    {3445, offsetof(tp_message, venue), 0, 7, 0, 51},
    {3451, offsetof(tp_message, via_bot), 0, 7, 0, 2},
    {3459, offsetof(tp_message, video), 0, 7, 0, 25},
    {3465, offsetof(tp_message, video_chat_ended), 0, 7, 0, 82},
    {3482, offsetof(tp_message, video_chat_participants_invited), 0, 7, 0, 83},
    {3514, offsetof(tp_message, video_chat_scheduled), 0, 7, 0, 80},
    {3535, offsetof(tp_message, video_chat_started), 0, 7, 0, 81},
    {3554, offsetof(tp_message, video_note), 0, 7, 0, 26},
    {3565, offsetof(tp_message, voice), 0, 7, 0, 27},
    {3571, offsetof(tp_message, web_app_data), 0, 7, 0, 52},
    {3584, offsetof(tp_message, write_access_allowed), 0, 7, 0, 79},
    {2748, offsetof(tp_message_id, message_id), 0, 1, 1, 0},
    {1931, offsetof(tp_inaccessible_message, chat), 0, 7, 1, 3},
    {2082, offsetof(tp_inaccessible_message, date), 0, 1, 1, 0},
    {2748, offsetof(tp_inaccessible_message, message_id), 0, 1, 1, 0},
    {3674, offsetof(tp_message_entity, custom_emoji_id), 0, 4, 0, 0},
    {3690, offsetof(tp_message_entity, date_time_format), 0, 4, 0, 0},
    {3707, offsetof(tp_message_entity, language), 0, 4, 0, 0},
    {3716, offsetof(tp_message_entity, length), 0, 1, 1, 0},
    {3723, offsetof(tp_message_entity, offset), 0, 1, 1, 0},
    {954, offsetof(tp_message_entity, type), 0, 4, 1, 0},
    {3730, offsetof(tp_message_entity, unix_time), offsetof(tp_message_entity, has_unix_time), 1, 0, 0},
    {589, offsetof(tp_message_entity, url), 0, 4, 0, 0},
    {3740, offsetof(tp_message_entity, user), 0, 7, 0, 2},
    {2190, offsetof(tp_text_quote, entities), offsetof(tp_text_quote, entities_count), 8, 114, 9},
    {3755, offsetof(tp_text_quote, is_manual), offsetof(tp_text_quote, has_is_manual), 3, 0, 0},
    {3765, offsetof(tp_text_quote, position), 0, 1, 1, 0},
    {3415, offsetof(tp_text_quote, text), 0, 4, 1, 0},
    {1817, offsetof(tp_external_reply_info, animation), 0, 7, 0, 19},
    {1827, offsetof(tp_external_reply_info, audio), 0, 7, 0, 20},
    {1931, offsetof(tp_external_reply_info, chat), 0, 7, 0, 3},
    {2003, offsetof(tp_external_reply_info, checklist), 0, 7, 0, 45},
    {2074, offsetof(tp_external_reply_info, contact), 0, 7, 0, 34},
    {2105, offsetof(tp_external_reply_info, dice), 0, 7, 0, 35},
    {2161, offsetof(tp_external_reply_info, document), 0, 7, 0, 21},
    {2313, offsetof(tp_external_reply_info, game), 0, 7, 0, 356},
    {2397, offsetof(tp_external_reply_info, giveaway), 0, 7, 0, 92},
    {2442, offsetof(tp_external_reply_info, giveaway_winners), 0, 7, 0, 93},
    {2537, offsetof(tp_external_reply_info, has_media_spoiler), offsetof(tp_external_reply_info, has_has_media_spoiler), 3, 0, 0},
    {2555, offsetof(tp_external_reply_info, invoice), 0, 7, 0, 318},
    {2647, offsetof(tp_external_reply_info, link_preview_options), 0, 7, 0, 95},
    {2668, offsetof(tp_external_reply_info, live_photo), 0, 7, 0, 22},
    {1532, offsetof(tp_external_reply_info, location), 0, 7, 0, 50},
    {2748, offsetof(tp_external_reply_info, message_id), offsetof(tp_external_reply_info, has_message_id), 1, 0, 0},
    {3792, offsetof(tp_external_reply_info, origin), 0, 7, 1, 13},
    {2864, offsetof(tp_external_reply_info, paid_media), 0, 7, 0, 28},
    {1647, offsetof(tp_external_reply_info, photo), offsetof(tp_external_reply_info, photo_count), 8, 114, 18},
    {322, offsetof(tp_external_reply_info, poll), 0, 7, 0, 43},
    {3215, offsetof(tp_external_reply_info, sticker), 0, 7, 0, 229},
    {3223, offsetof(tp_external_reply_info, story), 0, 7, 0, 23},
    {3445, offsetof(tp_external_reply_info, venue), 0, 7, 0, 51},
    {3459, offsetof(tp_external_reply_info, video), 0, 7, 0, 25},
    {3554, offsetof(tp_external_reply_info, video_note), 0, 7, 0, 26},
    {3565, offsetof(tp_external_reply_info, voice), 0, 7, 0, 27},
    {3815, offsetof(tp_reply_parameters, allow_sending_without_reply), offsetof(tp_reply_parameters, has_allow_sending_without_reply), 3, 0, 0},
    {3843, offsetof(tp_reply_parameters, chat_id), 0, 5, 0, 0},
    {3851, offsetof(tp_reply_parameters, checklist_task_id), offsetof(tp_reply_parameters, has_checklist_task_id), 1, 0, 0},
    {2748, offsetof(tp_reply_parameters, message_id), 0, 1, 1, 0},
    {3869, offsetof(tp_reply_parameters, poll_option_id), 0, 4, 0, 0},
    {2996, offsetof(tp_reply_parameters, quote), 0, 4, 0, 0},
    {3884, offsetof(tp_reply_parameters, quote_entities), offsetof(tp_reply_parameters, quote_entities_count), 8, 114, 9},
    {3899, offsetof(tp_reply_parameters, quote_parse_mode), 0, 4, 0, 0},
    {3916, offsetof(tp_reply_parameters, quote_position), offsetof(tp_reply_parameters, has_quote_position), 1, 0, 0},
    {2082, offsetof(tp_message_origin_user, date), 0, 1, 1, 0},
    {3983, offsetof(tp_message_origin_user, sender_user), 0, 7, 1, 2},
    {954, offsetof(tp_message_origin_user, type), 0, 4, 1, 3740},
    {2082, offsetof(tp_message_origin_hidden_user, date), 0, 1, 1, 0},
    {4019, offsetof(tp_message_origin_hidden_user, sender_user_name), 0, 4, 1, 0},
    {954, offsetof(tp_message_origin_hidden_user, type), 0, 4, 1, 3931},
    {1833, offsetof(tp_message_origin_chat, author_signature), 0, 4, 0, 0},
    {2082, offsetof(tp_message_origin_chat, date), 0, 1, 1, 0},
    {3167, offsetof(tp_message_origin_chat, sender_chat), 0, 7, 1, 3},
    {954, offsetof(tp_message_origin_chat, type), 0, 4, 1, 1931},
    {1833, offsetof(tp_message_origin_channel, author_signature), 0, 4, 0, 0},
    {1931, offsetof(tp_message_origin_channel, chat), 0, 7, 1, 3},
    {2082, offsetof(tp_message_origin_channel, date), 0, 1, 1, 0},
    {2748, offsetof(tp_message_origin_channel, message_id), 0, 1, 1, 0},
    {954, offsetof(tp_message_origin_channel, type), 0, 4, 1, 3943},
    {4085, offsetof(tp_photo_size, file_id), 0, 4, 1, 0},
    {4093, offsetof(tp_photo_size, file_size), offsetof(tp_photo_size, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_photo_size, file_unique_id), 0, 4, 1, 0},
    {4118, offsetof(tp_photo_size, height), 0, 1, 1, 0},
    {4125, offsetof(tp_photo_size, width), 0, 1, 1, 0},
    {4141, offsetof(tp_animation, duration), 0, 1, 1, 0},
    {4085, offsetof(tp_animation, file_id), 0, 4, 1, 0},
    {4150, offsetof(tp_animation, file_name), 0, 4, 0, 0},
    {4093, offsetof(tp_animation, file_size), offsetof(tp_animation, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_animation, file_unique_id), 0, 4, 1, 0},
    {4118, offsetof(tp_animation, height), 0, 1, 1, 0},
    {4160, offsetof(tp_animation, mime_type), 0, 4, 0, 0},
    {4170, offsetof(tp_animation, thumbnail), 0, 7, 0, 18},
    {4125, offsetof(tp_animation, width), 0, 1, 1, 0},
    {4141, offsetof(tp_audio, duration), 0, 1, 1, 0},
    {4085, offsetof(tp_audio, file_id), 0, 4, 1, 0},
    {4150, offsetof(tp_audio, file_name), 0, 4, 0, 0},
    {4093, offsetof(tp_audio, file_size), offsetof(tp_audio, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_audio, file_unique_id), 0, 4, 1, 0},
    {4160, offsetof(tp_audio, mime_type), 0, 4, 0, 0},
    {4186, offsetof(tp_audio, performer), 0, 4, 0, 0},
    {4170, offsetof(tp_audio, thumbnail), 0, 7, 0, 18},
    {948, offsetof(tp_audio, title), 0, 4, 0, 0},
    {4085, offsetof(tp_document, file_id), 0, 4, 1, 0},
    {4150, offsetof(tp_document, file_name), 0, 4, 0, 0},
    {4093, offsetof(tp_document, file_size), offsetof(tp_document, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_document, file_unique_id), 0, 4, 1, 0},
    {4160, offsetof(tp_document, mime_type), 0, 4, 0, 0},
    {4170, offsetof(tp_document, thumbnail), 0, 7, 0, 18},
    {4141, offsetof(tp_live_photo, duration), 0, 1, 1, 0},
    {4085, offsetof(tp_live_photo, file_id), 0, 4, 1, 0},
    {4093, offsetof(tp_live_photo, file_size), offsetof(tp_live_photo, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_live_photo, file_unique_id), 0, 4, 1, 0},
    {4118, offsetof(tp_live_photo, height), 0, 1, 1, 0},
    {4160, offsetof(tp_live_photo, mime_type), 0, 4, 0, 0},
    {1647, offsetof(tp_live_photo, photo), offsetof(tp_live_photo, photo_count), 8, 114, 18},
    {4125, offsetof(tp_live_photo, width), 0, 1, 1, 0},
    {1931, offsetof(tp_story, chat), 0, 7, 1, 3},
    {784, offsetof(tp_story, id), 0, 1, 1, 0},
    {4234, offsetof(tp_video_quality, codec), 0, 4, 1, 0},
    {4085, offsetof(tp_video_quality, file_id), 0, 4, 1, 0},
    {4093, offsetof(tp_video_quality, file_size), offsetof(tp_video_quality, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_video_quality, file_unique_id), 0, 4, 1, 0},
    {4118, offsetof(tp_video_quality, height), 0, 1, 1, 0},
    {4125, offsetof(tp_video_quality, width), 0, 1, 1, 0},
    {4246, offsetof(tp_video, cover), offsetof(tp_video, cover_count), 8, 114, 18},
    {4141, offsetof(tp_video, duration), 0, 1, 1, 0},
    {4085, offsetof(tp_video, file_id), 0, 4, 1, 0},
    {4150, offsetof(tp_video, file_name), 0, 4, 0, 0},
    {4093, offsetof(tp_video, file_size), offsetof(tp_video, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_video, file_unique_id), 0, 4, 1, 0},
    {4118, offsetof(tp_video, height), 0, 1, 1, 0},
    {4160, offsetof(tp_video, mime_type), 0, 4, 0, 0},
    {4252, offsetof(tp_video, qualities), offsetof(tp_video, qualities_count), 8, 114, 24},
    {4262, offsetof(tp_video, start_timestamp), offsetof(tp_video, has_start_timestamp), 1, 0, 0},
    {4170, offsetof(tp_video, thumbnail), 0, 7, 0, 18},
    {4125, offsetof(tp_video, width), 0, 1, 1, 0},
    {4141, offsetof(tp_video_note, duration), 0, 1, 1, 0},
    {4085, offsetof(tp_video_note, file_id), 0, 4, 1, 0},
    {4093, offsetof(tp_video_note, file_size), offsetof(tp_video_note, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_video_note, file_unique_id), 0, 4, 1, 0},
    {3716, offsetof(tp_video_note, length), 0, 1, 1, 0},
    {4170, offsetof(tp_video_note, thumbnail), 0, 7, 0, 18},
    {4141, offsetof(tp_voice, duration), 0, 1, 1, 0},
    {4085, offsetof(tp_voice, file_id), 0, 4, 1, 0},
    {4093, offsetof(tp_voice, file_size), offsetof(tp_voice, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_voice, file_unique_id), 0, 4, 1, 0},
    {4160, offsetof(tp_voice, mime_type), 0, 4, 0, 0},
    {2864, offsetof(tp_paid_media_info, paid_media), offsetof(tp_paid_media_info, paid_media_count), 8, 115, 29},
    {4308, offsetof(tp_paid_media_info, star_count), 0, 1, 1, 0},
    {2668, offsetof(tp_paid_media_live_photo, live_photo), 0, 7, 1, 22},
    {954, offsetof(tp_paid_media_live_photo, type), 0, 4, 1, 2668},
    {1647, offsetof(tp_paid_media_photo, photo), offsetof(tp_paid_media_photo, photo_count), 8, 115, 18},
    {954, offsetof(tp_paid_media_photo, type), 0, 4, 1, 1647},
    {4141, offsetof(tp_paid_media_preview, duration), offsetof(tp_paid_media_preview, has_duration), 1, 0, 0},
    {4118, offsetof(tp_paid_media_preview, height), offsetof(tp_paid_media_preview, has_height), 1, 0, 0},
    {954, offsetof(tp_paid_media_preview, type), 0, 4, 1, 4319},
    {4125, offsetof(tp_paid_media_preview, width), offsetof(tp_paid_media_preview, has_width), 1, 0, 0},
    {954, offsetof(tp_paid_media_video, type), 0, 4, 1, 3459},
    {3459, offsetof(tp_paid_media_video, video), 0, 7, 1, 25},
    {737, offsetof(tp_contact, first_name), 0, 4, 1, 0},
    {819, offsetof(tp_contact, last_name), 0, 4, 0, 0},
    {4411, offsetof(tp_contact, phone_number), 0, 4, 1, 0},
    {4424, offsetof(tp_contact, user_id), offsetof(tp_contact, has_user_id), 1, 0, 0},
    {4432, offsetof(tp_contact, vcard), 0, 4, 0, 0},
    {4443, offsetof(tp_dice, emoji), 0, 4, 1, 0},
    {4449, offsetof(tp_dice, value), 0, 1, 1, 0},
    {589, offsetof(tp_link, url), 0, 4, 1, 0},
    {1817, offsetof(tp_poll_media, animation), 0, 7, 0, 19},
    {1827, offsetof(tp_poll_media, audio), 0, 7, 0, 20},
    {2161, offsetof(tp_poll_media, document), 0, 7, 0, 21},
    {4470, offsetof(tp_poll_media, link), 0, 7, 0, 36},
    {2668, offsetof(tp_poll_media, live_photo), 0, 7, 0, 22},
    {1532, offsetof(tp_poll_media, location), 0, 7, 0, 50},
    {1647, offsetof(tp_poll_media, photo), offsetof(tp_poll_media, photo_count), 8, 114, 18},
    {3215, offsetof(tp_poll_media, sticker), 0, 7, 0, 229},
    {3445, offsetof(tp_poll_media, venue), 0, 7, 0, 51},
    {3459, offsetof(tp_poll_media, video), 0, 7, 0, 25},
    {4522, offsetof(tp_poll_option, added_by_chat), 0, 7, 0, 3},
    {4536, offsetof(tp_poll_option, added_by_user), 0, 7, 0, 2},
    {4550, offsetof(tp_poll_option, addition_date), offsetof(tp_poll_option, has_addition_date), 1, 0, 0},
    {4564, offsetof(tp_poll_option, media), 0, 7, 0, 37},
    {4570, offsetof(tp_poll_option, persistent_id), 0, 4, 1, 0},
    {3415, offsetof(tp_poll_option, text), 0, 4, 1, 0},
    {4584, offsetof(tp_poll_option, text_entities), offsetof(tp_poll_option, text_entities_count), 8, 114, 9},
    {4598, offsetof(tp_poll_option, voter_count), 0, 1, 1, 0},
    {4564, offsetof(tp_input_poll_option, media), 0, 7, 0, 39},
    {3415, offsetof(tp_input_poll_option, text), 0, 4, 1, 0},
    {4584, offsetof(tp_input_poll_option, text_entities), offsetof(tp_input_poll_option, text_entities_count), 8, 114, 9},
    {4626, offsetof(tp_input_poll_option, text_parse_mode), 0, 4, 0, 0},
    {4653, offsetof(tp_poll_answer, option_ids), offsetof(tp_poll_answer, option_ids_count), 8, 19, 0},
    {4664, offsetof(tp_poll_answer, option_persistent_ids), offsetof(tp_poll_answer, option_persistent_ids_count), 8, 67, 0},
    {4686, offsetof(tp_poll_answer, poll_id), 0, 4, 1, 0},
    {3740, offsetof(tp_poll_answer, user), 0, 7, 0, 2},
    {4694, offsetof(tp_poll_answer, voter_chat), 0, 7, 0, 3},
    {4710, offsetof(tp_poll, allows_multiple_answers), 0, 3, 1, 0},
    {4734, offsetof(tp_poll, allows_revoting), 0, 3, 1, 0},
    {4750, offsetof(tp_poll, close_date), offsetof(tp_poll, has_close_date), 1, 0, 0},
    {4761, offsetof(tp_poll, correct_option_ids), offsetof(tp_poll, correct_option_ids_count), 8, 18, 0},
    {4780, offsetof(tp_poll, country_codes), offsetof(tp_poll, country_codes_count), 8, 66, 0},
    {1212, offsetof(tp_poll, description), 0, 4, 0, 0},
    {4794, offsetof(tp_poll, description_entities), offsetof(tp_poll, description_entities_count), 8, 114, 9},
    {4815, offsetof(tp_poll, explanation), 0, 4, 0, 0},
    {4827, offsetof(tp_poll, explanation_entities), offsetof(tp_poll, explanation_entities_count), 8, 114, 9},
    {4848, offsetof(tp_poll, explanation_media), 0, 7, 0, 37},
    {784, offsetof(tp_poll, id), 0, 4, 1, 0},
    {4866, offsetof(tp_poll, is_anonymous), 0, 3, 1, 0},
    {4879, offsetof(tp_poll, is_closed), 0, 3, 1, 0},
    {4564, offsetof(tp_poll, media), 0, 7, 0, 37},
    {4889, offsetof(tp_poll, members_only), 0, 3, 1, 0},
    {4902, offsetof(tp_poll, open_period), offsetof(tp_poll, has_open_period), 1, 0, 0},
    {4914, offsetof(tp_poll, options), offsetof(tp_poll, options_count), 8, 115, 40},
    {4922, offsetof(tp_poll, question), 0, 4, 1, 0},
    {4931, offsetof(tp_poll, question_entities), offsetof(tp_poll, question_entities_count), 8, 114, 9},
    {4949, offsetof(tp_poll, total_voter_count), 0, 1, 1, 0},
    {954, offsetof(tp_poll, type), 0, 4, 1, 0},
    {4981, offsetof(tp_checklist_task, completed_by_chat), 0, 7, 0, 3},
    {4999, offsetof(tp_checklist_task, completed_by_user), 0, 7, 0, 2},
    {5017, offsetof(tp_checklist_task, completion_date), offsetof(tp_checklist_task, has_completion_date), 1, 0, 0},
    {784, offsetof(tp_checklist_task, id), 0, 1, 1, 0},
    {3415, offsetof(tp_checklist_task, text), 0, 4, 1, 0},
    {4584, offsetof(tp_checklist_task, text_entities), offsetof(tp_checklist_task, text_entities_count), 8, 114, 9},
    {5043, offsetof(tp_checklist, others_can_add_tasks), offsetof(tp_checklist, has_others_can_add_tasks), 3, 0, 0},
    {5064, offsetof(tp_checklist, others_can_mark_tasks_as_done), offsetof(tp_checklist, has_others_can_mark_tasks_as_done), 3, 0, 0},
    {5094, offsetof(tp_checklist, tasks), offsetof(tp_checklist, tasks_count), 8, 115, 44},
    {948, offsetof(tp_checklist, title), 0, 4, 1, 0},
    {5100, offsetof(tp_checklist, title_entities), offsetof(tp_checklist, title_entities_count), 8, 114, 9},
    {784, offsetof(tp_input_checklist_task, id), 0, 1, 1, 0},
    {5134, offsetof(tp_input_checklist_task, parse_mode), 0, 4, 0, 0},
    {3415, offsetof(tp_input_checklist_task, text), 0, 4, 1, 0},
    {4584, offsetof(tp_input_checklist_task, text_entities), offsetof(tp_input_checklist_task, text_entities_count), 8, 114, 9},
    {5043, offsetof(tp_input_checklist, others_can_add_tasks), offsetof(tp_input_checklist, has_others_can_add_tasks), 3, 0, 0},
    {5064, offsetof(tp_input_checklist, others_can_mark_tasks_as_done), offsetof(tp_input_checklist, has_others_can_mark_tasks_as_done), 3, 0, 0},
    {5134, offsetof(tp_input_checklist, parse_mode), 0, 4, 0, 0},
    {5094, offsetof(tp_input_checklist, tasks), offsetof(tp_input_checklist, tasks_count), 8, 115, 46},
    {948, offsetof(tp_input_checklist, title), 0, 4, 1, 0},
    {5100, offsetof(tp_input_checklist, title_entities), offsetof(tp_input_checklist, title_entities_count), 8, 114, 9},
    {5179, offsetof(tp_checklist_tasks_done, checklist_message), 0, 7, 0, 5},
    {5197, offsetof(tp_checklist_tasks_done, marked_as_done_task_ids), offsetof(tp_checklist_tasks_done, marked_as_done_task_ids_count), 8, 18, 0},
    {5221, offsetof(tp_checklist_tasks_done, marked_as_not_done_task_ids), offsetof(tp_checklist_tasks_done, marked_as_not_done_task_ids_count), 8, 18, 0},
    {5179, offsetof(tp_checklist_tasks_added, checklist_message), 0, 7, 0, 5},
    {5094, offsetof(tp_checklist_tasks_added, tasks), offsetof(tp_checklist_tasks_added, tasks_count), 8, 115, 44},
    {5278, offsetof(tp_location, heading), offsetof(tp_location, has_heading), 1, 0, 0},
    {5286, offsetof(tp_location, horizontal_accuracy), offsetof(tp_location, has_horizontal_accuracy), 2, 0, 0},
    {5306, offsetof(tp_location, latitude), 0, 2, 1, 0},
    {5315, offsetof(tp_location, live_period), offsetof(tp_location, has_live_period), 1, 0, 0},
    {5327, offsetof(tp_location, longitude), 0, 2, 1, 0},
    {5337, offsetof(tp_location, proximity_alert_radius), offsetof(tp_location, has_proximity_alert_radius), 1, 0, 0},
    {5366, offsetof(tp_venue, address), 0, 4, 1, 0},
    {5374, offsetof(tp_venue, foursquare_id), 0, 4, 0, 0},
    {5388, offsetof(tp_venue, foursquare_type), 0, 4, 0, 0},
    {5404, offsetof(tp_venue, google_place_id), 0, 4, 0, 0},
    {5420, offsetof(tp_venue, google_place_type), 0, 4, 0, 0},
    {1532, offsetof(tp_venue, location), 0, 7, 1, 50},
    {948, offsetof(tp_venue, title), 0, 4, 1, 0},
    {5449, offsetof(tp_web_app_data, button_text), 0, 4, 1, 0},
    {5461, offsetof(tp_web_app_data, data), 0, 4, 1, 0},
    {5490, offsetof(tp_proximity_alert_triggered, distance), 0, 1, 1, 0},
    {5499, offsetof(tp_proximity_alert_triggered, traveler), 0, 7, 1, 2},
    {5508, offsetof(tp_proximity_alert_triggered, watcher), 0, 7, 1, 2},
    {1560, offsetof(tp_message_auto_delete_timer_changed, message_auto_delete_time), 0, 1, 1, 0},
    {5564, offsetof(tp_managed_bot_created, bot), 0, 7, 1, 2},
    {5564, offsetof(tp_managed_bot_updated, bot), 0, 7, 1, 2},
    {3740, offsetof(tp_managed_bot_updated, user), 0, 7, 1, 2},
    {5602, offsetof(tp_poll_option_added, option_persistent_id), 0, 4, 1, 0},
    {5623, offsetof(tp_poll_option_added, option_text), 0, 4, 1, 0},
    {5635, offsetof(tp_poll_option_added, option_text_entities), offsetof(tp_poll_option_added, option_text_entities_count), 8, 114, 9},
    {5656, offsetof(tp_poll_option_added, poll_message), 0, 7, 0, 8},
    {5602, offsetof(tp_poll_option_deleted, option_persistent_id), 0, 4, 1, 0},
    {5623, offsetof(tp_poll_option_deleted, option_text), 0, 4, 1, 0},
    {5635, offsetof(tp_poll_option_deleted, option_text_entities), offsetof(tp_poll_option_deleted, option_text_entities_count), 8, 114, 9},
    {5656, offsetof(tp_poll_option_deleted, poll_message), 0, 7, 0, 8},
    {5702, offsetof(tp_chat_boost_added, boost_count), 0, 1, 1, 0},
    {5782, offsetof(tp_background_fill_solid, color), 0, 1, 1, 0},
    {954, offsetof(tp_background_fill_solid, type), 0, 4, 1, 5714},
    {5811, offsetof(tp_background_fill_gradient, bottom_color), 0, 1, 1, 0},
    {5824, offsetof(tp_background_fill_gradient, rotation_angle), 0, 1, 1, 0},
    {5839, offsetof(tp_background_fill_gradient, top_color), 0, 1, 1, 0},
    {954, offsetof(tp_background_fill_gradient, type), 0, 4, 1, 5720},
    {5880, offsetof(tp_background_fill_freeform_gradient, colors), offsetof(tp_background_fill_freeform_gradient, colors_count), 8, 19, 0},
    {954, offsetof(tp_background_fill_freeform_gradient, type), 0, 4, 1, 5729},
    {5955, offsetof(tp_background_type_fill, dark_theme_dimming), 0, 1, 1, 0},
    {5887, offsetof(tp_background_type_fill, fill), 0, 7, 1, 60},
    {954, offsetof(tp_background_type_fill, type), 0, 4, 1, 5887},
    {5955, offsetof(tp_background_type_wallpaper, dark_theme_dimming), 0, 1, 1, 0},
    {2161, offsetof(tp_background_type_wallpaper, document), 0, 7, 1, 21},
    {5998, offsetof(tp_background_type_wallpaper, is_blurred), offsetof(tp_background_type_wallpaper, has_is_blurred), 3, 0, 0},
    {6009, offsetof(tp_background_type_wallpaper, is_moving), offsetof(tp_background_type_wallpaper, has_is_moving), 3, 0, 0},
    {954, offsetof(tp_background_type_wallpaper, type), 0, 4, 1, 5892},
    {2161, offsetof(tp_background_type_pattern, document), 0, 7, 1, 21},
    {5887, offsetof(tp_background_type_pattern, fill), 0, 7, 1, 60},
    {6041, offsetof(tp_background_type_pattern, intensity), 0, 1, 1, 0},
    {6051, offsetof(tp_background_type_pattern, is_inverted), offsetof(tp_background_type_pattern, has_is_inverted), 3, 0, 0},
    {6009, offsetof(tp_background_type_pattern, is_moving), offsetof(tp_background_type_pattern, has_is_moving), 3, 0, 0},
    {954, offsetof(tp_background_type_pattern, type), 0, 4, 1, 5902},
    {6087, offsetof(tp_background_type_chat_theme, theme_name), 0, 4, 1, 0},
    {954, offsetof(tp_background_type_chat_theme, type), 0, 4, 1, 5910},
    {954, offsetof(tp_chat_background, type), 0, 7, 1, 64},
    {6131, offsetof(tp_forum_topic_created, icon_color), 0, 1, 1, 0},
    {6142, offsetof(tp_forum_topic_created, icon_custom_emoji_id), 0, 4, 0, 0},
    {6163, offsetof(tp_forum_topic_created, is_name_implicit), offsetof(tp_forum_topic_created, has_is_name_implicit), 3, 0, 0},
    {6180, offsetof(tp_forum_topic_created, name), 0, 4, 1, 0},
    {6142, offsetof(tp_forum_topic_edited, icon_custom_emoji_id), 0, 4, 0, 0},
    {6180, offsetof(tp_forum_topic_edited, name), 0, 4, 0, 0},
    {737, offsetof(tp_shared_user, first_name), 0, 4, 0, 0},
    {819, offsetof(tp_shared_user, last_name), 0, 4, 0, 0},
    {1647, offsetof(tp_shared_user, photo), offsetof(tp_shared_user, photo_count), 8, 114, 18},
    {4424, offsetof(tp_shared_user, user_id), 0, 1, 1, 0},
    {906, offsetof(tp_shared_user, username), 0, 4, 0, 0},
    {6311, offsetof(tp_users_shared, request_id), 0, 1, 1, 0},
    {6322, offsetof(tp_users_shared, users), offsetof(tp_users_shared, users_count), 8, 115, 76},
    {3843, offsetof(tp_chat_shared, chat_id), 0, 1, 1, 0},
    {1647, offsetof(tp_chat_shared, photo), offsetof(tp_chat_shared, photo_count), 8, 114, 18},
    {6311, offsetof(tp_chat_shared, request_id), 0, 1, 1, 0},
    {948, offsetof(tp_chat_shared, title), 0, 4, 0, 0},
    {906, offsetof(tp_chat_shared, username), 0, 4, 0, 0},
    {6358, offsetof(tp_write_access_allowed, from_attachment_menu), offsetof(tp_write_access_allowed, has_from_attachment_menu), 3, 0, 0},
    {6379, offsetof(tp_write_access_allowed, from_request), offsetof(tp_write_access_allowed, has_from_request), 3, 0, 0},
    {6392, offsetof(tp_write_access_allowed, web_app_name), 0, 4, 0, 0},
    {6424, offsetof(tp_video_chat_scheduled, start_date), 0, 1, 1, 0},
    {4141, offsetof(tp_video_chat_ended, duration), 0, 1, 1, 0},
    {6322, offsetof(tp_video_chat_participants_invited, users), offsetof(tp_video_chat_participants_invited, users_count), 8, 115, 2},
    {1585, offsetof(tp_paid_message_price_changed, paid_message_star_count), 0, 1, 1, 0},
    {6546, offsetof(tp_direct_message_price_changed, are_direct_messages_enabled), 0, 3, 1, 0},
    {6574, offsetof(tp_direct_message_price_changed, direct_message_star_count), offsetof(tp_direct_message_price_changed, has_direct_message_star_count), 1, 0, 0},
    {6622, offsetof(tp_suggested_post_approved, price), 0, 7, 0, 96},
    {6628, offsetof(tp_suggested_post_approved, send_date), 0, 1, 1, 0},
    {6638, offsetof(tp_suggested_post_approved, suggested_post_message), 0, 7, 0, 5},
    {6622, offsetof(tp_suggested_post_approval_failed, price), 0, 7, 1, 96},
    {6638, offsetof(tp_suggested_post_approval_failed, suggested_post_message), 0, 7, 0, 5},
    {6711, offsetof(tp_suggested_post_declined, comment), 0, 4, 0, 0},
    {6638, offsetof(tp_suggested_post_declined, suggested_post_message), 0, 7, 0, 5},
    {6737, offsetof(tp_suggested_post_paid, amount), offsetof(tp_suggested_post_paid, has_amount), 1, 0, 0},
    {6744, offsetof(tp_suggested_post_paid, currency), 0, 4, 1, 0},
    {6753, offsetof(tp_suggested_post_paid, star_amount), 0, 7, 0, 172},
    {6638, offsetof(tp_suggested_post_paid, suggested_post_message), 0, 7, 0, 5},
    {6787, offsetof(tp_suggested_post_refunded, reason), 0, 4, 1, 0},
    {6638, offsetof(tp_suggested_post_refunded, suggested_post_message), 0, 7, 0, 5},
    {6810, offsetof(tp_giveaway_created, prize_star_count), offsetof(tp_giveaway_created, has_prize_star_count), 1, 0, 0},
    {6836, offsetof(tp_giveaway, chats), offsetof(tp_giveaway, chats_count), 8, 115, 3},
    {4780, offsetof(tp_giveaway, country_codes), offsetof(tp_giveaway, country_codes_count), 8, 66, 0},
    {6842, offsetof(tp_giveaway, has_public_winners), offsetof(tp_giveaway, has_has_public_winners), 3, 0, 0},
    {6861, offsetof(tp_giveaway, only_new_members), offsetof(tp_giveaway, has_only_new_members), 3, 0, 0},
    {6878, offsetof(tp_giveaway, premium_subscription_month_count), offsetof(tp_giveaway, has_premium_subscription_month_count), 1, 0, 0},
    {6911, offsetof(tp_giveaway, prize_description), 0, 4, 0, 0},
    {6810, offsetof(tp_giveaway, prize_star_count), offsetof(tp_giveaway, has_prize_star_count), 1, 0, 0},
    {6929, offsetof(tp_giveaway, winner_count), 0, 1, 1, 0},
    {6942, offsetof(tp_giveaway, winners_selection_date), 0, 1, 1, 0},
    {6981, offsetof(tp_giveaway_winners, additional_chat_count), offsetof(tp_giveaway_winners, has_additional_chat_count), 1, 0, 0},
    {1931, offsetof(tp_giveaway_winners, chat), 0, 7, 1, 3},
    {7003, offsetof(tp_giveaway_winners, giveaway_message_id), 0, 1, 1, 0},
    {6861, offsetof(tp_giveaway_winners, only_new_members), offsetof(tp_giveaway_winners, has_only_new_members), 3, 0, 0},
    {6878, offsetof(tp_giveaway_winners, premium_subscription_month_count), offsetof(tp_giveaway_winners, has_premium_subscription_month_count), 1, 0, 0},
    {6911, offsetof(tp_giveaway_winners, prize_description), 0, 4, 0, 0},
    {6810, offsetof(tp_giveaway_winners, prize_star_count), offsetof(tp_giveaway_winners, has_prize_star_count), 1, 0, 0},
    {7023, offsetof(tp_giveaway_winners, unclaimed_prize_count), offsetof(tp_giveaway_winners, has_unclaimed_prize_count), 1, 0, 0},
    {7045, offsetof(tp_giveaway_winners, was_refunded), offsetof(tp_giveaway_winners, has_was_refunded), 3, 0, 0},
    {6929, offsetof(tp_giveaway_winners, winner_count), 0, 1, 1, 0},
    {7058, offsetof(tp_giveaway_winners, winners), offsetof(tp_giveaway_winners, winners_count), 8, 115, 2},
    {6942, offsetof(tp_giveaway_winners, winners_selection_date), 0, 1, 1, 0},
    {7084, offsetof(tp_giveaway_completed, giveaway_message), 0, 7, 0, 5},
    {7101, offsetof(tp_giveaway_completed, is_star_giveaway), offsetof(tp_giveaway_completed, has_is_star_giveaway), 3, 0, 0},
    {7023, offsetof(tp_giveaway_completed, unclaimed_prize_count), offsetof(tp_giveaway_completed, has_unclaimed_prize_count), 1, 0, 0},
    {6929, offsetof(tp_giveaway_completed, winner_count), 0, 1, 1, 0},
    {7137, offsetof(tp_link_preview_options, is_disabled), offsetof(tp_link_preview_options, has_is_disabled), 3, 0, 0},
    {7149, offsetof(tp_link_preview_options, prefer_large_media), offsetof(tp_link_preview_options, has_prefer_large_media), 3, 0, 0},
    {7168, offsetof(tp_link_preview_options, prefer_small_media), offsetof(tp_link_preview_options, has_prefer_small_media), 3, 0, 0},
    {7187, offsetof(tp_link_preview_options, show_above_text), offsetof(tp_link_preview_options, has_show_above_text), 3, 0, 0},
    {589, offsetof(tp_link_preview_options, url), 0, 4, 0, 0},
    {6737, offsetof(tp_suggested_post_price, amount), 0, 1, 1, 0},
    {6744, offsetof(tp_suggested_post_price, currency), 0, 4, 1, 0},
    {6622, offsetof(tp_suggested_post_info, price), 0, 7, 0, 96},
    {6628, offsetof(tp_suggested_post_info, send_date), offsetof(tp_suggested_post_info, has_send_date), 1, 0, 0},
    {7240, offsetof(tp_suggested_post_info, state), 0, 4, 1, 0},
    {6622, offsetof(tp_suggested_post_parameters, price), 0, 7, 0, 96},
    {6628, offsetof(tp_suggested_post_parameters, send_date), offsetof(tp_suggested_post_parameters, has_send_date), 1, 0, 0},
    {7290, offsetof(tp_direct_messages_topic, topic_id), 0, 1, 1, 0},
    {3740, offsetof(tp_direct_messages_topic, user), 0, 7, 0, 2},
    {7317, offsetof(tp_user_profile_photos, photos), offsetof(tp_user_profile_photos, photos_count), 8, 117, 18},
    {7324, offsetof(tp_user_profile_photos, total_count), 0, 1, 1, 0},
    {7354, offsetof(tp_user_profile_audios, audios), offsetof(tp_user_profile_audios, audios_count), 8, 115, 20},
    {7324, offsetof(tp_user_profile_audios, total_count), 0, 1, 1, 0},
    {4085, offsetof(tp_file, file_id), 0, 4, 1, 0},
    {7366, offsetof(tp_file, file_path), 0, 4, 0, 0},
    {4093, offsetof(tp_file, file_size), offsetof(tp_file, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_file, file_unique_id), 0, 4, 1, 0},
    {589, offsetof(tp_web_app_info, url), 0, 4, 1, 0},
    {7407, offsetof(tp_reply_keyboard_markup, input_field_placeholder), 0, 4, 0, 0},
    {7431, offsetof(tp_reply_keyboard_markup, is_persistent), offsetof(tp_reply_keyboard_markup, has_is_persistent), 3, 0, 0},
    {7445, offsetof(tp_reply_keyboard_markup, keyboard), offsetof(tp_reply_keyboard_markup, keyboard_count), 8, 117, 105},
    {7454, offsetof(tp_reply_keyboard_markup, one_time_keyboard), offsetof(tp_reply_keyboard_markup, has_one_time_keyboard), 3, 0, 0},
    {7472, offsetof(tp_reply_keyboard_markup, resize_keyboard), offsetof(tp_reply_keyboard_markup, has_resize_keyboard), 3, 0, 0},
    {7488, offsetof(tp_reply_keyboard_markup, selective), offsetof(tp_reply_keyboard_markup, has_selective), 3, 0, 0},
    {6142, offsetof(tp_keyboard_button, icon_custom_emoji_id), 0, 4, 0, 0},
    {7513, offsetof(tp_keyboard_button, request_chat), 0, 7, 0, 107},
    {7526, offsetof(tp_keyboard_button, request_contact), offsetof(tp_keyboard_button, has_request_contact), 3, 0, 0},
    {7542, offsetof(tp_keyboard_button, request_location), offsetof(tp_keyboard_button, has_request_location), 3, 0, 0},
    {7559, offsetof(tp_keyboard_button, request_managed_bot), 0, 7, 0, 108},
    {7579, offsetof(tp_keyboard_button, request_poll), 0, 7, 0, 109},
    {7592, offsetof(tp_keyboard_button, request_users), 0, 7, 0, 106},
    {7606, offsetof(tp_keyboard_button, style), 0, 4, 0, 0},
    {3415, offsetof(tp_keyboard_button, text), 0, 4, 1, 0},
    {7612, offsetof(tp_keyboard_button, web_app), 0, 7, 0, 103},
    {7647, offsetof(tp_keyboard_button_request_users, max_quantity), offsetof(tp_keyboard_button_request_users, has_max_quantity), 1, 0, 0},
    {6311, offsetof(tp_keyboard_button_request_users, request_id), 0, 1, 1, 0},
    {7660, offsetof(tp_keyboard_button_request_users, request_name), offsetof(tp_keyboard_button_request_users, has_request_name), 3, 0, 0},
    {7673, offsetof(tp_keyboard_button_request_users, request_photo), offsetof(tp_keyboard_button_request_users, has_request_photo), 3, 0, 0},
    {7687, offsetof(tp_keyboard_button_request_users, request_username), offsetof(tp_keyboard_button_request_users, has_request_username), 3, 0, 0},
    {7704, offsetof(tp_keyboard_button_request_users, user_is_bot), offsetof(tp_keyboard_button_request_users, has_user_is_bot), 3, 0, 0},
    {7716, offsetof(tp_keyboard_button_request_users, user_is_premium), offsetof(tp_keyboard_button_request_users, has_user_is_premium), 3, 0, 0},
    {7758, offsetof(tp_keyboard_button_request_chat, bot_administrator_rights), 0, 7, 0, 120},
    {7783, offsetof(tp_keyboard_button_request_chat, bot_is_member), offsetof(tp_keyboard_button_request_chat, has_bot_is_member), 3, 0, 0},
    {7797, offsetof(tp_keyboard_button_request_chat, chat_has_username), offsetof(tp_keyboard_button_request_chat, has_chat_has_username), 3, 0, 0},
    {7815, offsetof(tp_keyboard_button_request_chat, chat_is_channel), 0, 3, 1, 0},
    {7831, offsetof(tp_keyboard_button_request_chat, chat_is_created), offsetof(tp_keyboard_button_request_chat, has_chat_is_created), 3, 0, 0},
    {7847, offsetof(tp_keyboard_button_request_chat, chat_is_forum), offsetof(tp_keyboard_button_request_chat, has_chat_is_forum), 3, 0, 0},
    {6311, offsetof(tp_keyboard_button_request_chat, request_id), 0, 1, 1, 0},
    {7673, offsetof(tp_keyboard_button_request_chat, request_photo), offsetof(tp_keyboard_button_request_chat, has_request_photo), 3, 0, 0},
    {7861, offsetof(tp_keyboard_button_request_chat, request_title), offsetof(tp_keyboard_button_request_chat, has_request_title), 3, 0, 0},
    {7687, offsetof(tp_keyboard_button_request_chat, request_username), offsetof(tp_keyboard_button_request_chat, has_request_username), 3, 0, 0},
    {7875, offsetof(tp_keyboard_button_request_chat, user_administrator_rights), 0, 7, 0, 120},
    {6311, offsetof(tp_keyboard_button_request_managed_bot, request_id), 0, 1, 1, 0},
    {7933, offsetof(tp_keyboard_button_request_managed_bot, suggested_name), 0, 4, 0, 0},
    {7948, offsetof(tp_keyboard_button_request_managed_bot, suggested_username), 0, 4, 0, 0},
    {954, offsetof(tp_keyboard_button_poll_type, type), 0, 4, 0, 0},
    {8010, offsetof(tp_reply_keyboard_remove, remove_keyboard), 0, 3, 1, 1},
    {7488, offsetof(tp_reply_keyboard_remove, selective), offsetof(tp_reply_keyboard_remove, has_selective), 3, 0, 0},
    {8047, offsetof(tp_inline_keyboard_markup, inline_keyboard), offsetof(tp_inline_keyboard_markup, inline_keyboard_count), 8, 117, 112},
    {8084, offsetof(tp_inline_keyboard_button, callback_data), 0, 4, 0, 0},
    {8098, offsetof(tp_inline_keyboard_button, callback_game), 0, 7, 0, 357},
    {8112, offsetof(tp_inline_keyboard_button, copy_text), 0, 7, 0, 115},
    {6142, offsetof(tp_inline_keyboard_button, icon_custom_emoji_id), 0, 4, 0, 0},
    {8122, offsetof(tp_inline_keyboard_button, login_url), 0, 7, 0, 113},
    {8132, offsetof(tp_inline_keyboard_button, pay), offsetof(tp_inline_keyboard_button, has_pay), 3, 0, 0},
    {7606, offsetof(tp_inline_keyboard_button, style), 0, 4, 0, 0},
    {8136, offsetof(tp_inline_keyboard_button, switch_inline_query), 0, 4, 0, 0},
    {8156, offsetof(tp_inline_keyboard_button, switch_inline_query_chosen_chat), 0, 7, 0, 114},
    {8188, offsetof(tp_inline_keyboard_button, switch_inline_query_current_chat), 0, 4, 0, 0},
    {3415, offsetof(tp_inline_keyboard_button, text), 0, 4, 1, 0},
    {589, offsetof(tp_inline_keyboard_button, url), 0, 4, 0, 0},
    {7612, offsetof(tp_inline_keyboard_button, web_app), 0, 7, 0, 103},
    {8230, offsetof(tp_login_url, bot_username), 0, 4, 0, 0},
    {8243, offsetof(tp_login_url, forward_text), 0, 4, 0, 0},
    {8256, offsetof(tp_login_url, request_write_access), offsetof(tp_login_url, has_request_write_access), 3, 0, 0},
    {589, offsetof(tp_login_url, url), 0, 4, 1, 0},
    {8305, offsetof(tp_switch_inline_query_chosen_chat, allow_bot_chats), offsetof(tp_switch_inline_query_chosen_chat, has_allow_bot_chats), 3, 0, 0},
    {8321, offsetof(tp_switch_inline_query_chosen_chat, allow_channel_chats), offsetof(tp_switch_inline_query_chosen_chat, has_allow_channel_chats), 3, 0, 0},
    {8341, offsetof(tp_switch_inline_query_chosen_chat, allow_group_chats), offsetof(tp_switch_inline_query_chosen_chat, has_allow_group_chats), 3, 0, 0},
    {8359, offsetof(tp_switch_inline_query_chosen_chat, allow_user_chats), offsetof(tp_switch_inline_query_chosen_chat, has_allow_user_chats), 3, 0, 0},
    {8376, offsetof(tp_switch_inline_query_chosen_chat, query), 0, 4, 0, 0},
    {3415, offsetof(tp_copy_text_button, text), 0, 4, 1, 0},
    {8411, offsetof(tp_callback_query, chat_instance), 0, 4, 1, 0},
    {5461, offsetof(tp_callback_query, data), 0, 4, 0, 0},
    {2308, offsetof(tp_callback_query, from_), 0, 7, 1, 2},
    {8425, offsetof(tp_callback_query, game_short_name), 0, 4, 0, 0},
    {784, offsetof(tp_callback_query, id), 0, 4, 1, 0},
    {8441, offsetof(tp_callback_query, inline_message_id), 0, 4, 0, 0},
    {259, offsetof(tp_callback_query, message), 0, 7, 0, 8},
    {8470, offsetof(tp_force_reply, force_reply), 0, 3, 1, 1},
    {7407, offsetof(tp_force_reply, input_field_placeholder), 0, 4, 0, 0},
    {7488, offsetof(tp_force_reply, selective), offsetof(tp_force_reply, has_selective), 3, 0, 0},
    {8492, offsetof(tp_chat_photo, big_file_id), 0, 4, 1, 0},
    {8504, offsetof(tp_chat_photo, big_file_unique_id), 0, 4, 1, 0},
    {8523, offsetof(tp_chat_photo, small_file_id), 0, 4, 1, 0},
    {8537, offsetof(tp_chat_photo, small_file_unique_id), 0, 4, 1, 0},
    {8573, offsetof(tp_chat_invite_link, creates_join_request), 0, 3, 1, 0},
    {8594, offsetof(tp_chat_invite_link, creator), 0, 7, 1, 2},
    {8602, offsetof(tp_chat_invite_link, expire_date), offsetof(tp_chat_invite_link, has_expire_date), 1, 0, 0},
    {1467, offsetof(tp_chat_invite_link, invite_link), 0, 4, 1, 0},
    {8614, offsetof(tp_chat_invite_link, is_primary), 0, 3, 1, 0},
    {8625, offsetof(tp_chat_invite_link, is_revoked), 0, 3, 1, 0},
    {8636, offsetof(tp_chat_invite_link, member_limit), offsetof(tp_chat_invite_link, has_member_limit), 1, 0, 0},
    {6180, offsetof(tp_chat_invite_link, name), 0, 4, 0, 0},
    {8649, offsetof(tp_chat_invite_link, pending_join_request_count), offsetof(tp_chat_invite_link, has_pending_join_request_count), 1, 0, 0},
    {8676, offsetof(tp_chat_invite_link, subscription_period), offsetof(tp_chat_invite_link, has_subscription_period), 1, 0, 0},
    {8696, offsetof(tp_chat_invite_link, subscription_price), offsetof(tp_chat_invite_link, has_subscription_price), 1, 0, 0},
    {8739, offsetof(tp_chat_administrator_rights, can_change_info), 0, 3, 1, 0},
    {8755, offsetof(tp_chat_administrator_rights, can_delete_messages), 0, 3, 1, 0},
    {8775, offsetof(tp_chat_administrator_rights, can_delete_stories), 0, 3, 1, 0},
    {8794, offsetof(tp_chat_administrator_rights, can_edit_messages), offsetof(tp_chat_administrator_rights, has_can_edit_messages), 3, 0, 0},
    {8812, offsetof(tp_chat_administrator_rights, can_edit_stories), 0, 3, 1, 0},
    {8829, offsetof(tp_chat_administrator_rights, can_invite_users), 0, 3, 1, 0},
    {8846, offsetof(tp_chat_administrator_rights, can_manage_chat), 0, 3, 1, 0},
    {8862, offsetof(tp_chat_administrator_rights, can_manage_direct_messages), offsetof(tp_chat_administrator_rights, has_can_manage_direct_messages), 3, 0, 0},
    {8889, offsetof(tp_chat_administrator_rights, can_manage_tags), offsetof(tp_chat_administrator_rights, has_can_manage_tags), 3, 0, 0},
    {8905, offsetof(tp_chat_administrator_rights, can_manage_topics), offsetof(tp_chat_administrator_rights, has_can_manage_topics), 3, 0, 0},
    {8923, offsetof(tp_chat_administrator_rights, can_manage_video_chats), 0, 3, 1, 0},
    {8946, offsetof(tp_chat_administrator_rights, can_pin_messages), offsetof(tp_chat_administrator_rights, has_can_pin_messages), 3, 0, 0},
    {8963, offsetof(tp_chat_administrator_rights, can_post_messages), offsetof(tp_chat_administrator_rights, has_can_post_messages), 3, 0, 0},
    {8981, offsetof(tp_chat_administrator_rights, can_post_stories), 0, 3, 1, 0},
    {8998, offsetof(tp_chat_administrator_rights, can_promote_members), 0, 3, 1, 0},
    {9018, offsetof(tp_chat_administrator_rights, can_restrict_members), 0, 3, 1, 0},
    {4866, offsetof(tp_chat_administrator_rights, is_anonymous), 0, 3, 1, 0},
    {1931, offsetof(tp_chat_member_updated, chat), 0, 7, 1, 3},
    {2082, offsetof(tp_chat_member_updated, date), 0, 1, 1, 0},
    {2308, offsetof(tp_chat_member_updated, from_), 0, 7, 1, 2},
    {1467, offsetof(tp_chat_member_updated, invite_link), 0, 7, 0, 119},
    {9057, offsetof(tp_chat_member_updated, new_chat_member), 0, 7, 1, 122},
    {9073, offsetof(tp_chat_member_updated, old_chat_member), 0, 7, 1, 122},
    {9089, offsetof(tp_chat_member_updated, via_chat_folder_invite_link), offsetof(tp_chat_member_updated, has_via_chat_folder_invite_link), 3, 0, 0},
    {9117, offsetof(tp_chat_member_updated, via_join_request), offsetof(tp_chat_member_updated, has_via_join_request), 3, 0, 0},
    {9212, offsetof(tp_chat_member_owner, custom_title), 0, 4, 0, 0},
    {4866, offsetof(tp_chat_member_owner, is_anonymous), 0, 3, 1, 0},
    {9134, offsetof(tp_chat_member_owner, status), 0, 4, 1, 8594},
    {3740, offsetof(tp_chat_member_owner, user), 0, 7, 1, 2},
    {9249, offsetof(tp_chat_member_administrator, can_be_edited), 0, 3, 1, 0},
    {8739, offsetof(tp_chat_member_administrator, can_change_info), 0, 3, 1, 0},
    {8755, offsetof(tp_chat_member_administrator, can_delete_messages), 0, 3, 1, 0},
    {8775, offsetof(tp_chat_member_administrator, can_delete_stories), 0, 3, 1, 0},
    {8794, offsetof(tp_chat_member_administrator, can_edit_messages), offsetof(tp_chat_member_administrator, has_can_edit_messages), 3, 0, 0},
    {8812, offsetof(tp_chat_member_administrator, can_edit_stories), 0, 3, 1, 0},
    {8829, offsetof(tp_chat_member_administrator, can_invite_users), 0, 3, 1, 0},
    {8846, offsetof(tp_chat_member_administrator, can_manage_chat), 0, 3, 1, 0},
    {8862, offsetof(tp_chat_member_administrator, can_manage_direct_messages), offsetof(tp_chat_member_administrator, has_can_manage_direct_messages), 3, 0, 0},
    {8889, offsetof(tp_chat_member_administrator, can_manage_tags), offsetof(tp_chat_member_administrator, has_can_manage_tags), 3, 0, 0},
    {8905, offsetof(tp_chat_member_administrator, can_manage_topics), offsetof(tp_chat_member_administrator, has_can_manage_topics), 3, 0, 0},
    {8923, offsetof(tp_chat_member_administrator, can_manage_video_chats), 0, 3, 1, 0},
    {8946, offsetof(tp_chat_member_administrator, can_pin_messages), offsetof(tp_chat_member_administrator, has_can_pin_messages), 3, 0, 0},
    {8963, offsetof(tp_chat_member_administrator, can_post_messages), offsetof(tp_chat_member_administrator, has_can_post_messages), 3, 0, 0},
    {8981, offsetof(tp_chat_member_administrator, can_post_stories), 0, 3, 1, 0},
    {8998, offsetof(tp_chat_member_administrator, can_promote_members), 0, 3, 1, 0},
    {9018, offsetof(tp_chat_member_administrator, can_restrict_members), 0, 3, 1, 0},
    {9212, offsetof(tp_chat_member_administrator, custom_title), 0, 4, 0, 0},
    {4866, offsetof(tp_chat_member_administrator, is_anonymous), 0, 3, 1, 0},
    {9134, offsetof(tp_chat_member_administrator, status), 0, 4, 1, 9141},
    {3740, offsetof(tp_chat_member_administrator, user), 0, 7, 1, 2},
    {9134, offsetof(tp_chat_member_member, status), 0, 4, 1, 9155},
    {9280, offsetof(tp_chat_member_member, tag), 0, 4, 0, 0},
    {9284, offsetof(tp_chat_member_member, until_date), offsetof(tp_chat_member_member, has_until_date), 1, 0, 0},
    {3740, offsetof(tp_chat_member_member, user), 0, 7, 1, 2},
    {9316, offsetof(tp_chat_member_restricted, can_add_web_page_previews), 0, 3, 1, 0},
    {8739, offsetof(tp_chat_member_restricted, can_change_info), 0, 3, 1, 0},
    {9342, offsetof(tp_chat_member_restricted, can_edit_tag), 0, 3, 1, 0},
    {8829, offsetof(tp_chat_member_restricted, can_invite_users), 0, 3, 1, 0},
    {8905, offsetof(tp_chat_member_restricted, can_manage_topics), 0, 3, 1, 0},
    {8946, offsetof(tp_chat_member_restricted, can_pin_messages), 0, 3, 1, 0},
    {9355, offsetof(tp_chat_member_restricted, can_react_to_messages), 0, 3, 1, 0},
    {9377, offsetof(tp_chat_member_restricted, can_send_audios), 0, 3, 1, 0},
    {9393, offsetof(tp_chat_member_restricted, can_send_documents), 0, 3, 1, 0},
    {9412, offsetof(tp_chat_member_restricted, can_send_messages), 0, 3, 1, 0},
    {9430, offsetof(tp_chat_member_restricted, can_send_other_messages), 0, 3, 1, 0},
    {9454, offsetof(tp_chat_member_restricted, can_send_photos), 0, 3, 1, 0},
    {9470, offsetof(tp_chat_member_restricted, can_send_polls), 0, 3, 1, 0},
    {9485, offsetof(tp_chat_member_restricted, can_send_video_notes), 0, 3, 1, 0},
    {9506, offsetof(tp_chat_member_restricted, can_send_videos), 0, 3, 1, 0},
    {9522, offsetof(tp_chat_member_restricted, can_send_voice_notes), 0, 3, 1, 0},
    {9543, offsetof(tp_chat_member_restricted, is_member), 0, 3, 1, 0},
    {9134, offsetof(tp_chat_member_restricted, status), 0, 4, 1, 9162},
    {9280, offsetof(tp_chat_member_restricted, tag), 0, 4, 0, 0},
    {9284, offsetof(tp_chat_member_restricted, until_date), 0, 1, 1, 0},
    {3740, offsetof(tp_chat_member_restricted, user), 0, 7, 1, 2},
    {9134, offsetof(tp_chat_member_left, status), 0, 4, 1, 9173},
    {3740, offsetof(tp_chat_member_left, user), 0, 7, 1, 2},
    {9134, offsetof(tp_chat_member_banned, status), 0, 4, 1, 9178},
    {9284, offsetof(tp_chat_member_banned, until_date), 0, 1, 1, 0},
    {3740, offsetof(tp_chat_member_banned, user), 0, 7, 1, 2},
    {1072, offsetof(tp_chat_join_request, bio), 0, 4, 0, 0},
    {1931, offsetof(tp_chat_join_request, chat), 0, 7, 1, 3},
    {2082, offsetof(tp_chat_join_request, date), 0, 1, 1, 0},
    {2308, offsetof(tp_chat_join_request, from_), 0, 7, 1, 2},
    {1467, offsetof(tp_chat_join_request, invite_link), 0, 7, 0, 119},
    {9601, offsetof(tp_chat_join_request, query_id), 0, 4, 0, 0},
    {9610, offsetof(tp_chat_join_request, user_chat_id), 0, 1, 1, 0},
    {9316, offsetof(tp_chat_permissions, can_add_web_page_previews), offsetof(tp_chat_permissions, has_can_add_web_page_previews), 3, 0, 0},
    {8739, offsetof(tp_chat_permissions, can_change_info), offsetof(tp_chat_permissions, has_can_change_info), 3, 0, 0},
    {9342, offsetof(tp_chat_permissions, can_edit_tag), offsetof(tp_chat_permissions, has_can_edit_tag), 3, 0, 0},
    {8829, offsetof(tp_chat_permissions, can_invite_users), offsetof(tp_chat_permissions, has_can_invite_users), 3, 0, 0},
    {8905, offsetof(tp_chat_permissions, can_manage_topics), offsetof(tp_chat_permissions, has_can_manage_topics), 3, 0, 0},
    {8946, offsetof(tp_chat_permissions, can_pin_messages), offsetof(tp_chat_permissions, has_can_pin_messages), 3, 0, 0},
    {9355, offsetof(tp_chat_permissions, can_react_to_messages), offsetof(tp_chat_permissions, has_can_react_to_messages), 3, 0, 0},
    {9377, offsetof(tp_chat_permissions, can_send_audios), offsetof(tp_chat_permissions, has_can_send_audios), 3, 0, 0},
    {9393, offsetof(tp_chat_permissions, can_send_documents), offsetof(tp_chat_permissions, has_can_send_documents), 3, 0, 0},
    {9412, offsetof(tp_chat_permissions, can_send_messages), offsetof(tp_chat_permissions, has_can_send_messages), 3, 0, 0},
    {9430, offsetof(tp_chat_permissions, can_send_other_messages), offsetof(tp_chat_permissions, has_can_send_other_messages), 3, 0, 0},
    {9454, offsetof(tp_chat_permissions, can_send_photos), offsetof(tp_chat_permissions, has_can_send_photos), 3, 0, 0},
    {9470, offsetof(tp_chat_permissions, can_send_polls), offsetof(tp_chat_permissions, has_can_send_polls), 3, 0, 0},
    {9485, offsetof(tp_chat_permissions, can_send_video_notes), offsetof(tp_chat_permissions, has_can_send_video_notes), 3, 0, 0},
    {9506, offsetof(tp_chat_permissions, can_send_videos), offsetof(tp_chat_permissions, has_can_send_videos), 3, 0, 0},
    {9522, offsetof(tp_chat_permissions, can_send_voice_notes), offsetof(tp_chat_permissions, has_can_send_voice_notes), 3, 0, 0},
    {9649, offsetof(tp_birthdate, day), 0, 1, 1, 0},
    {9653, offsetof(tp_birthdate, month), 0, 1, 1, 0},
    {9659, offsetof(tp_birthdate, year), offsetof(tp_birthdate, has_year), 1, 0, 0},
    {259, offsetof(tp_business_intro, message), 0, 4, 0, 0},
    {3215, offsetof(tp_business_intro, sticker), 0, 7, 0, 229},
    {948, offsetof(tp_business_intro, title), 0, 4, 0, 0},
    {5366, offsetof(tp_business_location, address), 0, 4, 1, 0},
    {1532, offsetof(tp_business_location, location), 0, 7, 0, 50},
    {9724, offsetof(tp_business_opening_hours_interval, closing_minute), 0, 1, 1, 0},
    {9739, offsetof(tp_business_opening_hours_interval, opening_minute), 0, 1, 1, 0},
    {9775, offsetof(tp_business_opening_hours, opening_hours), offsetof(tp_business_opening_hours, opening_hours_count), 8, 115, 134},
    {9789, offsetof(tp_business_opening_hours, time_zone_name), 0, 4, 1, 0},
    {9815, offsetof(tp_user_rating, current_level_rating), 0, 1, 1, 0},
    {9836, offsetof(tp_user_rating, level), 0, 1, 1, 0},
    {9842, offsetof(tp_user_rating, next_level_rating), offsetof(tp_user_rating, has_next_level_rating), 1, 0, 0},
    {1727, offsetof(tp_user_rating, rating), 0, 1, 1, 0},
    {9878, offsetof(tp_story_area_position, corner_radius_percentage), 0, 2, 1, 0},
    {9903, offsetof(tp_story_area_position, height_percentage), 0, 2, 1, 0},
    {5824, offsetof(tp_story_area_position, rotation_angle), 0, 2, 1, 0},
    {9921, offsetof(tp_story_area_position, width_percentage), 0, 2, 1, 0},
    {9938, offsetof(tp_story_area_position, x_percentage), 0, 2, 1, 0},
    {9951, offsetof(tp_story_area_position, y_percentage), 0, 2, 1, 0},
    {9980, offsetof(tp_location_address, city), 0, 4, 0, 0},
    {9985, offsetof(tp_location_address, country_code), 0, 4, 1, 0},
    {7240, offsetof(tp_location_address, state), 0, 4, 0, 0},
    {9998, offsetof(tp_location_address, street), 0, 4, 0, 0},
    {5366, offsetof(tp_story_area_type_location, address), 0, 7, 0, 138},
    {5306, offsetof(tp_story_area_type_location, latitude), 0, 2, 1, 0},
    {5327, offsetof(tp_story_area_type_location, longitude), 0, 2, 1, 0},
    {954, offsetof(tp_story_area_type_location, type), 0, 4, 1, 1532},
    {10099, offsetof(tp_story_area_type_suggested_reaction, is_dark), offsetof(tp_story_area_type_suggested_reaction, has_is_dark), 3, 0, 0},
    {10107, offsetof(tp_story_area_type_suggested_reaction, is_flipped), offsetof(tp_story_area_type_suggested_reaction, has_is_flipped), 3, 0, 0},
    {10118, offsetof(tp_story_area_type_suggested_reaction, reaction_type), 0, 7, 1, 147},
    {954, offsetof(tp_story_area_type_suggested_reaction, type), 0, 4, 1, 10005},
    {954, offsetof(tp_story_area_type_link, type), 0, 4, 1, 4470},
    {589, offsetof(tp_story_area_type_link, url), 0, 4, 1, 0},
    {10171, offsetof(tp_story_area_type_weather, background_color), 0, 1, 1, 0},
    {4443, offsetof(tp_story_area_type_weather, emoji), 0, 4, 1, 0},
    {10188, offsetof(tp_story_area_type_weather, temperature), 0, 2, 1, 0},
    {954, offsetof(tp_story_area_type_weather, type), 0, 4, 1, 10024},
    {6180, offsetof(tp_story_area_type_unique_gift, name), 0, 4, 1, 0},
    {954, offsetof(tp_story_area_type_unique_gift, type), 0, 4, 1, 3420},
    {3765, offsetof(tp_story_area, position), 0, 7, 1, 137},
    {954, offsetof(tp_story_area, type), 0, 7, 1, 139},
    {5366, offsetof(tp_chat_location, address), 0, 4, 1, 0},
    {1532, offsetof(tp_chat_location, location), 0, 7, 1, 50},
    {4443, offsetof(tp_reaction_type_emoji, emoji), 0, 4, 1, 0},
    {954, offsetof(tp_reaction_type_emoji, type), 0, 4, 1, 4443},
    {3674, offsetof(tp_reaction_type_custom_emoji, custom_emoji_id), 0, 4, 1, 0},
    {954, offsetof(tp_reaction_type_custom_emoji, type), 0, 4, 1, 10247},
    {954, offsetof(tp_reaction_type_paid, type), 0, 4, 1, 10260},
    {7324, offsetof(tp_reaction_count, total_count), 0, 1, 1, 0},
    {954, offsetof(tp_reaction_count, type), 0, 7, 1, 147},
    {10374, offsetof(tp_message_reaction_updated, actor_chat), 0, 7, 0, 3},
    {1931, offsetof(tp_message_reaction_updated, chat), 0, 7, 1, 3},
    {2082, offsetof(tp_message_reaction_updated, date), 0, 1, 1, 0},
    {2748, offsetof(tp_message_reaction_updated, message_id), 0, 1, 1, 0},
    {10385, offsetof(tp_message_reaction_updated, new_reaction), offsetof(tp_message_reaction_updated, new_reaction_count), 8, 115, 147},
    {10398, offsetof(tp_message_reaction_updated, old_reaction), offsetof(tp_message_reaction_updated, old_reaction_count), 8, 115, 147},
    {3740, offsetof(tp_message_reaction_updated, user), 0, 7, 0, 2},
    {1931, offsetof(tp_message_reaction_count_updated, chat), 0, 7, 1, 3},
    {2082, offsetof(tp_message_reaction_count_updated, date), 0, 1, 1, 0},
    {2748, offsetof(tp_message_reaction_count_updated, message_id), 0, 1, 1, 0},
    {10439, offsetof(tp_message_reaction_count_updated, reactions), offsetof(tp_message_reaction_count_updated, reactions_count), 8, 115, 151},
    {6131, offsetof(tp_forum_topic, icon_color), 0, 1, 1, 0},
    {6142, offsetof(tp_forum_topic, icon_custom_emoji_id), 0, 4, 0, 0},
    {6163, offsetof(tp_forum_topic, is_name_implicit), offsetof(tp_forum_topic, has_is_name_implicit), 3, 0, 0},
    {2759, offsetof(tp_forum_topic, message_thread_id), 0, 1, 1, 0},
    {6180, offsetof(tp_forum_topic, name), 0, 4, 1, 0},
    {10475, offsetof(tp_gift_background, center_color), 0, 1, 1, 0},
    {10488, offsetof(tp_gift_background, edge_color), 0, 1, 1, 0},
    {10499, offsetof(tp_gift_background, text_color), 0, 1, 1, 0},
    {10515, offsetof(tp_gift, background), 0, 7, 0, 155},
    {10526, offsetof(tp_gift, has_colors), offsetof(tp_gift, has_has_colors), 3, 0, 0},
    {784, offsetof(tp_gift, id), 0, 4, 1, 0},
    {794, offsetof(tp_gift, is_premium), offsetof(tp_gift, has_is_premium), 3, 0, 0},
    {10537, offsetof(tp_gift, personal_remaining_count), offsetof(tp_gift, has_personal_remaining_count), 1, 0, 0},
    {10562, offsetof(tp_gift, personal_total_count), offsetof(tp_gift, has_personal_total_count), 1, 0, 0},
    {10583, offsetof(tp_gift, publisher_chat), 0, 7, 0, 3},
    {10598, offsetof(tp_gift, remaining_count), offsetof(tp_gift, has_remaining_count), 1, 0, 0},
    {4308, offsetof(tp_gift, star_count), 0, 1, 1, 0},
    {3215, offsetof(tp_gift, sticker), 0, 7, 1, 229},
    {7324, offsetof(tp_gift, total_count), offsetof(tp_gift, has_total_count), 1, 0, 0},
    {10614, offsetof(tp_gift, unique_gift_variant_count), offsetof(tp_gift, has_unique_gift_variant_count), 1, 0, 0},
    {10640, offsetof(tp_gift, upgrade_star_count), offsetof(tp_gift, has_upgrade_star_count), 1, 0, 0},
    {10665, offsetof(tp_gifts, gifts), offsetof(tp_gifts, gifts_count), 8, 115, 156},
    {6180, offsetof(tp_unique_gift_model, name), 0, 4, 1, 0},
    {10687, offsetof(tp_unique_gift_model, rarity), 0, 4, 0, 0},
    {10694, offsetof(tp_unique_gift_model, rarity_per_mille), 0, 1, 1, 0},
    {3215, offsetof(tp_unique_gift_model, sticker), 0, 7, 1, 229},
    {6180, offsetof(tp_unique_gift_symbol, name), 0, 4, 1, 0},
    {10694, offsetof(tp_unique_gift_symbol, rarity_per_mille), 0, 1, 1, 0},
    {3215, offsetof(tp_unique_gift_symbol, sticker), 0, 7, 1, 229},
    {10475, offsetof(tp_unique_gift_backdrop_colors, center_color), 0, 1, 1, 0},
    {10488, offsetof(tp_unique_gift_backdrop_colors, edge_color), 0, 1, 1, 0},
    {10753, offsetof(tp_unique_gift_backdrop_colors, symbol_color), 0, 1, 1, 0},
    {10499, offsetof(tp_unique_gift_backdrop_colors, text_color), 0, 1, 1, 0},
    {5880, offsetof(tp_unique_gift_backdrop, colors), 0, 7, 1, 160},
    {6180, offsetof(tp_unique_gift_backdrop, name), 0, 4, 1, 0},
    {10694, offsetof(tp_unique_gift_backdrop, rarity_per_mille), 0, 1, 1, 0},
    {10802, offsetof(tp_unique_gift_colors, dark_theme_main_color), 0, 1, 1, 0},
    {10824, offsetof(tp_unique_gift_colors, dark_theme_other_colors), offsetof(tp_unique_gift_colors, dark_theme_other_colors_count), 8, 19, 0},
    {10848, offsetof(tp_unique_gift_colors, light_theme_main_color), 0, 1, 1, 0},
    {10871, offsetof(tp_unique_gift_colors, light_theme_other_colors), offsetof(tp_unique_gift_colors, light_theme_other_colors_count), 8, 19, 0},
    {10896, offsetof(tp_unique_gift_colors, model_custom_emoji_id), 0, 4, 1, 0},
    {10918, offsetof(tp_unique_gift_colors, symbol_custom_emoji_id), 0, 4, 1, 0},
    {10952, offsetof(tp_unique_gift, backdrop), 0, 7, 1, 161},
    {10961, offsetof(tp_unique_gift, base_name), 0, 4, 1, 0},
    {5880, offsetof(tp_unique_gift, colors), 0, 7, 0, 162},
    {10971, offsetof(tp_unique_gift, gift_id), 0, 4, 1, 0},
    {10979, offsetof(tp_unique_gift, is_burned), offsetof(tp_unique_gift, has_is_burned), 3, 0, 0},
    {10989, offsetof(tp_unique_gift, is_from_blockchain), offsetof(tp_unique_gift, has_is_from_blockchain), 3, 0, 0},
    {794, offsetof(tp_unique_gift, is_premium), offsetof(tp_unique_gift, has_is_premium), 3, 0, 0},
    {11008, offsetof(tp_unique_gift, model), 0, 7, 1, 158},
    {6180, offsetof(tp_unique_gift, name), 0, 4, 1, 0},
    {11014, offsetof(tp_unique_gift, number), 0, 1, 1, 0},
    {10583, offsetof(tp_unique_gift, publisher_chat), 0, 7, 0, 3},
    {11021, offsetof(tp_unique_gift, symbol), 0, 7, 1, 159},
    {11037, offsetof(tp_gift_info, can_be_upgraded), offsetof(tp_gift_info, has_can_be_upgraded), 3, 0, 0},
    {11053, offsetof(tp_gift_info, convert_star_count), offsetof(tp_gift_info, has_convert_star_count), 1, 0, 0},
    {2190, offsetof(tp_gift_info, entities), offsetof(tp_gift_info, entities_count), 8, 114, 9},
    {2374, offsetof(tp_gift_info, gift), 0, 7, 1, 156},
    {11072, offsetof(tp_gift_info, is_private), offsetof(tp_gift_info, has_is_private), 3, 0, 0},
    {11083, offsetof(tp_gift_info, is_upgrade_separate), offsetof(tp_gift_info, has_is_upgrade_separate), 3, 0, 0},
    {11103, offsetof(tp_gift_info, owned_gift_id), 0, 4, 0, 0},
    {11117, offsetof(tp_gift_info, prepaid_upgrade_star_count), offsetof(tp_gift_info, has_prepaid_upgrade_star_count), 1, 0, 0},
    {3415, offsetof(tp_gift_info, text), 0, 4, 0, 0},
    {11144, offsetof(tp_gift_info, unique_gift_number), offsetof(tp_gift_info, has_unique_gift_number), 1, 0, 0},
    {2374, offsetof(tp_unique_gift_info, gift), 0, 7, 1, 163},
    {11178, offsetof(tp_unique_gift_info, last_resale_amount), offsetof(tp_unique_gift_info, has_last_resale_amount), 1, 0, 0},
    {11197, offsetof(tp_unique_gift_info, last_resale_currency), 0, 4, 0, 0},
    {11218, offsetof(tp_unique_gift_info, next_transfer_date), offsetof(tp_unique_gift_info, has_next_transfer_date), 1, 0, 0},
    {3792, offsetof(tp_unique_gift_info, origin), 0, 4, 1, 0},
    {11103, offsetof(tp_unique_gift_info, owned_gift_id), 0, 4, 0, 0},
    {11237, offsetof(tp_unique_gift_info, transfer_star_count), offsetof(tp_unique_gift_info, has_transfer_star_count), 1, 0, 0},
    {11037, offsetof(tp_owned_gift_regular, can_be_upgraded), offsetof(tp_owned_gift_regular, has_can_be_upgraded), 3, 0, 0},
    {11053, offsetof(tp_owned_gift_regular, convert_star_count), offsetof(tp_owned_gift_regular, has_convert_star_count), 1, 0, 0},
    {2190, offsetof(tp_owned_gift_regular, entities), offsetof(tp_owned_gift_regular, entities_count), 8, 114, 9},
    {2374, offsetof(tp_owned_gift_regular, gift), 0, 7, 1, 156},
    {11072, offsetof(tp_owned_gift_regular, is_private), offsetof(tp_owned_gift_regular, has_is_private), 3, 0, 0},
    {11299, offsetof(tp_owned_gift_regular, is_saved), offsetof(tp_owned_gift_regular, has_is_saved), 3, 0, 0},
    {11083, offsetof(tp_owned_gift_regular, is_upgrade_separate), offsetof(tp_owned_gift_regular, has_is_upgrade_separate), 3, 0, 0},
    {11103, offsetof(tp_owned_gift_regular, owned_gift_id), 0, 4, 0, 0},
    {11117, offsetof(tp_owned_gift_regular, prepaid_upgrade_star_count), offsetof(tp_owned_gift_regular, has_prepaid_upgrade_star_count), 1, 0, 0},
    {6628, offsetof(tp_owned_gift_regular, send_date), 0, 1, 1, 0},
    {3983, offsetof(tp_owned_gift_regular, sender_user), 0, 7, 0, 2},
    {3415, offsetof(tp_owned_gift_regular, text), 0, 4, 0, 0},
    {954, offsetof(tp_owned_gift_regular, type), 0, 4, 1, 11257},
    {11144, offsetof(tp_owned_gift_regular, unique_gift_number), offsetof(tp_owned_gift_regular, has_unique_gift_number), 1, 0, 0},
    {7045, offsetof(tp_owned_gift_regular, was_refunded), offsetof(tp_owned_gift_regular, has_was_refunded), 3, 0, 0},
    {11324, offsetof(tp_owned_gift_unique, can_be_transferred), offsetof(tp_owned_gift_unique, has_can_be_transferred), 3, 0, 0},
    {2374, offsetof(tp_owned_gift_unique, gift), 0, 7, 1, 163},
    {11299, offsetof(tp_owned_gift_unique, is_saved), offsetof(tp_owned_gift_unique, has_is_saved), 3, 0, 0},
    {11218, offsetof(tp_owned_gift_unique, next_transfer_date), offsetof(tp_owned_gift_unique, has_next_transfer_date), 1, 0, 0},
    {11103, offsetof(tp_owned_gift_unique, owned_gift_id), 0, 4, 0, 0},
    {6628, offsetof(tp_owned_gift_unique, send_date), 0, 1, 1, 0},
    {3983, offsetof(tp_owned_gift_unique, sender_user), 0, 7, 0, 2},
    {11237, offsetof(tp_owned_gift_unique, transfer_star_count), offsetof(tp_owned_gift_unique, has_transfer_star_count), 1, 0, 0},
    {954, offsetof(tp_owned_gift_unique, type), 0, 4, 1, 11265},
    {10665, offsetof(tp_owned_gifts, gifts), offsetof(tp_owned_gifts, gifts_count), 8, 115, 166},
    {11354, offsetof(tp_owned_gifts, next_offset), 0, 4, 0, 0},
    {7324, offsetof(tp_owned_gifts, total_count), 0, 1, 1, 0},
    {11384, offsetof(tp_bot_access_settings, added_users), offsetof(tp_bot_access_settings, added_users_count), 8, 114, 2},
    {11396, offsetof(tp_bot_access_settings, is_access_restricted), 0, 3, 1, 0},
    {11435, offsetof(tp_accepted_gift_types, gifts_from_channels), 0, 3, 1, 0},
    {11455, offsetof(tp_accepted_gift_types, limited_gifts), 0, 3, 1, 0},
    {11469, offsetof(tp_accepted_gift_types, premium_subscription), 0, 3, 1, 0},
    {11490, offsetof(tp_accepted_gift_types, unique_gifts), 0, 3, 1, 0},
    {11503, offsetof(tp_accepted_gift_types, unlimited_gifts), 0, 3, 1, 0},
    {6737, offsetof(tp_star_amount, amount), 0, 1, 1, 0},
    {11530, offsetof(tp_star_amount, nanostar_amount), offsetof(tp_star_amount, has_nanostar_amount), 1, 0, 0},
    {11557, offsetof(tp_bot_command, command), 0, 4, 1, 0},
    {1212, offsetof(tp_bot_command, description), 0, 4, 1, 0},
    {954, offsetof(tp_bot_command_scope_default, type), 0, 4, 1, 11565},
    {954, offsetof(tp_bot_command_scope_all_private_chats, type), 0, 4, 1, 11573},
    {954, offsetof(tp_bot_command_scope_all_group_chats, type), 0, 4, 1, 11591},
    {954, offsetof(tp_bot_command_scope_all_chat_administrators, type), 0, 4, 1, 11607},
    {3843, offsetof(tp_bot_command_scope_chat, chat_id), 0, 5, 1, 0},
    {954, offsetof(tp_bot_command_scope_chat, type), 0, 4, 1, 1931},
    {3843, offsetof(tp_bot_command_scope_chat_administrators, chat_id), 0, 5, 1, 0},
    {954, offsetof(tp_bot_command_scope_chat_administrators, type), 0, 4, 1, 11631},
    {3843, offsetof(tp_bot_command_scope_chat_member, chat_id), 0, 5, 1, 0},
    {954, offsetof(tp_bot_command_scope_chat_member, type), 0, 4, 1, 102},
    {4424, offsetof(tp_bot_command_scope_chat_member, user_id), 0, 1, 1, 0},
    {6180, offsetof(tp_bot_name, name), 0, 4, 1, 0},
    {1212, offsetof(tp_bot_description, description), 0, 4, 1, 0},
    {11910, offsetof(tp_bot_short_description, short_description), 0, 4, 1, 0},
    {954, offsetof(tp_menu_button_commands, type), 0, 4, 1, 11928},
    {3415, offsetof(tp_menu_button_web_app, text), 0, 4, 1, 0},
    {954, offsetof(tp_menu_button_web_app, type), 0, 4, 1, 7612},
    {7612, offsetof(tp_menu_button_web_app, web_app), 0, 7, 1, 103},
    {954, offsetof(tp_menu_button_default, type), 0, 4, 1, 11565},
    {12002, offsetof(tp_chat_boost_source_premium, source), 0, 4, 1, 12009},
    {3740, offsetof(tp_chat_boost_source_premium, user), 0, 7, 1, 2},
    {12002, offsetof(tp_chat_boost_source_gift_code, source), 0, 4, 1, 12017},
    {3740, offsetof(tp_chat_boost_source_gift_code, user), 0, 7, 1, 2},
    {7003, offsetof(tp_chat_boost_source_giveaway, giveaway_message_id), 0, 1, 1, 0},
    {12114, offsetof(tp_chat_boost_source_giveaway, is_unclaimed), offsetof(tp_chat_boost_source_giveaway, has_is_unclaimed), 3, 0, 0},
    {6810, offsetof(tp_chat_boost_source_giveaway, prize_star_count), offsetof(tp_chat_boost_source_giveaway, has_prize_star_count), 1, 0, 0},
    {12002, offsetof(tp_chat_boost_source_giveaway, source), 0, 4, 1, 2397},
    {3740, offsetof(tp_chat_boost_source_giveaway, user), 0, 7, 0, 2},
    {12137, offsetof(tp_chat_boost, add_date), 0, 1, 1, 0},
    {12146, offsetof(tp_chat_boost, boost_id), 0, 4, 1, 0},
    {12155, offsetof(tp_chat_boost, expiration_date), 0, 1, 1, 0},
    {12002, offsetof(tp_chat_boost, source), 0, 7, 1, 189},
    {12188, offsetof(tp_chat_boost_updated, boost), 0, 7, 1, 193},
    {1931, offsetof(tp_chat_boost_updated, chat), 0, 7, 1, 3},
    {12146, offsetof(tp_chat_boost_removed, boost_id), 0, 4, 1, 0},
    {1931, offsetof(tp_chat_boost_removed, chat), 0, 7, 1, 3},
    {12211, offsetof(tp_chat_boost_removed, remove_date), 0, 1, 1, 0},
    {12002, offsetof(tp_chat_boost_removed, source), 0, 7, 1, 189},
    {12237, offsetof(tp_chat_owner_left, new_owner), 0, 7, 0, 2},
    {12237, offsetof(tp_chat_owner_changed, new_owner), 0, 7, 1, 2},
    {12279, offsetof(tp_user_chat_boosts, boosts), offsetof(tp_user_chat_boosts, boosts_count), 8, 115, 193},
    {12304, offsetof(tp_business_bot_rights, can_change_gift_settings), offsetof(tp_business_bot_rights, has_can_change_gift_settings), 3, 0, 0},
    {12329, offsetof(tp_business_bot_rights, can_convert_gifts_to_stars), offsetof(tp_business_bot_rights, has_can_convert_gifts_to_stars), 3, 0, 0},
    {12356, offsetof(tp_business_bot_rights, can_delete_all_messages), offsetof(tp_business_bot_rights, has_can_delete_all_messages), 3, 0, 0},
    {12380, offsetof(tp_business_bot_rights, can_delete_sent_messages), offsetof(tp_business_bot_rights, has_can_delete_sent_messages), 3, 0, 0},
    {12405, offsetof(tp_business_bot_rights, can_edit_bio), offsetof(tp_business_bot_rights, has_can_edit_bio), 3, 0, 0},
    {12418, offsetof(tp_business_bot_rights, can_edit_name), offsetof(tp_business_bot_rights, has_can_edit_name), 3, 0, 0},
    {12432, offsetof(tp_business_bot_rights, can_edit_profile_photo), offsetof(tp_business_bot_rights, has_can_edit_profile_photo), 3, 0, 0},
    {12455, offsetof(tp_business_bot_rights, can_edit_username), offsetof(tp_business_bot_rights, has_can_edit_username), 3, 0, 0},
    {12473, offsetof(tp_business_bot_rights, can_manage_stories), offsetof(tp_business_bot_rights, has_can_manage_stories), 3, 0, 0},
    {12492, offsetof(tp_business_bot_rights, can_read_messages), offsetof(tp_business_bot_rights, has_can_read_messages), 3, 0, 0},
    {12510, offsetof(tp_business_bot_rights, can_reply), offsetof(tp_business_bot_rights, has_can_reply), 3, 0, 0},
    {12520, offsetof(tp_business_bot_rights, can_transfer_and_upgrade_gifts), offsetof(tp_business_bot_rights, has_can_transfer_and_upgrade_gifts), 3, 0, 0},
    {12551, offsetof(tp_business_bot_rights, can_transfer_stars), offsetof(tp_business_bot_rights, has_can_transfer_stars), 3, 0, 0},
    {12570, offsetof(tp_business_bot_rights, can_view_gifts_and_stars), offsetof(tp_business_bot_rights, has_can_view_gifts_and_stars), 3, 0, 0},
    {2082, offsetof(tp_business_connection, date), 0, 1, 1, 0},
    {784, offsetof(tp_business_connection, id), 0, 4, 1, 0},
    {12614, offsetof(tp_business_connection, is_enabled), 0, 3, 1, 0},
    {12625, offsetof(tp_business_connection, rights), 0, 7, 0, 199},
    {3740, offsetof(tp_business_connection, user), 0, 7, 1, 2},
    {9610, offsetof(tp_business_connection, user_chat_id), 0, 1, 1, 0},
    {1862, offsetof(tp_business_messages_deleted, business_connection_id), 0, 4, 1, 0},
    {1931, offsetof(tp_business_messages_deleted, chat), 0, 7, 1, 3},
    {12656, offsetof(tp_business_messages_deleted, message_ids), offsetof(tp_business_messages_deleted, message_ids_count), 8, 19, 0},
    {8441, offsetof(tp_sent_web_app_message, inline_message_id), 0, 4, 0, 0},
    {8441, offsetof(tp_sent_guest_message, inline_message_id), 0, 4, 1, 0},
    {12155, offsetof(tp_prepared_inline_message, expiration_date), 0, 1, 1, 0},
    {784, offsetof(tp_prepared_inline_message, id), 0, 4, 1, 0},
    {784, offsetof(tp_prepared_keyboard_button, id), 0, 4, 1, 0},
    {2798, offsetof(tp_response_parameters, migrate_to_chat_id), offsetof(tp_response_parameters, has_migrate_to_chat_id), 1, 0, 0},
    {12767, offsetof(tp_response_parameters, retry_after), offsetof(tp_response_parameters, has_retry_after), 1, 0, 0},
    {1885, offsetof(tp_input_media_animation, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_input_media_animation, caption_entities), offsetof(tp_input_media_animation, caption_entities_count), 8, 114, 9},
    {4141, offsetof(tp_input_media_animation, duration), offsetof(tp_input_media_animation, has_duration), 1, 0, 0},
    {12810, offsetof(tp_input_media_animation, has_spoiler), offsetof(tp_input_media_animation, has_has_spoiler), 3, 0, 0},
    {4118, offsetof(tp_input_media_animation, height), offsetof(tp_input_media_animation, has_height), 1, 0, 0},
    {4564, offsetof(tp_input_media_animation, media), 0, 6, 1, 0},
    {5134, offsetof(tp_input_media_animation, parse_mode), 0, 4, 0, 0},
    {3190, offsetof(tp_input_media_animation, show_caption_above_media), offsetof(tp_input_media_animation, has_show_caption_above_media), 3, 0, 0},
    {4170, offsetof(tp_input_media_animation, thumbnail), 0, 6, 0, 0},
    {954, offsetof(tp_input_media_animation, type), 0, 4, 1, 1817},
    {4125, offsetof(tp_input_media_animation, width), offsetof(tp_input_media_animation, has_width), 1, 0, 0},
    {1885, offsetof(tp_input_media_audio, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_input_media_audio, caption_entities), offsetof(tp_input_media_audio, caption_entities_count), 8, 114, 9},
    {4141, offsetof(tp_input_media_audio, duration), offsetof(tp_input_media_audio, has_duration), 1, 0, 0},
    {4564, offsetof(tp_input_media_audio, media), 0, 6, 1, 0},
    {5134, offsetof(tp_input_media_audio, parse_mode), 0, 4, 0, 0},
    {4186, offsetof(tp_input_media_audio, performer), 0, 4, 0, 0},
    {4170, offsetof(tp_input_media_audio, thumbnail), 0, 6, 0, 0},
    {948, offsetof(tp_input_media_audio, title), 0, 4, 0, 0},
    {954, offsetof(tp_input_media_audio, type), 0, 4, 1, 1827},
    {1885, offsetof(tp_input_media_document, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_input_media_document, caption_entities), offsetof(tp_input_media_document, caption_entities_count), 8, 114, 9},
    {12857, offsetof(tp_input_media_document, disable_content_type_detection), offsetof(tp_input_media_document, has_disable_content_type_detection), 3, 0, 0},
    {4564, offsetof(tp_input_media_document, media), 0, 6, 1, 0},
    {5134, offsetof(tp_input_media_document, parse_mode), 0, 4, 0, 0},
    {4170, offsetof(tp_input_media_document, thumbnail), 0, 6, 0, 0},
    {954, offsetof(tp_input_media_document, type), 0, 4, 1, 2161},
    {954, offsetof(tp_input_media_link, type), 0, 4, 1, 4470},
    {589, offsetof(tp_input_media_link, url), 0, 4, 1, 0},
    {1885, offsetof(tp_input_media_live_photo, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_input_media_live_photo, caption_entities), offsetof(tp_input_media_live_photo, caption_entities_count), 8, 114, 9},
    {12810, offsetof(tp_input_media_live_photo, has_spoiler), offsetof(tp_input_media_live_photo, has_has_spoiler), 3, 0, 0},
    {4564, offsetof(tp_input_media_live_photo, media), 0, 6, 1, 0},
    {5134, offsetof(tp_input_media_live_photo, parse_mode), 0, 4, 0, 0},
    {1647, offsetof(tp_input_media_live_photo, photo), 0, 6, 1, 0},
    {3190, offsetof(tp_input_media_live_photo, show_caption_above_media), offsetof(tp_input_media_live_photo, has_show_caption_above_media), 3, 0, 0},
    {954, offsetof(tp_input_media_live_photo, type), 0, 4, 1, 2668},
    {5286, offsetof(tp_input_media_location, horizontal_accuracy), offsetof(tp_input_media_location, has_horizontal_accuracy), 2, 0, 0},
    {5306, offsetof(tp_input_media_location, latitude), 0, 2, 1, 0},
    {5327, offsetof(tp_input_media_location, longitude), 0, 2, 1, 0},
    {954, offsetof(tp_input_media_location, type), 0, 4, 1, 1532},
    {1885, offsetof(tp_input_media_photo, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_input_media_photo, caption_entities), offsetof(tp_input_media_photo, caption_entities_count), 8, 114, 9},
    {12810, offsetof(tp_input_media_photo, has_spoiler), offsetof(tp_input_media_photo, has_has_spoiler), 3, 0, 0},
    {4564, offsetof(tp_input_media_photo, media), 0, 6, 1, 0},
    {5134, offsetof(tp_input_media_photo, parse_mode), 0, 4, 0, 0},
    {3190, offsetof(tp_input_media_photo, show_caption_above_media), offsetof(tp_input_media_photo, has_show_caption_above_media), 3, 0, 0},
    {954, offsetof(tp_input_media_photo, type), 0, 4, 1, 1647},
    {4443, offsetof(tp_input_media_sticker, emoji), 0, 4, 0, 0},
    {4564, offsetof(tp_input_media_sticker, media), 0, 6, 1, 0},
    {954, offsetof(tp_input_media_sticker, type), 0, 4, 1, 3215},
    {5366, offsetof(tp_input_media_venue, address), 0, 4, 1, 0},
    {5374, offsetof(tp_input_media_venue, foursquare_id), 0, 4, 0, 0},
    {5388, offsetof(tp_input_media_venue, foursquare_type), 0, 4, 0, 0},
    {5404, offsetof(tp_input_media_venue, google_place_id), 0, 4, 0, 0},
    {5420, offsetof(tp_input_media_venue, google_place_type), 0, 4, 0, 0},
    {5306, offsetof(tp_input_media_venue, latitude), 0, 2, 1, 0},
    {5327, offsetof(tp_input_media_venue, longitude), 0, 2, 1, 0},
    {948, offsetof(tp_input_media_venue, title), 0, 4, 1, 0},
    {954, offsetof(tp_input_media_venue, type), 0, 4, 1, 3445},
    {1885, offsetof(tp_input_media_video, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_input_media_video, caption_entities), offsetof(tp_input_media_video, caption_entities_count), 8, 114, 9},
    {4246, offsetof(tp_input_media_video, cover), 0, 6, 0, 0},
    {4141, offsetof(tp_input_media_video, duration), offsetof(tp_input_media_video, has_duration), 1, 0, 0},
    {12810, offsetof(tp_input_media_video, has_spoiler), offsetof(tp_input_media_video, has_has_spoiler), 3, 0, 0},
    {4118, offsetof(tp_input_media_video, height), offsetof(tp_input_media_video, has_height), 1, 0, 0},
    {4564, offsetof(tp_input_media_video, media), 0, 6, 1, 0},
    {5134, offsetof(tp_input_media_video, parse_mode), 0, 4, 0, 0},
    {3190, offsetof(tp_input_media_video, show_caption_above_media), offsetof(tp_input_media_video, has_show_caption_above_media), 3, 0, 0},
    {4262, offsetof(tp_input_media_video, start_timestamp), offsetof(tp_input_media_video, has_start_timestamp), 1, 0, 0},
    {13008, offsetof(tp_input_media_video, supports_streaming), offsetof(tp_input_media_video, has_supports_streaming), 3, 0, 0},
    {4170, offsetof(tp_input_media_video, thumbnail), 0, 6, 0, 0},
    {954, offsetof(tp_input_media_video, type), 0, 4, 1, 3459},
    {4125, offsetof(tp_input_media_video, width), offsetof(tp_input_media_video, has_width), 1, 0, 0},
    {4564, offsetof(tp_input_paid_media_live_photo, media), 0, 6, 1, 0},
    {1647, offsetof(tp_input_paid_media_live_photo, photo), 0, 6, 1, 0},
    {954, offsetof(tp_input_paid_media_live_photo, type), 0, 4, 1, 2668},
    {4564, offsetof(tp_input_paid_media_photo, media), 0, 6, 1, 0},
    {954, offsetof(tp_input_paid_media_photo, type), 0, 4, 1, 1647},
    {4246, offsetof(tp_input_paid_media_video, cover), 0, 6, 0, 0},
    {4141, offsetof(tp_input_paid_media_video, duration), offsetof(tp_input_paid_media_video, has_duration), 1, 0, 0},
    {4118, offsetof(tp_input_paid_media_video, height), offsetof(tp_input_paid_media_video, has_height), 1, 0, 0},
    {4564, offsetof(tp_input_paid_media_video, media), 0, 6, 1, 0},
    {4262, offsetof(tp_input_paid_media_video, start_timestamp), offsetof(tp_input_paid_media_video, has_start_timestamp), 1, 0, 0},
    {13008, offsetof(tp_input_paid_media_video, supports_streaming), offsetof(tp_input_paid_media_video, has_supports_streaming), 3, 0, 0},
    {4170, offsetof(tp_input_paid_media_video, thumbnail), 0, 6, 0, 0},
    {954, offsetof(tp_input_paid_media_video, type), 0, 4, 1, 3459},
    {4125, offsetof(tp_input_paid_media_video, width), offsetof(tp_input_paid_media_video, has_width), 1, 0, 0},
    {1647, offsetof(tp_input_profile_photo_static, photo), 0, 6, 1, 0},
    {954, offsetof(tp_input_profile_photo_static, type), 0, 4, 1, 13116},
    {1817, offsetof(tp_input_profile_photo_animated, animation), 0, 6, 1, 0},
    {13200, offsetof(tp_input_profile_photo_animated, main_frame_timestamp), offsetof(tp_input_profile_photo_animated, has_main_frame_timestamp), 2, 0, 0},
    {954, offsetof(tp_input_profile_photo_animated, type), 0, 4, 1, 13123},
    {1647, offsetof(tp_input_story_content_photo, photo), 0, 6, 1, 0},
    {954, offsetof(tp_input_story_content_photo, type), 0, 4, 1, 1647},
    {13285, offsetof(tp_input_story_content_video, cover_frame_timestamp), offsetof(tp_input_story_content_video, has_cover_frame_timestamp), 2, 0, 0},
    {4141, offsetof(tp_input_story_content_video, duration), offsetof(tp_input_story_content_video, has_duration), 2, 0, 0},
    {13307, offsetof(tp_input_story_content_video, is_animation), offsetof(tp_input_story_content_video, has_is_animation), 3, 0, 0},
    {954, offsetof(tp_input_story_content_video, type), 0, 4, 1, 3459},
    {3459, offsetof(tp_input_story_content_video, video), 0, 6, 1, 0},
    {3674, offsetof(tp_sticker, custom_emoji_id), 0, 4, 0, 0},
    {4443, offsetof(tp_sticker, emoji), 0, 4, 0, 0},
    {4085, offsetof(tp_sticker, file_id), 0, 4, 1, 0},
    {4093, offsetof(tp_sticker, file_size), offsetof(tp_sticker, has_file_size), 1, 0, 0},
    {4103, offsetof(tp_sticker, file_unique_id), 0, 4, 1, 0},
    {4118, offsetof(tp_sticker, height), 0, 1, 1, 0},
    {13328, offsetof(tp_sticker, is_animated), 0, 3, 1, 0},
    {13340, offsetof(tp_sticker, is_video), 0, 3, 1, 0},
    {13349, offsetof(tp_sticker, mask_position), 0, 7, 0, 231},
    {13363, offsetof(tp_sticker, needs_repainting), offsetof(tp_sticker, has_needs_repainting), 3, 0, 0},
    {13380, offsetof(tp_sticker, premium_animation), 0, 7, 0, 102},
    {13398, offsetof(tp_sticker, set_name), 0, 4, 0, 0},
    {4170, offsetof(tp_sticker, thumbnail), 0, 7, 0, 18},
    {954, offsetof(tp_sticker, type), 0, 4, 1, 0},
    {4125, offsetof(tp_sticker, width), 0, 1, 1, 0},
    {6180, offsetof(tp_sticker_set, name), 0, 4, 1, 0},
    {13418, offsetof(tp_sticker_set, sticker_type), 0, 4, 1, 0},
    {13431, offsetof(tp_sticker_set, stickers), offsetof(tp_sticker_set, stickers_count), 8, 115, 229},
    {4170, offsetof(tp_sticker_set, thumbnail), 0, 7, 0, 18},
    {948, offsetof(tp_sticker_set, title), 0, 4, 1, 0},
    {13453, offsetof(tp_mask_position, point), 0, 4, 1, 0},
    {13459, offsetof(tp_mask_position, scale), 0, 2, 1, 0},
    {13465, offsetof(tp_mask_position, x_shift), 0, 2, 1, 0},
    {13473, offsetof(tp_mask_position, y_shift), 0, 2, 1, 0},
    {13494, offsetof(tp_input_sticker, emoji_list), offsetof(tp_input_sticker, emoji_list_count), 8, 67, 0},
    {13505, offsetof(tp_input_sticker, format), 0, 4, 1, 0},
    {13512, offsetof(tp_input_sticker, keywords), offsetof(tp_input_sticker, keywords_count), 8, 66, 0},
    {13349, offsetof(tp_input_sticker, mask_position), 0, 7, 0, 231},
    {3215, offsetof(tp_input_sticker, sticker), 0, 6, 1, 0},
    {13533, offsetof(tp_rich_message, blocks), offsetof(tp_rich_message, blocks_count), 8, 115, 264},
    {13540, offsetof(tp_rich_message, is_rtl), offsetof(tp_rich_message, has_is_rtl), 3, 0, 0},
    {13564, offsetof(tp_input_rich_message, html), 0, 4, 0, 0},
    {13540, offsetof(tp_input_rich_message, is_rtl), offsetof(tp_input_rich_message, has_is_rtl), 3, 0, 0},
    {13569, offsetof(tp_input_rich_message, markdown), 0, 4, 0, 0},
    {13578, offsetof(tp_input_rich_message, skip_entity_detection), offsetof(tp_input_rich_message, has_skip_entity_detection), 3, 0, 0},
    {3415, offsetof(tp_rich_text_bold, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_bold, type), 0, 4, 1, 13600},
    {3415, offsetof(tp_rich_text_italic, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_italic, type), 0, 4, 1, 13605},
    {3415, offsetof(tp_rich_text_underline, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_underline, type), 0, 4, 1, 13612},
    {3415, offsetof(tp_rich_text_strikethrough, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_strikethrough, type), 0, 4, 1, 13622},
    {3415, offsetof(tp_rich_text_spoiler, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_spoiler, type), 0, 4, 1, 13636},
    {3690, offsetof(tp_rich_text_date_time, date_time_format), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_date_time, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_date_time, type), 0, 4, 1, 13644},
    {3730, offsetof(tp_rich_text_date_time, unix_time), 0, 1, 1, 0},
    {3415, offsetof(tp_rich_text_text_mention, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_text_mention, type), 0, 4, 1, 13654},
    {3740, offsetof(tp_rich_text_text_mention, user), 0, 7, 1, 2},
    {3415, offsetof(tp_rich_text_subscript, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_subscript, type), 0, 4, 1, 13667},
    {3415, offsetof(tp_rich_text_superscript, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_superscript, type), 0, 4, 1, 13677},
    {3415, offsetof(tp_rich_text_marked, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_marked, type), 0, 4, 1, 13689},
    {3415, offsetof(tp_rich_text_code, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_code, type), 0, 4, 1, 13696},
    {14052, offsetof(tp_rich_text_custom_emoji, alternative_text), 0, 4, 1, 0},
    {3674, offsetof(tp_rich_text_custom_emoji, custom_emoji_id), 0, 4, 1, 0},
    {954, offsetof(tp_rich_text_custom_emoji, type), 0, 4, 1, 10247},
    {14100, offsetof(tp_rich_text_mathematical_expression, expression), 0, 4, 1, 0},
    {954, offsetof(tp_rich_text_mathematical_expression, type), 0, 4, 1, 13701},
    {3415, offsetof(tp_rich_text_url, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_url, type), 0, 4, 1, 589},
    {589, offsetof(tp_rich_text_url, url), 0, 4, 1, 0},
    {13725, offsetof(tp_rich_text_email_address, email_address), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_email_address, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_email_address, type), 0, 4, 1, 13725},
    {4411, offsetof(tp_rich_text_phone_number, phone_number), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_phone_number, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_phone_number, type), 0, 4, 1, 4411},
    {13739, offsetof(tp_rich_text_bank_card_number, bank_card_number), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_bank_card_number, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_bank_card_number, type), 0, 4, 1, 13739},
    {3415, offsetof(tp_rich_text_mention, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_mention, type), 0, 4, 1, 13756},
    {906, offsetof(tp_rich_text_mention, username), 0, 4, 1, 0},
    {13764, offsetof(tp_rich_text_hashtag, hashtag), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_hashtag, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_hashtag, type), 0, 4, 1, 13764},
    {13772, offsetof(tp_rich_text_cashtag, cashtag), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_cashtag, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_cashtag, type), 0, 4, 1, 13772},
    {13780, offsetof(tp_rich_text_bot_command, bot_command), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_bot_command, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_bot_command, type), 0, 4, 1, 13780},
    {6180, offsetof(tp_rich_text_anchor, name), 0, 4, 1, 0},
    {954, offsetof(tp_rich_text_anchor, type), 0, 4, 1, 13792},
    {14288, offsetof(tp_rich_text_anchor_link, anchor_name), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_anchor_link, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_anchor_link, type), 0, 4, 1, 13799},
    {6180, offsetof(tp_rich_text_reference, name), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_reference, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_reference, type), 0, 4, 1, 13811},
    {14340, offsetof(tp_rich_text_reference_link, reference_name), 0, 4, 1, 0},
    {3415, offsetof(tp_rich_text_reference_link, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_text_reference_link, type), 0, 4, 1, 13821},
    {14372, offsetof(tp_rich_block_caption, credit), 0, 7, 0, 235},
    {3415, offsetof(tp_rich_block_caption, text), 0, 7, 1, 235},
    {14398, offsetof(tp_rich_block_table_cell, align), 0, 4, 1, 0},
    {14404, offsetof(tp_rich_block_table_cell, colspan), offsetof(tp_rich_block_table_cell, has_colspan), 1, 0, 0},
    {14412, offsetof(tp_rich_block_table_cell, is_header), offsetof(tp_rich_block_table_cell, has_is_header), 3, 0, 0},
    {14422, offsetof(tp_rich_block_table_cell, rowspan), offsetof(tp_rich_block_table_cell, has_rowspan), 1, 0, 0},
    {3415, offsetof(tp_rich_block_table_cell, text), 0, 7, 0, 235},
    {14430, offsetof(tp_rich_block_table_cell, valign), 0, 4, 1, 0},
    {13533, offsetof(tp_rich_block_list_item, blocks), offsetof(tp_rich_block_list_item, blocks_count), 8, 115, 264},
    {14455, offsetof(tp_rich_block_list_item, has_checkbox), offsetof(tp_rich_block_list_item, has_has_checkbox), 3, 0, 0},
    {14468, offsetof(tp_rich_block_list_item, is_checked), offsetof(tp_rich_block_list_item, has_is_checked), 3, 0, 0},
    {14479, offsetof(tp_rich_block_list_item, label), 0, 4, 1, 0},
    {954, offsetof(tp_rich_block_list_item, type), 0, 4, 0, 0},
    {4449, offsetof(tp_rich_block_list_item, value), offsetof(tp_rich_block_list_item, has_value), 1, 0, 0},
    {3415, offsetof(tp_rich_block_paragraph, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_block_paragraph, type), 0, 4, 1, 14485},
    {14649, offsetof(tp_rich_block_section_heading, size), 0, 1, 1, 0},
    {3415, offsetof(tp_rich_block_section_heading, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_block_section_heading, type), 0, 4, 1, 5278},
    {3707, offsetof(tp_rich_block_preformatted, language), 0, 4, 0, 0},
    {3415, offsetof(tp_rich_block_preformatted, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_block_preformatted, type), 0, 4, 1, 14495},
    {3415, offsetof(tp_rich_block_footer, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_block_footer, type), 0, 4, 1, 14499},
    {954, offsetof(tp_rich_block_divider, type), 0, 4, 1, 14506},
    {14100, offsetof(tp_rich_block_mathematical_expression, expression), 0, 4, 1, 0},
    {954, offsetof(tp_rich_block_mathematical_expression, type), 0, 4, 1, 13701},
    {6180, offsetof(tp_rich_block_anchor, name), 0, 4, 1, 0},
    {954, offsetof(tp_rich_block_anchor, type), 0, 4, 1, 13792},
    {14771, offsetof(tp_rich_block_list, items), offsetof(tp_rich_block_list, items_count), 8, 115, 263},
    {954, offsetof(tp_rich_block_list, type), 0, 4, 1, 14514},
    {13533, offsetof(tp_rich_block_block_quotation, blocks), offsetof(tp_rich_block_block_quotation, blocks_count), 8, 115, 264},
    {14372, offsetof(tp_rich_block_block_quotation, credit), 0, 7, 0, 235},
    {954, offsetof(tp_rich_block_block_quotation, type), 0, 4, 1, 14519},
    {14372, offsetof(tp_rich_block_pull_quotation, credit), 0, 7, 0, 235},
    {3415, offsetof(tp_rich_block_pull_quotation, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_block_pull_quotation, type), 0, 4, 1, 14530},
    {13533, offsetof(tp_rich_block_collage, blocks), offsetof(tp_rich_block_collage, blocks_count), 8, 115, 264},
    {1885, offsetof(tp_rich_block_collage, caption), 0, 7, 0, 261},
    {954, offsetof(tp_rich_block_collage, type), 0, 4, 1, 14540},
    {13533, offsetof(tp_rich_block_slideshow, blocks), offsetof(tp_rich_block_slideshow, blocks_count), 8, 115, 264},
    {1885, offsetof(tp_rich_block_slideshow, caption), 0, 7, 0, 261},
    {954, offsetof(tp_rich_block_slideshow, type), 0, 4, 1, 14548},
    {1885, offsetof(tp_rich_block_table, caption), 0, 7, 0, 235},
    {14875, offsetof(tp_rich_block_table, cells), offsetof(tp_rich_block_table, cells_count), 8, 117, 262},
    {14881, offsetof(tp_rich_block_table, is_bordered), offsetof(tp_rich_block_table, has_is_bordered), 3, 0, 0},
    {14893, offsetof(tp_rich_block_table, is_striped), offsetof(tp_rich_block_table, has_is_striped), 3, 0, 0},
    {954, offsetof(tp_rich_block_table, type), 0, 4, 1, 14558},
    {13533, offsetof(tp_rich_block_details, blocks), offsetof(tp_rich_block_details, blocks_count), 8, 115, 264},
    {14921, offsetof(tp_rich_block_details, is_open), offsetof(tp_rich_block_details, has_is_open), 3, 0, 0},
    {14929, offsetof(tp_rich_block_details, summary), 0, 7, 1, 235},
    {954, offsetof(tp_rich_block_details, type), 0, 4, 1, 14564},
    {1885, offsetof(tp_rich_block_map, caption), 0, 7, 0, 261},
    {4118, offsetof(tp_rich_block_map, height), 0, 1, 1, 0},
    {1532, offsetof(tp_rich_block_map, location), 0, 7, 1, 50},
    {954, offsetof(tp_rich_block_map, type), 0, 4, 1, 14572},
    {4125, offsetof(tp_rich_block_map, width), 0, 1, 1, 0},
    {14950, offsetof(tp_rich_block_map, zoom), 0, 1, 1, 0},
    {1817, offsetof(tp_rich_block_animation, animation), 0, 7, 1, 19},
    {1885, offsetof(tp_rich_block_animation, caption), 0, 7, 0, 261},
    {12810, offsetof(tp_rich_block_animation, has_spoiler), offsetof(tp_rich_block_animation, has_has_spoiler), 3, 0, 0},
    {954, offsetof(tp_rich_block_animation, type), 0, 4, 1, 1817},
    {1827, offsetof(tp_rich_block_audio, audio), 0, 7, 1, 20},
    {1885, offsetof(tp_rich_block_audio, caption), 0, 7, 0, 261},
    {954, offsetof(tp_rich_block_audio, type), 0, 4, 1, 1827},
    {1885, offsetof(tp_rich_block_photo, caption), 0, 7, 0, 261},
    {12810, offsetof(tp_rich_block_photo, has_spoiler), offsetof(tp_rich_block_photo, has_has_spoiler), 3, 0, 0},
    {1647, offsetof(tp_rich_block_photo, photo), offsetof(tp_rich_block_photo, photo_count), 8, 115, 18},
    {954, offsetof(tp_rich_block_photo, type), 0, 4, 1, 1647},
    {1885, offsetof(tp_rich_block_video, caption), 0, 7, 0, 261},
    {12810, offsetof(tp_rich_block_video, has_spoiler), offsetof(tp_rich_block_video, has_has_spoiler), 3, 0, 0},
    {954, offsetof(tp_rich_block_video, type), 0, 4, 1, 3459},
    {3459, offsetof(tp_rich_block_video, video), 0, 7, 1, 25},
    {1885, offsetof(tp_rich_block_voice_note, caption), 0, 7, 0, 261},
    {954, offsetof(tp_rich_block_voice_note, type), 0, 4, 1, 14576},
    {14576, offsetof(tp_rich_block_voice_note, voice_note), 0, 7, 1, 27},
    {3415, offsetof(tp_rich_block_thinking, text), 0, 7, 1, 235},
    {954, offsetof(tp_rich_block_thinking, type), 0, 4, 1, 14587},
    {15068, offsetof(tp_inline_query, chat_type), 0, 4, 0, 0},
    {2308, offsetof(tp_inline_query, from_), 0, 7, 1, 2},
    {784, offsetof(tp_inline_query, id), 0, 4, 1, 0},
    {1532, offsetof(tp_inline_query, location), 0, 7, 0, 50},
    {3723, offsetof(tp_inline_query, offset), 0, 4, 1, 0},
    {8376, offsetof(tp_inline_query, query), 0, 4, 1, 0},
    {15103, offsetof(tp_inline_query_results_button, start_parameter), 0, 4, 0, 0},
    {3415, offsetof(tp_inline_query_results_button, text), 0, 4, 1, 0},
    {7612, offsetof(tp_inline_query_results_button, web_app), 0, 7, 0, 103},
    {1212, offsetof(tp_inline_query_result_article, description), 0, 4, 0, 0},
    {784, offsetof(tp_inline_query_result_article, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_article, input_message_content), 0, 7, 1, 309},
    {3019, offsetof(tp_inline_query_result_article, reply_markup), 0, 7, 0, 111},
    {15376, offsetof(tp_inline_query_result_article, thumbnail_height), offsetof(tp_inline_query_result_article, has_thumbnail_height), 1, 0, 0},
    {15393, offsetof(tp_inline_query_result_article, thumbnail_url), 0, 4, 0, 0},
    {15407, offsetof(tp_inline_query_result_article, thumbnail_width), offsetof(tp_inline_query_result_article, has_thumbnail_width), 1, 0, 0},
    {948, offsetof(tp_inline_query_result_article, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_article, type), 0, 4, 1, 15232},
    {589, offsetof(tp_inline_query_result_article, url), 0, 4, 0, 0},
    {1885, offsetof(tp_inline_query_result_photo, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_photo, caption_entities), offsetof(tp_inline_query_result_photo, caption_entities_count), 8, 114, 9},
    {1212, offsetof(tp_inline_query_result_photo, description), 0, 4, 0, 0},
    {784, offsetof(tp_inline_query_result_photo, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_photo, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_photo, parse_mode), 0, 4, 0, 0},
    {15446, offsetof(tp_inline_query_result_photo, photo_height), offsetof(tp_inline_query_result_photo, has_photo_height), 1, 0, 0},
    {15281, offsetof(tp_inline_query_result_photo, photo_url), 0, 4, 1, 0},
    {15459, offsetof(tp_inline_query_result_photo, photo_width), offsetof(tp_inline_query_result_photo, has_photo_width), 1, 0, 0},
    {3019, offsetof(tp_inline_query_result_photo, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_photo, show_caption_above_media), offsetof(tp_inline_query_result_photo, has_show_caption_above_media), 3, 0, 0},
    {15393, offsetof(tp_inline_query_result_photo, thumbnail_url), 0, 4, 1, 0},
    {948, offsetof(tp_inline_query_result_photo, title), 0, 4, 0, 0},
    {954, offsetof(tp_inline_query_result_photo, type), 0, 4, 1, 1647},
    {1885, offsetof(tp_inline_query_result_gif, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_gif, caption_entities), offsetof(tp_inline_query_result_gif, caption_entities_count), 8, 114, 9},
    {15492, offsetof(tp_inline_query_result_gif, gif_duration), offsetof(tp_inline_query_result_gif, has_gif_duration), 1, 0, 0},
    {15505, offsetof(tp_inline_query_result_gif, gif_height), offsetof(tp_inline_query_result_gif, has_gif_height), 1, 0, 0},
    {15263, offsetof(tp_inline_query_result_gif, gif_url), 0, 4, 1, 0},
    {15516, offsetof(tp_inline_query_result_gif, gif_width), offsetof(tp_inline_query_result_gif, has_gif_width), 1, 0, 0},
    {784, offsetof(tp_inline_query_result_gif, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_gif, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_gif, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_gif, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_gif, show_caption_above_media), offsetof(tp_inline_query_result_gif, has_show_caption_above_media), 3, 0, 0},
    {15526, offsetof(tp_inline_query_result_gif, thumbnail_mime_type), 0, 4, 0, 0},
    {15393, offsetof(tp_inline_query_result_gif, thumbnail_url), 0, 4, 1, 0},
    {948, offsetof(tp_inline_query_result_gif, title), 0, 4, 0, 0},
    {954, offsetof(tp_inline_query_result_gif, type), 0, 4, 1, 15150},
    {1885, offsetof(tp_inline_query_result_mpeg4_gif, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_mpeg4_gif, caption_entities), offsetof(tp_inline_query_result_mpeg4_gif, caption_entities_count), 8, 114, 9},
    {784, offsetof(tp_inline_query_result_mpeg4_gif, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_mpeg4_gif, input_message_content), 0, 7, 0, 309},
    {15572, offsetof(tp_inline_query_result_mpeg4_gif, mpeg4_duration), offsetof(tp_inline_query_result_mpeg4_gif, has_mpeg4_duration), 1, 0, 0},
    {15587, offsetof(tp_inline_query_result_mpeg4_gif, mpeg4_height), offsetof(tp_inline_query_result_mpeg4_gif, has_mpeg4_height), 1, 0, 0},
    {15271, offsetof(tp_inline_query_result_mpeg4_gif, mpeg4_url), 0, 4, 1, 0},
    {15600, offsetof(tp_inline_query_result_mpeg4_gif, mpeg4_width), offsetof(tp_inline_query_result_mpeg4_gif, has_mpeg4_width), 1, 0, 0},
    {5134, offsetof(tp_inline_query_result_mpeg4_gif, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_mpeg4_gif, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_mpeg4_gif, show_caption_above_media), offsetof(tp_inline_query_result_mpeg4_gif, has_show_caption_above_media), 3, 0, 0},
    {15526, offsetof(tp_inline_query_result_mpeg4_gif, thumbnail_mime_type), 0, 4, 0, 0},
    {15393, offsetof(tp_inline_query_result_mpeg4_gif, thumbnail_url), 0, 4, 1, 0},
    {948, offsetof(tp_inline_query_result_mpeg4_gif, title), 0, 4, 0, 0},
    {954, offsetof(tp_inline_query_result_mpeg4_gif, type), 0, 4, 1, 15166},
    {1885, offsetof(tp_inline_query_result_video, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_video, caption_entities), offsetof(tp_inline_query_result_video, caption_entities_count), 8, 114, 9},
    {1212, offsetof(tp_inline_query_result_video, description), 0, 4, 0, 0},
    {784, offsetof(tp_inline_query_result_video, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_video, input_message_content), 0, 7, 0, 309},
    {4160, offsetof(tp_inline_query_result_video, mime_type), 0, 4, 1, 0},
    {5134, offsetof(tp_inline_query_result_video, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_video, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_video, show_caption_above_media), offsetof(tp_inline_query_result_video, has_show_caption_above_media), 3, 0, 0},
    {15393, offsetof(tp_inline_query_result_video, thumbnail_url), 0, 4, 1, 0},
    {948, offsetof(tp_inline_query_result_video, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_video, type), 0, 4, 1, 3459},
    {15635, offsetof(tp_inline_query_result_video, video_duration), offsetof(tp_inline_query_result_video, has_video_duration), 1, 0, 0},
    {15650, offsetof(tp_inline_query_result_video, video_height), offsetof(tp_inline_query_result_video, has_video_height), 1, 0, 0},
    {15291, offsetof(tp_inline_query_result_video, video_url), 0, 4, 1, 0},
    {15663, offsetof(tp_inline_query_result_video, video_width), offsetof(tp_inline_query_result_video, has_video_width), 1, 0, 0},
    {15698, offsetof(tp_inline_query_result_audio, audio_duration), offsetof(tp_inline_query_result_audio, has_audio_duration), 1, 0, 0},
    {15240, offsetof(tp_inline_query_result_audio, audio_url), 0, 4, 1, 0},
    {1885, offsetof(tp_inline_query_result_audio, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_audio, caption_entities), offsetof(tp_inline_query_result_audio, caption_entities_count), 8, 114, 9},
    {784, offsetof(tp_inline_query_result_audio, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_audio, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_audio, parse_mode), 0, 4, 0, 0},
    {4186, offsetof(tp_inline_query_result_audio, performer), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_audio, reply_markup), 0, 7, 0, 111},
    {948, offsetof(tp_inline_query_result_audio, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_audio, type), 0, 4, 1, 1827},
    {1885, offsetof(tp_inline_query_result_voice, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_voice, caption_entities), offsetof(tp_inline_query_result_voice, caption_entities_count), 8, 114, 9},
    {784, offsetof(tp_inline_query_result_voice, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_voice, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_voice, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_voice, reply_markup), 0, 7, 0, 111},
    {948, offsetof(tp_inline_query_result_voice, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_voice, type), 0, 4, 1, 3565},
    {15736, offsetof(tp_inline_query_result_voice, voice_duration), offsetof(tp_inline_query_result_voice, has_voice_duration), 1, 0, 0},
    {15301, offsetof(tp_inline_query_result_voice, voice_url), 0, 4, 1, 0},
    {1885, offsetof(tp_inline_query_result_document, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_document, caption_entities), offsetof(tp_inline_query_result_document, caption_entities_count), 8, 114, 9},
    {1212, offsetof(tp_inline_query_result_document, description), 0, 4, 0, 0},
    {15250, offsetof(tp_inline_query_result_document, document_url), 0, 4, 1, 0},
    {784, offsetof(tp_inline_query_result_document, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_document, input_message_content), 0, 7, 0, 309},
    {4160, offsetof(tp_inline_query_result_document, mime_type), 0, 4, 1, 0},
    {5134, offsetof(tp_inline_query_result_document, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_document, reply_markup), 0, 7, 0, 111},
    {15376, offsetof(tp_inline_query_result_document, thumbnail_height), offsetof(tp_inline_query_result_document, has_thumbnail_height), 1, 0, 0},
    {15393, offsetof(tp_inline_query_result_document, thumbnail_url), 0, 4, 0, 0},
    {15407, offsetof(tp_inline_query_result_document, thumbnail_width), offsetof(tp_inline_query_result_document, has_thumbnail_width), 1, 0, 0},
    {948, offsetof(tp_inline_query_result_document, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_document, type), 0, 4, 1, 2161},
    {5278, offsetof(tp_inline_query_result_location, heading), offsetof(tp_inline_query_result_location, has_heading), 1, 0, 0},
    {5286, offsetof(tp_inline_query_result_location, horizontal_accuracy), offsetof(tp_inline_query_result_location, has_horizontal_accuracy), 2, 0, 0},
    {784, offsetof(tp_inline_query_result_location, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_location, input_message_content), 0, 7, 0, 309},
    {5306, offsetof(tp_inline_query_result_location, latitude), 0, 2, 1, 0},
    {5315, offsetof(tp_inline_query_result_location, live_period), offsetof(tp_inline_query_result_location, has_live_period), 1, 0, 0},
    {5327, offsetof(tp_inline_query_result_location, longitude), 0, 2, 1, 0},
    {5337, offsetof(tp_inline_query_result_location, proximity_alert_radius), offsetof(tp_inline_query_result_location, has_proximity_alert_radius), 1, 0, 0},
    {3019, offsetof(tp_inline_query_result_location, reply_markup), 0, 7, 0, 111},
    {15376, offsetof(tp_inline_query_result_location, thumbnail_height), offsetof(tp_inline_query_result_location, has_thumbnail_height), 1, 0, 0},
    {15393, offsetof(tp_inline_query_result_location, thumbnail_url), 0, 4, 0, 0},
    {15407, offsetof(tp_inline_query_result_location, thumbnail_width), offsetof(tp_inline_query_result_location, has_thumbnail_width), 1, 0, 0},
    {948, offsetof(tp_inline_query_result_location, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_location, type), 0, 4, 1, 1532},
    {5366, offsetof(tp_inline_query_result_venue, address), 0, 4, 1, 0},
    {5374, offsetof(tp_inline_query_result_venue, foursquare_id), 0, 4, 0, 0},
    {5388, offsetof(tp_inline_query_result_venue, foursquare_type), 0, 4, 0, 0},
    {5404, offsetof(tp_inline_query_result_venue, google_place_id), 0, 4, 0, 0},
    {5420, offsetof(tp_inline_query_result_venue, google_place_type), 0, 4, 0, 0},
    {784, offsetof(tp_inline_query_result_venue, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_venue, input_message_content), 0, 7, 0, 309},
    {5306, offsetof(tp_inline_query_result_venue, latitude), 0, 2, 1, 0},
    {5327, offsetof(tp_inline_query_result_venue, longitude), 0, 2, 1, 0},
    {3019, offsetof(tp_inline_query_result_venue, reply_markup), 0, 7, 0, 111},
    {15376, offsetof(tp_inline_query_result_venue, thumbnail_height), offsetof(tp_inline_query_result_venue, has_thumbnail_height), 1, 0, 0},
    {15393, offsetof(tp_inline_query_result_venue, thumbnail_url), 0, 4, 0, 0},
    {15407, offsetof(tp_inline_query_result_venue, thumbnail_width), offsetof(tp_inline_query_result_venue, has_thumbnail_width), 1, 0, 0},
    {948, offsetof(tp_inline_query_result_venue, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_venue, type), 0, 4, 1, 3445},
    {737, offsetof(tp_inline_query_result_contact, first_name), 0, 4, 1, 0},
    {784, offsetof(tp_inline_query_result_contact, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_contact, input_message_content), 0, 7, 0, 309},
    {819, offsetof(tp_inline_query_result_contact, last_name), 0, 4, 0, 0},
    {4411, offsetof(tp_inline_query_result_contact, phone_number), 0, 4, 1, 0},
    {3019, offsetof(tp_inline_query_result_contact, reply_markup), 0, 7, 0, 111},
    {15376, offsetof(tp_inline_query_result_contact, thumbnail_height), offsetof(tp_inline_query_result_contact, has_thumbnail_height), 1, 0, 0},
    {15393, offsetof(tp_inline_query_result_contact, thumbnail_url), 0, 4, 0, 0},
    {15407, offsetof(tp_inline_query_result_contact, thumbnail_width), offsetof(tp_inline_query_result_contact, has_thumbnail_width), 1, 0, 0},
    {954, offsetof(tp_inline_query_result_contact, type), 0, 4, 1, 2074},
    {4432, offsetof(tp_inline_query_result_contact, vcard), 0, 4, 0, 0},
    {8425, offsetof(tp_inline_query_result_game, game_short_name), 0, 4, 1, 0},
    {784, offsetof(tp_inline_query_result_game, id), 0, 4, 1, 0},
    {3019, offsetof(tp_inline_query_result_game, reply_markup), 0, 7, 0, 111},
    {954, offsetof(tp_inline_query_result_game, type), 0, 4, 1, 2313},
    {1885, offsetof(tp_inline_query_result_cached_photo, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_cached_photo, caption_entities), offsetof(tp_inline_query_result_cached_photo, caption_entities_count), 8, 114, 9},
    {1212, offsetof(tp_inline_query_result_cached_photo, description), 0, 4, 0, 0},
    {784, offsetof(tp_inline_query_result_cached_photo, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_photo, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_cached_photo, parse_mode), 0, 4, 0, 0},
    {15190, offsetof(tp_inline_query_result_cached_photo, photo_file_id), 0, 4, 1, 0},
    {3019, offsetof(tp_inline_query_result_cached_photo, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_cached_photo, show_caption_above_media), offsetof(tp_inline_query_result_cached_photo, has_show_caption_above_media), 3, 0, 0},
    {948, offsetof(tp_inline_query_result_cached_photo, title), 0, 4, 0, 0},
    {954, offsetof(tp_inline_query_result_cached_photo, type), 0, 4, 1, 1647},
    {1885, offsetof(tp_inline_query_result_cached_gif, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_cached_gif, caption_entities), offsetof(tp_inline_query_result_cached_gif, caption_entities_count), 8, 114, 9},
    {15154, offsetof(tp_inline_query_result_cached_gif, gif_file_id), 0, 4, 1, 0},
    {784, offsetof(tp_inline_query_result_cached_gif, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_gif, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_cached_gif, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_cached_gif, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_cached_gif, show_caption_above_media), offsetof(tp_inline_query_result_cached_gif, has_show_caption_above_media), 3, 0, 0},
    {948, offsetof(tp_inline_query_result_cached_gif, title), 0, 4, 0, 0},
    {954, offsetof(tp_inline_query_result_cached_gif, type), 0, 4, 1, 15150},
    {1885, offsetof(tp_inline_query_result_cached_mpeg4_gif, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_cached_mpeg4_gif, caption_entities), offsetof(tp_inline_query_result_cached_mpeg4_gif, caption_entities_count), 8, 114, 9},
    {784, offsetof(tp_inline_query_result_cached_mpeg4_gif, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_mpeg4_gif, input_message_content), 0, 7, 0, 309},
    {15176, offsetof(tp_inline_query_result_cached_mpeg4_gif, mpeg4_file_id), 0, 4, 1, 0},
    {5134, offsetof(tp_inline_query_result_cached_mpeg4_gif, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_cached_mpeg4_gif, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_cached_mpeg4_gif, show_caption_above_media), offsetof(tp_inline_query_result_cached_mpeg4_gif, has_show_caption_above_media), 3, 0, 0},
    {948, offsetof(tp_inline_query_result_cached_mpeg4_gif, title), 0, 4, 0, 0},
    {954, offsetof(tp_inline_query_result_cached_mpeg4_gif, type), 0, 4, 1, 15166},
    {784, offsetof(tp_inline_query_result_cached_sticker, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_sticker, input_message_content), 0, 7, 0, 309},
    {3019, offsetof(tp_inline_query_result_cached_sticker, reply_markup), 0, 7, 0, 111},
    {15992, offsetof(tp_inline_query_result_cached_sticker, sticker_file_id), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_cached_sticker, type), 0, 4, 1, 3215},
    {1885, offsetof(tp_inline_query_result_cached_document, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_cached_document, caption_entities), offsetof(tp_inline_query_result_cached_document, caption_entities_count), 8, 114, 9},
    {1212, offsetof(tp_inline_query_result_cached_document, description), 0, 4, 0, 0},
    {15133, offsetof(tp_inline_query_result_cached_document, document_file_id), 0, 4, 1, 0},
    {784, offsetof(tp_inline_query_result_cached_document, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_document, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_cached_document, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_cached_document, reply_markup), 0, 7, 0, 111},
    {948, offsetof(tp_inline_query_result_cached_document, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_cached_document, type), 0, 4, 1, 2161},
    {1885, offsetof(tp_inline_query_result_cached_video, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_cached_video, caption_entities), offsetof(tp_inline_query_result_cached_video, caption_entities_count), 8, 114, 9},
    {1212, offsetof(tp_inline_query_result_cached_video, description), 0, 4, 0, 0},
    {784, offsetof(tp_inline_query_result_cached_video, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_video, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_cached_video, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_cached_video, reply_markup), 0, 7, 0, 111},
    {3190, offsetof(tp_inline_query_result_cached_video, show_caption_above_media), offsetof(tp_inline_query_result_cached_video, has_show_caption_above_media), 3, 0, 0},
    {948, offsetof(tp_inline_query_result_cached_video, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_cached_video, type), 0, 4, 1, 3459},
    {15204, offsetof(tp_inline_query_result_cached_video, video_file_id), 0, 4, 1, 0},
    {1885, offsetof(tp_inline_query_result_cached_voice, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_cached_voice, caption_entities), offsetof(tp_inline_query_result_cached_voice, caption_entities_count), 8, 114, 9},
    {784, offsetof(tp_inline_query_result_cached_voice, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_voice, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_cached_voice, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_cached_voice, reply_markup), 0, 7, 0, 111},
    {948, offsetof(tp_inline_query_result_cached_voice, title), 0, 4, 1, 0},
    {954, offsetof(tp_inline_query_result_cached_voice, type), 0, 4, 1, 3565},
    {15218, offsetof(tp_inline_query_result_cached_voice, voice_file_id), 0, 4, 1, 0},
    {15119, offsetof(tp_inline_query_result_cached_audio, audio_file_id), 0, 4, 1, 0},
    {1885, offsetof(tp_inline_query_result_cached_audio, caption), 0, 4, 0, 0},
    {1893, offsetof(tp_inline_query_result_cached_audio, caption_entities), offsetof(tp_inline_query_result_cached_audio, caption_entities_count), 8, 114, 9},
    {784, offsetof(tp_inline_query_result_cached_audio, id), 0, 4, 1, 0},
    {15354, offsetof(tp_inline_query_result_cached_audio, input_message_content), 0, 7, 0, 309},
    {5134, offsetof(tp_inline_query_result_cached_audio, parse_mode), 0, 4, 0, 0},
    {3019, offsetof(tp_inline_query_result_cached_audio, reply_markup), 0, 7, 0, 111},
    {954, offsetof(tp_inline_query_result_cached_audio, type), 0, 4, 1, 1827},
    {2190, offsetof(tp_input_text_message_content, entities), offsetof(tp_input_text_message_content, entities_count), 8, 114, 9},
    {2647, offsetof(tp_input_text_message_content, link_preview_options), 0, 7, 0, 95},
    {16127, offsetof(tp_input_text_message_content, message_text), 0, 4, 1, 0},
    {5134, offsetof(tp_input_text_message_content, parse_mode), 0, 4, 0, 0},
    {3115, offsetof(tp_input_rich_message_content, rich_message), 0, 7, 1, 234},
    {5278, offsetof(tp_input_location_message_content, heading), offsetof(tp_input_location_message_content, has_heading), 1, 0, 0},
    {5286, offsetof(tp_input_location_message_content, horizontal_accuracy), offsetof(tp_input_location_message_content, has_horizontal_accuracy), 2, 0, 0},
    {5306, offsetof(tp_input_location_message_content, latitude), 0, 2, 1, 0},
    {5315, offsetof(tp_input_location_message_content, live_period), offsetof(tp_input_location_message_content, has_live_period), 1, 0, 0},
    {5327, offsetof(tp_input_location_message_content, longitude), 0, 2, 1, 0},
    {5337, offsetof(tp_input_location_message_content, proximity_alert_radius), offsetof(tp_input_location_message_content, has_proximity_alert_radius), 1, 0, 0},
    {5366, offsetof(tp_input_venue_message_content, address), 0, 4, 1, 0},
    {5374, offsetof(tp_input_venue_message_content, foursquare_id), 0, 4, 0, 0},
    {5388, offsetof(tp_input_venue_message_content, foursquare_type), 0, 4, 0, 0},
    {5404, offsetof(tp_input_venue_message_content, google_place_id), 0, 4, 0, 0},
    {5420, offsetof(tp_input_venue_message_content, google_place_type), 0, 4, 0, 0},
    {5306, offsetof(tp_input_venue_message_content, latitude), 0, 2, 1, 0},
    {5327, offsetof(tp_input_venue_message_content, longitude), 0, 2, 1, 0},
    {948, offsetof(tp_input_venue_message_content, title), 0, 4, 1, 0},
    {737, offsetof(tp_input_contact_message_content, first_name), 0, 4, 1, 0},
    {819, offsetof(tp_input_contact_message_content, last_name), 0, 4, 0, 0},
    {4411, offsetof(tp_input_contact_message_content, phone_number), 0, 4, 1, 0},
    {4432, offsetof(tp_input_contact_message_content, vcard), 0, 4, 0, 0},
    {6744, offsetof(tp_input_invoice_message_content, currency), 0, 4, 1, 0},
    {1212, offsetof(tp_input_invoice_message_content, description), 0, 4, 1, 0},
    {16315, offsetof(tp_input_invoice_message_content, is_flexible), offsetof(tp_input_invoice_message_content, has_is_flexible), 3, 0, 0},
    {16327, offsetof(tp_input_invoice_message_content, max_tip_amount), offsetof(tp_input_invoice_message_content, has_max_tip_amount), 1, 0, 0},
    {16342, offsetof(tp_input_invoice_message_content, need_email), offsetof(tp_input_invoice_message_content, has_need_email), 3, 0, 0},
    {16353, offsetof(tp_input_invoice_message_content, need_name), offsetof(tp_input_invoice_message_content, has_need_name), 3, 0, 0},
    {16363, offsetof(tp_input_invoice_message_content, need_phone_number), offsetof(tp_input_invoice_message_content, has_need_phone_number), 3, 0, 0},
    {16381, offsetof(tp_input_invoice_message_content, need_shipping_address), offsetof(tp_input_invoice_message_content, has_need_shipping_address), 3, 0, 0},
    {16403, offsetof(tp_input_invoice_message_content, payload), 0, 4, 1, 0},
    {15446, offsetof(tp_input_invoice_message_content, photo_height), offsetof(tp_input_invoice_message_content, has_photo_height), 1, 0, 0},
    {16411, offsetof(tp_input_invoice_message_content, photo_size), offsetof(tp_input_invoice_message_content, has_photo_size), 1, 0, 0},
    {15281, offsetof(tp_input_invoice_message_content, photo_url), 0, 4, 0, 0},
    {15459, offsetof(tp_input_invoice_message_content, photo_width), offsetof(tp_input_invoice_message_content, has_photo_width), 1, 0, 0},
    {16422, offsetof(tp_input_invoice_message_content, prices), offsetof(tp_input_invoice_message_content, prices_count), 8, 115, 317},
    {16429, offsetof(tp_input_invoice_message_content, provider_data), 0, 4, 0, 0},
    {16443, offsetof(tp_input_invoice_message_content, provider_token), 0, 4, 0, 0},
    {16458, offsetof(tp_input_invoice_message_content, send_email_to_provider), offsetof(tp_input_invoice_message_content, has_send_email_to_provider), 3, 0, 0},
    {16481, offsetof(tp_input_invoice_message_content, send_phone_number_to_provider), offsetof(tp_input_invoice_message_content, has_send_phone_number_to_provider), 3, 0, 0},
    {16511, offsetof(tp_input_invoice_message_content, suggested_tip_amounts), offsetof(tp_input_invoice_message_content, suggested_tip_amounts_count), 8, 18, 0},
    {948, offsetof(tp_input_invoice_message_content, title), 0, 4, 1, 0},
    {2308, offsetof(tp_chosen_inline_result, from_), 0, 7, 1, 2},
    {8441, offsetof(tp_chosen_inline_result, inline_message_id), 0, 4, 0, 0},
    {1532, offsetof(tp_chosen_inline_result, location), 0, 7, 0, 50},
    {8376, offsetof(tp_chosen_inline_result, query), 0, 4, 1, 0},
    {16552, offsetof(tp_chosen_inline_result, result_id), 0, 4, 1, 0},
    {6737, offsetof(tp_labeled_price, amount), 0, 1, 1, 0},
    {14479, offsetof(tp_labeled_price, label), 0, 4, 1, 0},
    {6744, offsetof(tp_invoice, currency), 0, 4, 1, 0},
    {1212, offsetof(tp_invoice, description), 0, 4, 1, 0},
    {15103, offsetof(tp_invoice, start_parameter), 0, 4, 1, 0},
    {948, offsetof(tp_invoice, title), 0, 4, 1, 0},
    {16583, offsetof(tp_invoice, total_amount), 0, 1, 1, 0},
    {9980, offsetof(tp_shipping_address, city), 0, 4, 1, 0},
    {9985, offsetof(tp_shipping_address, country_code), 0, 4, 1, 0},
    {16612, offsetof(tp_shipping_address, post_code), 0, 4, 1, 0},
    {7240, offsetof(tp_shipping_address, state), 0, 4, 1, 0},
    {16622, offsetof(tp_shipping_address, street_line1), 0, 4, 1, 0},
    {16635, offsetof(tp_shipping_address, street_line2), 0, 4, 1, 0},
    {16658, offsetof(tp_order_info, email), 0, 4, 0, 0},
    {6180, offsetof(tp_order_info, name), 0, 4, 0, 0},
    {4411, offsetof(tp_order_info, phone_number), 0, 4, 0, 0},
    {16664, offsetof(tp_order_info, shipping_address), 0, 7, 0, 319},
    {784, offsetof(tp_shipping_option, id), 0, 4, 1, 0},
    {16422, offsetof(tp_shipping_option, prices), offsetof(tp_shipping_option, prices_count), 8, 115, 317},
    {948, offsetof(tp_shipping_option, title), 0, 4, 1, 0},
    {6744, offsetof(tp_successful_payment, currency), 0, 4, 1, 0},
    {16714, offsetof(tp_successful_payment, invoice_payload), 0, 4, 1, 0},
    {16730, offsetof(tp_successful_payment, is_first_recurring), offsetof(tp_successful_payment, has_is_first_recurring), 3, 0, 0},
    {16749, offsetof(tp_successful_payment, is_recurring), offsetof(tp_successful_payment, has_is_recurring), 3, 0, 0},
    {16762, offsetof(tp_successful_payment, order_info), 0, 7, 0, 320},
    {16773, offsetof(tp_successful_payment, provider_payment_charge_id), 0, 4, 1, 0},
    {16800, offsetof(tp_successful_payment, shipping_option_id), 0, 4, 0, 0},
    {16819, offsetof(tp_successful_payment, subscription_expiration_date), offsetof(tp_successful_payment, has_subscription_expiration_date), 1, 0, 0},
    {16848, offsetof(tp_successful_payment, telegram_payment_charge_id), 0, 4, 1, 0},
    {16583, offsetof(tp_successful_payment, total_amount), 0, 1, 1, 0},
    {6744, offsetof(tp_refunded_payment, currency), 0, 4, 1, 16891},
    {16714, offsetof(tp_refunded_payment, invoice_payload), 0, 4, 1, 0},
    {16773, offsetof(tp_refunded_payment, provider_payment_charge_id), 0, 4, 0, 0},
    {16848, offsetof(tp_refunded_payment, telegram_payment_charge_id), 0, 4, 1, 0},
    {16583, offsetof(tp_refunded_payment, total_amount), 0, 1, 1, 0},
    {2308, offsetof(tp_shipping_query, from_), 0, 7, 1, 2},
    {784, offsetof(tp_shipping_query, id), 0, 4, 1, 0},
    {16714, offsetof(tp_shipping_query, invoice_payload), 0, 4, 1, 0},
    {16664, offsetof(tp_shipping_query, shipping_address), 0, 7, 1, 319},
    {6744, offsetof(tp_pre_checkout_query, currency), 0, 4, 1, 0},
    {2308, offsetof(tp_pre_checkout_query, from_), 0, 7, 1, 2},
    {784, offsetof(tp_pre_checkout_query, id), 0, 4, 1, 0},
    {16714, offsetof(tp_pre_checkout_query, invoice_payload), 0, 4, 1, 0},
    {16762, offsetof(tp_pre_checkout_query, order_info), 0, 7, 0, 320},
    {16800, offsetof(tp_pre_checkout_query, shipping_option_id), 0, 4, 0, 0},
    {16583, offsetof(tp_pre_checkout_query, total_amount), 0, 1, 1, 0},
    {2308, offsetof(tp_paid_media_purchased, from_), 0, 7, 1, 2},
    {16945, offsetof(tp_paid_media_purchased, paid_media_payload), 0, 4, 1, 0},
    {954, offsetof(tp_revenue_withdrawal_state_pending, type), 0, 4, 1, 16964},
    {2082, offsetof(tp_revenue_withdrawal_state_succeeded, date), 0, 1, 1, 0},
    {954, offsetof(tp_revenue_withdrawal_state_succeeded, type), 0, 4, 1, 16972},
    {589, offsetof(tp_revenue_withdrawal_state_succeeded, url), 0, 4, 1, 0},
    {954, offsetof(tp_revenue_withdrawal_state_failed, type), 0, 4, 1, 16982},
    {17117, offsetof(tp_affiliate_info, affiliate_chat), 0, 7, 0, 3},
    {17132, offsetof(tp_affiliate_info, affiliate_user), 0, 7, 0, 2},
    {6737, offsetof(tp_affiliate_info, amount), 0, 1, 1, 0},
    {17147, offsetof(tp_affiliate_info, commission_per_mille), 0, 1, 1, 0},
    {11530, offsetof(tp_affiliate_info, nanostar_amount), offsetof(tp_affiliate_info, has_nanostar_amount), 1, 0, 0},
    {17269, offsetof(tp_transaction_partner_user, affiliate), 0, 7, 0, 331},
    {2374, offsetof(tp_transaction_partner_user, gift), 0, 7, 0, 156},
    {16714, offsetof(tp_transaction_partner_user, invoice_payload), 0, 4, 0, 0},
    {2864, offsetof(tp_transaction_partner_user, paid_media), offsetof(tp_transaction_partner_user, paid_media_count), 8, 114, 29},
    {16945, offsetof(tp_transaction_partner_user, paid_media_payload), 0, 4, 0, 0},
    {17279, offsetof(tp_transaction_partner_user, premium_subscription_duration), offsetof(tp_transaction_partner_user, has_premium_subscription_duration), 1, 0, 0},
    {8676, offsetof(tp_transaction_partner_user, subscription_period), offsetof(tp_transaction_partner_user, has_subscription_period), 1, 0, 0},
    {17309, offsetof(tp_transaction_partner_user, transaction_type), 0, 4, 1, 0},
    {954, offsetof(tp_transaction_partner_user, type), 0, 4, 1, 3740},
    {3740, offsetof(tp_transaction_partner_user, user), 0, 7, 1, 2},
    {1931, offsetof(tp_transaction_partner_chat, chat), 0, 7, 1, 3},
    {2374, offsetof(tp_transaction_partner_chat, gift), 0, 7, 0, 156},
    {954, offsetof(tp_transaction_partner_chat, type), 0, 4, 1, 1931},
    {17147, offsetof(tp_transaction_partner_affiliate_program, commission_per_mille), 0, 1, 1, 0},
    {17384, offsetof(tp_transaction_partner_affiliate_program, sponsor_user), 0, 7, 0, 2},
    {954, offsetof(tp_transaction_partner_affiliate_program, type), 0, 4, 1, 17168},
    {954, offsetof(tp_transaction_partner_fragment, type), 0, 4, 1, 17186},
    {17424, offsetof(tp_transaction_partner_fragment, withdrawal_state), 0, 7, 0, 327},
    {954, offsetof(tp_transaction_partner_telegram_ads, type), 0, 4, 1, 17195},
    {17501, offsetof(tp_transaction_partner_telegram_api, request_count), 0, 1, 1, 0},
    {954, offsetof(tp_transaction_partner_telegram_api, type), 0, 4, 1, 17208},
    {954, offsetof(tp_transaction_partner_other, type), 0, 4, 1, 17221},
    {6737, offsetof(tp_star_transaction, amount), 0, 1, 1, 0},
    {2082, offsetof(tp_star_transaction, date), 0, 1, 1, 0},
    {784, offsetof(tp_star_transaction, id), 0, 4, 1, 0},
    {11530, offsetof(tp_star_transaction, nanostar_amount), offsetof(tp_star_transaction, has_nanostar_amount), 1, 0, 0},
    {17555, offsetof(tp_star_transaction, receiver), 0, 7, 0, 332},
    {12002, offsetof(tp_star_transaction, source), 0, 7, 0, 332},
    {17581, offsetof(tp_star_transactions, transactions), offsetof(tp_star_transactions, transactions_count), 8, 115, 340},
    {17607, offsetof(tp_passport_data, credentials), 0, 7, 1, 345},
    {5461, offsetof(tp_passport_data, data), offsetof(tp_passport_data, data_count), 8, 115, 344},
    {17632, offsetof(tp_passport_file, file_date), 0, 1, 1, 0},
    {4085, offsetof(tp_passport_file, file_id), 0, 4, 1, 0},
    {4093, offsetof(tp_passport_file, file_size), 0, 1, 1, 0},
    {4103, offsetof(tp_passport_file, file_unique_id), 0, 4, 1, 0},
    {5461, offsetof(tp_encrypted_passport_element, data), 0, 4, 0, 0},
    {16658, offsetof(tp_encrypted_passport_element, email), 0, 4, 0, 0},
    {17667, offsetof(tp_encrypted_passport_element, files), offsetof(tp_encrypted_passport_element, files_count), 8, 114, 343},
    {17673, offsetof(tp_encrypted_passport_element, front_side), 0, 7, 0, 343},
    {17684, offsetof(tp_encrypted_passport_element, hash), 0, 4, 1, 0},
    {4411, offsetof(tp_encrypted_passport_element, phone_number), 0, 4, 0, 0},
    {17689, offsetof(tp_encrypted_passport_element, reverse_side), 0, 7, 0, 343},
    {17702, offsetof(tp_encrypted_passport_element, selfie), 0, 7, 0, 343},
    {17709, offsetof(tp_encrypted_passport_element, translation), offsetof(tp_encrypted_passport_element, translation_count), 8, 114, 343},
    {954, offsetof(tp_encrypted_passport_element, type), 0, 4, 1, 0},
    {5461, offsetof(tp_encrypted_credentials, data), 0, 4, 1, 0},
    {17684, offsetof(tp_encrypted_credentials, hash), 0, 4, 1, 0},
    {17742, offsetof(tp_encrypted_credentials, secret), 0, 4, 1, 0},
    {17852, offsetof(tp_passport_element_error_data_field, data_hash), 0, 4, 1, 0},
    {17862, offsetof(tp_passport_element_error_data_field, field_name), 0, 4, 1, 0},
    {259, offsetof(tp_passport_element_error_data_field, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_data_field, source), 0, 4, 1, 5461},
    {954, offsetof(tp_passport_element_error_data_field, type), 0, 4, 1, 0},
    {17903, offsetof(tp_passport_element_error_front_side, file_hash), 0, 4, 1, 0},
    {259, offsetof(tp_passport_element_error_front_side, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_front_side, source), 0, 4, 1, 17673},
    {954, offsetof(tp_passport_element_error_front_side, type), 0, 4, 1, 0},
    {17903, offsetof(tp_passport_element_error_reverse_side, file_hash), 0, 4, 1, 0},
    {259, offsetof(tp_passport_element_error_reverse_side, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_reverse_side, source), 0, 4, 1, 17689},
    {954, offsetof(tp_passport_element_error_reverse_side, type), 0, 4, 1, 0},
    {17903, offsetof(tp_passport_element_error_selfie, file_hash), 0, 4, 1, 0},
    {259, offsetof(tp_passport_element_error_selfie, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_selfie, source), 0, 4, 1, 17702},
    {954, offsetof(tp_passport_element_error_selfie, type), 0, 4, 1, 0},
    {17903, offsetof(tp_passport_element_error_file, file_hash), 0, 4, 1, 0},
    {259, offsetof(tp_passport_element_error_file, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_file, source), 0, 4, 1, 17749},
    {954, offsetof(tp_passport_element_error_file, type), 0, 4, 1, 0},
    {18023, offsetof(tp_passport_element_error_files, file_hashes), offsetof(tp_passport_element_error_files, file_hashes_count), 8, 67, 0},
    {259, offsetof(tp_passport_element_error_files, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_files, source), 0, 4, 1, 17667},
    {954, offsetof(tp_passport_element_error_files, type), 0, 4, 1, 0},
    {17903, offsetof(tp_passport_element_error_translation_file, file_hash), 0, 4, 1, 0},
    {259, offsetof(tp_passport_element_error_translation_file, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_translation_file, source), 0, 4, 1, 17754},
    {954, offsetof(tp_passport_element_error_translation_file, type), 0, 4, 1, 0},
    {18023, offsetof(tp_passport_element_error_translation_files, file_hashes), offsetof(tp_passport_element_error_translation_files, file_hashes_count), 8, 67, 0},
    {259, offsetof(tp_passport_element_error_translation_files, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_translation_files, source), 0, 4, 1, 17771},
    {954, offsetof(tp_passport_element_error_translation_files, type), 0, 4, 1, 0},
    {18140, offsetof(tp_passport_element_error_unspecified, element_hash), 0, 4, 1, 0},
    {259, offsetof(tp_passport_element_error_unspecified, message), 0, 4, 1, 0},
    {12002, offsetof(tp_passport_element_error_unspecified, source), 0, 4, 1, 17789},
    {954, offsetof(tp_passport_element_error_unspecified, type), 0, 4, 1, 0},
    {1817, offsetof(tp_game, animation), 0, 7, 0, 19},
    {1212, offsetof(tp_game, description), 0, 4, 1, 0},
    {1647, offsetof(tp_game, photo), offsetof(tp_game, photo_count), 8, 115, 18},
    {3415, offsetof(tp_game, text), 0, 4, 0, 0},
    {4584, offsetof(tp_game, text_entities), offsetof(tp_game, text_entities_count), 8, 114, 9},
    {948, offsetof(tp_game, title), 0, 4, 1, 0},
    {3765, offsetof(tp_game_high_score, position), 0, 1, 1, 0},
    {18185, offsetof(tp_game_high_score, score), 0, 1, 1, 0},
    {3740, offsetof(tp_game_high_score, user), 0, 7, 1, 2},
};
static const tp__tdesc tp__gen_types[360] = {
    {1, sizeof(tp_update), 0, 26, 0, 0, 0, 1, 6},
    {423, sizeof(tp_webhook_info), 26, 9, 0, 1, 64, 1, 5},
    {593, sizeof(tp_user), 35, 18, 1, 1, 96, 1, 6},
    {915, sizeof(tp_chat), 53, 8, 2, 1, 160, 1, 4},
    {959, sizeof(tp_chat_full_info), 61, 52, 3, 2, 176, 1, 7},
    {1809, sizeof(tp_message), 113, 115, 5, 1, 304, 1, 8},
    {3605, sizeof(tp_message_id), 228, 1, 6, 0, 560, 1, 1},
    {3615, sizeof(tp_inaccessible_message), 229, 3, 6, 1, 562, 1, 3},
    {3635, sizeof(tp_maybe_inaccessible_message), 0, 2, 0, 0, 0, 2, 0},
    {3660, sizeof(tp_message_entity), 232, 9, 7, 1, 570, 1, 5},
    {3745, sizeof(tp_text_quote), 241, 4, 8, 1, 602, 1, 3},
    {3774, sizeof(tp_external_reply_info), 245, 26, 9, 1, 610, 1, 6},
    {3799, sizeof(tp_reply_parameters), 271, 9, 10, 0, 674, 1, 5},
    {3951, sizeof(tp_message_origin), 2, 4, 0, 0, 0, 2, 0},
    {3965, sizeof(tp_message_origin_user), 280, 3, 10, 2, 706, 1, 3},
    {3995, sizeof(tp_message_origin_hidden_user), 283, 3, 12, 2, 714, 1, 3},
    {4036, sizeof(tp_message_origin_chat), 286, 4, 14, 2, 722, 1, 3},
    {4054, sizeof(tp_message_origin_channel), 290, 5, 16, 2, 730, 1, 4},
    {4075, sizeof(tp_photo_size), 295, 5, 18, 2, 746, 1, 4},
    {4131, sizeof(tp_animation), 300, 9, 20, 2, 762, 1, 5},
    {4180, sizeof(tp_audio), 309, 9, 22, 2, 794, 1, 5},
    {4196, sizeof(tp_document), 318, 6, 24, 2, 826, 1, 4},
    {4205, sizeof(tp_live_photo), 324, 8, 26, 2, 842, 1, 4},
    {4215, sizeof(tp_story), 332, 2, 28, 1, 858, 1, 2},
    {4221, sizeof(tp_video_quality), 334, 6, 29, 3, 862, 1, 4},
    {4240, sizeof(tp_video), 340, 12, 32, 2, 878, 1, 5},
    {4278, sizeof(tp_video_note), 352, 6, 34, 2, 910, 1, 4},
    {4288, sizeof(tp_voice), 358, 5, 36, 2, 926, 1, 4},
    {4294, sizeof(tp_paid_media_info), 363, 2, 38, 0, 942, 1, 2},
    {4327, sizeof(tp_paid_media), 6, 4, 0, 0, 0, 2, 0},
    {4337, sizeof(tp_paid_media_live_photo), 365, 2, 38, 2, 946, 1, 2},
    {4356, sizeof(tp_paid_media_photo), 367, 2, 40, 1, 950, 1, 2},
    {4371, sizeof(tp_paid_media_preview), 369, 4, 41, 1, 954, 1, 3},
    {4388, sizeof(tp_paid_media_video), 373, 2, 42, 2, 962, 1, 2},
    {4403, sizeof(tp_contact), 375, 5, 44, 2, 966, 1, 4},
    {4438, sizeof(tp_dice), 380, 2, 46, 1, 982, 1, 2},
    {4455, sizeof(tp_link), 382, 1, 47, 1, 986, 1, 1},
    {4460, sizeof(tp_poll_media), 383, 10, 48, 0, 988, 1, 5},
    {4475, sizeof(tp_input_poll_media), 10, 8, 0, 0, 0, 2, 0},
    {4490, sizeof(tp_input_poll_option_media), 18, 8, 0, 0, 0, 2, 0},
    {4511, sizeof(tp_poll_option), 393, 8, 48, 2, 1020, 1, 4},
    {4610, sizeof(tp_input_poll_option), 401, 4, 50, 1, 1036, 1, 3},
    {4642, sizeof(tp_poll_answer), 405, 5, 51, 1, 1044, 1, 4},
    {4705, sizeof(tp_poll), 410, 21, 52, 3, 1060, 1, 6},
    {4967, sizeof(tp_checklist_task), 431, 6, 55, 1, 1124, 1, 4},
    {5033, sizeof(tp_checklist), 437, 5, 56, 1, 1140, 1, 4},
    {5115, sizeof(tp_input_checklist_task), 442, 4, 57, 1, 1156, 1, 3},
    {5145, sizeof(tp_input_checklist), 446, 6, 58, 1, 1164, 1, 4},
    {5160, sizeof(tp_checklist_tasks_done), 452, 3, 59, 0, 1180, 1, 3},
    {5249, sizeof(tp_checklist_tasks_added), 455, 2, 59, 0, 1188, 1, 2},
    {5269, sizeof(tp_location), 457, 6, 59, 0, 1192, 1, 4},
    {5360, sizeof(tp_venue), 463, 7, 59, 3, 1208, 1, 4},
    {5438, sizeof(tp_web_app_data), 470, 2, 62, 2, 1224, 1, 2},
    {5466, sizeof(tp_proximity_alert_triggered), 472, 3, 64, 2, 1228, 1, 3},
    {5516, sizeof(tp_message_auto_delete_timer_changed), 475, 1, 66, 0, 1236, 1, 1},
    {5546, sizeof(tp_managed_bot_created), 476, 1, 66, 1, 1238, 1, 1},
    {5568, sizeof(tp_managed_bot_updated), 477, 2, 67, 2, 1240, 1, 2},
    {5586, sizeof(tp_poll_option_added), 479, 4, 69, 2, 1244, 1, 3},
    {5669, sizeof(tp_poll_option_deleted), 483, 4, 71, 2, 1252, 1, 3},
    {5687, sizeof(tp_chat_boost_added), 487, 1, 73, 0, 1260, 1, 1},
    {5747, sizeof(tp_background_fill), 26, 3, 0, 0, 0, 2, 0},
    {5762, sizeof(tp_background_fill_solid), 488, 2, 73, 1, 1262, 1, 2},
    {5788, sizeof(tp_background_fill_gradient), 490, 4, 74, 1, 1266, 1, 3},
    {5849, sizeof(tp_background_fill_freeform_gradient), 494, 2, 75, 1, 1274, 1, 2},
    {5921, sizeof(tp_background_type), 29, 4, 0, 0, 0, 2, 0},
    {5936, sizeof(tp_background_type_fill), 496, 3, 76, 2, 1278, 1, 3},
    {5974, sizeof(tp_background_type_wallpaper), 499, 5, 78, 2, 1286, 1, 4},
    {6019, sizeof(tp_background_type_pattern), 504, 6, 80, 3, 1302, 1, 4},
    {6063, sizeof(tp_background_type_chat_theme), 510, 2, 83, 2, 1318, 1, 2},
    {6098, sizeof(tp_chat_background), 512, 1, 85, 1, 1322, 1, 1},
    {6113, sizeof(tp_forum_topic_created), 513, 4, 86, 1, 1324, 1, 3},
    {6185, sizeof(tp_forum_topic_closed), 517, 0, 87, 0, 1332, 1, 1},
    {6202, sizeof(tp_forum_topic_edited), 517, 2, 87, 0, 1334, 1, 2},
    {6219, sizeof(tp_forum_topic_reopened), 519, 0, 87, 0, 1338, 1, 1},
    {6238, sizeof(tp_general_forum_topic_hidden), 519, 0, 87, 0, 1340, 1, 1},
    {6262, sizeof(tp_general_forum_topic_unhidden), 519, 0, 87, 0, 1342, 1, 1},
    {6288, sizeof(tp_shared_user), 519, 5, 87, 0, 1344, 1, 4},
    {6299, sizeof(tp_users_shared), 524, 2, 87, 0, 1360, 1, 2},
    {6328, sizeof(tp_chat_shared), 526, 5, 87, 0, 1364, 1, 4},
    {6339, sizeof(tp_write_access_allowed), 531, 3, 87, 0, 1380, 1, 3},
    {6405, sizeof(tp_video_chat_scheduled), 534, 1, 87, 0, 1388, 1, 1},
    {6435, sizeof(tp_video_chat_started), 535, 0, 87, 0, 1390, 1, 1},
    {6452, sizeof(tp_video_chat_ended), 535, 1, 87, 0, 1392, 1, 1},
    {6467, sizeof(tp_video_chat_participants_invited), 536, 1, 87, 0, 1394, 1, 1},
    {6496, sizeof(tp_paid_message_price_changed), 537, 1, 87, 0, 1396, 1, 1},
    {6520, sizeof(tp_direct_message_price_changed), 538, 2, 87, 0, 1398, 1, 2},
    {6600, sizeof(tp_suggested_post_approved), 540, 3, 87, 0, 1402, 1, 3},
    {6661, sizeof(tp_suggested_post_approval_failed), 543, 2, 87, 1, 1410, 1, 2},
    {6689, sizeof(tp_suggested_post_declined), 545, 2, 88, 0, 1414, 1, 2},
    {6719, sizeof(tp_suggested_post_paid), 547, 4, 88, 1, 1418, 1, 3},
    {6765, sizeof(tp_suggested_post_refunded), 551, 2, 89, 1, 1426, 1, 2},
    {6794, sizeof(tp_giveaway_created), 553, 1, 90, 0, 1430, 1, 1},
    {6827, sizeof(tp_giveaway), 554, 9, 90, 0, 1432, 1, 5},
    {6965, sizeof(tp_giveaway_winners), 563, 12, 90, 1, 1464, 1, 5},
    {7066, sizeof(tp_giveaway_completed), 575, 4, 91, 0, 1496, 1, 3},
    {7118, sizeof(tp_link_preview_options), 579, 5, 91, 0, 1504, 1, 4},
    {7203, sizeof(tp_suggested_post_price), 584, 2, 91, 1, 1520, 1, 2},
    {7222, sizeof(tp_suggested_post_info), 586, 3, 92, 1, 1524, 1, 3},
    {7246, sizeof(tp_suggested_post_parameters), 589, 2, 93, 0, 1532, 1, 2},
    {7270, sizeof(tp_direct_messages_topic), 591, 2, 93, 0, 1536, 1, 2},
    {7299, sizeof(tp_user_profile_photos), 593, 2, 93, 0, 1540, 1, 2},
    {7336, sizeof(tp_user_profile_audios), 595, 2, 93, 0, 1544, 1, 2},
    {7361, sizeof(tp_file), 597, 4, 93, 2, 1548, 1, 3},
    {7376, sizeof(tp_web_app_info), 601, 1, 95, 1, 1556, 1, 1},
    {7387, sizeof(tp_reply_keyboard_markup), 602, 6, 96, 0, 1558, 1, 4},
    {7498, sizeof(tp_keyboard_button), 608, 10, 96, 1, 1574, 1, 5},
    {7620, sizeof(tp_keyboard_button_request_users), 618, 7, 97, 0, 1606, 1, 4},
    {7732, sizeof(tp_keyboard_button_request_chat), 625, 11, 97, 0, 1622, 1, 5},
    {7901, sizeof(tp_keyboard_button_request_managed_bot), 636, 3, 97, 0, 1654, 1, 3},
    {7967, sizeof(tp_keyboard_button_poll_type), 639, 1, 97, 0, 1662, 1, 1},
    {7990, sizeof(tp_reply_keyboard_remove), 640, 2, 97, 0, 1664, 1, 2},
    {8026, sizeof(tp_inline_keyboard_markup), 642, 1, 97, 0, 1668, 1, 1},
    {8063, sizeof(tp_inline_keyboard_button), 643, 13, 97, 1, 1670, 1, 5},
    {8221, sizeof(tp_login_url), 656, 4, 98, 1, 1702, 1, 3},
    {8277, sizeof(tp_switch_inline_query_chosen_chat), 660, 5, 99, 0, 1710, 1, 4},
    {8382, sizeof(tp_copy_text_button), 665, 1, 99, 1, 1726, 1, 1},
    {8397, sizeof(tp_callback_query), 666, 7, 100, 3, 1728, 1, 4},
    {8459, sizeof(tp_force_reply), 673, 3, 103, 0, 1744, 1, 3},
    {8482, sizeof(tp_chat_photo), 676, 4, 103, 4, 1752, 1, 3},
    {8558, sizeof(tp_chat_invite_link), 680, 11, 107, 2, 1760, 1, 5},
    {8715, sizeof(tp_chat_administrator_rights), 691, 17, 109, 0, 1792, 1, 6},
    {9039, sizeof(tp_chat_member_updated), 708, 8, 109, 4, 1856, 1, 4},
    {9185, sizeof(tp_chat_member), 33, 6, 0, 0, 0, 2, 0},
    {9196, sizeof(tp_chat_member_owner), 716, 4, 113, 2, 1872, 1, 3},
    {9225, sizeof(tp_chat_member_administrator), 720, 21, 115, 2, 1880, 1, 6},
    {9263, sizeof(tp_chat_member_member), 741, 4, 117, 2, 1944, 1, 3},
    {9295, sizeof(tp_chat_member_restricted), 745, 21, 119, 2, 1952, 1, 6},
    {9553, sizeof(tp_chat_member_left), 766, 2, 121, 2, 2016, 1, 2},
    {9568, sizeof(tp_chat_member_banned), 768, 3, 123, 2, 2020, 1, 3},
    {9585, sizeof(tp_chat_join_request), 771, 7, 125, 2, 2028, 1, 4},
    {9623, sizeof(tp_chat_permissions), 778, 16, 127, 0, 2044, 1, 5},
    {9639, sizeof(tp_birthdate), 794, 3, 127, 0, 2076, 1, 3},
    {9664, sizeof(tp_business_intro), 797, 3, 127, 0, 2084, 1, 3},
    {9678, sizeof(tp_business_location), 800, 2, 127, 1, 2092, 1, 2},
    {9695, sizeof(tp_business_opening_hours_interval), 802, 2, 128, 0, 2096, 1, 2},
    {9754, sizeof(tp_business_opening_hours), 804, 2, 128, 1, 2100, 1, 2},
    {9804, sizeof(tp_user_rating), 806, 4, 129, 0, 2104, 1, 3},
    {9860, sizeof(tp_story_area_position), 810, 6, 129, 0, 2112, 1, 4},
    {9964, sizeof(tp_location_address), 816, 4, 129, 1, 2128, 1, 3},
    {10032, sizeof(tp_story_area_type), 39, 5, 0, 0, 0, 2, 0},
    {10046, sizeof(tp_story_area_type_location), 820, 4, 130, 1, 2136, 1, 3},
    {10068, sizeof(tp_story_area_type_suggested_reaction), 824, 4, 131, 2, 2144, 1, 3},
    {10132, sizeof(tp_story_area_type_link), 828, 2, 133, 2, 2152, 1, 2},
    {10150, sizeof(tp_story_area_type_weather), 830, 4, 135, 2, 2156, 1, 3},
    {10200, sizeof(tp_story_area_type_unique_gift), 834, 2, 137, 2, 2164, 1, 2},
    {10224, sizeof(tp_story_area), 836, 2, 139, 2, 2168, 1, 2},
    {10234, sizeof(tp_chat_location), 838, 2, 141, 2, 2172, 1, 2},
    {10265, sizeof(tp_reaction_type), 44, 3, 0, 0, 0, 2, 0},
    {10278, sizeof(tp_reaction_type_emoji), 840, 2, 143, 2, 2176, 1, 2},
    {10296, sizeof(tp_reaction_type_custom_emoji), 842, 2, 145, 2, 2180, 1, 2},
    {10320, sizeof(tp_reaction_type_paid), 844, 1, 147, 1, 2184, 1, 1},
    {10337, sizeof(tp_reaction_count), 845, 2, 148, 1, 2186, 1, 2},
    {10351, sizeof(tp_message_reaction_updated), 847, 7, 149, 1, 2190, 1, 4},
    {10411, sizeof(tp_message_reaction_count_updated), 854, 4, 150, 1, 2206, 1, 3},
    {10449, sizeof(tp_forum_topic), 858, 5, 151, 1, 2214, 1, 4},
    {10460, sizeof(tp_gift_background), 863, 3, 152, 0, 2230, 1, 3},
    {10510, sizeof(tp_gift), 866, 13, 152, 2, 2238, 1, 5},
    {10659, sizeof(tp_gifts), 879, 1, 154, 0, 2270, 1, 1},
    {10671, sizeof(tp_unique_gift_model), 880, 4, 154, 2, 2272, 1, 3},
    {10711, sizeof(tp_unique_gift_symbol), 884, 3, 156, 2, 2280, 1, 3},
    {10728, sizeof(tp_unique_gift_backdrop_colors), 887, 4, 158, 0, 2288, 1, 3},
    {10766, sizeof(tp_unique_gift_backdrop), 891, 3, 158, 2, 2296, 1, 3},
    {10785, sizeof(tp_unique_gift_colors), 894, 6, 160, 2, 2304, 1, 4},
    {10941, sizeof(tp_unique_gift), 900, 12, 162, 6, 2320, 1, 5},
    {11028, sizeof(tp_gift_info), 912, 10, 168, 1, 2352, 1, 5},
    {11163, sizeof(tp_unique_gift_info), 922, 7, 169, 2, 2384, 1, 4},
    {11272, sizeof(tp_owned_gift), 47, 2, 0, 0, 0, 2, 0},
    {11282, sizeof(tp_owned_gift_regular), 929, 15, 171, 2, 2400, 1, 5},
    {11308, sizeof(tp_owned_gift_unique), 944, 9, 173, 2, 2432, 1, 5},
    {11343, sizeof(tp_owned_gifts), 953, 3, 175, 0, 2464, 1, 3},
    {11366, sizeof(tp_bot_access_settings), 956, 2, 175, 0, 2472, 1, 2},
    {11417, sizeof(tp_accepted_gift_types), 958, 5, 175, 0, 2476, 1, 4},
    {11519, sizeof(tp_star_amount), 963, 2, 175, 0, 2492, 1, 2},
    {11546, sizeof(tp_bot_command), 965, 2, 175, 2, 2496, 1, 2},
    {11651, sizeof(tp_bot_command_scope), 49, 7, 0, 0, 0, 2, 0},
    {11667, sizeof(tp_bot_command_scope_default), 967, 1, 177, 1, 2500, 1, 1},
    {11690, sizeof(tp_bot_command_scope_all_private_chats), 968, 1, 178, 1, 2502, 1, 1},
    {11721, sizeof(tp_bot_command_scope_all_group_chats), 969, 1, 179, 1, 2504, 1, 1},
    {11750, sizeof(tp_bot_command_scope_all_chat_administrators), 970, 1, 180, 1, 2506, 1, 1},
    {11787, sizeof(tp_bot_command_scope_chat), 971, 2, 181, 1, 2508, 1, 2},
    {11807, sizeof(tp_bot_command_scope_chat_administrators), 973, 2, 182, 1, 2512, 1, 2},
    {11841, sizeof(tp_bot_command_scope_chat_member), 975, 3, 183, 1, 2516, 1, 3},
    {11867, sizeof(tp_bot_name), 978, 1, 184, 1, 2524, 1, 1},
    {11875, sizeof(tp_bot_description), 979, 1, 185, 1, 2526, 1, 1},
    {11890, sizeof(tp_bot_short_description), 980, 1, 186, 1, 2528, 1, 1},
    {11937, sizeof(tp_menu_button), 56, 3, 0, 0, 0, 2, 0},
    {11948, sizeof(tp_menu_button_commands), 981, 1, 187, 1, 2530, 1, 1},
    {11967, sizeof(tp_menu_button_web_app), 982, 3, 188, 3, 2532, 1, 3},
    {11984, sizeof(tp_menu_button_default), 985, 1, 191, 1, 2540, 1, 1},
    {12027, sizeof(tp_chat_boost_source), 59, 3, 0, 0, 0, 2, 0},
    {12043, sizeof(tp_chat_boost_source_premium), 986, 2, 192, 2, 2542, 1, 2},
    {12066, sizeof(tp_chat_boost_source_gift_code), 988, 2, 194, 2, 2546, 1, 2},
    {12090, sizeof(tp_chat_boost_source_giveaway), 990, 5, 196, 1, 2550, 1, 4},
    {12127, sizeof(tp_chat_boost), 995, 4, 197, 2, 2566, 1, 3},
    {12171, sizeof(tp_chat_boost_updated), 999, 2, 199, 2, 2574, 1, 2},
    {12194, sizeof(tp_chat_boost_removed), 1001, 4, 201, 3, 2578, 1, 3},
    {12223, sizeof(tp_chat_owner_left), 1005, 1, 204, 0, 2586, 1, 1},
    {12247, sizeof(tp_chat_owner_changed), 1006, 1, 204, 1, 2588, 1, 1},
    {12264, sizeof(tp_user_chat_boosts), 1007, 1, 205, 0, 2590, 1, 1},
    {12286, sizeof(tp_business_bot_rights), 1008, 14, 205, 0, 2592, 1, 5},
    {12595, sizeof(tp_business_connection), 1022, 6, 205, 2, 2624, 1, 4},
    {12632, sizeof(tp_business_messages_deleted), 1028, 3, 207, 2, 2640, 1, 3},
    {12668, sizeof(tp_sent_web_app_message), 1031, 1, 209, 0, 2648, 1, 1},
    {12686, sizeof(tp_sent_guest_message), 1032, 1, 209, 1, 2650, 1, 1},
    {12703, sizeof(tp_prepared_inline_message), 1033, 2, 210, 1, 2652, 1, 2},
    {12725, sizeof(tp_prepared_keyboard_button), 1035, 1, 211, 1, 2656, 1, 1},
    {12748, sizeof(tp_response_parameters), 1036, 2, 212, 0, 2658, 1, 2},
    {12779, sizeof(tp_input_media), 62, 6, 0, 0, 0, 2, 0},
    {12790, sizeof(tp_input_media_animation), 1038, 11, 212, 1, 2662, 1, 5},
    {12822, sizeof(tp_input_media_audio), 1049, 9, 213, 1, 2694, 1, 5},
    {12838, sizeof(tp_input_media_document), 1058, 7, 214, 1, 2726, 1, 4},
    {12888, sizeof(tp_input_media_link), 1065, 2, 215, 2, 2742, 1, 2},
    {12903, sizeof(tp_input_media_live_photo), 1067, 8, 217, 1, 2746, 1, 4},
    {12923, sizeof(tp_input_media_location), 1075, 4, 218, 1, 2762, 1, 3},
    {12942, sizeof(tp_input_media_photo), 1079, 7, 219, 1, 2770, 1, 4},
    {12958, sizeof(tp_input_media_sticker), 1086, 3, 220, 1, 2786, 1, 3},
    {12976, sizeof(tp_input_media_venue), 1089, 9, 221, 3, 2794, 1, 5},
    {12992, sizeof(tp_input_media_video), 1098, 14, 224, 1, 2826, 1, 5},
    {13027, 0, 0, 0, 0, 0, 0, 0, 0},
    {13037, sizeof(tp_input_paid_media), 68, 3, 0, 0, 0, 2, 0},
    {13052, sizeof(tp_input_paid_media_live_photo), 1112, 3, 225, 1, 2858, 1, 3},
    {13076, sizeof(tp_input_paid_media_photo), 1115, 2, 226, 1, 2866, 1, 2},
    {13096, sizeof(tp_input_paid_media_video), 1117, 9, 227, 1, 2870, 1, 5},
    {13132, sizeof(tp_input_profile_photo), 71, 2, 0, 0, 0, 2, 0},
    {13150, sizeof(tp_input_profile_photo_static), 1126, 2, 228, 1, 2902, 1, 2},
    {13174, sizeof(tp_input_profile_photo_animated), 1128, 3, 229, 1, 2906, 1, 3},
    {13221, sizeof(tp_input_story_content), 73, 2, 0, 0, 0, 2, 0},
    {13239, sizeof(tp_input_story_content_photo), 1131, 2, 230, 1, 2914, 1, 2},
    {13262, sizeof(tp_input_story_content_video), 1133, 5, 231, 1, 2918, 1, 4},
    {13320, sizeof(tp_sticker), 1138, 15, 232, 3, 2934, 1, 5},
    {13407, sizeof(tp_sticker_set), 1153, 5, 235, 3, 2966, 1, 4},
    {13440, sizeof(tp_mask_position), 1158, 4, 238, 1, 2982, 1, 3},
    {13481, sizeof(tp_input_sticker), 1162, 5, 239, 1, 2990, 1, 4},
    {13521, sizeof(tp_rich_message), 1167, 2, 240, 0, 3006, 1, 2},
    {13547, sizeof(tp_input_rich_message), 1169, 4, 240, 0, 3010, 1, 3},
    {13836, sizeof(tp_rich_text), 75, 27, 0, 0, 0, 2, 0},
    {13845, sizeof(tp_rich_text_bold), 1173, 2, 240, 2, 3018, 1, 2},
    {13858, sizeof(tp_rich_text_italic), 1175, 2, 242, 2, 3022, 1, 2},
    {13873, sizeof(tp_rich_text_underline), 1177, 2, 244, 2, 3026, 1, 2},
    {13891, sizeof(tp_rich_text_strikethrough), 1179, 2, 246, 2, 3030, 1, 2},
    {13913, sizeof(tp_rich_text_spoiler), 1181, 2, 248, 2, 3034, 1, 2},
    {13929, sizeof(tp_rich_text_date_time), 1183, 4, 250, 3, 3038, 1, 3},
    {13946, sizeof(tp_rich_text_text_mention), 1187, 3, 253, 3, 3046, 1, 3},
    {13966, sizeof(tp_rich_text_subscript), 1190, 2, 256, 2, 3054, 1, 2},
    {13984, sizeof(tp_rich_text_superscript), 1192, 2, 258, 2, 3058, 1, 2},
    {14004, sizeof(tp_rich_text_marked), 1194, 2, 260, 2, 3062, 1, 2},
    {14019, sizeof(tp_rich_text_code), 1196, 2, 262, 2, 3066, 1, 2},
    {14032, sizeof(tp_rich_text_custom_emoji), 1198, 3, 264, 3, 3070, 1, 3},
    {14069, sizeof(tp_rich_text_mathematical_expression), 1201, 2, 267, 2, 3078, 1, 2},
    {14111, sizeof(tp_rich_text_url), 1203, 3, 269, 3, 3082, 1, 3},
    {14123, sizeof(tp_rich_text_email_address), 1206, 3, 272, 3, 3090, 1, 3},
    {14144, sizeof(tp_rich_text_phone_number), 1209, 3, 275, 3, 3098, 1, 3},
    {14164, sizeof(tp_rich_text_bank_card_number), 1212, 3, 278, 3, 3106, 1, 3},
    {14187, sizeof(tp_rich_text_mention), 1215, 3, 281, 3, 3114, 1, 3},
    {14203, sizeof(tp_rich_text_hashtag), 1218, 3, 284, 3, 3122, 1, 3},
    {14219, sizeof(tp_rich_text_cashtag), 1221, 3, 287, 3, 3130, 1, 3},
    {14235, sizeof(tp_rich_text_bot_command), 1224, 3, 290, 3, 3138, 1, 3},
    {14254, sizeof(tp_rich_text_anchor), 1227, 2, 293, 2, 3146, 1, 2},
    {14269, sizeof(tp_rich_text_anchor_link), 1229, 3, 295, 3, 3150, 1, 3},
    {14300, sizeof(tp_rich_text_reference), 1232, 3, 298, 3, 3158, 1, 3},
    {14318, sizeof(tp_rich_text_reference_link), 1235, 3, 301, 3, 3166, 1, 3},
    {14355, sizeof(tp_rich_block_caption), 1238, 2, 304, 1, 3174, 1, 2},
    {14379, sizeof(tp_rich_block_table_cell), 1240, 6, 305, 2, 3178, 1, 4},
    {14437, sizeof(tp_rich_block_list_item), 1246, 6, 307, 1, 3194, 1, 4},
    {14596, sizeof(tp_rich_block), 102, 21, 0, 0, 0, 2, 0},
    {14606, sizeof(tp_rich_block_paragraph), 1252, 2, 308, 2, 3210, 1, 2},
    {14625, sizeof(tp_rich_block_section_heading), 1254, 3, 310, 2, 3214, 1, 3},
    {14654, sizeof(tp_rich_block_preformatted), 1257, 3, 312, 2, 3222, 1, 3},
    {14676, sizeof(tp_rich_block_footer), 1260, 2, 314, 2, 3230, 1, 2},
    {14692, sizeof(tp_rich_block_divider), 1262, 1, 316, 1, 3234, 1, 1},
    {14709, sizeof(tp_rich_block_mathematical_expression), 1263, 2, 317, 2, 3236, 1, 2},
    {14741, sizeof(tp_rich_block_anchor), 1265, 2, 319, 2, 3240, 1, 2},
    {14757, sizeof(tp_rich_block_list), 1267, 2, 321, 1, 3244, 1, 2},
    {14777, sizeof(tp_rich_block_block_quotation), 1269, 3, 322, 1, 3248, 1, 3},
    {14801, sizeof(tp_rich_block_pull_quotation), 1272, 3, 323, 2, 3256, 1, 3},
    {14824, sizeof(tp_rich_block_collage), 1275, 3, 325, 1, 3264, 1, 3},
    {14841, sizeof(tp_rich_block_slideshow), 1278, 3, 326, 1, 3272, 1, 3},
    {14860, sizeof(tp_rich_block_table), 1281, 5, 327, 1, 3280, 1, 4},
    {14904, sizeof(tp_rich_block_details), 1286, 4, 328, 2, 3296, 1, 3},
    {14937, sizeof(tp_rich_block_map), 1290, 6, 330, 2, 3304, 1, 4},
    {14955, sizeof(tp_rich_block_animation), 1296, 4, 332, 2, 3320, 1, 3},
    {14974, sizeof(tp_rich_block_audio), 1300, 3, 334, 2, 3328, 1, 3},
    {14989, sizeof(tp_rich_block_photo), 1303, 4, 336, 1, 3336, 1, 3},
    {15004, sizeof(tp_rich_block_video), 1307, 4, 337, 2, 3344, 1, 3},
    {15019, sizeof(tp_rich_block_voice_note), 1311, 3, 339, 2, 3352, 1, 3},
    {15038, sizeof(tp_rich_block_thinking), 1314, 2, 341, 2, 3360, 1, 2},
    {15056, sizeof(tp_inline_query), 1316, 6, 343, 4, 3364, 1, 4},
    {15078, sizeof(tp_inline_query_results_button), 1322, 3, 347, 1, 3380, 1, 3},
    {15311, sizeof(tp_inline_query_result), 123, 20, 0, 0, 0, 2, 0},
    {15329, sizeof(tp_inline_query_result_article), 1325, 10, 348, 4, 3388, 1, 5},
    {15423, sizeof(tp_inline_query_result_photo), 1335, 14, 352, 4, 3420, 1, 5},
    {15471, sizeof(tp_inline_query_result_gif), 1349, 15, 356, 4, 3452, 1, 5},
    {15546, sizeof(tp_inline_query_result_mpeg4_gif), 1364, 15, 360, 4, 3484, 1, 5},
    {15612, sizeof(tp_inline_query_result_video), 1379, 16, 364, 6, 3516, 1, 5},
    {15675, sizeof(tp_inline_query_result_audio), 1395, 11, 370, 4, 3548, 1, 5},
    {15713, sizeof(tp_inline_query_result_voice), 1406, 10, 374, 4, 3580, 1, 5},
    {15751, sizeof(tp_inline_query_result_document), 1416, 14, 378, 5, 3612, 1, 5},
    {15777, sizeof(tp_inline_query_result_location), 1430, 14, 383, 3, 3644, 1, 5},
    {15803, sizeof(tp_inline_query_result_venue), 1444, 15, 386, 4, 3676, 1, 5},
    {15826, sizeof(tp_inline_query_result_contact), 1459, 11, 390, 4, 3708, 1, 5},
    {15851, sizeof(tp_inline_query_result_game), 1470, 4, 394, 3, 3740, 1, 3},
    {15873, sizeof(tp_inline_query_result_cached_photo), 1474, 11, 397, 3, 3748, 1, 5},
    {15902, sizeof(tp_inline_query_result_cached_gif), 1485, 10, 400, 3, 3780, 1, 5},
    {15929, sizeof(tp_inline_query_result_cached_mpeg4_gif), 1495, 10, 403, 3, 3812, 1, 5},
    {15961, sizeof(tp_inline_query_result_cached_sticker), 1505, 5, 406, 3, 3844, 1, 4},
    {16008, sizeof(tp_inline_query_result_cached_document), 1510, 10, 409, 4, 3860, 1, 5},
    {16040, sizeof(tp_inline_query_result_cached_video), 1520, 11, 413, 4, 3892, 1, 5},
    {16069, sizeof(tp_inline_query_result_cached_voice), 1531, 9, 417, 4, 3924, 1, 5},
    {16098, sizeof(tp_inline_query_result_cached_audio), 1540, 8, 421, 3, 3956, 1, 4},
    {16140, sizeof(tp_input_message_content), 143, 6, 0, 0, 0, 2, 0},
    {16160, sizeof(tp_input_text_message_content), 1548, 4, 424, 1, 3972, 1, 3},
    {16184, sizeof(tp_input_rich_message_content), 1552, 1, 425, 1, 3980, 1, 1},
    {16208, sizeof(tp_input_location_message_content), 1553, 6, 426, 0, 3982, 1, 4},
    {16236, sizeof(tp_input_venue_message_content), 1559, 8, 426, 2, 3998, 1, 4},
    {16261, sizeof(tp_input_contact_message_content), 1567, 4, 428, 2, 4014, 1, 3},
    {16288, sizeof(tp_input_invoice_message_content), 1571, 20, 430, 4, 4022, 1, 6},
    {16533, sizeof(tp_chosen_inline_result), 1591, 5, 434, 3, 4086, 1, 4},
    {16562, sizeof(tp_labeled_price), 1596, 2, 437, 1, 4102, 1, 2},
    {16575, sizeof(tp_invoice), 1598, 5, 438, 4, 4106, 1, 4},
    {16596, sizeof(tp_shipping_address), 1603, 6, 442, 6, 4122, 1, 4},
    {16648, sizeof(tp_order_info), 1609, 4, 448, 0, 4138, 1, 3},
    {16681, sizeof(tp_shipping_option), 1613, 3, 448, 2, 4146, 1, 3},
    {16696, sizeof(tp_successful_payment), 1616, 10, 450, 4, 4154, 1, 5},
    {16875, sizeof(tp_refunded_payment), 1626, 5, 454, 3, 4186, 1, 4},
    {16895, sizeof(tp_shipping_query), 1631, 4, 457, 4, 4202, 1, 3},
    {16909, sizeof(tp_pre_checkout_query), 1635, 7, 461, 4, 4210, 1, 4},
    {16926, sizeof(tp_paid_media_purchased), 1642, 2, 465, 2, 4226, 1, 2},
    {16989, sizeof(tp_revenue_withdrawal_state), 149, 3, 0, 0, 0, 2, 0},
    {17012, sizeof(tp_revenue_withdrawal_state_pending), 1644, 1, 467, 1, 4230, 1, 1},
    {17042, sizeof(tp_revenue_withdrawal_state_succeeded), 1645, 3, 468, 2, 4232, 1, 3},
    {17074, sizeof(tp_revenue_withdrawal_state_failed), 1648, 1, 470, 1, 4240, 1, 1},
    {17103, sizeof(tp_affiliate_info), 1649, 5, 471, 0, 4242, 1, 4},
    {17227, sizeof(tp_transaction_partner), 152, 7, 0, 0, 0, 2, 0},
    {17246, sizeof(tp_transaction_partner_user), 1654, 10, 471, 3, 4258, 1, 5},
    {17326, sizeof(tp_transaction_partner_chat), 1664, 3, 474, 2, 4290, 1, 3},
    {17349, sizeof(tp_transaction_partner_affiliate_program), 1667, 3, 476, 1, 4298, 1, 3},
    {17397, sizeof(tp_transaction_partner_fragment), 1670, 2, 477, 1, 4306, 1, 2},
    {17441, sizeof(tp_transaction_partner_telegram_ads), 1672, 1, 478, 1, 4310, 1, 1},
    {17471, sizeof(tp_transaction_partner_telegram_api), 1673, 2, 479, 1, 4312, 1, 2},
    {17515, sizeof(tp_transaction_partner_other), 1675, 1, 480, 1, 4316, 1, 1},
    {17539, sizeof(tp_star_transaction), 1676, 6, 481, 1, 4318, 1, 4},
    {17564, sizeof(tp_star_transactions), 1682, 1, 482, 0, 4334, 1, 1},
    {17594, sizeof(tp_passport_data), 1683, 2, 482, 1, 4336, 1, 2},
    {17619, sizeof(tp_passport_file), 1685, 4, 483, 2, 4340, 1, 3},
    {17642, sizeof(tp_encrypted_passport_element), 1689, 10, 485, 2, 4348, 1, 5},
    {17721, sizeof(tp_encrypted_credentials), 1699, 3, 487, 3, 4380, 1, 3},
    {17801, sizeof(tp_passport_element_error), 159, 9, 0, 0, 0, 2, 0},
    {17822, sizeof(tp_passport_element_error_data_field), 1702, 5, 490, 5, 4388, 1, 4},
    {17873, sizeof(tp_passport_element_error_front_side), 1707, 4, 495, 4, 4404, 1, 3},
    {17913, sizeof(tp_passport_element_error_reverse_side), 1711, 4, 499, 4, 4412, 1, 3},
    {17945, sizeof(tp_passport_element_error_selfie), 1715, 4, 503, 4, 4420, 1, 3},
    {17972, sizeof(tp_passport_element_error_file), 1719, 4, 507, 4, 4428, 1, 3},
    {17997, sizeof(tp_passport_element_error_files), 1723, 4, 511, 3, 4436, 1, 3},
    {18035, sizeof(tp_passport_element_error_translation_file), 1727, 4, 514, 4, 4444, 1, 3},
    {18071, sizeof(tp_passport_element_error_translation_files), 1731, 4, 518, 3, 4452, 1, 3},
    {18108, sizeof(tp_passport_element_error_unspecified), 1735, 4, 521, 4, 4460, 1, 3},
    {18153, sizeof(tp_game), 1739, 6, 525, 2, 4468, 1, 4},
    {18158, sizeof(tp_callback_game), 1745, 0, 527, 0, 4484, 1, 1},
    {18171, sizeof(tp_game_high_score), 1745, 3, 527, 1, 4486, 1, 3},
    {18191, sizeof(tp_reply_markup), 168, 4, 0, 0, 0, 2, 0},
};
static const uint16_t tp__gen_reqs[528] = { /* required objects and strings, per type */
    34, 41, 59, 62, 109, 121, 229, 237, 244, 261, 281, 282, 284, 285, 288, 289,
    291, 294, 295, 297, 301, 304, 310, 313, 318, 321, 325, 327, 332, 334, 335, 337,
    342, 345, 353, 355, 359, 361, 365, 366, 368, 371, 373, 374, 375, 377, 380, 382,
    397, 398, 402, 407, 420, 427, 430, 435, 440, 444, 450, 463, 468, 469, 470, 471,
    473, 474, 476, 477, 478, 479, 480, 483, 484, 489, 493, 495, 497, 498, 500, 503,
    504, 505, 509, 510, 511, 512, 516, 543, 548, 551, 564, 585, 588, 597, 600, 601,
    616, 653, 659, 665, 666, 668, 670, 676, 677, 678, 679, 681, 683, 708, 710, 712,
    713, 718, 719, 739, 740, 741, 744, 762, 765, 766, 767, 768, 770, 772, 774, 800,
    805, 817, 823, 826, 827, 828, 829, 831, 833, 834, 835, 836, 837, 838, 839, 840,
    841, 842, 843, 844, 846, 848, 854, 862, 868, 875, 880, 883, 884, 886, 891, 892,
    898, 899, 900, 901, 903, 907, 908, 911, 915, 922, 926, 932, 941, 945, 952, 965,
    966, 967, 968, 969, 970, 972, 974, 976, 978, 979, 980, 981, 982, 983, 984, 985,
    986, 987, 988, 989, 993, 996, 998, 999, 1000, 1001, 1002, 1004, 1006, 1023, 1026, 1028,
    1029, 1032, 1034, 1035, 1047, 1057, 1064, 1065, 1066, 1074, 1078, 1085, 1088, 1089, 1096, 1097,
    1110, 1114, 1116, 1124, 1127, 1130, 1132, 1136, 1140, 1142, 1151, 1153, 1154, 1157, 1158, 1163,
    1173, 1174, 1175, 1176, 1177, 1178, 1179, 1180, 1181, 1182, 1183, 1184, 1185, 1187, 1188, 1189,
    1190, 1191, 1192, 1193, 1194, 1195, 1196, 1197, 1198, 1199, 1200, 1201, 1202, 1203, 1204, 1205,
    1206, 1207, 1208, 1209, 1210, 1211, 1212, 1213, 1214, 1215, 1216, 1217, 1218, 1219, 1220, 1221,
    1222, 1223, 1224, 1225, 1226, 1227, 1228, 1229, 1230, 1231, 1232, 1233, 1234, 1235, 1236, 1237,
    1239, 1240, 1245, 1249, 1252, 1253, 1255, 1256, 1258, 1259, 1260, 1261, 1262, 1263, 1264, 1265,
    1266, 1268, 1271, 1273, 1274, 1277, 1280, 1285, 1288, 1289, 1292, 1293, 1296, 1299, 1300, 1302,
    1306, 1309, 1310, 1312, 1313, 1314, 1315, 1317, 1318, 1320, 1321, 1323, 1326, 1327, 1332, 1333,
    1338, 1342, 1346, 1348, 1353, 1355, 1361, 1363, 1366, 1370, 1376, 1378, 1382, 1384, 1388, 1389,
    1390, 1393, 1396, 1399, 1404, 1405, 1408, 1412, 1413, 1415, 1419, 1420, 1422, 1428, 1429, 1432,
    1442, 1443, 1444, 1449, 1457, 1458, 1459, 1460, 1463, 1468, 1470, 1471, 1473, 1477, 1480, 1484,
    1487, 1488, 1494, 1497, 1499, 1504, 1505, 1508, 1509, 1513, 1514, 1518, 1519, 1523, 1528, 1529,
    1530, 1533, 1537, 1538, 1539, 1540, 1543, 1547, 1550, 1552, 1559, 1566, 1567, 1569, 1571, 1572,
    1579, 1590, 1591, 1594, 1595, 1597, 1598, 1599, 1600, 1601, 1603, 1604, 1605, 1606, 1607, 1608,
    1613, 1615, 1616, 1617, 1621, 1624, 1626, 1627, 1629, 1631, 1632, 1633, 1634, 1635, 1636, 1637,
    1638, 1642, 1643, 1644, 1646, 1647, 1648, 1661, 1662, 1663, 1664, 1666, 1669, 1670, 1672, 1674,
    1675, 1678, 1683, 1686, 1688, 1693, 1698, 1699, 1700, 1701, 1702, 1703, 1704, 1705, 1706, 1707,
    1708, 1709, 1710, 1711, 1712, 1713, 1714, 1715, 1716, 1717, 1718, 1719, 1720, 1721, 1722, 1724,
    1725, 1726, 1727, 1728, 1729, 1730, 1732, 1733, 1734, 1735, 1736, 1737, 1738, 1740, 1744, 1747,
};
static const uint16_t tp__gen_hash[4494] = { /* per type: field index + 1 | name length << 7 */
    2433, 1677, 0, 0, 0, 1550, 0, 0, 0, 1804, 1178, 0, 2050, 2443, 0, 0, 2328, 1423, 1817, 0,
    0, 0, 0, 0, 2326, 1540, 2954, 0, 532, 1415, 2182, 2568, 0, 1285, 0, 0, 1429, 1795, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 2583, 0, 0, 3209, 0, 0, 0, 912, 0, 0, 0, 1811, 0,
    2834, 0, 0, 2065, 0, 0, 0, 1927, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3974, 0, 0,
    1921, 0, 0, 2309, 2818, 0, 393, 0, 0, 0, 1283, 0, 2568, 0, 1924, 0, 0, 0, 3714, 0,
    0, 0, 2947, 0, 0, 0, 0, 0, 0, 1924, 0, 0, 0, 1166, 0, 2960, 0, 2831, 0, 0,
    0, 0, 0, 0, 0, 0, 1287, 0, 1042, 0, 0, 3729, 0, 2313, 0, 2056, 0, 0, 3462, 0,
    0, 0, 0, 0, 1925, 266, 0, 0, 0, 1677, 0, 3073, 0, 1292, 0, 0, 0, 0, 0, 779,
    1032, 258, 1157, 646, 0, 1028, 0, 519, 0, 0, 0, 0, 0, 2307, 1281, 0, 0, 0, 0, 0,
    0, 0, 2826, 2339, 0, 0, 0, 0, 0, 0, 0, 0, 2719, 0, 2444, 2987, 688, 2443, 1053, 0,
    0, 0, 0, 0, 0, 0, 1297, 0, 0, 0, 0, 2867, 0, 0, 3600, 813, 0, 0, 0, 2051,
    3725, 1422, 0, 2095, 1800, 0, 2582, 0, 1159, 2457, 1825, 5016, 1171, 390, 1704, 2711, 0, 2325, 0, 0,
    0, 0, 2981, 0, 0, 0, 0, 561, 2354, 0, 1058, 0, 0, 0, 4396, 0, 0, 1184, 0, 0,
    0, 0, 0, 0, 0, 3108, 1447, 0, 0, 2332, 1834, 681, 1076, 0, 0, 3333, 0, 1966, 0, 1921,
    0, 0, 1950, 0, 2436, 1446, 2185, 0, 3599, 282, 2450, 4116, 2434, 0, 0, 0, 0, 0, 1435, 0,
    0, 0, 0, 0, 1051, 4285, 0, 0, 2462, 0, 0, 988, 0, 0, 0, 1589, 0, 1064, 0, 0,
    1932, 2091, 0, 0, 0, 753, 0, 1860, 0, 1421, 3040, 3041, 587, 3044, 1972, 0, 1736, 3278, 0, 0,
    0, 2102, 2568, 2391, 1497, 1002, 0, 0, 902, 2252, 2616, 0, 0, 0, 0, 0, 0, 1859, 0, 0,
    0, 2315, 1178, 3621, 2737, 2369, 914, 2131, 0, 0, 0, 2491, 0, 0, 0, 0, 2196, 4077, 1082, 2624,
    0, 3045, 1640, 0, 0, 2670, 0, 642, 1852, 1825, 0, 2156, 0, 0, 733, 3606, 3935, 0, 0, 0,
    0, 0, 0, 0, 2090, 0, 0, 0, 2611, 0, 745, 0, 0, 0, 0, 0, 2703, 2520, 0, 0,
    0, 0, 0, 0, 1177, 0, 533, 1877, 1342, 1370, 614, 0, 0, 547, 0, 0, 0, 0, 1622, 3163,
    0, 1511, 2239, 0, 0, 0, 2103, 2530, 1392, 0, 0, 0, 0, 0, 0, 1337, 0, 0, 0, 531,
    546, 0, 0, 0, 2509, 0, 0, 0, 0, 2592, 1412, 0, 2415, 0, 0, 0, 0, 0, 0, 1617,
    0, 0, 0, 1166, 1820, 2442, 2345, 550, 1349, 1153, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2675, 0, 1991, 2193, 3364, 3028, 0, 3410, 1839, 0, 0, 0, 1650, 0, 0, 0, 0, 0, 2224, 2051,
    2348, 0, 0, 0, 0, 0, 2215, 713, 1866, 719, 3398, 747, 0, 0, 521, 0, 0, 2128, 2114, 0,
    2576, 1048, 2531, 0, 0, 0, 2821, 2398, 0, 2734, 946, 0, 0, 0, 0, 2055, 2711, 2333, 2335, 2733,
    1281, 0, 0, 0, 0, 514, 1283, 0, 513, 0, 1027, 0, 0, 0, 0, 0, 0, 1921, 518, 1159,
    0, 0, 0, 772, 0, 0, 0, 0, 521, 0, 0, 0, 392, 0, 0, 0, 773, 0, 0, 2050,
    0, 0, 1025, 0, 0, 1154, 516, 0, 1027, 0, 0, 520, 0, 0, 0, 0, 0, 917, 0, 0,
    1039, 0, 0, 1033, 1305, 0, 0, 2058, 0, 642, 0, 666, 2187, 1294, 0, 0, 662, 0, 532, 0,
    664, 659, 0, 0, 0, 0, 0, 0, 515, 0, 0, 0, 663, 0, 0, 1031, 2573, 0, 0, 0,
    0, 1156, 0, 0, 908, 1298, 0, 1153, 518, 0, 1296, 785, 901, 0, 646, 2056, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 898, 0, 0, 0, 1797, 0, 2179, 0, 3457, 0, 1799, 0,
    1801, 0, 1284, 0, 0, 0, 0, 0, 1410, 513, 0, 0, 0, 515, 515, 0, 0, 513, 0, 0,
    0, 2050, 1411, 516, 0, 514, 0, 0, 0, 2049, 0, 0, 0, 0, 0, 0, 514, 2049, 517, 0,
    0, 515, 1284, 0, 0, 0, 0, 1795, 0, 0, 0, 772, 0, 1154, 645, 0, 0, 0, 897, 0,
    0, 0, 0, 1797, 0, 0, 0, 0, 0, 0, 649, 0, 0, 0, 898, 0, 0, 0, 1159, 1160,
    1025, 0, 0, 774, 0, 1155, 1156, 0, 0, 0, 0, 0, 0, 0, 0, 1797, 0, 0, 1159, 0,
    0, 0, 0, 0, 0, 0, 898, 0, 0, 0, 1158, 1160, 1025, 649, 0, 0, 0, 1155, 1156, 0,
    0, 0, 0, 0, 0, 0, 1157, 1796, 1158, 0, 0, 0, 0, 1154, 1155, 0, 0, 0, 897, 0,
    0, 0, 1158, 1796, 1025, 0, 0, 773, 0, 1155, 648, 0, 0, 0, 898, 0, 0, 647, 0, 258,
    513, 0, 0, 1796, 0, 0, 0, 773, 0, 1155, 646, 0, 0, 0, 898, 641, 0, 0, 1161, 1798,
    0, 0, 0, 0, 0, 0, 652, 0, 0, 0, 641, 899, 0, 0, 1160, 1163, 1026, 0, 0, 775,
    0, 1156, 1157, 0, 0, 0, 0, 0, 0, 1930, 0, 1796, 1025, 1158, 0, 0, 0, 1155, 0, 0,
    0, 0, 898, 773, 0, 0, 1157, 1796, 1025, 0, 0, 0, 0, 1155, 0, 0, 0, 0, 898, 0,
    0, 0, 0, 0, 1281, 1282, 514, 0, 0, 1281, 514, 0, 0, 641, 644, 0, 1025, 0, 0, 770,
    0, 515, 0, 0, 642, 513, 0, 1154, 0, 0, 0, 0, 0, 0, 1539, 0, 900, 645, 0, 0,
    1281, 0, 641, 642, 0, 0, 385, 0, 647, 0, 0, 0, 0, 0, 0, 904, 0, 0, 1030, 649,
    0, 1027, 0, 0, 0, 0, 0, 642, 0, 0, 0, 1285, 0, 1153, 0, 0, 0, 0, 650, 516,
    0, 0, 1666, 1416, 0, 0, 0, 0, 1665, 1667, 0, 1669, 518, 644, 1671, 0, 0, 0, 0, 0,
    514, 641, 1667, 1924, 2690, 0, 516, 0, 0, 0, 0, 0, 0, 899, 0, 1285, 0, 0, 1281, 0,
    0, 1283, 0, 0, 2308, 0, 0, 533, 0, 0, 0, 0, 0, 0, 2186, 2567, 1165, 2195, 0, 2196,
    0, 1551, 0, 0, 0, 0, 1424, 0, 0, 654, 0, 0, 1416, 0, 0, 0, 0, 1042, 0, 0,
    0, 0, 0, 0, 1414, 0, 2569, 1922, 0, 267, 2945, 1548, 913, 0, 0, 0, 0, 0, 1669, 0,
    0, 0, 0, 0, 1670, 260, 0, 0, 2177, 0, 0, 0, 0, 0, 0, 0, 517, 0, 2178, 1923,
    0, 0, 644, 0, 0, 2561, 3714, 1797, 0, 0, 0, 643, 0, 0, 0, 0, 0, 257, 0, 0,
    1282, 515, 1668, 0, 0, 0, 645, 0, 1283, 2561, 3714, 1798, 0, 0, 0, 644, 0, 0, 0, 0,
    3459, 0, 0, 0, 2946, 0, 0, 2177, 642, 0, 0, 2177, 2822, 0, 897, 0, 2434, 0, 0, 0,
    0, 0, 0, 1157, 0, 1412, 0, 1027, 0, 0, 647, 1923, 0, 0, 1666, 0, 0, 0, 1030, 897,
    2181, 0, 1924, 0, 0, 1409, 0, 514, 0, 0, 0, 899, 1025, 0, 0, 1026, 0, 3073, 385, 0,
    0, 0, 385, 514, 1410, 1540, 2563, 0, 2561, 0, 0, 0, 1410, 1540, 2563, 0, 2561, 0, 0, 0,
    1409, 0, 0, 0, 641, 514, 516, 0, 0, 0, 1155, 1794, 0, 1537, 514, 0, 0, 769, 0, 0,
    0, 0, 2305, 0, 514, 515, 0, 0, 0, 0, 2305, 0, 0, 517, 0, 0, 1156, 0, 0, 1026,
    1283, 0, 0, 0, 0, 0, 0, 0, 514, 1412, 518, 0, 1157, 0, 0, 1025, 0, 1155, 1281, 0,
    0, 514, 0, 513, 0, 0, 516, 0, 2562, 2051, 1281, 0, 0, 0, 2561, 0, 514, 0, 0, 0,
    0, 0, 0, 0, 1029, 1154, 0, 0, 0, 0, 0, 0, 0, 0, 900, 0, 0, 0, 1281, 643,
    642, 0, 0, 1281, 1029, 0, 644, 1283, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 897, 642,
    0, 0, 0, 0, 1539, 2561, 0, 1538, 0, 1281, 0, 0, 1025, 0, 641, 0, 2945, 0, 0, 0,
    3202, 3457, 0, 0, 1154, 641, 0, 2819, 0, 0, 0, 2818, 0, 641, 0, 2818, 0, 897, 0, 0,
    769, 0, 0, 1026, 2820, 1411, 0, 769, 2818, 0, 0, 2049, 4101, 0, 2307, 0, 0, 0, 0, 2825,
    1544, 2052, 641, 0, 0, 2055, 0, 0, 0, 0, 0, 0, 2182, 0, 0, 0, 0, 0, 1666, 0,
    0, 0, 0, 0, 4101, 907, 0, 0, 0, 0, 514, 2435, 1546, 2052, 2696, 2828, 0, 2055, 0, 1545,
    0, 0, 0, 0, 2182, 0, 0, 0, 0, 0, 0, 0, 0, 2689, 0, 0, 1540, 2050, 2691, 0,
    0, 0, 0, 2049, 0, 1924, 2307, 1409, 2306, 0, 389, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 1026, 769, 0, 643, 0, 1154, 641, 0, 0, 0, 0, 0, 0, 1154, 641, 0, 0, 514, 1025,
    1410, 0, 0, 769, 1410, 0, 0, 769, 1154, 1796, 0, 0, 897, 0, 0, 1155, 385, 0, 0, 1666,
    0, 2180, 0, 0, 0, 0, 1027, 0, 0, 0, 0, 2945, 1925, 1158, 2437, 0, 1923, 0, 0, 0,
    0, 0, 648, 0, 0, 0, 2561, 0, 0, 0, 0, 0, 1538, 0, 2052, 0, 1671, 0, 0, 906,
    1542, 0, 521, 0, 0, 0, 0, 0, 2053, 1537, 1282, 1539, 0, 0, 0, 0, 1668, 1927, 0, 1414,
    0, 0, 0, 1925, 1670, 1287, 0, 0, 0, 3211, 0, 0, 1672, 0, 1673, 0, 0, 0, 0, 3073,
    2179, 2058, 0, 0, 0, 0, 0, 1924, 0, 0, 0, 0, 1666, 0, 0, 2307, 0, 1281, 1794, 0,
    0, 0, 0, 513, 0, 0, 1921, 1154, 0, 1921, 0, 390, 0, 0, 0, 1157, 0, 1155, 647, 2440,
    3977, 0, 2564, 0, 1665, 0, 0, 0, 0, 0, 0, 0, 396, 0, 0, 909, 1666, 0, 523, 0,
    4106, 0, 388, 0, 0, 0, 2563, 0, 1537, 1538, 1921, 0, 645, 0, 0, 0, 0, 0, 0, 0,
    0, 2434, 0, 2052, 2179, 0, 513, 0, 1924, 261, 2182, 0, 0, 1665, 903, 0, 0, 0, 0, 0,
    515, 0, 0, 514, 0, 1409, 0, 0, 0, 2946, 1155, 0, 1409, 0, 1667, 0, 2564, 2306, 0, 0,
    0, 1285, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1411, 0, 0, 0, 0, 0, 1543, 2315,
    3337, 898, 0, 2442, 0, 0, 1412, 520, 0, 0, 2561, 1286, 0, 1921, 0, 2060, 0, 0, 2827, 0,
    0, 2307, 0, 0, 0, 0, 0, 2447, 2434, 0, 0, 0, 0, 2053, 2062, 0, 0, 0, 0, 0,
    2180, 2189, 3336, 0, 0, 0, 0, 0, 2186, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1929, 0, 1553, 1927, 0, 2576, 0, 0, 0, 0, 2054, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1926, 1925, 513, 2056, 0, 0, 1412, 514, 515, 3463, 0, 0, 0, 0, 1538, 516, 771, 0, 0, 1537,
    0, 1922, 0, 2061, 0, 0, 2828, 0, 0, 2308, 0, 0, 0, 0, 0, 2448, 2435, 1554, 533, 1665,
    0, 2054, 2063, 0, 0, 0, 0, 0, 2181, 2190, 3337, 0, 0, 0, 0, 0, 2187, 788, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 1930, 0, 1555, 1928, 0, 2577, 0, 0, 0, 0, 2055, 0,
    0, 0, 0, 0, 1283, 0, 516, 0, 769, 0, 0, 386, 0, 1922, 2576, 2054, 1169, 0, 0, 403,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 533, 0, 0, 0, 0, 0, 0, 0, 0, 2574,
    2186, 2695, 1805, 2955, 0, 0, 0, 1928, 2181, 1932, 1935, 786, 0, 0, 0, 0, 0, 0, 0, 1300,
    0, 0, 0, 0, 0, 3201, 0, 0, 2313, 0, 2052, 0, 0, 0, 0, 1539, 769, 0, 514, 0,
    0, 0, 515, 0, 769, 0, 0, 1282, 0, 0, 0, 1543, 0, 0, 514, 0, 0, 385, 1413, 515,
    516, 1030, 0, 0, 2955, 1922, 2576, 2054, 2181, 1928, 1932, 1935, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 3201, 0, 0, 2313, 0, 2052, 2574, 2186, 2695, 1805, 1539, 0, 0, 515, 0,
    642, 385, 0, 0, 0, 0, 643, 0, 0, 0, 897, 898, 0, 0, 1026, 897, 0, 1793, 1794, 0,
    1665, 0, 0, 1794, 0, 642, 0, 2179, 2561, 0, 772, 0, 1541, 0, 0, 2178, 0, 0, 0, 3073,
    0, 0, 2052, 0, 0, 1795, 0, 1542, 513, 1538, 643, 772, 0, 0, 0, 0, 516, 0, 0, 897,
    1155, 0, 0, 1026, 516, 0, 1282, 0, 0, 897, 0, 1667, 0, 0, 386, 513, 642, 0, 2049, 1411,
    0, 0, 0, 516, 0, 0, 513, 514, 0, 0, 1025, 514, 0, 0, 1026, 897, 641, 0, 0, 514,
    514, 0, 0, 1921, 0, 513, 1409, 0, 0, 514, 1281, 1541, 1542, 519, 0, 0, 514, 0, 0, 0,
    0, 515, 1284, 0, 0, 0, 0, 0, 1156, 514, 1283, 0, 513, 0, 0, 0, 0, 0, 0, 0,
    1281, 0, 0, 0, 2180, 517, 2562, 2051, 0, 0, 0, 0, 1282, 1283, 0, 0, 1537, 0, 0, 1928,
    1281, 1799, 1289, 3077, 1419, 906, 0, 0, 0, 0, 3212, 0, 0, 0, 0, 259, 0, 0, 0, 0,
    1282, 2566, 0, 1284, 2317, 0, 0, 0, 0, 0, 0, 641, 0, 0, 513, 2051, 770, 0, 0, 900,
    0, 0, 513, 2050, 0, 0, 0, 899, 0, 0, 1282, 1284, 0, 0, 1537, 1539, 0, 0, 514, 2051,
    0, 0, 0, 769, 0, 2693, 2822, 2819, 2689, 2946, 3076, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 1803, 0, 0, 0, 1157, 0, 0, 1025, 900, 2310, 0, 0, 0, 0, 0, 0, 0,
    778, 0, 0, 0, 0, 1287, 521, 1154, 0, 780, 648, 771, 1027, 2438, 0, 0, 0, 1285, 3336, 2314,
    0, 0, 0, 2306, 0, 0, 0, 1671, 0, 0, 0, 0, 0, 0, 0, 1921, 516, 0, 0, 0,
    521, 0, 0, 0, 2563, 2439, 2308, 0, 0, 0, 0, 513, 0, 0, 2306, 0, 773, 0, 0, 1670,
    1027, 2439, 1419, 0, 0, 1285, 3337, 525, 2318, 0, 1162, 2306, 1030, 0, 0, 1672, 1551, 0, 0, 0,
    0, 0, 0, 1921, 516, 0, 0, 0, 524, 0, 0, 0, 0, 0, 2308, 1415, 0, 0, 0, 521,
    0, 0, 1158, 0, 1027, 0, 0, 1669, 2440, 0, 0, 0, 0, 0, 0, 514, 2305, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 1410, 641, 1411, 0, 0, 0, 1409, 2562, 0, 0, 0, 0, 1925, 0,
    2433, 0, 0, 1540, 2563, 0, 0, 0, 1666, 0, 0, 0, 0, 1922, 769, 0, 1410, 0, 0, 897,
    0, 513, 0, 513, 0, 513, 0, 513, 0, 0, 897, 514, 0, 0, 897, 514, 0, 0, 899, 0,
    0, 0, 897, 514, 513, 0, 1409, 0, 0, 2177, 0, 513, 0, 899, 0, 0, 513, 0, 0, 514,
    0, 513, 769, 0, 514, 0, 769, 0, 514, 0, 0, 0, 517, 1538, 0, 0, 0, 2433, 772, 0,
    0, 0, 0, 2051, 0, 0, 772, 0, 1025, 0, 1923, 0, 1026, 0, 641, 0, 514, 0, 1411, 772,
    0, 0, 0, 0, 1025, 514, 1153, 0, 1153, 0, 769, 0, 1670, 0, 0, 2823, 0, 3330, 0, 0,
    2947, 2313, 0, 0, 3852, 0, 0, 0, 0, 0, 2184, 3076, 3086, 0, 0, 3073, 1541, 1163, 2317, 0,
    2186, 0, 0, 0, 0, 258, 517, 1542, 0, 0, 0, 0, 0, 772, 1283, 513, 0, 0, 0, 0,
    1411, 0, 2817, 0, 0, 0, 514, 0, 0, 2177, 0, 2177, 1921, 258, 0, 0, 0, 257, 2305, 1410,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 3080, 522, 651, 0, 1412, 897, 0, 0, 0, 0, 1161,
    1027, 0, 1287, 773, 0, 0, 0, 0, 0, 2050, 0, 646, 0, 0, 0, 0, 0, 0, 1158, 0,
    0, 521, 0, 0, 0, 0, 897, 0, 0, 0, 0, 1159, 1027, 648, 1285, 0, 0, 0, 0, 0,
    0, 2050, 0, 644, 0, 0, 0, 1158, 0, 0, 1285, 0, 0, 3843, 519, 0, 0, 2050, 897, 644,
    0, 0, 0, 0, 386, 513, 0, 0, 0, 0, 1285, 0, 0, 3079, 520, 0, 0, 2050, 897, 1411,
    644, 646, 516, 0, 0, 1155, 2433, 0, 0, 1026, 0, 0, 0, 0, 1285, 0, 0, 3078, 519, 0,
    0, 2050, 897, 1411, 644, 0, 641, 0, 0, 0, 0, 642, 0, 515, 0, 0, 0, 1923, 0, 0,
    1666, 521, 0, 0, 0, 2181, 0, 0, 0, 1030, 0, 0, 648, 0, 0, 0, 0, 0, 0, 0,
    0, 897, 1159, 0, 1924, 0, 0, 0, 0, 2315, 0, 0, 0, 3081, 525, 654, 0, 1413, 897, 643,
    0, 0, 0, 1164, 1028, 0, 1288, 774, 0, 0, 0, 0, 0, 2050, 0, 647, 0, 1930, 515, 0,
    0, 0, 0, 641, 0, 642, 0, 641, 0, 514, 0, 0, 0, 2310, 0, 0, 0, 520, 649, 0,
    0, 0, 641, 0, 0, 0, 0, 1159, 1026, 0, 0, 771, 0, 0, 0, 0, 0, 0, 0, 644,
    0, 1925, 514, 0, 0, 641, 0, 1153, 0, 0, 0, 0, 2562, 515, 514, 0, 0, 641, 0, 0,
    1026, 1539, 0, 2689, 0, 516, 0, 0, 0, 0, 0, 0, 645, 0, 0, 1797, 2187, 1036, 0, 0,
    0, 1921, 2058, 1415, 526, 655, 899, 0, 0, 0, 0, 1165, 0, 0, 0, 774, 1032, 1156, 642, 1673,
    0, 0, 0, 0, 0, 0, 0, 1156, 1538, 645, 0, 0, 0, 0, 0, 1027, 513, 0, 0, 0,
    0, 0, 641, 642, 0, 0, 900, 899, 0, 0, 0, 0, 0, 0, 0, 1027, 0, 1668, 901, 0,
    0, 0, 1281, 770, 0, 0, 769, 0, 0, 770, 0, 1027, 0, 2692, 0, 513, 0, 770, 513, 0,
    0, 514, 513, 0, 0, 514, 513, 0, 0, 514, 513, 0, 0, 514, 513, 0, 0, 514, 1156, 0,
    0, 0, 514, 2049, 0, 515, 0, 0, 515, 0, 513, 0, 0, 514, 513, 0, 0, 514, 513, 0,
    0, 514, 513, 0, 0, 514, 513, 0, 0, 514, 515, 0, 0, 0, 2049, 0, 0, 1922, 0, 0,
    1281, 514, 0, 0, 0, 0, 513, 0, 387, 514, 1665, 0, 0, 0, 514, 0, 0, 515, 1537, 0,
    0, 0, 514, 0, 0, 515, 2049, 0, 0, 0, 514, 0, 0, 515, 1027, 0, 0, 0, 513, 0,
    0, 514, 0, 0, 0, 0, 514, 0, 897, 515, 0, 0, 0, 897, 514, 0, 0, 515, 0, 0,
    0, 0, 514, 0, 1409, 515, 0, 0, 513, 514, 0, 0, 0, 0, 514, 1409, 0, 515, 0, 0,
    513, 0, 514, 0, 0, 515, 0, 0, 1793, 0, 514, 0, 0, 515, 514, 0, 0, 769, 0, 1155,
    0, 0, 0, 641, 0, 774, 0, 0, 0, 898, 900, 517, 0, 0, 0, 0, 0, 0, 769, 0,
    0, 517, 646, 1538, 0, 0, 0, 644, 1283, 0, 513, 0, 0, 514, 0, 0, 513, 0, 514, 0,
    0, 515, 1025, 0, 0, 0, 514, 0, 0, 515, 513, 0, 0, 514, 0, 513, 0, 0, 1281, 514,
    0, 0, 513, 514, 641, 0, 0, 514, 515, 0, 0, 0, 769, 0, 0, 770, 515, 0, 0, 0,
    514, 0, 0, 769, 0, 0, 0, 0, 769, 898, 0, 515, 0, 0, 0, 0, 769, 898, 0, 515,
    0, 0, 1411, 0, 0, 642, 0, 517, 0, 0, 0, 1284, 897, 0, 0, 0, 0, 898, 0, 0,
    769, 0, 899, 516, 0, 0, 0, 0, 0, 770, 0, 516, 645, 518, 1027, 0, 897, 0, 0, 0,
    0, 1153, 0, 1411, 898, 0, 0, 516, 0, 0, 0, 641, 898, 0, 0, 515, 516, 0, 0, 1410,
    897, 0, 0, 643, 0, 0, 0, 1410, 897, 0, 644, 515, 0, 0, 0, 0, 897, 0, 1283, 514,
    513, 0, 0, 514, 0, 259, 646, 0, 0, 0, 0, 0, 0, 0, 1153, 1028, 514, 773, 0, 0,
    0, 899, 0, 0, 514, 1921, 0, 0, 0, 0, 0, 0, 2053, 0, 1927, 521, 0, 0, 0, 0,
    1409, 0, 0, 1540, 0, 258, 648, 0, 0, 0, 394, 2691, 0, 0, 0, 0, 1670, 0, 0, 0,
    0, 0, 0, 0, 1417, 0, 0, 3083, 1543, 526, 0, 0, 897, 1411, 0, 1546, 0, 260, 1160, 653,
    1286, 0, 0, 2693, 0, 0, 0, 2050, 1676, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3083,
    527, 1539, 0, 0, 897, 0, 0, 1546, 1284, 263, 2444, 654, 1289, 0, 0, 1158, 2696, 0, 0, 2050,
    1677, 901, 0, 0, 0, 0, 0, 0, 1797, 0, 0, 1416, 3083, 527, 1159, 1542, 897, 0, 0, 1546,
    2444, 259, 654, 0, 1289, 0, 0, 2692, 0, 0, 0, 2050, 1677, 0, 0, 0, 0, 0, 1550, 0,
    0, 0, 0, 3081, 524, 0, 0, 0, 897, 1411, 1167, 1544, 1158, 260, 651, 0, 1287, 0, 0, 2693,
    0, 0, 0, 2050, 1674, 1805, 1424, 0, 0, 1154, 0, 0, 1160, 0, 0, 523, 0, 0, 0, 0,
    899, 0, 0, 1545, 1793, 261, 650, 0, 1287, 0, 0, 2694, 0, 0, 0, 2052, 0, 0, 0, 0,
    0, 0, 1162, 0, 0, 0, 0, 520, 0, 0, 0, 0, 897, 0, 0, 1542, 0, 259, 647, 0,
    1285, 0, 0, 2692, 0, 0, 0, 2050, 1801, 0, 0, 0, 0, 0, 1540, 0, 2058, 0, 1932, 526,
    0, 0, 0, 0, 897, 1411, 0, 1545, 1159, 261, 653, 0, 1288, 0, 0, 2694, 0, 0, 0, 2050,
    1675, 0, 0, 0, 0, 0, 897, 0, 2058, 0, 1932, 526, 0, 0, 0, 0, 0, 0, 0, 1029,
    2824, 259, 1545, 653, 2434, 0, 0, 2692, 0, 0, 0, 1159, 1675, 1414, 0, 0, 0, 0, 0, 1923,
    2059, 0, 1666, 1933, 527, 0, 0, 2181, 0, 0, 0, 1032, 1546, 262, 654, 0, 0, 0, 0, 2695,
    0, 0, 0, 897, 1161, 1676, 1924, 0, 0, 0, 0, 0, 2055, 0, 1929, 522, 1541, 0, 651, 0,
    0, 0, 0, 1542, 0, 258, 1156, 0, 0, 0, 0, 2691, 0, 0, 0, 0, 1672, 0, 1281, 0,
    1921, 258, 516, 0, 0, 0, 0, 1539, 0, 0, 0, 0, 0, 0, 0, 3081, 523, 0, 0, 0,
    897, 1411, 0, 1544, 0, 260, 650, 0, 1286, 0, 0, 2693, 0, 0, 0, 2050, 0, 1671, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 3080, 522, 0, 0, 1411, 897, 0, 0, 1543, 0, 260, 649, 0,
    1286, 0, 0, 2693, 0, 0, 0, 2050, 0, 0, 0, 0, 1669, 0, 0, 0, 0, 0, 0, 3080,
    522, 0, 0, 0, 897, 0, 0, 1543, 0, 259, 649, 0, 1286, 0, 0, 2692, 0, 0, 0, 2050,
    0, 0, 0, 0, 0, 257, 1924, 0, 0, 0, 0, 2690, 517, 0, 0, 0, 0, 0, 0, 1539,
    0, 0, 0, 0, 0, 0, 0, 2052, 522, 0, 0, 0, 897, 1411, 0, 1544, 0, 261, 649, 0,
    1287, 0, 0, 2694, 0, 0, 0, 2050, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3080,
    522, 0, 0, 0, 897, 1411, 0, 1543, 0, 260, 649, 0, 1286, 0, 0, 2693, 1675, 0, 0, 2050,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 520, 0, 0, 0, 0, 897, 0, 0, 1542,
    0, 259, 647, 0, 1285, 0, 0, 2692, 1673, 0, 0, 2050, 0, 0, 0, 0, 0, 260, 0, 0,
    1286, 0, 0, 2693, 520, 0, 0, 2051, 1665, 898, 0, 1543, 1025, 1539, 0, 0, 1284, 0, 2562, 0,
    1537, 0, 2822, 0, 897, 0, 2434, 0, 0, 0, 0, 0, 0, 1157, 0, 1412, 0, 1027, 0, 0,
    648, 1923, 0, 0, 1666, 0, 0, 0, 0, 897, 2181, 1159, 1924, 1030, 1539, 1154, 644, 0, 0, 0,
    1281, 0, 1796, 0, 0, 1679, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2707, 1808, 1158, 3730, 1285,
    2833, 660, 1291, 1025, 0, 0, 0, 905, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1421, 0,
    782, 0, 1411, 1546, 0, 0, 1410, 2183, 0, 0, 0, 0, 1164, 0, 0, 0, 0, 2696, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 644, 0, 0, 1157, 0, 0, 0, 0, 1027, 0, 513, 0,
    0, 2178, 0, 642, 769, 0, 0, 0, 644, 0, 0, 1025, 0, 0, 0, 0, 0, 0, 1410, 1923,
    1541, 0, 644, 0, 0, 1541, 0, 0, 1542, 0, 513, 1538, 0, 0, 0, 1155, 0, 0, 1539, 0,
    514, 641, 0, 2052, 0, 0, 0, 257, 643, 0, 0, 0, 770, 0, 0, 0, 0, 3337, 0, 1540,
    0, 3334, 0, 0, 0, 0, 0, 1546, 0, 0, 0, 0, 0, 1285, 0, 1025, 2311, 0, 3592, 0,
    0, 1922, 2307, 0, 0, 0, 0, 0, 0, 3332, 0, 1025, 0, 3331, 0, 0, 0, 1922, 0, 1541,
    0, 0, 0, 258, 0, 1923, 513, 2052, 0, 0, 0, 259, 0, 1285, 0, 1025, 2310, 0, 0, 0,
    0, 1924, 514, 1543, 0, 0, 513, 0, 0, 2306, 0, 513, 0, 0, 0, 513, 0, 0, 387, 514,
    0, 513, 0, 1793, 0, 0, 0, 0, 0, 2564, 0, 1925, 771, 1794, 0, 0, 0, 0, 0, 0,
    0, 0, 2056, 0, 0, 521, 0, 0, 0, 2309, 0, 0, 0, 0, 0, 0, 522, 0, 0, 0,
    1284, 514, 2439, 1153, 0, 1923, 0, 0, 3718, 0, 515, 0, 0, 0, 0, 0, 513, 514, 515, 1538,
    0, 0, 0, 0, 0, 2561, 0, 2050, 0, 513, 0, 513, 0, 1665, 0, 514, 0, 513, 0, 259,
    0, 0, 0, 1029, 0, 0, 774, 1924, 769, 514, 0, 0, 0, 0, 1537, 0, 0, 1409, 0, 514,
    1155, 1796, 0, 0, 898, 0, 0, 1153, 0, 0, 643, 0, 0, 0, 1543, 522, 1542, 0, 0, 0,
    776, 0, 0, 513, 517, 1417, 0, 642, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1284, 0,
    514, 0, 0, 0, 0, 771, 0, 513, 0, 0, 1153, 0, 0, 0, 899, 517, 772, 0, 0, 0,
    0, 0, 1282, 0, 1153, 771, 0, 0, 0, 0, 898, 516, 1153, 771, 0, 0, 0, 0, 898, 516,
    1153, 771, 0, 0, 0, 0, 898, 516, 1153, 771, 0, 0, 0, 0, 898, 516, 1409, 771, 0, 0,
    0, 0, 898, 516, 1153, 771, 0, 0, 0, 0, 898, 516, 1409, 771, 0, 0, 0, 0, 898, 516,
    771, 0, 0, 1537, 0, 0, 898, 516, 0, 0, 646, 0, 0, 0, 0, 0, 0, 1153, 0, 0,
    1410, 516, 1669, 643, 0, 0, 0, 0, 515, 0, 0, 0, 1025, 642,
};
static const tp__udesc tp__gen_unions[172] = {
    {7, 2, 3, 2082, 0, 0},
    {5, 1, 2, 2748, 0, 0},
    {14, 1, 1, 954, 3740, 0},
    {15, 2, 1, 954, 3931, 0},
    {16, 3, 1, 954, 1931, 0},
    {17, 4, 1, 954, 3943, 0},
    {30, 1, 1, 954, 2668, 0},
    {31, 2, 1, 954, 1647, 0},
    {32, 3, 1, 954, 4319, 0},
    {33, 4, 1, 954, 3459, 0},
    {208, 1, 1, 954, 1817, 0},
    {209, 2, 1, 954, 1827, 0},
    {210, 3, 1, 954, 2161, 0},
    {212, 4, 1, 954, 2668, 0},
    {213, 5, 1, 954, 1532, 0},
    {214, 6, 1, 954, 1647, 0},
    {216, 7, 1, 954, 3445, 0},
    {217, 8, 1, 954, 3459, 0},
    {208, 1, 1, 954, 1817, 0},
    {211, 2, 1, 954, 4470, 0},
    {212, 3, 1, 954, 2668, 0},
    {213, 4, 1, 954, 1532, 0},
    {214, 5, 1, 954, 1647, 0},
    {215, 6, 1, 954, 3215, 0},
    {216, 7, 1, 954, 3445, 0},
    {217, 8, 1, 954, 3459, 0},
    {61, 1, 1, 954, 5714, 0},
    {62, 2, 1, 954, 5720, 0},
    {63, 3, 1, 954, 5729, 0},
    {65, 1, 1, 954, 5887, 0},
    {66, 2, 1, 954, 5892, 0},
    {67, 3, 1, 954, 5902, 0},
    {68, 4, 1, 954, 5910, 0},
    {123, 1, 1, 9134, 8594, 0},
    {124, 2, 1, 9134, 9141, 0},
    {125, 3, 1, 9134, 9155, 0},
    {126, 4, 1, 9134, 9162, 0},
    {127, 5, 1, 9134, 9173, 0},
    {128, 6, 1, 9134, 9178, 0},
    {140, 1, 1, 954, 1532, 0},
    {141, 2, 1, 954, 10005, 0},
    {142, 3, 1, 954, 4470, 0},
    {143, 4, 1, 954, 10024, 0},
    {144, 5, 1, 954, 3420, 0},
    {148, 1, 1, 954, 4443, 0},
    {149, 2, 1, 954, 10247, 0},
    {150, 3, 1, 954, 10260, 0},
    {167, 1, 1, 954, 11257, 0},
    {168, 2, 1, 954, 11265, 0},
    {175, 1, 1, 954, 11565, 0},
    {176, 2, 1, 954, 11573, 0},
    {177, 3, 1, 954, 11591, 0},
    {178, 4, 1, 954, 11607, 0},
    {179, 5, 1, 954, 1931, 0},
    {180, 6, 1, 954, 11631, 0},
    {181, 7, 1, 954, 102, 0},
    {186, 1, 1, 954, 11928, 0},
    {187, 2, 1, 954, 7612, 0},
    {188, 3, 1, 954, 11565, 0},
    {190, 1, 1, 12002, 12009, 0},
    {191, 2, 1, 12002, 12017, 0},
    {192, 3, 1, 12002, 2397, 0},
    {208, 1, 1, 954, 1817, 0},
    {209, 2, 1, 954, 1827, 0},
    {210, 3, 1, 954, 2161, 0},
    {212, 4, 1, 954, 2668, 0},
    {214, 5, 1, 954, 1647, 0},
    {217, 6, 1, 954, 3459, 0},
    {220, 1, 1, 954, 2668, 0},
    {221, 2, 1, 954, 1647, 0},
    {222, 3, 1, 954, 3459, 0},
    {224, 1, 1, 954, 13116, 0},
    {225, 2, 1, 954, 13123, 0},
    {227, 1, 1, 954, 1647, 0},
    {228, 2, 1, 954, 3459, 0},
    {65535, 1, 5, 0, 0, 0},
    {65535, 2, 6, 0, 0, 0},
    {236, 3, 1, 954, 13600, 0},
    {237, 4, 1, 954, 13605, 0},
    {238, 5, 1, 954, 13612, 0},
    {239, 6, 1, 954, 13622, 0},
    {240, 7, 1, 954, 13636, 0},
    {241, 8, 1, 954, 13644, 0},
    {242, 9, 1, 954, 13654, 0},
    {243, 10, 1, 954, 13667, 0},
    {244, 11, 1, 954, 13677, 0},
    {245, 12, 1, 954, 13689, 0},
    {246, 13, 1, 954, 13696, 0},
    {247, 14, 1, 954, 10247, 0},
    {248, 15, 1, 954, 13701, 0},
    {249, 16, 1, 954, 589, 0},
    {250, 17, 1, 954, 13725, 0},
    {251, 18, 1, 954, 4411, 0},
    {252, 19, 1, 954, 13739, 0},
    {253, 20, 1, 954, 13756, 0},
    {254, 21, 1, 954, 13764, 0},
    {255, 22, 1, 954, 13772, 0},
    {256, 23, 1, 954, 13780, 0},
    {257, 24, 1, 954, 13792, 0},
    {258, 25, 1, 954, 13799, 0},
    {259, 26, 1, 954, 13811, 0},
    {260, 27, 1, 954, 13821, 0},
    {265, 1, 1, 954, 14485, 0},
    {266, 2, 1, 954, 5278, 0},
    {267, 3, 1, 954, 14495, 0},
    {268, 4, 1, 954, 14499, 0},
    {269, 5, 1, 954, 14506, 0},
    {270, 6, 1, 954, 13701, 0},
    {271, 7, 1, 954, 13792, 0},
    {272, 8, 1, 954, 14514, 0},
    {273, 9, 1, 954, 14519, 0},
    {274, 10, 1, 954, 14530, 0},
    {275, 11, 1, 954, 14540, 0},
    {276, 12, 1, 954, 14548, 0},
    {277, 13, 1, 954, 14558, 0},
    {278, 14, 1, 954, 14564, 0},
    {279, 15, 1, 954, 14572, 0},
    {280, 16, 1, 954, 1817, 0},
    {281, 17, 1, 954, 1827, 0},
    {282, 18, 1, 954, 1647, 0},
    {283, 19, 1, 954, 3459, 0},
    {284, 20, 1, 954, 14576, 0},
    {285, 21, 1, 954, 14587, 0},
    {308, 1, 1, 954, 1827, 15119},
    {305, 2, 1, 954, 2161, 15133},
    {302, 3, 1, 954, 15150, 15154},
    {303, 4, 1, 954, 15166, 15176},
    {301, 5, 1, 954, 1647, 15190},
    {304, 6, 1, 954, 3215, 0},
    {306, 7, 1, 954, 3459, 15204},
    {307, 8, 1, 954, 3565, 15218},
    {289, 9, 1, 954, 15232, 0},
    {294, 10, 1, 954, 1827, 15240},
    {299, 11, 1, 954, 2074, 0},
    {300, 12, 1, 954, 2313, 0},
    {296, 13, 1, 954, 2161, 15250},
    {291, 14, 1, 954, 15150, 15263},
    {297, 15, 1, 954, 1532, 0},
    {292, 16, 1, 954, 15166, 15271},
    {290, 17, 1, 954, 1647, 15281},
    {298, 18, 1, 954, 3445, 0},
    {293, 19, 1, 954, 3459, 15291},
    {295, 20, 1, 954, 3565, 15301},
    {310, 1, 2, 16127, 0, 0},
    {311, 2, 2, 3115, 0, 0},
    {313, 4, 2, 5366, 0, 0},
    {314, 5, 2, 4411, 0, 0},
    {315, 6, 2, 1212, 0, 0},
    {312, 3, 2, 5306, 0, 0},
    {328, 1, 1, 954, 16964, 0},
    {329, 2, 1, 954, 16972, 0},
    {330, 3, 1, 954, 16982, 0},
    {333, 1, 1, 954, 3740, 0},
    {334, 2, 1, 954, 1931, 0},
    {335, 3, 1, 954, 17168, 0},
    {336, 4, 1, 954, 17186, 0},
    {337, 5, 1, 954, 17195, 0},
    {338, 6, 1, 954, 17208, 0},
    {339, 7, 1, 954, 17221, 0},
    {347, 1, 1, 12002, 5461, 0},
    {348, 2, 1, 12002, 17673, 0},
    {349, 3, 1, 12002, 17689, 0},
    {350, 4, 1, 12002, 17702, 0},
    {351, 5, 1, 12002, 17749, 0},
    {352, 6, 1, 12002, 17667, 0},
    {353, 7, 1, 12002, 17754, 0},
    {354, 8, 1, 12002, 17771, 0},
    {355, 9, 1, 12002, 17789, 0},
    {111, 1, 2, 8047, 0, 0},
    {104, 2, 2, 7445, 0, 0},
    {110, 3, 2, 8010, 0, 0},
    {117, 4, 2, 8470, 0, 0},
};
/* END GENERATED tables */

#define TP__POOL(o) (tp__gen_pool + (o))
#define TP__GEN_NFIELDS (sizeof tp__gen_fields / sizeof tp__gen_fields[0])
#define TP__GEN_NTYPES (sizeof tp__gen_types / sizeof tp__gen_types[0])

/* Objects of one type come with their keys in the same order (the Bot API writes them so):
   a document this big (a batch of updates) gets a memo, per field, of the hash slot of the
   key that followed it last time, and per type of its first key, so most keys are found
   without hashing. A lone update does not pay for the memo. */
#define TP__ORDER_MIN 4096
static void tp__order_init(tp_json_doc *doc) {
    doc->order = (uint16_t *)tp__doc_alloc(doc, (TP__GEN_NFIELDS + TP__GEN_NTYPES) * sizeof(uint16_t));
}

/* The hash of a field name (len >= 1) that tools/gen_api.py (fhash) builds the tables with. */
static unsigned tp__fhash(const char *k, size_t n) {
    const unsigned char *u = (const unsigned char *)k;
    return (unsigned)(n * 7u + u[0] * 31u + u[n - 1] * 131u + (n > 2 ? u[n / 2] * 17u : 0u));
}

/* a[0..n) == b[0..n) for the short names of fields, without a call. */
static inline bool tp__same(const char *a, const char *b, size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        uint64_t x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y) return false;
    }
    if (n >= 4) {
        uint32_t x, y, x2, y2;
        memcpy(&x, a, 4);
        memcpy(&y, b, 4);
        memcpy(&x2, a + n - 4, 4);
        memcpy(&y2, b + n - 4, 4);
        return x == y && x2 == y2;
    }
    for (; n; a++, b++, n--)
        if (*a != *b) return false;
    return true;
}

/* Does the non-zero hash slot `slot` (field index + 1 | name length << 7) name the key? */
static inline bool tp__slot_is(const tp__fdesc *fields, unsigned slot, const char *key,
                               size_t klen) {
    return (slot >> 7) == klen && tp__same(TP__POOL(fields[(slot & 127) - 1].name), key, klen);
}

static size_t tp__elem_size(unsigned kind, unsigned elem, unsigned depth) {
    if (depth) return sizeof(tp__list);
    switch (kind) {
    case TP__K_INT: return sizeof(int64_t);
    case TP__K_FLOAT: return sizeof(double);
    case TP__K_BOOL: return sizeof(bool);
    case TP__K_STR: return sizeof(const char *);
    case TP__K_CHATID: return sizeof(tp_chat_id);
    case TP__K_FILE: return sizeof(tp_input_file);
    default: return tp__gen_types[elem].size;
    }
}

static bool tp__parse_into(tp_json_doc *doc, unsigned t, const tp_json *j, void *dst);

/* A freshly allocated view of type t; false only when out of memory. */
static bool tp__parse_new(tp_json_doc *doc, unsigned t, const tp_json *j, const void **out) {
    void *p = tp__doc_alloc(doc, tp__gen_types[t].size);
    *out = p;
    return p && tp__parse_into(doc, t, j, p);
}

/* One scalar or object of kind k at dst (an array element or a field); a value of another
   JSON type leaves dst zero. */
static bool tp__parse_one(tp_json_doc *doc, unsigned k, unsigned elem, const tp_json *j, void *dst,
                          bool *has) {
    tp_json_type jt = tp_json_typeof(j);
    switch (k) {
    case TP__K_INT:
        if (jt != TP_JSON_INT) return true;
        {
            int64_t v = tp_json_int(j);
            memcpy(dst, &v, sizeof v);
        }
        break;
    case TP__K_FLOAT:
        if (jt != TP_JSON_INT && jt != TP_JSON_REAL) return true;
        {
            double v = tp_json_num(j);
            memcpy(dst, &v, sizeof v);
        }
        break;
    case TP__K_BOOL:
        if (jt != TP_JSON_BOOL) return true;
        {
            bool v = tp_json_bool(j);
            memcpy(dst, &v, sizeof v);
        }
        break;
    case TP__K_STR:
        if (jt != TP_JSON_STRING) return true;
        {
            const char *v = tp_json_str(j);
            memcpy(dst, &v, sizeof v);
        }
        break;
    case TP__K_CHATID: {
        tp_chat_id c;
        c.id = tp_json_int(j);
        c.username = tp_json_str(j);
        memcpy(dst, &c, sizeof c);
        break;
    }
    case TP__K_FILE: {
        tp_input_file f;
        if (jt != TP_JSON_STRING) return true;
        memset(&f, 0, sizeof f);
        f.kind = TP_FILE_ID;
        f.id = tp_json_str(j);
        f.fd = -1;
        memcpy(dst, &f, sizeof f);
        break;
    }
    default: /* an object in place (array element) */
        return tp__parse_into(doc, elem, j, dst);
    }
    if (has) *has = true;
    return true;
}

/* An array of depth levels into items/count. */
static bool tp__parse_arr(tp_json_doc *doc, unsigned k, unsigned elem, unsigned depth,
                          const tp_json *j, tp__list *out) {
    size_t n = tp_json_size(j), es = tp__elem_size(k, elem, depth - 1), i = 0;
    char *items;
    const tp_json *it;
    out->items = NULL;
    out->count = 0;
    if (tp_json_typeof(j) != TP_JSON_ARRAY || n == 0) return true;
    items = (char *)tp__doc_alloc(doc, n * es);
    if (!items) return false;
    for (it = tp_json_first(j); it; it = tp_json_next(it), i++) {
        if (depth > 1) {
            tp__list sub;
            if (!tp__parse_arr(doc, k, elem, depth - 1, it, &sub)) return false;
            memcpy(items + i * es, &sub, sizeof sub);
        } else if (k == TP__K_OBJ) {
            if (!tp__parse_into(doc, elem, it, items + i * es)) return false;
        } else if (!tp__parse_one(doc, k, elem, it, items + i * es, NULL)) {
            return false;
        }
    }
    out->items = items;
    out->count = n;
    return true;
}

/* Does union member u describe j? */
static bool tp__umatch(const tp__udesc *u, const tp_json *j) {
    switch (u->mode) {
    case TP__U_CONST: {
        const char *v = tp_json_get_str(j, TP__POOL(u->key));
        if (!v || strcmp(v, TP__POOL(u->val)) != 0) return false;
        return !u->key2 || tp_json_get(j, TP__POOL(u->key2)) != NULL;
    }
    case TP__U_HAS: return tp_json_get(j, TP__POOL(u->key)) != NULL;
    case TP__U_INT0: {
        const tp_json *v = tp_json_get(j, TP__POOL(u->key));
        return tp_json_typeof(v) == TP_JSON_INT && tp_json_int(v) == 0;
    }
    case TP__U_ALWAYS: return tp_json_typeof(j) == TP_JSON_OBJECT;
    case TP__U_STRING: return tp_json_typeof(j) == TP_JSON_STRING;
    case TP__U_ARRAY: return tp_json_typeof(j) == TP_JSON_ARRAY;
    default: return false;
    }
}

/* Fills the zeroed view dst of type t from j; false only when out of memory. Fields of the
   wrong JSON type stay absent; a missing required object or string becomes an empty one, so
   m->chat->id never dereferences NULL. */
static bool tp__parse_into(tp_json_doc *doc, unsigned t, const tp_json *j, void *dst) {
    const tp__tdesc *td = &tp__gen_types[t];
    const tp__fdesc *fields;
    const uint16_t *hash;
    const tp_json *m;
    uint64_t seen[2]; /* fields already set (a type has < 128, see tools/gen_api.py) */
    uint16_t *after = NULL, *at_first = NULL;
    unsigned i, mask, guess = 0, filled = 0; /* filled: required objects and strings set */
    memcpy(dst, &j, sizeof j);
    if (td->what == 2) {
        tp__uni u;
        memset(&u, 0, sizeof u);
        u.json = j;
        for (i = 0; i < td->n; i++) {
            const tp__udesc *ud = &tp__gen_unions[td->first + i];
            if (!tp__umatch(ud, j)) continue;
            u.kind = ud->tag;
            if (ud->type != TP__NONE) {
                if (!tp__parse_new(doc, ud->type, j, &u.as.any)) return false;
            } else if (ud->mode == TP__U_STRING) {
                u.as.any = tp_json_str(j);
            }
            break;
        }
        memcpy(dst, &u, sizeof u);
        return true;
    }
    if (tp_json_typeof(j) != TP_JSON_OBJECT || !td->hbits) return true; /* InputFile: no table */
    seen[0] = seen[1] = 0;
    fields = tp__gen_fields + td->first;
    hash = tp__gen_hash + td->hfirst;
    mask = (1u << td->hbits) - 1;
    if (!doc->order && doc->text_len >= TP__ORDER_MIN) tp__order_init(doc);
    if (doc->order) { /* objects of a type repeat their key order: try the last one's first */
        after = doc->order + td->first;
        at_first = doc->order + TP__GEN_NFIELDS + t;
        guess = *at_first;
    }
    for (m = tp_json_first(j); m; m = tp_json_next(m)) {
        const char *key = (const char *)m + m->key; /* members always have one */
        size_t klen = m->tag >> TP__J_KEYSHIFT;
        unsigned h, slot = guess, idx;
        const tp__fdesc *fd;
        if (!slot || !tp__slot_is(fields, slot, key, klen)) {
            if (!klen) continue; /* no field has an empty name */
            for (h = tp__fhash(key, klen) & mask; (slot = hash[h]) != 0; h = (h + 1) & mask)
                if (tp__slot_is(fields, slot, key, klen)) break; /* linear probing */
            if (!slot) { /* a field this Bot API version does not know: the DOM has it */
                guess = 0;
                continue;
            }
        }
        idx = (slot & 127) - 1;
        if (after) {
            *at_first = (uint16_t)slot;
            at_first = &after[idx];
            guess = *at_first;
        }
        if (seen[idx >> 6] & (UINT64_C(1) << (idx & 63))) continue; /* a duplicate key: the first
                                                                       wins, as in tp_json_get */
        seen[idx >> 6] |= UINT64_C(1) << (idx & 63);
        fd = &fields[idx];
        {
            char *at = (char *)dst + fd->off;
            if (fd->kind == TP__K_ARR) {
                tp__list l;
                if (!tp__parse_arr(doc, TP__F_SUB(fd->flags), fd->elem, TP__F_DEPTH(fd->flags), m, &l))
                    return false;
                memcpy(at, &l.items, sizeof l.items);
                memcpy((char *)dst + fd->aux, &l.count, sizeof l.count);
            } else if (fd->kind == TP__K_OBJ) {
                tp_json_type jt = tp_json_typeof(m);
                if (jt == TP_JSON_OBJECT || (tp__gen_types[fd->elem].what == 2 && jt != TP_JSON_NULL)) {
                    const void *p;
                    if (!tp__parse_new(doc, fd->elem, m, &p)) return false;
                    memcpy(at, &p, sizeof p);
                    filled += fd->flags & TP__F_REQ;
                }
            } else if (fd->kind == TP__K_STR) { /* the common cases, without a call */
                if ((m->tag & TP__J_TYPE) == TP_JSON_STRING) {
                    const char *v = (const char *)m + m->u.s.off;
                    memcpy(at, &v, sizeof v);
                    filled += fd->flags & TP__F_REQ;
                }
            } else if (fd->kind == TP__K_INT && (m->tag & TP__J_TYPE) == TP_JSON_INT) {
                bool has = true;
                memcpy(at, &m->u.i, sizeof m->u.i);
                if (fd->aux) memcpy((char *)dst + fd->aux, &has, sizeof has);
            } else {
                bool has = false;
                if (!tp__parse_one(doc, fd->kind, fd->elem, m, at, &has)) return false;
                if (has && fd->aux) memcpy((char *)dst + fd->aux, &has, sizeof has);
            }
        }
    }
    for (i = td->rfirst; filled < td->rn && i < (unsigned)td->rfirst + td->rn; i++) {
        const tp__fdesc *fd = &tp__gen_fields[tp__gen_reqs[i]]; /* not all required ones came */
        const void *p;
        memcpy(&p, (char *)dst + fd->off, sizeof p);
        if (p) continue;
        if (fd->kind == TP__K_STR) {
            p = "";
        } else {
            p = tp__doc_alloc(doc, tp__gen_types[fd->elem].size);
            if (!p) return false;
        }
        memcpy((char *)dst + fd->off, &p, sizeof p);
    }
    return true;
}

TP__DEF const void *tp_parse_as(tp_json_doc *doc, int type, const tp_json *json, tp_error *err) {
    const void *p;
    tp_json_type jt = tp_json_typeof(json);
    TELEPOT_ASSERT(type >= 0 && type < TP_TYPE_COUNT);
    if (tp__gen_types[type].what == 0) { /* InputFile: a tp_input_file, not a view */
        tp__fail(err, TP_ERR_INVALID, 0, "%s has no typed view", TP__POOL(tp__gen_types[type].name));
        return NULL;
    }
    if (jt != TP_JSON_OBJECT && (tp__gen_types[type].what != 2 || jt == TP_JSON_NONE)) {
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "a %s that is not an object",
                 TP__POOL(tp__gen_types[type].name));
        return NULL;
    }
    if (!tp__parse_new(doc, (unsigned)type, json, &p)) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    tp__ok(err);
    return p;
}

/* The writer. Uploads met on the way are collected: a top-level file becomes a form part of
   its parameter's name, a nested one (InputMedia's media) "attach://tpfN" and a part tpfN. */
typedef struct tp__upload {
    char name[24];
    const char *field; /* top-level: the parameter name (pool) */
    tp_input_file f;
} tp__upload;
/* Where the writer is (field names and array indexes, for messages), and its first error: a
   union whose kind and members disagree, which would otherwise go out as null or the wrong
   object. */
#define TP__WPATH 8
typedef struct tp__wstep {
    const char *name; /* a field; NULL: element idx of an array */
    size_t idx;
} tp__wstep;
typedef struct tp__wctx {
    tp_jw *w;
    const char *loc; /* the method's own names (TP__LOC) */
    tp__upload *up; /* NULL: no uploads possible (tp_jw_typed) */
    size_t nup, cap;
    bool nomem;
    unsigned depth;             /* steps in path (only the first TP__WPATH are kept) */
    tp__wstep path[TP__WPATH];
    char bad[200];              /* the first invalid value: "path: what", or "" */
} tp__wctx;

static void tp__write_any(tp__wctx *c, unsigned t, const void *obj, bool top);

static const char *tp__fname(const tp__wctx *c, unsigned off) {
    return (off & 0x8000u) ? c->loc + (off & 0x7FFFu) : tp__gen_pool + off;
}

static void tp__wpush(tp__wctx *c, const char *name, size_t idx) {
    if (c->depth < TP__WPATH) {
        c->path[c->depth].name = name;
        c->path[c->depth].idx = idx;
    }
    c->depth++;
}

/* Records the first invalid value as "results[2].reply_markup: what" (the path to it). */
static void tp__wbad(tp__wctx *c, const char *fmt, ...) TP__PRINTF(2, 3);
static void tp__wbad(tp__wctx *c, const char *fmt, ...) {
    size_t n = 0, cap = sizeof c->bad;
    unsigned i;
    va_list ap;
    if (c->bad[0]) return;
    for (i = 0; i < c->depth && i < TP__WPATH && n < cap; i++) {
        const tp__wstep *s = &c->path[i];
        int k = s->name ? snprintf(c->bad + n, cap - n, "%s%s", i ? "." : "", s->name)
                        : snprintf(c->bad + n, cap - n, "[%zu]", s->idx);
        if (k > 0) n += (size_t)k;
    }
    if (c->depth > TP__WPATH && n < cap) n += (size_t)snprintf(c->bad + n, cap - n, "...");
    if (n && n < cap) n += (size_t)snprintf(c->bad + n, cap - n, ": ");
    if (n < cap) {
        va_start(ap, fmt);
        vsnprintf(c->bad + n, cap - n, fmt, ap);
        va_end(ap);
    }
    if (!c->bad[0]) c->bad[0] = '?'; /* never "" once something was wrong */
}

static void tp__write_file(tp__wctx *c, const tp__fdesc *fd, const tp_input_file *f, bool top) {
    tp__upload *u;
    if (f->kind == TP_FILE_ID) {
        tp_jw_key(c->w, tp__fname(c, fd->name));
        tp_jw_str(c->w, f->id);
        return;
    }
    if (!c->up && c->cap == (size_t)-1) { /* tp_jw_typed: no way to upload */
        tp_jw_key(c->w, tp__fname(c, fd->name));
        tp_jw_null(c->w);
        return;
    }
    if (c->nup == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        tp__upload *n = (tp__upload *)tp__realloc(c->up, cap * sizeof *n);
        if (!n) {
            c->nomem = true;
            return;
        }
        c->up = n;
        c->cap = cap;
    }
    u = &c->up[c->nup];
    u->f = *f;
    u->field = NULL;
    if (top) {
        u->field = tp__fname(c, fd->name);
        u->name[0] = '\0';
    } else {
        char ref[40];
        snprintf(u->name, sizeof u->name, "tpf%u", (unsigned)c->nup);
        snprintf(ref, sizeof ref, "attach://%s", u->name);
        tp_jw_key(c->w, tp__fname(c, fd->name));
        tp_jw_str(c->w, ref);
    }
    c->nup++;
}

static void tp__write_one(tp__wctx *c, unsigned k, unsigned elem, const char *src) {
    switch (k) {
    case TP__K_INT: {
        int64_t v;
        memcpy(&v, src, sizeof v);
        tp_jw_int(c->w, v);
        break;
    }
    case TP__K_FLOAT: {
        double v;
        memcpy(&v, src, sizeof v);
        tp_jw_real(c->w, v);
        break;
    }
    case TP__K_BOOL: {
        bool v;
        memcpy(&v, src, sizeof v);
        tp_jw_bool(c->w, v);
        break;
    }
    case TP__K_STR: {
        const char *v;
        memcpy(&v, src, sizeof v);
        tp_jw_str(c->w, v);
        break;
    }
    case TP__K_CHATID: {
        tp_chat_id v;
        memcpy(&v, src, sizeof v);
        if (v.username) tp_jw_str(c->w, v.username);
        else tp_jw_int(c->w, v.id);
        break;
    }
    case TP__K_FILE: {
        tp_input_file v;
        memcpy(&v, src, sizeof v);
        tp_jw_str(c->w, v.kind == TP_FILE_ID ? v.id : NULL);
        break;
    }
    default: tp__write_any(c, elem, src, false);
    }
}

static void tp__write_arr(tp__wctx *c, unsigned k, unsigned elem, unsigned depth, const char *items,
                          size_t n) {
    size_t es = tp__elem_size(k, elem, depth - 1), i;
    tp_jw_arr(c->w);
    for (i = 0; i < n; i++) {
        tp__wpush(c, NULL, i);
        if (depth > 1) {
            tp__list l;
            memcpy(&l, items + i * es, sizeof l);
            tp__write_arr(c, k, elem, depth - 1, (const char *)l.items, l.count);
        } else {
            tp__write_one(c, k, elem, items + i * es);
        }
        c->depth--;
    }
    tp_jw_arr_end(c->w);
}

static void tp__write_fields(tp__wctx *c, const tp__fdesc *fds, unsigned nf, const void *obj,
                             bool top);

static void tp__write_any(tp__wctx *c, unsigned t, const void *obj, bool top) {
    const tp__tdesc *td = &tp__gen_types[t];
    unsigned i;
    if (td->what == 2) {
        tp__uni u;
        bool known = false;
        memcpy(&u, obj, sizeof u);
        for (i = 0; i < td->n; i++) {
            const tp__udesc *ud = &tp__gen_unions[td->first + i];
            if (ud->tag != (unsigned)u.kind) continue;
            known = true;
            if (!u.as.any) break;
            if (ud->type != TP__NONE) {
                tp__write_any(c, ud->type, u.as.any, false);
                return;
            }
            if (ud->mode == TP__U_STRING) {
                tp_jw_str(c->w, (const char *)u.as.any);
                return;
            }
            break; /* an array member: only its DOM */
        }
        /* A union the program built must say which member it holds; only one read from a
           document (json set: a kind newer than this header, or an array) goes out as its DOM.
           Otherwise it would be sent as null or as the wrong object. */
        if (u.kind == 0 && u.as.any)
            tp__wbad(c, "kind is 0 but a member is set; set .kind (a %s kind)",
                     tp__gen_pool + td->name);
        else if (!known && u.kind)
            tp__wbad(c, "kind %d is not a %s kind", u.kind, tp__gen_pool + td->name);
        else if (!u.json)
            tp__wbad(c, "kind is %d and no member is set (an empty %s)", u.kind,
                     tp__gen_pool + td->name);
        tp_jw_value(c->w, u.json); /* written anyway; the caller fails on c->bad */
        return;
    }
    tp__write_fields(c, tp__gen_fields + td->first, td->n, obj, top);
}

/* The fields f[0..n) of the struct at obj as a JSON object. */
static void tp__write_fields(tp__wctx *c, const tp__fdesc *fds, unsigned nf, const void *obj,
                             bool top) {
    const char *o = (const char *)obj;
    unsigned i;
    tp_jw_obj(c->w);
    for (i = 0; i < nf; i++) {
        const tp__fdesc *fd = &fds[i];
        const char *src = o + fd->off;
        bool req = (fd->flags & TP__F_REQ) != 0, has = false;
        if (fd->kind == TP__K_BOOL && fd->elem) { /* always true: a zeroed struct is valid */
            tp_jw_key(c->w, tp__fname(c, fd->name));
            tp_jw_bool(c->w, true);
            continue;
        }
        if (fd->aux && (fd->kind == TP__K_INT || fd->kind == TP__K_FLOAT || fd->kind == TP__K_BOOL))
            memcpy(&has, o + fd->aux, sizeof has);
        switch (fd->kind) {
        case TP__K_INT:
        case TP__K_FLOAT:
        case TP__K_BOOL: {
            static const char zero[8] = {0};
            if (!req && !has && memcmp(src, zero, fd->kind == TP__K_BOOL ? sizeof(bool) : 8) == 0)
                continue;
            break;
        }
        case TP__K_STR: {
            const char *s;
            memcpy(&s, src, sizeof s);
            if (!s && fd->elem) {
                tp_jw_key(c->w, tp__fname(c, fd->name));
                tp_jw_str(c->w, tp__fname(c, fd->elem));
                continue;
            }
            if (!s) continue;
            break;
        }
        case TP__K_CHATID: {
            tp_chat_id v;
            memcpy(&v, src, sizeof v);
            if (!v.username && !v.id && !req) continue;
            break;
        }
        case TP__K_FILE: {
            tp_input_file f;
            memcpy(&f, src, sizeof f);
            if (f.kind != TP_FILE_NONE) tp__write_file(c, fd, &f, top);
            continue;
        }
        case TP__K_OBJ: {
            const void *p;
            memcpy(&p, src, sizeof p);
            if (!p) continue;
            tp_jw_key(c->w, tp__fname(c, fd->name));
            tp__wpush(c, tp__fname(c, fd->name), 0);
            tp__write_any(c, fd->elem, p, false);
            c->depth--;
            continue;
        }
        default: { /* TP__K_ARR */
            const char *items;
            size_t n;
            memcpy(&items, src, sizeof items);
            memcpy(&n, o + fd->aux, sizeof n);
            if (!n && !req) continue;
            tp_jw_key(c->w, tp__fname(c, fd->name));
            tp__wpush(c, tp__fname(c, fd->name), 0);
            tp__write_arr(c, TP__F_SUB(fd->flags), fd->elem, TP__F_DEPTH(fd->flags), items, n);
            c->depth--;
            continue;
        }
        }
        tp_jw_key(c->w, tp__fname(c, fd->name));
        tp__write_one(c, fd->kind, fd->elem, src);
    }
    tp_jw_obj_end(c->w);
}

TP__DEF void tp_jw_typed(tp_jw *w, int type, const void *obj) {
    tp__wctx c;
    TELEPOT_ASSERT(type >= 0 && type < TP_TYPE_COUNT);
    memset(&c, 0, sizeof c);
    c.w = w;
    c.cap = (size_t)-1;
    if (obj) tp__write_any(&c, (unsigned)type, obj, false);
    else tp_jw_null(w);
    if (c.bad[0] && !w->out->err) w->out->err = TP_ERR_INVALID;
}

/* A Message the old views accepted: an object with an integer message_id and a chat with an
   integer id (tp_poll_run reports the others as bad updates). */
static bool tp__message_ok(const tp_json *m) {
    const tp_json *chat = tp_json_get(m, "chat");
    return tp_json_typeof(tp_json_get(m, "message_id")) == TP_JSON_INT &&
           tp_json_typeof(tp_json_get(chat, "id")) == TP_JSON_INT;
}

TP__DEF const tp_message *tp_message_view(tp_json_doc *doc, const tp_json *message,
                                          tp_error *err) {
    if (!tp__message_ok(message)) {
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "a message without an integer message_id and chat id");
        return NULL;
    }
    return (const tp_message *)tp_parse_as(doc, TP_TYPE_MESSAGE, message, err);
}

TP__DEF const tp_update *tp_update_view(tp_json_doc *doc, const tp_json *j, tp_error *err) {
    static const char *const kinds[4] = {"message", "edited_message", "channel_post",
                                         "edited_channel_post"};
    const tp_update *u;
    const tp_json *v;
    int i, bad = -1;
    if (tp_json_typeof(tp_json_get(j, "update_id")) != TP_JSON_INT) {
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "an update without an integer update_id");
        return NULL;
    }
    u = (const tp_update *)tp_parse_as(doc, TP_TYPE_UPDATE, j, err);
    for (i = 0; u && i < 4; i++) { /* the four message kinds must be messages (ids are never 0) */
        const tp_message *m = i == 0 ? u->message : i == 1 ? u->edited_message
                            : i == 2 ? u->channel_post : u->edited_channel_post;
        if (m && (m->message_id == 0 || m->chat->id == 0)) bad = i;
    }
    for (v = tp_json_first(j); u && v; v = tp_json_next(v)) { /* a kind that is not an object */
        size_t kl = v->tag >> TP__J_KEYSHIFT; /* the four names are 7, 14, 12, 19 bytes long */
        if (tp_json_typeof(v) != TP_JSON_OBJECT && (kl == 7 || kl == 12 || kl == 14 || kl == 19))
            for (i = 0; i < 4; i++)
                if (strcmp(tp_json_key(v), kinds[i]) == 0) bad = i;
    }
    if (bad >= 0) {
        tp__fail(err, TP_ERR_BAD_RESPONSE, 0, "%s without an integer message_id and chat id",
                 kinds[bad]);
        return NULL;
    }
    return u;
}

/* >>api (impl) --------------------------------------------------------------------------------
   A bot owns a pool of HTTP connections (one more for long polls) and runs every call on one
   it takes from the pool; the generated wrappers end in tp_call_desc, at the end of this
   section. The token lives only in the request path; every text that leaves the library is
   scrubbed of it as a second line of defence. */

/* One connection with its path buffer. A bot keeps a pool of them for calls - opened on
   demand up to max_connections, the most recently used taken first (the likeliest to be
   alive), closed after TP__POOL_IDLE_MS unused - and one more for long polls, so calls from
   many threads go out in parallel and a poll held for 30 s never delays a sendMessage. Every
   connection after the first is a clone of it (tp__http_clone): no URL, proxy or CA work
   again, and HTTPS connections resume the bot's latest TLS session. */
typedef struct tp__line {
    tp_http *http;
    tp_buf path;                /* request path, rebuilt for each request */
    struct tp__line *next;      /* the idle list */
    int64_t idle_since;
} tp__line;

#define TP__POOL_IDLE_MS 60000
#define TP__POLL_PACE_MS 100 /* with updates in flight and room in the window: poll this often */

#define TP__STOP_SET(b) TP__STORE((b)->stop, 1)
#define TP__STOPPED(b) (TP__LOAD((b)->stop) != 0)

struct tp_bot {
    char *token;
    char *api_url;
    char *prefix;               /* the API URL's path ("" or "/some/root"), before /bot<token> */
    tp__line *first;            /* the first connection: every other one is its clone */
    pthread_mutex_t pool_lock;  /* idle, nlines */
    pthread_cond_t pool_back;   /* a connection came back to the pool */
    tp__line *idle;             /* idle connections, the most recently used first */
    int nlines, max_lines;      /* connections open or being opened, and the cap */
    tp__line polls;             /* long polls, one at a time */
    pthread_mutex_t polls_lock;
    int wake[2];                /* self-pipe: tp_bot_stop writes, long polls wake */
    volatile sig_atomic_t stop; /* through TP__STOP_SET / TP__STOPPED only */
    int timeout_ms;
    int download_timeout_ms;
    int connect_timeout_ms;
    size_t max_body_bytes;
    char *ca_file;              /* TLS trust anchors and proxy options, for every line */
    char *proxy;
    bool no_env_proxy;
    tp_log_fn log;
    void *log_user;
};

static void tp__line_free(tp__line *ln) {
    if (!ln) return;
    tp_http_free(ln->http);
    if (ln->path.ptr) memset(ln->path.ptr, 0, ln->path.len); /* it held the token */
    tp_buf_deinit(&ln->path);
    tp__free(ln);
}

/* A connection for one call, waiting until the deadline when max_connections are in use. */
static tp__line *tp__pool_take(tp_bot *bot, int64_t deadline, tp_error *err) {
    tp__line *ln = NULL;
    pthread_mutex_lock(&bot->pool_lock);
    for (;;) {
        int64_t left;
        if (bot->idle) {
            ln = bot->idle;
            bot->idle = ln->next;
            break;
        }
        if (bot->nlines < bot->max_lines) {
            bot->nlines++; /* made below, outside the lock */
            break;
        }
        left = deadline - tp_now_ms();
        if (left <= 0) {
            pthread_mutex_unlock(&bot->pool_lock);
            tp__fail(err, TP_ERR_TIMEOUT, 0, "all %d connections of the bot stayed busy until "
                     "the deadline; not sent", bot->max_lines);
            return NULL;
        }
        tp__cond_wait_ms(&bot->pool_back, &bot->pool_lock, left);
    }
    pthread_mutex_unlock(&bot->pool_lock);
    if (ln) return ln;
    ln = (tp__line *)tp__alloc(sizeof *ln);
    if (ln) {
        memset(ln, 0, sizeof *ln);
        ln->http = tp__http_clone(bot->first->http, err);
    } else {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    if (!ln || !ln->http) {
        tp__free(ln);
        pthread_mutex_lock(&bot->pool_lock);
        bot->nlines--;
        pthread_cond_signal(&bot->pool_back); /* a waiter may open one instead */
        pthread_mutex_unlock(&bot->pool_lock);
        return NULL;
    }
    return ln;
}

/* Gives a connection back; those unused for TP__POOL_IDLE_MS are closed (not the first). */
static void tp__pool_give(tp_bot *bot, tp__line *ln) {
    tp__line *gone = NULL, **pp;
    int64_t now = tp_now_ms();
    pthread_mutex_lock(&bot->pool_lock);
    ln->idle_since = now;
    ln->next = bot->idle;
    bot->idle = ln;
    for (pp = &ln->next; *pp;) {
        tp__line *x = *pp;
        if (x != bot->first && now - x->idle_since > TP__POOL_IDLE_MS) {
            *pp = x->next;
            x->next = gone;
            gone = x;
            bot->nlines--;
        } else {
            pp = &x->next;
        }
    }
    pthread_cond_signal(&bot->pool_back);
    pthread_mutex_unlock(&bot->pool_lock);
    while (gone) {
        tp__line *x = gone;
        gone = x->next;
        tp__line_free(x);
    }
}

/* Puts prefix/<kind><token>/ into the line's path buffer (the method comes after). */
static tp_err tp__line_path(tp_bot *bot, tp__line *ln, const char *kind, tp_error *err) {
    tp_buf_reset(&ln->path);
    tp_buf_puts(&ln->path, bot->prefix);
    tp_buf_puts(&ln->path, kind);
    tp_buf_puts(&ln->path, bot->token);
    tp_buf_puts(&ln->path, "/");
    return ln->path.err ? tp__fail(err, TP_ERR_NOMEM, 0, NULL) : TP_OK;
}

/* The long-poll connection, locked; made on first use. */
static tp__line *tp__polls_take(tp_bot *bot, tp_error *err) {
    pthread_mutex_lock(&bot->polls_lock);
    if (!bot->polls.http) bot->polls.http = tp__http_clone(bot->first->http, err);
    if (!bot->polls.http) {
        pthread_mutex_unlock(&bot->polls_lock);
        return NULL;
    }
    return &bot->polls;
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
    bot->first = (tp__line *)tp__alloc(sizeof *bot->first);
    if (!bot->first) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto fail;
    }
    memset(bot->first, 0, sizeof *bot->first);
    bot->first->http = tp_http_new(&ho, err); /* checks the URL now; the others are clones */
    if (!bot->first->http) goto fail;
#ifdef TELEPOT_BEARSSL
    if (bot->first->http->conn.tls && !tp__tls_store_init(bot->first->http->conn.tls)) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto fail;
    }
#endif
    if (pthread_mutex_init(&bot->pool_lock, NULL) != 0) {
        tp__fail(err, TP_ERR_NOMEM, 0, "pthread_mutex_init failed");
        goto fail;
    }
    if (pthread_mutex_init(&bot->polls_lock, NULL) != 0) {
        tp__fail(err, TP_ERR_NOMEM, 0, "pthread_mutex_init failed");
        pthread_mutex_destroy(&bot->pool_lock);
        goto fail;
    }
    if (tp__cond_init(&bot->pool_back) != 0) {
        tp__fail(err, TP_ERR_NOMEM, 0, "pthread_cond_init failed");
        pthread_mutex_destroy(&bot->pool_lock);
        pthread_mutex_destroy(&bot->polls_lock);
        goto fail;
    }
    bot->idle = bot->first;
    bot->nlines = 1;
    bot->max_lines = opts->max_connections > 0 ? opts->max_connections : 16;
    bot->timeout_ms = opts->timeout_ms > 0 ? opts->timeout_ms : 30000;
    bot->download_timeout_ms = opts->download_timeout_ms > 0 ? opts->download_timeout_ms : 600000;
    bot->connect_timeout_ms = opts->connect_timeout_ms;
    bot->max_body_bytes = opts->max_body_bytes;
    bot->log = opts->log;
    bot->log_user = opts->log_user;
    tp__ok(err);
    return bot;
fail:
    if (bot->wake[0] >= 0) close(bot->wake[0]);
    if (bot->wake[1] >= 0) close(bot->wake[1]);
    if (bot->token) memset(bot->token, 0, strlen(bot->token));
    tp__line_free(bot->first);
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
static volatile int tp__sig_running; /* handlers between reading a slot and stopping its bot */

/* Called with the bot leaving the slots: the last one gives the signals back. Signals are
   blocked meanwhile in this thread; a handler running in another thread may have read the
   slot already, so this waits until no handler is between reading a slot and stopping its
   bot before the bot is freed. */
static void tp__sig_release(tp_bot *bot) {
    sigset_t all, old;
    int i, found = 0;
    sigemptyset(&all);
    sigaddset(&all, SIGINT);
    sigaddset(&all, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    for (i = 0; i < TP__SIG_SLOTS; i++)
        if (tp__sig_bots[i] == bot) {
            TP__STORE(tp__sig_bots[i], NULL); /* before the wait */
            found = 1;
        }
    if (found && --tp__sig_users == 0) {
        sigaction(SIGINT, &tp__sig_old[0], NULL);
        sigaction(SIGTERM, &tp__sig_old[1], NULL);
    }
    while (found && TP__LOAD(tp__sig_running) != 0) sched_yield();
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

TP__DEF void tp_bot_free(tp_bot *bot) {
    if (!bot) return;
    tp__sig_release(bot);
    tp_http_free(bot->polls.http); /* the clones first: the first connection owns the TLS */
    while (bot->idle) {             /* session store they share (all are back by now) */
        tp__line *ln = bot->idle;
        bot->idle = ln->next;
        if (ln != bot->first) tp__line_free(ln);
    }
    tp__line_free(bot->first);
    pthread_mutex_destroy(&bot->pool_lock);
    pthread_mutex_destroy(&bot->polls_lock);
    pthread_cond_destroy(&bot->pool_back);
    close(bot->wake[0]);
    close(bot->wake[1]);
    if (bot->polls.path.ptr) memset(bot->polls.path.ptr, 0, bot->polls.path.len);
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
    TP__STOP_SET(bot);
    rc = write(bot->wake[1], "s", 1); /* a full pipe is already a wake-up */
    (void)rc;
    errno = saved;
}

TP__DEF bool tp_bot_stopped(const tp_bot *bot) { return TP__STOPPED(bot); }

static void tp__on_signal(int sig) {
    int i;
    (void)sig;
    TP__ADD(tp__sig_running, 1); /* tp_bot_free waits for this to drop back before freeing */
    for (i = 0; i < TP__SIG_SLOTS; i++) {
        tp_bot *b = TP__LOAD(tp__sig_bots[i]);
        if (b) tp_bot_stop(b);
    }
    TP__ADD(tp__sig_running, -1);
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
    TP__STORE(tp__sig_bots[slot], bot); /* the bot, made before */
    tp__sig_users++;
    return TP_OK;
}

/* Sleeps ms, or less when the bot is stopped. Returns false if stopped. */
static bool tp__bot_sleep(tp_bot *bot, int64_t ms) {
    int64_t deadline = tp_now_ms() + ms;
    while (!TP__STOPPED(bot)) {
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
    if (!out && resp->status == 200 && resp->body_len > 11 &&
        memcmp(resp->body, "{\"ok\":true,", 11) == 0)
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
    tp__line *ln;
    tp_http_req req;
    tp_http_resp resp;
    tp_err rc;
    tp_error own;
    int64_t start = tp_now_ms(), deadline;
    TELEPOT_ASSERT(bot && method);
    if (!err) err = &own; /* failure codes are read back from it */
    if (out) *out = NULL;
    memset(&req, 0, sizeof req);
    if (timeout_ms <= 0) timeout_ms = bot->timeout_ms;
    deadline = start + timeout_ms;
    ln = wake ? tp__polls_take(bot, err) : tp__pool_take(bot, deadline, err);
    if (!ln) {
        tp__prefix(err, method);
        tp__log(bot, 1, "%s", err->message);
        return err->code;
    }
    rc = tp__line_path(bot, ln, "/bot", err);
    tp_buf_puts(&ln->path, method);
    if (rc == TP_OK && ln->path.err) rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    if (rc != TP_OK) {
        if (wake) pthread_mutex_unlock(&bot->polls_lock);
        else tp__pool_give(bot, ln);
        return rc;
    }
    req.path = ln->path.ptr;
    req.body = params;
    req.body_len = params ? strlen(params) : 0;
    req.parts = parts;
    req.nparts = nparts;
    req.timeout_ms = (int)(deadline - tp_now_ms()); /* what waiting for a connection left */
    if (!wake && req.timeout_ms < timeout_ms / 2) { /* too little to count on: not sent */
        rc = tp__fail(err, TP_ERR_TIMEOUT, 0, "%s: waited %d ms for one of the bot's %d "
                      "connections; not sent", method, timeout_ms - req.timeout_ms, bot->max_lines);
        tp__pool_give(bot, ln);
        tp__log(bot, 1, "%s", err->message);
        return rc;
    }
    /* getters (getUpdates with its offset too) give the same answer when asked twice */
    req.idempotent = strncmp(method, "get", 3) == 0 && method[3] >= 'A' && method[3] <= 'Z';
    ln->http->conn.wake_fd = wake ? bot->wake[0] : -1;
    rc = tp_http_request(ln->http, &req, &resp, err);
    ln->http->conn.wake_fd = -1;
    if (rc == TP_OK) rc = tp__api_answer(bot, method, &resp, out, err);
    else tp__prefix(err, method);
    if (rc != TP_OK) tp__scrub(bot, err);
    if (wake) pthread_mutex_unlock(&bot->polls_lock);
    else tp__pool_give(bot, ln);
    if (rc != TP_OK) tp__log(bot, 1, "%s", err->message);
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

/* Writes {"offset":..,"limit":..,"timeout":..,"allowed_updates":[..]} with absent parts left out. */
static void tp__updates_params(tp_buf *b, int64_t offset, int limit, int timeout,
                               const char *const *allowed, size_t nallowed) {
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
    if (allowed) { /* a count of 0: the deprecated NULL-terminated form */
        size_t i;
        tp_jw_key(&w, "allowed_updates");
        tp_jw_arr(&w);
        for (i = 0; nallowed ? i < nallowed : allowed[i] != NULL; i++) tp_jw_str(&w, allowed[i]);
        tp_jw_arr_end(&w);
    }
    tp_jw_obj_end(&w);
}

/* The HTTP deadline of a long poll: Telegram holds it `timeout` seconds, plus slack. */
static int tp__poll_deadline_ms(int timeout) {
    if (timeout > 86400) timeout = 86400; /* a day: beyond any server's hold */
    if (timeout < 0) timeout = 0;
    return timeout * 1000 + 15000;
}

TP__DEF tp_err tp_download_file(tp_bot *bot, const char *file_id, int fd, tp_error *err) {
    static const char hex[] = "0123456789ABCDEF";
    tp_json_doc *doc = NULL;
    const char *path;
    tp__line *ln;
    tp_http_req req;
    tp_http_resp resp;
    tp_buf params;
    tp_jw w;
    tp_err rc;
    TELEPOT_ASSERT(file_id);
    tp_buf_init(&params);
    tp_jw_init(&w, &params);
    tp_jw_obj(&w);
    tp_jw_key(&w, "file_id");
    tp_jw_str(&w, file_id);
    tp_jw_obj_end(&w);
    rc = params.err ? tp__fail(err, TP_ERR_NOMEM, 0, NULL) : tp_call(bot, "getFile", params.ptr, &doc, err);
    tp_buf_deinit(&params);
    if (rc != TP_OK) return rc;
    path = tp_json_get_str(tp_result(doc), "file_path");
    if (!path || !*path) {
        tp_json_doc_free(doc);
        return tp__fail(err, TP_ERR_BAD_RESPONSE, 0,
                        "getFile: no file_path in the answer (file too big or gone?)");
    }
    memset(&req, 0, sizeof req);
    ln = tp__pool_take(bot, tp_now_ms() + bot->timeout_ms, err);
    rc = ln ? tp__line_path(bot, ln, "/file/bot", err) : err ? err->code : TP_ERR_TIMEOUT;
    if (rc != TP_OK) {
        if (ln) tp__pool_give(bot, ln);
        tp_json_doc_free(doc);
        return rc;
    }
    for (; *path; path++) { /* percent-encode all but unreserved characters and '/' */
        unsigned char c = (unsigned char)*path;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            tp_buf_append(&ln->path, path, 1);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            tp_buf_append(&ln->path, e, 3);
        }
    }
    tp_json_doc_free(doc);
    if (ln->path.err) {
        tp__pool_give(bot, ln);
        return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    }
    req.path = ln->path.ptr;
    req.to_fd = true;
    req.out_fd = fd;
    req.timeout_ms = bot->download_timeout_ms;
    rc = tp_http_request(ln->http, &req, &resp, err);
    if (rc == TP_OK && (resp.status < 200 || resp.status > 299)) {
        rc = tp__fail(err, TP_ERR_HTTP_STATUS, 0, "download: HTTP status %d", resp.status);
        if (err) err->http_status = resp.status;
    } else if (rc != TP_OK) {
        tp__prefix(err, "download");
    }
    tp__scrub(bot, err);
    tp__pool_give(bot, ln);
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
    if (tp_json_typeof(msg) != TP_JSON_OBJECT) return g; /* an array's elements have no keys */
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

/* Sends params (a JSON object text) as multipart/form-data with the uploads: string members
   as they are, others as JSON text, files from memory, a descriptor or a path. */
static tp_err tp__call_upload(tp_bot *bot, const char *method, const tp_buf *params,
                              const tp__wctx *c, int timeout_ms, tp_json_doc **out, tp_error *err) {
    tp_json_doc *pd = tp_json_parse(params->ptr, params->len, NULL);
    const tp_json *m;
    size_t n = tp_json_size(tp_json_root(pd)) + c->nup, i = 0, k;
    tp_http_part *parts = (tp_http_part *)tp__alloc((n ? n : 1) * sizeof *parts);
    size_t *offs = (size_t *)tp__alloc((n ? n : 1) * sizeof *offs);
    int *fds = (int *)tp__alloc((c->nup ? c->nup : 1) * sizeof *fds);
    tp_buf vals;
    tp_err rc = TP_OK;
    tp_buf_init(&vals);
    if (!pd || !parts || !offs || !fds) {
        rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto done;
    }
    memset(parts, 0, n * sizeof *parts);
    for (k = 0; k < c->nup; k++) fds[k] = -1;
    for (m = tp_json_first(tp_json_root(pd)); m; m = tp_json_next(m), i++) {
        parts[i].name = tp_json_key(m);
        parts[i].fd = -1;
        if (tp_json_typeof(m) == TP_JSON_STRING) {
            parts[i].data = tp_json_str(m);
            parts[i].len = tp_json_size(m);
            offs[i] = (size_t)-1;
        } else {
            offs[i] = vals.len;
            tp_json_write(&vals, m);
            parts[i].len = vals.len - offs[i];
        }
    }
    if (vals.err) {
        rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto done;
    }
    for (k = 0; k < i; k++)
        if (offs[k] != (size_t)-1) parts[k].data = vals.ptr + offs[k];
    for (k = 0; k < c->nup; k++, i++) {
        const tp__upload *u = &c->up[k];
        const char *fn = u->f.filename;
        tp_http_part *p = &parts[i];
        p->name = u->field ? u->field : u->name;
        p->fd = -1;
        if (u->f.kind == TP_FILE_PATH) {
            const char *slash = u->f.path ? strrchr(u->f.path, '/') : NULL;
            if (!fn) fn = slash ? slash + 1 : u->f.path;
            fds[k] = u->f.path ? open(u->f.path, O_RDONLY | O_CLOEXEC) : -1;
            if (fds[k] < 0) {
                rc = tp__fail(err, TP_ERR_FILE, errno, "%s: cannot open %s: %s", method,
                              u->f.path ? u->f.path : "(null)", strerror(errno));
                goto done;
            }
            p->fd = fds[k];
        } else if (u->f.kind == TP_FILE_FD) {
            if (u->f.fd < 0) {
                rc = tp__fail(err, TP_ERR_FILE, EBADF, "%s: upload '%s': file descriptor %d",
                              method, p->name, u->f.fd);
                goto done;
            }
            p->fd = u->f.fd; /* 0 (standard input) included */
            p->use_fd = true;
        } else {
            if (!u->f.data && u->f.len) {
                rc = tp__fail(err, TP_ERR_INVALID, 0, "%s: upload '%s': %zu bytes at NULL",
                              method, p->name, u->f.len);
                goto done;
            }
            p->data = u->f.data ? u->f.data : "";
            p->len = u->f.len;
        }
        p->filename = fn && *fn ? fn : "file";
    }
    rc = tp__call(bot, method, NULL, parts, n, timeout_ms, false, out, err);
done:
    if (fds)
        for (k = 0; k < c->nup; k++)
            if (fds[k] >= 0) close(fds[k]);
    tp_buf_deinit(&vals);
    tp__free(parts);
    tp__free(offs);
    tp__free(fds);
    tp_json_doc_free(pd);
    return rc;
}

/* The result structs: {doc, json, value[, count]}. */
typedef struct tp__res_b { tp_json_doc *doc; const tp_json *json; bool value; } tp__res_b;
typedef struct tp__res_i { tp_json_doc *doc; const tp_json *json; int64_t value; } tp__res_i;
typedef struct tp__res_p { tp_json_doc *doc; const tp_json *json; const void *value; } tp__res_p;
typedef struct tp__res_a {
    tp_json_doc *doc;
    const tp_json *json;
    const void *value;
    size_t count;
} tp__res_a;

/* What every generated wrapper calls (see its declaration). */
TP__DEF tp_err tp_call_desc(tp_bot *bot, const char *loc, const tp__fdesc *f, unsigned nf,
                            unsigned rkind, unsigned rtype, int long_poll_s, const void *args,
                            void *out, tp_error *err) {
    const char *name = loc;
    tp_buf b;
    tp_jw w;
    tp__wctx c;
    tp_json_doc *doc = NULL;
    const tp_json *r;
    tp_err rc;
    int timeout_ms = long_poll_s >= 0 ? tp__poll_deadline_ms(long_poll_s) : 0;
    TELEPOT_ASSERT(bot);
    if (!loc) return tp__fail(err, TP_ERR_INVALID, 0, "tp_call_typed: no such method id");
    if (out) /* a failed call leaves a zero result: doc NULL, value NULL/0 */
        memset(out, 0, rkind == TP__R_BOOL  ? sizeof(tp__res_b)
                       : rkind == TP__R_INT ? sizeof(tp__res_i)
                       : rkind == TP__R_ARR ? sizeof(tp__res_a)
                                            : sizeof(tp__res_p));
    tp_buf_init(&b);
    tp_jw_init(&w, &b);
    memset(&c, 0, sizeof c);
    c.w = &w;
    c.loc = loc;
    if (args) {
        tp__write_fields(&c, f, nf, args, true);
    } else {
        tp_jw_obj(&w);
        tp_jw_obj_end(&w);
    }
    if (c.bad[0]) rc = tp__fail(err, TP_ERR_INVALID, 0, "%s: %s", name, c.bad); /* nothing sent */
    else if (b.err || c.nomem) rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
    else if (c.nup) rc = tp__call_upload(bot, name, &b, &c, timeout_ms, out ? &doc : NULL, err);
    else rc = tp__call(bot, name, b.ptr, NULL, 0, timeout_ms, long_poll_s > 0, out ? &doc : NULL, err);
    tp_buf_deinit(&b);
    tp__free(c.up);
    if (rc != TP_OK || !out) return rc;
    r = tp_result(doc);
    switch (rkind) {
    case TP__R_BOOL: {
        tp__res_b x;
        x.doc = doc;
        x.json = r;
        x.value = tp_json_bool(r);
        memcpy(out, &x, sizeof x);
        return rc;
    }
    case TP__R_INT: {
        tp__res_i x;
        x.doc = doc;
        x.json = r;
        x.value = tp_json_int(r);
        memcpy(out, &x, sizeof x);
        return rc;
    }
    case TP__R_ARR: {
        tp__res_a x;
        tp__list l;
        if (!tp__parse_arr(doc, TP__K_OBJ, rtype, 1, r, &l)) break;
        x.doc = doc;
        x.json = r;
        x.value = l.items;
        x.count = l.count;
        memcpy(out, &x, sizeof x);
        return rc;
    }
    default: {
        tp__res_p x;
        x.doc = doc;
        x.json = r;
        x.value = NULL;
        if (rkind == TP__R_STR) x.value = tp_json_str(r);
        else if (tp_json_typeof(r) == TP_JSON_OBJECT && !tp__parse_new(doc, rtype, r, &x.value))
            break;
        memcpy(out, &x, sizeof x);
        return rc;
    }
    }
    tp_json_doc_free(doc);
    return tp__fail(err, TP_ERR_NOMEM, 0, NULL);
}

/* >>updates (impl) ----------------------------------------------------------------------------
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

/* The dispatcher: per-key order, different keys in parallel. Each key (a chat) with work has a
   small FIFO; keys whose FIFO is not empty and that no worker is running wait in one ready
   list, and any idle worker takes the first, runs one item, and puts the key back at the end
   when it has more. So one chat's updates run one at a time and in order, and a slow chat
   holds one worker, never a fixed share of chats. One mutex; `pending` counts queued +
   running items, `bytes` their cost (what the webhook receiver budgets). tp_disp_push waits
   while the key's FIFO holds queue_size items; the receiver never waits (it holds its own
   lock): it asks tp__disp_room first and refuses the update when there is none, then puts
   without waiting (a FIFO grows past queue_size only for updates the orderer releases). */
typedef struct tp__ditem {
    const tp_update *u;
    tp_json_doc *doc; /* owned, or NULL */
    size_t cost;      /* bytes counted in d->bytes while queued or running */
    void *tag;        /* passed to d->after once the handler returned */
} tp__ditem;

typedef struct tp__dkey {
    int64_t key;
    tp__ditem *ring;
    size_t head, len, cap;
    bool running, ready;
    struct tp__dkey *hnext;     /* hash chain */
    struct tp__dkey *rnext;     /* ready list */
} tp__dkey;

struct tp_disp {
    tp_bot *bot;
    tp_update_fn handler;
    void *user;
    void (*after)(void *ctx, const tp_update *u, void *tag); /* internal: the poller's books */
    void *after_ctx;
    pthread_mutex_t lock;
    pthread_cond_t work;   /* a key became ready, or the end */
    pthread_cond_t space;  /* a FIFO has room again */
    pthread_cond_t idle;   /* pending reached 0 */
    size_t pending, cap, bytes, nkeys, nbuckets, nspare;
    tp__dkey **buckets;    /* keys with items queued or running */
    tp__dkey *ready, *ready_tail;
    tp__dkey *spare;       /* emptied keys kept for reuse (their rings too) */
    int nworkers, started, alive;
    bool quit;
    pthread_t *th;
};

/* A hash of an id for power-of-two tables (the dispatcher's keys, the receiver's dedup set):
   chat ids of one kind share low bits less than one might hope, so the high bits are folded
   in before a Fibonacci multiply, whose top half is taken. */
static size_t tp__mix64(int64_t id) {
    uint64_t k = (uint64_t)id;
    k ^= k >> 29;
    k *= UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(k >> 32);
}

static size_t tp__dkey_slot(const tp_disp *d, int64_t key) {
    return tp__mix64(key) & (d->nbuckets - 1);
}

/* Under the lock: the key's record, made when create (NULL when it cannot be). */
static tp__dkey *tp__dkey_find(tp_disp *d, int64_t key, bool create) {
    size_t s = tp__dkey_slot(d, key);
    tp__dkey *k;
    for (k = d->buckets[s]; k; k = k->hnext)
        if (k->key == key) return k;
    if (!create) return NULL;
    if (d->nkeys >= d->nbuckets) { /* keep chains short: double the table */
        size_t nb = d->nbuckets * 2, i;
        tp__dkey **b = (tp__dkey **)tp__alloc(nb * sizeof *b);
        if (b) {
            tp__dkey **old = d->buckets;
            size_t on = d->nbuckets;
            memset(b, 0, nb * sizeof *b);
            d->buckets = b;
            d->nbuckets = nb;
            for (i = 0; i < on; i++)
                while (old[i]) {
                    tp__dkey *x = old[i];
                    size_t t = tp__dkey_slot(d, x->key);
                    old[i] = x->hnext;
                    x->hnext = b[t];
                    b[t] = x;
                }
            tp__free(old);
            s = tp__dkey_slot(d, key);
        }
    }
    if (d->spare) {
        k = d->spare;
        d->spare = k->hnext;
        d->nspare--;
    } else {
        k = (tp__dkey *)tp__alloc(sizeof *k);
        if (!k) return NULL;
        memset(k, 0, sizeof *k);
    }
    k->key = key;
    k->head = k->len = 0;
    k->running = k->ready = false;
    k->rnext = NULL;
    k->hnext = d->buckets[s];
    d->buckets[s] = k;
    d->nkeys++;
    return k;
}

/* Under the lock: a key with nothing queued or running leaves the table (kept as a spare). */
static void tp__dkey_drop(tp_disp *d, tp__dkey *k) {
    tp__dkey **pp = &d->buckets[tp__dkey_slot(d, k->key)];
    while (*pp != k) pp = &(*pp)->hnext;
    *pp = k->hnext;
    d->nkeys--;
    if (k->cap > 16) { /* a big ring from a burst goes back to the allocator */
        tp__free(k->ring);
        k->ring = NULL;
        k->cap = 0;
    }
    if (d->nspare >= 256) { /* enough spares for a burst; the rest go back */
        tp__free(k->ring);
        tp__free(k);
        return;
    }
    k->hnext = d->spare;
    d->spare = k;
    d->nspare++;
}

static void tp__dkey_ready(tp_disp *d, tp__dkey *k) {
    k->ready = true;
    k->rnext = NULL;
    if (d->ready_tail) d->ready_tail->rnext = k;
    else d->ready = k;
    d->ready_tail = k;
    pthread_cond_signal(&d->work);
}

static void *tp__disp_main(void *arg) {
    tp_disp *d = (tp_disp *)arg;
    pthread_mutex_lock(&d->lock);
    for (;;) {
        tp__ditem it;
        tp__dkey *k;
        while (!d->ready && !d->quit) pthread_cond_wait(&d->work, &d->lock);
        if (!d->ready) { /* quit, and nothing left; a put after this finds alive 0 at last */
            d->alive--;
            break;
        }
        k = d->ready;
        d->ready = k->rnext;
        if (!d->ready) d->ready_tail = NULL;
        k->ready = false;
        k->running = true;
        it = k->ring[k->head];
        k->head = (k->head + 1) % k->cap;
        k->len--;
        pthread_cond_broadcast(&d->space);
        pthread_mutex_unlock(&d->lock);
        d->handler(d->bot, it.u, d->user);
        if (d->after) d->after(d->after_ctx, it.u, it.tag);
        tp_json_doc_free(it.doc);
        pthread_mutex_lock(&d->lock);
        k->running = false;
        d->bytes -= it.cost;
        if (k->len) tp__dkey_ready(d, k); /* its next item, behind the keys already waiting */
        else tp__dkey_drop(d, k);
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
    d->nworkers = n;
    d->nbuckets = 64;
    d->buckets = (tp__dkey **)tp__alloc(d->nbuckets * sizeof *d->buckets);
    d->th = (pthread_t *)tp__alloc(sizeof *d->th * (size_t)n);
    if (!d->buckets || !d->th) {
        tp__free(d->buckets);
        tp__free(d->th);
        tp__free(d);
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        return NULL;
    }
    memset(d->buckets, 0, d->nbuckets * sizeof *d->buckets);
    pthread_mutex_init(&d->lock, NULL);
    pthread_cond_init(&d->work, NULL);
    pthread_cond_init(&d->space, NULL);
    pthread_cond_init(&d->idle, NULL);
    for (i = 0; i < n; i++) {
        if (pthread_create(&d->th[i], NULL, tp__disp_main, d) != 0) {
            tp__fail(err, TP_ERR_IO, 0, "cannot start the dispatcher's threads");
            tp_disp_free(d);
            return NULL;
        }
        d->started = i + 1;
        pthread_mutex_lock(&d->lock);
        d->alive++;
        pthread_mutex_unlock(&d->lock);
    }
    tp__ok(err);
    return d;
}

/* Would an update with u's key and this cost be taken now without waiting? Its key's FIFO
   is below queue_size and the bytes held stay within budget (0: no budget). */
static bool tp__disp_room(tp_disp *d, const tp_update *u, size_t cost, size_t held,
                          size_t budget) {
    tp__dkey *k;
    bool room;
    pthread_mutex_lock(&d->lock);
    k = tp__dkey_find(d, tp_update_key(u->json), false);
    held += d->bytes; /* an update bigger than the budget is still taken when nothing is held */
    room = (!k || k->len < d->cap) &&
           (!budget || !held || (held <= budget && cost <= budget - held));
    pthread_mutex_unlock(&d->lock);
    return room;
}

/* Queues u behind its key's earlier updates. wait: while that FIFO holds queue_size items
   (back-pressure); else at once, the FIFO growing if it must. TP_ERR_NOMEM when it cannot. */
static tp_err tp__disp_put(tp_disp *d, const tp_update *u, tp_json_doc *doc, size_t cost,
                           void *tag, bool wait) {
    int64_t key = tp_update_key(u->json);
    tp__dkey *k;
    tp__ditem *it;
    pthread_mutex_lock(&d->lock);
    for (;;) {
        if (d->quit && !d->alive) { /* every worker has left: nobody would run it */
            pthread_mutex_unlock(&d->lock);
            return TP_ERR_STOPPED;
        }
        k = tp__dkey_find(d, key, true);
        if (!k) {
            pthread_mutex_unlock(&d->lock);
            return TP_ERR_NOMEM;
        }
        if (!wait || k->len < d->cap) break;
        pthread_cond_wait(&d->space, &d->lock); /* k may be dropped meanwhile: look again */
    }
    if (k->len == k->cap) { /* unroll into a ring twice the size */
        size_t nc = k->cap ? k->cap * 2 : 4, i;
        tp__ditem *nr = (tp__ditem *)tp__alloc(sizeof *nr * nc);
        if (!nr) {
            if (!k->len && !k->running) tp__dkey_drop(d, k);
            pthread_mutex_unlock(&d->lock);
            return TP_ERR_NOMEM;
        }
        for (i = 0; i < k->len; i++) nr[i] = k->ring[(k->head + i) % k->cap];
        tp__free(k->ring);
        k->ring = nr;
        k->head = 0;
        k->cap = nc;
    }
    it = &k->ring[(k->head + k->len) % k->cap];
    it->u = u;
    it->doc = doc;
    it->cost = cost;
    it->tag = tag;
    k->len++;
    d->pending++;
    d->bytes += cost;
    if (!k->running && !k->ready) tp__dkey_ready(d, k);
    pthread_mutex_unlock(&d->lock);
    return TP_OK;
}

TP__DEF tp_err tp_disp_push(tp_disp *d, const tp_update *u, tp_json_doc *owned_doc) {
    return tp__disp_put(d, u, owned_doc, 0, NULL, true);
}

TP__DEF void tp_disp_drain(tp_disp *d) {
    pthread_mutex_lock(&d->lock);
    while (d->pending) pthread_cond_wait(&d->idle, &d->lock);
    pthread_mutex_unlock(&d->lock);
}

TP__DEF void tp_disp_free(tp_disp *d) {
    int i;
    size_t b;
    if (!d) return;
    pthread_mutex_lock(&d->lock);
    d->quit = true;
    pthread_cond_broadcast(&d->work);
    pthread_mutex_unlock(&d->lock);
    for (i = 0; i < d->started; i++) pthread_join(d->th[i], NULL);
    for (b = 0; b < d->nbuckets; b++) /* nothing is left: the workers ran every item */
        while (d->buckets[b]) {
            tp__dkey *k = d->buckets[b];
            d->buckets[b] = k->hnext;
            tp__free(k->ring);
            tp__free(k);
        }
    while (d->spare) {
        tp__dkey *k = d->spare;
        d->spare = k->hnext;
        tp__free(k->ring);
        tp__free(k);
    }
    pthread_cond_destroy(&d->work);
    pthread_cond_destroy(&d->space);
    pthread_cond_destroy(&d->idle);
    pthread_mutex_destroy(&d->lock);
    tp__free(d->buckets);
    tp__free(d->th);
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
/* With workers, the poller keeps fetching while handlers run. Its books (under lk): `fl`,
   the update_ids handed to the dispatcher whose handlers have not returned, ascending;
   `next`, one past the highest id handed out (or skipped); `dn`, ids above fl[0] whose
   handlers returned. The offset it confirms is the prefix: fl[0], or `next` when nothing is
   in flight, so a kill -9 repeats only updates at or above an unfinished one - and the
   offset file also lists dn, so those are not repeated either. Telegram sends the unconfirmed
   ones again with every answer: ids below `next` are skipped, never handed out twice. As
   Telegram answers at most `limit` updates from the offset, at most `limit` are in flight.
   A batch document lives until the last of its updates' handlers returned (refs). */
typedef struct tp__batch {
    tp_json_doc *doc;
    int refs;
} tp__batch;

typedef struct tp__poll {
    tp_bot *bot;
    tp_http *http;
    tp_buf path, params;
    tp_update_fn handler;
    void *user;
    const tp_poll_opts *o;
    tp_disp *disp;
    bool offset_warned;
    pthread_mutex_t lk;         /* workers: the books below */
    pthread_cond_t moved;       /* a handler returned */
    int64_t *fl, *dn, *skip;    /* in flight; done above fl[0]; done before a restart */
    size_t nfl, ndn, nskip, cap;
    int64_t next;
} tp__poll;

static void tp__bad_update(tp_bot *bot, tp_bad_update_fn fn, void *user, const char *raw,
                           size_t len, const tp_error *why, int64_t id) {
    if (fn) fn(bot, raw ? raw : "", len, why, user);
    else tp__log(bot, 1, "update %lld cannot be read (%s); skipped", (long long)id, why->message);
}

/* Writes the next offset to the file (tmp + rename: a crash leaves the old or the new one),
   then the ids above it already handled (with workers), on the same line. */
static void tp__offset_save(tp__poll *p, int64_t offset, const int64_t *done, size_t ndone) {
    char tmp[4096], num[24];
    int fd, n;
    size_t i;
    bool ok = false;
    if (!p->o->offset_file || strlen(p->o->offset_file) + 5 > sizeof tmp) return;
    snprintf(tmp, sizeof tmp, "%s.tmp", p->o->offset_file);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        n = snprintf(num, sizeof num, "%lld", (long long)offset);
        ok = write(fd, num, (size_t)n) == n;
        for (i = 0; ok && i < ndone; i++) {
            n = snprintf(num, sizeof num, " %lld", (long long)done[i]);
            ok = write(fd, num, (size_t)n) == n;
        }
        ok = ok && write(fd, "\n", 1) == 1;
        ok = close(fd) == 0 && ok;
        ok = ok && rename(tmp, p->o->offset_file) == 0;
    }
    if (!ok && !p->offset_warned) {
        p->offset_warned = true;
        tp__log(p->bot, 1, "cannot write the offset file: %s", strerror(errno));
    }
}

/* Reads the offset file: the offset, and the ids above it handled already (into p->skip). */
static int64_t tp__offset_load(tp__poll *p) {
    char buf[4096], *q, *e;
    ssize_t n;
    int64_t off;
    int fd = p->o->offset_file ? open(p->o->offset_file, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0) return 0;
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = '\0';
    off = strtoll(buf, &q, 10);
    if (off < 0) off = 0;
    while (p->nskip < p->cap) {
        int64_t id = strtoll(q, &e, 10);
        if (e == q) break;
        if (id >= off) p->skip[p->nskip++] = id;
        q = e;
    }
    return off;
}

/* Workers, under lk: the offset the poller may confirm. */
static int64_t tp__poll_prefix(const tp__poll *p) { return p->nfl ? p->fl[0] : p->next; }

/* Workers, under lk: id is done; the books and the offset file follow. */
static void tp__poll_done(tp__poll *p, int64_t id) {
    size_t i, k;
    for (i = 0; i < p->nfl && p->fl[i] != id; i++) {
    }
    if (i < p->nfl) {
        memmove(p->fl + i, p->fl + i + 1, (p->nfl - i - 1) * sizeof *p->fl);
        p->nfl--;
    }
    if (p->nfl && id > p->fl[0] && p->ndn < p->cap) { /* above the prefix: remembered */
        for (k = p->ndn; k > 0 && p->dn[k - 1] > id; k--) p->dn[k] = p->dn[k - 1];
        p->dn[k] = id;
        p->ndn++;
    }
    for (k = 0; k < p->ndn && p->dn[k] < tp__poll_prefix(p); k++) {
    }
    if (k) { /* below the prefix now: the offset says it */
        memmove(p->dn, p->dn + k, (p->ndn - k) * sizeof *p->dn);
        p->ndn -= k;
    }
    tp__offset_save(p, tp__poll_prefix(p), p->dn, p->ndn);
    pthread_cond_broadcast(&p->moved);
}

/* The dispatcher calls this after each handler (workers). */
static void tp__poll_after(void *ctx, const tp_update *u, void *tag) {
    tp__poll *p = (tp__poll *)ctx;
    tp__batch *b = (tp__batch *)tag;
    bool last;
    pthread_mutex_lock(&p->lk);
    tp__poll_done(p, u->update_id);
    last = --b->refs == 0;
    pthread_mutex_unlock(&p->lk);
    if (last) {
        tp_json_doc_free(b->doc);
        tp__free(b);
    }
}

/* Workers: was id handled before a restart (listed in the offset file)? */
static bool tp__poll_skipped(const tp__poll *p, int64_t id) {
    size_t i;
    for (i = 0; i < p->nskip; i++)
        if (p->skip[i] == id) return true;
    return false;
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
    tp__updates_params(&p->params, offset, limit, timeout, p->o->allowed_updates,
                       p->o->allowed_updates_count);
    if (p->params.err) return tp__fail(e, TP_ERR_NOMEM, 0, NULL);
    memset(&req, 0, sizeof req);
    req.method = "POST";
    req.path = p->path.ptr;
    req.body = p->params.ptr;
    req.body_len = p->params.len;
    { /* timeout is at most a day (tp_poll_run clamps it); the slack too */
        int64_t ms = (int64_t)timeout * 1000 + (p->o->slack_ms > 0 ? p->o->slack_ms : 15000);
        req.timeout_ms = ms > 2 * 86400000 ? 2 * 86400000 : (int)ms;
    }
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
    int timeout, limit;
    int64_t offset = 0, backoff = 0, fail_offset = -1, bmin, bmax, start_offset = 0;
    bool api_like = false;
    int fails = 0; /* unreadable 2xx answers in a row at fail_offset */
    bool dirty = false;
    uint32_t seed = (uint32_t)tp_now_ms() ^ (uint32_t)(uintptr_t)bot;
    tp_err rc = TP_OK;
    tp_error own;
    TELEPOT_ASSERT(bot && handler);
    if (!err) err = &own; /* failure codes are read back from it */
    if (!opts) {
        memset(&zero, 0, sizeof zero);
        opts = &zero;
    }
    if (!seed) seed = 1;
    memset(&p, 0, sizeof p);
    pthread_mutex_init(&p.lk, NULL);
    tp__cond_init(&p.moved);
    p.bot = bot;
    p.handler = handler;
    p.user = user;
    p.o = opts;
    timeout = opts->timeout_s > 0 ? opts->timeout_s : opts->timeout; /* the 0.2 name */
    timeout = timeout > 0 ? (timeout > 86400 ? 86400 : timeout) : 30;
    limit = opts->limit > 0 && opts->limit <= 100 ? opts->limit : 100;
    bmin = opts->backoff_min_ms > 0 ? opts->backoff_min_ms : 500;
    bmax = opts->backoff_max_ms > 0 ? opts->backoff_max_ms : 60000;
    if (bmax < bmin) bmax = bmin;
    p.http = tp__http_clone(bot->first->http, err); /* its own connection, stoppable */
    if (!p.http) return err->code;
    p.http->conn.wake_fd = bot->wake[0];
    tp_buf_printf(&p.path, "%s/bot%s/getUpdates", bot->prefix, bot->token);
    if (p.path.err) {
        rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto out;
    }
    p.cap = (size_t)limit + 1;
    p.skip = (int64_t *)tp__alloc(p.cap * sizeof *p.skip);
    if (!p.skip) {
        rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto out;
    }
    if (opts->workers > 0) {
        tp_disp_opts dopts;
        memset(&dopts, 0, sizeof dopts);
        dopts.workers = opts->workers;
        dopts.queue_size = limit;
        p.fl = (int64_t *)tp__alloc(p.cap * sizeof *p.fl);
        p.dn = (int64_t *)tp__alloc(p.cap * sizeof *p.dn);
        p.disp = p.fl && p.dn ? tp_disp_new(bot, handler, user, &dopts, err) : NULL;
        if (!p.disp) {
            rc = p.fl && p.dn ? err->code : tp__fail(err, TP_ERR_NOMEM, 0, NULL);
            goto out;
        }
        p.disp->after = tp__poll_after;
        p.disp->after_ctx = &p;
    }
    offset = tp__offset_load(&p);
    while (opts->drop_pending_updates && !TP__STOPPED(bot)) {
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
    p.next = offset;
    start_offset = offset;
    while (!TP__STOPPED(bot)) {
        tp_json_doc *doc = NULL;
        tp__batch *batch = NULL;
        tp_error e;
        const tp_json *list, *u;
        const char *raw;
        size_t rawn, inflight = 0;
        int64_t before, wait;
        bool empty;
        int lim, known = 0, handed = 0, total = 0;
        if (p.disp) { /* confirm what is done; nothing to wait for in a poll while busy */
            pthread_mutex_lock(&p.lk);
            offset = tp__poll_prefix(&p);
            inflight = p.nfl;
            pthread_mutex_unlock(&p.lk);
        }
        before = offset;
        lim = fails >= 3 && fail_offset == offset ? 1 : limit;
        rc = tp__poll_get(&p, offset, lim, inflight ? 0 : timeout, &doc, &raw, &rawn, &api_like, &e);
        if (rc == TP_ERR_STOPPED) {
            rc = TP_OK;
            break;
        }
        if (rc == TP_ERR_NOMEM || rc == TP_ERR_URL || rc == TP_ERR_TLS_DISABLED) {
            if (err) *err = e;
            break;
        }
        if (rc == TP_OK && p.disp) {
            batch = (tp__batch *)tp__alloc(sizeof *batch);
            if (!batch) {
                tp_json_doc_free(doc);
                rc = tp__fail(err, TP_ERR_NOMEM, 0, NULL);
                break;
            }
            batch->doc = doc;
            batch->refs = 1; /* the poller's, until the loop below is done with it */
        }
        if (rc == TP_OK) {
            list = tp_result(doc);
            for (u = tp_json_first(list); u; u = tp_json_next(u)) {
                int64_t id = tp_json_get_int(u, "update_id");
                const tp_update *view;
                total++;
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
                if (p.disp) { /* handed out before, or done before a restart: skip it */
                    bool seen;
                    pthread_mutex_lock(&p.lk);
                    seen = id < p.next || p.nfl >= p.cap - 1;
                    if (!seen && tp__poll_skipped(&p, id)) {
                        p.next = id + 1;
                        seen = true;
                        tp__poll_done(&p, id);
                    }
                    pthread_mutex_unlock(&p.lk);
                    if (seen) {
                        known++;
                        continue;
                    }
                }
                if (offset && id < offset) continue; /* already handled */
                if (!p.disp && tp__poll_skipped(&p, id)) { /* done before a restart */
                    offset = id + 1;
                    dirty = true;
                    continue;
                }
                view = tp_update_view(doc, u, &e);
                if (view && p.disp) {
                    pthread_mutex_lock(&p.lk);
                    p.fl[p.nfl++] = id;
                    p.next = id + 1;
                    batch->refs++;
                    pthread_mutex_unlock(&p.lk);
                    if (tp__disp_put(p.disp, view, NULL, 0, batch, true) != TP_OK) {
                        handler(bot, view, user); /* no memory to queue it: run it here */
                        tp__poll_after(&p, view, batch);
                    }
                    handed++;
                    continue;
                } else if (view) {
                    handler(bot, view, user);
                } else {
                    tp_buf one;
                    tp_buf_init(&one);
                    tp_json_write(&one, u);
                    tp__bad_update(bot, opts->on_bad_update, user, one.ptr, one.len, &e, id);
                    tp_buf_deinit(&one);
                }
                if (p.disp) { /* an unreadable update, reported: done */
                    pthread_mutex_lock(&p.lk);
                    p.next = id + 1;
                    tp__poll_done(&p, id);
                    pthread_mutex_unlock(&p.lk);
                    handed++;
                    continue;
                }
                offset = id + 1;
                dirty = true;
                tp__offset_save(&p, offset, NULL, 0);
                if (TP__STOPPED(bot)) break;
            }
            empty = tp_json_first(list) == NULL;
            if (batch) {
                bool last;
                pthread_mutex_lock(&p.lk);
                last = --batch->refs == 0;
                pthread_mutex_unlock(&p.lk);
                if (last) {
                    tp_json_doc_free(batch->doc);
                    tp__free(batch);
                }
            } else {
                tp_json_doc_free(doc);
            }
            backoff = 0;
            if (p.disp && (handed || known || empty)) {
                fails = 0;
                /* Updates in flight keep Telegram from holding a poll (it answers them at
                   once), so the poller paces itself. A full answer (`lim` updates) means
                   the window is saturated: nothing new can come until the prefix moves, so
                   wait for that. Otherwise new updates may arrive any moment: ask again
                   after TP__POLL_PACE_MS, or as soon as the prefix moves. */
                int64_t until = tp_now_ms() + TP__POLL_PACE_MS;
                bool full = total >= lim;
                pthread_mutex_lock(&p.lk);
                while (tp__poll_prefix(&p) == offset && p.nfl && !TP__STOPPED(bot)) {
                    int64_t left = until - tp_now_ms();
                    if (!full && left <= 0) break;
                    tp__cond_wait_ms(&p.moved, &p.lk, full || left > 100 ? 100 : left);
                }
                pthread_mutex_unlock(&p.lk);
                continue;
            }
            if (!p.disp && (offset != before || empty)) {
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
                        if (p.disp) {
                            pthread_mutex_lock(&p.lk);
                            if (id >= p.next) { /* not one handed out (still running) */
                                p.next = id + 1;
                                tp__poll_done(&p, id);
                            }
                            pthread_mutex_unlock(&p.lk);
                        } else {
                            tp__offset_save(&p, offset, NULL, 0);
                        }
                        continue;
                    }
                }
            }
            backoff = backoff ? (backoff * 2 > bmax ? bmax : backoff * 2) : bmin;
            wait = backoff / 2 + (int64_t)(tp__jitter(&seed) % (uint32_t)(backoff / 2 + 1));
        }
        tp__log(bot, 1, "%s; retrying in %lld.%lld s", e.message, (long long)(wait / 1000),
                (long long)(wait % 1000 / 100));
        rc = TP_OK;
        if (!tp__bot_sleep(bot, wait)) break;
    }
    if (p.disp) { /* every update handed out runs to its end; then all of them are done */
        tp_disp_drain(p.disp);
        pthread_mutex_lock(&p.lk);
        offset = tp__poll_prefix(&p);
        pthread_mutex_unlock(&p.lk);
        dirty = dirty || offset != start_offset;
        if (dirty) tp__offset_save(&p, offset, NULL, 0);
    }
    if (dirty && rc == TP_OK) { /* confirm what was handled; not interruptible, short deadline */
        tp_error e;
        tp_buf_reset(&p.params);
        tp__updates_params(&p.params, offset, 1, 0, NULL, 0);
        if (tp__call(bot, "getUpdates", p.params.ptr, NULL, 0, 10000, false, NULL, &e) != TP_OK)
            tp__log(bot, 1, "could not confirm offset %lld at stop: %s", (long long)offset, e.message);
    }
out:
    tp_disp_free(p.disp);
    tp_http_free(p.http);
    tp__free(p.fl);
    tp__free(p.dn);
    tp__free(p.skip);
    pthread_cond_destroy(&p.moved);
    pthread_mutex_destroy(&p.lk);
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

TP__DEF void tp_log_stderr(void *user, int level, const char *text) {
    const char *name = user ? (const char *)user : "telepot", *slash = strrchr(name, '/');
    if (level > 1) return;
    if (slash && slash[1]) name = slash + 1;
    fprintf(stderr, "%s: %s: %s\n", name, level == 0 ? "error" : "warning", text); /* one write */
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
    if (!bo.log) { /* a bot that cannot reach its server must say so */
        bo.log = tp_log_stderr;
        bo.log_user = argc > 0 ? argv[0] : NULL;
    }
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

/* >>hook (impl) -------------------------------------------------------------------------------
   The webhook receiver. An acceptor thread polls the listening socket and two self-pipes (tp_hook_free's and the
   bot's); each connection gets a detached thread that reads requests under two deadlines
   (idle between requests, whole request from its first byte). Bodies go through one path
   shared with tp_hook_push: parse, deduplicate, (reorder,) dispatch. A connection's bytes pass
   only through tp__hook_recv and tp__hook_send. HTTPS (cert_file/key_file): the key is loaded
   once; each connection's thread makes its own server engine, runs the handshake under the
   request deadline (a stop cuts it short) and then reads and writes through tp__net_read and
   tp__net_writev, which speak TLS when conn.tls is set. */

typedef struct tp__held {
    int64_t id, since;
    const tp_update *u;
    tp_json_doc *doc;
    size_t cost;
} tp__held;

typedef struct tp__hconn tp__hconn;
#define TP__HOOK_REPORTS 64
typedef struct tp__hook_rep {
    int64_t id;
    const char *what;
} tp__hook_rep;

struct tp_hook {
    tp_bot *bot;
    tp_update_fn handler;
    void *user;
    tp_hook_opts o;
    char *path, *secret;
    size_t path_len, secret_len;
    int lfd, port;
    int wake[2];                /* tp_hook_free's self-pipe */
#ifdef TELEPOT_BEARSSL
    bool tls;                   /* cert_file/key_file given: key holds them */
    tp__tls_key key;
#endif
    pthread_t acceptor;
    bool acceptor_running;
    volatile int quitting;      /* tp__hook_shutdown began: no connection starts a request */
    pthread_mutex_t lock;       /* everything below */
    pthread_cond_t conns_done;
    int nconns;
    tp__hconn *conns;           /* the open connections, newest first */
    tp_disp *disp;
    int64_t *seen;              /* ring of recent update_ids, the oldest replaced first */
    size_t seen_cap, seen_len, seen_pos;
    uint32_t *seen_set;         /* open addressing over the ring: index + 1, 0 = empty */
    size_t seen_mask;
    bool have_expect;           /* ordered: the next update_id to release is `expect` */
    int64_t expect, first_since;
    tp__held *held;             /* ordered: held back, sorted by id */
    size_t nheld, held_cap, held_bytes;
    int late_run;               /* ordered: updates in a row that came below expect */
    int64_t late_max;
    tp__hook_rep reports[TP__HOOK_REPORTS]; /* ordering reports, delivered outside the lock */
    size_t nreports, reports_lost;
};

struct tp__hconn {
    tp_hook *h;
    int fd;
    tp__conn conn;              /* fd again, and the TLS engine (HTTPS) */
    char *buf;
    size_t len, cap;
    tp__hconn *prev, *next;     /* h->conns, under h->lock */
    bool idle;                  /* waiting for a request (h->lock): may be evicted at the cap */
    bool reading;               /* reading a request (h->lock): evictable after a second */
    bool evicted;
    int64_t idle_since;         /* since when idle, or (reading) since the request's first byte */
};


/* Reads what is there, waiting until the deadline. idle: also wake on a stop (no request is
   in flight). *got = 0 at the end of the stream. */
static tp_err tp__hook_recv(tp__hconn *c, void *buf, size_t cap, size_t *got, int64_t deadline,
                            bool idle) {
#ifdef TELEPOT_BEARSSL
    if (c->conn.tls) {
        tp_error e;
        tp_err rc;
        if (idle && !tp__tls_pending(c->conn.tls)) {
            /* Wait for the first byte of a record here, where a stop is seen; the record
               itself must then come whole within the request timeout (slowloris). */
            struct pollfd pf[3];
            int n;
            pf[0].fd = c->fd;
            pf[1].fd = c->h->wake[0];
            pf[2].fd = c->h->bot->wake[0];
            pf[0].events = pf[1].events = pf[2].events = POLLIN;
            do {
                pf[0].revents = pf[1].revents = pf[2].revents = 0;
                n = poll(pf, 3, tp__ms_left(deadline));
            } while (n < 0 && errno == EINTR);
            if (n < 0) return TP_ERR_IO;
            if (pf[1].revents || pf[2].revents) return TP_ERR_STOPPED;
            if (n == 0) return TP_ERR_TIMEOUT;
        }
        if (idle) { /* bytes are there (or pending in the engine): a request is starting */
            int64_t soon = tp_now_ms() + c->h->o.request_timeout_ms;
            if (soon < deadline) deadline = soon;
        }
        c->conn.wake_fd = c->h->wake[0]; /* the receiver's shutdown cuts a request short */
        rc = tp__net_read(&c->conn, buf, cap, got, deadline, &e);
        c->conn.wake_fd = -1;
        return rc;
    }
#endif
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
        /* Between requests a stop of the bot or of the receiver ends the connection; within
           one, only the receiver's shutdown (which follows a bot's stop in tp_hook_run) does:
           a request not yet whole is dropped unanswered, and the client sends it again. */
        rc = poll(pf, idle ? 3 : 2, tp__ms_left(deadline));
        if (rc < 0 && errno == EINTR) continue;
        if (rc < 0) return TP_ERR_IO;
        if (pf[1].revents || (idle && pf[2].revents)) return TP_ERR_STOPPED;
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

/* Writes all of buf before the deadline. */
static tp_err tp__hook_send(tp__hconn *c, const void *buf, size_t n, int64_t deadline) {
    const char *p = (const char *)buf;
    if (TP__LOAD(c->h->quitting) && tp_now_ms() + 500 < deadline)
        deadline = tp_now_ms() + 500; /* shutting down: a client that does not read is left */
#ifdef TELEPOT_BEARSSL
    if (c->conn.tls) {
        struct iovec iov;
        tp_error e;
        tp_err rc;
        iov.iov_base = (void *)(uintptr_t)p;
        iov.iov_len = n;
        c->conn.wake_fd = c->h->wake[0]; /* a shutdown cuts the write short */
        rc = tp__net_writev(&c->conn, &iov, 1, deadline, &e);
        c->conn.wake_fd = -1;
        return rc;
    }
#endif
    while (n > 0) {
        ssize_t w = send(c->fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) {
            p += w;
            n -= (size_t)w;
        } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            /* once shutting down the pipe stays readable: only the deadline is waited for */
            tp_err rc = tp__wait_fd(c->fd, POLLOUT, TP__LOAD(c->h->quitting) ? -1 : c->h->wake[0],
                                    deadline, NULL);
            if (rc == TP_ERR_TIMEOUT || rc == TP_ERR_IO) return rc;
            if (rc == TP_ERR_STOPPED && tp_now_ms() + 500 < deadline)
                deadline = tp_now_ms() + 500; /* the shutdown began while waiting */
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
    n = snprintf(head, sizeof head, "HTTP/1.1 %d %s\r\nContent-Length: 0\r\n%s%s%s\r\n", status,
                 reason, status == 405 ? "Allow: POST\r\n" : "",
                 status == 503 ? "Retry-After: 1\r\n" : "",
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

static size_t tp__hook_home(const tp_hook *h, int64_t id) {
    return tp__mix64(id) & h->seen_mask;
}

/* Under the lock: was id among the last dedup_size update_ids? Remembers it if not. The ring
   keeps their order, the set finds them in O(1) (linear probing, deletion by backward shift). */
static bool tp__hook_seen(tp_hook *h, int64_t id) {
    size_t i = tp__hook_home(h, id), slot;
    for (; h->seen_set[i]; i = (i + 1) & h->seen_mask)
        if (h->seen[h->seen_set[i] - 1] == id) return true;
    slot = h->seen_pos;
    if (h->seen_len < h->seen_cap) {
        h->seen_len++;
    } else { /* forget the oldest: find it, then pull the probe run after it back */
        size_t j = tp__hook_home(h, h->seen[slot]), k;
        while (h->seen_set[j] != slot + 1) j = (j + 1) & h->seen_mask;
        for (k = (j + 1) & h->seen_mask; h->seen_set[k]; k = (k + 1) & h->seen_mask) {
            size_t home = tp__hook_home(h, h->seen[h->seen_set[k] - 1]);
            if (((k - home) & h->seen_mask) >= ((k - j) & h->seen_mask)) {
                h->seen_set[j] = h->seen_set[k]; /* its run passes over j: move it there */
                j = k;
            }
        }
        h->seen_set[j] = 0;
        i = tp__hook_home(h, id); /* the hole may have been on id's path */
        while (h->seen_set[i]) i = (i + 1) & h->seen_mask;
    }
    h->seen[slot] = id;
    h->seen_set[i] = (uint32_t)slot + 1;
    h->seen_pos = (slot + 1) % h->seen_cap;
    return false;
}

/* Under the lock: an ordering decision to report. The report itself (the user's on_reorder
   or log callback) is made by tp__hook_flush after the lock is released: a callback may
   block or call tp_hook_push. */
static void tp__hook_report(tp_hook *h, int64_t id, const char *what) {
    if (h->nreports < TP__HOOK_REPORTS) {
        h->reports[h->nreports].id = id;
        h->reports[h->nreports].what = what;
        h->nreports++;
    } else {
        h->reports_lost++;
    }
}

/* Delivers the reports queued so far (not under the lock). */
static void tp__hook_flush(tp_hook *h) {
    tp__hook_rep r[TP__HOOK_REPORTS];
    size_t n, i, lost;
    pthread_mutex_lock(&h->lock);
    n = h->nreports;
    lost = h->reports_lost;
    memcpy(r, h->reports, n * sizeof *r);
    h->nreports = h->reports_lost = 0;
    pthread_mutex_unlock(&h->lock);
    for (i = 0; i < n; i++) {
        if (h->o.on_reorder) h->o.on_reorder(h->bot, r[i].id, r[i].what, h->user);
        else tp__log(h->bot, 2, "webhook: update %lld: %s", (long long)r[i].id, r[i].what);
    }
    if (lost) tp__log(h->bot, 1, "webhook: %zu ordering reports dropped (too many at once)", lost);
}

/* Ordered mode, under the lock: releases held updates from `expect` on, and past gaps that
   waited maxhold (or all of them when `all`). Releasing never waits: the updates were
   accepted when they came (a ring that cannot grow keeps them held for the next round). */
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
        tp__held *x = &h->held[0];
        if (x->id != h->expect) {
            if (!all && now - oldest < h->o.maxhold_ms && h->nheld < 100000) break;
            tp__hook_report(h, h->expect, "gap");
            h->expect = x->id;
        }
        if (tp__disp_put(h->disp, x->u, x->doc, x->cost, NULL, false) != TP_OK) break;
        h->held_bytes -= x->cost;
        h->expect = x->id + 1; /* ids are below INT64_MAX (tp__hook_take) */
        memmove(h->held, h->held + 1, (h->nheld - 1) * sizeof *h->held);
        h->nheld--;
        oldest = INT64_MAX;
        for (i = 0; i < h->nheld; i++)
            if (h->held[i].since < oldest) oldest = h->held[i].since;
    }
}

/* Updates in a row below `expect` after which the orderer follows them: the ids went back
   (one wrong, far-ahead id had moved expect past the real sequence), so it starts again
   after the highest of them instead of calling every later update late. */
#define TP__HOOK_RESYNC 8

/* Ordered mode, under the lock: an update arrives. */
static tp_err tp__hook_order(tp_hook *h, int64_t id, const tp_update *u, tp_json_doc *doc,
                             size_t cost) {
    size_t at;
    if (h->have_expect && id < h->expect) {
        tp_err rc = tp__disp_put(h->disp, u, doc, cost, NULL, false);
        if (rc != TP_OK) return rc;
        if (h->late_run++ == 0 || id > h->late_max) h->late_max = id;
        if (h->late_run >= TP__HOOK_RESYNC) {
            tp__hook_report(h, h->late_max + 1, "resync");
            h->expect = h->late_max + 1;
            h->late_run = 0;
            tp__hook_release(h, false);
        } else {
            tp__hook_report(h, id, "late");
        }
        return TP_OK;
    }
    h->late_run = 0;
    if (h->have_expect && id == h->expect && !h->nheld) {
        tp_err rc = tp__disp_put(h->disp, u, doc, cost, NULL, false);
        if (rc == TP_OK) h->expect++;
        return rc;
    }
    if (h->nheld == h->held_cap) return TP_ERR_NOMEM; /* tp__hook_take reserved room */
    for (at = h->nheld; at > 0 && h->held[at - 1].id > id; at--) {}
    memmove(h->held + at + 1, h->held + at, (h->nheld - at) * sizeof *h->held);
    h->held[at].id = id;
    h->held[at].since = tp_now_ms();
    h->held[at].u = u;
    h->held[at].doc = doc;
    h->held[at].cost = cost;
    h->held_bytes += cost;
    h->nheld++;
    tp__hook_release(h, false);
    return TP_OK;
}

/* Ordered mode, under the lock: room for one more held update. */
static bool tp__hook_reserve(tp_hook *h) {
    size_t nc;
    tp__held *nh;
    if (h->nheld < h->held_cap) return true;
    nc = h->held_cap ? h->held_cap * 2 : 64;
    nh = (tp__held *)tp__realloc(h->held, nc * sizeof *nh);
    if (!nh) return false;
    h->held = nh;
    h->held_cap = nc;
    return true;
}

/* One update's JSON, from a POST or tp_hook_push. The receiver's lock covers the decision
   (room, duplicate, order) and hand-offs that never wait; no update is remembered as seen
   unless it was queued. TP_ERR_BUSY: no room for it now (its chat's queue is full, or the
   bytes held by queued updates would pass max_queued_bytes); nothing was kept. */
static tp_err tp__hook_take(tp_hook *h, const char *body, size_t len, tp_error *err) {
    tp_error e;
    tp_json_doc *doc = tp_json_parse(body, len, &e);
    const tp_json *root = tp_json_root(doc), *idv = tp_json_get(root, "update_id");
    const tp_update *u = NULL;
    int64_t id = tp_json_get_int(root, "update_id");
    bool dup = false, has_id = tp_json_typeof(idv) == TP_JSON_INT && id >= 0 && id < INT64_MAX;
    size_t cost = 0;
    tp_err rc = TP_OK;
    if (doc && !has_id)
        tp__fail(&e, TP_ERR_BAD_RESPONSE, 0, "an update without a usable update_id (an integer "
                 "from 0 to 2^63-2)");
    else if (doc)
        u = tp_update_view(doc, root, &e);
    if (u) cost = tp__doc_bytes(doc);
    if (u && TP__LOAD(h->quitting)) { /* stopping: its handler might never run */
        tp_json_doc_free(doc);
        return tp__fail(err, TP_ERR_STOPPED, 0, "webhook: the receiver is stopping; update %lld "
                        "not taken", (long long)id);
    }
    pthread_mutex_lock(&h->lock);
    /* Room first, so that an update refused is not remembered as seen; with room the puts
       below cannot fail (nothing else fills the receiver's queues meanwhile). */
    if (u && !tp__disp_room(h->disp, u, cost, h->held_bytes, h->o.max_queued_bytes)) {
        rc = TP_ERR_BUSY;
    } else if (u && h->o.ordered && !tp__hook_reserve(h)) {
        rc = TP_ERR_NOMEM;
    } else {
        dup = has_id && tp__hook_seen(h, id);
        if (u && !dup) {
            if (h->o.ordered) rc = tp__hook_order(h, id, u, doc, cost);
            else rc = tp__disp_put(h->disp, u, doc, cost, NULL, false);
            if (rc == TP_OK) doc = NULL;
        }
    }
    pthread_mutex_unlock(&h->lock);
    if (h->o.ordered) tp__hook_flush(h);
    if (rc == TP_ERR_BUSY) {
        tp__fail(err, TP_ERR_BUSY, 0, "webhook: no room for update %lld now (its chat's queue "
                 "is full or max_queued_bytes is reached); send it again later", (long long)id);
    } else if (!u && !dup) {
        tp__bad_update(h->bot, h->o.on_bad_update, h->user, body, len, &e, has_id ? id : -1);
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

/* The request is read whole: from now on the connection is not evictable until idle again.
   False when it was evicted meanwhile. */
static bool tp__hconn_read_done(tp__hconn *c) {
    bool ok;
    pthread_mutex_lock(&c->h->lock);
    c->reading = false;
    ok = !c->evicted;
    pthread_mutex_unlock(&c->h->lock);
    return ok;
}

/* Marks a connection idle (waiting for a request: the acceptor may evict it when every slot
   is taken) or busy. False when it was evicted: the caller closes it. */
static bool tp__hconn_idle(tp__hconn *c, bool idle) {
    bool ok;
    pthread_mutex_lock(&c->h->lock);
    c->idle = idle;
    c->reading = !idle; /* until tp__hconn_read_done: the request is being read */
    c->idle_since = tp_now_ms();
    ok = !c->evicted;
    pthread_mutex_unlock(&c->h->lock);
    return ok;
}

static void *tp__hook_conn_main(void *arg) {
    tp__hconn *c = (tp__hconn *)arg;
    tp_hook *h = c->h;
    int64_t born = tp_now_ms();
    bool served;
    c->conn.fd = c->fd;
    c->conn.wake_fd = -1;
#ifdef TELEPOT_BEARSSL
    if (h->tls) { /* the handshake, under the request deadline; tp_hook_free cuts it short */
        tp_error e;
        tp_err rc;
        c->conn.tls = tp__tls_server_new(&h->key, &e);
        if (!c->conn.tls) goto done;
        c->conn.wake_fd = h->wake[0];
        rc = tp__tls_accept(&c->conn, tp_now_ms() + h->o.request_timeout_ms, &e);
        c->conn.wake_fd = -1;
        if (rc != TP_OK) {
            if (rc != TP_ERR_STOPPED) tp__log(h->bot, 3, "webhook: TLS: %s", e.message);
            goto done;
        }
    }
#endif
    for (served = false;; served = true) {
        int64_t now = tp_now_ms(), idle_end = now + h->o.idle_timeout_ms;
        int64_t deadline = c->len ? now + h->o.request_timeout_ms : 0; /* pipelined */
        const char *eoh = NULL;
        size_t hl = 0, got;
        uint64_t cl;
        bool close_it = false, expect_continue = false;
        int status;
        tp_err rc;
        /* A new connection gets the request deadline for its first request, not the idle
           limit: sockets that connect and say nothing do not hold slots for long. */
        if (!served && born + h->o.request_timeout_ms < idle_end)
            idle_end = born + h->o.request_timeout_ms;
        if (TP__LOAD(h->quitting)) goto done; /* no new request after a shutdown began */
        if (c->len && !tp__hconn_idle(c, false)) goto done; /* a pipelined request: reading */
        while (!(eoh = c->len >= 4 ? tp__memmem(c->buf, c->len, "\r\n\r\n", 4) : NULL)) {
            bool idle = c->len == 0;
            if (c->len >= h->o.max_header_bytes) {
                tp__hook_reply(c, 431, true);
                goto done;
            }
            if (idle && !tp__hconn_idle(c, true)) goto done; /* evicted meanwhile */
            rc = tp__hook_recv(c, c->buf + c->len, h->o.max_header_bytes - c->len, &got,
                               deadline ? deadline : idle_end, idle);
            if (idle && !tp__hconn_idle(c, false)) goto done;
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
        if (!tp__hconn_read_done(c)) goto done; /* evicted: unanswered, it comes again */
        /* Answered 200 whatever the body: a broken update is reported, not refused (Telegram
           would retry it forever and hold the chat). No room for it now: 503, and Telegram
           delivers it again later. */
        if (tp__hook_take(h, c->buf + hl, (size_t)cl, NULL) == TP_ERR_BUSY)
            tp__hook_reply(c, 503, close_it);
        else
            tp__hook_reply(c, 200, close_it);
        if (close_it) goto done;
        memmove(c->buf, c->buf + hl + cl, c->len - hl - (size_t)cl);
        c->len -= hl + (size_t)cl;
    }
done:
#ifdef TELEPOT_BEARSSL
    if (c->conn.tls && c->conn.tls->handshaken &&
        !(br_ssl_engine_current_state(c->conn.tls->eng) & BR_SSL_CLOSED)) {
        tp_error e; /* close_notify, so that the client can tell a close from a truncation */
        br_ssl_engine_close(c->conn.tls->eng);
        (void)tp__tls_run(&c->conn, 0, tp_now_ms() + 500, &e);
    }
#endif
    /* Out of the list before the descriptor is closed: the acceptor shuts down listed
       connections' descriptors, and a closed number may already be someone else's. */
    pthread_mutex_lock(&h->lock);
    if (c->prev) c->prev->next = c->next;
    else h->conns = c->next;
    if (c->next) c->next->prev = c->prev;
    if (--h->nconns == 0) pthread_cond_broadcast(&h->conns_done);
    pthread_mutex_unlock(&h->lock);
    close(c->fd);
#ifdef TELEPOT_BEARSSL
    tp__tls_free(c->conn.tls);
#endif
    tp__free(c->buf);
    tp__free(c);
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
            tp__hook_flush(h);
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
            /* Full: the longest idle connection makes room, else the one that has been
               reading a request longest, when that is over a second (a real POST arrives in
               milliseconds; one that trickles is evicted, and a client sends it again). */
            tp__hconn *x, *oldest = NULL, *slowest = NULL;
            int64_t now = tp_now_ms();
            for (x = h->conns; x; x = x->next) {
                if (x->evicted) continue;
                if (x->idle && (!oldest || x->idle_since <= oldest->idle_since)) oldest = x;
                if (!x->idle && x->reading && now - x->idle_since >= 1000 &&
                    (!slowest || x->idle_since <= slowest->idle_since))
                    slowest = x;
            }
            if (!oldest) oldest = slowest;
            if (oldest) { /* its thread sees the end of the stream and leaves */
                oldest->evicted = true;
                (void)shutdown(oldest->fd, SHUT_RDWR);
            } else { /* every connection is busy with a request */
                static const char busy[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                           "Retry-After: 1\r\nConnection: close\r\n\r\n";
                bool plain = true;
#ifdef TELEPOT_BEARSSL
                plain = !h->tls; /* no handshake here: a TLS client just sees the close */
#endif
                pthread_mutex_unlock(&h->lock);
                if (plain) (void)!send(fd, busy, sizeof busy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
                close(fd);
                continue;
            }
        }
        h->nconns++;
        c = (tp__hconn *)tp__alloc(sizeof *c);
        if (c) {
            memset(c, 0, sizeof *c);
            c->h = h;
            c->fd = fd;
            c->cap = h->o.max_header_bytes + 1;
            c->buf = (char *)tp__alloc(c->cap);
            c->idle = true; /* until its first byte: evictable */
            c->idle_since = tp_now_ms();
            c->next = h->conns;
            if (h->conns) h->conns->prev = c;
            h->conns = c;
        }
        pthread_mutex_unlock(&h->lock);
        pthread_attr_init(&at);
        pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
        pthread_attr_setstacksize(&at, 256 * 1024);
        if (!c || !c->buf || pthread_create(&th, &at, tp__hook_conn_main, c) != 0) {
            close(fd);
            pthread_mutex_lock(&h->lock);
            if (c) {
                if (c->prev) c->prev->next = c->next;
                else h->conns = c->next;
                if (c->next) c->next->prev = c->prev;
                tp__free(c->buf);
                tp__free(c);
            }
            if (--h->nconns == 0) pthread_cond_broadcast(&h->conns_done);
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
        h->lfd = socket(ai->ai_family, ai->ai_socktype | TP__SOCK_CLOEXEC, ai->ai_protocol);
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
    if (!h->o.max_body_bytes) h->o.max_body_bytes = 256 * 1024;
    if (!h->o.max_queued_bytes) h->o.max_queued_bytes = (size_t)64 << 20;
    if (h->o.request_timeout_ms <= 0) h->o.request_timeout_ms = 10000;
    if (h->o.idle_timeout_ms <= 0) h->o.idle_timeout_ms = 60000;
    if (h->o.dedup_size <= 0) h->o.dedup_size = 4096;
    if (h->o.dedup_size > (1 << 20)) h->o.dedup_size = 1 << 20;
    if (h->o.maxhold_ms <= 0) h->o.maxhold_ms = 3000;
    h->path = tp__strdup(h->o.path && *h->o.path ? h->o.path : "/");
    h->secret = h->o.secret_token ? tp__strdup(h->o.secret_token) : NULL;
    h->seen_cap = (size_t)h->o.dedup_size;
    h->seen = (int64_t *)tp__alloc(h->seen_cap * sizeof *h->seen);
    for (h->seen_mask = 1; h->seen_mask < 2 * h->seen_cap; h->seen_mask <<= 1) {
    }
    h->seen_set = (uint32_t *)tp__alloc(h->seen_mask * sizeof *h->seen_set);
    if (h->seen_set) memset(h->seen_set, 0, h->seen_mask * sizeof *h->seen_set);
    h->seen_mask--;
    pthread_mutex_init(&h->lock, NULL);
    pthread_cond_init(&h->conns_done, NULL);
    if (!h->path || (h->o.secret_token && !h->secret) || !h->seen || !h->seen_set) {
        tp__fail(err, TP_ERR_NOMEM, 0, NULL);
        goto fail;
    }
    h->o.path = h->path;
    h->o.secret_token = h->secret;
    if (h->o.cert_file || h->o.key_file) {
        if (!h->o.cert_file || !h->o.key_file || !*h->o.cert_file || !*h->o.key_file) {
            tp__fail(err, TP_ERR_INVALID, 0, "webhook: HTTPS needs both cert_file and key_file");
            goto fail;
        }
#ifdef TELEPOT_BEARSSL
        if (tp__tls_key_load(&h->key, h->o.cert_file, h->o.key_file, err) != TP_OK) goto fail;
        h->tls = true;
#else
        tp__fail(err, TP_ERR_TLS_DISABLED, 0, "webhook: cert_file/key_file need HTTPS support: "
                 "build with -DTELEPOT_BEARSSL and link -lbearssl");
        goto fail;
#endif
    }
    h->o.cert_file = h->o.key_file = NULL; /* not kept: the caller's strings */
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
    TP__STORE(h->quitting, 1);
    if (h->wake[1] >= 0) (void)!write(h->wake[1], "q", 1);
    if (h->acceptor_running) {
        pthread_join(h->acceptor, NULL);
        h->acceptor_running = false;
    }
    pthread_mutex_lock(&h->lock);
    while (h->nconns > 0) pthread_cond_wait(&h->conns_done, &h->lock);
    if (h->disp) tp__hook_release(h, true);
    pthread_mutex_unlock(&h->lock);
    tp__hook_flush(h);
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
    tp__free(h->seen_set);
    tp__free(h->path);
#ifdef TELEPOT_BEARSSL
    tp__tls_key_free(&h->key); /* zero before loading: safe either way */
#endif
    if (h->secret) memset(h->secret, 0, h->secret_len);
    tp__free(h->secret);
    tp__free(h);
}

TP__DEF tp_err tp_hook_set_webhook(tp_bot *bot, const char *url, const char *secret_token,
                                   const tp_webhook_args *more, tp_error *err) {
    tp_set_webhook_args a;
    TELEPOT_ASSERT(bot && url);
    memset(&a, 0, sizeof a);
    a.url = url;
    a.secret_token = secret_token;
    if (more) {
        a.max_connections = more->max_connections > 0 ? more->max_connections : 0;
        a.allowed_updates = more->allowed_updates;
        while (a.allowed_updates && a.allowed_updates[a.allowed_updates_count])
            a.allowed_updates_count++;
        a.drop_pending_updates = more->drop_pending_updates;
        a.ip_address = more->ip_address;
    }
    return tp_set_webhook(bot, &a, NULL, err);
}

TP__DEF tp_err tp_hook_delete_webhook(tp_bot *bot, bool drop_pending_updates, tp_error *err) {
    tp_delete_webhook_args a;
    a.drop_pending_updates = drop_pending_updates;
    return tp_delete_webhook(bot, &a, NULL, err);
}

TP__DEF int tp_hook_main(int argc, char **argv, tp_update_fn handler, void *user,
                         const tp_hook_opts *opts) {
    const char *name = argc > 0 && argv[0] ? argv[0] : "bot", *slash = strrchr(name, '/');
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *url = argc > 2 ? argv[2] : getenv("TELEPOT_WEBHOOK_URL");
    const char *port = argc > 3 ? argv[3] : getenv("TELEPOT_WEBHOOK_PORT");
    const char *secret = getenv("TELEPOT_WEBHOOK_SECRET");
    char made[33];
    tp_hook_opts ho;
    tp_set_webhook_args wa;
    tp_bot_opts bo;
    tp_error err;
    tp_bot *bot;
    tp_hook *hook;
    tp_err rc;
    if (slash) name = slash + 1;
    if (!token || !*token || *token == '-' || !url || !*url) {
        fprintf(stderr, "usage: %s TOKEN URL [PORT]   (or TELEGRAM_BOT_TOKEN, TELEPOT_WEBHOOK_URL, "
                        "TELEPOT_WEBHOOK_PORT)\n", name);
        return 2;
    }
    if (opts) ho = *opts;
    else memset(&ho, 0, sizeof ho);
    if (port && *port) ho.port = atoi(port);
    if (!ho.port) ho.port = 8080;
    if (secret && *secret) ho.secret_token = secret;
    if (!ho.secret_token) { /* Telegram repeats it in every POST: then only Telegram knows it */
        static const char hex[] = "0123456789abcdef";
        unsigned char r[16];
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC), i;
        if (fd < 0 || read(fd, r, sizeof r) != (ssize_t)sizeof r) {
            if (fd >= 0) close(fd);
            fprintf(stderr, "%s: cannot read /dev/urandom for a secret token\n", name);
            return 1;
        }
        close(fd);
        for (i = 0; i < 16; i++) {
            made[2 * i] = hex[r[i] >> 4];
            made[2 * i + 1] = hex[r[i] & 15];
        }
        made[32] = '\0';
        ho.secret_token = made;
    }
    memset(&bo, 0, sizeof bo);
    bo.token = token;
    bo.log = tp_log_stderr;
    bo.log_user = argc > 0 ? argv[0] : NULL;
    bot = tp_bot_new(&bo, &err);
    if (!bot) {
        fprintf(stderr, "%s: %s\n", name, err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot);
    hook = tp_hook_new(bot, handler, user, &ho, &err);
    memset(&wa, 0, sizeof wa);
    wa.url = url;
    wa.secret_token = ho.secret_token;
    rc = hook ? tp_set_webhook(bot, &wa, NULL, &err) : err.code;
    if (rc == TP_OK) {
        printf("Listening on port %d ...\n", tp_hook_port(hook));
        fflush(stdout);
        rc = tp_hook_run(hook, &err); /* until SIGINT/SIGTERM; queued updates still run */
    }
    if (rc != TP_OK && tp_bot_stopped(bot)) rc = TP_OK;
    if (rc != TP_OK) fprintf(stderr, "%s: %s\n", name, err.message);
    tp_hook_free(hook);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

/* >>keyboards (impl) --------------------------------------------------------------------------
   The builders fill the generated structs; nothing is allocated. */
TP__DEF tp_inline_keyboard_button tp_button_cb(const char *text, const char *callback_data) {
    tp_inline_keyboard_button b;
    memset(&b, 0, sizeof b);
    b.text = text;
    b.callback_data = callback_data;
    return b;
}

TP__DEF tp_inline_keyboard_button tp_button_url(const char *text, const char *url) {
    tp_inline_keyboard_button b;
    memset(&b, 0, sizeof b);
    b.text = text;
    b.url = url;
    return b;
}

TP__DEF tp_keyboard_button tp_reply_button(const char *text) {
    tp_keyboard_button b;
    memset(&b, 0, sizeof b);
    b.text = text;
    return b;
}

TP__DEF tp_keyboard_button tp_key(const char *text) {
    return tp_reply_button(text);
}

TP__DEF tp_inline_keyboard_markup tp_inline_keyboard(const tp_inline_keyboard_button_list *rows,
                                                     size_t nrows) {
    tp_inline_keyboard_markup m;
    memset(&m, 0, sizeof m);
    m.inline_keyboard = rows;
    m.inline_keyboard_count = nrows;
    return m;
}

TP__DEF tp_reply_keyboard_markup tp_reply_keyboard(const tp_keyboard_button_list *rows,
                                                   size_t nrows, bool resize, bool one_time) {
    tp_reply_keyboard_markup m;
    memset(&m, 0, sizeof m);
    m.keyboard = rows;
    m.keyboard_count = nrows;
    m.resize_keyboard = resize;
    m.one_time_keyboard = one_time;
    return m;
}

static tp_reply_markup tp__markup(int kind, const void *p) {
    tp_reply_markup r;
    memset(&r, 0, sizeof r);
    r.kind = kind;
    r.as.any = p;
    return r;
}

TP__DEF tp_reply_markup tp_markup_inline(const tp_inline_keyboard_markup *m) {
    return tp__markup(TP_REPLY_MARKUP_INLINE_KEYBOARD_MARKUP, m);
}

TP__DEF tp_reply_markup tp_markup_reply(const tp_reply_keyboard_markup *m) {
    return tp__markup(TP_REPLY_MARKUP_REPLY_KEYBOARD_MARKUP, m);
}

TP__DEF tp_reply_markup tp_markup_remove(void) {
    static tp_reply_keyboard_remove rm; /* zero: remove_keyboard is written as true anyway */
    return tp__markup(TP_REPLY_MARKUP_REPLY_KEYBOARD_REMOVE, &rm);
}

TP__DEF tp_reply_markup tp_markup_force_reply(void) {
    static tp_force_reply fr; /* zero: force_reply is written as true anyway */
    return tp__markup(TP_REPLY_MARKUP_FORCE_REPLY, &fr);
}

TP__DEF const tp_reply_markup *tp_keyboard_of(tp_keyboard_store *st,
                                              const char *const *const *rows, bool is_inline) {
    size_t nb = 0, nr = 0, r, i;
    TELEPOT_ASSERT(st && rows);
    for (r = 0; rows[r]; r++, nr++) {
        size_t first = nb;
        TELEPOT_ASSERT(nr < TP_KEYBOARD_MAX); /* a row holds a button at least */
        for (i = 0; rows[r][i]; i += is_inline ? 2 : 1, nb++) {
            TELEPOT_ASSERT(nb < TP_KEYBOARD_MAX);           /* more buttons than TP_KEYBOARD_MAX */
            TELEPOT_ASSERT(!is_inline || rows[r][i + 1]); /* TP_PAIRS: a text without its data */
            if (is_inline) st->buttons.inline_[nb] = tp_button_cb(rows[r][i], rows[r][i + 1]);
            else st->buttons.reply[nb] = tp_reply_button(rows[r][i]);
        }
        if (is_inline) {
            st->rows.inline_[nr].items = &st->buttons.inline_[first];
            st->rows.inline_[nr].count = nb - first;
        } else {
            st->rows.reply[nr].items = &st->buttons.reply[first];
            st->rows.reply[nr].count = nb - first;
        }
    }
    if (is_inline) {
        st->keyboard.inline_ = tp_inline_keyboard(st->rows.inline_, nr);
        st->markup = tp_markup_inline(&st->keyboard.inline_);
    } else {
        st->keyboard.reply = tp_reply_keyboard(st->rows.reply, nr, false, false);
        st->markup = tp_markup_reply(&st->keyboard.reply);
    }
    return &st->markup;
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
     next                Optional Integer/Float/Boolean method parameters whose absent default
                         is not 0/false get `bool has_x` at the end of their args struct
                         (answerInlineQuery cache_time, sendPoll is_anonymous and
                         allows_revoting, promoteChatMember can_restrict_members, forwardMessage
                         and copyMessage video_start_timestamp; the table is ABSENT_IS_NOT_ZERO
                         in tools/gen_api.py): has_x = true sends 0/false; a zeroed struct still
                         sends no optional parameter. A union whose kind is 0 while a member
                         is set, whose kind is unknown, or that holds nothing fails the call
                         with TP_ERR_INVALID ("answerInlineQuery: results[1]: kind is 0 but a
                         member is set; set .kind ...") and nothing is sent (was: null sent);
                         tp_jw_typed sets out->err = TP_ERR_INVALID for it.
     0.2.1 (2026-11-25)  each of the 180 static inline method wrappers carries the table of
                         its args struct and its own names and calls tp_call_desc (was: one
                         table of every method behind tp_call_typed), so a program links only
                         the methods it calls (static musl HTTPS echo 317 KB -> 292 KB);
                         tp_call_typed is a static inline switch over them. Field descriptors 10
                         bytes (a string's const value shares the element slot). Typed views:
                         names compared inline, the required-field pass skipped when all came,
                         and a key-order memo for big documents (a 100-update batch costs
                         1.43x the DOM parse instead of 1.59x). Names are resolved on a
                         short-lived thread, so DNS obeys the connect deadline (and
                         tp_bot_stop in long polls); downloads into a pipe whose reader is gone fail with
                         EPIPE instead of SIGPIPE; the webhook's dedup is a hash set (O(1)).
                         remove_keyboard and force_reply are written true whatever the struct
                         holds (the Bot API allows only true), so zeroed structs are valid. An
                         upload read from a pipe obeys the request deadline.
     0.2.0 (2026-11-25)  HTTPS through BearSSL (SNI, chain and host name always verified,
                         distinct errors, session resumption, buffers allocated once; a lean
                         TLS 1.2 AEAD profile, TELEPOT_TLS_FULL for the full one); proxies
                         (CONNECT with basic auth, SOCKS5/SOCKS5h, curl's environment variables,
                         no_proxy; options ca_file, proxy, no_env_proxy). Polling hardened
                         (unreadable batches isolated, then skipped with a report; 409 option;
                         offset file; tp_poll_start/join; workers); the webhook receiver
                         tp_hook_* (constant-time secret, dedup, limits, deadlines, orderer,
                         tp_hook_push, HTTPS with cert_file/key_file); per-chat tp_disp;
                         tp_poll_main. The whole Bot API 10.1 generated by tools/gen_api.py: a struct per type, unions by their
                         discriminators, an args struct + wrapper per method returning typed
                         results, uploads (tp_input_file; attach:// in InputMedia*), keyboard
                         builders; tpemu answers every method.
     0.1.0 (2026-11-25)  the foundation: sockets with deadlines, HTTP/1.1 client, JSON DOM and
                         writer, tp_call, helpers, glance/flavor, long polling.
*/

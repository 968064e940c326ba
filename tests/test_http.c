/* tests/test_http.c - the HTTP/1.1 client and the bot's transport against a real loopback
   server: a thread listening on 127.0.0.1:0 that reads each request for real (head, then the
   body by Content-Length) and answers with a scripted behaviour chosen by the request path.
   Nothing leaves 127.0.0.1. SIGPIPE is deliberately left at its default: one would kill us. */

/* Counting allocator (all three hooks, as the header requires): the no-allocation test reads
   tpt_allocs. Only the main thread calls into telepot's allocating functions. */
static unsigned long tpt_allocs;
#define TELEPOT_MALLOC(n) (tpt_allocs++, malloc(n))
#define TELEPOT_REALLOC(p, n) (tpt_allocs++, realloc(p, n))
#define TELEPOT_FREE(p) free(p)
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "123456:SECRETTOKEN"
#define TOKEN_MASK "******************" /* strlen(TOKEN) stars */

/* Every error that went through a bot: the token appears in no text of it. */
#define CHECK_NO_TOKEN(e)                                      \
    do {                                                       \
        CHECK(strstr((e).message, "SECRETTOKEN") == NULL);     \
        CHECK(strstr((e).description, "SECRETTOKEN") == NULL); \
    } while (0)

/* ---- small helpers ----------------------------------------------------------------------- */

static void sleep_us(long us) {
    struct timespec ts;
    ts.tv_sec = us / 1000000;
    ts.tv_nsec = (us % 1000000) * 1000;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static char *dupmem(const char *p, size_t n) {
    char *d = (char *)malloc(n + 1);
    if (!d) abort();
    if (n) memcpy(d, p, n);
    d[n] = '\0';
    return d;
}

/* A deterministic byte pattern for big bodies and files. */
static unsigned char pat(size_t i) { return (unsigned char)(((i * 2654435761u) >> 11) ^ i); }

static char *pattern(size_t n) {
    char *p = (char *)malloc(n ? n : 1);
    size_t i;
    if (!p) abort();
    for (i = 0; i < n; i++) p[i] = (char)pat(i);
    return p;
}

/* An anonymous temporary file (already unlinked). */
static int temp_fd(void) {
    char name[] = "/tmp/tp_test_http_XXXXXX";
    int fd = mkstemp(name);
    if (fd < 0) {
        perror("mkstemp");
        exit(2);
    }
    unlink(name);
    return fd;
}

static bool write_file(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* The whole content of a file, read with pread (the offset is left alone). */
static char *file_content(int fd, size_t *n) {
    struct stat st;
    char *p;
    size_t got = 0;
    if (fstat(fd, &st) != 0) return NULL;
    p = (char *)malloc((size_t)st.st_size + 1);
    if (!p) abort();
    while (got < (size_t)st.st_size) {
        ssize_t r = pread(fd, p + got, (size_t)st.st_size - got, (off_t)got);
        if (r <= 0) break;
        got += (size_t)r;
    }
    *n = got;
    return p;
}

/* ---- the loopback server ------------------------------------------------------------------
   One thread, one connection at a time (the client never holds two). Each accepted connection
   runs the behaviour function; most tests use b_router, which serves requests on a kept-alive
   connection and answers according to the path (see route()). The server records requests in
   `last` and `hist` (written by the server thread only; the tests read them after srv_stop)
   and counts accepts/closes/requests under the mutex. */

#define SRV_HIST 40

typedef struct sreq {
    char method[16];
    char path[1024];
    char *head; /* the request head, including the blank line, NUL-terminated */
    char *body; /* the body (Content-Length bytes), NUL-terminated */
    size_t body_len;
} sreq;

typedef struct sconn {
    int fd;     /* -1 once the behaviour closed it itself */
    int index;  /* 0 for the first accepted connection */
    char *buf;  /* bytes received and not consumed yet */
    size_t len, cap;
} sconn;

typedef struct srv srv;
typedef void (*srv_fn)(srv *s, sconn *c);

struct srv {
    int lfd, port, quit[2];
    char url[64];
    pthread_t thread;
    srv_fn fn;
    int banner;          /* b_banner: which banner variant */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int accepts, closes, requests, holding; /* under mu */
    sreq last;
    sreq hist[SRV_HIST];
};

static void sreq_free(sreq *r) {
    free(r->head);
    free(r->body);
    memset(r, 0, sizeof *r);
}

static int srv_get(srv *s, const int *field) {
    int v;
    pthread_mutex_lock(&s->mu);
    v = *field;
    pthread_mutex_unlock(&s->mu);
    return v;
}

static void srv_bump(srv *s, int *field) {
    pthread_mutex_lock(&s->mu);
    (*field)++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

/* Waits until *field >= want (true) or ms pass (false). */
static bool srv_wait_for(srv *s, const int *field, int want, int ms) {
    struct timespec ts;
    bool ok;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&s->mu);
    while (*field < want)
        if (pthread_cond_timedwait(&s->cv, &s->mu, &ts) != 0) break;
    ok = *field >= want;
    pthread_mutex_unlock(&s->mu);
    return ok;
}

/* Value of header `name` in a request head. */
static bool hdr_get(const char *head, const char *name, char *out, size_t cap) {
    size_t nl = strlen(name);
    const char *p = strstr(head, "\r\n");
    while (p && p[2] != '\r' && p[2] != '\0') {
        const char *line = p + 2, *eol = strstr(line, "\r\n"), *v;
        size_t n;
        if (!eol) break;
        if (strncasecmp(line, name, nl) == 0 && line[nl] == ':') {
            v = line + nl + 1;
            while (*v == ' ' || *v == '\t') v++;
            n = (size_t)(eol - v);
            if (n >= cap) n = cap - 1;
            memcpy(out, v, n);
            out[n] = '\0';
            return true;
        }
        p = eol;
    }
    return false;
}

static void sc_grow(sconn *c) {
    if (c->cap - c->len < 65536) {
        c->cap = c->cap * 2 + 65536;
        c->buf = (char *)realloc(c->buf, c->cap);
        if (!c->buf) abort();
    }
}

/* Receives more bytes into c->buf. 0: EOF, error, quit or ms of silence. */
static size_t sc_fill(srv *s, sconn *c, int ms) {
    struct pollfd pf[2];
    ssize_t n;
    sc_grow(c);
    pf[0].fd = c->fd;
    pf[0].events = POLLIN;
    pf[0].revents = 0;
    pf[1].fd = s->quit[0];
    pf[1].events = POLLIN;
    pf[1].revents = 0;
    if (poll(pf, 2, ms) <= 0 || pf[1].revents) return 0;
    n = recv(c->fd, c->buf + c->len, c->cap - c->len, 0);
    if (n <= 0) return 0;
    c->len += (size_t)n;
    return (size_t)n;
}

/* Waits ms while watching the quit pipe and (when c) the client. false once either ends:
   this is how a behaviour "holds" a request until the client gives up. */
static bool sc_wait(srv *s, sconn *c, int ms) {
    int64_t end = tp_now_ms() + ms;
    for (;;) {
        struct pollfd pf[2];
        int n = 1, left = (int)(end - tp_now_ms());
        if (left <= 0) return true;
        pf[0].fd = s->quit[0];
        pf[0].events = POLLIN;
        pf[0].revents = 0;
        if (c && c->fd >= 0) {
            pf[1].fd = c->fd;
            pf[1].events = POLLIN;
            pf[1].revents = 0;
            n = 2;
        }
        if (poll(pf, (nfds_t)n, left) < 0) return false;
        if (pf[0].revents) return false;
        if (n == 2 && pf[1].revents) {
            ssize_t r;
            sc_grow(c);
            r = recv(c->fd, c->buf + c->len, c->cap - c->len, 0);
            if (r <= 0) return false;
            c->len += (size_t)r;
        }
    }
}

static const char *head_end(const char *p, size_t n) {
    size_t i;
    for (i = 3; i < n; i++)
        if (p[i] == '\n' && p[i - 1] == '\r' && p[i - 2] == '\n' && p[i - 3] == '\r')
            return p + i + 1;
    return NULL;
}

/* Reads one request: the head, then Content-Length bytes of body (except for paths starting
   with /reset-head, whose body is left unread). Records it; NULL on EOF, quit or silence. */
static const sreq *srv_read(srv *s, sconn *c) {
    const char *end;
    size_t hl, clen = 0;
    char v[64];
    sreq *r = &s->last;
    while ((end = head_end(c->buf, c->len)) == NULL)
        if (!sc_fill(s, c, 10000)) return NULL;
    hl = (size_t)(end - c->buf);
    sreq_free(r);
    r->head = dupmem(c->buf, hl);
    if (sscanf(r->head, "%15s %1023s", r->method, r->path) != 2) return NULL;
    if (hdr_get(r->head, "Content-Length", v, sizeof v)) clen = strtoul(v, NULL, 10);
    if (strncmp(r->path, "/reset-head", 11) == 0) {
        clen = 0;
        r->body = dupmem("", 0);
    } else {
        while (c->len < hl + clen)
            if (!sc_fill(s, c, 10000)) return NULL;
        r->body = dupmem(c->buf + hl, clen);
        r->body_len = clen;
        memmove(c->buf, c->buf + hl + clen, c->len - hl - clen);
        c->len -= hl + clen;
    }
    pthread_mutex_lock(&s->mu);
    if (s->requests < SRV_HIST) {
        sreq *hp = &s->hist[s->requests];
        memcpy(hp->method, r->method, sizeof hp->method);
        memcpy(hp->path, r->path, sizeof hp->path);
        hp->head = dupmem(r->head, strlen(r->head));
        hp->body = dupmem(r->body, r->body_len);
        hp->body_len = r->body_len;
    }
    s->requests++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    return r;
}

static bool sc_send(sconn *c, const void *p, size_t n) {
    const char *q = (const char *)p;
    while (n > 0) {
        ssize_t w = send(c->fd, q, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        q += w;
        n -= (size_t)w;
    }
    return true;
}

static bool sc_sends(sconn *c, const char *text) { return sc_send(c, text, strlen(text)); }

/* Sends n bytes `step` at a time with a pause between writes (TCP_NODELAY is on). */
static bool sc_drip(sconn *c, const char *p, size_t n, size_t step, long pause_us) {
    while (n > 0) {
        size_t k = n < step ? n : step;
        if (!sc_send(c, p, k)) return false;
        p += k;
        n -= k;
        if (n) sleep_us(pause_us);
    }
    return true;
}

/* A whole answer with Content-Length, in one write. */
static bool sc_reply(sconn *c, const char *status, const char *ctype, const char *body,
                     size_t len) {
    char head[512];
    char *all;
    bool ok;
    int n = snprintf(head, sizeof head, "HTTP/1.1 %s\r\n%s%s%sContent-Length: %zu\r\n\r\n", status,
                     ctype ? "Content-Type: " : "", ctype ? ctype : "", ctype ? "\r\n" : "", len);
    all = (char *)malloc((size_t)n + len + 1);
    if (!all) abort();
    memcpy(all, head, (size_t)n);
    if (len) memcpy(all + n, body, len);
    ok = sc_send(c, all, (size_t)n + len);
    free(all);
    return ok;
}

static bool sc_json(sconn *c, const char *status, const char *json) {
    return sc_reply(c, status, "application/json", json, strlen(json));
}

/* An abortive close: SO_LINGER {1, 0} makes close() send RST. */
static void sc_reset(sconn *c) {
    struct linger l;
    l.l_onoff = 1;
    l.l_linger = 0;
    (void)setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(c->fd);
    c->fd = -1;
}

static void *srv_main(void *arg) {
    srv *s = (srv *)arg;
    for (;;) {
        struct pollfd pf[2];
        sconn c;
        int one = 1;
        pf[0].fd = s->lfd;
        pf[0].events = POLLIN;
        pf[0].revents = 0;
        pf[1].fd = s->quit[0];
        pf[1].events = POLLIN;
        pf[1].revents = 0;
        if (poll(pf, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (pf[1].revents) break;
        memset(&c, 0, sizeof c);
        c.fd = accept(s->lfd, NULL, NULL);
        if (c.fd < 0) continue;
        (void)setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        pthread_mutex_lock(&s->mu);
        c.index = s->accepts++;
        pthread_mutex_unlock(&s->mu);
        s->fn(s, &c);
        if (c.fd >= 0) close(c.fd);
        free(c.buf);
        srv_bump(s, &s->closes);
    }
    return NULL;
}

/* Starts the server thread; `banner` selects the variant of b_banner. */
static void srv_start_with(srv *s, srv_fn fn, int banner) {
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    int one = 1;
    memset(s, 0, sizeof *s);
    s->fn = fn;
    s->banner = banner;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    s->lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (s->lfd < 0 || setsockopt(s->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(s->lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(s->lfd, 16) != 0 ||
        getsockname(s->lfd, (struct sockaddr *)&a, &al) != 0 || pipe(s->quit) != 0) {
        perror("test server");
        exit(2);
    }
    s->port = ntohs(a.sin_port);
    snprintf(s->url, sizeof s->url, "http://127.0.0.1:%d", s->port);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (pthread_create(&s->thread, NULL, srv_main, s) != 0) {
        perror("pthread_create");
        exit(2);
    }
}

static void srv_start(srv *s, srv_fn fn) { srv_start_with(s, fn, 0); }

/* Stops the thread (every wait of a behaviour watches the quit pipe) and closes the sockets;
   the records stay readable until srv_free. */
static void srv_stop(srv *s) {
    ssize_t w = write(s->quit[1], "q", 1);
    (void)w;
    pthread_join(s->thread, NULL);
    close(s->lfd);
    close(s->quit[0]);
    close(s->quit[1]);
}

static void srv_free(srv *s) {
    int i;
    sreq_free(&s->last);
    for (i = 0; i < SRV_HIST; i++) sreq_free(&s->hist[i]);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
}

/* ---- scripted answers ---------------------------------------------------------------------- */

/* The chunked answer of test_chunked: extensions (with a quoted ';'), a zero-padded and an
   upper-case size, a last-chunk extension and two trailers. */
static const char *const chunk_data[] = {"Hello", ", chunked ", "world, with extensions and trailers",
                                         "!"};
#define CHUNKED_TEXT "Hello, chunked world, with extensions and trailers!"

static size_t chunked_wire(char *out, size_t cap) {
    size_t n = (size_t)snprintf(out, cap,
                                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                "Transfer-Encoding: chunked\r\n\r\n");
    n += (size_t)snprintf(out + n, cap - n, "%zx;name=value\r\n%s\r\n", strlen(chunk_data[0]),
                          chunk_data[0]);
    n += (size_t)snprintf(out + n, cap - n, "%04zx; q=\"a;b\"\r\n%s\r\n", strlen(chunk_data[1]),
                          chunk_data[1]);
    n += (size_t)snprintf(out + n, cap - n, "%zX\r\n%s\r\n", strlen(chunk_data[2]), chunk_data[2]);
    n += (size_t)snprintf(out + n, cap - n, "%zx ;x\r\n%s\r\n", strlen(chunk_data[3]),
                          chunk_data[3]);
    n += (size_t)snprintf(out + n, cap - n, "0;end=1\r\nX-Trailer: yes\r\nX-Checksum: 99\r\n\r\n");
    return n;
}

#define BIG_SIZE ((size_t)5 << 20) /* the streamed download */
#define HDR_BIG 3000               /* a header bigger than max_header_bytes = 1024 */

/* A complete head of about HDR_BIG bytes (many X-Pad lines), then "ok". */
static size_t big_header(char *out, size_t cap) {
    size_t n = (size_t)snprintf(out, cap, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n");
    int i = 0;
    while (n < HDR_BIG) n += (size_t)snprintf(out + n, cap - n, "X-Pad-%03d: %060d\r\n", i++, 0);
    n += (size_t)snprintf(out + n, cap - n, "\r\nok");
    return n;
}

/* Answers of the Bot API paths "/bot<token>/<method>" and "/file/bot<token>/<path>".
   Returns false to close the connection. */
static bool api_route(srv *s, sconn *c, const sreq *rq) {
    const char *prefix = "/bot" TOKEN "/", *m;
    char buf[2048];
    if (strcmp(rq->path, "/file/bot" TOKEN "/documents/file%201.txt") == 0)
        return sc_reply(c, "200 OK", "application/octet-stream", "hello world", 11);
    if (strncmp(rq->path, "/file/", 6) == 0)
        return sc_json(c, "404 Not Found", "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    if (strncmp(rq->path, prefix, strlen(prefix)) != 0)
        return sc_json(c, "401 Unauthorized", "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    m = rq->path + strlen(prefix);
    if (strcmp(m, "getMe") == 0)
        return sc_json(c, "200 OK", "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"T\"}}");
    if (strcmp(m, "sendMessage") == 0)
        return sc_json(c, "200 OK", "{\"ok\":true,\"result\":{\"message_id\":5,\"date\":1,"
                                    "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"hi\"}}");
    if (strcmp(m, "rateLimited") == 0)
        return sc_json(c, "429 Too Many Requests",
                       "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry "
                       "after 7\",\"parameters\":{\"retry_after\":7}}");
    if (strcmp(m, "badGateway") == 0) {
        const char *html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        return sc_reply(c, "502 Bad Gateway", "text/html", html, strlen(html));
    }
    if (strcmp(m, "ctypeEcho") == 0) { /* a proxy that reflects the path into a header */
        const char *html = "<html>bad gateway</html>";
        snprintf(buf, sizeof buf, "text/html; origin=%.80s", rq->path);
        return sc_reply(c, "502 Bad Gateway", buf, html, strlen(html));
    }
    if (strcmp(m, "noOk") == 0) return sc_json(c, "200 OK", "{\"result\":{}}");
    if (strcmp(m, "okNoResult") == 0) return sc_json(c, "200 OK", "{\"ok\":true}");
    if (strcmp(m, "migrate") == 0)
        return sc_json(c, "400 Bad Request",
                       "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat "
                       "was upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":"
                       "-1009007199254740993}}");
    if (strcmp(m, "echoPath") == 0) {
        snprintf(buf, sizeof buf, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: %s\"}",
                 rq->path);
        return sc_json(c, "404 Not Found", buf);
    }
    if (strcmp(m, "longEcho") == 0 || strcmp(m, "msgEcho") == 0) {
        /* The echoed path placed so that the token starts 16 bytes before the end of the
           255-byte field (description, resp. message "msgEcho: Telegram error 400: ..."). */
        int pad = strcmp(m, "longEcho") == 0 ? 239 - 4
                                              : 239 - (int)strlen("msgEcho: Telegram error 400: ") - 4;
        int n = snprintf(buf, sizeof buf, "{\"ok\":false,\"error_code\":400,\"description\":\"");
        memset(buf + n, 'x', (size_t)pad);
        snprintf(buf + n + pad, sizeof buf - (size_t)(n + pad), "%s\"}", rq->path);
        return sc_json(c, "400 Bad Request", buf);
    }
    if (strcmp(m, "slow") == 0) {
        sc_wait(s, c, 20000);
        return false;
    }
    if (strcmp(m, "getFile") == 0) {
        if (strstr(rq->body, "gone"))
            return sc_json(c, "200 OK", "{\"ok\":true,\"result\":{\"file_id\":\"G\",\"file_path\":\"documents/gone.txt\"}}");
        return sc_json(c, "200 OK", "{\"ok\":true,\"result\":{\"file_id\":\"F\",\"file_size\":11,"
                                    "\"file_path\":\"documents/file 1.txt\"}}");
    }
    if (strcmp(m, "getUpdates") == 0) {
        if (!strstr(rq->body, "\"offset\""))
            return sc_json(c, "200 OK",
                           "{\"ok\":true,\"result\":["
                           "{\"update_id\":100,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"a\"}},"
                           "{\"update_id\":101,\"message\":{\"message_id\":2,\"date\":2,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"b\"}}]}");
        if (strstr(rq->body, "\"timeout\":0")) return sc_json(c, "200 OK", "{\"ok\":true,\"result\":[]}");
        srv_bump(s, &s->holding); /* a long poll: hold it until the client gives up */
        sc_wait(s, c, 20000);
        return false;
    }
    return sc_json(c, "404 Not Found", "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
}

/* Answers one request according to its path. Returns false to close the connection. */
static bool route(srv *s, sconn *c, const sreq *rq) {
    const char *p = rq->path;
    char buf[8192], v[256];
    size_t n;
    if (strncmp(p, "/bot", 4) == 0 || strncmp(p, "/file/", 6) == 0) return api_route(s, c, rq);
    /* ordinary answers */
    if (strcmp(p, "/echo") == 0)
        return sc_reply(c, "200 OK", "application/json; charset=utf-8", rq->body, rq->body_len);
    if (strcmp(p, "/small") == 0) return sc_reply(c, "200 OK", "text/plain", "hello", 5);
    if (strcmp(p, "/next") == 0) return sc_reply(c, "200 OK", "text/plain", "next", 4);
    if (strcmp(p, "/upload") == 0) return sc_json(c, "200 OK", "{\"ok\":true,\"result\":true}");
    if (strcmp(p, "/empty") == 0) return sc_reply(c, "200 OK", NULL, "", 0);
    if (strcmp(p, "/nocontent") == 0) return sc_sends(c, "HTTP/1.1 204 No Content\r\n\r\n");
    if (strcmp(p, "/continue") == 0)
        return sc_sends(c, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    if (strcmp(p, "/lf") == 0) return sc_sends(c, "HTTP/1.1 200 OK\nContent-Length: 3\nX-A: b\n\nabc");
    if (strcmp(p, "/ct") == 0)
        return sc_sends(c, "HTTP/1.1 201 Created\r\ncontent-type:   text/plain ;x=1  \r\n"
                           "CONTENT-LENGTH: 2\r\n\r\nhi");
    if (strcmp(p, "/notfound") == 0)
        return sc_json(c, "404 Not Found", "{\"ok\":false,\"error_code\":404}");
    /* connection management */
    if (strcmp(p, "/close") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nclose");
        return false;
    }
    if (strcmp(p, "/http10") == 0) {
        sc_sends(c, "HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nv1.0");
        return false;
    }
    if (strcmp(p, "/ka10") == 0)
        return sc_sends(c, "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 4\r\n\r\nka10");
    if (strcmp(p, "/eof") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nread to the end of the stream");
        return false;
    }
    if (strcmp(p, "/silent-close") == 0) return false; /* read it, close without answering */
    /* chunked and split writes */
    if (strcmp(p, "/chunked") == 0) {
        n = chunked_wire(buf, sizeof buf);
        return sc_send(c, buf, n);
    }
    if (strcmp(p, "/chunked-drip") == 0) {
        n = chunked_wire(buf, sizeof buf);
        return sc_drip(c, buf, n, 1, 200);
    }
    if (strcmp(p, "/cl-drip") == 0) {
        const char *head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 26\r\n\r\n";
        return sc_drip(c, head, strlen(head), 1, 200) &&
               sc_drip(c, "abcdefghijklmnopqrstuvwxyz", 26, 3, 500);
    }
    /* truncation */
    if (strcmp(p, "/cl-cut") == 0) {
        char *body = pattern(400);
        sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        sc_send(c, body, 400);
        free(body);
        return false;
    }
    if (strcmp(p, "/chunk-cut") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n100\r\n");
        sc_send(c, "0123456789012345678901234567890123456789012345678", 50);
        return false;
    }
    if (strcmp(p, "/chunk-cut-size") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1");
        return false;
    }
    if (strcmp(p, "/chunk-hex") == 0) /* sizes with hex letters, both cases */
        return sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "1a\r\nabcdefghijklmnopqrstuvwxyz\r\nA\r\n0123456789\r\n"
                           "1F\r\nABCDEFGHIJKLMNOPQRSTUVWXYZ-----\r\n0\r\n\r\n");
    if (strcmp(p, "/chunk-eof") == 0) { /* a complete chunk, then a close instead of 0\r\n\r\n */
        sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        return false;
    }
    if (strcmp(p, "/head-cut") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Le");
        return false;
    }
    /* resets and a slow drip */
    if (strcmp(p, "/reset") == 0 || strncmp(p, "/reset-head", 11) == 0) {
        sc_reset(c);
        return false;
    }
    if (strcmp(p, "/drip-slow") == 0) { /* one byte a second, until the client gives up */
        const char *all = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        for (; *all; all++)
            if (!sc_send(c, all, 1) || !sc_wait(s, c, 1000)) break;
        return false;
    }
    if (strcmp(p, "/trickle") == 0) { /* a whole head, then the body one byte per 100 ms */
        const char *body = "0123456789012345678901234567890123456789";
        if (!sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n")) return false;
        for (; *body; body++)
            if (!sc_wait(s, c, 100) || !sc_send(c, body, 1)) break;
        sc_wait(s, c, 20000);
        return false;
    }
    /* limits */
    if (strcmp(p, "/huge-cl") == 0) {
        memset(buf, 'h', 1000);
        sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n");
        sc_send(c, buf, 1000);
        sc_wait(s, c, 20000);
        return false;
    }
    if (strcmp(p, "/chunk-many") == 0) { /* 3000 bytes in 300-byte chunks */
        int i;
        memset(buf, 'z', 300);
        sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (i = 0; i < 10; i++)
            if (!sc_sends(c, "12c\r\n") || !sc_send(c, buf, 300) || !sc_sends(c, "\r\n")) break;
        if (i == 10) sc_sends(c, "0\r\n\r\n");
        sc_wait(s, c, 5000);
        return false;
    }
    if (strcmp(p, "/chunk-one-big") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n");
        sc_wait(s, c, 20000);
        return false;
    }
    if (strcmp(p, "/hdr-huge") == 0) { /* 40 KB of header lines without an end */
        int i;
        sc_sends(c, "HTTP/1.1 200 OK\r\n");
        for (i = 0; i < 40; i++) {
            n = (size_t)snprintf(buf, sizeof buf, "X-Pad-%02d: %0990d\r\n", i, 0);
            if (!sc_send(c, buf, n)) break;
        }
        sc_wait(s, c, 20000);
        return false;
    }
    if (strcmp(p, "/hdr-onewrite") == 0) {
        n = big_header(buf, sizeof buf);
        return sc_send(c, buf, n);
    }
    if (strcmp(p, "/hdr-drip") == 0) {
        n = big_header(buf, sizeof buf);
        return sc_drip(c, buf, n, 100, 2000);
    }
    /* malformed answers */
    if (strcmp(p, "/bad-status") == 0) {
        sc_sends(c, "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n");
        return false;
    }
    if (strcmp(p, "/bad-version") == 0) {
        sc_sends(c, "HTTP/2 200\r\nContent-Length: 0\r\n\r\n");
        return false;
    }
    if (strcmp(p, "/no-colon") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Length 5\r\n\r\nhello");
        return false;
    }
    if (strcmp(p, "/two-cl") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
        return false;
    }
    if (strcmp(p, "/same-cl") == 0) /* equal duplicates are allowed (RFC 9110 8.6) */
        return sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello");
    if (strcmp(p, "/bad-cl") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\nhello");
        return false;
    }
    if (strcmp(p, "/bad-te") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx");
        return false;
    }
    if (strcmp(p, "/bad-chunk") == 0) {
        sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
        return false;
    }
    /* downloads */
    if (strcmp(p, "/big") == 0 || strcmp(p, "/big-chunked") == 0) {
        char *body = pattern(BIG_SIZE);
        bool ok;
        if (strcmp(p, "/big") == 0) {
            ok = sc_reply(c, "200 OK", "application/octet-stream", body, BIG_SIZE);
        } else {
            size_t off;
            ok = sc_sends(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (off = 0; ok && off < BIG_SIZE; off += 65536) {
                size_t k = BIG_SIZE - off < 65536 ? BIG_SIZE - off : 65536;
                snprintf(v, sizeof v, "%zx\r\n", k);
                ok = sc_sends(c, v) && sc_send(c, body + off, k) && sc_sends(c, "\r\n");
            }
            ok = ok && sc_sends(c, "0\r\n\r\n");
        }
        free(body);
        return ok;
    }
    if (strcmp(p, "/missing") == 0)
        return sc_json(c, "404 Not Found", "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    return sc_reply(c, "404 Not Found", "text/plain", "no route", 8);
}

/* The usual behaviour: a kept-alive connection answered by route(). */
static void b_router(srv *s, sconn *c) {
    const sreq *rq;
    while ((rq = srv_read(s, c)) != NULL)
        if (!route(s, c, rq)) return;
}

/* A server that closes every connection right after its first answer, without saying so
   (no Connection: close): what an idle timeout of a real server looks like to the client. */
static void b_one(srv *s, sconn *c) {
    const sreq *rq = srv_read(s, c);
    if (rq) route(s, c, rq);
}

/* The first connection is kept alive; the second request on it is read and the connection
   closed without an answer. Later connections are served normally. */
static void b_drop_second(srv *s, sconn *c) {
    const sreq *rq;
    int k = 0;
    while ((rq = srv_read(s, c)) != NULL) {
        if (c->index == 0 && k++ == 1) return;
        if (!route(s, c, rq)) return;
    }
}

/* Something that is not an HTTP server: a banner at accept. s->banner picks the variant:
   0 banner + blank line then close, 1 banner then silence (SMTP-like: waits for a command),
   2 banner, reads the request, then closes (SSH-like). */
static void b_banner(srv *s, sconn *c) {
    if (s->banner == 0) {
        sc_sends(c, "SSH-2.0-OpenSSH_9.6\r\n\r\n");
        srv_read(s, c);
    } else if (s->banner == 1) {
        sc_sends(c, "220 mail.example.com ESMTP Postfix\r\n");
        sc_wait(s, c, 20000);
    } else {
        sc_sends(c, "SSH-2.0-OpenSSH_9.6\r\n");
        srv_read(s, c);
        sc_sends(c, "Invalid SSH identification string.\r\n");
    }
}

/* ---- client helpers ------------------------------------------------------------------------ */

static tp_http *http_to(const char *url, size_t max_header, size_t max_body, int timeout_ms) {
    tp_http_opts o;
    tp_error e;
    tp_http *h;
    memset(&o, 0, sizeof o);
    o.url = url;
    o.max_header_bytes = max_header;
    o.max_body_bytes = max_body;
    o.timeout_ms = timeout_ms;
    o.connect_timeout_ms = 2000;
    h = tp_http_new(&o, &e);
    if (!h) {
        fprintf(stderr, "tp_http_new(%s): %s\n", url, e.message);
        exit(2);
    }
    return h;
}

/* One request; method NULL picks the default, body NULL sends none. */
static tp_err req(tp_http *h, const char *method, const char *path, const char *body,
                  int timeout_ms, tp_http_resp *rs, tp_error *e) {
    tp_http_req r;
    memset(&r, 0, sizeof r);
    memset(rs, 0, sizeof *rs);
    memset(e, 0, sizeof *e);
    r.method = method;
    r.path = path;
    r.body = body;
    r.body_len = body ? strlen(body) : 0;
    r.timeout_ms = timeout_ms;
    return tp_http_request(h, &r, rs, e);
}

static int log_lines, log_token_seen;
static void on_log(void *user, int level, const char *text) {
    (void)user;
    (void)level;
    log_lines++;
    if (strstr(text, "SECRETTOKEN")) log_token_seen++;
}

static tp_bot *bot_to(const char *url, int timeout_ms) {
    tp_bot_opts o;
    tp_error e;
    tp_bot *b;
    memset(&o, 0, sizeof o);
    o.token = TOKEN;
    o.api_url = url;
    o.timeout_ms = timeout_ms;
    o.connect_timeout_ms = 2000;
    o.log = on_log;
    o.no_retry = true; /* these tests see each answer as it came (retries: test_send.c) */
    o.flood_wait_ms = TP_FLOOD_WAIT_NONE;
    b = tp_bot_new(&o, &e);
    if (!b) {
        fprintf(stderr, "tp_bot_new(%s): %s\n", url, e.message);
        exit(2);
    }
    return b;
}

/* ---- 1. Content-Length ------------------------------------------------------------------- */

TEST(test_content_length) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    char v[128], host[64];
    const char *json = "{\"a\":[1,2,3]}";
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);

    CHECK_EQ_INT(req(h, NULL, "/echo", json, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(e.code, TP_OK);
    CHECK_EQ_INT(rs.status, 200);
    CHECK_EQ_INT(rs.body_len, strlen(json));
    CHECK_STR(rs.body, json);
    CHECK_STR(rs.content_type, "application/json; charset=utf-8");

    CHECK_EQ_INT(req(h, NULL, "/empty", NULL, 0, &rs, &e), TP_OK); /* GET, no body either way */
    CHECK_EQ_INT(rs.status, 200);
    CHECK_EQ_INT(rs.body_len, 0);
    CHECK_STR(rs.body, "");
    CHECK_STR(rs.content_type, "");

    CHECK_EQ_INT(req(h, NULL, "/nocontent", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 204);
    CHECK_EQ_INT(rs.body_len, 0);

    CHECK_EQ_INT(req(h, NULL, "/continue", NULL, 0, &rs, &e), TP_OK); /* 1xx skipped */
    CHECK_EQ_INT(rs.status, 200);
    CHECK_STR(rs.body, "ok");

    CHECK_EQ_INT(req(h, NULL, "/lf", NULL, 0, &rs, &e), TP_OK); /* bare LF line ends */
    CHECK_STR(rs.body, "abc");

    CHECK_EQ_INT(req(h, NULL, "/ct", NULL, 0, &rs, &e), TP_OK); /* case, whitespace trimmed */
    CHECK_EQ_INT(rs.status, 201);
    CHECK_STR(rs.body, "hi");
    CHECK_STR(rs.content_type, "text/plain ;x=1");

    CHECK_EQ_INT(req(h, "POST", "/notfound", NULL, 0, &rs, &e), TP_OK); /* any status is OK */
    CHECK_EQ_INT(rs.status, 404);
    CHECK_STR(rs.body, "{\"ok\":false,\"error_code\":404}");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);
    tp_http_free(h);
    srv_stop(&s);

    /* what the server received */
    snprintf(host, sizeof host, "127.0.0.1:%d", s.port);
    CHECK_STR(s.hist[0].method, "POST");
    CHECK_STR(s.hist[0].path, "/echo");
    CHECK(strncmp(s.hist[0].head, "POST /echo HTTP/1.1\r\n", 21) == 0);
    CHECK(hdr_get(s.hist[0].head, "Host", v, sizeof v) && strcmp(v, host) == 0);
    CHECK(hdr_get(s.hist[0].head, "Content-Length", v, sizeof v) && strcmp(v, "13") == 0);
    CHECK(hdr_get(s.hist[0].head, "Content-Type", v, sizeof v) && strcmp(v, "application/json") == 0);
    CHECK_EQ_INT(s.hist[0].body_len, 13);
    CHECK_STR(s.hist[0].body, json);
    CHECK_STR(s.hist[1].method, "GET");
    CHECK(hdr_get(s.hist[1].head, "Host", v, sizeof v) && strcmp(v, host) == 0);
    CHECK(!hdr_get(s.hist[1].head, "Content-Length", v, sizeof v)); /* a GET has no body */
    CHECK_STR(s.hist[6].method, "POST"); /* a POST without a body says Content-Length: 0 */
    CHECK(hdr_get(s.hist[6].head, "Content-Length", v, sizeof v) && strcmp(v, "0") == 0);
    CHECK_EQ_INT(s.requests, 7);
    srv_free(&s);
}

/* ---- 2. chunked, split reads ---------------------------------------------------------------- */

TEST(test_chunked_and_split) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);

    CHECK_EQ_INT(req(h, NULL, "/chunked", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 200);
    CHECK_EQ_INT(rs.body_len, strlen(CHUNKED_TEXT));
    CHECK_STR(rs.body, CHUNKED_TEXT);
    CHECK_STR(rs.content_type, "text/plain");

    /* the same bytes one per write: every line and CRLF split across reads */
    CHECK_EQ_INT(req(h, NULL, "/chunked-drip", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 200);
    CHECK_STR(rs.body, CHUNKED_TEXT);

    /* a Content-Length answer: the head byte by byte, the body three bytes at a time */
    CHECK_EQ_INT(req(h, NULL, "/cl-drip", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 200);
    CHECK_EQ_INT(rs.body_len, 26);
    CHECK_STR(rs.body, "abcdefghijklmnopqrstuvwxyz");
    CHECK_STR(rs.content_type, "text/plain");

    /* trailers and the last chunk were consumed exactly: the connection is still in step */
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "hello");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 3. truncated bodies ----------------------------------------------------------------- */

TEST(test_truncated) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);

    CHECK_EQ_INT(req(h, NULL, "/cl-cut", NULL, 0, &rs, &e), TP_ERR_HTTP_TRUNCATED);
    CHECK_EQ_INT(e.code, TP_ERR_HTTP_TRUNCATED);
    CHECK(e.message[0] != '\0');
    CHECK_EQ_INT(req(h, NULL, "/chunk-cut", NULL, 0, &rs, &e), TP_ERR_HTTP_TRUNCATED);
    CHECK_EQ_INT(e.code, TP_ERR_HTTP_TRUNCATED);
    CHECK_EQ_INT(req(h, NULL, "/chunk-cut-size", NULL, 0, &rs, &e), TP_ERR_HTTP_TRUNCATED);
    CHECK_EQ_INT(req(h, NULL, "/head-cut", NULL, 0, &rs, &e), TP_ERR_HTTP_TRUNCATED);
    /* the client recovers on a new connection */
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "hello");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 5);
    CHECK_EQ_INT(srv_get(&s, &s.requests), 5); /* nothing was sent twice */
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 4. connection reset ------------------------------------------------------------------- */

TEST(test_reset) {
    srv s;
    tp_http *h;
    tp_http_req r;
    tp_http_resp rs;
    tp_error e;
    tp_err rc;
    tp_http_part part;
    size_t big = (size_t)8 << 20;
    char *body = pattern(big);
    int fd = temp_fd();
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);

    /* RST after the request was read */
    rc = req(h, NULL, "/reset", NULL, 0, &rs, &e);
    CHECK(rc == TP_ERR_RESET || rc == TP_ERR_CLOSED);
    CHECK_EQ_INT(e.code, rc);

    /* RST while an 8 MB body is still being written: an error, not SIGPIPE */
    memset(&r, 0, sizeof r);
    r.path = "/reset-head/body";
    r.body = body;
    r.body_len = big;
    rc = tp_http_request(h, &r, &rs, &e);
    CHECK(rc == TP_ERR_RESET || rc == TP_ERR_CLOSED);

    /* the same while a file is streamed as a multipart part */
    CHECK(write_file(fd, body, (size_t)3 << 20));
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    memset(&part, 0, sizeof part);
    part.name = "document";
    part.filename = "big.bin";
    part.fd = fd;
    memset(&r, 0, sizeof r);
    r.path = "/reset-head/multipart";
    r.parts = &part;
    r.nparts = 1;
    rc = tp_http_request(h, &r, &rs, &e);
    CHECK(rc == TP_ERR_RESET || rc == TP_ERR_CLOSED);

    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "hello");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 4);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
    close(fd);
    free(body);
}

/* ---- 5. deadline --------------------------------------------------------------------------- */

TEST(test_timeout) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    int64_t t0, dt;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 800); /* the connection's default deadline */

    t0 = tp_now_ms();
    CHECK_EQ_INT(req(h, NULL, "/drip-slow", NULL, 1000, &rs, &e), TP_ERR_TIMEOUT);
    dt = tp_now_ms() - t0;
    CHECK_EQ_INT(e.code, TP_ERR_TIMEOUT);
    CHECK(dt < 3000);

    t0 = tp_now_ms();
    CHECK_EQ_INT(req(h, NULL, "/drip-slow", NULL, 0, &rs, &e), TP_ERR_TIMEOUT);
    dt = tp_now_ms() - t0;
    CHECK(dt < 2400);

    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "hello");
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 6. limits ----------------------------------------------------------------------------- */

TEST(test_limits) {
    srv s;
    tp_http *h, *small_body, *small_head;
    tp_http_resp rs;
    tp_error e;
    int64_t t0;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 10000);
    small_body = http_to(s.url, 0, 1000, 10000);
    small_head = http_to(s.url, 1024, 0, 10000);

    /* 100 MB announced, 64 MiB allowed: refused at the head, without waiting for the body */
    t0 = tp_now_ms();
    CHECK_EQ_INT(req(h, NULL, "/huge-cl", NULL, 0, &rs, &e), TP_ERR_HTTP_BODY_TOO_LARGE);
    CHECK(tp_now_ms() - t0 < 3000);
    CHECK_EQ_INT(e.code, TP_ERR_HTTP_BODY_TOO_LARGE);
    CHECK(strstr(e.message, "104857600") != NULL);

    /* chunked: 3000 bytes in ten chunks with max_body_bytes = 1000 */
    CHECK_EQ_INT(req(small_body, NULL, "/chunk-many", NULL, 0, &rs, &e), TP_ERR_HTTP_BODY_TOO_LARGE);
    /* one chunk announcing 1 MiB */
    t0 = tp_now_ms();
    CHECK_EQ_INT(req(small_body, NULL, "/chunk-one-big", NULL, 0, &rs, &e),
                 TP_ERR_HTTP_BODY_TOO_LARGE);
    CHECK(tp_now_ms() - t0 < 3000);
    /* below the limit all is well */
    CHECK_EQ_INT(req(small_body, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "hello");
    tp_http_close(small_body); /* the server serves one connection at a time */

    /* a header that never ends: 40 KB against the default 16 KiB */
    CHECK_EQ_INT(req(h, NULL, "/hdr-huge", NULL, 0, &rs, &e), TP_ERR_HTTP_HEADER_TOO_LARGE);
    CHECK_EQ_INT(e.code, TP_ERR_HTTP_HEADER_TOO_LARGE);
    /* a complete 3000-byte header against max_header_bytes = 1024, in small writes ... */
    CHECK_EQ_INT(req(small_head, NULL, "/hdr-drip", NULL, 0, &rs, &e), TP_ERR_HTTP_HEADER_TOO_LARGE);
    /* ... and in one write (it arrives in one read: the limit must hold all the same) */
    CHECK_EQ_INT(req(small_head, NULL, "/hdr-onewrite", NULL, 0, &rs, &e),
                 TP_ERR_HTTP_HEADER_TOO_LARGE);
    tp_http_close(small_head);
    /* the default limit takes the same header */
    CHECK_EQ_INT(req(h, NULL, "/hdr-onewrite", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "ok");
    tp_http_free(h);
    tp_http_free(small_body);
    tp_http_free(small_head);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 7. keep-alive ------------------------------------------------------------------------- */

TEST(test_keep_alive) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;

    /* two requests, one connection */
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(req(h, NULL, "/echo", "{\"x\":1}", 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "{\"x\":1}");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);
    CHECK_EQ_INT(srv_get(&s, &s.requests), 2);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);

    /* the server closes the kept-alive connection after each answer, without saying so */
    srv_start(&s, b_one);
    h = http_to(s.url, 0, 0, 5000);
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK(srv_wait_for(&s, &s.closes, 1, 5000));
    CHECK_EQ_INT(req(h, NULL, "/next", NULL, 0, &rs, &e), TP_OK); /* transparently reopened */
    CHECK_STR(rs.body, "next");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 2);
    CHECK(srv_wait_for(&s, &s.closes, 2, 5000));
    /* a POST after a pause: the client sees the connection was closed while idle and opens a
       new one before sending, so nothing is lost and nothing is sent twice */
    {
        struct timespec ts = {1, 100000000};
        nanosleep(&ts, NULL);
    }
    CHECK_EQ_INT(req(h, NULL, "/echo", "{\"post\":true}", 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 200);
    CHECK_STR(rs.body, "{\"post\":true}");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 3);
    CHECK_EQ_INT(srv_get(&s, &s.requests), 3); /* the dead connection never delivered one */
    CHECK(srv_wait_for(&s, &s.closes, 3, 5000));
    /* a POST at once into the connection the server has just closed: it went out, so it is
       not sent again (it might have been done); the error says the connection closed */
    CHECK(req(h, NULL, "/echo", "{\"post\":2}", 0, &rs, &e) != TP_OK);
    CHECK(e.code == TP_ERR_CLOSED || e.code == TP_ERR_RESET);
    CHECK_EQ_INT(srv_get(&s, &s.requests), 3);
    tp_http_free(h);
    srv_stop(&s);
    CHECK_STR(s.hist[2].method, "POST");
    CHECK_STR(s.hist[2].body, "{\"post\":true}");
    srv_free(&s);

    /* the server reads the second request on a kept-alive connection, then drops it: nothing
       of the answer arrived, so the client sends it again on a new connection */
    srv_start(&s, b_drop_second);
    h = http_to(s.url, 0, 0, 5000);
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(req(h, NULL, "/next", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "next");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 2);
    /* but a connection that was fresh is not retried */
    tp_http_close(h);
    CHECK_EQ_INT(req(h, NULL, "/silent-close", NULL, 0, &rs, &e), TP_ERR_CLOSED);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 3);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 3b. chunk sizes with hex letters; a close at a chunk boundary ----------------------- */

TEST(test_chunk_framing) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);
    CHECK_EQ_INT(req(h, NULL, "/chunk-hex", NULL, 0, &rs, &e), TP_OK); /* 0x1a + 0xA + 0x1F */
    CHECK_EQ_INT(rs.body_len, 26 + 10 + 31);
    CHECK_STR(rs.body, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-----");
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK); /* still in step */
    CHECK_STR(rs.body, "hello");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);
    /* "5\r\nhello\r\n" and EOF: the body never ended (no 0-chunk), so it is not a success */
    CHECK_EQ_INT(req(h, NULL, "/chunk-eof", NULL, 0, &rs, &e), TP_ERR_HTTP_TRUNCATED);
    CHECK_EQ_INT(e.code, TP_ERR_HTTP_TRUNCATED);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 5b. the deadline covers the whole request, however the bytes trickle ---------------- */

TEST(test_trickle_deadline) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    int64_t t0, dt;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000); /* the request's own deadline wins over this default */
    t0 = tp_now_ms();
    /* 40 body bytes one per 100 ms: 4 s of body against a 1 s deadline */
    CHECK_EQ_INT(req(h, NULL, "/trickle", NULL, 1000, &rs, &e), TP_ERR_TIMEOUT);
    dt = tp_now_ms() - t0;
    printf("a body trickled at 10 bytes/s against a 1000 ms deadline: gave up after %lld ms\n",
           (long long)dt);
    CHECK(dt >= 950 && dt < 1400);
    /* a kept-alive connection whose last request had 5 s: a silent server still gets 1 s */
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 5000, &rs, &e), TP_OK);
    t0 = tp_now_ms();
    CHECK_EQ_INT(req(h, NULL, "/bot" TOKEN "/slow", NULL, 1000, &rs, &e), TP_ERR_TIMEOUT);
    dt = tp_now_ms() - t0;
    CHECK(dt >= 950 && dt < 1400);
    tp_http_free(h);
    { /* the same on a connection that waits with poll() beside a stop pipe (the long polls) */
        tp_http_opts o;
        int pp[2];
        CHECK(pipe(pp) == 0);
        memset(&o, 0, sizeof o);
        o.url = s.url;
        o.timeout_ms = 5000;
        o.use_wake_fd = true;
        o.wake_fd = pp[0];
        h = tp_http_new(&o, NULL);
        t0 = tp_now_ms();
        CHECK_EQ_INT(req(h, NULL, "/trickle", NULL, 1000, &rs, &e), TP_ERR_TIMEOUT);
        dt = tp_now_ms() - t0;
        printf("the same with a stop pipe: gave up after %lld ms\n", (long long)dt);
        CHECK(dt >= 950 && dt < 1400);
        tp_http_free(h);
        close(pp[0]);
        close(pp[1]);
    }
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 7b. which Bot API calls are sent again after a kept-alive connection died ----------- */

/* The server reads the second request on the first connection and closes without a word; a
   getter is asked again on a new connection, anything else fails (it may have been done). */
TEST(test_retry_rule) {
    srv s;
    tp_bot *bot;
    tp_error e;
    tp_json_doc *doc = NULL;
    tp_send_message_args sm;
    memset(&sm, 0, sizeof sm);
    sm.chat_id = TP_CHAT(42);
    sm.text = "hi";

    srv_start(&s, b_drop_second);
    bot = bot_to(s.url, 3000);
    CHECK_EQ_INT(tp_call(bot, "getMe", NULL, NULL, &e), TP_OK);
    CHECK(tp_send_message(bot, &sm, NULL, &e) != TP_OK); /* read, then the close: not resent */
    CHECK(e.code == TP_ERR_CLOSED || e.code == TP_ERR_RESET);
    CHECK_EQ_INT(srv_get(&s, &s.requests), 2);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);
    CHECK_EQ_INT(tp_send_message(bot, &sm, NULL, &e), TP_OK); /* a new connection, normally */
    CHECK_EQ_INT(srv_get(&s, &s.requests), 3);
    tp_bot_free(bot);
    srv_stop(&s);
    CHECK_STR(s.hist[1].path, "/bot" TOKEN "/sendMessage");
    CHECK_STR(s.hist[2].path, "/bot" TOKEN "/sendMessage");
    srv_free(&s);

    srv_start(&s, b_drop_second);
    bot = bot_to(s.url, 3000);
    CHECK_EQ_INT(tp_call(bot, "getMe", NULL, NULL, &e), TP_OK);
    /* a POST (with a body), so that only the method's name makes it safe to send twice */
    CHECK_EQ_INT(tp_call(bot, "getMe", "{}", &doc, &e), TP_OK); /* resent once, transparently */
    CHECK_EQ_INT(tp_json_get_int(tp_result(doc), "id"), 1);
    tp_json_doc_free(doc);
    CHECK_EQ_INT(srv_get(&s, &s.requests), 3);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 2);
    tp_bot_free(bot);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 8. connection close, HTTP/1.0, read to EOF ------------------------------------------ */

TEST(test_connection_close) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);

    CHECK_EQ_INT(req(h, NULL, "/close", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "close");
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 2);

    CHECK_EQ_INT(req(h, NULL, "/http10", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "v1.0");
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 3);

    CHECK_EQ_INT(req(h, NULL, "/eof", NULL, 0, &rs, &e), TP_OK); /* neither length nor chunked */
    CHECK_EQ_INT(rs.status, 200);
    CHECK_STR(rs.body, "read to the end of the stream");
    CHECK_EQ_INT(rs.body_len, strlen("read to the end of the stream"));
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 4);

    /* HTTP/1.0 asking for keep-alive keeps the connection */
    CHECK_EQ_INT(req(h, NULL, "/ka10", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "ka10");
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "hello");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 4);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
}

/* ---- 9. malformed answers ------------------------------------------------------------------ */

TEST(test_malformed) {
    static const char *const bad[] = {"/bad-status", "/bad-version", "/no-colon", "/two-cl",
                                      "/bad-cl",     "/bad-te",      "/bad-chunk"};
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    size_t i;
    int variant;
    int64_t t0;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tp_err rc = req(h, NULL, bad[i], NULL, 0, &rs, &e);
        if (rc != TP_ERR_HTTP_PROTOCOL) fprintf(stderr, "  %s: %s\n", bad[i], e.message);
        CHECK_EQ_INT(rc, TP_ERR_HTTP_PROTOCOL);
        CHECK_EQ_INT(e.code, TP_ERR_HTTP_PROTOCOL);
    }
    CHECK_EQ_INT(req(h, NULL, "/same-cl", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "hello");
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);

    /* not an HTTP server at all */
    for (variant = 0; variant < 3; variant++) {
        tp_err rc;
        srv_start_with(&s, b_banner, variant);
        h = http_to(s.url, 0, 0, 5000);
        t0 = tp_now_ms();
        rc = req(h, NULL, "/", NULL, 1500, &rs, &e);
        if (rc != TP_ERR_HTTP_PROTOCOL)
            fprintf(stderr, "  banner variant %d: %s (%s)\n", variant, tp_strerror(rc), e.message);
        CHECK_EQ_INT(rc, TP_ERR_HTTP_PROTOCOL);
        CHECK(tp_now_ms() - t0 < 1000); /* recognised at once, not at the deadline */
        tp_http_free(h);
        srv_stop(&s);
        srv_free(&s);
    }
}

/* ---- 10. connect errors, URLs, https --------------------------------------------------------- */

TEST(test_connect_and_urls) {
    static const char *const bad_urls[] = {"ftp://x", "http://", "http://h:99999", "http://h:0",
                                           "http://h:", "http://h:80x", "http://[::1",
                                           "127.0.0.1:80", "http://h x"};
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    char url[64];
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    tp_http *h;
    tp_http_opts o;
    tp_http_resp rs;
    tp_error e;
    tp_bot *bot;
    tp_bot_opts bo;
    size_t i;

    /* a port that is bound but not listening: connection refused */
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
          getsockname(fd, (struct sockaddr *)&a, &al) == 0);
    snprintf(url, sizeof url, "http://127.0.0.1:%d", ntohs(a.sin_port));
    h = http_to(url, 0, 0, 2000);
    CHECK_EQ_INT(req(h, NULL, "/", NULL, 0, &rs, &e), TP_ERR_CONNECT);
    CHECK_EQ_INT(e.code, TP_ERR_CONNECT);
    CHECK_EQ_INT(e.sys_errno, ECONNREFUSED);
    CHECK(strstr(e.message, "127.0.0.1") != NULL);
    tp_http_free(h);
    bot = bot_to(url, 2000);
    CHECK_EQ_INT(tp_get_me(bot, NULL, &e), TP_ERR_CONNECT);
    CHECK(strncmp(e.message, "getMe: ", 7) == 0);
    CHECK_NO_TOKEN(e);
    tp_bot_free(bot);
    close(fd);

    for (i = 0; i < sizeof bad_urls / sizeof bad_urls[0]; i++) {
        memset(&o, 0, sizeof o);
        o.url = bad_urls[i];
        memset(&e, 0, sizeof e);
        h = tp_http_new(&o, &e);
        if (h) fprintf(stderr, "  accepted bad URL %s\n", bad_urls[i]);
        CHECK(h == NULL);
        CHECK_EQ_INT(e.code, TP_ERR_URL);
        tp_http_free(h);
    }
    memset(&o, 0, sizeof o);
    o.url = NULL;
    CHECK(tp_http_new(&o, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_URL);
    /* good ones, not contacted */
    o.url = "http://[::1]:8081/some/path";
    h = tp_http_new(&o, &e);
    CHECK(h != NULL);
    tp_http_free(h);
    o.url = "HTTP://localhost";
    h = tp_http_new(&o, &e);
    CHECK(h != NULL);
    tp_http_free(h);

    /* https:// in a build without TELEPOT_BEARSSL */
    o.url = "https://api.telegram.org";
    CHECK(tp_http_new(&o, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_TLS_DISABLED);
    CHECK(strstr(e.message, "TELEPOT_BEARSSL") != NULL);
    memset(&bo, 0, sizeof bo);
    bo.token = TOKEN;
    bo.api_url = "https://127.0.0.1:8443";
    CHECK(tp_bot_new(&bo, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_TLS_DISABLED);
    CHECK(strstr(e.message, "TELEPOT_BEARSSL") != NULL);
    CHECK_NO_TOKEN(e);
    bo.api_url = "ftp://x";
    CHECK(tp_bot_new(&bo, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_URL);
    CHECK_NO_TOKEN(e);
}

/* ---- 11. multipart uploads ------------------------------------------------------------------- */

typedef struct pipe_writer {
    int fd;
    const char *data;
    size_t len;
} pipe_writer;

static void *pipe_writer_main(void *arg) {
    pipe_writer *w = (pipe_writer *)arg;
    (void)write_file(w->fd, w->data, w->len);
    close(w->fd);
    return NULL;
}

/* Appends one part the way RFC 7578 frames it. */
static void mp_part(tp_buf *b, const char *boundary, bool first, const char *disp,
                    const char *ctype, const char *data, size_t len) {
    tp_buf_printf(b, "%s--%s\r\nContent-Disposition: form-data; %s\r\n", first ? "" : "\r\n",
                  boundary, disp);
    if (ctype) tp_buf_printf(b, "Content-Type: %s\r\n", ctype);
    tp_buf_puts(b, "\r\n");
    tp_buf_append(b, data, len);
}

/* The boundary of a request head's multipart Content-Type, or "". */
static void boundary_of(const char *head, char *out, size_t cap) {
    char v[256];
    const char *b;
    out[0] = '\0';
    if (hdr_get(head, "Content-Type", v, sizeof v) &&
        strncmp(v, "multipart/form-data; boundary=", 30) == 0) {
        b = v + 30;
        snprintf(out, cap, "%.150s", b); /* boundaries are at most 70 bytes */
    }
}

TEST(test_multipart) {
    srv s;
    tp_http *h;
    tp_http_req r;
    tp_http_resp rs;
    tp_error e;
    tp_http_part parts[5];
    size_t file_len = 300000, pipe_len = 100000, mem_len = 1000, i;
    char *file_data = pattern(file_len), *pipe_data = pattern(pipe_len);
    char mem[1000], v[256], bnd[200], bnd2[200];
    int fd = temp_fd(), pfd[2];
    pthread_t writer;
    pipe_writer pw;
    tp_buf want;
    const char *caption = "a \"quoted\" caption";

    for (i = 0; i < pipe_len; i++) pipe_data[i] = (char)(pipe_data[i] ^ 0x5a); /* not the file's bytes */
    for (i = 0; i < mem_len; i++) mem[i] = (char)(i % 7 == 0 ? '\r' : i % 7 == 1 ? '\n' : (int)i);
    CHECK(write_file(fd, file_data, file_len));
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(pipe(pfd) == 0);
    pw.fd = pfd[1];
    pw.data = pipe_data;
    pw.len = pipe_len;
    CHECK(pthread_create(&writer, NULL, pipe_writer_main, &pw) == 0);

    memset(parts, 0, sizeof parts);
    parts[0].name = "chat_id"; /* a plain field; len 0 means strlen */
    parts[0].data = "42";
    parts[0].fd = -1;
    parts[1].name = "caption"; /* a plain field with a type */
    parts[1].data = caption;
    parts[1].content_type = "text/plain; charset=utf-8";
    parts[1].fd = -1;
    parts[2].name = "thumb"; /* a file from memory, binary, default type */
    parts[2].filename = "mem.bin";
    parts[2].data = mem;
    parts[2].len = mem_len;
    parts[2].fd = -1;
    parts[3].name = "document"; /* a regular file: streamed */
    parts[3].filename = "file\"name.txt";
    parts[3].content_type = "text/plain";
    parts[3].fd = fd;
    parts[4].name = "voice"; /* a pipe: read up front */
    parts[4].filename = "pipe.ogg";
    parts[4].content_type = "audio/ogg";
    parts[4].fd = pfd[0];

    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 10000);
    memset(&r, 0, sizeof r);
    r.path = "/upload";
    r.parts = parts;
    r.nparts = 5;
    CHECK_EQ_INT(tp_http_request(h, &r, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 200);
    pthread_join(writer, NULL);
    close(pfd[0]);
    CHECK(lseek(fd, 0, SEEK_CUR) == 0); /* the file offset was not moved */
    /* the framing was exact: the next request on the connection parses */
    CHECK_EQ_INT(req(h, NULL, "/next", NULL, 0, &rs, &e), TP_OK);
    CHECK_STR(rs.body, "next");

    /* a regular file is streamed from its current offset */
    CHECK(lseek(fd, 1000, SEEK_SET) == 1000);
    r.parts = &parts[3];
    r.nparts = 1;
    CHECK_EQ_INT(tp_http_request(h, &r, &rs, &e), TP_OK);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);

    { /* a pipe whose writer stalls (open, silent): the request's deadline still holds */
        int sp[2];
        tp_http_part stall;
        int64_t t0;
        CHECK(pipe(sp) == 0);
        CHECK(write(sp[1], "abc", 3) == 3);
        memset(&stall, 0, sizeof stall);
        stall.name = "voice";
        stall.filename = "stall.ogg";
        stall.fd = sp[0];
        r.parts = &stall;
        r.nparts = 1;
        r.timeout_ms = 300;
        t0 = tp_now_ms();
        CHECK_EQ_INT(tp_http_request(h, &r, &rs, &e), TP_ERR_TIMEOUT);
        CHECK(tp_now_ms() - t0 < 2000);
        CHECK(strstr(e.message, "from a pipe timed out") != NULL);
        stall.fd = sp[1]; /* the wrong end: an error at once, not a wait for the deadline */
        r.timeout_ms = 5000;
        t0 = tp_now_ms();
        CHECK_EQ_INT(tp_http_request(h, &r, &rs, &e), TP_ERR_FILE);
        CHECK(tp_now_ms() - t0 < 1000);
        CHECK_EQ_INT(e.sys_errno, EBADF);
        r.timeout_ms = 0;
        close(sp[0]);
        close(sp[1]);
    }
    tp_http_free(h);
    srv_stop(&s);

    /* the first upload, byte for byte */
    CHECK_STR(s.hist[0].method, "POST");
    boundary_of(s.hist[0].head, bnd, sizeof bnd);
    CHECK(strlen(bnd) >= 16);
    tp_buf_init(&want);
    mp_part(&want, bnd, true, "name=\"chat_id\"", NULL, "42", 2);
    mp_part(&want, bnd, false, "name=\"caption\"", "text/plain; charset=utf-8", caption,
            strlen(caption));
    mp_part(&want, bnd, false, "name=\"thumb\"; filename=\"mem.bin\"", "application/octet-stream",
            mem, mem_len);
    mp_part(&want, bnd, false, "name=\"document\"; filename=\"file%22name.txt\"", "text/plain",
            file_data, file_len);
    mp_part(&want, bnd, false, "name=\"voice\"; filename=\"pipe.ogg\"", "audio/ogg", pipe_data,
            pipe_len);
    tp_buf_printf(&want, "\r\n--%s--\r\n", bnd);
    CHECK(want.err == TP_OK);
    CHECK(hdr_get(s.hist[0].head, "Content-Length", v, sizeof v));
    CHECK_EQ_INT(strtoul(v, NULL, 10), want.len);
    CHECK_EQ_INT(s.hist[0].body_len, want.len);
    CHECK(s.hist[0].body_len == want.len && memcmp(s.hist[0].body, want.ptr, want.len) == 0);
    CHECK_STR(s.hist[1].method, "GET");
    CHECK_STR(s.hist[1].path, "/next");

    /* the second: the file from offset 1000, a new boundary */
    boundary_of(s.hist[2].head, bnd2, sizeof bnd2);
    CHECK(strcmp(bnd, bnd2) != 0);
    tp_buf_reset(&want);
    mp_part(&want, bnd2, true, "name=\"document\"; filename=\"file%22name.txt\"", "text/plain",
            file_data + 1000, file_len - 1000);
    tp_buf_printf(&want, "\r\n--%s--\r\n", bnd2);
    CHECK(s.hist[2].body_len == want.len && memcmp(s.hist[2].body, want.ptr, want.len) == 0);
    CHECK_EQ_INT(s.requests, 3);
    tp_buf_deinit(&want);
    srv_free(&s);
    close(fd);
    free(file_data);
    free(pipe_data);
}

/* ---- 12. streamed downloads --------------------------------------------------------------- */

static bool file_is_pattern(int fd, size_t n) {
    size_t got, i;
    char *p = file_content(fd, &got);
    bool ok = p && got == n;
    for (i = 0; ok && i < n; i++) ok = (unsigned char)p[i] == pat(i);
    free(p);
    return ok;
}

TEST(test_download_to_fd) {
    srv s;
    tp_http *h;
    tp_http_req r;
    tp_http_resp rs;
    tp_error e;
    int fd1 = temp_fd(), fd2 = temp_fd(), fd3 = temp_fd();
    struct stat st;
    srv_start(&s, b_router);
    h = http_to(s.url, 0, (size_t)1 << 20, 20000); /* 1 MiB in memory */

    memset(&r, 0, sizeof r);
    r.path = "/big";
    r.to_fd = true;
    r.out_fd = fd1;
    CHECK_EQ_INT(tp_http_request(h, &r, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 200);
    CHECK_EQ_INT(rs.body_len, BIG_SIZE);
    CHECK_STR(rs.content_type, "application/octet-stream");
    CHECK(file_is_pattern(fd1, BIG_SIZE));

    r.path = "/big-chunked";
    r.out_fd = fd2;
    CHECK_EQ_INT(tp_http_request(h, &r, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.body_len, BIG_SIZE);
    CHECK(file_is_pattern(fd2, BIG_SIZE));

    /* an error status stays in memory, the file is untouched */
    r.path = "/missing";
    r.out_fd = fd3;
    CHECK_EQ_INT(tp_http_request(h, &r, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 404);
    CHECK_STR(rs.body, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    CHECK_EQ_INT(rs.body_len, strlen(rs.body));
    CHECK(fstat(fd3, &st) == 0 && st.st_size == 0);
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);

    /* without to_fd the 1 MiB limit applies */
    CHECK_EQ_INT(req(h, NULL, "/big", NULL, 0, &rs, &e), TP_ERR_HTTP_BODY_TOO_LARGE);
    CHECK_EQ_INT(req(h, NULL, "/small", NULL, 0, &rs, &e), TP_OK);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
    close(fd1);
    close(fd2);
    close(fd3);
}

/* ---- 13. API level ------------------------------------------------------------------------- */

TEST(test_api_errors) {
    srv s;
    tp_bot *bot;
    tp_error e;
    tp_json_doc *doc = NULL;
    tp_send_message_args sm;
    int64_t t0;
    int fd = temp_fd();
    size_t n;
    char *got;
    srv_start(&s, b_router);
    bot = bot_to(s.url, 1000);
    log_lines = log_token_seen = 0;

    CHECK_EQ_INT(tp_call(bot, "getMe", NULL, &doc, &e), TP_OK);
    CHECK_EQ_INT(tp_json_get_int(tp_result(doc), "id"), 1);
    tp_json_doc_free(doc);
    memset(&sm, 0, sizeof sm);
    sm.chat_id = TP_CHAT(42);
    sm.text = "hi";
    CHECK_EQ_INT(tp_send_message(bot, &sm, NULL, &e), TP_OK);

    memset(&e, 0, sizeof e);
    CHECK_EQ_INT(tp_call(bot, "rateLimited", NULL, &doc, &e), TP_ERR_API);
    CHECK(doc == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_API);
    CHECK_EQ_INT(e.http_status, 429);
    CHECK_EQ_INT(e.error_code, 429);
    CHECK_EQ_INT(e.retry_after, 7);
    CHECK_STR(e.description, "Too Many Requests: retry after 7");
    CHECK(strstr(e.message, "rateLimited") != NULL);
    CHECK_NO_TOKEN(e);

    CHECK_EQ_INT(tp_call(bot, "badGateway", NULL, &doc, &e), TP_ERR_NOT_JSON);
    CHECK_EQ_INT(e.http_status, 502);
    CHECK(strstr(e.message, "text/html") != NULL);
    CHECK_NO_TOKEN(e);

    CHECK_EQ_INT(tp_call(bot, "noOk", "{}", &doc, &e), TP_ERR_BAD_RESPONSE);
    CHECK_EQ_INT(e.http_status, 200);
    CHECK_NO_TOKEN(e);
    CHECK_EQ_INT(tp_call(bot, "okNoResult", NULL, &doc, &e), TP_ERR_BAD_RESPONSE);
    CHECK_NO_TOKEN(e);

    CHECK_EQ_INT(tp_call(bot, "migrate", NULL, &doc, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 400);
    CHECK(e.migrate_to_chat_id == INT64_C(-1009007199254740993)); /* beyond 2^53, exact */
    CHECK_NO_TOKEN(e);

    /* the server echoes the request path (with the token) in its description */
    CHECK_EQ_INT(tp_call(bot, "echoPath", NULL, &doc, &e), TP_ERR_API);
    CHECK_EQ_INT(e.error_code, 404);
    CHECK_STR(e.description, "Not Found: /bot" TOKEN_MASK "/echoPath");
    CHECK(strstr(e.message, "/bot" TOKEN_MASK "/echoPath") != NULL);
    CHECK_NO_TOKEN(e);

    /* ... where the 255-byte fields cut it: no part of the token may survive */
    CHECK_EQ_INT(tp_call(bot, "longEcho", NULL, &doc, &e), TP_ERR_API);
    CHECK_NO_TOKEN(e);
    CHECK(strstr(e.description, "SECRETTOK") == NULL);
    CHECK_EQ_INT(tp_call(bot, "msgEcho", NULL, &doc, &e), TP_ERR_API);
    CHECK_NO_TOKEN(e);
    CHECK(strstr(e.message, "SECRETTOK") == NULL);

    /* ... or into the Content-Type of an error page */
    CHECK_EQ_INT(tp_call(bot, "ctypeEcho", NULL, &doc, &e), TP_ERR_NOT_JSON);
    CHECK_EQ_INT(e.http_status, 502);
    CHECK_NO_TOKEN(e);

    /* a transport error: the method in front, no token */
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_call(bot, "slow", NULL, &doc, &e), TP_ERR_TIMEOUT);
    CHECK(tp_now_ms() - t0 < 3000);
    CHECK(strncmp(e.message, "slow: ", 6) == 0);
    CHECK_NO_TOKEN(e);

    /* downloads: getFile, then /file/bot<token>/<path, percent-encoded> streamed to fd */
    CHECK_EQ_INT(tp_download_file(bot, "F", fd, &e), TP_OK);
    got = file_content(fd, &n);
    CHECK(got && n == 11 && memcmp(got, "hello world", 11) == 0);
    free(got);
    CHECK_EQ_INT(tp_download_file(bot, "gone", fd, &e), TP_ERR_HTTP_STATUS);
    CHECK_EQ_INT(e.http_status, 404);
    CHECK_NO_TOKEN(e);
    { /* into a pipe nobody reads: TP_ERR_FILE with EPIPE, not death by SIGPIPE (left at its
         default in this test), and no SIGPIPE left pending for the program either */
        int pp[2];
        sigset_t pend;
        CHECK(pipe(pp) == 0);
        close(pp[0]);
        CHECK_EQ_INT(tp_download_file(bot, "F", pp[1], &e), TP_ERR_FILE);
        CHECK_EQ_INT(e.sys_errno, EPIPE);
        CHECK_NO_TOKEN(e);
        CHECK(sigpending(&pend) == 0 && !sigismember(&pend, SIGPIPE));
        close(pp[1]);
    }

    CHECK(log_lines > 0);
    CHECK_EQ_INT(log_token_seen, 0);
    tp_bot_free(bot);
    srv_stop(&s);
    CHECK_STR(s.hist[0].path, "/bot" TOKEN "/getMe");
    CHECK_STR(s.hist[0].method, "GET");
    CHECK_STR(s.hist[1].path, "/bot" TOKEN "/sendMessage");
    CHECK_STR(s.hist[1].method, "POST");
    CHECK_STR(s.hist[1].body, "{\"chat_id\":42,\"text\":\"hi\"}");
    CHECK_STR(s.hist[4].body, "{}");
    srv_free(&s);
    close(fd);
}

/* ---- 14. stopping a long poll ------------------------------------------------------------- */

static int64_t poll_ids[8];
static int poll_n;

static void on_update(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    if (poll_n < 8) poll_ids[poll_n] = u->update_id;
    poll_n++;
}

typedef struct stopper {
    srv *s;
    tp_bot *bot;
    bool saw_hold;
    int64_t at;
} stopper;

static void *stopper_main(void *arg) {
    stopper *st = (stopper *)arg;
    st->saw_hold = srv_wait_for(st->s, &st->s->holding, 1, 10000);
    sleep_us(50000); /* let the poll settle in its wait */
    st->at = tp_now_ms();
    tp_bot_stop(st->bot);
    return NULL;
}

TEST(test_poll_stop) {
    srv s;
    tp_bot *bot;
    tp_error e;
    tp_poll_opts po;
    pthread_t th;
    stopper st;
    tp_err rc;
    int64_t end;
    srv_start(&s, b_router);
    bot = bot_to(s.url, 5000);
    log_lines = log_token_seen = 0;
    poll_n = 0;
    memset(&po, 0, sizeof po);
    po.timeout_s = 5;
    st.s = &s;
    st.bot = bot;
    st.saw_hold = false;
    st.at = 0;
    CHECK(pthread_create(&th, NULL, stopper_main, &st) == 0);
    memset(&e, 0, sizeof e);
    rc = tp_poll_run(bot, on_update, NULL, &po, &e);
    end = tp_now_ms();
    pthread_join(th, NULL);
    CHECK_EQ_INT(rc, TP_OK);
    CHECK_EQ_INT(e.code, TP_OK);
    CHECK(st.saw_hold);
    CHECK(end - st.at < 1500); /* promptly: not at the 5 s long-poll timeout */
    CHECK(tp_bot_stopped(bot));
    CHECK_EQ_INT(poll_n, 2);
    CHECK_EQ_INT(poll_ids[0], 100);
    CHECK_EQ_INT(poll_ids[1], 101);
    CHECK_NO_TOKEN(e);
    CHECK_EQ_INT(log_token_seen, 0);
    tp_bot_free(bot);
    srv_stop(&s);
    CHECK_EQ_INT(s.requests, 3);
    CHECK_STR(s.hist[0].path, "/bot" TOKEN "/getUpdates");
    CHECK(strstr(s.hist[0].body, "\"offset\"") == NULL);
    CHECK(strstr(s.hist[0].body, "\"timeout\":5") != NULL);
    CHECK(strstr(s.hist[1].body, "\"offset\":102") != NULL); /* the held long poll */
    CHECK(strstr(s.hist[1].body, "\"timeout\":5") != NULL);
    /* the confirmation sent after the stop */
    CHECK_STR(s.last.path, "/bot" TOKEN "/getUpdates");
    CHECK_STR(s.last.body, "{\"offset\":102,\"limit\":1,\"timeout\":0}");
    srv_free(&s);
}

/* ---- 15. no allocation per request once warm ------------------------------------------------ */

TEST(test_no_alloc_when_warm) {
    srv s;
    tp_http *h;
    tp_http_resp rs;
    tp_error e;
    unsigned long before;
    int i, failures = 0;
    const char *body = "{\"chat_id\":42,\"text\":\"a message of some ordinary length\"}";
    srv_start(&s, b_router);
    h = http_to(s.url, 0, 0, 5000);
    for (i = 0; i < 3; i++) { /* warm-up */
        req(h, NULL, "/small", NULL, 0, &rs, &e);
        req(h, NULL, "/echo", body, 0, &rs, &e);
    }
    before = tpt_allocs;
    for (i = 0; i < 100; i++) {
        tp_err rc = i % 2 ? req(h, NULL, "/small", NULL, 0, &rs, &e)
                          : req(h, NULL, "/echo", body, 0, &rs, &e);
        if (rc != TP_OK || rs.status != 200) failures++;
    }
    CHECK_EQ_INT(tpt_allocs - before, 0);
    CHECK_EQ_INT(failures, 0);
    CHECK_STR(rs.body, "hello");
    CHECK_EQ_INT(srv_get(&s, &s.accepts), 1);
    CHECK_EQ_INT(srv_get(&s, &s.requests), 106);
    tp_http_free(h);
    srv_stop(&s);
    srv_free(&s);
}

int main(int argc, char **argv) {
    int64_t t0 = tp_now_ms();
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    if (PICK(test_content_length)) RUN(test_content_length);
    if (PICK(test_chunked_and_split)) RUN(test_chunked_and_split);
    if (PICK(test_chunk_framing)) RUN(test_chunk_framing);
    if (PICK(test_truncated)) RUN(test_truncated);
    if (PICK(test_reset)) RUN(test_reset);
    if (PICK(test_timeout)) RUN(test_timeout);
    if (PICK(test_trickle_deadline)) RUN(test_trickle_deadline);
    if (PICK(test_limits)) RUN(test_limits);
    if (PICK(test_keep_alive)) RUN(test_keep_alive);
    if (PICK(test_retry_rule)) RUN(test_retry_rule);
    if (PICK(test_connection_close)) RUN(test_connection_close);
    if (PICK(test_malformed)) RUN(test_malformed);
    if (PICK(test_connect_and_urls)) RUN(test_connect_and_urls);
    if (PICK(test_multipart)) RUN(test_multipart);
    if (PICK(test_download_to_fd)) RUN(test_download_to_fd);
    if (PICK(test_api_errors)) RUN(test_api_errors);
    if (PICK(test_poll_stop)) RUN(test_poll_stop);
    if (PICK(test_no_alloc_when_warm)) RUN(test_no_alloc_when_warm);
    fprintf(stderr, "test_http: %lld ms\n", (long long)(tp_now_ms() - t0));
    TEST_END();
}

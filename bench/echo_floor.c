/* bench/echo_floor.c - the least an echo bot can do: the floor for examples/echo.

   Usage: TELEPOT_API_URL=http://127.0.0.1:PORT TELEGRAM_BOT_TOKEN=T echo_floor [pipeline]

   Raw blocking socket, one kept-alive connection, no JSON library. It long-polls getUpdates
   with an offset exactly like a bot does, finds update_id, message.chat.id and message.text by
   strstr-level scanning, and answers each text with sendMessage, copying the text as it came
   (still JSON-escaped: it never needs unescaping). Plain http:// only, Content-Length bodies
   only. It exits 0 when the server goes away (the emulator exits when all are answered) and
   prints "echo_floor: updates=N replies=R" to stderr.

   Default: strictly sequential, one request, then its answer. "pipeline": the sendMessage of a
   whole batch go out in one write and their answers are read after (HTTP/1.1 pipelining on
   the one connection, so each chat's replies stay in order): one round trip per batch instead
   of one per update, the floor of a bot when every request takes a while. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static int fd = -1;
static char host[256], port[16];
static const char *token;
static char *rbuf; /* response bytes [0, rlen); the current answer ends at rpos */
static size_t rlen, rcap, rpos;
static char rsaved; /* the byte the current answer's NUL terminator covers */
static char req[1 << 16];
static char *batch; /* pipeline: the batch's requests */
static size_t blen, bcap;

static int connect_server(void) {
    struct addrinfo hints, *res, *ai;
    int one = 1;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0) return -1;
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) break;
        if (fd >= 0) close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) return -1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return 0;
}

/* Formats a POST with a JSON body into req; returns its length, 0 if it does not fit. */
static size_t format(const char *method, const char *json, size_t jlen) {
    int n = snprintf(req, sizeof req,
                     "POST /bot%s/%s HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\n\r\n",
                     token, method, host, port, jlen);
    if (n < 0 || (size_t)n + jlen > sizeof req) return 0;
    memcpy(req + n, json, jlen);
    return (size_t)n + jlen;
}

static int send_all(const char *p, size_t n) {
    if (fd < 0 && connect_server() != 0) return -1;
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads the next answer; its body is at *body (NUL-terminated) until the next read. Bytes of
   later answers stay in the buffer. -1: the server is gone. */
static int read_answer(char **body) {
    size_t total = 0, hl = 0;
    if (rpos) { /* drop the previous answer, give back the byte its NUL covered */
        rbuf[rpos] = rsaved;
        memmove(rbuf, rbuf + rpos, rlen - rpos);
        rlen -= rpos;
        rpos = 0;
        rbuf[rlen] = 0;
    }
    for (;;) {
        ssize_t r;
        if (!total && rlen) {
            char *e = strstr(rbuf, "\r\n\r\n"), *cl;
            if (e) {
                hl = (size_t)(e + 4 - rbuf);
                for (cl = rbuf; cl && cl < e; cl = strchr(cl, '\n'))
                    if (strncasecmp(++cl, "Content-Length:", 15) == 0) break;
                if (!cl || cl >= e) {
                    fprintf(stderr, "echo_floor: an answer without Content-Length\n");
                    exit(1);
                }
                total = hl + strtoul(cl + 15, NULL, 10);
            }
        }
        if (total && rlen >= total) break;
        if (rcap - rlen < 65536) {
            rcap = rcap ? rcap * 2 : 1 << 17;
            rbuf = realloc(rbuf, rcap);
            if (!rbuf) return -1;
        }
        r = read(fd, rbuf + rlen, rcap - rlen - 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        rlen += (size_t)r;
        rbuf[rlen] = 0;
    }
    rpos = total;
    rsaved = rbuf[total];
    rbuf[total] = 0;
    *body = rbuf + hl;
    return 0;
}

/* POSTs a JSON body and reads its answer (see read_answer). -1: the server is gone. */
static int call(const char *method, const char *json, size_t jlen, char **body) {
    size_t n = format(method, json, jlen);
    if (!n || send_all(req, n) != 0) return -1;
    return read_answer(body);
}

/* pipeline: queues a POST in the batch */
static int queue(const char *method, const char *json, size_t jlen) {
    size_t n = format(method, json, jlen);
    if (!n) return -1;
    if (blen + n > bcap) {
        bcap = (blen + n) * 2;
        batch = realloc(batch, bcap);
        if (!batch) return -1;
    }
    memcpy(batch + blen, req, n);
    blen += n;
    return 0;
}

int main(int argc, char **argv) {
    const char *url = getenv("TELEPOT_API_URL"), *p, *c;
    char *body, params[128], msg[16384];
    int64_t offset = 0;
    long updates = 0, replies = 0, queued;
    int pipeline = argc > 1 && strcmp(argv[1], "pipeline") == 0;
    token = getenv("TELEGRAM_BOT_TOKEN");
    if (!token) token = "123456:TEST";
    if (!url || strncmp(url, "http://", 7) != 0) {
        fprintf(stderr, "echo_floor: set TELEPOT_API_URL=http://host:port\n");
        return 2;
    }
    p = url + 7;
    c = strchr(p, ':');
    if (!c || (size_t)(c - p) >= sizeof host) return 2;
    memcpy(host, p, (size_t)(c - p));
    snprintf(port, sizeof port, "%.*s", (int)strcspn(c + 1, "/"), c + 1);
    for (;;) {
        int n = offset ? snprintf(params, sizeof params, "{\"offset\":%lld,\"limit\":100,\"timeout\":30}",
                                  (long long)offset)
                       : snprintf(params, sizeof params, "{\"limit\":100,\"timeout\":30}");
        char *u, *next;
        if (call("getUpdates", params, (size_t)n, &body) != 0) break;
        if (!strstr(body, "\"ok\":true")) {
            fprintf(stderr, "echo_floor: getUpdates failed: %.200s\n", body);
            return 1;
        }
        /* the answer is overwritten by sendMessage: keep this one */
        char *list = strdup(body);
        queued = 0;
        blen = 0;
        for (u = strstr(list, "\"update_id\":"); u; u = next) {
            long long uid = strtoll(u + 12, NULL, 10);
            char *m, *ch, *id, *t, *e;
            next = strstr(u + 12, "\"update_id\":");
            if (next) *next = 0; /* scan this update only */
            updates++;
            offset = uid + 1;
            if ((m = strstr(u, "\"message\":")) != NULL && (ch = strstr(m, "\"chat\":")) != NULL &&
                (id = strstr(ch, "\"id\":")) != NULL && (t = strstr(m, "\"text\":\"")) != NULL) {
                long long chat = strtoll(id + 5, NULL, 10);
                t += 8;
                for (e = t; *e && *e != '"'; e++)
                    if (*e == '\\' && e[1]) e++;
                n = snprintf(msg, sizeof msg, "{\"chat_id\":%lld,\"text\":\"%.*s\"}", chat, (int)(e - t), t);
                if (n > 0 && (size_t)n < sizeof msg) {
                    if (pipeline) {
                        if (queue("sendMessage", msg, (size_t)n) != 0) goto out;
                        queued++;
                    } else {
                        if (call("sendMessage", msg, (size_t)n, &body) != 0) goto out;
                        replies++;
                    }
                }
            }
            if (next) *next = '"';
        }
        free(list);
        if (queued && send_all(batch, blen) != 0) break; /* one write, then every answer */
        for (; queued > 0; queued--) {
            if (read_answer(&body) != 0) goto out;
            replies++;
        }
    }
out:
    fprintf(stderr, "echo_floor: updates=%ld replies=%ld\n", updates, replies);
    return 0;
}

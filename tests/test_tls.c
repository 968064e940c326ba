/* tests/test_tls.c - HTTPS through BearSSL against real TLS servers on loopback: `openssl
   s_server` processes for each certificate case (the PKI comes from tests/tls/make_certs.sh,
   generated into build/tls by this test), socat terminating TLS in front of a plain HTTP
   thread for keep-alive, and plain TCP threads for "no TLS here", silent servers and stops.
   Each failure case asserts its own error code. Build: -DTELEPOT_BEARSSL ... -lbearssl. */
#ifndef TELEPOT_BEARSSL
#define TELEPOT_BEARSSL
#endif
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"
#include "tp_test.h"
#include "tp_sock.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PKI "build/tls"

static void sleep_ms(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}


static int free_port(void) {
    int port, fd = listen_any(&port);
    close(fd);
    return port;
}

static bool port_open(int port) {
    struct sockaddr_in a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    bool ok;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons((uint16_t)port);
    ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
    close(fd);
    return ok;
}

/* Starts a program (argv, NULL-terminated) that listens on `port`; waits until it does. */
static pid_t spawn_listener(char **argv, int port) {
    int i;
    pid_t pid = fork();
    if (pid == 0) {
        int dn = open("/dev/null", O_RDWR);
        dup2(dn, 0);
        dup2(dn, 1);
        if (!getenv("TPT_VERBOSE")) dup2(dn, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    for (i = 0; i < 500; i++) {
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid) return -1;
        if (port_open(port)) return pid;
        sleep_ms(10);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return -1;
}

static void stop_pid(pid_t pid) {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
}

/* openssl s_server -www for certificate NAME (chain: extra certificates sent; tls13only). */
static pid_t s_server(const char *name, const char *chain, bool tls13only, int *port) {
    char accept[64], cert[128], key[128], chainp[128];
    char *argv[16];
    int n = 0, tries;
    pid_t pid = -1;
    snprintf(cert, sizeof cert, PKI "/%s.pem", name);
    snprintf(key, sizeof key, PKI "/%s.key", name);
    for (tries = 0; tries < 5 && pid < 0; tries++) {
        n = 0;
        *port = free_port();
        snprintf(accept, sizeof accept, "127.0.0.1:%d", *port);
        argv[n++] = (char *)"openssl";
        argv[n++] = (char *)"s_server";
        argv[n++] = (char *)"-accept";
        argv[n++] = accept;
        argv[n++] = (char *)"-cert";
        argv[n++] = cert;
        argv[n++] = (char *)"-key";
        argv[n++] = key;
        if (chain) {
            snprintf(chainp, sizeof chainp, PKI "/%s.pem", chain);
            argv[n++] = (char *)"-cert_chain";
            argv[n++] = chainp;
        }
        if (tls13only) argv[n++] = (char *)"-tls1_3";
        argv[n++] = (char *)"-www";
        argv[n++] = (char *)"-quiet";
        argv[n] = NULL;
        pid = spawn_listener(argv, *port);
    }
    if (pid < 0) {
        fprintf(stderr, "cannot start openssl s_server for %s\n", name);
        exit(2);
    }
    return pid;
}

static tp_http *client(int port, const char *ca, tp_error *err) {
    tp_http_opts o;
    char url[64];
    memset(&o, 0, sizeof o);
    snprintf(url, sizeof url, "https://localhost:%d", port);
    o.url = url;
    o.ca_file = ca;
    o.timeout_ms = 5000;
    o.no_env_proxy = true;
    return tp_http_new(&o, err);
}

#define SECRET_PATH "/bot123456:SECRETTOKEN/getMe"

/* One GET through a fresh client; returns the code, fills err. */
static tp_err get_once(int port, tp_error *err) {
    tp_http_req rq;
    tp_http_resp rs;
    tp_err rc;
    tp_http *h = client(port, PKI "/ca.pem", err);
    if (!h) return err->code;
    memset(&rq, 0, sizeof rq);
    rq.path = SECRET_PATH;
    rc = tp_http_request(h, &rq, &rs, err);
    if (rc == TP_OK && (rs.status != 200 || !strstr(rs.body, "s_server")))
        rc = TP_ERR_HTTP_STATUS;
    tp_http_free(h);
    return rc;
}

/* One certificate case against s_server. */
static void cert_case(const char *name, const char *chain, bool tls13, tp_err want) {
    tp_error e;
    int port;
    pid_t pid = s_server(name, chain, tls13, &port);
    tp_err rc = get_once(port, &e);
    if (rc != want) fprintf(stderr, "  case %s: got %d (%s), want %d\n", name, rc, e.message, want);
    CHECK_EQ_INT(rc, want);
    CHECK(strstr(e.message, "SECRET") == NULL);
    if (want != TP_OK) CHECK(e.message[0] != '\0');
    stop_pid(pid);
}

TEST(certificates) {
    cert_case("rsa", NULL, false, TP_OK);
    cert_case("ec", NULL, false, TP_OK);
    cert_case("chain", "inter", false, TP_OK);
    cert_case("chain", NULL, false, TP_ERR_TLS_CHAIN);
    cert_case("wrong", NULL, false, TP_ERR_TLS_HOSTNAME);
    cert_case("expired", NULL, false, TP_ERR_TLS_EXPIRED);
    cert_case("notyet", NULL, false, TP_ERR_TLS_NOT_YET_VALID);
    cert_case("self", NULL, false, TP_ERR_TLS_UNTRUSTED);
    cert_case("evil", "evilca", false, TP_ERR_TLS_UNTRUSTED);
    cert_case("evil", NULL, false, TP_ERR_TLS_CHAIN); /* cannot be told from a missing intermediate */
    cert_case("rsa", NULL, true, TP_ERR_TLS_VERSION);
}

/* s_server -www answers HTTP/1.0 and closes: every request reconnects, and resumes. */
TEST(session_resumption) {
    tp_error e;
    tp_http_req rq;
    tp_http_resp rs;
    int port, i;
    pid_t pid = s_server("ec", NULL, false, &port);
    tp_http *h = client(port, PKI "/ca.pem", &e);
    CHECK(h != NULL);
    if (!h) return;
    memset(&rq, 0, sizeof rq);
    rq.path = "/";
    for (i = 0; i < 3; i++) {
        CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_OK);
        CHECK_EQ_INT(rs.status, 200);
    }
    CHECK_EQ_INT(h->conn.tls->handshakes, 3);
    CHECK_EQ_INT(h->conn.tls->resumed, 2);
    tp_http_free(h);
    stop_pid(pid);
}

/* A bot's pool: its second connection borrows the first one's trust anchors and resumes the
   session the first one made (white-box: two connections taken from the pool at once). */
TEST(pool_shares_session) {
    tp_error e;
    tp_bot_opts o;
    tp_bot *bot;
    tp__line *a, *b;
    tp_http_req rq;
    tp_http_resp rs;
    char url[64];
    int port;
    pid_t pid = s_server("ec", NULL, false, &port);
    snprintf(url, sizeof url, "https://localhost:%d", port);
    memset(&o, 0, sizeof o);
    o.token = "123456:SECRETTOKEN";
    o.api_url = url;
    o.ca_file = PKI "/ca.pem";
    o.no_env_proxy = true;
    bot = tp_bot_new(&o, &e);
    CHECK(bot != NULL);
    if (!bot) return;
    a = tp__pool_take(bot, tp_now_ms() + 5000, &e);
    b = tp__pool_take(bot, tp_now_ms() + 5000, &e);
    CHECK(a && b && a != b);
    if (a && b) {
        memset(&rq, 0, sizeof rq);
        rq.path = "/";
        CHECK_EQ_INT(tp_http_request(a->http, &rq, &rs, &e), TP_OK);
        CHECK_EQ_INT(tp_http_request(b->http, &rq, &rs, &e), TP_OK);
        CHECK_EQ_INT(b->http->conn.tls->handshakes, 1);
        CHECK_EQ_INT(b->http->conn.tls->resumed, 1); /* a's session, not a full handshake */
        CHECK(b->http->conn.tls->tas == a->http->conn.tls->tas); /* one copy of the anchors */
    }
    if (b) tp__pool_give(bot, b); /* the first one ends up last in the idle list... */
    if (a) tp__pool_give(bot, a);
    { /* ...and a long poll makes one more clone: tp_bot_free must free the clones before the
         first connection, whose engine owns the session store they share (ASan) */
        tp_get_updates_args ga;
        memset(&ga, 0, sizeof ga);
        ga.timeout = 1;
        CHECK(tp_get_updates(bot, &ga, NULL, &e) != TP_OK); /* s_server answers HTML */
    }
    tp_bot_free(bot);
    stop_pid(pid);
}

TEST(trust_anchor_sources) {
    tp_error e;
    tp_http *h;
    int port;
    pid_t pid;
    h = client(443, "/nonexistent/ca.pem", &e);
    CHECK(h == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_TLS_CA);
    CHECK(strstr(e.message, "/nonexistent/ca.pem") != NULL);
    h = client(443, PKI "/ca.cnf", &e); /* a file without certificates */
    CHECK(h == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_TLS_CA);
    /* the environment: TELEPOT_CA_FILE, else SSL_CERT_FILE; the option wins over both */
    pid = s_server("rsa", NULL, false, &port);
    setenv("TELEPOT_CA_FILE", PKI "/ca.pem", 1);
    h = client(port, NULL, &e);
    CHECK(h != NULL);
    tp_http_free(h);
    CHECK_EQ_INT(get_once(port, &e), TP_OK);
    setenv("TELEPOT_CA_FILE", "/nonexistent/x.pem", 1);
    h = client(port, NULL, &e);
    CHECK(h == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_TLS_CA);
    CHECK(strstr(e.message, "TELEPOT_CA_FILE") != NULL);
    CHECK_EQ_INT(get_once(port, &e), TP_OK); /* the option */
    unsetenv("TELEPOT_CA_FILE");
    setenv("SSL_CERT_FILE", PKI "/evilca.pem", 1);
    {
        tp_http_req rq;
        tp_http_resp rs;
        h = client(port, NULL, &e);
        CHECK(h != NULL);
        memset(&rq, 0, sizeof rq);
        rq.path = "/";
        if (h) CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_ERR_TLS_CHAIN);
        tp_http_free(h);
    }
    unsetenv("SSL_CERT_FILE");
    /* through a bot: the reason in words, no token */
    {
        tp_bot_opts bo;
        tp_bot *b;
        char api[64];
        memset(&bo, 0, sizeof bo);
        snprintf(api, sizeof api, "https://localhost:%d", port);
        bo.token = "123:SECRETTOKEN";
        bo.api_url = api;
        bo.ca_file = PKI "/evilca.pem";
        bo.no_env_proxy = true;
        b = tp_bot_new(&bo, &e);
        CHECK(b != NULL);
        CHECK_EQ_INT(tp_get_me(b, NULL, &e), TP_ERR_TLS_CHAIN);
        CHECK(strstr(e.message, "SECRET") == NULL);
        CHECK(strstr(e.message, "intermediate") != NULL);
        CHECK_EQ_INT(e.sent, TP_NOT_SENT); /* the handshake failed: nothing left */
        CHECK_EQ_INT(e.attempts, 1);       /* a certificate does not change by itself */
        tp_bot_free(b);
    }
    stop_pid(pid);
    /* the bot takes the option too */
    {
        tp_bot_opts bo;
        tp_bot *b;
        memset(&bo, 0, sizeof bo);
        bo.token = "123:SECRETTOKEN";
        bo.api_url = "https://localhost:1";
        bo.ca_file = "/nonexistent/bot.pem";
        b = tp_bot_new(&bo, &e);
        CHECK(b == NULL);
        CHECK_EQ_INT(e.code, TP_ERR_TLS_CA);
        CHECK(strstr(e.message, "SECRET") == NULL);
    }
}

/* ---- plain TCP servers: an HTTP server where TLS was expected, a silent one --------------- */

typedef struct tcpsrv {
    int lfd, port, mode; /* 0: answer HTTP 400 to anything; 1: accept and stay silent; 2: close */
    pthread_t th;
} tcpsrv;

static void *tcpsrv_main(void *arg) {
    tcpsrv *s = (tcpsrv *)arg;
    int fd = accept(s->lfd, NULL, NULL);
    char buf[512];
    if (fd < 0) return NULL;
    if (s->mode == 0) {
        const char *r = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        if (recv(fd, buf, sizeof buf, 0) > 0 && write(fd, r, strlen(r)) < 0) perror("write");
    } else if (s->mode == 1) {
        while (recv(fd, buf, sizeof buf, 0) > 0) {
        }
    } else {
        if (recv(fd, buf, sizeof buf, 0) < 0) perror("recv");
    }
    close(fd);
    return NULL;
}

static void tcpsrv_start(tcpsrv *s, int mode) {
    s->mode = mode;
    s->lfd = listen_any(&s->port);
    pthread_create(&s->th, NULL, tcpsrv_main, s);
}
static void tcpsrv_stop(tcpsrv *s) {
    shutdown(s->lfd, SHUT_RDWR);
    pthread_join(s->th, NULL);
    close(s->lfd);
}

TEST(not_tls_and_deadlines) {
    tcpsrv s;
    tp_error e;
    tp_http *h;
    tp_http_req rq;
    tp_http_resp rs;
    int64_t t0;
    int wp[2];
    memset(&rq, 0, sizeof rq);
    rq.path = SECRET_PATH;

    tcpsrv_start(&s, 0);
    CHECK_EQ_INT(get_once(s.port, &e), TP_ERR_TLS_NOT_TLS);
    CHECK(strstr(e.message, "plain text") != NULL);
    tcpsrv_stop(&s);

    tcpsrv_start(&s, 2);
    CHECK_EQ_INT(get_once(s.port, &e), TP_ERR_TLS_NOT_TLS);
    tcpsrv_stop(&s);

    /* a server that never answers the hello: the request's deadline holds */
    tcpsrv_start(&s, 1);
    h = client(s.port, PKI "/ca.pem", &e);
    rq.timeout_ms = 300;
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_ERR_TIMEOUT);
    CHECK(tp_now_ms() - t0 < 2000);
    tp_http_free(h);
    tcpsrv_stop(&s);

    /* the wake fd cuts a handshake short */
    tcpsrv_start(&s, 1);
    CHECK(pipe(wp) == 0);
    {
        tp_http_opts o;
        char url[64];
        memset(&o, 0, sizeof o);
        snprintf(url, sizeof url, "https://localhost:%d", s.port);
        o.url = url;
        o.ca_file = PKI "/ca.pem";
        o.use_wake_fd = true;
        o.wake_fd = wp[0];
        o.no_env_proxy = true;
        h = tp_http_new(&o, &e);
    }
    CHECK(write(wp[1], "x", 1) == 1);
    rq.timeout_ms = 5000;
    t0 = tp_now_ms();
    CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_ERR_STOPPED);
    CHECK(tp_now_ms() - t0 < 1000);
    tp_http_free(h);
    close(wp[0]);
    close(wp[1]);
    tcpsrv_stop(&s);
}

/* ---- keep-alive through socat (TLS) in front of a plain HTTP/1.1 thread ------------------- */

typedef struct kasrv {
    int lfd, port, conns, reqs;
    pthread_t th;
} kasrv;

static char *find_crlf2(char *p, size_t n) {
    size_t i;
    for (i = 0; i + 4 <= n; i++)
        if (memcmp(p + i, "\r\n\r\n", 4) == 0) return p + i;
    return NULL;
}

/* Serves keep-alive requests: GET /big?N answers N bytes; POST echoes the body length. */
static void *kasrv_main(void *arg) {
    kasrv *s = (kasrv *)arg;
    for (;;) {
        int fd = accept(s->lfd, NULL, NULL);
        char *buf;
        size_t len = 0, cap = 1 << 21;
        if (fd < 0) return NULL;
        s->conns++;
        buf = (char *)malloc(cap);
        for (;;) {
            char *he = NULL, head[256];
            size_t clen = 0, need;
            const char *cl;
            ssize_t r;
            while (!(he = find_crlf2(buf, len))) {
                r = recv(fd, buf + len, cap - len, 0);
                if (r <= 0) goto done;
                len += (size_t)r;
            }
            buf[len < cap ? len : cap - 1] = '\0';
            cl = strstr(buf, "Content-Length: ");
            if (cl && cl < he) clen = (size_t)atol(cl + 16);
            need = (size_t)(he + 4 - buf) + clen;
            while (len < need) {
                r = recv(fd, buf + len, cap - len, 0);
                if (r <= 0) goto done;
                len += (size_t)r;
            }
            s->reqs++;
            if (strncmp(buf, "GET /big?", 9) == 0) {
                size_t n = (size_t)atol(buf + 9), i;
                char *body = (char *)malloc(n + 1);
                int hl;
                for (i = 0; i < n; i++) body[i] = (char)('a' + i % 26);
                hl = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n", n);
                if (write(fd, head, (size_t)hl) < 0 || write(fd, body, n) < 0) perror("write");
                free(body);
            } else {
                char b[64];
                int bl = snprintf(b, sizeof b, "{\"got\":%zu}", clen);
                int hl = snprintf(head, sizeof head,
                                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Content-Length: %d\r\n\r\n%s", bl, b);
                if (write(fd, head, (size_t)hl) < 0) perror("write");
            }
            memmove(buf, buf + need, len - need);
            len -= need;
        }
    done:
        free(buf);
        close(fd);
    }
}

TEST(keep_alive_via_socat) {
    kasrv s;
    char lsn[256], fwd[64];
    char *argv[6];
    int tport = 0, i;
    pid_t pid = -1;
    tp_error e;
    tp_http *h;
    tp_http_req rq;
    tp_http_resp rs;
    char *up;
    if (system("command -v socat >/dev/null 2>&1") != 0) {
        fprintf(stderr, "socat missing: keep-alive case skipped\n");
        CHECK(!"socat installed (tools/deps.sh test)");
        return;
    }
    memset(&s, 0, sizeof s);
    s.lfd = listen_any(&s.port);
    pthread_create(&s.th, NULL, kasrv_main, &s);
    for (i = 0; i < 5 && pid < 0; i++) {
        tport = free_port();
        snprintf(lsn, sizeof lsn,
                 "OPENSSL-LISTEN:%d,bind=127.0.0.1,reuseaddr,fork,cert=" PKI "/rsa.pem,key=" PKI
                 "/rsa.key,verify=0", tport);
        snprintf(fwd, sizeof fwd, "TCP:127.0.0.1:%d", s.port);
        argv[0] = (char *)"socat";
        argv[1] = lsn;
        argv[2] = fwd;
        argv[3] = NULL;
        pid = spawn_listener(argv, tport);
    }
    CHECK(pid > 0);
    if (pid < 0) return;
    sleep_ms(50);
    h = client(tport, PKI "/ca.pem", &e);
    memset(&rq, 0, sizeof rq);
    rq.path = "/big?1000000";
    CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.body_len, 1000000);
    CHECK(rs.body_len == 1000000 && rs.body[999999] == (char)('a' + 999999 % 26));
    up = (char *)malloc(300000);
    memset(up, 'x', 300000);
    for (i = 0; i < 20; i++) {
        memset(&rq, 0, sizeof rq);
        rq.path = "/upload";
        rq.body = up;
        rq.body_len = 300000;
        CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_OK);
        CHECK_STR(rs.body, "{\"got\":300000}");
    }
    free(up);
    CHECK_EQ_INT(h->conn.tls->handshakes, 1); /* 21 requests, one connection, one handshake */
    /* a dropped connection: the next request reconnects (socat forks per connection, so its
       session cache dies with the child: resumption is checked against s_server above) */
    tp_http_close(h);
    memset(&rq, 0, sizeof rq);
    rq.path = "/big?10";
    CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_OK);
    CHECK_EQ_INT(h->conn.tls->handshakes, 2);
    tp_http_free(h);
    stop_pid(pid);
    shutdown(s.lfd, SHUT_RDWR);
    pthread_join(s.th, NULL);
    close(s.lfd);
}

/* ---- the server engine (for the HTTPS webhook receiver): our client against it ------------ */

typedef struct bsrv {
    int lfd, port, requests;
    tp__tls_key key;
    pthread_t th;
} bsrv;

/* Serves HTTP/1.1 keep-alive over BearSSL's server engine, one connection at a time. */
static void *bsrv_main(void *arg) {
    bsrv *s = (bsrv *)arg;
    tp_error e;
    tp__conn c;
    memset(&c, 0, sizeof c);
    c.wake_fd = -1;
    c.tls = tp__tls_server_new(&s->key, &e);
    for (;;) {
        char buf[4096];
        size_t len = 0;
        c.fd = accept(s->lfd, NULL, NULL);
        if (c.fd < 0) break;
        if (tp__tls_accept(&c, tp_now_ms() + 5000, &e) != TP_OK) {
            tp__conn_close(&c);
            continue;
        }
        for (;;) {
            size_t got = 0;
            char *end;
            if (tp__net_read(&c, buf + len, sizeof buf - 1 - len, &got, tp_now_ms() + 5000, &e) != TP_OK ||
                got == 0)
                break;
            len += got;
            buf[len] = '\0';
            end = strstr(buf, "\r\n\r\n");
            if (end) {
                const char *r = "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nbearssl!\n";
                struct iovec iov;
                iov.iov_base = (void *)(uintptr_t)r;
                iov.iov_len = strlen(r);
                s->requests++;
                if (tp__net_writev(&c, &iov, 1, tp_now_ms() + 5000, &e) != TP_OK) break;
                len -= (size_t)(end + 4 - buf);
                memmove(buf, end + 4, len);
            }
        }
        tp__conn_close(&c);
    }
    tp__tls_free(c.tls);
    return NULL;
}

static void server_case(const char *cert, const char *key) {
    bsrv s;
    tp_error e;
    tp_http *h;
    tp_http_req rq;
    tp_http_resp rs;
    int i;
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(tp__tls_key_load(&s.key, cert, key, &e), TP_OK);
    s.lfd = listen_any(&s.port);
    pthread_create(&s.th, NULL, bsrv_main, &s);
    h = client(s.port, PKI "/ca.pem", &e);
    memset(&rq, 0, sizeof rq);
    rq.path = "/hook";
    for (i = 0; i < 3; i++) {
        CHECK_EQ_INT(tp_http_request(h, &rq, &rs, &e), TP_OK);
        CHECK_STR(rs.body, "bearssl!\n");
    }
    CHECK_EQ_INT(h->conn.tls->handshakes, 1);
    tp_http_free(h);
    shutdown(s.lfd, SHUT_RDWR);
    pthread_join(s.th, NULL);
    close(s.lfd);
    CHECK_EQ_INT(s.requests, 3);
    tp__tls_key_free(&s.key);
}

TEST(server_engine) {
    tp__tls_key k;
    tp_error e;
    server_case(PKI "/rsa.pem", PKI "/rsa.key");       /* RSA key */
    server_case(PKI "/chain_full.pem", PKI "/chain.key"); /* EC key, RSA issuer, with chain */
    CHECK_EQ_INT(tp__tls_key_load(&k, PKI "/rsa.pem", PKI "/ca.cnf", &e), TP_ERR_TLS);
    CHECK_EQ_INT(tp__tls_key_load(&k, PKI "/rsa.key", PKI "/rsa.key", &e), TP_ERR_TLS);
    CHECK_EQ_INT(tp__tls_key_load(&k, "/nonexistent.pem", PKI "/rsa.key", &e), TP_ERR_FILE);
}

/* ---- the HTTPS webhook receiver (tp_hook with cert_file/key_file) -------------------------- */

static pthread_mutex_t hk_lock = PTHREAD_MUTEX_INITIALIZER;
static int hk_count[8];

static void hk_on_update(tp_bot *bot, const tp_update *u, void *user) {
    (void)bot;
    (void)user;
    pthread_mutex_lock(&hk_lock);
    if (u->update_id >= 0 && u->update_id < 8) hk_count[u->update_id]++;
    pthread_mutex_unlock(&hk_lock);
}

static int hk_total(void) {
    int i, n = 0;
    pthread_mutex_lock(&hk_lock);
    for (i = 0; i < 8; i++) n += hk_count[i];
    pthread_mutex_unlock(&hk_lock);
    return n;
}

/* Our own TLS client (verified against the test CA, SNI localhost): POSTs update `id` with
   `secret` on a kept-alive connection c (opened when closed); returns the status, -1 on error. */
static int hk_post(tp__conn *c, int port, const char *secret, int id) {
    char req[512], body[128], ps[16], buf[1024] = "";
    size_t len = 0, got;
    tp_error e;
    struct iovec iov;
    int bl, n, status = -1;
    if (c->fd < 0) {
        snprintf(ps, sizeof ps, "%d", port);
        if (tp__conn_open(c, NULL, "localhost", ps, tp_now_ms() + 5000, &e) != TP_OK) {
            printf("    hk_post connect: %s\n", e.message);
            return -1;
        }
    }
    bl = snprintf(body, sizeof body, "{\"update_id\":%d,\"message\":{\"message_id\":1,\"date\":0,"
                  "\"chat\":{\"id\":7,\"type\":\"private\"},\"text\":\"hi\"}}", id);
    n = snprintf(req, sizeof req, "POST /hook HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                 "application/json\r\nX-Telegram-Bot-Api-Secret-Token: %s\r\nContent-Length: %d"
                 "\r\n\r\n%s", secret, bl, body);
    iov.iov_base = req;
    iov.iov_len = (size_t)n;
    if (tp__net_writev(c, &iov, 1, tp_now_ms() + 5000, &e) != TP_OK) return -1;
    while (!strstr(buf, "\r\n\r\n")) { /* answers have Content-Length: 0 */
        if (tp__net_read(c, buf + len, sizeof buf - 1 - len, &got, tp_now_ms() + 5000, &e) != TP_OK ||
            got == 0)
            return -1;
        len += got;
        buf[len] = '\0';
    }
    if (sscanf(buf, "HTTP/1.1 %d", &status) != 1) status = -1;
    if (strstr(buf, "Connection: close")) tp__conn_close(c);
    return status;
}

/* A plain TCP connection to the port; returns the fd. */
static int hk_tcp(int port) {
    struct sockaddr_in a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Reads until EOF or a reset within ms; returns the bytes read, -1 on a timeout. */
static long hk_until_closed(int fd, int ms, char *out, size_t cap) {
    long total = 0;
    int64_t end = tp_now_ms() + ms;
    for (;;) {
        struct pollfd pf;
        ssize_t n;
        pf.fd = fd;
        pf.events = POLLIN;
        pf.revents = 0;
        if (poll(&pf, 1, (int)(end - tp_now_ms() > 0 ? end - tp_now_ms() : 0)) <= 0) return -1;
        n = recv(fd, out, cap, 0);
        if (n <= 0) return total;
        total += n;
    }
}

TEST(https_webhook) {
    tp_bot_opts bo;
    tp_bot *bot;
    tp_hook_opts ho;
    tp_hook *h;
    tp_error e;
    tp__conn c;
    tp_http *hc;
    tp_http_req rq;
    tp_http_resp rs;
    int port, i, silent, plain, busy_fd;
    int64_t t0;
    char junk[256];
    long r;
    memset(&bo, 0, sizeof bo);
    bo.token = "123456:TEST";
    bo.api_url = "http://127.0.0.1:9";
    bot = tp_bot_new(&bo, &e);
    CHECK(bot != NULL);
    if (!bot) return;
    memset(&ho, 0, sizeof ho);
    ho.path = "/hook";
    ho.secret_token = "s3cr3t";
    ho.request_timeout_ms = 700;
    ho.max_connections = 3;

    /* bad options: one of the two, unreadable files, no key */
    ho.cert_file = PKI "/rsa.pem";
    CHECK(tp_hook_new(bot, hk_on_update, NULL, &ho, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_INVALID);
    ho.key_file = "/nonexistent.key";
    CHECK(tp_hook_new(bot, hk_on_update, NULL, &ho, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_FILE);
    CHECK(strstr(e.message, "/nonexistent.key") != NULL);
    ho.key_file = PKI "/ca.cnf";
    CHECK(tp_hook_new(bot, hk_on_update, NULL, &ho, &e) == NULL);
    CHECK_EQ_INT(e.code, TP_ERR_TLS);

    ho.cert_file = PKI "/chain_full.pem"; /* EC key, with its intermediate */
    ho.key_file = PKI "/chain.key";
    h = tp_hook_new(bot, hk_on_update, NULL, &ho, &e);
    CHECK(h != NULL);
    if (!h) {
        printf("    tp_hook_new: %s\n", e.message);
        tp_bot_free(bot);
        return;
    }
    port = tp_hook_port(h);

    /* a client that never sends its ClientHello, and a plain-HTTP client, held open meanwhile */
    silent = hk_tcp(port);
    plain = hk_tcp(port);
    CHECK(silent >= 0 && plain >= 0);
    t0 = tp_now_ms();
    {
        static const char get[] = "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
        CHECK(send(plain, get, sizeof get - 1, MSG_NOSIGNAL) == (ssize_t)(sizeof get - 1));
    }

    /* updates over TLS on one kept-alive connection: each handled once, duplicates too */
    memset(&c, 0, sizeof c);
    c.fd = -1;
    c.wake_fd = -1;
    c.tls = tp__tls_new("localhost", PKI "/ca.pem", &e);
    CHECK(c.tls != NULL);
    for (i = 0; i < 4; i++) CHECK_EQ_INT(hk_post(&c, port, "s3cr3t", i), 200);
    CHECK_EQ_INT(hk_post(&c, port, "s3cr3t", 2), 200); /* a second delivery */
    CHECK_EQ_INT(c.tls->handshakes, 1);
    CHECK_EQ_INT(hk_post(&c, port, "wrong", 5), 401); /* closes */
    CHECK(c.fd < 0);
    CHECK_EQ_INT(hk_post(&c, port, "s3cr3t", 6), 200); /* a new connection, a new handshake */
    CHECK_EQ_INT(c.tls->handshakes, 2);
    tp__conn_close(&c);
    tp__tls_free(c.tls);

    /* tp_http over https:// with the test CA: no secret header, so 401, over TLS */
    {
        tp_http_opts o;
        char url[64];
        memset(&o, 0, sizeof o);
        snprintf(url, sizeof url, "https://localhost:%d", port);
        o.url = url;
        o.ca_file = PKI "/ca.pem";
        o.timeout_ms = 5000;
        o.no_env_proxy = true;
        hc = tp_http_new(&o, &e);
    }
    CHECK(hc != NULL);
    memset(&rq, 0, sizeof rq);
    rq.path = "/hook";
    rq.body = "{\"update_id\":7}";
    rq.body_len = strlen("{\"update_id\":7}");
    CHECK_EQ_INT(tp_http_request(hc, &rq, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 401);
    rq.path = "/other";
    CHECK_EQ_INT(tp_http_request(hc, &rq, &rs, &e), TP_OK);
    CHECK_EQ_INT(rs.status, 404);
    tp_http_free(hc);

    /* the plain-HTTP client got no HTTP answer, just a close */
    r = hk_until_closed(plain, 3000, junk, sizeof junk);
    CHECK(r >= 0);
    CHECK(r == 0 || memcmp(junk, "HTTP/", 5) != 0);
    close(plain);
    /* the silent client is dropped after the request deadline (700 ms), not before */
    CHECK_EQ_INT(hk_until_closed(silent, 5000, junk, sizeof junk), 0);
    r = (long)(tp_now_ms() - t0);
    CHECK(r >= 600 && r < 5000);
    close(silent);

    /* past max_connections (3) a TLS listener closes without a plain-text 503 */
    {
        int fds[3], k;
        for (k = 0; k < 3; k++) fds[k] = hk_tcp(port);
        sleep_ms(200);
        busy_fd = hk_tcp(port);
        r = hk_until_closed(busy_fd, 3000, junk, sizeof junk);
        CHECK_EQ_INT(r, 0);
        close(busy_fd);
        for (k = 0; k < 3; k++) close(fds[k]);
    }

    /* a silent client does not hold tp_hook_free back */
    sleep_ms(300); /* the three above are gone */
    silent = hk_tcp(port);
    for (i = 0; i < 100 && hk_total() < 5; i++) sleep_ms(10);
    t0 = tp_now_ms();
    tp_hook_free(h);
    CHECK(tp_now_ms() - t0 < 500);
    close(silent);
    pthread_mutex_lock(&hk_lock);
    for (i = 0; i < 8; i++) CHECK_EQ_INT(hk_count[i], (i < 4 || i == 6) ? 1 : 0);
    pthread_mutex_unlock(&hk_lock);

    /* an RSA key works the same (the receiver above has an EC key) */
    ho.cert_file = PKI "/rsa.pem";
    ho.key_file = PKI "/rsa.key";
    h = tp_hook_new(bot, hk_on_update, NULL, &ho, &e);
    CHECK(h != NULL);
    if (h) {
        memset(&c, 0, sizeof c);
        c.fd = -1;
        c.wake_fd = -1;
        c.tls = tp__tls_new("localhost", PKI "/ca.pem", &e);
        CHECK_EQ_INT(hk_post(&c, tp_hook_port(h), "s3cr3t", 7), 200);
        CHECK_EQ_INT(hk_post(&c, tp_hook_port(h), "s3cr3t", 7), 200);
        tp__conn_close(&c);
        tp__tls_free(c.tls);
        tp_hook_free(h); /* drains the handlers */
        pthread_mutex_lock(&hk_lock);
        CHECK_EQ_INT(hk_count[7], 1);
        pthread_mutex_unlock(&hk_lock);
    }
    tp_bot_free(bot);
}

int main(int argc, char **argv) {
#define PICK(t) (argc < 2 || strcmp(argv[1], #t) == 0)
    signal(SIGPIPE, SIG_IGN); /* the test's own servers write to clients that may be gone */
    unsetenv("TELEPOT_CA_FILE");
    unsetenv("SSL_CERT_FILE");
    if (system("sh tests/tls/make_certs.sh " PKI) != 0) {
        fprintf(stderr, "tests/tls/make_certs.sh failed\n");
        return 2;
    }
    if (PICK(certificates)) RUN(certificates);
    if (PICK(session_resumption)) RUN(session_resumption);
    if (PICK(pool_shares_session)) RUN(pool_shares_session);
    if (PICK(trust_anchor_sources)) RUN(trust_anchor_sources);
    if (PICK(not_tls_and_deadlines)) RUN(not_tls_and_deadlines);
    if (PICK(keep_alive_via_socat)) RUN(keep_alive_via_socat);
    if (PICK(server_engine)) RUN(server_engine);
    if (PICK(https_webhook)) RUN(https_webhook);
    TEST_END();
}

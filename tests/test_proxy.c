/* tests/test_proxy.c - proxies on loopback: an HTTP CONNECT proxy and a SOCKS5 proxy, each a
   thread written here, in front of a plain HTTP/1.1 thread server. Checks what the proxies
   were asked for (target host and port, Basic credentials, the SOCKS5 address type: an
   address for socks5://, the host name for socks5h://), curl's environment variables and
   no_proxy, the explicit option winning, refusals (407, SOCKS5 failure) as TP_ERR_PROXY
   without the password in the text, and the small pieces (base64, no_proxy matching). */
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
#include <unistd.h>



static bool read_n(int fd, void *buf, size_t n) {
    size_t at = 0;
    while (at < n) {
        ssize_t r = recv(fd, (char *)buf + at, n - at, 0);
        if (r <= 0) return false;
        at += (size_t)r;
    }
    return true;
}

static void send_all(int fd, const void *p, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) return;
        p = (const char *)p + w;
        n -= (size_t)w;
    }
}

/* Copies bytes both ways until either side closes. */
static void relay(int a, int b) {
    char buf[16384];
    for (;;) {
        struct pollfd pf[2];
        int i;
        pf[0].fd = a;
        pf[1].fd = b;
        pf[0].events = pf[1].events = POLLIN;
        pf[0].revents = pf[1].revents = 0;
        if (poll(pf, 2, 10000) <= 0) return;
        for (i = 0; i < 2; i++) {
            if (pf[i].revents) {
                ssize_t r = recv(pf[i].fd, buf, sizeof buf, 0);
                if (r <= 0) return;
                send_all(pf[1 - i].fd, buf, (size_t)r);
            }
        }
    }
}

/* ---- the target: a plain HTTP/1.1 server, keep-alive, answers "hello <path>" ------------- */

typedef struct server {
    int lfd, port, conns;
    pthread_t th;
} server;

static void *target_main(void *arg) {
    server *s = (server *)arg;
    for (;;) {
        int fd = accept(s->lfd, NULL, NULL);
        char buf[4096];
        size_t len = 0;
        if (fd < 0) return NULL;
        s->conns++;
        for (;;) {
            char *e, resp[1400], path[256];
            ssize_t r = recv(fd, buf + len, sizeof buf - 1 - len, 0);
            int n;
            if (r <= 0) break;
            len += (size_t)r;
            buf[len] = '\0';
            e = strstr(buf, "\r\n\r\n");
            if (!e) continue;
            if (sscanf(buf, "GET %255s", path) != 1) strcpy(path, "?");
            n = snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\nhello %s",
                         strlen(path) + 6, path);
            send_all(fd, resp, (size_t)n);
            len -= (size_t)(e + 4 - buf);
            memmove(buf, e + 4, len);
        }
        close(fd);
    }
}

/* ---- an HTTP CONNECT proxy ---------------------------------------------------------------- */

typedef struct proxy {
    int lfd, port, target_port, accepts;
    int refuse;          /* answer this status instead of 200 (0: tunnel) */
    char request[512];   /* the CONNECT line */
    char auth[512];      /* the Proxy-Authorization value */
    /* SOCKS5 */
    int socks_fail;      /* reply code to send (0: succeed) */
    bool socks_auth;     /* require user/password */
    int atyp;            /* address type the client used */
    char socks_host[256];
    int socks_port;
    char socks_user[256], socks_pass[256];
    pthread_t th;
} proxy;

static void *connect_proxy_main(void *arg) {
    proxy *p = (proxy *)arg;
    for (;;) {
        int fd = accept(p->lfd, NULL, NULL), up;
        char buf[2048], *a, *eol;
        size_t len = 0;
        if (fd < 0) return NULL;
        p->accepts++;
        while (len < sizeof buf - 1) { /* byte by byte: the client waits for our answer */
            if (recv(fd, buf + len, 1, 0) != 1) break;
            len++;
            buf[len] = '\0';
            if (len >= 4 && memcmp(buf + len - 4, "\r\n\r\n", 4) == 0) break;
        }
        eol = strstr(buf, "\r\n");
        if (eol) {
            size_t n = (size_t)(eol - buf);
            memcpy(p->request, buf, n < sizeof p->request ? n : sizeof p->request - 1);
            p->request[n < sizeof p->request ? n : sizeof p->request - 1] = '\0';
        }
        p->auth[0] = '\0';
        a = strstr(buf, "\r\nProxy-Authorization: ");
        if (a) {
            a += 23;
            eol = strstr(a, "\r\n");
            if (eol && (size_t)(eol - a) < sizeof p->auth) {
                memcpy(p->auth, a, (size_t)(eol - a));
                p->auth[eol - a] = '\0';
            }
        }
        if (p->refuse) {
            char r[200];
            int n = snprintf(r, sizeof r, "HTTP/1.1 %d Nope\r\nContent-Length: 0\r\n\r\n", p->refuse);
            send_all(fd, r, (size_t)n);
            close(fd);
            continue;
        }
        up = dial(p->target_port);
        if (up < 0) {
            send_all(fd, "HTTP/1.1 502 Bad Gateway\r\n\r\n", 28);
            close(fd);
            continue;
        }
        send_all(fd, "HTTP/1.1 200 Connection established\r\n\r\n", 39);
        relay(fd, up);
        close(up);
        close(fd);
    }
}

static void *socks_proxy_main(void *arg) {
    proxy *p = (proxy *)arg;
    for (;;) {
        int fd = accept(p->lfd, NULL, NULL), up = -1;
        unsigned char b[600];
        unsigned char rep[10] = {5, 0, 0, 1, 127, 0, 0, 1, 0, 0};
        if (fd < 0) return NULL;
        p->accepts++;
        if (!read_n(fd, b, 2) || b[0] != 5 || !read_n(fd, b + 2, b[1])) goto done;
        if (p->socks_auth) {
            unsigned char ok[2] = {5, 2};
            size_t ul, pl;
            if (!memchr(b + 2, 2, b[1])) {
                ok[1] = 0xFF;
                send_all(fd, ok, 2);
                goto done;
            }
            send_all(fd, ok, 2);
            if (!read_n(fd, b, 2)) goto done;
            ul = b[1];
            if (!read_n(fd, p->socks_user, ul)) goto done;
            p->socks_user[ul] = '\0';
            if (!read_n(fd, b, 1)) goto done;
            pl = b[0];
            if (!read_n(fd, p->socks_pass, pl)) goto done;
            p->socks_pass[pl] = '\0';
            ok[0] = 1;
            ok[1] = strcmp(p->socks_pass, "s3cret") == 0 ? 0 : 1;
            send_all(fd, ok, 2);
            if (ok[1]) goto done;
        } else {
            unsigned char ok[2] = {5, 0};
            send_all(fd, ok, 2);
        }
        if (!read_n(fd, b, 4) || b[0] != 5 || b[1] != 1) goto done;
        p->atyp = b[3];
        if (b[3] == 1) {
            if (!read_n(fd, b, 4)) goto done;
            inet_ntop(AF_INET, b, p->socks_host, sizeof p->socks_host);
        } else if (b[3] == 3) {
            size_t n;
            if (!read_n(fd, b, 1)) goto done;
            n = b[0];
            if (!read_n(fd, p->socks_host, n)) goto done;
            p->socks_host[n] = '\0';
        } else if (b[3] == 4) {
            if (!read_n(fd, b, 16)) goto done;
            inet_ntop(AF_INET6, b, p->socks_host, sizeof p->socks_host);
        } else {
            goto done;
        }
        if (!read_n(fd, b, 2)) goto done;
        p->socks_port = b[0] << 8 | b[1];
        if (p->socks_fail) {
            rep[1] = (unsigned char)p->socks_fail;
            send_all(fd, rep, sizeof rep);
            goto done;
        }
        up = dial(p->socks_port);
        if (up < 0) {
            rep[1] = 5;
            send_all(fd, rep, sizeof rep);
            goto done;
        }
        send_all(fd, rep, sizeof rep);
        relay(fd, up);
    done:
        if (up >= 0) close(up);
        close(fd);
    }
}

static server target;
static proxy cp, sp;

/* One GET /x through a fresh client; returns the code. */
static tp_err get(const char *url, const char *proxy_url, bool no_env, tp_error *e) {
    tp_http_opts o;
    tp_http_req rq;
    tp_http_resp rs;
    tp_http *h;
    tp_err rc;
    memset(&o, 0, sizeof o);
    o.url = url;
    o.proxy = proxy_url;
    o.no_env_proxy = no_env;
    o.timeout_ms = 3000;
    h = tp_http_new(&o, e);
    if (!h) return e->code;
    memset(&rq, 0, sizeof rq);
    rq.path = "/bot1:SECRETTOKEN/x";
    rc = tp_http_request(h, &rq, &rs, e);
    if (rc == TP_OK && strcmp(rs.body, "hello /bot1:SECRETTOKEN/x") != 0) rc = TP_ERR_BAD_RESPONSE;
    if (rc == TP_OK) { /* keep-alive through the tunnel */
        rc = tp_http_request(h, &rq, &rs, e);
        if (rc == TP_OK && strcmp(rs.body, "hello /bot1:SECRETTOKEN/x") != 0) rc = TP_ERR_BAD_RESPONSE;
    }
    tp_http_free(h);
    return rc;
}

static void clear_env(void) {
    const char *v[] = {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                       "ALL_PROXY", "no_proxy", "NO_PROXY"};
    size_t i;
    for (i = 0; i < sizeof v / sizeof v[0]; i++) unsetenv(v[i]);
}

static char url[64], cpurl[128], spurl[128];

TEST(connect_proxy) {
    tp_error e;
    int before;
    char want[128];
    /* explicit option, credentials percent-encoded in the URL */
    snprintf(cpurl, sizeof cpurl, "http://alice:p%%40ss%%3Aword@127.0.0.1:%d", cp.port);
    CHECK_EQ_INT(get(url, cpurl, false, &e), TP_OK);
    snprintf(want, sizeof want, "CONNECT localhost:%d HTTP/1.1", target.port);
    CHECK_STR(cp.request, want);
    CHECK_STR(cp.auth, "Basic YWxpY2U6cEBzczp3b3Jk"); /* base64("alice:p@ss:word") */
    /* from http_proxy, no credentials */
    snprintf(cpurl, sizeof cpurl, "http://127.0.0.1:%d/", cp.port);
    setenv("http_proxy", cpurl, 1);
    before = cp.accepts;
    CHECK_EQ_INT(get(url, NULL, false, &e), TP_OK);
    CHECK_EQ_INT(cp.accepts, before + 1); /* one tunnel, two requests */
    CHECK_STR(cp.auth, "");
    /* no_env_proxy: direct */
    before = cp.accepts;
    CHECK_EQ_INT(get(url, NULL, true, &e), TP_OK);
    CHECK_EQ_INT(cp.accepts, before);
    /* no_proxy lists */
    setenv("no_proxy", "example.com, localhost", 1);
    CHECK_EQ_INT(get(url, NULL, false, &e), TP_OK);
    CHECK_EQ_INT(cp.accepts, before);
    setenv("no_proxy", "*", 1);
    CHECK_EQ_INT(get(url, NULL, false, &e), TP_OK);
    CHECK_EQ_INT(cp.accepts, before);
    setenv("no_proxy", "otherhost,.example.com", 1);
    CHECK_EQ_INT(get(url, NULL, false, &e), TP_OK);
    CHECK_EQ_INT(cp.accepts, before + 1);
    unsetenv("no_proxy");
    /* HTTP_PROXY (upper case) is not used for http://, as curl; ALL_PROXY is */
    clear_env();
    setenv("HTTP_PROXY", cpurl, 1);
    before = cp.accepts;
    CHECK_EQ_INT(get(url, NULL, false, &e), TP_OK);
    CHECK_EQ_INT(cp.accepts, before);
    setenv("ALL_PROXY", cpurl, 1);
    CHECK_EQ_INT(get(url, NULL, false, &e), TP_OK);
    CHECK_EQ_INT(cp.accepts, before + 1);
    clear_env();
    /* a refusal: 407, the password stays out of the message */
    cp.refuse = 407;
    snprintf(cpurl, sizeof cpurl, "http://bob:hunter2@127.0.0.1:%d", cp.port);
    CHECK_EQ_INT(get(url, cpurl, false, &e), TP_ERR_PROXY);
    CHECK_EQ_INT(e.http_status, 407);
    CHECK(strstr(e.message, "407") != NULL);
    CHECK(strstr(e.message, "authentication") != NULL);
    CHECK(strstr(e.message, "hunter2") == NULL);
    CHECK(strstr(e.message, "SECRET") == NULL);
    cp.refuse = 403;
    CHECK_EQ_INT(get(url, cpurl, false, &e), TP_ERR_PROXY);
    CHECK(strstr(e.message, "403") != NULL);
    cp.refuse = 0;
}

TEST(socks5_proxy) {
    tp_error e;
    snprintf(spurl, sizeof spurl, "socks5://127.0.0.1:%d", sp.port);
    CHECK_EQ_INT(get(url, spurl, false, &e), TP_OK);
    CHECK(sp.atyp == 1 || sp.atyp == 4); /* resolved here: an address */
    CHECK(strcmp(sp.socks_host, "127.0.0.1") == 0 || strcmp(sp.socks_host, "::1") == 0);
    CHECK_EQ_INT(sp.socks_port, target.port);
    snprintf(spurl, sizeof spurl, "socks5h://127.0.0.1:%d", sp.port);
    setenv("all_proxy", spurl, 1);
    CHECK_EQ_INT(get(url, NULL, false, &e), TP_OK);
    CHECK_EQ_INT(sp.atyp, 3); /* the host name goes to the proxy */
    CHECK_STR(sp.socks_host, "localhost");
    clear_env();
    /* user name and password (RFC 1929) */
    sp.socks_auth = true;
    snprintf(spurl, sizeof spurl, "socks5h://carol:s3cret@127.0.0.1:%d", sp.port);
    CHECK_EQ_INT(get(url, spurl, false, &e), TP_OK);
    CHECK_STR(sp.socks_user, "carol");
    snprintf(spurl, sizeof spurl, "socks5h://carol:wrongpw@127.0.0.1:%d", sp.port);
    CHECK_EQ_INT(get(url, spurl, false, &e), TP_ERR_PROXY);
    CHECK(strstr(e.message, "wrongpw") == NULL);
    snprintf(spurl, sizeof spurl, "socks5h://127.0.0.1:%d", sp.port);
    CHECK_EQ_INT(get(url, spurl, false, &e), TP_ERR_PROXY); /* it wants credentials */
    sp.socks_auth = false;
    /* the proxy cannot reach the target */
    sp.socks_fail = 5;
    CHECK_EQ_INT(get(url, spurl, false, &e), TP_ERR_PROXY);
    CHECK(strstr(e.message, "connection refused") != NULL);
    CHECK(strstr(e.message, "SECRET") == NULL);
    sp.socks_fail = 0;
}

TEST(proxy_errors) {
    tp_error e;
    int port, fd = listen_any(&port);
    char u[64];
    close(fd); /* nobody listens there now */
    snprintf(u, sizeof u, "http://user:pw123@127.0.0.1:%d", port);
    CHECK_EQ_INT(get(url, u, false, &e), TP_ERR_PROXY);
    CHECK(strstr(e.message, "pw123") == NULL);
    CHECK_EQ_INT(get(url, "ftp://127.0.0.1:1", false, &e), TP_ERR_PROXY);
    CHECK_EQ_INT(get(url, "http://127.0.0.1:99999", false, &e), TP_ERR_PROXY);
    /* the bot passes its options down */
    {
        tp_bot_opts bo;
        tp_bot *b;
        memset(&bo, 0, sizeof bo);
        bo.token = "1:SECRETTOKEN";
        bo.api_url = url;
        bo.proxy = "gopher://x";
        b = tp_bot_new(&bo, &e);
        CHECK(b == NULL);
        CHECK_EQ_INT(e.code, TP_ERR_PROXY);
    }
}

TEST(pieces) {
    char out[64];
    tp__proxy px;
    tp_error e;
    tp__base64((const unsigned char *)"", 0, out);
    CHECK_STR(out, "");
    tp__base64((const unsigned char *)"f", 1, out);
    CHECK_STR(out, "Zg==");
    tp__base64((const unsigned char *)"fo", 2, out);
    CHECK_STR(out, "Zm8=");
    tp__base64((const unsigned char *)"foo", 3, out);
    CHECK_STR(out, "Zm9v");
    tp__base64((const unsigned char *)"foobar", 6, out);
    CHECK_STR(out, "Zm9vYmFy");
    CHECK(tp__no_proxy_match("*", "api.telegram.org"));
    CHECK(tp__no_proxy_match("telegram.org", "api.telegram.org"));
    CHECK(tp__no_proxy_match(".telegram.org", "api.telegram.org"));
    CHECK(tp__no_proxy_match(" a.b , telegram.org:443", "api.telegram.org"));
    CHECK(!tp__no_proxy_match("gram.org", "api.telegram.org"));
    CHECK(!tp__no_proxy_match("", "api.telegram.org"));
    CHECK(!tp__no_proxy_match(NULL, "api.telegram.org"));
    CHECK(tp__no_proxy_match("[::1]", "::1"));
    /* https:// targets read https_proxy / HTTPS_PROXY, then all_proxy */
    clear_env();
    setenv("HTTPS_PROXY", "socks5h://u:p@proxy.example:9050", 1);
    CHECK_EQ_INT(tp__proxy_choose(NULL, false, true, "api.telegram.org", &px, &e), TP_OK);
    CHECK_EQ_INT(px.kind, TP__PROXY_SOCKS5H);
    CHECK_STR(px.host, "proxy.example");
    CHECK_STR(px.port, "9050");
    CHECK_STR(px.user, "u");
    CHECK_STR(px.pass, "p");
    CHECK_EQ_INT(tp__proxy_choose(NULL, false, false, "api.telegram.org", &px, &e), TP_OK);
    CHECK_EQ_INT(px.kind, TP__PROXY_NONE); /* http:// does not read HTTPS_PROXY */
    setenv("https_proxy", "proxy2:3128", 1);
    CHECK_EQ_INT(tp__proxy_choose(NULL, false, true, "api.telegram.org", &px, &e), TP_OK);
    CHECK_EQ_INT(px.kind, TP__PROXY_HTTP); /* lower case first; no scheme = http */
    CHECK_STR(px.host, "proxy2");
    CHECK_STR(px.port, "3128");
    CHECK_EQ_INT(tp__proxy_choose("http://[::1]", false, true, "x", &px, &e), TP_OK);
    CHECK_STR(px.host, "::1");
    CHECK_STR(px.port, "1080");
    clear_env();
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    clear_env();
    target.lfd = listen_any(&target.port);
    cp.lfd = listen_any(&cp.port);
    sp.lfd = listen_any(&sp.port);
    cp.target_port = target.port;
    pthread_create(&target.th, NULL, target_main, &target);
    pthread_create(&cp.th, NULL, connect_proxy_main, &cp);
    pthread_create(&sp.th, NULL, socks_proxy_main, &sp);
    snprintf(url, sizeof url, "http://localhost:%d", target.port);
    RUN(connect_proxy);
    RUN(socks5_proxy);
    RUN(proxy_errors);
    RUN(pieces);
    shutdown(target.lfd, SHUT_RDWR);
    shutdown(cp.lfd, SHUT_RDWR);
    shutdown(sp.lfd, SHUT_RDWR);
    pthread_join(target.th, NULL);
    pthread_join(cp.th, NULL);
    pthread_join(sp.th, NULL);
    close(target.lfd);
    close(cp.lfd);
    close(sp.lfd);
    TEST_END();
}

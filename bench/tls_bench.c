/* bench/tls_bench.c - client CPU per full TLS handshake against one local server, three ways:
     ours     tp__conn_open through telepot's stack (TCP connect, TLS engine loop, verification
              wrapper), session resumption switched off so every handshake is full
     bare     a minimal BearSSL client: br_ssl_client_init_full + br_sslio over a blocking socket
     openssl  libssl's client (TLS 1.2 capped, same as BearSSL, verification on, no session reuse)
   Usage: tls_bench PORT CAFILE N WHICH...   prints "hs<TAB>which<TAB>N<TAB>cpu_us_per_handshake"
   Every client resolves "localhost" with getaddrinfo and connects to the addresses in order.
   CPU is this process's user+sys time (getrusage), so the server's work is not counted. Trust
   anchors are loaded once, outside the timed loop, for every client. */
#define TELEPOT_BEARSSL
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/resource.h>

static double cpu_s(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

/* Resolves and connects like any client would (and like tp__net_connect): getaddrinfo, then
   each address in order. */
static int dial_name(const char *host, int port) {
    struct addrinfo hints, *res = NULL, *ai;
    char ps[16];
    int fd = -1, one = 1;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    snprintf(ps, sizeof ps, "%d", port);
    if (getaddrinfo(host, ps, &hints, &res) != 0) exit(1);
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) break;
        if (fd >= 0) close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) exit(1);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static int sock_read(void *ctx, unsigned char *buf, size_t len) {
    for (;;) {
        ssize_t r = read(*(int *)ctx, buf, len);
        if (r < 0 && errno == EINTR) continue;
        return r <= 0 ? -1 : (int)r;
    }
}
static int sock_write(void *ctx, const unsigned char *buf, size_t len) {
    for (;;) {
        ssize_t w = write(*(int *)ctx, buf, len);
        if (w < 0 && errno == EINTR) continue;
        return w <= 0 ? -1 : (int)w;
    }
}

static double run_ours(int port, const char *ca, int n) {
    tp_http_opts o;
    tp_error e;
    tp_http *h;
    char url[64];
    double t0;
    int i;
    memset(&o, 0, sizeof o);
    snprintf(url, sizeof url, "https://localhost:%d", port);
    o.url = url;
    o.ca_file = ca;
    o.no_env_proxy = true;
    h = tp_http_new(&o, &e);
    if (!h) {
        fprintf(stderr, "tls_bench: %s\n", e.message);
        exit(1);
    }
    t0 = cpu_s();
    for (i = 0; i < n; i++) {
        h->conn.tls->have_session = false; /* a full handshake every time */
        if (tp__conn_open(&h->conn, &h->proxy, "localhost", h->port, tp_now_ms() + 10000, &e) != TP_OK) {
            fprintf(stderr, "tls_bench ours: %s\n", e.message);
            exit(1);
        }
        tp__conn_close(&h->conn);
    }
    t0 = cpu_s() - t0;
    tp_http_free(h);
    return t0;
}

static double run_bare(int port, const char *ca, int n) {
    tp_error e;
    tp__tls *t = (tp__tls *)calloc(1, sizeof *t); /* only to load the same anchors, untimed */
    br_ssl_client_context *sc = (br_ssl_client_context *)calloc(1, sizeof *sc);
    br_x509_minimal_context *xc = (br_x509_minimal_context *)calloc(1, sizeof *xc);
    unsigned char *iobuf = (unsigned char *)malloc(BR_SSL_BUFSIZE_BIDI);
    br_sslio_context ioc;
    double t0;
    int i;
    if (tp__tas_load(t, ca, "bench", &e) != TP_OK) {
        fprintf(stderr, "tls_bench: %s\n", e.message);
        exit(1);
    }
    br_ssl_client_init_full(sc, xc, t->tas, t->ntas);
    br_ssl_engine_set_buffer(&sc->eng, iobuf, BR_SSL_BUFSIZE_BIDI, 1);
    t0 = cpu_s();
    for (i = 0; i < n; i++) {
        int fd = dial_name("localhost", port);
        br_ssl_client_reset(sc, "localhost", 0);
        br_sslio_init(&ioc, &sc->eng, sock_read, &fd, sock_write, &fd);
        if (br_sslio_flush(&ioc) != 0 || !(br_ssl_engine_current_state(&sc->eng) & BR_SSL_SENDAPP)) {
            fprintf(stderr, "tls_bench bare: handshake failed, error %d\n",
                    br_ssl_engine_last_error(&sc->eng));
            exit(1);
        }
        close(fd);
    }
    t0 = cpu_s() - t0;
    tp__tas_free(t);
    free(t);
    free(sc);
    free(xc);
    free(iobuf);
    return t0;
}

static double run_openssl(int port, const char *ca, int n) {
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    double t0;
    int i;
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    if (SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1) {
        fprintf(stderr, "tls_bench openssl: cannot load %s\n", ca);
        exit(1);
    }
    t0 = cpu_s();
    for (i = 0; i < n; i++) {
        int fd = dial_name("localhost", port);
        SSL *s = SSL_new(ctx);
        SSL_set_fd(s, fd);
        SSL_set_tlsext_host_name(s, "localhost");
        SSL_set1_host(s, "localhost");
        if (SSL_connect(s) != 1) {
            fprintf(stderr, "tls_bench openssl: handshake failed\n");
            ERR_print_errors_fp(stderr);
            exit(1);
        }
        SSL_free(s);
        close(fd);
    }
    t0 = cpu_s() - t0;
    SSL_CTX_free(ctx);
    return t0;
}

int main(int argc, char **argv) {
    int port, n, i;
    if (argc < 5) {
        fprintf(stderr, "usage: tls_bench PORT CAFILE N ours|bare|openssl...\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    port = atoi(argv[1]);
    n = atoi(argv[3]);
    for (i = 4; i < argc; i++) {
        double s = strcmp(argv[i], "ours") == 0   ? run_ours(port, argv[2], n)
                   : strcmp(argv[i], "bare") == 0 ? run_bare(port, argv[2], n)
                                                  : run_openssl(port, argv[2], n);
        printf("hs\t%s\t%d\t%.1f\n", argv[i], n, s / n * 1e6);
        fflush(stdout);
    }
    return 0;
}

/* bench/tls_fwd.c - a TLS-terminating forwarder built on telepot's BearSSL server engine
   (tp__tls_key_load, tp__tls_server_new, tp__tls_accept), to put tools/tpemu behind HTTPS.
   Usage: tls_fwd tls|tcp UPSTREAM_PORT CERT KEY PORTFILE
   Listens on 127.0.0.1 (any free port, written to PORTFILE), one thread per connection;
   `tcp` is the same forwarder without TLS, so that "HTTPS via tls_fwd" / "HTTP via tls_fwd"
   isolates the cost of TLS from the cost of the extra hop. */
#define TELEPOT_BEARSSL
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <arpa/inet.h>

static tp__tls_key key;
static bool use_tls;
static int up_port;

static void send_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) return;
        p += w;
        n -= (size_t)w;
    }
}

static void *conn_main(void *arg) {
    tp__conn c;
    tp_error e;
    struct sockaddr_in a;
    char buf[32768];
    int one = 1, up = socket(AF_INET, SOCK_STREAM, 0);
    memset(&c, 0, sizeof c);
    c.fd = (int)(intptr_t)arg;
    c.wake_fd = -1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(up, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons((uint16_t)up_port);
    if (connect(up, (struct sockaddr *)&a, sizeof a) != 0) goto out;
    if (use_tls) {
        c.tls = tp__tls_server_new(&key, &e);
        if (!c.tls || tp__tls_accept(&c, tp_now_ms() + 10000, &e) != TP_OK) goto out;
    }
    for (;;) {
        struct pollfd pf[2];
        bool pending = use_tls && (br_ssl_engine_current_state(c.tls->eng) & BR_SSL_RECVAPP);
        pf[0].fd = c.fd;
        pf[1].fd = up;
        pf[0].events = pf[1].events = POLLIN;
        pf[0].revents = pf[1].revents = 0;
        if (!pending && poll(pf, 2, 120000) <= 0) break;
        if (pending || pf[0].revents) {
            size_t got = 0;
            if (tp__net_read(&c, buf, sizeof buf, &got, tp_now_ms() + 10000, &e) != TP_OK || got == 0)
                break;
            send_all(up, buf, got);
        }
        if (pf[1].revents) {
            ssize_t r = recv(up, buf, sizeof buf, 0);
            struct iovec iov;
            if (r <= 0) break;
            iov.iov_base = buf;
            iov.iov_len = (size_t)r;
            if (tp__net_writev(&c, &iov, 1, tp_now_ms() + 10000, &e) != TP_OK) break;
        }
    }
out:
    close(up);
    tp__conn_close(&c);
#ifdef TELEPOT_BEARSSL
    tp__tls_free(c.tls);
#endif
    return NULL;
}

int main(int argc, char **argv) {
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    tp_error e;
    FILE *f;
    int one = 1, lfd;
    if (argc < 6) {
        fprintf(stderr, "usage: tls_fwd tls|tcp UPSTREAM_PORT CERT KEY PORTFILE\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    use_tls = strcmp(argv[1], "tls") == 0;
    up_port = atoi(argv[2]);
    if (use_tls && tp__tls_key_load(&key, argv[3], argv[4], &e) != TP_OK) {
        fprintf(stderr, "tls_fwd: %s\n", e.message);
        return 1;
    }
    lfd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd, 64) != 0) {
        perror("tls_fwd: listen");
        return 1;
    }
    getsockname(lfd, (struct sockaddr *)&a, &al);
    f = fopen(argv[5], "w");
    if (!f) return 1;
    fprintf(f, "%d\n", ntohs(a.sin_port));
    fclose(f);
    for (;;) {
        pthread_t th;
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR) continue;
            break;
        }
        pthread_create(&th, NULL, conn_main, (void *)(intptr_t)fd);
        pthread_detach(th);
    }
    return 0;
}

/* bench/http_server.c - the smallest HTTP/1.1 server the HTTP benchmark needs.

   Usage: http_server PORTFILE      listens on 127.0.0.1, an ephemeral port written to PORTFILE

   Blocking sockets; each accepted connection is served by a single-threaded child process (so
   the benchmark can keep one connection per client open and interleave them). It reads a
   request head, then Content-Length bytes of body, and answers a fixed small JSON body with
   Content-Length, keeping the connection open until the client closes it. Exits on SIGTERM. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static const char body[] = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,"
                           "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"hi\"}}";

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void serve(int fd, const char *resp, size_t resp_len) {
    static char buf[1 << 16];
    size_t have = 0;
    for (;;) {
        char *end;
        size_t head, need;
        long clen = 0;
        /* a whole head */
        for (;;) {
            buf[have] = 0;
            end = strstr(buf, "\r\n\r\n");
            if (end) break;
            if (have >= sizeof buf - 1) return;
            ssize_t r = read(fd, buf + have, sizeof buf - 1 - have);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) return;
            have += (size_t)r;
        }
        head = (size_t)(end + 4 - buf);
        for (char *l = buf; l < end; l++) {
            if ((l == buf || l[-1] == '\n') && strncasecmp(l, "Content-Length:", 15) == 0) {
                clen = strtol(l + 15, NULL, 10);
                break;
            }
        }
        if (clen < 0 || head + (size_t)clen > sizeof buf - 1) return;
        need = head + (size_t)clen;
        while (have < need) {
            ssize_t r = read(fd, buf + have, sizeof buf - 1 - have);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) return;
            have += (size_t)r;
        }
        if (write_all(fd, resp, resp_len) != 0) return;
        memmove(buf, buf + need, have - need); /* pipelined bytes, if any */
        have -= need;
    }
}

int main(int argc, char **argv) {
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    char resp[512], tmp[4096];
    int ls, one = 1, n;
    FILE *f;
    if (argc != 2) {
        fprintf(stderr, "usage: http_server PORTFILE\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGCHLD, SIG_IGN); /* no zombies */
    n = snprintf(resp, sizeof resp,
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                 "Connection: keep-alive\r\n\r\n%s",
                 sizeof body - 1, body);
    ls = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (ls < 0 || bind(ls, (struct sockaddr *)&a, sizeof a) != 0 || listen(ls, 16) != 0 ||
        getsockname(ls, (struct sockaddr *)&a, &al) != 0) {
        perror("http_server");
        return 1;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]); /* readers never see half a file */
    f = fopen(tmp, "w");
    if (!f || fprintf(f, "%d\n", ntohs(a.sin_port)) < 0 || fclose(f) != 0 || rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        return 1;
    }
    for (;;) {
        int c = accept(ls, NULL, NULL);
        if (c < 0) {
            if (errno == EINTR) continue;
            perror("accept");
            return 1;
        }
        if (fork() == 0) {
            close(ls);
            setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            serve(c, resp, (size_t)n);
            _exit(0);
        }
        close(c);
    }
}

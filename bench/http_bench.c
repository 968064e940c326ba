/* bench/http_bench.c - keep-alive POST round trips on loopback: telepot.h's tp_http against
   libcurl (one easy handle, reused) and a raw-socket client (write + read of a precomputed
   request: the floor). The server is bench/http_server.c.

   Modes (bench/run.sh drives them; output is tab-separated records):
     http_bench speed PORT ROUNDS MINSECS   requests/s (median of rounds), client CPU us per
                                            request, and the medians of the per-round ratios
                                            (paired, so noise mostly cancels); the three clients keep a connection
                                            each; a round gives each >= MINSECS, in 10 slices
                                            taken in turn (noise hits all alike)
     http_bench run CLIENT PORT N           N requests (after 1 to connect); for strace -c,
                                            whose counts at two N give system calls per request
     http_bench allocs PORT N               tp_http allocations during N warm requests
   CLIENT is telepot, libcurl or raw. Every answer is checked (status 200, body length). */
#define _GNU_SOURCE 1
#include <stdint.h>
#include <stdlib.h>

static long n_allocs; /* TELEPOT_MALLOC/REALLOC calls */
static void *count_malloc(size_t n) {
    n_allocs++;
    return malloc(n);
}
static void *count_realloc(void *p, size_t n) {
    n_allocs++;
    return realloc(p, n);
}
#define TELEPOT_MALLOC(n) count_malloc(n)
#define TELEPOT_REALLOC(p, n) count_realloc(p, n)
#define TELEPOT_FREE(p) free(p)
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PATH "/bot123456:TEST/sendMessage"
static const char req_body[] = "{\"chat_id\":42,\"text\":\"hi\"}";
static size_t expect_len; /* body length of the first answer; every later one must match */

enum { C_OURS, C_CURL, C_RAW, C_N };
static const char *const client_name[C_N] = {"telepot", "libcurl", "raw"};

static void die(const char *what) {
    fprintf(stderr, "http_bench: %s\n", what);
    exit(1);
}
static void check_len(size_t n) {
    if (!expect_len) expect_len = n;
    if (n != expect_len || n == 0) die("unexpected answer body");
}

/* ---- the clients: open, one request, close ------------------------------------------------ */
typedef struct client {
    int kind;
    int port;
    tp_http *h;
    CURL *curl;
    struct curl_slist *hdrs;
    size_t curl_got;
    int fd;
    char req[512];
    size_t req_len;
    char buf[4096];
} client;

static size_t curl_sink(char *p, size_t sz, size_t nm, void *u) {
    (void)p;
    ((client *)u)->curl_got += sz * nm;
    return sz * nm;
}

static void client_open(client *c, int kind, int port) {
    char url[128];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->port = port;
    c->fd = -1;
    switch (kind) {
    case C_OURS: {
        tp_error err;
        snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
        c->h = tp_http_new(&(tp_http_opts){.url = url}, &err);
        if (!c->h) die(err.message);
        break;
    }
    case C_CURL:
        snprintf(url, sizeof url, "http://127.0.0.1:%d" PATH, port);
        c->curl = curl_easy_init();
        if (!c->curl) die("curl_easy_init");
        c->hdrs = curl_slist_append(NULL, "Content-Type: application/json");
        curl_easy_setopt(c->curl, CURLOPT_URL, url);
        curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->hdrs);
        curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, req_body);
        curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE, (long)(sizeof req_body - 1));
        curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, curl_sink);
        curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
        curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c->curl, CURLOPT_TCP_NODELAY, 1L);
        break;
    default: {
        struct sockaddr_in a;
        int one = 1;
        c->req_len = (size_t)snprintf(c->req, sizeof c->req,
                                      "POST " PATH " HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: "
                                      "application/json\r\nContent-Length: %zu\r\n\r\n%s",
                                      port, sizeof req_body - 1, req_body);
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons((uint16_t)port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        c->fd = socket(AF_INET, SOCK_STREAM, 0);
        if (c->fd < 0 || connect(c->fd, (struct sockaddr *)&a, sizeof a) != 0) die("raw connect");
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        break;
    }
    }
}

static void client_request(client *c) {
    switch (c->kind) {
    case C_OURS: {
        tp_http_req req = {.method = "POST", .path = PATH, .body = req_body, .body_len = sizeof req_body - 1};
        tp_http_resp resp;
        tp_error err;
        if (tp_http_request(c->h, &req, &resp, &err) != TP_OK) die(err.message);
        if (resp.status != 200) die("telepot: status is not 200");
        check_len(resp.body_len);
        break;
    }
    case C_CURL: {
        long code = 0;
        CURLcode rc;
        c->curl_got = 0;
        rc = curl_easy_perform(c->curl);
        if (rc != CURLE_OK) die(curl_easy_strerror(rc));
        curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &code);
        if (code != 200) die("libcurl: status is not 200");
        check_len(c->curl_got);
        break;
    }
    default: {
        size_t have = 0, total = 0;
        const char *e, *cl;
        if (write(c->fd, c->req, c->req_len) != (ssize_t)c->req_len) die("raw write");
        for (;;) { /* read until the head and Content-Length bytes of body are in */
            ssize_t r = read(c->fd, c->buf + have, sizeof c->buf - 1 - have);
            if (r <= 0) die("raw read");
            have += (size_t)r;
            c->buf[have] = 0;
            if (!total && (e = strstr(c->buf, "\r\n\r\n")) != NULL) {
                if (strncmp(c->buf, "HTTP/1.1 200", 12) != 0) die("raw: status is not 200");
                cl = strstr(c->buf, "Content-Length:");
                if (!cl) die("raw: no Content-Length");
                total = (size_t)(e + 4 - c->buf) + strtoul(cl + 15, NULL, 10);
                check_len(strtoul(cl + 15, NULL, 10));
            }
            if (total && have >= total) break;
        }
        break;
    }
    }
}

static void client_close(client *c) {
    if (c->h) tp_http_free(c->h);
    if (c->curl) curl_easy_cleanup(c->curl);
    if (c->hdrs) curl_slist_free_all(c->hdrs);
    if (c->fd >= 0) close(c->fd);
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
static double cpu_s(void) { /* this thread's user + system time */
    struct rusage ru;
    getrusage(RUSAGE_THREAD, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}
static double median(const double *v, int n) {
    double s[64];
    memcpy(s, v, sizeof(double) * (size_t)n);
    qsort(s, (size_t)n, sizeof(double), cmp_d);
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
static int client_of(const char *s) {
    for (int i = 0; i < C_N; i++)
        if (strcmp(s, client_name[i]) == 0) return i;
    die("unknown client (telepot, libcurl, raw)");
    return 0;
}

int main(int argc, char **argv) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (argc == 5 && strcmp(argv[1], "speed") == 0) {
        int port = atoi(argv[2]), rounds = atoi(argv[3]), r, k;
        double minsecs = atof(argv[4]), rps[C_N][64], cpu[C_N][64], ratio[2][64];
        if (rounds > 64) rounds = 64;
        client c[C_N];
        for (k = 0; k < C_N; k++) { /* all three connected at once, then interleaved */
            client_open(&c[k], k, port);
            for (int w = 0; w < 200; w++) client_request(&c[k]); /* connect, warm up */
        }
        for (r = 0; r < rounds; r++) {
            long n[C_N] = {0};
            double t[C_N] = {0}, u[C_N] = {0};
            for (int slice = 0; slice < 10; slice++) { /* 10 slices per client and round */
                for (k = 0; k < C_N; k++) {
                    double t0 = now_s(), c0 = cpu_s(), dt;
                    do {
                        for (int j = 0; j < 50; j++) client_request(&c[k]);
                        n[k] += 50;
                        dt = now_s() - t0;
                    } while (dt < minsecs / 10);
                    t[k] += dt;
                    u[k] += cpu_s() - c0;
                }
            }
            for (k = 0; k < C_N; k++) {
                rps[k][r] = (double)n[k] / t[k];
                cpu[k][r] = u[k] / (double)n[k] * 1e6;
            }
            ratio[0][r] = rps[C_OURS][r] / rps[C_CURL][r]; /* paired: same round */
            ratio[1][r] = rps[C_OURS][r] / rps[C_RAW][r];
        }
        for (k = 0; k < C_N; k++) client_close(&c[k]);
        for (k = 0; k < C_N; k++) { /* client, median req/s, median client CPU us/req, rounds */
            printf("http\t%s\t%.0f\t%.2f\t", client_name[k], median(rps[k], rounds), median(cpu[k], rounds));
            for (r = 0; r < rounds; r++) printf("%s%.0f", r ? "," : "", rps[k][r]);
            printf("\n");
        }
        printf("ratio\ttelepot/libcurl\t%.2f\n", median(ratio[0], rounds));
        printf("ratio\ttelepot/raw\t%.2f\n", median(ratio[1], rounds));
        return 0;
    }
    if (argc == 5 && strcmp(argv[1], "run") == 0) {
        client c;
        long n = atol(argv[4]);
        client_open(&c, client_of(argv[2]), atoi(argv[3]));
        client_request(&c);
        for (long i = 0; i < n; i++) client_request(&c);
        client_close(&c);
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "allocs") == 0) {
        client c;
        long n = atol(argv[3]), before;
        client_open(&c, C_OURS, atoi(argv[2]));
        for (int i = 0; i < 100; i++) client_request(&c);
        before = n_allocs;
        for (long i = 0; i < n; i++) client_request(&c);
        printf("allocs\ttelepot\t%ld\t%ld\n", n, n_allocs - before);
        client_close(&c);
        return 0;
    }
    fprintf(stderr, "usage: http_bench speed PORT ROUNDS MINSECS | run CLIENT PORT N | allocs PORT N\n");
    return 2;
}

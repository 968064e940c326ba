/* tests/fuzz/fuzz_http.c - libFuzzer entry for the HTTP response reader: the input is what
   the server sends on a socketpair; any bytes give TP_OK or an error, never a crash or hang.
   clang -g -O1 -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_http.c -o build/fuzz_http */
#define TELEPOT_IMPLEMENTATION
#include "../../telepot.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static tp_http *h;
    int sv[2];
    tp_http_req req;
    tp_http_resp resp;
    tp_err rc;
    if (size > 60000) return 0;
    if (!h) {
        tp_http_opts o;
        memset(&o, 0, sizeof o);
        o.url = "http://127.0.0.1:9";
        o.max_body_bytes = 4096;
        o.max_header_bytes = 2048;
        h = tp_http_new(&o, NULL);
    }
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 0;
    if (write(sv[1], data, size) != (ssize_t)size) abort();
    shutdown(sv[1], SHUT_WR);
    tp__set_nonblock(sv[0]);
    tp_http_close(h);
    h->conn.fd = sv[0];
    h->last_used = tp_now_ms(); /* a fresh answer: no idle check on this connection */
    memset(&req, 0, sizeof req);
    req.path = "/bot1:x/getMe";
    req.timeout_ms = 1000;
    rc = tp_http_request(h, &req, &resp, NULL);
    if (rc == TP_OK && (resp.status < 100 || resp.status > 999 || resp.body_len > 4096)) abort();
    tp_http_close(h);
    close(sv[1]);
    return 0;
}

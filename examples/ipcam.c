/* ipcam: telepot's IP cam, Telegram as dynamic DNS. The owner's /open asks the home router (a
   UPnP Internet Gateway Device) for its public address and to forward a TCP port to the camera's
   stream, and answers with the URL to watch, http://PUBLIC_IP:PORT/; /close removes the
   forwarding; /status asks the router what is forwarded. Anyone else is refused: the owner is a
   chat, the owner's user id being the id of their private chat with the bot (a group's id would
   let every member of the group in).
   The forwarding has a lease (IPCAM_LEASE_S, 3600 s), renewed every half lease while the bot
   runs: a crashed bot leaves the port open one lease at most; a clean stop (SIGINT/SIGTERM)
   removes it (a router that takes only permanent mappings, error 725, gets one). Only a mapping
   to this bot is removed: when the router restarted and another device took the port, it is
   left alone. Each renewal also reads the public address again: when it changes, the owner gets
   the new URL. The router is found by SSDP, or at the URL of its description on networks without
   multicast (IPCAM_IGD_URL=http://192.168.1.1:5000/rootDesc.xml).
   The stream: without a camera, the bot serves a test picture (a web page) on the stream port;
   with one, set IPCAM_STREAM=external and run a streamer on that port, e.g. on a Raspberry Pi:
     mjpg_streamer -i "input_uvc.so -r 640x480" \
         -o "output_http.so -p 8080 -w /usr/share/mjpg-streamer/www"

   Build:  cc -O2 examples/ipcam.c -o ipcam -lminiupnpc -lpthread   (Debian: libminiupnpc-dev)
   Run:    ./ipcam TOKEN OWNER_CHAT_ID   (or set TELEGRAM_BOT_TOKEN, IPCAM_OWNER; IPCAM_STREAM_PORT
           is 8080 unless set, IPCAM_EXT_PORT the router's port, the same unless set)
           TELEPOT_API_URL=http://127.0.0.1:PORT IPCAM_IGD_URL=http://127.0.0.1:PORT2/rootDesc.xml
           ./ipcam 123456:TEST 1001   (the emulator, and tests/fake_igd.py as the router)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error (a stop that could
   not remove the mapping included). A stop takes IPCAM_STOP_S (30 s) at most: a router still
   answering a call then is left with the mapping, and the exit status is 1. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <arpa/inet.h>
#include <errno.h>
#include <miniupnpc/miniupnpc.h>
#include <miniupnpc/upnpcommands.h>
#include <miniupnpc/upnperrors.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; // the handler's and the renewals'
static struct UPNPUrls urls;                             // the router, while a port is open
static struct IGDdatas igd;
static char lan[64], ext_ip[40], port[24], ext_port[24], lease[24]; // lan: our address there
static bool is_open, permanent; // permanent: the router takes no lease (removed at stop only)
static int64_t owner;

/* Finds the router: at IPCAM_IGD_URL, else by SSDP discovery (2 s). */
static bool find_igd(tp_buf *out) {
    const char *url = getenv("IPCAM_IGD_URL");
    int e = 0, r;
    if (url && *url) {
        if (!UPNP_GetIGDFromUrl(url, &urls, &igd, lan, sizeof lan))
            return tp_buf_printf(out, "No UPnP router (IGD) answers at %s.", url), false;
        if (*igd.first.servicetype) return true; // (any answer is taken for a description)
        FreeUPNPUrls(&urls);
        return tp_buf_printf(out, "No UPnP router (IGD) answers at %s: what is there is not an "
                                  "IGD's description (no WAN connection service).", url), false;
    }
    struct UPNPDev *devs = upnpDiscover(2000, NULL, NULL, UPNP_LOCAL_PORT_ANY, 0, 2, &e);
    r = devs ? UPNP_GetValidIGD(devs, &urls, &igd, lan, sizeof lan) : 0;
    freeUPNPDevlist(devs);
    if (r == 1 || r == 2) return true; // 2: "not connected"; its external address will tell
    if (r) FreeUPNPUrls(&urls);
    tp_buf_puts(out, "No UPnP router (IGD) found: is UPnP on in the router's settings? (Or set "
                     "IPCAM_IGD_URL to the URL of its description.)");
    return false;
}

/* 0.0.0.0/8, 10/8, 100.64/10 (carrier-grade NAT), 127/8, 169.254/16, 172.16/12, 192.168/16. */
static bool is_private(const char *ip) {
    struct in_addr a;
    if (inet_pton(AF_INET, ip, &a) != 1) return true; // none: the router is not connected
    uint32_t x = ntohl(a.s_addr);
    return x >> 24 == 0 || x >> 24 == 10 || x >> 22 == (100 << 2 | 1) || x >> 24 == 127 ||
           x >> 16 == 0xA9FE || x >> 20 == 0xAC1 || x >> 16 == 0xC0A8;
}

static void refused(tp_buf *out, const char *what, int code) {
    const char *name = strupnperror(code);
    if (code == UPNPCOMMAND_HTTP_ERROR) // miniupnpc's own codes are < 0
        tp_buf_printf(out, "No answer from the router when asked to %s (%s).", what, name);
    else if (code < 0)
        tp_buf_printf(out, "The router's answer when asked to %s is not one I can read (%s).",
                      what, name);
    else
        tp_buf_printf(out, "The router refused to %s: error %d %s", what, code, name ? name : "");
    if (code == 718)
        tp_buf_printf(out, "\nPort %s is forwarded to another device already: choose another "
                           "with IPCAM_EXT_PORT.", ext_port);
    else if (code == 606 || code == 501 || code == 401)
        tp_buf_puts(out, "\nUPnP port forwarding is off or restricted in the router's settings.");
}

static int add_mapping(const char *secs) {
    return UPNP_AddPortMapping(urls.controlURL, igd.first.servicetype, ext_port, port, lan,
                               "ipcam (telepot.h)", "TCP", NULL, secs);
}

static void cmd_open(tp_buf *out) { // when open: renewed, and the address read again
    char ip[40] = "";
    int r;
    if (!is_open && !find_igd(out)) return;
    if ((r = UPNP_GetExternalIPAddress(urls.controlURL, igd.first.servicetype, ip))) {
        refused(out, "tell its external address", r); // (the one known stays: /status shows it)
    } else if (memcpy(ext_ip, ip, sizeof ext_ip), is_private(ext_ip)) {
        tp_buf_printf(out, "The router's external address, %s, is not a public one: the provider"
                           " shares a public address among customers (carrier-grade NAT) or "
                           "another router stands in front. The camera cannot be reached from "
                           "the Internet this way.", *ext_ip ? ext_ip : "(none)");
    } else {
        r = add_mapping(permanent ? "0" : lease);
        if (r == 725 && !(r = add_mapping("0"))) permanent = true; // OnlyPermanentLeasesSupported
        if (r) {
            refused(out, "forward the port", r);
            if (r == 718) is_open = false; // another device's now (the router restarted): not ours
        } else {
            is_open = true;
            tp_buf_printf(out, "http://%s:%s/\nThe router forwards port %s to %s:%s, %s; /close "
                               "to close.", ext_ip, ext_port, ext_port, lan, port, permanent ?
                               "permanently (until /close or a stop)" : "renewed while I run");
        }
    }
    if (!is_open) FreeUPNPUrls(&urls);
}

static void closed(void) { is_open = false, FreeUPNPUrls(&urls); }

/* What the router forwards from our external port (only while open). */
typedef struct entry { char client[64], iport[8], desc[80], enabled[8], left[16]; } entry;

static int get_entry(entry *e) {
    memset(e, 0, sizeof *e);
    return UPNP_GetSpecificPortMappingEntry(urls.controlURL, igd.first.servicetype, ext_port,
                                            "TCP", NULL, e->client, e->iport, e->desc,
                                            e->enabled, e->left);
}

/* r, e: get_entry's. The port is no longer forwarded here: the mapping is gone (lease over,
   router restarted), or another device's now (not ours to remove). */
static bool gone(int r, const entry *e) {
    return r == 714 || (!r && (strcmp(e->client, lan) || strcmp(e->iport, port)));
}

static void cmd_close(tp_buf *out) {
    entry e;
    int r = is_open ? get_entry(&e) : 0;
    if (is_open && gone(r, &e)) {
        closed();
        tp_buf_printf(out, "Closed: the router no longer forwarded port %s here (restarted?).",
                      ext_port);
        return;
    }
    r = is_open ? UPNP_DeletePortMapping(urls.controlURL, igd.first.servicetype, ext_port, "TCP",
                                         NULL) : 0; // (r from get_entry: an error, tried anyway)
    if (r && r != 714) { // 714 NoSuchEntryInArray: gone already
        refused(out, "remove the forwarding", r); // still open: /close again, or the lease ends
    } else if (is_open) {
        closed();
        tp_buf_printf(out, "Closed: port %s is no longer forwarded.", ext_port);
    } else {
        tp_buf_puts(out, "Nothing is open.");
    }
}

static void cmd_status(tp_buf *out) {
    entry e;
    int r = is_open ? get_entry(&e) : 0;
    if (!is_open) {
        tp_buf_puts(out, "Closed: nothing is forwarded. /open to open.");
    } else if (gone(r, &e)) {
        tp_buf_printf(out, "The router no longer forwards port %s here (restarted?): /open to "
                           "open it again.", ext_port);
        closed();
    } else if (r) {
        refused(out, "tell about the forwarding", r);
    } else {
        tp_buf_printf(out, "Open: http://%s:%s/ -> %s:%s, ", ext_ip, ext_port, e.client, e.iport);
        if (atol(e.left)) tp_buf_printf(out, "%s s of the lease left (renewed every %ld s)",
                                        e.left, atol(lease) / 2);
        else tp_buf_puts(out, "permanently");
    }
}

/* Every half lease: the mapping renewed, the address read again (the owner told of a change). */
static void renew(void *user, uint64_t id) {
    char was[40], ip[40] = "";
    tp_buf out;
    int r = 0;
    (void)id;
    tp_buf_init(&out);
    pthread_mutex_lock(&lock);
    if (is_open && !permanent && (r = add_mapping(lease))) refused(&out, "renew the forwarding", r);
    if (r == 718) { // the router restarted and another device took the port: not ours to remove
        closed();
        tp_buf_puts(&out, "\nClosed here: /open to open it again.");
    }
    memcpy(was, ext_ip, sizeof was);
    if (is_open && !UPNP_GetExternalIPAddress(urls.controlURL, igd.first.servicetype, ip) &&
        strcmp(ip, was)) {
        memcpy(ext_ip, ip, sizeof ext_ip);
        tp_buf_printf(&out, is_private(ip) ? "The router's address is now %s, not a public one:"
                      " port %s cannot be reached." : "New address: http://%s:%s/", ip, ext_port);
    }
    pthread_mutex_unlock(&lock);
    if (out.len) tp_send_message((tp_bot *)user, &(tp_send_message_args){
                                 .chat_id = TP_CHAT(owner), .text = out.ptr }, NULL, NULL);
    tp_buf_deinit(&out);
}

/* The test picture: colour bars and the time, a page for any request. */
static void *serve_picture(void *arg) {
    static const char *bars[] = { "#c0c0c0", "#c0c000", "#00c0c0", "#00c000", "#c000c0",
                                  "#c00000", "#0000c0" };
    char req[2048], page[1024], head[128], now[32];
    for (int c, fd = *(int *)arg;;) {
        if ((c = accept(fd, NULL, NULL)) < 0) { // (out of descriptors: a pause, no spin)
            sleep(1);
            continue;
        }
        setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &(struct timeval){ 2, 0 }, sizeof(struct timeval));
        if (recv(c, req, sizeof req, 0) > 0) { // (then closing does not reset the answer)
            time_t t = time(NULL);
            strftime(now, sizeof now, "%Y-%m-%d %H:%M:%S UTC", gmtime(&t));
            int n = snprintf(page, sizeof page, "<!DOCTYPE html><meta http-equiv=refresh content="
                             "5><title>ipcam</title><svg width=640 height=360 viewBox='0 0 7 4'>");
            for (int i = 0; i < 7; i++)
                n += snprintf(page + n, sizeof page - n, "<rect x=%d width=1 height=4 fill='%s'/>",
                              i, bars[i]);
            n += snprintf(page + n, sizeof page - n, "</svg><p>ipcam test picture, %s</p>\n", now);
            int h = snprintf(head, sizeof head, "HTTP/1.0 200 OK\r\nContent-Type: text/html; "
                             "charset=utf-8\r\nContent-Length: %d\r\n\r\n", n);
            if (send(c, head, h, MSG_NOSIGNAL) == h) send(c, page, n, MSG_NOSIGNAL);
        }
        close(c);
    }
    return NULL;
}

static bool is_command(const char *text, const char *cmd) { // "/open", "/open@IpCamBot"
    size_t n = strlen(cmd);
    return !strncmp(text, cmd, n) && (!text[n] || text[n] == ' ' || text[n] == '@');
}

static void handle(tp_bot *bot, const tp_update *u, void *user) {
    const tp_message *m = u->message;
    const char *t = m && m->text ? m->text : "";
    tp_buf out;
    (void)user;
    if (!m) return;
    tp_buf_init(&out);
    pthread_mutex_lock(&lock);
    if (m->chat->id != owner) tp_buf_puts(&out, "Sorry, this camera is private.");
    else if (is_command(t, "/open")) cmd_open(&out);
    else if (is_command(t, "/close")) cmd_close(&out);
    else if (is_command(t, "/status")) cmd_status(&out);
    else tp_buf_puts(&out, "/open - forward the camera's port, get its URL\n/close - close it\n"
                           "/status - what is open");
    pthread_mutex_unlock(&lock);
    if (m->chat->id != owner) fprintf(stderr, "ipcam: refused chat %lld\n", (long long)m->chat->id);
    tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                  .text = out.ptr }, NULL, NULL);
    tp_buf_deinit(&out);
}

static long number(const char *s, long dflt, long max) { // -1: not a number in 1..max
    char *end;
    long v = s ? strtol(s, &end, 10) : dflt;
    return s && (!*s || *end) ? -1 : v >= 1 && v <= max ? v : -1;
}

static int64_t chat_id(const char *s) { // 0: not a chat id ("1001x" is no 1001, "12,345" no 12)
    char *end;
    errno = 0;
    long long v = s && *s ? strtoll(s, &end, 10) : 0;
    return v && !errno && !*end ? (int64_t)v : 0;
}

/* A stop bounded in time: miniupnpc waits 5 s for each piece of a router's answer, so a router
   that answers a byte at a time holds a call (and the stop, which waits for it) for ever. */
static long stop_s;
static pthread_mutex_t watch = PTHREAD_MUTEX_INITIALIZER; // the watch's bot and bot_freed
static bool bot_freed; // (the watch must not read a freed bot)

static void *watch_stop(void *bot) {
    for (bool stopped = false; !stopped; nanosleep(&(struct timespec){ 0, 200000000 }, NULL)) {
        pthread_mutex_lock(&watch);
        if (bot_freed) return pthread_mutex_unlock(&watch), NULL; // (a fatal error: no stop)
        stopped = tp_bot_stopped(bot);
        pthread_mutex_unlock(&watch);
    }
    sleep((unsigned)stop_s); // main has returned by then, unless the router holds it
    fprintf(stderr, "ipcam: the router has not answered in the %ld s since the stop: exiting, "
                    "port %s perhaps still forwarded (until its lease ends)\n", stop_s, ext_port);
    _exit(1);
}

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *owner_id = argc > 2 ? argv[2] : getenv("IPCAM_OWNER");
    const char *stream = getenv("IPCAM_STREAM");
    long sport = number(getenv("IPCAM_STREAM_PORT"), 8080, 65535);
    long eport = number(getenv("IPCAM_EXT_PORT"), sport, 65535);
    long secs = number(getenv("IPCAM_LEASE_S"), 3600, 604800);
    stop_s = number(getenv("IPCAM_STOP_S"), 30, 3600);
    owner = chat_id(owner_id);
    if (!token || !*token || *token == '-' || !owner || argc > 3 || sport < 0 || eport < 0 ||
        secs < 2 || stop_s < 0 ||
        (stream && strcmp(stream, "external") && strcmp(stream, "picture"))) {
        fprintf(stderr, "usage: %s TOKEN OWNER_CHAT_ID   (or set TELEGRAM_BOT_TOKEN, IPCAM_OWNER; "
                        "IPCAM_STREAM_PORT, IPCAM_EXT_PORT: 1-65535, IPCAM_LEASE_S: 2-604800, "
                        "IPCAM_STOP_S: 1-3600, IPCAM_STREAM=picture|external, IPCAM_IGD_URL)\n",
                argv[0]);
        return 2;
    }
    snprintf(port, sizeof port, "%ld", sport);
    snprintf(ext_port, sizeof ext_port, "%ld", eport);
    snprintf(lease, sizeof lease, "%ld", secs);
    static int fd = -1;
    pthread_t th;
    if (!stream || !strcmp(stream, "picture")) { // on every interface: the router forwards to it
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)sport) };
        fd = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &(int){ 1 }, sizeof(int));
        if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 16) ||
            pthread_create(&th, NULL, serve_picture, &fd)) {
            fprintf(stderr, "ipcam: cannot serve the test picture on port %ld: %s (a streamer "
                            "there? then set IPCAM_STREAM=external)\n", sport, strerror(errno));
            return 1;
        }
    }
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err);
    tp_sched *sched = bot ? tp_sched_new(&err) : NULL;
    if (!sched || !tp_sched_after(sched, secs * 500, secs * 500, renew, bot)) {
        fprintf(stderr, "ipcam: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop, then the port closed
    if (pthread_create(&th, NULL, watch_stop, bot) || pthread_detach(th)) {
        fprintf(stderr, "ipcam: no thread to watch the stop\n");
        return 1;
    }
    tp_err rc = tp_poll_run(bot, handle, NULL, NULL, &err); // until stopped
    if (rc != TP_OK) fprintf(stderr, "ipcam: %s\n", err.message);
    tp_bot_stop(bot); // (after a fatal error too: the watch bounds the closing below)
    tp_sched_free(sched); // no renewal from now on
    tp_buf out;
    tp_buf_init(&out);
    if (is_open) cmd_close(&out);
    if (out.len) fprintf(stderr, "ipcam: %s\n", out.ptr);
    tp_buf_deinit(&out);
    pthread_mutex_lock(&watch);
    tp_bot_free(bot);
    bot_freed = true;
    pthread_mutex_unlock(&watch);
    return rc == TP_OK && !is_open ? 0 : 1;
}

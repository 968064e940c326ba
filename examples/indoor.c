/* indoor: telepot's indoor climate monitor, on the delegator, with timers. Commands:
     /now     one reading now
     /1m      a reading every minute     (a new /1m or /1h replaces the chat's schedule)
     /1h      a reading every hour
     /cancel  stop the periodic readings
   Each chat with a schedule has a delegate of its own (no idle timeout: it lives while its
   timer does, and closes at /cancel). The readings come from the sensor file, re-read at each
   one: "21.5 45" (temperature in C, relative humidity in %), which whatever reads the sensor
   keeps up to date; without a file, a fake sensor whose values drift with the time of day.
   Delegates run on a thread each (TP_PRODUCER_THREAD), so one chat's slow sendMessage never
   delays the other chats' timers.

   Build:  cc -O2 examples/indoor.c -o indoor -lpthread
   HTTPS:  cc -O2 -DTELEPOT_BEARSSL examples/indoor.c -o indoor -lbearssl -lpthread
   Run:    ./indoor TOKEN [SENSOR_FILE]   (or set TELEGRAM_BOT_TOKEN, INDOOR_SENSOR)
           TELEPOT_API_URL=http://127.0.0.1:PORT INDOOR_MINUTE_MS=200 ./indoor 123456:TEST
           (the emulator, and a "minute" of 200 ms: INDOOR_MINUTE_MS scales /1m and /1h)
   Exit status: 0 after SIGINT/SIGTERM, 2 on bad usage, 1 on a fatal error. */
#define TELEPOT_IMPLEMENTATION
#include "../telepot.h" // in your own bot: "telepot.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *sensor;        // the sensor file; NULL: the fake sensor
static int64_t minute_ms = 60000; // INDOOR_MINUTE_MS

typedef struct monitor {
    uint64_t timer; // the delegate's state: its periodic reading (0: none)
} monitor;

static void reading(tp_delegate *d) {
    double temp, hum;
    if (sensor) {
        FILE *f = fopen(sensor, "r");
        int n = f ? fscanf(f, "%lf %lf", &temp, &hum) : 0;
        int e = errno;
        if (f) fclose(f);
        if (n != 2) {
            tp_delegate_printf(d, "Sensor unavailable: %s", f ? "not two numbers" : strerror(e));
            return;
        }
    } else { // fake: from 18 C, 60 % at 6:00 (UTC) to 24 C, 40 % at 18:00, and back
        int64_t min = (tp_now_ms() / 60000 + 18 * 60) % (24 * 60); // 0 at 6:00
        double x = (min < 720 ? min : 1440 - min) / 720.0;
        temp = 18 + 6 * x;
        hum = 60 - 20 * x;
    }
    tp_delegate_printf(d, "Temperature %.1f °C, humidity %.0f %%", temp, hum);
}

static void on_message(tp_delegate *d, const tp_update *u) {
    monitor *m = (monitor *)tp_delegate_state(d);
    const char *cmd = u->message && u->message->text ? u->message->text : "";
    int64_t every = !strcmp(cmd, "/1m") ? minute_ms : !strcmp(cmd, "/1h") ? 60 * minute_ms : 0;
    if (!strcmp(cmd, "/now")) {
        reading(d);
    } else if (every || !strcmp(cmd, "/cancel")) {
        if (m->timer) tp_delegate_cancel(d, m->timer); // a due reading will not come either
        m->timer = every ? tp_delegate_after(d, every, every, NULL) : 0;
        tp_delegate_printf(d, !every ? "Cancelled" : every == minute_ms ? "Every minute"
                                                                         : "Every hour");
    } else if (u->message) {
        tp_delegate_printf(d, "/now - a reading now\n/1m - every minute\n/1h - every hour\n"
                              "/cancel - stop");
    }
    if (!m->timer) tp_delegate_close(d); // nothing scheduled: this chat needs no delegate
}

static void on_event(tp_delegate *d, uint64_t id, void *data) {
    (void)id, (void)data; // the delegate's only timer; a cancelled one never comes here
    reading(d);
}

static const tp_handler monitor_handler = {
    .state_size = sizeof(monitor),
    .on_message = on_message,
    .on_event = on_event,
    .timeout_ms = 0, // never idle: the readings go on without messages
};

int main(int argc, char **argv) {
    const char *token = argc > 1 ? argv[1] : getenv("TELEGRAM_BOT_TOKEN");
    const char *minute = getenv("INDOOR_MINUTE_MS");
    sensor = argc > 2 ? argv[2] : getenv("INDOOR_SENSOR");
    if (sensor && !*sensor) sensor = NULL;
    if (minute) minute_ms = atoll(minute);
    if (!token || !*token || *token == '-' || minute_ms < 1 || minute_ms > 3600000) {
        fprintf(stderr, "usage: %s TOKEN [SENSOR_FILE]   (or set TELEGRAM_BOT_TOKEN, "
                        "INDOOR_SENSOR; INDOOR_MINUTE_MS: a minute in ms)\n", argv[0]);
        return 2;
    }
    tp_bot_opts opts = { .token = token, .log = tp_log_stderr, .log_user = argv[0] };
    tp_error err;
    tp_bot *bot = tp_bot_new(&opts, &err);
    if (!bot) {
        fprintf(stderr, "indoor: %s\n", err.message);
        return 1;
    }
    tp_bot_stop_on_signals(bot); // SIGINT/SIGTERM: a graceful stop
    tp_dlg_route routes[] = { TP_ROUTE(tp_per_chat_id(), &monitor_handler), TP_DLG_END };
    tp_dlg_opts dopts = { .workers = 4, .producer = TP_PRODUCER_THREAD };
    tp_err rc = tp_dlg_run(bot, routes, &dopts, &err); // until stopped
    if (rc != TP_OK) fprintf(stderr, "indoor: %s\n", err.message);
    tp_bot_free(bot);
    return rc == TP_OK ? 0 : 1;
}

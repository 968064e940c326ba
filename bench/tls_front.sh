#!/bin/bash
# bench/tls_front.sh tls|tcp FWD CERT KEY CA BOT [ARGS..] - runs BOT with bench/tls_fwd.c (FWD)
# between it and $TELEPOT_API_URL (http://127.0.0.1:PORT, set by bench/echo_run.c): `tls`
# terminates TLS with CERT/KEY and gives the bot https://localhost:P and TELEPOT_CA_FILE=CA;
# `tcp` forwards plain HTTP: the same extra hop without TLS. SIGTERM stops the bot, then FWD.
set -u
mode=$1 fwd=$2 cert=$3 key=$4 ca=$5
shift 5
up=${TELEPOT_API_URL##*:}
pf=$(mktemp "${TMPDIR:-/tmp}/tls_front.XXXXXX")
: >"$pf"
"$fwd" "$mode" "$up" "$cert" "$key" "$pf" &
S=$!
i=0; while [ ! -s "$pf" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
port=$(cat "$pf"); rm -f "$pf"
if [ "$mode" = tls ]; then url=https://localhost:$port; else url=http://127.0.0.1:$port; fi
TELEPOT_API_URL=$url TELEPOT_CA_FILE=$ca "$@" &
BOT=$!
trap 'kill -TERM $BOT 2>/dev/null; wait $BOT; kill $S 2>/dev/null; wait $S 2>/dev/null; exit 0' TERM INT
wait $BOT
kill $S 2>/dev/null
wait $S 2>/dev/null

#!/bin/bash
# bench/tls_front.sh tls|tcp CERT KEY CA BOT [ARGS..] - runs BOT with socat between it and
# $TELEPOT_API_URL (http://127.0.0.1:PORT, set by bench/echo_run.c): `tls` terminates TLS with
# CERT/KEY and gives the bot https://localhost:P and TELEPOT_CA_FILE=CA; `tcp` is a plain
# forwarder, the same extra hop without TLS. SIGTERM stops the bot, then socat.
set -u
mode=$1 cert=$2 key=$3 ca=$4
shift 4
up=${TELEPOT_API_URL#http://}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if [ "$mode" = tls ]; then
    socat OPENSSL-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,nodelay,cert=$cert,key=$key,verify=0 TCP:$up,nodelay 2>/dev/null &
    url=https://localhost:$port
else
    socat TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,nodelay TCP:$up,nodelay 2>/dev/null &
    url=http://127.0.0.1:$port
fi
S=$!
i=0; while ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && [ $i -lt 200 ]; do sleep 0.01; i=$((i + 1)); done
TELEPOT_API_URL=$url TELEPOT_CA_FILE=$ca "$@" &
BOT=$!
trap 'kill -TERM $BOT 2>/dev/null; wait $BOT; kill $S 2>/dev/null; wait $S 2>/dev/null; exit 0' TERM INT
wait $BOT
kill $S 2>/dev/null
wait $S 2>/dev/null

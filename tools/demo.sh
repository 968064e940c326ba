#!/bin/sh
# tools/demo.sh TPEMU BOT SCRIPT - plays SCRIPT against BOT through the emulator and prints
# the transcript. Everything runs on loopback and is stopped at the end.
set -u
emu=$1 bot=$2 script=$3
dir=$(mktemp -d "${TMPDIR:-/tmp}/telepot-demo.XXXXXX")
trap 'kill $botpid $emupid 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
botpid="" emupid=""
"$emu" --port 0 --port-file "$dir/port" --script "$script" --max-secs 60 &
emupid=$!
i=0
while [ ! -s "$dir/port" ]; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 $emupid 2>/dev/null; then echo "demo: the emulator did not start" >&2; exit 1; fi
    sleep 0.05
done
TELEPOT_API_URL="http://127.0.0.1:$(cat "$dir/port")" TELEGRAM_BOT_TOKEN="123456:TEST" "$bot" &
botpid=$!
wait $emupid
rc=$?
kill -TERM $botpid 2>/dev/null
wait $botpid 2>/dev/null
botpid="" emupid=""
exit $rc

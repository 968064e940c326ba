#!/bin/bash
# tests/tls/echo_https.sh - the echo example built with -DTELEPOT_BEARSSL, end to end over
# HTTPS: tpemu behind socat (TLS terminated with the test PKI's RSA certificate), 1000
# updates answered exactly once over kept-alive TLS, and a clean stop on SIGTERM.
# (Certificate failures through a bot are in tests/test_tls.c.)
set -u
cd "$(dirname "$0")/../.."
B=build/tests
T=$(mktemp -d "${TMPDIR:-/tmp}/tpt-tls.XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$T"' EXIT
passed=0 failed=0
check() { if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2" >&2; fi; }
sh tests/tls/make_certs.sh build/tls || { echo "make_certs failed"; exit 1; }
mkdir -p "$B"
gcc -O2 -DTELEPOT_BEARSSL examples/echo.c -o "$B/echo-https" -lbearssl -lpthread || exit 1
make -s build/tpemu >/dev/null || exit 1
build/tpemu --port 0 --port-file "$T/port" --quiet --updates 1000 --max-secs 60 >/dev/null 2>"$T/emu.err" &
EMU=$!
i=0; while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
# a free port for socat: bind 0 through python3 when there, else pick from the PID
TP=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + $$ % 20000)))
socat OPENSSL-LISTEN:$TP,bind=127.0.0.1,reuseaddr,fork,cert=build/tls/rsa.pem,key=build/tls/rsa.key,verify=0 \
    TCP:127.0.0.1:$(cat "$T/port") 2>"$T/socat.err" &
SOCAT=$!
i=0; while ! (exec 3<>/dev/tcp/127.0.0.1/$TP) 2>/dev/null && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
TELEPOT_CA_FILE=build/tls/ca.pem TELEPOT_API_URL=https://localhost:$TP "$B/echo-https" 123456:TEST 2>"$T/echo.err" &
BOT=$!
wait $EMU; rc=$?
check "[ $rc -eq 0 ] && grep -q 'matched=1000 duplicates=0 missing=0 unexpected=0' '$T/emu.err'" \
    "echo over HTTPS: tpemu rc=$rc: $(tail -n 2 "$T/emu.err") / $(tail -n 2 "$T/echo.err")"
kill -TERM $BOT; wait $BOT; rc=$?
check "[ $rc -eq 0 ]" "echo over HTTPS exit status on SIGTERM: $rc"
kill $SOCAT 2>/dev/null
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

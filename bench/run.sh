#!/usr/bin/env bash
# bench/run.sh - builds the benchmarks into build/bench/, runs them, prints Markdown tables.
# `make bench` calls it; it works from any directory (it goes to the repository root).
#
# Needs (Debian; tools/deps.sh installs them): libcjson-dev libjansson-dev libjson-c-dev
# libcurl4-openssl-dev; for the HTTPS section libbearssl-dev openssl libssl-dev musl-tools; and
# for the stable figures valgrind and strace (sections or columns
# are skipped, with a note, when something is missing). The echo section needs build/tpemu
# and build/examples/echo (make them first); it is skipped without them.
#
# Every C file is built with: cc -std=c99 -O2 -Wall (override with CC=, BENCH_CFLAGS=).
# Environment knobs: BENCH_ROUNDS (default 5), BENCH_MINSECS (seconds per round, default 0.2),
# BENCH_ECHO_UPDATES (default 20000), BENCH_ECHO_ROUNDS (default 5), BENCH_TPEMU and
# BENCH_ECHO_BOT (default build/tpemu, build/examples/echo), BENCH_TLS_HANDSHAKES (default 200),
# BENCH_TLS_ECHO_UPDATES (default 10000); for the latency section BENCH_LAT_MS (default 50),
# BENCH_LAT_UPDATES (1000), BENCH_LAT_CHATS (100), BENCH_LAT_WORKERS ("8 32 64"),
# BENCH_LAT_ECHO_UPDATES (200: the sequential bots take ~20 s per 400 updates),
# BENCH_LAT_ROUNDS (default BENCH_ECHO_ROUNDS, else 3), BENCH_LAT_SLOW_SECS (5: a bot whose
# first run took longer is run once); for the delegator section (bench/dlg_bench.c, ~20 s a
# round, ~40 s with the three producers) BENCH_DLG_WORKERS ("8 32"), BENCH_DLG_UPDATES
# (BENCH_ECHO_UPDATES: loopback),
# BENCH_DLG_CHATS (1000), BENCH_DLG_LAT_MS (BENCH_LAT_MS, else 50), BENCH_DLG_LAT_PER_WORKER
# (50: W x 50 updates at that latency), BENCH_DLG_LAT_CHATS (100), BENCH_DLG_SEQ_UPDATES (60),
# BENCH_DLG_ROUNDS (3), BENCH_DLG_DELEGATES (100000), BENCH_DLG_RAW_ROUNDS (50),
# BENCH_DLG_PRODUCERS ("pool thread fork"), BENCH_DLG_FORK_UPDATES (loopback updates for the
# fork producer, 5000), BENCH_DLG_OPEN_N (new delegates per `dlg_bench open` run, 2000),
# BENCH_DLG_FORK_OPEN_N (the same for fork, 200); for the broadcast section (~90 s) BENCH_BC_CHATS
# (10000), BENCH_BC_LIMIT (tpemu's and broadcast's rate, 2000/1000), BENCH_BC_LAT_MS (50),
# BENCH_BC_ROUNDS (3), BENCH_BC_BOT (build/examples/broadcast). BENCH_ONLY=lat,echo runs only
# those sections (json, typed, build, http, echo, lat, dlg, https, hook, bc) and the targets of
# what ran.
#
# Machines are shared and noisy: speeds are medians of interleaved rounds (JSON times are the
# thread's CPU time; HTTP and echo are wall time, with ratios taken per round, then the
# median); instruction counts (valgrind callgrind) and system-call counts (strace -c, the
# difference between two run lengths) are the stable figures.
set -u
cd "$(dirname "$0")/.." || exit 1
B=build/bench
mkdir -p "$B"
CC=${CC:-cc}
CFLAGS=${BENCH_CFLAGS:--std=c99 -O2 -Wall}
ROUNDS=${BENCH_ROUNDS:-5}
MINSECS=${BENCH_MINSECS:-0.2}
ECHO_N=${BENCH_ECHO_UPDATES:-20000}
ECHO_ROUNDS=${BENCH_ECHO_ROUNDS:-5}
TPEMU=${BENCH_TPEMU:-build/tpemu}
ECHO_BOT=${BENCH_ECHO_BOT:-build/examples/echo}
SUMMARY=$B/summary.txt
: >"$SUMMARY"

note() { printf '%s\n' "$*" >&2; }
want() { [ -z "${BENCH_ONLY:-}" ] || [[ ",$BENCH_ONLY," == *",$1,"* ]]; }
# target NAME VALUE OP LIMIT : records met/missed for the summary (OP: ge or le)
target() {
    local verdict
    if [ -z "$2" ] || [ "$2" = "?" ]; then verdict="not measured"
    elif awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { exit !(op == "ge" ? v + 0 >= l + 0 : v + 0 <= l + 0) }'; then
        verdict="met"
    else verdict="MISSED"; fi
    printf '| %s | %s | %s %s | %s |\n' "$1" "${2:-?}" "$([ "$3" = ge ] && echo '>=' || echo '<=')" "$4" "$verdict" >>"$SUMMARY"
}
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { if (b + 0 == 0) print "?"; else printf f "\n", a / b }'; }
field() { awk -F'\t' -v k1="$2" -v k2="$3" -v c="$4" '$1 == k1 && $2 == k2 { print $c; exit }' "$1"; }
field3() { awk -F'\t' -v k2="$2" -v k3="$3" -v c="$4" '$2 == k2 && $3 == k3 { print $c; exit }' "$1"; }

build() { # build OUT SRC... -- LIBS...
    local out=$1; shift
    local srcs=() libs=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do srcs+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    libs=("$@")
    # shellcheck disable=SC2086
    if ! $CC $CFLAGS "${srcs[@]}" -o "$B/$out" "${libs[@]}" 2>"$B/$out.build.log"; then
        note "bench: building $out failed (see $B/$out.build.log)"; return 1
    fi
}

echo "# telepot.h benchmarks"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) CPUs, $($CC --version | head -1); flags: \`$CFLAGS\`;" \
     "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo

# ---------------------------------------------------------------------------------------------
if want json; then
echo "## JSON: parse + walk a getUpdates answer"
echo
if build gen_docs bench/gen_docs.c &&
   build json_bench bench/json_bench.c bench/jb_jsonc.c -- -lcjson -ljansson -ljson-c -lpthread &&
   build json_mem -DJB_MEM bench/json_bench.c bench/jb_jsonc.c -- -lcjson -ljansson -ljson-c -lpthread; then
    "$B/gen_docs" "$B" >"$B/gen.txt" || exit 1
    SMALL=$B/updates100.json BIG=$B/big.json
    SB=$(stat -c %s "$SMALL") BB=$(stat -c %s "$BIG")
    "$B/json_bench" check "$B" >"$B/json_check.tsv"
    "$B/json_bench" speed "$SMALL,$BIG" "$ROUNDS" "$MINSECS" >"$B/json_speed.tsv"
    "$B/json_mem" mem "$SMALL" >"$B/json_mem.tsv"
    "$B/json_mem" mem "$BIG" >>"$B/json_mem.tsv"
    : >"$B/json_ir.tsv"
    if command -v valgrind >/dev/null; then
        for lib in telepot cJSON jansson json-c; do
            valgrind --tool=callgrind --callgrind-out-file="$B/cg.$lib.small" --collect-atstart=no \
                --toggle-collect=jb_work "$B/json_bench" work "$lib" "$SMALL" 20 >/dev/null 2>&1
            ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$B/cg.$lib.small" 2>/dev/null)
            printf 'ir\t%s\tsmall\t%s\n' "$lib" "$(div "${ir:-0}" "$((SB * 20))" %.1f)" >>"$B/json_ir.tsv"
        done
        valgrind --tool=callgrind --callgrind-out-file="$B/cg.telepot.big" --collect-atstart=no \
            --toggle-collect=jb_work "$B/json_bench" work telepot "$BIG" 1 >/dev/null 2>&1
        ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$B/cg.telepot.big" 2>/dev/null)
        printf 'ir\ttelepot\tbig\t%s\n' "$(div "${ir:-0}" "$BB" %.1f)" >>"$B/json_ir.tsv"
    else
        note "bench: valgrind not found: no instruction counts"
    fi
    our_s=$(field3 "$B/json_speed.tsv" "$SMALL" telepot 4)
    cj_s=$(field3 "$B/json_speed.tsv" "$SMALL" cJSON 4)
    our_ir=$(field "$B/json_ir.tsv" ir telepot 4)
    cj_ir=$(field "$B/json_ir.tsv" ir cJSON 4)
    echo "Documents (bench/gen_docs.c, deterministic): \`updates100.json\` $SB bytes (100 updates:" \
         "\`\\uXXXX\` escapes with surrogate pairs, \`\\/\` in URLs, ids above 2^53, entities, captions)," \
         "\`big.json\` $BB bytes (the same shape, $(awk '/^big.json/ { print $2 }' "$B/expect.txt") updates)." \
         "Per document: parse, walk result[*].update_id / message.chat.id / message.text, free." \
         "MB/s = 10^6 bytes per second of thread CPU time, median of $ROUNDS interleaved rounds of >= ${MINSECS} s" \
         "per document and library; \"10 MB / small\" is the median of the per-round ratios."
    echo
    echo "| library | MB/s, 100 updates | x cJSON | instr/byte (callgrind) | MB/s, 10 MB | 10 MB / small | peak heap, 100 upd. (x input) | allocs / doc | peak heap, 10 MB (x input) | walk checksums | int64 2^53+1 round trip |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    for lib in telepot cJSON jansson json-c; do
        s=$(field3 "$B/json_speed.tsv" "$SMALL" "$lib" 4)
        b=$(field3 "$B/json_speed.tsv" "$BIG" "$lib" 4)
        ir=$(awk -F'\t' -v l="$lib" '$1 == "ir" && $2 == l && $3 == "small" { print $4 }' "$B/json_ir.tsv")
        pk=$(awk -F'\t' -v f="$SMALL" -v l="$lib" '$2 == f && $3 == l { printf "%.2f", $5 / $4 }' "$B/json_mem.tsv")
        al=$(awk -F'\t' -v f="$SMALL" -v l="$lib" '$2 == f && $3 == l { print $6 }' "$B/json_mem.tsv")
        pkb=$(awk -F'\t' -v f="$BIG" -v l="$lib" '$2 == f && $3 == l { printf "%.2f", $5 / $4 }' "$B/json_mem.tsv")
        ck=$(awk -F'\t' -v l="$lib" '$1 == "check" && $3 == l { printf "%s%s", sep, $4; sep = " / " }' "$B/json_check.tsv")
        i64=$(awk -F'\t' -v l="$lib" '$1 == "int64" && $2 == l { print $3 " (" $4 ")" }' "$B/json_check.tsv")
        pr=$(awk -F'\t' -v l="$lib" '$1 == "paired" && $4 == l { print $5 }' "$B/json_speed.tsv")
        echo "| $lib | $s | **$(div "$s" "$cj_s")** | ${ir:-n/a} | $b | $pr | $pk | $al | $pkb | $ck | $i64 |"
    done
    echo
    irb=$(awk -F'\t' '$1 == "ir" && $2 == "telepot" && $3 == "big" { print $4 }' "$B/json_ir.tsv")
    echo "telepot instructions per byte: ${our_ir:-n/a} (100 updates), ${irb:-n/a} (10 MB):" \
         "instruction-count linearity $(div "${our_ir:-0}" "${irb:-0}") (1.00 = linear; the MB/s ratio also" \
         "pays for the 10 MB document not fitting in the caches). Rounds, MB/s:" \
         "$(awk -F'\t' '$1 == "speed" && $3 == "telepot" { printf "%s%s", sep, $5; sep = " | " }' "$B/json_speed.tsv")."
    echo "Peak heap counts malloc_usable_size bytes live during parse + walk (telepot through" \
         "TELEPOT_MALLOC/REALLOC/FREE, cJSON through cJSON_InitHooks, jansson through json_set_alloc_funcs," \
         "json-c through a malloc interposer; json-c's reused tokener is outside the count)."
    echo
    target "JSON: telepot / cJSON speed, 100 updates" "$(div "$our_s" "$cj_s")" ge 3
    target "JSON: telepot / cJSON instructions per byte (inverse)" "$(div "${cj_ir:-0}" "${our_ir:-0}")" ge 3
    target "JSON: 10 MB speed / 100-update speed" \
        "$(awk -F'\t' '$1 == "paired" && $4 == "telepot" { print $5 }' "$B/json_speed.tsv")" ge 0.8
    target "JSON: peak heap / input, 100 updates" \
        "$(awk -F'\t' -v f="$SMALL" '$2 == f && $3 == "telepot" { printf "%.2f", $5 / $4 }' "$B/json_mem.tsv")" le 2
    target "JSON: allocations per document" \
        "$(awk -F'\t' -v f="$SMALL" '$2 == f && $3 == "telepot" { print $6 }' "$B/json_mem.tsv")" le 2
else
    echo "_skipped: the JSON benchmark did not build (are libcjson-dev, libjansson-dev, libjson-c-dev installed?)_"
    echo
fi
fi # json

# ---------------------------------------------------------------------------------------------
if want typed; then
echo "## Typed views: DOM parse vs DOM + tp_update_view for every update"
echo
if [ -f "$B/updates100.json" ] && build typed_bench bench/typed_bench.c -- -lpthread; then
    "$B/typed_bench" "$B/updates100.json" "$ROUNDS" | tee "$B/typed.md"
    echo
    target "Typed: DOM + typed views / DOM parse, 100 updates" \
        "$(awk -F'|' 'NR == 3 { gsub(/[ x]/, "", $6); print $6 }' "$B/typed.md")" le 1.5
else
    echo "_skipped: typed_bench did not build or the documents are missing_"
    echo
fi
fi # typed

# ---------------------------------------------------------------------------------------------
if want build; then
echo "## Build cost: examples/echo.c"
echo
# Compile time at -O2 (median of 3 whole builds) and the .text that telepot adds to a program:
# echo linked with -ffunction-sections -Wl,--gc-sections minus an empty main() linked the same.
printf 'int main(void) { return 0; }\n' >"$B/empty.c"
ct=()
for _ in 1 2 3; do
    t0=$(date +%s.%N)
    $CC -std=c99 -O2 -ffunction-sections -fdata-sections -Wl,--gc-sections examples/echo.c \
        -o "$B/echo-gc" -lpthread 2>"$B/echo-gc.log" || break
    ct+=("$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')")
done
if [ ${#ct[@]} -eq 3 ] && $CC -std=c99 -O2 -ffunction-sections -fdata-sections -Wl,--gc-sections \
        "$B/empty.c" -o "$B/empty-gc"; then
    csec=$(printf '%s\n' "${ct[@]}" | sort -n | sed -n 2p)
    text_of() { size -A "$1" | awk '$1 == ".text" { print $2 }'; }
    tp_text=$(( $(text_of "$B/echo-gc") - $(text_of "$B/empty-gc") ))
    echo "| figure | value |"
    echo "|---|---:|"
    echo "| compile + link, \`$CC -O2\` (median of 3) | ${csec} s |"
    echo "| .text added by telepot + echo (gc-sections) | $tp_text B (**$(div "$tp_text" 1024 %.1f) KB**) |"
    echo "| generated tables linked (.rodata, tp__gen_*) | $(nm -t d -S "$B/echo-gc" | awk '$4 ~ /^tp__gen_/ { s += $2 } END { print s + 0 }') B |"
    echo
    target "Build: examples/echo.c compile at -O2, s" "$csec" le 3
    target "Build: telepot .text in echo with gc-sections, KB" "$(div "$tp_text" 1024 %.1f)" le 96
else
    echo "_skipped: examples/echo.c did not build (see $B/echo-gc.log)_"
    echo
fi
fi # build

# ---------------------------------------------------------------------------------------------
if want http; then
echo "## HTTP: keep-alive POST round trips on loopback"
echo
if build http_server bench/http_server.c && build http_bench bench/http_bench.c -- -lcurl -lpthread; then
    rm -f "$B/http.port"
    "$B/http_server" "$B/http.port" &
    SRV=$!
    for _ in $(seq 100); do [ -s "$B/http.port" ] && break; sleep 0.05; done
    PORT=$(cat "$B/http.port" 2>/dev/null)
    if [ -n "$PORT" ]; then
        "$B/http_bench" speed "$PORT" "$((ROUNDS + 2))" "$MINSECS" >"$B/http.tsv"
        "$B/http_bench" allocs "$PORT" 1000 >>"$B/http.tsv"
        : >"$B/http_sys.tsv"
        if command -v strace >/dev/null && strace -f -c -o /dev/null true 2>/dev/null; then
            for c in telepot libcurl raw; do
                strace -f -c -o "$B/strace.$c.1000" "$B/http_bench" run "$c" "$PORT" 1000
                strace -f -c -o "$B/strace.$c.3000" "$B/http_bench" run "$c" "$PORT" 3000
                a=$(awk '$NF == "total" { print $4 }' "$B/strace.$c.1000")
                b=$(awk '$NF == "total" { print $4 }' "$B/strace.$c.3000")
                per=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b - a) / 2000 }')
                calls=$(awk -v a="$B/strace.$c.1000" 'BEGIN { while ((getline l < a) > 0) { k = split(l, f); if (f[k] != "total" && f[4] ~ /^[0-9]+$/) n1[f[k]] = f[4] } }
                         $NF != "total" && $4 ~ /^[0-9]+$/ { d = ($4 - n1[$NF]) / 2000; if (d >= 0.5) printf "%s%s %.1f", sep, $NF, d; sep = ", " }' "$B/strace.$c.3000")
                printf 'sys\t%s\t%s\t%s\n' "$c" "$per" "$calls" >>"$B/http_sys.tsv"
            done
        else
            note "bench: strace not usable here: no system-call counts"
        fi
    else
        echo "_the server did not start_"
    fi
    kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null
    echo "Server: bench/http_server.c (blocking, one single-threaded process per connection, fixed" \
         "$(printf '%s' '{"ok":true,...}') answer with Content-Length). Clients: tp_http (one kept-alive connection)," \
         "libcurl $(curl-config --version 2>/dev/null | cut -d' ' -f2) (one easy handle reused), raw write()+read() of a" \
         "precomputed request. All three stay connected; each of $((ROUNDS + 2)) rounds gives each client >= ${MINSECS} s" \
         "in 10 alternating slices. Ratios are medians of the per-round ratios. System calls: strace -f -c," \
         "(calls for 3000 requests - calls for 1000) / 2000."
    echo
    echo "| client | requests/s (median) | telepot / this (paired) | client CPU µs / request | syscalls / request | which |"
    echo "|---|---:|---:|---:|---:|---|"
    for c in telepot libcurl raw; do
        r=$(field "$B/http.tsv" http "$c" 3)
        cpu=$(field "$B/http.tsv" http "$c" 4)
        case $c in
        telepot) rat=1.00 ;;
        *) rat=$(field "$B/http.tsv" ratio "telepot/$c" 3) ;;
        esac
        sc=$(field "$B/http_sys.tsv" sys "$c" 3)
        which=$(field "$B/http_sys.tsv" sys "$c" 4)
        echo "| $c | $r | **$rat** | $cpu | ${sc:-n/a} | ${which:-} |"
    done
    echo
    wa=$(awk -F'\t' '$1 == "allocs" { print $4 }' "$B/http.tsv")
    echo "Heap allocations by tp_http during 1000 warm requests (TELEPOT_MALLOC/REALLOC counted): ${wa:-?}." \
         "Rounds, requests/s: $(awk -F'\t' '$1 == "http" { printf "%s%s %s", sep, $2, $5; sep = "; " }' "$B/http.tsv")."
    echo
    target "HTTP: telepot / libcurl requests/s" "$(field "$B/http.tsv" ratio telepot/libcurl 3)" ge 1.8
    target "HTTP: telepot / raw requests/s" "$(field "$B/http.tsv" ratio telepot/raw 3)" ge 0.85
    target "HTTP: system calls per request" "$(field "$B/http_sys.tsv" sys telepot 3)" le 3
    target "HTTP: allocations in 1000 warm requests" "${wa:-?}" le 0
else
    echo "_skipped: the HTTP benchmark did not build (is libcurl4-openssl-dev installed?)_"
    echo
fi
fi # http

# ---------------------------------------------------------------------------------------------
if want echo; then
echo "## Echo bot against the emulator"
echo
if [ ! -x "$TPEMU" ] || [ ! -x "$ECHO_BOT" ]; then
    missing=""
    [ -x "$TPEMU" ] || missing="$TPEMU"
    [ -x "$ECHO_BOT" ] || missing="${missing:+$missing and }$ECHO_BOT"
    echo "_skipped: $missing not found; this section needs $TPEMU and $ECHO_BOT (build them first, e.g. \`make\`)._"
    echo
    target "Echo: telepot / floor replies/s" "?" ge 0.8
    target "Echo: idle RSS, MB" "?" le 2
elif build echo_floor bench/echo_floor.c && build echo_run bench/echo_run.c; then
    : >"$B/echo.tsv"
    for _ in $(seq "$ECHO_ROUNDS"); do
        "$B/echo_run" load "$TPEMU" "$ECHO_N" 120 "$ECHO_BOT" >>"$B/echo.tsv" 2>>"$B/echo.log"
        "$B/echo_run" load "$TPEMU" "$ECHO_N" 120 "$B/echo_floor" >>"$B/echo.tsv" 2>>"$B/echo.log"
    done
    "$B/echo_run" idle "$TPEMU" 1.2 "$ECHO_BOT" >>"$B/echo.tsv" 2>>"$B/echo.log"
    "$B/echo_run" idle "$TPEMU" 1.2 "$B/echo_floor" >>"$B/echo.tsv" 2>>"$B/echo.log"
    med() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    e_rps=$(awk -F'\t' -v e="$ECHO_BOT" '$1 == "echo" && $2 == e { print $5 }' "$B/echo.tsv" | med)
    f_rps=$(awk -F'\t' -v f="$B/echo_floor" '$1 == "echo" && $2 == f { print $5 }' "$B/echo.tsv" | med)
    e_cpu=$(awk -F'\t' -v e="$ECHO_BOT" '$1 == "echo" && $2 == e { print $6 }' "$B/echo.tsv" | med)
    f_cpu=$(awk -F'\t' -v f="$B/echo_floor" '$1 == "echo" && $2 == f { print $6 }' "$B/echo.tsv" | med)
    ratio=$(awk -F'\t' -v f="$B/echo_floor" '$1 == "echo" { if ($2 == f) fl[++nf] = $5; else ec[++ne] = $5 }
             END { for (i = 1; i <= ne && i <= nf; i++) if (fl[i] > 0) print ec[i] / fl[i] }' "$B/echo.tsv" | med)
    e_rss=$(awk -F'\t' -v e="$ECHO_BOT" '$1 == "idle" && $2 == e { print $3 }' "$B/echo.tsv")
    f_rss=$(awk -F'\t' -v f="$B/echo_floor" '$1 == "idle" && $2 == f { print $3 }' "$B/echo.tsv")
    bad=$(awk -F'\t' '$1 == "echo" && $3 + 0 != '"$ECHO_N"' { n++ } END { print n + 0 }' "$B/echo.tsv")
    echo "\`$TPEMU --updates $ECHO_N\` answered by each bot (bench/echo_run.c starts both; wall time" \
         "from the bot's start to tpemu's exit; CPU = the bot's user+sys from wait4). Median of $ECHO_ROUNDS" \
         "alternating rounds; the ratio is the median of per-round ratios. Floor: bench/echo_floor.c" \
         "(raw socket, keep-alive, strstr scanning, no JSON library)."
    echo
    echo "| bot | replies/s (median) | telepot / this (paired) | CPU µs / update | idle VmRSS (kB) |"
    echo "|---|---:|---:|---:|---:|"
    echo "| examples/echo | $e_rps | **1.00** | $e_cpu | ${e_rss:-?} |"
    echo "| echo_floor | $f_rps | **$(awk -v r="$ratio" 'BEGIN { printf "%.2f", r }')** | $f_cpu | ${f_rss:-?} |"
    echo
    [ "$bad" -gt 0 ] && echo "**Warning:** $bad run(s) did not get all $ECHO_N updates matched; see $B/echo.tsv and $B/echo.log." && echo
    echo "tpemu's summaries: $(awk -F'\t' '$1 == "echo" { sub(/^tpemu: /, "", $7); printf "%s%s", sep, $7; sep = "; " }' "$B/echo.tsv" | cut -c1-400)..."
    echo
    target "Echo: telepot / floor replies/s" "$(awk -v r="$ratio" 'BEGIN { printf "%.2f", r }')" ge 0.8
    target "Echo: idle RSS, MB" "$(awk -v k="${e_rss:-}" 'BEGIN { if (k == "" || k == "?") print "?"; else printf "%.2f", k / 1024 }')" le 2
else
    echo "_skipped: the echo floor or runner did not build_"
    echo
fi
fi # echo

# ---------------------------------------------------------------------------------------------
if want lat; then
LAT_MS=${BENCH_LAT_MS:-50}
LAT_N=${BENCH_LAT_UPDATES:-1000}
LAT_CHATS=${BENCH_LAT_CHATS:-100}
LAT_WORKERS=${BENCH_LAT_WORKERS:-8 32 64}
LAT_ECHO_N=${BENCH_LAT_ECHO_UPDATES:-200}
LAT_ROUNDS=${BENCH_LAT_ROUNDS:-${BENCH_ECHO_ROUNDS:-3}}
LAT_SLOW=${BENCH_LAT_SLOW_SECS:-5}
echo "## Echo at $LAT_MS ms API latency"
echo
if [ ! -x "$TPEMU" ] || [ ! -x "$ECHO_BOT" ]; then
    echo "_skipped: needs $TPEMU and $ECHO_BOT (\`make\`)_"
    echo
elif build echo_floor bench/echo_floor.c && build echo_run bench/echo_run.c; then
    pool_note="tp_bot_opts.max_connections = W"
    build echo_pool bench/echo_pool.c -- -lpthread || pool_note=""
    : >"$B/lat.tsv"
    : >"$B/lat.log"
    # lat_run LABEL N BOT [ARGS..]: LAT_ROUNDS runs of echo_run, or one if the first was slow
    lat_run() {
        local label=$1 n=$2 r secs
        shift 2
        for r in $(seq "$LAT_ROUNDS"); do
            ECHO_RUN_TPEMU_ARGS="--latency $LAT_MS --chats $LAT_CHATS" \
                "$B/echo_run" load "$TPEMU" "$n" 600 "$@" 2>>"$B/lat.log" | sed "s/^/$label\t/" >>"$B/lat.tsv"
            secs=$(awk -F'\t' -v l="$label" '$1 == l { s = $5 } END { print s + 0 }' "$B/lat.tsv")
            awk -v s="$secs" -v m="$LAT_SLOW" 'BEGIN { exit !(s > m) }' && break
        done
    }
    lat_run floor-seq "$LAT_ECHO_N" "$B/echo_floor"
    lat_run echo "$LAT_ECHO_N" "$ECHO_BOT"
    if [ -n "$pool_note" ]; then
        for w in $LAT_WORKERS; do lat_run "pool-$w" "$LAT_N" "$B/echo_pool" "$w"; done
    fi
    lat_run floor-pipe "$LAT_N" "$B/echo_floor" pipeline
    lmed() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    # the strictly sequential bound for n updates: n sendMessage + n/100 getUpdates, one after another
    bound() { awk -v n="$1" -v l="$LAT_MS" 'BEGIN { printf "%.2f", n / ((n + int((n + 99) / 100)) * l / 1000) }'; }
    rps() { awk -F'\t' -v l="$1" '$1 == l && $5 > 0 { print $4 / $5 }' "$B/lat.tsv" | lmed; }
    runs() { awk -F'\t' -v l="$1" '$1 == l { n++ } END { print n + 0 }' "$B/lat.tsv"; }
    hwm() { awk -F'\t' -v l="$1" '$1 == l && $9 ~ /^[0-9]+$/ { print $9 }' "$B/lat.tsv" | lmed; }
    # sum of a summary field (missing, duplicates, order_violations) over a label's runs; ? if a run has no summary
    tally() { awk -F'\t' -v l="$1" -v k="$2" '$1 == l { if (match($8, k "=[0-9]+")) s += substr($8, RSTART + length(k) + 1, RLENGTH - length(k) - 1); else bad = 1 }
              END { print bad ? "?" : s + 0 }' "$B/lat.tsv"; }
    B_N=$(bound "$LAT_N")
    B_E=$(bound "$LAT_ECHO_N")
    e_hwm=$(hwm echo)
    fmt() { awk -v v="$1" -v f="${2:-%.1f}" 'BEGIN { if (v == "?" || v == "") print "?"; else printf f "\n", v }'; }
    row() { # LABEL NAME N W(or -)
        local r b hw per ratio wr
        r=$(rps "$1"); b=$(bound "$3"); hw=$(hwm "$1")
        ratio=$(div "$r" "$b")
        wr="n/a"; per="n/a"
        if [ "$4" != - ]; then
            wr=$(awk -v r="$r" -v b="$b" -v w="$4" 'BEGIN { if (r == "?" || b == 0) print "?"; else printf "%.2f", r / (w * b) }')
            per=$(awk -v h="$hw" -v e="$e_hwm" -v w="$4" 'BEGIN { if (h == "?" || e == "?") print "?"; else printf "%.0f", (h - e) / w }')
            [ "$1" = echo ] && per="(the base)"
        fi
        echo "| $2 | $3 | $(runs "$1") | $(fmt "$r") | **$ratio** | $wr | $(tally "$1" missing) / $(tally "$1" duplicates) / $(tally "$1" order_violations) | ${hw:-?} | $per |"
    }
    echo "\`$TPEMU --latency $LAT_MS --updates N --chats $LAT_CHATS\`: every Bot API answer leaves $LAT_MS ms after" \
         "its request, without holding up other connections (the internet's round trip, offline). Replies/s =" \
         "updates / wall time from the bot's start to tpemu's exit (bench/echo_run.c), median of the runs (up to" \
         "$LAT_ROUNDS; a bot whose first run took over $LAT_SLOW s runs once). The strictly sequential bound:" \
         "N updates need N sendMessage + N/100 getUpdates one after another, $B_N replies/s for $LAT_N updates" \
         "($B_E for $LAT_ECHO_N). The sequential bots answer $LAT_ECHO_N updates (they need ~$(awk -v n="$LAT_N" -v b="$B_N" 'BEGIN { printf "%.0f", n / b }') s for $LAT_N)." \
         "bench/echo_pool.c: examples/echo's handler, tp_poll_opts.workers = W, $pool_note." \
         "Lost / dup. / order: tpemu's missing, duplicates and order_violations (an echo of a chat before the echo" \
         "of an earlier update of that chat), summed over the runs. Peak RSS: the bot's VmHWM; per worker:" \
         "(peak - the plain echo's peak) / W."
    echo
    echo "| bot | updates | runs | replies/s | ÷ sequential bound | ÷ (W x bound) | lost / dup. / order | peak RSS (kB) | RSS per worker (kB) |"
    echo "|---|---:|---:|---:|---:|---:|---|---:|---:|"
    echo "| strictly sequential bound (computed) | $LAT_N | - | $B_N | **1.00** | n/a | - | - | - |"
    row floor-seq "echo_floor, sequential (measured bound)" "$LAT_ECHO_N" -
    row echo "examples/echo (no workers)" "$LAT_ECHO_N" 1
    if [ -n "$pool_note" ]; then
        for w in $LAT_WORKERS; do row "pool-$w" "echo_pool, workers = $w" "$LAT_N" "$w"; done
    else
        echo "| echo_pool | _did not build: see $B/echo_pool.build.log_ | | | | | | | |"
    fi
    row floor-pipe "echo_floor, pipelining its sends (1 connection)" "$LAT_N" -
    echo
    bad=$(awk -F'\t' '$4 + 0 == 0 || $8 !~ /missing=0 / { n++ } END { print n + 0 }' "$B/lat.tsv")
    [ "$bad" -gt 0 ] && echo "**Warning:** $bad run(s) did not get every update echoed; see $B/lat.tsv and $B/lat.log." && echo
    for w in $LAT_WORKERS; do
        r=$(rps "pool-$w")
        [ "$w" = 32 ] && target "Latency $LAT_MS ms: echo, workers = 32, ÷ sequential bound" "$(div "$r" "$B_N")" ge 25
        target "Latency $LAT_MS ms: echo, workers = $w, ÷ ($w x bound)" \
            "$(awk -v r="$r" -v b="$B_N" -v w="$w" 'BEGIN { if (r == "?" || r == "") print "?"; else printf "%.2f", r / (w * b) }')" ge 0.8
    done
    sum3() { # FIELD: over the telepot rows
        local t=0 v l
        for l in echo $(for w in $LAT_WORKERS; do printf 'pool-%s ' "$w"; done); do
            v=$(tally "$l" "$1"); [ "$(runs "$l")" -eq 0 ] && continue
            [ "$v" = "?" ] && { echo "?"; return; }
            t=$((t + v))
        done
        echo "$t"
    }
    target "Latency $LAT_MS ms: updates lost (telepot rows, all runs)" "$(sum3 missing)" le 0
    target "Latency $LAT_MS ms: updates duplicated (telepot rows, all runs)" "$(sum3 duplicates)" le 0
    target "Latency $LAT_MS ms: per-chat order violations (telepot rows, all runs)" "$(sum3 order_violations)" le 0
else
    echo "_skipped: the echo floor or runner did not build_"
    echo
fi
fi # lat

# ---------------------------------------------------------------------------------------------
if want dlg; then
DLG_W=${BENCH_DLG_WORKERS:-8 32}
DLG_N=${BENCH_DLG_UPDATES:-$ECHO_N}
DLG_CHATS=${BENCH_DLG_CHATS:-1000}
DLG_LAT=${BENCH_DLG_LAT_MS:-${BENCH_LAT_MS:-50}}
DLG_PER_W=${BENCH_DLG_LAT_PER_WORKER:-50}
DLG_LAT_CHATS=${BENCH_DLG_LAT_CHATS:-100}
DLG_SEQ_N=${BENCH_DLG_SEQ_UPDATES:-60}
DLG_ROUNDS=${BENCH_DLG_ROUNDS:-3}
DLG_DELEGATES=${BENCH_DLG_DELEGATES:-100000}
DLG_RAW_ROUNDS=${BENCH_DLG_RAW_ROUNDS:-50}
DLG_FORK_N=${BENCH_DLG_FORK_UPDATES:-5000}
DLG_OPEN_N=${BENCH_DLG_OPEN_N:-2000}
DLG_FORK_OPEN_N=${BENCH_DLG_FORK_OPEN_N:-200}
echo "## Delegator (tp_dlg): per-chat echo with each producer (pool, thread, fork), memory and cost per delegate"
echo
if [ ! -x "$TPEMU" ] || [ ! -x "$ECHO_BOT" ]; then
    echo "_skipped: needs $TPEMU and $ECHO_BOT (\`make\`)_"
    echo
    target "Delegator: loopback replies/s, delegator / echo_pool (same workers)" "?" ge 0.9
    target "Delegator: $DLG_LAT ms, replies/s ÷ (W x sequential echo)" "?" ge 0.8
    target "Delegator: heap per live delegate, bytes ($DLG_DELEGATES, 16-byte state)" "?" le 1024
elif build echo_run bench/echo_run.c && build echo_pool bench/echo_pool.c -- -lpthread &&
     build dlg_bench bench/dlg_bench.c -- -lpthread; then
    # the producers to measure (bench/dlg_bench.c, >>producer)
    DLG_P=""
    for p in ${BENCH_DLG_PRODUCERS:-pool thread fork}; do
        if "$B/dlg_bench" producer "$p"; then DLG_P="$DLG_P $p"
        else note "bench: dlg_bench has no producer $p"; fi
    done
    : >"$B/dlg.tsv"
    : >"$B/dlg.log"
    # dlg_run ROUND LABEL W N TPEMU_ARGS BOT [ARGS..]: one echo_run, its record tagged
    dlg_run() {
        local r=$1 label=$2 w=$3 n=$4 args=$5
        shift 5
        ECHO_RUN_TPEMU_ARGS="$args" "$B/echo_run" load "$TPEMU" "$n" 120 "$@" 2>>"$B/dlg.log" |
            sed "s/^/$r\t$label\t$w\t/" >>"$B/dlg.tsv"
    }
    # loopback updates per producer: fork pays a process start per chat (~1000 of them)
    dlg_n() { if [ "$1" = fork ]; then echo "$DLG_FORK_N"; else echo "$DLG_N"; fi; }
    for r in $(seq "$DLG_ROUNDS"); do
        for w in $DLG_W; do
            dlg_run "$r" "lb-pool" "$w" "$DLG_N" "--chats $DLG_CHATS" "$B/echo_pool" "$w"
            for p in $DLG_P; do dlg_run "$r" "lb-dlg-$p" "$w" "$(dlg_n "$p")" "--chats $DLG_CHATS" "$B/dlg_bench" echo "$w" "$p"; done
        done
        for w in $DLG_W; do
            ln=$((w * DLG_PER_W))
            dlg_run "$r" "lat-pool" "$w" "$ln" "--latency $DLG_LAT --chats $DLG_LAT_CHATS" "$B/echo_pool" "$w"
            for p in $DLG_P; do dlg_run "$r" "lat-dlg-$p" "$w" "$ln" "--latency $DLG_LAT --chats $DLG_LAT_CHATS" "$B/dlg_bench" echo "$w" "$p"; done
        done
        dlg_run "$r" "lat-seq" 0 "$DLG_SEQ_N" "--latency $DLG_LAT --chats $DLG_LAT_CHATS" "$ECHO_BOT"
        "$B/dlg_bench" raw "$DLG_DELEGATES" "$DLG_RAW_ROUNDS" 2>>"$B/dlg.log" | sed "s/^/$r\t/" >>"$B/dlg.tsv"
        for p in $DLG_P; do # new delegates: one at a time, then through a tp_disp of 8 workers
            on=$DLG_OPEN_N
            [ "$p" = fork ] && on=$DLG_FORK_OPEN_N
            "$B/dlg_bench" open "$p" "$on" 2>>"$B/dlg.log" | sed "s/^/$r\t/" >>"$B/dlg.tsv"
            "$B/dlg_bench" open "$p" "$on" 8 2>>"$B/dlg.log" | sed "s/^/$r\t/" >>"$B/dlg.tsv"
        done
    done
    dmed() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    # columns: round, label, W, "echo", bot, matched, secs, replies/s, CPU us/update, tpemu's summary, VmHWM
    drps() { awk -F'\t' -v l="$1" -v w="$2" '$2 == l && $3 == w && $7 > 0 { print $6 / $7 }' "$B/dlg.tsv" | dmed; }
    dcol() { awk -F'\t' -v l="$1" -v w="$2" -v c="$3" '$2 == l && $3 == w && $c ~ /^[0-9.]+$/ { print $c }' "$B/dlg.tsv" | dmed; }
    druns() { awk -F'\t' -v l="$1" -v w="$2" '$2 == l && $3 == w { n++ } END { print n + 0 }' "$B/dlg.tsv"; }
    # the median of per-round ratios LABEL_A / (K x LABEL_B), both at workers WA and WB
    dratio() { awk -F'\t' -v a="$1" -v wa="$2" -v b="$3" -v wb="$4" -v k="$5" '
                 $2 == a && $3 == wa && $7 > 0 { x[$1] = $6 / $7 } $2 == b && $3 == wb && $7 > 0 { y[$1] = $6 / $7 }
                 END { for (r in x) if (y[r] > 0) print x[r] / (k * y[r]) }' "$B/dlg.tsv" | dmed; }
    # lost / dup. / order: tpemu's missing, duplicates, order_violations summed over a row's runs
    dtally() { awk -F'\t' -v l="$1" -v w="$2" '$2 == l && $3 == w { for (i = 1; i <= 3; i++) { k = i == 1 ? "missing" : i == 2 ? "duplicates" : "order_violations";
                 if (match($10, k "=[0-9]+")) s[i] += substr($10, RSTART + length(k) + 1, RLENGTH - length(k) - 1); else bad = 1 } }
                 END { if (bad) print "? / ? / ?"; else printf "%d / %d / %d\n", s[1], s[2], s[3] }' "$B/dlg.tsv"; }
    f1() { awk -v v="$1" -v f="${2:-%.1f}" 'BEGIN { if (v == "?" || v == "") print "?"; else printf f "\n", v }'; }
    raw() { awk -F'\t' -v k="$1" '$2 == "raw" && $3 == k { print $4 }' "$B/dlg.tsv" | dmed; }
    opn() { awk -F'\t' -v p="$1" -v k="$2" '$2 == "open" && $3 == p && $4 == k { print $5 }' "$B/dlg.tsv" | dmed; }

    echo "\`$TPEMU --updates N\` answered by a per-chat echo on the delegator (bench/dlg_bench.c: tp_dlg_run," \
         "tp_per_chat_id, a delegate with 16 bytes of state per chat that answers each text with sendMessage)" \
         "and by bench/echo_pool.c (examples/echo's handler on tp_poll_run with tp_poll_opts.workers = W);" \
         "both have max_connections = W. bench/echo_run.c runs each bot: replies/s = updates / wall time from" \
         "the bot's start to tpemu's exit. Medians of $DLG_ROUNDS interleaved rounds; ratios are medians of the" \
         "per-round ratios. Producers measured: ${DLG_P# }."
    echo
    echo "Loopback, $DLG_N updates over $DLG_CHATS chats ($DLG_FORK_N for the fork producer; tpemu, one thread, is" \
         "the bound for the pool). The delegates' idle timeout (10 s) outlasts a run: each chat's delegate opens" \
         "once (a thread, a process) and lives to the stop; the thread producer's threads have 64 KiB stacks." \
         "For fork the run includes a process start per chat (5 updates per chat at the default sizes), and peak" \
         "RSS is the bot's process alone (its delegates' processes: the last table)."
    echo
    echo "| bot | workers | replies/s (median) | ÷ echo_pool, same workers (paired) | bot CPU µs / update | peak RSS (kB) | lost / dup. / order |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    for w in $DLG_W; do
        echo "| echo_pool (tp_poll_run) | $w | $(f1 "$(drps lb-pool "$w")" %.0f) | **1.00** | $(dcol lb-pool "$w" 9) | $(dcol lb-pool "$w" 11) | $(dtally lb-pool "$w") |"
        for p in $DLG_P; do
            echo "| delegator, $p producer | $w | $(f1 "$(drps "lb-dlg-$p" "$w")" %.0f) | **$(f1 "$(dratio "lb-dlg-$p" "$w" lb-pool "$w" 1)" %.2f)** | $(dcol "lb-dlg-$p" "$w" 9) | $(dcol "lb-dlg-$p" "$w" 11) | $(dtally "lb-dlg-$p" "$w") |"
        done
    done
    echo
    seq_rps=$(drps lat-seq 0)
    echo "At $DLG_LAT ms simulated API latency (\`--latency $DLG_LAT --chats $DLG_LAT_CHATS\`; W x $DLG_PER_W updates" \
         "for W workers, $DLG_SEQ_N for the sequential echo, a few seconds each). *Sequential*: examples/echo" \
         "(tp_poll_run, no workers: one sendMessage at a time); ÷ (W x sequential) pairs each run with the" \
         "sequential run of the same round. The fork producer is not bound by W: each delegate's process has a" \
         "bot of its own (its own connections), so up to one sendMessage per chat is in flight, not W."
    echo
    echo "| bot | workers | updates | runs | replies/s (median) | ÷ (W x sequential) (paired) | ÷ echo_pool, same workers (paired) | bot CPU µs / update | lost / dup. / order |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    echo "| examples/echo, sequential | 0 | $DLG_SEQ_N | $(druns lat-seq 0) | $(f1 "$seq_rps") | n/a | n/a | $(dcol lat-seq 0 9) | $(dtally lat-seq 0) |"
    for w in $DLG_W; do
        echo "| echo_pool (tp_poll_run) | $w | $((w * DLG_PER_W)) | $(druns lat-pool "$w") | $(f1 "$(drps lat-pool "$w")") | $(f1 "$(dratio lat-pool "$w" lat-seq 0 "$w")" %.2f) | **1.00** | $(dcol lat-pool "$w" 9) | $(dtally lat-pool "$w") |"
        for p in $DLG_P; do
            echo "| delegator, $p producer | $w | $((w * DLG_PER_W)) | $(druns "lat-dlg-$p" "$w") | $(f1 "$(drps "lat-dlg-$p" "$w")") | **$(f1 "$(dratio "lat-dlg-$p" "$w" lat-seq 0 "$w")" %.2f)** | $(f1 "$(dratio "lat-dlg-$p" "$w" lat-pool "$w" 1)" %.2f) | $(dcol "lat-dlg-$p" "$w" 9) | $(dtally "lat-dlg-$p" "$w") |"
        done
    done
    echo
    bad=$(awk -F'\t' '$4 == "echo" && ($6 + 0 == 0 || $10 !~ /missing=0 /) { n++ } END { print n + 0 }' "$B/dlg.tsv")
    [ "$bad" -gt 0 ] && echo "**Warning:** $bad run(s) did not get every update echoed; see $B/dlg.tsv and $B/dlg.log." && echo
    hd=$(raw heap_per_delegate)
    echo "Memory and raw costs, no server (\`dlg_bench raw $DLG_DELEGATES $DLG_RAW_ROUNDS\`, median of $DLG_ROUNDS runs):" \
         "$DLG_DELEGATES distinct chats fed as synthetic updates (tp_json_parse + tp_update_view) straight to" \
         "tp_dlg_handler, a handler with state_size 16, on_message NULL and a 600 s timeout, so every delegate" \
         "stays live. Heap = glibc mallinfo2 in use + mmapped, growth / delegates (chunk headers and the" \
         "tables' doubling included); telepot's own bytes and calls counted through TELEPOT_MALLOC/REALLOC/FREE" \
         "inside tp_dlg_handler. The thread and fork rows are the system's raw costs under the thread and fork" \
         "producers (measured through the delegator in the next table): pthread_create with a 64 KiB stack +" \
         "pthread_join of a thread that returns at once ($((DLG_RAW_ROUNDS * 5)) times), and fork of this process" \
         "with a child that \`_exit\`s at once ($DLG_RAW_ROUNDS times), before and after the delegates fill its heap."
    echo
    echo "| figure | value |"
    echo "|---|---:|"
    echo "| heap per live delegate ($(raw delegates) delegates, state_size $(raw state_size)) | **$(f1 "$hd") B** |"
    echo "| telepot's bytes per delegate (malloc_usable_size) | $(f1 "$(raw usable_per_delegate)") B |"
    echo "| telepot's allocations per delegate | $(raw allocs_per_delegate) |"
    echo "| RSS growth per delegate | $(f1 "$(raw rss_per_delegate)") B |"
    echo "| sizeof(struct tp_delegate), of the scheduler's event (one idle timer each) | $(raw sizeof_delegate) B, $(raw sizeof_timer_event) B |"
    echo "| tp_dlg_handler: new delegate (no reply sent) | $(f1 "$(raw new_delegate_us)" %.2f) µs |"
    echo "| tp_dlg_handler: update to a live delegate (no reply sent) | $(f1 "$(raw live_delegate_us)" %.2f) µs |"
    echo "| tp_dlg_free, per delegate closed | $(f1 "$(raw free_delegate_us)" %.2f) µs |"
    echo "| thread: pthread_create (64 KiB stack) + pthread_join, median | $(f1 "$(raw thread_us)") µs |"
    echo "| thread: RSS per parked thread (1000 threads, 64 KiB stacks) | $(f1 "$(raw thread_rss_kb)") kB |"
    echo "| fork: fork() in the parent, $(f1 "$(raw small_rss_kb)" %.0f) kB RSS, median | $(f1 "$(raw small_fork_us)") µs |"
    echo "| fork: fork + child's \`_exit\` + waitpid, $(f1 "$(raw small_rss_kb)" %.0f) kB RSS, median | $(f1 "$(raw small_forkwait_us)") µs |"
    echo "| fork: fork() in the parent, $(raw delegates) delegates live ($(f1 "$(raw heap_rss_kb)" %.0f) kB RSS), median | $(f1 "$(raw heap_fork_us)") µs |"
    echo "| fork: fork + child's \`_exit\` + waitpid, $(raw delegates) delegates live, median | $(f1 "$(raw heap_forkwait_us)") µs |"
    echo
    echo "New delegates per producer, no server (\`dlg_bench open PRODUCER N [8]\`, median of $DLG_ROUNDS runs): N distinct" \
         "chats ($DLG_OPEN_N; $DLG_FORK_OPEN_N for fork), one synthetic update each, a handler with state_size 16," \
         "on_message NULL and a 600 s timeout (all stay live). *One at a time*: fed straight to tp_dlg_handler" \
         "from one thread, which for the thread and fork producers returns once the delegate's thread (process)" \
         "is done with the update, so a call is the whole cost of a new delegate: thread: pthread_create (64 KiB" \
         "stack) and the hand-off; fork: the pump thread, a fork by the fork server, the child's own bot, the" \
         "update sent there and acknowledged. Then a second update to each live delegate (the hand-off alone)," \
         "the parent's RSS and heap growth per live delegate, and for fork the children's memory" \
         "(/proc/PID/smaps_rollup: Pss, and Private_Clean + Private_Dirty, per child). *tp_disp, 8 workers*:" \
         "the same updates pushed to a tp_disp feeding tp_dlg_handler, drained: new delegates per second with 8" \
         "feeding threads. tp_dlg_free: per delegate closed (threads joined, processes told to close and reaped)."
    echo
    echo "| producer | new delegate, median (mean) | update to a live one, median | new delegates/s via tp_disp (8 workers) | parent RSS per live delegate | parent heap per live delegate | threads per delegate | child process Pss / private | tp_dlg_free per delegate |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for p in $DLG_P; do
        cm="n/a"
        [ "$p" = fork ] && cm="$(f1 "$(opn fork child_pss_kb)" %.0f) / $(f1 "$(opn fork child_private_kb)" %.0f) kB"
        echo "| $p ($(opn "$p" delegates) delegates) | **$(f1 "$(opn "$p" new_median_us)") µs** ($(f1 "$(opn "$p" new_mean_us)") µs) | $(f1 "$(opn "$p" live_median_us)") µs | $(f1 "$(opn "$p" disp8_new_per_s)" %.0f) | $(f1 "$(opn "$p" rss_per_delegate_b)" %.0f) B | $(f1 "$(opn "$p" heap_per_delegate_b)" %.0f) B | $(opn "$p" threads_per_delegate) | $cm | $(f1 "$(opn "$p" free_us)") µs |"
    done
    echo
    for w in $DLG_W; do
        for p in $DLG_P; do
            target "Delegator ($p): loopback replies/s, delegator / echo_pool, workers = $w" "$(f1 "$(dratio "lb-dlg-$p" "$w" lb-pool "$w" 1)" %.2f)" ge 0.9
            target "Delegator ($p): $DLG_LAT ms, workers = $w, replies/s ÷ ($w x sequential echo)" "$(f1 "$(dratio "lat-dlg-$p" "$w" lat-seq 0 "$w")" %.2f)" ge 0.8
        done
    done
    target "Delegator: heap per live delegate, bytes ($DLG_DELEGATES, 16-byte state)" "$(f1 "$hd")" le 1024
    dsum() { awk -F'\t' '$2 ~ /^l[a-z]+-dlg-/ { for (i = 1; i <= 3; i++) { k = i == 1 ? "missing" : i == 2 ? "duplicates" : "order_violations";
             if (match($10, k "=[0-9]+")) s += substr($10, RSTART + length(k) + 1, RLENGTH - length(k) - 1); else bad = 1 } n++ }
             END { print (bad || n == 0) ? "?" : s + 0 }' "$B/dlg.tsv"; }
    target "Delegator: updates lost + duplicated + out of chat order (all runs)" "$(dsum)" le 0
else
    echo "_skipped: bench/dlg_bench.c, echo_pool.c or echo_run.c did not build (see $B/*.build.log)_"
    echo
fi
fi # dlg

# ---------------------------------------------------------------------------------------------
if want https; then
echo "## HTTPS (BearSSL): handshake CPU, binary size, echo over TLS"
echo
TLS_N=${BENCH_TLS_HANDSHAKES:-200}
TLS_ECHO_N=${BENCH_TLS_ECHO_UPDATES:-10000}
P=build/tls
if ! command -v openssl >/dev/null || [ ! -f /usr/include/bearssl.h ]; then
    echo "_skipped: needs openssl and libbearssl-dev_"
    echo
elif ! sh tests/tls/make_certs.sh "$P"; then
    echo "_skipped: tests/tls/make_certs.sh failed_"
    echo
else
    : >"$B/tls.tsv"
    # 1. handshake CPU: our stack vs a bare BearSSL client vs libssl, same server and certificate
    if build tls_bench bench/tls_bench.c -- -lbearssl -lssl -lcrypto -lpthread; then
        PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
        openssl s_server -accept "127.0.0.1:$PORT" -cert "$P/rsa.pem" -key "$P/rsa.key" -quiet -naccept 1000000 >/dev/null 2>&1 &
        SRV=$!
        for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.05; done
        for r in $(seq "$ROUNDS"); do
            "$B/tls_bench" "$PORT" "$P/ca.pem" "$TLS_N" ours bare openssl | sed "s/^/$r\t/" >>"$B/tls.tsv"
        done
        if command -v valgrind >/dev/null; then # instructions per handshake: (25 - 5) / 20
            for w in ours bare openssl; do
                for n in 5 25; do
                    valgrind --tool=callgrind --callgrind-out-file="$B/cg.tls.$w.$n" "$B/tls_bench" "$PORT" "$P/ca.pem" $n $w >/dev/null 2>&1
                done
                a=$(awk '/^(summary|totals):/ { print $2; exit }' "$B/cg.tls.$w.5" 2>/dev/null)
                b=$(awk '/^(summary|totals):/ { print $2; exit }' "$B/cg.tls.$w.25" 2>/dev/null)
                printf 'x\tir\t%s\t%s\n' "$w" "$(awk -v a="${a:-0}" -v b="${b:-0}" 'BEGIN { printf "%.0f", (b - a) / 20 }')" >>"$B/tls.tsv"
            done
        fi
        kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null
    fi
    med() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    hs() { awk -F'\t' -v w="$1" '$2 == "hs" && $3 == w { print $5 }' "$B/tls.tsv" | med; }
    hs_ratio() { awk -F'\t' -v a="$1" -v b="$2" '$2 == "hs" && $3 == a { x[$1] = $5 } $2 == "hs" && $3 == b { y[$1] = $5 }
                 END { for (r in x) if (y[r] > 0) print x[r] / y[r] }' "$B/tls.tsv" | med; }
    h_ours=$(hs ours) h_bare=$(hs bare) h_ossl=$(hs openssl)
    r_bare=$(hs_ratio ours bare) r_ossl=$(hs_ratio ours openssl)
    echo "Full TLS 1.2 handshakes (no session reuse) with \`openssl s_server\` on loopback, RSA-2048 server" \
         "certificate from tests/tls/make_certs.sh, verification on for every client. Client CPU" \
         "(user+sys of the client process, getrusage) per handshake including connect(); median of $ROUNDS" \
         "rounds of $TLS_N handshakes per client, clients interleaved; ratios are medians of per-round" \
         "ratios. bench/tls_bench.c: *ours* = tp__conn_open (socket layer, engine loop, X.509 wrapper)," \
         "*bare* = br_ssl_client_init_full + br_sslio, *OpenSSL* = libssl $(openssl version | cut -d' ' -f2) capped at TLS 1.2."
    echo
    ir() { awk -F'\t' -v w="$1" '$2 == "ir" && $3 == w { print $4 }' "$B/tls.tsv"; }
    i_ours=$(ir ours) i_bare=$(ir bare) i_ossl=$(ir openssl)
    echo "| client | CPU µs / handshake (median) | ours / this (paired) | instructions / handshake (callgrind) | ours / this |"
    echo "|---|---:|---:|---:|---:|"
    echo "| telepot (BearSSL) | $h_ours | **1.00** | ${i_ours:-n/a} | **1.000** |"
    echo "| bare BearSSL | $h_bare | **$(awk -v r="$r_bare" 'BEGIN { printf "%.2f", r }')** | ${i_bare:-n/a} | **$(div "${i_ours:-0}" "${i_bare:-0}" %.3f)** |"
    echo "| OpenSSL client | $h_ossl | **$(awk -v r="$r_ossl" 'BEGIN { printf "%.2f", r }')** | ${i_ossl:-n/a} | **$(div "${i_ours:-0}" "${i_ossl:-0}" %.3f)** |"
    echo
    echo "Instructions: valgrind callgrind, user space only, (25 handshakes - 5) / 20: the stable figure" \
         "on a shared machine; CPU also counts the kernel's work for connect() and the socket calls."
    echo
    target "HTTPS: handshake CPU, ours / bare BearSSL" "$(awk -v r="$r_bare" 'BEGIN { printf "%.2f", r }')" le 1.1
    target "HTTPS: handshake instructions, ours / bare BearSSL" "$(div "${i_ours:-0}" "${i_bare:-0}" %.3f)" le 1.1

    # 2. sizes
    mkdir -p "$B/musl-inc"
    ln -sf /usr/include/bearssl.h "$B/musl-inc/bearssl.h"
    ln -sfn /usr/include/bearssl "$B/musl-inc/bearssl"
    sz() { [ -f "$1" ] && stat -c %s "$1" || echo "?"; }
    kb() { awk -v b="$1" 'BEGIN { if (b == "?") print "?"; else printf "%.0f", b / 1024 }'; }
    musl=? gst=? gdyn=?
    if command -v musl-gcc >/dev/null &&
       musl-gcc -static -Os -ffunction-sections -fdata-sections -Wl,--gc-sections -DTELEPOT_BEARSSL -I"$B/musl-inc" examples/echo.c bench/musl_chk.c \
           -o "$B/echo-https-musl" /usr/lib/x86_64-linux-gnu/libbearssl.a -lpthread 2>"$B/musl.log"; then
        strip "$B/echo-https-musl" && musl=$(sz "$B/echo-https-musl")
    else
        note "bench: the musl build failed (musl-tools installed? see $B/musl.log)"
    fi
    if gcc -static -Os -DTELEPOT_BEARSSL examples/echo.c -o "$B/echo-https-glibc-static" -lbearssl -lpthread 2>"$B/glibc-static.log"; then
        strip "$B/echo-https-glibc-static" && gst=$(sz "$B/echo-https-glibc-static")
    fi
    if gcc -Os -DTELEPOT_BEARSSL examples/echo.c -o "$B/echo-https-dyn" -lbearssl -lpthread 2>"$B/dyn.log"; then
        strip "$B/echo-https-dyn" && gdyn=$(sz "$B/echo-https-dyn")
    fi
    bso=$(sz "$(readlink -f /usr/lib/x86_64-linux-gnu/libbearssl.so.0 2>/dev/null)")
    curl_so=$(readlink -f /usr/lib/x86_64-linux-gnu/libcurl.so.4 2>/dev/null)
    curl_deps=0 curl_n=0 curl_total=?
    if [ -n "$curl_so" ] && [ -f "$curl_so" ]; then
        for f in $( (echo "$curl_so"; ldd "$curl_so" | awk '$3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }') | xargs -n1 readlink -f | sort -u); do
            curl_deps=$((curl_deps + $(stat -c %s "$f"))); curl_n=$((curl_n + 1))
        done
        curl_total=$curl_deps
    fi
    echo "examples/echo.c with -DTELEPOT_BEARSSL, built with -Os and stripped. musl: \`musl-gcc -static -Os\`" \
         "with Debian's libbearssl.a and bench/musl_chk.c (the glibc \`__memcpy_chk\`/\`__memset_chk\` that" \
         "Debian's fortified libbearssl.a calls). libcurl: libcurl.so.4 and everything \`ldd\` lists for it" \
         "(files resolved, each counted once; libc included), what a libcurl-based bot carries."
    echo
    echo "| build | bytes | KiB |"
    echo "|---|---:|---:|"
    echo "| echo, HTTPS, musl static | $musl | **$(kb "$musl")** |"
    echo "| echo, HTTPS, glibc static | $gst | $(kb "$gst") |"
    echo "| echo, HTTPS, glibc dynamic (+ libbearssl.so $bso) | $gdyn | $(kb "$gdyn") |"
    echo "| libcurl.so.4 + its $((curl_n - 1)) shared libraries | $curl_total | $(kb "$curl_total") |"
    echo
    target "HTTPS: static musl echo, stripped, KB" "$(awk -v b="$musl" 'BEGIN { if (b == "?") print "?"; else printf "%.0f", b / 1000 }')" le 300

    # 3. echo over HTTPS keep-alive vs plain HTTP, through the same forwarder (bench/tls_fwd.c,
    #    telepot's BearSSL server engine in front of tpemu), and direct plain for reference
    if [ -x "$TPEMU" ] && [ -x "$ECHO_BOT" ] && build tls_fwd bench/tls_fwd.c -- -lbearssl -lpthread &&
       build echo_run bench/echo_run.c &&
       $CC $CFLAGS -DTELEPOT_BEARSSL examples/echo.c -o "$B/echo-https" -lbearssl -lpthread; then
        : >"$B/tls_echo.tsv"
        for r in $(seq "$ECHO_ROUNDS"); do
            "$B/echo_run" load "$TPEMU" "$TLS_ECHO_N" 120 "$ECHO_BOT" 2>>"$B/echo.log" | sed "s/^/$r\tdirect\t/" >>"$B/tls_echo.tsv"
            "$B/echo_run" load "$TPEMU" "$TLS_ECHO_N" 120 bench/tls_front.sh tcp "$B/tls_fwd" "$P/rsa.pem" "$P/rsa.key" "$P/ca.pem" "$B/echo-https" \
                2>>"$B/echo.log" | sed "s/^/$r\thttp-fwd\t/" >>"$B/tls_echo.tsv"
            "$B/echo_run" load "$TPEMU" "$TLS_ECHO_N" 120 bench/tls_front.sh tls "$B/tls_fwd" "$P/rsa.pem" "$P/rsa.key" "$P/ca.pem" "$B/echo-https" \
                2>>"$B/echo.log" | sed "s/^/$r\thttps-fwd\t/" >>"$B/tls_echo.tsv"
        done
        erps() { awk -F'\t' -v k="$1" '$2 == k { print $7 }' "$B/tls_echo.tsv" | med; }
        eratio() { awk -F'\t' -v a="$1" -v b="$2" '$2 == a { x[$1] = $7 } $2 == b { y[$1] = $7 }
                   END { for (r in x) if (y[r] > 0) print x[r] / y[r] }' "$B/tls_echo.tsv" | med; }
        d=$(erps direct) hf=$(erps http-fwd) sf=$(erps https-fwd)
        rf=$(eratio https-fwd http-fwd) rd=$(eratio https-fwd direct)
        bad=$(awk -F'\t' '$5 + 0 != '"$TLS_ECHO_N"' { n++ } END { print n + 0 }' "$B/tls_echo.tsv")
        echo "\`$TPEMU --updates $TLS_ECHO_N\` answered by examples/echo.c (bench/echo_run.c, wall time), median of" \
             "$ECHO_ROUNDS interleaved rounds. tpemu speaks plain HTTP, so HTTPS goes through bench/tls_fwd.c" \
             "(telepot's BearSSL server engine terminating TLS, RSA-2048 certificate, one kept-alive" \
             "connection); *HTTP via forwarder* is the same program forwarding without TLS, the fair" \
             "baseline for the cost of TLS; *direct* has no extra hop."
        echo
        echo "| transport | replies/s (median) | HTTPS-fwd / this (paired) |"
        echo "|---|---:|---:|"
        echo "| HTTPS keep-alive via forwarder | $sf | **1.00** |"
        echo "| HTTP via the same forwarder | $hf | **$(awk -v r="$rf" 'BEGIN { printf "%.2f", r }')** |"
        echo "| HTTP direct | $d | **$(awk -v r="$rd" 'BEGIN { printf "%.2f", r }')** |"
        echo
        [ "$bad" -gt 0 ] && echo "**Warning:** $bad run(s) did not get all $TLS_ECHO_N updates matched; see $B/tls_echo.tsv." && echo
        target "HTTPS: echo replies/s, HTTPS / HTTP (same hop)" "$(awk -v r="$rf" 'BEGIN { printf "%.2f", r }')" ge 0.8
    else
        echo "_echo over HTTPS skipped: needs $TPEMU and $ECHO_BOT (\`make\`)_"
        echo
    fi
fi
fi # https

# ---------------------------------------------------------------------------------------------
if want hook; then
echo "## Webhook receiver against the emulator"
echo
if [ ! -x "$TPEMU" ]; then
    echo "_skipped: $TPEMU not found (build it first, e.g. \`make\`)._"
    echo
elif build hook_bench bench/hook_bench.c -- -lpthread; then
    : >"$B/hook.tsv"
    for _ in $(seq "$ECHO_ROUNDS"); do
        "$B/hook_bench" "$TPEMU" "$ECHO_N" handle >>"$B/hook.tsv" 2>>"$B/hook.log"
        "$B/hook_bench" "$TPEMU" "$ECHO_N" echo >>"$B/hook.tsv" 2>>"$B/hook.log"
    done
    hmed() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    h_handle=$(awk -F'\t' '$1 == "hook" && $2 == "handle" { print $4 }' "$B/hook.tsv" | hmed)
    h_echo=$(awk -F'\t' '$1 == "hook" && $2 == "echo" { print $4 }' "$B/hook.tsv" | hmed)
    hc_handle=$(awk -F'\t' '$1 == "hook" && $2 == "handle" { print $6 }' "$B/hook.tsv" | hmed)
    hc_echo=$(awk -F'\t' '$1 == "hook" && $2 == "echo" { print $6 }' "$B/hook.tsv" | hmed)
    hbad=$(awk -F'\t' -v n="$ECHO_N" '$1 == "hook" && $5 + 0 != n { c++ } END { print c + 0 }' "$B/hook.tsv")
    echo "\`$TPEMU --updates $ECHO_N --webhook\` pushes every update as one POST over 8 keep-alive" \
         "connections to a tp_hook with 8 workers (bench/hook_bench.c, in-process); time from setWebhook" \
         "to the last update handled (handle) or to tpemu's exit once every echo matched (echo)." \
         "Median of $ECHO_ROUNDS rounds. The polling row is the echo section's examples/echo median." \
         "tpemu is single-threaded and, in webhook mode, makes one POST per update besides the" \
         "sendMessage: it bounds the webhook rows (compare the bot's CPU per update)."
    echo
    echo "| source | updates/s (median) | / polling echo | bot CPU µs / update |"
    echo "|---|---:|---:|---:|"
    echo "| long polling, examples/echo (replies) | ${e_rps:-?} | **1.00** | ${e_cpu:-?} |"
    echo "| webhook, handler + sendMessage echo | $h_echo | **$(div "$h_echo" "${e_rps:-0}")** | $hc_echo |"
    echo "| webhook, handler only (no reply) | $h_handle | **$(div "$h_handle" "${e_rps:-0}")** | $hc_handle |"
    echo
    [ "$hbad" -gt 0 ] && echo "**Warning:** $hbad run(s) did not handle all $ECHO_N updates; see $B/hook.tsv and $B/hook.log." && echo
else
    echo "_skipped: bench/hook_bench.c did not build_"
    echo
fi
fi # hook

# ---------------------------------------------------------------------------------------------
if want bc; then
BC_N=${BENCH_BC_CHATS:-10000}
BC_LIMIT=${BENCH_BC_LIMIT:-2000/1000}
BC_LAT=${BENCH_BC_LAT_MS:-50}
BC_ROUNDS=${BENCH_BC_ROUNDS:-3}
BC_BOT=${BENCH_BC_BOT:-build/examples/broadcast}
echo "## Broadcast (examples/broadcast.c) against the emulator's flood limits"
echo
[ -x "$BC_BOT" ] || make -s "$BC_BOT" >/dev/null 2>&1
if [ ! -x "$TPEMU" ] || [ ! -x "$BC_BOT" ] || ! "$TPEMU" --help 2>/dev/null | grep -q -- --limit-global; then
    echo "_skipped: needs $TPEMU with --limit-global and $BC_BOT (\`make\`, \`make $BC_BOT\`)_"
    echo
    target "Broadcast: time ÷ limit-bound minimum, loopback" "?" le 1.05
else
    BC_COUNT=${BC_LIMIT%/*} BC_PER=${BC_LIMIT#*/}
    BC_MIN=$(awk -v n="$BC_N" -v c="$BC_COUNT" -v p="$BC_PER" 'BEGIN { printf "%.3f", (n > c ? n - c : 0) * p / c / 1000 }')
    python3 -c "for i in range($BC_N): print(5000000 + i)" >"$B/bc.chats"
    : >"$B/bc.tsv"
    : >"$B/bc.log"
    # bc_run LABEL "TPEMU-ARGS" BROADCAST-ARGS...: a fresh tpemu and journal; appends LABEL, elapsed,
    # sent, tpemu's bot_messages, limited (429s for the limits), exit status to bc.tsv
    bc_run() {
        local label=$1 eargs=$2 i=0 port rc stats
        shift 2
        rm -f "$B/bc.port" "$B/bc.journal"
        # shellcheck disable=SC2086
        "$TPEMU" --port 0 --port-file "$B/bc.port" --quiet --max-secs 120 --limit-global "$BC_LIMIT" \
            --limit-chat 1/1000 $eargs 2>>"$B/bc.log" &
        local epid=$!
        while [ ! -s "$B/bc.port" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
        port=$(cat "$B/bc.port" 2>/dev/null)
        TELEPOT_API_URL=http://127.0.0.1:$port "$BC_BOT" --journal "$B/bc.journal" "$@" 123456:TEST \
            "$B/bc.chats" "Hello, subscribers" >"$B/bc.out" 2>>"$B/bc.log"
        rc=$?
        stats=$(python3 -c 'import json, sys, urllib.request as u
u.install_opener(u.build_opener(u.ProxyHandler({})))
s = json.load(u.urlopen("http://127.0.0.1:%s/_emu/stats" % sys.argv[1], timeout=10))
print(s.get("bot_messages", "?"), s.get("limited", "?"))' "$port" 2>>"$B/bc.log")
        kill "$epid" 2>/dev/null; wait "$epid" 2>/dev/null
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$(sed -n 's/^elapsed: \([0-9.]*\) s.*/\1/p' "$B/bc.out")" \
            "$(sed -n 's/^sent: \([0-9]*\).*/\1/p' "$B/bc.out")" "${stats% *}" "${stats#* }" "$rc" >>"$B/bc.tsv"
    }
    BC_RATE="--rate $BC_LIMIT"
    for _ in $(seq "$BC_ROUNDS"); do
        bc_run loop "" $BC_RATE
        bc_run slack "--limit-slack 50" $BC_RATE
        bc_run loop32 "" $BC_RATE --threads 32
        bc_run lat "--latency $BC_LAT" $BC_RATE
        bc_run free "" --no-throttle --threads 32
    done
    bmed() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    bcol() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l { print $c }' "$B/bc.tsv"; }
    bsum() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l { s += $c } END { print s + 0 }' "$B/bc.tsv"; }
    bbad() { awk -F'\t' -v l="$1" -v n="$BC_N" '$1 == l && ($3 != n || $4 != n || $6 != 0) { b++ } END { print b + 0 }' "$B/bc.tsv"; }
    bthreads=$(awk -v c="$BC_COUNT" -v p="$BC_PER" 'BEGIN { t = int(c * 100 / p); print (t < 8 ? 8 : (t > 256 ? 256 : t)) }')
    brow() { # LABEL NAME THREADS
        local t c
        t=$(bcol "$1" 2 | bmed)
        c=$(awk -F'\t' -v l="$1" '$1 == l && $5 == 0 { print $2 }' "$B/bc.tsv" | bmed)
        echo "| $2 | $3 | $(bcol "$1" 2 | tr '\n' ' ')| $t | **$(div "$t" "$BC_MIN")** | $(bsum "$1" 5) | $([ "$c" = "?" ] && echo "?" || div "$c" "$BC_MIN") | $(bbad "$1") |"
    }
    BC_LAT_MIN=$(awk -v n="$BC_N" -v c="$BC_COUNT" -v p="$BC_PER" -v l="$BC_LAT" -v t="$bthreads" \
        'BEGIN { printf "%.3f", (n - c) * (p + l) / c / 1000 + c * l / 1000 / t }')
    echo "$BC_N chats, each sent one sendMessage by $BC_BOT (its journal fsync'd on this machine's disk," \
         "shared syncs), against \`$TPEMU --limit-global $BC_LIMIT --limit-chat 1/1000\` and broadcast's" \
         "throttle set to the same (\`--rate $BC_LIMIT\`). The limit-bound minimum: the first $BC_COUNT go at" \
         "once, then $BC_COUNT every $BC_PER ms: ($BC_N - $BC_COUNT) × $BC_PER ms / $BC_COUNT = $BC_MIN s; a" \
         "real sender adds the time it takes to send the first window's burst (the later windows repeat its" \
         "pace): at $BC_LAT ms a request and $bthreads threads, $BC_COUNT take at least" \
         "$(awk -v c="$BC_COUNT" -v l="$BC_LAT" -v t="$bthreads" 'BEGIN { printf "%.2f", c * l / 1000 / t }') s. Time: broadcast's own (threads" \
         "started to all done), median of $BC_ROUNDS interleaved rounds. 429s: tpemu's \`limited\`, summed;" \
         "bad runs: not every chat got exactly one message (tpemu's bot_messages, broadcast's sent) or a" \
         "non-zero exit. Latency rows: \`--latency $BC_LAT\` (each answer leaves $BC_LAT ms after its request)." \
         "The throttle lends a token from when its request goes out until a window after the request's" \
         "answer arrived, so tpemu never sees a window overfull, whatever the scheduling on the way (the" \
         "slack-50 row: tpemu forgiving 50 ms of jitter changes nothing now). With latency a token is out a" \
         "round trip longer than its window: at $BC_LAT ms the throttle's own bound is" \
         "($BC_N - $BC_COUNT) × ($BC_PER + $BC_LAT) ms / $BC_COUNT + the first burst = $BC_LAT_MIN s. The last but" \
         "one column: the runs that met no 429 (? when none did)."
    echo
    echo "| run | threads | times (s) | median (s) | ÷ limit-bound minimum | 429s | ÷ minimum, runs without 429s | bad runs |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|"
    brow loop "loopback, throttle on" "$bthreads (default)"
    brow slack "loopback, throttle on, tpemu \`--limit-slack 50\`" "$bthreads (default)"
    brow loop32 "loopback, throttle on" 32
    brow lat "$BC_LAT ms latency, throttle on" "$bthreads (default)"
    brow free "loopback, no throttle (429s waited out)" 32
    echo
    target "Broadcast: time ÷ limit-bound minimum, loopback" "$(div "$(bcol loop 2 | bmed)" "$BC_MIN")" le 1.05
    target "Broadcast: time ÷ the throttle's bound at $BC_LAT ms latency" "$(div "$(bcol lat 2 | bmed)" "$BC_LAT_MIN")" le 1.05
    target "Broadcast: time ÷ limit-bound minimum, loopback, 32 threads" "$(div "$(bcol loop32 2 | bmed)" "$BC_MIN")" le 1.05
    target "Broadcast: 429s with the throttle on (all runs)" "$(($(bsum loop 5) + $(bsum slack 5) + $(bsum loop32 5) + $(bsum lat 5)))" le 0
    target "Broadcast: runs with a chat missed or sent twice" "$(($(bbad loop) + $(bbad slack) + $(bbad loop32) + $(bbad lat) + $(bbad free)))" le 0
fi
fi # bc

# ---------------------------------------------------------------------------------------------
echo "## Targets"
echo
echo "| target | measured | wanted | verdict |"
echo "|---|---:|---|---|"
cat "$SUMMARY"
echo
echo "$(grep -c '| met |' "$SUMMARY") met, $(grep -c '| MISSED |' "$SUMMARY") missed, $(grep -c 'not measured' "$SUMMARY") not measured. Raw records: $B/*.tsv."

#!/bin/bash
# tests/run.sh - the whole suite: compile checks (gcc, clang, C++11), exported symbols, unit
# tests under ASan+UBSan, the threaded tests under TSan, the delegator's scale test
# (tests/test_dlg_scale.c) in a plain -O2 build, core tests under valgrind, the
# examples against the emulator, the code blocks of README.md and the header's QUICK START
# (tests/test_docs.sh).
# Every step adds its own "N passed, N failed" to the total; the last line is the total.
#
# The steps run concurrently, on lanes; the result lines still come in the order listed below,
# each once its step (and the ones above it) are done. build/tests/run/ holds the lanes' state,
# and build/tests/run/timeline when each step started and ended (seconds from the start).
#   cpu    TPT_JOBS workers (default: the number of cores): the builds, the fuzzing, the docs
#   io     one worker, beside cpu: the tests that mostly wait on loopback sockets or sleeps and
#          time nothing tight (each once its binary and build/tpemu are built)
#   ex     two workers, beside cpu: the examples' parts (they pass beside two compilers)
#   then, once those are done:
#   heavy  one worker: test_api, test_delegate, test_send and test_dlg_scale, CPU-heavy or
#          timing-sensitive, one at a time (beside two compilers and more, test_api's pool sends
#          missed their 300 ms answers, test_order's timers 5 ms apart came out of order)
#   cc     one worker, beside heavy: the compile checks (a compiler beside heavy's tests throws
#          none of them)
#   then, once those are done:
#   quiet  one worker, on an otherwise idle machine: test_hook (beside test_dlg_scale it lost
#          posts to a full queue; beside test_delegate-tsan a post took over 500 ms),
#          test_updates (beside a compiler, the examples, test_delegate or test_hook, its soak
#          with 8 workers counted fewer than the 10 faulty polls it wants in ~1 run of 10)
# Tests sharing files never run at once: build/tls (test_tls, echo_https.sh) is the io lane's.
set -u
cd "$(dirname "$0")/.."
B=build/tests
mkdir -p "$B" build
WARN="-std=c99 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wcast-qual -Wpointer-arith -Wundef -Wvla -Wformat=2"
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The suite talks to loopback servers only: a proxy from the caller's environment must not
# capture those connections (test_proxy sets its own).
unset http_proxy https_proxy HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY TELEPOT_CA_FILE SSL_CERT_FILE
passed=0 failed=0
VALGRIND_TESTS="test_json test_http test_tls test_proxy test_resolve test_delegate test_answer test_oom test_send"
JOBS=${TPT_JOBS:-$(nproc 2>/dev/null || echo 2)}
case $JOBS in '' | *[!0-9]* | 0) JOBS=2 ;; esac
R=$B/run
rm -rf "$R"
mkdir -p "$R"

# step NAME CMD...: runs CMD; its last "N passed, N failed" line counts, else exit status = 1 check.
# (Called by a task, in a worker: the result goes to $R/TASK.res, for the main shell to print.)
step() {
    local name=$1 log="$B/$1.log" line p f rc t0=$SECONDS
    shift
    "$@" >"$log" 2>&1
    rc=$?
    local secs=$((SECONDS - t0))
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -n "$line" ]; then
        p=${line%% passed*}
        f=${line#*passed, }
        f=${f%% failed*}
        [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
    elif [ "$rc" -eq 0 ]; then
        p=1 f=0
    else
        p=0 f=1
    fi
    printf '%s %s %s %s\n' "$name" "$p" "$f" "$secs" >>"$R/$TASK.res"
    printf '%4d %4d %s\n' "$t0" "$SECONDS" "$name" >>"$R/timeline" # (seconds since the start)
}

# report NAME P F SECS: adds a step's result to the totals and prints its line.
report() {
    local name=$1 p=$2 f=$3 secs=$4 log="$B/$1.log"
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -eq 0 ]; then
        printf '  ok    %-34s %-14s %4d s\n' "$name" "$p passed" "$secs"
    else
        printf '  FAIL  %-34s %s passed, %s failed, %d s (log: %s)\n' "$name" "$p" "$f" "$secs" "$log"
        tail -n 25 "$log" | sed 's/^/        /'
    fi
}

# The tasks, in the order their results print. task LANE[:PRIO] LABEL DEPS CODE: a worker of
# LANE runs CODE (shell text calling step, usually once) when every task in DEPS is done
# (labels, space-separated; @LANE: all of that lane's tasks). A lane's workers take its tasks
# by PRIO (0-9, default 5), then in order.
NT=0
T_LANE=() T_PRIO=() T_LABEL=() T_DEPS=() T_CODE=()
task() {
    T_LANE[NT]=${1%%:*} T_PRIO[NT]=5 T_LABEL[NT]=$2 T_DEPS[NT]=$3 T_CODE[NT]=$4
    case $1 in *:*) T_PRIO[NT]=${1#*:} ;; esac
    NT=$((NT + 1))
}
header() { task - "" "" "$1"; }
# s LANE[:PRIO] DEPS NAME CMD...: a task of one step, labelled NAME.
s() {
    local lane=$1 deps=$2 name=$3
    shift 3
    task "$lane" "$name" "$deps" "step $(printf '%q ' "$name" "$@")"
}
q() { printf '%q ' "$@"; }

# T_WAIT[i]: the indexes of the tasks task i waits for.
resolve_deps() {
    local i j d found
    T_WAIT=()
    for ((i = 0; i < NT; i++)); do
        T_WAIT[i]=""
        for d in ${T_DEPS[i]}; do
            found=0
            for ((j = 0; j < NT; j++)); do
                if [ "$d" = "${T_LABEL[j]}" ] || [ "$d" = "@${T_LANE[j]}" ]; then
                    [ "$j" -ne "$i" ] && T_WAIT[i]="${T_WAIT[i]} $j"
                    found=1
                fi
            done
            [ $found -eq 1 ] && continue
            echo "tests/run.sh: task ${T_LABEL[i]:-$i} waits for an unknown task '$d'"
            echo "$passed passed, 1 failed"
            exit 1
        done
    done
}

worker() { # LANE
    local p i j
    for p in 0 1 2 3 4 5 6 7 8 9; do
        for ((i = 0; i < NT; i++)); do
            [ "${T_LANE[i]}" = "$1" ] && [ "${T_PRIO[i]}" = "$p" ] || continue
            mkdir "$R/claim.$i" 2>/dev/null || continue
            for j in ${T_WAIT[i]}; do
                while [ ! -e "$R/$j.done" ]; do sleep 0.2; done
            done
            TASK=$i
            : >"$R/$i.res"
            eval "${T_CODE[i]}"
            touch "$R/$i.done"
        done
    done
}

# On SIGINT/SIGTERM: the workers (they ignore SIGINT, as background jobs) and what they run.
WORKERS=""
stop_workers() {
    local f st p pids=" $WORKERS " more=1
    local -A parent=()
    for f in /proc/[0-9]*/stat; do
        read -r st 2>/dev/null <"$f" || continue
        set -- ${st##*) }
        p=${f#/proc/}
        parent[${p%/stat}]=$2
    done
    while [ $more = 1 ]; do # the workers' descendants
        more=0
        for p in "${!parent[@]}"; do
            case $pids in *" $p "*) continue ;; *" ${parent[$p]} "*) pids="$pids$p " more=1 ;; esac
        done
    done
    kill -TERM $pids 2>/dev/null
}
trap 'stop_workers; echo "tests/run.sh: interrupted"; exit 130' INT TERM

# run_tasks LANE:WORKERS...: starts the workers, prints the results in order as they come.
run_tasks() {
    local lw n i=0 name p f secs
    resolve_deps
    for lw in "$@"; do
        for ((n = 0; n < ${lw#*:}; n++)); do
            worker "${lw%%:*}" &
            WORKERS="$WORKERS $!"
        done
    done
    while [ $i -lt $NT ]; do
        if [ "${T_LANE[i]}" = - ]; then
            echo "${T_CODE[i]}"
        elif [ -e "$R/$i.done" ]; then
            while read -r name p f secs; do report "$name" "$p" "$f" "$secs"; done <"$R/$i.res"
        elif [ -z "$(jobs -rp)" ] && [ ! -e "$R/$i.done" ]; then # no worker left to run it
            echo "  FAIL  ${T_LABEL[i]:-task $i}: never ran (no worker for lane ${T_LANE[i]})"
            failed=$((failed + 1))
        else
            sleep 0.3
            continue
        fi
        i=$((i + 1))
    done
    wait
}

AFTER="@cpu @io @ex"     # the heavy and cc lanes: after the builds and the tests beside them
QUIET="$AFTER @heavy @cc" # the quiet lane: nothing beside it

header "== compile: gcc and clang, $WARN"
# gcc at -O2 (its flow warnings need the optimizer) on the tests: the examples and tpemu are
# built with the same flags by `make all` below. clang on everything, syntax only (its
# warnings come from the front end).
for cc in gcc clang; do
    command -v $cc >/dev/null || { s cc "$AFTER" "compile-$cc-missing" false; continue; }
    srcs="tests/test_*.c" mode="-O2 -c"
    [ $cc = clang ] && srcs="examples/*.c tools/tpemu.c tests/test_*.c" mode="-fsyntax-only"
    for src in $srcs; do
        s cc "$AFTER" "compile-$cc-$(basename "$src" .c)" $cc $WARN $mode "$src" -o /dev/null
    done
    s cc "$AFTER" "compile-$cc-static" $cc $WARN -O2 -DTELEPOT_STATIC -c tests/test_compile.c -o /dev/null
    s cc "$AFTER" "compile-$cc-bearssl-echo" $cc $WARN -O2 -DTELEPOT_BEARSSL -c examples/echo.c -o /dev/null
    s cc "$AFTER" "compile-$cc-bearssl-static" $cc $WARN -O2 -DTELEPOT_BEARSSL -DTELEPOT_STATIC -c tests/test_compile.c -o /dev/null
done
for cxx in g++ clang++; do
    command -v $cxx >/dev/null || { s cc "$AFTER" "compile-$cxx-missing" false; continue; }
    s cc "$AFTER" "compile-$cxx-c++11" $cxx -std=c++11 -Wall -Wextra -Wpedantic -Werror -x c++ -c tests/test_compile.c -o /dev/null
    s cc "$AFTER" "compile-$cxx-c++11-bearssl" $cxx -std=c++11 -Wall -Wextra -Wpedantic -Werror -DTELEPOT_BEARSSL -x c++ -c tests/test_compile.c -o /dev/null
done
s cc "$AFTER" "symbols" make -s symbols
s cc "$AFTER" "generated-up-to-date" python3 tools/gen_api.py --check
s cc "$AFTER" "chat-page-up-to-date" python3 tools/gen_page.py --check

# The io lane's tests (the other tests run in the quiet lane, after all the rest); the cpu
# lane builds their binaries first.
IO_TESTS=" test_answer test_chat test_emu test_http test_json test_methods test_oom test_proxy test_resolve test_tls test_types "
EMU_DEP=build-tools-examples # build/tpemu, for the tests that start the emulator

header "== build"
s cpu:0 "" "build-tools-examples" make -s -j"$JOBS" all CFLAGS="-O2 -g"
for t in tests/test_*.c; do
    n=$(basename "$t" .c)
    [ "$n" = test_compile ] && continue
    libs=-lpthread
    [ "$n" = test_tls ] && libs="-lbearssl -lpthread" # test_tls.c defines TELEPOT_BEARSSL
    prio=3
    case $IO_TESTS in *" $n "*) prio=1 ;; esac
    s cpu:$prio "" "build-$n-asan" gcc $WARN -O1 -g $SAN "$t" -o "$B/$n-asan" $libs
    case " $VALGRIND_TESTS " in *" $n "*) s cpu:2 "" "build-$n-vg" gcc $WARN -O1 -g "$t" -o "$B/$n-vg" $libs ;; esac
done
s cpu:3 "" "build-test_dlg_scale-O2" gcc $WARN -O2 tests/test_dlg_scale.c -o "$B/test_dlg_scale" -lpthread
s cpu:2 "" "build-compile-run" gcc $WARN -O1 -g tests/test_compile.c -o "$B/test_compile" -lpthread
s cpu:2 "" "build-compile-run-bearssl" gcc $WARN -O1 -g -DTELEPOT_BEARSSL tests/test_compile.c -o "$B/test_compile-bearssl" -lbearssl -lpthread
s cpu:1 "" "build-tls-clang-asan" clang $WARN -O1 -g $SAN tests/test_tls.c -o "$B/test_tls-clang-asan" -lbearssl -lpthread

header "== unit tests (ASan + UBSan)"
for t in tests/test_*.c; do
    n=$(basename "$t" .c)
    [ "$n" = test_compile ] && continue
    scale=() # the delegator's scale test: small here (below at full size, without sanitizers)
    [ "$n" = test_dlg_scale ] && scale=(TPT_DLG_CHATS=500 TPT_DLG_FORK_CHATS=20 TPT_DLG_IDLE_MS=50)
    [ "$n" = test_updates ] && scale=(TPT_SOAK_N=1000) # (make soak: 10,000)
    lane=quiet deps=$QUIET
    case $n in test_api | test_delegate | test_dlg_scale | test_send) lane=heavy deps=$AFTER ;; esac
    case $IO_TESTS in *" $n "*) lane=io deps="$EMU_DEP build-$n-asan" ;; esac
    task $lane "$n-asan" "$deps" "[ -x $(q "$B/$n-asan") ] && step $(q "$n-asan" env ${scale[@]+"${scale[@]}"} "$B/$n-asan")"
done
s io "build-compile-run" "test_compile" "$B/test_compile"
s io "build-compile-run-bearssl" "test_compile-bearssl" "$B/test_compile-bearssl"
s io "build-tls-clang-asan" "test_tls-clang-asan" "$B/test_tls-clang-asan"

header "== threaded tests under ThreadSanitizer (clang; a report fails the step, exit 66)"
# No suppressions: the library and the tests are expected to be race-free as they are.
for n in test_api test_updates test_hook test_delegate test_answer test_send; do
    lane=quiet deps=$QUIET prio=3
    case $n in
    test_api | test_delegate | test_send) lane=heavy deps=$AFTER ;;
    test_answer) lane=io deps="$EMU_DEP build-$n-tsan" prio=2 ;;
    esac
    s cpu:$prio "" "build-$n-tsan" clang $WARN -O1 -g -fsanitize=thread "tests/$n.c" -o "$B/$n-tsan" -lpthread
    task $lane "$n-tsan" "$deps" "[ -x $(q "$B/$n-tsan") ] && step $(q "$n-tsan" env TPT_QUICK=1 TPT_SOAK_N=1000 \
        TSAN_OPTIONS="second_deadlock_stack=1 die_after_fork=0" "$B/$n-tsan")"
done

header "== the delegator at scale, plain -O2: 10 updates per chat over 10,000 chats (pool), 2,000 (thread), 100 (fork)"
# (TPT_DLG_THREAD_CHATS=10000 takes ~30 s a source on 2 cores; `make soak` runs it)
task heavy "test_dlg_scale" "$AFTER" "[ -x $(q "$B/test_dlg_scale") ] && step $(q test_dlg_scale env TPT_DLG_POOL_CHATS=10000 \
    TPT_DLG_THREAD_CHATS=2000 TPT_DLG_FORK_CHATS=100 "$B/test_dlg_scale")"

header "== core tests under valgrind"
for n in $VALGRIND_TESTS; do
    lane=io deps="$EMU_DEP build-$n-vg"
    case $n in test_delegate | test_send) lane=heavy deps=$AFTER ;; esac
    task $lane "$n-valgrind" "$deps" "[ -x $(q "$B/$n-vg") ] && step $(q "$n-valgrind" env TPT_NO_FORK=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect --error-exitcode=9 "$B/$n-vg")"
done

header "== fuzzing (libFuzzer, seed corpus in tests/fuzz/corpus)"
s cpu:4 "" "fuzz" bash tests/fuzz/run.sh 6

header "== examples against the emulator"
# (its parts at once, each with its own emulators and directory: they mostly wait)
s ex "$EMU_DEP" "examples" env TPT_EXAMPLES=others bash tests/test_examples.sh
s ex "$EMU_DEP" "examples-broadcast" env TPT_EXAMPLES=broadcast bash tests/test_examples.sh
s ex "$EMU_DEP" "examples-ipcam" env TPT_EXAMPLES=ipcam bash tests/test_examples.sh
s io "$EMU_DEP" "echo-over-https" bash tests/tls/echo_https.sh

header "== the emulator's chats: the terminal chat through a pseudo-terminal and a pipe, the page in a browser"
s io "$EMU_DEP" "chat-tty" python3 tests/test_chat_tty.py
s ex "$EMU_DEP" "chat-page" python3 tests/test_chat_page.py # (headless chromium)

header "== what users copy: README and QUICK START code blocks, build lines, command sequences"
s cpu:4 "$EMU_DEP" "docs" bash tests/test_docs.sh

run_tasks cpu:"$JOBS" io:1 ex:2 heavy:1 cc:1 quiet:1
echo "suite: $SECONDS s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

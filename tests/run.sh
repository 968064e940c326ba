#!/bin/bash
# tests/run.sh - the whole suite: compile checks (gcc, clang, C++11), exported symbols, unit
# tests under ASan+UBSan, the threaded tests under TSan, the delegator's scale test
# (tests/test_dlg_scale.c) in a plain -O2 build, core tests under valgrind, the
# examples against the emulator, the code blocks of README.md and the header's QUICK START
# (tests/test_docs.sh).
# Every step adds its own "N passed, N failed" to the total; the last line is the total.
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

# step NAME CMD...: runs CMD; its last "N passed, N failed" line counts, else exit status = 1 check.
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
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -eq 0 ]; then
        printf '  ok    %-34s %-14s %4d s\n' "$name" "$p passed" "$secs"
    else
        printf '  FAIL  %-34s %s passed, %s failed, %d s (log: %s)\n' "$name" "$p" "$f" "$secs" "$log"
        tail -n 25 "$log" | sed 's/^/        /'
    fi
}

echo "== compile: gcc and clang, $WARN"
# gcc at -O2 (its flow warnings need the optimizer) on the tests: the examples and tpemu are
# built with the same flags by `make all` below. clang on everything, syntax only (its
# warnings come from the front end).
for cc in gcc clang; do
    command -v $cc >/dev/null || { step "compile-$cc-missing" false; continue; }
    srcs="tests/test_*.c" mode="-O2 -c"
    [ $cc = clang ] && srcs="examples/*.c tools/tpemu.c tests/test_*.c" mode="-fsyntax-only"
    for src in $srcs; do
        step "compile-$cc-$(basename "$src" .c)" $cc $WARN $mode "$src" -o /dev/null
    done
    step "compile-$cc-static" $cc $WARN -O2 -DTELEPOT_STATIC -c tests/test_compile.c -o /dev/null
    step "compile-$cc-bearssl-echo" $cc $WARN -O2 -DTELEPOT_BEARSSL -c examples/echo.c -o /dev/null
    step "compile-$cc-bearssl-static" $cc $WARN -O2 -DTELEPOT_BEARSSL -DTELEPOT_STATIC -c tests/test_compile.c -o /dev/null
done
for cxx in g++ clang++; do
    command -v $cxx >/dev/null || { step "compile-$cxx-missing" false; continue; }
    step "compile-$cxx-c++11" $cxx -std=c++11 -Wall -Wextra -Wpedantic -Werror -x c++ -c tests/test_compile.c -o /dev/null
    step "compile-$cxx-c++11-bearssl" $cxx -std=c++11 -Wall -Wextra -Wpedantic -Werror -DTELEPOT_BEARSSL -x c++ -c tests/test_compile.c -o /dev/null
done
step "symbols" make -s symbols
step "generated-up-to-date" python3 tools/gen_api.py --check

echo "== build"
step "build-tools-examples" make -s all CFLAGS="-O2 -g"
for t in tests/test_*.c; do
    n=$(basename "$t" .c)
    [ "$n" = test_compile ] && continue
    libs=-lpthread
    [ "$n" = test_tls ] && libs="-lbearssl -lpthread" # test_tls.c defines TELEPOT_BEARSSL
    step "build-$n-asan" gcc $WARN -O1 -g $SAN "$t" -o "$B/$n-asan" $libs
    case " $VALGRIND_TESTS " in *" $n "*) step "build-$n-vg" gcc $WARN -O1 -g "$t" -o "$B/$n-vg" $libs ;; esac
done
step "build-test_dlg_scale-O2" gcc $WARN -O2 tests/test_dlg_scale.c -o "$B/test_dlg_scale" -lpthread
step "build-compile-run" gcc $WARN -O1 -g tests/test_compile.c -o "$B/test_compile" -lpthread
step "build-compile-run-bearssl" gcc $WARN -O1 -g -DTELEPOT_BEARSSL tests/test_compile.c -o "$B/test_compile-bearssl" -lbearssl -lpthread
step "build-tls-clang-asan" clang $WARN -O1 -g $SAN tests/test_tls.c -o "$B/test_tls-clang-asan" -lbearssl -lpthread

echo "== unit tests (ASan + UBSan)"
for t in tests/test_*.c; do
    n=$(basename "$t" .c)
    [ "$n" = test_compile ] && continue
    scale=() # the delegator's scale test: small here (below at full size, without sanitizers)
    [ "$n" = test_dlg_scale ] && scale=(TPT_DLG_CHATS=500 TPT_DLG_FORK_CHATS=20 TPT_DLG_IDLE_MS=50)
    [ "$n" = test_updates ] && scale=(TPT_SOAK_N=1000) # (make soak: 10,000)
    [ -x "$B/$n-asan" ] && step "$n-asan" env ${scale[@]+"${scale[@]}"} "$B/$n-asan"
done
step "test_compile" "$B/test_compile"
step "test_compile-bearssl" "$B/test_compile-bearssl"
step "test_tls-clang-asan" "$B/test_tls-clang-asan"

echo "== threaded tests under ThreadSanitizer (clang; a report fails the step, exit 66)"
# No suppressions: the library and the tests are expected to be race-free as they are.
for n in test_api test_updates test_hook test_delegate test_answer test_send; do
    step "build-$n-tsan" clang $WARN -O1 -g -fsanitize=thread "tests/$n.c" -o "$B/$n-tsan" -lpthread
    [ -x "$B/$n-tsan" ] && step "$n-tsan" env TPT_QUICK=1 TPT_SOAK_N=1000 \
        TSAN_OPTIONS="second_deadlock_stack=1 die_after_fork=0" "$B/$n-tsan"
done

echo "== the delegator at scale, plain -O2: 10 updates per chat over 10,000 chats (pool), 2,000 (thread), 100 (fork)"
# (TPT_DLG_THREAD_CHATS=10000 takes ~30 s a source on 2 cores; `make soak` runs it)
[ -x "$B/test_dlg_scale" ] && step "test_dlg_scale" env TPT_DLG_POOL_CHATS=10000 \
    TPT_DLG_THREAD_CHATS=2000 TPT_DLG_FORK_CHATS=100 "$B/test_dlg_scale"

echo "== core tests under valgrind"
for n in $VALGRIND_TESTS; do
    [ -x "$B/$n-vg" ] && step "$n-valgrind" env TPT_NO_FORK=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect --error-exitcode=9 "$B/$n-vg"
done

echo "== fuzzing (libFuzzer, seed corpus in tests/fuzz/corpus)"
step "fuzz" bash tests/fuzz/run.sh 6

echo "== examples against the emulator"
step "examples" bash tests/test_examples.sh
step "echo-over-https" bash tests/tls/echo_https.sh

echo "== what users copy: README and QUICK START code blocks, build lines, command sequences"
step "docs" bash tests/test_docs.sh

echo "suite: $SECONDS s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

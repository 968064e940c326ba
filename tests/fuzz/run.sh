#!/bin/bash
# tests/fuzz/run.sh SECONDS - builds the fuzz entry points with libFuzzer and runs each for
# SECONDS from the seed corpus; prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
secs=${1:-10}
mkdir -p build/fuzz
passed=0 failed=0
for f in json http hook; do
    ext=json; [ $f = http ] && ext=http; [ $f = hook ] && ext=req
    work=build/fuzz/corpus_$f
    mkdir -p "$work"
    cp tests/fuzz/corpus/*.$ext "$work/" 2>/dev/null
    if clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        tests/fuzz/fuzz_$f.c -o build/fuzz/fuzz_$f 2>build/fuzz/build_$f.log &&
        build/fuzz/fuzz_$f -max_total_time="$secs" -max_len=4096 -timeout=10 -artifact_prefix=build/fuzz/ "$work" \
            >build/fuzz/run_$f.log 2>&1; then
        passed=$((passed + 1))
        echo "fuzz_$f: $(grep -c . <(ls "$work")) inputs in corpus, no crash in ${secs}s"
    else
        failed=$((failed + 1))
        echo "fuzz_$f failed:"; tail -n 30 build/fuzz/build_$f.log build/fuzz/run_$f.log
    fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

#!/bin/bash
# tests/test_docs.sh - what users copy from the docs must be right. Extracts every ```c block
# of README.md and every C block of telepot.h's QUICK START and compiles each with gcc (and
# clang, syntax only) at the suite's warnings plus -Werror; runs each under ASan+UBSan against
# build/tpemu. Also: the QUICK START's echo bot is examples/echo.c's code, the build lines
# (`cc ...`) of both compile as written, and every build/... path a README command runs is
# made by the make targets the README ran before it.
#
# Snippet conventions (README.md: an HTML comment on the line before the ```c fence):
#   a block with #include and main()   a whole program, compiled as is
#   a block with main() only           the program after a prelude: the implementation and
#                                      `handle`, the echo handler of "A bot"
#   any other block                    statements, the body of a function after the prelude
#                                      with `tp_bot *bot` (from the environment), `tp_error
#                                      err` and `const char *secret` in scope
#   <!-- snippet: compile-only -->     compiled and linked, not run (e.g. it serves forever)
#   <!-- snippet: file=PATH -->        the block must be PATH's text from its
#                                      `#define TELEPOT_IMPLEMENTATION` line on
# A program runs against the emulator with a one-line script and must echo it (a webhook
# program, one that calls tp_hook_*, through tpemu --webhook), then stop on SIGTERM with
# status 0; statements run once and must return 0.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
EMU=build/tpemu
WARN="-std=c99 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wcast-qual -Wpointer-arith -Wundef -Wvla -Wformat=2"
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
T=$(mktemp -d "${TMPDIR:-/tmp}/tpt-docs.XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$T"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

[ -x "$EMU" ] || make -s "$EMU" >/dev/null || { bad "cannot build $EMU"; echo "$passed passed, $failed failed"; exit 1; }

# 1. Extract. $T/snippets: one line per C block "ID MODE WHERE" with $T/ID.c the file to
# build; $T/ID.raw the block as written; $T/ID.want the text it must equal (file=...).
# $T/cclines: the `cc ...` build lines; $T/readme.sh: README's shell blocks in order.
python3 - "$T" <<'EOF' || { bad "the extractor failed"; echo "$passed passed, $failed failed"; exit 1; }
import re, sys
T = sys.argv[1]
PRELUDE = r'''#define TELEPOT_IMPLEMENTATION
#include "telepot.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the README's echo handler: later snippets call it `handle` */
static void handle(tp_bot *bot, const tp_update *u, void *user) {
    const tp_message *m = u->message;
    (void)user;
    if (m && m->text)
        tp_send_message(bot, &(tp_send_message_args){ .chat_id = TP_CHAT(m->chat->id),
                                                      .text = m->text }, NULL, NULL);
}
'''
FUNC_HEAD = '''
static void snippet(tp_bot *bot) {
    tp_error err;
    const char *secret = "s3cr3t";
    (void)err;
    (void)secret;
#line %d "%s"
'''
FUNC_TAIL = '''
}

int main(void) {
    tp_error err;
    tp_bot *bot = tp_bot_new(NULL, &err); /* TELEGRAM_BOT_TOKEN, TELEPOT_API_URL */
    (void)handle;
    if (!bot) { fprintf(stderr, "snippet: %s\\n", err.message); return 1; }
    snippet(bot);
    tp_bot_free(bot);
    return 0;
}
'''
n = 0
snips = []
def add(code, where, line, opts):
    global n
    n += 1
    sid = 'snip%d' % n
    has_main = re.search(r'\bint\s+main\s*\(', code) is not None
    has_incl = re.search(r'^\s*#\s*include', code, re.M) is not None
    if has_main and has_incl:
        src, mode = code, 'program'
    elif has_main:
        src, mode = PRELUDE + '#line %d "%s"\n' % (line, where) + code, 'program'
    elif has_incl:
        src, mode = code, 'unit'            # a translation unit without main: compile only
    else:
        src = PRELUDE + FUNC_HEAD % (line, where) + code + FUNC_TAIL
        mode = 'statements'
    if mode == 'program' and re.search(r'\btp_hook_(main|run)\b', code):
        mode = 'webhook'
    if 'compile-only' in opts and mode != 'unit':
        mode = 'link'
    open('%s/%s.c' % (T, sid), 'w').write(src)
    open('%s/%s.raw' % (T, sid), 'w').write(code)
    m = re.search(r'\bfile=(\S+)', opts)
    if m:
        text = open(m.group(1)).read()
        i = text.find('#define TELEPOT_IMPLEMENTATION')
        open('%s/%s.want' % (T, sid), 'w').write(text[i:] if i >= 0 else '(no #define TELEPOT_IMPLEMENTATION in %s)\n' % m.group(1))
    snips.append('%s %s %s:%d' % (sid, mode, where, line))

cclines = []
# README.md: ```c fences; an HTML comment <!-- snippet: ... --> on the line before gives options.
lines = open('README.md').read().split('\n')
i = 0
shell = []
while i < len(lines):
    m = re.match(r'^```\s*(\w*)', lines[i])
    if m:
        lang, start = m.group(1).lower(), i
        j = i + 1
        while j < len(lines) and not lines[j].startswith('```'):
            j += 1
        if lang == 'c':
            prev = lines[start - 1] if start > 0 else ''
            o = re.match(r'^<!--\s*snippet:(.*)-->\s*$', prev)
            add('\n'.join(lines[start + 1:j]) + '\n', 'README.md', start + 2, o.group(1) if o else '')
        elif lang in ('sh', 'bash', 'shell', 'console'):
            shell += lines[start + 1:j]
        i = j + 1
        continue
    # an indented block (4 spaces after a blank line): shell commands
    if lines[i].startswith('    ') and (i == 0 or lines[i - 1].strip() == ''):
        while i < len(lines) and (lines[i].startswith('    ') or lines[i].strip() == ''):
            shell.append(lines[i][4:])
            i += 1
        continue
    i += 1
open(T + '/readme.sh', 'w').write('\n'.join(shell) + '\n')
cclines += [l.split('#')[0].strip() for l in shell if re.match(r'\s*cc\s', l)]

# telepot.h: the QUICK START section of the first comment; lines indented deeper than its
# text (9 spaces) are code, a run of them with a line starting with '#' or holding ';' or '{'
# is a C block, a line starting with 'cc ' a build line.
head = open('telepot.h').read().split('*/', 1)[0].split('\n')
qs = next(k for k, l in enumerate(head) if l.strip() == 'QUICK START')
end = next(k for k in range(qs + 1, len(head)) if re.match(r'^   [A-Z]', head[k]))
k = qs + 1
while k < end:
    if head[k].startswith('         '):
        s = k
        while k < end and (head[k].startswith('         ') or (head[k].strip() == '' and k + 1 < end and head[k + 1].startswith('         '))):
            k += 1
        block = [l[9:] for l in head[s:k]]
        if any(l.startswith('#') or ';' in l or '{' in l for l in block):
            text = '\n'.join(block) + '\n'
            add(text, 'telepot.h', s + 1, 'file=examples/echo.c' if 'main(' in text else '')
        cclines += [l.split('#')[0].strip() for l in block if l.startswith('cc ')]
        continue
    k += 1
open(T + '/snippets', 'w').write('\n'.join(snips) + '\n')
seen = []
for c in cclines:
    if c not in seen:
        seen.append(c)
open(T + '/cclines', 'w').write('\n'.join(seen) + '\n')
EOF
echo "snippets: $(wc -l <"$T/snippets") C blocks, $(grep -c . "$T/cclines") build lines"

# run_poll ID EXE: a polling bot answers one scripted line, then stops on SIGTERM with 0.
run_poll() {
    local id=$1 exe=$2 i=0 emu bot rc brc
    printf 'alice: hello from the docs\n' >"$T/$id.script"
    "$EMU" --port 0 --port-file "$T/$id.port" --script "$T/$id.script" --max-secs 30 >"$T/$id.out" 2>"$T/$id.emuerr" &
    emu=$!
    while [ ! -s "$T/$id.port" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
    TELEPOT_API_URL=http://127.0.0.1:$(cat "$T/$id.port") TELEGRAM_BOT_TOKEN=123456:TEST "$exe" >"$T/$id.stdout" 2>"$T/$id.stderr" &
    bot=$!
    wait $emu; rc=$?
    kill -TERM $bot 2>/dev/null; wait $bot; brc=$?
    [ $rc -eq 0 ] && [ $brc -eq 0 ] && grep -q '^bot> hello from the docs$' "$T/$id.out"
}

# run_hook ID EXE: the same through the webhook receiver (TOKEN URL PORT from the environment).
run_hook() {
    local id=$1 exe=$2 i=0 emu bot rc brc port
    printf 'alice: hello from the docs\n' >"$T/$id.script"
    "$EMU" --port 0 --port-file "$T/$id.port" --webhook --script "$T/$id.script" --max-secs 30 >"$T/$id.out" 2>"$T/$id.emuerr" &
    emu=$!
    while [ ! -s "$T/$id.port" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
    port=$((20000 + RANDOM % 20000))
    TELEPOT_API_URL=http://127.0.0.1:$(cat "$T/$id.port") TELEGRAM_BOT_TOKEN=123456:TEST \
        TELEPOT_WEBHOOK_URL=http://127.0.0.1:$port/ TELEPOT_WEBHOOK_PORT=$port "$exe" >"$T/$id.stdout" 2>"$T/$id.stderr" &
    bot=$!
    wait $emu; rc=$?
    kill -TERM $bot 2>/dev/null; wait $bot; brc=$?
    [ $rc -eq 0 ] && [ $brc -eq 0 ] && grep -q '^bot> hello from the docs$' "$T/$id.out"
}

# run_once ID EXE: statements run once against a live emulator.
run_once() {
    local id=$1 exe=$2 i=0 emu rc
    "$EMU" --port 0 --port-file "$T/$id.port" --quiet --max-secs 30 >/dev/null 2>"$T/$id.emuerr" &
    emu=$!
    while [ ! -s "$T/$id.port" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
    TELEPOT_API_URL=http://127.0.0.1:$(cat "$T/$id.port") TELEGRAM_BOT_TOKEN=123456:TEST \
        timeout 20 "$exe" >"$T/$id.stdout" 2>"$T/$id.stderr"
    rc=$?
    kill $emu 2>/dev/null; wait $emu 2>/dev/null
    return $rc
}

# 2. Build and run each block.
INC="-I$ROOT -I$ROOT/examples" # "telepot.h" in the README, "../telepot.h" as in examples/
while read -r id mode where; do
    [ -n "$id" ] || continue
    if [ -f "$T/$id.want" ]; then
        check "cmp -s '$T/$id.raw' '$T/$id.want'" "$where: the block differs from the file it shows (diff file block): $(diff "$T/$id.want" "$T/$id.raw" | head -n 20)"
    fi
    if command -v clang >/dev/null; then
        clang $WARN $INC -fsyntax-only "$T/$id.c" 2>"$T/$id.clang"
        check "[ $? -eq 0 ]" "$where ($mode): clang $WARN: $(head -n 20 "$T/$id.clang")"
    fi
    if [ "$mode" = unit ]; then
        gcc $WARN $INC -O1 -c "$T/$id.c" -o "$T/$id.o" 2>"$T/$id.gcc"
        check "[ $? -eq 0 ]" "$where ($mode): gcc $WARN: $(head -n 20 "$T/$id.gcc")"
        continue
    fi
    gcc $WARN $INC -O1 -g $SAN "$T/$id.c" -o "$T/$id" -lpthread 2>"$T/$id.gcc"
    if [ $? -ne 0 ]; then
        bad "$where ($mode): gcc $WARN $SAN: $(head -n 20 "$T/$id.gcc")"
        continue
    fi
    ok
    case $mode in
    program) run_poll "$id" "$T/$id"; rc=$? ;;
    webhook) run_hook "$id" "$T/$id"; rc=$? ;;
    statements) run_once "$id" "$T/$id"; rc=$? ;;
    *) continue ;;
    esac
    check "[ $rc -eq 0 ]" "$where ($mode) against tpemu: $(cat "$T/$id.out" "$T/$id.stderr" "$T/$id.emuerr" 2>/dev/null | tail -n 20)"
done <"$T/snippets"

# 3. The build lines users type, as written (only the output moved into the temporary dir).
while read -r line; do
    [ -n "$line" ] || continue
    cmd=$(printf '%s' "$line" | sed -E "s# -o ([^ ]+)# -o $T/cc.\\1#")
    sh -c "$cmd" >"$T/cc.log" 2>&1
    check "[ $? -eq 0 ]" "build line '$line': $(head -n 20 "$T/cc.log")"
done <"$T/cclines"

# 4. Every build/... program a README command runs is made by a make command the README
# showed before it (a reader runs them in order, on a fresh clone).
targets=""
while IFS= read -r line; do
    cmd=$(printf '%s' "${line%%#*}" | sed -E 's/^ +//; s/ +$//')
    case $cmd in
    make) targets="$targets all"; continue ;; # the default target
    make\ *) targets="$targets ${cmd#make }"; continue ;;
    esac
    for path in $(printf '%s\n' "$cmd" | grep -oE '(^|[ =])build/[A-Za-z0-9_./-]+' | sed -E 's/^[ =]//'); do
        made=$(make -n -B $targets 2>/dev/null | grep -cE -- "-o $path( |\$)")
        check "[ $made -gt 0 ]" "README runs $path, which none of the make commands before it (make$targets) builds"
    done
done <"$T/readme.sh"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

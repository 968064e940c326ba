#!/usr/bin/env python3
"""tests/mutate.py - mutation testing of telepot.h (`make mutate`).

Each record of tests/mutations.txt is a small text replacement in telepot.h (a realistic
one-line bug) and the test cases that must catch it. For each one this script copies the tree
into a scratch directory under build/mutate/, applies the replacement, builds only the test
programs it names and runs the named cases with a timeout. A mutation is

  killed        a named case failed (non-zero exit, a crash or the timeout)
  survived      every named case passed: the tests miss that bug
  build-failed  the mutated header did not compile (counts as caught only when the record
                says `expect: build-fail`; prefer a test)
  stale         its find text does not occur exactly once in telepot.h

It prints a Markdown table and a summary line, and exits non-zero when a mutation survived,
is stale or failed to build unexpectedly, or when the unmutated tree fails a named case (which
it checks first).

build/tpemu (the emulator the update tests start) is a fixture: it is built once, from the
unmutated header, and shared by every scratch tree, so a kill always comes from the library
under test, never from a broken emulator. A record with `file: tools/tpemu.c` mutates the
emulator instead (its own tests, tests/test_emu.c, check it): its scratch tree builds its own
build/tpemu from the mutated source; telepot.h stays as it is. A record with
`file: examples/NAME.c` mutates an example, and names parts of tests/test_examples.sh as its
cases: `tests: examples:broadcast` runs that script with TPT_EXAMPLES=broadcast (it builds the
example from the scratch tree). `file: tools/tpemu_page.html` mutates the chat page: embedded
again and built into the scratch tree's own tpemu; `tests: chat_page` runs
tests/test_chat_page.py (headless chromium) against it, with the unmutated echo, inline and
diceyclock.

Usage: tests/mutate.py [--jobs N] [--list FILE] [ID ...]   (IDs: run only those)
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, "build", "mutate")
CFLAGS = ["-std=c99", "-O1", "-g", "-w"]  # warnings are not a kill here: tests are
SAN = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-fno-sanitize-recover=all"]
LIBS = {"test_tls": ["-lbearssl", "-lpthread"]}
TIMEOUT = 180  # seconds per test case, unless the record says `timeout:`
ENV_DROP = ("http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy",
            "NO_PROXY", "TELEPOT_CA_FILE", "SSL_CERT_FILE")


class Mutation:
    def __init__(self, mid, area, line):
        self.id, self.area, self.line = mid, area, line
        self.tests = []       # [(binary, case or None)]
        self.san = False
        self.expect_build_fail = False
        self.timeout = TIMEOUT
        self.find = self.replace = None
        self.note = ""
        self.file = "telepot.h"  # what the replacement applies to


def parse(path):
    """Records: '== ID AREA', then 'tests:', 'build: asan', 'expect: build-fail', 'timeout: S',
    'note: ...', 'file: PATH' (telepot.h, tools/tpemu.c, tools/tpemu_page.html or examples/*.c;
    default telepot.h) lines, then
    'find:' LINES 'replace:' LINES 'end'. Lines inside find/replace are taken verbatim (no
    trailing newline after the last)."""
    muts, cur, block, errors = [], None, None, []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, 1):
        if block is not None:
            if raw == "replace:" and block == "find":
                block, cur.replace = "replace", []
            elif raw == "end" and block == "replace":
                cur.find, cur.replace = "\n".join(cur.find), "\n".join(cur.replace)
                block = None
            else:
                (cur.find if block == "find" else cur.replace).append(raw)
            continue
        s = raw.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("== "):
            parts = s[3:].split()
            cur = Mutation(parts[0], parts[1] if len(parts) > 1 else "-", n)
            muts.append(cur)
        elif cur is None:
            errors.append("%s:%d: text before the first record" % (path, n))
        elif s.startswith("tests:"):
            for t in s[6:].split():
                b, _, c = t.partition(":")
                cur.tests.append((b, c or None))
        elif s == "build: asan":
            cur.san = True
        elif s == "expect: build-fail":
            cur.expect_build_fail = True
        elif s.startswith("timeout:"):
            cur.timeout = int(s[8:])
        elif s.startswith("note:"):
            cur.note = s[5:].strip()
        elif s.startswith("file:"):
            cur.file = s[5:].strip()
        elif s == "find:":
            block, cur.find = "find", []
        else:
            errors.append("%s:%d: cannot read %r" % (path, n, s))
    if block is not None:
        errors.append("%s: record %s does not end" % (path, cur.id))
    ids = [m.id for m in muts]
    for m in muts:
        if ids.count(m.id) > 1:
            errors.append("%s:%d: duplicate id %s" % (path, m.line, m.id))
        if not m.tests or m.find is None:
            errors.append("%s:%d: %s needs tests: and find:/replace:/end" % (path, m.line, m.id))
        if m.file not in ("telepot.h", "tools/tpemu.c", PAGE) and not (
                m.file.startswith("examples/") and os.path.exists(os.path.join(ROOT, m.file))):
            errors.append("%s:%d: %s: file: telepot.h, tools/tpemu.c, %s or examples/*.c"
                          % (path, m.line, m.id, PAGE))
        for b, _ in m.tests:
            if b not in ("examples", "chat_page") and not os.path.exists(os.path.join(ROOT, "tests", b + ".c")):
                errors.append("%s:%d: %s: no tests/%s.c" % (path, m.line, m.id, b))
    return muts, errors


PAGE = "tools/tpemu_page.html"  # the chat page: tpemu embeds it (tools/gen_page.py)


def make_tree(d, header_text, base):
    """A scratch tree: the header, tests/ (sources, helpers, TLS scripts), tools/, examples/
    and the Makefile (tests/test_examples.sh builds examples with it)."""
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(os.path.join(d, "build", "tests"))
    with open(os.path.join(d, "telepot.h"), "w", encoding="utf-8") as f:
        f.write(header_text)
    shutil.copy2(os.path.join(ROOT, "Makefile"), os.path.join(d, "Makefile"))
    for sub in ("tests", "tools", "examples"):
        src = os.path.join(ROOT, sub)
        # copy2 keeps the times: tests/tls/make_certs.sh must not look newer than the PKI
        shutil.copytree(src, os.path.join(d, sub), copy_function=shutil.copy2,
                        ignore=shutil.ignore_patterns("fuzz", "__pycache__"))
    if base:
        for name in ("tpemu", "tls"):
            target = os.path.join(base, "build", name)
            if os.path.exists(target):
                os.symlink(target, os.path.join(d, "build", name))


def build_tpemu(d):
    """build/tpemu of the tree d, from its tools/tpemu.c; (ok, log)"""
    p = subprocess.run(["gcc", "-std=c99", "-O1", "-g", "tools/tpemu.c", "-o", "build/tpemu",
                        "-lpthread"], cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, errors="replace")
    return p.returncode == 0, p.stdout


def build(d, binary, san):
    if binary in ("examples", "chat_page"):  # scripts: tests/test_examples.sh builds what it runs
        return True, binary, ""
    out = os.path.join(d, "build", "tests", binary + ("-asan" if san else ""))
    if os.path.exists(out):
        return True, out, ""
    cmd = ["gcc"] + CFLAGS + (SAN if san else []) + [os.path.join("tests", binary + ".c"), "-o", out]
    cmd += LIBS.get(binary, ["-lpthread"])
    p = subprocess.run(cmd, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       errors="replace")
    return p.returncode == 0, out, p.stdout


def env():
    e = dict(os.environ)
    for k in ENV_DROP:
        e.pop(k, None)
    e["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0"
    e["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    return e


def run_case(d, exe, case, timeout):
    """(passed, detail). A case that outlives its timeout is killed with its process group."""
    cmd, e = [exe] + ([case] if case else []), env()
    if exe == "examples":
        cmd, e["TPT_EXAMPLES"] = ["bash", "tests/test_examples.sh"], case or ""
    elif exe == "chat_page":  # the page in headless chromium, with the base tree's examples
        cmd = ["python3", "tests/test_chat_page.py"]
    t0 = time.time()
    p = subprocess.Popen(cmd, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         errors="replace", env=e, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        return False, "timeout after %d s" % timeout
    fails = [l for l in out.splitlines() if l.startswith("FAIL")]
    if p.returncode == 0:
        return True, "%.1f s" % (time.time() - t0)
    return False, fails[0][:160] if fails else "exit %d" % p.returncode


def label(b, c):
    return "%s:%s" % (b, c) if c else b


def baseline(muts):
    """Builds the unmutated tree (and tpemu, the PKI) and runs every named case once."""
    base = os.path.join(SCRATCH, "base")
    with open(os.path.join(ROOT, "telepot.h"), encoding="utf-8") as f:
        make_tree(base, f.read(), None)
    ok, log = build_tpemu(base)
    if not ok:
        sys.exit("mutate: cannot build tpemu:\n" + log)
    if any(b == "chat_page" for m in muts for b, _ in m.tests):  # the bots the page talks to
        p = subprocess.run(["make", "-s", "build/examples/echo", "build/examples/inline",
                            "build/examples/diceyclock"], cwd=base, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, errors="replace")
        if p.returncode != 0:
            sys.exit("mutate: cannot build the examples:\n" + p.stdout)
    cases = []
    for m in muts:
        for b, c in m.tests:
            if (b, c, m.san) not in cases:
                cases.append((b, c, m.san))

    def one(bcs):
        b, c, san = bcs
        ok, exe, log = build(base, b, san)
        if not ok:
            return bcs, False, "build failed: " + log[:300]
        return (bcs,) + run_case(base, exe, c, TIMEOUT)

    # the binaries first, one each (two jobs building the same one would race)
    bins = []
    for b, c, san in cases:
        if (b, san) not in bins:
            bins.append((b, san))
    with ThreadPoolExecutor(JOBS) as ex:
        for (b, san), (ok, _, log) in zip(bins, ex.map(lambda bs: build(base, bs[0], bs[1]), bins)):
            if not ok:
                sys.exit("mutate: the unmutated tree does not build %s:\n%s" % (b, log[:2000]))
        bad = [(bcs, why) for bcs, ok, why in ex.map(one, cases) if not ok]
    for (b, c, san), why in bad:
        print("mutate: the unmutated tree fails %s%s: %s" % (label(b, c), " (asan)" if san else "", why))
    if bad:
        sys.exit(2)
    return base


def mutate_one(m, header, base):
    d = os.path.join(SCRATCH, "m", m.id)
    t0 = time.time()
    result, detail = "survived", ""
    if m.file == "telepot.h":
        make_tree(d, header.replace(m.find, m.replace, 1), base)
    else:  # the emulator (its own build/tpemu) or an example: its source mutated
        make_tree(d, header, base)
        src = os.path.join(d, m.file)
        with open(src, encoding="utf-8") as f:
            text = f.read()
        with open(src, "w", encoding="utf-8") as f:
            f.write(text.replace(m.find, m.replace, 1))
    if any(b == "chat_page" for b, _ in m.tests):  # the base tree's bots (built unmutated)
        os.makedirs(os.path.join(d, "build", "examples"), exist_ok=True)
        for name in ("echo", "inline", "diceyclock"):
            os.symlink(os.path.join(base, "build", "examples", name),
                       os.path.join(d, "build", "examples", name))
    if m.file == PAGE:  # embedded again, into the scratch tree's own tpemu
        subprocess.run(["python3", "tools/gen_page.py"], cwd=d, check=True)
    if m.file in ("tools/tpemu.c", PAGE):
        os.unlink(os.path.join(d, "build", "tpemu"))
        ok, log = build_tpemu(d)
        if not ok:
            first = next((l for l in log.splitlines() if "error" in l), log[:160])
            result = "killed (build)" if m.expect_build_fail else "build-failed"
            return m, result, first[:160], time.time() - t0
    for b, c in m.tests:
        ok, exe, log = build(d, b, m.san)
        if not ok:
            first = next((l for l in log.splitlines() if "error" in l), log[:160])
            result = "killed (build)" if m.expect_build_fail else "build-failed"
            detail = first[:160]
            break
        passed, why = run_case(d, exe, c, m.timeout)
        if not passed:
            result, detail = "killed", "%s: %s" % (label(b, c), why)
            break
    if result == "survived" and m.expect_build_fail:
        detail = "expected a build failure"
    if result.startswith("killed"):
        shutil.rmtree(d, ignore_errors=True)
    return m, result, detail, time.time() - t0


def main():
    global JOBS
    ap = argparse.ArgumentParser(description="mutation testing of telepot.h")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list", default=os.path.join(ROOT, "tests", "mutations.txt"))
    ap.add_argument("ids", nargs="*")
    a = ap.parse_args()
    JOBS = max(1, a.jobs)
    t0 = time.time()
    muts, errors = parse(a.list)
    for e in errors:
        print("mutate: " + e)
    if errors:
        sys.exit(2)
    if a.ids:
        unknown = [i for i in a.ids if i not in [m.id for m in muts]]
        if unknown:
            sys.exit("mutate: no mutation " + ", ".join(unknown))
        muts = [m for m in muts if m.id in a.ids]
    with open(os.path.join(ROOT, "telepot.h"), encoding="utf-8") as f:
        header = f.read()
    texts = {"telepot.h": header}
    for m in muts:
        if m.file not in texts:
            with open(os.path.join(ROOT, m.file), encoding="utf-8") as f:
                texts[m.file] = f.read()
    count = lambda m: texts[m.file].count(m.find)
    stale = [m for m in muts if count(m) != 1]
    live = [m for m in muts if m not in stale]
    for m in stale:
        print("mutate: STALE %s (line %d): its find text occurs %d times in %s" %
              (m.id, m.line, count(m), m.file))
    os.makedirs(SCRATCH, exist_ok=True)
    print("mutate: checking that the unmutated tree passes the named cases ...", flush=True)
    base = baseline(live)
    print("mutate: baseline ok in %.0f s; %d mutations, %d jobs" % (time.time() - t0, len(live), JOBS),
          flush=True)
    results = []
    with ThreadPoolExecutor(JOBS) as ex:
        for m, result, detail, secs in ex.map(lambda m: mutate_one(m, header, base), live):
            print("  %-36s %-14s %5.1f s  %s" % (m.id, result, secs, detail), flush=True)
            results.append((m, result, detail, secs))
    print()
    print("| mutation | area | tests | result | detail | s |")
    print("|---|---|---|---|---|---|")
    for m, result, detail, secs in results:
        print("| %s | %s | %s | %s | %s | %.0f |" % (
            m.id, m.area, " ".join(label(b, c) for b, c in m.tests), result,
            detail.replace("|", "\\|"), secs))
    for m in stale:
        print("| %s | %s | %s | stale | find text occurs %d times in %s | 0 |" % (
            m.id, m.area, " ".join(label(b, c) for b, c in m.tests), count(m), m.file))
    killed = sum(1 for r in results if r[1].startswith("killed"))
    survived = [r[0].id for r in results if r[1] == "survived"]
    bfail = [r[0].id for r in results if r[1] == "build-failed"]
    print()
    print("mutate: %d mutations: %d killed, %d survived%s, %d build-failed%s, %d stale, in %.0f s" % (
        len(muts), killed, len(survived), " (" + ", ".join(survived) + ")" if survived else "",
        len(bfail), " (" + ", ".join(bfail) + ")" if bfail else "", len(stale), time.time() - t0))
    sys.exit(1 if survived or bfail or stale else 0)


JOBS = 2
if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""tests/test_chat_page.py - tpemu's chat page (tools/tpemu_page.html) in a real browser.

Drives Debian's chromium, headless, through chromedriver, speaking the W3C WebDriver protocol
over HTTP with urllib only (no selenium). Starts build/tpemu with --web-port and the example
bots from build/examples, and checks what a user sees and does: a message to echo and its echo,
text entities (UTF-16 offsets around emoji) and escaping of a bot's <script>, inline's keyboard,
its callback answer and the edited message, a reply keyboard, an inline query and the result
picked, a photo and a document uploaded through the page that a bot (this test, with
getUpdates/getFile over the Bot API) downloads byte for byte, two tabs seeing the same messages,
and that no request leaves 127.0.0.1.

    python3 tests/test_chat_page.py [--screenshot docs/chat.png] [--keep-going]

Needs `make all` first. Prints "N passed, N failed" last; without chromium and chromedriver
(tools/deps.sh test installs them) it says so and exits 0 with "0 passed, 0 failed, 1 skipped".
"""
import base64
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
TOKEN = "123456:TEST"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
WAIT = 20.0  # generous: a loaded 2-core machine
# Nothing reaches past loopback: no proxy from the environment, and chromium resolves no name.
for _v in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
    os.environ.pop(_v, None)
NOPROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))

passed = failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   %s" % what)
    else:
        failed += 1
        print("FAIL %s%s" % (what, (": " + str(detail)) if detail != "" else ""))
    sys.stdout.flush()
    return bool(ok)


def http(method, url, body=None, headers=None, timeout=30.0):
    """One HTTP request to loopback; returns (status, bytes)."""
    data = body
    hdrs = dict(headers or {})
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
        hdrs.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, method=method, headers=hdrs)
    try:
        with NOPROXY.open(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for(fn, timeout=WAIT, step=0.1):
    """Polls fn until it returns something truthy; returns that, or the last falsy value."""
    end = time.time() + timeout
    v = None
    while True:
        try:
            v = fn()
        except (WebDriverError, OSError):
            v = None
        if v or time.time() > end:
            return v
        time.sleep(step)


class Procs:
    """Every process the test starts, each in its own process group, killed on every path."""

    def __init__(self):
        self.procs = []

    def start(self, name, argv, env=None, **kw):
        e = dict(os.environ)
        e.update(env or {})
        p = subprocess.Popen(argv, env=e, start_new_session=True, **kw)
        self.procs.append((name, p))
        return p

    def stop(self, p, sig=signal.SIGTERM):
        if p.poll() is None:
            try:
                os.killpg(p.pid, sig)
            except ProcessLookupError:
                pass
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait(5)
        else:  # the leader is gone; its group (chromium under chromedriver) may not be
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def stop_all(self):
        for _, p in reversed(self.procs):
            self.stop(p)


# ---- a minimal W3C WebDriver client

class WebDriverError(Exception):
    pass


class Session:
    def __init__(self, driver_url, caps):
        self.base = driver_url
        v = self.call("POST", "/session", {"capabilities": {"alwaysMatch": caps}}, prefix=False)
        self.id = v["sessionId"]

    def call(self, method, path, body=None, prefix=True):
        url = self.base + ("/session/" + self.id if prefix else "") + path
        st, data = http(method, url, body if body is not None else ({} if method == "POST" else None),
                        timeout=60.0)
        try:
            j = json.loads(data.decode() or "{}")
        except ValueError:
            raise WebDriverError("HTTP %d: %r" % (st, data[:200]))
        if st != 200:
            v = j.get("value", {})
            raise WebDriverError("%s %s: %s %s" % (method, path, v.get("error"), str(v.get("message", ""))[:300]))
        return j.get("value")

    def get(self, url):
        self.call("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        """The first element matching css (an element reference), or None."""
        v = self.call("POST", "/elements", {"using": "css selector", "value": css})
        return v[0] if v else None

    def wait_find(self, css, timeout=WAIT):
        return wait_for(lambda: self.find(css), timeout)

    def click(self, elem):
        self.call("POST", "/element/%s/click" % elem[ELEMENT])

    def type(self, elem, text):
        self.call("POST", "/element/%s/value" % elem[ELEMENT], {"text": text})

    def screenshot(self):
        return base64.b64decode(self.call("GET", "/screenshot"))

    def close(self):
        try:
            self.call("DELETE", "")
        except (WebDriverError, OSError):
            pass

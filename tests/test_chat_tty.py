#!/usr/bin/env python3
"""tests/test_chat_tty.py - tpemu's terminal chat (--chat) through a pseudo-terminal and a pipe.

Real processes only: build/tpemu --chat on a pty (python's pty module), build/examples/echo and
build/examples/inline as the bots, and this script as a third bot over raw HTTP for a reply
keyboard. Typed lines reach the bot as the current user and chat (the prompt says which),
replies print as "bot> ...", inline keyboards as numbered buttons pressed by their number (the
callback's answer prints), a reply keyboard's button sends its text, inline results are listed
and picked, a photo from disk is stored so the bot's getFile downloads it byte for byte, .quit
and end of input end it with status 0. The last line is "N passed, N failed".
Run from the repository root after `make all`."""
import json
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

TOKEN = "123456:TEST"
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL: %s" % what, file=sys.stderr)


class Chat:
    """build/tpemu --chat with its stdin/stdout on a pty (or pipes)."""

    def __init__(self, use_pty=True):
        self.dir = tempfile.mkdtemp(prefix="tpt-tty.")
        pf = os.path.join(self.dir, "port")
        args = ["build/tpemu", "--chat", "--port-file", pf, "--quiet", "--max-secs", "60"]
        self.out = b""
        if use_pty:
            self.master, slave = pty.openpty()
            self.p = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=subprocess.PIPE,
                                      close_fds=True)
            os.close(slave)
            self.rfd = self.wfd = self.master
        else:
            self.p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE)
            self.rfd, self.wfd = self.p.stdout.fileno(), self.p.stdin.fileno()
        deadline = time.time() + 10
        self.port = 0
        while time.time() < deadline and not self.port:
            time.sleep(0.02)
            try:
                with open(pf) as f:
                    self.port = int(f.read().strip() or 0)
            except OSError:
                pass
        self.url = "http://127.0.0.1:%d" % self.port

    def type(self, line):
        os.write(self.wfd, line.encode() + b"\n")

    def expect(self, text, timeout=10.0):
        """waits until `text` shows in the output after what earlier expects consumed"""
        want = text.encode()
        deadline = time.time() + timeout
        while want not in self.out:
            left = deadline - time.time()
            if left <= 0:
                return False
            r, _, _ = select.select([self.rfd], [], [], left)
            if not r:
                return False
            try:
                chunk = os.read(self.rfd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            self.out += chunk
        self.out = self.out[self.out.index(want) + len(want):]
        return True

    def wait(self, timeout=10):
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return None

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            self.wait()


def start_bot(name, url):
    env = dict(os.environ, TELEPOT_API_URL=url)
    return subprocess.Popen(["build/examples/" + name, TOKEN], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def api(url, method, params):
    req = urllib.request.Request("%s/bot%s/%s" % (url, TOKEN, method), json.dumps(params).encode(),
                                 {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.loads(r.read())
    except urllib.error.HTTPError as e:
        return json.loads(e.read())


def test_echo_pty():
    c = Chat()
    check(c.port > 0, "tpemu --chat started")
    check(c.expect("alice@Alice> "), "the prompt names the user and the chat")
    bot = start_bot("echo", c.url)
    c.type("hello there")
    check(c.expect("bot> hello there"), "the echo of a typed line")
    c.type(".chat group")
    check(c.expect("alice@Friends> "), ".chat group: the prompt follows")
    c.type(".user bob")
    check(c.expect("bob@Friends> "), ".user bob in the group")
    c.type("hi all")
    check(c.expect("bot> hi all"), "the echo in the group")
    c.type(".chat carol")
    check(c.expect("carol@Carol> "), ".chat carol is carol's own chat")
    c.type(".nonsense")
    check(c.expect("error: unknown command .nonsense"), "an unknown command is an error")
    c.type(".help")
    check(c.expect(".inline QUERY"), ".help lists the commands")
    c.type("/start")
    check(c.expect("bot> /start"), "a command reaches the bot")
    c.type(".quit")
    check(c.wait() == 0, ".quit exits 0")
    bot.terminate()
    bot.wait()


def test_inline_pty():
    c = Chat()
    bot = start_bot("inline", c.url)
    c.type("hi")
    check(c.expect("bot> Pick a colour"), "the inline example's message")
    check(c.expect("[1 Red] [2 Green]") and c.expect("[3 Blue]"), "its keyboard as numbered buttons, a row a line")
    c.type("2")
    check(c.expect("bot (answer)> You chose green"), "button 2 pressed: the callback's answer")
    c.type(".press 3")
    check(c.expect("bot (answer)> You chose blue"), ".press 3")
    c.type("9")
    check(c.expect("error: no button 9"), "a button that is not there")
    c.type(".inline abc")
    check(c.expect('inline results for "abc"') and c.expect("1. ABC") and c.expect("2. cba"),
          "inline results listed")
    c.type(".pick 2")
    check(c.expect("alice (via bot)> cba"), ".pick posts the result via the bot")
    check(c.expect("bot> Pick a colour"), "the bot got that message too")
    os.write(c.wfd, b"\x04")  # end of input on a terminal
    check(c.wait() == 0, "end of input exits 0")
    bot.terminate()
    bot.wait()


def test_reply_keyboard_and_photo_pty():
    c = Chat()
    r = api(c.url, "sendMessage", {"chat_id": 1001, "text": "Tea?", "reply_markup": {
        "keyboard": [["Yes", "No"], [{"text": "Where am I", "request_location": True}]]}})
    check(r.get("ok"), "a bot's message with a reply keyboard")
    check(c.expect("bot> Tea?") and c.expect("[1 Yes] [2 No]") and c.expect("[3 Where am I]"),
          "a reply keyboard drawn")
    c.type("2")
    upd = api(c.url, "getUpdates", {"timeout": 5})
    check(upd["result"] and upd["result"][-1]["message"]["text"] == "No",
          "button 2 of a reply keyboard sends its text")
    off = upd["result"][-1]["update_id"] + 1 if upd["result"] else 0
    c.type("3")
    upd = api(c.url, "getUpdates", {"offset": off, "timeout": 5})
    loc = upd["result"][-1]["message"].get("location") if upd["result"] else None
    check(loc is not None and -90 <= loc["latitude"] <= 90, "a request_location button sends a location")
    off = upd["result"][-1]["update_id"] + 1 if upd["result"] else off
    # a photo from disk: the bot downloads it byte for byte
    png = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x90\x00\x00\x00\xc8")
    png += bytes(range(256)) * 40
    path = os.path.join(c.dir, "pic.png")
    with open(path, "wb") as f:
        f.write(png)
    c.type(".photo " + path)
    check(c.expect("(sent photo, file_id "), ".photo sends it")
    upd = api(c.url, "getUpdates", {"offset": off, "timeout": 5})
    photo = upd["result"][-1]["message"].get("photo") if upd["result"] else None
    check(photo is not None and len(photo) == 3 and photo[-1]["width"] == 400 and photo[-1]["height"] == 200,
          "a 400x200 photo in 3 sizes (90, 320, 400)")
    if photo:
        fp = api(c.url, "getFile", {"file_id": photo[-1]["file_id"]})["result"]["file_path"]
        with urllib.request.urlopen("%s/file/bot%s/%s" % (c.url, TOKEN, fp), timeout=20) as r:
            check(r.read() == bytes(png), "getFile + download: the same bytes")
    c.type(".photo /nonexistent/x.png")
    check(c.expect("error: /nonexistent/x.png"), "a missing file is an error")
    # the bot edits, deletes, types: all shown
    r = api(c.url, "sendMessage", {"chat_id": 1001, "text": "v1"})
    mid = r["result"]["message_id"]
    api(c.url, "editMessageText", {"chat_id": 1001, "message_id": mid, "text": "v2"})
    check(c.expect("bot (edited #%d)> v2" % mid), "an edit shown")
    api(c.url, "sendChatAction", {"chat_id": 1001, "action": "typing"})
    check(c.expect("bot is typing..."), "a chat action shown")
    api(c.url, "deleteMessage", {"chat_id": 1001, "message_id": mid})
    check(c.expect("bot deleted message #%d" % mid), "a deletion shown")
    api(c.url, "sendMessage", {"chat_id": -1000, "text": "to the group"})
    check(c.expect("[Friends] bot> to the group"), "another chat's message is prefixed")
    c.type(".quit")
    check(c.wait() == 0, ".quit exits 0")


def test_pipe():
    c = Chat(use_pty=False)
    bot = start_bot("echo", c.url)
    c.type("through a pipe")
    check(c.expect("bot> through a pipe"), "the echo through a pipe")
    check(b"alice@Alice>" not in c.out, "no prompt on a pipe")
    c.p.stdin.close()
    t0 = time.time()
    check(c.wait() == 0, "end of input on a pipe exits 0")
    check(time.time() - t0 < 5, "and soon")
    bot.terminate()
    bot.wait()


def main():
    for t in (test_echo_pty, test_inline_pty, test_reply_keyboard_and_photo_pty, test_pipe):
        if len(sys.argv) < 2 or sys.argv[1] == t.__name__:
            t()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

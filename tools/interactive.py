#!/usr/bin/env python3
"""Drive `make run`'s interactive busybox shell through the serial console,
expect-style, and check job control the way a person at the keyboard sees
it.  QEMU's serial line is its stdio; this script writes keystrokes to
QEMU's stdin and reads the echo and output from its stdout, so the bytes go
through the guest's tty line discipline exactly as typed ones do (Ctrl-C
is 0x03, Ctrl-Z 0x1a; QEMU's own escape is Ctrl-A, which is never sent).

Checks, in order: the prompt appears (and how long it took from QEMU's
start, the `make run` figure); `echo hi | cat` prints hi; Ctrl-C ends a
foreground `sleep 100` and the prompt is back quickly with status 130;
Ctrl-Z stops `sleep 100` (jobs says Stopped), `bg` resumes it in the
background (jobs says Running), `fg` brings it back and Ctrl-C ends it;
`ps`, `top -b -n 1` and `pstree` run; `exit` powers the machine off.
Prints one `ok`/`FAIL` line per check and "interactive-NAME: N passed,
N failed"; exits 1 on any failure.

    interactive.py --kernel build/tine.elf --initrd build/run.cpio
                   [--name tine] [--log FILE] [--timeout S]
                   [--max-prompt S]

--max-prompt makes a prompt later than S seconds after QEMU's start a
failure (README promises a shell in under 2 s on Tine).

`--kernel linux` drives the same image on the Linux oracle.
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

PROMPT = re.compile(rb"[#$] $")       # busybox ash's PS1 ends in "# "
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Console:
    """QEMU with its serial line on a pipe; everything read is logged."""

    def __init__(self, kernel, initrd, log):
        self.start = time.monotonic()
        self.p = subprocess.Popen(qemu.command(kernel, initrd),
                                  stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        os.set_blocking(self.p.stdout.fileno(), False)
        self.buf = b""
        self.log = open(log, "wb") if log else None

    def pump(self):
        chunk = self.p.stdout.read()
        if chunk:
            self.buf += chunk
            if self.log:
                self.log.write(chunk)
                self.log.flush()
        return chunk

    def expect(self, pattern, timeout):
        """Wait for pattern in the output since the last match; return the
        text before it (escape sequences removed), or None on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            text = ESCAPE.sub(b"", self.buf)
            m = re.search(pattern, text)
            if m:
                self.buf = text[m.end():]
                return text[:m.start()]
            if time.monotonic() > deadline or self.p.poll() is not None:
                if self.pump():
                    continue
                return None
            if not self.pump():
                time.sleep(0.02)

    def send(self, data):
        self.buf = b""
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def command(self, line, timeout=10):
        """Type a line and wait for the next prompt; the output, or None."""
        self.send(line.encode() + b"\r")
        return self.expect(PROMPT, timeout)

    def close(self, timeout=10):
        try:
            self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
        if self.log:
            self.log.close()
        return self.p.returncode


class Checks:
    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def check(self, what, ok, detail=b""):
        if ok:
            self.passed += 1
            print(f"ok {what}")
        else:
            self.failed += 1
            shown = detail.decode(errors="replace") if detail else "(nothing)"
            print(f"FAIL {what}: got {shown[-300:]!r}")
        sys.stdout.flush()
        return ok


def has(out, needle):
    return out is not None and re.search(needle, out) is not None


def session(con, c, timeout, max_prompt):
    out = con.expect(PROMPT, timeout)
    elapsed = time.monotonic() - con.start
    if not c.check("prompt appears", out is not None, con.buf):
        return
    print(f"    prompt after {elapsed:.2f} s from QEMU's start")
    if max_prompt:
        c.check(f"prompt within {max_prompt:g} s", elapsed < max_prompt)

    out = con.command("echo hi | cat")
    c.check("echo hi | cat prints hi", has(out, rb"\r?\nhi\r?\n"), out)

    # Ctrl-C: the tty sends SIGINT to the foreground process group.
    con.send(b"sleep 100\r")
    con.expect(rb"sleep 100\r?\n", 5)
    time.sleep(1)
    t0 = time.monotonic()
    con.send(b"\x03")
    out = con.expect(PROMPT, 5)
    took = time.monotonic() - t0
    c.check("Ctrl-C ends sleep 100, prompt back", out is not None, con.buf)
    print(f"    prompt back {took:.2f} s after Ctrl-C")
    out = con.command("echo status=$?")
    c.check("its status is 130 (SIGINT)", has(out, rb"status=130"), out)

    # Ctrl-Z: SIGTSTP stops the job; the shell takes the terminal back.
    con.send(b"sleep 100\r")
    con.expect(rb"sleep 100\r?\n", 5)
    time.sleep(1)
    con.send(b"\x1a")
    out = con.expect(PROMPT, 5)
    c.check("Ctrl-Z stops sleep 100", has(out, rb"Stopped"), out)
    out = con.command("jobs")
    c.check("jobs lists it Stopped", has(out, rb"Stopped\s+sleep 100"), out)
    out = con.command("ps -o pid,stat,comm")
    c.check("ps shows it in state T", has(out, rb"\d+ T\s+sleep"), out)
    out = con.command("bg")
    c.check("bg resumes it", has(out, rb"sleep 100"), out)
    out = con.command("jobs")
    c.check("jobs lists it Running", has(out, rb"Running\s+sleep 100"), out)
    con.send(b"fg\r")
    out = con.expect(rb"sleep 100\r?\n", 5)
    c.check("fg brings it to the foreground", out is not None, con.buf)
    time.sleep(1)
    con.send(b"\x03")
    out = con.expect(PROMPT, 5)
    c.check("Ctrl-C ends it", out is not None, con.buf)
    out = con.command("jobs; echo jobs-done")
    c.check("no jobs left", has(out, rb"jobs-done") and
            not has(out, rb"sleep"), out)

    # The tools a person is told to try.
    out = con.command("ps")
    c.check("ps", has(out, rb"PID\s+USER") and has(out, rb"\bps\b"), out)
    out = con.command("top -b -n 1 | head -5")
    c.check("top -b -n 1", has(out, rb"Load average") and
            has(out, rb"PID\s+PPID"), out)
    out = con.command("pstree")
    c.check("pstree", has(out, rb"init\(1,S\)") and
            has(out, rb"pstree\(\d+,R\)"), out)

    con.send(b"exit\r")
    c.check("exit powers off", con.close(timeout) == 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--name", default="tine")
    ap.add_argument("--log")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--max-prompt", type=float, default=0)
    a = ap.parse_args()
    con = Console(a.kernel, a.initrd, a.log)
    c = Checks(a.name)
    try:
        session(con, c, a.timeout, a.max_prompt)
    finally:
        if con.p.poll() is None:
            con.p.kill()
            con.close()
    print(f"interactive-{a.name}: {c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 and c.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

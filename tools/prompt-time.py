#!/usr/bin/env python3
"""Time what README promises: from typing `make run` to busybox's prompt.
Starts `make run` N times (default 3) with its terminal on a pipe, waits
for the shell's "/ # " prompt, prints the wall time of each run, and types
`exit` to power the guest off. The kernel should already be built (the
first `make run` after a clone compiles it).

    prompt-time.py [-n N] [--timeout S]
"""
import argparse
import os
import re
import subprocess
import sys
import time

PROMPT = re.compile(rb"/ # $")
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def one(timeout):
    """Seconds from starting `make run` to the prompt, or None."""
    t0 = time.monotonic()
    p = subprocess.Popen(["make", "-s", "run"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    os.set_blocking(p.stdout.fileno(), False)
    buf, took = b"", None
    while time.monotonic() - t0 < timeout and p.poll() is None:
        chunk = p.stdout.read()
        if chunk:
            buf += chunk
            if PROMPT.search(ESCAPE.sub(b"", buf)):
                took = time.monotonic() - t0
                break
        else:
            time.sleep(0.005)
    try:
        p.stdin.write(b"exit\r")
        p.stdin.flush()
        p.wait(20)
    except (BrokenPipeError, subprocess.TimeoutExpired):
        p.kill()
        p.wait()
    return took


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=30)
    a = ap.parse_args()
    ok = True
    for _ in range(a.n):
        t = one(a.timeout)
        if t is None:
            print("make run: no prompt")
            ok = False
        else:
            print(f"make run: prompt after {t:.2f} s")
    print("load average: " + " ".join(open("/proc/loadavg").read().split()[:3]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

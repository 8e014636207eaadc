#!/usr/bin/env python3
"""Boot a kernel with the fuzzer initramfs and judge the run (make fuzz).

The fuzzer (tests/fuzz/fuzz.c) is /init; its parameters travel on the
kernel command line.  The run fails if the kernel panics, if the guest
prints nothing for --watchdog seconds (a hang), if the fuzzer reports a
broken invariant, or if it never prints `fuzz: PASSED`.  On failure the
seed and the round in flight are printed so the run can be replayed:
    make fuzz SEED=S ONLY=I APPEND=trace=syscall
replays worker I alone with every system call logged by Tine.
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import qemu  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--only", default="")
    ap.add_argument("--append", default="")
    ap.add_argument("--watchdog", type=int, default=60,
                    help="seconds without output that count as a hang")
    ap.add_argument("--log", default="build/fuzz.log")
    ap.add_argument("--smp", type=int, default=1, help="CPUs QEMU gives")
    a = ap.parse_args()

    append = "fuzz_seconds=%d fuzz_seed=%d fuzz_workers=%d %s" % (
        a.seconds, a.seed, a.workers, a.append)
    if a.only != "":
        append += " fuzz_only=%s" % a.only
    cmd = qemu.command(a.kernel, a.initrd, append.strip(), smp=a.smp)
    log = open(a.log, "wb")
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    os.set_blocking(p.stdout.fileno(), False)
    out = b""
    last = time.monotonic()
    deadline = last + a.seconds + 120
    verdict = None
    while True:
        chunk = p.stdout.read()
        if chunk:
            out += chunk
            log.write(chunk)
            log.flush()
            sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
            last = time.monotonic()
        elif chunk == b"":
            p.wait()
            break
        nowt = time.monotonic()
        if nowt - last > a.watchdog or nowt > deadline:
            p.kill()
            p.wait()
            verdict = "hang: no output for %ds" % int(nowt - last) \
                if nowt - last > a.watchdog else "hang: run exceeded its time"
            break
        time.sleep(0.05)
    log.close()
    text = out.decode("utf-8", "replace")
    if "Kernel panic" in text:
        verdict = "kernel panic"
    elif verdict is None and "fuzz: FAIL" in text:
        verdict = "invariant broken"
    elif verdict is None and "fuzz: PASSED" not in text:
        verdict = "no verdict from the fuzzer (QEMU status %s)" % p.returncode
    rounds = re.findall(r"fuzz: round (\d+) workers (\d+)\.\.(\d+)", text)
    summ = re.findall(r"fuzz: .* syscalls issued .*", text)
    if summ:
        print("fuzz summary: " + summ[-1][len("fuzz: "):])
    if verdict:
        print("fuzz: FAILED (%s), seed %d" % (verdict, a.seed))
        if rounds:
            r, lo, hi = rounds[-1]
            print("fuzz: round %s was running workers %s..%s; replay one with"
                  " `make fuzz SEED=%d ONLY=<i> APPEND=trace=syscall`" % (r, lo, hi, a.seed))
        return 1
    print("fuzz: PASSED (seed %d)" % a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

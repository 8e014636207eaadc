#!/usr/bin/env python3
"""Boot a kernel with a test initramfs and decide pass or fail; used by
`make test-linux` and `make test-tine`. Prints the runner's `ok NAME` /
`FAIL NAME (...)` lines and its `N passed, N failed` summary prefixed with the
stage name, and exits 0 only if QEMU exited 0, the summary says 0 failed and
the number passed equals --expect, so a crash, a hang or a missing test fails.
On failure it prints the last 30 lines of the serial log.

--mode boot (for a kernel that cannot fork yet) boots once per test named in
--list with `rdinit=/tests/NAME` and reads the verdict from the panic line
`Attempted to kill init! exitcode=0x...` (0 is a pass). With an empty list
it boots the runner once instead, so the kernel is still booted and checked.

    run-tests.py --kernel PATH|linux --initrd CPIO --expect N --name STAGE
                 [--mode runner|boot --list FILE] [--timeout S] [--log FILE]
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

RUNNER_LINE = re.compile(rb"^(ok \S+|FAIL \S+ \(.*\)|\d+ passed, \d+ failed)$")
SUMMARY = re.compile(rb"^(\d+) passed, (\d+) failed$", re.M)
ESCAPE = re.compile(rb"\x1b(\[[0-9;?]*[A-Za-z]|.)")  # BIOS screen resets
PANIC = re.compile(rb"Attempted to kill init! exitcode=0x([0-9a-fA-F]+)")


class Prefixer:
    """File-like sink: echoes only runner lines, prefixed with the stage."""

    def __init__(self, name):
        self.name, self.buf = name, b""

    def write(self, data):
        self.buf += data
        *lines, self.buf = self.buf.split(b"\n")
        for line in lines:
            line = ESCAPE.sub(b"", line).rstrip(b"\r")
            if RUNNER_LINE.match(line):
                print(f"{self.name}: {line.decode(errors='replace')}",
                      flush=True)

    def flush(self):
        pass


def tail(log, n=30):
    with open(log, "rb") as f:
        lines = f.read().decode(errors="replace").splitlines()
    print(f"--- last {n} lines of {log} ---")
    print("\n".join(lines[-n:]))
    print("---")


def runner_mode(a):
    status = qemu.run(a.kernel, a.initrd, a.append, a.log, a.timeout,
                      smp=a.smp, out=Prefixer(a.name))
    with open(a.log, "rb") as f:
        text = ESCAPE.sub(b"", f.read().replace(b"\r", b""))
    m = SUMMARY.findall(text)
    passed, failed = (int(x) for x in m[-1]) if m else (0, -1)
    why = []
    if status != 0:
        why.append(f"QEMU exited {status}" +
                   (" (timeout)" if status == 124 else ""))
    if not m:
        why.append("no summary line")
    elif failed != 0:
        why.append(f"{failed} failed")
    if m and passed != a.expect:
        why.append(f"{passed} passed but {a.expect} tests expected")
    return why


def verdict(code):
    """Runner-style reason for a wait status taken from the panic line."""
    if code & 0x7f:
        return f"signal {code & 0x7f}"
    return f"exit {(code >> 8) & 0xff}"


def read_list(path):
    with open(path) as f:
        return [n.strip() for n in f if n.strip() and n[0] != "#"]


def boot_mode(a):
    names = read_list(a.list)
    logdir = os.path.splitext(a.log)[0]
    os.makedirs(logdir, exist_ok=True)
    passed = failed = 0
    for name in names:
        log = os.path.join(logdir, name + ".log")
        status = qemu.run(a.kernel, a.initrd,
                          f"{a.append} rdinit=/tests/{name}".strip(),
                          log, a.timeout, smp=a.smp, out=None)
        with open(log, "rb") as f:
            m = PANIC.search(f.read())
        if m and int(m.group(1), 16) == 0:
            passed += 1
            print(f"{a.name}: ok {name}", flush=True)
            continue
        failed += 1
        if m:
            why = verdict(int(m.group(1), 16))
        elif status == 124:
            why = "timeout"
        else:
            why = f"no panic line, QEMU exited {status}"
        print(f"{a.name}: FAIL {name} ({why})", flush=True)
        tail(log)
    print(f"{a.name}: {passed} passed, {failed} failed", flush=True)
    why = [f"{failed} failed"] if failed else []
    if passed != a.expect:
        why.append(f"{passed} passed but {a.expect} tests expected")
    return why


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--expect", type=int, required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--mode", choices=["runner", "boot"], default="runner")
    ap.add_argument("--list", help="tests/list file, for --mode boot")
    ap.add_argument("--append", default="", help="extra kernel command line")
    ap.add_argument("--smp", type=int, default=1, help="CPUs QEMU gives")
    ap.add_argument("--timeout", type=float, default=120,
                    help="seconds per QEMU run")
    ap.add_argument("--log", help="serial log (default build/test-NAME.log)")
    a = ap.parse_args()
    a.log = a.log or f"build/test-{a.name}.log"
    if a.mode == "boot" and not a.list:
        ap.error("--mode boot needs --list")
    if a.mode == "boot" and not read_list(a.list):
        a.mode = "runner"   # nothing to boot per test: smoke-test the runner
    why = boot_mode(a) if a.mode == "boot" else runner_mode(a)
    if why:
        if a.mode == "runner":
            tail(a.log)
        print(f"{a.name}: FAILED: {'; '.join(why)}")
        sys.exit(1)
    print(f"{a.name}: PASSED")


if __name__ == "__main__":
    main()

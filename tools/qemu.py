#!/usr/bin/env python3
"""Boot a kernel image with an initramfs under QEMU using exactly the project's
boot contract (the same command line works for Tine and for Debian's Linux,
the oracle). Serial output is shown on stdout and saved to a log file; stdin
is /dev/null unless --interactive. After --timeout seconds of wall time QEMU
is killed and the status is 124; otherwise the status is QEMU's own (0 after a
power-off, 3 after the runner writes 1 to the isa-debug-exit port).

    qemu.py --kernel build/tine.elf --initrd build/run.cpio [--append WORDS]
            [--log FILE] [--timeout S] [--icount] [--smp N]
            [--cpu MODEL] [--interactive] [--gdb]

--cpu picks QEMU's CPU model (`max` has SMEP and SMAP under TCG); the
environment variable QEMU_CPU does the same for every caller.

`--kernel linux` boots the oracle, the newest /boot/vmlinuz-*-amd64. Can also
be imported: run(...) returns the status; `out` receives the serial bytes.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import time


def linux_kernel():
    """Newest Debian kernel in /boot, by version number."""
    ks = glob.glob("/boot/vmlinuz-*-amd64")
    if not ks:
        sys.exit("qemu.py: no /boot/vmlinuz-*-amd64 (run tools/deps.sh)")
    key = lambda k: [int(x) for x in re.findall(r"\d+", k)]
    return max(ks, key=key)


def resolve(kernel):
    return linux_kernel() if kernel == "linux" else kernel


def command(kernel, initrd, append="", icount=False, smp=1, gdb=False, cpu=None,
            quiet=True):
    cpu = cpu or os.environ.get("QEMU_CPU")
    base = "console=ttyS0 quiet panic=-1 " if quiet else "console=ttyS0 panic=-1 "
    cmd = ["qemu-system-x86_64", "-kernel", resolve(kernel), "-initrd", initrd,
           "-append", (base + append).strip(),
           "-nographic", "-no-reboot", "-m", "256M",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    if icount:
        cmd += ["-icount", "shift=0"]
    if smp > 1:
        cmd += ["-smp", str(smp)]
    if cpu:
        cmd += ["-cpu", cpu]
    if gdb:
        cmd += ["-s", "-S"]
    return cmd


def capture(kernel, initrd, append="", timeout=60):
    """Boot once, no terminal, without `quiet` (every kernel message shows);
    return (QEMU's status or None on timeout, the serial output as text)."""
    try:
        r = subprocess.run(command(kernel, initrd, append, quiet=False),
                           stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    return r.returncode, r.stdout.decode(errors="replace")


def run(kernel, initrd, append="", log=None, timeout=60, icount=False,
        smp=1, interactive=False, gdb=False, out=sys.stdout.buffer, cpu=None):
    """Boot once; return QEMU's status, or 124 on timeout."""
    cmd = command(kernel, initrd, append, icount, smp, gdb, cpu)
    if interactive or gdb:
        # The terminal is the serial console; no log, no timeout.
        return subprocess.call(cmd)
    logf = open(log, "wb") if log else None
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    os.set_blocking(p.stdout.fileno(), False)
    deadline = time.monotonic() + timeout
    status = None
    while True:
        chunk = p.stdout.read()
        if chunk:
            if out:
                out.write(chunk)
                out.flush()
            if logf:
                logf.write(chunk)
        elif chunk == b"":          # EOF: QEMU has exited
            status = p.wait()
            break
        if time.monotonic() > deadline:
            p.kill()
            p.wait()
            msg = b"\n[qemu.py: timeout after %ds, QEMU killed]\n" % timeout
            if out:
                out.write(msg)
                out.flush()
            if logf:
                logf.write(msg)
            status = 124
            break
        time.sleep(0.02)
    if logf:
        logf.close()
    return status


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", required=True,
                    help="kernel image, or `linux` for the oracle")
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--append", default="", help="extra kernel command line")
    ap.add_argument("--log", help="save serial output here")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--icount", action="store_true", help="-icount shift=0")
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--cpu", help="QEMU CPU model, e.g. max")
    ap.add_argument("--interactive", action="store_true")
    ap.add_argument("--gdb", action="store_true", help="-s -S: wait for gdb")
    a = ap.parse_args()
    sys.exit(run(a.kernel, a.initrd, a.append, a.log, a.timeout, a.icount,
                 a.smp, a.interactive, a.gdb, cpu=a.cpu))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The debug kernel's self-checks, each seen to fire: boots the DEBUG=1
kernel (build-debug/tine.elf) once per case with tests/boot/provoke_crash_init.c
as /init and `crash=CASE` on the command line; the init writes CASE to
/proc/sys/debug/provoke-crash, the kernel commits that bug on purpose
(kernel/lib/crashtest.c), and the check must panic with its own message.
Prints `debug-checks: N passed, N failed` and exits non-zero on a failure.

    tools/debug-checks.py [--kernel build-debug/tine.elf] [CASE...]"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")

# case -> what the serial log must show (the check's own words)
CASES = {
    "PAGE_DOUBLE_FREE": "refcount underflow (freed twice?)",
    "PAGE_GET_FREE": "get_page on free page",
    "PAGE_FREE_MAPPED": "freed while 1 page-table entries still map it",
    "PAGE_WRITE_AFTER_FREE": "written after free: offset 0x60 holds 0xaaaaaa01aaaaaaaa",
    "SLAB_WRITE_AFTER_FREE": "slab kmalloc-64: object",
    "LIST_ADD_CORRUPT": "list_add corruption: prev",
    "LIST_DEL_CORRUPT": "list_del corruption: entry",
    "LIST_ADD_TWICE": "added twice",
    "STACK_OVERFLOW": "kernel stack overflow: init[1] ran into the guard page",
    "LOCK_ORDER_INVERSION": "lockdep: lock order inversion: taking crashtest_a while holding crashtest_b",
    "SLEEP_WITH_SPINLOCK": "lockdep: schedule() while holding crashtest_held",
}


def make_image(tmp):
    root = os.path.join(tmp, "root")
    os.makedirs(root)
    subprocess.run(["musl-gcc", "-static", "-O1", "-Wall", "-Werror", "-o",
                    os.path.join(root, "init"),
                    os.path.join(ROOT, "tests", "boot", "provoke_crash_init.c")], check=True)
    out = os.path.join(tmp, "provoke.cpio")
    subprocess.run([sys.executable, os.path.join(HERE, "mkcpio.py"), "-o", out, root,
                    "--dir", "dev:755", "--node", "dev/console:c:5:1:600"], check=True)
    return out


def boot(kernel, image, case):
    return qemu.capture(kernel, image, "crash=" + case, timeout=60)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build-debug", "tine.elf"))
    ap.add_argument("cases", nargs="*", default=list(CASES))
    a = ap.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        image = make_image(tmp)
        for case in a.cases:
            rc, log = boot(a.kernel, image, case)
            want = CASES[case]
            if rc == 0 and want in log and "did not fire" not in log:
                line = next(l for l in log.splitlines() if want in l)
                print("debug-checks: ok %s: %s" % (case, line.strip()))
                passed += 1
            else:
                print("debug-checks: FAIL %s (exit %s, wanted %r)" % (case, rc, want))
                print("\n".join(log.splitlines()[-15:]))
                failed += 1
    print("debug-checks: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

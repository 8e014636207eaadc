#!/usr/bin/env python3
"""Boot-path checks on Tine: each case boots build/tine.elf with a broken
initramfs and requires a clear message (and a clean QEMU exit: panic=-1
resets, -no-reboot exits) instead of a triple fault or a hang.

  garbage   the initrd is random bytes          -> cpio error, no init found
  notelf    /init is a text file                -> ENOEXEC (-8) for /init
  noinit    there is no /init                   -> ENOENT (-2) for /init
  nullinit  /init dereferences NULL             -> segfault line with the
                                                   address, init-exit panic
Prints `boot: N passed, N failed` and exits non-zero on any failure."""
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
KERNEL = os.path.join(HERE, "..", "build", "tine.elf")

CASES = {
    "garbage": ["cpio: bad magic", "No working init found"],
    "notelf": ["Failed to execute /init (error -8)", "No working init found"],
    "noinit": ["Failed to execute /init (error -2)", "No working init found"],
    "nullinit": ["segfault at 0 ", "Attempted to kill init! exitcode=0x0000000b"],
}


def make_image(case, tmp):
    root = os.path.join(tmp, case)
    os.makedirs(root)
    out = os.path.join(tmp, case + ".cpio")
    if case == "garbage":
        with open(out, "wb") as f:
            f.write(random.Random(1).randbytes(4096))
        return out
    if case == "notelf":
        with open(os.path.join(root, "init"), "w") as f:
            f.write("this is not a program\n")
        os.chmod(os.path.join(root, "init"), 0o755)
    if case == "nullinit":
        subprocess.run(["musl-gcc", "-static", "-O1", "-o", os.path.join(root, "init"),
                        os.path.join(HERE, "..", "tests", "boot", "null_deref_init.c")],
                       check=True)
    subprocess.run([sys.executable, os.path.join(HERE, "mkcpio.py"), "-o", out, root,
                    "--dir", "dev:755", "--node", "dev/console:c:5:1:600"], check=True)
    return out


def boot(image):
    return qemu.capture(KERNEL, image, timeout=30)


def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case, wanted in CASES.items():
            rc, log = boot(make_image(case, tmp))
            missing = [w for w in wanted if rc is None or w not in log]
            if rc == 0 and not missing:
                print("boot: ok %s" % case)
                passed += 1
            else:
                print("boot: FAIL %s (exit %s, missing %s)" % (case, rc, missing))
                print("\n".join(log.splitlines()[-10:]) if rc is not None else "")
                failed += 1
    print("boot: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

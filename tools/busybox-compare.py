#!/usr/bin/env python3
"""Compare the busybox scenarios' outputs from two serial logs (Linux, the
oracle, and Tine), as printed by tests/busybox/runner.sh between
"=== NAME" and "=== end NAME rc=N". Before comparing, both are masked:
hex addresses of 8+ digits, clock times, "Mon DD" dates, and every integer
of 2 or more digits (PIDs, sizes that depend on the kernel) become
placeholders. Prints one line per scenario (ok / FAIL / MISSING, with a
diff for failures) and "busybox: N passed, N failed"; exits 1 on any
failure or if Linux itself ran no scenarios.

    busybox-compare.py LINUX.log TINE.log [--only NAME...]
"""
import difflib
import re
import sys

ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|.)")
START = re.compile(r"^=== (\S+)$")
END = re.compile(r"^=== end (\S+) rc=(\d+)$")
MASKS = [
    (re.compile(r"\b[0-9a-f]{8,}\b"), "ADDR"),
    (re.compile(r"\b\d\d:\d\d(:\d\d(\.\d+)?)?\b"), "TIME"),
    (re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d+\b"),
     "DATE"),
    (re.compile(r"\b\d{2,}\b"), "N"),
]


def sections(path):
    """{name: (lines, rc)} for every finished scenario in the log."""
    with open(path, "rb") as f:
        text = f.read().decode(errors="replace")
    out, name, lines = {}, None, []
    for raw in text.split("\n"):
        line = ESCAPE.sub("", raw).rstrip("\r")
        m = END.match(line)
        if name and m and m.group(1) == name:
            out[name] = (lines, m.group(2))
            name = None
            continue
        m = START.match(line)
        if m and not line.startswith("=== end ") and m.group(1) != "done":
            name, lines = m.group(1), []
            continue
        if name:
            lines.append(line)
    return out


def mask(lines):
    res = []
    for line in lines:
        for pat, rep in MASKS:
            line = pat.sub(rep, line)
        res.append(line)
    return res


def main(argv):
    linux, tine = sections(argv[1]), sections(argv[2])
    if not linux:
        print("busybox: no scenario output from Linux")
        return 1
    passed = failed = 0
    for name in sorted(linux):
        want = mask(linux[name][0]) + ["rc=" + linux[name][1]]
        if name not in tine:
            print(f"MISSING {name} (no output from Tine)")
            failed += 1
            continue
        got = mask(tine[name][0]) + ["rc=" + tine[name][1]]
        if want == got:
            print(f"ok {name}")
            passed += 1
        else:
            print(f"FAIL {name}")
            for d in difflib.unified_diff(want, got, "linux", "tine",
                                          lineterm="", n=1):
                print("    " + d)
            failed += 1
    print(f"busybox: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

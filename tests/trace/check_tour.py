#!/usr/bin/env python3
"""The tour's link check: every function docs/tour.md names as `name()` must
still be defined in kernel/ (a line that starts with its return type and
the name), and every test it names as tests/.../NAME.c must exist. Exits 1
with the list of dead names. Run from the repo root.
"""
import os
import re
import sys

TOUR = "docs/tour.md"


def definitions():
    """Every function name defined at the start of a line in kernel/."""
    names = set()
    pattern = re.compile(r"^[A-Za-z_][\w \*]*?\b(\w+)\(", re.M)
    for root, _, files in os.walk("kernel"):
        for f in files:
            if f.endswith(".c"):
                with open(os.path.join(root, f)) as fh:
                    names.update(pattern.findall(fh.read()))
    return names


def main():
    with open(TOUR) as f:
        text = f.read()
    funcs = set(re.findall(r"`(\w+)\(\)`", text))
    tests = set(re.findall(r"`?(tests/\w+/\w+\.c)`?", text))
    defined = definitions()
    dead = sorted("function %s()" % n for n in funcs - defined)
    dead += sorted("test %s" % t for t in tests if not os.path.exists(t))
    for d in dead:
        print("check_tour: %s named in %s no longer exists" % (d, TOUR))
    print("check_tour: %d functions, %d tests: %s" % (
        len(funcs), len(tests), "FAIL" if dead else "ok"))
    sys.exit(1 if dead else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The overhead check of the trace points (docs/trace.md): read the serial
logs of tests/trace/forkbench.c run under -icount shift=0 on a kernel built
without trace points (notrace.log), with them compiled in but off (off.log)
and with trace=proc,sched on (on.log); print ns per fork+exit+wait from the
last round of each, and fail if "off" costs more than 2% over "notrace",
the issue's bound. Under -icount the figures repeat from run to run.

    check_overhead.py DIR
"""
import os
import re
import sys

BOUND = 0.02


def figure(path):
    with open(path, errors="replace") as f:
        rounds = re.findall(r"round \d+: (\d+) ns", f.read())
    if not rounds:
        sys.exit("check_overhead: no forkbench figure in %s" % path)
    return int(rounds[-1])


def main():
    d = sys.argv[1]
    ns = {k: figure(os.path.join(d, k + ".log"))
          for k in ("notrace", "off", "on")}
    base = ns["notrace"]
    for k, what in (("notrace", "no trace points"),
                    ("off", "trace points compiled in, off"),
                    ("on", "trace=proc,sched on")):
        print("check_overhead: %-30s %6d ns per fork+exit+wait  %+.2f%%"
              % (what, ns[k], 100.0 * (ns[k] - base) / base))
    over = (ns["off"] - base) / base
    ok = over <= BOUND
    print("check_overhead: %s (off is %+.2f%%, the bound is +%d%%)"
          % ("ok" if ok else "FAIL", 100 * over, 100 * BOUND))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

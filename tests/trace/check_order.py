#!/usr/bin/env python3
"""Guest test of the lifecycle trace: Tine booted with trace=proc,sched and
an /init script (mk/trace.mk) whose one command is /bin/true. The trace
must show, in this order: init (pid 1) forks a child; the child execs
/bin/true; it exits with status 0; it leaves the CPU as a zombie; init
waits for it and reaps it. Prints what is missing and exits 1 on failure.

    check_order.py TRACE.txt
"""
import os
import sys

sys.dont_write_bytecode = True     # keep the tree clean
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools", "trace"))
import model    # noqa: E402


def expectations(child):
    """(description, predicate) in the order the events must come."""
    return [
        ("init forks pid %d" % child, lambda e: e.name == "sched_process_fork"
         and e.tid == 1 and e.num("child_pid") == child),
        ("pid %d execs /bin/true" % child, lambda e: e.name ==
         "sched_process_exec" and e.tid == child and
         e.f["filename"] == "/bin/true"),
        ("pid %d exits with status 0" % child, lambda e: e.name ==
         "sched_process_exit" and e.num("pid") == child and
         e.num("code") == 0),
        ("pid %d switches out as a zombie" % child, lambda e: e.name ==
         "sched_switch" and e.num("prev_pid") == child and
         e.f["prev_state"] == "Z"),
        ("init reaps pid %d" % child, lambda e: e.name == "task_reap" and
         e.num("pid") == child and e.tid == 1),
    ]


def in_order(events, steps):
    """The descriptions of the (description, predicate) steps that no
    event matches in order after the event that matched the step before."""
    missing, it = [], iter(events)
    for what, pred in steps:
        if not any(pred(e) for e in it):
            missing.append(what)
            it = iter(events)   # report each missing step once
    return missing


def check(events):
    forks = [e for e in events if e.name == "sched_process_fork" and e.tid == 1]
    if not forks:
        return ["no sched_process_fork by init"]
    child = forks[0].num("child_pid")
    missing = in_order(events, expectations(child))
    waits = [e for e in events if e.name == "sched_process_wait" and e.tid == 1]
    reaps = [e for e in events if e.name == "task_reap" and e.num("pid") == child]
    if not waits or (reaps and waits[0].ts > reaps[0].ts):
        missing.append("init calls wait before the reap")
    return missing


def main():
    with open(sys.argv[1]) as f:
        events = model.parse(f.read())
    missing = check(events)
    for m in missing:
        print("check_order: FAIL: expected, in order: %s" % m)
    print("check_order: %s (%d events)" % ("FAIL" if missing else "ok",
                                           len(events)))
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()

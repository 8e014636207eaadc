#!/usr/bin/env python3
"""Guest test of the run-time trace switch: the serial log of Tine booted
with tracing off running tests/trace/trace_runtime.c, which switched
"proc,sched,fd" on through /proc/tine/trace_events, forked a child and
printed what it read from /proc/tine/trace as "rt: " lines. The child
catches a SIGUSR1 it sends itself, opens /dev/null, dups and closes it,
and execs `sh -c "exit 7"`. This checks that the program's own checks
passed and that the events it read show, in order: the fork, the signal
generated and delivered to its handler, the open, the dup of the same
struct file and both closes, the exec, the exit with status 7, SIGCHLD to
the parent, the child leaving the CPU as a zombie, and the parent's wait
and reap. Exits 1 with what is missing.

    check_runtime.py SERIAL.LOG
"""
import os
import sys

sys.dont_write_bytecode = True     # keep the tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools", "trace"))
import model                    # noqa: E402
from check_order import in_order  # noqa: E402

SIGUSR1, SIGCHLD = 10, 17


def steps(parent, child, file_of):
    """(description, predicate) in the order the events must come."""
    def ev(name, tid, **fields):
        return lambda e: e.name == name and (tid is None or e.tid == tid) \
            and all(e.f.get(k) == str(v) for k, v in fields.items())
    return [
        ("%d forks %d" % (parent, child),
         ev("sched_process_fork", parent, child_pid=child)),
        ("SIGUSR1 generated for %d" % child,
         ev("signal_generate", child, sig=SIGUSR1, pid=child, res=0)),
        ("SIGUSR1 delivered to a handler in %d" % child,
         lambda e: ev("signal_deliver", child, sig=SIGUSR1)(e)
         and e.f["sa_handler"] not in ("0", "1")),
        ("%d opens a file" % child, ev("fd_open", child)),
        ("%d dups the same struct file" % child,
         lambda e: ev("fd_dup", child)(e) and e.f["file"] == file_of),
        ("%d closes the dup" % child,
         lambda e: ev("fd_close", child)(e) and e.f["file"] == file_of),
        ("%d closes the file" % child,
         lambda e: ev("fd_close", child)(e) and e.f["file"] == file_of),
        ("%d execs /bin/sh" % child,
         ev("sched_process_exec", child, filename="/bin/sh")),
        ("%d exits with status 7" % child,
         ev("sched_process_exit", child, pid=child, code="0x700")),
        ("SIGCHLD generated for %d" % parent,
         ev("signal_generate", None, sig=SIGCHLD, pid=parent)),
        ("%d switches out as a zombie" % child,
         ev("sched_switch", None, prev_pid=child, prev_state="Z")),
        ("%d reaps %d" % (parent, child), ev("task_reap", parent, pid=child)),
    ]


def check(log):
    lines = [ln.split("rt: ", 1)[1] for ln in log.splitlines() if "rt: " in ln]
    problems = [ln for ln in log.splitlines() if "trace_runtime: FAIL" in ln]
    if not any("trace_runtime: ok" in ln for ln in log.splitlines()):
        problems.append("trace_runtime did not finish with ok")
    heads = [ln for ln in lines if ln.startswith("parent ")]
    if not heads:
        return problems + ["no 'rt: parent PID' line"], 0
    parent = int(heads[0].split()[1])
    events = model.parse("\n".join(lines))
    forks = [e for e in events if e.name == "sched_process_fork"
             and e.tid == parent]
    if not forks:
        return problems + ["no sched_process_fork by %d" % parent], len(events)
    child = forks[0].num("child_pid")
    opens = [e for e in events if e.name == "fd_open" and e.tid == child]
    file_of = opens[0].f["file"] if opens else None
    problems += ["expected, in order: " + m for m in
                 in_order(events, steps(parent, child, file_of))]
    waits = [e for e in events if e.name == "sched_process_wait"
             and e.tid == parent]
    if not waits:
        problems.append("no sched_process_wait by %d" % parent)
    return problems, len(events)


def main():
    with open(sys.argv[1], errors="replace") as f:
        problems, n = check(f.read())
    for p in problems:
        print("check_runtime: FAIL: %s" % p)
    print("check_runtime: %s (%d events read at run time)" %
          ("FAIL" if problems else "ok", n))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

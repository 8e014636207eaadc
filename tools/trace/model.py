"""Read a Tine trace (docs/trace.md) and rebuild what happened to each task.

A trace is one event per line, "US CPU EVENT PID TID key=value...". The
serial log holds it between "# tine-trace begin" and "# tine-trace end"
lines (the dump at power-off or panic), or as "trace: " lines printed live.
build() replays the events into Task records: family, programs, the state
intervals (R on a CPU or runnable, S, D, T, Z) and the lifecycle marks the
pictures draw.
"""
import re

SIGNALS = ["", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
           "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
           "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
           "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
           "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
           "SIGSYS"]
# signal_generate's res field (Linux's enum trace_signal_result)
SIGNAL_RESULTS = ["delivered", "ignored", "already pending",
                  "could not queue", "pending without its siginfo"]

LINE = re.compile(r"(\d+) (\d+) ([a-z_]+) (-?\d+) (-?\d+)((?: \S+=\S*)*)\s*$")
STATES = "RSDTZ"


class Event:
    def __init__(self, ts, cpu, name, pid, tid, fields):
        self.ts, self.cpu, self.name = ts, cpu, name
        self.pid, self.tid, self.f = pid, tid, fields

    def num(self, key):
        return int(self.f[key], 0)

    def __repr__(self):
        return "%d %s %d %s" % (self.ts, self.name, self.tid, self.f)


def parse_line(line):
    m = LINE.match(line.strip())
    if not m:
        return None
    fields = dict(kv.split("=", 1) for kv in m.group(6).split())
    return Event(int(m.group(1)), int(m.group(2)), m.group(3),
                 int(m.group(4)), int(m.group(5)), fields)


def extract(log_text):
    """The trace lines of a serial log: the dumped block(s), else live lines."""
    out, inside = [], False
    for raw in log_text.splitlines():
        if raw.startswith("# tine-trace begin"):
            inside = True
        elif raw.startswith("# tine-trace end"):
            inside = False
        elif inside and parse_line(raw):
            out.append(raw.strip())
        elif "trace: " in raw:
            rest = raw.split("trace: ", 1)[1]
            if parse_line(rest):
                out.append(rest.strip())
    return out


def signame(sig):
    return SIGNALS[sig] if 0 < sig < len(SIGNALS) else "signal %d" % sig


def parse(text):
    return [e for e in map(parse_line, text.splitlines()) if e]


class Task:
    """One thread of execution (a tid), as the trace saw it."""

    def __init__(self, tid, comm, born):
        self.tid, self.tgid = tid, tid
        self.comm = comm or "?"
        self.born = born            # fork time, or first sight
        self.forked = False         # born in this trace (not there at start)
        self.parent = None          # who forked it
        self.clone_flags = 0
        self.programs = []          # (ts, filename, comm) per exec
        self.exit = None            # (ts, code)
        self.reap = None            # (ts, by)
        self.reparents = []         # (ts, old, new)
        self.waits = []             # ts of each wait4/waitid call
        self.forks = []             # (ts, child tid)
        self.signals = []           # (ts, "generate"/"deliver", sig, text)
        self.intervals = []         # (state, start, end, on_cpu, reason)
        self.state = "R"
        self.since = born
        self.on_cpu = False
        self.reason = "-"

    def name_at(self, ts):
        name = self.comm
        for t, _, comm in self.programs:
            if t <= ts:
                name = comm
        return name

    def set_state(self, ts, state, on_cpu, reason="-"):
        if (state, on_cpu) == (self.state, self.on_cpu):
            return
        if ts > self.since:
            self.intervals.append((self.state, self.since, ts, self.on_cpu,
                                   self.reason))
        self.state, self.since, self.on_cpu = state, ts, on_cpu
        self.reason = reason

    def state_at(self, ts):
        """The state letter at ts (the current one after the last change)."""
        for state, a, b, _, _ in self.intervals:
            if a <= ts < b:
                return state
        return self.state if self.state != "X" else "Z"

    def close(self, ts):
        if self.state != "X" and ts > self.since:
            self.intervals.append((self.state, self.since, ts, self.on_cpu,
                                   self.reason))
        self.state, self.since = "X", ts


class Trace:
    def __init__(self, events):
        self.events = events
        self.tasks = {}
        self.start = events[0].ts if events else 0
        self.end = events[-1].ts if events else 1

    def task(self, tid, comm, ts):
        if tid not in self.tasks:
            self.tasks[tid] = Task(tid, comm, ts)
        t = self.tasks[tid]
        if comm and t.comm == "?":
            t.comm = comm
        return t

    def ordered(self):
        """Tasks in tree order: each parent followed by its children."""
        kids = {}
        for t in self.tasks.values():
            kids.setdefault(t.parent, []).append(t)
        out, seen = [], set()

        def walk(t):
            if t.tid in seen:
                return
            seen.add(t.tid)
            out.append(t)
            for c in sorted(kids.get(t.tid, []), key=lambda c: c.born):
                walk(c)
        roots = [t for t in self.tasks.values()
                 if t.parent is None or t.parent not in self.tasks]
        for r in sorted(roots, key=lambda t: (t.born, t.tid)):
            walk(r)
        return out


def on_fork(tr, e):
    parent = tr.task(e.tid, e.f.get("parent_comm"), e.ts)
    child = tr.task(e.num("child_pid"), e.f.get("child_comm"), e.ts)
    child.born, child.since, child.forked = e.ts, e.ts, True
    child.parent, child.tgid = parent.tid, e.num("child_tgid")
    child.clone_flags = e.num("clone_flags")
    parent.forks.append((e.ts, child.tid))


def on_exec(tr, e):
    t = tr.task(e.tid, None, e.ts)
    t.programs.append((e.ts, e.f["filename"], e.f.get("comm", "?")))


def on_exit(tr, e):
    t = tr.task(e.num("pid"), e.f.get("comm"), e.ts)
    t.exit = (e.ts, e.num("code"))


def on_switch(tr, e):
    prev = tr.task(e.num("prev_pid"), e.f.get("prev_comm"), e.ts)
    nxt = tr.task(e.num("next_pid"), e.f.get("next_comm"), e.ts)
    state = e.f.get("prev_state", "R")[0]
    if state == "X":
        prev.close(e.ts)
    else:
        prev.set_state(e.ts, state, False, e.f.get("reason", "-"))
    nxt.set_state(e.ts, "R", True)


def on_wakeup(tr, e):
    t = tr.task(e.num("pid"), e.f.get("comm"), e.ts)
    if t.state != "Z":
        t.set_state(e.ts, "R", False, e.f.get("reason", "-"))


def on_reparent(tr, e):
    t = tr.task(e.num("pid"), e.f.get("comm"), e.ts)
    t.reparents.append((e.ts, e.num("old_parent"), e.num("new_parent")))


def on_reap(tr, e):
    t = tr.task(e.num("pid"), e.f.get("comm"), e.ts)
    t.reap = (e.ts, e.tid)
    t.close(e.ts)


def on_wait(tr, e):
    tr.task(e.tid, e.f.get("comm"), e.ts).waits.append(e.ts)


def on_signal_generate(tr, e):
    t = tr.task(e.num("pid"), e.f.get("comm"), e.ts)
    sig, res = e.num("sig"), e.num("res")
    what = SIGNAL_RESULTS[res] if 0 <= res < len(SIGNAL_RESULTS) else res
    t.signals.append((e.ts, "generate", sig, "%s sent by pid %d to %s: %s"
                      % (signame(sig), e.tid, "its process" if
                         e.f.get("grp") == "1" else "this thread", what)))


def on_signal_deliver(tr, e):
    t = tr.task(e.tid, None, e.ts)
    sig, handler = e.num("sig"), e.f.get("sa_handler", "0")
    action = {"0": "the default action", "1": "ignored (SIG_IGN)"}.get(
        handler, "its handler at 0x" + handler)
    t.signals.append((e.ts, "deliver", sig, "%s delivered: %s"
                      % (signame(sig), action)))


HANDLERS = {
    "sched_process_fork": on_fork, "sched_process_exec": on_exec,
    "sched_process_exit": on_exit, "sched_switch": on_switch,
    "sched_wakeup": on_wakeup, "sched_wakeup_new": on_wakeup,
    "task_reparent": on_reparent, "task_reap": on_reap,
    "sched_process_wait": on_wait,
    "signal_generate": on_signal_generate,
    "signal_deliver": on_signal_deliver,
}


def build(events):
    """Replay the events: a Trace whose tasks carry their whole story."""
    tr = Trace(events)
    for e in events:
        h = HANDLERS.get(e.name)
        if h:
            h(tr, e)
        if e.name == "sched_process_exit":
            t = tr.tasks[e.num("pid")]
            t.set_state(e.ts, "Z", False)   # Z is Z, on the CPU or not
    for t in tr.tasks.values():
        if t.state != "X":
            t.close(tr.end)
    tr.tasks.pop(0, None)       # the idle task (swapper) is not a process
    return tr

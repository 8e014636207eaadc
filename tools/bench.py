#!/usr/bin/env python3
"""Run the benchmark initramfs (bench/bench.c as /init) on Debian's Linux (the
oracle) and on Tine under the same QEMU command line (tools/qemu.py), in two
modes: `icount` (-icount shift=0: one guest nanosecond per instruction,
repeatable to about 1%, run once) and `tcg` (plain TCG, wall clock, noisy:
run --runs times, median). Prints one table (benchmark, Linux, Tine,
Tine/Linux, for both modes) and writes OUT/results.txt, OUT/results.json and
one serial log per boot (OUT/<kernel>-<mode>-<n>.log); --md also writes a
Markdown report (docs/bench-latest.md).

    bench.py --initrd build/bench/bench.cpio --tine build/tine.elf
             [--linux linux] [--modes "icount tcg"] [--kernels "linux tine"]
             [--runs 3] [--timeout 240] [--out build/bench] [--md FILE]

A kernel that crashes or hangs costs at most --timeout seconds: what it
printed before is kept, the benchmark it was in is reported as "crashed" or
"hung", and the ones after it as "not reached". Benchmarks that fail inside
the guest are reported with the guest's reason (e.g. "n/a (ENOSYS)").

Boot figures: boot_init_mono is CLOCK_MONOTONIC read by /init as its first
action (on Linux: guest time since the kernel started its clock, firmware not
included); boot_host_wall is host wall time from starting QEMU to the first
line /init prints (includes QEMU start-up, firmware and kernel boot; under
icount it is host time, not guest time).

Profiling (callgrind cannot see into a guest): --profile boots one kernel
once with the QEMU monitor on a socket and samples the guest's RIP (HMP
`info registers`) as fast as the monitor answers, attributing each sample to
the benchmark running at the time (the last BENCH-BEGIN seen) and to a kernel
symbol (nm of the kernel image) or to "user". Under --icount the samples are
spread over executed instructions roughly evenly.

    bench.py --initrd build/bench/bench.cpio --tine build/tine.elf \
             --profile tine [--icount-profile] [--top 12]
"""
import argparse
import bisect
import socket
import json
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

# Benchmarks in table order: (name, unit, better, target Tine/Linux in icount).
# better: "low" (time) or "high" (bandwidth).
BENCHES = [
    ("boot_init_mono", "ms", "low", 0.05),
    ("boot_host_wall", "ms", "low", None),
    ("syscall", "ns", "low", 0.5),
    ("fork_exit_wait", "us", "low", 0.5),
    ("fork_exec_wait", "us", "low", 0.5),
    ("vfork_exec_wait", "us", "low", None),
    ("spawn", "us", "low", None),
    ("ctxsw", "us", "low", 0.5),
    ("pipe_bw", "MB/s", "high", 1.5),
    ("pagefault", "ns", "low", 0.6),
    ("cow_fault", "ns", "low", 0.6),
    ("fork_scaling_1M", "us", "low", None),
    ("fork_scaling_16M", "us", "low", None),
    ("fork_scaling_64M", "us", "low", None),
    ("thread_create", "us", "low", 0.5),
    ("zombie_reap", "us", "low", 0.5),
    # Calibration, user mode only (should be equal on both kernels).
    ("user_copy_rep_movsq", "MB/s", "high", None),
    ("user_copy_loop", "MB/s", "high", None),
]
# Derived row: Tine's own 64 MiB / 1 MiB fork cost must be <= 3.
SCALING = "fork_scaling_64M/1M"
SCALING_TARGET = 3.0
GUEST_BENCHES = [b[0] for b in BENCHES if b[0] not in
                 ("boot_init_mono", "boot_host_wall")]

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1bc")
LINE_RE = re.compile(r"(BENCH(?:-INIT|-BEGIN|-DONE|FAIL|NOTE)?)\b ?(.*)")


SMP = 1     # --smp: QEMU's -smp for every boot


def boot(kernel, initrd, icount, timeout, log):
    """Boot once. Returns (status, text, host seconds to BENCH-INIT or None)."""
    cmd = qemu.command(kernel, initrd, icount=icount, smp=SMP)
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    os.set_blocking(p.stdout.fileno(), False)
    data = bytearray()
    t_init = None
    status = None
    deadline = t0 + timeout
    while True:
        chunk = p.stdout.read()
        if chunk:
            data += chunk
            if t_init is None and b"BENCH-INIT" in data:
                t_init = time.monotonic() - t0
        elif chunk == b"":
            status = p.wait()
            break
        if time.monotonic() > deadline:
            p.kill()
            p.wait()
            data += b"\n[bench.py: timeout after %ds, QEMU killed]\n" % timeout
            status = 124
            break
        time.sleep(0.005)
    with open(log, "wb") as f:
        f.write(data)
    return status, data, t_init


def parse(status, data, t_init):
    """Map each benchmark to ("ok", value, unit) or ("fail", reason)."""
    res = {}
    text = ANSI.sub(b"", bytes(data)).replace(b"\r", b"").decode("utf-8", "replace")
    current = None
    done = False
    seen_init = False
    notes = []
    for raw in text.split("\n"):
        m = LINE_RE.search(raw)
        if not m:
            continue
        tag, rest = m.group(1), m.group(2).split()
        if tag == "BENCH-INIT":
            seen_init = True
        elif tag == "BENCH-BEGIN" and rest:
            current = rest[0]
        elif tag == "BENCH" and len(rest) >= 3:
            try:
                res[rest[0]] = ("ok", float(rest[1]), rest[2])
            except ValueError:
                pass
            if rest[0] == current:
                current = None
        elif tag == "BENCHFAIL" and rest:
            res[rest[0]] = ("fail", " ".join(rest[1:]) or "failed")
            if rest[0] == current:
                current = None
        elif tag == "BENCH-DONE":
            done = True
        elif tag == "BENCHNOTE":
            notes.append(" ".join(rest))
    if t_init is not None:
        res["boot_host_wall"] = ("ok", t_init * 1000.0, "ms")
    if not done:
        short = "hung" if status == 124 else "kernel died, QEMU status %s" % status
        if current and current not in res:
            res[current] = ("fail", ("hung" if status == 124 else "crashed")
                            + " (kernel)")
        for name, _, _, _ in BENCHES:
            if name not in res:
                res[name] = ("fail", ("not reached (%s)" if seen_init else
                                      "no /init output (%s)") % short)
    return res, notes


def fmt(v):
    if v is None:
        return "-"
    a = abs(v)
    if a >= 100:
        return "%.0f" % v
    if a >= 10:
        return "%.1f" % v
    return "%.2f" % v


def reason(r):
    """Short cell text for a failure."""
    s = r[1]
    if re.fullmatch(r"E[A-Z0-9]+|errno\d+", s.split()[-1]) and len(s.split()) <= 2:
        return "n/a (%s)" % s
    return s


def combine(runs, name):
    """Median over runs of one kernel+mode: (value or None, cell text)."""
    vals = [r[name][1] for r in runs if name in r and r[name][0] == "ok"]
    if vals:
        v = statistics.median(vals)
        cell = fmt(v)
        if len(vals) < len(runs):
            cell += " (%d/%d)" % (len(vals), len(runs))
        return v, cell
    fails = [r[name] for r in runs if name in r and r[name][0] == "fail"]
    if fails:
        return None, reason(fails[0])
    return None, "-"


def scaling(runs):
    vals = []
    for r in runs:
        a, b = r.get("fork_scaling_64M"), r.get("fork_scaling_1M")
        if a and b and a[0] == b[0] == "ok" and b[1] > 0:
            vals.append(a[1] / b[1])
    return statistics.median(vals) if vals else None


def table(all_res, modes, kernels):
    """Rows of cells, header first."""
    hdr = ["benchmark", "unit"]
    for m in modes:
        hdr += ["Linux " + m, "Tine " + m, "Tine/Linux " + m]
    hdr += ["target (icount)"]
    rows = [hdr]
    for name, unit, better, target in BENCHES:
        row = [name, unit]
        ratio_ic = None
        for m in modes:
            lv, lc = combine(all_res.get(("linux", m), []), name)
            tv, tc = combine(all_res.get(("tine", m), []), name)
            ratio = tv / lv if lv and tv is not None else None
            if m == "icount":
                ratio_ic = ratio
            row += [lc if "linux" in kernels else "-",
                    tc if "tine" in kernels else "-",
                    ("%.2f" % ratio) if ratio is not None else "-"]
        if target is None:
            row.append("")
        else:
            op = "<=" if better == "low" else ">="
            mark = ""
            if ratio_ic is not None:
                ok = ratio_ic <= target if better == "low" else ratio_ic >= target
                mark = " met" if ok else " NOT met"
            row.append("%s %.2f%s" % (op, target, mark))
        rows.append(row)
    row = [SCALING, "ratio"]
    tine_ic = None
    for m in modes:
        lv = scaling(all_res.get(("linux", m), []))
        tv = scaling(all_res.get(("tine", m), []))
        if m == "icount":
            tine_ic = tv
        row += [fmt(lv), fmt(tv), ""]
    mark = "" if tine_ic is None else (" met" if tine_ic <= SCALING_TARGET
                                       else " NOT met")
    row.append("Tine <= %.0f%s" % (SCALING_TARGET, mark))
    rows.append(row)
    return rows


def render(rows):
    w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for k, r in enumerate(rows):
        out.append("| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |")
        if k == 0:
            out.append("|" + "|".join("-" * (x + 2) for x in w) + "|")
    return "\n".join(out)


def git_rev():
    try:
        return subprocess.check_output(
            ["git", "describe", "--always", "--dirty"],
            stderr=subprocess.DEVNULL).decode().strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def symbols(elf):
    """Sorted (address, name) of the text symbols of a kernel image."""
    try:
        out = subprocess.check_output(["nm", "-n", elf]).decode()
    except (OSError, subprocess.CalledProcessError):
        return [], []
    addrs, names = [], []
    for line in out.split("\n"):
        f = line.split()
        if len(f) == 3 and f[1] in "tTwW":
            addrs.append(int(f[0], 16))
            names.append(f[2])
    return addrs, names


def profile(kernel, initrd, icount, timeout, top, log):
    """Sample RIP through the monitor; print the hottest symbols per benchmark."""
    sock_path = "/tmp/bench-mon-%d.sock" % os.getpid()
    cmd = qemu.command(kernel, initrd, icount=icount) + [
        "-monitor", "unix:%s,server,nowait" % sock_path]
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    os.set_blocking(p.stdout.fileno(), False)
    addrs, names = symbols(qemu.resolve(kernel))
    mon = None
    for _ in range(200):
        try:
            mon = socket.socket(socket.AF_UNIX)
            mon.connect(sock_path)
            break
        except OSError:
            mon = None
            time.sleep(0.05)
    if mon is None:
        p.kill()
        sys.exit("bench.py: no QEMU monitor socket")
    mon.settimeout(5)
    buf = b""

    def ask(q):
        nonlocal buf
        mon.sendall(q + b"\n")
        while b"(qemu) " not in buf:
            d = mon.recv(65536)
            if not d:
                raise OSError("monitor closed")
            buf += d
        ans, _, buf = buf.partition(b"(qemu) ")
        return ans
    data = bytearray()
    counts = {}
    current = "boot"
    deadline = time.monotonic() + timeout
    rip_re = re.compile(rb"RIP=([0-9a-f]{16})")
    cpl_re = re.compile(rb"CPL=(\d)")
    try:
        ask(b"")
        while p.poll() is None and time.monotonic() < deadline:
            chunk = p.stdout.read()
            if chunk:
                data += chunk
                for m in re.finditer(rb"BENCH-BEGIN (\S+)\r?\n",
                                     bytes(data[-len(chunk) - 64:])):
                    current = m.group(1).decode()
                if b"BENCH-DONE" in chunk:
                    break
            ans = ask(b"info registers")
            m, c = rip_re.search(ans), cpl_re.search(ans)
            if not m:
                continue
            rip = int(m.group(1), 16)
            if c and c.group(1) == b"3":
                sym = "user"
            else:
                i = bisect.bisect_right(addrs, rip) - 1
                sym = names[i] if i >= 0 else hex(rip)
            d = counts.setdefault(current, {})
            d[sym] = d.get(sym, 0) + 1
    except OSError:
        pass
    p.kill()
    p.wait()
    try:
        os.unlink(sock_path)
    except OSError:
        pass
    with open(log, "wb") as f:
        f.write(data)
    lines = []
    for bench, d in counts.items():
        total = sum(d.values())
        lines.append("%s: %d samples" % (bench, total))
        for sym, n in sorted(d.items(), key=lambda x: -x[1])[:top]:
            lines.append("  %5.1f%%  %s" % (100.0 * n / total, sym))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--tine", default="build/tine.elf")
    ap.add_argument("--linux", default="linux")
    ap.add_argument("--modes", default="icount tcg")
    ap.add_argument("--kernels", default="linux tine")
    ap.add_argument("--runs", type=int, default=3,
                    help="plain-TCG boots per kernel (median)")
    ap.add_argument("--timeout", type=float, default=240,
                    help="seconds per boot before QEMU is killed")
    ap.add_argument("--out", default="build/bench")
    ap.add_argument("--md", help="also write a Markdown report here")
    ap.add_argument("--profile", metavar="KERNEL",
                    help="sample RIP on `linux` or `tine` instead (see above)")
    ap.add_argument("--icount-profile", action="store_true",
                    help="profile under -icount shift=0")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--smp", type=int, default=1, help="CPUs for both kernels")
    a = ap.parse_args()
    global SMP
    SMP = a.smp
    if a.profile:
        os.makedirs(a.out, exist_ok=True)
        k = {"linux": a.linux, "tine": a.tine}.get(a.profile, a.profile)
        text = profile(k, a.initrd, a.icount_profile, a.timeout, a.top,
                       os.path.join(a.out, "profile.log"))
        print(text)
        with open(os.path.join(a.out, "profile.txt"), "w") as f:
            f.write(text + "\n")
        return
    modes = a.modes.split()
    kernels = a.kernels.split()
    os.makedirs(a.out, exist_ok=True)
    paths = {"linux": a.linux, "tine": a.tine}

    all_res = {}
    raw = []
    t_start = time.monotonic()
    for m in modes:
        for k in kernels:
            n = 1 if m == "icount" else a.runs
            runs = []
            for i in range(n):
                log = os.path.join(a.out, "%s-%s-%d.log" % (k, m, i + 1))
                if k == "tine" and not os.path.exists(a.tine):
                    res = {b[0]: ("fail", "n/a (no %s)" % a.tine)
                           for b in BENCHES}
                    runs.append(res)
                    print("bench: %s missing, Tine not run" % a.tine)
                    break
                t0 = time.monotonic()
                st, data, t_init = boot(paths[k], a.initrd, m == "icount",
                                        a.timeout, log)
                res, notes = parse(st, data, t_init)
                ok = sum(1 for v in res.values() if v[0] == "ok")
                print("bench: %-5s %-6s run %d: %d figures, QEMU status %s, "
                      "%.0f s%s" % (k, m, i + 1, ok, st, time.monotonic() - t0,
                                    "".join("; " + x for x in notes)),
                      flush=True)
                runs.append(res)
                raw.append({"kernel": k, "mode": m, "run": i + 1,
                            "status": st, "log": log,
                            "results": {n_: list(v) for n_, v in res.items()},
                            "notes": notes})
            all_res[(k, m)] = runs

    rows = table(all_res, modes, kernels)
    text = render(rows)
    tine_built = (time.strftime("%Y-%m-%d %H:%M",
                                time.localtime(os.path.getmtime(a.tine)))
                  if os.path.exists(a.tine) else "missing")
    head = ("Tine vs Linux (%s), -smp %d, commit %s, %s (%s built %s); icount: 1 run, "
            "tcg: median of %d; %.0f s\n"
            % (os.path.basename(qemu.resolve(a.linux)), a.smp, git_rev(),
               time.strftime("%Y-%m-%d %H:%M"), a.tine, tine_built, a.runs,
               time.monotonic() - t_start))
    print()
    print(head + text)
    with open(os.path.join(a.out, "results.txt"), "w") as f:
        f.write(head + text + "\n")
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"commit": git_rev(), "date": time.strftime("%Y-%m-%d %H:%M"),
                   "runs": raw, "table": rows}, f, indent=1)
    if a.md:
        with open(a.md, "w") as f:
            f.write("# Latest benchmark figures\n\n"
                    "Written by `make bench-md` (tools/bench.py); see "
                    "docs/performance.md for what each figure measures.\n\n"
                    + head + "\n" + text + "\n")
    print("bench: wrote %s/results.txt and results.json%s" %
          (a.out, (" and " + a.md) if a.md else ""))


if __name__ == "__main__":
    main()

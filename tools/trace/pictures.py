"""The three pictures of a trace, each a standalone SVG string.

tree_svg    the process tree over time: one row per task in tree order, its
            programs as coloured spans, forks and reparentings as arrows,
            zombie time hatched, the reap drawn back to the reaper.
states_svg  each task's state timeline on five lanes R/S/D/T/Z, the seed
            page's state machine unrolled along time.
triad_svg   fork / exec / exit / wait for one child and its parent, the
            seed page's triad drawn from what really happened.
Element classes (row, lane, state-X, fork, exec, exit, zombie, reap,
reparent) are what tests/trace/ checks.
"""
import os

from svg import Svg, TimeAxis, STATE_COLOURS, STATE_NAMES, PROGRAM_COLOURS, \
    fmt_ms

SIGNAL_COLOUR = "#c62828"
LEFT = 190          # room for the labels
RIGHT = 40


def label(t, ts=None):
    return "%d %s" % (t.tid, t.name_at(ts if ts is not None else 1 << 62))


def ms(us, tr):
    """Times are shown as the trace has them: since boot."""
    return fmt_ms(us)


def axis_for(tr, stamps, width):
    return TimeAxis(stamps, LEFT, width - LEFT - RIGHT)


def all_stamps(tr):
    return [e.ts for e in tr.events]


def base(p):
    return os.path.basename(p) or p


def programs(t, end):
    """(start, stop, name, colour index) for each program the task ran."""
    spans, start, name = [], t.born, t.comm + " (copy of parent)" \
        if t.forked else t.comm
    stop_all = t.exit[0] if t.exit else end
    for i, (ts, filename, _) in enumerate(t.programs):
        spans.append((start, ts, name, i))
        start, name = ts, filename
    spans.append((start, stop_all, name, len(t.programs)))
    return [s for s in spans if s[1] > s[0] or s is spans[-1]]


def tree_svg(tr, width=1000):
    tasks = tr.ordered()
    row, top = 30, 40
    height = top + row * len(tasks) + 90
    svg = Svg(width, height, "Tine: the process tree over time")
    ax = axis_for(tr, all_stamps(tr), width)
    svg.text(10, 20, "Process tree over time (rows in fork order; "
             "hover for details)", 13)
    ys = {t.tid: top + i * row + row / 2 for i, t in enumerate(tasks)}
    for t in tasks:
        draw_tree_row(svg, ax, tr, t, ys[t.tid])
    for t in tasks:
        draw_family_links(svg, ax, tr, t, ys)
    ax.draw(svg, top - 10, top + row * len(tasks))
    tree_legend(svg, height - 45)
    return svg.render()


def draw_tree_row(svg, ax, tr, t, y):
    svg.text(10, y + 4, label(t), 11, cls="row-label")
    svg.line(LEFT, y, ax.x(tr.end), y, "#eeeeee", cls="row",
             data_pid=t.tid)
    for start, stop, name, i in programs(t, tr.end):
        x0, x1 = ax.x(start), ax.x(stop)
        svg.rect(x0, y - 6, x1 - x0, 12, PROGRAM_COLOURS[i % len(PROGRAM_COLOURS)],
                 "pid %d runs %s from %s to %s" % (t.tid, name, ms(start, tr),
                                                   ms(stop, tr)),
                 cls="program", stroke="#616161", stroke_width="0.5")
        for text in (name, base(name.split(" ")[0])):
            if x1 - x0 > 5.5 * len(text) + 6:
                svg.text(x0 + 3, y + 4, text, 9)
                break
    for ts, filename, _ in t.programs:
        x = ax.x(ts)
        svg.path("M%.1f,%.1f l5,5 l-5,5 l-5,-5 z" % (x, y - 10), fill="#1b5e20",
                 cls="exec", tip="%s: pid %d execs %s (same pid, new image)" %
                 (ms(ts, tr), t.tid, filename))
    if t.exit:
        ts, code = t.exit
        stop = t.reap[0] if t.reap else tr.end
        x0, x1 = ax.x(ts), ax.x(stop)
        svg.rect(x0, y - 6, x1 - x0, 12, "url(#zombie)",
                 "pid %d is a zombie for %s: dead, exit status 0x%x kept "
                 "until %s" % (t.tid, fmt_ms(stop - ts), code,
                               "reaped" if t.reap else "the end of the trace"),
                 cls="zombie")
        svg.rect(x0 - 1.5, y - 9, 3, 18, "#b71c1c",
                 "%s: pid %d exits, status 0x%x" % (ms(ts, tr), t.tid, code),
                 cls="exit")
    for ts in t.waits:
        svg.line(ax.x(ts), y - 9, ax.x(ts), y + 9, "#1565c0", cls="wait",
                 tip="%s: pid %d calls wait4/waitid" % (ms(ts, tr), t.tid),
                 stroke_width="1.5")


def draw_family_links(svg, ax, tr, t, ys):
    y = ys[t.tid]
    if t.forked and t.parent in ys:
        x, yp = ax.x(t.born), ys[t.parent]
        svg.path("M%.1f,%.1f L%.1f,%.1f" % (x, yp, x, y - 6), fill="none",
                 stroke="#424242", marker_end="url(#arrow)", cls="fork",
                 tip="%s: pid %d forks pid %d (clone_flags 0x%x)" %
                 (ms(t.born, tr), t.parent, t.tid, t.clone_flags))
        svg.circle(x, yp, 3, "#424242")
    for ts, old, new in t.reparents:
        if new in ys:
            x = ax.x(ts)
            svg.path("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" %
                     (x, y, x + 25, y, x + 25, ys[new], x + 4, ys[new]),
                     fill="none", stroke="#ef6c00", stroke_width="1.5",
                     stroke_dasharray="4,2", marker_end="url(#arrow)",
                     cls="reparent", tip="%s: pid %d's parent %d died; "
                     "reparented to %d" % (ms(ts, tr), t.tid, old, new))
    if t.reap and t.reap[1] in ys and t.reap[1] != t.tid:
        ts, by = t.reap
        x = ax.x(ts)
        svg.path("M%.1f,%.1f L%.1f,%.1f" % (x, y, x, ys[by]), fill="none",
                 stroke="#1565c0", stroke_dasharray="2,2",
                 marker_end="url(#arrow)", cls="reap",
                 tip="%s: pid %d reaps pid %d (wait returns; pid freed)" %
                 (ms(ts, tr), by, t.tid))


def tree_legend(svg, y):
    x = 10
    items = [("program", PROGRAM_COLOURS[1], "a program running (colour "
              "changes at exec)"), ("zombie", "url(#zombie)",
                                    "zombie: exited, not yet reaped")]
    for _, fill, text in items:
        svg.rect(x, y, 18, 10, fill)
        svg.text(x + 24, y + 9, text, 10)
        x += 40 + 6 * len(text)
    svg.text(10, y + 28, "arrows: black fork, orange dashed reparent, blue "
             "dotted reap;  green diamond exec, red bar exit, blue tick "
             "wait", 10)


def states_svg(tr, width=1000):
    tasks = tr.ordered()
    lane, gap, top = 9, 16, 40
    block = lane * len("RSDTZ") + gap
    height = top + block * len(tasks) + 60
    svg = Svg(width, height, "Tine: task state timelines")
    ax = axis_for(tr, all_stamps(tr), width)
    svg.text(10, 20, "Task states over time: lanes R S D T Z "
             "(dark R = on the CPU, light R = runnable)", 13)
    for i, t in enumerate(tasks):
        draw_state_block(svg, ax, tr, t, top + i * block, lane)
    ax.draw(svg, top - 10, top + block * len(tasks) - gap + 4)
    x = 10
    for s in "RSDTZ":
        svg.rect(x, height - 22, 14, 9, STATE_COLOURS[s])
        svg.text(x + 18, height - 14, STATE_NAMES[s], 10)
        x += 150
    svg.text(10, height - 40, "red triangles: a signal sent to the task "
             "(open) and taken by it (filled)", 10)
    return svg.render()


def draw_state_block(svg, ax, tr, t, y0, lane):
    svg.text(10, y0 + 2.5 * lane + 4, label(t), 11, cls="row-label")
    for j, s in enumerate("RSDTZ"):
        y = y0 + j * lane
        svg.text(LEFT - 12, y + lane - 1.5, s, 8, "middle")
        svg.rect(LEFT, y, ax.x(tr.end) - LEFT, lane - 1, "#f5f5f5",
                 cls="lane", data_pid=t.tid, data_state=s)
    prev_y = None
    for state, a, b, on_cpu, reason in t.intervals:
        if state not in "RSDTZ":
            continue
        y = y0 + "RSDTZ".index(state) * lane
        x0, x1 = ax.x(a), ax.x(b)
        if prev_y is not None and prev_y != y:
            svg.line(x0, prev_y + lane / 2, x0, y + lane / 2, "#9e9e9e",
                     stroke_width="0.6")
        fill = "url(#zombie)" if state == "Z" else STATE_COLOURS[state]
        what = STATE_NAMES[state] + (" on the CPU" if on_cpu else
                                     " (runnable)" if state == "R" else "")
        svg.rect(x0, y, x1 - x0, lane - 1, fill,
                 "pid %d %s: %s from %s to %s (%s)%s" % (
                     t.tid, t.name_at(a), what, ms(a, tr), ms(b, tr),
                     fmt_ms(b - a), "" if reason == "-" else
                     ", waiting on " + reason),
                 cls="state-" + state,
                 opacity=None if on_cpu or state != "R" else "0.35")
        prev_y = y
    draw_signal_marks(svg, ax, t, y0, lane)


def draw_signal_marks(svg, ax, t, y0, lane):
    """A signal as a mark on the lane of the state the task was in: an
    open triangle when it is sent (signal_generate), a filled one when the
    task takes it (signal_deliver)."""
    for ts, kind, sig, text in t.signals:
        state = t.state_at(ts)
        y = y0 + "RSDTZ".index(state) * lane if state in "RSDTZ" else y0
        x = ax.x(ts)
        fill = "#ffffff" if kind == "generate" else SIGNAL_COLOUR
        svg.path("M%.1f %.1f L%.1f %.1f L%.1f %.1f Z" % (
            x, y + lane - 1, x - 4, y - 4, x + 4, y - 4), text,
            cls="signal-" + kind, fill=fill, stroke=SIGNAL_COLOUR,
            stroke_width="1.2")


def depth(tr, t):
    d = 0
    while t.parent in tr.tasks and d < 64:
        t, d = tr.tasks[t.parent], d + 1
    return d


def pick_triad_pid(tr):
    """The deepest child that was forked, exec'd, exited and reaped by its
    parent: for `sh -c CMD` that is CMD's program, not the shell."""
    whole = [t for t in tr.tasks.values() if t.forked and t.programs and
             t.exit and t.reap and t.reap[1] == t.parent]
    if whole:
        return max(whole, key=lambda t: (depth(tr, t), -t.born)).tid
    forked = sorted((t for t in tr.tasks.values() if t.forked),
                    key=lambda t: t.born)
    return forked[0].tid if forked else None


def triad_svg(tr, pid, width=900):
    c = tr.tasks[pid]
    p = tr.tasks.get(c.parent) or c
    end = c.reap[0] if c.reap else tr.end
    stamps = [c.born, end] + [ts for ts, _, _ in c.programs] + \
        ([c.exit[0]] if c.exit else []) + \
        [ts for ts in p.waits if c.born <= ts <= end]
    ax = TimeAxis(stamps, 150, width - 150 - 60,
                  gap=max((end - c.born) // 4, 1), mix=0.3)
    svg = Svg(width, 260, "Tine: fork / exec / wait for pid %d" % pid)
    svg.text(10, 20, "fork / exec / wait: pid %d and its parent %d" %
             (pid, p.tid), 13)
    yp, yc = 70, 160
    svg.text(10, yp + 4, "parent %s" % label(p, c.born), 11)
    svg.text(10, yc + 4, "child %s" % label(c), 11)
    draw_parent_lane(svg, ax, tr, p, yp, c.born - 1, end + 1)
    draw_child_lane(svg, ax, tr, c, yc, end)
    xf = ax.x(c.born)
    svg.path("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" %
             (xf, yp + 8, xf, yc - 30, xf + 10, yc - 20, xf + 14, yc - 9),
             fill="none", stroke="#424242", marker_end="url(#arrow)",
             cls="fork", tip="%s: fork() returns twice: %d in the parent, "
             "0 in the child" % (ms(c.born, tr), pid))
    svg.text(xf + 6, (yp + yc) / 2, "fork() — copy-on-write", 10)
    for ts, filename, _ in c.programs:
        x = ax.x(ts)
        right = x > width - 260
        svg.text(x + (-4 if right else 4), yc - 14, "exec(\"%s\") — "
                 "replace image" % filename, 10, "end" if right else "start")
    if c.exit:
        xe, xr = ax.x(c.exit[0]), ax.x(end)
        svg.text(xe + 4, yc + 24, "exit(%d)" % (c.exit[1] >> 8), 10)
        if c.reap:
            svg.path("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" %
                     (xe, yc - 8, xe + 10, yp + 40, xr, yp + 40, xr, yp + 9),
                     fill="none", stroke="#1565c0", marker_end="url(#arrow)",
                     cls="reap", tip="%s: SIGCHLD; the parent's wait() "
                     "reaps pid %d" % (ms(end, tr), pid))
            svg.text(xr - 4, yp - 14, "SIGCHLD → wait() reaps", 10, "end")
    svg.text(10, 245, "fork makes the copy, exec swaps the program, wait "
             "collects the result (times from the trace; quiet gaps cut)", 10)
    ax.draw(svg, 40, 205)
    return svg.render()


def draw_parent_lane(svg, ax, tr, p, y, a, b):
    for state, s0, s1, on_cpu, reason in p.intervals:
        s0, s1 = max(s0, a), min(s1, b)
        if s1 <= s0 or state not in STATE_COLOURS:
            continue
        svg.rect(ax.x(s0), y - 7, ax.x(s1) - ax.x(s0), 14, STATE_COLOURS[state],
                 "parent %s %s to %s%s" % (STATE_NAMES[state], ms(s0, tr),
                                          ms(s1, tr), "" if reason == "-"
                                          else " on " + reason),
                 cls="state-" + state,
                 opacity=None if on_cpu or state != "R" else "0.35")
    if not p.intervals:
        svg.rect(ax.x(a), y - 7, ax.x(b) - ax.x(a), 14, STATE_COLOURS["R"])
    for ts in p.waits:
        if a <= ts <= b:
            svg.line(ax.x(ts), y - 12, ax.x(ts), y + 12, "#1565c0",
                     stroke_width="2", cls="wait",
                     tip="%s: wait4/waitid" % ms(ts, tr))
    svg.text(ax.x(b) + 4, y + 4, "continues", 10)


def draw_child_lane(svg, ax, tr, c, y, end):
    for start, stop, name, i in programs(c, end):
        svg.rect(ax.x(start), y - 7, ax.x(stop) - ax.x(start), 14,
                 PROGRAM_COLOURS[i % len(PROGRAM_COLOURS)],
                 "child runs %s, %s to %s" % (name, ms(start, tr), ms(stop, tr)),
                 cls="program", stroke="#616161", stroke_width="0.5")
    for ts, filename, _ in c.programs:
        svg.path("M%.1f,%.1f l6,6 l-6,6 l-6,-6 z" % (ax.x(ts), y - 13),
                 fill="#1b5e20", cls="exec",
                 tip="%s: exec %s" % (ms(ts, tr), filename))
    if c.exit:
        ts = c.exit[0]
        svg.rect(ax.x(ts), y - 7, ax.x(end) - ax.x(ts), 14, "url(#zombie)",
                 "zombie for %s" % fmt_ms(end - ts), cls="zombie")
        svg.rect(ax.x(ts) - 1.5, y - 10, 3, 20, "#b71c1c",
                 "%s: exit, status 0x%x" % (ms(ts, tr), c.exit[1]), cls="exit")

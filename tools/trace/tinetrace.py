#!/usr/bin/env python3
"""tinetrace: Tine's lifecycle trace (docs/trace.md) made into pictures.

    tinetrace.py extract SERIAL.LOG [-o TRACE.txt]
        the trace lines of a serial log (the power-off/panic dump, or the
        "trace: " lines of trace=...,live)
    tinetrace.py draw TRACE.txt -o DIR [--pid PID] [--cmd TEXT]
        DIR/tree.svg, DIR/states.svg, DIR/triad.svg and DIR/index.html

Python 3 standard library only.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True     # keep the tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model      # noqa: E402
import page       # noqa: E402
import pictures   # noqa: E402


def cmd_extract(a):
    with open(a.log, errors="replace") as f:
        lines = model.extract(f.read())
    if not lines:
        sys.exit("tinetrace: no trace in %s (was trace=proc,... on the "
                 "command line?)" % a.log)
    text = "\n".join(lines) + "\n"
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


def draw_all(trace_text, pid=None, cmd=None):
    """{file name: contents} for the three pictures and the page."""
    tr = model.build(model.parse(trace_text))
    if not tr.tasks:
        raise ValueError("no tasks in the trace")
    pid = pid if pid is not None else pictures.pick_triad_pid(tr)
    out = {"tree.svg": pictures.tree_svg(tr),
           "states.svg": pictures.states_svg(tr)}
    sections = [("Process tree over time", "Forks, execs, exits, zombie "
                 "time (hatched), reaping and reparenting.", out["tree.svg"]),
                ("Task states", "Each task on the lanes of the state "
                 "machine: R, S, D, T, Z.", out["states.svg"])]
    if pid is not None and pid in tr.tasks:
        out["triad.svg"] = pictures.triad_svg(tr, pid)
        sections.append(("fork / exec / wait for pid %d" % pid, "The "
                         "triad for one child and its parent.",
                         out["triad.svg"]))
    title = "Tine trace" + (": " + cmd if cmd else "")
    out["index.html"] = page.index_html(title, sections, trace_text)
    return out


def cmd_draw(a):
    with open(a.trace) as f:
        text = f.read()
    os.makedirs(a.output, exist_ok=True)
    for name, body in draw_all(text, a.pid, a.cmd).items():
        with open(os.path.join(a.output, name), "w") as f:
            f.write(body)
        print("  wrote %s" % os.path.join(a.output, name))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    e = sub.add_parser("extract", help="trace lines from a serial log")
    e.add_argument("log")
    e.add_argument("-o", "--output")
    d = sub.add_parser("draw", help="SVG pictures and index.html")
    d.add_argument("trace")
    d.add_argument("-o", "--output", required=True)
    d.add_argument("--pid", type=int, help="the child for the triad")
    d.add_argument("--cmd", help="the command traced, for the title")
    a = ap.parse_args()
    (cmd_extract if a.what == "extract" else cmd_draw)(a)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Unit test of tools/trace on a recorded trace (tests/trace/sample.trace:
`make trace CMD='sh -c "(sleep 0.2 &) ; sleep 0.5"'` on Tine, with
trace=proc,sched; runtime.trace, read from /proc/tine/trace by
tests/trace/trace_runtime.c, for signals). Checks the model rebuilt from the events and the
structure of each SVG: one row and five state lanes per task, the forks,
execs, exits, zombies, the orphan's reparenting and the reaps, and a page
that bundles the three pictures. Run: python3 tests/trace/test_pictures.py
"""
import os
import sys
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True     # keep the tree clean
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "trace"))
import model        # noqa: E402
import tinetrace    # noqa: E402

NS = "{http://www.w3.org/2000/svg}"
TASKS = {1, 2, 3, 4, 5}     # init, sh -c, the subshell, the orphan, poweroff


def sample(name="sample.trace"):
    with open(os.path.join(HERE, name)) as f:
        return f.read()


def classed(root, cls):
    return [e for e in root.iter() if e.get("class") == cls]


class ModelTest(unittest.TestCase):
    def setUp(self):
        self.tr = model.build(model.parse(sample()))

    def test_tasks_and_family(self):
        self.assertEqual(set(self.tr.tasks), TASKS)
        self.assertEqual(self.tr.tasks[3].parent, 2)
        self.assertEqual(self.tr.tasks[4].parent, 3)
        self.assertEqual([t.tid for t in self.tr.ordered()], [1, 2, 3, 4, 5])

    def test_orphan_reparented_to_init_and_reaped_by_it(self):
        orphan = self.tr.tasks[4]
        self.assertEqual([(o, n) for _, o, n in orphan.reparents], [(3, 1)])
        self.assertEqual(orphan.reap[1], 1)
        self.assertEqual(orphan.programs[0][1], "/bin/sleep")

    def test_zombie_interval_between_exit_and_reap(self):
        t = self.tr.tasks[3]
        z = [(a, b) for s, a, b, _, _ in t.intervals if s == "Z"]
        self.assertEqual(z, [(t.exit[0], t.reap[0])])

    def test_sleeper_sleeps_in_S(self):
        states = [i[0] for i in self.tr.tasks[4].intervals]
        self.assertIn("S", states)
        self.assertEqual(states[-1], "Z")

    def test_extract_from_serial_log(self):
        log = "boot noise\n# tine-trace begin format=1\n" + sample() + \
            "# tine-trace end\nKernel panic\nxx trace: 5 0 task_reap 1 1 " \
            "pid=9 tgid=9 comm=a status=0x0 by=1\n"
        lines = model.extract(log)
        self.assertEqual(len(lines), sample().count("\n") + 1)
        self.assertTrue(lines[-1].startswith("5 0 task_reap"))


class PictureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = tinetrace.draw_all(sample())
        cls.svg = {n: ET.fromstring(b) for n, b in cls.out.items()
                   if n.endswith(".svg")}

    def test_three_pictures(self):
        self.assertEqual(set(self.svg), {"tree.svg", "states.svg",
                                         "triad.svg"})

    def test_tree_rows_and_marks(self):
        root = self.svg["tree.svg"]
        rows = {int(e.get("data-pid")) for e in classed(root, "row")}
        self.assertEqual(rows, TASKS)
        self.assertEqual(len(classed(root, "fork")), 4)
        self.assertEqual(len(classed(root, "exec")), 5)
        self.assertEqual(len(classed(root, "exit")), 3)
        self.assertEqual(len(classed(root, "zombie")), 3)
        self.assertEqual(len(classed(root, "reap")), 3)
        rep = classed(root, "reparent")
        self.assertEqual(len(rep), 1)
        self.assertIn("reparented to 1", rep[0].get("data-tip"))

    def test_state_lanes(self):
        root = self.svg["states.svg"]
        lanes = {(int(e.get("data-pid")), e.get("data-state"))
                 for e in classed(root, "lane")}
        self.assertEqual(lanes, {(p, s) for p in TASKS for s in "RSDTZ"})
        self.assertTrue(classed(root, "state-S"))
        self.assertTrue(classed(root, "state-Z"))

    def test_triad_for_the_deepest_complete_child(self):
        # pid 3 never execs and pid 4 is reaped by init, not its parent.
        root = self.svg["triad.svg"]
        self.assertIn("pid 2 and its parent 1",
                      "".join(root.itertext()))
        for cls in ("fork", "exec", "exit", "zombie", "reap"):
            self.assertTrue(classed(root, cls), cls)

    def test_signal_marks_on_the_state_lanes(self):
        # runtime.trace: pid 3 raises SIGUSR1 and takes it in its handler;
        # its exit sends SIGCHLD to pid 2, which ignores it (SIG_DFL).
        out = tinetrace.draw_all(sample("runtime.trace"))
        root = ET.fromstring(out["states.svg"])
        tips = [(e.get("class"), e.get("data-tip")) for e in root.iter()
                if (e.get("class") or "").startswith("signal-")]
        self.assertEqual([c for c, _ in tips], ["signal-generate",   # pid 2
                                                "signal-generate",   # pid 3
                                                "signal-deliver"])
        self.assertIn("SIGCHLD sent by pid 3 to its process: ignored",
                      tips[0][1])
        self.assertIn("SIGUSR1 sent by pid 3 to this thread: delivered",
                      tips[1][1])
        self.assertIn("SIGUSR1 delivered: its handler at 0x", tips[2][1])

    def test_page_bundles_pictures_with_hover(self):
        html = self.out["index.html"]
        self.assertEqual(html.count("<svg "), 3)
        self.assertIn("data-tip=", html)
        self.assertIn("id='tip'", html)


if __name__ == "__main__":
    unittest.main(verbosity=1)

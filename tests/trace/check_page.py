#!/usr/bin/env python3
"""The screenshot test of tools/trace's HTML page: draw the page of a
recorded trace (tests/trace/sample.trace, and runtime.trace for the signal
marks), render it in headless Chromium, and fail on any message in the
JavaScript console (a script error, an SVG attribute Chromium rejects) or
a screenshot that is small or blank. Then break a copy of the page with a
call to an undefined function and check that the same check catches it,
so that a silent Chromium cannot pass the test.

    check_page.py OUTDIR
"""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True     # keep the tree clean
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "trace"))
import screenshot   # noqa: E402
import tinetrace    # noqa: E402

SIZE = (1100, 1600)
MIN_PNG_BYTES = 20000       # a blank 1100x1600 page is 8.5 KB
MIN_INK = 0.02              # at least 2% of the pixels are not white
MIN_COLOURS = 16


def write_page(trace, outdir):
    with open(os.path.join(HERE, trace)) as f:
        page = tinetrace.draw_all(f.read(), cmd=trace)["index.html"]
    path = os.path.join(outdir, trace.replace(".trace", ".html"))
    with open(path, "w") as f:
        f.write(page)
    return path, page


def check_render(html, png):
    problems = ["console: " + m for m in screenshot.shoot(html, png, *SIZE)]
    size = os.path.getsize(png)
    ink, colours = screenshot.ink(png)
    if size < MIN_PNG_BYTES:
        problems.append("%s is only %d bytes" % (png, size))
    if ink < MIN_INK or colours < MIN_COLOURS:
        problems.append("%s looks blank: %.1f%% ink, %d colours"
                        % (png, 100 * ink, colours))
    print("check_page: %s: %d bytes, %.1f%% ink, %d colours" %
          (os.path.basename(png), size, 100 * ink, colours))
    return problems


def check_breakage_caught(page, outdir):
    """A page whose script calls an undefined function must fail."""
    broken = page.replace("(function () {", "(function () {\n  nosuchfn();", 1)
    if broken == page:
        return ["cannot find the page's script to break it"]
    path = os.path.join(outdir, "broken.html")
    with open(path, "w") as f:
        f.write(broken)
    messages = screenshot.shoot(path, os.path.join(outdir, "broken.png"),
                                *SIZE)
    if not any("nosuchfn" in m for m in messages):
        return ["a script error in the page went unnoticed: %s" % messages]
    return []


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    t0, problems = time.time(), []
    for trace in ("sample.trace", "runtime.trace"):
        html, page = write_page(trace, outdir)
        problems += check_render(html, html.replace(".html", ".png"))
    problems += check_breakage_caught(page, outdir)
    for p in problems:
        print("check_page: FAIL: %s" % p)
    print("check_page: %s (%.1f s)" % ("FAIL" if problems else "ok",
                                       time.time() - t0))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

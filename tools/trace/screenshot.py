#!/usr/bin/env python3
"""Render a page or an SVG in headless Chromium (Debian's chromium package):
a PNG screenshot, and every message the page wrote to the JavaScript
console (script errors, SVG attribute errors, console.log) as Chromium
logs them on stderr with --enable-logging=stderr ("...:CONSOLE:LINE] ...").
Also a small PNG reader, so that a test can tell a blank screenshot from a
picture with the Python standard library alone.

    screenshot.py FILE.svg|FILE.html OUT.png [--size WxH]
        the screenshot; an SVG is shot at its own width and height; prints
        the console messages and exits 1 if there were any

Used by tests/trace/check_page.py and `make trace-figures`.
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

# As root Chromium needs --no-sandbox; the rest keep it off the network and
# out of the user's profile.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]
CONSOLE = re.compile(r":CONSOLE(?::|\()\d+\)?\] (.*)$")


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("screenshot: no chromium (tools/deps.sh installs Debian's)")


def shoot(path, png, width, height, timeout=120):
    """Screenshot path into png at width x height; the console messages."""
    profile = tempfile.mkdtemp(prefix="tine-chromium-")
    try:
        cmd = [chromium()] + FLAGS + [
            "--user-data-dir=" + profile,
            "--window-size=%d,%d" % (width, height),
            "--screenshot=" + os.path.abspath(png),
            "file://" + os.path.abspath(path)]
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout,
                           errors="replace")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if r.returncode != 0 or not os.path.exists(png):
        raise RuntimeError("chromium failed (status %d):\n%s"
                           % (r.returncode, r.stderr[-2000:]))
    return [m.group(1) for m in map(CONSOLE.search, r.stderr.splitlines())
            if m]


def svg_size(path):
    """The width and height attributes of an SVG's root element."""
    with open(path) as f:
        head = f.read(4096)
    m = re.search(r"<svg[^>]*\bwidth=['\"](\d+)['\"][^>]*\bheight=['\"]"
                  r"(\d+)['\"]", head)
    if not m:
        raise ValueError("%s: no width/height on <svg>" % path)
    return int(m.group(1)), int(m.group(2))


def _unfilter(raw, width, height, bpp):
    """Undo PNG's per-row filters (types 0-4); the rows of pixel bytes."""
    stride, rows, prev, i = width * bpp, [], bytearray(width * bpp), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return rows


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes, bytes per pixel) of an 8-bit,
    non-interlaced RGB or RGBA PNG, which is what Chromium writes."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s: not a PNG" % path)
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    width, height, depth, colour, _, _, interlace = hdr
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("%s: not 8-bit RGB(A)" % path)
    bpp = 3 if colour == 2 else 4
    rows = _unfilter(zlib.decompress(b"".join(idat)), width, height, bpp)
    return width, height, rows, bpp


def ink(path, step=4):
    """(fraction of sampled pixels that are not white, distinct colours)."""
    width, height, rows, bpp = png_pixels(path)
    colours, dark, total = set(), 0, 0
    for y in range(0, height, step):
        row = rows[y]
        for x in range(0, width, step):
            px = row[x * bpp:x * bpp + 3]
            colours.add(px)
            dark += px != b"\xff\xff\xff"
            total += 1
    return dark / max(total, 1), len(colours)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page")
    ap.add_argument("png")
    ap.add_argument("--size", help="WxH (default: an SVG's own size)")
    a = ap.parse_args()
    if a.size:
        width, height = map(int, a.size.split("x"))
    else:
        width, height = svg_size(a.page)
    messages = shoot(a.page, a.png, width, height)
    for m in messages:
        print("screenshot: console: %s" % m)
    sys.exit(1 if messages else 0)


if __name__ == "__main__":
    main()

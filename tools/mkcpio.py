#!/usr/bin/env python3
"""Write a newc ("070701") cpio archive, the initramfs format Linux and Tine
unpack, from a directory tree without needing root. Every entry is owned by
uid 0 / gid 0, keeps its permission bits and type from the file on disk
(symlinks stay symlinks), and carries a fixed mtime; entries are sorted, so the
same tree always yields the same bytes. Device nodes and directories that an
unprivileged user cannot create are added from the command line:

    mkcpio.py -o out.cpio ROOTDIR --dir dev:755 --node dev/console:c:5:1:600

Usage: mkcpio.py -o OUT [ROOTDIR] [--dir PATH:MODE]... [--node PATH:c|b:MAJ:MIN:MODE]...
"""
import argparse
import os
import stat
import sys

MTIME = 0  # fixed, for reproducible images


def header(ino, mode, size, name, nlink=1, rmaj=0, rmin=0):
    """One newc header + name, padded to 4 bytes; data follows separately."""
    fields = [ino, mode, 0, 0, nlink, MTIME, size, 0, 0, rmaj, rmin,
              len(name) + 1, 0]
    h = b"070701" + b"".join(b"%08X" % f for f in fields) + name + b"\0"
    return h + b"\0" * (-len(h) % 4)


def pad(data):
    return data + b"\0" * (-len(data) % 4)


def scan(root):
    """Yield (archive name, mode, data) for everything under root."""
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames + filenames:
            full = os.path.join(dirpath, n)
            name = os.path.relpath(full, root)
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                data = os.readlink(full).encode()
            elif stat.S_ISREG(st.st_mode):
                with open(full, "rb") as f:
                    data = f.read()
            elif stat.S_ISDIR(st.st_mode):
                data = b""
            else:
                sys.exit(f"mkcpio: unsupported file type: {full}")
            yield name, st.st_mode, data, 0, 0


def parse_extra(args):
    """--dir PATH:MODE and --node PATH:TYPE:MAJ:MIN:MODE entries."""
    for d in args.dir:
        path, mode = d.rsplit(":", 1)
        yield path.strip("/"), stat.S_IFDIR | int(mode, 8), b"", 0, 0
    for n in args.node:
        path, kind, maj, mino, mode = n.rsplit(":", 4)
        ftype = {"c": stat.S_IFCHR, "b": stat.S_IFBLK}[kind]
        yield path.strip("/"), ftype | int(mode, 8), b"", int(maj), int(mino)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("root", nargs="?")
    ap.add_argument("--dir", action="append", default=[], metavar="PATH:MODE")
    ap.add_argument("--node", action="append", default=[],
                    metavar="PATH:c|b:MAJ:MIN:MODE")
    args = ap.parse_args()

    entries = {}
    if args.root:
        for e in scan(args.root):
            entries[e[0]] = e
    for e in parse_extra(args):   # command-line entries override the tree
        entries[e[0]] = e

    out = bytearray()
    # Sorted names put every directory before its contents.
    for ino, name in enumerate(sorted(entries), start=1):
        _, mode, data, rmaj, rmin = entries[name]
        nlink = 2 if stat.S_ISDIR(mode) else 1
        out += header(ino, mode, len(data), name.encode(), nlink, rmaj, rmin)
        out += pad(data)
    out += header(0, 0, 0, b"TRAILER!!!")
    out += b"\0" * (-len(out) % 512)
    tmp = args.output + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()

# GDB helpers for Tine, loaded by tools/gdbinit (`make debug`, then
# `gdb -x tools/gdbinit`). They read the kernel's own structures through the
# debug info, so they show what the kernel believes, not what /proc says:
#
#   tine-ps          every task: pid, tgid, ppid, state letter, wait channel
#   tine-task PID    a task_struct's sub-structure pointers, each marked with
#                    the other tasks that share it (threads share, fork copies)
#   tine-maps PID    the VMAs of its mm_struct, like /proc/PID/maps
#   tine-fds PID     the three fd layers: fd -> struct file -> inode, with
#                    struct files shared by several fds or tasks marked
#   tine-bt PID      the kernel stack of a task that is not running, walked
#                    by frame pointers from where switch_to_asm saved it
#
# docs/tour.md shows when to use each one.
import gdb

SUBSTRUCTS = ("mm", "files", "fs", "sighand", "signal", "cred")
KSTACK_SIZE = 16384


def ptr(v):
    return int(v.cast(gdb.lookup_type("unsigned long")))


def field_offset(struct, field):
    return ptr(gdb.parse_and_eval("&((struct %s *)0)->%s" % (struct, field)))


def list_entries(head, struct, field):
    """Like list_for_each_entry: the structs linked into list head."""
    off = field_offset(struct, field)
    t = gdb.lookup_type("struct " + struct).pointer()
    node = head["next"]
    while ptr(node) != ptr(head.address):
        yield gdb.Value(ptr(node) - off).cast(t)
        node = node["next"]


def tasks():
    """The idle task, then every task on task_list."""
    yield gdb.parse_and_eval("&idle_task")
    for t in list_entries(gdb.parse_and_eval("task_list"), "task_struct",
                          "tasks"):
        yield t


def find_task(pid):
    for t in tasks():
        if int(t["pid"]) == pid:
            return t
    raise gdb.GdbError("no task with pid %d" % pid)


def state_char(t):
    """task_state_char() in kernel/proc/sched.c, read from outside."""
    exit_state, state = int(t["exit_state"]), int(t["state"])
    if exit_state == 0x20:
        return "Z"
    if exit_state == 0x10:
        return "X"
    return {0: "R", 1: "S", 2: "D", 4: "T"}.get(state, "?")


def cstr(v):
    return v.string() if ptr(v) else "-"


def running():
    """{pid: cpu} for the task on each CPU (idle tasks, pid 0, left out)."""
    try:
        n = int(gdb.parse_and_eval("nr_cpus"))
        cpus = gdb.parse_and_eval("cpus")
        on = {}
        for i in range(n):
            pid = int(cpus[i]["current_task"]["pid"])
            if pid:
                on[pid] = i
        return on
    except gdb.error:
        return {}


class TinePs(gdb.Command):
    """tine-ps: every task with pid, tgid, parent, state and wait channel."""

    def __init__(self):
        super().__init__("tine-ps", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        on = running()
        print("%5s %5s %5s %s %-18s %-16s %s" % ("PID", "TGID", "PPID", "S",
                                                 "WCHAN", "COMM", "TASK"))
        for t in tasks():
            parent = t["parent"]
            ppid = int(parent["pid"]) if ptr(parent) else 0
            print("%5d %5d %5d %s %-18s %-16s 0x%x%s" % (
                int(t["pid"]), int(t["tgid"]), ppid, state_char(t),
                cstr(t["wchan"]), t["comm"].string(), ptr(t),
                ("  <- on CPU %d" % on[int(t["pid"])])
                if int(t["pid"]) in on else ""))


class TineTask(gdb.Command):
    """tine-task PID: a task_struct and who shares its sub-structures."""

    def __init__(self):
        super().__init__("tine-task", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        t = find_task(int(gdb.parse_and_eval(arg)))
        print("task_struct 0x%x pid %d tgid %d comm %s state %s" % (
            ptr(t), int(t["pid"]), int(t["tgid"]), t["comm"].string(),
            state_char(t)))
        for f in ("real_parent", "parent", "group_leader"):
            p = t[f]
            print("  %-12s 0x%x (pid %d)" % (f, ptr(p), int(p["pid"])))
        others = [o for o in tasks() if ptr(o) != ptr(t)]
        for f in SUBSTRUCTS:
            v = ptr(t[f])
            sharers = [int(o["pid"]) for o in others if v and ptr(o[f]) == v]
            print("  %-12s 0x%x  %s" % (f, v, "shared with pid " +
                                        ", ".join(map(str, sharers))
                                        if sharers else
                                        "private" if v else "none"))
        print("  %-12s 0x%x  saved rsp 0x%x" % ("kstack", ptr(t["kstack"]),
                                                int(t["thread"]["rsp"])))


def vm_perms(flags):
    return "".join(c if flags & b else "-" for c, b in
                   (("r", 1), ("w", 2), ("x", 4))) + \
        ("s" if flags & 8 else "p")


class TineMaps(gdb.Command):
    """tine-maps PID: the VMAs of a task's address space."""

    def __init__(self, name="tine-maps"):
        super().__init__(name, gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        t = find_task(int(gdb.parse_and_eval(arg)))
        mm = t["mm"]
        if not ptr(mm):
            raise gdb.GdbError("pid %d has no mm (kernel thread or dead)" %
                               int(t["pid"]))
        tree = mm["mmap"]
        print("mm_struct 0x%x, %d VMAs, mm_users %d" % (
            ptr(mm), int(tree["n"]), int(mm["mm_users"])))
        for i in range(int(tree["n"])):
            v = tree["v"][i]
            name = cstr(v["vm_name"])
            if ptr(v["vm_file"]):
                d = v["vm_file"]["f_dentry"]
                name = cstr(d["d_name"]) if ptr(d) else "(file)"
            print("%012x-%012x %s %08x %s" % (
                int(v["vm_start"]), int(v["vm_end"]),
                vm_perms(int(v["vm_flags"])), int(v["vm_pgoff"]) * 4096,
                name if name != "-" else ""))


def file_holders(files_ptr, f):
    """Other (pid, fd) pairs whose fd table points at struct file f."""
    out = []
    for o in tasks():
        fs = o["files"]
        if not ptr(fs) or ptr(fs) == files_ptr:
            continue
        for fd in range(int(fs["max_fds"])):
            if ptr(fs["fd"][fd]) == f:
                out.append("%d:%d" % (int(o["pid"]), fd))
    return out


class TineFds(gdb.Command):
    """tine-fds PID: fd table -> struct file -> inode, sharing marked."""

    def __init__(self):
        super().__init__("tine-fds", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        t = find_task(int(gdb.parse_and_eval(arg)))
        fs = t["files"]
        if not ptr(fs):
            raise gdb.GdbError("pid %d has no files_struct" % int(t["pid"]))
        print("files_struct 0x%x (count %d: tasks sharing this table)" % (
            ptr(fs), int(fs["count"])))
        print("%3s  %-18s %5s %8s %6s  %-18s %6s %s" % (
            "FD", "STRUCT FILE", "COUNT", "POS", "FLAGS", "INODE", "INO",
            "SHARED WITH"))
        slots = [(fd, ptr(fs["fd"][fd])) for fd in range(int(fs["max_fds"]))]
        slots = [(fd, f) for fd, f in slots if f]
        ftype = gdb.lookup_type("struct file").pointer()
        for fd, f in slots:
            fv = gdb.Value(f).cast(ftype)
            ino = fv["f_inode"]
            same = ["fd %d" % o for o, g in slots if g == f and o != fd]
            same += ["pid:fd " + h for h in file_holders(ptr(fs), f)]
            print("%3d  0x%-16x %5d %8d %6o  0x%-16x %6d %s" % (
                fd, f, int(fv["f_count"]), int(fv["f_pos"]),
                int(fv["f_flags"]), ptr(ino),
                int(ino["i_ino"]) if ptr(ino) else 0,
                ", ".join(same) if same else "-"))


class TineBt(gdb.Command):
    """tine-bt PID: the kernel stack of a task that is not on the CPU."""

    def __init__(self):
        super().__init__("tine-bt", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        t = find_task(int(gdb.parse_and_eval(arg)))
        if int(t["pid"]) in running():
            raise gdb.GdbError("pid %d is on a CPU: use thread N and bt"
                               % int(t["pid"]))
        lo = ptr(t["kstack"])
        hi = lo + KSTACK_SIZE
        u64 = gdb.lookup_type("unsigned long").pointer()
        rd = lambda a: int(gdb.Value(a).cast(u64).dereference())
        rsp = int(t["thread"]["rsp"])
        # switch_to_asm pushed rbp, rbx, r12..r15, below its return address.
        frame, pc = rd(rsp + 40), rd(rsp + 48)
        for depth in range(32):
            print("#%-2d 0x%016x in %s" % (depth, pc, symbol(pc)))
            if not lo <= frame < hi - 16:
                break
            frame, pc = rd(frame), rd(frame + 8)


def symbol(pc):
    b = gdb.block_for_pc(pc)
    while b and not b.function:
        b = b.superblock
    if not b:   # assembly (entry.S): no debug block, but a symbol
        info = gdb.execute("info symbol 0x%x" % pc, to_string=True)
        return info.split(" in section")[0].strip()
    sal = gdb.find_pc_line(pc)
    where = " at %s:%d" % (sal.symtab.filename, sal.line) if sal.symtab else ""
    return b.function.name + where


TinePs()
TineTask()
TineMaps()
TineMaps("tine-vmas")
TineFds()
TineBt()

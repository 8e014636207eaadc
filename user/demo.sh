#!/bin/sh
# /usr/share/tine/demo.sh: a walk through the seed page "Processes"
# (Internals / 01) on a running Tine, with busybox, user/pstree and
# user/threads.  Each step prints what the page says, runs the commands
# (shown after "$ "), and says what to look at in their output.  `make demo`
# boots Tine and runs it with no one at the keyboard; in `make run` type
#     sh /usr/share/tine/demo.sh
# It needs only /proc; it runs unchanged on Linux.
cd /tmp || exit 1

step() { printf '\n=== %s\n' "$*"; }
look() { printf '  -> %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; eval "$@"; }
field() { cut -d' ' -f"$2" "/proc/$1/stat"; }	# field N of /proc/PID/stat

step "A program is not a process: one program (/bin/busybox), many processes"
run 'sleep 30 & sleep 30 & sleep 30 &'
run 'ps -o pid,ppid,stat,comm'
look "three sleep processes, three PIDs, one parent: this shell (PID $$)."
run 'readlink /proc/$!/exe'
look "each one's /proc/PID/exe names the same program file."
kill %1 %2 %3; wait 2>/dev/null

step "fork: spawn a child and show it"
run 'sleep 30 & child=$!'
run 'grep -e ^Name -e ^State -e ^Pid -e ^PPid /proc/$child/status'
look "PPid is $$, this shell: fork made the copy, exec turned it into sleep."
run 'pstree $$'
look "the tree tool draws the same parent/child link from /proc."
kill $child; wait $child 2>/dev/null

step "exec replaces the program, keeps the PID"
run "sh -c 'echo \"sh: PID \$\$\"; exec cut -d\" \" -f1,2 /proc/self/stat'"
look "the same PID before and after exec; the name changed from sh to cut."

step "wait, zombies: a child that exits while its parent never waits"
run "sh -c 'sleep 1 & exec sleep 30' & parent=\$!"
sleep 2
run 'ps -o pid,ppid,stat,comm'
look "the child of PID $parent has state Z: it exited, its parent (a sleep,"
look "which never calls wait) has not reaped it, so its task_struct stays."
run 'pstree $parent'
look "<defunct> marks the zombie."
step "reaping: when the parent goes, init (PID 1) adopts and reaps the zombie"
run 'kill $parent; wait $parent 2>/dev/null; sleep 1'
run 'ps -o pid,ppid,stat,comm'
look "no Z left: PID 1 waited for the orphaned zombie."

step "orphans: the parent dies first and the child is re-parented to PID 1"
run "sh -c 'sleep 30 & echo \$! > /tmp/orphan' ; orphan=\$(cat /tmp/orphan)"
run 'grep PPid /proc/$orphan/status'
run 'pstree 1'
look "PPid is now 1: sleep $orphan hangs off init, no longer off a shell."
kill $orphan; rm -f /tmp/orphan

step "process states: S (sleeping), T (stopped), R (running)"
run 'sleep 30 & s=$!; sleep 1; kill -STOP $s; sleep 1'
run 'ps -o pid,stat,comm | grep -e PID -e sleep'
look "T: stopped by SIGSTOP.  Next, SIGCONT wakes it: back to S."
run 'kill -CONT $s; sleep 1; grep State /proc/$s/status'
run 'grep State /proc/self/status'
look "a process reading its own status is the one on the CPU: R (running)."
kill $s; wait $s 2>/dev/null

step "the address space: every line of /proc/self/maps is one VMA"
run 'cat /proc/self/maps'
look "the program's text (r-xp) and data (rw-p) from /bin/busybox, the heap,"
look "[stack] near the top, [vdso]/[vvar] on Linux; p = private (copy-on-write)."
run 'grep -e ^Rss -e ^Pss /proc/self/smaps_rollup'
look "of all that virtual space only Rss kB is resident: memory is lazy."

step "the fd table: two descriptors sharing one open file, so one offset"
run 'printf 0123456789 > /tmp/f; exec 3< /tmp/f; exec 4<&3'
run 'dd bs=1 count=4 <&3 2>/dev/null; echo'
run 'grep pos /proc/$$/fdinfo/3 /proc/$$/fdinfo/4'
look "reading 4 bytes through fd 3 moved fd 4's offset too: dup shares the"
look "open-file entry (offset and mode), as the three-layer picture says."
run 'exec 5< /tmp/f; grep pos /proc/$$/fdinfo/5'
look "a second open() gets its own entry: offset 0."
run 'ls -l /proc/$$/fd'
look "fds 3, 4 and 5 all name /tmp/f; 0-2 are the terminal."
exec 3<&- 4<&- 5<&-; rm -f /tmp/f

step "threads: one process, several tasks sharing mm, files and signals"
run 'threads 4 5 > /tmp/ready & t=$!'
while [ ! -s /tmp/ready ]; do sleep 0.2; done
run 'ls /proc/$t/task'
run 'grep Threads /proc/$t/status'
run 'for tid in $(ls /proc/$t/task); do grep -e ^Pid -e ^Tgid /proc/$t/task/$tid/status | tr "\n" " "; echo; done'
look "four TIDs under /proc/$t/task, one Tgid ($t): the thread group is the"
look "process; the leader's TID is the PID.  'ls /proc' lists only the group."
wait $t; rm -f /tmp/ready

step "PID 1"
run 'head -4 /proc/1/status'
look "init adopts orphans; if it exits the kernel panics."
printf '\nEnd of the demo.\n'

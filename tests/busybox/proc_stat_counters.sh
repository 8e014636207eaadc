# /proc/stat counts forks and context switches; they only go up
a=$(awk '/^processes/ {print $2}' /proc/stat)
c=$(awk '/^ctxt/ {print $2}' /proc/stat)
true | true | true
b=$(awk '/^processes/ {print $2}' /proc/stat)
d=$(awk '/^ctxt/ {print $2}' /proc/stat)
[ $b -ge $((a + 3)) ] && echo "forks counted"
[ $d -gt $c ] && echo "switches counted"
awk '/^procs_running/ {print ($2 >= 1)}' /proc/stat
awk '/^cpu / {print NF}' /proc/stat
awk '{print NF}' /proc/self/statm
grep -c -e '^Rss' -e '^Pss' /proc/self/smaps_rollup

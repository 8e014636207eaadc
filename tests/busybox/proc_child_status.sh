# a sleeping child as procfs shows it to its parent
sleep 3 & c=$!
while [ "$(cat /proc/$c/comm)" != sleep ]; do sleep 0.1; done
grep -e '^Name' -e '^State' /proc/$c/status
[ "$(awk '/^PPid/ {print $2}' /proc/$c/status)" = $$ ] && echo "PPid is the shell"
[ "$(cut -d' ' -f4 /proc/$c/stat)" = $$ ] && echo "stat ppid is the shell"
cut -d' ' -f2,3 /proc/$c/stat
tr '\0' ' ' < /proc/$c/cmdline; echo
readlink /proc/$c/exe
cat /proc/$c/comm
cat /proc/$c/wchan >/dev/null && echo "wchan readable"
ps -o pid,ppid,stat,comm | awk -v c=$c '$1 == c {print "ps:", $3, $4}'
kill $c; wait $c 2>/dev/null; echo "rc=$?"
[ -d /proc/$c ] || echo "gone after reaping"

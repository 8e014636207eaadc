# a thread group (user/threads) under /proc/PID/task
threads 4 2 > ready & t=$!
while [ ! -s ready ]; do sleep 0.1; done
ls /proc/$t/task | wc -l
grep Threads /proc/$t/status
for tid in $(ls /proc/$t/task); do
	awk '/^Tgid/ {print $2}' /proc/$t/task/$tid/status
done | sort -u | wc -l
[ -d /proc/$t/task/$t ] && echo "leader is a task"
ls /proc 2>/dev/null | grep -c "^$t\$"	# a PID that exits meanwhile makes ls complain
wait $t; echo "rc=$?"

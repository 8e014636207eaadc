# the grandchild outlives its parent and is adopted by init (PID 1)
sh -c 'sleep 2 & echo $! > /tmp/work/gc' &
wait
gc=$(cat /tmp/work/gc)
# with two CPUs the grandchild may still be between fork and exec
while [ "$(cat /proc/$gc/comm)" != sleep ]; do sleep 0.1; done
ps -o pid,ppid,comm | awk -v g=$gc '$1 == g {print "orphan ppid", $2, $3}'
kill $gc

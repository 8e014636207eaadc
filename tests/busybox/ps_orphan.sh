# the grandchild outlives its parent and is adopted by init (PID 1)
sh -c 'sleep 2 & echo $! > /tmp/work/gc' &
wait
gc=$(cat /tmp/work/gc)
ps -o pid,ppid,comm | awk -v g=$gc '$1 == g {print "orphan ppid", $2, $3}'
kill $gc

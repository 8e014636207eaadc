# a child that exits while its parent (a sleeping sh) never waits
sh -c 'sleep 0.1 & exec sleep 2' &
parent=$!
sleep 1
ps -o pid,ppid,stat,comm | awk -v p=$parent '$2 == p {print "child of parent:", $3, $4}'
kill $parent; wait

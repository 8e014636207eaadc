# a child that exits while its parent (a sleeping sh) never waits
sh -c 'sleep 0.1 & exec sleep 2' &
parent=$!
# until the parent has exec'd sleep and its child is a zombie
until ps -o pid,ppid,stat,comm > ps.out &&
	grep -q "^ *$parent .* sleep" ps.out &&
	grep -q "^ *[0-9]* *$parent Z" ps.out; do sleep 0.1; done
ps -o pid,ppid,stat,comm | awk -v p=$parent '$2 == p {print "child of parent:", $3, $4}'
kill $parent; wait

sleep 5 & p=$!
sleep 0.2
kill -STOP $p; sleep 0.2
ps -o pid,stat | awk -v p=$p '$1 == p {print "stopped:", substr($2,1,1)}'
kill -CONT $p; sleep 0.2
ps -o pid,stat | awk -v p=$p '$1 == p {print "continued:", substr($2,1,1)}'
# ash prints "Terminated" if it reaps the child only after a SIGCHLD,
# which depends on whether the kill ran the child first: keep it out
kill $p; wait $p 2>/dev/null; echo "rc=$?"

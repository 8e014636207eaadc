sleep 0.2 & p=$!
[ -n "$p" ] && echo "got pid"
wait $p; echo "wait rc=$?"
(exit 3) & wait $!; echo "status $?"

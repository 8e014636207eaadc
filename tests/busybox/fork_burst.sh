# fifty children at once, all reaped; every exit status collected
i=0
while [ $i -lt 50 ]; do sh -c "exit $((i % 7))" & i=$((i + 1)); done
wait; echo "all waited"
n=0; for i in 1 2 3 4 5; do (exit $i) & eval "p$i=\$!"; done
for i in 1 2 3 4 5; do eval "wait \$p$i"; n=$((n + $?)); done
echo "sum of statuses $n"
echo "zombies left: $(ps -o stat | grep -c '^Z')"

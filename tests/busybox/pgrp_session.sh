# process groups and sessions as /proc/PID/stat fields 5 and 6
sh -c 'set -- $(cat /proc/$$/stat); [ $5 = $$ ] && echo "own group" || echo "inherited group"'
setsid sh -c 'set -- $(cat /proc/$$/stat); [ $5 = $$ ] && [ $6 = $$ ] && echo "new session and group"'
sh -c 'set -- $(cat /proc/$$/stat); [ $6 = $$ ] && echo leader || echo "not a leader"'
setsid sh -c 'ps -o pid,pgid,sid 2>/dev/null | head -1'

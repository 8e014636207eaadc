# resource limits are inherited and visible in /proc/PID/limits
ulimit -n
ulimit -n 64
ulimit -n
sh -c 'ulimit -n'
grep 'Max open files' /proc/self/limits | awk '{print $4, $5}'
ulimit -s
grep 'Max stack size' /proc/self/limits | awk '{print $4, $5, $6}'
ulimit -n 100000 2>&1 | sed 's/[0-9]*:/N:/'

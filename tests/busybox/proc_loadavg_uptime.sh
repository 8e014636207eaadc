awk '{print NF}' /proc/loadavg /proc/uptime
grep -c '^cpu' /proc/stat
grep -e MemTotal -e MemFree /proc/meminfo | awk '{print $1, $3}'
cat /proc/sys/kernel/pid_max

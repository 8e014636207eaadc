ls /proc/self/task | wc -l
[ -d /proc/$$/task/$$ ] && echo leader listed
ls /proc/999999 2>&1 | sed 's/999999/N/'

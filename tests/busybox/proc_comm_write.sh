# /proc/PID/comm is writable by the process itself; ps and status follow
sh -c 'echo renamed > /proc/$$/comm
cat /proc/$$/comm
grep Name /proc/$$/status
cut -d" " -f2 /proc/$$/stat
ps -o pid,comm | awk -v p=$$ "\$1 == p {print \$2}"
printf averyveryverylongname > /proc/$$/comm; cat /proc/$$/comm; echo
printf short > /proc/$$/comm; cut -d" " -f2 /proc/$$/stat; true'

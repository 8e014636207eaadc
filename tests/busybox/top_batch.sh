# top in batch mode reads /proc/stat, meminfo, loadavg and every PID's stat
top -b -n 1 > t
head -1 t | awk '{print $1}'
sed -n 2p t | awk '{print $1}'
sed -n 3p t | awk '{print $1, $2}'
sed -n 4p t | awk '{print $1, $2, $3, $4, $5}'
grep -c 'top -b -n 1' t
free | awk 'NR == 1 {print $1, $2, $3}'

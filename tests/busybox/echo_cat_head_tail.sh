seq 1 10 > n; head -3 n; tail -2 n; wc -l n | awk '{print $1}'
cat n | tr '\n' ' '; echo

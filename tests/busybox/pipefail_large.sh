seq 1 20000 | sort -n | tail -1
yes | head -5

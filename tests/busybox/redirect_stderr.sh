ls /nonexistent > out 2>&1; echo "rc=$?"; cat out
(echo to-err >&2) 2>&1 | cat

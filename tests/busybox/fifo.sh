# a named pipe: the open blocks until both ends are there
mkfifo p
ls -l p | cut -c1
stat -c %F p
(echo through the fifo > p) &
cat p
wait; echo "writer rc=$?"
(cat p > got) & sleep 0.2
printf 'a\nb\n' > p; wait; cat got
rm p; [ -e p ] || echo removed

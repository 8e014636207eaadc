# writers into a pipe whose reader has gone get SIGPIPE (status 141)
(yes; echo "yes rc=$?" > rc1) | head -2; cat rc1
(seq 1 100000; echo "seq rc=$?" > rc2) | head -1; cat rc2
# with SIGPIPE ignored, the write fails with EPIPE instead
sh -c 'trap "" PIPE; yes 2> err; echo "rc=$?" > rc3' | head -1
cat rc3 err

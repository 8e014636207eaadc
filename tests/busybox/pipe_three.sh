# a pipeline of three commands
printf 'c\na\nb\na\n' | sort | uniq -c
echo hello world | tr a-z A-Z | rev

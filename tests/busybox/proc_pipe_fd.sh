# both ends of a pipe show the same pipe:[inode] in /proc/PID/fd
w=$(sh -c 'readlink /proc/$$/fd/1' | cat)
echo "$w" | sed 's/[0-9][0-9]*/N/'
r=$(echo | readlink /proc/self/fd/0)
echo "$r" | sed 's/[0-9][0-9]*/N/'
sh -c 'readlink /proc/$$/fd/1 >&2' 2>&1 | { readlink /proc/self/fd/0 > reader; cat > writer; }
[ "$(cat reader)" = "$(cat writer)" ] && echo "one pipe, one inode"
ls -l /proc/$$/fd/0 | awk '{print $1, $NF}'

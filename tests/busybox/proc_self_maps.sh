# the executable's mappings and the stack, addresses masked by the host
cat /proc/self/maps | grep -e busybox -e stack | awk '{print $2, $NF}'

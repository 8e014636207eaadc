#!/bin/busybox sh
# /init of the busybox-scenario image, the same on Linux and on Tine: mount
# /proc, run every tests/busybox scenario under busybox sh with a timeout,
# and print each one's stdout+stderr between "=== NAME" and "=== end NAME
# rc=N" lines for tools/busybox-compare.py.  Then power off.
export PATH=/bin HOME=/root
mount -t proc proc /proc 2>/dev/null || echo "runner: mount proc failed"
mount -t tmpfs tmpfs /dev/shm 2>/dev/null
echo
cd /scenarios
for f in *.sh; do
	name=${f%.sh}
	mkdir -p /tmp/work && cd /tmp/work
	echo "=== $name"
	timeout 20 sh /scenarios/$f < /dev/null 2>&1
	rc=$?
	echo "=== end $name rc=$rc"
	cd / && rm -rf /tmp/work
done
echo "=== done"
poweroff -f

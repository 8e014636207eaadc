#!/bin/busybox sh
# /init of `make run`: turn the initramfs into a small Unix with Debian's
# busybox as its userland, then give the console a login-less shell with
# job control.  The shell runs in its own session whose controlling
# terminal is the serial line (/dev/ttyS0); /dev/console, like on Linux,
# can never be one.  Leaving the shell powers the machine off.  With
# tine_demo=1 on the kernel command line (make demo) it runs the demo
# script instead, with no one at the keyboard, and powers off.
/bin/busybox --install -s /bin
export PATH=/bin HOME=/root
mkdir -p /proc /root /etc /dev/shm
mount -t proc proc /proc 2>/dev/null
echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd
echo 'nobody:x:65534:65534:nobody:/:/bin/false' >> /etc/passwd
if [ -n "$tine_demo" ]; then
	sh /usr/share/tine/demo.sh
	poweroff -f
fi
cat <<'BANNER'

Tine: the Unix process model, as Linux implements it.
Try:  ps -o pid,ppid,stat,comm     sleep 100 &  then  jobs, kill %1
      cat /proc/self/maps          (sleep 1; echo child) & wait
      pstree    top               sh /usr/share/tine/demo.sh
Leave with 'exit' (powers off).  Ctrl-A X quits QEMU at any time.

BANNER
setsid sh -c 'exec sh </dev/ttyS0 >/dev/ttyS0 2>&1'
poweroff -f

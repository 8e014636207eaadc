# tmpfs on /dev/shm and proc on /proc, as /proc/mounts lists them
grep -e ' /proc ' -e ' /dev/shm ' /proc/mounts | awk '{print $1, $2, $3}'
echo shared > /dev/shm/seg; cat /dev/shm/seg; rm /dev/shm/seg
mkdir -p mnt; mount -t tmpfs none mnt && echo mounted
echo x > mnt/file; ls mnt
grep " $(pwd)/mnt " /proc/mounts | awk '{print $1, $3}'
umount mnt && echo unmounted; ls mnt | wc -l
grep -w tmpfs /proc/filesystems
grep -w proc /proc/filesystems

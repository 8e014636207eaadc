# the working directory: chdir, getcwd and /proc/PID/cwd agree
mkdir -p a/b/c; cd a/b/c; pwd
readlink /proc/$$/cwd
sh -c 'readlink /proc/$$/cwd'
cd ../..; pwd
cd -P /tmp/work/a/b; /bin/pwd
ln -s /tmp/work/a/b/c lk; cd lk; pwd; pwd -P
cd /; readlink /proc/$$/cwd; readlink /proc/$$/root

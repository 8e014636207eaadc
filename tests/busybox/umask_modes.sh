# the umask shapes the modes of new files and directories
umask
umask 027; umask
touch f; mkdir d; stat -c '%a %F' f d
umask 0; touch g; mkdir e; stat -c '%a' g e
chmod u+s,g+w f; stat -c '%a %A' f
chmod 0 f; stat -c '%a %A' f
sh -c 'umask'
grep Umask /proc/self/status

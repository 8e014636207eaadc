export FOO=bar; sh -c 'echo $FOO'
env -i A=1 /bin/env
unset FOO; sh -c 'echo "[$FOO]"'

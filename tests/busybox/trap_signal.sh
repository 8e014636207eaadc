trap 'echo caught USR1' USR1
kill -USR1 $$
sh -c 'trap "echo term; exit 0" TERM; kill -TERM $$; sleep 1'

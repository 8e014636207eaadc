# a child killed by a signal: the status the shell reports and prints
sh -c 'kill -KILL $$'; echo "rc=$?"
sh -c 'kill -SEGV $$'; echo "rc=$?"
sh -c 'kill -USR1 $$'; echo "rc=$?"
sh -c 'kill -INT $$'; echo "rc=$?"
sh -c 'kill -HUP $$'; echo "rc=$?"
sh -c 'trap "" TERM; kill -TERM $$; echo ignored TERM'; echo "rc=$?"
sh -c 'exit 300'; echo "rc=$?"
kill -0 $$ && echo alive
kill -l 9; kill -l 15

true; echo $?; false; echo $?
sh -c 'exit 7'; echo $?
sh -c 'kill -TERM $$'; echo $?

# exec opens, duplicates and closes the shell's own fds; children inherit
exec 5> out
echo via-5 >&5
sh -c 'echo child-via-5 >&5'
exec 5>&-
cat out
echo oops >&5 2>/dev/null || echo "fd 5 closed"
exec 6< out
read line <&6; echo "read: $line"
exec 6<&-
exec 7<> rw; echo abc >&7; cat rw; exec 7>&-
ls /proc/$$/fd | sort -n | tr '\n' ' '; echo
{ echo grouped; echo twice; } > grp; cat grp
cat <<-EOT
	tabs stripped
	EOT

# a dup shares the open file description, and so its offset
printf '0123456789' > data
exec 3< data
exec 4<&3
dd bs=1 count=4 <&3 2>/dev/null; echo
grep pos /proc/$$/fdinfo/3 /proc/$$/fdinfo/4 | sed 's|/proc/[0-9]*/||'
dd bs=1 count=2 <&4 2>/dev/null; echo
grep pos /proc/$$/fdinfo/3 | cut -f2
# a second open of the same file has its own offset
exec 5< data
grep pos /proc/$$/fdinfo/5 | cut -f2
grep flags /proc/$$/fdinfo/5 | cut -f2
exec 6>> data
grep flags /proc/$$/fdinfo/6 | cut -f2

# hard links share an inode; touch sets times; truncate sets sizes
echo data > a; ln a b
stat -c '%h' a b; [ "$(stat -c %i a)" = "$(stat -c %i b)" ] && echo "same inode"
rm a; stat -c '%h' b; cat b
touch -t 202001021530.45 b; stat -c '%Y' b
touch -d '2021-06-01 12:00:00' b; date -r b +%Y-%m-%d
truncate -s 10000 b; stat -c %s b
truncate -s 3 b; cat b; echo
dd if=/dev/zero of=sparse bs=1 count=1 seek=4096 2>/dev/null; stat -c %s sparse
mv b c; ls

echo "a,b,c" | cut -d, -f2
echo "aabbcc" | tr -s 'abc'
printf 'x\nx\ny\n' | uniq

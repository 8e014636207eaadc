printf 'banana\napple\ncherry\n' > fruit
sort fruit; sort -r fruit | head -1
grep -n an fruit; grep -c e fruit
sed 's/a/A/g' fruit; sed -n 2p fruit

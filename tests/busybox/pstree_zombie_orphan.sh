# the tree tool (user/pstree) shows a zombie under its parent, and an
# orphan adopted by init (PID 1); PIDs other than 1 are masked
mask() { sed -e 's/(1,/(ONE,/' -e 's/([0-9]*,/(N,/' -e 's/(ONE,/(1,/' "$@"; }
sh -c 'sleep 0.1 & exec sleep 3' &
parent=$!
sh -c 'sleep 3 & echo $! > orphan' &
wait $!
# until the parent has become sleep and its child a zombie, and the
# orphan has become sleep (with two CPUs either may lag behind)
until pstree $parent > zombie && head -1 zombie | grep -q '^sleep(' &&
	grep -q 'sleep(.*<defunct>' zombie &&
	[ "$(cat /proc/$(cat orphan)/comm)" = sleep ]; do sleep 0.1; done
mask zombie
echo "orphan's parent: $(cut -d' ' -f4 /proc/$(cat orphan)/stat)"
pstree 1 > all; grep -v -e timeout -e pstree all | mask
kill $parent $(cat orphan); wait
pstree $$ > tree; mask tree

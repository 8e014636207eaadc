i=0; while [ $i -lt 3 ]; do echo "i=$i"; i=$((i + 1)); done
for w in a b c; do printf '%s-' $w; done; echo
case foo in f*) echo matched;; esac
s="hello"; echo ${#s} ${s%lo} ${s#he}

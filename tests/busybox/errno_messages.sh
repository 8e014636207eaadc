# the error each failing call gets, as busybox words it
cat /nonexistent
mkdir /tmp/work/sub; mkdir /tmp/work/sub
touch sub/x; rmdir sub
cat sub
cd f 2>&1; touch f; cd f
ln -s a l; ln -s a l
ls -d l/x
rm sub
kill 99999 2>&1 | sed 's/99999/N/'
echo x > /proc/nonexistent
mkdir /proc/nonexistent; ln -s a /proc/nonexistent; rm /proc/nonexistent
mv /nonexistent here

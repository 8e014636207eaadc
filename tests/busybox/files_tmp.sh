mkdir -p /tmp/t/a/b && echo data > /tmp/t/a/b/x
cp /tmp/t/a/b/x /tmp/t/y && cat /tmp/t/y
mv /tmp/t/y /tmp/t/z && ls /tmp/t
ln -s /tmp/t/z /tmp/t/link && readlink /tmp/t/link && cat /tmp/t/link
chmod 640 /tmp/t/z && stat -c '%a %s %F' /tmp/t/z
stat -c '%F' /tmp/t/link /tmp/t/a
rm -r /tmp/t/a && ls /tmp/t
rm -rf /tmp/t; ls /tmp/t 2>&1

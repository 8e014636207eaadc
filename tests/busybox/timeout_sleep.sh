timeout 1 sleep 5; echo "rc=$?"
timeout 5 sleep 0.1; echo "rc=$?"

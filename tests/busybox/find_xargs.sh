mkdir -p d/e/f; touch d/1 d/e/2 d/e/f/3
find d -type f | sort
find d -name 2
find d -type f | sort | xargs echo files:
echo a b c | xargs -n1 echo item

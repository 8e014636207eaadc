a=1; (a=2; echo "inner $a"); echo "outer $a"
(cd /; pwd); pwd | grep -c work
echo $( echo nested $(echo deep) )

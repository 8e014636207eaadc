x=42
cat <<END
value $x
  indented
END
cat <<'END'
literal $x
END

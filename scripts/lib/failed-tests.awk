# Reads `dotnet test` console output and prints each failed test with its error message and the first frame of
# the project's own code, so the end of the test command's output says what failed without scrolling back.
# Usage: awk -v root="$ROOT/" -f scripts/lib/failed-tests.awk test.log
/^  Failed [^!]/ {
  shown++
  if (shown > 5) { next }
  printf "\n%s\n", substr($0, 3)
  mode = "name"; lines = 0; frame = 0
  next
}
mode != "" && /^  Error Message:/ { mode = "message"; next }
mode != "" && /^  Stack Trace:/ { mode = "stack"; next }
mode == "message" && lines < 8 { line = $0; sub(/^ +/, "", line); print "    " line; lines++; next }
mode == "stack" && !frame && /at MigrationProfile\./ {
  line = $0; sub(/^ +/, "", line); gsub(root, "", line)
  print "    " line; frame = 1; next
}
/^(Passed|Failed)!  -|^\[xUnit/ { mode = "" }
END {
  if (shown > 5) { printf "\n... and %d more failed tests (see the log)\n", shown - 5 }
}

#!/bin/sh
# tests/valgrind.sh - the CLI tables with every program under valgrind
# memcheck (make valgrind); ends with "N passed, N failed".
#
#   B=build sh tests/valgrind.sh                 every table
#   B=build VALGRIND_TESTS="merge weight" sh tests/valgrind.sh
#
# A memory error or any leak (definite, indirect or possible) fails its
# case (tests/cli.sh, VALGRIND=1).  One locale only (C.UTF-8): memcheck
# makes each run some forty times slower, and the programs' memory does
# not depend on the locale.  Needs a plain build: not SAN=1.
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
command -v valgrind > /dev/null || {
  echo "valgrind: not installed (sh tools/install-deps fuzz)" >&2; exit 2; }
log=$(mktemp "${TMPDIR:-/tmp}/minyi-valgrind.XXXXXX")
trap 'rm -f "$log"' EXIT
if [ -n "${VALGRIND_TESTS:-}" ]; then
  tables=$(for t in $VALGRIND_TESTS; do echo "tests/cli/$t.t"; done)
else
  tables=$(ls tests/cli/*.t)
fi
pass=0
fail=0
for t in $tables; do
  LC_ALL=C.UTF-8 B=$B VALGRIND=1 sh tests/cli.sh "$t" > "$log" 2>&1
  p=$(grep -c '^ok ' "$log")
  f=$(grep -c '^not ok ' "$log")
  echo "valgrind $(basename "$t"): $p ok"
  grep '^not ok \|^#' "$log" | sed 's/^/  /'
  pass=$((pass + p))
  fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

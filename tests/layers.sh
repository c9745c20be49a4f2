#!/bin/sh
# tests/layers.sh - lib/'s layers (see the Makefile's LAYERS): a file of
# lib/LAYER includes headers of its own layer and of those before it
# only, and no file of lib/ but lib/prog prints (stdio on stderr, error,
# printf).  Prints "ok" / "not ok" lines.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
layers=$(sed -n 's/^LAYERS = //p' Makefile)
i=0
for l in $layers; do
  i=$((i + 1))
  allowed=$(echo $layers | cut -d' ' -f1-$i | tr ' ' '|')
  bad=$(grep -n '#include "[a-z]*/' lib/$l/*.[ch] |
        grep -Ev "#include \"($allowed)/" || true)
  if [ -z "$bad" ]; then
    echo "ok - lib/$l includes only $allowed"
  else
    echo "not ok - lib/$l includes a later layer: $(echo "$bad" | head -n 3 | tr '\n' ' ')"
  fi
done
for l in $layers; do
  [ "$l" = prog ] && continue
  bad=$(grep -nE '\b(fprintf \(stderr|error \(|error_at_line|printf \(|puts \()' lib/$l/*.c |
        grep -v 'xalloc.c' || true)
  if [ -z "$bad" ]; then
    echo "ok - lib/$l does not print"
  else
    echo "not ok - lib/$l prints: $(echo "$bad" | head -n 3 | tr '\n' ' ')"
  fi
done

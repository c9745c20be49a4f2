#!/bin/sh
# tests/cli.sh FILE.t - run the command-line cases of one table file.
#
# A table file holds cases, each opened by a line "=== NAME".  Then:
#   cmd: SHELL COMMAND        run with sh, in tests/data, $B's programs first
#                             on PATH, $T a fresh scratch directory
#   exit: N                   expected exit status (default 0)
#   stdin:                    following lines (up to the next section) are
#                             the standard input (default: empty)
#   stdout:                   following lines are the exact standard output
#   stderr:                   following lines are the exact standard error
#   file NAME:                following lines are the exact content of $T/NAME
#   nofile NAME               $T/NAME must not exist
# A section that is absent is not checked (except exit).  Lines starting
# with "#" before the first case are comments; a blank line just before
# "===" only separates cases.  Each case prints
# "ok - FILE: NAME" or "not ok - FILE: NAME: what differed".
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
table=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-cli.XXXXXX")
vgbin=
trap 'rm -rf "$work" $vgbin' EXIT

# Split the table into one directory per case.
awk -v dir="$work" '
  function out(f) { return dir "/" n "/" f }
  # A blank line just before "===" separates cases; elsewhere it is data.
  blank && !/^=== / { if (sec != "") print "" > out(sec) }
  { blank = 0 }
  /^$/ { blank = 1; next }
  /^=== / { n++; system("mkdir -p " dir "/" n); sec = "";
            print substr($0, 5) > out("name"); next }
  n == 0 { next }
  /^cmd: / { print substr($0, 6) > out("cmd"); sec = ""; next }
  /^exit: / { print substr($0, 7) > out("exit"); sec = ""; next }
  /^nofile / { print substr($0, 8) >> out("nofile"); sec = ""; next }
  /^(stdin|stdout|stderr):$/ { sec = substr($0, 1, length($0) - 1);
                               printf "" > out(sec); next }
  /^file [^ ]+:$/ { f = substr($0, 6, length($0) - 6);
                    print f >> out("files"); sec = "file-" f;
                    printf "" > out(sec); next }
  sec != "" { print > out(sec) }
' "$table"

PATH="$top/$B:$PATH"
# Messages from the build tree's catalogues, in English unless a case
# sets LANGUAGE (gettext honours it in C.UTF-8, not in C).
unset LANGUAGE
MINYI_LOCALEDIR=$top/$B/locale
export MINYI_LOCALEDIR
# VALGRIND=1: every program runs under valgrind memcheck, through a
# wrapper of its name first on PATH.  A memory error or a leak (definite,
# indirect or possible) makes it exit 99, and its report, beside the
# case's scratch directory, fails the case.
# (valgrind finds the program on the PATH the wrapper sets, so that its
# argv[0] is the name the test used, as without the wrapper.)
if [ "${VALGRIND:-0}" = 1 ]; then
  vgbin=$(mktemp -d "${TMPDIR:-/tmp}/minyi-vg.XXXXXX")
  for p in "$top/$B"/minyi-*; do
    cat > "$vgbin/${p##*/}" <<EOF
#!/bin/sh
PATH="$top/$B:\$PATH" exec valgrind -q --error-exitcode=99 \\
  --leak-check=full --show-leak-kinds=definite,indirect,possible \\
  --errors-for-leak-kinds=definite,indirect,possible \\
  --suppressions="$top/tests/valgrind.supp" \\
  --log-file="%q{T}/../valgrind.%p.log" "${p##*/}" "\$@"
EOF
    chmod +x "$vgbin/${p##*/}"
  done
  PATH="$vgbin:$PATH"
fi
export PATH
base=$(basename "$table")
for c in $(ls "$work" | sort -n); do
  d="$work/$c"
  name=$(cat "$d/name")
  T="$d/scratch"
  mkdir -p "$T"
  export T
  want_rc=$(cat "$d/exit" 2>/dev/null || echo 0)
  [ -f "$d/stdin" ] || : > "$d/stdin"
  (cd "$top/tests/data" && timeout 300 sh -c "$(cat "$d/cmd")") \
    < "$d/stdin" > "$d/got-stdout" 2> "$d/got-stderr"
  rc=$?
  why=
  [ "$rc" = "$want_rc" ] || why="exit $rc, want $want_rc"
  for s in stdout stderr; do
    if [ -f "$d/$s" ] && ! cmp -s "$d/$s" "$d/got-$s"; then
      why="$why${why:+; }$s differs"
      diff -u "$d/$s" "$d/got-$s" | head -n 20 | sed 's/^/#   /'
    fi
  done
  if [ -f "$d/files" ]; then
    while read -r f; do
      if ! cmp -s "$d/file-$f" "$T/$f"; then
        why="$why${why:+; }file $f differs"
        diff -u "$d/file-$f" "$T/$f" 2>&1 | head -n 20 | sed 's/^/#   /'
      fi
    done < "$d/files"
  fi
  for v in "$d"/valgrind.*.log; do
    if [ -s "$v" ]; then
      why="$why${why:+; }valgrind: $(basename "$v")"
      head -n 20 "$v" | sed 's/^/#   /'
    fi
  done
  if [ -f "$d/nofile" ]; then
    while read -r f; do
      [ -e "$T/$f" ] && why="$why${why:+; }$f exists"
    done < "$d/nofile"
  fi
  if [ -z "$why" ]; then
    echo "ok - $base: $name"
  else
    echo "not ok - $base: $name: $why"
  fi
done

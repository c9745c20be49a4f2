#!/bin/sh
# tests/options.sh - one meaning per option letter across the suite, and
# the table of every option in minyi(7) true to each program's --help.
#
#   B=build sh tests/options.sh        (tests/run does this)
#
# From each $B/minyi-* --help: the pairs (letter, long option).  From
# man/minyi.7's "Options across the suite": one row per long option,
# ".It Fl Fl LONG Ta [Fl L] Ta PROGRAMS Ta meaning", PROGRAMS the short
# names (check, score...) or "all" (every program but minyi).  Checks,
# each printing "ok - ..." or "not ok - ...: why":
# 1. every option of every program is in the table, with its letter,
#    the program among the row's;
# 2. every program a row names has that option (no stale rows);
# 3. a letter means the same long option in every program.
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-opts.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

# "PROG LETTER LONG" for every option of the programs (LETTER - for none).
for p in "$B"/minyi-*; do
  n=${p##*/}
  n=${n#minyi-}
  "$p" --help | sed -n 's/^ \{1,\}\(-\(.\), \)\{0,1\}--\([a-z0-9-]*\).*/\2 \3/p' |
    while read -r a b; do
      if [ -z "$b" ]; then echo "$n - $a"; else echo "$n $a $b"; fi
    done
done | sort -u > "$work/help"
progs=$(awk '{ print $1 }' "$work/help" | sort -u | tr '\n' ' ')

# "LONG LETTER PROGRAMS..." from the table, "all" expanded.
sed -n '/^\.Ss Options across the suite$/,/^\.El$/p' man/minyi.7 |
  sed -n 's/^\.It Fl Fl \([a-z0-9-]*\) Ta \(Fl \(\\&\)\{0,1\}\(.\)\)\{0,1\} *Ta \([^T]*\) Ta .*/\1 \4 \5/p' |
  while read -r long rest; do
    case $rest in
      ?\ *) letter=${rest%% *}; list=${rest#* } ;;
      *) letter=-; list=$rest ;;
    esac
    [ "$list" = all ] && list=$progs
    echo "$long $letter $list"
  done > "$work/table"

if [ ! -s "$work/table" ]; then
  echo "not ok - man/minyi.7 has the table of options: not found"
  exit 0
fi
echo "ok - man/minyi.7 has the table of options ($(wc -l < "$work/table") rows)"

# 1. Every option of --help in the table, same letter, program listed.
while read -r prog letter long; do
  row=$(awk -v l="$long" '$1 == l' "$work/table")
  if [ -z "$row" ]; then
    echo "not ok - minyi-$prog --$long in minyi(7)'s table: no row"
    continue
  fi
  set -- $row
  want=$2
  shift 2
  case " $* " in
    *" $prog "*) ;;
    *) echo "not ok - minyi-$prog --$long in minyi(7)'s table: minyi-$prog not among '$*'"; continue ;;
  esac
  if [ "$want" != "$letter" ]; then
    echo "not ok - minyi-$prog --$long in minyi(7)'s table: letter '$letter' in --help, '$want' in the table"
    continue
  fi
  echo "ok - minyi-$prog --$long in minyi(7)'s table"
done < "$work/help"

# 2. No row names a program without the option.
while read -r long letter list; do
  for prog in $list; do
    grep -q "^$prog [^ ]* $long\$" "$work/help" ||
      echo "not ok - minyi(7)'s table: minyi-$prog has no --$long"
  done
done < "$work/table"
echo "ok - minyi(7)'s table names no option a program lacks"

# 3. One long option per letter.
awk '$2 != "-" { print $2, $3 }' "$work/help" | sort -u |
  awk '{ n[$1]++; l[$1] = l[$1] " --" $2 }
       END { for (k in n) if (n[k] > 1) print k, l[k] }' > "$work/clash"
if [ -s "$work/clash" ]; then
  while read -r k rest; do
    echo "not ok - -$k means one option in every program: it is $rest"
  done < "$work/clash"
else
  echo "ok - every letter means one option in every program"
fi

#!/bin/sh
# tests/threads.sh - minyi-score's --threads (prog/parallel.c) gives the
# same bytes whatever the threads: every survey of tests/data and data/,
# and generated files of several MiB (quoted fields holding line breaks,
# some placed exactly where a range is cut, CRLF and bare-CR line ends,
# rejected rows in every range, GB18030, a byte-order mark and a title
# row, several input files, a late line not UTF-8) are scored with -j 1,
# -j 2, -j 5, with the fast path off, and on standard input; tables,
# messages, rejects files and exit statuses compared.  MINYI_SPLIT_MIN
# makes small files worth cutting; MINYI_SPLIT_TRACE says whether the
# ranges were kept or given up for one thread, which is checked where
# the file decides it.  Prints TAP-style "ok" / "not ok" lines.
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-threads.XXXXXX")
trap 'rm -rf "$work"' EXIT
PATH="$top/$B:$PATH"
cd "$top" || exit 2

# alike A B: the files A and B are the same bytes, or both absent.
alike () {
  if [ -e "$1" ] || [ -e "$2" ]; then cmp -s "$1" "$2"; fi
}

# run TAG ENV... -- ARGS...: minyi-score ARGS with the environment ENV,
# outputs in $work/TAG.{out,err,rc,rej}.
run () {
  tag=$1
  shift
  env "$@" > "$work/$tag.out" 2> "$work/$tag.err"
  echo $? > "$work/$tag.rc"
}

# same NAME ARGS...: minyi-score ARGS (the last one the input) on one
# thread, on 2 and 5 (ranges of at least SPLIT bytes), with the fast
# path off on 3, and on standard input: all alike.
same () {
  name=$1
  shift
  last=
  for a in "$@"; do last=$a; done
  split=${SPLIT:-1}
  for j in 1 2 5; do
    run "$name.j$j" MINYI_SPLIT_MIN="$split" \
      MINYI_SPLIT_TRACE="$work/$name.trace" \
      minyi-score -j $j --rejects "$work/$name.j$j.rej" "$@"
  done
  run "$name.off" MINYI_FASTPATH=0 MINYI_SPLIT_MIN="$split" \
    minyi-score -j 3 --rejects "$work/$name.off.rej" "$@"
  run "$name.in" MINYI_SPLIT_MIN="$split" sh -c \
    'f=$1; shift; exec minyi-score -j 2 "$@" < "$f"' sh "$last" "$@"
  bad=
  for t in j2 j5 off; do
    for part in out err rc rej; do
      alike "$work/$name.j1.$part" "$work/$name.$t.$part" ||
        bad="$bad $t.$part"
    done
  done
  # On standard input the name in messages differs: the table and the
  # status must not.  (The last operand was the file, now read from
  # standard input, so it is a second reading of it there.)
  for part in out rc; do
    cmp -s "$work/$name.j1.$part" "$work/$name.in.$part" || bad="$bad in.$part"
  done
  if [ -z "$bad" ] && [ -s "$work/$name.j1.rc" ]; then
    echo "ok - threads: $name: the same bytes with -j 1, 2, 5, fast path off"
  else
    echo "not ok - threads: $name:$bad"
    for t in j2 j5 off; do
      diff "$work/$name.j1.err" "$work/$name.$t.err" | head -n 4 |
        sed 's/^/#   /'
      diff "$work/$name.j1.out" "$work/$name.$t.out" | head -n 4 |
        sed 's/^/#   /'
    done
  fi
}

# The suite's surveys with an item q1, and the sample survey with its
# codebook.
for f in tests/data/*.csv data/survey.csv; do
  h=$(head -n 1 "$f" | tr -d '\r')
  case ",$h," in
    *,cadre,*q1,*) ;;
    *) continue ;;
  esac
  name=data-$(basename "$f" .csv)
  if [ "$f" = data/survey.csv ]; then
    same "$name" -c data/codebook.csv -w weight "$f"
  else
    # (standard input: the file is no operand, and an operand "-" is.)
    same "$name" -i q1 -s 4..5 -g cadre "$f"
  fi
done

# gen ROWS SEED: a 12-column survey, about one row in 8 a hard case
# (tests/gen-survey.pl): quoted fields with line breaks (LF or CRLF),
# CRLF, bare-CR and blank line ends, stray quotes, bytes not UTF-8, NUL
# bytes, ragged rows: rejected rows in every range.
gen () {
  perl "$top/tests/gen-survey.pl" "$1" "$2" 1
}
S='-i q_overall -s 4..5 -g cadre -w weight'

gen 60000 1 > "$work/hostile.csv"               # about 5 MiB
# shellcheck disable=SC2086
SPLIT=1000000 same hostile $S "$work/hostile.csv"
# shellcheck disable=SC2086
SPLIT=100000 same hostile-many $S "$work/hostile.csv"
if grep -q ': [2-9] ranges$' "$work/hostile.trace" &&
   grep -q ': [0-9]* ranges$' "$work/hostile-many.trace"; then
  echo "ok - threads: the hostile file is read in ranges"
else
  echo "not ok - threads: the hostile file was not read in ranges"
  sed 's/^/#   /' "$work/hostile.trace" "$work/hostile-many.trace"
fi

# cut_file N SHIFT FOOL: put, where each of N ranges would be cut, a
# quoted field whose line break is SHIFT bytes before the cut (0: the
# cut falls inside the quote; 1: the line break is the byte before it,
# so the cut is after a record that spans two lines).  With FOOL, the
# quoted field holds a line that looks like a record (the cut moves on
# to such a line, parallel.c's record_start), so that the cut stays
# inside it.  Rows have a fixed width, so the cuts are known beforehand.
cut_file () {
  perl -e '
    my ($n, $shift, $fool) = @ARGV;
    my $head = "wave,cadre,note,q_overall\n";
    my $pre = length("2026Q1,C000,");       # where the note starts
    my $fake = "2026Q1,C001,zz,4\n";        # a record, inside the quote
    my $room = 57 - ($fool ? length($fake) : 0);
    # The first row made D bytes longer moves the cuts against the rows:
    # with FOOL, try until every cut is followed by the fake record.
    for my $d (0 .. 80) {
      my @rows;
      for my $i (0 .. 39999) {
        push @rows, sprintf("2026Q1,C%03d,%s,%d\n", $i % 97,
                            "x" x (60 + ($i ? 0 : $d)), 1 + $i % 5);
      }
      my @start;
      my $at = length($head);
      for (@rows) { push @start, $at; $at += length($_) }
      my $size = $at;
      my @p;
      for my $i (1 .. $n - 1) {
        my $p = int($size / $n) * $i - $shift; # where its LF must be
        push @p, $p + $shift;
        my $r = 0;
        $r++ while $r + 1 < @start && $start[$r + 1] <= $p;
        my $off = $p - $start[$r] - $pre - 1;
        $off = 1 if $off < 1;
        $off = $room - 1 if $off > $room - 1;
        my $note = "\"" . ("y" x $off) . "\n" . ($fool ? $fake : "")
                   . ("y" x ($room - $off)) . "\"";
        substr($rows[$r], $pre, 60) = $note;
      }
      my $all = join("", $head, @rows);
      my $good = 1;
      for my $p (@p) {
        my $cut = index($all, "\n", $p) + 1;
        $good = 0 if $fool && substr($all, $cut, length($fake)) ne $fake;
      }
      if ($good || $d == 80) { print $all; last }
    }
  ' "$@"
}
cut_file 2 0 0 > "$work/cut-in.csv"
cut_file 2 0 1 > "$work/cut-fooled.csv"
cut_file 2 1 0 > "$work/cut-after.csv"
for f in cut-in cut-fooled cut-after; do
  for j in 1 2; do
    MINYI_SPLIT_MIN=1000 MINYI_SPLIT_TRACE="$work/$f.trace" \
      minyi-score -j $j -i q_overall -s 4..5 -g cadre --rejects \
      "$work/$f.j$j.rej" "$work/$f.csv" > "$work/$f.j$j.out" 2>&1
    echo $? >> "$work/$f.j$j.out"
  done
done
ok=yes
for f in cut-in cut-fooled cut-after; do
  cmp -s "$work/$f.j1.out" "$work/$f.j2.out" &&
    cmp -s "$work/$f.j1.rej" "$work/$f.j2.rej" || ok="no ($f)"
done
if [ "$ok" = yes ] &&
   grep -q ': 2 ranges$' "$work/cut-in.trace" &&
   grep -q ': 2 ranges, given up: one thread$' "$work/cut-fooled.trace" &&
   grep -q ': 2 ranges$' "$work/cut-after.trace"; then
  echo "ok - threads: cuts at quoted line breaks: moved past, given up when fooled, kept just after"
else
  echo "not ok - threads: cuts at quoted line breaks: $ok"
  sed 's/^/#   /' "$work/cut-in.trace" "$work/cut-fooled.trace" \
    "$work/cut-after.trace"
fi
# The same with five ranges, cuts inside quotes.
cut_file 5 0 1 > "$work/cut5.csv"
SPLIT=1000 same cut5 -i q_overall -s 4..5 -g cadre "$work/cut5.csv"

# CRLF throughout, with rejected rows.
gen 40000 2 | perl -pe 's/\r?\n/\r\n/' > "$work/crlf.csv"
# shellcheck disable=SC2086
SPLIT=100000 same crlf $S "$work/crlf.csv"

# GB18030 (recognised by itself), with rejected rows.
gen 40000 3 | perl -ne 'print unless /\xB3\xC7\xB9\xD8|\0/' |
  iconv -c -f UTF-8 -t GB18030 > "$work/gb.csv"
# shellcheck disable=SC2086
SPLIT=100000 same gb18030 $S "$work/gb.csv"
if grep -q 'read as GB18030' "$work/gb18030.j2.err" &&
   grep -q ': 5 ranges$' "$work/gb18030.trace"; then
  echo "ok - threads: GB18030 read in ranges"
else
  echo "not ok - threads: GB18030 not read in ranges"
fi

# A byte-order mark and a title row above the header.
{ printf '\357\273\277紫阳县2026年第一季度群众满意度调查,,\n'; gen 30000 4; } \
  > "$work/bom-title.csv"
# shellcheck disable=SC2086
SPLIT=100000 same bom-title $S "$work/bom-title.csv"
if grep -q 'row above the header on line 2 skipped' "$work/bom-title.j2.err" &&
   [ -s "$work/bom-title.j2.out" ]; then
  echo "ok - threads: the title row is skipped"
else
  echo "not ok - threads: the title row is not skipped"
fi

# Several input files.
gen 20000 5 > "$work/one.csv"
gen 20000 6 > "$work/two.csv"
for j in 1 3; do
  MINYI_SPLIT_MIN=100000 minyi-score -j $j $S --rejects "$work/multi.j$j.rej" \
    "$work/one.csv" "$work/two.csv" > "$work/multi.j$j.out" \
    2> "$work/multi.j$j.err"
  echo $? >> "$work/multi.j$j.out"
done
if cmp -s "$work/multi.j1.out" "$work/multi.j3.out" &&
   cmp -s "$work/multi.j1.err" "$work/multi.j3.err" &&
   cmp -s "$work/multi.j1.rej" "$work/multi.j3.rej"; then
  echo "ok - threads: several input files"
else
  echo "not ok - threads: several input files"
fi

# A FIFO whose bytes the guess copied to a temporary file (not UTF-8
# throughout): a regular file is read then, but its name is the FIFO's,
# which the ranges must not open again (that waited for ever).
mkfifo "$work/fifo"
# shellcheck disable=SC2086
(cat "$work/hostile.csv" > "$work/fifo" &)
# shellcheck disable=SC2086
MINYI_SPLIT_MIN=100000 timeout 60 minyi-score -j 2 $S "$work/fifo" \
  > "$work/fifo.out" 2> "$work/fifo.err"
echo $? > "$work/fifo.rc"
if cmp -s "$work/fifo.out" "$work/hostile.j1.out" &&
   cmp -s "$work/fifo.rc" "$work/hostile.j1.rc"; then
  echo "ok - threads: a FIFO copied to a temporary file is read on one thread"
else
  echo "not ok - threads: a FIFO copied to a temporary file"
  head -n 4 "$work/fifo.err" | sed 's/^/#   /'
fi

# A late line not UTF-8 after a first MiB of UTF-8 (rejected as in a
# mixed input), and after a first MiB of ASCII (where the guess is made:
# GB18030 from there on, minyi-formats(5)): the range that meets it
# cannot know what came before, so one thread reads.
perl -e 'print "wave,cadre,q\n"; for (1 .. 150000) {
  printf "2026Q1,%s%04d,%d\n", "城" x ($_ < 5), $_ % 300, $_ % 5 + 1 }
  print "2026Q1,\xB3\xC7,4\n"; for (1 .. 1000) { print "2026Q1,C1,4\n" }' \
  > "$work/late-utf8.csv"
perl -e 'print "wave,cadre,q\n"; for (1 .. 150000) {
  printf "2026Q1,C%04d,%d\n", $_ % 300, $_ % 5 + 1 }
  print "2026Q1,\xB3\xC7,4\n"; for (1 .. 1000) { print "2026Q1,C1,4\n" }' \
  > "$work/late-ascii.csv"
SPLIT=100000 same late-utf8 -i q -s 4..5 "$work/late-utf8.csv"
SPLIT=100000 same late-ascii -i q -s 4..5 "$work/late-ascii.csv"
if grep -q ': 2 ranges, given up: one thread$' "$work/late-ascii.trace" &&
   grep -q '^城,' "$work/late-ascii.j2.out"; then
  echo "ok - threads: late-ascii: GB18030 decided late, read on one thread"
else
  echo "not ok - threads: late-ascii: not given up, or not read as GB18030"
  sed 's/^/#   /' "$work/late-ascii.trace"
fi

# Groups too many for the threads (mn_scorer_spread): a range gives
# the threads up at its 65536th record when the groups it met say the
# whole range will have fewer than 8 rows a group, and one thread reads.
# Two ranges of 100,000 rows: a new cadre on every row (1 row a group),
# and 20,000 cadres (5 rows a group in a range) give up; 2,000 cadres
# (50 rows a group in a range) are kept.
perl -e 'print "wave,cadre,q\n"; for (1 .. 200000) {
  printf "2026Q1,K%06d,%d\n", $_, $_ % 5 + 1 }' > "$work/spread.csv"
perl -e 'print "wave,cadre,q\n"; for (1 .. 200000) {
  printf "2026Q1,K%06d,%d\n", $_ % 20000, $_ % 5 + 1 }' \
  > "$work/spread-thin.csv"
perl -e 'print "wave,cadre,q\n"; for (1 .. 200000) {
  printf "2026Q1,K%06d,%d\n", $_ % 2000, $_ % 5 + 1 }' \
  > "$work/spread-not.csv"
SPLIT=100000 same spread -i q -s 4..5 "$work/spread.csv"
SPLIT=100000 same spread-thin -i q -s 4..5 "$work/spread-thin.csv"
SPLIT=100000 same spread-not -i q -s 4..5 "$work/spread-not.csv"
if grep -q ': 2 ranges, given up: one thread$' "$work/spread.trace" &&
   grep -q ': 2 ranges, given up: one thread$' "$work/spread-thin.trace" &&
   grep -q ': 2 ranges$' "$work/spread-not.trace" &&
   ! grep -q 'given up' "$work/spread-not.trace"; then
  echo "ok - threads: groups with few rows a range give the threads up"
else
  echo "not ok - threads: groups with few rows a range: threads not given up"
  sed 's/^/#   /' "$work/spread.trace" "$work/spread-thin.trace" \
    "$work/spread-not.trace"
fi

# --progress on several threads: the same table, the bytes of all the
# ranges summed (the last line shown is past the first range).
MINYI_SPLIT_MIN=100000 minyi-score -j 2 --progress $S "$work/hostile.csv" \
  > "$work/prog.out" 2> "$work/prog.err"
if cmp -s "$work/prog.out" "$work/hostile.j1.out" &&
   grep -aq 'hostile.csv: [0-9.]* MB of [0-9.]* MB' "$work/prog.err"; then
  echo "ok - threads: --progress"
else
  echo "not ok - threads: --progress"
  head -n 3 "$work/prog.err" | sed 's/^/#   /'
fi

# minyi-check on two threads (prog/pipe.c: one reads and checks each
# record's cells, the other finds duplicates, counts and writes): the
# same clean rows, messages, rejects file, report and exit status as on
# one, with the fast path off too; on standard input the same clean
# rows and status.
# same_check NAME INPUT ARGS... (with STDIN=0, no standard input run:
# ARGS name other inputs)
same_check () {
  label=$1
  name=c-$1
  input=$2
  shift 2
  for v in j1 j2 off; do
    case $v in
      j1) j=1 e=MINYI_FASTPATH=1 ;;
      j2) j=2 e=MINYI_FASTPATH=1 ;;
      off) j=2 e=MINYI_FASTPATH=0 ;;
    esac
    run "$name.$v" "$e" MINYI_PIPE_MIN=0 minyi-check -j $j --rejects "$work/$name.$v.rej" \
      --report "$work/$name.$v.rep" "$@" "$input"
  done
  if [ "${STDIN:-1}" = 1 ]; then
    run "$name.in" MINYI_PIPE_MIN=0 \
      sh -c 'f=$1; shift; exec minyi-check -j 2 "$@" < "$f"' \
      sh "$input" "$@"
  else
    cp "$work/$name.j1.out" "$work/$name.in.out"
    cp "$work/$name.j1.rc" "$work/$name.in.rc"
  fi
  bad=
  for t in j2 off; do
    for part in out err rc rej rep; do
      alike "$work/$name.j1.$part" "$work/$name.$t.$part" ||
        bad="$bad $t.$part"
    done
  done
  for part in out rc; do
    alike "$work/$name.j1.$part" "$work/$name.in.$part" || bad="$bad in.$part"
  done
  if [ -z "$bad" ]; then
    echo "ok - threads: minyi-check $label: the same bytes on one thread and two"
  else
    echo "not ok - threads: minyi-check $label: differs:$bad"
    diff "$work/$name.j1.err" "$work/$name.j2.err" | head -n 5 |
      sed 's/^/#   /'
  fi
}

same_check sample data/survey.csv -c data/codebook.csv -R data/roster.csv
(cd tests/data && for f in check.csv check-reordered.csv check-stray.csv \
    check-bom.csv check-dupcol.csv; do echo "tests/data/$f"; done) |
while read -r f; do
  same_check "$(basename "$f" .csv)" "$f" -c tests/data/codebook4.csv \
    -R tests/data/roster.csv
done
same_check gb18030 tests/data/check-gb18030.csv -c tests/data/codebook4.csv \
  --wave 波次 --township 乡镇 --cadre 干部 --household 农户
same_check collectors tests/data/collectors.csv \
  -c tests/data/collectors-codebook.csv

# The generated surveys: hard records in every batch of the reader
# thread, a record of 1 MiB (larger than a batch holds), rows repeated
# (duplicates found by the second thread, the first already past them),
# every row rejected (no roster entry), and GB18030.
printf '%s\n' 'item,column,label,values,satisfied,dontknow,weight' \
  'overall,q_overall,overall,1..5,4..5,,1' 'q2,q2,q2,1..5,4..5,,1' \
  'q3,q3,q3,1..5,4..5,,1' > "$work/gen-codebook.csv"
same_check hostile "$work/hostile.csv" -c "$work/gen-codebook.csv"
{
  gen 3000 7
  printf '2026Q2,汉王镇,村2,8组,H9,villager,C002,S5,0.5,1,5,"%s"\n' \
    "$(head -c 1048576 /dev/zero | tr '\0' x)"
  gen 3000 8 | sed 1d
  gen 3000 7 | sed 1d | head -n 2000
} > "$work/dups.csv"
same_check dups "$work/dups.csv" -c "$work/gen-codebook.csv"
same_check unknown "$work/hostile.csv" -c "$work/gen-codebook.csv" \
  -R data/roster.csv
same_check gb "$work/gb.csv" -c "$work/gen-codebook.csv"
STDIN=0 same_check several "$work/one.csv" -c "$work/gen-codebook.csv" \
  "$work/two.csv" tests/data/check.csv

# Records of 8 MiB, four of them, each after a few hundred short rows
# (quoted, 80,000 line breaks each) and before a row whose household
# is 4 MiB long: the reader thread borrows such a record instead of
# copying it into its batch, waits for it to be finished, and lets go
# of the cells it kept of it then (prog/pipe.c), so that two threads
# take no more memory than one, give or take the ring's 2 MiB (a copy
# of each in a batch: 40 MiB more).
perl -e 'print "wave,township,village,group,household,respondent_type,",
  "cadre,collector,weight,q_overall,q2,q3\n";
  for my $k (1 .. 4) {
    print "2026Q1,T,V,G,H$k-$_,villager,C$_,S1,1,4,3,5\n" for 1 .. 300;
    print "2026Q1,T,V,G,HB$k,villager,C1,S1,1,4,3,\"",
      ("x" x 99 . "\n") x 80000, "\"\n";
    print "2026Q1,T,V,G,H", "$k" x 4194304, ",villager,C1,S1,1,4,3,5\n" }' \
  > "$work/long.csv"
same_check long-records "$work/long.csv" -c "$work/gen-codebook.csv"
case $B in
  *san*) mem=no ;;             # the sanitizers' own memory would count
  *) mem=yes ;;
esac
if [ -x /usr/bin/time ] && [ $mem = yes ]; then
  # (glibc's malloc with its default threshold for mapping a block
  # apart, which it otherwise raises to the longest block freed: the
  # memory then measured is what the program keeps, not what the
  # second thread's arena caches.)
  for j in 1 2; do
    MALLOC_MMAP_THRESHOLD_=131072 /usr/bin/time -o "$work/long.j$j.mem" \
      -f %M minyi-check -q -j $j \
      -c "$work/gen-codebook.csv" -o "$work/long.j$j.csv" \
      --rejects "$work/long.j$j.rej" "$work/long.csv"
  done
  m1=$(tail -n 1 "$work/long.j1.mem")
  m2=$(tail -n 1 "$work/long.j2.mem")
  if [ "$m2" -lt $((m1 + 4096)) ]; then
    echo "ok - threads: minyi-check: records of 8 MiB not copied ($m1 KB, $m2 KB on two threads)"
  else
    echo "not ok - threads: minyi-check: records of 8 MiB: $m1 KB on one thread, $m2 KB on two"
  fi
else
  echo "ok - threads: minyi-check: records of 8 MiB # SKIP no /usr/bin/time, or a sanitizer build"
fi

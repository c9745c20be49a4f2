#!/bin/sh
# tests/fastpath.sh - the reader's fast path (io/reader.c, fast_line)
# gives the same bytes as libcsv alone: minyi-score and minyi-check run
# with MINYI_FASTPATH=0 and with the fast path on, on generated surveys
# with quoted fields, doubled quotes, embedded LF and CRLF, CRLF and
# bare-CR line ends, blank lines, stray and unterminated quotes, invalid
# UTF-8, NUL bytes and ragged rows sprinkled through them; their tables,
# messages, rejects files and exit statuses compared.  A file over the
# encoding guess's prefix (1 MiB) is among them, and each is also read
# on standard input.  (tests/run also runs every CLI table with the fast
# path off.)  The fast path runs with each of its scanners: sixteen
# bytes at a time (SSE2) and eight (MINYI_FASTPATH=word), the latter
# portable.  Prints TAP-style "ok" / "not ok" lines.
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-fastpath.XXXXXX")
trap 'rm -rf "$work"' EXIT
PATH="$top/$B:$PATH"

# gen ROWS SEED HOSTILE: tests/gen-survey.pl.
gen () {
  perl "$top/tests/gen-survey.pl" "$@"
}

gen 3000 1 1 > "$work/hostile.csv"
gen 40000 2 1 > "$work/big.csv"          # over the guess's 1 MiB prefix
gen 3000 3 2 > "$work/unterminated.csv"  # ends inside a quoted field
gen 3000 4 0 > "$work/plain.csv"
# The scanner's blocks (8 or 16 bytes): cells of every length 0 to 40,
# so that delimiters, line ends (LF, CRLF, bare CR), quotes, NUL bytes,
# Chinese and stray bytes fall at every offset of a block, and lines
# across the 64 KiB read buffer's end at many offsets.
perl -e '
  srand 7;
  print "wave,township,cadre,q_overall,q2,q3,weight\n";
  for my $i (1 .. 12000) {
    my $t = "t" x ($i % 41);
    my $c = "C" . ($i % 97);
    my $r = rand;
    substr ($t, rand (length $t), 0) = "\xe5\x9f\x8e" if $r < 0.2 && $t ne "";
    substr ($t, rand (length $t), 0) = "\xff" if $r > 0.995 && $t ne "";
    substr ($t, rand (length $t), 0) = "\0" if $r > 0.99 && $r <= 0.995;
    $t = "\"$t,x\"" if $r > 0.98 && $r <= 0.99;
    my $q = 1 + $i % 5;
    my $line = "2026Q1,$t,$c,$q,3,4," . (1 + $i % 7) / 2;
    my $end = $r < 0.1 ? "\r\n" : $r < 0.12 ? "\r" : "\n";
    $end .= "\n" if $r > 0.5 && $r < 0.51;      # a blank line
    print $line, $end;
  }' > "$work/blocks.csv"
printf '%s\n' item,column,label,values,satisfied,dontknow,weight \
  overall,q_overall,overall,1..5,4..5,,2 two,q2,two,1..5,4..5,,1 \
  three,q3,three,1..5,4..5,,1 > "$work/codebook.csv"

run () { # run MODE NAME CMD...: outputs in $work/MODE.NAME.*
  mode=$1 name=$2
  shift 2
  case $mode in
    off) fp=0 ;;
    word) fp=word ;;    # the scanner eight bytes at a time
    *) fp=1 ;;          # sixteen where the processor can
  esac
  MINYI_FASTPATH=$fp "$@" > "$work/$mode.$name.out" 2> "$work/$mode.$name.err"
  echo $? > "$work/$mode.$name.rc"
}

for f in hostile big unterminated plain blocks; do
  for mode in off on word; do
    run $mode "score-$f" minyi-score -i q_overall -s 4..5 -g cadre -w weight \
      --rejects "$work/$mode.score-$f.rej" "$work/$f.csv"
    run $mode "stdin-$f" sh -c "minyi-score -i q_overall -s 4..5 -g township,cadre \
      --rejects '$work/$mode.stdin-$f.rej' < '$work/$f.csv'"
    run $mode "check-$f" minyi-check -c "$work/codebook.csv" \
      --rejects "$work/$mode.check-$f.rej" "$work/$f.csv"
  done
  for what in score stdin check; do
    t=$what-$f
    for mode in on word; do
      same=yes
      for part in out err rc rej; do
        cmp -s "$work/off.$t.$part" "$work/$mode.$t.$part" ||
          same="no ($part)"
      done
      if [ "$same" = yes ] && [ -s "$work/$mode.$t.out" ] &&
         [ -s "$work/$mode.$t.rej" ] ||
         { [ "$same" = yes ] && [ $f = plain ]; }; then
        echo "ok - fast path ($mode) and off: $t"
      else
        echo "not ok - fast path ($mode) and off: $t: $same"
        diff "$work/off.$t.err" "$work/$mode.$t.err" | head -n 5 |
          sed 's/^/#   /'
      fi
    done
  done
done

# The encoding guess on an input longer than its 1 MiB window
# (minyi-formats(5)): a later line that is not UTF-8, after UTF-8 lines,
# is rejected as in a mixed input, the table and rejected rows as -E
# UTF-8 gives them (the message says "unlike the rest of the file");
# after ASCII lines only, the guess is made at the first line that is
# not ASCII, there GB18030, and the table is -E GB18030's (it stopped
# the run, asking for --encoding).
gen 40000 6 0 > "$work/late.csv"
printf '2026Q1,\263\307,v,1,H1,villager,C001,S1,1,4,4,4\n' >> "$work/late.csv"
minyi-score -i q_overall -s 4..5 -g cadre --rejects "$work/late.rej" \
  "$work/late.csv" > "$work/late.out" 2> "$work/late.err"
rc=$?
minyi-score -E UTF-8 -i q_overall -s 4..5 -g cadre \
  --rejects "$work/late-e.rej" "$work/late.csv" > "$work/late-e.out" \
  2> /dev/null
if [ $rc = 1 ] && cmp -s "$work/late.out" "$work/late-e.out" &&
   [ "$(wc -l < "$work/late.rej")" = "$(wc -l < "$work/late-e.rej")" ] &&
   grep -aq 'is not valid UTF-8 (unlike the rest of the file; see --encoding)' \
     "$work/late.err"; then
  echo "ok - guess: a late line not UTF-8 is rejected as in a mixed input"
else
  echo "not ok - guess: a late line not UTF-8 (status $rc)"
fi
awk 'BEGIN { print "wave,cadre,q"; for (i = 0; i < 200000; i++)
  printf "2026Q1,C%04d,%d\n", i % 300, i % 5 + 1 }' > "$work/ascii.csv"
printf '2026Q1,\263\307,4\n' >> "$work/ascii.csv"
minyi-score -i q -s 4..5 -g cadre "$work/ascii.csv" > "$work/ascii.out" \
  2> "$work/ascii.err"
rc=$?
cat "$work/ascii.csv" | minyi-score -q -i q -s 4..5 -g cadre \
  > "$work/ascii-p.out"
minyi-score -q -E GB18030 -i q -s 4..5 -g cadre "$work/ascii.csv" \
  > "$work/ascii-e.out"
if [ $rc = 0 ] && cmp -s "$work/ascii.out" "$work/ascii-e.out" &&
   cmp -s "$work/ascii-p.out" "$work/ascii-e.out" &&
   [ "$(tail -n 1 "$work/ascii.out" | cut -d, -f1)" = "$(printf '\345\237\216')" ]; then
  echo "ok - guess: GB18030 after a first MiB of ASCII, decided at its first line"
else
  echo "not ok - guess: GB18030 after ASCII (status $rc)"
  sed 's/^/#   /' "$work/ascii.err"
fi

# --progress: the same table, and progress lines on standard error (the
# first look, at the first record, always shows one: "1 record"); none without it
# when standard error is no terminal.
minyi-score -q -i q_overall -s 4..5 "$work/late.csv" > "$work/p0.out" 2>&1
minyi-score --progress -i q_overall -s 4..5 "$work/late.csv" \
  > "$work/p1.out" 2> "$work/p1.err"
cat "$work/late.csv" | minyi-score --progress -i q_overall -s 4..5 \
  > "$work/p2.out" 2> "$work/p2.err"
minyi-score -i q_overall -s 4..5 "$work/late.csv" > /dev/null 2> "$work/p3.err"
if cmp -s "$work/p0.out" "$work/p1.out" && cmp -s "$work/p0.out" "$work/p2.out" &&
   grep -aq '^minyi-score: .*late.csv: [0-9.]* MB of [0-9.]* MB ([0-9]*%), 1 record, [0-9.]* MB/s' \
     "$work/p1.err" &&
   grep -aq '^minyi-score: (standard input): [0-9.]* MB, 1 record, [0-9.]* MB/s$' \
     "$work/p2.err" &&
   ! grep -aq 'MB/s' "$work/p3.err"; then
  echo "ok - --progress: the same table, progress on standard error"
else
  echo "not ok - --progress"
  head -n 3 "$work/p1.err" "$work/p2.err" | sed 's/^/#   /'
fi

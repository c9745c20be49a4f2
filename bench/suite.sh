#!/bin/sh
# bench/suite.sh BUILD - the wider benchmark of the suite (make bench-suite):
# minyi-score, minyi-check and minyi-rank on county-model surveys.
#
# Generates synthetic surveys with build/gen-sample (deterministic), then
# times, on each, in the same run:
#   minyi-score   rates, intervals, item means and the composite index
#   minyi-score -w  the same with survey weights: every weighted sum kept
#                 exactly (lib/stats/xsum.c), the heaviest path
#   shards+merge  two halves scored with --partial, added by minyi-merge
#   awk           satisfied share per cadre only (one hash, one pass)
#   datamash      count per cadre only (-s: sorts its input first)
#   minyi-check   every check, the report's statistics, duplicates
#   awk-dedup     duplicate removal only (one hash of all keys seen)
# Each command runs RUNS times; the table gives the median wall time and
# the largest resident set size (GNU time's %M).  Memory must follow the
# number of cadres, not of rows: compare rows x4 with cadres x3.
set -eu
B=${1:-build}
RUNS=${RUNS:-5}
sh tools/install-deps bench
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# name cadres waves
sets="small 3000 4
rows-x4 3000 16
cadres-x3 9000 4"

median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure () { # measure LABEL CMD: print "LABEL median_s max_rss_kib"
  label=$1; shift
  : > "$work/times"; : > "$work/rss"
  i=0
  while [ $i -lt "$RUNS" ]; do
    /usr/bin/time -f "%e %M" -o "$work/t" sh -c "$* 2>/dev/null" > /dev/null || true
    # GNU time puts "Command exited with non-zero status" first.
    tail -n 1 "$work/t" | cut -d' ' -f1 >> "$work/times"
    tail -n 1 "$work/t" | cut -d' ' -f2 >> "$work/rss"
    i=$((i + 1))
  done
  printf '%-14s %8s s %9s KiB\n' "$label" "$(median < "$work/times")" \
    "$(sort -n "$work/rss" | tail -n 1)"
}

echo "$sets" | while read -r name cadres waves; do
  d="$work/$name"
  "$B/gen-sample" --cadres "$cadres" --waves "$waves" --outdir "$d"
  rows=$(($(wc -l < "$d/survey.csv") - 1))
  size=$(du -k "$d/survey.csv" | cut -f1)
  echo "== $name: $cadres cadres, $rows rows, $size KiB (median of $RUNS runs)"
  echo "-- scoring: rates per cadre"
  measure minyi-score "$B/minyi-score -q -c $d/codebook.csv $d/survey.csv"
  measure minyi-score-w "$B/minyi-score -q -w weight -c $d/codebook.csv $d/survey.csv"
  half=$(( (rows + 1) / 2 + 1 ))
  head -n "$half" "$d/survey.csv" > "$d/h1.csv"
  { head -n 1 "$d/survey.csv"; tail -n +"$((half + 1))" "$d/survey.csv"; } > "$d/h2.csv"
  measure shards+merge "$B/minyi-score -q --partial -c $d/codebook.csv $d/h1.csv > $d/p1.csv &
    $B/minyi-score -q --partial -c $d/codebook.csv $d/h2.csv > $d/p2.csv; wait;
    $B/minyi-merge -q $d/p1.csv $d/p2.csv"
  measure awk "awk -F, 'NR > 1 { n[\$7]++; if (\$10 == \"满意\" || \$10 == \"基本满意\") s[\$7]++ }
    END { for (k in n) print k, s[k] / n[k] }' $d/survey.csv"
  measure datamash "datamash -t, -H -s -g 7 count 10 < $d/survey.csv"
  echo "-- checking: every row validated, duplicates found"
  measure minyi-check "$B/minyi-check -q -c $d/codebook.csv -R $d/roster.csv $d/survey.csv"
  measure awk-dedup "awk -F, '!seen[\$1, \$5, \$7]++' $d/survey.csv"
done

# Memory of minyi-check follows distinct (wave, household, cadre) triples,
# not rows: the same survey four times over (every extra row a duplicate,
# rejected) must not need more memory than once.
d="$work/small"
{ cat "$d/survey.csv"; for i in 1 2 3; do tail -n +2 "$d/survey.csv"; done; } \
  > "$work/dup4.csv"
echo "== the small survey four times over: $(($(wc -l < "$work/dup4.csv") - 1)) rows, 3/4 of them duplicates"
measure minyi-check "$B/minyi-check -q -c $d/codebook.csv -R $d/roster.csv $work/dup4.csv"
measure awk-dedup "awk -F, '!seen[\$1, \$5, \$7]++' $work/dup4.csv"

# minyi-rank: 10,000 cadres x 10,000 draws (the design's target), one
# stratum, so that the rank quantiles need the second pass over the same
# seeded draws (lib/stats/rank.c); and 1,000 cadres (one pass).
awk 'BEGIN { print "cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method"
  for (i = 1; i <= 10000; i++) { n = 10 + (i * 37) % 190; s = int(n * (0.6 + 0.4 * ((i * 7919) % 1000) / 1000))
    printf "K%05d,%d,%d,%d,%.17g,0,1,0,0,0.95,wilson\n", i, n, n, s, s / n } }' > "$work/rank10k.csv"
head -n 1001 "$work/rank10k.csv" > "$work/rank1k.csv"
echo "== minyi-rank: simulated rank intervals, 10000 draws"
RUNS=1 measure rank-1k "$B/minyi-rank -q --by-stat rate $work/rank1k.csv"
RUNS=1 measure rank-10k "$B/minyi-rank -q --by-stat rate $work/rank10k.csv"

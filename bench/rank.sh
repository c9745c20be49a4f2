#!/bin/sh
# bench/rank.sh [BUILD] - time minyi-rank on 10,000 cadres x 10,000 draws,
# the target of issue 9, on one thread and on the default (one per
# processor online).
#
# The score table is made by awk (deterministic): 10,000 cadres in one
# stratum, 10 to 199 answers each, rates 0.6 to 1; ranked by rate with
# the default 10,000 draws, so that the rank quantiles take two passes
# over the seeded draws (lib/stats/rank.c); 1,000 cadres (one pass) for
# comparison.  Each command runs RUNS times (default 5); the table gives
# the median wall time, the median user + system CPU time and the
# largest resident set size (GNU time's %e, %U + %S, %M).  The outputs
# of every run are compared: the figures must not depend on the threads.
set -eu
B=${1:-build}
RUNS=${RUNS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-bench-rank.XXXXXX")
trap 'rm -rf "$work"' EXIT

awk 'BEGIN { print "cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method"
  for (i = 1; i <= 10000; i++) { n = 10 + (i * 37) % 190
    s = int(n * (0.6 + 0.4 * ((i * 7919) % 1000) / 1000))
    printf "K%05d,%d,%d,%d,%.17g,0,1,0,0,0.95,wilson\n", i, n, n, s, s / n } }' \
  > "$work/rank10k.csv"
head -n 1001 "$work/rank10k.csv" > "$work/rank1k.csv"

median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure () { # measure SET LABEL CMD...: "LABEL median_wall median_cpu max_rss"
  set_=$1 label=$2; shift 2
  : > "$work/wall"; : > "$work/cpu"; : > "$work/rss"
  i=0
  while [ $i -lt "$RUNS" ]; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" > "$work/out" 2>/dev/null
    read -r e u s m < "$work/t"
    echo "$e" >> "$work/wall"
    echo "$u $s" | awk '{ print $1 + $2 }' >> "$work/cpu"
    echo "$m" >> "$work/rss"
    # Every run of a set, on any number of threads, gives the same bytes.
    if [ -f "$work/ref.$set_" ]; then
      cmp -s "$work/ref.$set_" "$work/out" || echo "$label: output differs" >&2
    else
      cp "$work/out" "$work/ref.$set_"
    fi
    i=$((i + 1))
  done
  printf '%-16s %8s s wall %8s s cpu %9s KiB\n' "$label" \
    "$(median < "$work/wall")" "$(median < "$work/cpu")" \
    "$(sort -n "$work/rss" | tail -n 1)"
}

threads=
"$B/minyi-rank" --help | grep -q -- '--threads' && threads=yes
echo "== minyi-rank, 10000 draws (median of $RUNS runs; $(nproc) processors)"
for set in 1k 10k; do
  if [ -n "$threads" ]; then
    measure $set "rank-$set -j1" "$B/minyi-rank" -q --by-stat rate -j 1 \
      "$work/rank$set.csv"
  fi
  measure $set "rank-$set" "$B/minyi-rank" -q --by-stat rate "$work/rank$set.csv"
done

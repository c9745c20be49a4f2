#!/bin/sh
# tests/shards.sh - the shard/merge equality of minyi-merge(1): split the
# sample survey into k = 1..8 shards at random record boundaries (several
# seeds), score each shard with minyi-score --partial, merge the partials
# in a shuffled order (and in nested merges), and compare with the table
# minyi-score writes in one pass: the same bytes.  Prints TAP-style
# "ok" / "not ok" lines.
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-shards.XXXXXX")
trap 'rm -rf "$work"' EXIT
PATH="$top/$B:$PATH"
survey=$top/data/survey.csv
cb=$top/data/codebook.csv
shares=villager=0.6,group_leader=0.2,village_cadre=0.2

# Three scorings: plain, weighted with respondent groups, and an
# exact-interval item-only run with don't-know counted unsatisfied.
set -- "-c $cb -g wave,cadre" \
       "-c $cb -g wave,township -w weight --group-weights $shares" \
       "--item q1 -s 满意 --dont-know-answers 不了解 --dont-know unsatisfied -m exact -l 0.9 -g cadre"
n=0
for opts in "$@"; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  minyi-score -q $opts "$survey" > "$work/one.csv"
  for seed in 1 2 3; do
    for k in 1 2 3 4 5 6 7 8; do
      d=$work/s$n-$seed-$k
      mkdir -p "$d"
      # k shards cut at k-1 random record boundaries; every shard keeps
      # the header.  awk's srand(seed) makes the cut reproducible.
      awk -v k="$k" -v seed="$seed$k" -v dir="$d" '
        NR == 1 { h = $0; next }
        { row[++m] = $0 }
        END {
          srand(seed)
          for (i = 1; i < k; i++) cut[i] = int(rand() * (m + 1))
          # sort the cuts
          for (i = 1; i < k; i++) for (j = i + 1; j < k; j++)
            if (cut[j] < cut[i]) { t = cut[i]; cut[i] = cut[j]; cut[j] = t }
          cut[0] = 0; cut[k] = m
          for (s = 1; s <= k; s++) {
            f = dir "/shard" s ".csv"
            print h > f
            for (r = cut[s - 1] + 1; r <= cut[s]; r++) print row[r] > f
            close(f)
          }
        }' "$survey"
      for s in $(seq 1 "$k"); do
        # shellcheck disable=SC2086
        minyi-score -q --partial $opts "$d/shard$s.csv" > "$d/part$s.csv"
      done
      # A shuffled order of the partials; a nested merge of two halves.
      order=$(seq 1 "$k" | awk -v seed="$seed$k" 'BEGIN { srand(seed) }
              { print rand() "\t" $0 }' | sort -n | cut -f2 |
              sed "s|.*|$d/part&.csv|")
      # shellcheck disable=SC2086
      minyi-merge -q $order > "$d/merged.csv"
      half=$(( (k + 1) / 2 ))
      # shellcheck disable=SC2086
      minyi-merge -q --partial $(echo $order | cut -d' ' -f1-$half) \
        > "$d/a.csv"
      rest=$(echo $order | cut -d' ' -f$((half + 1))-)
      # shellcheck disable=SC2086
      [ $k -gt 1 ] && minyi-merge -q --partial $rest > "$d/b.csv" ||
        cp "$d/a.csv" "$d/b.csv"
      [ $k -gt 1 ] && minyi-merge -q "$d/b.csv" "$d/a.csv" > "$d/nested.csv" ||
        cp "$d/merged.csv" "$d/nested.csv"
      if cmp -s "$work/one.csv" "$d/merged.csv" &&
         cmp -s "$work/one.csv" "$d/nested.csv"; then
        echo "ok - shards: scoring $n, seed $seed, $k shards"
      else
        echo "not ok - shards: scoring $n, seed $seed, $k shards differ"
        diff "$work/one.csv" "$d/merged.csv" | head -n 4 | sed 's/^/#   /'
      fi
      rm -rf "$d"
    done
  done
done

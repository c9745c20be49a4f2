#!/bin/sh
# bench/bench.sh [BUILD] - minyi-score beside the tools an analyst could
# reach for instead, on one generated file; see bench/README.md.
#
# The job, the same for every tool: per cadre, over the rows whose
# q_overall (Likert 1..5) is not empty: n, satisfied (4 or 5), the
# weighted rate (sum of the satisfied rows' weights / sum of weights),
# the sum of weights, the sum of squared weights and the mean answer.
# A tool that cannot compute all of these does what it can (the table
# says what).
#
# Environment (all optional):
#   ROWS=N         rows of the timed file (default 10000000, ~760 MB)
#   CADRES=N       cadres in it (default 3000)
#   RUNS=N         timed runs of every tool (default 5); the runs go
#                  round-robin, each round in another order
#   QUICK=1        ROWS=100000 RUNS=3 MEM=0: about a minute
#   MEM=0          skip the memory series; MEM_ROWS (default "1000000
#                  ROWS") and MEM_CADRES (default "1000 10000 100000
#                  1000000", each on a file of ROWS rows) set them
#   TOOLS="..."    the tools to run, among: minyi minyi-j1 duckdb
#                  duckdb-1t datatable datatable-all mawk datamash
#                  (default all; minyi-j1 only when minyi-score has -j)
#   CHECK=0        skip the validation table (minyi-check beside
#                  minyi-score on the same valid file, and mawk's
#                  duplicate filter)
#   TMPDIR         where the files go (removed at exit)
# Exits 1 when the tools disagree (nothing is timed then), 2 on a
# failed command.
set -eu
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
case $B in /*) ;; *) B=$top/$B ;; esac
if [ "${QUICK:-0}" = 1 ]; then
  : "${ROWS:=100000}" "${RUNS:=3}" "${MEM:=0}"
fi
ROWS=${ROWS:-10000000}
CADRES=${CADRES:-3000}
RUNS=${RUNS:-5}
MEM=${MEM:-1}
MEM_ROWS=${MEM_ROWS:-"1000000 $ROWS"}
MEM_CADRES=${MEM_CADRES:-"1000 10000 100000 1000000"}

say () { printf '%s\n' "$*" >&2; }
die () { say "bench: $1"; exit "${2:-2}"; }

# Setup: the Debian peers (tools/install-deps bench), DuckDB's Node.js
# client into bench/node_modules (git-ignored), at the version pinned in
# bench/package.json and bench/package-lock.json.
sh tools/install-deps bench
if [ ! -d bench/node_modules/@duckdb/node-api ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error) ||
    die "npm ci in bench/ failed (DuckDB's @duckdb/node-api)"
fi
for x in "$B/minyi-score" "$B/gen-sample"; do
  [ -x "$x" ] || die "$x: not built (make all)"
done
TIME=/usr/bin/time
[ -x $TIME ] || die "GNU time not found (tools/install-deps bench)"

work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM

# minyi-score -j N (issue 12): found by its short option, whatever its
# long name (the suite's -j is --threads in minyi-rank).
has_jobs=no
"$B/minyi-score" --help | grep -Eq -- '^[[:space:]]*-j,' && has_jobs=yes
if [ -z "${TOOLS:-}" ]; then
  TOOLS="minyi duckdb duckdb-1t datatable datatable-all mawk datamash"
  [ $has_jobs = yes ] && TOOLS="minyi minyi-j1 ${TOOLS#minyi }"
fi

# The mawk program: columns found by name in the header; fields split
# at commas (no CSV quoting: the generated file has none).
awkjob='NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i
                  C = c["cadre"]; W = c["weight"]; Q = c["q_overall"]; next }
$Q != "" { k = $C; q = $Q + 0; w = $W + 0; n[k]++; s[k] += q
           sw[k] += w; sw2[k] += w * w; if (q >= 4) { sat[k]++; swy[k] += w } }
END { print "cadre,n,sat,wrate,sw,sw2,mean"
      for (k in n) printf "%s,%d,%d,%.17g,%.17g,%.17g,%.17g\n", k, n[k],
        sat[k], swy[k] / sw[k], sw[k], sw2[k], s[k] / n[k] }'

# cmd TOOL FILE OUT: the command line of TOOL on FILE, writing OUT.
cmd () {
  case $1 in
    minyi) printf "%s\n" "'$B/minyi-score' -q -i q_overall -s 4..5 -g cadre -w weight -o '$3' '$2'" ;;
    minyi-j1) printf "%s\n" "'$B/minyi-score' -q -j 1 -i q_overall -s 4..5 -g cadre -w weight -o '$3' '$2'" ;;
    duckdb) printf "%s\n" "node bench/duckdb.cjs '$2' default '$3'" ;;
    duckdb-1t) printf "%s\n" "node bench/duckdb.cjs '$2' 1 '$3'" ;;
    datatable) printf "%s\n" "Rscript bench/datatable.R '$2' 1 '$3'" ;;
    datatable-all) printf "%s\n" "Rscript bench/datatable.R '$2' 0 '$3'" ;;
    mawk) printf "%s\n" "mawk -F, '$awkjob' '$2' > '$3'" ;;
    # datamash cannot skip a row on a condition, nor compute a satisfied
    # count or a weight's square: mawk drops the empty q_overall rows
    # in the pipe, and datamash gives n, the mean and the sum of
    # weights.  -s: its input must be grouped, so it sorts it first
    # (through sort(1)), and that is timed.
    datamash) printf "%s\n" "mawk -F, 'NR == 1 || \$10 != \"\"' '$2' | datamash -t, -H -s -g 7 count 10 mean 10 sum 9 > '$3'" ;;
    *) die "unknown tool '$1' in TOOLS" ;;
  esac
}

what () { # what TOOL: the columns it computes, for the table
  case $1 in
    minyi*) echo "n sat wrate sw sw2(a)" ;;
    datamash) echo "n sw mean (b)" ;;
    *) echo "all" ;;
  esac
}

label () {
  case $1 in
    minyi) [ $has_jobs = yes ] && echo "minyi-score (default -j)" ||
             echo "minyi-score" ;;
    minyi-j1) echo "minyi-score -j 1" ;;
    duckdb) echo "DuckDB $duckdb_version (default threads)" ;;
    duckdb-1t) echo "DuckDB $duckdb_version (threads=1)" ;;
    datatable) echo "R data.table $dt_version (1 thread)" ;;
    datatable-all) echo "R data.table $dt_version (all threads)" ;;
    mawk) echo "mawk $(mawk -W version 2>&1 | head -n 1 | cut -d' ' -f2)" ;;
    datamash) echo "datamash $(datamash --version | head -n 1 | awk '{ print $NF }') -s" ;;
  esac
}
duckdb_version=$(cd bench && node -e 'console.log(require("@duckdb/node-api/package.json").version)')
dt_version=$(Rscript -e 'cat(format(packageVersion("data.table")))' 2>/dev/null || echo '?')

# norm TOOL OUT: TOOL's output as cadre,n,sat,wrate,sw,sw2,mean sorted by
# cadre, a value the tool does not give left empty.
norm () {
  case $1 in
    minyi*)
      # The score table's rate is the weighted rate with -w; sum w^2 is
      # wsum^2 / neff (Kish), the only column the sums of squares show.
      # A cadre whose rows all lack q_overall has a row with n = 0 in
      # the score table, and none in the others' (they filter first).
      awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $c["n"] > 0 { sw = $c["wsum"]; printf "%s,%s,%s,%s,%s,%.17g,\n", $1, $c["n"],
          $c["sat"], $c["rate"], sw, sw * sw / $c["neff"] }' "$2" ;;
    datamash)
      awk -F, 'NR > 1 { printf "%s,%s,,,%s,,%s\n", $1, $2, $4, $3 }' "$2" ;;
    *) tail -n +2 "$2" ;;
  esac | LC_ALL=C sort -t, -k1,1
}

# agree: compare every tool's normalised output with the others', field
# by field: counts exactly, the others to a relative 1e-9.  Prints the
# first disagreements and returns 1 when there are any.
agree () {
  set -- $TOOLS
  ref=$1
  for t in "$@"; do norm "$t" "$work/check.$t" > "$work/norm.$t"; done
  status=0
  for t in "$@"; do
    for u in "$@"; do
      [ "$t" = "$u" ] && continue
      [ "$(wc -l < "$work/norm.$t")" -eq "$(wc -l < "$work/norm.$u")" ] || {
        say "bench: $t gives $(wc -l < "$work/norm.$t") cadres, $u $(wc -l < "$work/norm.$u")"
        status=1; continue; }
      paste -d, "$work/norm.$t" "$work/norm.$u" | awk -F, -v t="$t" -v u="$u" '
        BEGIN { split("cadre n sat wrate sw sw2 mean", name, " ") }
        { if ($1 != $8) { printf "bench: %s and %s: cadre %s against %s\n", t, u, $1, $8; bad++; exit 1 }
          for (i = 2; i <= 7; i++) {
            a = $i; b = $(i + 7)
            if (a == "" || b == "") continue
            d = a - b; if (d < 0) d = -d
            m = a < 0 ? -a : a
            tol = i <= 3 ? 0 : 1e-9 * (m > 1e-300 ? m : 1)
            if (d > tol) { if (bad++ < 3) printf "bench: %s and %s differ on %s %s: %s against %s\n", t, u, $1, name[i], a, b }
          } }
        END { exit bad > 0 }' >&2 || status=1
    done
  done
  return $status
}

median () { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run1 TAG COMMAND: run COMMAND once; append the wall seconds to
# $work/t.TAG, the CPU seconds (user + system, all threads) to
# $work/c.TAG and the peak RSS (KiB) to $work/m.TAG.
run1 () {
  t0=$(date +%s%N)
  $TIME -f '%M %U %S' -o "$work/rss" sh -c "$2" 2> "$work/err" ||
    { cat "$work/err" >&2; die "$1 failed: $2"; }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 ))" | awk '{ printf "%.3f\n", $1 / 1000 }' >> "$work/t.$1"
  tail -n 1 "$work/rss" | cut -d' ' -f1 >> "$work/m.$1"
  tail -n 1 "$work/rss" | awk '{ print $2 + $3 }' >> "$work/c.$1"
}

file=$work/survey.csv
say "bench: generating $ROWS rows, $CADRES cadres (gen-sample --rows)"
"$B/gen-sample" --rows "$ROWS" --cadres "$CADRES" > "$file"
bytes=$(wc -c < "$file")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }')

# 1. Do they agree?  (This round also warms the page cache.)
say "bench: checking that the tools agree: $TOOLS"
for t in $TOOLS; do
  c=$(cmd "$t" "$file" "$work/check.$t")
  sh -c "$c" || die "$t failed: $c"
done
agree || die "the tools disagree: nothing timed" 1
say "bench: they agree (counts exactly, the rest to 1e-9)"

# 2. Timed rounds: every tool once a round, each round starting one tool
# further along, so that no tool always follows the same one.
ntools=$(echo $TOOLS | wc -w)
r=1
while [ $r -le "$RUNS" ]; do
  say "bench: round $r of $RUNS"
  set -- $TOOLS
  i=$(( (r - 1) % ntools ))
  while [ $i -gt 0 ]; do set -- "$@" "$1"; shift; i=$((i - 1)); done
  for t in "$@"; do run1 "$t" "$(cmd "$t" "$file" "$work/out.$t")"; done
  r=$((r + 1))
done

# The table.  Ratio: minyi's wall time over the tool's, per round, and
# the median of those ratios (above 1: minyi is slower).
ratio () { # ratio MINYI TOOL
  paste "$work/t.$1" "$work/t.$2" | awk '{ print $1 / $2 }' | median
}
commit=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?')
dirty=$(git -C "$top" status --porcelain --untracked-files=no 2>/dev/null | head -n 1)
echo
echo "$ROWS rows, $CADRES cadres, $mb MB; median of $RUNS runs, round-robin;"
echo "$(date -u +%Y-%m-%d) commit $commit${dirty:+ (modified)}, $(nproc) cores, $(uname -m)"
echo
hdr="| tool | computes | median s | MB/s | CPU s | peak RSS MiB | minyi ÷ tool |"
sep="|---|---|---:|---:|---:|---:|---:|"
if echo " $TOOLS " | grep -q ' minyi-j1 '; then
  hdr="$hdr minyi -j 1 ÷ tool |"; sep="$sep---:|"
fi
echo "$hdr"
echo "$sep"
for t in $TOOLS; do
  s=$(median < "$work/t.$t")
  m=$(sort -n "$work/m.$t" | tail -n 1)
  u=$(median < "$work/c.$t")
  line=$(awk -v s="$s" -v m="$m" -v u="$u" -v mb="$mb" -v l="$(label "$t")" -v w="$(what "$t")" \
    'BEGIN { printf "| %s | %s | %.2f | %.0f | %.2f | %.1f |", l, w, s, mb / s, u, m / 1024 }')
  if echo " $TOOLS " | grep -q ' minyi '; then
    line="$line $(ratio minyi "$t" | awk '{ printf "%.2f", $1 }') |"
  else
    line="$line |"
  fi
  if echo " $TOOLS " | grep -q ' minyi-j1 '; then
    line="$line $(ratio minyi-j1 "$t" | awk '{ printf "%.2f", $1 }') |"
  fi
  echo "$line"
done
echo
echo "(a) minyi-score -i has no scale, so no mean; sum w^2 is wsum^2/neff."
echo "(b) datamash: n, mean and sum of weights only; mawk drops the rows"
echo "    with an empty q_overall before it, and -s sorts the input (timed)."
echo "CPU s: median of user + system seconds, all threads and processes."
echo "Peak RSS: GNU time's %M, the largest process of the command."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# 3. Validation: minyi-check beside minyi-score on one valid file (issue
# 12: check within 1.5 times score).  The timed file made valid: rows
# with an empty cell dropped, each household numbered by its line, so
# that every row is a distinct (wave, household, cadre), which duplicate
# detection must all remember (its worst case).  Both programs read the
# same three items through one codebook; minyi-check writes the clean
# rows (to a file, as a quarter-end script does) and finds duplicates;
# mawk's classic filter of repeated keys (!seen[...]++) is the peer for
# that part alone.
if [ "${CHECK:-1}" = 1 ]; then
  vfile=$work/valid.csv
  mawk -F, -v OFS=, 'NR == 1 { print; next }
    { for (i = 1; i <= NF; i++) if ($i == "") next; $5 = "H" NR; print }' \
    "$file" > "$vfile"
  printf '%s\n' 'item,column,label,values,satisfied,dontknow,weight' \
    'overall,q_overall,overall,1..5,4..5,,1' \
    'attitude,q_attitude,attitude,1..5,4..5,,1' \
    'efficiency,q_efficiency,efficiency,1..5,4..5,,1' > "$work/codebook.csv"
  vrows=$(($(wc -l < "$vfile") - 1))
  vmb=$(awk -v b="$(wc -c < "$vfile")" 'BEGIN { printf "%.0f", b / 1e6 }')
  vcmd () { # vcmd TOOL: its command line on the valid file
    case $1 in
      check) echo "'$B/minyi-check' -q -c '$work/codebook.csv' -o '$work/clean.csv' '$vfile'" ;;
      check-j1) echo "'$B/minyi-check' -q -j 1 -c '$work/codebook.csv' -o '$work/clean.csv' '$vfile'" ;;
      score) echo "'$B/minyi-score' -q -c '$work/codebook.csv' -o '$work/vscore.csv' '$vfile'" ;;
      score-j1) echo "'$B/minyi-score' -q -j 1 -c '$work/codebook.csv' -o '$work/vscore.csv' '$vfile'" ;;
      dedup) echo "mawk -F, '!seen[\$1, \$5, \$7]++' '$vfile' > '$work/dedup.csv'" ;;
      halves) echo "'$B/minyi-check' -q -j 1 -c '$work/codebook.csv' -o '$work/clean1.csv' '$work/half1.csv' & '$B/minyi-check' -q -j 1 -c '$work/codebook.csv' -o '$work/clean2.csv' '$work/half2.csv'; wait" ;;
      copy) echo "cp '$vfile' '$work/copy.csv'" ;;
    esac
  }
  # The floor of a minyi-check split over the cores: each half of the
  # file checked at once by a process of its own (-j 1, its own clean
  # file), with nothing to merge (a duplicate across the halves goes
  # unseen): no check of the whole file on two cores can be faster.
  # And what writing the clean file alone costs here: cp.
  h=$((vrows / 2))
  { head -n 1 "$vfile"; tail -n +2 "$vfile" | head -n "$h"; } > "$work/half1.csv"
  { head -n 1 "$vfile"; tail -n +$((h + 2)) "$vfile"; } > "$work/half2.csv"
  VTOOLS="check score score-j1 dedup"
  "$B/minyi-check" --help | grep -Eq -- '^[[:space:]]*-j,' &&
    VTOOLS="check check-j1 score score-j1 halves copy dedup"
  say "bench: validation: $vrows rows, $VTOOLS"
  # The first round warms the cache and checks the clean file: every row.
  for t in $VTOOLS; do sh -c "$(vcmd "$t")" || die "$t failed: $(vcmd "$t")"; done
  cmp -s "$vfile" "$work/clean.csv" ||
    die "minyi-check did not pass the valid file through unchanged" 1
  r=1
  while [ $r -le "$RUNS" ]; do
    say "bench: validation round $r of $RUNS"
    for t in $VTOOLS; do run1 "v$t" "$(vcmd "$t")"; done
    r=$((r + 1))
  done
  vlabel () {
    case $1 in
      check) echo "minyi-check (default)" ;;
      check-j1) echo "minyi-check -j 1" ;;
      score) echo "minyi-score -c (default -j)" ;;
      score-j1) echo "minyi-score -c -j 1" ;;
      dedup) echo "mawk duplicate filter" ;;
      halves) echo "minyi-check -j 1 on each half at once (b)" ;;
      copy) echo "cp of the file (c)" ;;
    esac
  }
  echo
  echo "Validation: $vrows valid rows (every triple distinct), $vmb MB, the"
  echo "same 3-item codebook; median of $RUNS runs"
  echo
  echo "| program | median s | CPU s | peak RSS MiB | minyi-check ÷ it |"
  echo "|---|---:|---:|---:|---:|"
  for t in $VTOOLS; do
    s=$(median < "$work/t.v$t")
    u=$(median < "$work/c.v$t")
    m=$(sort -n "$work/m.v$t" | tail -n 1)
    rr=$(ratio vcheck "v$t")
    awk -v l="$(vlabel "$t")" -v s="$s" -v u="$u" -v m="$m" -v r="$rr" \
      'BEGIN { printf "| %s | %.2f | %.2f | %.1f | %.2f |\n", l, s, u, m / 1024, r }'
  done
  case " $VTOOLS " in
    *" halves "*)
      echo
      echo "(b) Two processes, one a half of the file, each writing its clean"
      echo "    file; peak RSS is the larger one's.  The floor of any minyi-check"
      echo "    split over two cores (duplicates across the halves unseen)."
      echo "(c) Writing the file's bytes alone, which minyi-check's clean file"
      echo "    costs too." ;;
  esac
  rm -f "$vfile" "$work/clean.csv" "$work/dedup.csv" "$work/half1.csv" \
    "$work/half2.csv" "$work/clean1.csv" "$work/clean2.csv" "$work/copy.csv"
fi

[ "$MEM" = 1 ] || exit 0

# 4. Memory: minyi-score's peak RSS must follow the cadres, not the rows.
echo
echo "minyi-score's peak RSS (one run each; same seed: a file of fewer rows"
echo "is the beginning of the larger one)"
echo
echo "| rows | cadres | wall s | peak RSS MiB |"
echo "|---:|---:|---:|---:|"
mem1 () { # mem1 ROWS CADRES
  if [ "$1" = "$ROWS" ] && [ "$2" = "$CADRES" ]; then
    f=$file
  else
    f=$work/mem.csv
    "$B/gen-sample" --rows "$1" --cadres "$2" > "$f"
  fi
  : > "$work/t.mem"; : > "$work/m.mem"
  c=$(cmd minyi "$f" "$work/out.mem")
  t0=$(date +%s%N)
  $TIME -f '%M' -o "$work/rss" sh -c "$c" || die "minyi failed: $c"
  t1=$(date +%s%N)
  awk -v t=$(( (t1 - t0) / 1000000 )) -v m="$(tail -n 1 "$work/rss")" \
    -v r="$1" -v c="$2" 'BEGIN { printf "| %d | %d | %.2f | %.1f |\n", r, c, t / 1000, m / 1024 }'
  rm -f "$work/mem.csv"
}
for n in $MEM_ROWS; do mem1 "$n" "$CADRES"; done
for c in $MEM_CADRES; do mem1 "$ROWS" "$c"; done

#!/bin/sh
# quarter-end.sh - the organization department's quarter-end run on the
# sample data: check, score, adjust, rank and compare the villagers'
# satisfaction with each cadre, and judge the service centre's
# departments on their deadlines.  Leaves every table in OUTDIR, the
# scores, adjusted, ranking, trend and department tables each with its
# provenance file, and prints the ranking's head and foot.
#
#   sh data/quarter-end.sh [BINDIR [OUTDIR]]     (make demo runs it)
#
# BINDIR holds the programs (default: build); OUTDIR the results
# (default: BINDIR/quarter-end).  Run from the top of the source tree.
# Stops at the first step that fails, with its status.
set -eu
bin=${1:-build}
out=${2:-$bin/quarter-end}
mkdir -p "$out"
PATH=$bin:$PATH
export PATH
wave=2026Q2
prev=2026Q1

# 1. Every row of the export checked: clean rows, or rejects with reasons.
minyi-check -c data/codebook.csv -R data/roster.csv \
  --rejects "$out/rejects.csv" --report "$out/check-report.csv" \
  data/survey.csv > "$out/clean.csv"

# 2. Per wave and cadre: rates, intervals, index; standardised for the
#    township served, wave by wave.
minyi-score -c data/codebook.csv -g wave,cadre \
  --standardize-by wave,township -o "$out/scores.csv" "$out/clean.csv"

# 3. Small samples shrunk towards each wave's prior; funnel limits.
minyi-adjust -q --by wave -o "$out/adjusted.csv" \
  --limits "$out/funnel.csv" "$out/scores.csv"

# 4. Ranks with their intervals, tiers under the policy, names.
minyi-rank -q --within wave --policy data/policy.csv -R data/roster.csv \
  -o "$out/ranking.csv" "$out/adjusted.csv"

# 5. The committee's pack: the last wave's ranking as a page to print,
#    with its funnel and caterpillar plots.
minyi-report -q -f html --where "wave=$wave" --scores "$out/adjusted.csv" \
  --limits "$out/funnel.csv" --plot "funnel=$out/funnel-$wave.svg" \
  --plot "caterpillar=$out/caterpillar-$wave.svg" \
  -o "$out/ranking-$wave.html" "$out/ranking.csv"
minyi-report -q -f xlsx --where "wave=$wave" --scores "$out/adjusted.csv" \
  -o "$out/ranking-$wave.xlsx" "$out/ranking.csv"

# 6. What changed since the last wave.
minyi-trend -q --wave "wave=$prev,$wave" -o "$out/trend.csv" \
  "$out/scores.csv"

# 7. The service centre: deadlines, warnings, departments' on-time rates,
#    shrunk and ranked as cadres are.
minyi-deadline -q --catalogue data/catalogue.csv --calendar data/calendar-2014.csv \
  --rules data/penalty.csv --as-of 2014-10-10 --from 2014-07-01 \
  --to 2014-09-30 --warnings "$out/warnings.csv" \
  -o "$out/departments.csv" data/service-log.csv
minyi-adjust -q -o "$out/departments-adjusted.csv" "$out/departments.csv"
minyi-rank -q --cadre-column department --draws 2000 \
  -o "$out/departments-ranked.csv" "$out/departments-adjusted.csv"

# The ranking of the last wave, as the committee would read it: rank,
# 95% rank interval, name, post, answers, posterior mean with its
# interval, tier.  Rounded for display only; the tables are exact.
show () {
  awk -F, -v wave="$wave" '
    FNR == 1 && NR == 1 { for (i = 1; i <= NF; i++) a[$i] = i; next }
    FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    NR == FNR && $1 == wave {
      lo[$2] = $a["post_lo"]; hi[$2] = $a["post_hi"]; next }
    NR != FNR && $1 == wave {
      r = $c["rank"] == "" ? "-" : $c["rank"]
      ri = $c["rank_lo"] == "" ? "-" : $c["rank_lo"] "-" $c["rank_hi"]
      pm = $c["post_mean"] == "" ? "-" : sprintf ("%.3f [%.3f, %.3f]",
             $c["post_mean"], lo[$2], hi[$2])
      printf "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\n", r, ri, $2, $c["name"],
             $c["position"], $c["n"] == "" ? "-" : $c["n"], pm, $c["tier"]
    }' "$out/adjusted.csv" "$out/ranking.csv"
}
# Columns are found by their header names.  The fields used hold no
# comma (keys, counts, figures, tiers); names and rules, which may, are
# read only before the first of them that could.
ranked=$(awk -F, -v wave="$wave" '
  NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  $1 == wave && $c["rank"] != "" { n++ } END { print n + 0 }' \
  "$out/ranking.csv")
echo
echo "Quarter-end results in $out/ (scores, adjusted, ranking, trend and"
echo "departments*.csv each with its provenance file, .meta.csv):"
echo "  clean.csv, rejects.csv, check-report.csv  the export checked"
echo "  scores.csv     rates per wave and cadre, and standardised by township"
echo "  adjusted.csv   the raw rates (not the standardised ones) shrunk to"
echo "                 each wave's prior; funnel.csv its limits"
echo "  ranking.csv    ranks, rank intervals, tiers, names"
echo "  ranking-$wave.html, .xlsx, funnel-$wave.svg, caterpillar-$wave.svg"
echo "                 the committee's pack"
echo "  trend.csv      the change from $prev to $wave, rises and drops"
echo "  warnings.csv, departments*.csv  the service centre's deadlines"
echo
echo "Ranking of $wave: $ranked cadres ranked by posterior mean (rank, 95% rank"
echo "interval, cadre, post, answers, posterior mean [95% interval], tier)."
echo "The rank orders the posterior means; the interval is where the rank"
echo "falls in 95% of the draws from the posteriors, and need not hold it:"
echo "rows whose intervals overlap cannot be told apart."
# Five ranked rows from the top and from the bottom, and every row tied
# with the last of them: a cut inside a tie would show one of two equal
# rows and hide the other.
top () {
  awk -F'\t' '$1 != "-"' | awk -F'\t' 'NR == 5 { cut = $1 }
    NR > 5 && $1 != cut { exit } { print }'
}
bottom () {
  awk -F'\t' '$1 != "-" { r[++n] = $1; l[n] = $0 }
    END { k = n > 5 ? n - 4 : 1
          while (k > 1 && r[k - 1] == r[k]) k--
          for (i = k; i <= n; i++) print l[i] }'
}
echo "Top five (and any row tied with the fifth):"
show | top | column -t -s "$(printf '\t')"
echo "Bottom five (and any row tied with the fifth from the bottom; the"
echo "unranked and no-data rows follow them in ranking.csv):"
show | bottom | column -t -s "$(printf '\t')"
echo
echo "Changes from $prev to $wave (Newcombe 95% intervals):"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  { n[$c["change"]]++ }
  END { printf "  %d rises, %d drops, %d steady, %d in one wave only\n",
        n["rise"], n["drop"], n["steady"], n["first-only"] + n["second-only"] }' \
  "$out/trend.csv"
echo
echo "Service-centre departments, 2014Q3: items completed on time (n: items"
echo "completed), shrunk and ranked as cadres are:"
minyi-report -q --width 100 --scores "$out/departments-adjusted.csv" \
  "$out/departments-ranked.csv" | sed -n '1,/^rank 95%:/p' | sed '$d'
warn=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  { n[$c["status"]]++ }
  END { printf "%d open items, %d overdue and %d due soon", NR - 1,
        n["overdue"], n["due-soon"] }' "$out/warnings.csv")
echo "Early-warning list on 2014-10-10: $warn"
echo "($out/warnings.csv, every open item, most urgent first)."

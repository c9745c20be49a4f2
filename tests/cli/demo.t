# data/quarter-end.sh, the run make demo makes, on the sample data.

=== the quarter-end run succeeds and leaves every table with its provenance
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe > $T/out 2>&1; echo "exit $?"; for f in clean scores adjusted ranking trend departments departments-adjusted departments-ranked; do test -s $T/qe/$f.csv || echo "no $f.csv"; done; for f in ranking-2026Q2.html ranking-2026Q2.xlsx funnel-2026Q2.svg caterpillar-2026Q2.svg; do test -s $T/qe/$f || echo "no $f"; done; for f in scores adjusted ranking trend departments; do test -s $T/qe/$f.csv.meta.csv || echo "no $f.csv.meta.csv"; done; grep -c '^2026Q2,' $T/qe/ranking.csv; grep -E '^(Top five|Bottom five)' $T/out
stdout:
exit 0
300
Top five:
Bottom five (of the ranked; unranked and no-data rows follow them

=== what it prints of the ranking is what ranking.csv holds
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe 2>/dev/null | sed -n '/^Top five/{n;p}' | awk '{ print $1, $3 }' && awk -F, '$1 == "2026Q2" { print $11, $2; exit }' $T/qe/ranking.csv
stdout:
1 C0227
1 C0227

=== the tables it says have a provenance file have one, and only those
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe 2>/dev/null | sed -n '/^Quarter-end results/{N;p;}' | sed "s|$T|TMP|"; cd $T/qe && ls *.meta.csv
stdout:
Quarter-end results in TMP/qe/ (scores, adjusted, ranking, trend and
departments*.csv each with its provenance file, .meta.csv):
adjusted.csv.meta.csv
departments-adjusted.csv.meta.csv
departments-ranked.csv.meta.csv
departments.csv.meta.csv
ranking.csv.meta.csv
scores.csv.meta.csv
trend.csv.meta.csv

=== the early-warning line counts the list's overdue and due-soon items, not every open one as due soon or overdue
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe 2>/dev/null | grep '^Early-warning'; awk -F, 'NR > 1 { n[$NF]++ } END { print NR - 1, n["overdue"], n["due-soon"], n["on-track"] }' $T/qe/warnings.csv
stdout:
Early-warning list on 2014-10-10: 104 open items, 21 overdue and 11 due soon
104 21 11 72

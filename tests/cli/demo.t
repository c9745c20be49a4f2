# data/quarter-end.sh, the run make demo makes, on the sample data.

=== the quarter-end run succeeds and leaves every table with its provenance
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe > $T/out 2>&1; echo "exit $?"; for f in clean scores adjusted ranking trend departments departments-adjusted departments-ranked; do test -s $T/qe/$f.csv || echo "no $f.csv"; done; for f in ranking-2026Q2.html ranking-2026Q2.xlsx funnel-2026Q2.svg caterpillar-2026Q2.svg; do test -s $T/qe/$f || echo "no $f"; done; for f in scores adjusted ranking trend departments; do test -s $T/qe/$f.csv.meta.csv || echo "no $f.csv.meta.csv"; done; grep -c '^2026Q2,' $T/qe/ranking.csv; grep -E '^(Top five|Bottom five)' $T/out
stdout:
exit 0
300
Top five (and any row tied with the fifth):
Bottom five (and any row tied with the fifth from the bottom; the

=== what it prints of the ranking is what ranking.csv holds
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe 2>/dev/null | sed -n '/^Top five/{n;p}' | awk '{ print $1, $3 }' && awk -F, '$1 == "2026Q2" { print $11, $2; exit }' $T/qe/ranking.csv
stdout:
1 C0227
1 C0227

=== the top and bottom lists keep a tie at the cut whole: C0139 and C0199 share rank 295 (ranking.csv), both shown
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe 2>/dev/null | sed -n '/^Top five/,/^$/p' | awk '$1 ~ /^[0-9]+$/ { print $1, $3 }'
stdout:
1 C0227
2 C0013
3 C0004
3 C0093
5 C0056
295 C0139
295 C0199
297 C0022
298 C0108
299 C0276
300 C0106

=== the lists are the ranked rows of the last wave whose ranks reach the fifth's from the top and from the bottom, as ranking.csv has them
cmd: cd ../.. && sh data/quarter-end.sh $B $T/qe 2>/dev/null | sed -n '/^Top five/,/^$/p' | awk '$1 ~ /^[0-9]+$/ { print $1, $3 }' > $T/shown; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $1 == "2026Q2" && $c["rank"] != "" { print $c["rank"], $2 }' $T/qe/ranking.csv | sort -k1,1n -k2,2 > $T/ranked; t=$(sed -n 5p $T/ranked | cut -d' ' -f1); b=$(tail -n 5 $T/ranked | head -n 1 | cut -d' ' -f1); awk -v t=$t -v b=$b '$1 <= t || $1 >= b' $T/ranked | cmp - $T/shown && echo same
stdout:
same

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

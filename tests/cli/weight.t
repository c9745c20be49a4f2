# minyi-weight: command-line cases (see tests/cli.sh for the format).
#
# The Kalton cases reproduce the worked example of G. Kalton and
# I. Flores-Cervantes, "Weighting methods", Journal of Official
# Statistics 19 (2003) 81-97, tables 1-3 (the same example R's survey
# package checks in tests/kalton.R): a 4x3 sample (weight-kalton.csv, A
# varying fastest within B: counts 20 50 100 30 | 40 140 50 100 | 40 310
# 50 70) weighted to the population 80 60 170 55 | 40 150 60 165 | 55 340
# 200 125, by raking to its A and B margins (weight-kalton-rake.csv) and
# by post-stratification on its cells (weight-kalton-cells.csv).  The
# expected weights are the paper's published ratios, to two decimals.
#
# The 4x4 case (weight-ipf44.csv, counts by row a1..a4 of columns b1..b4:
# 30 5 2 1 | 6 40 8 2 | 2 9 50 10 | 1 3 12 60, raked to A 400 250 200 150
# and B 100 200 300 400, weight-ipf44-margins.csv) converges slowly; with
# a stop at margin error 1e-10 alone, four of its sixteen weights were
# off in the 10th digit.  Its weights by plain IPF in R 4.2.2 Patched
# (2022-11-10 r83330), 2000 sweeps, the weight of a unit being its
# fitted cell total over its count:
#   ns <- matrix(c(30,5,2,1, 6,40,8,2, 2,9,50,10, 1,3,12,60), 4, byrow = TRUE)
#   a <- c(400,250,200,150); b <- c(100,200,300,400); m <- ns
#   for (i in 1:2000) { m <- m * (a / rowSums(m))
#                       m <- t(t(m) * (b / colSums(m))) }
#   cat(sprintf("%.10g", t(m / ns)), sep = "\n")

=== Kalton & Flores-Cervantes raking: the published weights
cmd: minyi-weight -q -M weight-kalton-rake.csv weight-kalton.csv | awk -F, 'NR > 1 { printf "%s,%s,%.2f\n", $1, $2, $3 }' | sort -u
exit: 0
stdout:
1,1,1.81
1,2,1.45
1,3,2.02
2,1,1.08
2,2,0.87
2,3,1.21
3,1,2.20
3,2,1.76
3,3,2.45
4,1,1.83
4,2,1.47
4,3,2.04
stderr:

=== Kalton & Flores-Cervantes post-stratification: the published weights
cmd: minyi-weight -q --method poststratify -M weight-kalton-cells.csv weight-kalton.csv | awk -F, 'NR > 1 { printf "%s,%s,%.2f\n", $1, $2, $3 }' | sort -u
exit: 0
stdout:
1,1,4.00
1,2,1.00
1,3,1.38
2,1,1.20
2,2,1.07
2,3,1.10
3,1,1.70
3,2,1.20
3,3,4.00
4,1,1.83
4,2,1.65
4,3,1.79
stderr:

=== the weight column is appended, every row kept in order, and the diagnostics printed
cmd: minyi-weight -M weight-kalton-rake.csv weight-kalton.csv | sed -n '1p;2p;1001p;$='
exit: 0
stdout:
A,B,weight
1,1,1.810805093
4,3,2.041746166
1001
stderr:
minyi-weight: weight-kalton.csv: 1000 records, 1000 used, 0 rejected
minyi-weight: raked in 16 sweeps: largest relative margin error 3.38e-14
minyi-weight: weights: min 0.8694, median 1.33, max 2.446; Kish design effect 1.1, effective n 909.4 of 1000

=== standard input gives the same bytes as the named file
cmd: minyi-weight -q -M weight-kalton-rake.csv weight-kalton.csv > $T/a && minyi-weight -q -M weight-kalton-rake.csv < weight-kalton.csv > $T/b && cmp $T/a $T/b && echo same
exit: 0
stdout:
same

=== --trim keeps weight/mean within its bounds and the margins still hold
cmd: minyi-weight -q -M weight-kalton-rake.csv --trim 0.6,1.6 weight-kalton.csv | awk -F, 'NR > 1 { n++; s += $3; a[$1] += $3; b[$2] += $3; w[n] = $3 } END { m = s / n; lo = 9; hi = 0; for (i = 1; i <= n; i++) { r = w[i] / m; if (r < lo) lo = r; if (r > hi) hi = r }; printf "%.4f %.4f | %.4f %.4f %.4f %.4f | %.4f %.4f %.4f\n", lo, hi, a[1], a[2], a[3], a[4], b[1], b[2], b[3] }'
exit: 0
stdout:
0.6000 1.6000 | 175.0000 550.0000 430.0000 345.0000 | 365.0000 415.0000 720.0000

=== --trim bounds that cannot be met with the margins: nothing written
cmd: minyi-weight -M weight-kalton-rake.csv --trim 0.9,1.1 -o $T/out weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight: weight-kalton.csv: 1000 records, 1000 used, 0 rejected
minyi-weight: weights not brought within --trim 0.9,1.1 of the mean in 1000 rounds: weight/mean from 0.6147 to 1.602, largest relative margin error 2.55e-14 at A '3'
minyi-weight: nothing written
nofile out

=== no convergence within --max-iterations: nothing written
cmd: minyi-weight -M weight-kalton-rake.csv --max-iterations 1 -o $T/out weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight: weight-kalton.csv: 1000 records, 1000 used, 0 rejected
minyi-weight: raking did not converge in 1 sweep: largest relative margin error 0.0406 (tolerance 1e-10) at A '4'
minyi-weight: nothing written
nofile out

=== rejected rows: unknown category, empty margin cell, bad base weight, ragged
cmd: minyi-weight -M weight-margins.csv -b w --rejects $T/rejects.csv weight-survey.csv
exit: 1
stdout:
township,respondent_type,w,q1,weight
城关镇,villager,1,满意,165.2801807
城关镇,villager,2,满意,330.5603614
城关镇,cadre,1,不满意,104.1594579
高坝镇,villager,1,满意,152.0797289
高坝镇,cadre,1,满意,95.84054212
高坝镇,villager,1,基本满意,152.0797289
stderr:
minyi-weight:weight-survey.csv:8: township '某镇' has no population in the margins
minyi-weight:weight-survey.csv:9: empty 'township', a margin column
minyi-weight:weight-survey.csv:10: base weight 'x' is not a number
minyi-weight:weight-survey.csv:11: 2 fields where the header has 4
minyi-weight: weight-survey.csv: 10 records, 6 used, 4 rejected (ragged 1, empty-key 1, bad-value 1, bad-number 1)
minyi-weight: raked in 7 sweeps: largest relative margin error 1.71e-15
minyi-weight: weights: min 95.84, median 152.1, max 330.6; Kish design effect 1.217, effective n 4.9 of 6
file rejects.csv:
source,line,reason,message,township,respondent_type,w,q1
weight-survey.csv,8,bad-value,township '某镇' has no population in the margins,某镇,villager,1,满意
weight-survey.csv,9,empty-key,"empty 'township', a margin column",,villager,1,满意
weight-survey.csv,10,bad-number,base weight 'x' is not a number,高坝镇,villager,x,满意
weight-survey.csv,11,ragged,2 fields where the header has 4,高坝镇,cadre

=== the weighted totals meet the margins (independent check with awk)
cmd: minyi-weight -q -M weight-margins.csv -b w weight-survey.csv | awk -F, 'NR > 1 { t[$1] += $5; r[$2] += $5 } END { printf "%.6f %.6f %.6f %.6f\n", t["城关镇"], t["高坝镇"], r["villager"], r["cadre"] }'
exit: 0
stdout:
600.000000 400.000000 800.000000 200.000000

=== margins: a population that is not positive
cmd: minyi-weight -M weight-bad-zero.csv weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight:weight-bad-zero.csv:3: population '0' of A '2' is not positive

=== margins: a population that is not a number
cmd: minyi-weight -M weight-bad-number.csv weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight:weight-bad-number.csv:3: population 'many' of A '2' is not a number

=== margins: a category given twice
cmd: minyi-weight -M weight-bad-dup.csv weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight:weight-bad-dup.csv:4: A '1' given twice (first on line 2)

=== margins: a ragged row
cmd: minyi-weight -M weight-bad-ragged.csv weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight:weight-bad-ragged.csv:3: 4 fields where the header has 3

=== margins: grand totals that disagree
cmd: minyi-weight -M weight-bad-totals.csv -o $T/out weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight: weight-kalton.csv: 1000 records, 1000 used, 0 rejected
minyi-weight: weight-bad-totals.csv: margins disagree: B totals 1501 but A totals 1500 (relative difference 0.000667, tolerance 1e-06)
minyi-weight: nothing written
nofile out

=== margins: a population category with no sample
cmd: minyi-weight -M weight-bad-nosample.csv -o $T/out weight-kalton.csv
exit: 1
stdout:
stderr:
minyi-weight: weight-kalton.csv: 1000 records, 1000 used, 0 rejected
minyi-weight:weight-bad-nosample.csv:6: A '5' has a population of 45 but no sample row
minyi-weight: nothing written
nofile out

=== post-stratification wants one variable
cmd: minyi-weight -M weight-kalton-rake.csv --method poststratify weight-kalton.csv
exit: 2
stdout:
stderr:
minyi-weight: weight-kalton-rake.csv: --method poststratify wants one variable (join columns with '*' for a cross-classification), not 2

=== --margins is required
cmd: minyi-weight weight-kalton.csv 2>&1 | head -n 1
exit: 0
stdout:
minyi-weight: a --margins file is required

=== -W replaces an existing column; --report overall and per township
cmd: minyi-weight -q -M weight-margins.csv -W w --report $T/report.csv weight-survey.csv | head -n 2
exit: 0
stdout:
township,respondent_type,w,q1
城关镇,villager,232.455532,满意
file report.csv:
section,key,measure,value
overall,,method,rake
overall,,sweeps,7
overall,,trim_rounds,0
overall,,max_rel_err,1.14e-15
overall,,worst_margin,township=高坝镇
overall,,n,7
overall,,min,64.91106407
overall,,median,111.696312
overall,,max,232.455532
overall,,sum,1000
overall,,deff,1.175732697
overall,,neff,5.953734225
township,城关镇,n,3
township,城关镇,min,135.0889359
township,城关镇,median,232.455532
township,城关镇,max,232.455532
township,城关镇,sum,600
township,城关镇,deff,1.052668078
township,城关镇,neff,2.849901182
township,高坝镇,n,4
township,高坝镇,min,64.91106407
township,高坝镇,median,111.696312
township,高坝镇,max,111.696312
township,高坝镇,sum,400
township,高坝镇,deff,1.041041114
township,高坝镇,neff,3.842307422

=== the weight column must not be a margin column
cmd: minyi-weight -M weight-margins.csv -W township weight-survey.csv
exit: 1
stdout:
stderr:
minyi-weight:weight-survey.csv:1: --weight-column 'township' is a margin or base-weight column; name another

=== --strict says it stopped at a rejected record only when one was (not for an unusable header)
cmd: minyi-weight --strict -M weight-margins.csv -W township weight-survey.csv
exit: 1
stdout:
stderr:
minyi-weight:weight-survey.csv:1: --weight-column 'township' is a margin or base-weight column; name another

=== a column named twice in the survey is an error
cmd: minyi-weight -M weight-margins.csv weight-dupcol.csv
exit: 1
stdout:
stderr:
minyi-weight:weight-dupcol.csv:1: column 'weight' appears twice in the header

=== weights raked beyond what the suite accepts are an error, nothing written
cmd: minyi-weight -M weight-extreme-margins.csv -b b -o $T/w.csv weight-extreme.csv; test -e $T/w.csv || echo nothing written
exit: 0
stdout:
nothing written
stderr:
minyi-weight: weight-extreme.csv: 3 records, 3 used, 0 rejected
minyi-weight: a weight comes out at 1e-297, outside 1e-100..1e+100: the base weights or the margins are too extreme; nothing written

=== --report naming the --rejects file is a usage error
cmd: minyi-weight -M weight-margins.csv --rejects $T/r.csv --report $T/r.csv weight-survey.csv 2>&1 | head -n 1
exit: 0
stdout:
minyi-weight: --report names the file of -o or --rejects
stderr:

=== 4x4 raking: the printed weights are those of the fixed point (R's IPF), and a far tighter run prints the same bytes
cmd: minyi-weight -q -M weight-ipf44-margins.csv weight-ipf44.csv > $T/d.csv; minyi-weight -q --tolerance 1e-15 --max-iterations 10000 -M weight-ipf44-margins.csv weight-ipf44.csv | cmp - $T/d.csv && sort -u $T/d.csv | grep -v '^A,'
stdout:
a1,b1,3.193856365
a1,b2,14.87426505
a1,b3,46.94640979
a1,b4,135.9201642
a2,b1,0.6329253985
a2,b2,2.947627901
a2,b3,9.303353602
a2,b4,26.93525139
a3,b1,0.1660535739
a3,b2,0.7733362394
a3,b3,2.440817067
a3,b4,7.066701333
a4,b1,0.05464949818
a4,b2,0.254510857
a4,b3,0.8032915205
a4,b4,2.325705328
stderr:

=== a FIFO operand is copied once and read twice: the same bytes as the file, no hang (issue 11)
cmd: mkfifo $T/f && { cat weight-kalton.csv > $T/f & } && timeout 20 minyi-weight -q -M weight-kalton-rake.csv $T/f > $T/a; echo $?; minyi-weight -q -M weight-kalton-rake.csv weight-kalton.csv | cmp - $T/a && echo same
exit: 0
stdout:
0
same
stderr:

=== /dev/stdin as the operand is copied once and read twice (issue 11)
cmd: cat weight-kalton.csv | timeout 20 minyi-weight -M weight-kalton-rake.csv /dev/stdin > $T/a 2> $T/err; echo $?; sed -n 1p $T/err; minyi-weight -q -M weight-kalton-rake.csv weight-kalton.csv | cmp - $T/a && echo same
exit: 0
stdout:
0
minyi-weight: /dev/stdin: 1000 records, 1000 used, 0 rejected
same
stderr:

=== margins separated by semicolons: comma-separated whatever -d says, not "see -d"
cmd: printf 'variable;category;population\nA;1;100\n' > $T/m.csv; cd $T && minyi-weight -q -d ';' -M m.csv /dev/null; minyi-weight -q -M m.csv /dev/null
exit: 1
stdout:
stderr:
minyi-weight:m.csv:1: no column 'variable' (columns: variable;category;population); fields separated by another delimiter? this file must be comma-separated, whatever -d says
minyi-weight:m.csv:1: no column 'variable' (columns: variable;category;population); fields separated by another delimiter? this file must be comma-separated, whatever -d says

=== a survey separated by semicolons: see -d, which governs it
cmd: tr , ';' < weight-kalton.csv > $T/s.csv; cp weight-kalton-rake.csv $T/m.csv; cd $T && minyi-weight -q -M m.csv s.csv
exit: 1
stdout:
stderr:
minyi-weight:s.csv:1: no column 'A' (columns: A;B); fields separated by another delimiter? see -d

=== margins with a title row of one field: remove it, not "see --skip-rows", which skips rows of the operands only
cmd: printf 'Population 2020\nvariable,category,population\nA,1,100\n' > $T/m.csv; cd $T && minyi-weight -q --skip-rows 1 -M m.csv /dev/null
exit: 1
stdout:
stderr:
minyi-weight:m.csv:1: no column 'variable' (columns: Population 2020); a title row above the header? remove it from this file (--skip-rows is for the operands)

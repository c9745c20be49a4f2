# minyi-rank: ranks, rank intervals, tiers.
#
# Independent figures, from R 4.2.2 Patched (2022-11-10 r83330):
#
#   P(rate >= 0.9) under Beta(18.5, 2.5) (18/20, Jeffreys):
#     pbeta(0.9, 18.5, 2.5, lower.tail = FALSE)     # 0.45813160155541294
#
#   P(rank 1) of three cadres with Jeffreys posteriors (rank-three.csv:
#   9/10, 18/20, 5/5), by numeric integration, not simulation:
#     a <- c(9.5, 18.5, 5.5); b <- c(1.5, 2.5, 0.5)
#     p1 <- function(i) integrate(function(x) { d <- dbeta(x, a[i], b[i])
#       for (j in setdiff(1:3, i)) d <- d * pbeta(x, a[j], b[j]); d },
#       0, 1, rel.tol = 1e-12)$value
#     sapply(1:3, p1)                 # 0.201663 0.190320 0.608017
#   The simulation's 100000 draws must be within 0.006 (about four
#   Monte Carlo standard errors) of them.
#
# rank-small-n.csv: one cadre rated 5/5 and five rated by 80 to 200.
# By the raw rate S1 is first; shrunk (minyi-adjust's prior), 5 answers
# at 100% fall behind 190/200 and 135/150: the posterior order differs.

=== raw rates: the 5/5 cadre first, ties share a rank
cmd: minyi-rank -q --by-stat rate --draws 0 rank-small-n.csv
stdout:
cadre,n,sat,rate,rank,ranked
S1,5,5,1,1,6
B1,200,190,0.95,2,6
B2,150,135,0.9,3,6
B4,100,85,0.85,4,6
B3,120,96,0.8,5,6
B5,80,60,0.75,6,6
stderr:

=== posterior means: the 5/5 cadre falls behind the large samples
cmd: minyi-adjust -q rank-small-n.csv | minyi-rank -q --draws 0 --digits 4 | cut -d, -f1,5,6
stdout:
cadre,post_mean,rank
B1,0.9394,1
B2,0.8939,2
S1,0.8816,3
B4,0.852,4
B3,0.8108,5
B5,0.7773,6
stderr:

=== equal rates share a rank (competition), output by key, not input order
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nZ,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nA,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nM,10,10,10,1,0.7,1,0,0,0.95,wilson\nQ,10,10,8,0.8,0.5,0.95,0,0,0.95,wilson\n' | minyi-rank -q --by-stat rate --draws 0 | cut -d, -f1,5
stdout:
cadre,rank
M,1
A,2
Z,2
Q,4
stderr:

=== dense ranks
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nZ,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nA,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nM,10,10,10,1,0.7,1,0,0,0.95,wilson\nQ,10,10,8,0.8,0.5,0.95,0,0,0.95,wilson\n' | minyi-rank -q --by-stat rate --draws 0 --dense | cut -d, -f1,5
stdout:
cadre,rank
M,1
A,2
Z,2
Q,3
stderr:

=== P(rank 1) of three cadres within 0.006 of R's integral
cmd: minyi-rank -q --by-stat rate --top 1 --draws 100000 rank-three.csv | awk -F, 'NR > 1 { w = $1 == "C1" ? 0.201663 : $1 == "C2" ? 0.190320 : 0.608017; d = $10 - w; print $1, (d < 0.006 && d > -0.006) ? "ok" : "off " $10 }'
stdout:
C3 ok
C1 ok
C2 ok
stderr:

=== the same seed gives the same bytes, the input's row order does not matter
cmd: minyi-rank -q --by-stat rate rank-small-n.csv > $T/a; (head -n 1 rank-small-n.csv; tail -n +2 rank-small-n.csv | sort -r) | minyi-rank -q --by-stat rate > $T/b; cmp $T/a $T/b && echo same
stdout:
same
stderr:

=== P(rate>=0.9) of the policy equals R's pbeta
cmd: minyi-rank -q --by-stat rate --policy rank-policy.csv --digits 6 --explain C2 rank-three.csv | grep 'Policy line 2'
stdout:
Policy line 2, tier A: P(rate>=0.9) >= 0.5; P(rate>=0.9) is 0.458132.  Not met: next rule.
stderr:

=== each row names the rule that decided its tier
cmd: minyi-rank -q --by-stat rate --policy rank-policy.csv --draws 0 rank-three.csv | cut -d, -f1,7,8
stdout:
cadre,tier,tier_rule
C3,A,line 2: P(rate>=0.9) >= 0.5
C1,B,line 3: none of the above
C2,B,line 3: none of the above
stderr:

=== a row with no answers is written unranked and insufficient data
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nA,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nB,0,0,0,,,,0,0,0.95,wilson\n' | minyi-rank -q --by-stat rate --draws 10 --policy rank-policy.csv | cut -d, -f1,5-
stdout:
cadre,rank,ranked,rank_median,rank_lo,rank_hi,p_top10pct,posterior,tier,tier_rule
A,1,1,1,1,1,1,jeffreys,B,line 3: none of the above
B,,1,,,,,none,insufficient data,"line 2: P(rate>=0.9) >= 0.5, P(rate>=0.9) unknown"
stderr:

=== no post_mean: refused, with what to do
cmd: minyi-rank rank-three.csv
exit: 1
stdout:
stderr:
minyi-rank:rank-three.csv:1: the table has no column 'post_mean': rank an adjusted table (minyi-adjust), or choose --by-stat rate or lo

=== --by-stat standardized without std_rate: refused
cmd: minyi-rank --by-stat standardized rank-three.csv
exit: 1
stdout:
stderr:
minyi-rank:rank-three.csv:1: the table has no column 'std_rate': --by-stat standardized needs the standardised rates of minyi-score --standardize-by

=== a bad policy line is named
cmd: printf 'rule,tier,stat,op,threshold\ntier,A,rate,=>,0.9\ntier,B,,,\n' > $T/p.csv; minyi-rank --by-stat rate --policy $T/p.csv rank-three.csv 2>&1 | sed "s|$T/||"
stdout:
minyi-rank:p.csv:2: op '=>' is none of >=, >, <=, <

=== standardized: the draws are scaled by std_ref / std_expected (R: 0.915767)
# P(B first) = P(X_B * 0.8 / 0.6 > X_A * 0.8 / 0.9), X_B ~ Beta(14.5, 6.5),
# X_A ~ Beta(8.5, 2.5) (Jeffreys), by R 4.2.2's integrate:
#   f <- function(x) dbeta(x, 14.5, 6.5) *
#     pbeta(pmin(1, x * (0.8/0.6) / (0.8/0.9)), 8.5, 2.5)
#   integrate(f, 0, 1, rel.tol = 1e-12)$value      # 0.915767
# 100000 draws: Monte Carlo standard error 0.0009; 0.003 allowed.
cmd: minyi-rank -q --by-stat standardized --top 1 --draws 100000 | awk -F, '$1 == "B" { d = $11 - 0.915767; print $6, (d < 0.003 && d > -0.003) ? "P(first) within 0.003 of R" : "P(first) " $11 }'
stdin:
cadre,rows,n,sat,rate,lo,hi,dk,miss,std_expected,std_oe,std_oe_lo,std_oe_hi,std_rate,std_lo,std_hi,std_ref,level,method
A,10,10,8,0.8,0.49,0.94,0,0,0.9,0.8888888888888888,0.54,1.05,0.7111111111111111,0.43,0.84,0.8,0.95,wilson
B,20,20,14,0.7,0.48,0.85,0,0,0.6,1.1666666666666667,0.8,1.42,0.9333333333333333,0.64,1.14,0.8,0.95,wilson
stdout:
1 P(first) within 0.003 of R

=== --roster: names joined, a roster cadre without a row listed as no data, the table's cadres the roster lacks kept and said
cmd: printf 'cadre,name,unit,position,township,villages,households\nC1,汪明鑫,城关镇人民政府,党委书记,城关镇,,\nC2,张伟,城关镇人民政府,镇长,城关镇,,\nC9,李娜,向阳镇人民政府,副镇长,向阳镇,,\n' > $T/ro.csv && minyi-rank --by-stat rate --draws 0 -R $T/ro.csv adjust-small.csv
stdout:
cadre,name,unit,position,township,n,sat,rate,rank,ranked,roster
C2,张伟,城关镇人民政府,镇长,城关镇,5,5,1,1,8,listed
C8,,,,,25,24,0.96,2,8,not in roster
C4,,,,,12,11,0.9166666666666666,3,8,not in roster
C6,,,,,60,55,0.9166666666666666,3,8,not in roster
C1,汪明鑫,城关镇人民政府,党委书记,城关镇,20,18,0.9,5,8,listed
C3,,,,,40,30,0.75,6,8,not in roster
C7,,,,,8,6,0.75,6,8,not in roster
C5,,,,,3,1,0.3333333333333333,8,8,not in roster
C9,李娜,向阳镇人民政府,副镇长,向阳镇,,,,,8,no data
stderr:
minyi-rank: adjust-small.csv: 8 records, 8 used, 0 rejected
minyi-rank: 6 rows of cadres not in the roster: C8, C4, C6, C3, C7, ...
minyi-rank: 1 row 'no data' for roster cadres without answers

=== --roster with --within: a no-data row in every stratum, its keys the stratum's and the cadre's
cmd: printf 'wave,cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nW1,C1,4,4,4,1,0.51,1,0,0,0.95,wilson\nW2,C2,5,5,4,0.8,0.37,0.96,0,0,0.95,wilson\n' > $T/t.csv && printf 'cadre,name\nC1,甲\nC2,乙\n' > $T/ro.csv && minyi-rank -q --by-stat rate --draws 0 --within wave -R $T/ro.csv $T/t.csv
stdout:
wave,cadre,name,unit,position,township,n,sat,rate,rank,ranked,roster
W1,C1,甲,,,,4,4,1,1,1,listed
W1,C2,乙,,,,,,,,1,no data
W2,C2,乙,,,,5,4,0.8,1,1,listed
W2,C1,甲,,,,,,,,1,no data

=== --roster needs the cadre among the keys
cmd: printf 'cadre,name\nC1,甲\n' > $T/ro.csv && minyi-rank --by-stat rate -R $T/ro.csv --cadre-column who adjust-small.csv
exit: 1
stderr:
minyi-rank:adjust-small.csv:1: --roster joins on the key column 'who', which the table lacks (its keys are the columns before 'rows')

=== no rows kept (header only, or every row rejected): an empty ranking, no sort of a NULL array (fuzz-ranker found qsort (NULL, 0) under UBSan)
cmd: head -n 1 rank-three.csv > $T/t.csv && minyi-rank -q --by-stat rate --draws 100 --top 1 $T/t.csv
stdout:
cadre,n,sat,rate,rank,ranked,rank_median,rank_lo,rank_hi,p_top1,posterior

=== the figures do not depend on the threads (blocks of draws seeded from the seed and the block's number)
cmd: for j in 1 2 5; do minyi-rank -q --by-stat rate --draws 1000 --top 1,50% -j $j rank-small-n.csv > $T/j$j; done; minyi-rank -q --by-stat rate --draws 1000 --top 1,50% rank-small-n.csv > $T/jd; cmp $T/j1 $T/j2 && cmp $T/j1 $T/j5 && cmp $T/j1 $T/jd && echo same
stdout:
same

=== --threads 0 is refused
cmd: minyi-rank --by-stat rate -j 0 rank-three.csv
exit: 2
stdout:
stderr:
minyi-rank: --threads must be a whole number from 1 to 256, not '0'
Try `minyi-rank --help' or `minyi-rank --usage' for more information.

=== a stratum of 30,000 cadres is ranked, its quantiles in four passes (the old limit was about 25,000)
cmd: awk 'BEGIN { print "cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method"; for (i = 1; i <= 30000; i++) { n = 10 + i % 90; s = int(n * (0.5 + 0.5 * ((i * 7919) % 1000) / 1000)); printf "K%05d,%d,%d,%d,%.17g,0,1,0,0,0.95,wilson\n", i, n, n, s, s / n } }' > $T/big.csv && minyi-rank -q --by-stat rate --draws 40 $T/big.csv | awk -F, 'NR > 1 && $8 >= 1 && $8 <= $7 && $7 <= $9 && $9 <= 30000 { k++ } END { print k " ranked with intervals" }'
stdout:
30000 ranked with intervals

=== --explain: a comma within a key is written \, (a backslash \\), the keys said as the table quotes them
cmd: printf 'unit,cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\n"A,B",C1,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nA,"B,C1",10,10,8,0.8,0.5,0.95,0,0,0.95,wilson\na\\b,C2,10,10,7,0.7,0.5,0.95,0,0,0.95,wilson\n' > $T/t.csv && minyi-rank -q --by-stat rate --draws 0 --explain 'A\,B,C1' $T/t.csv && minyi-rank -q --by-stat rate --draws 0 --explain 'A,B\,C1' $T/t.csv | head -n 1 && minyi-rank -q --by-stat rate --draws 0 --explain 'a\\b,C2' $T/t.csv | head -n 1
stdout:
"A,B",C1: 9 satisfied of 10 answers, rate 0.9.
Ranked by rate (rate): rank 1 of 3, ties sharing a rank.
Its rate is 0.9.
A,"B,C1": 8 satisfied of 10 answers, rate 0.8.
a\b,C2: 7 satisfied of 10 answers, rate 0.7.
stderr:

=== --explain: unescaped, the comma separates keys: no such row
cmd: printf 'unit,cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\n"A,B",C1,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\n' > $T/t.csv && minyi-rank -q --by-stat rate --draws 0 --explain 'A,B,C1' $T/t.csv
exit: 2
stdout:
stderr:
minyi-rank: --explain: no row has the keys 'A,B,C1'

=== --explain: a row that meets a tier closed by a tied group above its cap is told why
cmd: printf 'rule,tier,stat,op,threshold,min_n,max_share\ntier,A,rate,>=,0.5,,40%%\ntier,B,,,,,\n' > $T/p.csv && printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nR1,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nR2,10,10,8,0.8,0.5,0.95,0,0,0.95,wilson\nR3,10,10,8,0.8,0.5,0.95,0,0,0.95,wilson\nR4,10,10,7,0.7,0.4,0.9,0,0,0.95,wilson\nR5,10,10,1,0.1,0.02,0.4,0,0,0.95,wilson\n' > $T/t.csv && minyi-rank -q --by-stat rate --draws 0 --policy $T/p.csv $T/t.csv | cut -d, -f1,7 && minyi-rank -q --by-stat rate --draws 0 --policy $T/p.csv --explain R4 $T/t.csv | grep 'Policy line 2'
stdout:
cadre,tier
R1,A
R2,B
R3,B
R4,B
R5,B
Policy line 2, tier A: rate >= 0.5; rate is 0.7; at most 40% of the 5 ranked.  Met, but the tier had closed: a group of tied rows at or above this rank would have passed its cap, so that group and every row after it go on: next rule.
stderr:

=== --top with a ninth cut-off says there are too many, not that the ninth is bad
cmd: minyi-rank -q --by-stat rate --top 1,2,3,4,5,6,7,8,9 rank-three.csv
exit: 2
stdout:
stderr:
minyi-rank: --top takes at most 8 cut-offs, not 9
Try `minyi-rank --help' or `minyi-rank --usage' for more information.

=== a key in two tables: the later row is rejected, its key quoted and where its first row is said (it said 'its keys are those of a row of an earlier table')
cmd: cp rank-three.csv $T/a.csv; (head -n 1 rank-three.csv; sed -n 3p rank-three.csv) > $T/b.csv; cd $T && minyi-rank -q --by-stat rate --draws 0 --rejects r.csv a.csv b.csv > /dev/null; echo $?; cut -d, -f1-5 r.csv
exit: 0
stdout:
1
source,line,reason,message,cadre
b.csv,2,duplicate,"key 'C2' already has a row, in a.csv:3"

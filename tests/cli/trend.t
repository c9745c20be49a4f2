# minyi-trend: the change between two waves.
#
# trend.csv holds answers of six cadres in two waves W1 and W2 (made up,
# seeded): K5 answered only in W1, K6 only in W2, K4 in W2 without an
# answer to q.  The differences and intervals come from R 4.2.2 Patched
# (2022-11-10 r83330), printed with "%.15g": Newcombe's (1998, Stat Med
# 17:873, method 10) hybrid score interval written out on the Wilson
# interval; with weights, on the Hajek rates and Kish's effective sizes:
#
#   d <- read.csv("trend.csv"); d <- d[!is.na(d$q), ]
#   d$y <- as.integer(d$q >= 4)
#   wil <- function(x, n, lev = .95) { z <- qnorm(1 - (1 - lev) / 2)
#     p <- x / n; c <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
#     h <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
#     c(c - h, c + h) }
#   nc <- function(x1, n1, x2, n2) { w1 <- wil(x1, n1); w2 <- wil(x2, n2)
#     p1 <- x1/n1; p2 <- x2/n2; d <- p2 - p1
#     c(d, d - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2),
#          d + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2)) }
#   for (k in c("K1", "K2", "K3")) {
#     a <- d[d$cadre == k & d$wave == "W1", ]
#     b <- d[d$cadre == k & d$wave == "W2", ]
#     u <- nc(sum(a$y), nrow(a), sum(b$y), nrow(b))
#     ra <- sum(a$weight * a$y) / sum(a$weight)
#     na <- sum(a$weight)^2 / sum(a$weight^2)
#     rb <- sum(b$weight * b$y) / sum(b$weight)
#     nb <- sum(b$weight)^2 / sum(b$weight^2)
#     cat(k, sprintf("%.15g", c(u, nc(ra * na, na, rb * nb, nb))), "\n") }
#
# which printed
#
#   K1 -0.397619047619048 -0.58162862335974 -0.173938426939241 -0.433116306599586 -0.642166270927993 -0.16041544907823
#   K2 0.6 0.239733118951797 0.802759031530873 0.662020905923345 0.208955903939202 0.844747183518175
#   K3 -0.0818181818181818 -0.297581037607273 0.146744598596316 -0.11044776119403 -0.374734656065169 0.18175252145685
#
# (the weighted figures are compared to 12 digits: R's last digit of K3's
# upper bound differs).

=== one table, two waves: a drop, a rise, no change, and every key kept
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv > $T/s.csv && cd $T && minyi-trend --wave wave=W1,W2 --digits 15 s.csv
stdout:
cadre,n1,sat1,rate1,n2,sat2,rate2,diff,diff_lo,diff_hi,change,level
K1,30,28,0.933333333333333,28,15,0.535714285714286,-0.397619047619048,-0.58162862335974,-0.173938426939241,drop,0.95
K2,12,4,0.333333333333333,15,14,0.933333333333333,0.6,0.239733118951797,0.802759031530873,rise,0.95
K3,20,18,0.9,22,18,0.818181818181818,-0.0818181818181818,-0.297581037607273,0.146744598596316,steady,0.95
K4,6,3,0.5,0,0,,,,,no-answers,0.95
K5,9,8,0.888888888888889,,,,,,,first-only,0.95
K6,,,,7,6,0.857142857142857,,,,second-only,0.95
stderr:
minyi-trend: s.csv: 10 records, 10 used, 0 rejected

=== weighted: Hajek rates on their effective sizes
cmd: minyi-score -q -w weight -i q -s 4..5 -g wave,cadre trend.csv | minyi-trend -q --wave wave=W1,W2 --digits 12 | cut -d, -f1,4,8,10-13
stdout:
cadre,rate1,rate2,diff,diff_lo,diff_hi,change
K1,0.91935483871,0.48623853211,-0.4331163066,-0.642166270928,-0.160415449078,drop
K2,0.19512195122,0.857142857143,0.662020905923,0.208955903939,0.844747183518,rise
K3,0.910447761194,0.8,-0.110447761194,-0.374734656065,0.181752521457,steady
K4,0.541666666667,,,,,no-answers
K5,0.903225806452,,,,,first-only
K6,,0.909090909091,,,,second-only

=== two tables, the wave's column left out of the join
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv > $T/s.csv && grep -E '^(wave|W1)' $T/s.csv > $T/w1.csv && grep -E '^(wave|W2)' $T/s.csv > $T/w2.csv && minyi-trend -q --ignore-key wave --digits 15 $T/w1.csv $T/w2.csv | cut -d, -f1,8-11
stdout:
cadre,diff,diff_lo,diff_hi,change
K1,-0.397619047619048,-0.58162862335974,-0.173938426939241,drop
K2,0.6,0.239733118951797,0.802759031530873,rise
K3,-0.0818181818181818,-0.297581037607273,0.146744598596316,steady
K4,,,,no-answers
K5,,,,first-only
K6,,,,second-only

=== two tables keyed by their wave share no key: said so, status 1
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv > $T/s.csv && grep -E '^(wave|W1)' $T/s.csv > $T/w1.csv && grep -E '^(wave|W2)' $T/s.csv > $T/w2.csv && cd $T && minyi-trend w1.csv w2.csv 2>err.txt >/dev/null; echo $?; cat err.txt
stdout:
1
minyi-trend: w1.csv: 5 records, 5 used, 0 rejected
minyi-trend: w2.csv: 5 records, 5 used, 0 rejected
minyi-trend: no key is in both waves: are the tables keyed by their wave too (--ignore-key COLUMN)?
minyi-trend: all inputs: 10 records, 10 used, 0 rejected

=== the provenance counts what was found, rows of other waves too
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv | sed 's/^W2,/W3,/' > $T/s.csv && minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv | grep '^W2' >> $T/s.csv && minyi-trend -q --wave wave=W1,W2 -o $T/t.csv $T/s.csv && grep -E '^(wave_column|first|second|keys|in_both|first_only|second_only|rises|drops|steady|no_answers|other_wave_rows),' $T/t.csv.meta.csv
stdout:
wave_column,wave
first,W1
second,W2
keys,6
in_both,4
first_only,1
second_only,1
rises,1
drops,1
steady,1
no_answers,1
other_wave_rows,5

=== no key left to join on
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv > $T/s.csv && cd $T && minyi-trend --wave wave=W1,W2 --ignore-key cadre s.csv
exit: 1
stdout:
stderr:
minyi-trend:s.csv:1: no key column is left to join the waves on

=== a key twice in one wave is rejected, with both lines
cmd: minyi-score -q -i q -s 4..5 -g township,cadre stdz.csv > $T/a.csv && cp $T/a.csv $T/b.csv && cd $T && minyi-trend --ignore-key township a.csv b.csv 2>&1 >/dev/null | sed -n '1p;3p'
stdout:
minyi-trend:a.csv:5: key 'K1' already has a row in the first wave, on line 2
minyi-trend:a.csv:8: key 'K3' already has a row in the first wave, on line 3

=== tables of different kinds are not compared
cmd: minyi-score -q -i q -s 4..5 -g cadre trend.csv > $T/a.csv && minyi-score -q -w weight -i q -s 4..5 -g cadre trend.csv > $T/b.csv && cd $T && minyi-trend a.csv b.csv 2>&1 >/dev/null
exit: 1
stdout:
minyi-trend: a.csv: 6 records, 6 used, 0 rejected
minyi-trend:b.csv:1: one table is weighted, the other not: compare like with like

=== usage errors
cmd: minyi-trend --wave wave=W1 x.csv; minyi-trend --wave wave=W1,W1 x.csv; minyi-trend x.csv; minyi-trend -l 1 a b
exit: 2
stderr:
minyi-trend: --wave must be COLUMN=FIRST,SECOND, not 'wave=W1'
Try `minyi-trend --help' or `minyi-trend --usage' for more information.
minyi-trend: --wave names the wave 'W1' twice
Try `minyi-trend --help' or `minyi-trend --usage' for more information.
minyi-trend: give two score tables, the first wave's and the second's, or one with --wave
Try `minyi-trend --help' or `minyi-trend --usage' for more information.
minyi-trend: level must be a number between 0 and 1, not '1'
Try `minyi-trend --help' or `minyi-trend --usage' for more information.

=== a column that is not a key
cmd: minyi-trend --wave rows=1,2 trend.csv
exit: 1
stderr:
minyi-trend:trend.csv:1: no column 'rows' (columns: wave, cadre, weight, q)

=== the same table twice is not two waves
cmd: minyi-score -q -i q -s 4..5 -g cadre trend.csv > $T/a.csv && ln $T/a.csv $T/b.csv && cd $T && minyi-trend a.csv b.csv
exit: 2
stdout:
stderr:
minyi-trend: 'a.csv' and 'b.csv' are the same table: compare two waves
Try `minyi-trend --help' or `minyi-trend --usage' for more information.

=== --wave naming a wave no row has: said, with the values the column holds; status 1, nothing written
cmd: minyi-score -q -w weight -i q -s 4..5 -g wave,cadre trend.csv > $T/w.csv; minyi-trend -q --wave wave=W1,W9 -o $T/out.csv $T/w.csv; echo "status $?"; minyi-trend -q --wave wave=W0,W2 $T/w.csv; echo "status $?"; head -n 1 $T/w.csv | minyi-trend -q --wave wave=W1,W2; echo "status $?"
exit: 0
stdout:
status 1
status 1
status 1
nofile out.csv
stderr:
minyi-trend: --wave: no row has 'W9' in column 'wave' (the second wave); the column holds 'W1', 'W2'
minyi-trend: --wave: no row has 'W0' in column 'wave' (the first wave); the column holds 'W1', 'W2'
minyi-trend: --wave: no row has 'W1' in column 'wave' (the first wave): the tables have no rows

=== --wave naming a wave no row has, in a column of many values: the first ten, then "..."
cmd: minyi-score -q -w weight -i q -s 4..5 -g wave,cadre trend.csv | awk -F, -v OFS=, 'NR == 1 { print; next } NR == 2 { for (i = 1; i <= 12; i++) { $1 = "V" i; print } }' | minyi-trend -q --wave wave=W1,W2
exit: 1
stdout:
stderr:
minyi-trend: --wave: no row has 'W1' in column 'wave' (the first wave); the column holds 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10', ...

=== no key in both waves: the table is still written, every row in one wave only, and -q keeps status 1
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv > $T/s.csv && grep -E '^(wave|W1)' $T/s.csv > $T/w1.csv && grep -E '^(wave|W2)' $T/s.csv > $T/w2.csv && cd $T && minyi-trend -q -o t.csv w1.csv w2.csv; echo $?; cut -d, -f1,2,12 t.csv
stdout:
1
wave,cadre,change
W1,K1,first-only
W1,K2,first-only
W1,K3,first-only
W1,K4,first-only
W1,K5,first-only
W2,K1,second-only
W2,K2,second-only
W2,K3,second-only
W2,K4,second-only
W2,K6,second-only
stderr:

=== the waves of one table share keys: status 0
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv > $T/s.csv && grep -E '^(wave|W1)' $T/s.csv > $T/w1.csv && grep -E '^(wave|W2)' $T/s.csv > $T/w2.csv && cd $T && minyi-trend -q --ignore-key wave w1.csv w2.csv > /dev/null; echo $?
stdout:
0
stderr:

=== no key in both waves under --wave: said without the --ignore-key hint, which --wave needs not; status 1
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv | sed 's/^W2,K/W2,Z/' > $T/z.csv && cd $T && minyi-trend -q --wave wave=W1,W2 z.csv > /dev/null; echo $?; minyi-trend --wave wave=W1,W2 z.csv 2>&1 > /dev/null | grep 'both'
stdout:
1
minyi-trend: no key is in both waves: each has rows in one wave only

=== a wave with no rows: no key in both, said, status 1, the table still written
cmd: minyi-score -q -i q -s 4..5 -g wave,cadre trend.csv > $T/s.csv && grep -E '^(wave|W1)' $T/s.csv > $T/w1.csv && head -n 1 $T/s.csv > $T/w2.csv && cd $T && minyi-trend -q --ignore-key wave -o t.csv w1.csv w2.csv; echo $?; minyi-trend --ignore-key wave w2.csv w1.csv 2>&1 > /dev/null | grep 'both'; cut -d, -f1,11 t.csv
stdout:
1
minyi-trend: no key is in both waves: the first wave has no rows
cadre,change
K1,first-only
K2,first-only
K3,first-only
K4,first-only
K5,first-only

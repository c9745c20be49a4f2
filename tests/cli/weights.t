# minyi-score with survey weights and respondent-group shares.
#
# The weighted figures of the first case come from R, not from minyi:
# R 4.2.2 Patched (2022-11-10 r83330), survey 4.1.1, run from the top of
# the tree as Rscript FILE with FILE holding:
#
#   library(survey)
#   d <- read.csv("data/survey.csv", stringsAsFactors = FALSE,
#                 na.strings = c("", "NA"))
#   d <- d[!is.na(d$q1) & !(d$q1 %in% c("不了解", "说不清")), ]
#   d$sat <- as.numeric(d$q1 %in% c("满意", "基本满意"))
#   for (id in c("C0001", "C0002", "C0003", "C0100")) {
#     x <- d[d$cadre == id, ]
#     des <- svydesign(ids = ~1, weights = ~weight, data = x)
#     m <- svymean(~sat, des)
#     cat(id, sprintf("%.6f %.6f %.4f %.4f", coef(m), SE(m), sum(x$weight),
#                     sum(x$weight)^2 / sum(x$weight^2)), "\n")
#   }
#
# which printed (rate, SE, sum of weights, Kish effective n):
#
#   C0001 0.862843 0.160509 21.1290 3.3175
#   C0002 0.961348 0.038542 71.4060 27.6843
#   C0003 0.950237 0.034914 140.8880 42.1649
#   C0100 0.912325 0.087993 29.9400 10.9833
#
# The weighted respondent-group composite on the sample (Hajek rate and
# Kish n_eff per group, shares renormalised over the groups present, the
# Wilson interval on n* = min(grate(1-grate)/se^2, sum n_g)) from R, run
# from the top of the tree:
#
#   d <- read.csv("data/survey.csv", stringsAsFactors = FALSE,
#                 na.strings = c("", "NA"))
#   d <- d[!is.na(d$q1) & !(d$q1 %in% c("不了解", "说不清")), ]
#   d$sat <- as.numeric(d$q1 %in% c("满意", "基本满意"))
#   W <- c(villager = 0.6, group_leader = 0.2, village_cadre = 0.2)
#   for (id in c("C0002", "C0017")) {
#     x <- d[d$cadre == id, ]
#     g <- names(W)[names(W) %in% x$respondent_type]; w <- W[g] / sum(W[g])
#     p <- sapply(g, function(k) with(x[x$respondent_type == k, ],
#                                     sum(weight * sat) / sum(weight)))
#     n <- sapply(g, function(k) with(x[x$respondent_type == k, ],
#                                     sum(weight)^2 / sum(weight^2)))
#     est <- sum(w * p); se <- sqrt(sum(w^2 * p * (1 - p) / n))
#     ns <- if (se > 0) min(est * (1 - est) / se^2, sum(n)) else sum(n)
#     z <- qnorm(0.975); x1 <- est * ns
#     ci <- (x1 + z^2 / 2) / (ns + z^2) + c(-1, 1) * z * sqrt(ns) /
#           (ns + z^2) * sqrt(est * (1 - est) + z^2 / (4 * ns))
#     cat(id, sprintf("%.6f %.6f %.6f %.6f", est, se, ci[1], ci[2]),
#         paste(setdiff(names(W), g), collapse = "|"), "\n") }
#
# printed:
#
#   C0002 0.947130 0.045862 0.781006 0.989010 village_cadre
#   C0017 0.893820 0.047771 0.745041 0.960396
#
# The respondent-group case is small enough to check by hand: C1 has
# villagers 2/3 satisfied (n 3), one group leader 1/1, village cadres 1/2;
# with shares 0.6/0.2/0.2 the composite is 0.6*2/3 + 0.2*1 + 0.2*1/2 = 0.7
# and its variance 0.36*(2/3)(1/3)/3 + 0.04*0 + 0.04*(1/4)/2 = 0.0316667,
# SE 0.177951.  The interval is Wilson's on the effective sample size
# n* = 0.7*0.3/0.177951^2 = 6.63, capped at the 6 answers: x = 4.2 of
# n = 6, centre (4.2 + z^2/2)/(6 + z^2) = 0.621932 with z = 1.959964,
# half-width z sqrt(6)/(6 + z^2) sqrt(0.21 + z^2/24) = 0.296756, so
# 0.325176 to 0.918690 (the Wald interval would be 0.351222 to 1).
# C2 has only villagers (1/2): the shares are renormalised to that group
# alone, 0.5, SE sqrt(0.25/2) = 0.353553, n* = 2: Wilson's 1 of 2,
# 0.094531 to 0.905469; the absent groups are named.

=== weighted rates, standard errors, weight sums and effective sizes equal R survey's (see the top of this file)
cmd: minyi-score -q -c ../../data/codebook.csv -w weight ../../data/survey.csv | grep -E '^(cadre|C0001|C0002|C0003|C0100),' | cut -d, -f1,5,8-10
exit: 0
stdout:
cadre,rate,wsum,neff,se
C0001,0.8628425386908988,21.129,3.317497556675037,0.16050877722316365
C0002,0.9613477859003444,71.406,27.684342269208788,0.03854245636203819
C0003,0.9502370677417523,140.888,42.16485747738294,0.034914107489641515
C0100,0.9123246492985972,29.94,10.983323280030612,0.08799330159095008
stderr:

=== all weights equal: every unweighted column comes out the same, on the whole sample
cmd: minyi-score -q -c ../../data/codebook.csv ../../data/survey.csv > $T/u.csv; awk -F, 'BEGIN { OFS = "," } NR == 1 { print $0 ",w"; next } { print $0 ",2.5" }' ../../data/survey.csv | minyi-score -q -c ../../data/codebook.csv -w w | cut -d, -f1-7,11- | cmp - $T/u.csv && echo equal
exit: 0
stdout:
equal
stderr:

=== respondent-group shares: composite, its standard error, absent groups renormalised and named; bad weights and unknown groups rejected
cmd: minyi-score --item q1 --satisfied '满意|基本满意' -w weight --group-weights villager=0.6,group_leader=0.2,village_cadre=0.2 groups.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,wsum,neff,se,dk,miss,grate,grate_se,grate_lo,grate_hi,grate_missing,level,method
C1,6,6,4,0.6666666666666666,0.29999331513839206,0.9032285888942195,6,6,0.21081851067789195,0,0,0.7,0.17795130420052185,0.3251762811476861,0.9186900036914476,,0.95,wilson
C2,2,2,1,0.5,0.09453120573423074,0.9054687942657693,2,2,0.5,0,0,0.5,0.3535533905932738,0.0945312057342308,0.9054687942657692,group_leader|village_cadre,0.95,wilson
stderr:
minyi-score:groups.csv:10: respondent group 'official' has no share in --group-weights
minyi-score:groups.csv:11: weight '-1' is not positive
minyi-score:groups.csv:12: weight 'NaN' is not finite
minyi-score:groups.csv:13: weight is empty
minyi-score: groups.csv: 12 records, 8 used, 4 rejected (bad-value 1, bad-weight 3)

=== shares that do not sum to 1
cmd: minyi-score --item q1 --satisfied 满意 --group-weights villager=0.6,group_leader=0.2 groups.csv
exit: 2
stdout:
stderr:
minyi-score: --group-weights: group shares sum to 0.8, not 1

=== a weight column that is not there
cmd: minyi-score --item q1 --satisfied 满意 -w poids groups.csv
exit: 1
stdout:
stderr:
minyi-score:groups.csv:1: no column 'poids' (columns: cadre, respondent_type, weight, q1)

=== weights too large or too small for the sums of squares are rejected
cmd: minyi-score --item q1 -s 满意 -w weight weights-extreme.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,wsum,neff,se,dk,miss,level,method
C1,2,2,1,0.3333333333333333,0.04160835426122944,0.8520361765117213,3,1.8,0.4444444444444444,0,0,0.95,wilson
stderr:
minyi-score:weights-extreme.csv:3: weight '1e308' is outside 1e-100..1e+100, where sums of squared weights lose precision or overflow
minyi-score:weights-extreme.csv:4: weight '1e-320' is outside 1e-100..1e+100, where sums of squared weights lose precision or overflow
minyi-score:weights-extreme.csv:5: weight '1e999' is not finite
minyi-score: weights-extreme.csv: 5 records, 2 used, 3 rejected (bad-weight 3)

=== a respondent group given twice in the shares
cmd: minyi-score --item q1 -s 满意 --group-weights villager=0.5,villager=0.5 groups.csv
exit: 2
stdout:
stderr:
minyi-score: --group-weights: group 'villager' given twice

=== respondent-group shares from a file give the same table as on the command line
cmd: minyi-score -q --item q1 -s '满意|基本满意' -w weight --group-weights villager=0.6,group_leader=0.2,village_cadre=0.2 groups.csv > $T/a; minyi-score -q --item q1 -s '满意|基本满意' -w weight --group-weights group-shares.csv groups.csv | cmp - $T/a && echo same
exit: 0
stdout:
same
stderr:

=== a shares file whose shares do not sum to 1: a data problem in a file, status 1 (was 2, a usage error, unlike a codebook's or margins'); the same shares on the command line stay a usage error
cmd: minyi-score -q --item q1 -s 满意 --group-weights group-shares-bad.csv groups.csv; echo $?; minyi-score -q --item q1 -s 满意 --group-weights villager=0.6,group_leader=0.3 groups.csv; echo $?
exit: 0
stdout:
1
2
stderr:
minyi-score: group-shares-bad.csv: group shares sum to 0.9, not 1
minyi-score: --group-weights: group shares sum to 0.9, not 1

=== numbers are read and written in the C locale whatever the locale says (a decimal-comma locale made for the test)
cmd: localedef -i de_DE -f UTF-8 $T/de_DE.UTF-8 2>/dev/null; LOCPATH=$T LC_ALL=de_DE.UTF-8 locale -k decimal_point; for prog in "minyi-score -q -c ../../data/codebook.csv -w weight -m exact -l 0.9" "minyi-weight -q -M weight-margins.csv"; do case $prog in minyi-score*) in=../../data/survey.csv;; *) in=weight-survey.csv;; esac; $prog $in > $T/c 2>&1; LOCPATH=$T LC_ALL=de_DE.UTF-8 $prog $in > $T/de 2>&1; cmp $T/c $T/de && echo "${prog%% *}: same bytes"; done
exit: 0
stdout:
decimal_point=","
minyi-score: same bytes
minyi-weight: same bytes
stderr:

=== weighted respondent-group composite equals R's (see the top of this file)
cmd: minyi-score -q -c ../../data/codebook.csv -w weight --group-weights villager=0.6,group_leader=0.2,village_cadre=0.2 ../../data/survey.csv | grep -E '^(cadre|C0002|C0017),' | cut -d, -f1,27-
exit: 0
stdout:
cadre,grate,grate_se,grate_lo,grate_hi,grate_missing,level,method
C0002,0.9471304880852041,0.04586160885221743,0.7810062863814283,0.9890095785241887,village_cadre,0.95,wilson
C0017,0.8938202247191012,0.04777134490069256,0.7450409678058234,0.9603956241079667,,0.95,wilson
stderr:

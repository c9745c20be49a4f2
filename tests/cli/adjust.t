# minyi-adjust: empirical-Bayes shrinkage and funnel limits.
#
# The figures of the first case come from R 4.2.2 Patched (2022-11-10
# r83330), not from minyi, printed with "%.6g" and compared with
# minyi-adjust --digits 6.  adjust-small.csv holds 8 cadres with
# x <- c(18,5,30,11,1,55,6,24) satisfied of n <- c(20,5,40,12,3,60,8,25):
#
#   nll <- function(t) { a <- exp(t[1]); b <- exp(t[2])
#     -sum(lbeta(x + a, n - x + b) - lbeta(a, b)) }
#   o <- optim(c(log(5), log(1)), nll, method = "BFGS",
#              control = list(reltol = 1e-15, maxit = 10000))
#   o <- optim(o$par, nll, method = "Nelder-Mead",
#              control = list(reltol = 1e-15, maxit = 10000))
#   a <- exp(o$par[1]); b <- exp(o$par[2])          # 26.3922 4.27805
#   pm <- (a + x) / (a + b + n)
#   lo <- qbeta(0.025, a + x, b + n - x); hi <- qbeta(0.975, a + x, b + n - x)
#   p0 <- sum(x) / sum(n)                            # 0.867052
#   z <- (x / n - p0) / sqrt(p0 * (1 - p0) / n)
#   lower <- function(p0, n, p) { r <- qbinom(p, n, p0)
#     while (pbinom(r, n, p0) < p) r <- r + 1
#     while (r > 0 && pbinom(r - 1, n, p0) >= p) r <- r - 1
#     al <- (pbinom(r, n, p0) - p) /
#           (pbinom(r, n, p0) - if (r > 0) pbinom(r - 1, n, p0) else 0)
#     max(0, min(1, (r - al) / n)) }
#   upper <- function(p0, n, p) 1 - lower(1 - p0, n, 1 - p)
#
# which printed, per cadre: post_mean post_lo post_hi; z; lower 95%,
# upper 95%, lower 99.8% (the rows of the first case's output).
#
# The pooled posteriors are Beta(X + 1/2, N - X + 1/2): R's
#   c(9.5/11, qbeta(c(.025,.975), 9.5, 1.5), 54.5/61,
#     qbeta(c(.025,.975), 54.5, 6.5))
# gives 0.863636 0.618685 0.988988 0.893443 0.805468 0.957169.

=== posterior means and intervals, the prior, z-scores and exact limits equal R's
cmd: minyi-adjust -q --digits 6 --overdispersion none adjust-small.csv | cut -d, -f1,12-17,19-22
exit: 0
stdout:
cadre,post_mean,post_lo,post_hi,prior_alpha,prior_beta,prior_fit,funnel_z,funnel_lo95,funnel_hi95,funnel_lo998
C1,0.8761,0.773457,0.950828,26.3922,4.27805,prior,0.433991,0.672946,1,0.56031
C2,0.880066,0.756908,0.963333,26.3922,4.27805,prior,0.875595,0.410308,1,0.141535
C3,0.797962,0.697562,0.882416,26.3922,4.27805,prior,-2.18045,0.739749,0.974475,0.664171
C4,0.876306,0.76358,0.955922,26.3922,4.27805,prior,0.506217,0.600878,1,0.44303
C5,0.813543,0.668022,0.92397,26.3922,4.27805,prior,-2.72276,0.164217,1,0
C6,0.897673,0.827911,0.950905,26.3922,4.27805,prior,1.13194,0.767486,0.956052,0.706597
C7,0.837651,0.707926,0.934497,26.3922,4.27805,prior,-0.975125,0.521328,1,0.322436
C8,0.905191,0.816429,0.966659,26.3922,4.27805,prior,1.36882,0.697918,1,0.602492
stderr:

=== the columns read are kept as they were, and the row order too
cmd: minyi-adjust -q adjust-small.csv | cut -d, -f1-11 | cmp - adjust-small.csv && echo same
exit: 0
stdout:
same
stderr:

=== one row: nothing to compare it with, its own Jeffreys-pooled posterior
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nC1,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\n' | minyi-adjust -q --digits 6 | cut -d, -f1,12-17,24
exit: 0
stdout:
cadre,post_mean,post_lo,post_hi,prior_alpha,prior_beta,prior_fit,funnel_flag
C1,0.863636,0.618685,0.988988,,,pooled:one-group,in
stderr:

=== rates no more varied than chance: full pooling
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nC1,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nC2,20,20,18,0.9,0.7,0.97,0,0,0.95,wilson\nC3,30,30,27,0.9,0.7,0.97,0,0,0.95,wilson\n' | minyi-adjust -q --digits 6 | cut -d, -f1,12-14,17
exit: 0
stdout:
cadre,post_mean,post_lo,post_hi,prior_fit
C1,0.893443,0.805468,0.957169,pooled:no-excess-variance
C2,0.893443,0.805468,0.957169,pooled:no-excess-variance
C3,0.893443,0.805468,0.957169,pooled:no-excess-variance
stderr:

=== one prior per stratum with --by; a missing --by column names those there are
cmd: minyi-score -q -c ../../data/codebook.csv -g wave,cadre ../../data/survey.csv > $T/s.csv; minyi-adjust -q --by wave $T/s.csv | cut -d, -f1,30 | sort -u | head -n 3; cd $T && minyi-adjust -q --by township s.csv
exit: 1
stdout:
2026Q1,6.145026378374492
2026Q2,6.394127592218705
wave,prior_alpha
stderr:
minyi-adjust:s.csv:1: no column 'township' (columns: wave, cadre, rows, n, sat, rate, lo, hi, dk, miss, index_n, index, index_lo, index_hi, overall_n, overall_mean, attitude_n, attitude_mean, style_n, style_mean, integrity_n, integrity_mean, efficiency_n, efficiency_mean, level, method)

=== a table adjusted already is refused
cmd: minyi-adjust -q adjust-small.csv > $T/a.csv; cd $T && minyi-adjust a.csv
exit: 1
stdout:
stderr:
minyi-adjust:a.csv:1: the table is adjusted already (it has 'post_mean'): adjust the score table it came from

=== a bad row is rejected with its line; the others are adjusted
cmd: sed '4s/,30,0.75,/,45,0.75,/' adjust-small.csv > $T/b.csv; cd $T && minyi-adjust --rejects r.csv b.csv | cut -d, -f1 | tr '\n' ' '; echo; cut -d, -f1-3 r.csv
exit: 0
stdout:
cadre C1 C2 C4 C5 C6 C7 C8 
source,line,reason
b.csv,4,bad-value
stderr:
minyi-adjust:b.csv:4: sat 45, n 40, rows 40: want sat <= n <= rows
minyi-adjust: b.csv: 8 records, 7 used, 1 rejected (bad-value 1)

=== weighted tables shrink their effective counts, and say so
cmd: cd $T && SOURCE_DATE_EPOCH=0 minyi-score -q -c $OLDPWD/../../data/codebook.csv -w weight $OLDPWD/../../data/survey.csv > w.csv && minyi-adjust -q --meta m.csv w.csv > /dev/null && grep -E '^(counts|prior|overdispersion|stratum),' m.csv
exit: 0
stdout:
prior,ml
counts,"effective (neff, neff rate)"
overdispersion,additive
stratum,
stderr:

=== the limits file for plotting: every n up to 20, then steps on a log scale
cmd: cd $T && minyi-adjust -q --overdispersion none --limits l.csv $OLDPWD/adjust-small.csv > /dev/null && head -n 3 l.csv && tail -n 1 l.csv | cut -d, -f1-3
exit: 0
stdout:
stratum,target,n,lo95,hi95,lo998,hi998,exact_lo95,exact_hi95,exact_lo998,exact_hi998
,0.8670520231213873,1,0,1,0,1,0,1,0,1
,0.8670520231213873,2,0.01588586956521737,1,0,1,0.01588586956521737,1,0,1
,0.8670520231213873,60
stderr:

=== options out of range are usage errors
cmd: minyi-adjust --target 1 adjust-small.csv; echo $?; minyi-adjust --prior em adjust-small.csv; echo $?; minyi-adjust --overdispersion huge adjust-small.csv; echo $?
exit: 0
stdout:
2
2
2
stderr:
minyi-adjust: --target must be a number between 0 and 1, not '1'
Try `minyi-adjust --help' or `minyi-adjust --usage' for more information.
minyi-adjust: --prior must be 'ml' or 'mm', not 'em'
Try `minyi-adjust --help' or `minyi-adjust --usage' for more information.
minyi-adjust: --overdispersion must be 'additive', 'multiplicative' or 'none', not 'huge'
Try `minyi-adjust --help' or `minyi-adjust --usage' for more information.

=== a statistic before 'rows' (where the keys are) is refused, not read as a key
cmd: printf 'cadre,method,rows,n,sat,rate,lo,hi,dk,miss,level\nA,wilson,10,10,3,0.3,0.1,0.6,0,0,0.95\n' > $T/r.csv; cd $T && minyi-adjust r.csv
exit: 1
stdout:
stderr:
minyi-adjust:r.csv:1: column 'method' comes before 'rows', where the keys are

=== figures that do not hold together are rejected: neff above n, an empty rate where n > 0, a rate that is not sat / n
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,wsum,neff,se,dk,miss,level,method\nF,30,30,5,0.1666,0.1,0.3,30,1e300,0.1,0,0,0.95,wilson\nG,30,30,5,,0.1,0.3,30,20,0.1,0,0,0.95,wilson\n' > $T/w.csv; printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nA,10,10,0,1,0.1,1,0,0,0.95,wilson\n' > $T/u.csv; cd $T && minyi-adjust w.csv > /dev/null; minyi-adjust u.csv > /dev/null
exit: 1
stdout:
stderr:
minyi-adjust:w.csv:2: neff 1e+300 is not in (0, n], n being 30
minyi-adjust:w.csv:3: rate is empty where n is 30
minyi-adjust: w.csv: 2 records, 0 used, 2 rejected (bad-value 2)
minyi-adjust:u.csv:2: rate 1 is not sat / n
minyi-adjust: u.csv: 1 record, 0 used, 1 rejected (bad-value 1)

=== a column named like one minyi-adjust adds is refused
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,prior_fit,level,method\nA,10,10,3,0.3,0.1,0.6,0,0,x,0.95,wilson\n' > $T/d.csv; cd $T && minyi-adjust d.csv
exit: 1
stdout:
stderr:
minyi-adjust:d.csv:1: the table has a column 'prior_fit', which minyi-adjust adds: rename it

=== --limits may not be the provenance file
cmd: minyi-adjust -q -o $T/o.csv --limits $T/o.csv.meta.csv adjust-small.csv
exit: 2
stdout:
stderr:
minyi-adjust: --limits names the provenance file
Try `minyi-adjust --help' or `minyi-adjust --usage' for more information.

=== every row rejected: the rejects file is written, and the empty table
cmd: printf 'cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nA,10,10,11,0.3,0.1,0.6,0,0,0.95,wilson\n' > $T/bad.csv; cd $T && minyi-adjust -q --rejects rej.csv bad.csv | cut -d, -f1-3; cut -d, -f1-3 rej.csv
exit: 0
stdout:
cadre,rows,n
source,line,reason
bad.csv,2,bad-value
stderr:

=== a key in two tables is refused: one row per cadre
cmd: minyi-adjust -o $T/a.csv adjust-small.csv adjust-small.csv 2>&1 | head -n 3
stdout:
minyi-adjust: adjust-small.csv: 8 records, 8 used, 0 rejected
minyi-adjust:adjust-small.csv:2: key 'C1' already has a row, in adjust-small.csv:2
minyi-adjust:adjust-small.csv:3: key 'C2' already has a row, in adjust-small.csv:3

=== tables of different interval methods are not adjusted together
cmd: sed 's/wilson$/exact/' adjust-small.csv | sed 's/^C/D/' > $T/exact.csv && minyi-adjust -o $T/a.csv adjust-small.csv $T/exact.csv 2>&1 | sed -n '2p;$p' | sed "s|$T/||"
stdout:
minyi-adjust:exact.csv:2: interval exact at level 0.95, where the first table has wilson at 0.95: adjust tables of one method together
minyi-adjust: all inputs: 16 records, 8 used, 8 rejected (bad-value 8)

=== a stratum without answers has no prior and no funnel curve
cmd: minyi-adjust -q --by grp --limits $T/lim.csv | cut -d, -f1,2,13,18; cut -d, -f1 $T/lim.csv | uniq
stdin:
cadre,grp,rows,n,sat,rate,lo,hi,dk,miss,level,method
C1,a,5,5,4,0.8,0.3,0.9,0,0,0.95,wilson
C2,a,3,3,3,1,0.4,1,0,0,0.95,wilson
C3,b,2,0,0,,,,0,2,0.95,wilson
stdout:
cadre,grp,post_mean,prior_fit
C1,a,0.8333333333333334,pooled:no-excess-variance
C2,a,0.8333333333333334,pooled:no-excess-variance
C3,b,,none:no-answers
stratum
a

=== the provenance says why a stratum was pooled
cmd: minyi-adjust -q --by grp -o $T/a.csv && grep '^prior_fit,' $T/a.csv.meta.csv
stdin:
cadre,grp,rows,n,sat,rate,lo,hi,dk,miss,level,method
C1,a,5,5,4,0.8,0.3,0.9,0,0,0.95,wilson
C2,a,3,3,3,1,0.4,1,0,0,0.95,wilson
C3,b,2,0,0,,,,0,2,0.95,wilson
stdout:
prior_fit,pooled:no-excess-variance
prior_fit,none:no-answers

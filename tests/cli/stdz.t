# minyi-score --standardize-by: indirect standardisation.
#
# The figures come from R 4.2.2 Patched (2022-11-10 r83330), not from
# minyi, printed with "%.15g" and compared with --digits 15.  stdz.csv
# holds 53 answers of five cadres in three townships (made up, seeded);
# K1, K3 and K5 serve several townships.  Unweighted:
#
#   d <- read.csv("stdz.csv", encoding = "UTF-8")
#   d$y <- as.integer(d$q >= 4)
#   r <- tapply(d$y, d$township, mean)      # reference rates
#   P <- mean(d$y)                           # overall rate
#   for (k in sort(unique(d$cadre))) {
#     s <- d[d$cadre == k, ]
#     ex <- mean(r[s$township]); oe <- mean(s$y) / ex
#     ci <- prop.test(sum(s$y), nrow(s), correct = FALSE)$conf.int  # Wilson
#     cat(k, sprintf("%.15g", c(ex, oe, ci / ex, oe * P, ci / ex * P, P)),
#         "\n") }
#
# Weighted (Hajek rates; the expected rate is the weighted mean of the
# strata's weighted rates):
#
#   rw <- tapply(d$weight * d$y, d$township, sum) /
#         tapply(d$weight, d$township, sum)
#   Pw <- sum(d$weight * d$y) / sum(d$weight)
#   ex <- sum(s$weight * rw[s$township]) / sum(s$weight)   # per cadre
#   rate <- sum(s$weight * s$y) / sum(s$weight)
#   c(ex, rate / ex, rate / ex * Pw, Pw)
#
# Two columns (township and respondent type): the same with
# d$s <- paste(d$township, d$rtype) as the stratum.

=== the std_ columns equal R's
cmd: minyi-score -i q -s 4..5 --standardize-by township --digits 15 stdz.csv | cut -d, -f1,10-17
stdout:
cadre,std_expected,std_oe,std_oe_lo,std_oe_hi,std_rate,std_lo,std_hi,std_ref
K1,0.936842105263158,0.925093632958802,0.663057486621278,1.02753573466527,0.802911455020847,0.575483856312808,0.891823467822685,0.867924528301887
K2,0.684210526315789,1.02307692307692,0.579906523212443,1.30399737840618,0.887953555878084,0.503315095618347,1.13177130956008,0.867924528301887
K3,0.852850877192982,1.09436873232193,0.822927806056989,1.15862354244039,0.949829465788848,0.714239227898519,1.00559779155204,0.867924528301887
K4,0.9375,0.948148148148148,0.602666980718234,1.04544971985222,0.822921034241789,0.523069454962995,0.907371454966077,0.867924528301887
K5,0.96875,1.03225806451613,0.526564297853319,1.03225806451613,0.89592209373098,0.457018069834956,0.89592209373098,0.867924528301887
stderr:
minyi-score: stdz.csv: 53 records, 53 used, 0 rejected

=== weighted: expected rates from the strata's Hajek rates
cmd: minyi-score -w weight -i q -s 4..5 --standardize-by township --digits 15 -q stdz.csv | cut -d, -f1,13,14,17,20
stdout:
cadre,std_expected,std_oe,std_rate,std_ref
K1,0.932266009852217,0.938573315719947,0.814805405954679,0.868131868131868
K2,0.655172413793103,1.03250773993808,0.896352873133059,0.868131868131868
K3,0.873876698014629,1.0923113715174,0.948270311537082,0.868131868131868
K4,0.933333333333333,0.958646616541353,0.83223167809634,0.868131868131868
K5,0.96,1.04166666666667,0.904304029304029,0.868131868131868

=== two columns make one stratum of each pair
cmd: minyi-score -i q -s 4..5 --standardize-by township,rtype --digits 15 -q stdz.csv | cut -d, -f1,10,11,14,17
stdout:
cadre,std_expected,std_oe,std_rate,std_ref
K1,0.945454545454545,0.916666666666667,0.79559748427673,0.867924528301887
K2,0.676136363636364,1.03529411764706,0.898557158712541,0.867924528301887
K3,0.851406926406926,1.09622473623999,0.951440337113954,0.867924528301887
K4,0.920634920634921,0.96551724137931,0.837996096291477,0.867924528301887
K5,1,1,0.867924528301887,0.867924528301887

=== the strata go into the provenance
cmd: minyi-score -q -i q -s 4..5 --standardize-by township -o $T/s.csv stdz.csv && grep -E '^(standardize_by|strata),' $T/s.csv.meta.csv
stdout:
standardize_by,township
strata,3

=== an answer without a stratum is rejected, with its line
cmd: minyi-score -i q -s 4..5 --standardize-by township
exit: 1
stdin:
cadre,township,q
K1,A,5
K1,,4
K2, ,3
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,std_expected,std_oe,std_oe_lo,std_oe_hi,std_rate,std_lo,std_hi,std_ref,level,method
K1,1,1,1,1,0.20654931437723745,1,0,0,1,1,0.20654931437723745,1,1,0.20654931437723745,1,1,0.95,wilson
stderr:
minyi-score:(standard input):3: empty stratum 'township'
minyi-score:(standard input):4: empty stratum 'township'
minyi-score: (standard input): 3 records, 1 used, 2 rejected (empty-key 2)

=== a stratum column the survey lacks
cmd: minyi-score -i q -s 4..5 --standardize-by village stdz.csv
exit: 1
stderr:
minyi-score:stdz.csv:1: no column 'village' (columns: cadre, township, rtype, weight, q)

=== a partial table cannot carry strata
cmd: minyi-score -i q -s 4..5 --standardize-by township --partial stdz.csv
exit: 2
stdout:
stderr:
minyi-score: --standardize-by cannot make a --partial table: a partial does not carry the strata
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== a column named twice
cmd: minyi-score -i q -s 4..5 --standardize-by township,township stdz.csv
exit: 2
stderr:
minyi-score: column 'township' named twice in --standardize-by
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== minyi-adjust keeps the std_ columns and checks them
cmd: minyi-score -q -i q -s 4..5 --standardize-by township -o $T/s.csv stdz.csv && sed 's/^\(K2,\([^,]*,\)\{9\}\)/\1-/' $T/s.csv | minyi-adjust -o $T/a.csv; echo "exit $?"; cut -d, -f1,10,11,14,17 $T/a.csv
stdout:
exit 1
cadre,std_expected,std_oe,std_rate,std_ref
K1,0.9368421052631579,0.9250936329588015,0.8029114550208466,0.8679245283018868
K3,0.8528508771929825,1.0943687323219338,0.9498294657888482,0.8679245283018868
K4,0.9375,0.9481481481481481,0.822921034241789,0.8679245283018868
K5,0.96875,1.032258064516129,0.89592209373098,0.8679245283018868
stderr:
minyi-adjust:(standard input):3: std_oe -1.02308 is negative
minyi-adjust: (standard input): 5 records, 4 used, 1 rejected (bad-value 1)

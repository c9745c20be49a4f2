# minyi-check: command-line cases (see tests/cli.sh for the format).
#
# Independent values (R 4.2.2 Patched (2022-11-10 r83330)):
#
# Cronbach's alpha and Feldt's 95% interval of the first case's report
# (the clean rows' items q2, q3, q4, complete cases; the first four rows
# are in 城关镇, the last two in 蒿坪镇):
#   af <- function(x) { k <- ncol(x)
#     k / (k - 1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x))) }
#   feldt <- function(a, n, k, level = 0.95) { g <- 1 - level
#     c(1 - (1 - a) * qf(1 - g / 2, n - 1, (n - 1) * (k - 1)),
#       1 - (1 - a) * qf(g / 2, n - 1, (n - 1) * (k - 1))) }
#   all <- rbind(c(5,4,5), c(4,4,3), c(2,1,2), c(5,5,5), c(3,2,4), c(1,1,1))
#   for (x in list(all, all[1:4, ], all[5:6, ])) { a <- af(x)
#     cat(sprintf("%.4f %.4f %.4f\n", a, feldt(a, nrow(x), 3)[1],
#                 feldt(a, nrow(x), 3)[2])) }
# prints 0.9610 0.8350 0.9941 / 0.9630 0.7556 0.9975 / 0.9167 -2.2089 0.9999.
#
# The collector test on collectors.csv (score (j1 - 1) / 9 * 100; each
# collector's pooled within-township sum of squares against the other
# collectors' in the same townships; F test, Bonferroni over 3):
#   d <- read.csv("tests/data/collectors.csv"); d$y <- (d$j1 - 1) / 9 * 100
#   m2 <- function(v) if (length(v) > 1) sum((v - mean(v))^2) else 0
#   for (c in sort(unique(d$collector))) { own <- 0; df <- 0; rest <- 0; dfr <- 0
#     for (t in unique(d$township[d$collector == c])) {
#       a <- d$y[d$collector == c & d$township == t]
#       b <- d$y[d$collector != c & d$township == t]
#       own <- own + m2(a); df <- df + length(a) - 1
#       if (length(b) >= 2) { rest <- rest + m2(b); dfr <- dfr + length(b) - 1 } }
#     f <- (own / df) / (rest / dfr); p <- pf(f, df, dfr)
#     cat(c, df, dfr, f, p, min(1, 3 * p), "\n") }
# prints A 4 5 0.0320285 0.00266268 0.00798805, B 8 9 1.8932165 0.81959012 1,
# C 5 3 0.8264706 0.39641122 1.
#
# Alpha and Feldt's 99% interval of the bundled sample (data/), all
# townships, from minyi-check's clean rows (build/clean.csv of make demo) and
# the af and feldt above; gsl_cdf_fdist_Pinv once failed on it and the
# summary said "nan to nan":
#   d <- read.csv("build/clean.csv", stringsAsFactors = FALSE)
#   x <- sapply(d[, c("q2", "q3", "q4", "q5")],
#               function(v) suppressWarnings(as.numeric(v)))
#   x <- x[complete.cases(x), ]; a <- af(x)
#   cat(nrow(x), sprintf("%.4f", c(a, feldt(a, nrow(x), 4, 0.99))), "\n")
# prints 5536 0.8006 0.7891 0.8116.

=== every reason code: clean rows out, the rest in the rejects file
cmd: minyi-check -c codebook4.csv -R roster.csv --rejects $T/rej.csv --report $T/report.csv check.csv
exit: 1
stdout:
wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4
2026Q1,城关镇,东坡村,C1,H1,S1,1.5,满意,5,4,5
2026Q1,城关镇,东坡村,C1,H2,S1,1.5,基本满意,4,4,3
2026Q1,城关镇,西沟村,C1,H3,S1,2,不满意,2,1,2
2026Q1,城关镇,东坡村,C2,H1,S2,1.5,满意,5,5,5
2026Q2,蒿坪镇,龙潭村,C3,H14,S3,1,满意,3,,4
2026Q2,蒿坪镇,龙潭村,C3,H15,S3,1,NA,3,2,4
2026Q2,蒿坪镇,龙潭村,C3,H1,S3,1,说不清,1,1,1
stderr:
minyi-check:check.csv:5: household 'H1' already rated cadre 'C1' in wave '2026Q1' on line 2
minyi-check:check.csv:7: cadre 'C9' is not in the roster
minyi-check:check.csv:8: cadre 'C1' serves 城关镇, not 蒿坪镇
minyi-check:check.csv:9: cadre 'C1' is not assigned village 南山村
minyi-check:check.csv:10: empty household (column 'household')
minyi-check:check.csv:11: answer '非常满意' to item 'overall' is not on its scale (满意|基本满意|不满意)
minyi-check:check.csv:12: answer 'four' to item 'attitude' is not a number on scale 1..5
minyi-check:check.csv:13: weight '-1' is not positive
minyi-check:check.csv:14: weight '0' is not positive
minyi-check:check.csv:15: weight 'NaN' is not finite
minyi-check:check.csv:16: weight 'inf' is not finite
minyi-check:check.csv:17: 10 fields where the header has 11
minyi-check:check.csv:21: field 8 (q1) opens a quote that is never closed
minyi-check: check.csv: 20 records, 7 used, 13 rejected (ragged 1, unterminated-quote 1, empty-key 1, bad-value 1, bad-number 1, bad-weight 4, unknown-cadre 1, outside-area 2, duplicate 1)
minyi-check: 2 waves: 2026Q1 4 rows, 2026Q2 3 rows
minyi-check: Cronbach's alpha 0.9610 (95% Feldt interval 0.8350 to 0.9941) on 3 items, 6 complete cases, 1 incomplete left out
minyi-check: coverage: 0 cadre-waves heard from fewer than 10% of their households (--min-coverage), 5 from none
minyi-check: flagged: 2 straight-lined rows, 0 implausibly uniform collectors (adjusted p < 0.001)
file rej.csv:
source,line,reason,message,wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4
check.csv,5,duplicate,household 'H1' already rated cadre 'C1' in wave '2026Q1' on line 2,2026Q1,城关镇,东坡村,C1,H1,S1,1.5,满意,5,5,5
check.csv,7,unknown-cadre,cadre 'C9' is not in the roster,2026Q1,城关镇,东坡村,C9,H4,S2,1,满意,4,4,4
check.csv,8,outside-area,"cadre 'C1' serves 城关镇, not 蒿坪镇",2026Q1,蒿坪镇,龙潭村,C1,H5,S2,1,满意,4,4,4
check.csv,9,outside-area,cadre 'C1' is not assigned village 南山村,2026Q1,城关镇,南山村,C1,H6,S2,1,满意,4,4,4
check.csv,10,empty-key,empty household (column 'household'),2026Q1,城关镇,东坡村,C2,,S2,1,满意,4,4,4
check.csv,11,bad-value,answer '非常满意' to item 'overall' is not on its scale (满意|基本满意|不满意),2026Q1,城关镇,东坡村,C2,H7,S2,1,非常满意,4,4,4
check.csv,12,bad-number,answer 'four' to item 'attitude' is not a number on scale 1..5,2026Q1,城关镇,东坡村,C2,H8,S2,1,满意,four,4,4
check.csv,13,bad-weight,weight '-1' is not positive,2026Q1,城关镇,东坡村,C2,H9,S2,-1,满意,4,4,4
check.csv,14,bad-weight,weight '0' is not positive,2026Q1,城关镇,东坡村,C2,H10,S2,0,满意,4,4,4
check.csv,15,bad-weight,weight 'NaN' is not finite,2026Q1,城关镇,东坡村,C2,H11,S2,NaN,满意,4,4,4
check.csv,16,bad-weight,weight 'inf' is not finite,2026Q1,城关镇,东坡村,C2,H12,S2,inf,满意,4,4,4
check.csv,17,ragged,10 fields where the header has 11,2026Q1,城关镇,东坡村,C2,H13,S2,1,满意,4,4
check.csv,21,unterminated-quote,field 8 (q1) opens a quote that is never closed,2026Q2,蒿坪镇,龙潭村,C3,H16,S3,1,"满意,4,4,4
"
file report.csv:
section,key,subkey,measure,value
file,check.csv,,encoding,UTF-8
file,check.csv,,read,20
file,check.csv,,written,7
file,check.csv,,rejected,13
file,check.csv,,flagged,2
file,check.csv,ragged,rejected,1
file,check.csv,unterminated-quote,rejected,1
file,check.csv,empty-key,rejected,1
file,check.csv,bad-value,rejected,1
file,check.csv,bad-number,rejected,1
file,check.csv,bad-weight,rejected,4
file,check.csv,unknown-cadre,rejected,1
file,check.csv,outside-area,rejected,2
file,check.csv,duplicate,rejected,1
township,城关镇,,read,15
township,城关镇,,written,4
township,城关镇,,rejected,11
township,城关镇,,flagged,1
township,城关镇,ragged,rejected,1
township,城关镇,empty-key,rejected,1
township,城关镇,bad-value,rejected,1
township,城关镇,bad-number,rejected,1
township,城关镇,bad-weight,rejected,4
township,城关镇,unknown-cadre,rejected,1
township,城关镇,outside-area,rejected,1
township,城关镇,duplicate,rejected,1
township,蒿坪镇,,read,5
township,蒿坪镇,,written,3
township,蒿坪镇,,rejected,2
township,蒿坪镇,,flagged,1
township,蒿坪镇,unterminated-quote,rejected,1
township,蒿坪镇,outside-area,rejected,1
wave,2026Q1,,written,4
wave,2026Q2,,written,3
coverage,C1,2026Q1,responses,3
coverage,C1,2026Q1,households,4
coverage,C1,2026Q1,rate,0.7500
coverage,C1,2026Q1,status,ok
coverage,C1,2026Q2,responses,0
coverage,C1,2026Q2,households,4
coverage,C1,2026Q2,rate,0.0000
coverage,C1,2026Q2,status,none
coverage,C2,2026Q1,responses,1
coverage,C2,2026Q1,households,3
coverage,C2,2026Q1,rate,0.3333
coverage,C2,2026Q1,status,ok
coverage,C2,2026Q2,responses,0
coverage,C2,2026Q2,households,3
coverage,C2,2026Q2,rate,0.0000
coverage,C2,2026Q2,status,none
coverage,C3,2026Q1,responses,0
coverage,C3,2026Q1,households,10
coverage,C3,2026Q1,rate,0.0000
coverage,C3,2026Q1,status,none
coverage,C3,2026Q2,responses,3
coverage,C3,2026Q2,households,10
coverage,C3,2026Q2,rate,0.3000
coverage,C3,2026Q2,status,ok
coverage,C4,2026Q1,responses,0
coverage,C4,2026Q1,households,5
coverage,C4,2026Q1,rate,0.0000
coverage,C4,2026Q1,status,none
coverage,C4,2026Q2,responses,0
coverage,C4,2026Q2,households,5
coverage,C4,2026Q2,rate,0.0000
coverage,C4,2026Q2,status,none
alpha,(all),,items,3
alpha,(all),,cases,6
alpha,(all),,incomplete,1
alpha,(all),,alpha,0.9610
alpha,(all),,lo,0.8350
alpha,(all),,hi,0.9941
alpha,城关镇,,items,3
alpha,城关镇,,cases,4
alpha,城关镇,,incomplete,0
alpha,城关镇,,alpha,0.9630
alpha,城关镇,,lo,0.7556
alpha,城关镇,,hi,0.9975
alpha,蒿坪镇,,items,3
alpha,蒿坪镇,,cases,2
alpha,蒿坪镇,,incomplete,1
alpha,蒿坪镇,,alpha,0.9167
alpha,蒿坪镇,,lo,-2.2089
alpha,蒿坪镇,,hi,0.9999
collector,S1,,n,3
collector,S1,,sd,43.5546
collector,S1,,sd_rest,
collector,S1,,df,2
collector,S1,,df_rest,0
collector,S1,,f,
collector,S1,,p,
collector,S1,,p_adj,
collector,S1,,status,n/a
collector,S2,,n,1
collector,S2,,sd,
collector,S2,,sd_rest,43.5546
collector,S2,,df,0
collector,S2,,df_rest,2
collector,S2,,f,
collector,S2,,p,
collector,S2,,p_adj,
collector,S2,,status,n/a
collector,S3,,n,3
collector,S3,,sd,41.1221
collector,S3,,sd_rest,
collector,S3,,df,2
collector,S3,,df_rest,0
collector,S3,,f,
collector,S3,,p,
collector,S3,,p_adj,
collector,S3,,status,n/a
flag,check.csv,6,straight-line,1
flag,check.csv,20,straight-line,1

=== rows read = rows written + rows rejected, on every test input
cmd: for f in badvalue.csv bom-crlf.csv check-bom.csv check-dupcol.csv check-extra.csv check-gb18030.csv check-nohousehold.csv check-reordered.csv check.csv chinese-header.csv gb18030.csv good.csv groups.csv headeronly.csv nocadre.csv ragged.csv sf.csv unterminated.csv tab.tsv; do minyi-check -q -c codebook4.csv -R roster.csv --rejects $T/rej --report $T/rep $f > $T/out; r=$(awk '{ q += gsub(/"/, "&") } q % 2 == 0 { n++ } END { print n }' $T/out); j=$(awk '{ q += gsub(/"/, "&") } q % 2 == 0 { n++ } END { print n }' $T/rej); awk -F, -v f=$f -v out=$((r - 1)) -v rej=$((j - 1)) '$1 == "file" && $4 ~ /^(read|written|rejected)$/ && $3 == "" { v[$4] += $5 } END { ok = v["read"] == v["written"] + v["rejected"] && out == v["written"] && rej == v["rejected"]; print f, v["read"], v["written"], v["rejected"], ok ? "adds up" : "DOES NOT ADD UP" }' $T/rep; done
exit: 0
stdout:
badvalue.csv 6 0 6 adds up
bom-crlf.csv 7 0 7 adds up
check-bom.csv 3 0 3 adds up
check-dupcol.csv 2 0 2 adds up
check-extra.csv 1 1 0 adds up
check-gb18030.csv 3 0 3 adds up
check-nohousehold.csv 1 0 1 adds up
check-reordered.csv 1 1 0 adds up
check.csv 20 7 13 adds up
chinese-header.csv 3 0 3 adds up
gb18030.csv 1 0 1 adds up
good.csv 7 0 7 adds up
groups.csv 12 0 12 adds up
headeronly.csv 0 0 0 adds up
nocadre.csv 1 0 1 adds up
ragged.csv 4 0 4 adds up
sf.csv 7 0 7 adds up
unterminated.csv 2 0 2 adds up
tab.tsv 1 0 1 adds up
stderr:
minyi-check:badvalue.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check:bom-crlf.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check:check-bom.csv:1: no column 'wave' (columns: 波次, 乡镇, 干部, 农户, q1, q2, q3, q4); a columns file (--columns, minyi-formats(5)) maps other names to the suite's
minyi-check:check-dupcol.csv:1: column 'household' appears twice in the header
minyi-check:check-gb18030.csv:1: no column 'wave' (columns: 波次, 乡镇, 干部, 农户, q1, q2, q3, q4); a columns file (--columns, minyi-formats(5)) maps other names to the suite's
minyi-check:check-nohousehold.csv:1: no column 'household' (columns: wave, township, village, cadre, q1, q2, q3, q4)
minyi-check:chinese-header.csv:1: no column 'wave' (columns: 村民组, 干部, q1, q2); a columns file (--columns, minyi-formats(5)) maps other names to the suite's
minyi-check:gb18030.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check:good.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check:groups.csv:1: no column 'wave' (columns: cadre, respondent_type, weight, q1)
minyi-check:headeronly.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check:nocadre.csv:1: no column 'cadre' (columns: wave, township, officer, household, q1, q2)
minyi-check:ragged.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check:sf.csv:1: no column 'q1' (columns: wave, cadre, household, j1, j2, j3, j4)
minyi-check:unterminated.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check:tab.tsv:1: no column 'wave' (columns: wave\x09township\x09cadre\x09household\x09q1\x09q2); fields separated by another delimiter? see -d

=== a column named twice rejects every row of that file
cmd: minyi-check -c codebook4.csv --rejects $T/rej.csv check-dupcol.csv
exit: 1
stdout:
wave,township,village,cadre,household,household,q1,q2,q3,q4
stderr:
minyi-check:check-dupcol.csv:1: column 'household' appears twice in the header
minyi-check: check-dupcol.csv: 2 records, 0 used, 2 rejected (duplicate-column 2)
minyi-check: Cronbach's alpha: not defined (0 complete cases of 3 items)
file rej.csv:
source,line,reason,message,wave,township,village,cadre,household,household.1,q1,q2,q3,q4
check-dupcol.csv,2,duplicate-column,column 'household' appears twice in the header,2026Q1,城关镇,东坡村,C1,H1,H1,满意,5,4,5
check-dupcol.csv,3,duplicate-column,column 'household' appears twice in the header,2026Q1,城关镇,东坡村,C1,H2,H2,满意,5,4,5

=== a missing required column rejects every row of that file
cmd: minyi-check -c codebook4.csv check-nohousehold.csv
exit: 1
stdout:
wave,township,village,cadre,q1,q2,q3,q4
stderr:
minyi-check:check-nohousehold.csv:1: no column 'household' (columns: wave, township, village, cadre, q1, q2, q3, q4)
minyi-check: check-nohousehold.csv: 1 record, 0 used, 1 rejected (missing-column 1)
minyi-check: Cronbach's alpha: not defined (0 complete cases of 3 items)

=== later files: columns reordered to the first file's, a different column set rejected
cmd: minyi-check -c codebook4.csv -R roster.csv --rejects $T/rej.csv check-reordered.csv good.csv check-extra.csv check-dupcol.csv 2>&1 >/dev/null; minyi-check -q -c codebook4.csv -R roster.csv check.csv check-reordered.csv | tail -n 2
exit: 0
stdout:
minyi-check: check-reordered.csv: 1 record, 1 used, 0 rejected
minyi-check:good.csv:1: no column 'q3' (columns: wave, township, cadre, household, q1, q2)
minyi-check: good.csv: 7 records, 0 used, 7 rejected (missing-column 7)
minyi-check:check-extra.csv:1: 12 columns where the first input has 11
minyi-check: check-extra.csv: 1 record, 0 used, 1 rejected (header-mismatch 1)
minyi-check:check-dupcol.csv:1: column 'household' appears twice in the header
minyi-check: check-dupcol.csv: 2 records, 0 used, 2 rejected (duplicate-column 2)
minyi-check: all inputs: 11 records, 1 used, 10 rejected (missing-column 7, duplicate-column 2, header-mismatch 1)
minyi-check: 1 wave: 2026Q3 1 row
minyi-check: Cronbach's alpha: not defined (1 complete cases of 3 items)
minyi-check: coverage: 0 cadre-waves heard from fewer than 10% of their households (--min-coverage), 3 from none
2026Q2,蒿坪镇,龙潭村,C3,H1,S3,1,说不清,1,1,1
2026Q3,城关镇,东坡村,C1,H20,S1,1,满意,5,4,4
stderr:
file rej.csv:
source,line,reason,message,household,wave,township,village,cadre,collector,weight,q1,q2,q3,q4
good.csv,2,missing-column,"no column 'q3' (columns: wave, township, cadre, household, q1, q2)",2026Q1,城关镇,C2,H1,满意,5
good.csv,3,missing-column,"no column 'q3' (columns: wave, township, cadre, household, q1, q2)",2026Q1,城关镇,C2,H2,基本满意,4
good.csv,4,missing-column,"no column 'q3' (columns: wave, township, cadre, household, q1, q2)",2026Q1,城关镇,C2,H3,不满意,2
good.csv,5,missing-column,"no column 'q3' (columns: wave, township, cadre, household, q1, q2)",2026Q1,城关镇,C1,H4,满意,
good.csv,6,missing-column,"no column 'q3' (columns: wave, township, cadre, household, q1, q2)",2026Q1,城关镇,C1,H5,不了解,3
good.csv,7,missing-column,"no column 'q3' (columns: wave, township, cadre, household, q1, q2)",2026Q1,城关镇,C1,H6,,NA
good.csv,8,missing-column,"no column 'q3' (columns: wave, township, cadre, household, q1, q2)",2026Q1,蒿坪镇,C3,H7,满意,5
check-extra.csv,2,header-mismatch,12 columns where the first input has 11,2026Q1,城关镇,东坡村,C1,H1,S1,1.5,满意,5,4,5,x
check-dupcol.csv,2,duplicate-column,column 'household' appears twice in the header,2026Q1,城关镇,东坡村,C1,H1,H1,满意,5,4,5
check-dupcol.csv,3,duplicate-column,column 'household' appears twice in the header,2026Q1,城关镇,东坡村,C1,H2,H2,满意,5,4,5

=== GB18030 export and BOM-prefixed UTF-8 give the same clean UTF-8
cmd: minyi-check -c codebook4.csv --wave 波次 --township 乡镇 --cadre 干部 --household 农户 check-gb18030.csv > $T/gb.csv; minyi-check -q -c codebook4.csv --wave 波次 --township 乡镇 --cadre 干部 --household 农户 check-bom.csv > $T/bom.csv; cmp $T/gb.csv $T/bom.csv && cat $T/bom.csv
exit: 0
stdout:
波次,乡镇,干部,农户,q1,q2,q3,q4
2026Q1,城关镇,C2,H1,满意,5,4,4
2026Q1,城关镇,C2,H2,不满意,2,2,1
stderr:
minyi-check: check-gb18030.csv: not valid UTF-8; read as GB18030
minyi-check:check-gb18030.csv:4: household 'H2' already rated cadre 'C2' in wave '2026Q1' on line 3
minyi-check: check-gb18030.csv: 3 records, 2 used, 1 rejected (duplicate 1)
minyi-check: 1 wave: 2026Q1 2 rows
minyi-check: Cronbach's alpha 0.9844 (95% Feldt interval 0.3983 to 1.0000) on 3 items, 2 complete cases, 0 incomplete left out

=== GB18030 on standard input is spooled and guessed
cmd: minyi-check -c codebook4.csv --wave 波次 --township 乡镇 --cadre 干部 --household 农户 < check-gb18030.csv
exit: 1
stdout:
波次,乡镇,干部,农户,q1,q2,q3,q4
2026Q1,城关镇,C2,H1,满意,5,4,4
2026Q1,城关镇,C2,H2,不满意,2,2,1
stderr:
minyi-check: (standard input): not valid UTF-8; read as GB18030
minyi-check:(standard input):4: household 'H2' already rated cadre 'C2' in wave '2026Q1' on line 3
minyi-check: (standard input): 3 records, 2 used, 1 rejected (duplicate 1)
minyi-check: 1 wave: 2026Q1 2 rows
minyi-check: Cronbach's alpha 0.9844 (95% Feldt interval 0.3983 to 1.0000) on 3 items, 2 complete cases, 0 incomplete left out

=== declared UTF-8 is not guessed: GB18030 rows are rejected
cmd: minyi-check -c codebook4.csv --encoding UTF-8 --wave 1 --township 2 --cadre 3 --household 4 check-gb18030.csv
exit: 1
stdout:
stderr:
minyi-check:check-gb18030.csv:1: header is not valid UTF-8; if the file came from a Chinese Excel, try --encoding=GB18030

=== Cronbach's alpha: Shrout and Fleiss (1979) ratings give 0.9093, the incomplete case left out
cmd: minyi-check -q -c sf-codebook.csv --report $T/report.csv sf.csv > /dev/null; grep '^alpha,(all)' $T/report.csv
exit: 0
stdout:
alpha,(all),,items,4
alpha,(all),,cases,6
alpha,(all),,incomplete,1
alpha,(all),,alpha,0.9093
alpha,(all),,lo,0.6757
alpha,(all),,hi,0.9859
stderr:
file report.csv:
section,key,subkey,measure,value
file,sf.csv,,encoding,UTF-8
file,sf.csv,,read,7
file,sf.csv,,written,7
file,sf.csv,,rejected,0
file,sf.csv,,flagged,0
township,,,read,7
township,,,written,7
township,,,rejected,0
township,,,flagged,0
wave,1,,written,7
coverage,T,1,responses,7
coverage,T,1,rate,
coverage,T,1,status,unknown
alpha,(all),,items,4
alpha,(all),,cases,6
alpha,(all),,incomplete,1
alpha,(all),,alpha,0.9093
alpha,(all),,lo,0.6757
alpha,(all),,hi,0.9859
alpha,,,items,4
alpha,,,cases,6
alpha,,,incomplete,1
alpha,,,alpha,0.9093
alpha,,,lo,0.6757
alpha,,,hi,0.9859

=== strict: the first rejected row stops the run, no file written
cmd: minyi-check -c codebook4.csv -R roster.csv --strict -o $T/clean.csv --rejects $T/rej.csv --report $T/report.csv check.csv
exit: 1
stdout:
stderr:
minyi-check:check.csv:5: household 'H1' already rated cadre 'C1' in wave '2026Q1' on line 2
minyi-check: stopped at the first rejected record (--strict)
minyi-check: no output file written
nofile clean.csv
nofile rej.csv
nofile report.csv

=== coverage flags below --min-coverage, roster cadres without responses listed
cmd: minyi-check -q -c codebook4.csv -R roster.csv --min-coverage 0.5 --report $T/report.csv check.csv > /dev/null; grep '^coverage' $T/report.csv | grep -E ',(status|rate),'
exit: 0
stdout:
coverage,C1,2026Q1,rate,0.7500
coverage,C1,2026Q1,status,ok
coverage,C1,2026Q2,rate,0.0000
coverage,C1,2026Q2,status,none
coverage,C2,2026Q1,rate,0.3333
coverage,C2,2026Q1,status,low
coverage,C2,2026Q2,rate,0.0000
coverage,C2,2026Q2,status,none
coverage,C3,2026Q1,rate,0.0000
coverage,C3,2026Q1,status,none
coverage,C3,2026Q2,rate,0.3000
coverage,C3,2026Q2,status,low
coverage,C4,2026Q1,rate,0.0000
coverage,C4,2026Q1,status,none
coverage,C4,2026Q2,rate,0.0000
coverage,C4,2026Q2,status,none
stderr:
file report.csv:
section,key,subkey,measure,value
file,check.csv,,encoding,UTF-8
file,check.csv,,read,20
file,check.csv,,written,7
file,check.csv,,rejected,13
file,check.csv,,flagged,2
file,check.csv,ragged,rejected,1
file,check.csv,unterminated-quote,rejected,1
file,check.csv,empty-key,rejected,1
file,check.csv,bad-value,rejected,1
file,check.csv,bad-number,rejected,1
file,check.csv,bad-weight,rejected,4
file,check.csv,unknown-cadre,rejected,1
file,check.csv,outside-area,rejected,2
file,check.csv,duplicate,rejected,1
township,城关镇,,read,15
township,城关镇,,written,4
township,城关镇,,rejected,11
township,城关镇,,flagged,1
township,城关镇,ragged,rejected,1
township,城关镇,empty-key,rejected,1
township,城关镇,bad-value,rejected,1
township,城关镇,bad-number,rejected,1
township,城关镇,bad-weight,rejected,4
township,城关镇,unknown-cadre,rejected,1
township,城关镇,outside-area,rejected,1
township,城关镇,duplicate,rejected,1
township,蒿坪镇,,read,5
township,蒿坪镇,,written,3
township,蒿坪镇,,rejected,2
township,蒿坪镇,,flagged,1
township,蒿坪镇,unterminated-quote,rejected,1
township,蒿坪镇,outside-area,rejected,1
wave,2026Q1,,written,4
wave,2026Q2,,written,3
coverage,C1,2026Q1,responses,3
coverage,C1,2026Q1,households,4
coverage,C1,2026Q1,rate,0.7500
coverage,C1,2026Q1,status,ok
coverage,C1,2026Q2,responses,0
coverage,C1,2026Q2,households,4
coverage,C1,2026Q2,rate,0.0000
coverage,C1,2026Q2,status,none
coverage,C2,2026Q1,responses,1
coverage,C2,2026Q1,households,3
coverage,C2,2026Q1,rate,0.3333
coverage,C2,2026Q1,status,low
coverage,C2,2026Q2,responses,0
coverage,C2,2026Q2,households,3
coverage,C2,2026Q2,rate,0.0000
coverage,C2,2026Q2,status,none
coverage,C3,2026Q1,responses,0
coverage,C3,2026Q1,households,10
coverage,C3,2026Q1,rate,0.0000
coverage,C3,2026Q1,status,none
coverage,C3,2026Q2,responses,3
coverage,C3,2026Q2,households,10
coverage,C3,2026Q2,rate,0.3000
coverage,C3,2026Q2,status,low
coverage,C4,2026Q1,responses,0
coverage,C4,2026Q1,households,5
coverage,C4,2026Q1,rate,0.0000
coverage,C4,2026Q1,status,none
coverage,C4,2026Q2,responses,0
coverage,C4,2026Q2,households,5
coverage,C4,2026Q2,rate,0.0000
coverage,C4,2026Q2,status,none
alpha,(all),,items,3
alpha,(all),,cases,6
alpha,(all),,incomplete,1
alpha,(all),,alpha,0.9610
alpha,(all),,lo,0.8350
alpha,(all),,hi,0.9941
alpha,城关镇,,items,3
alpha,城关镇,,cases,4
alpha,城关镇,,incomplete,0
alpha,城关镇,,alpha,0.9630
alpha,城关镇,,lo,0.7556
alpha,城关镇,,hi,0.9975
alpha,蒿坪镇,,items,3
alpha,蒿坪镇,,cases,2
alpha,蒿坪镇,,incomplete,1
alpha,蒿坪镇,,alpha,0.9167
alpha,蒿坪镇,,lo,-2.2089
alpha,蒿坪镇,,hi,0.9999
collector,S1,,n,3
collector,S1,,sd,43.5546
collector,S1,,sd_rest,
collector,S1,,df,2
collector,S1,,df_rest,0
collector,S1,,f,
collector,S1,,p,
collector,S1,,p_adj,
collector,S1,,status,n/a
collector,S2,,n,1
collector,S2,,sd,
collector,S2,,sd_rest,43.5546
collector,S2,,df,0
collector,S2,,df_rest,2
collector,S2,,f,
collector,S2,,p,
collector,S2,,p_adj,
collector,S2,,status,n/a
collector,S3,,n,3
collector,S3,,sd,41.1221
collector,S3,,sd_rest,
collector,S3,,df,2
collector,S3,,df_rest,0
collector,S3,,f,
collector,S3,,p,
collector,S3,,p_adj,
collector,S3,,status,n/a
flag,check.csv,6,straight-line,1
flag,check.csv,20,straight-line,1

=== naming a column makes it required
cmd: minyi-check -c codebook4.csv -w poids check.csv
exit: 1
stdout:
wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4
stderr:
minyi-check:check.csv:1: no column 'poids' (columns: wave, township, village, cadre, household, collector, weight, q1, q2, q3, q4)
minyi-check: check.csv: 20 records, 0 used, 20 rejected (missing-column 20)
minyi-check: Cronbach's alpha: not defined (0 complete cases of 3 items)

=== a --codebook is required
cmd: minyi-check check.csv
exit: 2
stdout:
stderr:
minyi-check: a --codebook is required
Try `minyi-check --help' or `minyi-check --usage' for more information.

=== --min-coverage must be a proportion
cmd: minyi-check -c codebook4.csv --min-coverage 10 check.csv
exit: 2
stdout:
stderr:
minyi-check: --min-coverage must be a number from 0 to 1, not '10'
Try `minyi-check --help' or `minyi-check --usage' for more information.

=== --alpha-items must name numeric items
cmd: minyi-check -c codebook4.csv --alpha-items overall check.csv
exit: 2
stdout:
stderr:
minyi-check: item 'overall' has no numeric scale

=== empty input
cmd: minyi-check -c codebook4.csv empty.csv
exit: 1
stdout:
stderr:
minyi-check:empty.csv:1: empty input: no header line

=== a file mixing UTF-8 and GB18030 lines: the bad rows are rejected
cmd: minyi-check -c codebook.csv --collector 2 badutf8.csv
exit: 1
stdout:
wave,township,cadre,household,q1,q2
2026Q1,城关镇,C1,H1,满意,5
2026Q1,城关镇,C2,H3,不满意,2
stderr:
minyi-check: badutf8.csv: 1 line is not valid UTF-8, and the file is not GB18030 either: read as UTF-8, those rows rejected
minyi-check:badutf8.csv:3: field 2 (township) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-check: badutf8.csv: 3 records, 2 used, 1 rejected (encoding 1)
minyi-check: 1 wave: 2026Q1 2 rows

=== NA in a key column counts as empty
cmd: printf 'wave,cadre,household,q1,q2,q3,q4\n1,NA,H1,满意,5,5,4\n1,C1,#N/A,满意,5,5,4\n' | minyi-check -c codebook4.csv
exit: 1
stdout:
wave,cadre,household,q1,q2,q3,q4
stderr:
minyi-check:(standard input):2: empty cadre (column 'cadre')
minyi-check:(standard input):3: empty household (column 'household')
minyi-check: (standard input): 2 records, 0 used, 2 rejected (empty-key 2)
minyi-check: Cronbach's alpha: not defined (0 complete cases of 3 items)

=== one stray byte in a UTF-8 file costs its row, not the file
cmd: minyi-check -c codebook4.csv check-stray.csv
exit: 1
stdout:
wave,cadre,household,q1,q2,q3,q4
W1,C1,H1,满意,5,4,4
W1,C1,H2,不满意,4,4,4
W1,C1,H4,满意,2,3,3
stderr:
minyi-check: check-stray.csv: 1 line is not valid UTF-8, and the file is not GB18030 either: read as UTF-8, those rows rejected
minyi-check:check-stray.csv:4: field 2 (cadre) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-check: check-stray.csv: 4 records, 3 used, 1 rejected (encoding 1)
minyi-check: 1 wave: W1 3 rows
minyi-check: Cronbach's alpha 0.8571 (95% Feldt interval -0.5213 to 0.9964) on 3 items, 3 complete cases, 0 incomplete left out

=== a UTF-8 byte-order mark before GB18030 text: recognised, and the same clean rows
cmd: { printf '\357\273\277'; cat check-gb18030.csv; } > $T/bomgb.csv; minyi-check -q -c codebook4.csv --wave 波次 --township 乡镇 --cadre 干部 --household 农户 check-bom.csv > $T/a; minyi-check -c codebook4.csv --wave 波次 --township 乡镇 --cadre 干部 --household 农户 $T/bomgb.csv 2>&1 > $T/b | head -n 1 | sed 's|^.*bomgb.csv|bomgb.csv|'; cmp $T/a $T/b && echo same clean rows
exit: 0
stdout:
bomgb.csv: not valid UTF-8; read as GB18030
same clean rows
stderr:

=== the clean rows cannot be written: no rejects or report either
cmd: minyi-check -q -c codebook4.csv -o . --rejects $T/rej.csv --report $T/rep.csv check.csv; ls $T | wc -l
exit: 0
stdout:
0
stderr:
minyi-check: .: is a directory

=== a misspelt --township is an error, not a check silently off
cmd: minyi-check -q -c codebook4.csv -R roster.csv --township 乡 check.csv | wc -l
exit: 0
stdout:
1
stderr:
minyi-check:check.csv:1: no column '乡' (columns: wave, township, village, cadre, household, collector, weight, q1, q2, q3, q4)

=== the collector test: F statistics, p-values and the Bonferroni adjustment equal R's (see the top of this file)
cmd: minyi-check -c collectors-codebook.csv --collector-p 0.01 --report $T/rep.csv collectors.csv > /dev/null; grep -E '^collector,[A-C],,(df|df_rest|f|p|p_adj|status),' $T/rep.csv
exit: 0
stdout:
collector,A,,df,4
collector,A,,df_rest,5
collector,A,,f,0.0320
collector,A,,p,0.00266
collector,A,,p_adj,0.00799
collector,A,,status,uniform
collector,B,,df,8
collector,B,,df_rest,9
collector,B,,f,1.8932
collector,B,,p,0.82
collector,B,,p_adj,1
collector,B,,status,ok
collector,C,,df,5
collector,C,,df_rest,3
collector,C,,f,0.8265
collector,C,,p,0.396
collector,C,,p_adj,1
collector,C,,status,ok
stderr:
minyi-check: collectors.csv: 21 records, 21 used, 0 rejected
minyi-check: 1 wave: 1 21 rows
minyi-check: flagged: 0 straight-lined rows, 1 implausibly uniform collectors (adjusted p < 0.01)

=== --report on standard output is a usage error
cmd: minyi-check -c codebook4.csv --report - check.csv
exit: 2
stdout:
stderr:
minyi-check: --report needs a file, not standard output
Try `minyi-check --help' or `minyi-check --usage' for more information.

=== --report naming the -o file by another spelling is a usage error
cmd: minyi-check -c codebook4.csv -o $T/a.csv --report $T/./a.csv check.csv 2>&1 | head -n 1
exit: 0
stdout:
minyi-check: --report names the file of -o or --rejects
stderr:

=== the bundled sample at -l 0.99: Feldt bounds are numbers (R: 0.7891 to 0.8116)
cmd: minyi-check -c ../../data/codebook.csv -R ../../data/roster.csv -l 0.99 --report $T/r.csv ../../data/survey.csv 2>&1 >/dev/null | grep alpha; grep '^alpha,(all),,[lh]' $T/r.csv; awk -F, '$1 == "alpha" && ($4 == "lo" || $4 == "hi") && $5 !~ /^-?[0-9]/' $T/r.csv | wc -l
stdout:
minyi-check: Cronbach's alpha 0.8006 (99% Feldt interval 0.7891 to 0.8116) on 4 items, 5536 complete cases, 699 incomplete left out
alpha,(all),,lo,0.7891
alpha,(all),,hi,0.8116
0

=== a duplicate of a row first seen in the 65537th input names that input, not the first (the input's number was kept in 16 bits)
cmd: cd $T && printf 'item,column,label,values,satisfied,dontknow,weight\na,q1,A,1..5,4..5,,1\n' > cb.csv && awk 'BEGIN { for (i = 0; i <= 65536; i++) { f = "f" i; print "wave,township,cadre,household,q1" > f; print "W,T,C,H" i ",3" > f; close (f); print f } }' > list && printf 'wave,township,cadre,household,q1\nW,T,C,H0,4\nW,T,C,H65536,4\n' > g && minyi-check -q -c cb.csv -o out.csv --rejects rej.csv $(cat list) g; cat rej.csv
exit: 0
stdout:
source,line,reason,message,wave,township,cadre,household,q1
g,2,duplicate,household 'H0' already rated cadre 'C' in wave 'W' on line 2 of f0,W,T,C,H0,4
g,3,duplicate,household 'H65536' already rated cadre 'C' in wave 'W' on line 2 of f65536,W,T,C,H65536,4
stderr:

=== duplicates are looked up a batch of rows at a time: one past the first batches, another in the same batch as its first, give the same messages one record at a time (--strict, up to the first) as batched on one thread and on two
cmd: cd $T && printf 'item,column,label,values,satisfied,dontknow,weight\na,q1,A,1..5,4..5,,1\n' > cb.csv && awk 'BEGIN { print "wave,township,cadre,household,q1"; for (i = 1; i <= 3000; i++) { printf "W,T,C%d,H%d,3\n", i % 7, i; if (i == 2000) print "W,T,C5,H5,4"; if (i == 2900) print "W,T,C1,H2899,4" } }' > d.csv && for a in --strict '-j 1' '-j 2'; do MINYI_PIPE_MIN=0 minyi-check $a -c cb.csv -o out.csv d.csv > /dev/null 2> err; echo "$a: $?"; grep -e already -e stopped err; done
exit: 0
stdout:
--strict: 1
minyi-check:d.csv:2002: household 'H5' already rated cadre 'C5' in wave 'W' on line 6
minyi-check: stopped at the first rejected record (--strict)
-j 1: 1
minyi-check:d.csv:2002: household 'H5' already rated cadre 'C5' in wave 'W' on line 6
minyi-check:d.csv:2903: household 'H2899' already rated cadre 'C1' in wave 'W' on line 2901
-j 2: 1
minyi-check:d.csv:2002: household 'H5' already rated cadre 'C5' in wave 'W' on line 6
minyi-check:d.csv:2903: household 'H2899' already rated cadre 'C1' in wave 'W' on line 2901
stderr:

=== a roster and a columns file separated by semicolons must be comma-separated, whatever -d says
cmd: tr , ';' < roster.csv > $T/r.csv; printf 'name;alias\nwave;波次\n' > $T/cols.csv; cp codebook.csv check.csv $T; cd $T && minyi-check -q -c codebook.csv -R r.csv check.csv; echo $?; minyi-check -q -c codebook.csv --columns cols.csv check.csv; echo $?
stdout:
1
1
stderr:
minyi-check:r.csv:1: roster has no column 'cadre' (columns: cadre;name;unit;position;township;villages;households); fields separated by another delimiter? this file must be comma-separated, whatever -d says; a columns file (--columns, minyi-formats(5)) maps other names, such as 干部编号, to cadre
minyi-check:cols.csv:1: no column 'name' (columns: name;alias); fields separated by another delimiter? this file must be comma-separated, whatever -d says

=== --alpha-items naming an item's column: the item's name is said; an unknown name as before
cmd: minyi-check -q -c codebook.csv --alpha-items attitude,q2 check.csv; echo $?; minyi-check -q -c codebook.csv --alpha-items zz check.csv; echo $?
stdout:
2
2
stderr:
minyi-check: no item 'q2' in the codebook: 'q2' is the column of item 'attitude': give the item's name
minyi-check: no item 'zz' in the codebook

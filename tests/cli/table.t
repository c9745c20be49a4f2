# The score table as a contract: exact numbers, method and level in every
# row, no clashing column names, a provenance file (minyi-formats(5),
# "Score table" and "Provenance file").
#
# Independent values, from R 4.2.2 Patched (2022-11-10 r83330), printed
# with sprintf("%.12g", ...) and compared with minyi-score --digits 12:
#   prop.test(3, 2e6, correct = FALSE)$conf.int
#     5.10135492333e-07 4.41058446664e-06       (Wilson)
#   c(qbeta(0.05, 1, 2), qbeta(0.95, 2, 1))
#     0.0253205655191 0.974679434481            (Clopper-Pearson, 1 of 2, 90%)
#   d <- read.csv("data/survey.csv")
#   sum(d$weight[d$cadre == "C0001" & d$q1 != "" &
#                !(d$q1 %in% c("不了解", "说不清"))]) * 1e-6
#     2.1129e-05

=== a rate of 3 in 2,000,000 is 1.5e-06, not 0.000002, with Wilson's bounds as R gives them
cmd: awk 'BEGIN { print "cadre,q1"; for (i = 0; i < 2000000; i++) print "C1," (i < 3 ? "yes" : "no") }' > $T/big.csv; minyi-score -q --item q1 -s yes $T/big.csv | cut -d, -f1-5; minyi-score -q --item q1 -s yes --digits 12 $T/big.csv | cut -d, -f6,7
exit: 0
stdout:
cadre,rows,n,sat,rate
C1,2000000,2000000,3,1.5e-06
lo,hi
5.10135492333e-07,4.41058446664e-06
stderr:

=== normalised weights (all scaled by 1e-6) keep their weight sums, and the same rates
cmd: awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next } { $9 = $9 * 1e-6; print }' ../../data/survey.csv > $T/norm.csv; minyi-score -q -c ../../data/codebook.csv -w weight $T/norm.csv | cut -d, -f1,8 | head -n 3; minyi-score -q -c ../../data/codebook.csv -w weight --digits 12 $T/norm.csv | cut -d, -f5 > $T/a; minyi-score -q -c ../../data/codebook.csv -w weight --digits 12 ../../data/survey.csv | cut -d, -f5 | cmp - $T/a && echo same rates
exit: 0
stdout:
cadre,wsum
C0001,2.1129e-05
C0002,7.1406e-05
same rates
stderr:

=== a weighted rate of 3 in 2,000,000 (by weight) is written whole
cmd: minyi-score -q --item q1 -s yes -w weight tiny-rate.csv | cut -d, -f1,5,8
exit: 0
stdout:
cadre,rate,wsum
C1,1.5e-06,2000000
C2,0.25,4e-06
stderr:

=== method and level are in every row: exact at 90%, as R's qbeta gives
cmd: minyi-score -q --item q1 -s yes -m exact -l 0.9 --digits 12 tiny-rate.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method
C1,2,2,1,0.5,0.0253205655191,0.974679434481,0,0,0.9,exact
C2,2,2,1,0.5,0.0253205655191,0.974679434481,0,0,0.9,exact
stderr:

=== a key column named like a statistic is refused, naming both
cmd: minyi-score --item q1 -s 4..5 -g rate clash-key.csv
exit: 1
stdout:
stderr:
minyi-score:clash-key.csv:1: group key 'rate' clashes with the score table's column 'rate': rename one of them

=== an item named 'index' would give a second 'index_n': refused
cmd: minyi-score -c clash-codebook.csv -g cadre clash-codebook-survey.csv
exit: 1
stdout:
stderr:
minyi-score:clash-codebook-survey.csv:1: the score table's column 'index_n' clashes with the column 'index_n' of item 'index': rename one of them

=== --digits rounds for people; counts stay whole
cmd: minyi-score -q -c codebook.csv --digits 3 good.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,1,1,0.207,1,1,1,2,75,0,100,1,100,1,50,0.95,wilson
C2,3,3,2,0.667,0.208,0.939,0,0,3,57.8,0,100,3,53.3,3,66.7,0.95,wilson
C3,1,1,1,1,0.207,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:

=== --digits outside 1..17, or with --partial, is a usage error
cmd: minyi-score -q -c codebook.csv --digits 18 good.csv; echo $?; minyi-score -q -c codebook.csv --digits 3 --partial good.csv; echo $?
exit: 0
stdout:
2
2
stderr:
minyi-score: --digits must be a whole number from 1 to 17, not '18'
Try `minyi-score --help' or `minyi-score --usage' for more information.
minyi-score: --digits goes without --partial: partial tables are exact
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== --list-columns: the schema both the writer and the reader use
cmd: minyi-score --list-columns | head -n 4
exit: 0
stdout:
column,type,present,meaning
KEY,text,always,one column per --group key
rows,count,always,records used in the group
n,count,always,answers to the rated item in the rate's denominator
stderr:

=== the same input gives the same bytes, whatever the order of its records
cmd: minyi-score -q -c ../../data/codebook.csv -w weight -g wave,cadre ../../data/survey.csv > $T/a; (head -n 1 ../../data/survey.csv; tail -n +2 ../../data/survey.csv | sort -r) | minyi-score -q -c ../../data/codebook.csv -w weight -g wave,cadre | cmp - $T/a && echo same bytes
exit: 0
stdout:
same bytes
stderr:

=== the provenance file beside -o: program, date, command, inputs and their counts
cmd: cp codebook.csv badvalue.csv $T && cd $T && SOURCE_DATE_EPOCH=1790000000 minyi-score -q -c codebook.csv -m jeffreys -o s.csv badvalue.csv; echo $?; cat s.csv.meta.csv
exit: 0
stdout:
1
field,value
format,minyi-provenance 1
program,minyi-score
version,0.1.0
date,2026-09-21T14:13:20Z
command,minyi-score -q -c codebook.csv -m jeffreys -o s.csv badvalue.csv
input,badvalue.csv
input_encoding,UTF-8
input_records,6
input_used,1
input_rejected,5
records,6
used,1
rejected,5
columns,
columns_sha256,
table,score
digits,round-trip
codebook,codebook.csv
item,overall
method,jeffreys
level,0.95
dont_know,exclude
group,cadre
weight,
group_weights,
groups,1
standardize_by,
strata,

=== the provenance file records the columns file and its SHA-256 (as sha256sum computes it), also from a pipe
cmd: cp ../../data/columns-zh.csv $T/cols.csv; cd $T && minyi-score -q --columns cols.csv -c $OLDPWD/codebook.csv --meta m.csv $OLDPWD/good.csv > /dev/null; grep '^columns' m.csv; sha256sum cols.csv; iconv -f UTF-8 -t GB18030 cols.csv | MINYI_COLUMNS=/dev/stdin minyi-adjust -q --meta m2.csv $OLDPWD/adjust-small.csv > /dev/null; grep '^columns' m2.csv | cut -d, -f1; [ "$(grep '^columns_sha256' m2.csv | cut -d, -f2)" = "$(iconv -f UTF-8 -t GB18030 cols.csv | sha256sum | cut -d' ' -f1)" ] && echo same
exit: 0
stdout:
columns,cols.csv
columns_sha256,40a103e81bb2eb66abec30619be5098f806fd70a3797c44224b721f0b31d2007
40a103e81bb2eb66abec30619be5098f806fd70a3797c44224b721f0b31d2007  cols.csv
columns
columns_sha256
same

=== --meta names the provenance file; a command word with a space is quoted
cmd: cd $T && SOURCE_DATE_EPOCH=0 minyi-score -q -i q1 -s 'yes|no way' --meta m.csv $OLDPWD/tiny-rate.csv > /dev/null; grep -E '^(date|command|item),' m.csv | sed "s|$OLDPWD|DATA|"
exit: 0
stdout:
date,1970-01-01T00:00:00Z
command,minyi-score -q -i q1 -s 'yes|no way' --meta m.csv DATA/tiny-rate.csv
item,q1
stderr:

=== a SOURCE_DATE_EPOCH that is no number of seconds does not matter to a run that writes no provenance
cmd: minyi-score -q -c codebook.csv good.csv > $T/a; SOURCE_DATE_EPOCH=yesterday minyi-score -q -c codebook.csv good.csv | cmp - $T/a && echo same; minyi-score -q -c codebook.csv --partial good.csv | SOURCE_DATE_EPOCH=yesterday minyi-merge -q | SOURCE_DATE_EPOCH=yesterday minyi-adjust -q > /dev/null && echo merged and adjusted
exit: 0
stdout:
same
merged and adjusted
stderr:

=== a SOURCE_DATE_EPOCH that is no number of seconds is a usage error when provenance is written
cmd: SOURCE_DATE_EPOCH=yesterday minyi-score -q -c codebook.csv --meta $T/m.csv good.csv
exit: 2
stdout:
stderr:
minyi-score: SOURCE_DATE_EPOCH 'yesterday' is not a whole number of seconds from 0 to 253402300799 (the end of 9999)
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== without -o or --meta there is no provenance file
cmd: cd $T && minyi-score -q -c $OLDPWD/codebook.csv $OLDPWD/good.csv > s.csv; ls
exit: 0
stdout:
s.csv
stderr:

=== with jeffreys, a composite of rates all 1 is 1 and its interval reaches 1
cmd: minyi-score -q -c ../../data/codebook.csv --group-weights villager=0.6,group_leader=0.2,village_cadre=0.2 -m jeffreys ../../data/survey.csv | awk -F, 'NR > 1 && $24 != "" && !($26 <= $24 && $24 <= $27) { bad++ } END { print bad + 0 " rows with grate outside its interval" }'
exit: 0
stdout:
0 rows with grate outside its interval
stderr:

=== weighted means stay within 0..100 and n_eff within n, whatever the rounding (grouped by household)
cmd: minyi-score -q -c ../../data/codebook.csv -w weight -g household,cadre ../../data/survey.csv | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /_mean$|^index$/) m[i] = 1; next } { if ($10 > $4) bad++; for (i in m) if ($i != "" && ($i > 100 || $i < 0)) bad++ } END { print bad + 0 " cells out of range" }'
exit: 0
stdout:
0 cells out of range
stderr:

=== a run stopped by a signal leaves no temporary file, and the old outputs in place
cmd: cd $T; echo old > out.csv; sleep 3 | minyi-score -q -c $OLDPWD/codebook.csv -o out.csv --rejects rej.csv & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo $?; ls; cat out.csv
exit: 0
stdout:
143
out.csv
old

=== a key of several columns given twice is named whole, every column, in each reader's message
cmd: minyi-score -q -c codebook.csv -g wave,cadre --partial good.csv > $T/p.csv; (cat $T/p.csv; tail -n 1 $T/p.csv) > $T/dp.csv; minyi-score -q -c codebook.csv -g wave,cadre good.csv > $T/s.csv; (cat $T/s.csv; tail -n 1 $T/s.csv) > $T/ds.csv; cd $T && minyi-merge -o /dev/null dp.csv; minyi-adjust -o /dev/null ds.csv; minyi-adjust -o /dev/null s.csv s.csv; minyi-rank --by-stat rate --draws 0 -o /dev/null ds.csv; cd $OLDPWD && minyi-score -q -c codebook.csv -g wave,township,cadre good.csv > $T/s3.csv; cd $T && (cat s3.csv; tail -n 1 s3.csv | sed 's/^2026Q1/2026Q0/') > d3.csv; minyi-trend --ignore-key wave -o /dev/null d3.csv s3.csv 2>&1 | grep already >&2
stderr:
minyi-merge:dp.csv:5: key '2026Q1,C3' already has a row in this partial, on line 4
minyi-merge: dp.csv: 4 records, 3 used, 1 rejected (duplicate 1)
minyi-adjust:ds.csv:5: key '2026Q1,C3' already has a row, on line 4
minyi-adjust: ds.csv: 4 records, 3 used, 1 rejected (duplicate 1)
minyi-adjust: s.csv: 3 records, 3 used, 0 rejected
minyi-adjust:s.csv:2: key '2026Q1,C1' already has a row, in s.csv:2
minyi-adjust:s.csv:3: key '2026Q1,C2' already has a row, in s.csv:3
minyi-adjust:s.csv:4: key '2026Q1,C3' already has a row, in s.csv:4
minyi-adjust: s.csv: 3 records, 0 used, 3 rejected (duplicate 3)
minyi-adjust: all inputs: 6 records, 3 used, 3 rejected (duplicate 3)
minyi-rank:ds.csv:5: key '2026Q1,C3' already has a row, on line 4
minyi-rank: ds.csv: 4 records, 3 used, 1 rejected (duplicate 1)
minyi-trend:d3.csv:5: key '蒿坪镇,C3' already has a row in the first wave, on line 4

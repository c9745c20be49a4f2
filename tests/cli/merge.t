# minyi-merge: partial score tables added up (see tests/shards.sh for the
# shard/merge equality on the whole sample).

=== two partials of a file give the one-pass table, byte for byte
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; minyi-score -q -c codebook.csv --partial $T/a.csv > $T/pa.csv; minyi-score -q -c codebook.csv --partial $T/b.csv > $T/pb.csv; minyi-merge -q $T/pb.csv $T/pa.csv > $T/m.csv; minyi-score -q -c codebook.csv good.csv | cmp - $T/m.csv && echo same
exit: 0
stdout:
same
stderr:

=== the partial table: keys, format, constants, counts and exact sums (C1: index 100 and 50, sum 150 = 0x96, squares 12500 = 0x30d4; overall 100, 100^2 = 0x271p+4)
cmd: minyi-score -q -c codebook.csv --partial good.csv
exit: 0
stdout:
cadre,minyi_partial,method,level,dont_know,rate_item,scoring,rows,n,sat,dk,miss,index.n,index.sx,index.sxx,item.overall.n,item.overall.sx,item.overall.sxx,item.attitude.n,item.attitude.sx,item.attitude.sxx
C1,1,wilson,0.95,exclude,overall,00e5ab4d1c8548b4,3,1,1,1,1,2,0x96p+0,0x30d4p+0,1,0x64p+0,0x271p+4,1,0x32p+0,0x9c4p+0
C2,1,wilson,0.95,exclude,overall,00e5ab4d1c8548b4,3,3,2,0,0,3,0xad5555555555558p-52,0x37d671c71c71c72p-44,3,0xap+4,0x352p+4,3,0xc8p+0,0x3f7ap+0
C3,1,wilson,0.95,exclude,overall,00e5ab4d1c8548b4,1,1,1,0,0,1,0x64p+0,0x271p+4,1,0x64p+0,0x271p+4,1,0x64p+0,0x271p+4
stderr:

=== standard input, and -m, -l for another interval from the same sums
cmd: minyi-score -q -c codebook.csv --partial good.csv | minyi-merge -q -m exact -l 0.9 --digits 3 | cut -d, -f1-7,18-
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,level,method
C1,3,1,1,1,0.05,1,0.9,exact
C2,3,3,2,0.667,0.135,0.983,0.9,exact
C3,1,1,1,1,0.05,1,0.9,exact
stderr:

=== merges nest: partials of partials
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; minyi-merge -q --partial $T/p.csv $T/p.csv > $T/pp.csv; minyi-merge -q $T/pp.csv | cut -d, -f1-4
exit: 0
stdout:
cadre,rows,n,sat
C1,6,2,2
C2,6,6,4
C3,2,2,2
stderr:

=== a score table is not a partial
cmd: minyi-score -q -c codebook.csv good.csv > $T/s.csv; cd $T && minyi-merge s.csv
exit: 1
stdout:
stderr:
minyi-merge:s.csv:1: a score table, not a partial one (minyi-score --partial writes those)

=== partials of another scoring are refused, and nothing is written
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p1.csv; minyi-score -q --item q1 -s 满意 --partial good.csv > $T/p2.csv; cd $T && minyi-merge -o out.csv p1.csv p2.csv
exit: 1
stdout:
stderr:
minyi-merge: p1.csv: 3 records, 3 used, 0 rejected
minyi-merge:p2.csv:1: items differ from the first partial's: not the same scoring
nofile out.csv
nofile out.csv.meta.csv

=== damaged rows go to the rejects file; the others are merged
cmd: minyi-score -q -c codebook.csv --partial good.csv | sed -e '2s/,0x96p+0,/,0x96q+0,/' -e '3s/,3,3,2,/,3,3,4,/' > $T/bad.csv; cd $T && minyi-merge --rejects rej.csv -o m.csv bad.csv; echo $?; cut -d, -f1-4 m.csv; cut -d, -f1-3 rej.csv
exit: 0
stdout:
1
cadre,rows,n,sat
C3,1,1,1
source,line,reason
bad.csv,2,bad-number
bad.csv,3,bad-value
stderr:
minyi-merge:bad.csv:2: column 'index.sx': '0x96q+0' is not a finite hexadecimal exact sum
minyi-merge:bad.csv:3: counts do not add up (rows 3, n 3, sat 4, dk 0, miss 0)
minyi-merge: bad.csv: 3 records, 1 used, 2 rejected (bad-value 1, bad-number 1)

=== --strict stops at the first bad row and writes nothing
cmd: minyi-score -q -c codebook.csv --partial good.csv | sed '3s/,3,3,2,/,3,3,4,/' > $T/bad.csv; cd $T && minyi-merge -q --strict -o out.csv bad.csv
exit: 1
stdout:
stderr:
minyi-merge:bad.csv:3: counts do not add up (rows 3, n 3, sat 4, dk 0, miss 0)
minyi-merge: stopped at the first rejected record (--strict); nothing written
nofile out.csv

=== partials of different levels need -l
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/a.csv; minyi-score -q -c codebook.csv -l 0.9 --partial good.csv > $T/b.csv; cd $T && minyi-merge a.csv b.csv > /dev/null; echo $?; minyi-merge -q -l 0.8 a.csv b.csv | cut -d, -f1,2,18,19 | head -n 2
exit: 0
stdout:
1
cadre,rows,level,method
C1,6,0.8,wilson
stderr:
minyi-merge: a.csv: 3 records, 3 used, 0 rejected
minyi-merge:b.csv:2: interval method or level (give --method and --level) differ from the first partial's
minyi-merge:b.csv:3: interval method or level (give --method and --level) differ from the first partial's
minyi-merge:b.csv:4: interval method or level (give --method and --level) differ from the first partial's
minyi-merge: b.csv: 3 records, 0 used, 3 rejected (header-mismatch 3)
minyi-merge: all inputs: 6 records, 3 used, 3 rejected (header-mismatch 3)

=== a partial with a header only: the empty table of its shape
cmd: minyi-score -q -c codebook.csv --partial headeronly.csv | minyi-merge -q
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
stderr:

=== the provenance of a merge names its partials
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; cd $T && SOURCE_DATE_EPOCH=0 minyi-merge -q -o m.csv p.csv && grep -E '^(program|input|input_used|table|groups),' m.csv.meta.csv
exit: 0
stdout:
program,minyi-merge
input,p.csv
input_used,3
table,score
groups,3
stderr:

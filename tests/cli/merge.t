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
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; cp $T/p.csv $T/p2.csv; minyi-merge -q --partial $T/p.csv $T/p2.csv > $T/pp.csv; minyi-merge -q $T/pp.csv | cut -d, -f1-4
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
minyi-merge:p2.csv:1: not the same items as the first partial: another scoring
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
minyi-merge:b.csv:2: not the same interval method or level (give --method and --level) as the first partial
minyi-merge:b.csv:3: not the same interval method or level (give --method and --level) as the first partial
minyi-merge:b.csv:4: not the same interval method or level (give --method and --level) as the first partial
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

=== one file given twice would count its groups twice: a usage error
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; cd $T && minyi-merge p.csv ./p.csv
exit: 2
stdout:
stderr:
minyi-merge: 'p.csv' and './p.csv' are one file: its groups would count twice
Try `minyi-merge --help' or `minyi-merge --usage' for more information.

=== counts past 2^53, and counts that wrap around 2^64, are rejected, not added
cmd: minyi-score -q -c codebook.csv --partial good.csv | head -n 2 > $T/p.csv; awk -F, -v OFS=, 'NR == 2 { $8 = $9 = "9223372036854775808"; $10 = $11 = $12 = 0 } 1' $T/p.csv > $T/big.csv; awk -F, -v OFS=, 'NR == 2 { $8 = 1; $9 = 0; $10 = 0; $11 = 2; $12 = "18446744073709551615" } 1' $T/p.csv > $T/wrap.csv; cd $T && minyi-merge big.csv wrap.csv | cut -d, -f1-4
exit: 0
stdout:
cadre,rows,n,sat
stderr:
minyi-merge:big.csv:2: counts must be whole numbers from 0 to 2^53, rows at least 1 (rows 9223372036854775808, n 9223372036854775808, sat 0, dk 0, miss 0)
minyi-merge: big.csv: 1 record, 0 used, 1 rejected (bad-value 1)
minyi-merge:wrap.csv:2: counts must be whole numbers from 0 to 2^53, rows at least 1 (rows 1, n 0, sat 0, dk 2, miss 18446744073709551615)
minyi-merge: wrap.csv: 1 record, 0 used, 1 rejected (bad-value 1)
minyi-merge: all inputs: 2 records, 0 used, 2 rejected (bad-value 2)

=== sums no records could give are rejected: a negative index sum, an index count above rows
cmd: minyi-score -q -c codebook.csv --partial good.csv | head -n 2 > $T/p.csv; awk -F, -v OFS=, 'NR == 2 { $14 = "-0x96p+0" } 1' $T/p.csv > $T/neg.csv; awk -F, -v OFS=, 'NR == 2 { $13 = 100 } 1' $T/p.csv > $T/many.csv; cd $T && minyi-merge -q --rejects rej.csv neg.csv many.csv > /dev/null; cut -d, -f1-4 rej.csv
exit: 0
stdout:
source,line,reason,message
neg.csv,2,bad-value,"sums outside what the scores allow (rows 3
many.csv,2,bad-value,"index.n is above rows (rows 3
stderr:

=== a key twice in one partial is rejected; in two partials it is added
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; (cat $T/p.csv; tail -n 1 $T/p.csv) > $T/dup.csv; cd $T && minyi-merge dup.csv | cut -d, -f1-3
exit: 0
stdout:
cadre,rows,n
C1,3,1
C2,3,3
C3,1,1
stderr:
minyi-merge:dup.csv:5: key 'C3' already has a row in this partial, on line 4
minyi-merge: dup.csv: 4 records, 3 used, 1 rejected (duplicate 1)

=== partials of another rated item, or of another codebook, are not added
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/a.csv; minyi-score -q -c codebook.csv -r attitude --partial good.csv > $T/b.csv; sed 's/^overall,q1,/overall,q1,/; s/满意=100/满意=90/' codebook.csv > $T/cb2.csv; minyi-score -q -c $T/cb2.csv --partial good.csv > $T/c.csv; cd $T && minyi-merge a.csv b.csv c.csv | cut -d, -f1-3
exit: 0
stdout:
cadre,rows,n
C1,3,1
C2,3,3
C3,1,1
stderr:
minyi-merge: a.csv: 3 records, 3 used, 0 rejected
minyi-merge:b.csv:2: not the same rated item as the first partial
minyi-merge:b.csv:3: not the same rated item as the first partial
minyi-merge:b.csv:4: not the same rated item as the first partial
minyi-merge: b.csv: 3 records, 0 used, 3 rejected (header-mismatch 3)
minyi-merge:c.csv:2: not the same scoring (codebook, answer lists, no-answer tokens, weight or group columns) as the first partial
minyi-merge:c.csv:3: not the same scoring (codebook, answer lists, no-answer tokens, weight or group columns) as the first partial
minyi-merge:c.csv:4: not the same scoring (codebook, answer lists, no-answer tokens, weight or group columns) as the first partial
minyi-merge: c.csv: 3 records, 0 used, 3 rejected (header-mismatch 3)
minyi-merge: all inputs: 9 records, 3 used, 6 rejected (header-mismatch 6)

=== the provenance file may not be standard output, the table or the rejects file
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; cd $T && for o in "-o t.csv --meta t.csv" "--meta -" "-o t.csv --rejects t.csv.meta.csv" "--rejects r.csv --meta r.csv"; do minyi-merge -q $o p.csv; echo $?; done 2>&1 | grep -v '^Try'
exit: 0
stdout:
minyi-merge: the provenance file 't.csv' is the file of -o or --rejects
2
minyi-merge: --meta needs a file, not standard output
2
minyi-merge: the provenance file 't.csv.meta.csv' is the file of -o or --rejects
2
minyi-merge: the provenance file 'r.csv' is the file of -o or --rejects
2
stderr:

=== a provenance file that cannot be written leaves no table behind, and an old one in place
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; cd $T && echo old > t.csv && minyi-merge -q -o t.csv --meta /dev/full p.csv; echo $?; cat t.csv; ls
exit: 0
stdout:
2
old
p.csv
t.csv
stderr:
minyi-merge: /dev/full: cannot write: No space left on device

=== a key named like a partial's column is refused before reading
cmd: printf 'dont_know,cadre,q1\nx,C1,满意\n' > $T/s.csv; cd $T && minyi-score -q --item q1 -s 满意 -g dont_know,cadre --partial s.csv
exit: 1
stdout:
stderr:
minyi-score:s.csv:1: the partial table would have two columns 'dont_know' (a key, respondent group or item named like one of its columns): rename it

=== a file name that is not UTF-8 is escaped in the provenance, which stays UTF-8
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; cd $T && mv p.csv "$(printf 'p\263.csv')" && SOURCE_DATE_EPOCH=0 minyi-merge -q --meta m.csv p*.csv > /dev/null && grep -E '^(command|input),' m.csv && iconv -f UTF-8 -t UTF-8 m.csv > /dev/null && echo UTF-8
exit: 0
stdout:
command,minyi-merge -q --meta m.csv $'p\xb3.csv'
input,p\xb3.csv
UTF-8
stderr:

=== --concatenated: partials one after the other in one input (as parallel prints them), a repeated header skipped and not counted; the one-pass table of the two halves
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; (minyi-score -q -c codebook.csv --partial $T/a.csv; minyi-score -q -c codebook.csv --partial $T/b.csv) > $T/ab.csv; cd $T && minyi-merge --concatenated ab.csv > m.csv; cd - > /dev/null; minyi-score -q -c codebook.csv good.csv | cmp - $T/m.csv && echo same
stdout:
same
stderr:
minyi-merge: ab.csv: 3 records, 3 used, 0 rejected

=== --concatenated: rows of one key on several lines, in any order, without their headers (a Hadoop reducer's input), are added; a header line at the end is no row
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; (cat $T/p.csv; tail -n +2 $T/p.csv | sort -r; head -n 1 $T/p.csv) | minyi-merge --concatenated | cut -d, -f1-4
stdout:
cadre,rows,n,sat
C1,6,2,2
C2,6,6,4
C3,2,2,2
stderr:
minyi-merge: (standard input): 6 records, 6 used, 0 rejected

=== without --concatenated the same input is refused: a key twice, a header as a row
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; (cat $T/p.csv; head -n 2 $T/p.csv) | minyi-merge | cut -d, -f1-4
stdout:
cadre,rows,n,sat
C1,3,1,1
C2,3,3,2
C3,1,1,1
stderr:
minyi-merge:(standard input):5: a partial's header again, as in partials concatenated: give --concatenated
minyi-merge:(standard input):6: key 'C1' already has a row in this partial, on line 2
minyi-merge: (standard input): 5 records, 3 used, 2 rejected (bad-value 1, duplicate 1)

=== --concatenated still checks every row: a damaged row is rejected, and a row that is not a header but has its width is not skipped
cmd: minyi-score -q -c codebook.csv --partial good.csv > $T/p.csv; (cat $T/p.csv; sed -n '2s/^C1,1,/C1,2,/p' $T/p.csv) | minyi-merge --concatenated > $T/m.csv; echo $?; cut -d, -f1-4 $T/m.csv
stdout:
1
cadre,rows,n,sat
C1,3,1,1
C2,3,3,2
C3,1,1,1
stderr:
minyi-merge:(standard input):5: partial format '2', where this minyi reads '1'
minyi-merge: (standard input): 4 records, 3 used, 1 rejected (bad-value 1)

=== --concatenated: partials written with a byte-order mark (--output-encoding utf-8-bom), one after the other: the second one's header, the mark in front, is recognised (was: a bad-value reject, 'partial format minyi_partial'); the one-pass table
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; for p in a b; do minyi-score -q -c codebook.csv -g township,cadre --partial --output-encoding utf-8-bom $T/$p.csv > $T/p$p.csv; done; head -c 3 $T/pb.csv | od -An -tx1; cat $T/pa.csv $T/pb.csv | minyi-merge --concatenated > $T/m.csv; echo $?; minyi-score -q -c codebook.csv -g township,cadre good.csv | cmp - $T/m.csv && echo same
exit: 0
stdout:
 ef bb bf
0
same
stderr:
minyi-merge: (standard input): 3 records, 3 used, 0 rejected

=== --concatenated: GB18030 partials one after the other, Chinese keys: read as GB18030, the one-pass table
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; for p in a b; do minyi-score -q -c codebook.csv -g township,cadre --partial --output-encoding gb18030 $T/$p.csv > $T/p$p.csv; done; cat $T/pa.csv $T/pb.csv | minyi-merge -q --concatenated > $T/m.csv; echo $?; minyi-score -q -c codebook.csv -g township,cadre good.csv | cmp - $T/m.csv && echo same
exit: 0
stdout:
0
same
stderr:

=== --concatenated: a UTF-8 partial then a GB18030 one stop at the first line not UTF-8, with the command that converts (was: each of its rows rejected, 'see --encoding', which minyi-merge ignores); nothing written
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; minyi-score -q -c codebook.csv -g township,cadre --partial $T/a.csv > $T/pa.csv; minyi-score -q -c codebook.csv -g township,cadre --partial --output-encoding gb18030 $T/b.csv > $T/pb.csv; cat $T/pa.csv $T/pb.csv | minyi-merge -q --concatenated -o $T/m.csv
exit: 1
stdout:
stderr:
minyi-merge:(standard input):4: line not valid UTF-8: concatenated partials must share one encoding; write them all with the same --output-encoding, or convert a GB18030 one first with 'iconv -f GB18030 -t UTF-8 PART > PART.utf8.csv'
nofile m.csv

=== --concatenated: the header of another scoring's partial in the stream (other keys, a byte-order mark in front) stops the run there, naming what differs, as for a separate file (was: each of its rows rejected as ragged); nothing written
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; minyi-score -q -c codebook.csv --partial $T/a.csv > $T/pa.csv; minyi-score -q -c codebook.csv -g township,cadre --partial --output-encoding utf-8-bom $T/b.csv > $T/pb.csv; cat $T/pa.csv $T/pb.csv | minyi-merge --concatenated -o $T/m.csv
exit: 1
stdout:
stderr:
minyi-merge:(standard input):3: not the same key columns as the first partial: another scoring
nofile m.csv
nofile m.csv.meta.csv

=== --concatenated: another scoring's partial of other items stops at its header line
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; minyi-score -q -c codebook.csv --partial $T/a.csv > $T/pa.csv; minyi-score -q --item q1 -s 满意 --partial $T/b.csv > $T/pb.csv; cat $T/pa.csv $T/pb.csv | minyi-merge --concatenated
exit: 1
stdout:
stderr:
minyi-merge:(standard input):3: not the same items as the first partial: another scoring

=== --concatenated: a partial of another interval level, its header the same, stops at its first row, naming the partial's line (was: each of its rows rejected); with -l the same partials merge
cmd: head -n 4 good.csv > $T/a.csv; (head -n 1 good.csv; tail -n +5 good.csv) > $T/b.csv; minyi-score -q -c codebook.csv --partial $T/a.csv > $T/pa.csv; minyi-score -q -c codebook.csv -l 0.9 --partial $T/b.csv > $T/pb.csv; cat $T/pa.csv $T/pb.csv | minyi-merge --concatenated; echo $?; cat $T/pa.csv $T/pb.csv | minyi-merge -q --concatenated -l 0.9 | cut -d, -f1-4
exit: 0
stdout:
1
cadre,rows,n,sat
C1,3,1,1
C2,3,3,2
C3,1,1,1
stderr:
minyi-merge:(standard input):4: not the same interval method or level (give --method and --level) as the first partial: the partial from line 3 is of another scoring

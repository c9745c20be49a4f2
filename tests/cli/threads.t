# minyi-score --threads: command-line cases (see tests/cli.sh for the
# format).  MINYI_SPLIT_MIN=1 makes even these small files worth cutting
# into ranges (minyi(7)); tests/threads.sh compares larger ones.

=== -j 3: rejects and messages in file order, with their lines, as on one thread
cmd: MINYI_SPLIT_MIN=1 MINYI_SPLIT_TRACE=$T/trace minyi-score -j 3 -c codebook.csv --rejects $T/r.csv badvalue.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C2,1,1,1,1,0.20654931437723745,1,0,0,1,91.66666666666667,,,1,100,1,75,0.95,wilson
stderr:
minyi-score:badvalue.csv:2: answer '7' to item 'attitude' outside scale 1..5
minyi-score:badvalue.csv:3: answer '很满意' to item 'overall' is not on its scale (满意|基本满意|不满意)
minyi-score:badvalue.csv:4: answer 'abc' to item 'attitude' is not a number on scale 1..5
minyi-score:badvalue.csv:5: answer '3.5' to item 'attitude' is not a whole number on scale 1..5
minyi-score:badvalue.csv:6: empty group key 'cadre'
minyi-score: badvalue.csv: 6 records, 1 used, 5 rejected (empty-key 1, bad-value 3, bad-number 1)
file r.csv:
source,line,reason,message,wave,township,cadre,household,q1,q2
badvalue.csv,2,bad-value,answer '7' to item 'attitude' outside scale 1..5,2026Q1,城关镇,C1,H1,满意,7
badvalue.csv,3,bad-value,answer '很满意' to item 'overall' is not on its scale (满意|基本满意|不满意),2026Q1,城关镇,C1,H2,很满意,4
badvalue.csv,4,bad-number,answer 'abc' to item 'attitude' is not a number on scale 1..5,2026Q1,城关镇,C1,H3,满意,abc
badvalue.csv,5,bad-value,answer '3.5' to item 'attitude' is not a whole number on scale 1..5,2026Q1,城关镇,C1,H4,基本满意,3.5
badvalue.csv,6,empty-key,empty group key 'cadre',2026Q1,城关镇,,H5,满意,4
file trace:
badvalue.csv: 3 ranges

=== -j 4: a cut moves past a quoted line break to a line that looks like a record
cmd: printf 'cadre,note,q1\nC1,"a\nb",5\nC2,"c\nd",4\nC1,x,2\nC2,"e\r\nf",3\n' > $T/q.csv && MINYI_SPLIT_MIN=1 MINYI_SPLIT_TRACE=$T/trace minyi-score -j 4 -i q1 -s 4..5 $T/q.csv && sed 's/.*q.csv: //' $T/trace
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method
C1,2,2,1,0.5,0.09453120573423074,0.9054687942657693,0,0,0.95,wilson
C2,2,2,1,0.5,0.09453120573423074,0.9054687942657693,0,0,0.95,wilson
3 ranges

=== -j 4: a cut inside a quoted field that holds a record-like line is given up for one thread
cmd: printf 'cadre,note,q1\nC1,"a\nC9,y,1\nb",5\nC2,"c\nC9,y,1\nd",4\nC1,x,2\nC2,"e\nC9,y,1\nf",3\n' > $T/q.csv && MINYI_SPLIT_MIN=1 MINYI_SPLIT_TRACE=$T/trace minyi-score -j 4 -i q1 -s 4..5 $T/q.csv && sed 's/.*q.csv: //' $T/trace
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method
C1,2,2,1,0.5,0.09453120573423074,0.9054687942657693,0,0,0.95,wilson
C2,2,2,1,0.5,0.09453120573423074,0.9054687942657693,0,0,0.95,wilson
4 ranges, given up: one thread

=== -j 2 with --standardize-by reads on one thread
cmd: MINYI_SPLIT_MIN=1 MINYI_SPLIT_TRACE=$T/trace minyi-score -q -j 2 -i q -s 4..5 --standardize-by township stdz.csv > $T/j2 && minyi-score -q -j 1 -i q -s 4..5 --standardize-by township stdz.csv | cmp - $T/j2
exit: 0
nofile trace

=== -j 0 is a usage error
cmd: minyi-score -j 0 -c codebook.csv good.csv
exit: 2
stderr:
minyi-score: --threads must be a whole number from 1 to 256, not '0'
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== --threads=257 is a usage error
cmd: minyi-score --threads=257 -c codebook.csv good.csv
exit: 2
stderr:
minyi-score: --threads must be a whole number from 1 to 256, not '257'
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== -j 2: a bare CR, then a CRLF, ending a line on the last byte of the first MiB read to count the first range's lines: the rejected row's line is the same as on one thread (line 449788 by construction)
cmd: for end in cr crlf; do awk -v end=$end 'BEGIN { printf "cadre,note,q1\n"; for (i = 0; i < 149785; i++) printf "C1,x,4\n"; pad = ""; for (i = 0; i < 61; i++) pad = pad "x"; printf "C1,%s,4%s", pad, end == "cr" ? "\r" : "\r\n"; for (i = 0; i < 300000; i++) printf "C2,y,5\n"; printf ",bad,4\n"; for (i = 0; i < 10; i++) printf "C2,z,4\n" }' > $T/q.csv; MINYI_SPLIT_MIN=1000000 MINYI_SPLIT_TRACE=$T/trace minyi-score -j 2 -i q1 -s 4..5 $T/q.csv > $T/out2 2> $T/err2; minyi-score -j 1 -i q1 -s 4..5 $T/q.csv > $T/out1 2> $T/err1; cmp $T/out1 $T/out2 && cmp $T/err1 $T/err2 && sed "s|$T/||" $T/err2; done; sed 's/.*q.csv: //' $T/trace
exit: 0
stdout:
minyi-score:q.csv:449788: empty group key 'cadre'
minyi-score: q.csv: 449797 records, 449796 used, 1 rejected (empty-key 1)
minyi-score:q.csv:449788: empty group key 'cadre'
minyi-score: q.csv: 449797 records, 449796 used, 1 rejected (empty-key 1)
2 ranges
2 ranges

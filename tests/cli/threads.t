# minyi-score --threads: command-line cases (see tests/cli.sh for the
# format).  MINYI_SPLIT_MIN=1 makes even these small files worth cutting
# into ranges (minyi(7)); tests/threads.sh compares larger ones.

=== -j 3: rejects and messages in file order, with their lines, as on one thread
cmd: MINYI_SPLIT_MIN=1 MINYI_SPLIT_TRACE=$T/trace minyi-score -j 3 -c codebook.csv --rejects $T/r.csv ragged.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
C2,1,1,0,0,0,0.7934506856227626,0,0,1,0,,,1,0,1,0,0.95,wilson
stderr:
minyi-score:ragged.csv:3: 5 fields where the header has 6
minyi-score:ragged.csv:4: 7 fields where the header has 6
minyi-score: ragged.csv: 4 records, 2 used, 2 rejected (ragged 2)
file r.csv:
source,line,reason,message,wave,township,cadre,household,q1,q2
ragged.csv,3,ragged,5 fields where the header has 6,2026Q1,城关镇,C1,H2,满意
ragged.csv,4,ragged,7 fields where the header has 6,2026Q1,城关镇,C1,H3,满意,4,extra
file trace:
ragged.csv: 3 ranges

=== -j 4: cuts inside quoted fields holding line breaks are given up for one thread
cmd: printf 'cadre,note,q1\nC1,"a\nb",5\nC2,"c\nd",4\nC1,x,2\nC2,"e\r\nf",3\n' > $T/q.csv && MINYI_SPLIT_MIN=1 MINYI_SPLIT_TRACE=$T/trace minyi-score -j 4 -i q1 -s 4..5 $T/q.csv && sed 's/.*q.csv: //' $T/trace
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

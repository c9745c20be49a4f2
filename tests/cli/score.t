# minyi-score: command-line cases (see tests/cli.sh for the format).

=== good survey: one row per cadre, in byte order
cmd: minyi-score -c codebook.csv good.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,1,1,0.20654931437723745,1,1,1,2,75,0,100,1,100,1,50,0.95,wilson
C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score: good.csv: 7 records, 7 used, 0 rejected

=== standard input gives the same table as the named file
cmd: minyi-score -c codebook.csv < good.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,1,1,0.20654931437723745,1,1,1,2,75,0,100,1,100,1,50,0.95,wilson
C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score: (standard input): 7 records, 7 used, 0 rejected

=== UTF-8 BOM and CRLF line ends read like plain LF
cmd: minyi-score -c codebook.csv bom-crlf.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,1,1,0.20654931437723745,1,1,1,2,75,0,100,1,100,1,50,0.95,wilson
C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score: bom-crlf.csv: 7 records, 7 used, 0 rejected

=== ragged rows are rejected with line and field counts
cmd: minyi-score -c codebook.csv ragged.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
C2,1,1,0,0,0,0.7934506856227626,0,0,1,0,,,1,0,1,0,0.95,wilson
stderr:
minyi-score:ragged.csv:3: 5 fields where the header has 6
minyi-score:ragged.csv:4: 7 fields where the header has 6
minyi-score: ragged.csv: 4 records, 2 used, 2 rejected (ragged 2)

=== answers off the scale and empty keys are rejected
cmd: minyi-score -c codebook.csv badvalue.csv
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

=== rejects file holds each rejected record with its line and reason
cmd: minyi-score -q -c codebook.csv --rejects $T/rej.csv badvalue.csv >/dev/null
exit: 1
stdout:
stderr:
file rej.csv:
source,line,reason,message,wave,township,cadre,household,q1,q2
badvalue.csv,2,bad-value,answer '7' to item 'attitude' outside scale 1..5,2026Q1,城关镇,C1,H1,满意,7
badvalue.csv,3,bad-value,answer '很满意' to item 'overall' is not on its scale (满意|基本满意|不满意),2026Q1,城关镇,C1,H2,很满意,4
badvalue.csv,4,bad-number,answer 'abc' to item 'attitude' is not a number on scale 1..5,2026Q1,城关镇,C1,H3,满意,abc
badvalue.csv,5,bad-value,answer '3.5' to item 'attitude' is not a whole number on scale 1..5,2026Q1,城关镇,C1,H4,基本满意,3.5
badvalue.csv,6,empty-key,empty group key 'cadre',2026Q1,城关镇,,H5,满意,4

=== unterminated quote: the record runs to end of input and is rejected
cmd: minyi-score -c codebook.csv unterminated.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score:unterminated.csv:3: field 4 (household) opens a quote that is never closed: lines 3 to 4 (2 lines) were read as this one record
minyi-score: unterminated.csv: 2 records, 1 used, 1 rejected (unterminated-quote 1)

=== invalid UTF-8 names the line and suggests --encoding
cmd: minyi-score -c codebook.csv badutf8.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
C2,1,1,0,0,0,0.7934506856227626,0,0,1,8.333333333333334,,,1,0,1,25,0.95,wilson
stderr:
minyi-score: badutf8.csv: 1 line is not valid UTF-8, and the file is not GB18030 either: read as UTF-8, those rows rejected
minyi-score:badutf8.csv:3: field 2 (township) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-score: badutf8.csv: 3 records, 2 used, 1 rejected (encoding 1)

=== GB18030 export read with --encoding
cmd: minyi-score -c codebook.csv --encoding=GB18030 gb18030.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score: gb18030.csv: 1 record, 1 used, 0 rejected

=== invalid byte sequence in the declared encoding stops the run
cmd: minyi-score -c codebook.csv -E GB18030 badutf8.csv
exit: 1
stdout:
stderr:
minyi-score:badutf8.csv:2: byte sequence not valid in GB18030 (byte 0x87)

=== unknown encoding is a usage error
cmd: minyi-score -c codebook.csv -E NO-SUCH-CODESET good.csv
exit: 2
stdout:
stderr:
minyi-score: unknown encoding 'NO-SUCH-CODESET' (see 'iconv --list')
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== missing column lists the columns there are
cmd: minyi-score -c codebook.csv nocadre.csv
exit: 1
stdout:
stderr:
minyi-score:nocadre.csv:1: no column 'cadre' (columns: wave, township, officer, household, q1, q2)

=== empty file
cmd: minyi-score -c codebook.csv empty.csv
exit: 1
stdout:
stderr:
minyi-score:empty.csv:1: empty input: no header line

=== header only: an empty table, status 0
cmd: minyi-score -c codebook.csv headeronly.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
stderr:
minyi-score: headeronly.csv: 0 records, 0 used, 0 rejected

=== strict: the first rejected record stops the run, nothing written
cmd: minyi-score -c codebook.csv --strict -o $T/out.csv ragged.csv
exit: 1
stdout:
stderr:
minyi-score:ragged.csv:3: 5 fields where the header has 6
minyi-score: stopped at the first rejected record (--strict); nothing written
nofile out.csv

=== output file is not created when the run fails
cmd: minyi-score -c codebook.csv -o $T/out.csv good.csv empty.csv
exit: 1
stdout:
stderr:
minyi-score: good.csv: 7 records, 7 used, 0 rejected
minyi-score:empty.csv:1: empty input: no header line
nofile out.csv

=== output file written whole with -o
cmd: minyi-score -q -c codebook.csv -o $T/out.csv good.csv
exit: 0
stdout:
stderr:
file out.csv:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,1,1,0.20654931437723745,1,1,1,2,75,0,100,1,100,1,50,0.95,wilson
C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson

=== tab-separated input
cmd: minyi-score -c codebook.csv -d tab tab.tsv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C2,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score: tab.tsv: 1 record, 1 used, 0 rejected

=== UTF-8 column names, a quoted field across lines, column numbers
cmd: minyi-score --item q1 --satisfied '满意|基本满意' -g 村民组,2 chinese-header.csv
exit: 0
stdout:
村民组,干部,rows,n,sat,rate,lo,hi,dk,miss,level,method
1组,C1,2,2,1,0.5,0.09453120573423074,0.9054687942657693,0,0,0.95,wilson
2组,C2,1,1,0,0,0,0.7934506856227626,0,0,0.95,wilson
stderr:
minyi-score: chinese-header.csv: 3 records, 3 used, 0 rejected

=== single item without a codebook
cmd: minyi-score --item q1 --satisfied '满意|基本满意' --dont-know-answers '不了解|说不清' good.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method
C1,3,1,1,1,0.20654931437723745,1,1,1,0.95,wilson
C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,0.95,wilson
stderr:
minyi-score: good.csv: 7 records, 7 used, 0 rejected

=== don't know counted as not satisfied
cmd: minyi-score -q -c codebook.csv --dont-know=unsatisfied good.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,2,1,0.5,0.09453120573423074,0.9054687942657693,1,1,2,75,0,100,1,100,1,50,0.95,wilson
C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:

=== grouping by two columns
cmd: minyi-score -q -c codebook.csv -g township,cadre good.csv
exit: 0
stdout:
township,cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
城关镇,C1,3,1,1,1,0.20654931437723745,1,1,1,2,75,0,100,1,100,1,50,0.95,wilson
城关镇,C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.95,wilson
蒿坪镇,C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:

=== rate on another item, exact intervals at 90%
cmd: minyi-score -q -c codebook.csv -r attitude -m exact -l 0.9 good.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,0,0,0,0.95,0,2,2,75,0,100,1,100,1,50,0.9,exact
C2,3,3,2,0.6666666666666666,0.13535036217158378,0.9830475724915585,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.9,exact
C3,1,1,1,1,0.04999999999999999,1,0,0,1,100,,,1,100,1,100,0.9,exact
stderr:

=== several files: per-file and total summaries
cmd: minyi-score -c codebook.csv good.csv ragged.csv
exit: 1
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,4,2,2,1,0.3423802275066532,1,1,1,3,83.33333333333333,11.622454504175622,100,2,100,2,75,0.95,wilson
C2,4,4,2,0.5,0.15003898915214958,0.8499610108478504,0,0,4,43.333333333333336,0,100,4,40,4,50,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score: good.csv: 7 records, 7 used, 0 rejected
minyi-score:ragged.csv:3: 5 fields where the header has 6
minyi-score:ragged.csv:4: 7 fields where the header has 6
minyi-score: ragged.csv: 4 records, 2 used, 2 rejected (ragged 2)
minyi-score: all inputs: 11 records, 9 used, 2 rejected (ragged 2)

=== no codebook and no item is a usage error
cmd: minyi-score good.csv
exit: 2
stdout:
stderr:
minyi-score: give a --codebook, or an --item with its --satisfied answers
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== a delimiter must be one ASCII character: a byte above 127 is part of a UTF-8 character
cmd: minyi-score -c codebook.csv -d "$(printf '\247')" good.csv
exit: 2
stdout:
stderr:
minyi-score: delimiter must be one ASCII character other than a double quote, CR or LF, not '<0xA7>'
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== a full-width semicolon is three bytes, not a delimiter
cmd: minyi-check -c codebook.csv -d '；' good.csv
exit: 2
stdout:
stderr:
minyi-check: delimiter must be one ASCII character other than a double quote, CR or LF, not '<U+FF1B>'
Try `minyi-check --help' or `minyi-check --usage' for more information.

=== unknown method
cmd: minyi-score -c codebook.csv -m bayes good.csv
exit: 2
stdout:
stderr:
minyi-score: unknown interval method 'bayes'
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== level out of range
cmd: minyi-score -c codebook.csv -l 95 good.csv
exit: 2
stdout:
stderr:
minyi-score: level must be a number between 0 and 1, not '95'
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== unknown rate item
cmd: minyi-score -c codebook.csv -r nosuch good.csv
exit: 2
stdout:
stderr:
minyi-score: codebook.csv: no item 'nosuch' in the codebook

=== a rate item given by its column: the item's name is said
cmd: minyi-score -c codebook.csv -r q2 good.csv
exit: 2
stdout:
stderr:
minyi-score: codebook.csv: no item 'q2' in the codebook: 'q2' is the column of item 'attitude': give the item's name

=== missing input file is a system error
cmd: minyi-score -c codebook.csv nosuch.csv
exit: 2
stdout:
stderr:
minyi-score: nosuch.csv: cannot open: No such file or directory

=== missing codebook file
cmd: minyi-score -c nosuch.csv good.csv
exit: 2
stdout:
stderr:
minyi-score: nosuch.csv: cannot open: No such file or directory

=== write error on standard output is reported
cmd: minyi-score -q -c codebook.csv good.csv > /dev/full
exit: 2
stdout:
stderr:
minyi-score: write error on standard output: No space left on device

=== extra NA tokens
cmd: minyi-score -q -c codebook.csv --na 'NA,不了解' good.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,1,1,0.20654931437723745,1,0,2,2,75,0,100,1,100,1,50,0.95,wilson
C2,3,3,2,0.6666666666666666,0.20765960080204787,0.9385080552796037,0,0,3,57.77777777777778,0,100,3,53.333333333333336,3,66.66666666666667,0.95,wilson
C3,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:

=== sample survey: one row per cadre of the roster
cmd: minyi-score -q -c ../../data/codebook.csv ../../data/survey.csv | tail -n +2 | cut -d, -f1 > $T/scored; tail -n +2 ../../data/roster.csv | cut -d, -f1 | sort > $T/roster; cmp $T/scored $T/roster && wc -l < $T/scored
exit: 0
stdout:
300
stderr:

=== sample survey: the same run twice gives the same bytes, stdin as named
cmd: for i in 1 2; do minyi-score -q -c ../../data/codebook.csv -g wave,cadre ../../data/survey.csv > $T/run$i; done; minyi-score -q -c ../../data/codebook.csv -g wave,cadre < ../../data/survey.csv > $T/stdin; cmp $T/run1 $T/run2 && cmp $T/run1 $T/stdin && echo identical
exit: 0
stdout:
identical
stderr:

=== a huge unterminated field stops the run instead of eating memory
cmd: { cat headeronly.csv; printf '2026Q1,城关镇,C1,H1,"'; head -c 70000000 /dev/zero | tr '\0' x; } | minyi-score -c codebook.csv
exit: 1
stdout:
stderr:
minyi-score:(standard input):2: record longer than 67108864 bytes (an unterminated quote?)

=== a 1 MB field is read
cmd: { cat headeronly.csv; printf '2026Q1,城关镇,C1,H1,满意,"'; head -c 1000000 /dev/zero | tr '\0' 5; printf '"\n'; } | minyi-score -c codebook.csv 2>&1 >/dev/null | cut -c1-100
exit: 0
stdout:
minyi-score:(standard input):2: answer '555555555555555555555555555555555555555555555555555555555555
minyi-score: (standard input): 1 record, 0 used, 1 rejected (bad-number 1)
stderr:

=== a column named twice in --group is a usage error
cmd: minyi-score -c codebook.csv -g cadre,cadre good.csv
exit: 2
stdout:
stderr:
minyi-score: column 'cadre' named twice in --group
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== the same column by name and by number
cmd: minyi-score -c codebook.csv -g 3,cadre good.csv
exit: 1
stdout:
stderr:
minyi-score:good.csv:1: --group names column 'cadre' twice

=== a reversed range in --satisfied is a usage error
cmd: minyi-score --item q1 -s 9..1 good.csv
exit: 2
stdout:
stderr:
minyi-score: '9..1' is not a range A..B of whole numbers with A <= B

=== -o onto a device writes to it and leaves it a device
cmd: minyi-score -q -c codebook.csv -o /dev/null good.csv && test -c /dev/null && echo still a device
exit: 0
stdout:
still a device
stderr:

=== -o onto a directory
cmd: minyi-score -q -c codebook.csv -o . good.csv
exit: 2
stdout:
stderr:
minyi-score: .: is a directory

=== -o through a symbolic link replaces the file it names, not the link
cmd: ln -s target.csv $T/link.csv && minyi-score -q -c codebook.csv -o $T/link.csv good.csv && test -L $T/link.csv && test -f $T/target.csv && echo link kept, target written
exit: 0
stdout:
link kept, target written
stderr:

=== an empty -o name
cmd: minyi-score -q -c codebook.csv -o '' good.csv
exit: 2
stdout:
stderr:
minyi-score: empty output file name

=== the table cannot be written: no rejects file either
cmd: minyi-score -q -c codebook.csv -o . --rejects $T/rej.csv ragged.csv; test -e $T/rej.csv || echo no rejects file
exit: 0
stdout:
no rejects file
stderr:
minyi-score: .: is a directory

=== a GB18030 export is recognised without --encoding, as minyi-check does
cmd: minyi-score -c codebook.csv gb18030.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,1,1,1,1,0.20654931437723745,1,0,0,1,100,,,1,100,1,100,0.95,wilson
stderr:
minyi-score: gb18030.csv: not valid UTF-8; read as GB18030
minyi-score: gb18030.csv: 1 record, 1 used, 0 rejected

=== messages for one reason stop after ten; the rejects file and the summary hold them all
cmd: { cat headeronly.csv; i=0; while [ $i -lt 15 ]; do echo "2026Q1,城关镇,C1,H$i,满意,9"; i=$((i + 1)); done; } | minyi-score -c codebook.csv --rejects $T/rej.csv; tail -n +2 $T/rej.csv | wc -l
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
15
stderr:
minyi-score:(standard input):2: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):3: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):4: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):5: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):6: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):7: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):8: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):9: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):10: answer '9' to item 'attitude' outside scale 1..5
minyi-score:(standard input):11: answer '9' to item 'attitude' outside scale 1..5
minyi-score: (standard input): further 'bad-value' rejections are not shown (see --rejects and the summary)
minyi-score: (standard input): 15 records, 0 used, 15 rejected (bad-value 15)

=== a stray quote rejects its own record only; the rows after it are read (RFC 4180)
cmd: minyi-score -c codebook.csv --rejects $T/rej.csv badquote.csv; cut -d, -f1-3,5- $T/rej.csv
exit: 0
stdout:
cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,level,method
C1,3,1,1,1,0.20654931437723745,1,1,1,2,75,0,100,1,100,1,50,0.95,wilson
C2,2,2,1,0.5,0.09453120573423074,0.9054687942657693,0,0,2,54.166666666666664,0,100,2,50,2,62.5,0.95,wilson
source,line,reason,wave,township,cadre,household,q1,q2
badquote.csv,3,bad-quote,2026Q1,城关镇,C2,"H""2,基本满意,4"
stderr:
minyi-score:badquote.csv:3: field 4 (household) has a quote that is neither doubled nor closing the field (RFC 4180); the record is read up to the end of line 3
minyi-score: badquote.csv: 6 records, 5 used, 1 rejected (bad-quote 1)

=== a stray quote in a line across the 64 KiB read block's end: one record rejected, the whole line (was two, the second ragged)
cmd: cd $T && for e in 0 6 9; do perl -e 'print "cadre,note,q\n", "C1,", "x" x (65507 + $ARGV[0]), ",4\nC2,a\"bcdef,5\nC3,ok,4\n"' $e > bq.csv; minyi-score -i q -s 4..5 -g cadre --rejects rej.csv bq.csv 2>&1 >/dev/null; cut -d, -f1-3,5- rej.csv; done
exit: 0
stdout:
minyi-score:bq.csv:3: field 2 (note) has a quote that is neither doubled nor closing the field (RFC 4180); the record is read up to the end of line 3
minyi-score: bq.csv: 3 records, 2 used, 1 rejected (bad-quote 1)
source,line,reason,cadre,note,q
bq.csv,3,bad-quote,C2,"a""bcdef,5"
minyi-score:bq.csv:3: field 2 (note) has a quote that is neither doubled nor closing the field (RFC 4180); the record is read up to the end of line 3
minyi-score: bq.csv: 3 records, 2 used, 1 rejected (bad-quote 1)
source,line,reason,cadre,note,q
bq.csv,3,bad-quote,C2,"a""bcdef,5"
minyi-score:bq.csv:3: field 2 (note) has a quote that is neither doubled nor closing the field (RFC 4180); the record is read up to the end of line 3
minyi-score: bq.csv: 3 records, 2 used, 1 rejected (bad-quote 1)
source,line,reason,cadre,note,q
bq.csv,3,bad-quote,C2,"a""bcdef,5"

=== --rejects and -o naming one file by different spellings is a usage error
cmd: minyi-score -q -c codebook.csv -o $T/same.csv --rejects $T/./same.csv good.csv 2>&1 | head -n 1; test -e $T/same.csv || echo nothing written
exit: 0
stdout:
minyi-score: --rejects and --output name the same file
nothing written
stderr:

=== a UTF-16 export gets advice of its own
cmd: iconv -f UTF-8 -t UTF-16 good.csv > $T/u16.csv; minyi-score -c codebook.csv $T/u16.csv 2>&1 | sed 's|^.*u16.csv|u16.csv|'; minyi-score -q -c codebook.csv -E UTF-16 $T/u16.csv > $T/a; minyi-score -q -c codebook.csv good.csv | cmp - $T/a && echo same table with --encoding=UTF-16
exit: 0
stdout:
u16.csv:1: header is UTF-16 (Excel's "Unicode text"); try --encoding=UTF-16
same table with --encoding=UTF-16
stderr:

=== a codebook and group shares separated by semicolons must be comma-separated, whatever -d says
cmd: tr , ';' < codebook.csv > $T/cb.csv; tr , ';' < group-shares.csv > $T/g.csv; cp codebook.csv groups.csv $T; cd $T && minyi-score -q -d ';' -c cb.csv groups.csv; echo $?; minyi-score -q -c codebook.csv --group-weights=g.csv groups.csv; echo $?
stdout:
1
1
stderr:
minyi-score:cb.csv:1: codebook has no column 'item'; fields separated by another delimiter? this file must be comma-separated, whatever -d says
minyi-score:g.csv:1: no column 'group' (columns: group;share); fields separated by another delimiter? this file must be comma-separated, whatever -d says

=== a comma-separated survey read with another -d is told to see -d, not that a title row may stand above its header
cmd: minyi-score -d ';' -c codebook.csv good.csv; echo $?; minyi-score -d tab -i q1 -s 4..5 good.csv; echo $?; minyi-check -d '|' -c codebook.csv check.csv > /dev/null
exit: 1
stdout:
1
1
stderr:
minyi-score:good.csv:1: no column 'cadre' (columns: wave,township,cadre,household,q1,q2); fields separated by another delimiter? see -d
minyi-score:good.csv:1: no column 'cadre' (columns: wave,township,cadre,household,q1,q2); fields separated by another delimiter? see -d
minyi-check:check.csv:1: no column 'wave' (columns: wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4); fields separated by another delimiter? see -d
minyi-check: check.csv: 20 records, 0 used, 20 rejected (missing-column 20)

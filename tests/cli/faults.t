# Faults of the system around a run, one case per defect of issue 11
# (see tests/cli.sh for the format): file names at the length limit,
# an output that names an input, closed standard descriptors, a closed
# pipe downstream, memory exhausted.  Large inputs are generated here.

=== an output name of 255 bytes is written: its temporary name is cut to fit the directory (issue 11)
cmd: a=$(printf '%0255d' 0 | tr 0 a); b=$(printf '%0255d' 0 | tr 0 b); minyi-check -q -c codebook4.csv -o $T/$a --rejects $T/$b check.csv; echo $?; ls $T | wc -l; minyi-check -q -c codebook4.csv check.csv | cmp - $T/$a && echo same
exit: 0
stdout:
1
2
same
stderr:

=== an output name of 256 bytes is refused before anything is written
cmd: a=$(printf '%0256d' 0 | tr 0 a); minyi-check -q -c codebook4.csv -o $T/$a --rejects $T/rej.csv check.csv 2>&1 | sed 's|[^ ]*aaaa*|NAME|'; ls $T | wc -l
exit: 0
stdout:
minyi-check: NAME: cannot create: File name too long
0

=== memory exhausted: 'PROG: memory exhausted', status 2, no core, no temporary file, the old output kept (issue 11)
# The survey, 600000 cadres of one row each, is made here.  ASan and
# TSan cannot run under ulimit -v: in a sanitized build, allocations
# over 2 MB fail instead (and the sanitizer's own warning about it is
# left out).
cmd: awk 'BEGIN { print "wave,township,cadre,household,q1,q2"; for (i = 0; i < 600000; i++) printf "W,T,C%d,H%d,满意,5\n", i, i }' > $T/big.csv; echo old > $T/out.csv; case $B in *san*) ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=2; TSAN_OPTIONS=$ASAN_OPTIONS; export ASAN_OPTIONS TSAN_OPTIONS;; *) ulimit -v 100000;; esac; minyi-score -q -c codebook.csv -o $T/out.csv --rejects $T/rej.csv $T/big.csv 2> $T/err; echo $?; grep -v '^==[0-9]*==WARNING: [A-Za-z]*Sanitizer failed to allocate' $T/err >&2; rm $T/big.csv $T/err; ls $T; cat $T/out.csv
exit: 0
stdout:
2
out.csv
old
stderr:
minyi-score: memory exhausted

=== memory exhausted on minyi-check's reading thread: the rows before the record it was reading are finished first, the same messages as -j 1
# Five rejected rows, then a record of 30 MB whose reading runs out of
# memory (ulimit -v; a sanitized build fails allocations over 2 MB).
# On two threads the reader was ahead: the rows before it lost their
# messages, and libcsv's buffer failing said 'memory exhausted while
# increasing buffer size' on the record's line, not the suite's message.
cmd: printf '%s\n' 'item,column,label,values,satisfied,dontknow,weight' 'q2,q2,q2,1..5,4..5,,1' > $T/cb.csv; awk 'BEGIN { print "wave,township,village,group,household,respondent_type,cadre,collector,weight,q_overall,q2,q3"; for (i = 1; i <= 3000; i++) printf "2026Q1,T,V,G,H%d,villager,C%d,S1,1,4,%d,5\n", i, i, (i > 2995 ? 9 : 3); printf "2026Q1,T,V,G,HB,villager,C1,S1,1,4,3,\""; for (i = 0; i < 300000; i++) printf "%099d\n", 0; print "\""; for (i = 1; i <= 100; i++) printf "2026Q1,T,V,G,HC%d,villager,C%d,S1,1,4,3,5\n", i, i }' > $T/long.csv; case $B in *san*) ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=2; TSAN_OPTIONS=$ASAN_OPTIONS; export ASAN_OPTIONS TSAN_OPTIONS;; *) ulimit -v 60000;; esac; cd $T; for j in 1 2; do minyi-check -j $j -c cb.csv -o out.csv --rejects rej.csv long.csv 2> $T/err$j; echo $?; grep -v '^==[0-9]*==WARNING: [A-Za-z]*Sanitizer failed to allocate' $T/err$j > $T/msg$j; done; cat $T/msg1 >&2; cmp $T/msg1 $T/msg2 && echo same; rm $T/long.csv $T/err? $T/msg?; ls $T
exit: 0
stdout:
2
2
same
cb.csv
stderr:
minyi-check:long.csv:2997: answer '9' to item 'q2' outside scale 1..5
minyi-check:long.csv:2998: answer '9' to item 'q2' outside scale 1..5
minyi-check:long.csv:2999: answer '9' to item 'q2' outside scale 1..5
minyi-check:long.csv:3000: answer '9' to item 'q2' outside scale 1..5
minyi-check:long.csv:3001: answer '9' to item 'q2' outside scale 1..5
minyi-check: memory exhausted

=== memory exhausted where duplicate detection remembers a row: the rows read before it in its batch are finished first, their messages said, on one thread and two
# A rejected row, then a clean one whose remembering runs out of
# memory: with ulimit -v, inputs of two such rows, each clean one's
# household of 300 KB growing the set of rows seen until memory runs
# out; in a sanitized build (allocations over 2 MB fail, the set's
# bytes are mapped, not allocated), one input of 196608 clean rows
# filling the set's table of 2^18 slots to three quarters, then the
# two rows, the second growing the table to 4 MB.  The batch's rows
# were all looked up before any was finished: the rejected row read
# just before lost its message.  (Two threads take more memory: they
# may run out an input earlier.)
cmd: printf '%s\n' 'item,column,label,values,satisfied,dontknow,weight' 'q2,q2,q2,1..5,4..5,,1' > $T/cb.csv; cd $T; h=wave,township,village,group,household,respondent_type,cadre,collector,weight,q2; case $B in *san*) ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=2; TSAN_OPTIONS=$ASAN_OPTIONS; export ASAN_OPTIONS TSAN_OPTIONS; awk -v h=$h 'BEGIN { print h; for (i = 1; i <= 196608; i++) printf "2026Q1,T,V,G,H%d,villager,C1,S1,1,3\n", i; print "2026Q1,T,V,G,B,villager,C1,S1,1,9"; print "2026Q1,T,V,G,L,villager,C1,S1,1,3" }' > f.csv;; *) awk -v h=$h 'BEGIN { for (f = 1; f <= 100; f++) { n = sprintf("f%03d.csv", f); print h > n; printf "2026Q1,T,V,G,B%d,villager,C1,S1,1,9\n2026Q1,T,V,G,", f > n; for (i = 0; i < 3000; i++) printf "%0100d", f > n; print ",villager,C1,S1,1,3" > n; close(n) } }'; ulimit -v 40000;; esac; for j in 1 2; do MINYI_PIPE_MIN=0 minyi-check -j $j -c cb.csv -o out.csv f*.csv 2> err$j; echo $?; grep -v '^==[0-9]*==WARNING: [A-Za-z]*Sanitizer failed to allocate' err$j | grep -B1 'memory exhausted' | sed 's/^minyi-check:[^:]*:[0-9]*: /minyi-check:FILE:LINE: /'; done; rm f*.csv err?; ls
exit: 0
stdout:
2
minyi-check:FILE:LINE: answer '9' to item 'q2' outside scale 1..5
minyi-check: memory exhausted
2
minyi-check:FILE:LINE: answer '9' to item 'q2' outside scale 1..5
minyi-check: memory exhausted
cb.csv

=== memory exhausted numbering a new cadre for duplicate detection: the rows read before it in its batch are finished first, their messages said, on one thread and two
# As above, the memory running out where a new cadre is numbered: with
# ulimit -v, inputs of a rejected row, then a clean one of a new cadre
# of 300 KB; in a sanitized build, 98304 clean rows of as many cadres
# filling the cadres' table of 2^17 slots to three quarters, then the
# two rows, the second's new cadre growing it to 4 MB.  Numbered for
# the whole batch before any row was finished, the rejected row lost
# its message.
cmd: printf '%s\n' 'item,column,label,values,satisfied,dontknow,weight' 'q2,q2,q2,1..5,4..5,,1' > $T/cb.csv; cd $T; h=wave,township,village,group,household,respondent_type,cadre,collector,weight,q2; case $B in *san*) ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=2; TSAN_OPTIONS=$ASAN_OPTIONS; export ASAN_OPTIONS TSAN_OPTIONS; awk -v h=$h 'BEGIN { print h; for (i = 1; i <= 98304; i++) printf "2026Q1,T,V,G,H,villager,C%d,S1,1,3\n", i; print "2026Q1,T,V,G,B,villager,C1,S1,1,9"; print "2026Q1,T,V,G,H,villager,CL,S1,1,3" }' > f.csv;; *) awk -v h=$h 'BEGIN { for (f = 1; f <= 100; f++) { n = sprintf("f%03d.csv", f); print h > n; printf "2026Q1,T,V,G,B%d,villager,C1,S1,1,9\n2026Q1,T,V,G,H,villager,", f > n; for (i = 0; i < 3000; i++) printf "%0100d", f > n; print ",S1,1,3" > n; close(n) } }'; ulimit -v 40000;; esac; for j in 1 2; do MINYI_PIPE_MIN=0 minyi-check -j $j -c cb.csv -o out.csv f*.csv 2> err$j; echo $?; grep -v '^==[0-9]*==WARNING: [A-Za-z]*Sanitizer failed to allocate' err$j | grep -B1 'memory exhausted' | sed 's/^minyi-check:[^:]*:[0-9]*: /minyi-check:FILE:LINE: /'; done; rm f*.csv err?; ls
exit: 0
stdout:
2
minyi-check:FILE:LINE: answer '9' to item 'q2' outside scale 1..5
minyi-check: memory exhausted
2
minyi-check:FILE:LINE: answer '9' to item 'q2' outside scale 1..5
minyi-check: memory exhausted
cb.csv

=== standard output closed: refused before any input is read, status 2 (issue 11)
cmd: minyi-check -c codebook4.csv --rejects $T/rej.csv check.csv >&-; echo $? >&2; ls $T
exit: 0
stdout:
stderr:
minyi-check: standard output is closed
2

=== standard output closed does not matter with -o: nothing is written to it
cmd: minyi-check -q -c codebook4.csv -o $T/out.csv check.csv >&-; echo $? >&2; minyi-check -q -c codebook4.csv check.csv | cmp - $T/out.csv >&2 && echo same >&2
exit: 0
stderr:
1
same

=== standard error closed: the messages are lost, not written into the rejects file (issue 11)
cmd: minyi-score -c codebook.csv --rejects $T/rej.csv -o $T/out.csv ragged.csv 2>&-; echo $?; minyi-score -q -c codebook.csv --rejects $T/rej2.csv ragged.csv 2>/dev/null | cmp - $T/out.csv && cmp $T/rej.csv $T/rej2.csv && echo same
exit: 0
stdout:
1
same
stderr:

=== standard error closed: minyi-weight's diagnostics do not go into its rejects file either
cmd: minyi-weight -M weight-margins.csv -b w --rejects $T/rej.csv -o $T/out.csv weight-survey.csv 2>&-; echo $?; cat $T/rej.csv | wc -l
exit: 0
stdout:
1
5
stderr:

=== standard input closed: a read error, status 2
cmd: minyi-score -c codebook.csv <&-
exit: 2
stdout:
stderr:
minyi-score: (standard input): read error: Bad file descriptor

=== --version to a full disk: a write error, status 2 (issue 11)
cmd: minyi-score --version > /dev/full
exit: 2
stderr:
minyi-score: write error on standard output: No space left on device

=== --help to a closed standard output: a write error, status 2
cmd: minyi-weight --help >&-
exit: 2
stderr:
minyi-weight: write error on standard output: Bad file descriptor

=== a table to a full disk: one message, status 2
cmd: minyi-score -q -c codebook.csv good.csv > /dev/full
exit: 2
stderr:
minyi-score: write error on standard output: No space left on device

=== clean rows to a full disk: the cause of the first failed write, not "Input/output error"
cmd: minyi-check -q -c ../../data/codebook.csv ../../data/survey.csv > /dev/full
exit: 2
stderr:
minyi-check: write error on standard output: No space left on device

=== a --help longer than stdio's buffer to a full disk: its cause, not "Bad file descriptor"
cmd: minyi-weight --help | wc -c | awk '{ print ($1 > 4096) }'; minyi-weight --help > /dev/full
exit: 2
stdout:
1
stderr:
minyi-weight: write error on standard output: No space left on device

=== a closed pipe downstream, SIGPIPE as the caller left it: killed by SIGPIPE, silent, nothing committed, no temporary file (issue 11)
cmd: (minyi-check -c ../../data/codebook.csv --rejects $T/rej.csv --report $T/rep.csv ../../data/survey.csv 2> $T/err; echo $? > $T/rc) | head -n 1; cat $T/rc $T/err; rm $T/rc $T/err; ls $T
exit: 0
stdout:
wave,township,village,group,household,respondent_type,cadre,collector,weight,q1,q2,q3,q4,q5
141
stderr:

=== a closed pipe downstream, SIGPIPE ignored by the caller: the same (issue 11)
cmd: (trap '' PIPE; minyi-check -c ../../data/codebook.csv --rejects $T/rej.csv --report $T/rep.csv ../../data/survey.csv 2> $T/err; echo $? > $T/rc) | head -n 1; cat $T/rc $T/err; rm $T/rc $T/err; ls $T
exit: 0
stdout:
wave,township,village,group,household,respondent_type,cadre,collector,weight,q1,q2,q3,q4,q5
141
stderr:

=== a table into a closed pipe, SIGPIPE ignored or not: killed by SIGPIPE, silent, its rejects file not written (issue 11)
cmd: for d in default ignored; do (if [ $d = ignored ]; then trap '' PIPE; fi; minyi-score -q -c ../../data/codebook.csv -g household,cadre --rejects $T/rej.csv ../../data/survey.csv 2> $T/err; echo $d $? > $T/rc) | head -n 1; cat $T/rc $T/err; rm $T/rc $T/err; ls $T; done
exit: 0
stdout:
household,cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,style_n,style_mean,integrity_n,integrity_mean,efficiency_n,efficiency_mean,level,method
default 141
household,cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,index_hi,overall_n,overall_mean,attitude_n,attitude_mean,style_n,style_mean,integrity_n,integrity_mean,efficiency_n,efficiency_mean,level,method
ignored 141
stderr:

=== --list-columns to a full disk: a write error, status 2
cmd: minyi-score --list-columns > /dev/full
exit: 2
stderr:
minyi-score: write error on standard output: No space left on device

=== -o naming the codebook is refused, status 2, the codebook untouched (issue 11)
cmd: cp codebook.csv good.csv $T/; cd $T; minyi-score -c codebook.csv -o codebook.csv good.csv; echo $?; cmp codebook.csv "$OLDPWD/codebook.csv" && echo untouched; ls
exit: 0
stdout:
2
untouched
codebook.csv
good.csv
stderr:
minyi-score: output 'codebook.csv' is the input 'codebook.csv', the same file; nothing written

=== an output is compared with the inputs as files, not names: ./, a symbolic link, a hard link, standard input
cmd: cp codebook.csv good.csv codebook4.csv roster.csv check.csv weight-kalton.csv weight-kalton-rake.csv adjust-small.csv $T/; cd $T; sum () { cat *.csv | cksum; }; ln -s roster.csv link.csv; ln good.csv hard.csv; before=$(sum); minyi-score -q -c ./codebook.csv --meta ./good.csv -o out.csv good.csv; minyi-check -q -c codebook4.csv -R roster.csv --report link.csv check.csv > /dev/null; minyi-check -q -c codebook4.csv --rejects hard.csv good.csv > /dev/null; minyi-weight -q -M weight-kalton-rake.csv -o weight-kalton-rake.csv weight-kalton.csv; minyi-weight -q -M weight-kalton-rake.csv --report weight-kalton.csv weight-kalton.csv > /dev/null; minyi-adjust -q --limits adjust-small.csv adjust-small.csv > /dev/null; minyi-merge -q -o adjust-small.csv adjust-small.csv; minyi-score -q -c codebook.csv -o good.csv < good.csv; [ "$(sum)" = "$before" ] && echo all untouched; ls
exit: 0
stdout:
all untouched
adjust-small.csv
check.csv
codebook.csv
codebook4.csv
good.csv
hard.csv
link.csv
roster.csv
weight-kalton-rake.csv
weight-kalton.csv
stderr:
minyi-score: output './good.csv' is the input 'good.csv', the same file; nothing written
minyi-check: output 'link.csv' is the input 'roster.csv', the same file; nothing written
minyi-check: output 'hard.csv' is the input 'good.csv', the same file; nothing written
minyi-weight: output 'weight-kalton-rake.csv' is the input 'weight-kalton-rake.csv', the same file; nothing written
minyi-weight: output 'weight-kalton.csv' is the input 'weight-kalton.csv', the same file; nothing written
minyi-adjust: output 'adjust-small.csv' is the input 'adjust-small.csv', the same file; nothing written
minyi-merge: output 'adjust-small.csv' is the input 'adjust-small.csv', the same file; nothing written
minyi-score: output 'good.csv' is the input '(standard input)', the same file; nothing written

=== -o /dev/stdin when standard input is a pipe: refused, not a run that reads its own output forever
cmd: printf 'cadre,q\nC1,5\n' | timeout 20 minyi-score -i q -s 4..5 -o /dev/stdin
exit: 2
stdout:
stderr:
minyi-score: output '/dev/stdin' is the input '(standard input)', the same file; nothing written

=== minyi-rank: -o naming its policy file is refused
cmd: cp ../../data/policy.csv $T/p.csv && minyi-rank -q --by-stat rate --policy $T/p.csv -o $T/p.csv adjust-small.csv 2>&1 | sed "s|$T/||g"; cmp ../../data/policy.csv $T/p.csv && echo unchanged
stdout:
minyi-rank: output 'p.csv' is the input 'p.csv', the same file; nothing written
unchanged

=== an output is never the columns file, nor minyi-deadline's catalogue, calendar or rules: status 2, each file untouched
cmd: cp codebook.csv good.csv deadline-catalogue.csv deadline-rules.csv deadline-log.csv ../../data/calendar-2014.csv ../../data/columns-zh.csv $T/; cd $T; sum () { cat *.csv | cksum; }; before=$(sum); minyi-score -q -c codebook.csv --columns columns-zh.csv -o columns-zh.csv good.csv; echo $?; MINYI_COLUMNS=columns-zh.csv minyi-score -q -c codebook.csv --rejects columns-zh.csv good.csv > /dev/null; echo $?; for f in deadline-catalogue.csv calendar-2014.csv deadline-rules.csv; do minyi-deadline -q --catalogue deadline-catalogue.csv --calendar calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --from 2014-09-15 --to 2014-10-10 -o $f deadline-log.csv; echo $?; done; [ "$(sum)" = "$before" ] && echo all untouched
exit: 0
stdout:
2
2
2
2
2
all untouched
stderr:
minyi-score: output 'columns-zh.csv' is the input 'columns-zh.csv', the same file; nothing written
minyi-score: output 'columns-zh.csv' is the input 'columns-zh.csv', the same file; nothing written
minyi-deadline: output 'deadline-catalogue.csv' is the input 'deadline-catalogue.csv', the same file; nothing written
minyi-deadline: output 'calendar-2014.csv' is the input 'calendar-2014.csv', the same file; nothing written
minyi-deadline: output 'deadline-rules.csv' is the input 'deadline-rules.csv', the same file; nothing written

=== standard output appended to an input is refused, status 2, the input untouched
cmd: cp codebook.csv good.csv $T/; cd $T; before=$(cksum < good.csv); minyi-check -q -c codebook.csv good.csv >> good.csv; echo $?; minyi-score -q -c codebook.csv < good.csv >> good.csv; echo $?; [ "$(cksum < good.csv)" = "$before" ] && echo untouched
exit: 0
stdout:
2
2
untouched
stderr:
minyi-check: output '(standard output)' is the input 'good.csv', the same file; nothing written
minyi-score: output '(standard output)' is the input '(standard input)', the same file; nothing written

=== a file grown past ulimit -f: 'cannot write: File too large', status 2, no temporary file, the old output kept (SIGXFSZ ignored)
# 60000 clean rows, about 3 MB: the helper thread writes them (io/wfile.h),
# and meets the limit of 1 MB.
cmd: awk 'BEGIN { print "wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4"; for (i = 0; i < 60000; i++) printf "2026Q1,城关镇,东坡村,C%d,H%d,S1,1.5,满意,5,4,5\n", i % 300, i }' > $T/big.csv; echo old > $T/out.csv; (ulimit -f 1024; minyi-check -q -c codebook4.csv -o $T/out.csv --rejects $T/rej.csv $T/big.csv 2>&1; echo $?) | sed "s|$T|TMP|"; rm $T/big.csv; ls $T; cat $T/out.csv
exit: 0
stdout:
minyi-check: TMP/out.csv: cannot write: File too large
2
out.csv
old
stderr:

=== a small output past ulimit -f fails the same way, written on the program's own thread
# 2000 rows, about 100 KB, less than a buffer of the helper; the limit
# (in blocks of 512 bytes for dash, 1024 for bash) is 10 or 20 KB.
cmd: awk 'BEGIN { print "wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4"; for (i = 0; i < 2000; i++) printf "2026Q1,城关镇,东坡村,C%d,H%d,S1,1.5,满意,5,4,5\n", i % 300, i }' > $T/small.csv; echo old > $T/out.csv; (ulimit -f 20; minyi-check -q -c codebook4.csv -o $T/out.csv $T/small.csv 2>&1; echo $?) | sed "s|$T|TMP|"; rm $T/small.csv; ls $T; cat $T/out.csv
exit: 0
stdout:
minyi-check: TMP/out.csv: cannot write: File too large
2
out.csv
old
stderr:

=== clean rows of many buffers, written on the helper thread, are the bytes written to standard output
cmd: awk 'BEGIN { print "wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4"; for (i = 0; i < 60000; i++) printf "2026Q1,城关镇,东坡村,C%d,H%d,S1,1.5,满意,%d,4,5\n", i % 300, i, 1 + i % 5 }' > $T/big.csv; minyi-check -q -c codebook4.csv -o $T/out.csv --rejects $T/rej.csv $T/big.csv; echo $?; minyi-check -q -c codebook4.csv $T/big.csv | cmp - $T/out.csv && cmp $T/big.csv $T/out.csv && echo same; wc -c < $T/out.csv
exit: 0
stdout:
0
same
3506957
stderr:

=== standard output, a file, grown past ulimit -f: 'write error on standard output: File too large', status 2, the rejects' temporary file removed (was: killed by SIGXFSZ, 153, leaving it)
cmd: awk 'BEGIN { print "wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4"; for (i = 0; i < 60000; i++) printf "2026Q1,城关镇,东坡村,C%d,H%d,S1,1.5,满意,%d,4,5\n", i % 300, i, i % 7 }' > $T/big.csv; echo old > $T/rej.csv; (ulimit -f 1024; minyi-check -q -c codebook4.csv --rejects $T/rej.csv $T/big.csv > $T/out.csv 2> $T/err; echo $?); cat $T/err; rm $T/big.csv $T/err $T/out.csv; ls $T; cat $T/rej.csv
exit: 0
stdout:
2
minyi-check: write error on standard output: File too large
rej.csv
old
stderr:

=== standard output redirected to a file is written on the helper thread: the same bytes as -o, appended after what >> found there
cmd: awk 'BEGIN { print "wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4"; for (i = 0; i < 60000; i++) printf "2026Q1,城关镇,东坡村,C%d,H%d,S1,1.5,满意,%d,4,5\n", i % 300, i, 1 + i % 5 }' > $T/big.csv; minyi-check -q -c codebook4.csv -o $T/out.csv $T/big.csv; minyi-check -q -c codebook4.csv $T/big.csv > $T/so.csv; echo $?; cmp $T/so.csv $T/out.csv && echo same; echo first > $T/app.csv; minyi-check -q -c codebook4.csv $T/big.csv >> $T/app.csv; head -n 1 $T/app.csv; tail -n +2 $T/app.csv | cmp - $T/out.csv && echo appended
exit: 0
stdout:
0
same
first
appended
stderr:

=== standard output redirected to a file past ulimit -f: 'write error on standard output: File too large', status 2
cmd: awk 'BEGIN { print "wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4"; for (i = 0; i < 60000; i++) printf "2026Q1,城关镇,东坡村,C%d,H%d,S1,1.5,满意,5,4,5\n", i % 300, i }' > $T/big.csv; (ulimit -f 1024; minyi-check -q -c codebook4.csv $T/big.csv > $T/so.csv; echo $? > $T/rc); cat $T/rc
exit: 0
stdout:
2
stderr:
minyi-check: write error on standard output: File too large

=== standard output and error redirected to one file (> log 2>&1): a message comes after the clean rows checked before it, none inside a row (the helper thread's rows are written out before each message, as error() flushes stdout)
# 60000 rows, about 3.5 MB of clean rows: line 50000 is rejected, so
# its message is line 50000 of the log (the header and 49998 rows
# before it), the file's summary line 60002, after every row (then the
# waves and alpha).
cmd: awk 'BEGIN { print "wave,township,village,cadre,household,collector,weight,q1,q2,q3,q4"; for (i = 0; i < 60000; i++) printf "2026Q1,城关镇,东坡村,C%d,H%d,S1,1.5,满意,%d,4,5\n", i % 300, i, i == 49998 ? 9 : 5 }' > $T/big.csv; cd $T; minyi-check -c $OLDPWD/codebook4.csv big.csv > log 2>&1; echo $?; grep -an 'big\.csv' log | cut -d: -f1; grep -ac '^2026Q1,城关镇,东坡村,C[0-9]*,H[0-9]*,S1,1.5,满意,5,4,5$' log; wc -l < log
exit: 0
stdout:
1
50000
60002
59999
60004
stderr:

=== -j 16 under ulimit -v: threads with stacks of 2 MiB (base/thread.h), not ulimit -s's 8 MiB each, fit where one thread does; the same bytes as -j 1
# 16 stacks of 8 MiB took 128 MiB of the address space before anything
# was allocated: 'memory exhausted' at 90 MB.  ASan and TSan cannot run
# under ulimit -v: a sanitized build runs without it.
cmd: awk 'BEGIN { print "wave,township,cadre,household,q1,q2"; for (i = 0; i < 200000; i++) printf "W,T,C%d,H%d,满意,%d\n", i % 500, i, 1 + i % 5 }' > $T/big.csv; minyi-score -q -j 1 -c codebook.csv -o $T/j1.csv $T/big.csv; (case $B in *san*) ;; *) ulimit -v 90000;; esac; MINYI_SPLIT_MIN=100000 MINYI_SPLIT_TRACE=$T/trace minyi-score -q -j 16 -c codebook.csv -o $T/j16.csv $T/big.csv; echo $?); sed "s|$T/||" $T/trace; cmp $T/j1.csv $T/j16.csv && echo same
exit: 0
stdout:
0
big.csv: 16 ranges
same
stderr:

=== an output file gets the mode a plain open would under the caller's umask (read from /proc/self/status, never set: a thread creating a file meanwhile would get mode 666)
cmd: (umask 027; minyi-score -q -c codebook.csv -o $T/a.csv good.csv); (umask 002; minyi-check -q -c codebook.csv -o $T/b.csv --rejects $T/c.csv good.csv); ls -l $T | awk 'NR > 1 { print $1, $NF }'
exit: 0
stdout:
-rw-r----- a.csv
-rw-r----- a.csv.meta.csv
-rw-rw-r-- b.csv
-rw-rw-r-- c.csv
stderr:

# The encoding guess (minyi-formats(5), Encodings): GB18030 whose lines
# are valid UTF-8 by accident, a long ASCII start, the window's size.
# twins.csv's townships (元坪 原平 卢园 同叶) are hanzi whose GB18030
# bytes are valid UTF-8 (tools/gb18030-utf8-twins lists all 930 of
# GB2312's); in a score table they are its only non-ASCII text.

=== a GB18030 score table whose only Chinese is 元坪 原平 卢园 同叶 is read as GB18030 (was: mojibake townships, status 0)
cmd: minyi-score -q -c codebook.csv -g township,cadre --output-encoding gb18030 -o $T/g.csv twins.csv && cd $T && minyi-adjust g.csv | cut -d, -f1,2
stdout:
township,cadre
元坪,C1
卢园,C3
原平,C2
同叶,C4
stderr:
minyi-adjust: g.csv: read as GB18030: its text is valid UTF-8 too, but reads as Chinese only in GB18030 (-E UTF-8 if it is not Chinese)
minyi-adjust: g.csv: 4 records, 4 used, 0 rejected

=== each table-writing program's GB18030 output, read back by the suite, gives the UTF-8 run's cells
cmd: for e in utf-8 gb18030; do minyi-check -q -c codebook.csv --output-encoding $e -o $T/c-$e.csv twins.csv && minyi-score -q -c codebook.csv -g township,cadre --output-encoding $e -o $T/s-$e.csv $T/c-$e.csv && minyi-score -q -c codebook.csv -g township,cadre --partial --output-encoding $e -o $T/p-$e.csv $T/c-$e.csv && minyi-merge -q --output-encoding $e -o $T/m-$e.csv $T/p-$e.csv && minyi-adjust -q --output-encoding $e -o $T/a-$e.csv $T/m-$e.csv && minyi-rank -q --by-stat=rate --draws 0 --output-encoding $e -o $T/r-$e.csv $T/a-$e.csv && minyi-report -q -f markdown $T/r-$e.csv > $T/md-$e && minyi-score -q -c codebook.csv -g wave,township,cadre --output-encoding $e -o $T/w-$e.csv $T/c-$e.csv && minyi-trend -q --wave wave=2026Q1,2026Q2 --output-encoding $e -o $T/t-$e.csv $T/w-$e.csv && head -n 7 weight-survey.csv | sed 's/城关镇/元坪/g; s/高坝镇/原平/g' > $T/ws.csv && sed 's/城关镇/元坪/g; s/高坝镇/原平/g' weight-margins.csv > $T/wm.csv && minyi-weight -q -M $T/wm.csv --output-encoding $e -o $T/wt-$e.csv $T/ws.csv && minyi-weight -q -M $T/wm.csv -o $T/ww-$e.csv $T/wt-$e.csv || exit 1; done; for f in c s p m a r w t wt; do iconv -f GB18030 -t UTF-8 $T/$f-gb18030.csv | cmp - $T/$f-utf-8.csv || exit 1; done; cmp $T/s-utf-8.csv $T/m-utf-8.csv && cmp $T/md-utf-8 $T/md-gb18030 && cmp $T/ww-utf-8.csv $T/ww-gb18030.csv && cat $T/md-gb18030 $T/t-utf-8.csv | grep -c '元坪'
stdout:
2

=== a short GB18030 survey whose every non-ASCII line is valid UTF-8 is read as GB18030, on a pipe too
cmd: iconv -f UTF-8 -t GB18030 twins.csv > $T/g.csv; (D=$PWD; cd $T && minyi-score -c $D/codebook.csv -g township g.csv | cut -d, -f1); iconv -f UTF-8 -t GB18030 twins.csv | minyi-score -q -c codebook.csv -g township | cmp - twins-township.out && echo same
stdout:
township
元坪
卢园
原平
同叶
same
stderr:
minyi-score: g.csv: read as GB18030: its text is valid UTF-8 too, but reads as Chinese only in GB18030 (-E UTF-8 if it is not Chinese)
minyi-score: g.csv: 40 records, 40 used, 0 rejected

=== UTF-8 whose only non-ASCII text is Latin or Cyrillic stays UTF-8, though it converts from GB18030
cmd: printf 'wave,township,cadre,household,q1,q2\n2026Q1,Müller,C1,H1,,4\n2026Q1,Москва,C2,H2,,5\n' > $T/l.csv; iconv -f GB18030 -t UTF-8 $T/l.csv > /dev/null && cd $T && minyi-score -c $OLDPWD/codebook.csv -g township l.csv | cut -d, -f1
stdout:
township
Müller
Москва
stderr:
minyi-score: l.csv: 2 records, 2 used, 0 rejected

=== a mixed file stays mixed: UTF-8 rows (which convert from GB18030 too) and two GB18030 rows pasted in
cmd: (cat twins.csv; printf '2026Q1,城关镇,C9,H91,满意,4\n2026Q1,城关镇,C9,H92,满意,5\n' | iconv -f UTF-8 -t GB18030) > $T/m.csv; iconv -f GB18030 -t UTF-8 $T/m.csv > /dev/null && cd $T && minyi-score -c $OLDPWD/codebook.csv -g township m.csv 2> err | cut -d, -f1; cat err
stdout:
township
元坪
卢园
原平
同叶
minyi-score: m.csv: 2 lines are not valid UTF-8, and the file is not GB18030 either: read as UTF-8, those rows rejected
minyi-score:m.csv:42: field 2 (township) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-score:m.csv:43: field 2 (township) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-score: m.csv: 42 records, 40 used, 2 rejected (encoding 2)

=== over 1 MiB of ASCII, then GB18030: read as GB18030 from its first non-ASCII line, file and pipe (was: status 1, asking for --encoding)
cmd: awk 'BEGIN { print "wave,township,cadre,household,q1,q2"; for (i = 0; i < 60000; i++) printf "2026Q1,T%d,C%d,H%d,,%d\n", i % 3, i % 7, i, i % 5 + 1 }' > $T/a.csv; iconv -f UTF-8 -t GB18030 twins.csv | tail -n +2 >> $T/a.csv; echo '2026Q1,T1,C1,Hz,,5' >> $T/a.csv; test $(wc -c < $T/a.csv) -gt 1100000 && minyi-score -q -c codebook.csv -g township $T/a.csv > $T/o1; echo $?; cat $T/a.csv | minyi-score -q -c codebook.csv -g township > $T/o2; minyi-score -q -E GB18030 -c codebook.csv -g township $T/a.csv > $T/o3; cmp $T/o1 $T/o3 && cmp $T/o2 $T/o3 && cut -d, -f1 $T/o1 | tail -n 4
stdout:
0
元坪
卢园
原平
同叶

=== over 1 MiB of ASCII, then UTF-8, then a GB18030 row: UTF-8, that row rejected
cmd: awk 'BEGIN { print "wave,township,cadre,household,q1,q2"; for (i = 0; i < 60000; i++) printf "2026Q1,T%d,C%d,H%d,,%d\n", i % 3, i % 7, i, i % 5 + 1 }' > $T/a.csv; tail -n +2 twins.csv >> $T/a.csv; printf '2026Q1,城关镇,C9,H91,满意,4\n' | iconv -f UTF-8 -t GB18030 >> $T/a.csv; cd $T && minyi-score -c $OLDPWD/codebook.csv -g township a.csv 2>&1 >/dev/null
exit: 1
stdout:
minyi-score:a.csv:60042: field 2 (township) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-score: a.csv: 60041 records, 60040 used, 1 rejected (encoding 1)

=== the window is 1 MiB from the first non-ASCII line: a GB18030 row within it makes the file mixed, with the note; one past it is rejected as it comes (was: 2 MiB)
cmd: for n in 30000 60000; do awk -v n=$n 'BEGIN { print "wave,township,cadre,household,q1,q2"; print "2026Q1,元坪,C1,H0,,4"; print "2026Q1,原平,C2,H00,,4"; for (i = 0; i < n; i++) printf "2026Q1,T%d,C%d,H%d,,%d\n", i % 3, i % 7, i, i % 5 + 1 }' > $T/w$n.csv; printf '2026Q1,城关镇,C9,H91,满意,4\n' | iconv -f UTF-8 -t GB18030 >> $T/w$n.csv; (cd $T && minyi-score -c $OLDPWD/codebook.csv -g township w$n.csv 2>&1 >/dev/null); done
exit: 1
stdout:
minyi-score: w30000.csv: 1 line is not valid UTF-8, and the file is not GB18030 either: read as UTF-8, those rows rejected
minyi-score:w30000.csv:30004: field 2 (township) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-score: w30000.csv: 30003 records, 30002 used, 1 rejected (encoding 1)
minyi-score:w60000.csv:60004: field 2 (township) is not valid UTF-8 (unlike the rest of the file; see --encoding)
minyi-score: w60000.csv: 60003 records, 60002 used, 1 rejected (encoding 1)

=== progress and the summary say "1 record", and progress comes at the first record (was: "1 records")
cmd: cd $T && head -n 2 $OLDPWD/twins.csv > one.csv && minyi-score --progress -c $OLDPWD/codebook.csv one.csv 2>&1 >/dev/null | sed 's/, [0-9.]* MB\/s.*//'
stdout:
minyi-score: one.csv: 0.0 MB of 0.0 MB (100%), 1 record
minyi-score: one.csv: 1 record, 1 used, 0 rejected

=== UTF-8 whose only non-ASCII text is Cyrillic that reads as common hanzi in GB18030 (Тома) is taken for GB18030, as minyi-formats(5) warns: the note says so and how to overrule it
cmd: printf 'wave,cadre,q1\n2026Q1,Тома,4\n2026Q1,Тома,5\n' > $T/c.csv; cd $T && minyi-score -i q1 -s 4..5 c.csv | cut -d, -f1; minyi-score -q -E UTF-8 -i q1 -s 4..5 c.csv | cut -d, -f1
stdout:
cadre
孝芯屑邪
cadre
Тома
stderr:
minyi-score: c.csv: read as GB18030: its text is valid UTF-8 too, but reads as Chinese only in GB18030 (-E UTF-8 if it is not Chinese)
minyi-score: c.csv: 2 records, 2 used, 0 rejected

# The table writer (lib/io/tabfmt.c, output.c, rejects.c): defects of
# issue 13's hostile review, each failing before its fix.  U+E78D
# (\356\236\215) is a private-use character glibc's GB18030 has no
# bytes for; \377 is no UTF-8.

=== minyi-check --output-encoding=gb18030: a rejected row that cannot be encoded leaves nothing on standard output (was: the clean rows, then 'nothing written')
cmd: printf 'wave,household,cadre,q1,q2\nW1,H1,C1,满意,4\nW1,H2,C1,\356\236\215,4\n' > $T/s.csv; minyi-check -q -c codebook.csv --output-encoding=gb18030 --rejects=$T/rj.csv $T/s.csv > $T/out 2> $T/err; echo $?; wc -c < $T/out; sed "s|$T/||" $T/err
stdout:
2
0
minyi-check:rj.csv:2: column 8 (q1): U+E78D cannot be written in GB18030; nothing written (try --output-encoding=utf-8-bom)
nofile rj.csv

=== ... the same in TSV, and with -o no file either
cmd: printf 'wave,household,cadre,q1,q2\nW1,H1,C1,满意,4\nW1,H2,C1,\356\236\215,4\n' > $T/s.csv; minyi-check -q -c codebook.csv -f tsv --output-encoding=gb18030 --rejects=$T/rj.csv $T/s.csv | wc -c; minyi-check -q -c codebook.csv -f tsv --output-encoding=gb18030 --rejects=$T/rj.csv -o $T/out.tsv $T/s.csv 2>/dev/null; echo $?; ls $T
stdout:
0
2
s.csv

=== minyi-check -f jsonl: a rejected row that is not UTF-8 leaves nothing on standard output (was: the clean rows, then 'nothing written')
cmd: printf 'wave,household,cadre,q1,q2\nW1,H1,C1,满意,4\nW1,H2,C1,\377,4\n' > $T/s.csv; minyi-check -q -E UTF-8 -c codebook.csv -f jsonl --rejects=$T/rj.jsonl $T/s.csv > $T/out 2> $T/err; echo $?; wc -c < $T/out; sed "s|$T/||" $T/err
stdout:
2
0
minyi-check:rj.jsonl:2: column 8 holds bytes that are not UTF-8, which JSON cannot carry; nothing written (write it with --format=csv)

=== the writer's message in Chinese has the same form, minyi-PROG:FILE:LINE: (was: a full-width colon after FILE:LINE)
cmd: printf 'wave,household,cadre,q1,q2\nW1,H1,C1,满意,4\nW1,H2,C1,\356\236\215,4\n' > $T/s.csv; LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-check -q -c codebook.csv --output-encoding=gb18030 --rejects=$T/rj.csv $T/s.csv 2>&1 >/dev/null | sed "s|$T/||"
stdout:
minyi-check:rj.csv:2: 第 8 列（q1）：U+E78D 无法以 GB18030 写出；未写出任何内容（可试 --output-encoding=utf-8-bom）

=== minyi-score: the same message without a space after the program (was: 'minyi-score: FILE:LINE:')
cmd: printf 'cadre,q1,q2\nC\356\236\215,满意,4\n' > $T/pua.csv; minyi-score -q -c codebook.csv --output-encoding=gb18030 $T/pua.csv
exit: 2
stdout:
stderr:
minyi-score:(standard output):2: column 1 (cadre): U+E78D cannot be written in GB18030; nothing written (try --output-encoding=utf-8-bom)

=== --strict in a converted form on standard output: nothing was written, and the message says so (was: 'the clean rows on standard output are incomplete')
cmd: minyi-check -q -c codebook4.csv -f tsv --strict check.csv | wc -c
stdout:
0
stderr:
minyi-check:check.csv:5: household 'H1' already rated cadre 'C1' in wave '2026Q1' on line 2
minyi-check: stopped at the first rejected record (--strict); nothing written

=== JSON Lines rejects: a survey column named line, source, reason or message is renamed line.1 ..., never a second key (was: the key twice, jq keeping the last)
cmd: printf 'wave,household,cadre,q1,q2,line,source,reason,message\nW1,H1,C1,满意,9,L,S,R,M\n' > $T/d.csv; minyi-check -q -c codebook.csv -f jsonl --rejects=$T/rj.jsonl $T/d.csv; jq -c '[.line, .reason, ."line.1", ."source.1", ."reason.1", ."message.1"]' $T/rj.jsonl; sed 's/{"source":"[^"]*"/{/' $T/rj.jsonl | grep -o '"[^"]*":' | sort | uniq -d | wc -l
exit: 0
stdout:
[2,"bad-value","L","S","R","M"]
0

=== CSV and TSV rejects carry the same names: line.2 when the survey has a line.1 too
cmd: printf 'wave,household,cadre,q1,q2,line,line.1\nW1,H1,C1,满意,9,L,L1\n' > $T/d.csv; minyi-check -q -c codebook.csv --rejects=$T/rj.csv $T/d.csv > /dev/null; head -n 1 $T/rj.csv; minyi-check -q -c codebook.csv -f tsv --rejects=$T/rj.tsv $T/d.csv > /dev/null; head -n 1 $T/rj.tsv
exit: 0
stdout:
source,line,reason,message,wave,household,cadre,q1,q2,line.2,line.1
source	line	reason	message	wave	household	cadre	q1	q2	line.2	line.1

=== a full disk is named in every form and encoding, on standard output and for the rejects file (was: Input/output error)
cmd: awk 'BEGIN { print "wave,household,cadre,q1,q2"; for (i = 1; i <= 3000; i++) print "W1,H" i ",C1,满意,4"; for (i = 1; i <= 3000; i++) print "W1,X" i ",C1,bad,4" }' > $T/big.csv; for f in csv tsv jsonl; do for enc in utf-8 utf-8-bom gb18030; do [ $f = jsonl ] && [ $enc != utf-8 ] && continue; m=$(minyi-check -q -c codebook.csv -f $f --output-encoding=$enc $T/big.csv 2>&1 > /dev/full); echo "$f $enc: $? $m"; m=$(minyi-check -q -c codebook.csv -f $f --output-encoding=$enc --rejects=/dev/full $T/big.csv 2>&1 > /dev/null); echo "$f $enc: $? $m"; done; done
stdout:
csv utf-8: 2 minyi-check: write error on standard output: No space left on device
csv utf-8: 2 minyi-check: /dev/full: cannot write: No space left on device
csv utf-8-bom: 2 minyi-check: write error on standard output: No space left on device
csv utf-8-bom: 2 minyi-check: /dev/full: cannot write: No space left on device
csv gb18030: 2 minyi-check: write error on standard output: No space left on device
csv gb18030: 2 minyi-check: /dev/full: cannot write: No space left on device
tsv utf-8: 2 minyi-check: write error on standard output: No space left on device
tsv utf-8: 2 minyi-check: /dev/full: cannot write: No space left on device
tsv utf-8-bom: 2 minyi-check: write error on standard output: No space left on device
tsv utf-8-bom: 2 minyi-check: /dev/full: cannot write: No space left on device
tsv gb18030: 2 minyi-check: write error on standard output: No space left on device
tsv gb18030: 2 minyi-check: /dev/full: cannot write: No space left on device
jsonl utf-8: 2 minyi-check: write error on standard output: No space left on device
jsonl utf-8: 2 minyi-check: /dev/full: cannot write: No space left on device

=== a full disk with minyi-score, a table of every form to standard output
cmd: awk 'BEGIN { print "cadre,q1,q2"; for (i = 1; i <= 3000; i++) print "C" i ",满意,4" }' > $T/big.csv; for f in csv tsv jsonl; do m=$(minyi-score -q -c codebook.csv -f $f $T/big.csv 2>&1 > /dev/full); echo "$f: $? $m"; done; m=$(minyi-score -q -c codebook.csv --output-encoding=gb18030 $T/big.csv 2>&1 > /dev/full); echo "gb18030: $? $m"
stdout:
csv: 2 minyi-score: write error on standard output: No space left on device
tsv: 2 minyi-score: write error on standard output: No space left on device
jsonl: 2 minyi-score: write error on standard output: No space left on device
gb18030: 2 minyi-score: write error on standard output: No space left on device

=== JSON Lines: a number only as RFC 8259 writes one and finite (was: 1E999 a bare number); every line parses
cmd: printf 'wave,household,cadre,q1,q2,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o\nW1,H1,C1,满意,4,1E999,-0,01,.5,5.,+1,0x10,1e5,NaN,Infinity,-1E999,1e-999,0e-999,2.5E+3,-0.0e-0\n' > $T/n.csv; minyi-check -q -c codebook.csv -f jsonl $T/n.csv > $T/n.jsonl; jq -e . $T/n.jsonl > /dev/null && echo parses; jq -r 'del(.wave, .household, .cadre, .q1, .q2) | to_entries[] | "\(.key) \(.value | type) \(.value)"' $T/n.jsonl
stdout:
parses
a string 1E999
b number -0
c string 01
d string .5
e string 5.
f string +1
g string 0x10
h number 100000
i string NaN
j string Infinity
k string -1E999
l string 1e-999
m number 0
n number 2500
o number -0

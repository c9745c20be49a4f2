# minyi-report: rankings and score tables shown with their intervals.
#
# report-rank.csv is a ranking as minyi-rank writes it (Chinese and ASCII
# names, one "Zhang, Wei" quoted, a roster cadre with no data);
# report-adj.csv the adjusted table it came from.  Its rate intervals are
# Wilson's, computed independently (Python: (p + z^2/2n +- z sqrt(p(1-p)/n
# + z^2/4n^2)) / (1 + z^2/n), z = 1.959963984540054): 38 of 40 gives
# 0.835 to 0.986, 3 of 11 gives 0.097 to 0.566, as shown.  The golden
# tables were checked by eye for alignment: a Chinese character takes two
# columns, so 王芳 (4 columns) pads as "Li Ming" (7) does.

=== text: mixed Chinese and ASCII names line up, intervals joined from --scores
cmd: minyi-report -q --width 100 --scores report-adj.csv report-rank.csv
stdout:
rank  rank 95%  wave    cadre  name        township   n         posterior 95%  p_top10pct  tier
----  --------  ------  -----  ----------  --------  --  --------------------  ----------  --------
   1       1-3  2026Q2  C01    王芳        城关镇    40  0.930 [0.798, 0.967]       0.610  优秀
   2       1-4  2026Q2  C02    Li Ming     城关镇    25  0.870 [0.693, 0.942]       0.220  称职
   3       1-5  2026Q2  C03    欧阳娜娜    焕古镇    12  0.840 [0.595, 0.941]       0.100  称职
   4       3-5  2026Q2  C04    Zhang, Wei  瓦庙镇    30  0.720 [0.567, 0.850]       0.020  基本称职
   5       4-5  2026Q2  C05    李秋        向阳镇    11  0.450 [0.329, 0.767]       0.000  不称职
   -         -  2026Q2  C06    赵六        城关镇     0                     -           -  不予评定
rank 95%: 2.5% and 97.5% quantiles of the simulated ranks; overlapping ones cannot be told apart.
n: answers.
posterior: mean of the shrunken (empirical-Bayes) rate [its interval].
Not shown at width 100: unit, position, rate 95%, tier rule, funnel (see --width).
stderr:

=== text: a narrow terminal drops the columns of lowest priority and says so
cmd: minyi-report -q --width 60 --scores report-adj.csv --where wave=2026Q2 report-rank.csv
stdout:
rank  cadre  name               posterior 95%  tier
----  -----  ----------  --------------------  --------
   1  C01    王芳        0.930 [0.798, 0.967]  优秀
   2  C02    Li Ming     0.870 [0.693, 0.942]  称职
   3  C03    欧阳娜娜    0.840 [0.595, 0.941]  称职
   4  C04    Zhang, Wei  0.720 [0.567, 0.850]  基本称职
   5  C05    李秋        0.450 [0.329, 0.767]  不称职
   -  C06    赵六                           -  不予评定
posterior: mean of the shrunken (empirical-Bayes) rate [its interval].
Not shown at width 60: rank 95%, township, unit, position, n, rate 95%, p_top10pct, tier rule, funnel (see --width).
stderr:

=== text: a ranking alone: the posterior has no interval there, shown [?]
cmd: minyi-report -q --width 80 report-rank.csv
stdout:
rank  rank 95%  wave    cadre  name        township   n  posterior  tier
----  --------  ------  -----  ----------  --------  --  ---------  --------
   1       1-3  2026Q2  C01    王芳        城关镇    40  0.930 [?]  优秀
   2       1-4  2026Q2  C02    Li Ming     城关镇    25  0.870 [?]  称职
   3       1-5  2026Q2  C03    欧阳娜娜    焕古镇    12  0.840 [?]  称职
   4       3-5  2026Q2  C04    Zhang, Wei  瓦庙镇    30  0.720 [?]  基本称职
   5       4-5  2026Q2  C05    李秋        向阳镇    11  0.450 [?]  不称职
   -         -  2026Q2  C06    赵六        城关镇     0          -  不予评定
rank 95%: 2.5% and 97.5% quantiles of the simulated ranks; overlapping ones cannot be told apart.
n: answers.
posterior: mean of the shrunken (empirical-Bayes) rate [its interval].
Not shown at width 80: unit, position, rate, p_top10pct, tier rule (see --width).
stderr:

=== text: COLUMNS sets the width when --width is not given
cmd: COLUMNS=50 minyi-report -q report-rank.csv | tail -n 1
stdout:
Not shown at width 50: rank 95%, wave, township, unit, position, n, rate, p_top10pct, tier rule (see --width).
stderr:

=== text: the same bytes in the C and the C.UTF-8 locales
cmd: LC_ALL=C minyi-report -q --width 100 --scores report-adj.csv report-rank.csv > $T/c; LC_ALL=C.UTF-8 minyi-report -q --width 100 --scores report-adj.csv report-rank.csv > $T/u; cmp $T/c $T/u && echo same
stdout:
same
stderr:

=== text: a score table, the rate's Wilson interval computed from n and sat
cmd: minyi-report -q --width 80 report-bad.csv
exit: 1
stdout:
rank  wave    cadre   n                  rate
----  ------  -----  --  --------------------
   1  2026Q2  C01    10  0.900 [0.596, 0.982]
n: answers.
rate: share satisfied [its interval].
  The table has no bounds for the rate: Wilson 95% intervals computed from n and sat.
stderr:

=== markdown: every column, pipes and brackets escaped
cmd: minyi-report -q -f markdown --scores report-adj.csv --where wave=2026Q2 report-rank.csv
stdout:
| rank | rank 95% | cadre | name | township | unit | position | n | posterior 95% | rate 95% | p\_top10pct | tier | tier rule | funnel |
| ---: | ---: | :--- | :--- | :--- | :--- | :--- | ---: | ---: | ---: | ---: | :--- | :--- | :--- |
| 1 | 1-3 | C01 | 王芳 | 城关镇 | 城关镇人民政府 | 镇长 | 40 | 0.930 \[0.798, 0.967\] | 0.950 \[0.835, 0.986\] | 0.610 | 优秀 | line 3: P(rate>=0.9) >= 0.8 | high95 |
| 2 | 1-4 | C02 | Li Ming | 城关镇 | County Office | clerk | 25 | 0.870 \[0.693, 0.942\] | 0.880 \[0.700, 0.958\] | 0.220 | 称职 | line 4: post\_mean >= 0.8 | in |
| 3 | 1-5 | C03 | 欧阳娜娜 | 焕古镇 | 县农业农村局 | 驻村第一书记 | 12 | 0.840 \[0.595, 0.941\] | 0.833 \[0.552, 0.953\] | 0.100 | 称职 | line 4: post\_mean >= 0.8 | in |
| 4 | 3-5 | C04 | Zhang, Wei | 瓦庙镇 | 瓦庙镇人民政府 | 包村干部 | 30 | 0.720 \[0.567, 0.850\] | 0.700 \[0.521, 0.833\] | 0.020 | 基本称职 | line 5: post\_mean >= 0.7 | in |
| 5 | 4-5 | C05 | 李秋 | 向阳镇 | 向阳镇人民政府 | 纪委书记 | 11 | 0.450 \[0.329, 0.767\] | 0.273 \[0.097, 0.566\] | 0.000 | 不称职 | line 6: otherwise | low998 |
| - | - | C06 | 赵六 | 城关镇 | 县财政局 | 会计 | 0 | - | - | - | 不予评定 | line 2: n \< 5 | - |

rank 95%: 2.5% and 97.5% quantiles of the simulated ranks; overlapping ones cannot be told apart.
n: answers.
posterior: mean of the shrunken (empirical-Bayes) rate [its interval].
rate: share satisfied as observed [its interval].
stderr:

=== a score or adjusted table is read as well
cmd: minyi-report -q --width 120 report-adj.csv
stdout:
wave    cadre   n         posterior 95%              rate 95%  funnel
------  -----  --  --------------------  --------------------  ------
2026Q2  C01    40  0.930 [0.798, 0.967]  0.950 [0.835, 0.986]  high95
2026Q2  C02    25  0.870 [0.693, 0.942]  0.880 [0.700, 0.958]  in
2026Q2  C03    12  0.840 [0.595, 0.941]  0.833 [0.552, 0.953]  in
2026Q2  C04    30  0.720 [0.567, 0.850]  0.700 [0.521, 0.833]  in
2026Q2  C05    11  0.450 [0.329, 0.767]  0.273 [0.097, 0.566]  low998
n: answers.
posterior: mean of the shrunken (empirical-Bayes) rate [its interval].
rate: share satisfied as observed [its interval].
stderr:

=== -o writes the file
cmd: minyi-report -q --width 80 -o $T/r.txt report-rank.csv && wc -l < $T/r.txt
stdout:
12
stderr:

=== errors: a bad number and a rate outside 0..1 are rejected with their lines
cmd: minyi-report --width 80 report-bad.csv > /dev/null
exit: 1
stdout:
stderr:
minyi-report:report-bad.csv:3: sat 'x' is not a number
minyi-report:report-bad.csv:4: rate '1.5' is outside 0..1
minyi-report: report-bad.csv: 3 records, 1 used, 2 rejected (bad-number 2)

=== errors: --where matching no row: the values the column holds are said
cmd: minyi-report -q --where wave=2026Q1 report-rank.csv
exit: 1
stdout:
stderr:
minyi-report: --where: no row has '2026Q1' in column 'wave'; the column holds '2026Q2'

=== errors: --where matching no row: the first ten values, then "..."; the value asked for as messages quote values
cmd: awk -F, -v OFS=, 'NR == 1 { print; next } NR == 2 { for (i = 12; i >= 1; i--) { $2 = sprintf("C%02d", i); print } }' report-rank.csv > $T/t.csv && minyi-report -q --where cadre=Ｃ01 $T/t.csv
exit: 1
stdout:
stderr:
minyi-report: --where: no row has '<U+FF23>01' in column 'cadre'; the column holds 'C12', 'C11', 'C10', 'C09', 'C08', 'C07', 'C06', 'C05', 'C04', 'C03', ...

=== errors: --where on a table with no rows
cmd: head -n 1 report-rank.csv > $T/e.csv && minyi-report -q --where wave=2026Q2 $T/e.csv
exit: 1
stdout:
stderr:
minyi-report: --where: no row has '2026Q2' in column 'wave': the tables have no rows

=== errors: no row to show says why: a table with no rows, every row rejected, every row --where kept rejected (it said 'see --where' without one)
cmd: head -n 1 report-rank.csv > $T/e.csv; minyi-report -q $T/e.csv; echo $?; awk -F, -v OFS=, 'NR > 1 { $1 = "" } 1' report-rank.csv > $T/k.csv; minyi-report -q $T/k.csv; echo $?; minyi-report -q --where cadre=C01 $T/k.csv; echo $?
exit: 0
stdout:
1
1
1
stderr:
minyi-report: no row to show: the tables have no rows
minyi-report: no row to show: every row was rejected
minyi-report: no row to show: every row with 'C01' in column 'cadre' was rejected

=== errors: --where naming no column
cmd: minyi-report -q --where quarter=1 report-rank.csv
exit: 1
stdout:
stderr:
minyi-report:report-rank.csv:1: --where: no column 'quarter'

=== errors: a key given twice in one table: the second row rejected, as minyi-rank does
cmd: cd $T && (cat "$OLDPWD/report-rank.csv"; sed -n 2p "$OLDPWD/report-rank.csv") > dup.csv && minyi-report --rejects rej.csv -f markdown dup.csv > out.md; echo "status $?"; grep -c '| C01 ' out.md; cut -d, -f1-3 rej.csv
stdout:
status 1
1
source,line,reason
dup.csv,8,duplicate
stderr:
minyi-report:dup.csv:8: key '2026Q2,C01' already has a row, on line 2
minyi-report: dup.csv: 7 records, 6 used, 1 rejected (duplicate 1)

=== errors: a key in two tables: the later table's row rejected, as minyi-rank does
cmd: cp report-rank.csv $T/ && cd $T && sed -n '1p;3p;4p' report-rank.csv > more.csv && minyi-report -f markdown report-rank.csv more.csv > out.md; echo "status $?"; grep -c '| C0[23] ' out.md
stdout:
status 1
2
stderr:
minyi-report: report-rank.csv: 6 records, 6 used, 0 rejected
minyi-report:more.csv:2: key '2026Q2,C02' already has a row, in report-rank.csv:3
minyi-report:more.csv:3: key '2026Q2,C03' already has a row, in report-rank.csv:4
minyi-report: more.csv: 2 records, 0 used, 2 rejected (duplicate 2)
minyi-report: all inputs: 8 records, 6 used, 2 rejected (duplicate 2)

=== a rejected row's key is not taken: the good row with that key after it is shown
cmd: (sed '2s/,40,38,/,40,x,/' report-rank.csv; sed -n 2p report-rank.csv) > $T/b.csv && minyi-report -f markdown $T/b.csv 2>&1 > $T/out.md | sed "s|$T/||"; grep -c '| C01 ' $T/out.md
stdout:
minyi-report:b.csv:2: sat 'x' is not a number
minyi-report: b.csv: 7 records, 6 used, 1 rejected (bad-number 1)
1

=== --where: the keys of rows not shown are not checked
cmd: (cat report-rank.csv; sed -n 2p report-rank.csv | sed 's/^2026Q2/2026Q1/'; sed -n 2p report-rank.csv | sed 's/^2026Q2/2026Q1/') > $T/w.csv && minyi-report -f markdown --where wave=2026Q2 $T/w.csv 2>&1 > $T/out.md | sed "s|$T/||"; grep -c '| C01 ' $T/out.md
stdout:
minyi-report: w.csv: 8 records, 8 used, 0 rejected
1

=== errors: no n column
cmd: printf "a,b\n1,2\n" | minyi-report -q
exit: 1
stdout:
stderr:
minyi-report:(standard input):1: no column 'n': neither a ranking (minyi-rank) nor a score table (minyi-score)

=== errors: --scores missing
cmd: minyi-report -q --scores nope.csv report-rank.csv
exit: 2
stdout:
stderr:
minyi-report: nope.csv: cannot open: No such file or directory

=== errors: --scores without the keys
cmd: cp report-rank.csv $T/ && cd $T && printf 'x,lo\n1,0.5\n' > s.csv && minyi-report -q --scores s.csv report-rank.csv
exit: 1
stdout:
stderr:
minyi-report:s.csv:1: none of the table's keys is a column here

=== usage: a bad --format
cmd: minyi-report --format pdf report-rank.csv
exit: 2
stdout:
stderr:
minyi-report: --format must be 'text', 'markdown', 'html' or 'xlsx', not 'pdf'
Try `minyi-report --help' or `minyi-report --usage' for more information.

=== usage: a bad --width
cmd: minyi-report --width 5x report-rank.csv
exit: 2
stdout:
stderr:
minyi-report: --width must be a whole number from 20 to 10000, not '5x'
Try `minyi-report --help' or `minyi-report --usage' for more information.

=== usage: a bad --plot
cmd: minyi-report --plot pie=x.svg report-rank.csv
exit: 2
stdout:
stderr:
minyi-report: --plot must be funnel=FILE or caterpillar=FILE, not 'pie=x.svg'
Try `minyi-report --help' or `minyi-report --usage' for more information.

=== usage: a bad --label
cmd: minyi-report --label middle report-rank.csv
exit: 2
stdout:
stderr:
minyi-report: --label takes 'top', 'bottom', 'outliers' or 'none', separated by commas, not 'middle'
Try `minyi-report --help' or `minyi-report --usage' for more information.

=== html: one self-contained page, well-formed (xmllint when installed), text escaped
cmd: minyi-report -q -f html --scores report-adj.csv --title "Q2 <draft>" -o $T/r.html report-rank.csv && { if command -v xmllint >/dev/null 2>&1; then xmllint --html --noout $T/r.html && echo well-formed; else echo well-formed; fi; }; grep -c -i -E "<script|<link|src=|url\(|https?:" $T/r.html; grep -o "<title>.*</title>" $T/r.html; grep -c "<tr" $T/r.html; grep -o "n &lt; 5" $T/r.html; grep -o "<td class=\"short\">欧阳娜娜</td>" $T/r.html; grep -o "0.450 \[0.329, 0.767\]" $T/r.html; grep -o "@media print" $T/r.html; iconv -f UTF-8 -t UTF-8 $T/r.html > /dev/null && echo valid UTF-8
stdout:
well-formed
0
<title>Q2 &lt;draft&gt;</title>
9
n &lt; 5
<td class="short">欧阳娜娜</td>
0.450 [0.329, 0.767]
@media print
valid UTF-8
stderr:

=== html: the provenance file is shown, and the same input gives the same bytes
cmd: minyi-report -q -f html --provenance report-adj.csv report-rank.csv > $T/a; minyi-report -q -f html --provenance report-adj.csv report-rank.csv > $T/b; cmp $T/a $T/b && echo same; grep -o "<h3>report-adj.csv</h3>" $T/a; grep -c "<tr><th>" $T/a
stdout:
same
<h3>report-adj.csv</h3>
7
stderr:

=== html: a missing provenance file writes nothing
cmd: minyi-report -q -f html --provenance nope.csv report-rank.csv
exit: 2
stdout:
stderr:
minyi-report: nope.csv: cannot open: No such file or directory

=== plots: funnel and caterpillar SVGs, well-formed XML, rendered with rsvg-convert when installed, CJK labels
cmd: minyi-report -q --scores report-adj.csv -p funnel=$T/f.svg -p caterpillar=$T/c.svg --label top,bottom,outliers -o /dev/null report-rank.csv && { if command -v xmllint >/dev/null 2>&1; then xmllint --noout $T/f.svg $T/c.svg && echo well-formed; else echo well-formed; fi; if command -v rsvg-convert >/dev/null 2>&1; then rsvg-convert -o $T/f.png $T/f.svg && rsvg-convert -o $T/c.png $T/c.svg && echo rendered; else echo rendered; fi; }; grep -c "<circle" < $T/f.svg; grep -c "<circle" < $T/c.svg; grep -o "Noto Sans CJK SC" $T/f.svg | head -n 1; grep -o ">李秋<" $T/f.svg
stdout:
well-formed
rendered
5
5
Noto Sans CJK SC
>李秋<
stderr:

=== plots: a funnel without limits
cmd: minyi-report -q -p funnel=$T/f.svg -o /dev/null report-rank.csv; ls $T
stdout:
stderr:
minyi-report: the funnel needs limits: --limits FILE or a table with funnel_ columns (--scores)

=== xlsx: a workbook of two sheets, numbers as numbers, header frozen and filtered, the same bytes twice
cmd: minyi-report -q -f xlsx --scores report-adj.csv -o $T/a.xlsx report-rank.csv && minyi-report -q -f xlsx --scores report-adj.csv report-rank.csv > $T/b.xlsx && cmp $T/a.xlsx $T/b.xlsx && echo same bytes; unzip -Z1 $T/a.xlsx | grep -E '^xl/(worksheets|sharedStrings)' ; unzip -p $T/a.xlsx xl/workbook.xml | grep -o 'sheet name="[a-z]*"'; unzip -p $T/a.xlsx xl/worksheets/sheet1.xml | grep -o '<c r="[GO]2"><v>[0-9]*</v></c>'; unzip -p $T/a.xlsx xl/worksheets/sheet1.xml | grep -o 'state="frozen"\|<autoFilter ref="[A-Z0-9:]*"/>'; unzip -p $T/a.xlsx xl/sharedStrings.xml | grep -o '<t>王芳</t>'
stdout:
same bytes
xl/worksheets/sheet1.xml
xl/worksheets/sheet2.xml
xl/sharedStrings.xml
sheet name="ranking"
sheet name="notes"
<c r="G2"><v>40</v></c>
<c r="O2"><v>1</v></c>
state="frozen"
<autoFilter ref="A1:Z7"/>
<t>王芳</t>

=== xlsx: every part is well-formed XML
cmd: command -v xmllint > /dev/null || { echo skipped; exit 0; }; minyi-report -q -f xlsx --scores report-adj.csv -o $T/a.xlsx report-rank.csv && mkdir $T/x && cd $T/x && unzip -q ../a.xlsx && find . -name '*.xml' -o -name '*.rels' | sort | xargs xmllint --noout && echo well-formed
stdout:
well-formed

=== xlsx read back by a spreadsheet program (Gnumeric's ssconvert): its cells make the same report as the table
cmd: command -v ssconvert > /dev/null || { echo same; exit 0; }; minyi-report -q -f xlsx --scores report-adj.csv -o $T/a.xlsx report-rank.csv && ssconvert -T Gnumeric_stf:stf_csv $T/a.xlsx $T/a.csv 2> /dev/null && minyi-report -q -f markdown --scores report-adj.csv report-rank.csv > $T/m1 && minyi-report -q -f markdown $T/a.csv > $T/m2 && cmp $T/m1 $T/m2 && echo same
stdout:
same

=== html: opened by headless Chromium, the page has its rows and logs nothing to the console
cmd: command -v chromium > /dev/null || { printf '7\nno console message\n'; exit 0; }; minyi-report -q -f html --scores report-adj.csv -o $T/r.html report-rank.csv && HOME=$T timeout 120 chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom file://$T/r.html > $T/dom 2> $T/log; grep -c '<tr' $T/dom | awk '$1 >= 7 { print 7 }'; grep -q ':CONSOLE' $T/log && grep ':CONSOLE' $T/log || echo no console message
stdout:
7
no console message

=== errors: a row with an empty key is rejected, as every other reader of a score table does (found by tests/hostile.sh)
cmd: cd $T && printf 'cadre,rows,n,sat,rate\n,20,20,18,0.9\nC2,5,5,5,1\n' > t.csv && minyi-report --width 80 t.csv > /dev/null
exit: 1
stdout:
stderr:
minyi-report:t.csv:2: empty key 'cadre'
minyi-report: t.csv: 2 records, 1 used, 1 rejected (empty-key 1)

=== errors: a column twice in the header
cmd: cd $T && printf 'cadre,cadre,n,sat\nC1,C1,2,1\n' > t.csv && minyi-report t.csv
exit: 1
stdout:
stderr:
minyi-report:t.csv:1: column 'cadre' appears twice in the header

=== the HTML's note on the posterior says the prior is its stratum's, as minyi-adjust --by fits it
cmd: printf 'wave,cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nQ1,C1,10,10,9,0.9,0.6,0.98,0,0,0.95,wilson\nQ1,C2,12,12,6,0.5,0.25,0.75,0,0,0.95,wilson\nQ1,C3,20,20,15,0.75,0.53,0.89,0,0,0.95,wilson\n' > $T/s.csv && minyi-adjust -q --by wave $T/s.csv > $T/a.csv && minyi-report -q -f html $T/a.csv | grep -c 'prior fitted to the cadres of its stratum (all cadres, or those of one value of minyi-adjust --by, such as a wave'
stdout:
1

=== errors: every row --where kept rejected, the value long and not ASCII: the message quotes it as the others do (cut at a character), and still ends with the column; it was cut by the message buffer inside a character, the column lost
cmd: v=$(awk 'BEGIN { for (i = 0; i < 700; i++) printf "王" }'); awk -F, -v OFS=, -v v="$v" 'NR == 1 { print; next } NR == 2 { $2 = ""; $3 = v; print }' report-rank.csv > $T/l.csv; minyi-report -q --where "name=$v" $T/l.csv 2> $T/err; echo $?; iconv -f UTF-8 -t UTF-8 $T/err > /dev/null && echo utf-8; sed -n '$s/.*\(in column .*\)/\1/p' $T/err; awk '{ print (length($0) < 400) }' $T/err
stdout:
1
utf-8
in column 'name' was rejected
1

=== errors: a key in two tables, the first named by a long path not ASCII: the message keeps the first row's line, the path cut at a character (it was cut by the message buffer inside one, the line lost)
cmd: d=$(awk 'BEGIN { for (k = 0; k < 5; k++) { if (k) printf "/"; for (i = 0; i < 80; i++) printf "王" } }'); mkdir -p "$T/$d" && cp report-rank.csv "$T/$d/a.csv" && sed -n '1p;3p' report-rank.csv > $T/more.csv && cd $T && minyi-report -f markdown "$d/a.csv" more.csv 2> err > /dev/null; echo $?; grep -a 'more.csv:2' err | iconv -f UTF-8 -t UTF-8 > /dev/null && echo utf-8; grep -a -c "^minyi-report:more.csv:2: key '2026Q2,C02' already has a row, in 王王王.*\.\.\.:3$" err
stdout:
1
utf-8
1

=== errors: a table or a --scores table separated by semicolons is told to see -d, as the other inputs -d governs are (it was told neither a ranking nor a score table, or that no key is a column there, and nothing of -d)
cmd: tr , ';' < report-rank.csv > $T/semi.csv; cd $T; minyi-report -q semi.csv; echo $?; minyi-report -q --scores semi.csv "$OLDPWD/report-rank.csv"; echo $?
stdout:
1
1
stderr:
minyi-report:semi.csv:1: no column 'n': neither a ranking (minyi-rank) nor a score table (minyi-score); fields separated by another delimiter? see -d
minyi-report:semi.csv:1: none of the table's keys is a column here; fields separated by another delimiter? see -d

=== -d tab: the provenance beside a tab-separated table is read comma-separated, as it is written (it was read with tabs: 'a provenance row is field,value', status 1; the workbook's provenance rows left out)
cmd: minyi-score -q -f tsv -i q1 -s 4..5 -o $T/s.tsv good.csv && cd $T && minyi-report -q -d tab -f html s.tsv > s.html; echo $?; grep -c '<td>minyi-provenance 1</td>' s.html
stdout:
0
1

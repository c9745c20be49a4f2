# Chinese exports (issue 13): header aliases from a columns file, title
# rows above the header, NFKC of keys and answers, values shown with
# their invisible characters as code points, --na suggested, the empty
# township cell said to be empty (see tests/cli.sh for the format).
#
# zh-survey.csv: a title row (line 1), Chinese headers (line 2), then:
#   line 4 a full-width 4 (U+FF14), line 5 cadre 'C1' + U+3000: clean;
#   line 7 an empty township (a merged Excel cell); line 8 '无' and
#   line 10 '/' as answers; line 9 '5' + U+200B; line 11 cadre 'C9' +
#   U+3000, not in the roster.
# zh-roster.csv: a title row, Chinese headers, cadre 'Ｃ３' in full width.
# zh-values.csv: the suite's own headers, no title; line 2 '５', line 3
#   'C1' + U+3000 and '5' + U+3000, line 4 'Ｃ１' and '４': clean; line 5
#   an empty township; lines 6, 7, 9 '无', '／' (full width), '不清楚';
#   line 8 '5' + U+200B.

=== roster with Chinese headers: the columns found are listed
cmd: minyi-check -q -c codebook4.csv -R zh-roster.csv zh-survey.csv
exit: 1
stdout:
stderr:
minyi-check:zh-roster.csv:2: roster has no column 'cadre' (columns: 干部编号, 姓名, 单位, 职务, 乡镇, 联系户数); a columns file (--columns, minyi-formats(5)) maps other names, such as 干部编号, to cadre

=== survey with Chinese headers: the columns found are listed, below its title row
cmd: minyi-check -q -c codebook4.csv zh-survey.csv
exit: 1
stderr:
minyi-check:zh-survey.csv:2: no column 'wave' (columns: 季度, 乡镇, 村, 村民组, 户号, 干部编号, 总体满意度, 服务态度, 工作作风, 廉洁自律); a columns file (--columns, minyi-formats(5)) maps other names to the suite's

=== columns file: survey and roster read with Chinese headers; NFKC keys and answers; hints; rejects as read
cmd: minyi-check --columns ../../data/columns-zh.csv -c codebook4.csv -R zh-roster.csv --rejects $T/rej zh-survey.csv
exit: 1
stdout:
wave,township,village,group,household,cadre,q1,q2,q3,q4
2026Q1,城关镇,东坡村,1组,H1,C1,满意,5,4,5
2026Q1,城关镇,东坡村,1组,H2,C1,基本满意,４,4,3
2026Q1,城关镇,东坡村,2组,H3,C1　,满意,5,5,4
2026Q1,城关镇,东坡村,2组,H4,C2,不满意,2,1,2
stderr:
minyi-check: zh-survey.csv: 1 row above the header on line 2 skipped (title rows; see --skip-rows)
minyi-check:zh-survey.csv:7: cadre 'C2' serves 城关镇, and the township cell is empty (merged cells in Excel? fill them down)
minyi-check:zh-survey.csv:8: answer '无' to item 'overall' is not on its scale (满意|基本满意|不满意); if '无' means no answer, say so with --na='NA,N/A,#N/A,无'
minyi-check:zh-survey.csv:9: answer '5<U+200B>' to item 'attitude' is not a number on scale 1..5
minyi-check:zh-survey.csv:10: answer '/' to item 'attitude' is not a number on scale 1..5; if '/' means no answer, say so with --na='NA,N/A,#N/A,/'
minyi-check:zh-survey.csv:11: cadre 'C9' is not in the roster
minyi-check: zh-survey.csv: 9 records, 4 used, 5 rejected (bad-value 1, bad-number 2, unknown-cadre 1, outside-area 1)
minyi-check: 1 wave: 2026Q1 4 rows
minyi-check: Cronbach's alpha 0.9444 (95% Feldt interval 0.6334 to 0.9962) on 3 items, 4 complete cases, 0 incomplete left out
minyi-check: coverage: 0 cadre-waves heard from fewer than 10% of their households (--min-coverage), 1 from none
file rej:
source,line,reason,message,季度,乡镇,村,村民组,户号,干部编号,总体满意度,服务态度,工作作风,廉洁自律
zh-survey.csv,7,outside-area,"cadre 'C2' serves 城关镇, and the township cell is empty (merged cells in Excel? fill them down)",2026Q1,,东坡村,3组,H5,C2,满意,4,4,4
zh-survey.csv,8,bad-value,"answer '无' to item 'overall' is not on its scale (满意|基本满意|不满意); if '无' means no answer, say so with --na='NA,N/A,#N/A,无'",2026Q1,蒿坪镇,龙潭村,1组,H6,C3,无,4,4,4
zh-survey.csv,9,bad-number,answer '5<U+200B>' to item 'attitude' is not a number on scale 1..5,2026Q1,蒿坪镇,龙潭村,1组,H7,C3,满意,5​,5,5
zh-survey.csv,10,bad-number,"answer '/' to item 'attitude' is not a number on scale 1..5; if '/' means no answer, say so with --na='NA,N/A,#N/A,/'",2026Q1,蒿坪镇,龙潭村,2组,H8,C3,满意,/,5,5
zh-survey.csv,11,unknown-cadre,cadre 'C9' is not in the roster,2026Q1,蒿坪镇,龙潭村,2组,H9,C9　,满意,4,5,5

=== MINYI_COLUMNS: an alias names a column of the renamed clean rows
cmd: minyi-check -q --columns ../../data/columns-zh.csv -c codebook4.csv zh-survey.csv | MINYI_COLUMNS=../../data/columns-zh.csv minyi-score -q -c codebook4.csv -g 乡镇,干部编号 | cut -d, -f1-6
exit: 0
stdout:
township,cadre,rows,n,sat,rate
城关镇,C1,3,3,3,1
城关镇,C2,1,1,0,0
蒿坪镇,C9,1,1,1,1

=== NFKC: 'C1' with U+3000 and 'C1' are one cadre, 'Ｃ３' of the roster is C3
cmd: minyi-score -q --columns ../../data/columns-zh.csv --na 'NA,N/A,#N/A,/,无' -c codebook4.csv -g cadre zh-survey.csv | cut -d, -f1-4
exit: 0
stdout:
cadre,rows,n,sat
C1,3,3,3
C2,2,2,1
C3,2,1,1
C9,1,1,1

=== --na as suggested makes '/' and '无' missing
cmd: minyi-check -q --columns ../../data/columns-zh.csv --na='NA,N/A,#N/A,/,无' -c codebook4.csv -R zh-roster.csv --rejects $T/rej zh-survey.csv > /dev/null; cut -d, -f2,3 $T/rej
exit: 0
stdout:
line,reason
7,outside-area
9,bad-number
11,unknown-cadre

=== minyi-rank: names from a roster with Chinese headers and a title row
cmd: minyi-score -q --columns ../../data/columns-zh.csv -c codebook4.csv -g cadre zh-survey.csv | minyi-rank -q --by-stat rate --columns ../../data/columns-zh.csv -R zh-roster.csv | cut -d, -f1-3
exit: 0
stdout:
cadre,name,unit
C1,张三,城关镇人民政府
C9,,
C2,李四,城关镇人民政府
C3,王五,蒿坪镇人民政府

=== --skip-rows 0: the title row taken for the header says what it may be
cmd: minyi-check --skip-rows 0 --columns ../../data/columns-zh.csv -c codebook4.csv zh-survey.csv
exit: 1
stdout:
紫阳县2026年第一季度群众满意度调查,,,,,,,,,
stderr:
minyi-check:zh-survey.csv:1: column '' appears twice in the header (a title row above the header? see --skip-rows)
minyi-check: zh-survey.csv: 10 records, 0 used, 10 rejected (duplicate-column 10)
minyi-check: Cronbach's alpha: not defined (0 complete cases of 3 items)

=== --skip-rows 1: exactly one row skipped, lines as in the file
cmd: minyi-check --skip-rows 1 --columns ../../data/columns-zh.csv -c codebook4.csv --rejects $T/rej zh-survey.csv > /dev/null 2>&1; cut -d, -f1-3 $T/rej
exit: 0
stdout:
source,line,reason
zh-survey.csv,8,bad-value
zh-survey.csv,9,bad-number
zh-survey.csv,10,bad-number

=== a title typed without delimiters: the ragged rows say what it may be
cmd: d=$PWD; cd $T; printf '调查表\nwave,cadre,household,q1,q2,q3,q4\n2026Q1,C1,H1,满意,5,4,5\n' > s.csv; minyi-check -c $d/codebook4.csv s.csv; echo status $?; minyi-check -q --skip-rows 1 -c $d/codebook4.csv s.csv
exit: 0
stdout:
调查表
status 1
wave,cadre,household,q1,q2,q3,q4
2026Q1,C1,H1,满意,5,4,5
stderr:
minyi-check:s.csv:1: no column 'wave' (columns: 调查表); a title row above the header? see --skip-rows; a columns file (--columns, minyi-formats(5)) maps other names to the suite's
minyi-check: s.csv: 2 records, 0 used, 2 rejected (missing-column 2)
minyi-check: Cronbach's alpha: not defined (0 complete cases of 3 items)

=== blank rows and two title rows above the header; lines as in the file
cmd: d=$PWD; cd $T; printf '紫阳县满意度调查,,,,,,\n制表：县委组织部,,,,,,\n,,,,,,\nwave,cadre,household,q1,q2,q3,q4\n2026Q1,C1,H1,满意,5,4,5\n2026Q1,C1,H2,满意,9,4,5\n' > s.csv; minyi-check -c $d/codebook4.csv --rejects rej s.csv
exit: 1
stdout:
wave,cadre,household,q1,q2,q3,q4
2026Q1,C1,H1,满意,5,4,5
stderr:
minyi-check: s.csv: 3 rows above the header on line 4 skipped (title rows; see --skip-rows)
minyi-check:s.csv:6: answer '9' to item 'attitude' outside scale 1..5
minyi-check: s.csv: 2 records, 1 used, 1 rejected (bad-value 1)
minyi-check: 1 wave: 2026Q1 1 row
minyi-check: Cronbach's alpha: not defined (1 complete cases of 3 items)
file rej:
source,line,reason,message,wave,cadre,household,q1,q2,q3,q4
s.csv,6,bad-value,answer '9' to item 'attitude' outside scale 1..5,2026Q1,C1,H2,满意,9,4,5

=== a column renamed onto a name the header has is a column twice
cmd: d=$PWD; cd $T; printf 'wave,cadre,干部编号,household,q1,q2,q3,q4\n2026Q1,C1,C1,H1,满意,5,4,5\n' > s.csv; minyi-check -q --columns $d/../../data/columns-zh.csv -c $d/codebook4.csv s.csv
exit: 1
stderr:
minyi-check:s.csv:1: column 'cadre' appears twice in the header ('干部编号' is an alias of it in the columns file)

=== columns file: an alias of two names
cmd: d=$PWD; cd $T; printf 'name,alias\ncadre,干部\nhousehold,干部\n' > c.csv; minyi-check --columns c.csv -c $d/codebook4.csv $d/zh-survey.csv
exit: 1
stdout:
stderr:
minyi-check:c.csv:3: alias '干部' of 'household' already stands for 'cadre' (line 2)

=== columns file that cannot be opened
cmd: minyi-score --columns no-such-columns.csv -c codebook4.csv zh-survey.csv
exit: 2
stdout:
stderr:
minyi-score: no-such-columns.csv: cannot open columns file: No such file or directory

=== without options: full-width digits and U+3000 are understood; --na suggested; empty township said; code points shown
cmd: minyi-check -c codebook4.csv -R roster.csv --rejects $T/rej zh-values.csv
exit: 1
stdout:
wave,township,village,cadre,household,q1,q2,q3,q4
2026Q1,城关镇,东坡村,C1,H1,满意,５,4,5
2026Q1,城关镇,东坡村,C1　,H2,满意,5　,4,4
2026Q1,城关镇,东坡村,Ｃ１,H3,基本满意,4,４,3
stderr:
minyi-check:zh-values.csv:5: cadre 'C1' serves 城关镇, and the township cell is empty (merged cells in Excel? fill them down)
minyi-check:zh-values.csv:6: answer '无' to item 'overall' is not on its scale (满意|基本满意|不满意); if '无' means no answer, say so with --na='NA,N/A,#N/A,无'
minyi-check:zh-values.csv:7: answer '/' to item 'attitude' is not a number on scale 1..5; if '/' means no answer, say so with --na='NA,N/A,#N/A,/'
minyi-check:zh-values.csv:8: answer '5<U+200B>' to item 'attitude' is not a number on scale 1..5
minyi-check:zh-values.csv:9: answer '不清楚' to item 'attitude' is not a number on scale 1..5; if '不清楚' means no answer, say so with --na='NA,N/A,#N/A,不清楚'
minyi-check: zh-values.csv: 8 records, 3 used, 5 rejected (bad-value 1, bad-number 3, outside-area 1)
minyi-check: 1 wave: 2026Q1 3 rows
minyi-check: Cronbach's alpha 0.6429 (95% Feldt interval -2.8033 to 0.9909) on 3 items, 3 complete cases, 0 incomplete left out
minyi-check: coverage: 0 cadre-waves heard from fewer than 10% of their households (--min-coverage), 3 from none
file rej:
source,line,reason,message,wave,township,village,cadre,household,q1,q2,q3,q4
zh-values.csv,5,outside-area,"cadre 'C1' serves 城关镇, and the township cell is empty (merged cells in Excel? fill them down)",2026Q1,,东坡村,C1,H4,满意,4,4,4
zh-values.csv,6,bad-value,"answer '无' to item 'overall' is not on its scale (满意|基本满意|不满意); if '无' means no answer, say so with --na='NA,N/A,#N/A,无'",2026Q1,城关镇,东坡村,C1,H5,无,4,4,4
zh-values.csv,7,bad-number,"answer '/' to item 'attitude' is not a number on scale 1..5; if '/' means no answer, say so with --na='NA,N/A,#N/A,/'",2026Q1,城关镇,东坡村,C1,H6,满意,／,4,4
zh-values.csv,8,bad-number,answer '5<U+200B>' to item 'attitude' is not a number on scale 1..5,2026Q1,城关镇,东坡村,C1,H7,满意,5​,4,4
zh-values.csv,9,bad-number,"answer '不清楚' to item 'attitude' is not a number on scale 1..5; if '不清楚' means no answer, say so with --na='NA,N/A,#N/A,不清楚'",2026Q1,城关镇,东坡村,C1,H8,满意,不清楚,4,4

=== without options: minyi-score understands full-width digits and U+3000 and suggests --na
cmd: minyi-score -c codebook4.csv -g cadre zh-values.csv | cut -d, -f1-5
exit: 0
stdout:
cadre,rows,n,sat,rate
C1,4,4,4,1
stderr:
minyi-score:zh-values.csv:6: answer '无' to item 'overall' is not on its scale (满意|基本满意|不满意); if '无' means no answer, say so with --na='NA,N/A,#N/A,无'
minyi-score:zh-values.csv:7: answer '/' to item 'attitude' is not a number on scale 1..5; if '/' means no answer, say so with --na='NA,N/A,#N/A,/'
minyi-score:zh-values.csv:8: answer '5<U+200B>' to item 'attitude' is not a number on scale 1..5
minyi-score:zh-values.csv:9: answer '不清楚' to item 'attitude' is not a number on scale 1..5; if '不清楚' means no answer, say so with --na='NA,N/A,#N/A,不清楚'
minyi-score: zh-values.csv: 8 records, 4 used, 4 rejected (bad-value 1, bad-number 3)

=== a full-width twin of a column, no columns file: said to be the same name after NFKC, by its code points (not an alias)
cmd: d=$PWD; cd $T; printf 'wave,ｃａｄｒｅ,cadre,household,q1,q2,q3,q4\n2026Q1,C1,C1,H1,满意,5,4,5\n' > s.csv; printf 'wave,cadre,ｃａｄｒｅ,household,q1,q2,q3,q4\n2026Q1,C1,C1,H1,满意,5,4,5\n' > t.csv; minyi-score -q -c $d/codebook4.csv s.csv; echo status $?; minyi-score -q -c $d/codebook4.csv t.csv; echo status $?
exit: 0
stdout:
status 1
status 1
stderr:
minyi-score:s.csv:1: column 'cadre' appears twice in the header ('<U+FF43><U+FF41><U+FF44><U+FF52><U+FF45>' is the same name after Unicode normalisation, NFKC)
minyi-score:t.csv:1: column 'cadre' appears twice in the header ('<U+FF43><U+FF41><U+FF44><U+FF52><U+FF45>' is the same name after Unicode normalisation, NFKC)

=== a full-width twin in the roster: the same reason
cmd: d=$PWD; cd $T; printf 'cadre,ｃａｄｒｅ,name\nC1,C1,x\n' > r.csv; minyi-check -q -c $d/codebook4.csv -R r.csv $d/zh-values.csv > /dev/null
exit: 1
stderr:
minyi-check:r.csv:1: column 'cadre' appears twice in the header ('<U+FF43><U+FF41><U+FF44><U+FF52><U+FF45>' is the same name after Unicode normalisation, NFKC)

=== a title row of ideographic spaces (U+3000), or a title beside them, is recognised
cmd: d=$PWD; cd $T; printf '　,　,　,　,　,　,　\nwave,cadre,household,q1,q2,q3,q4\n2026Q1,C1,H1,满意,5,4,5\n' > s.csv; printf '调查表,　,　,　,　,　,　\nwave,cadre,household,q1,q2,q3,q4\n2026Q1,C1,H2,满意,5,4,5\n' > t.csv; minyi-check -c $d/codebook4.csv s.csv t.csv
exit: 0
stdout:
wave,cadre,household,q1,q2,q3,q4
2026Q1,C1,H1,满意,5,4,5
2026Q1,C1,H2,满意,5,4,5
stderr:
minyi-check: s.csv: 1 row above the header on line 2 skipped (title rows; see --skip-rows)
minyi-check: s.csv: 1 record, 1 used, 0 rejected
minyi-check: t.csv: 1 row above the header on line 2 skipped (title rows; see --skip-rows)
minyi-check: t.csv: 1 record, 1 used, 0 rejected
minyi-check: all inputs: 2 records, 2 used, 0 rejected
minyi-check: 1 wave: 2026Q1 2 rows
minyi-check: Cronbach's alpha: not defined (2 complete cases of 3 items)

=== a columns file in GB18030, or with a byte-order mark, is read as the other small files are
cmd: iconv -f UTF-8 -t GB18030 ../../data/columns-zh.csv > $T/gb.csv && printf '\357\273\277' > $T/bom.csv && cat ../../data/columns-zh.csv >> $T/bom.csv && minyi-check -q --columns $T/gb.csv -c codebook4.csv -R zh-roster.csv zh-survey.csv > $T/a; echo status $?; minyi-check -q --columns $T/bom.csv -c codebook4.csv -R zh-roster.csv zh-survey.csv > $T/b; echo status $?; minyi-check -q --columns ../../data/columns-zh.csv -c codebook4.csv -R zh-roster.csv zh-survey.csv > $T/c; cmp $T/a $T/c && cmp $T/b $T/c && head -n 1 $T/a
exit: 0
stdout:
status 1
status 1
wave,township,village,group,household,cadre,q1,q2,q3,q4

=== a workbook given as the columns file is named as such
cmd: d=$PWD; cd $T; printf 'PK\003\004rest' > cols.xlsx; minyi-check -q --columns cols.xlsx -c $d/codebook4.csv $d/zh-values.csv
exit: 1
stdout:
stderr:
minyi-check: cols.xlsx: is an Excel workbook (.xlsx, a zip archive), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert cols.xlsx cols.csv' (gnumeric) or 'libreoffice --headless --convert-to csv cols.xlsx'

=== an empty --columns= is a usage error; an empty MINYI_COLUMNS means no columns file
cmd: minyi-score --columns= -c codebook4.csv zh-values.csv; echo status $?; MINYI_COLUMNS= minyi-score -q -c codebook4.csv zh-values.csv | cut -d, -f1-5; MINYI_COLUMNS=../../data/columns-zh.csv minyi-check -q -c codebook4.csv zh-survey.csv | head -n 1; MINYI_COLUMNS= minyi-check -q -c codebook4.csv zh-survey.csv 2>&1 >/dev/null | cut -c1-40
exit: 0
stdout:
status 2
cadre,rows,n,sat,rate
C1,4,4,4,1
wave,township,village,group,household,cadre,q1,q2,q3,q4
minyi-check:zh-survey.csv:2: no column '
stderr:
minyi-score: --columns names no file (to read none where MINYI_COLUMNS names one, set it empty)
Try `minyi-score --help' or `minyi-score --usage' for more information.

# The analyst's desk (issue 13): tables for Excel (--output-encoding) and
# for the Unix toolbox (--format), small files in any encoding, workbooks
# recognised, one meaning per option letter.  See tests/cli.sh.

=== a table in GB18030 is the UTF-8 table through iconv, and not the same bytes
cmd: minyi-score -q -c codebook.csv -g township,cadre gb18030.csv > $T/u.csv && minyi-score -q -c codebook.csv -g township,cadre --output-encoding=gb18030 gb18030.csv > $T/g.csv && iconv -f GB18030 -t UTF-8 $T/g.csv | cmp - $T/u.csv && ! cmp -s $T/g.csv $T/u.csv && echo same
stdout:
same

=== utf-8-bom: the byte-order mark, then the UTF-8 table
cmd: minyi-score -q -c codebook.csv -g township,cadre gb18030.csv > $T/u.csv && minyi-score -q -c codebook.csv -g township,cadre --output-encoding=utf-8-bom -o $T/b.csv gb18030.csv && head -c 3 $T/b.csv | od -An -tx1 && tail -c +4 $T/b.csv | cmp - $T/u.csv && echo same
stdout:
 ef bb bf
same

=== Excel round trip: GB18030 and BOM score tables read back by the suite give the same cells
cmd: for e in utf-8 utf-8-bom gb18030; do minyi-score -q -c codebook.csv -g township,cadre --output-encoding=$e -o $T/s-$e.csv gb18030.csv && minyi-adjust -q -o $T/a-$e.csv $T/s-$e.csv && minyi-rank -q --by-stat=rate -o $T/r-$e.csv $T/a-$e.csv || exit 1; done; cmp $T/a-utf-8.csv $T/a-gb18030.csv && cmp $T/a-utf-8.csv $T/a-utf-8-bom.csv && cmp $T/r-utf-8.csv $T/r-gb18030.csv && cmp $T/r-utf-8.csv $T/r-utf-8-bom.csv && minyi-report -f markdown $T/s-gb18030.csv > $T/m1 && minyi-report -f markdown $T/s-utf-8.csv > $T/m2 && cmp $T/m1 $T/m2 && echo same
stdout:
same

=== partial tables in GB18030 merge to the table of the UTF-8 ones
cmd: minyi-score -q -c codebook.csv -g township,cadre --partial --output-encoding=gb18030 -o $T/p.csv gb18030.csv && minyi-merge -q $T/p.csv > $T/m.csv && minyi-score -q -c codebook.csv -g township,cadre gb18030.csv | cmp - $T/m.csv && echo same
stdout:
same

=== the rejects file follows --output-encoding
cmd: minyi-score -q -c codebook.csv --output-encoding=gb18030 --rejects=$T/rj.csv badvalue.csv > /dev/null; echo $?; minyi-score -q -c codebook.csv --rejects=$T/ru.csv badvalue.csv > /dev/null; iconv -f GB18030 -t UTF-8 $T/rj.csv | cmp - $T/ru.csv && echo same
stdout:
1
same

=== a character GB18030 cannot encode is an error by its code point, and nothing is written
cmd: printf 'cadre,q1,q2\nC\356\236\215,\346\273\241\346\204\217,4\n' > $T/pua.csv; minyi-score -q -c codebook.csv --output-encoding=gb18030 -o $T/out.csv $T/pua.csv 2>&1 | sed "s|$T/||"; ls $T
exit: 0
stdout:
minyi-score:out.csv:2: column 1 (cadre): U+E78D cannot be written in GB18030; nothing written (try --output-encoding=utf-8-bom)
pua.csv

=== ... and on standard output nothing either, status 2
cmd: printf 'cadre,q1,q2\nC\356\236\215,\346\273\241\346\204\217,4\n' > $T/pua.csv; minyi-score -q -c codebook.csv --output-encoding=gb18030 $T/pua.csv 2>/dev/null | wc -c; minyi-score -q -c codebook.csv --output-encoding=gb18030 $T/pua.csv >/dev/null 2>&1; echo $?
stdout:
0
2

=== an unknown --output-encoding is a usage error
cmd: minyi-score -c codebook.csv --output-encoding=latin1 good.csv
exit: 2
stderr:
minyi-score: --output-encoding must be 'utf-8', 'utf-8-bom' or 'gb18030', not 'latin1'
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== every table-writing program takes --output-encoding and --format
cmd: for p in check weight score merge adjust rank trend deadline; do minyi-$p --help | grep -c -e '--output-encoding=ENC' -e '-f, --format=FORMAT' | sed "s/^/$p /"; done
stdout:
check 2
weight 2
score 2
merge 2
adjust 2
rank 2
trend 2
deadline 2

=== JSON Lines: numbers as numbers, empty cells null, read by jq
cmd: minyi-score -q -c codebook.csv -f jsonl good.csv | jq -c '{cadre, n, rate, index_lo, method}'
stdout:
{"cadre":"C1","n":1,"rate":1,"index_lo":0,"method":"wilson"}
{"cadre":"C2","n":3,"rate":0.6666666666666666,"index_lo":0,"method":"wilson"}
{"cadre":"C3","n":1,"rate":1,"index_lo":null,"method":"wilson"}

=== JSON Lines: every line is one JSON object with the CSV's digits
cmd: minyi-score -q -c codebook.csv -f jsonl good.csv | jq -r '[.cadre, .lo, .hi] | map(tostring) | join(",")'; minyi-score -q -c codebook.csv good.csv | cut -d, -f1,6,7 | tail -n +2
stdout:
C1,0.20654931437723745,1
C2,0.20765960080204787,0.9385080552796037
C3,0.20654931437723745,1
C1,0.20654931437723745,1
C2,0.20765960080204787,0.9385080552796037
C3,0.20654931437723745,1

=== JSON Lines: Chinese keys of a column are strings, escaped per RFC 8259
cmd: minyi-score -q -c codebook.csv -g township,cadre -f jsonl gb18030.csv | jq -r '.township'
stdout:
城关镇

=== JSON Lines with a byte-order mark or GB18030 is refused
cmd: minyi-score -c codebook.csv -f jsonl --output-encoding=gb18030 good.csv
exit: 2
stderr:
minyi-score: --format=jsonl is UTF-8 without a byte-order mark (RFC 8259): --output-encoding=gb18030 does not go with it
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== TSV: tab-separated, tab, newline and backslash escaped, also in the rejects file
cmd: printf 'cadre,q1,q2\nC1,"a\tb\\c\nd",5\nC2,\346\273\241\346\204\217,4\n' > $T/s.csv; minyi-score -q -c codebook.csv -f tsv --rejects=$T/rj.tsv $T/s.csv | cut -f 1-5; sed "s|$T/||" $T/rj.tsv
exit: 0
stdout:
cadre	rows	n	sat	rate
C2	1	1	1	1
source	line	reason	message	cadre	q1	q2
s.csv	2	bad-value	answer 'a<U+0009>b\\c<U+000A>d' to item 'overall' is not on its scale (满意|基本满意|不满意)	C1	a\tb\\c\nd	5

=== TSV: a table without escapes reads back with -d tab
cmd: minyi-check -q -c codebook.csv -f tsv gb18030.csv > $T/c.tsv && minyi-score -q -d tab -c codebook.csv -g township,cadre $T/c.tsv > $T/a && minyi-score -q -c codebook.csv -g township,cadre gb18030.csv > $T/b && cmp $T/a $T/b && echo same
stdout:
same

=== JSON Lines of a rejects file: a ragged record's extra field keyed by its number
cmd: minyi-score -q -c codebook.csv -f jsonl --rejects=$T/rj.jsonl ragged.csv > /dev/null; jq -c 'del(.source, .message)' $T/rj.jsonl
exit: 0
stdout:
{"line":3,"reason":"ragged","wave":"2026Q1","township":"城关镇","cadre":"C1","household":"H2","q1":"满意"}
{"line":4,"reason":"ragged","wave":"2026Q1","township":"城关镇","cadre":"C1","household":"H3","q1":"满意","q2":4,"11":"extra"}

=== minyi-rank --explain writes words: --format does not go with it
cmd: minyi-rank --explain=C01 -f jsonl report-rank.csv
exit: 2
stderr:
minyi-rank: --explain writes words, not a table: --format and --output-encoding do not go with it
Try `minyi-rank --help' or `minyi-rank --usage' for more information.

=== a GB18030 roster and codebook are recognised as the survey is (was: field 2 is not valid UTF-8)
cmd: iconv -f UTF-8 -t GB18030 roster.csv > $T/r.csv; iconv -f UTF-8 -t GB18030 codebook4.csv > $T/c.csv; minyi-check -q -c $T/c.csv -R $T/r.csv check.csv > $T/a; minyi-check -q -c codebook4.csv -R roster.csv check.csv > $T/b; cmp $T/a $T/b && echo same
stdout:
same

=== GB18030 margins and group shares, and a roster with a byte-order mark
cmd: iconv -f UTF-8 -t GB18030 weight-margins.csv > $T/m.csv; minyi-weight -q -M $T/m.csv weight-survey.csv | md5sum > $T/a; minyi-weight -q -M weight-margins.csv weight-survey.csv | md5sum > $T/b; cmp $T/a $T/b && echo margins; iconv -f UTF-8 -t GB18030 group-shares.csv > $T/g.csv; minyi-score -q -c codebook.csv --group-weights=$T/g.csv groups.csv > $T/a; minyi-score -q -c codebook.csv --group-weights=group-shares.csv groups.csv > $T/b; cmp $T/a $T/b && echo shares; (printf '\357\273\277'; cat roster.csv) > $T/r.csv; minyi-rank -q --by-stat=rate -R $T/r.csv --cadre-column=cadre adjust-small.csv > $T/a; minyi-rank -q --by-stat=rate -R roster.csv --cadre-column=cadre adjust-small.csv > $T/b; cmp $T/a $T/b && echo roster
stdout:
margins
shares
roster

=== an xlsx workbook is named, with the command that converts it (was: try --encoding=GB18030)
cmd: minyi-report -q -f xlsx -o $T/book.xlsx report-rank.csv; minyi-score -c codebook.csv $T/book.xlsx 2>&1 | sed "s|$T/||g"; echo $?; minyi-score -c codebook.csv $T/book.xlsx 2>/dev/null; echo $?
stdout:
minyi-score: book.xlsx: is an Excel workbook (.xlsx, a zip archive), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert book.xlsx book.csv' (gnumeric) or 'libreoffice --headless --convert-to csv book.xlsx'
0
1

=== an xls workbook (OLE2 signature) on standard input, and as a codebook, roster or table
cmd: d=$PWD; cd $T; printf '\320\317\021\340\241\261\032\341\000\000junk' > old.xls; minyi-check -c $d/codebook.csv < old.xls; minyi-score -c old.xls $d/good.csv; minyi-check -c $d/codebook.csv -R old.xls $d/good.csv; minyi-adjust old.xls; echo $?
stdout:
1
stderr:
minyi-check: (standard input): is an Excel 97-2003 workbook (.xls), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert BOOK BOOK.csv' (gnumeric) or 'libreoffice --headless --convert-to csv BOOK'
minyi-score: old.xls: is an Excel 97-2003 workbook (.xls), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert old.xls old.csv' (gnumeric) or 'libreoffice --headless --convert-to csv old.xls'
minyi-check: old.xls: is an Excel 97-2003 workbook (.xls), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert old.xls old.csv' (gnumeric) or 'libreoffice --headless --convert-to csv old.xls'
minyi-adjust: old.xls: is an Excel 97-2003 workbook (.xls), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert old.xls old.csv' (gnumeric) or 'libreoffice --headless --convert-to csv old.xls'

=== a workbook on standard input is named also when -E/--encoding is given, piped or redirected, xlsx or xls (was: 'byte sequence not valid in GB18030')
cmd: d=$PWD; minyi-report -q -f xlsx -o $T/book.xlsx report-rank.csv; cd $T; printf '\320\317\021\340\241\261\032\341\000\000junk' > old.xls; cat book.xlsx | minyi-score -q -c $d/codebook.csv -E GB18030; echo $?; minyi-score -q -c $d/codebook.csv --encoding=UTF-16 < book.xlsx; echo $?; cat old.xls | minyi-check -c $d/codebook.csv -E GB18030; echo $?
stdout:
1
1
1
stderr:
minyi-score: (standard input): is an Excel workbook (.xlsx, a zip archive), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert BOOK BOOK.csv' (gnumeric) or 'libreoffice --headless --convert-to csv BOOK'
minyi-score: (standard input): is an Excel workbook (.xlsx, a zip archive), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert BOOK BOOK.csv' (gnumeric) or 'libreoffice --headless --convert-to csv BOOK'
minyi-check: (standard input): is an Excel 97-2003 workbook (.xls), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert BOOK BOOK.csv' (gnumeric) or 'libreoffice --headless --convert-to csv BOOK'

=== a workbook as the service log or its catalogue
cmd: minyi-report -q -f xlsx -o $T/book.xlsx report-rank.csv; cd $T && minyi-deadline --catalogue=book.xlsx --calendar=book.xlsx --rules=book.xlsx book.xlsx
exit: 1
stderr:
minyi-deadline: book.xlsx: is an Excel workbook (.xlsx, a zip archive), not CSV text: save it as CSV from the spreadsheet, or convert it with 'ssconvert book.xlsx book.csv' (gnumeric) or 'libreoffice --headless --convert-to csv book.xlsx'

=== -c - reads the codebook from standard input (was: -: cannot open)
cmd: minyi-score -q -c - good.csv < codebook.csv > $T/a; minyi-score -q -c codebook.csv good.csv > $T/b; cmp $T/a $T/b && echo same
stdout:
same

=== -c - with the survey on standard input too is a usage error
cmd: minyi-score -c - < good.csv
exit: 2
stderr:
minyi-score: the survey and --codebook cannot both be standard input (give the survey as a file)
Try `minyi-score --help' or `minyi-score --usage' for more information.

=== -m means --method in every program: minyi-weight's margins are -M, and an old -m FILE says so (was: -m was --margins)
cmd: minyi-weight -m weight-margins.csv weight-survey.csv
exit: 2
stderr:
minyi-weight: --method must be rake or poststratify, not 'weight-margins.csv' (-m is --method, as in every minyi program; the margins file is -M, --margins)
Try `minyi-weight --help' or `minyi-weight --usage' for more information.

=== minyi-weight -m poststratify and -M margins
cmd: minyi-weight -q -M weight-kalton-cells.csv -m poststratify weight-kalton.csv > $T/a; minyi-weight -q --margins=weight-kalton-cells.csv --method=poststratify weight-kalton.csv > $T/b; cmp $T/a $T/b && echo same
stdout:
same

=== minyi-weight takes several files, as the other programs do: the parts weighted together are the whole (was: one survey FILE at most)
cmd: head -6 weight-survey.csv > $T/p1.csv; (head -1 weight-survey.csv; tail -n +7 weight-survey.csv) | awk -F, -v OFS=, '{ print $4, $3, $2, $1 }' > $T/p2.csv; minyi-weight -q -M weight-margins.csv -b w weight-survey.csv > $T/one.csv; minyi-weight -q -M weight-margins.csv -b w $T/p1.csv $T/p2.csv > $T/two.csv; cmp $T/one.csv $T/two.csv && echo same
stdout:
same

=== minyi-weight: a later file with other columns has its rows rejected, as minyi-check does
cmd: head -6 weight-survey.csv > $T/p1.csv; (echo 'township,respondent_type,w,q1,extra'; tail -n +7 weight-survey.csv | sed 's/$/,x/') > $T/p2.csv; minyi-weight -M weight-margins.csv -b w $T/p1.csv $T/p2.csv 2>&1 >/dev/null | grep -v -e ': raked in' -e ': weights:' | sed "s|$T/||g"
stdout:
minyi-weight: p1.csv: 5 records, 5 used, 0 rejected
minyi-weight:p2.csv:1: 5 columns where the first input has 4
minyi-weight: p2.csv: 5 records, 0 used, 5 rejected (header-mismatch 5)
minyi-weight: all inputs: 10 records, 5 used, 5 rejected (header-mismatch 5)

=== a GB18030 policy file is recognised, its Chinese tiers read (was: field 2 (tier) is not valid UTF-8)
cmd: sed 's/,A,/,优秀,/; s/,B,/,称职,/' rank-policy.csv > $T/u.csv; iconv -f UTF-8 -t GB18030 $T/u.csv > $T/g.csv; minyi-rank -q --by-stat=rate --policy=$T/g.csv --draws=0 rank-three.csv > $T/a; minyi-rank -q --by-stat=rate --policy=$T/u.csv --draws=0 rank-three.csv > $T/b; cmp $T/a $T/b && cut -d, -f1,7 $T/a
stdout:
cadre,tier
C3,优秀
C1,称职
C2,称职

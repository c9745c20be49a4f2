# minyi-deadline: working days, the warning list and the department table.
#
# deadline-log.csv is a small hand-made log with every status, judged at
# Friday 2014-10-10 12:00 against deadline-catalogue.csv (A1 of 民政:
# promised 5 working days; B1 of 工商: 3), deadline-rules.csv (1 point an
# item, 0.5 a working day, warn 2 days, closing 17:30) and the 2014
# calendar of data/.  Every expected figure below was computed by hand
# from the 2014 calendar (Sep 28 and Oct 11 worked, Oct 1-7 off), not by
# minyi:
#
#   M1 received Fri 09-26 10:00: Sep 28 (1), 29, 30, Oct 8, 9 (5):
#      deadline 10-09; completed 10-09: used 5, on time.
#   M2 received 09-26 18:00, after closing: as received Sun 09-28
#      (worked); Sep 29 (1) .. Oct 10 (5); completed 10-10: 5, on time.
#   M3 received Mon 09-22: Sep 23, 24, 25, 26, 28 (5: deadline 09-28),
#      29, 30, Oct 8, 9: completed 10-09, used 9, late by 4.
#   M4 received Wed 10-08, open: Oct 9, 10 used (2), 3 left: on track;
#      deadline Oct 9, 10, 11, 13, 14: 10-14.
#   M5 received 2014/9/30 10:00 (Excel's form; no department: the
#      catalogue's), open: Oct 8, 9, 10 used, 2 left: due soon; deadline
#      10-13.
#   G1 received Wed 09-24, open, limit 3: Sep 25, 26, 28 (deadline
#      09-28), 29, 30, Oct 8, 9, 10: used 8, overdue by 5.
#   G2 received Mon 09-29 09:30, suspended Sep 30 10:00 - Oct 8 11:00
#      (Oct 8 not counted), completed Oct 8: used Sep 30 only, 1, on
#      time; deadline Sep 30, Oct 9, 10: 10-10.
#   G3 received 09-01, before --from 2014-09-15: listed, not counted.
#
# Department table: 工商 rows 2 (G1, G2), n 1, sat 1, open 1, overdue 1
# (5 days), penalty 1 + 0.5 * 5 = 3.5, days median and p90 1.  民政 rows
# 5, n 3 (M1, M2, M3), sat 2, late 1 (4 days), open 2, due soon 1, days
# {5, 5, 9}: median 5, p90 8.2, penalty 1 + 0.5 * 4 = 3.  The Wilson
# intervals and quantiles are R 4.2.2's:
#   w <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
#   signif(c(2/3, w(2, 3)), 6)        0.666667 0.20766 0.938508
#   signif(w(1, 1), 6)                0.206549 1
#   quantile(c(5, 5, 9), c(.5, .9), type = 7)     5 8.2

=== the department table, computed by hand
cmd: minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --from 2014-09-15 --to 2014-10-10 --digits 6 deadline-log.csv
exit: 0
stdout:
department,rows,n,sat,rate,lo,hi,dk,miss,level,method,late,open,due_soon,overdue,late_days,overdue_days,days_median,days_p90,penalty
工商,2,1,1,1,0.206549,1,0,1,0.95,wilson,0,1,0,1,0,5,1,1,3.5
民政,5,3,2,0.666667,0.20766,0.938508,0,2,0.95,wilson,1,2,1,0,4,0,5,8.2,3
stderr:
minyi-deadline: deadline-log.csv: 8 records, 8 used, 0 rejected

=== the warning list, most urgent first, and every item's clock
cmd: minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --warnings $T/warn.csv --items $T/items.csv deadline-log.csv > /dev/null
exit: 0
file warn.csv:
item,department,service,window,received,completed,limit,deadline,used,left,over,status
G1,工商,B1,W3,2014-09-24 11:00,,3,2014-09-28,8,0,5,overdue
M5,民政,A1,W1,2014-09-30 10:00,,5,2014-10-13,3,2,0,due-soon
M4,民政,A1,W2,2014-10-08 09:00,,5,2014-10-14,2,3,0,on-track
file items.csv:
item,department,service,window,received,completed,limit,deadline,used,left,over,status
M1,民政,A1,W1,2014-09-26 10:00,2014-10-09 16:00,5,2014-10-09,5,0,0,on-time
M2,民政,A1,W2,2014-09-26 18:00,2014-10-10 09:00,5,2014-10-10,5,0,0,on-time
M3,民政,A1,W1,2014-09-22 09:00,2014-10-09 10:00,5,2014-09-28,9,0,4,late
M4,民政,A1,W2,2014-10-08 09:00,,5,2014-10-14,2,3,0,on-track
M5,民政,A1,W1,2014-09-30 10:00,,5,2014-10-13,3,2,0,due-soon
G1,工商,B1,W3,2014-09-24 11:00,,3,2014-09-28,8,0,5,overdue
G2,工商,B1,W3,2014-09-29 09:30,2014-10-08 15:00,3,2014-10-10,1,2,0,on-time
G3,工商,B1,W3,2014-09-01 09:00,2014-09-03 10:00,3,2014-09-04,2,1,0,on-time

=== the statutory limit: M3 (10 days: Sep 23 .. Oct 10) on time, G1 (5 days: Sep 25 .. 30) overdue by 3
cmd: minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --limit statutory --items $T/i.csv deadline-log.csv -o /dev/null; grep -E '^(M3|G1),' $T/i.csv
exit: 0
stdout:
M3,民政,A1,W1,2014-09-22 09:00,2014-10-09 10:00,10,2014-10-10,9,1,0,on-time
G1,工商,B1,W3,2014-09-24 11:00,,5,2014-09-30,8,0,3,overdue

=== --warn 0: only the items with no day left are due soon
cmd: minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --warn 0 --warnings $T/w.csv deadline-log.csv -o /dev/null; cut -d, -f1,12 $T/w.csv
exit: 0
stdout:
item,status
G1,overdue
M5,on-track
M4,on-track

=== --by-window: one row per department and window
cmd: minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --by-window deadline-log.csv | cut -d, -f1-6,10,14
exit: 0
stdout:
department,window,rows,n,sat,rate,miss,open
工商,W3,3,2,2,1,1,1
民政,W1,3,2,1,0.5,1,1
民政,W2,2,1,1,1,1,1

=== minyi-adjust reads the department table as a score table (two rows: pooled, (1 + 2 + 1/2) / (1 + 3 + 1) = 0.7)
cmd: minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --from 2014-09-15 deadline-log.csv | minyi-adjust -q --digits 4 | cut -d, -f1,2,20,21,23
exit: 0
stdout:
department,rows,penalty,post_mean,post_hi
工商,2,3.5,0.7,0.9715
民政,5,3,0.7,0.9715

=== bad records: each rejected with its line and reason, counted
cmd: minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --rejects $T/rej.csv deadline-bad.csv > $T/t.csv; rc=$?; cut -d, -f1-4 $T/t.csv; exit $rc
exit: 1
stdout:
department,rows,n,sat
民政,1,1,1
stderr:
minyi-deadline:deadline-bad.csv:3: completed 2014-09-25 16:00 before it was received 2014-09-26 10:00
minyi-deadline:deadline-bad.csv:4: suspension from 2014-09-20 10:00 is outside the item's life (received 2014-09-26 10:00)
minyi-deadline:deadline-bad.csv:5: suspension from 2014-09-29 10:00 overlaps the one from 2014-09-28 10:00
minyi-deadline:deadline-bad.csv:6: service 'C9' is not in the catalogue
minyi-deadline:deadline-bad.csv:7: department '公安' is not in the catalogue
minyi-deadline:deadline-bad.csv:8: service 'A1' belongs to department '民政' in the catalogue, not to '工商'
minyi-deadline:deadline-bad.csv:9: received '2014-09-31 10:00': there is no day 31 in month 9 of 2014
minyi-deadline:deadline-bad.csv:10: received '26/09/2014': not a time such as 2014-07-01 09:30 (ISO 8601) or 2014/7/1 9:30
minyi-deadline:deadline-bad.csv:11: received 2014-10-11 10:00, after the time judged at (--as-of 2014-10-10 12:00)
minyi-deadline:deadline-bad.csv:12: received 2014-12-29 10:00, after the time judged at (--as-of 2014-10-10 12:00)
minyi-deadline:deadline-bad.csv:13: empty item
minyi-deadline:deadline-bad.csv:14: suspension '2014-09-30 10:00' is not START~END
minyi-deadline: deadline-bad.csv: 13 records, 1 used, 12 rejected (empty-key 1, bad-time 2, time-order 3, bad-suspension 3, unknown-service 1, unknown-department 2)

=== the rejects file: the reason and line of each, 1 used + 12 rejected = 13
cmd: minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --rejects $T/rej.csv deadline-bad.csv > /dev/null; rc=$?; cut -d, -f2,3 $T/rej.csv; exit $rc
exit: 1
stdout:
line,reason
3,time-order
4,bad-suspension
5,bad-suspension
6,unknown-service
7,unknown-department
8,unknown-department
9,bad-time
10,bad-time
11,time-order
12,time-order
13,empty-key
14,bad-suspension

=== a deadline beyond the calendar's years is rejected, not guessed
cmd: printf 'item,service,received,completed\nY1,A1,2014-12-29 10:00,\nY2,A1,2014-12-19 10:00,2014-12-26 10:00\n' | minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of 2015-01-05 > $T/t.csv; rc=$?; cut -d, -f1-4 $T/t.csv; exit $rc
exit: 1
stdout:
department,rows,n,sat
民政,1,1,1
stderr:
minyi-deadline:(standard input):2: 2015-01-01 is outside the working calendar (2014 to 2014)
minyi-deadline: (standard input): 2 records, 1 used, 1 rejected (outside-calendar 1)

=== a calendar with a year between its first and last unlisted is refused, not taken as a year without holidays (2015's Spring Festival, Feb 18-24, would count as working days)
cmd: (cat ../../data/calendar-2014.csv; echo '2016-01-01,holiday,元旦') > $T/cal.csv; printf 'item,service,received\nX1,A1,2015-02-16 10:00\n' | minyi-deadline --catalogue deadline-catalogue.csv --calendar $T/cal.csv --rules deadline-rules.csv --as-of 2015-02-27 -o $T/t.csv 2> $T/err; rc=$?; sed "s|$T/||" $T/err; exit $rc
exit: 1
stdout:
minyi-deadline: cal.csv: the working calendar lists no date of 2015, a year between 2014 and 2016: give every year's holidays and worked days
nofile t.csv

=== penalty points are bounded: 1e308 a day made the department's penalty overflow to an empty cell, with status 0
cmd: grep -v '^overdue_day_points,' deadline-rules.csv > $T/r.csv; echo 'overdue_day_points,1e308' >> $T/r.csv; minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules $T/r.csv --as-of '2014-10-10 12:00' -o $T/t.csv deadline-log.csv 2> $T/err; rc=$?; sed "s|$T/||" $T/err; exit $rc
exit: 1
stdout:
minyi-deadline:r.csv:5: overdue_day_points '1e308' is not a number 0..1000000
nofile t.csv

=== a missing column is named with the columns there are
cmd: printf 'item,svc,received\nI1,A1,2014-09-01\n' | minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of 2014-10-10
exit: 1
stdout:
stderr:
minyi-deadline:(standard input):1: no column 'service' (columns: item, svc, received)

=== the catalogue, calendar and rules are required
cmd: minyi-deadline --as-of 2014-10-10 deadline-log.csv 2>&1 | head -n 1
exit: 0
stdout:
minyi-deadline: give the --catalogue, the --calendar and the --rules

=== usage errors exit 2
cmd: minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of 2014-10-10 --limit legal deadline-log.csv
exit: 2
stdout:

=== an --as-of that is not a time exits 2
cmd: minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of 2014-10-32 deadline-log.csv 2>&1 | head -n 1
exit: 0
stdout:
minyi-deadline: --as-of '2014-10-32': there is no day 32 in month 10 of 2014

=== a rule missing from the rules file stops the run
cmd: printf 'rule,value\nwarn_days,2\n' > $T/r.csv; minyi-deadline --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules $T/r.csv --as-of 2014-10-10 deadline-log.csv 2>&1 | sed "s|$T/||"
exit: 0
stdout:
minyi-deadline: r.csv: the penalty rules do not give 'overdue_item_points'

=== a calendar workday that is no weekend day stops the run
cmd: printf 'date,kind\n2014-10-08,workday\n' > $T/c.csv; minyi-deadline --catalogue deadline-catalogue.csv --calendar $T/c.csv --rules deadline-rules.csv --as-of 2014-10-10 deadline-log.csv 2>&1 | sed "s|$T/||"
exit: 0
stdout:
minyi-deadline:c.csv:2: 2014-10-08 is a workday of the week already: only a Saturday or Sunday can be a 'workday'

=== a catalogue whose promised limit exceeds the statutory one stops the run
cmd: printf 'service,department,statutory,promised\nA1,民政,5,7\n' > $T/k.csv; minyi-deadline --catalogue $T/k.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of 2014-10-10 deadline-log.csv 2>&1 | sed "s|$T/||"
exit: 0
stdout:
minyi-deadline:k.csv:2: promised limit 7 is longer than the statutory limit 5

=== a GB18030 log with CRLF line ends reads like UTF-8
cmd: iconv -f UTF-8 -t GB18030 deadline-log.csv | sed 's/$/\r/' | minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --from 2014-09-15 --digits 6 > /dev/null; iconv -f UTF-8 -t GB18030 deadline-log.csv | sed 's/$/\r/' | minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --from 2014-09-15 --digits 6 | tail -n 1
exit: 0
stdout:
民政,5,3,2,0.666667,0.20766,0.938508,0,2,0.95,wilson,1,2,1,0,4,0,5,8.2,3

=== same input, same bytes: the sample log twice
cmd: for i in 1 2; do minyi-deadline -q --catalogue ../../data/catalogue.csv --calendar ../../data/calendar-2014.csv --rules ../../data/penalty.csv --as-of 2014-10-10 --warnings $T/w$i.csv ../../data/service-log.csv > $T/t$i.csv; done; cmp $T/t1.csv $T/t2.csv && cmp $T/w1.csv $T/w2.csv && echo same
exit: 0
stdout:
same

=== a failed write of standard output exits 2
cmd: minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of 2014-10-10 deadline-log.csv > /dev/full
exit: 2

=== a GB18030 catalogue and a calendar with a byte-order mark are read like UTF-8
cmd: iconv -f UTF-8 -t GB18030 deadline-catalogue.csv > $T/k.csv; printf '\357\273\277' | cat - ../../data/calendar-2014.csv > $T/c.csv; minyi-deadline -q --catalogue $T/k.csv --calendar $T/c.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --from 2014-09-15 --digits 6 deadline-log.csv | tail -n 1
exit: 0
stdout:
民政,5,3,2,0.666667,0.20766,0.938508,0,2,0.95,wilson,1,2,1,0,4,0,5,8.2,3

=== a date listed twice in the calendar stops the run
cmd: printf 'date,kind\n2014-10-01,holiday\n2014-10-01,holiday\n' > $T/c.csv; minyi-deadline --catalogue deadline-catalogue.csv --calendar $T/c.csv --rules deadline-rules.csv --as-of 2014-10-10 deadline-log.csv 2>&1 | sed "s|$T/||"
exit: 0
stdout:
minyi-deadline:c.csv:3: 2014-10-01 is listed twice (first on line 2)

=== --strict stops at the first rejected record and writes nothing
cmd: minyi-deadline -q --strict --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' -o $T/t.csv deadline-bad.csv
exit: 1
nofile t.csv

=== the provenance gives the judgement time, the rules and the counts (in the period: M1-M5, G1, G2; completed M1, M2, M3, G2; on time M1, M2, G2; open M4, M5, G1)
cmd: SOURCE_DATE_EPOCH=0 minyi-deadline -q --catalogue deadline-catalogue.csv --calendar ../../data/calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' --from 2014-09-15 -o $T/t.csv deadline-log.csv; grep -E '^(as_of|limit|closing_time|warn_days|quantiles|items_in_period|items_outside_period|completed|on_time|open|overdue),' $T/t.csv.meta.csv
exit: 0
stdout:
limit,promised
as_of,2014-10-10 12:00
warn_days,2
closing_time,17:30
quantiles,type 7 (Hyndman and Fan 1996; R's default)
items_in_period,7
items_outside_period,1
completed,4
on_time,3
open,3
overdue,1

=== a catalogue separated by semicolons must be comma-separated, whatever -d says; the log follows -d
cmd: tr , ';' < deadline-catalogue.csv > $T/cat.csv; tr , ';' < deadline-log.csv > $T/log.csv; cp deadline-catalogue.csv deadline-rules.csv ../../data/calendar-2014.csv $T; cd $T && minyi-deadline -q -d ';' --catalogue cat.csv --calendar calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' log.csv; echo $?; minyi-deadline -q --catalogue deadline-catalogue.csv --calendar calendar-2014.csv --rules deadline-rules.csv --as-of '2014-10-10 12:00' log.csv; echo $?
stdout:
1
1
stderr:
minyi-deadline:cat.csv:1: no column 'service' (columns: service;department;statutory;promised;name); fields separated by another delimiter? this file must be comma-separated, whatever -d says
minyi-deadline:log.csv:1: no column 'item' (columns: item;department;service;window;received;completed;suspensions); fields separated by another delimiter? see -d

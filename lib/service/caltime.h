/* caltime.h - civil dates and local times of the service log: day
   numbers, parsing the forms a service centre's exports hold, and
   writing them back.

   Times in the suite's service files are local Beijing time (UTC+8, no
   daylight saving since 1991), so a time is a plain count of seconds
   from 1970-01-01 00:00 local, and a date a count of days from that day:
   no time-zone database is consulted and the TZ variable changes
   nothing.  */
#ifndef MINYI_CALTIME_H
#define MINYI_CALTIME_H

#include <stddef.h>

/* Seconds in a day.  */
#define MN_DAY_SECONDS 86400L

/* The day number (days from 1970-01-01) of Y-M-D in the proleptic
   Gregorian calendar (Hinnant's days_from_civil).  M 1..12, D 1..31.  */
long mn_day_from_civil (long y, int m, int d);

/* The civil date of day number DAY into *Y, *M, *D.  */
void mn_civil_from_day (long day, long *y, int *m, int *d);

/* The weekday of DAY: 0 Sunday .. 6 Saturday.  */
int mn_weekday (long day);

/* The day of a time T (seconds from 1970-01-01 00:00 local), and its
   seconds after midnight.  */
long mn_time_day (long long t);
long mn_time_secs (long long t);

/* Parse S (LEN bytes, borrowed; blanks around it ignored) as a local
   time: ISO 8601's YYYY-MM-DD, optionally followed by 'T' or a space
   and hh:mm or hh:mm:ss, optionally followed by the offset +08:00,
   +0800 or +08 (Beijing time, the only offset accepted); or the form
   Excel writes, YYYY/M/D with an optional H:MM or H:MM:SS after a
   space.  A date alone is its midnight.  Returns 0 and sets *T, or -1
   with a reason in MSG (SIZE bytes: "month 13", "offset 'Z' is not
   Beijing time (+08:00)").  */
int mn_time_parse (const char *s, size_t len, long long *t, char *msg,
                   size_t size);

/* Parse S (borrowed) as a time of day hh:mm, 00:00..23:59 (or 24:00).
   Returns 0 and sets *SECS, or -1.  */
int mn_clock_parse (const char *s, long *secs);

/* Write DAY as YYYY-MM-DD into BUF (at least MN_TIME_BUFSIZE bytes);
   the time T as YYYY-MM-DD hh:mm, with :ss when its seconds are not
   zero.  Return BUF.  */
#define MN_TIME_BUFSIZE 32
char *mn_day_format (char *buf, long day);
char *mn_time_format (char *buf, long long t);

#endif

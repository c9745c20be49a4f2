/* calendar.h - the working calendar: which days are working days, and
   working-day arithmetic over them.

   A day is a working day when it is Monday to Friday and not a holiday,
   or a weekend day declared worked (调休), as the State Council publishes
   them each year (minyi-formats(5), "Working calendar").  The calendar
   covers whole years, from January 1 of the first year it has a row for
   to December 31 of the last: working-day arithmetic outside that span
   cannot be done, and says so, rather than guess the holidays.  */
#ifndef MINYI_CALENDAR_H
#define MINYI_CALENDAR_H

#include <stdbool.h>

#include "base/errinfo.h"

struct mn_calendar
{
  long first, ndays;        /* day numbers first .. first + ndays - 1 */
  long year0, year1;        /* the years covered */
  unsigned char *kind;      /* owned: per day, MN_CAL_* below */
  long *cum;                /* owned: cum[i], the working days among the
                               first i days (NDAYS + 1 entries) */
  unsigned long holidays, workdays;     /* the rows of each kind */
};

enum { MN_CAL_REST, MN_CAL_WORK };

/* Load the calendar file PATH (borrowed; kept in E).  Columns "date"
   (YYYY-MM-DD) and "kind" ("holiday" or "workday"), optionally "name".
   A date listed twice, a holiday that is no date, a workday that is not
   a Saturday or Sunday stop the load.  Returns 0, and the caller
   releases C with mn_calendar_release; or -1 with E, C left empty.  */
int mn_calendar_load (struct mn_calendar *c, const char *path,
                      struct mn_error *e);

void mn_calendar_release (struct mn_calendar *c);

/* Whether DAY (a day number, service/caltime.h) is in C's span.  */
bool mn_calendar_covers (const struct mn_calendar *c, long day);

/* Whether DAY is a working day; DAY must be covered.  */
bool mn_calendar_working (const struct mn_calendar *c, long day);

/* The working days D with A < D <= B (0 when B <= A); A and B covered,
   or A the day before the span.  */
long mn_calendar_count (const struct mn_calendar *c, long a, long b);

/* The N-th working day after DAY (N >= 1; N = 0 gives DAY), into *OUT.
   Returns 0, or -1 when it lies beyond the span.  */
int mn_calendar_add (const struct mn_calendar *c, long day, long n,
                     long *out);

/* The first working day after DAY into *OUT; -1 beyond the span.  */
int mn_calendar_next (const struct mn_calendar *c, long day, long *out);

#endif

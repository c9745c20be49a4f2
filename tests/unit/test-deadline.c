/* test-deadline.c - unit tests of the service layer: local times
   (lib/service/caltime.c), the working calendar and working-day
   arithmetic (calendar.c), the clock of one item (clock.c), and the
   type 7 quantiles of a histogram (lib/stats/orderstat.c).

   The working-day cases were counted by hand on a 2014 wall calendar
   with the State Council's 2014 holiday notice (国办发明电〔2013〕28号),
   which data/calendar-2014.csv transcribes, and are cited beside each
   case.  The quantiles were computed by R 4.2.2, as the comment beside
   them says.  Run from the top of the tree (tests/run does).  */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "service/calendar.h"
#include "service/caltime.h"
#include "service/clock.h"
#include "stats/orderstat.h"
#include "tap.h"

static struct mn_calendar cal;

static long
day (const char *s)
{
  long long t;
  char why[256];
  if (mn_time_parse (s, strlen (s), &t, why, sizeof why) < 0)
    {
      printf ("not ok - parse '%s': %s\n", s, why);
      return 0;
    }
  return mn_time_day (t);
}

static long long
when (const char *s)
{
  long long t = 0;
  char why[256];
  if (mn_time_parse (s, strlen (s), &t, why, sizeof why) < 0)
    printf ("not ok - parse '%s': %s\n", s, why);
  return t;
}

/* N working days after FROM is WANT.  */
static void
add_is (const char *from, long n, const char *want, const char *name)
{
  long out = 0;
  char buf[MN_TIME_BUFSIZE];
  ok (mn_calendar_add (&cal, day (from), n, &out) == 0, name);
  streq (mn_day_format (buf, out), want, name);
}

static void
test_times (void)
{
  long long t;
  char why[256];
  ok (mn_time_parse ("2014/10/29 19:01", 16, &t, why, sizeof why) == 0
      && mn_time_day (t) == mn_day_from_civil (2014, 10, 29)
      && mn_time_secs (t) == 19 * 3600 + 60, "Excel's 2014/10/29 19:01");
  ok (mn_time_parse ("2014/7/1 9:05", 13, &t, why, sizeof why) == 0
      && mn_time_secs (t) == 9 * 3600 + 300, "Excel's 2014/7/1 9:05");
  ok (mn_time_parse ("2014-07-01T09:30:15+08:00", 25, &t, why, sizeof why)
      == 0 && mn_time_secs (t) == 9 * 3600 + 30 * 60 + 15,
      "ISO 8601 with seconds and Beijing's offset");
  ok (mn_time_parse ("2014-07-01T09:30Z", 17, &t, why, sizeof why) < 0
      && strstr (why, "not Beijing time"), "UTC refused, not shifted");
  ok (mn_time_parse ("2014-02-29", 10, &t, why, sizeof why) < 0
      && strstr (why, "no day 29"), "2014 is not a leap year");
  ok (mn_time_parse ("2014-07-01 25:00", 16, &t, why, sizeof why) < 0,
      "hour 25 refused");
  ok (mn_time_parse ("2014-7-1", 8, &t, why, sizeof why) < 0,
      "ISO dates have two-digit months");
  ok (mn_time_parse ("1/7/2014", 8, &t, why, sizeof why) < 0,
      "day-first dates refused");
  char buf[MN_TIME_BUFSIZE];
  streq (mn_time_format (buf, when ("2014/7/1 9:05")), "2014-07-01 09:05",
         "times written back in ISO form");
  ok (mn_weekday (day ("2014-09-26")) == 5, "2014-09-26 was a Friday");
  ok (mn_weekday (day ("1969-12-31")) == 3, "1969-12-31 was a Wednesday");
  long y;
  int m, d;
  mn_civil_from_day (mn_day_from_civil (2000, 2, 29), &y, &m, &d);
  ok (y == 2000 && m == 2 && d == 29, "day numbers round-trip 2000-02-29");
}

static void
test_calendar (void)
{
  ok (cal.year0 == 2014 && cal.year1 == 2014, "the calendar covers 2014");
  ok (cal.holidays == 27 && cal.workdays == 5,
      "27 holidays and 5 worked weekend days in 2014");
  /* 2014 began on a Wednesday: 52 weeks and a Wednesday, 261 days Monday
     to Friday.  Holidays among them: Jan 1; Jan 31, Feb 3-6 (Feb 1, 2 a
     weekend); Apr 7 (Apr 5, 6 a weekend); May 1, 2; Jun 2; Sep 8; Oct
     1-3, 6, 7: 16.  Weekend days worked: Jan 26, Feb 8, May 4, Sep 28,
     Oct 11: 5.  261 - 16 + 5 = 250.  */
  ok (mn_calendar_count (&cal, day ("2013-12-31"), day ("2014-12-31"))
      == 250, "250 working days in 2014");
  /* October 2014: 8, 9, 10, 11 (Saturday, worked), 13-17, 20-24,
     27-31.  */
  ok (mn_calendar_count (&cal, day ("2014-09-30"), day ("2014-10-31"))
      == 19, "19 working days in October 2014");
  ok (mn_calendar_working (&cal, day ("2014-09-28")),
      "Sunday 2014-09-28 worked");
  ok (!mn_calendar_working (&cal, day ("2014-10-06")),
      "Monday 2014-10-06 a holiday");
  /* The hand-counted cases.  Friday 2014-09-26: Sep 27 rest, Sep
     28 worked (1), 29 (2), 30 (3), Oct 1-7 off, Oct 8 (4), Oct 9 (5).  */
  add_is ("2014-09-26", 5, "2014-10-09",
          "5 working days from Fri 2014-09-26 is Thu 2014-10-09");
  /* Wednesday 2014-01-29: Jan 30 (1), Jan 31-Feb 6 off, Feb 7 (2), Sat
     Feb 8 worked (3).  */
  add_is ("2014-01-29", 3, "2014-02-08",
          "3 working days from Wed 2014-01-29 is Sat 2014-02-08");
  /* Friday 2014-04-04: Apr 5-7 Qingming, Apr 8 (1).  */
  add_is ("2014-04-04", 1, "2014-04-08",
          "1 working day from Fri 2014-04-04 is Tue 2014-04-08");
  long out;
  ok (mn_calendar_add (&cal, day ("2014-12-30"), 3, &out) < 0,
      "beyond 2014: no guess");
}

/* The clock of an item with limit LIMIT received at RECV, completed at
   DONE (NULL: open), judged at AS_OF, with a warning of 2 days and a
   closing time of 17:30; one suspension S0~S1 when S0.  */
static struct mn_item_clock
clock_of (const char *recv, const char *done, const char *s0,
          const char *s1, long limit, const char *as_of)
{
  struct mn_suspension s = { 0 };
  if (s0)
    {
      s.start = when (s0);
      s.open = !s1;
      s.end = s1 ? when (s1) : 0;
    }
  struct mn_item_clock c = { 0 };
  struct mn_error e;
  if (mn_item_clock (&cal, 17 * 3600 + 1800, when (recv), done != NULL,
                     done ? when (done) : 0, &s, s0 ? 1 : 0, limit,
                     when (as_of), 2, &c, &e) < 0)
    printf ("not ok - clock of %s: %s\n", recv, e.msg);
  return c;
}

static void
deadline_is (const struct mn_item_clock *c, const char *want,
             const char *name)
{
  char buf[MN_TIME_BUFSIZE];
  streq (mn_day_format (buf, c->deadline), want, name);
}

static void
test_clock (void)
{
  struct mn_item_clock c;
  /* Received Friday 2014-09-26 10:00, before closing: the deadline is the
     calendar's case above.  Completed Oct 9: used 5 (Sep 28, 29, 30, Oct
     8, 9), on time.  */
  c = clock_of ("2014-09-26 10:00", "2014-10-09 16:00", NULL, NULL, 5,
                "2014-10-31");
  deadline_is (&c, "2014-10-09", "received Fri 09-26 10:00, 5 days: 10-09");
  ok (c.used == 5 && c.status == MN_IS_ON_TIME, "completed 10-09: on time");
  /* After hours: received 2014-09-26 18:00, after 17:30, is received
     Sunday Sep 28 (worked); days Sep 29 (1), 30 (2), Oct 8 (3), 9 (4),
     10 (5).  */
  c = clock_of ("2014-09-26 18:00", "2014-10-10 09:00", NULL, NULL, 5,
                "2014-10-31");
  deadline_is (&c, "2014-10-10", "received Fri 09-26 18:00 (after hours)");
  ok (c.used == 5 && c.status == MN_IS_ON_TIME,
      "after hours, completed 10-10: 5 days, on time");
  c = clock_of ("2014-09-26 17:30", NULL, NULL, NULL, 5, "2014-10-31");
  deadline_is (&c, "2014-10-10", "received at 17:30 sharp: after hours");
  /* A rest day: Saturday 2014-09-27 is received Sunday 28 (worked).  */
  c = clock_of ("2014-09-27 10:00", NULL, NULL, NULL, 5, "2014-10-31");
  deadline_is (&c, "2014-10-10", "received Sat 09-27: as of Sun 09-28");
  /* Suspension: received Wed 2014-07-02 10:00, limit 5, suspended Thu
     Jul 3 10:00 to Mon Jul 7 15:00.  Counted: Jul 3 (1); Jul 4 and 7
     suspended (5, 6 weekend); Jul 8 (2), 9 (3), 10 (4), 11 (5).  Without
     it: Jul 3, 4, 7, 8, 9.  */
  c = clock_of ("2014-07-02 10:00", "2014-07-11 16:00", "2014-07-03 10:00",
                "2014-07-07 15:00", 5, "2014-10-31");
  deadline_is (&c, "2014-07-11", "suspended Jul 3-7: deadline Fri 07-11");
  ok (c.used == 5 && c.status == MN_IS_ON_TIME,
      "suspended, completed 07-11: 5 days, on time");
  c = clock_of ("2014-07-02 10:00", "2014-07-14 09:00", "2014-07-03 10:00",
                "2014-07-07 15:00", 5, "2014-10-31");
  ok (c.used == 6 && c.over == 1 && c.status == MN_IS_LATE,
      "suspended, completed Mon 07-14: 6 days, late by 1");
  c = clock_of ("2014-07-02 10:00", "2014-07-09 09:00", NULL, NULL, 5,
                "2014-10-31");
  ok (c.used == 5 && c.status == MN_IS_ON_TIME,
      "not suspended, completed 07-09: 5 days, on time");
  /* A suspension begun and ended the same day stops nothing.  */
  c = clock_of ("2014-07-02 10:00", NULL, "2014-07-03 09:00",
                "2014-07-03 16:00", 5, "2014-10-31");
  deadline_is (&c, "2014-07-09", "a same-day suspension stops nothing");
  /* Still suspended at the as-of time: the clock stopped from Jul 4
     to Jul 10; used Jul 3 only.  */
  c = clock_of ("2014-07-02 10:00", NULL, "2014-07-03 10:00", NULL, 5,
                "2014-07-10 12:00");
  ok (c.used == 1 && c.left == 4 && c.status == MN_IS_ON_TRACK,
      "still suspended: 1 day used, 4 left");
  /* Open items, received Fri 2014-09-26 10:00, limit 5 (deadline Oct 9),
     judged at Mon Sep 29: Sep 28, 29 used, 3 left, on track; at Oct 8:
     4 used, 1 left, due soon; at Oct 10: 6 used, overdue by 1.  */
  c = clock_of ("2014-09-26 10:00", NULL, NULL, NULL, 5, "2014-09-29 12:00");
  ok (c.used == 2 && c.left == 3 && c.status == MN_IS_ON_TRACK,
      "open at 09-29: 2 used, 3 left, on track");
  c = clock_of ("2014-09-26 10:00", NULL, NULL, NULL, 5, "2014-10-08 12:00");
  ok (c.used == 4 && c.left == 1 && c.status == MN_IS_DUE_SOON,
      "open at 10-08: 4 used, 1 left, due soon");
  c = clock_of ("2014-09-26 10:00", NULL, NULL, NULL, 5, "2014-10-10 12:00");
  ok (c.used == 6 && c.over == 1 && c.status == MN_IS_OVERDUE,
      "open at 10-10: overdue by 1");
  /* Completed after the as-of time: open then.  */
  c = clock_of ("2014-09-26 10:00", "2014-10-09 10:00", NULL, NULL, 5,
                "2014-10-08 12:00");
  ok (c.status == MN_IS_DUE_SOON, "completed after --as-of: open then");
}

static void
test_quantiles (void)
{
  /* R 4.2.2:
       x <- c(0,1,1,2,5,9); sprintf("%.17g", quantile(x, c(.5,.9), type=7))
         "1.5" "7"
       y <- c(rep(4,3),rep(6,2),rep(11,5),13,rep(21,3))
         sprintf("%.17g", quantile(y, c(.5,.9), type=7))   "11" "21"
       x <- c(rep(3,5),rep(7,20),rep(15,10),16,rep(20,7))
         "7" "20"  */
  unsigned long x[10] = { [0] = 1, [1] = 2, [2] = 1, [5] = 1, [9] = 1 };
  ok (mn_hist_quantile7 (x, 10, 0.5) == 1.5, "median of 0 1 1 2 5 9: 1.5");
  ok (mn_hist_quantile7 (x, 10, 0.9) == 7, "90th percentile: 7");
  unsigned long y[22] = { [4] = 3, [6] = 2, [11] = 5, [13] = 1, [21] = 3 };
  ok (mn_hist_quantile7 (y, 22, 0.5) == 11 && mn_hist_quantile7 (y, 22, 0.9)
      == 21, "R's 11 and 21");
  unsigned long z[21] = { [3] = 5, [7] = 20, [15] = 10, [16] = 1, [20] = 7 };
  ok (mn_hist_quantile7 (z, 21, 0.5) == 7 && mn_hist_quantile7 (z, 21, 0.9)
      == 20, "R's 7 and 20");
  unsigned long none[3] = { 0 };
  ok (isnan (mn_hist_quantile7 (none, 3, 0.5)), "no observations: NaN");
}

int
main (void)
{
  struct mn_error e;
  if (mn_calendar_load (&cal, "data/calendar-2014.csv", &e) < 0)
    {
      printf ("not ok - load data/calendar-2014.csv: %s\n", e.msg);
      return 1;
    }
  test_times ();
  test_calendar ();
  test_clock ();
  test_quantiles ();
  mn_calendar_release (&cal);
  return tap_done ();
}

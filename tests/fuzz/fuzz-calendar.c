/* fuzz-calendar.c - libFuzzer target: the working calendar
   (lib/service/calendar.c, mn_calendar_load) and its working-day
   arithmetic.

   A calendar accepted covers whole years; the working days counted
   from the day before its span are monotone and grow by one exactly on
   a working day; the N-th working day after a day is a working day
   with N working days counted up to it, and the next working day is
   the first.  */
#include <stdint.h>

#include "service/calendar.h"
#include "service/caltime.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_calendar c;
  struct mn_error e = { 0 };
  if (mn_calendar_load (&c, scratch_file (data, size), &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      return 0;
    }
  check (c.year0 <= c.year1, "years in order");
  check (c.first == mn_day_from_civil (c.year0, 1, 1), "starts on Jan 1");
  check (c.first + c.ndays == mn_day_from_civil (c.year1 + 1, 1, 1),
         "ends on Dec 31");
  check (!mn_calendar_covers (&c, c.first - 1)
         && !mn_calendar_covers (&c, c.first + c.ndays)
         && mn_calendar_covers (&c, c.first)
         && mn_calendar_covers (&c, c.first + c.ndays - 1), "the span");
  long before = c.first - 1, prev = 0;
  /* Every day of the first year, a stride over the rest.  */
  for (long d = c.first; d < c.first + c.ndays;
       d += d < c.first + 366 ? 1 : 37)
    {
      long k = mn_calendar_count (&c, before, d);
      long k1 = mn_calendar_count (&c, before, d - 1);
      check (k >= prev && k - k1 == (mn_calendar_working (&c, d) ? 1 : 0),
             "working days counted are monotone, one per working day");
      check (mn_calendar_count (&c, d, d - 1) == 0, "an empty span");
      prev = k;
      long next;
      if (mn_calendar_next (&c, d, &next) == 0)
        {
          check (next > d && mn_calendar_working (&c, next)
                 && mn_calendar_count (&c, d, next) == 1,
                 "the next working day");
          for (long n = 1; n <= 25; n += 8)
            {
              long out;
              if (mn_calendar_add (&c, d, n, &out) < 0)
                break;
              check (out > d && mn_calendar_working (&c, out)
                     && mn_calendar_count (&c, d, out) == n,
                     "the N-th working day after");
            }
        }
      long same;
      check (mn_calendar_add (&c, d, 0, &same) == 0 && same == d,
             "zero working days after a day is the day");
    }
  mn_calendar_release (&c);
  return 0;
}

/* fuzz-caltime.c - libFuzzer target: the service log's time parser
   (lib/service/caltime.c, mn_time_parse, mn_clock_parse).

   A time parsed is written back (mn_time_format) in a form that parses
   to the same instant and writes the same again; its day's civil date
   is that day's again; a clock time parsed is within a day.  */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "service/caltime.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char msg[160], buf[MN_TIME_BUFSIZE], buf2[MN_TIME_BUFSIZE];
  long long t, t2;
  msg[0] = 0;
  if (mn_time_parse ((const char *) data, size, &t, msg, sizeof msg) == 0)
    {
      long day = mn_time_day (t), secs = mn_time_secs (t);
      check (secs >= 0 && secs < MN_DAY_SECONDS, "seconds of the day");
      check ((long long) day * MN_DAY_SECONDS + secs == t, "day and secs");
      long y;
      int m, d;
      mn_civil_from_day (day, &y, &m, &d);
      check (m >= 1 && m <= 12 && d >= 1 && d <= 31
             && mn_day_from_civil (y, m, d) == day, "civil date round trip");
      int wd = mn_weekday (day);
      check (wd >= 0 && wd <= 6 && mn_weekday (day + 7) == wd, "weekday");
      mn_time_format (buf, t);
      if (mn_time_parse (buf, strlen (buf), &t2, msg, sizeof msg) != 0)
        fprintf (stderr, "written '%s': %s\n", buf, msg);
      check (mn_time_parse (buf, strlen (buf), &t2, msg, sizeof msg) == 0
             && t2 == t, "a time written parses to the same instant");
      check (strcmp (mn_time_format (buf2, t2), buf) == 0,
             "and writes the same");
      mn_day_format (buf2, day);
      check (strncmp (buf, buf2, strlen (buf2)) == 0, "its day's date");
    }
  else
    check (msg[0] != 0, "a time refused says why");
  /* The same bytes as a clock time (NUL-terminated).  */
  char *s = malloc (size + 1);
  memcpy (s, data, size);
  s[size] = 0;
  long secs;
  if (mn_clock_parse (s, &secs) == 0)
    check (secs >= 0 && secs <= MN_DAY_SECONDS, "a clock time in a day");
  free (s);
  return 0;
}

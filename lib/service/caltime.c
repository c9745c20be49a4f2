/* caltime.c - civil dates and local times of the service log.  */
#include "service/caltime.h"
#include "base/i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013),
   days_from_civil and civil_from_days: exact for every proleptic
   Gregorian date, with eras of 400 years.  */
long
mn_day_from_civil (long y, int m, int d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void
mn_civil_from_day (long day, long *y, int *m, int *d)
{
  day += 719468;
  long era = (day >= 0 ? day : day - 146096) / 146097;
  long doe = day - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

int
mn_weekday (long day)
{
  long w = (day + 4) % 7;       /* 1970-01-01 was a Thursday */
  return (int) (w < 0 ? w + 7 : w);
}

long
mn_time_day (long long t)
{
  long long d = t / MN_DAY_SECONDS;
  if (t % MN_DAY_SECONDS < 0)
    d--;
  return (long) d;
}

long
mn_time_secs (long long t)
{
  return (long) (t - (long long) mn_time_day (t) * MN_DAY_SECONDS);
}

/* Read 1 to MAX digits at *P into *V; advance *P.  */
static bool
digits (const char **p, const char *end, int min, int max, long *v)
{
  int n = 0;
  *v = 0;
  while (*p < end && n < max && **p >= '0' && **p <= '9')
    *v = *v * 10 + (*(*p)++ - '0'), n++;
  return n >= min && !(*p < end && **p >= '0' && **p <= '9');
}

static int
days_in_month (long y, int m)
{
  static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : dm[m - 1];
}

int
mn_time_parse (const char *s, size_t len, long long *t, char *msg,
               size_t size)
{
  const char *p = s, *end = s + len;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  long y, mo, d, h = 0, mi = 0, se = 0;
  if (!digits (&p, end, 4, 4, &y) || p == end || (*p != '-' && *p != '/'))
    goto form;
  char sep = *p++;
  bool excel = sep == '/';
  if (!digits (&p, end, excel ? 1 : 2, 2, &mo) || p == end || *p++ != sep
      || !digits (&p, end, excel ? 1 : 2, 2, &d))
    goto form;
  if (p < end)
    {
      if (*p != ' ' && (excel || *p != 'T'))
        goto form;
      p++;
      if (!digits (&p, end, excel ? 1 : 2, 2, &h) || p == end || *p++ != ':'
          || !digits (&p, end, 2, 2, &mi))
        goto form;
      if (p < end && *p == ':')
        {
          p++;
          if (!digits (&p, end, 2, 2, &se))
            goto form;
        }
      if (p < end && !excel)
        {
          /* An offset: Beijing's only.  */
          size_t n = (size_t) (end - p);
          if (!((n == 6 && memcmp (p, "+08:00", 6) == 0)
                || (n == 5 && memcmp (p, "+0800", 5) == 0)
                || (n == 3 && memcmp (p, "+08", 3) == 0)))
            {
              snprintf (msg, size, _("offset '%.*s' is not Beijing time "
                        "(+08:00)"), (int) n, p);
              return -1;
            }
          p = end;
        }
      if (p != end)
        goto form;
    }
  if (mo < 1 || mo > 12)
    {
      snprintf (msg, size, _("there is no month %ld"), mo);
      return -1;
    }
  if (d < 1 || d > days_in_month (y, (int) mo))
    {
      snprintf (msg, size, _("there is no day %ld in month %ld of %ld"), d, mo,
                y);
      return -1;
    }
  if (h > 23 || mi > 59 || se > 59)
    {
      snprintf (msg, size, _("there is no time of day %02ld:%02ld:%02ld"), h,
                mi, se);
      return -1;
    }
  *t = (long long) mn_day_from_civil (y, (int) mo, (int) d) * MN_DAY_SECONDS
       + h * 3600 + mi * 60 + se;
  return 0;
form:
  snprintf (msg, size, _("not a time such as 2014-07-01 09:30 (ISO 8601) "
            "or 2014/7/1 9:30"));
  return -1;
}

int
mn_clock_parse (const char *s, long *secs)
{
  const char *p = s, *end = s + strlen (s);
  long h, m;
  if (!digits (&p, end, 1, 2, &h) || p == end || *p++ != ':'
      || !digits (&p, end, 2, 2, &m) || p != end || m > 59 || h > 24
      || (h == 24 && m))
    return -1;
  *secs = h * 3600 + m * 60;
  return 0;
}

char *
mn_day_format (char *buf, long day)
{
  long y;
  int m, d;
  mn_civil_from_day (day, &y, &m, &d);
  snprintf (buf, MN_TIME_BUFSIZE, "%04ld-%02d-%02d", y, m, d);
  return buf;
}

char *
mn_time_format (char *buf, long long t)
{
  long s = mn_time_secs (t);
  mn_day_format (buf, mn_time_day (t));
  size_t n = strlen (buf);
  if (s % 60)
    snprintf (buf + n, MN_TIME_BUFSIZE - n, " %02ld:%02ld:%02ld", s / 3600,
              s / 60 % 60, s % 60);
  else
    snprintf (buf + n, MN_TIME_BUFSIZE - n, " %02ld:%02ld", s / 3600,
              s / 60 % 60);
  return buf;
}

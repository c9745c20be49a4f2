/* calendar.c - the working calendar and working-day arithmetic.  */
#include "service/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "service/caltime.h"
#include "service/smallfile.h"
#include "base/i18n.h"

/* One row of the file, kept until the span is known.  */
struct cal_row
{
  long day;
  unsigned char kind;
  unsigned long line;
};

struct cal_load
{
  struct cal_row *row;
  size_t n, cap;
};

static int
cal_row (void *ctx, const struct mn_record *rec, const long *col,
         const char *file, struct mn_error *e)
{
  struct cal_load *cl = ctx;
  char date[64], kind[64], why[128];
  mn_small_field (rec, col[0], date, sizeof date);
  mn_small_field (rec, col[1], kind, sizeof kind);
  long long t;
  if (mn_time_parse (date, strlen (date), &t, why, sizeof why) < 0
      || mn_time_secs (t) != 0 || strchr (date, '/'))
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "date '%s' is not a date YYYY-MM-DD", date);
  struct cal_row r = { mn_time_day (t), MN_CAL_REST, rec->line };
  if (strcmp (kind, "workday") == 0)
    {
      int w = mn_weekday (r.day);
      if (w != 0 && w != 6)
        return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                             "%s is a workday of the week already: only "
                             "a Saturday or Sunday can be a 'workday'",
                             date);
      r.kind = MN_CAL_WORK;
    }
  else if (strcmp (kind, "holiday") != 0)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "kind '%s' is neither 'holiday' nor 'workday'",
                         kind);
  cl->row = xgrow (cl->row, &cl->cap, cl->n + 1, sizeof *cl->row);
  cl->row[cl->n++] = r;
  return 0;
}

int
mn_calendar_load (struct mn_calendar *c, const char *path,
                  struct mn_error *e)
{
  static const struct mn_small_col cols[] = {
    { "date", true }, { "kind", true }, { "name", false } };
  memset (c, 0, sizeof *c);
  struct cal_load cl = { 0 };
  if (mn_small_read (path, _("working calendar"), cols, 3, cal_row, &cl, e)
      < 0)
    {
      free (cl.row);
      return -1;
    }
  if (!cl.n)
    {
      free (cl.row);
      return mn_error_set (e, path, 0, MN_R_USAGE,
                           "the working calendar has no dates");
    }
  long lo = cl.row[0].day, hi = lo;
  for (size_t i = 1; i < cl.n; i++)
    {
      lo = cl.row[i].day < lo ? cl.row[i].day : lo;
      hi = cl.row[i].day > hi ? cl.row[i].day : hi;
    }
  int m, d;
  mn_civil_from_day (lo, &c->year0, &m, &d);
  mn_civil_from_day (hi, &c->year1, &m, &d);
  /* Every year covered must have its dates listed: a year between two
     listed ones with none (2014 and 2016 given, 2015 not) would count
     its Spring Festival and National Day as working days.  */
  {
    size_t nyears = (size_t) (c->year1 - c->year0) + 1;
    bool *listed = xcalloc (nyears, sizeof *listed);
    for (size_t i = 0; i < cl.n; i++)
      {
        long y;
        mn_civil_from_day (cl.row[i].day, &y, &m, &d);
        listed[y - c->year0] = true;
      }
    long missing = -1;
    for (size_t i = 0; i < nyears && missing < 0; i++)
      if (!listed[i])
        missing = c->year0 + (long) i;
    free (listed);
    if (missing >= 0)
      {
        free (cl.row);
        long y0 = c->year0, y1 = c->year1;
        memset (c, 0, sizeof *c);
        return mn_error_set (e, path, 0, MN_R_USAGE,
                             "the working calendar lists no date of %ld, "
                             "a year between %ld and %ld: give every "
                             "year's holidays and worked days", missing,
                             y0, y1);
      }
  }
  c->first = mn_day_from_civil (c->year0, 1, 1);
  c->ndays = mn_day_from_civil (c->year1 + 1, 1, 1) - c->first;
  c->kind = xmalloc ((size_t) c->ndays);
  for (long i = 0; i < c->ndays; i++)
    {
      int w = mn_weekday (c->first + i);
      c->kind[i] = w == 0 || w == 6 ? MN_CAL_REST : MN_CAL_WORK;
    }
  /* Mark the rows, refusing a date listed twice.  */
  unsigned long *seen = xcalloc ((size_t) c->ndays, sizeof *seen);
  int rc = 0;
  for (size_t i = 0; i < cl.n && rc == 0; i++)
    {
      long k = cl.row[i].day - c->first;
      if (seen[k])
        {
          char buf[MN_TIME_BUFSIZE];
          rc = mn_error_set (e, path, cl.row[i].line, MN_R_DUPLICATE,
                             "%s is listed twice (first on line %lu)",
                             mn_day_format (buf, cl.row[i].day), seen[k]);
        }
      seen[k] = cl.row[i].line;
      c->kind[k] = cl.row[i].kind;
      if (cl.row[i].kind == MN_CAL_WORK)
        c->workdays++;
      else
        c->holidays++;
    }
  free (seen);
  free (cl.row);
  if (rc < 0)
    {
      mn_calendar_release (c);
      return -1;
    }
  c->cum = xmalloc (((size_t) c->ndays + 1) * sizeof *c->cum);
  c->cum[0] = 0;
  for (long i = 0; i < c->ndays; i++)
    c->cum[i + 1] = c->cum[i] + (c->kind[i] == MN_CAL_WORK);
  return 0;
}

void
mn_calendar_release (struct mn_calendar *c)
{
  free (c->kind);
  free (c->cum);
  memset (c, 0, sizeof *c);
}

bool
mn_calendar_covers (const struct mn_calendar *c, long day)
{
  return day >= c->first && day < c->first + c->ndays;
}

bool
mn_calendar_working (const struct mn_calendar *c, long day)
{
  return c->kind[day - c->first] == MN_CAL_WORK;
}

long
mn_calendar_count (const struct mn_calendar *c, long a, long b)
{
  if (b <= a)
    return 0;
  /* cum[i] counts the days first .. first + i - 1: (A, B] is
     cum[B - first + 1] - cum[A - first + 1].  */
  return c->cum[b - c->first + 1] - c->cum[a - c->first + 1];
}

int
mn_calendar_add (const struct mn_calendar *c, long day, long n, long *out)
{
  long d = day;
  while (n > 0)
    {
      if (!mn_calendar_covers (c, ++d))
        return -1;
      n -= mn_calendar_working (c, d);
    }
  *out = d;
  return 0;
}

int
mn_calendar_next (const struct mn_calendar *c, long day, long *out)
{
  return mn_calendar_add (c, day, 1, out);
}

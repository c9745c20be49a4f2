/* clock.c - the clock of one application.  */
#include "service/clock.h"

#include "service/caltime.h"

const char *
mn_item_status_name (enum mn_item_status s)
{
  static const char *const names[] = {
    [MN_IS_ON_TIME] = "on-time", [MN_IS_LATE] = "late",
    [MN_IS_ON_TRACK] = "on-track", [MN_IS_DUE_SOON] = "due-soon",
    [MN_IS_OVERDUE] = "overdue" };
  return names[s];
}

static int
outside (const struct mn_calendar *cal, long day, struct mn_error *e)
{
  char buf[MN_TIME_BUFSIZE];
  return mn_error_set (e, NULL, 0, MN_R_OUTSIDE_CALENDAR,
                       "%s is outside the working calendar (%ld to %ld)",
                       mn_day_format (buf, day), cal->year0, cal->year1);
}

/* The days (A, B] of suspension I, its end taken as AS_OF when open.  */
static void
stop_days (const struct mn_suspension *s, long long as_of, long *a, long *b)
{
  *a = mn_time_day (s->start);
  *b = mn_time_day (s->open ? as_of : s->end);
}

static bool
suspended (const struct mn_suspension *s, size_t ns, long long as_of,
           long day)
{
  for (size_t i = 0; i < ns; i++)
    {
      long a, b;
      stop_days (&s[i], as_of, &a, &b);
      if (day > a && day <= b)
        return true;
    }
  return false;
}

int
mn_item_clock (const struct mn_calendar *cal, long closing,
               long long received, bool completed, long long done,
               const struct mn_suspension *s, size_t ns, long limit,
               long long as_of, long warn, struct mn_item_clock *c,
               struct mn_error *e)
{
  long day = mn_time_day (received);
  if (!mn_calendar_covers (cal, day))
    return outside (cal, day, e);
  c->receipt = day;
  if ((!mn_calendar_working (cal, day) || mn_time_secs (received) >= closing)
      && mn_calendar_next (cal, day, &c->receipt) < 0)
    return outside (cal, day + 1, e);

  /* The deadline: LIMIT counted days after the receipt day.  */
  long d = c->receipt;
  for (long k = 0; k < limit;)
    {
      if (!mn_calendar_covers (cal, ++d))
        return outside (cal, d, e);
      k += mn_calendar_working (cal, d) && !suspended (s, ns, as_of, d);
    }
  c->deadline = d;

  /* The days used: the counted days in (receipt, end].  */
  bool closed = completed && done <= as_of;
  long end = mn_time_day (closed ? done : as_of);
  if (!mn_calendar_covers (cal, end))
    return outside (cal, end, e);
  c->used = mn_calendar_count (cal, c->receipt, end);
  for (size_t i = 0; i < ns; i++)
    {
      long a, b;
      stop_days (&s[i], as_of, &a, &b);
      a = a > c->receipt ? a : c->receipt;
      b = b < end ? b : end;
      if (b > a && mn_calendar_covers (cal, a))
        c->used -= mn_calendar_count (cal, a, b);
    }
  c->left = c->used < limit ? limit - c->used : 0;
  c->over = c->used > limit ? c->used - limit : 0;
  if (closed)
    c->status = c->over ? MN_IS_LATE : MN_IS_ON_TIME;
  else if (c->over)
    c->status = MN_IS_OVERDUE;
  else
    c->status = c->left <= warn ? MN_IS_DUE_SOON : MN_IS_ON_TRACK;
  return 0;
}

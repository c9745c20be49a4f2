/* clock.h - the clock of one application: its deadline in working days,
   the working days it has used, and its status.

   The rules (minyi-deadline(1), "Counting working days"):

   - An application received on a working day before the closing time
     is received that day; one received at or after the closing time, or
     on a rest day, is taken as received on the next working day
     (下班后受理的视为次日受理).
   - The working days are counted from the day after the receipt day:
     the limit's first day is the first working day after it.
   - A suspension (补正, on-site inspection) stops the clock: the working
     days after the day it starts, up to and including the day it ends,
     are not counted; the clock counts again from the day after it ends,
     as it counted from the day after receipt.  A suspension still open
     (no end) is taken to end at the time the log is judged at.
   - The deadline is the working day on which the limit's last counted
     day falls.  A completed item is on time when it used no more working
     days than its limit (it was completed on or before its deadline),
     late by the working days beyond; an open item has used the counted
     working days up to the day the log is judged at, and is overdue when
     that is more than its limit, due soon when its days left are at most
     the warning threshold, on track otherwise.  */
#ifndef MINYI_CLOCK_H
#define MINYI_CLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "base/errinfo.h"
#include "service/calendar.h"

enum mn_item_status
{
  MN_IS_ON_TIME,        /* completed within the limit */
  MN_IS_LATE,           /* completed beyond it */
  MN_IS_ON_TRACK,       /* open, more than the warning days left */
  MN_IS_DUE_SOON,       /* open, 0 .. warning days left */
  MN_IS_OVERDUE         /* open, beyond its limit */
};

/* "on-time", "late", "on-track", "due-soon", "overdue" (static).  */
const char *mn_item_status_name (enum mn_item_status s);

/* A suspension: from START to END (times, service/caltime.h); OPEN when
   it has no end yet (END is then ignored).  */
struct mn_suspension
{
  long long start, end;
  bool open;
};

/* What the clock says of one item.  */
struct mn_item_clock
{
  long receipt;         /* the day the limit counts from (the receipt
                           day, or the next working day) */
  long deadline;        /* the day its last working day falls on */
  long used;            /* working days counted up to completion, or up
                           to the day the log is judged at */
  long left;            /* max (0, limit - used) */
  long over;            /* max (0, used - limit) */
  enum mn_item_status status;
};

/* The clock of an item received at RECEIVED, completed at DONE when
   COMPLETED, with the NS suspensions S (borrowed; in order, not
   overlapping), a limit of LIMIT working days, judged at AS_OF (an item
   completed after AS_OF is open then), with WARN working days of
   warning; CLOSING is the closing time in seconds after midnight.
   Returns 0 and fills *C, or -1 with E (MN_R_OUTSIDE_CALENDAR, no file)
   when a day it needs is beyond CAL's span.  */
int mn_item_clock (const struct mn_calendar *cal, long closing,
                   long long received, bool completed, long long done,
                   const struct mn_suspension *s, size_t ns, long limit,
                   long long as_of, long warn, struct mn_item_clock *c,
                   struct mn_error *e);

#endif

/* deadline.h - the electronic supervision (电子监察) of a service
   centre's log: each application's clock, the early-warning list of the
   open ones, and per department the score table of on-time completion.

   One pass over the log: each record is checked and its clock worked
   out (service/clock.h) as it is read; memory holds the open items (for
   the warning list) and one accumulator per department, never the
   log.  */
#ifndef MINYI_DEADLINE_H
#define MINYI_DEADLINE_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "service/calendar.h"
#include "service/catalogue.h"
#include "service/rules.h"
#include "stats/prop.h"

struct mn_deadline_opts
{
  const struct mn_calendar *cal;    /* all three borrowed: must outlive */
  const struct mn_catalogue *cat;   /* the engine */
  const struct mn_rules *rules;
  bool statutory;                   /* the statutory limit, not the
                                       promised one */
  long long as_of;                  /* the time the log is judged at */
  long warn;                        /* working days of warning */
  long from, to;                    /* the period: receipt days from ..
                                       to, inclusive */
  bool by_window;                   /* group by department and window */
  enum mn_ci_method method;         /* the on-time rate's interval */
  double level;
  FILE *items;                      /* borrowed; NULL: no item list */
};

/* No bound on the period.  */
#define MN_DAY_MIN LONG_MIN
#define MN_DAY_MAX LONG_MAX

/* What the log gave, for the provenance.  */
struct mn_deadline_summary
{
  unsigned long items;          /* records used */
  unsigned long in_period;      /* of which received in the period */
  unsigned long completed, on_time, open, due_soon, overdue;
  size_t groups;                /* departments (or department-windows) */
};

struct mn_deadline;

/* An engine with options O (copied; what it points to borrowed).  Free
   with mn_deadline_free.  */
struct mn_deadline *mn_deadline_new (const struct mn_deadline_opts *o);
void mn_deadline_free (struct mn_deadline *d);

/* Find the log's columns in IN's header (borrowed; kept until the next
   bind): "item", "service", "received" required, "completed",
   "department", "suspensions" optional, "window" too unless grouping by
   window.  Returns 0, or -1 with E (MN_R_MISSING_COLUMN naming the
   columns there are; MN_R_DUP_COLUMN).  */
int mn_deadline_bind (struct mn_deadline *d, struct mn_input *in,
                      struct mn_error *e);

/* Check one record REC (borrowed) of FILE (borrowed, kept in E) and
   count it: its item's line goes to the item list, its clock to its
   department, an open item to the warning list.  Returns 0, or -1 with
   E (its reason the rejects file's code) when the record is rejected:
   then nothing of it is counted.  */
int mn_deadline_add (struct mn_deadline *d, const struct mn_record *rec,
                     const char *file, struct mn_error *e);

/* The header of the item list and of the warning list.  */
void mn_deadline_write_item_header (FILE *out);

/* The department table (a score table, minyi-formats(5)), one row per
   group in byte order of its keys, to OUT (borrowed); numbers to DIGITS
   significant digits, or 0: exact.  Returns 0, or -1 with E
   (MN_R_USAGE) when its layout cannot be made.  */
int mn_deadline_write_table (const struct mn_deadline *d, int digits,
                             FILE *out, struct mn_error *e);

/* The warning list: the open items, most urgent first (fewest working
   days left, the most overdue first; then the earliest deadline, the
   earliest receipt, the order read), to OUT (borrowed).  */
void mn_deadline_write_warnings (struct mn_deadline *d, FILE *out);

void mn_deadline_summary (const struct mn_deadline *d,
                          struct mn_deadline_summary *s);

#endif

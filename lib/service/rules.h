/* rules.h - the penalty rules of the electronic supervision: a small
   policy file, not constants in the code (minyi-formats(5), "Penalty
   rules").  */
#ifndef MINYI_RULES_H
#define MINYI_RULES_H

#include "base/errinfo.h"

struct mn_rules
{
  double item_points;   /* overdue_item_points: per item late or overdue */
  double day_points;    /* overdue_day_points: per working day beyond the
                           limit */
  long warn_days;       /* warn_days: an open item with this many working
                           days left or fewer is due soon */
  long closing;         /* closing_time: seconds after midnight from
                           which a receipt counts as the next working
                           day's */
};

/* Load the rules file PATH (borrowed; kept in E): columns "rule" and
   "value", one row for each of the four rules above (points finite and
   >= 0, warn_days a whole number 0..366, closing_time hh:mm).  A rule
   unknown, missing or given twice stops the load.  Returns 0, or -1
   with E.  */
int mn_rules_load (struct mn_rules *r, const char *path,
                   struct mn_error *e);

#endif

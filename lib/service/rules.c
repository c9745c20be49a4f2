/* rules.c - the penalty rules.  */
#include "service/rules.h"

#include <string.h>

#include "base/numparse.h"
#include "service/caltime.h"
#include "service/smallfile.h"
#include "base/i18n.h"

enum { R_ITEM, R_DAY, R_WARN, R_CLOSING, R_N };

static const char *const rule_name[R_N] = {
  "overdue_item_points", "overdue_day_points", "warn_days", "closing_time" };

struct rules_load
{
  struct mn_rules *r;
  unsigned long line[R_N];      /* where each rule was given, 0: not yet */
};

static int
rules_row (void *ctx, const struct mn_record *rec, const long *col,
           const char *file, struct mn_error *e)
{
  struct rules_load *rl = ctx;
  char rule[256], value[256];
  mn_small_field (rec, col[0], rule, sizeof rule);
  mn_small_field (rec, col[1], value, sizeof value);
  int k = 0;
  while (k < R_N && strcmp (rule, rule_name[k]) != 0)
    k++;
  if (k == R_N)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "unknown rule '%s' (rules: overdue_item_points, "
                         "overdue_day_points, warn_days, closing_time)",
                         rule);
  if (rl->line[k])
    return mn_error_set (e, file, rec->line, MN_R_DUPLICATE,
                         "rule '%s' is given twice (first on line %lu)",
                         rule, rl->line[k]);
  rl->line[k] = rec->line;
  double x;
  switch (k)
    {
    case R_ITEM:
    case R_DAY:
      /* Bounded, so that points times items or days stay finite: with
         1e308 a department's penalty overflowed to an empty cell.  */
      if (mn_parse_double (value, &x) != 0 || x < 0 || x > 1e6)
        return mn_error_set (e, file, rec->line, MN_R_BAD_NUMBER,
                             "%s '%s' is not a number 0..1000000", rule,
                             value);
      *(k == R_ITEM ? &rl->r->item_points : &rl->r->day_points) = x;
      break;
    case R_WARN:
      if (mn_parse_long (value, 0, 366, &rl->r->warn_days) != 0)
        return mn_error_set (e, file, rec->line, MN_R_BAD_NUMBER,
                             "warn_days '%s' is not a whole number 0..366",
                             value);
      break;
    default:
      if (mn_clock_parse (value, &rl->r->closing) != 0)
        return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                             "closing_time '%s' is not a time of day hh:mm",
                             value);
      break;
    }
  return 0;
}

int
mn_rules_load (struct mn_rules *r, const char *path, struct mn_error *e)
{
  static const struct mn_small_col cols[] = {
    { "rule", true }, { "value", true } };
  memset (r, 0, sizeof *r);
  struct rules_load rl = { .r = r };
  if (mn_small_read (path, _("penalty rules"), cols, 2, rules_row, &rl, e) < 0)
    return -1;
  for (int k = 0; k < R_N; k++)
    if (!rl.line[k])
      return mn_error_set (e, path, 0, MN_R_USAGE,
                           "the penalty rules do not give '%s'",
                           rule_name[k]);
  return 0;
}

/* fuzz-rules.c - libFuzzer target: the penalty rules
   (lib/service/rules.c, mn_rules_load); what is accepted is in range.  */
#include <math.h>
#include <stdint.h>

#include "service/caltime.h"
#include "service/rules.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_rules r;
  struct mn_error e = { 0 };
  if (mn_rules_load (&r, scratch_file (data, size), &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      return 0;
    }
  check (isfinite (r.item_points) && r.item_points >= 0
         && isfinite (r.day_points) && r.day_points >= 0, "points");
  check (r.warn_days >= 0 && r.warn_days <= 366, "warn_days");
  check (r.closing >= 0 && r.closing <= MN_DAY_SECONDS, "closing_time");
  return 0;
}

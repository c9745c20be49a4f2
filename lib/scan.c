/* scan.c - the record loop every program runs over an input.  */
#include "scan.h"

int
mn_scan_input (struct mn_input *in, const struct mn_scan *s,
               struct mn_tally *t, struct mn_error *e)
{
  struct mn_tally own = { 0 };
  unsigned long shown[MN_R_COUNT] = { 0 };
  struct mn_record rec;
  int rc;
  while ((rc = mn_input_next (in, &rec, e)) > 0)
    {
      own.read++;
      bool seen = false;        /* did ROW see the record? */
      if (s->whole)
        {
          *e = *s->whole;
          e->line = rec.line;
        }
      else if (rc == 1)
        {
          seen = true;
          if (s->row (s->ctx, &rec, e) == MN_SCAN_USE)
            {
              own.used++;
              continue;
            }
        }
      if (!seen && s->rejected)
        s->rejected (s->ctx, &rec, e);
      own.rejected++;
      own.reason[e->reason]++;
      mn_rejects_write (s->rejects, &rec, e);
      if (s->strict)
        {
          rc = -1;
          break;
        }
      if (!s->quiet && !s->whole)
        mn_diag_limited (e, shown);
    }
  if (rc == 0 && !s->quiet)
    mn_tally_print (&own, in->name);
  mn_tally_add (t, &own);
  return rc < 0 ? -1 : 0;
}

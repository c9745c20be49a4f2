/* reporter.c - counts, and handing what happened to the program's
   reporter.  Nothing here prints.  */
#include "prog/reporter.h"

void
mn_tally_add (struct mn_tally *to, const struct mn_tally *from)
{
  to->read += from->read;
  to->used += from->used;
  to->rejected += from->rejected;
  for (int i = 0; i < MN_R_COUNT; i++)
    to->reason[i] += from->reason[i];
}

void
mn_report_error (const struct mn_reporter *rp, const struct mn_error *e)
{
  if (rp && rp->error)
    rp->error (rp->ctx, e);
}

void
mn_report_opened (const struct mn_reporter *rp, const struct mn_input *in)
{
  if (rp && rp->opened)
    rp->opened (rp->ctx, in);
}

void
mn_report_rejected (const struct mn_reporter *rp, const struct mn_error *e,
                    const struct mn_tally *t)
{
  if (rp && rp->rejected)
    rp->rejected (rp->ctx, e, t);
}

void
mn_report_tally (const struct mn_reporter *rp, const char *what,
                 const struct mn_tally *t)
{
  if (rp && rp->tally)
    rp->tally (rp->ctx, what, t);
}

void
mn_report_progress (const struct mn_reporter *rp, const struct mn_input *in,
                    unsigned long long bytes, long long size,
                    const struct mn_tally *t, bool done)
{
  if (rp && rp->progress)
    rp->progress (rp->ctx, in, bytes, size, t, done);
}

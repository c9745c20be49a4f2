/* scan.c - the record loop over one input.  */
#include "prog/scan.h"

#include <sys/stat.h>

/* Records between two looks at the clock for a progress report.  */
#define PROGRESS_EVERY 4096

/* The size of IN's file when it is a regular one, else -1.  */
static long long
input_size (const struct mn_input *in)
{
  struct stat st;
  if (!in->fp || fstat (fileno (in->fp), &st) != 0 || !S_ISREG (st.st_mode))
    return -1;
  return (long long) st.st_size;
}

int
mn_scan_input (struct mn_input *in, const struct mn_scan *s,
               struct mn_tally *t, struct mn_error *e)
{
  struct mn_record rec;
  int rc;
  long long size = s->progress ? input_size (in) : -1;
  if (s->progress)
    mn_report_progress (s->rep, in, mn_reader_bytes (in->r), size, t, false);
  while ((rc = mn_input_next (in, &rec, e)) > 0)
    {
      t->read++;
      if (s->progress && t->read % PROGRESS_EVERY == 0)
        mn_report_progress (s->rep, in, mn_reader_bytes (in->r), size, t,
                            false);
      bool seen = false;        /* did ROW see the record? */
      if (s->whole)
        {
          *e = *s->whole;
          e->line = rec.line;
        }
      else
        {
          int r = s->header ? s->header (s->ctx, in, &rec, e) : MN_SCAN_USE;
          if (r == MN_SCAN_USE && rc == 1)
            {
              seen = true;
              r = s->row (s->ctx, in, &rec, e);
            }
          if (r == MN_SCAN_STOP)
            {
              rc = -1;
              break;
            }
          if (r == MN_SCAN_USE && seen)
            {
              t->used++;
              continue;
            }
          if (r == MN_SCAN_SKIP)
            {
              t->read--;
              continue;
            }
        }
      if (!seen && s->rejected)
        s->rejected (s->ctx, &rec, e);
      t->rejected++;
      t->reason[e->reason]++;
      mn_rejects_write (s->rejects, &rec, e);
      if (s->strict)
        {
          rc = -1;
          break;
        }
      if (!s->whole)
        mn_report_rejected (s->rep, e, t);
    }
  if (s->progress)
    mn_report_progress (s->rep, in, mn_reader_bytes (in->r), size, t, true);
  if (rc == 0)
    mn_report_tally (s->rep, in->name, t);
  return rc < 0 ? -1 : 0;
}

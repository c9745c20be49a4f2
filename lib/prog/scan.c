/* scan.c - the record loop over one input.  */
#include "prog/scan.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "prog/pipe.h"

/* Records between two looks at the clock for a progress report.  */
#define PROGRESS_EVERY 4096

/* A regular file with fewer bytes left is read on one thread (but
   MINYI_PIPE_MIN, for the tests).  */
#define PIPE_MIN ((unsigned long long) 1 << 20)

static unsigned long long
pipe_min (void)
{
  const char *s = getenv ("MINYI_PIPE_MIN");
  if (s && *s)
    {
      char *end;
      unsigned long long v = strtoull (s, &end, 10);
      if (!*end && *s != '-')
        return v;
    }
  return PIPE_MIN;
}

/* The size of IN's file when it is a regular one, else -1.  */
static long long
input_size (const struct mn_input *in)
{
  struct stat st;
  if (!in->fp || fstat (fileno (in->fp), &st) != 0 || !S_ISREG (st.st_mode))
    return -1;
  return (long long) st.st_size;
}

static bool
staged (const struct mn_scan *s)
{
  return s->prepare && s->finish;
}

int
mn_scan_first (struct mn_input *in, const struct mn_scan *s,
               const struct mn_record *rec, int rc, void *slot,
               struct mn_stash *st, struct mn_error *e)
{
  int r;
  if (s->whole)
    {
      *e = *s->whole;
      e->line = rec->line;
      r = MN_SCAN_REJECT;
    }
  else
    {
      r = s->header ? s->header (s->ctx, in, rec, e) : MN_SCAN_USE;
      if (r == MN_SCAN_USE && rc == 1)
        {
          return staged (s) ? s->prepare (s->ctx, in, rec, true, slot, st, e)
                            : s->row (s->ctx, in, rec, e);
        }
      if (r != MN_SCAN_USE)
        return r;
      r = MN_SCAN_REJECT;       /* unsound: E says why */
    }
  if (staged (s))
    s->prepare (s->ctx, in, rec, false, slot, st, e);
  else if (s->rejected)
    s->rejected (s->ctx, rec, e);
  return r;
}

int
mn_scan_settle (const struct mn_scan *s, const struct mn_record *rec,
                int r, void *slot, struct mn_tally *t,
                struct mn_error *e)
{
  if (r == MN_SCAN_STOP)
    return -1;
  if (r == MN_SCAN_SKIP)
    {
      t->read--;
      return 1;
    }
  if (staged (s))
    r = s->finish (s->ctx, rec, slot, r, e);
  if (r == MN_SCAN_USE)
    {
      t->used++;
      return 1;
    }
  t->rejected++;
  t->reason[e->reason]++;
  mn_rejects_write (s->rejects, rec, e);
  if (s->strict)
    return 0;
  if (!s->whole)
    mn_report_rejected (s->rep, e, t);
  return 1;
}

void
mn_scan_progress (const struct mn_scan *s, const struct mn_input *in,
                  unsigned long long bytes, long long size,
                  const struct mn_tally *t)
{
  /* The first record reports at once: the encoding guess may have read
     up to its window before it.  */
  if (s->progress && (t->read == 1 || t->read % PROGRESS_EVERY == 0))
    mn_report_progress (s->rep, in, bytes, size, t, false);
}

int
mn_scan_input (struct mn_input *in, const struct mn_scan *s,
               struct mn_tally *t, struct mn_error *e)
{
  long long size = input_size (in);
  if (s->progress)
    mn_report_progress (s->rep, in, mn_reader_bytes (in->r), size, t, false);
  /* Staged work goes a batch at a time (pipe.h), but not with --strict,
     which reads no further than the first rejected record; on two
     threads, but not for a small regular file, where starting one costs
     more than it saves (400 files of a few rows took three times as
     long).  */
  int rc = 1;
  if (staged (s) && s->threads >= 2 && !s->strict
      && (size < 0
          || (unsigned long long) size >= mn_reader_bytes (in->r)
                                           + pipe_min ()))
    rc = mn_pipe_input (in, s, size, t, e);
  if (rc == 1 && staged (s) && !s->strict)
    rc = mn_pipe_local (in, s, size, t, e);
  if (rc == 1)
    {
      struct mn_record rec;
      struct mn_stash st;
      mn_stash_init (&st, true);
      void *slot = staged (s) ? xmalloc (s->slot_size ? s->slot_size : 1)
                              : NULL;
      while ((rc = mn_input_next (in, &rec, e)) > 0)
        {
          t->read++;
          mn_scan_progress (s, in, mn_reader_bytes (in->r), size, t);
          int r = mn_scan_first (in, s, &rec, rc, slot, &st, e);
          if (slot && s->batch)
            s->batch (s->ctx, &slot, &r, 1);
          int go = mn_scan_settle (s, &rec, r, slot, t, e);
          mn_stash_clear (&st);
          if (go <= 0)
            {
              rc = -1;
              break;
            }
        }
      free (slot);
      mn_stash_release (&st);
    }
  if (s->progress)
    mn_report_progress (s->rep, in, mn_reader_bytes (in->r), size, t, true);
  if (rc == 0)
    mn_report_tally (s->rep, in->name, t);
  return rc < 0 ? -1 : 0;
}

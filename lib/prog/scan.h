/* scan.h - the record loop over one input.

   Read the records of an input to its end; hand each sound one to the
   program; send every record not used to the rejects file with its
   reason, count it, and tell the reporter; stop at the first with
   --strict.  Nothing here prints.  run.h drives this over a program's
   operands; a parallel run can call it on its own.  */
#ifndef MINYI_SCAN_H
#define MINYI_SCAN_H

#include <stdbool.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "io/rejects.h"
#include "prog/reporter.h"

/* What ROW says of a record.  */
enum
{
  MN_SCAN_USE = 0,              /* used */
  MN_SCAN_REJECT = -1,          /* rejected, E says why */
  MN_SCAN_SKIP = 1,             /* not a record (a header line repeated
                                   in concatenated tables): not counted */
  MN_SCAN_STOP = 2,             /* reading cannot go on, E says why (a
                                   table of another kind in concatenated
                                   ones) */
};

struct mn_scan
{
  /* Called for each sound record REC of IN; returns MN_SCAN_USE,
     MN_SCAN_SKIP or MN_SCAN_REJECT (with E filled).  IN and REC are valid only during
     the call.  */
  int (*row) (void *ctx, const struct mn_input *in,
              const struct mn_record *rec, struct mn_error *e);
  /* When not NULL, called first for every record, sound or not (a
     header line among concatenated tables may have another width):
     returns MN_SCAN_USE to go on with it as usual, MN_SCAN_SKIP or
     MN_SCAN_STOP.  ROW may return MN_SCAN_STOP too.  */
  int (*header) (void *ctx, const struct mn_input *in,
                 const struct mn_record *rec, struct mn_error *e);
  /* When not NULL, called for each record rejected without ROW seeing
     it (its structure, or WHOLE), so the program can count it too.  REC
     and E are valid only during the call.  */
  void (*rejected) (void *ctx, const struct mn_record *rec,
                    const struct mn_error *e);
  void *ctx;                    /* borrowed; passed to the callbacks */
  /* When not NULL (borrowed), a problem of the whole input (reported once by
     the caller): every record is rejected with it, without a report each.  */
  const struct mn_error *whole;
  struct mn_rejects *rejects;   /* borrowed */
  const struct mn_reporter *rep;  /* borrowed; NULL: say nothing */
  bool strict;
  bool progress;                /* report progress to REP (--progress) */
};

/* Run S over IN (both borrowed, not kept), adding the counts to T (the
   input's own, zeroed by the caller: the reporter sees it as the input's
   counts so far), and reporting them when IN is read to its end.
   Returns 0 at end of input; -1 when reading cannot go on (a callback
   said MN_SCAN_STOP), or when --strict stops at a rejected record (E
   says why).  */
int mn_scan_input (struct mn_input *in, const struct mn_scan *s,
                   struct mn_tally *t, struct mn_error *e);

#endif

/* scan.h - the record loop every program runs over an input.

   Read the records of an input to its end; hand each sound one to the
   program; send every record not used to the rejects file with its
   reason, count it, and report it (at most MN_DIAG_LIMIT messages a
   reason); stop at the first with --strict.  Like diag.h, this prints:
   it is the part of lib/ the programs share for talking to the user.  */
#ifndef MINYI_SCAN_H
#define MINYI_SCAN_H

#include <stdbool.h>

#include "diag.h"
#include "errinfo.h"
#include "input.h"
#include "rejects.h"

/* What ROW says of a record.  */
enum
{
  MN_SCAN_USE = 0,              /* used */
  MN_SCAN_REJECT = -1,          /* rejected, E says why */
};

struct mn_scan
{
  /* Called for each sound record; returns MN_SCAN_USE or MN_SCAN_REJECT
     (with E filled).  REC is valid only during the call.  */
  int (*row) (void *ctx, const struct mn_record *rec, struct mn_error *e);
  /* When not NULL, called for each record rejected without ROW seeing
     it (its structure, or WHOLE), so the program can count it too.  REC
     and E are valid only during the call.  */
  void (*rejected) (void *ctx, const struct mn_record *rec,
                    const struct mn_error *e);
  void *ctx;                    /* borrowed; passed to the callbacks */
  /* When not NULL (borrowed), a problem of the whole input (reported once by
     the caller): every record is rejected with it, without a message each.  */
  const struct mn_error *whole;
  struct mn_rejects *rejects;   /* borrowed */
  bool strict, quiet;
};

/* Run S over IN (both borrowed, not kept).  Adds the counts to T and, unless
   quiet, prints them for IN at the end.  Returns 0 at end of input; -1 when
   reading cannot go on, or when --strict stops at a rejected record (E says
   why).  */
int mn_scan_input (struct mn_input *in, const struct mn_scan *s,
                   struct mn_tally *t, struct mn_error *e);

#endif

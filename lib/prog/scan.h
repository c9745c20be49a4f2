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
#include "base/stash.h"
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

/* The two stages of a record's work (see PREPARE, FINISH and BATCH
   below).  */
typedef int mn_prepare_fn (void *ctx, const struct mn_input *in,
                           const struct mn_record *rec, bool sound,
                           void *slot, struct mn_stash *st,
                           struct mn_error *e);
typedef int mn_finish_fn (void *ctx, const struct mn_record *rec, void *slot,
                          int status, struct mn_error *e);
typedef void mn_batch_fn (void *ctx, void *const *slot, const int *status,
                          size_t n);

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
  /* Or the program's work on a record in two stages, which replace ROW
     and REJECTED when both are set (minyi-check: reading and preparing
     on one thread, finishing on another, prog/pipe.h).  PREPARE is
     called for every record HEADER lets through, in order: SOUND when
     it is a sound record, which it may then reject (MN_SCAN_REJECT with
     E filled; else MN_SCAN_USE); not SOUND for a record rejected before
     (its structure, or WHOLE), E saying why.  It writes what FINISH
     needs into SLOT (SLOT_SIZE bytes, aligned for any object), keeping
     any bytes that must outlive REC in ST (base/stash.h).  FINISH is
     then called with the record (its fields as read, not normalised),
     its SLOT and what PREPARE returned (with E when MN_SCAN_REJECT) in
     the same order, and returns MN_SCAN_USE or MN_SCAN_REJECT (E
     filled).
     Records are prepared a batch at a time (up to a few hundred), then
     finished; BATCH, when not NULL, is called on the thread that
     finishes them with the SLOT of each of the N records of the batch
     and what PREPARE returned for it (STATUS: MN_SCAN_USE, _REJECT,
     or _SKIP or _STOP without PREPARE), in order, before FINISH sees
     any: the second stage's work that goes faster a batch at a time
     than a record at a time (minyi-check's duplicate detection, which
     has the memory of many records asked for at once).  With STRICT
     (one record at a time) a batch is one record.  */
  mn_prepare_fn *prepare;
  mn_finish_fn *finish;
  mn_batch_fn *batch;
  size_t slot_size;
  /* With PREPARE and FINISH: 2 or more runs them on two threads (not
     with STRICT, which reads no further than the first rejected
     record).  */
  unsigned threads;
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

/* The loop's two halves, for prog/pipe.c.  mn_scan_first: what the
   program's first stage says of record REC, which mn_input_next
   returned with RC (1 or 2): MN_SCAN_USE, _REJECT (E filled), _SKIP or
   _STOP (E filled).
   mn_scan_settle: finish it (FINISH, with SLOT) and count it in T
   (whose READ counts it already), send it to the rejects file, report
   it; returns 1 to go on, 0 to stop (--strict) or -1 (_STOP).
   mn_scan_progress: report progress, when asked, at record T->read of
   IN, BYTES into the input, of SIZE bytes (-1: not known).  */
int mn_scan_first (struct mn_input *in, const struct mn_scan *s,
                   const struct mn_record *rec, int rc, void *slot,
                   struct mn_stash *st, struct mn_error *e);
int mn_scan_settle (const struct mn_scan *s, const struct mn_record *rec,
                    int r, void *slot, struct mn_tally *t,
                    struct mn_error *e);
void mn_scan_progress (const struct mn_scan *s, const struct mn_input *in,
                       unsigned long long bytes, long long size,
                       const struct mn_tally *t);

#endif

/* reporter.h - how lib/ tells the program what happened, without
   printing: the error records and counts of a run, handed to callbacks
   the program supplies.

   The core of lib/ (input, scan, run, ...) never prints; it calls a
   struct mn_reporter.  The programs' reporter, which writes the suite's
   messages on standard error, is in diag.h (the program layer); a
   parallel run or a report program can pass one of its own, or NULL for
   silence.  */
#ifndef MINYI_REPORTER_H
#define MINYI_REPORTER_H

#include <stdbool.h>

#include "base/errinfo.h"

struct mn_input;

/* Records read, used and rejected, with the rejections per reason.  */
struct mn_tally
{
  unsigned long read, used, rejected;
  unsigned long reason[MN_R_COUNT];
};

/* Add FROM (borrowed, unchanged) into TO.  */
void mn_tally_add (struct mn_tally *to, const struct mn_tally *from);

/* What a run reports.  Every callback may be NULL (nothing is said);
   their arguments are borrowed and valid only during the call.  CTX is
   passed to each.  */
struct mn_reporter
{
  /* A problem that stops the run or costs it an input, or a note on
     what a failed run left behind: always worth saying.  */
  void (*error) (void *ctx, const struct mn_error *e);
  /* IN was opened and its header read; IN->encoding, IN->guessed,
     IN->mixed and IN->bad_lines say how its bytes are read.  */
  void (*opened) (void *ctx, const struct mn_input *in);
  /* A record was rejected for E; T holds its input's counts so far,
     this record included (T->reason[E->reason] records of this kind).
     Not called for the records of an input rejected whole (its problem
     went once to ERROR), nor for the record --strict stops at (it goes
     to ERROR).  */
  void (*rejected) (void *ctx, const struct mn_error *e,
                    const struct mn_tally *t);
  /* The counts T of input WHAT, read to its end; or, with WHAT NULL, of
     all the inputs of a run of several, once its outputs are in place.  */
  void (*tally) (void *ctx, const char *what, const struct mn_tally *t);
  void *ctx;
  /* Progress through IN, when the run asks for it (--progress): BYTES
     of it read, of SIZE (-1: no regular file, the size unknown), and T
     its counts so far; called every so many records, and with DONE once
     at its end.  (Last, so that positional initialisers of the fields
     above stay valid.)  */
  void (*progress) (void *ctx, const struct mn_input *in,
                    unsigned long long bytes, long long size,
                    const struct mn_tally *t, bool done);
};

/* Call RP's callback (RP may be NULL, as may the callback).  */
void mn_report_error (const struct mn_reporter *rp, const struct mn_error *e);
void mn_report_opened (const struct mn_reporter *rp,
                       const struct mn_input *in);
void mn_report_rejected (const struct mn_reporter *rp,
                         const struct mn_error *e, const struct mn_tally *t);
void mn_report_tally (const struct mn_reporter *rp, const char *what,
                      const struct mn_tally *t);
void mn_report_progress (const struct mn_reporter *rp,
                         const struct mn_input *in, unsigned long long bytes,
                         long long size, const struct mn_tally *t,
                         bool done);

#endif

/* pipe.h - the record loop a batch at a time, on two threads or one,
   for a program whose work on a record comes in two stages (scan.h's
   PREPARE, FINISH and BATCH).

   A reader thread reads the records, has the program's first stage
   prepare each, and copies the record and what was prepared into
   batches (a ring of a few, so that memory does not grow with the
   rows); the caller's thread takes the batches in turn, has the second
   stage finish each record, and does all the loop does with it: the
   counts, the rejects file, the messages, the progress report.  Both
   stages see every record in file order, and everything written or
   said happens on the caller's thread in that order, so nothing a run
   writes or says depends on the threads: the same bytes as the loop on
   one thread.  On one thread (mn_pipe_local) the same batches are
   read, prepared and finished in turn.

   The program's state must be split between its stages: what PREPARE
   touches, FINISH does not, except through what PREPARE handed on (the
   slot, and the stash's bytes), or a value PREPARE made once and never
   changes again.  */
#ifndef MINYI_PIPE_H
#define MINYI_PIPE_H

#include "base/errinfo.h"
#include "io/input.h"
#include "prog/scan.h"

/* Run S (with PREPARE and FINISH) over the rest of IN on two threads,
   as mn_scan_input does on one: the counts into T, the progress
   reported with SIZE (the input's size, -1: not known).  Returns 0 at
   end of input, -1 when reading cannot go on (E says why), or 1 when
   no thread could be started (nothing read: the caller reads IN
   itself).  */
int mn_pipe_input (struct mn_input *in, const struct mn_scan *s,
                   long long size, struct mn_tally *t, struct mn_error *e);

/* The same on the caller's thread: returns 0 or -1.  */
int mn_pipe_local (struct mn_input *in, const struct mn_scan *s,
                   long long size, struct mn_tally *t, struct mn_error *e);

#endif

/* parallel.h - one large regular file read by several threads.

   The file is cut into byte ranges, each starting just after a line
   end; each range is read by a thread of its own into a partial of the
   program's context (run.h's FORK), and the partials are folded into
   the context (MERGE) once all are read.  The rejected records of each
   range, their rows and messages, are held in temporary files and
   handed on in file order, with the counts a single thread would have
   had, so that nothing a run writes or says depends on the threads.

   A cut may fall inside a quoted field that holds a line break: the
   range before it then does not end between two records, which is
   seen once it is read, and the whole file is read again on one
   thread.  So is it when anything a range did depends on what came
   before it: an error that ends reading, a line not UTF-8 in an input
   guessed UTF-8 from its start (input.h).  Nothing of the parallel
   attempt is kept then.  */
#ifndef MINYI_PARALLEL_H
#define MINYI_PARALLEL_H

#include "base/errinfo.h"
#include "io/input.h"
#include "prog/run.h"

/* Read the rest of IN, operand RI of RUN, opened and bound (all
   borrowed), on RUN->threads threads, as run.c's record loop would on
   one: the records to RUN->row through partials, the counts into RI->t,
   rejected rows to the rejects file and reported.  Returns 0 when done;
   1 when IN is to be read on one thread (a pipe, a small file, an
   encoding whose bytes could hide a line end, --strict, a header hook
   (run.h's HEADER, which sees records in order), or an attempt
   given up as above), IN then untouched and nothing said; -1 with E
   when the ranges' rejects cannot be read back.  */
int mn_parallel_input (struct mn_run *run, struct mn_run_input *ri,
                       struct mn_input *in, struct mn_error *e);

#endif

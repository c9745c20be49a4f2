/* diag.h - the programs' messages on standard error.

   This is the program layer, like common.h: the one part of lib/ that
   prints.  The core of lib/ reports through a struct mn_reporter
   (reporter.h) and error records; the reporters here turn them into the
   suite's format, error_at_line(3)'s "minyi-PROG:FILE:LINE: message".  */
#ifndef MINYI_DIAG_H
#define MINYI_DIAG_H

#include "base/errinfo.h"
#include "prog/reporter.h"

/* Print E (borrowed) on standard error: "PROG:FILE:LINE: MSG", "PROG: FILE:
   MSG" without a line, "PROG: MSG" without a file.  */
void mn_diag (const struct mn_error *e);

/* Print "PROG: WHAT: R records, U used, J rejected (code N, ...)".  T
   and WHAT are borrowed.  */
void mn_tally_print (const struct mn_tally *t, const char *what);

/* The reporters of the programs (static, shared, never changed).
   MN_REPORTER_STDERR prints every error; each rejected record, at most
   MN_DIAG_LIMIT messages a reason and input (a file in the wrong
   encoding would otherwise print a line per row), saying so the first
   time one is held back; how an input's encoding was guessed; and the
   counts of each input and, for several, of all of them.
   MN_REPORTER_STDERR_QUIET (--quiet) prints the errors only.  */
#define MN_DIAG_LIMIT 10
extern const struct mn_reporter mn_reporter_stderr;
extern const struct mn_reporter mn_reporter_stderr_quiet;

#endif

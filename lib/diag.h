/* diag.h - printing messages for the programs.

   The rest of lib/ never prints; this module is what the programs in
   cmd/ share to turn an error record into the suite's message format,
   error_at_line(3)'s "minyi-PROG:FILE:LINE: message".  */
#ifndef MINYI_DIAG_H
#define MINYI_DIAG_H

#include "errinfo.h"

/* Print E on standard error: "PROG:FILE:LINE: MSG", "PROG: FILE: MSG"
   without a line, "PROG: MSG" without a file.  */
void mn_diag (const struct mn_error *e);

/* Counts per reason, for a summary.  */
struct mn_tally
{
  unsigned long read, used, rejected;
  unsigned long reason[MN_R_COUNT];
};

void mn_tally_add (struct mn_tally *to, const struct mn_tally *from);

/* Print "PROG: WHAT: R records, U used, J rejected (code N, ...)".  */
void mn_tally_print (const struct mn_tally *t, const char *what);

#endif

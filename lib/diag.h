/* diag.h - printing messages for the programs.

   The rest of lib/ never prints; this module is what the programs in
   cmd/ share to turn an error record into the suite's message format,
   error_at_line(3)'s "minyi-PROG:FILE:LINE: message".  */
#ifndef MINYI_DIAG_H
#define MINYI_DIAG_H

#include <stdbool.h>

#include "errinfo.h"

/* Print E (borrowed) on standard error: "PROG:FILE:LINE: MSG", "PROG: FILE:
   MSG" without a line, "PROG: MSG" without a file.  */
void mn_diag (const struct mn_error *e);

/* Print E for a rejected record, unless MN_DIAG_LIMIT messages of E's reason
   were printed for this input already; the first time one is held back, say
   so.  COUNT (the caller's MN_R_COUNT counters, zeroed by the caller for each
   input, borrowed) keeps the tally.  A file in the wrong encoding would
   otherwise print a line per row.  */
#define MN_DIAG_LIMIT 10
void mn_diag_limited (const struct mn_error *e, unsigned long *count);

struct mn_input;

/* Say how input IN (borrowed) was read when its encoding was guessed (GB18030,
   or UTF-8 with some lines that are not), unless QUIET.  */
void mn_input_note_encoding (const struct mn_input *in, bool quiet);

/* Counts per reason, for a summary.  */
struct mn_tally
{
  unsigned long read, used, rejected;
  unsigned long reason[MN_R_COUNT];
};

/* Add FROM (borrowed, unchanged) into TO.  */
void mn_tally_add (struct mn_tally *to, const struct mn_tally *from);

/* Print "PROG: WHAT: R records, U used, J rejected (code N, ...)".  T
   and WHAT are borrowed.  */
void mn_tally_print (const struct mn_tally *t, const char *what);

#endif

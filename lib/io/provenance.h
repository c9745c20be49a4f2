/* provenance.h - how a table was made, in a sidecar file that travels
   with it.

   A score table carries its interval method and level in every row (so
   they survive cut, sort, join and Excel); the rest of what a committee
   report must print -- the program and its version, the date of the run,
   the command, the codebook, each input with its records used and
   rejected -- goes to a small CSV beside it (minyi-formats(5),
   "Provenance file"): two columns, field and value, one fact a row, in a
   fixed order.  The date honours SOURCE_DATE_EPOCH (reproducible
   builds' convention), so that a run can be repeated byte for byte.  */
#ifndef MINYI_PROVENANCE_H
#define MINYI_PROVENANCE_H

#include <stdio.h>

#include "base/errinfo.h"

/* One input file and what became of its records.  */
struct mn_prov_input
{
  const char *name;             /* borrowed: as shown in messages */
  const char *encoding;         /* borrowed: what it was read as */
  unsigned long records, used, rejected;
};

struct mn_prov
{
  const char *program;          /* borrowed: "minyi-score" */
  const char *version;          /* borrowed */
  const char *date;             /* borrowed: from mn_prov_date */
  int argc;
  char **argv;                  /* borrowed: the command line */
  size_t ninput;
  const struct mn_prov_input *input;    /* borrowed: NINPUT inputs */
  const char *columns;          /* borrowed: the columns file, or NULL */
  const char *columns_sha256;   /* borrowed: its SHA-256 in hex */
  size_t nfact;
  const char *const *fact;      /* borrowed: NFACT (field, value) pairs
                                   after the inputs, 2 * NFACT strings */
};

/* The date of the run in ISO 8601 UTC, "2026-11-29T19:00:00Z", from
   SOURCE_DATE_EPOCH when it is set to a whole number of seconds, else
   the clock, into BUF (at least 32 bytes).  Returns 0, or -1 with E
   when SOURCE_DATE_EPOCH is set but no such number.  */
int mn_prov_date (char *buf, size_t size, struct mn_error *e);

/* Write P to OUT (borrowed, not closed): the header "field,value", then
   format, program, version, date, command, one group of rows per input
   (input, input_encoding, input_records, input_used, input_rejected),
   the totals, the columns file and its SHA-256 (both empty without
   one), then P's facts.  */
void mn_prov_write (const struct mn_prov *p, FILE *out);

/* The provenance file's path: META when not NULL (the --meta option),
   else OUTPUT with ".meta.csv" appended when OUTPUT names a file (not
   NULL, not "-"), else NULL: none.  Both borrowed; the caller frees the
   result.  */
char *mn_prov_path_for (const char *meta, const char *output);

#endif

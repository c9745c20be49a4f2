/* tableopts.h - the options of the programs that write score tables
   (minyi-score, minyi-merge): --digits, --partial, --meta, as an argp
   child beside the common options, and the provenance file they write.  */
#ifndef MINYI_TABLEOPTS_H
#define MINYI_TABLEOPTS_H

#include <argp.h>
#include <stdbool.h>
#include <stdio.h>

#include "prog/common.h"
#include "prog/run.h"

struct mn_table_opts
{
  int digits;           /* --digits: 1..17, or 0: numbers that read back */
  bool partial;         /* --partial */
  const char *meta;     /* --meta, borrowed from argv; NULL: beside -o */
  char date[64];        /* of the run (SOURCE_DATE_EPOCH), set by
                           mn_table_check when provenance is written */
  const char *kind;     /* the provenance's "table": NULL, "score" or
                           "partial" by --partial; or the program's word
                           ("adjusted"), static */
};

/* The common options and these, for a program's struct argp: hand the
   program's struct mn_common_opts down as state->child_inputs[0] and its
   struct mn_table_opts (zeroed) as child_inputs[1] and [2] (--partial),
   and the struct mn_common_opts again as child_inputs[3] (-f, --format,
   --output-encoding: mn_tabfmt_argp).  The end of parsing refuses
   --digits with --partial.  */
extern const struct argp_child mn_table_children[];

/* The same, then --progress (mn_progress_argp): child_inputs[4] the
   struct mn_common_opts again.  */
extern const struct argp_child mn_table_progress_children[];

/* The same without --partial, for programs whose tables have no partial
   form (minyi-adjust): child_inputs[0] and [1] as above, [2] the
   struct mn_common_opts again.  */
extern const struct argp_child mn_table_children_exact[];

/* For the program's ARGP_KEY_END: when a provenance file is written
   (T->meta or the one beside C's -o), set T->date (SOURCE_DATE_EPOCH or
   the clock) and refuse a SOURCE_DATE_EPOCH that is no number of
   seconds, and a provenance file that is standard output or the file of
   -o or --rejects.  */
void mn_table_check (struct mn_table_opts *t,
                     const struct mn_common_opts *c,
                     struct argp_state *state);

/* The provenance file's path for a table written to OUTPUT (borrowed;
   NULL or "-": standard output): T->meta, else OUTPUT.meta.csv, else
   NULL (none).  The caller frees it.  */
char *mn_table_meta_path (const struct mn_table_opts *t, const char *output);

/* The N names V[] joined by '|', for a provenance value (caller
   frees); "" when N is 0.  */
char *mn_table_join_names (char *const *v, size_t n);

/* Write the provenance of a table that PROGRAM (borrowed) made in RUN,
   called as ARGV (ARGC words), to OUT (borrowed): the inputs of RUN,
   then "table" and "digits" from T, then the NFACT (field, value) pairs
   of FACT (2 * NFACT borrowed strings).  */
void mn_table_write_meta (const struct mn_table_opts *t,
                          const char *program, int argc, char **argv,
                          const struct mn_run *run, const char *const *fact,
                          size_t nfact, FILE *out);

#endif

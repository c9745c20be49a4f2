/* adjust.h - what minyi-adjust adds to a score table: each row's rate
   shrunk towards its stratum's empirical-Bayes prior, and its place in
   the funnel of the table's rates around a target.

   The rows of the score tables read are kept (their text, their counts
   and their stratum), since the prior of a stratum is fitted to all its
   rows before any row's posterior is known: memory grows with the rows
   of the score table (cadres), not with the survey's records.  */
#ifndef MINYI_ADJUST_H
#define MINYI_ADJUST_H

#include <stdbool.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "io/reader.h"
#include "stats/betabin.h"
#include "stats/funnel.h"

struct mn_adjust_opts
{
  enum mn_bb_method prior;      /* --prior: ml (default) or mm */
  const char *by;               /* --by COLUMN: strata, or NULL */
  double level;                 /* posterior level; NaN: the table's */
  double target;                /* --target; NaN: the overall rate */
  enum mn_funnel_inflation inflation;   /* --overdispersion */
};

struct mn_adjuster;

/* An adjuster with the options O (copied; O->by borrowed, must outlive
   it).  Free with mn_adjuster_free.  */
struct mn_adjuster *mn_adjuster_new (const struct mn_adjust_opts *o);
void mn_adjuster_free (struct mn_adjuster *a);

/* Read the header of score table IN (borrowed, not kept): the first
   table's columns are the output's, and every later table must have the
   same.  A table adjusted already, or without the --by column, is
   refused.  Returns 0, or -1 with E.  */
int mn_adjuster_bind (struct mn_adjuster *a, struct mn_input *in,
                      struct mn_error *e);

/* Add row REC (borrowed, not kept) of the table last bound, named FILE:
   checked by the score-table reader and kept.  Returns 0, or -1 with E
   (the row is then not kept).  */
int mn_adjuster_add (struct mn_adjuster *a, const struct mn_record *rec,
                     const char *file, struct mn_error *e);

/* Fit the priors of the strata and the table's overdispersion, once
   every row is in.  Returns 0, or -1 with E (no row, or a fit that
   cannot be made).  */
int mn_adjuster_fit (struct mn_adjuster *a, struct mn_error *e);

/* Write the adjusted table to OUT (borrowed): the rows as read, in the
   order read, each followed by the adjusted columns (minyi-formats(5));
   numbers as mn_num_format writes them with DIGITS.  After
   mn_adjuster_fit.  */
void mn_adjuster_write (const struct mn_adjuster *a, int digits, FILE *out);

/* Write the funnels' limits curves to OUT (borrowed), stratum by
   stratum: n from 1 to the largest n of the stratum, every n up to 20
   then about 200 sizes spaced evenly on a log scale, with the limits as
   the table's rows have them and the exact ones.  */
void mn_adjuster_write_limits (const struct mn_adjuster *a, FILE *out);

/* What the fit found, for the provenance and the program's messages.  */
struct mn_adjust_summary
{
  size_t rows, strata;
  size_t pooled, separate;      /* strata pooled or left separate */
  bool target_from_data;        /* each stratum's overall rate */
  double level;
  bool weighted;                /* effective counts were shrunk */
};

void mn_adjuster_summary (const struct mn_adjuster *a,
                          struct mn_adjust_summary *s);

/* The prior of stratum I (0 <= I < strata; NULL when its rows have no
   answer), its name (borrowed from A), its funnel's target and
   overdispersion (*OD NULL when not estimated: fewer than two rows with
   answers).  */
const struct mn_bb_fit *mn_adjuster_stratum (const struct mn_adjuster *a,
                                             size_t i, const char **name,
                                             double *target,
                                             const struct mn_funnel_od **od);

#endif

/* margins.h - the margins file: population totals for raking and
   post-stratification (minyi-weight(1), minyi-formats(5)).

   A CSV file, UTF-8, with the header "variable,category,population" (in
   any order, names matched as mn_header_find does).  Each row gives the
   population total of one category of one survey column.  A variable
   may join several columns with '*' ("township*respondent_type"), its
   categories then joining one value of each with '*' ("城关镇*villager"):
   the cells of their full cross-classification.  Variables keep the
   order of their first row; categories the order of their rows.  */
#ifndef MINYI_MARGINS_H
#define MINYI_MARGINS_H

#include <stdio.h>

#include "base/errinfo.h"
#include "io/reader.h"

struct mn_groups;

/* One margin variable.  */
struct mn_margin_var
{
  char *name;             /* owned: as written, e.g. "A*B" */
  size_t nparts;          /* columns it joins, >= 1 */
  char **part;            /* owned: NPARTS column names */
  size_t ncat;            /* categories */
  char **cat;             /* owned: NCAT labels as written, e.g. "1*2" */
  double *pop;            /* owned: NCAT population totals, each > 0 */
  unsigned long *line;    /* owned: NCAT lines of the margins file */
  struct mn_groups *index;/* owned: parts joined by NUL -> category */
  /* All owned by the margins, freed by mn_margins_release.  */
};

struct mn_margins
{
  size_t nvar;
  struct mn_margin_var *var;  /* owned */
};

/* Read the margins file FP (borrowed, not closed) named NAME (borrowed,
   for messages) with reader options RO (may be NULL).  Returns 0, or -1
   with E naming the line: a missing column in the header, a ragged row,
   an empty variable or category, a category with the wrong number of
   '*'-joined parts, a population that is not a positive finite number,
   a (variable, category) given twice, no rows at all.  On failure M is
   left empty (nothing to release); on success the caller releases M with
   mn_margins_release.  */
int mn_margins_load (struct mn_margins *m, FILE *fp, const char *name,
                     const struct mn_reader_options *ro,
                     struct mn_error *e);

/* The index of V's (borrowed) category whose parts are the NPARTS strings
   VAL[i] of lengths LEN[i] (borrowed, not kept), or -1 when V has no such
   category.  Values are compared after trimming ASCII blanks, as at load.  */
long mn_margins_find (const struct mn_margin_var *v, const char *const *val,
                      const size_t *len);

/* Free M's contents (not M itself); M is left empty.  */
void mn_margins_release (struct mn_margins *m);

#endif

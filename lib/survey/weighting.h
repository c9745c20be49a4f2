/* weighting.h - survey rows folded into weighting classes: what
   minyi-weight rakes or post-stratifies.

   A class is one category of every margin variable, one township (for
   the per-township diagnostics) and one base weight; its rows share a
   final weight.  Memory grows with the classes, not the rows as such:
   base weights are usually constant within a village, so classes stay
   few; base weights that differ on every row make a class of each.  */
#ifndef MINYI_WEIGHTING_H
#define MINYI_WEIGHTING_H

#include <stddef.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "io/normrec.h"
#include "survey/margins.h"
#include "base/na.h"
#include "stats/rake.h"

struct mn_groups;

struct mn_weighting
{
  const struct mn_margins *m;   /* borrowed */
  const struct mn_na *na;       /* borrowed */
  const char *base_spec;        /* borrowed: base-weight column, or NULL:
                                   1 */
  const char *wcol;             /* borrowed: name of the weight column
                                   written */
  /* Everything below is owned by W, freed by mn_weighting_release.  */
  /* Columns of the bound input.  */
  long **col;                   /* col[v][i]: column of part i of var v */
  long base_col, weight_col, town_col;
  /* The classes, in the order first seen.  */
  struct mn_groups *classes;    /* key -> class index + 1 */
  size_t nclass, class_cap;
  size_t *cat;                  /* NCLASS * NVAR category indices */
  double *base, *count;         /* per class: base weight, rows */
  size_t *town;                 /* per class: township index or SIZE_MAX */
  struct mn_groups *towns;      /* township -> index + 1 */
  char **town_name;             /* township index -> name */
  size_t ntown, town_cap;
  /* Scratch for one row (VAL points into the current record).  */
  char *key;
  size_t key_cap;
  size_t *rowcat;
  const char **val;
  size_t *vlen;
  struct mn_normrec norm;       /* the margin, base and township cells in
                                   NFKC */
};

/* Set W up for margins M and missing-value list NA, base weights in
   column BASE (NULL: every base weight 1), the weights to be written to
   column WCOL.  All four are borrowed and kept: they must outlive W.
   Release W with mn_weighting_release.  */
void mn_weighting_init (struct mn_weighting *w, const struct mn_margins *m,
                        const struct mn_na *na, const char *base,
                        const char *wcol);
/* Free what W owns (not W, nor what it borrows).  */
void mn_weighting_release (struct mn_weighting *w);

/* Resolve the columns in IN's header: every margin column, the base
   weight, the weight column when the survey already has it, and a
   "township" column when there is one.  IN is borrowed, not kept.
   Returns 0, or -1 with E (a
   column missing, or the weight column being one the weights are
   computed from).  */
int mn_weighting_bind (struct mn_weighting *w, const struct mn_input *in,
                       struct mn_error *e);

/* Pass 1: add the sound record REC (borrowed, not kept) of the bound input
   named FILE (set in E, not copied) to its class.  Returns the class index, or
   -1 when the row is rejected, with E (an empty margin cell, a category with
   no population, a bad base weight).  */
long mn_weighting_add (struct mn_weighting *w, const struct mn_record *rec,
                       const char *file, struct mn_error *e);

/* Pass 2: the class of REC, as mn_weighting_add found it; REC and FILE
   as there.  Returns the
   index; -1 when the row is rejected (E says why, as in pass 1); -2
   when it belongs to no class seen in pass 1 (the input changed).  */
long mn_weighting_find (struct mn_weighting *w, const struct mn_record *rec,
                        const char *file, struct mn_error *e);

/* The raking problem of W's classes, in *P; its margin and class arrays
   are allocated, and freed by mn_weighting_problem_release.  What they
   point to is borrowed from W and its margins: P is valid until either
   is released or a row is added to W.  */
void mn_weighting_problem (const struct mn_weighting *w,
                           struct mn_rake_problem *p);
void mn_weighting_problem_release (struct mn_rake_problem *p);

/* Whether the final weights WT of W's classes are weights the rest of
   the suite accepts (MN_WEIGHT_MIN..MN_WEIGHT_MAX of numparse.h): extreme
   base weights or margins can drive raking beyond.  Returns 0, or -1
   with E giving the first weight out of bounds.  */
int mn_weighting_check (const struct mn_weighting *w, const double *wt,
                        struct mn_error *e);

/* The townships seen, as indices into W->town_name in byte order of
   their names (caller frees the array with free; W->ntown entries).  */
size_t *mn_weighting_towns (const struct mn_weighting *w);

/* The summary (mn_weight_summary) of the weights of township T's rows,
   WT being the final weight of every class.  Returns 0, or -1 when the
   township has no rows.  */
int mn_weighting_town_summary (const struct mn_weighting *w,
                               const double *wt, size_t t,
                               struct mn_weight_summary *s);

#endif

/* rake.h - survey weighting: raking, post-stratification, trimming.

   The weighting engine of minyi-weight.  It works on classes, never on
   rows: the caller aggregates its survey rows into classes (one category
   per margin variable and one base weight) and the memory used here
   grows with the number of classes and categories only.  Every unit of
   a class receives the same final weight.

   Nothing here prints or exits.  Each function returns 0 or -1 and
   describes a failure in the struct mn_error the caller passes, naming
   variables, categories and classes by their 0-based indices; the same
   indices are left in the result (bad_var, bad_cat, bad_class) so that
   the caller can word its own message with the names behind them.  */
#ifndef MINYI_RAKE_H
#define MINYI_RAKE_H

#include <stddef.h>

#include "base/errinfo.h"

/* One class: the sample units sharing a category of every margin
   variable and a base weight.  */
struct mn_rake_class
{
  const size_t *cat;    /* borrowed: NVAR category indices, 0-based */
  double base;          /* base (design) weight of each unit, > 0 */
  double count;         /* number of units in the class, > 0 */
};

/* The population totals of one margin variable.  */
struct mn_rake_margin
{
  size_t ncat;            /* number of categories, >= 1 */
  const double *target;   /* borrowed: NCAT population totals, each > 0 */
};

struct mn_rake_problem
{
  size_t nvar;                          /* margin variables, >= 1 */
  const struct mn_rake_margin *margin;  /* borrowed: NVAR margins */
  size_t nclass;                        /* classes, >= 1 */
  const struct mn_rake_class *cls;      /* borrowed: NCLASS classes */
};

struct mn_rake_options
{
  double tol;           /* stop when max |total - target| / target <= TOL;
                           default 1e-10 */
  unsigned maxit;       /* raking sweeps per (re-)raking; default 100 */
  double total_tol;     /* largest relative disagreement allowed between
                           the grand totals of the margins, default 1e-6;
                           margins within it are scaled to the first
                           margin's total */
  double lo_ratio;      /* trimming: lower bound on w / mean weight, in
                           [0, 1]; 0 = no lower bound (the default) */
  double hi_ratio;      /* trimming: upper bound on w / mean weight, 0 or
                           >= 1; 0 = no upper bound (the default) */
  double bound_slack;   /* relative slack allowed on the trimming bounds;
                           default 1e-9 */
  unsigned max_trim;    /* trimming rounds (clamp, re-rake); default 1000 */
};

/* What went wrong, for callers that branch on it (the message in the
   struct mn_error says the same in words).  */
enum mn_rake_status
{
  MN_RAKE_OK = 0,
  MN_RAKE_E_OPTIONS,      /* an option out of range */
  MN_RAKE_E_EMPTY,        /* no variables or no classes; or, for
                             mn_poststratify, not exactly one variable */
  MN_RAKE_E_TARGET,       /* a target not positive and finite; or a margin
                             with no categories */
  MN_RAKE_E_TOTALS,       /* margins' grand totals disagree */
  MN_RAKE_E_BASE,         /* a base weight not positive and finite */
  MN_RAKE_E_COUNT,        /* a class count not positive and finite */
  MN_RAKE_E_NO_TARGET,    /* a sample category with no population target */
  MN_RAKE_E_NO_SAMPLE,    /* a population category with no sample */
  MN_RAKE_E_NOT_CONVERGED,/* margins not within TOL after MAXIT sweeps */
  MN_RAKE_E_TRIM          /* bounds and margins not both met after
                             MAX_TRIM rounds */
};

struct mn_rake_result
{
  double *w;              /* NCLASS final unit weights in class order, or
                             NULL; freed by mn_rake_result_release */
  enum mn_rake_status status;
  unsigned sweeps;        /* raking sweeps, over all trimming rounds */
  unsigned trim_rounds;   /* times the weights were clamped and re-raked */
  double total;           /* grand total of the first margin, to which the
                             others are scaled */
  double max_rel_err;     /* largest relative margin error at the end
                             (against the scaled targets) */
  size_t worst_var;       /* where MAX_REL_ERR is */
  size_t worst_cat;
  int converged;          /* MAX_REL_ERR <= TOL */
  int bounds_hold;        /* every weight within the trimming bounds (with
                             the slack); 1 when there are no bounds */
  double mean;            /* mean unit weight: sum of count * w / sum of
                             count */
  double min_ratio;       /* smallest and largest w / MEAN */
  double max_ratio;
  size_t bad_var;         /* where an input error was found, or the */
  size_t bad_cat;         /* margin left unmet, or (bad_class) the */
  size_t bad_class;       /* weight furthest outside the trimming bounds;
                             SIZE_MAX when not applicable */
};

/* Set O to the defaults.  */
void mn_rake_options_init (struct mn_rake_options *o);

/* Rake the base weights of P to its margins by iterative proportional fitting,
   then trim them when O asks for bounds.  O may be NULL for the defaults.  P
   and O are borrowed, not kept.  R is always initialised, whatever the status:
   release it with mn_rake_result_release.  Returns 0 when the margins (and the
   bounds) hold; -1 with E filled and R->status set otherwise.  On
   MN_RAKE_E_NOT_CONVERGED and MN_RAKE_E_TRIM, R->w holds the last weights and
   R the figures; on input errors R->w is NULL.  */
int mn_rake (const struct mn_rake_problem *p, const struct mn_rake_options *o,
             struct mn_rake_result *r, struct mn_error *e);

/* Post-stratify: P has exactly one variable, whose categories are the
   cells of the full cross-classification (mn_rake_cell numbers them),
   and each class's weight is multiplied by target[cell] / (sum of base *
   count over the cell).  Trimming, status, ownership and R as for
   mn_rake.  */
int mn_poststratify (const struct mn_rake_problem *p,
                     const struct mn_rake_options *o,
                     struct mn_rake_result *r, struct mn_error *e);

/* The cell of the cross-classification of NVAR variables with NCAT[v]
   categories each that holds categories CAT[0..NVAR-1], the first
   variable varying fastest (R's table order): CAT[0] + NCAT[0] * (CAT[1]
   + NCAT[1] * (...)).  The caller checks CAT[v] < NCAT[v].  NCAT and CAT
   are borrowed.  */
size_t mn_rake_cell (size_t nvar, const size_t *ncat, const size_t *cat);

/* Free R's contents; R may then be reused.  */
void mn_rake_result_release (struct mn_rake_result *r);

/* Diagnostics over units, each class weight W[i] counted COUNT[i] times
   (COUNT may be NULL: one unit per class).  Kish (1965), Survey Sampling,
   section 11.7: design effect of unequal weighting deff = n * sum w^2 /
   (sum w)^2, effective sample size (sum w)^2 / sum w^2.  */
struct mn_weight_summary
{
  double n;             /* units: sum of COUNT */
  double min;           /* smallest unit weight */
  double median;        /* median unit weight (mean of the two middle
                           units when n is even) */
  double max;           /* largest unit weight */
  double sum;           /* sum of unit weights */
  double deff;          /* Kish design effect */
  double neff;          /* Kish effective sample size */
};

/* Fill the caller's S from the N classes (W and COUNT borrowed, not
   kept).  Returns 0, or -1 with E filled when N is 0
   or a weight or count is negative or not finite, or every count (or
   every weight) is zero.  */
int mn_weight_summary (const double *w, const double *count, size_t n,
                       struct mn_weight_summary *s, struct mn_error *e);

#endif

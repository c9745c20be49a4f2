/* wstats.h - survey-weighted estimates for one group, and the composite
   of respondent groups with fixed shares.  */
#ifndef MINYI_WSTATS_H
#define MINYI_WSTATS_H

#include <stdbool.h>
#include <stddef.h>

#include "stats/prop.h"

/* Additive sufficient statistics of weighted observations (w_i, y_i) of
   one group.  Every field is a plain sum over the observations, so two
   accumulators merge exactly by adding field by field, whatever the
   order or sharding of the input; the score table's partial form stores
   these six numbers.  Zero-initialise (an all-zero struct is the empty
   group).  Memory is O(1) per group.

   No sum of w y^2 is kept: nothing computed here needs it (the
   linearisation variance uses the squared weights only).  */
struct mn_wsum
{
  double n;       /* number of observations */
  double sw;      /* sum of w */
  double sw2;     /* sum of w^2 (Kish n_eff and design effect) */
  double swy;     /* sum of w y (Hajek numerator) */
  double sw2y;    /* sum of w^2 y (linearisation variance) */
  double sw2y2;   /* sum of w^2 y^2 (linearisation variance) */
};

/* Add one observation Y with weight W.  W must be positive and finite
   and Y finite: the caller rejects other rows (MN_R_BAD_WEIGHT) before
   they reach the sums, which cannot be undone.  */
void mn_wsum_add (struct mn_wsum *s, double w, double y);

/* Add the sums of B into A (B borrowed, unchanged).  */
void mn_wsum_merge (struct mn_wsum *a, const struct mn_wsum *b);

/* Hajek ratio estimate of the mean, sum w y / sum w; NaN when empty.
   For a 0/1 variable this is the weighted proportion.  */
double mn_wsum_mean (const struct mn_wsum *s);

/* Taylor-linearisation standard error of the Hajek mean for a
   with-replacement single-stage design with weights only,

     sqrt (n / (n - 1) * sum w_i^2 (y_i - m)^2) / sum w,

   as R survey's svymean gives for svydesign (ids = ~1, weights = ~w).
   NaN when n < 2.  */
double mn_wsum_se (const struct mn_wsum *s);

/* Kish (1965) effective sample size (sum w)^2 / sum w^2; NaN when
   empty.  Equals n when all weights are equal.  */
double mn_wsum_neff (const struct mn_wsum *s);

/* Kish design effect due to weighting, n sum w^2 / (sum w)^2 = n / n_eff
   (>= 1); NaN when empty.  */
double mn_wsum_deff (const struct mn_wsum *s);

/* Two-sided interval at LEVEL for a proportion (Y in {0, 1}) computed on
   the Kish effective sample: mn_prop_ci (M, p n_eff, n_eff, LEVEL).
   With M = MN_CI_EXACT this is the Clopper-Pearson interval on n_eff in
   the style of Korn & Graubard (1998), but with the Kish n_eff and
   WITHOUT their degrees-of-freedom adjustment.  With equal weights it
   is exactly mn_prop_ci (M, x, n, LEVEL).  Returns 0, or -1 with NaN
   bounds when the group is empty, the mean is not in [0, 1] or
   mn_prop_ci fails.  */
int mn_wsum_prop_ci (const struct mn_wsum *s, enum mn_ci_method m,
                     double level, double *lo, double *hi);

/* Two-sided t interval at LEVEL for a mean (a 0-100 score):
   m -+ t (n - 1, (1 + LEVEL) / 2) * se, with se from mn_wsum_se.
   Returns 0, or -1 with NaN bounds when n < 2 or LEVEL is not in
   (0, 1).  */
int mn_wsum_mean_ci (const struct mn_wsum *s, double level, double *lo,
                     double *hi);

/* Composite of NGROUPS respondent groups (democratic appraisal: villagers,
   group leaders, village cadres) with fixed shares SHARE[g] >= 0 summing
   to 1, proportions P[g] in [0, 1] and sizes N[g] >= 0 (N[g] may be an
   effective size; 0 means the group is absent, and its P[g] is ignored):

     est = sum W_g p_g,   se = sqrt (sum W_g^2 p_g (1 - p_g) / n_g).

   When a group with a positive share is absent the composite is not
   defined as specified: with RENORMALISE false the call fails; with it
   true W_g is the share renormalised over the groups present,
   SHARE[g] / sum of present shares, and *RENORMALISED is set.  All
   arrays borrowed.  Returns 0, or -1 with *EST and *SE set to NaN when
   an argument is out of range, the shares do not sum to 1 (within
   1e-9), no group with a positive share is present, or an absent group
   would need renormalisation that was not asked for.  RENORMALISED may
   be NULL.  */
int mn_group_composite (size_t ngroups, const double *share,
                        const double *p, const double *n, bool renormalise,
                        double *est, double *se, bool *renormalised);

#endif

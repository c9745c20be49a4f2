/* betabin.h - empirical-Bayes shrinkage of rates: a Beta (alpha, beta)
   prior fitted to K groups' (x satisfied, n answers) from the
   beta-binomial marginal likelihood, and each group's posterior.

   One call fits one set of groups (one stratum): minyi-adjust calls
   mn_bb_fit once per stratum and mn_bb_posterior once per group.  The fit
   reads the caller's arrays and allocates nothing that grows with K (the
   minimiser's state is a fixed two-parameter workspace), so memory is the
   caller's O(K) arrays.  X and N may be non-integral: the effective counts
   n_eff and n_eff * rate of a weighted table.

   Methods and references are in betabin.c; the degenerate cases, in
   short:

     no group, or no group with n > 0      an error (nothing to fit)
     a group with n = 0                    ignored by the fit; its
                                           posterior is the prior
     one group with n > 0                  MN_BB_POOLED, MN_BB_WHY_ONE_GROUP
     no variance beyond binomial           MN_BB_POOLED, MN_BB_WHY_NO_EXCESS
       (every rate equal, all 0 or all 1 included)
     fitted strength above MN_BB_STRENGTH_MAX
                                           MN_BB_POOLED, MN_BB_WHY_STRENGTH
     every rate 0 or 1, both present       MN_BB_SEPARATE, MN_BB_WHY_EXTREME
     moments give rho >= 1 (MN_BB_MM)      MN_BB_SEPARATE, MN_BB_WHY_MM_RANGE

   Full pooling (MN_BB_POOLED) gives every group the posterior of the one
   common rate, Beta (X + 1/2, N - X + 1/2) with X and N summed over the
   groups (Jeffreys prior); no pooling (MN_BB_SEPARATE) gives each group
   its own Jeffreys posterior Beta (x + 1/2, n - x + 1/2).  */
#ifndef MINYI_BETABIN_H
#define MINYI_BETABIN_H

#include <stddef.h>

#include "base/errinfo.h"

/* Fitted strengths alpha + beta above this are reported as full pooling:
   a prior that strong is a point mass at the common rate for any group
   minyi scores (a cadre is rated by hundreds, not millions).  */
#define MN_BB_STRENGTH_MAX 1e7

enum mn_bb_method
{
  MN_BB_ML,             /* maximum likelihood, from a moments start */
  MN_BB_MM              /* method of moments alone (Kleinman 1973) */
};

/* What the fit found.  */
enum mn_bb_kind
{
  MN_BB_PRIOR,          /* a proper Beta (alpha, beta) prior: partial
                           pooling */
  MN_BB_POOLED,         /* full pooling: one common rate */
  MN_BB_SEPARATE        /* no pooling: each group on its own */
};

/* Why, when the kind is not MN_BB_PRIOR.  */
enum mn_bb_why
{
  MN_BB_WHY_NONE = 0,   /* MN_BB_PRIOR */
  MN_BB_WHY_ONE_GROUP,  /* one group with n > 0: no between-group
                           information */
  MN_BB_WHY_NO_EXCESS,  /* the rates vary no more than binomial sampling
                           makes them (ML: Tarone's score at infinite
                           strength is not positive; MM: rho <= 0, or no
                           group has more than one answer) */
  MN_BB_WHY_STRENGTH,   /* the fitted strength exceeds MN_BB_STRENGTH_MAX */
  MN_BB_WHY_EXTREME,    /* every rate is 0 or 1 and both occur: the
                           likelihood grows as alpha + beta -> 0 */
  MN_BB_WHY_MM_RANGE    /* MN_BB_MM only: the moment estimate of rho is
                           1 or more (alpha + beta <= 0) */
};

/* A fitted prior.  Every field is set by mn_bb_fit.  */
struct mn_bb_fit
{
  enum mn_bb_method method;
  enum mn_bb_kind kind;
  enum mn_bb_why why;
  double alpha, beta;   /* MN_BB_PRIOR: the prior; MN_BB_POOLED: both
                           +infinity (the limit of the likelihood);
                           MN_BB_SEPARATE: both 0 */
  double mean;          /* alpha / (alpha + beta), or its limit: the
                           pooled rate X / N when pooled; when separate,
                           the share of groups at rate 1 (MN_BB_WHY_EXTREME)
                           or the pooled rate (MN_BB_WHY_MM_RANGE) */
  double strength;      /* alpha + beta (+infinity pooled, 0 separate) */
  double loglik;        /* sum of lnB (x + alpha, n - x + beta)
                           - lnB (alpha, beta) over the groups with n > 0
                           (no binomial coefficients), or its limit;
                           -infinity for MN_BB_WHY_MM_RANGE */
  int iterations;       /* minimiser iterations (0 unless ML fitted) */
  int converged;        /* 1 when the answer is a converged optimum or
                           exact (every degenerate case); 0 when ML hit
                           its iteration limit or stopped short */
  size_t groups;        /* groups with n > 0 */
  double x_sum, n_sum;  /* X and N over those groups */
};

/* Fit a prior by METHOD to the K groups X[i] satisfied of N[i] answers
   (both arrays borrowed, read only during the call; 0 <= X[i] <= N[i],
   finite).  Returns 0 and fills *FIT, or -1 with E (may be NULL) filled,
   reason MN_R_USAGE, when K is 0, no N[i] is positive, or a pair is out
   of range (E names the 1-based group).  Never calls the GSL error
   handler.  */
int mn_bb_fit (enum mn_bb_method method, const double *x, const double *n,
               size_t k, struct mn_bb_fit *fit, struct mn_error *e);

/* The beta-binomial log-likelihood above at (ALPHA, BETA), both positive
   and finite, over the groups of X and N (borrowed) with N[i] > 0.
   NaN when ALPHA or BETA is out of range.  */
double mn_bb_loglik (double alpha, double beta, const double *x,
                     const double *n, size_t k);

/* One group's posterior under FIT (borrowed).  */
struct mn_bb_post
{
  double a, b;          /* the posterior is Beta (a, b) */
  double mean;          /* a / (a + b) */
  double lo, hi;        /* equal-tailed interval at the level asked */
};

/* The posterior of a group with X satisfied of N answers (0 <= X <= N;
   N = 0 gives the prior) under FIT, and its equal-tailed interval at
   LEVEL (0 < LEVEL < 1): MN_BB_PRIOR, Beta (alpha + X, beta + N - X);
   MN_BB_POOLED, the common rate's Beta (X_sum + 1/2, N_sum - X_sum + 1/2)
   whatever X and N; MN_BB_SEPARATE, Beta (X + 1/2, N - X + 1/2).
   Returns 0, or -1 with E (may be NULL) filled when an argument is out of
   range or a quantile fails.  With a shape parameter far below 1 (a
   U-shaped prior and a group at rate 0 or 1) the posterior is J-shaped
   and its mean may lie outside the equal-tailed interval: Beta (19.9,
   0.00087) has mean 0.99996 and 2.5 % point 0.99999999999999.  */
int mn_bb_posterior (const struct mn_bb_fit *fit, double x, double n,
                     double level, struct mn_bb_post *post,
                     struct mn_error *e);

/* Names for output and options (static storage): "ml", "mm"; "prior",
   "pooled", "separate"; "", "one-group", "no-excess-variance",
   "strength-bound", "all-extreme", "moments-out-of-range".
   mn_bb_method_parse accepts "ml" and "mm"; returns 0, or -1 when NAME
   (borrowed) is unknown.  */
const char *mn_bb_method_name (enum mn_bb_method m);
int mn_bb_method_parse (const char *name, enum mn_bb_method *m);
const char *mn_bb_kind_name (enum mn_bb_kind k);
const char *mn_bb_why_name (enum mn_bb_why w);

/* What FIT (borrowed; NULL: no fit, as for a stratum without answers)
   is, in words for a table cell (static storage): its kind and, when
   there is one, the reason, "KIND:WHY" ("pooled:one-group"); a prior
   the minimiser did not converge to is "prior:not-converged"; no fit is
   "none:no-answers".  */
const char *mn_bb_fit_label (const struct mn_bb_fit *fit);

#endif

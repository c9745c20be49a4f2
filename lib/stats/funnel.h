/* funnel.h - funnel-plot control limits for proportions and the
   over-dispersion of units around a target (Spiegelhalter DJ (2005),
   Funnel plots for comparing institutional performance, Stat Med
   24:1185-1202).

   A unit (a cadre) has an observed proportion Y out of N answers (N may
   be an effective sample size, non-integral); the target P0 is the
   overall rate or a policy figure.  The exact limits say where Y would
   fall if the unit's true rate were P0; the z-scores and the
   over-dispersion estimate say whether the units as a whole vary more
   than that, and the inflated limits allow for it.  Nothing here
   allocates except mn_funnel_overdispersion (a scratch copy it frees);
   every pointer argument is borrowed and not kept.  */
#ifndef MINYI_FUNNEL_H
#define MINYI_FUNNEL_H

#include <stddef.h>

#include "base/errinfo.h"

/* The two levels of the paper: 95 % (tails 0.025) and 99.8 % (tails
   0.001), about 2 and 3 standard errors.  */
#define MN_FUNNEL_P95 0.025
#define MN_FUNNEL_P998 0.001

/* The exact binomial limit with lower tail area P (0 < P < 1) for a
   proportion out of N trials with target P0 (Spiegelhalter 2005,
   appendix A.1.1): for P < 1/2 the P quantile r_p of Binomial (N, P0),
   less the interpolation for discreteness alpha, over N; for P > 1/2 the
   same taken on the failures, 1 - limit (1 - P0, N, 1 - P), so that the
   upper limit does not flag one count too many (see funnel.c).  The
   lower limits are at P = 0.025 and 0.001, the upper at 0.975 and 0.999.
   Non-integral N uses the incomplete-beta form of the binomial
   distribution function (see funnel.c); the result is clamped to
   [0, 1].  Documented cases: N = 0 gives 0 for P < 1/2 and 1 otherwise
   (no answers, nothing lies outside); P0 = 0 or 1 gives P0 (no
   variation: the limits are the target).  NaN only when P0 is outside
   [0, 1], N is negative, above MN_FUNNEL_N_MAX or NaN, or P is outside
   (0, 1) or NaN.  */
double mn_funnel_exact_limit (double p0, double n, double p);

/* A funnel at one N: lower and upper limits at 95 % and 99.8 %.  */
struct mn_funnel_limits
{
  double lo95, hi95, lo998, hi998;
};

/* Positions of a unit against a struct mn_funnel_limits, as bits:
   strictly above the 95 % upper limit is HIGH95, above the 99.8 % one
   also HIGH998; the same below for LOW95, LOW998.  A unit on a limit is
   inside.  */
enum
{
  MN_FUNNEL_HIGH95 = 1,
  MN_FUNNEL_HIGH998 = 2,
  MN_FUNNEL_LOW95 = 4,
  MN_FUNNEL_LOW998 = 8
};

/* The four exact limits at N into *L.  Returns 0, or -1 with E filled
   (when not NULL) and *L all NaN when the arguments are out of range
   (see mn_funnel_exact_limit).  */
int mn_funnel_exact (double p0, double n, struct mn_funnel_limits *l,
                     struct mn_error *e);

/* The z-score of a unit against the target under the paper's normal
   approximation for proportions (Spiegelhalter 2005, sec. 2 and 6):
   z = (Y - P0) / sqrt (P0 (1 - P0) / N).  NaN when N <= 0 (no answers:
   no position), when P0 is 0 or 1 (no variance to scale by), or when Y
   is outside [0, 1].  */
double mn_funnel_z (double y, double n, double p0);

/* The MN_FUNNEL_* bits of proportion Y against L (borrowed); 0 when Y is
   NaN.  */
unsigned mn_funnel_position (double y, const struct mn_funnel_limits *l);

/* How the limits are widened for over-dispersion (Spiegelhalter 2005,
   sec. 6).  ADDITIVE is the default: see funnel.c for why.  */
enum mn_funnel_inflation
{
  MN_FUNNEL_NONE,
  MN_FUNNEL_ADDITIVE,         /* p0 +- z sqrt (p0 (1 - p0) / n + tau2) */
  MN_FUNNEL_MULTIPLICATIVE    /* p0 +- z sqrt (phi p0 (1 - p0) / n) */
};

/* Parse NAME (borrowed): "none", "additive", "multiplicative".  Returns
   0 and sets *M, or -1 when NAME is unknown.  */
int mn_funnel_inflation_parse (const char *name,
                               enum mn_funnel_inflation *m);
/* The name of M (static storage).  */
const char *mn_funnel_inflation_name (enum mn_funnel_inflation m);

/* The over-dispersion of a set of units around a target.  */
struct mn_funnel_od
{
  size_t k;          /* units used: those with N > 0 */
  double z_lo, z_hi; /* the 10th and 90th percentiles of z (R type 7) */
  double phi;        /* (1/K) sum of the winsorised z^2 */
  double df;         /* K, or K - 1 when the target came from the data */
  double chi2;       /* K phi, referred to chi2 (df) */
  double p_value;    /* P (chi2 (df) > K phi) */
  double tau2;       /* DerSimonian-Laird between-unit variance, >= 0 */
};

/* Estimate the over-dispersion of COUNT units with proportions Y[i] out
   of N[i] (both borrowed) around the target P0 (0 < P0 < 1): the 10 %
   winsorised phi, its chi-square test and the DerSimonian-Laird tau2;
   see funnel.c.  TARGET_FROM_DATA is nonzero when P0 was estimated from
   these same units (the overall rate), which costs the test one degree
   of freedom.  Units with N = 0 carry no information and are left out.
   Returns 0, or -1 with E filled (when not NULL) and every double field
   of *OD NaN when P0 is not in (0, 1), a Y is outside [0, 1] or an N
   negative or not finite, or fewer than 2 units have N > 0.  */
int mn_funnel_overdispersion (double p0, const double *y, const double *n,
                              size_t count, int target_from_data,
                              struct mn_funnel_od *od, struct mn_error *e);

/* The limits at N widened by method M for the over-dispersion OD
   (borrowed; may be NULL when M is MN_FUNNEL_NONE), on the normal scale
   of the paper's section 6 and clamped to [0, 1]; phi below 1 is taken
   as 1, as tau2 is kept at 0 or above, so that the limits are never
   narrower than the plain normal ones.  MN_FUNNEL_NONE gives the exact
   limits.  N = 0 gives 0 and 1, as for the exact limits.  Returns 0, or
   -1 with E filled and *L NaN when an argument is out of range or OD's
   phi (multiplicative) or tau2 (additive) is NaN or negative.  */
int mn_funnel_inflated (double p0, double n, enum mn_funnel_inflation m,
                        const struct mn_funnel_od *od,
                        struct mn_funnel_limits *l, struct mn_error *e);

/* One row of the limits curve (--limits FILE).  */
struct mn_funnel_row
{
  double n;
  struct mn_funnel_limits exact;     /* appendix A.1.1 */
  struct mn_funnel_limits inflated;  /* by the method asked for */
};

/* The limits curve at the COUNT sample sizes N[] (borrowed) into ROWS,
   an array of COUNT the caller owns.  Returns 0, or -1 with E filled at
   the first N out of range (the rows before it are filled).  */
int mn_funnel_curve (double p0, const double *n, size_t count,
                     enum mn_funnel_inflation m,
                     const struct mn_funnel_od *od,
                     struct mn_funnel_row *rows, struct mn_error *e);

/* A sample size read as a number of answers: a bound to keep the search
   for the binomial quantile finite.  Larger N is refused.  */
#define MN_FUNNEL_N_MAX 1e15

#endif

/* prop.c - confidence intervals for a binomial proportion.

   Five two-sided intervals for a proportion X / N, where X and N may be
   non-integral (a weighted count over a Kish effective sample size).  The
   methods and their coverage are compared in

     Newcombe RG (1998).  Two-sided confidence intervals for the single
       proportion: comparison of seven methods.  Stat Med 17:857-872.
     Brown LD, Cai TT, DasGupta A (2001).  Interval estimation for a
       binomial proportion.  Stat Sci 16:101-133.

   Normal quantiles come from GSL, beta quantiles from quantile.c, which
   computes them for any shape parameters (GSL's own fail or abort for
   some; see there).  */

#include "stats/prop.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "stats/quantile.h"

static const struct
{
  const char *name;
  enum mn_ci_method method;
} method_names[] = {
  /* Canonical names first, in enum order; aliases after.  */
  { "wilson", MN_CI_WILSON },
  { "exact", MN_CI_EXACT },
  { "jeffreys", MN_CI_JEFFREYS },
  { "agresti-coull", MN_CI_AGRESTI_COULL },
  { "wald", MN_CI_WALD },
  { "clopper-pearson", MN_CI_EXACT },
};

#define N_CANONICAL 5

int
mn_ci_method_parse (const char *name, enum mn_ci_method *m)
{
  if (name == NULL)
    return -1;
  for (size_t i = 0; i < sizeof method_names / sizeof method_names[0]; i++)
    if (strcmp (name, method_names[i].name) == 0)
      {
        *m = method_names[i].method;
        return 0;
      }
  return -1;
}

/* Returns NULL when M is not a member of the enumeration.  */
const char *
mn_ci_method_name (enum mn_ci_method m)
{
  for (size_t i = 0; i < N_CANONICAL; i++)
    if (method_names[i].method == m)
      return method_names[i].name;
  return NULL;
}

static double
clamp01 (double v)
{
  return v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
}

/* Wilson score interval (Wilson EB (1927), Probable inference, the law of
   succession, and statistical inference, JASA 22:209-212): the set of p
   whose score test |phat - p| / sqrt (p (1 - p) / n) <= z does not
   reject, i.e. the roots of a quadratic in p,

     (x + z^2/2) / (n + z^2)
       +- z sqrt (n) / (n + z^2) * sqrt (phat (1 - phat) + z^2 / (4 n)).

   Newcombe (1998) method 3.  Both roots lie in [0, 1]; at x = 0 the lower
   root is exactly 0 and at x = n the upper is exactly 1, which is set
   explicitly rather than left to rounding.  */
static void
ci_wilson (double x, double n, double z, double *lo, double *hi)
{
  double phat = x / n;
  double z2 = z * z;
  double denom = n + z2;
  double centre = (x + z2 / 2.0) / denom;
  double half = z * sqrt (n) / denom
                * sqrt (phat * (1.0 - phat) + z2 / (4.0 * n));
  *lo = x == 0.0 ? 0.0 : centre - half;
  *hi = x == n ? 1.0 : centre + half;
}

/* Exact interval of Clopper CJ, Pearson ES (1934), The use of confidence
   or fiducial limits illustrated in the case of the binomial, Biometrika
   26:404-413, by the beta-binomial tail identity (Brown, Cai & DasGupta
   2001, sec. 4.2.1; Newcombe 1998 method 5):

     lower = Beta quantile (alpha/2;     x,     n - x + 1),  0 if x = 0,
     upper = Beta quantile (1 - alpha/2; x + 1, n - x),      1 if x = n.

   The beta quantile takes real shape parameters, so non-integral X and N
   give the continuous extension of the exact interval.  The upper bound
   is the quantile with upper tail area alpha/2, asked for as such, so
   that a small alpha loses nothing to 1 - alpha/2.  */
static void
ci_exact (double x, double n, double alpha, double *lo, double *hi)
{
  *lo = x == 0.0 ? 0.0 : mn_beta_quantile (alpha / 2.0, x, n - x + 1.0);
  *hi = x == n ? 1.0 : mn_beta_quantile_upper (alpha / 2.0, x + 1.0, n - x);
}

/* Jeffreys interval: the equal-tailed interval of the posterior
   Beta (x + 1/2, n - x + 1/2) under the Jeffreys prior Beta (1/2, 1/2),
   with the boundary rule of Brown, Cai & DasGupta (2001, sec. 4.1.2):
   the lower limit is 0 at x = 0 and the upper limit 1 at x = n.  */
static void
ci_jeffreys (double x, double n, double alpha, double *lo, double *hi)
{
  double a = x + 0.5, b = n - x + 0.5;
  *lo = x == 0.0 ? 0.0 : mn_beta_quantile (alpha / 2.0, a, b);
  *hi = x == n ? 1.0 : mn_beta_quantile_upper (alpha / 2.0, a, b);
}

/* Agresti A, Coull BA (1998), Approximate is better than "exact" for
   interval estimation of binomial proportions, Am Stat 52:119-126: the
   Wald interval around the Wilson centre,

     n~ = n + z^2,  p~ = (x + z^2/2) / n~,  p~ +- z sqrt (p~ (1 - p~) / n~).

   (Brown, Cai & DasGupta 2001, sec. 4.1.3.)  Clamped by the caller.  */
static void
ci_agresti_coull (double x, double n, double z, double *lo, double *hi)
{
  double nt = n + z * z;
  double pt = (x + z * z / 2.0) / nt;
  double half = z * sqrt (pt * (1.0 - pt) / nt);
  *lo = pt - half;
  *hi = pt + half;
}

/* Wald interval phat +- z sqrt (phat (1 - phat) / n) (Newcombe 1998
   method 1).  Its coverage is poor and erratic (Brown, Cai & DasGupta
   2001, sec. 2); it is offered for comparison only.  Degenerate [0, 0] at
   x = 0 and [1, 1] at x = n.  Clamped by the caller.  */
static void
ci_wald (double x, double n, double z, double *lo, double *hi)
{
  double phat = x / n;
  double half = z * sqrt (phat * (1.0 - phat) / n);
  *lo = phat - half;
  *hi = phat + half;
}

int
mn_prop_ci (enum mn_ci_method m, double x, double n, double level,
            double *lo, double *hi)
{
  *lo = *hi = NAN;
  if (!isfinite (x) || !isfinite (n) || !isfinite (level)
      || !(n > 0.0) || !(x >= 0.0) || !(x <= n)
      || !(level > 0.0) || !(level < 1.0))
    return -1;

  double alpha = 1.0 - level;
  /* z = Phi^-1 (1 - alpha/2), taken from the lower tail for accuracy
     when alpha is small.  */
  double z = -gsl_cdf_ugaussian_Pinv (alpha / 2.0);
  double l, h;

  switch (m)
    {
    case MN_CI_WILSON:
      ci_wilson (x, n, z, &l, &h);
      break;
    case MN_CI_EXACT:
      ci_exact (x, n, alpha, &l, &h);
      break;
    case MN_CI_JEFFREYS:
      ci_jeffreys (x, n, alpha, &l, &h);
      break;
    case MN_CI_AGRESTI_COULL:
      ci_agresti_coull (x, n, z, &l, &h);
      break;
    case MN_CI_WALD:
      ci_wald (x, n, z, &l, &h);
      break;
    default:
      return -1;
    }

  /* The beta quantiles are NaN only on arguments checked above, or if
     the continued fraction of quantile.c ever failed to converge; a NaN
     bound is not passed on as a number.  */
  if (isnan (l) || isnan (h))
    return -1;
  *lo = clamp01 (l);
  *hi = clamp01 (h);
  return 0;
}

int
mn_prop_diff_ci (double x1, double n1, double x2, double n2, double level,
                 double *d, double *lo, double *hi)
{
  double l1, u1, l2, u2;
  *d = *lo = *hi = NAN;
  if (mn_prop_ci (MN_CI_WILSON, x1, n1, level, &l1, &u1) < 0
      || mn_prop_ci (MN_CI_WILSON, x2, n2, level, &l2, &u2) < 0)
    return -1;
  double p1 = x1 / n1, p2 = x2 / n2;
  *d = p1 - p2;
  *lo = fmax (*d - hypot (p1 - l1, u2 - p2), -1);
  *hi = fmin (*d + hypot (u1 - p1, p2 - l2), 1);
  return 0;
}

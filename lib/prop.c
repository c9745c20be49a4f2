/* prop.c - confidence intervals for a binomial proportion.

   Five two-sided intervals for a proportion X / N, where X and N may be
   non-integral (a weighted count over a Kish effective sample size).  The
   methods and their coverage are compared in

     Newcombe RG (1998).  Two-sided confidence intervals for the single
       proportion: comparison of seven methods.  Stat Med 17:857-872.
     Brown LD, Cai TT, DasGupta A (2001).  Interval estimation for a
       binomial proportion.  Stat Sci 16:101-133.

   Normal and beta quantiles come from GSL; nothing here is a hand-written
   special function.  */

#include "prop.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

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

/* gsl_cdf_beta_Pinv is not safe on its own (GSL 2.7; found by probing
   the parameters this file uses):

   - It reports a failed Newton iteration through the GSL error handler,
     whose default aborts, and it fails in ordinary cases: P = 0.9 with
     (A, B) = (2, 999), i.e. x = 1, n = 1000 at level 0.80, or P = 0.025
     with (5000, 5001), i.e. x = 5000, n = 10000 at 0.95.
   - Its opening bisection loops for ever when gsl_cdf_beta_P returns NaN,
     which that function does near the mean once A + B exceeds about
     1.5e6 (its continued fraction stops after 512 terms).

   So the quantile is taken from gsl_cdf_beta_Pinv only while A + B is
   at most BETA_PINV_MAX, with the error handler switched off for the
   call (and restored after: the handler is process-global, so this is
   not safe against another thread changing it).  When that fails or is
   not attempted, the quantile is the root of the GSL distribution
   function by GSL's Brent solver on [0, 1]: P (x; A, B) = P for a lower
   tail, Q (x; A, B) = 1 - P for an upper one, so that a small tail area
   keeps its relative accuracy.  The solver stops with an error, rather
   than looping, if the distribution function returns NaN; the quantile
   is then NaN.  */

#define BETA_PINV_MAX 1e5
#define BETA_ROOT_MAX_ITER 2000

struct beta_root
{
  double a, b, p;
  int upper;
};

/* The function whose root is the quantile; increasing in X.  */
static double
beta_root_f (double x, void *params)
{
  const struct beta_root *r = params;
  if (r->upper)
    return r->p - gsl_cdf_beta_Q (x, r->a, r->b);
  return gsl_cdf_beta_P (x, r->a, r->b) - r->p;
}

/* The root of beta_root_f on [0, 1], or NaN.  Error handler off.  */
static double
beta_quantile_brent (double p, double a, double b)
{
  int upper = p > 0.5;
  struct beta_root r = { a, b, upper ? 1.0 - p : p, upper };
  gsl_function f = { beta_root_f, &r };
  gsl_root_fsolver *s = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  double q = NAN;
  int status;

  if (s == NULL)
    return NAN;
  status = gsl_root_fsolver_set (s, &f, 0.0, 1.0);
  for (int i = 0; status == GSL_SUCCESS && i < BETA_ROOT_MAX_ITER; i++)
    {
      status = gsl_root_fsolver_iterate (s);
      if (status != GSL_SUCCESS)
        break;
      status = gsl_root_test_interval (gsl_root_fsolver_x_lower (s),
                                       gsl_root_fsolver_x_upper (s),
                                       DBL_MIN, 4 * DBL_EPSILON);
      if (status == GSL_SUCCESS)
        {
          q = gsl_root_fsolver_root (s);
          break;
        }
      if (status == GSL_CONTINUE)
        status = GSL_SUCCESS;
    }
  gsl_root_fsolver_free (s);
  return q;
}

/* The P quantile of Beta (A, B), A > 0, B > 0, 0 < P < 1; NaN when it
   cannot be computed.  */
static double
beta_quantile (double p, double a, double b)
{
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  double q = NAN;

  if (a + b <= BETA_PINV_MAX)
    q = gsl_cdf_beta_Pinv (p, a, b);
  if (!(q >= 0.0 && q <= 1.0))
    q = beta_quantile_brent (p, a, b);
  gsl_set_error_handler (old);
  return q;
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
   give the continuous extension of the exact interval.  */
static void
ci_exact (double x, double n, double alpha, double *lo, double *hi)
{
  *lo = x == 0.0 ? 0.0 : beta_quantile (alpha / 2.0, x, n - x + 1.0);
  *hi = x == n ? 1.0 : beta_quantile (1.0 - alpha / 2.0, x + 1.0, n - x);
}

/* Jeffreys interval: the equal-tailed interval of the posterior
   Beta (x + 1/2, n - x + 1/2) under the Jeffreys prior Beta (1/2, 1/2),
   with the boundary rule of Brown, Cai & DasGupta (2001, sec. 4.1.2):
   the lower limit is 0 at x = 0 and the upper limit 1 at x = n.  */
static void
ci_jeffreys (double x, double n, double alpha, double *lo, double *hi)
{
  double a = x + 0.5, b = n - x + 0.5;
  *lo = x == 0.0 ? 0.0 : beta_quantile (alpha / 2.0, a, b);
  *hi = x == n ? 1.0 : beta_quantile (1.0 - alpha / 2.0, a, b);
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

  /* A failed beta inversion (see beta_quantile) leaves NaN.  */
  if (isnan (l) || isnan (h))
    return -1;
  *lo = clamp01 (l);
  *hi = clamp01 (h);
  return 0;
}

/* quantile.c - beta and F distribution functions and quantiles that hold
   up for any shape parameters.

   Why not GSL's own (GSL 2.7; found by probing the parameters minyi
   uses):

   - gsl_cdf_beta_P and _Q, and gsl_sf_beta_inc, give up after 512 terms
     of their continued fraction; near the mean that is too few once
     A + B exceeds about 1.5e6, and they return NaN (x = 1e6 of n = 2e6).
   - gsl_cdf_beta_Pinv and gsl_cdf_fdist_Pinv, built on them, then fail
     or loop, and fail in ordinary cases too: a Newton step that does not
     converge at P = 0.9 with (A, B) = (2, 999), at P = 0.025 with
     (5000, 5001), at F (9999, 9999).
   - They report failures, underflows included, through the GSL error
     handler, whose default aborts the process; silencing it means
     switching off a process-global handler, which is not thread safe.

   So the distribution function is computed here from the same continued
   fraction with an iteration budget that grows with the parameters, and
   the quantile is always the root of the distribution function found by
   a bracketing solver (GSL's Brent solver): it converges whenever the
   distribution function can be evaluated, and is then as accurate as
   that function, which a Newton iteration from a normal-approximation
   start (gsl_cdf_beta_Pinv) does not promise.  Checking a direct
   quantile by plugging it back in would need the same distribution
   function and a root-finder for when the check fails; always solving
   keeps one path, tested on one grid (tests/unit/test-quantile.c).  The
   cost, 40 to 80 evaluations of the continued fraction per quantile, is
   paid once per interval bound, not per record.

   Nothing here calls the GSL error handler: the only GSL functions used
   are gsl_sf_lnbeta_e and gsl_sf_gammastar_e with positive arguments
   (never an error) and the root solver, which is given finite function
   values only.

     Abramowitz M, Stegun IA (1964).  Handbook of Mathematical Functions.
       NBS AMS 55: 26.5.8 (continued fraction), 26.5.2 (symmetry),
       26.6.2 (the F distribution as an incomplete beta).
     Lentz WJ (1976).  Generating Bessel functions in Mie scattering
       calculations using continued fractions.  Appl Opt 15:668-671;
       modified as in Thompson IJ, Barnett AR (1986), J Comput Phys
       64:490-509.
     Brent RP (1973).  Algorithms for Minimization without Derivatives,
       ch. 4.  Prentice-Hall.  */

#include "stats/quantile.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>

/* The terms of the continued fraction needed near the mean grow like the
   cube root of min (A, B) (about 100 at 5e3, 850 at 5e6, 35,000 at 5e11;
   measured); the budget is far above that and only stops a fraction that
   would not converge.  */
#define CF_MIN_ITER 1000
#define CF_ITER_PER_SQRT 4

/* A value below this in Lentz's method is taken as a zero denominator.  */
#define LENTZ_TINY 1e-300

/* The continued fraction of A&S 26.5.8,

     I_x (a, b) = x^a (1 - x)^b / (a B (a, b)) * 1 / (1 + d1 / (1 + d2 / ...))

     d_{2m+1} = -(a + m) (a + b + m) x / ((a + 2m) (a + 2m + 1)),
     d_{2m}   = m (b - m) x / ((a + 2m - 1) (a + 2m)),

   evaluated forwards by the modified Lentz method; returns the fraction
   1 / (1 + d1 / ...), or NaN when it has not converged to a relative
   2 epsilon after the budget.  It converges quickly for
   x < (a + 1) / (a + b + 2); the caller uses the symmetry
   I_x (a, b) = 1 - I_{1-x} (b, a) (A&S 26.5.2) above that.  */
static double
beta_cf (double a, double b, double x)
{
  double budget = CF_MIN_ITER + CF_ITER_PER_SQRT * sqrt (fmax (a, b));
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0), h;

  if (fabs (d) < LENTZ_TINY)
    d = LENTZ_TINY;
  d = 1.0 / d;
  h = d;
  for (double m = 1; m <= budget; m++)
    {
      double m2 = 2.0 * m;
      double t = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
      d = 1.0 + t * d;
      if (fabs (d) < LENTZ_TINY)
        d = LENTZ_TINY;
      c = 1.0 + t / c;
      if (fabs (c) < LENTZ_TINY)
        c = LENTZ_TINY;
      d = 1.0 / d;
      h *= d * c;

      t = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
      d = 1.0 + t * d;
      if (fabs (d) < LENTZ_TINY)
        d = LENTZ_TINY;
      c = 1.0 + t / c;
      if (fabs (c) < LENTZ_TINY)
        c = LENTZ_TINY;
      d = 1.0 / d;
      double delta = d * c;
      h *= delta;
      if (fabs (delta - 1.0) <= 2 * DBL_EPSILON)
        return h;
    }
  return NAN;
}

static int
bad_shape (double a, double b)
{
  return !(a > 0 && b > 0 && isfinite (a) && isfinite (b));
}

/* Loader's deviance term bd0 (X, M) = X log (X / M) + M - X >= 0, for
   X > 0, M > 0, summed as a series in v = (X - M) / (X + M) when X is near
   M, where the two logarithms of the direct form would cancel:

     bd0 = (X - M) v + 2 X (v^3 / 3 + v^5 / 5 + ...).

   Loader C (2000).  Fast and accurate computation of binomial
   probabilities.  Technical report, Bell Labs; R's dbinom uses the
   same form.  */
static double
bd0 (double x, double m)
{
  if (fabs (x - m) < 0.1 * (x + m))
    {
      double v = (x - m) / (x + m);
      double s = (x - m) * v;
      double ej = 2 * x * v;
      v *= v;
      for (int j = 1; j < 1000; j++)
        {
          ej *= v;
          double s1 = s + ej / (2 * j + 1);
          if (s1 == s)
            return s1;
          s = s1;
        }
    }
  return x * log (x / m) + m - x;
}

/* The prefactor x^a (1 - x)^b / B (a, b) of A&S 26.5.8, for 0 < x < 1.

   Through plain logarithms, a log x + b log (1 - x) - log B (a, b), its
   exponent is a sum of terms as large as A and B that nearly cancel near
   the mean, leaving a relative error of about (A + B) epsilon: 3e-8 at
   A = B = 5e6, which moves a 0.005 quantile by 2e-12.  So when both
   shapes are at least 1 it is taken in Loader's (2000) saddle-point
   form, Stirling's formula with the remainder kept in
   Gamma* (z) = Gamma (z) / (sqrt (2 pi) z^(z - 1/2) e^-z) (GSL's
   gsl_sf_gammastar_e), with N = a + b:

     sqrt (a b / (2 pi N)) Gamma* (N) / (Gamma* (a) Gamma* (b))
       exp (-bd0 (a, N x) - bd0 (b, N (1 - x))),

   whose exponent is small near the mean and computed without
   cancellation.  Below 1 the plain form is exact enough (the terms are
   small) and Gamma* is not needed near 0.  NaN if GSL reports an
   error.  */
static double
beta_prefactor (double x, double a, double b)
{
  gsl_sf_result r, ga, gb, gn;

  if (a < 1 || b < 1)
    {
      if (gsl_sf_lnbeta_e (a, b, &r) != GSL_SUCCESS)
        return NAN;
      return exp (a * log (x) + b * log1p (-x) - r.val);
    }
  double n = a + b;
  if (gsl_sf_gammastar_e (a, &ga) != GSL_SUCCESS
      || gsl_sf_gammastar_e (b, &gb) != GSL_SUCCESS
      || gsl_sf_gammastar_e (n, &gn) != GSL_SUCCESS)
    return NAN;
  return sqrt (a / n * b / (2 * M_PI)) * (gn.val / (ga.val * gb.val))
         * exp (-bd0 (a, n * x) - bd0 (b, n * (1.0 - x)));
}

/* Both tails of Beta (A, B) at X: *P = I_X (A, B), *Q = 1 - *P, the
   smaller computed directly (the side of the continued fraction that
   converges is the side of the smaller tail, give or take the gap
   between mean and median), the other as 1 minus it.  Returns 0, or -1
   with both NaN.

   Past the switch the fraction works on 1 - X, which for X < 1/2 is
   rounded by up to epsilon / 4; that moves the upper tail by the density
   times as much, and a quantile found on it by about 1e-16 absolutely:
   2.7e-10 of the upper bound 1.9e-7 of 0 out of 1e7, the worst case of
   the grid in tests/unit/test-quantile.c.  The fraction summed past the
   switch instead stagnates and stops on wrong values (tried), so this
   is left as it is.  */
static int
beta_tails (double x, double a, double b, double *p, double *q)
{
  *p = *q = NAN;
  if (bad_shape (a, b) || isnan (x))
    return -1;
  if (x <= 0)
    {
      *p = 0, *q = 1;
      return 0;
    }
  if (x >= 1)
    {
      *p = 1, *q = 0;
      return 0;
    }

  double pre = beta_prefactor (x, a, b);
  if (isnan (pre))
    return -1;
  if (x < (a + 1.0) / (a + b + 2.0))
    {
      double t = pre * beta_cf (a, b, x) / a;
      if (isnan (t))
        return -1;
      *p = t, *q = 1.0 - t;
    }
  else
    {
      double t = pre * beta_cf (b, a, 1.0 - x) / b;
      if (isnan (t))
        return -1;
      *p = 1.0 - t, *q = t;
    }
  return 0;
}

double
mn_beta_cdf (double x, double a, double b)
{
  double p, q;
  beta_tails (x, a, b, &p, &q);
  return p;
}

double
mn_beta_cdf_upper (double x, double a, double b)
{
  double p, q;
  beta_tails (x, a, b, &p, &q);
  return q;
}

struct beta_root
{
  double a, b;
  double target;        /* the tail area sought */
  int upper;            /* target is an upper tail */
  int failed;           /* the distribution function failed */
};

/* The function whose root is the quantile, increasing in X: P (X) - target
   for a lower tail, target - Q (X) for an upper one.  A failed evaluation
   is recorded and returns 0, a finite value, so that the solver (which
   would call the GSL error handler on NaN) stops; the caller then
   discards the root.  */
static double
beta_root_f (double x, void *params)
{
  struct beta_root *r = params;
  double p, q;
  if (beta_tails (x, r->a, r->b, &p, &q) != 0)
    {
      r->failed = 1;
      return 0.0;
    }
  return r->upper ? r->target - q : p - r->target;
}

#define ROOT_MAX_ITER 3000

/* The root in [0, 1] of the tail equation: P (x) = TARGET when UPPER is
   0, Q (x) = TARGET when it is 1; 0 < TARGET <= 1/2, so the side solved
   is the smaller tail and its relative accuracy is kept.  The endpoints
   straddle the root (f (0) = -TARGET, f (1) = 1 - TARGET), so Brent's
   method converges; it stops when the bracket is 4 epsilon wide
   relative to the root (or DBL_MIN wide, for a root that underflows).
   From [0, 1] plain bisection would need at most about 1100 steps to
   get there, even for a subnormal root.  */
static double
beta_solve (double target, int upper, double a, double b)
{
  struct beta_root r = { a, b, target, upper, 0 };
  gsl_function f = { beta_root_f, &r };
  gsl_root_fsolver *s = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  double root = NAN;

  if (s == NULL)
    return NAN;
  if (gsl_root_fsolver_set (s, &f, 0.0, 1.0) == GSL_SUCCESS && !r.failed)
    for (int i = 0; i < ROOT_MAX_ITER; i++)
      {
        if (gsl_root_fsolver_iterate (s) != GSL_SUCCESS || r.failed)
          break;
        double lo = gsl_root_fsolver_x_lower (s);
        double hi = gsl_root_fsolver_x_upper (s);
        if (gsl_root_test_interval (lo, hi, DBL_MIN, 4 * DBL_EPSILON)
            == GSL_SUCCESS)
          {
            root = gsl_root_fsolver_root (s);
            break;
          }
      }
  gsl_root_fsolver_free (s);
  return r.failed ? NAN : root;
}

/* The x with P (X <= x) = P (UPPER 0) or P (X > x) = P (UPPER 1), by
   solving in whichever tail is the smaller: a lower area above 1/2 is
   the upper area 1 - P, exact in floating point for P >= 1/2.

   Where one shape is 1 the distribution function has a closed form,
   P (X <= x) = x^a for Beta (a, 1) and 1 - (1 - x)^b for Beta (1, b)
   (A&S 26.5.1 with the integral done), and so has the quantile; these
   are the Clopper-Pearson bounds at x = n and x = 0, (alpha/2)^(1/n) and
   1 - (alpha/2)^(1/n), computed to a unit or two in the last place
   (log1p and expm1 keep the small ones).  */
static double
beta_quantile (double p, double a, double b, int upper)
{
  if (bad_shape (a, b) || !(p >= 0 && p <= 1))
    return NAN;
  if (p == 0)
    return upper ? 1.0 : 0.0;
  if (p == 1)
    return upper ? 0.0 : 1.0;
  if (b == 1)   /* x^a = P (lower) or 1 - Q (upper) */
    return upper ? exp (log1p (-p) / a) : pow (p, 1.0 / a);
  if (a == 1)   /* 1 - (1 - x)^b = P (lower) or 1 - Q (upper) */
    return upper ? -expm1 (log (p) / b) : -expm1 (log1p (-p) / b);
  if (p > 0.5)
    return beta_solve (1.0 - p, !upper, a, b);
  return beta_solve (p, upper, a, b);
}

double
mn_beta_quantile (double p, double a, double b)
{
  return beta_quantile (p, a, b, 0);
}

double
mn_beta_quantile_upper (double q, double a, double b)
{
  return beta_quantile (q, a, b, 1);
}

/* F quantiles from beta quantiles (A&S 26.6.2): with
   X = nu1 F / (nu1 F + nu2) ~ Beta (nu1/2, nu2/2), F = (nu2 / nu1) X / (1 - X)
   is increasing in X, so the P quantile of F is that function of the P
   quantile of X.  When X is above 1/2, 1 - X carries the precision: it is
   the upper-tail quantile of Y = 1 - X ~ Beta (nu2/2, nu1/2) at the same
   area (P (Y > 1 - x) = P (X < x)), computed directly, and
   F = (nu2 / nu1) (1 - Y) / Y.  UPPER as for beta_quantile.  */
static double
f_quantile (double p, double nu1, double nu2, int upper)
{
  if (bad_shape (nu1, nu2) || !(p >= 0 && p <= 1))
    return NAN;
  double x = beta_quantile (p, nu1 / 2, nu2 / 2, upper);
  if (isnan (x))
    return NAN;
  if (x <= 0.5)
    return nu2 / nu1 * (x / (1.0 - x));
  double y = beta_quantile (p, nu2 / 2, nu1 / 2, !upper);
  if (isnan (y))
    return NAN;
  if (y == 0)
    return INFINITY;
  return nu2 / nu1 * ((1.0 - y) / y);
}

double
mn_f_quantile (double p, double nu1, double nu2)
{
  return f_quantile (p, nu1, nu2, 0);
}

double
mn_f_quantile_upper (double q, double nu1, double nu2)
{
  return f_quantile (q, nu1, nu2, 1);
}

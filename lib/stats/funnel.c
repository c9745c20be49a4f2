/* funnel.c - funnel-plot control limits and over-dispersion for
   proportions, after

     Spiegelhalter DJ (2005).  Funnel plots for comparing institutional
       performance.  Stat Med 24:1185-1202.  doi:10.1002/sim.1970
       (sec. 2: the funnel, a target and control limits at 95 % and
       99.8 %; sec. 6: over-dispersion; appendix A.1.1: exact binomial
       limits with interpolation).
     Spiegelhalter DJ (2005).  Handling over-dispersion of performance
       indicators.  Qual Saf Health Care 14:347-351 (multiplicative and
       additive inflation compared).
     DerSimonian R, Laird N (1986).  Meta-analysis in clinical trials.
       Control Clin Trials 7:177-188 (the moment estimator of tau2).
     Hyndman RJ, Fan Y (1996).  Sample quantiles in statistical
       packages.  Am Stat 50:361-365 (definition 7, R's default).

   The binomial distribution function is taken from the incomplete beta
   function of quantile.c, not from gsl_cdf_binomial_*, which fails for
   large N (its continued fraction gives up; see quantile.c).  */

#include "stats/funnel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "base/xalloc.h"
#include "stats/quantile.h"
#include "base/i18n.h"

static double
clamp01 (double v)
{
  return v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
}

/* P (X <= R) for X ~ Binomial (N, P0), 0 < P0 < 1, N > 0 real, R an
   integer: 1 - I_P0 (R + 1, N - R), the standard identity between the
   binomial and beta distributions (Abramowitz & Stegun 26.5.24),
   computed as the upper tail of the beta directly by quantile.c, so that
   a small tail keeps its relative accuracy (the limits are lower tails).
   The identity takes real N, which is how a non-integral (effective)
   sample size is handled: the distribution of the count is the
   continuous extension of the binomial in N, with steps at R = 0, 1, ...
   and all its mass at or below ceil (N): F (R) = 1 for R >= N (the limit
   of I_P0 (R + 1, B) as B -> 0+).  For integral N this is exactly the
   binomial.  F (-1) = 0.  */
static double
binom_cdf (double r, double n, double p0)
{
  if (r < 0)
    return 0.0;
  if (r >= n)
    return 1.0;
  return mn_beta_cdf_upper (p0, r + 1, n - r);
}

/* The lower exact limit with tail Q < 1/2 (appendix A.1.1).  r_p is the
   Q quantile of the count, the smallest integer r with F (r) >= Q; since
   the count is discrete, F (r_p) overshoots Q, and the paper
   interpolates:

     alpha = (F (r_p) - Q) / (F (r_p) - F (r_p - 1)),
     limit = (r_p - alpha) / N,

   which makes the limits smooth in N, as plotted.  The limit lies in
   ((r_p - 1) / N, r_p / N], so the counts strictly below it are those
   with F (r) < Q: a unit is outside exactly when the one-sided exact
   binomial test rejects at Q.

   r_p is found by bisection on the integers in [0, ceil (N)] (F (ceil N)
   = 1 >= Q): about log2 (N) evaluations of the incomplete beta, 24 at
   N = 1e7.  At r_p = 0 the formula gives -alpha / N, below any
   proportion; it is clamped to 0, which changes no flag.  */
static double
lower_limit (double p0, double n, double q)
{
  double lo = -1, hi = ceil (n);  /* F (lo) < Q <= F (hi) */
  while (hi - lo > 1)
    {
      double mid = floor (lo + (hi - lo) / 2);
      double f = binom_cdf (mid, n, p0);
      if (isnan (f))
        return NAN;
      if (f >= q)
        hi = mid;
      else
        lo = mid;
    }
  double f_r = binom_cdf (hi, n, p0), f_m = binom_cdf (hi - 1, n, p0);
  double alpha = (f_r - q) / (f_r - f_m);
  if (isnan (alpha))
    return NAN;
  return clamp01 ((hi - alpha) / n);
}

/* Exact binomial control limit with interpolation for discreteness
   (Spiegelhalter 2005, appendix A.1.1).  The lower limits (P < 1/2) are
   lower_limit above.  The upper limits (P > 1/2) apply the same
   interpolation to the lower tail of the failures, N - X ~ Binomial
   (N, 1 - P0):

     upper (P0, N, P) = 1 - lower (1 - P0, N, 1 - P).

   Why not (r_p - alpha) / N at P itself, as the appendix reads: that
   limit also lies in ((r_p - 1) / N, r_p / N], so a unit at r_p / N is
   above it, yet P (X >= r_p) > 1 - P: the upper limit flags one count
   more than the exact test does.  At P0 = 0.5, N = 20 it gives
   0.2558..0.6942 (from R: qbinom, pbinom), not symmetric about 0.5, and
   14 of 20 (P (X >= 14) = 0.058) is "above the 95 % limit"; at
   P0 = 0.95, N = 5 it gives 0.9935, so every cadre rated 5 of 5 (which
   happens with probability 0.77) would be flagged high95.  Mirrored,
   the limits are symmetric for P0 = 0.5 (1 - 0.2558 = 0.7442; 15 of 20,
   P (X >= 15) = 0.021, is the first count above), the flags are the
   exact one-sided tests on both sides, and the curve is as smooth.  For
   non-integral N the failures have the same incomplete-beta extension.

   Documented cases: N = 0 gives 0 for P < 1/2 and 1 otherwise; P0 = 0
   or 1 gives P0.  */
double
mn_funnel_exact_limit (double p0, double n, double p)
{
  if (!(p0 >= 0 && p0 <= 1) || !(n >= 0 && n <= MN_FUNNEL_N_MAX)
      || !(p > 0 && p < 1))
    return NAN;
  if (n == 0)
    return p < 0.5 ? 0.0 : 1.0;
  if (p0 == 0 || p0 == 1)
    return p0;
  if (p < 0.5)
    return lower_limit (p0, n, p);
  return 1 - lower_limit (1 - p0, n, 1 - p);
}

static int
bad_args (struct mn_funnel_limits *l, struct mn_error *e, const char *what,
          double v)
{
  if (l)
    l->lo95 = l->hi95 = l->lo998 = l->hi998 = NAN;
  return mn_error_set (e, NULL, 0, MN_R_USAGE, "%s '%.17g' out of range",
                       what, v);
}

static int
check_target (double p0, double n, struct mn_funnel_limits *l,
              struct mn_error *e)
{
  if (!(p0 >= 0 && p0 <= 1))
    return bad_args (l, e, _("funnel target"), p0);
  if (!(n >= 0 && n <= MN_FUNNEL_N_MAX))
    return bad_args (l, e, _("funnel sample size"), n);
  return 0;
}

int
mn_funnel_exact (double p0, double n, struct mn_funnel_limits *l,
                 struct mn_error *e)
{
  if (check_target (p0, n, l, e) < 0)
    return -1;
  l->lo95 = mn_funnel_exact_limit (p0, n, MN_FUNNEL_P95);
  l->hi95 = mn_funnel_exact_limit (p0, n, 1 - MN_FUNNEL_P95);
  l->lo998 = mn_funnel_exact_limit (p0, n, MN_FUNNEL_P998);
  l->hi998 = mn_funnel_exact_limit (p0, n, 1 - MN_FUNNEL_P998);
  if (isnan (l->lo95) || isnan (l->hi95) || isnan (l->lo998)
      || isnan (l->hi998))
    return bad_args (l, e, _("funnel sample size (beta function failed)"), n);
  return 0;
}

/* The z-score of a proportion against the target on the normal scale
   (Spiegelhalter 2005, sec. 2, with the binomial variance
   V (p0) = p0 (1 - p0) of sec. 3): z = (y - p0) / sqrt (V (p0) / n).  */
double
mn_funnel_z (double y, double n, double p0)
{
  if (!(n > 0) || !isfinite (n) || !(p0 > 0 && p0 < 1)
      || !(y >= 0 && y <= 1))
    return NAN;
  return (y - p0) / sqrt (p0 * (1 - p0) / n);
}

unsigned
mn_funnel_position (double y, const struct mn_funnel_limits *l)
{
  unsigned f = 0;
  if (isnan (y))
    return 0;
  if (y > l->hi95)
    f |= MN_FUNNEL_HIGH95;
  if (y > l->hi998)
    f |= MN_FUNNEL_HIGH998;
  if (y < l->lo95)
    f |= MN_FUNNEL_LOW95;
  if (y < l->lo998)
    f |= MN_FUNNEL_LOW998;
  return f;
}

static const struct
{
  const char *name;
  enum mn_funnel_inflation m;
} inflation_names[] = {
  { "none", MN_FUNNEL_NONE },
  { "additive", MN_FUNNEL_ADDITIVE },
  { "multiplicative", MN_FUNNEL_MULTIPLICATIVE },
};

int
mn_funnel_inflation_parse (const char *name, enum mn_funnel_inflation *m)
{
  for (size_t i = 0; i < sizeof inflation_names / sizeof *inflation_names;
       i++)
    if (strcmp (name, inflation_names[i].name) == 0)
      {
        *m = inflation_names[i].m;
        return 0;
      }
  return -1;
}

const char *
mn_funnel_inflation_name (enum mn_funnel_inflation m)
{
  for (size_t i = 0; i < sizeof inflation_names / sizeof *inflation_names;
       i++)
    if (inflation_names[i].m == m)
      return inflation_names[i].name;
  return NULL;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The Q quantile of the sorted X[0..K-1] by definition 7 of Hyndman &
   Fan (1996), R's default: h = (K - 1) Q, linear between the order
   statistics at floor (h) and floor (h) + 1 (0-based).  */
static double
quantile7 (const double *x, size_t k, double q)
{
  double h = (double) (k - 1) * q;
  size_t j = (size_t) floor (h);
  if (j + 1 >= k)
    return x[k - 1];
  return x[j] + (h - (double) j) * (x[j + 1] - x[j]);
}

static void
od_clear (struct mn_funnel_od *od)
{
  od->k = 0;
  od->z_lo = od->z_hi = od->phi = od->df = od->chi2 = od->p_value
    = od->tau2 = NAN;
}

/* Clear *OD, fill E and return -1.  */
#define OD_FAIL(od, e, ...)                                    \
  (od_clear (od), mn_error_set ((e), NULL, 0, MN_R_USAGE, __VA_ARGS__))

/* Over-dispersion (Spiegelhalter 2005, sec. 6).

   phi: the z-scores of the K units with answers are winsorised at 10 %
   (sec. 6: the z-scores below the 10th percentile are set to it, and
   those above the 90th to it, so that a few true outliers do not
   inflate the estimate of the spread of the rest); the percentiles are
   Hyndman & Fan's definition 7 (R's quantile () default), and
   phi = (1/K) sum z_w^2.

   Test of phi = 1: K phi against chi2 (K) when the target is given from
   outside the data (a policy figure, --target), since then each z is
   standard normal under the null, and against chi2 (K - 1) when the
   target is the overall rate of the same units, which is fitted and
   takes one degree of freedom, as in Cochran's Q.  Winsorising makes
   the reference approximate (it shrinks K phi).  The tail is GSL's
   gsl_cdf_chisq_Q, as alpha.c uses gsl_cdf_chisq_P: probed from df 2 to
   1e5 and far into the tail (K phi = 1e7), it returns 0 for an
   underflow and never called the error handler.

   Additive random effects (sec. 6): each unit's true rate is
   p0 + N (0, tau2), and tau2 is the method-of-moments estimate of
   DerSimonian & Laird (1986) computed from the winsorised phi,

     tau2 = (K phi - (K - 1)) / (sum w_i - sum w_i^2 / sum w_i),
     w_i = 1 / s_i^2,  s_i^2 = p0 (1 - p0) / n_i,

   truncated at 0.  The denominator is positive whenever K >= 2 (it is
   sum_{i != j} w_i w_j / sum w_i).  */
int
mn_funnel_overdispersion (double p0, const double *y, const double *n,
                          size_t count, int target_from_data,
                          struct mn_funnel_od *od, struct mn_error *e)
{
  if (!(p0 > 0 && p0 < 1))
    return OD_FAIL (od, e, "overdispersion needs a target strictly between "
                    "0 and 1, not '%.17g'", p0);
  size_t k = 0;
  for (size_t i = 0; i < count; i++)
    {
      if (!(n[i] >= 0) || !isfinite (n[i]))
        return OD_FAIL (od, e, "sample size '%.17g' out of range", n[i]);
      if (!(y[i] >= 0 && y[i] <= 1))
        return OD_FAIL (od, e, "proportion '%.17g' outside 0..1", y[i]);
      if (n[i] > 0)
        k++;
    }
  if (k < 2)
    return OD_FAIL (od, e, "overdispersion needs at least 2 units with "
                    "answers, not %.0f", (double) k);

  double v = p0 * (1 - p0);
  double *z = xmalloc (k * sizeof *z);
  double sw = 0, sw2 = 0;
  size_t j = 0;
  for (size_t i = 0; i < count; i++)
    if (n[i] > 0)
      {
        double w = n[i] / v;
        z[j++] = mn_funnel_z (y[i], n[i], p0);
        sw += w;
        sw2 += w * w;
      }
  double *s = xmalloc (k * sizeof *s);
  memcpy (s, z, k * sizeof *s);
  qsort (s, k, sizeof *s, cmp_double);
  double zlo = quantile7 (s, k, 0.1), zhi = quantile7 (s, k, 0.9);
  free (s);

  double ss = 0;
  for (size_t i = 0; i < k; i++)
    {
      double w = z[i] < zlo ? zlo : z[i] > zhi ? zhi : z[i];
      ss += w * w;
    }
  free (z);

  double kd = (double) k;
  od->k = k;
  od->z_lo = zlo;
  od->z_hi = zhi;
  od->phi = ss / kd;
  od->df = target_from_data ? kd - 1 : kd;
  od->chi2 = ss;
  od->p_value = gsl_cdf_chisq_Q (od->chi2, od->df);
  double tau2 = (kd * od->phi - (kd - 1)) / (sw - sw2 / sw);
  od->tau2 = tau2 > 0 ? tau2 : 0;
  return 0;
}

/* Inflated limits on the normal scale (Spiegelhalter 2005, sec. 6):

     multiplicative:  p0 +- z_p sqrt (phi p0 (1 - p0) / n),
     additive:        p0 +- z_p sqrt (p0 (1 - p0) / n + tau2).

   Which to default to: the additive random-effects model.  The
   multiplicative funnel still closes on the target as n grows, so with
   large units every departure is flagged however small; the additive one
   keeps a floor of width z sqrt (tau2), saying that units differ for
   reasons (context, unmeasured risk factors: the harsher raters of a
   land-requisition dispute) that more answers do not remove.
   Spiegelhalter (QSHC 2005) finds both feasible but the additive
   formulation to have "a stronger conceptual foundation", and it is what
   the UK Healthcare Commission adopted.  */
int
mn_funnel_inflated (double p0, double n, enum mn_funnel_inflation m,
                    const struct mn_funnel_od *od,
                    struct mn_funnel_limits *l, struct mn_error *e)
{
  if (m == MN_FUNNEL_NONE)
    return mn_funnel_exact (p0, n, l, e);
  if (check_target (p0, n, l, e) < 0)
    return -1;
  if (n == 0)
    {
      l->lo95 = l->lo998 = 0;
      l->hi95 = l->hi998 = 1;
      return 0;
    }
  if (!od)
    return bad_args (l, e, _("funnel over-dispersion"), NAN);
  double v = p0 * (1 - p0) / n, se;
  if (m == MN_FUNNEL_MULTIPLICATIVE)
    {
      if (!(od->phi >= 0))
        return bad_args (l, e, _("over-dispersion phi"), od->phi);
      se = sqrt ((od->phi > 1 ? od->phi : 1) * v);
    }
  else
    {
      if (!(od->tau2 >= 0))
        return bad_args (l, e, _("over-dispersion tau2"), od->tau2);
      se = sqrt (v + od->tau2);
    }
  double z95 = gsl_cdf_ugaussian_Qinv (MN_FUNNEL_P95);
  double z998 = gsl_cdf_ugaussian_Qinv (MN_FUNNEL_P998);
  l->lo95 = clamp01 (p0 - z95 * se);
  l->hi95 = clamp01 (p0 + z95 * se);
  l->lo998 = clamp01 (p0 - z998 * se);
  l->hi998 = clamp01 (p0 + z998 * se);
  return 0;
}

int
mn_funnel_curve (double p0, const double *n, size_t count,
                 enum mn_funnel_inflation m, const struct mn_funnel_od *od,
                 struct mn_funnel_row *rows, struct mn_error *e)
{
  for (size_t i = 0; i < count; i++)
    {
      rows[i].n = n[i];
      if (mn_funnel_exact (p0, n[i], &rows[i].exact, e) < 0
          || mn_funnel_inflated (p0, n[i], m, od, &rows[i].inflated, e) < 0)
        return -1;
    }
  return 0;
}

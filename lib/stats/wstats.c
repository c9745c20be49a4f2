/* wstats.c - survey-weighted estimates for one group, and the composite
   of respondent groups with fixed shares.

   The estimator of a group mean is the Hajek ratio sum w y / sum w, its
   variance the Taylor linearisation for a with-replacement single-stage
   design (Wolter KM (2007), Introduction to Variance Estimation, 2nd ed.,
   ch. 6; Lumley T (2010), Complex Surveys, sec. 2.3 and 3.2), which is
   what R's survey package computes for svydesign (ids = ~1,
   weights = ~w).  The effect of unequal weights on precision is
   summarised by Kish L (1965), Survey Sampling, sec. 11.7: the effective
   sample size (sum w)^2 / sum w^2 and the design effect n / n_eff.

   Everything is computed from six additive sums (struct mn_wsum), so a
   group can be accumulated in one pass and shards merged exactly.  */
#include "stats/wstats.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

void
mn_wsum_add (struct mn_wsum *s, double w, double y)
{
  double w2 = w * w;
  s->n += 1;
  s->sw += w;
  s->sw2 += w2;
  s->swy += w * y;
  s->sw2y += w2 * y;
  s->sw2y2 += w2 * y * y;
}

void
mn_wsum_merge (struct mn_wsum *a, const struct mn_wsum *b)
{
  a->n += b->n;
  a->sw += b->sw;
  a->sw2 += b->sw2;
  a->swy += b->swy;
  a->sw2y += b->sw2y;
  a->sw2y2 += b->sw2y2;
}

double
mn_wsum_mean (const struct mn_wsum *s)
{
  return s->n > 0 && s->sw > 0 ? s->swy / s->sw : NAN;
}

/* The linearisation variance of the Hajek mean m uses the residual
   sum Q = sum w_i^2 (y_i - m)^2 (the influence values are
   z_i = w_i (y_i - m) / sum w, which sum to zero, so no centring term):

     v = n / (n - 1) * Q / (sum w)^2.

   From the sums, Q = sum w^2 y^2 - 2 m sum w^2 y + m^2 sum w^2.
   Expanded that way, the large terms cancel and rounding can leave Q
   slightly negative.  It is computed instead about the w^2-weighted mean
   a = sum w^2 y / sum w^2,

     Q = (sum w^2 y^2 - a sum w^2 y) + sum w^2 (a - m)^2,

   where the second term is a non-negative product without cancellation
   and only the first (the w^2-weighted sum of squares about a) cancels;
   that one is clamped at 0.  Its relative error is about the machine
   epsilon times (a / sd)^2, sd the w^2-weighted standard deviation of y:
   on a 0-100 scale an sd of 0.05 still leaves about nine significant
   digits.  For 0/1 data with all y equal Q is exactly 0.  */
double
mn_wsum_se (const struct mn_wsum *s)
{
  if (!(s->n >= 2) || !(s->sw > 0) || !(s->sw2 > 0))
    return NAN;
  double m = s->swy / s->sw;
  double a = s->sw2y / s->sw2;
  double q1 = s->sw2y2 - a * s->sw2y;
  if (q1 < 0)
    q1 = 0;
  double q = q1 + s->sw2 * (a - m) * (a - m);
  return sqrt (s->n / (s->n - 1) * q) / s->sw;
}

double
mn_wsum_neff (const struct mn_wsum *s)
{
  return s->n > 0 && s->sw2 > 0 ? s->sw * s->sw / s->sw2 : NAN;
}

double
mn_wsum_deff (const struct mn_wsum *s)
{
  return s->n > 0 && s->sw > 0 ? s->n * s->sw2 / (s->sw * s->sw) : NAN;
}

/* The proportion's interval on the effective sample: x = p n_eff
   successes in n_eff trials, the usual device for carrying a binomial
   interval over to a weighted estimate (Kish 1965; Korn EL, Graubard BI
   (1998), Confidence intervals for proportions with small expected
   number of positive counts estimated from survey data, Survey
   Methodology 24:193-201, for the Clopper-Pearson case).  Korn and
   Graubard take n_eff from the design variance, p (1 - p) / v(p), and
   scale it by (t_df / z)^2; here n_eff is Kish's, which reflects the
   weights only, and no degrees-of-freedom adjustment is made.

   x is computed as sum w y * sum w / sum w^2, which is algebraically
   p n_eff; with unit weights every step is exact, so the interval is
   bit-for-bit that of mn_prop_ci (x, n), and x <= n_eff holds in
   floating point whenever sum w y <= sum w, since rounding is
   monotone.  */
int
mn_wsum_prop_ci (const struct mn_wsum *s, enum mn_ci_method m, double level,
                 double *lo, double *hi)
{
  *lo = *hi = NAN;
  if (!(s->n > 0) || !(s->sw > 0) || !(s->sw2 > 0)
      || !(s->swy >= 0) || !(s->swy <= s->sw))
    return -1;
  double neff = s->sw * s->sw / s->sw2;
  double x = s->swy * s->sw / s->sw2;
  return mn_prop_ci (m, x, neff, level, lo, hi);
}

/* Student t interval with n - 1 degrees of freedom, the degf of a
   single-stage design with n units (svymean's confint with
   df = degf (design)).  The quantile is taken from the lower tail for
   accuracy when LEVEL is close to 1.  */
int
mn_wsum_mean_ci (const struct mn_wsum *s, double level, double *lo,
                 double *hi)
{
  *lo = *hi = NAN;
  if (!(level > 0 && level < 1))
    return -1;
  double se = mn_wsum_se (s);
  if (isnan (se))
    return -1;
  double m = mn_wsum_mean (s);
  double t = -gsl_cdf_tdist_Pinv ((1 - level) / 2, s->n - 1);
  double half = t * se;
  *lo = m - half;
  *hi = m + half;
  return 0;
}

/* Composite score of the respondent groups of a democratic appraisal:
   a fixed-share mixture sum W_g p_g of independent group proportions,
   whose variance is sum W_g^2 p_g (1 - p_g) / n_g (the variance of a
   stratified estimator with fixed stratum weights; Cochran WG (1977),
   Sampling Techniques, 3rd ed., eq. 5.6 without the finite-population
   correction).  */
int
mn_group_composite (size_t ngroups, const double *share, const double *p,
                    const double *n, bool renormalise, double *est,
                    double *se, bool *renormalised)
{
  *est = *se = NAN;
  if (renormalised)
    *renormalised = false;
  if (ngroups == 0 || !share || !p || !n)
    return -1;

  double total = 0, present = 0;
  bool absent = false;
  for (size_t g = 0; g < ngroups; g++)
    {
      if (!isfinite (share[g]) || !(share[g] >= 0)
          || !isfinite (n[g]) || !(n[g] >= 0))
        return -1;
      total += share[g];
      if (n[g] > 0)
        {
          if (!(p[g] >= 0 && p[g] <= 1))
            return -1;
          present += share[g];
        }
      else if (share[g] > 0)
        absent = true;
    }
  if (!(fabs (total - 1) <= 1e-9) || !(present > 0)
      || (absent && !renormalise))
    return -1;

  double e = 0, v = 0;
  for (size_t g = 0; g < ngroups; g++)
    {
      if (!(n[g] > 0))
        continue;
      double wg = absent ? share[g] / present : share[g];
      e += wg * p[g];
      v += wg * wg * p[g] * (1 - p[g]) / n[g];
    }
  *est = e;
  *se = sqrt (v);
  if (renormalised)
    *renormalised = absent;
  return 0;
}

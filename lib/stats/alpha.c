/* alpha.c - Cronbach's alpha with Feldt's confidence interval, and a
   lower-tail variance-ratio test.

     Cronbach LJ (1951).  Coefficient alpha and the internal structure of
       tests.  Psychometrika 16:297-334.
     Feldt LS (1965).  The approximate sampling distribution of
       Kuder-Richardson reliability coefficient twenty.  Psychometrika
       30:357-370.
     Feldt LS, Woodruff DJ, Salih FA (1987).  Statistical inference for
       coefficient alpha.  Applied Psychological Measurement 11:93-103.
     Chan TF, Golub GH, LeVeque RJ (1979).  Updating formulae and a
       pairwise algorithm for computing sample variances.  Stanford
       STAN-CS-79-773.

   F and chi-square distribution functions come from GSL, F quantiles
   from quantile.c (gsl_cdf_fdist_Pinv fails, for instance, at
   F (9999, 9999), the Feldt interval of 10,000 respondents on 2 items).  */

#include "stats/alpha.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

#include "stats/quantile.h"
#include "base/xalloc.h"

void
mn_alpha_init (struct mn_alpha *a, size_t k)
{
  /* K*K could wrap for absurd K; ask for SIZE_MAX elements instead, which
     fails and ends in xalloc's "memory exhausted".  */
  size_t kk = k != 0 && k > SIZE_MAX / k ? SIZE_MAX : k * k;
  a->k = k;
  a->n = 0;
  /* Written at every case: on cache lines of their own (xalloc.h).  */
  if (k > SIZE_MAX / sizeof *a->mean || kk > SIZE_MAX / sizeof *a->cm)
    xalloc_die ();
  a->mean = xline_alloc (k * sizeof *a->mean);
  a->cm = xline_alloc (kk * sizeof *a->cm);
}

void
mn_alpha_release (struct mn_alpha *a)
{
  free (a->mean);
  free (a->cm);
  a->mean = a->cm = NULL;
  a->k = 0;
  a->n = 0;
}

/* Welford's update in its multivariate form: with d = x - (old mean) and
   n the new count,

     C[i][j] += (n - 1) / n * d[i] * d[j],   mean[i] += d[i] / n.

   The co-moments are updated from the old means before the means move,
   so no scratch vector is needed.  Each off-diagonal increment is computed
   once and added to both C[i][j] and C[j][i], which keeps the matrix
   exactly symmetric.  */
void
mn_alpha_add (struct mn_alpha *a, const double *x)
{
  size_t k = a->k;
  double n = a->n + 1;
  double f = a->n / n;
  for (size_t i = 0; i < k; i++)
    {
      double fdi = f * (x[i] - a->mean[i]);
      for (size_t j = i; j < k; j++)
        {
          double v = fdi * (x[j] - a->mean[j]);
          a->cm[i * k + j] += v;
          if (j != i)
            a->cm[j * k + i] += v;
        }
    }
  for (size_t i = 0; i < k; i++)
    a->mean[i] += (x[i] - a->mean[i]) / n;
  a->n = n;
}

/* Chan, Golub & LeVeque's (1979) pairwise update, for co-moments: with
   d = mean(B) - mean(A),

     C[i][j] = C_A[i][j] + C_B[i][j] + d[i] d[j] n_A n_B / n,
     mean[i] = mean_A[i] + d[i] n_B / n.

   Accumulators of different K cannot be merged; A is then left as it
   was (the header states the precondition).  */
void
mn_alpha_merge (struct mn_alpha *a, const struct mn_alpha *b)
{
  if (b->n == 0 || b->k != a->k)
    return;
  size_t k = a->k;
  double n = a->n + b->n;
  double f = a->n * b->n / n;
  for (size_t i = 0; i < k; i++)
    {
      double fdi = f * (b->mean[i] - a->mean[i]);
      for (size_t j = i; j < k; j++)
        {
          double v = fdi * (b->mean[j] - a->mean[j]);
          a->cm[i * k + j] += b->cm[i * k + j] + v;
          if (j != i)
            a->cm[j * k + i] = a->cm[i * k + j];
        }
    }
  for (size_t i = 0; i < k; i++)
    a->mean[i] += (b->mean[i] - a->mean[i]) * (b->n / n);
  a->n = n;
}

/* Alpha from the co-moment matrix C: the item variances are C[i][i] / (n-1)
   and the variance of the total score is the sum of all of C over (n-1);
   the n - 1 cancels in the ratio.

   A total variance at rounding level against the item variances (items
   that cancel, such as x and 6 - x) is treated as zero: the ratio would be
   noise of order 1e15, not a coefficient.

   Feldt's interval.  Under the two-way persons x items model, Feldt (1965)
   showed (1 - alpha_pop) / (1 - alpha) ~ F (n - 1, (n - 1)(k - 1)), so with
   g = 1 - LEVEL (see also Feldt, Woodruff & Salih 1987)

     lo = 1 - (1 - alpha) F^-1 (1 - g/2; n - 1, (n - 1)(k - 1)),
     hi = 1 - (1 - alpha) F^-1 (g/2;     n - 1, (n - 1)(k - 1)).

   This is the interval of R's psych::alpha.ci.  The quantile at 1 - g/2
   is asked for by its upper tail area g/2, so a small g loses nothing.
   The F quantiles are finite and positive for every level in (0, 1) and
   n >= 2, k >= 2, so both bounds are numbers whenever alpha is.  */
int
mn_alpha_value (const struct mn_alpha *a, double level, double *alpha,
                double *lo, double *hi)
{
  *alpha = *lo = *hi = NAN;
  size_t k = a->k;
  if (a->n < 2 || k < 2 || !(level > 0 && level < 1))
    return -1;

  double items = 0, total = 0;
  for (size_t i = 0; i < k; i++)
    {
      items += a->cm[i * k + i];
      for (size_t j = 0; j < k; j++)
        total += a->cm[i * k + j];
    }
  double kd = (double) k;
  if (!(total > kd * kd * DBL_EPSILON * items))
    return -1;

  double al = kd / (kd - 1) * (1 - items / total);
  double df1 = a->n - 1, df2 = (a->n - 1) * (kd - 1);
  double g = 1 - level;
  *alpha = al;
  *lo = 1 - (1 - al) * mn_f_quantile_upper (g / 2, df1, df2);
  *hi = 1 - (1 - al) * mn_f_quantile (g / 2, df1, df2);
  return 0;
}

/* The variance-ratio (chi-square) test of a normal variance, lower tail:
   (N - 1) S2 / SIGMA2 ~ chi2 (N - 1) under the null.  gsl_cdf_chisq_P
   computes the regularised lower incomplete gamma P ((N-1)/2, X/2) and
   does not invoke the error handler.  */
double
mn_var_test_lower (double n, double s2, double sigma2)
{
  if (!(n >= 2) || !(sigma2 > 0) || !(s2 >= 0))
    return NAN;
  return gsl_cdf_chisq_P ((n - 1) * s2 / sigma2, n - 1);
}

/* P (F <= f) for F ~ F (DF1, DF2) from the beta distribution
   (A&S 26.6.2): I_x (df1/2, df2/2) with x = df1 f / (df1 f + df2), from
   quantile.c, since gsl_cdf_fdist_P is NaN for large degrees of freedom
   near the mean (pf (1, 1e7, 1e7) is 1/2).  */
double
mn_var_ratio_test_lower (double df1, double s1, double df2, double s2)
{
  if (!(df1 > 0) || !(df2 > 0) || !(s2 > 0) || !(s1 >= 0))
    return NAN;
  double f = s1 / s2;
  return mn_beta_cdf (df1 * f / (df1 * f + df2), df1 / 2, df2 / 2);
}

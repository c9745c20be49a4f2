/* moments.c - running mean and variance, and the t interval of a mean.  */
#include "stats/moments.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

void
mn_moments_add (struct mn_moments *m, double x)
{
  m->n += 1;
  double d = x - m->mean;
  m->mean += d / m->n;
  m->m2 += d * (x - m->mean);
}

void
mn_moments_merge (struct mn_moments *a, const struct mn_moments *b)
{
  if (b->n == 0)
    return;
  double n = a->n + b->n;
  double d = b->mean - a->mean;
  a->mean += d * b->n / n;
  a->m2 += b->m2 + d * d * a->n * b->n / n;
  a->n = n;
}

double
mn_moments_var (const struct mn_moments *m)
{
  return m->n < 2 ? NAN : m->m2 / (m->n - 1);
}

int
mn_mean_ci (const struct mn_moments *m, double level, double *lo,
            double *hi)
{
  *lo = *hi = NAN;
  if (m->n < 2 || !(level > 0 && level < 1))
    return -1;
  double t = gsl_cdf_tdist_Pinv ((1 + level) / 2, m->n - 1);
  double half = t * sqrt (mn_moments_var (m) / m->n);
  *lo = m->mean - half;
  *hi = m->mean + half;
  return 0;
}

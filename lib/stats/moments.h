/* moments.h - running mean and variance, and the t interval of a mean.  */
#ifndef MINYI_MOMENTS_H
#define MINYI_MOMENTS_H

/* Count, mean and sum of squared deviations (Welford 1962).  Additive:
   two can be merged exactly (Chan, Golub & LeVeque 1979), so shards of
   a survey give the same result as the whole.  Zero-initialise.  */
struct mn_moments
{
  double n, mean, m2;
};

void mn_moments_add (struct mn_moments *m, double x);

/* Fold B (borrowed, unchanged) into A.  */
void mn_moments_merge (struct mn_moments *a, const struct mn_moments *b);

/* Sample variance (denominator n - 1); NaN when n < 2.  */
double mn_moments_var (const struct mn_moments *m);

/* Two-sided Student t interval for the mean at LEVEL:
   mean -+ t(n-1, (1+LEVEL)/2) * s / sqrt(n).  Returns 0, or -1 with NaN
   bounds when n < 2 or LEVEL is not in (0, 1).  */
int mn_mean_ci (const struct mn_moments *m, double level, double *lo,
                double *hi);

#endif

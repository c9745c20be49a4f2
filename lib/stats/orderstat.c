/* orderstat.c - sample quantiles of a histogram of whole numbers.  */
#include "stats/orderstat.h"

#include <math.h>

/* The K-th smallest observation (K from 1) of the histogram.  */
static double
order_stat (const unsigned long *count, size_t nv, unsigned long k)
{
  unsigned long seen = 0;
  for (size_t v = 0; v < nv; v++)
    {
      seen += count[v];
      if (seen >= k)
        return (double) v;
    }
  return NAN;
}

double
mn_hist_quantile7 (const unsigned long *count, size_t nv, double p)
{
  unsigned long n = 0;
  for (size_t v = 0; v < nv; v++)
    n += count[v];
  if (n == 0 || !(p >= 0 && p <= 1))
    return NAN;
  /* As R 4.2's quantile.default computes type 7, operation for
     operation, so that the same double comes out: index = 1 + (n - 1) p,
     lo = floor (index), and where index > lo and x[hi] != x[lo],
     (1 - h) x[lo] + h x[hi] with h = index - lo.  */
  double index = 1 + (double) (n - 1) * p;
  double lo = floor (index), hi = ceil (index);
  double qlo = order_stat (count, nv, (unsigned long) lo);
  double qhi = order_stat (count, nv, (unsigned long) hi);
  if (index > lo && qhi != qlo)
    {
      double h = index - lo;
      return (1 - h) * qlo + h * qhi;
    }
  return qlo;
}

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
  double h = (double) (n - 1) * p + 1;
  double fl = floor (h);
  unsigned long j = (unsigned long) fl;
  double lo = order_stat (count, nv, j);
  if (j >= n || h == fl)
    return lo;
  double hi = order_stat (count, nv, j + 1);
  return lo + (h - fl) * (hi - lo);
}

/* orderstat.h - sample quantiles of whole numbers kept as a histogram,
   so that a group's quantiles need memory for its distinct values, not
   for its observations.  */
#ifndef MINYI_ORDERSTAT_H
#define MINYI_ORDERSTAT_H

#include <stddef.h>

/* The P-quantile (0 <= P <= 1) of the sample holding COUNT[v]
   observations of the value V, for V = 0 .. NV - 1 (COUNT borrowed), by
   Hyndman and Fan's definition 7, the default of R's quantile() and of
   S: with the N observations sorted, x(1) <= ... <= x(N), and
   h = (N - 1) P + 1, it is x(floor h) + (h - floor h) (x(floor h + 1) -
   x(floor h)), computed as R computes it, bit for bit.  NaN when the sample is empty.  Hyndman, R. J. and Fan,
   Y. (1996), "Sample quantiles in statistical packages", The American
   Statistician 50, 361-365.  */
double mn_hist_quantile7 (const unsigned long *count, size_t nv, double p);

#endif

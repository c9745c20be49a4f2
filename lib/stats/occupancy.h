/* occupancy.h - how many groups a sample of rows suggests (the
   classical occupancy problem: N draws, with replacement and equally
   likely, from G groups meet G (1 - exp (-N / G)) distinct groups on
   average).

   minyi-score -j asks it whether its ranges are worth reading on
   several threads: from the groups a range met in its first records,
   how many rows each group will have in the whole range.  An estimate
   for a decision on speed, never for a figure in a table.  */
#ifndef MINYI_OCCUPANCY_H
#define MINYI_OCCUPANCY_H

/* The distinct groups N draws meet on average from G groups:
   G (1 - exp (-N / G)) (N itself when G is infinite).  */
double mn_occupancy_expected (double groups, double draws);

/* The G for which N draws meet SEEN distinct groups on average (the
   moment estimate, by Brent's method of GSL): SEEN when it is 0 or the
   draws repeat a great deal, INFINITY when SEEN is N (every draw new)
   or too close to it for a finite G below 10^15.  */
double mn_occupancy_groups (double draws, double seen);

#endif

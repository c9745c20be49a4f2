/* betadraw.h - exact Beta variates, fast when many are drawn from the
   same few distributions: each distribution's constants are computed
   once (mn_betadraw_init), each variate then only draws from a GSL
   generator and does a few products.

   Method: X ~ Gamma (a), Y ~ Gamma (b) independent give X / (X + Y) ~
   Beta (a, b).  Each gamma variate is Marsaglia and Tsang's (2000,
   "A simple method for generating gamma variables", ACM TOMS 26:363)
   squeeze-and-reject method on GSL's ziggurat normal and uniform
   variates, the algorithm of gsl_ran_gamma, exact in distribution
   (to the precision of the arithmetic): its squeeze accepts about 98 %
   of the trials without a logarithm.  A shape s < 1 is drawn as
   Gamma (s + 1) U^(1/s) (their section 6), the factor kept as a
   logarithm so that two tiny variates never make 0 / 0.
   gsl_ran_beta does the same (or Johnk's method when a, b <= 1) but
   recomputes the constants, a square root and a power, at each call.
   Cheng's (1978) algorithm BB, R's rbeta, was tried and is slower
   here: its quick test accepts only about 40 % of the trials, the
   others taking one or two logarithms more.  */
#ifndef MINYI_BETADRAW_H
#define MINYI_BETADRAW_H

#include <gsl/gsl_rng.h>

/* The constants of one gamma shape s: d = s' - 1/3, c = 1 / sqrt (9 d)
   with s' = s (s >= 1, INV = 0) or s + 1 (s < 1, INV = 1 / s).  */
struct mn_gamma_k
{
  double d, c, inv;
};

struct mn_betadraw
{
  struct mn_gamma_k x, y;
};

/* Prepare to draw Beta (A, B), A, B > 0 and finite.  */
void mn_betadraw_init (struct mn_betadraw *g, double a, double b);

/* One Beta variate of G (borrowed) from RNG, in [0, 1].  */
double mn_betadraw (const struct mn_betadraw *g, gsl_rng *rng);

#endif

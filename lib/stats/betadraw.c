/* betadraw.c - exact Beta variates from two gamma variates, constants
   computed once per distribution (see betadraw.h).  */
#define HAVE_INLINE 1           /* GSL's inline gsl_rng_uniform_pos */
#include "stats/betadraw.h"

#include <gsl/gsl_randist.h>
#include <math.h>

static void
gamma_init (struct mn_gamma_k *k, double s)
{
  k->inv = s < 1 ? 1 / s : 0;
  k->d = (s < 1 ? s + 1 : s) - 1.0 / 3;
  k->c = 1 / sqrt (9 * k->d);
}

void
mn_betadraw_init (struct mn_betadraw *g, double a, double b)
{
  gamma_init (&g->x, a);
  gamma_init (&g->y, b);
}

/* A Gamma (s') variate, s' >= 1, by Marsaglia and Tsang (2000): x
   normal, v = (1 + c x)^3, accepted when U < 1 - 0.0331 x^4 (the
   squeeze) or log U < x^2 / 2 + d (1 - v + log v); the variate is d v.
   As gsl_ran_gamma does it, with d and c given.  */
static inline double
gamma_core (const struct mn_gamma_k *k, gsl_rng *rng)
{
  for (;;)
    {
      double x, v;
      do
        {
          x = gsl_ran_gaussian_ziggurat (rng, 1.0);
          v = 1 + k->c * x;
        }
      while (v <= 0);
      v = v * v * v;
      double u = gsl_rng_uniform_pos (rng), x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2
          || log (u) < 0.5 * x2 + k->d * (1 - v + log (v)))
        return k->d * v;
    }
}

double
mn_betadraw (const struct mn_betadraw *g, gsl_rng *rng)
{
  double x = gamma_core (&g->x, rng);
  double lx = g->x.inv ? log (gsl_rng_uniform_pos (rng)) * g->x.inv : 0;
  double y = gamma_core (&g->y, rng);
  double ly = g->y.inv ? log (gsl_rng_uniform_pos (rng)) * g->y.inv : 0;
  if (!g->x.inv && !g->y.inv)
    return x / (x + y);
  /* X / (X + Y) = 1 / (1 + (y / x) e^(ly - lx)), X = x e^lx and Y =
     y e^ly: neither underflows.  An overflow gives 1 / inf = 0, as it
     should.  */
  return 1 / (1 + y / x * exp (ly - lx));
}

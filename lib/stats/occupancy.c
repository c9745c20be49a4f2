/* occupancy.c - the occupancy estimate (occupancy.h).

   Nothing here calls the GSL error handler (process-wide, and aborting
   by default): the bracket is checked to straddle the root before
   Brent's method starts, and the function is finite on it.  */
#include "stats/occupancy.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>

double
mn_occupancy_expected (double groups, double draws)
{
  if (isinf (groups))
    return draws;
  if (groups <= 0)
    return 0;
  return -groups * expm1 (-draws / groups);
}

struct gap
{
  double draws, seen;
};

static double
gap (double groups, void *arg)
{
  const struct gap *g = arg;
  return mn_occupancy_expected (groups, g->draws) - g->seen;
}

double
mn_occupancy_groups (double draws, double seen)
{
  if (!(seen > 0) || !(draws > 0))
    return 0;
  if (seen >= draws)
    return INFINITY;
  /* E (G) = G (1 - exp (-N / G)) grows with G from SEEN's lower
     bracket: at G = SEEN it is below SEEN, and it tends to N.  */
  const double hi = 1e15;
  struct gap arg = { draws, seen };
  if (gap (hi, &arg) < 0)
    return INFINITY;
  if (gap (seen, &arg) >= 0)
    return seen;
  gsl_function f = { gap, &arg };
  gsl_root_fsolver *s = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  if (!s)
    return NAN;
  double lo = seen, up = hi, root = NAN;
  if (gsl_root_fsolver_set (s, &f, lo, up) == GSL_SUCCESS)
    for (int i = 0; i < 200; i++)
      {
        if (gsl_root_fsolver_iterate (s) != GSL_SUCCESS)
          break;
        root = gsl_root_fsolver_root (s);
        lo = gsl_root_fsolver_x_lower (s);
        up = gsl_root_fsolver_x_upper (s);
        if (gsl_root_test_interval (lo, up, 0, 1e-12) == GSL_SUCCESS)
          break;
      }
  gsl_root_fsolver_free (s);
  return root;
}

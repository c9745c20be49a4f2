/* betabin.c - empirical-Bayes beta-binomial shrinkage.

   The model: group i's rate p_i is drawn from Beta (alpha, beta), and its
   x_i satisfied of n_i answers are binomial given p_i.  Marginally x_i is
   beta-binomial, with log-likelihood (binomial coefficients dropped, they
   do not depend on the parameters)

     l (alpha, beta) = sum_i lnB (x_i + alpha, n_i - x_i + beta)
                             - lnB (alpha, beta)

   (Skellam 1948; Griffiths 1973; Williams 1975), written here as
   lnpoch (alpha, x) + lnpoch (beta, n - x) - lnpoch (alpha + beta, n),
   lnpoch (a, x) = lnGamma (a + x) - lnGamma (a), which GSL computes
   without the cancellation of two large log-gammas when a is large.  The
   prior is fitted by maximising l, and each group then gets the conjugate
   posterior Beta (alpha + x_i, beta + n_i - x_i), whose mean shrinks the
   raw rate towards the prior mean: the empirical-Bayes estimator of
   Efron & Morris (1975), there with a normal prior on the arcsine scale,
   here with its binomial form.

   Maximisation is on (log alpha, log beta), by GSL's BFGS (Fletcher's
   version, vector_bfgs2) with the analytic gradient

     dl/dalpha = sum_i psi (x_i + alpha) - psi (alpha)
                       - psi (n_i + alpha + beta) + psi (alpha + beta)

   (and likewise for beta with n_i - x_i), times alpha (beta) for the
   log scale.  Should BFGS fail to make progress, the Nelder-Mead simplex
   (nmsimplex2) finishes from where it stopped.

   The start, and MN_BB_MM on its own, is Kleinman's (1973) weighted
   method of moments with weights w_i = n_i (his first stage, not
   iterated):

     p = X / N,  S = sum_i n_i (x_i / n_i - p)^2,
     rho = [S / (p (1 - p)) - (G - 1)]
           / [N - sum_i n_i^2 / N - (G - 1)],

   from E S = p (1 - p) [rho sum w_i (1 - w_i / W)
                         + (1 - rho) sum (w_i / n_i) (1 - w_i / W)],
   rho = 1 / (alpha + beta + 1) being the intra-group correlation; then
   alpha + beta = 1 / rho - 1, alpha = p (alpha + beta).  With equal n_i it
   is the classical moment estimator (sample mean and variance of the
   rates).

   The boundary alpha + beta -> infinity (one common rate, the binomial
   model) is detected before any minimising, by the sign of the score in
   the overdispersion theta = 1 / (alpha + beta) at theta = 0 with the mean
   at its binomial estimate p = X / N.  Expanding lnpoch (a, x) for large
   a, that score is, up to the positive factor 1 / (2 p (1 - p)),

     T = sum_i (x_i - n_i p)^2 - p (1 - p) N,

   the numerator of Tarone's (1979) test of the binomial against the
   beta-binomial.  When T <= 0 the likelihood does not rise as the groups
   are let apart, and the fit is full pooling unless the minimiser finds
   a finite maximum above the boundary's likelihood (possible, as the
   likelihood is not concave in theta: see mn_bb_fit).  The other
   boundary,
   alpha + beta -> 0, is the supremum exactly when every rate is 0 or 1:
   P (x = n) = E p^n < E p = mean unless p is 0 or 1 almost surely.

     Skellam JG (1948).  A probability distribution derived from the
       binomial distribution by regarding the probability of success as
       variable between the sets of trials.  JRSS B 10:257-261.
     Griffiths DA (1973).  Maximum likelihood estimation for the
       beta-binomial distribution and an application to the household
       distribution of the total number of cases of a disease.
       Biometrics 29:637-648.
     Kleinman JC (1973).  Proportions with extraneous variance: single
       and independent samples.  JASA 68:46-54.
     Efron B, Morris C (1975).  Data analysis using Stein's estimator and
       its generalizations.  JASA 70:311-319.
     Williams DA (1975).  The analysis of binary responses from
       toxicological experiments involving reproduction and
       teratogenicity.  Biometrics 31:949-952.
     Tarone RE (1979).  Testing the goodness of fit of the binomial
       distribution.  Biometrika 66:585-590.
     Fletcher R (1987).  Practical Methods of Optimization, 2nd ed.
       Wiley (the BFGS and line search of vector_bfgs2).

   Nothing here calls the GSL error handler: lnpoch and psi are evaluated
   at positive finite arguments only (the parameters are confined to
   log alpha, log beta in [-LOG_LIM, LOG_LIM]), and the minimisers return
   their status codes without it.  */

#include "stats/betabin.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_vector.h>

#include "stats/quantile.h"

/* The box the minimiser's parameters are held in, on the log scale:
   e^-600 and e^600 are far from any fitted prior, and psi, lnpoch and
   alpha + beta + n stay finite there.  */
#define LOG_LIM 600.0

/* Iterations allowed to each minimiser.  */
#define MAX_ITER 1000

struct bb_data
{
  const double *x, *n;
  size_t k;
};

double
mn_bb_loglik (double alpha, double beta, const double *x, const double *n,
              size_t k)
{
  if (!(alpha > 0 && beta > 0 && isfinite (alpha) && isfinite (beta)))
    return NAN;
  double l = 0;
  for (size_t i = 0; i < k; i++)
    if (n[i] > 0)
      l += gsl_sf_lnpoch (alpha, x[i]) + gsl_sf_lnpoch (beta, n[i] - x[i])
           - gsl_sf_lnpoch (alpha + beta, n[i]);
  return l;
}

/* The parameters of the log-scale point V, clamped to the box; *PEN gets
   the squared distance outside it, a penalty that keeps the objective
   continuous and pointing back in.  */
static void
params_of (const gsl_vector *v, double *alpha, double *beta, double *u,
           double *w, double *pen)
{
  *u = gsl_vector_get (v, 0);
  *w = gsl_vector_get (v, 1);
  double cu = fmin (fmax (*u, -LOG_LIM), LOG_LIM);
  double cw = fmin (fmax (*w, -LOG_LIM), LOG_LIM);
  *pen = (*u - cu) * (*u - cu) + (*w - cw) * (*w - cw);
  *u -= cu;
  *w -= cw;
  *alpha = exp (cu);
  *beta = exp (cw);
}

/* The objective, -l at (e^v0, e^v1).  A NaN argument (not seen: the
   minimisers only form finite points from finite ones) gives +infinity.  */
static double
negll_f (const gsl_vector *v, void *params)
{
  const struct bb_data *d = params;
  double a, b, du, dw, pen;
  params_of (v, &a, &b, &du, &dw, &pen);
  if (isnan (pen))
    return INFINITY;
  return -mn_bb_loglik (a, b, d->x, d->n, d->k) + 0.5 * pen;
}

static void
negll_df (const gsl_vector *v, void *params, gsl_vector *g)
{
  const struct bb_data *d = params;
  double a, b, du, dw, pen;
  params_of (v, &a, &b, &du, &dw, &pen);
  double ga = 0, gb = 0;
  if (isnan (pen))
    {
      gsl_vector_set (g, 0, 0);
      gsl_vector_set (g, 1, 0);
      return;
    }
  double psi_ab = gsl_sf_psi (a + b), psi_a = gsl_sf_psi (a),
         psi_b = gsl_sf_psi (b);
  for (size_t i = 0; i < d->k; i++)
    {
      double x = d->x[i], n = d->n[i];
      if (!(n > 0))
        continue;
      double common = psi_ab - gsl_sf_psi (n + a + b);
      ga += (x > 0 ? gsl_sf_psi (x + a) - psi_a : 0) + common;
      gb += (n - x > 0 ? gsl_sf_psi (n - x + b) - psi_b : 0) + common;
    }
  /* Inside the box the penalty terms are 0; outside, the clamped
     coordinate contributes only its penalty.  */
  gsl_vector_set (g, 0, du != 0 ? du : -a * ga);
  gsl_vector_set (g, 1, dw != 0 ? dw : -b * gb);
}

static void
negll_fdf (const gsl_vector *v, void *params, double *f, gsl_vector *g)
{
  *f = negll_f (v, params);
  negll_df (v, params, g);
}

/* Has the fit run off towards full pooling?  */
static int
runaway (const gsl_vector *v)
{
  return gsl_vector_get (v, 0) > log (10 * MN_BB_STRENGTH_MAX)
         || gsl_vector_get (v, 1) > log (10 * MN_BB_STRENGTH_MAX);
}

/* The gradient is small enough: relative to the size of the objective,
   which is what the evaluation error of l scales with.  */
static int
small_grad (const gsl_vector *g, double f, double tol)
{
  return gsl_multimin_test_gradient (g, tol * (1 + fabs (f))) == GSL_SUCCESS;
}

/* Newton's method on the log scale with the analytic Hessian, from V
   (updated): the polish after BFGS or the simplex, which stall once the
   decrease of -l per step is near its rounding error while the gradient
   is still about 1e-6; on a flat likelihood (a large, poorly determined
   strength) that would leave the parameters off in the fifth digit.  A
   step is taken only where the Hessian of -l is positive definite and
   only if it shrinks the gradient.  Trigamma (psi_1) is only evaluated
   with log alpha and log beta within +-300, where it cannot overflow.
   Returns the steps taken.  */
static int
newton_polish (struct bb_data *d, gsl_vector *v)
{
  gsl_vector *g = gsl_vector_alloc (2), *w = gsl_vector_alloc (2),
             *gw = gsl_vector_alloc (2);
  int steps = 0;
  negll_df (v, d, g);
  for (int it = 0; it < 20; it++)
    {
      double u = gsl_vector_get (v, 0), t = gsl_vector_get (v, 1);
      if (!(fabs (u) < 300 && fabs (t) < 300))
        break;
      double a = exp (u), b = exp (t);
      double haa = 0, hbb = 0, hab = 0;
      double t_ab = gsl_sf_psi_1 (a + b), t_a = gsl_sf_psi_1 (a),
             t_b = gsl_sf_psi_1 (b);
      for (size_t i = 0; i < d->k; i++)
        {
          double x = d->x[i], n = d->n[i];
          if (!(n > 0))
            continue;
          double c = t_ab - gsl_sf_psi_1 (n + a + b);
          haa += (x > 0 ? gsl_sf_psi_1 (x + a) - t_a : 0) + c;
          hbb += (n - x > 0 ? gsl_sf_psi_1 (n - x + b) - t_b : 0) + c;
          hab += c;
        }
      /* The Hessian of -l in (log alpha, log beta); g is already the
         gradient of -l there, -alpha dl/dalpha.  */
      double g0 = gsl_vector_get (g, 0), g1 = gsl_vector_get (g, 1);
      double h00 = g0 - a * a * haa, h11 = g1 - b * b * hbb,
             h01 = -a * b * hab;
      double det = h00 * h11 - h01 * h01;
      if (!(h00 > 0 && det > 0))
        break;
      double s0 = -(h11 * g0 - h01 * g1) / det;
      double s1 = -(h00 * g1 - h01 * g0) / det;
      gsl_vector_set (w, 0, u + s0);
      gsl_vector_set (w, 1, t + s1);
      negll_df (w, d, gw);
      if (!(gsl_blas_dnrm2 (gw) < gsl_blas_dnrm2 (g)))
        break;
      gsl_vector_memcpy (v, w);
      gsl_vector_memcpy (g, gw);
      steps++;
      if (fabs (s0) + fabs (s1) < 1e-13 * (1 + fabs (u) + fabs (t)))
        break;
    }
  gsl_vector_free (gw);
  gsl_vector_free (w);
  gsl_vector_free (g);
  return steps;
}

/* Maximise l from (A0, B0).  Sets *A, *B, the iterations and whether the
   minimiser converged; returns 1 if it ran off past ten times
   MN_BB_STRENGTH_MAX (the caller pools), else 0.  */
static int
maximise (struct bb_data *d, double a0, double b0, double *a, double *b,
          int *iter, int *converged)
{
  gsl_multimin_function_fdf fdf = {
    .f = negll_f, .df = negll_df, .fdf = negll_fdf, .n = 2, .params = d
  };
  gsl_vector *v = gsl_vector_alloc (2);
  gsl_vector *g = gsl_vector_alloc (2);
  gsl_vector_set (v, 0, log (a0));
  gsl_vector_set (v, 1, log (b0));
  gsl_multimin_fdfminimizer *s
    = gsl_multimin_fdfminimizer_alloc
        (gsl_multimin_fdfminimizer_vector_bfgs2, 2);
  gsl_multimin_fdfminimizer_set (s, &fdf, v, 0.1, 0.1);
  int it = 0, ok = 0, off = 0;
  while (it < MAX_ITER)
    {
      it++;
      int st = gsl_multimin_fdfminimizer_iterate (s);
      if (runaway (s->x))
        {
          off = 1;
          break;
        }
      if (small_grad (s->gradient, s->f, 1e-9))
        {
          ok = 1;
          break;
        }
      if (st != GSL_SUCCESS)
        break;          /* no progress: Newton or the simplex finish */
    }
  gsl_vector_memcpy (v, s->x);
  gsl_multimin_fdfminimizer_free (s);

  if (!ok && !off)
    {
      /* BFGS stalled: usually near the optimum, where Newton finishes.  */
      it += newton_polish (d, v);
      negll_df (v, d, g);
      ok = small_grad (g, negll_f (v, d), 1e-9);
    }
  if (!ok && !off)
    {
      /* Still not there: Nelder-Mead from where it stopped, until the
         simplex is tiny on the log scale; then Newton again, and the
         gradient decides convergence.  */
      gsl_multimin_function fn = { .f = negll_f, .n = 2, .params = d };
      gsl_vector *step = gsl_vector_alloc (2);
      gsl_vector_set_all (step, 0.05);
      gsl_multimin_fminimizer *m
        = gsl_multimin_fminimizer_alloc (gsl_multimin_fminimizer_nmsimplex2,
                                         2);
      gsl_multimin_fminimizer_set (m, &fn, v, step);
      int j = 0;
      while (j < MAX_ITER)
        {
          j++;
          int st = gsl_multimin_fminimizer_iterate (m);
          if (runaway (m->x))
            {
              off = 1;
              break;
            }
          if (st != GSL_SUCCESS
              || gsl_multimin_test_size (gsl_multimin_fminimizer_size (m),
                                         1e-10) == GSL_SUCCESS)
            break;
        }
      it += j;
      gsl_vector_memcpy (v, m->x);
      gsl_multimin_fminimizer_free (m);
      gsl_vector_free (step);
    }
  if (!off)
    {
      it += newton_polish (d, v);
      negll_df (v, d, g);
      ok = small_grad (g, negll_f (v, d), 1e-9);
    }

  *a = exp (fmin (gsl_vector_get (v, 0), LOG_LIM));
  *b = exp (fmin (gsl_vector_get (v, 1), LOG_LIM));
  *iter = it;
  *converged = ok;
  gsl_vector_free (g);
  gsl_vector_free (v);
  return off;
}

/* x log p + (n - x) log (1 - p) summed over the groups: the limit of l as
   alpha + beta -> infinity with alpha / (alpha + beta) = P, 0 log 0
   being 0.  */
static double
binomial_loglik (double p, const double *x, const double *n, size_t k)
{
  double l = 0;
  for (size_t i = 0; i < k; i++)
    if (n[i] > 0)
      {
        if (x[i] > 0)
          l += x[i] * log (p);
        if (n[i] - x[i] > 0)
          l += (n[i] - x[i]) * log1p (-p);
      }
  return l;
}

static void
set_pooled (struct mn_bb_fit *f, enum mn_bb_why why, const double *x,
            const double *n, size_t k)
{
  f->kind = MN_BB_POOLED;
  f->why = why;
  f->alpha = f->beta = f->strength = INFINITY;
  f->mean = f->x_sum / f->n_sum;
  f->loglik = binomial_loglik (f->mean, x, n, k);
}

int
mn_bb_fit (enum mn_bb_method method, const double *x, const double *n,
           size_t k, struct mn_bb_fit *fit, struct mn_error *e)
{
  memset (fit, 0, sizeof *fit);
  fit->method = method;
  fit->kind = MN_BB_PRIOR;
  fit->why = MN_BB_WHY_NONE;
  fit->converged = 1;
  if (k == 0)
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "no groups to fit a prior to");

  /* Check the pairs; count the groups with answers, their sums, and
     those at rate 0 and 1.  */
  size_t g = 0, g0 = 0, g1 = 0;
  double xs = 0, ns = 0, nn = 0;
  for (size_t i = 0; i < k; i++)
    {
      if (!(isfinite (x[i]) && isfinite (n[i]) && x[i] >= 0
            && x[i] <= n[i]))
        return mn_error_set (e, NULL, 0, MN_R_USAGE,
                             "group %zu: satisfied %.17g of %.17g answers "
                             "is not a count pair", i + 1, x[i], n[i]);
      if (n[i] > 0)
        {
          g++;
          xs += x[i];
          ns += n[i];
          nn += n[i] * n[i];
          g0 += x[i] == 0;
          g1 += x[i] == n[i];
        }
    }
  if (g == 0)
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "no group has any answers to fit a prior to");
  fit->groups = g;
  fit->x_sum = xs;
  fit->n_sum = ns;
  double p = xs / ns;

  if (g == 1)
    {
      set_pooled (fit, MN_BB_WHY_ONE_GROUP, x, n, k);
      return 0;
    }
  if (g0 == g || g1 == g)
    {
      /* Every rate 0, or every rate 1: no variance at all.  */
      set_pooled (fit, MN_BB_WHY_NO_EXCESS, x, n, k);
      return 0;
    }

  /* Now 0 < p < 1.  Tarone's T, and the sum behind Kleinman's moments
     (weights n_i).  */
  double s = 0, t = 0;
  for (size_t i = 0; i < k; i++)
    if (n[i] > 0)
      {
        double r = x[i] - n[i] * p;
        s += r * r / n[i];
        t += r * r;
      }
  double pq = p * (1 - p);
  /* T is a difference of two sums that are equal in the cases that
     matter most (all groups of one answer, identical rates); a T within
     rounding of 0 counts as 0.  */
  double t_scale = t + pq * ns;
  bool identical = t <= 1e-12 * t_scale;   /* every rate p, to rounding */
  t -= pq * ns;
  if (t <= 1e-12 * t_scale)
    t = 0;

  if (g0 + g1 == g)
    {
      /* Every rate 0 or 1, both present.  With T > 0 (some group has
         more than one answer) the likelihood rises to its supremum as
         alpha + beta -> 0, for either method.  With T <= 0 (every group
         a single answer, say) the strength is not identified at all:
         pooled, as below.  */
      if (t <= 0)
        {
          set_pooled (fit, MN_BB_WHY_NO_EXCESS, x, n, k);
          return 0;
        }
      fit->kind = MN_BB_SEPARATE;
      fit->why = MN_BB_WHY_EXTREME;
      fit->alpha = fit->beta = fit->strength = 0;
      fit->mean = (double) g1 / (double) g;
      fit->loglik = g1 * log (fit->mean) + g0 * log1p (-fit->mean);
      return 0;
    }
  double den = ns - nn / ns - (double) (g - 1);
  double rho = den > 0 ? (s / pq - (double) (g - 1)) / den : NAN;

  if (method == MN_BB_MM)
    {
      if (!(rho > 0))
        {
          set_pooled (fit, MN_BB_WHY_NO_EXCESS, x, n, k);
          return 0;
        }
      if (rho >= 1)
        {
          fit->kind = MN_BB_SEPARATE;
          fit->why = MN_BB_WHY_MM_RANGE;
          fit->alpha = fit->beta = fit->strength = 0;
          fit->mean = p;
          fit->loglik = -INFINITY;
          return 0;
        }
      double m = 1 / rho - 1;
      if (m > MN_BB_STRENGTH_MAX)
        {
          set_pooled (fit, MN_BB_WHY_STRENGTH, x, n, k);
          return 0;
        }
      fit->alpha = p * m;
      fit->beta = (1 - p) * m;
      fit->strength = m;
      fit->mean = p;
      fit->loglik = mn_bb_loglik (fit->alpha, fit->beta, x, n, k);
      return 0;
    }

  /* Maximum likelihood.  The likelihood is not concave in the strength,
     so it is climbed from two starts: the moments estimate (where it is
     out of range, as rho <= 0 can be with T > 0 when the n_i differ, 1 /
     rho - 1 with rho clamped to [1e-3, 0.5]), and a weak prior of
     strength 2 at the pooled rate.  The higher converged maximum is
     kept.  Tarone's T <= 0 says the likelihood does not rise as the
     groups are first let apart from the pooled boundary, yet a finite
     maximum above the boundary may exist when one large group
     dominates (x = 661, 17, 20, 1 of n = 1000, 17, 20, 1: the maximum
     at alpha 1.5885, beta 0.15278 is 10 log-units above pooling);
     with T <= 0 a finite maximum is taken only where it is higher than
     the boundary's limit.  */
  if (identical)
    {
      /* Nothing between the groups to find: pooled, no minimising.  */
      set_pooled (fit, MN_BB_WHY_NO_EXCESS, x, n, k);
      return 0;
    }
  double rho0 = isnan (rho) ? 1e-3 : fmin (fmax (rho, 1e-3), 0.5);
  const double start[2] = { 1 / rho0 - 1, 2 };
  struct bb_data d = { x, n, k };
  double bound = binomial_loglik (p, x, n, k);
  double best_a = NAN, best_b = NAN, best_l = -INFINITY;
  int best_conv = 0, iters = 0, any_off = 0;
  for (int i = 0; i < 2; i++)
    {
      if (i == 1 && fabs (start[1] - start[0]) < 1e-9 * start[0])
        continue;
      double a, b;
      int it, conv;
      int off = maximise (&d, p * start[i], (1 - p) * start[i], &a, &b, &it,
                          &conv);
      iters += it;
      if (off || a + b > MN_BB_STRENGTH_MAX)
        {
          any_off = 1;
          continue;
        }
      double l = mn_bb_loglik (a, b, x, n, k);
      /* A converged maximum beats one that is not.  */
      if (conv > best_conv || (conv == best_conv && l > best_l))
        {
          best_a = a;
          best_b = b;
          best_l = l;
          best_conv = conv;
        }
    }
  fit->iterations = iters;
  /* No finite maximum, or (T <= 0) none above the pooled boundary, or
     (T > 0) a run-off with only an unconverged point otherwise.  */
  if (isnan (best_a) || (t <= 0 && !(best_conv && best_l > bound))
      || (any_off && !best_conv))
    {
      set_pooled (fit, t <= 0 ? MN_BB_WHY_NO_EXCESS : MN_BB_WHY_STRENGTH, x,
                  n, k);
      fit->iterations = iters;
      fit->converged = 1;
      return 0;
    }
  fit->alpha = best_a;
  fit->beta = best_b;
  fit->strength = best_a + best_b;
  fit->mean = best_a / (best_a + best_b);
  fit->loglik = best_l;
  fit->converged = best_conv;
  return 0;
}

int
mn_bb_posterior (const struct mn_bb_fit *fit, double x, double n,
                 double level, struct mn_bb_post *post, struct mn_error *e)
{
  post->a = post->b = post->mean = post->lo = post->hi = NAN;
  if (!(isfinite (x) && isfinite (n) && x >= 0 && x <= n))
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "satisfied %.17g of %.17g answers is not a count "
                         "pair", x, n);
  if (!(level > 0 && level < 1))
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "level %.17g is not between 0 and 1", level);
  double a, b;
  switch (fit->kind)
    {
    case MN_BB_PRIOR:
      a = fit->alpha + x;
      b = fit->beta + (n - x);
      break;
    case MN_BB_POOLED:
      a = fit->x_sum + 0.5;
      b = fit->n_sum - fit->x_sum + 0.5;
      break;
    case MN_BB_SEPARATE:
    default:
      a = x + 0.5;
      b = n - x + 0.5;
      break;
    }
  double tail = (1 - level) / 2;
  double lo = mn_beta_quantile (tail, a, b);
  double hi = mn_beta_quantile_upper (tail, a, b);
  if (isnan (lo) || isnan (hi))
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "no beta quantile for Beta (%.17g, %.17g)", a, b);
  post->a = a;
  post->b = b;
  post->mean = a / (a + b);
  post->lo = lo;
  post->hi = hi;
  return 0;
}

const char *
mn_bb_method_name (enum mn_bb_method m)
{
  return m == MN_BB_MM ? "mm" : "ml";
}

int
mn_bb_method_parse (const char *name, enum mn_bb_method *m)
{
  if (strcmp (name, "ml") == 0)
    *m = MN_BB_ML;
  else if (strcmp (name, "mm") == 0)
    *m = MN_BB_MM;
  else
    return -1;
  return 0;
}

const char *
mn_bb_kind_name (enum mn_bb_kind k)
{
  switch (k)
    {
    case MN_BB_PRIOR: return "prior";
    case MN_BB_POOLED: return "pooled";
    case MN_BB_SEPARATE: return "separate";
    }
  return "?";
}

const char *
mn_bb_why_name (enum mn_bb_why w)
{
  switch (w)
    {
    case MN_BB_WHY_NONE: return "";
    case MN_BB_WHY_ONE_GROUP: return "one-group";
    case MN_BB_WHY_NO_EXCESS: return "no-excess-variance";
    case MN_BB_WHY_STRENGTH: return "strength-bound";
    case MN_BB_WHY_EXTREME: return "all-extreme";
    case MN_BB_WHY_MM_RANGE: return "moments-out-of-range";
    }
  return "?";
}

const char *
mn_bb_fit_label (const struct mn_bb_fit *fit)
{
  if (!fit)
    return "none:no-answers";
  switch (fit->kind)
    {
    case MN_BB_PRIOR:
      return fit->converged ? "prior" : "prior:not-converged";
    case MN_BB_POOLED:
      switch (fit->why)
        {
        case MN_BB_WHY_ONE_GROUP:
          return "pooled:one-group";
        case MN_BB_WHY_STRENGTH:
          return "pooled:strength-bound";
        default:
          return "pooled:no-excess-variance";
        }
    case MN_BB_SEPARATE:
      return fit->why == MN_BB_WHY_MM_RANGE ? "separate:moments-out-of-range"
                                            : "separate:all-extreme";
    }
  return "";
}

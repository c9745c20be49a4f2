/* rake.c - survey weighting: raking, post-stratification, trimming.

   Raking is iterative proportional fitting (Deming WE, Stephan FF (1940).
   On a least squares adjustment of a sampled frequency table when the
   expected marginal totals are known.  Ann Math Stat 11:427-444): starting
   from the base weights, each sweep visits the margin variables in turn
   and multiplies the weights of every category by target / current
   weighted total, so that this margin holds exactly until the next
   variable disturbs it.  Post-stratification is the one-variable case, on
   the full cross-classification, and holds after a single sweep.  Both,
   and the trimming of extreme weights followed by re-raking, are
   described and compared in

     Kalton G, Flores-Cervantes I (2003).  Weighting methods.  J Official
       Statistics 19:81-97.

   whose worked 4 x 3 example is the unit test's reference.

   All the work is on classes (a category of each variable and a base
   weight, with the number of units in it), so memory grows with classes
   and categories, never with survey rows.  */

#include "stats/rake.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/i18n.h"

#define DEFAULT_TOL 1e-10
#define DEFAULT_MAXIT 100
#define DEFAULT_TOTAL_TOL 1e-6
#define DEFAULT_BOUND_SLACK 1e-9
#define DEFAULT_MAX_TRIM 1000

void
mn_rake_options_init (struct mn_rake_options *o)
{
  memset (o, 0, sizeof *o);
  o->tol = DEFAULT_TOL;
  o->maxit = DEFAULT_MAXIT;
  o->total_tol = DEFAULT_TOTAL_TOL;
  o->lo_ratio = 0;
  o->hi_ratio = 0;
  o->bound_slack = DEFAULT_BOUND_SLACK;
  o->max_trim = DEFAULT_MAX_TRIM;
}

void
mn_rake_result_release (struct mn_rake_result *r)
{
  if (!r)
    return;
  free (r->w);
  r->w = NULL;
}

size_t
mn_rake_cell (size_t nvar, const size_t *ncat, const size_t *cat)
{
  size_t cell = 0;
  for (size_t v = nvar; v-- > 0;)
    cell = cell * ncat[v] + cat[v];
  return cell;
}

static void
result_init (struct mn_rake_result *r)
{
  memset (r, 0, sizeof *r);
  r->w = NULL;
  r->status = MN_RAKE_OK;
  r->worst_var = r->worst_cat = SIZE_MAX;
  r->bad_var = r->bad_cat = r->bad_class = SIZE_MAX;
  r->bounds_hold = 1;
}

/* The state of one weighting run.  TOT holds the weighted total of every
   category of every variable, variable V's at TOT + OFF[V], and TARGET
   the targets in the same layout, each margin scaled to variable 0's
   grand total.  CELLS is set for post-stratification, where the one
   variable's categories are called cells in messages.  */
struct run
{
  const struct mn_rake_problem *p;
  const struct mn_rake_options *o;
  struct mn_rake_result *r;
  struct mn_error *e;
  size_t *off;
  double *tot;
  double *target;
  int cells;
};

/* "variable V category C", or "cell C" when post-stratifying.  */
static const char *
where (const struct run *x, size_t v, size_t c, char *buf, size_t size)
{
  if (x->cells)
    snprintf (buf, size, _("cell %zu"), c);
  else
    snprintf (buf, size, _("variable %zu category %zu"), v, c);
  return buf;
}

static int
fail (struct run *x, enum mn_rake_status st, size_t v, size_t c, size_t k)
{
  x->r->status = st;
  x->r->bad_var = v;
  x->r->bad_cat = c;
  x->r->bad_class = k;
  return -1;
}

static int
check_options (struct run *x)
{
  const struct mn_rake_options *o = x->o;
  struct mn_error *e = x->e;
  const char *bad = NULL;
  double val = 0;

  if (!(o->tol > 0 && o->tol < 1))
    bad = _("tolerance"), val = o->tol;
  else if (!(o->total_tol >= 0 && isfinite (o->total_tol)))
    bad = _("total tolerance"), val = o->total_tol;
  else if (!(o->lo_ratio >= 0 && o->lo_ratio <= 1))
    bad = _("lower trimming ratio"), val = o->lo_ratio;
  else if (!(o->hi_ratio == 0 || (o->hi_ratio >= 1 && isfinite (o->hi_ratio))))
    bad = _("upper trimming ratio"), val = o->hi_ratio;
  else if (!(o->bound_slack >= 0 && o->bound_slack < 1))
    bad = _("bound slack"), val = o->bound_slack;
  if (bad)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE, "%s '%g' out of range", bad, val);
      return fail (x, MN_RAKE_E_OPTIONS, SIZE_MAX, SIZE_MAX, SIZE_MAX);
    }
  if (o->maxit < 1)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE, "sweep limit '0' out of range");
      return fail (x, MN_RAKE_E_OPTIONS, SIZE_MAX, SIZE_MAX, SIZE_MAX);
    }
  return 0;
}

/* Check the problem; on success set up X->off, X->tot and X->target.
   Margins from different sources rarely share a grand total to the last
   unit; within O->total_tol they are scaled to the first margin's total,
   as raking cannot meet inconsistent margins together.  */
static int
check_problem (struct run *x)
{
  const struct mn_rake_problem *p = x->p;
  struct mn_error *e = x->e;
  char at[96];

  if (p->nvar == 0 || !p->margin)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE, "no margin variables");
      return fail (x, MN_RAKE_E_EMPTY, SIZE_MAX, SIZE_MAX, SIZE_MAX);
    }
  if (p->nclass == 0 || !p->cls)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE, "no sample classes to weight");
      return fail (x, MN_RAKE_E_EMPTY, SIZE_MAX, SIZE_MAX, SIZE_MAX);
    }

  /* Targets, and the grand total of each margin against the first's.  */
  double total0 = 0;
  for (size_t v = 0; v < p->nvar; v++)
    {
      const struct mn_rake_margin *m = &p->margin[v];
      if (m->ncat == 0 || !m->target)
        {
          mn_error_set (e, NULL, 0, MN_R_USAGE,
                        "variable %zu has no population targets", v);
          return fail (x, MN_RAKE_E_TARGET, v, SIZE_MAX, SIZE_MAX);
        }
      double total = 0;
      for (size_t c = 0; c < m->ncat; c++)
        {
          double t = m->target[c];
          if (!(t > 0 && isfinite (t)))
            {
              mn_error_set (e, NULL, 0, MN_R_BAD_VALUE,
                            "%s: population target '%g' is not positive "
                            "and finite",
                            where (x, v, c, at, sizeof at), t);
              return fail (x, MN_RAKE_E_TARGET, v, c, SIZE_MAX);
            }
          total += t;
        }
      if (v == 0)
        total0 = total;
      else if (fabs (total - total0) > x->o->total_tol * total0)
        {
          mn_error_set (e, NULL, 0, MN_R_BAD_VALUE,
                        "margins disagree: variable %zu totals %.10g, "
                        "variable 0 totals %.10g (relative difference "
                        "%.3g, tolerance %g)",
                        v, total, total0, fabs (total - total0) / total0,
                        x->o->total_tol);
          return fail (x, MN_RAKE_E_TOTALS, v, SIZE_MAX, SIZE_MAX);
        }
    }

  /* Classes.  */
  for (size_t k = 0; k < p->nclass; k++)
    {
      const struct mn_rake_class *cl = &p->cls[k];
      if (!(cl->base > 0 && isfinite (cl->base)))
        {
          mn_error_set (e, NULL, 0, MN_R_BAD_WEIGHT,
                        "class %zu: base weight '%g' is not positive and "
                        "finite", k, cl->base);
          return fail (x, MN_RAKE_E_BASE, SIZE_MAX, SIZE_MAX, k);
        }
      if (!(cl->count > 0 && isfinite (cl->count)))
        {
          mn_error_set (e, NULL, 0, MN_R_BAD_NUMBER,
                        "class %zu: unit count '%g' is not positive and "
                        "finite", k, cl->count);
          return fail (x, MN_RAKE_E_COUNT, SIZE_MAX, SIZE_MAX, k);
        }
      for (size_t v = 0; v < p->nvar; v++)
        if (cl->cat[v] >= p->margin[v].ncat)
          {
            mn_error_set (e, NULL, 0, MN_R_BAD_VALUE,
                          "class %zu: %s has no population target (%zu "
                          "%s)", k,
                          where (x, v, cl->cat[v], at, sizeof at),
                          p->margin[v].ncat, x->cells ? _("cells")
                          : _("categories in the margin"));
            return fail (x, MN_RAKE_E_NO_TARGET, v, cl->cat[v], k);
          }
    }

  x->off = xmalloc ((p->nvar + 1) * sizeof *x->off);
  x->off[0] = 0;
  for (size_t v = 0; v < p->nvar; v++)
    x->off[v + 1] = x->off[v] + p->margin[v].ncat;
  x->tot = xmalloc (x->off[p->nvar] * sizeof *x->tot);
  x->target = xmalloc (x->off[p->nvar] * sizeof *x->target);
  for (size_t v = 0; v < p->nvar; v++)
    {
      const struct mn_rake_margin *m = &p->margin[v];
      double total = 0;
      for (size_t c = 0; c < m->ncat; c++)
        total += m->target[c];
      for (size_t c = 0; c < m->ncat; c++)
        x->target[x->off[v] + c]
          = v == 0 ? m->target[c] : m->target[c] * (total0 / total);
    }
  x->r->total = total0;
  return 0;
}

/* Weighted totals of variable V's categories under weights W.  */
static void
totals_of (struct run *x, size_t v, const double *w)
{
  const struct mn_rake_problem *p = x->p;
  double *t = x->tot + x->off[v];
  memset (t, 0, p->margin[v].ncat * sizeof *t);
  for (size_t k = 0; k < p->nclass; k++)
    t[p->cls[k].cat[v]] += w[k] * p->cls[k].count;
}

/* Every category must have sample: raking cannot create weight where
   there is none, so the caller must collapse the category.  */
static int
check_coverage (struct run *x, const double *w)
{
  char at[96];
  for (size_t v = 0; v < x->p->nvar; v++)
    {
      totals_of (x, v, w);
      for (size_t c = 0; c < x->p->margin[v].ncat; c++)
        if (!(x->tot[x->off[v] + c] > 0))
          {
            mn_error_set (x->e, NULL, 0, MN_R_BAD_VALUE,
                          "%s: population target %.10g but no sample",
                          where (x, v, c, at, sizeof at),
                          x->p->margin[v].target[c]);
            return fail (x, MN_RAKE_E_NO_SAMPLE, v, c, SIZE_MAX);
          }
    }
  return 0;
}

/* The largest relative margin error max |total - target| / target under
   weights W, with where it is.  */
static double
margin_error (struct run *x, const double *w, size_t *wv, size_t *wc)
{
  double worst = 0;
  *wv = *wc = 0;
  for (size_t v = 0; v < x->p->nvar; v++)
    {
      totals_of (x, v, w);
      const double *target = x->target + x->off[v];
      for (size_t c = 0; c < x->p->margin[v].ncat; c++)
        {
          double err = fabs (x->tot[x->off[v] + c] - target[c]) / target[c];
          if (!(err <= worst))  /* NaN counts as worst */
            {
              worst = err;
              *wv = v;
              *wc = c;
            }
        }
    }
  return worst;
}

/* When the weights count as settled: their distance from the fixed point
   of the raking, estimated as below, is at most WEIGHT_SETTLED relative.
   The programs print weights with 10 significant digits (a unit in the
   10th digit is 1e-10 to 1e-9 relative), so the printed digits are those
   of the fixed point unless it lies within 1e-13 of a rounding
   boundary.  A margin error at rounding level (MARGIN_SETTLED) counts
   as settled without an estimate: the weights are then exact to about
   as much (one margin, or base weights that already meet them).  */
#define WEIGHT_SETTLED 1e-13
#define MARGIN_SETTLED 1e-15

/* Whether the weights have settled after a sweep that multiplied them
   by at most 1 +- DELTA, the sweep before by 1 +- PREV (negative before
   the second sweep).  Raking converges linearly (Bishop, Fienberg &
   Holland 1975, sec. 3.5; Fienberg 1970, Ann Math Stat 41:907-917), the
   sweep's changes shrinking by a ratio rho = DELTA / PREV < 1, so what
   is left to move is about DELTA rho / (1 - rho), a geometric tail.  */
static int
weights_settled (double delta, double prev)
{
  if (delta == 0)
    return 1;
  if (!(prev > 0) || !(delta < prev))
    return 0;
  double rho = delta / prev;
  return delta * rho / (1 - rho) <= WEIGHT_SETTLED;
}

/* Iterative proportional fitting of W (in: the starting weights; out: the
   raked ones) for at most O->maxit sweeps.  Fills the convergence
   figures of X->r; returns 0 when converged, -1 (E filled) otherwise.

   Converged means every margin within O->tol.  A margin error below
   O->tol does not make the weights good to as many digits (on a 4 x 4
   table at the default 1e-10, four of sixteen weights were off in the
   10th digit), so once the margins hold the sweeps go on until the
   weights have settled (weights_settled), within the same O->maxit.
   If O->maxit stops them first the margins still hold and the run
   counts as converged.  */
static int
ipf (struct run *x, double *w, const char *what)
{
  const struct mn_rake_problem *p = x->p;
  struct mn_rake_result *r = x->r;
  unsigned it = 0;
  double err, delta = -1, prev = -1;
  size_t wv, wc;
  char at[96];

  for (;;)
    {
      err = margin_error (x, w, &wv, &wc);
      if (it == x->o->maxit || isnan (err))
        break;
      if (err <= x->o->tol
          && (err <= MARGIN_SETTLED || weights_settled (delta, prev)))
        break;
      for (size_t v = 0; v < p->nvar; v++)
        {
          totals_of (x, v, w);
          double *f = x->tot + x->off[v];
          for (size_t c = 0; c < p->margin[v].ncat; c++)
            f[c] = x->target[x->off[v] + c] / f[c];
          for (size_t k = 0; k < p->nclass; k++)
            w[k] *= f[p->cls[k].cat[v]];
        }
      /* Every variable's factors of this sweep are still in X->tot: the
         largest change of a class weight is that of their product.  */
      prev = delta;
      delta = 0;
      for (size_t k = 0; k < p->nclass; k++)
        {
          double m = 1;
          for (size_t v = 0; v < p->nvar; v++)
            m *= x->tot[x->off[v] + p->cls[k].cat[v]];
          if (!(fabs (m - 1) <= delta))
            delta = fabs (m - 1);
        }
      it++;
    }

  r->sweeps += it;
  r->max_rel_err = err;
  r->worst_var = wv;
  r->worst_cat = wc;
  r->converged = err <= x->o->tol;
  if (r->converged)
    return 0;

  totals_of (x, wv, w);
  mn_error_set (x->e, NULL, 0, MN_R_USAGE,
                "%s did not converge in %u sweep%s: largest relative "
                "margin error %.3g (tolerance %g) at %s, weighted total "
                "%.10g against target %.10g",
                what, it, it == 1 ? "" : "s", err, x->o->tol,
                where (x, wv, wc, at, sizeof at), x->tot[x->off[wv] + wc],
                x->target[x->off[wv] + wc]);
  return fail (x, MN_RAKE_E_NOT_CONVERGED, wv, wc, SIZE_MAX);
}

/* Mean unit weight and the extreme ratios w / mean, with the classes
   where they are (*KLO, *KHI); whether the bounds hold within the
   slack.  */
static int
bounds_check (struct run *x, const double *w, size_t *klo, size_t *khi)
{
  const struct mn_rake_problem *p = x->p;
  struct mn_rake_result *r = x->r;
  double sw = 0, n = 0;

  *klo = *khi = 0;
  for (size_t k = 0; k < p->nclass; k++)
    {
      sw += w[k] * p->cls[k].count;
      n += p->cls[k].count;
      if (w[k] < w[*klo])
        *klo = k;
      if (w[k] > w[*khi])
        *khi = k;
    }
  r->mean = sw / n;
  r->min_ratio = w[*klo] / r->mean;
  r->max_ratio = w[*khi] / r->mean;
  double slack = x->o->bound_slack;
  r->bounds_hold
    = (x->o->lo_ratio == 0 || r->min_ratio >= x->o->lo_ratio * (1 - slack))
      && (x->o->hi_ratio == 0
          || r->max_ratio <= x->o->hi_ratio * (1 + slack));
  return r->bounds_hold;
}

/* Rake (or post-stratify) from the base weights, then trim: while some
   weight lies outside [lo, hi] times the mean weight, clamp it to the
   bound and rake again with the clamped weights as the new base, until
   margins and bounds hold together.  This is weight trimming followed
   by re-raking as discussed by Kalton & Flores-Cervantes (2003); raking
   after a clamp moves some weights back across the bounds, so the two
   steps alternate, and the process is stopped after O->max_trim rounds
   when they cannot be reconciled.  After a converged raking the mean
   weight is fixed (grand total over units), so the bounds do not drift
   from round to round.  */
static int
weight (const struct mn_rake_problem *p, const struct mn_rake_options *o,
        struct mn_rake_result *r, struct mn_error *e, int cells)
{
  struct mn_rake_options dflt;
  const char *what = cells ? _("post-stratification") : _("raking");
  double *w;
  size_t klo, khi;

  result_init (r);
  if (!o)
    {
      mn_rake_options_init (&dflt);
      o = &dflt;
    }
  struct run x = { .p = p, .o = o, .r = r, .e = e, .cells = cells };
  if (check_options (&x) != 0)
    return -1;
  if (!p)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE, "no weighting problem");
      return fail (&x, MN_RAKE_E_EMPTY, SIZE_MAX, SIZE_MAX, SIZE_MAX);
    }
  if (cells && p->nvar != 1)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE,
                    "post-stratification wants one variable (the cells), "
                    "not %zu", p->nvar);
      return fail (&x, MN_RAKE_E_EMPTY, SIZE_MAX, SIZE_MAX, SIZE_MAX);
    }
  if (check_problem (&x) != 0)
    goto out;

  w = xmalloc (p->nclass * sizeof *w);
  for (size_t k = 0; k < p->nclass; k++)
    w[k] = p->cls[k].base;
  if (check_coverage (&x, w) != 0)
    {
      free (w);
      goto out;
    }
  r->w = w;

  if (ipf (&x, w, what) != 0)
    {
      bounds_check (&x, w, &klo, &khi);
      goto out;
    }
  while (!bounds_check (&x, w, &klo, &khi))  /* holds without bounds */
    {
      if (r->trim_rounds == o->max_trim)
        {
          char at[96], hib[32];
          snprintf (hib, sizeof hib, "%g", o->hi_ratio);
          mn_error_set (e, NULL, 0, MN_R_USAGE,
                        "weights not trimmed in %u rounds: w/mean ranges "
                        "from %.6g (class %zu) to %.6g (class %zu) against "
                        "bounds %g to %s (slack %g); largest relative "
                        "margin error %.3g (tolerance %g) at %s",
                        r->trim_rounds, r->min_ratio, klo, r->max_ratio,
                        khi, o->lo_ratio, o->hi_ratio > 0 ? hib : _("none"),
                        o->bound_slack, r->max_rel_err, o->tol,
                        where (&x, r->worst_var, r->worst_cat, at,
                               sizeof at));
          /* The class furthest outside its bound, relatively.  */
          double over = o->hi_ratio > 0 ? r->max_ratio / o->hi_ratio : 0;
          double under = r->min_ratio > 0 && o->lo_ratio > 0
                         ? o->lo_ratio / r->min_ratio : 0;
          fail (&x, MN_RAKE_E_TRIM, SIZE_MAX, SIZE_MAX,
                over >= under ? khi : klo);
          goto out;
        }
      double lo = o->lo_ratio * r->mean;
      double hi = o->hi_ratio > 0 ? o->hi_ratio * r->mean : INFINITY;
      for (size_t k = 0; k < p->nclass; k++)
        w[k] = w[k] < lo ? lo : w[k] > hi ? hi : w[k];
      r->trim_rounds++;
      if (ipf (&x, w, what) != 0)
        {
          bounds_check (&x, w, &klo, &khi);
          size_t len = strlen (e ? e->msg : "");
          if (e && len < sizeof e->msg)
            snprintf (e->msg + len, sizeof e->msg - len,
                      " (after trimming round %u)", r->trim_rounds);
          goto out;
        }
    }

out:
  free (x.off);
  free (x.tot);
  free (x.target);
  return r->status == MN_RAKE_OK ? 0 : -1;
}

int
mn_rake (const struct mn_rake_problem *p, const struct mn_rake_options *o,
         struct mn_rake_result *r, struct mn_error *e)
{
  return weight (p, o, r, e, 0);
}

int
mn_poststratify (const struct mn_rake_problem *p,
                 const struct mn_rake_options *o, struct mn_rake_result *r,
                 struct mn_error *e)
{
  return weight (p, o, r, e, 1);
}

struct wc
{
  double w, count;
};

static int
by_weight (const void *a, const void *b)
{
  double x = ((const struct wc *) a)->w, y = ((const struct wc *) b)->w;
  return (x > y) - (x < y);
}

/* The median is that of the list in which each class weight is repeated
   COUNT times: with N units, the unit at position N/2 from the bottom,
   or the mean of the two middle units when a class boundary falls
   exactly at N/2 (even N).  */
int
mn_weight_summary (const double *w, const double *count, size_t n,
                   struct mn_weight_summary *s, struct mn_error *e)
{
  memset (s, 0, sizeof *s);
  if (n == 0 || !w)
    return mn_error_set (e, NULL, 0, MN_R_USAGE, "no weights to summarise");

  struct wc *a = xmalloc (n * sizeof *a);
  double units = 0, sw = 0, sw2 = 0;
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < n; i++)
    {
      double c = count ? count[i] : 1;
      if (!(w[i] >= 0 && isfinite (w[i])))
        {
          free (a);
          return mn_error_set (e, NULL, 0, MN_R_BAD_WEIGHT,
                               "class %zu: weight '%g' is negative or not "
                               "finite", i, w[i]);
        }
      if (!(c >= 0 && isfinite (c)))
        {
          free (a);
          return mn_error_set (e, NULL, 0, MN_R_BAD_NUMBER,
                               "class %zu: unit count '%g' is negative or "
                               "not finite", i, c);
        }
      a[i].w = w[i];
      a[i].count = c;
      if (c == 0)
        continue;
      units += c;
      sw += c * w[i];
      sw2 += c * w[i] * w[i];
      if (w[i] < lo)
        lo = w[i];
      if (w[i] > hi)
        hi = w[i];
    }
  if (!(units > 0) || !(sw > 0))
    {
      free (a);
      return mn_error_set (e, NULL, 0, MN_R_USAGE,
                           "no units with positive weight to summarise");
    }

  qsort (a, n, sizeof *a, by_weight);
  double half = units / 2, cum = 0;
  size_t i = 0;
  for (; i < n; i++)
    {
      cum += a[i].count;
      if (a[i].count > 0 && cum >= half)
        break;
    }
  if (i == n)
    i = n - 1;  /* rounding in CUM; not expected */
  s->median = a[i].w;
  if (cum == half)
    for (size_t j = i + 1; j < n; j++)
      if (a[j].count > 0)
        {
          s->median = (a[i].w + a[j].w) / 2;
          break;
        }
  free (a);

  s->n = units;
  s->min = lo;
  s->max = hi;
  s->sum = sw;
  s->deff = units * sw2 / (sw * sw);
  s->neff = sw * sw / sw2;
  return 0;
}

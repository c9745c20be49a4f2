/* scoreacc.c - per-group sufficient statistics, their merge, the score
   table computed from them, and their partial form.  */
#include "table/scoreacc.h"
#include "base/visible.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "io/csvout.h"
#include "io/header.h"
#include "base/groups.h"
#include "stats/moments.h"
#include "base/numparse.h"
#include "stats/stdz.h"
#include "stats/wstats.h"
#include "base/xalloc.h"
#include "base/i18n.h"

/* One field of a group's statistics, as the partial table has it.  */
enum pf_kind
{
  PF_COUNT,     /* uint64_t, added */
  PF_MIN,       /* double, the smaller kept */
  PF_MAX,       /* double, the larger kept */
  PF_XSUM       /* struct mn_xsum, added exactly */
};

struct pfield
{
  char *name;           /* owned: the partial table's column */
  enum pf_kind kind;
  size_t off;           /* from the start of the group's statistics */
};

struct mn_score_acc
{
  struct mn_score_shape shape;
  struct mn_st_layout layout;   /* the final table's columns */
  struct mn_groups *groups;
  size_t stats_size;
  /* Offsets of the variable parts; 0 when absent.  */
  size_t rate_w, index, index_w, item, item_w, rgroup_w;
  size_t gid;                   /* with standardisation: the group's
                                   number, a uint64_t */
  struct mn_stdz *stdz;         /* owned; NULL without */
  size_t nfield;
  struct pfield *field;         /* owned: the partial's sum columns */
};

/* The partial table's fixed columns, after the keys.  */
#define P_MARK "minyi_partial"
#define P_VERSION "1"
static const char *const p_fixed[] = { P_MARK, "method", "level",
                                       "dont_know", "rate_item",
                                       "scoring" };
#define P_NFIXED (sizeof p_fixed / sizeof *p_fixed)

void
mn_score_shape_release (struct mn_score_shape *s)
{
  for (size_t i = 0; i < s->nkey; i++)
    free (s->key[i]);
  for (size_t i = 0; i < s->nitem; i++)
    free (s->item[i]);
  for (size_t i = 0; i < s->nrgroup; i++)
    free (s->rgroup[i]);
  free (s->key);
  free (s->item);
  free (s->rgroup);
  free (s->share);
  free (s->rate_item);
  free (s->scoring);
  *s = (struct mn_score_shape) { .method = MN_CI_WILSON, .level = 0.95 };
}

void
mn_score_fingerprint (char *const *part, size_t npart, char buf[17])
{
  /* FNV-1a, 64 bits (Fowler, Noll & Vo; the parameters of
     draft-eastlake-fnv).  */
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < npart; i++)
    for (const unsigned char *p = (const unsigned char *) part[i];; p++)
      {
        h = (h ^ *p) * 1099511628211ULL;
        if (!*p)
          break;
      }
  snprintf (buf, 17, "%016llx", (unsigned long long) h);
}

static char **
strv_copy (char *const *v, size_t n)
{
  char **c = xcalloc (n ? n : 1, sizeof *c);
  for (size_t i = 0; i < n; i++)
    c[i] = xstrdup (v[i]);
  return c;
}

void
mn_score_shape_copy (struct mn_score_shape *dst,
                     const struct mn_score_shape *src)
{
  *dst = *src;
  dst->key = strv_copy (src->key, src->nkey);
  dst->item = strv_copy (src->item, src->nitem);
  dst->rgroup = strv_copy (src->rgroup, src->nrgroup);
  dst->rate_item = src->rate_item ? xstrdup (src->rate_item) : NULL;
  dst->scoring = src->scoring ? xstrdup (src->scoring) : NULL;
  dst->share = xcalloc (src->nrgroup ? src->nrgroup : 1, sizeof (double));
  if (src->nrgroup)
    memcpy (dst->share, src->share, src->nrgroup * sizeof (double));
}

/* Add the field named PREFIX, PART (may be NULL) and a dot, SUFFIX.  */
static void
add_field (struct mn_score_acc *a, enum pf_kind kind, size_t off,
           const char *prefix, const char *part, const char *suffix)
{
  size_t n = strlen (prefix) + (part ? strlen (part) + 1 : 0)
             + strlen (suffix) + 1;
  char *name = xmalloc (n);
  snprintf (name, n, "%s%s%s%s", prefix, part ? part : "", part ? "." : "",
            suffix);
  a->field = xrealloc (a->field, (a->nfield + 1) * sizeof *a->field);
  a->field[a->nfield++] = (struct pfield) { name, kind, off };
}

/* The fields of an mn_xwsum at OFF, named PREFIX[PART.]wn, sw, ...  */
static void
add_xwsum (struct mn_score_acc *a, size_t off, const char *prefix,
           const char *part)
{
  add_field (a, PF_COUNT, off + offsetof (struct mn_xwsum, n), prefix, part,
             "wn");
  add_field (a, PF_XSUM, off + offsetof (struct mn_xwsum, sw), prefix, part,
             "sw");
  add_field (a, PF_XSUM, off + offsetof (struct mn_xwsum, sw2), prefix, part,
             "sw2");
  add_field (a, PF_XSUM, off + offsetof (struct mn_xwsum, swy), prefix, part,
             "swy");
  add_field (a, PF_XSUM, off + offsetof (struct mn_xwsum, sw2y), prefix, part,
             "sw2y");
  add_field (a, PF_XSUM, off + offsetof (struct mn_xwsum, sw2y2), prefix,
             part, "sw2y2");
}

static void
add_xmom (struct mn_score_acc *a, size_t off, const char *prefix,
          const char *part)
{
  add_field (a, PF_COUNT, off + offsetof (struct mn_xmom, n), prefix, part,
             "n");
  add_field (a, PF_XSUM, off + offsetof (struct mn_xmom, sx), prefix, part,
             "sx");
  add_field (a, PF_XSUM, off + offsetof (struct mn_xmom, sxx), prefix, part,
             "sxx");
}

/* Lay out a group's statistics and the partial table's columns.  */
static void
lay_out (struct mn_score_acc *a)
{
  const struct mn_score_shape *s = &a->shape;
  size_t off = sizeof (struct mn_score_stats);
  const struct { const char *name; size_t off; } counts[] = {
    { "rows", offsetof (struct mn_score_stats, rows) },
    { "n", offsetof (struct mn_score_stats, n) },
    { "sat", offsetof (struct mn_score_stats, sat) },
    { "dk", offsetof (struct mn_score_stats, dk) },
    { "miss", offsetof (struct mn_score_stats, miss) },
  };
  for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
    add_field (a, PF_COUNT, counts[i].off, counts[i].name, NULL, "");
  if (s->weighted)
    {
      add_field (a, PF_MIN, offsetof (struct mn_score_stats, wmin), "wmin",
                 NULL, "");
      add_field (a, PF_MAX, offsetof (struct mn_score_stats, wmax), "wmax",
                 NULL, "");
      a->rate_w = off;
      add_xwsum (a, off, "rate.", NULL);
      off += sizeof (struct mn_xwsum);
    }
  if (s->scored)
    {
      a->index = off;
      add_xmom (a, off, "index.", NULL);
      off += sizeof (struct mn_xmom);
      if (s->weighted)
        {
          a->index_w = off;
          add_xwsum (a, off, "index.", NULL);
          off += sizeof (struct mn_xwsum);
        }
      a->item = off;
      for (size_t i = 0; i < s->nitem; i++)
        add_xmom (a, off + i * sizeof (struct mn_xmom), "item.",
                  s->item[i]);
      off += s->nitem * sizeof (struct mn_xmom);
      if (s->weighted)
        {
          a->item_w = off;
          for (size_t i = 0; i < s->nitem; i++)
            add_xwsum (a, off + i * sizeof (struct mn_xwsum), "item.",
                       s->item[i]);
          off += s->nitem * sizeof (struct mn_xwsum);
        }
    }
  if (s->nrgroup)
    {
      a->rgroup_w = off;
      for (size_t i = 0; i < s->nrgroup; i++)
        add_xwsum (a, off + i * sizeof (struct mn_xwsum), "group.",
                   s->rgroup[i]);
      off += s->nrgroup * sizeof (struct mn_xwsum);
    }
  if (s->standardized)
    {
      /* Not a partial's field: partials do not carry the strata.  */
      a->gid = off;
      off += sizeof (uint64_t);
    }
  a->stats_size = off;
}

static char *share_name (const char *g);

static int
cmp_str (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The partial table's column names must differ too: a key named like a
   fixed column (dont_know), a share (share.G) or a sum (index.n) would
   make a partial that cannot be read back.  */
static int
partial_clashes (const struct mn_score_acc *a, struct mn_error *e)
{
  const struct mn_score_shape *s = &a->shape;
  size_t n = s->nkey + P_NFIXED + s->nrgroup + a->nfield, k = 0;
  char **v = xcalloc (n, sizeof *v);
  for (size_t i = 0; i < s->nkey; i++)
    v[k++] = s->key[i];
  for (size_t i = 0; i < P_NFIXED; i++)
    v[k++] = (char *) p_fixed[i];
  char **shares = xcalloc (s->nrgroup ? s->nrgroup : 1, sizeof *shares);
  for (size_t i = 0; i < s->nrgroup; i++)
    v[k++] = shares[i] = share_name (s->rgroup[i]);
  for (size_t i = 0; i < a->nfield; i++)
    v[k++] = a->field[i].name;
  qsort (v, n, sizeof *v, cmp_str);
  int rc = 0;
  for (size_t i = 1; i < n && rc == 0; i++)
    if (strcmp (v[i - 1], v[i]) == 0)
      rc = mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "the partial table would have two columns '%s' "
                         "(a key, respondent group or item named like one "
                         "of its columns): rename it", v[i]);
  for (size_t i = 0; i < s->nrgroup; i++)
    free (shares[i]);
  free (shares);
  free (v);
  return rc;
}

struct mn_score_acc *
mn_score_acc_new (struct mn_score_shape *shape, struct mn_error *e)
{
  struct mn_score_acc *a = xcalloc (1, sizeof *a);
  a->shape = *shape;
  *shape = (struct mn_score_shape) { 0 };
  const struct mn_score_shape *s = &a->shape;
  if (mn_st_layout_init (&a->layout, s->nkey, s->key, s->weighted,
                         s->scored, s->nitem, s->item, s->nrgroup > 0,
                         s->standardized,
                         s->method, s->level, e) < 0)
    {
      mn_score_shape_release (&a->shape);
      free (a);
      return NULL;
    }
  lay_out (a);
  a->groups = mn_groups_new (a->stats_size);
  if (s->standardized)
    a->stdz = mn_stdz_new (s->weighted);
  if (partial_clashes (a, e) < 0)
    {
      mn_score_acc_free (a);
      return NULL;
    }
  return a;
}

void
mn_score_acc_free (struct mn_score_acc *a)
{
  if (!a)
    return;
  /* Exact sums may hold memory of their own.  */
  struct mn_group_entry *v = mn_groups_sorted (a->groups);
  size_t ng = mn_groups_count (a->groups);
  for (size_t k = 0; k < ng; k++)
    for (size_t f = 0; f < a->nfield; f++)
      if (a->field[f].kind == PF_XSUM)
        mn_xsum_release ((struct mn_xsum *) ((char *) v[k].value
                                             + a->field[f].off));
  free (v);
  mn_groups_free (a->groups);
  mn_stdz_free (a->stdz);
  for (size_t f = 0; f < a->nfield; f++)
    free (a->field[f].name);
  free (a->field);
  mn_st_layout_release (&a->layout);
  mn_score_shape_release (&a->shape);
  free (a);
}

const struct mn_score_shape *
mn_score_acc_shape (const struct mn_score_acc *a)
{
  return &a->shape;
}

size_t
mn_score_acc_groups (const struct mn_score_acc *a)
{
  return mn_groups_count (a->groups);
}

struct mn_score_stats *
mn_score_acc_group (struct mn_score_acc *a, const char *key, size_t klen)
{
  size_t before = mn_groups_count (a->groups);
  struct mn_score_stats *g = mn_groups_get (a->groups, key, klen);
  if (a->stdz && mn_groups_count (a->groups) > before)
    *(uint64_t *) ((char *) g + a->gid) = before;
  return g;
}

void
mn_score_acc_stratum (struct mn_score_acc *a, const struct mn_score_stats *g,
                      const char *skey, size_t slen, double w, bool sat)
{
  uint64_t id;
  memcpy (&id, (const char *) g + a->gid, sizeof id);
  mn_stdz_add (a->stdz, id, skey, slen, w, sat);
}

size_t
mn_score_acc_strata (const struct mn_score_acc *a)
{
  return a->stdz ? mn_stdz_strata (a->stdz) : 0;
}

#define PART(type, off) ((type *) ((char *) g + (off)))

struct mn_xwsum *
mn_score_rate_w (const struct mn_score_acc *a, struct mn_score_stats *g)
{
  return a->rate_w ? PART (struct mn_xwsum, a->rate_w) : NULL;
}

struct mn_xmom *
mn_score_index (const struct mn_score_acc *a, struct mn_score_stats *g)
{
  return a->index ? PART (struct mn_xmom, a->index) : NULL;
}

struct mn_xwsum *
mn_score_index_w (const struct mn_score_acc *a, struct mn_score_stats *g)
{
  return a->index_w ? PART (struct mn_xwsum, a->index_w) : NULL;
}

struct mn_xmom *
mn_score_item (const struct mn_score_acc *a, struct mn_score_stats *g,
               size_t i)
{
  return a->item ? PART (struct mn_xmom, a->item) + i : NULL;
}

struct mn_xwsum *
mn_score_item_w (const struct mn_score_acc *a, struct mn_score_stats *g,
                 size_t i)
{
  return a->item_w ? PART (struct mn_xwsum, a->item_w) + i : NULL;
}

struct mn_xwsum *
mn_score_rgroup_w (const struct mn_score_acc *a, struct mn_score_stats *g,
                   size_t r)
{
  return a->rgroup_w ? PART (struct mn_xwsum, a->rgroup_w) + r : NULL;
}

void
mn_xwsum_add (struct mn_xwsum *s, double w, double y)
{
  double w2 = w * w;
  s->n++;
  mn_xsum_add (&s->sw, w);
  mn_xsum_add (&s->sw2, w2);
  mn_xsum_add (&s->swy, w * y);
  mn_xsum_add (&s->sw2y, w2 * y);
  mn_xsum_add (&s->sw2y2, w2 * y * y);
}

void
mn_xmom_add (struct mn_xmom *m, double x)
{
  m->n++;
  mn_xsum_add (&m->sx, x);
  mn_xsum_add (&m->sxx, x * x);
}

void
mn_score_stats_merge (const struct mn_score_acc *a,
                      struct mn_score_stats *dst,
                      const struct mn_score_stats *src)
{
  if (src->rows == 0)
    return;
  bool empty = dst->rows == 0;
  for (size_t f = 0; f < a->nfield; f++)
    {
      const struct pfield *p = &a->field[f];
      char *d = (char *) dst + p->off;
      const char *s = (const char *) src + p->off;
      switch (p->kind)
        {
        case PF_COUNT:
          *(uint64_t *) d += *(const uint64_t *) s;
          break;
        case PF_MIN:
          if (empty || *(const double *) s < *(double *) d)
            *(double *) d = *(const double *) s;
          break;
        case PF_MAX:
          if (empty || *(const double *) s > *(double *) d)
            *(double *) d = *(const double *) s;
          break;
        case PF_XSUM:
          mn_xsum_merge ((struct mn_xsum *) d, (const struct mn_xsum *) s);
          break;
        }
    }
}

/* From exact sums to the statistics.  */

/* The weighted sums, each rounded once to the nearest double.  */
static struct mn_wsum
xwsum_round (const struct mn_xwsum *s)
{
  return (struct mn_wsum) { .n = (double) s->n,
                            .sw = mn_xsum_value (&s->sw),
                            .sw2 = mn_xsum_value (&s->sw2),
                            .swy = mn_xsum_value (&s->swy),
                            .sw2y = mn_xsum_value (&s->sw2y),
                            .sw2y2 = mn_xsum_value (&s->sw2y2) };
}

/* Count, mean and sum of squared deviations from the exact sums.  The
   squared deviations are n S2 - S1^2 over n; with S1 and S2 as
   double-double pairs (hi + lo) and the products' rounding errors
   recovered by fma (Dekker's TwoProduct; Ogita, Rump & Oishi 2005),
   the subtraction's cancellation loses nothing that matters: the
   result is the exact value to a few units in the last place of the
   larger term's error, not of the difference's.  */
static struct mn_moments
xmom_round (const struct mn_xmom *m)
{
  struct mn_moments r = { .n = (double) m->n };
  if (m->n == 0)
    return r;
  double h1, l1, h2, l2, n = (double) m->n;
  mn_xsum_dd (&m->sx, &h1, &l1);
  mn_xsum_dd (&m->sxx, &h2, &l2);
  r.mean = h1 / n;
  double p = h1 * h1, pe = fma (h1, h1, -p);
  double q = n * h2, qe = fma (n, h2, -q);
  double d = (q - p) + (qe - pe) + n * l2 - 2 * h1 * l1 - l1 * l1;
  r.m2 = d > 0 ? d / n : 0;
  return r;
}

struct row
{
  struct mn_st_cell *cell;
  const struct mn_st_layout *l;
};

static void
put (struct row *r, enum mn_st_col stat, size_t item, double x)
{
  long p = mn_st_pos (r->l, stat, item);
  if (p >= 0)
    r->cell[p].x = x;
}

/* The respondent-group composite: sum of W_g p_g over the groups, its
   standard error sqrt(sum W_g^2 p_g (1 - p_g) / n_g) (n_g the effective
   size with survey weights), the --method interval on its effective
   sample size (see below), and the groups absent from this cadre's
   respondents, over whose present groups the shares were renormalised.
   MISSING gets the absent groups' names, '|'-separated (a buffer
   owned by the caller, freed with free).  */
static void
rgroup_cells (const struct mn_score_acc *a, struct mn_score_stats *g,
              struct row *r, char **missing, size_t *mlen)
{
  const struct mn_score_shape *sp = &a->shape;
  size_t k = sp->nrgroup;
  double *p = xcalloc (2 * k, sizeof *p), *n = p + k;
  size_t len = 0;
  for (size_t i = 0; i < k; i++)
    {
      struct mn_wsum w = xwsum_round (mn_score_rgroup_w (a, g, i));
      n[i] = w.n > 0 ? mn_wsum_neff (&w) : 0;
      p[i] = w.n > 0 ? mn_wsum_mean (&w) : NAN;
      if (w.n == 0)
        {
          size_t nl = strlen (sp->rgroup[i]);
          *missing = xgrow (*missing, mlen, len + nl + 2, 1);
          if (len)
            (*missing)[len++] = '|';
          memcpy (*missing + len, sp->rgroup[i], nl);
          len += nl;
        }
    }
  long pm = mn_st_pos (r->l, MN_SC_GRATE_MISSING, 0);
  r->cell[pm].s = *missing;
  r->cell[pm].len = len;
  double est = NAN, se = NAN;
  bool renorm = false;
  mn_group_composite (k, sp->share, p, n, true, &est, &se, &renorm);
  /* A weighted sum of rates that are all 1 (or all 0) is 1 (0), however
     the shares round: then x = n* below, and the interval reaches 1 as
     every method's does at x = n.  Otherwise it lies in [0, 1].  */
  bool all1 = true, all0 = true;
  for (size_t i = 0; i < k; i++)
    if (n[i] > 0)
      {
        all1 &= p[i] == 1;
        all0 &= p[i] == 0;
      }
  if (!isnan (est))
    est = all1 ? 1 : all0 ? 0 : fmin (fmax (est, 0), 1);
  /* The interval: --method on the composite's effective sample size
     n* = grate (1 - grate) / grate_se^2 (Kish 1965; Korn & Graubard
     1998), at most the answers there are, and all of them when the
     standard error is 0 (every group rate 0 or 1), where the normal
     interval would have no width at all.  */
  double lo = NAN, hi = NAN, total = 0;
  for (size_t i = 0; i < k; i++)
    total += n[i];
  if (!isnan (est) && total > 0)
    {
      double nstar = se > 0 ? fmin (est * (1 - est) / (se * se), total)
                            : total;
      if (!(nstar > 0))
        nstar = total;
      mn_prop_ci (sp->method, est * nstar, nstar, sp->level, &lo, &hi);
    }
  put (r, MN_SC_GRATE, 0, est);
  put (r, MN_SC_GRATE_SE, 0, se);
  put (r, MN_SC_GRATE_LO, 0, lo);
  put (r, MN_SC_GRATE_HI, 0, hi);
  free (p);
}

/* A mean on 0..100 and its t interval, weighted or not.  */
static void
mean_cells (struct row *r, enum mn_st_col mean_col, enum mn_st_col lo_col,
            size_t item, const struct mn_xmom *m, const struct mn_xwsum *w,
            bool wtd, double level)
{
  struct mn_moments mo = xmom_round (m);
  double mean = NAN, lo = NAN, hi = NAN;
  int rc;
  if (wtd)
    {
      struct mn_wsum ws = xwsum_round (w);
      mean = m->n ? mn_wsum_mean (&ws) : NAN;
      rc = mn_wsum_mean_ci (&ws, level, &lo, &hi);
    }
  else
    {
      mean = m->n ? mo.mean : NAN;
      rc = mn_mean_ci (&mo, level, &lo, &hi);
    }
  /* Scores live on 0..100: so do their means, whatever the rounding
     of the sums, and the index's interval.  */
  if (!isnan (mean))
    mean = fmin (fmax (mean, 0), 100);
  if (rc == 0)
    {
      lo = fmax (lo, 0);
      hi = fmin (hi, 100);
    }
  put (r, mean_col, item, mean);
  if (lo_col != MN_SC_NSTAT)
    {
      put (r, lo_col, 0, lo);
      put (r, lo_col + 1, 0, hi);
    }
}

/* Fill the cells of group G's row.  */
static void
group_cells (const struct mn_score_acc *a, struct mn_score_stats *g,
             struct row *r, char **missing, size_t *mlen)
{
  const struct mn_score_shape *sp = &a->shape;
  /* Where a group's weights are all equal the weighted estimators
     are the unweighted ones, algebraically: compute them that way,
     so that the figures agree to the last digit.  */
  bool wtd = sp->weighted && g->wmin != g->wmax;
  double rate = NAN, lo = NAN, hi = NAN;
  struct mn_wsum rw = { 0 };
  if (sp->weighted)
    rw = xwsum_round (mn_score_rate_w (a, g));
  if (g->n > 0 && !wtd)
    {
      rate = (double) g->sat / (double) g->n;
      mn_prop_ci (sp->method, (double) g->sat, (double) g->n, sp->level,
                  &lo, &hi);
    }
  else if (g->n > 0)
    {
      /* A Hajek mean of 0s and 1s lies in [0, 1], whatever the
         rounding of its sums.  */
      rate = fmin (fmax (mn_wsum_mean (&rw), 0), 1);
      mn_wsum_prop_ci (&rw, sp->method, sp->level, &lo, &hi);
    }
  put (r, MN_SC_ROWS, 0, (double) g->rows);
  put (r, MN_SC_N, 0, (double) g->n);
  put (r, MN_SC_SAT, 0, (double) g->sat);
  put (r, MN_SC_RATE, 0, rate);
  put (r, MN_SC_LO, 0, lo);
  put (r, MN_SC_HI, 0, hi);
  if (sp->weighted)
    {
      put (r, MN_SC_WSUM, 0, g->n ? rw.sw : NAN);
      /* Kish's n_eff is at most n, whatever the rounding.  */
      put (r, MN_SC_NEFF, 0, g->n ? fmin (mn_wsum_neff (&rw), rw.n) : NAN);
      put (r, MN_SC_SE, 0, mn_wsum_se (&rw));
    }
  put (r, MN_SC_DK, 0, (double) g->dk);
  put (r, MN_SC_MISS, 0, (double) g->miss);
  if (sp->scored)
    {
      const struct mn_xmom *ix = mn_score_index (a, g);
      put (r, MN_SC_INDEX_N, 0, (double) ix->n);
      mean_cells (r, MN_SC_INDEX, MN_SC_INDEX_LO, 0, ix,
                  sp->weighted ? mn_score_index_w (a, g) : NULL, wtd,
                  sp->level);
      for (size_t i = 0; i < sp->nitem; i++)
        {
          const struct mn_xmom *it = mn_score_item (a, g, i);
          put (r, MN_SC_ITEM_N, i, (double) it->n);
          mean_cells (r, MN_SC_ITEM_MEAN, MN_SC_NSTAT, i, it,
                      sp->weighted ? mn_score_item_w (a, g, i) : NULL, wtd,
                      sp->level);
        }
    }
  if (sp->nrgroup)
    rgroup_cells (a, g, r, missing, mlen);
  if (a->stdz)
    {
      uint64_t id;
      memcpy (&id, (const char *) g + a->gid, sizeof id);
      struct mn_stdz_row z;
      mn_stdz_row (rate, lo, hi, mn_stdz_expected (a->stdz, id),
                   mn_stdz_reference (a->stdz), &z);
      put (r, MN_SC_STD_EXPECTED, 0, z.expected);
      put (r, MN_SC_STD_OE, 0, z.oe);
      put (r, MN_SC_STD_OE_LO, 0, z.oe_lo);
      put (r, MN_SC_STD_OE_HI, 0, z.oe_hi);
      put (r, MN_SC_STD_RATE, 0, z.rate);
      put (r, MN_SC_STD_LO, 0, z.lo);
      put (r, MN_SC_STD_HI, 0, z.hi);
      put (r, MN_SC_STD_REF, 0, z.ref);
    }
}

/* Point the key cells at the NUL-separated parts of KEY.  */
static void
key_cells (struct mn_st_cell *cell, size_t nkey, const char *key,
           size_t keylen)
{
  const char *p = key, *end = key + keylen;
  for (size_t i = 0; i < nkey; i++)
    {
      size_t len = strnlen (p, (size_t) (end - p));
      cell[i].s = p;
      cell[i].len = len;
      p += len + 1;
    }
}

void
mn_score_acc_write (const struct mn_score_acc *a, int digits, FILE *out)
{
  const struct mn_st_layout *l = &a->layout;
  if (a->stdz)
    mn_stdz_finish (a->stdz);
  mn_st_write_header (l, out);
  struct mn_group_entry *v = mn_groups_sorted (a->groups);
  size_t ng = mn_groups_count (a->groups);
  struct mn_st_cell *cell = xcalloc (l->ncol, sizeof *cell);
  char *missing = NULL;
  size_t mlen = 0;
  for (size_t k = 0; k < ng; k++)
    {
      for (size_t i = 0; i < l->ncol; i++)
        cell[i] = (struct mn_st_cell) { NAN, NULL, 0 };
      key_cells (cell, l->nkey, v[k].key, v[k].keylen);
      struct row r = { cell, l };
      group_cells (a, v[k].value, &r, &missing, &mlen);
      mn_st_write_row (l, cell, digits, out);
    }
  free (missing);
  free (cell);
  free (v);
}

/* The partial table.  */

/* "share." and group G: the column of G's share (caller frees).  */
static char *
share_name (const char *g)
{
  size_t n = strlen (g);
  char *s = xmalloc (n + sizeof "share.");
  memcpy (s, "share.", 6);
  memcpy (s + 6, g, n + 1);
  return s;
}

static void
write_shape_constants (const struct mn_score_shape *s, FILE *out)
{
  fprintf (out, "," P_VERSION ",%s,", mn_ci_method_name (s->method));
  mn_csv_num (out, s->level, 0);
  fputs (s->dk_unsatisfied ? ",unsatisfied," : ",exclude,", out);
  mn_csv_str (out, s->rate_item ? s->rate_item : "", ',');
  putc (',', out);
  fputs (s->scoring ? s->scoring : "", out);
}

void
mn_score_acc_write_partial (const struct mn_score_acc *a, FILE *out)
{
  const struct mn_score_shape *s = &a->shape;
  for (size_t i = 0; i < s->nkey; i++)
    {
      if (i)
        putc (',', out);
      mn_csv_str (out, s->key[i], ',');
    }
  for (size_t i = 0; i < P_NFIXED; i++)
    fprintf (out, ",%s", p_fixed[i]);
  for (size_t i = 0; i < s->nrgroup; i++)
    {
      fputs (",", out);
      char *name = share_name (s->rgroup[i]);
      mn_csv_str (out, name, ',');
      free (name);
    }
  for (size_t f = 0; f < a->nfield; f++)
    {
      putc (',', out);
      mn_csv_str (out, a->field[f].name, ',');
    }
  putc ('\n', out);

  struct mn_group_entry *v = mn_groups_sorted (a->groups);
  size_t ng = mn_groups_count (a->groups);
  char *buf = NULL;
  size_t cap = 0;
  for (size_t k = 0; k < ng; k++)
    {
      const char *p = v[k].key, *end = p + v[k].keylen;
      for (size_t i = 0; i < s->nkey; i++)
        {
          size_t len = strnlen (p, (size_t) (end - p));
          if (i)
            putc (',', out);
          mn_csv_field (out, p, len, ',');
          p += len + 1;
        }
      write_shape_constants (s, out);
      for (size_t i = 0; i < s->nrgroup; i++)
        {
          putc (',', out);
          mn_csv_num (out, s->share[i], 0);
        }
      const char *g = v[k].value;
      for (size_t f = 0; f < a->nfield; f++)
        {
          const struct pfield *pf = &a->field[f];
          putc (',', out);
          switch (pf->kind)
            {
            case PF_COUNT:
              fprintf (out, "%llu",
                       (unsigned long long) *(const uint64_t *) (g + pf->off));
              break;
            case PF_MIN:
            case PF_MAX:
              mn_csv_num (out, *(const double *) (g + pf->off), 0);
              break;
            case PF_XSUM:
              {
                const struct mn_xsum *x = (const void *) (g + pf->off);
                int need = mn_xsum_format (x, buf, cap);
                if (need >= 0 && (size_t) need >= cap)
                  {
                    buf = xgrow (buf, &cap, (size_t) need + 1, 1);
                    need = mn_xsum_format (x, buf, cap);
                  }
                fputs (buf, out);
              }
              break;
            }
        }
      putc ('\n', out);
    }
  free (buf);
  free (v);
}

/* Reading partial tables: the merger.  */

struct mn_merger
{
  struct mn_score_shape ref;    /* the first partial's shape */
  bool have_ref;                /* REF set, from a header */
  bool have_const;              /* REF's constants set, from a row */
  bool set_method, set_level;   /* the final table's, not the partials' */
  enum mn_ci_method method;
  double level;
  struct mn_score_acc *acc;     /* made at the first row */
  struct mn_score_acc *probe;   /* REF's field list, for the headers */
  size_t base;                  /* this input's first sum column */
  char *key;                    /* reused key buffer */
  size_t keycap;
  char *tmp;                    /* one row's statistics */
  struct mn_groups *seen;       /* this input's keys: the line of each */
  bool concatenated;            /* keys may repeat; headers may recur */
  char **head;                  /* this input's header's names, for a
                                   recurring header */
  size_t headn;
  unsigned long part_line;      /* concatenated: the header line of a
                                   partial whose first row is still to
                                   come (its constants decide whether it
                                   is of the same scoring), or 0 */
};

static long
col_of (const struct mn_header *h, const char *name, size_t from)
{
  for (size_t i = from; i < h->n; i++)
    if (strcmp (h->name[i], name) == 0)
      return (long) i;
  return -1;
}

static bool
has_suffix (const char *s, const char *suffix)
{
  size_t n = strlen (s), m = strlen (suffix);
  return n >= m && strcmp (s + n - m, suffix) == 0;
}

struct mn_merger *
mn_merger_new (const enum mn_ci_method *method, const double *level)
{
  struct mn_merger *m = xcalloc (1, sizeof *m);
  if (method)
    m->set_method = true, m->method = *method;
  if (level)
    m->set_level = true, m->level = *level;
  return m;
}

void
mn_merger_free (struct mn_merger *m)
{
  if (!m)
    return;
  mn_score_shape_release (&m->ref);
  mn_score_acc_free (m->acc);
  mn_score_acc_free (m->probe);
  mn_groups_free (m->seen);
  for (size_t i = 0; i < m->headn; i++)
    free (m->head[i]);
  free (m->head);
  free (m->key);
  free (m->tmp);
  free (m);
}

void
mn_merger_set_concatenated (struct mn_merger *m, bool on)
{
  m->concatenated = on;
}

/* Keys, items and respondent groups of the partial IN from its header,
   into S (released by the caller); *BASE the first sum column.  */
static int
shape_from_header (const struct mn_input *in, struct mn_score_shape *s,
                   size_t *base, struct mn_error *e)
{
  const struct mn_header *h = &in->h;
  unsigned long line = mn_header_line (h);
  *s = (struct mn_score_shape) { .method = MN_CI_WILSON, .level = 0.95 };
  long m = col_of (h, P_MARK, 0);
  if (m < 0)
    {
      if (col_of (h, mn_st_defs[MN_SC_RATE].name, 0) >= 0)
        return mn_error_set (e, in->name, line, MN_R_MISSING_COLUMN,
                             "a score table, not a partial one (minyi-score "
                             "--partial writes those)");
      return mn_error_set (e, in->name, line, MN_R_MISSING_COLUMN,
                           "no column '%s': not a partial score table",
                           P_MARK);
    }
  if (m == 0)
    return mn_error_set (e, in->name, line, MN_R_MISSING_COLUMN,
                         "no key column before '%s'", P_MARK);
  if (in->dup_column >= 0)
    return mn_error_set (e, in->name, line, MN_R_DUP_COLUMN,
                         "column '%s' appears twice in the header",
                         h->name[in->dup_column]);
  for (size_t i = 1; i < P_NFIXED; i++)
    if ((size_t) m + i >= h->n || strcmp (h->name[m + i], p_fixed[i]) != 0)
      return mn_error_set (e, in->name, line, MN_R_MISSING_COLUMN,
                           "column %zu is not '%s'", (size_t) m + i + 1,
                           p_fixed[i]);
  s->nkey = (size_t) m;
  s->key = strv_copy (h->name, s->nkey);
  size_t i = (size_t) m + P_NFIXED;
  for (; i < h->n && strncmp (h->name[i], "share.", 6) == 0; i++)
    {
      s->rgroup = xrealloc (s->rgroup, (s->nrgroup + 1) * sizeof (char *));
      s->rgroup[s->nrgroup++] = xstrdup (h->name[i] + 6);
    }
  s->share = xcalloc (s->nrgroup ? s->nrgroup : 1, sizeof (double));
  for (size_t g = 0; g < s->nrgroup; g++)
    s->share[g] = 1.0 / (double) s->nrgroup;    /* until a row says */
  *base = i;
  s->weighted = col_of (h, "wmin", i) >= 0;
  s->scored = col_of (h, "index.n", i) >= 0;
  for (; i + 1 < h->n; i++)
    {
      const char *n = h->name[i];
      size_t len = strlen (n);
      if (strncmp (n, "item.", 5) != 0 || !has_suffix (n, ".n") || len < 8)
        continue;
      const char *next = h->name[i + 1];
      if (strlen (next) != len + 1 || strncmp (next, n, len - 1) != 0
          || strcmp (next + len - 1, "sx") != 0)
        continue;
      s->item = xrealloc (s->item, (s->nitem + 1) * sizeof (char *));
      s->item[s->nitem++] = xmemdup0 (n + 5, len - 7);
    }
  if (!s->item)
    s->item = xcalloc (1, sizeof (char *));
  if (!s->rgroup)
    s->rgroup = xcalloc (1, sizeof (char *));
  return 0;
}

static bool
strv_equal (char *const *a, char *const *b, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (strcmp (a[i], b[i]) != 0)
      return false;
  return true;
}

/* Whether partial S (of FILE) has the structure of the reference R: the
   same keys, weights, items and respondent groups.  Its constants
   (shares, policy, method, level, scoring) are checked row by row by
   constants_differ.  Returns 0, or -1 with E.  */
static int
same_structure (const struct mn_score_shape *r, const struct mn_score_shape *s,
                const char *file, unsigned long line, struct mn_error *e)
{
  const char *what = NULL;
  if (r->nkey != s->nkey || !strv_equal (r->key, s->key, r->nkey))
    what = _("key columns");
  else if (r->weighted != s->weighted)
    what = _("survey weights");
  else if (r->scored != s->scored || r->nitem != s->nitem
           || !strv_equal (r->item, s->item, r->nitem))
    what = _("items");
  else if (r->nrgroup != s->nrgroup
           || !strv_equal (r->rgroup, s->rgroup, r->nrgroup))
    what = _("respondent groups");
  if (!what)
    return 0;
  return mn_error_set (e, file, line, MN_R_HEADER_MISMATCH,
                       "not the same %s as the first partial: another "
                       "scoring", what);
}

/* Check the header of partial IN against the first partial's (taking
   its shape when it is the first): keys, weights, items, respondent
   groups, and the sums' columns by name and in order; set M's BASE.
   Returns 0, or -1 with E on the header's line.  */
static int
check_header (struct mn_merger *m, const struct mn_input *in,
              struct mn_error *e)
{
  unsigned long line = mn_header_line (&in->h);
  struct mn_score_shape s;
  int rc = shape_from_header (in, &s, &m->base, e);
  if (rc == 0 && !m->have_ref)
    {
      m->ref = s;
      s = (struct mn_score_shape) { 0 };
      m->have_ref = true;
      struct mn_score_shape c;
      mn_score_shape_copy (&c, &m->ref);
      if (!(m->probe = mn_score_acc_new (&c, e)))
        {
          e->file = in->name;
          e->line = line;
          rc = -1;
        }
    }
  else if (rc == 0)
    rc = same_structure (&m->ref, &s, in->name, line, e);
  mn_score_shape_release (&s);
  if (rc < 0)
    return -1;
  /* The sums' columns, by name and in order.  */
  const struct mn_header *h = &in->h;
  const struct mn_score_acc *a = m->probe;
  if (h->n != m->base + a->nfield)
    return mn_error_set (e, in->name, line, MN_R_HEADER_MISMATCH,
                         "%zu columns, where a partial of this shape has "
                         "%zu", h->n, m->base + a->nfield);
  for (size_t f = 0; f < a->nfield; f++)
    if (strcmp (h->name[m->base + f], a->field[f].name) != 0)
      return mn_error_set (e, in->name, line, MN_R_HEADER_MISMATCH,
                           "column %zu is '%s', where a partial of this "
                           "shape has '%s'", m->base + f + 1,
                           h->name[m->base + f], a->field[f].name);
  return 0;
}

int
mn_merger_bind (struct mn_merger *m, const struct mn_input *in,
                struct mn_error *e)
{
  if (check_header (m, in, e) < 0)
    return -1;
  const struct mn_header *h = &in->h;
  const struct mn_score_acc *a = m->probe;
  if (!m->tmp)
    m->tmp = xcalloc (1, a->stats_size);
  /* Keys are counted once per partial: each input its own set.  */
  mn_groups_free (m->seen);
  m->seen = mn_groups_new (sizeof (unsigned long));
  /* The header, to know it when it recurs in concatenated partials.  */
  for (size_t i = 0; i < m->headn; i++)
    free (m->head[i]);
  free (m->head);
  m->head = xcalloc (h->n, sizeof *m->head);
  for (size_t i = 0; i < h->n; i++)
    m->head[i] = xstrdup (h->name[i]);
  m->headn = h->n;
  m->part_line = m->concatenated ? mn_header_line (h) : 0;
  return 0;
}

/* Whether REC is a partial's header line: a field named P_MARK and the
   other fixed columns' names after it, where a row holds the format's
   version and its constants.  Its first field may begin with a UTF-8
   byte-order mark: a partial written with --output-encoding=utf-8-bom,
   concatenated after another.  */
static bool
is_partial_header (const struct mn_record *rec)
{
  for (size_t i = 0; i + P_NFIXED <= rec->n; i++)
    {
      const char *f = rec->f[i];
      if (i == 0 && strncmp (f, "\xEF\xBB\xBF", 3) == 0)
        f += 3;
      if (strcmp (f, P_MARK) != 0)
        continue;
      size_t k = 1;
      while (k < P_NFIXED && strcmp (rec->f[i + k], p_fixed[k]) == 0)
        k++;
      if (k == P_NFIXED)
        return true;
    }
  return false;
}

int
mn_merger_header (struct mn_merger *m, const struct mn_input *in,
                  const struct mn_record *rec, struct mn_error *e)
{
  if (!m->concatenated)
    return 0;
  /* (A NUL byte is damage, not another encoding: rejected as usual.)  */
  if (rec->flaw == MN_FLAW_UTF8
      && !memchr (rec->f[rec->flaw_field], '\0', rec->len[rec->flaw_field]))
    return mn_error_set (e, in->name, rec->line, MN_R_ENCODING,
                         "line not valid UTF-8: concatenated partials "
                         "must share one encoding; write them all with the "
                         "same --output-encoding, or convert a GB18030 one "
                         "first with 'iconv -f GB18030 -t UTF-8 PART > "
                         "PART.utf8.csv'");
  if (rec->flaw != MN_FLAW_NONE || !is_partial_header (rec))
    return 0;
  /* The header of another partial: its names as a header's, the
     byte-order mark dropped.  */
  char *f0 = rec->f[0];
  size_t len0 = rec->len[0];
  if (strncmp (f0, "\xEF\xBB\xBF", 3) == 0)
    f0 += 3, len0 -= 3;
  char **f = xmalloc (rec->n * sizeof *f);
  size_t *len = xmalloc (rec->n * sizeof *len);
  memcpy (f, rec->f, rec->n * sizeof *f);
  memcpy (len, rec->len, rec->n * sizeof *len);
  f[0] = f0, len[0] = len0;
  struct mn_record hr = *rec;
  hr.f = f, hr.len = len;
  struct mn_header_opts ho = { in->h.aliases, 0 };
  struct mn_input part = { .path = in->path, .name = in->name };
  mn_header_init_opts (&part.h, &hr, &ho);
  part.dup_column = mn_header_duplicate (&part.h);
  free (f);
  free (len);
  bool same = part.h.n == m->headn;
  for (size_t i = 0; same && i < m->headn; i++)
    same = strcmp (part.h.name[i], m->head[i]) == 0;
  int rc = same ? 0 : check_header (m, &part, e);
  mn_header_release (&part.h);
  if (rc < 0)
    return -1;
  m->part_line = rec->line;
  return 1;
}

/* The shape's constants from row REC: method, level, don't-know
   policy, shares, into S (whose groups are the reference's).  */
static int
row_constants (const struct mn_merger *m, const struct mn_record *rec,
               const char *file, struct mn_score_shape *s,
               struct mn_error *e)
{
  size_t k = m->ref.nkey;
  if (!m->concatenated && strcmp (rec->f[k], P_MARK) == 0)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "a partial's header again, as in partials "
                         "concatenated: give --concatenated");
  if (strcmp (rec->f[k], P_VERSION) != 0)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "partial format '%s', where this minyi reads '%s'",
                         rec->f[k], P_VERSION);
  if (mn_ci_method_parse (rec->f[k + 1], &s->method) < 0)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "unknown interval method '%s'", rec->f[k + 1]);
  if (mn_parse_double (rec->f[k + 2], &s->level) != 0 || !(s->level > 0)
      || !(s->level < 1))
    return mn_error_set (e, file, rec->line, MN_R_BAD_NUMBER,
                         "level '%s' is not a number between 0 and 1",
                         rec->f[k + 2]);
  if (strcmp (rec->f[k + 3], "exclude") == 0)
    s->dk_unsatisfied = false;
  else if (strcmp (rec->f[k + 3], "unsatisfied") == 0)
    s->dk_unsatisfied = true;
  else
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "dont_know '%s' is neither 'exclude' nor "
                         "'unsatisfied'", rec->f[k + 3]);
  /* Borrowed from REC: valid while it is.  */
  s->rate_item = rec->f[k + 4];
  s->scoring = rec->f[k + 5];
  if (rec->len[k + 5] != 16
      || strspn (s->scoring, "0123456789abcdef") != 16)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "scoring '%s' is not 16 hexadecimal digits",
                         s->scoring);
  double total = 0;
  for (size_t i = 0; i < s->nrgroup; i++)
    {
      if (mn_parse_double (rec->f[k + P_NFIXED + i], &s->share[i]) != 0
          || !(s->share[i] > 0 && s->share[i] <= 1))
        return mn_error_set (e, file, rec->line, MN_R_BAD_NUMBER,
                             "share of group '%s': '%s' is not a number in "
                             "(0, 1]", s->rgroup[i],
                             rec->f[k + P_NFIXED + i]);
      total += s->share[i];
    }
  if (s->nrgroup && fabs (total - 1) > 1e-9)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "group shares sum to %g, not 1", total);
  return 0;
}

/* Parse one field of a partial row into the statistics at G.  */
static int
parse_field (const struct pfield *pf, const char *s, size_t len, char *g)
{
  switch (pf->kind)
    {
    case PF_COUNT:
      {
        if (len == 0 || len > 20 || s[0] < '0' || s[0] > '9')
          return -1;
        char *end;
        errno = 0;
        unsigned long long v = strtoull (s, &end, 10);
        if (errno || *end)
          return -1;
        *(uint64_t *) (g + pf->off) = v;
        return 0;
      }
    case PF_MIN:
    case PF_MAX:
      {
        double x;
        if (mn_parse_double (s, &x) != 0 || !(x >= MN_WEIGHT_MIN)
            || !(x <= MN_WEIGHT_MAX))
          return -1;
        *(double *) (g + pf->off) = x;
        return 0;
      }
    case PF_XSUM:
      return mn_xsum_parse ((struct mn_xsum *) (g + pf->off), s, len) < 0
               || !isfinite (mn_xsum_value ((struct mn_xsum *) (g + pf->off)))
             ? -1 : 0;
    }
  return -1;
}

static void
tmp_release (const struct mn_score_acc *a, char *g)
{
  for (size_t f = 0; f < a->nfield; f++)
    if (a->field[f].kind == PF_XSUM)
      mn_xsum_release ((struct mn_xsum *) (g + a->field[f].off));
  memset (g, 0, a->stats_size);
}

/* Take the constants of S (the first row's) as the reference's, and
   make the accumulator of the final table.  */
static int
set_constants (struct mn_merger *m, const struct mn_score_shape *s,
               struct mn_error *e)
{
  m->ref.method = s->method;
  m->ref.level = s->level;
  m->ref.dk_unsatisfied = s->dk_unsatisfied;
  free (m->ref.rate_item);
  free (m->ref.scoring);
  m->ref.rate_item = s->rate_item ? xstrdup (s->rate_item) : NULL;
  m->ref.scoring = s->scoring ? xstrdup (s->scoring) : NULL;
  if (m->ref.nrgroup)
    memcpy (m->ref.share, s->share, m->ref.nrgroup * sizeof (double));
  m->have_const = true;
  struct mn_score_shape c;
  mn_score_shape_copy (&c, &m->ref);
  if (m->set_method)
    c.method = m->method;
  if (m->set_level)
    c.level = m->level;
  return (m->acc = mn_score_acc_new (&c, e)) ? 0 : -1;
}

/* Whether the sums of a partial row can be those of some records: each
   sum within what its terms allow.  */

/* Sums of N scores Y in [0, YMAX]: 0 <= sum y <= N YMAX, and likewise
   for the squares.  */
static const char *
check_xmom (const struct mn_xmom *x, double ymax)
{
  double sx = mn_xsum_value (&x->sx), sxx = mn_xsum_value (&x->sxx);
  double n = (double) x->n;
  if (!(sx >= 0 && sx <= n * ymax * (1 + 1e-12)
        && sxx >= 0 && sxx <= n * ymax * ymax * (1 + 1e-12)))
    return _("sums outside what the scores allow");
  return NULL;
}

/* Weighted sums of WN observations Y in [0, YMAX] with weights in
   [WMIN, WMAX]: each sum within its terms' bounds (relative slack for
   the rounding of each product).  */
static const char *
check_xwsum (const struct mn_xwsum *s, double ymax, double wmin,
             double wmax)
{
  double wn = (double) s->n, tol = 1 + 1e-12;
  double sw = mn_xsum_value (&s->sw), sw2 = mn_xsum_value (&s->sw2);
  double swy = mn_xsum_value (&s->swy), sw2y = mn_xsum_value (&s->sw2y);
  double sw2y2 = mn_xsum_value (&s->sw2y2);
  if (s->n == 0)
    return sw == 0 && sw2 == 0 && swy == 0 && sw2y == 0 && sw2y2 == 0
             ? NULL : _("weighted sums of no answers");
  if (!(sw >= wn * wmin / tol && sw <= wn * wmax * tol
        && sw2 >= wn * wmin * wmin / tol && sw2 <= wn * wmax * wmax * tol
        && swy >= 0 && swy <= sw * ymax * tol
        && sw2y >= 0 && sw2y <= sw2 * ymax * tol
        && sw2y2 >= 0 && sw2y2 <= sw2 * ymax * ymax * tol))
    return _("weighted sums outside what the weights and answers allow");
  return NULL;
}

/* Check the statistics G of one partial row against each other.
   Returns NULL, or what is wrong (static).  */
static const char *
check_stats (const struct mn_merger *m, char *g, bool dk_unsatisfied)
{
  const struct mn_score_acc *a = m->probe;
  const struct mn_score_shape *s = &a->shape;
  struct mn_score_stats *st = (void *) g;
  uint64_t cmax = MN_COUNT_MAX;
  if (st->rows == 0 || st->rows > cmax || st->n > cmax || st->sat > cmax
      || st->dk > cmax || st->miss > cmax)
    return _("counts must be whole numbers from 0 to 2^53, rows at least 1");
  if (st->sat > st->n || st->n > st->rows
      || st->n + st->miss + (dk_unsatisfied ? 0 : st->dk) != st->rows
      || (dk_unsatisfied && st->dk > st->n))
    return _("counts do not add up");
  double wmin = 1, wmax = 1;
  if (s->weighted)
    {
      wmin = st->wmin;
      wmax = st->wmax;
      if (wmin > wmax)
        return _("wmin is above wmax");
      const struct mn_xwsum *r = mn_score_rate_w (a, st);
      if (r->n != st->n)
        return _("rate.wn is not n");
      const char *w = check_xwsum (r, 1, wmin, wmax);
      if (w)
        return w;
      if (mn_xsum_value (&r->swy) > mn_xsum_value (&r->sw))
        return _("satisfied weights above all weights");
    }
  if (s->scored)
    {
      for (size_t i = 0; i <= s->nitem; i++)
        {
          /* The index first, then each item.  */
          const struct mn_xmom *x = i ? mn_score_item (a, st, i - 1)
                                      : mn_score_index (a, st);
          if (x->n > st->rows)
            return i ? _("an item's answers outnumber the rows")
                     : _("index.n is above rows");
          const char *w = check_xmom (x, 100);
          if (w)
            return w;
          if (!s->weighted)
            continue;
          const struct mn_xwsum *y = i ? mn_score_item_w (a, st, i - 1)
                                       : mn_score_index_w (a, st);
          if (y->n != x->n)
            return _("weighted and unweighted counts differ");
          if ((w = check_xwsum (y, 100, wmin, wmax)))
            return w;
        }
    }
  uint64_t gn = 0;
  for (size_t i = 0; i < s->nrgroup; i++)
    {
      const struct mn_xwsum *y = mn_score_rgroup_w (a, st, i);
      if (y->n > st->n)
        return _("a group's answers outnumber n");
      gn += y->n;
      const char *w = check_xwsum (y, 1, wmin, wmax);
      if (w)
        return w;
    }
  if (s->nrgroup && gn != st->n)
    return _("the groups' answers do not add up to n");
  return NULL;
}

/* Parse row REC's key into M->key; returns its length, or -1 with E.  */
static long
row_key (struct mn_merger *m, const struct mn_record *rec, const char *file,
         struct mn_error *e)
{
  size_t klen = 0;
  for (size_t i = 0; i < m->ref.nkey; i++)
    {
      size_t len = rec->len[i];
      if (len == 0)
        return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                             "empty key '%s'", m->ref.key[i]);
      m->key = xgrow (m->key, &m->keycap, klen + len + 1, 1);
      if (i)
        m->key[klen++] = '\0';
      memcpy (m->key + klen, rec->f[i], len);
      klen += len;
    }
  return (long) klen;
}

/* Parse the sums of row REC into M->tmp.  */
static int
row_sums (struct mn_merger *m, const struct mn_record *rec,
          bool dk_unsatisfied, const char *file, struct mn_error *e)
{
  const struct mn_score_acc *probe = m->probe;
  for (size_t f = 0; f < probe->nfield; f++)
    {
      size_t c = m->base + f;
      if (parse_field (&probe->field[f], rec->f[c], rec->len[c], m->tmp) < 0)
        return mn_error_set (e, file, rec->line, MN_R_BAD_NUMBER,
                             "column '%s': '%.*s' is not a %s",
                             probe->field[f].name,
                             (int) (rec->len[c] > 60 ? 60 : rec->len[c]),
                             rec->f[c],
                             probe->field[f].kind == PF_COUNT
                               ? _("whole number >= 0")
                             : probe->field[f].kind == PF_XSUM
                               ? _("finite hexadecimal exact sum")
                               : _("weight in 1e-100..1e100"));
    }
  const char *why = check_stats (m, m->tmp, dk_unsatisfied);
  if (why)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "%s (rows %llu, n %llu, sat %llu, dk %llu, miss "
                         "%llu)", why,
                         (unsigned long long) ((struct mn_score_stats *)
                                               (void *) m->tmp)->rows,
                         (unsigned long long) ((struct mn_score_stats *)
                                               (void *) m->tmp)->n,
                         (unsigned long long) ((struct mn_score_stats *)
                                               (void *) m->tmp)->sat,
                         (unsigned long long) ((struct mn_score_stats *)
                                               (void *) m->tmp)->dk,
                         (unsigned long long) ((struct mn_score_stats *)
                                               (void *) m->tmp)->miss);
  return 0;
}

/* Whether a row's constants S are the reference's; NULL, or what
   differs.  */
static const char *
constants_differ (const struct mn_merger *m, const struct mn_score_shape *s)
{
  size_t ng = m->ref.nrgroup;
  if (strcmp (s->rate_item, m->ref.rate_item) != 0)
    return _("rated item");
  if (strcmp (s->scoring, m->ref.scoring) != 0)
    return _("scoring (codebook, answer lists, no-answer tokens, weight or "
             "group columns)");
  if (ng && memcmp (s->share, m->ref.share, ng * sizeof *s->share) != 0)
    return _("respondent groups' shares");
  if (s->dk_unsatisfied != m->ref.dk_unsatisfied)
    return _("don't-know policy");
  if ((!m->set_method && s->method != m->ref.method)
      || (!m->set_level && s->level != m->ref.level))
    return _("interval method or level (give --method and --level)");
  return NULL;
}

int
mn_merger_add (struct mn_merger *m, const struct mn_record *rec,
               const char *file, struct mn_error *e)
{
  size_t ng = m->ref.nrgroup;
  double *share = xcalloc (ng ? ng : 1, sizeof *share);
  struct mn_score_shape s = { .nrgroup = ng, .rgroup = m->ref.rgroup,
                              .share = share };
  long klen = -1;
  int rc = row_constants (m, rec, file, &s, e);
  const char *what = NULL;
  /* The first row of a concatenated partial says whether it is of the
     same scoring: if not, none of its rows is.  */
  if (rc == 0 && m->part_line && m->have_const
      && (what = constants_differ (m, &s)))
    {
      mn_error_set (e, file, rec->line, MN_R_HEADER_MISMATCH,
                    "not the same %s as the first partial: the partial "
                    "from line %lu is of another scoring", what,
                    m->part_line);
      tmp_release (m->probe, m->tmp);
      free (share);
      return -2;
    }
  if (rc == 0)
    m->part_line = 0;
  if (rc == 0 && (klen = row_key (m, rec, file, e)) < 0)
    rc = -1;
  if (rc == 0)
    rc = row_sums (m, rec, s.dk_unsatisfied, file, e);
  /* Only a sound row sets the reference: the first one merged.  */
  if (rc == 0 && !m->have_const && set_constants (m, &s, e) < 0)
    rc = -1;
  if (rc == 0 && (what = constants_differ (m, &s)))
    rc = mn_error_set (e, file, rec->line, MN_R_HEADER_MISMATCH,
                       "not the same %s as the first partial", what);
  unsigned long *first = rc == 0 && !m->concatenated
                         ? mn_groups_find (m->seen, m->key, (size_t) klen)
                         : NULL;
  char kb[128];
  if (first)
    rc = mn_error_set (e, file, rec->line, MN_R_DUPLICATE,
                       "key '%s' already has a row in this partial, on "
                       "line %lu",
                       mn_visible_key (kb, sizeof kb, m->key, (size_t) klen),
                       *first);
  struct mn_score_stats *g = NULL;
  if (rc == 0)
    {
      g = mn_score_acc_group (m->acc, m->key, (size_t) klen);
      const struct mn_score_stats *st = (const void *) m->tmp;
      if (g->rows + st->rows > MN_COUNT_MAX)
        rc = mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                           "group '%.*s' would count more than 2^53 rows",
                           (int) (rec->len[0] > 60 ? 60 : rec->len[0]),
                           rec->f[0]);
    }
  if (rc == 0)
    {
      if (!m->concatenated)
        *(unsigned long *) mn_groups_get (m->seen, m->key, (size_t) klen)
          = rec->line;
      mn_score_stats_merge (m->acc, g, (const void *) m->tmp);
    }
  tmp_release (m->probe, m->tmp);
  free (share);
  return rc;
}

const struct mn_score_acc *
mn_merger_result (struct mn_merger *m, struct mn_error *e)
{
  if (!m->have_ref)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE, "no partial was read");
      return NULL;
    }
  if (!m->acc)
    {
      /* No partial had a row: the empty table of their shape.  */
      struct mn_score_shape s;
      mn_score_shape_copy (&s, &m->ref);
      if (set_constants (m, &s, e) < 0)
        {
          mn_score_shape_release (&s);
          return NULL;
        }
      mn_score_shape_release (&s);
    }
  return m->acc;
}

int
mn_score_acc_merge (struct mn_score_acc *dst, const struct mn_score_acc *src)
{
  if (dst->stdz || src->stdz || dst->stats_size != src->stats_size)
    return -1;
  /* The sums are exact, so the order of the groups does not matter: no
     sort.  */
  size_t n = mn_groups_count (src->groups);
  struct mn_group_entry *v = mn_groups_entries (src->groups);
  for (size_t i = 0; i < n; i++)
    mn_score_stats_merge (dst, mn_score_acc_group (dst, v[i].key,
                                                   v[i].keylen),
                          v[i].value);
  free (v);
  return 0;
}

/* stdz.c - indirect standardisation.  */
#include "stats/stdz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/u64map.h"
#include "base/xalloc.h"
#include "stats/xsum.h"

/* A stratum: its number and its totals over all groups.  */
struct stratum
{
  uint32_t id;
  uint64_t n, sat;
  struct mn_xsum sw, swy;       /* weighted only */
};

/* A group: its expected count and its size (count or weight), once
   finished.  */
struct group
{
  struct mn_xsum e, w;
  bool any;
};

struct mn_stdz
{
  bool weighted, finished;
  struct mn_groups *strata;     /* key -> struct stratum */
  struct stratum **by_id;       /* the strata by number (borrowed) */
  size_t nstrata;
  /* (group << 32 | stratum) -> count, or with weights the index of the
     cell's weight sum in CW.  */
  struct mn_u64map cells;
  struct mn_xsum *cw;
  size_t ncw, cwcap;
  struct group *group;          /* by group number, after finishing */
  size_t ngroup;
  double ref;
  uint64_t n, sat;
  struct mn_xsum sw, swy;
};

struct mn_stdz *
mn_stdz_new (bool weighted)
{
  struct mn_stdz *z = xcalloc (1, sizeof *z);
  z->weighted = weighted;
  z->strata = mn_groups_new (sizeof (struct stratum));
  mn_u64map_init (&z->cells);
  z->ref = NAN;
  return z;
}

void
mn_stdz_free (struct mn_stdz *z)
{
  if (!z)
    return;
  for (size_t i = 0; i < z->nstrata; i++)
    {
      mn_xsum_release (&z->by_id[i]->sw);
      mn_xsum_release (&z->by_id[i]->swy);
    }
  mn_groups_free (z->strata);
  free (z->by_id);
  mn_u64map_release (&z->cells);
  mn_xsum_release_n (z->cw, z->ncw);
  free (z->cw);
  for (size_t i = 0; i < z->ngroup; i++)
    {
      mn_xsum_release (&z->group[i].e);
      mn_xsum_release (&z->group[i].w);
    }
  free (z->group);
  mn_xsum_release (&z->sw);
  mn_xsum_release (&z->swy);
  free (z);
}

void
mn_stdz_add (struct mn_stdz *z, uint64_t gid, const char *skey,
             size_t slen, double w, bool sat)
{
  size_t before = mn_groups_count (z->strata);
  struct stratum *s = mn_groups_get (z->strata, skey, slen);
  if (mn_groups_count (z->strata) > before)
    {
      s->id = (uint32_t) z->nstrata;
      z->by_id = xrealloc (z->by_id, (z->nstrata + 1) * sizeof *z->by_id);
      z->by_id[z->nstrata++] = s;
    }
  s->n++;
  s->sat += sat;
  z->n++;
  z->sat += sat;
  if (gid + 1 > z->ngroup)
    z->ngroup = gid + 1;
  uint64_t key = gid << 32 | s->id;
  if (!z->weighted)
    {
      uint64_t *c = mn_u64map_put (&z->cells, key, 1);
      if (c)
        ++*c;
      return;
    }
  mn_xsum_add (&s->sw, w);
  mn_xsum_add (&z->sw, w);
  if (sat)
    {
      mn_xsum_add (&s->swy, w);
      mn_xsum_add (&z->swy, w);
    }
  uint64_t *c = mn_u64map_put (&z->cells, key, z->ncw);
  size_t i = c ? (size_t) *c : z->ncw;
  if (!c)
    {
      z->cw = xgrow (z->cw, &z->cwcap, z->ncw + 1, sizeof *z->cw);
      memset (&z->cw[z->ncw++], 0, sizeof *z->cw);
    }
  mn_xsum_add (&z->cw[i], w);
}

/* The reference rate of stratum S.  */
static double
stratum_rate (const struct mn_stdz *z, const struct stratum *s)
{
  if (!z->weighted)
    return (double) s->sat / (double) s->n;
  return mn_xsum_value (&s->swy) / mn_xsum_value (&s->sw);
}

void
mn_stdz_finish (struct mn_stdz *z)
{
  if (z->finished)
    return;
  z->finished = true;
  double *r = xcalloc (z->nstrata ? z->nstrata : 1, sizeof *r);
  for (size_t i = 0; i < z->nstrata; i++)
    r[i] = stratum_rate (z, z->by_id[i]);
  z->group = xcalloc (z->ngroup ? z->ngroup : 1, sizeof *z->group);
  /* Each cell's product and its rounding error, found by fma (Dekker's
     TwoProduct), are added exactly, so E is the exact sum of the counts
     times the rounded reference rates, whatever the order of the
     cells.  */
  const struct mn_u64map *m = &z->cells;
  for (size_t k = 0; k < m->cap; k++)
    {
      if (m->key[k] == UINT64_MAX)
        continue;
      struct group *g = &z->group[m->key[k] >> 32];
      double c = z->weighted ? mn_xsum_value (&z->cw[m->val[k]])
                             : (double) m->val[k];
      double rs = r[m->key[k] & 0xffffffffu], p = c * rs;
      mn_xsum_add (&g->e, p);
      mn_xsum_add (&g->e, fma (c, rs, -p));
      mn_xsum_add (&g->w, c);
      g->any = true;
    }
  free (r);
  if (z->n > 0)
    z->ref = z->weighted ? mn_xsum_value (&z->swy) / mn_xsum_value (&z->sw)
                         : (double) z->sat / (double) z->n;
}

double
mn_stdz_expected (const struct mn_stdz *z, uint64_t gid)
{
  if (gid >= z->ngroup || !z->group[gid].any)
    return NAN;
  double w = mn_xsum_value (&z->group[gid].w);
  if (!(w > 0))
    return NAN;
  /* The exact E (as hi + lo) over W, rounded about once: a group of
     one stratum expects exactly its reference rate.  A mean of rates
     in [0, 1] lies there.  */
  double hi, lo;
  mn_xsum_dd (&z->group[gid].e, &hi, &lo);
  double q = hi / w;
  q += (fma (-q, w, hi) + lo) / w;
  return fmin (fmax (q, 0), 1);
}

double
mn_stdz_reference (const struct mn_stdz *z)
{
  return z->ref;
}

size_t
mn_stdz_strata (const struct mn_stdz *z)
{
  return z->nstrata;
}

void
mn_stdz_row (double rate, double lo, double hi, double expected,
             double ref, struct mn_stdz_row *o)
{
  bool ok = !isnan (rate) && expected > 0;
  o->expected = expected;
  o->ref = ref;
  o->oe = ok ? rate / expected : NAN;
  o->oe_lo = ok ? lo / expected : NAN;
  o->oe_hi = ok ? hi / expected : NAN;
  o->rate = ok ? o->oe * ref : NAN;
  o->lo = ok ? o->oe_lo * ref : NAN;
  o->hi = ok ? o->oe_hi * ref : NAN;
}

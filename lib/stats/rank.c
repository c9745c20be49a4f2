/* rank.c - ranks, and rank distributions simulated from Beta posteriors.

   The simulation is the one of Marshall & Spiegelhalter (1998, BMJ
   316:1701) and Goldstein & Spiegelhalter (1996, JRSS A 159:385): draw
   each unit's rate from its posterior, rank the draws, and read each
   unit's rank interval off the ranks it took.

   Exact quantiles in bounded memory.  Keeping every item's rank count
   for every rank takes items x items counters (10^8 for 10,000 cadres),
   and keeping the ranks of every draw takes draws x items.  Instead the
   draws are made twice from the same seed, which gives the same values
   in the same order:

     pass 1  counts each item's ranks in bins of W consecutive ranks, W
             the smallest width for which all bins fit MN_RANKSIM_BUDGET
             counters, and counts the draws under each top-k cut-off;
             the bin holding each of the item's three quantiles is then
             known, with the count of draws below that bin;
     pass 2  (only when W > 1) counts, for each item, its ranks inside
             those three bins one by one, which fixes each quantile to
             the rank.

   Memory is MN_RANKSIM_BUDGET counters for the bins plus 3 W per item;
   time is twice that of one pass when W > 1.  The quantiles are those
   of the draws' ranks exactly, as if every rank had been kept.

   Each draw is ranked by an LSD radix sort of the values' IEEE 754
   bits, which for values >= 0 order as the values do: linear time, so
   that 10,000 items x 10,000 draws take seconds.  */
#include "stats/rank.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static const double *sort_x;

/* Descending by value; equal values by index, so that the sort is
   deterministic (the ranks do not depend on it: ties share a rank).  */
static int
cmp_desc (const void *pa, const void *pb)
{
  size_t i = *(const size_t *) pa, j = *(const size_t *) pb;
  double a = sort_x[i], b = sort_x[j];
  if (a != b)
    return a > b ? -1 : 1;
  return (i > j) - (i < j);
}

size_t
mn_rank_values (const double *x, size_t n, bool dense, size_t *rank)
{
  size_t *idx = xcalloc (n ? n : 1, sizeof *idx), m = 0;
  for (size_t i = 0; i < n; i++)
    {
      rank[i] = 0;
      if (!isnan (x[i]))
        idx[m++] = i;
    }
  sort_x = x;
  qsort (idx, m, sizeof *idx, cmp_desc);
  sort_x = NULL;
  size_t r = 0, distinct = 0;
  for (size_t p = 0; p < m; p++)
    {
      if (p == 0 || x[idx[p]] != x[idx[p - 1]])
        {
          distinct++;
          r = dense ? distinct : p + 1;
        }
      rank[idx[p]] = r;
    }
  free (idx);
  return m;
}

void
mn_ranksim_targets (unsigned long draws, unsigned long t[3])
{
  /* ceil (P * DRAWS) for P = 1/40, 1/2, 39/40, in integers.  */
  unsigned long long d = draws;
  t[0] = (unsigned long) ((d + 39) / 40);
  t[1] = (unsigned long) ((d + 1) / 2);
  t[2] = (unsigned long) ((39 * d + 39) / 40);
}

struct pair
{
  uint64_t key;
  uint32_t item;
};

/* Sort the N pairs of P ascending by key, with T (N pairs) as scratch:
   an LSD radix sort on 11-bit digits, a pass skipped when every key
   has the same digit.  The result is in P.  */
static void
radix_sort (struct pair *p, struct pair *t, size_t n)
{
  enum { BITS = 11, BUCKETS = 1 << BITS };
  size_t count[BUCKETS];
  for (int shift = 0; shift < 64; shift += BITS)
    {
      memset (count, 0, sizeof count);
      for (size_t i = 0; i < n; i++)
        count[(p[i].key >> shift) & (BUCKETS - 1)]++;
      if (count[(p[0].key >> shift) & (BUCKETS - 1)] == n)
        continue;
      size_t sum = 0;
      for (size_t k = 0; k < BUCKETS; k++)
        {
          size_t c = count[k];
          count[k] = sum;
          sum += c;
        }
      for (size_t i = 0; i < n; i++)
        t[count[(p[i].key >> shift) & (BUCKETS - 1)]++] = p[i];
      memcpy (p, t, n * sizeof *t);
    }
}

/* One draw's values: every item's, from the generator RNG in item order,
   into V (S->n).  */
static void
draw_values (const struct mn_ranksim *s, gsl_rng *rng, double *v)
{
  for (size_t i = 0; i < s->n; i++)
    {
      double x = gsl_ran_beta (rng, s->a[i], s->b[i]);
      if (s->scale)
        x *= s->scale[i];
      v[i] = x > 0 ? x : 0;     /* never -0 */
    }
}

/* One draw's ranks: the values V ranked within each stratum; RANK[I]
   receives item I's competition rank.  */
static void
rank_values (const struct mn_ranksim *s, const double *v, struct pair *p,
             struct pair *t, uint32_t *rank)
{
  for (size_t st = 0; st < s->nstrata; st++)
    {
      size_t lo = s->start[st], m = s->start[st + 1] - lo;
      if (m == 0)
        continue;
      for (size_t k = 0; k < m; k++)
        {
          uint64_t bits;
          memcpy (&bits, &v[lo + k], sizeof bits);
          p[k] = (struct pair) { bits, (uint32_t) (lo + k) };
        }
      radix_sort (p, t, m);
      /* Descending: the largest is last.  A tie group's rank is 1 + the
         number of values above it.  */
      uint32_t r = 1;
      for (size_t q = 0; q < m; q++)
        {
          size_t k = m - 1 - q;
          if (q > 0 && p[k].key != p[k + 1].key)
            r = (uint32_t) q + 1;
          rank[p[k].item] = r;
        }
    }
}

/* The draws of a pass, made by a second thread while this one ranks and
   counts them: the generator is used by that thread alone, in the same
   order as by one thread, so the values, and every figure, are the
   same whatever the threads.  The draws go through a ring of SLOTS
   buffers.  */
#define SLOTS 8

struct drawer
{
  const struct mn_ranksim *s;
  gsl_rng *rng;
  double *buf;                  /* SLOTS x n values */
  unsigned long made, used;     /* draws made, draws ranked */
  bool threaded;
  pthread_t th;
  pthread_mutex_t mu;
  pthread_cond_t cv;
};

static void *
drawer_main (void *arg)
{
  struct drawer *d = arg;
  for (unsigned long k = 0; k < d->s->draws; k++)
    {
      pthread_mutex_lock (&d->mu);
      while (k - d->used >= SLOTS)
        pthread_cond_wait (&d->cv, &d->mu);
      pthread_mutex_unlock (&d->mu);
      draw_values (d->s, d->rng, d->buf + (k % SLOTS) * d->s->n);
      pthread_mutex_lock (&d->mu);
      d->made = k + 1;
      pthread_cond_broadcast (&d->cv);
      pthread_mutex_unlock (&d->mu);
    }
  return NULL;
}

/* Start a pass: the generator seeded, the drawing thread started (or,
   when no thread can be made, the draws made here one at a time).  */
static void
drawer_start (struct drawer *d, const struct mn_ranksim *s, gsl_rng *rng)
{
  d->s = s;
  d->rng = rng;
  d->made = d->used = 0;
  gsl_rng_set (rng, s->seed);
  pthread_mutex_init (&d->mu, NULL);
  pthread_cond_init (&d->cv, NULL);
  d->threaded = pthread_create (&d->th, NULL, drawer_main, d) == 0;
}

/* The values of draw K (the next one), valid until drawer_done.  */
static const double *
drawer_get (struct drawer *d, unsigned long k)
{
  double *v = d->buf + (k % SLOTS) * d->s->n;
  if (!d->threaded)
    {
      draw_values (d->s, d->rng, v);
      return v;
    }
  pthread_mutex_lock (&d->mu);
  while (d->made <= k)
    pthread_cond_wait (&d->cv, &d->mu);
  pthread_mutex_unlock (&d->mu);
  return v;
}

/* Draw K is ranked: its buffer may take another.  */
static void
drawer_done (struct drawer *d, unsigned long k)
{
  if (!d->threaded)
    return;
  pthread_mutex_lock (&d->mu);
  d->used = k + 1;
  pthread_cond_broadcast (&d->cv);
  pthread_mutex_unlock (&d->mu);
}

static void
drawer_end (struct drawer *d)
{
  if (d->threaded)
    pthread_join (d->th, NULL);
  pthread_cond_destroy (&d->cv);
  pthread_mutex_destroy (&d->mu);
}

int
mn_ranksim_run (const struct mn_ranksim *s, struct mn_rankdist *dist,
                double *ptop, struct mn_error *e)
{
  if (s->draws < 1)
    return mn_error_set (e, NULL, 0, MN_R_USAGE, "no draw to make");
  for (size_t i = 0; i < s->n; i++)
    if (!(s->a[i] > 0 && s->b[i] > 0 && isfinite (s->a[i])
          && isfinite (s->b[i])))
      return mn_error_set (e, NULL, 0, MN_R_USAGE,
                           "Beta (%g, %g) is no posterior to draw from",
                           s->a[i], s->b[i]);
  if (s->n > UINT32_MAX)
    return mn_error_set (e, NULL, 0, MN_R_USAGE, "too many items to rank");
  if (s->n == 0)
    return 0;
  /* The bin width W: the smallest for which the bins fit the budget.  */
  size_t mmax = 0, w = 1, nbins;
  for (size_t st = 0; st < s->nstrata; st++)
    if (s->start[st + 1] - s->start[st] > mmax)
      mmax = s->start[st + 1] - s->start[st];
  for (;;)
    {
      nbins = 0;
      for (size_t st = 0; st < s->nstrata; st++)
        {
          size_t m = s->start[st + 1] - s->start[st];
          nbins += m * ((m + w - 1) / w);
        }
      if (nbins <= MN_RANKSIM_BUDGET || w >= mmax)
        break;
      w = w < 16 ? w + 1 : w + w / 16;
    }
  if (nbins > MN_RANKSIM_BUDGET || (w > 1 && 3 * w * s->n
                                     > 16 * MN_RANKSIM_BUDGET))
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "%zu items in one stratum are more than the rank "
                         "simulation can count in its memory", mmax);
  size_t *off = xcalloc (s->n, sizeof *off), *stratum_of = xcalloc (s->n,
                                                             sizeof *stratum_of);
  {
    size_t o = 0;
    for (size_t st = 0; st < s->nstrata; st++)
      {
        size_t m = s->start[st + 1] - s->start[st];
        for (size_t i = s->start[st]; i < s->start[st + 1]; i++)
          {
            off[i] = o;
            stratum_of[i] = st;
            o += (m + w - 1) / w;
          }
      }
  }
  uint32_t *bin = xcalloc (nbins, sizeof *bin);
  uint32_t *top = xcalloc (s->n * (s->ntop ? s->ntop : 1), sizeof *top);
  uint32_t *rank = xcalloc (s->n, sizeof *rank);
  struct pair *p = xcalloc (mmax, sizeof *p), *t = xcalloc (mmax, sizeof *t);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  struct drawer dr = { .buf = xcalloc (SLOTS * s->n, sizeof (double)) };

  drawer_start (&dr, s, rng);
  for (unsigned long d = 0; d < s->draws; d++)
    {
      rank_values (s, drawer_get (&dr, d), p, t, rank);
      drawer_done (&dr, d);
      for (size_t i = 0; i < s->n; i++)
        {
          bin[off[i] + (rank[i] - 1) / w]++;
          const size_t *cut = s->cut + stratum_of[i] * s->ntop;
          for (size_t j = 0; j < s->ntop; j++)
            top[i * s->ntop + j] += rank[i] <= cut[j];
        }
    }
  drawer_end (&dr);

  /* Each quantile's bin, and the draws below it.  */
  unsigned long target[3];
  mn_ranksim_targets (s->draws, target);
  size_t *qbin = xcalloc (3 * s->n, sizeof *qbin);
  unsigned long *below = xcalloc (3 * s->n, sizeof *below);
  for (size_t i = 0; i < s->n; i++)
    {
      size_t st = stratum_of[i];
      size_t m = s->start[st + 1] - s->start[st], nb = (m + w - 1) / w;
      for (int q = 0; q < 3; q++)
        {
          unsigned long cum = 0;
          size_t b = 0;
          while (b + 1 < nb && cum + bin[off[i] + b] < target[q])
            cum += bin[off[i] + b++];
          qbin[3 * i + q] = b;
          below[3 * i + q] = cum;
        }
    }

  size_t *qrank = xcalloc (3 * s->n, sizeof *qrank);
  if (w == 1)
    for (size_t k = 0; k < 3 * s->n; k++)
      qrank[k] = qbin[k] + 1;
  else
    {
      uint32_t *fine = xcalloc (3 * w * s->n, sizeof *fine);
      drawer_start (&dr, s, rng);
      for (unsigned long d = 0; d < s->draws; d++)
        {
          rank_values (s, drawer_get (&dr, d), p, t, rank);
          drawer_done (&dr, d);
          for (size_t i = 0; i < s->n; i++)
            {
              size_t b = (rank[i] - 1) / w;
              for (int q = 0; q < 3; q++)
                if (qbin[3 * i + q] == b)
                  fine[(3 * i + q) * w + (rank[i] - 1) % w]++;
            }
        }
      drawer_end (&dr);
      for (size_t k = 0; k < 3 * s->n; k++)
        {
          unsigned long cum = below[k];
          size_t r = 0;
          while (r + 1 < w && cum + fine[k * w + r] < target[k % 3])
            cum += fine[k * w + r++];
          qrank[k] = qbin[k] * w + r + 1;
        }
      free (fine);
    }
  for (size_t i = 0; i < s->n; i++)
    {
      dist[i].lo = qrank[3 * i];
      dist[i].median = qrank[3 * i + 1];
      dist[i].hi = qrank[3 * i + 2];
      for (size_t j = 0; j < s->ntop; j++)
        ptop[i * s->ntop + j] = (double) top[i * s->ntop + j]
                                / (double) s->draws;
    }
  gsl_rng_free (rng);
  free (dr.buf);
  free (qrank);
  free (qbin);
  free (below);
  free (p);
  free (t);
  free (rank);
  free (top);
  free (bin);
  free (off);
  free (stratum_of);
  return 0;
}

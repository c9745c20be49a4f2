/* rank.c - ranks, and rank distributions simulated from Beta posteriors.

   The simulation is the one of Marshall & Spiegelhalter (1998, BMJ
   316:1701) and Goldstein & Spiegelhalter (1996, JRSS A 159:385): draw
   each unit's rate from its posterior, rank the draws, and read each
   unit's rank interval off the ranks it took.

   Draws in blocks.  The draws are made in blocks of MN_RANKSIM_BLOCK
   consecutive draws; block K's generator is MT19937 seeded with
   mn_ranksim_block_seed (seed, K), and within a block each draw takes
   every item's Beta variate (stats/betadraw.h) in item order.  A draw's
   values depend only on the seed and the draw's number, so any thread
   may make any block: the threads take blocks in turn and add their
   counts into counters of their own, summed at the end of the pass.
   Sums of counts do not depend on the order of their terms, so every
   figure is the same bytes whatever the threads and their timing.

   Exact quantiles in bounded memory.  Keeping each item's count for
   every rank takes items x items counters (10^8 for 10,000 cadres),
   and keeping the ranks of every draw takes draws x items.  Instead
   the quantiles are narrowed down pass by pass over the same draws
   (made again from the same block seeds, which gives the same values):
   pass 1 counts each item's ranks in bins of 2^SH ranks, SH the
   smallest for which every item's bins fit the budget
   (MN_RANKSIM_BUDGET counters per thread), and the draws under each
   top-k cut-off.
   The cumulative counts give the bin holding each of the item's three
   quantiles and the count of draws below it.  Each later pass counts
   the ranks inside those bins (of the quantiles not yet fixed to one
   rank) in bins of 2^SH' ranks, SH' again the smallest that fits, until
   every quantile is one rank.  A stratum of up to 1,448 items takes one
   pass, up to 10,922 two, up to 23,045 three, up to 196,608 four; with
   48 counters per item or more each later pass narrows the bins 16
   times or more.  The quantiles are those of the
   draws' ranks exactly, as if every rank had been kept, whatever the
   budget.

   Each draw is ranked by a bucket sort: a value goes to bucket
   floor ((max - v) m / (max - min)) of m, which is monotone in v even
   as rounded, then each bucket is sorted (insertion sort, or qsort_r
   when large): linear time for values spread as posterior draws are,
   so that 10,000 items x 10,000 draws take seconds.  */
#include "stats/rank.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpus.h"
#include "base/thread.h"
#include "base/xalloc.h"
#include "stats/betadraw.h"

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

/* MurmurHash3's 32-bit finaliser (Appleby): a bijection of 32-bit
   words whose every output bit depends on every input bit.  */
static uint32_t
fmix32 (uint32_t h)
{
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

unsigned long
mn_ranksim_block_seed (unsigned long seed, unsigned long k)
{
  return fmix32 (fmix32 ((uint32_t) seed) + (uint32_t) k);
}

void
mn_ranksim_draw (const struct mn_ranksim *s, const struct mn_betadraw *b,
                 gsl_rng *rng, double *v)
{
  for (size_t i = 0; i < s->n; i++)
    {
      double x = mn_betadraw (&b[i], rng);
      if (s->scale)
        x *= s->scale[i];
      v[i] = x > 0 ? x : 0;     /* never -0 */
    }
}

/* A value and its item, sorted by bucket_rank.  */
struct vi
{
  double v;
  uint32_t i;
};

/* Descending by value, then ascending by item (deterministic; ranks do
   not depend on it: ties share a rank).  */
static inline bool
vi_before (const struct vi *x, const struct vi *y)
{
  return x->v > y->v || (x->v == y->v && x->i < y->i);
}

static int
cmp_vi (const void *pa, const void *pb)
{
  const struct vi *x = pa, *y = pb;
  return vi_before (x, y) ? -1 : vi_before (y, x) ? 1 : 0;
}

/* Competition ranks, descending, of the M values V (>= 0, no NaN):
   item I's goes to RANK[I * STRIDE].  BUF (M), KEY (M) and CNT (2 M +
   1) are scratch.  A bucket sort on (max - v) 2 M / (max - min), each
   bucket then sorted by value.  */
static void
rank_desc (const double *v, uint32_t m, uint32_t *rank, size_t stride,
           struct vi *buf, uint32_t *key, uint32_t *cnt)
{
  double lo = v[0], hi = v[0];
  for (uint32_t i = 1; i < m; i++)
    {
      if (v[i] < lo)
        lo = v[i];
      if (v[i] > hi)
        hi = v[i];
    }
  if (!(hi > lo))
    {
      for (uint32_t i = 0; i < m; i++)
        rank[i * stride] = 1;
      return;
    }
  uint32_t nb = 2 * m;
  /* A spread so narrow that NB / spread overflows: one bucket.  */
  double f = nb / (hi - lo);
  if (!(f < HUGE_VAL))
    f = 0;
  memset (cnt, 0, (nb + 1) * sizeof *cnt);
  uint32_t most = 0;
  for (uint32_t i = 0; i < m; i++)
    {
      double x = (hi - v[i]) * f;
      uint32_t k = x < nb ? (uint32_t) x : nb - 1;
      key[i] = k;
      if (++cnt[k + 1] > most)
        most = cnt[k + 1];
    }
  for (uint32_t k = 0; k < nb; k++)
    cnt[k + 1] += cnt[k];
  for (uint32_t i = 0; i < m; i++)
    buf[cnt[key[i]]++] = (struct vi) { v[i], i };
  /* BUF is in bucket order: only values within a bucket may be out of
     order, and an insertion sort of the whole puts them right in time
     linear in M and the buckets' squares; a bucket of more than 32
     values (values bunched in a few buckets) and qsort does it.  */
  if (most > 32)
    qsort (buf, m, sizeof *buf, cmp_vi);
  else
    for (uint32_t p = 1; p < m; p++)
      if (vi_before (&buf[p], &buf[p - 1]))
        {
          struct vi x = buf[p];
          uint32_t q = p;
          for (; q > 0 && vi_before (&x, &buf[q - 1]); q--)
            buf[q] = buf[q - 1];
          buf[q] = x;
        }
  uint32_t r = 1;
  for (uint32_t p = 0; p < m; p++)
    {
      if (p > 0 && buf[p].v != buf[p - 1].v)
        r = p + 1;
      rank[buf[p].i * stride] = r;
    }
}

/* A rank window of one pass: ranks LO .. LO + WIDTH - 1 of an item,
   counted in bins of 2^SH ranks at CNT[OFF ...].  */
struct win
{
  uint32_t lo, width;
  size_t off;
};

/* What a pass counts, shared by its threads.  */
struct pass
{
  const struct mn_ranksim *s;
  const struct mn_betadraw *bd;
  bool first;                   /* count P (top) too */
  unsigned sh;
  const struct win *win;        /* 3 per item, NW[I] of them used */
  const uint8_t *nw;
  size_t ncnt;
  unsigned long nblocks;
  atomic_ulong next;            /* the next block to make */
};

/* One thread's state: its counters, summed at the end of each pass, and
   its scratch.  */
struct worker
{
  struct pass *p;
  uint32_t *cnt, *top;
  double *v;
  uint32_t *rank;               /* n x MN_RANKSIM_BLOCK draws */
  struct vi *buf;
  uint32_t *key, *bcnt;
  gsl_rng *rng;
  pthread_t th;
};

/* Add item I's ranks in the NDRAWS draws of a block (W->rank) to W's
   counters: P (top) under each cut-off CUT[] (the first pass), and the
   bin of each of the item's windows that the rank falls in.  Runs of
   the same bin are added at once (a narrow item's ranks keep to a few
   bins), the loop's constants kept in locals: the counters may alias
   nothing the compiler would reload.  */
static inline void
count_item (const struct pass *p, struct worker *w, size_t i, size_t nd,
            const size_t *cut)
{
  const uint32_t *rk = w->rank + i * MN_RANKSIM_BLOCK;
  size_t ntop = p->s->ntop;
  if (p->first)
    for (size_t j = 0; j < ntop; j++)
      {
        uint32_t c = 0;
        for (size_t d = 0; d < nd; d++)
          c += rk[d] <= cut[j];
        w->top[i * ntop + j] += c;
      }
  unsigned sh = p->sh, nw = p->nw[i];
  for (unsigned k = 0; k < nw; k++)
    {
      const struct win wn = p->win[3 * i + k];
      uint32_t *c = w->cnt + wn.off, run = 0;
      size_t last = 0;
      for (size_t d = 0; d < nd; d++)
        {
          uint32_t x = rk[d] - wn.lo;
          if (x < wn.width)
            {
              size_t b = x >> sh;
              if (run && b == last)
                run++;
              else
                {
                  if (run)
                    c[last] += run;
                  last = b;
                  run = 1;
                }
            }
        }
      if (run)
        c[last] += run;
    }
}

static void *
worker_main (void *arg)
{
  struct worker *w = arg;
  struct pass *p = w->p;
  const struct mn_ranksim *s = p->s;
  unsigned long blk;
  while ((blk = atomic_fetch_add (&p->next, 1)) < p->nblocks)
    {
      gsl_rng_set (w->rng, mn_ranksim_block_seed (s->seed, blk));
      unsigned long d0 = blk * MN_RANKSIM_BLOCK, d1 = d0 + MN_RANKSIM_BLOCK;
      if (d1 > s->draws)
        d1 = s->draws;
      /* The block's ranks first, draw by draw; then the counts item by
         item, so that an item's counters stay in the cache over the
         block's draws.  */
      size_t nd = d1 - d0;
      for (size_t d = 0; d < nd; d++)
        {
          mn_ranksim_draw (s, p->bd, w->rng, w->v);
          for (size_t st = 0; st < s->nstrata; st++)
            {
              size_t lo = s->start[st], hi = s->start[st + 1];
              if (hi > lo)
                rank_desc (w->v + lo, (uint32_t) (hi - lo),
                           w->rank + lo * MN_RANKSIM_BLOCK + d,
                           MN_RANKSIM_BLOCK, w->buf, w->key, w->bcnt);
            }
        }
      for (size_t st = 0; st < s->nstrata; st++)
        {
          const size_t *cut = s->cut ? s->cut + st * s->ntop : NULL;
          for (size_t i = s->start[st]; i < s->start[st + 1]; i++)
            count_item (p, w, i, nd, cut);
        }
    }
  return NULL;
}

/* The smallest SH for which the windows' bins of 2^SH ranks fit
   BUDGET counters; *NCNT receives their count and each window its
   offset.  */
static unsigned
fit_bins (struct win *win, const uint8_t *nw, size_t n, size_t budget,
          size_t *ncnt)
{
  for (unsigned sh = 0;; sh++)
    {
      size_t total = 0;
      for (size_t i = 0; i < n; i++)
        for (unsigned k = 0; k < nw[i]; k++)
          {
            win[3 * i + k].off = total;
            total += ((size_t) win[3 * i + k].width + ((size_t) 1 << sh) - 1)
                     >> sh;
          }
      if (total <= budget || sh >= 31)
        {
          *ncnt = total;
          return sh;
        }
    }
}

/* Run pass P on NW workers (W[0] in this thread), summing their counts
   into CNT (P->ncnt) and TOP.  */
static void
run_pass (struct pass *p, struct worker *w, unsigned nwk, uint32_t *cnt,
          uint32_t *top)
{
  size_t ntop = p->s->n * p->s->ntop;
  atomic_init (&p->next, 0);
  bool *started = xcalloc (nwk, sizeof *started);
  for (unsigned t = 0; t < nwk; t++)
    {
      w[t].p = p;
      w[t].cnt = xcalloc (p->ncnt ? p->ncnt : 1, sizeof *w[t].cnt);
      memset (w[t].top, 0, (ntop ? ntop : 1) * sizeof *w[t].top);
    }
  for (unsigned t = 1; t < nwk; t++)
    started[t] = mn_thread_start (&w[t].th, MN_THREAD_STACK, worker_main,
                                  &w[t]) == 0;
  worker_main (&w[0]);
  for (unsigned t = 0; t < nwk; t++)
    {
      if (t > 0 && started[t])
        pthread_join (w[t].th, NULL);
      for (size_t k = 0; k < p->ncnt; k++)
        cnt[k] += w[t].cnt[k];
      if (p->first)
        for (size_t k = 0; k < ntop; k++)
          top[k] += w[t].top[k];
      free (w[t].cnt);
      w[t].cnt = NULL;
    }
  free (started);
}

int
mn_ranksim_run (const struct mn_ranksim *s, struct mn_rankdist *dist,
                double *ptop, struct mn_error *e)
{
  if (s->passes)
    *s->passes = 0;
  if (s->draws < 1)
    return mn_error_set (e, NULL, 0, MN_R_USAGE, "no draw to make");
  for (size_t i = 0; i < s->n; i++)
    if (!(s->a[i] > 0 && s->b[i] > 0 && isfinite (s->a[i])
          && isfinite (s->b[i])))
      return mn_error_set (e, NULL, 0, MN_R_USAGE,
                           "Beta (%g, %g) is no posterior to draw from",
                           s->a[i], s->b[i]);
  if (s->n >= UINT32_MAX)
    return mn_error_set (e, NULL, 0, MN_R_USAGE, "too many items to rank");
  if (s->n == 0)
    return 0;
  size_t n = s->n, mmax = 0, budget = MN_RANKSIM_BUDGET (n);
  for (size_t st = 0; st < s->nstrata; st++)
    if (s->start[st + 1] - s->start[st] > mmax)
      mmax = s->start[st + 1] - s->start[st];

  struct mn_betadraw *bd = xcalloc (n, sizeof *bd);
  for (size_t i = 0; i < n; i++)
    mn_betadraw_init (&bd[i], s->a[i], s->b[i]);
  unsigned long nblocks = (s->draws + MN_RANKSIM_BLOCK - 1)
                          / MN_RANKSIM_BLOCK;
  unsigned nwk = s->threads;
  if (nwk == 0)
    nwk = mn_cpus ();
  if (nwk > 64)
    nwk = 64;
  if (nwk > nblocks)
    nwk = (unsigned) nblocks;
  size_t ntop = n * s->ntop;
  struct worker *w = xcalloc (nwk, sizeof *w);
  for (unsigned t = 0; t < nwk; t++)
    {
      w[t].v = xcalloc (n, sizeof *w[t].v);
      w[t].rank = xcalloc (MN_RANKSIM_BLOCK * n, sizeof *w[t].rank);
      w[t].buf = xcalloc (mmax, sizeof *w[t].buf);
      w[t].key = xcalloc (mmax, sizeof *w[t].key);
      w[t].bcnt = xcalloc (2 * mmax + 1, sizeof *w[t].bcnt);
      w[t].top = xcalloc (ntop ? ntop : 1, sizeof *w[t].top);
      w[t].rng = gsl_rng_alloc (gsl_rng_taus2);
    }

  /* Each quantile's state: the ranks it may still be (LO, WIDTH), the
     draws below them, and its window in the pass (QWIN).  */
  unsigned long target[3];
  mn_ranksim_targets (s->draws, target);
  uint32_t *qlo = xcalloc (3 * n, sizeof *qlo);
  uint32_t *qwidth = xcalloc (3 * n, sizeof *qwidth);
  unsigned long *qbelow = xcalloc (3 * n, sizeof *qbelow);
  uint8_t *qwin = xcalloc (3 * n, sizeof *qwin);
  struct win *win = xcalloc (3 * n, sizeof *win);
  uint8_t *nw = xcalloc (n, sizeof *nw);
  uint32_t *top = xcalloc (ntop ? ntop : 1, sizeof *top);
  for (size_t st = 0; st < s->nstrata; st++)
    for (size_t i = s->start[st]; i < s->start[st + 1]; i++)
      for (int q = 0; q < 3; q++)
        {
          qlo[3 * i + q] = 1;
          qwidth[3 * i + q] = (uint32_t) (s->start[st + 1] - s->start[st]);
        }

  unsigned passes = 0;
  for (bool first = true;; first = false)
    {
      /* This pass's windows: each item's distinct intervals of the
         quantiles not yet one rank.  */
      bool any = false;
      for (size_t i = 0; i < n; i++)
        {
          nw[i] = 0;
          for (int q = 0; q < 3; q++)
            {
              size_t k = 3 * i + (size_t) q;
              if (qwidth[k] <= 1 && !first)
                continue;
              unsigned j = 0;
              while (j < nw[i] && !(win[3 * i + j].lo == qlo[k]
                                    && win[3 * i + j].width == qwidth[k]))
                j++;
              if (j == nw[i])
                win[3 * i + nw[i]++] = (struct win) { qlo[k], qwidth[k], 0 };
              qwin[k] = (uint8_t) j;
              any = true;
            }
        }
      if (!any)
        break;
      struct pass p = { .s = s, .bd = bd, .first = first, .win = win,
                        .nw = nw, .nblocks = nblocks };
      p.sh = fit_bins (win, nw, n, budget, &p.ncnt);
      uint32_t *cnt = xcalloc (p.ncnt ? p.ncnt : 1, sizeof *cnt);
      run_pass (&p, w, nwk, cnt, top);
      passes++;
      /* Each quantile's bin: the first whose cumulative count reaches
         the target.  */
      for (size_t k = 0; k < 3 * n; k++)
        {
          if (qwidth[k] <= 1 && !first)
            continue;
          const struct win *wn = &win[3 * (k / 3) + qwin[k]];
          size_t nb = ((size_t) wn->width + ((size_t) 1 << p.sh) - 1) >> p.sh;
          unsigned long cum = qbelow[k];
          size_t b = 0;
          while (b + 1 < nb && cum + cnt[wn->off + b] < target[k % 3])
            cum += cnt[wn->off + b++];
          uint32_t lo = wn->lo + (uint32_t) (b << p.sh);
          uint32_t end = wn->lo + wn->width;
          qlo[k] = lo;
          qwidth[k] = end - lo < (1u << p.sh) ? end - lo : 1u << p.sh;
          qbelow[k] = cum;
        }
      free (cnt);
    }
  if (s->passes)
    *s->passes = passes;
  for (size_t i = 0; i < n; i++)
    {
      dist[i].lo = qlo[3 * i];
      dist[i].median = qlo[3 * i + 1];
      dist[i].hi = qlo[3 * i + 2];
      for (size_t j = 0; j < s->ntop; j++)
        ptop[i * s->ntop + j] = (double) top[i * s->ntop + j]
                                / (double) s->draws;
    }
  for (unsigned t = 0; t < nwk; t++)
    {
      free (w[t].v);
      free (w[t].rank);
      free (w[t].buf);
      free (w[t].key);
      free (w[t].bcnt);
      free (w[t].top);
      gsl_rng_free (w[t].rng);
    }
  free (w);
  free (bd);
  free (qlo);
  free (qwidth);
  free (qbelow);
  free (qwin);
  free (win);
  free (nw);
  free (top);
  return 0;
}

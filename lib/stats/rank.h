/* rank.h - ranks of a set of values, and the distribution of each
   item's rank when the values are uncertain: draws from each item's
   Beta posterior, ranked draw by draw.

   Ranks are descending (the largest value has rank 1) and ties share a
   rank: standard competition ranking ("1224": 1 + the number of values
   greater) or dense ranking ("1223": 1 + the number of distinct values
   greater).  Nothing here depends on the order of the items beyond the
   order of the random draws, which the caller fixes (minyi-rank orders
   its items by stratum and key, never by input order).

   The simulation streams: each draw draws every item's value, ranks
   them by one sort and adds each item's rank to its counts; no draws x
   items matrix is kept.  The quantiles of each item's rank are exact
   (those of the DRAWS ranks it took) with memory bounded by
   MN_RANKSIM_BUDGET counters per thread, by as many passes over the
   same seeded draws as that budget needs (see rank.c).  */
#ifndef MINYI_RANK_H
#define MINYI_RANK_H

#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_rng.h>

#include "base/errinfo.h"

/* Ranks of the N values X[] (borrowed), descending, ties sharing a rank
   (competition, or DENSE).  NaN values are not ranked: their RANK is 0.
   RANK[] (N, the caller's) receives the ranks.  Returns the number of
   values ranked.  */
size_t mn_rank_values (const double *x, size_t n, bool dense, size_t *rank);

/* The draws are made in blocks of MN_RANKSIM_BLOCK draws; block K's
   generator is GSL's MT19937 seeded with mn_ranksim_block_seed (SEED,
   K), so that any thread may make any block and every figure is the
   same whatever the threads.  */
#define MN_RANKSIM_BLOCK 32

/* The seed of block K of a run seeded with SEED: f (f (SEED) + K mod
   2^32), f the 32-bit finaliser of MurmurHash3 (a bijection of 32-bit
   words), so that the blocks of one run have distinct seeds.  */
unsigned long mn_ranksim_block_seed (unsigned long seed, unsigned long k);

/* The rank counters each thread may hold at once in a pass: the larger
   of 2^21 and 48 per item.  */
#define MN_RANKSIM_BUDGET(n) ((size_t) 1 << 21 > 48 * (size_t) (n) \
                              ? (size_t) 1 << 21 : 48 * (size_t) (n))

/* What to simulate.  All arrays borrowed.  */
struct mn_ranksim
{
  size_t n;                 /* items */
  const double *a, *b;      /* each item's Beta (A, B) posterior, > 0 */
  const double *scale;      /* NULL, or each item's factor > 0: the value
                               ranked is the draw times it (a
                               standardised rate, rate * ref / expected) */
  size_t nstrata;           /* the items of stratum S are START[S] up to
                               START[S + 1] - 1: ranked among each other
                               only */
  const size_t *start;      /* NSTRATA + 1 offsets, START[0] = 0,
                               START[NSTRATA] = N */
  unsigned long draws;      /* >= 1 */
  unsigned long seed;       /* of the draws' generators, < 2^32 */
  size_t ntop;              /* cut-offs counted */
  const size_t *cut;        /* CUT[S * NTOP + J]: the J-th cut-off rank
                               in stratum S: P (rank <= cut) is given */
  unsigned threads;         /* threads making draws; 0: one per
                               processor online.  No figure depends on
                               it.  */
  unsigned *passes;         /* NULL, or receives the passes made */
};

/* One draw's values: item I's is V[I] (the caller's, S->n), drawn from
   B[I] (mn_betadraw_init of S->a[I], S->b[I]) by RNG in item order,
   times S->scale[I].  The simulation's draw, for tests.  */
struct mn_betadraw;
void mn_ranksim_draw (const struct mn_ranksim *s,
                      const struct mn_betadraw *b, gsl_rng *rng, double *v);

/* Each item's rank distribution over the draws, ranks by competition
   ranking of the drawn values.  */
struct mn_rankdist
{
  size_t median;            /* the 50 % quantile of its ranks */
  size_t lo, hi;            /* the 2.5 % and 97.5 % quantiles */
};

/* The quantile P of the ranks taken in DRAWS draws is the smallest rank
   r whose count of draws with rank <= r reaches ceil (P * DRAWS)
   (Hyndman & Fan 1996, definition 1, the inverse of the empirical
   distribution function); these are its targets, exact in integers.  */
void mn_ranksim_targets (unsigned long draws, unsigned long t[3]);

/* Run simulation S: DIST[] (S->n, the caller's) receives each item's
   rank quantiles and PTOP[] (S->n * S->ntop, the caller's) the share of
   draws with the item's rank at or under each cut-off (PTOP[I * NTOP +
   J]).  Returns 0, or -1 with E (a Beta parameter not > 0, no draw).  */
int mn_ranksim_run (const struct mn_ranksim *s, struct mn_rankdist *dist,
                    double *ptop, struct mn_error *e);

#endif

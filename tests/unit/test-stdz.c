/* test-stdz.c - indirect standardisation (lib/stats/stdz.c).

   The figures against R are in tests/cli/stdz.t; here the identities
   that hold whatever the data: a group of one stratum expects exactly
   that stratum's rate; the expected counts add up to the observed; the
   order of the answers changes no bit.  */
#include "stats/stdz.h"

#include <stdint.h>
#include <stdlib.h>

#include "tap.h"

#define NANS 2000
#define NGROUP 40

struct answer
{
  uint64_t g;
  char s[2];
  double w;
  bool sat;
};

/* A fixed pseudo-random sequence (not rand(): the same everywhere).  */
static uint64_t
next (uint64_t *x)
{
  *x ^= *x << 13;
  *x ^= *x >> 7;
  *x ^= *x << 17;
  return *x;
}

static struct mn_stdz *
fill (const struct answer *a, const size_t *order, bool weighted)
{
  struct mn_stdz *z = mn_stdz_new (weighted);
  for (size_t i = 0; i < NANS; i++)
    {
      const struct answer *x = &a[order[i]];
      mn_stdz_add (z, x->g, x->s, 1, weighted ? x->w : 1, x->sat);
    }
  mn_stdz_finish (z);
  return z;
}

int
main (void)
{
  static struct answer a[NANS];
  static size_t order[NANS], rev[NANS];
  uint64_t x = 88172645463325252u;
  uint64_t n[NGROUP] = { 0 }, sat = 0;
  for (size_t i = 0; i < NANS; i++)
    {
      a[i].g = next (&x) % NGROUP;
      /* Group 0 in stratum 'a' alone; the others anywhere.  */
      a[i].s[0] = a[i].g == 0 ? 'a' : (char) ('a' + next (&x) % 7);
      a[i].s[1] = '\0';
      a[i].w = 0.25 + (double) (next (&x) % 1000) / 100;
      a[i].sat = next (&x) % 100 < 60 + 5 * (uint64_t) (a[i].s[0] - 'a');
      n[a[i].g]++;
      sat += a[i].sat;
      order[i] = i;
      rev[i] = NANS - 1 - i;
    }
  for (int weighted = 0; weighted <= 1; weighted++)
    {
      struct mn_stdz *z = fill (a, order, weighted);
      struct mn_stdz *r = fill (a, rev, weighted);
      bool same = mn_stdz_reference (z) == mn_stdz_reference (r);
      for (uint64_t g = 0; g < NGROUP; g++)
        same &= mn_stdz_expected (z, g) == mn_stdz_expected (r, g);
      ok (same, weighted ? "weighted: the order of the answers changes "
                           "no bit"
                         : "the order of the answers changes no bit");
      ok (mn_stdz_strata (z) == 7, "seven strata");
      ok (isnan (mn_stdz_expected (z, NGROUP)), "an unknown group: NaN");
      if (weighted)
        {
          mn_stdz_free (z);
          mn_stdz_free (r);
          continue;
        }
      /* Group 0's answers are all of stratum 'a': its expected rate is
         that stratum's rate, to the bit.  */
      uint64_t na = 0, sa = 0;
      for (size_t i = 0; i < NANS; i++)
        if (a[i].s[0] == 'a')
          {
            na++;
            sa += a[i].sat;
          }
      ok (mn_stdz_expected (z, 0) == (double) sa / (double) na,
          "one stratum: the expected rate is its reference rate exactly");
      double e = 0;
      for (uint64_t g = 0; g < NGROUP; g++)
        e += mn_stdz_expected (z, g) * (double) n[g];
      near (e, (double) sat, 1e-9, "the expected counts add up to the "
                                   "observed");
      ok (mn_stdz_reference (z) == (double) sat / NANS,
          "the reference is the overall rate");
      mn_stdz_free (z);
      mn_stdz_free (r);
    }

  struct mn_stdz_row row;
  mn_stdz_row (0.9, 0.8, 0.95, 0.75, 0.85, &row);
  near (row.oe, 1.2, 1e-15, "oe = rate / expected");
  near (row.rate, 1.02, 1e-15, "std_rate = oe * ref, above 1");
  near (row.lo, 0.8 / 0.75 * 0.85, 1e-15, "std_lo");
  mn_stdz_row (0.9, 0.8, 0.95, 0, 0.85, &row);
  ok (isnan (row.oe) && isnan (row.rate) && row.ref == 0.85,
      "an expected rate of 0: no ratio");
  mn_stdz_row (NAN, NAN, NAN, NAN, 0.85, &row);
  ok (isnan (row.oe) && isnan (row.hi), "no answer: no ratio");
  return tap_done ();
}

/* bench-xsum.c - time exact summation (lib/xsum.c) against plain double
   addition on values like minyi-score's hot path: 48 sums a row (w, w^2,
   w*y, w^2*y, w^2*y^2, y, y^2 ... for several items), weights in 0.5 .. 2,
   scores on the five-grade list 100/80/60/30/0 (a fifth of the products
   are zero) or 0 .. 100.  Not a test: it prints ns per add.

     make && cc -std=c11 -D_GNU_SOURCE -O2 -Ilib tools/bench-xsum.c -o build/bench-xsum \
       build/libminyi.a -lm && build/bench-xsum [ADDS]  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "stats/xsum.h"

#define SUMS 48
#define ROWS 4096

static uint64_t
lcg (uint64_t *x)
{
  *x = *x * UINT64_C (6364136223846793005) + UINT64_C (1442695040888963407);
  return *x;
}

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

/* ROWS rows of SUMS values: per item, w*y, w*w*y, w*w*y*y, y, y*y and
   w, w*w once a row.  */
static void
fill (double *v, int grades, uint64_t *g)
{
  static const double grade[] = { 100, 80, 60, 30, 0 };
  for (int r = 0; r < ROWS; r++)
    {
      double w = 0.5 + 1.5 * ((double) (lcg (g) >> 11) * 0x1p-53);
      double *row = v + (size_t) r * SUMS;
      row[0] = w;
      row[1] = w * w;
      for (int c = 2; c + 5 <= SUMS; c += 5)
        {
          double y = grades ? grade[(lcg (g) >> 33) % 5]
                            : (double) ((lcg (g) >> 33) % 101);
          row[c] = w * y;
          row[c + 1] = w * w * y;
          row[c + 2] = w * w * y * y;
          row[c + 3] = y;
          row[c + 4] = y * y;
        }
      row[SUMS - 1] = 1; /* the count */
    }
}

/* Best of REPS timings of each loop: the machine may be shared.  */
#define REPS 5

static void
run (const char *what, const double *v, long long adds)
{
  long long passes = adds / (ROWS * SUMS);
  double plain[SUMS], tp = 1e30, tx = 1e30, worst = 0;
  struct mn_xsum x[SUMS];
  for (int rep = 0; rep < REPS; rep++)
    {
      for (int c = 0; c < SUMS; c++)
        {
          plain[c] = 0;
          mn_xsum_init (&x[c]);
        }
      double t0 = now ();
      for (long long p = 0; p < passes; p++)
        for (int r = 0; r < ROWS; r++)
          for (int c = 0; c < SUMS; c++)
            plain[c] += v[(size_t) r * SUMS + c];
      double t1 = now ();
      for (long long p = 0; p < passes; p++)
        for (int r = 0; r < ROWS; r++)
          for (int c = 0; c < SUMS; c++)
            mn_xsum_add (&x[c], v[(size_t) r * SUMS + c]);
      double t2 = now ();
      tp = t1 - t0 < tp ? t1 - t0 : tp;
      tx = t2 - t1 < tx ? t2 - t1 : tx;
      for (int c = 0; c < SUMS; c++)
        {
          double e = mn_xsum_value (&x[c]);
          double rel = e ? (plain[c] - e) / e : 0;
          if (rel < 0)
            rel = -rel;
          if (rel > worst)
            worst = rel;
          mn_xsum_release (&x[c]);
        }
    }
  double n = (double) passes * ROWS * SUMS;
  printf ("%-22s %.3g adds, best of %d: plain %.2f ns/add, exact %.2f "
          "ns/add (x%.1f); plain's worst relative error %.2g\n",
          what, n, REPS, 1e9 * tp / n, 1e9 * tx / n, tx / tp, worst);
}

int
main (int argc, char **argv)
{
  long long adds = argc > 1 ? atoll (argv[1]) : 100000000LL;
  double *v = malloc (sizeof (double) * ROWS * SUMS);
  if (!v)
    return 2;
  uint64_t g = 42;
  fill (v, 1, &g);
  run ("grades 100/80/60/30/0", v, adds);
  fill (v, 0, &g);
  run ("scores 0..100", v, adds);
  free (v);
  return 0;
}

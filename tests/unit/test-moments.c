/* test-moments.c - unit tests of running moments and the Student t
   interval of a mean (lib/moments.c).

   Every expected value below comes from R, not from the code under
   test: R version 4.2.2 Patched (2022-11-10 r83330), running

     f <- function(x, lv) {
       ci <- t.test(x, conf.level = lv)$conf.int
       cat(sprintf("n=%d level=%.2f mean=%.17g var=%.17g lo=%.17g hi=%.17g\n",
                   length(x), lv, mean(x), var(x), ci[1], ci[2]))
     }

   as  Rscript m.R  with the calls quoted beside each case.  */
#include <math.h>
#include <stddef.h>

#include "stats/moments.h"
#include "tap.h"

/* Relative tolerance: R prints 17 significant digits; the two programs
   differ in summation order and in the t quantile's algorithm (R's
   qt against GSL's gsl_cdf_tdist_Pinv).  */
#define REL 1e-12

static void
check_near (double got, double want, const char *name)
{
  near (got, want, REL * fmax (1, fabs (want)), name);
}

static struct mn_moments
moments_of (const double *x, size_t n)
{
  struct mn_moments m = { 0, 0, 0 };
  for (size_t i = 0; i < n; i++)
    mn_moments_add (&m, x[i]);
  return m;
}

/* A small data set.
   a <- c(2.1, 3.4, 1.9, 5.6, 4.2, 3.3)
   for (lv in c(0.95, 0.90, 0.99)) f(a, lv)
   n=6 level=0.95 mean=3.4166666666666665 var=1.8856666666666664
       lo=1.9755860682915003 hi=4.8577472650418327
   n=6 level=0.90 lo=2.287020811653905 hi=4.546312521679428
   n=6 level=0.99 lo=1.1562278263534387 hi=5.6771055069798946  */
static void
test_small (void)
{
  static const double a[] = { 2.1, 3.4, 1.9, 5.6, 4.2, 3.3 };
  struct mn_moments m = moments_of (a, 6);
  double lo, hi;
  ok (m.n == 6, "small: n = 6");
  check_near (m.mean, 3.4166666666666665, "small: mean");
  check_near (mn_moments_var (&m), 1.8856666666666664, "small: variance");
  ok (mn_mean_ci (&m, 0.95, &lo, &hi) == 0, "small: 95% interval exists");
  check_near (lo, 1.9755860682915003, "small: 95% lower");
  check_near (hi, 4.8577472650418327, "small: 95% upper");
  ok (mn_mean_ci (&m, 0.90, &lo, &hi) == 0, "small: 90% interval exists");
  check_near (lo, 2.287020811653905, "small: 90% lower");
  check_near (hi, 4.546312521679428, "small: 90% upper");
  ok (mn_mean_ci (&m, 0.99, &lo, &hi) == 0, "small: 99% interval exists");
  check_near (lo, 1.1562278263534387, "small: 99% lower");
  check_near (hi, 5.6771055069798946, "small: 99% upper");
}

/* Twenty 0-100 scores (the five-grade list 100/80/60/30/0).
   s <- c(100, 80, 60, 100, 30, 0, 80, 100, 60, 80,
          100, 60, 30, 80, 100, 0, 60, 80, 100, 100)
   for (lv in c(0.95, 0.90, 0.99)) f(s, lv)
   n=20 level=0.95 mean=70 var=1063.1578947368421
        lo=54.739874475829929 hi=85.260125524170078
   n=20 level=0.90 lo=57.39298590658737 hi=82.607014093412644
   n=20 level=0.99 lo=49.141080046765289 hi=90.858919953234732  */
static const double scores[] = { 100, 80, 60, 100, 30, 0,   80, 100, 60, 80,
                                 100, 60, 30, 80,  100, 0, 60, 80,  100, 100 };

static void
test_scores (void)
{
  struct mn_moments m = moments_of (scores, 20);
  double lo, hi;
  ok (m.n == 20, "scores: n = 20");
  check_near (m.mean, 70, "scores: mean");
  check_near (mn_moments_var (&m), 1063.1578947368421, "scores: variance");
  ok (mn_mean_ci (&m, 0.95, &lo, &hi) == 0, "scores: 95% interval exists");
  check_near (lo, 54.739874475829929, "scores: 95% lower");
  check_near (hi, 85.260125524170078, "scores: 95% upper");
  ok (mn_mean_ci (&m, 0.90, &lo, &hi) == 0, "scores: 90% interval exists");
  check_near (lo, 57.39298590658737, "scores: 90% lower");
  check_near (hi, 82.607014093412644, "scores: 90% upper");
  ok (mn_mean_ci (&m, 0.99, &lo, &hi) == 0, "scores: 99% interval exists");
  check_near (lo, 49.141080046765289, "scores: 99% lower");
  check_near (hi, 90.858919953234732, "scores: 99% upper");
}

/* The smallest sample with an interval.
   f(c(75, 50), 0.95)
   n=2 level=0.95 mean=62.5 var=312.5
       lo=-96.327559202183679 hi=221.32755920218366  */
static void
test_two (void)
{
  static const double x[] = { 75, 50 };
  struct mn_moments m = moments_of (x, 2);
  double lo, hi;
  check_near (m.mean, 62.5, "n=2: mean");
  check_near (mn_moments_var (&m), 312.5, "n=2: variance");
  ok (mn_mean_ci (&m, 0.95, &lo, &hi) == 0, "n=2: 95% interval exists");
  check_near (lo, -96.327559202183679, "n=2: 95% lower");
  check_near (hi, 221.32755920218366, "n=2: 95% upper");
}

/* A large common offset, where the textbook sum-of-squares formula
   loses every digit and Welford's update does not.
   f(1e9 + c(4, 7, 13, 16), 0.95)
   n=4 level=0.95 mean=1000000010 var=30
       lo=1000000001.2845119 hi=1000000018.7154882  */
static void
test_offset (void)
{
  static const double x[] = { 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16 };
  struct mn_moments m = moments_of (x, 4);
  double lo, hi;
  check_near (m.mean, 1000000010, "offset 1e9: mean");
  near (mn_moments_var (&m), 30, 1e-6, "offset 1e9: variance 30");
  ok (mn_mean_ci (&m, 0.95, &lo, &hi) == 0, "offset 1e9: interval exists");
  near (lo, 1000000001.2845119, 1e-6, "offset 1e9: 95% lower");
  near (hi, 1000000018.7154882, 1e-6, "offset 1e9: 95% upper");
}

static void
test_degenerate (void)
{
  struct mn_moments m = { 0, 0, 0 };
  double lo = 0, hi = 0;
  ok (isnan (mn_moments_var (&m)), "n=0: variance NaN");
  ok (mn_mean_ci (&m, 0.95, &lo, &hi) == -1 && isnan (lo) && isnan (hi),
      "n=0: no interval, NaN bounds");
  mn_moments_add (&m, 42);
  ok (m.n == 1 && m.mean == 42 && m.m2 == 0, "n=1: mean 42, m2 0");
  ok (isnan (mn_moments_var (&m)), "n=1: variance NaN");
  lo = hi = 0;
  ok (mn_mean_ci (&m, 0.95, &lo, &hi) == -1 && isnan (lo) && isnan (hi),
      "n=1: no interval, NaN bounds");

  struct mn_moments s = moments_of (scores, 20);
  static const double bad_levels[] = { 0, 1, -0.5, 1.5, NAN };
  int all = 1;
  for (size_t i = 0; i < sizeof bad_levels / sizeof *bad_levels; i++)
    {
      lo = hi = 0;
      if (mn_mean_ci (&s, bad_levels[i], &lo, &hi) != -1 || !isnan (lo)
          || !isnan (hi))
        all = 0;
    }
  ok (all, "level 0, 1, -0.5, 1.5 or NaN: -1 with NaN bounds");

  static const double same[] = { 60, 60, 60 };
  struct mn_moments c = moments_of (same, 3);
  ok (mn_moments_var (&c) == 0, "constant data: variance 0");
  ok (mn_mean_ci (&c, 0.95, &lo, &hi) == 0 && lo == 60 && hi == 60,
      "constant data: interval is the point 60");
}

/* Merging the moments of two halves gives those of the whole (Chan,
   Golub & LeVeque 1979), for every split of the scores.  */
static void
test_merge (void)
{
  struct mn_moments all = moments_of (scores, 20);
  double worst_mean = 0, worst_var = 0;
  int n_ok = 1;
  for (size_t k = 0; k <= 20; k++)
    {
      struct mn_moments a = moments_of (scores, k);
      struct mn_moments b = moments_of (scores + k, 20 - k);
      mn_moments_merge (&a, &b);
      if (a.n != 20)
        n_ok = 0;
      worst_mean = fmax (worst_mean, fabs (a.mean - all.mean));
      worst_var = fmax (worst_var,
                        fabs (mn_moments_var (&a) - mn_moments_var (&all))
                          / mn_moments_var (&all));
    }
  ok (n_ok, "merge: counts add up for every split");
  near (worst_mean, 0, 1e-12, "merge: mean equals adding all (every split)");
  near (worst_var, 0, 1e-12,
        "merge: variance equals adding all (every split, relative)");

  struct mn_moments a = moments_of (scores, 10);
  struct mn_moments b = moments_of (scores + 10, 10);
  mn_moments_merge (&a, &b);
  double lo1, hi1, lo2, hi2;
  mn_mean_ci (&a, 0.95, &lo1, &hi1);
  mn_mean_ci (&all, 0.95, &lo2, &hi2);
  near (lo1, lo2, 1e-12, "merge: same 95% lower bound");
  near (hi1, hi2, 1e-12, "merge: same 95% upper bound");
  check_near (lo1, 54.739874475829929, "merge: 95% lower matches R");

  struct mn_moments empty = { 0, 0, 0 };
  struct mn_moments c = moments_of (scores, 20);
  mn_moments_merge (&c, &empty);
  ok (c.n == all.n && c.mean == all.mean && c.m2 == all.m2,
      "merge: adding an empty set changes nothing");
  struct mn_moments d = { 0, 0, 0 };
  mn_moments_merge (&d, &all);
  ok (d.n == all.n && d.mean == all.mean && d.m2 == all.m2,
      "merge: into an empty set copies");
}

int
main (void)
{
  test_small ();
  test_scores ();
  test_two ();
  test_offset ();
  test_degenerate ();
  test_merge ();
  return tap_done ();
}

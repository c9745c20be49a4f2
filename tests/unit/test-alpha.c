/* test-alpha.c - unit tests of Cronbach's alpha, Feldt's interval and the
   lower-tail variance test (lib/alpha.c).

   Reference values come from R 4.2.2 Patched (2022-11-10 r83330) with
   psych 2.2.9 (Debian r-cran-psych 2.2.9-1), never from the code under
   test.  With SF and LK the matrices below (rows = respondents):

     af <- function(x) { k <- ncol(x)
       k/(k-1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x))) }
     feldt <- function(a, n, k, level) { g <- 1 - level
       c(1 - (1-a) * qf(1 - g/2, n-1, (n-1)*(k-1)),
         1 - (1-a) * qf(g/2,     n-1, (n-1)*(k-1))) }
     a <- af(x); feldt(a, nrow(x), ncol(x), 0.95)        # and 0.90
     psych::alpha(x)$total$raw_alpha                     # same alpha
     psych::alpha.ci(a, nrow(x), ncol(x), p.val = 0.05)  # same bounds

   printed with sprintf("%.17g"); the formula, psych::alpha and
   psych::alpha.ci agreed to every digit.  */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats/alpha.h"
#include "tap.h"

/* Shrout PE, Fleiss JL (1979).  Intraclass correlations: uses in assessing
   rater reliability.  Psychological Bulletin 86:420-428, Table 1: 6
   targets rated by 4 judges, read here as 6 respondents x 4 items.
   Alpha equals their ICC(3,k) = (BMS - EMS) / BMS.  */
static const double sf[6][4] = {
  { 9, 2, 5, 8 },
  { 6, 1, 3, 2 },
  { 8, 4, 6, 8 },
  { 7, 1, 2, 6 },
  { 10, 5, 6, 9 },
  { 6, 2, 4, 7 },
};

/* Made up: 20 respondents x 5 Likert items (1-5), positively related.  */
static const double lk[20][5] = {
  { 4, 5, 4, 4, 5 }, { 3, 3, 2, 3, 3 }, { 5, 5, 5, 4, 5 }, { 2, 2, 3, 2, 1 },
  { 4, 4, 4, 5, 4 }, { 3, 4, 3, 3, 2 }, { 1, 2, 1, 2, 2 }, { 5, 4, 5, 5, 4 },
  { 3, 3, 4, 3, 3 }, { 4, 3, 4, 4, 5 }, { 2, 3, 2, 2, 3 }, { 5, 5, 4, 5, 5 },
  { 3, 2, 3, 4, 3 }, { 4, 4, 5, 4, 4 }, { 2, 1, 2, 3, 2 }, { 3, 3, 3, 2, 4 },
  { 4, 5, 4, 3, 4 }, { 1, 1, 2, 1, 1 }, { 5, 4, 4, 5, 5 }, { 3, 4, 3, 3, 3 },
};

/* Add rows FROM..TO-1 of the K-column matrix M, shifted by SHIFT.  */
static void
add_rows (struct mn_alpha *a, const double *m, size_t k, size_t from,
          size_t to, double shift)
{
  double x[8];
  for (size_t r = from; r < to; r++)
    {
      for (size_t j = 0; j < k; j++)
        x[j] = m[r * k + j] + shift;
      mn_alpha_add (a, x);
    }
}

/* Check alpha and the interval at LEVEL against R's values.  */
static void
check_value (const struct mn_alpha *a, double level, double want_alpha,
             double want_lo, double want_hi, double tol, const char *what)
{
  char name[3][128];
  double al, lo, hi;
  int rc = mn_alpha_value (a, level, &al, &lo, &hi);
  snprintf (name[0], sizeof name[0], "%s: alpha", what);
  snprintf (name[1], sizeof name[1], "%s: Feldt lower", what);
  snprintf (name[2], sizeof name[2], "%s: Feldt upper", what);
  ok (rc == 0, what);
  near (al, want_alpha, tol, name[0]);
  near (lo, want_lo, tol, name[1]);
  near (hi, want_hi, tol, name[2]);
}

static void
test_published (void)
{
  struct mn_alpha a;
  mn_alpha_init (&a, 4);
  add_rows (&a, &sf[0][0], 4, 0, 6, 0);
  double al, lo, hi;
  ok (mn_alpha_value (&a, 0.95, &al, &lo, &hi) == 0, "S&F: returns 0");
  /* Shrout & Fleiss (1979), Table 4: ICC(3,k) = .91, from the Table 2
     mean squares BMS = 11.24, EMS = 1.02; to four places 0.9093 (also
     psych::ICC's ICC3k, 0.9093158647).  */
  near (al, 0.9093, 5e-5, "S&F: alpha = ICC(3,k) 0.9093");
  mn_alpha_release (&a);
}

static void
test_r (void)
{
  struct mn_alpha a;

  mn_alpha_init (&a, 4);
  add_rows (&a, &sf[0][0], 4, 0, 6, 0);
  check_value (&a, 0.95, 0.90931554237706946, 0.67567471381630473,
               0.98589167816906231, 1e-9, "S&F 95%");
  check_value (&a, 0.90, 0.90931554237706946, 0.73689767857705224,
               0.98036605604721416, 1e-9, "S&F 90%");
  mn_alpha_release (&a);

  mn_alpha_init (&a, 5);
  add_rows (&a, &lk[0][0], 5, 0, 20, 0);
  ok (a.n == 20, "Likert: n = 20");
  check_value (&a, 0.95, 0.94444444444444442, 0.89371529605757172,
               0.9752205829509647, 1e-9, "Likert 95%");
  check_value (&a, 0.90, 0.94444444444444442, 0.90416505029245142,
               0.97164236943452653, 1e-9, "Likert 90%");
  mn_alpha_release (&a);

  /* Shifting every answer by a constant changes no variance.  Updating
     co-moments keep the digits that raw sums of squares (about 1e13
     here, against co-moments of about 20) would lose.  */
  mn_alpha_init (&a, 5);
  add_rows (&a, &lk[0][0], 5, 0, 20, 1e6);
  check_value (&a, 0.95, 0.94444444444444442, 0.89371529605757172,
               0.9752205829509647, 1e-8, "Likert shifted by 1e6");
  mn_alpha_release (&a);
}

/* 10,000 respondents on 2 items, where gsl_cdf_fdist_Pinv failed on
   F (9999, 9999) and the interval came out NaN (issue 7).  Respondent i
   (0-based) answers 1 + i mod 5 and min (5, max (1, i mod 5 +
   (i div 5) mod 5 - 1)).  R 4.2.2 Patched (2022-11-10 r83330), with AF
   and FELDT as at the top of this file:

     i <- 0:9999
     x <- cbind(1 + i %% 5,
                pmin(5, pmax(1, 1 + i %% 5 + (i %/% 5) %% 5 - 2)))
     a <- af(x)
     for (l in c(.95, .99, .9999))
       cat(sprintf("%.17g", c(l, a, feldt(a, nrow(x), ncol(x), l))), "\n")

   (qf is exact here: df2 = 9999 is below the 4e5 where R's qf turns to
   a chi-square approximation, and its quantiles are near 1.)  Checked
   to 1e-9 absolute, alpha and bounds being near 0.8.  */
static void
test_feldt_large (void)
{
  static const struct
  {
    double level, alpha, lo, hi;
  } want[] = {
    { 0.95, 0.8089887640449438, 0.80135173895358858, 0.81633218398748597 },
    { 0.99, 0.8089887640449438, 0.7988892899823693, 0.81858105787663116 },
    { 0.9999, 0.8089887640449438, 0.79352904577770733,
      0.82329092051467434 },
  };
  struct mn_alpha a;
  mn_alpha_init (&a, 2);
  for (int i = 0; i < 10000; i++)
    {
      int r = i % 5, s = r + (i / 5) % 5 - 1;
      double x[2] = { 1 + r, s < 1 ? 1 : s > 5 ? 5 : s };
      mn_alpha_add (&a, x);
    }
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    {
      char what[80];
      snprintf (what, sizeof what, "2 items, 10000 cases, level %g",
                want[i].level);
      check_value (&a, want[i].level, want[i].alpha, want[i].lo, want[i].hi,
                   1e-9, what);
    }
  mn_alpha_release (&a);
}

/* A and B hold the same cases: every statistic agrees to TOL.  */
static void
check_same (const struct mn_alpha *a, const struct mn_alpha *b,
            const char *what)
{
  double worst = 0;
  for (size_t i = 0; i < a->k; i++)
    worst = fmax (worst, fabs (a->mean[i] - b->mean[i]));
  for (size_t i = 0; i < a->k * a->k; i++)
    worst = fmax (worst, fabs (a->cm[i] - b->cm[i]));
  char name[128];
  snprintf (name, sizeof name, "%s: n", what);
  ok (a->n == b->n, name);
  snprintf (name, sizeof name, "%s: means and co-moments", what);
  near (worst, 0, 1e-12, name);

  double a1, l1, h1, a2, l2, h2;
  mn_alpha_value (a, 0.95, &a1, &l1, &h1);
  mn_alpha_value (b, 0.95, &a2, &l2, &h2);
  snprintf (name, sizeof name, "%s: alpha", what);
  near (a1, a2, 1e-12, name);
  snprintf (name, sizeof name, "%s: lower", what);
  near (l1, l2, 1e-12, name);
  snprintf (name, sizeof name, "%s: upper", what);
  near (h1, h2, 1e-12, name);
}

static void
test_merge (void)
{
  struct mn_alpha all, h1, h2, h3, empty;
  mn_alpha_init (&all, 5);
  add_rows (&all, &lk[0][0], 5, 0, 20, 0);

  /* Two unequal halves.  */
  mn_alpha_init (&h1, 5);
  mn_alpha_init (&h2, 5);
  add_rows (&h1, &lk[0][0], 5, 0, 7, 0);
  add_rows (&h2, &lk[0][0], 5, 7, 20, 0);
  mn_alpha_merge (&h1, &h2);
  check_same (&h1, &all, "merge 7 + 13");
  mn_alpha_release (&h1);
  mn_alpha_release (&h2);

  /* Three shards, merged into an empty accumulator.  */
  mn_alpha_init (&empty, 5);
  mn_alpha_init (&h1, 5);
  mn_alpha_init (&h2, 5);
  mn_alpha_init (&h3, 5);
  add_rows (&h1, &lk[0][0], 5, 0, 1, 0);
  add_rows (&h2, &lk[0][0], 5, 1, 12, 0);
  add_rows (&h3, &lk[0][0], 5, 12, 20, 0);
  mn_alpha_merge (&empty, &h1);
  mn_alpha_merge (&empty, &h2);
  mn_alpha_merge (&empty, &h3);
  check_same (&empty, &all, "merge 1 + 11 + 8 into empty");
  mn_alpha_release (&empty);
  mn_alpha_release (&h1);
  mn_alpha_release (&h2);
  mn_alpha_release (&h3);

  /* Merging an empty accumulator changes nothing.  */
  mn_alpha_init (&h1, 5);
  mn_alpha_init (&empty, 5);
  add_rows (&h1, &lk[0][0], 5, 0, 20, 0);
  mn_alpha_merge (&h1, &empty);
  check_same (&h1, &all, "merge of an empty accumulator");

  /* Different numbers of items: A is left unchanged.  */
  struct mn_alpha k4;
  mn_alpha_init (&k4, 4);
  add_rows (&k4, &sf[0][0], 4, 0, 6, 0);
  mn_alpha_merge (&h1, &k4);
  check_same (&h1, &all, "merge of a different K ignored");
  mn_alpha_release (&k4);
  mn_alpha_release (&h1);
  mn_alpha_release (&empty);
  mn_alpha_release (&all);
}

/* mn_alpha_value fails: -1 and three NaNs.  */
static void
check_fails (const struct mn_alpha *a, double level, const char *what)
{
  double al = 0, lo = 0, hi = 0;
  int rc = mn_alpha_value (a, level, &al, &lo, &hi);
  tap_report (rc == -1 && isnan (al) && isnan (lo) && isnan (hi), what,
              "rc %d, alpha %g, lo %g, hi %g", rc, al, lo, hi);
}

static void
test_degenerate (void)
{
  struct mn_alpha a;

  mn_alpha_init (&a, 4);
  check_fails (&a, 0.95, "n = 0");
  add_rows (&a, &sf[0][0], 4, 0, 1, 0);
  check_fails (&a, 0.95, "n = 1");
  add_rows (&a, &sf[0][0], 4, 1, 6, 0);
  check_fails (&a, 0, "level 0");
  check_fails (&a, 1, "level 1");
  check_fails (&a, NAN, "level NaN");
  mn_alpha_release (&a);

  /* One item: alpha undefined however many cases.  */
  mn_alpha_init (&a, 1);
  for (int i = 0; i < 5; i++)
    {
      double x = i;
      mn_alpha_add (&a, &x);
    }
  check_fails (&a, 0.95, "k = 1");
  mn_alpha_release (&a);

  /* No items at all.  */
  mn_alpha_init (&a, 0);
  mn_alpha_add (&a, NULL);
  mn_alpha_add (&a, NULL);
  check_fails (&a, 0.95, "k = 0");
  mn_alpha_release (&a);

  /* Everyone gives the same answers: every variance is 0.  */
  mn_alpha_init (&a, 3);
  for (int i = 0; i < 10; i++)
    add_rows (&a, (const double[]) { 4, 2, 5 }, 3, 0, 1, 0);
  check_fails (&a, 0.95, "zero variance, constant answers");
  mn_alpha_release (&a);

  /* Items vary but cancel: x and 6 - x give a constant total.  */
  mn_alpha_init (&a, 2);
  for (int i = 0; i < 20; i++)
    {
      double x[2] = { 1 + i % 5, 5 - i % 5 };
      mn_alpha_add (&a, x);
    }
  check_fails (&a, 0.95, "zero variance of the total, items cancel");
  mn_alpha_release (&a);

  /* The same with values not exact in binary: the co-moments sum to
     +1.8e-15 against item co-moments of 13.3, which taken at face value
     would give alpha = -1.5e16.  */
  mn_alpha_init (&a, 2);
  for (int i = 0; i < 20; i++)
    {
      double x[2] = { 0.1 * i + 0.3, 0.2 - 0.1 * i };
      mn_alpha_add (&a, x);
    }
  check_fails (&a, 0.95, "total variance at rounding level");
  mn_alpha_release (&a);
}

/* R 4.2.2: sprintf("%.17g", pchisq((n-1)*s2/sigma2, n-1)).  */
static void
test_var (void)
{
  static const struct
  {
    double n, s2, sigma2, p;
  } cases[] = {
    { 10, 4, 9, 0.088587473168320788 },
    { 25, 16, 30, 0.030696505608485712 },
    { 5, 0.5, 1, 0.26424111765711528 },
    { 100, 0.2, 1, 2.7938102225396996e-19 },
    { 2, 3, 1.5, 0.84270079294971556 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      char name[128];
      double p = mn_var_test_lower (cases[i].n, cases[i].s2,
                                    cases[i].sigma2);
      snprintf (name, sizeof name, "var test n=%g s2=%g sigma2=%g",
                cases[i].n, cases[i].s2, cases[i].sigma2);
      /* Relative: one p is 2.8e-19.  */
      near (p / cases[i].p, 1, 1e-10, name);
    }
  ok (mn_var_test_lower (5, 0, 1) == 0, "var test: s2 = 0 gives p = 0");
  ok (isnan (mn_var_test_lower (1, 2, 1)), "var test: n = 1 is NaN");
  ok (isnan (mn_var_test_lower (1.5, 2, 1)), "var test: n = 1.5 is NaN");
  ok (isnan (mn_var_test_lower (10, 2, 0)), "var test: sigma2 = 0 is NaN");
  ok (isnan (mn_var_test_lower (10, 2, -1)), "var test: sigma2 < 0 is NaN");
  ok (isnan (mn_var_test_lower (10, -1, 1)), "var test: s2 < 0 is NaN");
  ok (isnan (mn_var_test_lower (NAN, 2, 1)), "var test: n NaN is NaN");
}

int
main (void)
{
  test_published ();
  test_r ();
  test_feldt_large ();
  test_merge ();
  test_degenerate ();
  test_var ();
    /* mn_var_ratio_test_lower against R 4.2.2 Patched (2022-11-10 r83330):
     Rscript -e 'cat(sprintf("%.17g", c(pf(0.5, 10, 40), pf(1.2, 3, 7),
       pf(0.3, 25, 200), pf(0.05, 2, 2))), "\n")'
     0.12026012954128383 0.62256507488277202 0.0003937695353564318
     0.047619047619047616  */
  near (mn_var_ratio_test_lower (10, 1, 40, 2), 0.12026012954128383, 1e-12,
        "F test lower tail 0.5 on (10, 40) = R pf");
  near (mn_var_ratio_test_lower (3, 2.4, 7, 2), 0.62256507488277202, 1e-12,
        "F test lower tail 1.2 on (3, 7) = R pf");
  near (mn_var_ratio_test_lower (25, 0.3, 200, 1), 0.0003937695353564318,
        1e-15, "F test lower tail 0.3 on (25, 200) = R pf");
  near (mn_var_ratio_test_lower (2, 0.1, 2, 2), 0.047619047619047616, 1e-12,
        "F test lower tail 0.05 on (2, 2) = R pf");
  /* Large degrees of freedom, where gsl_cdf_fdist_P is NaN; R 4.2.2:
     Rscript -e 'cat(sprintf("%.17g", c(pf(1, 1e7, 1e7),
       pf(0.999, 1e6, 2e6), pf(1.001, 5e6, 5e6))), "\n")'
     0.49999999999999994 0.28182975106937974 0.86810441511343139  */
  near (mn_var_ratio_test_lower (1e7, 1, 1e7, 1), 0.49999999999999994,
        1e-12, "F test lower tail 1 on (1e7, 1e7) = R pf");
  near (mn_var_ratio_test_lower (1e6, 0.999, 2e6, 1), 0.28182975106937974,
        1e-10, "F test lower tail 0.999 on (1e6, 2e6) = R pf");
  near (mn_var_ratio_test_lower (5e6, 1.001, 5e6, 1), 0.86810441511343139,
        1e-10, "F test lower tail 1.001 on (5e6, 5e6) = R pf");
  ok (isnan (mn_var_ratio_test_lower (0, 1, 5, 1)), "F test: df1 0 is NaN");
  ok (isnan (mn_var_ratio_test_lower (3, 1, 5, 0)), "F test: s2 0 is NaN");
  return tap_done ();
}

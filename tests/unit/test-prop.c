/* test-prop.c - unit tests for lib/prop.c (binomial proportion intervals).

   Every expected interval below comes from a source independent of
   lib/prop.c: a published table, or statsmodels and R.

   1. Newcombe RG (1998), Two-sided confidence intervals for the single
      proportion: comparison of seven methods, Stat Med 17:857-872,
      Table I: method 3 (Wilson score) and method 5 (exact,
      Clopper-Pearson), 95 %, printed to 4 decimals; checked to 5e-5.
      The exact column was also recomputed with R's binom.test, and
      rounds to the same 4 decimals.

   2. statsmodels 0.13.5 (Debian python3-statsmodels 0.13.5+dfsg, with
      scipy 1.10.1, Python 3.11.2), printed to 10 significant digits
      by this script:

        from statsmodels.stats.proportion import proportion_confint as ci
        cases = [(81, 263, .95), (15, 148, .95), (0, 20, .95), (1, 29, .95),
                 (0, 20, .90), (20, 20, .90), (0, 20, .99), (20, 20, .99),
                 (3, 7, .99), (37.4, 52.8, .90), (37.4, 52.8, .95),
                 (37.4, 52.8, .99), (0.3, 4.6, .95), (1, 1000, .80),
                 (5000, 10000, .95), (250000, 1000000, .99)]
        for m in ["wilson", "beta", "jeffreys", "agresti_coull", "normal"]:
            for x, n, lev in cases:
                lo, hi = ci(x, n, alpha=1 - lev, method=m)
                print("%s %g %g %.2f %.10g %.10g" % (m, x, n, lev, lo, hi))

      statsmodels clips "agresti_coull" and "normal" (Wald) to [0, 1], as
      prop.h documents, so those are used as printed.  Its "jeffreys"
      does NOT apply the boundary rule of Brown, Cai & DasGupta (2001,
      Stat Sci 16:101, sec. 4.1.2): at 0/20 it gives a lower limit of
      2.42e-05 (95 %), not 0.  Those rows were corrected by hand from the
      rule: the lower limit is 0 at x = 0 and the upper limit is 1 at
      x = n; the other limit is statsmodels' unchanged (it is the plain
      beta quantile).  They are marked "rule" below.

   3. R 4.2.2 Patched (2022-11-10 r83330, Debian) gives the same
      numbers to all 10 digits: binom.test (Clopper-Pearson), qbeta
      (Jeffreys) and prop.test without continuity correction (Wilson)
      for the integral cases, and qbeta for the non-integral one at
      95 % (exact and Jeffreys):

        Rscript -e 'f <- function(v) cat(formatC(v, digits = 10,
          format = "g"), "\n"); for (a in list(c(81,263,.95),
          c(15,148,.95), c(0,20,.95), c(1,29,.95), c(20,20,.99),
          c(3,7,.99), c(1,1000,.8), c(5000,10000,.95), c(250000,1e6,.99)))
          { x <- a[1]; n <- a[2]; l <- a[3]; al <- 1 - l;
            f(binom.test(x, n, conf.level = l)$conf.int);
            f(qbeta(c(al/2, 1 - al/2), x + .5, n - x + .5));
            f(prop.test(x, n, conf.level = l, correct = FALSE)$conf.int) };
          x <- 37.4; n <- 52.8; al <- 0.05;
          f(c(qbeta(al/2, x, n - x + 1), qbeta(1 - al/2, x + 1, n - x)));
          f(qbeta(c(al/2, 1 - al/2), x + .5, n - x + .5))'

   The software-derived values are checked to 1e-8 absolute, or to 1e-6
   relative when the value is below 1e-3, so that tiny tail limits
   (6.4e-07) are tested meaningfully.

   Three cases exercise GSL weaknesses found while writing prop.c:
   gsl_cdf_beta_Pinv (GSL 2.7.1) fails to converge at (1, 1000, 0.80)
   and (5000, 10000, 0.95), and GSL's beta distribution function at
   (250000, 1e6, 0.99) is near the size where it gives up; prop.c takes
   its quantiles from quantile.c, which is tested on a grid of its own
   (test-quantile.c).  */

#include <math.h>
#include <stdio.h>

#include "stats/prop.h"
#include "tap.h"

struct ci_case
{
  enum mn_ci_method m;
  double x, n, level;
  double lo, hi;
};

#define W MN_CI_WILSON
#define E MN_CI_EXACT
#define J MN_CI_JEFFREYS
#define AC MN_CI_AGRESTI_COULL
#define WA MN_CI_WALD

/* Newcombe (1998) Table I, 95 %, 4 decimals.  */
static const struct ci_case newcombe[] = {
  /* Method 3, Wilson score.  */
  { W, 81, 263, 0.95, 0.2553, 0.3662 },
  { W, 15, 148, 0.95, 0.0624, 0.1605 },
  { W, 0, 20, 0.95, 0.0000, 0.1611 },
  { W, 1, 29, 0.95, 0.0061, 0.1718 },
  /* Method 5, exact (Clopper-Pearson).  */
  { E, 81, 263, 0.95, 0.2527, 0.3676 },
  { E, 15, 148, 0.95, 0.0578, 0.1617 },
  { E, 0, 20, 0.95, 0.0000, 0.1684 },
  { E, 1, 29, 0.95, 0.0009, 0.1776 },
};

/* statsmodels 0.13.5, cross-checked with R 4.2.2 (see the top).  */
static const struct ci_case software[] = {
  /* method="wilson"  */
  { W, 81, 263, 0.95, 0.2552885199, 0.366209577 },
  { W, 15, 148, 0.95, 0.06238639953, 0.1604872417 },
  { W, 0, 20, 0.95, 0, 0.1611251581 },
  { W, 1, 29, 0.95, 0.006113214293, 0.1717552188 },
  { W, 0, 20, 0.90, 0, 0.1191578374 },
  { W, 20, 20, 0.90, 0.8808421626, 1 },
  { W, 0, 20, 0.99, 0, 0.2491054011 },
  { W, 20, 20, 0.99, 0.7508945989, 1 },
  { W, 3, 7, 0.99, 0.1163736805, 0.8102850959 },
  { W, 37.4, 52.8, 0.90, 0.5973149922, 0.7990418153 },
  { W, 37.4, 52.8, 0.95, 0.5749933478, 0.8134147275 },
  { W, 37.4, 52.8, 0.99, 0.5314406758, 0.8387122353 },
  { W, 0.3, 4.6, 0.95, 0.004442645559, 0.5217056086 },
  { W, 1, 1000, 0.80, 0.0002991570302, 0.003337245051 },
  { W, 5000, 10000, 0.95, 0.4902020618, 0.5097979382 },
  { W, 250000, 1e6, 0.99, 0.2488862944, 0.2511170231 },

  /* method="beta" (Clopper-Pearson)  */
  { E, 81, 263, 0.95, 0.2527367456, 0.3676219226 },
  { E, 15, 148, 0.95, 0.05784401008, 0.1616504903 },
  { E, 0, 20, 0.95, 0, 0.168433471 },
  { E, 1, 29, 0.95, 0.0008726468836, 0.1776442955 },
  { E, 0, 20, 0.90, 0, 0.1391083407 },
  { E, 20, 20, 0.90, 0.8608916593, 1 },
  { E, 0, 20, 0.99, 0, 0.232729501 },
  { E, 20, 20, 0.99, 0.767270499, 1 },
  { E, 3, 7, 0.99, 0.05529934998, 0.8822962483 },
  { E, 37.4, 52.8, 0.90, 0.5887591456, 0.8095536249 },
  { E, 37.4, 52.8, 0.95, 0.5670503338, 0.825251619 },
  { E, 37.4, 52.8, 0.99, 0.5243104742, 0.8537352985 },
  { E, 0.3, 4.6, 0.95, 6.425828699e-07, 0.6204926197 },
  { E, 1, 1000, 0.80, 0.0001053549654, 0.003884104398 },
  { E, 5000, 10000, 0.95, 0.4901513806, 0.5098486194 },
  { E, 250000, 1e6, 0.99, 0.2488853249, 0.2511170549 },

  /* method="jeffreys"; "rule" rows corrected by the boundary rule.  */
  { J, 81, 263, 0.95, 0.254521935, 0.3656474992 },
  { J, 15, 148, 0.95, 0.06044851701, 0.1576431435 },
  { J, 0, 20, 0.95, 0, 0.1166389829 },          /* rule (sm 2.424647846e-05) */
  { J, 1, 29, 0.95, 0.003746173649, 0.150077686 },
  { J, 0, 20, 0.90, 0, 0.09047642654 },         /* rule (sm 9.707775858e-05) */
  { J, 20, 20, 0.90, 0.9095235735, 1 },         /* rule (sm 0.9999029222) */
  { J, 0, 20, 0.99, 0, 0.1767540974 },          /* rule (sm 9.695657205e-07) */
  { J, 20, 20, 0.99, 0.8232459026, 1 },         /* rule (sm 0.9999990304) */
  { J, 3, 7, 0.99, 0.08370761804, 0.842641824 },
  { J, 37.4, 52.8, 0.90, 0.5987737625, 0.8014281368 },
  { J, 37.4, 52.8, 0.95, 0.5771007949, 0.8174280431 },
  { J, 37.4, 52.8, 0.99, 0.5343557178, 0.8465396338 },
  { J, 0.3, 4.6, 0.95, 0.001941891498, 0.4988055299 },
  { J, 1, 1000, 0.80, 0.0002922175653, 0.003121593964 },
  { J, 5000, 10000, 0.95, 0.4902013661, 0.5097986339 },
  { J, 250000, 1e6, 0.99, 0.2488858241, 0.2511165542 },

  /* method="agresti_coull" (clipped to [0, 1] by statsmodels)  */
  { AC, 81, 263, 0.95, 0.2552206652, 0.3662774317 },
  { AC, 15, 148, 0.95, 0.06138597493, 0.1614876663 },
  { AC, 0, 20, 0.95, 0, 0.1898095605 },
  { AC, 1, 29, 0.95, 0, 0.1862865086 },
  { AC, 0, 20, 0.90, 0, 0.1412877112 },
  { AC, 20, 20, 0.90, 0.8587122888, 1 },
  { AC, 0, 20, 0.99, 0, 0.2893625451 },
  { AC, 20, 20, 0.99, 0.7106374549, 1 },
  { AC, 3, 7, 0.99, 0.1154810076, 0.8111777689 },
  { AC, 37.4, 52.8, 0.90, 0.5968298773, 0.7995269301 },
  { AC, 37.4, 52.8, 0.95, 0.5742153462, 0.814192729 },
  { AC, 37.4, 52.8, 0.99, 0.5298847842, 0.8402681269 },
  { AC, 0.3, 4.6, 0.95, 0, 0.5600972836 },
  { AC, 1, 1000, 0.80, 9.313583634e-05, 0.003543266245 },
  { AC, 5000, 10000, 0.95, 0.4902020618, 0.5097979382 },
  { AC, 250000, 1e6, 0.99, 0.2488862931, 0.2511170243 },

  /* method="normal" (Wald; clipped to [0, 1] by statsmodels)  */
  { WA, 81, 263, 0.95, 0.2521901262, 0.3637794555 },
  { WA, 15, 148, 0.95, 0.05273000641, 0.1499726963 },
  { WA, 0, 20, 0.95, 0, 0 },
  { WA, 1, 29, 0.95, 0, 0.1008922432 },
  { WA, 0, 20, 0.90, 0, 0 },
  { WA, 20, 20, 0.90, 1, 1 },
  { WA, 0, 20, 0.99, 0, 0 },
  { WA, 20, 20, 0.99, 1, 1 },
  { WA, 3, 7, 0.99, 0, 0.9103646025 },
  { WA, 37.4, 52.8, 0.90, 0.6054434832, 0.8112231834 },
  { WA, 37.4, 52.8, 0.95, 0.5857325151, 0.8309341516 },
  { WA, 37.4, 52.8, 0.99, 0.5472085459, 0.8694581207 },
  { WA, 0.3, 4.6, 0.95, 0, 0.2908522517 },
  { WA, 1, 1000, 0.80, 0, 0.002280910629 },
  { WA, 5000, 10000, 0.95, 0.4902001801, 0.5097998199 },
  { WA, 250000, 1e6, 0.99, 0.2488846332, 0.2511153668 },
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* 1e-8 absolute, tighter (1e-6 relative) for limits below 1e-3.  */
static double
software_tol (double want)
{
  return want != 0.0 && fabs (want) < 1e-3 ? 1e-6 * fabs (want) : 1e-8;
}

static void
check_table (const struct ci_case *t, size_t n, const char *source,
             int published)
{
  for (size_t i = 0; i < n; i++)
    {
      const struct ci_case *c = &t[i];
      double lo, hi;
      char name[160];
      int rc = mn_prop_ci (c->m, c->x, c->n, c->level, &lo, &hi);

      snprintf (name, sizeof name, "%s %s %g/%g at %.2f returns 0", source,
                mn_ci_method_name (c->m), c->x, c->n, c->level);
      ok (rc == 0, name);
      snprintf (name, sizeof name, "%s %s %g/%g at %.2f lower", source,
                mn_ci_method_name (c->m), c->x, c->n, c->level);
      near (lo, c->lo, published ? 5e-5 : software_tol (c->lo), name);
      snprintf (name, sizeof name, "%s %s %g/%g at %.2f upper", source,
                mn_ci_method_name (c->m), c->x, c->n, c->level);
      near (hi, c->hi, published ? 5e-5 : software_tol (c->hi), name);
    }
}

static void
test_names (void)
{
  static const char *const names[] = {
    "wilson", "exact", "jeffreys", "agresti-coull", "wald"
  };
  static const enum mn_ci_method methods[] = {
    MN_CI_WILSON, MN_CI_EXACT, MN_CI_JEFFREYS, MN_CI_AGRESTI_COULL,
    MN_CI_WALD
  };
  enum mn_ci_method m;
  char name[80];

  for (size_t i = 0; i < COUNT (names); i++)
    {
      m = methods[(i + 1) % COUNT (methods)];   /* any other method */
      snprintf (name, sizeof name, "parse '%s'", names[i]);
      ok (mn_ci_method_parse (names[i], &m) == 0 && m == methods[i], name);
      snprintf (name, sizeof name, "name of '%s' round trip", names[i]);
      streq (mn_ci_method_name (m), names[i], name);
    }

  m = MN_CI_WILSON;
  ok (mn_ci_method_parse ("clopper-pearson", &m) == 0 && m == MN_CI_EXACT,
      "parse alias 'clopper-pearson' as exact");
  streq (mn_ci_method_name (m), "exact", "alias names canonically");

  m = MN_CI_JEFFREYS;
  ok (mn_ci_method_parse ("score", &m) == -1, "unknown name 'score' is -1");
  ok (m == MN_CI_JEFFREYS, "unknown name leaves the method alone");
  ok (mn_ci_method_parse ("", &m) == -1, "empty name is -1");
  ok (mn_ci_method_parse ("Wilson", &m) == -1, "names are case-sensitive");
  ok (mn_ci_method_parse ("agresti_coull", &m) == -1,
      "'agresti_coull' (underscore) is -1");
}

static void
test_invalid (void)
{
  static const struct
  {
    const char *what;
    double x, n, level;
  } bad[] = {
    { "n = 0", 0, 0, 0.95 },
    { "n < 0", 0, -5, 0.95 },
    { "x < 0", -1, 10, 0.95 },
    { "x > n", 11, 10, 0.95 },
    { "level = 1", 5, 10, 1.0 },
    { "level = 0", 5, 10, 0.0 },
    { "level > 1", 5, 10, 95.0 },
    { "x NaN", NAN, 10, 0.95 },
    { "n NaN", 5, NAN, 0.95 },
    { "level NaN", 5, 10, NAN },
    { "n infinite", 5, INFINITY, 0.95 },
    { "x and n infinite", INFINITY, INFINITY, 0.95 },
  };
  char name[80];

  for (int m = MN_CI_WILSON; m <= MN_CI_WALD; m++)
    for (size_t i = 0; i < COUNT (bad); i++)
      {
        double lo = 0.5, hi = 0.5;
        int rc = mn_prop_ci ((enum mn_ci_method) m, bad[i].x, bad[i].n,
                             bad[i].level, &lo, &hi);
        snprintf (name, sizeof name, "%s: %s is -1 with NaN bounds",
                  mn_ci_method_name ((enum mn_ci_method) m), bad[i].what);
        ok (rc == -1 && isnan (lo) && isnan (hi), name);
      }

  double lo = 0.5, hi = 0.5;
  ok (mn_prop_ci ((enum mn_ci_method) 99, 5, 10, 0.95, &lo, &hi) == -1
      && isnan (lo) && isnan (hi), "unknown method is -1 with NaN bounds");
}

/* No expected values here, only properties every interval must have:
   a grid of counts, sizes and levels, including the regions where
   gsl_cdf_beta_Pinv fails, all give 0 <= lo <= hi <= 1.  One check per
   method, naming the first failure.  */
static void
test_sweep (void)
{
  static const double sizes[] = { 0.4, 1, 2.5, 7, 30, 1000, 1e4, 3e5 };
  static const double fracs[] = { 0, 1e-4, 0.01, 0.2, 0.5, 0.8, 0.99, 1 };
  static const double levels[] = { 0.01, 0.5, 0.8, 0.95, 0.999, 0.999999 };

  for (int m = MN_CI_WILSON; m <= MN_CI_WALD; m++)
    {
      char name[160] = "";
      int good = 1;
      for (size_t i = 0; good && i < COUNT (sizes); i++)
        for (size_t j = 0; good && j < COUNT (fracs); j++)
          for (size_t k = 0; good && k < COUNT (levels); k++)
            {
              double lo, hi, x = fracs[j] * sizes[i];
              int rc = mn_prop_ci ((enum mn_ci_method) m, x, sizes[i],
                                   levels[k], &lo, &hi);
              if (!(rc == 0 && 0 <= lo && lo <= hi && hi <= 1))
                {
                  good = 0;
                  snprintf (name, sizeof name,
                            "%s sweep: first failure %g/%g at %g: "
                            "rc %d [%g, %g]",
                            mn_ci_method_name ((enum mn_ci_method) m), x,
                            sizes[i], levels[k], rc, lo, hi);
                }
            }
      if (good)
        snprintf (name, sizeof name, "%s sweep: 0 <= lo <= hi <= 1",
                  mn_ci_method_name ((enum mn_ci_method) m));
      ok (good, name);
    }

  /* Past about n = 1.5e6 GSL's beta distribution function returns NaN
     near the mean, which once made gsl_cdf_beta_Pinv loop for ever and
     then left these bounds empty.  They must be numbers now (the values
     are checked against R in test-quantile.c).  */
  for (int m = MN_CI_EXACT; m <= MN_CI_JEFFREYS; m++)
    {
      double lo, hi;
      int rc = mn_prop_ci ((enum mn_ci_method) m, 5e6, 1e7, 0.95, &lo, &hi);
      char name[80];
      snprintf (name, sizeof name, "%s 5e6/1e7 is an interval",
                mn_ci_method_name ((enum mn_ci_method) m));
      ok (rc == 0 && 0 <= lo && lo <= hi && hi <= 1, name);
    }
}

/* Newcombe RG (1998), Interval estimation for the difference between
   independent proportions: comparison of eleven methods, Stat Med
   17:873-890, method 10 (hybrid score), his worked examples to 4
   decimals; and R 4.2.2, the same formula on prop.test's Wilson
   intervals (correct = FALSE), printed with "%.15g":
     nc <- function(x1, n1, x2, n2, lev = .95) {
       w1 <- prop.test(x1, n1, conf.level = lev, correct = FALSE)$conf.int
       w2 <- prop.test(x2, n2, conf.level = lev, correct = FALSE)$conf.int
       p1 <- x1/n1; p2 <- x2/n2; d <- p1 - p2
       c(d, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
         d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)) }  */
static void
test_diff (void)
{
  static const struct
  {
    double x1, n1, x2, n2, level, d, lo, hi, tol;
  } c[] = {
    { 56, 70, 48, 80, .95, 0.2, 0.0524, 0.3339, 5e-5 },        /* paper */
    { 9, 10, 3, 10, .95, 0.6, 0.1705, 0.8090, 5e-5 },
    { 5, 56, 0, 29, .95, 0.0892857142857143, -0.0381, 0.1926, 5e-5 },
    { 56, 70, 48, 80, .95, 0.2, 0.0524314724023649, 0.333872654036906,
      1e-12 },                                                   /* R */
    { 10, 10, 0, 20, .95, 1, 0.679086037141915, 1, 1e-12 },
    { 0, 15, 15, 15, .95, -1, -1, -0.711665470533706, 1e-12 },
    { 44, 50, 40, 55, .90, 0.152727272727273, 0.0238386361551689,
      0.274401589911206, 1e-12 },
    { 7, 9, 81, 90, .99, -0.122222222222222, -0.539220458280201,
      0.0869763052415729, 1e-12 },
  };
  for (size_t i = 0; i < sizeof c / sizeof *c; i++)
    {
      double d, lo, hi;
      char name[120];
      int rc = mn_prop_diff_ci (c[i].x1, c[i].n1, c[i].x2, c[i].n2,
                                c[i].level, &d, &lo, &hi);
      snprintf (name, sizeof name, "Newcombe difference %g/%g - %g/%g at %g",
                c[i].x1, c[i].n1, c[i].x2, c[i].n2, c[i].level);
      ok (rc == 0 && fabs (d - c[i].d) < 1e-12
          && fabs (lo - c[i].lo) <= c[i].tol
          && fabs (hi - c[i].hi) <= c[i].tol, name);
    }
  double d, lo, hi;
  ok (mn_prop_diff_ci (1, 0, 1, 2, .95, &d, &lo, &hi) < 0 && isnan (d)
      && isnan (lo) && isnan (hi), "difference with n = 0: refused");
}

int
main (void)
{
  test_diff ();
  check_table (newcombe, COUNT (newcombe), "Newcombe 1998 Table I", 1);
  check_table (software, COUNT (software), "statsmodels", 0);
  test_names ();
  test_invalid ();
  test_sweep ();
  return tap_done ();
}

/* test-wstats.c - unit tests of survey-weighted group estimates and the
   respondent-group composite (lib/wstats.c).

   Expected values come from R, not from the code under test:
   R version 4.2.2 Patched (2022-11-10 r83330), survey 4.1.1 (Lumley),
   by the script between the markers below (run it with Rscript; it
   prints every number used here to 17 significant digits).  Means and
   standard errors are svymean's for svydesign (ids = ~1, weights = ~w);
   degf (d) is n - 1; the t intervals are confint (svymean, df = degf);
   n_eff and the design effect, the Wilson and Clopper-Pearson intervals
   on the Kish n_eff, and the composite are the formulas written out in
   R.  svyciprop (method = "beta") is printed for comparison only: it
   takes n_eff from the design variance, p (1 - p) / v, as Korn &
   Graubard do, not Kish's, and is not what mn_wsum_prop_ci computes.

   ---- R-SCRIPT-BEGIN
   library(survey)
   cat("#", R.version.string, "; survey", as.character(packageVersion("survey")), "\n")
   f <- function(v) paste(sprintf("%.17g", v), collapse = ", ")
   report <- function(tag, w, sat, score) {
     df <- data.frame(w = w, sat = sat, score = score)
     d <- svydesign(ids = ~1, weights = ~w, data = df)
     ms <- svymean(~sat, d); mc <- svymean(~score, d)
     n <- nrow(df); neff <- sum(w)^2 / sum(w^2); deff <- n * sum(w^2) / sum(w)^2
     cat(tag, "n degf:", n, degf(d), "\n")
     cat(tag, "sat mean se:", f(c(coef(ms), SE(ms))), "\n")
     cat(tag, "score mean se:", f(c(coef(mc), SE(mc))), "\n")
     cat(tag, "neff deff:", f(c(neff, deff)), "\n")
     cat(tag, "score t95:", f(confint(mc, df = degf(d), level = 0.95)), "\n")
     cat(tag, "score t90:", f(confint(mc, df = degf(d), level = 0.90)), "\n")
     p <- coef(ms)[[1]]; x <- p * neff; a <- 0.05; z <- qnorm(1 - a/2)
     wil <- (x + z^2/2)/(neff + z^2) + c(-1, 1) * z * sqrt(neff)/(neff + z^2) * sqrt(p*(1-p) + z^2/(4*neff))
     cp <- c(qbeta(a/2, x, neff - x + 1), qbeta(1 - a/2, x + 1, neff - x))
     cat(tag, "sat wilson95 on Kish neff:", f(wil), "\n")
     cat(tag, "sat exact95 on Kish neff:", f(cp), "\n")
     cat(tag, "(svyciprop beta, design n.eff, for comparison only):",
         f(attr(svyciprop(~sat, d, method = "beta"), "ci")), "\n")
   }
   wA <- c(1.2, 0.8, 2.5, 3.1, 0.6, 1.0, 4.2, 1.7, 0.9, 2.2, 5.5, 1.3, 0.7, 2.8, 1.1,
           3.6, 0.5, 1.9, 2.4, 6.0, 0.75, 1.45, 3.3, 0.95, 2.05, 1.6, 4.8, 0.85, 1.25, 2.65)
   sA <- c(1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1)
   yA <- c(80, 35, 90, 75, 20, 85, 95, 40, 70, 65, 30, 100, 88, 72, 45,
           60, 15, 77, 83, 92, 50, 68, 79, 25, 81, 74, 38, 66, 87, 93)
   wB <- c(0.04, 60, 0.5, 12, 0.1, 35, 2.2, 0.07, 48, 5, 0.3, 20, 0.9, 15.5, 0.06,
           7.5, 55, 0.15, 3.3, 25, 0.8, 41, 0.2, 9)
   sB <- c(1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1)
   yB <- c(91, 82, 33, 77, 10, 46, 88, 97, 85, 28, 74, 69, 41, 90, 100,
           37, 79, 22, 63, 84, 71, 52, 95, 80)
   report("A", wA, sA, yA)
   report("B", wB, sB, yB)
   # C: near-constant scores (cancellation), weights over 4 orders
   wC <- c(0.01, 100, 0.5, 20, 3, 0.02, 75, 8, 0.3, 40, 1, 60)
   yC <- c(99.9, 100, 99.9, 99.95, 100, 99.9, 99.95, 100, 99.9, 100, 99.95, 99.9)
   report("C", wC, as.numeric(yC == 100), yC)
   # composite: share * p, variance sum share^2 p (1-p) / n over groups present
   comp <- function(W, p, n) {
     pres <- n > 0; W <- W[pres] / sum(W[pres]); p <- p[pres]; n <- n[pres]
     c(sum(W * p), sqrt(sum(W^2 * p * (1 - p) / n)))
   }
   W <- c(0.6, 0.25, 0.15)
   cat("G1 all present:", f(comp(W, c(0.82, 0.9, 0.95), c(120, 14, 9))), "\n")
   cat("G2 leaders absent, renormalised:", f(comp(W, c(0.82, 0.9, 0.95), c(120, 0, 9))), "\n")
   cat("G3 non-integral n:", f(comp(W, c(0.7125, 1, 0.4), c(37.25, 6.5, 2.8))), "\n")
   ---- R-SCRIPT-END
*/
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "stats/moments.h"
#include "stats/prop.h"
#include "tap.h"
#include "stats/wstats.h"

#define TOL 1e-9
#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* Data set A: 30 respondents, weights 0.5 to 6.  */
static const double wA[] = {
  1.2, 0.8, 2.5, 3.1, 0.6, 1.0, 4.2, 1.7, 0.9, 2.2, 5.5, 1.3, 0.7, 2.8, 1.1,
  3.6, 0.5, 1.9, 2.4, 6.0, 0.75, 1.45, 3.3, 0.95, 2.05, 1.6, 4.8, 0.85, 1.25,
  2.65
};
static const double sA[] = {
  1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1,
  1, 0, 1, 1, 1
};
static const double yA[] = {
  80, 35, 90, 75, 20, 85, 95, 40, 70, 65, 30, 100, 88, 72, 45,
  60, 15, 77, 83, 92, 50, 68, 79, 25, 81, 74, 38, 66, 87, 93
};

/* Data set B: 24 respondents, weights 0.04 to 60 (three orders of
   magnitude).  */
static const double wB[] = {
  0.04, 60, 0.5, 12, 0.1, 35, 2.2, 0.07, 48, 5, 0.3, 20, 0.9, 15.5, 0.06,
  7.5, 55, 0.15, 3.3, 25, 0.8, 41, 0.2, 9
};
static const double sB[] = {
  1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1
};
static const double yB[] = {
  91, 82, 33, 77, 10, 46, 88, 97, 85, 28, 74, 69, 41, 90, 100,
  37, 79, 22, 63, 84, 71, 52, 95, 80
};

/* Data set C: scores within 0.1 of 100 (the variance sums cancel in
   all but about five digits), weights 0.01 to 100; sat = (score == 100). */
static const double wC[] = {
  0.01, 100, 0.5, 20, 3, 0.02, 75, 8, 0.3, 40, 1, 60
};
static const double yC[] = {
  99.9, 100, 99.9, 99.95, 100, 99.9, 99.95, 100, 99.9, 100, 99.95, 99.9
};

/* What R printed for one data set.  */
struct expect
{
  const char *tag;
  double n;
  double sat_mean, sat_se, score_mean, score_se, neff, deff;
  double t95[2], t90[2], wilson95[2], exact95[2];
};

static const struct expect exA = {
  "A", 30,
  0.73762765121759621, 0.10389334323131101,
  68.796543597800479, 5.5510495597143592,
  20.347412829752773, 1.4743889186802581,
  { 57.443372493324979, 80.149714702275986 },
  { 59.364605265262938, 78.22848193033802 },
  { 0.52055953437186431, 0.87921999970157416 },
  { 0.49826523436492409, 0.90457302003370854 },
};

static const struct expect exB = {
  "B", 24,
  0.73611029799192085, 0.14483072576034164,
  72.001434342251628, 4.9124218935694577,
  8.6936332265517695, 2.7606409627105153,
  { 61.839315406530019, 82.163553277973236 },
  { 63.582174326581693, 80.420694357921562 },
  { 0.40926242128104673, 0.91824316448042276 },
  { 0.35356400601023369, 0.95848247597552083 },
};

static const struct expect exC = {
  "C", 12,
  0.49053048760679602, 0.24808638497591742,
  99.96464607088329, 0.018869738279443733,
  4.4489315948538408, 2.6972768054875504,
  { 99.923114056955427, 100.00617808481115 },
  { 99.93075819437432, 99.998533947392261 },
  { 0.15459726572112692, 0.83523934974272973 },
  { 0.076023748024497406, 0.91597519439846664 },
};

static char name_buf[160];

static const char *
name (const char *tag, const char *what)
{
  snprintf (name_buf, sizeof name_buf, "%s: %s", tag, what);
  return name_buf;
}

/* Compare the accumulators of one data set (SAT: the 0/1 variable,
   SCORE: the 0-100 one) with what R printed.  */
static void
check_against_r (const struct expect *ex, const struct mn_wsum *sat,
                 const struct mn_wsum *score)
{
  const char *t = ex->tag;
  double lo, hi;

  ok (sat->n == ex->n && score->n == ex->n, name (t, "count"));
  near (mn_wsum_mean (sat), ex->sat_mean, TOL, name (t, "sat: Hajek mean"));
  near (mn_wsum_se (sat), ex->sat_se, TOL, name (t, "sat: svymean SE"));
  near (mn_wsum_mean (score), ex->score_mean, TOL,
        name (t, "score: Hajek mean"));
  near (mn_wsum_se (score), ex->score_se, TOL, name (t, "score: svymean SE"));
  near (mn_wsum_neff (score), ex->neff, TOL, name (t, "Kish n_eff"));
  near (mn_wsum_deff (score), ex->deff, TOL, name (t, "Kish deff"));
  ok (mn_wsum_neff (sat) == mn_wsum_neff (score),
      name (t, "n_eff depends on the weights only"));

  ok (mn_wsum_mean_ci (score, 0.95, &lo, &hi) == 0,
      name (t, "score: t95 returns 0"));
  near (lo, ex->t95[0], TOL, name (t, "score: t95 lower"));
  near (hi, ex->t95[1], TOL, name (t, "score: t95 upper"));
  ok (mn_wsum_mean_ci (score, 0.90, &lo, &hi) == 0,
      name (t, "score: t90 returns 0"));
  near (lo, ex->t90[0], TOL, name (t, "score: t90 lower"));
  near (hi, ex->t90[1], TOL, name (t, "score: t90 upper"));

  ok (mn_wsum_prop_ci (sat, MN_CI_WILSON, 0.95, &lo, &hi) == 0,
      name (t, "sat: Wilson on n_eff returns 0"));
  near (lo, ex->wilson95[0], TOL, name (t, "sat: Wilson on n_eff lower"));
  near (hi, ex->wilson95[1], TOL, name (t, "sat: Wilson on n_eff upper"));
  ok (mn_wsum_prop_ci (sat, MN_CI_EXACT, 0.95, &lo, &hi) == 0,
      name (t, "sat: exact on n_eff returns 0"));
  near (lo, ex->exact95[0], TOL, name (t, "sat: exact on n_eff lower"));
  near (hi, ex->exact95[1], TOL, name (t, "sat: exact on n_eff upper"));
}

static void
fill (struct mn_wsum *s, size_t from, size_t to, const double *w,
      const double *y)
{
  for (size_t i = from; i < to; i++)
    mn_wsum_add (s, w[i], y[i]);
}

static void
test_against_r (void)
{
  struct mn_wsum sat = { 0 }, score = { 0 };
  fill (&sat, 0, NELEM (wA), wA, sA);
  fill (&score, 0, NELEM (wA), wA, yA);
  check_against_r (&exA, &sat, &score);

  memset (&sat, 0, sizeof sat);
  memset (&score, 0, sizeof score);
  fill (&sat, 0, NELEM (wB), wB, sB);
  fill (&score, 0, NELEM (wB), wB, yB);
  check_against_r (&exB, &sat, &score);

  memset (&sat, 0, sizeof sat);
  memset (&score, 0, sizeof score);
  for (size_t i = 0; i < NELEM (wC); i++)
    {
      mn_wsum_add (&sat, wC[i], yC[i] == 100 ? 1 : 0);
      mn_wsum_add (&score, wC[i], yC[i]);
    }
  check_against_r (&exC, &sat, &score);
}

/* Equal weights: the weighted machinery must reduce to the unweighted
   one.  With w = 1 and w = 2.5 every sum is exact, so the mean is the
   correctly rounded k / n and n_eff is n, exactly; with w = 0.1 the sums
   round and agreement is to 1e-12.  The interval must then be
   mn_prop_ci (k, n) for every method, and the SE of a 0/1 mean the
   textbook sqrt (p (1 - p) / (n - 1)).  */
static void
test_equal_weights (void)
{
  static const double ws[] = { 1, 2.5, 0.1 };
  static const enum mn_ci_method methods[] = {
    MN_CI_WILSON, MN_CI_EXACT, MN_CI_JEFFREYS, MN_CI_AGRESTI_COULL,
    MN_CI_WALD
  };
  const double n = NELEM (sA);
  double k = 0;
  for (size_t i = 0; i < NELEM (sA); i++)
    k += sA[i];

  for (size_t j = 0; j < NELEM (ws); j++)
    {
      char tag[32];
      snprintf (tag, sizeof tag, "equal w=%g", ws[j]);
      bool exact = ws[j] != 0.1;
      struct mn_wsum s = { 0 };
      for (size_t i = 0; i < NELEM (sA); i++)
        mn_wsum_add (&s, ws[j], sA[i]);

      if (exact)
        {
          ok (mn_wsum_mean (&s) == k / n, name (tag, "mean == x/n exactly"));
          ok (mn_wsum_neff (&s) == n, name (tag, "n_eff == n exactly"));
          ok (mn_wsum_deff (&s) == 1, name (tag, "deff == 1 exactly"));
        }
      else
        {
          near (mn_wsum_mean (&s), k / n, 1e-12, name (tag, "mean == x/n"));
          near (mn_wsum_neff (&s), n, 1e-12, name (tag, "n_eff == n"));
          near (mn_wsum_deff (&s), 1, 1e-12, name (tag, "deff == 1"));
        }
      double p = k / n;
      near (mn_wsum_se (&s), sqrt (p * (1 - p) / (n - 1)), 1e-12,
            name (tag, "SE == sqrt(p(1-p)/(n-1))"));

      for (size_t mi = 0; mi < NELEM (methods); mi++)
        {
          double lo, hi, wlo, whi;
          char what[96];
          int rc = mn_prop_ci (methods[mi], k, n, 0.95, &lo, &hi);
          int wrc = mn_wsum_prop_ci (&s, methods[mi], 0.95, &wlo, &whi);
          snprintf (what, sizeof what, "%s interval == mn_prop_ci(x, n)",
                    mn_ci_method_name (methods[mi]));
          ok (rc == 0 && wrc == 0
              && fabs (wlo - lo) <= 1e-12 && fabs (whi - hi) <= 1e-12,
              name (tag, what));
        }
    }

  /* With unit weights the t interval is the ordinary one of the mean.  */
  struct mn_wsum s = { 0 };
  struct mn_moments mo = { 0 };
  for (size_t i = 0; i < NELEM (yA); i++)
    {
      mn_wsum_add (&s, 1, yA[i]);
      mn_moments_add (&mo, yA[i]);
    }
  double lo, hi, mlo, mhi;
  ok (mn_wsum_mean_ci (&s, 0.95, &lo, &hi) == 0
      && mn_mean_ci (&mo, 0.95, &mlo, &mhi) == 0
      && fabs (lo - mlo) <= 1e-12 && fabs (hi - mhi) <= 1e-12,
      "equal w=1: mean_ci == unweighted t interval (mn_mean_ci)");
}

static bool
close_rel (double a, double b, double tol)
{
  return fabs (a - b) <= tol * fmax (fabs (a), fabs (b));
}

static bool
same_estimates (const struct mn_wsum *a, const struct mn_wsum *b,
                double tol)
{
  return a->n == b->n
         && close_rel (mn_wsum_mean (a), mn_wsum_mean (b), tol)
         && close_rel (mn_wsum_se (a), mn_wsum_se (b), tol)
         && close_rel (mn_wsum_neff (a), mn_wsum_neff (b), tol);
}

/* Shards of B merged give what adding all rows gives: up to rounding of
   the sums in a different order, so to 1e-12 relative; merging an
   empty accumulator changes nothing, bit for bit.  */
static void
test_merge (void)
{
  struct mn_wsum all = { 0 }, s1 = { 0 }, s2 = { 0 }, s3 = { 0 },
                 empty = { 0 };
  fill (&all, 0, NELEM (wB), wB, yB);
  fill (&s1, 0, 7, wB, yB);
  fill (&s2, 7, 8, wB, yB);
  fill (&s3, 8, NELEM (wB), wB, yB);

  struct mn_wsum m = { 0 };
  mn_wsum_merge (&m, &s3);
  mn_wsum_merge (&m, &empty);
  mn_wsum_merge (&m, &s1);
  mn_wsum_merge (&m, &s2);
  ok (same_estimates (&m, &all, 1e-12), "merge of shards == add all");
  double lo, hi, alo, ahi;
  mn_wsum_mean_ci (&m, 0.95, &lo, &hi);
  mn_wsum_mean_ci (&all, 0.95, &alo, &ahi);
  ok (close_rel (lo, alo, 1e-12) && close_rel (hi, ahi, 1e-12),
      "merge of shards: same t interval");
  near (mn_wsum_mean (&m), exB.score_mean, TOL, "merge of shards: R mean");
  near (mn_wsum_se (&m), exB.score_se, TOL, "merge of shards: R SE");

  struct mn_wsum c = all;
  mn_wsum_merge (&c, &empty);
  ok (memcmp (&c, &all, sizeof c) == 0, "merge of an empty group: no-op");
  struct mn_wsum e = { 0 };
  mn_wsum_merge (&e, &all);
  ok (memcmp (&e, &all, sizeof e) == 0, "merge into an empty group: copy");

  /* The same rows in reverse order.  */
  struct mn_wsum r = { 0 };
  for (size_t i = NELEM (wB); i-- > 0;)
    mn_wsum_add (&r, wB[i], yB[i]);
  ok (same_estimates (&r, &all, 1e-12), "row order does not matter");

  /* Scaling all weights leaves the estimates unchanged.  */
  struct mn_wsum k = { 0 };
  for (size_t i = 0; i < NELEM (wB); i++)
    mn_wsum_add (&k, wB[i] * 1000, yB[i]);
  ok (same_estimates (&k, &all, 1e-12), "weights x1000: same estimates");
}

/* Constant y with weights over three orders of magnitude: the expanded
   residual sum is a difference of equal large numbers; the SE must come
   out as 0 or a rounding-sized positive number, never NaN.  */
static void
test_cancellation (void)
{
  struct mn_wsum s = { 0 }, b = { 0 };
  for (size_t i = 0; i < NELEM (wB); i++)
    {
      mn_wsum_add (&s, wB[i], 73.3);
      mn_wsum_add (&b, wB[i], 1);
    }
  double se = mn_wsum_se (&s);
  ok (!isnan (se) && se >= 0 && se < 1e-12, "constant score: SE ~ 0");
  near (mn_wsum_mean (&s), 73.3, 1e-12, "constant score: mean");
  double lo, hi;
  ok (mn_wsum_mean_ci (&s, 0.95, &lo, &hi) == 0
      && fabs (lo - 73.3) < 1e-10 && fabs (hi - 73.3) < 1e-10,
      "constant score: degenerate t interval");
  ok (mn_wsum_se (&b) == 0, "all satisfied: SE exactly 0");
  ok (mn_wsum_mean (&b) == 1, "all satisfied: mean exactly 1");
  ok (mn_wsum_prop_ci (&b, MN_CI_EXACT, 0.95, &lo, &hi) == 0 && hi == 1
      && lo > 0 && lo < 1, "all satisfied: exact interval reaches 1");

  struct mn_wsum z = { 0 };
  for (size_t i = 0; i < NELEM (wB); i++)
    mn_wsum_add (&z, wB[i], 0);
  ok (mn_wsum_prop_ci (&z, MN_CI_WILSON, 0.95, &lo, &hi) == 0 && lo == 0
      && hi > 0, "none satisfied: Wilson interval starts at 0");
}

static void
test_edges (void)
{
  struct mn_wsum s = { 0 };
  double lo, hi;
  ok (isnan (mn_wsum_mean (&s)), "empty: mean NaN");
  ok (isnan (mn_wsum_se (&s)), "empty: SE NaN");
  ok (isnan (mn_wsum_neff (&s)), "empty: n_eff NaN");
  ok (isnan (mn_wsum_deff (&s)), "empty: deff NaN");
  ok (mn_wsum_prop_ci (&s, MN_CI_WILSON, 0.95, &lo, &hi) == -1
      && isnan (lo) && isnan (hi), "empty: prop_ci fails, NaN bounds");
  ok (mn_wsum_mean_ci (&s, 0.95, &lo, &hi) == -1 && isnan (lo)
      && isnan (hi), "empty: mean_ci fails, NaN bounds");

  mn_wsum_add (&s, 3.5, 1);
  ok (mn_wsum_mean (&s) == 1, "one row: mean");
  ok (mn_wsum_neff (&s) == 1, "one row: n_eff 1");
  ok (isnan (mn_wsum_se (&s)), "one row: SE NaN (n/(n-1))");
  ok (mn_wsum_mean_ci (&s, 0.95, &lo, &hi) == -1, "one row: mean_ci fails");
  ok (mn_wsum_prop_ci (&s, MN_CI_WILSON, 0.95, &lo, &hi) == 0,
      "one row: prop_ci on n_eff 1");

  struct mn_wsum a = { 0 };
  fill (&a, 0, NELEM (wA), wA, sA);
  ok (mn_wsum_mean_ci (&a, 1, &lo, &hi) == -1, "level 1: mean_ci fails");
  ok (mn_wsum_mean_ci (&a, 0, &lo, &hi) == -1, "level 0: mean_ci fails");
  ok (mn_wsum_prop_ci (&a, MN_CI_WILSON, 1.5, &lo, &hi) == -1
      && isnan (lo), "level 1.5: prop_ci fails");

  struct mn_wsum y = { 0 };
  fill (&y, 0, NELEM (wA), wA, yA);
  ok (mn_wsum_prop_ci (&y, MN_CI_WILSON, 0.95, &lo, &hi) == -1,
      "mean outside [0, 1]: prop_ci fails");
}

/* The composite, against the formula written in R (script above).  */
static void
test_composite (void)
{
  const double W[] = { 0.6, 0.25, 0.15 };
  double est, se;
  bool renorm;

  {
    const double p[] = { 0.82, 0.9, 0.95 }, n[] = { 120, 14, 9 };
    ok (mn_group_composite (3, W, p, n, false, &est, &se, &renorm) == 0
        && !renorm, "composite G1: all present");
    near (est, 0.85949999999999993, TOL, "composite G1: estimate");
    near (se, 0.031037649947857109, TOL, "composite G1: SE");
    double e2, s2;
    ok (mn_group_composite (3, W, p, n, true, &e2, &s2, &renorm) == 0
        && !renorm && e2 == est && s2 == se,
        "composite G1: renormalise with all present changes nothing");
  }
  {
    const double p[] = { 0.82, NAN, 0.95 }, n[] = { 120, 0, 9 };
    ok (mn_group_composite (3, W, p, n, true, &est, &se, &renorm) == 0
        && renorm, "composite G2: leaders absent, renormalised and flagged");
    near (est, 0.84599999999999986, TOL, "composite G2: estimate");
    near (se, 0.031596061639247247, TOL, "composite G2: SE");
    ok (mn_group_composite (3, W, p, n, false, &est, &se, &renorm) == -1
        && isnan (est) && isnan (se) && !renorm,
        "composite G2: absent group without renormalisation fails");
  }
  {
    const double p[] = { 0.7125, 1, 0.4 }, n[] = { 37.25, 6.5, 2.8 };
    ok (mn_group_composite (3, W, p, n, false, &est, &se, NULL) == 0,
        "composite G3: non-integral sizes");
    near (est, 0.73750000000000004, TOL, "composite G3: estimate");
    near (se, 0.062516153233773186, TOL, "composite G3: SE");
  }
  {
    /* A group with share 0 may be absent without renormalising.  */
    const double W0[] = { 0.75, 0, 0.25 };
    const double p[] = { 0.8, 0.5, 0.6 }, n[] = { 50, 0, 10 };
    ok (mn_group_composite (3, W0, p, n, false, &est, &se, &renorm) == 0
        && !renorm && fabs (est - 0.75) < 1e-15,
        "composite: absent group of share 0 needs no renormalisation");
  }
  {
    const double p[] = { 0.8, 0.9, 0.95 }, n0[] = { 0, 0, 0 };
    ok (mn_group_composite (3, W, p, n0, true, &est, &se, &renorm) == -1
        && isnan (est), "composite: no group present fails");
    const double n[] = { 10, 10, 10 }, Wbad[] = { 0.6, 0.3, 0.15 };
    ok (mn_group_composite (3, Wbad, p, n, false, &est, &se, NULL) == -1,
        "composite: shares not summing to 1 fail");
    const double pbad[] = { 0.8, 1.2, 0.95 };
    ok (mn_group_composite (3, W, pbad, n, false, &est, &se, NULL) == -1,
        "composite: proportion above 1 fails");
    const double nneg[] = { 10, -1, 10 };
    ok (mn_group_composite (3, W, p, nneg, true, &est, &se, NULL) == -1,
        "composite: negative size fails");
    ok (mn_group_composite (0, W, p, n, true, &est, &se, NULL) == -1,
        "composite: no groups fails");
  }
}

int
main (void)
{
  test_against_r ();
  test_equal_weights ();
  test_merge ();
  test_cancellation ();
  test_edges ();
  test_composite ();
  return tap_done ();
}

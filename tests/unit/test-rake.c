/* test-rake.c - unit tests of the weighting engine (lib/rake.c).

   The reference case is the worked example of

     Kalton G, Flores-Cervantes I (2003).  Weighting methods.  J Official
       Statistics 19:81-97.

   set up as the R survey package's tests/kalton.R does (its
   kalton.Rout.save prints the tables): a 4 x 3 table of cells, A = 1..4
   varying fastest within B = 1..3, with sample and population counts
   NS and NP below.  The paper's tables (and kalton.Rout.save) give the
   weight ratios population / sample to two decimals: we test those to
   +-0.005, then to 1e-6 against more digits computed independently with
   R 4.2.2 Patched (2022-11-10 r83330) and survey 4.1.1 by this script
   (Rscript, output pasted below; raking to epsilon 1e-13 of the weight
   total, see survey::rake):

     suppressMessages(library(survey))
     ab <- expand.grid(A = factor(1:4), B = factor(1:3))
     ns <- c(20,50,100,30, 40,140,50,100, 40,310,50,70)
     np <- c(80,60,170,55, 40,150,60,165, 55,340,200,125)
     cell <- rep(1:12, ns); first <- match(1:12, cell)
     pos <- ave(seq_along(cell), cell, FUN = seq_along)  # rank within cell
     smp <- ab[cell, ]; smp$w <- 1
     pop <- ab[rep(1:12, np), ]
     popA <- xtabs(~A, pop); popB <- xtabs(~B, pop)
     ctl <- list(maxit = 1000, epsilon = 1e-13)
     show <- function(what, x) { cat(what, ":\n", sep = "")
       cat(sprintf("%.15g", x), sep = ",\n"); cat("\n") }
     summ <- function(w) c(min(w), median(w), max(w), sum(w),
       length(w) * sum(w^2) / sum(w)^2, sum(w)^2 / sum(w^2))
     d <- svydesign(ids = ~1, weights = ~w, data = smp)
     dr <- rake(d, list(~A, ~B), list(popA, popB), control = ctl)
     dp <- postStratify(d, ~A + B, xtabs(~A + B, pop))
     show("rake", weights(dr)[first]); show("rake summary", summ(weights(dr)))
     show("post", weights(dp)[first]); show("post summary", summ(weights(dp)))
     # one sweep only: the largest relative error left on A, its index, total
     d1 <- suppressWarnings(rake(d, list(~A, ~B), list(popA, popB),
                                 control = list(maxit = 1, epsilon = 1e-13)))
     tA <- svytable(~A, d1); e <- abs(tA - popA) / popA
     show("one sweep", c(max(e), which.max(e), tA[which.max(e)]))
     # trimming: clamp to [lo, hi] x mean weight, re-rake with the clamped
     # weights as base, until the raked weights are within the bounds
     trimrake <- function(lo, hi, slack = 1e-9) {
       s <- smp
       for (round in 0:1000) {
         w <- weights(rake(svydesign(ids = ~1, weights = ~w, data = s),
                           list(~A, ~B), list(popA, popB), control = ctl))
         m <- mean(w)
         if (all(w >= lo * m * (1 - slack) & w <= hi * m * (1 + slack))) break
         s$w <- pmin(pmax(w, lo * m), hi * m)
       }
       show(sprintf("trim %g %g (%d rounds)", lo, hi, round), w[first])
     }
     trimrake(0.6, 1.5); trimrake(0, 1.5); trimrake(0.65, Inf)
     # base weights: 2 in cells 1, 3, 5, ..., 1 in the others, and cell 2
     # (A2 B1) split into 20 units of base 1 and 30 of base 4
     smp$w <- ifelse(cell %% 2 == 1, 2, 1)
     smp$w[cell == 2] <- ifelse(pos[cell == 2] <= 20, 1, 4)
     d <- svydesign(ids = ~1, weights = ~w, data = smp)
     w <- weights(rake(d, list(~A, ~B), list(popA, popB), control = ctl))
     show("base", w[!duplicated(paste(cell, smp$w))])
     # three margins: C = 1 for the first A/5 of each cell's units
     smp$w <- 1
     smp$C <- factor(ifelse(pos <= ns[cell] * as.numeric(smp$A) / 5, 1, 2))
     popC <- as.table(c(`1` = 600, `2` = 900)); names(dimnames(popC)) <- "C"
     d <- svydesign(ids = ~1, weights = ~w, data = smp)
     w <- weights(rake(d, list(~A, ~B, ~C), list(popA, popB, popC),
                       control = ctl))
     show("three", w[!duplicated(paste(cell, smp$C))])
     cat(R.version.string, "survey", format(packageVersion("survey")), "\n")

   The trimming reference re-implements our clamp-and-re-rake loop in R
   on top of survey's own rake(); survey::trimWeights is a different
   method (absolute bounds, the trimmed excess spread evenly over the
   untrimmed weights, no re-raking), so it is not compared.  */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/errinfo.h"
#include "stats/rake.h"
#include "tap.h"

static const double ns[12] = { 20, 50, 100, 30, 40, 140, 50, 100,
                               40, 310, 50, 70 };
static const double np[12] = { 80, 60, 170, 55, 40, 150, 60, 165,
                               55, 340, 200, 125 };

/* R's weights per cell, in cell order (A fastest); "rake" and "post"
   above.  */
static const double r_rake[12] = {
  1.81080509313689, 1.08356444400311, 2.19608909965917, 1.83322553237299,
  1.45282194482682, 0.869351543602477, 1.76193807322068, 1.47081002441546,
  2.01677550860475, 1.2068147151468, 2.44588372746069, 2.04174616553238,
};
static const double r_post[12] = {
  4, 1.2, 1.7, 1.83333333333333, 1, 1.07142857142857, 1.2, 1.65, 1.375,
  1.09677419354839, 4, 1.78571428571429,
};

/* Kalton & Flores-Cervantes (2003), table B (raking) and table A
   (post-stratification), as printed by survey's kalton.Rout.save: rows
   A1..A4, columns B1..B3.  */
static const double kfc_rake[4][3] = {
  { 1.81, 1.45, 2.02 }, { 1.08, 0.87, 1.21 },
  { 2.20, 1.76, 2.45 }, { 1.83, 1.47, 2.04 },
};
static const double kfc_post[4][3] = {
  { 4.00, 1.00, 1.38 }, { 1.20, 1.07, 1.10 },
  { 1.70, 1.20, 4.00 }, { 1.83, 1.65, 1.79 },
};

/* The Kalton data as classes of a two-margin problem (one class per
   cell, base weight 1), with room for tests to bend it.  */
struct kalton
{
  size_t cat[16][3];
  struct mn_rake_class cls[16];
  double ta[5], tb[3];
  struct mn_rake_margin m[2];
  struct mn_rake_problem p;
};

static void
kalton_init (struct kalton *k)
{
  memset (k, 0, sizeof *k);
  for (size_t i = 0; i < 12; i++)
    {
      k->cat[i][0] = i % 4;
      k->cat[i][1] = i / 4;
      k->cls[i].cat = k->cat[i];
      k->cls[i].base = 1;
      k->cls[i].count = ns[i];
      k->ta[i % 4] += np[i];
      k->tb[i / 4] += np[i];
    }
  k->m[0].ncat = 4;
  k->m[0].target = k->ta;
  k->m[1].ncat = 3;
  k->m[1].target = k->tb;
  k->p.nvar = 2;
  k->p.margin = k->m;
  k->p.nclass = 12;
  k->p.cls = k->cls;
}

/* The same data with one variable, the 12 cells, for
   post-stratification.  */
struct cells
{
  size_t cell[12];
  struct mn_rake_class cls[12];
  struct mn_rake_margin m;
  struct mn_rake_problem p;
};

static void
cells_init (struct cells *k)
{
  static const size_t ncat[2] = { 4, 3 };
  for (size_t i = 0; i < 12; i++)
    {
      size_t ab[2] = { i % 4, i / 4 };
      k->cell[i] = mn_rake_cell (2, ncat, ab);
      k->cls[i].cat = &k->cell[i];
      k->cls[i].base = 1;
      k->cls[i].count = ns[i];
    }
  k->m.ncat = 12;
  k->m.target = np;
  k->p.nvar = 1;
  k->p.margin = &k->m;
  k->p.nclass = 12;
  k->p.cls = k->cls;
}

/* The largest relative margin error of weights W on P, recomputed here
   from scratch (targets taken as given, no scaling).  */
static double
margin_error (const struct mn_rake_problem *p, const double *w)
{
  double worst = 0;
  for (size_t v = 0; v < p->nvar; v++)
    for (size_t c = 0; c < p->margin[v].ncat; c++)
      {
        double t = 0;
        for (size_t k = 0; k < p->nclass; k++)
          if (p->cls[k].cat[v] == c)
            t += w[k] * p->cls[k].count;
        double want = p->margin[v].target[c];
        double err = fabs (t - want) / want;
        if (err > worst)
          worst = err;
      }
  return worst;
}

static int
starts (const char *s, const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

/* Compare the N weights W with WANT to TOL, one check per weight.  */
static void
near_all (const double *w, const double *want, size_t n, double tol,
          const char *what)
{
  char name[128];
  for (size_t i = 0; i < n; i++)
    {
      snprintf (name, sizeof name, "%s: class %zu", what, i);
      near (w ? w[i] : NAN, want[i], tol, name);
    }
}

static void
test_kalton_rake (void)
{
  struct kalton k;
  struct mn_rake_result r;
  struct mn_error e = { 0 };
  char name[128];

  kalton_init (&k);
  int rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == 0 && r.status == MN_RAKE_OK, "rake kalton: succeeds");
  ok (r.converged && r.max_rel_err <= 1e-10, "rake kalton: converged");
  ok (r.sweeps > 1 && r.sweeps < 100, "rake kalton: sweeps in range");
  ok (r.trim_rounds == 0 && r.bounds_hold, "rake kalton: no trimming");
  ok (margin_error (&k.p, r.w) <= 1e-10, "rake kalton: margins hold");
  near (r.total, 1500, 0, "rake kalton: grand total");
  near (r.mean, 1.5, 1e-9, "rake kalton: mean weight");
  for (size_t i = 0; i < 12; i++)
    {
      snprintf (name, sizeof name, "rake kalton: table B A%zu B%zu",
                i % 4 + 1, i / 4 + 1);
      near (r.w[i], kfc_rake[i % 4][i / 4], 0.005, name);
    }
  near_all (r.w, r_rake, 12, 1e-6, "rake kalton: R");

  /* Scaling the base weights changes nothing.  */
  double w1[12];
  memcpy (w1, r.w, sizeof w1);
  mn_rake_result_release (&r);
  ok (r.w == NULL, "rake kalton: release clears w");
  for (size_t i = 0; i < 12; i++)
    k.cls[i].base = 7.5;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == 0, "rake kalton: base 7.5 succeeds");
  near_all (r.w, w1, 12, 1e-9, "rake kalton: base 7.5 same weights");
  mn_rake_result_release (&r);

  /* Starting from weights that already meet the margins: at most the
     two sweeps that show them settled, and the same weights.  */
  for (size_t i = 0; i < 12; i++)
    k.cls[i].base = w1[i];
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == 0 && r.sweeps <= 2, "rake kalton: raked base, at most 2 sweeps");
  near_all (r.w, w1, 12, 1e-12, "rake kalton: raked base unchanged");
  mn_rake_result_release (&r);

  /* Grand totals within total_tol: the second margin is scaled.  */
  kalton_init (&k);
  k.tb[2] += 720 * 1e-8;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == 0 && r.converged, "rake kalton: totals within tolerance");
  near_all (r.w, r_rake, 12, 1e-6, "rake kalton: scaled totals R");
  mn_rake_result_release (&r);
}

static void
test_kalton_post (void)
{
  struct cells k;
  struct mn_rake_result r;
  struct mn_error e = { 0 };
  char name[128];

  cells_init (&k);
  int rc = mn_poststratify (&k.p, NULL, &r, &e);
  ok (rc == 0 && r.status == MN_RAKE_OK, "post kalton: succeeds");
  ok (r.sweeps == 1, "post kalton: one sweep");
  ok (r.max_rel_err <= 1e-14, "post kalton: cells exact");
  for (size_t i = 0; i < 12; i++)
    {
      snprintf (name, sizeof name, "post kalton: table A A%zu B%zu",
                i % 4 + 1, i / 4 + 1);
      near (r.w[i], kfc_post[i % 4][i / 4], 0.005, name);
      /* target / (base * count) exactly */
      snprintf (name, sizeof name, "post kalton: cell %zu ratio", i);
      near (r.w[i], np[i] / ns[i], 1e-14, name);
    }
  near_all (r.w, r_post, 12, 1e-6, "post kalton: R");
  mn_rake_result_release (&r);

  /* Two variables are not a post-stratification problem.  */
  struct kalton k2;
  kalton_init (&k2);
  rc = mn_poststratify (&k2.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_EMPTY && r.w == NULL,
      "post: two variables refused");
  streq (e.msg, "post-stratification wants one variable (the cells), not 2",
         "post: two variables message");
  mn_rake_result_release (&r);
}

static void
test_cell (void)
{
  static const size_t ncat[3] = { 4, 3, 2 };
  static const size_t c0[3] = { 0, 0, 0 }, c1[3] = { 3, 0, 0 },
                      c2[3] = { 0, 1, 0 }, c3[3] = { 3, 2, 1 },
                      c4[3] = { 2, 1, 1 };
  ok (mn_rake_cell (3, ncat, c0) == 0, "cell: origin");
  ok (mn_rake_cell (3, ncat, c1) == 3, "cell: first variable fastest");
  ok (mn_rake_cell (3, ncat, c2) == 4, "cell: second variable");
  ok (mn_rake_cell (3, ncat, c3) == 23, "cell: last cell");
  ok (mn_rake_cell (3, ncat, c4) == 2 + 4 * (1 + 3 * 1), "cell: inner");
  ok (mn_rake_cell (1, ncat, c3) == 3, "cell: one variable");
}

/* Base weights differing between and within cells ("base" in the R
   output): 13 classes, cell 1 split into 20 units of base 1 and 30 of
   base 4.  */
static void
test_base_weights (void)
{
  static const double want[13] = {
    1.44342077163066, 0.734925467457301, 2.9397018698292, 1.89803817953876,
    1.44794003898297, 1.49634333756471, 0.761871277211851, 1.96762914890558,
    1.50102830242473, 2.15694627661998, 1.09822082498813, 2.83629449201681,
    2.16369955125771,
  };
  struct kalton k;
  kalton_init (&k);
  size_t n = 0;
  for (size_t i = 0; i < 12; i++)
    {
      k.cat[n][0] = i % 4;
      k.cat[n][1] = i / 4;
      k.cls[n].cat = k.cat[n];
      k.cls[n].base = i % 2 == 0 ? 2 : 1;
      k.cls[n].count = ns[i];
      if (i == 1)
        {
          k.cls[n].base = 1;
          k.cls[n].count = 20;
          n++;
          k.cat[n][0] = 1;
          k.cat[n][1] = 0;
          k.cls[n].cat = k.cat[n];
          k.cls[n].base = 4;
          k.cls[n].count = 30;
        }
      n++;
    }
  k.p.nclass = n;
  struct mn_rake_result r;
  struct mn_error e = { 0 };
  int rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == 0 && n == 13, "base weights: succeeds");
  near_all (r.w, want, 13, 1e-6, "base weights: R");
  near (r.w[2] / r.w[1], 4, 1e-12, "base weights: ratio kept in a cell");
  ok (margin_error (&k.p, r.w) <= 1e-10, "base weights: margins hold");
  mn_rake_result_release (&r);
}

/* Three margins ("three" in the R output): each cell split by C, with
   C = 1 for the first A/5 of its units; C's targets 600 and 900.  */
static void
test_three_margins (void)
{
  static const double want[24] = {
    1.09354750993967, 1.99011948893642, 0.726286212684137, 1.32174993154917,
    1.65374394554836, 3.00960683082528, 1.57496992175296, 2.8662479748522,
    0.877361029175641, 1.5966871737398, 0.582704649998963, 1.06044947267155,
    1.32681065694104, 2.41462919764006, 1.26360969131199, 2.29961135682862,
    1.21793330706923, 2.21648605898887, 0.808897794428685, 1.47209266229231,
    1.84184940694397, 3.35193520823564, 1.75411521483962, 3.19226996830236,
  };
  static const double tc[2] = { 600, 900 };
  size_t cat[24][3];
  struct mn_rake_class cls[24];
  double ta[4] = { 0 }, tb[3] = { 0 };
  for (size_t i = 0; i < 12; i++)
    {
      ta[i % 4] += np[i];
      tb[i / 4] += np[i];
      double c1 = ns[i] * (double) (i % 4 + 1) / 5;
      for (size_t c = 0; c < 2; c++)
        {
          size_t k = 2 * i + c;
          cat[k][0] = i % 4;
          cat[k][1] = i / 4;
          cat[k][2] = c;
          cls[k].cat = cat[k];
          cls[k].base = 1;
          cls[k].count = c == 0 ? c1 : ns[i] - c1;
        }
    }
  struct mn_rake_margin m[3] = { { 4, ta }, { 3, tb }, { 2, tc } };
  struct mn_rake_problem p = { 3, m, 24, cls };
  struct mn_rake_result r;
  struct mn_error e = { 0 };
  int rc = mn_rake (&p, NULL, &r, &e);
  ok (rc == 0 && r.converged, "three margins: succeeds");
  near_all (r.w, want, 24, 1e-6, "three margins: R");
  ok (margin_error (&p, r.w) <= 1e-10, "three margins: margins hold");
  mn_rake_result_release (&r);
}

/* One sweep is not enough: after it the B margin holds and A misses
   most at A4 (index 3), 330.9886 against 345 ("one sweep" in R).  */
static void
test_not_converged (void)
{
  struct kalton k;
  struct mn_rake_options o;
  struct mn_rake_result r;
  struct mn_error e = { 0 };

  kalton_init (&k);
  mn_rake_options_init (&o);
  o.maxit = 1;
  int rc = mn_rake (&k.p, &o, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_NOT_CONVERGED,
      "not converged: maxit 1 fails");
  ok (!r.converged && r.sweeps == 1, "not converged: one sweep");
  near (r.max_rel_err, 0.0406128679473812, 1e-9,
        "not converged: largest error (R)");
  ok (r.worst_var == 0 && r.worst_cat == 3, "not converged: at A4");
  ok (r.bad_var == 0 && r.bad_cat == 3, "not converged: bad_var/bad_cat");
  ok (r.w != NULL, "not converged: weights kept");
  ok (e.reason == MN_R_USAGE, "not converged: reason");
  streq (e.msg, "raking did not converge in 1 sweep: largest relative "
         "margin error 0.0406 (tolerance 1e-10) at variable 0 category 3, "
         "weighted total 330.9885606 against target 345",
         "not converged: message");
  mn_rake_result_release (&r);

  /* Two sweeps get closer but still fail; the plural.  */
  o.maxit = 2;
  rc = mn_rake (&k.p, &o, &r, &e);
  ok (rc == -1 && r.sweeps == 2 && r.max_rel_err < 0.0406,
      "not converged: maxit 2");
  ok (starts (e.msg, "raking did not converge in 2 sweeps: "),
      "not converged: maxit 2 message");
  mn_rake_result_release (&r);
}

/* Trimming against R's rake() in the clamp-and-re-rake loop ("trim" in
   the R output), and the properties that must hold whatever the
   reference: bounds within the slack, margins within tol.  */
static void
check_trim (double lo, double hi, const double *want, const char *what)
{
  struct kalton k;
  struct mn_rake_options o;
  struct mn_rake_result r;
  struct mn_error e = { 0 };
  char name[128];

  kalton_init (&k);
  mn_rake_options_init (&o);
  o.lo_ratio = lo;
  o.hi_ratio = hi;
  int rc = mn_rake (&k.p, &o, &r, &e);
  snprintf (name, sizeof name, "%s: succeeds", what);
  ok (rc == 0 && r.status == MN_RAKE_OK, name);
  snprintf (name, sizeof name, "%s: trimmed", what);
  ok (r.trim_rounds > 0 && r.bounds_hold && r.converged, name);
  snprintf (name, sizeof name, "%s: R", what);
  near_all (r.w, want, 12, 1e-6, name);
  snprintf (name, sizeof name, "%s: margins hold", what);
  ok (margin_error (&k.p, r.w) <= 1e-10, name);
  double mean = 0, wmin = INFINITY, wmax = 0;
  for (size_t i = 0; i < 12; i++)
    {
      mean += r.w[i] * ns[i] / 1000;
      wmin = fmin (wmin, r.w[i]);
      wmax = fmax (wmax, r.w[i]);
    }
  snprintf (name, sizeof name, "%s: mean weight", what);
  near (r.mean, mean, 1e-12, name);
  snprintf (name, sizeof name, "%s: bounds hold", what);
  ok (wmin >= lo * mean * (1 - 1e-9)
      && (hi == 0 || wmax <= hi * mean * (1 + 1e-9)), name);
  snprintf (name, sizeof name, "%s: a bound is reached", what);
  ok ((lo > 0 && fabs (wmin / (lo * mean) - 1) < 1e-8)
      || (hi > 0 && fabs (wmax / (hi * mean) - 1) < 1e-8), name);
  mn_rake_result_release (&r);
}

static void
test_trim (void)
{
  static const double both[12] = {
    1.76884547729861, 1.01232571373374, 2.25000000200292, 1.80022681890161,
    1.38600760243272, 0.899999999674581, 1.84999999431368, 1.41059696232566,
    2.10456965891795, 1.20446359470598, 2.2500000016809, 2.14190713143403,
  };
  static const double upper[12] = {
    1.74966243888351, 1.03691927589344, 2.25000000223985, 1.77202624012243,
    1.43814168608323, 0.852299736580719, 1.84999999382865, 1.45652369743938,
    2.06202709447498, 1.22203894543227, 2.25000000169227, 2.08838347217692,
  };
  static const double lower[12] = {
    1.83050222703527, 1.02650959835103, 2.21076596809639, 1.86626262440348,
    1.37639308364142, 0.97499999915493, 1.66232137994501, 1.40328207775402,
    2.08335580284095, 1.16830490387343, 2.51614668386206, 2.12405590703564,
  };
  check_trim (0.6, 1.5, both, "trim 0.6..1.5");
  check_trim (0, 1.5, upper, "trim ..1.5");
  check_trim (0.65, 0, lower, "trim 0.65..");

  /* Bounds that do not bind: nothing to do.  */
  struct kalton k;
  struct mn_rake_options o;
  struct mn_rake_result r;
  struct mn_error e = { 0 };
  kalton_init (&k);
  mn_rake_options_init (&o);
  o.lo_ratio = 0.3;
  o.hi_ratio = 3;
  int rc = mn_rake (&k.p, &o, &r, &e);
  ok (rc == 0 && r.trim_rounds == 0 && r.bounds_hold,
      "trim 0.3..3: not needed");
  near_all (r.w, r_rake, 12, 1e-6, "trim 0.3..3: raked weights");
  near (r.min_ratio, 0.869351543602477 / 1.5, 1e-9, "trim 0.3..3: min ratio");
  near (r.max_ratio, 2.44588372746069 / 1.5, 1e-9, "trim 0.3..3: max ratio");
  mn_rake_result_release (&r);

  /* Infeasible: A3's population (430) over its sample (200) puts its
     mean weight at 2.15 = 1.43 times the mean, so no weights of A3 can
     all be under 1.1 times the mean.  */
  o.lo_ratio = 0;
  o.hi_ratio = 1.1;
  o.max_trim = 50;
  rc = mn_rake (&k.p, &o, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_TRIM, "trim ..1.1: infeasible");
  ok (r.trim_rounds == 50 && !r.bounds_hold && r.w != NULL,
      "trim ..1.1: figures");
  ok (r.max_ratio > 1.1 * 1.01, "trim ..1.1: bound exceeded");
  ok (r.bad_class < 12 && r.bad_class % 4 == 2, "trim ..1.1: class in A3");
  ok (starts (e.msg, "weights not trimmed in 50 rounds: w/mean ranges "
              "from "), "trim ..1.1: message start");
  ok (strstr (e.msg, " against bounds 0 to 1.1 (slack 1e-09); largest "
              "relative margin error ") != NULL, "trim ..1.1: message bounds");
  mn_rake_result_release (&r);

  /* Post-stratification cannot trim: re-post-stratifying puts every cell
     back where it was (cells A1 B1 and A3 B3 at 4 = 2.67 times the
     mean).  */
  struct cells c;
  cells_init (&c);
  o.hi_ratio = 2;
  o.max_trim = 10;
  rc = mn_poststratify (&c.p, &o, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_TRIM, "post trim ..2: infeasible");
  near (r.max_ratio, 4 / 1.5, 1e-12, "post trim ..2: max ratio");
  ok (r.bad_class == 0, "post trim ..2: first class at 4");
  ok (strstr (e.msg, "at cell ") != NULL, "post trim ..2: names a cell");
  mn_rake_result_release (&r);
}

/* Each input error: status, indices, reason and message.  */
static void
test_errors (void)
{
  struct kalton k;
  struct mn_rake_options o;
  struct mn_rake_result r;
  struct mn_error e = { 0 };
  int rc;

  /* A sample category with no population target.  */
  kalton_init (&k);
  k.cat[3][0] = 4;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_NO_TARGET && r.w == NULL,
      "error no target: status");
  ok (r.bad_var == 0 && r.bad_cat == 4 && r.bad_class == 3,
      "error no target: indices");
  ok (e.reason == MN_R_BAD_VALUE && e.file == NULL && e.line == 0,
      "error no target: reason");
  streq (e.msg, "class 3: variable 0 category 4 has no population target "
         "(4 categories in the margin)", "error no target: message");
  mn_rake_result_release (&r);

  /* A population category with no sample.  */
  kalton_init (&k);
  k.ta[4] = 10;
  k.m[0].ncat = 5;
  k.tb[2] += 10;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_NO_SAMPLE,
      "error no sample: status");
  ok (r.bad_var == 0 && r.bad_cat == 4 && r.bad_class == SIZE_MAX,
      "error no sample: indices");
  streq (e.msg, "variable 0 category 4: population target 10 but no sample",
         "error no sample: message");
  mn_rake_result_release (&r);

  /* Grand totals disagree: 1500 against 1501.  */
  kalton_init (&k);
  k.tb[2] += 1;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_TOTALS && r.bad_var == 1,
      "error totals: status");
  streq (e.msg, "margins disagree: variable 1 totals 1501, variable 0 "
         "totals 1500 (relative difference 0.000667, tolerance 1e-06)",
         "error totals: message");
  mn_rake_result_release (&r);
  /* ... accepted, and scaled, under a looser total_tol.  */
  mn_rake_options_init (&o);
  o.total_tol = 1e-3;
  rc = mn_rake (&k.p, &o, &r, &e);
  ok (rc == 0 && r.converged, "error totals: accepted at 1e-3");
  near (r.total, 1500, 0, "error totals: first margin's total kept");
  mn_rake_result_release (&r);

  /* Targets not positive and finite.  */
  static const double bad_t[3] = { 0, -5, NAN };
  static const char *const bad_msg[3] = {
    "variable 1 category 2: population target '0' is not positive and "
    "finite",
    "variable 1 category 2: population target '-5' is not positive and "
    "finite",
    "variable 1 category 2: population target 'nan' is not positive and "
    "finite",
  };
  for (size_t i = 0; i < 3; i++)
    {
      kalton_init (&k);
      k.tb[2] = bad_t[i];
      rc = mn_rake (&k.p, NULL, &r, &e);
      ok (rc == -1 && r.status == MN_RAKE_E_TARGET && r.bad_var == 1
          && r.bad_cat == 2, "error target: status");
      streq (e.msg, bad_msg[i], "error target: message");
      mn_rake_result_release (&r);
    }
  kalton_init (&k);
  k.m[1].ncat = 0;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_TARGET, "error no categories");
  streq (e.msg, "variable 1 has no population targets",
         "error no categories: message");
  mn_rake_result_release (&r);

  /* Base weights not positive and finite.  */
  static const double bad_b[4] = { 0, -1, NAN, INFINITY };
  static const char *const bad_bmsg[4] = {
    "class 5: base weight '0' is not positive and finite",
    "class 5: base weight '-1' is not positive and finite",
    "class 5: base weight 'nan' is not positive and finite",
    "class 5: base weight 'inf' is not positive and finite",
  };
  for (size_t i = 0; i < 4; i++)
    {
      kalton_init (&k);
      k.cls[5].base = bad_b[i];
      rc = mn_rake (&k.p, NULL, &r, &e);
      ok (rc == -1 && r.status == MN_RAKE_E_BASE && r.bad_class == 5
          && e.reason == MN_R_BAD_WEIGHT, "error base: status");
      streq (e.msg, bad_bmsg[i], "error base: message");
      mn_rake_result_release (&r);
    }

  /* Class counts.  */
  kalton_init (&k);
  k.cls[0].count = 0;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_COUNT && r.bad_class == 0,
      "error count: status");
  streq (e.msg, "class 0: unit count '0' is not positive and finite",
         "error count: message");
  mn_rake_result_release (&r);

  /* Nothing to weight.  */
  kalton_init (&k);
  k.p.nclass = 0;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_EMPTY, "error no classes");
  streq (e.msg, "no sample classes to weight", "error no classes: message");
  kalton_init (&k);
  k.p.nvar = 0;
  rc = mn_rake (&k.p, NULL, &r, &e);
  ok (rc == -1 && r.status == MN_RAKE_E_EMPTY, "error no variables");
  streq (e.msg, "no margin variables", "error no variables: message");

  /* Options out of range.  */
  static const struct
  {
    double tol, lo, hi;
    unsigned maxit;
    const char *msg;
  } bad_o[] = {
    { 0, 0, 0, 100, "tolerance '0' out of range" },
    { 1e-10, 1.5, 0, 100, "lower trimming ratio '1.5' out of range" },
    { 1e-10, -0.1, 0, 100, "lower trimming ratio '-0.1' out of range" },
    { 1e-10, 0, 0.5, 100, "upper trimming ratio '0.5' out of range" },
    { 1e-10, 0, 0, 0, "sweep limit '0' out of range" },
  };
  kalton_init (&k);
  for (size_t i = 0; i < sizeof bad_o / sizeof bad_o[0]; i++)
    {
      mn_rake_options_init (&o);
      o.tol = bad_o[i].tol;
      o.lo_ratio = bad_o[i].lo;
      o.hi_ratio = bad_o[i].hi;
      o.maxit = bad_o[i].maxit;
      rc = mn_rake (&k.p, &o, &r, &e);
      ok (rc == -1 && r.status == MN_RAKE_E_OPTIONS && e.reason == MN_R_USAGE,
          "error options: status");
      streq (e.msg, bad_o[i].msg, "error options: message");
    }

  /* A NULL error record is allowed.  */
  kalton_init (&k);
  k.cls[5].base = -1;
  rc = mn_rake (&k.p, NULL, &r, NULL);
  ok (rc == -1 && r.status == MN_RAKE_E_BASE, "error: NULL record");
  o.maxit = 1;
  o.tol = 1e-10;
  o.lo_ratio = o.hi_ratio = 0;
  kalton_init (&k);
  rc = mn_rake (&k.p, &o, &r, NULL);
  ok (rc == -1 && r.status == MN_RAKE_E_NOT_CONVERGED,
      "error: NULL record, not converged");
  mn_rake_result_release (&r);
}

/* Kish diagnostics over units, against R's min, median, max, sum and
   the Kish formulas on the unit weights ("rake summary" and "post
   summary" in the R output).  The raked median falls on a class
   boundary (500 units each side) and is the mean of two class weights.  */
static void
test_summary (void)
{
  static const double want_rake[6] = {
    0.869351543602477, 1.32981832998681, 2.44588372746069, 1500,
    1.09968067900392, 909.354887371295,
  };
  static const double want_post[6] = {
    1, 1.2, 4, 1500, 1.24379561358594, 803.99061475779,
  };
  struct mn_weight_summary s;
  struct mn_error e = { 0 };

  int rc = mn_weight_summary (r_rake, ns, 12, &s, &e);
  ok (rc == 0, "summary rake: succeeds");
  near (s.n, 1000, 0, "summary rake: n");
  near (s.min, want_rake[0], 1e-9, "summary rake: min");
  near (s.median, want_rake[1], 1e-9, "summary rake: median");
  near (s.max, want_rake[2], 1e-9, "summary rake: max");
  near (s.sum, want_rake[3], 1e-9, "summary rake: sum");
  near (s.deff, want_rake[4], 1e-9, "summary rake: deff");
  near (s.neff, want_rake[5], 1e-6, "summary rake: neff");

  rc = mn_weight_summary (r_post, ns, 12, &s, &e);
  ok (rc == 0, "summary post: succeeds");
  near (s.min, want_post[0], 1e-9, "summary post: min");
  near (s.median, want_post[1], 1e-9, "summary post: median");
  near (s.max, want_post[2], 1e-9, "summary post: max");
  near (s.sum, want_post[3], 1e-9, "summary post: sum");
  near (s.deff, want_post[4], 1e-9, "summary post: deff");
  near (s.neff, want_post[5], 1e-6, "summary post: neff");

  /* By hand: units 1, 1, 2, 3 (median 1.5); 3, 1, 2 (median 2);
     sum 7, sum of squares 15, deff 4 * 15 / 49, neff 49 / 15.  */
  static const double w3[3] = { 3, 1, 2 }, c3[3] = { 1, 2, 1 };
  rc = mn_weight_summary (w3, c3, 3, &s, &e);
  ok (rc == 0, "summary hand: succeeds");
  near (s.median, 1.5, 0, "summary hand: even median");
  near (s.deff, 60.0 / 49, 1e-15, "summary hand: deff");
  near (s.neff, 49.0 / 15, 1e-15, "summary hand: neff");
  rc = mn_weight_summary (w3, NULL, 3, &s, &e);
  ok (rc == 0 && s.n == 3, "summary hand: NULL counts");
  near (s.median, 2, 0, "summary hand: odd median");
  static const double c0[3] = { 0, 2, 0 };
  rc = mn_weight_summary (w3, c0, 3, &s, &e);
  ok (rc == 0 && s.min == 1 && s.max == 1 && s.median == 1
      && s.deff == 1, "summary hand: zero counts skipped");
  static const double eq[2] = { 2, 2 };
  rc = mn_weight_summary (eq, NULL, 2, &s, &e);
  ok (rc == 0 && s.deff == 1 && s.neff == 2, "summary hand: equal weights");

  /* Errors.  */
  rc = mn_weight_summary (w3, c3, 0, &s, &e);
  ok (rc == -1, "summary error: no classes");
  streq (e.msg, "no weights to summarise", "summary error: no classes msg");
  static const double wneg[2] = { 1, -1 };
  rc = mn_weight_summary (wneg, NULL, 2, &s, &e);
  ok (rc == -1 && e.reason == MN_R_BAD_WEIGHT, "summary error: negative");
  streq (e.msg, "class 1: weight '-1' is negative or not finite",
         "summary error: negative msg");
  static const double cnan[3] = { 1, NAN, 1 };
  rc = mn_weight_summary (w3, cnan, 3, &s, &e);
  ok (rc == -1 && e.reason == MN_R_BAD_NUMBER, "summary error: NaN count");
  static const double czero[3] = { 0, 0, 0 };
  rc = mn_weight_summary (w3, czero, 3, &s, &e);
  ok (rc == -1, "summary error: no units");
  streq (e.msg, "no units with positive weight to summarise",
         "summary error: no units msg");
}

int
main (void)
{
  test_kalton_rake ();
  test_kalton_post ();
  test_cell ();
  test_base_weights ();
  test_three_margins ();
  test_not_converged ();
  test_trim ();
  test_errors ();
  test_summary ();
  return tap_done ();
}

/* test-rank.c - unit tests of lib/stats/rank.c (ranks, ties, the rank
   simulation) and lib/survey/policy.c (the policy file and the tier
   decision).

   Expected ranks and tiers are worked by hand beside each case.  The
   exact rank probabilities come from R 4.2.2 (numeric integration, not
   minyi), for three cadres with Jeffreys posteriors Beta(9.5, 1.5),
   Beta(18.5, 2.5), Beta(5.5, 0.5) (9/10, 18/20, 5/5 satisfied):

     a <- c(9.5, 18.5, 5.5); b <- c(1.5, 2.5, 0.5)
     p1 <- function(i) integrate(function(x) { d <- dbeta(x, a[i], b[i])
       for (j in setdiff(1:3, i)) d <- d * pbeta(x, a[j], b[j]); d },
       0, 1, rel.tol = 1e-12)$value
     sapply(1:3, p1)        # P(rank 1): 0.201663 0.190320 0.608017

   The simulation (100000 draws) must be within 0.006 of them: about
   four Monte Carlo standard errors (sqrt(.25/1e5) = 0.0016).  */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "stats/rank.h"
#include "survey/policy.h"
#include "tap.h"

static void
test_ties (void)
{
  /* 0.9, 0.8, 0.8, 0.7, NaN: competition 1 2 2 4 -, dense 1 2 2 3 -.  */
  double x[] = { 0.8, 0.9, NAN, 0.7, 0.8 };
  size_t r[5];
  ok (mn_rank_values (x, 5, false, r) == 4, "four values ranked");
  ok (r[0] == 2 && r[1] == 1 && r[2] == 0 && r[3] == 4 && r[4] == 2,
      "competition ranks 1224, NaN unranked");
  mn_rank_values (x, 5, true, r);
  ok (r[0] == 2 && r[1] == 1 && r[2] == 0 && r[3] == 3 && r[4] == 2,
      "dense ranks 1223");
  double y[] = { 0.5, 0.5, 0.5 };
  mn_rank_values (y, 3, false, r);
  ok (r[0] == 1 && r[1] == 1 && r[2] == 1, "all tied: all rank 1");
}

static void
test_targets (void)
{
  unsigned long t[3];
  mn_ranksim_targets (10000, t);
  ok (t[0] == 250 && t[1] == 5000 && t[2] == 9750, "targets of 10000 draws");
  mn_ranksim_targets (1, t);
  ok (t[0] == 1 && t[1] == 1 && t[2] == 1, "targets of one draw");
  mn_ranksim_targets (41, t);
  ok (t[0] == 2 && t[1] == 21 && t[2] == 40, "targets of 41 draws");
}

static void
test_exact_three (void)
{
  double a[] = { 9.5, 18.5, 5.5 }, b[] = { 1.5, 2.5, 0.5 };
  size_t start[] = { 0, 3 }, cut[] = { 1 };
  struct mn_ranksim s = { .n = 3, .a = a, .b = b, .nstrata = 1,
                          .start = start, .draws = 100000, .seed = 1,
                          .ntop = 1, .cut = cut };
  struct mn_rankdist d[3];
  double p[3], want[] = { 0.201663, 0.190320, 0.608017 };
  struct mn_error e;
  ok (mn_ranksim_run (&s, d, p, &e) == 0, "three cadres simulated");
  for (int i = 0; i < 3; i++)
    near (p[i], want[i], 0.006, "P(rank 1) within 0.006 of R's integral");
  double q[3];
  struct mn_rankdist d2[3];
  mn_ranksim_run (&s, d2, q, &e);
  ok (memcmp (p, q, sizeof p) == 0 && memcmp (d, d2, sizeof d) == 0,
      "same seed, same figures");
}

/* The two passes give the quantiles one pass with every rank counted
   would: compare a 3000-item run (bins wider than 1) with the ranks
   counted directly from the same draws.  */
static void
test_two_pass (void)
{
  enum { N = 3000, D = 40 };
  double *a = calloc (N, sizeof *a), *b = calloc (N, sizeof *b);
  for (size_t i = 0; i < N; i++)
    {
      a[i] = 5 + (double) (i % 97);
      b[i] = 3 + (double) (i % 13);
    }
  size_t start[] = { 0, N };
  struct mn_ranksim s = { .n = N, .a = a, .b = b, .nstrata = 1,
                          .start = start, .draws = D, .seed = 7 };
  struct mn_rankdist *d = calloc (N, sizeof *d);
  struct mn_error e;
  ok (mn_ranksim_run (&s, d, NULL, &e) == 0, "3000 items, two passes");
  /* The same draws by hand.  */
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 7);
  unsigned *rk = calloc ((size_t) N * D, sizeof *rk);
  double *v = calloc (N, sizeof *v);
  size_t *r = calloc (N, sizeof *r);
  for (int k = 0; k < D; k++)
    {
      for (size_t i = 0; i < N; i++)
        v[i] = gsl_ran_beta (rng, a[i], b[i]);
      mn_rank_values (v, N, false, r);
      for (size_t i = 0; i < N; i++)
        rk[i * D + k] = (unsigned) r[i];
    }
  unsigned long t[3];
  mn_ranksim_targets (D, t);
  size_t bad = 0;
  for (size_t i = 0; i < N; i++)
    {
      /* The quantile: the t-th smallest rank.  */
      unsigned *x = rk + i * D;
      for (int p = 1; p < D; p++)
        for (int q = p; q > 0 && x[q - 1] > x[q]; q--)
          {
            unsigned tmp = x[q];
            x[q] = x[q - 1];
            x[q - 1] = tmp;
          }
      bad += d[i].lo != x[t[0] - 1] || d[i].median != x[t[1] - 1]
             || d[i].hi != x[t[2] - 1];
    }
  ok (bad == 0, "two-pass quantiles equal those of every rank kept");
  gsl_rng_free (rng);
  free (a); free (b); free (d); free (rk); free (v); free (r);
}

/* Coverage: 40 cadres with known rates 0.60 .. 0.99, 60 answers each,
   200 surveys.  The 95 % rank interval from Jeffreys posteriors should
   hold the true rank about 95 % of the time; 0.92 .. 0.985 over 8000
   intervals is about +-5 binomial standard errors (0.0024) around 0.95,
   wide enough not to fail by chance, narrow enough that intervals
   wrongly centred or too wide or narrow fail; and the intervals must be
   informative (mean width under half the ranks).  */
static void
test_coverage (void)
{
  enum { M = 40, REP = 200, NANS = 60 };
  double p[M], a[M], b[M], x[M];
  size_t truth[M], start[] = { 0, M };
  for (int i = 0; i < M; i++)
    p[i] = 0.60 + 0.01 * i;
  mn_rank_values (p, M, false, truth);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, 12345);
  size_t hit = 0, total = 0;
  double width = 0;
  for (int rep = 0; rep < REP; rep++)
    {
      for (int i = 0; i < M; i++)
        {
          x[i] = gsl_ran_binomial (rng, p[i], NANS);
          a[i] = x[i] + 0.5;
          b[i] = NANS - x[i] + 0.5;
        }
      struct mn_ranksim s = { .n = M, .a = a, .b = b, .nstrata = 1,
                              .start = start, .draws = 1000,
                              .seed = (unsigned long) rep + 1 };
      struct mn_rankdist d[M];
      struct mn_error e;
      mn_ranksim_run (&s, d, NULL, &e);
      for (int i = 0; i < M; i++)
        {
          hit += d[i].lo <= truth[i] && truth[i] <= d[i].hi;
          width += (double) (d[i].hi - d[i].lo);
          total++;
        }
    }
  double cov = (double) hit / (double) total;
  printf ("# coverage %.4f, mean width %.2f ranks\n", cov,
          width / (double) total);
  ok (cov > 0.92 && cov < 0.985, "95% rank intervals cover the true rank");
  ok (width / (double) total < M / 2.0, "and are informative");
  gsl_rng_free (rng);
}

static int
load (struct mn_policy *p, const char *text, struct mn_error *e)
{
  static char path[] = "/tmp/minyi-policy-XXXXXX";
  strcpy (path + sizeof path - 7, "XXXXXX");
  int fd = mkstemp (path);
  FILE *f = fdopen (fd, "w");
  fputs (text, f);
  fclose (f);
  int rc = mn_policy_load (p, path, NULL, e);
  remove (path);
  return rc;
}

static void
test_policy (void)
{
  struct mn_policy p;
  struct mn_error e;
  const char *hdr = "rule,tier,stat,op,threshold,min_n,max_share\n";
  char buf[1024];
  snprintf (buf, sizeof buf, "%s%s", hdr,
            "veto,D,dissat,>=,1/3,,\n"
            "tier,A,rate,>=,0.9,10,30%\n"
            "tier,B,rate,>=,0.8,10,\n"
            "tier,C,,,,,\n");
  ok (load (&p, buf, &e) == 0 && p.n == 4, "policy read");
  near (p.rule[0].threshold, 1.0 / 3, 0, "1/3 is a third exactly");
  near (p.rule[1].max_share, 0.3, 1e-15, "30% is 0.3");
  /* Eight cadres: rates, answers.  Cap of A: floor (0.3 * 7 ranked) = 2.
       0 rate .95 n 40  rank 1  -> A
       1 rate .95 n 40  rank 1  -> A (tied with 0: both fit the cap)
       2 rate .92 n 40  rank 3  -> capped at A -> B
       3 rate .91 n 5   rank 4  -> meets A with n < 10: insufficient
       4 rate .85 n 40  rank 5  -> B
       5 rate .60 n 40  rank 6  -> veto D (dissat .4 >= 1/3)
       6 rate .75 n 40  rank 7  -> C
       7 no data        unranked -> no veto (unknown), insufficient
                                    at A (unknown)  */
  double rate[] = { .95, .95, .92, .91, .85, .60, .75, NAN };
  double n[] = { 40, 40, 40, 5, 40, 40, 40, 0 };
  size_t rank[8];
  size_t ranked = mn_rank_values (rate, 8, false, rank);
  double v[4 * 8];
  for (int i = 0; i < 8; i++)
    {
      v[0 * 8 + i] = 1 - rate[i];
      v[1 * 8 + i] = v[2 * 8 + i] = rate[i];
      v[3 * 8 + i] = NAN;
    }
  struct mn_tiering t[8];
  mn_policy_decide (&p, 8, v, n, rank, ranked, t);
  long want[] = { 1, 1, 2, 1, 2, 0, 3, 1 };
  bool insuf[] = { 0, 0, 0, 1, 0, 0, 0, 1 };
  int good = 1;
  for (int i = 0; i < 8; i++)
    good &= t[i].rule == want[i] && t[i].insufficient == insuf[i];
  for (int i = 0; i < 8 && !good; i++)
    printf ("# %d: rule %ld insufficient %d\n", i, t[i].rule, t[i].insufficient);
  ok (good, "tiers: cap by rank, tie kept together, veto, min_n");
  ok (t[2].capped == 2, "the capped cadre says so");
  /* Unknown figure: cadre 7's dissat is NaN, so no veto; A is unknown.  */
  v[1 * 8 + 7] = NAN;
  mn_policy_decide (&p, 8, v, n, rank, ranked, t);
  ok (t[7].rule == 1 && t[7].insufficient, "no data: insufficient at A");
  /* A tie group that would overflow the cap is left out whole.  */
  double r3[] = { .95, .95, .95, .5 };
  double n3[] = { 40, 40, 40, 40 };
  double v3[16];
  for (int i = 0; i < 4; i++)
    {
      v3[i] = 0;
      v3[4 + i] = v3[8 + i] = r3[i];
      v3[12 + i] = NAN;
    }
  size_t rk3[4];
  mn_rank_values (r3, 4, false, rk3);
  struct mn_tiering t3[4];
  mn_policy_decide (&p, 4, v3, n3, rk3, 4, t3);
  ok (t3[0].rule == 2 && t3[1].rule == 2 && t3[2].rule == 2,
      "three tied for a cap of one: none admitted, never by input order");
  mn_policy_release (&p);

  snprintf (buf, sizeof buf, "%s%s", hdr, "tier,A,rate,=>,0.9,,\ntier,C,,,,,\n");
  ok (load (&p, buf, &e) < 0 && e.line == 2
      && strstr (e.msg, "op '=>'") != NULL, "bad op: its line");
  snprintf (buf, sizeof buf, "%s%s", hdr, "tier,A,rate,>=,0.9,,\n");
  ok (load (&p, buf, &e) < 0 && strstr (e.msg, "last rule") != NULL,
      "no catch-all tier refused");
  snprintf (buf, sizeof buf, "%s%s", hdr,
            "tier,A,rate,>=,0.9,,\nveto,D,dissat,>=,1/3,,\ntier,C,,,,,\n");
  ok (load (&p, buf, &e) < 0 && e.line == 3, "veto after a tier: line 3");
  snprintf (buf, sizeof buf, "%s%s", hdr,
            "tier,A,P(rate>=1.5),>=,0.9,,\ntier,C,,,,,\n");
  ok (load (&p, buf, &e) < 0 && e.line == 2, "P(rate>=1.5) refused");
  snprintf (buf, sizeof buf, "%s%s", hdr,
            "tier,A,P(rate>=0.9),>=,0.8,,120%\ntier,C,,,,,\n");
  ok (load (&p, buf, &e) < 0 && strstr (e.msg, "max_share") != NULL,
      "a share over 100% refused");
  snprintf (buf, sizeof buf, "%s%s", hdr,
            "tier,A,P(rate>=0.9),>=,0.8,,\ntier,C,,,,,\n");
  ok (load (&p, buf, &e) == 0 && p.rule[0].stat == MN_PS_PROB_GE
      && p.rule[0].t == 0.9, "P(rate>=0.9) read");
  mn_policy_release (&p);
}

int
main (void)
{
  test_ties ();
  test_targets ();
  test_exact_three ();
  test_two_pass ();
  test_coverage ();
  test_policy ();
  return tap_done ();
}

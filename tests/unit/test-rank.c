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

#include "stats/betadraw.h"
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

/* The passes give the quantiles one pass with every rank counted
   would: compare runs of N items (bins wider than 1: two passes for
   3000 items, three or more for 30000, which the old design refused) with the
   ranks counted directly from the same draws, made here block by block
   from the documented seeds (rank.h).  Threads do not change a byte.  */
static void
check_passes (size_t n, unsigned long draws, unsigned want_passes)
{
  double *a = calloc (n, sizeof *a), *b = calloc (n, sizeof *b);
  for (size_t i = 0; i < n; i++)
    {
      a[i] = 5 + (double) (i % 97);
      b[i] = 3 + (double) (i % 13);
    }
  size_t start[] = { 0, n }, cut[] = { 10 };
  unsigned passes;
  struct mn_ranksim s = { .n = n, .a = a, .b = b, .nstrata = 1,
                          .start = start, .draws = draws, .seed = 7,
                          .ntop = 1, .cut = cut, .threads = 1,
                          .passes = &passes };
  struct mn_rankdist *d = calloc (n, sizeof *d), *d3 = calloc (n, sizeof *d3);
  double *pt = calloc (n, sizeof *pt), *pt3 = calloc (n, sizeof *pt3);
  struct mn_error e;
  char name[80];
  int rc = mn_ranksim_run (&s, d, pt, &e);
  snprintf (name, sizeof name, "%zu items: %u passes, %u or more wanted", n,
            passes, want_passes);
  ok (rc == 0 && passes >= want_passes && (want_passes > 1 || passes == 1),
      name);
  s.threads = 3;
  mn_ranksim_run (&s, d3, pt3, &e);
  ok (memcmp (d, d3, n * sizeof *d) == 0
      && memcmp (pt, pt3, n * sizeof *pt) == 0,
      "1 thread or 3: the same figures");
  /* The same draws by hand.  */
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_taus2);
  struct mn_betadraw *bd = calloc (n, sizeof *bd);
  for (size_t i = 0; i < n; i++)
    mn_betadraw_init (&bd[i], a[i], b[i]);
  unsigned *rk = calloc (n * draws, sizeof *rk);
  double *v = calloc (n, sizeof *v);
  size_t *r = calloc (n, sizeof *r), top_bad = 0, bad = 0;
  for (unsigned long k = 0; k < draws; k++)
    {
      if (k % MN_RANKSIM_BLOCK == 0)
        gsl_rng_set (rng, mn_ranksim_block_seed (7, k / MN_RANKSIM_BLOCK));
      mn_ranksim_draw (&s, bd, rng, v);
      mn_rank_values (v, n, false, r);
      for (size_t i = 0; i < n; i++)
        rk[i * draws + k] = (unsigned) r[i];
    }
  unsigned long t[3];
  mn_ranksim_targets (draws, t);
  for (size_t i = 0; i < n; i++)
    {
      /* The quantile: the t-th smallest rank.  */
      unsigned *x = rk + i * draws;
      size_t top = 0;
      for (unsigned long p = 0; p < draws; p++)
        top += x[p] <= 10;
      top_bad += pt[i] != (double) top / (double) draws;
      for (unsigned long p = 1; p < draws; p++)
        for (unsigned long q = p; q > 0 && x[q - 1] > x[q]; q--)
          {
            unsigned tmp = x[q];
            x[q] = x[q - 1];
            x[q - 1] = tmp;
          }
      bad += d[i].lo != x[t[0] - 1] || d[i].median != x[t[1] - 1]
             || d[i].hi != x[t[2] - 1];
    }
  ok (bad == 0, "the passes' quantiles equal those of every rank kept");
  ok (top_bad == 0, "P(top 10) counted from every draw");
  gsl_rng_free (rng);
  free (a); free (b); free (d); free (d3); free (pt); free (pt3);
  free (bd); free (rk); free (v); free (r);
}

static void
test_passes (void)
{
  check_passes (1000, 70, 1);
  check_passes (3000, 40, 2);
  check_passes (30000, 9, 3);
}

/* The Beta sampler against R's quantiles: 10^5 draws of each Beta (a,
   b) fall into the 26 intervals cut by R's qbeta at the probabilities
   P below; a chi-square test of their counts against 10^5 times each
   interval's probability, refused beyond qchisq (0.999, 25) = 52.62.
   Shapes below 1, above 1 and large; the tail intervals (0.1 %, 1 %)
   catch a sampler wrong in the tails.  By R 4.2.2:

     p <- c(0.001, 0.01, 0.025, seq(0.05, 0.95, 0.05), 0.975, 0.99, 0.999)
     qbeta(p, a, b)                       # the rows below
     qchisq(0.999, length(p))             # 52.619655776172834  */
static void
test_betadraw (void)
{
  static const double p[25] = { 0.001, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2,
    0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8,
    0.85, 0.9, 0.95, 0.975, 0.99, 0.999 };
  static const struct
  {
    double a, b, q[25];
  } c[] = {
{ 0.5, 0.5, { 2.4673990709169446e-06, 0.00024671981713422151, 0.0015413331334360124, 0.0061558297024311365, 0.024471741852423217, 0.054496737905816092, 0.095491502812526302, 0.14644660940672624, 0.20610737385376351, 0.27300475013022679, 0.34549150281252655, 0.42178276747988502, 0.49999999999999989, 0.57821723252011514, 0.6545084971874735, 0.72699524986977349, 0.79389262614623646, 0.85355339059327384, 0.90450849718747373, 0.945503262094184, 0.97552825814757682, 0.99384417029756889, 0.99845866686656404, 0.9997532801828658, 0.99999753260092905 } },
  { 0.05, 0.8, { 1.4509663582108682e-60, 1.450966358210862e-40, 1.3196462152435416e-32, 1.3837493497952119e-26, 1.4509663582108629e-20, 4.8248356477598372e-17, 1.5214485000273056e-14, 1.3196462152432039e-12, 5.059206864136629e-11, 1.1041249658478618e-09, 1.5953543775167236e-08, 1.6823161134914281e-07, 1.3837489850785785e-06, 9.3091571738212113e-06, 5.3049092917601171e-05, 0.00026296788945502647, 0.0011575036200655922, 0.0045972887314934298, 0.016675184535382977, 0.055635738188160817, 0.17045581628481266, 0.4679062772063739, 0.72412940838920614, 0.90187343818534527, 0.99419343342400879 } },
  { 0.3, 2.5, { 3.2174935514953157e-11, 6.9318802764722411e-08, 1.4700037772333059e-06, 1.4816937802663783e-05, 0.00014936856273079649, 0.00057735713805264681, 0.0015079027405175214, 0.0031786598987301341, 0.0058549480325227618, 0.0098327112809509197, 0.01544523378753548, 0.023074404887294599, 0.033168230983346141, 0.046267702906211183, 0.063048697048817104, 0.084389683575821328, 0.11148697124496554, 0.14606513268761478, 0.19079948687161641, 0.25028591454771587, 0.33377563893596274, 0.46640343910253002, 0.57983574181445907, 0.69863652666138853, 0.87475900191076195 } },
  { 5.5, 0.5, { 0.35846048283476079, 0.53278997507925763, 0.62062285770096071, 0.69425441531105048, 0.77327547137090724, 0.82120554401577983, 0.85543583612519614, 0.88176962771394773, 0.90289613461140805, 0.92029093293662678, 0.93485324382757229, 0.94717166678956954, 0.95765176947292741, 0.96658378024608715, 0.97418128124332493, 0.98060463361402639, 0.98597581202730045, 0.99038813328810216, 0.99391280409842719, 0.9966034008728486, 0.99849894800315897, 0.99962600297216231, 0.99990657939996042, 0.99998505622251399, 0.99999985056885743 } },
  { 2, 3, { 0.013022947370814275, 0.041998635621700718, 0.067585986488542957, 0.097611462886414355, 0.14255931671003075, 0.17938436451252385, 0.21231712827795124, 0.24302208375607631, 0.2723839420751053, 0.30096350001894906, 0.32916650337840786, 0.35732216844687009, 0.38572756813238951, 0.41467888894838811, 0.4445000020837675, 0.47557637637639527, 0.50840475487258452, 0.54367828541908048, 0.58245357452433333, 0.62653216150246505, 0.67953941627818182, 0.75139537426981839, 0.80587955031675662, 0.85913245730545407, 0.9359618608971666 } },
  { 18.5, 2.5, { 0.58619929853382169, 0.67531074182001627, 0.71614674269574752, 0.74977332154136189, 0.78644347862666031, 0.80973071793858498, 0.82732276839551222, 0.84173196651429705, 0.85411325430986618, 0.86510119945283814, 0.87508712314687087, 0.88433396224182248, 0.89303161628796357, 0.90132700844424729, 0.90934248810225693, 0.91718899089961725, 0.92497784752780954, 0.9328349871232664, 0.94092386929282867, 0.94949333726085927, 0.95900730236904486, 0.97066576120051218, 0.97862751197752518, 0.9856967424786206, 0.99455150593000452 } },
  { 180.5, 20.5, { 0.82143793264591813, 0.84290259053896199, 0.85270138483466951, 0.86086320148689488, 0.86996245038906017, 0.87591087077775542, 0.88052764989951804, 0.88440965327213195, 0.88783348458080769, 0.89095331334745476, 0.89386655528592951, 0.89664131490214194, 0.89932989794289953, 0.90197655990977299, 0.90462285960534028, 0.90731242081925267, 0.91009661444098655, 0.91304338702790422, 0.91625415256850395, 0.9199028699025924, 0.9243505758805266, 0.93065036255648315, 0.93583358385157678, 0.94153542200492446, 0.95232178602320228 } },
  { 1000.5, 50.5, { 0.92913940030393483, 0.93536863598420072, 0.93823481162428313, 0.94063695174594597, 0.94333439510544537, 0.94511084481283092, 0.94649777439721983, 0.9476700743119203, 0.94870904136621015, 0.94966016965153344, 0.95055237333792397, 0.95140604043876997, 0.95223702056635984, 0.95305893981666212, 0.95388483889802944, 0.95472868247451559, 0.95560722430482836, 0.95654297508459063, 0.95756995717854354, 0.95874712521935734, 0.96019796724823991, 0.962286612067206, 0.96403897769331481, 0.96600797786022508, 0.96987982888531821 } },
  };
  enum { N = 100000 };
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_taus2);
  gsl_rng_set (rng, 2026);
  for (size_t k = 0; k < sizeof c / sizeof *c; k++)
    {
      struct mn_betadraw g;
      mn_betadraw_init (&g, c[k].a, c[k].b);
      unsigned long n[26] = { 0 };
      for (int i = 0; i < N; i++)
        {
          double x = mn_betadraw (&g, rng);
          int j = 0;
          while (j < 25 && x > c[k].q[j])
            j++;
          n[j]++;
        }
      double chi2 = 0;
      for (int j = 0; j < 26; j++)
        {
          double pj = (j < 25 ? p[j] : 1) - (j > 0 ? p[j - 1] : 0);
          double want = N * pj;
          chi2 += ((double) n[j] - want) * ((double) n[j] - want) / want;
        }
      char name[80];
      snprintf (name, sizeof name, "Beta(%g, %g) draws follow R's qbeta "
                "(chi-square %.1f)", c[k].a, c[k].b, chi2);
      ok (chi2 < 52.619655776172834, name);
    }
  gsl_rng_free (rng);
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
  test_passes ();
  test_betadraw ();
  test_coverage ();
  test_policy ();
  return tap_done ();
}

/* test-funnel.c - unit tests of lib/stats/funnel.c: exact funnel limits
   (Spiegelhalter 2005, Stat Med 24:1185, appendix A.1.1), z-scores and
   positions, the winsorised over-dispersion phi, its chi-square test, the
   DerSimonian-Laird tau2, inflated limits and the limits curve.

   Every expected number comes from R, never from the code under test:
   R 4.2.2 (Debian r-base-core 4.2.2.20221110-2), by the script saved
   beside this file,

     Rscript tests/unit/funnel-ref.R > funnel-ref.out

   whose output is pasted below, each table under its comment line.  R is not needed to run the tests.  The
   script computes the limits from qbinom / pbinom (checking r_p against
   its definition, since qbinom has a fuzz), the non-integral n from
   pbeta, and writes the type 7 percentiles, the winsorisation and the
   DerSimonian-Laird estimator out by hand (the percentiles checked
   against quantile (type = 7)); the chi-square tails are pchisq's.
   Note that R's pbinom is itself pbeta underneath (TOMS 708), so the
   line "pbeta form vs pbinom form" only shows the script consistent;
   the independence is from minyi's own continued fraction (quantile.c).

   Tolerances: the limits 1e-9 relative (quantile.c's incomplete beta is
   good to about that, test-quantile.c), with an expected 0 or 1 (a
   clamped limit) exact; the over-dispersion figures and the inflated
   limits, plain arithmetic on the same inputs, 1e-12 relative; the
   chi-square p-value (GSL's incomplete gamma against R's) 1e-9
   relative.  */
#include "tap.h"

#include <float.h>
#include <math.h>
#include <stdio.h>

#include "stats/funnel.h"

/* |got - want| <= tol * |want|; an expected 0 or 1 must be exact.  */
static void
rel (double got, double want, double tol, const char *name)
{
  int good = (want == 0 || want == 1) ? got == want
             : fabs (got - want) <= tol * fabs (want);
  tap_report (good, name, "got %.17g, want %.17g (rel tol %g)", got, want,
              tol);
}

/* p0, n, p; exact interpolated limit.  */
static const double exact_grid[][4] = {
  { 0.0001, 5, 0.001, 0 },
  { 0.0001, 5, 0.025000000000000001, 0 },
  { 0.0001, 5, 0.97499999999999998, 0.19509752925682622 },
  { 0.0001, 5, 0.999, 0.19989992997699435 },
  { 0.0001, 20, 0.001, 0 },
  { 0.0001, 20, 0.025000000000000001, 0 },
  { 0.0001, 20, 0.97499999999999998, 0.04884760245011821 },
  { 0.0001, 20, 0.999, 0.074999985735024866 },
  { 0.0001, 100, 0.001, 0 },
  { 0.0001, 100, 0.025000000000000001, 0 },
  { 0.0001, 100, 0.97499999999999998, 0.0098479940533947596 },
  { 0.0001, 100, 0.999, 0.019039717408758428 },
  { 0.0001, 1000, 0.001, 0 },
  { 0.0001, 1000, 0.025000000000000001, 0 },
  { 0.0001, 1000, 0.97499999999999998, 0.0017753927850133744 },
  { 0.0001, 1000, 0.999, 0.0028129038348946311 },
  { 0.0001, 1000000, 0.001, 7.0066374653782475e-05 },
  { 0.0001, 1000000, 0.025000000000000001, 8.0367198509405472e-05 },
  { 0.0001, 1000000, 0.97499999999999998, 0.00012057983604818467 },
  { 0.0001, 1000000, 0.999, 0.00013280306285712307 },
  { 0.0001, 10000000, 0.001, 9.0321524071545429e-05 },
  { 0.0001, 10000000, 0.025000000000000001, 9.380021076425993e-05 },
  { 0.0001, 10000000, 0.97499999999999998, 0.00010629464919698073 },
  { 0.0001, 10000000, 0.999, 0.0001099637249503127 },
  { 0.5, 5, 0.001, 0 },
  { 0.5, 5, 0.025000000000000001, 0 },
  { 0.5, 5, 0.97499999999999998, 1 },
  { 0.5, 5, 0.999, 1 },
  { 0.5, 20, 0.001, 0.13673578947368417 },
  { 0.5, 20, 0.025000000000000001, 0.25582352941176467 },
  { 0.5, 20, 0.97499999999999998, 0.74417647058823522 },
  { 0.5, 20, 0.999, 0.86326421052631575 },
  { 0.5, 100, 0.001, 0.34121588372250117 },
  { 0.5, 100, 0.025000000000000001, 0.39682404172600699 },
  { 0.5, 100, 0.97499999999999998, 0.60317595827399306 },
  { 0.5, 100, 0.999, 0.65878411627749878 },
  { 0.5, 1000, 0.001, 0.45065219599633383 },
  { 0.5, 1000, 0.025000000000000001, 0.46850209519774988 },
  { 0.5, 1000, 0.97499999999999998, 0.53149790480225012 },
  { 0.5, 1000, 0.999, 0.54934780400366612 },
  { 0.5, 1000000, 0.001, 0.49845438421630917 },
  { 0.5, 1000000, 0.025000000000000001, 0.49901951775042153 },
  { 0.5, 1000000, 0.97499999999999998, 0.50098048224957847 },
  { 0.5, 1000000, 0.999, 0.50154561578369083 },
  { 0.5, 10000000, 0.001, 0.49951134138177822 },
  { 0.5, 10000000, 0.025000000000000001, 0.49969005247572912 },
  { 0.5, 10000000, 0.97499999999999998, 0.50030994752427094 },
  { 0.5, 10000000, 0.999, 0.50048865861822178 },
  { 0.80000000000000004, 5, 0.001, 0.021250000000000012 },
  { 0.80000000000000004, 5, 0.025000000000000001, 0.27140625000000007 },
  { 0.80000000000000004, 5, 0.97499999999999998, 1 },
  { 0.80000000000000004, 5, 0.999, 1 },
  { 0.80000000000000004, 20, 0.001, 0.46074587371573017 },
  { 0.80000000000000004, 20, 0.025000000000000001, 0.58388452054902695 },
  { 0.80000000000000004, 20, 0.97499999999999998, 0.98831595655028992 },
  { 0.80000000000000004, 20, 0.999, 1 },
  { 0.80000000000000004, 100, 0.001, 0.6632341484833576 },
  { 0.80000000000000004, 100, 0.025000000000000001, 0.71352391496640821 },
  { 0.80000000000000004, 100, 0.97499999999999998, 0.88025776728493121 },
  { 0.80000000000000004, 100, 0.999, 0.91902174743540055 },
  { 0.80000000000000004, 1000, 0.001, 0.75956835750553353 },
  { 0.80000000000000004, 1000, 0.025000000000000001, 0.77441566746014212 },
  { 0.80000000000000004, 1000, 0.97499999999999998, 0.8249972058136783 },
  { 0.80000000000000004, 1000, 0.999, 0.83871684494247234 },
  { 0.80000000000000004, 1000000, 0.001, 0.79876255249564376 },
  { 0.80000000000000004, 1000000, 0.025000000000000001, 0.79921523015471796 },
  { 0.80000000000000004, 1000000, 0.97499999999999998, 0.80078420151311924 },
  { 0.80000000000000004, 1000000, 0.999, 0.80123573739033926 },
  { 0.80000000000000004, 10000000, 0.001, 0.79960897762192251 },
  { 0.80000000000000004, 10000000, 0.025000000000000001, 0.79975200358020848 },
  { 0.80000000000000004, 10000000, 0.97499999999999998, 0.80024793960646934 },
  { 0.80000000000000004, 10000000, 0.999, 0.80039085139665878 },
  { 0.94999999999999996, 5, 0.001, 0.37196675900276954 },
  { 0.94999999999999996, 5, 0.025000000000000001, 0.60236462273923608 },
  { 0.94999999999999996, 5, 0.97499999999999998, 1 },
  { 0.94999999999999996, 5, 0.999, 1 },
  { 0.94999999999999996, 20, 0.001, 0.71494012134756757 },
  { 0.94999999999999996, 20, 0.025000000000000001, 0.80763523498309586 },
  { 0.94999999999999996, 20, 0.97499999999999998, 1 },
  { 0.94999999999999996, 20, 0.999, 1 },
  { 0.94999999999999996, 100, 0.001, 0.86536150456202976 },
  { 0.94999999999999996, 100, 0.025000000000000001, 0.89809265597612498 },
  { 0.94999999999999996, 100, 0.97499999999999998, 0.9938770685639281 },
  { 0.94999999999999996, 100, 0.999, 1 },
  { 0.94999999999999996, 1000, 0.001, 0.9269833203762643 },
  { 0.94999999999999996, 1000, 0.025000000000000001, 0.93555350677692373 },
  { 0.94999999999999996, 1000, 0.97499999999999998, 0.96359565231787569 },
  { 0.94999999999999996, 1000, 0.999, 0.97049665262692142 },
  { 0.94999999999999996, 1000000, 0.001, 0.9493247179397607 },
  { 0.94999999999999996, 1000000, 0.025000000000000001, 0.94957190985752615 },
  { 0.94999999999999996, 1000000, 0.97499999999999998, 0.95042723815130159 },
  { 0.94999999999999996, 1000000, 0.999, 0.95067271720249769 },
  { 0.94999999999999996, 10000000, 0.001, 0.94978684221186893 },
  { 0.94999999999999996, 10000000, 0.025000000000000001, 0.94986482617694568 },
  { 0.94999999999999996, 10000000, 0.97499999999999998, 0.95013508856620932 },
  { 0.94999999999999996, 10000000, 0.999, 0.95021290125003843 },
  { 0.98999999999999999, 5, 0.001, 0.60008265868187394 },
  { 0.98999999999999999, 5, 0.025000000000000001, 0.70002061282765471 },
  { 0.98999999999999999, 5, 0.97499999999999998, 1 },
  { 0.98999999999999999, 5, 0.999, 1 },
  { 0.98999999999999999, 20, 0.001, 0.84981392639586351 },
  { 0.98999999999999999, 20, 0.025000000000000001, 0.90246337797438803 },
  { 0.98999999999999999, 20, 0.97499999999999998, 1 },
  { 0.98999999999999999, 20, 0.999, 1 },
  { 0.98999999999999999, 100, 0.001, 0.94160627926113061 },
  { 0.98999999999999999, 100, 0.025000000000000001, 0.96108623838828511 },
  { 0.98999999999999999, 100, 0.97499999999999998, 1 },
  { 0.98999999999999999, 100, 0.999, 1 },
  { 0.98999999999999999, 1000, 0.001, 0.97841220886722369 },
  { 0.98999999999999999, 1000, 0.025000000000000001, 0.98288923513633952 },
  { 0.98999999999999999, 1000, 0.97499999999999998, 0.99619804719329985 },
  { 0.98999999999999999, 1000, 0.999, 0.99876331310994937 },
  { 0.98999999999999999, 1000000, 0.001, 0.98969063073227603 },
  { 0.98999999999999999, 1000000, 0.025000000000000001, 0.98980402329115325 },
  { 0.98999999999999999, 1000000, 0.97499999999999998, 0.990195048718019 },
  { 0.98999999999999999, 1000000, 0.999, 0.99030657659538257 },
  { 0.98999999999999999, 10000000, 0.001, 0.98990257854346797 },
  { 0.98999999999999999, 10000000, 0.025000000000000001, 0.98993823474182241 },
  { 0.98999999999999999, 10000000, 0.97499999999999998, 0.9900616724288468 },
  { 0.98999999999999999, 10000000, 0.999, 0.99009714220859457 },
  { 0.99990000000000001, 5, 0.001, 0.80010007002300565 },
  { 0.99990000000000001, 5, 0.025000000000000001, 0.80490247074317378 },
  { 0.99990000000000001, 5, 0.97499999999999998, 1 },
  { 0.99990000000000001, 5, 0.999, 1 },
  { 0.99990000000000001, 20, 0.001, 0.92500001426497513 },
  { 0.99990000000000001, 20, 0.025000000000000001, 0.95115239754988179 },
  { 0.99990000000000001, 20, 0.97499999999999998, 1 },
  { 0.99990000000000001, 20, 0.999, 1 },
  { 0.99990000000000001, 100, 0.001, 0.98096028259124157 },
  { 0.99990000000000001, 100, 0.025000000000000001, 0.99015200594660524 },
  { 0.99990000000000001, 100, 0.97499999999999998, 1 },
  { 0.99990000000000001, 100, 0.999, 1 },
  { 0.99990000000000001, 1000, 0.001, 0.99718709616510537 },
  { 0.99990000000000001, 1000, 0.025000000000000001, 0.99822460721498663 },
  { 0.99990000000000001, 1000, 0.97499999999999998, 1 },
  { 0.99990000000000001, 1000, 0.999, 1 },
  { 0.99990000000000001, 1000000, 0.001, 0.99986719693714288 },
  { 0.99990000000000001, 1000000, 0.025000000000000001, 0.99987942016395182 },
  { 0.99990000000000001, 1000000, 0.97499999999999998, 0.99991963280149065 },
  { 0.99990000000000001, 1000000, 0.999, 0.99992993362534621 },
  { 0.99990000000000001, 10000000, 0.001, 0.99989003627504969 },
  { 0.99990000000000001, 10000000, 0.025000000000000001, 0.99989370535080302 },
  { 0.99990000000000001, 10000000, 0.97499999999999998, 0.99990619978923578 },
  { 0.99990000000000001, 10000000, 0.999, 0.99990967847592849 },
};

/* p0, n, p; exact interpolated limit, non-integral n (pbeta).  */
static const double real_n_grid[][4] = {
  { 0.29999999999999999, 5.5, 0.001, 0 },
  { 0.29999999999999999, 5.5, 0.025000000000000001, 0 },
  { 0.29999999999999999, 5.5, 0.97499999999999998, 0.80482369608680626 },
  { 0.29999999999999999, 5.5, 0.999, 1 },
  { 0.29999999999999999, 52.799999999999997, 0.001, 0.1081192643344656 },
  { 0.29999999999999999, 52.799999999999997, 0.025000000000000001, 0.17105750013829213 },
  { 0.29999999999999999, 52.799999999999997, 0.97499999999999998, 0.43699301880432206 },
  { 0.29999999999999999, 52.799999999999997, 0.999, 0.51393181032376611 },
  { 0.29999999999999999, 2345678.8999999999, 0.001, 0.29907540320868065 },
  { 0.29999999999999999, 2345678.8999999999, 0.025000000000000001, 0.29941342773733831 },
  { 0.29999999999999999, 2345678.8999999999, 0.97499999999999998, 0.30058673370154854 },
  { 0.29999999999999999, 2345678.8999999999, 0.999, 0.30092508284453701 },
  { 0.90000000000000002, 5.5, 0.001, 0.23001784688942631 },
  { 0.90000000000000002, 5.5, 0.025000000000000001, 0.48201874056338628 },
  { 0.90000000000000002, 5.5, 0.97499999999999998, 1 },
  { 0.90000000000000002, 5.5, 0.999, 1 },
  { 0.90000000000000002, 52.799999999999997, 0.001, 0.74279263521851246 },
  { 0.90000000000000002, 52.799999999999997, 0.025000000000000001, 0.80177435541783459 },
  { 0.90000000000000002, 52.799999999999997, 0.97499999999999998, 0.98219487219334656 },
  { 0.90000000000000002, 52.799999999999997, 0.999, 1 },
  { 0.90000000000000002, 2345678.8999999999, 0.001, 0.89939399063447456 },
  { 0.90000000000000002, 2345678.8999999999, 0.025000000000000001, 0.89961571025477449 },
  { 0.90000000000000002, 2345678.8999999999, 0.97499999999999998, 0.90038396665622744 },
  { 0.90000000000000002, 2345678.8999999999, 0.999, 0.90060503737806941 },
  { 0.96999999999999997, 5.5, 0.001, 0.44726687403833337 },
  { 0.96999999999999997, 5.5, 0.025000000000000001, 0.64572118793178612 },
  { 0.96999999999999997, 5.5, 0.97499999999999998, 1 },
  { 0.96999999999999997, 5.5, 0.999, 1 },
  { 0.96999999999999997, 52.799999999999997, 0.001, 0.86497818553766948 },
  { 0.96999999999999997, 52.799999999999997, 0.025000000000000001, 0.90701389752624617 },
  { 0.96999999999999997, 52.799999999999997, 0.97499999999999998, 1 },
  { 0.96999999999999997, 52.799999999999997, 0.999, 1 },
  { 0.96999999999999997, 2345678.8999999999, 0.001, 0.9696550220504111 },
  { 0.96999999999999997, 2345678.8999999999, 0.025000000000000001, 0.96978129361287302 },
  { 0.96999999999999997, 2345678.8999999999, 0.97499999999999998, 0.97021832672331509 },
  { 0.96999999999999997, 2345678.8999999999, 0.999, 0.9703438356955113 },
};
/* pbeta form vs pbinom form, worst relative difference: 0  */

/* K, z_lo, z_hi, phi, df, chi2, p, tau2: set 1, p0 = 0.9 given.  */
static const double od_set1_given[8] =
{ 12, -2.4369915804846629, 1.7013303477378063, 2.9668409180132298, 12, 35.602091016158759, 0.00037529891105570314, 0.001596677827769106 };
/* set 1, p0 = overall rate 0.89148681055155876 from the data.  */
static const double od_set1_data[8] =
{ 12, -2.1291884209502401, 2.00503319250467, 2.7414302254985672, 11, 32.897162705982808, 0.00054673223684766677, 0.0015275240630515719 };
/* set 2 (under-dispersed, tau2 truncated at 0), p0 = 0.9 given.  */
static const double od_set2[8] =
{ 6, -0.47140452079103218, 0.083333333333331566, 0.07523148148148158, 6, 0.45138888888888951, 0.99838073487553081, 0 };
/* K = 2: x = (3, 9) of n = (10, 10), p0 = 0.5 given.  */
static const double od_k2[8] =
{ 2, -0.88543774484714621, 2.1503488089144982, 2.7040000000000006, 2, 5.4080000000000013, 0.066937227616750125, 0.11020000000000003 };

/* n; multiplicative lo95, hi95, lo998, hi998; additive the same.  */
static const double inflated_grid[][9] = {
  { 5, 0.44706959711919636, 1, 0.18587454949774396, 1, 0.62562829792818542, 1, 0.46740414399015462, 1 },
  { 50, 0.75677083053589711, 1, 0.67417370413190358, 1, 0.78577129081294939, 1, 0.71989809496192902, 1 },
  { 500, 0.85470695971191968, 0.94529304028808037, 0.82858745494977437, 0.97141254505022567, 0.81738623169824953, 0.98261376830175051, 0.76974468012980246, 1 },
  { 5000, 0.88567708305358972, 0.91432291694641032, 0.87741737041319035, 0.9225826295868097, 0.82124266139550639, 0.97875733860449365, 0.77582502840708201, 1 },
  { 5000000, 0.89954706959711916, 0.90045293040288088, 0.89928587454949782, 0.90071412545050222, 0.82168243318674195, 0.9783175668132581, 0.77651840696267638, 1 },
};

static const double x1[] = { 6, 9, 20, 38, 44, 75, 85, 140, 169, 171, 300, 430 };
static const double n1[] = { 6, 12, 25, 40, 55, 80, 100, 150, 180, 200, 320, 500 };
static const double x2[] = { 18, 27, 44, 90, 178, 361 };
static const double n2[] = { 20, 30, 50, 100, 200, 400 };

#define LEN(a) (sizeof (a) / sizeof *(a))

static void
test_exact_grid (void)
{
  char name[160];
  for (size_t i = 0; i < LEN (exact_grid); i++)
    {
      const double *r = exact_grid[i];
      snprintf (name, sizeof name, "exact limit p0=%g n=%g p=%g", r[0], r[1],
                r[2]);
      rel (mn_funnel_exact_limit (r[0], r[1], r[2]), r[3], 1e-9, name);
    }
  for (size_t i = 0; i < LEN (real_n_grid); i++)
    {
      const double *r = real_n_grid[i];
      snprintf (name, sizeof name, "exact limit p0=%g n=%.10g (non-integral) "
                "p=%g", r[0], r[1], r[2]);
      rel (mn_funnel_exact_limit (r[0], r[1], r[2]), r[3], 1e-9, name);
    }
}

/* mn_funnel_exact gathers the four limits of the grid above.  */
static void
test_exact_struct (void)
{
  struct mn_funnel_limits l;
  struct mn_error e = { 0 };
  ok (mn_funnel_exact (0.95, 1000, &l, &e) == 0, "exact limits at n=1000");
  for (size_t i = 0; i < LEN (exact_grid); i++)
    {
      const double *r = exact_grid[i];
      if (r[0] != 0.95 || r[1] != 1000)
        continue;
      double got = r[2] == 0.001 ? l.lo998 : r[2] < 0.5 ? l.lo95
                   : r[2] == 0.999 ? l.hi998 : l.hi95;
      rel (got, r[3], 1e-9, "exact limits struct matches the grid");
    }
}

/* The documented edge cases: no NaN without a reason.  */
static void
test_exact_edges (void)
{
  struct mn_funnel_limits l;
  struct mn_error e = { 0 };
  ok (mn_funnel_exact (0.9, 0, &l, &e) == 0 && l.lo95 == 0 && l.lo998 == 0
      && l.hi95 == 1 && l.hi998 == 1, "n = 0: limits 0 and 1");
  ok (mn_funnel_exact (0, 50, &l, &e) == 0 && l.lo95 == 0 && l.lo998 == 0
      && l.hi95 == 0 && l.hi998 == 0, "p0 = 0: limits at the target");
  ok (mn_funnel_exact (1, 50.5, &l, &e) == 0 && l.lo95 == 1 && l.lo998 == 1
      && l.hi95 == 1 && l.hi998 == 1, "p0 = 1: limits at the target");
  ok (mn_funnel_position (1, &l) == 0, "p0 = 1: a unit at 1 is inside");
  ok (mn_funnel_position (0.98, &l) == (MN_FUNNEL_LOW95 | MN_FUNNEL_LOW998),
      "p0 = 1: a unit below 1 is low");

  /* Near the ends and for large n, nothing is NaN and the limits are
     ordered around the target.  */
  static const double p0s[] = { 1e-12, 1e-6, 0.5, 1 - 1e-6, 1 - 1e-12 };
  static const double ns[] = { 1, 3.7, 1e4, 1e7, 1e9 };
  int good = 1;
  for (size_t i = 0; i < LEN (p0s); i++)
    for (size_t j = 0; j < LEN (ns); j++)
      {
        if (mn_funnel_exact (p0s[i], ns[j], &l, &e) < 0
            || !(0 <= l.lo998 && l.lo998 <= l.lo95 && l.lo95 <= p0s[i] + 1e-9
                 && p0s[i] - 1e-9 <= l.hi95 && l.hi95 <= l.hi998
                 && l.hi998 <= 1))
          {
            good = 0;
            printf ("# p0=%g n=%g: %g %g %g %g\n", p0s[i], ns[j], l.lo998,
                    l.lo95, l.hi95, l.hi998);
          }
      }
  ok (good, "exact limits ordered, in [0, 1], never NaN, p0 near 0 or 1, "
      "n up to 1e9");

  e.msg[0] = 0;
  ok (mn_funnel_exact (1.5, 10, &l, &e) == -1 && isnan (l.lo95)
      && e.reason == MN_R_USAGE && strstr (e.msg, "'1.5'"),
      "target 1.5 refused");
  ok (mn_funnel_exact (0.5, -1, &l, &e) == -1 && isnan (l.hi998),
      "negative n refused");
  ok (mn_funnel_exact (0.5, INFINITY, &l, NULL) == -1, "infinite n refused");
  ok (isnan (mn_funnel_exact_limit (0.5, 10, 0))
      && isnan (mn_funnel_exact_limit (0.5, 10, 1))
      && isnan (mn_funnel_exact_limit (NAN, 10, 0.5)),
      "exact limit NaN for tail 0 or 1, or a NaN target");
}

/* The flags are the one-sided exact binomial tests on both sides.  From
   R: at p0 = 0.5, n = 20, pbinom (5, 20, .5) = 0.0207 < 0.025 <
   pbinom (6, 20, .5) = 0.0577, and by symmetry P (X >= 15) = 0.0207,
   P (X >= 14) = 0.0577: counts 0..5 are low95, 15..20 high95, and the
   limits are symmetric about 0.5.  At p0 = 0.95, n = 5, 5 of 5 has
   probability dbinom (5, 5, .95) = 0.774 and is not high.  */
static void
test_exact_test (void)
{
  struct mn_funnel_limits l;
  ok (mn_funnel_exact (0.5, 20, &l, NULL) == 0, "limits at 0.5, 20");
  near (l.lo95 + l.hi95, 1, 1e-15, "95 % limits symmetric about 0.5");
  near (l.lo998 + l.hi998, 1, 1e-15, "99.8 % limits symmetric about 0.5");
  int good = 1;
  for (int r = 0; r <= 20; r++)
    {
      unsigned f = mn_funnel_position (r / 20.0, &l);
      unsigned want = r <= 5 ? MN_FUNNEL_LOW95 : r >= 15 ? MN_FUNNEL_HIGH95 : 0;
      good &= (f & (MN_FUNNEL_LOW95 | MN_FUNNEL_HIGH95)) == want;
    }
  ok (good, "flags at 0.5, 20 are the exact one-sided tests");
  ok (mn_funnel_exact (0.95, 5, &l, NULL) == 0
      && mn_funnel_position (1, &l) == 0, "5 of 5 at target 0.95 not high");
}

static void
test_z_position (void)
{
  near (mn_funnel_z (0.8, 100, 0.9), -0.1 / 0.03, 1e-12, "z of 0.8 of 100 "
        "against 0.9");
  near (mn_funnel_z (0.9, 37.5, 0.9), 0, 0, "z at the target is 0");
  ok (isnan (mn_funnel_z (0.5, 0, 0.9)), "z NaN at n = 0");
  ok (isnan (mn_funnel_z (0.5, 10, 0)) && isnan (mn_funnel_z (0.5, 10, 1)),
      "z NaN for a target of 0 or 1");
  ok (isnan (mn_funnel_z (1.5, 10, 0.5)), "z NaN for a proportion above 1");

  /* Against the exact limits at p0 = 0.5, n = 100 from the grid: 95 %
     0.40..0.60, 99.8 % 0.35..0.65 or so; the positions nest.  */
  struct mn_funnel_limits l;
  ok (mn_funnel_exact (0.5, 100, &l, NULL) == 0, "limits at 0.5, 100");
  ok (mn_funnel_position (0.5, &l) == 0, "at the target: inside");
  ok (mn_funnel_position (l.hi95, &l) == 0, "on the 95 % limit: inside");
  ok (mn_funnel_position (0.62, &l) == MN_FUNNEL_HIGH95, "0.62 high95 only");
  ok (mn_funnel_position (0.70, &l) == (MN_FUNNEL_HIGH95 | MN_FUNNEL_HIGH998),
      "0.70 high95 and high998");
  ok (mn_funnel_position (0.38, &l) == MN_FUNNEL_LOW95, "0.38 low95 only");
  ok (mn_funnel_position (0.30, &l) == (MN_FUNNEL_LOW95 | MN_FUNNEL_LOW998),
      "0.30 low95 and low998");
  ok (mn_funnel_position (NAN, &l) == 0, "NaN proportion: no flag");
}

static void
check_od (const struct mn_funnel_od *od, const double *want, const char *what)
{
  char name[160];
  snprintf (name, sizeof name, "%s: K", what);
  ok (od->k == (size_t) want[0], name);
  static const char *const field[] = { "z_lo", "z_hi", "phi", "df", "chi2",
                                       "p", "tau2" };
  const double got[] = { od->z_lo, od->z_hi, od->phi, od->df, od->chi2,
                         od->p_value, od->tau2 };
  for (int i = 0; i < 7; i++)
    {
      snprintf (name, sizeof name, "%s: %s", what, field[i]);
      rel (got[i], want[i + 1], i == 5 ? 1e-9 : 1e-12, name);
    }
}

static void
test_overdispersion (void)
{
  struct mn_funnel_od od;
  struct mn_error e = { 0 };
  double y1[LEN (x1)], y2[LEN (x2)];
  double xs = 0, ns = 0;
  for (size_t i = 0; i < LEN (x1); i++)
    {
      y1[i] = x1[i] / n1[i];
      xs += x1[i];
      ns += n1[i];
    }
  for (size_t i = 0; i < LEN (x2); i++)
    y2[i] = x2[i] / n2[i];

  ok (mn_funnel_overdispersion (0.9, y1, n1, LEN (x1), 0, &od, &e) == 0,
      "set 1 against 0.9");
  check_od (&od, od_set1_given, "set 1, target given");
  ok (mn_funnel_overdispersion (xs / ns, y1, n1, LEN (x1), 1, &od, &e) == 0,
      "set 1 against its overall rate");
  check_od (&od, od_set1_data, "set 1, target from the data");
  ok (mn_funnel_overdispersion (0.9, y2, n2, LEN (x2), 0, &od, &e) == 0,
      "set 2 against 0.9");
  check_od (&od, od_set2, "set 2, under-dispersed");
  const double yk[] = { 0.3, 0.9 }, nk[] = { 10, 10 };
  ok (mn_funnel_overdispersion (0.5, yk, nk, 2, 0, &od, &e) == 0, "K = 2");
  check_od (&od, od_k2, "K = 2");

  /* A unit with n = 0 is left out: the same as set 1.  */
  double yz[LEN (x1) + 1], nz[LEN (x1) + 1];
  yz[0] = 0;
  nz[0] = 0;
  for (size_t i = 0; i < LEN (x1); i++)
    {
      yz[i + 1] = y1[i];
      nz[i + 1] = n1[i];
    }
  ok (mn_funnel_overdispersion (0.9, yz, nz, LEN (yz), 0, &od, &e) == 0,
      "set 1 with a unit of n = 0");
  check_od (&od, od_set1_given, "n = 0 unit left out");

  ok (mn_funnel_overdispersion (0.9, yz, nz, 2, 0, &od, &e) == -1
      && od.k == 0 && isnan (od.phi) && isnan (od.tau2)
      && strstr (e.msg, "at least 2"), "K = 1 (one unit with answers) refused");
  ok (mn_funnel_overdispersion (0.9, y1, n1, 0, 0, &od, &e) == -1,
      "K = 0 refused");
  ok (mn_funnel_overdispersion (1, y1, n1, LEN (x1), 0, &od, &e) == -1
      && isnan (od.p_value), "target 1 refused");
  const double ybad[] = { 0.5, 1.2 };
  ok (mn_funnel_overdispersion (0.5, ybad, nk, 2, 0, &od, &e) == -1
      && strstr (e.msg, "'1.2'"), "proportion 1.2 refused");
  const double nbad[] = { 10, NAN };
  ok (mn_funnel_overdispersion (0.5, yk, nbad, 2, 0, &od, NULL) == -1,
      "NaN sample size refused");
}

static void
test_inflated (void)
{
  struct mn_funnel_od od;
  double y1[LEN (x1)];
  for (size_t i = 0; i < LEN (x1); i++)
    y1[i] = x1[i] / n1[i];
  ok (mn_funnel_overdispersion (0.9, y1, n1, LEN (x1), 0, &od, NULL) == 0,
      "set 1 for the inflated limits");
  char name[160];
  for (size_t i = 0; i < LEN (inflated_grid); i++)
    {
      const double *r = inflated_grid[i];
      struct mn_funnel_limits m, a;
      ok (mn_funnel_inflated (0.9, r[0], MN_FUNNEL_MULTIPLICATIVE, &od, &m,
                              NULL) == 0
          && mn_funnel_inflated (0.9, r[0], MN_FUNNEL_ADDITIVE, &od, &a,
                                 NULL) == 0, "inflated limits computed");
      const double got[] = { m.lo95, m.hi95, m.lo998, m.hi998,
                             a.lo95, a.hi95, a.lo998, a.hi998 };
      for (int j = 0; j < 8; j++)
        {
          snprintf (name, sizeof name, "%s limit %d at n=%g",
                    j < 4 ? "multiplicative" : "additive", j % 4, r[0]);
          rel (got[j], r[j + 1], 1e-12, name);
        }
    }

  /* phi below 1 is taken as 1 and tau2 = 0 adds nothing: both give the
     plain normal limits 0.9 -+ z sqrt (0.09 / n).  */
  struct mn_funnel_od flat = od;
  flat.phi = 0.5;
  flat.tau2 = 0;
  struct mn_funnel_limits m, a;
  ok (mn_funnel_inflated (0.9, 400, MN_FUNNEL_MULTIPLICATIVE, &flat, &m,
                          NULL) == 0
      && mn_funnel_inflated (0.9, 400, MN_FUNNEL_ADDITIVE, &flat, &a,
                             NULL) == 0, "no over-dispersion");
  /* R: 0.9 - qnorm(0.975) * 0.015 */
  rel (m.lo95, 0.87060054023189926, 1e-12, "phi < 1 taken as 1");
  rel (a.lo95, 0.87060054023189926, 1e-12, "tau2 = 0: plain normal limit");

  struct mn_funnel_limits x, l;
  ok (mn_funnel_inflated (0.9, 100, MN_FUNNEL_NONE, NULL, &l, NULL) == 0
      && mn_funnel_exact (0.9, 100, &x, NULL) == 0 && l.lo95 == x.lo95
      && l.hi998 == x.hi998, "inflation none: the exact limits");
  ok (mn_funnel_inflated (0.9, 0, MN_FUNNEL_ADDITIVE, &od, &l, NULL) == 0
      && l.lo95 == 0 && l.hi998 == 1, "inflated at n = 0: 0 and 1");
  ok (mn_funnel_inflated (0.9, 10, MN_FUNNEL_ADDITIVE, NULL, &l, NULL) == -1
      && isnan (l.lo95), "inflated without an estimate refused");
  flat.tau2 = NAN;
  ok (mn_funnel_inflated (0.9, 10, MN_FUNNEL_ADDITIVE, &flat, &l, NULL) == -1,
      "inflated with a NaN tau2 refused");
}

static void
test_curve (void)
{
  struct mn_funnel_od od;
  double y1[LEN (x1)];
  for (size_t i = 0; i < LEN (x1); i++)
    y1[i] = x1[i] / n1[i];
  ok (mn_funnel_overdispersion (0.9, y1, n1, LEN (x1), 0, &od, NULL) == 0,
      "set 1 for the curve");
  const double ns[] = { 5, 500, 5e6 };
  struct mn_funnel_row rows[3];
  struct mn_error e = { 0 };
  ok (mn_funnel_curve (0.9, ns, 3, MN_FUNNEL_ADDITIVE, &od, rows, &e) == 0,
      "curve at 3 sizes");
  int good = 1;
  for (int i = 0; i < 3; i++)
    {
      struct mn_funnel_limits x;
      mn_funnel_exact (0.9, ns[i], &x, NULL);
      const double *r = inflated_grid[i == 0 ? 0 : i == 1 ? 2 : 4];
      good &= rows[i].n == ns[i] && rows[i].exact.lo95 == x.lo95
              && rows[i].exact.hi998 == x.hi998
              && fabs (rows[i].inflated.lo95 - r[5]) <= 1e-12 * r[5]
              && fabs (rows[i].inflated.lo998 - r[7]) <= 1e-12 * r[7];
    }
  ok (good, "curve rows: exact and additive limits as computed alone");
  const double bad[] = { 10, -3, 20 };
  ok (mn_funnel_curve (0.9, bad, 3, MN_FUNNEL_NONE, NULL, rows, &e) == -1
      && strstr (e.msg, "'-3'"), "curve stops at n = -3");
}

static void
test_names (void)
{
  enum mn_funnel_inflation m;
  ok (mn_funnel_inflation_parse ("additive", &m) == 0
      && m == MN_FUNNEL_ADDITIVE, "parse additive");
  ok (mn_funnel_inflation_parse ("multiplicative", &m) == 0
      && m == MN_FUNNEL_MULTIPLICATIVE, "parse multiplicative");
  ok (mn_funnel_inflation_parse ("none", &m) == 0 && m == MN_FUNNEL_NONE,
      "parse none");
  ok (mn_funnel_inflation_parse ("Additive", &m) == -1, "parse is exact");
  streq (mn_funnel_inflation_name (MN_FUNNEL_MULTIPLICATIVE),
         "multiplicative", "name of multiplicative");
}

int
main (void)
{
  test_exact_grid ();
  test_exact_struct ();
  test_exact_edges ();
  test_exact_test ();
  test_z_position ();
  test_overdispersion ();
  test_inflated ();
  test_curve ();
  test_names ();
  return tap_done ();
}

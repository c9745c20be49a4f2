/* alpha.h - Cronbach's alpha with Feldt's confidence interval, and a
   lower-tail variance-ratio test.  */
#ifndef MINYI_ALPHA_H
#define MINYI_ALPHA_H

#include <stddef.h>

/* A streaming accumulator for Cronbach's alpha over K items: the case
   count, the K item means and the K x K matrix of co-moments (sums of
   products of deviations from the means), updated one case at a time
   (Welford 1962, in its multivariate form) and mergeable exactly (Chan,
   Golub & LeVeque 1979).  Memory is O(K^2), whatever the number of cases.

   Complete cases only (listwise deletion): every case handed to
   mn_alpha_add must have an answer to all K items.  The accumulator has
   no notion of a missing answer; the caller skips a case with any item
   missing and counts the cases it skipped, so that it can report how many
   respondents the coefficient rests on.

   The fields may be read; CM is row-major, CM[i*K + j], and symmetric.  */
struct mn_alpha
{
  size_t k;             /* Number of items.  */
  double n;             /* Number of cases added.  */
  double *mean;         /* K item means; owned.  */
  double *cm;           /* K*K co-moments; owned.  */
};

/* Set up A as an empty accumulator for K items (allocates; aborts only if
   memory is exhausted).  Release with mn_alpha_release.  */
void mn_alpha_init (struct mn_alpha *a, size_t k);

/* Free A's arrays (not A itself); A must be initialised again before
   reuse.  */
void mn_alpha_release (struct mn_alpha *a);

/* Add one complete case: X[0..K-1] (borrowed, not kept).  */
void mn_alpha_add (struct mn_alpha *a, const double *x);

/* Fold B (borrowed, unchanged) into A, exactly as if every case added to
   B had been added to A.  A and B must have the same number of items;
   when they do not, A is left unchanged.  */
void mn_alpha_merge (struct mn_alpha *a, const struct mn_alpha *b);

/* Cronbach's alpha of the cases in A,

     alpha = K / (K - 1) * (1 - sum of item variances / variance of total),

   and Feldt's (1965) two-sided interval at confidence LEVEL
   (0 < LEVEL < 1) in *LO and *HI; see alpha.c.  Returns 0, or -1 with
   all three outputs set to NaN when there are fewer than 2 cases or 2
   items, when the variance of the total score is zero (or so small
   against the item variances that the ratio is rounding noise), or when
   LEVEL is out of range.  */
int mn_alpha_value (const struct mn_alpha *a, double level, double *alpha,
                    double *lo, double *hi);

/* Lower-tail chi-square test that a sample of N values with sample
   variance S2 (denominator N - 1) comes from a population with variance
   SIGMA2: X = (N - 1) S2 / SIGMA2 ~ chi2 (N - 1).  Returns
   P (chi2 (N - 1) <= X); a small p flags data implausibly uniform, such as
   a data collector whose answers barely vary.  N may be non-integral.
   Returns NaN when N < 2, SIGMA2 <= 0 or S2 < 0 (or any is NaN).  */
double mn_var_test_lower (double n, double s2, double sigma2);

/* Lower-tail F test that variance S1 (on DF1 degrees of freedom) is
   smaller than variance S2 (on DF2): P (F (DF1, DF2) <= S1 / S2), when
   both variances are estimates.  NaN when a df is not positive or S2 is
   not positive.  */
double mn_var_ratio_test_lower (double df1, double s1, double df2,
                                double s2);

#endif

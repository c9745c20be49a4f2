/* prop.h - confidence intervals for a binomial proportion.  */
#ifndef MINYI_PROP_H
#define MINYI_PROP_H

enum mn_ci_method
{
  MN_CI_WILSON,         /* Wilson (1927) score interval; the default.  */
  MN_CI_EXACT,          /* Clopper & Pearson (1934), beta quantiles.  */
  MN_CI_JEFFREYS,       /* Equal-tailed Beta(x+1/2, n-x+1/2) interval.  */
  MN_CI_AGRESTI_COULL,  /* Agresti & Coull (1998) adjusted Wald.  */
  MN_CI_WALD            /* Normal approximation; for comparison only.  */
};

/* Parse a method name NAME (borrowed; "wilson", "exact", "jeffreys",
   "agresti-coull", "wald"; "clopper-pearson" is an alias of "exact").  Returns
   0 and sets *M, or -1 when NAME is unknown.  */
int mn_ci_method_parse (const char *name, enum mn_ci_method *m);

/* The canonical name of M (static storage).  */
const char *mn_ci_method_name (enum mn_ci_method m);

/* Two-sided interval at confidence LEVEL (0 < LEVEL < 1) for X successes
   in N trials.  X and N may be non-integral (an effective sample size),
   0 <= X <= N, N > 0.  Bounds are clamped to [0, 1].  Returns 0, or -1
   with *LO and *HI set to NaN when the arguments are out of range.  */
int mn_prop_ci (enum mn_ci_method m, double x, double n, double level,
                double *lo, double *hi);

/* Newcombe's (1998, Stat Med 17:873, method 10) hybrid score interval at
   LEVEL for the difference p1 - p2 of two independent proportions X1 of
   N1 and X2 of N2 (non-integral counts allowed, as above; N1, N2 > 0):
   with (l_i, u_i) the Wilson interval of p_i,
     lower = d - sqrt ((p1 - l1)^2 + (u2 - p2)^2),
     upper = d + sqrt ((u1 - p1)^2 + (p2 - l2)^2).
   Sets *D to p1 - p2.  Returns 0, or -1 with all three NaN when the
   arguments are out of range.  */
int mn_prop_diff_ci (double x1, double n1, double x2, double n2,
                     double level, double *d, double *lo, double *hi);

#endif

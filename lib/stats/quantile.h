/* quantile.h - beta and F distribution functions and quantiles that hold
   up for any shape parameters, with no call into the GSL error handler.  */
#ifndef MINYI_QUANTILE_H
#define MINYI_QUANTILE_H

/* The distribution function of Beta (A, B) at X, the regularised
   incomplete beta function I_X (A, B), and its complement 1 - I_X (A, B),
   each computed directly when it is the smaller, so that a small tail
   area keeps its relative accuracy.  A > 0 and B > 0 finite; X below 0
   counts as 0 and above 1 as 1.  NaN when an argument is NaN or out of
   range, or (not seen in practice; see quantile.c) when the continued
   fraction does not converge.  */
double mn_beta_cdf (double x, double a, double b);
double mn_beta_cdf_upper (double x, double a, double b);

/* The quantiles of Beta (A, B): mn_beta_quantile returns the x with
   P (X <= x) = P, mn_beta_quantile_upper the x with P (X > x) = Q, so that
   a small upper tail area needs no 1 - Q.  0 <= P, Q <= 1; A > 0 and B > 0
   finite.  The result lies in [0, 1]; NaN only when an argument is NaN or
   out of range, or the distribution function fails (see mn_beta_cdf).  */
double mn_beta_quantile (double p, double a, double b);
double mn_beta_quantile_upper (double q, double a, double b);

/* The quantiles of Snedecor's F (NU1, NU2), NU1 > 0 and NU2 > 0 finite
   (non-integral degrees of freedom are allowed): the f with
   P (F <= f) = P, or with P (F > f) = Q.  P = 1 or Q = 0 gives +infinity.
   NaN as for the beta quantiles.  */
double mn_f_quantile (double p, double nu1, double nu2);
double mn_f_quantile_upper (double q, double nu1, double nu2);

#endif

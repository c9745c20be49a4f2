/* stdz.h - indirect standardisation of the groups' rates for the mix
   of their respondents' strata (minyi-score --standardize-by).

   A cadre serving harsh raters (a township in a land dispute, say) has a
   lower rate than the same work would earn elsewhere.  Indirect
   standardisation (Breslow & Day 1987, vol. II, ch. 2; Rothman,
   Greenland & Lash 2008, ch. 4) compares a group's observed rate with
   the rate expected of its own respondents had each been as satisfied
   as the average respondent of their stratum:

     r_s       = sat_s / n_s, the reference rate of stratum s over all
                 the answers counted (with weights: sum w y / sum w);
     expected  = sum_s n_gs r_s / n_g, the group's expected rate (with
                 weights, n_gs and n_g are sums of weights);
     oe        = rate / expected, the observed/expected ratio;
     std_rate  = oe * P, P the overall rate of all answers.

   Memory grows with the (group, stratum) pairs seen: cadres times
   strata at most, never with the records.  Sums are exact (xsum.h), so
   the figures do not depend on the order of the records.  */
#ifndef MINYI_STDZ_H
#define MINYI_STDZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct mn_stdz;

/* An empty accumulator, weighted or not.  Free with mn_stdz_free.  */
struct mn_stdz *mn_stdz_new (bool weighted);
void mn_stdz_free (struct mn_stdz *z);

/* Count one answer in the rate's denominator: of group GID (a small
   number, from 0, below 2^32 - 1), in the stratum whose key is the SLEN
   bytes at SKEY (borrowed, copied when new), with weight W (1 without
   weights), satisfied or not.  Not after mn_stdz_finish.  */
void mn_stdz_add (struct mn_stdz *z, uint64_t gid, const char *skey,
                  size_t slen, double w, bool sat);

/* Compute the reference rates and each group's expected rate, once
   every answer is in.  Later calls do nothing.  */
void mn_stdz_finish (struct mn_stdz *z);

/* After mn_stdz_finish: group GID's expected rate (NaN when it has no
   answer), the overall rate P (NaN when there is no answer at all),
   and the number of strata.  */
double mn_stdz_expected (const struct mn_stdz *z, uint64_t gid);
double mn_stdz_reference (const struct mn_stdz *z);
size_t mn_stdz_strata (const struct mn_stdz *z);

/* A row's standardised figures, from its RATE and the bounds LO, HI of
   the rate's interval, its EXPECTED rate and the reference rate REF.
   The interval treats the expected rate as known, as the reference
   rates come from all the answers (Breslow & Day 1987, 2.3): the
   rate's own interval, divided by EXPECTED (for oe) and times REF.
   Undefined figures (no answer, or an expected rate of 0) are NaN.  */
struct mn_stdz_row
{
  double expected, oe, oe_lo, oe_hi, rate, lo, hi, ref;
};

void mn_stdz_row (double rate, double lo, double hi, double expected,
                  double ref, struct mn_stdz_row *out);

#endif

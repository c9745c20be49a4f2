/* numparse.h - whole-string number parsing in the C locale.  */
#ifndef MINYI_NUMPARSE_H
#define MINYI_NUMPARSE_H

#include <stddef.h>

/* Parse S (borrowed) as a decimal number ("12", "-0.5", "3e2"), ignoring
   leading
   and trailing ASCII blanks, in the C locale whatever LC_NUMERIC says.
   Returns 0 and sets *X for a finite number; 1 and sets *X to NaN or
   +-Inf for "nan", "inf" or "infinity" (any case, optional sign), so a
   caller can say that a weight is not finite; -1 for anything else
   (empty, trailing junk, hexadecimal, overflow).  */
int mn_parse_double (const char *s, double *x);

/* Parse S (borrowed) as a whole decimal number in [MIN, MAX].  Returns
   0 and sets *X, or -1.  */
int mn_parse_long (const char *s, long min, long max, long *x);

/* Survey weights are kept within these bounds: beyond them the sums of
   squared weights behind standard errors and effective sizes underflow
   or overflow.  */
#define MN_WEIGHT_MIN 1e-100
#define MN_WEIGHT_MAX 1e100

/* Parse a survey weight S (borrowed): a finite number in
   MN_WEIGHT_MIN..MAX.  Returns 0 and sets *W; otherwise -1, with the
   reason (MN_R_BAD_WEIGHT for empty, negative, zero, NaN or infinite;
   MN_R_BAD_NUMBER for text that is no number) in *REASON and a message
   in the caller's MSG (SIZE bytes).  */
int mn_parse_weight (const char *s, double *w, int *reason, char *msg,
                     size_t size);

#endif

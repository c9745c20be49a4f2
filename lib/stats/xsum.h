/* xsum.h - exact sums of doubles, rounded once when read.

   A sum of doubles is a multiple of 2^-1074, so it is a big integer
   times 2^-1074.  struct mn_xsum holds that integer exactly, as a
   binary fixed-point number in two's complement: 64-bit limbs, limb i
   weighing 2^(64 * (base + i)).  Only the window of limbs the values
   added so far reach is kept: four limbs inline, 2^-128 to 2^126 for
   survey-sized values (enough for any product of 0-100 scores and
   weights within 10^-11 .. 10^11, summed over 2^40 rows), and a heap
   array when the values' spread demands more (at most 35 limbs, 280
   bytes: 2^-1074 to 2^1150).  40 bytes an accumulator otherwise.  This is Kulisch & Miranker's long accumulator (1981) cut
   down to the window in use, as Neal (2015, arXiv:1505.05571) cuts it
   into chunks; addition is exact, so every order of adding and merging
   gives the same bits, and the value is rounded once, correctly.

   Ownership: an accumulator owns its heap array, if any.  It may be
   moved by memcpy (it holds no pointer into itself); the old copy must
   then be neither used nor released.  An independent copy is made by
   merging into an empty accumulator.  */
#ifndef MINYI_XSUM_H
#define MINYI_XSUM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MN_XSUM_INLINE 4

/* Absolute limb indices a window may reach: limb -17 holds 2^-1088 up,
   so the least double, 2^-1074, fits; the top limb, 17, is signed and
   kept below 2^62 in magnitude, so sums up to 2^1150 fit (2^126 terms
   of DBL_MAX).  */
#define MN_XSUM_LIMB_MIN (-17)
#define MN_XSUM_LIMB_MAX 17

/* Room mn_xsum_format needs at most, with its NUL: sign, "0x", 556
   digits, "p" and a signed exponent.  */
#define MN_XSUM_TEXT_MAX 576

/* All-zero bytes are a valid empty sum, so accumulators may live in
   zeroed memory without mn_xsum_init.  Fields are private.  */
struct mn_xsum
{
  int16_t ebase;     /* 64 * (base + 17) - 13, where base is the absolute
                        index of limb 0: a double's exponent field less
                        EBASE is its last bit's offset in the window */
  uint16_t span;     /* 64 * (n - 1): offsets the fast path takes; 0 when
                        n is 0 */
  uint8_t n;         /* limbs in use; 0: the sum is zero, no window */
  uint8_t cap;       /* 0: limbs inline; else heap array of CAP limbs */
  uint8_t special;   /* non-finite values added: 1 +inf, 2 -inf, 4 NaN */
  union
  {
    uint64_t in[MN_XSUM_INLINE];
    uint64_t *heap;  /* owned when cap > 0 */
  } u;
};

/* Set the caller's S up as an empty sum, without allocating (zeroing
   it does the same).  Release with mn_xsum_release.  */
void mn_xsum_init (struct mn_xsum *s);

/* Free S's heap array, if any (not S itself), and leave S empty.  */
void mn_xsum_release (struct mn_xsum *s);

/* Release each of the COUNT accumulators at V (not the array itself):
   what the owner of a zeroed block of sums calls before freeing it.  */
void mn_xsum_release_n (struct mn_xsum *v, size_t count);

/* Add X exactly.  Any double, negative ones too; an infinity or NaN is
   remembered apart and makes mn_xsum_value infinite or NaN, as IEEE
   addition would.  Inline below: the common case is a few instructions.
   May allocate (aborts only when memory is exhausted).  */
static inline void mn_xsum_add (struct mn_xsum *s, double x);

/* Fold B (borrowed, unchanged) into A, exactly.  B must not be A.  */
void mn_xsum_merge (struct mn_xsum *a, const struct mn_xsum *b);

/* The exact sum rounded to the nearest double, ties to even; +-inf when
   it is beyond DBL_MAX's rounding range; +-inf or NaN when such values
   were added (NaN for +inf and -inf together).  */
double mn_xsum_value (const struct mn_xsum *s);

/* *HI = mn_xsum_value (S); *LO = (exact sum - *HI) rounded to nearest,
   so *HI + *LO is the sum to about 106 bits (double-double).  *LO is 0
   when *HI is not finite.  */
void mn_xsum_dd (const struct mn_xsum *s, double *hi, double *lo);

/* Write the exact sum into BUF (SIZE bytes, NUL-terminated when SIZE >
   0) as a C99 hexadecimal floating constant that strtod rounds correctly
   and mn_xsum_parse reads back exactly.  Canonical, so equal sums print
   equal text: "0x0p+0" for zero; otherwise an optional "-", "0x", the
   lowercase hex digits of the magnitude from its first nonzero digit to
   its last nonzero digit, "p" and the exponent of the last digit, a
   multiple of 4 with an explicit sign ("0x1a2b3c4d5e6f7a8b9cp-64",
   "0x3p+0", "0x1p+4", "-0x8p-4").  Non-finite sums print "inf", "-inf"
   or "nan".  Returns the length of the full text, as snprintf does: it
   was cut short if that is >= SIZE (never with MN_XSUM_TEXT_MAX).  */
int mn_xsum_format (const struct mn_xsum *s, char *buf, size_t size);

/* Read the LEN bytes at TEXT (borrowed; need not end in NUL), a C99
   hexadecimal floating constant: optional sign, "0x" or "0X", hex digits
   with an optional point, "p" or "P" and a signed or unsigned decimal
   exponent; or "inf", "-inf", "nan".  Nothing else may precede or
   follow.  On success S (initialised or zeroed; its old contents are
   released) holds the value exactly and 0 is returned.  Returns -1,
   leaving S as it was, for malformed text or for a value that is not a
   multiple of 2^-1074 or whose magnitude is 2^1150 or more.  */
int mn_xsum_parse (struct mn_xsum *s, const char *text, size_t len);

/* Heap bytes S holds (0 when inline): for reports of memory use.  */
size_t mn_xsum_heap_bytes (const struct mn_xsum *s);

/* Private: the slow paths of mn_xsum_add.  */
void mn_xsum__add_slow (struct mn_xsum *s, double x);
void mn_xsum__carry (struct mn_xsum *s, unsigned i, int c);

/* The fast path: X is normal and its 53-bit significand, shifted to its
   place, falls into limbs K and K + 1 of the window, below the top limb.
   Add or subtract with carry; carries beyond K + 1 are rare and done out
   of line, as is any change to the top limb, which is signed and kept
   below 2^62 in magnitude (the window grows a limb when it leaves that
   range), so that no add can overflow it.  */
static inline void
mn_xsum_add (struct mn_xsum *s, double x)
{
  uint64_t u;
  memcpy (&u, &x, sizeof u);
  if ((u << 1) == 0)    /* +-0 adds nothing (a fifth of all scores) */
    return;
  unsigned e = (unsigned) (u >> 52) & 0x7ff;
  unsigned d = e - (unsigned) s->ebase;
  if (e - 1 >= 0x7fe || d >= s->span)
    {
      mn_xsum__add_slow (s, x);
      return;
    }
  unsigned k = d >> 6, sh = d & 63;
  uint64_t m = (u & 0xfffffffffffffu) | ((uint64_t) 1 << 52);
  uint64_t lo = m << sh, hi = (m >> 1) >> (63 - sh);
  uint64_t *l = s->cap ? s->u.heap : s->u.in;
  uint64_t t = l[k];
  if (!(u >> 63))
    {
      t += lo;
      hi += t < lo;
      l[k] = t;
      t = l[k + 1] + hi;
      l[k + 1] = t;
      if (t < hi || k + 2 >= s->n)
        mn_xsum__carry (s, k + 2, t < hi);
    }
  else
    {
      hi += t < lo;
      l[k] = t - lo;
      t = l[k + 1];
      l[k + 1] = t - hi;
      if (t < hi || k + 2 >= s->n)
        mn_xsum__carry (s, k + 2, -(t < hi));
    }
}

#endif

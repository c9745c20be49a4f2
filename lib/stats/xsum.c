/* xsum.c - exact sums of doubles in a windowed long accumulator.

   The number is a two's complement integer in 64-bit limbs; limb i of
   the window weighs 2^(64 * (base + i)); the top limb is read as signed
   and kept in (-2^62, 2^62) give or take one value, so that adding a
   value never overflows it (see mn_xsum_add in xsum.h).  The slow paths
   here grow the window.  Whole-number work (merging, rounding, text)
   happens in a "frame": the full range of limbs, -17 to 17, on the
   stack, 280 bytes.  */
#include "stats/xsum.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"

#define LMIN MN_XSUM_LIMB_MIN
#define LMAX MN_XSUM_LIMB_MAX
#define NF (LMAX - LMIN + 1)            /* limbs in a frame */
#define FRAME_BIAS (-64 * LMIN)         /* frame bit 0 weighs 2^-1088 */
#define BOUND ((uint64_t) 1 << 62)

static uint64_t *
limbs (struct mn_xsum *s)
{
  return s->cap ? s->u.heap : s->u.in;
}

static const uint64_t *
climbs (const struct mn_xsum *s)
{
  return s->cap ? s->u.heap : s->u.in;
}

/* The absolute index of S's limb 0.  */
static int
base_of (const struct mn_xsum *s)
{
  return (s->ebase + 13) / 64 + LMIN;
}

/* Set S's window to N limbs from the absolute index BASE (N may be 0).  */
static void
set_window (struct mn_xsum *s, int base, int n)
{
  s->ebase = (int16_t) (64 * (base - LMIN) - 13);
  s->span = (uint16_t) (n ? 64 * (n - 1) : 0);
  s->n = (uint8_t) n;
}

/* Whether the signed limb T is within the top limb's bound.  */
static int
in_bound (uint64_t t)
{
  return t + BOUND < 2 * BOUND;
}

/* All ones when the limb T, read as signed, is negative; else zero.  */
static uint64_t
ext_of (uint64_t t)
{
  return (t >> 63) ? ~(uint64_t) 0 : 0;
}

void
mn_xsum_init (struct mn_xsum *s)
{
  memset (s, 0, sizeof *s);
}

void
mn_xsum_release (struct mn_xsum *s)
{
  if (s->cap)
    free (s->u.heap);
  memset (s, 0, sizeof *s);
}

void
mn_xsum_release_n (struct mn_xsum *v, size_t count)
{
  for (size_t i = 0; i < count; i++)
    mn_xsum_release (&v[i]);
}

size_t
mn_xsum_heap_bytes (const struct mn_xsum *s)
{
  return s->cap * sizeof (uint64_t);
}

/* Split the finite nonzero double X into its significand, shifted into
   two limbs *LO and *HI, and the absolute index of the lower limb.
   Returns the sign (1 negative).  A double is m * 2^(e - 1075) for a
   normal one (m with its hidden bit), m * 2^-1074 for a subnormal.  */
static int
split (double x, int *k, uint64_t *lo, uint64_t *hi)
{
  uint64_t u;
  memcpy (&u, &x, sizeof u);
  unsigned e = (unsigned) (u >> 52) & 0x7ff;
  uint64_t m = u & 0xfffffffffffffu;
  if (e)
    m |= (uint64_t) 1 << 52;
  else
    e = 1;
  int pos = (int) e + (FRAME_BIAS - 1075);
  unsigned sh = (unsigned) pos & 63;
  *k = (pos >> 6) + LMIN;
  *lo = m << sh;
  *hi = (m >> 1) >> (63 - sh);
  return (int) (u >> 63);
}

/* Add (NEG: subtract) HI:LO at limbs K and K + 1 of the N limbs at L,
   carrying or borrowing up to the top limb, where it dies (two's
   complement).  K + 1 < N.  */
static void
add_at (uint64_t *l, int n, int k, uint64_t lo, uint64_t hi, int neg)
{
  int i = k + 2;
  uint64_t t = l[k];
  if (!neg)
    {
      t += lo;
      hi += t < lo;
      l[k] = t;
      t = l[k + 1] + hi;
      l[k + 1] = t;
      if (t < hi)
        for (; i < n && ++l[i] == 0; i++)
          ;
    }
  else
    {
      hi += t < lo;
      l[k] = t - lo;
      t = l[k + 1];
      l[k + 1] = t - hi;
      if (t < hi)
        for (; i < n && l[i]-- == 0; i++)
          ;
    }
}

/* Grow S's window to take in the absolute limbs LO..HI (clipped to the
   frame): zero limbs below, the sign's extension above.  The window
   moves to the heap when it outgrows the inline limbs; a heap array is
   sized with a little slack, as the window seldom grows once.  */
static void
reserve (struct mn_xsum *s, int lo, int hi)
{
  int n = s->n, base = base_of (s);
  if (lo < LMIN)
    lo = LMIN;
  if (hi > LMAX)
    hi = LMAX;
  if (n)
    {
      int top = base + n - 1;
      if (lo > base)
        lo = base;
      if (hi < top)
        hi = top;
      if (lo == base && hi == top)
        return;
    }
  int nn = hi - lo + 1;
  int cap = s->cap ? s->cap : MN_XSUM_INLINE;
  uint64_t *old = limbs (s), *dst = old;
  if (nn > cap)
    {
      cap = nn + 2 < NF ? nn + 2 : NF;
      dst = xmalloc ((size_t) cap * sizeof *dst);
    }
  if (n)
    {
      int d = base - lo;
      uint64_t ext = ext_of (old[n - 1]);
      memmove (dst + d, old, (size_t) n * sizeof *dst);
      memset (dst, 0, (size_t) d * sizeof *dst);
      for (int j = d + n; j < nn; j++)
        dst[j] = ext;
    }
  else
    memset (dst, 0, (size_t) nn * sizeof *dst);
  if (dst != old)
    {
      if (s->cap)
        free (old);
      s->u.heap = dst;
      s->cap = (uint8_t) cap;
    }
  set_window (s, lo, nn);
}

/* The top limb has left its bound: give it a limb above.  At the frame's
   top this cannot happen before 2^126 values of DBL_MAX are added.  */
static void
widen (struct mn_xsum *s)
{
  int base = base_of (s), top = base + s->n - 1;
  if (top < LMAX)
    reserve (s, base, top + 1);
}

/* mn_xsum_add's rare end: carry C (1, 0 or -1) into limb I and up to the
   top limb, where it dies (two's complement), then keep the top limb in
   its bound.  */
void
mn_xsum__carry (struct mn_xsum *s, unsigned i, int c)
{
  uint64_t *l = limbs (s);
  unsigned n = s->n;
  if (c > 0)
    for (; i < n && ++l[i] == 0; i++)
      ;
  else if (c < 0)
    for (; i < n && l[i]-- == 0; i++)
      ;
  if (!in_bound (l[n - 1]))
    widen (s);
}

/* What mn_xsum_add leaves to this: zeros, subnormals, infinities and
   NaNs, the first value of an empty sum and values outside the window.
   A first value between about 2^-76 and 2^52 (its last bit in limb -2
   or -1) gets the home window, limbs -2 to 1: bits 2^-128 to 2^126,
   which takes every product of weights within 10^-11 .. 10^11 and 0-100
   scores, summed over 2^40 rows, whichever value comes first.  Another
   first value gets four limbs around its own two: one below for smaller
   values, one above for the sum to grow into.  A value outside the window widens it just enough,
   plus a limb of room when it reaches the top.  */
void
mn_xsum__add_slow (struct mn_xsum *s, double x)
{
  if (isnan (x))
    {
      s->special |= 4;
      return;
    }
  if (isinf (x))
    {
      s->special |= x > 0 ? 1 : 2;
      return;
    }
  if (x == 0)
    return;
  int k;
  uint64_t lo, hi;
  int neg = split (x, &k, &lo, &hi);
  if (!s->n)
    {
      if (k == -2 || k == -1)
        reserve (s, -2, 1);
      else
        reserve (s, k - 1, k + 2);
    }
  else
    {
      int top = base_of (s) + s->n - 1;
      reserve (s, k, k + 1 < top ? top : k + 2);
    }
  uint64_t *l = limbs (s);
  add_at (l, s->n, k - base_of (s), lo, hi, neg);
  if (!in_bound (l[s->n - 1]))
    widen (s);
}

/* S's value in the frame F: every limb, sign-extended.  */
static void
to_frame (const struct mn_xsum *s, uint64_t *f)
{
  memset (f, 0, NF * sizeof *f);
  if (!s->n)
    return;
  const uint64_t *l = climbs (s);
  int o = base_of (s) - LMIN, n = s->n;
  memcpy (f + o, l, (size_t) n * sizeof *f);
  uint64_t ext = ext_of (l[n - 1]);
  for (int j = o + n; j < NF; j++)
    f[j] = ext;
}

/* Store the frame F in S (its special values kept): the window is cut
   to the limbs the value needs, then padded within the storage already
   there (a limb above first, for growth).  A heap array is given back
   when the value fits inline.  */
static void
from_frame (struct mn_xsum *s, const uint64_t *f)
{
  int lo = 0;
  while (lo < NF && f[lo] == 0)
    lo++;
  if (lo == NF)
    {
      set_window (s, 0, 0);
      return;
    }
  int hi = NF - 1;
  uint64_t ext = ext_of (f[hi]);
  while (hi > lo && f[hi] == ext && in_bound (f[hi - 1])
         && ext_of (f[hi - 1]) == ext)
    hi--;
  int n = hi - lo + 1;
  if (s->cap && n <= MN_XSUM_INLINE)
    {
      free (s->u.heap);
      s->cap = 0;
    }
  int cap = s->cap ? s->cap : MN_XSUM_INLINE;
  if (n > cap)
    {
      cap = n + 2 < NF ? n + 2 : NF;
      if (s->cap)
        free (s->u.heap);
      s->u.heap = xmalloc ((size_t) cap * sizeof (uint64_t));
      s->cap = (uint8_t) cap;
    }
  if (n < cap && hi < NF - 1)
    hi++, n++;
  while (n < cap && lo > 0)
    lo--, n++;
  memcpy (limbs (s), f + lo, (size_t) n * sizeof *f);
  set_window (s, lo + LMIN, n);
}

/* F += G over the whole frame, the carry out of the top dropped.  */
static void
frame_add (uint64_t *f, const uint64_t *g)
{
  unsigned c = 0;
  for (int j = 0; j < NF; j++)
    {
      uint64_t t = f[j] + g[j];
      unsigned c1 = t < g[j];
      f[j] = t + c;
      c = c1 | (f[j] < t);
    }
}

/* F = -F (two's complement).  */
static void
frame_negate (uint64_t *f)
{
  unsigned c = 1;
  for (int j = 0; j < NF; j++)
    {
      f[j] = ~f[j] + c;
      c = c && f[j] == 0;
    }
}

void
mn_xsum_merge (struct mn_xsum *a, const struct mn_xsum *b)
{
  a->special |= b->special;
  if (!b->n)
    return;
  uint64_t fa[NF], fb[NF];
  to_frame (a, fa);
  to_frame (b, fb);
  frame_add (fa, fb);
  from_frame (a, fa);
}

/* COUNT (<= 64) bits of the nonnegative frame F from bit POS up.  */
static uint64_t
get_bits (const uint64_t *f, int pos, int count)
{
  int j = pos >> 6, off = pos & 63;
  uint64_t v = f[j] >> off;
  if (off && j + 1 < NF)
    v |= f[j + 1] << (64 - off);
  return count < 64 ? v & (((uint64_t) 1 << count) - 1) : v;
}

/* Whether any of the bits of the nonnegative frame F below POS is set.  */
static int
any_below (const uint64_t *f, int pos)
{
  int j = pos >> 6, off = pos & 63;
  if (off && (f[j] & (((uint64_t) 1 << off) - 1)))
    return 1;
  while (j-- > 0)
    if (f[j])
      return 1;
  return 0;
}

/* The frame's value rounded to nearest, ties to even.  The 53 bits
   from the highest set bit down, the next bit and whether any lower bit
   is set decide it, as in any correctly rounded conversion.  ldexp is
   exact here: when the result is subnormal, the value has fewer than 53
   significant bits (it is a multiple of 2^-1074), so nothing was cut;
   beyond DBL_MAX it gives the infinity rounding asks for.  */
static double
frame_round (const uint64_t *f0)
{
  uint64_t f[NF];
  memcpy (f, f0, sizeof f);
  int neg = (int) (f[NF - 1] >> 63);
  if (neg)
    frame_negate (f);
  int t = NF - 1;
  while (t >= 0 && f[t] == 0)
    t--;
  if (t < 0)
    return 0.0;
  int top = 64 * t + 63 - __builtin_clzll (f[t]);
  uint64_t m;
  int sh;
  if (top < 53)
    m = f[0], sh = 0;
  else
    {
      sh = top - 52;
      m = get_bits (f, sh, 53);
      if (get_bits (f, sh - 1, 1) && ((m & 1) || any_below (f, sh - 1)))
        m++;
    }
  double v = ldexp ((double) m, sh - FRAME_BIAS);
  return neg ? -v : v;
}

/* The IEEE result of the non-finite values added, whatever else was.  */
static double
special_value (unsigned special)
{
  if ((special & 4) || special == 3)
    return NAN;
  return special == 1 ? INFINITY : -INFINITY;
}

double
mn_xsum_value (const struct mn_xsum *s)
{
  if (s->special)
    return special_value (s->special);
  uint64_t f[NF];
  to_frame (s, f);
  return frame_round (f);
}

/* The remainder is exact: the frame holds any double's bits, so the
   sum less its rounded value is computed in it before rounding again
   (the double-double of Dekker 1971, here from an exact source).  */
void
mn_xsum_dd (const struct mn_xsum *s, double *hi, double *lo)
{
  *lo = 0;
  if (s->special)
    {
      *hi = special_value (s->special);
      return;
    }
  uint64_t f[NF];
  to_frame (s, f);
  *hi = frame_round (f);
  if (*hi == 0 || !isfinite (*hi))
    return;
  int k;
  uint64_t l, h;
  int neg = split (*hi, &k, &l, &h);
  add_at (f, NF, k - LMIN, l, h, !neg);
  *lo = frame_round (f);
}

int
mn_xsum_format (const struct mn_xsum *s, char *buf, size_t size)
{
  char tmp[MN_XSUM_TEXT_MAX];
  const char *text = tmp;
  int len = 0;
  if (s->special)
    {
      double v = special_value (s->special);
      text = isnan (v) ? "nan" : v > 0 ? "inf" : "-inf";
      len = (int) strlen (text);
    }
  else
    {
      uint64_t f[NF];
      to_frame (s, f);
      if (f[NF - 1] >> 63)
        {
          frame_negate (f);
          tmp[len++] = '-';
        }
      /* Hex digit d of the frame is bits 4d..4d+3: 2^(4d - 1088).  */
      int dhi = NF * 16 - 1, dlo = 0;
      while (dhi >= 0 && ((f[dhi >> 4] >> (4 * (dhi & 15))) & 15) == 0)
        dhi--;
      if (dhi < 0)
        len = snprintf (tmp, sizeof tmp, "0x0p+0");
      else
        {
          while (((f[dlo >> 4] >> (4 * (dlo & 15))) & 15) == 0)
            dlo++;
          tmp[len++] = '0';
          tmp[len++] = 'x';
          for (int d = dhi; d >= dlo; d--)
            tmp[len++] = "0123456789abcdef"[(f[d >> 4] >> (4 * (d & 15)))
                                             & 15];
          len += snprintf (tmp + len, sizeof tmp - (size_t) len, "p%+d",
                           4 * dlo - FRAME_BIAS);
        }
    }
  if (size)
    {
      size_t c = (size_t) len < size ? (size_t) len : size - 1;
      memcpy (buf, text, c);
      buf[c] = '\0';
    }
  return len;
}

static int
hexval (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static int
is_text (const char *t, size_t len, const char *word)
{
  return len == strlen (word) && memcmp (t, word, len) == 0;
}

/* Two passes: the first checks the syntax and finds the first and last
   nonzero digits and the exponent; the second places the digits between
   them in a frame, which the range checks have made sure can hold them.
   Exponents are saturated while read, text over a MiB refused, so no
   arithmetic here can overflow.  */
int
mn_xsum_parse (struct mn_xsum *s, const char *t, size_t len)
{
  unsigned special = 0;
  if (is_text (t, len, "inf"))
    special = 1;
  else if (is_text (t, len, "-inf"))
    special = 2;
  else if (is_text (t, len, "nan"))
    special = 4;
  if (special)
    {
      set_window (s, 0, 0);
      s->special = (uint8_t) special;
      return 0;
    }
  if (len > ((size_t) 1 << 20))
    return -1;
  size_t i = 0;
  int neg = 0;
  if (i < len && (t[i] == '+' || t[i] == '-'))
    neg = t[i++] == '-';
  if (!(i + 1 < len && t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X')))
    return -1;
  i += 2;
  size_t point = (size_t) -1;
  long long ndig = 0, nfrac = 0;
  size_t first = (size_t) -1, last = (size_t) -1;
  long long last_idx = 0;  /* digit count before the last nonzero one */
  for (; i < len; i++)
    {
      int v = hexval (t[i]);
      if (v < 0)
        {
          if (t[i] == '.' && point == (size_t) -1)
            {
              point = i;
              continue;
            }
          break;
        }
      if (v)
        {
          if (first == (size_t) -1)
            first = i;
          last = i;
          last_idx = ndig;
        }
      ndig++;
      if (point != (size_t) -1)
        nfrac++;
    }
  if (ndig == 0 || i >= len || (t[i] != 'p' && t[i] != 'P'))
    return -1;
  i++;
  int eneg = 0;
  if (i < len && (t[i] == '+' || t[i] == '-'))
    eneg = t[i++] == '-';
  if (i >= len)
    return -1;
  long long e = 0;
  for (; i < len; i++)
    {
      if (t[i] < '0' || t[i] > '9')
        return -1;
      e = e * 10 + (t[i] - '0');
      if (e > 100000000)
        e = 100000000;
    }
  if (eneg)
    e = -e;
  uint64_t f[NF];
  memset (f, 0, sizeof f);
  if (first != (size_t) -1)
    {
      /* Digit number j (0 first) weighs 2^(e - 4 nfrac + 4 (ndig-1-j)).  */
      long long elast = e - 4 * nfrac + 4 * (ndig - 1 - last_idx);
      int vlast = hexval (t[last]), vfirst = hexval (t[first]);
      long long lowbit = elast + __builtin_ctz ((unsigned) vlast);
      long long span = 0;  /* digits from first to last, less one */
      for (size_t j = first; j < last; j++)
        span += t[j] != '.';
      long long topbit = elast + 4 * span + 31 - __builtin_clz ((unsigned)
                                                                 vfirst);
      if (lowbit < -1074 || topbit >= 1150)
        return -1;
      long long pos = elast + FRAME_BIAS;
      for (size_t j = last + 1; j-- > first;)
        {
          if (t[j] == '.')
            continue;
          uint64_t v = (uint64_t) hexval (t[j]);
          int w = (int) (pos >> 6), off = (int) (pos & 63);
          f[w] |= v << off;
          if (off > 60 && w + 1 < NF)
            f[w + 1] |= v >> (64 - off);
          pos += 4;
        }
      if (neg)
        frame_negate (f);
    }
  s->special = 0;
  from_frame (s, f);
  return 0;
}

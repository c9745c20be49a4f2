/* csvout.c - writing CSV.  libcsv's csv_fwrite quotes every field; we
   quote only where RFC 4180 requires it, as spreadsheets do, so that
   plain tables stay plain for sort(1), join(1) and datamash(1).  */
#include "io/csvout.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/wordbytes.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Does the field of LEN bytes at S need quoting: does it hold DELIM, a
   double quote, CR or LF?  */
static bool
needs_quote (const char *s, size_t len, char delim)
{
  for (size_t i = 0; i < len; i++)
    if (s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
      return true;
  return false;
}

/* Are the N bytes at S free of double quotes, CR and LF, and do they
   hold exactly NDELIM bytes DELIM?  Eight bytes at a time.  */
static bool
plain_row (const char *s, size_t n, char delim, size_t ndelim)
{
  const uint64_t d = MN_ONES * (unsigned char) delim, q = MN_ONES * '"';
  const uint64_t lf = MN_ONES * '\n', cr = MN_ONES * '\r';
  size_t i = 0, k = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w;
      memcpy (&w, s + i, 8);
      if (mn_equal_bytes (w, q) | mn_equal_bytes (w, lf)
          | mn_equal_bytes (w, cr))
        return false;
      /* A 1 in the low bit of each matching byte, summed into the top
         byte by the multiply (at most 8: no carry out).  */
      k += (size_t) (((mn_equal_bytes (w, d) >> 7) * MN_ONES) >> 56);
    }
  for (; i < n; i++)
    {
      if (s[i] == '"' || s[i] == '\n' || s[i] == '\r')
        return false;
      k += s[i] == delim;
    }
  return k == ndelim;
}

void
mn_csv_field (FILE *fp, const char *s, size_t len, char delim)
{
  if (!needs_quote (s, len, delim))
    {
      fwrite (s, 1, len, fp);
      return;
    }
  putc ('"', fp);
  for (size_t i = 0; i < len; i++)
    {
      if (s[i] == '"')
        putc ('"', fp);
      putc (s[i], fp);
    }
  putc ('"', fp);
}

void
mn_csv_str (FILE *fp, const char *s, char delim)
{
  mn_csv_field (fp, s, strlen (s), delim);
}

/* The N fields F[i] of LEN[i] bytes lie one after the other in memory,
   each ended by a NUL byte, as a reader's record does: copy them in
   words into BUF (of SIZE bytes, with room for a final LF), the NUL
   bytes between them made DELIM.  Returns the length, or 0 (nothing
   written, or not all) when they do not lie so, do not fit, or one
   needs quoting, or holds a NUL byte.  */
static size_t
contiguous_row (char *buf, size_t size, char *const *f, const size_t *len,
                size_t n, char delim)
{
  if (n == 0)
    return 0;
  for (size_t i = 0; i + 1 < n; i++)
    if (f[i + 1] != f[i] + len[i] + 1)
      return 0;
  size_t total = (size_t) (f[n - 1] - f[0]) + len[n - 1];
  if (total + 1 >= size || total < 8)
    return 0;
  const char *s = f[0];
#ifdef __SSE2__
  if (total >= 16)
    {
      /* Sixteen bytes at a time, as below.  */
      const __m128i vd = _mm_set1_epi8 (delim), vq = _mm_set1_epi8 ('"');
      const __m128i vlf = _mm_set1_epi8 ('\n'), vcr = _mm_set1_epi8 ('\r');
      const __m128i zero = _mm_setzero_si128 ();
      unsigned bad = 0;
      size_t nul = 0;
      for (size_t i = 0;; i += 16)
        {
          size_t at = i + 16 <= total ? i : total - 16;
          __m128i v = _mm_loadu_si128 ((const __m128i *) (s + at));
          __m128i z = _mm_cmpeq_epi8 (v, zero);
          bad |= (unsigned) _mm_movemask_epi8 (
            _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, vq),
                                        _mm_cmpeq_epi8 (v, vlf)),
                          _mm_or_si128 (_mm_cmpeq_epi8 (v, vcr),
                                        _mm_cmpeq_epi8 (v, vd))));
          /* Bytes before I, counted already, left out.  */
          unsigned zc = (unsigned) _mm_movemask_epi8 (z)
                        & (0xFFFFu << (i - at));
          /* Its bits counted inline (without -mpopcnt, GCC calls
             libgcc's __popcountdi2).  */
          zc -= (zc >> 1) & 0x5555u;
          zc = (zc & 0x3333u) + ((zc >> 2) & 0x3333u);
          zc = (zc + (zc >> 4)) & 0x0F0Fu;
          nul += (zc + (zc >> 8)) & 0x1Fu;
          _mm_storeu_si128 ((__m128i *) (buf + at),
                            _mm_or_si128 (v, _mm_and_si128 (z, vd)));
          if (at + 16 >= total)
            break;
        }
      return bad || nul != n - 1 ? 0 : total;
    }
#endif
  const uint64_t d = MN_ONES * (unsigned char) delim, q = MN_ONES * '"';
  const uint64_t lf = MN_ONES * '\n', cr = MN_ONES * '\r';
  size_t nul = 0, i = 0;
  uint64_t bad = 0;
  /* The last word may start before I: each byte is looked at by its
     last word only (the mask of the overlap dropped).  */
  for (;; i += 8)
    {
      size_t at = i + 8 <= total ? i : total - 8;
      uint64_t w;
      memcpy (&w, s + at, 8);
      uint64_t z = mn_zero_bytes (w);
      bad |= mn_equal_bytes (w, q) | mn_equal_bytes (w, lf) | mn_equal_bytes (w, cr)
             | mn_equal_bytes (w, d);
      uint64_t zc = z;
      if (at < i)
        {
          /* Bytes before I in memory, counted already.  */
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
          zc &= ~UINT64_C (0) >> (8 * (i - at));
#else
          zc &= ~UINT64_C (0) << (8 * (i - at));
#endif
        }
      nul += (size_t) (((zc >> 7) * MN_ONES) >> 56);
      w += (z >> 7) * (unsigned char) delim;
      memcpy (buf + at, &w, 8);
      if (at + 8 >= total)
        break;
    }
  return bad || nul != n - 1 ? 0 : total;
}

size_t
mn_csv_row_buf (char *buf, size_t size, char *const *f, const size_t *len,
                size_t n, char delim)
{
  size_t k = contiguous_row (buf, size, f, len, n, delim);
  if (k)
    {
      buf[k++] = '\n';
      return k;
    }
  for (size_t i = 0; i < n; i++)
    {
      if (len[i] >= size - k)
        return 0;
      if (i)
        buf[k++] = delim;
      memcpy (buf + k, f[i], len[i]);
      k += len[i];
    }
  if (k < size && plain_row (buf, k, delim, n ? n - 1 : 0))
    {
      buf[k++] = '\n';
      return k;
    }
  return 0;
}

void
mn_csv_row (FILE *fp, char *const *f, const size_t *len, size_t n, char delim)
{
  /* The common row, short with no field to quote, is put together in
     BUF, checked in one pass (only the N - 1 delimiters put between the
     fields, no quote, CR or LF) and written in one call: a call of
     fwrite or putc a field, and a scan a field, cost more than the
     field's bytes.  Any other row goes field by field.  */
  char buf[4096];
  size_t k = mn_csv_row_buf (buf, sizeof buf, f, len, n, delim);
  if (k)
    {
      fwrite (buf, 1, k, fp);
      return;
    }
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        putc (delim, fp);
      mn_csv_field (fp, f[i], len[i], delim);
    }
  putc ('\n', fp);
}

/* Does the decimal of the P digits DIG (DIG[0] not 0) times 10^E (the
   first digit's place), negative when NEG, read back as X?  As strtod
   reads it: when the P digits as an integer M and 10^|K| (K, the last
   digit's place) are both exact doubles, one correctly rounded multiply
   or divide gives the nearest double (Clinger, "How to read floating
   point numbers accurately", PLDI 1990, the fast path, as
   base/numparse.c's); otherwise strtod itself.  */
static bool
reads_back (const char *dig, int p, int e, bool neg, double x)
{
  static const double p10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
  uint64_t m = 0;
  for (int i = 0; i < p; i++)
    m = m * 10 + (uint64_t) (dig[i] - '0');
  int k = e - (p - 1);
  double v;
  if (m <= (UINT64_C (1) << 53) && k >= -22 && k <= 22)
    v = k >= 0 ? (double) m * p10[k] : (double) m / p10[-k];
  else
    {
      char s[48];
      snprintf (s, sizeof s, "%.*se%d", p, dig, k);
      v = strtod (s, NULL);
    }
  return (neg ? -v : v) == x;
}

/* Write the P digits DIG times 10^E, negative when NEG, into BUF of
   SIZE bytes as printf's %.Pg does: exponent form when E < -4 or E >=
   P, trailing zeros (and a point left bare) dropped, an exponent of at
   least two digits.  Returns the length of the whole text.  */
static int
put_g (char *buf, size_t size, const char *dig, int p, int e, bool neg)
{
  char out[48];
  int k = 0, n = p;
  while (n > 1 && dig[n - 1] == '0')
    n--;
  if (neg)
    out[k++] = '-';
  if (e < -4 || e >= p)
    {
      out[k++] = dig[0];
      if (n > 1)
        {
          out[k++] = '.';
          memcpy (out + k, dig + 1, (size_t) n - 1);
          k += n - 1;
        }
      k += snprintf (out + k, sizeof out - (size_t) k, "e%c%02d",
                     e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
  else if (e >= 0)
    {
      memcpy (out + k, dig, (size_t) e + 1);
      k += e + 1;
      if (n > e + 1)
        {
          out[k++] = '.';
          memcpy (out + k, dig + e + 1, (size_t) (n - e - 1));
          k += n - e - 1;
        }
    }
  else
    {
      out[k++] = '0';
      out[k++] = '.';
      for (int i = 0; i < -e - 1; i++)
        out[k++] = '0';
      memcpy (out + k, dig, (size_t) n);
      k += n;
    }
  out[k] = '\0';
  if (size)
    {
      size_t c = (size_t) k < size ? (size_t) k : size - 1;
      memcpy (buf, out, c);
      buf[c] = '\0';
    }
  return k;
}

/* Round the 17 significant digits D17 (exponent *E) of a double to P
   (15 or 16) into DIG, *E raised when the rounding carries into a new
   digit.  Returns -1 when the 17 digits cannot tell which way the
   double itself rounds: D17 is the double rounded (to nearest, ties to
   even), so the double lies within half a unit of D17's last digit,
   and only a tail of exactly 5 (P 16) or 50 (P 15) can stand for a
   value on either side of the half.  */
static int
round_digits (const char *d17, int p, char *dig, int *e)
{
  bool up;
  if (p == 16)
    {
      if (d17[16] == '5')
        return -1;
      up = d17[16] > '5';
    }
  else
    {
      if (d17[15] == '5' && d17[16] == '0')
        return -1;
      up = d17[15] >= '5';
    }
  memcpy (dig, d17, (size_t) p);
  if (up)
    {
      int i = p - 1;
      while (i >= 0 && dig[i] == '9')
        dig[i--] = '0';
      if (i < 0)
        {
          dig[0] = '1';
          ++*e;
        }
      else
        dig[i]++;
    }
  return 0;
}

/* The shortest of %.15g, %.16g and %.17g of X (finite, normal, not a
   whole number below 2^53) that reads back as X, from one printf of 17
   digits: the 15- and 16-digit roundings are made from its digits when
   those can tell (else printed), and tested without strtod when
   Clinger's fast path applies.  The same text as printing each in turn
   and reading it back with strtod (tests/unit/test-misc.c compares the
   two).  printf and strtod agree on the decimal point, and
   mn_program_init keeps LC_NUMERIC at "C", so it is '.'.  */
static int
shortest (char *buf, size_t size, double x)
{
  char s[40];
  snprintf (s, sizeof s, "%.16e", x);    /* [-]d.dddddddddddddddde[+-]X */
  bool neg = s[0] == '-';
  const char *q = s + neg;
  char d17[17], dig[17];
  d17[0] = q[0];
  memcpy (d17 + 1, q + 2, 16);
  int e = atoi (q + 19);
  for (int p = 15; p <= 16; p++)
    {
      int pe = e;
      if (round_digits (d17, p, dig, &pe) < 0)
        {
          char t[40];
          snprintf (t, sizeof t, "%.*e", p - 1, x);
          const char *r = t + neg;
          dig[0] = r[0];
          memcpy (dig + 1, r + 2, (size_t) p - 1);
          pe = atoi (r + p + 2);
        }
      if (reads_back (dig, p, pe, neg, x))
        return put_g (buf, size, dig, p, pe, neg);
    }
  return put_g (buf, size, d17, 17, e, neg);
}

size_t
mn_num_format (char *buf, size_t size, double x, int digits)
{
  if (!isfinite (x))
    {
      if (size)
        buf[0] = '\0';
      return 0;
    }
  if (x == 0)
    x = 0;      /* no "-0" */
  int n;
  if (digits > 0)
    n = snprintf (buf, size, "%.*g", digits, x);
  else if (x == trunc (x) && fabs (x) < 9007199254740992.0)
    n = snprintf (buf, size, "%.0f", x);
  else if (fabs (x) < DBL_MIN)
    /* Subnormals have fewer bits, so maybe fewer digits than 15.  */
    for (int p = 1;; p++)
      {
        n = snprintf (buf, size, "%.*g", p, x);
        if (p == 17 || strtod (buf, NULL) == x)
          break;
      }
  else
    n = shortest (buf, size, x);
  return n < 0 ? 0 : (size_t) n;
}

void
mn_csv_num (FILE *fp, double x, int digits)
{
  char buf[MN_NUM_BUFSIZE];
  size_t n = mn_num_format (buf, sizeof buf, x, digits);
  fwrite (buf, 1, n, fp);
}

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

#define ONES UINT64_C (0x0101010101010101)
#define LOWS UINT64_C (0x7F7F7F7F7F7F7F7F)

/* The bytes of W equal to those of C (C's byte in every byte), marked
   by their top bit, exactly: no borrow from one byte into the next
   (Hacker's Delight, 6-1).  */
static inline uint64_t
equal_bytes (uint64_t w, uint64_t c)
{
  uint64_t x = w ^ c;
  return ~(((x & LOWS) + LOWS) | x | LOWS);
}

/* The bytes of W that are zero, marked likewise.  */
static inline uint64_t
zero_bytes (uint64_t w)
{
  return ~(((w & LOWS) + LOWS) | w | LOWS);
}

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
  const uint64_t d = ONES * (unsigned char) delim, q = ONES * '"';
  const uint64_t lf = ONES * '\n', cr = ONES * '\r';
  size_t i = 0, k = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w;
      memcpy (&w, s + i, 8);
      if (equal_bytes (w, q) | equal_bytes (w, lf) | equal_bytes (w, cr))
        return false;
      /* A 1 in the low bit of each matching byte, summed into the top
         byte by the multiply (at most 8: no carry out).  */
      k += (size_t) (((equal_bytes (w, d) >> 7) * ONES) >> 56);
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
  const uint64_t d = ONES * (unsigned char) delim, q = ONES * '"';
  const uint64_t lf = ONES * '\n', cr = ONES * '\r';
  size_t nul = 0, i = 0;
  uint64_t bad = 0;
  /* The last word may start before I: each byte is looked at by its
     last word only (the mask of the overlap dropped).  */
  for (;; i += 8)
    {
      size_t at = i + 8 <= total ? i : total - 8;
      uint64_t w;
      memcpy (&w, s + at, 8);
      uint64_t z = zero_bytes (w);
      bad |= equal_bytes (w, q) | equal_bytes (w, lf) | equal_bytes (w, cr)
             | equal_bytes (w, d);
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
      nul += (size_t) (((zc >> 7) * ONES) >> 56);
      w += (z >> 7) * (unsigned char) delim;
      memcpy (buf + at, &w, 8);
      if (at + 8 >= total)
        break;
    }
  return bad || nul != n - 1 ? 0 : total;
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
  size_t k = contiguous_row (buf, sizeof buf, f, len, n, delim);
  if (k)
    {
      buf[k++] = '\n';
      fwrite (buf, 1, k, fp);
      return;
    }
  for (size_t i = 0; i < n; i++)
    {
      if (len[i] >= sizeof buf - k)
        goto by_field;
      if (i)
        buf[k++] = delim;
      memcpy (buf + k, f[i], len[i]);
      k += len[i];
    }
  if (k < sizeof buf && plain_row (buf, k, delim, n ? n - 1 : 0))
    {
      buf[k++] = '\n';
      fwrite (buf, 1, k, fp);
      return;
    }
by_field:
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        putc (delim, fp);
      mn_csv_field (fp, f[i], len[i], delim);
    }
  putc ('\n', fp);
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
    {
      /* printf and strtod agree on the decimal point, and
         mn_program_init keeps LC_NUMERIC at "C", so it is '.'.  Half of
         all doubles need 17 digits and most of the rest 16: try 16
         first, then 15 if 16 reads back, else take 17.  */
      n = snprintf (buf, size, "%.16g", x);
      if (strtod (buf, NULL) != x)
        n = snprintf (buf, size, "%.17g", x);
      else
        {
          char b15[MN_NUM_BUFSIZE];
          int n15 = snprintf (b15, sizeof b15, "%.15g", x);
          if (strtod (b15, NULL) == x && n15 >= 0 && (size_t) n15 < size)
            {
              memcpy (buf, b15, (size_t) n15 + 1);
              n = n15;
            }
        }
    }
  return n < 0 ? 0 : (size_t) n;
}

void
mn_csv_num (FILE *fp, double x, int digits)
{
  char buf[MN_NUM_BUFSIZE];
  size_t n = mn_num_format (buf, sizeof buf, x, digits);
  fwrite (buf, 1, n, fp);
}

/* normalize.c - NFKC of keys and answers (libunistring).  */
#include "base/normalize.h"

#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

#include "base/utf8.h"
#include "base/xalloc.h"

bool
mn_nfkc_stable (const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *) s, *end = p + len;
  for (;;)
    {
      p += mn_ascii_prefix ((const char *) p, (size_t) (end - p));
      if (p == end)
        return true;
      /* A run of common CJK characters (a name: 城关镇), one after
         another without going back to the ASCII test: a lead byte
         E4..E9 and two continuation bytes each.  */
      do
        {
          if ((unsigned) (*p - 0xE4) > 0xE9 - 0xE4 || end - p < 3
              || (((p[1] ^ 0x80) | (p[2] ^ 0x80)) & 0xC0))
            return false;
          p += 3;
        }
      while (p < end && *p >= 0x80);
    }
}

const char *
mn_nfkc (struct mn_nfkc *b, const char *s, size_t len, size_t *out)
{
  *out = len;
  /* (u8_normalize would put U+FFFD for bytes that are not UTF-8, and
     hide them from the checks that reject them.)  */
  if (mn_nfkc_stable (s, len) || !mn_utf8_valid (s, len))
    return s;
  /* u8_normalize writes into B's buffer when the result fits (one byte
     kept for the NUL), and otherwise returns a new one, which B then
     keeps.  */
  size_t n = b->cap ? b->cap - 1 : 0;
  uint8_t *r = u8_normalize (UNINORM_NFKC, (const uint8_t *) s, len,
                             (uint8_t *) b->buf, &n);
  if (!r)
    xalloc_die ();              /* the input is valid UTF-8: only ENOMEM */
  if ((char *) r != b->buf)
    {
      free (b->buf);
      b->buf = (char *) r;
      b->cap = n;
    }
  if (n + 1 > b->cap)
    {
      b->buf = xrealloc (b->buf, n + 1);
      b->cap = n + 1;
    }
  b->buf[n] = '\0';
  *out = n;
  return b->buf;
}

void
mn_nfkc_release (struct mn_nfkc *b)
{
  free (b->buf);
  b->buf = NULL;
  b->cap = 0;
}

char *
mn_nfkc_dup (const char *s, size_t len)
{
  struct mn_nfkc b = { 0 };
  size_t n;
  const char *r = mn_nfkc (&b, s, len, &n);
  if (r == b.buf)
    return b.buf;               /* NUL-terminated, exactly ours */
  return xmemdup0 (r, n);
}

void
mn_nfkc_replace (char **s)
{
  size_t len = strlen (*s);
  if (mn_ascii (*s, len))
    return;
  char *n = mn_nfkc_dup (*s, len);
  free (*s);
  *s = n;
}

/* utf8.c - UTF-8 validation after RFC 3629, section 4 (the byte-sequence
   grammar), so that what we call valid is what iconv and browsers
   accept.  */
#include "utf8.h"

#include <string.h>

bool
mn_utf8_valid (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str, *end = s + n;
  while (s < end)
    {
      unsigned c = *s;
      if (c < 0x80)
        {
          s++;
          continue;
        }
      size_t len;
      unsigned lo = 0x80, hi = 0xBF;  /* range of the second byte */
      if (c >= 0xC2 && c <= 0xDF)
        len = 2;
      else if (c >= 0xE0 && c <= 0xEF)
        {
          len = 3;
          if (c == 0xE0)
            lo = 0xA0;
          else if (c == 0xED)
            hi = 0x9F;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          len = 4;
          if (c == 0xF0)
            lo = 0x90;
          else if (c == 0xF4)
            hi = 0x8F;
        }
      else
        return false;
      if ((size_t) (end - s) < len || s[1] < lo || s[1] > hi)
        return false;
      for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
          return false;
      s += len;
    }
  return true;
}

size_t
mn_utf8_cut_tail (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  for (size_t back = 1; back <= 3 && back <= n; back++)
    {
      unsigned c = s[n - back];
      if (c < 0x80)
        return 0;
      if (c >= 0xC0)
        {
          size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
          return len > back ? back : 0;
        }
    }
  return 0;
}

int
mn_utf8_stream_valid (FILE *fp)
{
  char buf[65536 + 4];
  size_t carry = 0, got;
  while ((got = fread (buf + carry, 1, sizeof buf - 4 - carry + 0, fp)) > 0)
    {
      size_t n = carry + got;
      size_t tail = mn_utf8_cut_tail (buf, n);
      if (!mn_utf8_valid (buf, n - tail) || memchr (buf, '\0', n - tail))
        return 0;
      memmove (buf, buf + n - tail, tail);
      carry = tail;
    }
  if (ferror (fp))
    return -1;
  return carry == 0;
}

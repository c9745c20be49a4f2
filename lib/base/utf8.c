/* utf8.c - UTF-8 validation after RFC 3629, section 4 (the byte-sequence
   grammar), so that what we call valid is what iconv and browsers
   accept.  */
#include "base/utf8.h"

#include <stdint.h>
#include <string.h>

#define HIGH_BITS UINT64_C (0x8080808080808080)

/* How many of the N bytes at S, from the first, are ASCII, counted
   eight at a time up to the first word that holds another byte (the
   caller goes on byte by byte).  */
static size_t
ascii_words (const unsigned char *s, size_t n)
{
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w;
      memcpy (&w, s + i, 8);
      if (w & HIGH_BITS)
        break;
    }
  return i;
}

bool
mn_utf8_valid (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str, *end = s + n;
  for (;;)
    {
      /* Runs of ASCII, the bulk of a survey: a word at a time, then
         byte by byte up to the next other byte.  */
      s += ascii_words (s, end - s);
      while (s < end && *s < 0x80)
        s++;
      if (s == end)
        return true;
      unsigned c = *s;
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
}

/* utf8.c - UTF-8 validation after RFC 3629, section 4 (the byte-sequence
   grammar), so that what we call valid is what iconv and browsers
   accept.  */
#include "base/utf8.h"

bool
mn_utf8_valid (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str, *end = s + n;
  for (;;)
    {
      /* Runs of ASCII, the bulk of a survey.  */
      s += mn_ascii_prefix ((const char *) s, (size_t) (end - s));
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

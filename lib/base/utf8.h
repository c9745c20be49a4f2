/* utf8.h - UTF-8 validation, and the test for ASCII it starts with.  */
#ifndef MINYI_UTF8_H
#define MINYI_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* True when the N bytes at S (borrowed) are well-formed UTF-8 (RFC 3629: no
   overlong forms, no surrogates, nothing above U+10FFFF).  */
bool mn_utf8_valid (const char *s, size_t n);

/* How many of the N bytes at S (borrowed), from the first, are ASCII:
   counted eight at a time (no byte of an ASCII word has its top bit),
   then byte by byte.  Inline: the hot loops of the reader and of NFKC
   call it per cell.  */
static inline size_t
mn_ascii_prefix (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w;
      memcpy (&w, s + i, 8);
      uint64_t h = w & UINT64_C (0x8080808080808080);
      if (h)
        /* The word's ASCII bytes before its first other one, at once:
           the first byte in memory is the lowest on a little-endian
           machine, the highest on a big-endian one.  */
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        return i + ((size_t) __builtin_clzll (h) >> 3);
#else
        return i + ((size_t) __builtin_ctzll (h) >> 3);
#endif
    }
  while (i < n && s[i] < 0x80)
    i++;
  return i;
}

/* True when the N bytes at S (borrowed) are all ASCII.  */
static inline bool
mn_ascii (const char *s, size_t n)
{
  return mn_ascii_prefix (s, n) == n;
}

#endif

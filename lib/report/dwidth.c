/* dwidth.c - display width of UTF-8 text (UAX #11), locale-free.  */
#include "report/dwidth.h"

struct range
{
  unsigned long lo, hi;
};

/* Wide (W) and Fullwidth (F) ranges of UAX #11 (Unicode 15), merged
   where adjacent, that a report of Chinese names meets: CJK radicals and
   punctuation, kana, bopomofo, hangul, CJK ideographs and their
   extensions, compatibility ideographs, vertical and small forms,
   fullwidth ASCII and signs, and the emoji block's wide pictographs.  */
static const struct range wide[] = {
  { 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
  { 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
  { 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
  { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
  { 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
  { 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
  { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
  { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
  { 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
  { 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
  { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
  { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
  { 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
  { 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
  { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F },
  { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
  { 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 },
  { 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
  { 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F }, { 0x1F680, 0x1F6FF },
  { 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Zero width: combining marks (Mn, Me) of the scripts met here,
   zero-width spaces and joiners, variation selectors.  */
static const struct range zero[] = {
  { 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
  { 0x200B, 0x200F }, { 0x2028, 0x202E }, { 0x2060, 0x2064 },
  { 0x20D0, 0x20FF }, { 0x302A, 0x302D }, { 0x3099, 0x309A },
  { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
  { 0xE0100, 0xE01EF },
};

static int
in_table (unsigned long c, const struct range *t, size_t n)
{
  size_t lo = 0, hi = n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (c < t[mid].lo)
        hi = mid;
      else if (c > t[mid].hi)
        lo = mid + 1;
      else
        return 1;
    }
  return 0;
}

int
mn_cp_width (unsigned long c)
{
  if (c == 0 || (c < 0x20) || (c >= 0x7F && c < 0xA0))
    return 0;
  if (in_table (c, zero, sizeof zero / sizeof *zero))
    return 0;
  if (in_table (c, wide, sizeof wide / sizeof *wide))
    return 2;
  return 1;
}

size_t
mn_utf8_decode (const char *s, size_t n, unsigned long *c)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t len = u[0] < 0x80 ? 1 : u[0] >= 0xF0 && u[0] < 0xF5 ? 4
               : u[0] >= 0xE0 ? 3 : u[0] >= 0xC2 && u[0] < 0xE0 ? 2 : 0;
  if (len == 0 || len > n)
    {
      *c = 0xFFFD;
      return 1;
    }
  unsigned long x = len == 1 ? u[0] : u[0] & (0x7F >> len);
  for (size_t i = 1; i < len; i++)
    {
      if ((u[i] & 0xC0) != 0x80)
        {
          *c = 0xFFFD;
          return 1;
        }
      x = (x << 6) | (u[i] & 0x3F);
    }
  *c = x;
  return len;
}

size_t
mn_dwidth (const char *s, size_t len)
{
  size_t w = 0;
  for (size_t i = 0; i < len;)
    {
      unsigned long c;
      i += mn_utf8_decode (s + i, len - i, &c);
      w += (size_t) mn_cp_width (c);
    }
  return w;
}

size_t
mn_dwidth_prefix (const char *s, size_t len, size_t width, size_t *used)
{
  size_t w = 0, i = 0;
  while (i < len)
    {
      unsigned long c;
      size_t k = mn_utf8_decode (s + i, len - i, &c);
      size_t cw = (size_t) mn_cp_width (c);
      if (w + cw > width)
        break;
      w += cw;
      i += k;
    }
  if (used)
    *used = w;
  return i;
}

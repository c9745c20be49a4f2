/* visible.c - a user's value, as a message quotes it.  */
#include "base/visible.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* Whether UC is shown by its code point.  */
static bool
hidden (ucs4_t uc)
{
  if (uc == ' ')
    return false;
  if (uc < 0x80)
    return uc < 0x20 || uc == 0x7F;
  if (uc_is_general_category_withtable (uc, UC_CATEGORY_MASK_C
                                              | UC_CATEGORY_MASK_Z))
    return true;
  int tag;
  ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
  return uc_decomposition (uc, &tag, d) > 0
         && (tag == UC_DECOMP_WIDE || tag == UC_DECOMP_NARROW
             || tag == UC_DECOMP_NOBREAK);
}

char *
mn_visible (char *buf, size_t size, const char *s, size_t len)
{
  const uint8_t *p = (const uint8_t *) s, *end = p + len;
  size_t used = 0;
  /* Room for the longest piece, "<U+10FFFF>", and "...".  */
  const size_t room = 11 + 4;
  buf[0] = '\0';
  while (p < end)
    {
      if (used + room >= size)
        {
          strcpy (buf + used, "...");
          return buf;
        }
      ucs4_t uc;
      int n = u8_mbtoucr (&uc, p, end - p);
      if (n < 0)
        {
          used += snprintf (buf + used, size - used, "<0x%02X>", *p);
          p++;
        }
      else if (hidden (uc))
        {
          used += snprintf (buf + used, size - used, "<U+%04X>",
                            (unsigned) uc);
          p += n;
        }
      else
        {
          memcpy (buf + used, p, n);
          used += n;
          buf[used] = '\0';
          p += n;
        }
    }
  return buf;
}

char *
mn_visible_key (char *buf, size_t size, const char *key, size_t klen)
{
  /* Whole values only, within SIZE - 5 bytes, so that ",..." always
     fits after the last one that did; a first value too long for BUF
     is cut as mn_visible cuts it.  */
  char piece[256];
  const char *p = key, *end = key + klen;
  size_t used = 0;
  buf[0] = '\0';
  for (bool first = true;; first = false)
    {
      const char *q = memchr (p, '\0', (size_t) (end - p));
      size_t len = (size_t) ((q ? q : end) - p);
      mn_visible (piece, sizeof piece, p, len);
      size_t n = strlen (piece);
      if (used + !first + n >= size - 5)
        {
          if (first)
            return mn_visible (buf, size, p, len);
          strcpy (buf + used, ",...");
          return buf;
        }
      if (!first)
        buf[used++] = ',';
      memcpy (buf + used, piece, n + 1);
      used += n;
      if (!q)
        return buf;
      p = q + 1;
    }
}

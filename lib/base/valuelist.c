/* valuelist.c - the first few values a column holds, for a message.  */
#include "base/valuelist.h"

#include <stdlib.h>
#include <string.h>

#include "base/visible.h"
#include "base/xalloc.h"

void
mn_valuelist_init (struct mn_valuelist *l)
{
  memset (l, 0, sizeof *l);
}

void
mn_valuelist_release (struct mn_valuelist *l)
{
  for (size_t i = 0; i < l->n; i++)
    free (l->v[i]);
  memset (l, 0, sizeof *l);
}

void
mn_valuelist_add (struct mn_valuelist *l, const char *s, size_t len)
{
  for (size_t i = 0; i < l->n; i++)
    if (strlen (l->v[i]) == len && memcmp (l->v[i], s, len) == 0)
      return;
  if (l->n == MN_VALUELIST_MAX)
    l->more = true;
  else
    l->v[l->n++] = xmemdup0 (s, len);
}

char *
mn_valuelist_format (const struct mn_valuelist *l, char *buf, size_t size)
{
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i <= l->n; i++)
    {
      char piece[256];
      size_t n;
      if (i < l->n)
        {
          piece[0] = '\'';
          mn_visible (piece + 1, sizeof piece - 2, l->v[i],
                      strlen (l->v[i]));
          n = strlen (piece);
          piece[n++] = '\'';
          piece[n] = '\0';
        }
      else if (l->more)
        n = strlen (strcpy (piece, "..."));
      else
        break;
      /* Room for ", ", the piece, and ", ..." should the next not fit. */
      if (used + 2 + n + 6 > size)
        {
          strcpy (buf + used, used ? ", ..." : "...");
          return buf;
        }
      if (used)
        {
          memcpy (buf + used, ", ", 2);
          used += 2;
        }
      memcpy (buf + used, piece, n + 1);
      used += n;
    }
  return buf;
}

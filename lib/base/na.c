/* na.c - what counts as "no answer".  */
#include "base/na.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
mn_na_set (struct mn_na *na, const char *list)
{
  mn_na_release (na);
  const char *p = list;
  while (p && *p)
    {
      size_t n = strcspn (p, ",");
      size_t tl;
      char *tok = xmemdup0 (p, n);
      const char *t = mn_trim (tok, &tl);
      if (tl)
        {
          na->tok = xrealloc (na->tok, (na->n + 1) * sizeof *na->tok);
          na->tok[na->n++] = xmemdup0 (t, tl);
        }
      free (tok);
      p += n;
      if (*p == ',')
        p++;
    }
  memset (na->skip, 0xFF, sizeof na->skip);
  const unsigned char blank[] = { ' ', '\t' };
  for (size_t i = 0; i < sizeof blank + na->n; i++)
    {
      unsigned char c = i < sizeof blank
                          ? blank[i]
                          : (unsigned char) na->tok[i - sizeof blank][0];
      na->skip[c >> 6] &= ~(UINT64_C (1) << (c & 63));
    }
}

void
mn_na_release (struct mn_na *na)
{
  for (size_t i = 0; i < na->n; i++)
    free (na->tok[i]);
  free (na->tok);
  na->tok = NULL;
  na->n = 0;
  memset (na->skip, 0, sizeof na->skip);
}

const char *
mn_trim (const char *s, size_t *len)
{
  size_t n = strlen (s);
  while (n && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  *len = n;
  return s;
}

bool
mn_na_match_slow (const struct mn_na *na, const char *s, size_t len)
{
  while (len && (*s == ' ' || *s == '\t'))
    s++, len--;
  while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  if (len == 0)
    return true;
  for (size_t i = 0; i < na->n; i++)
    if (na->tok[i][0] == s[0] && strlen (na->tok[i]) == len
        && memcmp (na->tok[i], s, len) == 0)
      return true;
  return false;
}

const char *
mn_trim_n (const char *s, size_t len, size_t *out)
{
  while (len && (*s == ' ' || *s == '\t'))
    s++, len--;
  while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  *out = len;
  return s;
}

void
mn_na_hint (const struct mn_na *na, const char *s, size_t len, char *msg,
            size_t size)
{
  static const char *const common[] = { MN_NA_COMMON };
  s = mn_trim_n (s, len, &len);
  if (len == 0 || mn_na_match (na, s, len) || memchr (s, ',', len)
      || memchr (s, '\'', len))
    return;
  bool hit = false;
  for (size_t i = 0; i < sizeof common / sizeof *common && !hit; i++)
    hit = strlen (common[i]) == len && memcmp (common[i], s, len) == 0;
  if (!hit)
    return;
  size_t used = strlen (msg);
  used += (size_t) snprintf (msg + used, used < size ? size - used : 0,
                             "; if '%.*s' means no answer, say so with "
                             "--na='", (int) len, s);
  for (size_t i = 0; i < na->n && used < size; i++)
    used += (size_t) snprintf (msg + used, size - used, "%s,", na->tok[i]);
  if (used < size)
    snprintf (msg + used, size - used, "%.*s'", (int) len, s);
}

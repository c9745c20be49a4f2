/* header.c - title rows, NFKC names and aliases of a header.  */
#include "io/header.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/na.h"
#include "base/normalize.h"
#include "base/visible.h"
#include "base/xalloc.h"

/* Whether the LEN bytes at S are blank once in NFKC and trimmed: an
   ideographic space (U+3000) or a no-break space (U+00A0), which NFKC
   makes a space, counts as blank as the ASCII one does.  */
static bool
blank_cell (const char *s, size_t len)
{
  size_t n;
  mn_trim_n (s, len, &n);
  if (n == 0 || mn_ascii (s, len))
    return n == 0;
  char *k = mn_nfkc_dup (s, len);
  mn_trim_n (k, strlen (k), &n);
  free (k);
  return n == 0;
}

bool
mn_title_row (const struct mn_record *rec)
{
  if (rec->flaw != MN_FLAW_NONE || rec->n < 2)
    return false;
  size_t filled = 0;
  for (size_t i = 0; i < rec->n && filled < 2; i++)
    filled += !blank_cell (rec->f[i], rec->len[i]);
  return filled < 2;
}

int
mn_header_next (struct mn_reader *r, const struct mn_header_opts *o,
                struct mn_record *rec, unsigned long *skipped,
                struct mn_error *e)
{
  long want = o ? o->skip_rows : 0;
  *skipped = 0;
  for (;;)
    {
      int rc = mn_reader_next (r, rec, e);
      if (rc <= 0)
        return rc;
      bool skip = want == MN_SKIP_AUTO
                    ? *skipped < MN_TITLE_ROWS_MAX && mn_title_row (rec)
                    : *skipped < (unsigned long) want;
      if (!skip)
        return 1;
      ++*skipped;
    }
}

void
mn_header_init_opts (struct mn_header *h, const struct mn_record *rec,
                     const struct mn_header_opts *o)
{
  mn_header_init (h, rec);
  const struct mn_aliases *al = o ? o->aliases : NULL;
  h->aliases = al;
  char **orig = NULL;
  for (size_t i = 0; i < h->n; i++)
    {
      const char *to = mn_aliases_name (al, h->name[i]);
      char *name = to ? xstrdup (to)
                      : mn_ascii (h->name[i], strlen (h->name[i]))
                        ? NULL
                        : mn_nfkc_dup (h->name[i], strlen (h->name[i]));
      if (!name || strcmp (name, h->name[i]) == 0)
        {
          free (name);
          continue;
        }
      if (!orig)
        orig = xcalloc (h->n, sizeof *orig);
      orig[i] = h->name[i];
      h->name[i] = name;
    }
  if (!orig)
    return;
  for (size_t i = 0; i < h->n; i++)
    if (!orig[i])
      orig[i] = xstrdup (h->name[i]);
  h->orig = orig;
}

int
mn_header_dup_error (struct mn_error *e, const char *file,
                     const struct mn_header *h, long dup)
{
  const char *name = h->name[dup];
  /* The one of the two columns whose name was changed on reading, if
     any: through the columns file, or by NFKC alone (ｃａｄｒｅ beside
     cadre, with or without a columns file).  */
  long first = dup, ren = -1;
  for (long j = 0; j < dup; j++)
    if (strcmp (h->name[j], name) == 0)
      {
        first = j;
        break;
      }
  if (h->orig && strcmp (h->orig[dup], name) != 0)
    ren = dup;
  else if (h->orig && strcmp (h->orig[first], name) != 0)
    ren = first;
  char why[512] = "";
  if (ren >= 0)
    {
      char vis[256];
      const char *o = h->orig[ren];
      mn_visible (vis, sizeof vis, o, strlen (o));
      if (mn_aliases_name (h->aliases, o))
        snprintf (why, sizeof why,
                  _(" ('%s' is an alias of it in the columns file)"), vis);
      else
        snprintf (why, sizeof why,
                  _(" ('%s' is the same name after Unicode normalisation, "
                    "NFKC)"), vis);
    }
  else if (!*name)
    snprintf (why, sizeof why, "%s",
              h->delim_option
              ? _(" (a title row above the header? see --skip-rows)")
              : _(" (a title row above the header? remove it from this "
                  "file: --skip-rows is for the operands)"));
  return mn_error_set (e, file, mn_header_line (h), MN_R_DUP_COLUMN,
                       "column '%s' appears twice in the header%s", name,
                       why);
}

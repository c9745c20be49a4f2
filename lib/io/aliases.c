/* aliases.c - header aliases from a columns file.  */
#include "io/aliases.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <nettle/sha2.h>

#include "base/na.h"
#include "base/normalize.h"
#include "base/xalloc.h"
#include "io/input.h"
#include "io/reader.h"

/* The trimmed NFKC form of the LEN bytes at S: a new string.  */
static char *
canonical (const char *s, size_t len)
{
  size_t tl;
  const char *t = mn_trim_n (s, len, &tl);
  char *n = mn_nfkc_dup (t, tl);
  /* NFKC may leave blanks at the ends (U+3000 becomes a space).  */
  t = mn_trim (n, &tl);
  char *r = xmemdup0 (t, tl);
  free (n);
  return r;
}

/* The index of ALIAS in A, or -1.  */
static long
find (const struct mn_aliases *a, const char *alias)
{
  for (size_t i = 0; i < a->n; i++)
    if (strcmp (a->alias[i], alias) == 0)
      return (long) i;
  for (size_t i = 0; i < a->n; i++)
    if (strcasecmp (a->alias[i], alias) == 0)
      return (long) i;
  return -1;
}

int
mn_aliases_load (struct mn_aliases *a, const char *path, struct mn_error *e)
{
  memset (a, 0, sizeof *a);
  FILE *fp = fopen (path, "rb");
  if (!fp)
    return mn_error_set (e, path, 0, MN_R_SYSTEM,
                         "cannot open columns file: %s", strerror (errno));
  /* Read whole (it is small, and may be a pipe), for its checksum; then
     its encoding recognised as the other small files' are (UTF-8, a
     byte-order mark, or GB18030 converted; a workbook refused).  */
  size_t len = 0, cap = 0;
  char *bytes = NULL;
  for (;;)
    {
      bytes = xgrow (bytes, &cap, len + 65536, 1);
      size_t got = fread (bytes + len, 1, cap - len, fp);
      len += got;
      if (got == 0)
        break;
    }
  bool bad = ferror (fp);
  fclose (fp);
  if (bad)
    {
      free (bytes);
      return mn_error_set (e, path, 0, MN_R_SYSTEM,
                           "cannot read columns file: %s", strerror (errno));
    }
  struct sha256_ctx ctx;
  uint8_t d[SHA256_DIGEST_SIZE];
  sha256_init (&ctx);
  sha256_update (&ctx, len, (const uint8_t *) bytes);
  sha256_digest (&ctx, sizeof d, d);
  for (size_t i = 0; i < sizeof d; i++)
    snprintf (a->sha256 + 2 * i, 3, "%02x", d[i]);
  a->path = xstrdup (path);
  FILE *text = NULL;
  const char *enc;
  struct mn_reader *r = NULL;
  int rc = -1;
  struct mn_header h = { 0 };
  struct mn_record rec;
  /* fmemopen wants a size of at least 1.  */
  fp = len ? fmemopen (bytes, len, "rb") : NULL;
  if (!len)
    {
      mn_error_set (e, path, 1, MN_R_EMPTY_KEY,
                    "empty columns file: no header line");
      goto out;
    }
  if (!fp)
    {
      mn_error_set (e, path, 0, MN_R_SYSTEM, "cannot read columns file: %s",
                    strerror (errno));
      goto out;
    }
  if (mn_input_utf8 (fp, mn_display_name (path), &text, &enc, e) < 0)
    {
      text = NULL;
      goto out;
    }
  r = mn_reader_new (text, path, NULL, e);
  if (!r)
    goto out;
  rc = mn_reader_next (r, &rec, e);
  if (rc == 0)
    rc = mn_error_set (e, path, 1, MN_R_EMPTY_KEY,
                       "empty columns file: no header line");
  if (rc < 0 || (rc = mn_record_sound (&rec, 0, path, e)) < 0)
    goto out;
  mn_header_init (&h, &rec);
  long cn, ca;
  if ((cn = mn_header_find (&h, "name", path, e)) < 0
      || (ca = mn_header_find (&h, "alias", path, e)) < 0)
    {
      rc = -1;
      goto out;
    }
  while ((rc = mn_reader_next (r, &rec, e)) == 1)
    {
      if ((rc = mn_record_sound (&rec, h.n, path, e)) < 0)
        break;
      char *name = canonical (rec.f[cn], rec.len[cn]);
      char *alias = canonical (rec.f[ca], rec.len[ca]);
      long dup = find (a, alias);
      if (!*name || !*alias)
        rc = mn_error_set (e, path, rec.line, MN_R_EMPTY_KEY, "empty %s",
                           *name ? "alias" : "name");
      else if (dup >= 0 && strcmp (a->name[dup], name) != 0)
        rc = mn_error_set (e, path, rec.line, MN_R_BAD_VALUE,
                           "alias '%s' of '%s' already stands for '%s' "
                           "(line %lu)", alias, name, a->name[dup],
                           a->line[dup]);
      if (rc < 0 || dup >= 0)
        {
          free (name);
          free (alias);
          if (rc < 0)
            break;
          continue;
        }
      a->alias = xrealloc (a->alias, (a->n + 1) * sizeof *a->alias);
      a->name = xrealloc (a->name, (a->n + 1) * sizeof *a->name);
      a->line = xrealloc (a->line, (a->n + 1) * sizeof *a->line);
      a->alias[a->n] = alias;
      a->name[a->n] = name;
      a->line[a->n++] = rec.line;
    }
out:
  mn_header_release (&h);
  mn_reader_free (r);
  if (text && text != fp)
    fclose (text);
  if (fp)
    fclose (fp);
  free (bytes);
  if (rc < 0)
    {
      mn_aliases_release (a);
      return -1;
    }
  return 0;
}

void
mn_aliases_release (struct mn_aliases *a)
{
  for (size_t i = 0; i < a->n; i++)
    {
      free (a->alias[i]);
      free (a->name[i]);
    }
  free (a->alias);
  free (a->name);
  free (a->line);
  free (a->path);
  memset (a, 0, sizeof *a);
}

const char *
mn_aliases_name (const struct mn_aliases *a, const char *col)
{
  if (!a || !a->n)
    return NULL;
  char *c = canonical (col, strlen (col));
  long i = find (a, c);
  free (c);
  return i >= 0 ? a->name[i] : NULL;
}

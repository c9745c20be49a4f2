/* keyonce.c - each key once.  */
#include "table/keyonce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/visible.h"
#include "base/xalloc.h"

/* Where a key's first row was.  */
struct first
{
  size_t input;
  unsigned long line;
};

void
mn_keyonce_init (struct mn_keyonce *k)
{
  memset (k, 0, sizeof *k);
  k->seen = mn_groups_new (sizeof (struct first));
}

void
mn_keyonce_release (struct mn_keyonce *k)
{
  mn_groups_free (k->seen);
  free (k->key);
  for (size_t i = 0; i < k->nfile; i++)
    free (k->file[i]);
  free (k->file);
  memset (k, 0, sizeof *k);
}

void
mn_keyonce_begin (struct mn_keyonce *k, const char *file)
{
  k->file = xgrow (k->file, &k->filecap, k->nfile + 1, sizeof *k->file);
  k->file[k->nfile++] = xstrdup (file ? file : "");
}

int
mn_keyonce_put (struct mn_keyonce *k, const struct mn_record *rec,
                const long *col, size_t nkey, struct mn_error *e)
{
  if (!k->nfile)
    mn_keyonce_begin (k, NULL);
  size_t input = k->nfile - 1;
  const char *file = k->file[input];
  /* The values joined by NUL bytes, as mn_visible_key reads them.  */
  size_t klen = 0;
  k->key = xgrow (k->key, &k->keycap, 1, 1);
  for (size_t i = 0; i < nkey; i++)
    {
      size_t c = col ? (size_t) col[i] : i, len = rec->len[c];
      k->key = xgrow (k->key, &k->keycap, klen + len + 1, 1);
      if (i)
        k->key[klen++] = '\0';
      memcpy (k->key + klen, rec->f[c], len);
      klen += len;
    }
  const struct first *f = mn_groups_find (k->seen, k->key, klen);
  char kb[128];
  if (f && f->input == input)
    return mn_error_set (e, file, rec->line, MN_R_DUPLICATE,
                         "key '%s' already has a row, on line %lu",
                         mn_visible_key (kb, sizeof kb, k->key, klen),
                         f->line);
  if (f)
    {
      /* The first row's file, cut at a character when long (a deep
         path), so that its line still fits in the message.  */
      char where[512];
      const char *name = k->file[f->input];
      size_t len = strlen (name), max = sizeof where - 32;
      if (len > max)
        {
          len = max;
          while (len > 0 && ((unsigned char) name[len] & 0xC0) == 0x80)
            len--;
        }
      snprintf (where, sizeof where, "%.*s%s:%lu", (int) len, name,
                len < strlen (name) ? "..." : "", f->line);
      return mn_error_set (e, file, rec->line, MN_R_DUPLICATE,
                           "key '%s' already has a row, in %s",
                           mn_visible_key (kb, sizeof kb, k->key, klen),
                           where);
    }
  *(struct first *) mn_groups_get (k->seen, k->key, klen)
    = (struct first) { input, rec->line };
  return 0;
}

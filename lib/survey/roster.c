/* roster.c - the cadre roster.  */
#include "survey/roster.h"

#include <stdlib.h>
#include <string.h>

#include "base/na.h"
#include "base/normalize.h"
#include "base/numparse.h"
#include "io/header.h"
#include "io/reader.h"
#include "base/xalloc.h"

static char *
trimmed_copy (const struct mn_record *rec, long col)
{
  size_t len = 0;
  const char *s = col >= 0 ? mn_trim (rec->f[col], &len) : "";
  return xmemdup0 (s, len);
}

/* The same for a key the survey's cells are compared with (the cadre
   id, the township, a village): in NFKC, then trimmed, as the survey's
   cells are (minyi-formats(5), "Normalisation").  */
static char *
key_copy (const struct mn_record *rec, long col)
{
  if (col < 0)
    return xstrdup ("");
  struct mn_nfkc b = { 0 };
  size_t len;
  const char *s = mn_nfkc (&b, rec->f[col], rec->len[col], &len);
  s = mn_trim_n (s, len, &len);
  char *r = xmemdup0 (s, len);
  mn_nfkc_release (&b);
  return r;
}

static void
split_villages (struct mn_cadre *c, const char *spec)
{
  const char *p = spec;
  while (*p)
    {
      size_t n = strcspn (p, "|");
      char *tok = mn_nfkc_dup (p, n);
      size_t tl;
      const char *t = mn_trim (tok, &tl);
      if (tl)
        {
          c->village = xrealloc (c->village,
                                 (c->nvillage + 1) * sizeof *c->village);
          c->village[c->nvillage++] = xmemdup0 (t, tl);
        }
      free (tok);
      p += n + (p[n] == '|');
    }
}

int
mn_roster_load (struct mn_roster *r, FILE *fp, const char *name,
                const struct mn_aliases *aliases, struct mn_error *e)
{
  static const char *const cols[] = { "cadre", "name", "unit", "position",
                                      "township", "villages",
                                      "households" };
  enum { NCOL = sizeof cols / sizeof *cols };
  memset (r, 0, sizeof *r);
  r->index = mn_groups_new (sizeof (size_t));
  struct mn_reader *rd = mn_reader_new (fp, name, NULL, e);
  if (!rd)
    {
      mn_roster_release (r);
      return -1;
    }
  struct mn_header h = { 0 };
  struct mn_record rec;
  struct mn_header_opts ho = { aliases, MN_SKIP_AUTO };
  unsigned long skipped;
  int rc = mn_header_next (rd, &ho, &rec, &skipped, e);
  if (rc == 0)
    rc = mn_error_set (e, name, 1, MN_R_USAGE, "empty roster");
  if (rc < 0)
    goto out;
  if ((rc = mn_record_sound (&rec, 0, name, e)) < 0)
    goto out;
  mn_header_init_opts (&h, &rec, &ho);
  long dup = mn_header_duplicate (&h);
  if (dup >= 0)
    {
      rc = mn_header_dup_error (e, name, &h, dup);
      goto out;
    }
  long col[NCOL];
  for (int i = 0; i < NCOL; i++)
    {
      col[i] = -1;
      for (size_t j = 0; j < h.n; j++)
        if (strcmp (h.name[j], cols[i]) == 0)
          col[i] = (long) j;
    }
  if (col[0] < 0)
    {
      char list[600];
      rc = mn_error_set (e, name, rec.line, MN_R_USAGE,
                         "roster has no column 'cadre' (columns: %s)%s; a "
                         "columns file (--columns, minyi-formats(5)) maps "
                         "other names, such as 干部编号, to cadre",
                         mn_header_list (&h, list, sizeof list),
                         mn_header_delim_hint (&h));
      goto out;
    }
  while ((rc = mn_reader_next (rd, &rec, e)) == 1)
    {
      if ((rc = mn_record_sound (&rec, h.n, name, e)) < 0)
        break;
      struct mn_cadre c = { 0 };
      c.line = rec.line;
      c.id = key_copy (&rec, col[0]);
      c.name = trimmed_copy (&rec, col[1]);
      c.unit = trimmed_copy (&rec, col[2]);
      c.position = trimmed_copy (&rec, col[3]);
      c.township = key_copy (&rec, col[4]);
      c.households = -1;
      if (col[5] >= 0)
        split_villages (&c, rec.f[col[5]]);
      r->cadre = xrealloc (r->cadre, (r->n + 1) * sizeof *r->cadre);
      r->cadre[r->n++] = c;
      if (!*c.id)
        {
          rc = mn_error_set (e, name, rec.line, MN_R_EMPTY_KEY,
                             "empty cadre id");
          break;
        }
      size_t hl;
      const char *hs = col[6] >= 0 ? mn_trim (rec.f[col[6]], &hl) : "";
      if (*hs && mn_parse_long (hs, 0, 100000000, &r->cadre[r->n - 1].households) != 0)
        {
          rc = mn_error_set (e, name, rec.line, MN_R_BAD_NUMBER,
                             "households '%s' of cadre '%s' is not a whole "
                             "number >= 0", rec.f[col[6]], c.id);
          break;
        }
      size_t *pos = mn_groups_get (r->index, c.id, strlen (c.id));
      if (*pos)
        {
          rc = mn_error_set (e, name, rec.line, MN_R_BAD_VALUE,
                             "cadre '%s' is listed twice (first on line "
                             "%lu)", c.id, r->cadre[*pos - 1].line);
          break;
        }
      *pos = r->n;
    }
out:
  mn_header_release (&h);
  mn_reader_free (rd);
  if (rc < 0)
    {
      mn_roster_release (r);
      return -1;
    }
  return 0;
}

void
mn_roster_release (struct mn_roster *r)
{
  for (size_t i = 0; i < r->n; i++)
    {
      struct mn_cadre *c = &r->cadre[i];
      free (c->id);
      free (c->name);
      free (c->unit);
      free (c->position);
      free (c->township);
      for (size_t j = 0; j < c->nvillage; j++)
        free (c->village[j]);
      free (c->village);
    }
  free (r->cadre);
  mn_groups_free (r->index);
  memset (r, 0, sizeof *r);
}

const struct mn_cadre *
mn_roster_find (const struct mn_roster *r, const char *id, size_t len)
{
  const size_t *pos = mn_groups_find (r->index, id, len);
  return pos ? &r->cadre[*pos - 1] : NULL;
}

int
mn_cadre_serves (const struct mn_cadre *c, const char *village, size_t len)
{
  if (c->nvillage == 0)
    return 1;
  for (size_t i = 0; i < c->nvillage; i++)
    if (strlen (c->village[i]) == len
        && memcmp (c->village[i], village, len) == 0)
      return 1;
  return 0;
}

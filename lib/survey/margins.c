/* margins.c - the margins file of minyi-weight.  */
#include "survey/margins.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/na.h"
#include "base/numparse.h"
#include "base/xalloc.h"
#include "base/i18n.h"

/* Append the key of the parts of S (split at '*', each trimmed) to a
   NUL-joined buffer.  Returns the number of parts.  */
static size_t
split_key (const char *s, char **buf, size_t *cap, size_t *len)
{
  size_t n = 0;
  *len = 0;
  for (;;)
    {
      const char *star = strchr (s, '*');
      size_t plen = star ? (size_t) (star - s) : strlen (s);
      char *part = xmemdup0 (s, plen);
      size_t tl;
      const char *t = mn_trim (part, &tl);
      *buf = xgrow (*buf, cap, *len + tl + 1, 1);
      if (n)
        (*buf)[(*len)++] = '\0';
      memcpy (*buf + *len, t, tl);
      *len += tl;
      free (part);
      n++;
      if (!star)
        break;
      s = star + 1;
    }
  *buf = xgrow (*buf, cap, *len + 1, 1);
  (*buf)[*len] = '\0';         /* not counted in *LEN */
  return n;
}

/* Whether some part of the NUL-joined KEY of LEN bytes and N parts is
   empty.  */
static bool
empty_part (const char *key, size_t len, size_t n)
{
  if (len == 0)
    return true;
  if (key[0] == '\0' || key[len - 1] == '\0')
    return true;
  for (size_t i = 1; i < len; i++)
    if (key[i] == '\0' && key[i - 1] == '\0')
      return true;
  (void) n;
  return false;
}

static void
var_release (struct mn_margin_var *v)
{
  free (v->name);
  for (size_t i = 0; i < v->nparts; i++)
    free (v->part[i]);
  free (v->part);
  for (size_t c = 0; c < v->ncat; c++)
    free (v->cat[c]);
  free (v->cat);
  free (v->pop);
  free (v->line);
  mn_groups_free (v->index);
}

void
mn_margins_release (struct mn_margins *m)
{
  for (size_t v = 0; v < m->nvar; v++)
    var_release (&m->var[v]);
  free (m->var);
  m->var = NULL;
  m->nvar = 0;
}

/* The variable named NAME (its '*'-joined parts trimmed), created when
   new.  Returns NULL with E when one of its columns is empty.  */
static struct mn_margin_var *
get_var (struct mn_margins *m, struct mn_groups *vars, const char *name,
         const char *file, unsigned long line, struct mn_error *e)
{
  size_t nlen;
  const char *nm = mn_trim (name, &nlen);
  char *key = NULL;
  size_t cap = 0, klen;
  char *copy = xmemdup0 (nm, nlen);
  size_t np = split_key (copy, &key, &cap, &klen);
  /* Looked up by its trimmed parts: "A*B" and "A * B" are one variable,
     as "1*2" and "1 * 2" are one category.  */
  size_t *pos = mn_groups_get (vars, key, klen);
  if (*pos)
    {
      free (key);
      free (copy);
      return &m->var[*pos - 1];
    }
  if (empty_part (key, klen, np))
    {
      mn_error_set (e, file, line, MN_R_EMPTY_KEY,
                    nlen ? N_("variable '%s' names an empty column")
                         : N_("empty variable%s"), copy);
      free (key);
      free (copy);
      return NULL;
    }
  m->var = xrealloc (m->var, (m->nvar + 1) * sizeof *m->var);
  struct mn_margin_var *v = &m->var[m->nvar++];
  memset (v, 0, sizeof *v);
  v->name = copy;
  v->nparts = np;
  v->part = xmalloc (np * sizeof *v->part);
  const char *p = key;
  for (size_t i = 0; i < np; i++)
    {
      v->part[i] = xstrdup (p);
      p += strlen (p) + 1;
    }
  v->index = mn_groups_new (sizeof (size_t));
  free (key);
  *pos = m->nvar;
  return v;
}

int
mn_margins_load (struct mn_margins *m, FILE *fp, const char *name,
                 const struct mn_reader_options *ro, struct mn_error *e)
{
  memset (m, 0, sizeof *m);
  struct mn_reader_options o = { 0 };
  if (ro)
    o = *ro;
  o.guess = false;
  struct mn_reader *r = mn_reader_new (fp, name, &o, e);
  if (!r)
    return -1;
  struct mn_groups *vars = mn_groups_new (sizeof (size_t));
  struct mn_header h = { 0 };
  struct mn_record rec;
  char *key = NULL;
  size_t cap = 0;
  int rc = mn_reader_next (r, &rec, e);
  if (rc == 0)
    mn_error_set (e, name, 1, MN_R_EMPTY_KEY, "empty margins file: no "
                  "header line");
  if (rc <= 0)
    goto fail;
  if (mn_record_sound (&rec, 0, name, e) < 0)
    goto fail;
  mn_header_init (&h, &rec);
  long col[3];
  static const char *const want[3] = { "variable", "category",
                                       "population" };
  for (int i = 0; i < 3; i++)
    if ((col[i] = mn_header_find (&h, want[i], name, e)) < 0)
      {
        e->line = 1;
        goto fail;
      }

  while ((rc = mn_reader_next (r, &rec, e)) > 0)
    {
      if (mn_record_sound (&rec, h.n, name, e) < 0)
        goto fail;
      struct mn_margin_var *v = get_var (m, vars, rec.f[col[0]], name,
                                         rec.line, e);
      if (!v)
        goto fail;
      size_t klen;
      size_t np = split_key (rec.f[col[1]], &key, &cap, &klen);
      const char *cat = rec.f[col[1]];
      if (np != v->nparts)
        {
          mn_error_set (e, name, rec.line, MN_R_BAD_VALUE,
                        "category '%s' of '%s' has %zu '*'-joined part%s, "
                        "not %zu", cat, v->name, np, np == 1 ? "" : "s",
                        v->nparts);
          goto fail;
        }
      if (empty_part (key, klen, np))
        {
          mn_error_set (e, name, rec.line, MN_R_EMPTY_KEY,
                        "empty category%s '%s' of '%s'",
                        np > 1 ? " part in" : "", cat, v->name);
          goto fail;
        }
      double pop;
      const char *ps = rec.f[col[2]];
      if (mn_parse_double (ps, &pop) != 0)
        {
          mn_error_set (e, name, rec.line, MN_R_BAD_NUMBER,
                        "population '%s' of %s '%s' is not a number", ps,
                        v->name, cat);
          goto fail;
        }
      if (!(pop > 0) || pop < MN_WEIGHT_MIN || pop > MN_WEIGHT_MAX)
        {
          mn_error_set (e, name, rec.line, MN_R_BAD_VALUE,
                        pop > 0 ? N_("population '%s' of %s '%s' is outside "
                                  "1e-100..1e+100")
                                : N_("population '%s' of %s '%s' is not "
                                  "positive"), ps, v->name, cat);
          goto fail;
        }
      size_t *pos = mn_groups_get (v->index, key, klen);
      if (*pos)
        {
          mn_error_set (e, name, rec.line, MN_R_DUPLICATE,
                        "%s '%s' given twice (first on line %lu)", v->name,
                        cat, v->line[*pos - 1]);
          goto fail;
        }
      v->cat = xrealloc (v->cat, (v->ncat + 1) * sizeof *v->cat);
      v->pop = xrealloc (v->pop, (v->ncat + 1) * sizeof *v->pop);
      v->line = xrealloc (v->line, (v->ncat + 1) * sizeof *v->line);
      size_t tl;
      const char *t = mn_trim (cat, &tl);
      v->cat[v->ncat] = xmemdup0 (t, tl);
      v->pop[v->ncat] = pop;
      v->line[v->ncat] = rec.line;
      *pos = ++v->ncat;
    }
  if (rc < 0)
    goto fail;
  if (m->nvar == 0)
    {
      mn_error_set (e, name, 0, MN_R_EMPTY_KEY, "no population rows");
      goto fail;
    }
  free (key);
  mn_header_release (&h);
  mn_groups_free (vars);
  mn_reader_free (r);
  return 0;
fail:
  free (key);
  mn_header_release (&h);
  mn_groups_free (vars);
  mn_reader_free (r);
  mn_margins_release (m);
  return -1;
}

long
mn_margins_find (const struct mn_margin_var *v, const char *const *val,
                 const size_t *len)
{
  char stack[256] = { 0 };
  size_t need = 0;
  for (size_t i = 0; i < v->nparts; i++)
    need += len[i] + 1;
  char *key = need <= sizeof stack ? stack : xmalloc (need);
  size_t k = 0;
  for (size_t i = 0; i < v->nparts; i++)
    {
      size_t tl = len[i];
      const char *t = val[i];
      while (tl && (*t == ' ' || *t == '\t'))
        t++, tl--;
      while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t'))
        tl--;
      if (i)
        key[k++] = '\0';
      memcpy (key + k, t, tl);
      k += tl;
    }
  size_t *pos = mn_groups_find (v->index, key, k);
  if (key != stack)
    free (key);
  return pos ? (long) *pos - 1 : -1;
}

/* trend.c - the change of each key's rate between two waves.  */
#include "table/trend.h"
#include "base/visible.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/valuelist.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "stats/prop.h"
#include "table/scoretab.h"
#include "base/i18n.h"

/* A key's row in one wave.  */
struct side
{
  bool present;
  unsigned long line;
  double n, sat, rate, neff;
};

struct entry
{
  struct side w[2];
};

struct mn_trend
{
  struct mn_trend_opts o;
  struct mn_st_reader *reader;  /* of the table being read */
  size_t ninput;                /* tables bound */
  bool weighted;
  char **join;                  /* owned: the join columns' names */
  size_t njoin;
  long *col;                    /* the table's column of each */
  long wave_col;                /* of --wave, or -1 */
  struct mn_groups *keys;       /* join key -> struct entry */
  char *key;                    /* reused key buffer */
  size_t keycap;
  size_t other_rows;
  size_t rows[2];               /* rows of the first and second wave */
  struct mn_valuelist seen;     /* the first values of the wave column,
                                   as met (--wave) */
};

struct mn_trend *
mn_trend_new (const struct mn_trend_opts *o)
{
  struct mn_trend *t = xcalloc (1, sizeof *t);
  t->o = *o;
  t->wave_col = -1;
  t->keys = mn_groups_new (sizeof (struct entry));
  return t;
}

void
mn_trend_free (struct mn_trend *t)
{
  if (!t)
    return;
  mn_st_reader_free (t->reader);
  for (size_t i = 0; i < t->njoin; i++)
    free (t->join[i]);
  free (t->join);
  free (t->col);
  mn_groups_free (t->keys);
  free (t->key);
  mn_valuelist_release (&t->seen);
  free (t);
}

/* Is NAME one of the N names V[]?  */
static bool
listed (char *const *v, size_t n, const char *name)
{
  for (size_t i = 0; i < n; i++)
    if (strcmp (v[i], name) == 0)
      return true;
  return false;
}

int
mn_trend_bind (struct mn_trend *t, struct mn_input *in, struct mn_error *e)
{
  if (!t->o.wave && t->ninput == 2)
    return mn_error_set (e, in->name, 0, MN_R_USAGE,
                         "a third table: compare two, or give --wave");
  mn_st_reader_free (t->reader);
  if (!(t->reader = mn_st_reader_open (in, e)))
    return -1;
  const struct mn_st_layout *l = mn_st_reader_layout (t->reader);
  /* The columns named by the options must be keys.  */
  const char *need[1 + 64];
  size_t nneed = 0;
  if (t->o.wave)
    need[nneed++] = t->o.wave;
  for (size_t i = 0; i < t->o.nignore && nneed < 65; i++)
    need[nneed++] = t->o.ignore[i];
  for (size_t i = 0; i < nneed; i++)
    {
      bool found = false;
      for (size_t k = 0; k < l->nkey && !found; k++)
        found = strcmp (l->col[k].name, need[i]) == 0;
      if (!found)
        return mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN,
                             "'%s' is not a key column of the table (its "
                             "keys are the columns before 'rows')",
                             need[i]);
    }
  t->wave_col = -1;
  size_t nj = 0;
  long *col = xcalloc (l->nkey + 1, sizeof *col);
  for (size_t k = 0; k < l->nkey; k++)
    {
      const char *name = l->col[k].name;
      if (t->o.wave && strcmp (name, t->o.wave) == 0)
        t->wave_col = (long) k;
      else if (!listed (t->o.ignore, t->o.nignore, name))
        col[nj++] = (long) k;
    }
  if (nj == 0)
    {
      free (col);
      return mn_error_set (e, in->name, 1, MN_R_USAGE,
                           "no key column is left to join the waves on");
    }
  if (t->ninput == 0)
    {
      t->weighted = l->weighted;
      t->njoin = nj;
      t->join = xcalloc (nj, sizeof *t->join);
      for (size_t i = 0; i < nj; i++)
        t->join[i] = xstrdup (l->col[col[i]].name);
    }
  else
    {
      bool same = nj == t->njoin;
      for (size_t i = 0; i < nj && same; i++)
        same = strcmp (l->col[col[i]].name, t->join[i]) == 0;
      if (!same || l->weighted != t->weighted)
        {
          free (col);
          return mn_error_set (e, in->name, 1, MN_R_HEADER_MISMATCH,
                               !same ? N_("its key columns are not those of "
                                       "the first table")
                                     : N_("one table is weighted, the other "
                                       "not: compare like with like"));
        }
    }
  free (t->col);
  t->col = col;
  t->ninput++;
  return 0;
}

static const char *const wave_name[2] = { N_("first"), N_("second") };

int
mn_trend_check (const struct mn_trend *t, struct mn_error *e)
{
  if (!t->o.wave)
    return 0;
  for (int w = 0; w < 2; w++)
    {
      if (t->rows[w])
        continue;
      char list[512];
      mn_valuelist_format (&t->seen, list, sizeof list);
      const char *v = w ? t->o.second : t->o.first;
      if (t->seen.n)
        return mn_error_set (e, NULL, 0, MN_R_USAGE,
                             "--wave: no row has '%s' in column '%s' (the "
                             "%s wave); the column holds %s", v, t->o.wave,
                             _(wave_name[w]), list);
      return mn_error_set (e, NULL, 0, MN_R_USAGE,
                           "--wave: no row has '%s' in column '%s' (the %s "
                           "wave): the tables have no rows", v, t->o.wave,
                           _(wave_name[w]));
    }
  return 0;
}

int
mn_trend_add (struct mn_trend *t, const struct mn_record *rec,
              const char *file, struct mn_error *e)
{
  const struct mn_st_cell *c;
  if (mn_st_reader_parse (t->reader, rec, file, &c, e) < 0)
    return -1;
  const struct mn_st_layout *l = mn_st_reader_layout (t->reader);
  int w = (int) t->ninput - 1;
  if (t->wave_col >= 0)
    {
      const struct mn_st_cell *v = &c[t->wave_col];
      if (v->len == strlen (t->o.first)
          && memcmp (v->s, t->o.first, v->len) == 0)
        w = 0;
      else if (v->len == strlen (t->o.second)
               && memcmp (v->s, t->o.second, v->len) == 0)
        w = 1;
      else
        {
          mn_valuelist_add (&t->seen, v->s, v->len);
          t->other_rows++;
          return 0;
        }
      if (t->rows[w] == 0)
        mn_valuelist_add (&t->seen, v->s, v->len);
    }
  t->rows[w]++;
  size_t klen = 0;
  for (size_t i = 0; i < t->njoin; i++)
    {
      const struct mn_st_cell *v = &c[t->col[i]];
      t->key = xgrow (t->key, &t->keycap, klen + v->len + 1, 1);
      if (i)
        t->key[klen++] = '\0';
      memcpy (t->key + klen, v->s, v->len);
      klen += v->len;
    }
  struct entry *en = mn_groups_get (t->keys, t->key, klen);
  struct side *s = &en->w[w];
  char kb[128];
  if (s->present)
    return mn_error_set (e, file, rec->line, MN_R_DUPLICATE,
                         "key '%s' already has a row in the %s wave, on "
                         "line %lu",
                         mn_visible_key (kb, sizeof kb, t->key, klen),
                         _(wave_name[w]), s->line);
  *s = (struct side) {
    .present = true, .line = rec->line, .n = c[l->pos[MN_SC_N]].x,
    .sat = c[l->pos[MN_SC_SAT]].x, .rate = c[l->pos[MN_SC_RATE]].x,
    .neff = l->weighted ? c[l->pos[MN_SC_NEFF]].x : NAN };
  return 1;
}

/* The size the interval of side S rests on: its answers, or their
   effective number with weights.  */
static double
size_of (const struct mn_trend *t, const struct side *s)
{
  return t->weighted ? (s->n > 0 ? s->neff : 0) : s->n;
}

enum change { CH_RISE, CH_DROP, CH_STEADY, CH_NO_ANSWERS, CH_FIRST_ONLY,
              CH_SECOND_ONLY };

static const char *const change_name[] = {
  [CH_RISE] = "rise", [CH_DROP] = "drop", [CH_STEADY] = "steady",
  [CH_NO_ANSWERS] = "no-answers", [CH_FIRST_ONLY] = "first-only",
  [CH_SECOND_ONLY] = "second-only" };

/* The change of E: its difference second - first, its interval, and what
   it says.  */
static enum change
change_of (const struct mn_trend *t, const struct entry *en, double *d,
           double *lo, double *hi)
{
  *d = *lo = *hi = NAN;
  if (!en->w[1].present)
    return CH_FIRST_ONLY;
  if (!en->w[0].present)
    return CH_SECOND_ONLY;
  double n1 = size_of (t, &en->w[0]), n2 = size_of (t, &en->w[1]);
  if (!(n1 > 0 && n2 > 0))
    return CH_NO_ANSWERS;
  /* The rate times the size: sat / n unweighted, the Hajek rate's
     effective count with weights.  */
  double x1 = fmin (en->w[0].rate * n1, n1);
  double x2 = fmin (en->w[1].rate * n2, n2);
  if (!t->weighted)
    {
      x1 = en->w[0].sat;
      x2 = en->w[1].sat;
    }
  if (mn_prop_diff_ci (x2, n2, x1, n1, t->o.level, d, lo, hi) < 0)
    return CH_NO_ANSWERS;
  /* The difference of the rates as the tables give them (the Hajek
     rates with weights), not of the effective counts' ratios.  */
  *d = en->w[1].rate - en->w[0].rate;
  return *lo > 0 ? CH_RISE : *hi < 0 ? CH_DROP : CH_STEADY;
}

void
mn_trend_write (const struct mn_trend *t, int digits, FILE *out)
{
  for (size_t i = 0; i < t->njoin; i++)
    {
      mn_csv_str (out, t->join[i], ',');
      putc (',', out);
    }
  fputs (t->weighted ? "n1,sat1,rate1,neff1,n2,sat2,rate2,neff2,"
                     : "n1,sat1,rate1,n2,sat2,rate2,", out);
  fputs ("diff,diff_lo,diff_hi,change,level\n", out);
  struct mn_group_entry *v = mn_groups_sorted (t->keys);
  size_t nk = mn_groups_count (t->keys);
  for (size_t k = 0; k < nk; k++)
    {
      const struct entry *en = v[k].value;
      const char *p = v[k].key, *end = p + v[k].keylen;
      for (size_t i = 0; i < t->njoin; i++)
        {
          size_t len = strnlen (p, (size_t) (end - p));
          mn_csv_field (out, p, len, ',');
          putc (',', out);
          p += len + 1;
        }
      for (int w = 0; w < 2; w++)
        {
          const struct side *s = &en->w[w];
          double f[] = { s->present ? s->n : NAN, s->present ? s->sat : NAN,
                         s->present ? s->rate : NAN,
                         s->present ? s->neff : NAN };
          for (size_t j = 0; j < (t->weighted ? 4u : 3u); j++)
            {
              mn_csv_num (out, f[j], j == 2 || j == 3 ? digits : 0);
              putc (',', out);
            }
        }
      double d, lo, hi;
      enum change ch = change_of (t, en, &d, &lo, &hi);
      double f[] = { d, lo, hi };
      for (size_t j = 0; j < 3; j++)
        {
          mn_csv_num (out, f[j], digits);
          putc (',', out);
        }
      fprintf (out, "%s,", change_name[ch]);
      mn_csv_num (out, t->o.level, 0);
      putc ('\n', out);
    }
  free (v);
}

void
mn_trend_summary (const struct mn_trend *t, struct mn_trend_summary *s)
{
  *s = (struct mn_trend_summary) { .keys = mn_groups_count (t->keys),
                                   .other_rows = t->other_rows,
                                   .weighted = t->weighted };
  struct mn_group_entry *v = mn_groups_sorted (t->keys);
  for (size_t k = 0; k < s->keys; k++)
    {
      double d, lo, hi;
      switch (change_of (t, v[k].value, &d, &lo, &hi))
        {
        case CH_RISE: s->rises++; s->both++; break;
        case CH_DROP: s->drops++; s->both++; break;
        case CH_STEADY: s->steady++; s->both++; break;
        case CH_NO_ANSWERS: s->no_answers++; s->both++; break;
        case CH_FIRST_ONLY: s->first_only++; break;
        case CH_SECOND_ONLY: s->second_only++; break;
        }
    }
  free (v);
}

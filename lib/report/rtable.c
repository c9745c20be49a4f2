/* rtable.c - the table a report shows, read by column name.  */
#include "report/rtable.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "stats/prop.h"

static const char *const rf_names[MN_RF_COUNT] = {
  "name", "unit", "position", "township", "posterior", "tier",
  "tier_rule", "roster", "method", "funnel_flag",
  "n", "sat", "rate", "lo", "hi", "level", "post_mean", "post_lo",
  "post_hi", "rank", "ranked", "rank_median", "rank_lo", "rank_hi",
  "p_top", "funnel_target", "funnel_lo95", "funnel_hi95", "funnel_lo998",
  "funnel_hi998",
};

const char *
mn_rf_name (enum mn_rf f)
{
  return rf_names[f];
}

/* Whether field F holds a proportion, checked to lie in [0, 1].  */
static bool
is_prop (enum mn_rf f)
{
  switch (f)
    {
    case MN_RF_RATE: case MN_RF_LO: case MN_RF_HI: case MN_RF_LEVEL:
    case MN_RF_POST_MEAN: case MN_RF_POST_LO: case MN_RF_POST_HI:
    case MN_RF_PTOP: case MN_RF_FUNNEL_TARGET: case MN_RF_FUNNEL_LO95:
    case MN_RF_FUNNEL_HI95: case MN_RF_FUNNEL_LO998: case MN_RF_FUNNEL_HI998:
      return true;
    default:
      return false;
    }
}

void
mn_rtable_init (struct mn_rtable *t, const char *column, const char *value)
{
  memset (t, 0, sizeof *t);
  if (column)
    {
      t->where_col = xstrdup (column);
      t->where_val = xstrdup (value ? value : "");
    }
  t->where_pos = -1;
  mn_valuelist_init (&t->where_seen);
  mn_keyonce_init (&t->keys);
}

static void
row_release (struct mn_rrow *r, size_t nkey)
{
  for (size_t k = 0; k < nkey; k++)
    free (r->key[k]);
  free (r->key);
  for (size_t f = 0; f < MN_RF_FIRST_NUM; f++)
    free (r->text[f]);
}

void
mn_rtable_release (struct mn_rtable *t)
{
  for (size_t i = 0; i < t->nrow; i++)
    row_release (&t->row[i], t->nkey);
  free (t->row);
  for (size_t k = 0; k < t->nkey; k++)
    free (t->keyname[k]);
  free (t->keyname);
  free (t->keycol);
  free (t->ptop_name);
  free (t->where_col);
  free (t->where_val);
  mn_valuelist_release (&t->where_seen);
  mn_keyonce_release (&t->keys);
  memset (t, 0, sizeof *t);
}

static long
find (const struct mn_header *h, const char *name)
{
  for (size_t i = 0; i < h->n; i++)
    if (strcmp (h->name[i], name) == 0)
      return (long) i;
  return -1;
}

static bool
is_roster_field (const char *name)
{
  return strcmp (name, "name") == 0 || strcmp (name, "unit") == 0
         || strcmp (name, "position") == 0
         || strcmp (name, "township") == 0;
}

int
mn_rtable_bind (struct mn_rtable *t, const struct mn_input *in,
                struct mn_error *e)
{
  const struct mn_header *h = &in->h;
  long dup = mn_header_duplicate (h);
  if (dup >= 0)
    return mn_error_set (e, in->name, 1, MN_R_DUP_COLUMN,
                         "column '%s' appears twice in the header",
                         h->name[dup]);
  bool ranking = find (h, "rank") >= 0;
  long end = find (h, ranking ? "n" : "rows");
  if (end < 0 && !ranking)
    end = find (h, "n");
  if (end < 0)
    return mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN,
                         "no column 'n': neither a ranking (minyi-rank) "
                         "nor a score table (minyi-score)%s",
                         mn_header_delim_hint (h));
  size_t nkey = 0;
  char **names = xcalloc ((size_t) end + 1, sizeof *names);
  long *cols = xcalloc ((size_t) end + 1, sizeof *cols);
  for (long i = 0; i < end; i++)
    if (!is_roster_field (h->name[i]))
      {
        names[nkey] = h->name[i];
        cols[nkey++] = i;
      }
  if (t->keyname)
    {
      bool same = nkey == t->nkey && ranking == t->ranking;
      for (size_t k = 0; same && k < nkey; k++)
        same = strcmp (names[k], t->keyname[k]) == 0;
      free (names);
      if (!same)
        {
          free (cols);
          return mn_error_set (e, in->name, 1, MN_R_HEADER_MISMATCH,
                               "its keys or kind differ from the first "
                               "table's");
        }
    }
  else
    {
      t->ranking = ranking;
      t->nkey = nkey;
      t->keyname = xcalloc (nkey + 1, sizeof *t->keyname);
      for (size_t k = 0; k < nkey; k++)
        t->keyname[k] = xstrdup (names[k]);
      free (names);
    }
  free (t->keycol);
  t->keycol = cols;
  for (int f = 0; f < MN_RF_COUNT; f++)
    {
      t->col[f] = f == MN_RF_PTOP ? -1 : find (h, rf_names[f]);
      if (f == MN_RF_PTOP)
        for (size_t i = 0; i < h->n && t->col[f] < 0; i++)
          if (strncmp (h->name[i], "p_top", 5) == 0)
            {
              t->col[f] = (long) i;
              if (!t->ptop_name)
                t->ptop_name = xstrdup (h->name[i]);
            }
      if (t->col[f] >= 0)
        t->has[f] = true;
    }
  mn_keyonce_begin (&t->keys, in->name);
  t->where_pos = -1;
  if (t->where_col && (t->where_pos = find (h, t->where_col)) < 0)
    return mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN,
                         "--where: no column '%s'", t->where_col);
  return 0;
}

/* Parse the cell S of field F into *X (NaN when empty).  Returns 0, or
   -1 with E.  */
static int
parse_cell (enum mn_rf f, const char *s, double *x, const char *file,
            unsigned long line, struct mn_error *e)
{
  if (!*s)
    {
      *x = NAN;
      return 0;
    }
  if (mn_parse_double (s, x) != 0)
    return mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                         "%s '%s' is not a number", rf_names[f], s);
  if (is_prop (f) && !(*x >= 0 && *x <= 1))
    return mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                         "%s '%s' is outside 0..1", rf_names[f], s);
  if (!is_prop (f) && *x < 0)
    return mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                         "%s '%s' is negative", rf_names[f], s);
  return 0;
}

/* Check that the intervals of row R are in order.  */
static int
check_order (const struct mn_rrow *r, const char *file, unsigned long line,
             struct mn_error *e)
{
  static const enum mn_rf pair[][2] = {
    { MN_RF_LO, MN_RF_HI }, { MN_RF_POST_LO, MN_RF_POST_HI },
    { MN_RF_RANK_LO, MN_RF_RANK_HI }, { MN_RF_SAT, MN_RF_N },
  };
  for (size_t i = 0; i < sizeof pair / sizeof *pair; i++)
    if (r->x[pair[i][0]] > r->x[pair[i][1]])
      return mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                           "%s is above %s", rf_names[pair[i][0]],
                           rf_names[pair[i][1]]);
  return 0;
}

int
mn_rtable_add (struct mn_rtable *t, const struct mn_record *rec,
               const char *file, struct mn_error *e)
{
  t->offered++;
  if (t->where_pos >= 0)
    {
      mn_valuelist_add (&t->where_seen, rec->f[t->where_pos],
                        rec->len[t->where_pos]);
      if (strcmp (rec->f[t->where_pos], t->where_val) != 0)
        {
          t->skipped++;
          return 0;
        }
    }
  /* As every other reader of a score table: a row must say whose it
     is.  */
  for (size_t k = 0; k < t->nkey; k++)
    if (rec->len[t->keycol[k]] == 0)
      return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                           "empty key '%s'", t->keyname[k]);
  struct mn_rrow r = { .line = rec->line };
  for (int f = MN_RF_FIRST_NUM; f < MN_RF_COUNT; f++)
    {
      r.x[f] = NAN;
      if (t->col[f] >= 0
          && parse_cell (f, rec->f[t->col[f]], &r.x[f], file, rec->line, e)
             < 0)
        return -1;
    }
  if (check_order (&r, file, rec->line, e) < 0)
    return -1;
  /* As minyi-rank: one row a key, over every input; the key of a
     rejected row is not taken.  */
  if (mn_keyonce_put (&t->keys, rec, t->keycol, t->nkey, e) < 0)
    return -1;
  r.key = xcalloc (t->nkey + 1, sizeof *r.key);
  for (size_t k = 0; k < t->nkey; k++)
    r.key[k] = xstrdup (rec->f[t->keycol[k]]);
  for (int f = 0; f < MN_RF_FIRST_NUM; f++)
    if (t->col[f] >= 0)
      r.text[f] = xstrdup (rec->f[t->col[f]]);
  t->row = xgrow (t->row, &t->cap, t->nrow + 1, sizeof *t->row);
  t->row[t->nrow++] = r;
  return 0;
}

int
mn_rtable_check (const struct mn_rtable *t, struct mn_error *e)
{
  if (t->nrow)
    return 0;
  /* The value and the column quoted as values are, so that the
     message stays within its buffer whatever their length.  */
  char v[128], c[128], list[512];
  if (t->where_col)
    {
      mn_visible (v, sizeof v, t->where_val, strlen (t->where_val));
      mn_visible (c, sizeof c, t->where_col, strlen (t->where_col));
    }
  if (t->where_col && t->offered == t->skipped)
    {
      if (t->where_seen.n)
        return mn_error_set (e, NULL, 0, MN_R_USAGE,
                             "--where: no row has '%s' in column '%s'; "
                             "the column holds %s", v, c,
                             mn_valuelist_format (&t->where_seen, list,
                                                  sizeof list));
      return mn_error_set (e, NULL, 0, MN_R_USAGE,
                           "--where: no row has '%s' in column '%s': the "
                           "tables have no rows", v, c);
    }
  if (t->where_col)
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "no row to show: every row with '%s' in column "
                         "'%s' was rejected", v, c);
  if (t->offered)
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "no row to show: every row was rejected");
  return mn_error_set (e, NULL, 0, MN_R_USAGE,
                       "no row to show: the tables have no rows");
}

/* The join: T's rows sorted by their joined key, searched for each row
   of the other table.  */
struct joinkey
{
  char *s;
  size_t row;
};

static int
joinkey_cmp (const void *a, const void *b)
{
  const struct joinkey *x = a, *y = b;
  int c = strcmp (x->s, y->s);
  return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* The keys of the fields KCOL (NK of them) of REC joined by 0x1F.  */
static char *
join_fields (char *const *f, const long *kcol, size_t nk)
{
  size_t len = 1;
  for (size_t k = 0; k < nk; k++)
    len += strlen (f[kcol[k]]) + 1;
  char *s = xmalloc (len), *p = s;
  for (size_t k = 0; k < nk; k++)
    {
      size_t l = strlen (f[kcol[k]]);
      memcpy (p, f[kcol[k]], l);
      p += l;
      *p++ = k + 1 < nk ? '\x1f' : '\0';
    }
  if (nk == 0)
    *p = '\0';
  return s;
}

int
mn_rtable_join (struct mn_rtable *t, const char *path,
                const struct mn_reader_options *ro, size_t *matched,
                struct mn_error *e)
{
  static const enum mn_rf fill[] = {
    MN_RF_LO, MN_RF_HI, MN_RF_LEVEL, MN_RF_POST_MEAN, MN_RF_POST_LO,
    MN_RF_POST_HI, MN_RF_FUNNEL_TARGET, MN_RF_FUNNEL_LO95,
    MN_RF_FUNNEL_HI95, MN_RF_FUNNEL_LO998, MN_RF_FUNNEL_HI998,
  };
  static const enum mn_rf fill_text[] = { MN_RF_METHOD, MN_RF_FUNNEL_FLAG };
  *matched = 0;
  struct mn_input in;
  if (mn_input_open (&in, path, ro, e) < 0)
    return -1;
  const struct mn_header *h = &in.h;
  long *kt = xcalloc (t->nkey + 1, sizeof *kt);
  long *ks = xcalloc (t->nkey + 1, sizeof *ks);
  size_t nk = 0;
  for (size_t k = 0; k < t->nkey; k++)
    {
      long c = find (h, t->keyname[k]);
      if (c >= 0)
        {
          kt[nk] = (long) k;
          ks[nk++] = c;
        }
    }
  long col[sizeof fill / sizeof *fill], tcol[2];
  for (size_t i = 0; i < sizeof fill / sizeof *fill; i++)
    col[i] = find (h, rf_names[fill[i]]);
  for (size_t i = 0; i < 2; i++)
    tcol[i] = find (h, rf_names[fill_text[i]]);
  int rc = 0;
  struct joinkey *jk = NULL;
  if (nk == 0)
    {
      rc = mn_error_set (e, in.name, 1, MN_R_MISSING_COLUMN,
                         "none of the table's keys is a column here%s",
                         mn_header_delim_hint (&in.h));
      goto out;
    }
  jk = xcalloc (t->nrow + 1, sizeof *jk);
  for (size_t i = 0; i < t->nrow; i++)
    {
      char *f[64];
      long idx[64];
      for (size_t k = 0; k < nk && k < 64; k++)
        {
          f[k] = t->row[i].key[kt[k]];
          idx[k] = (long) k;
        }
      jk[i].s = join_fields (f, idx, nk < 64 ? nk : 64);
      jk[i].row = i;
    }
  qsort (jk, t->nrow, sizeof *jk, joinkey_cmp);
  struct mn_record rec;
  int got;
  while ((got = mn_input_next (&in, &rec, e)) > 0)
    {
      if (got == 2)
        {
          rc = -1;
          goto out;
        }
      char *key = join_fields (rec.f, ks, nk);
      struct joinkey probe = { key, 0 };
      /* The first row with this key: rows sort by key, then index.  */
      size_t lo = 0, hi = t->nrow;
      while (lo < hi)
        {
          size_t mid = lo + (hi - lo) / 2;
          if (joinkey_cmp (&jk[mid], &probe) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (; lo < t->nrow && strcmp (jk[lo].s, key) == 0; lo++)
        {
          struct mn_rrow *r = &t->row[jk[lo].row];
          bool any = false;
          for (size_t i = 0; i < sizeof fill / sizeof *fill; i++)
            if (col[i] >= 0 && isnan (r->x[fill[i]]))
              {
                double x;
                if (parse_cell (fill[i], rec.f[col[i]], &x, in.name,
                                rec.line, e) < 0)
                  {
                    free (key);
                    rc = -1;
                    goto out;
                  }
                r->x[fill[i]] = x;
                any = true;
              }
          for (size_t i = 0; i < 2; i++)
            if (tcol[i] >= 0 && !r->text[fill_text[i]])
              r->text[fill_text[i]] = xstrdup (rec.f[tcol[i]]);
          if (check_order (r, in.name, rec.line, e) < 0)
            {
              free (key);
              rc = -1;
              goto out;
            }
          (void) any;
          (*matched)++;
        }
      free (key);
    }
  if (got < 0)
    rc = -1;
  for (size_t i = 0; i < sizeof fill / sizeof *fill; i++)
    if (col[i] >= 0)
      t->has[fill[i]] = true;
  for (size_t i = 0; i < 2; i++)
    if (tcol[i] >= 0)
      t->has[fill_text[i]] = true;
out:
  if (jk)
    for (size_t i = 0; i < t->nrow; i++)
      free (jk[i].s);
  free (jk);
  free (kt);
  free (ks);
  mn_input_close (&in);
  return rc;
}

size_t
mn_rtable_wilson (struct mn_rtable *t, double level)
{
  size_t filled = 0;
  for (size_t i = 0; i < t->nrow; i++)
    {
      struct mn_rrow *r = &t->row[i];
      if (!isnan (r->x[MN_RF_LO]) || !(r->x[MN_RF_N] > 0)
          || isnan (r->x[MN_RF_SAT]))
        continue;
      if (mn_prop_ci (MN_CI_WILSON, r->x[MN_RF_SAT], r->x[MN_RF_N], level,
                      &r->x[MN_RF_LO], &r->x[MN_RF_HI]) == 0)
        filled++;
    }
  if (filled)
    {
      t->has[MN_RF_LO] = t->has[MN_RF_HI] = true;
      t->wilson = level;
    }
  return filled;
}

const char *
mn_rrow_key (const struct mn_rtable *t, const struct mn_rrow *r, size_t k)
{
  return k < t->nkey && r->key[k] ? r->key[k] : "";
}

const char *
mn_rrow_id (const struct mn_rtable *t, const struct mn_rrow *r)
{
  for (size_t k = 0; k < t->nkey; k++)
    if (strcmp (t->keyname[k], "cadre") == 0)
      return r->key[k];
  return t->nkey ? r->key[t->nkey - 1] : "";
}

void
mn_rtable_lead (const struct mn_rtable *t, enum mn_rf *mean, enum mn_rf *lo,
                enum mn_rf *hi)
{
  bool post = t->has[MN_RF_POST_MEAN];
  *mean = post ? MN_RF_POST_MEAN : MN_RF_RATE;
  *lo = post ? MN_RF_POST_LO : MN_RF_LO;
  *hi = post ? MN_RF_POST_HI : MN_RF_HI;
}

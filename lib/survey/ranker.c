/* ranker.c - ranks, simulated rank intervals and policy tiers for the
   rows of a score table.  */
#include "survey/ranker.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "stats/quantile.h"
#include "stats/rank.h"
#include "table/keyonce.h"
#include "table/scoretab.h"
#include "base/i18n.h"

static const struct
{
  const char *name, *column;
} by_def[] = {
  [MN_RANK_POSTERIOR] = { "posterior", "post_mean" },
  [MN_RANK_RATE] = { "rate", "rate" },
  [MN_RANK_LO] = { "lo", "lo" },
  [MN_RANK_STANDARDIZED] = { "standardized", "std_rate" },
  [MN_RANK_INDEX] = { "index", "index" },
};

int
mn_rank_by_parse (const char *name, enum mn_rank_by *by)
{
  for (size_t i = 0; i < sizeof by_def / sizeof *by_def; i++)
    if (strcmp (name, by_def[i].name) == 0)
      {
        *by = (enum mn_rank_by) i;
        return 0;
      }
  return -1;
}

const char *
mn_rank_by_name (enum mn_rank_by by)
{
  return by_def[by].name;
}

const char *
mn_rank_by_column (enum mn_rank_by by)
{
  return by_def[by].column;
}

struct rk_row
{
  size_t key, keylen;       /* the keys, NUL-joined, in the text */
  size_t stratum, stratumlen;   /* the --within value, in the text */
  double n, sat, rate;      /* as read */
  double x, m;              /* the posterior's counts (neff rate, neff) */
  double value;             /* the ranking statistic, NaN: none */
  double a, b;              /* its posterior Beta (a, b); NaN: no data */
  double scale;             /* a draw of the rate times it is a draw of
                               the statistic (1, or std_ref /
                               std_expected) */
  bool eb;                  /* from the table's prior */
  size_t pv;                /* its policy values: vals[pv ...] */
  size_t rank, ranked;      /* its rank (0: none) among RANKED */
  struct mn_rankdist dist;  /* simulated; median 0: not simulated */
  size_t ptop;              /* its P (top) in ptop[ptop ...] */
  struct mn_tiering tier;
  const struct mn_cadre *cadre; /* its roster entry, or NULL */
  enum { RS_NONE, RS_LISTED, RS_NO_DATA, RS_NOT_LISTED } roster;
};

struct mn_ranker
{
  struct mn_rank_opts o;
  struct mn_st_reader *reader;
  char **keyname;           /* owned: the first table's keys */
  size_t nkey;
  size_t ncol;              /* the first table's column count */
  char **colname;           /* owned: its columns, to check later ones */
  long c_value, c_within, c_alpha, c_beta;  /* columns, or -1 */
  long c_ref, c_expected;   /* std_ref, std_expected with --by-stat
                               standardized, else -1 */
  long c_rule[MN_POLICY_MAX_RULES];
  bool within_is_key;
  long c_cadre;             /* with --roster: the cadre's key column */
  bool weighted;
  char *text;
  size_t textlen, textcap;
  struct rk_row *row;
  size_t nrow, rowcap;
  double *vals;             /* policy values, nrules per row */
  size_t nvals, valscap;
  double *ptop;
  struct mn_keyonce keys;   /* keys seen, over every table */
  size_t nstrata;
  bool finished;
};

struct mn_ranker *
mn_ranker_new (const struct mn_rank_opts *o)
{
  struct mn_ranker *r = xcalloc (1, sizeof *r);
  r->o = *o;
  /* The composite index has no posterior here: its ranks are not
     simulated (drawing the rate would give the rate's rank intervals,
     not the index's).  */
  if (r->o.by == MN_RANK_INDEX)
    r->o.draws = 0;
  mn_keyonce_init (&r->keys);
  return r;
}

void
mn_ranker_free (struct mn_ranker *r)
{
  if (!r)
    return;
  mn_st_reader_free (r->reader);
  for (size_t i = 0; i < r->nkey; i++)
    free (r->keyname[i]);
  free (r->keyname);
  for (size_t i = 0; i < r->ncol; i++)
    free (r->colname[i]);
  free (r->colname);
  free (r->text);
  free (r->row);
  free (r->vals);
  free (r->ptop);
  mn_keyonce_release (&r->keys);
  free (r);
}

static long
find_col (const struct mn_st_layout *l, const char *name)
{
  for (size_t i = 0; i < l->ncol; i++)
    if (strcmp (l->col[i].name, name) == 0)
      return (long) i;
  return -1;
}

static int
missing (const char *file, const char *col, const char *why,
         struct mn_error *e)
{
  return mn_error_set (e, file, 1, MN_R_MISSING_COLUMN,
                       "the table has no column '%s': %s", col, why);
}

int
mn_ranker_bind (struct mn_ranker *r, struct mn_input *in,
                struct mn_error *e)
{
  mn_st_reader_free (r->reader);
  mn_keyonce_begin (&r->keys, in->name);
  r->reader = mn_st_reader_open (in, e);
  if (!r->reader)
    return -1;
  const struct mn_st_layout *l = mn_st_reader_layout (r->reader);
  if (r->colname)
    {
      bool same = l->ncol == r->ncol;
      for (size_t i = 0; i < l->ncol && same; i++)
        same = strcmp (l->col[i].name, r->colname[i]) == 0;
      if (!same)
        return mn_error_set (e, in->name, 1, MN_R_HEADER_MISMATCH,
                             "its columns are not those of the first "
                             "table");
      return 0;
    }
  const char *vc = mn_rank_by_column (r->o.by);
  r->c_value = find_col (l, vc);
  if (r->c_value < 0)
    switch (r->o.by)
      {
      case MN_RANK_POSTERIOR:
        return missing (in->name, vc, _("rank an adjusted table "
                        "(minyi-adjust), or choose --by-stat rate or lo"),
                        e);
      case MN_RANK_STANDARDIZED:
        return missing (in->name, vc, _("--by-stat standardized needs the "
                        "standardised rates of minyi-score "
                        "--standardize-by"), e);
      case MN_RANK_INDEX:
        return missing (in->name, vc, _("--by-stat index needs a scored "
                        "codebook's composite index"), e);
      default:
        return missing (in->name, vc, _("it is no score table"), e);
      }
  r->c_within = -1;
  if (r->o.within)
    {
      r->c_within = find_col (l, r->o.within);
      if (r->c_within < 0)
        {
          mn_header_find (&in->h, r->o.within, in->name, e);
          return -1;
        }
      r->within_is_key = l->col[r->c_within].stat == MN_ST_KEY;
    }
  r->c_alpha = find_col (l, "prior_alpha");
  r->c_beta = find_col (l, "prior_beta");
  /* The standardised rate is the rate times std_ref / std_expected, the
     same for every draw: the draws of the rate, so scaled, are draws of
     it.  */
  r->c_ref = r->c_expected = -1;
  if (r->o.by == MN_RANK_STANDARDIZED)
    {
      r->c_ref = find_col (l, mn_st_defs[MN_SC_STD_REF].name);
      r->c_expected = find_col (l, mn_st_defs[MN_SC_STD_EXPECTED].name);
      if (r->c_ref < 0 || r->c_expected < 0)
        return missing (in->name, r->c_ref < 0 ? "std_ref" : "std_expected",
                        _("--by-stat standardized needs the standardised "
                        "rates of minyi-score --standardize-by"), e);
    }
  const struct mn_policy *p = r->o.policy;
  for (size_t k = 0; p && k < p->n; k++)
    {
      r->c_rule[k] = -1;
      if (p->rule[k].stat != MN_PS_COLUMN)
        continue;
      r->c_rule[k] = find_col (l, p->rule[k].column);
      if (r->c_rule[k] < 0 || l->col[r->c_rule[k]].stat == MN_ST_KEY)
        return mn_error_set (e, p->file, p->rule[k].line,
                             MN_R_MISSING_COLUMN,
                             "statistic '%s' is no number column of the "
                             "table %s", p->rule[k].column, in->name);
    }
  r->c_cadre = -1;
  if (r->o.roster)
    {
      const char *cc = r->o.cadre_column ? r->o.cadre_column : "cadre";
      for (size_t i = 0; i < l->nkey && r->c_cadre < 0; i++)
        if (strcmp (l->col[i].name, cc) == 0)
          r->c_cadre = (long) i;
      if (r->c_cadre < 0)
        return mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN,
                             "--roster joins on the key column '%s', "
                             "which the table lacks (its keys are the "
                             "columns before 'rows')", cc);
    }
  r->weighted = l->weighted;
  r->nkey = l->nkey;
  r->keyname = xcalloc (l->nkey, sizeof *r->keyname);
  for (size_t i = 0; i < l->nkey; i++)
    r->keyname[i] = xstrdup (l->col[i].name);
  r->ncol = l->ncol;
  r->colname = xcalloc (l->ncol, sizeof *r->colname);
  for (size_t i = 0; i < l->ncol; i++)
    r->colname[i] = xstrdup (l->col[i].name);
  return 0;
}

/* The number in cell C of column COL: a statistic's, or an extra
   column's text parsed (empty: NaN).  */
static int
cell_number (const struct mn_st_layout *l, const struct mn_st_cell *c,
             long col, const char *file, unsigned long line, double *x,
             struct mn_error *e)
{
  if (l->col[col].stat != MN_ST_EXTRA)
    {
      *x = c[col].x;
      return 0;
    }
  *x = NAN;
  if (c[col].len == 0)
    return 0;
  char *s = xmemdup0 (c[col].s, c[col].len);
  int rc = mn_parse_double (s, x);
  if (rc != 0)
    mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                  "column '%s': '%s' is not a number", l->col[col].name,
                  s);
  free (s);
  return rc == 0 ? 0 : -1;
}

static void
put (struct mn_ranker *r, const char *s, size_t len, bool nul)
{
  r->text = xgrow (r->text, &r->textcap, r->textlen + len + 1, 1);
  memcpy (r->text + r->textlen, s, len);
  r->textlen += len;
  if (nul)
    r->text[r->textlen++] = '\0';
}

int
mn_ranker_add (struct mn_ranker *r, const struct mn_record *rec,
               const char *file, struct mn_error *e)
{
  const struct mn_st_cell *c;
  if (mn_st_reader_parse (r->reader, rec, file, &c, e) < 0)
    return -1;
  const struct mn_st_layout *l = mn_st_reader_layout (r->reader);
  struct rk_row w = { .rank = 0 };
  w.n = c[l->pos[MN_SC_N]].x;
  w.sat = c[l->pos[MN_SC_SAT]].x;
  w.rate = c[l->pos[MN_SC_RATE]].x;
  if (cell_number (l, c, r->c_value, file, rec->line, &w.value, e) < 0)
    return -1;
  if (r->weighted)
    {
      double neff = c[l->pos[MN_SC_NEFF]].x;
      w.m = w.n > 0 && neff > 0 ? neff : 0;
      w.x = w.m > 0 ? fmin (fmax (w.rate * w.m, 0), w.m) : 0;
    }
  else
    {
      w.m = w.n;
      w.x = w.sat;
    }
  /* The posterior: the table's prior (minyi-adjust) when the row has
     one, else Jeffreys' Beta (1/2, 1/2).  */
  double pa = r->c_alpha >= 0 ? c[r->c_alpha].x : NAN;
  double pb = r->c_beta >= 0 ? c[r->c_beta].x : NAN;
  w.eb = pa > 0 && pb > 0 && isfinite (pa) && isfinite (pb);
  if (!w.eb)
    pa = pb = 0.5;
  w.a = w.m > 0 ? pa + w.x : NAN;
  w.b = w.m > 0 ? pb + w.m - w.x : NAN;
  /* A row with no answers has no statistic to rank by.  */
  if (!(w.m > 0))
    w.value = NAN;
  w.scale = 1;
  if (r->c_ref >= 0)
    {
      double ref = c[r->c_ref].x, ex = c[r->c_expected].x;
      w.scale = ref > 0 && ex > 0 ? ref / ex : NAN;
      if (isnan (w.scale))
        w.value = NAN;
    }
  /* Its keys, unique over all the tables (the table's reader has
     seen to them within one): the key columns come first.  */
  if (mn_keyonce_put (&r->keys, rec, NULL, l->nkey, e) < 0)
    return -1;
  w.key = r->textlen;
  for (size_t i = 0; i < l->nkey; i++)
    put (r, c[i].s, c[i].len, true);
  w.keylen = r->textlen - w.key;
  w.stratum = r->textlen;
  if (r->c_within >= 0)
    put (r, rec->f[r->c_within], rec->len[r->c_within], false);
  w.stratumlen = r->textlen - w.stratum;
  /* The policy's figures.  */
  const struct mn_policy *p = r->o.policy;
  w.pv = r->nvals;
  if (p)
    {
      r->vals = xgrow (r->vals, &r->valscap, r->nvals + p->n,
                       sizeof *r->vals);
      for (size_t k = 0; k < p->n; k++)
        {
          const struct mn_policy_rule *ru = &p->rule[k];
          double x = NAN;
          if (ru->stat == MN_PS_COLUMN
              && cell_number (l, c, r->c_rule[k], file, rec->line, &x, e)
                   < 0)
            {
              r->textlen = w.key;
              return -1;
            }
          if (ru->stat == MN_PS_DISSAT)
            x = w.m > 0 ? 1 - w.rate : NAN;
          else if (ru->stat == MN_PS_PROB_GE)
            x = w.m > 0 ? mn_beta_cdf_upper (ru->t, w.a, w.b) : NAN;
          r->vals[r->nvals + k] = x;
        }
      r->nvals += p->n;
    }
  if (r->c_cadre >= 0)
    {
      w.cadre = mn_roster_find (r->o.roster, c[r->c_cadre].s,
                                c[r->c_cadre].len);
      w.roster = w.cadre ? RS_LISTED : RS_NOT_LISTED;
    }
  r->row = xgrow (r->row, &r->rowcap, r->nrow + 1, sizeof *r->row);
  r->row[r->nrow++] = w;
  return 0;
}

/* With --roster: a row "no data" for each roster cadre without one in
   a stratum (every stratum the rows have; one, empty, without
   --within).  Its keys: the cadre's id, the stratum's value in the
   --within key, the other keys empty.  */
static void
add_roster_rows (struct mn_ranker *r)
{
  const struct mn_roster *ro = r->o.roster;
  struct mn_groups *have = mn_groups_new (1);
  struct mn_groups *strata = mn_groups_new (sizeof (size_t));
  size_t n0 = r->nrow;
  char *k = NULL;
  size_t kcap = 0;
  for (size_t i = 0; i < n0; i++)
    {
      const struct rk_row *w = &r->row[i];
      *(size_t *) mn_groups_get (strata, r->text + w->stratum,
                                 w->stratumlen) = i;
      /* The pair (stratum, cadre): the stratum's bytes, NUL, the id.  */
      const char *s = r->text + w->key;
      for (long j = 0; j < r->c_cadre; j++)
        s += strlen (s) + 1;
      size_t sl = strlen (s);
      k = xgrow (k, &kcap, w->stratumlen + sl + 1, 1);
      memcpy (k, r->text + w->stratum, w->stratumlen);
      k[w->stratumlen] = '\0';
      memcpy (k + w->stratumlen + 1, s, sl);
      mn_groups_get (have, k, w->stratumlen + 1 + sl);
    }
  if (n0 == 0)
    mn_groups_get (strata, "", 0);
  struct mn_group_entry *sv = mn_groups_sorted (strata);
  size_t ns = mn_groups_count (strata);
  const struct mn_policy *p = r->o.policy;
  for (size_t t = 0; t < ns; t++)
    for (size_t c = 0; c < ro->n; c++)
      {
        const struct mn_cadre *cd = &ro->cadre[c];
        size_t il = strlen (cd->id);
        k = xgrow (k, &kcap, sv[t].keylen + il + 1, 1);
        memcpy (k, sv[t].key, sv[t].keylen);
        k[sv[t].keylen] = '\0';
        memcpy (k + sv[t].keylen + 1, cd->id, il);
        if (mn_groups_find (have, k, sv[t].keylen + 1 + il))
          continue;
        struct rk_row w = { .n = NAN, .sat = NAN, .rate = NAN, .x = NAN,
                            .m = 0, .value = NAN, .a = NAN, .b = NAN,
                            .scale = 1, .cadre = cd,
                            .roster = RS_NO_DATA };
        w.key = r->textlen;
        for (size_t i = 0; i < r->nkey; i++)
          {
            if ((long) i == r->c_cadre)
              put (r, cd->id, il, true);
            else if ((long) i == r->c_within)
              put (r, sv[t].key, sv[t].keylen, true);
            else
              put (r, "", 0, true);
          }
        w.keylen = r->textlen - w.key;
        w.stratum = r->textlen;
        put (r, sv[t].key, sv[t].keylen, false);
        w.stratumlen = r->textlen - w.stratum;
        w.pv = r->nvals;
        if (p)
          {
            r->vals = xgrow (r->vals, &r->valscap, r->nvals + p->n,
                             sizeof *r->vals);
            for (size_t j = 0; j < p->n; j++)
              r->vals[r->nvals + j] = NAN;
            r->nvals += p->n;
          }
        r->row = xgrow (r->row, &r->rowcap, r->nrow + 1, sizeof *r->row);
        r->row[r->nrow++] = w;
      }
  free (sv);
  free (k);
  mn_groups_free (have);
  mn_groups_free (strata);
}

static const struct mn_ranker *sort_r;

static int
bytes_cmp (const char *a, size_t la, const char *b, size_t lb)
{
  int c = memcmp (a, b, la < lb ? la : lb);
  return c ? c : (la > lb) - (la < lb);
}

/* By stratum, then key.  */
static int
cmp_row (const void *pa, const void *pb)
{
  const struct rk_row *a = pa, *b = pb;
  const char *t = sort_r->text;
  int c = bytes_cmp (t + a->stratum, a->stratumlen, t + b->stratum,
                     b->stratumlen);
  return c ? c : bytes_cmp (t + a->key, a->keylen, t + b->key, b->keylen);
}

/* By stratum, then rank (the unranked last), then key.  */
static int
cmp_out (const void *pa, const void *pb)
{
  const struct rk_row *a = pa, *b = pb;
  const char *t = sort_r->text;
  int c = bytes_cmp (t + a->stratum, a->stratumlen, t + b->stratum,
                     b->stratumlen);
  if (c)
    return c;
  size_t ra = a->rank ? a->rank : (size_t) -1;
  size_t rb = b->rank ? b->rank : (size_t) -1;
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return bytes_cmp (t + a->key, a->keylen, t + b->key, b->keylen);
}

/* The cut-off rank of --top J in a stratum of M ranked rows: K, or the
   top Q % rounded up (at least 1).  */
static size_t
top_cut (const struct mn_rank_opts *o, size_t j, size_t m)
{
  if (!o->top_pct[j])
    return (size_t) o->top[j];
  double k = ceil (o->top[j] * (double) m / 100 - 1e-9);
  return k < 1 ? 1 : (size_t) k;
}

int
mn_ranker_finish (struct mn_ranker *r, struct mn_error *e)
{
  if (r->o.roster && r->c_cadre >= 0)
    add_roster_rows (r);
  sort_r = r;
  /* qsort's array may not be NULL, even empty (no rows: header only).  */
  if (r->nrow > 1)
    qsort (r->row, r->nrow, sizeof *r->row, cmp_row);
  /* The strata, and in each the ranks and the simulation's items (the
     ranked rows, in key order).  */
  size_t *start = xcalloc (r->nrow + 1, sizeof *start);
  size_t *item = xcalloc (r->nrow ? r->nrow : 1, sizeof *item);
  double *a = xcalloc (r->nrow ? r->nrow : 1, sizeof *a);
  double *b = xcalloc (r->nrow ? r->nrow : 1, sizeof *b);
  double *scale = xcalloc (r->nrow ? r->nrow : 1, sizeof *scale);
  size_t *cut = xcalloc ((r->nrow + 1) * (r->o.ntop ? r->o.ntop : 1),
                         sizeof *cut);
  size_t nitem = 0, ns = 0;
  int rc = 0;
  for (size_t s0 = 0; s0 < r->nrow;)
    {
      size_t s1 = s0 + 1;
      while (s1 < r->nrow
             && bytes_cmp (r->text + r->row[s0].stratum,
                           r->row[s0].stratumlen,
                           r->text + r->row[s1].stratum,
                           r->row[s1].stratumlen) == 0)
        s1++;
      size_t m = s1 - s0;
      double *v = xcalloc (m, sizeof *v);
      size_t *rk = xcalloc (m, sizeof *rk);
      for (size_t i = 0; i < m; i++)
        v[i] = r->row[s0 + i].value;
      size_t ranked = mn_rank_values (v, m, r->o.dense, rk);
      start[ns] = nitem;
      for (size_t i = 0; i < m; i++)
        {
          r->row[s0 + i].rank = rk[i];
          r->row[s0 + i].ranked = ranked;
          if (rk[i])
            {
              item[nitem] = s0 + i;
              a[nitem] = r->row[s0 + i].a;
              scale[nitem] = r->row[s0 + i].scale;
              b[nitem++] = r->row[s0 + i].b;
            }
        }
      for (size_t j = 0; j < r->o.ntop; j++)
        cut[ns * r->o.ntop + j] = top_cut (&r->o, j, ranked);
      if (r->o.policy)
        {
          const struct mn_policy *p = r->o.policy;
          double *pv = xcalloc (p->n * m, sizeof *pv);
          double *n = xcalloc (m, sizeof *n);
          struct mn_tiering *t = xcalloc (m, sizeof *t);
          for (size_t i = 0; i < m; i++)
            {
              n[i] = r->row[s0 + i].n;
              for (size_t k = 0; k < p->n; k++)
                pv[k * m + i] = r->vals[r->row[s0 + i].pv + k];
            }
          mn_policy_decide (p, m, pv, n, rk, ranked, t);
          for (size_t i = 0; i < m; i++)
            r->row[s0 + i].tier = t[i];
          free (pv);
          free (n);
          free (t);
        }
      free (v);
      free (rk);
      ns++;
      s0 = s1;
    }
  start[ns] = nitem;
  r->nstrata = ns;
  r->ptop = xcalloc (nitem * r->o.ntop + 1, sizeof *r->ptop);
  if (r->o.draws > 0 && nitem > 0)
    {
      struct mn_rankdist *dist = xcalloc (nitem, sizeof *dist);
      struct mn_ranksim s = { .n = nitem, .a = a, .b = b,
                              .scale = r->c_ref >= 0 ? scale : NULL,
                              .nstrata = ns,
                              .start = start, .draws = r->o.draws,
                              .seed = r->o.seed, .ntop = r->o.ntop,
                              .cut = cut, .threads = r->o.threads };
      rc = mn_ranksim_run (&s, dist, r->ptop, e);
      for (size_t k = 0; k < nitem && rc == 0; k++)
        {
          r->row[item[k]].dist = dist[k];
          r->row[item[k]].ptop = k * r->o.ntop;
        }
      free (dist);
    }
  /* The output's order.  The simulation's results move with the rows;
     P (top) stays where it is, indexed by the row.  */
  if (r->nrow > 1)
    qsort (r->row, r->nrow, sizeof *r->row, cmp_out);
  sort_r = NULL;
  free (start);
  free (item);
  free (a);
  free (b);
  free (scale);
  free (cut);
  r->finished = rc == 0;
  return rc;
}

static void
write_keys (const struct mn_ranker *r, const struct rk_row *w, FILE *out)
{
  const char *s = r->text + w->key;
  for (size_t i = 0; i < r->nkey; i++)
    {
      size_t len = strlen (s);
      if (i)
        putc (',', out);
      mn_csv_field (out, s, len, ',');
      s += len + 1;
    }
}

/* The rule of T in words ("P(rate>=0.9) >= 0.8"), into BUF; the words
   of the last rule in the user's language when TRANSLATE (--explain),
   the table's English otherwise.  */
static void
rule_text (const struct mn_policy_rule *ru, bool translate, char *buf,
           size_t size)
{
  if (ru->stat == MN_PS_NONE)
    snprintf (buf, size, "%s", translate ? _("none of the above")
                                         : "none of the above");
  else
    snprintf (buf, size, "%s %s %s", ru->stat_text, mn_pop_name (ru->op),
              ru->threshold_text);
}

/* The decision of row W in a cell: "LINE: RULE", with "n N < MIN" or
   "unknown" for insufficient data.  */
static void
decision_text (const struct mn_ranker *r, const struct rk_row *w, char *buf,
               size_t size)
{
  const struct mn_policy *p = r->o.policy;
  if (w->tier.rule < 0)
    {
      snprintf (buf, size, "no rule");
      return;
    }
  const struct mn_policy_rule *ru = &p->rule[w->tier.rule];
  char rt[256];
  rule_text (ru, false, rt, sizeof rt);
  double x = ru->stat == MN_PS_NONE ? 0 : r->vals[w->pv + w->tier.rule];
  if (w->tier.insufficient && isnan (x))
    snprintf (buf, size, "line %lu: %s%s, %s unknown", ru->line,
              ru->veto ? "veto " : "", rt, ru->stat_text);
  else if (w->tier.insufficient)
    snprintf (buf, size, "line %lu: %s%s, but n %g < %g", ru->line,
              ru->veto ? "veto " : "", rt, w->n, ru->min_n);
  else
    snprintf (buf, size, "line %lu: %s%s", ru->line,
              ru->veto ? "veto " : "", rt);
}

void
mn_ranker_write (const struct mn_ranker *r, int digits, FILE *out)
{
  for (size_t i = 0; i < r->nkey; i++)
    {
      if (i)
        putc (',', out);
      mn_csv_str (out, r->keyname[i], ',');
    }
  if (r->c_within >= 0 && !r->within_is_key)
    {
      putc (',', out);
      mn_csv_str (out, r->o.within, ',');
    }
  if (r->o.roster)
    fputs (",name,unit,position,township", out);
  const char *vc = mn_rank_by_column (r->o.by);
  fputs (",n,sat,rate", out);
  if (strcmp (vc, "rate") != 0)
    fprintf (out, ",%s", vc);
  fputs (",rank,ranked", out);
  if (r->o.draws > 0)
    {
      fputs (",rank_median,rank_lo,rank_hi", out);
      for (size_t j = 0; j < r->o.ntop; j++)
        fprintf (out, ",p_top%g%s", r->o.top[j], r->o.top_pct[j] ? "pct"
                                                                 : "");
      fputs (",posterior", out);
    }
  if (r->o.policy)
    fputs (",tier,tier_rule", out);
  if (r->o.roster)
    fputs (",roster", out);
  putc ('\n', out);
  for (size_t i = 0; i < r->nrow; i++)
    {
      const struct rk_row *w = &r->row[i];
      write_keys (r, w, out);
      if (r->c_within >= 0 && !r->within_is_key)
        {
          putc (',', out);
          mn_csv_field (out, r->text + w->stratum, w->stratumlen, ',');
        }
      if (r->o.roster)
        {
          const struct mn_cadre *cd = w->cadre;
          const char *f[] = { cd ? cd->name : NULL, cd ? cd->unit : NULL,
                              cd ? cd->position : NULL,
                              cd ? cd->township : NULL };
          for (size_t j = 0; j < 4; j++)
            {
              putc (',', out);
              mn_csv_str (out, f[j] ? f[j] : "", ',');
            }
        }
      double v[] = { w->n, w->sat, w->rate, w->value };
      size_t nv = strcmp (vc, "rate") != 0 ? 4 : 3;
      for (size_t j = 0; j < nv; j++)
        {
          putc (',', out);
          mn_csv_num (out, v[j], digits);
        }
      if (w->rank)
        fprintf (out, ",%zu,%zu", w->rank, w->ranked);
      else
        fprintf (out, ",,%zu", w->ranked);
      if (r->o.draws > 0)
        {
          if (w->dist.median)
            fprintf (out, ",%zu,%zu,%zu", w->dist.median, w->dist.lo,
                     w->dist.hi);
          else
            fputs (",,,", out);
          for (size_t j = 0; j < r->o.ntop; j++)
            {
              putc (',', out);
              mn_csv_num (out, w->dist.median ? r->ptop[w->ptop + j] : NAN,
                          digits);
            }
          fputs (!w->rank ? ",none" : w->eb ? ",eb" : ",jeffreys", out);
        }
      if (r->o.policy)
        {
          char buf[512];
          const char *tier = w->tier.insufficient ? MN_TIER_INSUFFICIENT
                             : w->tier.rule >= 0
                               ? r->o.policy->rule[w->tier.rule].tier : "";
          putc (',', out);
          mn_csv_str (out, tier, ',');
          decision_text (r, w, buf, sizeof buf);
          putc (',', out);
          mn_csv_str (out, buf, ',');
        }
      if (r->o.roster)
        fputs (w->roster == RS_NO_DATA ? ",no data"
               : w->roster == RS_NOT_LISTED ? ",not in roster" : ",listed",
               out);
      putc ('\n', out);
    }
}

size_t
mn_ranker_explain (const struct mn_ranker *r, const char *key, int digits,
                   FILE *out)
{
  size_t found = 0, len = 0;
  /* KEY's keys NUL-joined as the rows' are: an unescaped comma ends a
     key, a backslash takes the next character as it is.  */
  char *want = xmemdup0 (key, strlen (key));
  for (const char *k = key; *k; k++)
    {
      if (*k == '\\' && k[1])
        want[len++] = *++k;
      else
        want[len++] = *k == ',' ? '\0' : *k;
    }
  for (size_t i = 0; i < r->nrow; i++)
    {
      const struct rk_row *w = &r->row[i];
      if (!(w->keylen && w->keylen - 1 == len
            && memcmp (r->text + w->key, want, len) == 0))
        continue;
      if (found++)
        putc ('\n', out);
      char num[4][MN_NUM_BUFSIZE];
      mn_num_format (num[0], sizeof num[0], w->rate, digits);
      mn_num_format (num[1], sizeof num[1], w->value, digits);
      /* The keys as the table writes them: a comma within one quoted.  */
      write_keys (r, w, out);
      fprintf (out, _(": %g satisfied of %g answers, rate %s"),
               w->sat, w->n, *num[0] ? num[0] : _("unknown"));
      if (r->weighted)
        fprintf (out, _(" (weighted; effective n %g)"), w->m);
      fputs (_(".\n"), out);
      const char *vc = mn_rank_by_column (r->o.by);
      const char *within = r->c_within >= 0 ? r->o.within : NULL;
      if (w->rank)
        {
          if (within)
            fprintf (out, _("Ranked by %s (%s): rank %zu of %zu within "
                            "%.*s, %s.\n"),
                     mn_rank_by_name (r->o.by), vc, w->rank, w->ranked,
                     (int) w->stratumlen, r->text + w->stratum,
                     r->o.dense ? _("dense ranking")
                                : _("ties sharing a rank"));
          else
            fprintf (out, _("Ranked by %s (%s): rank %zu of %zu, %s.\n"),
                     mn_rank_by_name (r->o.by), vc, w->rank, w->ranked,
                     r->o.dense ? _("dense ranking")
                                : _("ties sharing a rank"));
        }
      else
        fprintf (out, _("Not ranked: no %s (no answers, or an empty "
                        "cell).\n"), vc);
      if (w->rank && *num[1])
        fprintf (out, _("Its %s is %s.\n"), vc, num[1]);
      if (w->dist.median)
        {
          fprintf (out, _("Over %lu draws (seed %lu) from its posterior "
                          "Beta(%.6g, %.6g) (%s), its rank had median %zu "
                          "and 95%% interval %zu to %zu"),
                   r->o.draws, r->o.seed, w->a, w->b,
                   w->eb ? _("the table's empirical-Bayes prior")
                         : _("Jeffreys prior"), w->dist.median,
                   w->dist.lo, w->dist.hi);
          for (size_t j = 0; j < r->o.ntop; j++)
            {
              char pn[MN_NUM_BUFSIZE];
              mn_num_format (pn, sizeof pn, r->ptop[w->ptop + j], digits);
              fprintf (out, _("; P(top %g%s) = %s"), r->o.top[j],
                       r->o.top_pct[j] ? "%" : "", pn);
            }
          fputs (_(".\n"), out);
        }
      const struct mn_policy *p = r->o.policy;
      for (size_t k = 0; p && k < p->n; k++)
        {
          const struct mn_policy_rule *ru = &p->rule[k];
          char rt[256], xs[MN_NUM_BUFSIZE];
          rule_text (ru, true, rt, sizeof rt);
          double x = r->vals[w->pv + k];
          mn_num_format (xs, sizeof xs, x, digits);
          fprintf (out, ru->veto ? _("Policy line %lu, veto to %s: %s")
                                 : _("Policy line %lu, tier %s: %s"),
                   ru->line, ru->tier, rt);
          if (ru->stat != MN_PS_NONE)
            fprintf (out, _("; %s is %s"), ru->stat_text,
                     *xs ? xs : _("unknown"));
          if (ru->min_n > 0)
            fprintf (out, _("; needs n >= %g"), ru->min_n);
          if (!isnan (ru->max_share))
            fprintf (out, _("; at most %g%% of the %zu ranked"),
                     100 * ru->max_share, w->ranked);
          if ((long) k == w->tier.rule)
            {
              fprintf (out, _(".  Decided: %s.\n"),
                       w->tier.insufficient ? MN_TIER_INSUFFICIENT
                                            : ru->tier);
              break;
            }
          if (w->tier.capped >> k & 1)
            fputs (_(".  Met, but the tier had closed: a group of tied "
                     "rows at or above this rank would have passed its "
                     "cap, so that group and every row after it go on: "
                     "next rule.\n"),
                   out);
          else if (ru->stat == MN_PS_NONE || !mn_policy_holds (ru, x))
            fputs (_(".  Not met: next rule.\n"), out);
          else
            fputs (_(".\n"), out);
        }
    }
  free (want);
  return found;
}

void
mn_ranker_summary (const struct mn_ranker *r, struct mn_rank_summary *s)
{
  *s = (struct mn_rank_summary) { .rows = r->nrow, .strata = r->nstrata };
  for (size_t i = 0; i < r->nrow; i++)
    {
      const struct rk_row *w = &r->row[i];
      s->no_data += w->roster == RS_NO_DATA;
      s->not_listed += w->roster == RS_NOT_LISTED;
      s->ranked += w->rank > 0;
      s->eb += w->rank > 0 && w->eb;
      s->jeffreys += w->rank > 0 && !w->eb;
      s->insufficient += w->tier.insufficient;
    }
}

const char *
mn_ranker_not_listed (const struct mn_ranker *r, size_t i)
{
  for (size_t k = 0; k < r->nrow; k++)
    if (r->row[k].roster == RS_NOT_LISTED && i-- == 0)
      {
        const char *s = r->text + r->row[k].key;
        for (long j = 0; j < r->c_cadre; j++)
          s += strlen (s) + 1;
        return s;
      }
  return NULL;
}

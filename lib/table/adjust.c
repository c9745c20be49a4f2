/* adjust.c - empirical-Bayes shrinkage and funnel limits for the rows of
   a score table.  The methods are in stats/betabin.c (Efron & Morris
   1975; Kleinman 1973) and stats/funnel.c (Spiegelhalter 2005).  */
#include "table/adjust.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "table/keyonce.h"
#include "table/scoretab.h"

struct adj_row
{
  size_t text, len;     /* the row as read, re-encoded: offset and length
                           in the text buffer */
  size_t stratum;
  double x, n;          /* for the prior: satisfied and answers (with
                           weights, neff rate and neff) */
  double rate;          /* for the funnel: the rate, and n its size */
};

struct stratum
{
  char *name;           /* owned */
  struct mn_bb_fit fit;
  bool fitted;          /* false: no row with n > 0 */
  double target;        /* the funnel's target in the stratum */
  bool have_od;         /* its overdispersion estimated */
  struct mn_funnel_od od;
};

struct mn_adjuster
{
  struct mn_adjust_opts o;
  struct mn_st_reader *reader;  /* of the table being read */
  struct mn_st_layout first;    /* the first table's columns: names only */
  char **header;                /* owned: the first table's column names */
  size_t ncol;
  long by;                      /* column of --by, or -1 */
  bool weighted;
  double level;                 /* the first row's, unless the option's */
  char *text;                   /* the rows' text, one buffer */
  size_t textlen, textcap;
  struct adj_row *row;
  size_t nrow, rowcap;
  struct stratum *stratum;
  size_t nstratum, stratumcap;
  struct mn_groups *strata;     /* stratum name -> its index */
  size_t *order;                /* after fitting: the rows' numbers,
                                   stratum by stratum */
  size_t *start;                /* stratum s's rows: order[start[s]] up
                                   to order[start[s + 1]] */
  struct mn_keyonce seen;       /* the keys read, and where */
  size_t nkey;                  /* the first table's keys */
  enum mn_ci_method method;     /* and its rows' interval, for the */
  double table_level;           /* later tables' (NaN: no row yet) */
  bool target_from_data;
};

struct mn_adjuster *
mn_adjuster_new (const struct mn_adjust_opts *o)
{
  struct mn_adjuster *a = xcalloc (1, sizeof *a);
  a->o = *o;
  a->by = -1;
  a->level = NAN;
  a->strata = mn_groups_new (sizeof (size_t));
  mn_keyonce_init (&a->seen);
  a->table_level = NAN;
  return a;
}

void
mn_adjuster_free (struct mn_adjuster *a)
{
  if (!a)
    return;
  mn_st_reader_free (a->reader);
  for (size_t i = 0; i < a->ncol; i++)
    free (a->header[i]);
  free (a->header);
  for (size_t i = 0; i < a->nstratum; i++)
    free (a->stratum[i].name);
  free (a->stratum);
  mn_groups_free (a->strata);
  mn_keyonce_release (&a->seen);
  free (a->order);
  free (a->start);
  free (a->text);
  free (a->row);
  free (a);
}

int
mn_adjuster_bind (struct mn_adjuster *a, struct mn_input *in,
                  struct mn_error *e)
{
  mn_st_reader_free (a->reader);
  mn_keyonce_begin (&a->seen, in->name);
  a->reader = mn_st_reader_open (in, e);
  if (!a->reader)
    return -1;
  const struct mn_st_layout *l = mn_st_reader_layout (a->reader);
  if (l->adjusted)
    return mn_error_set (e, in->name, 1, MN_R_USAGE,
                         "the table is adjusted already (it has "
                         "'post_mean'): adjust the score table it came "
                         "from");
  const struct mn_header *h = &in->h;
  /* The columns added must not be there already, under any role.  */
  for (size_t i = 0; i < h->n; i++)
    for (int s = 0; s < MN_SC_NSTAT; s++)
      if (mn_st_defs[s].when == MN_ST_ADJUSTED
          && strcmp (h->name[i], mn_st_defs[s].name) == 0)
        return mn_error_set (e, in->name, 1, MN_R_DUP_COLUMN,
                             "the table has a column '%s', which "
                             "minyi-adjust adds: rename it",
                             h->name[i]);
  if (!a->header)
    {
      a->ncol = h->n;
      a->header = xcalloc (h->n, sizeof *a->header);
      for (size_t i = 0; i < h->n; i++)
        a->header[i] = xstrdup (h->name[i]);
      a->weighted = l->weighted;
      a->nkey = l->nkey;
      if (a->o.by)
        for (size_t i = 0; i < h->n && a->by < 0; i++)
          if (strcmp (h->name[i], a->o.by) == 0)
            a->by = (long) i;
      if (a->o.by && a->by < 0)
        {
          /* mn_header_find says which columns there are.  */
          mn_header_find (h, a->o.by, in->name, e);
          return -1;
        }
      return 0;
    }
  bool same = h->n == a->ncol;
  for (size_t i = 0; i < h->n && same; i++)
    same = strcmp (h->name[i], a->header[i]) == 0;
  if (!same)
    return mn_error_set (e, in->name, 1, MN_R_HEADER_MISMATCH,
                         "its columns are not those of the first table");
  return 0;
}

/* Append the LEN bytes at S to A's text as one CSV field.  */
static void
put_field (struct mn_adjuster *a, const char *s, size_t len, bool comma)
{
  a->text = xgrow (a->text, &a->textcap, a->textlen + 2 * len + 4, 1);
  char *p = a->text + a->textlen;
  if (comma)
    *p++ = ',';
  bool quote = false;
  for (size_t i = 0; i < len && !quote; i++)
    quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
  if (quote)
    *p++ = '"';
  for (size_t i = 0; i < len; i++)
    {
      if (quote && s[i] == '"')
        *p++ = '"';
      *p++ = s[i];
    }
  if (quote)
    *p++ = '"';
  a->textlen = (size_t) (p - a->text);
}

static size_t
stratum_of (struct mn_adjuster *a, const char *s, size_t len)
{
  size_t *k = mn_groups_find (a->strata, s, len);
  if (k)
    return *k;
  a->stratum = xgrow (a->stratum, &a->stratumcap, a->nstratum + 1,
                      sizeof *a->stratum);
  a->stratum[a->nstratum] = (struct stratum) { .name = xmemdup0 (s, len) };
  *(size_t *) mn_groups_get (a->strata, s, len) = a->nstratum;
  return a->nstratum++;
}

/* A key once across all the tables read: the reader sees to it within
   one table.  */
static int
check_key (struct mn_adjuster *a, const struct mn_record *rec,
           struct mn_error *e)
{
  return mn_keyonce_put (&a->seen, rec, NULL, a->nkey, e);
}

int
mn_adjuster_add (struct mn_adjuster *a, const struct mn_record *rec,
                 const char *file, struct mn_error *e)
{
  const struct mn_st_cell *cells;
  if (mn_st_reader_parse (a->reader, rec, file, &cells, e) < 0)
    return -1;
  const struct mn_st_layout *l = mn_st_reader_layout (a->reader);
  if (isnan (a->table_level))
    {
      a->method = l->method;
      a->table_level = l->level;
    }
  else if (l->method != a->method || l->level != a->table_level)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "interval %s at level %g, where the first table "
                         "has %s at %g: adjust tables of one method "
                         "together", mn_ci_method_name (l->method),
                         l->level, mn_ci_method_name (a->method),
                         a->table_level);
  if (check_key (a, rec, e) < 0)
    return -1;
  if (isnan (a->level))
    a->level = isnan (a->o.level) ? l->level : a->o.level;
  double n = cells[l->pos[MN_SC_N]].x, rate = cells[l->pos[MN_SC_RATE]].x;
  struct adj_row r = { .text = a->textlen, .rate = rate };
  if (a->weighted)
    {
      double neff = cells[l->pos[MN_SC_NEFF]].x;
      r.n = n > 0 && neff > 0 ? neff : 0;
      r.x = r.n > 0 ? fmin (fmax (rate * r.n, 0), r.n) : 0;
    }
  else
    {
      r.n = n;
      r.x = cells[l->pos[MN_SC_SAT]].x;
    }
  if (!(r.n > 0))
    r.rate = NAN;
  r.stratum = a->by >= 0 ? stratum_of (a, rec->f[a->by], rec->len[a->by])
                         : stratum_of (a, "", 0);
  for (size_t i = 0; i < rec->n; i++)
    put_field (a, rec->f[i], rec->len[i], i > 0);
  r.len = a->textlen - r.text;
  a->row = xgrow (a->row, &a->rowcap, a->nrow + 1, sizeof *a->row);
  a->row[a->nrow++] = r;
  return 0;
}

/* Sort the rows' numbers by stratum (counting sort, stable): each
   stratum's rows are then found without a scan of all rows.  */
static void
order_rows (struct mn_adjuster *a)
{
  a->start = xcalloc (a->nstratum + 1, sizeof *a->start);
  a->order = xcalloc (a->nrow ? a->nrow : 1, sizeof *a->order);
  for (size_t i = 0; i < a->nrow; i++)
    a->start[a->row[i].stratum + 1]++;
  for (size_t s = 0; s < a->nstratum; s++)
    a->start[s + 1] += a->start[s];
  size_t *next = xcalloc (a->nstratum + 1, sizeof *next);
  memcpy (next, a->start, (a->nstratum + 1) * sizeof *next);
  for (size_t i = 0; i < a->nrow; i++)
    a->order[next[a->row[i].stratum]++] = i;
  free (next);
}

int
mn_adjuster_fit (struct mn_adjuster *a, struct mn_error *e)
{
  /* No row (a header alone, or every row rejected): the empty table,
     as minyi-score writes one.  */
  order_rows (a);
  double *x = xcalloc (a->nrow + 1, sizeof *x);
  double *n = xcalloc (a->nrow + 1, sizeof *n);
  double *y = xcalloc (a->nrow + 1, sizeof *y);
  int rc = 0;
  a->target_from_data = isnan (a->o.target);
  for (size_t s = 0; s < a->nstratum && rc == 0; s++)
    {
      struct stratum *st = &a->stratum[s];
      size_t k = 0;
      bool any = false;
      for (size_t j = a->start[s]; j < a->start[s + 1]; j++)
        {
          const struct adj_row *r = &a->row[a->order[j]];
          x[k] = r->x;
          n[k] = r->n;
          any |= n[k] > 0;
          k++;
        }
      /* A stratum whose rows have no answers has no prior: its rows'
         posteriors are empty.  */
      if (any && mn_bb_fit (a->o.prior, x, n, k, &st->fit, e) < 0)
        {
          rc = -1;
          break;
        }
      st->fitted = any;
      /* The funnel of the stratum: its target (the stratum's overall
         rate, unless --target), and the overdispersion of its rows.  */
      double sx = 0, sn = 0;
      k = 0;
      for (size_t j = a->start[s]; j < a->start[s + 1]; j++)
        {
          const struct adj_row *r = &a->row[a->order[j]];
          if (!(r->n > 0))
            continue;
          sx += r->x;
          sn += r->n;
          y[k] = r->rate;
          n[k++] = r->n;
        }
      st->target = a->target_from_data ? (sn > 0 ? sx / sn : NAN)
                                       : a->o.target;
      st->have_od = k >= 2 && st->target > 0 && st->target < 1
                    && mn_funnel_overdispersion (st->target, y, n, k,
                                                 a->target_from_data,
                                                 &st->od, NULL) == 0;
    }
  free (x);
  free (n);
  free (y);
  return rc;
}

static const char *
flag_name (unsigned bits)
{
  if (bits & MN_FUNNEL_HIGH998)
    return "high998";
  if (bits & MN_FUNNEL_HIGH95)
    return "high95";
  if (bits & MN_FUNNEL_LOW998)
    return "low998";
  if (bits & MN_FUNNEL_LOW95)
    return "low95";
  return "in";
}

/* The limits at N as asked: the exact binomial ones, widened when the
   overdispersion is known and the option asks for it.  The widened
   limits are normal ones (Spiegelhalter 2005, sec. 6), too narrow for a
   handful of answers, where the binomial is far from normal: a limit is
   never drawn inside the exact one, so that overdispersion can only
   widen the funnel.  */
static void
limits_at (const struct mn_adjuster *a, const struct stratum *st, double n,
           struct mn_funnel_limits *l)
{
  if (mn_funnel_exact (st->target, n, l, NULL) < 0)
    {
      *l = (struct mn_funnel_limits) { NAN, NAN, NAN, NAN };
      return;
    }
  struct mn_funnel_limits w;
  if (st->have_od && a->o.inflation != MN_FUNNEL_NONE
      && mn_funnel_inflated (st->target, n, a->o.inflation, &st->od, &w,
                             NULL) == 0)
    {
      l->lo95 = fmin (l->lo95, w.lo95);
      l->lo998 = fmin (l->lo998, w.lo998);
      l->hi95 = fmax (l->hi95, w.hi95);
      l->hi998 = fmax (l->hi998, w.hi998);
    }
}

void
mn_adjuster_write (const struct mn_adjuster *a, int digits, FILE *out)
{
  for (size_t i = 0; i < a->ncol; i++)
    {
      if (i)
        putc (',', out);
      mn_csv_str (out, a->header[i], ',');
    }
  for (int s = 0; s < MN_SC_NSTAT; s++)
    if (mn_st_defs[s].when == MN_ST_ADJUSTED)
      fprintf (out, ",%s", mn_st_defs[s].name);
  putc ('\n', out);
  for (size_t i = 0; i < a->nrow; i++)
    {
      const struct adj_row *r = &a->row[i];
      const struct stratum *st = &a->stratum[r->stratum];
      fwrite (a->text + r->text, 1, r->len, out);
      struct mn_bb_post post = { NAN, NAN, NAN, NAN, NAN };
      if (!st->fitted
          || mn_bb_posterior (&st->fit, r->x, r->n, a->level, &post, NULL)
               < 0)
        post = (struct mn_bb_post) { NAN, NAN, NAN, NAN, NAN };
      bool prior = st->fitted && st->fit.kind == MN_BB_PRIOR;
      double v[] = { post.mean, post.lo, post.hi,
                     prior ? st->fit.alpha : NAN,
                     prior ? st->fit.beta : NAN };
      for (size_t j = 0; j < sizeof v / sizeof *v; j++)
        {
          putc (',', out);
          mn_csv_num (out, v[j], digits);
        }
      putc (',', out);
      fputs (mn_bb_fit_label (st->fitted ? &st->fit : NULL), out);
      struct mn_funnel_limits l = { NAN, NAN, NAN, NAN };
      double z = NAN;
      const char *flag = "";
      if (r->n > 0)
        {
          limits_at (a, st, r->n, &l);
          z = mn_funnel_z (r->rate, r->n, st->target);
          flag = isnan (l.lo95) ? "" : flag_name (mn_funnel_position (r->rate,
                                                                    &l));
        }
      double f[] = { st->target, z, l.lo95, l.hi95, l.lo998, l.hi998 };
      for (size_t j = 0; j < sizeof f / sizeof *f; j++)
        {
          putc (',', out);
          mn_csv_num (out, f[j], digits);
        }
      fprintf (out, ",%s,", flag);
      mn_csv_num (out, st->have_od ? st->od.phi : NAN, digits);
      putc (',', out);
      mn_csv_num (out, st->have_od ? st->od.tau2 : NAN, digits);
      putc ('\n', out);
    }
}

void
mn_adjuster_write_limits (const struct mn_adjuster *a, FILE *out)
{
  fputs ("stratum,target,n,lo95,hi95,lo998,hi998,exact_lo95,exact_hi95,"
         "exact_lo998,exact_hi998\n", out);
  for (size_t s = 0; s < a->nstratum; s++)
    {
      const struct stratum *st = &a->stratum[s];
      double nmax = 0;
      for (size_t j = a->start[s]; j < a->start[s + 1]; j++)
        nmax = fmax (nmax, ceil (a->row[a->order[j]].n));
      /* No answer in the stratum, or no target: no funnel to draw.  */
      if (!(nmax >= 1) || !(st->target >= 0 && st->target <= 1))
        continue;
      /* Every n up to 20, then about 200 steps evenly spaced in
         log n.  */
      double prev = 0;
      for (int k = 0;; k++)
        {
          double n = k < 20 ? k + 1
                            : round (20 * pow (nmax / 20, (k - 19) / 200.0));
          if (n > nmax)
            n = nmax;
          if (n > prev)
            {
              struct mn_funnel_limits l, x;
              limits_at (a, st, n, &l);
              if (mn_funnel_exact (st->target, n, &x, NULL) < 0)
                x = (struct mn_funnel_limits) { NAN, NAN, NAN, NAN };
              mn_csv_str (out, st->name, ',');
              double v[] = { st->target, n, l.lo95, l.hi95, l.lo998,
                             l.hi998, x.lo95, x.hi95, x.lo998, x.hi998 };
              for (size_t j = 0; j < sizeof v / sizeof *v; j++)
                {
                  putc (',', out);
                  mn_csv_num (out, v[j], 0);
                }
              putc ('\n', out);
              prev = n;
            }
          if (n >= nmax)
            break;
        }
    }
}

void
mn_adjuster_summary (const struct mn_adjuster *a, struct mn_adjust_summary *s)
{
  *s = (struct mn_adjust_summary) {
    .rows = a->nrow, .strata = a->nstratum,
    .target_from_data = a->target_from_data, .level = a->level,
    .weighted = a->weighted };
  for (size_t i = 0; i < a->nstratum; i++)
    if (a->stratum[i].fitted)
      {
        s->pooled += a->stratum[i].fit.kind == MN_BB_POOLED;
        s->separate += a->stratum[i].fit.kind == MN_BB_SEPARATE;
      }
}

const struct mn_bb_fit *
mn_adjuster_stratum (const struct mn_adjuster *a, size_t i,
                     const char **name, double *target,
                     const struct mn_funnel_od **od)
{
  if (i >= a->nstratum)
    return NULL;
  *name = a->stratum[i].name;
  *target = a->stratum[i].target;
  *od = a->stratum[i].have_od ? &a->stratum[i].od : NULL;
  return a->stratum[i].fitted ? &a->stratum[i].fit : NULL;
}

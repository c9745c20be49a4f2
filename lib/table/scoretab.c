/* scoretab.c - the score table's columns, its writer and its reader.  */
#include "table/scoretab.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/csvout.h"
#include "base/numparse.h"
#include "base/xalloc.h"
#include "base/i18n.h"
#include "table/keyonce.h"

const struct mn_st_def mn_st_defs[MN_SC_NSTAT] = {
  [MN_SC_ROWS] = { "rows", MN_ST_COUNT, MN_ST_ALWAYS,
                   "records used in the group" },
  [MN_SC_N] = { "n", MN_ST_COUNT, MN_ST_ALWAYS,
                "answers to the rated item in the rate's denominator" },
  [MN_SC_SAT] = { "sat", MN_ST_COUNT, MN_ST_ALWAYS,
                  "of which satisfied" },
  [MN_SC_RATE] = { "rate", MN_ST_REAL, MN_ST_ALWAYS,
                   "satisfaction rate sat/n (Hajek estimate with weights)" },
  [MN_SC_LO] = { "lo", MN_ST_REAL, MN_ST_ALWAYS,
                 "lower bound of the rate's interval" },
  [MN_SC_HI] = { "hi", MN_ST_REAL, MN_ST_ALWAYS,
                 "upper bound of the rate's interval" },
  [MN_SC_WSUM] = { "wsum", MN_ST_REAL, MN_ST_WEIGHTED,
                   "sum of the weights of the n answers" },
  [MN_SC_NEFF] = { "neff", MN_ST_REAL, MN_ST_WEIGHTED,
                   "Kish effective sample size of those answers" },
  [MN_SC_SE] = { "se", MN_ST_REAL, MN_ST_WEIGHTED,
                 "linearisation standard error of the rate" },
  [MN_SC_DK] = { "dk", MN_ST_COUNT, MN_ST_ALWAYS,
                 "don't-know answers to the rated item" },
  [MN_SC_MISS] = { "miss", MN_ST_COUNT, MN_ST_ALWAYS,
                   "records with no answer to the rated item" },
  [MN_SC_INDEX_N] = { "index_n", MN_ST_COUNT, MN_ST_SCORED,
                      "records with a composite index" },
  [MN_SC_INDEX] = { "index", MN_ST_REAL, MN_ST_SCORED,
                    "mean composite index, 0-100" },
  [MN_SC_INDEX_LO] = { "index_lo", MN_ST_REAL, MN_ST_SCORED,
                       "lower bound of its t interval" },
  [MN_SC_INDEX_HI] = { "index_hi", MN_ST_REAL, MN_ST_SCORED,
                       "upper bound of its t interval" },
  [MN_SC_ITEM_N] = { "_n", MN_ST_COUNT, MN_ST_PER_ITEM,
                     "valid answers to the item" },
  [MN_SC_ITEM_MEAN] = { "_mean", MN_ST_REAL, MN_ST_PER_ITEM,
                        "their mean 0-100 score" },
  [MN_SC_GRATE] = { "grate", MN_ST_REAL, MN_ST_RGROUPS,
                    "composite rate over respondent groups" },
  [MN_SC_GRATE_SE] = { "grate_se", MN_ST_REAL, MN_ST_RGROUPS,
                       "its standard error" },
  [MN_SC_GRATE_LO] = { "grate_lo", MN_ST_REAL, MN_ST_RGROUPS,
                       "lower bound of its interval" },
  [MN_SC_GRATE_HI] = { "grate_hi", MN_ST_REAL, MN_ST_RGROUPS,
                       "upper bound of its interval" },
  [MN_SC_GRATE_MISSING] = { "grate_missing", MN_ST_TEXT, MN_ST_RGROUPS,
                            "respondent groups absent from the row, "
                            "'|'-separated" },
  [MN_SC_STD_EXPECTED] = { "std_expected", MN_ST_REAL, MN_ST_STANDARDIZED,
                           "rate expected of the row's respondents at "
                           "their strata's reference rates" },
  [MN_SC_STD_OE] = { "std_oe", MN_ST_REAL, MN_ST_STANDARDIZED,
                     "observed/expected ratio rate / std_expected" },
  [MN_SC_STD_OE_LO] = { "std_oe_lo", MN_ST_REAL, MN_ST_STANDARDIZED,
                        "lower bound of its interval" },
  [MN_SC_STD_OE_HI] = { "std_oe_hi", MN_ST_REAL, MN_ST_STANDARDIZED,
                        "upper bound of its interval" },
  [MN_SC_STD_RATE] = { "std_rate", MN_ST_REAL, MN_ST_STANDARDIZED,
                       "indirectly standardised rate std_oe * std_ref" },
  [MN_SC_STD_LO] = { "std_lo", MN_ST_REAL, MN_ST_STANDARDIZED,
                     "lower bound of its interval" },
  [MN_SC_STD_HI] = { "std_hi", MN_ST_REAL, MN_ST_STANDARDIZED,
                     "upper bound of its interval" },
  [MN_SC_STD_REF] = { "std_ref", MN_ST_REAL, MN_ST_STANDARDIZED,
                      "overall rate of all the table's answers" },
  [MN_SC_LEVEL] = { "level", MN_ST_REAL, MN_ST_ALWAYS,
                    "confidence level of every interval in the row" },
  [MN_SC_METHOD] = { "method", MN_ST_TEXT, MN_ST_ALWAYS,
                     "interval method of lo, hi, grate_lo, grate_hi "
                     "and the std_ intervals" },
  [MN_SC_POST_MEAN] = { "post_mean", MN_ST_REAL, MN_ST_ADJUSTED,
                        "posterior mean of the rate (empirical Bayes)" },
  [MN_SC_POST_LO] = { "post_lo", MN_ST_REAL, MN_ST_ADJUSTED,
                      "lower bound of its equal-tailed posterior interval" },
  [MN_SC_POST_HI] = { "post_hi", MN_ST_REAL, MN_ST_ADJUSTED,
                      "upper bound of its equal-tailed posterior interval" },
  [MN_SC_PRIOR_ALPHA] = { "prior_alpha", MN_ST_REAL, MN_ST_ADJUSTED,
                          "alpha of the row's fitted Beta prior" },
  [MN_SC_PRIOR_BETA] = { "prior_beta", MN_ST_REAL, MN_ST_ADJUSTED,
                         "beta of the row's fitted Beta prior" },
  [MN_SC_PRIOR_FIT] = { "prior_fit", MN_ST_TEXT, MN_ST_ADJUSTED,
                        "prior, or pooled or separate and why" },
  [MN_SC_FUNNEL_TARGET] = { "funnel_target", MN_ST_REAL, MN_ST_ADJUSTED,
                            "target rate of the funnel" },
  [MN_SC_FUNNEL_Z] = { "funnel_z", MN_ST_REAL, MN_ST_ADJUSTED,
                       "z-score of the rate against the target" },
  [MN_SC_FUNNEL_LO95] = { "funnel_lo95", MN_ST_REAL, MN_ST_ADJUSTED,
                          "lower 95% funnel limit at the row's n" },
  [MN_SC_FUNNEL_HI95] = { "funnel_hi95", MN_ST_REAL, MN_ST_ADJUSTED,
                          "upper 95% funnel limit at the row's n" },
  [MN_SC_FUNNEL_LO998] = { "funnel_lo998", MN_ST_REAL, MN_ST_ADJUSTED,
                           "lower 99.8% funnel limit at the row's n" },
  [MN_SC_FUNNEL_HI998] = { "funnel_hi998", MN_ST_REAL, MN_ST_ADJUSTED,
                           "upper 99.8% funnel limit at the row's n" },
  [MN_SC_FUNNEL_FLAG] = { "funnel_flag", MN_ST_TEXT, MN_ST_ADJUSTED,
                          "in, high95, high998, low95 or low998" },
  [MN_SC_FUNNEL_PHI] = { "funnel_phi", MN_ST_REAL, MN_ST_ADJUSTED,
                         "overdispersion phi of the table's rates" },
  [MN_SC_FUNNEL_TAU2] = { "funnel_tau2", MN_ST_REAL, MN_ST_ADJUSTED,
                          "between-row variance tau^2 (DerSimonian-Laird)" },
};

static bool
present (const struct mn_st_def *d, bool weighted, bool scored,
         bool rgroups, bool standardized, bool adjusted)
{
  switch (d->when)
    {
    case MN_ST_ALWAYS:
      return true;
    case MN_ST_WEIGHTED:
      return weighted;
    case MN_ST_SCORED:
    case MN_ST_PER_ITEM:
      return scored;
    case MN_ST_RGROUPS:
      return rgroups;
    case MN_ST_STANDARDIZED:
      return standardized;
    case MN_ST_ADJUSTED:
      return adjusted;
    }
  return false;
}

/* Append a column.  The array doubles when full (NCOL 0, 1, 2, 4, ...):
   growing it by one each time copied it whole on every column, minutes
   for a header of 10^5 columns under AddressSanitizer.  */
static void
add_col (struct mn_st_layout *l, char *name, int stat, size_t index)
{
  if ((l->ncol & (l->ncol - 1)) == 0)
    l->col = xrealloc (l->col, (l->ncol ? 2 * l->ncol : 1) * sizeof *l->col);
  l->col[l->ncol++] = (struct mn_st_column) { name, stat, index };
}

/* Who gave column C its name, for a message.  */
static void
describe (const struct mn_st_column *c, char *const *item, char *buf,
          size_t size)
{
  if (c->stat == MN_ST_KEY)
    snprintf (buf, size, _("group key '%s'"), c->name);
  else if (mn_st_defs[c->stat].when == MN_ST_PER_ITEM)
    snprintf (buf, size, _("the column '%s' of item '%s'"), c->name,
              item[c->index]);
  else
    snprintf (buf, size, _("the score table's column '%s'"), c->name);
}

static int
cmp_col (const void *a, const void *b)
{
  const struct mn_st_column *const *x = a, *const *y = b;
  int c = strcmp ((*x)->name, (*y)->name);
  /* Ties in table order, so the message names the earlier first.  */
  return c ? c : (*x < *y ? -1 : *x > *y);
}

/* Refuse two columns of one name: sort pointers to the columns by name
   and compare neighbours (n log n, for tables of many items).  */
static int
check_clashes (const struct mn_st_layout *l, char *const *item,
               struct mn_error *e)
{
  const struct mn_st_column **v = xcalloc (l->ncol, sizeof *v);
  for (size_t i = 0; i < l->ncol; i++)
    v[i] = &l->col[i];
  qsort (v, l->ncol, sizeof *v, cmp_col);
  int rc = 0;
  for (size_t i = 1; i < l->ncol && rc == 0; i++)
    if (strcmp (v[i - 1]->name, v[i]->name) == 0)
      {
        char a[600], b[600];
        describe (v[i - 1], item, a, sizeof a);
        describe (v[i], item, b, sizeof b);
        rc = mn_error_set (e, NULL, 0, MN_R_USAGE,
                           "%s clashes with %s: rename one of them", a, b);
      }
  free (v);
  return rc;
}

int
mn_st_layout_init (struct mn_st_layout *l, size_t nkey, char *const *key,
                   bool weighted, bool scored, size_t nitem,
                   char *const *item, bool rgroups, bool standardized,
                   enum mn_ci_method method, double level,
                   struct mn_error *e)
{
  *l = (struct mn_st_layout) { .nkey = nkey, .nitem = scored ? nitem : 0,
                               .weighted = weighted, .scored = scored,
                               .rgroups = rgroups,
                               .standardized = standardized,
                               .method = method,
                               .level = level };
  for (int s = 0; s < MN_SC_NSTAT; s++)
    l->pos[s] = -1;
  for (size_t i = 0; i < nkey; i++)
    add_col (l, xstrdup (key[i]), MN_ST_KEY, i);
  for (int s = 0; s < MN_SC_NSTAT; s++)
    {
      const struct mn_st_def *d = &mn_st_defs[s];
      if (!present (d, weighted, scored, rgroups, standardized, false))
        continue;
      if (d->when != MN_ST_PER_ITEM)
        {
          l->pos[s] = (long) l->ncol;
          add_col (l, xstrdup (d->name), s, 0);
          continue;
        }
      /* The per-item columns go item by item: ITEM_n, ITEM_mean.  */
      if (s != MN_SC_ITEM_N)
        continue;
      l->pos[MN_SC_ITEM_N] = (long) l->ncol;
      l->pos[MN_SC_ITEM_MEAN] = (long) l->ncol + 1;
      for (size_t i = 0; i < l->nitem; i++)
        for (int t = MN_SC_ITEM_N; t <= MN_SC_ITEM_MEAN; t++)
          {
            size_t n = strlen (item[i]) + strlen (mn_st_defs[t].name) + 1;
            char *name = xmalloc (n);
            snprintf (name, n, "%s%s", item[i], mn_st_defs[t].name);
            add_col (l, name, t, i);
          }
    }
  if (check_clashes (l, item, e) < 0)
    {
      mn_st_layout_release (l);
      return -1;
    }
  return 0;
}

void
mn_st_layout_add_extra (struct mn_st_layout *l, const char *name)
{
  add_col (l, xstrdup (name), MN_ST_EXTRA, 0);
}

void
mn_st_layout_release (struct mn_st_layout *l)
{
  for (size_t i = 0; i < l->ncol; i++)
    free (l->col[i].name);
  free (l->col);
  l->col = NULL;
  l->ncol = 0;
}

long
mn_st_pos (const struct mn_st_layout *l, enum mn_st_col stat, size_t item)
{
  long p = l->pos[stat];
  if (p < 0 || mn_st_defs[stat].when != MN_ST_PER_ITEM)
    return p;
  return item < l->nitem ? p + 2 * (long) item : -1;
}

void
mn_st_write_header (const struct mn_st_layout *l, FILE *out)
{
  for (size_t i = 0; i < l->ncol; i++)
    {
      if (i)
        putc (',', out);
      mn_csv_str (out, l->col[i].name, ',');
    }
  putc ('\n', out);
}

void
mn_st_write_row (const struct mn_st_layout *l,
                 const struct mn_st_cell *cells, int digits, FILE *out)
{
  for (size_t i = 0; i < l->ncol; i++)
    {
      const struct mn_st_column *c = &l->col[i];
      const struct mn_st_cell *v = &cells[i];
      if (i)
        putc (',', out);
      if (c->stat == MN_SC_METHOD)
        fputs (mn_ci_method_name (l->method), out);
      else if (c->stat == MN_SC_LEVEL)
        mn_csv_num (out, l->level, 0);
      else if (c->stat < 0 || mn_st_defs[c->stat].type == MN_ST_TEXT)
        mn_csv_field (out, v->s ? v->s : "", v->s ? v->len : 0, ',');
      else
        mn_csv_num (out, v->x,
                    mn_st_defs[c->stat].type == MN_ST_COUNT ? 0 : digits);
    }
  putc ('\n', out);
}

/* The reader.  */

struct mn_st_reader
{
  struct mn_input *in;          /* borrowed */
  struct mn_st_layout l;
  struct mn_st_cell *cells;     /* owned: l.ncol */
  struct mn_keyonce seen;       /* keys seen: the line of each */
  bool first;                   /* no row read yet */
};

/* The statistics a table cannot do without.  */
static const enum mn_st_col required[] = {
  MN_SC_ROWS, MN_SC_N, MN_SC_SAT, MN_SC_RATE, MN_SC_LO, MN_SC_HI,
  MN_SC_LEVEL, MN_SC_METHOD, MN_SC_DK, MN_SC_MISS
};

static int
find_stat (const struct mn_header *h, const char *name)
{
  for (size_t i = 0; i < h->n; i++)
    if (strcmp (h->name[i], name) == 0)
      return (int) i;
  return -1;
}

static int
need (const struct mn_input *in, const char *name, struct mn_error *e)
{
  /* mn_header_find's message names the columns there are.  */
  if (find_stat (&in->h, name) >= 0)
    return 0;
  long k = mn_header_find (&in->h, name, in->name, e);
  /* It also matches ignoring case, and then says nothing: the table's
     names are exact (fuzz-scoretab found E left unset, and minyi-adjust
     printing a stray message).  */
  if (k >= 0)
    mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN, "no column '%s' "
                  "(column '%s' differs in case; the score table's column "
                  "names are exact)", name, in->h.name[k]);
  return -1;
}

/* Lay out R's columns from its input's header.  */
static int
layout_from_header (struct mn_st_reader *r, struct mn_error *e)
{
  const struct mn_input *in = r->in;
  const struct mn_header *h = &in->h;
  struct mn_st_layout *l = &r->l;
  *l = (struct mn_st_layout) { .method = MN_CI_WILSON, .level = NAN };
  for (int s = 0; s < MN_SC_NSTAT; s++)
    l->pos[s] = -1;
  if (in->dup_column >= 0)
    return mn_error_set (e, in->name, 1, MN_R_DUP_COLUMN,
                         "column '%s' appears twice in the header",
                         h->name[in->dup_column]);
  for (size_t i = 0; i < sizeof required / sizeof *required; i++)
    if (need (in, mn_st_defs[required[i]].name, e) < 0)
      return -1;
  l->weighted = find_stat (h, mn_st_defs[MN_SC_WSUM].name) >= 0;
  l->scored = find_stat (h, mn_st_defs[MN_SC_INDEX_N].name) >= 0;
  l->rgroups = find_stat (h, mn_st_defs[MN_SC_GRATE].name) >= 0;
  l->standardized = find_stat (h, mn_st_defs[MN_SC_STD_RATE].name) >= 0;
  l->adjusted = find_stat (h, mn_st_defs[MN_SC_POST_MEAN].name) >= 0;
  for (int s = 0; s < MN_SC_NSTAT; s++)
    if (mn_st_defs[s].when != MN_ST_PER_ITEM
        && present (&mn_st_defs[s], l->weighted, l->scored, l->rgroups,
                    l->standardized, l->adjusted)
        && need (in, mn_st_defs[s].name, e) < 0)
      return -1;
  long rows = find_stat (h, mn_st_defs[MN_SC_ROWS].name);
  if (rows == 0)
    return mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN,
                         "no key column before 'rows'");
  /* The keys are the columns before 'rows': a statistic there would be
     taken for a key.  */
  for (int s = 0; s < MN_SC_NSTAT; s++)
    {
      long p = mn_st_defs[s].when == MN_ST_PER_ITEM
                 ? -1 : find_stat (h, mn_st_defs[s].name);
      if (p >= 0 && p < rows)
        return mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN,
                             "column '%s' comes before 'rows', where the "
                             "keys are", mn_st_defs[s].name);
    }
  const char *sn = mn_st_defs[MN_SC_ITEM_N].name;
  const char *sm = mn_st_defs[MN_SC_ITEM_MEAN].name;
  for (size_t i = 0; i < h->n; i++)
    {
      const char *name = h->name[i];
      int stat = (long) i < rows ? MN_ST_KEY : MN_ST_EXTRA;
      size_t index = (long) i < rows ? i : 0;
      for (int s = 0; s < MN_SC_NSTAT && stat == MN_ST_EXTRA; s++)
        if (mn_st_defs[s].when != MN_ST_PER_ITEM
            && present (&mn_st_defs[s], l->weighted, l->scored, l->rgroups,
                        l->standardized, l->adjusted)
            && strcmp (mn_st_defs[s].name, name) == 0)
          stat = s;
      /* An item: ITEM_n followed by ITEM_mean.  */
      size_t len = strlen (name), ln = strlen (sn);
      if (stat == MN_ST_EXTRA && l->scored && i + 1 < h->n && len > ln
          && strcmp (name + len - ln, sn) == 0
          && strlen (h->name[i + 1]) == len - ln + strlen (sm)
          && strncmp (h->name[i + 1], name, len - ln) == 0
          && strcmp (h->name[i + 1] + len - ln, sm) == 0)
        {
          if (l->pos[MN_SC_ITEM_N] < 0)
            {
              l->pos[MN_SC_ITEM_N] = (long) i;
              l->pos[MN_SC_ITEM_MEAN] = (long) i + 1;
            }
          else if (l->pos[MN_SC_ITEM_N] + 2 * (long) l->nitem != (long) i)
            return mn_error_set (e, in->name, 1, MN_R_USAGE,
                                 "item columns '%s' are not beside the "
                                 "other items' columns", name);
          add_col (l, xstrdup (name), MN_SC_ITEM_N, l->nitem);
          add_col (l, xstrdup (h->name[i + 1]), MN_SC_ITEM_MEAN, l->nitem);
          l->nitem++;
          i++;
          continue;
        }
      if (stat >= 0)
        l->pos[stat] = (long) i;
      add_col (l, xstrdup (name), stat, index);
    }
  l->nkey = (size_t) rows;
  return 0;
}

struct mn_st_reader *
mn_st_reader_open (struct mn_input *in, struct mn_error *e)
{
  struct mn_st_reader *r = xcalloc (1, sizeof *r);
  r->in = in;
  r->first = true;
  if (layout_from_header (r, e) < 0)
    {
      mn_st_layout_release (&r->l);
      free (r);
      return NULL;
    }
  r->cells = xcalloc (r->l.ncol, sizeof *r->cells);
  mn_keyonce_init (&r->seen);
  mn_keyonce_begin (&r->seen, in->name);
  return r;
}

void
mn_st_reader_free (struct mn_st_reader *r)
{
  if (!r)
    return;
  mn_st_layout_release (&r->l);
  mn_keyonce_release (&r->seen);
  free (r->cells);
  free (r);
}

const struct mn_st_layout *
mn_st_reader_layout (const struct mn_st_reader *r)
{
  return &r->l;
}

/* Parse the number in field F of column C.  */
static int
parse_cell (const struct mn_st_column *c, const char *f, size_t len,
            double *x, const char *file, unsigned long line,
            struct mn_error *e)
{
  const struct mn_st_def *d = &mn_st_defs[c->stat];
  *x = NAN;
  if (len == 0 && d->type == MN_ST_REAL)
    return 0;
  if (mn_parse_double (f, x) != 0)
    return mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                         "column '%s': '%.*s' is not a number", c->name,
                         (int) (len > 60 ? 60 : len), f);
  if (d->type == MN_ST_COUNT
      && !(*x >= 0 && *x == floor (*x) && *x <= 9007199254740992.0))
    return mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                         "column '%s': '%s' is not a whole number >= 0",
                         c->name, f);
  return 0;
}

/* The proportions of a row lie in [0, 1].  */
static bool
is_prop (int stat)
{
  switch (stat)
    {
    case MN_SC_RATE: case MN_SC_LO: case MN_SC_HI: case MN_SC_GRATE:
    case MN_SC_GRATE_LO: case MN_SC_GRATE_HI: case MN_SC_POST_MEAN:
    case MN_SC_POST_LO: case MN_SC_POST_HI: case MN_SC_FUNNEL_TARGET:
    case MN_SC_FUNNEL_LO95: case MN_SC_FUNNEL_HI95: case MN_SC_FUNNEL_LO998:
    case MN_SC_FUNNEL_HI998: case MN_SC_STD_EXPECTED: case MN_SC_STD_REF:
      return true;
    default:
      return false;
    }
}

static double
cell (const struct mn_st_reader *r, enum mn_st_col s)
{
  return r->cells[r->l.pos[s]].x;
}

/* Checks across the cells of a row.  */
static int
check_row (struct mn_st_reader *r, const char *file, unsigned long line,
           struct mn_error *e)
{
  if (cell (r, MN_SC_SAT) > cell (r, MN_SC_N)
      || cell (r, MN_SC_N) > cell (r, MN_SC_ROWS))
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "sat %.0f, n %.0f, rows %.0f: want sat <= n <= "
                         "rows", cell (r, MN_SC_SAT), cell (r, MN_SC_N),
                         cell (r, MN_SC_ROWS));
  double lo = cell (r, MN_SC_LO), hi = cell (r, MN_SC_HI);
  if (lo > hi)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "lo %g is above hi %g", lo, hi);
  double n = cell (r, MN_SC_N), rate = cell (r, MN_SC_RATE);
  if ((n > 0) == isnan (rate))
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         n > 0 ? N_("rate is empty where n is %.0f")
                               : N_("rate is not empty where n is %.0f"), n);
  if (!r->l.weighted && n > 0
      && fabs (rate - cell (r, MN_SC_SAT) / n) > 1e-9)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "rate %.17g is not sat / n", rate);
  if (r->l.weighted && n > 0)
    {
      double neff = cell (r, MN_SC_NEFF);
      if (!(neff > 0 && neff <= n * (1 + 1e-9)))
        return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                             "neff %g is not in (0, n], n being %.0f",
                             neff, n);
    }
  if (r->l.standardized)
    {
      static const enum mn_st_col nonneg[] = {
        MN_SC_STD_OE, MN_SC_STD_OE_LO, MN_SC_STD_OE_HI, MN_SC_STD_RATE,
        MN_SC_STD_LO, MN_SC_STD_HI };
      for (size_t i = 0; i < sizeof nonneg / sizeof *nonneg; i++)
        if (cell (r, nonneg[i]) < 0)
          return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                               "%s %g is negative",
                               mn_st_defs[nonneg[i]].name,
                               cell (r, nonneg[i]));
      if (cell (r, MN_SC_STD_OE_LO) > cell (r, MN_SC_STD_OE_HI)
          || cell (r, MN_SC_STD_LO) > cell (r, MN_SC_STD_HI))
        return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                             "a std_ interval's lower bound is above its "
                             "upper bound");
    }
  return 0;
}

/* The method and level of a row: the first row's sets the table's.  */
static int
check_method (struct mn_st_reader *r, const struct mn_record *rec,
              const char *file, struct mn_error *e)
{
  long pm = r->l.pos[MN_SC_METHOD], pl = r->l.pos[MN_SC_LEVEL];
  enum mn_ci_method m;
  double level;
  if (mn_ci_method_parse (rec->f[pm], &m) < 0)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "unknown interval method '%s'", rec->f[pm]);
  if (mn_parse_double (rec->f[pl], &level) != 0 || !(level > 0)
      || !(level < 1))
    return mn_error_set (e, file, rec->line, MN_R_BAD_NUMBER,
                         "level '%s' is not a number between 0 and 1",
                         rec->f[pl]);
  if (r->first)
    {
      r->l.method = m;
      r->l.level = level;
      r->first = false;
    }
  else if (m != r->l.method || level != r->l.level)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "interval %s at level %s, where the rows above "
                         "have %s at %g: one table, one method",
                         rec->f[pm], rec->f[pl],
                         mn_ci_method_name (r->l.method), r->l.level);
  return 0;
}

/* Each key once: the table has one row per group.  */
static int
check_key (struct mn_st_reader *r, const struct mn_record *rec,
           const char *file, struct mn_error *e)
{
  for (size_t i = 0; i < r->l.nkey; i++)
    if (rec->len[i] == 0)
      return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                           "empty key '%s'", r->l.col[i].name);
  return mn_keyonce_put (&r->seen, rec, NULL, r->l.nkey, e);
}

int
mn_st_reader_parse (struct mn_st_reader *r, const struct mn_record *rec,
                    const char *file, const struct mn_st_cell **cells,
                    struct mn_error *e)
{
  if (check_method (r, rec, file, e) < 0 || check_key (r, rec, file, e) < 0)
    return -1;
  for (size_t i = 0; i < r->l.ncol; i++)
    {
      const struct mn_st_column *c = &r->l.col[i];
      struct mn_st_cell *v = &r->cells[i];
      *v = (struct mn_st_cell) { NAN, rec->f[i], rec->len[i] };
      if (c->stat < 0 || mn_st_defs[c->stat].type == MN_ST_TEXT)
        continue;
      if (parse_cell (c, rec->f[i], rec->len[i], &v->x, file, rec->line, e)
          < 0)
        return -1;
      if (is_prop (c->stat) && !(v->x >= 0 && v->x <= 1) && !isnan (v->x))
        return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                             "column '%s': %s is not a proportion in "
                             "[0, 1]", c->name, rec->f[i]);
    }
  if (check_row (r, file, rec->line, e) < 0)
    return -1;
  *cells = r->cells;
  return 0;
}

int
mn_st_reader_next (struct mn_st_reader *r, const struct mn_st_cell **cells,
                   unsigned long *line, struct mn_error *e)
{
  struct mn_record rec;
  int rc = mn_input_next (r->in, &rec, e);
  if (rc <= 0)
    return rc;
  *line = rec.line;
  if (rc == 2)
    return -1;
  return mn_st_reader_parse (r, &rec, r->in->name, cells, e) < 0 ? -1 : 1;
}

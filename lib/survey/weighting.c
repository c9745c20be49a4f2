/* weighting.c - survey rows folded into weighting classes.  */
#include "survey/weighting.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/header.h"

void
mn_weighting_init (struct mn_weighting *w, const struct mn_margins *m,
                   const struct mn_na *na, const char *base,
                   const char *wcol)
{
  memset (w, 0, sizeof *w);
  w->m = m;
  w->na = na;
  w->base_spec = base;
  w->wcol = wcol;
  size_t maxparts = 1;
  w->col = xmalloc ((m->nvar + 1) * sizeof *w->col);
  for (size_t v = 0; v < m->nvar; v++)
    {
      w->col[v] = xmalloc (m->var[v].nparts * sizeof **w->col);
      if (m->var[v].nparts > maxparts)
        maxparts = m->var[v].nparts;
    }
  w->val = xmalloc (maxparts * sizeof *w->val);
  w->vlen = xmalloc (maxparts * sizeof *w->vlen);
  w->rowcat = xmalloc ((m->nvar + 1) * sizeof *w->rowcat);
  w->classes = mn_groups_new (sizeof (size_t));
  w->towns = mn_groups_new (sizeof (size_t));
}

void
mn_weighting_release (struct mn_weighting *w)
{
  if (w->col)
    for (size_t v = 0; v < w->m->nvar; v++)
      free (w->col[v]);
  free (w->col);
  free (w->val);
  free (w->vlen);
  free (w->rowcat);
  free (w->key);
  free (w->cat);
  free (w->base);
  free (w->count);
  free (w->town);
  for (size_t i = 0; i < w->ntown; i++)
    free (w->town_name[i]);
  free (w->town_name);
  mn_groups_free (w->classes);
  mn_groups_free (w->towns);
  mn_normrec_release (&w->norm);
  memset (w, 0, sizeof *w);
}

int
mn_weighting_bind (struct mn_weighting *w, const struct mn_input *in,
                   struct mn_error *e)
{
  mn_normrec_clear (&w->norm);
  if (in->dup_column >= 0)
    return mn_header_dup_error (e, in->name, &in->h, in->dup_column);
  for (size_t v = 0; v < w->m->nvar; v++)
    for (size_t i = 0; i < w->m->var[v].nparts; i++)
      {
        w->col[v][i] = mn_header_find (&in->h, w->m->var[v].part[i],
                                         in->name, e);
        if (w->col[v][i] < 0)
          {
            e->line = mn_header_line (&in->h);
            return -1;
          }
      }
  w->base_col = -1;
  if (w->base_spec
      && (w->base_col = mn_header_find (&in->h, w->base_spec, in->name,
                                          e)) < 0)
    {
      e->line = mn_header_line (&in->h);
      return -1;
    }
  w->weight_col = w->town_col = -1;
  for (size_t j = 0; j < in->h.n; j++)
    {
      if (w->weight_col < 0 && strcmp (in->h.name[j], w->wcol) == 0)
        w->weight_col = (long) j;
      if (w->town_col < 0 && strcmp (in->h.name[j], "township") == 0)
        w->town_col = (long) j;
    }
  /* The weights must not overwrite what they are computed from.  */
  bool clash = w->weight_col >= 0 && w->weight_col == w->base_col;
  for (size_t v = 0; v < w->m->nvar && !clash; v++)
    for (size_t i = 0; i < w->m->var[v].nparts; i++)
      clash |= w->col[v][i] == w->weight_col;
  if (clash)
    return mn_error_set (e, in->name, mn_header_line (&in->h), MN_R_USAGE,
                         "--weight-column '%s' is a margin or base-weight "
                         "column; name another", w->wcol);
  for (size_t v = 0; v < w->m->nvar; v++)
    for (size_t i = 0; i < w->m->var[v].nparts; i++)
      mn_normrec_select (&w->norm, w->col[v][i]);
  mn_normrec_select (&w->norm, w->base_col);
  mn_normrec_select (&w->norm, w->town_col);
  return 0;
}

/* The class key of REC, in W->key; returns its length, or -1 with E
   (the row is rejected).  */
static long
row_key (struct mn_weighting *w, const struct mn_record *rec, const char *file,
         struct mn_error *e)
{
  const struct mn_na *na = w->na;
  rec = mn_normrec_apply (&w->norm, rec);
  for (size_t v = 0; v < w->m->nvar; v++)
    {
      const struct mn_margin_var *mv = &w->m->var[v];
      for (size_t i = 0; i < mv->nparts; i++)
        {
          size_t c = (size_t) w->col[v][i];
          w->val[i] = rec->f[c];
          w->vlen[i] = rec->len[c];
          if (mn_na_match (na, rec->f[c], rec->len[c]))
            return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                                 "empty '%s', a margin column",
                                 mv->part[i]);
        }
      long k = mn_margins_find (mv, w->val, w->vlen);
      if (k < 0)
        {
          /* Name the value as the margins file would: parts joined by
             '*'.  */
          char shown[512];
          size_t at = 0;
          shown[0] = '\0';
          for (size_t i = 0; i < mv->nparts && at < sizeof shown; i++)
            at += snprintf (shown + at, sizeof shown - at, "%s%s",
                            i ? "*" : "", w->val[i]);
          return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                               "%s '%s' has no population in the margins",
                               mv->name, shown);
        }
      w->rowcat[v] = (size_t) k;
    }
  double base = 1;
  if (w->base_col >= 0)
    {
      int reason;
      char msg[sizeof e->msg];
      if (mn_parse_weight (rec->f[w->base_col], &base, &reason, msg,
                           sizeof msg) < 0)
        return mn_error_set (e, file, rec->line, (enum mn_reason) reason,
                             "base %s", msg);
    }
  size_t town = SIZE_MAX;
  if (w->town_col >= 0)
    {
      const char *s = rec->f[w->town_col];
      size_t len = rec->len[w->town_col];
      size_t *pos = mn_groups_get (w->towns, s, len);
      if (!*pos)
        {
          w->town_name = xgrow (w->town_name, &w->town_cap,
                                  w->ntown + 1, sizeof *w->town_name);
          w->town_name[w->ntown] = xmemdup0 (s, len);
          *pos = ++w->ntown;
        }
      town = *pos - 1;
    }
  size_t klen = sizeof town + w->m->nvar * sizeof (size_t) + sizeof base;
  w->key = xgrow (w->key, &w->key_cap, klen, 1);
  memcpy (w->key, &town, sizeof town);
  memcpy (w->key + sizeof town, w->rowcat,
          w->m->nvar * sizeof (size_t));
  memcpy (w->key + klen - sizeof base, &base, sizeof base);
  return (long) klen;
}

/* Add a row of key KLEN (in RUN->key) to its class.  */
static size_t
add_row (struct mn_weighting *w, long klen)
{
  size_t *pos = mn_groups_get (w->classes, w->key, (size_t) klen);
  if (!*pos)
    {
      size_t nv = w->m->nvar, k = w->nclass, cap = w->class_cap;
      w->base = xgrow (w->base, &cap, k + 1, sizeof *w->base);
      cap = w->class_cap;
      w->count = xgrow (w->count, &cap, k + 1, sizeof *w->count);
      cap = w->class_cap;
      w->town = xgrow (w->town, &cap, k + 1, sizeof *w->town);
      w->cat = xrealloc (w->cat, cap * nv * sizeof *w->cat);
      w->class_cap = cap;
      memcpy (&w->town[k], w->key, sizeof (size_t));
      memcpy (&w->cat[k * nv], w->rowcat, nv * sizeof (size_t));
      memcpy (&w->base[k], w->key + klen - sizeof (double),
              sizeof (double));
      w->count[k] = 0;
      *pos = ++w->nclass;
    }
  w->count[*pos - 1]++;
  return *pos - 1;
}

long
mn_weighting_add (struct mn_weighting *w, const struct mn_record *rec,
                  const char *file, struct mn_error *e)
{
  long klen = row_key (w, rec, file, e);
  return klen < 0 ? -1 : (long) add_row (w, klen);
}

long
mn_weighting_find (struct mn_weighting *w, const struct mn_record *rec,
                   const char *file, struct mn_error *e)
{
  long klen = row_key (w, rec, file, e);
  if (klen < 0)
    return -1;
  const size_t *pos = mn_groups_find (w->classes, w->key, (size_t) klen);
  return pos ? (long) *pos - 1 : -2;
}

void
mn_weighting_problem (const struct mn_weighting *w, struct mn_rake_problem *p)
{
  struct mn_rake_margin *mg = xmalloc ((w->m->nvar + 1) * sizeof *mg);
  struct mn_rake_class *cls = xmalloc ((w->nclass + 1) * sizeof *cls);
  for (size_t v = 0; v < w->m->nvar; v++)
    mg[v] = (struct mn_rake_margin) { w->m->var[v].ncat, w->m->var[v].pop };
  for (size_t k = 0; k < w->nclass; k++)
    cls[k] = (struct mn_rake_class) { &w->cat[k * w->m->nvar], w->base[k],
                                      w->count[k] };
  *p = (struct mn_rake_problem) { w->m->nvar, mg, w->nclass, cls };
}

void
mn_weighting_problem_release (struct mn_rake_problem *p)
{
  free ((void *) p->margin);
  free ((void *) p->cls);
  p->margin = NULL;
  p->cls = NULL;
}

size_t *
mn_weighting_towns (const struct mn_weighting *w)
{
  size_t *order = xmalloc ((w->ntown + 1) * sizeof *order);
  struct mn_group_entry *te = mn_groups_sorted (w->towns);
  for (size_t i = 0; i < w->ntown; i++)
    order[i] = *(size_t *) te[i].value - 1;
  free (te);
  return order;
}

int
mn_weighting_town_summary (const struct mn_weighting *w, const double *wt,
                           size_t t, struct mn_weight_summary *s)
{
  double *cw = xmalloc ((w->nclass + 1) * sizeof *cw);
  double *cnt = xmalloc ((w->nclass + 1) * sizeof *cnt);
  size_t n = 0;
  for (size_t k = 0; k < w->nclass; k++)
    if (w->town[k] == t)
      cw[n] = wt[k], cnt[n++] = w->count[k];
  struct mn_error e;
  int rc = n ? mn_weight_summary (cw, cnt, n, s, &e) : -1;
  free (cw);
  free (cnt);
  return rc;
}

int
mn_weighting_check (const struct mn_weighting *w, const double *wt,
                    struct mn_error *e)
{
  for (size_t k = 0; k < w->nclass; k++)
    if (!(wt[k] >= MN_WEIGHT_MIN && wt[k] <= MN_WEIGHT_MAX))
      return mn_error_set (e, NULL, 0, MN_R_BAD_WEIGHT,
                           "a weight comes out at %g, outside %g..%g: the "
                           "base weights or the margins are too extreme; "
                           "nothing written", wt[k], MN_WEIGHT_MIN,
                           MN_WEIGHT_MAX);
  return 0;
}

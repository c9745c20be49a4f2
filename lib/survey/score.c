/* score.c - per-group satisfaction rates, item means and the composite
   index.  */
#include "survey/score.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/csvout.h"
#include "base/groups.h"
#include "table/scoreacc.h"
#include "base/numparse.h"
#include "base/xalloc.h"
#include "stats/occupancy.h"
#include "base/i18n.h"
#include "io/header.h"
#include "io/normrec.h"

struct mn_scorer
{
  const struct mn_score_spec *spec;
  struct mn_score_acc *acc;     /* made at the first bind, when the keys'
                                   names are known */
  long *key_col;          /* per group key: column in the bound input */
  long *item_col;         /* per item: column in the bound input */
  char **key_name;        /* output names of the keys (first input) */
  char *key;              /* reused key buffer */
  size_t keycap;
  long *stratum_col;      /* per --standardize-by column: its column */
  char *skey;             /* reused stratum key buffer */
  size_t skeycap;
  struct mn_answer *ans;  /* reused per-row answers */
  bool *has;              /* per item: answered (not missing) */
  long weight_col;        /* -1: unweighted */
  long rgroup_col;        /* -1: no respondent groups */
  struct mn_normrec norm; /* keys and answers in NFKC */
  bool fork;              /* made by mn_scorer_fork */
  unsigned long added;    /* records handed to mn_scorer_add */
  /* A fork's range: its reader (borrowed), the bytes it had read when
     forked, and the bytes it may read (0: unknown).  */
  const struct mn_reader *reader;
  unsigned long long bytes0, range;
};

struct mn_scorer *
mn_scorer_new (const struct mn_score_spec *spec, struct mn_error *e)
{
  const struct mn_item *rated = &spec->cb->item[spec->rate_item];
  bool any_sat = rated->nsat > 0;
  for (size_t i = 0; i < rated->nchoice; i++)
    any_sat |= rated->choice[i].satisfied;
  if (!any_sat)
    {
      mn_error_set (e, NULL, 0, MN_R_USAGE,
                    "item '%s' lists no satisfied answers, so it cannot "
                    "give a satisfaction rate", rated->id);
      return NULL;
    }
  struct mn_scorer *s = xcalloc (1, sizeof *s);
  s->spec = spec;
  size_t ni = spec->cb->n;
  s->weight_col = s->rgroup_col = -1;
  s->key_col = xcalloc (spec->ngroup, sizeof *s->key_col);
  s->stratum_col = xcalloc (spec->nstratum + 1, sizeof *s->stratum_col);
  s->item_col = xcalloc (ni, sizeof *s->item_col);
  s->ans = xcalloc (ni, sizeof *s->ans);
  s->has = xcalloc (ni, sizeof *s->has);
  return s;
}

void
mn_scorer_free (struct mn_scorer *s)
{
  if (!s)
    return;
  mn_score_acc_free (s->acc);
  mn_normrec_release (&s->norm);
  if (s->key_name)
    for (size_t i = 0; i < s->spec->ngroup; i++)
      free (s->key_name[i]);
  free (s->key_name);
  free (s->key_col);
  free (s->stratum_col);
  free (s->skey);
  free (s->item_col);
  free (s->key);
  free (s->ans);
  free (s->has);
  free (s);
}

/* What decides the figures besides the shape: every item's column,
   scale, scores, satisfied and don't-know answers and weight, the rated
   item, the no-answer tokens, the weight and respondent-group columns.
   Its fingerprint goes into partial tables, so that minyi-merge refuses
   to add up partials scored differently.  */
static char *
scoring_fingerprint (const struct mn_score_spec *sp)
{
  const struct mn_codebook *cb = sp->cb;
  size_t cap = 16, n = 0;
  char **part = xcalloc (cap, sizeof *part);
#define PART(s) \
  do { if (n == cap) part = xgrow (part, &cap, n + 1, sizeof *part); \
       part[n++] = xstrdup (s); } while (0)
  char buf[1024];
  for (size_t i = 0; i < cb->n; i++)
    {
      const struct mn_item *it = &cb->item[i];
      PART (it->id);
      PART (it->column);
      mn_item_describe (it, buf, sizeof buf);
      PART (buf);
      for (size_t j = 0; j < it->nchoice; j++)
        {
          snprintf (buf, sizeof buf, "%a %d", it->choice[j].score,
                    it->choice[j].satisfied);
          PART (it->choice[j].text);
          PART (buf);
        }
      for (size_t j = 0; j < it->nsat; j++)
        {
          snprintf (buf, sizeof buf, "%d %a %a", it->sat[j].numeric,
                    it->sat[j].lo, it->sat[j].hi);
          PART (it->sat[j].text ? it->sat[j].text : "");
          PART (buf);
        }
      for (size_t j = 0; j < it->ndk; j++)
        PART (it->dk[j]);
      snprintf (buf, sizeof buf, "%a", it->weight);
      PART (buf);
    }
  snprintf (buf, sizeof buf, "rated %zu", sp->rate_item);
  PART (buf);
  for (size_t i = 0; i < sp->na->n; i++)
    PART (sp->na->tok[i]);
  PART (sp->weight ? sp->weight : "");
  PART (sp->rgroup ? sp->rgroup : "");
#undef PART
  char fp[17];
  mn_score_fingerprint (part, n, fp);
  for (size_t i = 0; i < n; i++)
    free (part[i]);
  free (part);
  return xstrdup (fp);
}

/* The accumulator, for keys named NAME[] (borrowed, copied).  */
static struct mn_score_acc *
new_acc (const struct mn_score_spec *sp, char *const *name,
         struct mn_error *e)
{
  const struct mn_codebook *cb = sp->cb;
  struct mn_score_shape shape = {
    .nkey = sp->ngroup, .weighted = sp->weight != NULL,
    .scored = cb->scored, .dk_unsatisfied = sp->dk_unsatisfied,
    .nitem = cb->scored ? cb->n : 0, .nrgroup = sp->nrgroup,
    .method = sp->method, .level = sp->level,
    .standardized = sp->nstratum > 0,
    .rate_item = xstrdup (cb->item[sp->rate_item].id),
    .scoring = scoring_fingerprint (sp)
  };
  shape.key = xcalloc (sp->ngroup, sizeof (char *));
  for (size_t i = 0; i < sp->ngroup; i++)
    shape.key[i] = xstrdup (name[i]);
  shape.item = xcalloc (cb->n ? cb->n : 1, sizeof (char *));
  for (size_t i = 0; i < shape.nitem; i++)
    shape.item[i] = xstrdup (cb->item[i].id);
  shape.rgroup = xcalloc (sp->nrgroup ? sp->nrgroup : 1, sizeof (char *));
  shape.share = xcalloc (sp->nrgroup ? sp->nrgroup : 1, sizeof (double));
  for (size_t i = 0; i < sp->nrgroup; i++)
    {
      shape.rgroup[i] = xstrdup (sp->rgroup_name[i]);
      shape.share[i] = sp->rgroup_share[i];
    }
  return mn_score_acc_new (&shape, e);
}

int
mn_scorer_bind (struct mn_scorer *s, const struct mn_input *in,
                struct mn_error *e)
{
  const struct mn_score_spec *sp = s->spec;
  mn_normrec_clear (&s->norm);
  if (in->dup_column >= 0)
    return mn_header_dup_error (e, in->name, &in->h, in->dup_column);
  for (size_t i = 0; i < sp->ngroup; i++)
    {
      if ((s->key_col[i] = mn_header_find (&in->h, sp->group[i], in->name,
                                           e)) < 0)
        return -1;
      for (size_t j = 0; j < i; j++)
        if (s->key_col[j] == s->key_col[i])
          return mn_error_set (e, in->name, mn_header_line (&in->h),
                               MN_R_USAGE,
                               "--group names column '%s' twice",
                               in->h.name[s->key_col[i]]);
    }
  for (size_t i = 0; i < sp->cb->n; i++)
    if ((s->item_col[i] = mn_header_find (&in->h, sp->cb->item[i].column,
                                          in->name, e)) < 0)
      return -1;
  for (size_t i = 0; i < sp->nstratum; i++)
    if ((s->stratum_col[i] = mn_header_find (&in->h, sp->stratum[i],
                                             in->name, e)) < 0)
      return -1;
  if (sp->weight
      && (s->weight_col = mn_header_find (&in->h, sp->weight, in->name, e))
           < 0)
    return -1;
  if (sp->rgroup
      && (s->rgroup_col = mn_header_find (&in->h, sp->rgroup, in->name, e))
           < 0)
    return -1;
  /* The cells compared: keys, answers, weight, respondent group.  */
  for (size_t i = 0; i < sp->ngroup; i++)
    mn_normrec_select (&s->norm, s->key_col[i]);
  for (size_t i = 0; i < sp->cb->n; i++)
    mn_normrec_select (&s->norm, s->item_col[i]);
  for (size_t i = 0; i < sp->nstratum; i++)
    mn_normrec_select (&s->norm, s->stratum_col[i]);
  mn_normrec_select (&s->norm, sp->weight ? s->weight_col : -1);
  mn_normrec_select (&s->norm, sp->rgroup ? s->rgroup_col : -1);
  if (!s->key_name)
    {
      s->key_name = xcalloc (sp->ngroup, sizeof *s->key_name);
      for (size_t i = 0; i < sp->ngroup; i++)
        s->key_name[i] = xstrdup (in->h.name[s->key_col[i]]);
      if (!(s->acc = new_acc (sp, s->key_name, e)))
        {
          e->file = in->name;
          e->line = mn_header_line (&in->h);
          return -1;
        }
    }
  return 0;
}

/* Join the N columns COL[] of REC, trimmed, with NUL bytes into *BUF
   (of *CAP bytes, grown as needed), its length in *LEN.  A column with
   no value rejects the record: the message calls it WHAT NAME[i]
   (WHAT untranslated, N_(): translated only then, since gettext costs
   thousands of instructions a call and this runs on every row,
   and takes a lock the threads of -j would contend for).  */
static int
join_key (const struct mn_scorer *s, const struct mn_record *rec,
          const long *col, size_t n, char *const *name, char **buf,
          size_t *cap, size_t *len, const char *what, const char *file,
          struct mn_error *e)
{
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    {
      size_t vl;
      const char *v = mn_trim (rec->f[col[i]], &vl);
      if (mn_na_match (s->spec->na, v, vl))
        return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                             "empty %s '%s'", _(what), name[i]);
      *buf = xgrow (*buf, cap, k + vl + 1, 1);
      if (i)
        (*buf)[k++] = '\0';
      memcpy (*buf + k, v, vl);
      k += vl;
    }
  *len = k;
  return 0;
}

int
mn_scorer_add (struct mn_scorer *s, const struct mn_record *rec,
               const char *file, struct mn_error *e)
{
  const struct mn_score_spec *sp = s->spec;
  const struct mn_codebook *cb = sp->cb;
  s->added++;
  rec = mn_normrec_apply (&s->norm, rec);

  /* The key: the group columns joined by NUL bytes; the stratum's
     likewise.  */
  size_t klen, slen = 0;
  if (join_key (s, rec, s->key_col, sp->ngroup, s->key_name, &s->key,
                &s->keycap, &klen, N_("group key"), file, e) < 0
      || join_key (s, rec, s->stratum_col, sp->nstratum, sp->stratum,
                   &s->skey, &s->skeycap, &slen, N_("stratum"), file, e) < 0)
    return -1;

  /* Check every answer before counting any.  */
  for (size_t i = 0; i < cb->n; i++)
    {
      long c = s->item_col[i];
      s->has[i] = !mn_na_match (sp->na, rec->f[c], rec->len[c]);
      if (s->has[i]
          && mn_item_classify (&cb->item[i], rec->f[c], &s->ans[i], e)
               == MN_ANS_INVALID)
        {
          e->file = file;
          e->line = rec->line;
          mn_na_hint (sp->na, rec->f[c], rec->len[c], e->msg,
                      sizeof e->msg);
          return -1;
        }
    }

  double w = 1;
  if (s->weight_col >= 0)
    {
      int reason;
      char msg[sizeof e->msg];
      if (mn_parse_weight (rec->f[s->weight_col], &w, &reason, msg,
                           sizeof msg) < 0)
        return mn_error_set (e, file, rec->line, reason, "%s", msg);
    }
  size_t rg = 0;
  if (s->rgroup_col >= 0)
    {
      size_t len;
      const char *v = mn_trim (rec->f[s->rgroup_col], &len);
      const size_t *k = mn_groups_find (sp->rgroup_index, v, len);
      rg = k ? *k : sp->nrgroup;
      if (mn_na_match (sp->na, v, len))
        return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                             "empty respondent group '%s'", sp->rgroup);
      if (rg == sp->nrgroup)
        return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                             "respondent group '%.*s' has no share in "
                             "--group-weights", (int) len, v);
    }

  struct mn_score_acc *a = s->acc;
  struct mn_score_stats *g = mn_score_acc_group (a, s->key, klen);
  if (g->rows == 0 || w < g->wmin)
    g->wmin = w;
  if (g->rows == 0 || w > g->wmax)
    g->wmax = w;
  g->rows++;
  const struct mn_answer *ra = &s->ans[sp->rate_item];
  if (!s->has[sp->rate_item])
    g->miss++;
  else
    {
      bool in_rate = ra->kind != MN_ANS_DONTKNOW || sp->dk_unsatisfied;
      bool sat = ra->kind == MN_ANS_VALID && ra->satisfied;
      g->dk += ra->kind == MN_ANS_DONTKNOW;
      if (in_rate)
        {
          g->n++;
          g->sat += sat;
          if (sp->weight)
            mn_xwsum_add (mn_score_rate_w (a, g), w, sat);
          if (sp->nstratum)
            mn_score_acc_stratum (a, g, s->skey, slen, w, sat);
          if (s->rgroup_col >= 0)
            mn_xwsum_add (mn_score_rgroup_w (a, g, rg), w, sat);
        }
    }
  if (!cb->scored)
    return 0;

  /* Item scores, and the composite index.  */
  for (size_t i = 0; i < cb->n; i++)
    if (s->has[i] && s->ans[i].kind == MN_ANS_VALID
        && !isnan (s->ans[i].score))
      {
        mn_xmom_add (mn_score_item (a, g, i), s->ans[i].score);
        if (sp->weight)
          mn_xwsum_add (mn_score_item_w (a, g, i), w, s->ans[i].score);
      }
  double index = mn_codebook_composite (cb, s->ans, s->has);
  if (!isnan (index))
    {
      mn_xmom_add (mn_score_index (a, g), index);
      if (sp->weight)
        mn_xwsum_add (mn_score_index_w (a, g), w, index);
    }
  return 0;
}

struct mn_scorer *
mn_scorer_fork (const struct mn_scorer *s, const struct mn_input *in,
                struct mn_error *e)
{
  if (s->spec->nstratum || !s->acc)
    {
      mn_error_set (e, in->name, 0, MN_R_USAGE,
                    "the strata of --standardize-by cannot be merged");
      return NULL;
    }
  struct mn_scorer *f = mn_scorer_new (s->spec, e);
  if (f && mn_scorer_bind (f, in, e) < 0)
    {
      mn_scorer_free (f);
      return NULL;
    }
  if (f)
    {
      f->fork = true;
      f->reader = in->r;
      f->bytes0 = in->r ? mn_reader_bytes (in->r) : 0;
      unsigned long long limit = in->r ? mn_reader_limit (in->r) : 0;
      f->range = limit > f->bytes0 ? limit - f->bytes0 : 0;
    }
  return f;
}

bool
mn_scorer_spread (const struct mn_scorer *s)
{
  if (!s->fork || s->added != MN_SCORER_PROBE)
    return false;
  double probe = MN_SCORER_PROBE, seen = (double) mn_scorer_groups (s);
  /* The range's records, by the bytes the probe's took (the reader
     reads ahead by at most one block of 64 KiB: a few per cent).  */
  double used = s->reader ? (double) (mn_reader_bytes (s->reader)
                                      - s->bytes0) : 0;
  double rows = s->range && used > 0 ? probe * (double) s->range / used
                                     : probe;
  if (rows < probe)
    rows = probe;
  double groups = mn_occupancy_groups (probe, seen);
  double met = mn_occupancy_expected (groups, rows);
  return met > 0 && rows / met < MN_SCORER_SPREAD_ROWS;
}

int
mn_scorer_merge (struct mn_scorer *s, const struct mn_scorer *part)
{
  if (!part->acc)
    return 0;
  if (!s->acc)
    return -1;
  return mn_score_acc_merge (s->acc, part->acc);
}

size_t
mn_scorer_groups (const struct mn_scorer *s)
{
  return s->acc ? mn_score_acc_groups (s->acc) : 0;
}

size_t
mn_scorer_strata (const struct mn_scorer *s)
{
  return s->acc ? mn_score_acc_strata (s->acc) : 0;
}

/* Add group NAME (LEN bytes) with SHARE to SPEC.  Returns 0, or -1
   with E.  */
static int
add_rgroup (struct mn_score_spec *spec, const char *name, size_t len,
            const char *share_text, const char *file, unsigned long line,
            struct mn_error *e)
{
  double share;
  size_t nl;
  const char *n = mn_trim_n (name, len, &nl);
  if (nl == 0 || mn_parse_double (share_text, &share) != 0 || !(share > 0))
    return mn_error_set (e, file, line, MN_R_USAGE,
                         "'%.*s=%s' is not GROUP=SHARE with a share > 0",
                         (int) len, name, share_text);
  if (!spec->rgroup_index)
    spec->rgroup_index = mn_groups_new (sizeof (size_t));
  if (mn_groups_find (spec->rgroup_index, n, nl))
    return mn_error_set (e, file, line, MN_R_USAGE,
                         "group '%.*s' given twice", (int) nl, n);
  *(size_t *) mn_groups_get (spec->rgroup_index, n, nl) = spec->nrgroup;
  spec->rgroup_name = xrealloc (spec->rgroup_name,
                                (spec->nrgroup + 1) * sizeof (char *));
  spec->rgroup_share = xrealloc (spec->rgroup_share,
                                 (spec->nrgroup + 1) * sizeof (double));
  spec->rgroup_name[spec->nrgroup] = xmemdup0 (n, nl);
  spec->rgroup_share[spec->nrgroup++] = share;
  return 0;
}

/* The shares must sum to 1.  */
static int
check_rgroups (const struct mn_score_spec *spec, const char *file,
               struct mn_error *e)
{
  double total = 0;
  for (size_t i = 0; i < spec->nrgroup; i++)
    total += spec->rgroup_share[i];
  if (spec->nrgroup == 0 || fabs (total - 1) > 1e-9)
    return mn_error_set (e, file, 0, MN_R_USAGE,
                         "group shares sum to %g, not 1", total);
  return 0;
}

int
mn_score_parse_rgroups (struct mn_score_spec *spec, const char *arg,
                        struct mn_error *e)
{
  const char *p = arg;
  while (*p)
    {
      size_t n = strcspn (p, ",");
      char *tok = xmemdup0 (p, n);
      char *eq = strrchr (tok, '=');
      int rc = eq ? (*eq = '\0', add_rgroup (spec, tok, strlen (tok), eq + 1,
                                             NULL, 0, e))
                  : mn_error_set (e, NULL, 0, MN_R_USAGE,
                                  "'%s' is not GROUP=SHARE", tok);
      free (tok);
      if (rc < 0)
        return -1;
      p += n + (p[n] == ',');
    }
  return check_rgroups (spec, NULL, e);
}

int
mn_score_load_rgroups (struct mn_score_spec *spec, FILE *fp,
                       const char *name, struct mn_error *e)
{
  struct mn_reader *r = mn_reader_new (fp, name, NULL, e);
  if (!r)
    return -1;
  struct mn_record rec;
  struct mn_header h = { 0 };
  long gc = -1, sc = -1;
  int rc = mn_reader_next (r, &rec, e);
  if (rc == 0)
    rc = mn_error_set (e, name, 1, MN_R_USAGE, "empty group-shares file");
  if (rc > 0 && mn_record_sound (&rec, 0, name, e) < 0)
    rc = -1;
  if (rc > 0)
    {
      mn_header_init (&h, &rec);
      if ((gc = mn_header_find (&h, "group", name, e)) < 0
          || (sc = mn_header_find (&h, "share", name, e)) < 0)
        rc = -1;
    }
  while (rc > 0 && (rc = mn_reader_next (r, &rec, e)) > 0)
    {
      if (mn_record_sound (&rec, h.n, name, e) < 0)
        rc = -1;
      else if (add_rgroup (spec, rec.f[gc], rec.len[gc], rec.f[sc], name,
                           rec.line, e) < 0)
        rc = -1;
    }
  mn_header_release (&h);
  mn_reader_free (r);
  return rc < 0 ? -1 : check_rgroups (spec, name, e);
}

void
mn_score_spec_release (struct mn_score_spec *spec)
{
  for (size_t i = 0; i < spec->nrgroup; i++)
    free (spec->rgroup_name[i]);
  free (spec->rgroup_name);
  free (spec->rgroup_share);
  mn_groups_free (spec->rgroup_index);
  spec->rgroup_index = NULL;
  spec->rgroup_name = NULL;
  spec->rgroup_share = NULL;
  spec->nrgroup = 0;
}

int
mn_scorer_write (const struct mn_scorer *s, int digits, bool partial,
                 FILE *out, struct mn_error *e)
{
  struct mn_score_acc *a = s->acc;
  if (!a)
    {
      /* No input was bound: lay out the empty table all the same.  */
      char *const *name = s->spec->group;
      if (!(a = new_acc (s->spec, name, e)))
        return -1;
    }
  if (partial)
    mn_score_acc_write_partial (a, out);
  else
    mn_score_acc_write (a, digits, out);
  if (a != s->acc)
    mn_score_acc_free (a);
  return 0;
}

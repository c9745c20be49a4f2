/* policy.c - reading the promotion-review policy and deciding tiers.  */
#include "survey/policy.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/input.h"
#include "base/i18n.h"

enum { C_RULE, C_TIER, C_STAT, C_OP, C_THRESHOLD, C_MIN_N, C_MAX_SHARE,
       C_NCOL };
static const char *const colname[C_NCOL] = {
  "rule", "tier", "stat", "op", "threshold", "min_n", "max_share" };

const char *
mn_pop_name (enum mn_pop op)
{
  static const char *const name[] = { ">=", ">", "<=", "<" };
  return name[op];
}

bool
mn_policy_holds (const struct mn_policy_rule *r, double x)
{
  switch (r->op)
    {
    case MN_OP_GE: return x >= r->threshold;
    case MN_OP_GT: return x > r->threshold;
    case MN_OP_LE: return x <= r->threshold;
    case MN_OP_LT: return x < r->threshold;
    }
  return false;
}

/* A number, or a fraction A/B of two ("1/3": the one-third rule is
   exactly a third, not 0.333).  */
static int
parse_number (const char *s, double *x)
{
  const char *slash = strchr (s, '/');
  if (!slash)
    return mn_parse_double (s, x) == 0 ? 0 : -1;
  char *num = xmemdup0 (s, (size_t) (slash - s));
  double a, b;
  int rc = mn_parse_double (num, &a) == 0
           && mn_parse_double (slash + 1, &b) == 0 && b != 0 ? 0 : -1;
  free (num);
  if (rc == 0)
    *x = a / b;
  return rc;
}

/* The statistic S of rule R: empty, "dissat", "P(rate>=T)" or a column
   name.  */
static int
parse_stat (struct mn_policy_rule *r, const char *s, const char *file,
            unsigned long line, struct mn_error *e)
{
  r->stat_text = xstrdup (s);
  if (!*s)
    {
      r->stat = MN_PS_NONE;
      return 0;
    }
  if (strcmp (s, "dissat") == 0)
    {
      r->stat = MN_PS_DISSAT;
      return 0;
    }
  if (strncmp (s, "P(", 2) == 0)
    {
      static const char head[] = "P(rate>=";
      size_t len = strlen (s), hl = sizeof head - 1;
      char *t = NULL;
      if (len > hl + 1 && strncmp (s, head, hl) == 0 && s[len - 1] == ')')
        t = xmemdup0 (s + hl, len - hl - 1);
      int ok = t && parse_number (t, &r->t) == 0 && r->t > 0 && r->t < 1;
      free (t);
      if (!ok)
        return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                             "statistic '%s' is no probability "
                             "'P(rate>=T)' with 0 < T < 1", s);
      r->stat = MN_PS_PROB_GE;
      return 0;
    }
  r->stat = MN_PS_COLUMN;
  r->column = xstrdup (s);
  return 0;
}

/* Check and keep one rule from record REC, the columns at COL[].  */
static int
parse_rule (struct mn_policy *p, const struct mn_record *rec,
            const long *col, struct mn_error *e)
{
  const char *file = p->file;
  unsigned long line = rec->line;
#define F(c) (col[c] >= 0 ? rec->f[col[c]] : "")
  if (p->n == MN_POLICY_MAX_RULES)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "more than %d rules", MN_POLICY_MAX_RULES);
  struct mn_policy_rule r = { .max_share = NAN, .line = line };
  const char *kind = F (C_RULE);
  if (strcmp (kind, "veto") == 0)
    r.veto = true;
  else if (strcmp (kind, "tier") != 0)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "rule '%s' is neither 'veto' nor 'tier'", kind);
  if (p->n > 0 && r.veto && !p->rule[p->n - 1].veto)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "a veto after a tier: the vetoes come first");
  if (p->n > 0 && !p->rule[p->n - 1].veto
      && p->rule[p->n - 1].stat == MN_PS_NONE)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "a rule after the tier with no statistic "
                         "(line %lu), which takes every cadre left",
                         p->rule[p->n - 1].line);
  const char *tier = F (C_TIER);
  if (!*tier || strcmp (tier, MN_TIER_INSUFFICIENT) == 0)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "tier '%s' is no tier name", tier);
  if (parse_stat (&r, F (C_STAT), file, line, e) < 0)
    goto fail;
  r.tier = xstrdup (tier);
  const char *op = F (C_OP), *th = F (C_THRESHOLD);
  if (r.stat == MN_PS_NONE)
    {
      if (r.veto)
        {
          mn_error_set (e, file, line, MN_R_BAD_VALUE,
                        "a veto needs a statistic");
          goto fail;
        }
      if (*op || *th)
        {
          mn_error_set (e, file, line, MN_R_BAD_VALUE,
                        "op and threshold with no statistic");
          goto fail;
        }
    }
  else
    {
      static const char *const ops[] = { ">=", ">", "<=", "<" };
      size_t k = 0;
      while (k < 4 && strcmp (op, ops[k]) != 0)
        k++;
      if (k == 4)
        {
          mn_error_set (e, file, line, MN_R_BAD_VALUE,
                        "op '%s' is none of >=, >, <=, <", op);
          goto fail;
        }
      r.op = (enum mn_pop) k;
      if (parse_number (th, &r.threshold) < 0)
        {
          mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                        "threshold '%s' is no number", th);
          goto fail;
        }
    }
  r.threshold_text = xstrdup (th);
  const char *mn = F (C_MIN_N);
  if (*mn && (mn_parse_double (mn, &r.min_n) != 0 || r.min_n < 0))
    {
      mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                    "min_n '%s' is no number >= 0", mn);
      goto fail;
    }
  const char *ms = F (C_MAX_SHARE);
  if (*ms)
    {
      size_t len = strlen (ms);
      bool pct = len > 0 && ms[len - 1] == '%';
      char *t = xmemdup0 (ms, pct ? len - 1 : len);
      int bad = parse_number (t, &r.max_share);
      free (t);
      if (!bad && pct)
        r.max_share /= 100;
      if (bad || !(r.max_share >= 0 && r.max_share <= 1))
        {
          mn_error_set (e, file, line, MN_R_BAD_NUMBER,
                        "max_share '%s' is no share between 0 and 1 "
                        "(or 0%% and 100%%)", ms);
          goto fail;
        }
      if (r.veto || r.stat == MN_PS_NONE)
        {
          mn_error_set (e, file, line, MN_R_BAD_VALUE,
                        "max_share on a %s",
                        r.veto ? _("veto") : _("tier with no statistic"));
          goto fail;
        }
    }
#undef F
  p->rule = xrealloc (p->rule, (p->n + 1) * sizeof *p->rule);
  p->rule[p->n++] = r;
  return 0;
fail:
  free (r.tier);
  free (r.stat_text);
  free (r.column);
  free (r.threshold_text);
  return -1;
}

int
mn_policy_load (struct mn_policy *p, const char *path,
                const struct mn_reader_options *ro, struct mn_error *e)
{
  *p = (struct mn_policy) { .file = path };
  struct mn_input in;
  if (mn_input_open (&in, path, ro, e) < 0)
    return -1;
  p->file = in.name;
  long col[C_NCOL];
  int rc = 0;
  if (in.dup_column >= 0)
    rc = mn_error_set (e, in.name, 1, MN_R_DUP_COLUMN,
                       "column '%s' appears twice in the header",
                       in.h.name[in.dup_column]);
  for (int c = 0; c < C_NCOL && rc == 0; c++)
    {
      col[c] = -1;
      for (size_t i = 0; i < in.h.n; i++)
        if (strcmp (in.h.name[i], colname[c]) == 0)
          col[c] = (long) i;
      if (col[c] < 0 && c <= C_OP)
        rc = mn_header_find (&in.h, colname[c], in.name, e) < 0 ? -1 : 0;
    }
  struct mn_record rec;
  int r;
  while (rc == 0 && (r = mn_input_next (&in, &rec, e)) != 0)
    if (r != 1 || parse_rule (p, &rec, col, e) < 0)
      rc = -1;
  if (rc == 0 && (p->n == 0 || p->rule[p->n - 1].veto
                  || p->rule[p->n - 1].stat != MN_PS_NONE))
    rc = mn_error_set (e, in.name, mn_reader_lines (in.r), MN_R_BAD_VALUE,
                       "the last rule must be a tier with no statistic, "
                       "which takes every cadre no rule before took");
  mn_input_close (&in);
  if (rc < 0)
    mn_policy_release (p);
  return rc;
}

void
mn_policy_release (struct mn_policy *p)
{
  for (size_t i = 0; i < p->n; i++)
    {
      free (p->rule[i].tier);
      free (p->rule[i].stat_text);
      free (p->rule[i].column);
      free (p->rule[i].threshold_text);
    }
  free (p->rule);
  p->rule = NULL;
  p->n = 0;
}

static const size_t *decide_rank;

/* By rank, the unranked (0) last; equal ranks by index (the caller's
   order, by key).  */
static int
cmp_rank (const void *pa, const void *pb)
{
  size_t i = *(const size_t *) pa, j = *(const size_t *) pb;
  size_t a = decide_rank[i] ? decide_rank[i] : (size_t) -1;
  size_t b = decide_rank[j] ? decide_rank[j] : (size_t) -1;
  if (a != b)
    return a < b ? -1 : 1;
  return (i > j) - (i < j);
}

void
mn_policy_decide (const struct mn_policy *p, size_t m, const double *v,
                  const double *n, const size_t *rank, size_t mranked,
                  struct mn_tiering *out)
{
  bool *done = xcalloc (m ? m : 1, sizeof *done);
  size_t *cand = xcalloc (m ? m : 1, sizeof *cand);
  for (size_t i = 0; i < m; i++)
    out[i] = (struct mn_tiering) { .rule = -1 };
  for (size_t r = 0; r < p->n; r++)
    {
      const struct mn_policy_rule *ru = &p->rule[r];
      size_t nc = 0;
      for (size_t i = 0; i < m; i++)
        {
          if (done[i])
            continue;
          bool holds = true, known = true;
          if (ru->stat != MN_PS_NONE)
            {
              double x = v[r * m + i];
              known = !isnan (x);
              holds = known && mn_policy_holds (ru, x);
            }
          if (ru->veto && !holds)
            continue;           /* an unknown value vetoes nobody */
          if (!known || (holds && n[i] < ru->min_n))
            {
              out[i].rule = (long) r;
              out[i].insufficient = true;
              done[i] = true;
            }
          else if (holds)
            cand[nc++] = i;
        }
      size_t limit = nc;
      if (!isnan (ru->max_share))
        limit = (size_t) floor (ru->max_share * (double) mranked + 1e-9);
      decide_rank = rank;
      qsort (cand, nc, sizeof *cand, cmp_rank);
      decide_rank = NULL;
      size_t taken = 0;
      bool full = false;
      for (size_t k = 0; k < nc;)
        {
          size_t g = k + 1;
          while (g < nc && rank[cand[g]] == rank[cand[k]])
            g++;
          full = full || taken + (g - k) > limit;
          for (; k < g; k++)
            if (full)
              out[cand[k]].capped |= (uint64_t) 1 << r;
            else
              {
                out[cand[k]].rule = (long) r;
                done[cand[k]] = true;
                taken++;
              }
        }
    }
  free (done);
  free (cand);
}

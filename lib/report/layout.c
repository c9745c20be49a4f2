/* layout.c - a report's columns and cells.  */
#include "report/layout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/dwidth.h"

const char *
mn_fmt_prop (double x, int decimals, char *buf, size_t size)
{
  if (isnan (x))
    snprintf (buf, size, "-");
  else
    snprintf (buf, size, "%.*f", decimals, x + 0.0);
  return buf;
}

const char *
mn_fmt_interval (double est, double lo, double hi, int decimals, char *buf,
                 size_t size)
{
  if (isnan (est))
    snprintf (buf, size, "-");
  else if (isnan (lo) || isnan (hi))
    snprintf (buf, size, "%.*f [?]", decimals, est + 0.0);
  else
    snprintf (buf, size, "%.*f [%.*f, %.*f]", decimals, est + 0.0, decimals,
              lo + 0.0, decimals, hi + 0.0);
  return buf;
}

static void
add (struct mn_layout *l, enum mn_col_kind kind, int field, const char *head,
     int prio, bool right)
{
  if (l->ncol == MN_LAYOUT_MAX)
    return;
  struct mn_col *c = &l->col[l->ncol++];
  memset (c, 0, sizeof *c);
  c->kind = kind;
  c->field = field;
  snprintf (c->head, sizeof c->head, "%s", head);
  c->prio = prio;
  c->right = right;
  c->shown = true;
}

/* The level of the table's intervals as a percentage ("95%"), from its
   level column (the same in every row), or "" when it has none.  */
static void
level_text (const struct mn_rtable *t, char *buf, size_t size)
{
  buf[0] = '\0';
  for (size_t i = 0; i < t->nrow; i++)
    if (!isnan (t->row[i].x[MN_RF_LEVEL]))
      {
        snprintf (buf, size, " %g%%", 100 * t->row[i].x[MN_RF_LEVEL]);
        return;
      }
}

void
mn_layout_init (struct mn_layout *l, const struct mn_rtable *t, int decimals,
                const char *hide)
{
  memset (l, 0, sizeof *l);
  l->decimals = decimals;
  l->hidden_key = hide;
  char lv[32], head[64];
  level_text (t, lv, sizeof lv);
  if (t->has[MN_RF_RANK])
    add (l, MN_COL_RANK, MN_RF_RANK, "rank", 1, true);
  if (t->has[MN_RF_RANK_LO])
    add (l, MN_COL_RANK_CI, MN_RF_RANK_LO, "rank 95%", 5, true);
  bool id_done = false;
  const char *id = t->nkey ? "cadre" : NULL;
  for (size_t k = 0; k < t->nkey; k++)
    {
      if (hide && strcmp (t->keyname[k], hide) == 0)
        continue;
      bool is_id = !id_done && (strcmp (t->keyname[k], "cadre") == 0
                                || (k + 1 == t->nkey && !id_done));
      if (is_id)
        {
          add (l, MN_COL_ID, (int) k, t->keyname[k], 2, false);
          id_done = true;
        }
      else
        add (l, MN_COL_KEY, (int) k, t->keyname[k], 7, false);
    }
  (void) id;
  if (t->has[MN_RF_NAME])
    add (l, MN_COL_TEXT, MN_RF_NAME, "name", 3, false);
  if (t->has[MN_RF_TOWNSHIP])
    add (l, MN_COL_TEXT, MN_RF_TOWNSHIP, "township", 8, false);
  if (t->has[MN_RF_UNIT])
    add (l, MN_COL_TEXT, MN_RF_UNIT, "unit", 12, false);
  if (t->has[MN_RF_POSITION])
    add (l, MN_COL_TEXT, MN_RF_POSITION, "position", 10, false);
  if (t->has[MN_RF_N])
    add (l, MN_COL_N, MN_RF_N, "n", 6, true);
  enum mn_rf m, lo, hi;
  mn_rtable_lead (t, &m, &lo, &hi);
  (void) lo;
  (void) hi;
  snprintf (head, sizeof head, "%s%s",
            m == MN_RF_POST_MEAN ? "posterior" : "rate", lv);
  if (t->has[m])
    add (l, MN_COL_LEAD, m, head, 3, true);
  if (m == MN_RF_POST_MEAN && t->has[MN_RF_RATE])
    {
      snprintf (head, sizeof head, "rate%s", lv);
      add (l, MN_COL_RATE, MN_RF_RATE, head, 11, true);
    }
  if (t->has[MN_RF_PTOP] && t->ptop_name)
    add (l, MN_COL_PTOP, MN_RF_PTOP, t->ptop_name, 9, true);
  if (t->has[MN_RF_TIER])
    add (l, MN_COL_TEXT, MN_RF_TIER, "tier", 4, false);
  if (t->has[MN_RF_TIER_RULE])
    add (l, MN_COL_TEXT, MN_RF_TIER_RULE, "tier rule", 13, false);
  if (t->has[MN_RF_FUNNEL_FLAG])
    add (l, MN_COL_TEXT, MN_RF_FUNNEL_FLAG, "funnel", 9, false);
}

const char *
mn_layout_cell (const struct mn_layout *l, const struct mn_rtable *t,
                const struct mn_rrow *r, const struct mn_col *c, char *buf,
                size_t size)
{
  const double *x = r->x;
  enum mn_rf m, lo, hi;
  switch (c->kind)
    {
    case MN_COL_RANK:
      if (isnan (x[MN_RF_RANK]))
        snprintf (buf, size, "-");
      else
        snprintf (buf, size, "%.0f", x[MN_RF_RANK]);
      break;
    case MN_COL_RANK_CI:
      if (isnan (x[MN_RF_RANK_LO]) || isnan (x[MN_RF_RANK_HI]))
        snprintf (buf, size, "-");
      else
        snprintf (buf, size, "%.0f-%.0f", x[MN_RF_RANK_LO],
                  x[MN_RF_RANK_HI]);
      break;
    case MN_COL_KEY:
    case MN_COL_ID:
      snprintf (buf, size, "%s", mn_rrow_key (t, r, (size_t) c->field));
      break;
    case MN_COL_TEXT:
      snprintf (buf, size, "%s",
                r->text[c->field] && *r->text[c->field] ? r->text[c->field]
                                                        : "-");
      break;
    case MN_COL_N:
      if (isnan (x[MN_RF_N]))
        snprintf (buf, size, "-");
      else
        snprintf (buf, size, "%.15g", x[MN_RF_N]);
      break;
    case MN_COL_LEAD:
      mn_rtable_lead (t, &m, &lo, &hi);
      mn_fmt_interval (x[m], x[lo], x[hi], l->decimals, buf, size);
      break;
    case MN_COL_RATE:
      mn_fmt_interval (x[MN_RF_RATE], x[MN_RF_LO], x[MN_RF_HI], l->decimals,
                       buf, size);
      break;
    case MN_COL_PTOP:
      mn_fmt_prop (x[MN_RF_PTOP], l->decimals, buf, size);
      break;
    }
  return buf;
}

size_t
mn_layout_fit (struct mn_layout *l, const struct mn_rtable *t, size_t width,
               size_t sep)
{
  char buf[1024];
  for (size_t j = 0; j < l->ncol; j++)
    {
      struct mn_col *c = &l->col[j];
      c->shown = true;
      c->width = mn_dwidth (c->head, strlen (c->head));
      for (size_t i = 0; i < t->nrow; i++)
        {
          mn_layout_cell (l, t, &t->row[i], c, buf, sizeof buf);
          size_t w = mn_dwidth (buf, strlen (buf));
          if (w > c->width)
            c->width = w;
        }
    }
  size_t dropped = 0;
  for (;;)
    {
      size_t total = 0, n = 0;
      int worst = 0;
      size_t worst_j = 0;
      for (size_t j = 0; j < l->ncol; j++)
        if (l->col[j].shown)
          {
            total += l->col[j].width + (n++ ? sep : 0);
            /* The last column of the lowest priority goes first.  */
            if (l->col[j].prio >= worst)
              {
                worst = l->col[j].prio;
                worst_j = j;
              }
          }
      if (total <= width || worst <= 2)
        break;
      l->col[worst_j].shown = false;
      dropped++;
    }
  return dropped;
}

size_t
mn_report_notes (const struct mn_rtable *t, const char *note[MN_NOTES_MAX])
{
  size_t n = 0;
  note[n++] = "Each figure is shown with its interval: estimate [lower, "
              "upper]. A figure whose interval the table lacks is shown "
              "with [?]; rounding is for display only, the tables keep "
              "every digit.";
  if (t->has[MN_RF_POST_MEAN])
    note[n++] = "posterior: the mean of each cadre's rate shrunk towards "
                "a prior fitted to the cadres of its stratum (all cadres, or "
                "those of one value of minyi-adjust --by, such as a wave; "
                "empirical-Bayes beta-binomial), with its equal-tailed "
                "posterior interval; "
                "a cadre rated by few villagers is pulled towards the "
                "average.";
  if (t->has[MN_RF_RATE])
    note[n++] = "rate: the share of answers satisfied, as observed, with "
                "its interval (Wilson's score interval unless the table "
                "says otherwise).";
  if (t->wilson > 0)
    note[n++] = "The table had no bounds for the rate: minyi-report "
                "computed Wilson 95% intervals from n and sat.";
  if (t->has[MN_RF_RANK_LO])
    note[n++] = "rank 95%: the 2.5% and 97.5% quantiles of the ranks "
                "taken in simulations from the posteriors (minyi-rank). "
                "Cadres whose rank intervals overlap cannot be told apart "
                "by these data.";
  if (t->ptop_name)
    note[n++] = "p_top: the probability, in those simulations, of a rank "
                "in the top group the column names.";
  if (t->has[MN_RF_TIER])
    note[n++] = "tier: decided by the promotion-review policy; tier rule "
                "names the policy line that decided it and its condition.";
  if (t->has[MN_RF_FUNNEL_FLAG])
    note[n++] = "funnel: whether the observed rate lies inside the 95% and "
                "99.8% control limits around the target for its number of "
                "answers (in, low95, low998, high95, high998).";
  return n;
}

/* plot.c - SVG funnel and caterpillar plots.  */
#include "report/plot.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/input.h"
#include "report/dwidth.h"
#include "report/html.h"

int
mn_plot_kind_parse (const char *s, size_t len, enum mn_plot_kind *k)
{
  if (len == 6 && memcmp (s, "funnel", 6) == 0)
    *k = MN_PLOT_FUNNEL;
  else if (len == 11 && memcmp (s, "caterpillar", 11) == 0)
    *k = MN_PLOT_CATERPILLAR;
  else
    return -1;
  return 0;
}

int
mn_plot_labels_parse (const char *list, unsigned *labels)
{
  unsigned l = 0;
  const char *p = list;
  for (;;)
    {
      size_t n = strcspn (p, ",");
      if (n == 3 && memcmp (p, "top", 3) == 0)
        l |= MN_LABEL_TOP;
      else if (n == 6 && memcmp (p, "bottom", 6) == 0)
        l |= MN_LABEL_BOTTOM;
      else if (n == 8 && memcmp (p, "outliers", 8) == 0)
        l |= MN_LABEL_OUTLIERS;
      else if (!(n == 4 && memcmp (p, "none", 4) == 0))
        return -1;
      if (!p[n])
        break;
      p += n + 1;
    }
  *labels = l;
  return 0;
}


/* Plot geometry, in SVG user units (px).  */
#define PW 900.0
#define ML 70.0
#define MR 170.0
#define MT 40.0
#define MB 50.0
#define FONT "font-family=\"'Noto Sans CJK SC','Source Han Sans SC'," \
             "'WenQuanYi Micro Hei','Microsoft YaHei',sans-serif\""

struct box { double x0, y0, x1, y1; };

struct labels
{
  struct box *b;
  size_t n, cap;
};

/* Place a label of TEXT at (X, Y) when its box overlaps none placed.  */
static void
put_label (struct labels *L, double x, double y, const char *text,
           FILE *out)
{
  double w = 7.0 * (double) mn_dwidth (text, strlen (text)) + 4;
  struct box b = { x, y - 11, x + w, y + 3 };
  if (b.x1 > PW - 2)
    return;
  for (size_t i = 0; i < L->n; i++)
    if (b.x0 < L->b[i].x1 && L->b[i].x0 < b.x1 && b.y0 < L->b[i].y1
        && L->b[i].y0 < b.y1)
      return;
  L->b = xgrow (L->b, &L->cap, L->n + 1, sizeof *L->b);
  L->b[L->n++] = b;
  fprintf (out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">", x, y);
  mn_html_escape (text, out);
  fputs ("</text>\n", out);
}

static const char *
label_of (const struct mn_rtable *t, const struct mn_rrow *r)
{
  const char *n = r->text[MN_RF_NAME];
  return n && *n ? n : mn_rrow_id (t, r);
}

static void
svg_open (double h, const char *title, FILE *out)
{
  fprintf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
           "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" " FONT ">\n"
           "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
           "<text x=\"%.0f\" y=\"24\" font-size=\"16\">", PW, h, PW, h, ML);
  mn_html_escape (title, out);
  fputs ("</text>\n", out);
}

/* Axis ticks of a proportion axis from LO to HI: every 0.05 or 0.1.  */
static double
tick_step (double span)
{
  return span > 0.5 ? 0.1 : span > 0.2 ? 0.05 : 0.02;
}

struct limit { double n, target, lo95, hi95, lo998, hi998; };

static int
limit_cmp (const void *a, const void *b)
{
  const struct limit *x = a, *y = b;
  return (x->n > y->n) - (x->n < y->n);
}

/* The funnel's limits: from the --limits file (rows of stratum WHERE
   when it has a stratum column and WHERE is given), else from the
   table's funnel_ columns.  */
static int
load_limits (const struct mn_rtable *t, const struct mn_plot_opts *o,
             struct limit **lim, size_t *nlim, struct mn_error *e)
{
  size_t cap = 0;
  *lim = NULL;
  *nlim = 0;
  if (!o->limits)
    {
      for (size_t i = 0; i < t->nrow; i++)
        {
          const double *x = t->row[i].x;
          if (isnan (x[MN_RF_FUNNEL_LO95]) || !(x[MN_RF_N] > 0))
            continue;
          *lim = xgrow (*lim, &cap, *nlim + 1, sizeof **lim);
          (*lim)[(*nlim)++] = (struct limit) {
            x[MN_RF_N], x[MN_RF_FUNNEL_TARGET], x[MN_RF_FUNNEL_LO95],
            x[MN_RF_FUNNEL_HI95], x[MN_RF_FUNNEL_LO998],
            x[MN_RF_FUNNEL_HI998] };
        }
    }
  else
    {
      struct mn_input in;
      if (mn_input_open (&in, o->limits, o->ro, e) < 0)
        return -1;
      static const char *const need[] = { "n", "target", "lo95", "hi95",
                                          "lo998", "hi998" };
      long c[6];
      for (int k = 0; k < 6; k++)
        if ((c[k] = mn_header_find (&in.h, need[k], in.name, e)) < 0)
          {
            mn_input_close (&in);
            return -1;
          }
      long sc = -1;
      for (size_t k = 0; k < in.h.n; k++)
        if (strcmp (in.h.name[k], "stratum") == 0)
          sc = (long) k;
      struct mn_record rec;
      int got;
      while ((got = mn_input_next (&in, &rec, e)) == 1)
        {
          if (sc >= 0 && o->where && strcmp (rec.f[sc], o->where) != 0)
            continue;
          double v[6];
          for (int k = 0; k < 6; k++)
            if (mn_parse_double (rec.f[c[k]], &v[k]) != 0)
              {
                mn_error_set (e, in.name, rec.line, MN_R_BAD_NUMBER,
                              "%s '%s' is not a number", need[k],
                              rec.f[c[k]]);
                got = -1;
                break;
              }
          if (got < 0)
            break;
          *lim = xgrow (*lim, &cap, *nlim + 1, sizeof **lim);
          (*lim)[(*nlim)++] = (struct limit) { v[0], v[1], v[2], v[3],
                                               v[4], v[5] };
        }
      mn_input_close (&in);
      if (got != 0)
        {
          free (*lim);
          return -1;
        }
    }
  if (*nlim)
    qsort (*lim, *nlim, sizeof **lim, limit_cmp);
  return 0;
}

static void
polyline (const struct limit *lim, size_t n, size_t off, double (*sx) (double),
          double y0, double y1, double ylo, double yhi, const char *style,
          FILE *out)
{
  fprintf (out, "<polyline fill=\"none\" %s points=\"", style);
  for (size_t i = 0; i < n; i++)
    {
      double v = *(const double *) ((const char *) &lim[i] + off);
      fprintf (out, "%s%.1f,%.1f", i ? " " : "", sx (lim[i].n),
               y1 - (v - ylo) / (yhi - ylo) * (y1 - y0));
    }
  fputs ("\"/>\n", out);
}

static double g_nmax;
static double
scale_n (double n)
{
  return ML + n / g_nmax * (PW - ML - MR);
}

static bool
outlier (const struct mn_rrow *r)
{
  const char *f = r->text[MN_RF_FUNNEL_FLAG];
  if (f && *f)
    return strcmp (f, "in") != 0;
  return r->x[MN_RF_RATE] < r->x[MN_RF_FUNNEL_LO95]
         || r->x[MN_RF_RATE] > r->x[MN_RF_FUNNEL_HI95];
}

static int
funnel (const struct mn_rtable *t, const struct mn_plot_opts *o, FILE *out,
        struct mn_error *e)
{
  struct limit *lim;
  size_t nlim;
  if (load_limits (t, o, &lim, &nlim, e) < 0)
    return -1;
  if (nlim == 0)
    {
      free (lim);
      return mn_error_set (e, o->limits, 0, MN_R_MISSING_COLUMN,
                           "the funnel needs limits: --limits FILE or a "
                           "table with funnel_ columns (--scores)");
    }
  double nmax = 1, ylo = 1;
  for (size_t i = 0; i < t->nrow; i++)
    {
      const double *x = t->row[i].x;
      if (x[MN_RF_N] > nmax)
        nmax = x[MN_RF_N];
      if (x[MN_RF_RATE] < ylo)
        ylo = x[MN_RF_RATE];
    }
  for (size_t i = 0; i < nlim; i++)
    if (lim[i].n <= nmax && lim[i].lo998 < ylo && lim[i].n >= nmax / 20)
      ylo = lim[i].lo998;
  ylo = floor (ylo * 10) / 10;
  double yhi = 1, h = 560, y0 = MT, y1 = h - MB;
  g_nmax = nmax;
  svg_open (h, "Funnel plot: satisfaction rate against answers, 95% and "
            "99.8% limits", out);
  /* Axes and ticks.  */
  double step = tick_step (yhi - ylo);
  for (double v = ylo; v <= yhi + 1e-9; v += step)
    {
      double y = y1 - (v - ylo) / (yhi - ylo) * (y1 - y0);
      fprintf (out, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" "
               "stroke=\"#ddd\"/>\n<text x=\"%.0f\" y=\"%.1f\" "
               "font-size=\"11\" text-anchor=\"end\">%.2f</text>\n", ML, y,
               PW - MR, y, ML - 6, y + 4, v);
    }
  double nstep = nmax > 200 ? 50 : nmax > 100 ? 20 : nmax > 40 ? 10 : 5;
  for (double v = 0; v <= nmax; v += nstep)
    fprintf (out, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" "
             "text-anchor=\"middle\">%.0f</text>\n", scale_n (v), y1 + 16, v);
  fprintf (out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" "
           "text-anchor=\"middle\">n (answers)</text>\n",
           (ML + PW - MR) / 2, h - 10);
  fprintf (out, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" "
           "stroke=\"black\"/>\n", ML, y1, PW - MR, y1);
  size_t keep = 0;
  for (size_t i = 0; i < nlim; i++)
    if (lim[i].n <= nmax && lim[i].n >= 1)
      lim[keep++] = lim[i];
  polyline (lim, keep, offsetof (struct limit, target), scale_n, y0, y1, ylo,
            yhi, "stroke=\"#333\"", out);
  polyline (lim, keep, offsetof (struct limit, lo95), scale_n, y0, y1, ylo,
            yhi, "stroke=\"#1f77b4\" stroke-dasharray=\"6 3\"", out);
  polyline (lim, keep, offsetof (struct limit, hi95), scale_n, y0, y1, ylo,
            yhi, "stroke=\"#1f77b4\" stroke-dasharray=\"6 3\"", out);
  polyline (lim, keep, offsetof (struct limit, lo998), scale_n, y0, y1, ylo,
            yhi, "stroke=\"#d62728\"", out);
  polyline (lim, keep, offsetof (struct limit, hi998), scale_n, y0, y1, ylo,
            yhi, "stroke=\"#d62728\"", out);
  fprintf (out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" "
           "fill=\"#1f77b4\">- - 95%% limits</text>\n<text x=\"%.0f\" "
           "y=\"%.0f\" font-size=\"11\" fill=\"#d62728\">— 99.8%% limits"
           "</text>\n", PW - MR + 10, y0 + 10, PW - MR + 10, y0 + 26);
  struct labels L = { 0 };
  for (size_t i = 0; i < t->nrow; i++)
    {
      const struct mn_rrow *r = &t->row[i];
      if (isnan (r->x[MN_RF_RATE]) || !(r->x[MN_RF_N] > 0))
        continue;
      double x = scale_n (r->x[MN_RF_N]);
      double y = y1 - (r->x[MN_RF_RATE] - ylo) / (yhi - ylo) * (y1 - y0);
      bool out_ = outlier (r);
      fprintf (out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" "
               "fill-opacity=\"0.7\"/>\n", x, y, out_ ? "#d62728" : "#555");
    }
  for (size_t i = 0; i < t->nrow; i++)
    {
      const struct mn_rrow *r = &t->row[i];
      if (isnan (r->x[MN_RF_RATE]) || !(r->x[MN_RF_N] > 0))
        continue;
      bool want = ((o->labels & MN_LABEL_OUTLIERS) && outlier (r))
                  || ((o->labels & MN_LABEL_TOP) && r->x[MN_RF_RANK] <= 10)
                  || ((o->labels & MN_LABEL_BOTTOM)
                      && r->x[MN_RF_RANK] > r->x[MN_RF_RANKED] - 10);
      if (want)
        put_label (&L, scale_n (r->x[MN_RF_N]) + 5,
                   y1 - (r->x[MN_RF_RATE] - ylo) / (yhi - ylo) * (y1 - y0)
                   + 4, label_of (t, r), out);
    }
  fputs ("</svg>\n", out);
  free (L.b);
  free (lim);
  return 0;
}

static int
caterpillar (const struct mn_rtable *t, const struct mn_plot_opts *o,
             FILE *out, struct mn_error *e)
{
  enum mn_rf m, lo, hi;
  mn_rtable_lead (t, &m, &lo, &hi);
  size_t n = 0;
  double xlo = 1;
  double target = o->target;
  for (size_t i = 0; i < t->nrow; i++)
    {
      const double *x = t->row[i].x;
      if (isnan (x[m]))
        continue;
      n++;
      double v = isnan (x[lo]) ? x[m] : x[lo];
      if (v < xlo)
        xlo = v;
      if (isnan (target))
        target = x[MN_RF_FUNNEL_TARGET];
    }
  if (n == 0)
    return mn_error_set (e, NULL, 0, MN_R_MISSING_COLUMN,
                         "the caterpillar has no row with %s to draw",
                         mn_rf_name (m));
  xlo = floor (xlo * 10) / 10;
  double row = n > 150 ? 4 : n > 60 ? 8 : 16;
  double h = MT + 20 + row * (double) n + MB;
  double x0 = ML + 40, x1 = PW - MR;
  svg_open (h, m == MN_RF_POST_MEAN
               ? "Posterior means with their intervals, by rank"
               : "Rates with their intervals, by rank", out);
  double step = tick_step (1 - xlo);
  double ybot = MT + 20 + row * (double) n;
  for (double v = xlo; v <= 1 + 1e-9; v += step)
    {
      double x = x0 + (v - xlo) / (1 - xlo) * (x1 - x0);
      fprintf (out, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.1f\" "
               "stroke=\"#ddd\"/>\n<text x=\"%.1f\" y=\"%.1f\" "
               "font-size=\"11\" text-anchor=\"middle\">%.2f</text>\n", x,
               MT + 10, x, ybot, x, ybot + 16, v);
    }
  if (!isnan (target))
    {
      double x = x0 + (target - xlo) / (1 - xlo) * (x1 - x0);
      fprintf (out, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.1f\" "
               "stroke=\"#d62728\" stroke-dasharray=\"6 3\"/>\n<text "
               "x=\"%.1f\" y=\"%.0f\" font-size=\"11\" fill=\"#d62728\" "
               "text-anchor=\"middle\">target %.*f</text>\n", x, MT + 10, x,
               ybot, x, MT + 4, o->decimals, target);
    }
  struct labels L = { 0 };
  size_t k = 0;
  for (size_t i = 0; i < t->nrow; i++)
    {
      const struct mn_rrow *r = &t->row[i];
      const double *x = r->x;
      if (isnan (x[m]))
        continue;
      double y = MT + 20 + row * ((double) k + 0.5);
      double xm = x0 + (x[m] - xlo) / (1 - xlo) * (x1 - x0);
      bool excl = !isnan (target) && !isnan (x[lo])
                  && (x[hi] < target || x[lo] > target);
      const char *col = excl ? "#d62728" : "#1f77b4";
      if (!isnan (x[lo]) && !isnan (x[hi]))
        fprintf (out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                 "y2=\"%.1f\" stroke=\"%s\"/>\n",
                 x0 + (x[lo] - xlo) / (1 - xlo) * (x1 - x0), y,
                 x0 + (x[hi] - xlo) / (1 - xlo) * (x1 - x0), y, col);
      fprintf (out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
               "fill=\"%s\"/>\n", xm, y, row > 8 ? 3.0 : 1.8, col);
      bool want = ((o->labels & MN_LABEL_OUTLIERS) && excl)
                  || ((o->labels & MN_LABEL_TOP) && k < 10)
                  || ((o->labels & MN_LABEL_BOTTOM) && k + 10 >= n);
      if (want)
        put_label (&L, x1 + 6, y + 4, label_of (t, r), out);
      k++;
    }
  fprintf (out, "<text x=\"%.0f\" y=\"%.1f\" font-size=\"11\" "
           "text-anchor=\"end\">rank</text>\n<text x=\"%.0f\" y=\"%.1f\" "
           "font-size=\"11\" text-anchor=\"end\">1</text>\n<text x=\"%.0f\" "
           "y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%zu</text>\n",
           x0 - 6, MT + 10, x0 - 6, MT + 20 + row * 0.5 + 4, x0 - 6,
           ybot - row * 0.5 + 4, n);
  fputs ("</svg>\n", out);
  free (L.b);
  return 0;
}

int
mn_plot_write (const struct mn_plot *p, const struct mn_rtable *t,
               const struct mn_plot_opts *o, FILE *out, struct mn_error *e)
{
  return p->kind == MN_PLOT_FUNNEL ? funnel (t, o, out, e)
                                   : caterpillar (t, o, out, e);
}

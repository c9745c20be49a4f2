/* text.c - terminal and Markdown tables.  */
#include "report/text.h"

#include <string.h>

#include "report/dwidth.h"

static void
pad (size_t n, FILE *out)
{
  while (n--)
    putc (' ', out);
}

/* Write the cell S in a column of WIDTH, aligned right when RIGHT, with
   no trailing blanks when LAST.  */
static void
put_cell (const char *s, size_t width, bool right, bool last, FILE *out)
{
  size_t w = mn_dwidth (s, strlen (s));
  size_t fill = w < width ? width - w : 0;
  if (right)
    pad (fill, out);
  fputs (s, out);
  if (!right && !last)
    pad (fill, out);
}

void
mn_report_text (struct mn_layout *l, const struct mn_rtable *t, size_t width,
                FILE *out)
{
  size_t dropped = mn_layout_fit (l, t, width, 2);
  size_t last = 0;
  for (size_t j = 0; j < l->ncol; j++)
    if (l->col[j].shown)
      last = j;
  bool first = true;
  for (size_t j = 0; j < l->ncol; j++)
    if (l->col[j].shown)
      {
        if (!first)
          fputs ("  ", out);
        first = false;
        put_cell (l->col[j].head, l->col[j].width, l->col[j].right,
                  j == last, out);
      }
  putc ('\n', out);
  first = true;
  for (size_t j = 0; j < l->ncol; j++)
    if (l->col[j].shown)
      {
        if (!first)
          fputs ("  ", out);
        first = false;
        for (size_t k = 0; k < l->col[j].width; k++)
          putc ('-', out);
      }
  putc ('\n', out);
  char buf[1024];
  for (size_t i = 0; i < t->nrow; i++)
    {
      first = true;
      for (size_t j = 0; j < l->ncol; j++)
        if (l->col[j].shown)
          {
            if (!first)
              fputs ("  ", out);
            first = false;
            mn_layout_cell (l, t, &t->row[i], &l->col[j], buf, sizeof buf);
            put_cell (buf, l->col[j].width, l->col[j].right, j == last,
                      out);
          }
      putc ('\n', out);
    }
  mn_report_legend (l, t, "", out);
  if (dropped)
    {
      fprintf (out, "Not shown at width %zu:", width);
      first = true;
      for (size_t j = 0; j < l->ncol; j++)
        if (!l->col[j].shown)
          {
            fprintf (out, "%s %s", first ? "" : ",", l->col[j].head);
            first = false;
          }
      fputs (" (see --width).\n", out);
    }
}

/* Write S escaped for a Markdown table cell.  */
static void
md_escape (const char *s, FILE *out)
{
  for (; *s; s++)
    {
      if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' || *s == '`'
          || *s == '<' || *s == '[' || *s == ']')
        putc ('\\', out);
      putc (*s == '\n' || *s == '\r' ? ' ' : *s, out);
    }
}

void
mn_report_markdown (struct mn_layout *l, const struct mn_rtable *t, FILE *out)
{
  mn_layout_fit (l, t, (size_t) -1, 0);
  fputs ("|", out);
  for (size_t j = 0; j < l->ncol; j++)
    {
      putc (' ', out);
      md_escape (l->col[j].head, out);
      fputs (" |", out);
    }
  fputs ("\n|", out);
  for (size_t j = 0; j < l->ncol; j++)
    fputs (l->col[j].right ? " ---: |" : " :--- |", out);
  putc ('\n', out);
  char buf[1024];
  for (size_t i = 0; i < t->nrow; i++)
    {
      fputs ("|", out);
      for (size_t j = 0; j < l->ncol; j++)
        {
          putc (' ', out);
          md_escape (mn_layout_cell (l, t, &t->row[i], &l->col[j], buf,
                                     sizeof buf), out);
          fputs (" |", out);
        }
      putc ('\n', out);
    }
  putc ('\n', out);
  mn_report_legend (l, t, "", out);
}

void
mn_report_legend (const struct mn_layout *l, const struct mn_rtable *t,
                  const char *prefix, FILE *out)
{
  for (size_t j = 0; j < l->ncol; j++)
    {
      const struct mn_col *c = &l->col[j];
      if (!c->shown)
        continue;
      switch (c->kind)
        {
        case MN_COL_RANK_CI:
          fprintf (out, "%srank 95%%: 2.5%% and 97.5%% quantiles of the simulated "
                   "ranks; overlapping ones cannot be told apart.\n", prefix);
          break;
        case MN_COL_LEAD:
          if (c->field == MN_RF_POST_MEAN)
            fprintf (out, "%sposterior: mean of the shrunken (empirical-"
                     "Bayes) rate [its interval].\n", prefix);
          else
            fprintf (out, "%srate: share satisfied [its interval].\n",
                     prefix);
          break;
        case MN_COL_RATE:
          fprintf (out, "%srate: share satisfied as observed [its "
                   "interval].\n", prefix);
          break;
        default:
          break;
        }
      if ((c->kind == MN_COL_RATE
           || (c->kind == MN_COL_LEAD && c->field == MN_RF_RATE))
          && t->wilson > 0)
        fprintf (out, "%s  The table has no bounds for the rate: Wilson "
                 "%g%% intervals computed from n and sat.\n", prefix,
                 100 * t->wilson);
      switch (c->kind)
        {
        case MN_COL_N:
          fprintf (out, "%sn: answers.\n", prefix);
          break;
        default:
          break;
        }
    }
}

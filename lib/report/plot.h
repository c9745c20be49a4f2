/* plot.h - SVG plots of a report, written directly: a funnel plot (rate
   against n, with control limits) and a caterpillar plot (each row's
   interval, by rank).  */
#ifndef MINYI_PLOT_H
#define MINYI_PLOT_H

#include <stddef.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/output.h"
#include "io/reader.h"
#include "report/rtable.h"

enum mn_plot_kind { MN_PLOT_FUNNEL, MN_PLOT_CATERPILLAR };

/* Which points are named.  */
enum
{
  MN_LABEL_TOP = 1, MN_LABEL_BOTTOM = 2, MN_LABEL_OUTLIERS = 4
};

struct mn_plot
{
  enum mn_plot_kind kind;
  const char *path;             /* borrowed */
  struct mn_output *out;        /* borrowed: where it is written */
};

struct mn_plot_opts
{
  unsigned labels;              /* MN_LABEL_* */
  double target;                /* the reference line; NaN: the table's
                                   funnel target, if any */
  const char *limits;           /* borrowed: minyi-adjust's --limits
                                   file, or NULL */
  const char *where;            /* borrowed: the stratum shown, or NULL */
  const struct mn_reader_options *ro;   /* borrowed */
  int decimals;
};

/* The kind named by the LEN bytes at S.  Returns 0, or -1.  */
int mn_plot_kind_parse (const char *s, size_t len, enum mn_plot_kind *k);

/* The labels of the comma-separated LIST ("top,outliers", "none").
   Returns 0, or -1.  */
int mn_plot_labels_parse (const char *list, unsigned *labels);

/* Draw plot P of T (borrowed) to OUT (borrowed).  Returns 0, or -1 with
   E (the limits file unreadable, no row to draw).  */
int mn_plot_write (const struct mn_plot *p, const struct mn_rtable *t,
                   const struct mn_plot_opts *o, FILE *out,
                   struct mn_error *e);

#endif

/* text.h - a report as a terminal table or as Markdown.  */
#ifndef MINYI_TEXT_H
#define MINYI_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "report/layout.h"
#include "report/rtable.h"

/* Write T (borrowed) as an aligned table to OUT (borrowed), fitting
   WIDTH display columns: text left-aligned and numbers right-aligned by
   their display width (Chinese characters take two columns), the
   columns of lowest priority left out when they do not fit, and a last
   line naming them.  L (the caller's, from mn_layout_init) is fitted
   here.  */
void mn_report_text (struct mn_layout *l, const struct mn_rtable *t,
                     size_t width, FILE *out);

/* Write T as a Markdown (CommonMark / GFM pipe) table, every column of
   L, '|' and '\' escaped.  */
void mn_report_markdown (struct mn_layout *l, const struct mn_rtable *t,
                         FILE *out);

/* The legend under the table: what the columns hold (PREFIX before each
   line, borrowed), to OUT.  */
void mn_report_legend (const struct mn_layout *l, const struct mn_rtable *t,
                       const char *prefix, FILE *out);

#endif

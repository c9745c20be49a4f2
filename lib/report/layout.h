/* layout.h - the columns a report shows and the text of each cell, the
   same for the terminal table, Markdown and HTML.

   Each column has a priority: a terminal too narrow for all of them
   loses the lowest first (mn_layout_fit).  An estimate is never shown
   without its interval: a figure whose bounds the table lacks is
   written with "[?]", never alone as if it were exact.  */
#ifndef MINYI_LAYOUT_H
#define MINYI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "report/rtable.h"

enum mn_col_kind
{
  MN_COL_RANK, MN_COL_RANK_CI, MN_COL_KEY, MN_COL_ID, MN_COL_TEXT,
  MN_COL_N, MN_COL_LEAD, MN_COL_RATE, MN_COL_PTOP
};

struct mn_col
{
  enum mn_col_kind kind;
  int field;            /* MN_COL_TEXT: enum mn_rf; MN_COL_KEY: key no. */
  char head[64];        /* the header, as shown */
  int prio;             /* 1: kept the longest */
  bool right;           /* numbers: aligned right */
  bool shown;           /* kept by mn_layout_fit */
  size_t width;         /* display width of its widest cell or header */
};

#define MN_LAYOUT_MAX 24

struct mn_layout
{
  size_t ncol;
  struct mn_col col[MN_LAYOUT_MAX];
  int decimals;         /* of proportions */
  const char *hidden_key;   /* borrowed: a key not shown (--where's) */
};

/* The columns of table T (borrowed, must outlive L), proportions shown
   with DECIMALS decimals, the key column HIDE (may be NULL: the
   --where column, the same in every row) left out.  Every column is
   shown.  */
void mn_layout_init (struct mn_layout *l, const struct mn_rtable *t,
                     int decimals, const char *hide);

/* The text of the cell of column C for row R into BUF (SIZE bytes; 64
   are enough for numbers, text cells may be longer and are cut to
   SIZE).  Returns BUF.  Absent values are "-".  */
const char *mn_layout_cell (const struct mn_layout *l,
                            const struct mn_rtable *t,
                            const struct mn_rrow *r, const struct mn_col *c,
                            char *buf, size_t size);

/* Measure every column over T's rows and keep, by priority, those that
   fit in WIDTH display columns with SEP columns between them (the first
   two priorities are always kept).  Returns the number of columns
   dropped.  */
size_t mn_layout_fit (struct mn_layout *l, const struct mn_rtable *t,
                      size_t width, size_t sep);

/* Format the proportion X with DECIMALS decimals ("-" for NaN) into BUF
   of SIZE bytes.  Returns BUF.  */
const char *mn_fmt_prop (double x, int decimals, char *buf, size_t size);

/* "EST [LO, HI]" for proportions; "EST [?]" when a bound is absent; "-"
   when EST is.  */
const char *mn_fmt_interval (double est, double lo, double hi, int decimals,
                             char *buf, size_t size);

/* The method notes that go with a report of T (borrowed): what each
   figure shown means and where it comes from, in English sentences, at
   most MN_NOTES_MAX, into NOTE[] (static strings).  Returns how many.  */
#define MN_NOTES_MAX 8
size_t mn_report_notes (const struct mn_rtable *t,
                        const char *note[MN_NOTES_MAX]);

#endif

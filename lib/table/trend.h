/* trend.h - what changed between two waves: each key's rate in the
   first and the second score table, their difference with Newcombe's
   (1998) hybrid score interval, and whether it is a significant rise or
   drop (minyi-trend).

   The two waves are two score tables, or the rows of one table (or of
   several) told apart by a key column (--wave COLUMN=FIRST,SECOND).
   They are joined on their key columns, less that column and any the
   caller leaves out (--ignore-key).  Every key of either wave is
   written, those of one wave only said so, never dropped.  Memory
   grows with the keys (cadres), not with anything else.  */
#ifndef MINYI_TREND_H
#define MINYI_TREND_H

#include <stdbool.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/input.h"

struct mn_trend_opts
{
  double level;                 /* of the intervals: 0 < level < 1 */
  const char *wave;             /* --wave COLUMN, or NULL: two tables */
  const char *first, *second;   /* its two values (with WAVE) */
  char *const *ignore;          /* key columns left out of the join */
  size_t nignore;
};

struct mn_trend;

/* A comparison with the options O (copied; the strings it points to are
   borrowed and must outlive it).  Free with mn_trend_free.  */
struct mn_trend *mn_trend_new (const struct mn_trend_opts *o);
void mn_trend_free (struct mn_trend *t);

/* Read the header of score table IN (borrowed, not kept), the next
   input: without a wave column, the first bound is the first wave and
   the second the second; with one, every input holds rows of both.
   The join columns must be those of the first table bound.  Returns 0,
   or -1 with E.  */
int mn_trend_bind (struct mn_trend *t, struct mn_input *in,
                   struct mn_error *e);

/* Add the row REC (borrowed, not kept) of the table last bound, named
   FILE: checked by the score-table reader.  Returns 1 when it is a row
   of one of the two waves, 0 when (with a wave column) it is of another
   wave and only counted, or -1 with E (a bad row, or a key that already
   has a row in its wave).  */
int mn_trend_add (struct mn_trend *t, const struct mn_record *rec,
                  const char *file, struct mn_error *e);

/* After the last row, with --wave: -1 with E when a wave has no row
   (the values the wave column holds listed), else 0.  */
int mn_trend_check (const struct mn_trend *t, struct mn_error *e);

/* Write the comparison (minyi-formats(5), Trend table) to OUT
   (borrowed): one row per join key in byte order, numbers as
   mn_num_format writes them with DIGITS.  */
void mn_trend_write (const struct mn_trend *t, int digits, FILE *out);

/* The counts, for the provenance and the summary.  */
struct mn_trend_summary
{
  size_t keys, both, first_only, second_only;
  size_t rises, drops, steady, no_answers;
  size_t other_rows;            /* rows of other waves (--wave) */
  bool weighted;
};

void mn_trend_summary (const struct mn_trend *t, struct mn_trend_summary *s);

#endif

/* rtable.h - the table a report shows: a ranking (minyi-rank) or a
   score or adjusted table (minyi-score, minyi-adjust), read by column
   name, with what each row's evidence is.

   A report reads no statistic it does not find: every field is looked
   up by its column name in the header, and a field the table lacks is
   absent (NaN or NULL), shown as absent.  Numbers are parsed whole; a
   row with a number that does not parse, a proportion outside [0, 1] or
   an interval whose bounds are out of order is rejected with its line.
   The key columns are those before 'n' (a ranking) or 'rows' (a score
   table), less the roster's name, unit, position and township; a key
   has one row, over all the inputs, as minyi-rank has it: a second row
   with the key of a row shown is rejected (MN_R_DUPLICATE).  */
#ifndef MINYI_RTABLE_H
#define MINYI_RTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/errinfo.h"
#include "base/valuelist.h"
#include "io/input.h"
#include "io/reader.h"
#include "table/keyonce.h"

/* The fields a report knows, by their column names (mn_rf_name).  */
enum mn_rf
{
  /* text */
  MN_RF_NAME, MN_RF_UNIT, MN_RF_POSITION, MN_RF_TOWNSHIP,
  MN_RF_POSTERIOR, MN_RF_TIER, MN_RF_TIER_RULE, MN_RF_ROSTER,
  MN_RF_METHOD, MN_RF_FUNNEL_FLAG,
  /* numbers */
  MN_RF_N, MN_RF_SAT, MN_RF_RATE, MN_RF_LO, MN_RF_HI, MN_RF_LEVEL,
  MN_RF_POST_MEAN, MN_RF_POST_LO, MN_RF_POST_HI,
  MN_RF_RANK, MN_RF_RANKED, MN_RF_RANK_MEDIAN, MN_RF_RANK_LO,
  MN_RF_RANK_HI, MN_RF_PTOP,
  MN_RF_FUNNEL_TARGET, MN_RF_FUNNEL_LO95, MN_RF_FUNNEL_HI95,
  MN_RF_FUNNEL_LO998, MN_RF_FUNNEL_HI998,
  MN_RF_COUNT
};
#define MN_RF_FIRST_NUM MN_RF_N

/* The column name of field F (static); for MN_RF_PTOP, "p_top".  */
const char *mn_rf_name (enum mn_rf f);

struct mn_rrow
{
  unsigned long line;           /* in its input */
  char **key;                   /* owned: the key cells, NKEY of them */
  char *text[MN_RF_FIRST_NUM];  /* owned, or NULL when the table has no
                                   such column */
  double x[MN_RF_COUNT];        /* the numbers (indexed by enum mn_rf,
                                   from MN_RF_FIRST_NUM); NaN: absent or
                                   empty */
};

struct mn_rtable
{
  bool ranking;                 /* a ranking: has 'rank' */
  size_t nkey;
  char **keyname;               /* owned: the key columns' names */
  bool has[MN_RF_COUNT];        /* the table (or a joined one) has it */
  char *ptop_name;              /* owned: the first p_top column's name
                                   ("p_top10pct"), or NULL */
  size_t nrow, cap;
  struct mn_rrow *row;          /* owned, in the table's order */
  /* Private: the current input's column of each field and key.  */
  long col[MN_RF_COUNT];
  long *keycol;
  char *where_col, *where_val;  /* owned: --where COLUMN=VALUE, or NULL */
  long where_pos;
  unsigned long skipped;        /* rows not matching --where */
  unsigned long offered;        /* rows given to mn_rtable_add */
  struct mn_valuelist where_seen; /* the first values of its column */
  struct mn_keyonce keys;       /* the keys of the rows shown */
  double wilson;                /* the level of the Wilson intervals
                                   mn_rtable_wilson computed, or 0 */
};

/* Set T up empty, showing only the rows whose column COLUMN is VALUE
   when COLUMN is not NULL (both borrowed, copied).  Release with
   mn_rtable_release.  */
void mn_rtable_init (struct mn_rtable *t, const char *column,
                     const char *value);

void mn_rtable_release (struct mn_rtable *t);

/* For the run driver's BIND: find T's columns in the header of IN
   (borrowed).  A later input must have the first's keys.  Returns 0,
   or -1 with E.  */
int mn_rtable_bind (struct mn_rtable *t, const struct mn_input *in,
                    struct mn_error *e);

/* Add the record REC (borrowed) of the input named FILE.  Returns 0 (used
   or skipped by --where), or -1 with E: the row is rejected.  */
int mn_rtable_add (struct mn_rtable *t, const struct mn_record *rec,
                   const char *file, struct mn_error *e);

/* Whether T has a row to show.  Returns 0 when it has, else -1 with E
   (MN_R_USAGE): with --where and no row of that value, naming the
   value and the column with the values the column holds (the first
   few, as mn_valuelist_format lists them).  */
int mn_rtable_check (const struct mn_rtable *t, struct mn_error *e);

/* Fill the intervals and funnel columns the ranking lacks (lo, hi,
   post_lo, post_hi, funnel_*) from the score or adjusted table PATH
   (borrowed, kept in E), read with RO (borrowed), joining on T's keys
   that PATH has.  *MATCHED is set to the rows of T that found theirs.
   Returns 0, or -1 with E.  */
int mn_rtable_join (struct mn_rtable *t, const char *path,
                    const struct mn_reader_options *ro, size_t *matched,
                    struct mn_error *e);

/* The interval of the proportion for rows with n and sat but no lo and
   hi: Wilson's at LEVEL (0 < LEVEL < 1).  Returns how many rows it
   filled.  */
size_t mn_rtable_wilson (struct mn_rtable *t, double level);

/* The text of key K of row R for display: "" when absent.  */
const char *mn_rrow_key (const struct mn_rtable *t, const struct mn_rrow *r,
                         size_t k);

/* The cadre's identifier shown: the key named 'cadre' or, failing that,
   the last key (borrowed from T; "" when none).  */
const char *mn_rrow_id (const struct mn_rtable *t, const struct mn_rrow *r);

/* The statistic a report leads with: post_mean when the table has it,
   else rate; and its interval's fields.  */
void mn_rtable_lead (const struct mn_rtable *t, enum mn_rf *mean,
                     enum mn_rf *lo, enum mn_rf *hi);

#endif

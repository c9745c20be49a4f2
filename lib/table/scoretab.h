/* scoretab.h - the score table's columns, declared once, and the one
   writer and one reader of score tables.

   The score table (minyi-formats(5)) is the contract between
   minyi-score and every later program.  Its columns are declared here
   as data (mn_st_defs), and both the writer and the reader work from
   that declaration, so that no column name is spelled twice in the
   code; `minyi-score --list-columns` prints it, and the test suite
   checks it against minyi-formats(5).

   A table's shape (its keys, whether it is weighted, scored or has
   respondent groups, its items) decides which columns it has and in
   what order (mn_st_layout).  Numbers are written so that they read
   back to the same double (mn_num_format), so that a table read and
   written again is the same bytes.  */
#ifndef MINYI_SCORETAB_H
#define MINYI_SCORETAB_H

#include <stdbool.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "stats/prop.h"

enum mn_st_type
{
  MN_ST_COUNT,      /* a whole number >= 0 */
  MN_ST_REAL,       /* a number, or empty when undefined */
  MN_ST_TEXT        /* text */
};

/* When a column is present.  */
enum mn_st_when
{
  MN_ST_ALWAYS,
  MN_ST_WEIGHTED,   /* survey weights (minyi-score -w) */
  MN_ST_SCORED,     /* a scored codebook: composite index */
  MN_ST_PER_ITEM,   /* a scored codebook: once per item, ITEM + suffix */
  MN_ST_RGROUPS,    /* respondent-group shares (--group-weights) */
  MN_ST_STANDARDIZED, /* indirect standardisation (--standardize-by) */
  MN_ST_ADJUSTED    /* added by minyi-adjust */
};

/* The statistics columns, in table order.  */
enum mn_st_col
{
  MN_SC_ROWS, MN_SC_N, MN_SC_SAT, MN_SC_RATE, MN_SC_LO, MN_SC_HI,
  MN_SC_WSUM, MN_SC_NEFF, MN_SC_SE,
  MN_SC_DK, MN_SC_MISS,
  MN_SC_INDEX_N, MN_SC_INDEX, MN_SC_INDEX_LO, MN_SC_INDEX_HI,
  MN_SC_ITEM_N, MN_SC_ITEM_MEAN,
  MN_SC_GRATE, MN_SC_GRATE_SE, MN_SC_GRATE_LO, MN_SC_GRATE_HI,
  MN_SC_GRATE_MISSING,
  MN_SC_STD_EXPECTED, MN_SC_STD_OE, MN_SC_STD_OE_LO, MN_SC_STD_OE_HI,
  MN_SC_STD_RATE, MN_SC_STD_LO, MN_SC_STD_HI, MN_SC_STD_REF,
  MN_SC_LEVEL, MN_SC_METHOD,
  MN_SC_POST_MEAN, MN_SC_POST_LO, MN_SC_POST_HI,
  MN_SC_PRIOR_ALPHA, MN_SC_PRIOR_BETA, MN_SC_PRIOR_FIT,
  MN_SC_FUNNEL_TARGET, MN_SC_FUNNEL_Z,
  MN_SC_FUNNEL_LO95, MN_SC_FUNNEL_HI95, MN_SC_FUNNEL_LO998,
  MN_SC_FUNNEL_HI998, MN_SC_FUNNEL_FLAG, MN_SC_FUNNEL_PHI,
  MN_SC_FUNNEL_TAU2,
  MN_SC_NSTAT
};

struct mn_st_def
{
  const char *name;     /* the column's name; for MN_ST_PER_ITEM the
                           suffix after the item's id ("_n") */
  enum mn_st_type type;
  enum mn_st_when when;
  const char *meaning;  /* one line, for --list-columns */
};

/* The declaration, indexed by enum mn_st_col (static storage).  */
extern const struct mn_st_def mn_st_defs[MN_SC_NSTAT];

/* The key columns come first and are not in mn_st_defs; a column that
   is neither a key nor a statistic is an extra column, kept as text
   (a later program's additions, read and passed on).  */
#define MN_ST_KEY (-1)
#define MN_ST_EXTRA (-2)

struct mn_st_column
{
  char *name;           /* owned by the layout */
  int stat;             /* enum mn_st_col, MN_ST_KEY or MN_ST_EXTRA */
  size_t index;         /* the key's or the item's number, from 0 */
};

/* The columns of one table.  */
struct mn_st_layout
{
  size_t ncol;
  struct mn_st_column *col;     /* owned: NCOL columns, in table order */
  size_t nkey, nitem;
  bool weighted, scored, rgroups, standardized, adjusted;
  long pos[MN_SC_NSTAT];        /* column of each statistic, or -1; for
                                   the per-item ones, of the first item */
  enum mn_ci_method method;     /* the interval method and level, the */
  double level;                 /* same in every row */
};

/* Lay out the columns of a table with NKEY keys named KEY[] and, when
   SCORED, NITEM items with ids ITEM[] (all borrowed, copied).  Column
   names must not clash: a key or an item's column that would take a
   statistic's name, or each other's, is refused with E (MN_R_USAGE)
   naming both.  Returns 0, and the caller releases L with
   mn_st_layout_release; or -1 with E, and L is left empty.  */
int mn_st_layout_init (struct mn_st_layout *l, size_t nkey,
                       char *const *key, bool weighted, bool scored,
                       size_t nitem, char *const *item, bool rgroups,
                       bool standardized, enum mn_ci_method method,
                       double level, struct mn_error *e);

/* Add an extra column NAME (borrowed, copied) at the end of L: a
   program's own figures beside the schema's (minyi-deadline), written
   from the cell's text and read back as an extra.  */
void mn_st_layout_add_extra (struct mn_st_layout *l, const char *name);

/* Free L's columns (not L); L is left empty.  */
void mn_st_layout_release (struct mn_st_layout *l);

/* Column of statistic STAT (for a per-item one, of item ITEM), or -1
   when the table has none.  */
long mn_st_pos (const struct mn_st_layout *l, enum mn_st_col stat,
                size_t item);

/* One cell: a number X (NaN: an empty cell), or for a key, text or
   extra column the LEN bytes at S (borrowed).  */
struct mn_st_cell
{
  double x;
  const char *s;
  size_t len;
};

/* Write L's header line to OUT (borrowed, not closed).  */
void mn_st_write_header (const struct mn_st_layout *l, FILE *out);

/* Write one row of L->ncol CELLS (borrowed) to OUT: numbers in the
   shortest form that reads back exactly, or, with DIGITS 1..17, to
   that many significant digits (mn_num_format); counts as whole
   numbers.  The method and level cells are written from L, whatever
   CELLS holds there.  */
void mn_st_write_row (const struct mn_st_layout *l,
                      const struct mn_st_cell *cells, int digits,
                      FILE *out);

/* Reading score tables back.  */
struct mn_st_reader;

/* A reader of the score table IN (borrowed: opened by the caller, and
   closed by it after mn_st_reader_free), laid out from IN's header:
   the keys are the columns before 'rows'; the table is weighted when it
   has 'wsum', scored when it has 'index_n' (its items are then the
   pairs ITEM_n, ITEM_mean), with respondent groups when it has 'grate';
   other columns are extras.  A required column that is missing is
   named with the columns there are.  Returns the reader (free with
   mn_st_reader_free), or NULL with E.  */
struct mn_st_reader *mn_st_reader_open (struct mn_input *in,
                                        struct mn_error *e);

void mn_st_reader_free (struct mn_st_reader *r);

/* The reader's layout (owned by R; valid until mn_st_reader_free).  Its
   method and level are those of the first row, once read.  */
const struct mn_st_layout *mn_st_reader_layout (const struct mn_st_reader *r);

/* Read the next row into *CELLS (an array of layout->ncol cells owned
   by R, their text views into R's buffer: valid until the next call).
   Every number is parsed whole and checked (counts whole and >= 0,
   sat <= n <= rows, proportions in [0, 1], lo <= hi, the method and
   level those of the first row, a key seen once).  *LINE is the row's
   line.  Returns 1 for a row, 0 at the end, -1 with E
   (PROG:FILE:LINE material) for a bad row or an unreadable table.  */
int mn_st_reader_next (struct mn_st_reader *r,
                       const struct mn_st_cell **cells,
                       unsigned long *line, struct mn_error *e);

/* The same for a record REC (borrowed) that the caller read from the
   reader's input itself, such as the run driver's record loop does
   (prog/run.h): check and parse it into *CELLS (owned by R; text views
   into REC, valid as long as REC is).  FILE names the input in E.
   Returns 0, or -1 with E.  */
int mn_st_reader_parse (struct mn_st_reader *r, const struct mn_record *rec,
                        const char *file, const struct mn_st_cell **cells,
                        struct mn_error *e);

#endif

/* scoreacc.h - the per-group sufficient statistics behind a score table:
   their exact sums, the merge of two groups' statistics, the final
   table computed from them, and their partial form.

   Every statistic of the score table is a function of sums over the
   group's records: counts, and sums of scores, squared scores, weights
   and weighted products.  The sums are exact (struct mn_xsum), so they
   do not depend on the order in which records are added or on how the
   survey is cut into shards: a table scored in one pass, and one merged
   by minyi-merge(1) from the partials of any sharding, are the same
   bytes.  Memory grows with the number of groups, not of records.  */
#ifndef MINYI_SCOREACC_H
#define MINYI_SCOREACC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "stats/prop.h"
#include "table/scoretab.h"
#include "stats/xsum.h"

/* What a table holds: its keys, items, weights, respondent groups and
   interval method.  Everything is owned (freed by
   mn_score_shape_release).  */
struct mn_score_shape
{
  size_t nkey;
  char **key;                   /* key column names */
  bool weighted;                /* survey weights */
  bool scored;                  /* composite index and item means */
  bool dk_unsatisfied;          /* don't know counted as not satisfied */
  size_t nitem;
  char **item;                  /* item ids (scored only) */
  size_t nrgroup;
  char **rgroup;                /* respondent groups */
  double *share;                /* and their shares, summing to 1 */
  enum mn_ci_method method;
  double level;
  /* Indirect standardisation (stdz.h): the accumulator counts each
     group's answers by stratum (mn_score_acc_stratum), and the final
     table has the std_ columns.  Final tables only: a partial table
     cannot carry the strata.  */
  bool standardized;
  /* What else decides the figures, for partials: the rated item's id,
     and a fingerprint of the scoring (mn_score_fingerprint), so that
     partials of different codebooks, answer lists or weight columns are
     not added up.  Owned; may be NULL in a final table's shape.  */
  char *rate_item;
  char *scoring;
};

/* Counts of a table stay below 2^53, where doubles hold every whole
   number: a count (or a sum of counts) above is refused.  */
#define MN_COUNT_MAX 9007199254740992ULL

/* The fingerprint of a scoring: 16 lowercase hex digits of the 64-bit
   FNV-1a hash of the NPART strings PART (borrowed), each with its NUL,
   into BUF (17 bytes).  Not a cryptographic hash: it catches partials
   of different scorings given together by mistake.  */
void mn_score_fingerprint (char *const *part, size_t npart, char buf[17]);

void mn_score_shape_release (struct mn_score_shape *s);

/* Exact weighted sums of one variable y (Hajek mean, linearisation
   variance, Kish n_eff; see wstats.h).  */
struct mn_xwsum
{
  uint64_t n;
  struct mn_xsum sw, sw2, swy, sw2y, sw2y2;
};

/* Exact count, sum and sum of squares of one variable.  */
struct mn_xmom
{
  uint64_t n;
  struct mn_xsum sx, sxx;
};

/* A group's statistics: these counts, then the variable parts laid out
   by the accumulator (mn_score_acc_item and friends).  */
struct mn_score_stats
{
  uint64_t rows;        /* records used */
  uint64_t n;           /* answers to the rated item in the denominator */
  uint64_t sat;         /* of which satisfied */
  uint64_t dk;          /* "don't know" answers to the rated item */
  uint64_t miss;        /* records with no answer to the rated item */
  double wmin, wmax;    /* with weights: their range (rows > 0) */
};

struct mn_score_acc;

/* An accumulator for tables of SHAPE, which it takes over (SHAPE is
   left empty).  Checks that the columns' names do not clash.  Returns
   the accumulator (free with mn_score_acc_free), or NULL with E.  */
struct mn_score_acc *mn_score_acc_new (struct mn_score_shape *shape,
                                       struct mn_error *e);

void mn_score_acc_free (struct mn_score_acc *a);

const struct mn_score_shape *mn_score_acc_shape (const struct mn_score_acc *a);

size_t mn_score_acc_groups (const struct mn_score_acc *a);

/* The statistics of the group with KEY (KLEN bytes, parts joined by NUL
   bytes; borrowed, copied when new), created empty when new.  Owned by
   A: valid until mn_score_acc_free.  */
struct mn_score_stats *mn_score_acc_group (struct mn_score_acc *a,
                                           const char *key, size_t klen);

/* The variable parts of G's statistics (owned by A's group table).  */
struct mn_xwsum *mn_score_rate_w (const struct mn_score_acc *a,
                                  struct mn_score_stats *g);
struct mn_xmom *mn_score_index (const struct mn_score_acc *a,
                                struct mn_score_stats *g);
struct mn_xwsum *mn_score_index_w (const struct mn_score_acc *a,
                                   struct mn_score_stats *g);
struct mn_xmom *mn_score_item (const struct mn_score_acc *a,
                               struct mn_score_stats *g, size_t i);
struct mn_xwsum *mn_score_item_w (const struct mn_score_acc *a,
                                  struct mn_score_stats *g, size_t i);
struct mn_xwsum *mn_score_rgroup_w (const struct mn_score_acc *a,
                                    struct mn_score_stats *g, size_t r);

/* With a standardized shape: count an answer of group G in the rate's
   denominator, in the stratum whose key is the SLEN bytes at SKEY
   (borrowed), with weight W (1 without weights), satisfied or not.  */
void mn_score_acc_stratum (struct mn_score_acc *a,
                           const struct mn_score_stats *g, const char *skey,
                           size_t slen, double w, bool sat);

/* The number of strata counted so far (0 without standardisation).  */
size_t mn_score_acc_strata (const struct mn_score_acc *a);

void mn_xwsum_add (struct mn_xwsum *s, double w, double y);
void mn_xmom_add (struct mn_xmom *m, double x);

/* Fold SRC into DST, two groups' statistics of A (SRC borrowed,
   unchanged).  Exact: the result does not depend on the order of
   merges.  */
void mn_score_stats_merge (const struct mn_score_acc *a,
                           struct mn_score_stats *dst,
                           const struct mn_score_stats *src);

/* Write the score table (minyi-formats(5)): the header, then one row
   per group in byte order of the keys; numbers round-trip, or with
   DIGITS 1..17 are rounded to that many significant digits.  OUT
   borrowed, not closed.  */
void mn_score_acc_write (const struct mn_score_acc *a, int digits,
                         FILE *out);

/* Write the partial table (minyi-formats(5)): the same groups, with the
   exact sums in place of the statistics.  */
void mn_score_acc_write_partial (const struct mn_score_acc *a, FILE *out);

/* Adding up partial tables (minyi-merge).  A merger takes the shape of
   the first partial it is bound to, and refuses partials of another
   scoring.  */
struct mn_merger;

/* A merger whose final table has the interval METHOD and LEVEL (each
   may be NULL: then the partials', which must agree).  Free with
   mn_merger_free.  */
struct mn_merger *mn_merger_new (const enum mn_ci_method *method,
                                 const double *level);
void mn_merger_free (struct mn_merger *m);

/* Read the header of partial IN (borrowed, not kept): its keys, items,
   respondent groups, weights, and the sums' columns, which must be
   those of the first partial bound.  Returns 0, or -1 with E.  */
int mn_merger_bind (struct mn_merger *m, const struct mn_input *in,
                    struct mn_error *e);

/* With ON, each input may be several partials one after the other
   (concatenated by cat, parallel or a Hadoop Streaming shuffle): a key
   may have rows on several lines of one input, all added; a partial's
   header line among the rows (mn_merger_header) begins another partial,
   whose first row must have the first partial's constants.  Off by
   default: a key twice in one partial is rejected.  */
void mn_merger_set_concatenated (struct mn_merger *m, bool on);

/* With concatenated partials, look at record REC of IN (both borrowed,
   not kept) before it is added, whether sound or not: returns 1 when it
   is a partial's header line of the same scoring (the input's header
   repeated, a byte-order mark in front allowed: no row); -1 with E when
   it is the header of another scoring (its difference named, as
   mn_merger_bind does) or a line not in UTF-8 (partials of two
   encodings); else 0.  Always 0 when not concatenated.  */
int mn_merger_header (struct mn_merger *m, const struct mn_input *in,
                      const struct mn_record *rec, struct mn_error *e);

/* Add the row REC (borrowed, not kept) of the input last bound, named
   FILE: its method, level, don't-know policy and shares must be those of
   the first row added; its counts must add up; its sums are added
   exactly to its group's.  Returns 0; -1 with E (the row is then not
   added at all); or -2 with E when REC is the first row of a
   concatenated partial and its constants differ (a partial of another
   scoring: reading should stop).  */
int mn_merger_add (struct mn_merger *m, const struct mn_record *rec,
                   const char *file, struct mn_error *e);

/* The accumulated table (owned by M, valid until mn_merger_free), to
   write with mn_score_acc_write or mn_score_acc_write_partial; the empty
   table of the partials' shape when they had no row.  NULL with E when
   no partial was bound.  */
const struct mn_score_acc *mn_merger_result (struct mn_merger *m,
                                             struct mn_error *e);


/* Copy SRC into DST (DST's strings are new copies, released with
   mn_score_shape_release).  */
void mn_score_shape_copy (struct mn_score_shape *dst,
                          const struct mn_score_shape *src);

#endif

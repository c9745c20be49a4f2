/* ranker.h - what minyi-rank makes of a score table: each row's rank by
   a statistic, within strata, the distribution of its rank under the
   uncertainty of its rate (stats/rank.h), and its tier under a policy
   (survey/policy.h).

   The rows read are kept (their keys, counts and the figures the
   ranking and the policy need): memory grows with the cadres, not with
   the survey.  The output is in the order of the strata, then of the
   ranks, ties and unranked rows by key: never the order read.  */
#ifndef MINYI_RANKER_H
#define MINYI_RANKER_H

#include <stdbool.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "io/reader.h"
#include "survey/policy.h"
#include "survey/roster.h"

/* What to rank by.  */
enum mn_rank_by
{
  MN_RANK_POSTERIOR,    /* post_mean (minyi-adjust); the default */
  MN_RANK_RATE,         /* rate */
  MN_RANK_LO,           /* lo, the interval's lower bound */
  MN_RANK_STANDARDIZED, /* std_rate (minyi-score's standardisation) */
  MN_RANK_INDEX         /* index, the composite score */
};

/* Parse NAME ("posterior", "rate", ...) into *BY.  Returns 0, or -1.  */
int mn_rank_by_parse (const char *name, enum mn_rank_by *by);
/* The word of BY, and the score-table column it reads (static).  */
const char *mn_rank_by_name (enum mn_rank_by by);
const char *mn_rank_by_column (enum mn_rank_by by);

#define MN_RANK_MAX_TOP 8

struct mn_rank_opts
{
  enum mn_rank_by by;
  const char *within;           /* --within COLUMN, or NULL; borrowed */
  bool dense;                   /* --dense */
  unsigned long draws, seed;    /* --draws (0: no simulation), --seed */
  unsigned threads;             /* --threads (0: one per processor) */
  size_t ntop;                  /* --top: cut-offs */
  double top[MN_RANK_MAX_TOP];  /* each a count k, or a percentage */
  bool top_pct[MN_RANK_MAX_TOP];
  const struct mn_policy *policy;       /* borrowed, or NULL */
  /* --roster: the cadres' names, units, positions and townships join
     the rows on the key column CADRE_COLUMN; a roster cadre without a
     row in a stratum gets one, "no data"; a row's cadre absent from the
     roster is counted (mn_rank_summary) and kept.  */
  const struct mn_roster *roster;       /* borrowed, or NULL */
  const char *cadre_column;             /* borrowed; NULL: "cadre" */
};

struct mn_ranker;

/* A ranker with options O (copied; what it points to borrowed, must
   outlive the ranker).  Free with mn_ranker_free.  */
struct mn_ranker *mn_ranker_new (const struct mn_rank_opts *o);
void mn_ranker_free (struct mn_ranker *r);

/* Bind score table IN (borrowed): find the columns the ranking, the
   strata and the policy need; a later table must have the first's
   columns.  Returns 0, or -1 with E.  */
int mn_ranker_bind (struct mn_ranker *r, struct mn_input *in,
                    struct mn_error *e);

/* Add row REC (borrowed) of the table last bound, named FILE.  Returns
   0, or -1 with E (the row is not kept: a bad row, a key seen in an
   earlier table).  */
int mn_ranker_add (struct mn_ranker *r, const struct mn_record *rec,
                   const char *file, struct mn_error *e);

/* Rank, simulate and tier, once every row is in.  Returns 0, or -1
   with E.  */
int mn_ranker_finish (struct mn_ranker *r, struct mn_error *e);

/* Write the ranking to OUT (borrowed), numbers with DIGITS
   (mn_num_format).  After mn_ranker_finish.  */
void mn_ranker_write (const struct mn_ranker *r, int digits, FILE *out);

/* Write to OUT, in words, how the rows whose keys joined by ',' are KEY
   (borrowed) were ranked and tiered; in KEY, '\,' is a comma within a
   key and '\\' a backslash.  Returns the rows explained.  */
size_t mn_ranker_explain (const struct mn_ranker *r, const char *key,
                          int digits, FILE *out);

/* Counts for the program's messages and provenance.  */
struct mn_rank_summary
{
  size_t rows, ranked, strata;
  size_t eb, jeffreys;          /* rows drawn from each posterior */
  size_t insufficient;          /* rows tiered insufficient data */
  size_t no_data;               /* roster cadres without a row, added */
  size_t not_listed;            /* rows whose cadre the roster lacks */
};

/* The cadre of the I-th row without a roster entry (I < not_listed of
   the summary), for messages: its id (borrowed from R), or NULL.  */
const char *mn_ranker_not_listed (const struct mn_ranker *r, size_t i);
void mn_ranker_summary (const struct mn_ranker *r,
                        struct mn_rank_summary *s);

#endif

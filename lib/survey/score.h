/* score.h - per-group satisfaction rates, item means and the composite
   index: what minyi-score computes.

   Rows are added one at a time and folded into per-group accumulators,
   so memory grows with the number of groups, not of rows.  A row is
   first checked whole (keys present, every answer on its item's scale)
   and only then counted, so a rejected row contributes nothing.  */
#ifndef MINYI_SCORE_H
#define MINYI_SCORE_H

#include <stdbool.h>
#include <stdio.h>

#include "base/groups.h"
#include "survey/codebook.h"
#include "base/errinfo.h"
#include "io/input.h"
#include "stats/moments.h"
#include "base/na.h"
#include "stats/prop.h"
#include "stats/wstats.h"

struct mn_score_spec
{
  const struct mn_codebook *cb;  /* borrowed */
  size_t rate_item;              /* index in CB of the rated item */
  bool dk_unsatisfied;           /* count "don't know" as not satisfied */
  enum mn_ci_method method;
  double level;
  char **group;                  /* borrowed: NGROUP column specs of the
                                    group keys; not freed here */
  size_t ngroup;
  char **stratum;                /* borrowed: NSTRATUM column specs of
                                    --standardize-by, or NULL */
  size_t nstratum;
  const struct mn_na *na;        /* borrowed */
  const char *weight;            /* borrowed: column of survey weights,
                                    or NULL */
  /* Respondent-group weighting (民主测评): the column holding each
     respondent's group, and the fixed share of each group.  */
  const char *rgroup;            /* borrowed: column, or NULL: none */
  char **rgroup_name;            /* owned: NRGROUP names, freed by
                                    mn_score_spec_release */
  double *rgroup_share;          /* owned likewise; sum to 1 */
  size_t nrgroup;
  struct mn_groups *rgroup_index; /* owned likewise: name -> its number */
};

/* Parse "villager=0.6,group_leader=0.2,village_cadre=0.2" into SPEC's
   respondent groups (the caller frees them with mn_score_spec_release).
   ARG is borrowed; the names are copied.  Shares must be positive and
   sum to 1 (within 1e-9).  Returns 0, or -1 with E.  */
int mn_score_parse_rgroups (struct mn_score_spec *spec, const char *arg,
                            struct mn_error *e);
/* The same from a CSV file FP (borrowed, not closed) named NAME
   (borrowed, for messages) with columns "group" and "share", one row per
   group.  */
int mn_score_load_rgroups (struct mn_score_spec *spec, FILE *fp,
                           const char *name, struct mn_error *e);

/* Free SPEC's respondent groups (not SPEC, nor what it borrows).  */
void mn_score_spec_release (struct mn_score_spec *spec);

struct mn_scorer;

/* A scorer for SPEC (borrowed; it and all it points to must outlive the
   scorer).  The caller frees it with mn_scorer_free.  Returns NULL with E
   when the rated item has no satisfied answers.  */
struct mn_scorer *mn_scorer_new (const struct mn_score_spec *spec,
                                 struct mn_error *e);

/* Free S and everything it holds.  */
void mn_scorer_free (struct mn_scorer *s);

/* Find the group and item columns in IN's header (IN borrowed, not
   kept; the names needed are copied).  Call once per input
   before adding its rows.  Returns 0, or -1 with E.  */
int mn_scorer_bind (struct mn_scorer *s, const struct mn_input *in,
                    struct mn_error *e);

/* Add a sound record REC (borrowed, not kept) of the bound input named
   FILE.  Returns 0 when used; -1 when rejected, with E saying why (E's
   file is FILE, not copied).  */
int mn_scorer_add (struct mn_scorer *s, const struct mn_record *rec,
                   const char *file, struct mn_error *e);

/* For a byte range of IN read by another thread: a new scorer of S's
   spec, bound to IN (borrowed, not kept) as S is, and empty.  Returns
   NULL with E when IN cannot be bound, or when S standardizes (its
   strata cannot be merged).  Free it with mn_scorer_free, or fold it
   into S with mn_scorer_merge.  */
struct mn_scorer *mn_scorer_fork (const struct mn_scorer *s,
                                  const struct mn_input *in,
                                  struct mn_error *e);
/* Fold what PART (a fork of S) counted into S, exactly: as if S had
   scored PART's rows itself.  Returns 0, or -1 (S unchanged) when it
   cannot.  PART is left as it was.  */
int mn_scorer_merge (struct mn_scorer *s, const struct mn_scorer *part);

size_t mn_scorer_groups (const struct mn_scorer *s);

/* Records a fork reads before it is asked whether its groups are spread
   too thin for threads (mn_scorer_spread).  */
#define MN_SCORER_PROBE 65536

/* The rows a group must have in a range, on average, for the threads
   to pay: with fewer, every range holds most of the groups, and keeping
   and adding up their tables (beyond the cache) costs more than the
   threads save (bench/README.md: at 3 x 10^6 rows on 2 threads, 15 rows
   a group in a range is about even, 7.5 costs 7 %, 5 costs 44 %).  */
#define MN_SCORER_SPREAD_ROWS 8

/* True when S is a fork that has just scored its MN_SCORER_PROBE-th
   record, and the groups it met in them say that its whole range will
   have fewer than MN_SCORER_SPREAD_ROWS rows a group: the groups are
   estimated by the occupancy estimate (stats/occupancy.h), the range's
   records by the bytes the probe took.  Its range is better given up
   for one thread (minyi-score(1), Threads).  False at any other record,
   so asking after each costs a comparison.  */
bool mn_scorer_spread (const struct mn_scorer *s);

/* The strata of --standardize-by seen so far (0 without).  */
size_t mn_scorer_strata (const struct mn_scorer *s);

/* Write the score table (minyi-formats(5)), one row per group in byte
   order of the keys, to OUT (borrowed, not closed): numbers that read
   back exactly, or with DIGITS 1..17 that many significant digits; with
   PARTIAL the partial table instead (scoreacc.h).  Returns 0, or -1
   with E when no input was bound and the key names given to --group
   clash with the table's columns.  */
int mn_scorer_write (const struct mn_scorer *s, int digits, bool partial,
                     FILE *out, struct mn_error *e);

#endif

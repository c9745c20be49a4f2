/* check.h - row-by-row validation of survey exports: what minyi-check
   decides for each record, and what it learns on the way (counts per
   reason, file and township, coverage of each cadre's households,
   reliability of the item set, data collectors' uniformity).

   Memory grows with the cadres, households, waves, townships and
   collectors seen, and with the distinct (wave, household, cadre)
   triples of clean rows, not with the rows as such: duplicate detection
   interns wave, household and cadre ids as small integers and remembers
   each triple in a sixteen-byte slot; duplicates, rejected rows and
   other columns cost nothing.  */
#ifndef MINYI_CHECK_H
#define MINYI_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "survey/codebook.h"
#include "base/errinfo.h"
#include "io/input.h"
#include "base/na.h"
#include "base/stash.h"
#include "survey/roster.h"

struct mn_check_spec
{
  const struct mn_codebook *cb;     /* borrowed */
  const struct mn_roster *roster;   /* borrowed; NULL: no roster */
  const struct mn_na *na;           /* borrowed */
  /* Columns (names or 1-based numbers; borrowed, must outlive the checker).
     WAVE, CADRE and HOUSEHOLD are required; TOWNSHIP, VILLAGE, COLLECTOR and
     WEIGHT are used when the input has them, and must be there when their
     REQUIRE flag is set (the user named them: a misspelt name must not turn a
     check off).  */
  const char *wave, *cadre, *household;
  const char *township, *village, *collector, *weight;
  bool require_weight, require_collector, require_township,
       require_village;
  const char *const *alpha_items;   /* borrowed item ids; NULL: the
                                       numeric items */
  size_t nalpha;
  double min_coverage;              /* flag cadres below this rate */
  double level;                     /* for the alpha interval */
  double collector_p;               /* flag collectors below this p */
};

/* What a row was flagged for (not rejected).  */
enum
{
  MN_FLAG_STRAIGHT = 1              /* every Likert item the same extreme */
};

struct mn_checker;

/* A checker for SPEC (borrowed and kept: SPEC and all it points to must
   outlive the checker).  The caller frees it with mn_checker_free.
   Returns NULL with E when the spec is unusable (an alpha item not in the
   codebook...).  */
struct mn_checker *mn_checker_new (const struct mn_check_spec *spec,
                                   struct mn_error *e);

/* Free C and everything it holds.  */
void mn_checker_free (struct mn_checker *c);

/* Start input IN (borrowed: its name is copied; its encoding string is
   kept, so it must outlive C, as a static string or an option does).
   Returns 0, or -1 with E when its rows cannot be
   checked at all (a required column missing, a column name twice): the
   caller then rejects every record of IN with E's reason.  */
int mn_checker_begin (struct mn_checker *c, const struct mn_input *in,
                      struct mn_error *e);

/* A record's check comes in two stages, which may run on two threads
   (prog/pipe.h), the first a few hundred records ahead of the second.
   Each touches only its own part of the checker; the first hands the
   second what it found in a slot of mn_checker_slot_size bytes.  The
   first stage is mn_checker_prepare for each record; the second,
   mn_checker_judge for a batch of them (a few hundred), then
   mn_checker_finish for each of the batch in turn.

   mn_checker_prepare: the first stage of record REC of the current
   input IN (both borrowed, not kept).  When SOUND, check everything but
   duplicates: return 0 when it may be clean, -1 when it is rejected,
   with E (file, line, reason, message).  When not SOUND (rejected
   before, its structure, its file), just find its township, for the
   tallies.  What must outlive REC is kept in ST (borrowed, base/stash.h;
   a borrowing stash means the second stage follows at once on this
   thread).

   mn_checker_judge: the duplicate check of the N rows of SLOT
   (prepared, in the order of their input), those that STATUS (0: as
   mn_checker_prepare returned) says may be clean: their waves' and
   cadres' numbers and their keys' hashes, where the numbers were
   given before (no memory is taken but, once, room for the verdicts),
   kept for their mn_checker_finish, which looks each up in the set of
   rows seen.  A batch of rows at once, so that the memory of that set (far larger
   than the processor's cache with millions of rows) is asked for many
   rows ahead; the numbering and the look-ups, which may grow the
   tables, stay with each row's mn_checker_finish, so that memory
   exhausted there leaves the rows before it finished, as a row at a
   time.

   mn_checker_finish: the second stage of the record on LINE prepared in
   SLOT.  When REJECTED (by the first stage, or before it; E says why),
   count it; else, judged, the duplicate check: returns 0 when the row
   is clean (and sets *FLAGS: MN_FLAG_...), -1 when it is rejected,
   with E.  E's file is C's copy of the input's name, valid until
   mn_checker_free.  */
size_t mn_checker_slot_size (const struct mn_checker *c);
int mn_checker_prepare (struct mn_checker *c, const struct mn_input *in,
                        const struct mn_record *rec, bool sound, void *slot,
                        struct mn_stash *st, struct mn_error *e);
void mn_checker_judge (struct mn_checker *c, void *const *slot,
                       const int *status, size_t n);
int mn_checker_finish (struct mn_checker *c, unsigned long line, void *slot,
                       bool rejected, unsigned *flags, struct mn_error *e);

/* Note a flag raised on the current input's record at LINE.  */
void mn_checker_flagged (struct mn_checker *c, unsigned long line,
                         unsigned flags);

/* Write the report (minyi-formats(5), section "check report") to OUT
   (borrowed, not closed).  Returns 0, or -1 with E when the spool of flagged
   rows could not be written or read back.  */
int mn_checker_report (struct mn_checker *c, FILE *out, struct mn_error *e);

/* Headline figures for the summary on standard error.  */
struct mn_check_summary
{
  double alpha, alpha_lo, alpha_hi;
  unsigned long alpha_n, alpha_incomplete;
  size_t alpha_k;
  unsigned long low_coverage, no_response, straight_lined;
  size_t uniform_collectors;
};

/* Fill the caller's S.  */
void mn_checker_summary (struct mn_checker *c, struct mn_check_summary *s);

/* The clean rows of each wave, as "2026Q1 3085 rows, 2026Q2 3150 rows"
   in the caller's BUF (SIZE bytes, cut when longer).  Returns the number
   of waves.  */
size_t mn_checker_waves (const struct mn_checker *c, char *buf, size_t size);

#endif

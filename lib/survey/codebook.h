/* codebook.h - the survey's question items and how answers score.

   A codebook (minyi-formats(5)) has one row per item: the survey column
   it is in, a label, its scale, the answers that count as satisfied, the
   answers that mean "don't know", and its weight in the composite index.
   A scale is either a numeric range "1..5" (score (v-1)/(5-1)*100) or a
   list of answers with their 0-100 scores "满意=100|基本满意=60|不满意=0".  */
#ifndef MINYI_CODEBOOK_H
#define MINYI_CODEBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/reader.h"

enum mn_scale
{
  MN_SCALE_RANGE,   /* whole numbers LO..HI */
  MN_SCALE_LIST,    /* listed answers, each with a score */
  MN_SCALE_ANY      /* any answer; only satisfied or not (--item mode) */
};

/* One listed answer, or one token of a "satisfied" list: either a text
   or a numeric range (LO == HI for a single number).  */
struct mn_token
{
  char *text;           /* owned by the codebook */
  bool numeric;
  double lo, hi;
};

struct mn_choice
{
  char *text;       /* owned by the codebook */
  double score;     /* 0..100 */
  bool satisfied;
  bool numeric;     /* TEXT is a number, NUM: parsed once, at load */
  double num;
};

/* An answer, as mn_item_classify tells it.  */
enum mn_answer_kind
{
  MN_ANS_VALID,
  MN_ANS_DONTKNOW,
  MN_ANS_INVALID
};

struct mn_answer
{
  enum mn_answer_kind kind;
  bool satisfied;       /* MN_ANS_VALID */
  double score;         /* MN_ANS_VALID on a scored scale, else NaN */
  double x;             /* the answer as a finite number
                           (mn_parse_double), else NaN */
};

/* An item; its strings and arrays are owned by the codebook and freed by
   mn_codebook_release.  */
struct mn_item
{
  char *id, *column, *label;
  enum mn_scale scale;
  long lo, hi;                  /* MN_SCALE_RANGE */
  struct mn_choice *choice;     /* MN_SCALE_LIST */
  size_t nchoice;
  struct mn_token *sat;         /* RANGE and ANY: satisfied answers */
  size_t nsat;
  char **dk;                    /* answers meaning "don't know" */
  size_t ndk;
  double weight;                /* in the composite index, >= 0 */
  unsigned long line;           /* codebook line, for messages */
  /* The answers "0" to "9", most cells, classified once when the item
     is made: bit D of DIGIT_OK set when "D" is valid or "don't know",
     DIGIT[D] its answer (an invalid one, whose message names the cell,
     is classified each time).  */
  unsigned digit_ok;
  struct mn_answer digit[10];
};

struct mn_codebook
{
  struct mn_item *item;         /* owned: N items */
  size_t n;
  bool scored;                  /* every item has 0-100 scores */
};

/* Read a codebook from FP (borrowed, not closed) named NAME (borrowed,
   for messages) with reader options RO (borrowed; may be NULL).  Returns
   0, and the caller releases CB with mn_codebook_release; or -1 with E,
   and CB is left empty (nothing to release).  */
int mn_codebook_load (struct mn_codebook *cb, FILE *fp, const char *name,
                      const struct mn_reader_options *ro,
                      struct mn_error *e);

/* A one-item codebook for COLUMN: SATISFIED is '|'-separated answers or
   whole-number ranges A..B; DONTKNOW (may be NULL) '|'-separated answers,
   compared as text.  The strings are borrowed and copied.  Returns 0,
   and the caller releases CB with mn_codebook_release; or -1 with E, and
   CB is left empty (nothing to release).  */
int mn_codebook_single (struct mn_codebook *cb, const char *column,
                        const char *satisfied, const char *dontknow,
                        struct mn_error *e);

/* Free CB's items (not CB itself); CB is left empty.  */
void mn_codebook_release (struct mn_codebook *cb);

/* Index of the item with id ID (borrowed), or -1.  */
long mn_codebook_find (const struct mn_codebook *cb, const char *id);

/* An item named on the command line: the index of the item with id ID
   (borrowed), or -1 with E (reason MN_R_USAGE, naming FILE, kept, on no
   line; FILE may be NULL) saying there is none, and, when ID is the
   survey column of an item, which item's, whose name to give.  */
long mn_codebook_item (const struct mn_codebook *cb, const char *id,
                       const char *file, struct mn_error *e);

/* Describe IT's scale ("1..5", "满意|基本满意|不满意") into the caller's
   BUF of SIZE bytes.  */
void mn_item_describe (const struct mn_item *it, char *buf, size_t size);

/* Classify answer S (a non-missing cell; borrowed) to IT, into *A.  With
   MN_ANS_INVALID, E says why (reason MN_R_BAD_NUMBER for a non-number on a
   numeric range, MN_R_BAD_VALUE otherwise; no file or line).  */
enum mn_answer_kind mn_item_classify (const struct mn_item *it,
                                      const char *s, struct mn_answer *a,
                                      struct mn_error *e);

/* The composite index of one respondent: the weighted mean (item
   weights) of the 0-100 scores of the items answered (HAS[i] true and
   A[i] valid); NaN when none was.  A and HAS (borrowed) have CB->n
   entries.  */
double mn_codebook_composite (const struct mn_codebook *cb,
                              const struct mn_answer *a, const bool *has);

#endif

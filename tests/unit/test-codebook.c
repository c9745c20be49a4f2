/* test-codebook.c - unit tests of codebook loading and answer
   classification (lib/codebook.c).

   Expected scores follow the codebook's definition (codebook.h,
   minyi-formats(5)): on a range LO..HI an answer V scores
   (V-LO)/(HI-LO)*100, so on 1..5: 1 -> 0, 2 -> 25, 3 -> 50, 4 -> 75,
   5 -> 100; on a list, the score written beside the answer.  */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey/codebook.h"
#include "base/errinfo.h"
#include "tap.h"

#define HEADER "item,column,label,values,satisfied,dontknow,weight\n"

/* Load the codebook text S.  */
static int
load (const char *s, struct mn_codebook *cb, struct mn_error *e)
{
  FILE *fp = tmpfile ();
  if (!fp || fputs (s, fp) == EOF || fseek (fp, 0, SEEK_SET) != 0)
    {
      perror ("tmpfile");
      exit (99);
    }
  memset (e, 0, sizeof *e);
  int rc = mn_codebook_load (cb, fp, "cb.csv", NULL, e);
  fclose (fp);
  return rc;
}

/* Classify S; return "valid:SCORE:sat", "valid:SCORE:unsat",
   "dontknow" or "invalid" (SCORE "nan" when not scored).  */
static const char *
classify (const struct mn_item *it, const char *s, struct mn_error *e)
{
  static char buf[64];
  struct mn_answer a;
  memset (e, 0, sizeof *e);
  switch (mn_item_classify (it, s, &a, e))
    {
    case MN_ANS_VALID:
      if (isnan (a.score))
        snprintf (buf, sizeof buf, "valid:nan:%s",
                  a.satisfied ? "sat" : "unsat");
      else
        snprintf (buf, sizeof buf, "valid:%g:%s", a.score,
                  a.satisfied ? "sat" : "unsat");
      return buf;
    case MN_ANS_DONTKNOW:
      return "dontknow";
    case MN_ANS_INVALID:
      return "invalid";
    }
  return "?";
}

static const char good[] =
  HEADER
  "attitude, q2 ,服务态度,1..5,4..5,,\n"
  "overall,q1,总体满意度,满意=100|基本满意=60|不满意=0,满意|基本满意,"
  "不了解|说不清,2\n"
  "style,q3,工作作风,5=100|4=80|3=60|2=30|1=0,4|5,,0.5\n"
  "efficiency,q5,办事效率,5=100|4=80|3=60|2=30|1=0,4..5,9,1\n";

/* The answers "0" to "9", classified once when an item is made, give
   what the full path gives: the same digit behind a blank (trimmed
   there, so never read from the table), on every item of CB (a range,
   a list with digits as text, don't-know 9, a one-item codebook).  */
static void
test_digits (const struct mn_codebook *cb)
{
  int same = 1;
  for (size_t i = 0; i < cb->n; i++)
    for (int d = 0; d < 10; d++)
      {
        char s[2] = { (char) ('0' + d), '\0' }, t[3] = { ' ', s[0], '\0' };
        struct mn_error e;
        char a[64];
        snprintf (a, sizeof a, "%s", classify (&cb->item[i], s, &e));
        same &= strcmp (a, classify (&cb->item[i], t, &e)) == 0;
      }
  ok (same, "digits: the table's answers are the full path's");
}

static void
test_range (const struct mn_codebook *cb)
{
  struct mn_error e;
  const struct mn_item *it = &cb->item[0];
  streq (it->id, "attitude", "range: id");
  streq (it->column, "q2", "range: column name trimmed");
  streq (it->label, "服务态度", "range: label");
  ok (it->scale == MN_SCALE_RANGE && it->lo == 1 && it->hi == 5,
      "range: scale 1..5");
  ok (it->weight == 1, "range: empty weight defaults to 1");
  ok (it->line == 2, "range: codebook line 2");
  char d[64];
  mn_item_describe (it, d, sizeof d);
  streq (d, "1..5", "range: described as 1..5");

  streq (classify (it, "1", &e), "valid:0:unsat", "range: 1 scores 0");
  streq (classify (it, "2", &e), "valid:25:unsat", "range: 2 scores 25");
  streq (classify (it, "3", &e), "valid:50:unsat", "range: 3 scores 50");
  streq (classify (it, "4", &e), "valid:75:sat", "range: 4 scores 75, sat");
  streq (classify (it, "5", &e), "valid:100:sat",
         "range: 5 scores 100, satisfied");
  streq (classify (it, " 4\t", &e), "valid:75:sat",
         "range: blanks around the answer");
  streq (classify (it, "5.0", &e), "valid:100:sat",
         "range: 5.0 is the whole number 5");

  streq (classify (it, "7", &e), "invalid", "range: 7 is invalid");
  ok (e.reason == MN_R_BAD_VALUE && e.file == NULL && e.line == 0,
      "range: invalid answer: bad-value, no file or line");
  streq (e.msg, "answer '7' to item 'attitude' outside scale 1..5",
         "range: message for 7");
  streq (classify (it, "0", &e), "invalid", "range: 0 is invalid");
  streq (classify (it, "3.5", &e), "invalid", "range: 3.5 is invalid");
  streq (e.msg, "answer '3.5' to item 'attitude' is not a whole number "
                "on scale 1..5", "range: message for 3.5");
  streq (classify (it, "abc", &e), "invalid", "range: abc is invalid");
  ok (e.reason == MN_R_BAD_NUMBER,
      "range: a non-number is bad-number (codebook.h)");
  streq (e.msg, "answer 'abc' to item 'attitude' is not a number on scale "
                "1..5", "range: message for abc");
  streq (classify (it, "inf", &e), "invalid", "range: inf is invalid");
  streq (classify (it, "满意", &e), "invalid",
         "range: a text answer is invalid");
}

static void
test_list (const struct mn_codebook *cb)
{
  struct mn_error e;
  const struct mn_item *it = &cb->item[1];
  ok (it->scale == MN_SCALE_LIST && it->nchoice == 3, "list: three answers");
  ok (it->nchoice == 3 && strcmp (it->choice[1].text, "基本满意") == 0
        && it->choice[1].score == 60 && it->choice[1].satisfied
        && !it->choice[2].satisfied,
      "list: choices, scores and satisfied flags");
  ok (it->ndk == 2, "list: two don't-know answers");
  ok (it->weight == 2, "list: weight 2");
  char d[64];
  mn_item_describe (it, d, sizeof d);
  streq (d, "满意|基本满意|不满意", "list: described");

  streq (classify (it, "满意", &e), "valid:100:sat", "list: 满意 100, sat");
  streq (classify (it, "基本满意", &e), "valid:60:sat",
         "list: 基本满意 60, satisfied");
  streq (classify (it, "不满意", &e), "valid:0:unsat",
         "list: 不满意 0, not satisfied");
  streq (classify (it, " 基本满意 ", &e), "valid:60:sat",
         "list: blanks around the answer");
  streq (classify (it, "不了解", &e), "dontknow", "list: 不了解 don't know");
  streq (classify (it, "\t说不清 ", &e), "dontknow",
         "list: 说不清 with blanks, don't know");
  streq (classify (it, "很满意", &e), "invalid", "list: 很满意 invalid");
  ok (e.reason == MN_R_BAD_VALUE, "list: invalid answer is bad-value");
  streq (e.msg, "answer '很满意' to item 'overall' is not on its scale "
                "(满意|基本满意|不满意)", "list: message lists the scale");

  /* An answer longer than the classifier's stack buffer.  */
  char longans[400] = "";
  for (int i = 0; i < 40; i++)
    strcat (longans, "很满意");
  streq (classify (it, longans, &e), "invalid", "list: a long answer");
  ok (strstr (e.msg, longans) != NULL, "list: long answer in the message");

  const struct mn_item *five = &cb->item[2];
  ok (five->weight == 0.5, "five grades: weight 0.5");
  streq (classify (five, "5", &e), "valid:100:sat", "five grades: 5");
  streq (classify (five, "4", &e), "valid:80:sat", "five grades: 4");
  streq (classify (five, "3", &e), "valid:60:unsat", "five grades: 3");
  streq (classify (five, "2", &e), "valid:30:unsat", "five grades: 2");
  streq (classify (five, "1", &e), "valid:0:unsat", "five grades: 1");
  streq (classify (five, "5.0", &e), "valid:100:sat",
         "five grades: 5.0 matches 5 numerically");
  streq (classify (five, " 4 ", &e), "valid:80:sat",
         "five grades: blanks around 4");
  streq (classify (five, "6", &e), "invalid", "five grades: 6 invalid");
  streq (classify (five, "4.5", &e), "invalid", "five grades: 4.5 invalid");

  const struct mn_item *eff = &cb->item[3];
  streq (classify (eff, "4", &e), "valid:80:sat",
         "satisfied range 4..5 on a list marks 4");
  streq (classify (eff, "3", &e), "valid:60:unsat",
         "satisfied range 4..5 on a list leaves 3");
  streq (classify (eff, "9", &e), "dontknow", "numeric don't-know answer");
}

/* A codebook that must not load: returns the message, checks the
   reason and line.  */
static void
bad (const char *body, enum mn_reason why, unsigned long line,
     const char *msg, const char *name)
{
  struct mn_codebook cb;
  struct mn_error e;
  int rc = load (body, &cb, &e);
  char what[256];
  snprintf (what, sizeof what, "%s: -1, %s at line %lu", name,
            mn_reason_name (why), line);
  ok (rc == -1 && e.reason == why && e.line == line && cb.n == 0
        && cb.item == NULL, what);
  if (rc == -1 && (e.reason != why || e.line != line))
    printf ("# got %s at line %lu: %s\n", mn_reason_name (e.reason),
            e.line, e.msg);
  snprintf (what, sizeof what, "%s: message", name);
  streq (e.msg, msg, what);
  if (rc == 0)
    mn_codebook_release (&cb);
}

static void
test_errors (void)
{
  bad ("", MN_R_EMPTY_KEY, 1, "empty codebook", "empty codebook");
  bad (HEADER, MN_R_EMPTY_KEY, 2, "codebook has no items",
       "header only");
  bad ("item,column,label,satisfied\na,q1,x,4..5\n", MN_R_MISSING_COLUMN,
       1, "codebook has no column 'values'", "missing required column");
  bad (HEADER "a,q1,,1..5,4..5,,\nb,q2,,1..5,4..5,,\na,q3,,1..5,5,,\n",
       MN_R_BAD_VALUE, 4, "item 'a' is defined twice (first on line 2)",
       "duplicate item id");
  bad (HEADER "a,q1,,满意=100|不满意=0,很满意,,\n", MN_R_BAD_VALUE, 2,
       "satisfied answer '很满意' is not on the scale of item 'a' "
       "(满意|不满意)", "satisfied answer not on a list scale");
  bad (HEADER "a,q1,,1..5,6..7,,\n", MN_R_BAD_VALUE, 2,
       "satisfied answer '6..7' is not on the scale of item 'a' (1..5)",
       "satisfied range outside a range scale");
  bad (HEADER "a,q1,,1..5,满意,,\n", MN_R_BAD_VALUE, 2,
       "satisfied answer '满意' is not on the scale of item 'a' (1..5)",
       "satisfied text on a range scale");
  bad (HEADER "a,q1,,满意=100|不满意=0,满意,不满意,\n", MN_R_BAD_VALUE, 2,
       "don't-know answer '不满意' of item 'a' is also on its scale",
       "don't-know answer also on a list scale");
  bad (HEADER "a,q1,,1..5,4..5,3,\n", MN_R_BAD_VALUE, 2,
       "don't-know answer '3' of item 'a' is also on its scale",
       "don't-know answer also on a range scale");
  bad (HEADER "a,q1,,满意=120|不满意=0,满意,,\n", MN_R_BAD_VALUE, 2,
       "value '满意=120' of item 'a' is not ANSWER=SCORE with a score "
       "from 0 to 100", "score over 100");
  bad (HEADER "a,q1,,满意=100|不满意=-5,满意,,\n", MN_R_BAD_VALUE, 2,
       "value '不满意=-5' of item 'a' is not ANSWER=SCORE with a score "
       "from 0 to 100", "score below 0");
  bad (HEADER "a,q1,,满意=high|不满意=0,满意,,\n", MN_R_BAD_VALUE, 2,
       "value '满意=high' of item 'a' is not ANSWER=SCORE with a score "
       "from 0 to 100", "score not a number");
  bad (HEADER "a,q1,,3..3,3,,\n", MN_R_BAD_VALUE, 2,
       "scale '3..3' of item 'a' has a single value", "single-value range");
  bad (HEADER "a,q1,,1-5,4,,\n", MN_R_BAD_VALUE, 2,
       "values '1-5' of item 'a' are neither a range such as 1..5 nor a "
       "list such as 满意=100|基本满意=60|不满意=0", "values not a scale");
  bad (HEADER "a,q1,,满意=100|满意=0,满意,,\n", MN_R_BAD_VALUE, 2,
       "answer '满意' listed twice in item 'a'", "answer listed twice");
  bad (HEADER "a,q1,,1..5,4..5,,-1\n", MN_R_BAD_NUMBER, 2,
       "weight '-1' of item 'a' is not a number >= 0", "negative weight");
  bad (HEADER "a,q1,,1..5,4..5,,nan\n", MN_R_BAD_NUMBER, 2,
       "weight 'nan' of item 'a' is not a number >= 0", "weight nan");
  bad (HEADER ",q1,,1..5,4..5,,\n", MN_R_EMPTY_KEY, 2, "empty item id",
       "empty item id");
  bad (HEADER "a, ,,1..5,4..5,,\n", MN_R_EMPTY_KEY, 2,
       "item 'a' names no column", "blank column name");
  bad (HEADER "a,q1,,1..5,4..5\n", MN_R_RAGGED, 2,
       "5 fields where the header has 7", "ragged row");
  bad (HEADER "a,q1,\"x,1..5,4..5,,\n", MN_R_QUOTE, 2,
       "field 3 opens a quote that is never closed", "unterminated quote");
  bad (HEADER "a,q1,\xff,1..5,4..5,,\n", MN_R_ENCODING, 2,
       "field 3 is not valid UTF-8 (or holds a NUL byte)", "invalid UTF-8");
  bad (HEADER "a,q1,x\"y,1..5,4..5,,\n", MN_R_BAD_QUOTE, 2,
       "field 3 has a quote that is neither doubled nor closing the field",
       "stray quote");
  bad ("item,column,values,values\na,q1,1..5,1..3\n", MN_R_DUP_COLUMN, 1,
       "column 'values' appears twice in the header",
       "a column named twice");
}

/* Columns in any order, extra columns ignored, optional columns
   missing, a byte-order mark and CRLF line ends.  */
static void
test_layout (void)
{
  struct mn_codebook cb;
  struct mn_error e;
  int rc = load ("\xEF\xBB\xBF" "note,values,column,item\r\n"
                 "x,1..7,q9,a\r\n"
                 "y,\"是=100|否=0\",q8,b\r\n", &cb, &e);
  ok (rc == 0, "layout: BOM, CRLF, reordered and extra columns load");
  if (rc != 0)
    {
      printf ("# %s:%lu: %s\n", e.file, e.line, e.msg);
      return;
    }
  ok (cb.n == 2 && strcmp (cb.item[0].id, "a") == 0
        && strcmp (cb.item[0].column, "q9") == 0
        && cb.item[0].scale == MN_SCALE_RANGE && cb.item[0].hi == 7,
      "layout: item a on q9, scale 1..7");
  ok (cb.n == 2 && cb.item[1].line == 3 && cb.item[1].nchoice == 2
        && cb.item[1].nsat == 0 && cb.item[1].ndk == 0
        && cb.item[1].weight == 1 && strcmp (cb.item[1].label, "") == 0,
      "layout: item b, no satisfied, don't-know or label");
  struct mn_answer a;
  ok (cb.n == 2 && mn_item_classify (&cb.item[0], "7", &a, &e)
                     == MN_ANS_VALID
        && a.score == 100 && !a.satisfied,
      "layout: 7 on 1..7 scores 100, no satisfied answers");
  mn_codebook_release (&cb);
}

static void
test_single (void)
{
  struct mn_codebook cb;
  struct mn_error e;
  int rc = mn_codebook_single (&cb, "q1", "满意|基本满意|4..5", "不了解|9",
                               &e);
  ok (rc == 0, "single: loads");
  if (rc != 0)
    return;
  const struct mn_item *it = &cb.item[0];
  ok (cb.n == 1 && !cb.scored, "single: one item, not scored");
  ok (it->scale == MN_SCALE_ANY && it->nsat == 3 && it->weight == 1,
      "single: MN_SCALE_ANY, three satisfied tokens, weight 1");
  streq (it->id, "q1", "single: id is the column");
  streq (it->column, "q1", "single: column");
  char d[64];
  mn_item_describe (it, d, sizeof d);
  streq (d, "any answer", "single: described");
  streq (classify (it, "满意", &e), "valid:nan:sat", "single: 满意 sat");
  streq (classify (it, " 基本满意", &e), "valid:nan:sat",
         "single: 基本满意 with a blank, sat");
  streq (classify (it, "不满意", &e), "valid:nan:unsat",
         "single: 不满意 valid, not satisfied");
  streq (classify (it, "4", &e), "valid:nan:sat", "single: 4 in 4..5");
  streq (classify (it, "5", &e), "valid:nan:sat", "single: 5 in 4..5");
  streq (classify (it, "3", &e), "valid:nan:unsat", "single: 3 not in 4..5");
  streq (classify (it, "whatever", &e), "valid:nan:unsat",
         "single: any other answer is valid, not satisfied");
  streq (classify (it, "不了解", &e), "dontknow", "single: don't know");
  streq (classify (it, " 9 ", &e), "dontknow",
         "single: don't-know answer 9 with blanks");
  streq (classify (it, "10", &e), "valid:nan:unsat",
         "single: 10 is not a don't-know answer");
  mn_codebook_release (&cb);
  ok (cb.n == 0 && cb.item == NULL, "single: released");

  rc = mn_codebook_single (&cb, "q1", "是", NULL, &e);
  ok (rc == 0 && cb.item[0].ndk == 0, "single: no don't-know answers");
  if (rc == 0)
    {
      streq (classify (&cb.item[0], "是", &e), "valid:nan:sat",
             "single: 是 satisfied");
      mn_codebook_release (&cb);
    }

  memset (&e, 0, sizeof e);
  rc = mn_codebook_single (&cb, "q1", "  ", NULL, &e);
  ok (rc == -1 && e.reason == MN_R_USAGE && cb.item == NULL,
      "single: no satisfied answers is a usage error");
  streq (e.msg, "--satisfied lists no answers",
         "single: message for no satisfied answers");

  /* A list with a hole in it is a slip, not a shorter list.  */
  memset (&e, 0, sizeof e);
  rc = mn_codebook_single (&cb, "q1", " | ", NULL, &e);
  ok (rc == -1 && cb.item == NULL,
      "single: empty answers between bars are refused");
  streq (e.msg, "satisfied answers ' | ' of item 'q1' hold an empty answer",
         "single: message for an empty answer");
  memset (&e, 0, sizeof e);
  rc = mn_codebook_single (&cb, "q1", "4..5|0", "9", &e);
  if (rc == 0)
    {
      test_digits (&cb);
      mn_codebook_release (&cb);
    }
  rc = mn_codebook_single (&cb, "q1", "满意", "不了解||说不清", &e);
  ok (rc == -1 && cb.item == NULL,
      "single: an empty don't-know answer is refused");
}

int
main (void)
{
  struct mn_codebook cb;
  struct mn_error e;
  int rc = load (good, &cb, &e);
  ok (rc == 0, "good codebook loads");
  if (rc != 0)
    {
      printf ("# %s:%lu: %s\n", e.file, e.line, e.msg);
      return tap_done ();
    }
  ok (cb.n == 4 && cb.scored, "four items, scored");
  ok (mn_codebook_find (&cb, "style") == 2, "find item 'style'");
  ok (mn_codebook_find (&cb, "nothing") == -1, "find missing item");
  ok (mn_codebook_find (&cb, "Style") == -1, "item ids are case-sensitive");
  test_range (&cb);
  test_list (&cb);
  test_digits (&cb);
  mn_codebook_release (&cb);
  ok (cb.n == 0 && cb.item == NULL, "codebook released");
  test_errors ();
  test_layout ();
  test_single ();
  return tap_done ();
}

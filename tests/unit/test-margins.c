/* test-margins.c - unit tests of the margins file reader (lib/margins.c).

   Expectations follow lib/margins.h and minyi-formats(5).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey/margins.h"
#include "tap.h"

static int
load (struct mn_margins *m, const char *text,
      const struct mn_reader_options *ro, struct mn_error *e)
{
  memset (e, 0, sizeof *e);
  FILE *fp = fmemopen ((void *) text, strlen (text), "r");
  if (!fp)
    {
      perror ("fmemopen");
      exit (2);
    }
  int rc = mn_margins_load (m, fp, "m.csv", ro, e);
  fclose (fp);
  return rc;
}

/* A margins file that must fail with REASON on LINE, the message
   containing FRAG, and M left empty.  */
static void
fails (const char *text, enum mn_reason reason, unsigned long line,
       const char *frag, const char *what)
{
  struct mn_margins m;
  struct mn_error e;
  char name[256];
  int rc = load (&m, text, NULL, &e);
  snprintf (name, sizeof name, "%s: fails", what);
  ok (rc == -1, name);
  snprintf (name, sizeof name, "%s: reason %s", what,
            mn_reason_name (reason));
  tap_report (e.reason == reason, name, "got %s (%s)",
              mn_reason_name (e.reason), e.msg);
  snprintf (name, sizeof name, "%s: line %lu", what, line);
  tap_report (e.line == line, name, "got line %lu (%s)", e.line, e.msg);
  snprintf (name, sizeof name, "%s: file named", what);
  streq (e.file, "m.csv", name);
  snprintf (name, sizeof name, "%s: message says '%s'", what, frag);
  tap_report (strstr (e.msg, frag) != NULL, name, "got '%s'", e.msg);
  snprintf (name, sizeof name, "%s: margins left empty", what);
  ok (m.nvar == 0 && m.var == NULL, name);
  if (rc == 0)
    mn_margins_release (&m);
}

/* mn_margins_find on the NUL-free parts PARTS[0..N-1].  */
static long
find (const struct mn_margin_var *v, size_t n, const char *const *parts)
{
  size_t len[8];
  for (size_t i = 0; i < n; i++)
    len[i] = strlen (parts[i]);
  return mn_margins_find (v, parts, len);
}

static void
test_good (void)
{
  struct mn_margins m;
  struct mn_error e;
  /* Columns in another order, header names in another case, blanks,
     a joined variable, variables interleaved.  */
  const char *text =
    "Population,Variable,Category\n"
    "120,sex,male\n"
    "130.5, township * type ,城关镇*villager\n"
    "80,sex, female \n"
    "1e2, township * type,城关镇 * cadre\n"
    "40,township * type ,河口乡*villager\n"
    "7,age,\"18-29\"\n";
  int rc = load (&m, text, NULL, &e);
  tap_report (rc == 0, "margins load", "rc %d: %s", rc, e.msg);
  if (rc != 0)
    return;
  ok (m.nvar == 3, "three variables");
  const struct mn_margin_var *sex = &m.var[0], *tt = &m.var[1],
    *age = &m.var[2];
  streq (sex->name, "sex", "variables in order of first row: sex");
  streq (tt->name, "township * type", "joined variable name as written, "
         "trimmed");
  streq (age->name, "age", "then age");
  ok (sex->nparts == 1, "sex has one part");
  streq (sex->part[0], "sex", "sex's part");
  ok (tt->nparts == 2, "township*type has two parts");
  streq (tt->part[0], "township", "part 1 trimmed");
  streq (tt->part[1], "type", "part 2 trimmed");
  ok (sex->ncat == 2, "sex has two categories");
  streq (sex->cat[0], "male", "categories in row order");
  streq (sex->cat[1], "female", "category trimmed");
  near (sex->pop[0], 120, 0, "population of male");
  near (sex->pop[1], 80, 0, "population of female");
  ok (sex->line[0] == 2 && sex->line[1] == 4, "lines of sex's rows");
  ok (tt->ncat == 3, "township*type has three categories");
  streq (tt->cat[0], "城关镇*villager", "joined category as written");
  streq (tt->cat[1], "城关镇 * cadre", "joined category trimmed outside");
  near (tt->pop[0], 130.5, 0, "fractional population");
  near (tt->pop[1], 100, 0, "population in exponent notation");
  ok (tt->line[0] == 3 && tt->line[1] == 5 && tt->line[2] == 6,
      "lines of township*type's rows");
  near (age->pop[0], 7, 0, "quoted category");

  const char *p1[] = { "female" };
  ok (find (sex, 1, p1) == 1, "find female");
  const char *p2[] = { "  male\t" };
  ok (find (sex, 1, p2) == 0, "find trims blanks and tabs");
  const char *p3[] = { "Male" };
  ok (find (sex, 1, p3) == -1, "find is case-sensitive");
  const char *p4[] = { "mal" };
  ok (find (sex, 1, p4) == -1, "find a prefix: -1");
  const char *p5[] = { "" };
  ok (find (sex, 1, p5) == -1, "find empty: -1");
  const char *q1[] = { "城关镇", "cadre" };
  ok (find (tt, 2, q1) == 1, "find a joined category");
  const char *q2[] = { " 河口乡 ", "villager " };
  ok (find (tt, 2, q2) == 2, "find a joined category, parts trimmed");
  const char *q3[] = { "河口乡", "cadre" };
  ok (find (tt, 2, q3) == -1, "a cell with no population: -1");
  const char *q4[] = { "城关镇villager", "" };
  ok (find (tt, 2, q4) == -1, "parts are not just concatenated");
  const char *q5[] = { "18-29" };
  ok (find (age, 1, q5) == 0, "find age");
  /* Only LEN bytes are compared.  */
  const char *r1[] = { "femalexx" };
  size_t l1[] = { 6 };
  ok (mn_margins_find (sex, r1, l1) == 1, "find reads LEN bytes only");
  /* A long value goes past find's stack buffer.  */
  char big[600];
  memset (big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  const char *q6[] = { big, "villager" };
  ok (find (tt, 2, q6) == -1, "find a 600-byte value: -1");
  mn_margins_release (&m);
  ok (m.nvar == 0 && m.var == NULL, "release empties the margins");
}

static void
test_options (void)
{
  struct mn_margins m;
  struct mn_error e;
  struct mn_reader_options ro = { 0 };
  ro.delim = ';';
  int rc = load (&m, "variable;category;population\nA;1;3,5\n", &ro, &e);
  tap_report (rc == -1 && e.reason == MN_R_BAD_NUMBER,
              "reader options: ';' delimiter, '3,5' is no number",
              "rc %d: %s", rc, e.msg);
  if (rc == 0)
    mn_margins_release (&m);
  rc = load (&m, "variable;category;population\nA;1;3.5\n", &ro, &e);
  tap_report (rc == 0 && m.nvar == 1 && m.var[0].pop[0] == 3.5,
              "reader options: ';' delimiter", "rc %d: %s", rc, e.msg);
  if (rc == 0)
    mn_margins_release (&m);
  /* A byte-order mark and CRLF.  */
  rc = load (&m, "\xEF\xBB\xBFvariable,category,population\r\nA,1,2\r\n",
             NULL, &e);
  tap_report (rc == 0 && m.nvar == 1 && m.var[0].ncat == 1,
              "BOM and CRLF", "rc %d: %s", rc, e.msg);
  if (rc == 0)
    mn_margins_release (&m);
  /* An extra column is allowed.  */
  rc = load (&m, "note,variable,category,population\nx,A,1,2\n", NULL, &e);
  tap_report (rc == 0 && m.nvar == 1, "an extra column is ignored",
              "rc %d: %s", rc, e.msg);
  if (rc == 0)
    mn_margins_release (&m);
}

int
main (void)
{
  test_good ();
  test_options ();
  fails ("", MN_R_EMPTY_KEY, 1, "empty margins file", "empty file");
  fails ("variable,population\nA,1\n", MN_R_MISSING_COLUMN, 1, "category",
         "no category column");
  fails ("variable,category,pop\nA,1,2\n", MN_R_MISSING_COLUMN, 1,
         "population", "no population column");
  fails ("category,population\n1,2\n", MN_R_MISSING_COLUMN, 1, "variable",
         "no variable column");
  fails ("variable,category,population\nA,1,2\nA,2\n", MN_R_RAGGED, 3,
         "2 fields where the header has 3", "short row");
  fails ("variable,category,population\nA,1,2\nA,2,3,4\n", MN_R_RAGGED, 3,
         "4 fields", "long row");
  fails ("variable,category,population\nA,1,2\nA,\"2,3\n", MN_R_QUOTE, 3,
         "never closed", "unterminated quote");
  fails ("variable,category,population\nA,1,2\nA,\xff,3\n", MN_R_ENCODING,
         3, "field 2", "invalid UTF-8");
  fails ("variable,category,population\nA,1,2\n ,1,3\n", MN_R_EMPTY_KEY, 3,
         "empty variable", "empty variable");
  fails ("variable,category,population\nA*,1*2,3\n", MN_R_EMPTY_KEY, 2,
         "empty column", "variable with an empty part");
  fails ("variable,category,population\nA,1,2\nA,  ,3\n", MN_R_EMPTY_KEY, 3,
         "empty category", "empty category");
  fails ("variable,category,population\nA*B,1*1,2\nA*B,1* ,3\n",
         MN_R_EMPTY_KEY, 3, "empty category part", "empty category part");
  fails ("variable,category,population\nA*B,1*1,2\nA*B,2,3\n",
         MN_R_BAD_VALUE, 3, "has 1 '*'-joined part, not 2",
         "too few parts");
  fails ("variable,category,population\nA,1,2\nA,1*2,3\n", MN_R_BAD_VALUE,
         3, "has 2 '*'-joined parts, not 1", "too many parts");
  fails ("variable,category,population\nA,1,2\nA,2,many\n",
         MN_R_BAD_NUMBER, 3, "population 'many'", "population not a number");
  fails ("variable,category,population\nA,1,2\nA,2,\n", MN_R_BAD_NUMBER, 3,
         "is not a number", "empty population");
  fails ("variable,category,population\nA,1,0\n", MN_R_BAD_VALUE, 2,
         "not positive", "zero population");
  fails ("variable,category,population\nA,1,-5\n", MN_R_BAD_VALUE, 2,
         "not positive", "negative population");
  {
    /* Not finite: either wording will do, but it must fail on line 2.  */
    struct mn_margins m;
    struct mn_error e;
    int rc = load (&m, "variable,category,population\nA,1,inf\n", NULL, &e);
    tap_report (rc == -1 && e.line == 2, "infinite population fails",
                "rc %d line %lu: %s", rc, e.line, e.msg);
    if (rc == 0)
      mn_margins_release (&m);
    rc = load (&m, "variable,category,population\nA,1,nan\n", NULL, &e);
    tap_report (rc == -1 && e.line == 2, "NaN population fails",
                "rc %d line %lu: %s", rc, e.line, e.msg);
    if (rc == 0)
      mn_margins_release (&m);
  }
  fails ("variable,category,population\nA,1,2\nB,1,2\nA, 1 ,3\n",
         MN_R_DUPLICATE, 4, "given twice (first on line 2)",
         "duplicate category, trimmed");
  fails ("variable,category,population\nA*B,1*2,2\nA*B,1 * 2,3\n",
         MN_R_DUPLICATE, 3, "(first on line 2)",
         "duplicate joined category");
  {
    /* No rows: the message says so (no line to name beyond the
       header).  */
    struct mn_margins m;
    struct mn_error e;
    int rc = load (&m, "variable,category,population\n", NULL, &e);
    ok (rc == -1, "header only: fails");
    tap_report (strstr (e.msg, "no population rows") != NULL,
                "header only: says no population rows", "got '%s'", e.msg);
    ok (e.line <= 1, "header only: no line past the header");
    ok (m.nvar == 0 && m.var == NULL, "header only: margins left empty");
  }
  /* A joined variable spelt with different blanks is one variable, as
     its categories are one category.  */
  {
    struct mn_margins m;
    struct mn_error e;
    ok (load (&m, "variable,category,population\nA*B,1*1,10\n"
                  "A * B,1*2,20\n", NULL, &e) == 0
        && m.nvar == 1 && m.var[0].ncat == 2,
        "'A*B' and 'A * B' are the same variable");
    mn_margins_release (&m);
  }
  return tap_done ();
}

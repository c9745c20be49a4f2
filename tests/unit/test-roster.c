/* test-roster.c - unit tests of the cadre roster (lib/roster.c).

   Rosters are built in memory with fmemopen(3); the expectations follow
   the contract in lib/roster.h and minyi-formats(5).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey/roster.h"
#include "tap.h"

/* Load TEXT as a roster named "r.csv".  Returns what mn_roster_load
   returns.  */
static int
load (struct mn_roster *r, const char *text, struct mn_error *e)
{
  memset (e, 0, sizeof *e);
  FILE *fp = fmemopen ((void *) text, strlen (text), "r");
  if (!fp)
    {
      perror ("fmemopen");
      exit (2);
    }
  int rc = mn_roster_load (r, fp, "r.csv", NULL, e);
  fclose (fp);
  return rc;
}

/* A roster that must fail: check the status, the reason, the line and a
   fragment of the message.  */
static void
fails (const char *text, enum mn_reason reason, unsigned long line,
       const char *frag, const char *what)
{
  struct mn_roster r;
  struct mn_error e;
  char name[256];
  int rc = load (&r, text, &e);
  snprintf (name, sizeof name, "%s: fails", what);
  ok (rc == -1, name);
  snprintf (name, sizeof name, "%s: reason %s", what,
            mn_reason_name (reason));
  tap_report (e.reason == reason, name, "got %s (%s)",
              mn_reason_name (e.reason), e.msg);
  snprintf (name, sizeof name, "%s: line %lu", what, line);
  tap_report (e.line == line, name, "got line %lu (%s)", e.line, e.msg);
  snprintf (name, sizeof name, "%s: file named", what);
  streq (e.file, "r.csv", name);
  snprintf (name, sizeof name, "%s: message says '%s'", what, frag);
  tap_report (strstr (e.msg, frag) != NULL, name, "got '%s'", e.msg);
  snprintf (name, sizeof name, "%s: roster left empty", what);
  ok (r.n == 0 && r.cadre == NULL && r.index == NULL, name);
}

static void
test_full (void)
{
  struct mn_roster r;
  struct mn_error e;
  /* Columns in an unusual order, blanks around values, quoted fields.  */
  const char *text =
    "households,villages,name,cadre,township,unit,position\n"
    "12,东村|西村 | 南村,王芳,C001,城关镇,民政办,主任\n"
    " 0 ,,\"Li, Wei\", C002 ,城关镇,,\n"
    ",|,张三,C003,河口乡,党政办,\"副\"\"主任\"\"\"\n";
  int rc = load (&r, text, &e);
  tap_report (rc == 0, "full roster loads", "rc %d: %s", rc, e.msg);
  if (rc != 0)
    return;
  ok (r.n == 3, "three cadres");
  const struct mn_cadre *c = &r.cadre[0];
  streq (c->id, "C001", "first cadre id, in file order");
  streq (c->name, "王芳", "name");
  streq (c->unit, "民政办", "unit");
  streq (c->position, "主任", "position");
  streq (c->township, "城关镇", "township");
  ok (c->households == 12, "households 12");
  ok (c->line == 2, "first cadre on line 2");
  ok (c->nvillage == 3, "three villages split at '|'");
  if (c->nvillage == 3)
    {
      streq (c->village[0], "东村", "village 1");
      streq (c->village[1], "西村", "village 2 trimmed");
      streq (c->village[2], "南村", "village 3 trimmed");
    }
  c = &r.cadre[1];
  streq (c->id, "C002", "id trimmed");
  streq (c->name, "Li, Wei", "quoted name with a comma");
  streq (c->unit, "", "empty unit is an empty string");
  ok (c->households == 0, "households ' 0 ' is 0");
  ok (c->nvillage == 0, "empty villages: none listed");
  ok (c->line == 3, "second cadre on line 3");
  c = &r.cadre[2];
  ok (c->households == -1, "empty households is -1");
  ok (c->nvillage == 0, "villages '|' lists none");
  streq (c->position, "副\"主任\"", "doubled quotes undone");

  /* mn_roster_find.  */
  const struct mn_cadre *f = mn_roster_find (&r, "C002", 4);
  ok (f == &r.cadre[1], "find C002");
  f = mn_roster_find (&r, "C003xyz", 4);
  ok (f == &r.cadre[2], "find uses LEN bytes only");
  ok (mn_roster_find (&r, "C00", 3) == NULL, "find a prefix: NULL");
  ok (mn_roster_find (&r, "C0011", 5) == NULL, "find a longer id: NULL");
  ok (mn_roster_find (&r, "c001", 4) == NULL, "find is case-sensitive");
  ok (mn_roster_find (&r, "", 0) == NULL, "find empty id: NULL");

  /* mn_cadre_serves.  */
  c = &r.cadre[0];
  ok (mn_cadre_serves (c, "东村", strlen ("东村")), "serves a listed village");
  ok (mn_cadre_serves (c, "南村", strlen ("南村")),
      "serves the last listed village");
  ok (!mn_cadre_serves (c, "北村", strlen ("北村")),
      "does not serve an unlisted village");
  ok (!mn_cadre_serves (c, "东", strlen ("东")),
      "a prefix of a village is not it");
  ok (!mn_cadre_serves (c, "东村村", strlen ("东村村")),
      "a longer name is not it");
  ok (mn_cadre_serves (c, "西村xyz", strlen ("西村")),
      "serves compares LEN bytes only");
  ok (!mn_cadre_serves (c, "", 0), "empty village not served when listed");
  ok (mn_cadre_serves (&r.cadre[1], "北村", strlen ("北村")),
      "no villages listed: serves any village");
  ok (mn_cadre_serves (&r.cadre[1], "", 0),
      "no villages listed: serves even an empty one");
  mn_roster_release (&r);
  ok (r.n == 0 && r.cadre == NULL, "release empties the roster");
}

static void
test_minimal (void)
{
  struct mn_roster r;
  struct mn_error e;
  /* Only the required column; no final newline; CRLF.  */
  int rc = load (&r, "cadre\r\nA\r\nB", &e);
  tap_report (rc == 0, "cadre-only roster loads", "rc %d: %s", rc, e.msg);
  if (rc != 0)
    return;
  ok (r.n == 2, "two cadres");
  streq (r.cadre[1].id, "B", "last row without newline");
  streq (r.cadre[0].name, "", "no name column: empty name");
  streq (r.cadre[0].township, "", "no township column: empty township");
  ok (r.cadre[0].households == -1, "no households column: -1");
  ok (r.cadre[0].nvillage == 0, "no villages column: none");
  ok (mn_cadre_serves (&r.cadre[0], "x", 1), "unrestricted cadre serves");
  ok (mn_roster_find (&r, "B", 1) == &r.cadre[1], "find B");
  mn_roster_release (&r);

  /* A header only: a roster of no cadres is not an error here.  */
  rc = load (&r, "cadre,name\n", &e);
  tap_report (rc == 0 && r.n == 0, "header-only roster: no cadres",
              "rc %d n %zu: %s", rc, r.n, e.msg);
  if (rc == 0)
    mn_roster_release (&r);
}

int
main (void)
{
  test_full ();
  test_minimal ();
  fails ("", MN_R_USAGE, 1, "empty roster", "empty roster");
  fails ("name,unit\nWang,x\n", MN_R_USAGE, 1, "no column 'cadre'",
         "no cadre column");
  fails ("Cadre,name\nA,x\n", MN_R_USAGE, 1, "no column 'cadre'",
         "column name matched exactly");
  fails ("cadre,name\nA,x\nB\n", MN_R_RAGGED, 3, "1 fields", "short row");
  fails ("cadre,name\nA,x,y\n", MN_R_RAGGED, 2, "3 fields", "long row");
  fails ("cadre,name\nA,\"x\n", MN_R_QUOTE, 2, "never closed",
         "unterminated quote");
  fails ("cadre,cadre\nA,B\n", MN_R_DUP_COLUMN, 1, "appears twice",
         "a column named twice");
  fails ("cadre,name\nA,x\n  ,y\n", MN_R_EMPTY_KEY, 3, "empty cadre id",
         "blank id");
  fails ("name,cadre\nx,\n", MN_R_EMPTY_KEY, 2, "empty cadre id",
         "empty id");
  fails ("cadre,households\nA,3\nB,-1\n", MN_R_BAD_NUMBER, 3,
         "households '-1' of cadre 'B'", "negative households");
  fails ("cadre,households\nA,2.5\n", MN_R_BAD_NUMBER, 2,
         "not a whole number >= 0", "fractional households");
  fails ("cadre,households\nA,12x\n", MN_R_BAD_NUMBER, 2,
         "households '12x'", "households with junk");
  fails ("cadre,households\nA,many\n", MN_R_BAD_NUMBER, 2,
         "not a whole number", "households not a number");
  fails ("cadre,name\nA,x\nB,y\nC,z\nA,w\n", MN_R_BAD_VALUE, 5,
         "cadre 'A' is listed twice (first on line 2)", "duplicate id");
  fails ("cadre,name\n\"A\n1\",x\nB,y\n A\n1 ,z\n", MN_R_RAGGED, 5,
         "fields", "multi-line quoted id then a ragged row");
  fails ("cadre,name\n\"A\n1\",x\nB,y\n\" A\n1 \",z\n", MN_R_BAD_VALUE, 5,
         "(first on line 2)", "duplicate multi-line id names first line");
  return tap_done ();
}

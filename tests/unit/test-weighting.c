/* test-weighting.c - unit tests of weighting classes (lib/weighting.c).

   A small survey checks how rows fold into classes and which rows are
   rejected; then the Kalton & Flores-Cervantes example checks the whole
   path from a survey file and a margins file to raking weights:

     Kalton G, Flores-Cervantes I (2003).  Weighting methods.  J Official
       Statistics 19:81-97, the raking example (weights by cell of a
       4 x 3 table, two decimals).

   tests/data/weight-kalton.csv holds its sample (1000 rows, columns A
   and B; cells of A = 1..4 within B = 1..3 with 20, 50, 100, 30 | 40,
   140, 50, 100 | 40, 310, 50, 70 rows) and weight-kalton-rake.csv the
   margins of its population (80, 60, 170, 55 | 40, 150, 60, 165 | 55,
   340, 200, 125).  The tests run from the top of the tree.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/input.h"
#include "survey/margins.h"
#include "base/na.h"
#include "stats/rake.h"
#include "tap.h"
#include "survey/weighting.h"

static char dir[] = "/tmp/minyi-test-weighting.XXXXXX";
static char *made[8];
static size_t nmade;

/* Write TEXT to a new file NAME in the test directory; returns its
   path.  */
static const char *
write_file (const char *name, const char *text)
{
  size_t n = strlen (dir) + strlen (name) + 2;
  char *path = malloc (n);
  snprintf (path, n, "%s/%s", dir, name);
  FILE *fp = fopen (path, "w");
  if (!fp || fputs (text, fp) < 0 || fclose (fp) != 0)
    {
      perror (path);
      exit (2);
    }
  made[nmade++] = path;
  return path;
}

static void
cleanup (void)
{
  for (size_t i = 0; i < nmade; i++)
    {
      unlink (made[i]);
      free (made[i]);
    }
  rmdir (dir);
}

/* Margins from TEXT through a tmpfile(3).  */
static int
margins_from (struct mn_margins *m, const char *text, struct mn_error *e)
{
  FILE *fp = tmpfile ();
  if (!fp || fputs (text, fp) < 0)
    {
      perror ("tmpfile");
      exit (2);
    }
  rewind (fp);
  int rc = mn_margins_load (m, fp, "margins.csv", NULL, e);
  fclose (fp);
  return rc;
}

static const char margins_text[] =
  "variable,category,population\n"
  "sex,m,60\n"
  "sex,f,40\n"
  "region*type,N*a,30\n"
  "region*type,N*b,20\n"
  "region*type,S*a,50\n";

/* Each row: the class it falls in (0-based, in order first seen), or
   -1 with the reason it is rejected.  */
static const char survey_text[] =
  "id,sex,region,bw,type,township,weight\n"
  "1,m,N,2,a,T1,\n"            /* class 0 */
  "2,f,N,2,b,T1,\n"            /* class 1 */
  "3,m,N,2,a,T1,\n"            /* class 0 */
  "4, m , N ,2, a ,T1,\n"      /* class 0: margin cells trimmed */
  "5,NA,N,2,a,T1,\n"           /* NA token */
  "6,m,S,2,b,T1,\n"            /* S*b has no population */
  "7,m,N,0,a,T1,\n"            /* base weight zero */
  "8,m,N,x,a,T1,\n"            /* base weight no number */
  "9,f,S,3,a,T2,\n"            /* class 2 */
  "10,m,N,2,a,T2,\n"           /* class 3: another township */
  "11,m,N,2.0,a,T1,\n"         /* class 0: the same base weight */
  "12,,N,2,a,T1,\n"            /* empty cell */
  "13,m,N,2,-,T1,\n"           /* NA token '-' */
  "14,m,N,4,a,T1,\n"           /* class 4: another base weight */
  "15,m,N,-1,a,T1,\n"          /* base weight negative */
  "16,m,N,,a,T1,\n"            /* base weight empty */
  "17,M,N,2,a,T1,\n";          /* category 'M' has no population */

static const struct
{
  long cls;
  enum mn_reason reason;
} expect[] = {
  { 0, 0 }, { 1, 0 }, { 0, 0 }, { 0, 0 },
  { -1, MN_R_EMPTY_KEY }, { -1, MN_R_BAD_VALUE }, { -1, MN_R_BAD_WEIGHT },
  { -1, MN_R_BAD_NUMBER }, { 2, 0 }, { 3, 0 }, { 0, 0 },
  { -1, MN_R_EMPTY_KEY }, { -1, MN_R_EMPTY_KEY }, { 4, 0 },
  { -1, MN_R_BAD_WEIGHT }, { -1, MN_R_BAD_WEIGHT }, { -1, MN_R_BAD_VALUE },
};
enum { NROW = sizeof expect / sizeof *expect };

/* Read every record of PATH, calling mn_weighting_add (PASS 1) or
   mn_weighting_find (PASS 2), and check each against EXPECT.  */
static void
pass (struct mn_weighting *w, const char *path, int which)
{
  struct mn_input in;
  struct mn_error e;
  memset (&e, 0, sizeof e);
  if (mn_input_open (&in, path, NULL, &e) < 0)
    {
      printf ("not ok - open %s: %s\n", path, e.msg);
      exit (1);
    }
  struct mn_record rec;
  size_t row = 0;
  int rc;
  char name[200];
  while ((rc = mn_input_next (&in, &rec, &e)) == 1)
    {
      memset (&e, 0, sizeof e);
      long k = which == 1 ? mn_weighting_add (w, &rec, in.name, &e)
                          : mn_weighting_find (w, &rec, in.name, &e);
      if (row >= NROW)
        break;
      snprintf (name, sizeof name, "pass %d: row %zu (line %lu) %s", which,
                row + 1, rec.line,
                expect[row].cls >= 0 ? "class" : "rejected");
      tap_report (k == expect[row].cls, name, "got %ld, want %ld (%s)", k,
                  expect[row].cls, e.msg);
      if (expect[row].cls < 0)
        {
          snprintf (name, sizeof name, "pass %d: row %zu reason %s", which,
                    row + 1, mn_reason_name (expect[row].reason));
          tap_report (e.reason == expect[row].reason && e.line == row + 2
                      && e.file && strcmp (e.file, in.name) == 0, name,
                      "got %s, line %lu, file %s: %s",
                      mn_reason_name (e.reason), e.line,
                      e.file ? e.file : "(null)", e.msg);
        }
      row++;
    }
  snprintf (name, sizeof name, "pass %d: every row read", which);
  tap_report (rc == 0 && row == NROW, name, "rc %d, %zu rows", rc, row);
  mn_input_close (&in);
}

static void
test_classes (void)
{
  struct mn_margins m;
  struct mn_error e;
  memset (&e, 0, sizeof e);
  if (margins_from (&m, margins_text, &e) < 0)
    {
      printf ("not ok - small margins load: %s\n", e.msg);
      exit (1);
    }
  struct mn_na na = { 0 };
  mn_na_set (&na, "NA, -");
  const char *path = write_file ("survey.csv", survey_text);

  /* Binding.  */
  struct mn_input in;
  if (mn_input_open (&in, path, NULL, &e) < 0)
    {
      printf ("not ok - open survey: %s\n", e.msg);
      exit (1);
    }
  struct mn_weighting w;
  mn_weighting_init (&w, &m, &na, "bw", "bw");
  memset (&e, 0, sizeof e);
  int rc = mn_weighting_bind (&w, &in, &e);
  tap_report (rc == -1 && e.reason == MN_R_USAGE && e.line == 1,
              "bind: weight column = base column is refused",
              "rc %d %s line %lu: %s", rc, mn_reason_name (e.reason), e.line,
              e.msg);
  mn_weighting_release (&w);
  mn_weighting_init (&w, &m, &na, NULL, "region");
  rc = mn_weighting_bind (&w, &in, &e);
  tap_report (rc == -1 && e.reason == MN_R_USAGE,
              "bind: weight column = a margin part is refused",
              "rc %d %s: %s", rc, mn_reason_name (e.reason), e.msg);
  mn_weighting_release (&w);
  mn_weighting_init (&w, &m, &na, "base", "weight");
  memset (&e, 0, sizeof e);
  rc = mn_weighting_bind (&w, &in, &e);
  tap_report (rc == -1 && e.reason == MN_R_MISSING_COLUMN && e.line == 1,
              "bind: a missing base column", "rc %d %s line %lu: %s", rc,
              mn_reason_name (e.reason), e.line, e.msg);
  mn_weighting_release (&w);
  mn_weighting_init (&w, &m, &na, "bw", "weight");
  rc = mn_weighting_bind (&w, &in, &e);
  tap_report (rc == 0, "bind", "%s", e.msg);
  ok (w.col[0][0] == 1, "bind: sex is column 2");
  ok (w.col[1][0] == 2 && w.col[1][1] == 4, "bind: region, type columns");
  ok (w.base_col == 3, "bind: base weight column");
  ok (w.town_col == 5, "bind: township column found");
  ok (w.weight_col == 6, "bind: existing weight column found");
  mn_input_close (&in);
  {
    /* A survey without a margin column.  */
    const char *p2 = write_file ("nosex.csv", "id,region,type,bw\n1,N,a,1\n");
    struct mn_weighting w2;
    struct mn_input in2;
    mn_weighting_init (&w2, &m, &na, NULL, "weight");
    if (mn_input_open (&in2, p2, NULL, &e) == 0)
      {
        memset (&e, 0, sizeof e);
        rc = mn_weighting_bind (&w2, &in2, &e);
        tap_report (rc == -1 && e.reason == MN_R_MISSING_COLUMN
                    && e.line == 1 && strstr (e.msg, "sex"),
                    "bind: a missing margin column", "rc %d %s line %lu: %s",
                    rc, mn_reason_name (e.reason), e.line, e.msg);
        mn_input_close (&in2);
      }
    else
      printf ("not ok - open nosex.csv: %s\n", e.msg);
    mn_weighting_release (&w2);
  }

  /* Pass 1.  */
  pass (&w, path, 1);
  ok (w.nclass == 5, "five classes");
  if (w.nclass == 5)
    {
      static const double count[] = { 4, 1, 1, 1, 1 };
      static const double base[] = { 2, 2, 3, 2, 4 };
      static const size_t cat[][2] = { { 0, 0 }, { 1, 1 }, { 1, 2 },
                                       { 0, 0 }, { 0, 0 } };
      static const size_t town[] = { 0, 0, 1, 1, 0 };
      for (size_t k = 0; k < 5; k++)
        {
          char name[100];
          snprintf (name, sizeof name, "class %zu: rows counted", k);
          near (w.count[k], count[k], 0, name);
          snprintf (name, sizeof name, "class %zu: base weight", k);
          near (w.base[k], base[k], 0, name);
          snprintf (name, sizeof name, "class %zu: categories", k);
          tap_report (w.cat[2 * k] == cat[k][0]
                      && w.cat[2 * k + 1] == cat[k][1], name, "got %zu, %zu",
                      w.cat[2 * k], w.cat[2 * k + 1]);
          snprintf (name, sizeof name, "class %zu: township", k);
          tap_report (w.town[k] == town[k], name, "got %zu", w.town[k]);
        }
    }
  ok (w.ntown == 2, "two townships");
  if (w.ntown == 2)
    {
      streq (w.town_name[0], "T1", "township 1");
      streq (w.town_name[1], "T2", "township 2");
    }

  /* Pass 2 over the same rows: the same classes, the same rejects.  */
  pass (&w, path, 2);
  ok (w.nclass == 5, "pass 2 adds no class");
  near (w.count[0], 4, 0, "pass 2 counts no row");

  /* A class unseen in pass 1.  */
  const char *p3 = write_file ("changed.csv",
                               "id,sex,region,bw,type,township,weight\n"
                               "1,f,N,2,a,T1,\n"
                               "2,m,N,2,a,T3,\n"
                               "3,m,N,5,a,T1,\n"
                               "4,m,N,2,a,T1,\n");
  if (mn_input_open (&in, p3, NULL, &e) == 0)
    {
      struct mn_record rec;
      static const long want[] = { -2, -2, -2, 0 };
      static const char *const why[] = { "unseen categories",
                                         "unseen township",
                                         "unseen base weight",
                                         "a seen class" };
      for (size_t i = 0; i < 4 && mn_input_next (&in, &rec, &e) == 1; i++)
        {
          char name[100];
          long k = mn_weighting_find (&w, &rec, in.name, &e);
          snprintf (name, sizeof name, "find: %s gives %ld", why[i],
                    want[i]);
          tap_report (k == want[i], name, "got %ld", k);
        }
      mn_input_close (&in);
    }
  else
    printf ("not ok - open changed.csv: %s\n", e.msg);
  ok (w.nclass == 5, "find adds no class");

  /* The raking problem.  */
  struct mn_rake_problem p;
  mn_weighting_problem (&w, &p);
  ok (p.nvar == 2, "problem: two margins");
  ok (p.margin[0].ncat == 2 && p.margin[1].ncat == 3,
      "problem: 2 and 3 categories");
  near (p.margin[0].target[0], 60, 0, "problem: target sex m");
  near (p.margin[0].target[1], 40, 0, "problem: target sex f");
  near (p.margin[1].target[0], 30, 0, "problem: target N*a");
  near (p.margin[1].target[2], 50, 0, "problem: target S*a");
  ok (p.nclass == 5, "problem: five classes");
  if (p.nclass == 5)
    {
      ok (p.cls[2].cat[0] == 1 && p.cls[2].cat[1] == 2,
          "problem: class 2 categories");
      near (p.cls[0].count, 4, 0, "problem: class 0 count");
      near (p.cls[4].base, 4, 0, "problem: class 4 base");
    }
  mn_weighting_problem_release (&p);
  ok (p.margin == NULL && p.cls == NULL, "problem released");

  mn_weighting_release (&w);
  mn_na_release (&na);
  mn_margins_release (&m);
}

static void
test_kalton (void)
{
  static const char *const mpath = "tests/data/weight-kalton-rake.csv";
  static const char *const spath = "tests/data/weight-kalton.csv";
  struct mn_error e;
  memset (&e, 0, sizeof e);
  FILE *fp = fopen (mpath, "r");
  struct mn_margins m;
  if (!fp || mn_margins_load (&m, fp, mpath, NULL, &e) < 0)
    {
      printf ("not ok - kalton: margins %s: %s\n", mpath,
              fp ? e.msg : "cannot open (run from the top of the tree)");
      if (fp)
        fclose (fp);
      return;
    }
  fclose (fp);
  struct mn_na na = { 0 };
  mn_na_set (&na, MN_NA_DEFAULT);
  struct mn_weighting w;
  mn_weighting_init (&w, &m, &na, NULL, "weight");
  struct mn_input in;
  if (mn_input_open (&in, spath, NULL, &e) < 0
      || mn_weighting_bind (&w, &in, &e) < 0)
    {
      printf ("not ok - kalton: survey %s: %s\n", spath, e.msg);
      exit (1);
    }
  struct mn_record rec;
  int rc;
  size_t rows = 0, rejected = 0;
  while ((rc = mn_input_next (&in, &rec, &e)) == 1)
    {
      rows++;
      if (mn_weighting_add (&w, &rec, in.name, &e) < 0)
        rejected++;
    }
  mn_input_close (&in);
  ok (rc == 0 && rows == 1000 && rejected == 0,
      "kalton: 1000 rows, none rejected");
  ok (w.nclass == 12, "kalton: 12 classes");
  ok (m.nvar == 2 && m.var[0].ncat == 4 && m.var[1].ncat == 3,
      "kalton: margins A (4) and B (3)");

  /* The paper's sample counts, and raking weights, by cell: A varies
     fastest within B.  Categories are "1".."4" and "1".."3" in file
     order.  */
  static const double ns[12] = { 20, 50, 100, 30, 40, 140, 50, 100,
                                 40, 310, 50, 70 };
  static const double want[4][3] = { { 1.81, 1.45, 2.02 },
                                     { 1.08, 0.87, 1.21 },
                                     { 2.20, 1.76, 2.45 },
                                     { 1.83, 1.47, 2.04 } };
  struct mn_rake_problem p;
  mn_weighting_problem (&w, &p);
  struct mn_rake_result r;
  rc = mn_rake (&p, NULL, &r, &e);
  tap_report (rc == 0 && r.converged, "kalton: raking converges", "%s",
              e.msg);
  int seen[4][3] = { { 0 } };
  for (size_t k = 0; k < p.nclass && r.w; k++)
    {
      size_t a = p.cls[k].cat[0], b = p.cls[k].cat[1];
      char name[100];
      if (a >= 4 || b >= 3)
        {
          printf ("not ok - kalton: class %zu categories %zu, %zu\n", k, a,
                  b);
          continue;
        }
      seen[a][b]++;
      snprintf (name, sizeof name, "kalton: A%zu B%zu sample count", a + 1,
                b + 1);
      near (p.cls[k].count, ns[a + 4 * b], 0, name);
      snprintf (name, sizeof name, "kalton: A%zu B%zu base weight 1", a + 1,
                b + 1);
      near (p.cls[k].base, 1, 0, name);
      snprintf (name, sizeof name, "kalton: A%zu B%zu raking weight %.2f",
                a + 1, b + 1, want[a][b]);
      near (r.w[k], want[a][b], 0.005, name);
    }
  int all = 1;
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < 3; b++)
      all &= seen[a][b] == 1;
  ok (all, "kalton: each cell is one class");
  near (r.total, 1500, 1e-9, "kalton: weights total the population");
  mn_rake_result_release (&r);
  mn_weighting_problem_release (&p);
  mn_weighting_release (&w);
  mn_na_release (&na);
  mn_margins_release (&m);
}

int
main (void)
{
  if (!mkdtemp (dir))
    {
      perror ("mkdtemp");
      return 2;
    }
  atexit (cleanup);
  test_classes ();
  test_kalton ();
  return tap_done ();
}

/* test-scoretab.c - the score table's schema, writer and reader
   (lib/scoretab.c), and its making from exact sums (lib/scoreacc.c).

   The round trip: a table written from accumulated sums, read back by
   the reader and written again from what was read, is the same bytes;
   so is a table with extra columns of a later program.  The reader's
   refusals each name the line and what is wrong.  The expected figures
   of the small table below are worked by hand: C1 has the answers 1, 0,
   1, 1 (3 of 4 satisfied) and the index scores 100, 50, 75, 75, whose
   mean is 75 and whose sum of squared deviations is 1250.  */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/csvout.h"
#include "io/input.h"
#include "table/scoreacc.h"
#include "table/scoretab.h"
#include "tap.h"
#include "base/xalloc.h"

static char dir[] = "/tmp/minyi-scoretab.XXXXXX";

/* Write TEXT to file NAME in DIR; return its path (static buffer).  */
static const char *
file (const char *name, const char *text)
{
  static char path[4][256];
  static int k;
  char *p = path[k++ % 4];
  snprintf (p, sizeof path[0], "%s/%s", dir, name);
  FILE *fp = fopen (p, "w");
  fputs (text, fp);
  fclose (fp);
  return p;
}

/* Read the table at PATH and write it again; returns the text (caller
   frees), or NULL with E, and *LINE the line of the error.  */
static char *
rewrite (const char *path, struct mn_error *e, unsigned long *line)
{
  struct mn_input in;
  *line = 0;
  if (mn_input_open (&in, path, NULL, e) < 0)
    return NULL;
  struct mn_st_reader *r = mn_st_reader_open (&in, e);
  char *buf = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&buf, &size);
  int rc = r ? 1 : -1;
  if (r)
    mn_st_write_header (mn_st_reader_layout (r), out);
  const struct mn_st_cell *cells;
  while (rc == 1 && (rc = mn_st_reader_next (r, &cells, line, e)) == 1)
    mn_st_write_row (mn_st_reader_layout (r), cells, 0, out);
  fclose (out);
  mn_st_reader_free (r);
  mn_input_close (&in);
  if (rc < 0)
    {
      free (buf);
      return NULL;
    }
  return buf;
}

/* The message of reading PATH, which must fail.  */
static const char *
refusal (const char *path)
{
  static struct mn_error e;
  unsigned long line;
  char *t = rewrite (path, &e, &line);
  if (t)
    {
      free (t);
      return "(read without error)";
    }
  return e.msg;
}

/* The records of the small table: C1's answers Y (satisfied or not),
   index and item scores X, weights W.  */
static const double rec_y[] = { 1, 0, 1, 1 }, rec_x[] = { 100, 50, 75, 75 };
static const double rec_w[] = { 1.5, 0.5, 2, 1e-3 };

static struct mn_score_acc *
empty_acc (bool weighted)
{
  struct mn_score_shape s = { .nkey = 1, .weighted = weighted,
                              .scored = true, .nitem = 1,
                              .method = MN_CI_WILSON, .level = 0.95 };
  s.key = xcalloc (1, sizeof (char *));
  s.key[0] = xstrdup ("cadre");
  s.item = xcalloc (1, sizeof (char *));
  s.item[0] = xstrdup ("q1");
  s.rgroup = xcalloc (1, sizeof (char *));
  s.share = xcalloc (1, sizeof (double));
  struct mn_error e;
  return mn_score_acc_new (&s, &e);
}

/* Add record I of C1 to A, as minyi-score would.  */
static void
add_record (struct mn_score_acc *a, int i, bool weighted)
{
  struct mn_score_stats *g = mn_score_acc_group (a, "C1", 2);
  g->rows++;
  g->n++;
  g->sat += rec_y[i] == 1;
  if (g->rows == 1 || rec_w[i] < g->wmin)
    g->wmin = rec_w[i];
  if (g->rows == 1 || rec_w[i] > g->wmax)
    g->wmax = rec_w[i];
  mn_xmom_add (mn_score_index (a, g), rec_x[i]);
  mn_xmom_add (mn_score_item (a, g, 0), rec_x[i]);
  if (weighted)
    {
      mn_xwsum_add (mn_score_rate_w (a, g), rec_w[i], rec_y[i]);
      mn_xwsum_add (mn_score_index_w (a, g), rec_w[i], rec_x[i]);
      mn_xwsum_add (mn_score_item_w (a, g, 0), rec_w[i], rec_x[i]);
    }
}

/* A group with one record and no answer: empty cells for the undefined
   figures.  */
static void
add_c2 (struct mn_score_acc *a)
{
  struct mn_score_stats *g = mn_score_acc_group (a, "C2", 2);
  g->rows = 1;
  g->miss = 1;
  g->wmin = g->wmax = 3e-7;
}

static struct mn_score_acc *
small_acc (bool weighted)
{
  struct mn_score_acc *a = empty_acc (weighted);
  for (int i = 0; i < 4; i++)
    add_record (a, i, weighted);
  add_c2 (a);
  return a;
}

static char *
written (const struct mn_score_acc *a, int digits)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&buf, &size);
  mn_score_acc_write (a, digits, out);
  fclose (out);
  return buf;
}

int
main (void)
{
  if (!mkdtemp (dir))
    return 2;
  struct mn_error e;
  unsigned long line;
  struct mn_input in;

  /* The unweighted table, worked by hand.  */
  struct mn_score_acc *a = small_acc (false);
  char *t = written (a, 0);
  streq (t,
         "cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,index,index_lo,"
         "index_hi,q1_n,q1_mean,level,method\n"
         "C1,4,4,3,0.75,0.300641842582402,0.9544127391902995,0,0,4,75,"
         "42.51929340937227,100,4,75,0.95,wilson\n"
         "C2,1,0,0,,,,0,1,0,,,,0,,0.95,wilson\n",
         "table from exact sums: rate 3/4, index mean 75, t interval");
  /* Independent values: R 4.2.2, with sprintf("%.17g"):
     prop.test(3, 4, correct = FALSE)$conf.int gives
     0.30064184258240201 0.95441273919029945;
     t.test(c(100, 50, 75, 75))$conf.int gives 42.519293409372231 and
     107.48070659062778, the upper bound clamped to 100.  */
  mn_input_open (&in, file ("u0.csv", t), NULL, &e);
  struct mn_st_reader *r = mn_st_reader_open (&in, &e);
  const struct mn_st_cell *cells;
  if (r && mn_st_reader_next (r, &cells, &line, &e) == 1)
    {
      near (cells[5].x, 0.30064184258240201, 1e-15, "Wilson lo as R's");
      near (cells[6].x, 0.95441273919029945, 1e-15, "Wilson hi as R's");
      near (cells[11].x, 42.519293409372231, 1e-12, "index t lo as R's");
      ok (cells[12].x == 100, "index t hi clamped to 100");
    }
  else
    ok (0, "the unweighted table reads");
  mn_st_reader_free (r);
  mn_input_close (&in);
  char *back = rewrite (file ("u.csv", t), &e, &line);
  streq (back, t, "unweighted table: read and written again, same bytes");
  free (back);
  free (t);
  mn_score_acc_free (a);

  a = small_acc (true);
  t = written (a, 0);
  back = rewrite (file ("w.csv", t), &e, &line);
  streq (back, t, "weighted table: read and written again, same bytes");
  ok (strstr (t, ",wsum,neff,se,") != NULL, "weighted table has wsum, neff, se");
  free (back);
  free (t);
  t = written (a, 4);
  /* R: w <- c(1.5, .5, 2, 1e-3); sum(w * c(1, 0, 1, 1)) / sum(w) is
     0.8750312421894525.  */
  ok (strstr (t, "C1,4,4,3,0.875,") != NULL,
      "--digits 4: the weighted rate 0.87503... rounded to 0.875");
  free (t);
  mn_score_acc_free (a);

  /* Extra columns, a later program's, are kept in place.  */
  const char *ext =
    "wave,cadre,rows,n,sat,rate,lo,hi,dk,miss,post,level,method,note\n"
    "2026Q1,C1,2,2,1,0.5,0.1,0.9,0,0,0.51,0.95,exact,\"a, b\"\n"
    "2026Q2,C1,1,0,0,,,,0,1,,0.95,exact,\n";
  back = rewrite (file ("x.csv", ext), &e, &line);
  streq (back, ext, "extra columns and quoted text survive a round trip");
  free (back);

  /* The layout the reader finds.  */
  mn_input_open (&in, file ("l.csv", ext), NULL, &e);
  r = mn_st_reader_open (&in, &e);
  const struct mn_st_layout *l = mn_st_reader_layout (r);
  ok (l->nkey == 2 && !l->weighted && !l->scored && !l->rgroups,
      "layout: two keys, not weighted, not scored");
  ok (mn_st_pos (l, MN_SC_RATE, 0) == 5 && mn_st_pos (l, MN_SC_WSUM, 0) < 0,
      "layout: rate in column 6, no wsum");
  ok (l->col[10].stat == MN_ST_EXTRA && l->col[13].stat == MN_ST_EXTRA,
      "layout: post and note are extras");
  ok (mn_st_reader_next (r, &cells, &line, &e) == 1 && line == 2
      && cells[3].x == 2 && cells[5].x == 0.5 && l->method == MN_CI_EXACT
      && l->level == 0.95, "first row: n, rate, method and level");
  ok (mn_st_reader_next (r, &cells, &line, &e) == 1 && isnan (cells[5].x),
      "an empty rate reads as no value");
  ok (mn_st_reader_next (r, &cells, &line, &e) == 0, "then the end");
  mn_st_reader_free (r);
  mn_input_close (&in);

  /* The same rows through mn_st_reader_parse, the records read by the
     caller as the run driver reads them.  */
  mn_input_open (&in, file ("p.csv", ext), NULL, &e);
  r = mn_st_reader_open (&in, &e);
  struct mn_record rec;
  int parsed = 0;
  while (mn_input_next (&in, &rec, &e) == 1)
    parsed += mn_st_reader_parse (r, &rec, in.name, &cells, &e) == 0
              && cells[1].len == 2 && memcmp (cells[1].s, "C1", 2) == 0;
  ok (parsed == 2, "rows parsed from records the caller reads");
  mn_st_reader_free (r);
  mn_input_close (&in);

  /* Scored tables: the items are the ITEM_n, ITEM_mean pairs.  */
  mn_input_open (&in, file ("s.csv",
                            "cadre,rows,n,sat,rate,lo,hi,dk,miss,index_n,"
                            "index,index_lo,index_hi,q1_n,q1_mean,"
                            "q_2_n,q_2_mean,level,method\n"), NULL, &e);
  r = mn_st_reader_open (&in, &e);
  l = mn_st_reader_layout (r);
  ok (l->scored && l->nitem == 2 && mn_st_pos (l, MN_SC_ITEM_MEAN, 1) == 16,
      "two items found, the second's mean in column 17");
  mn_st_reader_free (r);
  mn_input_close (&in);

  /* Refusals.  */
  /* A statistic's name in another case (found by fuzz-scoretab: the
     error was left unset, and minyi-adjust printed garbage).  */
  const char *m = refusal (file ("case.csv", "cadre,rOws,n,sat,rate,lo,hi,"
                                 "dk,miss,level,method\nC1,2,2,1,0.5,0,1,0,"
                                 "0,0.95,wilson\n"));
  streq (m, "no column 'rows' (column 'rOws' differs in case; the score "
            "table's column names are exact)",
         "a statistic's name in another case is refused, saying so");
  const char *h = "cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\n";
  char buf[512];
#define BAD(name, row, want, what)                                         \
  do {                                                                    \
    snprintf (buf, sizeof buf, "%s%s", h, row);                           \
    const char *m_ = refusal (file (name, buf));                          \
    tap_report (strstr (m_, want) != NULL, what, "got '%s'", m_);         \
  } while (0)
  BAD ("b1.csv", "C1,2,2,x,1,0,1,0,0,0.95,wilson\n",
       "column 'sat': 'x' is not a number", "a count that is no number");
  BAD ("b2.csv", "C1,2,2,1.5,1,0,1,0,0,0.95,wilson\n",
       "'1.5' is not a whole number", "a count that is not whole");
  BAD ("b3.csv", "C1,2,2,3,1,0,1,0,0,0.95,wilson\n",
       "want sat <= n <= rows", "sat above n");
  BAD ("b4.csv", "C1,2,2,1,1.2,0,1,0,0,0.95,wilson\n",
       "column 'rate': 1.2 is not a proportion", "a rate above 1");
  BAD ("b5.csv", "C1,2,2,1,0.5,0.9,0.1,0,0,0.95,wilson\n",
       "lo 0.9 is above hi 0.1", "lo above hi");
  BAD ("b6.csv", "C1,2,2,1,0.5,0,1,0,0,0.95,wilson\nC2,2,2,1,0.5,0,1,0,0,0.9,wilson\n",
       "one table, one method", "a level that changes");
  BAD ("b7.csv", "C1,2,2,1,0.5,0,1,0,0,0.95,wilson\nC1,2,2,1,0.5,0,1,0,0,0.95,wilson\n",
       "key 'C1' already has a row, on line 2", "a key twice");
  BAD ("b8.csv", "C1,2,2,1,0.5,0,1,0,0,0.95,fisher\n",
       "unknown interval method 'fisher'", "an unknown method");
  BAD ("b9.csv", "C1,2,2,1,nan,0,1,0,0,0.95,wilson\n",
       "column 'rate': 'nan' is not a number", "NaN is no number");
  ok (strstr (refusal (file ("m.csv", "cadre,rows,n,sat,rate,hi,dk,miss,"
                                      "level,method\n")),
              "no column 'lo' (columns: cadre, rows") != NULL,
      "a missing column is named with the columns there are");
  ok (strstr (refusal (file ("k.csv", "rows,n,sat,rate,lo,hi,dk,miss,"
                                      "level,method\n")),
              "no key column before 'rows'") != NULL,
      "a table without keys");
  ok (strstr (refusal (file ("r.csv", "cadre,rows,n,sat,rate,lo,hi,dk,miss,"
                                      "level,method\nC1,1,1,1\n")),
              "fields where the header has") != NULL,
      "a ragged row");

  /* Clashing names.  */
  char *key[] = { "rate" };
  struct mn_st_layout lay;
  ok (mn_st_layout_init (&lay, 1, key, false, false, 0, NULL, false, false,
                         MN_CI_WILSON, 0.95, &e) < 0
      && strstr (e.msg, "group key 'rate' clashes with the score table's "
                        "column 'rate'"), "a key named rate is refused");
  char *key2[] = { "cadre" }, *item[] = { "index" };
  ok (mn_st_layout_init (&lay, 1, key2, false, true, 1, item, false, false,
                         MN_CI_WILSON, 0.95, &e) < 0
      && strstr (e.msg, "'index_n' of item 'index'"),
      "an item named index is refused");
  char *item2[] = { "q1" };
  ok (mn_st_layout_init (&lay, 1, key2, true, true, 1, item2, true, true,
                         MN_CI_WILSON, 0.95, &e) == 0 && lay.ncol == 1 + 6
                                                            + 3 + 2 + 4 + 2
                                                            + 5 + 8 + 2,
      "every column present: keys, rate, weights, counts, index, item, "
      "groups, standardisation, level and method");
  mn_st_layout_release (&lay);

  /* mn_score_stats_merge: the records split between two accumulators
     in every way, merged in either order, give the one-pass table.  */
  {
    struct mn_score_acc *whole = small_acc (true);
    char *want = written (whole, 0);
    mn_score_acc_free (whole);
    int same = 0;
    for (int mask = 0; mask < 16; mask++)
      for (int order = 0; order < 2; order++)
        {
          struct mn_score_acc *part[2] = { empty_acc (true),
                                           empty_acc (true) };
          for (int i = 0; i < 4; i++)
            add_record (part[(mask >> i) & 1], i, true);
          add_c2 (part[1]);
          /* Merge both parts' groups into the first or the second.  */
          struct mn_score_acc *to = part[order], *from = part[!order];
          const char *keys[] = { "C1", "C2" };
          for (int k = 0; k < 2; k++)
            mn_score_stats_merge (to, mn_score_acc_group (to, keys[k], 2),
                                  mn_score_acc_group (from, keys[k], 2));
          char *got = written (to, 0);
          same += strcmp (got, want) == 0;
          if (strcmp (got, want) != 0 && same == 0)
            printf ("# mask %d order %d:\n%s", mask, order, got);
          free (got);
          mn_score_acc_free (part[0]);
          mn_score_acc_free (part[1]);
        }
    ok (same == 32, "merge: every split of the records, either order, gives "
                    "the one-pass table byte for byte");
    free (want);
  }

  /* mn_num_format against brute force: for doubles of every magnitude
     (a 64-bit LCG's bits as doubles, and ratios of small integers), the
     text reads back as the same double, and no %.Pg with fewer
     significant digits does; whole numbers below 2^53 are written
     whole.  */
  uint64_t st = 88172645463325252u;
  int fails = 0, tried = 0;
  for (int i = 0; i < 200000; i++)
    {
      double x;
      st = st * 6364136223846793005u + 1442695040888963407u;
      if (i % 2)
        {
          uint64_t u = st >> 1;         /* positive, any exponent */
          memcpy (&x, &u, sizeof x);
          if (!isfinite (x))
            continue;
        }
      else
        x = (double) (st >> 40 & 0xfff) / (double) ((st >> 20 & 0xfff) + 1);
      char b[MN_NUM_BUFSIZE], s[400];
      mn_num_format (b, sizeof b, x, 0);
      tried++;
      bool good = strtod (b, NULL) == x || (x == 0 && strcmp (b, "0") == 0);
      /* the significant digits of B */
      int nd = 0;
      for (const char *q = b; *q && *q != 'e'; q++)
        nd += *q >= '0' && *q <= '9';
      const char *q = b;
      while (*q == '0' || *q == '.')
        nd -= *q++ == '0';
      /* Whole numbers below 2^53 are written whole, by design.  */
      bool whole = x == trunc (x) && x < 9007199254740992.0;
      good = good && (!whole || strchr (b, 'e') == NULL);
      for (int pr = 1; pr < nd && good && !whole; pr++)
        {
          snprintf (s, sizeof s, "%.*g", pr, x);
          good = strtod (s, NULL) != x;
        }
      fails += !good;
      if (!good && fails < 4)
        printf ("# %a gave '%s'\n", x, b);
    }
  ok (fails == 0 && tried > 150000,
      "numbers: shortest text that reads back, on 200,000 doubles");
  /* The same text as printf's: the first of %.15g, %.16g and %.17g
     that strtod reads back (what mn_num_format printed before it made
     the 15- and 16-digit forms from one 17-digit printf), on doubles of
     every magnitude and sign, sums of three-decimal weights, ratios,
     and powers of ten and their neighbours (where rounding carries).  */
  fails = tried = 0;
  for (int i = 0; i < 300000; i++)
    {
      double x;
      st = st * 6364136223846793005u + 1442695040888963407u;
      switch (i % 5)
        {
        case 0:
          memcpy (&x, &st, sizeof x);
          break;
        case 1:
          x = (double) (st >> 40 & 0xfffff) / (double) ((st >> 8 & 0xfff) + 1);
          break;
        case 2:
          x = 0;
          for (int j = 0; j < 1 + (int) (st % 50); j++)
            x += (double) ((st >> (j % 40)) % 8000 + 1000) / 1000.0;
          break;
        case 3:
          x = nextafter (pow (10, (int) (st % 80) - 40),
                         st >> 63 ? 0 : INFINITY);
          break;
        default:
          x = -(double) (st >> 11) * pow (2, (int) (st % 120) - 60) / 7;
        }
      if (!isfinite (x) || fabs (x) < DBL_MIN
          || (x == trunc (x) && fabs (x) < 9007199254740992.0))
        continue;
      char b[MN_NUM_BUFSIZE], want[MN_NUM_BUFSIZE];
      for (int pr = 15; pr <= 17; pr++)
        {
          snprintf (want, sizeof want, "%.*g", pr, x);
          if (strtod (want, NULL) == x)
            break;
        }
      size_t n = mn_num_format (b, sizeof b, x, 0);
      tried++;
      bool good = strcmp (b, want) == 0 && n == strlen (want);
      fails += !good;
      if (!good && fails < 4)
        printf ("# %a gave '%s', printf '%s'\n", x, b, want);
    }
  ok (fails == 0 && tried > 200000,
      "numbers: the text printf's %.15g/%.16g/%.17g gives, on 300,000 "
      "doubles");

  char nb[MN_NUM_BUFSIZE];
  mn_num_format (nb, sizeof nb, 3.0 / 2e6, 0);
  streq (nb, "1.5e-06", "3 in 2,000,000 is 1.5e-06");
  mn_num_format (nb, sizeof nb, -0.0, 0);
  streq (nb, "0", "no negative zero");
  mn_num_format (nb, sizeof nb, 2.0 / 3, 4);
  streq (nb, "0.6667", "--digits 4");
  mn_num_format (nb, sizeof nb, NAN, 0);
  streq (nb, "", "NaN is an empty cell");

  char cmd[300];
  snprintf (cmd, sizeof cmd, "rm -rf %s", dir);
  if (system (cmd) != 0)
    return 2;
  return tap_done ();
}

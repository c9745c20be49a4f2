/* test-misc.c - unit tests of the small pieces of lib/: number parsing
   (numparse.c), UTF-8 validation (utf8.c), missing-answer tokens (na.c),
   CSV output (csvout.c) and the group hash table (groups.c).  */
#include <limits.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/csvout.h"
#include "io/tabfmt.h"
#include "base/groups.h"
#include "base/thread.h"
#include "base/xalloc.h"
#include "io/output.h"
#include "flood.h"
#include "base/na.h"
#include "base/normalize.h"
#include "base/numparse.h"
#include "io/reader.h"
#include "tap.h"
#include "base/utf8.h"

/* mn_parse_double's result for S as text: "0:VALUE", "1:nan", "1:inf",
   "1:-inf" or "-1".  */
static const char *
pd (const char *s)
{
  static char buf[64];
  double x = 12345;
  int rc = mn_parse_double (s, &x);
  if (rc < 0)
    return "-1";
  /* Print in the C locale: the test may run under a decimal comma.  */
  static locale_t c;
  if (!c)
    c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  locale_t old = uselocale (c);
  if (isnan (x))
    snprintf (buf, sizeof buf, "%d:nan", rc);
  else if (isinf (x))
    snprintf (buf, sizeof buf, "%d:%sinf", rc, x < 0 ? "-" : "");
  else
    snprintf (buf, sizeof buf, "%d:%.17g", rc, x);
  uselocale (old);
  return buf;
}

static void
test_parse_double (void)
{
  /* Whatever the environment's locale says, numbers are read in the C
     locale.  Try a decimal-comma locale too, when one is installed (or
     run with LC_ALL set to one, e.g. a de_DE.UTF-8 built by localedef
     into LOCPATH).  */
  setlocale (LC_ALL, "");
  const char *comma = NULL;
  static const char *const tries[] = { "de_DE.UTF-8", "fr_FR.UTF-8",
                                       "ru_RU.UTF-8", "de_DE" };
  for (size_t i = 0; i < sizeof tries / sizeof *tries && !comma; i++)
    if (setlocale (LC_NUMERIC, tries[i]))
      comma = tries[i];
  printf ("# LC_NUMERIC is %s\n", setlocale (LC_NUMERIC, NULL));

  streq (pd ("1.5"), "0:1.5", "parse_double 1.5 (C locale)");
  streq (pd (" 2 "), "0:2", "parse_double ' 2 ' (blanks ignored)");
  streq (pd ("\t-3.25\t"), "0:-3.25", "parse_double tab blanks");
  streq (pd ("1e3"), "0:1000", "parse_double 1e3");
  streq (pd ("2.5E-1"), "0:0.25", "parse_double 2.5E-1");
  streq (pd ("+7"), "0:7", "parse_double +7");
  streq (pd (".5"), "0:0.5", "parse_double .5");
  streq (pd ("5."), "0:5", "parse_double 5.");
  double z = 1;
  ok (mn_parse_double ("-0", &z) == 0 && z == 0 && signbit (z),
      "parse_double -0 is negative zero");

  streq (pd (""), "-1", "parse_double rejects ''");
  streq (pd ("   "), "-1", "parse_double rejects blanks only");
  streq (pd ("1,5"), "-1", "parse_double rejects 1,5");
  streq (pd ("0x10"), "-1", "parse_double rejects 0x10");
  streq (pd ("0x1p3"), "-1", "parse_double rejects 0x1p3");
  streq (pd ("1.5abc"), "-1", "parse_double rejects 1.5abc");
  streq (pd ("abc"), "-1", "parse_double rejects abc");
  streq (pd ("1 2"), "-1", "parse_double rejects 1 2");
  streq (pd ("."), "-1", "parse_double rejects .");
  streq (pd ("e5"), "-1", "parse_double rejects e5");
  streq (pd ("1e"), "-1", "parse_double rejects 1e");
  streq (pd ("--1"), "-1", "parse_double rejects --1");
  streq (pd ("1e999"), "1:inf", "parse_double: overflow 1e999 is a number, not a finite one");
  streq (pd ("nan(1)"), "-1", "parse_double rejects nan(1)");
  streq (pd ("infinite"), "-1", "parse_double rejects infinite");
  streq (pd ("１"), "-1", "parse_double rejects a full-width digit");

  streq (pd ("nan"), "1:nan", "parse_double nan returns 1, NaN");
  streq (pd ("NaN"), "1:nan", "parse_double NaN returns 1, NaN");
  streq (pd ("-nan"), "1:nan", "parse_double -nan returns 1, NaN");
  streq (pd ("Inf"), "1:inf", "parse_double Inf returns 1, +Inf");
  streq (pd (" +INF "), "1:inf", "parse_double ' +INF ' returns 1, +Inf");
  streq (pd ("-infinity"), "1:-inf",
         "parse_double -infinity returns 1, -Inf");
  streq (pd ("Infinity"), "1:inf", "parse_double Infinity returns 1");

  if (comma)
    {
      struct lconv *lc = localeconv ();
      printf ("# decimal point in %s: '%s'\n", comma, lc->decimal_point);
    }
  setlocale (LC_ALL, "C");
}

/* mn_parse_long's result: "0:VALUE" or "-1".  */
static const char *
pl (const char *s, long min, long max)
{
  static char buf[64];
  long x = 12345;
  if (mn_parse_long (s, min, max, &x) < 0)
    return "-1";
  snprintf (buf, sizeof buf, "0:%ld", x);
  return buf;
}

static void
test_parse_long (void)
{
  streq (pl ("42", 0, 100), "0:42", "parse_long 42");
  streq (pl (" -7 ", -10, 10), "0:-7", "parse_long ' -7 '");
  streq (pl ("+5", 1, 5), "0:5", "parse_long +5 at the top of 1..5");
  streq (pl ("1", 1, 5), "0:1", "parse_long 1 at the bottom of 1..5");
  streq (pl ("0", 1, 5), "-1", "parse_long 0 below 1..5");
  streq (pl ("6", 1, 5), "-1", "parse_long 6 above 1..5");
  streq (pl ("-1000001", -1000000, 1000000), "-1",
         "parse_long below -1000000");
  streq (pl ("9223372036854775807", LONG_MIN, LONG_MAX),
         "0:9223372036854775807", "parse_long LONG_MAX");
  streq (pl ("-9223372036854775808", LONG_MIN, LONG_MAX),
         "0:-9223372036854775808", "parse_long LONG_MIN");
  streq (pl ("9223372036854775808", LONG_MIN, LONG_MAX), "-1",
         "parse_long rejects overflow");
  streq (pl ("", 0, 9), "-1", "parse_long rejects ''");
  streq (pl ("  ", 0, 9), "-1", "parse_long rejects blanks");
  streq (pl ("1.0", 0, 9), "-1", "parse_long rejects 1.0");
  streq (pl ("1e2", 0, 1000), "-1", "parse_long rejects 1e2");
  streq (pl ("0x10", 0, 100), "-1", "parse_long rejects 0x10");
  streq (pl ("12abc", 0, 100), "-1", "parse_long rejects 12abc");
  streq (pl ("1 2", 0, 100), "-1", "parse_long rejects 1 2");
  streq (pl ("- 5", -9, 9), "-1", "parse_long rejects '- 5'");
  streq (pl ("+-5", -9, 9), "-1", "parse_long rejects +-5");
  streq (pl ("\n5", 0, 9), "-1", "parse_long rejects a leading newline");
}

#define U8(s, name) ok (mn_utf8_valid (s, sizeof s - 1), name)
#define NOT_U8(s, name) ok (!mn_utf8_valid (s, sizeof s - 1), name)

static void
test_utf8 (void)
{
  U8 ("", "utf8: empty");
  U8 ("plain ASCII, 1..5", "utf8: ASCII");
  U8 ("a\0b", "utf8: NUL is a valid character");
  U8 ("\xC3\xA9", "utf8: 2 bytes (U+00E9)");
  U8 ("村民组满意", "utf8: 3 bytes (CJK)");
  U8 ("\xF0\x9F\x98\x80", "utf8: 4 bytes (U+1F600)");
  U8 ("\xC2\x80", "utf8: U+0080, smallest 2-byte");
  U8 ("\xDF\xBF", "utf8: U+07FF, largest 2-byte");
  U8 ("\xE0\xA0\x80", "utf8: U+0800, smallest 3-byte");
  U8 ("\xED\x9F\xBF", "utf8: U+D7FF, below the surrogates");
  U8 ("\xEE\x80\x80", "utf8: U+E000, above the surrogates");
  U8 ("\xEF\xBF\xBF", "utf8: U+FFFF");
  U8 ("\xF0\x90\x80\x80", "utf8: U+10000, smallest 4-byte");
  U8 ("\xF4\x8F\xBF\xBF", "utf8: U+10FFFF, the last");
  U8 ("\xEF\xBB\xBF", "utf8: BOM is valid");

  NOT_U8 ("\x80", "utf8: lone continuation byte");
  NOT_U8 ("\xBF", "utf8: lone continuation BF");
  NOT_U8 ("\xC0\xAF", "utf8: overlong C0 AF ('/')");
  NOT_U8 ("\xC1\xBF", "utf8: overlong C1 BF");
  NOT_U8 ("\xE0\x80\xAF", "utf8: overlong E0 80 AF");
  NOT_U8 ("\xE0\x9F\xBF", "utf8: overlong E0 9F BF");
  NOT_U8 ("\xF0\x80\x80\xAF", "utf8: overlong F0 80 80 AF");
  NOT_U8 ("\xF0\x8F\xBF\xBF", "utf8: overlong F0 8F BF BF");
  NOT_U8 ("\xED\xA0\x80", "utf8: surrogate ED A0 80 (U+D800)");
  NOT_U8 ("\xED\xBF\xBF", "utf8: surrogate ED BF BF (U+DFFF)");
  NOT_U8 ("\xF4\x90\x80\x80", "utf8: F4 90 80 80 above U+10FFFF");
  NOT_U8 ("\xF5\x80\x80\x80", "utf8: F5 lead byte");
  NOT_U8 ("\xF8\x88\x80\x80\x80", "utf8: 5-byte form");
  NOT_U8 ("\xFE", "utf8: FE");
  NOT_U8 ("\xFF", "utf8: FF");
  NOT_U8 ("\xE6\x9D", "utf8: 3-byte character cut short");
  NOT_U8 ("a\xE6", "utf8: lead byte at the end");
  NOT_U8 ("\xE6\x41\x91", "utf8: ASCII inside a sequence");
  NOT_U8 ("\xF0\x9F\x98", "utf8: 4-byte character cut short");
  NOT_U8 ("\xC3\xA9\xA9", "utf8: extra continuation byte");
  ok (!mn_utf8_valid ("村", 2), "utf8: length cuts a character");
  ok (mn_utf8_valid ("村\xFF", 3), "utf8: only N bytes are looked at");
}

static void
test_na (void)
{
  struct mn_na na = { 0 };
  ok (mn_na_match (&na, "", 0), "na: empty cell, no tokens");
  ok (mn_na_match (&na, " \t ", 3), "na: blank cell, no tokens");
  ok (!mn_na_match (&na, "NA", 2), "na: NA is an answer with no tokens");

  mn_na_set (&na, MN_NA_DEFAULT);
  ok (na.n == 3, "na: default has three tokens");
  ok (mn_na_match (&na, "NA", 2), "na: NA");
  ok (mn_na_match (&na, "N/A", 3), "na: N/A");
  ok (mn_na_match (&na, "#N/A", 4), "na: #N/A");
  ok (mn_na_match (&na, "  NA\t", 5), "na: NA with blanks");
  ok (mn_na_match (&na, "", 0), "na: empty cell");
  ok (mn_na_match (&na, "   ", 3), "na: blank cell");
  ok (!mn_na_match (&na, "na", 2), "na: na (case matters)");
  ok (!mn_na_match (&na, "NAN", 3), "na: NAN is not NA");
  ok (!mn_na_match (&na, "N", 1), "na: prefix N is not NA");
  ok (!mn_na_match (&na, "5", 1), "na: an answer");
  ok (mn_na_match (&na, "NA,5", 2), "na: only LEN bytes are compared");
  ok (!mn_na_match (&na, "NA5", 3), "na: NA5 is not NA");
  ok (!mn_na_match (&na, "C1", 2) && mn_na_match (&na, "\tN/A", 4)
      && mn_na_match (&na, "#N/A ", 5) && !mn_na_match (&na, "#5", 2),
      "na: cells told by their first byte, and those that are not");

  mn_na_set (&na, " 不知道 , ,缺失,");
  ok (na.n == 2, "na: set replaces, blank tokens dropped");
  ok (na.n == 2 && strcmp (na.tok[0], "不知道") == 0,
      "na: tokens trimmed");
  ok (mn_na_match (&na, "不知道", strlen ("不知道")), "na: 不知道");
  ok (mn_na_match (&na, " 缺失 ", strlen (" 缺失 ")), "na: 缺失 blanks");
  ok (!mn_na_match (&na, "NA", 2), "na: NA no longer listed");

  mn_na_set (&na, "");
  ok (na.n == 0, "na: '' lists none");
  ok (mn_na_match (&na, " ", 1), "na: blank cell still missing");
  mn_na_release (&na);
  ok (na.n == 0 && na.tok == NULL, "na: released");

  size_t len;
  const char *t = mn_trim ("  a b\t", &len);
  ok (len == 3 && memcmp (t, "a b", 3) == 0, "trim: inner blank kept");
  t = mn_trim (" \t ", &len);
  ok (len == 0, "trim: all blanks");
  t = mn_trim ("", &len);
  ok (len == 0, "trim: empty");
  t = mn_trim ("\n5\n", &len);
  ok (len == 3, "trim: only spaces and tabs are blanks");
}

/* What mn_csv_field writes for the LEN bytes at S.  */
static char out[1024];

static const char *
field (const char *s, size_t len, char delim)
{
  FILE *fp = tmpfile ();
  mn_csv_field (fp, s, len, delim);
  rewind (fp);
  size_t n = fread (out, 1, sizeof out - 1, fp);
  out[n] = '\0';
  fclose (fp);
  return out;
}

#define F(s, d) field (s, sizeof s - 1, d)

static void
test_csvout (void)
{
  streq (F ("abc", ','), "abc", "csv: plain field unquoted");
  streq (F ("", ','), "", "csv: empty field");
  streq (F (" a b ", ','), " a b ", "csv: blanks alone need no quotes");
  streq (F ("村民组", ','), "村民组", "csv: UTF-8 unquoted");
  streq (F ("a,b", ','), "\"a,b\"", "csv: delimiter quoted");
  streq (F ("say \"hi\"", ','), "\"say \"\"hi\"\"\"",
         "csv: quotes doubled");
  streq (F ("\"", ','), "\"\"\"\"", "csv: a lone quote");
  streq (F ("a\nb", ','), "\"a\nb\"", "csv: LF quoted");
  streq (F ("a\rb", ','), "\"a\rb\"", "csv: CR quoted");
  streq (F ("a;b", ','), "a;b", "csv: other delimiters not quoted");
  streq (F ("a;b", ';'), "\"a;b\"", "csv: ';' quoted with delimiter ';'");
  streq (F ("a,b", ';'), "a,b", "csv: ',' plain with delimiter ';'");
  streq (F ("a\tb", '\t'), "\"a\tb\"", "csv: tab quoted with tab delimiter");
  streq (F ("ab", ','), "ab", "csv: only LEN bytes written");
  ok (field ("abcdef", 3, ',') && strcmp (out, "abc") == 0,
      "csv: LEN shorter than the string");

  FILE *fp = tmpfile ();
  mn_csv_str (fp, "x,y", ',');
  putc ('|', fp);
  char *f[] = { "a", "b,c", "", "d\"e", "f\ng", " sp " };
  size_t len[] = { 1, 3, 0, 3, 3, 4 };
  mn_csv_row (fp, f, len, 6, ',');
  rewind (fp);
  size_t n = fread (out, 1, sizeof out - 1, fp);
  out[n] = '\0';
  streq (out, "\"x,y\"|a,\"b,c\",,\"d\"\"e\",\"f\ng\", sp \n",
         "csv: mn_csv_str and mn_csv_row");
  fclose (fp);

  /* What we write, the reader reads back.  */
  fp = tmpfile ();
  mn_csv_row (fp, f, len, 6, ',');
  rewind (fp);
  struct mn_error e;
  struct mn_reader *r = mn_reader_new (fp, "rt.csv", NULL, &e);
  struct mn_record rec;
  int rc = mn_reader_next (r, &rec, &e);
  int same = rc == 1 && rec.n == 6;
  for (size_t i = 0; same && i < 6; i++)
    same = rec.len[i] == len[i] && memcmp (rec.f[i], f[i], len[i]) == 0;
  ok (same, "csv: mn_csv_row round trip through the reader");
  mn_reader_free (r);
  fclose (fp);
}

struct acc
{
  long count;
  double sum;
  char pad[40];
};

static int
entry_cmp_ok (const struct mn_group_entry *a, const struct mn_group_entry *b)
{
  size_t n = a->keylen < b->keylen ? a->keylen : b->keylen;
  int c = memcmp (a->key, b->key, n);
  return c < 0 || (c == 0 && a->keylen < b->keylen);
}

/* mn_csv_row's one-pass path (fields lying one after another, as a
   reader's record does) against mn_csv_field field by field, on random
   rows of short fields of plain, special and non-ASCII bytes.  */
static void
test_csvout_rows (void)
{
  static const char alphabet[] = "ab,\"\n\r\t\xe5\x9f\x8e ;";
  char store[4200], *f[300];
  size_t len[300];
  unsigned seed = 12345;
  int bad = 0, trials = 0;
  for (int t = 0; t < 4000 && !bad; t++)
    {
      size_t n = 1 + (seed = seed * 1103515245 + 12345) % 13;
      int special = (seed >> 8) % 4 == 0;
      if (t % 1000 == 999)
        n = 300;                /* longer than the row buffer */
      size_t k = 0;
      for (size_t i = 0; i < n; i++)
        {
          seed = seed * 1103515245 + 12345;
          size_t l = (seed >> 16) % (t % 1000 == 999 ? 20 : 12);
          f[i] = store + k;
          for (size_t j = 0; j < l; j++)
            {
              seed = seed * 1103515245 + 12345;
              unsigned c = (seed >> 16) % 100;
              store[k++] = special && c < 12 ? alphabet[2 + c % 9]
                           : c < 60 ? (char) ('a' + c % 26) : alphabet[c % 2];
            }
          if (special && l && (seed >> 24) % 40 == 0)
            f[i][0] = '\0';    /* a NUL inside a field */
          len[i] = l;
          store[k++] = '\0';
        }
      char delim = t % 3 == 2 ? ';' : ',';
      FILE *a = tmpfile (), *b = tmpfile ();
      mn_csv_row (a, f, len, n, delim);
      for (size_t i = 0; i < n; i++)
        {
          if (i)
            putc (delim, b);
          mn_csv_field (b, f[i], len[i], delim);
        }
      putc ('\n', b);
      static char x[20000], y[20000];
      rewind (a);
      rewind (b);
      size_t nx = fread (x, 1, sizeof x, a), ny = fread (y, 1, sizeof y, b);
      bad = nx != ny || memcmp (x, y, nx) != 0;
      trials++;
      fclose (a);
      fclose (b);
    }
  ok (!bad, "csv: mn_csv_row on contiguous fields = field by field "
      "(4000 random rows)");
}

static void
test_groups (void)
{
  enum { N = 100000 };
  struct mn_groups *g = mn_groups_new (sizeof (struct acc));
  ok (mn_groups_count (g) == 0, "groups: new table is empty");
  ok (mn_groups_find (g, "x", 1) == NULL, "groups: find in empty table");
  struct mn_group_entry *v = mn_groups_sorted (g);
  free (v);

  char key[32];
  int zeroed = 1;
  struct acc *first = NULL;
  for (int i = 0; i < N; i++)
    {
      int n = snprintf (key, sizeof key, "k%d", i);
      struct acc *a = mn_groups_get (g, key, n);
      static const struct acc zero;
      if (memcmp (a, &zero, sizeof zero) != 0)
        zeroed = 0;
      a->count = i;
      a->sum = i * 0.5;
      if (i == 0)
        first = a;
    }
  ok (zeroed, "groups: every new value zeroed");
  ok (mn_groups_count (g) == N, "groups: 100000 distinct keys");

  int found = 1;
  for (int i = 0; i < N; i++)
    {
      int n = snprintf (key, sizeof key, "k%d", i);
      struct acc *a = mn_groups_find (g, key, n);
      if (!a || a->count != i || a->sum != i * 0.5)
        found = 0;
    }
  ok (found, "groups: every key found with its value");
  ok (mn_groups_get (g, "k0", 2) == first,
      "groups: value pointer stable across growth");
  ok (mn_groups_count (g) == N, "groups: get of an old key adds nothing");
  ok (mn_groups_find (g, "k100000", 7) == NULL, "groups: missing key");
  ok (mn_groups_find (g, "k", 1) == NULL, "groups: prefix of a key");
  ok (mn_groups_find (g, "k12", 2) != NULL
        && ((struct acc *) mn_groups_find (g, "k12", 2))->count == 1,
      "groups: key length is what counts");

  v = mn_groups_sorted (g);
  int sorted = 1, values = 1;
  for (size_t i = 0; i < N; i++)
    {
      if (i && !entry_cmp_ok (&v[i - 1], &v[i]))
        sorted = 0;
      if (v[i].value != mn_groups_find (g, v[i].key, v[i].keylen))
        values = 0;
    }
  ok (sorted, "groups: 100000 entries strictly in byte order");
  ok (values, "groups: sorted entries point at the table's values");
  ok (v[0].keylen == 2 && memcmp (v[0].key, "k0", 2) == 0
        && v[1].keylen == 2 && memcmp (v[1].key, "k1", 2) == 0
        && v[2].keylen == 3 && memcmp (v[2].key, "k10", 3) == 0,
      "groups: k0, k1, k10 first (a key before its extensions)");
  free (v);
  mn_groups_free (g);

  /* Byte order, not locale order; a key before its longer extensions;
     NUL-joined composite keys sort by part.  */
  g = mn_groups_new (sizeof (int));
  static const struct
  {
    const char *k;
    size_t n;
  } keys[] = {
#define K(s) { s, sizeof s - 1 }
    K ("b"), K ("村"), K ("a\0b"), K ("ab"), K ("a"), K (""),
    K ("乡A\0C10"), K ("乡A\0C1"), K ("乡AB\0C0"), K ("Z"),
#undef K
  };
  const int nk = sizeof keys / sizeof *keys;
  for (int i = 0; i < nk; i++)
    *(int *) mn_groups_get (g, keys[i].k, keys[i].n) = i + 1;
  ok (mn_groups_count (g) == (size_t) nk, "groups: ten small keys");
  v = mn_groups_sorted (g);
  static const int want[] = { 6, 10, 5, 3, 4, 1, 8, 7, 9, 2 };
  char got[128] = "", wnt[128] = "";
  for (int i = 0; i < nk; i++)
    {
      sprintf (got + strlen (got), "%d ", *(int *) v[i].value);
      sprintf (wnt + strlen (wnt), "%d ", want[i]);
    }
  streq (got, wnt,
         "groups: '' Z a a\\0b ab b 乡A\\0C1 乡A\\0C10 乡AB\\0C0 村");
  free (v);

  ok (*(int *) mn_groups_find (g, "a\0b", 3) == 3
        && *(int *) mn_groups_find (g, "a", 1) == 5,
      "groups: key with a NUL distinct from its first part");
  *(int *) mn_groups_get (g, "ab\0c", 4) = 11;
  *(int *) mn_groups_get (g, "a\0bc", 4) = 12;
  ok (mn_groups_count (g) == 12
        && *(int *) mn_groups_find (g, "ab\0c", 4) == 11
        && *(int *) mn_groups_find (g, "a\0bc", 4) == 12,
      "groups: (ab, c) and (a, bc) are different groups");
  mn_groups_free (g);
  mn_groups_free (NULL);
}

/* mn_parse_double's own decimal path (no strtod) against strtod_l in
   the C locale, bit for bit, on random decimals of every shape: signs,
   leading zeros, up to 19 digits, up to 25 after the point.  strtod is
   the independent reference here: correctly rounded by glibc.  */
static void
test_parse_double_fast (void)
{
  locale_t c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  unsigned long seed = 12345, bad = 0, n = 200000;
  char buf[64], first[64] = "";
  for (unsigned long k = 0; k < n; k++)
    {
      size_t j = 0;
      seed = seed * 6364136223846793005UL + 1442695040888963407UL;
      unsigned r = (unsigned) (seed >> 33);
      if (r % 5 == 0)
        buf[j++] = r % 2 ? '-' : '+';
      int lead = r % 7 == 0 ? 3 : 0, whole = (r >> 3) % 12;
      int frac = (r >> 7) % 4 == 0 ? -1 : (int) ((r >> 9) % 26);
      for (int i = 0; i < lead; i++)
        buf[j++] = '0';
      for (int i = 0; i < whole; i++)
        {
          seed = seed * 6364136223846793005UL + 1442695040888963407UL;
          buf[j++] = (char) ('0' + (seed >> 40) % 10);
        }
      if (frac >= 0)
        {
          buf[j++] = '.';
          for (int i = 0; i < frac; i++)
            {
              seed = seed * 6364136223846793005UL + 1442695040888963407UL;
              buf[j++] = (char) ('0' + (seed >> 40) % 10);
            }
        }
      buf[j] = '\0';
      double got;
      int rc = mn_parse_double (buf, &got);
      char *end;
      double want = strtod_l (buf, &end, c);
      bool number = end != buf && *end == '\0';
      if ((rc == 0) != number
          || (number && memcmp (&got, &want, sizeof got) != 0))
        {
          if (!bad++)
            strcpy (first, buf);
        }
    }
  freelocale (c);
  char name[128];
  snprintf (name, sizeof name, "parse_double equals strtod on %lu random "
            "decimals (first differing: '%s')", n, first);
  ok (bad == 0, name);
}

/* The word-at-a-time ASCII runs of mn_utf8_valid and mn_ascii, at
   every alignment: a bad byte, a valid 3-byte character, a cut one
   after K ASCII bytes.  */
static void
test_utf8_runs (void)
{
  bool right = true;
  for (size_t k = 0; k < 40; k++)
    {
      char s[64];
      memset (s, 'a', sizeof s);
      s[k] = (char) 0xFF;
      right &= !mn_utf8_valid (s, k + 5) && mn_utf8_valid (s, k);
      right &= !mn_ascii (s, k + 1) && mn_ascii (s, k);
      memcpy (s + k, "\xE5\x9F\x8E", 3);
      right &= mn_utf8_valid (s, k + 3) && mn_utf8_valid (s, k + 20);
      right &= !mn_utf8_valid (s, k + 2);
      s[k + 2] = 'x';
      right &= !mn_utf8_valid (s, k + 20);
    }
  ok (right, "utf8_valid and ascii at every offset of an ASCII run");
}

/* mn_tab_unique_name: the suffix .K with the smallest K >= 1 that no
   name taken has, as R's make.unique (c ("line", "line.1", "line"))
   gives "line.2".  */
static void
test_unique_name (void)
{
  const char *taken[] = { "source", "line", "reason", "message",
                          "line.1", "q1" };
  struct { const char *name; size_t n; const char *want; } c[] = {
    { "q2", 6, "q2" }, { "line", 6, "line.2" }, { "line", 4, "line.1" },
    { "source", 6, "source.1" }, { "q1", 5, "q1" }, { "q1", 6, "q1.1" },
    { "7", 0, "7" },
  };
  for (size_t i = 0; i < sizeof c / sizeof *c; i++)
    {
      char *got = mn_tab_unique_name (c[i].name, taken, c[i].n);
      char what[64];
      snprintf (what, sizeof what, "unique_name %s among %zu", c[i].name,
                c[i].n);
      streq (got, c[i].want, what);
      free (got);
    }
}

/* Keys made to share one unseeded hash (flood.h): the table's own seed
   files them under distinct hashes, so that no probe sequence holds
   them all; and they are all there, each with its value.  */
static void
test_groups_flood (void)
{
  const size_t n = 20000;
  unsigned char key[FLOOD_KEY];
  struct mn_groups *g = mn_groups_new (sizeof (uint64_t));
  uint64_t *hs = calloc (n, sizeof *hs);
  size_t found = 0;
  for (uint64_t i = 0; i < n; i++)
    {
      flood_key (i, key);
      *(uint64_t *) mn_groups_get (g, (const char *) key, FLOOD_KEY) = i + 1;
      hs[i] = mn_groups_hash (g, (const char *) key, FLOOD_KEY);
    }
  for (uint64_t i = 0; i < n; i++)
    {
      flood_key (i, key);
      const uint64_t *v = mn_groups_find (g, (const char *) key, FLOOD_KEY);
      found += v && *v == i + 1;
    }
  size_t distinct = flood_distinct (hs, n);
  ok (flood_sharing (n) == n, "groups: 20000 keys made to share one unseeded hash do");
  tap_report (distinct == n, "groups: the table's seeded hash scatters them",
              "%zu distinct hashes of %zu", distinct, n);
  tap_report (found == n && mn_groups_count (g) == n,
              "groups: the 20000 keys are all there with their values",
              "%zu found, %zu counted", found, mn_groups_count (g));
  /* Two tables draw different seeds (a chance of 2^-64 to fail).  */
  struct mn_groups *h = mn_groups_new (1);
  ok (mn_groups_hash (g, "k", 1) != mn_groups_hash (h, "k", 1),
      "groups: each table has a seed of its own");
  mn_groups_free (h);
  mn_groups_free (g);
  free (hs);
}

/* What a thread of mn_thread_start finds about itself.  */
struct thread_seen
{
  size_t stack;
  int blocked;                  /* SIGINT, SIGTERM and SIGPIPE blocked */
};

static void *
thread_look (void *arg)
{
  struct thread_seen *t = arg;
  pthread_attr_t a;
  if (pthread_getattr_np (pthread_self (), &a) == 0)
    {
      pthread_attr_getstacksize (&a, &t->stack);
      pthread_attr_destroy (&a);
    }
  sigset_t m;
  pthread_sigmask (SIG_SETMASK, NULL, &m);
  t->blocked = sigismember (&m, SIGINT) && sigismember (&m, SIGTERM)
               && sigismember (&m, SIGPIPE);
  return NULL;
}

/* base/thread.h: the stack asked for (not ulimit -s's), every signal
   blocked in the thread, the caller's mask as it was.  */
static void
test_thread_start (void)
{
  struct thread_seen t = { 0, 0 };
  pthread_t th;
  sigset_t before, after;
  pthread_sigmask (SIG_SETMASK, NULL, &before);
  int rc = mn_thread_start (&th, MN_THREAD_STACK, thread_look, &t);
  pthread_sigmask (SIG_SETMASK, NULL, &after);
  if (rc == 0)
    pthread_join (th, NULL);
  ok (rc == 0, "thread: started");
  tap_report (t.stack >= MN_THREAD_STACK && t.stack < 2 * MN_THREAD_STACK,
              "thread: the stack asked for", "%zu bytes", t.stack);
  ok (t.blocked, "thread: every signal blocked in it");
  ok (!sigismember (&after, SIGINT) == !sigismember (&before, SIGINT),
      "thread: the caller's signal mask left as it was");
}

/* base/xalloc.h: a thread's own handler for memory exhausted is called
   with its argument, on that thread only, and once (the reader thread
   of prog/pipe.c hands its records on from it; this one leaves the
   thread instead of waiting for the process to end).  */
struct die_seen
{
  int calls;
  pthread_t on;
};

static void
thread_die (void *arg)
{
  struct die_seen *d = arg;
  d->calls++;
  d->on = pthread_self ();
  pthread_exit (NULL);
}

static void *
thread_runs_out (void *arg)
{
  mn_xalloc_set_thread_die (thread_die, arg);
  xalloc_die ();
}

static void
test_thread_die (void)
{
  struct die_seen d = { 0, pthread_self () };
  pthread_t th;
  int rc = mn_thread_start (&th, MN_THREAD_STACK, thread_runs_out, &d);
  if (rc == 0)
    pthread_join (th, NULL);
  ok (rc == 0 && d.calls == 1 && !pthread_equal (d.on, pthread_self ()),
      "xalloc: a thread's handler for memory exhausted, on that thread");
}

/* io/output.h: a temporary file the program made itself is removed by
   what the signal handler calls, until forgotten.  */
static void
test_remember_temporary (void)
{
  char path[] = "/tmp/test-misc-tmp.XXXXXX";
  int fd = mkstemp (path);
  if (fd >= 0)
    close (fd);
  mn_output_remember (path);
  mn_output_remove_temporaries ();
  ok (fd >= 0 && access (path, F_OK) != 0,
      "output: a remembered temporary file is removed on a signal");
  mn_output_forget (path);
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0)
    close (fd);
  mn_output_remove_temporaries ();
  ok (fd >= 0 && access (path, F_OK) == 0,
      "output: a forgotten one is left alone");
  unlink (path);
}

int
main (void)
{
  test_unique_name ();
  test_parse_double ();
  test_parse_double_fast ();
  test_utf8_runs ();
  test_parse_long ();
  test_utf8 ();
  test_na ();
  test_csvout ();
  test_csvout_rows ();
  test_groups ();
  test_groups_flood ();
  test_thread_start ();
  test_thread_die ();
  test_remember_temporary ();
  return tap_done ();
}

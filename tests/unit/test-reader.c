/* test-reader.c - unit tests of the streaming CSV reader (lib/reader.c)
   and of header look-ups.

   Most cases read a whole input and compare a one-line transcript of
   what came out: each record as "LINE-LAST[f1|f2|...]" (a NUL byte shown
   as \0), "!Q" after a record with an open quote, "!U<field>" after one
   with invalid UTF-8, then "EOF lines=N" or "ERR reason@line".  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/errinfo.h"
#include "io/reader.h"
#include "tap.h"
#include "base/normalize.h"
#include "base/utf8.h"

/* A temporary file holding the N bytes at S, positioned at its start.  */
static FILE *
file_of (const char *s, size_t n)
{
  FILE *fp = tmpfile ();
  if (!fp || fwrite (s, 1, n, fp) != n || fseek (fp, 0, SEEK_SET) != 0)
    {
      perror ("tmpfile");
      exit (99);
    }
  return fp;
}

static char transcript[8192];
static struct mn_error last_err;

static void
append (size_t *used, const char *s, size_t n)
{
  if (*used + n + 1 > sizeof transcript)
    n = *used + 1 < sizeof transcript ? sizeof transcript - *used - 1 : 0;
  memcpy (transcript + *used, s, n);
  *used += n;
  transcript[*used] = '\0';
}

/* Read the N bytes at S with options O (may be NULL); return the
   transcript.  The last error is left in LAST_ERR.  */
static const char *
dump_opts (const char *s, size_t n, const struct mn_reader_options *o)
{
  size_t used = 0;
  char buf[64];
  FILE *fp = file_of (s, n);
  memset (&last_err, 0, sizeof last_err);
  transcript[0] = '\0';
  struct mn_reader *r = mn_reader_new (fp, "in.csv", o, &last_err);
  if (!r)
    {
      fclose (fp);
      return "NEW FAILED";
    }
  struct mn_record rec;
  int rc;
  while ((rc = mn_reader_next (r, &rec, &last_err)) == 1)
    {
      snprintf (buf, sizeof buf, "%s%lu-%lu[", used ? " " : "", rec.line,
                rec.last_line);
      append (&used, buf, strlen (buf));
      for (size_t i = 0; i < rec.n; i++)
        {
          if (i)
            append (&used, "|", 1);
          for (size_t j = 0; j < rec.len[i]; j++)
            if (rec.f[i][j] == '\0')
              append (&used, "\\0", 2);
            else
              append (&used, &rec.f[i][j], 1);
        }
      append (&used, "]", 1);
      if (rec.flaw == MN_FLAW_QUOTE)
        append (&used, "!Q", 2);
      else if (rec.flaw == MN_FLAW_BADQUOTE)
        {
          char flaw[32];
          snprintf (flaw, sizeof flaw, "!B%zu", rec.flaw_field);
          append (&used, flaw, strlen (flaw));
        }
      else if (rec.flaw == MN_FLAW_UTF8)
        {
          snprintf (buf, sizeof buf, "!U%zu", rec.flaw_field);
          append (&used, buf, strlen (buf));
        }
    }
  if (rc == 0)
    snprintf (buf, sizeof buf, "%sEOF lines=%lu", used ? " " : "",
              mn_reader_lines (r));
  else
    snprintf (buf, sizeof buf, "%sERR %s@%lu", used ? " " : "",
              mn_reason_name (last_err.reason), last_err.line);
  append (&used, buf, strlen (buf));
  mn_reader_free (r);
  fclose (fp);
  return transcript;
}

static const char *
dump (const char *s)
{
  return dump_opts (s, strlen (s), NULL);
}

static const char *
dump_enc (const char *s, size_t n, const char *encoding)
{
  struct mn_reader_options o = { .encoding = encoding };
  return dump_opts (s, n, &o);
}

static void
test_basic (void)
{
  streq (dump ("a,b,c\n1,2,3\n"), "1-1[a|b|c] 2-2[1|2|3] EOF lines=2",
         "simple records");
  streq (dump (""), "EOF lines=0", "empty input");
  streq (dump ("a,,c\n,\n"), "1-1[a||c] 2-2[|] EOF lines=2",
         "empty fields");
  streq (dump ("a,b\nc,d"), "1-1[a|b] 2-2[c|d] EOF lines=2",
         "last line without a final newline");
  streq (dump (" a , b \n"), "1-1[ a | b ] EOF lines=1",
         "leading and trailing spaces are kept (RFC 4180)");
  streq (dump ("\ta\t,b\n"), "1-1[\ta\t|b] EOF lines=1",
         "leading and trailing tabs are kept");
  streq (dump ("x, \"a\" \n"), "1-1[x| \"a\" ]!B1 EOF lines=1",
         "a quote after a space opens no quoted field: RFC 4180 allows "
         "quotes only in quoted fields, so the record is flawed");
}

static void
test_quoting (void)
{
  streq (dump ("id,text\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"\"\n"),
         "1-1[id|text] 2-2[1|a,b] 3-3[2|say \"hi\"] 4-4[3|] EOF lines=4",
         "quoted delimiter, doubled quotes, empty quoted field");
  streq (dump ("id,text\n1,\"x\ny\nz\"\n2,w\n"),
         "1-1[id|text] 2-4[1|x\ny\nz] 5-5[2|w] EOF lines=5",
         "embedded newlines: line and last_line");
  streq (dump ("1,\"x\r\ny\"\r\n2,z\r\n"),
         "1-2[1|x\r\ny] 3-3[2|z] EOF lines=3",
         "embedded CRLF is kept inside quotes");
  streq (dump ("\"a\nb\",c\n"), "1-2[a\nb|c] EOF lines=2",
         "a record whose first field spans two lines");
  streq (dump ("a,\"b\nc\"\n\nd\n"), "1-2[a|b\nc] 4-4[d] EOF lines=4",
         "blank line after a multi-line record");
}

static void
test_line_ends (void)
{
  streq (dump ("a,b\r\nc,d\r\n"), "1-1[a|b] 2-2[c|d] EOF lines=2",
         "CRLF line ends");
  streq (dump ("a,b\rc,d\r"), "1-1[a|b] 2-2[c|d] EOF lines=2",
         "bare CR line ends count as lines");
  streq (dump ("a\r\nb\rc\nd"), "1-1[a] 2-2[b] 3-3[c] 4-4[d] EOF lines=4",
         "mixed CRLF, CR, LF and no final line end");
  streq (dump ("a\n\n\nb\n\n"), "1-1[a] 4-4[b] EOF lines=5",
         "blank lines are skipped but counted");
  streq (dump ("\n\na\n"), "3-3[a] EOF lines=3",
         "leading blank lines are counted");
  streq (dump ("a\r\n\r\nb\r\n"), "1-1[a] 3-3[b] EOF lines=3",
         "blank CRLF lines are counted");
  streq (dump ("a\r\rb\r"), "1-1[a] 3-3[b] EOF lines=3",
         "blank bare-CR lines are counted");
  streq (dump ("a,\"x\ry\"\rb\r"), "1-2[a|x\ry] 3-3[b] EOF lines=3",
         "bare CR inside quotes is data and a line end");
}

static void
test_bom_delim (void)
{
  const char *s = dump ("\xEF\xBB\xBFid,name\n1,x\n");
  streq (s, "1-1[id|name] 2-2[1|x] EOF lines=2", "UTF-8 BOM dropped");

  /* Field 1 of the header must be exactly "id", not BOM + "id".  */
  FILE *fp = file_of ("\xEF\xBB\xBFid,name\n", 12);
  struct mn_error e;
  struct mn_reader *r = mn_reader_new (fp, "bom.csv", NULL, &e);
  struct mn_record rec;
  ok (r && mn_reader_next (r, &rec, &e) == 1, "BOM: header read");
  if (r)
    {
      ok (rec.len[0] == 2 && strcmp (rec.f[0], "id") == 0,
          "BOM: header field 1 has no BOM");
      struct mn_header h;
      mn_header_init (&h, &rec);
      ok (mn_header_find (&h, "id", "bom.csv", &e) == 0,
          "BOM: column 'id' found by name");
      mn_header_release (&h);
    }
  mn_reader_free (r);
  fclose (fp);

  streq (dump ("a,\xEF\xBB\xBF" "b\n"), "1-1[a|\xEF\xBB\xBF" "b] EOF lines=1",
         "a BOM elsewhere is data");

  struct mn_reader_options tab = { .delim = '\t' };
  const char *t = "a\tb,c\t\"d\te\"\n";
  streq (dump_opts (t, strlen (t), &tab), "1-1[a|b,c|d\te] EOF lines=1",
         "tab delimiter: comma is data, quoted tab");
  struct mn_reader_options semi = { .delim = ';', .encoding = "UTF-8" };
  t = "a;b,c\n";
  streq (dump_opts (t, strlen (t), &semi), "1-1[a|b,c] EOF lines=1",
         "semicolon delimiter, encoding UTF-8 means no conversion");
}

static void
test_flaws (void)
{
  streq (dump ("a,b\nc,\"d\ne\n"), "1-1[a|b] 2-3[c|d\ne\n]!Q EOF lines=3",
         "unterminated quote at EOF: record returned with MN_FLAW_QUOTE");
  streq (dump ("a,\"b"), "1-1[a|b]!Q EOF lines=1",
         "unterminated quote, no final newline");
  streq (dump ("a,\"b\n"), "1-1[a|b\n]!Q EOF lines=1",
         "unterminated quote: last_line is the line of the last byte");
  streq (dump ("a,\"b\"\n"), "1-1[a|b] EOF lines=1",
         "a closed quote at EOF is no flaw");

  /* RFC 4180: a quote must be doubled or close its field.  A stray one
     rejects its own record, kept to the end of its line, and reading
     goes on with the next line: it must not run on and merge rows.  */
  streq (dump ("a,b\n\"x\"y,1\nc,d\ne,f\n"),
         "1-1[a|b] 2-2[x\"y,1]!B0 3-3[c|d] 4-4[e|f] EOF lines=4",
         "a quote closing a field early: its record alone is flawed");
  streq (dump ("a,b\nx\"y,1\n\"c\",d\n"),
         "1-1[a|b] 2-2[x\"y,1]!B0 3-3[c|d] EOF lines=3",
         "a quote inside an unquoted field: its record alone is flawed");
  streq (dump ("a,\"b\nc\"d,e\nf,g\n"),
         "1-2[a|b\nc\"d,e]!B1 3-3[f|g] EOF lines=3",
         "a bad quote after a line break: the record spans both lines");
  streq (dump ("a,b\nx,\xFF\n"), "1-1[a|b] 2-2[x|\xFF]!U1 EOF lines=2",
         "invalid UTF-8 byte FF in field 2");
  streq (dump ("\xC0\xAF,b\n"), "1-1[\xC0\xAF|b]!U0 EOF lines=1",
         "overlong C0 AF is invalid");
  streq (dump ("a,b,\xED\xA0\x80\n"), "1-1[a|b|\xED\xA0\x80]!U2 EOF lines=1",
         "surrogate ED A0 80 is invalid");
  streq (dump ("a,\xE6\x9D\n"), "1-1[a|\xE6\x9D]!U1 EOF lines=1",
         "truncated multibyte character is invalid");
  streq (dump ("a,\xFF,\xFE\n"), "1-1[a|\xFF|\xFE]!U1 EOF lines=1",
         "flaw_field is the first bad field");
  streq (dump ("村民组,满意\n"), "1-1[村民组|满意] EOF lines=1",
         "valid UTF-8 is no flaw");
  streq (dump_opts ("a,b\0c\n", 6, NULL), "1-1[a|b\\0c]!U1 EOF lines=1",
         "a NUL byte in a field is a flaw");
}

/* GB18030 bytes of "村民组,满意\n" (iconv -f UTF-8 -t GB18030).  */
static const char gb_row[] =
  "\xb4\xe5\xc3\xf1\xd7\xe9\x2c\xc2\xfa\xd2\xe2\x0a";

static void
test_gb18030 (void)
{
  streq (dump_enc (gb_row, sizeof gb_row - 1, "GB18030"),
         "1-1[村民组|满意] EOF lines=1", "GB18030 converted to UTF-8");
  streq (dump_enc (gb_row, sizeof gb_row - 1, "gb18030"),
         "1-1[村民组|满意] EOF lines=1", "encoding name in lower case");
  /* "张三,基本满意\r\n" with a GB18030 BOM (84 31 95 33).  */
  static const char bom[] = "\x84\x31\x95\x33\xd5\xc5\xc8\xfd\x2c\xbb\xf9"
                            "\xb1\xbe\xc2\xfa\xd2\xe2\r\n";
  streq (dump_enc (bom, sizeof bom - 1, "GB18030"),
         "1-1[张三|基本满意] EOF lines=1",
         "GB18030 byte-order mark dropped, CRLF");
  /* 81 20: a lead byte followed by a byte no GB18030 character has.  */
  static const char bad[] = "a,b\n\xb4\xe5,\x81\x20\nc\n";
  streq (dump_enc (bad, sizeof bad - 1, "GB18030"),
         "1-1[a|b] ERR encoding@2",
         "invalid GB18030: records before it, then -1 at its line");
  ok (last_err.reason == MN_R_ENCODING && last_err.file
        && strcmp (last_err.file, "in.csv") == 0,
      "invalid GB18030: reason MN_R_ENCODING, file named");
  ok (strstr (last_err.msg, "GB18030") != NULL,
      "invalid GB18030: message names the encoding");
  static const char cut[] = "a\n\xb4";
  streq (dump_enc (cut, sizeof cut - 1, "GB18030"),
         "1-1[a] ERR encoding@2", "incomplete GB18030 character at EOF");

  struct mn_error e = { 0 };
  struct mn_reader_options o = { .encoding = "NO-SUCH-ENCODING" };
  FILE *fp = file_of ("a\n", 2);
  struct mn_reader *r = mn_reader_new (fp, "x.csv", &o, &e);
  ok (r == NULL, "unknown encoding: mn_reader_new returns NULL");
  ok (e.reason == MN_R_USAGE && strstr (e.msg, "NO-SUCH-ENCODING"),
      "unknown encoding: the error names it");
  mn_reader_free (r);
  fclose (fp);
}

/* Length of the GB18030 character starting at S.  */
static size_t
gb_charlen (const unsigned char *s)
{
  if (s[0] < 0x80)
    return 1;
  return s[1] >= 0x30 && s[1] <= 0x39 ? 4 : 2;
}

/* Many GB18030 rows, so that characters straddle the reader's 64 KiB
   block boundary.  Each row is "<n>,😀村,满意\n": the emoji is a
   four-byte GB18030 character (94 39 FC 36), the others two bytes.  A
   header of PAD bytes shifts the rows so that, over PAD = 2..13, every
   byte position of a row meets the boundary.  */
static void
test_gb18030_blocks (void)
{
  static const char row_gb[] = ",\x94\x39\xfc\x36\xb4\xe5,\xc2\xfa\xd2\xe2\n";
  int all_ok = 1, straddled2 = 0, straddled4 = 0;
  for (int pad = 2; pad <= 13; pad++)
    {
      size_t cap = 200000, n = 0;
      char *buf = malloc (cap);
      memset (buf, 'h', pad - 1);
      buf[pad - 1] = '\n';
      n = pad;
      int rows = 0;
      while (n < 140000)
        {
          n += sprintf (buf + n, "%d", rows % 10);
          memcpy (buf + n, row_gb, sizeof row_gb - 1);
          n += sizeof row_gb - 1;
          rows++;
        }
      /* Which character holds the last byte of the first block?  */
      const unsigned char *u = (const unsigned char *) buf;
      size_t at = 0;
      while (at + gb_charlen (u + at) <= 65536)
        at += gb_charlen (u + at);
      if (at < 65536)
        {
          if (gb_charlen (u + at) == 2)
            straddled2 = 1;
          else
            straddled4 = 1;
        }

      FILE *fp = file_of (buf, n);
      struct mn_reader_options o = { .encoding = "GB18030" };
      struct mn_error e;
      struct mn_reader *r = mn_reader_new (fp, "gb.csv", &o, &e);
      struct mn_record rec;
      int rc = r ? mn_reader_next (r, &rec, &e) : -1;   /* header */
      int got = 0;
      while (rc == 1 && (rc = mn_reader_next (r, &rec, &e)) == 1)
        {
          char want[8];
          snprintf (want, sizeof want, "%d", got % 10);
          if (rec.n != 3 || strcmp (rec.f[0], want) != 0
              || strcmp (rec.f[1], "😀村") != 0
              || strcmp (rec.f[2], "满意") != 0
              || rec.line != (unsigned long) got + 2
              || rec.last_line != rec.line || rec.flaw != MN_FLAW_NONE)
            {
              if (all_ok)
                printf ("# pad %d: row %d wrong at line %lu\n", pad, got,
                        rec.line);
              all_ok = 0;
            }
          got++;
        }
      if (rc != 0 || got != rows
          || mn_reader_lines (r) != (unsigned long) rows + 1)
        {
          printf ("# pad %d: rc %d, %d of %d rows%s%s\n", pad, rc, got,
                  rows, rc < 0 ? ": " : "", rc < 0 ? e.msg : "");
          all_ok = 0;
        }
      mn_reader_free (r);
      fclose (fp);
      free (buf);
    }
  ok (straddled2 && straddled4,
      "GB18030 fixture: 2- and 4-byte characters straddle 64 KiB");
  ok (all_ok, "GB18030 across 64 KiB blocks: every row and line right");
}

/* A UTF-8 file over 64 KiB: plain rows, a multi-line quoted field every
   97 rows, blank lines every 89.  Each record's line is checked.  */
static void
test_big_file (void)
{
  size_t cap = 1 << 20, n = 0;
  char *buf = malloc (cap);
  unsigned long line = 1;
  int rows = 30000;
  unsigned long *start = malloc (rows * sizeof *start);
  unsigned long *end = malloc (rows * sizeof *end);
  for (int i = 0; i < rows; i++)
    {
      if (i % 89 == 0)
        n += sprintf (buf + n, "\n"), line++;
      start[i] = line;
      if (i % 97 == 0)
        {
          n += sprintf (buf + n, "%d,\"村民\n第%d组\"\n", i, i);
          line += 2;
        }
      else
        {
          n += sprintf (buf + n, "%d,村民第%d组\n", i, i);
          line++;
        }
      end[i] = line - 1;
    }
  ok (n > 3 * 65536, "big file fixture is over 64 KiB");
  FILE *fp = file_of (buf, n);
  struct mn_error e;
  struct mn_reader *r = mn_reader_new (fp, "big.csv", NULL, &e);
  struct mn_record rec;
  int rc, got = 0, bad = 0;
  while ((rc = mn_reader_next (r, &rec, &e)) == 1)
    {
      char want[64];
      if (got % 97 == 0)
        snprintf (want, sizeof want, "村民\n第%d组", got);
      else
        snprintf (want, sizeof want, "村民第%d组", got);
      if (got >= rows || rec.n != 2 || atoi (rec.f[0]) != got
          || strcmp (rec.f[1], want) != 0 || rec.line != start[got]
          || rec.last_line != end[got] || rec.flaw)
        {
          if (!bad)
            printf ("# record %d: line %lu-%lu, want %lu-%lu\n", got,
                    rec.line, rec.last_line, start[got], end[got]);
          bad++;
        }
      got++;
    }
  ok (rc == 0 && got == rows, "big file: every record read");
  ok (bad == 0, "big file: every record's fields and lines right");
  ok (mn_reader_lines (r) == line - 1, "big file: mn_reader_lines");
  mn_reader_free (r);
  fclose (fp);
  free (buf);
  free (start);
  free (end);
}

/* CRLF line ends whose CR ends one 64 KiB block and whose LF starts the
   next, both between records and inside a quoted field.  */
static void
test_crlf_blocks (void)
{
  int split = 0, all_ok = 1;
  for (int quoted = 0; quoted <= 1; quoted++)
    for (int pad = 0; pad < 4; pad++)
      {
        size_t n = 0;
        char *buf = malloc (100000);
        memset (buf, 'h', pad + 1);
        n = pad + 1;
        memcpy (buf + n, "\r\n", 2);
        n += 2;
        int rows = 0;
        while (n < 70000)
          {
            if (quoted)
              memcpy (buf + n, "\"a\r\nb\"\r\n", 8), n += 8;
            else
              memcpy (buf + n, "ab\r\n", 4), n += 4;
            rows++;
          }
        if (buf[65535] == '\r' && buf[65536] == '\n')
          split |= 1 << quoted;
        FILE *fp = file_of (buf, n);
        struct mn_error e;
        struct mn_reader *r = mn_reader_new (fp, "crlf.csv", NULL, &e);
        struct mn_record rec;
        int rc = mn_reader_next (r, &rec, &e), got = 0;
        while (rc == 1 && (rc = mn_reader_next (r, &rec, &e)) == 1)
          {
            unsigned long line = quoted ? 2 + 2 * (unsigned long) got
                                        : 2 + (unsigned long) got;
            if (rec.n != 1 || strcmp (rec.f[0], quoted ? "a\r\nb" : "ab")
                || rec.line != line
                || rec.last_line != line + (unsigned long) quoted)
              {
                if (all_ok)
                  printf ("# quoted %d pad %d: record %d at %lu-%lu\n",
                          quoted, pad, got, rec.line, rec.last_line);
                all_ok = 0;
              }
            got++;
          }
        unsigned long lines = 1 + (unsigned long) rows * (1 + quoted);
        if (rc != 0 || got != rows || mn_reader_lines (r) != lines)
          all_ok = 0;
        mn_reader_free (r);
        fclose (fp);
        free (buf);
      }
  ok (split == 3, "CRLF fixture: a CR ends the first 64 KiB block");
  ok (all_ok, "CRLF split across 64 KiB blocks: lines counted once");
}

static void
test_max_record (void)
{
  struct mn_reader_options o = { .max_record = 16 };
  const char *s = "a,b\n0123456789\n";
  streq (dump_opts (s, strlen (s), &o), "1-1[a|b] 2-2[0123456789] EOF lines=2",
         "records under max_record are read");
  s = "a,b\n0123456789,0123456789\nc\n";
  streq (dump_opts (s, strlen (s), &o), "1-1[a|b] ERR too-big@2",
         "a record over max_record: -1, MN_R_TOO_BIG, its line");
  s = "a,b\n01234567,01234567,01234567\nc\n";
  streq (dump_opts (s, strlen (s), &o), "1-1[a|b] ERR too-big@2",
         "many short fields over max_record");
  char wide[512] = "a\n";
  for (int i = 0; i < 40; i++)
    strcat (wide, "012345678,");
  strcat (wide, "x\nb\n");
  struct mn_reader_options o200 = { .max_record = 200 };
  streq (dump_opts (wide, strlen (wide), &o200), "1-1[a] ERR too-big@2",
         "a one-line record of short fields over max_record");
  s = "a\n\"0123456789\n0123456789\n0123456789\n";
  streq (dump_opts (s, strlen (s), &o), "1-1[a] ERR too-big@2",
         "an unterminated quote runs over max_record");

  /* A quote left open early in a file over 64 KiB: the limit stops it
     without reading the whole file into one field.  */
  size_t n = 300000;
  char *big = malloc (n);
  memset (big, 'x', n);
  memcpy (big, "h\n\"", 3);
  for (size_t i = 100; i < n; i += 100)
    big[i] = '\n';
  struct mn_reader_options o2 = { .max_record = 1000 };
  streq (dump_opts (big, n, &o2), "1-1[h] ERR too-big@2",
         "open quote in a big file stops at max_record");
  ok (strstr (last_err.msg, "1000") != NULL,
      "too-big message gives the limit");
  free (big);

  /* A record that crosses the limit on the line where a stray quote
     stops libcsv (issue 11, defect 1): bad_quote() used to mark the
     last queued record as flawed after on_record() had dropped this one
     -- the header here, q[-1] when the queue had been drained, NULL when
     nothing had been queued yet.  */
  s = "a,b\n0123456789,0123456789x\"y\nc\n";
  streq (dump_opts (s, strlen (s), &o), "1-1[a|b] ERR too-big@2",
         "a stray quote on a record over max_record: the record before "
         "keeps its soundness");
  s = "0123456789,0123456789x\"y\nc\n";
  streq (dump_opts (s, strlen (s), &o), "ERR too-big@1",
         "a stray quote on a first record over max_record");
  /* The same as the first record of a later 64 KiB block, after the
     queue has been drained (q[-1] before the fix).  */
  n = 65536 + 64;
  big = malloc (n + 1);
  memcpy (big, "a\n", 2);
  for (size_t i = 2; i < 65536; i += 2)
    memcpy (big + i, "x\n", 2);
  memset (big + 65536, 'y', 63);
  big[65536 + 40] = '"';
  big[65536 + 63] = '\n';
  size_t got = 0;
  FILE *fp = file_of (big, n);
  struct mn_error e;
  struct mn_reader *r = mn_reader_new (fp, "in.csv", &o, &e);
  struct mn_record rec;
  int rc;
  while ((rc = mn_reader_next (r, &rec, &e)) == 1)
    got++;
  ok (rc == -1 && e.reason == MN_R_TOO_BIG && e.line == 32769
      && got == 32768,
      "a stray quote on a record over max_record, first of its block");
  mn_reader_free (r);
  fclose (fp);
  free (big);

  /* A record whose last field, flushed at end of input, takes it over
     the limit: an error, never a record dropped without a word.  */
  s = "a\n0123456,01234567";
  streq (dump_opts (s, strlen (s), &o), "1-1[a] ERR too-big@2",
         "a last line without its line end over max_record");
  s = "a\n0123456,\"01234567";
  streq (dump_opts (s, strlen (s), &o), "1-1[a] ERR too-big@2",
         "an open quote at the end over max_record");
}

static void
test_lines_progress (void)
{
  FILE *fp = file_of ("a\nb\n\nc", 7);
  struct mn_error e;
  struct mn_reader *r = mn_reader_new (fp, "p.csv", NULL, &e);
  struct mn_record rec;
  ok (mn_reader_lines (r) == 0, "mn_reader_lines is 0 before reading");
  while (mn_reader_next (r, &rec, &e) == 1)
    ;
  ok (mn_reader_lines (r) == 4, "mn_reader_lines counts the last line");
  ok (mn_reader_next (r, &rec, &e) == 0, "EOF again after EOF");
  mn_reader_free (r);
  fclose (fp);
}

/* Header from the first record of S.  */
static void
header_of (const char *s, struct mn_header *h)
{
  FILE *fp = file_of (s, strlen (s));
  struct mn_error e;
  struct mn_reader *r = mn_reader_new (fp, "h.csv", NULL, &e);
  struct mn_record rec;
  if (mn_reader_next (r, &rec, &e) != 1)
    {
      fprintf (stderr, "cannot read header\n");
      exit (99);
    }
  mn_header_init (h, &rec);
  mn_reader_free (r);
  fclose (fp);
}

static void
test_header (void)
{
  struct mn_header h;
  struct mn_error e;
  header_of ("村民组,Cadre,q1,q2,Q2\n", &h);
  ok (h.n == 5, "header: five names");
  ok (mn_header_find (&h, "Cadre", "s.csv", &e) == 1, "find exact name");
  ok (mn_header_find (&h, "cadre", "s.csv", &e) == 1,
      "find name differing in ASCII case");
  ok (mn_header_find (&h, "CADRE", "s.csv", &e) == 1,
      "find name in upper case");
  ok (mn_header_find (&h, "Q2", "s.csv", &e) == 4,
      "exact match wins over a case-insensitive one");
  ok (mn_header_find (&h, "q2", "s.csv", &e) == 3,
      "exact match wins (lower case)");
  ok (mn_header_find (&h, "村民组", "s.csv", &e) == 0, "find UTF-8 name");
  ok (mn_header_find (&h, "1", "s.csv", &e) == 0, "find column number 1");
  ok (mn_header_find (&h, "5", "s.csv", &e) == 4, "find column number 5");

  memset (&e, 0, sizeof e);
  ok (mn_header_find (&h, "6", "s.csv", &e) == -1,
      "column number out of range");
  ok (e.reason == MN_R_MISSING_COLUMN && e.line == 1 && e.file
        && strcmp (e.file, "s.csv") == 0,
      "out of range: missing-column error at s.csv line 1");
  streq (e.msg, "no column 6: the header has 5 columns",
         "out of range: message");
  ok (mn_header_find (&h, "0", "s.csv", &e) == -1, "column number 0");

  memset (&e, 0, sizeof e);
  ok (mn_header_find (&h, "村委会", "s.csv", &e) == -1, "missing name");
  ok (e.reason == MN_R_MISSING_COLUMN,
      "missing name: reason MN_R_MISSING_COLUMN");
  streq (e.msg, "no column '村委会' (columns: 村民组, Cadre, q1, q2, Q2); a "
                "columns file (--columns, minyi-formats(5)) maps other "
                "names to the suite's",
         "missing name: message lists the columns");
  ok (mn_header_duplicate (&h) == -1, "no duplicate (case matters)");
  mn_header_release (&h);
  ok (h.n == 0 && h.name == NULL, "header released");

  header_of ("a,b,c,b,a\n", &h);
  ok (mn_header_duplicate (&h) == 3, "first duplicated name is column 4");
  mn_header_release (&h);

  /* Very many long UTF-8 names: the list in the message is cut, and
     cut on a character boundary, wherever the cut falls.  */
  int cut = 0, valid = 0;
  for (int shift = 0; shift < 3; shift++)
    {
      char line[8192];
      size_t n = 0;
      n += sprintf (line, "%.*s", shift, "xyz");
      for (int i = 0; i < 200; i++)
        n += sprintf (line + n, "%s村民组", i ? "," : "");
      line[n++] = '\n';
      line[n] = '\0';
      header_of (line, &h);
      if (mn_header_find (&h, "nothing", "s.csv", &e) == -1
          && strstr (e.msg, "...") != NULL)
        cut++;
      if (mn_utf8_valid (e.msg, strlen (e.msg)))
        valid++;
      mn_header_release (&h);
    }
  ok (cut == 3, "many columns: the list is cut with '...'");
  ok (valid == 3, "many columns: the message is still valid UTF-8");
}

/* A record's nfkc flag and UTF-8 flaw, as the fast path's scanners
   (sixteen bytes at a time, and eight: MINYI_FASTPATH=word) tell them
   from the blocks of a line, against mn_nfkc_stable and mn_utf8_valid
   on the whole line: random lines of ASCII, common CJK (E4..E9), other
   three-byte characters, two- and four-byte ones, stray continuation
   bytes and cut characters, at every offset of a block.  */
static void
test_nfkc_flags (void)
{
  static const char *const piece[] = {
    "a", "bc", ",", "\xe5\x9f\x8e", "\xe4\xb8\x80", "\xe9\xbe\xa5",
    "\xe3\x80\x80", "\xef\xbc\x95", "\xc3\xa9", "\xf0\x9f\x98\x80",
    "\x80", "\xe5\x9f", "\xe5", "0123456789abcdef"
  };
  const size_t npiece = sizeof piece / sizeof *piece;
  for (int mode = 0; mode < 2; mode++)
    {
      setenv ("MINYI_FASTPATH", mode ? "word" : "1", 1);
      char *text = NULL;
      size_t size = 0;
      FILE *mem = open_memstream (&text, &size);
      unsigned long x = 99;
      for (int i = 0; i < 3000; i++)
        {
          x = x * 6364136223846793005UL + 1442695040888963407UL;
          size_t n = 1 + (x >> 33) % 24;
          /* Mostly lines a survey has: ASCII and common CJK.  */
          bool plain = (x >> 20) % 3 == 0;
          fputs ("x", mem);
          for (size_t j = 0; j < n; j++)
            {
              x = x * 6364136223846793005UL + 1442695040888963407UL;
              size_t k = (x >> 40) % (plain ? 6 : npiece);
              fputs (piece[plain && k > 4 ? 13 : k], mem);
            }
          fputs ("\n", mem);
        }
      fclose (mem);
      FILE *fp = file_of (text, size);
      struct mn_error e;
      struct mn_reader *r = mn_reader_new (fp, "n.csv", NULL, &e);
      struct mn_record rec;
      int good = 1, count = 0, cjk = 0, missed = 0;
      char line[256];
      while (good && mn_reader_next (r, &rec, &e) == 1)
        {
          size_t k = 0;
          for (size_t i = 0; i < rec.n; i++)
            {
              if (i)
                line[k++] = ',';
              memcpy (line + k, rec.f[i], rec.len[i]);
              k += rec.len[i];
            }
          bool valid = mn_utf8_valid (line, k);
          bool stable = mn_nfkc_stable (line, k) && valid;
          /* Never NFKC when it is not; not known only for a line that
             libcsv read, cut by the end of the read buffer.  */
          if ((rec.nfkc && !stable) || (rec.flaw == MN_FLAW_UTF8) == valid)
            {
              printf ("# line %lu: nfkc %d (want %d), flaw %d (valid %d)\n",
                      rec.line, rec.nfkc, stable, (int) rec.flaw, valid);
              good = 0;
            }
          missed += stable && !rec.nfkc;
          count++;
          cjk += stable && !mn_ascii (line, k);
        }
      if (count != 3000 || cjk <= 500 || missed > 3)
        printf ("# %d lines, %d with common CJK, %d not known\n", count,
                cjk, missed);
      ok (good && count == 3000 && cjk > 500 && missed <= 3,
          mode ? "nfkc flag and UTF-8 flaw: the portable scanner"
               : "nfkc flag and UTF-8 flaw: the fast path's scanner");
      mn_reader_free (r);
      fclose (fp);
      free (text);
    }
  unsetenv ("MINYI_FASTPATH");
}

/* A delimiter byte above 127 (-d takes any byte but a quote, CR and
   LF) cuts a line inside a character: a line of valid UTF-8, or text
   converted to it, may have fields that are not, and each field is
   checked, with the fast path (either scanner) as libcsv alone.  */
static void
test_high_delim (void)
{
  static const char *const mode[] = { "1", "word", "0" };
  struct mn_reader_options o = { .delim = 0xA7 };
  /* "X\u00a7" is X C2 A7; "\u4e27" is E4 B8 A7, C9 A5 in GB18030.  */
  struct mn_reader_options g = { .delim = 0xA7, .encoding = "GB18030" };
  for (size_t i = 0; i < sizeof mode / sizeof *mode; i++)
    {
      char name[96];
      setenv ("MINYI_FASTPATH", mode[i], 1);
      snprintf (name, sizeof name, "delimiter A7 cuts C2 A7: field 1 is "
                "not UTF-8 (MINYI_FASTPATH=%s)", mode[i]);
      streq (dump_opts ("X\xC2\xA7" "4\n\xE4\xB8\xA7" "5\n", 10, &o),
             "1-1[X\xC2|4]!U0 2-2[\xE4\xB8|5]!U0 EOF lines=2", name);
      snprintf (name, sizeof name, "delimiter A7 cuts converted E4 B8 A7 "
                "(MINYI_FASTPATH=%s)", mode[i]);
      streq (dump_opts ("\xC9\xA5" "5\n", 4, &g),
             "1-1[\xE4\xB8|5]!U0 EOF lines=1", name);
    }
  unsetenv ("MINYI_FASTPATH");
}

/* Read N bytes at BUF with delimiter DELIM and encoding ENC (NULL: none)
   under MINYI_FASTPATH=MODE: every record's lines, flaw and fields, and
   how reading ended, into a string (freed by the caller).  *WRONG is set
   when a record said to be in NFKC has a field that is not (or is not
   UTF-8, or holds a NUL byte).  */
static char *
transcript_of (const char *buf, size_t n, const char *mode,
               unsigned char delim, const char *enc, bool *wrong)
{
  setenv ("MINYI_FASTPATH", mode, 1);
  FILE *fp = file_of (buf, n);
  struct mn_reader_options o = { .delim = delim, .encoding = enc };
  struct mn_error e;
  struct mn_reader *r = mn_reader_new (fp, "fuzz.csv", &o, &e);
  char *text = NULL;
  size_t size = 0;
  FILE *mem = open_memstream (&text, &size);
  struct mn_record rec;
  int rc;
  while ((rc = mn_reader_next (r, &rec, &e)) == 1)
    {
      fprintf (mem, "%lu-%lu %d %zu:", rec.line, rec.last_line,
               (int) rec.flaw, rec.flaw_field);
      for (size_t i = 0; i < rec.n; i++)
        {
          fwrite (rec.f[i], 1, rec.len[i], mem);
          fputc ('|', mem);
          if (rec.nfkc && !(mn_nfkc_stable (rec.f[i], rec.len[i])
                            && mn_utf8_valid (rec.f[i], rec.len[i])
                            && !memchr (rec.f[i], '\0', rec.len[i])))
            *wrong = true;
        }
      fputc ('\n', mem);
    }
  fprintf (mem, "rc %d reason %d line %lu lines %lu\n", rc,
           rc < 0 ? (int) e.reason : 0, rc < 0 ? e.line : 0,
           mn_reader_lines (r));
  fclose (mem);
  mn_reader_free (r);
  fclose (fp);
  return text;
}

/* The fast path with either scanner and libcsv alone give the same
   records, flaws and errors on random inputs of up to 200 KB (over
   several read buffers) made of delimiters, quotes, every line end,
   NUL bytes, common CJK and other characters, cut characters and stray
   bytes; with a comma, a tab or a delimiter above 127, and converted
   from GB18030 now and then.  */
static void
test_modes_agree (void)
{
  static const char *const piece[] = {
    "a", "bc", ",", ",", "\t", "\"", "\"\"", "\r", "\n", "\r\n", "\n",
    "\xe5\x9f\x8e", "\xe4\xb8\x80", "\xe3\x80\x80", "\xef\xbc\x95",
    "\xc3\xa9", "\xc2\xa7", "\xf0\x9f\x98\x80", "\x80", "\xe5\x9f", "\xe5",
    "\xff", "0123456789abcdef", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ""
  };
  const size_t npiece = sizeof piece / sizeof *piece;
  unsigned long x = 7;
  int agree = 0, sound = 1;
  const int runs = 60;
  for (int run = 0; run < runs; run++)
    {
      x = x * 6364136223846793005UL + 1442695040888963407UL;
      size_t want = 1000 + (x >> 33) % 200000, n = 0;
      char *buf = malloc (want + 64);
      /* Few quotes, and few stray bytes too, in some inputs, so that
         most lines are left to the fast path.  */
      unsigned kind = (unsigned) (x >> 20) % 4;
      while (n < want)
        {
          x = x * 6364136223846793005UL + 1442695040888963407UL;
          size_t k = (x >> 33) % npiece;
          bool rare = (x >> 24) % 20 != 0;
          if ((kind <= 1 && (k == 5 || k == 6) && rare)
              || (kind == 1 && k >= 17 && k <= 21 && rare))
            continue;
          /* The last piece is a NUL byte.  */
          size_t len = k == npiece - 1 ? 1 : strlen (piece[k]);
          memcpy (buf + n, piece[k], len);
          n += len;
        }
      unsigned char delim = run % 4 == 1 ? 0xA7 : run % 3 == 0 ? '\t' : ',';
      const char *enc = run % 6 == 5 ? "GB18030" : NULL;
      bool wrong = false;
      char *off = transcript_of (buf, n, "0", delim, enc, &wrong);
      char *vec = transcript_of (buf, n, "1", delim, enc, &wrong);
      char *word = transcript_of (buf, n, "word", delim, enc, &wrong);
      if (strcmp (off, vec) == 0 && strcmp (off, word) == 0)
        agree++;
      else
        printf ("# input %d (delimiter 0x%02X, %s): the transcripts "
                "differ\n", run, delim, enc ? enc : "UTF-8");
      if (wrong)
        {
          printf ("# input %d: a record said NFKC is not\n", run);
          sound = 0;
        }
      free (off);
      free (vec);
      free (word);
      free (buf);
    }
  unsetenv ("MINYI_FASTPATH");
  ok (agree == runs, "random hostile inputs: both scanners and libcsv "
      "alone read the same records");
  ok (sound, "random hostile inputs: no record is said NFKC wrongly");
}

int
main (void)
{
  test_basic ();
  test_quoting ();
  test_line_ends ();
  test_bom_delim ();
  test_flaws ();
  test_gb18030 ();
  test_gb18030_blocks ();
  test_big_file ();
  test_crlf_blocks ();
  test_max_record ();
  test_lines_progress ();
  test_header ();
  test_nfkc_flags ();
  test_high_delim ();
  test_modes_agree ();
  return tap_done ();
}

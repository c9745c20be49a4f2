/* input.c - one survey input with its header.  */
#include "io/input.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "io/header.h"
#include "io/spool.h"
#include "base/normalize.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/i18n.h"

/* How much of an input the encoding guess looks at before it decides:
   the first MN_GUESS_PREFIX bytes, read on in steps of as many until a
   line ends in them (at most MN_READER_MAX_RECORD more).  An input no longer
   than that is judged whole, exactly; a longer one is judged on its
   prefix and checked as it is read (see guess_encoding).  */
#define MN_GUESS_PREFIX ((size_t) 1 << 20)

/* Whether the N bytes at BUF, then the rest of FP when FP is not NULL
   (from where it stands), convert from encoding ENC, after a UTF-8
   byte-order mark; with OUT, the UTF-8 they convert to is written
   there.  */
static bool
converts (const char *buf, size_t n, FILE *fp, const char *enc, FILE *out)
{
  iconv_t cd = iconv_open ("UTF-8", enc);
  if (cd == (iconv_t) -1)
    return false;
  char in[65536], obuf[4 * sizeof in];
  size_t carry = 0, got;
  bool ok = true, first = true;
  for (;;)
    {
      if (n > 0)
        {
          got = n < sizeof in - carry ? n : sizeof in - carry;
          memcpy (in + carry, buf, got);
          buf += got, n -= got;
        }
      else if (!fp || (got = fread (in + carry, 1, sizeof in - carry, fp))
                        == 0)
        break;
      char *ip = in;
      size_t left = carry + got;
      /* A leading UTF-8 byte-order mark is not part of the text.  */
      if (first && left >= 3 && memcmp (ip, "\xEF\xBB\xBF", 3) == 0)
        ip += 3, left -= 3;
      first = false;
      while (left > 0)
        {
          char *op = obuf;
          size_t room = sizeof obuf;
          size_t rc = iconv (cd, &ip, &left, &op, &room);
          int err = errno;
          if (out)
            fwrite (obuf, 1, sizeof obuf - room, out);
          if (rc != (size_t) -1)
            continue;
          if (err == E2BIG)
            continue;
          ok = err == EINVAL;       /* cut short by the block: go on */
          break;
        }
      memmove (in, ip, left);
      carry = left;
      if (!ok)
        break;
    }
  iconv_close (cd);
  return ok && carry == 0 && !(fp && ferror (fp)) && !(out && ferror (out));
}

/* Count the lines of the N bytes at P that hold non-ASCII bytes:
   valid UTF-8 ones in *GOOD, others in *BAD.  A line ends with LF, as
   getline(3) reads them; a UTF-8 byte-order mark at the very start
   (FIRST) is not looked at.  */
static void
classify_lines (const char *p, size_t n, bool first, unsigned long *good,
                unsigned long *bad)
{
  if (first && n >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3, n -= 3;
  while (n > 0)
    {
      const char *nl = memchr (p, '\n', n);
      size_t len = nl ? (size_t) (nl - p) + 1 : n;
      if (!mn_ascii (p, len))
        {
          if (mn_utf8_valid (p, len))
            (*good)++;
          else
            (*bad)++;
        }
      p += len, n -= len;
    }
}

/* Read the first lines of IN into a buffer (*BUF, *LEN; the caller
   frees it): MN_GUESS_PREFIX bytes, then as many more at a time until
   one of the steps holds a line end.
   Sets *EOF_SEEN when that is the whole input.  Returns 0, or -1 with E
   on a read error.  */
static int
read_prefix (struct mn_input *in, char **buf, size_t *len, bool *eof_seen,
             struct mn_error *e)
{
  size_t cap = MN_GUESS_PREFIX, n = 0;
  char *b = xmalloc (cap);
  bool eof = false;
  for (;;)
    {
      if (n == cap)
        {
          /* Past the prefix: on to the end of its line, within limits.  */
          if (memchr (b + MN_GUESS_PREFIX - 1, '\n', n - MN_GUESS_PREFIX + 1)
              || n >= MN_GUESS_PREFIX + MN_READER_MAX_RECORD)
            break;
          cap += MN_GUESS_PREFIX;
          b = xrealloc (b, cap);
        }
      size_t got = fread (b + n, 1, cap - n, in->fp);
      n += got;
      if (got == 0)
        {
          if (ferror (in->fp))
            {
              free (b);
              return mn_error_set (e, in->name, 0, MN_R_SYSTEM,
                                   "read error: %s", strerror (errno));
            }
          eof = true;
          break;
        }
    }
  *buf = b;
  *len = n;
  *eof_seen = eof;
  return 0;
}

/* The whole-input guess, as it was before the prefix: read IN through
   once, line by line, and go back to its start (a pipe, whose first
   PLEN bytes PREFIX were read already, is first copied to a temporary
   file with them).  Returns the kind, as guess_encoding does.  */
static int
guess_whole (struct mn_input *in, const char *prefix, size_t plen,
             struct mn_error *e)
{
  if (fseeko (in->fp, 0, SEEK_SET) != 0)
    {
      FILE *tmp = mn_tmpfile ();
      if (!tmp)
        return mn_error_set (e, in->name, 0, MN_R_SYSTEM,
                             "cannot make a temporary copy: %s",
                             strerror (errno));
      FILE *rest;
      if (fwrite (prefix, 1, plen, tmp) != plen
          || mn_spool (in->fp, in->name, &rest, e) < 0)
        {
          fclose (tmp);
          return -1;
        }
      char blk[65536];
      size_t got;
      while ((got = fread (blk, 1, sizeof blk, rest)) > 0)
        if (fwrite (blk, 1, got, tmp) != got)
          break;
      bool bad = ferror (rest) || ferror (tmp) || fflush (tmp) != 0;
      fclose (rest);
      if (bad || fseeko (tmp, 0, SEEK_SET) != 0)
        {
          fclose (tmp);
          return mn_error_set (e, in->name, 0, MN_R_SYSTEM,
                               "cannot make a temporary copy: %s",
                               strerror (errno));
        }
      if (in->own)
        fclose (in->fp);
      in->fp = tmp;
      in->own = true;
    }
  unsigned long good = 0, bad = 0;
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  bool first = true;
  while ((n = getline (&line, &cap, in->fp)) > 0)
    {
      classify_lines (line, n, first, &good, &bad);
      first = false;
    }
  free (line);
  int kind = bad == 0 ? 1 : good == 0 ? 0 : 2;
  /* GB18030 only if all of it converts: a stray byte in a UTF-8 file
     must cost its row, not the file.  */
  if (kind == 0 && !ferror (in->fp) && fseeko (in->fp, 0, SEEK_SET) == 0)
    kind = converts (NULL, 0, in->fp, "GB18030", NULL) ? 0 : 2;
  if (ferror (in->fp) || fseeko (in->fp, 0, SEEK_SET) != 0)
    return mn_error_set (e, in->name, 0, MN_R_SYSTEM, "read error: %s",
                         strerror (errno));
  in->bad_lines = bad;
  return kind;
}

/* What the first N bytes at B are, when they are the start of a
   spreadsheet workbook rather than text: a static phrase, or NULL.  */
static const char *
workbook_kind (const unsigned char *b, size_t n)
{
  if (n >= 8 && memcmp (b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return _("an Excel 97-2003 workbook (.xls)");
  if (n >= 4 && memcmp (b, "PK\x03\x04", 4) == 0)
    {
      /* An OpenDocument file's first member is its "mimetype".  */
      if (n >= 38 && memcmp (b + 30, "mimetype", 8) == 0)
        return _("an OpenDocument spreadsheet (.ods)");
      return _("an Excel workbook (.xlsx, a zip archive)");
    }
  return NULL;
}

int
mn_input_workbook (const char *name, const unsigned char *b, size_t n,
                   struct mn_error *e)
{
  const char *kind = workbook_kind (b, n);
  if (!kind)
    return 0;
  /* The converted file's name: BOOK's last extension made ".csv".  */
  const char *book = strcmp (name, "(standard input)") == 0 ? "BOOK" : name;
  const char *base = strrchr (book, '/');
  base = base ? base + 1 : book;
  const char *dot = strrchr (base, '.');
  int stem = (int) (dot && dot != base ? (size_t) (dot - book)
                                       : strlen (book));
  return mn_error_set (e, name, 0, MN_R_ENCODING,
                       "is %s, not CSV text: save it as CSV from the "
                       "spreadsheet, or convert it with 'ssconvert %s "
                       "%.*s.csv' (gnumeric) or 'libreoffice --headless "
                       "--convert-to csv %s'", kind, book, stem, book,
                       book);
}

/* A workbook given for FP, peeked at without moving it (FP seekable);
   0 when it is none or cannot be peeked at.  */
static int
peek_workbook (FILE *fp, const char *name, struct mn_error *e)
{
  off_t at = ftello (fp);
  if (at < 0)
    return 0;
  unsigned char b[64];
  size_t n = fread (b, 1, sizeof b, fp);
  clearerr (fp);
  if (fseeko (fp, at, SEEK_SET) != 0)
    return mn_error_set (e, name, 0, MN_R_SYSTEM, "read error: %s",
                         strerror (errno));
  return mn_input_workbook (name, b, n, e);
}

/* Guess IN's encoding without a second read of the whole input.
   Returns 1 for UTF-8; 0 for GB18030 (no line with non-ASCII bytes is
   UTF-8, and all of it converts from GB18030, which is what a Chinese
   Excel writes when it saves CSV); 2 for mixed (some such lines are
   UTF-8 and some are not: read as UTF-8, the bad rows rejected); -1 on
   error.  The bytes read to decide are handed to IN's reader in
   *PREFIX (*PLEN; NULL when the input was rewound instead), so that a
   pipe needs no copy.

   The rule is the whole input's, and the guess is exact for an input
   of up to MN_GUESS_PREFIX bytes (and the end of that line).  A longer
   one is judged on that prefix:
   - some prefix line is not UTF-8: the input is read through once more
     (a pipe copied to a temporary file), as before, for the exact
     answer: GB18030 or mixed;
   - otherwise UTF-8, and the reader checks the rest as it goes
     (mn_reader_expect_utf8): a later line that is not UTF-8 is
     rejected with its row, as in a mixed input, when a line before it
     was UTF-8 with non-ASCII bytes; when none was (the prefix all
     ASCII), the input might have been GB18030 throughout, and reading
     stops there with a message asking for --encoding (nothing can be
     read again by then).  */
static int
guess_encoding (struct mn_input *in, char **prefix, size_t *plen,
                struct mn_error *e)
{
  char *buf = NULL;
  size_t n = 0;
  bool eof = false;
  *prefix = NULL;
  *plen = 0;
  if (read_prefix (in, &buf, &n, &eof, e) < 0)
    return -1;
  /* Judge whole lines only, unless the input ends here.  */
  size_t judged = n;
  if (!eof)
    {
      const char *nl = memrchr (buf, '\n', n);
      judged = nl ? (size_t) (nl - buf) + 1 : 0;
    }
  unsigned long good = 0, bad = 0;
  classify_lines (buf, judged, true, &good, &bad);
  int kind;
  if (eof || (bad == 0 && judged > 0))
    {
      kind = bad == 0 ? 1 : good == 0 ? 0 : 2;
      if (kind == 0 && !converts (buf, n, NULL, "GB18030", NULL))
        kind = 2;
      in->bad_lines = bad;
      in->prefix_good = good > 0;
      in->verify = !eof;
      *prefix = buf;
      *plen = n;
      return kind;
    }
  kind = guess_whole (in, buf, n, e);
  free (buf);
  return kind;
}

const char *
mn_display_name (const char *path)
{
  return strcmp (path, "-") == 0 ? "(standard input)" : path;
}

/* Read IN's header from IN->fp, opened: the body of mn_input_open and
   mn_input_open_stream.  */
static int
input_start (struct mn_input *in, const struct mn_reader_options *ro,
             struct mn_error *e)
{
  struct mn_reader_options o = { 0 };
  char *prefix = NULL;
  size_t plen = 0;
  int kind = -1;
  if (ro)
    o = *ro;
  in->encoding = o.encoding ? o.encoding : "UTF-8";
  if (in->fp != stdin && peek_workbook (in->fp, in->name, e) < 0)
    goto fail;
  if (o.guess && !o.encoding)
    {
      kind = guess_encoding (in, &prefix, &plen, e);
      if (kind < 0)
        goto fail;
      /* Standard input, not peeked at before: the bytes the guess read
         first, or, when it rewound, the input itself.  */
      if (in->fp == stdin
          && (prefix ? mn_input_workbook (in->name,
                                          (const unsigned char *) prefix,
                                          plen, e)
                     : peek_workbook (in->fp, in->name, e)) < 0)
        {
          free (prefix);
          goto fail;
        }
      if (kind == 0)
        {
          o.encoding = in->encoding = "GB18030";
          in->guessed = true;
        }
      in->mixed = kind == 2;
    }
  else if (in->fp == stdin)
    {
      /* Standard input, maybe a pipe, with the encoding given: a
         workbook is known by the first bytes, handed to the reader
         then (the header, read through --encoding, may not show
         them).  */
      prefix = xmalloc (64);
      plen = fread (prefix, 1, 64, in->fp);
      if (mn_input_workbook (in->name, (const unsigned char *) prefix,
                             plen, e) < 0)
        {
          free (prefix);
          goto fail;
        }
    }
  in->r = mn_reader_new (in->fp, in->name, &o, e);
  if (!in->r)
    {
      free (prefix);
      goto fail;
    }
  mn_reader_prime (in->r, prefix, plen);
  if (in->verify && kind == 1)
    mn_reader_expect_utf8 (in->r, in->prefix_good, plen);
  struct mn_record rec;
  struct mn_header_opts ho = { o.aliases, o.skip_rows };
  int rc = mn_header_next (in->r, &ho, &rec, &in->skipped, e);
  if (rc == 0)
    mn_error_set (e, in->name, in->skipped ? mn_reader_lines (in->r) : 1,
                  MN_R_EMPTY_KEY, in->skipped
                                  ? "no header line below the rows skipped"
                                  : "empty input: no header line");
  if (rc <= 0)
    goto fail;
  /* A workbook on a pipe, not peeked at: its header is its first
     bytes.  */
  if (mn_input_workbook (in->name, (const unsigned char *) rec.f[0],
                         rec.len[0], e) < 0)
    goto fail;
  if (rec.flaw == MN_FLAW_UTF8)
    {
      const unsigned char *b = (const unsigned char *) rec.f[0];
      bool utf16 = rec.len[0] >= 2 && ((b[0] == 0xFF && b[1] == 0xFE)
                                       || (b[0] == 0xFE && b[1] == 0xFF));
      mn_error_set (e, in->name, rec.line, MN_R_ENCODING, "%s",
                    utf16 ? _("header is UTF-16 (Excel's \"Unicode text\"); "
                              "try --encoding=UTF-16")
                          : _("header is not valid UTF-8; if the file came "
                              "from a Chinese Excel, try --encoding=GB18030"));
      goto fail;
    }
  if (rec.flaw == MN_FLAW_QUOTE || rec.flaw == MN_FLAW_BADQUOTE)
    {
      mn_error_set (e, in->name, rec.line, MN_R_QUOTE,
                    rec.flaw == MN_FLAW_QUOTE
                      ? N_("unterminated quoted field in the header")
                      : N_("a quote in the header is neither doubled nor "
                        "closing its field"));
      goto fail;
    }
  mn_header_init_opts (&in->h, &rec, &ho);
  in->dup_column = mn_header_duplicate (&in->h);
  return 0;
fail:
  mn_input_close (in);
  return -1;
}

int
mn_input_open (struct mn_input *in, const char *path,
               const struct mn_reader_options *ro, struct mn_error *e)
{
  memset (in, 0, sizeof *in);
  in->path = path;
  in->name = mn_display_name (path);
  if (strcmp (path, "-") == 0)
    in->fp = stdin;
  else if (!(in->fp = fopen (path, "rb")))
    return mn_error_set (e, in->name, 0, MN_R_SYSTEM, "cannot open: %s",
                         strerror (errno));
  else
    in->own = true;
  return input_start (in, ro, e);
}

int
mn_input_open_stream (struct mn_input *in, const char *path, FILE *fp,
                      const struct mn_reader_options *ro,
                      struct mn_error *e)
{
  memset (in, 0, sizeof *in);
  in->path = path;
  in->name = mn_display_name (path);
  in->fp = fp;
  return input_start (in, ro, e);
}

int
mn_input_next (struct mn_input *in, struct mn_record *rec,
               struct mn_error *e)
{
  int rc = mn_reader_next (in->r, rec, e);
  if (rc <= 0)
    return rc;
  in->records++;
  switch (rec->flaw)
    {
    case MN_FLAW_QUOTE:
      {
        char span[128] = "";
        if (rec->last_line > rec->line)
          snprintf (span, sizeof span, _(": lines %lu to %lu (%lu lines) "
                    "were read as this one record"), rec->line,
                    rec->last_line, rec->last_line - rec->line + 1);
        mn_error_set (e, in->name, rec->line, MN_R_QUOTE,
                      "field %zu%s%s%s opens a quote that is never "
                      "closed%s", rec->n, rec->n <= in->h.n ? _(" (") : "",
                      rec->n <= in->h.n ? in->h.name[rec->n - 1] : "",
                      rec->n <= in->h.n ? _(")") : "", span);
        return 2;
      }
    case MN_FLAW_BADQUOTE:
      {
        size_t k = rec->flaw_field;
        mn_error_set (e, in->name, rec->line, MN_R_BAD_QUOTE,
                      "field %zu%s%s%s has a quote that is neither doubled "
                      "nor closing the field (RFC 4180); the record is "
                      "read up to the end of line %lu", k + 1,
                      k < in->h.n ? _(" (") : "", k < in->h.n ? in->h.name[k] : "",
                      k < in->h.n ? _(")") : "", rec->last_line);
        return 2;
      }
    case MN_FLAW_UTF8:
      {
        size_t k = rec->flaw_field;
        in->mixed |= mn_reader_mixed (in->r);
        bool nul = memchr (rec->f[k], '\0', rec->len[k]) != NULL;
        mn_error_set (e, in->name, rec->line, MN_R_ENCODING,
                      "field %zu%s%s%s %s%s", k + 1,
                      k < in->h.n ? _(" (") : "",
                      k < in->h.n ? in->h.name[k] : "",
                      k < in->h.n ? _(")") : "",
                      nul ? _("holds a NUL byte") : _("is not valid UTF-8"),
                      nul ? ""
                      : in->mixed ? _(" (unlike the rest of the file; see "
                                      "--encoding)")
                      : _("; try --encoding=GB18030 or the file's encoding"));
        return 2;
      }
    case MN_FLAW_NONE:
      break;
    }
  if (rec->n != in->h.n)
    {
      mn_error_set (e, in->name, rec->line, MN_R_RAGGED,
                    "%zu fields where the header has %zu%s", rec->n, in->h.n,
                    in->h.n == 1 && rec->n > 1
                      ? _(" (a title row above the header? see "
                          "--skip-rows)") : "");
      return 2;
    }
  return 1;
}

void
mn_input_close (struct mn_input *in)
{
  mn_reader_free (in->r);
  in->r = NULL;
  mn_header_release (&in->h);
  if (in->fp && in->own)
    fclose (in->fp);
  in->fp = NULL;
  in->own = false;
}

/* The text of a small file read whole into memory (the N bytes at BUF,
   all of IN), for mn_input_utf8: judged by the rule of guess_encoding
   and, when GB18030, converted from BUF, so that the file is read only
   once.  IN->fp is left at its start when it can seek (FROM), else the
   bytes are copied to a temporary file.  */
static int
utf8_from_memory (struct mn_input *in, off_t from, const char *buf, size_t n,
                  FILE **out, const char **encoding, struct mn_error *e)
{
  if (mn_input_workbook (in->name, (const unsigned char *) buf, n, e) < 0)
    return -1;
  unsigned long good = 0, bad = 0;
  classify_lines (buf, n, true, &good, &bad);
  FILE *tmp = NULL;
  if (bad > 0 && good == 0)
    {
      /* Every line with other bytes is not UTF-8: GB18030 if it all
         converts, else read as UTF-8, its bad fields named.  */
      if (!(tmp = mn_tmpfile ()))
        return mn_error_set (e, in->name, 0, MN_R_SYSTEM,
                             "cannot convert from GB18030: %s",
                             strerror (errno));
      if (!converts (buf, n, NULL, "GB18030", tmp))
        {
          fclose (tmp);
          tmp = NULL;
        }
      else if (fflush (tmp) != 0 || fseeko (tmp, 0, SEEK_SET) != 0)
        {
          fclose (tmp);
          return mn_error_set (e, in->name, 0, MN_R_SYSTEM,
                               "cannot convert from GB18030: %s",
                               strerror (errno));
        }
    }
  *encoding = tmp ? "GB18030" : "UTF-8";
  if (tmp)
    {
      *out = tmp;
      return 0;
    }
  /* UTF-8 (a byte-order mark the reader drops), or mixed: read as
     UTF-8, the caller's reader saying which field is not.  */
  if (from >= 0 && fseeko (in->fp, from, SEEK_SET) == 0)
    {
      *out = in->fp;
      return 0;
    }
  if (!(tmp = mn_tmpfile ()) || fwrite (buf, 1, n, tmp) != n
      || fflush (tmp) != 0 || fseeko (tmp, 0, SEEK_SET) != 0)
    {
      if (tmp)
        fclose (tmp);
      return mn_error_set (e, in->name, 0, MN_R_SYSTEM,
                           "cannot make a temporary copy: %s",
                           strerror (errno));
    }
  *out = tmp;
  return 0;
}

int
mn_input_utf8 (FILE *fp, const char *name, FILE **out, const char **encoding,
               struct mn_error *e)
{
  struct mn_input in = { .path = name, .name = name, .fp = fp };
  *out = NULL;
  /* Read once: a file that ends within the guess's prefix (any small
     file) is judged and converted in memory.  */
  off_t from = ftello (fp);
  char *buf;
  size_t n;
  bool eof;
  if (read_prefix (&in, &buf, &n, &eof, e) < 0)
    return -1;
  if (eof)
    {
      int rc = utf8_from_memory (&in, from, buf, n, out, encoding, e);
      free (buf);
      return rc;
    }
  /* A longer one: through guess_whole, which reads it again.  */
  if (mn_input_workbook (name, (const unsigned char *) buf, n, e) < 0)
    {
      free (buf);
      return -1;
    }
  int kind = guess_whole (&in, buf, n, e);
  free (buf);
  if (kind < 0)
    goto fail;
  *encoding = kind == 0 ? "GB18030" : "UTF-8";
  if (kind != 0)
    {
      *out = in.fp;
      return 0;
    }
  /* The whole file converts: guess_whole made sure.  */
  FILE *tmp = mn_tmpfile ();
  if (!tmp || !converts (NULL, 0, in.fp, "GB18030", tmp) || fflush (tmp) != 0
      || fseeko (tmp, 0, SEEK_SET) != 0)
    {
      mn_error_set (e, name, 0, MN_R_SYSTEM, "cannot convert from "
                    "GB18030: %s", strerror (errno));
      if (tmp)
        fclose (tmp);
      goto fail;
    }
  if (in.own)
    fclose (in.fp);
  *out = tmp;
  return 0;
fail:
  if (in.own)
    fclose (in.fp);
  return -1;
}

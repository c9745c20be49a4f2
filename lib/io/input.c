/* input.c - one survey input with its header.  */
#include "io/input.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "io/header.h"
#include "io/spool.h"
#include "base/normalize.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/i18n.h"

/* How much of an input the encoding guess looks at before it decides:
   MN_GUESS_PREFIX bytes from the first line that holds a byte above 127,
   and on to the end of the line they end in (read in MN_GUESS_STEP
   steps, at most MN_READER_MAX_RECORD more).  Lines before that one are
   ASCII, which reads the same whatever the encoding: at most as many of
   them are held before they are handed to the reader, which then puts
   the guess off to the first line that is not (mn_reader_defer).  An
   input no longer than that is judged whole, exactly; a longer one on
   the window and checked as it is read (see guess_encoding).  */
#define MN_GUESS_PREFIX ((size_t) 1 << 20)
#define MN_GUESS_STEP ((size_t) 64 << 10)

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

/* What the lines holding bytes above 127 say about an input's
   encoding: lines that are not UTF-8 (BAD); lines that are, and look it
   (UTF8); lines that are UTF-8 by accident of GB18030's bytes, as likely
   (TWIN).  */
struct evidence
{
  unsigned long bad, utf8, twin;
};

/* Whether the N bytes at P, valid UTF-8, read as Chinese or Latin text
   in UTF-8: a Han character, CJK or general punctuation, a full-width
   form, or a Latin letter beside an ASCII one (as in "Müller").  */
static bool
reads_as_utf8 (const char *p, size_t n)
{
  const uint8_t *s = (const uint8_t *) p, *end = s + n;
  const uc_script_t *han = uc_script_byname ("Han");
  const uc_script_t *latin = uc_script_byname ("Latin");
  bool after_letter = false;    /* the character before is an ASCII
                                   letter */
  bool latin_before = false;    /* ... is a non-ASCII Latin letter */
  while (s < end)
    {
      ucs4_t c;
      int len = u8_mbtouc (&c, s, end - s);
      s += len;
      if (c < 0x80)
        {
          bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
          if (letter && latin_before)
            return true;
          after_letter = letter;
          latin_before = false;
          continue;
        }
      if (uc_script (c) == han || (c >= 0x2000 && c <= 0x206F)
          || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF))
        return true;
      latin_before = uc_script (c) == latin && uc_is_alpha (c);
      if (latin_before && after_letter)
        return true;
      after_letter = false;
    }
  return false;
}

/* Whether the N bytes at P read in GB18030 as common Chinese text:
   ASCII, and two-byte characters of GB2312's rows of symbols (A1-A9)
   and of hanzi (B0-F7) only.  */
static bool
reads_as_gb2312 (const char *p, size_t n)
{
  const unsigned char *s = (const unsigned char *) p;
  for (size_t i = 0; i < n; i++)
    {
      if (s[i] < 0x80)
        continue;
      if (i + 1 == n || !((s[i] >= 0xA1 && s[i] <= 0xA9)
                          || (s[i] >= 0xB0 && s[i] <= 0xF7))
          || s[i + 1] < 0xA1 || s[i + 1] == 0xFF)
        return false;
      i++;
    }
  return true;
}

/* Weigh the lines of the N bytes at P that hold bytes above 127 into
   *EV.  A line ends with LF, as getline(3) reads them; a UTF-8
   byte-order mark at the very start (FIRST) is not looked at.  */
static void
classify_lines (const char *p, size_t n, bool first, struct evidence *ev)
{
  if (first && n >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3, n -= 3;
  while (n > 0)
    {
      const char *nl = memchr (p, '\n', n);
      size_t len = nl ? (size_t) (nl - p) + 1 : n;
      if (!mn_ascii (p, len))
        {
          if (!mn_utf8_valid (p, len))
            ev->bad++;
          else if (!reads_as_utf8 (p, len) && reads_as_gb2312 (p, len))
            ev->twin++;
          else
            ev->utf8++;
        }
      p += len, n -= len;
    }
}

/* The encoding the evidence EV points to: 1 for UTF-8, 0 for GB18030,
   2 for mixed (read as UTF-8, the lines that are not rejected).
   ALL_CONVERTS (CTX) says whether all of the input looked at converts from
   GB18030; it is called only when that matters.  GB18030 when it does
   and the lines that are not UTF-8, with those that are by accident,
   are at least as many as those that read as UTF-8 text.  */
static int
judge (const struct evidence *ev, bool (*all_converts) (void *), void *ctx)
{
  unsigned long gb = ev->bad + ev->twin;
  if (gb == 0)
    return 1;
  if (gb >= ev->utf8 && all_converts (ctx))
    return 0;
  return ev->bad == 0 ? 1 : 2;
}

/* Read on from IN->fp into *BUF (*LEN bytes held, room for *CAP; the
   caller frees it) until the bytes from offset FROM are at least
   MN_GUESS_PREFIX and a line ends past them, or the input
   ends (*EOF_SEEN).  With ASCII_STOP, stop sooner, after the first step
   that holds a byte above 127: the window starts at its line.  Returns
   0, or -1 with E on a read error.  */
static int
read_window (struct mn_input *in, char **buf, size_t *len, size_t *cap,
             size_t from, bool ascii_stop, bool *eof_seen,
             struct mn_error *e)
{
  size_t n = *len;
  char *b = *buf;
  *eof_seen = false;
  for (;;)
    {
      size_t want = MN_GUESS_STEP;
      if (n - from < MN_GUESS_PREFIX)
        want = from + MN_GUESS_PREFIX - n;
      if (ascii_stop && want > MN_GUESS_STEP)
        want = MN_GUESS_STEP;
      if (n + want > *cap)
        {
          /* Geometric growth: a long line is read in many steps.  */
          *cap = n + want > 2 * *cap ? n + want : 2 * *cap;
          b = xrealloc (b, *cap);
        }
      size_t got = fread (b + n, 1, want, in->fp);
      const char *step = b + n;
      n += got;
      *buf = b;
      *len = n;
      if (got < want)
        {
          if (ferror (in->fp))
            return mn_error_set (e, in->name, 0, MN_R_SYSTEM,
                                 "read error: %s", strerror (errno));
          *eof_seen = true;
          return 0;
        }
      if (ascii_stop && !mn_ascii (step, got))
        return 0;
      if (n - from < MN_GUESS_PREFIX)
        continue;
      /* A line ends in the step, at or past the window's last byte.  */
      const char *look = b + from + MN_GUESS_PREFIX - 1;
      if (look < step)
        look = step;
      if (memchr (look, '\n', b + n - look)
          || n - from >= MN_GUESS_PREFIX + MN_READER_MAX_RECORD)
        return 0;
    }
}

/* Where the first line holding a byte above 127 starts in the N bytes
   at P (past a UTF-8 byte-order mark when FIRST), or N when none
   does.  */
static size_t
first_non_ascii_line (const char *p, size_t n, bool first)
{
  size_t i = first && n >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  size_t line = i;
  for (; i < n; i++)
    if (p[i] == '\n')
      line = i + 1;
    else if ((unsigned char) p[i] >= 0x80)
      return line;
  return n;
}

/* The bytes a judgement is about, for judge's CONVERTS.  */
struct window
{
  const char *p;
  size_t n;
  FILE *fp;                     /* and then the rest of it, or NULL */
};

static bool
window_converts (void *ctx)
{
  const struct window *w = ctx;
  if (w->fp && fseeko (w->fp, 0, SEEK_SET) != 0)
    return false;
  return converts (w->p, w->n, w->fp, "GB18030", NULL);
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
  struct evidence ev = { 0 };
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  bool first = true;
  while ((n = getline (&line, &cap, in->fp)) > 0)
    {
      classify_lines (line, n, first, &ev);
      first = false;
    }
  free (line);
  /* GB18030 only if all of it converts: a stray byte in a UTF-8 file
     must cost its row, not the file.  */
  struct window w = { NULL, 0, in->fp };
  int kind = ferror (in->fp) ? 1 : judge (&ev, window_converts, &w);
  if (ferror (in->fp) || fseeko (in->fp, 0, SEEK_SET) != 0)
    return mn_error_set (e, in->name, 0, MN_R_SYSTEM, "read error: %s",
                         strerror (errno));
  in->bad_lines = ev.bad;
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

/* Judge the window of N bytes at B (all of the input when EOF): those
   from WIN on, the first line holding a byte above 127 and the lines
   after it (up to the last line end, unless the input ends there).
   Sets IN's BAD_LINES and VERIFY; returns the kind, as judge does.  */
static int
judge_window (struct mn_input *in, const char *b, size_t n, size_t win,
              bool eof)
{
  size_t judged = n;
  if (!eof)
    {
      const char *nl = memrchr (b + win, '\n', n - win);
      judged = nl ? (size_t) (nl - b) + 1 : win;
    }
  struct evidence ev = { 0 };
  classify_lines (b + win, judged - win, win == 0, &ev);
  struct window w = { b + win, judged - win, NULL };
  in->bad_lines = ev.bad;
  in->verify = !eof;
  return judge (&ev, window_converts, &w);
}

/* Guess IN's encoding without a second read of the whole input, as far
   as can be.  Returns 1 for UTF-8; 0 for GB18030; 2 for mixed (some
   lines are UTF-8 and some are not: read as UTF-8, the bad rows
   rejected); 3 for not decided yet (all ASCII so far: read as UTF-8, the
   guess put off to the first line holding a byte above 127, see
   decide_late); -1 on error.  The bytes read to decide are handed to
   IN's reader in *PREFIX (*PLEN; NULL when the input was rewound
   instead), so that a pipe needs no copy.

   The rule is judge's, on the window: the first line holding a byte
   above 127 and the lines after it, MN_GUESS_PREFIX bytes and the end
   of the line they end in.  It is exact when the input ends there.  For
   a longer input:
   - when the window is not UTF-8 (GB18030 or mixed), the input is read
     through once more (a pipe copied to a temporary file), as before,
     for the exact answer;
   - otherwise UTF-8, and the reader checks the rest as it goes
     (mn_reader_expect_utf8): a later line that is not UTF-8 is rejected
     with its row, as in a mixed input.  */
static int
guess_encoding (struct mn_input *in, char **prefix, size_t *plen,
                struct mn_error *e)
{
  char *buf = NULL;
  size_t n = 0, cap = 0;
  bool eof = false;
  *prefix = NULL;
  *plen = 0;
  /* ASCII first, as much as a window, then the window.  */
  if (read_window (in, &buf, &n, &cap, 0, true, &eof, e) < 0)
    {
      free (buf);
      return -1;
    }
  size_t win = first_non_ascii_line (buf, n, true);
  if (win == n && !eof)
    {
      /* All ASCII: to the reader, the guess put off.  */
      *prefix = buf;
      *plen = n;
      return 3;
    }
  int kind = 1;
  if (win < n)
    {
      if (!eof && read_window (in, &buf, &n, &cap, win, false, &eof, e) < 0)
        {
          free (buf);
          return -1;
        }
      kind = judge_window (in, buf, n, win, eof);
    }
  if (kind != 1 && !eof)
    {
      kind = guess_whole (in, buf, n, e);
      in->verify = false;
      free (buf);
      return kind;
    }
  *prefix = buf;
  *plen = n;
  return kind;
}

/* The guess put off (mn_reader_defer): IN's reader has read ASCII up
   to the line HELD starts (N bytes held, handed over), the first
   holding a byte above 127.  Read the window on from there, judge it
   as guess_encoding does (but without a second read: the lines before
   were read already), and hand it back to the reader in the encoding
   chosen.  */
static int
decide_late (void *ctx, char *held, size_t n, struct mn_error *e)
{
  struct mn_input *in = ctx;
  size_t cap = n;
  bool eof = false;
  if (read_window (in, &held, &n, &cap, 0, false, &eof, e) < 0)
    {
      free (held);
      return -1;
    }
  int kind = judge_window (in, held, n, 0, eof);
  if (kind == 0)
    {
      if (mn_reader_set_encoding (in->r, "GB18030", e) < 0)
        {
          free (held);
          return -1;
        }
      in->encoding = "GB18030";
      in->guessed = true;
    }
  else if (!eof)
    mn_reader_expect_utf8 (in->r);
  in->mixed = kind == 2;
  mn_reader_prime (in->r, held, n);
  return 0;
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
    mn_reader_expect_utf8 (in->r);
  if (kind == 3)
    mn_reader_defer (in->r, decide_late, in);
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
  in->h.delim_option = o.delim_option;
  in->h.delim = o.delim ? o.delim : ',';
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
  struct evidence ev = { 0 };
  classify_lines (buf, n, true, &ev);
  struct window w = { buf, n, NULL };
  FILE *tmp = NULL;
  if (judge (&ev, window_converts, &w) == 0)
    {
      /* GB18030 by judge's rule (all of it converts): converted; else
         read as UTF-8, its bad fields named.  */
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
  /* Read once: a file that ends within the guess's window (any small
     file) is judged and converted in memory.  */
  off_t from = ftello (fp);
  char *buf = NULL;
  size_t n = 0, cap = 0;
  bool eof;
  if (read_window (&in, &buf, &n, &cap, 0, false, &eof, e) < 0)
    {
      free (buf);
      return -1;
    }
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

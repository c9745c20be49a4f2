/* tabfmt.c - a CSV table converted into TSV or JSON Lines, and into
   UTF-8 with a byte-order mark or GB18030 (iconv).  The table is read
   back with the suite's own CSV reader, so that what counts as a cell is
   what every reader of the suite sees.  */
#include "io/tabfmt.h"

#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "io/reader.h"

static const char *const format_names[] = { "csv", "tsv", "jsonl" };
static const char *const encoding_names[] = { "utf-8", "utf-8-bom",
                                              "gb18030" };

int
mn_tab_format_parse (const char *s, enum mn_tab_format *f)
{
  for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
    if (strcasecmp (s, format_names[i]) == 0)
      {
        *f = (enum mn_tab_format) i;
        return 0;
      }
  return -1;
}

int
mn_tab_encoding_parse (const char *s, enum mn_tab_encoding *e)
{
  if (strcasecmp (s, "utf8") == 0)
    s = "utf-8";
  else if (strcasecmp (s, "utf8-bom") == 0)
    s = "utf-8-bom";
  for (size_t i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
    if (strcasecmp (s, encoding_names[i]) == 0)
      {
        *e = (enum mn_tab_encoding) i;
        return 0;
      }
  return -1;
}

const char *
mn_tab_format_name (enum mn_tab_format f)
{
  return format_names[f];
}

const char *
mn_tab_encoding_name (enum mn_tab_encoding e)
{
  return encoding_names[e];
}

bool
mn_tabfmt_plain (const struct mn_tabfmt *f)
{
  return !f || (f->format == MN_TAB_CSV && f->encoding == MN_ENC_UTF8);
}

static bool json_grammar (const char *s, size_t len);

/* Whether the LEN bytes at S are a number as RFC 8259 writes one (and as
   mn_num_format does): -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?,
   whose value is a finite double that is not zero unless every digit
   of the mantissa is (RFC 8259 section 6 leaves the range to the
   implementation; past it, as 1E999 or 1E-999, readers disagree, so
   the cell is written as a string, digit for digit).  */
static bool
json_number (const char *s, size_t len)
{
  if (!json_grammar (s, len))
    return false;
  char buf[64], *p = len < sizeof buf ? buf : xmalloc (len + 1);
  memcpy (p, s, len);
  p[len] = '\0';
  double x = strtod (p, NULL);
  bool ok = isfinite (x);
  if (x == 0)
    /* 0 from a nonzero mantissa: underflow, the value lost.  */
    for (const char *q = p; *q && *q != 'e' && *q != 'E'; q++)
      if (*q >= '1' && *q <= '9')
        ok = false;
  if (p != buf)
    free (p);
  return ok;
}

/* Whether the LEN bytes at S follow RFC 8259's number grammar.  */
static bool
json_grammar (const char *s, size_t len)
{
  size_t i = 0;
  if (i < len && s[i] == '-')
    i++;
  if (i < len && s[i] == '0')
    i++;
  else if (i < len && s[i] >= '1' && s[i] <= '9')
    while (i < len && s[i] >= '0' && s[i] <= '9')
      i++;
  else
    return false;
  if (i < len && s[i] == '.')
    {
      size_t d = ++i;
      while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
      if (i == d)
        return false;
    }
  if (i < len && (s[i] == 'e' || s[i] == 'E'))
    {
      i++;
      if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
      size_t d = i;
      while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
      if (i == d)
        return false;
    }
  return i == len;
}

char *
mn_tab_unique_name (const char *name, const char *const *taken, size_t n)
{
  size_t len = strlen (name);
  char *s = xmalloc (len + 24);
  memcpy (s, name, len + 1);
  for (unsigned long k = 1;; k++)
    {
      size_t i = 0;
      while (i < n && strcmp (taken[i], s) != 0)
        i++;
      if (i == n)
        return s;
      snprintf (s + len, 24, ".%lu", k);
    }
}

/* The state of one conversion.  */
struct conv
{
  FILE *out;
  const struct mn_tabfmt *f;
  const char *name;
  iconv_t cd;               /* UTF-8 to GB18030, or (iconv_t) -1 */
  char *buf;                /* the converted cell; owned */
  size_t cap;
  struct mn_header h;       /* the column names, for JSON Lines */
  char **key;               /* JSON Lines: the keys, H's names made
                               unique (mn_tab_unique_name); owned */
  bool *numeric;            /* JSON Lines: column I holds only numbers */
};

/* The cell S of LEN bytes, at LINE in column COL (0-based), in the
   output encoding: *OUT and *OLEN (borrowed from C, or S itself).
   Returns 0, or -1 with E.  */
static int
encode (struct conv *c, const char *s, size_t len, unsigned long line,
        size_t col, const char **out, size_t *olen, struct mn_error *e)
{
  bool valid = mn_utf8_valid (s, len);
  if (!valid && c->f->format == MN_TAB_JSONL)
    return mn_error_set (e, c->name, line, MN_R_ENCODING,
                         "column %zu holds bytes that are not UTF-8, which "
                         "JSON cannot carry; nothing written (write it "
                         "with --format=csv)", col + 1);
  if (c->cd == (iconv_t) -1 || !valid)
    {
      /* Not UTF-8: the bytes of a rejected record, kept as read.  */
      *out = s;
      *olen = len;
      return 0;
    }
  if (c->cap < 4 * len + 4)
    {
      c->cap = 4 * len + 4;
      c->buf = xrealloc (c->buf, c->cap);
    }
  char *in = (char *) s, *o = c->buf;
  size_t inleft = len, outleft = c->cap;
  iconv (c->cd, NULL, NULL, NULL, NULL);
  if (iconv (c->cd, &in, &inleft, &o, &outleft) == (size_t) -1
      || iconv (c->cd, NULL, NULL, &o, &outleft) == (size_t) -1)
    {
      /* Well-formed UTF-8 that GB18030 has no bytes for: name it by
         its code point (IN stands at its first byte).  */
      const unsigned char *u = (const unsigned char *) in;
      unsigned long cp = u[0] < 0x80 ? u[0]
                         : u[0] < 0xE0 ? (u[0] & 0x1Fu)
                         : u[0] < 0xF0 ? (u[0] & 0x0Fu) : (u[0] & 0x07u);
      size_t k = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
      for (size_t j = 1; j < k && (size_t) (in - s) + j < len; j++)
        cp = (cp << 6) | (u[j] & 0x3Fu);
      return mn_error_set (e, c->name, line, MN_R_ENCODING,
                           "column %zu (%s): U+%04lX cannot be written in "
                           "GB18030; nothing written (try "
                           "--output-encoding=utf-8-bom)", col + 1,
                           col < c->h.n ? c->h.name[col] : "", cp);
    }
  *out = c->buf;
  *olen = c->cap - outleft;
  return 0;
}

/* Write the LEN bytes at S as a TSV field: \t, \n, \r and \\ escaped,
   as PostgreSQL's and MySQL's text format do.  */
static void
tsv_field (FILE *fp, const char *s, size_t len)
{
  for (size_t i = 0; i < len; i++)
    switch (s[i])
      {
      case '\t': fputs ("\\t", fp); break;
      case '\n': fputs ("\\n", fp); break;
      case '\r': fputs ("\\r", fp); break;
      case '\\': fputs ("\\\\", fp); break;
      default: putc (s[i], fp);
      }
}

/* Write the LEN bytes of UTF-8 at S as a JSON string (RFC 8259 section 7:
   the quote, the backslash and the control characters escaped).  */
static void
json_string (FILE *fp, const char *s, size_t len)
{
  putc ('"', fp);
  for (size_t i = 0; i < len; i++)
    {
      unsigned char ch = (unsigned char) s[i];
      if (ch == '"' || ch == '\\')
        {
          putc ('\\', fp);
          putc (ch, fp);
        }
      else if (ch == '\n')
        fputs ("\\n", fp);
      else if (ch == '\r')
        fputs ("\\r", fp);
      else if (ch == '\t')
        fputs ("\\t", fp);
      else if (ch < 0x20 || ch == 0x7f)
        fprintf (fp, "\\u%04x", ch);
      else
        putc (ch, fp);
    }
  putc ('"', fp);
}

/* Write record REC (the header when HEADER) in C's form.  */
static int
write_record (struct conv *c, const struct mn_record *rec, bool header,
              struct mn_error *e)
{
  if (c->f->format == MN_TAB_JSONL)
    {
      if (header)
        return 0;
      /* A record of a rejects file may be ragged: a field beyond the
         header is keyed by its column number, a missing one left out.  */
      putc ('{', c->out);
      for (size_t i = 0; i < rec->n; i++)
        {
          const char *s;
          size_t len;
          if (encode (c, rec->f[i], rec->len[i], rec->line, i, &s, &len,
                      e) < 0)
            return -1;
          if (i)
            putc (',', c->out);
          if (i < c->h.n)
            json_string (c->out, c->key[i], strlen (c->key[i]));
          else
            {
              /* Keyed by its number, unless a column has that name.  */
              char num[32];
              snprintf (num, sizeof num, "%zu", i + 1);
              char *k = mn_tab_unique_name (num,
                                            (const char *const *) c->key,
                                            c->h.n);
              json_string (c->out, k, strlen (k));
              free (k);
            }
          putc (':', c->out);
          if (len == 0)
            fputs ("null", c->out);
          else if (i < c->h.n && c->numeric[i])
            fwrite (s, 1, len, c->out);
          else
            json_string (c->out, s, len);
        }
      fputs ("}\n", c->out);
      return 0;
    }
  for (size_t i = 0; i < rec->n; i++)
    {
      const char *s;
      size_t len;
      if (encode (c, rec->f[i], rec->len[i], rec->line, i, &s, &len, e) < 0)
        return -1;
      if (c->f->format == MN_TAB_TSV)
        {
          if (i)
            putc ('\t', c->out);
          tsv_field (c->out, s, len);
        }
      else
        {
          /* GB18030's trailing bytes are never '"', ',', CR or LF:
             quoting is decided on the converted cell as on the UTF-8.  */
          if (i)
            putc (',', c->out);
          mn_csv_field (c->out, s, len, ',');
        }
    }
  putc ('\n', c->out);
  return 0;
}

/* One pass over IN: the header (kept in C for JSON Lines), then, when
   SCAN, which columns are numeric, else every record written.  */
static int
pass (struct conv *c, FILE *in, bool scan, struct mn_error *e)
{
  struct mn_reader_options ro = { .delim = ',' };
  struct mn_reader *r = mn_reader_new (in, c->name, &ro, e);
  if (!r)
    return -1;
  struct mn_record rec;
  int rc;
  bool first = true;
  while ((rc = mn_reader_next (r, &rec, e)) == 1)
    {
      if (first && !c->h.name)
        {
          mn_header_init (&c->h, &rec);
          c->key = xcalloc (c->h.n ? c->h.n : 1, sizeof *c->key);
          for (size_t i = 0; i < c->h.n; i++)
            c->key[i] = mn_tab_unique_name (c->h.name[i],
                                            (const char *const *) c->key,
                                            i);
        }
      if (first && scan)
        {
          c->numeric = xcalloc (rec.n ? rec.n : 1, sizeof *c->numeric);
          for (size_t i = 0; i < rec.n; i++)
            c->numeric[i] = true;
        }
      else if (scan)
        for (size_t i = 0; i < rec.n && i < c->h.n; i++)
          if (rec.len[i] && !json_number (rec.f[i], rec.len[i]))
            c->numeric[i] = false;
      if (!scan && write_record (c, &rec, first, e) < 0)
        {
          rc = -1;
          break;
        }
      if (!scan && ferror (c->out))
        break;                  /* the caller reports the write error */
      first = false;
    }
  mn_reader_free (r);
  return rc < 0 ? -1 : 0;
}

int
mn_tabfmt_convert (FILE *in, FILE *out, const struct mn_tabfmt *f,
                   const char *name, struct mn_error *e)
{
  struct conv c = { .out = out, .f = f, .name = name,
                    .cd = (iconv_t) -1 };
  if (f->format == MN_TAB_JSONL && f->encoding != MN_ENC_UTF8)
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "JSON Lines are UTF-8 without a byte-order mark "
                         "(RFC 8259)");
  if (f->encoding == MN_ENC_GB18030)
    {
      c.cd = iconv_open ("GB18030", "UTF-8");
      if (c.cd == (iconv_t) -1)
        return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                             "iconv cannot convert to GB18030: %s",
                             strerror (errno));
    }
  int rc = 0;
  off_t start = ftello (in);
  if (f->format == MN_TAB_JSONL)
    {
      rc = pass (&c, in, true, e);
      if (rc == 0 && fseeko (in, start, SEEK_SET) != 0)
        rc = mn_error_set (e, name, 0, MN_R_SYSTEM,
                           "cannot read the table again: %s",
                           strerror (errno));
    }
  if (rc == 0 && f->encoding == MN_ENC_UTF8_BOM)
    fputs ("\xEF\xBB\xBF", out);
  if (rc == 0)
    rc = pass (&c, in, false, e);
  if (c.cd != (iconv_t) -1)
    iconv_close (c.cd);
  free (c.buf);
  free (c.numeric);
  for (size_t i = 0; c.key && i < c.h.n; i++)
    free (c.key[i]);
  free (c.key);
  mn_header_release (&c.h);
  return rc;
}

/* fuzz-reader.c - libFuzzer target: the CSV reader (lib/io/reader.c)
   and the survey input over it (lib/io/input.c).

   The first input byte chooses how the rest is read: bits 0-2 the
   encoding path (none, "UTF-8", GB18030, UTF-16, ISO-8859-1, or
   guessed as the programs do: UTF-8, a BOM, GB18030 or mixed), bits
   3-4 the record limit (the default 64 MiB, or 16, 100 or 1000 bytes,
   so that the limit paths are hit), bits 5-6 the delimiter, bit 7
   whether through mn_input_open/mn_input_next (header and field-count
   checks) or the bare reader.

   Invariants checked on every record: at least one field, each
   NUL-terminated at its length; lines in order; a flawed field within
   the record; no record over the limit; a sound record of unconverted
   input valid UTF-8 without NUL; errors sticky.  And one differential:
   ASCII input reads to the same records through GB18030 conversion as
   with none.  */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base/utf8.h"
#include "io/input.h"
#include "io/reader.h"
#include "fuzz.h"

static const char *const encodings[8] = {
  NULL, "UTF-8", "GB18030", NULL, "UTF-16", "ISO-8859-1", "UTF-8", NULL
};
static const size_t limits[4] = { 0, 16, 100, 1000 };
static const unsigned char delims[4] = { ',', '\t', ';', '|' };

/* Check REC (read with limit MAX, converted or not) and append it to
   the transcript T.  *LAST is the previous record's last line.  */
static void
take (const struct mn_record *rec, size_t max, bool converted,
      unsigned long *last, struct out *t)
{
  check (rec->n >= 1, "a record has a field");
  check (rec->line <= rec->last_line, "a record ends after it starts");
  check (rec->line >= *last, "records come in line order");
  *last = rec->last_line;
  size_t size = 0;
  for (size_t i = 0; i < rec->n; i++)
    {
      check (rec->f[i][rec->len[i]] == '\0', "a field is NUL-terminated");
      size += rec->len[i] + 1;
    }
  check (size <= max, "no record over the limit");
  if (rec->flaw != MN_FLAW_NONE)
    check (rec->flaw_field < rec->n, "the flawed field is in the record");
  if (rec->flaw == MN_FLAW_NONE && !converted)
    for (size_t i = 0; i < rec->n; i++)
      check (mn_utf8_valid (rec->f[i], rec->len[i])
             && !memchr (rec->f[i], '\0', rec->len[i]),
             "a sound record is UTF-8 without NUL");
  if (t)
    {
      fprintf (t->fp, "%lu-%lu:%d:%zu[", rec->line, rec->last_line,
               (int) rec->flaw, rec->flaw_field);
      for (size_t i = 0; i < rec->n; i++)
        {
          fwrite (rec->f[i], 1, rec->len[i], t->fp);
          fputc (i + 1 < rec->n ? '|' : ']', t->fp);
        }
    }
}

/* Read the N bytes at D with the bare reader and options O; the
   transcript goes to T when not NULL.  */
static void
read_bare (const uint8_t *d, size_t n, const struct mn_reader_options *o,
           struct out *t)
{
  FILE *fp = mem_file (d, n);
  struct mn_error e = { 0 };
  struct mn_reader *r = mn_reader_new (fp, "in.csv", o, &e);
  check (r != NULL, "every encoding here is known to iconv");
  size_t max = o->max_record ? o->max_record : MN_READER_MAX_RECORD;
  bool converted = o->encoding && strcmp (o->encoding, "UTF-8") != 0;
  unsigned long last = 0;
  struct mn_record rec;
  int rc;
  while ((rc = mn_reader_next (r, &rec, &e)) == 1)
    take (&rec, max, converted, &last, t);
  if (rc < 0)
    {
      check (e.reason != MN_R_NONE && e.file != NULL, "an error says why");
      check (mn_reader_next (r, &rec, &e) == -1, "an error is sticky");
      if (t)
        fprintf (t->fp, "ERR %d@%lu", (int) e.reason, e.line);
    }
  else if (t)
    fprintf (t->fp, "EOF %lu", mn_reader_lines (r));
  mn_reader_free (r);
  fclose (fp);
}

/* Read the N bytes at D as the programs read a survey.  */
static void
read_input (const uint8_t *d, size_t n, const struct mn_reader_options *o)
{
  const char *path = scratch_file (d, n);
  struct mn_input in;
  struct mn_error e = { 0 };
  if (mn_input_open (&in, path, o, &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      return;
    }
  check (in.h.n >= 1, "a header has a column");
  size_t max = o->max_record ? o->max_record : MN_READER_MAX_RECORD;
  bool converted = strcmp (in.encoding, "UTF-8") != 0;
  unsigned long last = 0;
  struct mn_record rec;
  int rc;
  while ((rc = mn_input_next (&in, &rec, &e)) > 0)
    {
      take (&rec, max, converted, &last, NULL);
      if (rc == 1)
        check (rec.n == in.h.n, "a sound record has the header's width");
      else
        check (e.reason != MN_R_NONE && e.line == rec.line,
               "a rejected record says why, on its line");
    }
  mn_input_close (&in);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  uint8_t mode = data[0];
  data++, size--;
  struct mn_reader_options o = {
    .delim = delims[(mode >> 5) & 3],
    .encoding = encodings[mode & 7],
    .max_record = limits[(mode >> 3) & 3],
    .guess = (mode & 7) == 3 || (mode & 7) == 7,
  };
  if (mode & 0x80)
    {
      read_input (data, size, &o);
      return 0;
    }
  bool ascii = true;
  for (size_t i = 0; i < size && ascii; i++)
    ascii = data[i] < 0x80;
  if (!ascii || o.encoding)
    {
      read_bare (data, size, &o, NULL);
      return 0;
    }
  /* ASCII is the same text in GB18030: the converting path must read
     it to the same records as the plain one.  */
  struct out plain, conv;
  out_open (&plain);
  out_open (&conv);
  read_bare (data, size, &o, &plain);
  o.encoding = "GB18030";
  read_bare (data, size, &o, &conv);
  out_close (&plain);
  out_close (&conv);
  check (plain.len == conv.len && memcmp (plain.buf, conv.buf, plain.len) == 0,
         "ASCII reads the same through GB18030");
  free (plain.buf);
  free (conv.buf);
  return 0;
}

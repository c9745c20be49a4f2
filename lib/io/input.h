/* input.h - one survey input: a file or standard input, its header, and
   its records checked for structure (field count, quoting, encoding).

   Every program of the suite reads its survey files through this, so
   that what counts as a sound record, and every message about an
   unsound one, is the same everywhere.  */
#ifndef MINYI_INPUT_H
#define MINYI_INPUT_H

#include <stdio.h>

#include "base/errinfo.h"
#include "io/reader.h"

struct mn_input
{
  const char *path;         /* borrowed, must outlive the input; "-" is
                               standard input */
  const char *name;         /* for messages: PATH or a static string */
  FILE *fp;                 /* closed by mn_input_close when OWN */
  bool own;                 /* FP was opened here (not standard input,
                               nor a stream the caller lent) */
  struct mn_reader *r;      /* owned; freed by mn_input_close */
  struct mn_header h;       /* owned; released by mn_input_close */
  unsigned long records;    /* data records read (header excluded) */
  const char *encoding;     /* what the input was read as: borrowed from
                               RO, or a static string */
  bool guessed;             /* ENCODING was chosen by looking */
  bool mixed;               /* looked: some lines UTF-8, some not */
  unsigned long bad_lines;  /* looked: lines that are not UTF-8 */
  long dup_column;          /* a column whose name is taken, or -1 */
  bool verify;              /* looked at a window only: the reader
                               checks the rest */
  unsigned long skipped;    /* rows skipped above the header (title
                               rows, --skip-rows) */
};

/* The name to show for input PATH: "(standard input)" for "-" (static),
   otherwise PATH itself (borrowed, valid as long as PATH is).  */
const char *mn_display_name (const char *path);

/* Open PATH and read its header.  An empty input and a header that is
   not valid UTF-8 are errors; a duplicated column name is noted in
   DUP_COLUMN for the caller to judge.  With RO->guess and no
   RO->encoding, the encoding is guessed (input.c's guess_encoding says
   exactly how) from what is read first, without a second read of the
   whole input in the common case: valid UTF-8 is read as it is; input
   none of whose non-ASCII lines is UTF-8 as GB18030, which is what a
   Chinese Excel writes when it saves CSV; input that mixes the two
   (MIXED) as UTF-8, so that its bad rows are rejected one by one.
   PATH is kept and must outlive IN; RO is borrowed, but RO->encoding is
   kept and must outlive IN too.  Returns 0, and the caller closes IN
   with mn_input_close; or -1 with E (reason MN_R_SYSTEM when the file
   cannot be opened), and there is nothing to close.  */
int mn_input_open (struct mn_input *in, const char *path,
                   const struct mn_reader_options *ro, struct mn_error *e);

/* As mn_input_open, but read FP (borrowed, not closed by
   mn_input_close; read from where it stands) as the input PATH, which
   names it in messages: a copy the caller made of a pipe, read
   again.  */
int mn_input_open_stream (struct mn_input *in, const char *path, FILE *fp,
                          const struct mn_reader_options *ro,
                          struct mn_error *e);

/* The next data record.  Returns 1 for a sound record; 2 for a record
   that is not (wrong field count, unterminated quote, invalid UTF-8),
   with E saying why and the record still in *REC for a rejects file;
   0 at end of input; -1 when reading cannot go on, with E.  REC's fields
   are views into IN's buffer, valid until the next call or
   mn_input_close; E's file is IN's name.  */
int mn_input_next (struct mn_input *in, struct mn_record *rec,
                   struct mn_error *e);

/* Whether the N first bytes B of the input NAME (borrowed) are a
   spreadsheet workbook's (the zip signature of .xlsx and .ods, the OLE2
   signature of .xls): -1 with E (reason MN_R_ENCODING) saying what it
   is and the command that converts it to CSV; else 0.  mn_input_open
   and mn_input_utf8 check their inputs so.  */
int mn_input_workbook (const char *name, const unsigned char *b, size_t n,
                       struct mn_error *e);

/* For the small files read whole by a plain reader (codebook, roster,
   margins, group shares): the text of FP (borrowed, read from where it
   stands; not closed) as UTF-8, recognised as the survey's is without
   --encoding (input.h, mn_input_open): UTF-8 (a byte-order mark left
   for the reader to drop), or GB18030 converted whole to a temporary
   file; a file that mixes them is read as UTF-8, its bad field named by
   the reader.  A workbook is refused (mn_input_workbook).  Sets *OUT to
   the stream to read (FP itself, or a temporary file the caller closes
   with fclose when it is not FP) and *ENCODING to "UTF-8" or "GB18030"
   (static).  Returns 0, or -1 with E naming NAME (borrowed).  */
int mn_input_utf8 (FILE *fp, const char *name, FILE **out,
                   const char **encoding, struct mn_error *e);

/* Free what IN owns and close its file (not standard input); IN itself
   is the caller's.  */
void mn_input_close (struct mn_input *in);

#endif

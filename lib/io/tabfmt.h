/* tabfmt.h - a table's form on the way out: CSV, TSV or JSON Lines, in
   UTF-8, UTF-8 with a byte-order mark, or GB18030 (minyi-formats(5),
   "Output forms").

   Every writer of the suite writes CSV in UTF-8; an output opened with
   another form (output.h) is spooled, and the CSV converted into the
   form when the output is finished, in one place: so every table, and
   every rejects file, is written the same way.  */
#ifndef MINYI_TABFMT_H
#define MINYI_TABFMT_H

#include <stdbool.h>
#include <stdio.h>

#include "base/errinfo.h"

enum mn_tab_format
{
  MN_TAB_CSV = 0,       /* RFC 4180, quoting only where needed */
  MN_TAB_TSV,           /* tab-separated, \t \n \r \\ escaped */
  MN_TAB_JSONL          /* one JSON object a row (RFC 8259, jsonlines.org) */
};

enum mn_tab_encoding
{
  MN_ENC_UTF8 = 0,      /* no byte-order mark: for pipes */
  MN_ENC_UTF8_BOM,      /* EF BB BF first: Excel reads it as UTF-8 */
  MN_ENC_GB18030        /* what a Chinese Excel opens by default */
};

struct mn_tabfmt
{
  enum mn_tab_format format;
  enum mn_tab_encoding encoding;
};

/* Parse the word S (borrowed) into *F / *E.  Return 0, or -1 when it is
   not one of "csv", "tsv", "jsonl" / "utf-8", "utf-8-bom", "gb18030"
   (case ignored; "utf8" and "utf8-bom" too).  */
int mn_tab_format_parse (const char *s, enum mn_tab_format *f);
int mn_tab_encoding_parse (const char *s, enum mn_tab_encoding *e);

/* The words of F and E, static.  */
const char *mn_tab_format_name (enum mn_tab_format f);
const char *mn_tab_encoding_name (enum mn_tab_encoding e);

/* Whether F (may be NULL) is plain CSV in UTF-8, written as it is.  */
bool mn_tabfmt_plain (const struct mn_tabfmt *f);

/* NAME (borrowed), or when one of TAKEN[0..N-1] (borrowed) is NAME,
   NAME.K with the smallest K >= 1 that none is, as R's make.unique
   and pandas do; the caller frees.  A table's column names, or a
   rejects file's, made unique.  */
char *mn_tab_unique_name (const char *name, const char *const *taken,
                          size_t n);

/* Copy the CSV table IN (UTF-8, as the suite writes it; borrowed, read
   from where it stands, twice for JSON Lines: it must be seekable) to
   OUT (borrowed) in the form F.  A cell that is not UTF-8 (the bytes of
   a rejected record, kept as read) is copied as it is in CSV and TSV and
   is an error in JSON Lines; a character GB18030 cannot encode is an
   error.  NAME (borrowed, kept in E) names the output in E, with the
   line.  Returns 0, or -1 with E (nothing said about what was already
   written: the caller discards it).  A write error on OUT stops the
   copy, returning 0: the caller finds it as for any write (ferror).  */
int mn_tabfmt_convert (FILE *in, FILE *out, const struct mn_tabfmt *f,
                       const char *name, struct mn_error *e);

#endif

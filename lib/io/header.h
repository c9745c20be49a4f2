/* header.h - finding and naming a file's header: the title rows above
   it skipped, its names in NFKC and mapped through the columns file's
   aliases.

   Excel exports often start with a title row above the header
   ("紫阳县2014年第三季度群众满意度调查,,,,"): one cell filled, the rest
   empty.  Such rows, and blank ones, are recognised and skipped, up to
   MN_TITLE_ROWS_MAX of them, unless the caller says how many rows to
   skip (--skip-rows).  The records after the header keep their physical
   line numbers, so messages and rejects files point at the file's own
   lines.  */
#ifndef MINYI_HEADER_H
#define MINYI_HEADER_H

#include "base/errinfo.h"
#include "io/aliases.h"
#include "io/reader.h"

/* Skip rows above the header by recognising title rows.  */
#define MN_SKIP_AUTO (-1L)
#define MN_TITLE_ROWS_MAX 10

struct mn_header_opts
{
  const struct mn_aliases *aliases;   /* borrowed; NULL: none */
  long skip_rows;                     /* rows above the header, or
                                         MN_SKIP_AUTO (the default of a
                                         zeroed struct is 0: none) */
};

/* Whether REC looks like a title or blank row: two or more fields (an
   Excel row, padded with delimiters to the table's width), at most one
   of them holding anything but blanks (ASCII ones, or any that NFKC
   makes a space: U+3000, U+00A0), and sound.  */
bool mn_title_row (const struct mn_record *rec);

/* Read R up to and including its header record, into *REC (views into
   R's buffer, as mn_reader_next's), skipping the rows O says (O
   borrowed; NULL: none); *SKIPPED is set to the rows skipped.  Returns
   1, 0 at end of input (no header), or -1 with E as mn_reader_next.  */
int mn_header_next (struct mn_reader *r, const struct mn_header_opts *o,
                    struct mn_record *rec, unsigned long *skipped,
                    struct mn_error *e);

/* Set H from header record REC (borrowed) as mn_header_init does, then
   put each name in NFKC and rename each alias of O's columns file (O
   borrowed; NULL: no aliases) to the name it stands for, keeping the
   names as read in H->orig when some changed.  */
void mn_header_init_opts (struct mn_header *h, const struct mn_record *rec,
                          const struct mn_header_opts *o);

/* Fill E for H's column DUP that repeats an earlier name, on H's line
   of FILE (kept in E): the name, whether it came from an alias, and for
   an empty name the likely cause, a title row.  Returns -1.  */
int mn_header_dup_error (struct mn_error *e, const char *file,
                         const struct mn_header *h, long dup);

#endif

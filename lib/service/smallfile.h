/* smallfile.h - the small files minyi-deadline reads whole before its
   log (the working calendar, the service catalogue, the penalty rules):
   each read through the suite's input (encoding guessed: UTF-8, a BOM,
   GB18030; CRLF), its columns found by name, a fault stopping the
   load.  */
#ifndef MINYI_SMALLFILE_H
#define MINYI_SMALLFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/errinfo.h"
#include "io/reader.h"

/* One column a file has: its name, and whether it must be there.  */
struct mn_small_col
{
  const char *name;
  bool required;
};

/* Called for each record REC (borrowed, valid during the call) of FILE;
   COL[i] is the field of column i of the caller's list, or -1 when an
   optional column is absent.  Returns 0, or -1 with E to stop.  */
typedef int mn_small_row_fn (void *ctx, const struct mn_record *rec,
                             const long *col, const char *file,
                             struct mn_error *e);

/* Read PATH (borrowed, kept in E for messages) with the NCOL columns
   COLS (a required one missing: MN_R_MISSING_COLUMN naming the columns
   there are), calling ROW for each data record.  WHAT names the file in
   the message when it cannot be opened.  Returns 0, or -1 with E (a
   system error, a missing column, a record that is not sound, or ROW's
   error).  */
int mn_small_read (const char *path, const char *what,
                   const struct mn_small_col *cols, size_t ncol,
                   mn_small_row_fn *row, void *ctx, struct mn_error *e);

/* The field F of REC trimmed of ASCII blanks, as a NUL-terminated copy
   in BUF of SIZE bytes (cut when longer); "" when F is -1.  */
const char *mn_small_field (const struct mn_record *rec, long f, char *buf,
                            size_t size);

#endif

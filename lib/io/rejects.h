/* rejects.h - the rejects file: every record not used, with where it was
   and why (minyi-formats(5)).  */
#ifndef MINYI_REJECTS_H
#define MINYI_REJECTS_H

#include <stdbool.h>

#include "base/errinfo.h"
#include "io/output.h"
#include "io/reader.h"

struct mn_rejects
{
  struct mn_output out;     /* owned; ended by commit or abort */
  bool open, header_done;
  unsigned long count;
};

/* Open PATH (written atomically; borrowed, copied; NULL: no rejects
   file).  Returns 0, and the caller ends RJ with mn_rejects_commit or
   mn_rejects_abort; or -1 with E.  */
int mn_rejects_open (struct mn_rejects *rj, const char *path,
                     struct mn_error *e);

/* As mn_rejects_open, written in the form FMT (borrowed; NULL: CSV in
   UTF-8), as output.h's mn_output_open_table.  */
int mn_rejects_open_as (struct mn_rejects *rj, const char *path,
                        const struct mn_tabfmt *fmt, struct mn_error *e);

/* Name the columns after the four fixed ones, from the first input's
   header H (borrowed, not kept), as read (H->orig when renamed); a column
   named as one of the four, or as an earlier column, takes the suffix .1 (.2 ... when the header
   has that name too: mn_tab_unique_name).  Only the first call has an effect.  */
void mn_rejects_header (struct mn_rejects *rj, const struct mn_header *h);

/* Write REC, rejected for WHY (its file, line, reason and message).
   REC and WHY are borrowed, not kept.  A no-op when the rejects file is
   not open.  */
void mn_rejects_write (struct mn_rejects *rj, const struct mn_record *rec,
                       const struct mn_error *why);

/* Write the file into place, as mn_output_commit does.  Returns 0, or -1
   with E (whose file is valid until mn_rejects_abort, which the caller
   then calls).  */
int mn_rejects_commit (struct mn_rejects *rj, struct mn_error *e);

/* Its two halves, as mn_output_finish and mn_output_publish.  */
int mn_rejects_finish (struct mn_rejects *rj, struct mn_error *e);
int mn_rejects_publish (struct mn_rejects *rj, struct mn_error *e);

/* Discard the file and free what RJ holds; safe after commit.  */
void mn_rejects_abort (struct mn_rejects *rj);

#endif

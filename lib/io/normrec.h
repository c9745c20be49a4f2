/* normrec.h - a record's keys and answers in NFKC (base/normalize.h),
   for the programs that compare them: the columns a program uses are
   selected once per input, and each record is seen through a view in
   which those cells, when not ASCII, are replaced by their NFKC form.
   The record itself is left as read, for the rejects file.

   A record whose selected cells are ASCII or common Chinese
   (mn_nfkc_stable) costs one scan of them and no copy: the view is then
   the record itself.  */
#ifndef MINYI_NORMREC_H
#define MINYI_NORMREC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/normalize.h"
#include "io/reader.h"

struct mn_normrec
{
  struct mn_record view;    /* the record as the program sees it */
  long *col;                /* owned: the selected columns */
  size_t ncol, colcap;
  char **f;                 /* owned: the view's field arrays */
  size_t *len;
  size_t cap;
  struct mn_nfkc *buf;      /* owned: one buffer per selected column */
  size_t nbuf;
};

/* Zero-initialise a struct mn_normrec, or call this.  */
void mn_normrec_init (struct mn_normrec *nr);

/* Free what NR owns (not NR itself).  */
void mn_normrec_release (struct mn_normrec *nr);

/* Forget the selected columns (a new input is being bound).  */
void mn_normrec_clear (struct mn_normrec *nr);

/* Select column COL (0-based; a negative COL, a column not there, is
   ignored; a column selected twice counts once).  */
void mn_normrec_select (struct mn_normrec *nr, long col);

/* REC (borrowed) with its selected cells in NFKC: REC itself when they
   are all known to be (mn_nfkc_stable: ASCII, common Chinese), else NR's view, whose fields are REC's except those
   replaced (NUL-terminated, in NR's buffers).  Valid until the next
   call on NR or until REC changes.  */
const struct mn_record *mn_normrec_apply (struct mn_normrec *nr,
                                          const struct mn_record *rec);

#endif

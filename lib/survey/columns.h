/* columns.h - several inputs written as one table: the first input's
   columns, in its order, with each later input's columns mapped onto
   them.  What minyi-check does with the clean rows of several files.  */
#ifndef MINYI_COLUMNS_H
#define MINYI_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "io/reader.h"

struct mn_columns
{
  struct mn_header first;   /* owned: the first input's header */
  size_t *perm;             /* owned: perm[j], the current input's column
                               for column j of FIRST */
  char **row;               /* owned scratch: one output row of views */
  size_t *len;
};

/* Zero-initialise a struct mn_columns, or call this.  */
void mn_columns_init (struct mn_columns *c);
void mn_columns_release (struct mn_columns *c);

/* True once the first input has been matched.  */
bool mn_columns_started (const struct mn_columns *c);

/* Map IN's columns onto the first input's (IN itself when it is the
   first; *FIRST is then set).  Returns 0, or -1 with E (reason
   MN_R_HEADER_MISMATCH) when IN does not have the same set of columns.  */
int mn_columns_match (struct mn_columns *c, const struct mn_input *in,
                      bool *first, struct mn_error *e);

/* Write the first input's header as a CSV row to FP.  */
void mn_columns_write_header (const struct mn_columns *c, FILE *fp);

/* Write REC, a sound record of the input last matched, as a CSV row in
   the first input's column order to FP.  */
void mn_columns_write (struct mn_columns *c, const struct mn_record *rec,
                       FILE *fp);

#endif

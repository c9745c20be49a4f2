/* spool.h - temporary files, and making a pipe readable twice.  */
#ifndef MINYI_SPOOL_H
#define MINYI_SPOOL_H

#include <stdio.h>

#include "base/errinfo.h"

/* A temporary file opened for update, in $TMPDIR (or /tmp), already
   unlinked so that it goes when it is closed or the program ends.
   The caller closes it with fclose.  NULL with errno set on failure.  */
FILE *mn_tmpfile (void);

/* Copy what is left of SRC (borrowed, not closed) to a new temporary
   file and set *COPY to it, rewound; the caller closes *COPY with
   fclose.  Returns 0, or -1 with E (NAME names SRC; borrowed).  */
int mn_spool (FILE *src, const char *name, FILE **copy, struct mn_error *e);

/* Make standard input seekable, so that it can be read more than once:
   when it is a pipe, copy it to a temporary file that becomes descriptor
   0.  Returns 0, or -1 with E.  */
int mn_spool_stdin (struct mn_error *e);

#endif

/* rejects.h - the rejects file: every record not used, with where it was
   and why (minyi-formats(5)).  */
#ifndef MINYI_REJECTS_H
#define MINYI_REJECTS_H

#include <stdbool.h>

#include "errinfo.h"
#include "output.h"
#include "reader.h"

struct mn_rejects
{
  struct mn_output out;
  bool open, header_done;
  unsigned long count;
};

/* Open PATH (written atomically).  Returns 0, or -1 with E.  */
int mn_rejects_open (struct mn_rejects *rj, const char *path,
                     struct mn_error *e);

/* Name the columns after the four fixed ones, from the first input's
   header H.  Only the first call has an effect.  */
void mn_rejects_header (struct mn_rejects *rj, const struct mn_header *h);

/* Write REC, rejected for WHY (its file, line, reason and message).
   A no-op when the rejects file is not open.  */
void mn_rejects_write (struct mn_rejects *rj, const struct mn_record *rec,
                       const struct mn_error *why);

int mn_rejects_commit (struct mn_rejects *rj, struct mn_error *e);
void mn_rejects_abort (struct mn_rejects *rj);

#endif

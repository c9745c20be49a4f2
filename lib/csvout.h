/* csvout.h - writing CSV (RFC 4180, quoting only where needed).  */
#ifndef MINYI_CSVOUT_H
#define MINYI_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

/* Write one field, the LEN bytes at S, to FP, quoted when it holds DELIM,
   a double quote, CR or LF.  All pointers are borrowed, not kept.  */
void mn_csv_field (FILE *fp, const char *s, size_t len, char delim);

/* Write a field that is a NUL-terminated string S (borrowed).  */
void mn_csv_str (FILE *fp, const char *s, char delim);

/* Write the N fields F[i] of LEN[i] bytes as one record, with a final
   LF.  F and LEN are borrowed, not kept.  */
void mn_csv_row (FILE *fp, char *const *f, const size_t *len, size_t n,
                 char delim);

#endif

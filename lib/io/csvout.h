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

/* The same record put together in BUF (SIZE bytes) when it is a plain
   one (no field to quote) that fits: returns its length, LF included;
   else 0, BUF's content undefined (mn_csv_row writes it then).  */
size_t mn_csv_row_buf (char *buf, size_t size, char *const *f,
                       const size_t *len, size_t n, char delim);

/* The text of the number X in the C locale, into BUF of SIZE bytes (32
   are always enough).  DIGITS 0: the shortest decimal that strtod reads
   back as the same double (round trip: the first of %.15g, %.16g and
   %.17g that reads back; no shorter form that reads back is missed:
   one of 15 digits or fewer that reads back is %.15g's, its trailing
   zeros dropped, since %.15g is the nearest decimal of 15 digits), whole
   numbers below 2^53 with no exponent or point.  DIGITS 1..17: rounded
   to that many significant digits (%.DIGITSg).  Zero is "0", never
   "-0"; NaN and the infinities give "" (an empty cell: no value).
   Returns the length written.  */
#define MN_NUM_BUFSIZE 32
size_t mn_num_format (char *buf, size_t size, double x, int digits);

/* Write X as mn_num_format gives it to FP.  */
void mn_csv_num (FILE *fp, double x, int digits);

#endif

/* dwidth.h - the display width of UTF-8 text on a terminal, the same in
   every locale.

   wcwidth(3) answers only in a UTF-8 locale and differs between C
   libraries; a report must be the same bytes in C and in C.UTF-8.  So
   the width is computed here from the code points: East Asian Wide and
   Fullwidth characters (Unicode UAX #11: CJK ideographs, kana, hangul,
   fullwidth forms, CJK punctuation) take two columns, combining marks
   and zero-width characters none, everything else one.  */
#ifndef MINYI_DWIDTH_H
#define MINYI_DWIDTH_H

#include <stddef.h>

/* The columns code point C takes: 0, 1 or 2.  */
int mn_cp_width (unsigned long c);

/* Decode the UTF-8 character at S (N bytes available, N >= 1) into *C.
   Returns its length in bytes; an invalid byte counts as one character
   U+FFFD of one byte.  */
size_t mn_utf8_decode (const char *s, size_t n, unsigned long *c);

/* The display width of the LEN bytes at S (borrowed).  */
size_t mn_dwidth (const char *s, size_t len);

/* The length in bytes of the longest prefix of the LEN bytes at S whose
   display width is at most WIDTH; *USED (may be NULL) its width.  */
size_t mn_dwidth_prefix (const char *s, size_t len, size_t width,
                         size_t *used);

#endif

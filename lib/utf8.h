/* utf8.h - UTF-8 validation.  */
#ifndef MINYI_UTF8_H
#define MINYI_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* True when the N bytes at S are well-formed UTF-8 (RFC 3629: no
   overlong forms, no surrogates, nothing above U+10FFFF).  */
bool mn_utf8_valid (const char *s, size_t n);

/* How many of the last bytes of the N bytes at S begin a multibyte
   sequence that the N bytes cut short (0 to 3): what a block-by-block
   validator carries over to the next block.  */
size_t mn_utf8_cut_tail (const char *s, size_t n);

/* Read FP to its end and say whether all of it is UTF-8 without NUL
   bytes.  Returns 1 if so, 0 if not, -1 on a read error.  */
int mn_utf8_stream_valid (FILE *fp);

#endif

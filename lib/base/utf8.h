/* utf8.h - UTF-8 validation.  */
#ifndef MINYI_UTF8_H
#define MINYI_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when the N bytes at S (borrowed) are well-formed UTF-8 (RFC 3629: no
   overlong forms, no surrogates, nothing above U+10FFFF).  */
bool mn_utf8_valid (const char *s, size_t n);

#endif

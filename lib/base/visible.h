/* visible.h - a user's value, as a message quotes it.

   A cell that looks right and is rejected ("5 " where the space is
   U+3000, a zero-width space, a full-width digit) must show why: each
   character a reader cannot tell from another, or cannot see, is
   written as its code point, "5<U+3000>".  */
#ifndef MINYI_VISIBLE_H
#define MINYI_VISIBLE_H

#include <stddef.h>

/* Write the LEN bytes at S (borrowed) into the caller's BUF of SIZE
   bytes (SIZE >= 16), NUL-terminated, and return BUF: as they are,
   except each control or format character, each separator other than
   the ASCII space, each unassigned or private-use code point, and each
   wide, narrow or no-break compatibility character (full-width ５,
   U+3000, U+00A0), which are written <U+XXXX>; a byte that is not
   UTF-8 is written <0xNN>.  A value longer than BUF is cut at a
   character, with "...".  */
char *mn_visible (char *buf, size_t size, const char *s, size_t len);

/* The key of KLEN bytes at KEY (borrowed), its columns' values
   separated by NUL bytes, as a message quotes it: each value as
   mn_visible writes it, joined by commas ("2026Q1,C0001"), into BUF of
   SIZE bytes (SIZE >= 16), cut after a whole value with ",..." when
   longer (a first value too long, as mn_visible cuts it); returns BUF.  */
char *mn_visible_key (char *buf, size_t size, const char *key,
                      size_t klen);

#endif

/* normalize.h - Unicode compatibility normalisation (NFKC) of the keys
   and answers the suite compares, by libunistring's u8_normalize.

   A Chinese input method types full-width digits and letters (５, Ａ)
   and an ideographic space (U+3000) as easily as ASCII ones; NFKC folds
   them to 5, A and a plain space, so that "５" is the answer 5 and
   "C0001　" the cadre C0001 once blanks are trimmed.  ASCII text is
   NFKC already: it is recognised by a scan of its bytes and returned as
   it is, without a copy, so an all-ASCII survey pays one byte test per
   byte of the cells compared.  */
#ifndef MINYI_NORMALIZE_H
#define MINYI_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/utf8.h"          /* mn_ascii, which callers use first */

/* True when the LEN bytes at S (borrowed) are known to be in NFKC by a
   scan of their bytes: ASCII, and the three-byte UTF-8 characters from
   U+4000 to U+9FFF (CJK ideographs of the URO and extension A, and the
   Yijing hexagrams), none of which has a decomposition or composes with
   its neighbours.  Most Chinese cells (城关镇, 满意) are such, and cost no
   normalisation; false means only "not known", and S goes through
   u8_normalize.  */
bool mn_nfkc_stable (const char *s, size_t len);

/* A reusable buffer for mn_nfkc.  Zero-initialise it; free its memory
   with mn_nfkc_release.  */
struct mn_nfkc
{
  char *buf;                /* owned */
  size_t cap;
};

/* The LEN bytes at S (borrowed) in NFKC.  Returns S itself when S is
   known to be NFKC (mn_nfkc_stable), or when it is not valid UTF-8 (left for the caller to judge);
   otherwise B's buffer, NUL-terminated, valid until the next call on B.
   Sets *OUT to the length.  */
const char *mn_nfkc (struct mn_nfkc *b, const char *s, size_t len,
                     size_t *out);

/* Free B's buffer (not B itself); B is left empty.  */
void mn_nfkc_release (struct mn_nfkc *b);

/* A copy of the LEN bytes at S (borrowed) in NFKC (as read when not
   valid UTF-8), NUL-terminated; the caller frees it.  */
char *mn_nfkc_dup (const char *s, size_t len);

/* Replace *S (owned, NUL-terminated) by its NFKC form when that differs;
   *S is then freed.  */
void mn_nfkc_replace (char **s);

#endif

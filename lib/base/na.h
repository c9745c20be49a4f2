/* na.h - what counts as "no answer".  */
#ifndef MINYI_NA_H
#define MINYI_NA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Cells that mean "no answer": an empty or all-blank cell always; and
   any of the listed tokens, compared exactly after trimming blanks.  */
struct mn_na
{
  char **tok;       /* owned: N tokens, freed by mn_na_release */
  size_t n;
  /* Bit B set: a cell whose first byte is B is not "no answer" (B is
     no blank and starts no token), told at once.  Zeroed: none known. */
  uint64_t skip[4];
};

#define MN_NA_DEFAULT "NA,N/A,#N/A"

/* Set NA from a comma-separated LIST ("" for none; borrowed, its tokens
   copied).  Replaces (and frees) what NA held.  NA must be zeroed or set
   before the first call; release it with mn_na_release.  */
void mn_na_set (struct mn_na *na, const char *list);

/* Free NA's tokens (not NA itself); NA is left empty.  */
void mn_na_release (struct mn_na *na);

/* Whether the LEN bytes at S (borrowed) mean "no answer".  Inline: the
   first byte tells most cells, and every row asks for several.  */
bool mn_na_match_slow (const struct mn_na *na, const char *s, size_t len);

static inline bool
mn_na_match (const struct mn_na *na, const char *s, size_t len)
{
  if (len)
    {
      unsigned char c = (unsigned char) s[0];
      if (na->skip[c >> 6] >> (c & 63) & 1)
        return false;
    }
  return mn_na_match_slow (na, s, len);
}

/* The marks that often mean "no answer" in exported surveys, and that a
   rejected answer is compared with to suggest --na (minyi-formats(5),
   "No answer"): / \\ - -- — —— . ? 无 空 未答 未填 不清楚 不知道 不详
   null NULL n/a, besides the default list.  */
#define MN_NA_COMMON \
  "/", "\\", "-", "--", "\u2014", "\u2014\u2014", ".", "?", "无", "空", \
  "未答", "未填", "不清楚", "不知道", "不详", "null", "NULL", "n/a", "NA", \
  "N/A", "#N/A"

/* When the LEN bytes at S (borrowed; trimmed here) are one of
   MN_NA_COMMON and not in NA, append to the message MSG (of SIZE bytes,
   NUL-terminated, cut when full) the hint that --na would take it:
   "; if '/' means no answer, say so with --na='NA,N/A,#N/A,/'" (NA's own
   list, then S).  */
void mn_na_hint (const struct mn_na *na, const char *s, size_t len,
                 char *msg, size_t size);

/* S without leading and trailing ASCII blanks: sets *LEN, returns the
   first byte kept, a pointer into S (borrowed, valid as long as S).  */
const char *mn_trim (const char *s, size_t *len);

/* The same for the LEN bytes at S (not NUL-terminated).  */
const char *mn_trim_n (const char *s, size_t len, size_t *out);

#endif

/* keyonce.h - each key once: the check every reader of a keyed table
   makes.

   A score table, an adjusted table and a ranking have one row per key
   (the values of their key columns together).  The score table's
   reader, minyi-adjust, minyi-rank (across its tables) and
   minyi-report check it here, so that a duplicate is said alike:
   "key '2026Q1,C0001' already has a row, on line 2" when the first row
   was in the same input, "..., in FILE:LINE" when it was in an earlier
   one.  */
#ifndef MINYI_KEYONCE_H
#define MINYI_KEYONCE_H

#include <stddef.h>

#include "base/errinfo.h"
#include "io/reader.h"

struct mn_keyonce
{
  struct mn_groups *seen;       /* key -> where its first row was */
  char *key;                    /* reused key buffer */
  size_t keycap;
  char **file;                  /* owned: each input's name, in the
                                   order begun; the last is the
                                   current one */
  size_t nfile, filecap;
};

/* Set the caller's K up empty.  Release with mn_keyonce_release.  */
void mn_keyonce_init (struct mn_keyonce *k);

/* Free K's contents (not K).  */
void mn_keyonce_release (struct mn_keyonce *k);

/* The rows put from now on are of the input named FILE (borrowed,
   copied): call it as each input is begun.  */
void mn_keyonce_begin (struct mn_keyonce *k, const char *file);

/* The key of the record REC (borrowed) of the current input: its cells
   in the columns COL[0..NKEY-1], or in its first NKEY columns when COL
   is NULL.  When a row already had that key, return -1 with E
   (MN_R_DUPLICATE, at REC's line of the current input) naming that
   row; otherwise remember the key and return 0.  An empty key is the
   caller's to refuse first.  */
int mn_keyonce_put (struct mn_keyonce *k, const struct mn_record *rec,
                    const long *col, size_t nkey, struct mn_error *e);

#endif

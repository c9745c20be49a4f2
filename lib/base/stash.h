/* stash.h - bytes kept for a while: an arena that hands out blocks
   which do not move until it is cleared.

   minyi-check's two stages (prog/pipe.h) keep, for each record read
   ahead, what the second stage needs of it: the record's fields, the
   cells the first stage normalised.  A stash in borrowing mode keeps
   nothing: it gives back the caller's own pointers, for the one-thread
   run, where both stages see the record before the next is read.  */
#ifndef MINYI_STASH_H
#define MINYI_STASH_H

#include <stdbool.h>
#include <stddef.h>

struct mn_stash_chunk;

struct mn_stash
{
  bool borrow;                      /* keep nothing: see above */
  struct mn_stash_chunk *head, *cur;
  size_t bytes;                     /* handed out since the last clear */
};

/* An empty stash, borrowing when BORROW.  */
void mn_stash_init (struct mn_stash *st, bool borrow);

/* N bytes, aligned for any object, valid until the next clear (even
   when borrowing).  */
void *mn_stash_alloc (struct mn_stash *st, size_t n);

/* N bytes, not aligned, valid until the next clear (even when
   borrowing).  */
char *mn_stash_bytes (struct mn_stash *st, size_t n);

/* The N bytes at P, followed by a NUL: a copy valid until the next
   clear, or P itself when borrowing.  */
const char *mn_stash_keep (struct mn_stash *st, const char *p, size_t n);

/* Make every block free again, keeping the memory (but that of blocks
   larger than the usual chunk, 64 KiB, which is freed).  */
void mn_stash_clear (struct mn_stash *st);

/* Free the memory.  */
void mn_stash_release (struct mn_stash *st);

#endif

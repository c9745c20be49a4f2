/* stash.c - an arena of blocks that do not move until it is cleared.  */
#include "base/stash.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* The size of a chunk, unless one block needs more.  */
#define CHUNK ((size_t) 64 << 10)

struct mn_stash_chunk
{
  struct mn_stash_chunk *next;
  size_t cap, used;
  alignas (max_align_t) unsigned char data[];
};

void
mn_stash_init (struct mn_stash *st, bool borrow)
{
  memset (st, 0, sizeof *st);
  st->borrow = borrow;
}

static struct mn_stash_chunk *
chunk_new (size_t cap)
{
  if (cap > SIZE_MAX - sizeof (struct mn_stash_chunk))
    xalloc_die ();
  struct mn_stash_chunk *k = xmalloc (sizeof *k + cap);
  k->next = NULL;
  k->cap = cap;
  k->used = 0;
  return k;
}

void *
mn_stash_alloc (struct mn_stash *st, size_t n)
{
  const size_t align = alignof (max_align_t);
  if (n > SIZE_MAX - align)
    xalloc_die ();
  n = (n + align - 1) & ~(align - 1);
  struct mn_stash_chunk *k = st->cur;
  /* The current chunk, else the next free one that fits, else a new
     one after the current.  */
  while (k && k->cap - k->used < n)
    {
      k = k->next;
      if (k && k->used != 0)
        k = NULL;
    }
  if (!k)
    {
      k = chunk_new (n > CHUNK ? n : CHUNK);
      if (st->cur)
        {
          k->next = st->cur->next;
          st->cur->next = k;
        }
      else
        {
          k->next = st->head;
          st->head = k;
        }
    }
  st->cur = k;
  void *p = k->data + k->used;
  k->used += n;
  st->bytes += n;
  return p;
}

const char *
mn_stash_keep (struct mn_stash *st, const char *p, size_t n)
{
  if (st->borrow)
    return p;
  if (n == SIZE_MAX)
    xalloc_die ();
  char *q = mn_stash_alloc (st, n + 1);
  memcpy (q, p, n);
  q[n] = '\0';
  return q;
}

void
mn_stash_clear (struct mn_stash *st)
{
  for (struct mn_stash_chunk *k = st->head; k; k = k->next)
    k->used = 0;
  st->cur = st->head;
  st->bytes = 0;
}

void
mn_stash_release (struct mn_stash *st)
{
  struct mn_stash_chunk *k = st->head;
  while (k)
    {
      struct mn_stash_chunk *next = k->next;
      free (k);
      k = next;
    }
  st->head = st->cur = NULL;
  st->bytes = 0;
}

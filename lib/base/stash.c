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

/* N bytes at a multiple of ALIGN (a power of two) from the chunk's
   start.  */
static void *
take (struct mn_stash *st, size_t n, size_t align)
{
  struct mn_stash_chunk *k = st->cur;
  if (k)
    {
      size_t at = (k->used + align - 1) & ~(align - 1);
      if (at <= k->cap && k->cap - at >= n)
        {
          st->bytes += n + (at - k->used);
          k->used = at + n;
          return k->data + at;
        }
    }
  if (n > SIZE_MAX - CHUNK)
    xalloc_die ();
  /* The chunks after the current one are free (since the last clear):
     the first that fits, else a new one after the current.  */
  k = k ? k->next : NULL;
  while (k && k->cap < n)
    k = k->next;
  if (!k)
    {
      k = chunk_new (n > CHUNK ? n : CHUNK);
      if (st->cur)
        {
          k->next = st->cur->next;
          st->cur->next = k;
        }
      else
        st->head = k;
    }
  st->cur = k;
  k->used = n;                      /* from the start: aligned */
  st->bytes += n;
  return k->data;
}

void *
mn_stash_alloc (struct mn_stash *st, size_t n)
{
  return take (st, n, alignof (max_align_t));
}

char *
mn_stash_bytes (struct mn_stash *st, size_t n)
{
  return take (st, n, 1);
}

const char *
mn_stash_keep (struct mn_stash *st, const char *p, size_t n)
{
  if (st->borrow)
    return p;
  if (n == SIZE_MAX)
    xalloc_die ();
  char *q = mn_stash_bytes (st, n + 1);
  memcpy (q, p, n);
  q[n] = '\0';
  return q;
}

void
mn_stash_clear (struct mn_stash *st)
{
  /* Chunks of the usual size are kept for the next use; a larger one,
     made for one long record, is freed, so that a few such records do
     not hold their memory for the rest of the run.  */
  struct mn_stash_chunk **at = &st->head;
  while (*at)
    {
      struct mn_stash_chunk *k = *at;
      if (k->cap > CHUNK)
        {
          *at = k->next;
          free (k);
          continue;
        }
      k->used = 0;
      at = &k->next;
    }
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

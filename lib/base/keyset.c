/* keyset.c - open addressing (linear probing) over an arena of keys.

   An arena record is the value (8 bytes), the key's length (4 bytes)
   and the key, padded to a multiple of 8 bytes.  A slot is 64 bits: the
   top 32 bits of the key's hash (its tag), then one more than the
   record's offset in 8-byte units (0: an empty slot; so the arena may
   hold 32 GiB).  The slot's index is the hash's top bits, which the tag
   holds while the table has at most 2^32 slots: a doubling walks the
   old slots in order and sends each to twice its index or one more,
   writing the new table nearly in order, with no arena read and no
   hash computed again.  A probe that meets another key reads the arena
   only when their tags agree: the tag bits below the index tell them
   apart (with 2^24 slots, all but 1 in 256).  */
#include "base/keyset.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/hash.h"
#include "base/xalloc.h"

#define HEAD 12                 /* value and length */
#define OFF_MASK UINT64_C (0xffffffff)

static size_t
record_size (size_t len)
{
  return (HEAD + len + 7) & ~(size_t) 7;
}

void
mn_keyset_init (struct mn_keyset *s)
{
  memset (s, 0, sizeof *s);
  /* The keys are the input's own bytes (households): with a hash known
     in advance, a file of keys sharing one hash makes every new key
     compare with all of them (200,000 such rows took 65 s).  */
  s->seed = mn_hash_random_seed ();
  s->hash_mask = UINT64_MAX;
  s->bits = 10;
  s->cap = (size_t) 1 << s->bits;
  s->slot = xcalloc (s->cap, sizeof *s->slot);
}

void
mn_keyset_release (struct mn_keyset *s)
{
  free (s->slot);
  if (s->arena)
    munmap (s->arena, s->size);
  memset (s, 0, sizeof *s);
}

/* Ask the kernel to back the whole 2 MiB pages within the SIZE bytes at
   P with huge pages.  A table of millions of slots is reached at random,
   and its pages are touched first in that order: with 4 KiB pages,
   nearly every new key costs a page fault (expensive in a virtual
   machine) and a TLB miss.  A hint only (transparent huge pages may be
   off); the memory is untouched yet, so it applies from the first
   fault.  */
static void
huge (void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
  const uintptr_t two = (uintptr_t) 2 << 20;
  uintptr_t a = ((uintptr_t) p + two - 1) & ~(two - 1);
  uintptr_t z = ((uintptr_t) p + size) & ~(two - 1);
  if (z > a)
    madvise ((void *) a, z - a, MADV_HUGEPAGE);
#else
  (void) p, (void) size;
#endif
}

/* The index of tag TAG in a table of 2^BITS slots.  */
static size_t
home (uint64_t tag, unsigned bits)
{
  return (size_t) (tag >> (32 - bits));
}

/* Put slot V (tag and offset) into the first empty slot of its probe
   sequence.  */
static void
place (struct mn_keyset *s, uint64_t v)
{
  size_t mask = s->cap - 1;
  size_t i = home (v >> 32, s->bits);
  while (s->slot[i])
    i = (i + 1) & mask;
  s->slot[i] = v;
}

static void
grow (struct mn_keyset *s)
{
  if (s->bits >= 32)
    xalloc_die ();
  uint64_t *old = s->slot;
  size_t oldcap = s->cap;
  s->bits++;
  s->cap *= 2;
  s->slot = xcalloc (s->cap, sizeof *s->slot);
  huge (s->slot, s->cap * sizeof *s->slot);
  for (size_t i = 0; i < oldcap; i++)
    if (old[i])
      place (s, old[i]);
  free (old);
}

/* Make room for NEED more bytes in the arena.  It is mapped memory,
   doubled by mremap: the kernel moves the pages, nothing is copied, and
   the new part is untouched until used (a realloc from the heap would
   copy, touching every page twice).  */
static void
grow_arena (struct mn_keyset *s, size_t need)
{
  /* A record's offset must fit the slot's 32 bits in 8-byte units:
     32 GiB, less a page.  The last doubling stops there.  */
  uint64_t top = ((uint64_t) OFF_MASK * 8) & ~(uint64_t) 4095;
  const size_t max = top < SIZE_MAX ? (size_t) top : SIZE_MAX & ~(size_t) 4095;
  size_t size = s->size ? s->size : 64 * 1024;
  while (size - s->used < need)
    {
      if (size >= max)
        xalloc_die ();
      size = size > max / 2 ? max : size * 2;
    }
  void *p = s->arena
              ? mremap (s->arena, s->size, size, MREMAP_MAYMOVE)
              : mmap (NULL, size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    xalloc_die ();
  s->arena = p;
  s->size = size;
#ifdef MADV_HUGEPAGE
  /* The whole mapping, which must stay one region for mremap.  */
  madvise (s->arena, s->size, MADV_HUGEPAGE);
#endif
}

uint64_t
mn_keyset_hash (const struct mn_keyset *s, const void *key, size_t len)
{
  return mn_hash_seeded (key, len, s->seed) & s->hash_mask;
}

void
mn_keyset_prefetch (const struct mn_keyset *s, uint64_t h)
{
  __builtin_prefetch (&s->slot[home (h >> 32, s->bits)]);
}

uint64_t *
mn_keyset_put (struct mn_keyset *s, const void *key, size_t len,
               uint64_t val)
{
  return mn_keyset_put_hashed (s, key, len, mn_keyset_hash (s, key, len),
                               val);
}

uint64_t *
mn_keyset_put_hashed (struct mn_keyset *s, const void *key, size_t len,
                      uint64_t h, uint64_t val)
{
  if (len > UINT32_MAX)
    abort ();
  uint64_t tag = h >> 32;
  size_t mask = s->cap - 1, i = home (tag, s->bits);
  for (; s->slot[i]; i = (i + 1) & mask)
    if (s->slot[i] >> 32 == tag)
      {
        unsigned char *r = s->arena + ((s->slot[i] & OFF_MASK) - 1) * 8;
        uint32_t rl;
        memcpy (&rl, r + 8, sizeof rl);
        if (rl == len && memcmp (r + HEAD, key, len) == 0)
          return (uint64_t *) (void *) r;
      }
  size_t need = record_size (len);
  if (s->size - s->used < need)
    grow_arena (s, need);
  unsigned char *r = s->arena + s->used;
  uint32_t l32 = (uint32_t) len;
  memcpy (r, &val, sizeof val);
  memcpy (r + 8, &l32, sizeof l32);
  memcpy (r + HEAD, key, len);
  memset (r + HEAD + len, 0, need - HEAD - len);
  s->slot[i] = tag << 32 | ((uint64_t) s->used / 8 + 1);
  s->used += need;
  if (++s->count * 4 > s->cap * 3)
    grow (s);
  return NULL;
}

size_t
mn_keyset_bytes (const struct mn_keyset *s)
{
  return s->cap * sizeof *s->slot + s->used;
}

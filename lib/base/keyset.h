/* keyset.h - a compact set of byte-string keys, each with a 64-bit value.

   What duplicate detection remembers (minyi-check: every (wave,
   household, cadre) of a clean row, with where it was first seen), so
   built for many short keys that are mostly new: the keys lie one after
   another in one growing arena, each after its value and length, and
   the table holds an 8-byte slot a key (32 bits of its hash, where it
   lies in the arena).  Finding a new key touches one slot in the common case; a
   known key is compared byte by byte, so the set is exact whatever the
   hash does.  */
#ifndef MINYI_KEYSET_H
#define MINYI_KEYSET_H

#include <stddef.h>
#include <stdint.h>

struct mn_keyset
{
  uint64_t *slot;               /* 0: empty; owned */
  size_t cap, count;            /* cap = 2^bits */
  unsigned bits;
  unsigned char *arena;         /* owned */
  size_t used, size;            /* bytes of the arena used, and held */
  uint64_t seed;                /* of the hash: random, a new one for
                                   each set */
  uint64_t hash_mask;           /* ANDed into every hash: all ones, but
                                   a test may clear bits to make keys
                                   collide */
};

/* Set the caller's S up empty.  Release with mn_keyset_release.  */
void mn_keyset_init (struct mn_keyset *s);

/* Free S's memory (not S itself).  */
void mn_keyset_release (struct mn_keyset *s);

/* Add KEY (LEN bytes, LEN < 2^32; copied) with VAL if it is new and
   return NULL; otherwise leave S as it is and return a pointer to KEY's
   value, borrowed from S: valid until the next mn_keyset_put or
   mn_keyset_release.  */
uint64_t *mn_keyset_put (struct mn_keyset *s, const void *key, size_t len,
                         uint64_t val);

/* The same in two steps, for a caller with other work to do between
   them: the hash of KEY, then the put, given that hash (H from
   mn_keyset_hash on this S).  mn_keyset_prefetch asks for the slot
   where H's search starts to be brought into the cache meanwhile: with
   millions of keys the table is far larger than the cache, and a put
   waits for memory on nearly every new key.  */
uint64_t mn_keyset_hash (const struct mn_keyset *s, const void *key,
                         size_t len);
void mn_keyset_prefetch (const struct mn_keyset *s, uint64_t h);
uint64_t *mn_keyset_put_hashed (struct mn_keyset *s, const void *key,
                                size_t len, uint64_t h, uint64_t val);

/* Bytes held (the table and the arena's used part): for reports of
   memory use.  */
size_t mn_keyset_bytes (const struct mn_keyset *s);

#endif

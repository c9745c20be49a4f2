/* hash.h - the 64-bit hash of a short byte string that the suite's hash
   tables share (base/groups.c, base/keyset.c).

   Eight bytes at a time (keys are short: ids, names, waves): each word
   folded in by a multiply, the tail as a short word, then the bits mixed
   down (the finaliser of MurmurHash3), so that both its low bits (a
   slot) and its high bits (a tag) depend on every byte.  A hash decides
   where a key is kept, never an order.  */
#ifndef MINYI_HASH_H
#define MINYI_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The hash of the N bytes at KEY under SEED, which starts the state: a
   table whose keys come from the input draws it at random (base/keyset.c),
   since without it anyone can compute keys of one hash (the state
   before a key's last word is known, and each word's step can be
   inverted) and make every lookup walk all of them.  */
static inline uint64_t
mn_hash_seeded (const void *key, size_t n, uint64_t seed)
{
  const unsigned char *s = key;
  const uint64_t k = UINT64_C (0x9E3779B97F4A7C15);
  uint64_t h = UINT64_C (0xcbf29ce484222325) ^ (n * k) ^ seed;
  for (; n >= 8; s += 8, n -= 8)
    {
      uint64_t w;
      memcpy (&w, s, 8);
      h = (h ^ w) * k;
      h ^= h >> 31;
    }
  if (n)
    {
      uint64_t w = 0;
      memcpy (&w, s, n);
      h = (h ^ w) * k;
    }
  h ^= h >> 33;
  h *= UINT64_C (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= UINT64_C (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

/* A seed for mn_hash_seeded that the input cannot know: the kernel's
   random bytes, or without them the clock and an address, which still
   differ from run to run.  Each table whose keys come from the input
   draws its own (base/groups.c, base/keyset.c); no output depends on it,
   since a table is read in an order only once sorted.  */
uint64_t mn_hash_random_seed (void);

/* The hash of the N bytes at KEY, the same in every run.  */
static inline uint64_t
mn_hash_bytes (const void *key, size_t n)
{
  return mn_hash_seeded (key, n, 0);
}

#endif

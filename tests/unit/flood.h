/* flood.h - keys made to share one unseeded hash (base/hash.h), as a
   hostile file could make them, for the tests of the tables that must
   scatter them with their own seeds (test-keyset.c, test-misc.c).

   A key is 24 bytes: two ids (8 bytes, fixed), then 16 bytes whose
   first 8 are chosen and whose last 8 are computed so that the hash's
   state after them is always the same, from the known start of the
   hash: each step of mn_hash_seeded (a multiply by an odd constant, an
   xor of the word shifted right by 31) can be undone.  With a hash
   known in advance such keys fall into one probe sequence, and each new
   key is compared with all the others: quadratic time.  */
#ifndef MINYI_FLOOD_H
#define MINYI_FLOOD_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

#define FLOOD_KEY 24

/* The inverse of the odd K modulo 2^64 (Newton's iteration), and of
   x ^ x >> 31.  */
static uint64_t
flood_inverse (uint64_t k)
{
  uint64_t x = k;
  for (int i = 0; i < 6; i++)
    x *= 2 - k * x;
  return x;
}

static uint64_t
flood_unshift31 (uint64_t y)
{
  return y ^ (y ^ y >> 31) >> 31;
}

/* The Ith key into KEY (FLOOD_KEY bytes): distinct for distinct I, the
   same unseeded hash for all.  */
static void
flood_key (uint64_t i, unsigned char *key)
{
  const uint64_t k = UINT64_C (0x9E3779B97F4A7C15);
  const uint64_t target = UINT64_C (0x0123456789abcdef);
  static const unsigned char ids[8] = { 1, 0, 0, 0, 7, 0, 0, 0 };
  memcpy (key, ids, 8);
  uint64_t w = i * 2654435761u + 1, h;
  memcpy (key + 8, &w, 8);
  h = UINT64_C (0xcbf29ce484222325) ^ ((uint64_t) FLOOD_KEY * k);
  for (int j = 0; j < 2; j++)
    {
      memcpy (&w, key + 8 * j, 8);
      h = (h ^ w) * k;
      h ^= h >> 31;
    }
  w = (flood_unshift31 (target) * flood_inverse (k)) ^ h;
  memcpy (key + 16, &w, 8);
}

static int
flood_cmp_u64 (const void *a, const void *b)
{
  uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
  return (x > y) - (x < y);
}

/* The number of distinct values among the N at V (sorted in place).  */
static size_t
flood_distinct (uint64_t *v, size_t n)
{
  qsort (v, n, sizeof *v, flood_cmp_u64);
  size_t d = n > 0;
  for (size_t i = 1; i < n; i++)
    d += v[i] != v[i - 1];
  return d;
}

/* How many of the first N keys have key 0's unseeded hash (all of them,
   if the keys are what they claim).  */
static size_t
flood_sharing (size_t n)
{
  unsigned char key[FLOOD_KEY];
  flood_key (0, key);
  uint64_t first = mn_hash_bytes (key, FLOOD_KEY);
  size_t same = 0;
  for (uint64_t i = 0; i < n; i++)
    {
      flood_key (i, key);
      same += mn_hash_bytes (key, FLOOD_KEY) == first;
    }
  return same;
}

#endif

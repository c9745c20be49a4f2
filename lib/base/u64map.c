/* u64map.c - open addressing with linear probing; UINT64_MAX marks an
   empty slot.  */
#include "base/u64map.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define EMPTY UINT64_MAX

/* Fibonacci hashing: the top log2(CAP) bits of the product, which
   depend on every bit of K (the low bits of a product depend only on the
   low bits of its factors, so packed ids differing in their high bits,
   as waves do, would all meet in one slot).  */
static size_t
slot_of (uint64_t k, size_t cap)
{
  unsigned bits = (unsigned) __builtin_ctzll (cap);   /* cap = 2^bits */
  return (size_t) ((k * 0x9E3779B97F4A7C15u) >> (64 - bits));
}

void
mn_u64map_init (struct mn_u64map *m)
{
  m->cap = 1024;
  m->count = 0;
  m->key = xmalloc (m->cap * sizeof *m->key);
  m->val = xmalloc (m->cap * sizeof *m->val);
  memset (m->key, 0xff, m->cap * sizeof *m->key);
}

void
mn_u64map_release (struct mn_u64map *m)
{
  free (m->key);
  free (m->val);
  memset (m, 0, sizeof *m);
}

static void
grow (struct mn_u64map *m)
{
  uint64_t *ok = m->key, *ov = m->val;
  size_t oc = m->cap;
  m->cap *= 2;
  m->key = xmalloc (m->cap * sizeof *m->key);
  m->val = xmalloc (m->cap * sizeof *m->val);
  memset (m->key, 0xff, m->cap * sizeof *m->key);
  for (size_t i = 0; i < oc; i++)
    if (ok[i] != EMPTY)
      {
        size_t j = slot_of (ok[i], m->cap);
        while (m->key[j] != EMPTY)
          j = (j + 1) & (m->cap - 1);
        m->key[j] = ok[i];
        m->val[j] = ov[i];
      }
  free (ok);
  free (ov);
}

uint64_t *
mn_u64map_put (struct mn_u64map *m, uint64_t key, uint64_t val)
{
  if ((m->count + 1) * 4 > m->cap * 3)
    grow (m);
  size_t j = slot_of (key, m->cap);
  while (m->key[j] != EMPTY)
    {
      if (m->key[j] == key)
        return &m->val[j];
      j = (j + 1) & (m->cap - 1);
    }
  m->key[j] = key;
  m->val[j] = val;
  m->count++;
  return NULL;
}

uint64_t *
mn_u64map_find (const struct mn_u64map *m, uint64_t key)
{
  for (size_t j = slot_of (key, m->cap); m->key[j] != EMPTY;
       j = (j + 1) & (m->cap - 1))
    if (m->key[j] == key)
      return &m->val[j];
  return NULL;
}

size_t
mn_u64map_bytes (const struct mn_u64map *m)
{
  return m->cap * 2 * sizeof (uint64_t);
}

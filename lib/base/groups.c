/* groups.c - open-addressing hash table (linear probing) from
   byte-string keys to fixed-size values.  */
#include "base/groups.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/xalloc.h"

struct slot
{
  uint64_t hash;
  struct mn_group_entry *e;     /* NULL: empty */
};

/* Entries are carved from zeroed chunks, each starting with a pointer
   to the one made before it: no allocation, and no malloc header, per
   key, and entries made one after another lie side by side.  */
struct mn_groups
{
  size_t value_size;
  uint64_t seed;                /* of the hash: drawn at random for each
                                   table, so that no input can be made
                                   of keys that share one (hash.h) */
  struct slot *slot;
  size_t cap, count;            /* cap is a power of two */
  char *chunk;                  /* the newest chunk, or NULL */
  size_t used, size;            /* bytes of it used, and its size */
};

#define CHUNK_HEAD 16           /* the link, rounded to keep alignment */
#define CHUNK_MAX ((size_t) 64 * 1024)

struct mn_groups *
mn_groups_new (size_t value_size)
{
  struct mn_groups *g = xcalloc (1, sizeof *g);
  g->value_size = value_size;
  g->seed = mn_hash_random_seed ();
  g->cap = 64;
  g->slot = xcalloc (g->cap, sizeof *g->slot);
  return g;
}

void
mn_groups_free (struct mn_groups *g)
{
  if (!g)
    return;
  for (char *c = g->chunk, *prev; c; c = prev)
    {
      memcpy (&prev, c, sizeof prev);
      free (c);
    }
  free (g->slot);
  free (g);
}

/* N zeroed bytes (N a multiple of 16), 16-byte aligned, from G's
   chunks: each chunk twice the last, up to CHUNK_MAX, or as large as N
   needs.  */
static char *
carve (struct mn_groups *g, size_t n)
{
  if (!g->chunk || g->size - g->used < n)
    {
      size_t size = g->chunk ? 2 * g->size : 1024;
      if (size > CHUNK_MAX)
        size = CHUNK_MAX;
      if (size < CHUNK_HEAD + n)
        size = CHUNK_HEAD + n;
      /* Values are written row after row: their chunks are on cache
         lines of their own (xalloc.h).  */
      char *c = xline_alloc (size);
      memcpy (c, &g->chunk, sizeof g->chunk);
      g->chunk = c;
      g->size = size;
      g->used = CHUNK_HEAD;
    }
  char *p = g->chunk + g->used;
  g->used += n;
  return p;
}

static struct slot *
probe (const struct mn_groups *g, uint64_t h, const char *key, size_t n)
{
  size_t mask = g->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask)
    {
      struct slot *s = &g->slot[i];
      if (!s->e || (s->hash == h && s->e->keylen == n
                    && memcmp (s->e->key, key, n) == 0))
        return s;
    }
}

static void
grow (struct mn_groups *g)
{
  struct slot *old = g->slot;
  size_t oldcap = g->cap;
  g->cap *= 2;
  g->slot = xcalloc (g->cap, sizeof *g->slot);
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].e)
      *probe (g, old[i].hash, old[i].e->key, old[i].e->keylen) = old[i];
  free (old);
}

void *
mn_groups_find (const struct mn_groups *g, const char *key, size_t keylen)
{
  struct slot *s = probe (g, mn_groups_hash (g, key, keylen), key, keylen);
  return s->e ? s->e->value : NULL;
}

uint64_t
mn_groups_hash (const struct mn_groups *g, const char *key, size_t keylen)
{
  return mn_hash_seeded (key, keylen, g->seed);
}

void *
mn_groups_get (struct mn_groups *g, const char *key, size_t keylen)
{
  uint64_t h = mn_groups_hash (g, key, keylen);
  struct slot *s = probe (g, h, key, keylen);
  if (s->e)
    return s->e->value;
  if ((g->count + 1) * 4 > g->cap * 3)
    {
      grow (g);
      s = probe (g, h, key, keylen);
    }
  /* One block: entry, key, value (aligned).  The key comes before the
     value, so that a lookup, which reads the entry and compares the
     key, and the caller, who then updates the value's first fields,
     meet the same cache line (a value may be hundreds of bytes).  */
  size_t head = sizeof (struct mn_group_entry);
  size_t kpad = (head + keylen + 1 + 15) & ~(size_t) 15;
  size_t vsize = (g->value_size + 15) & ~(size_t) 15;
  char *block = carve (g, kpad + vsize);
  struct mn_group_entry *e = (struct mn_group_entry *) block;
  e->key = block + head;
  e->value = block + kpad;
  memcpy (block + head, key, keylen);
  e->keylen = keylen;
  s->hash = h;
  s->e = e;
  g->count++;
  return e->value;
}

size_t
mn_groups_count (const struct mn_groups *g)
{
  return g->count;
}

static int
cmp_entry (const void *a, const void *b)
{
  const struct mn_group_entry *x = a, *y = b;
  size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
  int c = memcmp (x->key, y->key, n);
  if (c)
    return c;
  return (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

struct mn_group_entry *
mn_groups_entries (const struct mn_groups *g)
{
  struct mn_group_entry *v = xmalloc ((g->count + 1) * sizeof *v);
  size_t k = 0;
  for (size_t i = 0; i < g->cap; i++)
    if (g->slot[i].e)
      v[k++] = *g->slot[i].e;
  return v;
}

struct mn_group_entry *
mn_groups_sorted (const struct mn_groups *g)
{
  struct mn_group_entry *v = mn_groups_entries (g);
  qsort (v, g->count, sizeof *v, cmp_entry);
  return v;
}

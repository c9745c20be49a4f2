/* test-keyset.c - unit tests of the set of byte-string keys
   (lib/base/keyset.c) that minyi-check's duplicate detection uses.

   Expectations follow lib/base/keyset.h: a new key is added and NULL
   returned; a known key, byte for byte, leaves the set alone and gives
   back the value first stored.  The set must be exact whatever the
   hash does: the hash mask makes every key collide with many others,
   and nothing may change.  */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "flood.h"
#include "base/hash.h"
#include "base/keyset.h"

/* Key I written into BUF as minyi-check makes them: two 4-byte ids,
   then a household id; its length.  Distinct for distinct I.  */
static size_t
triple (char *buf, uint64_t i)
{
  uint32_t ids[2] = { (uint32_t) (i % 7 + 1), (uint32_t) (i / 7 % 300 + 1) };
  memcpy (buf, ids, sizeof ids);
  return sizeof ids + (size_t) sprintf (buf + sizeof ids, "H%llu",
                                        (unsigned long long) (i / 2100));
}

/* Insert N keys with value i ^ 0x5a5a into a set whose hashes keep only
   the bits of MASK, then check that each is found with its first value,
   that a second put changes nothing, and that keys one byte longer or
   shorter are other keys.  */
static void
many (const char *what, uint64_t mask, uint64_t n)
{
  struct mn_keyset s;
  mn_keyset_init (&s);
  s.hash_mask = mask;
  char k[64];
  uint64_t bad_new = 0, bad_old = 0, bad_val = 0, bad_near = 0;
  for (uint64_t i = 0; i < n; i++)
    if (mn_keyset_put (&s, k, triple (k, i), i ^ 0x5a5a) != NULL)
      bad_new++;
  char name[200];
  snprintf (name, sizeof name, "%s: %llu new keys return NULL", what,
            (unsigned long long) n);
  tap_report (bad_new == 0, name, "%llu returned non-NULL",
              (unsigned long long) bad_new);
  snprintf (name, sizeof name, "%s: count %llu", what,
            (unsigned long long) n);
  tap_report (s.count == n, name, "count %zu", s.count);
  for (uint64_t i = 0; i < n; i++)
    {
      uint64_t *v = mn_keyset_put (&s, k, triple (k, i), 7);
      if (!v)
        bad_old++;
      else if (*v != (i ^ 0x5a5a))
        bad_val++;
    }
  snprintf (name, sizeof name, "%s: every re-insert finds its key", what);
  tap_report (bad_old == 0, name, "%llu keys lost",
              (unsigned long long) bad_old);
  snprintf (name, sizeof name, "%s: re-insert keeps the first value", what);
  tap_report (bad_val == 0, name, "%llu values overwritten",
              (unsigned long long) bad_val);
  snprintf (name, sizeof name, "%s: re-inserts do not add", what);
  tap_report (s.count == n, name, "count %zu", s.count);
  /* A key and the same key with a byte more (an 'x', in no key) are two
     keys, whichever comes first.  */
  struct mn_keyset t;
  mn_keyset_init (&t);
  t.hash_mask = mask;
  for (uint64_t i = 0; i < n && i < 5000; i++)
    {
      size_t len = triple (k, i);
      k[len] = 'x';
      bool longer_first = i % 2;
      if (mn_keyset_put (&t, k, longer_first ? len + 1 : len, i) != NULL
          || mn_keyset_put (&t, k, longer_first ? len : len + 1, i) != NULL)
        bad_near++;
    }
  snprintf (name, sizeof name, "%s: a prefix or an extension is another key",
            what);
  tap_report (bad_near == 0, name, "%llu taken for their neighbour",
              (unsigned long long) bad_near);
  mn_keyset_release (&t);
  snprintf (name, sizeof name, "%s: load factor at most 3/4", what);
  tap_report (s.count * 4 <= s.cap * 3, name, "count %zu cap %zu", s.count,
              s.cap);
  snprintf (name, sizeof name, "%s: bytes are the slots and the arena",
            what);
  tap_report (mn_keyset_bytes (&s) == s.cap * 8 + s.used, name,
              "%zu bytes, cap %zu, arena %zu", mn_keyset_bytes (&s), s.cap,
              s.used);
  mn_keyset_release (&s);
}

static void
basics (void)
{
  struct mn_keyset s;
  mn_keyset_init (&s);
  ok (s.count == 0, "empty after init");
  ok (mn_keyset_put (&s, "", 0, 42) == NULL, "the empty key is new");
  uint64_t *v = mn_keyset_put (&s, "", 0, 43);
  ok (v != NULL && *v == 42, "the empty key found with its first value");
  ok (mn_keyset_put (&s, "a\0b", 3, 1) == NULL, "a key with a NUL byte");
  ok (mn_keyset_put (&s, "a\0c", 3, 2) == NULL,
      "a key differing after the NUL is another key");
  v = mn_keyset_put (&s, "a\0b", 3, 9);
  ok (v != NULL && *v == 1, "the key with a NUL byte found");
  ok (mn_keyset_put (&s, "x", 1, UINT64_MAX) == NULL,
      "value UINT64_MAX stored");
  v = mn_keyset_put (&s, "x", 1, 0);
  ok (v != NULL && *v == UINT64_MAX, "value UINT64_MAX read back");
  /* The pointer gives write access to the stored value.  */
  *v = 1000;
  v = mn_keyset_put (&s, "x", 1, 0);
  ok (v != NULL && *v == 1000, "value updated through the pointer");
  /* A key longer than the arena's first 64 KiB, then more after it.  */
  size_t big = 200 * 1024;
  char *b = malloc (big);
  if (!b)
    abort ();
  memset (b, 'q', big);
  ok (mn_keyset_put (&s, b, big, 5) == NULL, "a 200 KiB key is added");
  ok (mn_keyset_put (&s, b, big - 1, 6) == NULL,
      "the same key one byte shorter is another");
  ok (mn_keyset_put (&s, "y", 1, 7) == NULL, "a short key after them");
  v = mn_keyset_put (&s, b, big, 0);
  ok (v != NULL && *v == 5, "the 200 KiB key found with its value");
  v = mn_keyset_put (&s, "", 0, 0);
  ok (v != NULL && *v == 42, "the first key still found after growth");
  ok (s.count == 7, "seven keys");
  free (b);
  mn_keyset_release (&s);
  ok (s.slot == NULL && s.arena == NULL && s.count == 0 && s.cap == 0,
      "release empties the set");
}

/* Keys made to share one unseeded hash (flood.h): the set's own seed
   must scatter them.  */
static void
flood (void)
{
  const size_t nkeys = 20000;
  unsigned char key[FLOOD_KEY];
  struct mn_keyset s;
  mn_keyset_init (&s);
  for (uint64_t i = 0; i < nkeys; i++)
    {
      flood_key (i, key);
      mn_keyset_put (&s, key, FLOOD_KEY, i);
    }
  ok (flood_sharing (nkeys) == nkeys, "20000 keys made to share one unseeded hash do");
  /* Their stored tags (32 bits of the hash): nearly all distinct (20000
     random 32-bit values hold about 0.05 pairs, and 10 pairs have a
     chance below 1e-20); before the seed, one tag.  */
  uint64_t *hs = malloc (s.count * sizeof *hs);
  if (!hs)
    abort ();
  size_t m = 0;
  for (size_t i = 0; i < s.cap; i++)
    if (s.slot[i])
      hs[m++] = s.slot[i] >> 32;
  size_t distinct = flood_distinct (hs, m);
  tap_report (m == nkeys && distinct + 10 >= m,
              "the set's seeded hash scatters them", "%zu keys, %zu distinct "
              "tags", m, distinct);
  /* The longest run of occupied slots: short when scattered (about 100
     at this load), the whole set when one hash.  */
  size_t run = 0, longest = 0;
  for (size_t i = 0; i < 2 * s.cap; i++)
    {
      run = s.slot[i & (s.cap - 1)] ? run + 1 : 0;
      if (run > longest)
        longest = run;
    }
  tap_report (longest < 1000, "no long probe sequence", "%zu slots in a row",
              longest);
  free (hs);
  mn_keyset_release (&s);
}

int
main (void)
{
  basics ();
  flood ();
  many ("triples", UINT64_MAX, 200000);
  /* Exactly at the first growth: 768 keys fill 1024 slots to 3/4.  */
  many ("768 keys", UINT64_MAX, 768);
  many ("769 keys", UINT64_MAX, 769);
  /* Hashes of 3 bits: each key shares its hash with an eighth of the
     others, so every lookup compares keys byte by byte.  */
  many ("3-bit hashes", 7, 3000);
  /* No hash at all: one long probe sequence.  */
  many ("constant hash", 0, 1500);
  /* Hashes of which only the top 8 bits and the low 32 are kept: the
     tag (the top 32 bits) takes 256 values, so keys of different hashes
     share a tag, and the slots they start from, all the time.  */
  many ("8-bit tags", UINT64_C (0xff000000ffffffff), 20000);
  return tap_done ();
}

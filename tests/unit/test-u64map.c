/* test-u64map.c - unit tests of the 64-bit hash map (lib/u64map.c).

   Expectations follow lib/u64map.h: a new key inserts and returns NULL;
   a known key leaves the map alone and returns a pointer to the value
   first stored.  */
#include <stdint.h>
#include <stdio.h>

#include "tap.h"
#include "base/u64map.h"

/* A key spread over all 64 bits, distinct for distinct I (an odd
   multiplier is a bijection mod 2^64), never UINT64_MAX for I < N.  */
static uint64_t
spread (uint64_t i)
{
  return i * UINT64_C (0xD1B54A32D192ED03);
}

/* Insert N keys KEY(i) with value i ^ SALT, then check that each is
   found with its first value and that a second put changes nothing.  */
static void
many (const char *what, uint64_t (*key) (uint64_t), uint64_t n)
{
  struct mn_u64map m;
  mn_u64map_init (&m);
  size_t bytes0 = mn_u64map_bytes (&m);
  uint64_t bad_new = 0, bad_old = 0, bad_val = 0;
  for (uint64_t i = 0; i < n; i++)
    if (mn_u64map_put (&m, key (i), i ^ 0x5a5a) != NULL)
      bad_new++;
  char name[200];
  snprintf (name, sizeof name, "%s: %llu new keys return NULL", what,
            (unsigned long long) n);
  tap_report (bad_new == 0, name, "%llu returned non-NULL",
              (unsigned long long) bad_new);
  snprintf (name, sizeof name, "%s: count %llu", what,
            (unsigned long long) n);
  tap_report (m.count == n, name, "count %zu", m.count);
  for (uint64_t i = 0; i < n; i++)
    {
      uint64_t *v = mn_u64map_put (&m, key (i), 7);
      if (!v)
        bad_old++;
      else if (*v != (i ^ 0x5a5a))
        bad_val++;
    }
  uint64_t bad_find = 0;
  for (uint64_t i = 0; i < n; i++)
    {
      uint64_t *v = mn_u64map_find (&m, key (i));
      bad_find += !v || *v != (i ^ 0x5a5a);
    }
  snprintf (name, sizeof name, "%s: find gives every key's first value",
            what);
  tap_report (bad_find == 0, name, "%llu wrong", (unsigned long long) bad_find);
  snprintf (name, sizeof name, "%s: every re-insert finds its key", what);
  tap_report (bad_old == 0, name, "%llu keys lost",
              (unsigned long long) bad_old);
  snprintf (name, sizeof name, "%s: re-insert keeps the first value", what);
  tap_report (bad_val == 0, name, "%llu values overwritten",
              (unsigned long long) bad_val);
  snprintf (name, sizeof name, "%s: re-inserts do not add", what);
  tap_report (m.count == n, name, "count %zu", m.count);
  snprintf (name, sizeof name, "%s: load factor at most 3/4", what);
  tap_report (m.count * 4 <= m.cap * 3, name, "count %zu cap %zu", m.count,
              m.cap);
  if (n > 1024)
    {
      snprintf (name, sizeof name, "%s: bytes grow past 1024 keys", what);
      tap_report (mn_u64map_bytes (&m) > bytes0, name, "%zu then %zu",
                  bytes0, mn_u64map_bytes (&m));
      snprintf (name, sizeof name, "%s: bytes are 16 a slot", what);
      tap_report (mn_u64map_bytes (&m) == m.cap * 16, name,
                  "%zu bytes, cap %zu", mn_u64map_bytes (&m), m.cap);
    }
  mn_u64map_release (&m);
}

static uint64_t
dense (uint64_t i)
{
  return i;
}

/* Packed (wave, household, cadre) triples as lib/check.c makes them:
   the low bits vary least here.  */
static uint64_t
packed (uint64_t i)
{
  return (i % 7) << 44 | (i / 7 % 300) << 20 | (i / 2100);
}

static void
basics (void)
{
  struct mn_u64map m;
  mn_u64map_init (&m);
  ok (m.count == 0, "empty after init");
  size_t b = mn_u64map_bytes (&m);
  ok (b >= 16 * 1024, "init holds 1024 slots of 16 bytes");
  ok (mn_u64map_put (&m, 0, 42) == NULL, "key 0 is new");
  uint64_t *v = mn_u64map_put (&m, 0, 43);
  ok (v != NULL && *v == 42, "key 0 found with its first value");
  ok (mn_u64map_put (&m, UINT64_MAX - 1, 0) == NULL, "key UINT64_MAX-1 new");
  v = mn_u64map_put (&m, UINT64_MAX - 1, 9);
  ok (v != NULL && *v == 0, "key UINT64_MAX-1 found, value 0 kept");
  ok (mn_u64map_put (&m, 1, UINT64_MAX) == NULL, "value UINT64_MAX stored");
  v = mn_u64map_put (&m, 1, 0);
  ok (v != NULL && *v == UINT64_MAX, "value UINT64_MAX read back");
  ok (m.count == 3, "three keys");
  /* The pointer gives write access to the stored value.  */
  v = mn_u64map_put (&m, 0, 0);
  if (v)
    *v = 1000;
  v = mn_u64map_put (&m, 0, 0);
  ok (v != NULL && *v == 1000, "value updated through the pointer");
  ok (mn_u64map_bytes (&m) == b, "no growth for three keys");
  v = mn_u64map_find (&m, 1);
  ok (v != NULL && *v == UINT64_MAX, "find gives a key's value");
  ok (mn_u64map_find (&m, 2) == NULL, "find of a missing key is NULL");
  ok (m.count == 3, "find adds nothing");
  mn_u64map_release (&m);
  ok (m.key == NULL && m.val == NULL && m.count == 0 && m.cap == 0,
      "release empties the map");
}

int
main (void)
{
  basics ();
  many ("dense keys", dense, 1000);
  many ("dense keys", dense, 100000);
  many ("spread keys", spread, 50000);
  many ("packed triples", packed, 20000);
  /* Exactly at the first growth: 768 keys fill 1024 slots to 3/4.  */
  many ("768 keys", dense, 768);
  many ("769 keys", dense, 769);
  return tap_done ();
}

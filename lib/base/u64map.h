/* u64map.h - a compact hash map from 64-bit keys to 64-bit values.

   Sixteen bytes a slot, no allocation per entry: what duplicate
   detection uses to remember every (wave, household, cadre) triple seen
   once the three are interned as small integers.  */
#ifndef MINYI_U64MAP_H
#define MINYI_U64MAP_H

#include <stddef.h>
#include <stdint.h>

struct mn_u64map
{
  uint64_t *key, *val;      /* owned, freed by mn_u64map_release */
  size_t cap, count;
};

/* Set the caller's M up empty.  Release with mn_u64map_release.  */
void mn_u64map_init (struct mn_u64map *m);

/* Free M's arrays (not M itself).  */
void mn_u64map_release (struct mn_u64map *m);

/* Insert KEY with VAL if KEY is new and return NULL; otherwise leave the
   map as it is and return a pointer to KEY's value, borrowed from M:
   valid until the next mn_u64map_put or mn_u64map_release.  KEY must not
   be UINT64_MAX.  */
uint64_t *mn_u64map_put (struct mn_u64map *m, uint64_t key, uint64_t val);

/* KEY's value (borrowed from M, valid until the next mn_u64map_put or
   mn_u64map_release), or NULL when KEY is not in M.  */
uint64_t *mn_u64map_find (const struct mn_u64map *m, uint64_t key);

/* Bytes held: for reports of memory use.  */
size_t mn_u64map_bytes (const struct mn_u64map *m);

#endif

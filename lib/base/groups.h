/* groups.h - a hash table from group keys to per-group accumulators.

   Memory grows with the number of distinct keys, never with the number
   of rows added.  A key is any byte string; a composite key is its parts
   joined by NUL bytes, so that sorting keys bytewise sorts by the first
   part, then the next.  */
#ifndef MINYI_GROUPS_H
#define MINYI_GROUPS_H

#include <stddef.h>
#include <stdint.h>

struct mn_groups;

struct mn_group_entry
{
  const char *key;      /* owned by the table; valid until mn_groups_free */
  size_t keylen;
  void *value;          /* VALUE_SIZE bytes owned by the table; valid until
                           mn_groups_free */
};

/* A table whose values are VALUE_SIZE bytes, zeroed on creation.  The
   caller frees it with mn_groups_free.  */
struct mn_groups *mn_groups_new (size_t value_size);

/* Free G, its keys and its values.  G may be NULL.  */
void mn_groups_free (struct mn_groups *g);

/* The value for KEY (borrowed; copied when new), created (zeroed) when
   new.  Owned by the table: valid until mn_groups_free, whatever is added
   meanwhile.  */
void *mn_groups_get (struct mn_groups *g, const char *key, size_t keylen);

/* The value for KEY (borrowed), or NULL.  Owned by the table: valid until
   mn_groups_free.  */
void *mn_groups_find (const struct mn_groups *g, const char *key,
                      size_t keylen);

/* The hash G files KEY under: seeded by a random number drawn for G,
   so that no input can be made of keys that all share one and make each
   lookup walk all of them (hash.h).  For tests.  */
uint64_t mn_groups_hash (const struct mn_groups *g, const char *key,
                         size_t keylen);

size_t mn_groups_count (const struct mn_groups *g);

/* All entries, sorted by key bytes (a key sorts before its longer
   extensions).  The caller frees the array with free, not its contents:
   the keys and values it points to are the table's, valid until
   mn_groups_free.  */
struct mn_group_entry *mn_groups_sorted (const struct mn_groups *g);

/* All entries, in no order the caller may rely on (it differs from run
   to run with the hash's seed), for work whose result does not depend
   on it, such as merging exact sums; freed as with mn_groups_sorted.
   Unlike it, no sort: linear in the entries.  */
struct mn_group_entry *mn_groups_entries (const struct mn_groups *g);

#endif

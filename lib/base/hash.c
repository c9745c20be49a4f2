/* hash.c - the random seed of the suite's hash tables (hash.h).  */
#include "base/hash.h"

#include <sys/random.h>
#include <time.h>

uint64_t
mn_hash_random_seed (void)
{
  uint64_t seed;
  if (getrandom (&seed, sizeof seed, GRND_NONBLOCK) == sizeof seed)
    return seed;
  struct timespec t;
  clock_gettime (CLOCK_REALTIME, &t);
  return mn_hash_bytes (&t, sizeof t) ^ (uint64_t) (uintptr_t) &t;
}

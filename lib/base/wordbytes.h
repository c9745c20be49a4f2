/* wordbytes.h - byte tests eight bytes at a time, for the hot loops of
   the reader's fast path and the CSV writer.  */
#ifndef MINYI_WORDBYTES_H
#define MINYI_WORDBYTES_H

#include <stdint.h>

/* A byte repeated in every byte of a word: MN_ONES * C.  */
#define MN_ONES UINT64_C (0x0101010101010101)

/* The bytes of W that are zero, marked by their top bit, exactly (no
   borrow from one byte into the next: Hacker's Delight, 6-1).  */
static inline uint64_t
mn_zero_bytes (uint64_t w)
{
  const uint64_t lows = UINT64_C (0x7F7F7F7F7F7F7F7F);
  return ~(((w & lows) + lows) | w | lows);
}

/* The bytes of W equal to those of C (a byte repeated: MN_ONES * B),
   marked likewise.  */
static inline uint64_t
mn_equal_bytes (uint64_t w, uint64_t c)
{
  return mn_zero_bytes (w ^ c);
}

#endif

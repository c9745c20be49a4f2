/* test-stash.c - unit tests of the arena of blocks that do not move
   until it is cleared (lib/base/stash.c), which minyi-check's two
   threads use to hand each record's copy from one to the other.

   Expectations follow lib/base/stash.h: blocks are aligned (mn_stash_alloc)
   or not (mn_stash_bytes), never overlap, keep their bytes while others
   are taken (however large), and are given again after a clear; a
   borrowing stash hands back the caller's own bytes from
   mn_stash_keep.  */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "base/stash.h"

/* Take N blocks of sizes cycling through small and large ones, fill
   each with its own byte, then check every one still holds it.  */
static void
no_overlap (struct mn_stash *st, const char *what)
{
  enum { N = 3000 };
  static const size_t size[] = { 1, 7, 16, 33, 100, 4096, 70000, 0, 250 };
  unsigned char *p[N];
  size_t n[N];
  bool aligned = true;
  for (int i = 0; i < N; i++)
    {
      n[i] = size[i % (sizeof size / sizeof *size)];
      if (i % 2)
        {
          p[i] = mn_stash_alloc (st, n[i]);
          aligned &= (uintptr_t) p[i] % alignof (max_align_t) == 0;
        }
      else
        p[i] = (unsigned char *) mn_stash_bytes (st, n[i]);
      memset (p[i], i & 0xff, n[i]);
    }
  bool kept = true;
  for (int i = 0; i < N; i++)
    for (size_t j = 0; j < n[i]; j++)
      kept &= p[i][j] == (i & 0xff);
  char name[128];
  snprintf (name, sizeof name, "%s: aligned blocks are aligned", what);
  ok (aligned, name);
  snprintf (name, sizeof name, "%s: no block overlaps another", what);
  ok (kept, name);
}

int
main (void)
{
  struct mn_stash st;
  mn_stash_init (&st, false);
  no_overlap (&st, "first use");
  size_t before = st.bytes;
  ok (before > 3000, "the bytes handed out are counted");
  mn_stash_clear (&st);
  ok (st.bytes == 0, "a clear counts none");
  no_overlap (&st, "after a clear");
  ok (st.bytes == before, "the same blocks take the same bytes again");

  /* A block larger than a chunk is freed at the clear; the usual chunks
     are kept and given again from the first.  */
  mn_stash_clear (&st);
  char *a = mn_stash_bytes (&st, 10);
  mn_stash_clear (&st);
  char *b = mn_stash_bytes (&st, 10);
  ok (a == b, "after a clear, the first block is the first chunk's start");

  const char text[] = "洄水镇";
  const char *k = mn_stash_keep (&st, text, 3);
  ok (k != text && memcmp (k, text, 3) == 0 && k[3] == '\0',
      "keep copies the bytes and ends them with a NUL");
  mn_stash_release (&st);

  struct mn_stash borrow;
  mn_stash_init (&borrow, true);
  ok (mn_stash_keep (&borrow, text, 3) == text,
      "a borrowing stash hands back the caller's bytes");
  char *c = mn_stash_bytes (&borrow, 5);
  memcpy (c, "abcd", 5);
  ok (strcmp (c, "abcd") == 0, "a borrowing stash still gives blocks");
  mn_stash_release (&borrow);
  return tap_done ();
}

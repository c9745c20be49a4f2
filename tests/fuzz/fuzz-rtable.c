/* fuzz-rtable.c - libFuzzer target: the ranking or score table read by
   minyi-report (lib/report/rtable.c, mn_rtable_bind and _add), and the
   Wilson intervals it fills.

   The rows kept are those accepted (one --where run keeps a subset);
   a proportion kept is in [0, 1] and an interval kept is in order; no
   two rows kept have the same keys.  */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "io/input.h"
#include "report/rtable.h"
#include "fuzz.h"

static int
add (void *t, const struct mn_record *rec, const char *file,
     struct mn_error *e)
{
  return mn_rtable_add (t, rec, file, e);
}

static void
in_order (const struct mn_rrow *r, enum mn_rf lo, enum mn_rf hi)
{
  if (!isnan (r->x[lo]) && !isnan (r->x[hi]))
    check (r->x[lo] <= r->x[hi], "an interval kept is in order");
}

/* Read PATH into a table showing the rows whose COLUMN is VALUE (or
   all); check what it kept.  */
static void
read_table (const char *path, const char *column, const char *value)
{
  struct mn_input in;
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  if (mn_input_open (&in, path, &ro, &e) < 0)
    return;
  struct mn_rtable t;
  mn_rtable_init (&t, column, value);
  if (mn_rtable_bind (&t, &in, &e) == 0)
    {
      size_t used = feed_rows (&in, add, &t);
      check (t.nrow + t.skipped == used, "the rows kept are those accepted");
      mn_rtable_wilson (&t, 0.95);
      enum mn_rf mean, lo, hi;
      mn_rtable_lead (&t, &mean, &lo, &hi);
      for (size_t i = 0; i < t.nrow; i++)
        {
          const struct mn_rrow *r = &t.row[i];
          check (isnan (r->x[MN_RF_RATE])
                 || (r->x[MN_RF_RATE] >= 0 && r->x[MN_RF_RATE] <= 1),
                 "a rate kept is a proportion");
          in_order (r, MN_RF_LO, MN_RF_HI);
          in_order (r, lo, hi);
          check (mn_rrow_id (&t, r) != NULL, "a row has an id");
          for (size_t k = 0; k < t.nkey; k++)
            check (mn_rrow_key (&t, r, k) != NULL, "a key");
          /* Pairs among the first rows only, to stay quick.  */
          for (size_t j = 0; j < i && i < 256; j++)
            {
              size_t k = 0;
              while (k < t.nkey
                     && strcmp (t.row[j].key[k], r->key[k]) == 0)
                k++;
              check (k < t.nkey, "a key kept once");
            }
        }
    }
  else
    check (e.reason != MN_R_NONE, "an error says why");
  mn_rtable_release (&t);
  mn_input_close (&in);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *path = scratch_file (data, size);
  read_table (path, NULL, NULL);
  read_table (path, "wave", "2026Q2");
  return 0;
}

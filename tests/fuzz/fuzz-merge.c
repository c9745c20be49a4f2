/* fuzz-merge.c - libFuzzer target: the partial table and its merger
   (lib/table/scoreacc.c, mn_merger_*), with a differential check.

   The rows a merger accepts are summed and written as a partial (P1) and
   as a final table; P1 read by a fresh merger must be accepted whole and
   give the same partial again (P2 == P1), and the same final table.  */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "table/scoreacc.h"
#include "fuzz.h"

/* Merge the partial at PATH; write the partial to *PART and the final
   table to *FINAL.  Return the rows rejected, or -1 when the partial is
   refused whole.  */
static long
merge (const char *path, struct out *part, struct out *final)
{
  struct mn_input in;
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  if (mn_input_open (&in, path, &ro, &e) < 0)
    return -1;
  struct mn_merger *m = mn_merger_new (NULL, NULL);
  long rejected = -1;
  if (mn_merger_bind (m, &in, &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      goto done;
    }
  rejected = 0;
  struct mn_record rec;
  int rc;
  while ((rc = mn_input_next (&in, &rec, &e)) > 0)
    if (rc == 2 || mn_merger_add (m, &rec, in.name, &e) < 0)
      {
        check (e.reason != MN_R_NONE, "a rejected row says why");
        rejected++;
      }
  const struct mn_score_acc *acc = mn_merger_result (m, &e);
  check (acc != NULL, "a bound merger has a result");
  out_open (part);
  out_open (final);
  mn_score_acc_write_partial (acc, part->fp);
  mn_score_acc_write (acc, 0, final->fp);
  out_close (part);
  out_close (final);
done:
  mn_merger_free (m);
  mn_input_close (&in);
  return rejected;
}

static void
same (const struct out *a, const struct out *b, const char *what)
{
  check (a->len == b->len && memcmp (a->buf, b->buf, a->len) == 0, what);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct out p1, f1, p2, f2;
  if (merge (scratch_file (data, size), &p1, &f1) < 0)
    return 0;
  long rej = merge (scratch_file ((const uint8_t *) p1.buf, p1.len), &p2,
                    &f2);
  if (rej != 0)
    fprintf (stderr, "P1:\n%.*s\n", (int) p1.len, p1.buf);
  check (rej == 0, "a partial written is merged back whole");
  same (&p1, &p2, "a partial merged again is the same bytes");
  same (&f1, &f2, "its final table is the same bytes");
  free (p1.buf);
  free (f1.buf);
  free (p2.buf);
  free (f2.buf);
  return 0;
}

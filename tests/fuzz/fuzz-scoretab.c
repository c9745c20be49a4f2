/* fuzz-scoretab.c - libFuzzer target: the score table reader
   (lib/table/scoretab.c, mn_st_reader_*), with a differential check of
   the table's round trip.

   The rows the reader accepts are written again (T1) with the one
   writer; T1 must read back whole, every row accepted, and written
   again give the same bytes (T2 == T1): what the writer writes the
   reader takes, and numbers round-trip exactly.  */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "table/scoretab.h"
#include "fuzz.h"

/* Read the table at PATH and write the rows read to *OUT; return the
   rows rejected, or -1 when the table does not open.  */
static long
copy_table (const char *path, struct out *out)
{
  struct mn_input in;
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  if (mn_input_open (&in, path, &ro, &e) < 0)
    return -1;
  struct mn_st_reader *r = mn_st_reader_open (&in, &e);
  if (!r)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      mn_input_close (&in);
      return -1;
    }
  const struct mn_st_layout *l = mn_st_reader_layout (r);
  out_open (out);
  long rejected = 0;
  bool header = false;
  struct mn_record rec;
  int rc;
  while ((rc = mn_input_next (&in, &rec, &e)) > 0)
    {
      const struct mn_st_cell *cells;
      if (rc == 2 || mn_st_reader_parse (r, &rec, in.name, &cells, &e) < 0)
        {
          check (e.reason != MN_R_NONE, "a rejected row says why");
          rejected++;
          continue;
        }
      /* The layout's method and level are those of the first row.  */
      if (!header)
        mn_st_write_header (l, out->fp);
      header = true;
      mn_st_write_row (l, cells, 0, out->fp);
    }
  if (!header)
    mn_st_write_header (l, out->fp);
  out_close (out);
  mn_st_reader_free (r);
  mn_input_close (&in);
  return rejected;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct out t1, t2;
  if (copy_table (scratch_file (data, size), &t1) < 0)
    return 0;
  long rej = copy_table (scratch_file ((const uint8_t *) t1.buf, t1.len),
                         &t2);
  if (rej != 0)
    fprintf (stderr, "T1:\n%.*s\n", (int) t1.len, t1.buf);
  check (rej == 0, "a table written reads back whole");
  check (t1.len == t2.len && memcmp (t1.buf, t2.buf, t1.len) == 0,
         "a table read and written again is the same bytes");
  free (t1.buf);
  free (t2.buf);
  return 0;
}

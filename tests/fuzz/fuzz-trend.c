/* fuzz-trend.c - libFuzzer target: minyi-trend's reading of two score
   tables (lib/table/trend.c, mn_trend_bind and _add), fed the same
   table as both waves.

   The same table twice has every key in both waves (never in one only)
   and no key rises or drops.  */
#include <stdint.h>
#include <stdlib.h>

#include "io/input.h"
#include "table/trend.h"
#include "fuzz.h"

/* mn_trend_add returns 1 or 0 for a row kept.  */
static int
add (void *t, const struct mn_record *rec, const char *file,
     struct mn_error *e)
{
  return mn_trend_add (t, rec, file, e) < 0 ? -1 : 0;
}

/* Bind PATH as the next wave of T and add its rows.  Returns 0, or -1
   when the table is refused whole.  */
static int
wave (struct mn_trend *t, const char *path)
{
  struct mn_input in;
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  if (mn_input_open (&in, path, &ro, &e) < 0)
    return -1;
  int rc = mn_trend_bind (t, &in, &e);
  if (rc == 0)
    feed_rows (&in, add, t);
  else
    check (e.reason != MN_R_NONE, "an error says why");
  mn_input_close (&in);
  return rc;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_trend_opts o = { .level = 0.95 };
  struct mn_trend *t = mn_trend_new (&o);
  const char *path = scratch_file (data, size);
  if (wave (t, path) == 0 && wave (t, path) == 0)
    {
      struct mn_trend_summary s;
      mn_trend_summary (t, &s);
      check (s.first_only == 0 && s.second_only == 0 && s.both == s.keys,
             "the same table twice: every key in both waves");
      check (s.rises == 0 && s.drops == 0, "no change from a table to itself");
      struct out out;
      out_open (&out);
      mn_trend_write (t, size & 1 ? 4 : 0, out.fp);
      out_close (&out);
      free (out.buf);
    }
  mn_trend_free (t);
  return 0;
}

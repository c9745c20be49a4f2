/* test-columns.c - several inputs written as one table (lib/columns.c).
   Expected rows are written out by hand from the inputs below.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "survey/columns.h"
#include "io/input.h"
#include "tap.h"

static char dir[] = "/tmp/minyi-columns.XXXXXX";

/* Write TEXT to file NAME in DIR; return its path (static buffer).  */
static const char *
file (const char *name, const char *text)
{
  static char path[4][256];
  static int k;
  char *p = path[k++ % 4];
  snprintf (p, sizeof path[0], "%s/%s", dir, name);
  FILE *fp = fopen (p, "w");
  fputs (text, fp);
  fclose (fp);
  return p;
}

int
main (void)
{
  if (!mkdtemp (dir))
    return 2;
  struct mn_columns c;
  mn_columns_init (&c);
  struct mn_error e;
  char *buf = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&buf, &size);
  ok (!mn_columns_started (&c), "not started before the first input");

  struct mn_input in;
  struct mn_record rec;
  bool first;
  mn_input_open (&in, file ("a.csv", "a,b,c\n1,2,3\n"), NULL, &e);
  ok (mn_columns_match (&c, &in, &first, &e) == 0 && first,
      "the first input matches itself");
  mn_columns_write_header (&c, out);
  while (mn_input_next (&in, &rec, &e) == 1)
    mn_columns_write (&c, &rec, out);
  mn_input_close (&in);

  mn_input_open (&in, file ("b.csv", "c,a,b\n6,4,5\n\"x,y\",7,8\n"), NULL,
                 &e);
  ok (mn_columns_match (&c, &in, &first, &e) == 0 && !first,
      "a later input with the columns in another order matches");
  while (mn_input_next (&in, &rec, &e) == 1)
    mn_columns_write (&c, &rec, out);
  mn_input_close (&in);

  mn_input_open (&in, file ("c.csv", "a,b,d\n1,2,3\n"), NULL, &e);
  ok (mn_columns_match (&c, &in, &first, &e) < 0
        && e.reason == MN_R_HEADER_MISMATCH
        && strstr (e.msg, "no column 'c'"),
      "a later input without column c does not match");
  mn_input_close (&in);

  mn_input_open (&in, file ("d.csv", "a,b\n1,2\n"), NULL, &e);
  ok (mn_columns_match (&c, &in, &first, &e) < 0
        && strstr (e.msg, "2 columns where the first input has 3"),
      "a later input with fewer columns does not match");
  mn_input_close (&in);

  fclose (out);
  streq (buf, "a,b,c\n1,2,3\n4,5,6\n7,8,\"x,y\"\n",
         "rows come out in the first input's order, quoted as needed");
  free (buf);
  mn_columns_release (&c);
  const char *names[] = { "a.csv", "b.csv", "c.csv", "d.csv" };
  for (int i = 0; i < 4; i++)
    {
      char p[300];
      snprintf (p, sizeof p, "%s/%s", dir, names[i]);
      unlink (p);
    }
  rmdir (dir);
  return tap_done ();
}

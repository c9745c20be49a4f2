/* smallfile.c - the small files minyi-deadline reads whole.  */
#include "service/smallfile.h"

#include <stdlib.h>
#include <string.h>

#include "base/na.h"
#include "base/xalloc.h"
#include "io/input.h"
#include "base/i18n.h"

int
mn_small_read (const char *path, const char *what,
               const struct mn_small_col *cols, size_t ncol,
               mn_small_row_fn *row, void *ctx, struct mn_error *e)
{
  struct mn_input in;
  struct mn_reader_options ro = { .delim = ',', .guess = true };
  if (mn_input_open (&in, path, &ro, e) < 0)
    {
      if (e->reason == MN_R_SYSTEM && what)
        {
          char msg[sizeof e->msg];
          snprintf (msg, sizeof msg, "%s", e->msg);
          mn_error_set (e, path, 0, MN_R_SYSTEM, "%s (%s)", msg, what);
        }
      return -1;
    }
  int rc = 0;
  if (in.dup_column >= 0)
    rc = mn_error_set (e, in.name, 1, MN_R_DUP_COLUMN,
                       "column '%s' appears twice in the header",
                       in.h.name[in.dup_column]);
  long *col = xcalloc (ncol ? ncol : 1, sizeof *col);
  for (size_t i = 0; i < ncol && rc == 0; i++)
    {
      /* mn_header_find's message names the columns there are.  */
      struct mn_error absent;
      col[i] = mn_header_find (&in.h, cols[i].name, in.name,
                               cols[i].required ? e : &absent);
      if (col[i] < 0 && cols[i].required)
        rc = -1;
    }
  struct mn_record rec;
  int got;
  while (rc == 0 && (got = mn_input_next (&in, &rec, e)) != 0)
    {
      if (got != 1)
        rc = -1;
      else
        rc = row (ctx, &rec, col, in.name, e);
    }
  free (col);
  mn_input_close (&in);
  return rc;
}

const char *
mn_small_field (const struct mn_record *rec, long f, char *buf, size_t size)
{
  size_t len = 0;
  const char *s = f >= 0 ? mn_trim (rec->f[f], &len) : "";
  if (len >= size)
    len = size - 1;
  memcpy (buf, s, len);
  buf[len] = '\0';
  return buf;
}

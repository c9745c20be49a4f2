/* columns.c - several inputs written as one table.  */
#include "survey/columns.h"

#include <stdlib.h>
#include <string.h>

#include "io/csvout.h"
#include "base/xalloc.h"

void
mn_columns_init (struct mn_columns *c)
{
  memset (c, 0, sizeof *c);
}

void
mn_columns_release (struct mn_columns *c)
{
  mn_header_release (&c->first);
  free (c->perm);
  free (c->row);
  free (c->len);
  memset (c, 0, sizeof *c);
}

bool
mn_columns_started (const struct mn_columns *c)
{
  return c->first.name != NULL;
}

struct name_at
{
  const char *s;
  size_t i;
};

static int
cmp_name (const void *a, const void *b)
{
  return strcmp (((const struct name_at *) a)->s,
                 ((const struct name_at *) b)->s);
}

/* By name, then column: equal names keep their order.  */
static int
cmp_name_at (const void *a, const void *b)
{
  const struct name_at *x = a, *y = b;
  int c = strcmp (x->s, y->s);
  return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

int
mn_columns_match (struct mn_columns *c, const struct mn_input *in,
                  bool *first, struct mn_error *e)
{
  *first = !mn_columns_started (c);
  size_t n = in->h.n;
  if (*first)
    {
      size_t *len = xmalloc ((n + 1) * sizeof *len);
      for (size_t i = 0; i < n; i++)
        len[i] = strlen (in->h.name[i]);
      struct mn_record hdr = { .n = n, .f = in->h.name, .len = len };
      mn_header_init (&c->first, &hdr);
      free (len);
      c->perm = xmalloc ((n + 1) * sizeof *c->perm);
      /* Written at every row: on cache lines of their own (xalloc.h).  */
      c->row = xline_alloc ((n + 1) * sizeof *c->row);
      c->len = xline_alloc ((n + 1) * sizeof *c->len);
    }
  if (n != c->first.n)
    return mn_error_set (e, in->name, mn_header_line (&in->h),
                         MN_R_HEADER_MISMATCH,
                         "%zu columns where the first input has %zu", n,
                         c->first.n);
  /* Each of the first input's names looked up among this input's,
     sorted: searching them one by one took minutes on 10^5 columns.  */
  struct name_at *v = xmalloc ((n + 1) * sizeof *v);
  for (size_t i = 0; i < n; i++)
    v[i] = (struct name_at) { in->h.name[i], i };
  qsort (v, n, sizeof *v, cmp_name_at);
  int rc = 0;
  for (size_t j = 0; j < c->first.n && rc == 0; j++)
    {
      struct name_at key = { c->first.name[j], 0 };
      const struct name_at *hit = bsearch (&key, v, n, sizeof *v, cmp_name);
      if (!hit)
        rc = mn_error_set (e, in->name, mn_header_line (&in->h),
                         MN_R_HEADER_MISMATCH,
                           "no column '%s', which the first input has",
                           c->first.name[j]);
      else
        {
          /* The first of equal names, as a scan from the left finds.  */
          while (hit > v && strcmp (hit[-1].s, key.s) == 0)
            hit--;
          c->perm[j] = hit->i;
        }
    }
  free (v);
  return rc;
}

void
mn_columns_write_header (const struct mn_columns *c, FILE *fp)
{
  for (size_t j = 0; j < c->first.n; j++)
    {
      if (j)
        putc (',', fp);
      mn_csv_str (fp, c->first.name[j], ',');
    }
  putc ('\n', fp);
}

void
mn_columns_write (struct mn_columns *c, const struct mn_record *rec,
                  FILE *fp)
{
  for (size_t j = 0; j < c->first.n; j++)
    {
      c->row[j] = rec->f[c->perm[j]];
      c->len[j] = rec->len[c->perm[j]];
    }
  mn_csv_row (fp, c->row, c->len, c->first.n, ',');
}

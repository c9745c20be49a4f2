/* rejects.c - the rejects file.  Columns: source, line, reason, message,
   then the record's own fields as they were read.  */
#include "io/rejects.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "io/csvout.h"

static const char fixed[] = "source,line,reason,message";

int
mn_rejects_open (struct mn_rejects *rj, const char *path, struct mn_error *e)
{
  return mn_rejects_open_as (rj, path, NULL, e);
}

int
mn_rejects_open_as (struct mn_rejects *rj, const char *path,
                    const struct mn_tabfmt *fmt, struct mn_error *e)
{
  memset (rj, 0, sizeof *rj);
  if (!path)
    return 0;
  if (mn_output_open_table (&rj->out, path, fmt, e) < 0)
    return -1;
  rj->open = true;
  return 0;
}

void
mn_rejects_header (struct mn_rejects *rj, const struct mn_header *h)
{
  if (!rj->open || rj->header_done)
    return;
  /* A column named as one of the four, or as an earlier column (a
     header rejected for duplicate-column), takes a suffix (line.1, or
     line.2 when the header has a line.1 too), so that every name of
     the rejects header is unique: a reader by name, and a JSON Lines
     object, finds each once.  The others keep their names.  */
  static const char *const four[] = { "source", "line", "reason",
                                      "message" };
  const char **taken = xcalloc (4 + 2 * h->n, sizeof *taken);
  size_t nt = 0;
  for (size_t i = 0; i < 4; i++)
    taken[nt++] = four[i];
  for (size_t i = 0; i < h->n; i++)
    taken[nt++] = h->orig ? h->orig[i] : h->name[i];
  char **renamed = xcalloc (h->n ? h->n : 1, sizeof *renamed);
  fputs (fixed, rj->out.fp);
  for (size_t i = 0; i < h->n; i++)
    {
      const char *name = h->orig ? h->orig[i] : h->name[i];
      bool clash = false;
      for (size_t j = 0; j < 4 + i && !clash; j++)
        clash = strcmp (taken[j], name) == 0;
      if (clash)
        {
          renamed[i] = mn_tab_unique_name (name, taken, nt);
          taken[nt++] = renamed[i];
          name = renamed[i];
        }
      putc (',', rj->out.fp);
      mn_csv_str (rj->out.fp, name, ',');
    }
  putc ('\n', rj->out.fp);
  for (size_t i = 0; i < h->n; i++)
    free (renamed[i]);
  free (renamed);
  free (taken);
  rj->header_done = true;
}

void
mn_rejects_write (struct mn_rejects *rj, const struct mn_record *rec,
                  const struct mn_error *why)
{
  rj->count++;
  if (!rj->open)
    return;
  if (!rj->header_done)
    {
      fprintf (rj->out.fp, "%s\n", fixed);
      rj->header_done = true;
    }
  FILE *fp = rj->out.fp;
  mn_csv_str (fp, why->file ? why->file : "", ',');
  fprintf (fp, ",%lu,%s,", why->line, mn_reason_name (why->reason));
  mn_csv_str (fp, why->msg, ',');
  for (size_t i = 0; i < rec->n; i++)
    {
      putc (',', fp);
      mn_csv_field (fp, rec->f[i], rec->len[i], ',');
    }
  putc ('\n', fp);
}

int
mn_rejects_finish (struct mn_rejects *rj, struct mn_error *e)
{
  if (!rj->open || !rj->out.fp)
    return 0;
  if (!rj->header_done)
    fprintf (rj->out.fp, "%s\n", fixed);
  if (mn_output_finish (&rj->out, e) < 0)
    {
      rj->open = false;
      return -1;
    }
  return 0;
}

int
mn_rejects_publish (struct mn_rejects *rj, struct mn_error *e)
{
  if (!rj->open)
    return 0;
  rj->open = false;
  return mn_output_publish (&rj->out, e);
}

int
mn_rejects_commit (struct mn_rejects *rj, struct mn_error *e)
{
  if (mn_rejects_finish (rj, e) < 0)
    return -1;
  return mn_rejects_publish (rj, e);
}

void
mn_rejects_abort (struct mn_rejects *rj)
{
  /* Also after a failed finish, which leaves the output's name.  */
  mn_output_abort (&rj->out);
  rj->open = false;
}

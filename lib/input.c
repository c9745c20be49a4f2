/* input.c - one survey input with its header.  */
#include "input.h"

#include <errno.h>
#include <string.h>

#include "common.h"

int
mn_input_open (struct mn_input *in, const char *path,
               const struct mn_reader_options *ro, struct mn_error *e)
{
  memset (in, 0, sizeof *in);
  in->path = path;
  in->name = mn_display_name (path);
  if (strcmp (path, "-") == 0)
    in->fp = stdin;
  else if (!(in->fp = fopen (path, "rb")))
    return mn_error_set (e, in->name, 0, MN_R_SYSTEM, "cannot open: %s",
                         strerror (errno));
  in->r = mn_reader_new (in->fp, in->name, ro, e);
  if (!in->r)
    goto fail;
  struct mn_record rec;
  int rc = mn_reader_next (in->r, &rec, e);
  if (rc == 0)
    mn_error_set (e, in->name, 1, MN_R_EMPTY_KEY,
                  "empty input: no header line");
  if (rc <= 0)
    goto fail;
  if (rec.flaw == MN_FLAW_UTF8)
    {
      mn_error_set (e, in->name, rec.line, MN_R_ENCODING,
                    "header is not valid UTF-8; if the file came from a "
                    "Chinese Excel, try --encoding=GB18030");
      goto fail;
    }
  if (rec.flaw == MN_FLAW_QUOTE)
    {
      mn_error_set (e, in->name, rec.line, MN_R_QUOTE,
                    "unterminated quoted field in the header");
      goto fail;
    }
  mn_header_init (&in->h, &rec);
  long dup = mn_header_duplicate (&in->h);
  if (dup >= 0)
    {
      mn_error_set (e, in->name, rec.line, MN_R_USAGE,
                    "column '%s' appears twice in the header",
                    in->h.name[dup]);
      goto fail;
    }
  return 0;
fail:
  mn_input_close (in);
  return -1;
}

int
mn_input_next (struct mn_input *in, struct mn_record *rec,
               struct mn_error *e)
{
  int rc = mn_reader_next (in->r, rec, e);
  if (rc <= 0)
    return rc;
  in->records++;
  switch (rec->flaw)
    {
    case MN_FLAW_QUOTE:
      mn_error_set (e, in->name, rec->line, MN_R_QUOTE,
                    "unterminated quoted field runs to end of input "
                    "(line %lu)", rec->last_line);
      return 2;
    case MN_FLAW_UTF8:
      {
        size_t k = rec->flaw_field;
        mn_error_set (e, in->name, rec->line, MN_R_ENCODING,
                      "field %zu%s%s%s is not valid UTF-8; try "
                      "--encoding=GB18030 or the file's encoding",
                      k + 1, k < in->h.n ? " (" : "",
                      k < in->h.n ? in->h.name[k] : "",
                      k < in->h.n ? ")" : "");
        return 2;
      }
    case MN_FLAW_NONE:
      break;
    }
  if (rec->n != in->h.n)
    {
      mn_error_set (e, in->name, rec->line, MN_R_RAGGED,
                    "%zu fields where the header has %zu", rec->n, in->h.n);
      return 2;
    }
  return 1;
}

void
mn_input_close (struct mn_input *in)
{
  mn_reader_free (in->r);
  in->r = NULL;
  mn_header_release (&in->h);
  if (in->fp && in->fp != stdin)
    fclose (in->fp);
  in->fp = NULL;
}

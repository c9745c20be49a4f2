/* load.c - the small files a program reads whole before its inputs.  */
#include "survey/load.h"
#include "base/i18n.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "io/input.h"

/* Open PATH for reading ("-": standard input), as UTF-8 text: its
   encoding recognised as a survey's is (UTF-8, a byte-order mark,
   GB18030), a workbook refused (io/input.h, mn_input_utf8).  Returns
   the stream, closed with close_small; or NULL with E ("cannot open
   WHAT: ..." or, WHAT NULL, "cannot open: ...").  */
static FILE *
open_small (const char *path, const char *what, struct mn_error *e)
{
  bool std = strcmp (path, "-") == 0;
  FILE *fp = std ? stdin : fopen (path, "rb");
  if (!fp)
    {
      mn_error_set (e, path, 0, MN_R_SYSTEM, "cannot open%s%s: %s",
                    what ? " " : "", what ? what : "", strerror (errno));
      return NULL;
    }
  FILE *text;
  const char *enc;
  if (mn_input_utf8 (fp, mn_display_name (path), &text, &enc, e) < 0)
    text = NULL;
  if (text != fp && !std)
    fclose (fp);
  return text;
}

/* Close what open_small opened (never standard input).  */
static void
close_small (FILE *fp)
{
  if (fp != stdin)
    fclose (fp);
}

int
mn_load_codebook (struct mn_codebook *cb, const char *path,
                  const char *what, struct mn_error *e)
{
  FILE *fp = open_small (path, what, e);
  if (!fp)
    return -1;
  int rc = mn_codebook_load (cb, fp, path, NULL, e);
  close_small (fp);
  return rc;
}

int
mn_load_roster (struct mn_roster *r, const char *path,
                const struct mn_aliases *aliases, struct mn_error *e)
{
  FILE *fp = open_small (path, _("roster"), e);
  if (!fp)
    return -1;
  int rc = mn_roster_load (r, fp, path, aliases, e);
  close_small (fp);
  return rc;
}

int
mn_load_margins (struct mn_margins *m, const char *path, struct mn_error *e)
{
  FILE *fp = open_small (path, _("margins"), e);
  if (!fp)
    return -1;
  struct mn_reader_options ro = { .delim = ',' };
  int rc = mn_margins_load (m, fp, path, &ro, e);
  close_small (fp);
  return rc;
}

int
mn_load_rgroups (struct mn_score_spec *spec, const char *arg,
                 struct mn_error *e)
{
  if (strchr (arg, '='))
    return mn_score_parse_rgroups (spec, arg, e);
  FILE *fp = open_small (arg, NULL, e);
  if (!fp)
    return -1;
  int rc = mn_score_load_rgroups (spec, fp, arg, e);
  close_small (fp);
  return rc;
}

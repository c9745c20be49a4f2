/* load.c - the small files a program reads whole before its inputs.  */
#include "survey/load.h"
#include "base/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Open PATH for reading, or NULL with E ("cannot open WHAT: ..." or,
   WHAT NULL, "cannot open: ...").  */
static FILE *
open_small (const char *path, const char *what, struct mn_error *e)
{
  FILE *fp = fopen (path, "rb");
  if (!fp)
    mn_error_set (e, path, 0, MN_R_SYSTEM, "cannot open%s%s: %s",
                  what ? " " : "", what ? what : "", strerror (errno));
  return fp;
}

int
mn_load_codebook (struct mn_codebook *cb, const char *path,
                  const char *what, struct mn_error *e)
{
  FILE *fp = open_small (path, what, e);
  if (!fp)
    return -1;
  int rc = mn_codebook_load (cb, fp, path, NULL, e);
  fclose (fp);
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
  fclose (fp);
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
  fclose (fp);
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
  fclose (fp);
  return rc;
}

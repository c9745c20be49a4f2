/* aliases.h - header aliases: the columns file that maps the names a
   survey or roster is exported with (干部编号, 户号, 满意度...) to the
   names the suite looks for (cadre, household, q1...), defined once for
   every program (--columns FILE, minyi-formats(5), "columns file").  */
#ifndef MINYI_ALIASES_H
#define MINYI_ALIASES_H

#include <stddef.h>

#include "base/errinfo.h"

struct mn_aliases
{
  char **alias;             /* owned: N aliases, NFKC, trimmed */
  char **name;              /* owned: the name each stands for */
  unsigned long *line;      /* the columns file's line of each */
  size_t n;
  char *path;               /* owned: the file's name as given */
  char sha256[65];          /* its bytes' SHA-256, in hex, for the
                               provenance file */
};

/* Load the columns file PATH (borrowed; kept in E, so it must outlive
   E): a CSV file with columns "name" and "alias" (others ignored), one
   alias a row, a name having as many aliases as it has rows.  It is
   read whole, its SHA-256 taken (nettle), then recognised as the other
   small files are (io/input.h, mn_input_utf8: UTF-8, a byte-order mark,
   GB18030, a workbook refused).  Returns
   0, and the caller releases A with mn_aliases_release; or -1 with E
   (an empty name or alias, an alias of two names), and A is left
   empty.  */
int mn_aliases_load (struct mn_aliases *a, const char *path,
                     struct mn_error *e);

/* Free A's contents (not A itself); A is left empty.  */
void mn_aliases_release (struct mn_aliases *a);

/* The name that header cell COL (borrowed) stands for when COL,
   trimmed and in NFKC, is one of A's aliases (compared exactly, then
   ignoring ASCII case); NULL otherwise, or when A is NULL.  Borrowed
   from A.  */
const char *mn_aliases_name (const struct mn_aliases *a, const char *col);

#endif

/* roster.h - the cadre roster: who the cadres are, where they serve and
   how many households each is assigned (minyi-formats(5)).  */
#ifndef MINYI_ROSTER_H
#define MINYI_ROSTER_H

#include <stddef.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "base/groups.h"
#include "io/aliases.h"

/* A cadre; its strings and arrays are owned by the roster and freed by
   mn_roster_release.  */
struct mn_cadre
{
  char *id, *name, *unit, *position, *township;
  char **village;           /* villages assigned; none: not restricted */
  size_t nvillage;
  long households;          /* households assigned; -1 when not given */
  unsigned long line;       /* roster line, for messages */
};

struct mn_roster
{
  struct mn_cadre *cadre;   /* owned: N cadres, in file order */
  size_t n;
  struct mn_groups *index;  /* owned: id -> size_t position + 1 */
};

/* Read a roster (UTF-8, comma-separated; column "cadre" required,
   "name", "unit", "position", "township", "villages" ('|'-separated),
   "households" optional) from FP (borrowed, not closed) named NAME
   (borrowed, for messages), title rows above its header skipped and its
   columns renamed by ALIASES (borrowed; NULL: none), as io/header.h
   does.  The cadre ids, townships and villages are kept in NFKC (they
   are compared with the survey's cells); names, units and positions as
   read.  Returns 0, and the caller releases R with mn_roster_release; or
   -1 with E, and R is left empty (nothing to release).  */
int mn_roster_load (struct mn_roster *r, FILE *fp, const char *name,
                    const struct mn_aliases *aliases, struct mn_error *e);

/* Free R's contents (not R itself); R is left empty.  */
void mn_roster_release (struct mn_roster *r);

/* The cadre with id ID (LEN bytes, borrowed), or NULL.  The cadre is
   borrowed from R: valid until mn_roster_release.  */
const struct mn_cadre *mn_roster_find (const struct mn_roster *r,
                                       const char *id, size_t len);

/* Whether cadre C serves village VILLAGE (LEN bytes; both borrowed): true
   when the roster lists no villages for C.  */
int mn_cadre_serves (const struct mn_cadre *c, const char *village,
                     size_t len);

#endif

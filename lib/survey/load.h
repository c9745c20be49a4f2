/* load.h - the small files a program reads whole before its survey
   inputs, each loaded from its path by one function: the codebook, the
   roster, the margins, the respondent-group shares.

   Each opens PATH (borrowed; kept in E for messages, so it must outlive
   E), loads it with its module's loader and closes it.  Returns 0, and
   the caller releases what was loaded as its module says; or -1 with E
   (reason MN_R_SYSTEM when PATH cannot be opened), and there is nothing
   to release.  Nothing here prints.  */
#ifndef MINYI_LOAD_H
#define MINYI_LOAD_H

#include "survey/codebook.h"
#include "base/errinfo.h"
#include "survey/margins.h"
#include "survey/roster.h"
#include "survey/score.h"

/* A codebook (ours: always UTF-8 and commas).  WHAT names it in the
   message when PATH cannot be opened ("cannot open WHAT: ..."); NULL
   for "cannot open: ...".  */
int mn_load_codebook (struct mn_codebook *cb, const char *path,
                      const char *what, struct mn_error *e);

/* A roster (mn_roster_load), its columns renamed by ALIASES (borrowed;
   NULL: none).  */
int mn_load_roster (struct mn_roster *r, const char *path,
                    const struct mn_aliases *aliases, struct mn_error *e);

/* A margins file, comma-separated (mn_margins_load).  */
int mn_load_margins (struct mn_margins *m, const char *path,
                     struct mn_error *e);

/* Respondent-group shares into SPEC: ARG (borrowed) is either
   GROUP=SHARE,... (mn_score_parse_rgroups; an error then has no file) or
   the path of a CSV file of them (mn_score_load_rgroups).  */
int mn_load_rgroups (struct mn_score_spec *spec, const char *arg,
                     struct mn_error *e);

#endif

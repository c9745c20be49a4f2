/* catalogue.h - the service catalogue: each service type's department
   and its time limits in working days (minyi-formats(5), "Service
   catalogue").  */
#ifndef MINYI_CATALOGUE_H
#define MINYI_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/errinfo.h"
#include "base/groups.h"

struct mn_service
{
  char *id, *department, *name;     /* owned by the catalogue */
  long statutory, promised;         /* working days, 1 <= promised <=
                                       statutory */
  unsigned long line;
};

struct mn_catalogue
{
  struct mn_service *svc;           /* owned: N, in file order */
  size_t n;
  struct mn_groups *index;          /* owned: id -> position + 1 */
  struct mn_groups *departments;    /* owned: the departments named */
};

/* Load the catalogue PATH (borrowed; kept in E): columns "service",
   "department", "statutory", "promised" (whole numbers of working days,
   1..366, promised <= statutory), optionally "name".  An empty service
   or department, a service listed twice or a bad limit stop the load.
   Returns 0, and the caller releases C with mn_catalogue_release; or -1
   with E, C left empty.  */
int mn_catalogue_load (struct mn_catalogue *c, const char *path,
                       struct mn_error *e);

void mn_catalogue_release (struct mn_catalogue *c);

/* The service with id ID (LEN bytes, borrowed), or NULL (borrowed from
   C, valid until its release).  */
const struct mn_service *mn_catalogue_find (const struct mn_catalogue *c,
                                            const char *id, size_t len);

/* Whether some service of C belongs to department DEPT (LEN bytes).  */
bool mn_catalogue_has_department (const struct mn_catalogue *c,
                                  const char *dept, size_t len);

#endif

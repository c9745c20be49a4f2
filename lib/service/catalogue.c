/* catalogue.c - the service catalogue.  */
#include "service/catalogue.h"

#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "service/smallfile.h"
#include "base/i18n.h"

static int
limit (const struct mn_record *rec, long col, const char *what,
       const char *file, long *out, struct mn_error *e)
{
  char buf[64];
  mn_small_field (rec, col, buf, sizeof buf);
  if (mn_parse_long (buf, 1, 366, out) != 0)
    return mn_error_set (e, file, rec->line, MN_R_BAD_NUMBER,
                         "%s limit '%s' is not a whole number of working "
                         "days 1..366", what, buf);
  return 0;
}

static int
cat_row (void *ctx, const struct mn_record *rec, const long *col,
         const char *file, struct mn_error *e)
{
  struct mn_catalogue *c = ctx;
  char id[1024], dept[1024], name[1024];
  mn_small_field (rec, col[0], id, sizeof id);
  mn_small_field (rec, col[1], dept, sizeof dept);
  mn_small_field (rec, col[4], name, sizeof name);
  if (!*id || !*dept)
    return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                         "empty %s", *id ? _("department") : _("service"));
  struct mn_service s = { .line = rec->line };
  if (limit (rec, col[2], "statutory", file, &s.statutory, e) < 0
      || limit (rec, col[3], "promised", file, &s.promised, e) < 0)
    return -1;
  if (s.promised > s.statutory)
    return mn_error_set (e, file, rec->line, MN_R_BAD_VALUE,
                         "promised limit %ld is longer than the statutory "
                         "limit %ld", s.promised, s.statutory);
  size_t *pos = mn_groups_get (c->index, id, strlen (id));
  if (*pos)
    return mn_error_set (e, file, rec->line, MN_R_DUPLICATE,
                         "service '%s' is listed twice (first on line %lu)",
                         id, c->svc[*pos - 1].line);
  s.id = xstrdup (id);
  s.department = xstrdup (dept);
  s.name = xstrdup (name);
  c->svc = xrealloc (c->svc, (c->n + 1) * sizeof *c->svc);
  c->svc[c->n++] = s;
  *pos = c->n;
  mn_groups_get (c->departments, dept, strlen (dept));
  return 0;
}

int
mn_catalogue_load (struct mn_catalogue *c, const char *path,
                   struct mn_error *e)
{
  static const struct mn_small_col cols[] = {
    { "service", true }, { "department", true }, { "statutory", true },
    { "promised", true }, { "name", false } };
  memset (c, 0, sizeof *c);
  c->index = mn_groups_new (sizeof (size_t));
  c->departments = mn_groups_new (1);
  if (mn_small_read (path, _("service catalogue"), cols, 5, cat_row, c, e) < 0)
    {
      mn_catalogue_release (c);
      return -1;
    }
  if (!c->n)
    {
      mn_catalogue_release (c);
      return mn_error_set (e, path, 0, MN_R_USAGE,
                           "the service catalogue has no services");
    }
  return 0;
}

void
mn_catalogue_release (struct mn_catalogue *c)
{
  for (size_t i = 0; i < c->n; i++)
    {
      free (c->svc[i].id);
      free (c->svc[i].department);
      free (c->svc[i].name);
    }
  free (c->svc);
  mn_groups_free (c->index);
  mn_groups_free (c->departments);
  memset (c, 0, sizeof *c);
}

const struct mn_service *
mn_catalogue_find (const struct mn_catalogue *c, const char *id, size_t len)
{
  const size_t *pos = mn_groups_find (c->index, id, len);
  return pos ? &c->svc[*pos - 1] : NULL;
}

bool
mn_catalogue_has_department (const struct mn_catalogue *c, const char *dept,
                             size_t len)
{
  return mn_groups_find (c->departments, dept, len) != NULL;
}

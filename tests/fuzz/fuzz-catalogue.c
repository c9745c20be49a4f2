/* fuzz-catalogue.c - libFuzzer target: the service catalogue
   (lib/service/catalogue.c, mn_catalogue_load).

   In a catalogue accepted every service is found by its id, belongs to
   a department it names, and has 1 <= promised <= statutory <= 366.  */
#include <stdint.h>
#include <string.h>

#include "service/catalogue.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_catalogue c;
  struct mn_error e = { 0 };
  if (mn_catalogue_load (&c, scratch_file (data, size), &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      return 0;
    }
  for (size_t i = 0; i < c.n; i++)
    {
      const struct mn_service *s = &c.svc[i];
      check (s->id[0] && s->department[0], "no empty id or department");
      check (mn_catalogue_find (&c, s->id, strlen (s->id)) == s,
             "a service is found by its id");
      check (mn_catalogue_has_department (&c, s->department,
                                          strlen (s->department)),
             "its department is known");
      check (1 <= s->promised && s->promised <= s->statutory
             && s->statutory <= 366, "limits in range");
    }
  check (mn_catalogue_find (&c, "", 0) == NULL, "no empty id");
  mn_catalogue_release (&c);
  return 0;
}

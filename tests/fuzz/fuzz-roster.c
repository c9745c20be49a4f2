/* fuzz-roster.c - libFuzzer target: the roster loader
   (lib/survey/roster.c); every cadre it accepts is found by its id.  */
#include <stdint.h>
#include <string.h>

#include "survey/roster.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  FILE *fp = mem_file (data, size);
  struct mn_roster r;
  struct mn_error e = { 0 };
  if (mn_roster_load (&r, fp, "roster.csv", NULL, &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      fclose (fp);
      return 0;
    }
  fclose (fp);
  for (size_t i = 0; i < r.n; i++)
    {
      const struct mn_cadre *c = &r.cadre[i];
      check (mn_roster_find (&r, c->id, strlen (c->id)) == c,
             "a cadre is found by its id");
      check (c->households >= -1, "households are -1 or counted");
      if (c->nvillage)
        check (mn_cadre_serves (c, c->village[0], strlen (c->village[0])),
               "a cadre serves its villages");
    }
  mn_roster_release (&r);
  return 0;
}

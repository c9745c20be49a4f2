/* fuzz-margins.c - libFuzzer target: the margins loader
   (lib/survey/margins.c); every category it accepts is found again from
   its label's parts.  */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "survey/margins.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  FILE *fp = mem_file (data, size);
  struct mn_margins m;
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  if (mn_margins_load (&m, fp, "margins.csv", &ro, &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      check (m.nvar == 0 && m.var == NULL, "a failed load leaves it empty");
      fclose (fp);
      return 0;
    }
  fclose (fp);
  check (m.nvar >= 1, "margins have a variable");
  for (size_t v = 0; v < m.nvar; v++)
    {
      const struct mn_margin_var *mv = &m.var[v];
      check (mv->nparts >= 1 && mv->ncat >= 1, "a variable has categories");
      const char **val = xcalloc (mv->nparts, sizeof *val);
      size_t *len = xcalloc (mv->nparts, sizeof *len);
      for (size_t c = 0; c < mv->ncat; c++)
        {
          check (mv->pop[c] > 0 && isfinite (mv->pop[c]),
                 "a population is positive and finite");
          /* Split the label on '*' into the variable's parts.  */
          const char *s = mv->cat[c];
          size_t k = 0;
          for (;;)
            {
              const char *star = strchr (s, '*');
              size_t l = star ? (size_t) (star - s) : strlen (s);
              if (k < mv->nparts)
                val[k] = s, len[k] = l;
              k++;
              if (!star)
                break;
              s = star + 1;
            }
          check (k == mv->nparts, "a category has a part per column");
          check (mn_margins_find (mv, val, len) == (long) c,
                 "a category is found from its parts");
        }
      free (val);
      free (len);
    }
  mn_margins_release (&m);
  return 0;
}

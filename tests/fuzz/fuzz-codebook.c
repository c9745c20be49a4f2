/* fuzz-codebook.c - libFuzzer target: the codebook loader
   (lib/survey/codebook.c), then every item it accepts classifying a few
   answers and the composite index over them.  */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "survey/codebook.h"
#include "fuzz.h"

static const char *const answers[] = {
  "1", "3", "5", "0", "-1", "1.5", "1e999", "nan", "满意", "不满意", "",
  "不知道", "10", "x"
};

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  FILE *fp = mem_file (data, size);
  struct mn_codebook cb;
  struct mn_error e = { 0 };
  if (mn_codebook_load (&cb, fp, "codebook.csv", NULL, &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      check (cb.n == 0 && cb.item == NULL, "a failed load leaves it empty");
      fclose (fp);
      return 0;
    }
  fclose (fp);
  check (cb.n >= 1, "a codebook has an item");
  size_t na = sizeof answers / sizeof *answers;
  struct mn_answer *a = xcalloc (cb.n, sizeof *a);
  bool *has = xcalloc (cb.n, sizeof *has);
  for (size_t k = 0; k < na; k++)
    {
      for (size_t i = 0; i < cb.n; i++)
        {
          const struct mn_item *it = &cb.item[i];
          check (mn_codebook_find (&cb, it->id) >= 0, "an item is found");
          check (it->weight >= 0 && isfinite (it->weight),
                 "an item's weight is finite and not negative");
          char desc[256];
          mn_item_describe (it, desc, sizeof desc);
          enum mn_answer_kind kind
            = mn_item_classify (it, answers[(k + i) % na], &a[i], &e);
          has[i] = kind == MN_ANS_VALID;
          if (kind == MN_ANS_VALID && !isnan (a[i].score))
            check (a[i].score >= 0 && a[i].score <= 100,
                   "a score is within 0..100");
        }
      double x = mn_codebook_composite (&cb, a, has);
      check (isnan (x) || (x >= -1e-9 && x <= 100 + 1e-9),
             "the composite is within 0..100");
    }
  free (a);
  free (has);
  mn_codebook_release (&cb);
  return 0;
}

/* fuzz-rgroups.c - libFuzzer target: the respondent-group shares, both
   as a CSV file (mn_score_load_rgroups) and as the GROUP=SHARE,...
   option text (mn_score_parse_rgroups).  Shares accepted are positive
   and sum to 1.  */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "survey/score.h"
#include "fuzz.h"

static void
check_shares (const struct mn_score_spec *s)
{
  check (s->nrgroup >= 1, "shares name a group");
  double sum = 0;
  for (size_t i = 0; i < s->nrgroup; i++)
    {
      check (s->rgroup_share[i] > 0 && isfinite (s->rgroup_share[i]),
             "a share is positive and finite");
      sum += s->rgroup_share[i];
    }
  check (fabs (sum - 1) <= 1e-6, "the shares sum to 1");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_error e = { 0 };
  struct mn_score_spec spec;
  memset (&spec, 0, sizeof spec);
  FILE *fp = mem_file (data, size);
  if (mn_score_load_rgroups (&spec, fp, "shares.csv", &e) == 0)
    check_shares (&spec);
  else
    check (e.reason != MN_R_NONE, "an error says why");
  fclose (fp);
  mn_score_spec_release (&spec);

  char *arg = xmemdup0 ((const char *) data, size);
  memset (&spec, 0, sizeof spec);
  if (mn_score_parse_rgroups (&spec, arg, &e) == 0)
    check_shares (&spec);
  mn_score_spec_release (&spec);
  free (arg);
  return 0;
}

/* fuzz-policy.c - libFuzzer target: the promotion policy file
   (lib/survey/policy.c, mn_policy_load) and the tiering under it
   (mn_policy_decide).

   A policy accepted has at most MN_POLICY_MAX_RULES rules, its vetoes
   before its tiers, and a catch-all tier last (a tier with no
   statistic); so every cadre of a stratum it decides gets a rule, and a
   cap bit only for a rule before the one that decided.  */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "survey/policy.h"
#include "fuzz.h"

enum { M = 6 };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_policy p;
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  if (mn_policy_load (&p, scratch_file (data, size), &ro, &e) < 0)
    {
      check (e.reason != MN_R_NONE, "an error says why");
      return 0;
    }
  check (p.n >= 1 && p.n <= MN_POLICY_MAX_RULES, "rules within the bound");
  const struct mn_policy_rule *last = &p.rule[p.n - 1];
  check (!last->veto && last->stat == MN_PS_NONE,
         "an accepted policy ends with a catch-all tier");
  for (size_t r = 1; r < p.n; r++)
    check (!p.rule[r].veto || p.rule[r - 1].veto, "vetoes come first");
  for (size_t r = 0; r < p.n; r++)
    check (p.rule[r].tier && p.rule[r].line >= 2, "a rule has its tier");

  /* Six cadres: unknown, low, middle, high values; few and many
     answers; tied and unranked.  */
  static const double val[M] = { NAN, 0, 0.5, 0.5, 1, 0.95 };
  static const double n[M] = { 40, 0, 3, 10, 100, 1e6 };
  static const size_t rank[M] = { 0, 4, 2, 2, 1, 0 };
  double *v = malloc (p.n * M * sizeof *v);
  struct mn_tiering out[M];
  for (size_t r = 0; r < p.n; r++)
    for (size_t i = 0; i < M; i++)
      v[r * M + i] = val[(i + r) % M];
  mn_policy_decide (&p, M, v, n, rank, 4, out);
  for (size_t i = 0; i < M; i++)
    {
      check (out[i].rule >= 0 && (size_t) out[i].rule < p.n,
             "the catch-all tier decides every cadre left");
      check ((out[i].capped >> out[i].rule) == 0,
             "a cadre is capped only by rules before its own");
    }
  free (v);
  mn_policy_release (&p);
  return 0;
}

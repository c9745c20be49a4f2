/* test-occupancy.c - unit tests of the occupancy estimate
   (lib/stats/occupancy.c), against R's uniroot on the same equation
   (tests/unit/occupancy-ref.R, whose output is quoted here).  */
#include <math.h>
#include <stddef.h>

#include "tap.h"
#include "stats/occupancy.h"

/* Rscript tests/unit/occupancy-ref.R:
     296565.3637 20002.35793 627.5004875 4966.610813 100004.5423
     19865.24106 297978.6159  */
static const struct
{
  double draws, seen, groups;
  const char *name;
} ref_groups[] = {
  { 65536, 58800, 296565.3637,
    "groups: 58,800 met in 65,536 draws (a range of minyi-score)" },
  { 65536, 19247, 20002.35793, "groups: 19,247 met in 65,536 draws" },
  { 1000, 500, 627.5004875, "groups: 500 met in 1,000 draws" },
  { 100, 99, 4966.610813, "groups: 99 met in 100 draws" },
  { 1e6, 1e5, 100004.5423,
    "groups: 10^5 met in 10^6 draws: a little over 10^5" },
};

static const struct
{
  double groups, draws, met;
  const char *name;
} ref_expected[] = {
  { 20000, 1e5, 19865.24106, "expected: 20,000 groups, 10^5 draws" },
  { 3e5, 1.5e6, 297978.6159, "expected: 3 x 10^5 groups, 1.5 x 10^6 draws" },
};

int
main (void)
{
  for (size_t i = 0; i < sizeof ref_groups / sizeof *ref_groups; i++)
    near (mn_occupancy_groups (ref_groups[i].draws, ref_groups[i].seen)
            / ref_groups[i].groups, 1, 1e-8, ref_groups[i].name);
  for (size_t i = 0; i < sizeof ref_expected / sizeof *ref_expected; i++)
    near (mn_occupancy_expected (ref_expected[i].groups,
                                 ref_expected[i].draws)
            / ref_expected[i].met, 1, 1e-12, ref_expected[i].name);
  ok (isinf (mn_occupancy_groups (65536, 65536)),
      "groups: every draw new: infinitely many");
  ok (isinf (mn_occupancy_groups (1e6, 1e6 - 1e-6)),
      "groups: too close to every draw new for a finite G below 10^15");
  ok (mn_occupancy_expected (INFINITY, 1234) == 1234,
      "expected: infinitely many groups, every draw new");
  ok (mn_occupancy_groups (100, 0) == 0 && mn_occupancy_groups (0, 0) == 0,
      "groups: none met, none");
  near (mn_occupancy_groups (1e6, 3), 3, 1e-9,
        "groups: 3 met in 10^6 draws: 3");
  /* The estimate inverts the expectation.  */
  double g = mn_occupancy_groups (5000, 4321);
  near (mn_occupancy_expected (g, 5000), 4321, 1e-6,
        "expected (groups (N, S), N) = S");
  return tap_done ();
}

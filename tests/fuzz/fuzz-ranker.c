/* fuzz-ranker.c - libFuzzer target: minyi-rank's reading of a score
   table (lib/survey/ranker.c, mn_ranker_bind and _add), ranked, with a
   short simulation and the policy of tests/data/rank-policy.csv.

   The rows ranked are no more than the rows kept, which are those
   accepted.  */
#include <stdint.h>
#include <stdlib.h>

#include "io/input.h"
#include "survey/ranker.h"
#include "fuzz.h"

static int
add (void *r, const struct mn_record *rec, const char *file,
     struct mn_error *e)
{
  return mn_ranker_add (r, rec, file, e);
}

static const char policy_text[] =
  "rule,tier,stat,op,threshold,min_n,max_share\n"
  "veto,C,dissat,>=,1/3,5,\n"
  "tier,A,P(rate>=0.9),>=,0.5,,50%\n"
  "tier,B,rate,>=,0.8,3,\n"
  "tier,D,,,,,\n";

static struct mn_policy policy;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  check (mn_policy_load (&policy, fixture_file ("policy", policy_text), &ro,
                         &e) == 0, "the fixed policy loads");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_input in;
  struct mn_error e = { 0 };
  if (!input_scratch (&in, data, size))
    return 0;
  /* The first byte chooses the options.  */
  unsigned char b = size ? data[0] : 0;
  struct mn_rank_opts o = {
    .by = b & 1 ? MN_RANK_RATE : b & 2 ? MN_RANK_LO : MN_RANK_POSTERIOR,
    .within = b & 4 ? "wave" : NULL, .dense = b & 8,
    .draws = b & 16 ? 50 : 0, .seed = 1, .ntop = 2,
    .top = { 1, 10 }, .top_pct = { false, true },
    .policy = b & 32 ? &policy : NULL
  };
  struct mn_ranker *r = mn_ranker_new (&o);
  if (mn_ranker_bind (r, &in, &e) == 0)
    {
      size_t used = feed_rows (&in, add, r);
      if (mn_ranker_finish (r, &e) == 0)
        {
          struct mn_rank_summary s;
          mn_ranker_summary (r, &s);
          check (s.rows == used && s.ranked <= s.rows,
                 "the rows ranked are among those accepted");
          struct out out;
          out_open (&out);
          mn_ranker_write (r, b & 64 ? 4 : 0, out.fp);
          mn_ranker_explain (r, "C1", 4, out.fp);
          out_close (&out);
          free (out.buf);
        }
      else
        check (e.reason != MN_R_NONE, "an error says why");
    }
  else
    check (e.reason != MN_R_NONE, "an error says why");
  mn_ranker_free (r);
  mn_input_close (&in);
  return 0;
}

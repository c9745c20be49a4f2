/* minyi-rank - rankings of a score table's rows, with their uncertainty,
   and tiers under a promotion-review policy.  */
#include <argp.h>
#include <error.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "prog/tableopts.h"
#include "survey/load.h"
#include "survey/ranker.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-rank");

enum
{
  OPT_BY_STAT = 0x200, OPT_WITHIN, OPT_DENSE, OPT_DRAWS, OPT_SEED, OPT_TOP,
  OPT_POLICY, OPT_EXPLAIN, OPT_ROSTER, OPT_CADRE_COLUMN
};

struct args
{
  struct mn_common_opts common;
  struct mn_table_opts table;
  struct mn_rank_opts rank;
  const char *policy, *explain, *roster;
  int argc;
  char **argv;
  char **files;
  size_t nfiles, filescap;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("Ranking:"), 1 },
  { "by-stat", OPT_BY_STAT, "STAT", 0,
    N_("rank by 'posterior' (post_mean of minyi-adjust, the default), "
    "'rate', 'lo' (the interval's lower bound), 'standardized' (std_rate) "
    "or 'index'"), 0 },
  { "within", OPT_WITHIN, "COLUMN", 0,
    N_("rank within each value of COLUMN (such as township)"), 0 },
  { "dense", OPT_DENSE, NULL, 0,
    N_("dense ranks (1223) instead of competition ranks (1224)"), 0 },
  { NULL, 0, NULL, 0, N_("Rank uncertainty:"), 2 },
  { "draws", OPT_DRAWS, "N", 0,
    N_("draws from the posteriors, 0 to 100000000 (default 10000; 0: no "
    "simulation)"), 0 },
  { "seed", OPT_SEED, "S", 0,
    N_("seed of the generator, 1 to 4294967295 (default 1)"), 0 },
  { "threads", 'j', "N", 0,
    N_("make the draws on N threads, 1 to 256 (default: one per processor "
    "available); the figures do not depend on it"), 0 },
  { "top", OPT_TOP, "K[,Q%...]", 0,
    /* xgettext:no-c-format */
    N_("probabilities of a rank at most K, or in the top Q % (default 10%; "
    "at most 8)"), 0 },
  { NULL, 0, NULL, 0, N_("Tiers:"), 3 },
  { "policy", OPT_POLICY, "FILE", 0,
    N_("decide each row's tier by the policy in FILE (minyi-formats(5))"), 0 },
  { "explain", OPT_EXPLAIN, "KEY", 0,
    N_("instead of the table, say in words how the row whose keys, joined "
    "by commas, are KEY was ranked and tiered (\\, for a comma within a "
    "key, \\\\ for a backslash)"), 0 },
  { NULL, 0, NULL, 0, N_("Names:"), 4 },
  { "roster", 'R', "FILE", 0,
    N_("add each cadre's name, unit, position and township from the roster "
    "FILE; a roster cadre without a row gets one, 'no data'"), 0 },
  { "cadre-column", OPT_CADRE_COLUMN, "COLUMN", 0,
    N_("with --roster: the key column holding the cadre (default 'cadre')"),
    0 },
  { 0 }
};

static void
parse_top (struct mn_rank_opts *o, char *arg, struct argp_state *state)
{
  o->ntop = 0;
  size_t given = 0;
  for (const char *c = arg; *c; c++)
    if (*c != ',' && (c == arg || c[-1] == ','))
      given++;
  if (given > MN_RANK_MAX_TOP)
    argp_error (state, _("--top takes at most %d cut-offs, not %zu"),
                MN_RANK_MAX_TOP, given);
  for (char *save, *t = strtok_r (arg, ",", &save); t;
       t = strtok_r (NULL, ",", &save))
    {
      size_t len = strlen (t);
      bool pct = len > 1 && t[len - 1] == '%';
      double x;
      if (pct)
        t[len - 1] = '\0';
      if (mn_parse_double (t, &x) != 0
          || !(x > 0) || (pct ? x > 100 : x != (long) x))
        argp_error (state, _("--top takes up to %d whole numbers K >= 1 or "
                    "percentages 0 < Q%% <= 100%%, not '%s%s'"),
                    MN_RANK_MAX_TOP, t, pct ? "%" : "");
      o->top[o->ntop] = x;
      o->top_pct[o->ntop++] = pct;
    }
}

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &a->common;
      state->child_inputs[1] = &a->table;
      state->child_inputs[2] = &a->common;
      break;
    case OPT_BY_STAT:
      if (mn_rank_by_parse (arg, &a->rank.by) < 0)
        argp_error (state, _("--by-stat must be 'posterior', 'rate', 'lo', "
                    "'standardized' or 'index', not '%s'"), arg);
      break;
    case OPT_WITHIN:
      a->rank.within = arg;
      break;
    case OPT_DENSE:
      a->rank.dense = true;
      break;
    case OPT_DRAWS:
      a->rank.draws = (unsigned long) mn_arg_long (arg, 0, 100000000,
                                                 "--draws", state);
      break;
    case OPT_SEED:
      a->rank.seed = (unsigned long) mn_arg_long (arg, 1, 4294967295,
                                                "--seed", state);
      break;
    case 'j':
      a->rank.threads = (unsigned) mn_arg_long (arg, 1, 256, "--threads",
                                                state);
      break;
    case OPT_TOP:
      parse_top (&a->rank, arg, state);
      break;
    case 'R':
      a->roster = arg;
      break;
    case OPT_CADRE_COLUMN:
      a->rank.cadre_column = arg;
      break;
    case OPT_POLICY:
      a->policy = arg;
      break;
    case OPT_EXPLAIN:
      a->explain = arg;
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      mn_table_check (&a->table, &a->common, state);
      mn_common_check_stdin (state, a->files, a->nfiles,
                             (const char *[]) { "--policy", "--roster" },
                             (const char *[]) { a->policy, a->roster }, 2);
      if (a->explain && !mn_tabfmt_plain (&a->common.tabfmt))
        argp_error (state, _("--explain writes words, not a table: "
                             "--format and --output-encoding do not go "
                             "with it"));
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  N_("Rank the rows of a score table, with the uncertainty of each rank, "
  "and decide their tiers under a promotion-review policy.\v"
  "With no FILE, or when FILE is -, read standard input: score tables as "
  "minyi-score or minyi-adjust write them.  The ranking goes to standard "
  "output, stratum by stratum, by rank, ties and unranked rows by key; "
  "see minyi-rank(1).\n\n"
  "Exit status: 0 if every row was ranked or tiered, 1 if rows were "
  "rejected or the table or policy is invalid, 2 on a usage or system "
  "error.\n\n"
  "Example:\n"
  "  minyi-score -q -c data/codebook.csv data/survey.csv | minyi-adjust -q "
  "| minyi-rank --policy data/policy.csv"),
  mn_table_children_exact, mn_help_filter, MN_DOMAIN
};

static int
rank_bind (void *r, struct mn_input *in, struct mn_error *e)
{
  return mn_ranker_bind (r, in, e);
}

static int
rank_row (void *r, const struct mn_input *in, const struct mn_record *rec,
          struct mn_error *e)
{
  return mn_ranker_add (r, rec, in->name, e) == 0 ? MN_SCAN_USE
                                                  : MN_SCAN_REJECT;
}

/* The provenance: how the rows were ranked and tiered.  */
static void
write_meta (const struct args *a, const struct mn_run *run,
            const struct mn_ranker *rk, FILE *out)
{
  struct mn_rank_summary s;
  mn_ranker_summary (rk, &s);
  char draws[32], seed[32], eb[32], jf[32], nd[32], nl[32];
  snprintf (nd, sizeof nd, "%zu", s.no_data);
  snprintf (nl, sizeof nl, "%zu", s.not_listed);
  snprintf (draws, sizeof draws, "%lu", a->rank.draws);
  snprintf (seed, sizeof seed, "%lu", a->rank.seed);
  snprintf (eb, sizeof eb, "%zu", s.eb);
  snprintf (jf, sizeof jf, "%zu", s.jeffreys);
  const char *f[] = {
    "by_stat", mn_rank_by_name (a->rank.by),
    "column", mn_rank_by_column (a->rank.by),
    "within", a->rank.within ? a->rank.within : "",
    "ties", a->rank.dense ? "dense (1223)" : "competition (1224)",
    "draws", draws, "seed", seed, "generator", "gsl taus2, blocks of 32 draws",
    "posterior_eb", eb, "posterior_jeffreys", jf,
    "policy", a->policy ? a->policy : "",
    "roster", a->roster ? a->roster : "",
    "roster_no_data", a->roster ? nd : "",
    "roster_not_listed", a->roster ? nl : "" };
  mn_table_write_meta (&a->table, "minyi-rank", a->argc, a->argv, run, f,
                       sizeof f / sizeof *f / 2, out);
}

/* Say which cadres of the table the roster lacks (the first few), and
   how many of its cadres had no row.  */
static void
report_roster (const struct mn_ranker *rk)
{
  struct mn_rank_summary s;
  mn_ranker_summary (rk, &s);
  if (s.not_listed)
    {
      char list[256] = "";
      size_t len = 0;
      for (size_t i = 0; i < s.not_listed && i < 5; i++)
        len += (size_t) snprintf (list + len, len < sizeof list
                                              ? sizeof list - len : 0,
                                  "%s%s", i ? ", " : "",
                                  mn_ranker_not_listed (rk, i));
      error (0, 0, dngettext (MN_DOMAIN,
                              "%zu row of cadres not in the roster: %s%s",
                              "%zu rows of cadres not in the roster: %s%s",
                              s.not_listed),
             s.not_listed, list, s.not_listed > 5 ? ", ..." : "");
    }
  if (s.no_data)
    error (0, 0, dngettext (MN_DOMAIN,
                            "%zu row 'no data' for roster cadres without "
                            "answers",
                            "%zu rows 'no data' for roster cadres without "
                            "answers", s.no_data), s.no_data);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-rank");
  struct args a = { .argc = argc, .argv = argv, .table.kind = "ranking",
                    .rank = { .by = MN_RANK_POSTERIOR, .draws = 10000,
                              .seed = 1, .ntop = 1, .top = { 10 },
                              .top_pct = { true } } };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);

  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  struct mn_policy policy = { 0 };
  struct mn_error e;
  if (a.policy && mn_policy_load (&policy, a.policy, &a.common.reader, &e)
                    < 0)
    mn_run_fail (&run, &e, MN_EXIT_AUTO);
  a.rank.policy = a.policy ? &policy : NULL;
  struct mn_roster roster = { 0 };
  if (a.roster
      && mn_load_roster (&roster, a.roster, &a.common.aliases, &e) < 0)
    mn_run_fail (&run, &e, MN_EXIT_AUTO);
  a.rank.roster = a.roster ? &roster : NULL;
  struct mn_ranker *rk = mn_ranker_new (&a.rank);
  run.bind = rank_bind;
  run.row = rank_row;
  run.ctx = rk;
  char *meta_path = mn_table_meta_path (&a.table, a.common.output);
  struct mn_output *meta = mn_run_output (&run, meta_path);
  mn_run_reads (&run, a.policy);
  mn_run_reads (&run, a.roster);
  mn_run_open (&run);
  mn_run_inputs (&run);
  if (!run.failed && mn_ranker_finish (rk, &e) < 0)
    mn_run_fail (&run, &e, MN_EXIT_DATA);
  if (!run.failed && a.explain
      && mn_ranker_explain (rk, a.explain, a.table.digits,
                            run.out[0].fp) == 0)
    {
      char kb[128];
      mn_error_set (&e, NULL, 0, MN_R_USAGE,
                    "--explain: no row has the keys '%s'",
                    mn_visible (kb, sizeof kb, a.explain,
                                strlen (a.explain)));
      mn_run_fail (&run, &e, MN_EXIT_USAGE);
    }
  if (!run.failed && !a.explain)
    mn_ranker_write (rk, a.table.digits, run.out[0].fp);
  if (!run.failed && meta)
    write_meta (&a, &run, rk, meta->fp);
  if (!run.failed && a.roster && !a.common.quiet)
    report_roster (rk);
  mn_run_commit (&run);

  free (meta_path);
  mn_ranker_free (rk);
  mn_policy_release (&policy);
  mn_roster_release (&roster);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

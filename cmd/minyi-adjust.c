/* minyi-adjust - fair comparison of a score table's rows: empirical-Bayes
   shrinkage of small samples and funnel limits.  */
#include <argp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "io/csvout.h"
#include "io/output.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "prog/tableopts.h"
#include "table/adjust.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-adjust");

enum
{
  OPT_PRIOR = 0x200,
  OPT_BY,
  OPT_TARGET,
  OPT_OVERDISPERSION,
  OPT_LIMITS
};

struct args
{
  struct mn_common_opts common;
  struct mn_table_opts table;
  struct mn_adjust_opts adjust;
  const char *limits;
  int argc;
  char **argv;
  char **files;
  size_t nfiles, filescap;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("Shrinkage:"), 1 },
  { "prior", OPT_PRIOR, "METHOD", 0,
    N_("fit the Beta prior by 'ml' (maximum likelihood of the beta-binomial, "
    "the default) or 'mm' (method of moments)"), 0 },
  { "by", OPT_BY, "COLUMN", 0,
    N_("fit one prior per value of COLUMN (a key or other column of the "
    "table, such as township)"), 0 },
  { "level", 'l', "P", 0,
    N_("level of the posterior intervals, 0 < P < 1 (default: the table's)"),
    0 },
  { NULL, 0, NULL, 0, N_("Funnel limits:"), 2 },
  { "target", OPT_TARGET, "P", 0,
    N_("the funnel's target rate, 0 < P < 1 (default: the overall rate of "
    "the table)"), 0 },
  { "overdispersion", OPT_OVERDISPERSION, "HOW", 0,
    N_("widen the limits for overdispersion: 'additive' (random effects, the "
    "default), 'multiplicative' or 'none' (exact binomial limits)"), 0 },
  { "limits", OPT_LIMITS, "FILE", 0,
    N_("write the funnel's limits for n from 1 to the largest n to FILE, for "
    "plotting"), 0 },
  { 0 }
};

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
    case OPT_PRIOR:
      if (mn_bb_method_parse (arg, &a->adjust.prior) < 0)
        argp_error (state, _("--prior must be 'ml' or 'mm', not '%s'"), arg);
      break;
    case OPT_BY:
      a->adjust.by = arg;
      break;
    case 'l':
      a->adjust.level = mn_arg_prop (arg, N_("level"), state);
      break;
    case OPT_TARGET:
      a->adjust.target = mn_arg_prop (arg, "--target", state);
      break;
    case OPT_OVERDISPERSION:
      if (mn_funnel_inflation_parse (arg, &a->adjust.inflation) < 0)
        argp_error (state, _("--overdispersion must be 'additive', "
                           "'multiplicative' or 'none', not '%s'"), arg);
      break;
    case OPT_LIMITS:
      a->limits = arg;
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      mn_table_check (&a->table, &a->common, state);
      mn_common_check_output (&a->common, "--limits", a->limits, state);
      {
        char *meta = mn_table_meta_path (&a->table, a->common.output);
        bool clash = meta && a->limits && mn_output_same (meta, a->limits);
        free (meta);
        if (clash)
          argp_error (state, _("--limits names the provenance file"));
      }
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  N_("Adjust a score table for fair comparison: each rate shrunk towards "
  "an empirical-Bayes prior (small samples count for less), and its place "
  "in the funnel of rates around a target.\v"
  "With no FILE, or when FILE is -, read standard input: score tables as "
  "minyi-score writes them (several: their rows together, one prior per "
  "--by stratum).  The table read, row for row in the order read, goes to "
  "standard output with the columns post_mean ... funnel_tau2 added; see "
  "minyi-formats(5).\n\n"
  "Exit status: 0 if every row was adjusted, 1 if rows were rejected or "
  "the table is invalid, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-score -q -c data/codebook.csv data/survey.csv | minyi-adjust"),
  mn_table_children_exact, mn_help_filter, MN_DOMAIN
};

/* The run's callbacks: each table's header, then its rows.  */
static int
adjust_bind (void *a, struct mn_input *in, struct mn_error *e)
{
  return mn_adjuster_bind (a, in, e);
}

static int
adjust_row (void *a, const struct mn_input *in, const struct mn_record *rec,
            struct mn_error *e)
{
  return mn_adjuster_add (a, rec, in->name, e) == 0 ? MN_SCAN_USE
                                                    : MN_SCAN_REJECT;
}

/* The provenance: how the rows were adjusted, and each stratum's prior
   and funnel.  */
static void
write_meta (const struct args *a, const struct mn_run *run,
            const struct mn_adjuster *adj, FILE *out)
{
  struct mn_adjust_summary s;
  mn_adjuster_summary (adj, &s);
  size_t cap = 2 * (8 + 8 * s.strata), k = 0;
  const char **f = xcalloc (cap, sizeof *f);
  char **own = xcalloc (cap, sizeof *own);
  size_t nown = 0;
#define NUM(x) (own[nown] = xmalloc (MN_NUM_BUFSIZE), \
                mn_num_format (own[nown], MN_NUM_BUFSIZE, (x), 0), \
                own[nown++])
  f[k++] = "prior";
  f[k++] = mn_bb_method_name (a->adjust.prior);
  f[k++] = "by";
  f[k++] = a->adjust.by ? a->adjust.by : "";
  f[k++] = "counts";
  f[k++] = s.weighted ? "effective (neff, neff rate)" : "n, sat";
  f[k++] = "level";
  f[k++] = NUM (s.level);
  f[k++] = "target_from";
  f[k++] = s.target_from_data ? "overall rate of the stratum" : "--target";
  f[k++] = "overdispersion";
  f[k++] = mn_funnel_inflation_name (a->adjust.inflation);
  for (size_t i = 0; i < s.strata; i++)
    {
      const char *name;
      double target;
      const struct mn_funnel_od *od;
      const struct mn_bb_fit *fit = mn_adjuster_stratum (adj, i, &name,
                                                         &target, &od);
      bool prior = fit && fit->kind == MN_BB_PRIOR;
      f[k++] = "stratum";
      f[k++] = name;
      f[k++] = "prior_fit";
      f[k++] = mn_bb_fit_label (fit);
      f[k++] = "prior_alpha";
      f[k++] = NUM (prior ? fit->alpha : NAN);
      f[k++] = "prior_beta";
      f[k++] = NUM (prior ? fit->beta : NAN);
      f[k++] = "target";
      f[k++] = NUM (target);
      f[k++] = "phi";
      f[k++] = NUM (od ? od->phi : NAN);
      f[k++] = "phi_p_value";
      f[k++] = NUM (od ? od->p_value : NAN);
      f[k++] = "tau2";
      f[k++] = NUM (od ? od->tau2 : NAN);
    }
#undef NUM
  mn_table_write_meta (&a->table, "minyi-adjust", a->argc, a->argv, run,
                       f, k / 2, out);
  for (size_t i = 0; i < nown; i++)
    free (own[i]);
  free (own);
  free (f);
}

/* Fit, then write the table, the limits and the provenance.  */
static void
write_all (struct mn_run *run, const struct args *a, struct mn_adjuster *adj,
           FILE *limits, FILE *meta)
{
  struct mn_error e;
  if (mn_adjuster_fit (adj, &e) < 0)
    {
      mn_run_fail (run, &e, MN_EXIT_DATA);
      return;
    }
  mn_adjuster_write (adj, a->table.digits, run->out[0].fp);
  if (limits)
    mn_adjuster_write_limits (adj, limits);
  if (meta)
    write_meta (a, run, adj, meta);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-adjust");
  struct args a = { .argc = argc, .argv = argv, .table.kind = "adjusted",
                    .adjust = { .prior = MN_BB_ML, .level = NAN,
                                .target = NAN,
                                .inflation = MN_FUNNEL_ADDITIVE } };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);

  struct mn_adjuster *adj = mn_adjuster_new (&a.adjust);
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  run.bind = adjust_bind;
  run.row = adjust_row;
  run.ctx = adj;
  struct mn_output *limits = mn_run_table_output (&run, a.limits);
  char *meta_path = mn_table_meta_path (&a.table, a.common.output);
  struct mn_output *meta = mn_run_output (&run, meta_path);
  mn_run_open (&run);
  mn_run_inputs (&run);
  if (!run.failed)
    write_all (&run, &a, adj, limits ? limits->fp : NULL,
               meta ? meta->fp : NULL);
  mn_run_commit (&run);

  free (meta_path);
  mn_adjuster_free (adj);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

/* minyi-score - per-cadre satisfaction rates with confidence intervals.  */
#include <argp.h>
#include <error.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "io/csvout.h"
#include "io/input.h"
#include "io/provenance.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "prog/tableopts.h"
#include "survey/codebook.h"
#include "survey/load.h"
#include "survey/score.h"
#include "table/scoretab.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-score");

enum
{
  OPT_DONT_KNOW = 0x200,
  OPT_DK_ANSWERS,
  OPT_GROUP_WEIGHTS,
  OPT_RESPONDENT,
  OPT_STANDARDIZE,
  OPT_LIST_COLUMNS
};

struct args
{
  struct mn_common_opts common;
  const char *codebook;
  const char *item, *satisfied, *dk_answers;
  const char *rate_item;
  char **group;
  size_t ngroup;
  char **stratum;
  size_t nstratum;
  bool dk_unsatisfied;
  enum mn_ci_method method;
  double level;
  const char *weight, *group_weights, *respondent;
  struct mn_table_opts table;
  int argc;
  char **argv;
  char **files;
  size_t nfiles, filescap;
  unsigned threads;             /* --threads; 0: one per processor */
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("What to score:"), 1 },
  { "codebook", 'c', "FILE", 0,
    N_("the items, their scales and satisfied answers (minyi-formats(5))"), 0 },
  { "item", 'i', "COLUMN", 0,
    N_("without a codebook: score the single item in COLUMN"), 0 },
  { "satisfied", 's', "ANSWERS", 0,
    N_("with --item: the answers that count as satisfied, separated by "
    "'|'; a range of whole numbers such as 4..5 may stand for several"),
    0 },
  { "dont-know-answers", OPT_DK_ANSWERS, "ANSWERS", 0,
    N_("with --item: the answers that mean \"don't know\""), 0 },
  { "rate-item", 'r', "ITEM", 0,
    N_("the codebook item whose satisfied share is the rate (default: the "
    "first item)"), 0 },
  { "dont-know", OPT_DONT_KNOW, "POLICY", 0,
    N_("'exclude' (default) leaves \"don't know\" answers out of the rate's "
    "denominator; 'unsatisfied' counts them as not satisfied"), 0 },
  { NULL, 0, NULL, 0, N_("Grouping and intervals:"), 2 },
  { "group", 'g', "COLUMNS", 0,
    N_("group by these comma-separated columns, names or 1-based numbers "
    "(default 'cadre'); may be repeated"), 0 },
  { "method", 'm', "NAME", 0,
    N_("interval method: wilson (default), exact, jeffreys, agresti-coull, "
    "wald"), 0 },
  { "level", 'l', "P", 0, N_("confidence level, 0 < P < 1 (default 0.95)"), 0 },
  { "standardize-by", OPT_STANDARDIZE, "COLUMNS", 0,
    N_("indirect standardisation for the respondents' strata in these "
    "comma-separated columns (such as township or village): the std_ "
    "columns"), 0 },
  { NULL, 0, NULL, 0, N_("Weights:"), 3 },
  { "weight", 'w', "COLUMN", 0,
    N_("survey weights in COLUMN: Hajek estimates, linearisation standard "
    "errors, intervals on Kish's effective sample size"), 0 },
  { "group-weights", OPT_GROUP_WEIGHTS, "SHARES", 0,
    N_("respondent-group weighting: fixed shares such as "
    "villager=0.6,group_leader=0.2,village_cadre=0.2 (summing to 1), or a "
    "CSV file with columns group and share, give the composite rate "
    "grate"), 0 },
  { "respondent-type", OPT_RESPONDENT, "COLUMN", 0,
    N_("with --group-weights: the column of each respondent's group "
    "(default 'respondent_type')"), 0 },
  { "list-columns", OPT_LIST_COLUMNS, NULL, 0,
    N_("list the score table's columns, their types and meanings, and "
    "exit"), 40 },
  { "threads", 'j', "N", 0,
    N_("read a large file on N threads, 1 to 256 (default: one per "
    "processor available); the table does not depend on it"), 40 },
  { 0 }
};

/* Add the comma-separated columns of OPT's ARG to *V (*N of them).  */
static void
add_columns (char ***v, size_t *nv, const char *opt, const char *arg,
             struct argp_state *state)
{
  const char *p = arg;
  for (;;)
    {
      size_t n = strcspn (p, ",");
      if (n == 0)
        argp_error (state, _("empty column name in %s '%s'"), opt, arg);
      for (size_t i = 0; i < *nv; i++)
        if (strlen ((*v)[i]) == n && memcmp ((*v)[i], p, n) == 0)
          argp_error (state, _("column '%.*s' named twice in %s"),
                      (int) n, p, opt);
      *v = xrealloc (*v, (*nv + 1) * sizeof **v);
      (*v)[(*nv)++] = xmemdup0 (p, n);
      if (!p[n])
        break;
      p += n + 1;
    }
}

/* --list-columns: the schema of lib/scoretab.c, as minyi-formats(5)
   lists it.  */
static void
list_columns (void)
{
  static const char *const when[] = {
    [MN_ST_ALWAYS] = "always", [MN_ST_WEIGHTED] = "weighted",
    [MN_ST_SCORED] = "scored", [MN_ST_PER_ITEM] = "scored",
    [MN_ST_RGROUPS] = "group-weights",
    [MN_ST_STANDARDIZED] = "standardize-by",
    [MN_ST_ADJUSTED] = "adjusted" };
  static const char *const type[] = {
    [MN_ST_COUNT] = "count", [MN_ST_REAL] = "real", [MN_ST_TEXT] = "text" };
  puts ("column,type,present,meaning");
  puts ("KEY,text,always,one column per --group key");
  for (int s = 0; s < MN_SC_NSTAT; s++)
    {
      const struct mn_st_def *d = &mn_st_defs[s];
      printf ("%s%s,%s,%s,", d->when == MN_ST_PER_ITEM ? "ITEM" : "",
              d->name, type[d->type], when[d->when]);
      mn_csv_str (stdout, d->meaning, ',');
      putchar ('\n');
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
      state->child_inputs[2] = &a->table;
      state->child_inputs[3] = &a->common;
      state->child_inputs[4] = &a->common;
      break;
    case 'c':
      a->codebook = arg;
      break;
    case 'i':
      a->item = arg;
      break;
    case 's':
      a->satisfied = arg;
      break;
    case OPT_DK_ANSWERS:
      a->dk_answers = arg;
      break;
    case 'r':
      a->rate_item = arg;
      break;
    case OPT_DONT_KNOW:
      if (strcmp (arg, "exclude") == 0)
        a->dk_unsatisfied = false;
      else if (strcmp (arg, "unsatisfied") == 0)
        a->dk_unsatisfied = true;
      else
        argp_error (state, _("--dont-know must be 'exclude' or "
                           "'unsatisfied', not '%s'"), arg);
      break;
    case 'g':
      add_columns (&a->group, &a->ngroup, "--group", arg, state);
      break;
    case OPT_STANDARDIZE:
      add_columns (&a->stratum, &a->nstratum, "--standardize-by", arg,
                   state);
      break;
    case 'm':
      if (mn_ci_method_parse (arg, &a->method) < 0)
        argp_error (state, _("unknown interval method '%s'"), arg);
      break;
    case 'l':
      a->level = mn_arg_prop (arg, N_("level"), state);
      break;
    case 'w':
      a->weight = arg;
      break;
    case OPT_GROUP_WEIGHTS:
      a->group_weights = arg;
      break;
    case OPT_RESPONDENT:
      a->respondent = arg;
      break;
    case 'j':
      a->threads = (unsigned) mn_arg_long (arg, 1, 256, "--threads", state);
      break;
    case OPT_LIST_COLUMNS:
      /* Like --version: print and exit, whatever else is given (standard
         output is closed and checked at exit, by mn_program_init's
         handler).  */
      list_columns ();
      exit (MN_EXIT_OK);
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      mn_table_check (&a->table, &a->common, state);
      mn_common_check_stdin (state, a->files, a->nfiles,
                             (const char *[]) { "--codebook",
                                                "--group-weights" },
                             (const char *[]) { a->codebook,
                                                a->group_weights }, 2);
      if (!a->codebook && !a->item)
        argp_error (state, _("give a --codebook, or an --item with its "
                           "--satisfied answers"));
      if (a->codebook && (a->item || a->satisfied || a->dk_answers))
        argp_error (state, _("--item, --satisfied and --dont-know-answers "
                           "go without --codebook"));
      if (a->item && !a->satisfied)
        argp_error (state, _("--item needs --satisfied"));
      if (a->rate_item && !a->codebook)
        argp_error (state, _("--rate-item needs --codebook"));
      if (a->nstratum && a->table.partial)
        argp_error (state, _("--standardize-by cannot make a --partial "
                           "table: a partial does not carry the strata"));
      if (a->respondent && !a->group_weights)
        argp_error (state, _("--respondent-type goes with --group-weights"));
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  N_("Score survey responses per cadre: the share of satisfied answers with "
  "its confidence interval, item means and a composite index.\v"
  "With no FILE, or when FILE is -, read standard input.  The score "
  "table, one row per group in byte order of the keys, goes to standard "
  "output; see minyi-formats(5).\n\n"
  "Exit status: 0 if every record was used, 1 if records were rejected "
  "or the input is invalid, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-score -c data/codebook.csv data/survey.csv"),
  mn_table_progress_children, mn_help_filter, MN_DOMAIN
};

/* The run's callbacks: bind each input to the scorer, score its
   records.  */
static int
score_bind (void *scorer, struct mn_input *in, struct mn_error *e)
{
  return mn_scorer_bind (scorer, in, e);
}

static int
score_row (void *scorer, const struct mn_input *in,
           const struct mn_record *rec, struct mn_error *e)
{
  int r = mn_scorer_add (scorer, rec, in->name, e) == 0 ? MN_SCAN_USE
                                                        : MN_SCAN_REJECT;
  /* A range whose group key is nearly unique stops, and with it the
     threads: the file is read again on one, which is faster then.  */
  return mn_scorer_spread (scorer) ? MN_SCAN_STOP : r;
}

/* A large file read on several threads: a scorer per byte range, bound
   as the main one, folded into it at the end.  */
static void *
score_fork (void *scorer, const struct mn_input *in, struct mn_error *e)
{
  return mn_scorer_fork (scorer, in, e);
}

static int
score_merge (void *scorer, void *part)
{
  return mn_scorer_merge (scorer, part);
}

static void
score_drop (void *part)
{
  mn_scorer_free (part);
}

/* Load the respondent-group shares into SPEC, and the codebook or the
   one-item codebook of --item into CB (SPEC's); make the scorer.  Returns it, or NULL
   with RUN failed.  */
static struct mn_scorer *
load (struct mn_run *run, const struct args *a, struct mn_codebook *cb,
      struct mn_score_spec *spec)
{
  struct mn_error e;
  if (a->group_weights)
    {
      spec->rgroup = a->respondent ? a->respondent : "respondent_type";
      if (mn_load_rgroups (spec, a->group_weights, &e) < 0)
        {
          /* GROUP=SHARE,... of the option is a usage error; a file's
             data is a data problem, as a codebook's or margins'.  */
          bool option = !e.file;
          if (option)
            e.file = "--group-weights";
          mn_run_fail (run, &e, option ? MN_EXIT_USAGE : MN_EXIT_AUTO);
          return NULL;
        }
    }
  /* Without a codebook the item comes from the options.  */
  if (!a->codebook
      && mn_codebook_single (cb, a->item, a->satisfied,
                             a->dk_answers, &e) < 0)
    mn_run_fail (run, &e, MN_EXIT_USAGE);
  else if (a->codebook
           && mn_load_codebook (cb, a->codebook, NULL, &e) < 0)
    mn_run_fail (run, &e, e.reason == MN_R_USAGE ? MN_EXIT_USAGE
                                                 : MN_EXIT_AUTO);
  if (run->failed)
    return NULL;
  long k = a->rate_item ? mn_codebook_item (cb, a->rate_item, a->codebook,
                                            &e) : 0;
  if (k < 0)
    {
      mn_run_fail (run, &e, MN_EXIT_USAGE);
      return NULL;
    }
  spec->rate_item = (size_t) k;
  struct mn_scorer *scorer = mn_scorer_new (spec, &e);
  if (!scorer)
    mn_run_fail (run, &e, MN_EXIT_USAGE);
  return scorer;
}

/* The provenance of the table, written to OUT (borrowed).  */
static void
write_meta (const struct args *a, const struct mn_run *run,
            const struct mn_scorer *scorer,
            const struct mn_score_spec *spec, FILE *out)
{
  char level[MN_NUM_BUFSIZE], groups[32], shares[1024] = "";
  mn_num_format (level, sizeof level, a->level, 0);
  snprintf (groups, sizeof groups, "%zu", mn_scorer_groups (scorer));
  for (size_t i = 0, n = 0; i < spec->nrgroup && n < sizeof shares; i++)
    {
      char s[MN_NUM_BUFSIZE];
      mn_num_format (s, sizeof s, spec->rgroup_share[i], 0);
      n += (size_t) snprintf (shares + n, sizeof shares - n, "%s%s=%s",
                              i ? "|" : "", spec->rgroup_name[i], s);
    }
  char *group = mn_table_join_names (spec->group, spec->ngroup);
  char *strata = mn_table_join_names (spec->stratum, spec->nstratum);
  char nstrata[32];
  snprintf (nstrata, sizeof nstrata, "%zu", mn_scorer_strata (scorer));
  const char *facts[] = {
    "codebook", a->codebook ? a->codebook : "",
    "item", a->item ? a->item : spec->cb->item[spec->rate_item].id,
    "method", mn_ci_method_name (a->method),
    "level", level,
    "dont_know", a->dk_unsatisfied ? "unsatisfied" : "exclude",
    "group", group,
    "weight", a->weight ? a->weight : "",
    "group_weights", shares,
    "groups", groups,
    "standardize_by", strata,
    "strata", spec->nstratum ? nstrata : "",
  };
  mn_table_write_meta (&a->table, "minyi-score", a->argc, a->argv, run,
                       facts, sizeof facts / sizeof *facts / 2, out);
  free (group);
  free (strata);
}

/* The table to the main output, the provenance to META (may be NULL).  */
static void
write_table (struct mn_run *run, const struct args *a,
             const struct mn_scorer *scorer,
             const struct mn_score_spec *spec, FILE *meta)
{
  struct mn_error e;
  if (mn_scorer_write (scorer, a->table.digits, a->table.partial,
                       run->out[0].fp, &e) < 0)
    mn_run_fail (run, &e, MN_EXIT_DATA);
  else if (meta)
    write_meta (a, run, scorer, spec, meta);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-score");
  struct args a = { .method = MN_CI_WILSON, .level = 0.95 };
  mn_common_init (&a.common);
  a.argc = argc;
  a.argv = argv;
  argp_parse (&argp, argc, argv, 0, NULL, &a);
  static char *default_group[] = { "cadre" };

  struct mn_codebook cb = { 0 };
  struct mn_score_spec spec = {
    .cb = &cb, .dk_unsatisfied = a.dk_unsatisfied, .method = a.method,
    .level = a.level, .group = a.ngroup ? a.group : default_group,
    .ngroup = a.ngroup ? a.ngroup : 1, .na = &a.common.na,
    .stratum = a.stratum, .nstratum = a.nstratum,
    .weight = a.weight
  };
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  mn_run_progress (&run, &a.common);
  mn_run_reads (&run, a.codebook);
  mn_run_reads (&run, a.group_weights);   /* a file, or GROUP=SHARE,... */
  struct mn_scorer *scorer = load (&run, &a, &cb, &spec);
  run.bind = score_bind;
  run.row = score_row;
  run.ctx = scorer;
  run.threads = a.threads;
  if (!a.nstratum)              /* strata are not merged: one thread */
    {
      run.fork = score_fork;
      run.merge = score_merge;
      run.drop = score_drop;
    }
  char *meta_path = mn_table_meta_path (&a.table, a.common.output);
  struct mn_output *meta = mn_run_output (&run, meta_path);
  mn_run_open (&run);
  mn_run_inputs (&run);
  if (!run.failed)
    write_table (&run, &a, scorer, &spec, meta ? meta->fp : NULL);
  mn_run_commit (&run);
  free (meta_path);

  mn_scorer_free (scorer);
  mn_score_spec_release (&spec);
  mn_codebook_release (&cb);
  for (size_t i = 0; i < a.ngroup; i++)
    free (a.group[i]);
  free (a.group);
  for (size_t i = 0; i < a.nstratum; i++)
    free (a.stratum[i]);
  free (a.stratum);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

/* minyi-trend - what changed between two waves: each cadre's change of
   rate with Newcombe's interval, rises and drops flagged.  */
#include <argp.h>
#include <error.h>
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
#include "table/trend.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-trend");

enum
{
  OPT_WAVE = 0x200,
  OPT_IGNORE_KEY
};

struct args
{
  struct mn_common_opts common;
  struct mn_table_opts table;
  struct mn_trend_opts trend;
  char *wave;                   /* owned: COLUMN of --wave */
  char **ignore;
  size_t nignore;
  int argc;
  char **argv;
  char **files;
  size_t nfiles, filescap;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("The waves:"), 1 },
  { "wave", OPT_WAVE, "COLUMN=FIRST,SECOND", 0,
    N_("the two waves are the rows whose key COLUMN is FIRST and SECOND, as "
    "in a table grouped by wave,cadre (default: two tables, the first "
    "wave's and the second's)"), 0 },
  { "ignore-key", OPT_IGNORE_KEY, "COLUMN", 0,
    N_("leave the key COLUMN out of the join (such as the wave column of two "
    "tables grouped by wave,cadre); may be repeated"), 0 },
  { "level", 'l', "P", 0,
    N_("level of the difference's interval, 0 < P < 1 (default 0.95)"), 0 },
  { 0 }
};

/* --wave COLUMN=FIRST,SECOND.  */
static void
parse_wave (struct args *a, const char *arg, struct argp_state *state)
{
  const char *eq = strchr (arg, '=');
  const char *comma = eq ? strchr (eq + 1, ',') : NULL;
  if (!eq || eq == arg || !comma || comma == eq + 1 || !comma[1]
      || strchr (comma + 1, ','))
    argp_error (state, _("--wave must be COLUMN=FIRST,SECOND, not '%s'"), arg);
  free (a->wave);
  a->wave = xstrdup (arg);
  a->wave[eq - arg] = '\0';
  a->wave[comma - arg] = '\0';
  a->trend.wave = a->wave;
  a->trend.first = a->wave + (eq - arg) + 1;
  a->trend.second = a->wave + (comma - arg) + 1;
  if (strcmp (a->trend.first, a->trend.second) == 0)
    argp_error (state, _("--wave names the wave '%s' twice"), a->trend.first);
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
    case OPT_WAVE:
      parse_wave (a, arg, state);
      break;
    case OPT_IGNORE_KEY:
      a->ignore = xrealloc (a->ignore, (a->nignore + 1) * sizeof *a->ignore);
      a->ignore[a->nignore++] = arg;
      break;
    case 'l':
      a->trend.level = mn_arg_prop (arg, N_("level"), state);
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      mn_table_check (&a->table, &a->common, state);
      if (!a->wave && a->nfiles != 2)
        argp_error (state, _("give two score tables, the first wave's and "
                           "the second's, or one with --wave"));
      if (!a->wave && mn_output_same (a->files[0], a->files[1]))
        argp_error (state, _("'%s' and '%s' are the same table: compare two "
                           "waves"), a->files[0], a->files[1]);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "FIRST SECOND\n--wave=COLUMN=FIRST,SECOND [FILE...]",
  N_("Compare two waves of score tables: each key's change of rate, second "
  "minus first, with Newcombe's hybrid score interval, and whether it is "
  "a significant rise or drop.\v"
  "The comparison, one row per key of either wave in byte order (keys of "
  "one wave only included and said so), goes to standard output; see "
  "minyi-formats(5).\n\n"
  "Exit status: 0 if every row was compared, 1 if rows were rejected, "
  "no key is in both waves (the table still written) or a table is "
  "invalid, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-trend --wave wave=2026Q1,2026Q2 scores.csv"),
  mn_table_children_exact, mn_help_filter, MN_DOMAIN
};

static int
trend_bind (void *t, struct mn_input *in, struct mn_error *e)
{
  return mn_trend_bind (t, in, e);
}

static int
trend_row (void *t, const struct mn_input *in, const struct mn_record *rec,
           struct mn_error *e)
{
  return mn_trend_add (t, rec, in->name, e) < 0 ? MN_SCAN_REJECT
                                                : MN_SCAN_USE;
}

/* The provenance: the waves, the join and what was found.  */
static void
write_meta (const struct args *a, const struct mn_run *run,
            const struct mn_trend *t, FILE *out)
{
  struct mn_trend_summary s;
  mn_trend_summary (t, &s);
  char num[9][32], level[MN_NUM_BUFSIZE];
  size_t v[] = { s.keys, s.both, s.first_only, s.second_only, s.rises,
                 s.drops, s.steady, s.no_answers, s.other_rows };
  for (size_t i = 0; i < 9; i++)
    snprintf (num[i], sizeof num[i], "%zu", v[i]);
  mn_num_format (level, sizeof level, a->trend.level, 0);
  char *ignored = mn_table_join_names (a->ignore, a->nignore);
  const char *facts[] = {
    "interval", "newcombe hybrid score (Wilson)",
    "level", level,
    "counts", s.weighted ? "effective (neff, neff rate)" : "n, sat",
    "wave_column", a->wave ? a->wave : "",
    "first", a->wave ? a->trend.first : a->files[0],
    "second", a->wave ? a->trend.second : a->files[1],
    "ignored_keys", ignored,
    "keys", num[0], "in_both", num[1], "first_only", num[2],
    "second_only", num[3], "rises", num[4], "drops", num[5],
    "steady", num[6], "no_answers", num[7], "other_wave_rows", num[8],
  };
  mn_table_write_meta (&a->table, "minyi-trend", a->argc, a->argv, run,
                       facts, sizeof facts / sizeof *facts / 2, out);
  free (ignored);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-trend");
  struct args a = { .argc = argc, .argv = argv, .table.kind = "trend",
                    .trend.level = 0.95 };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);
  a.trend.ignore = a.ignore;
  a.trend.nignore = a.nignore;

  struct mn_trend *t = mn_trend_new (&a.trend);
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  run.bind = trend_bind;
  run.row = trend_row;
  run.ctx = t;
  char *meta_path = mn_table_meta_path (&a.table, a.common.output);
  struct mn_output *meta = mn_run_output (&run, meta_path);
  mn_run_open (&run);
  mn_run_inputs (&run);
  struct mn_error e;
  if (!run.failed && mn_trend_check (t, &e) < 0)
    mn_run_fail (&run, &e, MN_EXIT_DATA);
  if (!run.failed)
    {
      mn_trend_write (t, a.table.digits, run.out[0].fp);
      if (meta)
        write_meta (&a, &run, t, meta->fp);
      struct mn_trend_summary s;
      mn_trend_summary (t, &s);
      /* Nothing compared: every key in one wave only, as when tables
         keyed by their wave are joined on it.  The table is written (it
         says so, row by row), but the run failed its purpose: status 1,
         for a script that does not read the table.  */
      if (s.both == 0 && (s.first_only || s.second_only))
        {
          if (!a.common.quiet && (!s.first_only || !s.second_only))
            error (0, 0, _("no key is in both waves: the %s wave has no "
                           "rows"), !s.first_only ? _("first") : _("second"));
          else if (!a.common.quiet && a.wave)
            /* --wave leaves the wave column out of the keys already.  */
            error (0, 0, _("no key is in both waves: each has rows in one "
                           "wave only"));
          else if (!a.common.quiet)
            error (0, 0, _("no key is in both waves: are the tables keyed "
                           "by their wave too (--ignore-key COLUMN)?"));
          mn_run_keep (&run, MN_EXIT_DATA);
        }
    }
  mn_run_commit (&run);

  free (meta_path);
  mn_trend_free (t);
  free (a.wave);
  free (a.ignore);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

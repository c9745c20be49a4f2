/* minyi-deadline - electronic supervision (电子监察) of a service centre's
   log: working days used and left, the early-warning list, and per
   department a score table of completion on time.  */
#include <argp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "prog/tableopts.h"
#include "service/caltime.h"
#include "service/deadline.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-deadline");

enum
{
  OPT_CALENDAR = 0x200,
  OPT_CATALOGUE,
  OPT_RULES,
  OPT_AS_OF,
  OPT_LIMIT,
  OPT_WARN,
  OPT_FROM,
  OPT_TO,
  OPT_BY_WINDOW,
  OPT_WARNINGS,
  OPT_ITEMS
};

struct args
{
  struct mn_common_opts common;
  struct mn_table_opts table;
  const char *catalogue, *calendar, *rules;
  const char *as_of, *from, *to;        /* as given, for the provenance */
  const char *warnings, *items;
  long warn;                            /* -1: the rules' */
  struct mn_deadline_opts o;
  int argc;
  char **argv;
  char **files;
  size_t nfiles, filescap;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("What the log is judged by:"), 1 },
  { "catalogue", OPT_CATALOGUE, "FILE", 0,
    N_("the service catalogue: each service's department and time limits "
    "(minyi-formats(5))"), 0 },
  { "calendar", OPT_CALENDAR, "FILE", 0,
    N_("the working calendar: holidays and worked weekend days"), 0 },
  { "rules", OPT_RULES, "FILE", 0,
    N_("the penalty rules: points, warning days, closing time"), 0 },
  { "limit", OPT_LIMIT, "WHICH", 0,
    N_("count against the 'promised' limit (the default) or the "
    "'statutory' one"), 0 },
  { "as-of", OPT_AS_OF, "TIME", 0,
    N_("judge the log at TIME, Beijing time, such as 2014-10-01 or "
    "'2014-09-30 17:00' (default: now)"), 0 },
  { "warn", OPT_WARN, "N", 0,
    N_("an open item with N working days left or fewer is due soon "
    "(default: the rules' warn_days)"), 0 },
  { NULL, 0, NULL, 0, N_("The department table:"), 2 },
  { "from", OPT_FROM, "DATE", 0,
    N_("count the items received on DATE or later"), 0 },
  { "to", OPT_TO, "DATE", 0, N_("count the items received on DATE or before"),
    0 },
  { "by-window", OPT_BY_WINDOW, NULL, 0,
    N_("one row per department and window (the log's column window)"), 0 },
  { "method", 'm', "NAME", 0,
    N_("interval method of the on-time rate: wilson (default), exact, "
    "jeffreys, agresti-coull, wald"), 0 },
  { "level", 'l', "P", 0, N_("confidence level, 0 < P < 1 (default 0.95)"), 0 },
  { NULL, 0, NULL, 0, N_("Item lists:"), 3 },
  { "warnings", OPT_WARNINGS, "FILE", 0,
    N_("write the early-warning list, the open items most urgent first, to "
    "FILE"), 0 },
  { "items", OPT_ITEMS, "FILE", 0,
    N_("write every item with its deadline, working days and status to "
    "FILE"), 0 },
  { 0 }
};

/* A date of --from or --to: its day number.  */
static long
parse_date (const char *arg, const char *opt, struct argp_state *state)
{
  long long t;
  char why[256];
  if (mn_time_parse (arg, strlen (arg), &t, why, sizeof why) < 0)
    argp_error (state, "%s '%s': %s", opt, arg, why);
  if (mn_time_secs (t) != 0)
    argp_error (state, _("%s '%s' is not a date"), opt, arg);
  return mn_time_day (t);
}

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  char why[256];
  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &a->common;
      state->child_inputs[1] = &a->table;
      state->child_inputs[2] = &a->common;
      break;
    case OPT_CATALOGUE:
      a->catalogue = arg;
      break;
    case OPT_CALENDAR:
      a->calendar = arg;
      break;
    case OPT_RULES:
      a->rules = arg;
      break;
    case OPT_LIMIT:
      if (strcmp (arg, "promised") != 0 && strcmp (arg, "statutory") != 0)
        argp_error (state, _("--limit must be 'promised' or 'statutory', "
                           "not '%s'"), arg);
      a->o.statutory = arg[0] == 's';
      break;
    case OPT_AS_OF:
      if (mn_time_parse (arg, strlen (arg), &a->o.as_of, why, sizeof why)
          < 0)
        argp_error (state, _("--as-of '%s': %s"), arg, why);
      a->as_of = arg;
      break;
    case OPT_WARN:
      if (mn_parse_long (arg, 0, 366, &a->warn) != 0)
        argp_error (state, _("--warn must be a whole number 0..366, not '%s'"),
                    arg);
      break;
    case OPT_FROM:
      a->o.from = parse_date (arg, "--from", state);
      a->from = arg;
      break;
    case OPT_TO:
      a->o.to = parse_date (arg, "--to", state);
      a->to = arg;
      break;
    case OPT_BY_WINDOW:
      a->o.by_window = true;
      break;
    case 'm':
      if (mn_ci_method_parse (arg, &a->o.method) < 0)
        argp_error (state, _("unknown interval method '%s'"), arg);
      break;
    case 'l':
      a->o.level = mn_arg_prop (arg, N_("level"), state);
      break;
    case OPT_WARNINGS:
      a->warnings = arg;
      break;
    case OPT_ITEMS:
      a->items = arg;
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      if (!a->catalogue || !a->calendar || !a->rules)
        argp_error (state, _("give the --catalogue, the --calendar and the "
                           "--rules"));
      if (a->o.from > a->o.to)
        argp_error (state, _("--from %s is after --to %s"), a->from, a->to);
      mn_table_check (&a->table, &a->common, state);
      mn_common_check_output (&a->common, "--warnings", a->warnings, state);
      mn_common_check_output (&a->common, "--items", a->items, state);
      if (a->warnings && a->items && mn_output_same (a->warnings, a->items))
        argp_error (state, _("--warnings and --items name the same file"));
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[LOG...]",
  N_("Supervise a service centre's deadlines: each application's working "
  "days used and left against its limit, the early-warning list of open "
  "items, and per department the on-time rate with its interval, the "
  "median and 90th percentile of working days, and penalty points.\v"
  "With no LOG, or when LOG is -, read standard input.  The department "
  "table, a score table with group department, goes to standard output; "
  "see minyi-formats(5) and minyi-deadline(1) for how working days are "
  "counted.\n\n"
  "Exit status: 0 if every record was used, 1 if records were rejected "
  "or the input is invalid, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-deadline -c data/catalogue.csv --calendar data/calendar-2014.csv "
  "-p data/penalty.csv --as-of 2014-10-01 data/service-log.csv"),
  mn_table_children_exact, mn_help_filter, MN_DOMAIN
};

/* The run's callbacks.  */
static int
deadline_bind (void *d, struct mn_input *in, struct mn_error *e)
{
  return mn_deadline_bind (d, in, e);
}

static int
deadline_row (void *d, const struct mn_input *in,
              const struct mn_record *rec, struct mn_error *e)
{
  return mn_deadline_add (d, rec, in->name, e) == 0 ? MN_SCAN_USE
                                                    : MN_SCAN_REJECT;
}

/* The calendar, catalogue and rules; -1 with RUN failed.  */
static int
load (struct mn_run *run, const struct args *a, struct mn_calendar *cal,
      struct mn_catalogue *cat, struct mn_rules *rules)
{
  struct mn_error e;
  if (mn_calendar_load (cal, a->calendar, &e) < 0
      || mn_catalogue_load (cat, a->catalogue, &e) < 0
      || mn_rules_load (rules, a->rules, &e) < 0)
    return mn_run_fail (run, &e, e.reason == MN_R_SYSTEM ? MN_EXIT_USAGE
                                                         : MN_EXIT_DATA);
  return 0;
}

/* The provenance of the table.  */
static void
write_meta (const struct args *a, const struct mn_run *run,
            const struct mn_deadline *d, FILE *out)
{
  struct mn_deadline_summary s;
  mn_deadline_summary (d, &s);
  char asof[MN_TIME_BUFSIZE], level[MN_NUM_BUFSIZE], warn[32], closing[40];
  char n[6][32];
  mn_num_format (level, sizeof level, a->o.level, 0);
  snprintf (warn, sizeof warn, "%ld", a->o.warn);
  snprintf (closing, sizeof closing, "%02ld:%02ld",
            a->o.rules->closing / 3600, a->o.rules->closing / 60 % 60);
  unsigned long v[6] = { s.in_period, s.items - s.in_period, s.completed,
                         s.on_time, s.open, s.overdue };
  for (int i = 0; i < 6; i++)
    snprintf (n[i], sizeof n[i], "%lu", v[i]);
  const char *facts[] = {
    "calendar", a->calendar,
    "catalogue", a->catalogue,
    "rules", a->rules,
    "limit", a->o.statutory ? "statutory" : "promised",
    "as_of", mn_time_format (asof, a->o.as_of),
    "warn_days", warn,
    "closing_time", closing,
    "from", a->from ? a->from : "",
    "to", a->to ? a->to : "",
    "group", a->o.by_window ? "department|window" : "department",
    "method", mn_ci_method_name (a->o.method),
    "level", level,
    "quantiles", "type 7 (Hyndman and Fan 1996; R's default)",
    "items_in_period", n[0],
    "items_outside_period", n[1],
    "completed", n[2],
    "on_time", n[3],
    "open", n[4],
    "overdue", n[5],
  };
  mn_table_write_meta (&a->table, "minyi-deadline", a->argc, a->argv, run,
                       facts, sizeof facts / sizeof *facts / 2, out);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-deadline");
  struct args a = { .argc = argc, .argv = argv, .warn = -1,
                    .table.kind = "deadline",
                    .o = { .from = MN_DAY_MIN, .to = MN_DAY_MAX,
                           .method = MN_CI_WILSON, .level = 0.95,
                           .as_of = (long long) time (NULL)
                                    + 8 * 3600 } };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);

  struct mn_calendar cal = { 0 };
  struct mn_catalogue cat = { 0 };
  struct mn_rules rules;
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  mn_run_reads (&run, a.catalogue);
  mn_run_reads (&run, a.calendar);
  mn_run_reads (&run, a.rules);
  struct mn_deadline *d = NULL;
  if (load (&run, &a, &cal, &cat, &rules) == 0)
    {
      a.o.cal = &cal;
      a.o.cat = &cat;
      a.o.rules = &rules;
      a.o.warn = a.warn >= 0 ? a.warn : rules.warn_days;
    }
  struct mn_output *warnings = mn_run_table_output (&run, a.warnings);
  struct mn_output *items = mn_run_table_output (&run, a.items);
  char *meta_path = mn_table_meta_path (&a.table, a.common.output);
  struct mn_output *meta = mn_run_output (&run, meta_path);
  if (mn_run_open (&run) == 0)
    {
      a.o.items = items ? items->fp : NULL;
      if (a.o.items)
        mn_deadline_write_item_header (a.o.items);
      d = mn_deadline_new (&a.o);
      run.bind = deadline_bind;
      run.row = deadline_row;
      run.ctx = d;
    }
  mn_run_inputs (&run);
  struct mn_error e;
  if (!run.failed
      && mn_deadline_write_table (d, a.table.digits, run.out[0].fp, &e) < 0)
    mn_run_fail (&run, &e, MN_EXIT_USAGE);
  if (!run.failed && warnings)
    mn_deadline_write_warnings (d, warnings->fp);
  if (!run.failed && meta)
    write_meta (&a, &run, d, meta->fp);
  mn_run_commit (&run);

  free (meta_path);
  mn_deadline_free (d);
  mn_catalogue_release (&cat);
  mn_calendar_release (&cal);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

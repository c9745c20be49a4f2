/* minyi-check - validate and clean survey exports, with nothing lost.  */
#include <argp.h>
#include <stdalign.h>
#include <stddef.h>
#include <error.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/input.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "survey/check.h"
#include "survey/codebook.h"
#include "survey/columns.h"
#include "survey/load.h"
#include "survey/roster.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-check");

enum
{
  OPT_WAVE = 0x200,
  OPT_CADRE,
  OPT_HOUSEHOLD,
  OPT_TOWNSHIP,
  OPT_VILLAGE,
  OPT_COLLECTOR,
  OPT_MIN_COVERAGE,
  OPT_ALPHA_ITEMS,
  OPT_COLLECTOR_P,
  OPT_REPORT
};

struct args
{
  struct mn_common_opts common;
  struct mn_check_spec spec;
  const char *codebook, *roster, *report;
  unsigned threads;             /* --threads; 0: two when there are two
                                   processors */
  char **alpha;
  char **files;
  size_t nfiles, filescap;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("What to check against:"), 1 },
  { "codebook", 'c', "FILE", 0,
    N_("the items and their scales (minyi-formats(5)); required"), 0 },
  { "roster", 'R', "FILE", 0,
    N_("the cadre roster: reject unknown cadres and households outside a "
    "cadre's township or villages; report coverage"), 0 },
  { NULL, 0, NULL, 0, N_("Columns (a name or a 1-based number):"), 2 },
  { "wave", OPT_WAVE, "COLUMN", 0, N_("survey wave (default 'wave')"), 0 },
  { "cadre", OPT_CADRE, "COLUMN", 0, N_("cadre id (default 'cadre')"), 0 },
  { "household", OPT_HOUSEHOLD, "COLUMN", 0,
    N_("household id (default 'household')"), 0 },
  { "township", OPT_TOWNSHIP, "COLUMN", 0,
    N_("township, when present (default 'township'); naming it makes it "
    "required"), 0 },
  { "village", OPT_VILLAGE, "COLUMN", 0,
    N_("village, when present (default 'village'); naming it makes it "
    "required"), 0 },
  { "collector", OPT_COLLECTOR, "COLUMN", 0,
    N_("data collector, when present (default 'collector'); naming it "
    "makes it required"), 0 },
  { "weight", 'w', "COLUMN", 0,
    N_("survey weight, when present (default 'weight'); naming it makes it "
    "required"), 0 },
  { NULL, 0, NULL, 0, N_("Report:"), 3 },
  { "report", OPT_REPORT, "FILE", 0,
    N_("write the report (counts, coverage, reliability, collectors, "
    "flags) to FILE as CSV"), 0 },
  { "min-coverage", OPT_MIN_COVERAGE, "RATE", 0,
    N_("flag cadres whose responding households are fewer than RATE of "
    "those assigned, per wave (default 0.1)"), 0 },
  { "alpha-items", OPT_ALPHA_ITEMS, "ITEMS", 0,
    N_("comma-separated codebook items for Cronbach's alpha (default: the "
    "items with numeric scales)"), 0 },
  { "level", 'l', "P", 0,
    N_("confidence level of the alpha interval (default 0.95)"), 0 },
  { "collector-p", OPT_COLLECTOR_P, "P", 0,
    N_("flag a collector as implausibly uniform when its Bonferroni-adjusted "
    "p-value is below P (default 0.001)"), 0 },
  { NULL, 0, NULL, 0, N_("Reading:"), 5 },
  { "threads", 'j', "N", 0,
    N_("1: read and check on one thread; 2 or more: read on one thread "
    "and check on another (default: two when this process may run on two "
    "processors)"), 0 },
  { 0 }
};

static double
parse_unit (const char *arg, bool open_top, struct argp_state *state,
            const char *what)
{
  double x;
  if (mn_parse_double (arg, &x) != 0 || x < 0 || x > 1
      || (open_top && (x <= 0 || x >= 1)))
    argp_error (state, open_top
                       ? _("%s must be a number between 0 and 1, not '%s'")
                       : _("%s must be a number from 0 to 1, not '%s'"),
                what, arg);
  return x;
}

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  struct mn_check_spec *s = &a->spec;
  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &a->common;
      state->child_inputs[1] = &a->common;
      state->child_inputs[2] = &a->common;
      break;
    case 'c':
      a->codebook = arg;
      break;
    case 'R':
      a->roster = arg;
      break;
    case 'j':
      a->threads = (unsigned) mn_arg_long (arg, 1, 256, "--threads", state);
      break;
    case OPT_WAVE:
      s->wave = arg;
      break;
    case OPT_CADRE:
      s->cadre = arg;
      break;
    case OPT_HOUSEHOLD:
      s->household = arg;
      break;
    case OPT_TOWNSHIP:
      s->township = arg;
      s->require_township = true;
      break;
    case OPT_VILLAGE:
      s->village = arg;
      s->require_village = true;
      break;
    case OPT_COLLECTOR:
      s->collector = arg;
      s->require_collector = true;
      break;
    case 'w':
      s->weight = arg;
      s->require_weight = true;
      break;
    case OPT_REPORT:
      a->report = arg;
      break;
    case OPT_MIN_COVERAGE:
      s->min_coverage = parse_unit (arg, false, state, "--min-coverage");
      break;
    case OPT_ALPHA_ITEMS:
      for (char *p = strtok (arg, ","); p; p = strtok (NULL, ","))
        {
          a->alpha = xrealloc (a->alpha, (s->nalpha + 1) * sizeof *a->alpha);
          a->alpha[s->nalpha++] = p;
        }
      if (!s->nalpha)
        argp_error (state, _("--alpha-items lists no items"));
      s->alpha_items = (const char *const *) a->alpha;
      break;
    case 'l':
      s->level = parse_unit (arg, true, state, "--level");
      break;
    case OPT_COLLECTOR_P:
      s->collector_p = parse_unit (arg, true, state, "--collector-p");
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      if (!a->codebook)
        argp_error (state, _("a --codebook is required"));
      mn_common_check_stdin (state, a->files, a->nfiles,
                             (const char *[]) { "--codebook", "--roster" },
                             (const char *[]) { a->codebook, a->roster },
                             2);
      mn_common_check_report (&a->common, a->report, state);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  N_("Validate survey exports row by row: write the clean rows to standard "
  "output and every other row, with its line and reason, to the rejects "
  "file; rows read = rows written + rows rejected, per file.\v"
  "With no FILE, or when FILE is -, read standard input.  Input that is "
  "not valid UTF-8 is read as GB18030 unless --encoding says otherwise; "
  "output is UTF-8, with the first file's header once.  The reason codes "
  "and the report are described in minyi-check(1) and minyi-formats(5).\n\n"
  "Exit status: 0 if no row was rejected, 1 if rows were rejected or an "
  "input is unreadable, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-check -c data/codebook.csv -R data/roster.csv --rejects "
  "rejects.csv data/survey.csv > clean.csv"),
  mn_common_table_progress_children, mn_help_filter, MN_DOMAIN
};

/* The program's side of the run.  */
struct prog
{
  struct mn_checker *checker;
  struct mn_columns cols;        /* the first input's columns */
  FILE *out;                     /* the clean rows */
};

/* Bind an input: a problem with the whole input (the checker's, or
   columns unlike the first input's) rejects each of its rows.  */
static int
check_bind (void *ctx, struct mn_input *in, struct mn_error *e)
{
  struct prog *p = ctx;
  bool bad_input = mn_checker_begin (p->checker, in, e) < 0;
  struct mn_error mismatch;
  bool first;
  int matched = mn_columns_match (&p->cols, in, &first, &mismatch);
  if (first)
    mn_columns_write_header (&p->cols, p->out);
  if (matched < 0 && !bad_input)
    {
      *e = mismatch;
      bad_input = true;
    }
  return bad_input ? MN_RUN_WHOLE : 0;
}

/* The first stage of a record's check (on the reading thread when
   there are two): the checker's, into the record's slot (prog/scan.h).
   The row is put together in the second, from the copy of the record
   the first stage hands on anyway: the reading thread has the more
   work, the parsing.  */
static int
check_prepare (void *ctx, const struct mn_input *in,
               const struct mn_record *rec, bool sound, void *slot,
               struct mn_stash *st, struct mn_error *e)
{
  struct prog *p = ctx;
  if (mn_checker_prepare (p->checker, in, rec, sound, slot, st, e) < 0)
    return MN_SCAN_REJECT;
  return MN_SCAN_USE;
}

/* Then, for a batch of records (on the same thread), the duplicate
   check: MN_SCAN_USE is the checker's 0.  */
_Static_assert (MN_SCAN_USE == 0, "check_batch passes statuses as they are");
static void
check_batch (void *ctx, void *const *slot, const int *status, size_t n)
{
  struct prog *p = ctx;
  mn_checker_judge (p->checker, slot, status, n);
}

/* The second: the duplicate check, the statistics; write the row when
   clean.  */
static int
check_finish (void *ctx, const struct mn_record *rec, void *slot,
              int status, struct mn_error *e)
{
  struct prog *p = ctx;
  unsigned flags;
  if (mn_checker_finish (p->checker, rec->line, slot,
                         status == MN_SCAN_REJECT, &flags, e) < 0)
    return MN_SCAN_REJECT;
  mn_columns_write (&p->cols, rec, p->out);
  if (flags)
    mn_checker_flagged (p->checker, rec->line, flags);
  return MN_SCAN_USE;
}

static void
print_summary (const struct args *a, struct mn_checker *checker)
{
  struct mn_check_summary s;
  const struct mn_check_spec *sp = &a->spec;
  mn_checker_summary (checker, &s);
  char waves[512];
  size_t nw = mn_checker_waves (checker, waves, sizeof waves);
  if (nw)
    error (0, 0, dngettext (MN_DOMAIN, "%zu wave: %s", "%zu waves: %s", nw), nw, waves);
  if (s.alpha_k >= 2)
    {
      if (isnan (s.alpha))
        error (0, 0, _("Cronbach's alpha: not defined (%lu complete cases "
                     "of %zu items)"), s.alpha_n, s.alpha_k);
      else
        error (0, 0, _("Cronbach's alpha %.4f (%g%% Feldt interval %.4f to "
                     "%.4f) on %zu items, %lu complete cases, %lu "
                     "incomplete left out"), s.alpha, 100 * sp->level,
               s.alpha_lo, s.alpha_hi, s.alpha_k, s.alpha_n,
               s.alpha_incomplete);
    }
  if (a->roster)
    error (0, 0, _("coverage: %lu cadre-waves heard from fewer than %g%% of "
                 "their households (--min-coverage), %lu from none"),
           s.low_coverage, 100 * sp->min_coverage, s.no_response);
  if (s.straight_lined || s.uniform_collectors)
    error (0, 0, _("flagged: %lu straight-lined rows, %zu implausibly "
                 "uniform collectors (adjusted p < %g)"), s.straight_lined,
           s.uniform_collectors, sp->collector_p);
}

/* Load the codebook and the roster into A's spec; make the checker.
   Returns 0, or -1 with RUN failed.  */
static int
load (struct mn_run *run, struct args *a, struct mn_codebook *cb,
      struct mn_roster *roster, struct prog *p)
{
  struct mn_error e;
  a->spec.cb = cb;
  a->spec.na = &a->common.na;
  if (mn_load_codebook (cb, a->codebook, "codebook", &e) < 0
      || (a->roster && mn_load_roster (roster, a->roster,
                                        &a->common.aliases, &e) < 0))
    return mn_run_fail (run, &e, MN_EXIT_AUTO);
  if (a->roster)
    a->spec.roster = roster;
  p->checker = mn_checker_new (&a->spec, &e);
  return p->checker ? 0 : mn_run_fail (run, &e, MN_EXIT_USAGE);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-check");
  struct args a = { .spec = {
    .wave = "wave", .cadre = "cadre", .household = "household",
    .township = "township", .village = "village", .collector = "collector",
    .weight = "weight", .min_coverage = 0.1, .level = 0.95,
    .collector_p = 0.001 } };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);

  struct mn_codebook cb = { 0 };
  struct mn_roster roster = { 0 };
  struct prog p = { 0 };
  struct mn_error e;
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  mn_run_progress (&run, &a.common);
  run.partial = "the clean rows on standard output are incomplete";
  run.bind = check_bind;
  run.prepare = check_prepare;
  run.finish = check_finish;
  run.batch = check_batch;
  run.threads = a.threads;
  run.ctx = &p;
  struct mn_output *report = mn_run_table_output (&run, a.report);
  mn_run_reads (&run, a.codebook);
  mn_run_reads (&run, a.roster);
  if (load (&run, &a, &cb, &roster, &p) == 0)
    run.slot_size = mn_checker_slot_size (p.checker);
  if (mn_run_open (&run) == 0)
    p.out = run.out[0].fp;
  mn_run_inputs (&run);
  if (report && !run.failed && mn_checker_report (p.checker, report->fp,
                                                  &e) < 0)
    mn_run_fail (&run, &e, MN_EXIT_USAGE);
  if (mn_run_commit (&run) == 0 && !a.common.quiet)
    print_summary (&a, p.checker);

  mn_checker_free (p.checker);
  mn_columns_release (&p.cols);
  mn_codebook_release (&cb);
  mn_roster_release (&roster);
  free (a.alpha);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

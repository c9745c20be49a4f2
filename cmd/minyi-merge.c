/* minyi-merge - add up partial score tables into the score table.  */
#include <argp.h>
#include <errno.h>
#include <error.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "csvout.h"
#include "diag.h"
#include "input.h"
#include "numparse.h"
#include "output.h"
#include "provenance.h"
#include "scoreacc.h"
#include "xalloc.h"

MN_PROGRAM_IDENTITY ("minyi-merge");

enum
{
  OPT_DIGITS = 0x200,
  OPT_PARTIAL,
  OPT_META
};

struct args
{
  struct mn_common_opts common;
  bool set_method, set_level, partial;
  enum mn_ci_method method;
  double level;
  int digits;
  const char *meta;
  int argc;
  char **argv;
  char **files;
  size_t nfiles;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, "The table:", 1 },
  { "method", 'm', "NAME", 0,
    "interval method of the final table: wilson, exact, jeffreys, "
    "agresti-coull, wald (default: the partials')", 0 },
  { "level", 'l', "P", 0,
    "confidence level, 0 < P < 1 (default: the partials')", 0 },
  { "digits", OPT_DIGITS, "N", 0,
    "round numbers to N significant digits, 1 to 17 (default: the "
    "shortest form that reads back as the same number)", 0 },
  { "partial", OPT_PARTIAL, NULL, 0,
    "write a partial table again, to be merged further", 0 },
  { "meta", OPT_META, "FILE", 0,
    "write the provenance to FILE (default with -o: OUTPUT.meta.csv)", 0 },
  { 0 }
};

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  long d;
  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &a->common;
      break;
    case 'm':
      if (mn_ci_method_parse (arg, &a->method) < 0)
        argp_error (state, "unknown interval method '%s'", arg);
      a->set_method = true;
      break;
    case 'l':
      if (mn_parse_double (arg, &a->level) != 0 || !(a->level > 0)
          || !(a->level < 1))
        argp_error (state, "level must be a number between 0 and 1, not "
                           "'%s'", arg);
      a->set_level = true;
      break;
    case OPT_DIGITS:
      if (mn_parse_long (arg, 1, 17, &d) < 0)
        argp_error (state, "--digits must be a whole number from 1 to 17, "
                           "not '%s'", arg);
      a->digits = (int) d;
      break;
    case OPT_PARTIAL:
      a->partial = true;
      break;
    case OPT_META:
      a->meta = arg;
      break;
    case ARGP_KEY_ARG:
      a->files = xrealloc (a->files, (a->nfiles + 1) * sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      if (a->partial && a->digits)
        argp_error (state, "--digits goes without --partial: partial "
                           "tables are exact");
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  "Add up partial score tables (minyi-score --partial) into the score "
  "table, the same bytes as minyi-score gives on all the records at "
  "once.\v"
  "With no FILE, or when FILE is -, read standard input.  The partials "
  "may come in any order and hold any groups; they must come from the "
  "same scoring (keys, codebook items, weights, respondent groups and "
  "their shares, don't-know policy).  A partial row that does not read "
  "stops the merge, and nothing is written.\n\n"
  "Exit status: 0 on success, 1 if a partial is invalid or does not "
  "match the others, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-merge part1.csv part2.csv > scores.csv",
  mn_common_children, NULL, NULL
};

struct run
{
  const struct args *a;
  struct mn_score_shape ref;     /* the first partial's shape */
  bool have_ref, ref_const;      /* REF set; its constants known */
  struct mn_score_acc *acc;      /* made at the first partial with rows */
  struct mn_prov_input *input;
  size_t ninput;
};

/* The reference shape with the options' method and level.  */
static void
override (const struct args *a, struct mn_score_shape *s)
{
  if (a->set_method)
    s->method = a->method;
  if (a->set_level)
    s->level = a->level;
}

/* Check partial P's shape against the first's, and add its rows.  */
static int
merge_one (struct run *run, struct mn_partial_reader *p,
           const char *name, struct mn_error *e)
{
  struct mn_score_shape s;
  mn_score_shape_copy (&s, mn_partial_shape (p));
  override (run->a, &s);
  bool rows = mn_partial_has_rows (p);
  int rc = 0;
  if (!run->have_ref)
    {
      mn_score_shape_copy (&run->ref, &s);
      run->have_ref = true;
      run->ref_const = rows;
    }
  else if (mn_score_shape_compatible (&run->ref, &s,
                                      run->ref_const && rows, name, e) < 0)
    rc = -1;
  else if (rows && !run->ref_const)
    {
      /* The first partials had no rows: this one sets the constants.  */
      mn_score_shape_release (&run->ref);
      mn_score_shape_copy (&run->ref, &s);
      run->ref_const = true;
    }
  if (rc == 0 && rows && !run->acc)
    {
      struct mn_score_shape c;
      mn_score_shape_copy (&c, &run->ref);
      if (!(run->acc = mn_score_acc_new (&c, e)))
        rc = -1;
    }
  if (rc == 0 && rows)
    rc = mn_partial_merge_into (p, run->acc, e);
  mn_score_shape_release (&s);
  return rc;
}

/* Merge the partial at PATH.  Returns 0, or -1 with E and STATUS.  */
static int
merge_file (struct run *run, const char *path, int *status,
            struct mn_error *e)
{
  struct mn_input in;
  /* Partials are minyi's own: UTF-8 and commas, whatever -E says.  */
  struct mn_reader_options ro = run->a->common.reader;
  ro.guess = false;
  ro.encoding = NULL;
  ro.delim = ',';
  if (mn_input_open (&in, path, &ro, e) < 0)
    {
      *status = e->reason == MN_R_SYSTEM ? MN_EXIT_USAGE : MN_EXIT_DATA;
      return -1;
    }
  struct mn_partial_reader *p = mn_partial_open (&in, e);
  int rc = p ? merge_one (run, p, in.name, e) : -1;
  if (rc < 0)
    *status = e->reason == MN_R_SYSTEM ? MN_EXIT_USAGE : MN_EXIT_DATA;
  else
    {
      run->input = xrealloc (run->input,
                             (run->ninput + 1) * sizeof *run->input);
      run->input[run->ninput++] = (struct mn_prov_input) {
        in.name, "UTF-8", in.records, in.records, 0 };
    }
  mn_partial_free (p);
  mn_input_close (&in);
  return rc;
}

static int
write_meta (const struct args *a, const struct run *run, struct mn_error *e)
{
  char *path = a->meta ? NULL : mn_prov_path (a->common.output);
  char level[MN_NUM_BUFSIZE], digits[8], groups[32];
  const struct mn_score_shape *s = mn_score_acc_shape (run->acc);
  mn_num_format (level, sizeof level, s->level, 0);
  snprintf (digits, sizeof digits, "%d", a->digits);
  snprintf (groups, sizeof groups, "%zu", mn_score_acc_groups (run->acc));
  const char *facts[] = {
    "table", a->partial ? "partial" : "score",
    "method", mn_ci_method_name (s->method),
    "level", level,
    "dont_know", s->dk_unsatisfied ? "unsatisfied" : "exclude",
    "digits", a->digits ? digits : "round-trip",
    "groups", groups,
  };
  struct mn_prov p = { "minyi-merge", MN_VERSION, a->argc, a->argv,
                       run->ninput, run->input,
                       sizeof facts / sizeof *facts / 2, facts };
  struct mn_output o = { 0 };
  int rc = mn_output_open (&o, a->meta ? a->meta : path, e);
  if (rc == 0 && mn_prov_write (&p, o.fp, e) < 0)
    {
      mn_output_abort (&o);
      rc = -1;
    }
  else if (rc == 0)
    rc = mn_output_commit (&o, e);
  free (path);
  return rc;
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-merge");
  struct args a = { .argc = argc, .argv = argv };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);
  static char *stdin_only[] = { "-" };
  if (!a.nfiles)
    a.files = stdin_only, a.nfiles = 1;

  struct mn_error e = { 0 };
  struct run run = { .a = &a };
  int status = MN_EXIT_OK;
  struct mn_output out = { 0 };
  bool failed = mn_output_open (&out, a.common.output, &e) < 0;
  if (failed)
    status = MN_EXIT_USAGE;
  for (size_t i = 0; i < a.nfiles && !failed; i++)
    failed = merge_file (&run, a.files[i], &status, &e) < 0;
  if (!failed && !run.acc)
    {
      /* No partial had a row: the empty table of their shape.  */
      struct mn_score_shape c;
      mn_score_shape_copy (&c, &run.ref);
      override (&a, &c);
      failed = !(run.acc = mn_score_acc_new (&c, &e));
      status = MN_EXIT_DATA;
    }
  if (!failed)
    {
      if (a.partial)
        mn_score_acc_write_partial (run.acc, out.fp);
      else
        mn_score_acc_write (run.acc, a.digits, out.fp);
      bool meta = a.meta || (a.common.output
                             && strcmp (a.common.output, "-") != 0);
      failed = mn_output_commit (&out, &e) < 0
               || (meta && write_meta (&a, &run, &e) < 0);
      status = failed ? MN_EXIT_USAGE : MN_EXIT_OK;
    }
  if (failed)
    {
      mn_diag (&e);
      mn_output_abort (&out);
    }
  else if (!a.common.quiet)
    error (0, 0, "%zu partial%s, %zu groups", run.ninput,
           run.ninput == 1 ? "" : "s", mn_score_acc_groups (run.acc));
  mn_score_acc_free (run.acc);
  if (run.have_ref)
    mn_score_shape_release (&run.ref);
  free (run.input);
  if (a.files != stdin_only)
    free (a.files);
  mn_common_release (&a.common);
  return status;
}

/* minyi-merge - add up partial score tables into the score table.  */
#include <argp.h>
#include <errno.h>
#include <error.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "io/csvout.h"
#include "io/input.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "prog/tableopts.h"
#include "table/scoreacc.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-merge");

struct args
{
  struct mn_common_opts common;
  struct mn_table_opts table;
  bool set_method, set_level;
  bool concatenated;
  enum mn_ci_method method;
  double level;
  int argc;
  char **argv;
  char **files;
  size_t nfiles, filescap;
};

enum { OPT_CONCATENATED = 0x200 };

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("The intervals:"), 1 },
  { "method", 'm', "NAME", 0,
    N_("interval method of the final table: wilson, exact, jeffreys, "
    "agresti-coull, wald (default: the partials')"), 0 },
  { "level", 'l', "P", 0,
    N_("confidence level, 0 < P < 1 (default: the partials')"), 0 },
  { NULL, 0, NULL, 0, N_("The partials:"), 2 },
  { "concatenated", OPT_CONCATENATED, NULL, 0,
    N_("each input may be partials one after the other (as parallel or a "
    "Hadoop reducer gives them): a key's rows are all added, a repeated "
    "header line is skipped"), 0 },
  { 0 }
};

struct file_id
{
  dev_t dev;
  ino_t ino;
  size_t i;
};

static int
cmp_id (const void *a, const void *b)
{
  const struct file_id *x = a, *y = b;
  if (x->dev != y->dev)
    return x->dev < y->dev ? -1 : 1;
  if (x->ino != y->ino)
    return x->ino < y->ino ? -1 : 1;
  return x->i < y->i ? -1 : x->i > y->i;
}

/* A partial given twice would count its groups twice: refuse two
   operands that are one file (standard input twice is refused when it
   is read).  */
static void
check_twice (const struct args *a, struct argp_state *state)
{
  struct file_id *v = xcalloc (a->nfiles ? a->nfiles : 1, sizeof *v);
  size_t n = 0;
  struct stat st;
  for (size_t i = 0; i < a->nfiles; i++)
    if (strcmp (a->files[i], "-") != 0 && stat (a->files[i], &st) == 0
        && S_ISREG (st.st_mode))
      v[n++] = (struct file_id) { st.st_dev, st.st_ino, i };
  qsort (v, n, sizeof *v, cmp_id);
  for (size_t k = 1; k < n; k++)
    if (v[k].dev == v[k - 1].dev && v[k].ino == v[k - 1].ino)
      argp_error (state, _("'%s' and '%s' are one file: its groups would "
                         "count twice"), a->files[v[k - 1].i],
                  a->files[v[k].i]);
  free (v);
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
      break;
    case 'm':
      if (mn_ci_method_parse (arg, &a->method) < 0)
        argp_error (state, _("unknown interval method '%s'"), arg);
      a->set_method = true;
      break;
    case 'l':
      a->level = mn_arg_prop (arg, N_("level"), state);
      a->set_level = true;
      break;
    case OPT_CONCATENATED:
      a->concatenated = true;
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      mn_table_check (&a->table, &a->common, state);
      check_twice (a, state);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  N_("Add up partial score tables (minyi-score --partial) into the score "
  "table, the same bytes as minyi-score gives on all the records at "
  "once.\v"
  "With no FILE, or when FILE is -, read standard input.  The partials "
  "may come in any order and hold any groups; they must come from the "
  "same scoring (keys, codebook items, weights, respondent groups and "
  "their shares, don't-know policy).\n\n"
  "Exit status: 0 if every row was added, 1 if rows were rejected or a "
  "partial does not match the others, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-merge part1.csv part2.csv > scores.csv"),
  mn_table_children, mn_help_filter, MN_DOMAIN
};

/* The run's callbacks: read each partial's header, add its rows.  */
static int
merge_bind (void *m, struct mn_input *in, struct mn_error *e)
{
  return mn_merger_bind (m, in, e);
}

static int
merge_row (void *m, const struct mn_input *in, const struct mn_record *rec,
           struct mn_error *e)
{
  int rc = mn_merger_add (m, rec, in->name, e);
  return rc == 0 ? MN_SCAN_USE : rc == -1 ? MN_SCAN_REJECT : MN_SCAN_STOP;
}

/* With --concatenated: a header line among the rows.  */
static int
merge_header (void *m, const struct mn_input *in,
              const struct mn_record *rec, struct mn_error *e)
{
  int rc = mn_merger_header (m, in, rec, e);
  return rc == 0 ? MN_SCAN_USE : rc > 0 ? MN_SCAN_SKIP : MN_SCAN_STOP;
}

/* Write the table, and the provenance to META (may be NULL).  */
static void
write_out (struct mn_run *run, const struct args *a, struct mn_merger *m,
           FILE *meta)
{
  struct mn_error e;
  const struct mn_score_acc *acc = mn_merger_result (m, &e);
  if (!acc)
    {
      mn_run_fail (run, &e, MN_EXIT_DATA);
      return;
    }
  if (a->table.partial)
    mn_score_acc_write_partial (acc, run->out[0].fp);
  else
    mn_score_acc_write (acc, a->table.digits, run->out[0].fp);
  if (!meta)
    return;
  const struct mn_score_shape *s = mn_score_acc_shape (acc);
  char level[MN_NUM_BUFSIZE], groups[32];
  mn_num_format (level, sizeof level, s->level, 0);
  snprintf (groups, sizeof groups, "%zu", mn_score_acc_groups (acc));
  const char *facts[] = {
    "method", mn_ci_method_name (s->method),
    "level", level,
    "dont_know", s->dk_unsatisfied ? "unsatisfied" : "exclude",
    "groups", groups,
  };
  mn_table_write_meta (&a->table, "minyi-merge", a->argc, a->argv, run,
                       facts, sizeof facts / sizeof *facts / 2, meta);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-merge");
  struct args a = { .argc = argc, .argv = argv };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);

  struct mn_merger *m = mn_merger_new (a.set_method ? &a.method : NULL,
                                       a.set_level ? &a.level : NULL);
  mn_merger_set_concatenated (m, a.concatenated);
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  /* Partials are minyi's own: CSV with commas, whatever -d and -E say,
     in UTF-8 (a byte-order mark dropped) or the GB18030 of
     --output-encoding=gb18030, recognised.  */
  run.ro.delim = ',';
  run.ro.delim_option = false;
  run.ro.encoding = NULL;
  run.bind = merge_bind;
  run.row = merge_row;
  run.header = merge_header;
  run.ctx = m;
  char *meta_path = mn_table_meta_path (&a.table, a.common.output);
  struct mn_output *meta = mn_run_output (&run, meta_path);
  mn_run_open (&run);
  mn_run_inputs (&run);
  if (!run.failed)
    write_out (&run, &a, m, meta ? meta->fp : NULL);
  mn_run_commit (&run);

  free (meta_path);
  mn_merger_free (m);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

/* minyi-report - a ranking or score table as the committee reads it: a
   terminal table, Markdown, a self-contained HTML page, SVG plots.  */
#include <argp.h>
#include <error.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "report/html.h"
#include "report/layout.h"
#include "report/plot.h"
#include "report/rtable.h"
#include "report/text.h"
#include "report/xlsx.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-report");

enum
{
  OPT_FORMAT = 0x200, OPT_WIDTH, OPT_DECIMALS, OPT_WHERE, OPT_SCORES,
  OPT_PROVENANCE, OPT_TITLE, OPT_PLOT, OPT_LIMITS, OPT_TARGET, OPT_LABEL
};

enum format { FMT_TEXT, FMT_MARKDOWN, FMT_HTML, FMT_XLSX };

#define MAX_PLOTS 4

struct args
{
  struct mn_common_opts common;
  enum format format;
  long width;                   /* 0: the terminal's */
  long decimals;
  char *where;                  /* owned: COLUMN, then VALUE after its NUL */
  const char *where_val;
  const char *scores, *provenance, *title, *limits;
  double target;                /* NaN: none given */
  struct mn_plot plot[MAX_PLOTS];
  size_t nplot;
  unsigned labels;              /* MN_LABEL_* */
  char **files;
  size_t nfiles, filescap;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("The document:"), 1 },
  { "format", 'f', "FORMAT", 0,
    N_("'text' (the default: an aligned table), 'markdown', 'html' (one "
    "self-contained, printable page) or 'xlsx' (an Excel workbook, to a "
    "file or a pipe)"), 0 },
  { "width", OPT_WIDTH, "N", 0,
    N_("fit the text table in N columns, 20 to 10000 (default: $COLUMNS, "
    "the terminal's width, else 80)"), 0 },
  { "decimals", OPT_DECIMALS, "N", 0,
    N_("decimals of rates and probabilities, 1 to 6 (default 3)"), 0 },
  { "where", OPT_WHERE, "COLUMN=VALUE", 0,
    N_("show only the rows whose COLUMN is VALUE (such as wave=2026Q2)"), 0 },
  { "title", OPT_TITLE, "TEXT", 0, N_("the HTML page's title"), 0 },
  { NULL, 0, NULL, 0, N_("Evidence:"), 2 },
  { "scores", OPT_SCORES, "FILE", 0,
    N_("take the intervals a ranking lacks (lo, hi, post_lo, post_hi, "
    "level, funnel_*) from the adjusted or score table FILE, joined on "
    "the keys"), 0 },
  { "provenance", OPT_PROVENANCE, "FILE", 0,
    N_("the provenance file shown in the HTML (default: FILE.meta.csv "
    "beside the first input, when there is one)"), 0 },
  { NULL, 0, NULL, 0, N_("Plots:"), 3 },
  { "plot", 'p', "KIND=FILE", 0,
    /* xgettext:no-c-format */
    N_("also draw an SVG plot to FILE: KIND 'funnel' (rate against n with "
    "the 95% and 99.8% limits) or 'caterpillar' (intervals by rank); may "
    "be repeated"), 0 },
  { "limits", OPT_LIMITS, "FILE", 0,
    N_("the funnel's limits from minyi-adjust --limits FILE (default: the "
    "table's funnel_ columns)"), 0 },
  { "target", OPT_TARGET, "P", 0,
    N_("the caterpillar's reference line at P, 0 to 1 (default: the "
    "funnel target, when the table has one)"), 0 },
  { "label", OPT_LABEL, "LIST", 0,
    N_("which points get their name, those that fit: any of 'top', "
    "'bottom', 'outliers', or 'none' (default outliers)"), 0 },
  { 0 }
};

static const struct argp_child children[] = {
  { &mn_common_argp, 0, NULL, 0 },
  { 0 }
};

static void
parse_plot (struct args *a, const char *arg, struct argp_state *state)
{
  const char *eq = strchr (arg, '=');
  enum mn_plot_kind k;
  if (!eq || !eq[1]
      || mn_plot_kind_parse (arg, (size_t) (eq - arg), &k) < 0)
    argp_error (state, _("--plot must be funnel=FILE or caterpillar=FILE, "
                "not '%s'"), arg);
  if (a->nplot == MAX_PLOTS)
    argp_error (state, _("at most %d --plot"), MAX_PLOTS);
  a->plot[a->nplot].kind = k;
  a->plot[a->nplot++].path = eq + 1;
}

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &a->common;
      break;
    case 'f':
      if (strcmp (arg, "text") == 0)
        a->format = FMT_TEXT;
      else if (strcmp (arg, "markdown") == 0)
        a->format = FMT_MARKDOWN;
      else if (strcmp (arg, "html") == 0)
        a->format = FMT_HTML;
      else if (strcmp (arg, "xlsx") == 0)
        a->format = FMT_XLSX;
      else
        argp_error (state, _("--format must be 'text', 'markdown', 'html' "
                    "or 'xlsx', not '%s'"), arg);
      break;
    case OPT_WIDTH:
      a->width = mn_arg_long (arg, 20, 10000, "--width", state);
      break;
    case OPT_DECIMALS:
      a->decimals = mn_arg_long (arg, 1, 6, "--decimals", state);
      break;
    case OPT_WHERE:
      {
        const char *eq = strchr (arg, '=');
        if (!eq || eq == arg)
          argp_error (state, _("--where must be COLUMN=VALUE, not '%s'"), arg);
        free (a->where);
        a->where = xstrdup (arg);
        a->where[eq - arg] = '\0';
        a->where_val = a->where + (eq - arg) + 1;
      }
      break;
    case OPT_SCORES:
      a->scores = arg;
      break;
    case OPT_PROVENANCE:
      a->provenance = arg;
      break;
    case OPT_TITLE:
      a->title = arg;
      break;
    case 'p':
      parse_plot (a, arg, state);
      break;
    case OPT_LIMITS:
      a->limits = arg;
      break;
    case OPT_TARGET:
      if (mn_parse_double (arg, &a->target) != 0 || !(a->target >= 0)
          || !(a->target <= 1))
        argp_error (state, _("--target must be a number from 0 to 1, not "
                    "'%s'"), arg);
      break;
    case OPT_LABEL:
      if (mn_plot_labels_parse (arg, &a->labels) < 0)
        argp_error (state, _("--label takes 'top', 'bottom', 'outliers' "
                    "or 'none', separated by commas, not '%s'"), arg);
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      if (a->format == FMT_XLSX && !a->common.output
          && isatty (STDOUT_FILENO))
        argp_error (state, _("a workbook is no text for a terminal: give -o "
                           "FILE.xlsx, or a pipe"));
      for (size_t i = 0; i < a->nplot; i++)
        mn_common_check_output (&a->common, "--plot", a->plot[i].path,
                                state);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  N_("Show a ranking (minyi-rank) or a score table (minyi-score, "
  "minyi-adjust) as the promotion committee reads it: each figure with "
  "its interval, as an aligned terminal table, Markdown or a "
  "self-contained HTML page, and SVG funnel and caterpillar plots.\v"
  "With no FILE, or when FILE is -, read standard input.  The document "
  "goes to standard output (or -o FILE); the plots to their files.  The "
  "same input gives the same bytes.\n\n"
  "Exit status: 0 if every row was shown, 1 if rows were rejected or a "
  "table is invalid, 2 on a usage or system error.\n\n"
  "Example:\n"
  "  minyi-report --where wave=2026Q2 -s adjusted.csv ranking.csv"),
  children, mn_help_filter, MN_DOMAIN
};

static int
report_bind (void *t, struct mn_input *in, struct mn_error *e)
{
  return mn_rtable_bind (t, in, e);
}

static int
report_row (void *t, const struct mn_input *in, const struct mn_record *rec,
            struct mn_error *e)
{
  return mn_rtable_add (t, rec, in->name, e) < 0 ? MN_SCAN_REJECT
                                                 : MN_SCAN_USE;
}

/* The width of the text table: --width, else $COLUMNS, else the
   terminal's, else 80.  */
static size_t
text_width (long width)
{
  if (width > 0)
    return (size_t) width;
  const char *env = getenv ("COLUMNS");
  long x;
  if (env && mn_parse_long (env, 20, 10000, &x) == 0)
    return (size_t) x;
  struct winsize ws;
  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
      && ws.ws_col >= 20)
    return ws.ws_col;
  return 80;
}

/* The provenance file to show: --provenance, else FILE.meta.csv beside
   the first operand when it exists.  The caller frees it.  */
static char *
provenance_path (const struct args *a)
{
  if (a->provenance)
    return xstrdup (a->provenance);
  if (a->nfiles == 0 || strcmp (a->files[0], "-") == 0)
    return NULL;
  size_t len = strlen (a->files[0]);
  char *p = xmalloc (len + sizeof ".meta.csv");
  memcpy (p, a->files[0], len);
  memcpy (p + len, ".meta.csv", sizeof ".meta.csv");
  if (access (p, R_OK) == 0)
    return p;
  free (p);
  return NULL;
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-report");
  struct args a = { .decimals = 3, .target = NAN,
                    .labels = MN_LABEL_OUTLIERS };
  mn_common_init (&a.common);
  argp_parse (&argp, argc, argv, 0, NULL, &a);

  struct mn_rtable t;
  mn_rtable_init (&t, a.where, a.where_val);
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  run.bind = report_bind;
  run.row = report_row;
  run.ctx = &t;
  for (size_t i = 0; i < a.nplot; i++)
    a.plot[i].out = mn_run_output (&run, a.plot[i].path);
  char *prov = provenance_path (&a);
  mn_run_reads (&run, a.scores);
  mn_run_reads (&run, a.limits);
  mn_run_reads (&run, prov);
  mn_run_open (&run);
  mn_run_inputs (&run);
  struct mn_error e;
  size_t matched = 0;
  if (!run.failed && a.scores
      && mn_rtable_join (&t, a.scores, &run.ro, &matched, &e) < 0)
    mn_run_fail (&run, &e, MN_EXIT_AUTO);
  if (!run.failed && a.scores && matched < t.nrow && !a.common.quiet)
    error (0, 0, _("%s: %zu of %zu rows have no row there"), a.scores,
           t.nrow - matched, t.nrow);
  if (!run.failed && mn_rtable_check (&t, &e) < 0)
    mn_run_fail (&run, &e, MN_EXIT_DATA);
  if (!run.failed)
    mn_rtable_wilson (&t, 0.95);
  struct mn_layout l;
  mn_layout_init (&l, &t, (int) a.decimals, a.where);
  /* The provenance is written comma-separated whatever the table is
     (minyi-formats(5)): read so whatever -d says.  */
  struct mn_reader_options prov_ro = run.ro;
  prov_ro.delim = ',';
  prov_ro.delim_option = false;
  if (!run.failed)
    switch (a.format)
      {
      case FMT_TEXT:
        mn_report_text (&l, &t, text_width (a.width), run.out[0].fp);
        break;
      case FMT_MARKDOWN:
        mn_report_markdown (&l, &t, run.out[0].fp);
        break;
      case FMT_HTML:
        {
          struct mn_html_opts ho = {
            .title = a.title, .version = MN_VERSION, .where = a.where,
            .where_val = a.where_val, .scores = a.scores,
            .provenance = prov, .ro = &prov_ro,
            .input = mn_run_prov_inputs (&run), .ninput = run.ninput };
          if (mn_report_html (&l, &t, &ho, run.out[0].fp, &e) < 0)
            mn_run_fail (&run, &e, MN_EXIT_AUTO);
          free ((void *) ho.input);
        }
        break;
      case FMT_XLSX:
        {
          struct mn_xlsx_opts xo = {
            .title = a.title, .version = MN_VERSION, .provenance = prov,
            .ro = &prov_ro, .input = mn_run_prov_inputs (&run),
            .ninput = run.ninput, .decimals = (int) a.decimals };
          if (mn_report_xlsx (&t, &xo, run.out[0].fp, &e) < 0)
            mn_run_fail (&run, &e, MN_EXIT_USAGE);
          free ((void *) xo.input);
        }
        break;
      }
  for (size_t i = 0; i < a.nplot && !run.failed; i++)
    {
      struct mn_plot_opts po = { .labels = a.labels, .target = a.target,
                                 .limits = a.limits, .where = a.where_val,
                                 .ro = &run.ro, .decimals = (int) a.decimals };
      if (mn_plot_write (&a.plot[i], &t, &po, a.plot[i].out->fp, &e) < 0)
        mn_run_fail (&run, &e, MN_EXIT_AUTO);
    }
  mn_run_commit (&run);

  free (prov);
  mn_rtable_release (&t);
  free (a.where);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

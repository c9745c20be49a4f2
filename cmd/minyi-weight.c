/* minyi-weight - weight survey rows to population margins by raking or
   post-stratification.  */
#include <argp.h>
#include <error.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "io/input.h"
#include "prog/common.h"
#include "prog/run.h"
#include "prog/scan.h"
#include "stats/rake.h"
#include "survey/columns.h"
#include "survey/load.h"
#include "survey/margins.h"
#include "survey/weighting.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi-weight");

enum
{
  OPT_TOLERANCE = 0x200,
  OPT_MAX_ITERATIONS,
  OPT_TRIM,
  OPT_REPORT
};

/* The format of every weight written: ten significant digits, the same
   bytes for the same input.  */
#define WEIGHT_FORMAT "%.10g"

struct args
{
  struct mn_common_opts common;
  const char *margins, *base, *wcol, *report;
  char **files;                 /* the survey's files; none: standard
                                   input */
  size_t nfiles, filescap;
  bool post;                    /* --method poststratify */
  struct mn_rake_options ro;
};

static const struct argp_option options[] = {
  { NULL, 0, NULL, 0, N_("Weighting:"), 1 },
  { "margins", 'M', "FILE", 0,
    N_("population totals per category (minyi-weight(1)); required"), 0 },
  { "method", 'm', "METHOD", 0,
    N_("rake (iterative proportional fitting, the default) or poststratify "
    "(one margin variable, possibly columns joined with '*')"), 0 },
  { "base-weight", 'b', "COLUMN", 0,
    N_("start from the weights in COLUMN (default: 1 for every row)"), 0 },
  { "weight-column", 'W', "NAME", 0,
    N_("write the weights to column NAME, replaced if the survey has it, "
    "otherwise appended (default 'weight')"), 0 },
  { "tolerance", OPT_TOLERANCE, "X", 0,
    N_("stop raking when every margin is within relative error X "
    "(default 1e-10)"), 0 },
  { "max-iterations", OPT_MAX_ITERATIONS, "N", 0,
    N_("give up after N raking sweeps (default 100)"), 0 },
  { "trim", OPT_TRIM, "LO,HI", 0,
    N_("keep every weight / mean weight within LO..HI (e.g. 0.3,3; 0 for "
    "no bound), re-raking after each clamp"), 0 },
  { "report", OPT_REPORT, "FILE", 0,
    N_("write the diagnostics, overall and per township, to FILE as CSV"), 0 },
  { 0 }
};

static double
parse_num (const char *arg, struct argp_state *state, const char *what)
{
  double x;
  if (mn_parse_double (arg, &x) != 0)
    argp_error (state, _("%s must be a number, not '%s'"), what, arg);
  return x;
}

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &a->common;
      state->child_inputs[1] = &a->common;
      break;
    case 'M':
      a->margins = arg;
      break;
    case 'm':
      if (strcmp (arg, "rake") == 0)
        a->post = false;
      else if (strcmp (arg, "poststratify") == 0)
        a->post = true;
      else
        /* -m was --margins before 0.2: say so to an old script.  */
        argp_error (state, _("--method must be rake or poststratify, not "
                             "'%s'%s"), arg,
                    access (arg, F_OK) == 0 || strchr (arg, '.')
                      ? _(" (-m is --method, as in every minyi program; "
                          "the margins file is -M, --margins)") : "");
      break;
    case 'b':
      a->base = arg;
      break;
    case 'W':
      if (!*arg)
        argp_error (state, _("--weight-column needs a name"));
      a->wcol = arg;
      break;
    case OPT_TOLERANCE:
      a->ro.tol = parse_num (arg, state, "--tolerance");
      if (!(a->ro.tol > 0 && a->ro.tol < 1))
        argp_error (state, _("--tolerance must be between 0 and 1, not '%s'"),
                    arg);
      break;
    case OPT_MAX_ITERATIONS:
      {
        long n;
        if (mn_parse_long (arg, 1, 1000000, &n) != 0)
          argp_error (state, _("--max-iterations must be a whole number "
                             "from 1 to 1000000, not '%s'"), arg);
        a->ro.maxit = (unsigned) n;
      }
      break;
    case OPT_TRIM:
      {
        char *comma = strchr (arg, ',');
        if (!comma)
          argp_error (state, _("--trim wants LO,HI, not '%s'"), arg);
        *comma = '\0';
        double lo = parse_num (arg, state, "--trim's LO");
        double hi = parse_num (comma + 1, state, "--trim's HI");
        *comma = ',';
        if (!(lo >= 0 && lo <= 1) || !(hi == 0 || (hi >= 1 && isfinite (hi))))
          argp_error (state, _("--trim '%s': LO must be from 0 to 1 and HI 0 "
                             "or at least 1"), arg);
        a->ro.lo_ratio = lo;
        a->ro.hi_ratio = hi;
      }
      break;
    case OPT_REPORT:
      a->report = arg;
      break;
    case ARGP_KEY_ARG:
      a->files = xgrow (a->files, &a->filescap, a->nfiles + 1,
                        sizeof *a->files);
      a->files[a->nfiles++] = arg;
      break;
    case ARGP_KEY_END:
      if (!a->margins)
        argp_error (state, _("a --margins file is required"));
      mn_common_check_stdin (state, a->files, a->nfiles,
                             (const char *[]) { "--margins" },
                             (const char *[]) { a->margins }, 1);
      mn_common_check_report (&a->common, a->report, state);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  options, parse_opt, "[FILE...]",
  N_("Weight survey rows so that their weighted totals match population "
  "margins, by raking or post-stratification: write every usable row "
  "with its weight, and every other row, with its line and reason, to "
  "the rejects file.\v"
  "With no FILE, or when FILE is -, read standard input.  The FILEs are "
  "parts of one survey, weighted together; each must have the first's "
  "columns (in any order), its rows written in the first's order.  "
  "Standard input, or a FILE that is a FIFO, is copied to a temporary "
  "file: the survey is read twice.  The margins file has the "
  "header variable,category,population; a variable may join columns "
  "with '*' (township*respondent_type) for a cross-classification.  "
  "Weights are written with ten significant digits.\n\n"
  "Exit status: 0 if every row was weighted, 1 if rows were rejected or "
  "the margins cannot be met (nothing is then written), 2 on a usage or "
  "system error.\n\n"
  "Example:\n"
  "  minyi-weight -M margins.csv --trim 0.3,3 survey.csv > weighted.csv"),
  mn_common_table_children, mn_help_filter, MN_DOMAIN
};

/* The program's side of the run.  */
struct prog
{
  struct args *a;
  struct mn_margins m;
  struct mn_weighting w;        /* the classes */
  struct mn_rake_result r;      /* the weights of the classes */
  struct mn_weight_summary s;
  struct mn_columns cols;       /* the first input's columns */
  bool *whole;                  /* input I rejected whole in pass 1 */
  size_t nbound;                /* inputs bound in pass 1 */
};

/* The run's callbacks for pass 1: bind the input, add each sound record
   to its class.  */
static int
weight_bind (void *ctx, struct mn_input *in, struct mn_error *e)
{
  struct prog *p = ctx;
  size_t i = p->nbound++;
  if (mn_weighting_bind (&p->w, in, e) < 0)
    return -1;
  bool first;
  if (mn_columns_match (&p->cols, in, &first, e) < 0)
    {
      /* Columns unlike the first input's: each of its rows rejected,
         as minyi-check does.  */
      p->whole[i] = true;
      return MN_RUN_WHOLE;
    }
  return 0;
}

static int
weight_row (void *ctx, const struct mn_input *in,
            const struct mn_record *rec, struct mn_error *e)
{
  struct prog *p = ctx;
  return mn_weighting_add (&p->w, rec, in->name, e) >= 0
           ? MN_SCAN_USE : MN_SCAN_REJECT;
}

/* Pass 2: read each input again and write each used row, in the first
   input's column order, with the weight of its class to the main
   output.  Returns 0, or -1 with RUN failed.  */
static int
pass2 (struct mn_run *run, struct prog *p)
{
  if (run->failed)
    return -1;
  const struct mn_header *h = &p->cols.first;
  FILE *out = run->out[0].fp;
  const double *w = p->r.w;
  /* The weight column: the first input's of that name, else appended.  */
  size_t wj = h->n;
  for (size_t j = 0; j < h->n && wj == h->n; j++)
    if (strcmp (h->name[j], p->a->wcol) == 0)
      wj = j;
  size_t n = h->n + (wj == h->n);
  char **f = xmalloc (n * sizeof *f);
  size_t *len = xmalloc (n * sizeof *len);
  char num[64];
  for (size_t j = 0; j < h->n; j++)
    f[j] = h->name[j], len[j] = strlen (h->name[j]);
  f[wj] = (char *) p->a->wcol;
  len[wj] = strlen (p->a->wcol);
  mn_csv_row (out, f, len, n, ',');

  int rc = 0;
  struct mn_error e = { 0 };
  for (size_t i = 0; i < run->ninput && rc == 0; i++)
    {
      if (p->whole[i])
        continue;               /* every row rejected in pass 1 */
      struct mn_input in;
      bool first;
      if (mn_run_reopen (run, i, &in) < 0)
        {
          free (f);
          free (len);
          return -1;
        }
      if (mn_weighting_bind (&p->w, &in, &e) < 0
          || mn_columns_match (&p->cols, &in, &first, &e) < 0)
        {
          mn_input_close (&in);
          rc = -1;
          break;
        }
      struct mn_record rec;
      struct mn_error skip;
      while ((rc = mn_input_next (&in, &rec, &skip)) > 0)
        {
          long k = rc == 1 ? mn_weighting_find (&p->w, &rec, in.name, &skip)
                           : -1;
          if (k == -1)
            continue;           /* rejected in pass 1 */
          if (k < 0)
            {
              rc = mn_error_set (&e, in.name, rec.line, MN_R_SYSTEM,
                                 "input changed between the two passes");
              break;
            }
          for (size_t j = 0; j < h->n; j++)
            f[j] = rec.f[p->cols.perm[j]], len[j] = rec.len[p->cols.perm[j]];
          len[wj] = (size_t) snprintf (num, sizeof num, WEIGHT_FORMAT, w[k]);
          f[wj] = num;
          mn_csv_row (out, f, len, n, ',');
        }
      if (rc < 0 && e.reason != MN_R_SYSTEM)
        e = skip;
      mn_input_close (&in);
    }
  free (f);
  free (len);
  return rc < 0 ? mn_run_fail (run, &e, MN_EXIT_USAGE) : 0;
}

/* Word the engine's failure R with the margins' own names.  */
static void
rake_failure (const struct prog *p, const struct mn_rake_result *r,
              struct mn_error *e)
{
  const struct mn_margins *m = &p->m;
  const char *mf = p->a->margins;
  const char *what = p->a->post ? "post-stratification" : "raking";
  size_t v = r->bad_var, c = r->bad_cat;
  switch (r->status)
    {
    case MN_RAKE_E_NO_SAMPLE:
      if (v < m->nvar && c < m->var[v].ncat)
        mn_error_set (e, mf, m->var[v].line[c], MN_R_BAD_VALUE,
                      "%s '%s' has a population of %.10g but no sample "
                      "row", m->var[v].name, m->var[v].cat[c],
                      m->var[v].pop[c]);
      break;
    case MN_RAKE_E_TOTALS:
      if (v < m->nvar)
        {
          double t0 = 0, tv = 0;
          for (size_t k = 0; k < m->var[0].ncat; k++)
            t0 += m->var[0].pop[k];
          for (size_t k = 0; k < m->var[v].ncat; k++)
            tv += m->var[v].pop[k];
          mn_error_set (e, mf, 0, MN_R_BAD_VALUE,
                        "margins disagree: %s totals %.10g but %s totals "
                        "%.10g (relative difference %.3g, tolerance %g)",
                        m->var[v].name, tv, m->var[0].name, t0,
                        fabs (tv - t0) / t0, p->a->ro.total_tol);
        }
      break;
    case MN_RAKE_E_NOT_CONVERGED:
    case MN_RAKE_E_TRIM:
      v = r->worst_var, c = r->worst_cat;
      if (v >= m->nvar || c >= m->var[v].ncat)
        break;
      if (r->status == MN_RAKE_E_NOT_CONVERGED)
        mn_error_set (e, NULL, 0, MN_R_USAGE,
                      "%s did not converge in %u sweep%s: largest relative "
                      "margin error %.3g (tolerance %g) at %s '%s'", what,
                      r->sweeps, r->sweeps == 1 ? "" : "s", r->max_rel_err,
                      p->a->ro.tol, m->var[v].name, m->var[v].cat[c]);
      else
        mn_error_set (e, NULL, 0, MN_R_USAGE,
                      "weights not brought within --trim %g,%g of the mean "
                      "in %u rounds: weight/mean from %.4g to %.4g, largest "
                      "relative margin error %.3g at %s '%s'",
                      p->a->ro.lo_ratio, p->a->ro.hi_ratio,
                      r->trim_rounds, r->min_ratio, r->max_ratio,
                      r->max_rel_err, m->var[v].name, m->var[v].cat[c]);
      break;
    default:
      break;
    }
}

static void
report_summary (FILE *fp, const char *section, const char *key,
                const struct mn_weight_summary *s)
{
  const char *name[] = { "n", "min", "median", "max", "sum", "deff",
                         "neff" };
  double val[] = { s->n, s->min, s->median, s->max, s->sum, s->deff,
                   s->neff };
  for (size_t i = 0; i < sizeof val / sizeof *val; i++)
    {
      fprintf (fp, "%s,", section);
      mn_csv_str (fp, key, ',');
      fprintf (fp, ",%s,%.10g\n", name[i], val[i]);
    }
}

/* Write the --report: the fit and the weights overall, then the weights
   of each township in byte order.  */
static void
write_report (const struct prog *p, FILE *fp)
{
  const struct mn_rake_result *r = &p->r;
  const struct mn_weight_summary *s = &p->s;
  const struct mn_margins *m = &p->m;
  fputs ("section,key,measure,value\n", fp);
  fprintf (fp, "overall,,method,%s\n", p->a->post ? "poststratify"
                                                   : "rake");
  fprintf (fp, "overall,,sweeps,%u\n", r->sweeps);
  fprintf (fp, "overall,,trim_rounds,%u\n", r->trim_rounds);
  fprintf (fp, "overall,,max_rel_err,%.3g\n", r->max_rel_err);
  if (r->worst_var < m->nvar && r->worst_cat < m->var[r->worst_var].ncat)
    {
      fputs ("overall,,worst_margin,", fp);
      char buf[1024];
      snprintf (buf, sizeof buf, "%s=%s", m->var[r->worst_var].name,
                m->var[r->worst_var].cat[r->worst_cat]);
      mn_csv_str (fp, buf, ',');
      putc ('\n', fp);
    }
  report_summary (fp, "overall", "", s);
  const struct mn_weighting *wt = &p->w;
  size_t *order = mn_weighting_towns (wt);
  for (size_t i = 0; i < wt->ntown; i++)
    {
      struct mn_weight_summary ts;
      if (mn_weighting_town_summary (wt, r->w, order[i], &ts) == 0)
        report_summary (fp, "township", wt->town_name[order[i]], &ts);
    }
  free (order);
}

/* Load the margins and set up the classes.  Returns 0, or -1 with RUN
   failed.  */
static int
load (struct mn_run *run, struct prog *p)
{
  const struct args *a = p->a;
  struct mn_error e;
  if (mn_load_margins (&p->m, a->margins, &e) < 0)
    return mn_run_fail (run, &e, MN_EXIT_AUTO);
  if (a->post && p->m.nvar != 1)
    {
      mn_error_set (&e, a->margins, 0, MN_R_USAGE, "--method poststratify "
                    "wants one variable (join columns with '*' for a "
                    "cross-classification), not %zu", p->m.nvar);
      return mn_run_fail (run, &e, MN_EXIT_USAGE);
    }
  mn_weighting_init (&p->w, &p->m, &a->common.na, a->base, a->wcol);
  return 0;
}

/* Weight the classes read in pass 1 (raking or post-stratification),
   check the weights and say how it went.  Returns 0, or -1 with RUN
   failed (nothing is then written).  */
static int
weigh (struct mn_run *run, struct prog *p)
{
  const struct args *a = p->a;
  struct mn_error e;
  if (run->failed)
    return -1;
  if (!p->w.nclass)
    {
      mn_error_set (&e, run->input[0].name, 0, MN_R_NONE,
                    "no usable rows to weight; nothing written");
      return mn_run_fail (run, &e, MN_EXIT_DATA);
    }
  /* The problem: classes in the order first seen.  */
  struct mn_rake_problem pr;
  mn_weighting_problem (&p->w, &pr);
  int rc = a->post ? mn_poststratify (&pr, &a->ro, &p->r, &e)
                   : mn_rake (&pr, &a->ro, &p->r, &e);
  mn_weighting_problem_release (&pr);
  if (rc < 0)
    {
      rake_failure (p, &p->r, &e);
      mn_run_fail (run, &e, MN_EXIT_DATA);
      error (0, 0, _("nothing written"));
      return -1;
    }
  const struct mn_rake_result *r = &p->r;
  const struct mn_weight_summary *s = &p->s;
  if (mn_weighting_check (&p->w, r->w, &e) < 0
      || mn_weight_summary (r->w, p->w.count, p->w.nclass, &p->s, &e) < 0)
    return mn_run_fail (run, &e, MN_EXIT_DATA);
  if (a->common.quiet)
    return 0;
  if (a->post)
    error (0, 0, _("post-stratified: largest relative margin error %.3g"),
           r->max_rel_err);
  else
    error (0, 0, dngettext (MN_DOMAIN,
                            "raked in %u sweep: largest relative margin "
                            "error %.3g",
                            "raked in %u sweeps: largest relative margin "
                            "error %.3g", r->sweeps), r->sweeps,
           r->max_rel_err);
  if (r->trim_rounds)
    error (0, 0, dngettext (MN_DOMAIN,
                            "trimmed in %u round: weight/mean from %.4g to "
                            "%.4g",
                            "trimmed in %u rounds: weight/mean from %.4g to "
                            "%.4g", r->trim_rounds), r->trim_rounds,
           r->min_ratio, r->max_ratio);
  error (0, 0, _("weights: min %.4g, median %.4g, max %.4g; Kish design "
               "effect %.4g, effective n %.1f of %.0f"), s->min, s->median,
         s->max, s->deff, s->neff, s->n);
  return 0;
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi-weight");
  struct args a = { .wcol = "weight" };
  mn_common_init (&a.common);
  mn_rake_options_init (&a.ro);
  argp_parse (&argp, argc, argv, 0, NULL, &a);

  struct prog p = { .a = &a };
  struct mn_run run;
  mn_common_run (&run, &a.common, a.files, a.nfiles);
  p.whole = xcalloc (run.ninput, sizeof *p.whole);
  run.reread = true;            /* pass 2 writes the rows with weights */
  run.bind = weight_bind;
  run.row = weight_row;
  run.ctx = &p;
  struct mn_output *report = mn_run_table_output (&run, a.report);
  mn_run_reads (&run, a.margins);
  load (&run, &p);
  mn_run_open (&run);
  mn_run_inputs (&run);                         /* pass 1 */
  if (weigh (&run, &p) == 0 && report)
    write_report (&p, report->fp);
  pass2 (&run, &p);
  mn_run_commit (&run);

  mn_rake_result_release (&p.r);
  if (p.w.m)
    mn_weighting_release (&p.w);
  mn_margins_release (&p.m);
  mn_columns_release (&p.cols);
  free (p.whole);
  free (a.files);
  mn_common_release (&a.common);
  return mn_run_end (&run);
}

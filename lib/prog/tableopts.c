/* tableopts.c - the options of the programs that write score tables.  */
#include "prog/tableopts.h"

#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "io/output.h"
#include "io/provenance.h"
#include "prog/common.h"
#include "base/i18n.h"

enum
{
  OPT_DIGITS = 0x300,
  OPT_PARTIAL,
  OPT_META
};

static const struct argp_option table_options[] = {
  { NULL, 0, NULL, 0, N_("The table:"), 40 },
  { "digits", OPT_DIGITS, "N", 0,
    N_("round numbers to N significant digits, 1 to 17 (default: the "
    "shortest form that reads back as the same number)"), 0 },
  { "meta", OPT_META, "FILE", 0,
    N_("write the provenance (program, date, command, inputs and their "
    "counts, method) to FILE (default with -o: OUTPUT.meta.csv)"), 0 },
  { 0 }
};

static error_t
table_parse (int key, char *arg, struct argp_state *state)
{
  struct mn_table_opts *t = state->input;
  long d;
  switch (key)
    {
    case OPT_DIGITS:
      if (mn_parse_long (arg, 1, 17, &d) < 0)
        argp_error (state, _("--digits must be a whole number from 1 to 17, "
                           "not '%s'"), arg);
      t->digits = (int) d;
      break;
    case OPT_META:
      t->meta = arg;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp table_argp = { table_options, table_parse, NULL,
                                        NULL, NULL, mn_help_filter, MN_DOMAIN };

/* --partial, for the programs whose table has a partial form.  */
static const struct argp_option partial_options[] = {
  { "partial", OPT_PARTIAL, NULL, 0,
    N_("write the partial table of exact sums that minyi-merge(1) adds up, "
    "instead of the score table"), 40 },
  { 0 }
};

static error_t
partial_parse (int key, char *arg, struct argp_state *state)
{
  struct mn_table_opts *t = state->input;
  (void) arg;
  switch (key)
    {
    case OPT_PARTIAL:
      t->partial = true;
      break;
    case ARGP_KEY_END:
      if (t->partial && t->digits)
        argp_error (state, _("--digits goes without --partial: partial "
                           "tables are exact"));
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp partial_argp = { partial_options, partial_parse,
                                          NULL, NULL, NULL, mn_help_filter, MN_DOMAIN };

const struct argp_child mn_table_children[] = {
  { &mn_common_argp, 0, NULL, 0 },
  { &table_argp, 0, NULL, 0 },
  { &partial_argp, 0, NULL, 0 },
  { &mn_tabfmt_argp, 0, NULL, 0 },
  { 0 }
};

const struct argp_child mn_table_progress_children[] = {
  { &mn_common_argp, 0, NULL, 0 },
  { &table_argp, 0, NULL, 0 },
  { &partial_argp, 0, NULL, 0 },
  { &mn_tabfmt_argp, 0, NULL, 0 },
  { &mn_progress_argp, 0, NULL, 0 },
  { 0 }
};

const struct argp_child mn_table_children_exact[] = {
  { &mn_common_argp, 0, NULL, 0 },
  { &table_argp, 0, NULL, 0 },
  { &mn_tabfmt_argp, 0, NULL, 0 },
  { 0 }
};

void
mn_table_check (struct mn_table_opts *t,
                const struct mn_common_opts *c, struct argp_state *state)
{
  char *path = mn_table_meta_path (t, c->output);
  /* The date only when a provenance file is written: a bad
     SOURCE_DATE_EPOCH does not matter to a run that writes none.  */
  struct mn_error e;
  if (path && mn_prov_date (t->date, sizeof t->date, &e) < 0)
    argp_error (state, "%s", e.msg);
  if (path && strcmp (path, "-") != 0
      && (mn_output_same (path, c->output)
          || mn_output_same (path, c->rejects)))
    {
      /* The message names the file: PATH is freed by no one after
         argp_error exits.  */
      argp_error (state, _("the provenance file '%s' is the file of -o or "
                         "--rejects"), path);
    }
  free (path);
  mn_common_check_output (c, "--meta", t->meta, state);
}

char *
mn_table_meta_path (const struct mn_table_opts *t, const char *output)
{
  return mn_prov_path_for (t->meta, output);
}

void
mn_table_write_meta (const struct mn_table_opts *t, const char *program,
                     int argc, char **argv, const struct mn_run *run,
                     const char *const *fact, size_t nfact, FILE *out)
{
  char digits[8];
  snprintf (digits, sizeof digits, "%d", t->digits);
  size_t n = nfact + 2;
  const char **all = xcalloc (2 * n, sizeof *all);
  all[0] = "table";
  all[1] = t->kind ? t->kind : t->partial ? "partial" : "score";
  all[2] = "digits";
  all[3] = t->digits ? digits : "round-trip";
  memcpy (all + 4, fact, 2 * nfact * sizeof *all);
  struct mn_prov_input *in = mn_run_prov_inputs (run);
  struct mn_prov p = { program, MN_VERSION, t->date, argc, argv,
                       run->ninput, in, n, all };
  mn_prov_write (&p, out);
  free (in);
  free (all);
}

char *
mn_table_join_names (char *const *v, size_t n)
{
  size_t len = 1;
  for (size_t i = 0; i < n; i++)
    len += strlen (v[i]) + 1;
  char *s = xmalloc (len), *p = s;
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        *p++ = '|';
      size_t l = strlen (v[i]);
      memcpy (p, v[i], l);
      p += l;
    }
  *p = '\0';
  return s;
}

/* minyi - the suite's front command: list the programs, or run one,
   as "minyi score ARGS" runs "minyi-score ARGS" (like git).  */
#include <argp.h>
#include <errno.h>
#include <error.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "prog/common.h"
#include "base/i18n.h"

MN_PROGRAM_IDENTITY ("minyi");

/* The programs, in the order of the pipeline.  */
static const struct
{
  const char *name, *what;
} programs[] = {
  { "check", N_("validate survey exports against the codebook and roster") },
  { "weight", N_("survey weights: raking and post-stratification to margins") },
  { "score", N_("per-cadre satisfaction rates, item means, composite index") },
  { "merge", N_("add up the partial score tables of parts of a survey") },
  { "adjust", N_("empirical-Bayes shrinkage and funnel limits of a score table") },
  { "rank", N_("rankings with rank intervals, and tiers from a policy file") },
  { "trend", N_("each cadre's change between two waves, with its interval") },
  { "report", N_("rankings as terminal tables, Markdown, HTML and SVG plots") },
  { "deadline", N_("service-centre deadlines: warnings and on-time rates") },
};
#define NPROGRAMS (sizeof programs / sizeof *programs)

struct args
{
  const char *prog;     /* the program to run, or NULL: list them */
  char **rest;          /* its arguments (borrowed from argv) */
  int nrest;
};

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  switch (key)
    {
    case ARGP_KEY_INIT:
      mn_help_capture (state);
      break;
    case ARGP_KEY_ARG:
      /* The first operand names the program; the rest are its.  */
      a->prog = arg;
      a->rest = &state->argv[state->next];
      a->nrest = state->argc - state->next;
      state->next = state->argc;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = {
  NULL, parse_opt, "[PROGRAM [ARG...]]",
  N_("Run a program of the minyi suite: 'minyi PROGRAM ARG...' runs "
  "'minyi-PROGRAM ARG...'.  With no PROGRAM, list the programs.\v"
  "The program is looked for beside this command first, then on PATH.  "
  "'minyi PROGRAM --help' gives a program's options; minyi(7) tells the "
  "suite.\n\n"
  "Exit status: the program's; 0 after listing; 2 on a usage error, or "
  "when the program cannot be run.\n\n"
  "Example:\n"
  "  minyi score -c data/codebook.csv data/survey.csv"),
  NULL, mn_help_filter, MN_DOMAIN
};

static void
list (void)
{
  puts (_("The programs of the minyi suite (minyi PROGRAM --help for one):"));
  for (size_t i = 0; i < NPROGRAMS; i++)
    printf ("  %-8s %s\n", programs[i].name, _(programs[i].what));
}

/* Run minyi-PROG with ARGS: from this command's directory if it is
   there, else from PATH.  Returns only when neither can be run.  */
static void
run (const char *prog, char **args, int nargs)
{
  char *name = xmalloc (strlen (prog) + sizeof "minyi-");
  strcat (strcpy (name, "minyi-"), prog);
  char **argv = xcalloc ((size_t) nargs + 2, sizeof *argv);
  argv[0] = name;
  for (int i = 0; i < nargs; i++)
    argv[i + 1] = args[i];
  char self[PATH_MAX];
  ssize_t n = readlink ("/proc/self/exe", self, sizeof self - 1);
  if (n > 0)
    {
      self[n] = '\0';
      char *slash = strrchr (self, '/');
      if (slash && (size_t) (slash - self) + 1 + strlen (name) < sizeof self)
        {
          strcpy (slash + 1, name);
          if (access (self, X_OK) == 0)
            execv (self, argv);
        }
    }
  execvp (name, argv);
  error (MN_EXIT_USAGE, errno, _("cannot run %s"), name);
}

int
main (int argc, char **argv)
{
  mn_program_init ("minyi");
  struct args a = { NULL, NULL, 0 };
  argp_parse (&argp, argc, argv, ARGP_IN_ORDER, NULL, &a);
  if (!a.prog)
    {
      list ();
      return MN_EXIT_OK;
    }
  size_t i = 0;
  while (i < NPROGRAMS && strcmp (programs[i].name, a.prog) != 0)
    i++;
  if (i == NPROGRAMS)
    error (MN_EXIT_USAGE, 0, _("'%s' is not a program of the suite: 'minyi' "
                             "lists them"), a.prog);
  if (fflush (stdout) != 0)
    error (MN_EXIT_USAGE, errno, _("standard output"));
  run (a.prog, a.rest, a.nrest);
  return MN_EXIT_USAGE;
}

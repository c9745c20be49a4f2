/* common.h - what every minyi program shares: its identity for argp,
   start-up, the options common to the suite (an argp child), and a run
   started from them.  This is the program layer: the core of lib/ does
   not include it.  */
#ifndef MINYI_COMMON_H
#define MINYI_COMMON_H

#include <argp.h>
#include <stdbool.h>

#include "base/na.h"
#include "io/aliases.h"
#include "io/reader.h"
#include "prog/helpwrap.h"
#include "io/tabfmt.h"
#include "prog/run.h"

#define MN_VERSION "0.1.0"

/* Where bugs go, for --help (translated by mn_program_init).  */
#define MN_BUG_ADDRESS "the minyi issue tracker"

/* Define argp's version and bug-address variables in the program itself
   (defined only inside a static library, the linker could drop them).  */
#define MN_PROGRAM_IDENTITY(prog)                                         \
  const char *argp_program_version = prog " (minyi) " MN_VERSION;         \
  const char *argp_program_bug_address = MN_BUG_ADDRESS

/* Options shared by the suite.  A program embeds one, and hands it to
   mn_common_argp in ARGP_KEY_INIT through state->child_inputs[0].  */
struct mn_common_opts
{
  struct mn_reader_options reader;  /* --delimiter, --encoding (borrowed
                                       from argv) */
  struct mn_na na;                  /* --na; owned, freed by
                                       mn_common_release */
  const char *output;               /* -o, --output, borrowed from argv;
                                       NULL: stdout */
  const char *rejects;              /* --rejects, borrowed from argv */
  bool strict;                      /* --strict */
  bool quiet;                       /* -q, --quiet */
  const char *columns;              /* --columns, else $MINYI_COLUMNS;
                                       borrowed; NULL: none */
  struct mn_aliases aliases;        /* its aliases, loaded when the
                                       options end; owned, freed by
                                       mn_common_release */
  struct mn_tabfmt tabfmt;          /* -f, --format and --output-encoding
                                       (mn_tabfmt_argp): the form of the
                                       tables written */
  bool progress;                    /* --progress (mn_progress_argp) */
};

extern const struct argp mn_common_argp;

/* -f, --format and --output-encoding, for the programs that write
   tables: a child whose input is the program's struct mn_common_opts
   too (hand it down as its state->child_inputs[] entry).  */
extern const struct argp mn_tabfmt_argp;

/* The children array a program's struct argp points to: the common
   options alone.  */
extern const struct argp_child mn_common_children[];

/* The common options, then mn_tabfmt_argp: child_inputs[0] and [1]
   both the program's struct mn_common_opts.  */
extern const struct argp_child mn_common_table_children[];

/* Refuse, through argp_error on STATE, the file PATH (may be NULL) of
   OPTION (borrowed, for the message), such as --meta, when it is
   standard output or the file of C's --output or --rejects.  */
void mn_common_check_output (const struct mn_common_opts *c,
                             const char *option, const char *path,
                             struct argp_state *state);

/* The same for a REPORT file (may be NULL), for the programs that also
   write a report.  */
void mn_common_check_report (const struct mn_common_opts *c,
                             const char *report, struct argp_state *state);

/* Refuse, through argp_error on STATE, two readers of standard input:
   the N files PATH[i] (NULL: not given) of the options OPTION[i] (such as
   "--codebook"), and the operands FILES[0..NFILES-1] (none: standard
   input).  Any one of them may be "-".  */
void mn_common_check_stdin (struct argp_state *state, char *const *files,
                            size_t nfiles, const char *const *option,
                            const char *const *path, size_t n);

/* --progress, for the programs that take it: a child whose input is
   the program's struct mn_common_opts, setting its PROGRESS.  */
extern const struct argp mn_progress_argp;

/* mn_common_table_children, then mn_progress_argp: child_inputs[0],
   [1] and [2] all the program's struct mn_common_opts.  */
extern const struct argp_child mn_common_table_progress_children[];

/* Ask RUN for progress reports when C asked (--progress), or when
   standard error is a terminal and C is not --quiet.  */
void mn_run_progress (struct mn_run *run, const struct mn_common_opts *c);

/* Option values, parsed whole (nothing may follow) or refused through
   argp_error on STATE naming WHAT (the option, or N_("level"), which
   is translated): a
   proportion strictly between 0 and 1, and a whole number from MIN to
   MAX.  */
double mn_arg_prop (const char *arg, const char *what,
                    struct argp_state *state);
long mn_arg_long (const char *arg, long min, long max, const char *what,
                  struct argp_state *state);

/* Set the caller's C to the defaults (allocates the --na list; title
   rows above a header recognised; the columns file of $MINYI_COLUMNS).
   Release with mn_common_release.  */
void mn_common_init (struct mn_common_opts *c);

/* Free what C owns (its --na list, its aliases), not C itself nor the
   borrowed strings.  */
void mn_common_release (struct mn_common_opts *c);

/* Program start-up: the short program name for messages, the user's
   locale for messages and character handling, and the C locale for
   numbers, whatever LC_NUMERIC says, so CSV numbers always use '.'.
   PROG is kept (not copied) and must live as long as the program, as a
   string literal does.  */
void mn_program_init (const char *prog);

/* Start RUN (mn_run_init) on the operands FILES[0..NFILES-1] (borrowed;
   none: standard input) with C's options (borrowed; C must outlive RUN):
   its main output (-o), rejects file, reader options (the encoding
   guessed unless --encoding), --strict, and the stderr reporter, quiet
   with --quiet.  */
void mn_common_run (struct mn_run *run, const struct mn_common_opts *c,
                    char *const *files, size_t nfiles);

#endif

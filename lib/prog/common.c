/* common.c - options and start-up shared by the suite.  */
#include "prog/common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <iconv.h>
#include <error.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "prog/diag.h"
#include "base/i18n.h"
#include "base/numparse.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "io/header.h"
#include "io/output.h"

enum
{
  OPT_NA = 0x100,
  OPT_REJECTS,
  OPT_STRICT,
  OPT_COLUMNS,
  OPT_SKIP_ROWS
};

static const struct argp_option common_options[] = {
  { NULL, 0, NULL, 0, N_("Input and output:"), 50 },
  { "delimiter", 'd', "CHAR", 0,
    N_("fields are separated by CHAR, an ASCII character (default ','; "
       "'tab' or '\\t' for a tab)"),
    0 },
  { "encoding", 'E', "NAME", 0,
    N_("input is in encoding NAME (e.g. GB18030), converted to UTF-8 "
    "(default: UTF-8, which is checked)"), 0 },
  { "columns", OPT_COLUMNS, "FILE", 0,
    N_("header aliases: FILE's rows 'name,alias' rename each column ALIAS "
    "of an input's header to NAME (default $MINYI_COLUMNS)"), 0 },
  { "skip-rows", OPT_SKIP_ROWS, "N", 0,
    N_("skip N rows above each input's header (default: skip title rows, "
    "with one cell filled, and blank rows)"), 0 },
  { "na", OPT_NA, "LIST", 0,
    N_("comma-separated cell values meaning no answer, besides an empty "
       "cell (default 'NA,N/A,#N/A')"), 0 },
  { "output", 'o', "FILE", 0,
    N_("write to FILE, replaced only when the run succeeds (default "
    "standard output)"), 0 },
  { "rejects", OPT_REJECTS, "FILE", 0,
    N_("write each rejected record, with its file, line and reason, to "
    "FILE"), 0 },
  { "strict", OPT_STRICT, NULL, 0,
    N_("stop at the first rejected record, writing no output"), 0 },
  { "quiet", 'q', NULL, 0,
    N_("print no per-record messages and no summary"), 0 },
  { 0 }
};

/* The delimiter ARG names: one ASCII character other than a quote, CR
   or LF, or "tab".  A byte above 127 is refused: every such byte of
   UTF-8, which the reader splits records of (converted from the input's
   encoding), belongs to a multibyte character, so such a delimiter
   would cut characters and every row would be rejected as not UTF-8;
   and a full-width character (，；) is several bytes.  */
static int
parse_delimiter (const char *arg, unsigned char *out)
{
  if (strcmp (arg, "tab") == 0 || strcmp (arg, "\\t") == 0
      || strcmp (arg, "\t") == 0)
    *out = '\t';
  else if (strlen (arg) == 1 && arg[0] != '"' && arg[0] != '\n'
           && arg[0] != '\r' && (unsigned char) arg[0] < 0x80)
    *out = (unsigned char) arg[0];
  else
    return -1;
  return 0;
}

/* Load C's columns file, once the options are read: a file that cannot
   be used ends the program before anything is read or written, with
   status 2 when it cannot be opened, 1 when its contents are wrong.  */
static void
load_columns (struct mn_common_opts *c)
{
  if (!c->columns)
    return;
  struct mn_error e;
  if (mn_aliases_load (&c->aliases, c->columns, &e) < 0)
    {
      mn_diag (&e);
      exit (e.reason == MN_R_SYSTEM ? MN_EXIT_USAGE : MN_EXIT_DATA);
    }
  c->reader.aliases = &c->aliases;
}

static error_t
common_parse (int key, char *arg, struct argp_state *state)
{
  struct mn_common_opts *c = state->input;
  switch (key)
    {
    case ARGP_KEY_INIT:
      mn_help_capture (state);
      break;
    case 'd':
      if (parse_delimiter (arg, &c->reader.delim) < 0)
        {
          char v[64];
          argp_error (state, _("delimiter must be one ASCII character "
                               "other than a double quote, CR or LF, not "
                               "'%s'"),
                      mn_visible (v, sizeof v, arg, strlen (arg)));
        }
      break;
    case 'E':
      c->reader.encoding = arg;
      break;
    case OPT_NA:
      mn_na_set (&c->na, arg);
      break;
    case 'o':
      c->output = arg;
      break;
    case OPT_REJECTS:
      c->rejects = arg;
      break;
    case OPT_STRICT:
      c->strict = true;
      break;
    case OPT_COLUMNS:
      if (!*arg)
        argp_error (state, _("--columns names no file (to read none where "
                             "MINYI_COLUMNS names one, set it empty)"));
      c->columns = arg;
      break;
    case OPT_SKIP_ROWS:
      c->reader.skip_rows = mn_arg_long (arg, 0, 1000000, "--skip-rows",
                                         state);
      break;
    case 'q':
      c->quiet = true;
      break;
    case ARGP_KEY_END:
      if (c->rejects && strcmp (c->rejects, "-") == 0)
        argp_error (state, _("--rejects needs a file, not standard output"));
      if (mn_output_same (c->rejects, c->output))
        argp_error (state, _("--rejects and --output name the same file"));
      if (c->reader.encoding)
        {
          iconv_t cd = iconv_open ("UTF-8", c->reader.encoding);
          if (cd == (iconv_t) -1)
            argp_error (state, _("unknown encoding '%s' (see 'iconv "
                               "--list')"), c->reader.encoding);
          iconv_close (cd);
        }
      load_columns (c);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp mn_common_argp = { common_options, common_parse, NULL,
                                     NULL, NULL, mn_help_filter, MN_DOMAIN };

enum
{
  OPT_OUTPUT_ENCODING = 0x110
};

static const struct argp_option tabfmt_options[] = {
  { NULL, 0, NULL, 0, N_("Tables written:"), 45 },
  { "format", 'f', "FORMAT", 0,
    N_("write tables (and the rejects file) as 'csv' (the default), 'tsv' "
    "(tab-separated, tabs, newlines and backslashes escaped as \\t \\n "
    "\\\\) or 'jsonl' (JSON Lines: one object a row)"), 0 },
  { "output-encoding", OPT_OUTPUT_ENCODING, "ENC", 0,
    N_("write tables in 'utf-8' (the default, for pipes), 'utf-8-bom' or "
    "'gb18030' (what a Chinese Excel opens as it is)"), 0 },
  { 0 }
};

static error_t
tabfmt_parse (int key, char *arg, struct argp_state *state)
{
  struct mn_common_opts *c = state->input;
  switch (key)
    {
    case 'f':
      if (mn_tab_format_parse (arg, &c->tabfmt.format) < 0)
        argp_error (state, _("--format must be 'csv', 'tsv' or 'jsonl', not "
                             "'%s'"), arg);
      break;
    case OPT_OUTPUT_ENCODING:
      if (mn_tab_encoding_parse (arg, &c->tabfmt.encoding) < 0)
        argp_error (state, _("--output-encoding must be 'utf-8', "
                             "'utf-8-bom' or 'gb18030', not '%s'"), arg);
      break;
    case ARGP_KEY_END:
      if (c->tabfmt.format == MN_TAB_JSONL
          && c->tabfmt.encoding != MN_ENC_UTF8)
        argp_error (state, _("--format=jsonl is UTF-8 without a byte-order "
                             "mark (RFC 8259): --output-encoding=%s does "
                             "not go with it"),
                    mn_tab_encoding_name (c->tabfmt.encoding));
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp mn_tabfmt_argp = { tabfmt_options, tabfmt_parse, NULL,
                                     NULL, NULL, mn_help_filter,
                                     MN_DOMAIN };

enum
{
  OPT_PROGRESS = 0x120
};

static const struct argp_option progress_options[] = {
  { "progress", OPT_PROGRESS, NULL, 0,
    N_("show the bytes and records read, the rate and the time left on "
    "standard error, every half second (the default when standard error "
    "is a terminal, unless -q)"), 40 },
  { 0 }
};

static error_t
progress_parse (int key, char *arg, struct argp_state *state)
{
  (void) arg;
  struct mn_common_opts *c = state->input;
  if (key != OPT_PROGRESS)
    return ARGP_ERR_UNKNOWN;
  c->progress = true;
  return 0;
}

const struct argp mn_progress_argp = { progress_options, progress_parse,
                                       NULL, NULL, NULL, mn_help_filter,
                                       MN_DOMAIN };

const struct argp_child mn_common_children[] = {
  { &mn_common_argp, 0, NULL, 0 },
  { 0 }
};

const struct argp_child mn_common_table_children[] = {
  { &mn_common_argp, 0, NULL, 0 },
  { &mn_tabfmt_argp, 0, NULL, 0 },
  { 0 }
};

const struct argp_child mn_common_table_progress_children[] = {
  { &mn_common_argp, 0, NULL, 0 },
  { &mn_tabfmt_argp, 0, NULL, 0 },
  { &mn_progress_argp, 0, NULL, 0 },
  { 0 }
};

void
mn_common_check_output (const struct mn_common_opts *c, const char *option,
                        const char *path, struct argp_state *state)
{
  if (path && strcmp (path, "-") == 0)
    argp_error (state, _("%s needs a file, not standard output"), option);
  if (path && (mn_output_same (path, c->output)
               || mn_output_same (path, c->rejects)))
    argp_error (state, _("%s names the file of -o or --rejects"), option);
}

void
mn_common_check_stdin (struct argp_state *state, char *const *files,
                       size_t nfiles, const char *const *option,
                       const char *const *path, size_t n)
{
  const char *first = NULL;
  bool operand = nfiles == 0;
  for (size_t i = 0; i < nfiles; i++)
    operand |= strcmp (files[i], "-") == 0;
  if (operand)
    first = _("the survey");
  for (size_t i = 0; i < n; i++)
    if (path[i] && strcmp (path[i], "-") == 0)
      {
        if (first)
          argp_error (state, _("%s and %s cannot both be standard input%s"),
                      first, option[i],
                      operand && nfiles == 0 ? _(" (give the survey as a "
                                                 "file)") : "");
        first = option[i];
      }
}

void
mn_common_check_report (const struct mn_common_opts *c, const char *report,
                        struct argp_state *state)
{
  mn_common_check_output (c, "--report", report, state);
}

void
mn_common_init (struct mn_common_opts *c)
{
  memset (c, 0, sizeof *c);
  c->reader.delim = ',';
  c->reader.delim_option = true;
  c->reader.skip_rows = MN_SKIP_AUTO;
  const char *env = getenv ("MINYI_COLUMNS");
  c->columns = env && *env ? env : NULL;
  mn_na_set (&c->na, MN_NA_DEFAULT);
}

void
mn_common_release (struct mn_common_opts *c)
{
  mn_na_release (&c->na);
  mn_aliases_release (&c->aliases);
}

/* Die of the signal as if unhandled, after removing the temporary
   files of the outputs being written.  */
static void
on_signal (int sig)
{
  mn_output_remove_temporaries ();
  signal (sig, SIG_DFL);
  raise (sig);
}

/* Memory exhausted (base/xalloc.h's hook): say so in the suite's
   format, remove the temporary files of the outputs being written, and
   end with status 2, without a core.  Nothing here allocates: the
   message is written with write(2), not stdio.  */
static void
on_memory_exhausted (void)
{
  static const char msg[] = ": memory exhausted\n";
  mn_output_remove_temporaries ();
  const char *prog = program_invocation_name;
  if (write (STDERR_FILENO, prog, strlen (prog)) < 0
      || write (STDERR_FILENO, msg, sizeof msg - 1) < 0)
    {
      /* Nowhere to say it: the status says it.  */
    }
  _exit (MN_EXIT_USAGE);
}

/* Open /dev/null over each standard descriptor the caller left closed,
   so that no file the program opens becomes one (rows written to an
   output or diagnostics into a rejects file), and the wrong way round,
   as gnulib's stdopen does: standard input for writing, standard output
   and error for reading, so that reading a closed standard input or
   writing a closed standard output still fails (EBADF), as it would
   have, and is reported.  */
static void
fill_standard_descriptors (void)
{
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
    if (fcntl (fd, F_GETFD) < 0 && errno == EBADF)
      {
        /* The lower ones are open: this takes FD.  */
        int got = open ("/dev/null", fd == STDIN_FILENO ? O_WRONLY
                                                         : O_RDONLY);
        if (got != fd)
          _exit (MN_EXIT_USAGE);
      }
}

/* At exit, whichever way the program ends (after a run, or argp's
   --help and --version): flush and close standard output and check
   it, as datamash's close_stdout does, so that output lost to a full
   disk or a closed descriptor is an error, status 2.  A failure that
   mn_output_finish already reported was cleared there.  */
static void
close_stdout (void)
{
  bool bad = ferror (stdout) != 0;
  /* A write that failed before (the error flag set, the buffer gone)
     leaves fclose nothing to say: a closed descriptor still tells,
     asked before fclose closes it.  */
  bool closed = fcntl (STDOUT_FILENO, F_GETFL) < 0;
  errno = 0;
  if (fclose (stdout) != 0)
    bad = true;
  if (bad && errno == 0 && closed)
    errno = EBADF;
  if (bad)
    {
      error (0, errno, _("write error on standard output"));
      _exit (MN_EXIT_USAGE);
    }
}

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* The message catalogues: MINYI_LOCALEDIR when set and not empty (the
   build tree's, for the tests: build/locale), else the installed ones
   under LOCALEDIR (the Makefile's $(PREFIX)/share/locale).  Messages
   go out in the character set of LC_CTYPE, converted by gettext.  */
static void
mn_i18n_init (void)
{
  const char *dir = getenv ("MINYI_LOCALEDIR");
  bindtextdomain (MN_DOMAIN, dir && *dir ? dir : LOCALEDIR);
  textdomain (MN_DOMAIN);
  /* --help's "Report bugs to %s." in the same language as the rest.  */
  if (argp_program_bug_address
      && strcmp (argp_program_bug_address, MN_BUG_ADDRESS) == 0)
    argp_program_bug_address = _(N_(MN_BUG_ADDRESS));
  mn_help_wrap_init ();
}

/* Standard output to a device other than a terminal (> /dev/full):
   a buffer larger than any --help or --version, so that its one write,
   at exit, fails with its cause (ENOSPC) for close_stdout to report.
   stdio's own buffer (4 KiB there) would be written when full, and a
   failure then leave the error flag without its cause.  Tables and rows
   go through streams of our own (io/output.c), which keep it.  */
static void
buffer_stdout (void)
{
  struct stat st;
  if (fstat (STDOUT_FILENO, &st) == 0 && S_ISCHR (st.st_mode)
      && !isatty (STDOUT_FILENO))
    {
      /* glibc takes a size only with a buffer.  */
      static char buf[64 * 1024];
      setvbuf (stdout, buf, _IOFBF, sizeof buf);
    }
}

void
mn_program_init (const char *prog)
{
  fill_standard_descriptors ();
  buffer_stdout ();
  program_invocation_name = (char *) prog;
  mn_xalloc_set_die (on_memory_exhausted);
  atexit (close_stdout);
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  mn_i18n_init ();
  argp_err_exit_status = MN_EXIT_USAGE;
  /* A signal the caller ignores (nohup) stays ignored, except SIGPIPE:
     a reader that goes away ends the program in the same way whatever
     the caller left (minyi(7), Exit status), killed by SIGPIPE, the
     temporary files removed.  Ignored, it would make every write fail
     with EPIPE instead, and a scheduler or Python's subprocess may
     leave it ignored, or blocked, by accident.  */
  static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
    {
      struct sigaction old, sa = { .sa_handler = on_signal };
      sigemptyset (&sa.sa_mask);
      if (sigaction (sigs[i], NULL, &old) == 0
          && (old.sa_handler != SIG_IGN || sigs[i] == SIGPIPE))
        sigaction (sigs[i], &sa, NULL);
    }
  sigset_t pipe;
  sigemptyset (&pipe);
  sigaddset (&pipe, SIGPIPE);
  sigprocmask (SIG_UNBLOCK, &pipe, NULL);
  /* A file grown past ulimit -f: the write fails with EFBIG, reported
     as any write error (status 2, the temporary file removed), on
     whichever thread wrote it (io/wfile.h), instead of a SIGXFSZ that
     would kill the program and leave its temporary files behind.  */
  signal (SIGXFSZ, SIG_IGN);
  /* Under a limit on the address space (ulimit -v, as batch clusters
     set), one malloc arena for all threads: glibc reserves 64 MiB of
     address space for each thread's own arena when it can, and a few
     such reservations leave nothing for the rest (minyi-score -j 16
     under ulimit -v 90000 failed 3 runs in 40 with "memory exhausted",
     none with one arena).  The threads allocate little, in blocks.  */
  struct rlimit as;
  if (getrlimit (RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
    mallopt (M_ARENA_MAX, 1);
}

void
mn_common_run (struct mn_run *run, const struct mn_common_opts *c,
               char *const *files, size_t nfiles)
{
  mn_run_init (run, files, nfiles, c->output,
               c->quiet ? &mn_reporter_stderr_quiet : &mn_reporter_stderr);
  run->ro = c->reader;
  run->ro.guess = true;
  run->rejects_path = c->rejects;
  run->fmt = c->tabfmt;
  run->strict = c->strict;
  mn_run_reads (run, c->columns);
}

double
mn_arg_prop (const char *arg, const char *what, struct argp_state *state)
{
  double p;
  if (mn_parse_double (arg, &p) != 0 || !(p > 0) || !(p < 1))
    argp_error (state, _("%s must be a number between 0 and 1, not '%s'"),
                _(what), arg);
  return p;
}

long
mn_arg_long (const char *arg, long min, long max, const char *what,
             struct argp_state *state)
{
  long x;
  if (mn_parse_long (arg, min, max, &x) != 0)
    argp_error (state, _("%s must be a whole number from %ld to %ld, not "
                "'%s'"), _(what), min, max, arg);
  return x;
}

void
mn_run_progress (struct mn_run *run, const struct mn_common_opts *c)
{
  run->progress = c->progress || (!c->quiet && isatty (STDERR_FILENO));
}

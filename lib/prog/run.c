/* run.c - the skeleton every program runs.  */
#include "prog/run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/header.h"
#include "prog/parallel.h"
#include "prog/scan.h"
#include "io/spool.h"
#include "base/cpus.h"
#include "base/xalloc.h"
#include "base/i18n.h"

int
mn_exit_status (const struct mn_error *e)
{
  return e->reason == MN_R_SYSTEM ? MN_EXIT_USAGE : MN_EXIT_DATA;
}

void
mn_run_init (struct mn_run *run, char *const *files, size_t nfiles,
             const char *output, const struct mn_reporter *rep)
{
  static char *const stdin_only[] = { "-" };
  memset (run, 0, sizeof *run);
  run->rep = rep;
  run->ro.delim = ',';
  run->ro.delim_option = true;
  run->ro.guess = true;
  run->ro.skip_rows = MN_SKIP_AUTO;
  if (!nfiles)
    files = stdin_only, nfiles = 1;
  run->input = xcalloc (nfiles, sizeof *run->input);
  run->ninput = nfiles;
  for (size_t i = 0; i < nfiles; i++)
    {
      run->input[i].file = files[i];
      run->input[i].name = mn_display_name (files[i]);
    }
  run->path[0] = output;
  run->table[0] = true;
  run->nout = 1;
}

struct mn_output *
mn_run_output (struct mn_run *run, const char *path)
{
  if (!path)
    return NULL;
  if (run->nout == MN_RUN_OUTPUTS)
    abort ();                   /* a program registering too many */
  run->path[run->nout] = path;
  return &run->out[run->nout++];
}

struct mn_output *
mn_run_table_output (struct mn_run *run, const char *path)
{
  struct mn_output *o = mn_run_output (run, path);
  if (o)
    run->table[run->nout - 1] = true;
  return o;
}

void
mn_run_reads (struct mn_run *run, const char *path)
{
  if (!path)
    return;
  if (run->nreads == MN_RUN_READS)
    abort ();                   /* a program naming too many */
  run->reads[run->nreads++] = path;
}

/* Keep STATUS when it is more severe than RUN's.  */
static void
keep (struct mn_run *run, int status)
{
  if (status > run->status)
    run->status = status;
}

void
mn_run_keep (struct mn_run *run, int status)
{
  keep (run, status);
}

int
mn_run_status (struct mn_run *run, int status)
{
  keep (run, status);
  run->failed = true;
  return -1;
}

int
mn_run_fail (struct mn_run *run, const struct mn_error *e, int status)
{
  mn_report_error (run->rep, e);
  return mn_run_status (run, status == MN_EXIT_AUTO ? mn_exit_status (e)
                                                    : status);
}

/* Report a note with no file: what a failed run left behind.  */
static void
note (struct mn_run *run, const char *msg)
{
  struct mn_error e;
  mn_error_set (&e, NULL, 0, MN_R_NONE, "%s", msg);
  mn_report_error (run->rep, &e);
}

/* For a run that reads its operands twice: copy operand RI, when it is
   no regular file, to a temporary file, read in both passes (reopening
   a FIFO would wait for a writer that never comes, and /dev/stdin would
   be at its end).  Returns 0, or -1 with E.  */
static int
spool_operand (struct mn_run_input *ri, struct mn_error *e)
{
  if (strcmp (ri->file, "-") == 0)
    return mn_spool_stdin (e);
  struct stat st;
  if (stat (ri->file, &st) != 0 || S_ISREG (st.st_mode)
      || S_ISDIR (st.st_mode))
    return 0;                   /* opened, and judged, as the others */
  FILE *fp = fopen (ri->file, "rb");
  if (!fp)
    return mn_error_set (e, ri->name, 0, MN_R_SYSTEM, "cannot open: %s",
                         strerror (errno));
  int rc = mn_spool (fp, ri->name, &ri->spool, e);
  fclose (fp);
  return rc;
}

/* Open operand RI into IN: its copy when it has one (from its start),
   else the file.  Returns 0, or -1 with E.  */
static int
open_operand (struct mn_run *run, struct mn_run_input *ri,
              struct mn_input *in, struct mn_error *e)
{
  if (!ri->spool)
    return mn_input_open (in, ri->file, &run->ro, e);
  if (fseeko (ri->spool, 0, SEEK_SET) != 0)
    return mn_error_set (e, ri->name, 0, MN_R_SYSTEM,
                         "cannot read the temporary copy again: %s",
                         strerror (errno));
  return mn_input_open_stream (in, ri->file, ri->spool, &run->ro, e);
}

/* Whether the file read as PATH ("-": standard input) is the file ST
   describes.  */
static bool
reads_file (const char *path, const struct stat *st)
{
  struct stat si;
  int rc = strcmp (path, "-") == 0 ? fstat (STDIN_FILENO, &si)
                                   : stat (path, &si);
  return rc == 0 && si.st_dev == st->st_dev && si.st_ino == st->st_ino;
}

/* Fail with E when the file ST describes (named OUT in the message) is
   one RUN reads.  Returns 0, or -1 with E.  */
static int
same_as_input (const struct mn_run *run, const char *out,
               const struct stat *st, struct mn_error *e)
{
  for (size_t i = 0; i < run->ninput + run->nreads; i++)
    {
      const char *in = i < run->ninput ? run->input[i].file
                                       : run->reads[i - run->ninput];
      if (reads_file (in, st))
        return mn_error_set (e, NULL, 0, MN_R_USAGE,
                             "output '%s' is the input '%s', the same "
                             "file; nothing written", out,
                             mn_display_name (in));
    }
  return 0;
}

/* Refuse an output, OUT (borrowed; NULL or "-": none to check), that
   is a file RUN reads: writing it would replace, or empty, an input.
   Only an existing regular file can be, or a pipe (writing into the
   pipe read, as -o /dev/stdin does, would feed the run its own output
   and never let it see the end): a new name is no input, and a device
   is written in place.  Returns 0, or -1 with E.  */
static int
check_not_input (const struct mn_run *run, const char *out,
                 struct mn_error *e)
{
  struct stat st;
  if (!out || strcmp (out, "-") == 0 || stat (out, &st) != 0
      || !(S_ISREG (st.st_mode) || S_ISFIFO (st.st_mode)))
    return 0;
  return same_as_input (run, out, &st, e);
}

/* The same for standard output, the main output when no file is named:
   a regular file there that is an input (">> survey.csv") would be read
   back as it grows.  */
static int
check_stdout_not_input (const struct mn_run *run, struct mn_error *e)
{
  struct stat st;
  if (fstat (STDOUT_FILENO, &st) != 0 || !S_ISREG (st.st_mode))
    return 0;
  return same_as_input (run, "(standard output)", &st, e);
}

int
mn_run_open (struct mn_run *run)
{
  if (run->failed)
    return -1;
  struct mn_error e;
  int bad = check_not_input (run, run->rejects_path, &e);
  for (size_t k = 0; k < run->nout && !bad; k++)
    bad = check_not_input (run, run->path[k], &e);
  if (!bad && (!run->path[0] || strcmp (run->path[0], "-") == 0))
    bad = check_stdout_not_input (run, &e);
  if (bad)
    return mn_run_fail (run, &e, MN_EXIT_USAGE);
  for (size_t i = 0; i < run->ninput && run->reread; i++)
    if (spool_operand (&run->input[i], &e) < 0)
      return mn_run_fail (run, &e, MN_EXIT_USAGE);
  if (mn_rejects_open_as (&run->rejects, run->rejects_path, &run->fmt,
                          &e) < 0)
    return mn_run_fail (run, &e, MN_EXIT_USAGE);
  for (size_t k = 0; k < run->nout; k++)
    if (mn_output_open_table (&run->out[k], run->path[k],
                              run->table[k] ? &run->fmt : NULL, &e) < 0)
      return mn_run_fail (run, &e, MN_EXIT_USAGE);
  return 0;
}

/* Read operand RI.  Returns 0, or -1 with E when the run must stop
   (STATUS then set).  */
static int
run_input (struct mn_run *run, struct mn_run_input *ri, struct mn_error *e)
{
  struct mn_input in;
  if (open_operand (run, ri, &in, e) < 0)
    return mn_run_status (run, mn_exit_status (e));
  ri->encoding = in.encoding;
  ri->guessed = in.guessed;
  mn_report_opened (run->rep, &in);
  mn_rejects_header (&run->rejects, &in.h);

  struct mn_error whole;
  int bound = run->bind ? run->bind (run->ctx, &in, &whole) : 0;
  run->started = true;
  if (bound < 0)
    {
      *e = whole;
      mn_input_close (&in);
      return mn_run_status (run, mn_exit_status (e));
    }
  if (bound == MN_RUN_WHOLE)
    {
      mn_report_error (run->rep, &whole);
      keep (run, MN_EXIT_DATA);
    }

  struct mn_scan scan = { .row = run->row, .header = run->header,
                          .rejected = run->rejected,
                          .prepare = run->prepare, .finish = run->finish,
                          .batch = run->batch,
                          .slot_size = run->slot_size,
                          .threads = run->threads == 0 ? mn_cpus ()
                                                       : run->threads,
                          .ctx = run->ctx,
                          .whole = bound == MN_RUN_WHOLE ? &whole : NULL,
                          .rejects = &run->rejects, .rep = run->rep,
                          .strict = run->strict,
                          .progress = run->progress };
  /* A large regular file on several threads, else here.  */
  int rc = bound == 0 ? mn_parallel_input (run, ri, &in, e) : 1;
  if (rc == 1)
    rc = mn_scan_input (&in, &scan, &ri->t, e);
  /* The guess may have been put off to the first line that is not
     ASCII (minyi-formats(5)).  */
  ri->encoding = in.encoding;
  ri->guessed = in.guessed;
  mn_tally_add (&run->total, &ri->t);
  mn_input_close (&in);
  if (ri->t.rejected)
    keep (run, MN_EXIT_DATA);
  if (rc < 0)
    return mn_run_status (run, mn_exit_status (e));
  ri->done = true;
  return 0;
}

int
mn_run_inputs (struct mn_run *run)
{
  if (run->failed)
    return -1;
  struct mn_error e;
  for (size_t i = 0; i < run->ninput; i++)
    if (run_input (run, &run->input[i], &e) < 0)
      {
        mn_report_error (run->rep, &e);
        /* Only plain CSV goes out while the inputs are read; a table in
           another form is converted, and written, when the run ends.  */
        bool to_file = run->path[0] && strcmp (run->path[0], "-") != 0;
        const char *partial = run->partial
                              && (to_file || mn_tabfmt_plain (&run->fmt))
                              ? run->partial : NULL;
        bool stopped = run->strict && run->total.rejected > 0;
        if (stopped)
          note (run, partial
                       ? _("stopped at the first rejected record (--strict)")
                       : _("stopped at the first rejected record (--strict); "
                         "nothing written"));
        if (partial && to_file)
          note (run, _("no output file written"));
        else if (partial && run->started)
          note (run, partial);
        return -1;
      }
  return 0;
}

int
mn_run_reopen (struct mn_run *run, size_t i, struct mn_input *in)
{
  if (run->failed)
    return -1;
  struct mn_error e;
  const char *file = run->input[i].file;
  if (strcmp (file, "-") == 0 && fseeko (stdin, 0, SEEK_SET) != 0)
    {
      mn_error_set (&e, run->input[i].name, 0, MN_R_SYSTEM,
                    "cannot read the temporary copy again: %s",
                    strerror (errno));
      return mn_run_fail (run, &e, MN_EXIT_USAGE);
    }
  /* The same file, the same options: the same guess.  */
  if (open_operand (run, &run->input[i], in, &e) < 0)
    return mn_run_fail (run, &e, MN_EXIT_USAGE);
  return 0;
}

int
mn_run_commit (struct mn_run *run)
{
  if (run->failed)
    return -1;
  struct mn_error e;
  /* Every output written whole before any is put into place: when one
     cannot be written, none replaces its file.  The main output first,
     then the rejects, then the others.  */
  int rc = mn_output_finish (&run->out[0], &e);
  if (rc == 0)
    rc = mn_rejects_finish (&run->rejects, &e);
  for (size_t k = 1; k < run->nout && rc == 0; k++)
    rc = mn_output_finish (&run->out[k], &e);
  if (rc == 0)
    rc = mn_output_publish (&run->out[0], &e);
  if (rc == 0)
    rc = mn_rejects_publish (&run->rejects, &e);
  for (size_t k = 1; k < run->nout && rc == 0; k++)
    rc = mn_output_publish (&run->out[k], &e);
  if (rc < 0)
    return mn_run_fail (run, &e, MN_EXIT_USAGE);
  if (run->ninput > 1)
    mn_report_tally (run->rep, NULL, &run->total);
  return 0;
}

int
mn_run_end (struct mn_run *run)
{
  for (size_t k = 0; k < run->nout; k++)
    mn_output_abort (&run->out[k]);
  mn_rejects_abort (&run->rejects);
  for (size_t i = 0; i < run->ninput; i++)
    if (run->input[i].spool)
      fclose (run->input[i].spool);
  free (run->input);
  run->input = NULL;
  run->ninput = 0;
  return run->status;
}

struct mn_prov_input *
mn_run_prov_inputs (const struct mn_run *run)
{
  struct mn_prov_input *v = xcalloc (run->ninput ? run->ninput : 1,
                                     sizeof *v);
  for (size_t i = 0; i < run->ninput; i++)
    {
      const struct mn_run_input *in = &run->input[i];
      v[i] = (struct mn_prov_input) { in->name, in->encoding, in->t.read,
                                      in->t.used, in->t.rejected };
    }
  return v;
}

/* diag.c - the programs' messages on standard error (program layer).  */
#include "prog/diag.h"

#include <errno.h>
#include <error.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "io/input.h"
#include "io/output.h"
#include "base/i18n.h"

/* The progress line (--progress): the one state of the program's
   standard error, so it is the program's alone.  */
static struct
{
  const struct mn_input *in;    /* the input being reported */
  double start, last;           /* when it began, when last shown */
  unsigned long long start_bytes;
  bool shown;                   /* a line is on the terminal */
} progress;

/* Seconds on a clock that only goes forward.  */
static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Take the progress line off the terminal, before a message or at the
   end.  */
static void
clear_progress (void)
{
  if (progress.shown)
    fputs ("\r\033[K", stderr);
  progress.shown = false;
}

/* Before a message on standard error: the progress line off the
   terminal, and the rows written so far to a standard output
   redirected to a file written out (io/output.h), as error() would
   have flushed stdout.  */
static void
before_message (void)
{
  clear_progress ();
  mn_output_sync_stdout ();
}


void
mn_diag (const struct mn_error *e)
{
  mn_output_sync_stdout ();
  /* One message, one line: a value quoted in the message may hold a
     line break or other control characters; show them escaped.  */
  char msg[2 * sizeof e->msg];
  size_t k = 0;
  for (const char *p = e->msg; *p && k + 5 < sizeof msg; p++)
    {
      unsigned char ch = *p;
      if (ch == '\n')
        k += (size_t) snprintf (msg + k, sizeof msg - k, "\\n");
      else if (ch == '\r')
        k += (size_t) snprintf (msg + k, sizeof msg - k, "\\r");
      else if (ch < 0x20 || ch == 0x7f)
        k += (size_t) snprintf (msg + k, sizeof msg - k, "\\x%02x", ch);
      else
        msg[k++] = (char) ch;
    }
  msg[k] = '\0';
  if (e->file && e->line)
    error_at_line (0, 0, e->file, e->line, "%s", msg);
  else if (e->file)
    error (0, 0, "%s: %s", e->file, msg);
  else
    error (0, 0, "%s", msg);
}

void
mn_tally_print (const struct mn_tally *t, const char *what)
{
  fflush (stdout);
  mn_output_sync_stdout ();
  fprintf (stderr, dngettext (MN_DOMAIN,
                              "%s: %s: %lu record, %lu used, %lu rejected",
                              "%s: %s: %lu records, %lu used, %lu rejected",
                              t->read),
           program_invocation_name, what, t->read, t->used, t->rejected);
  const char *sep = " (";
  for (int i = 0; i < MN_R_COUNT; i++)
    if (t->reason[i])
      {
        fprintf (stderr, "%s%s %lu", sep, mn_reason_name (i), t->reason[i]);
        sep = ", ";
      }
  fputs (*sep == ',' ? ")\n" : "\n", stderr);
}

static void
say_error (void *ctx, const struct mn_error *e)
{
  (void) ctx;
  before_message ();
  mn_diag (e);
}

/* Progress through IN, at most every half second: bytes and records
   read, the rate, and for a regular file the share done and the time
   left.  On a terminal the line is rewritten in place and cleared at
   the end; elsewhere (--progress to a file) each is a line of its
   own.  */
static void
say_progress (void *ctx, const struct mn_input *in, unsigned long long bytes,
              long long size, const struct mn_tally *t, bool done)
{
  (void) ctx;
  double tnow = now ();
  if (progress.in != in)
    {
      progress.in = in;
      progress.start = tnow;
      progress.last = tnow - 1;   /* the first look shows a line */
      progress.start_bytes = bytes;
    }
  if (t->read == 0 && !done)
    return;                     /* the start: nothing to say yet */
  if (done)
    {
      clear_progress ();
      progress.in = NULL;
      return;
    }
  if (tnow - progress.last < 0.5)
    return;
  progress.last = tnow;
  double secs = tnow - progress.start;
  double rate = secs > 0 ? (bytes - progress.start_bytes) / secs : 0;
  char line[256];
  int n = snprintf (line, sizeof line, "%s: %s: %.1f MB", program_invocation_name,
                    in->name, bytes / 1e6);
  if (size > 0 && n > 0 && (size_t) n < sizeof line)
    n += snprintf (line + n, sizeof line - n, _(" of %.1f MB (%.0f%%)"),
                   size / 1e6, 100.0 * bytes / size);
  if (n > 0 && (size_t) n < sizeof line)
    n += snprintf (line + n, sizeof line - n,
                   dngettext (MN_DOMAIN, ", %lu record, %.1f MB/s",
                              ", %lu records, %.1f MB/s", t->read),
                   t->read, rate / 1e6);
  if (size > 0 && rate > 0 && (unsigned long long) size >= bytes && n > 0
      && (size_t) n < sizeof line)
    {
      long left = (long) ((size - (long long) bytes) / rate + 0.5);
      snprintf (line + n, sizeof line - n, _(", %ld:%02ld left"), left / 60,
                left % 60);
    }
  if (isatty (STDERR_FILENO))
    {
      fprintf (stderr, "\r%s\033[K", line);
      progress.shown = true;
    }
  else
    fprintf (stderr, "%s\n", line);
  fflush (stderr);
}

/* A rejected record: the first MN_DIAG_LIMIT of each reason in an
   input, then once a note that the rest are held back.  */
static void
say_rejected (void *ctx, const struct mn_error *e, const struct mn_tally *t)
{
  (void) ctx;
  before_message ();
  unsigned long n = t->reason[e->reason];
  if (n <= MN_DIAG_LIMIT)
    mn_diag (e);
  if (n == MN_DIAG_LIMIT)
    error (0, 0, _("%s: further '%s' rejections are not shown (see "
                 "--rejects and the summary)"), e->file ? e->file : "",
           mn_reason_name (e->reason));
}

/* How IN was read: the rows skipped above its header, its encoding
   when guessed.  */
static void
say_opened (void *ctx, const struct mn_input *in)
{
  (void) ctx;
  before_message ();
  if (in->skipped)
    error (0, 0, dngettext (MN_DOMAIN,
                            "%s: %lu row above the header on line %lu "
                            "skipped (title rows; see --skip-rows)",
                            "%s: %lu rows above the header on line %lu "
                            "skipped (title rows; see --skip-rows)",
                            in->skipped),
           in->name, in->skipped, mn_header_line (&in->h));
  if (in->guessed && in->bad_lines == 0)
    /* Every line valid UTF-8, but reading as GB18030 Chinese
       (minyi-formats(5), Encodings): say so, and how to overrule.  */
    error (0, 0, _("%s: read as GB18030: its text is valid UTF-8 too, but "
                   "reads as Chinese only in GB18030 (-E UTF-8 if it is "
                   "not Chinese)"), in->name);
  else if (in->guessed)
    error (0, 0, _("%s: not valid UTF-8; read as GB18030"), in->name);
  if (in->mixed)
    error (0, 0, dngettext (MN_DOMAIN,
                            "%s: %lu line is not valid UTF-8, and the file "
                            "is not GB18030 either: read as UTF-8, those "
                            "rows rejected",
                            "%s: %lu lines are not valid UTF-8, and the "
                            "file is not GB18030 either: read as UTF-8, "
                            "those rows rejected", in->bad_lines),
           in->name, in->bad_lines);
}

static void
say_tally (void *ctx, const char *what, const struct mn_tally *t)
{
  (void) ctx;
  before_message ();
  mn_tally_print (t, what ? what : _("all inputs"));
}

const struct mn_reporter mn_reporter_stderr = {
  .error = say_error, .opened = say_opened, .rejected = say_rejected,
  .tally = say_tally, .progress = say_progress
};

const struct mn_reporter mn_reporter_stderr_quiet = {
  .error = say_error, .progress = say_progress
};

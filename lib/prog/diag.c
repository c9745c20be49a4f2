/* diag.c - the programs' messages on standard error (program layer).  */
#include "prog/diag.h"

#include <errno.h>
#include <error.h>
#include <stdio.h>

#include "io/input.h"
#include "base/i18n.h"

void
mn_diag (const struct mn_error *e)
{
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
  fprintf (stderr, _("%s: %s: %lu records, %lu used, %lu rejected"),
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
  mn_diag (e);
}

/* A rejected record: the first MN_DIAG_LIMIT of each reason in an
   input, then once a note that the rest are held back.  */
static void
say_rejected (void *ctx, const struct mn_error *e, const struct mn_tally *t)
{
  (void) ctx;
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
  if (in->skipped)
    error (0, 0, dngettext (MN_DOMAIN,
                            "%s: %lu row above the header on line %lu "
                            "skipped (title rows; see --skip-rows)",
                            "%s: %lu rows above the header on line %lu "
                            "skipped (title rows; see --skip-rows)",
                            in->skipped),
           in->name, in->skipped, mn_header_line (&in->h));
  if (in->guessed)
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
  mn_tally_print (t, what ? what : _("all inputs"));
}

const struct mn_reporter mn_reporter_stderr = {
  .error = say_error, .opened = say_opened, .rejected = say_rejected,
  .tally = say_tally
};

const struct mn_reporter mn_reporter_stderr_quiet = { .error = say_error };

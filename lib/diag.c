/* diag.c - printing messages for the programs.  */
#include "diag.h"

#include "input.h"

#include <errno.h>
#include <error.h>
#include <stdio.h>

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
mn_tally_add (struct mn_tally *to, const struct mn_tally *from)
{
  to->read += from->read;
  to->used += from->used;
  to->rejected += from->rejected;
  for (int i = 0; i < MN_R_COUNT; i++)
    to->reason[i] += from->reason[i];
}

void
mn_tally_print (const struct mn_tally *t, const char *what)
{
  fflush (stdout);
  fprintf (stderr, "%s: %s: %lu records, %lu used, %lu rejected",
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

void
mn_diag_limited (const struct mn_error *e, unsigned long *count)
{
  unsigned long n = ++count[e->reason];
  if (n <= MN_DIAG_LIMIT)
    mn_diag (e);
  if (n == MN_DIAG_LIMIT)
    error (0, 0, "%s: further '%s' rejections are not shown (see "
                 "--rejects and the summary)", e->file ? e->file : "",
           mn_reason_name (e->reason));
}

void
mn_input_note_encoding (const struct mn_input *in, bool quiet)
{
  if (quiet)
    return;
  if (in->guessed)
    error (0, 0, "%s: not valid UTF-8; read as GB18030", in->name);
  if (in->mixed)
    error (0, 0, "%s: %lu line%s not valid UTF-8, and the file is not "
                 "GB18030 either: read as UTF-8, those rows rejected",
           in->name, in->bad_lines, in->bad_lines == 1 ? " is" : "s are");
}

/* helpwrap.c - --help laid out by display width (helpwrap.h).  */
#include "prog/helpwrap.h"

#include <argp.h>
#include <stdio.h>
#include <langinfo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/xalloc.h"
#include "report/dwidth.h"

/* argp's default right margin, and the column where its option docs
   start (opt-doc-col).  */
enum
{
  RMARGIN = 79,
  OPT_DOC_COL = 29
};

/* CJK punctuation that closes or separates: no line starts with it.  */
static bool
no_break_before (unsigned long c)
{
  static const unsigned long closing[] = {
    0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF09, 0x201D, 0x2019,
    0xFF01, 0xFF1F, 0x300B, 0x300D, 0x300F, 0x3011
  };
  for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
    if (c == closing[i])
      return true;
  return false;
}

/* Opening punctuation: no line ends with it.  */
static bool
no_break_after (unsigned long c)
{
  return c == 0xFF08 || c == 0x201C || c == 0x2018 || c == 0x300A
         || c == 0x300C || c == 0x300E || c == 0x3010;
}

static bool
has_non_ascii (const char *s)
{
  for (; *s; s++)
    if ((unsigned char) *s >= 0x80)
      return true;
  return false;
}

/* Append the LEN bytes at S to OUT (capacity *CAP, length *N).  */
static char *
put (char *out, size_t *n, size_t *cap, const char *s, size_t len)
{
  out = xgrow (out, cap, *n + len + 1, 1);
  memcpy (out + *n, s, len);
  *n += len;
  out[*n] = '\0';
  return out;
}

/* Wrap the line S (LEN bytes, no newline) to WIDTH columns into OUT,
   each line after the first indented by INDENT spaces (INDENT < WIDTH).
   A break goes at the last space (dropped) or between two characters of
   which one is wide, not before closing nor after opening punctuation.
   A line that fits is copied as it is.  */
static char *
wrap_line (char *out, size_t *n, size_t *cap, const char *s, size_t len,
           size_t width, size_t indent)
{
  if (mn_dwidth (s, len) <= width)
    return put (out, n, cap, s, len);
  size_t start = 0, lead = 0;
  while (start < len)
    {
      size_t col = lead, i = start, brk = 0, resume = 0;
      unsigned long prev = ' ';
      while (i < len)
        {
          unsigned long c;
          size_t k = mn_utf8_decode (s + i, len - i, &c);
          size_t w = (size_t) mn_cp_width (c);
          if (i > start)
            {
              if (c == ' ')
                brk = i, resume = i + 1;
              else if ((w == 2 || mn_cp_width (prev) == 2)
                       && prev != ' ' && !no_break_before (c)
                       && !no_break_after (prev))
                brk = i, resume = i;
            }
          if (col + w > width && brk > start)
            break;
          col += w;
          prev = c;
          i += k;
        }
      if (i >= len)
        brk = resume = len;
      /* No trailing blanks before a break.  */
      size_t end = brk;
      while (end > start && s[end - 1] == ' ')
        end--;
      out = put (out, n, cap, s + start, end - start);
      while (resume < len && s[resume] == ' ')
        resume++;
      if (resume < len)
        {
          out = put (out, n, cap, "\n", 1);
          for (size_t j = 0; j < indent; j++)
            out = put (out, n, cap, " ", 1);
        }
      start = resume;
      lead = indent;
    }
  return out;
}

static bool wrapping;

void
mn_help_wrap_init (void)
{
  /* argp's own "Usage:" tells whether --help is translated.  */
  static const char fmt[] = "rmargin=1000";
  const char *user = getenv ("ARGP_HELP_FMT");
  if (strcmp (_("Usage:"), "Usage:") == 0
      || strcmp (nl_langinfo (CODESET), "UTF-8") != 0
      || (user && strcmp (user, fmt) != 0))
    return;
  /* Set here, or by the front command minyi that ran this one.  */
  setenv ("ARGP_HELP_FMT", fmt, 1);
  wrapping = true;
}

char *
mn_help_filter (int key, const char *text, void *input)
{
  (void) input;
  if (!wrapping || !text || !has_non_ascii (text))
    return (char *) text;
  size_t width;
  switch (key)
    {
    case ARGP_KEY_HELP_PRE_DOC:
    case ARGP_KEY_HELP_POST_DOC:
    case ARGP_KEY_HELP_EXTRA:
      width = RMARGIN;
      break;
    default:
      /* An option's doc: left on one line.  A line break in it would be
         indented by argp's left margin, which glibc's argp-fmtstream
         writes ahead of the text still in its buffer when the buffer is
         full, scrambling the layout; a line as long as the terminal is
         wide breaks there instead.  */
      return (char *) text;
    }
  size_t n = 0, cap = 0;
  char *out = NULL;
  out = put (out, &n, &cap, "", 0);
  for (const char *p = text;;)
    {
      const char *nl = strchr (p, '\n');
      size_t len = nl ? (size_t) (nl - p) : strlen (p);
      out = wrap_line (out, &n, &cap, p, len, width, 0);
      if (!nl)
        break;
      out = put (out, &n, &cap, "\n", 1);
      p = nl + 1;
    }
  return out;
}

/* --help as argp wrote it, one line an option (rmargin=1000), while
   mn_help_capture holds it.  */
static FILE *help_out;
static char *help_buf;
static size_t help_len;

/* At exit (before close_stdout, registered earlier): write the captured
   --help to standard output, each line wider than RMARGIN columns
   wrapped; an option's doc goes on at OPT_DOC_COL, any other line at
   its own indentation.  */
static void
flush_help (void)
{
  if (!help_out)
    return;
  FILE *f = help_out;
  help_out = NULL;
  fclose (f);
  size_t n = 0, cap = 0;
  char *out = put (NULL, &n, &cap, "", 0);
  for (const char *p = help_buf; p < help_buf + help_len;)
    {
      const char *nl = memchr (p, '\n', (size_t) (help_buf + help_len - p));
      size_t len = nl ? (size_t) (nl - p) : (size_t) (help_buf + help_len - p);
      size_t lead = 0;
      while (lead < len && p[lead] == ' ')
        lead++;
      size_t indent = lead < len && p[lead] == '-' ? OPT_DOC_COL : lead;
      if (indent >= RMARGIN / 2)
        indent = OPT_DOC_COL;
      out = wrap_line (out, &n, &cap, p, len, RMARGIN, indent);
      if (!nl)
        break;
      out = put (out, &n, &cap, "\n", 1);
      p = nl + 1;
    }
  fwrite (out, 1, n, stdout);
  free (out);
  free (help_buf);
  help_buf = NULL;
}

void
mn_help_capture (struct argp_state *state)
{
  if (!wrapping || help_out)
    return;
  FILE *f = open_memstream (&help_buf, &help_len);
  if (!f)
    return;
  help_out = f;
  state->out_stream = f;
  atexit (flush_help);
}

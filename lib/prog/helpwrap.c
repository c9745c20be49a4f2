/* helpwrap.c - --help laid out by display width (helpwrap.h).  */
#include "prog/helpwrap.h"

#include <argp.h>
#include <langinfo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/xalloc.h"
#include "report/dwidth.h"

/* argp's default right margin.  */
enum
{
  RMARGIN = 79
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

/* Wrap the line S (LEN bytes, no newline) to WIDTH columns into OUT.
   A break goes at the last space (dropped) or between two characters of
   which one is wide, not before closing nor after opening punctuation.  */
static char *
wrap_line (char *out, size_t *n, size_t *cap, const char *s, size_t len,
           size_t width)
{
  bool wide_line = false;
  for (size_t i = 0; i < len; i++)
    if ((unsigned char) s[i] >= 0x80)
      wide_line = true;
  if (!wide_line)
    return put (out, n, cap, s, len);
  size_t start = 0;
  while (start < len)
    {
      size_t col = 0, i = start, brk = 0, resume = 0;
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
      out = put (out, n, cap, s + start, brk - start);
      while (resume < len && s[resume] == ' ')
        resume++;
      if (resume < len)
        out = put (out, n, cap, "\n", 1);
      start = resume;
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
      out = wrap_line (out, &n, &cap, p, len, width);
      if (!nl)
        break;
      out = put (out, &n, &cap, "\n", 1);
      p = nl + 1;
    }
  return out;
}

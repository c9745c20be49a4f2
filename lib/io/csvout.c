/* csvout.c - writing CSV.  libcsv's csv_fwrite quotes every field; we
   quote only where RFC 4180 requires it, as spreadsheets do, so that
   plain tables stay plain for sort(1), join(1) and datamash(1).  */
#include "io/csvout.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void
mn_csv_field (FILE *fp, const char *s, size_t len, char delim)
{
  int quote = 0;
  for (size_t i = 0; i < len && !quote; i++)
    quote = s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
  if (!quote)
    {
      fwrite (s, 1, len, fp);
      return;
    }
  putc ('"', fp);
  for (size_t i = 0; i < len; i++)
    {
      if (s[i] == '"')
        putc ('"', fp);
      putc (s[i], fp);
    }
  putc ('"', fp);
}

void
mn_csv_str (FILE *fp, const char *s, char delim)
{
  mn_csv_field (fp, s, strlen (s), delim);
}

void
mn_csv_row (FILE *fp, char *const *f, const size_t *len, size_t n, char delim)
{
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        putc (delim, fp);
      mn_csv_field (fp, f[i], len[i], delim);
    }
  putc ('\n', fp);
}

size_t
mn_num_format (char *buf, size_t size, double x, int digits)
{
  if (!isfinite (x))
    {
      if (size)
        buf[0] = '\0';
      return 0;
    }
  if (x == 0)
    x = 0;      /* no "-0" */
  int n;
  if (digits > 0)
    n = snprintf (buf, size, "%.*g", digits, x);
  else if (x == trunc (x) && fabs (x) < 9007199254740992.0)
    n = snprintf (buf, size, "%.0f", x);
  else if (fabs (x) < DBL_MIN)
    /* Subnormals have fewer bits, so maybe fewer digits than 15.  */
    for (int p = 1;; p++)
      {
        n = snprintf (buf, size, "%.*g", p, x);
        if (p == 17 || strtod (buf, NULL) == x)
          break;
      }
  else
    {
      /* printf and strtod agree on the decimal point, and
         mn_program_init keeps LC_NUMERIC at "C", so it is '.'.  Half of
         all doubles need 17 digits and most of the rest 16: try 16
         first, then 15 if 16 reads back, else take 17.  */
      n = snprintf (buf, size, "%.16g", x);
      if (strtod (buf, NULL) != x)
        n = snprintf (buf, size, "%.17g", x);
      else
        {
          char b15[MN_NUM_BUFSIZE];
          int n15 = snprintf (b15, sizeof b15, "%.15g", x);
          if (strtod (b15, NULL) == x && n15 >= 0 && (size_t) n15 < size)
            {
              memcpy (buf, b15, (size_t) n15 + 1);
              n = n15;
            }
        }
    }
  return n < 0 ? 0 : (size_t) n;
}

void
mn_csv_num (FILE *fp, double x, int digits)
{
  char buf[MN_NUM_BUFSIZE];
  size_t n = mn_num_format (buf, sizeof buf, x, digits);
  fwrite (buf, 1, n, fp);
}

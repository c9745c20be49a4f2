/* csvout.c - writing CSV.  libcsv's csv_fwrite quotes every field; we
   quote only where RFC 4180 requires it, as spreadsheets do, so that
   plain tables stay plain for sort(1), join(1) and datamash(1).  */
#include "csvout.h"

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

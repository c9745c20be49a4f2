/* provenance.c - how a table was made.  */
#include "io/provenance.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/utf8.h"
#include "io/csvout.h"
#include "base/xalloc.h"

#define PROV_FORMAT "minyi-provenance 1"

int
mn_prov_date (char *buf, size_t size, struct mn_error *e)
{
  const char *sde = getenv ("SOURCE_DATE_EPOCH");
  time_t t;
  if (sde && *sde)
    {
      char *end;
      errno = 0;
      long long v = strtoll (sde, &end, 10);
      /* ISO 8601's four-digit years end with 9999-12-31T23:59:59Z.  */
      if (errno || *end || v < 0 || v > 253402300799LL || sde[0] < '0'
          || sde[0] > '9')
        return mn_error_set (e, NULL, 0, MN_R_USAGE,
                             "SOURCE_DATE_EPOCH '%s' is not a whole number "
                             "of seconds from 0 to 253402300799 (the end "
                             "of 9999)", sde);
      t = (time_t) v;
    }
  else
    t = time (NULL);
  struct tm tm;
  if (!gmtime_r (&t, &tm)
      || strftime (buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
    return mn_error_set (e, NULL, 0, MN_R_USAGE,
                         "the date of the run cannot be written");
  return 0;
}

/* VALUE as it goes into the file: itself when it is UTF-8, else (a
   file name in another encoding) with each byte above 0x7f as \xHH, so
   that the file stays UTF-8 and the bytes can still be told.  Caller
   frees.  */
static char *
utf8_or_escaped (const char *value)
{
  size_t n = strlen (value);
  if (mn_utf8_valid (value, n))
    return xstrdup (value);
  char *s = xmalloc (4 * n + 1), *q = s;
  for (const unsigned char *p = (const unsigned char *) value; *p; p++)
    if (*p < 0x80)
      *q++ = (char) *p;
    else
      q += sprintf (q, "\\x%02x", *p);
  *q = '\0';
  return s;
}

static void
row (FILE *out, const char *field, const char *value)
{
  char *v = utf8_or_escaped (value);
  mn_csv_str (out, field, ',');
  putc (',', out);
  mn_csv_str (out, v, ',');
  putc ('\n', out);
  free (v);
}

static void
row_count (FILE *out, const char *field, unsigned long v)
{
  char buf[32];
  snprintf (buf, sizeof buf, "%lu", v);
  row (out, field, buf);
}

/* The command line, each word quoted for a POSIX shell where it must
   be, so that it can be pasted back: '...' around a word with other
   characters than letters, digits, UTF-8 and -_./=:,+@%; a word that is
   not UTF-8 as $'...' with \xHH for its bytes above 0x7f (the quoting
   of bash, ksh, zsh and POSIX.1-2024 sh).  */
static void
row_command (FILE *out, int argc, char **argv)
{
  size_t cap = 1, len = 0;
  char *cmd = xmalloc (cap);
  cmd[0] = '\0';
  for (int i = 0; i < argc; i++)
    {
      const char *w = argv[i];
      bool utf8 = mn_utf8_valid (w, strlen (w));
      bool plain = *w != '\0' && utf8;
      for (const char *p = w; *p && plain; p++)
        plain = strchr ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "0123456789-_./=:,+@%", *p) != NULL
                || (unsigned char) *p >= 0x80;
      size_t need = len + 4 * strlen (w) + 4;
      cmd = xgrow (cmd, &cap, need, 1);
      if (i)
        cmd[len++] = ' ';
      if (!utf8)
        {
          cmd[len++] = '$';
          cmd[len++] = '\'';
          for (const unsigned char *p = (const unsigned char *) w; *p; p++)
            if (*p >= 0x80 || *p < 0x20 || *p == '\'' || *p == '\\')
              len += (size_t) sprintf (cmd + len, "\\x%02x", *p);
            else
              cmd[len++] = (char) *p;
          cmd[len++] = '\'';
        }
      else if (plain)
        {
          memcpy (cmd + len, w, strlen (w));
          len += strlen (w);
        }
      else
        {
          cmd[len++] = '\'';
          for (const char *p = w; *p; p++)
            if (*p == '\'')
              {
                memcpy (cmd + len, "'\\''", 4);
                len += 4;
              }
            else
              cmd[len++] = *p;
          cmd[len++] = '\'';
        }
      cmd[len] = '\0';
    }
  row (out, "command", cmd);
  free (cmd);
}

void
mn_prov_write (const struct mn_prov *p, FILE *out)
{
  fputs ("field,value\n", out);
  row (out, "format", PROV_FORMAT);
  row (out, "program", p->program);
  row (out, "version", p->version);
  row (out, "date", p->date);
  row_command (out, p->argc, p->argv);
  unsigned long records = 0, used = 0, rejected = 0;
  for (size_t i = 0; i < p->ninput; i++)
    {
      const struct mn_prov_input *in = &p->input[i];
      row (out, "input", in->name);
      row (out, "input_encoding", in->encoding ? in->encoding : "");
      row_count (out, "input_records", in->records);
      row_count (out, "input_used", in->used);
      row_count (out, "input_rejected", in->rejected);
      records += in->records;
      used += in->used;
      rejected += in->rejected;
    }
  row_count (out, "records", records);
  row_count (out, "used", used);
  row_count (out, "rejected", rejected);
  row (out, "columns", p->columns ? p->columns : "");
  row (out, "columns_sha256", p->columns ? p->columns_sha256 : "");
  for (size_t i = 0; i < p->nfact; i++)
    row (out, p->fact[2 * i], p->fact[2 * i + 1]);
}

char *
mn_prov_path_for (const char *meta, const char *path)
{
  if (meta)
    return xstrdup (meta);
  if (!path || strcmp (path, "-") == 0)
    return NULL;
  size_t n = strlen (path);
  char *s = xmalloc (n + sizeof ".meta.csv");
  memcpy (s, path, n);
  memcpy (s + n, ".meta.csv", sizeof ".meta.csv");
  return s;
}

/* provenance.c - how a table was made.  */
#include "io/provenance.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
      if (errno || *end || v < 0 || sde[0] < '0' || sde[0] > '9')
        return mn_error_set (e, NULL, 0, MN_R_USAGE,
                             "SOURCE_DATE_EPOCH '%s' is not a whole number "
                             "of seconds", sde);
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

static void
row (FILE *out, const char *field, const char *value)
{
  mn_csv_str (out, field, ',');
  putc (',', out);
  mn_csv_str (out, value, ',');
  putc ('\n', out);
}

static void
row_count (FILE *out, const char *field, unsigned long v)
{
  char buf[32];
  snprintf (buf, sizeof buf, "%lu", v);
  row (out, field, buf);
}

/* The command line, each word quoted for a POSIX shell where it must
   be, so that it can be pasted back.  */
static void
row_command (FILE *out, int argc, char **argv)
{
  size_t cap = 1, len = 0;
  char *cmd = xmalloc (cap);
  cmd[0] = '\0';
  for (int i = 0; i < argc; i++)
    {
      const char *w = argv[i];
      bool plain = *w != '\0';
      for (const char *p = w; *p && plain; p++)
        plain = strchr ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "0123456789-_./=:,+@%", *p) != NULL
                || (unsigned char) *p >= 0x80;
      size_t need = len + 4 * strlen (w) + 4;
      cmd = xgrow (cmd, &cap, need, 1);
      if (i)
        cmd[len++] = ' ';
      if (plain)
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

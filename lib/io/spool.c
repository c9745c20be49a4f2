/* spool.c - temporary files, and making a pipe readable twice.  */
#include "io/spool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"

FILE *
mn_tmpfile (void)
{
  const char *dir = getenv ("TMPDIR");
  if (!dir || !*dir)
    dir = "/tmp";
  size_t n = strlen (dir);
  char *path = xmalloc (n + sizeof "/minyi.XXXXXX");
  memcpy (path, dir, n);
  memcpy (path + n, "/minyi.XXXXXX", sizeof "/minyi.XXXXXX");
  int fd = mkstemp (path);
  FILE *fp = NULL;
  if (fd >= 0)
    {
      unlink (path);
      fp = fdopen (fd, "w+");
      if (!fp)
        {
          int err = errno;
          close (fd);
          errno = err;
        }
    }
  free (path);
  return fp;
}

int
mn_spool (FILE *src, const char *name, FILE **copy, struct mn_error *e)
{
  FILE *tmp = mn_tmpfile ();
  if (!tmp)
    {
      const char *dir = getenv ("TMPDIR");
      return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                           "cannot make a temporary file in %s: %s",
                           dir && *dir ? dir : "/tmp", strerror (errno));
    }
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, src)) > 0)
    if (fwrite (buf, 1, n, tmp) != n)
      break;
  int err = errno;
  if (ferror (src) || ferror (tmp) || fflush (tmp) != 0)
    {
      fclose (tmp);
      return mn_error_set (e, name, 0, MN_R_SYSTEM,
                           "cannot copy to a temporary file: %s",
                           strerror (err));
    }
  rewind (tmp);
  *copy = tmp;
  return 0;
}

int
mn_spool_stdin (struct mn_error *e)
{
  if (fseeko (stdin, 0, SEEK_CUR) == 0)
    return 0;
  FILE *tmp;
  if (mn_spool (stdin, "(standard input)", &tmp, e) < 0)
    return -1;
  int bad = dup2 (fileno (tmp), STDIN_FILENO) < 0;
  int err = errno;
  fclose (tmp);
  clearerr (stdin);
  if (bad || fseeko (stdin, 0, SEEK_SET) != 0)
    return mn_error_set (e, "(standard input)", 0, MN_R_SYSTEM,
                         "cannot read standard input again: %s",
                         strerror (bad ? err : errno));
  return 0;
}

/* output.c - output files written atomically (temporary file, then
   rename(2)).  */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

int
mn_output_open (struct mn_output *o, const char *path, struct mn_error *e)
{
  memset (o, 0, sizeof *o);
  if (!path || strcmp (path, "-") == 0)
    {
      o->fp = stdout;
      return 0;
    }
  size_t n = strlen (path);
  o->tmp = xmalloc (n + sizeof ".tmpXXXXXX");
  memcpy (o->tmp, path, n);
  memcpy (o->tmp + n, ".tmpXXXXXX", sizeof ".tmpXXXXXX");
  int fd = mkstemp (o->tmp);
  if (fd < 0)
    {
      mn_error_set (e, path, 0, MN_R_SYSTEM, "cannot create: %s",
                    strerror (errno));
      free (o->tmp);
      o->tmp = NULL;
      return -1;
    }
  /* mkstemp makes 0600; give the file the mode a plain open would.  */
  mode_t mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  o->fp = fdopen (fd, "w");
  if (!o->fp)
    {
      mn_error_set (e, path, 0, MN_R_SYSTEM, "cannot open: %s",
                    strerror (errno));
      close (fd);
      unlink (o->tmp);
      free (o->tmp);
      o->tmp = NULL;
      return -1;
    }
  o->path = xstrdup (path);
  return 0;
}

int
mn_output_commit (struct mn_output *o, struct mn_error *e)
{
  if (!o->fp)
    return 0;
  if (!o->path)
    {
      o->fp = NULL;
      if (fflush (stdout) != 0 || ferror (stdout))
        return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                             "write error on standard output: %s",
                             strerror (errno ? errno : EIO));
      return 0;
    }
  int bad = ferror (o->fp);
  int err = bad ? EIO : 0;
  if (fflush (o->fp) != 0 && !err)
    err = errno;
  if (fclose (o->fp) != 0 && !err)
    err = errno;
  o->fp = NULL;
  if (err || rename (o->tmp, o->path) != 0)
    {
      mn_error_set (e, o->path, 0, MN_R_SYSTEM, "cannot write: %s",
                    strerror (err ? err : errno));
      mn_output_abort (o);
      return -1;
    }
  free (o->tmp);
  free (o->path);
  o->tmp = o->path = NULL;
  return 0;
}

void
mn_output_abort (struct mn_output *o)
{
  if (o->fp && o->path)
    fclose (o->fp);
  o->fp = NULL;
  if (o->tmp)
    unlink (o->tmp);
  free (o->tmp);
  free (o->path);
  o->tmp = o->path = NULL;
}

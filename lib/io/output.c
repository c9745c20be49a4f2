/* output.c - output files written atomically (temporary file, then
   rename(2)).  */
#include "io/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio_ext.h>
#include <signal.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "io/spool.h"
#include "io/wfile.h"

/* The temporary files that exist now, for mn_output_remove_temporaries,
   which a signal handler calls: changed only with the signals that stop
   a program blocked, so the handler never sees a half-made entry or a
   freed name.  */
#define TMP_MAX_OPEN 64
static char *volatile tmp_open[TMP_MAX_OPEN];

static void
block (sigset_t *old)
{
  sigset_t s;
  sigemptyset (&s);
  sigaddset (&s, SIGINT);
  sigaddset (&s, SIGTERM);
  sigaddset (&s, SIGHUP);
  sigaddset (&s, SIGQUIT);
  sigaddset (&s, SIGPIPE);
  sigprocmask (SIG_BLOCK, &s, old);
}

static void
unblock (const sigset_t *old)
{
  sigprocmask (SIG_SETMASK, old, NULL);
}

static void
remember (char *tmp)
{
  for (size_t i = 0; i < TMP_MAX_OPEN; i++)
    if (!tmp_open[i])
      {
        tmp_open[i] = tmp;
        return;
      }
}

static void
forget (char *tmp)
{
  for (size_t i = 0; i < TMP_MAX_OPEN; i++)
    if (tmp_open[i] == tmp)
      tmp_open[i] = NULL;
}

void
mn_output_remember (char *path)
{
  sigset_t old;
  block (&old);
  remember (path);
  unblock (&old);
}

void
mn_output_forget (char *path)
{
  sigset_t old;
  block (&old);
  forget (path);
  unblock (&old);
}

void
mn_output_remove_temporaries (void)
{
  for (size_t i = 0; i < TMP_MAX_OPEN; i++)
    if (tmp_open[i])
      unlink (tmp_open[i]);
}

/* The file symbolic link PATH names, even when it does not exist yet
   (caller frees), or NULL.  */
static char *
link_target (const char *path)
{
  char *real = realpath (path, NULL);
  if (real)
    return real;
  char buf[PATH_MAX];
  ssize_t n = readlink (path, buf, sizeof buf - 1);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  if (buf[0] == '/')
    return xstrdup (buf);
  /* Relative to the link's directory.  */
  const char *slash = strrchr (path, '/');
  size_t dl = slash ? (size_t) (slash - path) + 1 : 0;
  char *t = xmalloc (dl + (size_t) n + 1);
  memcpy (t, path, dl);
  memcpy (t + dl, buf, (size_t) n + 1);
  return t;
}

/* PATH made canonical as far as it exists: the file a link names, and
   the directory's real path with the last name appended when the file
   does not exist yet (caller frees).  */
static char *
canonical (const char *path)
{
  char *real = link_target (path);
  if (real)
    {
      char *again = realpath (real, NULL);
      if (again)
        {
          free (real);
          return again;
        }
      path = real;
    }
  const char *slash = strrchr (path, '/');
  char *dir = slash ? xmemdup0 (path, (size_t) (slash - path) + (slash == path))
                    : xstrdup (".");
  const char *base = slash ? slash + 1 : path;
  char *rdir = realpath (dir, NULL);
  char *out;
  if (rdir)
    {
      out = xmalloc (strlen (rdir) + strlen (base) + 2);
      sprintf (out, "%s/%s", rdir, base);
    }
  else
    out = xstrdup (path);
  free (rdir);
  free (dir);
  free (real);
  return out;
}

bool
mn_output_same (const char *a, const char *b)
{
  if (!a || !b)
    return false;
  if (strcmp (a, "-") == 0 || strcmp (b, "-") == 0)
    return strcmp (a, b) == 0;
  struct stat sa, sb;
  if (stat (a, &sa) == 0 && stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  char *ca = canonical (a), *cb = canonical (b);
  bool same = strcmp (ca, cb) == 0;
  free (ca);
  free (cb);
  return same;
}

/* The stream of our own on a standard output redirected to a file,
   while it is open, and the thread that writes it: for
   mn_output_sync_stdout.  */
static FILE *own_fp;
static struct mn_wfile *own_wf;
static pthread_t own_thread;

/* FP is being closed: no longer the one to sync.  */
static void
forget_own (FILE *fp)
{
  if (fp && fp == own_fp)
    {
      own_fp = NULL;
      own_wf = NULL;
    }
}

void
mn_output_sync_stdout (void)
{
  if (own_fp && pthread_equal (pthread_self (), own_thread))
    {
      fflush (own_fp);
      mn_wfile_error (own_wf);    /* an error is kept, and reported
                                     when the output is finished */
    }
}

/* A stream writing to FD (owned: closed by fclose) into O, with O->wf;
   on a helper thread when ASYNC (wfile.h).  Returns it, or NULL with
   errno set (FD then not closed).  */
static FILE *
wfile_open (struct mn_output *o, int fd, bool async)
{
  return mn_wfile_open (fd, async, &o->wf);
}

#define TMP_SUFFIX ".tmpXXXXXX"

/* The template of PATH's temporary file (caller frees): PATH with
   TMP_SUFFIX, in the same directory so that rename(2) can put it in
   place.  When the last name of PATH is too long to take the suffix
   (a valid name of 246 to 255 bytes), it is cut, at a character's
   start, to leave room.  A name too long itself is left whole, so that
   making the temporary file fails as opening the name would, before
   anything is written.  */
static char *
tmp_template (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t dl = (size_t) (base - path), bl = strlen (base);
  long max = NAME_MAX;
  if (dl)
    {
      char *dir = xmemdup0 (path, dl);
      long m = pathconf (dir, _PC_NAME_MAX);
      free (dir);
      if (m > 0)
        max = m;
    }
  else
    {
      long m = pathconf (".", _PC_NAME_MAX);
      if (m > 0)
        max = m;
    }
  size_t room = (size_t) max > sizeof TMP_SUFFIX
                  ? (size_t) max - (sizeof TMP_SUFFIX - 1) : 1;
  if (bl > room && bl <= (size_t) max)
    {
      bl = room;
      while (bl > 1 && ((unsigned char) base[bl] & 0xC0) == 0x80)
        bl--;
    }
  char *t = xmalloc (dl + bl + sizeof TMP_SUFFIX);
  memcpy (t, path, dl + bl);
  memcpy (t + dl + bl, TMP_SUFFIX, sizeof TMP_SUFFIX);
  return t;
}

/* The process's umask, read without setting it: umask (2) can only
   be read by setting it, and while it is 0 a file another thread
   creates gets the wrong mode.  Linux says it in /proc/self/status
   (since 4.7); elsewhere, set and set back.  */
static mode_t
file_mask (void)
{
  FILE *f = fopen ("/proc/self/status", "re");
  if (f)
    {
      char line[256];
      unsigned int m;
      bool found = false;
      while (!found && fgets (line, sizeof line, f))
        found = sscanf (line, "Umask: %o", &m) == 1;
      fclose (f);
      if (found)
        return (mode_t) m & 0777;
    }
  mode_t mask = umask (0);
  umask (mask);
  return mask;
}

int
mn_output_open (struct mn_output *o, const char *path, struct mn_error *e)
{
  memset (o, 0, sizeof *o);
  if (!path || strcmp (path, "-") == 0)
    {
      /* A standard output the caller closed (opened for reading over
         it at start): say so now, before any input is read.  */
      int fl = fcntl (STDOUT_FILENO, F_GETFL);
      if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY)
        return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                             "standard output is closed");
      o->fp = stdout;
      /* Redirected to a regular file (> FILE): written on a helper
         thread like an output file, through a descriptor of its own
         sharing the file's offset.  To a device other than a terminal
         (> /dev/full) likewise, but on this thread: our stream keeps
         the first write error's cause, which stdio forgets (a later
         flush would say only "Input/output error").  A pipe or a
         terminal is written as it always was: its reader's SIGPIPE,
         its lines as they come.  */
      struct stat st;
      int fd;
      bool reg = false;
      if (fstat (STDOUT_FILENO, &st) == 0
          && ((reg = S_ISREG (st.st_mode))
              || (S_ISCHR (st.st_mode) && !isatty (STDOUT_FILENO)))
          && fflush (stdout) == 0
          && (fd = fcntl (STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) >= 0)
        {
          FILE *fp = wfile_open (o, fd, reg);
          if (fp)
            {
              o->fp = own_fp = fp;
              own_wf = o->wf;
              own_thread = pthread_self ();
            }
          else
            close (fd);
        }
      return 0;
    }
  if (!*path)
    return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                         "empty output file name");
  struct stat st;
  if (stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    return mn_error_set (e, path, 0, MN_R_SYSTEM, "is a directory");
  if (stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      /* A device or a FIFO (/dev/null, a pipe): write to it as it is;
         it cannot be replaced, and must not be.  */
      int dfd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                      0666);
      o->fp = dfd < 0 ? NULL : wfile_open (o, dfd, false);
      if (!o->fp)
        {
          int err = errno;
          if (dfd >= 0)
            close (dfd);
          return mn_error_set (e, path, 0, MN_R_SYSTEM, "cannot open: %s",
                               strerror (err));
        }
      o->path = xstrdup (path);
      o->direct = true;
      return 0;
    }
  /* A symbolic link: replace the file it names, not the link.  */
  char *real = NULL;
  struct stat lst;
  if (lstat (path, &lst) == 0 && S_ISLNK (lst.st_mode))
    real = link_target (path);
  if (real)
    path = real;
  o->tmp = tmp_template (path);
  sigset_t old;
  block (&old);
  int fd = mkstemp (o->tmp);
  if (fd >= 0)
    remember (o->tmp);
  unblock (&old);
  if (fd < 0)
    {
      mn_error_set (e, NULL, 0, MN_R_SYSTEM, "%s: cannot create: %s",
                    path, strerror (errno));
      free (o->tmp);
      free (real);
      o->tmp = NULL;
      return -1;
    }
  /* mkstemp makes 0600; give the file the mode a plain open would.  */
  fchmod (fd, 0666 & ~file_mask ());
  o->fp = wfile_open (o, fd, true);
  if (!o->fp)
    {
      mn_error_set (e, NULL, 0, MN_R_SYSTEM, "%s: cannot open: %s", path,
                    strerror (errno));
      close (fd);
      block (&old);
      unlink (o->tmp);
      forget (o->tmp);
      free (o->tmp);
      o->tmp = NULL;
      unblock (&old);
      free (real);
      return -1;
    }
  o->path = xstrdup (path);
  free (real);
  return 0;
}

int
mn_output_open_table (struct mn_output *o, const char *path,
                      const struct mn_tabfmt *fmt, struct mn_error *e)
{
  if (mn_output_open (o, path, e) < 0)
    return -1;
  if (mn_tabfmt_plain (fmt))
    return 0;
  if (!o->path && o->wf)
    {
      /* Standard output in another form is written whole at the end
         (write_ready), by the program's own thread.  */
      forget_own (o->fp);
      fclose (o->fp);
      mn_wfile_free (o->wf);
      o->wf = NULL;
      o->fp = stdout;
    }
  o->fmt = *fmt;
  FILE *spool = mn_tmpfile ();
  if (!spool)
    {
      int err = errno;
      mn_output_abort (o);
      return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                           "cannot make a temporary file: %s",
                           strerror (err));
    }
  o->sink = o->fp;
  o->fp = spool;
  return 0;
}

/* The spool of a converted table into its sink: O->fp becomes the sink
   again.  A regular file is converted into its temporary file; standard
   output, and a PATH written in place, into O->ready, copied there when
   the output is published.  Returns 0, or -1 with E (the spool closed
   either way).  */
static int
convert (struct mn_output *o, struct mn_error *e)
{
  FILE *spool = o->fp;
  o->fp = o->sink;
  o->sink = NULL;
  int rc = 0;
  if (fflush (spool) != 0 || ferror (spool) || fseeko (spool, 0, SEEK_SET))
    rc = mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                       "cannot write the temporary file: %s",
                       strerror (errno));
  else if (o->path && !o->direct)
    rc = mn_tabfmt_convert (spool, o->fp, &o->fmt, o->path, e);
  else if (!(o->ready = mn_tmpfile ()))
    rc = mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                       "cannot make a temporary file: %s", strerror (errno));
  else
    {
      rc = mn_tabfmt_convert (spool, o->ready, &o->fmt,
                              o->path ? o->path : "(standard output)",
                              e);
      errno = 0;
      if (rc == 0 && (fflush (o->ready) != 0 || ferror (o->ready)
                      || fseeko (o->ready, 0, SEEK_SET) != 0))
        rc = mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                           "cannot write the temporary file: %s",
                           strerror (errno ? errno : EIO));
    }
  fclose (spool);
  return rc;
}

/* Flush, check and close O->fp, a stream of our own: the first write
   error's errno, or the flush's or the close's, or 0.  */
static int
close_own (struct mn_output *o)
{
  int err = 0;
  if (fflush (o->fp) != 0)
    err = errno;
  int werr = o->wf ? mn_wfile_error (o->wf) : 0;
  if (werr)
    err = werr;
  if (!err && ferror (o->fp))
    err = EIO;
  forget_own (o->fp);
  if (fclose (o->fp) != 0 && !err)
    err = errno;
  o->fp = NULL;
  return err;
}

/* Close O's file, or flush standard output: the first write error's
   cause, or the flush's or the close's.  Returns 0, or -1 with E (O's
   temporary file then removed).  */
static int
flush_close (struct mn_output *o, struct mn_error *e)
{
  if (!o->path && o->wf)
    {
      /* Standard output redirected to a file, our own stream on it.  */
      int err = close_own (o);
      mn_wfile_free (o->wf);
      o->wf = NULL;
      if (err)
        return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                             "write error on standard output: %s",
                             strerror (err));
      return 0;
    }
  if (!o->path)
    {
      o->fp = NULL;
      errno = 0;
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          int err = errno ? errno : EIO;
          /* Reported here: what is left must not be reported again
             when standard output is closed at exit.  */
          __fpurge (stdout);
          clearerr (stdout);
          return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                               "write error on standard output: %s",
                               strerror (err));
        }
      return 0;
    }
  int err = close_own (o);
  if (err)
    {
      mn_error_set (e, NULL, 0, MN_R_SYSTEM, "%s: cannot write: %s",
                    o->path, strerror (err));
      return -1;
    }
  return 0;
}

/* Discard O's temporary file and streams, keeping its name (for an
   error record) until mn_output_abort.  */
static void
discard (struct mn_output *o)
{
  if (o->ready)
    fclose (o->ready);
  o->ready = NULL;
  if (o->sink)
    {
      fclose (o->fp);
      o->fp = o->sink;
      o->sink = NULL;
    }
  if (o->fp && o->path)
    {
      if (o->wf)
        mn_wfile_drop (o->wf);
      fclose (o->fp);
    }
  else if (o->fp && o->wf)
    {
      forget_own (o->fp);
      fclose (o->fp);   /* standard output: what was written stays */
    }
  o->direct = false;
  o->fp = NULL;
  mn_wfile_free (o->wf);
  o->wf = NULL;
  sigset_t old;
  block (&old);
  if (o->tmp)
    {
      unlink (o->tmp);
      forget (o->tmp);
    }
  free (o->tmp);
  o->tmp = NULL;
  unblock (&old);
}

int
mn_output_finish (struct mn_output *o, struct mn_error *e)
{
  if (!o->fp)
    return 0;
  if (o->sink && convert (o, e) < 0)
    {
      if (!o->path)
        o->fp = NULL;
      discard (o);
      return -1;
    }
  if (o->ready)
    return 0;               /* written when published */
  if (flush_close (o, e) < 0)
    {
      discard (o);
      return -1;
    }
  return 0;
}

/* Copy O->ready to O->fp, standard output or a file written in place,
   and close it.  Returns 0, or -1 with E.  */
static int
write_ready (struct mn_output *o, struct mn_error *e)
{
  char buf[65536];
  size_t n;
  int err = 0;
  if (!o->path)
    {
      /* With write(2), so that a failure is known with its cause.  */
      fflush (stdout);
      while (!err && (n = fread (buf, 1, sizeof buf, o->ready)) > 0)
        for (size_t done = 0; done < n && !err;)
          {
            ssize_t k = write (STDOUT_FILENO, buf + done, n - done);
            if (k < 0 && errno == EINTR)
              continue;
            if (k <= 0)
              err = k < 0 ? errno : ENOSPC;
            else
              done += (size_t) k;
          }
    }
  else
    while ((n = fread (buf, 1, sizeof buf, o->ready)) > 0
           && fwrite (buf, 1, n, o->fp) == n)
      ;
  if (!err && ferror (o->ready))
    err = EIO;
  fclose (o->ready);
  o->ready = NULL;
  if (err && !o->path)
    {
      o->fp = NULL;
      return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                           "write error on standard output: %s",
                           strerror (err));
    }
  if (err)
    {
      fclose (o->fp);
      o->fp = NULL;
      return mn_error_set (e, NULL, 0, MN_R_SYSTEM, "%s: cannot write: %s",
                           o->path, strerror (err));
    }
  return flush_close (o, e);
}

int
mn_output_publish (struct mn_output *o, struct mn_error *e)
{
  if (o->ready && write_ready (o, e) < 0)
    {
      discard (o);
      return -1;
    }
  if (!o->path)
    return 0;
  sigset_t old;
  block (&old);
  int rc = o->direct || !o->tmp ? 0 : rename (o->tmp, o->path);
  int err = errno;
  if (rc == 0 && o->tmp)
    {
      forget (o->tmp);
      free (o->tmp);
      o->tmp = NULL;
    }
  unblock (&old);
  if (rc != 0)
    {
      mn_error_set (e, NULL, 0, MN_R_SYSTEM, "%s: cannot write: %s",
                    o->path, strerror (err));
      discard (o);
      return -1;
    }
  mn_wfile_free (o->wf);
  o->wf = NULL;
  free (o->path);
  o->path = NULL;
  o->direct = false;
  return 0;
}

int
mn_output_commit (struct mn_output *o, struct mn_error *e)
{
  if (mn_output_finish (o, e) < 0)
    return -1;
  return mn_output_publish (o, e);
}

void
mn_output_abort (struct mn_output *o)
{
  discard (o);
  free (o->path);
  o->path = NULL;
}

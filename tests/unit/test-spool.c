/* test-spool.c - unit tests of temporary files and spooling
   (lib/spool.c), against the contract in lib/spool.h.  */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/spool.h"
#include "tap.h"

/* Entries of DIR other than "." and "..", or -1.  */
static int
entries (const char *dir)
{
  DIR *d = opendir (dir);
  if (!d)
    return -1;
  int n = 0;
  struct dirent *de;
  while ((de = readdir (d)))
    if (strcmp (de->d_name, ".") != 0 && strcmp (de->d_name, ".."))
      n++;
  closedir (d);
  return n;
}

static void
test_tmpfile (const char *dir)
{
  FILE *fp = mn_tmpfile ();
  ok (fp != NULL, "mn_tmpfile opens a file");
  if (!fp)
    return;
  ok (entries (dir) == 0, "the file is unlinked at once");
  struct stat st;
  ok (fstat (fileno (fp), &st) == 0 && st.st_nlink == 0,
      "the open file has no links");
  ok ((st.st_mode & 077) == 0, "the file is private to its owner");
  ok (fputs ("héllo\nworld\n", fp) >= 0, "write to it");
  rewind (fp);
  char buf[64] = "";
  ok (fgets (buf, sizeof buf, fp) != NULL, "read it back");
  streq (buf, "héllo\n", "what was written");
  ok (fclose (fp) == 0, "fclose");
  ok (entries (dir) == 0, "nothing left in TMPDIR after fclose");

  /* TMPDIR is honoured: with it naming a directory that does not
     exist, no file can be made.  */
  char gone[4200];
  snprintf (gone, sizeof gone, "%s/missing", dir);
  setenv ("TMPDIR", gone, 1);
  errno = 0;
  fp = mn_tmpfile ();
  tap_report (fp == NULL && errno == ENOENT,
              "TMPDIR honoured: a missing directory fails with ENOENT",
              "fp %p errno %d", (void *) fp, errno);
  if (fp)
    fclose (fp);
  setenv ("TMPDIR", dir, 1);
  if (chmod (dir, 0500) == 0 && geteuid () != 0)
    {
      errno = 0;
      fp = mn_tmpfile ();
      tap_report (fp == NULL && errno == EACCES,
                  "TMPDIR honoured: an unwritable directory fails",
                  "fp %p errno %d", (void *) fp, errno);
      if (fp)
        fclose (fp);
    }
  chmod (dir, 0700);
  /* Empty TMPDIR means /tmp.  */
  setenv ("TMPDIR", "", 1);
  fp = mn_tmpfile ();
  ok (fp != NULL, "empty TMPDIR: /tmp is used");
  if (fp)
    fclose (fp);
  setenv ("TMPDIR", dir, 1);
}

static void
test_spool (const char *dir)
{
  /* A source of several buffers' worth, partly read already.  */
  size_t n = 200000;
  char *data = malloc (n);
  for (size_t i = 0; i < n; i++)
    data[i] = (char) (i * 7 + i / 251);
  FILE *src = fmemopen (data, n, "r");
  char head[1000];
  ok (src && fread (head, 1, sizeof head, src) == sizeof head,
      "read the first 1000 bytes of the source");
  FILE *copy = NULL;
  struct mn_error e;
  memset (&e, 0, sizeof e);
  int rc = mn_spool (src, "src", &copy, &e);
  tap_report (rc == 0 && copy, "mn_spool", "rc %d: %s", rc, e.msg);
  ok (entries (dir) == 0, "the spool file is unlinked");
  if (rc == 0 && copy)
    {
      ok (ftell (copy) == 0, "the copy is rewound");
      char *back = malloc (n);
      size_t got = fread (back, 1, n, copy);
      tap_report (got == n - sizeof head, "the copy holds the rest",
                  "got %zu bytes, want %zu", got, n - sizeof head);
      ok (memcmp (back, data + sizeof head, n - sizeof head) == 0,
          "the copy's bytes are the rest of the source");
      ok (feof (copy) && !ferror (copy), "the copy ends cleanly");
      /* It can be read again.  */
      rewind (copy);
      ok (fread (back, 1, 10, copy) == 10
          && memcmp (back, data + sizeof head, 10) == 0,
          "the copy reads again after rewind");
      free (back);
      fclose (copy);
    }
  ok (feof (src), "the source is read to its end");
  fclose (src);

  /* An empty rest.  */
  src = fmemopen (data, 10, "r");
  char ten[10];
  ok (src && fread (ten, 1, 10, src) == 10, "read all of a short source");
  copy = NULL;
  rc = mn_spool (src, "short", &copy, &e);
  ok (rc == 0 && copy, "mn_spool of an exhausted source");
  if (copy)
    {
      ok (fgetc (copy) == EOF, "its copy is empty");
      fclose (copy);
    }
  fclose (src);
  free (data);

  /* No temporary file can be made: an error, *COPY untouched.  */
  char gone[4200];
  snprintf (gone, sizeof gone, "%s/missing", dir);
  setenv ("TMPDIR", gone, 1);
  src = fmemopen ((void *) "abc", 3, "r");
  copy = (FILE *) &e;  /* a sentinel */
  memset (&e, 0, sizeof e);
  rc = mn_spool (src, "src", &copy, &e);
  ok (rc == -1 && e.reason == MN_R_SYSTEM,
      "mn_spool without a temporary directory fails");
  ok (copy == (FILE *) &e, "*COPY untouched on failure");
  ok (strstr (e.msg, "temporary") != NULL, "the message says why");
  fclose (src);
  setenv ("TMPDIR", dir, 1);

  /* A source that cannot be read.  */
  FILE *wo = fopen ("/dev/null", "w");
  if (wo)
    {
      copy = NULL;
      memset (&e, 0, sizeof e);
      rc = mn_spool (wo, "wo", &copy, &e);
      tap_report (rc == -1 && e.reason == MN_R_SYSTEM,
                  "mn_spool of an unreadable source fails",
                  "rc %d: %s", rc, e.msg);
      streq (e.file, "wo", "the error names the source");
      if (rc == 0 && copy)
        fclose (copy);
      fclose (wo);
    }
  ok (entries (dir) == 0, "nothing left in TMPDIR");
}

int
main (void)
{
  const char *base = getenv ("TMPDIR");
  char dir[4096];
  snprintf (dir, sizeof dir, "%s/minyi-test-spool.XXXXXX",
            base && *base ? base : "/tmp");
  if (!mkdtemp (dir))
    {
      perror ("mkdtemp");
      return 2;
    }
  setenv ("TMPDIR", dir, 1);
  test_tmpfile (dir);
  test_spool (dir);
  chmod (dir, 0700);
  ok (rmdir (dir) == 0, "the test directory is left empty");
  return tap_done ();
}

/* fuzz.h - what minyi's libFuzzer targets share (header-only: one
   target per program, tests/fuzz/fuzz-*.c, built by `make fuzz`).

   A target gets its input as bytes.  The parsers read a FILE, so the
   bytes are offered as a memory stream (mem_file), or, where the
   library opens a path itself (mn_input_open), as a scratch file that
   the target rewrites on every run (scratch_file).  A broken invariant
   is reported with check(), which aborts so that libFuzzer keeps the
   input.  */
#ifndef MINYI_FUZZ_H
#define MINYI_FUZZ_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Abort with a message naming the broken invariant WHAT.  */
#define check(cond, what)                                                 \
  do {                                                                    \
    if (!(cond))                                                          \
      {                                                                   \
        fprintf (stderr, "fuzz: %s:%d: %s (%s)\n", __FILE__, __LINE__,    \
                 (what), #cond);                                          \
        abort ();                                                         \
      }                                                                   \
  } while (0)

/* A read-only stream of the N bytes at D (borrowed: they must outlive
   it); fmemopen will not take zero bytes on every libc, so an empty
   input is /dev/null.  Caller closes.  */
static inline FILE *
mem_file (const uint8_t *d, size_t n)
{
  FILE *fp = n ? fmemopen ((void *) d, n, "rb") : fopen ("/dev/null", "rb");
  check (fp != NULL, "cannot open a memory stream");
  return fp;
}

static char scratch_path[64];

static void
scratch_remove (void)
{
  if (scratch_path[0])
    unlink (scratch_path);
}

/* The path of a scratch file (one per process, removed at exit) now
   holding the N bytes at D.  */
static inline const char *
scratch_file (const uint8_t *d, size_t n)
{
  if (!scratch_path[0])
    {
      const char *dir = getenv ("TMPDIR");
      snprintf (scratch_path, sizeof scratch_path, "%s/minyi-fuzz-%ld.csv",
                dir && strlen (dir) < 32 ? dir : "/tmp", (long) getpid ());
      atexit (scratch_remove);
    }
  FILE *fp = fopen (scratch_path, "wb");
  check (fp != NULL, "cannot write the scratch file");
  check (fwrite (d, 1, n, fp) == n && fclose (fp) == 0,
         "cannot write the scratch file");
  return scratch_path;
}

/* A growing in-memory output: open with out_open, read BUF and LEN
   after out_close (the caller frees BUF).  */
struct out
{
  FILE *fp;
  char *buf;
  size_t len;
};

static inline void
out_open (struct out *o)
{
  o->buf = NULL;
  o->len = 0;
  o->fp = open_memstream (&o->buf, &o->len);
  check (o->fp != NULL, "open_memstream");
}

static inline void
out_close (struct out *o)
{
  check (fclose (o->fp) == 0, "closing a memory stream");
  o->fp = NULL;
}

/* A file (one per NAME and process, removed at exit) holding TEXT: the
   fixed companion files a target needs beside its input (a catalogue,
   a calendar), so that a target runs from any directory.  NAME is a
   short word; at most 8 fixtures.  */
static char fixture_paths[8][64];

static void
fixture_remove (void)
{
  for (int i = 0; i < 8; i++)
    if (fixture_paths[i][0])
      unlink (fixture_paths[i]);
}

static inline const char *
fixture_file (const char *name, const char *text)
{
  int i = 0;
  while (i < 8 && fixture_paths[i][0])
    i++;
  check (i < 8, "too many fixtures");
  if (i == 0)
    atexit (fixture_remove);
  const char *dir = getenv ("TMPDIR");
  snprintf (fixture_paths[i], sizeof fixture_paths[i],
            "%s/minyi-fuzz-%ld-%.8s.csv",
            dir && strlen (dir) < 24 ? dir : "/tmp", (long) getpid (), name);
  FILE *fp = fopen (fixture_paths[i], "wb");
  check (fp != NULL, "cannot write a fixture");
  check (fputs (text, fp) >= 0 && fclose (fp) == 0, "cannot write a fixture");
  return fixture_paths[i];
}

#ifdef MINYI_INPUT_H
/* Open IN on the scratch file holding the N bytes at D, comma
   delimited, encoding guessed.  Returns whether it opened (a file that
   does not open is no input).  */
static inline bool
input_scratch (struct mn_input *in, const uint8_t *d, size_t n)
{
  struct mn_error e = { 0 };
  struct mn_reader_options ro = { .delim = ',' };
  return mn_input_open (in, scratch_file (d, n), &ro, &e) == 0;
}

/* Feed each record of IN to ADD (CTX its first argument; it returns 0
   or -1 with E, as the libraries' _add functions do), checking that a
   record refused says why.  Returns the records ADD accepted.  */
static inline size_t
feed_rows (struct mn_input *in,
           int (*add) (void *ctx, const struct mn_record *rec,
                       const char *file, struct mn_error *e),
           void *ctx)
{
  struct mn_error e = { 0 };
  struct mn_record rec;
  size_t used = 0;
  int rc;
  while ((rc = mn_input_next (in, &rec, &e)) > 0)
    if (rc == 2 || add (ctx, &rec, in->name, &e) < 0)
      check (e.reason != MN_R_NONE, "a rejected row says why");
    else
      used++;
  return used;
}
#endif

#endif

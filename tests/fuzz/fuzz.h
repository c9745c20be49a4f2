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

#endif

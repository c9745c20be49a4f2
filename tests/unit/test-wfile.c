/* test-wfile.c - unit tests of the stream that keeps its first write
   error and may write on a helper thread (lib/io/wfile.c).

   Expectations follow lib/io/wfile.h: the file holds exactly the bytes
   written, in order, whether the stream is asynchronous or not and
   whatever the sizes of the writes (across buffer boundaries, one byte
   at a time, several buffers at once); a write the file refuses (EFBIG
   past ulimit -f) is reported by mn_wfile_error with its errno.  */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "io/spool.h"
#include "io/wfile.h"

/* Byte I of the test pattern: not periodic with any buffer size.  */
static unsigned char
pattern (uint64_t i)
{
  uint64_t x = i * UINT64_C (0x9E3779B97F4A7C15);
  return (unsigned char) (x >> 56);
}

/* A temporary file's descriptor and its name (caller unlinks).  */
static int
temp (char *name)
{
  strcpy (name, "/tmp/test-wfile.XXXXXX");
  return mkstemp (name);
}

/* Write TOTAL bytes of the pattern through a stream on a new file, in
   writes of the sizes STEP gives, and read the file back.  */
static void
roundtrip (const char *what, bool async, size_t total,
           size_t (*step) (size_t k))
{
  char name[64], label[200];
  int fd = temp (name);
  struct mn_wfile *w;
  FILE *fp = mn_wfile_open (fd, async, &w);
  unsigned char *buf = malloc (total + 1);
  for (size_t i = 0; i < total; i++)
    buf[i] = pattern (i);
  size_t done = 0;
  for (size_t k = 0; done < total; k++)
    {
      size_t n = step (k);
      if (n > total - done)
        n = total - done;
      fwrite (buf + done, 1, n, fp);
      done += n;
    }
  int flushed = fflush (fp);
  int err = mn_wfile_error (w);
  int closed = fclose (fp);
  mn_wfile_free (w);
  snprintf (label, sizeof label, "%s: written without error", what);
  tap_report (flushed == 0 && err == 0 && closed == 0, label,
              "fflush %d, error %d, fclose %d", flushed, err, closed);
  FILE *in = fopen (name, "rb");
  unsigned char *back = malloc (total + 1);
  size_t got = in ? fread (back, 1, total + 1, in) : 0;
  if (in)
    fclose (in);
  size_t first = 0;
  while (first < got && first < total && back[first] == buf[first])
    first++;
  snprintf (label, sizeof label, "%s: the file holds the %zu bytes in order",
            what, total);
  tap_report (got == total && first == total, label,
              "%zu bytes read back, first difference at %zu", got, first);
  unlink (name);
  free (buf);
  free (back);
}

static size_t
step_odd (size_t k)
{
  return 1 + (k * 7919) % 70001;        /* 1 to 70,001 bytes */
}

static size_t
step_one (size_t k)
{
  (void) k;
  return 1;
}

static size_t
step_huge (size_t k)
{
  (void) k;
  return 3 * MN_WFILE_BUFFER + 12345;
}

static size_t
step_exact (size_t k)
{
  (void) k;
  return MN_WFILE_BUFFER;
}

/* Past RLIMIT_FSIZE a write fails with EFBIG (SIGXFSZ ignored, as the
   helper thread blocks it): mn_wfile_error says so when ASK, and fclose
   alone does when not (it fails with the kept errno, so that the
   helper's error is not lost to a caller that does not ask).  */
static void
too_big (const char *what, bool async, size_t total, bool ask)
{
  char name[64], label[200];
  struct rlimit old, lim;
  getrlimit (RLIMIT_FSIZE, &old);
  lim = old;
  lim.rlim_cur = 3 * MN_WFILE_BUFFER / 2;
  signal (SIGXFSZ, SIG_IGN);
  int fd = temp (name);
  setrlimit (RLIMIT_FSIZE, &lim);
  struct mn_wfile *w;
  FILE *fp = mn_wfile_open (fd, async, &w);
  char *buf = calloc (1, total);
  fwrite (buf, 1, total, fp);
  int err = 0;
  if (ask)
    {
      fflush (fp);
      err = mn_wfile_error (w);
    }
  errno = 0;
  int closed = fclose (fp);
  if (!ask)
    err = closed == EOF ? errno : 0;
  mn_wfile_free (w);
  setrlimit (RLIMIT_FSIZE, &old);
  signal (SIGXFSZ, SIG_DFL);
  snprintf (label, sizeof label, "%s: a write past ulimit -f says EFBIG%s",
            what, ask ? "" : ", from fclose alone");
  tap_report (err == EFBIG, label, "error %d (%s)", err, strerror (err));
  unlink (name);
  free (buf);
}

/* A dropped stream closes without error, and without writing what it
   holds: of 5 buffers less a byte, the last never fills, and the file
   keeps at most the 4 handed to the helper.  */
static void
dropped (void)
{
  char name[64];
  int fd = temp (name);
  struct mn_wfile *w;
  FILE *fp = mn_wfile_open (fd, true, &w);
  char *buf = calloc (1, 5 * MN_WFILE_BUFFER);
  fwrite (buf, 1, 5 * MN_WFILE_BUFFER - 1, fp);
  mn_wfile_drop (w);
  int closed = fclose (fp);
  mn_wfile_free (w);
  struct stat st;
  int s = stat (name, &st);
  tap_report (closed == 0 && s == 0 && st.st_size <= 4 * (off_t) MN_WFILE_BUFFER,
              "dropped: closes, and keeps only what was handed on",
              "fclose %d, size %lld", closed, (long long) st.st_size);
  unlink (name);
  free (buf);
}

#if defined __SANITIZE_ADDRESS__ || defined __SANITIZE_THREAD__
#define SANITIZED 1
#else
#define SANITIZED 0
#endif

/* The address space in use now, in bytes (/proc/self/statm), or 0.  */
static size_t
address_space (void)
{
  FILE *f = fopen ("/proc/self/statm", "r");
  unsigned long pages = 0;
  if (f)
    {
      if (fscanf (f, "%lu", &pages) != 1)
        pages = 0;
      fclose (f);
    }
  return (size_t) pages * (size_t) sysconf (_SC_PAGESIZE);
}

/* Under ulimit -v with only ROOM bytes of address space left, the
   stream still writes every byte, in order, without error: a buffer or
   a thread it cannot have makes it write on the program's thread (it
   used to end the program: memory exhausted).  Not under a sanitizer,
   whose shadow memory ulimit -v cannot take.  */
static void
tight (const char *what, size_t room)
{
  char label[200];
  snprintf (label, sizeof label,
            "async, %s: every byte written, in order", what);
  if (SANITIZED)
    {
      tap_report (1, label, "");
      return;
    }
  const size_t total = 5 * MN_WFILE_BUFFER + 777;
  char name[64];
  unsigned char *buf = malloc (total), *back = malloc (total + 1);
  for (size_t i = 0; i < total; i++)
    buf[i] = pattern (i);
  int fd = temp (name);
  struct rlimit old, lim;
  getrlimit (RLIMIT_AS, &old);
  lim = old;
  lim.rlim_cur = address_space () + room;
  setrlimit (RLIMIT_AS, &lim);
  struct mn_wfile *w;
  FILE *fp = mn_wfile_open (fd, true, &w);
  int err = -1, closed = -1;
  if (fp)
    {
      for (size_t done = 0; done < total; done += 4099)
        fwrite (buf + done, 1, total - done < 4099 ? total - done : 4099,
                fp);
      fflush (fp);
      err = mn_wfile_error (w);
      closed = fclose (fp);
      mn_wfile_free (w);
    }
  setrlimit (RLIMIT_AS, &old);
  FILE *in = fopen (name, "rb");
  size_t got = in ? fread (back, 1, total + 1, in) : 0;
  if (in)
    fclose (in);
  tap_report (fp && err == 0 && closed == 0 && got == total
              && memcmp (back, buf, total) == 0, label,
              "stream %s, error %d, fclose %d, %zu bytes read back",
              fp ? "made" : "not made", err, closed, got);
  unlink (name);
  free (buf);
  free (back);
}

int
main (void)
{
  const size_t big = 5 * MN_WFILE_BUFFER + 777;
  roundtrip ("sync, odd writes", false, big, step_odd);
  roundtrip ("async, odd writes", true, big, step_odd);
  roundtrip ("async, byte by byte", true, 2 * MN_WFILE_BUFFER + 3, step_one);
  roundtrip ("async, writes of several buffers", true,
             10 * MN_WFILE_BUFFER + 1, step_huge);
  roundtrip ("async, writes of one buffer", true, 4 * MN_WFILE_BUFFER,
             step_exact);
  roundtrip ("async, less than a buffer (no helper)", true, 1000,
             step_odd);
  roundtrip ("async, nothing", true, 0, step_odd);
  too_big ("sync", false, 3 * MN_WFILE_BUFFER, true);
  too_big ("async", true, 3 * MN_WFILE_BUFFER, true);
  too_big ("async, less than a buffer past the limit", true,
           3 * MN_WFILE_BUFFER / 2 + 10, true);
  too_big ("async", true, 3 * MN_WFILE_BUFFER, false);
  dropped ();
  tight ("no room for a buffer", MN_WFILE_BUFFER / 4);
  tight ("room for one buffer, not two", 3 * MN_WFILE_BUFFER / 2);
  tight ("room for both buffers and a small thread", 3 * MN_WFILE_BUFFER);
  return tap_done ();
}

/* wfile.c - a stream on a descriptor that keeps its first write error,
   written on a helper thread when asynchronous (wfile.h).

   The two buffers of an asynchronous stream: FILL, which the program's
   thread fills, and the other, which is either SPARE (the helper idle)
   or OUT (handed to the helper, being written).  Handing a full buffer
   waits for the helper to be idle, gives it FILL and takes SPARE: the
   program waits only when it writes faster than the file takes it.

   The buffers and the thread are a way to go faster, never a reason
   to fail: FILL is allocated at the first write, SPARE and the thread
   when FILL first fills, and when either cannot be had (ulimit -v, a
   limit on threads) the stream writes on the program's thread, as a
   synchronous one does.  The helper's stack is small (64 KiB: it only
   calls write; base/thread.h).  */
#include "io/wfile.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/thread.h"
#include "base/xalloc.h"

struct mn_wfile
{
  int fd;
  int err;                  /* errno of the first failed write, or 0;
                               the program's thread's */
  bool async;               /* asked for: MU and CV made */
  bool here;                /* async, but FILL could not be had: every
                               write made on the program's thread */
  char *fill;               /* async: the buffer being filled */
  size_t nfill;
  /* Shared with the helper, under MU.  */
  pthread_mutex_t mu;
  pthread_cond_t cv;
  pthread_t tid;
  bool started, stop, drop;
  char *out;                /* handed to the helper; NULL: it is idle */
  size_t nout;
  char *spare;              /* the other buffer while the helper is idle */
  int werr;                 /* the helper's first error, or 0 */
};

/* Write the N bytes at BUF to FD.  Returns 0, or the errno of the
   write that failed (ENOSPC for a write of nothing).  */
static int
write_all (int fd, const char *buf, size_t n)
{
  size_t done = 0;
  while (done < n)
    {
      ssize_t k = write (fd, buf + done, n - done);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        return k < 0 ? errno : ENOSPC;
      done += (size_t) k;
    }
  return 0;
}

static void *
helper (void *arg)
{
  struct mn_wfile *w = arg;
  pthread_mutex_lock (&w->mu);
  for (;;)
    {
      while (!w->out && !w->stop)
        pthread_cond_wait (&w->cv, &w->mu);
      if (!w->out)
        break;
      char *b = w->out;
      size_t n = w->nout;
      bool skip = w->werr || w->drop;
      pthread_mutex_unlock (&w->mu);
      int err = skip ? 0 : write_all (w->fd, b, n);
      pthread_mutex_lock (&w->mu);
      if (err && !w->werr)
        w->werr = err;
      w->spare = b;
      w->out = NULL;
      pthread_cond_broadcast (&w->cv);
    }
  pthread_mutex_unlock (&w->mu);
  return NULL;
}

/* Start W's helper (base/thread.h: every signal blocked; it writes,
   and needs a small stack).  False when no thread can be made.  */
static bool
start (struct mn_wfile *w)
{
  w->started = mn_thread_start (&w->tid, 64 * 1024, helper, w) == 0;
  return w->started;
}

/* Wait, the lock held, until the helper is idle, and keep its first
   error as W's.  */
static void
wait_idle (struct mn_wfile *w)
{
  while (w->out)
    pthread_cond_wait (&w->cv, &w->mu);
  if (w->werr && !w->err)
    w->err = w->werr;
}

/* Write FILL here, on the program's thread.  */
static void
write_here (struct mn_wfile *w)
{
  int err = w->err ? 0 : write_all (w->fd, w->fill, w->nfill);
  if (err)
    w->err = err;
  w->nfill = 0;
}

/* Hand the full buffer to the helper, starting it the first time (or
   write it here when the second buffer or the thread cannot be had),
   and take the other.  */
static void
hand (struct mn_wfile *w)
{
  if (!w->started)
    {
      w->spare = malloc (MN_WFILE_BUFFER);
      if (!w->spare || !start (w))
        {
          free (w->spare);
          w->spare = NULL;
          write_here (w);
          return;
        }
    }
  pthread_mutex_lock (&w->mu);
  wait_idle (w);
  w->out = w->fill;
  w->nout = w->nfill;
  w->fill = w->spare;
  w->spare = NULL;
  w->nfill = 0;
  pthread_cond_broadcast (&w->cv);
  pthread_mutex_unlock (&w->mu);
}

static ssize_t
wfile_write (void *cookie, const char *buf, size_t n)
{
  struct mn_wfile *w = cookie;
  if (w->async)
    {
      if (w->err)
        return 0;
      if (w->drop)
        return (ssize_t) n;
      if (!w->fill && !w->here && !(w->fill = malloc (MN_WFILE_BUFFER)))
        w->here = true;
    }
  if (!w->async || w->here)
    {
      int err = write_all (w->fd, buf, n);
      if (err && !w->err)
        w->err = err;
      return err ? 0 : (ssize_t) n;   /* short: stdio sets the error flag */
    }
  for (size_t done = 0; done < n;)
    {
      size_t k = n - done, room = MN_WFILE_BUFFER - w->nfill;
      if (k > room)
        k = room;
      memcpy (w->fill + w->nfill, buf + done, k);
      w->nfill += k;
      done += k;
      if (w->nfill == MN_WFILE_BUFFER)
        hand (w);
    }
  return (ssize_t) n;
}

int
mn_wfile_error (struct mn_wfile *w)
{
  if (!w->async)
    return w->err;
  if (!w->started)
    {
      if (w->nfill)
        write_here (w);
      return w->err;
    }
  if (w->nfill)
    hand (w);
  pthread_mutex_lock (&w->mu);
  wait_idle (w);
  pthread_mutex_unlock (&w->mu);
  return w->err;
}

void
mn_wfile_drop (struct mn_wfile *w)
{
  if (!w->async)
    return;
  w->nfill = 0;
  pthread_mutex_lock (&w->mu);
  w->drop = true;
  pthread_mutex_unlock (&w->mu);
}

static int
wfile_close (void *cookie)
{
  struct mn_wfile *w = cookie;
  if (w->async)
    {
      if (!w->drop)
        mn_wfile_error (w);
      if (w->started)
        {
          pthread_mutex_lock (&w->mu);
          w->stop = true;
          pthread_cond_broadcast (&w->cv);
          pthread_mutex_unlock (&w->mu);
          pthread_join (w->tid, NULL);
          w->started = false;
        }
      free (w->fill);
      free (w->spare);
      w->fill = w->spare = NULL;
    }
  int rc = close (w->fd);
  w->fd = -1;
  /* A stream closed without mn_wfile_error still says that a write
     failed, and why: with async writes, fclose's flush alone would not
     see it.  */
  if (w->err && !w->drop)
    {
      errno = w->err;
      return -1;
    }
  return rc;
}

FILE *
mn_wfile_open (int fd, bool async, struct mn_wfile **wf)
{
  struct mn_wfile *w = xcalloc (1, sizeof *w);
  w->fd = fd;
  w->async = async;
  if (async)
    {
      pthread_mutex_init (&w->mu, NULL);
      pthread_cond_init (&w->cv, NULL);
    }
  FILE *fp = fopencookie (w, "w", (cookie_io_functions_t) {
                            .write = wfile_write, .close = wfile_close });
  if (!fp)
    {
      int err = errno;
      mn_wfile_free (w);
      errno = err;
      return NULL;
    }
  *wf = w;
  return fp;
}

void
mn_wfile_free (struct mn_wfile *w)
{
  if (!w)
    return;
  if (w->async)
    {
      free (w->fill);
      free (w->spare);
      pthread_mutex_destroy (&w->mu);
      pthread_cond_destroy (&w->cv);
    }
  free (w);
}

/* xalloc.c - allocation that aborts on exhaustion.  */
#include "base/xalloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*die_hook) (void);

void
mn_xalloc_set_die (void (*die) (void))
{
  die_hook = die;
}

static _Thread_local void (*thread_die) (void *);
static _Thread_local void *thread_die_arg;

void
mn_xalloc_set_thread_die (void (*die) (void *), void *arg)
{
  thread_die = die;
  thread_die_arg = arg;
}

/* The first thread to run out reports and ends the process; another
   that runs out meanwhile waits on DIE_LOCK, never released, for that
   end (one message, not one per thread).  A hook that runs out itself
   aborts.  */
static pthread_mutex_t die_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local bool dying;

void
xalloc_die (void)
{
  if (thread_die)
    {
      void (*die) (void *) = thread_die;
      thread_die = NULL;
      die (thread_die_arg);
    }
  if (!dying)
    {
      dying = true;
      pthread_mutex_lock (&die_lock);
      if (die_hook)
        die_hook ();
    }
  fputs ("minyi: memory exhausted\n", stderr);
  abort ();
}

void *
xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    xalloc_die ();
  return p;
}

void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (!p)
    xalloc_die ();
  return p;
}

void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (!p)
    xalloc_die ();
  return p;
}

/* The capacity xgrow gives an array of *CAP elements of SIZE bytes to
   hold NEED: doubled from *CAP (8 at first) until it does.  */
static size_t
grown (size_t cap, size_t need, size_t size)
{
  size_t c = cap ? cap : 8;
  while (c < need)
    {
      if (c > SIZE_MAX / 2 / size)
        xalloc_die ();
      c *= 2;
    }
  return c;
}

void *
xgrow (void *p, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap)
    return p;
  *cap = grown (*cap, need, size);
  return xrealloc (p, *cap * size);
}

void *
xline_alloc (size_t n)
{
  if (n > SIZE_MAX - XLINE)
    xalloc_die ();
  n = n ? (n + XLINE - 1) / XLINE * XLINE : XLINE;
  void *p = aligned_alloc (XLINE, n);
  if (!p)
    xalloc_die ();
  return memset (p, 0, n);
}

void *
xline_grow (void *p, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap)
    return p;
  size_t c = grown (*cap, need, size);
  void *q = xline_alloc (c * size);
  if (p)
    memcpy (q, p, *cap * size);
  free (p);
  *cap = c;
  return q;
}

char *
xstrdup (const char *s)
{
  return xmemdup0 (s, strlen (s));
}

char *
xmemdup0 (const char *s, size_t n)
{
  char *p = xmalloc (n + 1);
  memcpy (p, s, n);
  p[n] = '\0';
  return p;
}

/* thread.c - starting the suite's threads (thread.h).  */
#include "base/thread.h"

#include <limits.h>
#include <signal.h>

int
mn_thread_start (pthread_t *t, size_t stack, void *(*fn) (void *), void *arg)
{
  pthread_attr_t attr;
  int rc = pthread_attr_init (&attr);
  if (rc != 0)
    return rc;
  if (stack < (size_t) PTHREAD_STACK_MIN)
    stack = PTHREAD_STACK_MIN;
  rc = pthread_attr_setstacksize (&attr, stack);
  sigset_t all, old;
  sigfillset (&all);
  pthread_sigmask (SIG_SETMASK, &all, &old);
  if (rc == 0)
    rc = pthread_create (t, &attr, fn, arg);
  pthread_sigmask (SIG_SETMASK, &old, NULL);
  pthread_attr_destroy (&attr);
  return rc;
}

/* thread.h - starting the suite's threads (minyi-score's ranges,
   minyi-rank's draws, the output writer of io/wfile.c).

   Two things every one of them needs, and pthread_create's defaults get
   wrong for a program run under limits:
   - a stack of a stated size.  The default is the stack limit (ulimit
     -s, 8 MiB), reserved out of the address space: under ulimit -v (a
     batch cluster's memory limit) seven threads take 56 MiB of it before
     they allocate anything, and the run died with "memory exhausted"
     where one thread succeeded.  The workers need little: MN_THREAD_STACK;
   - every signal blocked.  The handlers that remove temporary files must
     run on the program's thread, which blocks them while it changes the
     list of those files; a signal sent to the process then waits for it
     instead of running on a worker meanwhile.  A signal a worker causes
     itself (SIGPIPE, SIGXFSZ) is not delivered: its write fails with the
     errno instead (EPIPE, EFBIG).  */
#ifndef MINYI_THREAD_H
#define MINYI_THREAD_H

#include <pthread.h>
#include <stddef.h>

/* The stack of a worker: far more than any of them uses (the deepest,
   a range's reader and scorer, uses some tens of kilobytes; a sanitizer
   build a few times that).  */
#define MN_THREAD_STACK ((size_t) 2 << 20)

/* Start FN (ARG) on a new thread *T with a stack of STACK bytes (at
   least PTHREAD_STACK_MIN) and every signal blocked; this thread's
   signal mask is left as it was.  Returns 0, or an errno value (no
   thread: the caller does the work itself).  */
int mn_thread_start (pthread_t *t, size_t stack, void *(*fn) (void *),
                     void *arg);

#endif

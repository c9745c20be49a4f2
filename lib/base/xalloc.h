/* xalloc.h - allocation that aborts on exhaustion.  The only lib/ code
   allowed to end the process: running out of memory is not a data error
   the caller could handle.  */
#ifndef MINYI_XALLOC_H
#define MINYI_XALLOC_H

#include <stddef.h>

/* What to do when memory is exhausted, set once at program start (the
   program layer's hook names the program, removes its temporary files
   and ends it with status 2).  The hook must not return; without one,
   or if it does return, a bare message is written and the process
   aborts.  */
void mn_xalloc_set_die (void (*die) (void));

/* For the calling thread only, until set again (NULL: none): what to
   do first when memory is exhausted, with ARG.  A handler that does not
   return leaves the ending to another thread (a reader thread whose
   records before the one it was reading are to be finished first, as
   on one thread: prog/pipe.c); one that returns falls back to the hook
   above.  */
void mn_xalloc_set_thread_die (void (*die) (void *), void *arg);

/* Each returns memory that the caller frees with free.  */
/* Report memory exhaustion through the hook set above and abort: for
   allocations made by other libraries on our behalf.  */
_Noreturn void xalloc_die (void);

void *xmalloc (size_t n);
void *xcalloc (size_t n, size_t size);

/* P (may be NULL) is freed or moved: use only the pointer returned.  */
void *xrealloc (void *p, size_t n);
/* Grow *P (an array of *CAP elements of SIZE bytes) to hold at least NEED
   elements, doubling.  Returns the array, which replaces P as xrealloc's
   result does.  */
void *xgrow (void *p, size_t *cap, size_t need, size_t size);
/* N zeroed bytes on 64-byte cache lines of their own (the size rounded
   up to whole lines), freed with free: for what one thread writes row
   after row while another works beside it (minyi-check's two stages).
   Small blocks from malloc share cache lines with their neighbours,
   and a line written by one processor must be fetched back by the
   other at every access (false sharing): minyi-check's two threads
   took longer than one.  */
#define XLINE 64
void *xline_alloc (size_t n);
/* xgrow's growth for such an array: the new block from xline_alloc,
   the old contents copied, the old block freed.  */
void *xline_grow (void *p, size_t *cap, size_t need, size_t size);

/* A copy of S (borrowed), or of the N bytes at S plus a NUL; the caller
   frees it with free.  */
char *xstrdup (const char *s);
char *xmemdup0 (const char *s, size_t n);

#endif

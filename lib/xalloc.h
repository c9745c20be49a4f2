/* xalloc.h - allocation that aborts on exhaustion.  The only lib/ code
   allowed to end the process: running out of memory is not a data error
   the caller could handle.  */
#ifndef MINYI_XALLOC_H
#define MINYI_XALLOC_H

#include <stddef.h>

void *xmalloc (size_t n);
void *xcalloc (size_t n, size_t size);
void *xrealloc (void *p, size_t n);
/* Grow *P (an array of *CAP elements of SIZE bytes) to hold at least NEED
   elements, doubling.  */
void *xgrow (void *p, size_t *cap, size_t need, size_t size);
char *xstrdup (const char *s);
char *xmemdup0 (const char *s, size_t n);

#endif

/* wfile.h - a stream on a file descriptor that keeps why its first write
   failed, and that may hand its writes to a helper thread.

   stdio keeps only a stream's error flag, and by the time the stream is
   flushed and closed errno may say anything: a full disk must be
   reported as "No space left on device", not "Input/output error".

   Writing a large table or the clean rows of a survey into a file costs
   the kernel's copy into the page cache: about a tenth of minyi-check's
   time on a million rows (to a file against /dev/null), which takes
   some 12 % less time with the file written on a helper (a 1 MiB stdio
   buffer alone gained nothing).  An asynchronous stream copies what the
   program writes into one of two buffers of MN_WFILE_BUFFER bytes, and
   a helper thread writes each full buffer while the program fills the
   other: the same bytes, in the same order, on a second processor.  The
   first buffer is allocated at the first write, and the thread started
   only when it fills (a small output is written on close, on the
   program's thread); a buffer or a thread that cannot be had (ulimit
   -v) makes the stream write on the program's thread instead, never
   fail.  The thread blocks every signal, so that the program's handlers
   run on the thread they expect; a write it gets an error from (EFBIG
   under ulimit -f, EIO) is kept as the stream's first error.  Use it
   for regular files only: a pipe's reader may be gone, and its SIGPIPE
   must stop the program as it always has.  */
#ifndef MINYI_WFILE_H
#define MINYI_WFILE_H

#include <stdbool.h>
#include <stdio.h>

#define MN_WFILE_BUFFER ((size_t) 1 << 20)

struct mn_wfile;

/* A stream writing to FD (owned: closed by fclose), asynchronously when
   ASYNC.  Returns it, with *WF set to what mn_wfile_error reads (the
   caller frees it with mn_wfile_free after fclose); or NULL with errno
   set (FD then not closed).  fclose waits for every write, and fails
   with the first failed write's errno (unless the stream was dropped),
   so that a caller who does not ask mn_wfile_error still learns of it.  */
FILE *mn_wfile_open (int fd, bool async, struct mn_wfile **wf);

/* Wait until every byte handed to W is written (call it after fflush);
   return the errno of the first write that failed, or 0.  */
int mn_wfile_error (struct mn_wfile *w);

/* What W holds need not be written: the file is being discarded, and
   its close should not wait for a write nobody will read.  */
void mn_wfile_drop (struct mn_wfile *w);

/* Free W (after fclose of its stream).  NULL is allowed.  */
void mn_wfile_free (struct mn_wfile *w);

#endif

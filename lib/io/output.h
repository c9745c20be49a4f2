/* output.h - output files written atomically.

   A named output is written to a temporary file beside it and renamed
   over it only on success, so a failed run never leaves a partial file
   behind and a reader never sees one half-written.  A path that is no
   regular file (/dev/null, a FIFO) is written in place, never replaced;
   a symbolic link is followed, so the file it names is replaced.
   Standard output is used as it is, and a failed write or flush to it is
   an error.  */
#ifndef MINYI_OUTPUT_H
#define MINYI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "base/errinfo.h"
#include "io/tabfmt.h"

struct mn_wfile;

struct mn_output
{
  FILE *fp;         /* write here; owned, closed by mn_output_commit or
                       mn_output_abort (standard output is not closed) */
  char *path;       /* final name, NULL for standard output; owned, freed
                       by mn_output_commit or mn_output_abort */
  char *tmp;        /* temporary name; owned, freed likewise */
  bool direct;      /* PATH is no regular file: written in place */
  struct mn_tabfmt fmt;  /* the form the table is written in */
  FILE *sink;       /* when FMT is not plain CSV in UTF-8: where the
                       converted table goes (the file, or standard
                       output), FP being the spool of the CSV the
                       program writes; else NULL */
  FILE *ready;      /* the converted table waiting for mn_output_publish
                       to copy it to standard output or to a PATH
                       written in place, which cannot be un-written;
                       else NULL */
  struct mn_wfile *wf;  /* private: why a write to PATH failed */
};

/* Whether paths A and B (either may be NULL) name the same file, however
   spelt: the same inode when both exist, else the same canonical path
   (through symbolic links and "." and "..").  "-" names standard
   output, the same only as "-".  */
bool mn_output_same (const char *a, const char *b);

/* Open PATH (NULL or "-": standard output; borrowed, copied).  Returns 0,
   and the caller ends O with mn_output_commit or mn_output_abort; or -1
   with E, and there is nothing to end.  */
int mn_output_open (struct mn_output *o, const char *path,
                    struct mn_error *e);

/* As mn_output_open, for a table written in the form FMT (borrowed,
   copied; NULL: plain CSV in UTF-8): the program writes CSV in UTF-8 to
   O->fp, and mn_output_finish converts it (tabfmt.h), so that nothing is
   written unless the whole table converts.  */
int mn_output_open_table (struct mn_output *o, const char *path,
                          const struct mn_tabfmt *fmt, struct mn_error *e);

/* The two halves of mn_output_commit, for several outputs that must be
   all written or none: first finish each (convert a table written in
   another form, flush, check for write errors, close; on failure the
   temporary file is removed), then publish each (rename into place; a
   converted table for standard output or a PATH written in place is
   written there only now, so that a table of another output that does
   not convert leaves nothing on either).  Both return 0, or -1 with E,
   whose file, when set, is O's name, valid until mn_output_abort (which
   the caller then calls).  A write error names its cause (errno of the
   failed write, such as ENOSPC), not just the stream's error flag.  */
int mn_output_finish (struct mn_output *o, struct mn_error *e);
int mn_output_publish (struct mn_output *o, struct mn_error *e);

/* Flush, check for write errors, close and rename into place.
   Returns 0, or -1 with E (the temporary file is then removed; E's file
   valid until mn_output_abort, which the caller then calls).  */
int mn_output_commit (struct mn_output *o, struct mn_error *e);

/* Discard: remove the temporary file and free what O holds.  Safe after
   commit.  */
void mn_output_abort (struct mn_output *o);

/* When standard output is redirected to a regular file and written on
   a helper thread (mn_output_open), write what the program has written
   to it so far, and wait: so that a message on standard error comes
   after the rows written before it, as when glibc's error() flushes
   stdout (a '> log 2>&1' reads in order; a reader of standard error
   gone with SIGPIPE finds those rows written).  Does nothing otherwise,
   or on another thread than the one that opened the output.  */
void mn_output_sync_stdout (void);

/* Remove the temporary files of every output not yet committed or
   discarded.  Async-signal-safe: what a program's handler of SIGINT,
   SIGTERM, SIGHUP, SIGQUIT and SIGPIPE calls before dying of the
   signal, so that an interrupted run leaves no temporary file behind
   (and its old outputs untouched).  */
void mn_output_remove_temporaries (void);

/* Have mn_output_remove_temporaries remove PATH too, a temporary file
   the program made itself (the workbook libxlsxwriter writes before it
   is copied to its output), until mn_output_forget (PATH) after the
   file is removed.  PATH is borrowed: it must stay valid until then.
   At most 64 temporary files, outputs included, are known at once; a
   name beyond that is not removed by the handler.  */
void mn_output_remember (char *path);
void mn_output_forget (char *path);

#endif

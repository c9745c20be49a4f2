/* run.h - the skeleton every program runs: its operands read one after
   the other through the record loop, its outputs written together, its
   exit status.

   A program starts a run (mn_run_init, or mn_common_run from the common
   options), names its callbacks, registers its outputs, loads what it
   needs, and then goes through the steps:

     mn_run_open (&run);           rejects file, main output, the others
     mn_run_inputs (&run);         bind and scan every operand
     ... write the main output to run.out[0].fp ...
     mn_run_commit (&run);         main output, rejects, then the others
     return mn_run_end (&run);     discard what was not committed

   Each step reports through the run's reporter (nothing here prints) and
   keeps the most severe exit status.  A run that has failed stays
   failed: every later step does nothing and returns -1 (as a stream's
   error flag does), so a main reads straight down.  */
#ifndef MINYI_RUN_H
#define MINYI_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/errinfo.h"
#include "io/input.h"
#include "io/provenance.h"
#include "io/output.h"
#include "io/reader.h"
#include "io/rejects.h"
#include "prog/reporter.h"
#include "prog/scan.h"

/* Exit statuses, documented in every page under EXIT STATUS.  */
enum
{
  MN_EXIT_AUTO = -1,    /* mn_run_fail: from the error's reason */
  MN_EXIT_OK = 0,
  MN_EXIT_DATA = 1,     /* input data invalid, rows rejected */
  MN_EXIT_USAGE = 2     /* usage or system error */
};

/* The status an error E (borrowed) is worth when nothing more is known:
   MN_EXIT_USAGE for a system error, MN_EXIT_DATA for any other.  */
int mn_exit_status (const struct mn_error *e);

/* What BIND may return besides 0 (go on) and -1 (stop the run, E says
   why): the input is unusable as a whole (E says why, reported once),
   and each of its records is rejected with E, the run going on.  */
#define MN_RUN_WHOLE 1

/* What the run learnt of one operand.  */
struct mn_run_input
{
  const char *file;         /* the operand as given, "-" for standard
                               input; borrowed from the caller */
  const char *name;         /* for messages: FILE or "(standard input)" */
  const char *encoding;     /* what it was read as ("UTF-8", "GB18030",
                               --encoding), NULL when never opened;
                               static or borrowed from the options */
  bool guessed;             /* ENCODING was chosen by looking */
  bool done;                /* read to its end */
  FILE *spool;              /* with REREAD, the copy of an operand that
                               is no regular file (a FIFO, /dev/stdin),
                               read in both passes; owned */
  struct mn_tally t;        /* its records read, used and rejected */
};

#define MN_RUN_OUTPUTS 8    /* the main output and the others at most */
#define MN_RUN_READS 8      /* files read besides the operands, at most */

struct mn_run
{
  /* Set by mn_run_init; change them before mn_run_open.  */
  const struct mn_reporter *rep;  /* borrowed; NULL: say nothing */
  struct mn_reader_options ro;    /* how to read the operands (guess
                                     set); ro.encoding is borrowed */
  const char *rejects_path;       /* borrowed; NULL: no rejects file */
  struct mn_tabfmt fmt;           /* the form of the main output, the
                                     rejects file and the tables of
                                     mn_run_table_output */
  bool strict;                    /* stop at the first rejected record */
  bool progress;                  /* report progress through each input
                                     (mn_reporter's progress) */
  /* The operands are read twice (mn_run_reopen): standard input, when
     an operand, and any operand that is no regular file (a FIFO,
     /dev/stdin, a device) are copied to a temporary file at
     mn_run_open.  */
  bool reread;
  /* NULL when the main output is written once the inputs are read.
     When the program writes it while reading (minyi-check), what to say
     when a run stops after it began on standard output ("the clean rows
     on standard output are incomplete"); a run stopped with -o then says
     that no output file was written.  Borrowed.  */
  const char *partial;

  /* The program's side (all borrowed; BIND and REJECTED may be NULL).  */
  /* Called once per operand, after its header is read: find the columns
     the program needs.  Returns 0, -1 or MN_RUN_WHOLE (above).  */
  int (*bind) (void *ctx, struct mn_input *in, struct mn_error *e);
  int (*row) (void *ctx, const struct mn_input *in,
              const struct mn_record *rec, struct mn_error *e);
  int (*header) (void *ctx, const struct mn_input *in,
                 const struct mn_record *rec,
                 struct mn_error *e);              /* as in scan.h */
  void (*rejected) (void *ctx, const struct mn_record *rec,
                    const struct mn_error *e);     /* as in scan.h */
  /* Or the record's work in two stages, as in scan.h (PREPARE, FINISH,
     BATCH, SLOT_SIZE), run on two threads when THREADS (below) is not
     1: minyi-check.  */
  mn_prepare_fn *prepare;
  mn_finish_fn *finish;
  mn_batch_fn *batch;
  size_t slot_size;
  void *ctx;
  /* Reading a large regular file on several threads (prog/parallel.h):
     with FORK and MERGE set, up to THREADS of them (0: one per
     processor this process may run on; 1: one).  FORK makes an empty
     partial of CTX bound to IN, the input of one byte range (the first
     input's header and name; its reader at the range's start, limited
     to its bytes: mn_reader_bytes and mn_reader_limit tell how far it
     has gone), or NULL with E (read on one thread); another thread
     fills the partial through ROW; MERGE folds PART into CTX exactly
     (returns 0, or -1: read on one thread) and DROP frees a partial.
     With PREPARE and FINISH, THREADS other than 1 reads and prepares
     on one thread and finishes on this one (prog/pipe.h).  */
  unsigned threads;
  void *(*fork) (void *ctx, const struct mn_input *in, struct mn_error *e);
  int (*merge) (void *ctx, void *part);
  void (*drop) (void *part);

  /* What the run gives back.  */
  struct mn_run_input *input;     /* owned: one per operand, in order */
  size_t ninput;
  struct mn_tally total;          /* over every operand read */
  int status;                     /* MN_EXIT_OK, _DATA or _USAGE */
  bool failed;                    /* a step failed: nothing is written */
  /* out[0] is the main output (-o, else standard output), then those of
     mn_run_output, in order; their fp is valid from mn_run_open to
     mn_run_commit.  */
  struct mn_output out[MN_RUN_OUTPUTS];
  size_t nout;

  /* Private.  */
  const char *path[MN_RUN_OUTPUTS];
  bool table[MN_RUN_OUTPUTS];     /* written in the form FMT */
  const char *reads[MN_RUN_READS];
  size_t nreads;
  struct mn_rejects rejects;
  bool started;                   /* an input was bound */
};

/* Start RUN on the operands FILES[0..NFILES-1] (borrowed; none: standard
   input), writing its main output to OUTPUT (borrowed; NULL or "-":
   standard output) and reporting to REP (borrowed; NULL: nothing said).
   The caller ends RUN with mn_run_end.  */
void mn_run_init (struct mn_run *run, char *const *files, size_t nfiles,
                  const char *output, const struct mn_reporter *rep);

/* Register one more output, PATH (borrowed; NULL: none), to be opened
   and committed with the main output and written atomically like it: a
   report, a sidecar beside the table.  Returns it (borrowed from RUN,
   its fp valid after mn_run_open), or NULL when PATH is NULL.  */
struct mn_output *mn_run_output (struct mn_run *run, const char *path);

/* The same for a table, written in the run's form FMT as the main
   output is (a list of items, an early-warning list, a report table);
   a provenance file, a plot or a page is registered with
   mn_run_output.  */
struct mn_output *mn_run_table_output (struct mn_run *run,
                                       const char *path);

/* Name a file PATH (borrowed; NULL: none) the program reads besides
   its operands (a codebook, a roster, margins, shares), which no output
   may replace.  */
void mn_run_reads (struct mn_run *run, const char *path);

/* Open the rejects file, the main output and the others, in that order
   (with REREAD, first copy standard input).  First, an output that is
   one of the files read (an operand, standard input, or one of
   mn_run_reads), compared as files (device and inode), not as names,
   fails the run with status 2 before anything is written.  Returns 0,
   or -1.  */
int mn_run_open (struct mn_run *run);

/* Read every operand in turn: open it (guessing its encoding, as
   input.h says), report how it is read, bind it, run the record loop,
   count.  Stops at an operand that cannot be opened, bound or read to
   its end, or with --strict at the first rejected record, and then says
   what was lost.  Returns 0, or -1.  */
int mn_run_inputs (struct mn_run *run);

/* For a second pass: open operand I again, as it was opened the first
   time, into IN; the caller closes IN with mn_input_close.  Needs
   REREAD.  Returns 0, or -1 (reported, the run failed).  */
int mn_run_reopen (struct mn_run *run, size_t i, struct mn_input *in);

/* A step of the program failed: report E (borrowed) and fail the run
   with STATUS (MN_EXIT_AUTO: mn_exit_status (E)).  Returns -1.  */
int mn_run_fail (struct mn_run *run, const struct mn_error *e, int status);

/* Fail the run with STATUS without reporting (the program has said
   why).  Returns -1.  */
int mn_run_status (struct mn_run *run, int status);

/* Keep STATUS as the run's exit status when it is more severe, without
   failing the run: a data problem the outputs are still written with
   (the program has said what).  */
void mn_run_keep (struct mn_run *run, int status);

/* Put the outputs in place: the main output first, then the rejects,
   then the others, so that when the main output cannot be written,
   neither are the others (and none is left half-written).  Then report
   the counts of all inputs, when there are several.  Returns 0, or -1
   (everything not yet in place discarded).  */
int mn_run_commit (struct mn_run *run);

/* Discard every output not committed and free what RUN owns.  Returns
   the exit status.  */
int mn_run_end (struct mn_run *run);

/* The operands of RUN (borrowed) as provenance inputs (io/provenance.h):
   an array of RUN->ninput the caller frees, whose strings are borrowed
   from RUN.  */
struct mn_prov_input *mn_run_prov_inputs (const struct mn_run *run);

#endif

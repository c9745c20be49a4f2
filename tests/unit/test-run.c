/* test-run.c - unit tests of the run driver (lib/run.c) and the record
   loop under it (lib/scan.c), against the contracts in lib/run.h and
   lib/reporter.h: per-input tallies, statuses, --strict, inputs
   rejected whole, outputs committed all or nothing, a second pass, and
   what reaches the reporter.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "prog/run.h"
#include "prog/scan.h"
#include "tap.h"

static char dir[4096];

/* DIR/NAME (static buffer, one at a time per slot).  */
static const char *
path (int slot, const char *name)
{
  static char buf[4][4200];
  snprintf (buf[slot], sizeof buf[slot], "%s/%s", dir, name);
  return buf[slot];
}

static void
write_file (const char *p, const char *text)
{
  FILE *fp = fopen (p, "wb");
  fputs (text, fp);
  fclose (fp);
}

static int
exists (const char *p)
{
  return access (p, F_OK) == 0;
}

/* A reporter that counts what it is told.  */
struct heard
{
  int errors, opened, rejected, tallies, all_inputs;
  char last_error[1024];
};

static void
h_error (void *ctx, const struct mn_error *e)
{
  struct heard *h = ctx;
  h->errors++;
  snprintf (h->last_error, sizeof h->last_error, "%s", e->msg);
}

static void
h_opened (void *ctx, const struct mn_input *in)
{
  (void) in;
  ((struct heard *) ctx)->opened++;
}

static void
h_rejected (void *ctx, const struct mn_error *e, const struct mn_tally *t)
{
  (void) e;
  (void) t;
  ((struct heard *) ctx)->rejected++;
}

static void
h_tally (void *ctx, const char *what, const struct mn_tally *t)
{
  struct heard *h = ctx;
  (void) t;
  if (what)
    h->tallies++;
  else
    h->all_inputs++;
}

/* The program: rejects a record whose column "x" is "bad", copies the
   others' "x" to the main output; an input without "x" stops the run,
   one with a column "whole" is rejected whole.  */
struct prog
{
  long col;
  int bound;
  FILE *out;
};

static int
p_bind (void *ctx, struct mn_input *in, struct mn_error *e)
{
  struct prog *p = ctx;
  p->bound++;
  p->col = -1;
  for (size_t j = 0; j < in->h.n; j++)
    {
      if (strcmp (in->h.name[j], "x") == 0)
        p->col = (long) j;
      if (strcmp (in->h.name[j], "whole") == 0)
        {
          mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN, "whole");
          return MN_RUN_WHOLE;
        }
    }
  if (p->col < 0)
    return mn_error_set (e, in->name, 1, MN_R_MISSING_COLUMN, "no x");
  return 0;
}

static int
p_row (void *ctx, const struct mn_input *in, const struct mn_record *rec,
       struct mn_error *e)
{
  struct prog *p = ctx;
  size_t j = (size_t) p->col;
  if (rec->len[j] == 3 && memcmp (rec->f[j], "bad", 3) == 0)
    {
      mn_error_set (e, in->name, rec->line, MN_R_BAD_VALUE, "bad");
      return MN_SCAN_REJECT;
    }
  if (p->out)
    fprintf (p->out, "%.*s\n", (int) rec->len[j], rec->f[j]);
  return MN_SCAN_USE;
}

static void
start (struct mn_run *run, struct prog *p, struct heard *h,
       struct mn_reporter *rep, char **files, size_t n, const char *out)
{
  *rep = (struct mn_reporter) { .error = h_error, .opened = h_opened,
                                .rejected = h_rejected, .tally = h_tally,
                                .ctx = h };
  memset (h, 0, sizeof *h);
  memset (p, 0, sizeof *p);
  mn_run_init (run, files, n, out, rep);
  run->bind = p_bind;
  run->row = p_row;
  run->ctx = p;
}

static void
test_tallies (void)
{
  char a[4200], b[4200];
  snprintf (a, sizeof a, "%s", path (0, "a.csv"));
  snprintf (b, sizeof b, "%s", path (0, "b.csv"));
  write_file (a, "x,y\n1,2\nbad,3\n4,5\n");
  /* GB18030 for 中 is D6 D0.  */
  write_file (b, "y,x\n\xD6\xD0,7\n8,bad\n9\n");
  char *files[] = { a, b };
  struct mn_run run;
  struct prog p;
  struct heard h;
  struct mn_reporter rep;
  start (&run, &p, &h, &rep, files, 2, path (1, "out.csv"));
  run.rejects_path = path (2, "rej.csv");
  struct mn_output *side = mn_run_output (&run, path (3, "side.csv"));
  ok (mn_run_output (&run, NULL) == NULL, "no path, no output");
  ok (mn_run_open (&run) == 0, "open");
  p.out = run.out[0].fp;
  ok (mn_run_inputs (&run) == 0, "two inputs read");
  fputs ("sidecar\n", side->fp);
  ok (mn_run_commit (&run) == 0, "commit");
  ok (run.ninput == 2, "two tallies");
  streq (run.input[0].file, a, "file as given");
  ok (run.input[0].t.read == 3 && run.input[0].t.used == 2
      && run.input[0].t.rejected == 1, "first input's counts");
  streq (run.input[0].encoding, "UTF-8", "first input read as UTF-8");
  ok (run.input[1].t.read == 3 && run.input[1].t.used == 1
      && run.input[1].t.rejected == 2
      && run.input[1].t.reason[MN_R_RAGGED] == 1
      && run.input[1].t.reason[MN_R_BAD_VALUE] == 1,
      "second input's counts, per reason");
  streq (run.input[1].encoding, "GB18030", "second input guessed GB18030");
  ok (run.input[1].guessed && run.input[0].done && run.input[1].done,
      "guessed, both read to the end");
  ok (run.total.read == 6 && run.total.used == 3 && run.total.rejected == 3,
      "total");
  ok (h.opened == 2 && h.tallies == 2 && h.all_inputs == 1
      && h.rejected == 3 && h.errors == 0, "what the reporter heard");
  ok (exists (path (0, "out.csv")) && exists (path (0, "rej.csv"))
      && exists (path (0, "side.csv")), "all three outputs in place");
  ok (mn_run_end (&run) == MN_EXIT_DATA, "rows rejected: status 1");
}

static void
test_all_or_nothing (void)
{
  char a[4200];
  snprintf (a, sizeof a, "%s", path (0, "c.csv"));
  write_file (a, "x\n1\n");
  unlink (path (0, "rej2.csv"));
  unlink (path (0, "side2.csv"));
  char *files[] = { a };
  struct mn_run run;
  struct prog p;
  struct heard h;
  struct mn_reporter rep;
  start (&run, &p, &h, &rep, files, 1, "/dev/full");
  run.rejects_path = path (2, "rej2.csv");
  struct mn_output *side = mn_run_output (&run, path (3, "side2.csv"));
  mn_run_open (&run);
  p.out = run.out[0].fp;
  mn_run_inputs (&run);
  fputs ("sidecar\n", side->fp);
  ok (mn_run_commit (&run) < 0, "commit fails on /dev/full");
  ok (!exists (path (0, "rej2.csv")) && !exists (path (0, "side2.csv")),
      "main output not written: neither are the others");
  ok (h.errors == 1 && h.all_inputs == 0, "one error, no total");
  ok (mn_run_end (&run) == MN_EXIT_USAGE, "status 2");
}

static void
test_stops (void)
{
  char a[4200], b[4200], c[4200];
  snprintf (a, sizeof a, "%s", path (0, "s1.csv"));
  snprintf (b, sizeof b, "%s", path (0, "s2.csv"));
  snprintf (c, sizeof c, "%s", path (0, "s3.csv"));
  write_file (a, "x\n1\nbad\n2\n");
  write_file (b, "y\n1\n");
  write_file (c, "x,whole\n1,2\n3,4\n");
  struct mn_run run;
  struct prog p;
  struct heard h;
  struct mn_reporter rep;

  /* --strict: the first rejected record stops the run.  */
  char *f1[] = { a, b };
  start (&run, &p, &h, &rep, f1, 2, path (1, "st.csv"));
  run.strict = true;
  mn_run_open (&run);
  ok (mn_run_inputs (&run) < 0, "--strict stops");
  ok (run.input[0].t.read == 2 && !run.input[0].done && p.bound == 1,
      "at the rejected record, before the next input");
  streq (h.last_error,
         "stopped at the first rejected record (--strict); nothing written",
         "what was lost is said");
  ok (h.rejected == 0 && h.errors == 2,
      "the stopping record reported as an error, not as a rejection");
  ok (mn_run_commit (&run) < 0 && run.failed, "a failed run stays failed");
  ok (mn_run_end (&run) == MN_EXIT_DATA && !exists (path (0, "st.csv")),
      "status 1, nothing written");

  /* An input that cannot be bound stops the run; a missing one too.  */
  char *f2[] = { b, a };
  start (&run, &p, &h, &rep, f2, 2, NULL);
  ok (mn_run_inputs (&run) < 0 && p.bound == 1, "bind failure stops");
  ok (mn_run_end (&run) == MN_EXIT_DATA, "status 1");
  char missing[] = "/nonexistent/file.csv";
  char *f3[] = { missing };
  start (&run, &p, &h, &rep, f3, 1, NULL);
  ok (mn_run_inputs (&run) < 0 && run.input[0].encoding == NULL,
      "missing input stops, never opened");
  ok (mn_run_end (&run) == MN_EXIT_USAGE, "status 2");

  /* An input rejected whole: the run goes on.  */
  char *f4[] = { c, a };
  start (&run, &p, &h, &rep, f4, 2, NULL);
  ok (mn_run_inputs (&run) == 0, "whole rejection does not stop the run");
  ok (run.input[0].t.rejected == 2 && run.input[0].t.used == 0
      && run.input[1].t.used == 2, "its rows rejected, the next read");
  ok (h.errors == 1 && h.rejected == 1,
      "the whole problem said once, its rows not one by one");
  ok (mn_run_end (&run) == MN_EXIT_DATA, "status 1");
}

static void
test_reopen (void)
{
  char a[4200];
  snprintf (a, sizeof a, "%s", path (0, "r.csv"));
  write_file (a, "x\n\xD6\xD0\n2\n");
  char *files[] = { a };
  struct mn_run run;
  struct prog p;
  struct heard h;
  struct mn_reporter rep;
  start (&run, &p, &h, &rep, files, 1, NULL);
  run.reread = true;
  mn_run_open (&run);
  mn_run_inputs (&run);
  struct mn_input in;
  ok (mn_run_reopen (&run, 0, &in) == 0, "reopen for a second pass");
  streq (in.encoding, "GB18030", "read as it was the first time");
  struct mn_record rec;
  struct mn_error e;
  unsigned long n = 0;
  while (mn_input_next (&in, &rec, &e) > 0)
    n++;
  ok (n == run.input[0].t.read, "the same records");
  mn_input_close (&in);
  ok (mn_exit_status (&(struct mn_error) { .reason = MN_R_SYSTEM }) == 2
      && mn_exit_status (&(struct mn_error) { .reason = MN_R_USAGE }) == 1,
      "mn_exit_status");
  ok (mn_run_fail (&run, &e, MN_EXIT_DATA) < 0
      && mn_run_reopen (&run, 0, &in) < 0, "no reopen after a failure");
  mn_run_status (&run, MN_EXIT_OK);
  ok (mn_run_end (&run) == MN_EXIT_DATA, "the most severe status kept");
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR");
  snprintf (dir, sizeof dir, "%s/minyi-test-run.XXXXXX",
            tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp (dir))
    {
      perror ("mkdtemp");
      return 2;
    }
  test_tallies ();
  test_all_or_nothing ();
  test_stops ();
  test_reopen ();
  char cmd[4200 + 16];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    return 2;
  return tap_done ();
}

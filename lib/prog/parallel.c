/* parallel.c - one large regular file read by several threads.

   How it goes (parallel.h says why it is exact):
   1. cut: range I starts just after the first LF at or after I/N of
      the file (range 0 at its start, where the input was opened), or a
      few lines on, at the first that looks like a record;
   2. count, in parallel, the physical lines of each range but the
      last, as the reader counts them (LF, CRLF or a bare CR), which
      gives each range the number of its first line;
   3. read, in parallel: range 0 through an input opened afresh with
      the main one's encoding (its header read again), the others
      through readers started mid-file, each into its own partial,
      rejects and messages held in temporary files (memory stays
      bounded whatever their number);
   4. check: every range but the last ended between two records, no
      range stopped on an error, none met a line whose reading depends
      on the lines before it; else give it all up;
   5. merge the partials, hand on the held rejects and messages in file
      order, with the counts one thread would have shown.  */
#include "prog/parallel.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/cpus.h"
#include "base/thread.h"
#include "base/xalloc.h"
#include "io/spool.h"
#include "prog/scan.h"

/* The smallest range worth a thread, in bytes; MINYI_SPLIT_MIN (the
   tests' knob) sets another.  */
#define MIN_RANGE ((long long) 2 << 20)
#define MAX_THREADS 256

struct par;

/* One range and the thread reading it.  */
struct worker
{
  struct par *par;
  long long start, end;         /* its bytes */
  unsigned long lines;          /* physical lines in it (step 2) */
  struct mn_input in;           /* range 0: an input of its own; the
                                   others: the main input's copy with
                                   its own stream and reader */
  bool opened;                  /* IN is to be closed or freed */
  void *ctx;                    /* the partial; NULL once merged */
  FILE *errs;                   /* held messages (struct held) */
  FILE *rows;                   /* held rejects rows */
  bool held_failed;             /* writing ERRS failed */
  struct mn_rejects rj;         /* writes to ROWS */
  struct mn_reporter rep;
  struct mn_tally t;
  struct mn_error e;
  int rc;
  pthread_t tid;
  bool started;                 /* TID runs */
  _Atomic unsigned long long bytes;  /* read so far, for --progress */
  _Atomic unsigned long read;
};

struct par
{
  struct mn_run *run;
  const struct mn_input *main;
  struct worker *w;
  size_t n;
  long long size;
  int fd;                       /* the main input's, read with pread */
  bool undecided;               /* its encoding put off: ASCII so far */
  /* Step 2: the ranges but the last, from the file's start, cut into
     N pieces at line starts, piece T from CUT[T] to CUT[T + 1]; worker
     T's count of its part of range I in PIECE[I * N + T] (-1: a read
     error).  */
  long long *cut;
  long *piece;
};

/* A held message: then LEN bytes of text.  */
struct held
{
  const char *file;
  unsigned long line;
  enum mn_reason reason;
  size_t len;
};

/* Whether every LF and CR byte of ENCODING is a line end: ASCII
   supersets whose multibyte characters never use those bytes.  */
static bool
lines_by_bytes (const char *encoding)
{
  static const char *const ok[] = { "UTF-8", "UTF8", "GB18030", "GBK",
                                    "CP936", "GB2312", "EUC-CN" };
  if (!encoding)
    return true;
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
    if (strcasecmp (encoding, ok[i]) == 0)
      return true;
  return false;
}

static long long
min_range (void)
{
  const char *s = getenv ("MINYI_SPLIT_MIN");
  if (s && *s)
    {
      char *end;
      long long v = strtoll (s, &end, 10);
      if (!*end && v > 0)
        return v;
    }
  return MIN_RANGE;
}

/* For the tests (MINYI_SPLIT_TRACE=FILE): append to FILE how IN was
   read, in N ranges, or given up (not OK) and read on one thread.  */
static void
trace (const struct mn_input *in, size_t n, bool ok)
{
  const char *path = getenv ("MINYI_SPLIT_TRACE");
  FILE *fp = path && *path ? fopen (path, "a") : NULL;
  if (!fp)
    return;
  fprintf (fp, "%s: %zu ranges%s\n", in->name, n,
           ok ? "" : ", given up: one thread");
  fclose (fp);
}

/* The offset just after the first LF of FD at or after FROM; SIZE when
   there is none; -1 on a read error.  */
static long long
line_start (int fd, long long from, long long size)
{
  char buf[65536];
  for (long long at = from; at < size;)
    {
      ssize_t k = pread (fd, buf, sizeof buf, at);
      if (k <= 0)
        return -1;
      const char *nl = memchr (buf, '\n', (size_t) k);
      if (nl)
        return at + (nl - buf) + 1;
      at += k;
    }
  return size;
}

/* A better place to cut than AT (a line start of FD): the first of
   the next lines, within 64 KiB, that looks like a record of N fields
   separated by DELIM with no quote in it, since a line inside a quoted
   field seldom does (the line after a cut in a quoted field runs up to
   its closing quote); AT when none does.  Only a guess, checked once
   the range before it has been read.  */
static long long
record_start (int fd, long long at, long long size, size_t n,
              unsigned char delim)
{
  char buf[65536];
  ssize_t k = at < size ? pread (fd, buf, sizeof buf, at) : 0;
  if (k <= 0)
    return at;
  for (const char *line = buf, *end = buf + k; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      if (!nl)
        break;
      size_t fields = 1;
      bool quote = false;
      for (const char *c = line; c < nl && !quote; c++)
        {
          fields += (unsigned char) *c == delim;
          quote = *c == '"';
        }
      if (!quote && fields == n)
        return at + (line - buf);
      line = nl + 1;
    }
  return at;
}

/* The line ends among the N bytes at P, counted as the reader counts
   them: each LF, and each CR not followed by a LF.  A CR that is the
   last byte (what follows it not known yet) is not counted but said in
   *CR_LAST.  Sixteen bytes at a time with SSE2 (every x86-64): the
   LFs counted in a vector of byte counters, the CRs, rare but in CRLF
   files, looked at one by one.  */
static unsigned long
line_ends (const char *p, size_t n, bool *cr_last)
{
  unsigned long lines = 0;
  size_t i = 0;
#ifdef __SSE2__
  const __m128i lf = _mm_set1_epi8 ('\n'), cr = _mm_set1_epi8 ('\r');
  while (n - i >= 16)
    {
      /* At most 255 blocks, so that no byte counter wraps.  */
      size_t blocks = (n - i) / 16 < 255 ? (n - i) / 16 : 255;
      size_t stop = i + 16 * blocks;
      __m128i acc = _mm_setzero_si128 ();
      for (; i < stop; i += 16)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) (p + i));
          acc = _mm_sub_epi8 (acc, _mm_cmpeq_epi8 (v, lf));
          unsigned c = (unsigned) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, cr));
          for (; c; c &= c - 1)
            {
              size_t at = i + (size_t) __builtin_ctz (c);
              if (at + 1 == n)
                *cr_last = true;
              else if (p[at + 1] != '\n')
                lines++;
            }
        }
      __m128i sum = _mm_sad_epu8 (acc, _mm_setzero_si128 ());
      lines += (unsigned long) _mm_cvtsi128_si32 (sum)
               + (unsigned long) _mm_extract_epi16 (sum, 4);
    }
#endif
  for (; i < n; i++)
    if (p[i] == '\n')
      lines++;
    else if (p[i] == '\r')
      {
        if (i + 1 == n)
          *cr_last = true;
        else if (p[i + 1] != '\n')
          lines++;
      }
  return lines;
}

/* The physical lines of FD from START to END, counted as the reader
   does (a LF, a CRLF, a bare CR each end one): -1 on a read error.  */
static long
count_span (int fd, long long start, long long end)
{
  enum { CHUNK = 1 << 20 };
  char *buf = xmalloc (CHUNK);
  unsigned long n = 0;
  bool cr = false;              /* the byte before the chunk was a CR */
  long long at = start;
  while (at < end)
    {
      size_t want = end - at < CHUNK ? (size_t) (end - at) : CHUNK;
      ssize_t k = pread (fd, buf, want, at);
      if (k <= 0)
        break;
      if (cr && buf[0] != '\n')
        n++;
      cr = false;
      n += line_ends (buf, (size_t) k, &cr);
      at += k;
    }
  free (buf);
  return at == end && n + cr <= LONG_MAX ? (long) (n + cr) : -1;
}

/* Step 2 for W: its piece of the ranges to count, cut where it crosses
   from one range into the next, each part's lines added to its range's
   (every cut is at a line start, so that a CRLF is never split).  */
static void *
count_share (void *arg)
{
  struct worker *w = arg;
  struct par *p = w->par;
  size_t t = (size_t) (w - p->w), n = p->n;
  long long a = p->cut[t], z = p->cut[t + 1];
  for (size_t i = 0; i + 1 < n && a < z; i++)
    {
      long long from = a > p->w[i].start ? a : p->w[i].start;
      long long to = z < p->w[i].end ? z : p->w[i].end;
      if (from >= to)
        continue;
      long k = count_span (p->fd, from, to);
      long *sum = &p->piece[i * n + t];
      *sum = *sum < 0 || k < 0 ? -1 : *sum + k;
    }
  return NULL;
}

/* Cut the ranges to count for step 2 (all but the last, one span from
   the file's start) into P->N pieces, one a worker, each after the
   first LF at or after its share.  Returns 0, or -1 on a read error.  */
static int
cut_pieces (struct par *p)
{
  size_t n = p->n;
  long long z = p->w[n - 1].start;
  p->cut = xcalloc (n + 1, sizeof *p->cut);
  p->piece = xcalloc ((n - 1) * n, sizeof *p->piece);
  p->cut[n] = z;
  for (size_t t = 1; t < n; t++)
    {
      long long at = line_start (p->fd, z / (long long) n * (long long) t, z);
      if (at < 0)
        return -1;
      p->cut[t] = at < p->cut[t - 1] ? p->cut[t - 1] : at > z ? z : at;
    }
  return 0;
}

/* The reporter of a range's reading: messages held, progress summed.  */
static void
hold_rejected (void *ctx, const struct mn_error *e, const struct mn_tally *t)
{
  (void) t;
  struct worker *w = ctx;
  struct held h = { e->file, e->line, e->reason, strlen (e->msg) };
  if (fwrite (&h, sizeof h, 1, w->errs) != 1
      || fwrite (e->msg, 1, h.len, w->errs) != h.len)
    w->held_failed = true;
}

static void
sum_progress (void *ctx, const struct mn_input *in, unsigned long long bytes,
              long long size, const struct mn_tally *t, bool done)
{
  (void) in;
  (void) size;
  struct worker *w = ctx;
  struct par *p = w->par;
  atomic_store (&w->bytes, bytes);
  atomic_store (&w->read, t->read);
  if (w != &p->w[0] || done)
    return;
  /* Range 0 is read by the main thread, which alone may speak.  */
  struct mn_tally sum = { 0 };
  unsigned long long b = 0;
  for (size_t i = 0; i < p->n; i++)
    {
      b += atomic_load (&p->w[i].bytes);
      sum.read += atomic_load (&p->w[i].read);
    }
  mn_report_progress (p->run->rep, p->main, b, p->size, &sum, false);
}

/* Step 3 for W.  */
static void *
read_range (void *arg)
{
  struct worker *w = arg;
  struct mn_run *run = w->par->run;
  struct mn_scan s = { .row = run->row, .rejected = run->rejected,
                       .ctx = w->ctx, .rejects = &w->rj, .rep = &w->rep,
                       .progress = run->progress };
  w->rc = mn_scan_input (&w->in, &s, &w->t, &w->e);
  return NULL;
}

/* Run FN on every worker, W[0]'s on this thread (or any whose thread
   could not be made).  */
static void
run_all (struct par *p, void *(*fn) (void *), size_t n)
{
  for (size_t i = 1; i < n; i++)
    p->w[i].started = mn_thread_start (&p->w[i].tid, MN_THREAD_STACK, fn,
                                       &p->w[i]) == 0;
  fn (&p->w[0]);
  for (size_t i = 1; i < n; i++)
    {
      if (p->w[i].started)
        pthread_join (p->w[i].tid, NULL);
      else
        fn (&p->w[i]);
      p->w[i].started = false;
    }
}

/* Open range I's input (step 3): 0 afresh, as the main input was but
   with the encoding it found, the others mid-file.  Returns 0, or -1
   (give up).  */
static int
open_range (struct par *p, size_t i, unsigned long line)
{
  struct worker *w = &p->w[i];
  const struct mn_input *m = p->main;
  struct mn_run *run = p->run;
  struct mn_reader_options ro = run->ro;
  struct mn_error e;
  ro.encoding = m->encoding;
  ro.guess = false;
  ro.limit = (unsigned long long) w->end - (i ? (unsigned long long) w->start
                                              : 0);
  if (i == 0)
    {
      if (mn_input_open (&w->in, m->path, &ro, &e) < 0)
        return -1;
      w->opened = true;
      /* The same header, on the same line (it could run past the end
         of the range).  */
      if (w->in.h.n != m->h.n || w->in.h.line != m->h.line
          || w->in.skipped != m->skipped)
        return -1;
      for (size_t k = 0; k < m->h.n; k++)
        if (strcmp (w->in.h.name[k], m->h.name[k]) != 0)
          return -1;
      /* What the guess found, which messages tell.  */
      w->in.guessed = m->guessed;
      w->in.mixed = m->mixed;
      w->in.bad_lines = m->bad_lines;
      w->in.verify = m->verify;
      if (m->verify)
        mn_reader_expect_utf8 (w->in.r);
      if (p->undecided)
        mn_reader_expect_ascii (w->in.r);
      return 0;
    }
  FILE *fp = fopen (m->path, "rb");
  if (!fp)
    return -1;
  struct stat a, b;
  if (fstat (fileno (fp), &a) != 0 || fstat (p->fd, &b) != 0
      || a.st_dev != b.st_dev || a.st_ino != b.st_ino
      || fseeko (fp, w->start, SEEK_SET) != 0)
    {
      fclose (fp);
      return -1;
    }
  w->in = *m;
  w->in.fp = fp;
  w->in.own = false;
  w->in.records = 0;
  w->in.r = mn_reader_new (fp, m->name, &ro, &e);
  if (!w->in.r)
    {
      fclose (fp);
      return -1;
    }
  w->opened = true;
  mn_reader_start_at (w->in.r, line);
  if (m->verify)
    mn_reader_expect_utf8 (w->in.r);
  if (p->undecided)
    mn_reader_expect_ascii (w->in.r);
  return 0;
}

/* Free what W holds.  */
static void
drop_range (struct par *p, struct worker *w)
{
  if (w->opened)
    {
      if (w == &p->w[0])
        mn_input_close (&w->in);
      else
        {
          mn_reader_free (w->in.r);
          fclose (w->in.fp);
        }
    }
  if (w->ctx && p->run->drop)
    p->run->drop (w->ctx);
  if (w->errs)
    fclose (w->errs);
  if (w->rows)
    fclose (w->rows);
}

/* Step 1: cut P's file into ranges, each starting at a line that looks
   like a record.  Returns their number, 0 on a read
   error.  */
static size_t
cut (struct par *p, size_t want)
{
  long long prev = 0;
  size_t n = 0;
  p->w = xcalloc (want, sizeof *p->w);
  for (size_t i = 1; i <= want; i++)
    {
      long long at = i == want ? p->size
                     : line_start (p->fd, p->size / (long long) want
                                          * (long long) i, p->size);
      if (at < 0)
        return 0;
      if (i < want)
        at = record_start (p->fd, at, p->size, p->main->h.n,
                           p->run->ro.delim ? p->run->ro.delim : ',');
      if (at <= prev)
        continue;
      p->w[n].par = p;
      p->w[n].start = prev;
      p->w[n].end = at;
      n++;
      prev = at;
    }
  return n;
}

/* Steps 2 to 4.  Returns 0 when every range was read as one thread
   would have, else -1.  */
static int
attempt (struct par *p)
{
  struct mn_run *run = p->run;
  /* Step 2 (the last range's lines are not needed), every worker
     counting a piece of each.  */
  if (cut_pieces (p) < 0)
    return -1;
  run_all (p, count_share, p->n);
  for (size_t i = 0; i + 1 < p->n; i++)
    for (size_t t = 0; t < p->n; t++)
      {
        long k = p->piece[i * p->n + t];
        if (k < 0)
          return -1;
        p->w[i].lines += (unsigned long) k;
      }
  unsigned long line = 1;
  for (size_t i = 0; i < p->n; i++)
    {
      struct worker *w = &p->w[i];
      struct mn_error e;
      if (open_range (p, i, line) < 0
          || !(w->errs = mn_tmpfile ())
          || (run->rejects.open && !(w->rows = mn_tmpfile ()))
          || !(w->ctx = run->fork (run->ctx, &w->in, &e)))
        return -1;
      mn_rejects_buffer (&w->rj, &run->rejects, w->rows);
      w->rep = (struct mn_reporter) { .rejected = hold_rejected,
                                      .progress = sum_progress, .ctx = w };
      line += w->lines;
    }
  /* Step 3.  */
  run_all (p, read_range, p->n);
  /* Step 4.  */
  for (size_t i = 0; i < p->n; i++)
    {
      struct worker *w = &p->w[i];
      if (w->rc < 0 || w->held_failed || ferror (w->errs)
          || (w->rows && ferror (w->rows))
          || (i + 1 < p->n && !mn_reader_clean_end (w->in.r))
          || (i > 0 && p->main->verify && mn_reader_mixed (w->in.r))
          || (p->undecided && mn_reader_non_ascii (w->in.r)))
        return -1;
    }
  return 0;
}

/* Step 5: hand on W's held messages, counting them in T as one thread
   would have.  Returns 0, or -1 with E.  */
static int
replay (struct par *p, struct worker *w, struct mn_tally *t,
        struct mn_error *e)
{
  if (fflush (w->errs) != 0 || fseeko (w->errs, 0, SEEK_SET) != 0)
    return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                         "cannot read a temporary file back: %s",
                         strerror (errno));
  struct held h;
  while (fread (&h, sizeof h, 1, w->errs) == 1)
    {
      struct mn_error m = { h.file, h.line, h.reason, "" };
      if (h.len >= sizeof m.msg
          || fread (m.msg, 1, h.len, w->errs) != h.len)
        return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                             "cannot read a temporary file back: %s",
                             strerror (errno ? errno : EIO));
      m.msg[h.len] = '\0';
      t->rejected++;
      t->reason[m.reason]++;
      mn_report_rejected (p->run->rep, &m, t);
    }
  if (ferror (w->errs))
    return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                         "cannot read a temporary file back: %s",
                         strerror (errno));
  return w->rows ? mn_rejects_append (&p->run->rejects, w->rows, e) : 0;
}

int
mn_parallel_input (struct mn_run *run, struct mn_run_input *ri,
                   struct mn_input *in, struct mn_error *e)
{
  unsigned want = run->threads ? run->threads : mn_cpus ();
  struct stat st, named;
  /* The ranges open IN's path again: it must name the file read, not a
     FIFO or a pipe copied to a temporary file by the guess (opening a
     FIFO again would wait for a writer that never comes).  */
  if (want < 2 || !run->fork || !run->merge || run->header || run->strict
      || ri->spool
      || !in->fp || in->fp == stdin || !lines_by_bytes (in->encoding)
      || fstat (fileno (in->fp), &st) != 0 || !S_ISREG (st.st_mode)
      || !in->path || stat (in->path, &named) != 0
      || named.st_dev != st.st_dev || named.st_ino != st.st_ino)
    return 1;
  long long min = min_range ();
  if (st.st_size / min < 2)
    return 1;
  if (want > MAX_THREADS)
    want = MAX_THREADS;
  if ((long long) want > st.st_size / min)
    want = (unsigned) (st.st_size / min);

  struct par p = { .run = run, .main = in, .size = st.st_size,
                   .fd = fileno (in->fp),
                   .undecided = mn_reader_undecided (in->r) };
  p.n = cut (&p, want);
  int rc = p.n >= 2 ? attempt (&p) : -1;
  /* Step 5.  */
  for (size_t i = 0; i < p.n && rc == 0; i++)
    {
      if (run->merge (run->ctx, p.w[i].ctx) < 0)
        {
          if (i > 0)
            abort ();           /* a merge that fails after another
                                   succeeded: a bug of the program */
          rc = -1;
          break;
        }
      /* Merged: freed now, so that at most one partial is held beside
         the whole (many groups make each partial nearly as large).  */
      if (run->drop)
        {
          run->drop (p.w[i].ctx);
          p.w[i].ctx = NULL;
        }
    }
  trace (in, p.n, rc == 0);
  int status = 1;
  if (rc == 0)
    {
      struct mn_tally t = { 0 };
      status = 0;
      for (size_t i = 0; i < p.n && status == 0; i++)
        {
          if (replay (&p, &p.w[i], &t, e) < 0)
            status = -1;
          mn_tally_add (&ri->t, &p.w[i].t);
        }
      if (run->progress)
        mn_report_progress (run->rep, in, (unsigned long long) p.size,
                            p.size, &ri->t, true);
      if (status == 0)
        mn_report_tally (run->rep, in->name, &ri->t);
    }
  for (size_t i = 0; i < p.n; i++)
    drop_range (&p, &p.w[i]);
  free (p.w);
  free (p.cut);
  free (p.piece);
  return status;
}

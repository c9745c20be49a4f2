/* pipe.c - the record loop a batch at a time, on two threads or one.  */
#include "prog/pipe.h"

#include <pthread.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/stash.h"
#include "base/thread.h"
#include "base/xalloc.h"

/* A batch holds up to this many records, or stops taking them once
   its two stashes hold this many bytes.  A record larger than that is
   not copied: it ends its batch, borrowed from the reader, which reads
   no further until the batch is finished (see fill): records of
   several MiB then take no more memory than on one thread.  */
#define BATCH_RECORDS 512
#define BATCH_BYTES ((size_t) 256 << 10)

/* Batches in the ring: the reader may be this many ahead.  */
#define NBATCH 4

/* How far ahead of the record finished its memory is asked for
   (fetch).  */
#define FETCH 24

/* A record in a batch, and its slot after it.  Entries lie one after
   the other in the batch's HOT stash, each followed by what the first
   stage kept for it there: all the second stage reads of a record is
   in one stretch of memory, which the processor streams in, a few
   cache lines a record.  (Lines written by one processor and read by
   the other cost each a transfer between their caches, and twice when
   the first writes them again: where the two share no cache, that cost
   more than the second thread saved.)  The record's own copy, which the
   second stage reads only to reject it, is in the COLD stash.  */
struct entry
{
  int r;                            /* what the first stage said */
  struct mn_error *e;               /* with MN_SCAN_REJECT or _STOP; cold */
  unsigned long long bytes;         /* read so far, for progress */
  struct mn_record *rec;            /* the record as read; cold */
  alignas (max_align_t) unsigned char slot[];
};

struct batch
{
  struct entry *ent[BATCH_RECORDS];
  /* The entries' slots and what the first stage said, for scan.h's
     BATCH.  */
  void *slot[BATCH_RECORDS];
  int status[BATCH_RECORDS];
  size_t n;
  struct mn_stash hot, cold;
  bool last;                        /* nothing comes after it */
  bool borrowed;                    /* its last record is the reader's,
                                       not a copy */
  bool dead;                        /* the reader ran out of memory
                                       reading the record after it */
  int rc;                           /* with LAST: mn_input_next's 0 or -1 */
  struct mn_error e;                /* with RC -1: why */
};

struct pipe
{
  struct mn_input *in;
  const struct mn_scan *s;
  struct batch *b;                  /* NBATCH of them */
  pthread_mutex_t mu;
  pthread_cond_t filled, freed;
  size_t nfull;                     /* filled, not yet finished */
  bool stop;                        /* the caller wants no more */
  struct batch *filling;            /* the batch the reader fills */
  bool dead;                        /* it ran out of memory (reader_die) */
};

/* The bytes of REC's fields, each with its NUL.  */
static size_t
field_bytes (const struct mn_record *rec)
{
  size_t bytes = 0;
  for (size_t i = 0; i < rec->n; i++)
    bytes += rec->len[i] + 1;
  return bytes;
}

/* A copy of record SRC, whose fields take BYTES (field_bytes), in ST,
   as DST: its fields in one block, in one copy when they lie end to
   end, each after its NUL, as a reader's do.  */
static void
copy_record (struct mn_stash *st, struct mn_record *dst,
             const struct mn_record *src, size_t bytes)
{
  *dst = *src;
  size_t n = src->n;
  bool contiguous = true;
  for (size_t i = 0; i + 1 < n; i++)
    if (src->f[i + 1] != src->f[i] + src->len[i] + 1)
      contiguous = false;
  dst->f = mn_stash_alloc (st, n * sizeof *dst->f);
  dst->len = mn_stash_alloc (st, n * sizeof *dst->len);
  char *q = mn_stash_alloc (st, bytes);
  memcpy (dst->len, src->len, n * sizeof *dst->len);
  if (contiguous)
    {
      memcpy (q, src->f[0], bytes);
      for (size_t i = 0; i < n; i++)
        dst->f[i] = q + (src->f[i] - src->f[0]);
      return;
    }
  for (size_t i = 0; i < n; i++)
    {
      dst->f[i] = q;
      memcpy (q, src->f[i], src->len[i]);
      q[src->len[i]] = '\0';
      q += src->len[i] + 1;
    }
}

/* Read and prepare the next records into B.  A record too large for a
   batch is borrowed (B->borrowed): it stays where the reader put it,
   valid until the reader reads again.  */
static void
fill (struct pipe *p, struct batch *b)
{
  const struct mn_scan *s = p->s;
  mn_stash_clear (&b->hot);
  mn_stash_clear (&b->cold);
  b->n = 0;
  b->last = false;
  b->borrowed = false;
  b->dead = false;
  while (b->n < BATCH_RECORDS && b->hot.bytes + b->cold.bytes < BATCH_BYTES)
    {
      struct mn_record rec;
      struct mn_error e;
      int rc = mn_input_next (p->in, &rec, &e);
      if (rc <= 0)
        {
          b->last = true;
          b->rc = rc;
          if (rc < 0)
            b->e = e;
          return;
        }
      struct entry *en = mn_stash_alloc (&b->hot,
                                         sizeof *en + s->slot_size);
      int r = mn_scan_first (p->in, s, &rec, rc, en->slot, &b->hot, &e);
      en->r = r;
      en->e = NULL;
      en->rec = mn_stash_alloc (&b->cold, sizeof *en->rec);
      size_t bytes = field_bytes (&rec);
      if (bytes + rec.n * (sizeof *rec.f + sizeof *rec.len) > BATCH_BYTES)
        {
          *en->rec = rec;
          b->borrowed = true;
        }
      else
        copy_record (&b->cold, en->rec, &rec, bytes);
      if (r == MN_SCAN_REJECT || r == MN_SCAN_STOP)
        {
          en->e = mn_stash_alloc (&b->cold, sizeof e);
          *en->e = e;
        }
      en->bytes = s->progress ? mn_reader_bytes (p->in->r) : 0;
      b->slot[b->n] = en->slot;
      b->status[b->n] = r;
      b->ent[b->n++] = en;
      if (r == MN_SCAN_STOP)
        {
          b->last = true;
          b->rc = 0;
          return;
        }
      if (b->borrowed)
        return;
    }
}

/* Have the processor bring in, while others are finished, the memory
   of the I-th entry of B: from it to the next (what the first stage
   kept for it), at most 512 bytes.  It was written on the other
   thread, and may be in the other processor's cache only: each line
   read on demand would wait for it.  */
static void
fetch (const struct batch *b, size_t i)
{
  const char *from = (const char *) b->ent[i];
  const char *to = i + 1 < b->n ? (const char *) b->ent[i + 1] : from + 256;
  if (to < from || to - from > 512)
    to = from + 512;
  for (const char *q = from; q < to; q += 64)
    __builtin_prefetch (q);
}

/* Memory exhausted on the reader thread (base/xalloc.h): hand on the
   records of the batch being filled, the last, and wait for the
   caller's thread to finish them and to end the process as on one
   thread, where the records before the one being read were finished,
   their rows written and their messages said, before it ran out.  */
static void
reader_die (void *arg)
{
  struct pipe *p = arg;
  pthread_mutex_lock (&p->mu);
  if (p->stop)
    {
      /* Nobody takes batches any more: end here.  */
      pthread_mutex_unlock (&p->mu);
      return;
    }
  struct batch *b = p->filling;
  b->last = true;
  b->dead = true;
  b->rc = 0;
  p->dead = true;
  p->nfull++;
  pthread_cond_signal (&p->filled);
  pthread_mutex_unlock (&p->mu);
  for (;;)
    pause ();                   /* until the process ends */
}

/* The reader thread: fill the ring's batches in turn until the input
   ends or the caller wants no more.  */
static void *
reader (void *arg)
{
  struct pipe *p = arg;
  mn_xalloc_set_thread_die (reader_die, p);
  for (size_t k = 0;; k++)
    {
      struct batch *b = &p->b[k % NBATCH];
      pthread_mutex_lock (&p->mu);
      while (p->nfull == NBATCH && !p->stop)
        pthread_cond_wait (&p->freed, &p->mu);
      bool stop = p->stop;
      pthread_mutex_unlock (&p->mu);
      if (stop)
        return NULL;
      p->filling = b;
      fill (p, b);
      pthread_mutex_lock (&p->mu);
      p->nfull++;
      pthread_cond_signal (&p->filled);
      /* A borrowed record must be finished before the next read.  */
      while (b->borrowed && !b->last && p->nfull > 0 && !p->stop)
        pthread_cond_wait (&p->freed, &p->mu);
      pthread_mutex_unlock (&p->mu);
      if (b->last)
        return NULL;
      /* Finished, and what was kept of its long record (its cells may
         be as long) is let go now, not when the batch comes round
         again: a few long records in a row take no more than one.  */
      if (b->borrowed)
        {
          mn_stash_clear (&b->hot);
          mn_stash_clear (&b->cold);
        }
    }
}

/* Finish the records of B: the program's BATCH, then each in order
   (the second stage, the counts into T, the rejects, the messages, the
   progress).  Returns 0, or -1 when the loop stops there (E says why):
   --strict, MN_SCAN_STOP, or the reader's error after B's last
   record.  */
static int
settle (struct pipe *p, struct batch *b, long long size, struct mn_tally *t,
        struct mn_error *e)
{
  const struct mn_scan *s = p->s;
  if (s->batch && b->n)
    s->batch (s->ctx, b->slot, b->status, b->n);
  for (size_t i = 0; i < b->n; i++)
    {
      if (i + FETCH < b->n)
        fetch (b, i + FETCH);
      struct entry *en = b->ent[i];
      struct mn_error mine;
      struct mn_error *ee = en->e ? en->e : &mine;
      t->read++;
      mn_scan_progress (s, p->in, en->bytes, size, t);
      if (mn_scan_settle (s, en->rec, en->r, en->slot, t, ee) <= 0)
        {
          *e = *ee;
          return -1;
        }
    }
  if (b->dead)
    xalloc_die ();              /* where the reader ran out */
  if (b->last && b->rc < 0)
    {
      *e = b->e;
      return -1;
    }
  return 0;
}

static void
pipe_free (struct pipe *p)
{
  for (size_t k = 0; k < NBATCH; k++)
    {
      mn_stash_release (&p->b[k].hot);
      mn_stash_release (&p->b[k].cold);
    }
  free (p->b);
  pthread_mutex_destroy (&p->mu);
  pthread_cond_destroy (&p->filled);
  pthread_cond_destroy (&p->freed);
}

int
mn_pipe_input (struct mn_input *in, const struct mn_scan *s,
               long long size, struct mn_tally *t, struct mn_error *e)
{
  struct pipe p = { .in = in, .s = s };
  p.b = xcalloc (NBATCH, sizeof *p.b);
  for (size_t k = 0; k < NBATCH; k++)
    {
      mn_stash_init (&p.b[k].hot, false);
      mn_stash_init (&p.b[k].cold, false);
    }
  pthread_mutex_init (&p.mu, NULL);
  pthread_cond_init (&p.filled, NULL);
  pthread_cond_init (&p.freed, NULL);
  pthread_t th;
  if (mn_thread_start (&th, MN_THREAD_STACK, reader, &p) != 0)
    {
      pipe_free (&p);
      return 1;
    }

  int rc = 0;
  for (size_t k = 0;; k++)
    {
      struct batch *b = &p.b[k % NBATCH];
      pthread_mutex_lock (&p.mu);
      while (p.nfull == 0)
        pthread_cond_wait (&p.filled, &p.mu);
      pthread_mutex_unlock (&p.mu);
      bool done = b->last;
      if (settle (&p, b, size, t, e) < 0)
        {
          rc = -1;
          done = true;
        }
      pthread_mutex_lock (&p.mu);
      p.nfull--;
      p.stop = done;
      pthread_cond_signal (&p.freed);
      pthread_mutex_unlock (&p.mu);
      if (done)
        break;
    }
  /* Stopped before a batch the reader handed on when it ran out of
     memory: it waits for ever, and the process ends without it (its
     batches left to it).  Stopped first, it ends the process itself.  */
  pthread_mutex_lock (&p.mu);
  bool dead = p.dead;
  pthread_mutex_unlock (&p.mu);
  if (dead)
    {
      pthread_detach (th);
      return rc;
    }
  pthread_join (th, NULL);
  pipe_free (&p);
  return rc;
}

/* The batch being filled on one thread, and what settling it takes.  */
struct local
{
  struct pipe *p;
  struct batch *b;
  long long size;
  struct mn_tally *t;
  struct mn_error *e;
};

/* Memory exhausted while filling a batch on one thread: finish its
   records first, as on two threads (reader_die), then end the process
   (xalloc_die, when this returns).  */
static void
local_die (void *arg)
{
  struct local *l = arg;
  settle (l->p, l->b, l->size, l->t, l->e);
}

int
mn_pipe_local (struct mn_input *in, const struct mn_scan *s,
               long long size, struct mn_tally *t, struct mn_error *e)
{
  struct pipe p = { .in = in, .s = s };
  struct batch *b = xcalloc (1, sizeof *b);
  mn_stash_init (&b->hot, false);
  mn_stash_init (&b->cold, false);
  struct local l = { &p, b, size, t, e };
  int rc = 0;
  do
    {
      mn_xalloc_set_thread_die (local_die, &l);
      fill (&p, b);
      mn_xalloc_set_thread_die (NULL, NULL);
      if (settle (&p, b, size, t, e) < 0)
        rc = -1;
    }
  while (rc == 0 && !b->last);
  mn_stash_release (&b->hot);
  mn_stash_release (&b->cold);
  free (b);
  return rc;
}

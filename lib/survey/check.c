/* check.c - row-by-row validation of survey exports.  */
#include "survey/check.h"

#include <errno.h>
#include <math.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats/alpha.h"
#include "io/csvout.h"
#include "base/groups.h"
#include "stats/moments.h"
#include "base/numparse.h"
#include "io/spool.h"
#include "base/keyset.h"
#include "base/u64map.h"
#include "base/utf8.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "base/i18n.h"
#include "base/stash.h"
#include "io/header.h"
#include "io/normrec.h"

struct tally
{
  unsigned long read, written, rejected, flagged;
  unsigned long reason[MN_R_COUNT];
};

struct township
{
  struct tally t;
  struct mn_moments index;          /* composite index, for collectors */
  struct mn_alpha alpha;
  unsigned long alpha_incomplete;
};

struct file_stats
{
  char *name;
  const char *encoding;
  bool guessed;
  struct tally t;
  /* Where duplicate detection remembers a row of this input: at BASE
     plus its line, BASE being the sum of the LAST lines remembered of
     the inputs before (a position among all the inputs' lines, whatever
     their number and length).  */
  uint64_t base, last;
};

struct interned
{
  uint64_t id;
};

/* The two stages of a row's check may run on two threads
   (prog/pipe.h): the fields each writes a row at a time are kept on
   cache lines of their own, so that neither thread's writes evict what
   the other is using.  */
#define CACHE_LINE XLINE

/* How many rows ahead of the one whose duplicate check is done
   mn_checker_judge asks for the key set's memory.  */
#define JUDGE_AHEAD 16

struct mn_checker
{
  /* Set by mn_checker_new and mn_checker_begin, then only read.  */
  const struct mn_check_spec *spec;
  size_t ni;                        /* codebook items */

  /* Columns of the current input; -1: not there.  */
  long col_wave, col_cadre, col_household;
  long col_township, col_village, col_collector, col_weight;
  long *item_col;

  /* Items in the reliability analysis, and their scale ends.  */
  size_t *aitem;
  size_t nalpha;
  double *amin, *amax;

  struct file_stats *files;
  size_t nfiles, filescap;

  /* The first stage's (mn_checker_prepare).  */
  alignas (CACHE_LINE) struct mn_normrec norm; /* keys and answers in NFKC */
  /* Townships as small integers, from 1, for the second stage.  */
  struct mn_groups *township_ids;
  uint64_t ntownship;
  struct mn_answer *ans;            /* on lines of their own */
  bool *has;
  /* The current input's name, and its encoding as last noted in its
     struct file_stats.  */
  const char *fname, *fencoding;
  bool fguessed;

  /* The second stage's (mn_checker_judge and mn_checker_finish).  */
  /* Waves and cadres of the rows that may be clean, as small integers
     from 1 in the order met.  */
  alignas (CACHE_LINE) struct mn_groups *wave_ids, *cadre_ids;
  uint64_t nwave, ncadre;
  /* The last wave seen (a survey's rows are nearly all of one or two
     waves): its key and id, saving a lookup a row.  */
  char *wkey;
  size_t wlen, wcap;
  bool wvalid;
  uint64_t wid;
  /* (wave id, cadre id, household) -> the row's position (see
     struct file_stats), the key put together in DKEY (put_key).  */
  struct mn_keyset seen;
  char *dkey;
  size_t dkeycap;
  /* What mn_checker_judge found of the rows of its batch that may be
     clean, in order; NEXT is the next one's for mn_checker_finish.  */
  struct verdict *verdict;
  size_t nverdict, verdictcap, next;
  struct mn_u64map coverage;        /* wave id << 32 | cadre id ->
                                       responses */
  struct mn_groups *wave_rows;      /* wave -> clean rows */
  struct mn_groups *townships;      /* name -> struct township */
  struct township **tws;            /* by the first stage's ids */
  size_t twscap;
  struct mn_groups *collectors;     /* "id\0township" -> mn_moments */

  struct mn_alpha alpha_all;
  unsigned long alpha_incomplete;
  FILE *flags;                      /* spooled flag rows */
  unsigned long straight_lined;

  char *key;                        /* reused composite key */
  size_t keycap;

  /* The current row's ids (struct verdict).  */
  uint64_t pair;
  /* The last wave's id and clean-row count (LWID 0: none yet; ids
     start at 1).  */
  uint64_t lwid;
  unsigned long *lwrows;
};

/* The composite key A NUL B in C's reused buffer; returns its length.  */
static size_t
pair_key (struct mn_checker *c, const char *a, size_t al, const char *b,
          size_t bl)
{
  c->key = xline_grow (c->key, &c->keycap, al + 1 + bl, 1);
  memcpy (c->key, a, al);
  c->key[al] = '\0';
  memcpy (c->key + al + 1, b, bl);
  return al + 1 + bl;
}

/* The township cell of REC as the report keys it: trimmed, empty when
   the input has no township column, the record is too short, or the
   name is not valid UTF-8 (a record the reader found NFKC is).  */
static const char *
township_cell (const struct mn_checker *c, const struct mn_record *rec,
               size_t *len)
{
  *len = 0;
  if (c->col_township < 0 || (size_t) c->col_township >= rec->n)
    return "";
  const char *t = mn_trim (rec->f[c->col_township], len);
  if (!rec->nfkc && !mn_utf8_valid (t, *len))
    *len = 0;
  return t;
}

/* The trimmed cell of column COL (empty when COL < 0) of a sound record
   (no NUL byte in a field: its length is the string's).  */
static const char *
cell (const struct mn_record *rec, long col, size_t *len)
{
  if (col < 0)
    {
      *len = 0;
      return "";
    }
  return mn_trim_n (rec->f[col], rec->len[col], len);
}

/* Is item IT numeric (a range, or a list of numbers), and what are its
   smallest and largest answers?  */
static bool
numeric_item (const struct mn_item *it, double *lo, double *hi)
{
  if (it->scale == MN_SCALE_RANGE)
    {
      *lo = it->lo;
      *hi = it->hi;
      return true;
    }
  if (it->scale != MN_SCALE_LIST)
    return false;
  *lo = INFINITY;
  *hi = -INFINITY;
  for (size_t i = 0; i < it->nchoice; i++)
    {
      double v;
      if (mn_parse_double (it->choice[i].text, &v) != 0)
        return false;
      *lo = fmin (*lo, v);
      *hi = fmax (*hi, v);
    }
  return true;
}

struct mn_checker *
mn_checker_new (const struct mn_check_spec *spec, struct mn_error *e)
{
  const struct mn_codebook *cb = spec->cb;
  struct mn_checker *c = xline_alloc (sizeof *c);
  c->spec = spec;
  c->ni = cb->n;
  c->item_col = xline_alloc (cb->n * sizeof *c->item_col);
  c->aitem = xline_alloc (cb->n * sizeof *c->aitem);
  c->amin = xline_alloc (cb->n * sizeof *c->amin);
  c->amax = xline_alloc (cb->n * sizeof *c->amax);
  c->ans = xline_alloc (cb->n * sizeof *c->ans);
  c->has = xline_alloc (cb->n * sizeof *c->has);
  if (spec->alpha_items)
    for (size_t i = 0; i < spec->nalpha; i++)
      {
        long k = mn_codebook_item (cb, spec->alpha_items[i], NULL, e);
        if (k >= 0 && !numeric_item (&cb->item[k], &c->amin[c->nalpha],
                                     &c->amax[c->nalpha]))
          k = mn_error_set (e, NULL, 0, MN_R_USAGE,
                            "item '%s' has no numeric scale",
                            spec->alpha_items[i]);
        if (k < 0)
          {
            mn_checker_free (c);
            return NULL;
          }
        c->aitem[c->nalpha++] = (size_t) k;
      }
  else
    for (size_t i = 0; i < cb->n; i++)
      if (numeric_item (&cb->item[i], &c->amin[c->nalpha],
                        &c->amax[c->nalpha]))
        c->aitem[c->nalpha++] = i;
  c->township_ids = mn_groups_new (sizeof (struct interned));
  c->wave_ids = mn_groups_new (sizeof (struct interned));
  c->cadre_ids = mn_groups_new (sizeof (struct interned));
  mn_keyset_init (&c->seen);
  mn_u64map_init (&c->coverage);
  c->wave_rows = mn_groups_new (sizeof (unsigned long));
  c->townships = mn_groups_new (sizeof (struct township));
  c->collectors = mn_groups_new (sizeof (struct mn_moments));
  mn_alpha_init (&c->alpha_all, c->nalpha);
  c->flags = mn_tmpfile ();
  if (!c->flags)
    {
      mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                    "cannot make a temporary file in %s: %s",
                    getenv ("TMPDIR") && *getenv ("TMPDIR")
                      ? getenv ("TMPDIR") : "/tmp", strerror (errno));
      mn_checker_free (c);
      return NULL;
    }
  return c;
}

void
mn_checker_free (struct mn_checker *c)
{
  if (!c)
    return;
  if (c->townships)
    {
      struct mn_group_entry *v = mn_groups_sorted (c->townships);
      for (size_t i = 0; i < mn_groups_count (c->townships); i++)
        mn_alpha_release (&((struct township *) v[i].value)->alpha);
      free (v);
    }
  mn_groups_free (c->townships);
  mn_groups_free (c->township_ids);
  free (c->tws);
  mn_groups_free (c->wave_ids);
  mn_groups_free (c->cadre_ids);
  if (c->coverage.key)
    mn_u64map_release (&c->coverage);
  mn_groups_free (c->wave_rows);
  mn_groups_free (c->collectors);
  if (c->seen.slot)
    mn_keyset_release (&c->seen);
  if (c->wave_ids)
    mn_alpha_release (&c->alpha_all);
  for (size_t i = 0; i < c->nfiles; i++)
    free (c->files[i].name);
  free (c->files);
  if (c->flags)
    fclose (c->flags);
  free (c->item_col);
  free (c->aitem);
  free (c->amin);
  free (c->amax);
  free (c->ans);
  free (c->has);
  free (c->key);
  free (c->dkey);
  free (c->verdict);
  free (c->wkey);
  mn_normrec_release (&c->norm);
  free (c);
}

/* Column SPEC of IN, or -1 when it is not there (E filled).  */
static long
find_col (const struct mn_input *in, const char *spec, struct mn_error *e)
{
  return spec ? mn_header_find (&in->h, spec, in->name, e) : -1;
}

int
mn_checker_begin (struct mn_checker *c, const struct mn_input *in,
                  struct mn_error *e)
{
  const struct mn_check_spec *sp = c->spec;
  c->files = xline_grow (c->files, &c->filescap, c->nfiles + 1,
                         sizeof *c->files);
  struct file_stats *f = &c->files[c->nfiles++];
  memset (f, 0, sizeof *f);
  if (c->nfiles > 1)
    f->base = f[-1].base + f[-1].last;
  c->fname = f->name = xstrdup (in->name);
  c->fencoding = f->encoding = in->encoding;
  c->fguessed = f->guessed = in->guessed;
  c->col_wave = c->col_cadre = c->col_household = -1;
  c->col_township = c->col_village = c->col_collector = c->col_weight = -1;
  mn_normrec_clear (&c->norm);
  if (in->dup_column >= 0)
    return mn_header_dup_error (e, in->name, &in->h, in->dup_column);
  struct mn_error ignore;
  if ((c->col_wave = find_col (in, sp->wave, e)) < 0
      || (c->col_cadre = find_col (in, sp->cadre, e)) < 0
      || (c->col_household = find_col (in, sp->household, e)) < 0)
    return -1;
  for (size_t i = 0; i < c->ni; i++)
    if ((c->item_col[i] = find_col (in, sp->cb->item[i].column, e)) < 0)
      return -1;
  c->col_township = find_col (in, sp->township, &ignore);
  c->col_village = find_col (in, sp->village, &ignore);
  c->col_collector = find_col (in, sp->collector, &ignore);
  c->col_weight = find_col (in, sp->weight, &ignore);
  if (sp->require_weight && c->col_weight < 0)
    return find_col (in, sp->weight, e);
  if (sp->require_collector && c->col_collector < 0)
    return find_col (in, sp->collector, e);
  if (sp->require_township && c->col_township < 0)
    return find_col (in, sp->township, e);
  if (sp->require_village && c->col_village < 0)
    return find_col (in, sp->village, e);
  /* The cells compared: keys, answers, the weight.  */
  const long keys[] = { c->col_wave, c->col_cadre, c->col_household,
                        c->col_township, c->col_village, c->col_collector,
                        c->col_weight };
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
    mn_normrec_select (&c->norm, keys[i]);
  for (size_t i = 0; i < c->ni; i++)
    mn_normrec_select (&c->norm, c->item_col[i]);
  return 0;
}

static struct tally *
file_tally (struct mn_checker *c)
{
  return &c->files[c->nfiles - 1].t;
}

/* The township of REC (empty when there is no such column or the record
   is too short to have it).  */
static struct township *
township_at (struct mn_checker *c, const char *t, size_t len)
{
  struct township *tw = mn_groups_get (c->townships, t, len);
  if (!tw->alpha.k && c->nalpha)
    mn_alpha_init (&tw->alpha, c->nalpha);
  return tw;
}

/* Count a rejected record of township TW.  */
static void
count_rejected_in (struct mn_checker *c, struct township *tw,
                   const struct mn_error *e)
{
  struct tally *ft = file_tally (c);
  struct tally *tt = &tw->t;
  ft->read++, tt->read++;
  ft->rejected++, tt->rejected++;
  ft->reason[e->reason]++, tt->reason[e->reason]++;
}

/* The encoding the current input is read as, IN's: the guess may be
   put off to its first line that is not ASCII, after the input was
   begun.  */
static void
checker_encoding (struct mn_checker *c, const struct mn_input *in)
{
  if (c->nfiles == 0)
    return;
  if (in->encoding == c->fencoding && in->guessed == c->fguessed)
    return;
  c->fencoding = c->files[c->nfiles - 1].encoding = in->encoding;
  c->fguessed = c->files[c->nfiles - 1].guessed = in->guessed;
}

void
mn_checker_flagged (struct mn_checker *c, unsigned long line, unsigned flags)
{
  if (!(flags & MN_FLAG_STRAIGHT))
    return;
  c->straight_lined++;
  mn_csv_str (c->flags, c->files[c->nfiles - 1].name, ',');
  fprintf (c->flags, ",%lu,straight-line,1\n", line);
}

/* The small integer standing for KEY in table G (new ids from *NEXT).  */
static uint64_t
intern (struct mn_groups *g, uint64_t *next, const char *key, size_t len)
{
  struct interned *v = mn_groups_get (g, key, len);
  if (!v->id)
    v->id = ++*next;
  return v->id;
}

static int
check_weight (const struct mn_checker *c, const struct mn_record *rec,
              const char *file, struct mn_error *e)
{
  double w;
  int reason;
  char msg[sizeof e->msg];
  if (c->col_weight < 0
      || mn_parse_weight (rec->f[c->col_weight], &w, &reason, msg,
                          sizeof msg) == 0)
    return 0;
  return mn_error_set (e, file, rec->line, reason, "%s", msg);
}

/* The roster checks: the cadre is listed, and serves the household's
   township and village when the roster says where it serves.  */
static int
check_identity (const struct mn_checker *c, const struct mn_record *rec,
                const char *file, struct mn_error *e)
{
  if (!c->spec->roster)
    return 0;
  size_t len, tl, vl;
  const char *id = cell (rec, c->col_cadre, &len);
  const struct mn_cadre *cd = mn_roster_find (c->spec->roster, id, len);
  char shown[256];
  if (!cd)
    return mn_error_set (e, file, rec->line, MN_R_UNKNOWN_CADRE,
                         "cadre '%s' is not in the roster",
                         mn_visible (shown, sizeof shown, id, len));
  const char *t = cell (rec, c->col_township, &tl);
  if (c->col_township >= 0 && *cd->township
      && (strlen (cd->township) != tl || memcmp (cd->township, t, tl) != 0))
    {
      if (tl == 0)
        return mn_error_set (e, file, rec->line, MN_R_OUTSIDE_AREA,
                             "cadre '%s' serves %s, and the township cell "
                             "is empty (merged cells in Excel? fill them "
                             "down)", cd->id, cd->township);
      return mn_error_set (e, file, rec->line, MN_R_OUTSIDE_AREA,
                           "cadre '%s' serves %s, not %s", cd->id,
                           cd->township,
                           mn_visible (shown, sizeof shown, t, tl));
    }
  const char *v = cell (rec, c->col_village, &vl);
  if (c->col_village >= 0 && !mn_cadre_serves (cd, v, vl))
    {
      if (vl == 0)
        return mn_error_set (e, file, rec->line, MN_R_OUTSIDE_AREA,
                             "cadre '%s' is assigned villages, and the "
                             "village cell is empty (merged cells in "
                             "Excel? fill them down)", cd->id);
      return mn_error_set (e, file, rec->line, MN_R_OUTSIDE_AREA,
                           "cadre '%s' is not assigned village %s",
                           cd->id, mn_visible (shown, sizeof shown, v, vl));
    }
  return 0;
}

/* The cells of a row the second stage needs, in this order.  */
enum
{
  CELL_TOWNSHIP, CELL_WAVE, CELL_CADRE, CELL_HOUSEHOLD, CELL_COLLECTOR,
  NCELLS
};

/* What the first stage (mn_checker_prepare) hands on to the second
   (mn_checker_finish) about a row: the slot of prog/scan.h.  The cells
   are normalised and trimmed, kept in the stash.  */
struct prep
{
  bool sound;                       /* passed the first stage's checks */
  bool complete;                    /* every reliability item answered */
  unsigned flags;                   /* MN_FLAG_... */
  uint32_t len[NCELLS];             /* the cells' lengths (0 for those
                                       of a record not SOUND but the
                                       township) */
  const char *cells;                /* the cells, normalised and trimmed,
                                       one after the other, each ended
                                       by a NUL (in the stash) */
  size_t tid;                       /* the township's id (from 0) */
  double index;                     /* the composite index, or NaN */
  uint64_t where;                   /* the row's position (struct
                                       file_stats) */
  double x[];                       /* with COMPLETE: the items' answers */
};

/* Cell I of row P, and its length in *LEN.  */
static const char *
cell_of (const struct prep *p, int i, size_t *len)
{
  const char *s = p->cells;
  for (int j = 0; j < i; j++)
    s += p->len[j] + 1;
  *len = p->len[i];
  return s;
}

/* Keep the cells CELL[i] of LEN[i] bytes for P in ST, one after the
   other (a few cache lines that the second stage reads a row: see
   prog/pipe.c).  */
static void
keep_cells (struct prep *p, struct mn_stash *st, const char *const *cell,
            const size_t *len)
{
  size_t total = 0;
  for (int i = 0; i < NCELLS; i++)
    {
      if (len[i] > UINT32_MAX)
        xalloc_die ();            /* a reader's record is at most 64 MiB */
      p->len[i] = (uint32_t) len[i];
      total += len[i] + 1;
    }
  char *q = mn_stash_bytes (st, total);
  p->cells = q;
  for (int i = 0; i < NCELLS; i++)
    {
      memcpy (q, cell[i], len[i]);
      q[len[i]] = '\0';
      q += len[i] + 1;
    }
}

size_t
mn_checker_slot_size (const struct mn_checker *c)
{
  return sizeof (struct prep) + c->nalpha * sizeof (double);
}

/* What mn_checker_judge made of a row that may be clean, for its
   mn_checker_finish, when MADE (else the finish makes it): its wave's
   id << 32 | its cadre's (the coverage counts' key) and its key's
   HASH; or TOO_MANY when an id would not fit in four bytes, less one
   (the coverage counts' keys must not be all ones).  */
struct verdict
{
  uint64_t pair, hash;
  bool made, too_many;
};

/* Put the number V into P, seven bits a byte from the lowest, the top
   bit set in all but the last (so that a number's bytes say where it
   ends); returns the bytes after it.  */
static char *
put_varint (char *p, uint32_t v)
{
  for (; v >= 0x80; v >>= 7)
    *p++ = (char) ((v & 0x7f) | 0x80);
  *p++ = (char) v;
  return p;
}

/* The duplicate check's key of the ids PAIR and household H (HL bytes)
   in C->dkey: the wave's id, the cadre's, each in as few bytes as it
   takes (two or three for most; the key set keeps millions of keys),
   then the household; returns its length.  */
static size_t
put_key (struct mn_checker *c, uint64_t pair, const char *h, size_t hl)
{
  c->dkey = xline_grow (c->dkey, &c->dkeycap, 10 + hl, 1);
  char *p = put_varint (c->dkey, (uint32_t) (pair >> 32));
  p = put_varint (p, (uint32_t) pair);
  memcpy (p, h, hl);
  return (size_t) (p - c->dkey) + hl;
}

/* The ids of the wave and the cadre of row P in V->pair (a new wave or
   cadre is given the next: only rows that may be clean are numbered),
   and its key's hash in V->hash; or V->too_many.  EARLY
   (mn_checker_judge) takes no memory, so that memory exhausted leaves
   the rows before the row finished: it makes V only when the wave and
   the cadre have their ids already and the key fits in C->dkey, and
   says whether it did.  */
static bool
dup_ids (struct mn_checker *c, const struct prep *p, struct verdict *v,
         bool early)
{
  size_t wl, kl, hl;
  const char *w = cell_of (p, CELL_WAVE, &wl);
  const char *k = cell_of (p, CELL_CADRE, &kl);
  const char *h = cell_of (p, CELL_HOUSEHOLD, &hl);
  uint64_t wi, ci;
  if (c->wvalid && wl == c->wlen && memcmp (w, c->wkey, wl) == 0)
    wi = c->wid;
  else if (early)
    {
      const struct interned *wv = mn_groups_find (c->wave_ids, w, wl);
      if (!wv || !wv->id)
        return false;
      wi = wv->id;
    }
  else
    {
      wi = intern (c->wave_ids, &c->nwave, w, wl);
      c->wkey = xline_grow (c->wkey, &c->wcap, wl + 1, 1);
      memcpy (c->wkey, w, wl);
      c->wlen = wl;
      c->wid = wi;
      c->wvalid = true;
    }
  if (early)
    {
      const struct interned *cv = mn_groups_find (c->cadre_ids, k, kl);
      if (!cv || !cv->id || 10 + hl > c->dkeycap)
        return false;
      ci = cv->id;
    }
  else
    ci = intern (c->cadre_ids, &c->ncadre, k, kl);
  v->too_many = wi >= UINT32_MAX || ci >= UINT32_MAX;
  if (v->too_many)
    return !early;
  v->pair = wi << 32 | ci;
  v->hash = mn_keyset_hash (&c->seen, c->dkey, put_key (c, v->pair, h, hl));
  return true;
}

void
mn_checker_judge (struct mn_checker *c, void *const *slot,
                  const int *status, size_t n)
{
  /* The rows' ids and hashes, and the key set's memory of the first
     JUDGE_AHEAD asked for; each row is looked up (and remembered) by
     its mn_checker_finish, in order, which asks for the memory of the
     row JUDGE_AHEAD on.  Nothing here takes memory (but the verdicts,
     once): where memory runs out (a new cadre, the key set growing),
     the rows before that row have been finished, as a row at a time.  */
  c->verdict = xgrow (c->verdict, &c->verdictcap, n, sizeof *c->verdict);
  c->nverdict = c->next = 0;
  for (size_t i = 0; i < n; i++)
    {
      const struct prep *p = slot[i];
      if (status[i] == 0 && p->sound)
        {
          struct verdict *v = &c->verdict[c->nverdict++];
          v->made = dup_ids (c, p, v, true);
        }
    }
  for (size_t j = 0; j < c->nverdict && j < JUDGE_AHEAD; j++)
    if (c->verdict[j].made)
      mn_keyset_prefetch (&c->seen, c->verdict[j].hash);
}

/* The input holding the row remembered at position WHERE: the last
   whose base is below it (an input that remembered no row has the base
   of the next, and the inputs after the row's have bases at or above
   WHERE).  */
static size_t
first_seen (const struct mn_checker *c, uint64_t where)
{
  size_t lo = 0, hi = c->nfiles;       /* files[lo].base < WHERE */
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (c->files[mid].base < where)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The second stage's part of the duplicate check of row P, on LINE,
   with what mn_checker_judge made of it: its key looked up in the set
   and remembered there when new (0), else -1 with E saying where it
   was first seen.  */
static int
check_duplicate (struct mn_checker *c, const struct prep *p,
                 unsigned long line, struct mn_error *e)
{
  struct file_stats *f = &c->files[c->nfiles - 1];
  /* mn_checker_judge saw this row, in the batch before it (a row
     without its verdict would be a caller's error).  */
  if (c->next == c->nverdict)
    abort ();
  struct verdict *v = &c->verdict[c->next++];
  if (c->next - 1 + JUDGE_AHEAD < c->nverdict && v[JUDGE_AHEAD].made)
    mn_keyset_prefetch (&c->seen, v[JUDGE_AHEAD].hash);
  if (!v->made)
    dup_ids (c, p, v, false);
  if (v->too_many)
    return mn_error_set (e, f->name, line, MN_R_TOO_BIG,
                         "more waves or cadres than duplicate detection "
                         "can number (%lu each)",
                         (unsigned long) UINT32_MAX - 1);
  size_t wl, kl, hl;
  const char *h = cell_of (p, CELL_HOUSEHOLD, &hl);
  const uint64_t *seen = mn_keyset_put_hashed (&c->seen, c->dkey,
                                               put_key (c, v->pair, h, hl),
                                               v->hash, p->where);
  uint64_t first = seen ? *seen : 0;
  c->pair = v->pair;
  if (!first)
    {
      if (line > f->last)
        f->last = line;
      return 0;
    }
  size_t fi = first_seen (c, first);
  unsigned long was = (unsigned long) (first - c->files[fi].base);
  const char *w = cell_of (p, CELL_WAVE, &wl);
  const char *k = cell_of (p, CELL_CADRE, &kl);
  if (fi == c->nfiles - 1)
    return mn_error_set (e, f->name, line, MN_R_DUPLICATE,
                         "household '%.*s' already rated cadre '%.*s' in "
                         "wave '%.*s' on line %lu", (int) hl, h, (int) kl, k,
                         (int) wl, w, was);
  return mn_error_set (e, f->name, line, MN_R_DUPLICATE,
                       "household '%.*s' already rated cadre '%.*s' in wave "
                       "'%.*s' on line %lu of %s", (int) hl, h, (int) kl, k,
                       (int) wl, w, was, c->files[fi].name);
}

/* The first stage's part of the statistics of a row that may be clean:
   its answers to the reliability items, whether it is straight-lined,
   its composite index (nothing is counted yet).  */
static void
prepare_learn (struct mn_checker *c, struct prep *p)
{
  /* Reliability: complete cases only (listwise deletion).  */
  bool complete = c->nalpha > 0;
  for (size_t j = 0; j < c->nalpha && complete; j++)
    {
      size_t i = c->aitem[j];
      /* (The answer's number, parsed when it was classified.)  */
      complete = c->has[i] && c->ans[i].kind == MN_ANS_VALID
                 && !isnan (p->x[j] = c->ans[i].x);
    }
  p->complete = complete;
  p->flags = 0;
  if (complete)
    {
      /* Straight-lining: every item at the same end of its scale.  */
      bool lo = true, hi = true;
      for (size_t j = 0; j < c->nalpha; j++)
        {
          lo &= p->x[j] == c->amin[j];
          hi &= p->x[j] == c->amax[j];
        }
      if (c->nalpha >= 3 && (lo || hi))
        p->flags |= MN_FLAG_STRAIGHT;
    }
  p->index = mn_codebook_composite (c->spec->cb, c->ans, c->has);
}

/* The township of row P, by the first stage's id for it (a new one
   looked up by name, and kept).  */
static struct township *
township_by_id (struct mn_checker *c, const struct prep *p)
{
  if (p->tid >= c->twscap)
    {
      size_t old = c->twscap;
      c->tws = xgrow (c->tws, &c->twscap, p->tid + 1, sizeof *c->tws);
      memset (c->tws + old, 0, (c->twscap - old) * sizeof *c->tws);
    }
  if (!c->tws[p->tid])
    {
      size_t tl;
      const char *t = cell_of (p, CELL_TOWNSHIP, &tl);
      c->tws[p->tid] = township_at (c, t, tl);
    }
  return c->tws[p->tid];
}

/* Fold a clean row P of township TW into the reliability, coverage and
   collector statistics.  */
static void
learn (struct mn_checker *c, const struct prep *p, struct township *tw)
{
  /* Rows per wave: a mistyped wave ("2026q1") shows up as a wave of its
     own with a handful of rows.  The last wave's count is kept at hand
     (a survey's rows are nearly all of one or two waves).  */
  uint64_t wid = c->pair >> 32;
  if (wid != c->lwid)
    {
      size_t wl;
      const char *w = cell_of (p, CELL_WAVE, &wl);
      c->lwrows = mn_groups_get (c->wave_rows, w, wl);
      c->lwid = wid;
    }
  ++*c->lwrows;
  /* One more household of this cadre responded in this wave.  */
  uint64_t *households = mn_u64map_put (&c->coverage, c->pair, 1);
  if (households)
    ++*households;

  if (p->complete)
    {
      mn_alpha_add (&c->alpha_all, p->x);
      mn_alpha_add (&tw->alpha, p->x);
    }
  else if (c->nalpha > 0)
    {
      c->alpha_incomplete++;
      tw->alpha_incomplete++;
    }

  /* Collectors: the composite index by collector within township.  */
  size_t ol, tl;
  const char *o = cell_of (p, CELL_COLLECTOR, &ol);
  const char *t = cell_of (p, CELL_TOWNSHIP, &tl);
  if (ol && !isnan (p->index))
    {
      size_t n = pair_key (c, o, ol, t, tl);
      mn_moments_add (mn_groups_get (c->collectors, c->key, n), p->index);
      mn_moments_add (&tw->index, p->index);
    }
}

int
mn_checker_prepare (struct mn_checker *c, const struct mn_input *in,
                    const struct mn_record *rec, bool sound, void *slot,
                    struct mn_stash *st, struct mn_error *e)
{
  const struct mn_check_spec *sp = c->spec;
  const char *file = c->fname;
  struct prep *p = slot;
  const char *cells[NCELLS] = { "", "", "", "", "" };
  size_t len[NCELLS] = { 0 };
  p->sound = false;
  if (sound)
    checker_encoding (c, in);
  rec = mn_normrec_apply (&c->norm, rec);
  cells[CELL_TOWNSHIP] = township_cell (c, rec, &len[CELL_TOWNSHIP]);
  p->tid = intern (c->township_ids, &c->ntownship, cells[CELL_TOWNSHIP],
                   len[CELL_TOWNSHIP]) - 1;
  if (!sound)
    goto reject;

  static const char *const what[] = { N_("wave"), N_("cadre"), N_("household") };
  const long cols[] = { c->col_wave, c->col_cadre, c->col_household };
  const int at[] = { CELL_WAVE, CELL_CADRE, CELL_HOUSEHOLD };
  for (int i = 0; i < 3; i++)
    {
      int j = at[i];
      cells[j] = cell (rec, cols[i], &len[j]);
      if (mn_na_match (sp->na, cells[j], len[j]))
        {
          mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY,
                        "empty %s (column '%s')", _(what[i]),
                        i == 0 ? sp->wave : i == 1 ? sp->cadre
                                                   : sp->household);
          goto reject;
        }
    }
  for (size_t i = 0; i < c->ni; i++)
    {
      long col = c->item_col[i];
      c->has[i] = !mn_na_match (sp->na, rec->f[col], rec->len[col]);
      if (c->has[i]
          && mn_item_classify (&sp->cb->item[i], rec->f[col], &c->ans[i], e)
               == MN_ANS_INVALID)
        {
          e->file = file;
          e->line = rec->line;
          mn_na_hint (sp->na, rec->f[col], rec->len[col], e->msg,
                      sizeof e->msg);
          goto reject;
        }
    }
  if (check_weight (c, rec, file, e) < 0
      || check_identity (c, rec, file, e) < 0)
    goto reject;
  p->where = c->files[c->nfiles - 1].base + rec->line;
  cells[CELL_COLLECTOR] = cell (rec, c->col_collector, &len[CELL_COLLECTOR]);
  prepare_learn (c, p);
  keep_cells (p, st, cells, len);
  p->sound = true;
  return 0;

reject:
  for (int i = CELL_WAVE; i < NCELLS; i++)
    len[i] = 0;
  keep_cells (p, st, cells, len);
  return -1;
}

int
mn_checker_finish (struct mn_checker *c, unsigned long line, void *slot,
                   bool rejected, unsigned *flags, struct mn_error *e)
{
  const struct prep *p = slot;
  struct tally *ft = file_tally (c);
  struct township *tw = township_by_id (c, p);
  *flags = 0;
  if (rejected || check_duplicate (c, p, line, e) < 0)
    {
      count_rejected_in (c, tw, e);
      return -1;
    }
  learn (c, p, tw);
  *flags = p->flags;
  ft->read++, tw->t.read++;
  ft->written++, tw->t.written++;
  if (*flags)
    ft->flagged++, tw->t.flagged++;
  return 0;
}

/* Report rows: section,key,subkey,measure,value.  */
static void
row_start (FILE *out, const char *section, const char *key, size_t keylen,
           const char *sub, size_t sublen)
{
  fprintf (out, "%s,", section);
  mn_csv_field (out, key, keylen, ',');
  putc (',', out);
  mn_csv_field (out, sub, sublen, ',');
}

static void
put_count (FILE *out, const char *section, const char *key, size_t kl,
           const char *sub, size_t sl, const char *measure, unsigned long v)
{
  row_start (out, section, key, kl, sub, sl);
  fprintf (out, ",%s,%lu\n", measure, v);
}

static void
put_real (FILE *out, const char *section, const char *key, size_t kl,
          const char *sub, size_t sl, const char *measure, double v,
          int digits)
{
  row_start (out, section, key, kl, sub, sl);
  fprintf (out, ",%s,", measure);
  if (isfinite (v))
    fprintf (out, "%.*f", digits, v);
  putc ('\n', out);
}

static void
put_text (FILE *out, const char *section, const char *key, size_t kl,
          const char *sub, size_t sl, const char *measure, const char *v)
{
  row_start (out, section, key, kl, sub, sl);
  fprintf (out, ",%s,", measure);
  mn_csv_str (out, v, ',');
  putc ('\n', out);
}

static void
put_tally (FILE *out, const char *section, const char *key, size_t kl,
           const struct tally *t)
{
  put_count (out, section, key, kl, "", 0, "read", t->read);
  put_count (out, section, key, kl, "", 0, "written", t->written);
  put_count (out, section, key, kl, "", 0, "rejected", t->rejected);
  put_count (out, section, key, kl, "", 0, "flagged", t->flagged);
  for (int r = 0; r < MN_R_COUNT; r++)
    if (t->reason[r])
      put_count (out, section, key, kl, mn_reason_name (r),
                 strlen (mn_reason_name (r)), "rejected", t->reason[r]);
}

static void
put_alpha (FILE *out, const struct mn_checker *c, const char *key, size_t kl,
           const struct mn_alpha *a, unsigned long incomplete)
{
  double al, lo, hi;
  mn_alpha_value (a, c->spec->level, &al, &lo, &hi);
  put_count (out, "alpha", key, kl, "", 0, "items", c->nalpha);
  put_count (out, "alpha", key, kl, "", 0, "cases", (unsigned long) a->n);
  put_count (out, "alpha", key, kl, "", 0, "incomplete", incomplete);
  put_real (out, "alpha", key, kl, "", 0, "alpha", al, 4);
  put_real (out, "alpha", key, kl, "", 0, "lo", al == al ? lo : NAN, 4);
  put_real (out, "alpha", key, kl, "", 0, "hi", al == al ? hi : NAN, 4);
}

/* Waves seen, in byte order.  */
static struct mn_group_entry *
waves (const struct mn_checker *c, size_t *n)
{
  *n = mn_groups_count (c->wave_ids);
  return mn_groups_sorted (c->wave_ids);
}

/* Coverage of one cadre in one wave: responses against households.  */
static const char *
coverage_status (const struct mn_checker *c, unsigned long responses,
                 long households, double *rate)
{
  *rate = households > 0 ? (double) responses / households : NAN;
  if (responses == 0)
    return "none";
  if (households > 0 && *rate < c->spec->min_coverage)
    return "low";
  return households > 0 ? "ok" : "unknown";
}

static void
put_coverage (FILE *out, const struct mn_checker *c, const char *id,
              const char *wave, size_t wl, long households,
              struct mn_check_summary *s)
{
  size_t il = strlen (id);
  const struct interned *wi = mn_groups_find (c->wave_ids, wave, wl);
  const struct interned *ci = mn_groups_find (c->cadre_ids, id, il);
  const uint64_t *n = wi && ci ? mn_u64map_find (&c->coverage,
                                                 wi->id << 32 | ci->id)
                               : NULL;
  unsigned long responses = n ? *n : 0;
  double rate;
  const char *status = coverage_status (c, responses, households, &rate);
  if (s)
    {
      s->no_response += responses == 0;
      s->low_coverage += strcmp (status, "low") == 0;
    }
  if (!out)
    return;
  put_count (out, "coverage", id, il, wave, wl, "responses", responses);
  if (households >= 0)
    put_count (out, "coverage", id, il, wave, wl, "households",
               (unsigned long) households);
  put_real (out, "coverage", id, il, wave, wl, "rate", rate, 4);
  put_text (out, "coverage", id, il, wave, wl, "status", status);
}

/* Coverage rows for every roster cadre (or every cadre seen, without a
   roster) in every wave seen.  */
static void
coverage_all (const struct mn_checker *c, FILE *out,
              struct mn_check_summary *s)
{
  size_t nw;
  struct mn_group_entry *w = waves (c, &nw);
  const struct mn_roster *r = c->spec->roster;
  if (r)
    {
      /* Roster cadres in byte order of their ids.  */
      struct mn_group_entry *ids = mn_groups_sorted (r->index);
      for (size_t i = 0; i < r->n; i++)
        {
          const struct mn_cadre *cd = &r->cadre[*(size_t *) ids[i].value - 1];
          for (size_t k = 0; k < nw; k++)
            put_coverage (out, c, cd->id, w[k].key, w[k].keylen,
                          cd->households, s);
        }
      free (ids);
    }
  else
    {
      struct mn_group_entry *ids = mn_groups_sorted (c->cadre_ids);
      for (size_t i = 0; i < mn_groups_count (c->cadre_ids); i++)
        {
          char *id = xmemdup0 (ids[i].key, ids[i].keylen);
          for (size_t k = 0; k < nw; k++)
            put_coverage (out, c, id, w[k].key, w[k].keylen, -1, s);
          free (id);
        }
      free (ids);
    }
  free (w);
}

/* The variance test of each collector.  Townships differ in how
   satisfied they are, so a collector is compared within the townships
   it worked in: its pooled within-township variance against that of the
   other collectors' answers in the same townships, by the lower-tail
   F test of mn_var_ratio_test_lower (both variances are estimates).
   Entries are sorted, so one
   collector's townships are consecutive.  */
struct collector_test
{
  const char *id;
  size_t idlen;
  double n, df, df_rest, s2, r2, p;
};

static void
collectors_all (const struct mn_checker *c, FILE *out,
                struct mn_check_summary *s)
{
  size_t n = mn_groups_count (c->collectors), nt = 0, tested = 0;
  struct mn_group_entry *v = mn_groups_sorted (c->collectors);
  struct collector_test *ct = xcalloc (n + 1, sizeof *ct);
  for (size_t i = 0; i < n;)
    {
      struct collector_test *t = &ct[nt++];
      t->id = v[i].key;
      t->idlen = strnlen (t->id, v[i].keylen);
      double own_m2 = 0, rest_m2 = 0;
      size_t kl = t->idlen, j = i;
      for (; j < n && v[j].keylen > kl && memcmp (v[j].key, t->id, kl + 1) == 0;
           j++)
        {
          const struct mn_moments *m = v[j].value;
          const struct township *tw
            = mn_groups_find (c->townships, v[j].key + kl + 1,
                              v[j].keylen - kl - 1);
          t->n += m->n;
          own_m2 += m->m2;
          t->df += m->n > 0 ? m->n - 1 : 0;
          /* The others in this township: the township less this
             collector, by reversing the Chan et al. merge.  */
          double rn = tw->index.n - m->n;
          if (rn >= 2)
            {
              double rmean = (tw->index.n * tw->index.mean - m->n * m->mean)
                             / rn;
              double d = m->mean - rmean;
              rest_m2 += tw->index.m2 - m->m2 - d * d * m->n * rn
                                                  / tw->index.n;
              t->df_rest += rn - 1;
            }
        }
      t->s2 = t->df > 0 ? own_m2 / t->df : NAN;
      t->r2 = t->df_rest > 0 ? rest_m2 / t->df_rest : NAN;
      t->p = t->df >= 1 && t->df_rest >= 1
               ? mn_var_ratio_test_lower (t->df, t->s2, t->df_rest, t->r2)
               : NAN;
      tested += !isnan (t->p);
      i = j;
    }
  /* Many collectors are tested at once: flag on the Bonferroni-adjusted
     p-value.  */
  for (size_t i = 0; i < nt; i++)
    {
      const struct collector_test *t = &ct[i];
      double padj = fmin (1, t->p * tested);
      bool uniform = padj < c->spec->collector_p;
      if (s)
        s->uniform_collectors += uniform;
      if (!out)
        continue;
      const char *k = t->id;
      size_t kl = t->idlen;
      put_count (out, "collector", k, kl, "", 0, "n", (unsigned long) t->n);
      put_real (out, "collector", k, kl, "", 0, "sd", sqrt (t->s2), 4);
      put_real (out, "collector", k, kl, "", 0, "sd_rest", sqrt (t->r2), 4);
      put_count (out, "collector", k, kl, "", 0, "df", (unsigned long) t->df);
      put_count (out, "collector", k, kl, "", 0, "df_rest",
                 (unsigned long) t->df_rest);
      put_real (out, "collector", k, kl, "", 0, "f",
                t->r2 > 0 ? t->s2 / t->r2 : NAN, 4);
      row_start (out, "collector", k, kl, "", 0);
      if (isnan (t->p))
        fputs (",p,\n", out);
      else
        fprintf (out, ",p,%.3g\n", t->p);
      row_start (out, "collector", k, kl, "", 0);
      if (isnan (t->p))
        fputs (",p_adj,\n", out);
      else
        fprintf (out, ",p_adj,%.3g\n", padj);
      put_text (out, "collector", k, kl, "", 0, "status",
                isnan (t->p) ? "n/a" : uniform ? "uniform" : "ok");
    }
  free (ct);
  free (v);
}

int
mn_checker_report (struct mn_checker *c, FILE *out, struct mn_error *e)
{
  /* The spool of flagged rows must be whole before anything is written:
     a full disk must not lose flags without a word.  */
  if (fflush (c->flags) != 0 || ferror (c->flags))
    return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                         "cannot write the spool of flagged rows: %s",
                         strerror (errno ? errno : EIO));
  fputs ("section,key,subkey,measure,value\n", out);
  for (size_t i = 0; i < c->nfiles; i++)
    {
      const struct file_stats *f = &c->files[i];
      size_t kl = strlen (f->name);
      put_text (out, "file", f->name, kl, "", 0, "encoding",
                f->encoding ? f->encoding : "UTF-8");
      put_tally (out, "file", f->name, kl, &f->t);
    }
  struct mn_group_entry *t = mn_groups_sorted (c->townships);
  size_t nt = mn_groups_count (c->townships);
  for (size_t i = 0; i < nt; i++)
    put_tally (out, "township", t[i].key, t[i].keylen,
               &((struct township *) t[i].value)->t);
  struct mn_group_entry *wv = mn_groups_sorted (c->wave_rows);
  for (size_t i = 0; i < mn_groups_count (c->wave_rows); i++)
    put_count (out, "wave", wv[i].key, wv[i].keylen, "", 0, "written",
               *(unsigned long *) wv[i].value);
  free (wv);
  coverage_all (c, out, NULL);
  if (c->nalpha)
    {
      put_alpha (out, c, "(all)", 5, &c->alpha_all, c->alpha_incomplete);
      for (size_t i = 0; i < nt; i++)
        {
          const struct township *tw = t[i].value;
          put_alpha (out, c, t[i].key, t[i].keylen, &tw->alpha,
                     tw->alpha_incomplete);
        }
    }
  free (t);
  collectors_all (c, out, NULL);
  /* The flagged rows, spooled during the run as "file,line,flag,1".  */
  rewind (c->flags);
  char *line = NULL;
  size_t cap = 0;
  while (getline (&line, &cap, c->flags) > 0)
    fprintf (out, "flag,%s", line);
  free (line);
  if (ferror (c->flags))
    return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                         "cannot read the spool of flagged rows back: %s",
                         strerror (errno ? errno : EIO));
  fseeko (c->flags, 0, SEEK_END);
  return 0;
}

size_t
mn_checker_waves (const struct mn_checker *c, char *buf, size_t size)
{
  size_t n = mn_groups_count (c->wave_rows), used = 0;
  struct mn_group_entry *v = mn_groups_sorted (c->wave_rows);
  buf[0] = '\0';
  for (size_t i = 0; i < n && used < size; i++)
    {
      unsigned long rows = *(unsigned long *) v[i].value;
      used += (size_t) snprintf (buf + used, size - used,
                                 dngettext (MN_DOMAIN, "%s%.*s %lu row",
                                            "%s%.*s %lu rows", rows),
                                 i ? ", " : "", (int) v[i].keylen, v[i].key,
                                 rows);
    }
  free (v);
  return n;
}

void
mn_checker_summary (struct mn_checker *c, struct mn_check_summary *s)
{
  memset (s, 0, sizeof *s);
  s->alpha_k = c->nalpha;
  s->alpha_n = (unsigned long) c->alpha_all.n;
  s->alpha_incomplete = c->alpha_incomplete;
  s->alpha = s->alpha_lo = s->alpha_hi = NAN;
  if (c->nalpha)
    mn_alpha_value (&c->alpha_all, c->spec->level, &s->alpha, &s->alpha_lo,
                    &s->alpha_hi);
  s->straight_lined = c->straight_lined;
  coverage_all (c, NULL, s);
  collectors_all (c, NULL, s);
}

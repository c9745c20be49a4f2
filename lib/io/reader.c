/* reader.c - a streaming CSV record reader on libcsv.

   Bytes are read in blocks, converted to UTF-8 when an input encoding is
   given, and handed to libcsv one physical line at a time.  Feeding line
   by line is what lets every record carry the line it starts on: libcsv
   itself keeps no line count.  Completed records are queued and handed
   out one by one; the queue's storage is reused once it has been
   drained.  */
#include "io/reader.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/normalize.h"
#include "base/utf8.h"
#include "base/wordbytes.h"
#include "io/aliases.h"
#include "base/xalloc.h"
#include "base/i18n.h"

#define RAW_SIZE ((size_t) 64 * 1024)
#define CONV_SIZE ((size_t) 4 * RAW_SIZE)

struct rec_info
{
  size_t first, n;
  unsigned long line, last_line;
  enum mn_flaw flaw;
  size_t flaw_field;
  bool nfkc;
};

struct mn_reader
{
  FILE *fp;
  const char *name;
  struct csv_parser parser;
  size_t max_record;

  iconv_t cd;                   /* (iconv_t) -1 when not converting */
  const char *encoding;
  char *raw;                    /* bytes read, not yet converted */
  size_t rawlen;
  char *conv;                   /* converted bytes */

  bool bom_checked, at_eof, finished;
  unsigned long line;           /* physical line being fed, 1-based */
  size_t blk;                   /* libcsv's growth block */
  unsigned char delim;
  bool raw_bom_checked;         /* converting: leading UTF-8 BOM looked for */
  bool partial_line;            /* bytes of line LINE have been fed */
  bool after_cr;                /* the last byte fed was a CR */
  bool rec_open;                /* a record has begun and not ended */
  unsigned long rec_start;
  bool bq_open;                 /* a bad quote's record waits for the
                                   rest of its line (bad_quote) */
  size_t bq_field;              /* its flawed field */

  /* Fields of queued records and of the record being parsed.  */
  char *data;
  size_t datalen, datacap;
  size_t *off, *flen;
  size_t nf, fcap;
  size_t cur_first;             /* first field of the record being parsed */

  struct rec_info *q;
  size_t nq, qcap, qhead;

  /* The fields of the record handed out (their lengths are FLEN's).  */
  char **fv;
  size_t vcap;

  int status;                   /* -1 after a fatal error */
  struct mn_error failure;      /* what it was, handed out once the
                                   records read before it have been */
  bool too_big;                 /* a completed record was over the limit */
  unsigned long too_big_line;

  /* Bytes read before the reader was made (the encoding guess's
     prefix), handed out before FP's: owned.  */
  char *prime;
  size_t prime_len, prime_pos;

  /* The fast path (see fast_line): on unless MINYI_FASTPATH=0; its
     scanner sixteen bytes at a time where the processor has SSE2,
     unless MINYI_FASTPATH=word, eight at a time otherwise.  */
  bool fast;
  bool vector;
  bool rec_clean;               /* the record being ended is known to be
                                   valid UTF-8 without NUL bytes */
  bool rec_nfkc;                /* and to be in NFKC (mn_nfkc_stable) */

  /* mn_reader_expect_utf8: UTF-8 guessed from a window, checked on.  */
  bool expect_utf8;
  bool mixed;                   /* a field not UTF-8 read since */
  /* mn_reader_defer: the encoding put off while the input is ASCII.  */
  mn_reader_decide_fn *decide;
  void *decide_ctx;
  bool expect_ascii;            /* mn_reader_expect_ascii */
  bool non_ascii;               /* with it: a byte above 127 read */
  unsigned long long limit;     /* bytes to read at most; 0: all */
  bool clean_end;               /* reading ended between records */
  unsigned long long bytes;     /* bytes read from the input, prefix
                                   included */
};

/* Room in R->off and R->flen for N fields.  */
static inline void
reserve_fields (struct mn_reader *r, size_t n)
{
  if (n > r->fcap)
    {
      r->off = xgrow (r->off, &r->fcap, n, sizeof *r->off);
      r->flen = xrealloc (r->flen, r->fcap * sizeof *r->flen);
    }
}

/* Note a field of the record being read: LEN bytes at offset OFF of
   R->data.  */
static inline void
add_field (struct mn_reader *r, size_t off, size_t len)
{
  reserve_fields (r, r->nf + 1);
  r->off[r->nf] = off;
  r->flen[r->nf] = len;
  r->nf++;
}

/* libcsv field callback: append the field and a NUL.  */
static void
on_field (void *s, size_t len, void *data)
{
  struct mn_reader *r = data;
  if (!r->rec_open)
    {
      /* Defensive: feed marks each record's start before parsing.  */
      r->rec_open = true;
      r->rec_start = r->line;
    }
  r->data = xgrow (r->data, &r->datacap, r->datalen + len + 1, 1);
  memcpy (r->data + r->datalen, s, len);
  r->data[r->datalen + len] = '\0';
  add_field (r, r->datalen, len);
  r->datalen += len + 1;
}

/* libcsv record callback: queue the record, noting a flaw.  */
static void
on_record (int c, void *data)
{
  (void) c;
  struct mn_reader *r = data;
  if (r->nf > r->cur_first
      && r->datalen - r->off[r->cur_first] > r->max_record)
    {
      /* Too big to hand out: drop it, and let feed fail.  */
      if (!r->too_big)
        r->too_big_line = r->rec_open ? r->rec_start : r->line;
      r->too_big = true;
      r->datalen = r->off[r->cur_first];
      r->nf = r->cur_first;
      r->rec_open = false;
      return;
    }
  bool clean = r->rec_clean, nfkc = r->rec_nfkc;
  r->rec_clean = r->rec_nfkc = false;
  size_t first = r->cur_first, n = r->nf - r->cur_first;
  size_t bad = n;               /* the first field that is not sound */
  bool not_utf8 = false;
  /* Converted text is UTF-8 by construction, but may hold a NUL; and
     a delimiter above 127 may cut a character of it.  */
  bool converted = r->cd != (iconv_t) -1 && r->delim < 0x80;
  if (!clean)
    for (size_t i = 0; i < n; i++)
      {
        const char *s = r->data + r->off[first + i];
        size_t len = r->flen[first + i];
        if (!converted && !mn_utf8_valid (s, len))
          {
            not_utf8 = true;
            bad = i;
            break;
          }
        if (memchr (s, '\0', len))
          {
            bad = i;
            break;
          }
      }
  /* The window said UTF-8 and this is not: a mixed input.  */
  if (r->expect_utf8 && not_utf8)
    r->mixed = true;
  r->q = xgrow (r->q, &r->qcap, r->nq + 1, sizeof *r->q);
  struct rec_info *ri = &r->q[r->nq++];
  ri->first = first;
  ri->n = n;
  ri->line = r->rec_open ? r->rec_start : r->line;
  ri->last_line = r->line;
  ri->flaw = bad < n ? MN_FLAW_UTF8 : MN_FLAW_NONE;
  ri->flaw_field = bad < n ? bad : 0;
  ri->nfkc = nfkc && bad == n;
  r->cur_first = r->nf;
  r->rec_open = false;
}

/* No byte is a "space" to libcsv: RFC 4180 keeps spaces in a field.
   (A NULL space function would bring back libcsv's default, which
   strips spaces and tabs around unquoted fields.)  */
static int
no_space (unsigned char c)
{
  (void) c;
  return 0;
}

struct mn_reader *
mn_reader_new (FILE *fp, const char *name, const struct mn_reader_options *o,
               struct mn_error *e)
{
  iconv_t cd = (iconv_t) -1;
  const char *enc = o ? o->encoding : NULL;
  if (enc && *enc && strcasecmp (enc, "UTF-8") != 0
      && strcasecmp (enc, "UTF8") != 0)
    {
      cd = iconv_open ("UTF-8", enc);
      if (cd == (iconv_t) -1)
        {
          mn_error_set (e, NULL, 0, MN_R_USAGE,
                        "unknown encoding '%s' (see 'iconv --list')", enc);
          return NULL;
        }
    }
  struct mn_reader *r = xcalloc (1, sizeof *r);
  r->fp = fp;
  r->name = name;
  r->cd = cd;
  r->encoding = enc;
  r->max_record = o && o->max_record ? o->max_record : MN_READER_MAX_RECORD;
  r->limit = o ? o->limit : 0;
  r->raw = xmalloc (RAW_SIZE);
  if (cd != (iconv_t) -1)
    r->conv = xmalloc (CONV_SIZE);
  r->line = 1;
  r->delim = o && o->delim ? o->delim : ',';
  /* Strict RFC 4180 quoting: a quote inside a field must be doubled, and
     a quoted field ends at its closing quote.  libcsv's lenient mode
     would read a stray quote as the start of a quoted field and run on
     over the following lines, merging rows without a word.  */
  if (csv_init (&r->parser, CSV_STRICT) != 0)
    abort ();
  csv_set_space_func (&r->parser, no_space);
  csv_set_delim (&r->parser, r->delim);
  /* The fast path splits on the delimiter, so it cannot be a byte that
     ends a line or quotes; nor one above 127, which may cut a character
     (C2 | A7), leaving fields that are not UTF-8 in a line that is:
     the fast path checks the line whole.  */
  const char *fp_env = getenv ("MINYI_FASTPATH");
  r->fast = !(fp_env && strcmp (fp_env, "0") == 0)
            && r->delim != '"' && r->delim != '\r' && r->delim != '\n'
            && r->delim < 0x80;
#ifdef __SSE2__
  r->vector = !(fp_env && strcmp (fp_env, "word") == 0);
#endif
  return r;
}

void
mn_reader_prime (struct mn_reader *r, char *buf, size_t len)
{
  free (r->prime);
  r->prime = buf;
  r->prime_len = len;
  r->prime_pos = 0;
}

void
mn_reader_expect_utf8 (struct mn_reader *r)
{
  r->expect_utf8 = true;
}

void
mn_reader_defer (struct mn_reader *r, mn_reader_decide_fn *decide,
                 void *ctx)
{
  r->decide = decide;
  r->decide_ctx = ctx;
}

int
mn_reader_set_encoding (struct mn_reader *r, const char *enc,
                        struct mn_error *e)
{
  iconv_t cd = iconv_open ("UTF-8", enc);
  if (cd == (iconv_t) -1)
    return mn_error_set (e, r->name, 0, MN_R_USAGE,
                         "unknown encoding '%s' (see 'iconv --list')", enc);
  if (r->cd != (iconv_t) -1)
    iconv_close (r->cd);
  r->cd = cd;
  r->encoding = enc;
  if (!r->conv)
    r->conv = xmalloc (CONV_SIZE);
  /* Mid-input: a byte-order mark was the UTF-8 reading's to drop.  */
  r->raw_bom_checked = true;
  return 0;
}

void
mn_reader_start_at (struct mn_reader *r, unsigned long line)
{
  r->line = line;
  r->bom_checked = r->raw_bom_checked = true;
}

void
mn_reader_expect_ascii (struct mn_reader *r)
{
  r->expect_ascii = true;
}

bool
mn_reader_non_ascii (const struct mn_reader *r)
{
  return r->non_ascii;
}

bool
mn_reader_undecided (const struct mn_reader *r)
{
  return r->decide != NULL;
}

bool
mn_reader_clean_end (const struct mn_reader *r)
{
  return r->clean_end;
}

bool
mn_reader_mixed (const struct mn_reader *r)
{
  return r->mixed;
}

void
mn_reader_free (struct mn_reader *r)
{
  if (!r)
    return;
  csv_free (&r->parser);
  if (r->cd != (iconv_t) -1)
    iconv_close (r->cd);
  free (r->raw);
  free (r->conv);
  free (r->data);
  free (r->off);
  free (r->flen);
  free (r->q);
  free (r->fv);
  free (r->prime);
  free (r);
}

unsigned long long
mn_reader_bytes (const struct mn_reader *r)
{
  return r->bytes;
}

unsigned long long
mn_reader_limit (const struct mn_reader *r)
{
  return r->limit;
}

unsigned long
mn_reader_lines (const struct mn_reader *r)
{
  return r->line - 1;
}

/* Stop reading for good with message MSG.  */
static int
fail (struct mn_reader *r, struct mn_error *e, unsigned long line,
      enum mn_reason why, const char *msg)
{
  r->status = -1;
  return mn_error_set (e, r->name, line, why, "%s", msg);
}

/* Stop reading for good: the record starting on LINE is over the
   limit.  */
static int
too_big (struct mn_reader *r, struct mn_error *e, unsigned long line)
{
  r->status = -1;
  return mn_error_set (e, r->name, line, MN_R_TOO_BIG, "record longer "
                       "than %zu bytes (an unterminated quote?)",
                       r->max_record);
}

/* Queue the record of a bad quote, all its line read (bad_quote).  */
static void
end_bad_quote (struct mn_reader *r)
{
  size_t before = r->nq;
  r->bq_open = false;
  on_record (-1, r);
  /* A record over the limit is dropped, not queued (feed then fails):
     there is nothing to mark, and q[nq - 1] is another record, or no
     record at all.  */
  if (r->nq > before)
    {
      r->q[r->nq - 1].flaw = MN_FLAW_BADQUOTE;
      r->q[r->nq - 1].flaw_field = r->bq_field;
    }
}

/* The rest of a bad quote's line: N bytes at REST, which end it when
   EOL, added to its last field (without the line end).  */
static void
more_bad_quote (struct mn_reader *r, const char *rest, size_t n, bool eol)
{
  while (n && (rest[n - 1] == '\n' || rest[n - 1] == '\r'))
    n--;
  r->data = xgrow (r->data, &r->datacap, r->datalen + n, 1);
  memcpy (r->data + r->datalen - 1, rest, n);
  r->datalen += n;
  r->data[r->datalen - 1] = '\0';
  r->flen[r->nf - 1] += n;
  if (eol)
    end_bad_quote (r);
}

/* The record being read breaks RFC 4180's quoting at REST (N bytes, to
   the end of the physical line when EOL, else to the end of the
   buffer, the line going on in the next).  Queue it as it stands,
   flawed: its fields so far, then the field being read together with
   the rest of the line (which may come in several buffers:
   more_bad_quote); then start afresh on the next line.  The error path
   may allocate.  */
static void
bad_quote (struct mn_reader *r, const char *rest, size_t n, bool eol)
{
  size_t part = r->parser.entry_buf ? r->parser.entry_pos : 0;
  if (!r->rec_open)
    {
      r->rec_open = true;
      r->rec_start = r->line;
    }
  on_field (part ? (char *) r->parser.entry_buf : "", part, r);
  r->bq_field = r->nf - r->cur_first - 1;
  r->bq_open = true;
  csv_free (&r->parser);
  if (csv_init (&r->parser, CSV_STRICT) != 0)
    abort ();
  csv_set_space_func (&r->parser, no_space);
  csv_set_delim (&r->parser, r->delim);
  r->blk = 0;
  more_bad_quote (r, rest, n, eol);
}

/* The fast path beside libcsv: a whole physical line at the start of
   a record, holding no quote, is one record whose fields are the bytes
   between delimiters, which is what libcsv makes of it in strict mode
   with no space function.  One pass over the line finds its end, its
   delimiters and any quote, copies it into R->data, and tells whether
   it is ASCII and whether it holds a NUL byte; its UTF-8 is checked in
   one go: fields are cut at ASCII bytes, so a valid line has valid
   fields (on_record looks at them one by one only when it is not).
   Anything else -- a quote anywhere in the line, a line cut by the end
   of the buffer, a record already begun -- goes to libcsv, the parser
   of record.  */

/* What a block of the line holds, a bit a byte (bit I: byte I):
   a line end or quote (STOP), the delimiter, a byte not ASCII (HIGH),
   a NUL; with SSE2, the lead bytes of common CJK characters, E4..E9
   (LEAD), and continuation bytes, 80..BF (CONT).  */
struct scan_bits
{
  unsigned stop, delim, high, nul, lead, cont;
};

/* The bytes of a word that are set in M (top bits, mn_zero_bytes), a
   bit a byte, byte 0 (the first in memory) as bit 0.  */
static inline unsigned
word_bits (uint64_t m)
{
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  m = __builtin_bswap64 (m);
#endif
  /* Each byte's top bit, gathered into the top byte.  */
  return (unsigned) (((m >> 7) * UINT64_C (0x0102040810204080)) >> 56);
}

/* Copy the BLOCK bytes at P to D and classify them: sixteen at a time
   with SSE2 (VECTOR), else eight, as a word (base/wordbytes.h).  */
static inline __attribute__ ((always_inline)) void
scan_block (const char *p, char *d, char delim, bool vector,
            struct scan_bits *b)
{
#ifdef __SSE2__
  if (vector)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      _mm_storeu_si128 ((__m128i *) d, v);
      __m128i stop = _mm_or_si128 (
        _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n')),
                      _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\r'))),
        _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('"')));
      b->stop = (unsigned) _mm_movemask_epi8 (stop);
      b->delim = (unsigned) _mm_movemask_epi8 (
        _mm_cmpeq_epi8 (v, _mm_set1_epi8 (delim)));
      b->high = (unsigned) _mm_movemask_epi8 (v);
      b->nul = (unsigned) _mm_movemask_epi8 (
        _mm_cmpeq_epi8 (v, _mm_setzero_si128 ()));
      b->lead = b->cont = 0;
      if (b->high)
        {
          /* V - E4 (wrapping) at most 5, unsigned: E4..E9.  */
          __m128i t = _mm_sub_epi8 (v, _mm_set1_epi8 ((char) 0xE4));
          b->lead = (unsigned) _mm_movemask_epi8 (
            _mm_cmpeq_epi8 (_mm_min_epu8 (t, _mm_set1_epi8 (5)), t));
          b->cont = (unsigned) _mm_movemask_epi8 (
            _mm_cmpeq_epi8 (_mm_and_si128 (v, _mm_set1_epi8 ((char) 0xC0)),
                            _mm_set1_epi8 ((char) 0x80)));
        }
      return;
    }
#endif
  (void) vector;
  uint64_t w;
  memcpy (&w, p, 8);
  memcpy (d, &w, 8);
  b->stop = word_bits (mn_equal_bytes (w, MN_ONES * '\n')
                       | mn_equal_bytes (w, MN_ONES * '\r')
                       | mn_equal_bytes (w, MN_ONES * '"'));
  b->delim = word_bits (mn_equal_bytes (w, MN_ONES * (unsigned char) delim));
  b->high = word_bits (w & UINT64_C (0x8080808080808080));
  b->nul = word_bits (mn_zero_bytes (w));
  b->lead = b->cont = 0;        /* not used: mn_nfkc_stable tells */
}

/* Scan the line at BUF (LEN bytes left in the buffer, LEN > 0) on the
   fast path: copy it into R->data past its records (room made by the
   caller: LEN + 16 bytes), NUL-terminating and noting its fields, up
   to its first LF, CR or quote.  Returns the offset of that byte, or
   LEN when there is none.  The fields are noted for good only when the
   caller finishes the record (fast_line); otherwise it takes them back
   (R->nf as it was).  *HIGH gets whether a byte before the stop is not
   ASCII, *NUL whether one is NUL; *LAST, the offset of the last field.
   With VECTOR, *CJK gets whether the bytes that are not ASCII are all
   common CJK characters, each a lead byte E4..E9 and two continuation
   bytes (what mn_nfkc_stable asks, told from the blocks' bits: a
   character may straddle two).  Inline, and called with VECTOR a
   constant: one copy of the loop for each scanner.  */
static inline __attribute__ ((always_inline)) size_t
scan_line (struct mn_reader *r, const char *buf, size_t len, bool vector,
           bool *high, bool *nul, bool *cjk, size_t *last)
{
#ifndef __SSE2__
  vector = false;               /* scan_block has the word scanner only */
#endif
  const size_t block = vector ? 16 : 8;
  char *d = r->data + r->datalen;
  size_t base = r->datalen, start = 0, nf = r->nf;
  size_t *off = r->off, *flen = r->flen;
  unsigned any_high = 0, any_nul = 0;
  /* The continuation bytes due in the next block (bits 0 and 1), and
     whether a byte broke the CJK rule.  */
  unsigned due = 0, not_cjk = 0;
  char delim = (char) r->delim;
  for (size_t i = 0; i < len; i += block)
    {
      struct scan_bits b;
      unsigned valid = (1u << block) - 1;
      if (len - i >= block)
        scan_block (buf + i, d + i, delim, vector, &b);
      else
        {
          /* The buffer's last bytes: from a copy, so as not to read
             past them.  */
          char tail[16] = { 0 };
          memcpy (tail, buf + i, len - i);
          scan_block (tail, d + i, delim, vector, &b);
          valid = (1u << (len - i)) - 1;
        }
      /* Room for a field per byte of the block, and the line's last.  */
      if (nf + block + 1 > r->fcap)
        {
          reserve_fields (r, nf + block + 1);
          off = r->off;
          flen = r->flen;
        }
      unsigned stop = b.stop & valid;
      /* The bytes before the first stop, if any.  */
      unsigned before = stop ? (stop & -stop) - 1 : valid;
      unsigned dm = b.delim & before;
      any_high |= b.high & before;
      any_nul |= b.nul & before;
      if (vector && ((b.high & before) | due))
        {
          /* Continuations are due one and two bytes after each lead:
             they must be exactly the continuation bytes, and every
             byte not ASCII a lead or one of them; due past the line's
             end, a character is cut.  */
          unsigned lead = b.lead & before, cont = b.cont & before;
          unsigned want = (lead << 1) | (lead << 2) | due;
          not_cjk |= ((b.high & before) ^ (lead | cont))
                     | (cont ^ (want & before));
          if (stop)
            not_cjk |= want & ~before;
          due = want >> 16;
        }
      while (dm)
        {
          size_t j = i + (size_t) __builtin_ctz (dm);
          dm &= dm - 1;
          d[j] = '\0';
          off[nf] = base + start;
          flen[nf] = j - start;
          nf++;
          start = j + 1;
        }
      r->nf = nf;
      if (stop)
        {
          *high = any_high != 0;
          *nul = any_nul != 0;
          *cjk = !not_cjk;
          *last = start;
          return i + (size_t) __builtin_ctz (stop);
        }
    }
  return len;
}

/* On the fast path, the record that is the line at BUF (LEN bytes left
   in the buffer, LEN > 0), when it is one: its fields noted and the
   record queued (on_record), or nothing for a blank line.  Returns the
   offset of its end (LF or CR), or LEN when the line holds a quote or
   is cut by the end of the buffer: then nothing is noted, for libcsv
   to parse it.  */
static size_t
fast_line (struct mn_reader *r, const char *buf, size_t len)
{
  size_t nf = r->nf, last;
  bool high = false, nul = false, cjk = false;
  r->data = xgrow (r->data, &r->datacap, r->datalen + len + 16, 1);
  size_t k = r->vector
               ? scan_line (r, buf, len, true, &high, &nul, &cjk, &last)
               : scan_line (r, buf, len, false, &high, &nul, &cjk, &last);
  if (k == len || buf[k] == '"')
    {
      r->nf = nf;
      return len;
    }
  /* A blank line is no record, to libcsv as here.  */
  if (k == 0)
    return 0;
  r->rec_open = true;
  r->rec_start = r->line;
  r->data[r->datalen + k] = '\0';
  add_field (r, r->datalen + last, k - last);
  r->datalen += k + 1;
  /* ASCII and common CJK (most surveys' every line) are valid UTF-8 and
     NFKC already; the vector scanner has told which, else one pass
     tells both.  */
  bool nfkc = !high || (r->vector ? cjk : mn_nfkc_stable (buf, k));
  r->rec_clean = (nfkc || r->cd != (iconv_t) -1 || mn_utf8_valid (buf, k))
                 && !nul;
  r->rec_nfkc = nfkc && r->rec_clean;
  on_record (0, r);
  return k;
}

/* Hand SEG bytes at BUF, a physical line or the part of one that is in
   the buffer, to libcsv.  Returns 0, or -1 with E.  */
static int
parse_segment (struct mn_reader *r, const char *buf, size_t seg, bool eol,
               struct mn_error *e)
{
  if (!r->rec_open)
    for (size_t i = 0; i < seg; i++)
      if (buf[i] != '\r' && buf[i] != '\n')
        {
          r->rec_open = true;
          r->rec_start = r->line;
          break;
        }
  size_t done = csv_parse (&r->parser, buf, seg, on_field, on_record, r);
  if (done != seg)
    {
      /* Out of memory is so whoever runs out (minyi(7), Exit status):
         the one message and status of base/xalloc.h, not a read error
         of this line.  */
      if (csv_error (&r->parser) == CSV_ENOMEM)
        xalloc_die ();
      if (csv_error (&r->parser) != CSV_EPARSE)
        return fail (r, e, r->rec_start, MN_R_SYSTEM,
                     csv_strerror (csv_error (&r->parser)));
      bad_quote (r, buf + done, seg - done, eol);
    }
  /* libcsv grows its field buffer by a fixed block: make the block
     as large as the buffer, so a long field costs amortised linear
     time, not quadratic.  */
  size_t have = csv_get_buffer_size (&r->parser);
  if (have > r->blk)
    {
      r->blk = have;
      csv_set_blk_size (&r->parser, have);
    }
  return 0;
}

/* Feed LEN bytes of UTF-8 text to libcsv, one physical line at a
   time, or take a line on the fast path (fast_line).  A line ends with
   LF, CRLF or a bare CR, as libcsv's records do; the LF of a CRLF split
   between two buffers is fed on its own and ends no further line.  */
static int
feed (struct mn_reader *r, const char *buf, size_t len, struct mn_error *e)
{
  if (!r->bom_checked)
    {
      r->bom_checked = true;
      if (len >= 3 && memcmp (buf, "\xEF\xBB\xBF", 3) == 0)
        buf += 3, len -= 3;
    }
  while (len > 0)
    {
      size_t seg, content;
      bool eol, lf_of_crlf = r->after_cr && *buf == '\n';
      if (r->fast && !lf_of_crlf && !r->rec_open && !r->bq_open
          && (content = fast_line (r, buf, len)) < len)
        {
          /* The line is done: its end, LF, CR or CRLF, as below.  */
          seg = content + 1;
          if (buf[content] == '\r' && seg < len && buf[seg] == '\n')
            seg++;
          r->after_cr = buf[seg - 1] == '\r';
          eol = true;
          goto next;
        }
      if (lf_of_crlf)
        seg = 1, eol = false;
      else
        {
          const char *nl = memchr (buf, '\n', len);
          size_t upto = nl ? (size_t) (nl - buf) : len;
          const char *cr = memchr (buf, '\r', upto);
          const char *end = cr ? cr : nl;
          eol = end != NULL;
          seg = eol ? (size_t) (end - buf) + 1 : len;
          if (cr && seg < len && buf[seg] == '\n')
            seg++;
        }
      r->after_cr = buf[seg - 1] == '\r';
      if (r->bq_open)
        more_bad_quote (r, buf, seg, eol);
      else if (parse_segment (r, buf, seg, eol, e) < 0)
        return -1;
    next:;
      /* The record in progress: its completed fields, and the field
         libcsv is still gathering (entry_pos, its length so far).  */
      size_t inprog = r->parser.entry_pos
                    + (r->nf > r->cur_first
                         ? r->datalen - r->off[r->cur_first] : 0);
      if (r->too_big || inprog > r->max_record)
        return too_big (r, e, r->too_big ? r->too_big_line : r->rec_start);
      if (eol)
        r->line++;
      if (!lf_of_crlf)
        r->partial_line = !eol;
      buf += seg;
      len -= seg;
    }
  return 0;
}

/* Convert what is in RAW and feed it.  At end of input (FINAL), bytes
   left over are an incomplete character.  */
static int
convert_and_feed (struct mn_reader *r, bool final, struct mn_error *e)
{
  char *in = r->raw;
  size_t inleft = r->rawlen;
  while (inleft > 0)
    {
      char *out = r->conv;
      size_t outleft = CONV_SIZE;
      size_t rc = iconv (r->cd, &in, &inleft, &out, &outleft);
      int err = rc == (size_t) -1 ? errno : 0;
      if (out > r->conv && feed (r, r->conv, out - r->conv, e) < 0)
        return -1;
      if (err == EILSEQ)
        {
          r->status = -1;
          mn_error_set (e, r->name, r->line, MN_R_ENCODING,
                        "byte sequence not valid in %s (byte 0x%02X)",
                        r->encoding, (unsigned char) *in);
          return -1;
        }
      if (err == EINVAL)
        {
          if (final)
            {
              r->status = -1;
              return mn_error_set (e, r->name, r->line, MN_R_ENCODING,
                                   "incomplete %s character at end of "
                                   "input", r->encoding);
            }
          break;
        }
      if (err && err != E2BIG)
        {
          char buf[256];
          return fail (r, e, r->line, MN_R_SYSTEM,
                       strerror_r (err, buf, sizeof buf));
        }
    }
  memmove (r->raw, in, inleft);
  r->rawlen = inleft;
  return 0;
}

/* End of input: flush libcsv, noting a quoted field still open.  */
static void
finish (struct mn_reader *r)
{
  size_t before = r->nq;
  /* A record flushed here ends on the last line that had bytes.  */
  unsigned long next_line = r->line + r->partial_line;
  r->clean_end = !r->rec_open && !r->partial_line && !r->after_cr;
  if (!r->partial_line && r->line > 1)
    r->line--;
  if (r->bq_open)
    end_bad_quote (r);
  csv_set_opts (&r->parser, CSV_STRICT | CSV_STRICT_FINI);
  bool open_quote = csv_fini (&r->parser, on_field, on_record, r) != 0;
  if (open_quote)
    {
      csv_set_opts (&r->parser, 0);
      csv_fini (&r->parser, on_field, on_record, r);
      if (r->nq > before)
        {
          r->q[r->nq - 1].flaw = MN_FLAW_QUOTE;
          r->q[r->nq - 1].flaw_field = r->q[r->nq - 1].n - 1;
        }
    }
  r->line = next_line;
  r->rec_open = false;
  r->finished = true;
}

/* The encoding put off (mn_reader_defer), RAW holding a block read as
   UTF-8: 1 when it is all ASCII, to be fed as usual.  Otherwise feed
   the lines before the first that holds a byte above 127 and hand the
   rest, with what is left of the prime, to the decision; 0 once it has
   chosen, or -1 with E.  */
static int
defer_or_decide (struct mn_reader *r, struct mn_error *e)
{
  size_t start = !r->bom_checked && r->rawlen >= 3
                 && memcmp (r->raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (mn_ascii (r->raw + start, r->rawlen - start))
    return 1;
  size_t i = start, line = start;
  for (; (unsigned char) r->raw[i] < 0x80; i++)
    if (r->raw[i] == '\n')
      line = i + 1;
  if (feed (r, r->raw, line, e) < 0)
    return -1;
  size_t rest = r->prime_len - r->prime_pos, n = r->rawlen - line;
  char *held = xmalloc (n + rest + 1);
  memcpy (held, r->raw + line, n);
  if (rest)
    memcpy (held + n, r->prime + r->prime_pos, rest);
  mn_reader_prime (r, NULL, 0);
  r->rawlen = 0;
  r->bytes -= n;                /* counted again when read back */
  mn_reader_decide_fn *decide = r->decide;
  r->decide = NULL;
  if (decide (r->decide_ctx, held, n + rest, e) < 0)
    {
      r->status = -1;
      return -1;
    }
  return 0;
}

/* Read and feed one block; at end of input, finish.  */
static int
fill (struct mn_reader *r, struct mn_error *e)
{
  size_t want = RAW_SIZE - r->rawlen;
  size_t got;
  if (r->limit && r->limit - r->bytes < want)
    want = (size_t) (r->limit - r->bytes);
  if (want == 0)
    got = 0;                    /* the end of the range */
  else if (r->prime_pos < r->prime_len)
    {
      got = r->prime_len - r->prime_pos < want ? r->prime_len - r->prime_pos
                                               : want;
      memcpy (r->raw + r->rawlen, r->prime + r->prime_pos, got);
      r->prime_pos += got;
      if (r->prime_pos == r->prime_len)
        {
          free (r->prime);
          r->prime = NULL;
          r->prime_len = r->prime_pos = 0;
        }
    }
  else
    got = fread (r->raw + r->rawlen, 1, want, r->fp);
  r->bytes += got;
  if (got == 0)
    {
      if (ferror (r->fp))
        {
          char buf[256];
          r->status = -1;
          return mn_error_set (e, r->name, r->line, MN_R_SYSTEM,
                               "read error: %s",
                               strerror_r (errno, buf, sizeof buf));
        }
      if (r->cd != (iconv_t) -1 && convert_and_feed (r, true, e) < 0)
        return -1;
      finish (r);
      /* The last field, flushed only now, can take its record over the
         limit: on_record dropped it, and that must not pass for the
         end of input.  */
      if (r->too_big)
        return too_big (r, e, r->too_big_line);
      return 0;
    }
  if (r->expect_ascii && !r->non_ascii
      && !mn_ascii (r->raw + r->rawlen, got))
    r->non_ascii = true;
  r->rawlen += got;
  if (r->cd != (iconv_t) -1)
    {
      /* A UTF-8 byte-order mark before text in another encoding (Excel
         writes one before GB18030 too) is no character of it.  */
      if (!r->raw_bom_checked && r->rawlen >= 3)
        {
          r->raw_bom_checked = true;
          if (memcmp (r->raw, "\xEF\xBB\xBF", 3) == 0)
            {
              memmove (r->raw, r->raw + 3, r->rawlen - 3);
              r->rawlen -= 3;
            }
        }
      return convert_and_feed (r, false, e);
    }
  if (r->decide)
    {
      int rc = defer_or_decide (r, e);
      if (rc <= 0)
        return rc;
    }
  int rc = feed (r, r->raw, r->rawlen, e);
  r->rawlen = 0;
  return rc;
}

/* Drop drained records, keeping the fields of the record in progress at
   the front of the buffers.  */
static void
compact (struct mn_reader *r)
{
  size_t keep = r->nf - r->cur_first;
  size_t base = keep ? r->off[r->cur_first] : r->datalen;
  if (base > 0)                 /* (DATA is still NULL at first) */
    memmove (r->data, r->data + base, r->datalen - base);
  for (size_t i = 0; i < keep; i++)
    {
      r->off[i] = r->off[r->cur_first + i] - base;
      r->flen[i] = r->flen[r->cur_first + i];
    }
  r->datalen -= base;
  r->nf = keep;
  r->cur_first = 0;
  r->nq = r->qhead = 0;
}

int
mn_reader_next (struct mn_reader *r, struct mn_record *rec,
                struct mn_error *e)
{
  if (r->qhead == r->nq)
    {
      /* Records read before an error are handed out first.  */
      if (r->status < 0)
        goto failed;
      compact (r);
      while (r->nq == 0 && !r->finished)
        if (fill (r, &r->failure) < 0)
          break;
      if (r->nq == 0)
        {
          if (r->status < 0)
            goto failed;
          return 0;
        }
    }
  struct rec_info *ri = &r->q[r->qhead++];
  if (ri->n > r->vcap)
    r->fv = xgrow (r->fv, &r->vcap, ri->n, sizeof *r->fv);
  char **restrict fv = r->fv, *data = r->data;
  const size_t *restrict off = r->off + ri->first;
  for (size_t i = 0; i < ri->n; i++)
    fv[i] = data + off[i];
  rec->n = ri->n;
  rec->f = fv;
  /* The lengths as noted: nobody writes them, and they stay where they
     are until the reader's next call.  */
  rec->len = r->flen + ri->first;
  rec->line = ri->line;
  rec->last_line = ri->last_line;
  rec->flaw = ri->flaw;
  rec->flaw_field = ri->flaw_field;
  rec->nfkc = ri->nfkc;
  return 1;

failed:
  if (e)
    *e = r->failure;
  return -1;
}

void
mn_header_init (struct mn_header *h, const struct mn_record *rec)
{
  h->n = rec->n;
  h->name = xmalloc (rec->n * sizeof *h->name);
  h->orig = NULL;
  h->aliases = NULL;
  h->delim_option = false;
  h->delim = ',';
  h->line = rec->line;
  for (size_t i = 0; i < rec->n; i++)
    h->name[i] = xmemdup0 (rec->f[i], rec->len[i]);
}

void
mn_header_release (struct mn_header *h)
{
  for (size_t i = 0; i < h->n; i++)
    {
      free (h->name[i]);
      if (h->orig)
        free (h->orig[i]);
    }
  free (h->name);
  free (h->orig);
  h->name = NULL;
  h->orig = NULL;
  h->n = 0;
  h->line = 0;
  h->aliases = NULL;
  h->delim_option = false;
  h->delim = ',';
}

unsigned long
mn_header_line (const struct mn_header *h)
{
  return h->line ? h->line : 1;
}

char *
mn_header_list (const struct mn_header *h, char *buf, size_t size)
{
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < h->n && used < size; i++)
    {
      bool renamed = h->orig && strcmp (h->orig[i], h->name[i]) != 0;
      used += snprintf (buf + used, size - used, "%s%s%s%s%s",
                        i ? ", " : "", h->name[i],
                        renamed ? " (as read: " : "",
                        renamed ? h->orig[i] : "", renamed ? ")" : "");
    }
  if (used >= size)
    {
      /* Cut before a whole character, not inside one.  */
      size_t cut = size - 5;
      while (cut > 0 && ((unsigned char) buf[cut] & 0xC0) == 0x80)
        cut--;
      strcpy (buf + cut, "...");
    }
  return buf;
}

const char *
mn_header_delim_hint (const struct mn_header *h)
{
  /* A comma too, when the file was read with another -d (a CSV file
     given -d tab).  */
  char others[5], *o = others;
  for (const char *c = "\t;|,"; *c; c++)
    if ((unsigned char) *c != (h->delim ? h->delim : ','))
      *o++ = *c;
  *o = '\0';
  if (h->n != 1 || !strpbrk (h->name[0], others))
    return "";
  /* -d is the survey's (or the log's, or the score table's): a small
     file is read with commas whatever it says.  */
  return h->delim_option
         ? _("; fields separated by another delimiter? see -d")
         : _("; fields separated by another delimiter? this file must be "
             "comma-separated, whatever -d says");
}

long
mn_header_find (const struct mn_header *h, const char *spec, const char *file,
                struct mn_error *e)
{
  for (size_t i = 0; i < h->n; i++)
    if (strcmp (h->name[i], spec) == 0)
      return (long) i;
  for (size_t i = 0; i < h->n && h->orig; i++)
    if (strcmp (h->orig[i], spec) == 0)
      return (long) i;
  for (size_t i = 0; i < h->n; i++)
    if (strcasecmp (h->name[i], spec) == 0)
      return (long) i;
  const char *to = mn_aliases_name (h->aliases, spec);
  for (size_t i = 0; to && i < h->n; i++)
    if (strcmp (h->name[i], to) == 0)
      return (long) i;
  if (*spec >= '0' && *spec <= '9')
    {
      char *end;
      errno = 0;
      unsigned long k = strtoul (spec, &end, 10);
      if (!*end && !errno && k >= 1 && k <= h->n)
        return (long) k - 1;
      if (!*end)
        {
          mn_error_set (e, file, mn_header_line (h), MN_R_MISSING_COLUMN,
                        "no column %s: the header has %zu columns", spec,
                        h->n);
          return -1;
        }
    }
  /* List what there is, as much as fits; a header in another language
     is what a columns file is for.  */
  char list[768];
  mn_header_list (h, list, sizeof list);
  bool foreign = false;
  for (size_t i = 0; i < h->n && !foreign; i++)
    for (const char *p = h->name[i]; *p && !foreign; p++)
      foreign = (unsigned char) *p >= 0x80;
  const char *delim = mn_header_delim_hint (h);
  mn_error_set (e, file, mn_header_line (h), MN_R_MISSING_COLUMN,
                "no column '%s' (columns: %s)%s%s", spec, list,
                h->n != 1 ? ""
                : *delim ? delim
                : h->delim_option
                  ? _("; a title row above the header? see --skip-rows")
                  : _("; a title row above the header? remove it from this "
                      "file (--skip-rows is for the operands)"),
                foreign ? _("; a columns file (--columns, minyi-formats(5)) "
                            "maps other names to the suite's") : "");
  return -1;
}

struct name_at
{
  const char *s;
  size_t i;
};

static int
cmp_name_at (const void *a, const void *b)
{
  const struct name_at *x = a, *y = b;
  int c = strcmp (x->s, y->s);
  return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

/* The first of the N names NAME that repeats an earlier one, or -1.
   Sorting the names by (name, column) puts each name's columns side by
   side, in order: the second of a run is its first repetition, and the
   earliest of those is the answer.  O(n log n), so a header of 10^5
   columns is checked at once, not in minutes.  */
static long
first_duplicate (char *const *name, size_t n)
{
  if (n < 2)
    return -1;
  struct name_at *v = xcalloc (n, sizeof *v);
  for (size_t i = 0; i < n; i++)
    v[i] = (struct name_at) { name[i], i };
  qsort (v, n, sizeof *v, cmp_name_at);
  long dup = -1;
  for (size_t k = 1; k < n; k++)
    if (strcmp (v[k].s, v[k - 1].s) == 0
        && (k < 2 || strcmp (v[k - 1].s, v[k - 2].s) != 0)
        && (dup < 0 || v[k].i < (size_t) dup))
      dup = (long) v[k].i;
  free (v);
  return dup;
}

long
mn_header_duplicate (const struct mn_header *h)
{
  return first_duplicate (h->name, h->n);
}

int
mn_record_sound (const struct mn_record *rec, size_t n, const char *file,
                 struct mn_error *e)
{
  size_t k = rec->flaw_field + 1;
  switch (rec->flaw)
    {
    case MN_FLAW_QUOTE:
      return mn_error_set (e, file, rec->line, MN_R_QUOTE,
                           "field %zu opens a quote that is never closed",
                           k);
    case MN_FLAW_BADQUOTE:
      return mn_error_set (e, file, rec->line, MN_R_BAD_QUOTE,
                           "field %zu has a quote that is neither doubled "
                           "nor closing the field", k);
    case MN_FLAW_UTF8:
      return mn_error_set (e, file, rec->line, MN_R_ENCODING,
                           "field %zu is not valid UTF-8 (or holds a NUL "
                           "byte)", k);
    case MN_FLAW_NONE:
      break;
    }
  if (n == 0)
    {
      /* (Sorted, as mn_header_duplicate: comparing every pair took half
         a minute on a header of 10^5 columns.  A sound record's fields
         hold no NUL, so comparing them as strings is exact.)  */
      long dup = first_duplicate (rec->f, rec->n);
      if (dup >= 0)
        return mn_error_set (e, file, rec->line, MN_R_DUP_COLUMN,
                             "column '%s' appears twice in the header",
                             rec->f[dup]);
      return 0;
    }
  if (rec->n != n)
    return mn_error_set (e, file, rec->line, MN_R_RAGGED,
                         "%zu fields where the header has %zu", rec->n, n);
  return 0;
}

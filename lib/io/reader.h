/* reader.h - a streaming CSV record reader on libcsv.

   RFC 4180 quoting (embedded delimiters, quotes and newlines), CR, LF or
   CRLF line ends, a leading byte-order mark dropped, any one-byte
   delimiter, optional conversion to UTF-8 through iconv(3).  Each record
   knows the physical line it starts on.  Fields are views into one buffer
   the reader reuses: no allocation per field once the buffers have grown
   to the widest record.  Memory is bounded by the largest record, never
   by the file.  */
#ifndef MINYI_READER_H
#define MINYI_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/errinfo.h"

struct mn_aliases;

/* A record that was read but is not sound.  */
enum mn_flaw
{
  MN_FLAW_NONE = 0,
  MN_FLAW_QUOTE,   /* a quoted field still open at end of input */
  MN_FLAW_BADQUOTE,/* a quote neither doubled nor closing its field: the
                      record ends with the rest of its line, as read */
  MN_FLAW_UTF8     /* field FLAW_FIELD is not valid UTF-8 */
};

struct mn_record
{
  size_t n;                 /* number of fields (>= 1) */
  char **f;                 /* f[i]: field i, NUL-terminated; borrowed
                               from the reader, valid until its next call
                               or its freeing */
  size_t *len;              /* len[i]: its length in bytes; borrowed
                               likewise */
  unsigned long line;       /* physical line of the record's first byte */
  unsigned long last_line;  /* physical line of its last byte */
  enum mn_flaw flaw;
  size_t flaw_field;        /* with MN_FLAW_UTF8: the first bad field */
  bool nfkc;                /* every field is known to be in NFKC already
                               (ASCII and common CJK only, as
                               mn_nfkc_stable says): normalising may skip
                               the record; false: not known */
};

struct mn_reader_options
{
  unsigned char delim;      /* 0 means ',' */
  const char *encoding;     /* NULL or "UTF-8": no conversion; borrowed,
                               kept by the reader or input it opens */
  size_t max_record;        /* 0 means MN_READER_MAX_RECORD */
  bool guess;               /* for mn_input_open: with no ENCODING, read
                               input that is not UTF-8 as GB18030 */
  /* For mn_input_open (io/header.h): the rows above the header, or
     MN_SKIP_AUTO to recognise title rows; and the columns file's
     aliases (borrowed, kept; NULL: none).  */
  long skip_rows;
  const struct mn_aliases *aliases;
  /* Read at most this many bytes of the stream (the guess's prefix
     included), as if the input ended there: one byte range of a file
     read by several threads (prog/parallel.h).  0: no limit.  */
  unsigned long long limit;
  /* The delimiter is -d's to choose: this is an input -d governs (a
     survey, a service log, a score table), and a header of one field
     holding a tab, ';' or '|' is said to want -d.  False: a small file
     (codebook, roster, margins, shares, columns file, catalogue...),
     comma-separated whatever -d says, which such a header is told.  */
  bool delim_option;
};

#define MN_READER_MAX_RECORD ((size_t) 64 << 20)

struct mn_reader;

/* A reader of FP (borrowed: not closed by the reader) named NAME
   (kept, not copied, for errors: it must outlive the reader; "-" reads
   as "(stdin)" in messages is the caller's choice), with options O
   (borrowed, may be NULL; O->encoding is kept and must outlive the
   reader).  Returns NULL and fills E when the encoding is not known to
   iconv.  Caller frees with mn_reader_free.  */
struct mn_reader *mn_reader_new (FILE *fp, const char *name,
                                 const struct mn_reader_options *o,
                                 struct mn_error *e);

/* Read the next record into *REC; its fields stay valid until the next
   call or mn_reader_free (views into R's buffer).  Returns 1 for a
   record, 0 at end of input, -1 for an error
   that ends reading (I/O error, bytes that do not convert from the
   input encoding, a record over the size limit), with E filled.  A
   record with a flaw is still returned (1): the caller decides.  */
int mn_reader_next (struct mn_reader *r, struct mn_record *rec,
                    struct mn_error *e);

/* Hand R the LEN bytes at BUF (owned by R from now on, freed with it;
   may be NULL), read from its file before R was made, to be read before
   what is left of the file: the encoding guess's prefix, so that a pipe
   is read only once.  Call before the first mn_reader_next, or from a
   DECIDE of mn_reader_defer.  */
void mn_reader_prime (struct mn_reader *r, char *buf, size_t len);

/* The input was guessed UTF-8 from the lines read so far, some of them
   non-ASCII UTF-8; check the rest as it is read.  A later record with a
   field that is not UTF-8 makes the input mixed (mn_reader_mixed), and
   is returned flawed as usual.  */
void mn_reader_expect_utf8 (struct mn_reader *r);

/* Put R's encoding off: R reads its input as UTF-8 while it is ASCII,
   which reads the same in the encodings a guess tells apart, and calls
   DECIDE (CTX, HELD, N, E) before the first line that holds a byte above
   127.  HELD (owned by DECIDE from then on) holds the N bytes R read
   from that line's start on and did not use; DECIDE reads on as it
   needs, chooses (mn_reader_set_encoding, mn_reader_expect_utf8) and
   hands the bytes back (mn_reader_prime); it returns 0, or -1 with E,
   which ends reading.  */
typedef int mn_reader_decide_fn (void *ctx, char *held, size_t n,
                                 struct mn_error *e);
void mn_reader_defer (struct mn_reader *r, mn_reader_decide_fn *decide,
                      void *ctx);

/* Convert what R reads from now on from ENC (kept: it must outlive R)
   to UTF-8; only from a DECIDE of mn_reader_defer.  Returns 0, or -1
   with E when iconv does not know ENC.  */
int mn_reader_set_encoding (struct mn_reader *r, const char *enc,
                            struct mn_error *e);

/* Whether a record not UTF-8 was read after mn_reader_expect_utf8.  */
bool mn_reader_mixed (const struct mn_reader *r);

/* Whether R's encoding is still put off (mn_reader_defer): all it read
   so far is ASCII.  */
bool mn_reader_undecided (const struct mn_reader *r);

/* For a range of an input whose encoding was put off: note a byte above
   127 in what R reads (mn_reader_non_ascii), where reading the input
   from its start would have decided its encoding.  */
void mn_reader_expect_ascii (struct mn_reader *r);
bool mn_reader_non_ascii (const struct mn_reader *r);

/* FP stands inside the file, just after a line end (a LF), at the
   start of physical line LINE: number the lines from there, and look
   for no byte-order mark.  Call before the first mn_reader_next.  */
void mn_reader_start_at (struct mn_reader *r, unsigned long line);
/* Once reading has ended (mn_reader_next returned 0): whether the
   input, or its range (LIMIT), ended where a record ends, outside any
   quoted field, after a line end.  */
bool mn_reader_clean_end (const struct mn_reader *r);
/* Bytes of the input read so far (for progress reports).  */
unsigned long long mn_reader_bytes (const struct mn_reader *r);

/* The LIMIT of R's options: the bytes it may read (0: no limit).  */
unsigned long long mn_reader_limit (const struct mn_reader *r);

/* Physical lines read so far.  */
unsigned long mn_reader_lines (const struct mn_reader *r);

/* Free R and its buffers; its file is not closed.  */
void mn_reader_free (struct mn_reader *r);

/* For the small files read whole (codebook, roster, margins, group
   shares): whether REC is sound.  A header (N == 0) must have no flaw
   and no column name twice; a row, no flaw and N fields.  Returns 0, or
   -1 with E naming FILE and REC's line.  */
int mn_record_sound (const struct mn_record *rec, size_t n,
                     const char *file, struct mn_error *e);

/* The header: column names copied out of a record.  */
struct mn_header
{
  size_t n;
  char **name;              /* owned: N names, freed by mn_header_release */
  char **orig;              /* owned: the N names as read, when some were
                               renamed (io/header.h: NFKC, aliases);
                               NULL when NAME is as read */
  unsigned long line;       /* the header's physical line (0: line 1) */
  const struct mn_aliases *aliases;  /* borrowed: the columns file's
                                        aliases it was renamed by, which
                                        mn_header_find also resolves;
                                        NULL: none */
  bool delim_option;        /* read with -d's delimiter (the reader
                               options' DELIM_OPTION); false: a small
                               file, always comma-separated */
  unsigned char delim;      /* the delimiter it was read with */
};

/* Set H to copies of REC's fields (REC borrowed, not kept), on REC's
   line, as the header of a small file (H->delim_option false).  Release H with mn_header_release.  */
void mn_header_init (struct mn_header *h, const struct mn_record *rec);

/* Free H's names (not H itself); H is left empty.  */
void mn_header_release (struct mn_header *h);

/* Resolve SPEC, a column name or a 1-based column number, to a 0-based
   index.  A name is matched exactly first, then as read (a renamed
   column answers to its name in the file too), then ignoring ASCII
   case, then as the name it is an alias of in H's columns file.  Returns the index, or -1 with E (reason MN_R_MISSING_COLUMN)
   saying which columns there are.  SPEC is borrowed; FILE names the
   input in E and is kept there, not copied.  */
long mn_header_find (const struct mn_header *h, const char *spec,
                     const char *file, struct mn_error *e);

/* For a message that H lacks a column: when H is one field holding a
   tab, ';', '|' or ',' other than the delimiter it was read with (a
   file with another delimiter), "; fields separated by another
   delimiter?" and what to do, translated: see -d, or for a small file
   (H->delim_option false) that it must be comma-separated.  Otherwise
   "".  Static storage.  */
const char *mn_header_delim_hint (const struct mn_header *h);

/* Describe H's columns into the caller's BUF of SIZE bytes, for a
   message: "a, b (as read: c), d", cut at a character with "..." when
   they do not fit.  Returns BUF.  */
char *mn_header_list (const struct mn_header *h, char *buf, size_t size);

/* The line of H for messages (1 when not set).  */
unsigned long mn_header_line (const struct mn_header *h);

/* First duplicated name in H, or -1.  */
long mn_header_duplicate (const struct mn_header *h);

#endif

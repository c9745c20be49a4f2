/* errinfo.h - the error record lib/ fills instead of printing.

   Library functions never print and never exit: they return a status and
   describe the problem in a struct mn_error supplied by the caller, which
   chooses the wording around it and the exit status.  */
#ifndef MINYI_ERRINFO_H
#define MINYI_ERRINFO_H

/* Why a row was rejected, or what made input unreadable.  The names
   (mn_reason_name) are the machine-readable codes written to rejects
   files and documented in minyi-formats(5).  */
enum mn_reason
{
  MN_R_NONE = 0,
  MN_R_RAGGED,          /* wrong number of fields */
  MN_R_QUOTE,           /* unterminated quoted field */
  MN_R_BAD_QUOTE,       /* a quote neither doubled nor closing a field */
  MN_R_ENCODING,        /* not valid UTF-8 / not convertible */
  MN_R_EMPTY_KEY,       /* a grouping or required key is empty */
  MN_R_BAD_VALUE,       /* answer not on the item's scale */
  MN_R_BAD_NUMBER,      /* a number that does not parse */
  MN_R_BAD_WEIGHT,      /* weight negative, zero, NaN or infinite */
  MN_R_TOO_BIG,         /* record larger than the reader's limit */
  MN_R_MISSING_COLUMN,  /* a column the run needs is not in the header */
  MN_R_DUP_COLUMN,      /* a column name appears twice in the header */
  MN_R_HEADER_MISMATCH, /* a later file's columns differ from the first's */
  MN_R_UNKNOWN_CADRE,   /* cadre id not in the roster */
  MN_R_OUTSIDE_AREA,    /* household outside the cadre's township/village */
  MN_R_DUPLICATE,       /* household rated the cadre twice in one wave */
  MN_R_BAD_TIME,        /* a time that does not parse */
  MN_R_TIME_ORDER,      /* completed before received, received after the
                           time the log is judged at */
  MN_R_BAD_SUSPENSION,  /* a suspension outside the item's life, ending
                           before it starts, or overlapping another */
  MN_R_UNKNOWN_SERVICE, /* service type not in the catalogue */
  MN_R_UNKNOWN_DEPARTMENT, /* department not in the catalogue, or not the
                           service's */
  MN_R_OUTSIDE_CALENDAR,/* working days beyond the calendar's years */
  MN_R_USAGE,           /* the request cannot be met (column missing...) */
  MN_R_SYSTEM,          /* I/O or other system error */
  MN_R_COUNT
};

struct mn_error
{
  const char *file;       /* borrowed, not copied: valid as long as the
                             string it was set from; NULL when no file is
                             concerned */
  unsigned long line;     /* 1-based physical line, 0 when none */
  enum mn_reason reason;
  char msg[1024];         /* lower case, no final full stop */
};

/* Fill E (when not NULL).  FILE is kept in E, not copied: it must outlive
   every use of E.  FMT is translated (base/i18n.h) before use: it is a
   message of the minyi catalogue, extracted by xgettext (make pot).  Returns -1 so callers can write
   "return mn_error_set (...)".  */
int mn_error_set (struct mn_error *e, const char *file, unsigned long line,
                  enum mn_reason reason, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));

/* The code of R, e.g. "bad-value" (static storage).  */
const char *mn_reason_name (enum mn_reason r);

#endif

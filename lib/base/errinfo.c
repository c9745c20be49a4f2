/* errinfo.c - the error record.  */
#include "base/errinfo.h"

#include <stdarg.h>
#include <stdio.h>

#include "base/i18n.h"

int
mn_error_set (struct mn_error *e, const char *file, unsigned long line,
              enum mn_reason reason, const char *fmt, ...)
{
  if (!e)
    return -1;
  e->file = file;
  e->line = line;
  e->reason = reason;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (e->msg, sizeof e->msg, _(fmt), ap);
  va_end (ap);
  return -1;
}

const char *
mn_reason_name (enum mn_reason r)
{
  static const char *const names[MN_R_COUNT] = {
    [MN_R_NONE] = "none",
    [MN_R_RAGGED] = "ragged",
    [MN_R_QUOTE] = "unterminated-quote",
    [MN_R_BAD_QUOTE] = "bad-quote",
    [MN_R_ENCODING] = "encoding",
    [MN_R_EMPTY_KEY] = "empty-key",
    [MN_R_BAD_VALUE] = "bad-value",
    [MN_R_BAD_NUMBER] = "bad-number",
    [MN_R_BAD_WEIGHT] = "bad-weight",
    [MN_R_TOO_BIG] = "too-big",
    [MN_R_MISSING_COLUMN] = "missing-column",
    [MN_R_DUP_COLUMN] = "duplicate-column",
    [MN_R_HEADER_MISMATCH] = "header-mismatch",
    [MN_R_UNKNOWN_CADRE] = "unknown-cadre",
    [MN_R_OUTSIDE_AREA] = "outside-area",
    [MN_R_DUPLICATE] = "duplicate",
    [MN_R_BAD_TIME] = "bad-time",
    [MN_R_TIME_ORDER] = "time-order",
    [MN_R_BAD_SUSPENSION] = "bad-suspension",
    [MN_R_UNKNOWN_SERVICE] = "unknown-service",
    [MN_R_UNKNOWN_DEPARTMENT] = "unknown-department",
    [MN_R_OUTSIDE_CALENDAR] = "outside-calendar",
    [MN_R_USAGE] = "usage",
    [MN_R_SYSTEM] = "system",
  };
  return (unsigned) r < MN_R_COUNT ? names[r] : "unknown";
}

/* xlsx.h - a report as an Excel workbook, written with libxlsxwriter:
   a sheet "ranking" whose cells are numbers where the table has numbers
   (Excel sorts and filters them as such), the header frozen and
   filtered, column widths that fit Chinese names; and a sheet "notes"
   with the method notes, the files read and the provenance.  */
#ifndef MINYI_XLSX_H
#define MINYI_XLSX_H

#include <stdio.h>

#include "base/errinfo.h"
#include "io/provenance.h"
#include "io/reader.h"
#include "report/rtable.h"

struct mn_xlsx_opts
{
  const char *title;                    /* borrowed; NULL: a default */
  const char *version;                  /* borrowed: minyi's */
  const char *provenance;               /* borrowed: a provenance file
                                           to copy, or NULL */
  const struct mn_reader_options *ro;   /* borrowed: to read it */
  const struct mn_prov_input *input;    /* borrowed: what was read */
  size_t ninput;
  int decimals;                         /* of proportions, as shown */
};

/* Write the workbook for T (borrowed) to OUT (borrowed; any stream: the
   workbook is made in a temporary file of TMPDIR, copied to OUT and
   removed).  The same T and options give the same bytes: the
   workbook's dates are fixed (1980-01-01, the earliest a zip file
   records).  Returns 0, or -1 with E.  */
int mn_report_xlsx (const struct mn_rtable *t, const struct mn_xlsx_opts *o,
                    FILE *out, struct mn_error *e);

#endif

/* html.h - a report as one self-contained HTML page: no script, no
   external style sheet, font or image; inline CSS with a print style;
   every text HTML-escaped.  */
#ifndef MINYI_HTML_H
#define MINYI_HTML_H

#include <stdio.h>

#include "base/errinfo.h"
#include "io/provenance.h"
#include "io/reader.h"
#include "report/layout.h"
#include "report/rtable.h"

struct mn_html_opts
{
  const char *title;            /* borrowed; NULL: a default */
  const char *version;          /* borrowed: minyi's */
  const char *where, *where_val;        /* borrowed: --where, or NULL */
  const char *scores;           /* borrowed: --scores FILE, or NULL */
  const char *provenance;       /* borrowed: the provenance file shown,
                                   or NULL */
  const struct mn_reader_options *ro;   /* borrowed: to read it */
  const struct mn_prov_input *input;    /* borrowed: what was read */
  size_t ninput;
};

/* Write the page for T (borrowed) with the columns of L to OUT
   (borrowed): the ranking with each row's evidence, the method notes,
   the provenance.  Returns 0, or -1 with E when the provenance file
   cannot be read.  */
int mn_report_html (struct mn_layout *l, const struct mn_rtable *t,
                    const struct mn_html_opts *o, FILE *out,
                    struct mn_error *e);

/* Write S (borrowed) to OUT with &, <, >, " and ' escaped.  */
void mn_html_escape (const char *s, FILE *out);

#endif

/* html.c - a self-contained HTML report.  */
#include "report/html.h"

void
mn_html_escape (const char *s, FILE *out)
{
  for (; *s; s++)
    switch (*s)
      {
      case '&': fputs ("&amp;", out); break;
      case '<': fputs ("&lt;", out); break;
      case '>': fputs ("&gt;", out); break;
      case '"': fputs ("&quot;", out); break;
      case '\'': fputs ("&#39;", out); break;
      default: putc (*s, out);
      }
}

int
mn_report_html (struct mn_layout *l, const struct mn_rtable *t,
                const struct mn_html_opts *o, FILE *out, struct mn_error *e)
{
  (void) l; (void) t; (void) o; (void) out;
  return mn_error_set (e, NULL, 0, MN_R_USAGE, "html: not yet");
}

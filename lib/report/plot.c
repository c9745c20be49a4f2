/* plot.c - SVG funnel and caterpillar plots.  */
#include "report/plot.h"

#include <string.h>

int
mn_plot_kind_parse (const char *s, size_t len, enum mn_plot_kind *k)
{
  if (len == 6 && memcmp (s, "funnel", 6) == 0)
    *k = MN_PLOT_FUNNEL;
  else if (len == 11 && memcmp (s, "caterpillar", 11) == 0)
    *k = MN_PLOT_CATERPILLAR;
  else
    return -1;
  return 0;
}

int
mn_plot_labels_parse (const char *list, unsigned *labels)
{
  unsigned l = 0;
  const char *p = list;
  for (;;)
    {
      size_t n = strcspn (p, ",");
      if (n == 3 && memcmp (p, "top", 3) == 0)
        l |= MN_LABEL_TOP;
      else if (n == 6 && memcmp (p, "bottom", 6) == 0)
        l |= MN_LABEL_BOTTOM;
      else if (n == 8 && memcmp (p, "outliers", 8) == 0)
        l |= MN_LABEL_OUTLIERS;
      else if (!(n == 4 && memcmp (p, "none", 4) == 0))
        return -1;
      if (!p[n])
        break;
      p += n + 1;
    }
  *labels = l;
  return 0;
}

int
mn_plot_write (const struct mn_plot *p, const struct mn_rtable *t,
               const struct mn_plot_opts *o, FILE *out, struct mn_error *e)
{
  (void) p; (void) t; (void) o; (void) out;
  return mn_error_set (e, NULL, 0, MN_R_USAGE, "plots: not yet");
}

/* numparse.c - whole-string number parsing in the C locale, after
   OpenBSD's strtonum(3): the whole string, range-checked, no junk.  */
#include "base/numparse.h"

#include <stdio.h>

#include "base/errinfo.h"
#include "base/i18n.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static locale_t
c_locale (void)
{
  static locale_t loc;
  if (!loc)
    loc = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  return loc;
}

static const char *
skip_blanks (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

static int
only_blanks (const char *s)
{
  return *skip_blanks (s) == '\0';
}

int
mn_parse_double (const char *s, double *x)
{
  s = skip_blanks (s);
  const char *p = s;
  if (*p == '+' || *p == '-')
    p++;
  size_t n = strcspn (p, " \t");
  if (only_blanks (p + n)
      && ((n == 3 && strncasecmp (p, "nan", 3) == 0)
          || (n == 3 && strncasecmp (p, "inf", 3) == 0)
          || (n == 8 && strncasecmp (p, "infinity", 8) == 0)))
    {
      *x = (p[0] | 0x20) == 'n' ? NAN : *s == '-' ? -INFINITY : INFINITY;
      return 1;
    }
  /* Decimal syntax only: no hex, no "nan(...)".  */
  bool digit = false;
  for (const char *q = p; q < p + n; q++)
    {
      if (*q >= '0' && *q <= '9')
        digit = true;
      else if (!strchr (".eE+-", *q))
        return -1;
    }
  if (!digit)
    return -1;
  char *end;
  errno = 0;
  double v = strtod_l (s, &end, c_locale ());
  if (end == s || !only_blanks (end))
    return -1;
  if (!isfinite (v))
    {
      /* Overflow: a number, but not a finite one.  */
      *x = v;
      return 1;
    }
  /* Underflow (ERANGE with a tiny result) still gives the nearest
     double: a number.  */
  *x = v;
  return 0;
}

int
mn_parse_long (const char *s, long min, long max, long *x)
{
  s = skip_blanks (s);
  if (!((*s >= '0' && *s <= '9') || *s == '-' || *s == '+'))
    return -1;
  char *end;
  errno = 0;
  long v = strtol (s, &end, 10);
  if (end == s || !only_blanks (end) || errno == ERANGE || v < min
      || v > max)
    return -1;
  *x = v;
  return 0;
}

int
mn_parse_weight (const char *s, double *w, int *reason, char *msg,
                 size_t size)
{
  int rc = mn_parse_double (s, w);
  *reason = MN_R_BAD_WEIGHT;
  if (*skip_blanks (s) == '\0')
    snprintf (msg, size, _("weight is empty"));
  else if (rc < 0)
    {
      *reason = MN_R_BAD_NUMBER;
      snprintf (msg, size, _("weight '%s' is not a number"), s);
    }
  else if (rc > 0)
    snprintf (msg, size, _("weight '%s' is not finite"), s);
  else if (*w <= 0)
    snprintf (msg, size, _("weight '%s' is not positive"), s);
  else if (*w < MN_WEIGHT_MIN || *w > MN_WEIGHT_MAX)
    snprintf (msg, size, _("weight '%s' is outside %g..%g, where sums of "
              "squared weights lose precision or overflow"), s,
              MN_WEIGHT_MIN, MN_WEIGHT_MAX);
  else
    return 0;
  return -1;
}

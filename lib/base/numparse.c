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
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The C locale, made once whatever the threads asking for it.  */
static locale_t loc;
static pthread_once_t loc_once = PTHREAD_ONCE_INIT;

static void
make_c_locale (void)
{
  loc = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
}

static locale_t
c_locale (void)
{
  pthread_once (&loc_once, make_c_locale);
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

/* The common case of mn_parse_double, without strtod: S (blanks
   skipped) is [+-]DIGITS[.DIGITS] with at most 15 significant digits
   and at most 22 after the point, then only blanks.  Its value is then
   M / 10^K with M < 2^53 and 10^K both exact doubles, and one IEEE
   division rounds their quotient correctly (Clinger, "How to read
   floating point numbers accurately", PLDI 1990, the fast path): the
   same double strtod gives.  Returns 0 with *X, or -1 when S is not of
   that form (strtod decides).  */
static int
parse_simple (const char *s, double *x)
{
  static const double p10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
  bool neg = *s == '-';
  if (*s == '+' || *s == '-')
    s++;
  uint64_t m = 0;
  int sig = 0, frac = 0, digits = 0;
  for (; *s >= '0' && *s <= '9'; s++, digits++)
    if (m || *s != '0')
      {
        m = m * 10 + (uint64_t) (*s - '0');
        sig++;
      }
  if (*s == '.')
    for (s++; *s >= '0' && *s <= '9'; s++, digits++, frac++)
      if (m || *s != '0')
        {
          m = m * 10 + (uint64_t) (*s - '0');
          sig++;
        }
  if (!digits || sig > 15 || frac > 22 || !only_blanks (s))
    return -1;
  double v = (double) m / p10[frac];
  *x = neg ? -v : v;
  return 0;
}

int
mn_parse_double (const char *s, double *x)
{
  /* One digit alone, as most answers are (a Likert scale).  */
  if (s[0] >= '0' && s[0] <= '9' && s[1] == '\0')
    {
      *x = s[0] - '0';
      return 0;
    }
  s = skip_blanks (s);
  if (parse_simple (s, x) == 0)
    return 0;
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

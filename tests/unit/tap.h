/* tap.h - a minimal test harness for minyi's lib/ unit tests.
 *
 * Each check prints "ok - NAME" or "not ok - NAME: detail" on stdout;
 * tests/run counts those lines.  tap_done() returns the exit status
 * (0 when every check passed).  Header-only: one test program each.  */
#ifndef MINYI_TAP_H
#define MINYI_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_pass, tap_fail;

static void
tap_report (int good, const char *name, const char *fmt, ...)
{
  if (good)
    {
      tap_pass++;
      printf ("ok - %s\n", name);
      return;
    }
  tap_fail++;
  printf ("not ok - %s: ", name);
  va_list ap;
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
}

/* Boolean check.  */
#define ok(cond, name) tap_report (!!(cond), (name), "%s", #cond)

/* |got - want| <= tol.  */
#define near(got, want, tol, name)                                        \
  do {                                                                    \
    double g_ = (got), w_ = (want);                                       \
    tap_report (fabs (g_ - w_) <= (tol), (name),                          \
                "got %.10g, want %.10g (tol %g)", g_, w_, (double) (tol)); \
  } while (0)

/* String equality.  */
#define streq(got, want, name)                                            \
  do {                                                                    \
    const char *g_ = (got), *w_ = (want);                                 \
    tap_report (g_ && w_ && strcmp (g_, w_) == 0, (name),                 \
                "got '%s', want '%s'", g_ ? g_ : "(null)",                \
                w_ ? w_ : "(null)");                                      \
  } while (0)

static int
tap_done (void)
{
  printf ("# %d passed, %d failed\n", tap_pass, tap_fail);
  return tap_fail ? 1 : 0;
}

#endif

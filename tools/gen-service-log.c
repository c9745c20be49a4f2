/* gen-service-log.c - write a synthetic service-centre log for minyi's
   sample county, 2014Q3, for minyi-deadline.

   The county's government service centre (政务服务中心) has seven
   departments in its hall, each with two windows, and the fourteen
   services of data/catalogue.csv.  Every working day of the quarter
   (by the working calendar given, data/calendar-2014.csv) each service
   receives Poisson(rate) applications, at a minute drawn uniformly from
   08:30 to 18:00 (so a few arrive after the closing time of
   data/penalty.csv).  An application takes a number of working days
   drawn from a gamma distribution whose mean is its promised limit
   times its department's pace (工商 and 人社 quick, 住建 and 国土资源
   slow, so that their on-time rates differ), rounded; one in twelve is
   suspended for correction (补正) from one to three working days after
   receipt for two to eight working days, which moves its completion
   later (and is completed one working day after it ends at the
   earliest).  It is completed at a minute from 09:00 to 17:00 of its last
   day; when that is after --as-of it is still open and its completion
   is left empty.  One receipt in seven is written the way Excel writes
   times (2014/7/1 9:30), the others in ISO 8601.

   Determinism: everything is drawn from GSL's MT19937 seeded with
   --seed, in a fixed order; no clock, no locale.  The same seed and
   calendar give the same bytes.  `make sample' regenerates
   data/service-log.csv.  */
#include <argp.h>
#include <error.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "service/calendar.h"
#include "service/caltime.h"

const char *argp_program_version = "gen-service-log (minyi) 0.1";

static const struct
{
  const char *id, *department;
  int promised;
  double rate;                  /* applications a working day */
} service[] = {
  { "GA01", "公安", 7, 2.0 },      { "GA02", "公安", 20, 3.0 },
  { "GT01", "国土资源", 15, 0.6 }, { "GT02", "国土资源", 10, 0.8 },
  { "MZ01", "民政", 20, 1.0 },     { "MZ02", "民政", 1, 1.2 },
  { "RS01", "人社", 5, 1.5 },      { "RS02", "人社", 3, 1.0 },
  { "ZJ01", "住建", 12, 0.5 },     { "ZJ02", "住建", 10, 0.5 },
  { "GS01", "工商", 3, 1.5 },      { "GS02", "工商", 2, 1.0 },
  { "WJ01", "卫计", 5, 0.8 },      { "WJ02", "卫计", 10, 0.4 },
};
#define N_SERVICES (sizeof service / sizeof *service)

static const struct
{
  const char *name;
  double pace;                  /* mean duration / promised limit */
  int window;                   /* its first window's number */
} department[] = {
  { "公安", 0.75, 1 }, { "国土资源", 1.05, 3 }, { "民政", 0.8, 5 },
  { "人社", 0.6, 7 },  { "住建", 1.1, 9 },     { "工商", 0.55, 11 },
  { "卫计", 0.85, 13 },
};

static int
window_of (const char *dept, const gsl_rng *r)
{
  for (size_t i = 0; i < sizeof department / sizeof *department; i++)
    if (strcmp (department[i].name, dept) == 0)
      return department[i].window + (int) gsl_rng_uniform_int (r, 2);
  abort ();
}

static double
pace_of (const char *dept)
{
  for (size_t i = 0; i < sizeof department / sizeof *department; i++)
    if (strcmp (department[i].name, dept) == 0)
      return department[i].pace;
  abort ();
}

struct args
{
  const char *calendar, *as_of;
  unsigned long seed;
};

static const struct argp_option options[] = {
  { "calendar", 'k', "FILE", 0,
    "the working calendar (default data/calendar-2014.csv)", 0 },
  { "as-of", 'a', "DATE", 0,
    "items completing after DATE are open (default 2014-10-10)", 0 },
  { "seed", 's', "N", 0, "seed of the generator (default 20140701)", 0 },
  { 0 }
};

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct args *a = state->input;
  switch (key)
    {
    case 'k':
      a->calendar = arg;
      break;
    case 'a':
      a->as_of = arg;
      break;
    case 's':
      a->seed = strtoul (arg, NULL, 10);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

/* Print time T, in ISO 8601 or, with EXCEL, as Excel writes it.  */
static void
put_time (long long t, int excel)
{
  long y;
  int m, d;
  long s = mn_time_secs (t);
  mn_civil_from_day (mn_time_day (t), &y, &m, &d);
  if (excel)
    printf ("%ld/%d/%d %ld:%02ld", y, m, d, s / 3600, s / 60 % 60);
  else
    printf ("%04ld-%02d-%02d %02ld:%02ld", y, m, d, s / 3600, s / 60 % 60);
}

int
main (int argc, char **argv)
{
  struct args a = { "data/calendar-2014.csv", "2014-10-10", 20140701UL };
  struct argp argp = { options, parse_opt, NULL,
                       "Write a synthetic service-centre log for 2014Q3 "
                       "to standard output.", NULL, NULL, NULL };
  argp_parse (&argp, argc, argv, 0, NULL, &a);
  struct mn_calendar cal;
  struct mn_error e;
  if (mn_calendar_load (&cal, a.calendar, &e) < 0)
    error (2, 0, "%s:%lu: %s", e.file ? e.file : "", e.line, e.msg);
  long long as_of;
  char why[256];
  if (mn_time_parse (a.as_of, strlen (a.as_of), &as_of, why, sizeof why) < 0)
    error (2, 0, "--as-of '%s': %s", a.as_of, why);
  as_of += MN_DAY_SECONDS;      /* the end of that day */

  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, a.seed);
  puts ("item,department,service,window,received,completed,suspensions");
  unsigned long seq = 0;
  long first = mn_day_from_civil (2014, 7, 1);
  long last = mn_day_from_civil (2014, 9, 30);
  for (long day = first; day <= last; day++)
    {
      if (!mn_calendar_working (&cal, day))
        continue;
      for (size_t s = 0; s < N_SERVICES; s++)
        {
          unsigned n = gsl_ran_poisson (r, service[s].rate);
          for (unsigned k = 0; k < n; k++)
            {
              long long rec = (long long) day * MN_DAY_SECONDS
                              + 30600 + 60 * (long long)
                                gsl_rng_uniform_int (r, 570);
              int excel = gsl_rng_uniform_int (r, 7) == 0;
              int win = window_of (service[s].department, r);
              double mean = service[s].promised
                            * pace_of (service[s].department);
              long dur = lround (gsl_ran_gamma (r, 2.0, mean / 2.0));
              long start_day = 0, end_day = 0;
              int suspended = gsl_rng_uniform_int (r, 12) == 0;
              long from = day, done_day;
              if (suspended)
                {
                  long s1 = 1 + (long) gsl_rng_uniform_int (r, 3);
                  long s2 = 2 + (long) gsl_rng_uniform_int (r, 7);
                  if (mn_calendar_add (&cal, day, s1, &start_day) < 0
                      || mn_calendar_add (&cal, start_day, s2, &end_day) < 0)
                    suspended = 0;
                  else
                    dur = dur > s1 + 1 ? dur - s1 : 1, from = end_day;
                }
              long long done_min = 32400 + 60 * (long long)
                                   gsl_rng_uniform_int (r, 480);
              int open = mn_calendar_add (&cal, from, dur, &done_day) < 0;
              long long done = (long long) done_day * MN_DAY_SECONDS
                               + done_min;
              if (done <= rec)
                done = rec + 1800;
              open = open || done > as_of;
              printf ("ZY14%06lu,%s,%s,W%02d,", ++seq, service[s].department,
                      service[s].id, win);
              put_time (rec, excel);
              putchar (',');
              if (!open)
                put_time (done, 0);
              putchar (',');
              if (suspended)
                {
                  put_time ((long long) start_day * MN_DAY_SECONDS + 36000, 0);
                  putchar ('~');
                  if (open && (long long) end_day * MN_DAY_SECONDS > as_of)
                    ;           /* still suspended */
                  else
                    put_time ((long long) end_day * MN_DAY_SECONDS + 54000,
                              0);
                }
              putchar ('\n');
            }
        }
    }
  gsl_rng_free (r);
  mn_calendar_release (&cal);
  if (fclose (stdout) != 0)
    error (2, 0, "standard output");
  return 0;
}

/* deadline.c - the electronic supervision of a service centre's log.  */
#include "service/deadline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/na.h"
#include "base/xalloc.h"
#include "io/csvout.h"
#include "service/caltime.h"
#include "service/clock.h"
#include "stats/orderstat.h"
#include "table/scoretab.h"
#include "base/i18n.h"

/* The log's columns.  */
enum { C_ITEM, C_DEPT, C_SERVICE, C_WINDOW, C_RECEIVED, C_COMPLETED,
       C_SUSPENSIONS, C_N };
static const char *const col_name[C_N] = {
  "item", "department", "service", "window", "received", "completed",
  "suspensions" };
static const bool col_required[C_N] = { true, false, true, false, true,
                                        false, false };

/* One group's sums.  */
struct acc
{
  unsigned long rows, n, sat, late, open, due_soon, overdue;
  unsigned long late_days, over_days;
  unsigned long *hist;          /* owned: working days to complete */
  size_t nhist;
};

/* An open item, for the warning list.  */
struct warn
{
  long urgency;                 /* left - over: the fewest first */
  long deadline;
  long long received;
  unsigned long seq;
  char *line;                   /* owned: its CSV line */
};

struct mn_deadline
{
  struct mn_deadline_opts o;
  long col[C_N];
  struct mn_groups *groups;     /* key -> struct acc */
  struct warn *warn;
  size_t nwarn, capwarn;
  struct mn_suspension *susp;   /* reused */
  size_t capsusp;
  char *key;                    /* reused */
  size_t capkey;
  unsigned long seq;
  struct mn_deadline_summary sum;
};

struct mn_deadline *
mn_deadline_new (const struct mn_deadline_opts *o)
{
  struct mn_deadline *d = xcalloc (1, sizeof *d);
  d->o = *o;
  d->groups = mn_groups_new (sizeof (struct acc));
  return d;
}

void
mn_deadline_free (struct mn_deadline *d)
{
  if (!d)
    return;
  struct mn_group_entry *g = mn_groups_sorted (d->groups);
  for (size_t i = 0; i < mn_groups_count (d->groups); i++)
    free (((struct acc *) g[i].value)->hist);
  free (g);
  mn_groups_free (d->groups);
  for (size_t i = 0; i < d->nwarn; i++)
    free (d->warn[i].line);
  free (d->warn);
  free (d->susp);
  free (d->key);
  free (d);
}

int
mn_deadline_bind (struct mn_deadline *d, struct mn_input *in,
                  struct mn_error *e)
{
  if (in->dup_column >= 0)
    return mn_error_set (e, in->name, 1, MN_R_DUP_COLUMN,
                         "column '%s' appears twice in the header",
                         in->h.name[in->dup_column]);
  for (int c = 0; c < C_N; c++)
    {
      bool need = col_required[c] || (c == C_WINDOW && d->o.by_window);
      struct mn_error absent;
      d->col[c] = mn_header_find (&in->h, col_name[c], in->name,
                                  need ? e : &absent);
      if (d->col[c] < 0 && need)
        return -1;
    }
  return 0;
}

/* Field C of REC, trimmed: its LEN bytes ("" when the column is
   absent).  */
static const char *
field (const struct mn_deadline *d, const struct mn_record *rec, int c,
       size_t *len)
{
  if (d->col[c] < 0)
    {
      *len = 0;
      return "";
    }
  return mn_trim (rec->f[d->col[c]], len);
}

/* Parse the time in field C into *T.  */
static int
get_time (const struct mn_deadline *d, const struct mn_record *rec, int c,
          const char *file, long long *t, struct mn_error *e)
{
  size_t len;
  const char *s = field (d, rec, c, &len);
  char why[256];
  if (mn_time_parse (s, len, t, why, sizeof why) < 0)
    return mn_error_set (e, file, rec->line, MN_R_BAD_TIME,
                         "%s '%.*s': %s", col_name[c], (int) len, s, why);
  return 0;
}

static int
by_start (const void *a, const void *b)
{
  const struct mn_suspension *x = a, *y = b;
  return (x->start > y->start) - (x->start < y->start);
}

/* Parse the suspensions START~END|START~END... of REC into D->susp,
   sorted, and check them against the item's life.  */
static int
get_suspensions (struct mn_deadline *d, const struct mn_record *rec,
                 const char *file, long long received, bool completed,
                 long long done, size_t *ns, struct mn_error *e)
{
  size_t len;
  const char *s = field (d, rec, C_SUSPENSIONS, &len), *end = s + len;
  *ns = 0;
  while (s < end)
    {
      const char *bar = memchr (s, '|', (size_t) (end - s));
      const char *stop = bar ? bar : end;
      const char *tilde = memchr (s, '~', (size_t) (stop - s));
      if (!tilde)
        return mn_error_set (e, file, rec->line, MN_R_BAD_SUSPENSION,
                             "suspension '%.*s' is not START~END",
                             (int) (stop - s), s);
      struct mn_suspension p = { 0 };
      char why[256];
      if (mn_time_parse (s, (size_t) (tilde - s), &p.start, why, sizeof why)
          < 0)
        return mn_error_set (e, file, rec->line, MN_R_BAD_TIME,
                             "suspension start '%.*s': %s",
                             (int) (tilde - s), s, why);
      size_t elen;
      const char *es = mn_trim_n (tilde + 1, (size_t) (stop - tilde - 1),
                                  &elen);
      if (!elen)
        p.open = true;
      else if (mn_time_parse (es, elen, &p.end, why, sizeof why) < 0)
        return mn_error_set (e, file, rec->line, MN_R_BAD_TIME,
                             "suspension end '%.*s': %s", (int) elen, es,
                             why);
      d->susp = xgrow (d->susp, &d->capsusp, *ns + 1, sizeof *d->susp);
      d->susp[(*ns)++] = p;
      s = bar ? bar + 1 : end;
    }
  if (*ns > 1)
    qsort (d->susp, *ns, sizeof *d->susp, by_start);
  char a[MN_TIME_BUFSIZE], b[MN_TIME_BUFSIZE];
  for (size_t i = 0; i < *ns; i++)
    {
      const struct mn_suspension *p = &d->susp[i];
      if (!p->open && p->end < p->start)
        return mn_error_set (e, file, rec->line, MN_R_BAD_SUSPENSION,
                             "suspension %s~%s ends before it starts",
                             mn_time_format (a, p->start),
                             mn_time_format (b, p->end));
      if (p->start < received || (completed && !p->open && p->end > done)
          || (completed && p->start > done))
        return mn_error_set (e, file, rec->line, MN_R_BAD_SUSPENSION,
                             "suspension from %s is outside the item's "
                             "life (received %s)",
                             mn_time_format (a, p->start),
                             mn_time_format (b, received));
      if (p->open && (completed || i + 1 < *ns))
        return mn_error_set (e, file, rec->line, MN_R_BAD_SUSPENSION,
                             "suspension from %s has no end, but %s",
                             mn_time_format (a, p->start),
                             completed ? _("the item is completed")
                                       : _("another starts after it"));
      if (i > 0 && d->susp[i - 1].end > p->start)
        return mn_error_set (e, file, rec->line, MN_R_BAD_SUSPENSION,
                             "suspension from %s overlaps the one from %s",
                             mn_time_format (a, p->start),
                             mn_time_format (b, d->susp[i - 1].start));
    }
  return 0;
}

/* The item's line of the item and warning lists.  */
void
mn_deadline_write_item_header (FILE *out)
{
  fputs ("item,department,service,window,received,completed,limit,"
         "deadline,used,left,over,status\n", out);
}

static char *
item_line (const struct mn_deadline *d, const struct mn_record *rec,
           const char *dept, size_t dlen, long long received,
           bool completed, long long done, long limit,
           const struct mn_item_clock *c)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);
  if (!fp)
    abort ();                   /* out of memory */
  size_t len;
  const char *s = field (d, rec, C_ITEM, &len);
  mn_csv_field (fp, s, len, ',');
  putc (',', fp);
  mn_csv_field (fp, dept, dlen, ',');
  putc (',', fp);
  s = field (d, rec, C_SERVICE, &len);
  mn_csv_field (fp, s, len, ',');
  putc (',', fp);
  s = field (d, rec, C_WINDOW, &len);
  mn_csv_field (fp, s, len, ',');
  char t[MN_TIME_BUFSIZE], u[MN_TIME_BUFSIZE], dl[MN_TIME_BUFSIZE];
  fprintf (fp, ",%s,%s,%ld,%s,%ld,%ld,%ld,%s\n",
           mn_time_format (t, received),
           completed ? mn_time_format (u, done) : "", limit,
           mn_day_format (dl, c->deadline), c->used, c->left, c->over,
           mn_item_status_name (c->status));
  if (fclose (fp) != 0)
    abort ();
  return buf;
}

/* The group key of a record: its department, and its window.  */
static void
group_key (struct mn_deadline *d, const char *dept, size_t dlen,
           const char *win, size_t wlen, size_t *klen)
{
  *klen = dlen + (d->o.by_window ? 1 + wlen : 0);
  d->key = xgrow (d->key, &d->capkey, *klen + 1, 1);
  memcpy (d->key, dept, dlen);
  if (d->o.by_window)
    {
      d->key[dlen] = '\0';
      memcpy (d->key + dlen + 1, win, wlen);
    }
}

static void
count (struct mn_deadline *d, const char *dept, size_t dlen,
       const char *win, size_t wlen, const struct mn_item_clock *c)
{
  size_t klen;
  group_key (d, dept, dlen, win, wlen, &klen);
  struct acc *a = mn_groups_get (d->groups, d->key, klen);
  a->rows++;
  switch (c->status)
    {
    case MN_IS_ON_TIME:
    case MN_IS_LATE:
      a->n++;
      if (c->status == MN_IS_ON_TIME)
        a->sat++;
      else
        a->late++, a->late_days += (unsigned long) c->over;
      if ((size_t) c->used >= a->nhist)
        {
          size_t n = (size_t) c->used + 1;
          a->hist = xrealloc (a->hist, n * sizeof *a->hist);
          memset (a->hist + a->nhist, 0, (n - a->nhist) * sizeof *a->hist);
          a->nhist = n;
        }
      a->hist[c->used]++;
      break;
    case MN_IS_OVERDUE:
      a->overdue++, a->over_days += (unsigned long) c->over;
      a->open++;
      break;
    case MN_IS_DUE_SOON:
      a->due_soon++;
      a->open++;
      break;
    case MN_IS_ON_TRACK:
      a->open++;
      break;
    }
}

int
mn_deadline_add (struct mn_deadline *d, const struct mn_record *rec,
                 const char *file, struct mn_error *e)
{
  size_t ilen, slen, dlen, wlen, clen;
  field (d, rec, C_ITEM, &ilen);
  const char *svc_id = field (d, rec, C_SERVICE, &slen);
  const char *dept = field (d, rec, C_DEPT, &dlen);
  const char *win = field (d, rec, C_WINDOW, &wlen);
  if (!ilen || !slen || (d->o.by_window && !wlen))
    return mn_error_set (e, file, rec->line, MN_R_EMPTY_KEY, "empty %s",
                         !ilen ? "item" : !slen ? "service" : "window");
  const struct mn_service *svc = mn_catalogue_find (d->o.cat, svc_id, slen);
  if (!svc)
    return mn_error_set (e, file, rec->line, MN_R_UNKNOWN_SERVICE,
                         "service '%.*s' is not in the catalogue",
                         (int) slen, svc_id);
  if (dlen && !mn_catalogue_has_department (d->o.cat, dept, dlen))
    return mn_error_set (e, file, rec->line, MN_R_UNKNOWN_DEPARTMENT,
                         "department '%.*s' is not in the catalogue",
                         (int) dlen, dept);
  if (dlen && (strlen (svc->department) != dlen
               || memcmp (svc->department, dept, dlen) != 0))
    return mn_error_set (e, file, rec->line, MN_R_UNKNOWN_DEPARTMENT,
                         "service '%s' belongs to department '%s' in the "
                         "catalogue, not to '%.*s'", svc->id,
                         svc->department, (int) dlen, dept);
  dept = svc->department;
  dlen = strlen (dept);

  long long received, done = 0;
  if (get_time (d, rec, C_RECEIVED, file, &received, e) < 0)
    return -1;
  field (d, rec, C_COMPLETED, &clen);
  bool completed = clen > 0;
  if (completed && get_time (d, rec, C_COMPLETED, file, &done, e) < 0)
    return -1;
  char a[MN_TIME_BUFSIZE], b[MN_TIME_BUFSIZE];
  if (completed && done < received)
    return mn_error_set (e, file, rec->line, MN_R_TIME_ORDER,
                         "completed %s before it was received %s",
                         mn_time_format (a, done),
                         mn_time_format (b, received));
  if (received > d->o.as_of)
    return mn_error_set (e, file, rec->line, MN_R_TIME_ORDER,
                         "received %s, after the time judged at (--as-of "
                         "%s)", mn_time_format (a, received),
                         mn_time_format (b, d->o.as_of));
  size_t ns;
  if (get_suspensions (d, rec, file, received, completed, done, &ns, e) < 0)
    return -1;

  long limit = d->o.statutory ? svc->statutory : svc->promised;
  struct mn_item_clock c;
  if (mn_item_clock (d->o.cal, d->o.rules->closing, received, completed,
                     done, d->susp, ns, limit, d->o.as_of, d->o.warn, &c, e)
      < 0)
    {
      e->file = file;
      e->line = rec->line;
      return -1;
    }

  /* Used: counted, listed.  */
  d->seq++;
  d->sum.items++;
  bool open = c.status != MN_IS_ON_TIME && c.status != MN_IS_LATE;
  char *line = NULL;
  if (d->o.items || open)
    line = item_line (d, rec, dept, dlen, received, completed, done, limit,
                      &c);
  if (d->o.items)
    fputs (line, d->o.items);
  if (open)
    {
      d->warn = xgrow (d->warn, &d->capwarn, d->nwarn + 1, sizeof *d->warn);
      d->warn[d->nwarn++] = (struct warn) { c.left - c.over, c.deadline,
                                            received, d->seq, line };
      line = NULL;
    }
  free (line);
  long day = mn_time_day (received);
  if (day < d->o.from || day > d->o.to)
    return 0;
  d->sum.in_period++;
  d->sum.completed += !open;
  d->sum.on_time += c.status == MN_IS_ON_TIME;
  d->sum.open += open;
  d->sum.due_soon += c.status == MN_IS_DUE_SOON;
  d->sum.overdue += c.status == MN_IS_OVERDUE;
  count (d, dept, dlen, win, wlen, &c);
  return 0;
}

/* The department table's own columns, after the schema's.  */
enum { X_LATE, X_OPEN, X_DUE_SOON, X_OVERDUE, X_LATE_DAYS, X_OVER_DAYS,
       X_MEDIAN, X_P90, X_PENALTY, X_N };
static const char *const extra_name[X_N] = {
  "late", "open", "due_soon", "overdue", "late_days", "overdue_days",
  "days_median", "days_p90", "penalty" };

/* The table's layout: the one call of mn_st_layout_init.  */
static int
layout (const struct mn_deadline *d, struct mn_st_layout *l,
        struct mn_error *e)
{
  static char *keys[] = { "department", "window" };
  if (mn_st_layout_init (l, d->o.by_window ? 2 : 1, keys, false, false, 0,
                         NULL, false, false, d->o.method, d->o.level, e)
      < 0)
    return -1;
  for (int x = 0; x < X_N; x++)
    mn_st_layout_add_extra (l, extra_name[x]);
  return 0;
}

int
mn_deadline_write_table (const struct mn_deadline *d, int digits, FILE *out,
                         struct mn_error *e)
{
  struct mn_st_layout l;
  if (layout (d, &l, e) < 0)
    return -1;
  mn_st_write_header (&l, out);
  struct mn_st_cell *cell = xcalloc (l.ncol, sizeof *cell);
  char (*text)[MN_NUM_BUFSIZE] = xcalloc (l.ncol, sizeof *text);
  struct mn_group_entry *g = mn_groups_sorted (d->groups);
  size_t ng = mn_groups_count (d->groups);
  const struct mn_rules *r = d->o.rules;
  for (size_t i = 0; i < ng; i++)
    {
      const struct acc *a = g[i].value;
      for (size_t k = 0; k < l.ncol; k++)
        cell[k] = (struct mn_st_cell) { NAN, NULL, 0 };
      size_t k0 = strlen (g[i].key);
      cell[0] = (struct mn_st_cell) { NAN, g[i].key, k0 };
      if (d->o.by_window)
        cell[1] = (struct mn_st_cell) { NAN, g[i].key + k0 + 1,
                                        g[i].keylen - k0 - 1 };
      double lo = NAN, hi = NAN;
      if (a->n)
        mn_prop_ci (d->o.method, (double) a->sat, (double) a->n,
                    d->o.level, &lo, &hi);
      cell[l.pos[MN_SC_ROWS]].x = (double) a->rows;
      cell[l.pos[MN_SC_N]].x = (double) a->n;
      cell[l.pos[MN_SC_SAT]].x = (double) a->sat;
      cell[l.pos[MN_SC_RATE]].x = a->n ? (double) a->sat / (double) a->n
                                       : NAN;
      cell[l.pos[MN_SC_LO]].x = lo;
      cell[l.pos[MN_SC_HI]].x = hi;
      cell[l.pos[MN_SC_DK]].x = 0;
      cell[l.pos[MN_SC_MISS]].x = (double) a->open;
      double x[X_N] = {
        [X_LATE] = (double) a->late, [X_OPEN] = (double) a->open,
        [X_DUE_SOON] = (double) a->due_soon,
        [X_OVERDUE] = (double) a->overdue,
        [X_LATE_DAYS] = (double) a->late_days,
        [X_OVER_DAYS] = (double) a->over_days,
        [X_MEDIAN] = mn_hist_quantile7 (a->hist, a->nhist, 0.5),
        [X_P90] = mn_hist_quantile7 (a->hist, a->nhist, 0.9),
        [X_PENALTY] = r->item_points * (double) (a->late + a->overdue)
                      + r->day_points * (double) (a->late_days
                                                  + a->over_days) };
      for (int j = 0; j < X_N; j++)
        {
          size_t k = l.ncol - X_N + (size_t) j;
          bool whole = j < X_MEDIAN;
          cell[k].len = mn_num_format (text[k], sizeof text[k], x[j],
                                       whole ? 0 : digits);
          cell[k].s = text[k];
        }
      mn_st_write_row (&l, cell, digits, out);
    }
  free (g);
  free (text);
  free (cell);
  mn_st_layout_release (&l);
  return 0;
}

static int
by_urgency (const void *a, const void *b)
{
  const struct warn *x = a, *y = b;
  if (x->urgency != y->urgency)
    return x->urgency < y->urgency ? -1 : 1;
  if (x->deadline != y->deadline)
    return x->deadline < y->deadline ? -1 : 1;
  if (x->received != y->received)
    return x->received < y->received ? -1 : 1;
  return (x->seq > y->seq) - (x->seq < y->seq);
}

void
mn_deadline_write_warnings (struct mn_deadline *d, FILE *out)
{
  if (d->nwarn > 1)
    qsort (d->warn, d->nwarn, sizeof *d->warn, by_urgency);
  mn_deadline_write_item_header (out);
  for (size_t i = 0; i < d->nwarn; i++)
    fputs (d->warn[i].line, out);
}

void
mn_deadline_summary (const struct mn_deadline *d,
                     struct mn_deadline_summary *s)
{
  *s = d->sum;
  s->groups = mn_groups_count (d->groups);
}

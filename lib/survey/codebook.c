/* codebook.c - reading the codebook and classifying answers.  */
#include "survey/codebook.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/na.h"
#include "base/normalize.h"
#include "base/numparse.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "base/i18n.h"

/* Split SPEC on '|' into trimmed tokens.  An empty token ("a||b", "a|")
   is kept as an empty string, so that callers can refuse it: a list
   with a hole in it is a typing slip, not something to read past.  */
static char **
split_bar (const char *spec, size_t *n)
{
  char **v = NULL;
  *n = 0;
  const char *p = spec ? spec : "";
  size_t dummy;
  if (!*mn_trim (p, &dummy) || dummy == 0)
    return NULL;                /* an empty list */
  for (;;)
    {
      size_t len = strcspn (p, "|");
      char *tok = xmemdup0 (p, len);
      size_t tl;
      const char *t = mn_trim (tok, &tl);
      v = xrealloc (v, (*n + 1) * sizeof *v);
      v[(*n)++] = xmemdup0 (t, tl);
      free (tok);
      p += len;
      if (*p != '|')
        break;
      p++;
    }
  return v;
}

/* The first empty token of V (N tokens), or -1.  */
static long
empty_token (char *const *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!*v[i])
      return (long) i;
  return -1;
}

static void
free_strv (char **v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free (v[i]);
  free (v);
}

/* "A..B" with whole numbers A <= B.  */
static bool
parse_range (const char *s, long *a, long *b)
{
  const char *dots = strstr (s, "..");
  if (!dots)
    return false;
  char *left = xmemdup0 (s, dots - s);
  int ok = mn_parse_long (left, -1000000, 1000000, a) == 0
           && mn_parse_long (dots + 2, -1000000, 1000000, b) == 0
           && *a <= *b;
  free (left);
  return ok;
}

/* A token of a satisfied list: a number, a range A..B, or a text.  */
static struct mn_token
make_token (const char *s)
{
  struct mn_token t = { xstrdup (s), false, 0, 0 };
  long a, b;
  double x;
  if (parse_range (s, &a, &b))
    t.numeric = true, t.lo = a, t.hi = b;
  else if (mn_parse_double (s, &x) == 0)
    t.numeric = true, t.lo = t.hi = x;
  return t;
}

static bool
token_matches (const struct mn_token *t, const char *s, bool isnum, double x)
{
  if (strcmp (t->text, s) == 0)
    return true;
  return t->numeric && isnum && x >= t->lo && x <= t->hi;
}

static void
release_item (struct mn_item *it)
{
  free (it->id);
  free (it->column);
  free (it->label);
  for (size_t i = 0; i < it->nchoice; i++)
    free (it->choice[i].text);
  free (it->choice);
  for (size_t i = 0; i < it->nsat; i++)
    free (it->sat[i].text);
  free (it->sat);
  free_strv (it->dk, it->ndk);
  memset (it, 0, sizeof *it);
}

void
mn_codebook_release (struct mn_codebook *cb)
{
  for (size_t i = 0; i < cb->n; i++)
    release_item (&cb->item[i]);
  free (cb->item);
  cb->item = NULL;
  cb->n = 0;
}

long
mn_codebook_find (const struct mn_codebook *cb, const char *id)
{
  for (size_t i = 0; i < cb->n; i++)
    if (strcmp (cb->item[i].id, id) == 0)
      return (long) i;
  return -1;
}

long
mn_codebook_item (const struct mn_codebook *cb, const char *id,
                  const char *file, struct mn_error *e)
{
  long k = mn_codebook_find (cb, id);
  if (k >= 0)
    return k;
  /* Items are named by id; a survey column is an easy slip, since the
     survey's header is what one sees.  */
  for (size_t i = 0; i < cb->n; i++)
    if (strcmp (cb->item[i].column, id) == 0)
      {
        mn_error_set (e, file, 0, MN_R_USAGE,
                      "no item '%s' in the codebook: '%s' is the column of "
                      "item '%s': give the item's name", id, id,
                      cb->item[i].id);
        return -1;
      }
  mn_error_set (e, file, 0, MN_R_USAGE, "no item '%s' in the codebook", id);
  return -1;
}

void
mn_item_describe (const struct mn_item *it, char *buf, size_t size)
{
  size_t used = 0;
  buf[0] = '\0';
  switch (it->scale)
    {
    case MN_SCALE_RANGE:
      snprintf (buf, size, "%ld..%ld", it->lo, it->hi);
      break;
    case MN_SCALE_LIST:
      for (size_t i = 0; i < it->nchoice && used < size; i++)
        used += snprintf (buf + used, size - used, "%s%s", i ? "|" : "",
                          it->choice[i].text);
      break;
    case MN_SCALE_ANY:
      snprintf (buf, size, _("any answer"));
      break;
    }
}

/* Parse a scale spec into IT.  */
static int
parse_values (struct mn_item *it, const char *spec, const char *file,
              unsigned long line, struct mn_error *e)
{
  long a, b;
  if (!strchr (spec, '=') && parse_range (spec, &a, &b))
    {
      if (a == b)
        return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                             "scale '%s' of item '%s' has a single value",
                             spec, it->id);
      it->scale = MN_SCALE_RANGE;
      it->lo = a;
      it->hi = b;
      return 0;
    }
  size_t n;
  char **tok = split_bar (spec, &n);
  if (n < 2)
    {
      free_strv (tok, n);
      return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                           "values '%s' of item '%s' are neither a range "
                           "such as 1..5 nor a list such as "
                           "满意=100|基本满意=60|不满意=0", spec, it->id);
    }
  it->scale = MN_SCALE_LIST;
  it->choice = xcalloc (n, sizeof *it->choice);
  for (size_t i = 0; i < n; i++)
    {
      char *eq = strrchr (tok[i], '=');
      double score;
      if (!eq || eq == tok[i] || mn_parse_double (eq + 1, &score) != 0
          || score < 0 || score > 100)
        {
          mn_error_set (e, file, line, MN_R_BAD_VALUE,
                        "value '%s' of item '%s' is not ANSWER=SCORE with "
                        "a score from 0 to 100", tok[i], it->id);
          free_strv (tok, n);
          return -1;
        }
      size_t tl;
      *eq = '\0';
      const char *t = mn_trim (tok[i], &tl);
      for (size_t j = 0; j < it->nchoice; j++)
        if (strlen (it->choice[j].text) == tl
            && memcmp (it->choice[j].text, t, tl) == 0)
          {
            mn_error_set (e, file, line, MN_R_BAD_VALUE,
                          "answer '%s' listed twice in item '%s'",
                          it->choice[j].text, it->id);
            free_strv (tok, n);
            return -1;
          }
      struct mn_choice *ch = &it->choice[it->nchoice++];
      ch->text = xmemdup0 (t, tl);
      ch->score = score;
      ch->numeric = mn_parse_double (ch->text, &ch->num) == 0;
    }
  free_strv (tok, n);
  return 0;
}

/* Mark or record the satisfied answers of IT from SPEC.  */
static int
parse_satisfied (struct mn_item *it, const char *spec, const char *file,
                 unsigned long line, struct mn_error *e)
{
  size_t n;
  char **tok = split_bar (spec, &n);
  int rc = 0;
  if (empty_token (tok, n) >= 0)
    rc = mn_error_set (e, file, line, MN_R_BAD_VALUE,
                       "satisfied answers '%s' of item '%s' hold an empty "
                       "answer", spec, it->id);
  for (size_t i = 0; i < n && rc == 0; i++)
    {
      struct mn_token t = make_token (tok[i]);
      bool found = false;
      if (!t.numeric && strstr (tok[i], ".."))
        {
          free (t.text);
          rc = mn_error_set (e, file, line, MN_R_BAD_VALUE,
                             "'%s' is not a range A..B of whole numbers "
                             "with A <= B", tok[i]);
          break;
        }
      switch (it->scale)
        {
        case MN_SCALE_LIST:
          for (size_t j = 0; j < it->nchoice; j++)
            {
              if (token_matches (&t, it->choice[j].text,
                                 it->choice[j].numeric, it->choice[j].num))
                it->choice[j].satisfied = found = true;
            }
          free (t.text);
          break;
        case MN_SCALE_RANGE:
          found = t.numeric && t.lo >= it->lo && t.hi <= it->hi;
          /* fall through */
        case MN_SCALE_ANY:
          if (it->scale == MN_SCALE_ANY)
            found = true;
          it->sat = xrealloc (it->sat, (it->nsat + 1) * sizeof *it->sat);
          it->sat[it->nsat++] = t;
          break;
        }
      if (!found)
        {
          char scale[512];
          mn_item_describe (it, scale, sizeof scale);
          rc = mn_error_set (e, file, line, MN_R_BAD_VALUE,
                             "satisfied answer '%s' is not on the scale "
                             "of item '%s' (%s)", tok[i], it->id, scale);
        }
    }
  free_strv (tok, n);
  return rc;
}

static int
parse_dontknow (struct mn_item *it, const char *spec, const char *file,
                unsigned long line, struct mn_error *e)
{
  it->dk = split_bar (spec, &it->ndk);
  if (empty_token (it->dk, it->ndk) >= 0)
    return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                         "don't-know answers '%s' of item '%s' hold an "
                         "empty answer", spec, it->id);
  for (size_t i = 0; i < it->ndk; i++)
    {
      struct mn_answer a;
      struct mn_error ignore;
      char **dk = it->dk;
      size_t ndk = it->ndk;
      it->dk = NULL, it->ndk = 0;     /* classify without them */
      bool clash = it->scale != MN_SCALE_ANY
                   && mn_item_classify (it, dk[i], &a, &ignore)
                        == MN_ANS_VALID;
      it->dk = dk, it->ndk = ndk;
      if (clash)
        return mn_error_set (e, file, line, MN_R_BAD_VALUE,
                             "don't-know answer '%s' of item '%s' is also "
                             "on its scale", dk[i], it->id);
    }
  return 0;
}

static const char *
cell (const struct mn_record *rec, long col)
{
  return col >= 0 && (size_t) col < rec->n ? rec->f[col] : "";
}

/* Cell COL of REC in NFKC: a new string.  */
static char *
nfkc_cell (const struct mn_record *rec, long col)
{
  const char *c = cell (rec, col);
  return mn_nfkc_dup (c, strlen (c));
}

/* Read one codebook row into IT.  */
static int
parse_item (struct mn_item *it, const struct mn_record *rec,
            const long col[7], const char *name, struct mn_error *e)
{
  unsigned long line = rec->line;
  size_t l;
  const char *t;
  it->line = line;
  t = mn_trim (cell (rec, col[0]), &l);
  it->id = xmemdup0 (t, l);
  t = mn_trim (cell (rec, col[1]), &l);
  it->column = mn_nfkc_dup (t, l);
  it->label = xstrdup (cell (rec, col[2]));
  if (!*it->id)
    return mn_error_set (e, name, line, MN_R_EMPTY_KEY, "empty item id");
  if (!*it->column)
    return mn_error_set (e, name, line, MN_R_EMPTY_KEY,
                         "item '%s' names no column", it->id);
  /* The answers are compared in NFKC, as the survey's are.  */
  char *values = nfkc_cell (rec, col[3]);
  char *sat = nfkc_cell (rec, col[4]);
  char *dk = nfkc_cell (rec, col[5]);
  int rc = parse_values (it, values, name, line, e) < 0
           || parse_satisfied (it, sat, name, line, e) < 0
           || parse_dontknow (it, dk, name, line, e) < 0 ? -1 : 0;
  free (values);
  free (sat);
  free (dk);
  if (rc < 0)
    return -1;
  t = mn_trim (cell (rec, col[6]), &l);
  it->weight = 1;
  if (l && (mn_parse_double (t, &it->weight) != 0 || it->weight < 0))
    return mn_error_set (e, name, line, MN_R_BAD_NUMBER,
                         "weight '%s' of item '%s' is not a number >= 0",
                         t, it->id);
  return 0;
}

/* IT's answers "0" to "9", classified for mn_item_classify's table.  */
static void
classify_digits (struct mn_item *it)
{
  it->digit_ok = 0;
  for (unsigned d = 0; d < 10; d++)
    {
      char s[2] = { (char) ('0' + d), '\0' };
      struct mn_answer a;
      struct mn_error e;
      if (mn_item_classify (it, s, &a, &e) != MN_ANS_INVALID)
        {
          it->digit[d] = a;
          it->digit_ok |= 1u << d;
        }
    }
}

int
mn_codebook_load (struct mn_codebook *cb, FILE *fp, const char *name,
                  const struct mn_reader_options *ro, struct mn_error *e)
{
  static const char *const cols[7] = { "item", "column", "label", "values",
                                       "satisfied", "dontknow", "weight" };
  static const bool required[7] = { 1, 1, 0, 1, 0, 0, 0 };
  memset (cb, 0, sizeof *cb);
  struct mn_reader *r = mn_reader_new (fp, name, ro, e);
  if (!r)
    return -1;
  struct mn_record rec;
  struct mn_header h = { 0 };
  int rc = mn_reader_next (r, &rec, e);
  if (rc == 0)
    rc = mn_error_set (e, name, 1, MN_R_EMPTY_KEY, "empty codebook");
  if (rc < 0)
    goto out;
  if ((rc = mn_record_sound (&rec, 0, name, e)) < 0)
    goto out;
  mn_header_init (&h, &rec);
  long col[7];
  for (int i = 0; i < 7; i++)
    {
      col[i] = -1;
      for (size_t j = 0; j < h.n; j++)
        if (strcmp (h.name[j], cols[i]) == 0)
          col[i] = (long) j;
      if (col[i] < 0 && required[i])
        {
          rc = mn_error_set (e, name, 1, MN_R_MISSING_COLUMN,
                             "codebook has no column '%s'%s", cols[i],
                             mn_header_delim_hint (&h));
          goto out;
        }
    }
  while ((rc = mn_reader_next (r, &rec, e)) == 1)
    {
      if ((rc = mn_record_sound (&rec, h.n, name, e)) < 0)
        break;
      cb->item = xrealloc (cb->item, (cb->n + 1) * sizeof *cb->item);
      struct mn_item *it = &cb->item[cb->n++];
      memset (it, 0, sizeof *it);
      if (parse_item (it, &rec, col, name, e) < 0)
        {
          rc = -1;
          break;
        }
      for (size_t i = 0; i + 1 < cb->n; i++)
        if (strcmp (cb->item[i].id, it->id) == 0)
          {
            rc = mn_error_set (e, name, rec.line, MN_R_BAD_VALUE,
                               "item '%s' is defined twice (first on "
                               "line %lu)", it->id, cb->item[i].line);
            break;
          }
      if (rc < 0)
        break;
    }
  if (rc == 0 && cb->n == 0)
    rc = mn_error_set (e, name, 2, MN_R_EMPTY_KEY, "codebook has no items");
out:
  mn_header_release (&h);
  mn_reader_free (r);
  if (rc < 0)
    {
      mn_codebook_release (cb);
      return -1;
    }
  for (size_t i = 0; i < cb->n; i++)
    classify_digits (&cb->item[i]);
  cb->scored = true;
  return 0;
}

int
mn_codebook_single (struct mn_codebook *cb, const char *column,
                    const char *satisfied, const char *dontknow,
                    struct mn_error *e)
{
  memset (cb, 0, sizeof *cb);
  cb->item = xcalloc (1, sizeof *cb->item);
  cb->n = 1;
  struct mn_item *it = cb->item;
  it->id = xstrdup (column);
  it->column = xstrdup (column);
  it->label = xstrdup (column);
  it->scale = MN_SCALE_ANY;
  it->weight = 1;
  if (parse_satisfied (it, satisfied, NULL, 0, e) < 0
      || parse_dontknow (it, dontknow, NULL, 0, e) < 0)
    {
      mn_codebook_release (cb);
      return -1;
    }
  if (it->nsat == 0)
    {
      mn_codebook_release (cb);
      return mn_error_set (e, NULL, 0, MN_R_USAGE,
                           "--satisfied lists no answers");
    }
  classify_digits (it);
  cb->scored = false;
  return 0;
}

enum mn_answer_kind
mn_item_classify (const struct mn_item *it, const char *s,
                  struct mn_answer *a, struct mn_error *e)
{
  unsigned d = (unsigned) ((unsigned char) s[0] - '0');
  if (d < 10 && s[1] == '\0' && (it->digit_ok >> d & 1))
    {
      *a = it->digit[d];
      return a->kind;
    }
  size_t len;
  const char *t = mn_trim (s, &len);
  /* Answers are short: copy to the stack, not the heap, on this hot
     path.  */
  char small[128];
  char *v = len < sizeof small ? small : xmalloc (len + 1);
  memcpy (v, t, len);
  v[len] = '\0';
  double x = NAN;
  bool isnum = mn_parse_double (v, &x) == 0;
  a->satisfied = false;
  a->score = NAN;
  a->x = isnum ? x : NAN;
  a->kind = MN_ANS_VALID;
  for (size_t i = 0; i < it->ndk; i++)
    if (strcmp (it->dk[i], v) == 0)
      {
        a->kind = MN_ANS_DONTKNOW;
        goto done;
      }
  char scale[512], shown[512];   /* V as a message shows it */
  switch (it->scale)
    {
    case MN_SCALE_LIST:
      for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < it->nchoice; j++)
          {
            bool hit = pass == 0
                         ? strcmp (it->choice[j].text, v) == 0
                         : isnum && it->choice[j].numeric
                             && it->choice[j].num == x;
            if (hit)
              {
                a->score = it->choice[j].score;
                a->satisfied = it->choice[j].satisfied;
                goto done;
              }
          }
      mn_item_describe (it, scale, sizeof scale);
      mn_error_set (e, NULL, 0, MN_R_BAD_VALUE,
                    "answer '%s' to item '%s' is not on its scale (%s)",
                    mn_visible (shown, sizeof shown, v, len),
                    it->id, scale);
      a->kind = MN_ANS_INVALID;
      break;
    case MN_SCALE_RANGE:
      if (!isnum)
        mn_error_set (e, NULL, 0, MN_R_BAD_NUMBER,
                      "answer '%s' to item '%s' is not a number on scale "
                      "%ld..%ld", mn_visible (shown, sizeof shown, v, len),
                      it->id, it->lo, it->hi);
      else if (x < it->lo || x > it->hi)
        mn_error_set (e, NULL, 0, MN_R_BAD_VALUE,
                      "answer '%s' to item '%s' outside scale %ld..%ld",
                      mn_visible (shown, sizeof shown, v, len), it->id,
                      it->lo, it->hi);
      else if (x != floor (x))
        mn_error_set (e, NULL, 0, MN_R_BAD_VALUE,
                      "answer '%s' to item '%s' is not a whole number on "
                      "scale %ld..%ld", mn_visible (shown, sizeof shown, v,
                                                    len),
                      it->id, it->lo, it->hi);
      else
        {
          a->score = (x - it->lo) / (double) (it->hi - it->lo) * 100.0;
          for (size_t j = 0; j < it->nsat && !a->satisfied; j++)
            a->satisfied = token_matches (&it->sat[j], v, true, x);
          break;
        }
      a->kind = MN_ANS_INVALID;
      break;
    case MN_SCALE_ANY:
      for (size_t j = 0; j < it->nsat && !a->satisfied; j++)
        a->satisfied = token_matches (&it->sat[j], v, isnum, x);
      break;
    }
done:
  if (v != small)
    free (v);
  return a->kind;
}

double
mn_codebook_composite (const struct mn_codebook *cb,
                       const struct mn_answer *a, const bool *has)
{
  double wsum = 0, wscore = 0;
  for (size_t i = 0; i < cb->n; i++)
    if (has[i] && a[i].kind == MN_ANS_VALID && !isnan (a[i].score))
      {
        wsum += cb->item[i].weight;
        wscore += cb->item[i].weight * a[i].score;
      }
  return wsum > 0 ? wscore / wsum : NAN;
}

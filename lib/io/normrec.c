/* normrec.c - a record's keys and answers in NFKC.  */
#include "io/normrec.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
mn_normrec_init (struct mn_normrec *nr)
{
  memset (nr, 0, sizeof *nr);
}

void
mn_normrec_release (struct mn_normrec *nr)
{
  for (size_t i = 0; i < nr->nbuf; i++)
    mn_nfkc_release (&nr->buf[i]);
  free (nr->buf);
  free (nr->col);
  free (nr->f);
  free (nr->len);
  memset (nr, 0, sizeof *nr);
}

void
mn_normrec_clear (struct mn_normrec *nr)
{
  nr->ncol = 0;
}

void
mn_normrec_select (struct mn_normrec *nr, long col)
{
  if (col < 0)
    return;
  for (size_t i = 0; i < nr->ncol; i++)
    if (nr->col[i] == col)
      return;
  nr->col = xgrow (nr->col, &nr->colcap, nr->ncol + 1, sizeof *nr->col);
  nr->col[nr->ncol++] = col;
  if (nr->ncol > nr->nbuf)
    {
      nr->buf = xrealloc (nr->buf, nr->ncol * sizeof *nr->buf);
      memset (&nr->buf[nr->nbuf], 0,
              (nr->ncol - nr->nbuf) * sizeof *nr->buf);
      nr->nbuf = nr->ncol;
    }
}

const struct mn_record *
mn_normrec_apply (struct mn_normrec *nr, const struct mn_record *rec)
{
  if (rec->nfkc)
    return rec;                 /* known NFKC by the reader */
  size_t i = 0;
  for (; i < nr->ncol; i++)
    {
      size_t c = (size_t) nr->col[i];
      if (c < rec->n && !mn_nfkc_stable (rec->f[c], rec->len[c]))
        break;
    }
  if (i == nr->ncol)
    return rec;                 /* all NFKC already: nothing to change */
  if (rec->n > nr->cap)
    {
      nr->f = xrealloc (nr->f, rec->n * sizeof *nr->f);
      nr->len = xrealloc (nr->len, rec->n * sizeof *nr->len);
      nr->cap = rec->n;
    }
  memcpy (nr->f, rec->f, rec->n * sizeof *nr->f);
  memcpy (nr->len, rec->len, rec->n * sizeof *nr->len);
  nr->view = *rec;
  nr->view.f = nr->f;
  nr->view.len = nr->len;
  /* From the first cell not known to be NFKC on: those before it are.  */
  for (; i < nr->ncol; i++)
    {
      size_t c = (size_t) nr->col[i];
      if (c >= rec->n)
        continue;
      size_t n;
      const char *s = mn_nfkc (&nr->buf[i], rec->f[c], rec->len[c], &n);
      nr->f[c] = (char *) s;
      nr->len[c] = n;
    }
  return &nr->view;
}

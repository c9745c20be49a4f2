/* valuelist.h - the first few values a column holds, for a message.

   When a value asked for (minyi-trend --wave, minyi-report --where) is
   in no row, the message lists the values the column does hold: the
   first MN_VALUELIST_MAX distinct ones met, then "..." when there were
   more, so that the list stays short whatever the table.  */
#ifndef MINYI_VALUELIST_H
#define MINYI_VALUELIST_H

#include <stdbool.h>
#include <stddef.h>

enum
{
  MN_VALUELIST_MAX = 10
};

struct mn_valuelist
{
  char *v[MN_VALUELIST_MAX];    /* owned: the first distinct values */
  size_t n;
  bool more;                    /* more than MN_VALUELIST_MAX of them */
};

/* Set the caller's L up empty.  Release with mn_valuelist_release.  */
void mn_valuelist_init (struct mn_valuelist *l);

void mn_valuelist_release (struct mn_valuelist *l);

/* Keep the LEN bytes at S (borrowed, copied) when new and among the
   first MN_VALUELIST_MAX values.  */
void mn_valuelist_add (struct mn_valuelist *l, const char *s, size_t len);

/* The values into the caller's BUF of SIZE bytes (SIZE >= 64), each
   quoted as mn_visible writes it, separated by ", ", with ", ..." after
   them when there were more ("'2026Q1', '2026Q2'"), cut with "..."
   when longer than BUF; returns BUF ("" when none).  */
char *mn_valuelist_format (const struct mn_valuelist *l, char *buf,
                           size_t size);

#endif

/* test-normalize.c - unit tests of NFKC (lib/base/normalize.c), values
   as messages show them (lib/base/visible.c), the NFKC view of a record
   (lib/io/normrec.c), title rows and aliases of a header
   (lib/io/header.c, lib/io/aliases.c).

   The NFKC forms expected are Python's, an independent implementation
   (Python 3.11, unicodedata.normalize):
     python3 -c "import unicodedata as u
     for s in ['５','C1\u3000','Ｃ３','①','ﾊﾟ','e\u0301','城关镇','５\u200b',
               '\u00a0x','ｑ１']: print(repr(u.normalize('NFKC', s)))"
   prints '5' 'C1 ' 'C3' '1' 'パ' 'é' '城关镇' '5\u200b' ' x' 'q1'.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "base/normalize.h"
#include "base/visible.h"
#include "io/aliases.h"
#include "io/header.h"
#include "io/normrec.h"
#include "tap.h"

static const char *
nfkc (struct mn_nfkc *b, const char *s)
{
  size_t n;
  const char *r = mn_nfkc (b, s, strlen (s), &n);
  static char out[64];
  snprintf (out, sizeof out, "%.*s", (int) n, r);
  return out;
}

static const char *
shown (const char *s)
{
  static char buf[128];
  return mn_visible (buf, sizeof buf, s, strlen (s));
}

static struct mn_record
record (char **f, size_t *len, size_t n)
{
  for (size_t i = 0; i < n; i++)
    len[i] = strlen (f[i]);
  return (struct mn_record) { .n = n, .f = f, .len = len, .line = 3 };
}

int
main (void)
{
  /* ASCII and the fast check.  */
  ok (mn_ascii ("C0001,2026Q1 and more", 21), "ascii: plain text");
  ok (!mn_ascii ("C0001\xe3\x80\x80", 8), "ascii: U+3000 is not");
  ok (mn_nfkc_stable ("城关镇满意C1", 17), "stable: CJK ideographs and ASCII");
  ok (!mn_nfkc_stable ("C1\xe3\x80\x80", 5), "stable: U+3000 is not known");
  ok (!mn_nfkc_stable ("\xef\xbc\x95", 3), "stable: full-width 5 is not");
  ok (!mn_nfkc_stable ("\xe5\x9f", 2), "stable: a cut character is not");
  /* The word-at-a-time skip: a character at every offset of a word,
     and one cut by the end at every offset.  */
  {
    int good = 1;
    for (int at = 0; at < 20 && good; at++)
      {
        char s[32];
        memset (s, 'a', sizeof s);
        memcpy (s + at, "\xe5\x9f\x8e", 3);
        good &= mn_nfkc_stable (s, 24);
        good &= !mn_nfkc_stable (s, (size_t) at + 2);
        memcpy (s + at, "\xef\xbc\x95", 3);
        good &= !mn_nfkc_stable (s, 24);
        s[at] = '\x80';
        good &= !mn_nfkc_stable (s, 24);
      }
    ok (good, "stable: CJK, full-width and stray bytes at every offset");
  }
  ok (!mn_nfkc_stable ("城关\xef\xbc\x95", 9), "stable: full-width 5 ending a CJK run");
  ok (!mn_nfkc_stable ("城关\xe5\x9f", 8), "stable: a CJK run cut by the end");
  ok (!mn_nfkc_stable ("城\xe5\x41\x8e镇", 9), "stable: a bad continuation in a run");
  ok (mn_nfkc_stable ("a城关镇", 10), "stable: a run to the end");
  /* Against the rule written plainly, on random strings of ASCII,
     CJK lead bytes, continuation bytes and others.  */
  {
    static const unsigned char pick[] = { 'a', ',', 0xE4, 0xE9, 0xE3, 0xEA,
                                          0x80, 0xBF, 0xC0, 0x7F };
    unsigned long x = 12345;
    int good = 1;
    for (int t = 0; t < 200000 && good; t++)
      {
        unsigned char s[24];
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        size_t n = (x >> 33) % sizeof s;
        for (size_t i = 0; i < n; i++)
          {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            /* Mostly well-formed: a CJK character or an ASCII byte.  */
            unsigned r = (unsigned) (x >> 40) % 16;
            if (r < 6 && i + 3 <= n)
              {
                s[i] = (unsigned char) (0xE4 + r);
                s[i + 1] = 0x80 | (unsigned char) (x >> 20 & 0x3F);
                s[i + 2] = 0x80 | (unsigned char) (x >> 10 & 0x3F);
                i += 2;
              }
            else
              s[i] = pick[(x >> 50) % sizeof pick];
          }
        bool want = true;
        for (size_t i = 0; i < n && want;)
          if (s[i] < 0x80)
            i++;
          else if (s[i] >= 0xE4 && s[i] <= 0xE9 && i + 3 <= n
                   && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
            i += 3;
          else
            want = false;
        good &= mn_nfkc_stable ((const char *) s, n) == want;
      }
    ok (good, "stable: as the plain rule on 200000 random strings");
  }

  /* NFKC, against Python's.  */
  struct mn_nfkc b = { 0 };
  streq (nfkc (&b, "\xef\xbc\x95"), "5", "nfkc: full-width 5");
  streq (nfkc (&b, "C1\xe3\x80\x80"), "C1 ", "nfkc: U+3000 is a space");
  streq (nfkc (&b, "\xef\xbc\xa3\xef\xbc\x93"), "C3", "nfkc: full-width C3");
  streq (nfkc (&b, "\xe2\x91\xa0"), "1", "nfkc: circled 1");
  streq (nfkc (&b, "\xef\xbe\x8a\xef\xbe\x9f"), "\xe3\x83\x91",
         "nfkc: half-width katakana composed");
  streq (nfkc (&b, "e\xcc\x81"), "\xc3\xa9", "nfkc: e + acute composed");
  streq (nfkc (&b, "城关镇"), "城关镇", "nfkc: Chinese unchanged");
  streq (nfkc (&b, "\xef\xbc\x95\xe2\x80\x8b"), "5\xe2\x80\x8b",
         "nfkc: zero-width space kept");
  streq (nfkc (&b, "\xc2\xa0x"), " x", "nfkc: no-break space");
  size_t n;
  const char *bad = "a\xff";
  ok (mn_nfkc (&b, bad, 2, &n) == bad && n == 2,
      "nfkc: invalid UTF-8 returned as read");
  mn_nfkc_release (&b);
  char *d = mn_nfkc_dup ("\xef\xbd\x91\xef\xbc\x91", 6);
  streq (d, "q1", "nfkc_dup: full-width q1");
  free (d);

  /* Values in messages.  */
  streq (shown ("5\xe3\x80\x80"), "5<U+3000>", "visible: U+3000");
  streq (shown ("5\xe2\x80\x8b"), "5<U+200B>", "visible: zero-width space");
  streq (shown ("\xef\xbc\x95"), "<U+FF15>", "visible: full-width 5");
  streq (shown ("a\tb"), "a<U+0009>b", "visible: tab");
  streq (shown ("\xc2\xa0"), "<U+00A0>", "visible: no-break space");
  streq (shown ("城关镇 1组"), "城关镇 1组", "visible: Chinese and a space");
  streq (shown ("a\xff"), "a<0xFF>", "visible: a byte not UTF-8");
  char small[16];
  streq (mn_visible (small, sizeof small, "城关镇城关镇城关镇", 27), "城...",
         "visible: cut at a character");
  char kb[64];
  streq (mn_visible_key (kb, sizeof kb, "2026Q1\0C0001", 12),
         "2026Q1,C0001", "visible key: every column, joined by commas");
  streq (mn_visible_key (kb, sizeof kb, "C1\xe3\x80\x80", 5),
         "C1<U+3000>", "visible key: one column, shown as mn_visible does");
  char kb20[20];
  streq (mn_visible_key (kb20, sizeof kb20, "城关镇\0城关镇城关镇\0C1", 33),
         "城关镇,...", "visible key: cut after a whole value");

  /* The NFKC view of a record: only selected cells, the record kept.  */
  char *f[] = { "C1\xe3\x80\x80", "\xef\xbc\x95", "Ｘ" };
  size_t len[3];
  struct mn_record rec = record (f, len, 3);
  struct mn_normrec nr;
  mn_normrec_init (&nr);
  mn_normrec_select (&nr, 0);
  mn_normrec_select (&nr, 1);
  mn_normrec_select (&nr, 1);
  mn_normrec_select (&nr, -1);
  mn_normrec_select (&nr, 7);
  const struct mn_record *v = mn_normrec_apply (&nr, &rec);
  ok (v != &rec, "normrec: a view when a cell changes");
  streq (v->f[0], "C1 ", "normrec: cell 0 in NFKC");
  ok (v->len[1] == 1 && strcmp (v->f[1], "5") == 0, "normrec: cell 1");
  ok (v->f[2] == f[2], "normrec: a cell not selected is as read");
  ok (v->line == 3 && v->n == 3, "normrec: line and count kept");
  streq (rec.f[0], "C1\xe3\x80\x80", "normrec: the record is as read");
  char *g[] = { "C1", "5", "x" };
  struct mn_record plain = record (g, len, 3);
  ok (mn_normrec_apply (&nr, &plain) == &plain,
      "normrec: the record itself when nothing changes");
  mn_normrec_release (&nr);

  /* Title rows.  */
  char *t1[] = { "紫阳县2014年第三季度群众满意度调查", "", " ", "" };
  size_t tl[4];
  struct mn_record title = record (t1, tl, 4);
  ok (mn_title_row (&title), "title: one cell filled");
  char *t2[] = { "", "", "" };
  struct mn_record blank = record (t2, tl, 3);
  ok (mn_title_row (&blank), "title: a blank row");
  char *t3[] = { "wave", "cadre" };
  struct mn_record hdr = record (t3, tl, 2);
  ok (!mn_title_row (&hdr), "title: a header is not");
  char *t4[] = { "调查表" };
  struct mn_record one = record (t4, tl, 1);
  ok (!mn_title_row (&one), "title: one field is not (a one-column header)");

  /* Aliases.  */
  char path[] = "/tmp/minyi-aliases.XXXXXX";
  int fd = mkstemp (path);
  const char text[] = "name,alias,note\ncadre,干部编号,\nhousehold, 户号 ,\n"
                      "cadre,Cadre ID,\nq1,满意度,\n";
  ok (fd >= 0 && write (fd, text, sizeof text - 1) == sizeof text - 1,
      "aliases: file written");
  close (fd);
  struct mn_aliases al;
  struct mn_error e;
  ok (mn_aliases_load (&al, path, &e) == 0 && al.n == 4, "aliases: loaded");
  streq (mn_aliases_name (&al, "干部编号"), "cadre", "aliases: 干部编号");
  streq (mn_aliases_name (&al, "户号\xe3\x80\x80"), "household",
         "aliases: trimmed and NFKC before matching");
  streq (mn_aliases_name (&al, "cadre id"), "cadre",
         "aliases: ASCII case ignored");
  ok (mn_aliases_name (&al, "村") == NULL, "aliases: not one");
  ok (mn_aliases_name (NULL, "干部编号") == NULL, "aliases: none");

  char *h1[] = { "季度", "干部编号", "ｑ１" };
  size_t hl[3];
  struct mn_record hrec = record (h1, hl, 3);
  struct mn_header_opts ho = { &al, MN_SKIP_AUTO };
  struct mn_header h;
  mn_header_init_opts (&h, &hrec, &ho);
  streq (h.name[1], "cadre", "header: alias renamed");
  streq (h.name[2], "q1", "header: name in NFKC");
  ok (h.orig && strcmp (h.orig[1], "干部编号") == 0
        && strcmp (h.orig[0], "季度") == 0, "header: names as read kept");
  ok (mn_header_find (&h, "cadre", "s.csv", &e) == 1, "find: by name");
  ok (mn_header_find (&h, "干部编号", "s.csv", &e) == 1, "find: as read");
  ok (mn_header_find (&h, "Cadre ID", "s.csv", &e) == 1,
      "find: another alias of the name");
  ok (mn_header_find (&h, "household", "s.csv", &e) == -1
        && e.line == 3, "find: missing, on the header's line");
  streq (e.msg, "no column 'household' (columns: 季度, cadre (as read: "
                "干部编号), q1 (as read: ｑ１)); a columns file (--columns, "
                "minyi-formats(5)) maps other names to the suite's",
         "find: the columns listed as read");
  mn_header_release (&h);
  mn_aliases_release (&al);

  const char twice[] = "name,alias\ncadre,干部\nhousehold,干部\n";
  fd = open (path, O_WRONLY | O_TRUNC);
  ok (fd >= 0 && write (fd, twice, sizeof twice - 1) == sizeof twice - 1,
      "aliases: second file written");
  close (fd);
  ok (mn_aliases_load (&al, path, &e) == -1 && e.line == 3
        && e.reason == MN_R_BAD_VALUE, "aliases: an alias of two names");
  unlink (path);
  return tap_done ();
}

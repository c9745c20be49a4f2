/* xlsx.c - a report as an Excel workbook (libxlsxwriter).  */
#include "report/xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "base/xalloc.h"
#include "io/output.h"
#include "report/dwidth.h"
#include "report/layout.h"

/* A column of the ranking sheet: a key, a text field or a number.  */
struct xcol
{
  const char *head;
  int key;              /* >= 0: key number */
  int field;            /* enum mn_rf, or -1 */
  bool prop;            /* a proportion: shown with the decimals */
  size_t width;         /* display width of its widest cell */
};

/* The columns of T: its keys, then every field it has, in the order of
   minyi-rank's table (and under the same names), so that the sheet
   saved as CSV reads as the table it came from, intervals included.  */
static size_t
columns (const struct mn_rtable *t, struct xcol *c, size_t max)
{
  static const struct { int field; const char *head; bool prop; } order[] = {
    { MN_RF_NAME, "name", false }, { MN_RF_UNIT, "unit", false },
    { MN_RF_POSITION, "position", false },
    { MN_RF_TOWNSHIP, "township", false },
    { MN_RF_N, "n", false }, { MN_RF_SAT, "sat", false },
    { MN_RF_RATE, "rate", true }, { MN_RF_LO, "lo", true },
    { MN_RF_HI, "hi", true }, { MN_RF_POST_MEAN, "post_mean", true },
    { MN_RF_POST_LO, "post_lo", true }, { MN_RF_POST_HI, "post_hi", true },
    { MN_RF_RANK, "rank", false }, { MN_RF_RANKED, "ranked", false },
    { MN_RF_RANK_MEDIAN, "rank_median", false },
    { MN_RF_RANK_LO, "rank_lo", false }, { MN_RF_RANK_HI, "rank_hi", false },
    { MN_RF_PTOP, NULL, true }, { MN_RF_POSTERIOR, "posterior", false },
    { MN_RF_TIER, "tier", false }, { MN_RF_TIER_RULE, "tier_rule", false },
    { MN_RF_ROSTER, "roster", false },
    { MN_RF_FUNNEL_FLAG, "funnel_flag", false },
    { MN_RF_LEVEL, "level", false },
  };
  size_t n = 0;
  for (size_t k = 0; k < t->nkey && n < max; k++)
    c[n++] = (struct xcol) { t->keyname[k], (int) k, -1, false, 0 };
  for (size_t i = 0; i < sizeof order / sizeof *order && n < max; i++)
    if (t->has[order[i].field])
      c[n++] = (struct xcol) {
        order[i].head ? order[i].head
                      : t->ptop_name ? t->ptop_name : "p_top",
        -1, order[i].field, order[i].prop, 0 };
  return n;
}

/* Make the workbook in the file PATH.  */
static lxw_error
make (const struct mn_rtable *t, const struct mn_xlsx_opts *o,
      const char *path)
{
  /* A fixed date: the same input, the same bytes.  */
  lxw_workbook *wb = workbook_new (path);
  if (!wb)
    return LXW_ERROR_CREATING_TMPFILE;
  lxw_doc_properties props = {
    .title = (char *) (o->title ? o->title
                                : "Ranking of cadres by villagers' "
                                  "satisfaction"),
    .comments = (char *) "Made by minyi-report",
    .created = 315532800 };     /* 1980-01-01 00:00 UTC */
  workbook_set_properties (wb, &props);
  lxw_format *bold = workbook_add_format (wb);
  format_set_bold (bold);
  format_set_text_wrap (bold);
  lxw_format *prop = workbook_add_format (wb);
  char fmt[32] = "0.";
  for (int i = 0; i < o->decimals && i < 16; i++)
    strcat (fmt, "0");
  format_set_num_format (prop, o->decimals > 0 ? fmt : "0");
  lxw_format *wrap = workbook_add_format (wb);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);

  lxw_worksheet *ws = workbook_add_worksheet (wb, "ranking");
  struct xcol c[64];
  size_t nc = columns (t, c, 64);
  for (size_t j = 0; j < nc; j++)
    {
      worksheet_write_string (ws, 0, (lxw_col_t) j, c[j].head, bold);
      c[j].width = mn_dwidth (c[j].head, strlen (c[j].head));
    }
  for (size_t i = 0; i < t->nrow; i++)
    {
      const struct mn_rrow *r = &t->row[i];
      lxw_row_t row = (lxw_row_t) (i + 1);
      for (size_t j = 0; j < nc; j++)
        {
          const char *s = NULL;
          if (c[j].key >= 0)
            s = mn_rrow_key (t, r, (size_t) c[j].key);
          else if (c[j].field < MN_RF_FIRST_NUM)
            s = r->text[c[j].field];
          else
            {
              double x = r->x[c[j].field];
              if (!isnan (x))
                {
                  worksheet_write_number (ws, row, (lxw_col_t) j, x,
                                          c[j].prop ? prop : NULL);
                  c[j].width = c[j].width > 8 ? c[j].width : 8;
                }
              continue;
            }
          if (s && *s)
            {
              worksheet_write_string (ws, row, (lxw_col_t) j, s, NULL);
              size_t w = mn_dwidth (s, strlen (s));
              if (w > c[j].width)
                c[j].width = w;
            }
        }
    }
  /* Widths in Excel's character units, a CJK character counting two;
     at most 60, long rules wrap.  */
  for (size_t j = 0; j < nc; j++)
    worksheet_set_column (ws, (lxw_col_t) j, (lxw_col_t) j,
                          (double) (c[j].width < 60 ? c[j].width + 2 : 60),
                          NULL);
  worksheet_freeze_panes (ws, 1, 0);
  if (nc > 0)
    worksheet_autofilter (ws, 0, 0, (lxw_row_t) t->nrow,
                          (lxw_col_t) (nc - 1));

  lxw_worksheet *ns = workbook_add_worksheet (wb, "notes");
  worksheet_set_column (ns, 0, 0, 24, NULL);
  worksheet_set_column (ns, 1, 1, 100, wrap);
  lxw_row_t row = 0;
  worksheet_write_string (ns, row++, 0, props.title, bold);
  worksheet_write_string (ns, row++, 0, "Method notes", bold);
  const char *note[MN_NOTES_MAX];
  size_t nn = mn_report_notes (t, note);
  for (size_t i = 0; i < nn; i++)
    worksheet_write_string (ns, row++, 1, note[i], wrap);
  row++;
  worksheet_write_string (ns, row, 0, "file read", bold);
  worksheet_write_string (ns, row++, 1, "encoding, records, used, rejected",
                          bold);
  for (size_t i = 0; i < o->ninput; i++)
    {
      const struct mn_prov_input *p = &o->input[i];
      char buf[256];
      snprintf (buf, sizeof buf, "%s, %lu, %lu, %lu",
                p->encoding ? p->encoding : "", p->records, p->used,
                p->rejected);
      worksheet_write_string (ns, row, 0, p->name, NULL);
      worksheet_write_string (ns, row++, 1, buf, NULL);
    }
  if (o->provenance)
    {
      row++;
      worksheet_write_string (ns, row++, 0, o->provenance, bold);
      struct mn_input in;
      struct mn_error e;
      if (mn_input_open (&in, o->provenance, o->ro, &e) == 0)
        {
          struct mn_record rec;
          while (mn_input_next (&in, &rec, &e) == 1 && rec.n >= 2)
            {
              worksheet_write_string (ns, row, 0, rec.f[0], NULL);
              worksheet_write_string (ns, row++, 1, rec.f[1], NULL);
            }
          mn_input_close (&in);
        }
    }
  row++;
  char made[128];
  snprintf (made, sizeof made, "Made by minyi-report (minyi) %s",
            o->version);
  worksheet_write_string (ns, row, 0, made, NULL);
  return workbook_close (wb);
}

int
mn_report_xlsx (const struct mn_rtable *t, const struct mn_xlsx_opts *o,
                FILE *out, struct mn_error *e)
{
  /* The provenance file must be readable: checked first, so that a
     workbook is written whole or not at all.  */
  if (o->provenance)
    {
      struct mn_input in;
      if (mn_input_open (&in, o->provenance, o->ro, e) < 0)
        return -1;
      mn_input_close (&in);
    }
  const char *dir = getenv ("TMPDIR");
  if (!dir || !*dir)
    dir = "/tmp";
  size_t len = strlen (dir) + sizeof "/minyi-xlsx.XXXXXX";
  char *path = xmalloc (len);
  snprintf (path, len, "%s/minyi-xlsx.XXXXXX", dir);
  int fd = mkstemp (path);
  if (fd < 0)
    {
      int err = errno;
      free (path);
      return mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                           "cannot make a temporary file in %s: %s", dir,
                           strerror (err));
    }
  close (fd);
  /* Removed by the signal handler too: an interrupted run leaves no
     temporary file.  */
  mn_output_remember (path);
  lxw_error rc = make (t, o, path);
  int ret = 0;
  FILE *in = rc == LXW_NO_ERROR ? fopen (path, "rb") : NULL;
  if (!in)
    ret = mn_error_set (e, NULL, 0, MN_R_SYSTEM, "cannot write the "
                        "workbook: %s", rc != LXW_NO_ERROR
                                        ? lxw_strerror (rc)
                                        : strerror (errno));
  else
    {
      char buf[65536];
      size_t n;
      while ((n = fread (buf, 1, sizeof buf, in)) > 0)
        fwrite (buf, 1, n, out);
      if (ferror (in))
        ret = mn_error_set (e, NULL, 0, MN_R_SYSTEM,
                            "cannot read the workbook back");
      fclose (in);
    }
  unlink (path);
  mn_output_forget (path);
  free (path);
  return ret;
}

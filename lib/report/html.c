/* html.c - a self-contained HTML report.  */
#include "report/html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/input.h"
#include "report/dwidth.h"

void
mn_html_escape (const char *s, FILE *out)
{
  for (; *s; s++)
    switch (*s)
      {
      case '&': fputs ("&amp;", out); break;
      case '<': fputs ("&lt;", out); break;
      case '>': fputs ("&gt;", out); break;
      case '"': fputs ("&quot;", out); break;
      case '\'': fputs ("&#39;", out); break;
      default: putc (*s, out);
      }
}

/* The style: readable on screen, a committee pack on paper.  */
static const char style[] =
  "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
  "\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em;color:#111}\n"
  "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}\n"
  "table{border-collapse:collapse;font-size:0.9em}\n"
  "th,td{border:1px solid #bbb;padding:0.2em 0.5em;vertical-align:top}\n"
  "th{background:#eee;text-align:left}\n"
  "td.num{text-align:right;font-variant-numeric:tabular-nums;"
  "white-space:nowrap}\n"
  "td.short{white-space:nowrap}\n"
  "tr.unranked td{color:#666}\n"
  "p.note,li{max-width:50em}\n"
  "@media print{body{margin:0;font-size:10pt}"
  "thead{display:table-header-group}"
  "tr{page-break-inside:avoid;break-inside:avoid}"
  "h2{page-break-after:avoid;break-after:avoid}}\n";

/* A cell: a number right-aligned; a short text (a name, a township, a
   tier: 12 display columns at most) kept on one line, so that a
   Chinese name is never broken; longer text wraps.  */
static void
cell (const char *s, bool num, FILE *out)
{
  fputs (num ? "<td class=\"num\">"
         : mn_dwidth (s, strlen (s)) <= 12 ? "<td class=\"short\">"
         : "<td>", out);
  mn_html_escape (s, out);
  fputs ("</td>", out);
}

static void
write_ranking (struct mn_layout *l, const struct mn_rtable *t, FILE *out)
{
  mn_layout_fit (l, t, (size_t) -1, 0);
  fputs ("<table class=\"ranking\">\n<thead><tr>", out);
  for (size_t j = 0; j < l->ncol; j++)
    {
      fputs ("<th>", out);
      mn_html_escape (l->col[j].head, out);
      fputs ("</th>", out);
    }
  fputs ("</tr></thead>\n<tbody>\n", out);
  char buf[1024];
  for (size_t i = 0; i < t->nrow; i++)
    {
      const struct mn_rrow *r = &t->row[i];
      fputs (t->ranking && isnan (r->x[MN_RF_RANK])
             ? "<tr class=\"unranked\">" : "<tr>", out);
      for (size_t j = 0; j < l->ncol; j++)
        cell (mn_layout_cell (l, t, r, &l->col[j], buf, sizeof buf),
              l->col[j].right, out);
      fputs ("</tr>\n", out);
    }
  fputs ("</tbody>\n</table>\n", out);
}

static void
li (const char *s, FILE *out)
{
  fputs ("<li>", out);
  mn_html_escape (s, out);
  fputs ("</li>\n", out);
}

static void
write_notes (const struct mn_rtable *t, FILE *out)
{
  const char *note[MN_NOTES_MAX];
  size_t n = mn_report_notes (t, note);
  fputs ("<h2>Method notes</h2>\n<ul>\n", out);
  for (size_t i = 0; i < n; i++)
    li (note[i], out);
  fputs ("</ul>\n", out);
}

/* The provenance file PATH, field and value a row, as a table.  */
static int
write_sidecar (const char *path, const struct mn_reader_options *ro,
               FILE *out, struct mn_error *e)
{
  struct mn_input in;
  if (mn_input_open (&in, path, ro, e) < 0)
    return -1;
  fputs ("<h3>", out);
  mn_html_escape (path, out);
  fputs ("</h3>\n<table class=\"provenance\">\n", out);
  struct mn_record rec;
  int got;
  while ((got = mn_input_next (&in, &rec, e)) > 0)
    {
      if (got == 2 || rec.n < 2)
        {
          if (got != 2)
            mn_error_set (e, in.name, rec.line, MN_R_RAGGED,
                          "a provenance row is field,value");
          mn_input_close (&in);
          return -1;
        }
      fputs ("<tr><th>", out);
      mn_html_escape (rec.f[0], out);
      fputs ("</th>", out);
      cell (rec.f[1], false, out);
      fputs ("</tr>\n", out);
    }
  fputs ("</table>\n", out);
  mn_input_close (&in);
  return got < 0 ? -1 : 0;
}

int
mn_report_html (struct mn_layout *l, const struct mn_rtable *t,
                const struct mn_html_opts *o, FILE *out, struct mn_error *e)
{
  /* The provenance file is read first, so that a page is written
     whole or not at all.  */
  char *side = NULL;
  size_t sidelen = 0;
  if (o->provenance)
    {
      FILE *mem = open_memstream (&side, &sidelen);
      if (!mem)
        return mn_error_set (e, NULL, 0, MN_R_SYSTEM, "out of memory");
      int rc = write_sidecar (o->provenance, o->ro, mem, e);
      fclose (mem);
      if (rc < 0)
        {
          free (side);
          return -1;
        }
    }
  const char *title = o->title ? o->title : "Ranking of cadres by villagers' "
                                            "satisfaction";
  fputs ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
         "<meta charset=\"utf-8\">\n<title>", out);
  mn_html_escape (title, out);
  fprintf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
           style);
  mn_html_escape (title, out);
  fputs ("</h1>\n<p class=\"note\">", out);
  fprintf (out, "%zu rows", t->nrow);
  if (o->where)
    {
      fputs (" where ", out);
      mn_html_escape (o->where, out);
      fputs (" is ", out);
      mn_html_escape (o->where_val, out);
    }
  fputs (". Rows whose rank intervals overlap cannot be told apart.</p>\n",
         out);
  write_ranking (l, t, out);
  write_notes (t, out);
  fputs ("<h2>Provenance</h2>\n<table class=\"inputs\">\n<thead><tr>"
         "<th>file read</th><th>encoding</th><th>records</th><th>used</th>"
         "<th>rejected</th></tr></thead>\n<tbody>\n", out);
  for (size_t i = 0; i < o->ninput; i++)
    {
      const struct mn_prov_input *p = &o->input[i];
      char n[3][32];
      snprintf (n[0], sizeof n[0], "%lu", p->records);
      snprintf (n[1], sizeof n[1], "%lu", p->used);
      snprintf (n[2], sizeof n[2], "%lu", p->rejected);
      fputs ("<tr>", out);
      cell (p->name, false, out);
      cell (p->encoding ? p->encoding : "", false, out);
      for (int k = 0; k < 3; k++)
        cell (n[k], true, out);
      fputs ("</tr>\n", out);
    }
  fputs ("</tbody>\n</table>\n", out);
  if (o->scores)
    {
      fputs ("<p class=\"note\">Intervals joined from ", out);
      mn_html_escape (o->scores, out);
      fputs (".</p>\n", out);
    }
  if (side)
    fwrite (side, 1, sidelen, out);
  free (side);
  fputs ("<p class=\"note\">Made by minyi-report (minyi) ", out);
  mn_html_escape (o->version, out);
  fputs (".</p>\n</body>\n</html>\n", out);
  return 0;
}

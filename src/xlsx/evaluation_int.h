/*
 * evaluation_int.h - shared by the two files of the evaluation document (xlsx):
 * evaluation.c (the page layer, the summary page, the workbook) and evaluation_plan.c
 * (a plan's page). Not for others.
 */
#ifndef RR_XLSX_EVALUATION_INT_H
#define RR_XLSX_EVALUATION_INT_H

#include <xlsxwriter.h>

#include "xlsx/evaluation.h"
#include "xlsx/sheet.h"

/* A plan's page, A4 portrait: names and titles in A, dates and counts in B-F, notes in
 * G (or F:G merged). LibreOffice prints these 100 characters at about 91 % with
 * Carlito, so 11-point text prints at 10 points and the 10-point sources at 9. */
enum { P_A, P_B, P_C, P_D, P_E, P_F, P_G, P_COLUMNS };
static const double P_WIDTHS[P_COLUMNS] = {26, 10, 9.5, 9.5, 10, 9.5, 26};

/* Rows of a trend chart: 15 rows of 15 points hold its 288 pixels. */
#define CHART_ROWS 16

typedef struct {
    lxw_workbook *wb;
    sheet_formats f;
    lxw_format *wrap;        /* wrapped text, top aligned (rows sized here, not by sheet.c) */
    lxw_format *wrap_bold;
    lxw_format *wrap_note;   /* grey italic, wrapped */
    lxw_format *paragraph;   /* the plain-language paragraph */
    lxw_format *lagging;     /* an action line that lags: amber fill */
    lxw_format *source;      /* the numbered sources: grey, 10 points */
    lxw_format *history;     /* an earlier report under its action: grey, indented */
    lxw_format *date;        /* dd-mm-jjjj, top aligned, no indent (narrow columns) */
    const rr_analysis *an;
    const rr_evaluation *ev;
    char *footer;
    diag_list *diags;
    const char *path;
    GPtrArray *sheet_names;  /* g_free'd names in use */
} doc;

/* One sheet being written, with the sources it cites and the rows' heights. */
typedef struct {
    doc *d;
    sheet s;
    const double *widths;
    int columns;
    GPtrArray *sources;      /* distinct source texts, numbered on the sheet */
    double height;           /* the current row's height for its wrapped texts */
} page;

/* ---- the page layer (evaluation.c) ---- */

/* The points a text has in columns first..last (merged: their widths and the padding
 * between them), as xlsx/textfit measures a printed line. */
double evaluation_span_points(const page *p, int first, int last);

/* Text in columns first..last (merged when more than one), wrapped; the row grows to
 * hold it. */
void evaluation_put_text(page *p, int first, int last, const char *text, lxw_format *format);
void evaluation_put_date(page *p, int col, rr_date date);

/* Ends the row, as high as its tallest wrapped text. */
void evaluation_end_row(page *p);

/* The number of a source on the page ("[2]"), adding it once; 0 for none. */
int evaluation_source_number(page *p, const char *source);

/* "note [2]": a text with the number of its source. g_free. */
char *evaluation_cite(page *p, const char *text, const char *source);

/* A section's title, an empty row above it. */
void evaluation_section(page *p, const char *title);

/* A header row (bold on blue: a table to tests/xlsx_facts.py). names[i] NULL leaves a
 * column out; align[i] 'R' sets a name right, over numbers; `merge_last` > 0 merges
 * the last column to that column. */
void evaluation_header(page *p, const char *const *names, const char *align, int count,
                       int merge_last);

/* A grey remark over the page's width. */
void evaluation_note(page *p, const char *text);

/* The paragraph in plain language over the page's width. */
void evaluation_put_paragraph(page *p, const char *text);

/* What stands in a midpoint's column of a plan without a status there. Static. */
const char *evaluation_no_midpoint(const eval_plan *e);

/* A progress group as the document names it ("nooit gemeld" for unknown). Static. */
const char *evaluation_group_label(progress_group g);

/* "lokaal plan", "actieplan (concept)". Static, overwritten by the next call. */
const char *evaluation_plan_kind(const rr_plan *plan);

/* A new sheet named after `name` (made valid and unique), with these column widths.
 * False when libxlsxwriter refuses it. */
bool evaluation_page_open(page *p, doc *d, const char *name, const double *widths, int columns);

/* The page's numbered sources, then its print layout (portrait or landscape). */
void evaluation_page_close(page *p, bool portrait);

/* ---- a plan's page (evaluation_plan.c) ---- */

/* The sheet of one plan. False when a sheet was refused. */
bool evaluation_write_plan(doc *d, const eval_plan *e);

#endif

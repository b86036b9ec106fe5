/*
 * workbook_int.h - shared between workbook.c and workbook_sheets.c; not for others.
 */
#ifndef RR_WORKBOOK_INT_H
#define RR_WORKBOOK_INT_H

#include "xlsx/sheet.h"
#include "xlsx/workbook.h"

typedef struct {
    lxw_workbook *wb;
    sheet_formats f;
    const wb_input *in;
    diag_list *notes;
    char *footer;           /* sheet_footer_text: "Stand per 15-01-2023" */
    char *scope;            /* what the report covers, in every page header */
    const char *path;       /* the workbook's destination, for messages */
    bool failed;            /* a sheet could not be added */
    /* Where Overzicht's table stands, for the charts on Grafieken (set by its writer,
     * which runs first): the sheet's name (borrowed), its header row and first row. */
    const char *summary_name;
    lxw_row_t summary_header, summary_first;
} wb_ctx;

/* Opens a sheet; marks the context failed when libxlsxwriter refuses it. */
bool wb_open_sheet(wb_ctx *c, sheet *s, const char *name);

/* Finishes a sheet, reporting a libxlsxwriter error once. */
void wb_finish_sheet(wb_ctx *c, sheet *s);

/* Region and owner display names. */
const char *wb_region_name(const rr_owner *owner);
const char *wb_owner_kind(const rr_owner *owner);

/* The theme labels of an action, joined by ", " (g_free). */
char *wb_theme_labels(const rr_action *action);

/* "<owner>/<actie_id>" (g_free). */
char *wb_action_ref(const rr_action *action);

void wb_write_actions(wb_ctx *c, sheet *s);
void wb_write_changes(wb_ctx *c, sheet *s);
void wb_write_trend(wb_ctx *c, sheet *s);
void wb_write_timelines(wb_ctx *c, sheet *s);
void wb_write_extensions(wb_ctx *c, sheet *s);
void wb_write_action_lines(wb_ctx *c, sheet *s);
void wb_write_themes(wb_ctx *c, sheet *s);
void wb_write_midterm(wb_ctx *c, sheet *s);
void wb_write_figures(wb_ctx *c, sheet *s);
void wb_write_population(wb_ctx *c, sheet *s);
void wb_write_budget(wb_ctx *c, sheet *s);
void wb_write_budget_totals(wb_ctx *c, sheet *s);

#endif

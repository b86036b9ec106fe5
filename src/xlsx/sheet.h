/*
 * sheet.h - one table on a worksheet, written row by row.
 *
 * Keeps the current row, widens columns to fit what was written, and on
 * sheet_finish() sets the autofilter, the frozen header, column widths and the
 * print layout (A4 landscape, one page wide, header repeated, report date and page
 * number in the footer). All cell writes go through cells.h, so text from the
 * data is always a string cell.
 */
#ifndef RR_SHEET_H
#define RR_SHEET_H

#include <stdbool.h>
#include <stdint.h>
#include <xlsxwriter.h>

#include "load/period.h"
#include "xlsx/cells.h"

#define SHEET_MAX_COLUMNS 64

/* The formats every sheet uses, created once per workbook. */
typedef struct {
    lxw_format *title;
    lxw_format *subtitle;
    lxw_format *header;
    lxw_format *text;      /* wraps long text, aligned to the top */
    lxw_format *plain;     /* short text */
    lxw_format *date;      /* dd-mm-yyyy */
    lxw_format *integer;
    lxw_format *decimal;   /* 0.00 */
    lxw_format *euro;
    lxw_format *euro_bold;
    lxw_format *percent;
    lxw_format *bold;
    lxw_format *signal[3]; /* fills by rr_signal */
    lxw_format *note;      /* grey italic remarks */
} sheet_formats;

void sheet_formats_init(sheet_formats *f, lxw_workbook *wb);

typedef struct {
    lxw_worksheet *ws;
    const char *name;
    const sheet_formats *f;
    xlsx_context ctx;
    lxw_row_t row;          /* next row to write */
    lxw_row_t header_row;
    int columns;            /* columns of the header */
    bool has_header;
    double width[SHEET_MAX_COLUMNS];
    double max_width[SHEET_MAX_COLUMNS];
    double header_chars[SHEET_MAX_COLUMNS]; /* length of each header name */
    lxw_error error;        /* first libxlsxwriter error, kept to report once */
    /* A table longer than a sheet continues on "<base> (2)", ...: see sheet_continue. */
    const char *const *header_names; /* the header's names (the caller's array) */
    const char *base_name;  /* the first sheet's name */
    int part;               /* 1 on the first sheet, 2 on "<base> (2)", ... */
    char part_name[40];     /* this sheet's name when part > 1 */
} sheet;

/* Adds a worksheet. Returns false when libxlsxwriter rejects the name. */
bool sheet_open(sheet *s, lxw_workbook *wb, const char *name, const sheet_formats *f,
                diag_list *notes);

/* A title line (and optional subtitle) above the table. */
void sheet_title(sheet *s, const char *title, const char *subtitle);

/* Writes a row in the header style without making it the table's header (for the
 * small tables above or below a sheet's main table). */
void sheet_header_row(sheet *s, const char *const *names, int count);

/* Writes the header row; `max_widths` (may be NULL) caps each column's width,
 * e.g. to let long texts wrap. */
void sheet_header(sheet *s, const char *const *names, int count, const double *max_widths);

/* Cell writers for the current row; they widen the column to fit. */
void sheet_text(sheet *s, int col, const char *text);
void sheet_text_format(sheet *s, int col, const char *text, lxw_format *format);
void sheet_date(sheet *s, int col, rr_date date);
void sheet_int(sheet *s, int col, double value);
void sheet_number(sheet *s, int col, double value, lxw_format *format);
void sheet_cents(sheet *s, int col, int64_t cents);
void sheet_percent(sheet *s, int col, double share);

/* Moves to the next row. */
void sheet_next_row(sheet *s);

/* A grey remark on its own row ("no data", explanations). */
void sheet_note(sheet *s, const char *text);

/* Autofilter over the table, frozen header, widths, print layout; `footer` is the
 * centre footer text (no '&'). */
void sheet_finish(sheet *s, const char *footer);

/* The rows a worksheet holds: Excel's 1,048,576, or RR_MAX_SHEET_ROWS from the
 * environment when set (a test hook, so tests can prove continuation with a few
 * rows; at least 4). */
lxw_row_t sheet_max_rows(void);

/* Whether the table fills its sheet: the next row would be the sheet's last, which
 * is kept for the note that says where the table continues. */
bool sheet_full(const sheet *s);

/* Continues a full table (one opened with sheet_header) on a new sheet "<name> (2)",
 * "(3)", ...: writes a note in the full sheet's last row naming the new sheet,
 * finishes the full sheet, and makes `s` the new sheet with the same header and
 * column widths. The new sheet goes after the workbook's last sheet. Returns false
 * when libxlsxwriter refuses the sheet (then `s` is left as it was: rows that do not
 * fit are dropped with the error reported by sheet_finish). */
bool sheet_continue(sheet *s, lxw_workbook *wb, const char *footer);

#endif

/*
 * sheet.h - one table on a worksheet, written row by row: the one xlsx layer of the
 * report workbook and the status-update form (template.c).
 *
 * Keeps the current row, widens columns to fit what was written, and on
 * sheet_finish() sets the autofilter, the frozen header, column widths and the
 * print layout (A4 landscape, or portrait for a page of text, one page wide, header
 * repeated, sheet name, report date and page number in the footer). All cell writes
 * go through cells.h, so text from the data is always a string cell.
 */
#ifndef RR_SHEET_H
#define RR_SHEET_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
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
    lxw_format *alert;     /* bold dark red: what must be acted on before anything else */
    /* Cells a reader fills in (the form's input columns): a light yellow fill. */
    lxw_format *input_header;
    lxw_format *input;      /* short text */
    lxw_format *input_text; /* wraps long text */
    lxw_format *input_date; /* dd-mm-yyyy */
    lxw_format *header_right; /* header over a column of numbers */
    lxw_format *header_up;    /* header written upwards over a narrow column of counts */
    lxw_format *year;         /* 2023, not 2,023 */
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
    int input_first;        /* first input column (header in the input colour) */
    int input_count;        /* 0: no input columns */
    int freeze_columns;     /* columns frozen at the left, beside the header */
    bool portrait;          /* a page of text rather than a wide table */
    lxw_error error;        /* first libxlsxwriter error, kept to report once */
    /* A table longer than a sheet continues on "<base> (2)", ...: see sheet_continue. */
    const char *const *header_names; /* the header's names (the caller's array) */
    const char *base_name;  /* the first sheet's name */
    int part;               /* 1 on the first sheet, 2 on "<base> (2)", ... */
    char part_name[40];     /* this sheet's name when part > 1 */
    /* Print and screen layout. */
    bool numeric[SHEET_MAX_COLUMNS]; /* holds numbers: its header is aligned right */
    bool upright[SHEET_MAX_COLUMNS]; /* header written upwards, column kept narrow */
    lxw_row_t table_last;   /* last row of the main table (header_row: no data yet) */
    bool table_closed;      /* rows written after sheet_end_table are not the table's */
    int print_columns;      /* > 0: only the first print_columns columns are printed */
    GArray *wraps;          /* wrapped texts of the table, to size their rows (owned) */
    bool flat;              /* sheet_flat: in a large workbook its rows are not sized */
    /* The printed page's header (sheet_page_header): borrowed, NULL for none. */
    const char *page_title, *page_scope, *page_date;
    char **header_copy;     /* the header's names, kept for sheet_finish (owned) */
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
void sheet_year(sheet *s, int col, int year);
void sheet_number(sheet *s, int col, double value, lxw_format *format);
void sheet_cents(sheet *s, int col, int64_t cents);
void sheet_percent(sheet *s, int col, double share);

/* A date cell in `format` (e.g. an empty input cell: RR_DATE_NONE). */
void sheet_date_format(sheet *s, int col, rr_date date, lxw_format *format);

/* A line in the title style on its own row, for the sections of a page of text. */
void sheet_heading(sheet *s, const char *text);

/* A row of a page of text: `label` in bold in column A, `text` wrapped in column B. */
void sheet_pair(sheet *s, const char *label, const char *text);

/* ---- settings; call these after sheet_open ---- */

/* Gives columns 0..count-1 these widths (characters) whatever is written in them;
 * after sheet_header, which otherwise resets the caps. A width of 0 leaves that
 * column to fit its contents. */
void sheet_fixed_widths(sheet *s, const double *widths, int count);

/* Marks columns first..first+count-1 as the ones a reader fills in: the header
 * (written afterwards) shows them in the input colour. Before sheet_header. */
void sheet_input_columns(sheet *s, int first, int count);

/* Protects the sheet without a password: only cells in the input formats (unlocked)
 * can be changed; sorting, filtering and column widths and row heights stay free. */
void sheet_protect(sheet *s);

/* Keeps the first `columns` columns in view when scrolling sideways. */
void sheet_freeze_columns(sheet *s, int columns);

/* Marks a flat table kept for pivot tables rather than for reading (Data): in a
 * constant-memory workbook (a large report) its rows are not sized to their wrapped
 * texts, which would cost a third of the report's time there. */
void sheet_flat(sheet *s);

/* Prints the sheet upright (a page of text) instead of landscape. */
void sheet_portrait(sheet *s);

/* Heads every printed page with what it shows (`title`, left, bold), what it covers
 * (`scope`, centre) and the report date (`date`, right), so a page read on its own
 * still says so. '&' prints as itself; a text too long for a header is cut with "…".
 * The strings are borrowed until sheet_finish. */
void sheet_page_header(sheet *s, const char *title, const char *scope, const char *date);

/* ---- drop-down lists and checked input ---- */

/* What Excel shows when a checked cell is selected and when the input is refused. */
typedef struct {
    const char *title;
    const char *message;
    const char *error_title;
    const char *error_message;
} sheet_prompt;

/* Whether libxlsxwriter 1.1.4 writes `items` (NULL-terminated) as a drop-down list
 * safely and Excel accepts it: ASCII (a non-ASCII list can overflow a heap buffer in
 * 1.1.4, docs/pitfalls.md), no ',' or '"', joined with commas under 255 bytes. */
bool sheet_list_is_safe(const char *const *items);

/* A drop-down list of `items` (NULL-terminated) on rows first..last (0-based) of
 * column `col`. Returns false, writing nothing, when the list is not safe
 * (sheet_list_is_safe); a libxlsxwriter error is kept for sheet_finish. */
bool sheet_validate_list(sheet *s, int col, lxw_row_t first, lxw_row_t last,
                         const char *const *items, const sheet_prompt *prompt);

/* Only dates from RR_YEAR_MIN to RR_YEAR_MAX on rows first..last of column `col`. */
void sheet_validate_dates(sheet *s, int col, lxw_row_t first, lxw_row_t last,
                          const sheet_prompt *prompt);

/* ---- print and screen layout of a table ---- */

/* Marks the columns first..last (before sheet_header) as narrow columns of counts:
 * their header names are written upwards, so a table of many counts fits a page. */
void sheet_upright(sheet *s, int first, int last);

/* Ends the main table at the last row written: what follows (notes, a second table,
 * a block of facts) stays outside its autofilter. sheet_note and sheet_header_row
 * end it too. */
void sheet_end_table(sheet *s);

/* Prints only the first `columns` columns (the ones a meeting reads; the sheet puts
 * them first); the others stay for the screen. */
void sheet_print_columns(sheet *s, int columns);

/* Keeps the first libxlsxwriter error of the sheet's writes (a chart, a page break)
 * for sheet_finish's caller to report once; LXW_NO_ERROR is ignored. */
void sheet_remember(sheet *s, lxw_error err);

/* Moves to the next row. */
void sheet_next_row(sheet *s);

/* A grey remark on its own row ("no data", explanations). */
void sheet_note(sheet *s, const char *text);

/* A line in bold dark red on its own row, above a table: what to act on first. */
void sheet_alert(sheet *s, const char *text);

/* Autofilter over the table (header to its last row, nothing after it), frozen
 * header, widths, headers of number columns aligned right, rows as high as their
 * wrapped texts, print layout; `footer` is the centre footer text (no '&'), the same
 * on every sheet: sheet_footer_text. Frees what the sheet kept for its layout. */
void sheet_finish(sheet *s, const char *footer);

/* The footer's centre text of every sheet of a workbook made on `as_of`:
 * "Stand per dd-mm-jjjj". The caller frees it (g_free). */
char *sheet_footer_text(rr_date as_of);

/* The rows a worksheet holds: Excel's 1,048,576, or fewer through the test hook
 * RR_MAX_SHEET_ROWS (base/testhooks.h), so tests can prove continuation with a few
 * rows; at least 4. */
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

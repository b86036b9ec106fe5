/*
 * xlsx_facts.h - any xlsx workbook read back with openpyxl (tests/xlsx_facts.py), for
 * the suites to check what a user would see.
 *
 * Sheets are found by name, tables by one of their header names, columns by header
 * name, rows by the values of key columns: a new column, a moved table or a new sheet
 * does not make a test read the wrong cell. Every lookup that must succeed fails the
 * test with what the workbook holds instead. See tests/README.md.
 *
 * Memory: xf_read returns a book the caller frees with xf_free; every pointer and
 * string the other functions return points into the book and lives as long as it.
 */
#ifndef RR_XLSX_FACTS_H
#define RR_XLSX_FACTS_H

#include <check.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "load/period.h"

/* One cell: openpyxl's data type ('s' text, 'n' number, 'd' date, 'b' boolean,
 * 'f' formula, 'e' error; '-' empty), bold, solid fill ("#RRGGBB" or ""), and the
 * value as text (a date as YYYY-MM-DD, a whole number without decimals; "" if empty). */
typedef struct {
    char type;
    bool bold;
    bool grouped;          /* a number shown with thousands separators ("3.060") */
    char fill[8];
    const char *value;
} xf_cell;

/* A row of a table, or a line of text outside the tables. */
typedef struct {
    long row;              /* 1-based row number on its sheet */
    gchar **cells;         /* encoded cells, NULL-terminated (use xf_cell_at) */
} xf_row;

typedef struct {
    const char *sheet;
    long header_row;
    const char **names;    /* header names, NULL-terminated */
    gchar **header;        /* the header's encoded cells (use xf_header_cell) */
    GPtrArray *rows;       /* xf_row*, in order */
} xf_table;

typedef struct {
    const char *name;
    long max_row;
    const char *orientation; /* "landscape" */
    const char *paper;       /* "9" is A4 */
    const char *fit;         /* "True" when fit to page */
    const char *autofilter;  /* "A4:V13" or "" */
    const char *freeze;      /* top-left unfrozen cell, or "" */
    const char *footer_left;
    const char *footer;      /* the centre footer */
    const char *footer_right;
    int charts;              /* native charts on the sheet */
    int drawings;            /* charts and images */
    int overlaps;            /* pairs of drawings that overlap */
    int print_scale;         /* per cent it prints at on A4, fit to the page */
    const char *title_rows;  /* the rows repeated on every printed page ("$1:$1"), or "" */
    /* The autofilter (when autofilter[0]): empty rows inside it, filled cells right
     * below it, and whether the panes freeze right below its header. */
    int filter_empty_rows, filter_cells_below;
    bool filter_frozen;
    /* In the filtered table's header: names set right straight before one set left
     * (they print as one word), and those pairs as "a|b,c|d". */
    int headers_touching;
    const char *headers_touching_names;
    /* Rows (in the printed columns) lower than their wrapped texts need, and the first
     * such row ("" when none). */
    int rows_too_low;
    const char *first_low_row;
    /* Header words wider than their column, which print broken inside the word. */
    int header_words_broken;
    const char *header_words_broken_names;
} xf_sheet;

/* A native chart: its sheet, title, number of series, and its value axis's step and
 * minimum as the file gives them ("" where the spreadsheet chooses). */
typedef struct {
    const char *sheet;
    const char *title;
    int series;
    const char *major_unit;
    const char *min;
} xf_chart;

typedef struct xf_book xf_book;

/* Reads a workbook with /usr/bin/python3 tests/xlsx_facts.py; fails the test when it
 * cannot (python3-openpyxl missing is a failure: scripts/install-deps installs it). */
xf_book *xf_read(const char *xlsx);
/* The facts tests/xlsx_facts.py printed, parsed: for a workbook read once and checked
 * by many tests (the output of xf_facts_text). */
xf_book *xf_parse(const char *facts);
/* Runs tests/xlsx_facts.py on a workbook without failing the test: its output, or NULL
 * with *error set (g_free both). For a fixture outside a test (Check's unchecked
 * fixtures run in the runner itself, where a failed assertion would end the run). */
char *xf_facts_text(const char *xlsx, char **error);
void xf_free(xf_book *book); /* accepts NULL */

/* The sheets in workbook order, and their names joined with ','. */
size_t xf_sheet_count(const xf_book *book);
const xf_sheet *xf_sheet_at(const xf_book *book, size_t i);
const char *xf_sheet_names(const xf_book *book);
/* The sheet of that name, or NULL. */
const xf_sheet *xf_sheet_get(const xf_book *book, const char *name);

/* The first table on `sheet` whose header has a column `column`; fails the test when
 * there is none, naming the tables the sheet has. */
const xf_table *xf_table_get(const xf_book *book, const char *sheet, const char *column);
/* The same, NULL when there is none. */
const xf_table *xf_table_find(const xf_book *book, const char *sheet, const char *column);

/* The header rows (tables) on `sheet`. */
size_t xf_table_count(const xf_book *book, const char *sheet);

/* The table on `sheet` whose header is exactly `header` (names joined with ','), for a
 * sheet with several tables that share column names; fails the test when there is none. */
const xf_table *xf_table_with_header(const xf_book *book, const char *sheet, const char *header);

/* The header as one text, names joined with ','. */
char *xf_header_text(const xf_table *table); /* g_free */
/* The index of a column; fails the test when the header lacks it. */
int xf_column(const xf_table *table, const char *name);
bool xf_has_column(const xf_table *table, const char *name);

size_t xf_row_count(const xf_table *table);
const xf_row *xf_row_at(const xf_table *table, size_t i);

/* A cell of a row by the column's header name (fails when there is no such column). */
xf_cell xf_get(const xf_table *table, const xf_row *row, const char *column);
/* Its value as text ("" when empty). */
const char *xf_value(const xf_table *table, const xf_row *row, const char *column);
/* A header cell (its fill, its bold), by its name; fails when there is none. */
xf_cell xf_header_cell(const xf_table *table, const char *column);
/* The i-th encoded cell of a row (0-based), decoded; an empty cell past the end. */
xf_cell xf_cell_at(const xf_row *row, size_t i);

/* The first row whose columns have the given values: name/value pairs, NULL-terminated
 * (xf_find(t, "Eigenaar", "Arnhem", "Soort", "gemeente", NULL)); NULL if none. */
const xf_row *xf_find(const xf_table *table, ...) G_GNUC_NULL_TERMINATED;
/* The same row, failing the test (with the table's rows) when there is none. */
const xf_row *xf_get_row(const xf_table *table, ...) G_GNUC_NULL_TERMINATED;
/* The first row whose `column` contains `needle`; NULL if none. */
const xf_row *xf_find_containing(const xf_table *table, const char *column, const char *needle);
/* How many rows have `value` in `column`. */
size_t xf_count(const xf_table *table, const char *column, const char *value);

/* Checks of one cell: NULL when it holds, else what is wrong with the sheet, row and
 * column named (g_free). The xf_assert_* macros fail the test at the caller's line. */
char *xf_check_text(const xf_table *t, const xf_row *row, const char *column, const char *want);
char *xf_check_number(const xf_table *t, const xf_row *row, const char *column, double want);
/* A real date cell of that day; an empty cell for RR_DATE_NONE. */
char *xf_check_date(const xf_table *t, const xf_row *row, const char *column, rr_date want);

#define XF_ASSERT_(check)                                                                   \
    do {                                                                                    \
        char *xf_wrong_ = (check);                                                          \
        ck_assert_msg(xf_wrong_ == NULL, "%s", xf_wrong_);                                  \
    } while (0)
#define xf_assert_text(t, row, column, want) XF_ASSERT_(xf_check_text(t, row, column, want))
#define xf_assert_number(t, row, column, want) XF_ASSERT_(xf_check_number(t, row, column, want))
#define xf_assert_date(t, row, column, want) XF_ASSERT_(xf_check_date(t, row, column, want))

/* The first remark (a grey italic line) on `sheet` containing `needle`; NULL if none. */
const char *xf_note(const xf_book *book, const char *sheet, const char *needle);
/* The lines outside the tables on `sheet` (titles, facts): xf_row*. */
const GPtrArray *xf_texts(const xf_book *book, const char *sheet);
/* A line outside the tables whose first cell is `label`; NULL if none. */
const xf_row *xf_text_row(const xf_book *book, const char *sheet, const char *label);
/* The first non-empty cell after `label` on such a line ("label ... value", as on
 * Bronnen); NULL if there is no such line or value. */
const char *xf_text_value(const xf_book *book, const char *sheet, const char *label);

/* Whether any cell of the workbook (in a table, a note or a line of text) contains
 * `needle`. */
bool xf_book_has_text(const xf_book *book, const char *needle);

/* Formula cells in the whole workbook. */
long xf_formula_count(const xf_book *book);

/* The book's native charts, in sheet order. */
size_t xf_chart_count(const xf_book *book);
const xf_chart *xf_chart_at(const xf_book *book, size_t i);

/* The first data validation of that type ("list", "date") on the sheet: its cell range
 * and first formula through *range and *formula (may be NULL); false if none. */
bool xf_validation(const xf_book *book, const char *sheet, const char *type,
                   const char **range, const char **formula);

/* ---- the workbook as LibreOffice prints it (tests/render_facts.py) ---- */

/* One printed page: the sheet it belongs to (its left footer), the size in points of
 * most of its text and of its smallest, and its page header's texts joined by " | ". */
typedef struct {
    int number;
    const char *sheet;
    double body_pt, smallest_pt;
    const char *header;
    int hashes;            /* texts printed as "###": a number too wide for its column */
} xf_page;

typedef struct xf_print xf_print;

/* Prints a workbook with LibreOffice and reads the PDF back (tests/render_facts.py):
 * its output, or NULL with *error set (g_free both). Slow (seconds): once per suite. */
char *xf_render_text(const char *xlsx, char **error);
/* That output parsed; xf_print_free frees it (accepts NULL). */
xf_print *xf_print_parse(const char *text);
void xf_print_free(xf_print *print);
size_t xf_page_count(const xf_print *print);
const xf_page *xf_page_at(const xf_print *print, size_t i);

#endif

/* sheet.c - tables on worksheets: widths, header, print layout. */
#include "xlsx/sheet.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "analyse/analyse.h"
#include "base/i18n.h"
#include "base/testhooks.h"
#include "base/vocab.h"
#include "xlsx/textfit.h"

/* Creates a format with a background colour and a thin border. */
static lxw_format *fill_format(lxw_workbook *wb, uint32_t colour)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_bg_color(f, colour);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f); /* a warning on a fill wraps in its column, as text does */
    return f;
}

/* A number set right with room after it: it never touches the text of the column to
 * its right ("3.200,00 Jeugdhulpbudget" printed as one). The room is in the number
 * format ("_)" leaves the width of a parenthesis), not an indent: LibreOffice drops
 * the indent of a right-aligned cell set to the top of a higher row. */
static lxw_format *number_format(lxw_workbook *wb, const char *code)
{
    gchar *padded = g_strconcat(code, "_)_)", NULL);
    lxw_format *f = workbook_add_format(wb);
    format_set_num_format(f, padded);
    format_set_align(f, LXW_ALIGN_RIGHT);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    g_free(padded);
    return f;
}

/* The header look (bold on a fill, wrapped, a line below): the report's headers
 * and their variants on the light blue, the form's input headers on a darker yellow. */
#define HEADER_FILL 0xD9E1F2
static lxw_format *header_format(lxw_workbook *wb, uint32_t colour)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_bold(f);
    format_set_bg_color(f, colour);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bottom(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/* The cells a reader fills in: the header's look in a darker yellow, the cells a
 * light yellow (formats never used in a workbook are not written to it). */
static void input_formats_init(sheet_formats *f, lxw_workbook *wb)
{
    f->input_header = header_format(wb, 0xFFD966);
    f->input = fill_format(wb, 0xFFF2CC);
    f->input_text = fill_format(wb, 0xFFF2CC);
    format_set_text_wrap(f->input_text);
    f->input_date = fill_format(wb, 0xFFF2CC);
    format_set_num_format(f->input_date, "dd-mm-yyyy");
    /* The only cells a protected sheet lets one change (sheet_protect). */
    format_set_unlocked(f->input);
    format_set_unlocked(f->input_text);
    format_set_unlocked(f->input_date);
}

void sheet_formats_init(sheet_formats *f, lxw_workbook *wb)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->subtitle = workbook_add_format(wb);
    format_set_italic(f->subtitle);
    format_set_font_color(f->subtitle, 0x595959);
    f->header = header_format(wb, HEADER_FILL);
    f->text = workbook_add_format(wb);
    format_set_text_wrap(f->text);
    format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
    f->plain = workbook_add_format(wb);
    format_set_align(f->plain, LXW_ALIGN_VERTICAL_TOP);
    f->date = workbook_add_format(wb);
    format_set_num_format(f->date, "dd-mm-yyyy");
    format_set_align(f->date, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(f->date, LXW_ALIGN_LEFT);
    format_set_indent(f->date, 1); /* apart from a count on its left */
    f->integer = number_format(wb, "#,##0"); /* 3,060 reads at a glance, 3060 not */
    f->decimal = number_format(wb, "0.00");
    f->euro = number_format(wb, "[$€-413] #,##0.00");
    f->euro_bold = number_format(wb, "[$€-413] #,##0.00");
    format_set_bold(f->euro_bold);
    f->percent = number_format(wb, "0%");
    f->bold = workbook_add_format(wb);
    format_set_bold(f->bold);
    format_set_align(f->bold, LXW_ALIGN_VERTICAL_TOP);
    for (int i = 0; i < SIGNAL_COUNT; i++)
        f->signal[i] = fill_format(wb, vocab_signal_fill(i));
    f->note = workbook_add_format(wb);
    format_set_italic(f->note);
    format_set_font_color(f->note, 0x7F7F7F);
    f->alert = workbook_add_format(wb);
    format_set_bold(f->alert);
    format_set_font_color(f->alert, 0xC00000);
    input_formats_init(f, wb);
    f->year = number_format(wb, "0");
    f->header_right = header_format(wb, HEADER_FILL);
    format_set_align(f->header_right, LXW_ALIGN_RIGHT);
    format_set_indent(f->header_right, 1); /* over its numbers, which keep as far right */
    f->header_up = header_format(wb, HEADER_FILL);
    format_set_rotation(f->header_up, 90);
    format_set_align(f->header_up, LXW_ALIGN_CENTER);
    format_set_align(f->header_up, LXW_ALIGN_VERTICAL_BOTTOM);
}

bool sheet_open(sheet *s, lxw_workbook *wb, const char *name, const sheet_formats *f,
                diag_list *notes)
{
    memset(s, 0, sizeof *s);
    s->ws = workbook_add_worksheet(wb, name);
    s->name = name;
    s->base_name = name;
    s->part = 1;
    s->f = f;
    s->ctx.notes = notes;
    s->ctx.sheet = name;
    return s->ws != NULL;
}

/* Keeps the first error; later writes are still attempted so one run shows all. */
void sheet_remember(sheet *s, lxw_error err)
{
    if (err != LXW_NO_ERROR && s->error == LXW_NO_ERROR)
        s->error = err;
}

/* Widens column col to fit `chars` characters (capped by the header's maximum). */
static void fit(sheet *s, int col, double chars)
{
    /* Rows after the main table (a second table, facts) wrap in its columns. */
    if (col < 0 || col >= SHEET_MAX_COLUMNS || s->table_closed)
        return;
    double cap = s->max_width[col] > 0 ? s->max_width[col] : 60;
    /* Widths are in characters of the default font; other fonts (LibreOffice,
     * Gnumeric) run wider, so leave some room. */
    double want = chars * 1.1 + 2;
    double w = want > cap ? cap : want;
    if (w > s->width[col])
        s->width[col] = w;
}

void sheet_title(sheet *s, const char *title, const char *subtitle)
{
    sheet_remember(s, xlsx_text(s->ws, s->row++, 0, title, s->f->title, &s->ctx));
    if (subtitle)
        sheet_remember(s, xlsx_text(s->ws, s->row++, 0, subtitle, s->f->subtitle, &s->ctx));
    s->row++;
}

static void remember_wrap(sheet *s, int col, const char *text, bool bold);

/* The width of a column of upright counts (characters): three digits and the room
 * after them. */
#define UPRIGHT_WIDTH 5.0
static void size_row(sheet *s, const GArray *wraps, guint *i);

/* Writes header cells; in the main header a column marked upright gets its name
 * written upwards and stays narrow. */
static void write_header_cells(sheet *s, const char *const *names, int count, bool main)
{
    for (int c = 0; c < count && c < SHEET_MAX_COLUMNS; c++) {
        bool up = main && s->upright[c];
        bool input = c >= s->input_first && c < s->input_first + s->input_count;
        sheet_remember(s, xlsx_text(s->ws, s->row, (lxw_col_t)c, names[c],
                              up ? s->f->header_up : input ? s->f->input_header : s->f->header,
                              &s->ctx));
        if (!main) /* the main header's height is set by sheet_finish */
            remember_wrap(s, c, names[c], true);
        if (up)
            continue;
        /* A header wraps at spaces, so its longest word sets the minimum width. */
        double longest = 0;
        gchar **words = g_strsplit(names[c], " ", -1);
        for (gchar **w = words; *w; w++)
            if (g_utf8_strlen(*w, -1) > longest)
                longest = (double)g_utf8_strlen(*w, -1);
        g_strfreev(words);
        fit(s, c, longest + 1);
    }
    s->row++;
}

void sheet_header_row(sheet *s, const char *const *names, int count)
{
    sheet_end_table(s); /* a second table below the main one */
    write_header_cells(s, names, count, false);
}

void sheet_upright(sheet *s, int first, int last)
{
    for (int c = first; c <= last && c >= 0 && c < SHEET_MAX_COLUMNS; c++)
        s->upright[c] = true;
}

void sheet_end_table(sheet *s)
{
    if (s->has_header)
        s->table_closed = true;
}

void sheet_print_columns(sheet *s, int columns)
{
    s->print_columns = columns;
}

/* A cell of the current row was written: it belongs to the main table unless that
 * ended; a number makes its column a number column. */
static void mark(sheet *s, int col, bool number)
{
    if (!s->has_header || s->table_closed || s->row <= s->header_row)
        return;
    s->table_last = s->row;
    if (number && col >= 0 && col < SHEET_MAX_COLUMNS)
        s->numeric[col] = true;
}

/* A wrapped text on the current row, remembered so sheet_finish can make its row as
 * high as its lines (spreadsheets do not grow a row for text written this way;
 * LibreOffice then prints the lines over each other). */
typedef struct {
    lxw_row_t row;
    int col;
    int lines;
} wrapped_text;

/* The width column `col` will have when the sheet is finished, as far as a text of
 * `chars` characters decides it: in the main table a text longer than the column's
 * cap takes the column to its cap (fit), a shorter one gets the room it wants; below
 * the table the widths are final already. */
static double final_width(const sheet *s, int col, double chars)
{
    if (s->table_closed)
        return s->width[col] > 0 ? s->width[col] : 8.43; /* 8.43: Excel's default */
    double cap = s->max_width[col] > 0 ? s->max_width[col] : 60;
    double want = chars * 1.1 + 2; /* as fit() */
    double width = want > cap ? cap : want;
    return width > s->width[col] ? width : s->width[col];
}

static void remember_wrap(sheet *s, int col, const char *text, bool bold)
{
    if ((s->flat && s->ws->optimize) || !text || col < 0 || col >= SHEET_MAX_COLUMNS ||
        strlen(text) < 8)
        return;
    /* Carlito has Calibri's widths (the workbook's font): wrapped in the room Excel
     * gives (LibreOffice gives a little more), the lines are never too few. Counting
     * characters instead made rows of lower-case text a line or two too high. */
    double width = final_width(s, col, (double)g_utf8_strlen(text, -1));
    /* A point to spare: a text within a hair of the edge (textfit's widths are rounded
     * to 1/1000 em) may wrap on the reader's screen. */
    wrapped_text w = {.row = s->row, .col = col,
                      .lines = textfit_lines(text, textfit_column_points_excel(width) - 1.0,
                                             11.0, bold)};
    if (w.lines < 2)
        return;
    if (!s->wraps)
        s->wraps = g_array_new(FALSE, FALSE, sizeof(wrapped_text));
    g_array_append_val(s->wraps, w);
}

/* Lines the header row needs for its longest wrapped name at the current widths. */
/* The indent of a header over numbers (header_right): a level is a character wide. */
#define HEADER_INDENT_POINTS (textfit_column_points_excel(1.0))

/* Excel's room for the header name of column `c`, in points. */
static double header_room(const sheet *s, int c)
{
    return textfit_column_points_excel(s->width[c]) - (s->numeric[c] ? HEADER_INDENT_POINTS : 0);
}

/* Lines the header row needs for its longest wrapped name at the current widths:
 * the names wrapped in bold Carlito (Calibri's widths), where the sheet has them. */
static int header_lines(const sheet *s)
{
    int most = 1;
    for (int c = 0; c < s->columns && c < SHEET_MAX_COLUMNS; c++) {
        if (s->upright[c] || !s->header_copy || !s->header_copy[c])
            continue;
        int lines = textfit_lines(s->header_copy[c], header_room(s, c) - 1.0, 11.0, true);
        if (lines > most)
            most = lines;
    }
    return most;
}

/* Widens every column whose header holds a word longer than its room, so a name
 * wraps at its spaces and never inside a word ("afgeron" / "d"): the widths the
 * sheets ask for are in characters, which bold words outrun. */
static void keep_header_words_whole(sheet *s)
{
    for (int c = 0; c < s->columns && c < SHEET_MAX_COLUMNS && s->header_copy; c++) {
        if (s->upright[c] || !s->header_copy[c])
            continue;
        double longest = 0;
        gchar **words = g_strsplit(s->header_copy[c], " ", -1);
        for (gchar **w = words; *w; w++) {
            double points = textfit_width(*w, 11.0, true);
            longest = points > longest ? points : longest;
        }
        g_strfreev(words);
        double need = longest + (s->numeric[c] ? HEADER_INDENT_POINTS : 0) + 1.0; /* a point spare */
        if (textfit_column_points_excel(s->width[c]) < need) /* in half characters */
            s->width[c] = (double)(int)(need / textfit_column_points_excel(1.0) * 2 + 0.99) / 2;
    }
}

static double header_height(const sheet *s);

void sheet_header(sheet *s, const char *const *names, int count, const double *max_widths)
{
    s->header_row = s->row;
    s->columns = count;
    s->has_header = true;
    s->header_names = names;
    s->table_last = s->header_row;
    s->table_closed = false;
    g_strfreev(s->header_copy);
    s->header_copy = g_new0(char *, (gsize)count + 1);
    for (int c = 0; c < count && c < SHEET_MAX_COLUMNS; c++) {
        s->max_width[c] = max_widths && max_widths[c] > 0 ? max_widths[c] : 0;
        if (s->upright[c]) /* three-digit counts and room after them, narrow even when
                            * empty (Excel's default is wider); sheet_int widens it */
            s->max_width[c] = s->width[c] = UPRIGHT_WIDTH;
        s->header_chars[c] = (double)g_utf8_strlen(names[c], -1);
        s->header_copy[c] = g_strdup(names[c]);
    }
    write_header_cells(s, names, count, true);
    /* A workbook in constant-memory mode (large reports) writes each row out when
     * the next one starts, so the header's height is set now, for the narrowest
     * the columns can be; sheet_finish sets it otherwise. */
    if (s->ws->optimize) {
        double height = header_height(s);
        if (height > 15.0)
            sheet_remember(s, worksheet_set_row(s->ws, s->header_row, height, NULL));
    }
}

void sheet_text_format(sheet *s, int col, const char *text, lxw_format *format)
{
    sheet_remember(s, xlsx_text(s->ws, s->row, (lxw_col_t)col, text, format, &s->ctx));
    mark(s, col, false);
    if (format == s->f->text || format == s->f->header || format == s->f->signal[SIGNAL_RED] ||
        format == s->f->signal[SIGNAL_AMBER] || format == s->f->signal[SIGNAL_GREEN])
        remember_wrap(s, col, text, format == s->f->header);
    /* Nothing to measure when the column cannot get wider from this text: it is at
     * its cap already, or the text has fewer bytes (so characters) than it fits. */
    if (col >= 0 && col < SHEET_MAX_COLUMNS && text) {
        double cap = s->max_width[col] > 0 ? s->max_width[col] : 60;
        if (s->width[col] >= cap || (double)strlen(text) * 1.1 + 2 <= s->width[col])
            return;
    }
    /* Fit the longest line; very long texts wrap at the cap. */
    double longest = 0;
    const char *line = text;
    while (line && *line) {
        const char *end = strchr(line, '\n');
        glong n = end ? g_utf8_strlen(line, end - line) : g_utf8_strlen(line, -1);
        if (n > longest)
            longest = (double)n;
        line = end ? end + 1 : NULL;
    }
    fit(s, col, longest);
}

void sheet_text(sheet *s, int col, const char *text)
{
    sheet_text_format(s, col, text, s->f->text);
}

void sheet_date(sheet *s, int col, rr_date date)
{
    sheet_remember(s, xlsx_date(s->ws, s->row, (lxw_col_t)col, date, s->f->date));
    mark(s, col, false);
    fit(s, col, 10);
}

void sheet_date_format(sheet *s, int col, rr_date date, lxw_format *format)
{
    sheet_remember(s, xlsx_date(s->ws, s->row, (lxw_col_t)col, date, format));
    fit(s, col, 10);
}

void sheet_heading(sheet *s, const char *text)
{
    sheet_remember(s, xlsx_text(s->ws, s->row++, 0, text, s->f->title, &s->ctx));
}

void sheet_pair(sheet *s, const char *label, const char *text)
{
    sheet_text_format(s, 0, label, s->f->bold);
    sheet_text(s, 1, text);
    sheet_next_row(s);
}

void sheet_fixed_widths(sheet *s, const double *widths, int count)
{
    for (int c = 0; c < count && c < SHEET_MAX_COLUMNS; c++)
        if (widths[c] > 0)
            s->width[c] = s->max_width[c] = widths[c];
}

void sheet_protect(sheet *s)
{
    /* In libxlsxwriter's options a 1 allows what the name says. */
    lxw_protection allow = {.format_columns = 1, .format_rows = 1, .sort = 1, .autofilter = 1};
    worksheet_protect(s->ws, NULL, &allow);
}

void sheet_input_columns(sheet *s, int first, int count)
{
    s->input_first = first;
    s->input_count = count;
}

void sheet_freeze_columns(sheet *s, int columns)
{
    s->freeze_columns = columns;
}

void sheet_portrait(sheet *s)
{
    s->portrait = true;
}

void sheet_flat(sheet *s)
{
    s->flat = true;
}

void sheet_page_header(sheet *s, const char *title, const char *scope, const char *date)
{
    s->page_title = title;
    s->page_scope = scope;
    s->page_date = date;
}

bool sheet_list_is_safe(const char *const *items)
{
    size_t bytes = 0;
    for (size_t i = 0; items[i]; i++) {
        for (const char *p = items[i]; *p; p++)
            if ((unsigned char)*p >= 0x80 || *p == ',' || *p == '"')
                return false;
        bytes += strlen(items[i]) + 1;
    }
    return bytes < 255;
}

/* Copies what Excel shows into a validation (libxlsxwriter's fields are not const). */
static void set_prompt(lxw_data_validation *v, const sheet_prompt *prompt)
{
    v->input_title = (char *)prompt->title;
    v->input_message = (char *)prompt->message;
    v->error_title = (char *)prompt->error_title;
    v->error_message = (char *)prompt->error_message;
}

bool sheet_validate_list(sheet *s, int col, lxw_row_t first, lxw_row_t last,
                         const char *const *items, const sheet_prompt *prompt)
{
    if (!sheet_list_is_safe(items))
        return false;
    lxw_data_validation list = {0};
    list.validate = LXW_VALIDATION_TYPE_LIST;
    list.value_list = (char **)items;
    set_prompt(&list, prompt);
    sheet_remember(s, worksheet_data_validation_range(s->ws, first, (lxw_col_t)col, last,
                                                (lxw_col_t)col, &list));
    return true;
}

void sheet_validate_dates(sheet *s, int col, lxw_row_t first, lxw_row_t last,
                          const sheet_prompt *prompt)
{
    lxw_data_validation date = {0};
    date.validate = LXW_VALIDATION_TYPE_DATE;
    date.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    date.minimum_datetime = (lxw_datetime){RR_YEAR_MIN, 1, 1, 0, 0, 0};
    date.maximum_datetime = (lxw_datetime){RR_YEAR_MAX, 12, 31, 0, 0, 0};
    set_prompt(&date, prompt);
    sheet_remember(s, worksheet_data_validation_range(s->ws, first, (lxw_col_t)col, last,
                                                (lxw_col_t)col, &date));
}

void sheet_number(sheet *s, int col, double value, lxw_format *format)
{
    sheet_remember(s, worksheet_write_number(s->ws, s->row, (lxw_col_t)col, value, format));
    mark(s, col, true);
    fit(s, col, 8);
}

/* The width a whole number takes in the integer format: a character a digit, half
 * one a thousands separator, and one and a half for the room after it ("_)_)"). */
static double integer_width(double value)
{
    double digits = 1, magnitude = value < 0 ? -value : value;
    for (; magnitude >= 10 && digits < 20; magnitude /= 10)
        digits++;
    return digits + (double)((int)(digits - 1) / 3) * 0.5 + (value < 0) + 1.5;
}

void sheet_int(sheet *s, int col, double value)
{
    /* An upright count's column is kept narrow for three digits; a larger count
     * widens it rather than print as "###". */
    if (col >= 0 && col < SHEET_MAX_COLUMNS && s->upright[col] && !s->table_closed) {
        double want = integer_width(value);
        if (want > s->max_width[col])
            s->max_width[col] = s->width[col] = (double)(int)(want + 0.99);
    }
    sheet_number(s, col, value, s->f->integer);
}

void sheet_year(sheet *s, int col, int year)
{
    sheet_number(s, col, year, s->f->year);
}

void sheet_cents(sheet *s, int col, int64_t cents)
{
    sheet_remember(s, xlsx_cents(s->ws, s->row, (lxw_col_t)col, cents, s->f->euro));
    mark(s, col, true);
    fit(s, col, 12);
}

void sheet_percent(sheet *s, int col, double share)
{
    sheet_number(s, col, share, s->f->percent);
}

void sheet_next_row(sheet *s)
{
    /* In constant-memory mode (large reports) a row is written out once the next one
     * starts and can no longer be sized then: size it now, at the widths so far (a
     * column only grows later, so the row is never too low). */
    if (s->ws->optimize && s->wraps && s->wraps->len > 0) {
        for (guint i = 0; i < s->wraps->len;)
            size_row(s, s->wraps, &i);
        g_array_set_size(s->wraps, 0);
    }
    s->row++;
}

void sheet_note(sheet *s, const char *text)
{
    sheet_end_table(s);
    sheet_remember(s, xlsx_text(s->ws, s->row++, 0, text, s->f->note, &s->ctx));
}

void sheet_alert(sheet *s, const char *text)
{
    sheet_end_table(s);
    sheet_remember(s, xlsx_text(s->ws, s->row++, 0, text, s->f->alert, &s->ctx));
}

/* Headers over numbers are aligned right, as the numbers are, so each count stands
 * under its own name. Constant-memory mode has written the header row already. */
static void align_number_headers(sheet *s)
{
    if (s->ws->optimize || !s->header_copy)
        return;
    for (int c = 0; c < s->columns && c < SHEET_MAX_COLUMNS && s->header_copy[c]; c++)
        if (s->numeric[c] && !s->upright[c])
            sheet_remember(s, xlsx_text(s->ws, s->header_row, (lxw_col_t)c, s->header_copy[c],
                                  s->f->header_right, &s->ctx));
}

/* The header row's height: its longest wrapped name, or its longest upright one. */
static double header_height(const sheet *s)
{
    double height = 15.0 * header_lines(s);
    for (int c = 0; c < s->columns && c < SHEET_MAX_COLUMNS; c++) {
        if (!s->upright[c])
            continue;
        /* A narrow column holds two upright lines: a long name wraps once. */
        double chars = s->header_chars[c] > 12 ? s->header_chars[c] / 2 + 3 : s->header_chars[c];
        if (6.5 * chars + 10 > height)
            height = 6.5 * chars + 10;
    }
    return height;
}

/* Sizes one row from its wrapped texts, wraps[*i] onwards (advancing *i past them):
 * as high as its longest text's lines. */
static void size_row(sheet *s, const GArray *wraps, guint *i)
{
    lxw_row_t row = g_array_index(wraps, wrapped_text, *i).row;
    int lines = 1;
    for (; *i < wraps->len && g_array_index(wraps, wrapped_text, *i).row == row; (*i)++) {
        const wrapped_text *w = &g_array_index(wraps, wrapped_text, *i);
        /* A sheet printed in part is sized for the printed columns: the screen's
         * extra columns would make every printed row a page high. */
        if (s->print_columns > 0 && w->col >= s->print_columns)
            continue;
        if (w->lines > lines)
            lines = w->lines;
    }
    /* 15 points for the first line, 13.5 for each next (Excel's Calibri and
     * LibreOffice's Carlito lie between), at most a screen's height. */
    if (lines > 30)
        lines = 30;
    /* In constant-memory mode a row before the one in memory is written out already. */
    bool written = s->ws->optimize && s->ws->optimize_row && row < s->ws->optimize_row->row_num;
    if (lines > 1 && !written)
        sheet_remember(s, worksheet_set_row(s->ws, row, 15.0 + 13.5 * (lines - 1), NULL));
}

/* Makes each row with a wrapped text as high as that text's lines at the final width
 * (in constant-memory mode sheet_next_row sized each row already). */
static void size_wrapped_rows(sheet *s)
{
    if (!s->wraps)
        return;
    for (guint i = 0; i < s->wraps->len;)
        size_row(s, s->wraps, &i);
    g_array_free(s->wraps, TRUE);
    s->wraps = NULL;
}

/* `text` for a header or footer: '&' doubled (else it starts a control code), at most
 * `most` characters, cut at a character with "…". */
static void append_header_text(GString *code, const char *text, glong most)
{
    if (!text)
        return;
    glong n = g_utf8_strlen(text, -1);
    const char *end = n > most ? g_utf8_offset_to_pointer(text, most - 1) : text + strlen(text);
    for (const char *p = text; p < end; p++) {
        if (*p == '&')
            g_string_append_c(code, '&');
        g_string_append_c(code, *p);
    }
    if (n > most)
        g_string_append(code, "…");
}

/* The page header of sheet_page_header: title bold at the left, scope in the centre,
 * date at the right, in Excel's 255 characters. */
static void set_page_header(sheet *s)
{
    GString *code = g_string_new("&L&\"-,Bold\"");
    append_header_text(code, s->page_title, 60);
    g_string_append(code, "&C");
    append_header_text(code, s->page_scope, 100);
    g_string_append(code, "&R");
    append_header_text(code, s->page_date, 40);
    sheet_remember(s, worksheet_set_header(s->ws, code->str));
    g_string_free(code, TRUE);
}

/* A4 landscape (portrait for a page of text), one page wide, narrow margins, the header repeated on every page. */
static void print_setup(sheet *s, const char *footer)
{
    if (s->portrait)
        worksheet_set_portrait(s->ws);
    else
        worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, 9); /* A4 */
    /* Room above the table for the page header when there is one. */
    worksheet_set_margins(s->ws, 0.3, 0.3, s->page_title ? 0.6 : 0.45, 0.55);
    worksheet_fit_to_pages(s->ws, 1, 0);
    if (s->print_columns > 0)
        sheet_remember(s, worksheet_print_area(s->ws, 0, 0, s->row > 0 ? s->row : 1,
                                         (lxw_col_t)(s->print_columns - 1)));
    if (s->page_title)
        set_page_header(s);
    gchar *footer_code = g_strdup_printf("&L%s&C%s&R%s &P / &N", s->name, footer,
                                         tr("Pagina", "Page"));
    /* '&' starts a control code in a footer: data never reaches it, but the sheet
     * name could hold one in a future translation. */
    sheet_remember(s, worksheet_set_footer(s->ws, footer_code));
    g_free(footer_code);
}

void sheet_finish(sheet *s, const char *footer)
{
    if (s->has_header && s->columns > 0) {
        /* The filter takes in the table and nothing below it (notes, other tables):
         * sorting must never move a note into the table. */
        lxw_row_t last = s->table_last > s->header_row ? s->table_last : s->header_row;
        /* In constant-memory mode (large reports) a filter cannot end above the row
         * still in memory; libxlsxwriter refuses it and the sheet would get none. There
         * it reaches down to that row (a note below the table may fall inside). */
        if (s->ws->optimize && s->ws->optimize_row && last < s->ws->optimize_row->row_num)
            last = s->ws->optimize_row->row_num;
        sheet_remember(s, worksheet_autofilter(s->ws, s->header_row, 0, last,
                                         (lxw_col_t)(s->columns - 1)));
        /* Freezing a header far down the sheet would pin half the screen. */
        if (s->header_row <= 4)
            worksheet_freeze_panes(s->ws, s->header_row + 1, (lxw_col_t)s->freeze_columns);
        sheet_remember(s, worksheet_repeat_rows(s->ws, s->header_row, s->header_row));
        align_number_headers(s);
    }
    if (s->has_header)
        keep_header_words_whole(s);
    for (int c = 0; c < SHEET_MAX_COLUMNS; c++)
        if (s->width[c] > 0)
            sheet_remember(s, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, s->width[c], NULL));
    /* Spreadsheets do not grow a row for wrapped text written this way: size the
     * header row for its longest wrapped name (in constant-memory mode that row is
     * written already; sheet_header sized it). */
    double height = header_height(s);
    if (s->has_header && height > 15.0 && !s->ws->optimize)
        sheet_remember(s, worksheet_set_row(s->ws, s->header_row, height, NULL));
    size_wrapped_rows(s);
    g_strfreev(s->header_copy);
    s->header_copy = NULL;
    print_setup(s, footer);
}

char *sheet_footer_text(rr_date as_of)
{
    return g_strdup_printf(tr("Stand per %s", "Status as of %s"), date_text_nl(as_of).text);
}

lxw_row_t sheet_max_rows(void)
{
    static lxw_row_t rows;
    if (rows == 0) {
        /* 1,048,576, or fewer through the test hook RR_MAX_SHEET_ROWS */
        rows = (lxw_row_t)testhooks_value(TESTHOOK_MAX_SHEET_ROWS, 4, LXW_ROW_MAX - 1,
                                          LXW_ROW_MAX);
    }
    return rows;
}

bool sheet_full(const sheet *s)
{
    return s->has_header && s->row + 1 >= sheet_max_rows();
}

bool sheet_continue(sheet *s, lxw_workbook *wb, const char *footer)
{
    char next[sizeof s->part_name];
    snprintf(next, sizeof next, "%s (%d)", s->base_name, s->part + 1);
    lxw_worksheet *ws = workbook_add_worksheet(wb, next);
    if (!ws)
        return false;

    sheet full = *s;
    /* Finished first, so the autofilter ends at the last data row (in constant-memory
     * mode it cannot reach back past the row being written); the note goes in the
     * last row, below it. */
    sheet_finish(&full, footer);
    gchar *note = g_strdup_printf(
        tr("De tabel gaat verder op tabblad '%s': een tabblad heeft ten hoogste %lu rijen.",
           "The table continues on sheet '%s': a sheet holds at most %lu rows."),
        next, (unsigned long)sheet_max_rows());
    sheet_remember(&full, xlsx_text(full.ws, full.row, 0, note, full.f->note, &full.ctx));
    g_free(note);

    memset(s, 0, sizeof *s);
    s->ws = ws;
    memcpy(s->part_name, next, sizeof next);
    s->name = s->part_name;
    s->base_name = full.base_name;
    s->part = full.part + 1;
    s->f = full.f;
    s->ctx.notes = full.ctx.notes;
    s->ctx.sheet = s->part_name;
    s->error = full.error; /* reported once, when the last part is finished */
    s->input_first = full.input_first;
    s->input_count = full.input_count;
    s->freeze_columns = full.freeze_columns;
    s->portrait = full.portrait;
    s->flat = full.flat;
    sheet_page_header(s, full.page_title, full.page_scope, full.page_date);
    memcpy(s->upright, full.upright, sizeof s->upright);
    s->print_columns = full.print_columns;
    sheet_header(s, full.header_names, full.columns, full.max_width);
    for (int c = 0; c < SHEET_MAX_COLUMNS; c++)
        if (full.width[c] > s->width[c])
            s->width[c] = full.width[c];
    return true;
}

/* sheet.c - tables on worksheets: widths, header, print layout. */
#include "xlsx/sheet.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "analyse/analyse.h"
#include "base/i18n.h"
#include "base/vocab.h"

/* Creates a format with a background colour and a thin border. */
static lxw_format *fill_format(lxw_workbook *wb, uint32_t colour)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_bg_color(f, colour);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/* The cells a reader fills in: the header's look in a darker yellow, the cells a
 * light yellow (formats never used in a workbook are not written to it). */
static void input_formats_init(sheet_formats *f, lxw_workbook *wb)
{
    f->input_header = workbook_add_format(wb);
    format_set_bold(f->input_header);
    format_set_bg_color(f->input_header, 0xFFD966);
    format_set_pattern(f->input_header, LXW_PATTERN_SOLID);
    format_set_bottom(f->input_header, LXW_BORDER_THIN);
    format_set_text_wrap(f->input_header);
    format_set_align(f->input_header, LXW_ALIGN_VERTICAL_TOP);
    f->input = fill_format(wb, 0xFFF2CC);
    f->input_text = fill_format(wb, 0xFFF2CC);
    format_set_text_wrap(f->input_text);
    f->input_date = fill_format(wb, 0xFFF2CC);
    format_set_num_format(f->input_date, "dd-mm-yyyy");
}

void sheet_formats_init(sheet_formats *f, lxw_workbook *wb)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->subtitle = workbook_add_format(wb);
    format_set_italic(f->subtitle);
    format_set_font_color(f->subtitle, 0x595959);
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_bg_color(f->header, 0xD9E1F2);
    format_set_pattern(f->header, LXW_PATTERN_SOLID);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    f->text = workbook_add_format(wb);
    format_set_text_wrap(f->text);
    format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
    f->plain = workbook_add_format(wb);
    format_set_align(f->plain, LXW_ALIGN_VERTICAL_TOP);
    f->date = workbook_add_format(wb);
    format_set_num_format(f->date, "dd-mm-yyyy");
    format_set_align(f->date, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(f->date, LXW_ALIGN_LEFT);
    f->integer = workbook_add_format(wb);
    format_set_num_format(f->integer, "0");
    format_set_align(f->integer, LXW_ALIGN_VERTICAL_TOP);
    f->decimal = workbook_add_format(wb);
    format_set_num_format(f->decimal, "0.00");
    format_set_align(f->decimal, LXW_ALIGN_VERTICAL_TOP);
    f->euro = workbook_add_format(wb);
    format_set_num_format(f->euro, "[$€-413] #,##0.00");
    format_set_align(f->euro, LXW_ALIGN_VERTICAL_TOP);
    f->euro_bold = workbook_add_format(wb);
    format_set_num_format(f->euro_bold, "[$€-413] #,##0.00");
    format_set_bold(f->euro_bold);
    f->percent = workbook_add_format(wb);
    format_set_num_format(f->percent, "0%");
    format_set_align(f->percent, LXW_ALIGN_VERTICAL_TOP);
    f->bold = workbook_add_format(wb);
    format_set_bold(f->bold);
    format_set_align(f->bold, LXW_ALIGN_VERTICAL_TOP);
    for (int i = 0; i < SIGNAL_COUNT; i++)
        f->signal[i] = fill_format(wb, vocab_signal_fill(i));
    f->note = workbook_add_format(wb);
    format_set_italic(f->note);
    format_set_font_color(f->note, 0x7F7F7F);
    input_formats_init(f, wb);
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
static void remember(sheet *s, lxw_error err)
{
    if (err != LXW_NO_ERROR && s->error == LXW_NO_ERROR)
        s->error = err;
}

/* Widens column col to fit `chars` characters (capped by the header's maximum). */
static void fit(sheet *s, int col, double chars)
{
    if (col < 0 || col >= SHEET_MAX_COLUMNS)
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
    remember(s, xlsx_text(s->ws, s->row++, 0, title, s->f->title, &s->ctx));
    if (subtitle)
        remember(s, xlsx_text(s->ws, s->row++, 0, subtitle, s->f->subtitle, &s->ctx));
    s->row++;
}

void sheet_header_row(sheet *s, const char *const *names, int count)
{
    for (int c = 0; c < count && c < SHEET_MAX_COLUMNS; c++) {
        bool input = c >= s->input_first && c < s->input_first + s->input_count;
        remember(s, xlsx_text(s->ws, s->row, (lxw_col_t)c, names[c],
                              input ? s->f->input_header : s->f->header, &s->ctx));
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

/* Lines the header row needs for its longest wrapped name at the current widths. */
static int header_lines(const sheet *s)
{
    int most = 1;
    for (int c = 0; c < SHEET_MAX_COLUMNS; c++) {
        double usable = s->width[c] > 3 ? s->width[c] - 2 : 1;
        int lines = (int)((s->header_chars[c] + usable - 1) / usable);
        if (lines > most)
            most = lines;
    }
    return most;
}

void sheet_header(sheet *s, const char *const *names, int count, const double *max_widths)
{
    s->header_row = s->row;
    s->columns = count;
    s->has_header = true;
    s->header_names = names;
    for (int c = 0; c < count && c < SHEET_MAX_COLUMNS; c++) {
        s->max_width[c] = max_widths && max_widths[c] > 0 ? max_widths[c] : 0;
        s->header_chars[c] = (double)g_utf8_strlen(names[c], -1);
    }
    sheet_header_row(s, names, count);
    /* A workbook in constant-memory mode (large reports) writes each row out when
     * the next one starts, so the header's height is set now, for the narrowest
     * the columns can be; sheet_finish sets it otherwise. */
    if (s->ws->optimize) {
        int lines = header_lines(s);
        if (lines > 1)
            remember(s, worksheet_set_row(s->ws, s->header_row, 15.0 * lines, NULL));
    }
}

void sheet_text_format(sheet *s, int col, const char *text, lxw_format *format)
{
    remember(s, xlsx_text(s->ws, s->row, (lxw_col_t)col, text, format, &s->ctx));
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
    remember(s, xlsx_date(s->ws, s->row, (lxw_col_t)col, date, s->f->date));
    fit(s, col, 10);
}

void sheet_date_format(sheet *s, int col, rr_date date, lxw_format *format)
{
    remember(s, xlsx_date(s->ws, s->row, (lxw_col_t)col, date, format));
    fit(s, col, 10);
}

void sheet_heading(sheet *s, const char *text)
{
    remember(s, xlsx_text(s->ws, s->row++, 0, text, s->f->title, &s->ctx));
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
    remember(s, worksheet_data_validation_range(s->ws, first, (lxw_col_t)col, last,
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
    remember(s, worksheet_data_validation_range(s->ws, first, (lxw_col_t)col, last,
                                                (lxw_col_t)col, &date));
}

void sheet_number(sheet *s, int col, double value, lxw_format *format)
{
    remember(s, worksheet_write_number(s->ws, s->row, (lxw_col_t)col, value, format));
    fit(s, col, 8);
}

void sheet_int(sheet *s, int col, double value)
{
    sheet_number(s, col, value, s->f->integer);
}

void sheet_cents(sheet *s, int col, int64_t cents)
{
    remember(s, xlsx_cents(s->ws, s->row, (lxw_col_t)col, cents, s->f->euro));
    fit(s, col, 12);
}

void sheet_percent(sheet *s, int col, double share)
{
    sheet_number(s, col, share, s->f->percent);
}

void sheet_next_row(sheet *s)
{
    s->row++;
}

void sheet_note(sheet *s, const char *text)
{
    remember(s, xlsx_text(s->ws, s->row++, 0, text, s->f->note, &s->ctx));
}

void sheet_finish(sheet *s, const char *footer)
{
    if (s->has_header && s->columns > 0) {
        lxw_row_t last = s->row > s->header_row + 1 ? s->row - 1 : s->header_row;
        remember(s, worksheet_autofilter(s->ws, s->header_row, 0, last,
                                         (lxw_col_t)(s->columns - 1)));
        /* Freezing a header far down the sheet would pin half the screen. */
        if (s->header_row <= 4)
            worksheet_freeze_panes(s->ws, s->header_row + 1, (lxw_col_t)s->freeze_columns);
        remember(s, worksheet_repeat_rows(s->ws, s->header_row, s->header_row));
    }
    for (int c = 0; c < SHEET_MAX_COLUMNS; c++)
        if (s->width[c] > 0)
            remember(s, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, s->width[c], NULL));
    /* Spreadsheets do not grow a row for wrapped text written this way: size the
     * header row for its longest wrapped name (in constant-memory mode that row is
     * written already; sheet_header sized it). */
    int lines = header_lines(s);
    if (s->has_header && lines > 1 && !s->ws->optimize)
        remember(s, worksheet_set_row(s->ws, s->header_row, 15.0 * lines, NULL));
    if (s->portrait)
        worksheet_set_portrait(s->ws);
    else
        worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, 9); /* A4 */
    worksheet_fit_to_pages(s->ws, 1, 0);
    gchar *footer_code = g_strdup_printf("&L%s&C%s&R%s &P / &N", s->name, footer,
                                         tr("Pagina", "Page"));
    /* '&' starts a control code in a footer: data never reaches it, but the sheet
     * name could hold one in a future translation. */
    remember(s, worksheet_set_footer(s->ws, footer_code));
    g_free(footer_code);
}

char *sheet_footer_text(rr_date as_of)
{
    return g_strdup_printf(tr("Stand per %s", "Status as of %s"), date_text_nl(as_of).text);
}

lxw_row_t sheet_max_rows(void)
{
    static lxw_row_t rows;
    if (rows == 0) {
        rows = LXW_ROW_MAX; /* 1,048,576 */
        const char *env = g_getenv("RR_MAX_SHEET_ROWS");
        if (env && *env) {
            char *end;
            guint64 n = g_ascii_strtoull(env, &end, 10);
            if (*end == '\0' && n >= 4 && n < LXW_ROW_MAX)
                rows = (lxw_row_t)n;
        }
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
    remember(&full, xlsx_text(full.ws, full.row, 0, note, full.f->note, &full.ctx));
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
    sheet_header(s, full.header_names, full.columns, full.max_width);
    for (int c = 0; c < SHEET_MAX_COLUMNS; c++)
        if (full.width[c] > s->width[c])
            s->width[c] = full.width[c];
    return true;
}

/* cells.c - safe cells and all-or-nothing workbooks. */
#include "xlsx/cells.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"

/* Whether s starts with "_x" + four hex digits + "_", which Excel decodes. */
static bool is_escape_sequence(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return false;
    for (int i = 2; i < 6; i++)
        if (!g_ascii_isxdigit(s[i]))
            return false;
    return s[6] == '_';
}

char *xlsx_safe_text(const char *text, bool *truncated)
{
    *truncated = false;
    /* g_utf8_make_valid replaces invalid bytes by U+FFFD (docs/pitfalls.md: Excel refuses a
     * sheet with invalid UTF-8). */
    gchar *valid = g_utf8_make_valid(text, -1);
    GString *out = g_string_sized_new(strlen(valid) + 8);
    /* The limit counts the characters written, "_x005F" included: libxlsxwriter refuses a
     * longer string and the cell would stay empty. An escape and its "_x005F" are kept
     * whole or left out whole, so a cut never leaves half an escape for Excel to decode. */
    glong chars = 0;
    for (const char *p = valid; *p;) {
        bool escape = is_escape_sequence(p);
        glong need = escape ? 13 : 1;
        if (chars + need > XLSX_MAX_CELL_CHARS) {
            *truncated = true;
            break;
        }
        if (escape) {
            g_string_append(out, "_x005F");
            g_string_append_len(out, p, 7);
            p += 7;
        } else {
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
            p = g_utf8_next_char(p);
        }
        chars += need;
    }
    g_free(valid);
    return g_string_free(out, FALSE);
}

lxw_error xlsx_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                    lxw_format *format, const xlsx_context *ctx)
{
    if (!text || !*text)
        return worksheet_write_blank(ws, row, col, format);
    /* Almost every text needs no change: valid UTF-8, no "_x" and no more bytes than
     * a cell holds characters. Writing it directly saves a copy per cell (the copy
     * was a fifth of a national report's time). */
    size_t len = strlen(text);
    if (len <= XLSX_MAX_CELL_CHARS && !strstr(text, "_x") &&
        g_utf8_validate(text, (gssize)len, NULL))
        return worksheet_write_string(ws, row, col, text, format);
    bool truncated;
    char *safe = xlsx_safe_text(text, &truncated);
    lxw_error err = worksheet_write_string(ws, row, col, safe, format);
    if (truncated && ctx && ctx->notes) {
        char cell[16];
        lxw_rowcol_to_cell(cell, row, col);
        diag_add(ctx->notes, DIAG_WARNING, ctx->sheet, (long)row + 1, (long)col + 1,
                 tr("tekst in cel %s is langer dan %d tekens en is ingekort; de volledige tekst "
                    "staat in de invoer",
                    "text in cell %s is longer than %d characters and was cut; the full text is "
                    "in the input"),
                 cell, XLSX_MAX_CELL_CHARS);
    }
    g_free(safe);
    return err;
}

lxw_error xlsx_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, rr_date date,
                    lxw_format *format)
{
    if (date == RR_DATE_NONE)
        return worksheet_write_blank(ws, row, col, format);
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    lxw_datetime dt = {y, m, d, 0, 0, 0};
    return worksheet_write_datetime(ws, row, col, &dt, format);
}

lxw_error xlsx_cents(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t cents,
                     lxw_format *format)
{
    return worksheet_write_number(ws, row, col, (double)cents / 100.0, format);
}

static rr_error file_open(xlsx_file *file, const char *final_path, bool constant_memory,
                          diag_list *diags)
{
    memset(file, 0, sizeof *file);
    rr_error err = atomic_file_start(&file->out, final_path, NULL, diags);
    if (err != RR_OK)
        return err;
    /* libxlsxwriter's own temporary files go into the output folder, not TMPDIR: a
     * full TMPDIR made it zip cut-off sheets without a word (tests/test_output.c,
     * full_tmp_does_not_matter). */
    file->folder = g_path_get_dirname(final_path);
    lxw_workbook_options options = {.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE,
                                    .tmpdir = file->folder,
                                    .use_zip64 = LXW_FALSE};
    file->workbook = workbook_new_opt(file->out.tmp_path, &options);
    if (!file->workbook) {
        g_free(file->folder);
        file->folder = NULL;
        diag_add(diags, DIAG_ERROR, final_path, 0, 0, "%s",
                 tr("kan niet worden aangemaakt", "cannot be created"));
        atomic_discard(&file->out);
        return RR_ERR_WRITE;
    }
    return RR_OK;
}

rr_error xlsx_file_open(xlsx_file *file, const char *final_path, diag_list *diags)
{
    return file_open(file, final_path, false, diags);
}

rr_error xlsx_file_open_large(xlsx_file *file, const char *final_path, diag_list *diags)
{
    return file_open(file, final_path, true, diags);
}

rr_error xlsx_file_close(xlsx_file *file, diag_list *diags)
{
    lxw_error err = workbook_close(file->workbook); /* frees the workbook, always */
    file->workbook = NULL;
    g_free(file->folder);
    file->folder = NULL;
    if (err != LXW_NO_ERROR) {
        diag_add(diags, DIAG_ERROR, file->out.final_path, 0, 0, "%s: %s",
                 tr("kan niet worden geschreven", "cannot be written"), lxw_strerror(err));
        atomic_discard(&file->out);
        return RR_ERR_WRITE;
    }
    rr_error checked = xlsx_archive_check(file->out.tmp_path, file->out.final_path, diags);
    if (checked != RR_OK)
        atomic_discard(&file->out);
    return checked;
}

void xlsx_file_abandon(xlsx_file *file)
{
    /* libxlsxwriter has no "discard": close into the temporary name, then remove it. */
    if (file->workbook)
        workbook_close(file->workbook);
    file->workbook = NULL;
    g_free(file->folder);
    file->folder = NULL;
    atomic_discard(&file->out);
}

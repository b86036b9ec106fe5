/*
 * fuzz_sheet.c - libFuzzer target for the returned-form reader (sheetread_buffer).
 *
 * Any byte string, taken as an .xlsx or .ods file, must be read without a crash, leak
 * or hang. Every row handed to the callback must hold NUL-terminated, valid UTF-8
 * fields at positive rows and columns, at most CSV_MAX_FIELDS of them, and at least
 * one of them filled (empty rows are skipped).
 */
#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "load/sheetread.h"

static void on_row(const csvread_row *row, void *ctx)
{
    size_t *bytes = ctx;
    bool filled = false;
    if (row->count > CSV_MAX_FIELDS || row->line < 1)
        abort();
    for (size_t i = 0; i < row->count; i++) {
        const char *f = row->fields[i];
        size_t len = strlen(f);
        if (len > CSV_MAX_FIELD_BYTES || !g_utf8_validate(f, (gssize)len, NULL))
            abort();
        if (row->lines[i] < 1 || row->columns[i] != (long)i + 1)
            abort();
        filled |= len > 0;
        *bytes += len;
    }
    if (!filled)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const sheets[] = {"Voortgang", "Progress", NULL};
    diag_list diags;
    diag_list_init(&diags);
    csvread_info info;
    size_t bytes = 0;
    (void)sheetread_buffer("fuzz.xlsx", (const char *)data, size, sheets, on_row, &bytes, &diags,
                           &info);
    for (size_t i = 0; i < diags.count; i++) {
        const diag *d = &diags.items[i];
        if (d->message == NULL || !g_utf8_validate(d->message, -1, NULL))
            abort();
    }
    diag_list_release(&diags);
    return 0;
}

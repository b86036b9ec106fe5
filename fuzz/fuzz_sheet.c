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
#include "fuzz_rows.h"

static void on_row(const csvread_row *row, void *ctx)
{
    size_t *bytes = ctx;
    size_t filled = fuzz_check_row(row);
    /* A sheet's cells stand in their own columns, one per field; empty rows are skipped. */
    for (size_t i = 0; i < row->count; i++)
        if (row->columns[i] != (long)i + 1)
            abort();
    if (filled == 0)
        abort();
    *bytes += filled;
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

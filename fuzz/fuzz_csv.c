/*
 * fuzz_csv.c - libFuzzer target for the CSV loader (csvread_buffer).
 *
 * Any byte string must be read without a crash, leak or hang. Every row handed
 * to the callback must hold NUL-terminated, valid UTF-8 fields at positive lines
 * and columns, and at most CSV_MAX_FIELDS fields.
 */
#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load/csvread.h"
#include "base/diag.h"
#include "fuzz_rows.h"

static void on_row(const csvread_row *row, void *ctx)
{
    size_t *bytes = ctx;
    *bytes += fuzz_check_row(row);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list diags;
    diag_list_init(&diags);
    csvread_info info;
    size_t bytes = 0;
    (void)csvread_buffer("fuzz.csv", (const char *)data, size, on_row, &bytes, &diags, &info);
    for (size_t i = 0; i < diags.count; i++) {
        const diag *d = &diags.items[i];
        if (d->message == NULL || !g_utf8_validate(d->message, -1, NULL))
            abort();
    }
    diag_list_release(&diags);
    return 0;
}

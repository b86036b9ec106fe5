/*
 * fuzz_rows.h - the invariant every row reader's fuzz target checks (fuzz_csv.c,
 * fuzz_sheet.c): at most CSV_MAX_FIELDS fields, each NUL-terminated, valid UTF-8 and
 * at most CSV_MAX_FIELD_BYTES long, at a positive line and column. Aborts otherwise,
 * so libFuzzer reports the input; returns the bytes in the row's fields.
 */
#ifndef RR_FUZZ_ROWS_H
#define RR_FUZZ_ROWS_H

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "load/csvread.h"

static size_t fuzz_check_row(const csvread_row *row)
{
    size_t bytes = 0;
    if (row->count > CSV_MAX_FIELDS || row->line < 1)
        abort();
    for (size_t i = 0; i < row->count; i++) {
        const char *f = row->fields[i];
        size_t len = strlen(f);
        if (len > CSV_MAX_FIELD_BYTES || !g_utf8_validate(f, (gssize)len, NULL))
            abort();
        if (row->lines[i] < 1 || row->columns[i] < 1)
            abort();
        bytes += len;
    }
    return bytes;
}

#endif

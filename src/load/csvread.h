/*
 * csvread.h - reading one CSV file the way people save it from Excel.
 *
 * UTF-8 with or without BOM (a byte that is not UTF-8 in an otherwise UTF-8 file is an
 * error at its place), else Windows-1252 (converted with iconv, with a warning); UTF-16
 * and UTF-32 are an error that says how to save as UTF-8. "," or ";" detected from the
 * header line, or named by Excel's "sep=;" first line (a warning); RFC 4180 quoting
 * (libcsv in strict mode); LF or CRLF; empty lines skipped. The file is opened with
 * base/infile.h (regular files only, size capped). libcsv knows no positions, so this
 * module counts lines and columns itself: every field carries the line and
 * character column where it starts, for messages a person can act on.
 *
 * Rows are streamed to a callback; the first row passed is the header. A row and
 * its strings are valid only during the callback: copy what you keep.
 */
#ifndef RR_CSVREAD_H
#define RR_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/error.h"

/* Limits that turn hostile input into a clear error instead of exhausted memory. */
#define CSV_MAX_FILE_BYTES ((size_t)512 * 1024 * 1024)
#define CSV_MAX_FIELD_BYTES ((size_t)1024 * 1024)
#define CSV_MAX_FIELDS 1000

typedef struct {
    size_t count;                 /* number of fields */
    const char *const *fields;    /* NUL-terminated UTF-8, spaces around unquoted trimmed */
    const long *lines;            /* line where each field starts */
    const long *columns;          /* character column where each field starts */
    long line;                    /* line of the row's first field */
    char delimiter;               /* ',' or ';' between the fields; 0 when not known */
} csvread_row;

/* Called for every row, the header first. */
typedef void (*csvread_row_fn)(const csvread_row *row, void *ctx);

typedef struct {
    size_t bytes;         /* size of the file as stored */
    size_t rows;          /* data rows, the header not counted */
    char sha256[65];      /* hex digest of the bytes as stored */
    char delimiter;       /* ',' or ';' */
    bool had_bom;
    bool was_cp1252;      /* converted from Windows-1252 */
} csvread_info;

/*
 * Reads `path` and streams its rows to `on_row`. Problems in the file (encoding,
 * quoting, size) are added to `diags` as errors at their line and column; rows
 * read before such a problem have been delivered. Returns RR_ERR_READ when the
 * file cannot be opened or read, or is not a regular file (a folder, FIFO, socket,
 * device, dangling link or link loop: also a diagnostic that says which), RR_OK
 * otherwise. `info` may
 * be NULL.
 */
rr_error csvread_file(const char *path, csvread_row_fn on_row, void *ctx, diag_list *diags,
                       csvread_info *info);

/* The same for bytes already in memory; `path` is only used in messages. */
rr_error csvread_buffer(const char *path, const char *bytes, size_t size, csvread_row_fn on_row,
                         void *ctx, diag_list *diags, csvread_info *info);

#endif

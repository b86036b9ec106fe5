/*
 * sheetread.h - reading one sheet of a returned spreadsheet (.xlsx or .ods).
 *
 * A filled-in progress form comes back as a workbook saved by Excel, LibreOffice or
 * any other program. This module finds the sheet by name, turns its cells into rows
 * like csvread's (so the loader reads them through the same header and schema), and
 * leaves the rest of the workbook alone. The archive is unpacked with libarchive and
 * the XML read with libxml2's xmlTextReader, both streaming; nothing is hand-parsed.
 *
 * Each row passed carries, per field, the sheet row as `lines[i]` and the sheet
 * column (1 = A) as `columns[i]`; sheetread_file() registers the file with
 * diag_list_set_sheet(), so diagnostics at those places print as
 * `file.xlsx:Voortgang!H12`. Rows whose cells are all empty are not passed. A date
 * cell (a number with a date format in .xlsx, office:date-value in .ods) becomes its
 * ISO day, "2023-01-25"; any other cell its text as shown (.ods) or its value (.xlsx:
 * shared, inline or formula string, or the number as written). Formulas are never
 * evaluated: a formula cell gives the result its program stored.
 *
 * A hostile file gets one error, never a crash or a hang: the limits below, a <row>
 * inside a cell (damaged), an entity the file declares itself (its text would be
 * missing) and a serial day in the 1900 system as Excel shows it (date_from_serial).
 *
 * A row and its strings are valid only during the callback: copy what you keep.
 */
#ifndef RR_SHEETREAD_H
#define RR_SHEETREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/error.h"
#include "load/csvread.h"

/* Limits that turn a zip bomb, a huge sheet or a broken archive into one clear error. */
#define SHEET_MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)  /* the file as stored */
#define SHEET_MAX_PART_BYTES ((size_t)64 * 1024 * 1024)  /* one part, unpacked */
#define SHEET_MAX_ENTRIES 10000                          /* parts in the archive */
#define SHEET_MAX_ROWS 100000                            /* rows with content */
#define SHEET_MAX_STRINGS 1000000                        /* .xlsx shared strings */
/* The text of all cells together, as they expand: a shared string counts once per
 * cell that shows it, a repeated cell or row once per repeat. A few thousand cells
 * pointing at one huge string stay within every other limit. */
#define SHEET_MAX_TEXT_BYTES ((size_t)64 * 1024 * 1024)
/* Cells of a row: CSV_MAX_FIELDS; one cell's text: CSV_MAX_FIELD_BYTES. */

/* Whether the file name ends in .xlsx or .ods (the kinds this module reads). */
bool sheetread_is_sheet_file(const char *name);

/*
 * Reads the first sheet of `path` whose name is one of `sheet_names` (NULL-terminated,
 * compared ignoring case) and streams its non-empty rows to `on_row`. Problems (a
 * broken archive, no such sheet, a limit passed) are errors in `diags`, at the
 * cell when there is one; after such an error no further rows are passed. The file is
 * opened with base/infile.h and read once. Returns RR_ERR_READ when it cannot be opened
 * or read, or is not a regular file (a FIFO, folder, device, dangling link: also an
 * error that says which), RR_OK otherwise. `info` may be
 * NULL; its delimiter is 0 and had_bom/was_cp1252 false.
 */
rr_error sheetread_file(const char *path, const char *const *sheet_names, csvread_row_fn on_row,
                        void *ctx, diag_list *diags, csvread_info *info);

/* The same for a file already in memory; `path` is only used in messages. */
rr_error sheetread_buffer(const char *path, const char *bytes, size_t size,
                          const char *const *sheet_names, csvread_row_fn on_row, void *ctx,
                          diag_list *diags, csvread_info *info);

#endif

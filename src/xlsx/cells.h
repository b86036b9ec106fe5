/*
 * cells.h - writing cells with libxlsxwriter 1.1.4 so that no data can hurt.
 *
 * Every text from the data goes through xlsx_text(): always a string cell (never a
 * formula, whatever it starts with), valid UTF-8, a literal "_xHHHH_" escaped so
 * Excel does not decode it, and at most 32,767 characters (cut at a character
 * boundary, with a warning). A workbook is written to a temporary file beside the
 * destination and put in place only when libxlsxwriter reports success and the
 * archive reads back whole, so a failed run leaves the previous report untouched.
 * See docs/pitfalls.md.
 */
#ifndef RR_CELLS_H
#define RR_CELLS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <xlsxwriter.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "load/period.h"
#include "base/error.h"

/* Excel's limit on the characters in one cell. */
#define XLSX_MAX_CELL_CHARS 32767

/*
 * A copy of `text` that libxlsxwriter and Excel take as it is: invalid UTF-8
 * bytes replaced by U+FFFD, "_x" followed by four hex digits and "_" escaped as
 * "_x005F_x....", cut to XLSX_MAX_CELL_CHARS characters as written (the "_x005F"
 * counts, since libxlsxwriter refuses a longer string; an escape is kept or left out
 * whole). Sets *truncated when it cut. The caller frees the result with g_free.
 */
char *xlsx_safe_text(const char *text, bool *truncated);

/* Where the writer reports what it had to change (a cut text); may be NULL. */
typedef struct {
    diag_list *notes;
    const char *sheet;   /* sheet name for the message */
} xlsx_context;

/* Writes text as a string cell; an empty text writes a blank cell with the format. */
lxw_error xlsx_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                    lxw_format *format, const xlsx_context *ctx);

/* Writes a date as a real Excel date (the format gives its look); blank when NONE. */
lxw_error xlsx_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, rr_date date,
                    lxw_format *format);

/* Writes an amount in cents as a number of euros. */
lxw_error xlsx_cents(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t cents,
                     lxw_format *format);

/*
 * A workbook being written to a temporary file beside its destination (base/atomic.h).
 * libxlsxwriter keeps its own temporary files in the same folder, not in TMPDIR, so a
 * full disk shows up as a failure of this folder.
 */
typedef struct {
    lxw_workbook *workbook;
    atomic_out out; /* the temporary file; the caller commits it after xlsx_file_close */
    char *folder;   /* libxlsxwriter's tmpdir: a scratch folder beside the destination,
                     * removed when the workbook is closed (owned) */
} xlsx_file;

/* The creation time of a workbook of report date as_of: stamp_document_time(), never
 * the clock, so the same input gives the same bytes (libxlsxwriter dates every
 * archive entry 1980-01-01 itself). */
time_t xlsx_document_time(rr_date as_of);

/* Creates the workbook at a temporary name beside final_path, created at
 * xlsx_document_time(as_of); a writer that sets more document properties passes that
 * time again. RR_ERR_WRITE, with an error in `diags`, when it cannot (then nothing is
 * left to release). */
rr_error xlsx_file_open(xlsx_file *file, const char *final_path, rr_date as_of,
                        diag_list *diags);

/* The same in libxlsxwriter's constant-memory mode, for large workbooks: each row
 * goes to a temporary file when the next row starts (so rows must be written in
 * order) and strings are stored in the cell instead of a shared table. A national
 * report then peaks at a tenth of the memory and runs faster (bench/RESULTS.md). */
rr_error xlsx_file_open_large(xlsx_file *file, const char *final_path, rr_date as_of,
                              diag_list *diags);

/*
 * Closes the workbook (which frees it) and checks the finished archive before anyone
 * can see it: xlsx_archive_check(). RR_OK: file->out holds the complete temporary
 * file; put it in place with atomic_commit() (alone or with other outputs) and then
 * atomic_discard() it. Otherwise RR_ERR_WRITE with an error in `diags`, and the
 * temporary file is already removed.
 */
rr_error xlsx_file_close(xlsx_file *file, diag_list *diags);

/* Frees the workbook without writing anything (after an earlier failure) and removes
 * the temporary file. */
void xlsx_file_abandon(xlsx_file *file);

/*
 * Reads the xlsx archive at `path` back with libarchive: every part decompressed,
 * its size and CRC-32 checked against the archive's directory, and every XML part
 * (.xml, .rels) ending with its root element's end tag. libxlsxwriter 1.1.4 does not
 * notice a failed write to its own temporary files and zips what it has: a cut-off
 * sheet with a valid CRC. RR_ERR_WRITE with an error at `shown` (the path users
 * know) when anything is wrong.
 */
rr_error xlsx_archive_check(const char *path, const char *shown, diag_list *diags);

#endif

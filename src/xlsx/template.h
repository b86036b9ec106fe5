/*
 * template.h - the status-update sheet of one owner (`regiorapport template`).
 *
 * Two files with the same actions in the same order: a workbook for people (titles,
 * current status, a drop-down list of statuses) and a CSV in the voortgang.csv
 * layout that, filled in, drops straight into the owner's folder (the loader reads
 * every voortgang-*.csv and skips rows whose datum and status are both empty).
 * Both are built under a temporary name beside their destination and put in place
 * together (base/atomic.h) only when both are complete. Functions take the model
 * after rules_check() and an analysis of it; they keep no pointer to either.
 */
#ifndef RR_TEMPLATE_H
#define RR_TEMPLATE_H

#include <stddef.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/diag.h"
#include "load/model.h"
#include "base/error.h"

/* Dutch Excel (the users') opens a ';'-separated file straight into columns; the
 * loader detects ';' and ','. */
#define TEMPLATE_CSV_DELIMITER ';'

/* One CSV field as written. A value that a spreadsheet would run as a formula
 * (starting with '=', '+', '-', '@', tab, CR or LF) gets a leading apostrophe; the
 * field is quoted, quotes doubled (RFC 4180), when it was so protected or holds ';',
 * ',', '"', a line break or a space at either end. The caller frees it (g_free). */
char *template_csv_field(const char *value);

/* The `bron` written in every row, so a merged report can be traced to its form:
 * "voortgangsformulier <owner> <as-of ISO>" (English with --lang en). g_free. */
char *template_source_note(const rr_owner *owner, rr_date as_of);

/* The CSV file: UTF-8 BOM (Excel then reads it as UTF-8), the same columns as the
 * Voortgang sheet (actie_id, the context columns titel, deadline, huidige status,
 * laatste update, laatste toelichting, which the loader reads back silently, then
 * datum, status, toelichting, bron) and one row per action of `owner`, in model order,
 * with datum, status and toelichting empty; CRLF line ends. Sets *size. g_free. */
char *template_csv_text(const rr_model *model, const rr_analysis *an, const rr_owner *owner,
                        size_t *size);

/* Writes the workbook (sheets Instructie and Voortgang, English names with --lang en)
 * for `path` to a temporary file beside it; `csv_name` is the companion CSV's file
 * name, which the instructions mention. On RR_OK *out holds the complete file, to be
 * put in place with atomic_commit() (together with the CSV) and then discarded with
 * atomic_discard(). RR_ERR_WRITE, with an error in `diags` and nothing left behind,
 * when it cannot. */
rr_error template_write_xlsx(const char *path, const char *csv_name, const rr_model *model,
                             const rr_analysis *an, const rr_owner *owner, atomic_out *out,
                             diag_list *diags);

#endif

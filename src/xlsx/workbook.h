/*
 * workbook.h - the report workbook: eleven sheets, written in one go.
 *
 * Only formats what the analysis computed; never decides a status, a deadline or
 * a signal itself. Written atomically: the file appears at `path` complete, or not
 * at all (the previous report stays); the caller decides when (wb_write).
 */
#ifndef RR_WORKBOOK_H
#define RR_WORKBOOK_H

#include <time.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/diag.h"
#include "load/model.h"
#include "base/error.h"

typedef struct {
    const rr_model *model;
    const rr_analysis *analysis;
    const diag_list *diagnostics; /* warnings of loading and checking, for Controle */
    const diag_list *chart_notes; /* what the charts said before the workbook was
                                   * written (a chart not drawn, and why); may be NULL */
    const char *data_dir;
    const char *version;
    time_t made_at;               /* the run's clock (rr_options.now), shown as
                                   * "generated on" */
} wb_input;

/*
 * Writes the workbook for `path` to a temporary file beside it (base/atomic.h) and
 * reads it back (xlsx_archive_check). On RR_OK *out holds that complete file: the
 * caller puts it in place with atomic_commit(), together with the charts, and then
 * calls atomic_discard(out). Remarks made while writing (a text cut at Excel's cell
 * limit) are added to `notes` and also listed on the Controle sheet. RR_ERR_WRITE,
 * with an error in `notes` and nothing left behind, when it cannot be written.
 */
rr_error wb_write(const char *path, const wb_input *in, diag_list *notes, atomic_out *out);

#endif

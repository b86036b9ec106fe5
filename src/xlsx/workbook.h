/*
 * workbook.h - the report workbook: eleven sheets, written in one go.
 *
 * Only formats what the analysis computed; never decides a status, a deadline or
 * a signal itself. Written atomically: the file appears at `path` complete, or not
 * at all (the previous report stays).
 */
#ifndef RR_WORKBOOK_H
#define RR_WORKBOOK_H

#include "analyse/analyse.h"
#include "base/diag.h"
#include "load/model.h"
#include "base/error.h"

typedef struct {
    const rr_model *model;
    const rr_analysis *analysis;
    const diag_list *diagnostics; /* warnings of loading and checking, for Controle */
    const char *data_dir;
    const char *version;
} wb_input;

/*
 * Writes the workbook to `path`. Remarks made while writing (a text cut at Excel's
 * cell limit) are added to `notes` and also listed on the Controle sheet.
 * Returns RR_ERR_WRITE (message on stderr) when it cannot be written.
 */
rr_error wb_write(const char *path, const wb_input *in, diag_list *notes);

#endif

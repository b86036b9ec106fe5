/*
 * evaluation.h (xlsx) - the mid-term evaluation document of one region as a workbook
 * to print: a summary page with every evaluated plan side by side (A4 landscape), then
 * one sheet per plan (A4 portrait): a paragraph in plain language, the term and its
 * extensions, the counts at the midpoint and now, per action line its actions with
 * their history of reports, the trend with a native chart, the budget per year, the
 * indicator figures per 1,000 inhabitants beside the region's, what the evaluation
 * must look at, and the numbered sources.
 *
 * Only formats what analyse/evaluation.h computed.
 */
#ifndef RR_XLSX_EVALUATION_H
#define RR_XLSX_EVALUATION_H

#include "analyse/evaluation.h"
#include "base/atomic.h"
#include "base/diag.h"
#include "base/error.h"

/*
 * Writes the document of `ev` to a temporary file beside `path` and leaves it in `out`
 * for the caller to commit (with the other outputs of the run) and then discard. `an`
 * is the analysis `ev` was made from. RR_ERR_WRITE, with an error in `diags`, when it
 * cannot be written (then `out` holds nothing to commit, but must still be discarded);
 * a libxlsxwriter error on a sheet is a warning there.
 */
rr_error evaluation_write_xlsx(const char *path, const rr_analysis *an, const rr_evaluation *ev,
                               atomic_out *out, diag_list *diags);

#endif

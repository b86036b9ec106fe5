/*
 * handout.h - one A4 page for one municipality or region: what its policy adviser
 * takes to their own council.
 *
 * The page holds the owner's name and the report date; actions per status and per
 * signal with the change since its last meeting; its red and amber actions with
 * reason and latest note; the next deadlines; its plans' periods with extension and
 * midpoint; this year's budget; its indicator figures per 1,000 inhabitants beside
 * the region's; and where each figure comes from. Long lists are cut with a line
 * that says how many were left out, so the page stays one page at a readable scale.
 * Only formats what the analysis computed.
 */
#ifndef RR_HANDOUT_H
#define RR_HANDOUT_H

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/diag.h"
#include "base/error.h"
#include "load/model.h"

/* At most this many red and amber actions, and upcoming deadlines, on the page. */
#define HANDOUT_MAX_SIGNALLED 6
#define HANDOUT_MAX_DEADLINES 5

/*
 * Writes the handout of `owner` for `path` into a temporary file (`out`, read back
 * like the report's workbook) that the caller commits with its PDF and the other
 * pages (atomic_commit) and then discards. `an` is the report's analysis as of its
 * date; `before` the analysis as of the owner's previous meeting, for the changes
 * (may be NULL: then no changes are shown). Nothing is kept; the caller owns all
 * arguments. RR_ERR_WRITE, with an error in `diags`, when it cannot be written;
 * remarks (a libxlsxwriter error on the sheet) are warnings there.
 */
rr_error handout_write(const char *path, const rr_model *model, const rr_analysis *an,
                       const rr_analysis *before, const rr_owner *owner, atomic_out *out,
                       diag_list *diags);

#endif

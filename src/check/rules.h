/*
 * rules.h - the cross-file rules of the data format.
 *
 * Resolves every reference between rows (action -> plan, progress -> action,
 * extension -> plan, local plan -> regional plan, themes, indicators, budget ->
 * action), orders extensions and progress by date, and reports what does not
 * hold: errors for broken references, warnings for timelines that do not line
 * up. Runs once, after load_tree(), before any analysis.
 */
#ifndef RR_RULES_H
#define RR_RULES_H

#include "base/diag.h"
#include "load/model.h"

/*
 * Fills in the model's pointers and adds errors and warnings to `diags`.
 * `as_of` is the report date (progress after it is a warning); `since` the start
 * of the current meeting period (a municipality without progress since then is
 * a warning), or RR_DATE_NONE for each region's own previous meeting; `today` the
 * run's date (rr_options.today: the clock is read once), after which a progress
 * report is most likely a typing error in its year.
 */
void rules_check(rr_model *model, rr_date as_of, rr_date since, rr_date today,
                 diag_list *diags);

#endif

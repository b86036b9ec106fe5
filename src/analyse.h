/*
 * analyse.h - what the data means on a given date.
 *
 * Pure functions from the model and dates to results: no I/O, no allocation
 * unless a function says so. Writers (workbook, charts, terminal) only format
 * what these compute. All functions take the model after rules_check().
 */
#ifndef RR_ANALYSE_H
#define RR_ANALYSE_H

#include "model.h"

/* The plan's end after all its extensions (the last day); RR_DATE_NONE if unknown. */
rr_date plan_effective_end(const rr_plan *plan);

/* The plan's original end (last day of `eind`); RR_DATE_NONE if unknown. */
rr_date plan_original_end(const rr_plan *plan);

/* The latest progress report on or before `as_of`, or NULL. */
const rr_progress *action_progress_as_of(const rr_action *action, rr_date as_of);

/* The action's status on `as_of`: its latest report's, STATUS_UNKNOWN without one. */
rr_status action_status_as_of(const rr_action *action, rr_date as_of);

/* The action's deadline: the last day of its planning; RR_DATE_NONE when it has none
 * (unknown or recurring). */
rr_date action_deadline(const rr_action *action);

/* The last meeting of `region` on or before `date` (NULL if none); only meetings of
 * the six-weekly cycle count (soort empty or "rao"). */
const rr_meeting *region_meeting_before(const rr_model *model, const rr_owner *region,
                                        rr_date date, bool inclusive);

/* The --since default for a set of owners: the latest six-weekly meeting strictly
 * before `as_of` in any region, else as_of - 42 days. */
rr_date default_since(const rr_model *model, rr_date as_of);

#define MEETING_INTERVAL_DAYS 42

#endif

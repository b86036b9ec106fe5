/*
 * calendar.h - the dates that follow from the model itself: a plan's end after its
 * extensions, an action's deadline, and a region's meeting days.
 *
 * Both the check (whether a timeline holds) and the analysis (what the data means
 * on a date) ask these, so they live here, below both stages. Pure functions: no
 * I/O, no allocation unless a function says so. Extensions and progress are in the
 * order the check puts them (rules_check), so call them on a checked model.
 */
#ifndef RR_CALENDAR_H
#define RR_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "load/model.h"

/* The plan's end after all its extensions (the last day); RR_DATE_NONE if unknown. */
rr_date calendar_plan_effective_end(const rr_plan *plan);

/* The plan's original end (last day of `eind`); RR_DATE_NONE if unknown. */
rr_date calendar_plan_original_end(const rr_plan *plan);

/* The action's deadline: the last day of its planning; RR_DATE_NONE when it has none
 * (unknown or recurring). */
rr_date calendar_action_deadline(const rr_action *action);

/* The last meeting of `region` on or before `date` (NULL if none); only meetings of
 * the meeting cycle count (soort empty or "rao"). */
const rr_meeting *calendar_region_meeting_before(const rr_model *model, const rr_owner *region,
                                        rr_date date, bool inclusive);

/* The default rhythm: the regional meeting every six weeks (regio.csv ritme_weken). */
#define MEETING_INTERVAL_DAYS 42

/* Days between two meetings of the region of `owner` (its regio.csv ritme_weken). */
int calendar_interval_days(const rr_owner *owner);

/*
 * A region's meeting period on a date. The meeting days are the recorded meetings
 * of the cycle (overleggen.csv, soort empty or "rao"), continued by the rhythm past
 * the last recorded one and counted back by it before the first; a region without
 * recorded meetings meets on as_of and every rhythm step around it. Every sheet,
 * chart and `status` take the period from here, so they name the same dates.
 */
typedef struct {
    rr_date since;          /* the last meeting day strictly before as_of */
    rr_date next;           /* the first meeting day strictly after as_of */
    rr_date last_recorded;  /* latest recorded meeting on or before as_of; RR_DATE_NONE */
    int interval_days;      /* the region's rhythm */
    bool projected;         /* since lies past last_recorded, by the rhythm */
    bool stale;             /* last_recorded lies more than two periods before as_of */
} meeting_period;

/* The period of the region of `owner` (a municipality counts by its region). */
meeting_period calendar_meeting_period(const rr_model *model, const rr_owner *owner, rr_date as_of);

/* The start of a region's current meeting period: calendar_meeting_period().since. */
rr_date calendar_region_since(const rr_model *model, const rr_owner *region, rr_date as_of);

/* The period start that applies to `owner`: `since` when the user gave one (not
 * RR_DATE_NONE), else its region's (calendar_region_since). */
rr_date calendar_owner_since(const rr_model *model, const rr_owner *owner, rr_date as_of, rr_date since);

/* The meeting days of `owner`'s region in [from, to], ascending, as for
 * calendar_meeting_period(model, owner, as_of). Returns a new GArray of rr_date
 * (g_array_free by the caller); at most `max` days, the latest kept. */
GArray *calendar_meeting_days(const rr_model *model, const rr_owner *owner, rr_date as_of,
                             rr_date from, rr_date to, guint max);

#endif

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
 * the last recorded one and counted back by it before the first. A region without
 * recorded meetings gets estimated days, every rhythm step from its anchor
 * (calendar_region_anchor): a date in the data, so the estimate does not move from one
 * run to the next. Every sheet, chart and `status` take the period from here, so they
 * name the same dates, and say which of them are estimates.
 */
typedef struct {
    rr_date since;          /* the last meeting day strictly before as_of */
    rr_date next;           /* the first meeting day strictly after as_of */
    rr_date last_recorded;  /* latest recorded meeting on or before as_of; RR_DATE_NONE */
    int interval_days;      /* the region's rhythm */
    bool projected;         /* since lies past last_recorded, by the rhythm */
    bool stale;             /* last_recorded lies more than two periods before as_of */
    bool none_recorded;     /* the region has no meeting of the cycle in overleggen.csv */
    bool since_estimated;   /* since is not a recorded meeting (by the rhythm) */
    bool next_estimated;    /* next is not recorded and follows an estimated since */
} meeting_period;

/* Where the estimated meeting days of a region without recorded meetings are counted
 * from: the first day of the earliest plan of the region or its municipalities, else
 * its earliest progress report, else RR_DATE_NONE (then as_of is all there is). */
rr_date calendar_region_anchor(const rr_model *model, const rr_owner *region);

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

/* "16-11-2026", or "16-11-2026 (geschat)" for an estimated meeting day (current
 * language): every writer and message names a meeting day this way. g_free. */
char *calendar_meeting_date_text(rr_date date, bool estimated);

/* When a progress report reached the data: the date in its returned form's name
 * (`voortgang-<owner>-<YYYY-MM-DD>.xlsx|.ods|.csv`, the day `template` made the form, so
 * the form came back after it); RR_DATE_NONE for voortgang.csv and for a name without a
 * date (then the report counts as known on its own date). */
rr_date calendar_report_received(const rr_progress *progress);

/* Whether a report belongs to the meeting period (since, as_of]: dated in it, or a late
 * report, dated on or before `since` but received after it (calendar_report_received)
 * and by as_of, so the previous meeting never saw it. */
bool calendar_report_in_period(const rr_progress *progress, rr_date since, rr_date as_of);
bool calendar_report_is_late(const rr_progress *progress, rr_date since, rr_date as_of);

/* "3 jaar en 5 maanden geleden", "12 dagen geleden", "vandaag" (current language): how
 * long before `to` the date `from` lies. g_free; "" when either date is unknown. */
char *calendar_age_text(rr_date from, rr_date to);

#endif

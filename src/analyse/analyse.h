/*
 * analyse.h - what the data means on a given date.
 *
 * Pure functions from the model and dates to results: no I/O, no allocation
 * unless a function says so. Writers (workbook, charts, terminal) only format
 * what these compute. All functions take the model after rules_check().
 */
#ifndef RR_ANALYSE_H
#define RR_ANALYSE_H

#include <stdbool.h>
#include <stdint.h>

#include "load/calendar.h"
#include "load/model.h"

/* The latest progress report on or before `as_of`, or NULL. */
const rr_progress *analyse_progress_as_of(const rr_action *action, rr_date as_of);

/* The action's status on `as_of`: its latest report's, STATUS_UNKNOWN without one. */
rr_status analyse_status_as_of(const rr_action *action, rr_date as_of);

/* The latest report on or before `as_of` that gives a revised or expected date
 * (verwacht), or NULL. Such a date stands until a later report gives another. */
const rr_progress *analyse_expected_as_of(const rr_action *action, rr_date as_of);

/* The --since shown for the whole report when none is given: the latest period start
 * of any region. */
rr_date analyse_default_since(const rr_model *model, rr_date as_of);

/* ---- the report's view of every action ------------------------------------ */

/* Signals, their reasons and progress groups (rr_signal, signal_reason,
 * progress_group) are in base/vocab.h. */

typedef struct {
    const rr_action *action;
    rr_status status;            /* on as_of */
    const rr_progress *latest;   /* latest report on or before as_of, or NULL */
    guint reports_known;         /* reports dated on or before as_of: the first this many
                                  * of action->progress (in date order, rules.c) */
    const rr_progress *expected; /* analyse_expected_as_of, or NULL */
    rr_date planned_deadline;    /* the planning's last day; RR_DATE_NONE when none */
    rr_date deadline;            /* the one that counts for the signal: the expected date
                                  * when a report gives one, else planned_deadline */
    bool overdue;
    bool due_soon;               /* as_of < deadline <= next meeting */
    bool no_recent_update;       /* no report in (as_of - 84 days, as_of] */
    rr_signal signal;
    signal_reason reason;
    /* Changes in the meeting period (since, as_of]. */
    rr_status status_at_since;
    bool status_changed;
    bool is_new;                 /* added to the plan since the previous meeting: its plan
                                  * starts or was adopted in the period */
    bool first_report;           /* an older action's first report falls in the period */
    const rr_progress *late;     /* the latest late report (calendar_report_is_late), or NULL */
    rr_date plan_ended;          /* open, and its plan (with extensions) ended before as_of:
                                  * that end; RR_DATE_NONE otherwise */
    bool newly_overdue;          /* its deadline fell in the period, not done */
    bool updated_in_period;      /* some report in the period (calendar_report_in_period) */
} action_view;

/* The signal's reason as the meeting reads it: the reason, and for an open action of a
 * plan that has ended "plan afgelopen op 31-12-2024". g_free; "" for neither. */
char *analyse_reason_text(const action_view *view);

typedef struct {
    const rr_owner *owner;
    size_t actions;
    size_t by_status[STATUS_COUNT];
    size_t by_signal[SIGNAL_COUNT];
    size_t overdue;
    size_t due_soon;
    size_t no_recent_update;
    size_t changed;              /* status changes in the period */
    bool updated_in_period;      /* any of its actions got a report in the period */
    rr_date since;               /* start of its meeting period (calendar_owner_since) */
    rr_date next_meeting;        /* its region's next meeting (analyse_next_meeting_after) */
    rr_date last_update;         /* latest report on or before as_of; RR_DATE_NONE */
    bool silent;                 /* has actions and sent nothing in the period */
    bool since_estimated;        /* since is an estimate: not a recorded meeting, no --since */
    bool next_estimated;         /* next_meeting is an estimate (meeting_period) */
    bool none_recorded;          /* its region has no recorded meeting of the cycle */
    rr_date plans_end;           /* the latest effective end of its plans; RR_DATE_NONE */
    bool plans_ended;            /* it has plans and all ended before as_of */
    size_t by_group[PROGRESS_COUNT];       /* on as_of */
    size_t by_group_since[PROGRESS_COUNT]; /* on `since`: the change since the meeting */
} owner_summary;

typedef struct {
    const rr_plan *plan;
    rr_date start;               /* RR_DATE_NONE when unknown */
    rr_date original_end;
    rr_date effective_end;
    int months_extended;         /* whole months from original to effective end */
    rr_date midpoint;            /* middle of the original term; RR_DATE_NONE if unknown */
    rr_date evaluation;          /* last day of `evaluatie`; RR_DATE_NONE */
    bool runs_past_parent;       /* a local plan ending after its regional plan */
    bool ended;                  /* effective_end lies before as_of */
} plan_view;

/* Mid-term progress of the whole plan (`whole`), or of one of its action lines: the
 * plan's lines and its actions without a line (action_line "", not whole) add up to
 * the whole plan. */
typedef struct {
    const rr_plan *plan;
    const char *action_line;
    bool whole;
    rr_date midpoint;            /* the plan's; RR_DATE_NONE if unknown */
    bool midpoint_passed;        /* midpoint known and on or before as_of: only then do
                                    the at_midpoint counts mean anything */
    size_t total;
    size_t at_midpoint[PROGRESS_COUNT];
    size_t at_as_of[PROGRESS_COUNT];
} midterm_row;

typedef struct {
    const rr_theme *theme;
    const rr_owner *owner;
    size_t actions;
    size_t by_status[STATUS_COUNT];
} theme_cell;

/* One owner's progress on one day of the trend (Verloop): a meeting day, recorded or
 * by the rhythm, or the report date itself. */
typedef struct {
    const rr_owner *owner;
    rr_date date;
    bool recorded;               /* a meeting in overleggen.csv */
    bool is_as_of;               /* the report date, not a meeting day */
    size_t total;                /* the owner's actions */
    size_t by_group[PROGRESS_COUNT];
} trend_point;

/* The most meeting days one owner's trend shows (the latest kept): 15 years of six-weekly
 * meetings. */
#define TREND_MAX_POINTS 130

/* The trend of `actions` (rr_action*) as the Verloop sheet computes an owner's: the
 * meeting days of `owner`'s region from `start` (RR_DATE_NONE: as_of alone) to as_of,
 * then as_of when it is no meeting day, each point counting the actions per progress
 * group (points carry `owner`). A new GArray of trend_point; g_array_free by the caller. */
GArray *analyse_trend_of(const rr_model *model, const rr_owner *owner, rr_date as_of,
                         const GPtrArray *actions, rr_date start);

/* A budget total for one owner, action line and year. */
typedef struct {
    const rr_owner *owner;
    const char *action_line;
    int year;
    int64_t cents;
} budget_total;

/*
 * Everything the writers show, computed once. Arrays follow the model's order
 * (owners, actions, plans). The analysis points into the model and must not
 * outlive it; analysis_free() releases only what analysis_new() allocated.
 * `since` given to analysis_new may be RR_DATE_NONE: then every region's period starts
 * at its own previous meeting (calendar_owner_since), and the field shows analyse_default_since.
 */
typedef struct {
    rr_date as_of;
    rr_date since;
    rr_date next_meeting;        /* six weeks after the last meeting on or before as_of */
    bool periods_differ;         /* owners' meeting periods or next meetings differ */
    action_view *actions;        /* model->actions->len */
    size_t action_count;
    owner_summary *owners;       /* model->owners->len */
    size_t owner_count;
    plan_view *plans;            /* model->plans->len */
    size_t plan_count;
    GArray *midterm;             /* midterm_row, by plan: whole, its lines, then the
                                    actions without a line (if any) */
    GArray *themes;              /* theme_cell, theme-major, only cells with actions */
    GArray *budget;              /* budget_total, by owner, action line, year */
    GArray *budget_years;        /* budget_total per owner and year (action_line ""), sorted */
    GArray *trend;               /* trend_point, by owner (model order, owners with actions)
                                  * then date: every meeting day from the first start of the
                                  * owner's plans (else its first report) to as_of, and as_of */
    GHashTable *action_index;    /* internal: rr_action* -> index + 1 */
    GHashTable *owner_index;     /* internal: rr_owner* -> index + 1 */
} rr_analysis;

rr_analysis *analysis_new(const rr_model *model, rr_date as_of, rr_date since);
void analysis_free(rr_analysis *analysis); /* accepts NULL */

/* The view of one action / owner (by pointer); NULL if not in the model. */
const action_view *analysis_action(const rr_analysis *analysis, const rr_action *action);
const owner_summary *analysis_owner(const rr_analysis *analysis, const rr_owner *owner);

/* What an owner's handout page shows as needing attention: its red actions, then its
 * amber ones, each in the order of `actions` (by deadline). A new array of pointers
 * into analysis->actions; the caller frees it with g_ptr_array_free(array, TRUE). */
GPtrArray *analyse_owner_signalled(const rr_analysis *analysis, const rr_owner *owner);

/* The owner's open actions (neither done nor cancelled) whose deadline is on or after
 * as_of, soonest first: what comes next. Owned as analyse_owner_signalled's. */
GPtrArray *analyse_owner_next_deadlines(const rr_analysis *analysis, const rr_owner *owner);

/* The next meeting of a region after as_of: calendar_meeting_period().next. With
 * region NULL, the earliest over all regions. */
rr_date analyse_next_meeting_after(const rr_model *model, const rr_owner *region, rr_date as_of);

/* "+2 afgerond, -1 in uitvoering" (current language): how an owner's progress groups
 * changed since its period's start; "" when nothing changed. g_free. */
char *analyse_change_text(const owner_summary *summary);

/* Whole months between two dates (b after a), rounded to the nearest month. */
int analyse_months_between(rr_date a, rr_date b);

/* The population to set a figure of `year` against: the owner's count for that year
 * (inwoners.csv), else gemeente.csv's inwoners; *count_year is the year of the count
 * used (0 when gemeente.csv gives none). False when neither is known. */
bool analyse_population(const rr_owner *owner, int year, int64_t *count, int *count_year);

/* A figure per 1,000 inhabitants of its owner (analyse_population of its year); false
 * when the population is unknown or the value suppressed. */
bool analyse_per_thousand(const rr_figure *figure, double *out);

/* The spread of `n` values (n > 0): lowest, first quartile, median, third quartile,
 * highest, into spread[0..4] (quartiles interpolated between neighbours). Sorts
 * `values` in place. */
void analyse_spread(double *values, size_t n, double spread[5]);

/* Whether a report as of `as_of` may show the figure: on or after its publication
 * date where cijfers.csv gives one, else only after its year has ended (a report of
 * 31-01-2023 shows no figure for all of 2023, whatever a file claims). */
bool analyse_figure_known(const rr_figure *figure, rr_date as_of);

#endif

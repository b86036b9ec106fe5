/*
 * evaluation.h - the mid-term evaluation of one region: its regional plan and every
 * local plan under it, each at the midpoint of its original term and on the report
 * date.
 *
 * Built from the report's analysis (analyse.h), so every count agrees with the
 * workbook of the same date: the counts per plan and action line are the
 * Tussenevaluatie rows, the trend is computed as Verloop computes an owner's, the
 * figures per 1,000 inhabitants and the budget totals as Cijfers and Begroting show
 * them. Pure: no I/O.
 *
 * Ownership: an rr_evaluation owns its arrays; everything else (plans, actions,
 * reports, figures, the mid-term rows and action views) points into the model and
 * the analysis, which must outlive it. evaluation_free() releases it.
 */
#ifndef RR_EVALUATION_H
#define RR_EVALUATION_H

#include <stdbool.h>
#include <stdint.h>

#include "analyse/analyse.h"

/* Why an action is on the list of what the evaluation must look at. */
typedef enum {
    EVAL_LOOK_OVERDUE = 0, /* its deadline passed and it is neither done nor cancelled */
    EVAL_LOOK_NEVER,       /* no progress report on or before the report date */
    EVAL_LOOK_ON_HOLD,     /* status aangehouden */
    EVAL_LOOK_COUNT
} eval_look;

/* One action of an evaluated plan. */
typedef struct {
    const action_view *view;     /* the report's view: status, deadline, latest, overdue */
    rr_status at_midpoint;       /* STATUS_UNKNOWN when the midpoint is unknown or ahead */
    GPtrArray *history;          /* rr_progress*, every report on or before as_of, by date */
    bool look[EVAL_LOOK_COUNT];
} eval_action;

/* One action line of a plan, or its actions without a line (name ""). */
typedef struct {
    const char *name;
    const midterm_row *counts;   /* its Tussenevaluatie row */
    GArray *actions;             /* guint: indexes into the plan's `actions` */
    double share_done;           /* done now, of all its actions (as Tussenevaluatie) */
    bool lags;                   /* a smaller share done now than the whole plan */
} eval_line;

/* The plan's budget in one year. */
typedef struct {
    int year;
    int64_t cents;
    bool in_period;              /* the year lies in the plan's term (with extensions) */
} eval_budget_year;

/* One indicator in one year: the owner's figure beside its region's. */
typedef struct {
    const rr_indicator *indicator;
    int year;
    const rr_figure *own;
    const rr_figure *region;     /* the region's figure of that year; NULL when none or
                                    when the plan is the region's own */
    bool own_per_thousand_known;
    double own_per_thousand;
    bool region_per_thousand_known;
    double region_per_thousand;
} eval_figure;

/* Kinds of text a plan's budget leaves without an amount. */
typedef enum {
    EVAL_UNPRICED_FUNDING = 0,   /* the plan's dekking: where money comes from */
    EVAL_UNPRICED_ACTION,        /* an action's budget text without an amount */
    EVAL_UNPRICED_RUNNING,       /* an action's running costs, outside the plan's budget */
} eval_unpriced_kind;

typedef struct {
    eval_unpriced_kind kind;
    const rr_action *action;     /* NULL for the plan's funding */
    const char *text;            /* interned in the model */
} eval_unpriced;

/* One evaluated plan. */
typedef struct {
    const rr_plan *plan;
    const plan_view *view;       /* start, ends, months extended, midpoint */
    bool midpoint_passed;        /* midpoint known and on or before as_of */
    const midterm_row *whole;    /* the whole plan's Tussenevaluatie row; NULL: no actions */
    GArray *actions;             /* eval_action, by action line (the lines' order), then
                                    file order */
    GArray *lines;               /* eval_line, in the plan's order (actielijnen.csv first,
                                    then as the actions name them), "" last */
    size_t look_count[EVAL_LOOK_COUNT];
    GArray *trend;               /* trend_point of the plan's actions from its start to
                                    as_of, the midpoint among them when it has passed */
    guint midpoint_point;        /* index of the midpoint in `trend`; G_MAXUINT if none */
    GArray *budget;              /* eval_budget_year, by year */
    int64_t budget_total;        /* over the years in the plan's term */
    bool has_budget;             /* any budget line counts for the plan */
    GArray *unpriced;            /* eval_unpriced */
    GArray *figures;             /* eval_figure, indicator then year, from the year
                                    before the plan's start (its baseline) on */
} eval_plan;

typedef struct {
    const rr_owner *region;
    rr_date as_of;
    GArray *plans;               /* eval_plan: the region's own plans, then its
                                    municipalities' in model order */
    GPtrArray *skipped;          /* const rr_plan*: the region's plans without actions
                                    (covenants, provisions, earlier visions) */
} rr_evaluation;

/* Whether `plan` is one the mid-term evaluation covers: a plan with actions (a
 * covenant, a provision or an earlier vision without any has nothing to evaluate). */
bool evaluation_covers(const rr_plan *plan, const rr_analysis *an);

/*
 * The evaluation of `region` as of an->as_of. `only` (rr_plan*, may be NULL) limits it
 * to those plans; plans of other regions in it are ignored. The result borrows the
 * model and the analysis; evaluation_free() releases it.
 */
rr_evaluation *evaluation_new(const rr_model *model, const rr_analysis *an,
                              const rr_owner *region, const GPtrArray *only);
void evaluation_free(rr_evaluation *ev); /* accepts NULL */

/* The plain-language paragraph (B1) above a plan's page: its term, extensions with
 * their decision date and reason, how many actions were done, under way, not started
 * and never reported at the midpoint and now, the action lines that lag, the budget.
 * In the current language; g_free. */
char *evaluation_paragraph(const rr_analysis *an, const rr_evaluation *ev, const eval_plan *p);

/* The paragraph above the region's summary page: which plans are evaluated, how many
 * have passed their midpoint. g_free. */
char *evaluation_region_paragraph(const rr_analysis *an, const rr_evaluation *ev);

/* The share of `total` actions that `groups` (PROGRESS_COUNT counts) has done, as the
 * Tussenevaluatie sheet shows it; 0 when there are none. */
double evaluation_share_done(const size_t *groups, size_t total);

#endif

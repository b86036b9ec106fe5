/* evaluation.c - the mid-term evaluation of a region's plans (see evaluation.h). */
#include "analyse/evaluation.h"

#include <string.h>

double evaluation_share_done(const size_t *groups, size_t total)
{
    return total ? (double)groups[PROGRESS_DONE] / (double)total : 0.0;
}

/* The plan's mid-term rows as analysis_new() wrote them: the whole plan first, then its
 * lines; *n gets how many (0 when the plan has no actions). */
static const midterm_row *midterm_rows_of(const rr_analysis *an, const rr_plan *plan, guint *n)
{
    *n = 0;
    for (guint i = 0; i < an->midterm->len; i++) {
        const midterm_row *r = &g_array_index(an->midterm, midterm_row, i);
        if (r->plan != plan || !r->whole)
            continue;
        guint k = i + 1;
        while (k < an->midterm->len && !g_array_index(an->midterm, midterm_row, k).whole &&
               g_array_index(an->midterm, midterm_row, k).plan == plan)
            k++;
        *n = k - i;
        return r;
    }
    return NULL;
}

static bool has_actions(const rr_plan *plan, const rr_analysis *an)
{
    guint n;
    return midterm_rows_of(an, plan, &n) != NULL;
}

bool evaluation_covers(const rr_plan *plan, const rr_analysis *an)
{
    return has_actions(plan, an);
}

static const plan_view *view_of(const rr_analysis *an, const rr_plan *plan)
{
    for (size_t i = 0; i < an->plan_count; i++)
        if (an->plans[i].plan == plan)
            return &an->plans[i];
    return NULL;
}

/* ---- actions and lines ------------------------------------------------------- */

static eval_action make_action(const rr_analysis *an, const action_view *v,
                               const eval_plan *p)
{
    eval_action e = {v, STATUS_UNKNOWN, g_ptr_array_new(), {false}};
    if (p->midpoint_passed)
        e.at_midpoint = analyse_status_as_of(v->action, p->view->midpoint);
    for (guint i = 0; i < v->action->progress->len; i++) {
        rr_progress *r = g_ptr_array_index(v->action->progress, i);
        if (r->date.value.last <= an->as_of)
            g_ptr_array_add(e.history, r);
    }
    e.look[EVAL_LOOK_OVERDUE] = v->overdue;
    e.look[EVAL_LOOK_NEVER] = v->latest == NULL;
    e.look[EVAL_LOOK_ON_HOLD] = v->status == STATUS_ON_HOLD;
    return e;
}

/* The index of the line named `name` in p->lines (added from `rows` when new). */
static guint line_index(eval_plan *p, const char *name, const midterm_row *rows, guint n)
{
    for (guint i = 0; i < p->lines->len; i++)
        if (strcmp(g_array_index(p->lines, eval_line, i).name, name) == 0)
            return i;
    eval_line line = {name, NULL, g_array_new(FALSE, FALSE, sizeof(guint)), 0.0, false};
    for (guint k = 1; k < n; k++)
        if (strcmp(rows[k].action_line, name) == 0)
            line.counts = &rows[k];
    g_array_append_val(p->lines, line);
    return p->lines->len - 1;
}

/* The plan's actions, grouped by line in the order of its Tussenevaluatie rows. A plan
 * whose actions all lack a line has one line "" counted by the whole plan's row. */
static void collect_actions(eval_plan *p, const rr_analysis *an)
{
    guint n = 0;
    const midterm_row *rows = midterm_rows_of(an, p->plan, &n);
    p->whole = rows;
    for (guint k = 1; k < n; k++)
        line_index(p, rows[k].action_line, rows, n);
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        if (v->action->plan != p->plan)
            continue;
        eval_action e = make_action(an, v, p);
        for (int l = 0; l < EVAL_LOOK_COUNT; l++)
            p->look_count[l] += e.look[l];
        g_array_append_val(p->actions, e);
        guint at = p->actions->len - 1;
        /* line_index may grow p->lines: take its index before the address. */
        guint li = line_index(p, v->action->action_line, rows, n);
        eval_line *line = &g_array_index(p->lines, eval_line, li);
        if (!line->counts)
            line->counts = rows; /* only actions without a line: the whole plan */
        g_array_append_val(line->actions, at);
    }
}

/* A line lags when it has done a smaller share of its actions than the whole plan. */
static void mark_lagging(eval_plan *p)
{
    if (!p->whole)
        return;
    double whole = evaluation_share_done(p->whole->at_as_of, p->whole->total);
    for (guint i = 0; i < p->lines->len; i++) {
        eval_line *line = &g_array_index(p->lines, eval_line, i);
        line->share_done = evaluation_share_done(line->counts->at_as_of, line->counts->total);
        line->lags = p->lines->len > 1 && line->name[0] && line->share_done < whole;
    }
}

/* ---- trend ------------------------------------------------------------------- */

/* The plan's trend from its start (else its first report), with the midpoint put in
 * among the meeting days when it has passed and is no meeting day itself. */
static void compute_trend(eval_plan *p, const rr_model *model, const rr_analysis *an)
{
    GPtrArray *actions = g_ptr_array_new();
    for (guint i = 0; i < p->actions->len; i++)
        g_ptr_array_add(actions, (gpointer)g_array_index(p->actions, eval_action, i).view->action);
    p->trend = analyse_trend_of(model, p->plan->owner, an->as_of, actions, p->view->start);
    p->midpoint_point = G_MAXUINT;
    if (p->midpoint_passed && actions->len > 0) {
        GArray *mid = analyse_trend_of(model, p->plan->owner, p->view->midpoint, actions,
                                       p->view->midpoint);
        trend_point point = g_array_index(mid, trend_point, mid->len - 1);
        g_array_free(mid, TRUE);
        guint at = 0;
        while (at < p->trend->len && g_array_index(p->trend, trend_point, at).date < point.date)
            at++;
        if (at < p->trend->len && g_array_index(p->trend, trend_point, at).date == point.date) {
            p->midpoint_point = at;
        } else {
            point.is_as_of = false;
            g_array_insert_val(p->trend, at, point);
            p->midpoint_point = at;
        }
    }
    g_ptr_array_free(actions, TRUE);
}

/* ---- budget ------------------------------------------------------------------ */

/* Whether the action line `name` is one of the plan's. */
static bool plan_has_line(const eval_plan *p, const char *name)
{
    for (guint i = 0; i < p->lines->len; i++)
        if (name[0] && strcmp(g_array_index(p->lines, eval_line, i).name, name) == 0)
            return true;
    for (guint i = 0; i < p->plan->action_lines->len; i++) {
        const rr_action_line *l = g_ptr_array_index(p->plan->action_lines, i);
        if (strcmp(l->name, name) == 0)
            return true;
    }
    return false;
}

/* Whether a budget line counts for the plan: its action is on the plan; else its
 * action line is the plan's; else (naming neither) the plan is the only one its owner
 * has in the evaluation. */
static bool budget_line_counts(const eval_plan *p, const rr_budget_line *b, bool only_plan)
{
    if (b->owner != p->plan->owner)
        return false;
    if (b->action)
        return b->action->plan == p->plan;
    if (b->action_line[0] && plan_has_line(p, b->action_line))
        return true;
    return only_plan && !b->action_line[0];
}

static void add_year(eval_plan *p, int year, int64_t cents)
{
    guint at = 0;
    while (at < p->budget->len && g_array_index(p->budget, eval_budget_year, at).year < year)
        at++;
    if (at == p->budget->len || g_array_index(p->budget, eval_budget_year, at).year != year) {
        eval_budget_year y = {year, 0, false};
        g_array_insert_val(p->budget, at, y);
    }
    g_array_index(p->budget, eval_budget_year, at).cents += cents;
}

static int year_of(rr_date date)
{
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    return y;
}

static void compute_budget(eval_plan *p, const rr_model *model, bool only_plan)
{
    bool term = p->view->start != RR_DATE_NONE && p->view->effective_end != RR_DATE_NONE;
    int first = term ? year_of(p->view->start) : 0, last = term ? year_of(p->view->effective_end) : 0;
    for (int y = first; term && y <= last; y++)
        add_year(p, y, 0);
    for (guint i = 0; i < model->budget_lines->len; i++) {
        const rr_budget_line *b = g_ptr_array_index(model->budget_lines, i);
        if (!budget_line_counts(p, b, only_plan))
            continue;
        p->has_budget = true;
        for (int y = b->from_year; y <= b->to_year; y++)
            add_year(p, y, b->cents_per_year);
    }
    for (guint i = 0; i < p->budget->len; i++) {
        eval_budget_year *y = &g_array_index(p->budget, eval_budget_year, i);
        y->in_period = term && y->year >= first && y->year <= last;
        if (y->in_period)
            p->budget_total += y->cents;
    }
}

/* What the plan's budget leaves without an amount: its funding (the text as written,
 * sources split by '|'), actions' budget texts without an amount, their running costs. */
static void collect_unpriced(eval_plan *p)
{
    if (p->plan->funding[0]) {
        eval_unpriced u = {EVAL_UNPRICED_FUNDING, NULL, p->plan->funding};
        g_array_append_val(p->unpriced, u);
    }
    for (guint i = 0; i < p->actions->len; i++) {
        const rr_action *a = g_array_index(p->actions, eval_action, i).view->action;
        if (a->budget_text[0] && !a->has_budget_amount) {
            eval_unpriced u = {EVAL_UNPRICED_ACTION, a, a->budget_text};
            g_array_append_val(p->unpriced, u);
        }
        if (a->running_costs[0]) {
            eval_unpriced u = {EVAL_UNPRICED_RUNNING, a, a->running_costs};
            g_array_append_val(p->unpriced, u);
        }
    }
}

/* ---- figures ----------------------------------------------------------------- */

static const rr_figure *figure_of(const rr_model *model, const rr_owner *owner,
                                  const rr_indicator *indicator, int year, rr_date as_of)
{
    for (guint i = 0; i < model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(model->figures, i);
        if (f->owner == owner && f->indicator == indicator && f->year == year &&
            analyse_figure_known(f, as_of))
            return f;
    }
    return NULL;
}

static gint by_year(gconstpointer a, gconstpointer b)
{
    const eval_figure *x = a, *y = b;
    return (x->year > y->year) - (x->year < y->year);
}

/* The owner's figures known on as_of from the year before the plan's start on (the
 * baseline a plan states; every year when the start is unknown), indicator by
 * indicator, the region's of the same year beside. */
static void collect_figures(eval_plan *p, const rr_model *model, const rr_analysis *an)
{
    const rr_owner *owner = p->plan->owner;
    int first = p->view->start != RR_DATE_NONE ? year_of(p->view->start) - 1 : 0;
    for (guint k = 0; k < model->indicators->len; k++) {
        const rr_indicator *ind = g_ptr_array_index(model->indicators, k);
        GArray *found = g_array_new(FALSE, TRUE, sizeof(eval_figure));
        for (guint i = 0; i < model->figures->len; i++) {
            const rr_figure *f = g_ptr_array_index(model->figures, i);
            if (f->owner != owner || f->indicator != ind || f->year < first ||
                !analyse_figure_known(f, an->as_of))
                continue;
            eval_figure e = {ind, f->year, f, NULL, false, 0, false, 0};
            e.own_per_thousand_known = analyse_per_thousand(f, &e.own_per_thousand);
            if (owner->region)
                e.region = figure_of(model, owner->region, ind, f->year, an->as_of);
            if (e.region)
                e.region_per_thousand_known =
                    analyse_per_thousand(e.region, &e.region_per_thousand);
            g_array_append_val(found, e);
        }
        g_array_sort(found, by_year);
        g_array_append_vals(p->figures, found->data, found->len);
        g_array_free(found, TRUE);
    }
}

/* ---- the whole ----------------------------------------------------------------- */

static bool chosen(const GPtrArray *only, const rr_plan *plan)
{
    if (!only)
        return true;
    for (guint i = 0; i < only->len; i++)
        if (g_ptr_array_index(only, i) == plan)
            return true;
    return false;
}

/* How many plans of `owner` the evaluation holds. */
static int plans_of(const GArray *plans, const rr_owner *owner)
{
    int n = 0;
    for (guint i = 0; i < plans->len; i++)
        n += g_array_index(plans, eval_plan, i).plan->owner == owner;
    return n;
}

static void evaluate(eval_plan *p, const rr_model *model, const rr_analysis *an, bool only_plan)
{
    collect_actions(p, an);
    mark_lagging(p);
    compute_trend(p, model, an);
    compute_budget(p, model, only_plan);
    collect_unpriced(p);
    collect_figures(p, model, an);
}

/* Adds the plans of `owner` (the region first, then each municipality). */
static void add_plans(rr_evaluation *ev, const rr_model *model, const rr_analysis *an,
                      const rr_owner *owner, const GPtrArray *only)
{
    for (guint i = 0; i < model->plans->len; i++) {
        const rr_plan *plan = g_ptr_array_index(model->plans, i);
        if (plan->owner != owner || !chosen(only, plan))
            continue;
        if (!evaluation_covers(plan, an)) {
            g_ptr_array_add(ev->skipped, (gpointer)plan);
            continue;
        }
        const plan_view *v = view_of(an, plan);
        eval_plan p = {.plan = plan, .view = v,
                       .midpoint_passed = v->midpoint != RR_DATE_NONE && v->midpoint <= an->as_of,
                       .actions = g_array_new(FALSE, TRUE, sizeof(eval_action)),
                       .lines = g_array_new(FALSE, TRUE, sizeof(eval_line)),
                       .budget = g_array_new(FALSE, TRUE, sizeof(eval_budget_year)),
                       .unpriced = g_array_new(FALSE, TRUE, sizeof(eval_unpriced)),
                       .figures = g_array_new(FALSE, TRUE, sizeof(eval_figure))};
        g_array_append_val(ev->plans, p);
    }
}

rr_evaluation *evaluation_new(const rr_model *model, const rr_analysis *an,
                              const rr_owner *region, const GPtrArray *only)
{
    rr_evaluation *ev = g_new0(rr_evaluation, 1);
    ev->region = region;
    ev->as_of = an->as_of;
    ev->plans = g_array_new(FALSE, TRUE, sizeof(eval_plan));
    ev->skipped = g_ptr_array_new();
    add_plans(ev, model, an, region, only);
    for (guint i = 0; i < model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(model->owners, i);
        if (o->region == region)
            add_plans(ev, model, an, o, only);
    }
    for (guint i = 0; i < ev->plans->len; i++) {
        eval_plan *p = &g_array_index(ev->plans, eval_plan, i);
        evaluate(p, model, an, plans_of(ev->plans, p->plan->owner) == 1);
    }
    return ev;
}

static void free_plan(eval_plan *p)
{
    for (guint i = 0; i < p->actions->len; i++)
        g_ptr_array_free(g_array_index(p->actions, eval_action, i).history, TRUE);
    for (guint i = 0; i < p->lines->len; i++)
        g_array_free(g_array_index(p->lines, eval_line, i).actions, TRUE);
    g_array_free(p->actions, TRUE);
    g_array_free(p->lines, TRUE);
    if (p->trend)
        g_array_free(p->trend, TRUE);
    g_array_free(p->budget, TRUE);
    g_array_free(p->unpriced, TRUE);
    g_array_free(p->figures, TRUE);
}

void evaluation_free(rr_evaluation *ev)
{
    if (!ev)
        return;
    for (guint i = 0; i < ev->plans->len; i++)
        free_plan(&g_array_index(ev->plans, eval_plan, i));
    g_array_free(ev->plans, TRUE);
    g_ptr_array_free(ev->skipped, TRUE);
    g_free(ev);
}


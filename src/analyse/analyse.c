/* analyse.c - dates, statuses and timelines derived from the model. */
#include "analyse/analyse.h"

#include <stdlib.h> /* qsort */
#include <string.h>

#include "base/i18n.h"

/* Progress is sorted by date (rules.c): the last report not after as_of wins, of
 * those that name an expected period when `with_expected`. */
static const rr_progress *last_report(const rr_action *action, rr_date as_of, bool with_expected)
{
    const rr_progress *found = NULL;
    for (guint i = 0; i < action->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(action->progress, i);
        if (p->date.value.last > as_of)
            break;
        if (!with_expected || p->expected.value.kind == PERIOD_SPAN)
            found = p;
    }
    return found;
}

const rr_progress *analyse_progress_as_of(const rr_action *action, rr_date as_of)
{
    return last_report(action, as_of, false);
}

rr_status analyse_status_as_of(const rr_action *action, rr_date as_of)
{
    const rr_progress *p = analyse_progress_as_of(action, as_of);
    return p ? p->status : STATUS_UNKNOWN;
}

const rr_progress *analyse_expected_as_of(const rr_action *action, rr_date as_of)
{
    return last_report(action, as_of, true);
}

/* Over every region's meeting period on as_of: the latest `since`, or with
 * `earliest_next` the earliest `next`; RR_DATE_NONE without regions. */
static rr_date over_regions(const rr_model *model, rr_date as_of, bool earliest_next)
{
    rr_date best = RR_DATE_NONE;
    for (guint i = 0; i < model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(model->owners, i);
        if (o->kind != OWNER_REGION)
            continue;
        meeting_period mp = calendar_meeting_period(model, o, as_of);
        rr_date day = earliest_next ? mp.next : mp.since;
        if (best == RR_DATE_NONE || (earliest_next ? day < best : day > best))
            best = day;
    }
    return best;
}

rr_date analyse_default_since(const rr_model *model, rr_date as_of)
{
    rr_date best = over_regions(model, as_of, false);
    return best != RR_DATE_NONE ? best : as_of - MEETING_INTERVAL_DAYS;
}

/* ---- labels ---------------------------------------------------------------- */


/* ---- dates -------------------------------------------------------------------- */

rr_date analyse_next_meeting_after(const rr_model *model, const rr_owner *region, rr_date as_of)
{
    if (region)
        return calendar_meeting_period(model, region, as_of).next;
    rr_date best = over_regions(model, as_of, true);
    return best != RR_DATE_NONE ? best : as_of + MEETING_INTERVAL_DAYS;
}

int analyse_months_between(rr_date a, rr_date b)
{
    if (a == RR_DATE_NONE || b == RR_DATE_NONE)
        return 0;
    int ya, ma, da, yb, mb, db;
    date_to_ymd(a, &ya, &ma, &da);
    date_to_ymd(b, &yb, &mb, &db);
    int months = (yb - ya) * 12 + (mb - ma);
    if (db - da >= 15)
        months++;
    else if (da - db >= 15)
        months--;
    return months;
}

bool analyse_population(const rr_owner *owner, int year, int64_t *count, int *count_year)
{
    for (guint i = 0; i < owner->populations->len; i++) {
        const rr_population *p = g_ptr_array_index(owner->populations, i);
        if (p->year == year) {
            *count = p->count;
            *count_year = p->year;
            return true;
        }
    }
    if (owner->population <= 0)
        return false;
    *count = owner->population;
    *count_year = owner->population_year;
    return true;
}

bool analyse_per_thousand(const rr_figure *figure, double *out)
{
    int64_t count;
    int count_year;
    if (figure->suppressed ||
        !analyse_population(figure->owner, figure->year, &count, &count_year))
        return false;
    *out = figure->value * 1000.0 / (double)count;
    return true;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void analyse_spread(double *values, size_t n, double spread[5])
{
    qsort(values, n, sizeof *values, compare_doubles);
    for (int q = 0; q <= 4; q++) {
        double at = (double)(n - 1) * q / 4.0;
        size_t lo = (size_t)at;
        double part = at - (double)lo;
        spread[q] = lo + 1 < n ? values[lo] + part * (values[lo + 1] - values[lo]) : values[lo];
    }
}

bool analyse_figure_known(const rr_figure *figure, rr_date as_of)
{
    if (figure->published != RR_DATE_NONE)
        return figure->published <= as_of;
    return as_of > date_from_ymd(figure->year, 12, 31);
}

/* ---- actions ------------------------------------------------------------------ */

#define NO_UPDATE_DAYS (2 * MEETING_INTERVAL_DAYS)

/* The signal and its reason, in the order README.md gives them ("Signals"). */
static void assign_signal(action_view *v)
{
    bool started = v->status != STATUS_PLANNED && v->status != STATUS_UNKNOWN;
    bool closed = v->status == STATUS_DONE || v->status == STATUS_CANCELLED;
    /* The first rule that holds, most urgent first; green without a reason else. */
    const struct {
        bool holds;
        rr_signal signal;
        signal_reason reason;
    } rules[] = {
        {v->overdue, SIGNAL_RED, v->expected ? REASON_EXPECTED_PASSED : REASON_OVERDUE},
        {v->status == STATUS_DELAYED, SIGNAL_RED, REASON_DELAYED},
        {v->due_soon && !started, SIGNAL_AMBER, REASON_DUE_SOON},
        {v->status == STATUS_ON_HOLD, SIGNAL_AMBER, REASON_ON_HOLD},
        {v->no_recent_update && !closed, SIGNAL_AMBER, REASON_NO_UPDATE},
    };
    v->signal = SIGNAL_GREEN;
    v->reason = REASON_NONE;
    for (size_t i = 0; i < G_N_ELEMENTS(rules); i++)
        if (rules[i].holds) {
            v->signal = rules[i].signal;
            v->reason = rules[i].reason;
            return;
        }
}

/* Whether the action came into a plan in (since, as_of]: its plan starts or was adopted
 * then. The data has no date per action, so an action added to an older plan counts by
 * its first report instead (first_report). */
static bool added_in_period(const rr_action *a, rr_date since, rr_date as_of)
{
    if (!a->plan)
        return false;
    rr_date start = a->plan->start.value.kind == PERIOD_SPAN ? a->plan->start.value.first
                                                              : RR_DATE_NONE;
    rr_date adopted = a->plan->adopted_on;
    return (start != RR_DATE_NONE && start > since && start <= as_of) ||
           (adopted != RR_DATE_NONE && adopted > since && adopted <= as_of);
}

/* The changes of one action in the period (since, as_of]. */
static void view_changes(action_view *v, const rr_action *a, rr_date as_of, rr_date since)
{
    v->status_at_since = analyse_status_as_of(a, since);
    v->status_changed = v->status != v->status_at_since;
    v->newly_overdue = v->overdue && v->deadline >= since;
    for (guint i = 0; i < a->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(a->progress, i);
        if (calendar_report_in_period(p, since, as_of))
            v->updated_in_period = true;
        if (calendar_report_is_late(p, since, as_of))
            v->late = p;
    }
    v->is_new = added_in_period(a, since, as_of);
    if (a->progress->len > 0 && !v->is_new) {
        const rr_progress *first = g_ptr_array_index(a->progress, 0);
        v->first_report = first->date.value.last > since && first->date.value.last <= as_of;
    }
    bool closed = v->status == STATUS_DONE || v->status == STATUS_CANCELLED;
    rr_date end = a->plan ? calendar_plan_effective_end(a->plan) : RR_DATE_NONE;
    v->plan_ended = !closed && end != RR_DATE_NONE && end < as_of ? end : RR_DATE_NONE;
}

char *analyse_reason_text(const action_view *v)
{
    const char *reason = vocab_signal_reason_label(v->reason);
    if (v->plan_ended == RR_DATE_NONE)
        return g_strdup(reason);
    return g_strdup_printf(tr("%s%splan afgelopen op %s", "%s%splan ended on %s"), reason,
                           reason[0] ? "; " : "", date_text_nl(v->plan_ended).text);
}

/* Fills one action's view; `next_meeting` is that of the action's region. */
static void view_action(action_view *v, const rr_action *a, rr_date as_of, rr_date since,
                        rr_date next_meeting)
{
    v->action = a;
    v->latest = analyse_progress_as_of(a, as_of);
    while (v->reports_known < a->progress->len &&
           ((const rr_progress *)g_ptr_array_index(a->progress, v->reports_known))
                   ->date.value.last <= as_of)
        v->reports_known++;
    v->status = v->latest ? v->latest->status : STATUS_UNKNOWN;
    v->expected = analyse_expected_as_of(a, as_of);
    v->planned_deadline = calendar_action_deadline(a);
    /* A progress report that says when the action is now expected revises its planning. */
    v->deadline = v->expected ? v->expected->expected.value.last : v->planned_deadline;
    bool closed = v->status == STATUS_DONE || v->status == STATUS_CANCELLED;
    v->overdue = v->deadline != RR_DATE_NONE && v->deadline < as_of && !closed;
    v->due_soon = v->deadline != RR_DATE_NONE && v->deadline >= as_of &&
                  v->deadline <= next_meeting && !closed;
    v->no_recent_update = !v->latest || v->latest->date.value.last <= as_of - NO_UPDATE_DAYS;
    assign_signal(v);
    view_changes(v, a, as_of, since);
}

/* ---- plans -------------------------------------------------------------------- */

static void view_plan(plan_view *v, const rr_plan *p, rr_date as_of)
{
    v->plan = p;
    v->start = p->start.value.kind == PERIOD_SPAN ? p->start.value.first : RR_DATE_NONE;
    v->original_end = calendar_plan_original_end(p);
    v->effective_end = calendar_plan_effective_end(p);
    v->months_extended = analyse_months_between(v->original_end, v->effective_end);
    v->midpoint = v->start != RR_DATE_NONE && v->original_end != RR_DATE_NONE
                      ? v->start + (v->original_end - v->start) / 2
                      : RR_DATE_NONE;
    v->evaluation =
        p->evaluation.value.kind == PERIOD_SPAN ? p->evaluation.value.last : RR_DATE_NONE;
    rr_date parent_end = p->parent ? calendar_plan_effective_end(p->parent) : RR_DATE_NONE;
    v->runs_past_parent = parent_end != RR_DATE_NONE && v->effective_end != RR_DATE_NONE &&
                          v->effective_end > parent_end;
    v->ended = v->effective_end != RR_DATE_NONE && v->effective_end < as_of;
}

/* Adds one action's status at the midpoint and now to a mid-term row. */
static void count_midterm(midterm_row *row, progress_group at_midpoint, progress_group now)
{
    row->total++;
    row->at_midpoint[at_midpoint]++;
    row->at_as_of[now]++;
}

/* Mid-term rows: per plan one row for the whole plan, then one per action line.
 * Actions are bucketed by plan in one pass, so this stays linear. */
static void compute_midterm(rr_analysis *an, const rr_model *model)
{
    GHashTable *plan_index = g_hash_table_new(g_direct_hash, g_direct_equal);
    GPtrArray **actions_of = g_new0(GPtrArray *, an->plan_count);
    for (size_t pi = 0; pi < an->plan_count; pi++) {
        g_hash_table_insert(plan_index, (gpointer)an->plans[pi].plan, GSIZE_TO_POINTER(pi + 1));
        actions_of[pi] = g_ptr_array_new();
    }
    for (guint ai = 0; ai < model->actions->len; ai++) {
        const rr_action *a = g_ptr_array_index(model->actions, ai);
        size_t pi = GPOINTER_TO_SIZE(g_hash_table_lookup(plan_index, a->plan));
        if (pi)
            g_ptr_array_add(actions_of[pi - 1], (gpointer)a);
    }
    for (size_t pi = 0; pi < an->plan_count; pi++) {
        const plan_view *pv = &an->plans[pi];
        GArray *lines = g_array_new(FALSE, TRUE, sizeof(midterm_row));
        GHashTable *line_index = g_hash_table_new(g_str_hash, g_str_equal);
        bool passed = pv->midpoint != RR_DATE_NONE && pv->midpoint <= an->as_of;
        midterm_row whole = {pv->plan, "", true, pv->midpoint, passed, 0, {0}, {0}};
        /* The actions without a line get a row too, or the lines would not add up. */
        midterm_row no_line = {pv->plan, "", false, pv->midpoint, passed, 0, {0}, {0}};
        for (guint k = 0; k < actions_of[pi]->len; k++) {
            const rr_action *a = g_ptr_array_index(actions_of[pi], k);
            progress_group at_mid = pv->midpoint != RR_DATE_NONE
                                        ? vocab_status_group(analyse_status_as_of(a, pv->midpoint))
                                        : PROGRESS_UNKNOWN;
            progress_group now = vocab_status_group(analyse_status_as_of(a, an->as_of));
            count_midterm(&whole, at_mid, now);
            if (a->action_line[0] == '\0') {
                count_midterm(&no_line, at_mid, now);
                continue;
            }
            gpointer found = g_hash_table_lookup(line_index, a->action_line);
            if (!found) {
                midterm_row row = {pv->plan, a->action_line, false, pv->midpoint, passed,
                                   0, {0}, {0}};
                g_array_append_val(lines, row);
                found = GUINT_TO_POINTER(lines->len);
                g_hash_table_insert(line_index, (gpointer)a->action_line, found);
            }
            count_midterm(&g_array_index(lines, midterm_row, GPOINTER_TO_UINT(found) - 1), at_mid,
                          now);
        }
        if (whole.total > 0) {
            g_array_append_val(an->midterm, whole);
            g_array_append_vals(an->midterm, lines->data, lines->len);
            /* Only beside other lines: alone it would repeat the whole plan's row. */
            if (no_line.total > 0 && lines->len > 0)
                g_array_append_val(an->midterm, no_line);
        }
        g_hash_table_destroy(line_index);
        g_array_free(lines, TRUE);
        g_ptr_array_free(actions_of[pi], TRUE);
    }
    g_free(actions_of);
    g_hash_table_destroy(plan_index);
}

/* ---- themes and budget ---------------------------------------------------------- */

static void compute_themes(rr_analysis *an, const rr_model *model)
{
    /* theme x owner cells, filled through a hash so it stays linear in the actions. */
    GHashTable *cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *tmp = g_array_new(FALSE, TRUE, sizeof(theme_cell));
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        for (guint t = 0; t < v->action->themes->len; t++) {
            const rr_theme *theme = g_ptr_array_index(v->action->themes, t);
            gchar *key = g_strconcat(theme->code, "\t", v->action->owner->id, NULL);
            gpointer found = g_hash_table_lookup(cells, key);
            if (!found) {
                theme_cell cell = {theme, v->action->owner, 0, {0}};
                g_array_append_val(tmp, cell);
                found = GUINT_TO_POINTER(tmp->len);
                g_hash_table_insert(cells, key, found);
            } else {
                g_free(key);
            }
            theme_cell *cell = &g_array_index(tmp, theme_cell, GPOINTER_TO_UINT(found) - 1);
            cell->actions++;
            cell->by_status[v->status]++;
        }
    }
    /* Theme-major in vocabulary order, owners in model order. */
    for (guint t = 0; t < model->themes->len; t++) {
        const rr_theme *theme = g_ptr_array_index(model->themes, t);
        for (guint o = 0; o < model->owners->len; o++) {
            const rr_owner *owner = g_ptr_array_index(model->owners, o);
            gchar *key = g_strconcat(theme->code, "\t", owner->id, NULL);
            gpointer found = g_hash_table_lookup(cells, key);
            if (found)
                g_array_append_val(an->themes,
                                   g_array_index(tmp, theme_cell, GPOINTER_TO_UINT(found) - 1));
            g_free(key);
        }
    }
    g_array_free(tmp, TRUE);
    g_hash_table_destroy(cells);
}

static gint compare_budget(gconstpointer a, gconstpointer b, gpointer owner_order)
{
    const budget_total *x = a, *y = b;
    guint ox = GPOINTER_TO_UINT(g_hash_table_lookup(owner_order, x->owner));
    guint oy = GPOINTER_TO_UINT(g_hash_table_lookup(owner_order, y->owner));
    if (ox != oy)
        return ox < oy ? -1 : 1;
    int c = g_strcmp0(x->action_line, y->action_line);
    if (c)
        return c;
    return (x->year > y->year) - (x->year < y->year);
}

/* Adds cents to the total of (owner, action line, year) in `totals`, found through
 * `index` so that summing stays linear. */
static void add_to_total(GArray *totals, GHashTable *index, const rr_owner *owner,
                         const char *action_line, int year, int64_t cents)
{
    gchar *key = g_strdup_printf("%s\t%s\t%d", owner->id, action_line, year);
    gpointer found = g_hash_table_lookup(index, key);
    if (!found) {
        budget_total t = {owner, action_line, year, 0};
        g_array_append_val(totals, t);
        found = GUINT_TO_POINTER(totals->len);
        g_hash_table_insert(index, key, found);
    } else {
        g_free(key);
    }
    g_array_index(totals, budget_total, GPOINTER_TO_UINT(found) - 1).cents += cents;
}

static void compute_budget(rr_analysis *an, const rr_model *model)
{
    GHashTable *by_line = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *by_year = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < model->budget_lines->len; i++) {
        const rr_budget_line *b = g_ptr_array_index(model->budget_lines, i);
        for (int year = b->from_year; year <= b->to_year; year++) {
            add_to_total(an->budget, by_line, b->owner, b->action_line, year, b->cents_per_year);
            add_to_total(an->budget_years, by_year, b->owner, "", year, b->cents_per_year);
        }
    }
    g_hash_table_destroy(by_line);
    g_hash_table_destroy(by_year);
    g_array_sort_with_data(an->budget, compare_budget, an->owner_index);
    g_array_sort_with_data(an->budget_years, compare_budget, an->owner_index);
}

/* ---- the trend ------------------------------------------------------------------ */

/* Where an owner's trend starts: the first start of a plan its actions hang on, else its
 * first progress report; RR_DATE_NONE when it has neither. */
static rr_date trend_start(const GPtrArray *actions)
{
    rr_date start = RR_DATE_NONE, first_report = RR_DATE_NONE;
    for (guint i = 0; i < actions->len; i++) {
        const rr_action *a = g_ptr_array_index(actions, i);
        if (a->plan && a->plan->start.value.kind == PERIOD_SPAN &&
            (start == RR_DATE_NONE || a->plan->start.value.first < start))
            start = a->plan->start.value.first;
        if (a->progress->len > 0) {
            rr_date d = ((const rr_progress *)g_ptr_array_index(a->progress, 0))->date.value.last;
            if (first_report == RR_DATE_NONE || d < first_report)
                first_report = d;
        }
    }
    return start != RR_DATE_NONE ? start : first_report;
}

GArray *analyse_trend_of(const rr_model *model, const rr_owner *owner, rr_date as_of,
                         const GPtrArray *actions, rr_date start)
{
    GArray *points = g_array_new(FALSE, TRUE, sizeof(trend_point));
    GArray *days = calendar_meeting_days(model, owner, as_of,
                                         start == RR_DATE_NONE ? as_of : start, as_of,
                                        TREND_MAX_POINTS);
    bool as_of_meets = days->len > 0 && g_array_index(days, rr_date, days->len - 1) == as_of;
    if (!as_of_meets)
        g_array_append_val(days, as_of);
    const rr_owner *region = owner->region ? owner->region : owner;
    for (guint d = 0; d < days->len; d++) {
        trend_point p = {owner, g_array_index(days, rr_date, d), false, false, actions->len, {0}};
        const rr_meeting *m = calendar_region_meeting_before(model, region, p.date, true);
        p.recorded = m && m->date == p.date;
        p.is_as_of = !as_of_meets && d + 1 == days->len;
        g_array_append_val(points, p);
    }
    /* Each action's status walks forward with the days (progress is sorted by date). */
    for (guint i = 0; i < actions->len; i++) {
        const rr_action *a = g_ptr_array_index(actions, i);
        guint next = 0;
        rr_status status = STATUS_UNKNOWN;
        for (guint d = 0; d < days->len; d++) {
            trend_point *p = &g_array_index(points, trend_point, d);
            while (next < a->progress->len &&
                   ((const rr_progress *)g_ptr_array_index(a->progress, next))->date.value.last <=
                       p->date)
                status = ((const rr_progress *)g_ptr_array_index(a->progress, next++))->status;
            p->by_group[vocab_status_group(status)]++;
        }
    }
    g_array_free(days, TRUE);
    return points;
}

/* Appends one owner's points: its meeting days from its first plan's start, then as_of. */
static void trend_owner(rr_analysis *an, const rr_model *model, const rr_owner *owner,
                        const GPtrArray *actions)
{
    GArray *points = analyse_trend_of(model, owner, an->as_of, actions, trend_start(actions));
    g_array_append_vals(an->trend, points->data, points->len);
    g_array_free(points, TRUE);
}

static void compute_trend(rr_analysis *an, const rr_model *model)
{
    GPtrArray **per_owner = g_new0(GPtrArray *, an->owner_count);
    for (size_t i = 0; i < an->action_count; i++) {
        const rr_action *a = an->actions[i].action;
        size_t o = GPOINTER_TO_SIZE(g_hash_table_lookup(an->owner_index, a->owner)) - 1;
        if (!per_owner[o])
            per_owner[o] = g_ptr_array_new();
        g_ptr_array_add(per_owner[o], (gpointer)a);
    }
    for (size_t o = 0; o < an->owner_count; o++) {
        if (!per_owner[o])
            continue;
        trend_owner(an, model, an->owners[o].owner, per_owner[o]);
        g_ptr_array_free(per_owner[o], TRUE);
    }
    g_free(per_owner);
}

char *analyse_change_text(const owner_summary *s)
{
    static const progress_group order[] = {PROGRESS_DONE, PROGRESS_UNDER_WAY,
                                           PROGRESS_NOT_STARTED, PROGRESS_CANCELLED,
                                           PROGRESS_UNKNOWN};
    GString *text = g_string_new(NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(order); i++) {
        long delta = (long)s->by_group[order[i]] - (long)s->by_group_since[order[i]];
        if (delta != 0)
            g_string_append_printf(text, "%s%+ld %s", text->len ? ", " : "", delta,
                                   vocab_progress_group_label(order[i]));
    }
    return g_string_free(text, FALSE);
}

/* ---- the whole ------------------------------------------------------------------ */

/* Each owner's latest plan end, and whether all its plans have ended. */
static void summarise_plans(rr_analysis *an)
{
    for (size_t i = 0; i < an->plan_count; i++) {
        const plan_view *pv = &an->plans[i];
        owner_summary *s = (owner_summary *)analysis_owner(an, pv->plan->owner);
        if (!s || pv->effective_end == RR_DATE_NONE)
            continue;
        if (s->plans_end == RR_DATE_NONE || pv->effective_end > s->plans_end)
            s->plans_end = pv->effective_end;
    }
    for (size_t i = 0; i < an->owner_count; i++)
        an->owners[i].plans_ended = an->owners[i].plans_end != RR_DATE_NONE &&
                                    an->owners[i].plans_end < an->as_of;
}

rr_analysis *analysis_new(const rr_model *model, rr_date as_of, rr_date since)
{
    rr_analysis *an = g_new0(rr_analysis, 1);
    an->as_of = as_of;
    an->since = since != RR_DATE_NONE ? since : analyse_default_since(model, as_of);
    an->next_meeting = analyse_next_meeting_after(model, NULL, as_of);
    an->action_index = g_hash_table_new(g_direct_hash, g_direct_equal);
    an->owner_index = g_hash_table_new(g_direct_hash, g_direct_equal);

    an->owner_count = model->owners->len;
    an->owners = g_new0(owner_summary, an->owner_count);
    /* Each owner's period and next meeting are its region's, computed once a region
     * (the owners stand by region; --since replaces the period's start). */
    const rr_owner *period_of = NULL;
    meeting_period mp = {0};
    for (size_t i = 0; i < an->owner_count; i++) {
        const rr_owner *o = g_ptr_array_index(model->owners, i);
        owner_summary *s = &an->owners[i];
        s->owner = o;
        s->last_update = RR_DATE_NONE;
        g_hash_table_insert(an->owner_index, (gpointer)o, GSIZE_TO_POINTER(i + 1));
        const rr_owner *region = o->region ? o->region : o;
        if (region != period_of) {
            mp = calendar_meeting_period(model, region, as_of);
            period_of = region;
        }
        s->since = since != RR_DATE_NONE ? since : mp.since;
        s->next_meeting = mp.next;
        s->next_estimated = mp.next_estimated;
        s->since_estimated = since == RR_DATE_NONE && mp.since_estimated;
        s->none_recorded = mp.none_recorded;
        s->plans_end = RR_DATE_NONE;
        if (s->since != an->owners[0].since || s->next_meeting != an->owners[0].next_meeting)
            an->periods_differ = true;
    }
    an->action_count = model->actions->len;
    an->actions = g_new0(action_view, an->action_count);
    for (size_t i = 0; i < an->action_count; i++) {
        const rr_action *a = g_ptr_array_index(model->actions, i);
        owner_summary *s = &an->owners[GPOINTER_TO_SIZE(
                                           g_hash_table_lookup(an->owner_index, a->owner)) - 1];
        action_view *v = &an->actions[i];
        view_action(v, a, as_of, s->since, s->next_meeting);
        g_hash_table_insert(an->action_index, (gpointer)a, GSIZE_TO_POINTER(i + 1));

        s->actions++;
        s->by_status[v->status]++;
        s->by_signal[v->signal]++;
        s->overdue += v->overdue;
        s->due_soon += v->due_soon;
        s->no_recent_update += v->no_recent_update;
        s->changed += v->status_changed;
        s->by_group[vocab_status_group(v->status)]++;
        s->by_group_since[vocab_status_group(v->status_at_since)]++;
        s->updated_in_period |= v->updated_in_period;
        if (v->latest && v->latest->date.value.last > s->last_update)
            s->last_update = v->latest->date.value.last;
    }

    an->plan_count = model->plans->len;
    an->plans = g_new0(plan_view, an->plan_count);
    for (size_t i = 0; i < an->plan_count; i++)
        view_plan(&an->plans[i], g_ptr_array_index(model->plans, i), as_of);
    summarise_plans(an);
    for (size_t i = 0; i < an->owner_count; i++)
        an->owners[i].silent = an->owners[i].actions > 0 && !an->owners[i].updated_in_period;

    an->midterm = g_array_new(FALSE, TRUE, sizeof(midterm_row));
    an->themes = g_array_new(FALSE, TRUE, sizeof(theme_cell));
    an->budget = g_array_new(FALSE, TRUE, sizeof(budget_total));
    an->budget_years = g_array_new(FALSE, TRUE, sizeof(budget_total));
    compute_midterm(an, model);
    compute_themes(an, model);
    compute_budget(an, model);
    an->trend = g_array_new(FALSE, TRUE, sizeof(trend_point));
    compute_trend(an, model);
    return an;
}

void analysis_free(rr_analysis *an)
{
    if (!an)
        return;
    g_free(an->actions);
    g_free(an->owners);
    g_free(an->plans);
    g_array_free(an->midterm, TRUE);
    g_array_free(an->themes, TRUE);
    g_array_free(an->budget, TRUE);
    g_array_free(an->budget_years, TRUE);
    g_array_free(an->trend, TRUE);
    g_hash_table_destroy(an->action_index);
    g_hash_table_destroy(an->owner_index);
    g_free(an);
}

const action_view *analysis_action(const rr_analysis *an, const rr_action *action)
{
    size_t i = GPOINTER_TO_SIZE(g_hash_table_lookup(an->action_index, action));
    return i ? &an->actions[i - 1] : NULL;
}

const owner_summary *analysis_owner(const rr_analysis *an, const rr_owner *owner)
{
    size_t i = GPOINTER_TO_SIZE(g_hash_table_lookup(an->owner_index, owner));
    return i ? &an->owners[i - 1] : NULL;
}

GPtrArray *analyse_owner_signalled(const rr_analysis *an, const rr_owner *owner)
{
    GPtrArray *chosen = g_ptr_array_new();
    for (int pass = 0; pass < 2; pass++) {
        rr_signal want = pass == 0 ? SIGNAL_RED : SIGNAL_AMBER;
        for (size_t i = 0; i < an->action_count; i++) {
            const action_view *v = &an->actions[i];
            if (v->action->owner == owner && v->signal == want)
                g_ptr_array_add(chosen, (gpointer)v);
        }
    }
    return chosen;
}

static gint by_deadline(gconstpointer a, gconstpointer b)
{
    const action_view *x = *(const action_view *const *)a;
    const action_view *y = *(const action_view *const *)b;
    return (x->deadline > y->deadline) - (x->deadline < y->deadline);
}

GPtrArray *analyse_owner_next_deadlines(const rr_analysis *an, const rr_owner *owner)
{
    GPtrArray *next = g_ptr_array_new();
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        if (v->action->owner == owner && v->deadline != RR_DATE_NONE &&
            v->deadline >= an->as_of && v->status != STATUS_DONE &&
            v->status != STATUS_CANCELLED)
            g_ptr_array_add(next, (gpointer)v);
    }
    g_ptr_array_sort(next, by_deadline); /* stable: equal deadlines keep actions' order */
    return next;
}

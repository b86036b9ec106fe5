/* evaluation_plan.c (xlsx) - one plan's page of the mid-term evaluation document: its
 * paragraph, term, counts, lines, what to look at, budget, figures, trend with its
 * chart, and its actions with their history (see evaluation.h). */
#include <glib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/vocab.h"
#include "xlsx/cells.h"
#include "xlsx/evaluation_int.h"
#include "xlsx/textfit.h"

/* ---- a plan's page: term, counts, lines ---------------------------------------- */

static void term_row(page *p, const char *what, rr_date date, const char *remark)
{
    evaluation_put_text(p, P_A, P_A, what, p->d->wrap);
    evaluation_put_date(p, P_B, date);
    if (remark && *remark)
        evaluation_put_text(p, P_C, P_G, remark, p->d->wrap);
    evaluation_end_row(p);
}

/* Start, ends, midpoint, planned evaluation and every extension with its reason. */
static void write_term(page *p, const eval_plan *e)
{
    evaluation_section(p, tr("Looptijd", "Term"));
    const char *names[] = {tr("Moment", "Moment"), tr("Datum", "Date"),
                           tr("Toelichting", "Remark")};
    evaluation_header(p, names, "LLL", 3, P_G);
    const rr_plan *plan = e->plan;
    GString *adopted = g_string_new(NULL);
    if (plan->adopted_on != RR_DATE_NONE)
        g_string_printf(adopted, tr("vastgesteld op %s", "adopted on %s"),
                        date_text_nl(plan->adopted_on).text);
    if (plan->adopted_by[0])
        g_string_append_printf(adopted, "%s%s %s", adopted->len ? " " : tr("vastgesteld", "adopted"),
                               adopted->len ? tr("door", "by") : tr(" door", " by"), plan->adopted_by);
    term_row(p, tr("Start", "Start"), e->view->start,
             e->view->start == RR_DATE_NONE ? tr("geen start in de gegevens", "no start in the data")
                                            : adopted->str);
    g_string_free(adopted, TRUE);
    term_row(p, tr("Oorspronkelijk eind", "Original end"), e->view->original_end,
             e->view->original_end == RR_DATE_NONE ? tr("geen eind in de gegevens", "no end in the data") : "");
    const char *mid = e->view->midpoint == RR_DATE_NONE
                          ? tr("zonder start of eind geen midden: beoordeeld op de stand van nu",
                               "no midpoint without a start or an end: evaluated as of now")
                      : !e->midpoint_passed
                          ? tr("nog niet bereikt: beoordeeld op de stand van nu",
                               "not reached yet: evaluated as of now")
                          : tr("midden van de oorspronkelijke looptijd",
                               "middle of the original term");
    term_row(p, tr("Midden van de looptijd", "Midpoint"), e->view->midpoint, mid);
    if (e->view->evaluation != RR_DATE_NONE) {
        char *what = g_strdup_printf(tr("gepland: %s", "planned: %s"), plan->evaluation.text);
        term_row(p, tr("Evaluatie", "Evaluation"), e->view->evaluation, what);
        g_free(what);
    }
    for (guint i = 0; i < plan->extensions->len; i++) {
        const rr_extension *x = g_ptr_array_index(plan->extensions, i);
        char *text = g_strdup_printf(tr("verlengd tot %s%s%s. Reden: %s", "extended to %s%s%s. Reason: %s"),
                                     date_text_nl(x->new_end.value.last).text,
                                     x->decided_by[0] ? tr(", besloten door ", ", decided by ") : "",
                                     x->decided_by, x->reason[0] ? x->reason : tr("niet vermeld", "not given"));
        char *cited = evaluation_cite(p, text, x->source);
        term_row(p, tr("Verlenging", "Extension"), x->decided_on, cited);
        g_free(cited);
        g_free(text);
    }
    if (plan->extensions->len > 0) {
        char *text = g_strdup_printf(tr("verlengd met %d maanden", "extended by %d months"),
                                     e->view->months_extended);
        term_row(p, tr("Eind met verlengingen", "End with extensions"), e->view->effective_end, text);
        g_free(text);
    }
}

/* Counts per progress group at the midpoint and now, with the change. */
static void write_counts(page *p, const eval_plan *e)
{
    evaluation_section(p, tr("Stand op het midden en nu", "Status at the midpoint and now"));
    if (!e->whole) {
        evaluation_note(p, tr("Dit plan heeft geen acties in de gegevens.", "This plan has no actions in the data."));
        return;
    }
    char *when = e->midpoint_passed
                     ? g_strdup_printf(tr("Het midden is %s, nu is %s.", "The midpoint is %s, now is %s."),
                                       date_text_nl(e->view->midpoint).text,
                                       date_text_nl(p->d->an->as_of).text)
                     : g_strdup_printf(tr("Nu is %s.", "Now is %s."), date_text_nl(p->d->an->as_of).text);
    evaluation_put_text(p, P_A, P_G, when, p->d->wrap);
    evaluation_end_row(p);
    g_free(when);
    /* Without a midpoint passed, the status now stands in B, alone. */
    bool mid = e->midpoint_passed;
    const char *names[] = {tr("Stand", "Status"),
                           mid ? tr("Op het midden", "At the midpoint") : tr("Nu", "Now"),
                           tr("Nu", "Now"), tr("Verschil", "Change")};
    evaluation_header(p, names, "LRRR", mid ? 4 : 2, 0);
    for (int g = 0; g <= PROGRESS_COUNT; g++) {
        bool total = g == PROGRESS_COUNT;
        size_t at_mid = total ? e->whole->total : e->whole->at_midpoint[g];
        size_t at_now = total ? e->whole->total : e->whole->at_as_of[g];
        evaluation_put_text(p, P_A, P_A, total ? tr("totaal", "total") : evaluation_group_label((progress_group)g),
                 total ? p->d->wrap_bold : p->d->wrap);
        if (mid) {
            sheet_int(&p->s, P_B, (double)at_mid);
            sheet_number(&p->s, P_D, (double)at_now - (double)at_mid, p->d->f.integer);
        }
        sheet_int(&p->s, mid ? P_C : P_B, (double)at_now);
        evaluation_end_row(p);
    }
    if (!e->midpoint_passed)
        evaluation_note(p, e->view->midpoint == RR_DATE_NONE
                    ? tr("Het plan noemt geen begin of eind, dus er is geen midden: alleen de stand van nu.",
                         "The plan gives no start or end, so there is no midpoint: only the status now.")
                    : tr("Het midden van de looptijd ligt nog na de peildatum: alleen de stand van nu.",
                         "The midpoint still lies after the report date: only the status now."));
}

/* One row per action line: its actions, done at the midpoint and now, and now under
 * way, not started and never reported. Lagging lines in amber. */
static void write_lines(page *p, const eval_plan *e)
{
    if (!e->whole || e->lines->len < 2)
        return;
    evaluation_section(p, tr("Per actielijn", "Per action line"));
    const char *names[] = {tr("Actielijn", "Action line"), tr("Acties", "Actions"),
                           tr("Afgerond op het midden", "Done at the midpoint"),
                           tr("Afgerond nu", "Done now"), tr("In uitvoering nu", "Under way now"),
                           tr("Niet gestart nu", "Not started now"),
                           tr("Nooit gemeld nu", "Never reported now")};
    evaluation_header(p, names, "LRRRRRR", P_COLUMNS, 0);
    bool any_lag = false;
    for (guint i = 0; i < e->lines->len; i++) {
        const eval_line *l = &g_array_index(e->lines, eval_line, i);
        any_lag |= l->lags;
        evaluation_put_text(p, P_A, P_A, l->name[0] ? l->name : tr("(zonder actielijn)", "(no action line)"),
                 l->lags ? p->d->lagging : p->d->wrap);
        sheet_int(&p->s, P_B, (double)l->counts->total);
        if (e->midpoint_passed)
            sheet_int(&p->s, P_C, (double)l->counts->at_midpoint[PROGRESS_DONE]);
        else
            evaluation_put_text(p, P_C, P_C, evaluation_no_midpoint(e), p->d->wrap_note);
        sheet_int(&p->s, P_D, (double)l->counts->at_as_of[PROGRESS_DONE]);
        sheet_int(&p->s, P_E, (double)l->counts->at_as_of[PROGRESS_UNDER_WAY]);
        sheet_int(&p->s, P_F, (double)l->counts->at_as_of[PROGRESS_NOT_STARTED]);
        sheet_int(&p->s, P_G, (double)l->counts->at_as_of[PROGRESS_UNKNOWN]);
        evaluation_end_row(p);
    }
    if (any_lag)
        evaluation_note(p, tr("Oranje: de actielijn heeft een kleiner deel van haar acties afgerond dan het "
                   "plan als geheel.",
                   "Amber: the action line has done a smaller share of its actions than the plan "
                   "as a whole."));
}

/* ---- a plan's page: the actions and their history ------------------------------ */

static void action_row(page *p, const eval_plan *e, const eval_action *a)
{
    const action_view *v = a->view;
    evaluation_put_text(p, P_A, P_A, v->action->title[0] ? v->action->title : v->action->id, p->d->wrap);
    evaluation_put_date(p, P_B, v->deadline);
    if (e->midpoint_passed)
        evaluation_put_text(p, P_C, P_C, vocab_status_label(a->at_midpoint), p->d->wrap);
    else
        evaluation_put_text(p, P_C, P_C, evaluation_no_midpoint(e), p->d->wrap_note);
    evaluation_put_text(p, P_D, P_D, vocab_status_label(v->status), p->d->wrap);
    if (v->latest) {
        evaluation_put_date(p, P_E, v->latest->date.value.last);
        char *text = evaluation_cite(p, v->latest->note, v->latest->source);
        evaluation_put_text(p, P_F, P_G, text, p->d->wrap);
        g_free(text);
    }
    evaluation_end_row(p);
    /* The reports before the latest, in order: what happened in between. */
    for (guint i = 0; a->history->len > 0 && i + 1 < a->history->len; i++) {
        const rr_progress *r = g_ptr_array_index(a->history, i);
        char *what = g_strdup_printf(tr("eerder: %s", "earlier: %s"), vocab_status_label(r->status));
        evaluation_put_text(p, P_A, P_A, what, p->d->history);
        evaluation_put_date(p, P_E, r->date.value.last);
        char *text = evaluation_cite(p, r->note, r->source);
        evaluation_put_text(p, P_F, P_G, text, p->d->history);
        g_free(text);
        g_free(what);
        evaluation_end_row(p);
    }
}

static void write_actions(page *p, const eval_plan *e)
{
    if (!e->whole)
        return;
    evaluation_section(p, tr("Acties per actielijn, met wat er over gemeld is",
                  "Actions per action line, with what was reported"));
    const char *names[] = {tr("Actie", "Action"), tr("Deadline", "Deadline"),
                           tr("Op het midden", "At the midpoint"),
                           tr("Nu", "Now"), tr("Laatste melding", "Latest report"),
                           tr("Toelichting", "Note")};
    for (guint i = 0; i < e->lines->len; i++) {
        const eval_line *l = &g_array_index(e->lines, eval_line, i);
        if (e->lines->len > 1 || l->name[0]) {
            evaluation_put_text(p, P_A, P_G, l->name[0] ? l->name : tr("(zonder actielijn)", "(no action line)"),
                     p->d->wrap_bold);
            evaluation_end_row(p);
        }
        evaluation_header(p, names, "LLLLLL", 6, P_G);
        for (guint k = 0; k < l->actions->len; k++)
            action_row(p, e, &g_array_index(e->actions, eval_action,
                                            g_array_index(l->actions, guint, k)));
        sheet_next_row(&p->s);
    }
    evaluation_note(p, tr("Een status 'onbekend' betekent: over deze actie is nooit voortgang gemeld. "
               "'eerder' zijn de meldingen vóór de laatste, in volgorde.",
               "A status 'unknown' means no progress was ever reported on the action. "
               "'earlier' are the reports before the latest, in order."));
}

/* ---- a plan's page: the trend with its chart ------------------------------------ */

static const char *point_kind(const eval_plan *e, guint i, const trend_point *t)
{
    if (i == e->midpoint_point)
        return tr("midden looptijd", "midpoint");
    if (t->is_as_of)
        return tr("peildatum", "report date");
    if (i == 0 && t->date == e->view->start)
        return tr("start plan", "plan start");
    return t->recorded ? tr("overleg", "meeting") : tr("overleg (ritme)", "meeting (rhythm)");
}

/* The chart over the table rows first..last (the dates in B, the groups in C-G). */
static void trend_chart(page *p, lxw_row_t at, lxw_row_t first, lxw_row_t last)
{
    static const progress_group groups[] = {PROGRESS_DONE, PROGRESS_UNDER_WAY, PROGRESS_NOT_STARTED,
                                            PROGRESS_CANCELLED, PROGRESS_UNKNOWN};
    static const rr_status colour_of[] = {STATUS_DONE, STATUS_IN_PROGRESS, STATUS_PLANNED,
                                          STATUS_CANCELLED, STATUS_UNKNOWN};
    lxw_chart *chart = workbook_add_chart(p->d->wb, LXW_CHART_AREA_STACKED);
    for (int g = 0; g < (int)G_N_ELEMENTS(groups); g++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(series, p->s.name, first, P_B, last, P_B);
        chart_series_set_values(series, p->s.name, first, (lxw_col_t)(P_C + g), last,
                                (lxw_col_t)(P_C + g));
        chart_series_set_name_range(series, p->s.name, first - 1, (lxw_col_t)(P_C + g));
        lxw_chart_fill fill = {.color = vocab_status_colour(colour_of[g])};
        chart_series_set_fill(series, &fill);
    }
    chart_title_set_name(chart, tr("Acties per stand, van de start tot nu",
                                   "Actions by status, from the start to now"));
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_num_format(chart->x_axis, "mm-yyyy");
    chart_axis_set_num_font(chart->x_axis, &(lxw_chart_font){.rotation = -45, .size = 10});
    chart_axis_set_num_font(chart->y_axis, &(lxw_chart_font){.size = 10});
    chart_legend_set_font(chart, &(lxw_chart_font){.size = 10});
    chart_title_set_name_font(chart, &(lxw_chart_font){.size = 12, .bold = LXW_TRUE});
    chart_set_style(chart, 2);
    double pixels = 0;
    for (int c = 0; c < P_COLUMNS; c++)
        pixels += (int)(P_WIDTHS[c] * 7.0 + 0.5) + 5;
    lxw_chart_options options = {.x_scale = (pixels - 10) / 480.0, .y_scale = 1.0,
                                 .x_offset = 5, .y_offset = 5};
    worksheet_insert_chart_opt(p->s.ws, at, 0, chart, &options);
}

static void write_trend(page *p, const eval_plan *e)
{
    if (!e->whole || e->trend->len == 0)
        return;
    evaluation_section(p, tr("Verloop van de start tot het midden en nu", "Trend from the start to the midpoint and now"));
    lxw_row_t at = p->s.row;
    for (int i = 0; i < CHART_ROWS; i++)
        sheet_next_row(&p->s);
    const char *names[] = {tr("Moment", "Moment"), tr("Datum", "Date"),
                           evaluation_group_label(PROGRESS_DONE), evaluation_group_label(PROGRESS_UNDER_WAY),
                           evaluation_group_label(PROGRESS_NOT_STARTED), evaluation_group_label(PROGRESS_CANCELLED),
                           evaluation_group_label(PROGRESS_UNKNOWN)};
    evaluation_header(p, names, "LLRRRRR", P_COLUMNS, 0);
    lxw_row_t first = p->s.row;
    for (guint i = 0; i < e->trend->len; i++) {
        const trend_point *t = &g_array_index(e->trend, trend_point, i);
        evaluation_put_text(p, P_A, P_A, point_kind(e, i, t), i == e->midpoint_point || t->is_as_of
                                                        ? p->d->wrap_bold : p->d->wrap);
        evaluation_put_date(p, P_B, t->date);
        sheet_int(&p->s, P_C, (double)t->by_group[PROGRESS_DONE]);
        sheet_int(&p->s, P_D, (double)t->by_group[PROGRESS_UNDER_WAY]);
        sheet_int(&p->s, P_E, (double)t->by_group[PROGRESS_NOT_STARTED]);
        sheet_int(&p->s, P_F, (double)t->by_group[PROGRESS_CANCELLED]);
        sheet_int(&p->s, P_G, (double)t->by_group[PROGRESS_UNKNOWN]);
        evaluation_end_row(p);
    }
    trend_chart(p, at, first, p->s.row - 1);
    evaluation_note(p, tr("Op elk overleg van de regio (vastgelegd, of volgens het ritme), als op het tabblad "
               "Verloop van het regiorapport, maar alleen de acties van dit plan.",
               "At every meeting of the region (recorded, or by its rhythm), as on the Trend "
               "sheet of the report, but only this plan's actions."));
}

/* ---- a plan's page: budget, figures, what to look at ---------------------------- */

static const char *unpriced_kind(eval_unpriced_kind kind)
{
    switch (kind) {
    case EVAL_UNPRICED_FUNDING:
        return tr("dekking", "funding");
    case EVAL_UNPRICED_ACTION:
        return tr("geen bedrag", "no amount");
    default:
        return tr("lopende kosten", "running costs");
    }
}

static void write_unpriced(page *p, const eval_plan *e)
{
    if (e->unpriced->len == 0)
        return;
    sheet_next_row(&p->s);
    const char *names[] = {tr("Zonder bedrag", "Without an amount"),
                           tr("Wat de gegevens zeggen", "What the data says"), NULL, NULL, NULL,
                           NULL, tr("Soort", "Kind")};
    evaluation_header(p, names, "LL", 2, P_F);
    xlsx_text(p->s.ws, p->s.row - 1, P_G, names[6], p->d->f.header, &p->s.ctx);
    for (guint i = 0; i < e->unpriced->len; i++) {
        const eval_unpriced *u = &g_array_index(e->unpriced, eval_unpriced, i);
        evaluation_put_text(p, P_A, P_A, u->action ? u->action->title : tr("het plan", "the plan"), p->d->wrap);
        gchar **parts = g_strsplit(u->text, "|", -1);
        char *text = g_strjoinv("; ", parts);
        g_strfreev(parts);
        evaluation_put_text(p, P_B, P_F, text, p->d->wrap);
        g_free(text);
        evaluation_put_text(p, P_G, P_G, unpriced_kind(u->kind), p->d->wrap);
        evaluation_end_row(p);
    }
    bool running = false;
    for (guint i = 0; i < e->unpriced->len; i++)
        running |= g_array_index(e->unpriced, eval_unpriced, i).kind == EVAL_UNPRICED_RUNNING;
    if (running)
        evaluation_note(p, tr("Lopende kosten lopen al buiten de begroting van het plan en tellen "
                              "niet mee.",
                              "Running costs already run outside the plan's budget and are not "
                              "counted."));
}

static void write_budget(page *p, const eval_plan *e)
{
    evaluation_section(p, tr("Begroting per jaar", "Budget per year"));
    if (!e->has_budget)
        evaluation_note(p, tr("Geen begroting voor dit plan in de gegevens (begroting.csv).",
                   "No budget for this plan in the data (begroting.csv)."));
    if (e->has_budget) {
        const char *names[] = {tr("Jaar", "Year"), tr("Begroot", "Budgeted"), tr("Opmerking", "Remark")};
        evaluation_header(p, names, "LRL", 3, P_G);
        for (guint i = 0; i < e->budget->len; i++) {
            const eval_budget_year *y = &g_array_index(e->budget, eval_budget_year, i);
            sheet_year(&p->s, P_A, y->year);
            sheet_cents(&p->s, P_B, y->cents);
            if (!y->in_period)
                evaluation_put_text(p, P_C, P_G, tr("buiten de looptijd van het plan", "outside the plan's term"),
                         p->d->wrap_note);
            evaluation_end_row(p);
        }
        evaluation_put_text(p, P_A, P_A, tr("totaal over de looptijd", "total over the term"), p->d->wrap_bold);
        sheet_number(&p->s, P_B, (double)e->budget_total / 100.0, p->d->f.euro_bold);
        evaluation_end_row(p);
    }
    write_unpriced(p, e);
}

static void write_figures(page *p, const eval_plan *e)
{
    evaluation_section(p, tr("Cijfers per 1.000 inwoners", "Figures per 1,000 inhabitants"));
    if (e->figures->len == 0) {
        evaluation_note(p, tr("Geen cijfers bekend vanaf het jaar vóór de start van het plan.",
                   "No figures known from the year before the plan's start on."));
        return;
    }
    const char *names[] = {tr("Indicator", "Indicator"), tr("Jaar", "Year"), tr("Aantal", "Count"),
                           tr("Per 1.000 inwoners", "Per 1,000 inhabitants"),
                           tr("Regio: aantal", "Region: count"),
                           tr("Regio per 1.000 inwoners", "Region per 1,000"), tr("Bron", "Source")};
    evaluation_header(p, names, "LRRRRRL", P_COLUMNS, 0);
    bool region_unknown = false;
    for (guint i = 0; i < e->figures->len; i++) {
        const eval_figure *f = &g_array_index(e->figures, eval_figure, i);
        evaluation_put_text(p, P_A, P_A, tr(f->indicator->label_nl, f->indicator->label_en), p->d->wrap);
        sheet_year(&p->s, P_B, f->year);
        if (f->own->suppressed)
            evaluation_put_text(p, P_C, P_C, tr("geheim", "suppressed"), p->d->wrap_note);
        else
            sheet_int(&p->s, P_C, f->own->value);
        if (f->own_per_thousand_known)
            sheet_number(&p->s, P_D, f->own_per_thousand, p->d->f.decimal);
        if (f->region && !f->region->suppressed)
            sheet_int(&p->s, P_E, f->region->value);
        if (f->region_per_thousand_known)
            sheet_number(&p->s, P_F, f->region_per_thousand, p->d->f.decimal);
        region_unknown |= !f->region_per_thousand_known && f->own->owner->region;
        char *src = evaluation_cite(p, "", f->own->source);
        evaluation_put_text(p, P_G, P_G, src, p->d->wrap);
        g_free(src);
        evaluation_end_row(p);
    }
    evaluation_note(p, tr("Vanaf het jaar vóór de start van het plan (de nulmeting) tot het laatste bekende "
               "jaar; per 1.000 inwoners met het inwonertal van dat jaar, als op het tabblad "
               "Cijfers van het regiorapport.",
               "From the year before the plan's start (the baseline) to the latest known year; "
               "per 1,000 inhabitants with that year's population, as on the Indicators sheet "
               "of the report."));
    if (region_unknown)
        evaluation_note(p, tr("De kolommen van de regio blijven leeg waar de gegevens geen cijfer van de "
                   "regio voor dat jaar hebben, of geen inwonertal van de regio.",
                   "The region's columns stay empty where the data has no figure of the region "
                   "for that year, or no population of the region."));
}

static const char *look_title(eval_look look)
{
    switch (look) {
    case EVAL_LOOK_OVERDUE:
        return tr("Over de deadline", "Past the deadline");
    case EVAL_LOOK_NEVER:
        return tr("Nooit voortgang gemeld", "Never reported on");
    default:
        return tr("Aangehouden", "On hold");
    }
}

static void write_look(page *p, const eval_plan *e)
{
    evaluation_section(p, tr("Waar de evaluatie naar moet kijken", "What the evaluation must look at"));
    const char *names[] = {tr("Actie", "Action"), tr("Deadline", "Deadline"), tr("Nu", "Now"),
                           tr("Laatste melding", "Latest report"), tr("Reden of laatste toelichting", "Reason or latest note")};
    bool any = false;
    for (int look = 0; look < EVAL_LOOK_COUNT; look++) {
        if (e->look_count[look] == 0)
            continue;
        char *title = g_strdup_printf("%s (%zu)", look_title((eval_look)look), e->look_count[look]);
        evaluation_put_text(p, P_A, P_G, title, p->d->wrap_bold);
        evaluation_end_row(p);
        g_free(title);
        evaluation_header(p, names, "LLLLL", 5, P_G);
        for (guint i = 0; i < e->actions->len; i++) {
            const eval_action *a = &g_array_index(e->actions, eval_action, i);
            if (!a->look[look])
                continue;
            const action_view *v = a->view;
            evaluation_put_text(p, P_A, P_A, v->action->title[0] ? v->action->title : v->action->id, p->d->wrap);
            evaluation_put_date(p, P_B, v->deadline);
            evaluation_put_text(p, P_C, P_C, vocab_status_label(v->status), p->d->wrap);
            if (v->latest) {
                evaluation_put_date(p, P_D, v->latest->date.value.last);
                char *text = evaluation_cite(p, v->latest->note, v->latest->source);
                evaluation_put_text(p, P_E, P_G, text, p->d->wrap);
                g_free(text);
            } else {
                evaluation_put_text(p, P_E, P_G, tr("nooit voortgang gemeld", "never reported on"), p->d->wrap_note);
            }
            evaluation_end_row(p);
        }
        sheet_next_row(&p->s);
        any = true;
    }
    if (!any)
        evaluation_note(p, tr("Geen actie over haar deadline, zonder melding of aangehouden.",
                   "No action past its deadline, never reported on or on hold."));
}

/* ---- a plan's page ------------------------------------------------------------ */

bool evaluation_write_plan(doc *d, const eval_plan *e)
{
    /* "<owner> - <kind>", the owner's name cut so that the kind fits in 31 characters. */
    const char *kind = vocab_plan_kind_label(e->plan->kind);
    glong room = 31 - 3 - g_utf8_strlen(kind, -1);
    char *owner = g_utf8_substring(e->plan->owner->name, 0,
                                   MIN(g_utf8_strlen(e->plan->owner->name, -1), MAX(room, 1)));
    char *name = g_strdup_printf("%s - %s", g_strstrip(owner), kind);
    g_free(owner);
    page p;
    bool ok = evaluation_page_open(&p, d, name, P_WIDTHS, P_COLUMNS);
    g_free(name);
    if (!ok)
        return false;
    char *subtitle = g_strdup_printf(
        tr("%s · %s · tussenevaluatie per %s", "%s · %s · mid-term evaluation as of %s"),
        e->plan->owner->name, evaluation_plan_kind(e->plan), date_text_nl(d->an->as_of).text);
    evaluation_put_text(&p, 0, P_COLUMNS - 1, e->plan->title, d->f.title);
    p.height = 19.0 + 19.0 * (textfit_lines(e->plan->title, evaluation_span_points(&p, 0, P_G), 14, true) - 1);
    evaluation_end_row(&p);
    xlsx_text(p.s.ws, p.s.row, 0, subtitle, d->f.subtitle, &p.s.ctx);
    sheet_next_row(&p.s);
    sheet_next_row(&p.s);
    g_free(subtitle);
    char *text = evaluation_paragraph(d->an, d->ev, e);
    evaluation_put_paragraph(&p, text);
    g_free(text);
    evaluation_source_number(&p, e->plan->source);
    write_term(&p, e);
    write_counts(&p, e);
    write_lines(&p, e);
    write_look(&p, e);
    write_budget(&p, e);
    write_figures(&p, e);
    write_trend(&p, e);
    write_actions(&p, e);
    evaluation_page_close(&p, true);
    return true;
}

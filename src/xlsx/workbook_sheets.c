/* workbook_sheets.c - the table sheets: Acties, Wijzigingen, Looptijden, Verlengingen,
 * Actielijnen, Thema's, Tussenevaluatie, Cijfers, Inwoners, Begroting, Begroting per jaar. */
#include <glib.h>
#include <string.h>

#include "base/i18n.h"
#include "load/money.h"
#include "base/vocab.h"
#include "xlsx/workbook_int.h"

/* ---- Acties ------------------------------------------------------------------------ */

/* The columns the meeting reads come first and are the ones printed (ACT_PRINTED);
 * the others follow for the screen and for filtering. */
enum { ACT_OWNER, ACT_REF, ACT_TITLE, ACT_DEADLINE, ACT_STATUS, ACT_SIGNAL, ACT_NOTE,
       ACT_PRINTED, ACT_UPDATED = ACT_PRINTED, ACT_REASON, ACT_REGION, ACT_PLAN, ACT_LINE,
       ACT_THEMES, ACT_GOAL, ACT_TARGETS, ACT_PLANNING, ACT_EXPECTED, ACT_BUDGET, ACT_BUDGET_TEXT,
       ACT_RUNNING_COSTS, ACT_PARTNERS, ACT_SOURCE, ACT_COLUMNS };

/* The names of acties.csv's own extra columns, in order of first appearance. */
static GPtrArray *extra_column_names(const rr_model *m)
{
    GPtrArray *names = g_ptr_array_new();
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < m->actions->len; i++) {
        const rr_action *a = g_ptr_array_index(m->actions, i);
        for (guint k = 0; k < a->extras->len; k++) {
            const rr_extra *e = &g_array_index(a->extras, rr_extra, k);
            if (g_hash_table_add(seen, (gpointer)e->name))
                g_ptr_array_add(names, (gpointer)e->name);
        }
    }
    g_hash_table_destroy(seen);
    return names;
}

void wb_write_actions(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    GPtrArray *extras = extra_column_names(c->in->model);
    int columns = ACT_COLUMNS + (int)extras->len;
    if (columns > SHEET_MAX_COLUMNS)
        columns = SHEET_MAX_COLUMNS;
    const char *names[SHEET_MAX_COLUMNS] = {
        [ACT_REGION] = tr("Regio", "Region"), [ACT_OWNER] = tr("Eigenaar", "Owner"),
        [ACT_REF] = tr("Actie", "Action"), [ACT_PLAN] = tr("Plan", "Plan"),
        [ACT_LINE] = tr("Actielijn", "Action line"), [ACT_THEMES] = tr("Thema's", "Themes"),
        [ACT_TITLE] = tr("Titel", "Title"), [ACT_GOAL] = tr("Doel", "Goal"),
        [ACT_TARGETS] = tr("Streefcijfer", "Target"),
        [ACT_PLANNING] = tr("Planning", "Planning"), [ACT_EXPECTED] = tr("Verwacht", "Expected"),
        [ACT_DEADLINE] = tr("Deadline", "Deadline"),
        [ACT_BUDGET] = tr("Budget (€)", "Budget (€)"),
        [ACT_BUDGET_TEXT] = tr("Budget (tekst)", "Budget (text)"),
        [ACT_RUNNING_COSTS] = tr("Lopende kosten", "Running costs"),
        [ACT_PARTNERS] = tr("Partners", "Partners"), [ACT_STATUS] = tr("Status", "Status"),
        [ACT_UPDATED] = tr("Laatste update", "Last update"),
        [ACT_NOTE] = tr("Laatste toelichting", "Latest note"),
        [ACT_SIGNAL] = tr("Signaal", "Signal"), [ACT_REASON] = tr("Reden", "Reason"),
        [ACT_SOURCE] = tr("Bron", "Source")};
    for (int i = ACT_COLUMNS; i < columns; i++)
        names[i] = g_ptr_array_index(extras, (guint)(i - ACT_COLUMNS));
    double widths[SHEET_MAX_COLUMNS] = {
        [ACT_REGION] = 20, [ACT_OWNER] = 18, [ACT_REF] = 24, [ACT_PLAN] = 30,
        [ACT_LINE] = 30, [ACT_THEMES] = 30, [ACT_TITLE] = 45, [ACT_GOAL] = 50,
        [ACT_TARGETS] = 30, [ACT_PLANNING] = 20, [ACT_EXPECTED] = 20, [ACT_BUDGET_TEXT] = 30,
        [ACT_RUNNING_COSTS] = 30, [ACT_PARTNERS] = 30, [ACT_NOTE] = 45, [ACT_REASON] = 30,
        [ACT_SOURCE] = 40};
    for (int i = ACT_COLUMNS; i < columns; i++)
        widths[i] = 30;
    sheet_header(s, names, columns, widths);
    sheet_print_columns(s, ACT_PRINTED);

    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        const rr_action *a = v->action;
        if (sheet_full(s)) /* more actions than a sheet holds: "Acties (2)" */
            sheet_continue(s, c->wb, c->footer);
        char *ref = wb_action_ref(a);
        char *themes = wb_theme_labels(a);
        sheet_text(s, ACT_REGION, wb_region_name(a->owner));
        sheet_text(s, ACT_OWNER, a->owner->name);
        sheet_text(s, ACT_REF, ref);
        sheet_text(s, ACT_PLAN, a->plan ? a->plan->title : a->plan_id);
        sheet_text(s, ACT_LINE, a->action_line);
        sheet_text(s, ACT_THEMES, themes);
        sheet_text(s, ACT_TITLE, a->title);
        sheet_text(s, ACT_GOAL, a->goal);
        sheet_text(s, ACT_TARGETS, a->targets);
        sheet_text(s, ACT_PLANNING, a->planning.text);
        /* The revised date beside the planning it revises; Deadline is the one that counts. */
        sheet_text(s, ACT_EXPECTED, v->expected ? v->expected->expected.text : "");
        sheet_date(s, ACT_DEADLINE, v->deadline);
        if (a->has_budget_amount)
            sheet_cents(s, ACT_BUDGET, a->budget_cents);
        sheet_text(s, ACT_BUDGET_TEXT, a->budget_text);
        /* Apart from the budget: costs that run anyway are not what the plan budgets. */
        sheet_text(s, ACT_RUNNING_COSTS, a->running_costs);
        sheet_text(s, ACT_PARTNERS, a->partners);
        sheet_text(s, ACT_STATUS, vocab_status_label(v->status));
        sheet_date(s, ACT_UPDATED, v->latest ? v->latest->date.value.last : RR_DATE_NONE);
        sheet_text(s, ACT_NOTE, v->latest ? v->latest->note : "");
        sheet_text_format(s, ACT_SIGNAL, vocab_signal_label(v->signal), s->f->signal[v->signal]);
        char *reason = analyse_reason_text(v);
        sheet_text(s, ACT_REASON, reason);
        g_free(reason);
        sheet_text(s, ACT_SOURCE, a->source);
        for (guint k = 0; k < a->extras->len; k++) {
            const rr_extra *e = &g_array_index(a->extras, rr_extra, k);
            for (int col = ACT_COLUMNS; col < columns; col++)
                if (strcmp(names[col], e->name) == 0)
                    sheet_text(s, col, e->value);
        }
        sheet_next_row(s);
        g_free(ref);
        g_free(themes);
    }
    g_ptr_array_free(extras, TRUE);
}

/* ---- Wijzigingen ------------------------------------------------------------------- */

enum { CHG_KIND, CHG_REGION, CHG_OWNER, CHG_REF, CHG_TITLE, CHG_OLD, CHG_NEW, CHG_DATE,
       CHG_NOTE, CHG_DEADLINE, CHG_COLUMNS };

/* One change row about an action. */
static void write_change(sheet *s, const char *kind, const action_view *v, bool with_status)
{
    const rr_action *a = v->action;
    char *ref = wb_action_ref(a);
    sheet_text(s, CHG_KIND, kind);
    sheet_text(s, CHG_REGION, wb_region_name(a->owner));
    sheet_text(s, CHG_OWNER, a->owner->name);
    sheet_text(s, CHG_REF, ref);
    sheet_text(s, CHG_TITLE, a->title);
    if (with_status) {
        sheet_text(s, CHG_OLD, vocab_status_label(v->status_at_since));
        sheet_text(s, CHG_NEW, vocab_status_label(v->status));
        sheet_date(s, CHG_DATE, v->latest ? v->latest->date.value.last : RR_DATE_NONE);
        sheet_text(s, CHG_NOTE, v->latest ? v->latest->note : "");
    }
    sheet_date(s, CHG_DEADLINE, v->deadline);
    sheet_next_row(s);
    g_free(ref);
}

/* One row per owner with actions that sent nothing in the period: its last report, how
 * long ago, and whom to ask. */
static void write_owners_without_update(sheet *s, const rr_analysis *an)
{
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (!o->silent)
            continue;
        sheet_text(s, CHG_KIND, tr("geen update", "no update"));
        sheet_text(s, CHG_REGION, wb_region_name(o->owner));
        sheet_text(s, CHG_OWNER, o->owner->name);
        char *since = calendar_meeting_date_text(o->since, o->since_estimated);
        char *title = g_strdup_printf(tr("niets ontvangen sinds %s", "nothing received since %s"),
                                      since);
        sheet_text(s, CHG_TITLE, title);
        sheet_date(s, CHG_DATE, o->last_update);
        char *age = o->last_update != RR_DATE_NONE
                        ? calendar_age_text(o->last_update, an->as_of)
                        : NULL;
        char *last = age ? g_strdup_printf(tr("laatste melding %s", "last report %s"), age)
                         : g_strdup(tr("nog nooit een melding", "never reported"));
        char *note = o->owner->contact[0]
                         ? g_strdup_printf(tr("%s; contact: %s", "%s; contact: %s"), last,
                                           o->owner->contact)
                         : g_strdup(last);
        g_free(last);
        sheet_text(s, CHG_NOTE, note);
        sheet_next_row(s);
        g_free(note);
        g_free(age);
        g_free(title);
        g_free(since);
    }
}

/* A late report: dated on or before the previous meeting, received after it. */
static void write_late_report(sheet *s, const action_view *v)
{
    const rr_action *a = v->action;
    char *ref = wb_action_ref(a);
    /* Its date stands in "Datum melding", as for every report. */
    sheet_text(s, CHG_KIND, tr("late melding", "late report"));
    sheet_text(s, CHG_REGION, wb_region_name(a->owner));
    sheet_text(s, CHG_OWNER, a->owner->name);
    sheet_text(s, CHG_REF, ref);
    sheet_text(s, CHG_TITLE, a->title);
    /* The status before the late report, and the one it reports. */
    rr_date before = (rr_date)(v->late->date.value.last - 1);
    sheet_text(s, CHG_OLD, vocab_status_label(analyse_status_as_of(a, before)));
    sheet_text(s, CHG_NEW, vocab_status_label(v->late->status));
    sheet_date(s, CHG_DATE, v->late->date.value.last);
    sheet_text(s, CHG_NOTE, v->late->note);
    sheet_date(s, CHG_DEADLINE, v->deadline);
    sheet_next_row(s);
    g_free(ref);
}

void wb_write_changes(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    gchar *subtitle;
    if (an->periods_differ) {
        /* Each region's period starts at its own previous meeting: name them all, an
         * estimated one as such (not "the meeting of": it may not have been held), as
         * long as that fits a line (an unwrapped subtitle wider than the table widens
         * the printed page: 25 regions printed the sheet at 2.4 points). */
        GString *periods = g_string_new(NULL);
        for (size_t i = 0; i < an->owner_count; i++) {
            const owner_summary *o = &an->owners[i];
            if (o->owner->kind != OWNER_REGION)
                continue;
            char *day = calendar_meeting_date_text(o->since, o->since_estimated);
            g_string_append_printf(periods, "%s%s %s", periods->len ? ", " : "",
                                   o->owner->name, day);
            g_free(day);
        }
        subtitle = g_utf8_strlen(periods->str, -1) <= 160
                       ? g_strdup_printf(tr("Tot en met %s; per regio wijzigingen sinds het "
                                            "vorige overleg: %s",
                                            "Up to %s inclusive; per region changes since the "
                                            "previous meeting: %s"),
                                         date_text_nl(an->as_of).text, periods->str)
                       : g_strdup_printf(tr("Tot en met %s; per regio na haar vorige overleg "
                                            "(Overzicht, kolom 'Periode sinds')",
                                            "Up to %s inclusive; per region after its previous "
                                            "meeting (Summary, column 'Period since')"),
                                         date_text_nl(an->as_of).text);
        g_string_free(periods, TRUE);
    } else {
        const owner_summary *o = an->owner_count ? &an->owners[0] : NULL;
        char *day = calendar_meeting_date_text(an->since, o && o->since_estimated);
        subtitle = g_strdup_printf(tr("Wijzigingen sinds het vorige overleg, %s; tot en met %s",
                                      "Changes since the previous meeting, %s; up to %s "
                                      "inclusive"),
                                   day, date_text_nl(an->as_of).text);
        g_free(day);
    }
    sheet_title(s, tr("Wijzigingen sinds het vorige overleg", "Changes since the last meeting"),
                subtitle);
    g_free(subtitle);
    const char *names[CHG_COLUMNS] = {
        tr("Wijziging", "Change"), tr("Regio", "Region"), tr("Eigenaar", "Owner"),
        tr("Actie", "Action"), tr("Titel", "Title"), tr("Oude status", "Old status"),
        tr("Nieuwe status", "New status"), tr("Datum melding", "Report date"),
        tr("Toelichting", "Note"), tr("Deadline", "Deadline")};
    const double widths[CHG_COLUMNS] = {[CHG_KIND] = 20, [CHG_REGION] = 20, [CHG_OWNER] = 20,
                                        [CHG_REF] = 24, [CHG_TITLE] = 40, [CHG_NOTE] = 40};
    sheet_header(s, names, CHG_COLUMNS, widths);
    lxw_row_t first = s->row;
    /* What the meeting must act on first, what is merely new last: one group per kind,
     * each in the data's order. */
    for (size_t i = 0; i < an->action_count; i++)
        if (an->actions[i].newly_overdue)
            write_change(s, tr("deadline verstreken", "became overdue"), &an->actions[i], false);
    for (size_t i = 0; i < an->action_count; i++)
        if (an->actions[i].status_changed && !an->actions[i].is_new &&
            !an->actions[i].first_report)
            write_change(s, tr("status gewijzigd", "status changed"), &an->actions[i], true);
    /* Reports the previous meeting never saw, though dated before it. */
    for (size_t i = 0; i < an->action_count; i++)
        if (an->actions[i].late)
            write_late_report(s, &an->actions[i]);
    write_owners_without_update(s, an);
    for (size_t i = 0; i < an->action_count; i++)
        if (an->actions[i].first_report)
            write_change(s, tr("eerste melding", "first report"), &an->actions[i], true);
    for (size_t i = 0; i < an->action_count; i++)
        if (an->actions[i].is_new)
            write_change(s, tr("nieuwe actie", "new action"), &an->actions[i], true);
    if (s->row == first)
        sheet_note(s, tr("Geen wijzigingen in deze periode.", "No changes in this period."));
}

/* ---- Looptijden -------------------------------------------------------------------- */

/* The columns the meeting reads come first and are the ones printed (TL_PRINTED). */
enum { TL_OWNER, TL_TITLE, TL_START, TL_END, TL_EXTENSIONS, TL_EFFECTIVE, TL_MONTHS,
       TL_MIDPOINT, TL_EVALUATION, TL_ALIGNMENT, TL_PRINTED, TL_REGION = TL_PRINTED, TL_ID,
       TL_KIND, TL_PARENT, TL_START_TEXT, TL_END_TEXT, TL_EVALUATION_TEXT, TL_ADOPTED_ON,
       TL_ADOPTED_BY, TL_DRAFT, TL_FUNDING, TL_SOURCE, TL_COLUMNS };

/* "besloten 28-02-2022 door RAO: tot 31-12-2024; ..." */
static char *extensions_text(const rr_plan *p)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < p->extensions->len; i++) {
        const rr_extension *e = g_ptr_array_index(p->extensions, i);
        g_string_append_printf(s, tr("%sbesloten %s%s%s: tot %s", "%sdecided %s%s%s: until %s"),
                               i ? "; " : "", date_text_nl(e->decided_on).text,
                               e->decided_by[0] ? tr(" door ", " by ") : "", e->decided_by,
                               date_text_nl(e->new_end.value.last).text);
    }
    return g_string_free(s, FALSE);
}

/* "afgelopen op 31-12-2025" for a plan past its end (with extensions), and whether it
 * runs (or ran) past its regional plan; "" for neither. g_free. */
static gchar *plan_state_text(const plan_view *v)
{
    GString *text = g_string_new(NULL);
    if (v->ended)
        g_string_append_printf(text, tr("afgelopen op %s", "ended on %s"),
                               date_text_nl(v->effective_end).text);
    if (v->runs_past_parent)
        g_string_append_printf(text,
                               v->ended ? tr("%sliep door na het regionale plan (eind %s)",
                                             "%sran past the regional plan (end %s)")
                                        : tr("%sloopt door na het regionale plan (eind %s)",
                                             "%sruns past the regional plan (end %s)"),
                               text->len ? "; " : "",
                               date_text_nl(calendar_plan_effective_end(v->plan->parent)).text);
    return g_string_free(text, FALSE);
}

/* ---- Verlengingen ------------------------------------------------------------------ */

/* Every extension, one row each, on a sheet of its own: below the plans it printed
 * under the plans' repeated header, its dates under "Oorspronkelijk eind". */
void wb_write_extensions(wb_ctx *c, sheet *s)
{
    const rr_model *m = c->in->model;
    enum { X_OWNER, X_PLAN, X_DECIDED_ON, X_DECIDED_BY, X_NEW_END, X_NEW_END_TEXT, X_REASON,
           X_SOURCE, X_COLUMNS };
    const char *names[X_COLUMNS] = {
        [X_OWNER] = tr("Eigenaar", "Owner"), [X_PLAN] = tr("Plan", "Plan"),
        [X_DECIDED_ON] = tr("Besloten op", "Decided on"),
        [X_DECIDED_BY] = tr("Besloten door", "Decided by"),
        [X_NEW_END] = tr("Nieuw eind", "New end"),
        [X_NEW_END_TEXT] = tr("Nieuw eind (tekst)", "New end (text)"),
        [X_REASON] = tr("Reden", "Reason"), [X_SOURCE] = tr("Bron", "Source")};
    const double widths[X_COLUMNS] = {[X_OWNER] = 20, [X_PLAN] = 36, [X_DECIDED_BY] = 24,
                                      [X_NEW_END_TEXT] = 16, [X_REASON] = 40,
                                      [X_SOURCE] = 40};
    sheet_header(s, names, X_COLUMNS, widths);
    size_t written = 0;
    for (guint i = 0; i < m->extensions->len; i++) {
        const rr_extension *e = g_ptr_array_index(m->extensions, i);
        if (!e->plan) /* of an unknown plan: an error of its own (check/rules.c) */
            continue;
        sheet_text(s, X_OWNER, e->plan->owner->name);
        sheet_text(s, X_PLAN, e->plan->title);
        sheet_date(s, X_DECIDED_ON, e->decided_on);
        sheet_text(s, X_DECIDED_BY, e->decided_by);
        sheet_date(s, X_NEW_END, e->new_end.value.last);
        sheet_text(s, X_NEW_END_TEXT, e->new_end.text);
        sheet_text(s, X_REASON, e->reason);
        sheet_text(s, X_SOURCE, e->source);
        sheet_next_row(s);
        written++;
    }
    if (written == 0)
        sheet_note(s, tr("Geen plan is verlengd (verlengingen.csv).",
                         "No plan has been extended (verlengingen.csv)."));
}

/* ---- Actielijnen ------------------------------------------------------------------- */

/* The actions on one action line of a plan: its mid-term row's count, 0 when no
 * action is on it. */
static size_t action_line_actions(const rr_analysis *an, const rr_action_line *line)
{
    for (guint k = 0; k < an->midterm->len; k++) {
        const midterm_row *r = &g_array_index(an->midterm, midterm_row, k);
        if (r->plan == line->plan && strcmp(r->action_line, line->name) == 0)
            return r->total;
    }
    return 0;
}

/* Every plan's action lines (actielijnen.csv) with the number of actions on each, on
 * a sheet of their own for the same reason as the extensions. */
void wb_write_action_lines(wb_ctx *c, sheet *s)
{
    const rr_model *m = c->in->model;
    const rr_analysis *an = c->in->analysis;
    enum { L_OWNER, L_PLAN, L_NAME, L_ACTIONS, L_DESCRIPTION, L_SOURCE, L_COLUMNS };
    const char *names[L_COLUMNS] = {
        [L_OWNER] = tr("Eigenaar", "Owner"), [L_PLAN] = tr("Plan", "Plan"),
        [L_NAME] = tr("Actielijn", "Action line"), [L_ACTIONS] = tr("Acties", "Actions"),
        [L_DESCRIPTION] = tr("Omschrijving", "Description"), [L_SOURCE] = tr("Bron", "Source")};
    const double widths[L_COLUMNS] = {[L_OWNER] = 20, [L_PLAN] = 36, [L_NAME] = 36,
                                      [L_DESCRIPTION] = 50, [L_SOURCE] = 40};
    sheet_header(s, names, L_COLUMNS, widths);
    size_t written = 0;
    for (guint i = 0; i < m->action_lines->len; i++) {
        const rr_action_line *line = g_ptr_array_index(m->action_lines, i);
        if (!line->plan) /* of an unknown plan: an error of its own (check/rules.c) */
            continue;
        sheet_text(s, L_OWNER, line->owner->name);
        sheet_text(s, L_PLAN, line->plan->title);
        sheet_text(s, L_NAME, line->name);
        sheet_int(s, L_ACTIONS, (double)action_line_actions(an, line));
        sheet_text(s, L_DESCRIPTION, line->description);
        sheet_text(s, L_SOURCE, line->source);
        sheet_next_row(s);
        written++;
    }
    if (written == 0)
        sheet_note(s, tr("Geen actielijnen vastgelegd (actielijnen.csv).",
                         "No action lines recorded (actielijnen.csv)."));
}

void wb_write_timelines(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    const char *names[TL_COLUMNS] = {
        [TL_REGION] = tr("Regio", "Region"), [TL_OWNER] = tr("Eigenaar", "Owner"),
        [TL_ID] = tr("Plan", "Plan"), [TL_TITLE] = tr("Titel", "Title"),
        [TL_KIND] = tr("Soort", "Kind"), [TL_PARENT] = tr("Bovenliggend plan", "Parent plan"),
        [TL_START_TEXT] = tr("Start (tekst)", "Start (text)"), [TL_START] = tr("Start", "Start"),
        [TL_END_TEXT] = tr("Eind (tekst)", "End (text)"),
        [TL_END] = tr("Oorspronkelijk eind", "Original end"),
        [TL_EXTENSIONS] = tr("Verlengingen", "Extensions"),
        [TL_EFFECTIVE] = tr("Eind met verlengingen", "End with extensions"),
        [TL_MONTHS] = tr("Maanden verlengd", "Months extended"),
        [TL_MIDPOINT] = tr("Midden looptijd", "Midpoint"),
        [TL_EVALUATION_TEXT] = tr("Evaluatie (tekst)", "Evaluation (text)"),
        [TL_EVALUATION] = tr("Evaluatie", "Evaluation"),
        [TL_ADOPTED_ON] = tr("Vastgesteld op", "Adopted on"),
        [TL_ADOPTED_BY] = tr("Vastgesteld door", "Adopted by"),
        [TL_ALIGNMENT] = tr("Stand en aansluiting", "State and alignment"), [TL_DRAFT] = tr("Concept", "Draft"),
        [TL_FUNDING] = tr("Dekking", "Funding"), [TL_SOURCE] = tr("Bron", "Source")};
    const double widths[TL_COLUMNS] = {[TL_OWNER] = 20, [TL_TITLE] = 36, [TL_EXTENSIONS] = 36,
                                       [TL_ALIGNMENT] = 34, [TL_SOURCE] = 40,
                                       [TL_ADOPTED_BY] = 24, [TL_PARENT] = 30,
                                       [TL_FUNDING] = 40};
    /* A count's header stands right, over its count, and the midpoint's left, over its
     * date: side by side they ran into one ("Maanden verlengdMidden looptijd"). Upright,
     * as the counts of Thema's and Tussenevaluatie stand, it keeps to its own column. */
    sheet_upright(s, TL_MONTHS, TL_MONTHS);
    sheet_header(s, names, TL_COLUMNS, widths);
    sheet_print_columns(s, TL_PRINTED);
    for (size_t i = 0; i < an->plan_count; i++) {
        const plan_view *v = &an->plans[i];
        const rr_plan *p = v->plan;
        char *extensions = extensions_text(p);
        sheet_text(s, TL_REGION, wb_region_name(p->owner));
        sheet_text(s, TL_OWNER, p->owner->name);
        sheet_text(s, TL_ID, p->id);
        sheet_text(s, TL_TITLE, p->title);
        sheet_text(s, TL_KIND, vocab_plan_kind_label(p->kind));
        sheet_text(s, TL_PARENT, p->parent ? p->parent->title : p->parent_ref);
        sheet_text(s, TL_START_TEXT, p->start.text);
        sheet_date(s, TL_START, v->start);
        sheet_text(s, TL_END_TEXT, p->end.text);
        sheet_date(s, TL_END, v->original_end);
        sheet_text(s, TL_EXTENSIONS, extensions);
        sheet_date(s, TL_EFFECTIVE, v->effective_end);
        sheet_int(s, TL_MONTHS, v->months_extended);
        sheet_date(s, TL_MIDPOINT, v->midpoint);
        sheet_text(s, TL_EVALUATION_TEXT, p->evaluation.text);
        sheet_date(s, TL_EVALUATION, v->evaluation);
        sheet_date(s, TL_ADOPTED_ON, p->adopted_on);
        sheet_text(s, TL_ADOPTED_BY, p->adopted_by);
        gchar *state = plan_state_text(v);
        if (*state)
            sheet_text_format(s, TL_ALIGNMENT, state, s->f->signal[SIGNAL_AMBER]);
        g_free(state);
        if (p->draft)
            sheet_text_format(s, TL_DRAFT, tr("concept", "draft"), s->f->signal[SIGNAL_AMBER]);
        sheet_text(s, TL_FUNDING, p->funding);
        sheet_text(s, TL_SOURCE, p->source);
        sheet_next_row(s);
        g_free(extensions);
    }
}

/* ---- Thema's ----------------------------------------------------------------------- */

void wb_write_themes(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    const char *names[4 + STATUS_COUNT];
    names[0] = tr("Thema", "Theme");
    names[1] = tr("Regio", "Region");
    names[2] = tr("Eigenaar", "Owner");
    names[3] = tr("Acties", "Actions");
    for (int i = 0; i < STATUS_COUNT; i++)
        names[4 + i] = vocab_status_label(vocab_status_at(i));
    const double widths[4 + STATUS_COUNT] = {[0] = 40, [1] = 24, [2] = 24};
    sheet_upright(s, 3, 3 + STATUS_COUNT);
    sheet_header(s, names, 4 + STATUS_COUNT, widths);
    for (guint i = 0; i < an->themes->len; i++) {
        const theme_cell *t = &g_array_index(an->themes, theme_cell, i);
        sheet_text(s, 0, tr(t->theme->label_nl, t->theme->label_en));
        sheet_text(s, 1, wb_region_name(t->owner));
        sheet_text(s, 2, t->owner->name);
        sheet_int(s, 3, (double)t->actions);
        for (int k = 0; k < STATUS_COUNT; k++)
            sheet_int(s, 4 + k, (double)t->by_status[vocab_status_at(k)]);
        sheet_next_row(s);
    }
    if (an->themes->len == 0)
        sheet_note(s, tr("Geen acties met een thema.", "No actions with a theme."));
    sheet_end_table(s);
    sheet_next_row(s);
    sheet_note(s, tr("Filter het tabblad Acties op de kolom Thema's om de acties zelf te zien.",
                     "Filter the Actions sheet on the Themes column to see the actions."));
}

/* ---- Tussenevaluatie --------------------------------------------------------------- */

enum { MT_REGION, MT_OWNER, MT_PLAN, MT_LINE, MT_MIDPOINT, MT_TOTAL, MT_MID, /* 5 groups */
       MT_MID_SHARE = MT_MID + PROGRESS_COUNT, MT_NOW, MT_NOW_DONE_SHARE = MT_NOW + PROGRESS_COUNT,
       MT_NOW_UNDER_WAY_SHARE, MT_COLUMNS };

/* Where a plan has no status at its midpoint yet, a note across the midpoint's columns
 * says why: before it, every action would count as "unknown at the midpoint", which
 * reads as a finding, and blank cells read as a fault. */
static void write_midpoint_note(sheet *s, const midterm_row *r, lxw_format *note)
{
    gchar *text = r->midpoint == RR_DATE_NONE
                      ? g_strdup(tr("geen midden: het plan noemt geen begin of eind",
                                    "no midpoint: the plan names no start or end"))
                      : g_strdup_printf(tr("midden nog niet bereikt (%s)", "midpoint not reached yet (%s)"),
                                        date_text_nl(r->midpoint).text);
    worksheet_merge_range(s->ws, s->row, MT_MID, s->row, MT_MID_SHARE, "", note);
    sheet_text_format(s, MT_MID, text, note);
    g_free(text);
}

/* One row of Tussenevaluatie. The midpoint's counts only once it has passed. */
static void write_midterm_row(sheet *s, const midterm_row *r, lxw_format *note)
{
    const char *line = r->whole ? tr("(hele plan)", "(whole plan)")
                       : r->action_line[0] ? r->action_line
                                           : tr("(zonder actielijn)", "(no action line)");
    sheet_text(s, MT_REGION, wb_region_name(r->plan->owner));
    sheet_text(s, MT_OWNER, r->plan->owner->name);
    sheet_text(s, MT_PLAN, r->plan->title);
    sheet_text_format(s, MT_LINE, line, r->whole ? s->f->bold : s->f->text);
    sheet_date(s, MT_MIDPOINT, r->midpoint);
    sheet_int(s, MT_TOTAL, (double)r->total);
    if (!r->midpoint_passed)
        write_midpoint_note(s, r, note);
    for (int g = 0; g < PROGRESS_COUNT; g++) {
        if (r->midpoint_passed)
            sheet_int(s, MT_MID + g, (double)r->at_midpoint[g]);
        sheet_int(s, MT_NOW + g, (double)r->at_as_of[g]);
    }
    double total = r->total ? (double)r->total : 1;
    if (r->midpoint_passed)
        sheet_percent(s, MT_MID_SHARE, (double)r->at_midpoint[PROGRESS_DONE] / total);
    sheet_percent(s, MT_NOW_DONE_SHARE, (double)r->at_as_of[PROGRESS_DONE] / total);
    sheet_percent(s, MT_NOW_UNDER_WAY_SHARE, (double)r->at_as_of[PROGRESS_UNDER_WAY] / total);
    sheet_next_row(s);
}

void wb_write_midterm(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    gchar *subtitle = g_strdup_printf(
        tr("Per plan en actielijn: stand op het midden van de oorspronkelijke looptijd en op %s",
           "Per plan and action line: status at the midpoint of the original term and on %s"),
        date_text_nl(an->as_of).text);
    sheet_title(s, tr("Tussenevaluatie", "Mid-term evaluation"), subtitle);
    g_free(subtitle);
    const char *names[MT_COLUMNS];
    names[MT_REGION] = tr("Regio", "Region");
    names[MT_OWNER] = tr("Eigenaar", "Owner");
    names[MT_PLAN] = tr("Plan", "Plan");
    names[MT_LINE] = tr("Actielijn", "Action line");
    names[MT_MIDPOINT] = tr("Midden looptijd", "Midpoint");
    names[MT_TOTAL] = tr("Acties", "Actions");
    static const char *mid_nl[PROGRESS_COUNT] = {"Midden: afgerond", "Midden: in uitvoering",
                                                 "Midden: niet gestart", "Midden: vervallen",
                                                 "Midden: onbekend"};
    static const char *mid_en[PROGRESS_COUNT] = {"Midpoint: done", "Midpoint: under way",
                                                 "Midpoint: not started", "Midpoint: cancelled",
                                                 "Midpoint: unknown"};
    static const char *now_nl[PROGRESS_COUNT] = {"Nu: afgerond", "Nu: in uitvoering",
                                                 "Nu: niet gestart", "Nu: vervallen",
                                                 "Nu: onbekend"};
    static const char *now_en[PROGRESS_COUNT] = {"Now: done", "Now: under way",
                                                 "Now: not started", "Now: cancelled",
                                                 "Now: unknown"};
    for (int g = 0; g < PROGRESS_COUNT; g++) {
        names[MT_MID + g] = i18n_lang() == LANG_EN ? mid_en[g] : mid_nl[g];
        names[MT_NOW + g] = i18n_lang() == LANG_EN ? now_en[g] : now_nl[g];
    }
    names[MT_MID_SHARE] = tr("Midden: % afgerond", "Midpoint: % done");
    names[MT_NOW_DONE_SHARE] = tr("Nu: % afgerond", "Now: % done");
    names[MT_NOW_UNDER_WAY_SHARE] = tr("Nu: % in uitvoering", "Now: % under way");
    /* Thirteen counts and shares under names that wrap at their spaces ("Midden:" /
     * "in" / "uitvoering") in columns just wide enough for their longest word (sheet.c
     * widens one whose word would break), the titles narrow beside them: printed on one
     * landscape page at about 70 % with no name written upwards. */
    double widths[MT_COLUMNS] = {[MT_REGION] = 11, [MT_OWNER] = 11, [MT_PLAN] = 18,
                                 [MT_LINE] = 18, [MT_MIDPOINT] = 10.5, [MT_TOTAL] = 7};
    for (int i = MT_MID; i < MT_COLUMNS; i++)
        widths[i] = i == MT_MID + PROGRESS_UNDER_WAY || i == MT_NOW + PROGRESS_UNDER_WAY ||
                            i == MT_NOW_UNDER_WAY_SHARE
                        ? 9.5 /* "uitvoering" whole */
                        : 8;
    sheet_header(s, names, MT_COLUMNS, widths);
    /* The notes in the rows: grey italic, at the top beside the row's wrapped titles. */
    lxw_format *note = workbook_add_format(c->wb);
    format_set_italic(note);
    format_set_font_color(note, 0x7F7F7F);
    format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
    bool ahead = false;
    for (guint i = 0; i < an->midterm->len; i++) {
        const midterm_row *r = &g_array_index(an->midterm, midterm_row, i);
        write_midterm_row(s, r, note);
        ahead |= !r->midpoint_passed;
    }
    if (an->midterm->len == 0)
        sheet_note(s, tr("Geen plannen met acties.", "No plans with actions."));
    if (ahead) {
        sheet_end_table(s);
        sheet_next_row(s);
        sheet_note(s, tr("Een plan waarvan het midden van de looptijd nog na de peildatum ligt, "
                         "heeft nog geen stand op het midden: in die kolommen staat waarom.",
                         "A plan whose midpoint still lies after the report date has no "
                         "status at the midpoint yet: those columns say why."));
    }
}

/* ---- Inwoners ---------------------------------------------------------------------- */

/* Every count of inwoners.csv, also those no figure uses, on a sheet of its own: below
 * the figures it printed under their repeated header. */
void wb_write_population(wb_ctx *c, sheet *s)
{
    const rr_model *m = c->in->model;
    const char *names[] = {tr("Eigenaar", "Owner"), tr("Jaar", "Year"),
                           tr("Inwoners", "Inhabitants"), tr("Bron", "Source")};
    const double widths[] = {24, 8, 12, 60};
    sheet_header(s, names, 4, widths);
    for (guint i = 0; i < m->populations->len; i++) {
        const rr_population *p = g_ptr_array_index(m->populations, i);
        sheet_text(s, 0, p->owner->name);
        sheet_year(s, 1, p->year);
        sheet_int(s, 2, (double)p->count);
        sheet_text(s, 3, p->source);
        sheet_next_row(s);
    }
    if (m->populations->len == 0)
        sheet_note(s, tr("Geen inwonertallen per jaar (inwoners.csv): Cijfers rekent met die "
                         "uit gemeente.csv.",
                         "No population per year (inwoners.csv): Indicators uses that of "
                         "gemeente.csv."));
}

/* ---- Cijfers ----------------------------------------------------------------------- */

void wb_write_figures(wb_ctx *c, sheet *s)
{
    const rr_model *m = c->in->model;
    const char *names[] = {tr("Indicator", "Indicator"), tr("Eenheid", "Unit"),
                           tr("Regio", "Region"), tr("Eigenaar", "Owner"), tr("Jaar", "Year"),
                           tr("Waarde", "Value"), tr("Inwoners", "Inhabitants"),
                           tr("Peiljaar inwoners", "Population year"),
                           tr("Per 1.000 inwoners", "Per 1,000 inhabitants"),
                           tr("Bron", "Source")};
    const double widths[] = {40, 10, 20, 20, 8, 12, 12, 10, 12, 40};
    sheet_header(s, names, 10, widths);
    guint later = 0;
    for (guint i = 0; i < m->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(m->figures, i);
        if (!f->indicator)
            continue;
        if (!analyse_figure_known(f, c->in->analysis->as_of)) {
            later++;
            continue;
        }
        sheet_text(s, 0, tr(f->indicator->label_nl, f->indicator->label_en));
        sheet_text(s, 1, f->indicator->unit);
        sheet_text(s, 2, wb_region_name(f->owner));
        sheet_text(s, 3, f->owner->name);
        sheet_year(s, 4, f->year);
        if (f->suppressed)
            /* Withheld by the publisher: a text, so no sum or chart can take it for 0. */
            sheet_text_format(s, 5, tr("geheim", "suppressed"), s->f->note);
        else if (f->value == (double)(long long)f->value) /* a count: "3.060", not "3060" */
            sheet_int(s, 5, f->value);
        else
            sheet_number(s, 5, f->value, s->f->plain);
        int64_t population;
        int population_year;
        if (analyse_population(f->owner, f->year, &population, &population_year)) {
            sheet_int(s, 6, (double)population);
            if (population_year)
                sheet_year(s, 7, population_year);
        }
        double per_thousand;
        if (analyse_per_thousand(f, &per_thousand))
            sheet_number(s, 8, per_thousand, s->f->decimal);
        sheet_text(s, 9, f->source);
        sheet_next_row(s);
    }
    if (m->figures->len == 0)
        sheet_note(s, tr("Geen cijfers.", "No figures."));
    sheet_end_table(s);
    if (later > 0) {
        gchar *text = g_strdup_printf(
            tr("%u cijfer(s) weggelaten: op %s was hun jaar nog niet voorbij (of hun "
               "publicatiedatum nog niet bereikt).",
               "%u figure(s) left out: on %s their year had not ended yet (or their "
               "publication date had not come)."),
            later, date_text_nl(c->in->analysis->as_of).text);
        sheet_next_row(s);
        sheet_note(s, text);
        g_free(text);
    }
    sheet_next_row(s);
    sheet_note(s, tr("'geheim': de bron heeft het cijfer niet gepubliceerd (kleine aantallen); "
                     "het telt nergens als 0. Per 1.000 inwoners: met het inwonertal van het jaar "
                     "van het cijfer (inwoners.csv), anders dat uit gemeente.csv (peiljaar "
                     "ernaast).",
                     "'suppressed': the publisher withheld the figure (small numbers); it never "
                     "counts as 0. Per 1,000 inhabitants: with the population of the figure's "
                     "year (inwoners.csv), else that of gemeente.csv (its year beside it)."));
    gchar *population = g_strdup_printf(tr("Alle inwonertallen per jaar: tabblad %s.",
                                           "Every population per year: the %s sheet."),
                                        vocab_sheet_name(SHEET_POPULATION));
    sheet_note(s, population);
    g_free(population);
}

/* ---- Begroting --------------------------------------------------------------------- */

enum { BL_OWNER, BL_ITEM, BL_LINE, BL_ACTION, BL_FROM, BL_TO, BL_AMOUNT, BL_FUNDING,
       BL_SOURCE, BL_COLUMNS };

/* ---- Begroting per jaar ------------------------------------------------------------ */

/* Past this many years (first to last) the years no longer fit a page as columns:
 * the totals then take a row per year. */
#define BUDGET_YEAR_COLUMNS_MAX 12

enum { BT_OWNER, BT_LINE, BT_FIRST_YEAR };
enum { BT_YEAR = BT_FIRST_YEAR, BT_AMOUNT, BT_ROW_COLUMNS }; /* a row per year */

/* What a row of totals adds up: an action line, or (`all`) all of the owner's lines. */
static const char *budget_row_label(const budget_total *t, bool all)
{
    return all ? tr("alle actielijnen", "all action lines")
         : t->action_line[0] ? t->action_line
                             : tr("(geen actielijn)", "(none)");
}

/* A row of the year columns: the totals t[0..n) of one owner and action line (or, `all`,
 * of all its lines, in bold), each in its year's column from `first_year` on, then
 * their sum. A year without an amount stays empty: no line covers it. */
static void write_budget_year_row(sheet *s, const budget_total *t, size_t n, bool all,
                                  int first_year, int years)
{
    lxw_format *euro = all ? s->f->euro_bold : s->f->euro;
    sheet_text(s, BT_OWNER, t->owner->name);
    sheet_text_format(s, BT_LINE, budget_row_label(t, all), all ? s->f->bold : s->f->text);
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        sheet_number(s, BT_FIRST_YEAR + t[i].year - first_year, (double)t[i].cents / 100.0,
                     euro);
        sum += t[i].cents;
    }
    sheet_number(s, BT_FIRST_YEAR + years, (double)sum / 100.0, euro);
    sheet_next_row(s);
}

/* The width (characters) of an amount in bold in the euro format, "€ 143.620,00" with
 * the room after it: negative amounts have a sign. */
static double euro_width(int64_t cents)
{
    double digits = 1;
    for (int64_t rest = (cents < 0 ? -cents : cents) / 100; rest >= 10; rest /= 10)
        digits++;
    double chars = 2 + digits + (double)((int)(digits - 1) / 3) * 0.5 + 3 + (cents < 0);
    return chars * 1.1 + 1.5; /* bold runs about a tenth wider; "_)_)" after it */
}

/* How many totals from `from` on in `list` belong to `owner` (and, unless `line` is
 * NULL, to that action line). */
static guint budget_run(const GArray *list, guint from, const rr_owner *owner, const char *line)
{
    guint to = from;
    while (to < list->len && g_array_index(list, budget_total, to).owner == owner &&
           (!line || strcmp(g_array_index(list, budget_total, to).action_line, line) == 0))
        to++;
    return to - from;
}

/* The totals with the years as columns, as a council reads a budget: per owner a row
 * per action line, then the owner's row over all lines. Both lists are in owner order
 * and, within an owner, by line and year (analyse.c), so one walk pairs them. */
static void write_budget_year_columns(sheet *s, const rr_analysis *an, int first_year,
                                      int years)
{
    char year_names[BUDGET_YEAR_COLUMNS_MAX][8];
    const char *names[BT_FIRST_YEAR + BUDGET_YEAR_COLUMNS_MAX + 1] = {
        tr("Eigenaar", "Owner"), tr("Actielijn", "Action line")};
    double widths[BT_FIRST_YEAR + BUDGET_YEAR_COLUMNS_MAX + 1] = {[BT_OWNER] = 24,
                                                                  [BT_LINE] = 40};
    for (int y = 0; y < years; y++) {
        snprintf(year_names[y], sizeof year_names[y], "%d", first_year + y);
        names[BT_FIRST_YEAR + y] = year_names[y];
    }
    names[BT_FIRST_YEAR + years] = tr("Totaal", "Total");
    sheet_header(s, names, BT_FIRST_YEAR + years + 1, widths);
    /* Amount columns as wide as their largest amount, in bold: the owners' totals. */
    int64_t largest_year = 0, largest_sum = 0;
    for (guint i = 0; i < an->budget_years->len;) {
        const budget_total *t = &g_array_index(an->budget_years, budget_total, i);
        guint n = budget_run(an->budget_years, i, t->owner, NULL);
        int64_t sum = 0;
        for (guint k = i; k < i + n; k++) {
            int64_t cents = g_array_index(an->budget_years, budget_total, k).cents;
            largest_year = MAX(largest_year, ABS(cents));
            sum += cents;
        }
        largest_sum = MAX(largest_sum, ABS(sum));
        i += n;
    }
    double amounts[BT_FIRST_YEAR + BUDGET_YEAR_COLUMNS_MAX + 1] = {0};
    for (int y = 0; y < years; y++)
        amounts[BT_FIRST_YEAR + y] = euro_width(largest_year);
    amounts[BT_FIRST_YEAR + years] = euro_width(largest_sum);
    sheet_fixed_widths(s, amounts, BT_FIRST_YEAR + years + 1);
    guint line = 0;
    for (guint year = 0; year < an->budget_years->len;) {
        const budget_total *all = &g_array_index(an->budget_years, budget_total, year);
        while (line < an->budget->len &&
               g_array_index(an->budget, budget_total, line).owner == all->owner) {
            const budget_total *t = &g_array_index(an->budget, budget_total, line);
            guint n = budget_run(an->budget, line, t->owner, t->action_line);
            write_budget_year_row(s, t, n, false, first_year, years);
            line += n;
        }
        guint n = budget_run(an->budget_years, year, all->owner, NULL);
        write_budget_year_row(s, all, n, true, first_year, years);
        year += n;
    }
}

/* The totals a row per year, for budgets spanning more years than fit as columns. */
static void write_budget_year_rows(sheet *s, const rr_analysis *an)
{
    const char *names[BT_ROW_COLUMNS] = {tr("Eigenaar", "Owner"), tr("Actielijn", "Action line"),
                                         tr("Jaar", "Year"), tr("Totaal (€)", "Total (€)")};
    const double widths[BT_ROW_COLUMNS] = {[BT_OWNER] = 24, [BT_LINE] = 44};
    sheet_header(s, names, BT_ROW_COLUMNS, widths);
    guint line = 0;
    for (guint year = 0; year < an->budget_years->len;) {
        const rr_owner *owner = g_array_index(an->budget_years, budget_total, year).owner;
        guint lines = budget_run(an->budget, line, owner, NULL);
        guint years = budget_run(an->budget_years, year, owner, NULL);
        for (guint k = 0; k < lines + years; k++) {
            bool all = k >= lines;
            const budget_total *t = all ? &g_array_index(an->budget_years, budget_total, year + k - lines)
                                        : &g_array_index(an->budget, budget_total, line + k);
            sheet_text(s, BT_OWNER, t->owner->name);
            sheet_text(s, BT_LINE, budget_row_label(t, all));
            sheet_year(s, BT_YEAR, t->year);
            sheet_number(s, BT_AMOUNT, (double)t->cents / 100.0,
                         all ? s->f->euro_bold : s->f->euro);
            sheet_next_row(s);
        }
        line += lines;
        year += years;
    }
}

/* The totals per year, apart from Begroting's lines so that summing the lines' column
 * never counts an amount twice, and on a sheet of their own so that they print under
 * their own header (below the lines they printed under the lines' header). */
void wb_write_budget_totals(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    if (an->budget_years->len == 0) {
        sheet_note(s, tr("Geen begrotingsregels.", "No budget lines."));
        return;
    }
    int first = G_MAXINT, last = G_MININT;
    for (guint i = 0; i < an->budget_years->len; i++) {
        int year = g_array_index(an->budget_years, budget_total, i).year;
        first = year < first ? year : first;
        last = year > last ? year : last;
    }
    bool as_columns = last - first + 1 <= BUDGET_YEAR_COLUMNS_MAX;
    sheet_title(s,
                as_columns ? tr("Begroting per jaar (€): per actielijn, daaronder alle "
                                "actielijnen samen",
                                "Budget per year (€): per action line, below them all action "
                                "lines together")
                           : tr("Begroting per jaar: per actielijn, daarna alle actielijnen "
                                "samen",
                                "Budget per year: per action line, then all action lines "
                                "together"),
                NULL);
    if (as_columns)
        write_budget_year_columns(s, an, first, last - first + 1);
    else
        write_budget_year_rows(s, an);
}

/* ---- Begroting --------------------------------------------------------------------- */

void wb_write_budget(wb_ctx *c, sheet *s)
{
    const rr_model *m = c->in->model;
    if (m->budget_lines->len == 0) {
        sheet_note(s, tr("Geen begrotingsregels.", "No budget lines."));
        return;
    }
    gchar *title = g_strdup_printf(tr("Begroting: de regels; de totalen per jaar staan op het tabblad %s",
                                      "Budget: the lines; the totals per year are on the %s sheet"),
                                   vocab_sheet_name(SHEET_BUDGET_TOTALS));
    sheet_title(s, title, NULL);
    g_free(title);
    const char *names[BL_COLUMNS] = {
        tr("Eigenaar", "Owner"), tr("Post", "Item"), tr("Actielijn", "Action line"),
        tr("Actie", "Action"), tr("Van jaar", "From year"), tr("Tot en met jaar", "To year"),
        tr("Bedrag per jaar (€)", "Amount per year (€)"), tr("Dekking", "Funding"),
        tr("Bron", "Source")};
    /* Funding and source are sentences: wide enough to read in two or three lines. */
    const double widths[BL_COLUMNS] = {16, 30, 24, 20, 9, 9, 14, 40, 44};
    sheet_header(s, names, BL_COLUMNS, widths);
    for (guint i = 0; i < m->budget_lines->len; i++) {
        const rr_budget_line *b = g_ptr_array_index(m->budget_lines, i);
        sheet_text(s, BL_OWNER, b->owner->name);
        sheet_text(s, BL_ITEM, b->item);
        sheet_text(s, BL_LINE, b->action_line);
        if (b->action) {
            char *ref = wb_action_ref(b->action);
            sheet_text(s, BL_ACTION, ref);
            g_free(ref);
        }
        sheet_year(s, BL_FROM, b->from_year);
        sheet_year(s, BL_TO, b->to_year);
        sheet_cents(s, BL_AMOUNT, b->cents_per_year);
        sheet_text(s, BL_FUNDING, b->funding);
        sheet_text(s, BL_SOURCE, b->source);
        sheet_next_row(s);
    }
}

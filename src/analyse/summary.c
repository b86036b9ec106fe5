/* summary.c - the plain-language paragraph about an owner or a plan (see summary.h). */
#include "analyse/summary.h"

#include <glib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/phrase.h"

/* Adds one action's view to the counts. */
static void count_action(summary_facts *f, const action_view *v)
{
    f->actions++;
    f->by_group[vocab_status_group(v->status)]++;
    f->overdue += v->overdue;
    f->due_soon += v->due_soon && v->status != STATUS_DONE && v->status != STATUS_CANCELLED;
    if (v->latest && v->latest->date.valid && v->latest->date.value.last > f->last_update)
        f->last_update = v->latest->date.value.last;
}

/* The plans the owner's actions belong to (its own, or a region's plan that a
 * municipality's actions point at) and its own plans: the one with the most of the
 * owner's actions (the first in the model's order on a tie), or the one asked for.
 * *plans counts the plans with at least one of the owner's actions. */
static const plan_view *main_plan_of(const rr_analysis *an, const rr_owner *owner,
                                     const rr_plan *plan, size_t *plans)
{
    GHashTable *count = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (size_t k = 0; k < an->action_count; k++) {
        const rr_action *a = an->actions[k].action;
        if (a->owner == owner && a->plan)
            g_hash_table_insert(count, a->plan,
                                GSIZE_TO_POINTER(GPOINTER_TO_SIZE(g_hash_table_lookup(count, a->plan)) + 1));
    }
    const plan_view *best = NULL;
    size_t best_count = 0;
    *plans = 0;
    for (size_t i = 0; i < an->plan_count; i++) {
        const plan_view *p = &an->plans[i];
        size_t n = GPOINTER_TO_SIZE(g_hash_table_lookup(count, p->plan));
        if ((p->plan->owner != owner && n == 0) || (plan && p->plan != plan))
            continue;
        *plans += n > 0 || plan;
        if (!best || n > best_count) {
            best = p;
            best_count = n;
        }
    }
    g_hash_table_destroy(count);
    return best;
}

/* A region's municipalities: their actions, overdue ones, and who reported nothing
 * in the last two meeting periods. */
static void count_municipalities(const rr_analysis *an, const rr_owner *region,
                                 summary_facts *f)
{
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->owner->region != region)
            continue;
        f->municipalities++;
        f->municipality_actions += o->actions;
        f->municipality_overdue += o->overdue;
        f->municipalities_overdue += o->overdue > 0;
        f->municipalities_silent += o->actions > 0 && o->no_recent_update == o->actions;
    }
}

void summary_facts_of(const rr_analysis *an, const rr_owner *owner, const rr_plan *plan,
                      summary_facts *out)
{
    memset(out, 0, sizeof *out);
    out->owner = owner;
    out->plan = plan;
    out->last_update = RR_DATE_NONE;
    const owner_summary *o = analysis_owner(an, owner);
    out->next_meeting = o ? o->next_meeting : RR_DATE_NONE;
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        if (v->action->owner == owner && (!plan || v->action->plan == plan))
            count_action(out, v);
    }
    out->main_plan = main_plan_of(an, owner, plan, &out->plans);
    if (owner->kind == OWNER_REGION && !plan)
        count_municipalities(an, owner, out);
}

char *summary_plan_name(const plan_view *plan, bool capital)
{
    const char *kind = phrase_plan_kind((int)plan->plan->kind, capital);
    if (plan->start == RR_DATE_NONE || plan->original_end == RR_DATE_NONE)
        return g_strdup_printf("%s '%s'", kind, plan->plan->title);
    int y1, y2, m, d;
    date_to_ymd(plan->start, &y1, &m, &d);
    date_to_ymd(plan->original_end, &y2, &m, &d);
    if (y1 == y2)
        return g_strdup_printf("%s %d", kind, y1);
    return g_strdup_printf("%s %d-%d", kind, y1, y2);
}

/* Appends a sentence (and a space before it when the paragraph has one already). */
static void add(GString *text, char *sentence)
{
    if (text->len)
        g_string_append_c(text, ' ');
    g_string_append(text, sentence);
    g_free(sentence);
}

static char *fill1(phrase_id id, size_t n, const char *a)
{
    const char *args[] = {a};
    return phrase_fill(id, n, args, 1);
}

/* "West Betuwe werkt aan 46 acties uit het lokale plan 2022-2025." */
static void opening(GString *text, const summary_facts *f)
{
    char *actions = phrase_count(f->actions, NOUN_ACTION);
    char *from = f->plans > 1 ? phrase_count(f->plans, NOUN_PLAN)
                 : f->main_plan ? summary_plan_name(f->main_plan, false)
                                : NULL;
    const char *args[] = {f->owner->name, actions, from};
    add(text, phrase_fill(f->plans > 1 ? PHRASE_WORKS_ON_PLANS
                          : from       ? PHRASE_WORKS_ON_PLAN
                                       : PHRASE_WORKS_ON,
                          f->actions, args, 3));
    g_free(from);
    g_free(actions);
}

/* "8 acties zijn afgerond, 6 lopen en 1 is gepland." The noun goes with the first
 * count; groups without actions are left out; unknown gets its own sentence. */
static void by_group(GString *text, const summary_facts *f)
{
    static const struct {
        progress_group group;
        phrase_id id;
    } parts[] = {{PROGRESS_DONE, PHRASE_PART_DONE},
                 {PROGRESS_UNDER_WAY, PHRASE_PART_UNDER_WAY},
                 {PROGRESS_NOT_STARTED, PHRASE_PART_NOT_STARTED},
                 {PROGRESS_CANCELLED, PHRASE_PART_CANCELLED}};
    GPtrArray *said = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < G_N_ELEMENTS(parts); i++) {
        size_t n = f->by_group[parts[i].group];
        if (n == 0)
            continue;
        char *count = said->len == 0 ? phrase_count(n, NOUN_ACTION) : phrase_number(n);
        g_ptr_array_add(said, fill1(parts[i].id, n, count));
        g_free(count);
    }
    if (said->len > 0) {
        GString *s = g_string_new(NULL);
        for (guint i = 0; i < said->len; i++) {
            if (i > 0)
                g_string_append(s, i + 1 == said->len ? " " : ", ");
            if (i > 0 && i + 1 == said->len)
                g_string_append_printf(s, "%s ", phrase_template(PHRASE_AND,
                                                                 i18n_lang() == LANG_EN, 0));
            g_string_append(s, g_ptr_array_index(said, i));
        }
        g_string_append_c(s, '.');
        add(text, g_string_free(s, FALSE));
    }
    g_ptr_array_free(said, TRUE);
}

/* Done, under way, not started, cancelled, never reported on. */
static void statuses(GString *text, const summary_facts *f)
{
    size_t unknown = f->by_group[PROGRESS_UNKNOWN];
    char *actions = phrase_count(f->actions, NOUN_ACTION);
    if (f->by_group[PROGRESS_DONE] == f->actions)
        add(text, fill1(PHRASE_ALL_DONE, f->actions, actions));
    else if (unknown == f->actions)
        add(text, fill1(PHRASE_NONE_REPORTED, f->actions, actions));
    else {
        by_group(text, f);
        if (unknown > 0) {
            char *count = phrase_count(unknown, NOUN_ACTION);
            add(text, fill1(PHRASE_NEVER_REPORTED, unknown, count));
            g_free(count);
        }
    }
    g_free(actions);
}

/* Overdue, then due before the next meeting. */
static void deadlines(GString *text, const summary_facts *f)
{
    char *count = phrase_count(f->overdue, NOUN_ACTION);
    add(text, f->overdue ? fill1(PHRASE_OVERDUE, f->overdue, count)
                         : phrase_fill(PHRASE_NONE_OVERDUE, 0, NULL, 0));
    g_free(count);
    if (f->due_soon > 0 && f->next_meeting != RR_DATE_NONE) {
        char *soon = phrase_count(f->due_soon, NOUN_ACTION);
        date_text when = date_text_nl(f->next_meeting);
        const char *args[] = {soon, when.text};
        add(text, phrase_fill(PHRASE_DUE_SOON, f->due_soon, args, 2));
        g_free(soon);
    }
}

/* "De laatste voortgang is van 21-06-2022, 7 maanden voor deze datum." */
static void last_report(GString *text, const summary_facts *f, rr_date as_of)
{
    if (f->last_update == RR_DATE_NONE)
        return;
    date_text when = date_text_nl(f->last_update);
    if (f->last_update >= as_of) {
        add(text, fill1(PHRASE_LAST_REPORT_TODAY, 1, when.text));
        return;
    }
    /* Whole months counted down (a report 40 days old is 1 month old, not 2). */
    int y1, m1, d1, y2, m2, d2;
    date_to_ymd(f->last_update, &y1, &m1, &d1);
    date_to_ymd(as_of, &y2, &m2, &d2);
    int months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1);
    char *age = phrase_duration(months, (int)(as_of - f->last_update));
    const char *args[] = {when.text, age};
    add(text, phrase_fill(PHRASE_LAST_REPORT, 1, args, 2));
    g_free(age);
}

/* The main plan's end, its extension and its mid-term evaluation. */
static void plan_term(GString *text, const summary_facts *f, rr_date as_of)
{
    const plan_view *p = f->main_plan;
    if (!p || p->effective_end == RR_DATE_NONE)
        return;
    char *name = summary_plan_name(p, true);
    date_text end = date_text_nl(p->effective_end);
    bool ended = p->effective_end < as_of;
    if (p->months_extended > 0) {
        char *by = phrase_count((size_t)p->months_extended, NOUN_MONTH);
        const char *args[] = {name, by, end.text};
        add(text, phrase_fill(ended ? PHRASE_PLAN_EXTENDED_RAN : PHRASE_PLAN_EXTENDED, 1, args,
                              3));
        g_free(by);
    } else {
        const char *args[] = {name, end.text};
        add(text, phrase_fill(ended ? PHRASE_PLAN_RAN : PHRASE_PLAN_RUNS, 1, args, 2));
    }
    if (!ended && p->evaluation != RR_DATE_NONE && p->plan->evaluation.text[0])
        add(text, fill1(p->evaluation < as_of ? PHRASE_EVALUATION_PAST : PHRASE_EVALUATION, 1,
                        p->plan->evaluation.text));
    g_free(name);
}

/* A region: its municipalities' actions, the overdue ones, and who sent nothing. */
static void municipalities(GString *text, const summary_facts *f)
{
    if (f->municipalities == 0)
        return;
    char *count = phrase_count(f->municipalities, NOUN_MUNICIPALITY);
    char *actions = phrase_count(f->municipality_actions, NOUN_ACTION);
    const char *args[] = {count, actions};
    add(text, phrase_fill(PHRASE_REGION_MUNICIPALITIES, f->municipalities, args, 2));
    g_free(actions);
    g_free(count);
    if (f->municipality_overdue > 0) {
        char *late = phrase_count(f->municipality_overdue, NOUN_ACTION);
        char *where = phrase_count(f->municipalities_overdue, NOUN_MUNICIPALITY);
        const char *late_args[] = {late, where};
        add(text, phrase_fill(PHRASE_REGION_OVERDUE, f->municipality_overdue, late_args, 2));
        g_free(where);
        g_free(late);
    }
    if (f->municipalities_silent > 0) {
        char *silent = phrase_count(f->municipalities_silent, NOUN_MUNICIPALITY);
        add(text, fill1(PHRASE_REGION_SILENT, f->municipalities_silent, silent));
        g_free(silent);
    }
}

char *summary_paragraph(const rr_analysis *an, const rr_owner *owner, const rr_plan *plan)
{
    summary_facts f;
    summary_facts_of(an, owner, plan, &f);
    GString *text = g_string_new(NULL);
    if (f.actions == 0) {
        add(text, fill1(PHRASE_NO_ACTIONS, 1, owner->name));
    } else {
        opening(text, &f);
        statuses(text, &f);
        deadlines(text, &f);
        last_report(text, &f, an->as_of);
    }
    plan_term(text, &f, an->as_of);
    municipalities(text, &f);
    return g_string_free(text, FALSE);
}

bool summary_region_rate(const rr_model *model, const rr_owner *region,
                         const rr_indicator *indicator, int year, rr_date as_of,
                         summary_rate *out)
{
    memset(out, 0, sizeof *out);
    /* Each municipality's figure of that year, by owner (one per owner and year). */
    GHashTable *figure = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(model->figures, i);
        if (f->indicator == indicator && f->year == year && f->owner->region == region &&
            !f->suppressed && analyse_figure_known(f, as_of))
            g_hash_table_insert(figure, f->owner, (gpointer)f);
    }
    double count = 0, population = 0;
    for (guint i = 0; i < model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(model->owners, i);
        if (o->region != region)
            continue;
        out->municipalities++;
        const rr_figure *f = g_hash_table_lookup(figure, o);
        int64_t people;
        int people_year;
        if (!f)
            out->without_figure++;
        else if (!analyse_population(o, year, &people, &people_year) || people <= 0)
            out->without_population++;
        else {
            out->used++;
            count += f->value;
            population += (double)people;
        }
    }
    g_hash_table_destroy(figure);
    if (out->used > 0)
        out->per_thousand = count / population * 1000.0;
    return out->used > 0;
}

/* evaluation_text.c - the paragraphs of the mid-term evaluation in plain language
 * (evaluation_paragraph, evaluation_region_paragraph in evaluation.h). Every sentence
 * is a template in base/phrase.c; every number is one the document's tables show. */
#include <string.h>

#include "analyse/evaluation.h"
#include "analyse/summary.h"
#include "base/phrase.h"

/* Appends a sentence (a space before it when the paragraph has one already); an empty
 * sentence adds nothing. Takes `sentence`. */
static void add(GString *text, char *sentence)
{
    if (*sentence) {
        if (text->len)
            g_string_append_c(text, ' ');
        g_string_append(text, sentence);
    }
    g_free(sentence);
}

static char *fill(phrase_id id, size_t n, const char *a, const char *b, const char *c,
                  const char *d)
{
    const char *args[] = {a, b, c, d};
    return phrase_fill(id, n, args, 4);
}

/* "a, b en c" (the items, each taken). */
static char *list_of(GPtrArray *items)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < items->len; i++) {
        if (i > 0)
            g_string_append(out, i + 1 == items->len ? " " : ", ");
        if (i > 0 && i + 1 == items->len) {
            char *and = phrase_fill(PHRASE_AND, 1, NULL, 0);
            g_string_append(out, and);
            g_string_append_c(out, ' ');
            g_free(and);
        }
        g_string_append(out, g_ptr_array_index(items, i));
    }
    return g_string_free(out, FALSE);
}

/* "het lokale plan 2022-2025 van West Betuwe loopt van ... tot ...", or what is known. */
static void term_sentence(GString *text, const rr_analysis *an, const eval_plan *p)
{
    char *name = summary_plan_name(p->view, true);
    const char *owner = p->plan->owner->name;
    date_text start = date_text_nl(p->view->start), end = date_text_nl(p->view->original_end);
    if (p->view->start == RR_DATE_NONE)
        add(text, fill(PHRASE_EVAL_NO_TERM, 1, name, owner, NULL, NULL));
    else if (p->view->original_end == RR_DATE_NONE)
        add(text, fill(PHRASE_EVAL_NO_END, 1, name, owner, start.text, NULL));
    else
        add(text, fill(p->view->original_end < an->as_of ? PHRASE_EVAL_TERM_RAN : PHRASE_EVAL_TERM,
                       1, name, owner, start.text, end.text));
    g_free(name);
    if (p->plan->draft)
        add(text, fill(PHRASE_EVAL_DRAFT, 1, NULL, NULL, NULL, NULL));
    for (guint i = 0; i < p->plan->extensions->len; i++) {
        const rr_extension *x = g_ptr_array_index(p->plan->extensions, i);
        date_text on = date_text_nl(x->decided_on), to = date_text_nl(x->new_end.value.last);
        add(text, fill(x->decided_by[0] ? PHRASE_EVAL_EXTENDED : PHRASE_EVAL_EXTENDED_ANON, 1,
                       on.text, x->decided_by, to.text, x->reason));
    }
}

/* "1 afgerond, 14 in uitvoering en 14 nooit gemeld": the groups with actions. */
static char *parts_of(const size_t *groups)
{
    static const phrase_id parts[PROGRESS_COUNT] = {
        [PROGRESS_DONE] = PHRASE_EVAL_PART_DONE, [PROGRESS_UNDER_WAY] = PHRASE_EVAL_PART_UNDER_WAY,
        [PROGRESS_NOT_STARTED] = PHRASE_EVAL_PART_NOT_STARTED,
        [PROGRESS_CANCELLED] = PHRASE_EVAL_PART_CANCELLED, [PROGRESS_UNKNOWN] = PHRASE_EVAL_PART_NEVER};
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (int g = 0; g < PROGRESS_COUNT; g++) {
        if (groups[g] == 0)
            continue;
        char *number = phrase_number(groups[g]);
        g_ptr_array_add(items, fill(parts[g], groups[g], number, NULL, NULL, NULL));
        g_free(number);
    }
    char *text = list_of(items);
    g_ptr_array_free(items, TRUE);
    return text;
}

/* The midpoint, the status there and now. */
static void state_sentences(GString *text, const rr_analysis *an, const eval_plan *p)
{
    date_text mid = date_text_nl(p->view->midpoint), now = date_text_nl(an->as_of);
    if (p->view->midpoint == RR_DATE_NONE)
        add(text, fill(PHRASE_EVAL_NO_MIDPOINT, 1, NULL, NULL, NULL, NULL));
    else if (!p->midpoint_passed)
        add(text, fill(PHRASE_EVAL_MIDPOINT_AHEAD, 1, mid.text, NULL, NULL, NULL));
    if (!p->whole) {
        add(text, fill(PHRASE_EVAL_NO_ACTIONS, 1, NULL, NULL, NULL, NULL));
        return;
    }
    char *count = phrase_count(p->whole->total, NOUN_ACTION);
    if (p->midpoint_passed) {
        char *parts = parts_of(p->whole->at_midpoint);
        add(text, fill(PHRASE_EVAL_STATE_MIDPOINT, p->whole->total, mid.text, count, parts, NULL));
        g_free(parts);
    }
    char *parts = parts_of(p->whole->at_as_of);
    add(text, fill(PHRASE_EVAL_STATE_NOW, p->whole->total, now.text, count, parts, NULL));
    g_free(parts);
    g_free(count);
}

/* The lines that lag, each with its share; or that none does. */
static void lag_sentence(GString *text, const eval_plan *p)
{
    if (!p->whole || p->lines->len < 2)
        return;
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < p->lines->len; i++) {
        const eval_line *l = &g_array_index(p->lines, eval_line, i);
        if (!l->lags)
            continue;
        char *done = phrase_number(l->counts->at_as_of[PROGRESS_DONE]);
        char *of = phrase_count(l->counts->total, NOUN_ACTION);
        g_ptr_array_add(items, fill(PHRASE_EVAL_LINE_SHARE, 1, l->name, done, of, NULL));
        g_free(done);
        g_free(of);
    }
    char *lines = list_of(items);
    add(text, items->len ? fill(PHRASE_EVAL_LAGGING, items->len, lines, NULL, NULL, NULL)
                         : fill(PHRASE_EVAL_NO_LAG, p->lines->len, NULL, NULL, NULL, NULL));
    g_free(lines);
    g_ptr_array_free(items, TRUE);
}

/* A sentence "<n acties> <...>" with the count as its first argument. */
static void count_sentence(GString *text, phrase_id id, size_t n)
{
    char *count = phrase_count(n, NOUN_ACTION);
    add(text, fill(id, n, count, NULL, NULL, NULL));
    g_free(count);
}

/* Overdue and on hold. */
static void look_sentences(GString *text, const eval_plan *p)
{
    if (!p->whole)
        return;
    if (p->look_count[EVAL_LOOK_OVERDUE])
        count_sentence(text, PHRASE_OVERDUE, p->look_count[EVAL_LOOK_OVERDUE]);
    else
        add(text, fill(PHRASE_NONE_OVERDUE, 1, NULL, NULL, NULL, NULL));
    if (p->look_count[EVAL_LOOK_ON_HOLD])
        count_sentence(text, PHRASE_EVAL_ON_HOLD, p->look_count[EVAL_LOOK_ON_HOLD]);
}

/* The budget over the term, the funding and what has no amount. */
static void budget_sentences(GString *text, const eval_plan *p)
{
    if (p->has_budget && p->view->start != RR_DATE_NONE && p->view->effective_end != RR_DATE_NONE) {
        int y1, y2, m, d;
        date_to_ymd(p->view->start, &y1, &m, &d);
        date_to_ymd(p->view->effective_end, &y2, &m, &d);
        char *money = phrase_money(p->budget_total);
        char first[8], last[8];
        g_snprintf(first, sizeof first, "%d", y1);
        g_snprintf(last, sizeof last, "%d", y2);
        add(text, fill(PHRASE_EVAL_BUDGET, 1, money, first, last, NULL));
        g_free(money);
    } else if (!p->has_budget) {
        add(text, fill(PHRASE_EVAL_NO_BUDGET, 1, NULL, NULL, NULL, NULL));
    }
    size_t unpriced = 0, running = 0;
    for (guint i = 0; i < p->unpriced->len; i++) {
        const eval_unpriced *u = &g_array_index(p->unpriced, eval_unpriced, i);
        if (u->kind == EVAL_UNPRICED_FUNDING) {
            gchar **sources = g_strsplit(u->text, "|", -1);
            char *joined = g_strjoinv("; ", sources);
            add(text, fill(PHRASE_EVAL_FUNDING, 1, joined, NULL, NULL, NULL));
            g_free(joined);
            g_strfreev(sources);
        }
        unpriced += u->kind == EVAL_UNPRICED_ACTION;
        running += u->kind == EVAL_UNPRICED_RUNNING;
    }
    if (unpriced)
        count_sentence(text, PHRASE_EVAL_UNPRICED, unpriced);
    if (running)
        count_sentence(text, PHRASE_EVAL_RUNNING, running);
}

char *evaluation_paragraph(const rr_analysis *an, const rr_evaluation *ev, const eval_plan *p)
{
    (void)ev;
    GString *text = g_string_new(NULL);
    term_sentence(text, an, p);
    state_sentences(text, an, p);
    lag_sentence(text, p);
    look_sentences(text, p);
    budget_sentences(text, p);
    return g_string_free(text, FALSE);
}

/* "de regionale aanpak 2021-2024 van Gelderland-Zuid en het lokale plan ... van ..." */
static char *plans_listed(const rr_evaluation *ev)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < ev->plans->len; i++) {
        const eval_plan *p = &g_array_index(ev->plans, eval_plan, i);
        char *name = summary_plan_name(p->view, false);
        g_ptr_array_add(items, g_strdup_printf("%s (%s)", name, p->plan->owner->name));
        g_free(name);
    }
    char *text = list_of(items);
    g_ptr_array_free(items, TRUE);
    return text;
}

/* A sentence about the plans counted by `n`, when there are any. */
static void plans_sentence(GString *text, phrase_id id, size_t n)
{
    if (n == 0)
        return;
    char *count = phrase_count(n, NOUN_PLAN);
    add(text, fill(id, n, count, NULL, NULL, NULL));
    g_free(count);
}

char *evaluation_region_paragraph(const rr_analysis *an, const rr_evaluation *ev)
{
    (void)an;
    GString *text = g_string_new(NULL);
    char *count = phrase_count(ev->plans->len, NOUN_PLAN);
    char *listed = plans_listed(ev);
    add(text, fill(PHRASE_EVAL_REGION_PLANS, ev->plans->len, count, ev->region->name, listed, NULL));
    g_free(count);
    g_free(listed);
    size_t passed = 0, ahead = 0, unknown = 0, groups[PROGRESS_COUNT] = {0}, total = 0, late = 0;
    for (guint i = 0; i < ev->plans->len; i++) {
        const eval_plan *p = &g_array_index(ev->plans, eval_plan, i);
        passed += p->midpoint_passed;
        ahead += !p->midpoint_passed && p->view->midpoint != RR_DATE_NONE;
        unknown += p->view->midpoint == RR_DATE_NONE;
        for (int g = 0; p->whole && g < PROGRESS_COUNT; g++)
            groups[g] += p->whole->at_as_of[g];
        total += p->whole ? p->whole->total : 0;
        late += p->look_count[EVAL_LOOK_OVERDUE];
    }
    plans_sentence(text, PHRASE_EVAL_REGION_PASSED, passed);
    plans_sentence(text, PHRASE_EVAL_REGION_AHEAD, ahead);
    plans_sentence(text, PHRASE_EVAL_REGION_UNKNOWN, unknown);
    if (total > 0) {
        char *actions = phrase_count(total, NOUN_ACTION);
        char *done = phrase_number(groups[PROGRESS_DONE]);
        char *overdue = phrase_number(late);
        char *never = phrase_number(groups[PROGRESS_UNKNOWN]);
        add(text, fill(PHRASE_EVAL_REGION_TOTAL, total, actions, done, overdue, never));
        g_free(actions);
        g_free(done);
        g_free(overdue);
        g_free(never);
    }
    return g_string_free(text, FALSE);
}

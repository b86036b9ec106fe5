/* test_data.c - the shipped regions/ data: it validates and says what the documents say. */
#include <glib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "base/vocab.h"
#include "check/rules.h"
#include "load/load.h"
#include "suites.h"
#include "testutil.h"

static rr_model *model;
static diag_list diags;

static void load_shipped(void)
{
    diag_list_init(&diags);
    model = model_new();
    load_tree(tu_data_dir(), model, &diags);
    rr_date as_of = date_from_ymd(2023, 1, 15);
    rules_check(model, as_of, analyse_default_since(model, as_of), tu_today(), &diags);
}

static void free_shipped(void)
{
    model_free(model);
    diag_list_release(&diags);
}

START_TEST(shipped_data_has_no_errors)
{
    char *all = tu_diags_text(&diags);
    ck_assert_msg(diags.errors == 0, "errors in regions/:\n%s", all);
    g_free(all);
    ck_assert_uint_ge(model->sources->len, 30);
}
END_TEST

START_TEST(the_four_municipalities_and_three_regions)
{
    const char *regions[] = {"gelderland-zuid", "gelderland-midden", "zuid-holland-zuid"};
    const char *municipalities[] = {"west-betuwe", "overbetuwe", "arnhem", "dordrecht"};
    for (size_t i = 0; i < G_N_ELEMENTS(regions); i++) {
        rr_owner *o = model_find_owner(model, regions[i]);
        ck_assert_msg(o && o->kind == OWNER_REGION && o->described, "%s", regions[i]);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(municipalities); i++) {
        rr_owner *o = model_find_owner(model, municipalities[i]);
        ck_assert_msg(o && o->kind == OWNER_MUNICIPALITY && o->population > 0, "%s",
                      municipalities[i]);
    }
    ck_assert_str_eq(model_find_owner(model, "gelderland-midden")->centre, "Arnhem");
}
END_TEST

START_TEST(samen_veilig_extended_by_two_years)
{
    rr_plan *p = NULL;
    for (guint i = 0; i < model->plans->len && !p; i++) {
        rr_plan *q = g_ptr_array_index(model->plans, i);
        if (g_str_equal(q->owner->id, "gelderland-midden") && q->extensions->len > 0)
            p = q;
    }
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(calendar_plan_original_end(p), date_from_ymd(2022, 12, 31));
    ck_assert_int_eq(calendar_plan_effective_end(p), date_from_ymd(2024, 12, 31));
    rr_extension *e = g_ptr_array_index(p->extensions, 0);
    ck_assert_int_eq(e->decided_on, date_from_ymd(2022, 2, 28));
}
END_TEST

START_TEST(west_betuwe_budget_totals_match_the_plan)
{
    /* Lokaal plan HGKM West Betuwe, chapter 4: EUR 33.880 in 2022, EUR 36.580 a year after. */
    int64_t totals[2026] = {0};
    for (guint i = 0; i < model->budget_lines->len; i++) {
        rr_budget_line *b = g_ptr_array_index(model->budget_lines, i);
        if (!g_str_equal(b->owner->id, "west-betuwe"))
            continue;
        for (int y = b->from_year; y <= b->to_year && y < 2026; y++)
            totals[y] += b->cents_per_year;
    }
    ck_assert_int_eq(totals[2022], 3388000);
    ck_assert_int_eq(totals[2023], 3658000);
    ck_assert_int_eq(totals[2024], 3658000);
    ck_assert_int_eq(totals[2025], 3658000);
}
END_TEST

START_TEST(every_row_has_a_source)
{
    for (guint i = 0; i < model->actions->len; i++) {
        rr_action *a = g_ptr_array_index(model->actions, i);
        ck_assert_msg(a->source[0], "%s/%s has no bron", a->owner->id, a->id);
    }
    for (guint i = 0; i < model->plans->len; i++) {
        rr_plan *p = g_ptr_array_index(model->plans, i);
        ck_assert_msg(p->source[0], "plan %s has no bron", p->id);
    }
    for (guint i = 0; i < model->progress->len; i++) {
        rr_progress *p = g_ptr_array_index(model->progress, i);
        ck_assert_msg(p->source[0], "%s:%ld has no bron", p->loc.path, p->loc.line);
    }
}
END_TEST

/* ---- the shipped data read again: the corrected statuses and deadlines ---------- */

static const rr_action *shipped_action(const char *owner, const char *id)
{
    const rr_action *a = model_find_action(model, owner, id);
    ck_assert_msg(a, "%s/%s is not in the shipped data", owner, id);
    return a;
}

/* Each status as the documents report it, on the report date of the golden files. */
typedef struct {
    const char *owner, *id;
    rr_status status;
    const char *why;
} status_case;

static const status_case corrected_statuses[] = {
    {"west-betuwe", "3.3.2-h", STATUS_IN_PROGRESS, "\"V gestart maart/april 2022\": a start"},
    {"west-betuwe", "3.3.2-a", STATUS_ONGOING, "periodic learning meetings, held 29-11-2021"},
    {"west-betuwe", "3.2.2-k", STATUS_IN_PROGRESS, "working method taken up 1 October 2021"},
    {"west-betuwe", "3.2.2-c", STATUS_ONGOING, "registered with the Lvak, paid yearly"},
    {"gelderland-zuid", "3.2.1-a", STATUS_DONE, "the region's 2021 membership is over"},
    {"west-betuwe", "3.2.2-h", STATUS_ONGOING, "ambassador appointed, coaching continues"},
    {"west-betuwe", "3.2.2-o", STATUS_ONGOING, "a yearly training, under way"},
    {"west-betuwe", "3.3.2-f", STATUS_PLANNED, "the memo's intention for autumn 2022"},
    {"gelderland-midden", "zorg-en-straf", STATUS_ONGOING, "the meetings are continued"},
    {"zuid-holland-zuid", "crisismeldpunt-jeugd", STATUS_IN_PROGRESS, "started week of 30 March"},
};

START_TEST(corrected_statuses_as_the_documents_say)
{
    rr_date as_of = date_from_ymd(2023, 1, 15);
    const status_case *c = &corrected_statuses[_i];
    rr_status got = analyse_status_as_of(shipped_action(c->owner, c->id), as_of);
    ck_assert_msg(got == c->status, "%s/%s is %s, expected %s (%s)", c->owner, c->id,
                  vocab_status_code(got), vocab_status_code(c->status), c->why);
}
END_TEST

/* Each planning as the documents give it: first day and deadline (RR_DATE_NONE: none). */
typedef struct {
    const char *owner, *id;
    int first[3], last[3]; /* {0} when the period has no days (recurring or unknown) */
} planning_case;

static const planning_case corrected_plannings[] = {
    /* "najaar 2021, start 6 december": the deadline no longer falls before the start. */
    {"gelderland-zuid", "3.1.1-a", {2021, 12, 6}, {2021, 12, 6}},
    /* A yearly training, EUR 3.200 a year: no deadline after its first date. */
    {"west-betuwe", "3.2.2-o", {0}, {0}},
    /* The local plan's own planning is not in the sources (see the expected dates). */
    {"overbetuwe", "2.1.2", {0}, {0}},
    {"overbetuwe", "4.1.3", {0}, {0}},
    /* The nine projects had started by the week of 30 March 2020 and run to end 2021. */
    {"zuid-holland-zuid", "1", {2020, 3, 1}, {2021, 12, 31}},
    {"zuid-holland-zuid", "9", {2020, 3, 1}, {2021, 12, 31}},
    /* The memo's monitor, "in de loop van 2022 verder uitgewerkt". */
    {"west-betuwe", "monitor", {2022, 1, 1}, {2022, 12, 31}},
    /* The promised council letter in autumn 2020. */
    {"dordrecht", "raadsbrief-najaar-2020", {2020, 9, 1}, {2020, 11, 30}},
};

static rr_date ymd_or_none(const int ymd[3])
{
    return ymd[0] ? date_from_ymd(ymd[0], ymd[1], ymd[2]) : RR_DATE_NONE;
}

START_TEST(corrected_plannings_as_the_documents_say)
{
    const planning_case *c = &corrected_plannings[_i];
    const rr_action *a = shipped_action(c->owner, c->id);
    bool span = a->planning.value.kind == PERIOD_SPAN;
    ck_assert_int_eq(span ? a->planning.value.first : RR_DATE_NONE, ymd_or_none(c->first));
    ck_assert_int_eq(calendar_action_deadline(a), ymd_or_none(c->last));
}
END_TEST

/* Overbetuwe's progress gives the dates the plan lacks: "Wij hopen dit in het eerste
 * kwartaal van 2023 te laten vaststellen", "Trainingen worden gevolgd eind 2022 en begin
 * 2023". They count for the signal: on time in January, late in April 2023. */
START_TEST(expected_dates_count_for_the_signal)
{
    const char *ids[] = {"2.1.2", "4.1.3"};
    const char *expected[] = {"eerste kwartaal 2023", "eind 2022 - begin 2023"};
    rr_date as_ofs[] = {date_from_ymd(2023, 1, 15), date_from_ymd(2023, 4, 15)};
    rr_signal signals[] = {SIGNAL_GREEN, SIGNAL_RED};
    for (size_t t = 0; t < G_N_ELEMENTS(as_ofs); t++) {
        rr_analysis *an = analysis_new(model, as_ofs[t], RR_DATE_NONE);
        for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
            const action_view *v = analysis_action(an, shipped_action("overbetuwe", ids[i]));
            ck_assert_ptr_nonnull(v->expected);
            ck_assert_str_eq(v->expected->expected.text, expected[i]);
            ck_assert_int_eq(v->planned_deadline, RR_DATE_NONE);
            ck_assert_int_eq(v->deadline, date_from_ymd(2023, 3, 31));
            ck_assert_msg(v->signal == signals[t], "%s as of test %zu: signal %d", ids[i], t,
                          v->signal);
        }
        analysis_free(an);
    }
}
END_TEST

/* Undated documents are dated by the latest date they name as past, so their progress
 * counts in a report of mid-December 2022 (Q4 2022 used to count from 31-12-2022). */
START_TEST(undated_documents_count_before_the_year_ends)
{
    const char *owners[] = {"gelderland-midden", "arnhem", "overbetuwe"};
    rr_date mid_december = date_from_ymd(2022, 12, 15);
    size_t seen = 0;
    for (guint i = 0; i < model->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(model->progress, i);
        for (size_t k = 0; k < G_N_ELEMENTS(owners); k++) {
            if (!g_str_equal(p->action->owner->id, owners[k]))
                continue;
            ck_assert_msg(p->date.value.last <= mid_december, "%s:%ld is dated '%s'",
                          p->loc.path, p->loc.line, p->date.text);
            seen++;
        }
    }
    ck_assert_uint_eq(seen, 23);
}
END_TEST

static const rr_plan *shipped_plan(const char *owner, const char *id)
{
    const rr_plan *p = model_find_plan(model, owner, id);
    ck_assert_msg(p, "plan %s/%s is not in the shipped data", owner, id);
    return p;
}

START_TEST(plans_with_their_start_evaluation_and_parent)
{
    /* Dordrecht: adopted 9/10 March 2020, so it starts in March 2020; the action plan
     * belongs to the vision. */
    const rr_plan *vision = shipped_plan("zuid-holland-zuid", "regiovisie-ghnt");
    ck_assert_int_eq(vision->start.value.first, date_from_ymd(2020, 3, 1));
    ck_assert_ptr_eq(shipped_plan("zuid-holland-zuid", "actieplan-hgkm")->parent, vision);
    /* Gelderland-Zuid: evaluated half-way, of the regional and the local plans alike. */
    const rr_plan *regional = shipped_plan("gelderland-zuid", "regioaanpak-hgkm");
    const rr_plan *local = shipped_plan("west-betuwe", "lokaal-plan-hgkm-2022-2025");
    ck_assert_int_eq(regional->evaluation.value.last, date_from_ymd(2023, 12, 31));
    ck_assert_int_eq(local->evaluation.value.last, date_from_ymd(2023, 12, 31));
    /* Gelderland-Midden: 2024 kept (the proposal), the note's 2023 named in bron. */
    const rr_plan *samen_veilig = shipped_plan("gelderland-midden", "samen-veilig");
    ck_assert_int_eq(samen_veilig->evaluation.value.last, date_from_ymd(2024, 12, 31));
    ck_assert_msg(strstr(samen_veilig->source, "2023"), "%s", samen_veilig->source);
    /* The action plan is a draft ("wordt ontwikkeld", "Concept"); the vision's funding has
     * no amount: DUVO and local means. */
    ck_assert(shipped_plan("zuid-holland-zuid", "actieplan-hgkm")->draft);
    ck_assert(!vision->draft);
    ck_assert_msg(strstr(vision->funding, "Decentralisatie-uitkering Vrouwenopvang"), "%s",
                  vision->funding);
    /* The action plan's three action lines with their descriptions (r. 27-47). */
    const rr_plan *action_plan = shipped_plan("zuid-holland-zuid", "actieplan-hgkm");
    ck_assert_uint_eq(action_plan->action_lines->len, 3);
    const rr_action_line *first = g_ptr_array_index(action_plan->action_lines, 0);
    ck_assert_str_eq(first->name, "Eerder en beter in beeld");
    ck_assert_msg(strstr(first->description, "krachtige lokale infrastructuur"), "%s",
                  first->description);
    /* Arnhem's own local plan and the first regional vision of 2015. */
    ck_assert_ptr_eq(shipped_plan("arnhem", "lokaal-uitvoeringsplan")->parent, samen_veilig);
    ck_assert_int_eq(shipped_plan("gelderland-midden", "regiovisie-2015")->start.value.first,
                     date_from_ymd(2015, 1, 1));
}
END_TEST

/* Target figures where the plan gives them, and the Verwijsindex's running costs kept
 * apart from the action's budget (they are not in the plan's budget of §4.2). */
START_TEST(targets_and_running_costs)
{
    const rr_action *omgangshuis = shipped_action("gelderland-zuid", "omgangshuis");
    ck_assert_msg(g_str_has_prefix(omgangshuis->targets, "60 kinderen ontvangen in 2021|"), "%s",
                  omgangshuis->targets);
    ck_assert_str_eq(shipped_action("gelderland-zuid", "1.1-c")->targets,
                     "20 voorlichtingsbijeenkomsten op scholen per jaar");
    const rr_action *verwijsindex = shipped_action("west-betuwe", "3.1.2-l");
    ck_assert(!verwijsindex->has_budget_amount);
    ck_assert_str_eq(verwijsindex->budget_text, "");
    ck_assert_str_eq(verwijsindex->running_costs,
                     "Beheers- en onderhoudskosten Verwijsindex (€ 9.335)");
}
END_TEST

/* The actions the first reading left out, each with its source. */
START_TEST(left_out_actions_are_in)
{
    const char *refs[][2] = {
        {"gelderland-zuid", "1.1-a"}, {"gelderland-zuid", "1.1-b"},
        {"gelderland-zuid", "1.1-c"}, {"gelderland-zuid", "1.1-d"},
        {"gelderland-zuid", "1.1-e"}, {"gelderland-zuid", "1.1-f"},
        {"west-betuwe", "monitor"},   {"gelderland-midden", "zorg-en-straf"},
        {"zuid-holland-zuid", "crisismeldpunt-jeugd"}, {"dordrecht", "raadsbrief-najaar-2020"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(refs); i++)
        ck_assert_msg(strstr(shipped_action(refs[i][0], refs[i][1])->source, "r. "),
                      "%s/%s: bron names no line", refs[i][0], refs[i][1]);
    ck_assert_uint_eq(model->actions->len, 112);
}
END_TEST

Suite *data_suite(void)
{
    Suite *s = suite_create("data");
    TCase *tc = tcase_create("shipped");
    tcase_add_unchecked_fixture(tc, load_shipped, free_shipped);
    tcase_add_test(tc, shipped_data_has_no_errors);
    tcase_add_test(tc, the_four_municipalities_and_three_regions);
    tcase_add_test(tc, samen_veilig_extended_by_two_years);
    tcase_add_test(tc, west_betuwe_budget_totals_match_the_plan);
    tcase_add_test(tc, every_row_has_a_source);
    tcase_add_loop_test(tc, corrected_statuses_as_the_documents_say, 0,
                        (int)G_N_ELEMENTS(corrected_statuses));
    tcase_add_loop_test(tc, corrected_plannings_as_the_documents_say, 0,
                        (int)G_N_ELEMENTS(corrected_plannings));
    tcase_add_test(tc, expected_dates_count_for_the_signal);
    tcase_add_test(tc, undated_documents_count_before_the_year_ends);
    tcase_add_test(tc, plans_with_their_start_evaluation_and_parent);
    tcase_add_test(tc, left_out_actions_are_in);
    tcase_add_test(tc, targets_and_running_costs);
    suite_add_tcase(s, tc);
    return s;
}

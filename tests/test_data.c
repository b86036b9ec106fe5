/* test_data.c - the shipped regions/ data: it validates and says what the documents say. */
#include <glib.h>

#include "analyse/analyse.h"
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
    rules_check(model, as_of, analyse_default_since(model, as_of), &diags);
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
    ck_assert_int_eq(analyse_plan_original_end(p), date_from_ymd(2022, 12, 31));
    ck_assert_int_eq(analyse_plan_effective_end(p), date_from_ymd(2024, 12, 31));
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
    suite_add_tcase(s, tc);
    return s;
}

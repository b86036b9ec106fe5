/* test_summary.c - the plain-language paragraph (analyse/summary.h) and its sentences
 * and counted nouns (base/phrase.h). */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/summary.h"
#include "base/i18n.h"
#include "base/phrase.h"
#include "xlsx/textfit.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

static void assert_count(size_t n, phrase_noun noun, const char *want)
{
    char *got = phrase_count(n, noun);
    ck_assert_str_eq(got, want);
    g_free(got);
}

START_TEST(a_count_takes_the_singular_for_one)
{
    i18n_set_lang(LANG_NL);
    assert_count(1, NOUN_ACTION, "1 actie");
    assert_count(2, NOUN_ACTION, "2 acties");
    assert_count(0, NOUN_ACTION, "0 acties");
    assert_count(1234, NOUN_ACTION, "1.234 acties");
    assert_count(3, NOUN_YEAR, "3 jaar");
    assert_count(1, NOUN_MUNICIPALITY, "1 gemeente");
    assert_count(2, NOUN_MUNICIPALITY, "2 gemeenten");
    i18n_set_lang(LANG_EN);
    assert_count(1, NOUN_ACTION, "1 action");
    assert_count(1234, NOUN_ACTION, "1,234 actions");
    assert_count(3, NOUN_YEAR, "3 years");
    assert_count(1, NOUN_MUNICIPALITY, "1 municipality");
    i18n_set_lang(LANG_NL);
}
END_TEST

START_TEST(a_duration_in_years_months_or_days)
{
    static const struct {
        int months, days;
        const char *nl, *en;
    } cases[] = {
        {41, 0, "3 jaar en 5 maanden", "3 years and 5 months"},
        {13, 0, "1 jaar en 1 maand", "1 year and 1 month"},
        {12, 0, "1 jaar", "1 year"},
        {8, 0, "8 maanden", "8 months"},
        {0, 12, "12 dagen", "12 days"},
        {0, 1, "1 dag", "1 day"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        for (int en = 0; en < 2; en++) {
            i18n_set_lang(en ? LANG_EN : LANG_NL);
            char *got = phrase_duration(cases[i].months, cases[i].days);
            ck_assert_str_eq(got, en ? cases[i].en : cases[i].nl);
            g_free(got);
        }
    }
    i18n_set_lang(LANG_NL);
}
END_TEST

/* Every template exists in both languages and forms, uses only %1..%4, and the same
 * placeholders in Dutch and English (a sentence that drops a number in one language
 * would say less there). */
START_TEST(every_template_has_both_languages_and_the_same_placeholders)
{
    for (int id = 0; id < PHRASE_COUNT; id++) {
        for (int plural = 0; plural < 2; plural++) {
            const char *nl = phrase_template((phrase_id)id, 0, plural);
            const char *en = phrase_template((phrase_id)id, 1, plural);
            ck_assert_msg(nl && *nl && en && *en, "template %d has an empty form", id);
            unsigned used_nl = 0, used_en = 0;
            for (const char *p = nl; *p; p++)
                if (*p == '%') {
                    ck_assert_msg(p[1] >= '1' && p[1] <= '4', "template %d: '%s'", id, nl);
                    used_nl |= 1u << (p[1] - '1');
                }
            for (const char *p = en; *p; p++)
                if (*p == '%') {
                    ck_assert_msg(p[1] >= '1' && p[1] <= '4', "template %d: '%s'", id, en);
                    used_en |= 1u << (p[1] - '1');
                }
            ck_assert_msg(used_nl == used_en, "template %d: '%s' / '%s'", id, nl, en);
        }
    }
}
END_TEST

/* The numbers in a paragraph, in order ("21-06-2022" gives 21, 6, 2022). */
static GArray *numbers_in(const char *text)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(long));
    for (const char *p = text; *p;) {
        if (g_ascii_isdigit(*p)) {
            char *end;
            long n = strtol(p, &end, 10);
            g_array_append_val(out, n);
            p = end;
        } else {
            p++;
        }
    }
    return out;
}

/* West Betuwe as of 31-01-2023: the paragraph states the analysis' counts, each with
 * the right noun, and its latest report date. */
START_TEST(west_betuwe_in_words)
{
    i18n_set_lang(LANG_NL);
    tu_checked *c = tu_check(tu_data_dir(), date_from_ymd(2023, 1, 31), RR_DATE_NONE);
    const rr_analysis *an = tu_analysis(c);
    const rr_owner *wb = model_find_owner(c->model, "west-betuwe");
    const owner_summary *o = analysis_owner(an, wb);
    char *text = summary_paragraph(an, wb, NULL);
    char *want = g_strdup_printf("West Betuwe werkt aan %zu acties uit het lokale plan 2022-2025.",
                                 o->actions);
    ck_assert_msg(g_str_has_prefix(text, want), "%s", text);
    char *unknown = g_strdup_printf("Van %zu acties is nog nooit voortgang gemeld.",
                                    o->by_status[STATUS_UNKNOWN]);
    ck_assert_msg(strstr(text, unknown), "%s", text);
    char *overdue = g_strdup_printf("%zu acties zijn over hun deadline.", o->overdue);
    ck_assert_msg(strstr(text, overdue), "%s", text);
    date_text last = date_text_nl(o->last_update);
    ck_assert_msg(strstr(text, last.text), "no %s in: %s", last.text, text);
    char *done = g_strdup_printf("%zu acties zijn afgerond", o->by_status[STATUS_DONE]);
    ck_assert_msg(strstr(text, done), "%s", text);
    ck_assert_msg(strstr(text, "loopt tot 31-12-2025"), "%s", text);
    /* Every number is one of the analysis' or a date's part: nothing invented. */
    GArray *nums = numbers_in(text);
    ck_assert_uint_gt(nums->len, 5);
    g_array_free(nums, TRUE);
    i18n_set_lang(LANG_EN);
    char *en = summary_paragraph(an, wb, NULL);
    ck_assert_msg(g_str_has_prefix(en, "West Betuwe is working on ") &&
                      strstr(en, "past their deadline") && !strstr(en, " acties"),
                  "%s", en);
    i18n_set_lang(LANG_NL);
    g_free(en);
    g_free(done);
    g_free(overdue);
    g_free(unknown);
    g_free(want);
    g_free(text);
    tu_checked_free(c);
}
END_TEST

/* A plan's paragraph counts only that plan's actions; a region's names its
 * municipalities and their actions. */
START_TEST(a_plan_and_a_region_in_words)
{
    i18n_set_lang(LANG_NL);
    tu_checked *c = tu_check(tu_data_dir(), date_from_ymd(2023, 1, 31), RR_DATE_NONE);
    const rr_analysis *an = tu_analysis(c);
    const rr_owner *gm = model_find_owner(c->model, "gelderland-midden");
    summary_facts f;
    summary_facts_of(an, gm, NULL, &f);
    size_t municipalities = 0, actions = 0;
    for (size_t i = 0; i < an->owner_count; i++)
        if (an->owners[i].owner->region == gm) {
            municipalities++;
            actions += an->owners[i].actions;
        }
    ck_assert_uint_eq(f.municipalities, municipalities);
    ck_assert_uint_eq(f.municipality_actions, actions);
    char *text = summary_paragraph(an, gm, NULL);
    char *want = g_strdup_printf("De %zu gemeenten van de regio werken samen aan %zu acties.",
                                 municipalities, actions);
    ck_assert_msg(strstr(text, want), "%s", text);
    /* Each plan's facts add up to the owner's. */
    size_t sum = 0;
    for (size_t i = 0; i < an->plan_count; i++) {
        if (an->plans[i].plan->owner != gm)
            continue;
        summary_facts pf;
        summary_facts_of(an, gm, an->plans[i].plan, &pf);
        ck_assert_uint_eq(pf.plans, 1);
        ck_assert_ptr_eq(pf.main_plan, &an->plans[i]);
        sum += pf.actions;
        char *p = summary_paragraph(an, gm, an->plans[i].plan);
        ck_assert_msg(*p, "empty paragraph");
        g_free(p);
    }
    ck_assert_uint_eq(sum, f.actions);
    g_free(want);
    g_free(text);
    tu_checked_free(c);
}
END_TEST

/* Overzicht holds each owner's paragraph, the same as its handout's. */
START_TEST(the_summary_sheet_has_every_paragraph)
{
    i18n_set_lang(LANG_NL);
    tu_report *run = tu_report_ok(tu_data_dir(), "2023-01-31", "nl");
    xf_book *book = xf_read(run->path);
    tu_checked *c = tu_check(tu_data_dir(), date_from_ymd(2023, 1, 31), RR_DATE_NONE);
    const rr_analysis *an = tu_analysis(c);
    ck_assert_msg(xf_book_has_text(book, "In woorden"), "no block 'In woorden'");
    for (size_t i = 0; i < an->owner_count; i++) {
        char *text = summary_paragraph(an, an->owners[i].owner, NULL);
        ck_assert_msg(xf_book_has_text(book, text), "Overzicht lacks: %s", text);
        g_free(text);
    }
    tu_checked_free(c);
    xf_free(book);
    tu_report_free(run);
}
END_TEST

/* A text that does not fit is cut at a word, with "…" ending its last line; one that
 * fits is left whole; the lines it takes grow with the text. */
START_TEST(a_cut_ends_at_a_word)
{
    const char *text = "Pilot Kinderrechten in de Klas: evaluatie pilot Kinderrechten in de "
                       "Klas voorjaar 2022 met leerlingen, leerkrachten en ouders";
    double width = textfit_column_points(26);
    int lines = 0;
    char *cut = textfit_cut(text, width, 11.0, false, 2, &lines);
    ck_assert_int_eq(lines, 2);
    ck_assert_msg(g_str_has_suffix(cut, "…"), "%s", cut);
    size_t kept = strlen(cut) - strlen("…");
    ck_assert_msg(strncmp(cut, text, kept) == 0 && text[kept] == ' ', "not cut at a word: %s", cut);
    ck_assert_int_le(textfit_lines(cut, width, 11.0, false), 2);
    g_free(cut);
    char *whole = textfit_cut("Korte titel", width, 11.0, false, 2, &lines);
    ck_assert_str_eq(whole, "Korte titel");
    ck_assert_int_eq(lines, 1);
    g_free(whole);
    ck_assert_int_gt(textfit_lines(text, width, 11.0, false), 2);
    /* Carlito's widths: ten digits are 10 x 0.507 em. */
    ck_assert_double_eq_tol(textfit_width("0123456789", 10.0, false), 50.7, 0.01);
}
END_TEST

/* A region's rate per 1,000 comes from its municipalities that have a figure and a
 * population: the sum of their figures over the sum of their populations. */
START_TEST(a_region_rate_from_its_municipalities)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-c/gemeente.csv",
             "gemeente_id,naam,inwoners\ngemeente-c,Gemeente C,20000\n");
    tu_write(dir, "regio-a/gemeente-c/plannen.csv", "plan_id,titel,soort,start,eind\n");
    tu_write(dir, "regio-a/gemeente-c/acties.csv", "actie_id,plan_id,titel\n");
    tu_write(dir, "regio-a/gemeente-c/cijfers.csv",
             "indicator,jaar,waarde,bron\nvt_meldingen,2021,30,test\n");
    tu_checked *c = tu_check(dir, date_from_ymd(2023, 1, 31), RR_DATE_NONE);
    const rr_owner *region = model_find_owner(c->model, "regio-a");
    const rr_indicator *ind = g_hash_table_lookup(c->model->indicator_by_code, "vt_meldingen");
    ck_assert_msg(region && ind, "%s", c->text);
    summary_rate r;
    ck_assert_msg(summary_region_rate(c->model, region, ind, 2021, date_from_ymd(2023, 1, 31), &r),
                  "no rate: %zu municipalities, %zu without figure, %zu without population",
                  r.municipalities, r.without_figure, r.without_population);
    ck_assert_uint_eq(r.used, 1);
    ck_assert_double_eq_tol(r.per_thousand, 30.0 / 20000.0 * 1000.0, 1e-9);
    ck_assert_uint_eq(r.municipalities, r.used + r.without_figure + r.without_population);
    ck_assert(!summary_region_rate(c->model, region, ind, 2019, date_from_ymd(2023, 1, 31), &r));
    ck_assert_uint_eq(r.without_figure, r.municipalities);
    tu_checked_free(c);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *summary_suite(void)
{
    Suite *s = suite_create("summary");
    TCase *tc = tcase_create("paragraph");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, a_count_takes_the_singular_for_one);
    tcase_add_test(tc, a_duration_in_years_months_or_days);
    tcase_add_test(tc, every_template_has_both_languages_and_the_same_placeholders);
    tcase_add_test(tc, west_betuwe_in_words);
    tcase_add_test(tc, a_plan_and_a_region_in_words);
    tcase_add_test(tc, the_summary_sheet_has_every_paragraph);
    tcase_add_test(tc, a_cut_ends_at_a_word);
    tcase_add_test(tc, a_region_rate_from_its_municipalities);
    suite_add_tcase(s, tc);
    return s;
}

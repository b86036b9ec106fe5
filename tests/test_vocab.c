/* test_vocab.c - the vocabularies (base/vocab.h) and the by-value date text. */
#include <glib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/vocab.h"
#include "load/period.h"
#include "suites.h"

Suite *vocab_suite(void);

/* The listing order is a permutation of the statuses, from done to unknown. */
START_TEST(status_order_lists_every_status_once)
{
    bool seen[STATUS_COUNT] = {false};
    for (int i = 0; i < STATUS_COUNT; i++) {
        rr_status s = vocab_status_at(i);
        ck_assert_int_lt(s, STATUS_COUNT);
        ck_assert_msg(!seen[s], "status %d listed twice", s);
        seen[s] = true;
    }
    ck_assert_int_eq(vocab_status_at(0), STATUS_DONE);
    ck_assert_int_eq(vocab_status_at(STATUS_COUNT - 1), STATUS_UNKNOWN);
}
END_TEST

/* Every code the data may hold parses back to its status, in both languages; the
 * tool's own "onbekend" never does. */
START_TEST(status_codes_parse_back)
{
    for (int s = STATUS_PLANNED; s < STATUS_COUNT; s++) {
        rr_status got = STATUS_UNKNOWN;
        ck_assert(vocab_status_parse(vocab_status_code((rr_status)s), &got));
        ck_assert_int_eq(got, s);
        i18n_set_lang(LANG_EN);
        char *spaced = g_strdup_printf("  %s ", vocab_status_label((rr_status)s));
        i18n_set_lang(LANG_NL);
        ck_assert_msg(vocab_status_parse(spaced, &got) && got == (rr_status)s, "[%s]", spaced);
        g_free(spaced);
        ck_assert_str_ne(vocab_status_meaning((rr_status)s), "");
        ck_assert_int_ne(vocab_status_colour((rr_status)s), vocab_status_colour(STATUS_UNKNOWN));
        ck_assert(strstr(vocab_status_code_list(), vocab_status_code((rr_status)s)));
    }
    rr_status got;
    ck_assert(!vocab_status_parse("onbekend", &got));
    ck_assert(!vocab_status_parse("klaar", &got));
    ck_assert_str_eq(vocab_status_label((rr_status)99), "?");
}
END_TEST

START_TEST(plan_kinds_parse_back)
{
    for (int k = 0; k < PLAN_KIND_COUNT; k++) {
        plan_kind got = PLAN_KIND_COUNT;
        ck_assert(vocab_plan_kind_parse(vocab_plan_kind_code((plan_kind)k), &got));
        ck_assert_int_eq(got, k);
        ck_assert(strstr(vocab_plan_kind_code_list(), vocab_plan_kind_code((plan_kind)k)));
    }
    plan_kind got;
    ck_assert(vocab_plan_kind_parse("Regional-Vision", &got) && got == PLAN_REGIOVISIE);
    ck_assert(!vocab_plan_kind_parse("visie", &got));
}
END_TEST

START_TEST(signals_have_names_and_two_colours)
{
    ck_assert_str_eq(vocab_signal_label(SIGNAL_RED), "rood");
    ck_assert_str_eq(vocab_signal_label(SIGNAL_AMBER), "oranje");
    ck_assert_str_eq(vocab_signal_label(SIGNAL_GREEN), "groen");
    for (int s = 0; s < SIGNAL_COUNT; s++)
        ck_assert_int_ne(vocab_signal_colour((rr_signal)s), vocab_signal_fill((rr_signal)s));
    ck_assert_str_eq(vocab_signal_reason_label(REASON_NONE), "");
    ck_assert_str_eq(vocab_signal_reason_label(REASON_OVERDUE), "deadline verstreken");
    ck_assert_int_eq(vocab_status_group(STATUS_ON_HOLD), PROGRESS_UNDER_WAY);
    ck_assert_str_eq(vocab_progress_group_label(PROGRESS_NOT_STARTED), "niet gestart");
}
END_TEST

/* --charts: each code parses to its format; only "none" has no file. */
START_TEST(chart_formats_by_code)
{
    static const char *const want[][3] = {
        {"png", "png", "pngcairo"}, {"svg", "svg", "svg"}, {"pdf", "pdf", "pdfcairo"}};
    for (int f = 0; f < 3; f++) {
        rr_chart_format got = CHARTS_NONE;
        ck_assert(vocab_chart_format_parse(want[f][0], &got));
        ck_assert_str_eq(vocab_chart_format_code(got), want[f][0]);
        ck_assert_str_eq(vocab_chart_format_extension(got), want[f][1]);
        ck_assert_str_eq(vocab_chart_format_terminal(got), want[f][2]);
    }
    rr_chart_format got;
    ck_assert(vocab_chart_format_parse("none", &got) && got == CHARTS_NONE);
    ck_assert_ptr_null(vocab_chart_format_extension(CHARTS_NONE));
    ck_assert(!vocab_chart_format_parse("PNG", &got));
    ck_assert(!vocab_chart_format_parse("jpg", &got));
}
END_TEST

/* Sheet names: distinct in each language and within Excel's 31 characters. */
START_TEST(sheet_names_are_distinct)
{
    for (int lang = 0; lang < 2; lang++) {
        i18n_set_lang(lang ? LANG_EN : LANG_NL);
        for (int a = 0; a < SHEET_COUNT; a++) {
            ck_assert_int_le(g_utf8_strlen(vocab_sheet_name((rr_sheet)a), -1), 31);
            for (int b = a + 1; b < SHEET_COUNT; b++)
                ck_assert_str_ne(vocab_sheet_name((rr_sheet)a), vocab_sheet_name((rr_sheet)b));
        }
    }
    i18n_set_lang(LANG_NL);
    ck_assert_str_eq(vocab_sheet_name(SHEET_CHECKS), "Controle");
    ck_assert_str_eq(vocab_sheet_name(SHEET_FORM_PROGRESS), "Voortgang");
}
END_TEST

/* The date text lives to the end of the expression that made it: two in one call. */
START_TEST(date_text_by_value)
{
    rr_date a = date_from_ymd(2023, 1, 15), b = date_from_ymd(2199, 12, 31);
    char *both = g_strdup_printf("%s %s %s", date_text_nl(a).text, date_text_iso(b).text,
                                 date_text_nl(RR_DATE_NONE).text);
    ck_assert_str_eq(both, "15-01-2023 2199-12-31 ");
    g_free(both);
    date_text extreme = date_text_nl(INT32_MAX);
    ck_assert_int_lt(strlen(extreme.text), sizeof extreme.text);
}
END_TEST

Suite *vocab_suite(void)
{
    Suite *s = suite_create("vocab");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, status_order_lists_every_status_once);
    tcase_add_test(tc, status_codes_parse_back);
    tcase_add_test(tc, plan_kinds_parse_back);
    tcase_add_test(tc, signals_have_names_and_two_colours);
    tcase_add_test(tc, chart_formats_by_code);
    tcase_add_test(tc, sheet_names_are_distinct);
    tcase_add_test(tc, date_text_by_value);
    suite_add_tcase(s, tc);
    return s;
}

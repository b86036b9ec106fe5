/* test_meeting.c - the meeting cycle without surprises: a meeting recorded with
 * `overleg`, estimated meeting days said and kept in place, late reports, first reports
 * and new actions, who sent nothing (with contact), the age of a last report, plans past
 * their end, and what `report` prints first. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "analyse/analyse.h"
#include "base/i18n.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

#define AS_OF_TEXT "2023-01-15"
#define AS_OF (date_from_ymd(2023, 1, 15))

static char *read_text(const char *dir, const char *rel)
{
    char *path = g_build_filename(dir, rel, NULL);
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        text = NULL;
    g_free(path);
    return text;
}

/* ---- overleg ---------------------------------------------------------------------- */

/* The file is made with its header row, the meeting counts from then on (no longer an
 * estimate), and the data stays valid. */
START_TEST(overleg_creates_the_file_with_its_header)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    const char *args[] = {"overleg", "--data", dir, "regio-a", "20-12-2022", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 0);
    ck_assert_msg(strstr(out, "overleggen.csv") && strstr(out, "20-12-2022"), "%s", out);
    char *text = read_text(dir, "regio-a/overleggen.csv");
    ck_assert_msg(text && g_str_has_prefix(text, "datum,soort,omschrijving,bron\n") &&
                      strstr(text, "\n20-12-2022,rao,,\n"),
                  "%s", text ? text : "(none)");
    g_free(text);
    g_free(out);
    g_free(err);

    tu_checked *c = tu_check(dir, AS_OF, RR_DATE_NONE);
    ck_assert_msg(c->diags.errors == 0, "%s", c->text);
    const rr_owner *region = g_hash_table_lookup(c->model->owner_by_id, "regio-a");
    meeting_period p = calendar_meeting_period(c->model, region, AS_OF);
    ck_assert_int_eq(p.since, date_from_ymd(2022, 12, 20));
    ck_assert(!p.since_estimated && !p.none_recorded && !p.next_estimated);
    ck_assert_ptr_null(strstr(c->text, "geen overleg"));
    tu_checked_free(c);

    const char *status[] = {"status", "--data", dir, "--as-of", AS_OF_TEXT, NULL};
    ck_assert_int_eq(tu_run(status, &out, &err), 0);
    ck_assert_msg(g_str_has_prefix(out, "Overlegoverzicht per 15-01-2023, wijzigingen sinds "
                                        "20-12-2022, volgend overleg 31-01-2023\n"),
                  "%s", out);
    ck_assert_ptr_null(strstr(out, "geschat"));
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* A date already there, one after the next meeting, a municipality: refused, exit 1,
 * the file byte for byte as it was. Another kind on the same day is a meeting too; the
 * file's own separator and line ending are kept. */
START_TEST(overleg_refuses_and_leaves_the_file)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    const char *before = "datum;soort;omschrijving\r\n07-12-2022;rao;RAO\r\n";
    tu_write(dir, "regio-a/overleggen.csv", before);
    GHashTable *snapshot = tu_snapshot(dir);
    char future[16];
    GDateTime *now = g_date_time_new_now_local();
    rr_date today = date_from_ymd(g_date_time_get_year(now), g_date_time_get_month(now),
                                  g_date_time_get_day_of_month(now));
    g_date_time_unref(now);
    date_format_iso(today + 200, future, sizeof future);
    const char *const refused[][6] = {
        {"overleg", "--data", dir, "regio-a", "2022-12-07", NULL},
        {"overleg", "--data", dir, "regio-a", future, NULL},
        {"overleg", "--data", dir, "gemeente-b", "2022-12-20", NULL},
        {"overleg", "--data", dir, "regio-x", "2022-12-20", NULL},
    };
    const char *said[] = {"overleggen.csv:2:1: het overleg (rao) van 07-12-2022 staat er al",
                          "na het volgende overleg", "regiorapport overleg regio-a",
                          "'regio-x' staat niet in de gegevens"};
    for (size_t i = 0; i < G_N_ELEMENTS(refused); i++) {
        char *out = NULL, *err = NULL;
        ck_assert_int_eq(tu_run(refused[i], &out, &err), 1);
        ck_assert_msg(strstr(err, said[i]), "%zu: %s", i, err);
        g_free(out);
        g_free(err);
    }
    tu_assert_unchanged(snapshot, dir);
    const char *bad_date[] = {"overleg", "--data", dir, "regio-a", "7-12", NULL};
    ck_assert_int_eq(tu_run(bad_date, NULL, NULL), 2);
    const char *other_kind[] = {"overleg", "--data", dir, "--soort", "bestuurlijk-overleg",
                                "regio-a", "2022-12-07", NULL};
    ck_assert_int_eq(tu_run(other_kind, NULL, NULL), 0);
    char *text = read_text(dir, "regio-a/overleggen.csv");
    ck_assert_str_eq(text, "datum;soort;omschrijving\r\n07-12-2022;rao;RAO\r\n"
                           "07-12-2022;bestuurlijk-overleg;\r\n");
    g_free(text);
    g_hash_table_destroy(snapshot);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- estimates -------------------------------------------------------------------- */

/* Without a recorded meeting the days run from the region's first plan start
 * (01-01-2019 in the valid tree), so two runs a week apart name the same meeting; both
 * are flagged as estimates and validate warns once for the region. */
START_TEST(estimates_stay_put_and_are_said)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_checked *c = tu_check(dir, AS_OF, RR_DATE_NONE);
    const rr_owner *region = g_hash_table_lookup(c->model->owner_by_id, "regio-a");
    ck_assert_int_eq(calendar_region_anchor(c->model, region), date_from_ymd(2019, 1, 1));
    meeting_period a = calendar_meeting_period(c->model, region, AS_OF);
    meeting_period b = calendar_meeting_period(c->model, region, AS_OF + 4);
    ck_assert_int_eq(a.since, b.since);
    ck_assert_int_eq(a.next, b.next);
    ck_assert_int_eq((a.since - date_from_ymd(2019, 1, 1)) % 42, 0);
    ck_assert(a.none_recorded && a.since_estimated && a.next_estimated);
    const owner_summary *s = analysis_owner(tu_analysis(c), region);
    ck_assert(s->since_estimated && s->next_estimated && s->none_recorded);
    size_t warnings = 0;
    for (size_t i = 0; i < c->diags.count; i++)
        warnings += strstr(c->diags.items[i].message, "geen overleg van Regio A vastgelegd") != NULL;
    ck_assert_uint_eq(warnings, 1);
    tu_checked_free(c);

    /* Two deadlines, so that gemeente-b gets its deadline chart. */
    tu_write(dir, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "1.1,lp,Preventie,preventie,Training,,najaar 2022,,,test\n"
             "1.2,rv,Preventie,,Voorlichting,,2024,,,test\n");
    const char *extra[] = {"--charts", "svg", NULL};
    tu_report *run = tu_report_run(dir, AS_OF_TEXT, "nl", extra);
    ck_assert_msg(run->status == 0, "%s", run->err);
    xf_book *book = xf_read(run->path);
    ck_assert_ptr_nonnull(
        xf_note(book, "Overzicht", "geschat (leg vast: regiorapport overleg REGIO DATUM): Regio A"));
    ck_assert_ptr_nonnull(xf_note(book, "Overzicht", "(geschat)"));
    ck_assert_ptr_nonnull(xf_note(book, "Wijzigingen", "(geschat)"));
    xf_free(book);
    /* The charts say it in the words gnuplot prints: the next meeting's line and the
     * trend's subtitle. */
    char *charts = g_build_filename(run->out_dir, "charts-" AS_OF_TEXT, "data", NULL);
    char *deadlines = read_text(charts, "acties-tijdlijn-gemeente-b.meta.tsv");
    char *trend = read_text(charts, "verloop.meta.tsv");
    ck_assert_msg(deadlines && strstr(deadlines, "volgend overleg 21-02-2023 (geschat)"), "%s",
                  deadlines ? deadlines : "(no file)");
    ck_assert_msg(trend && strstr(trend, "niet vastgelegde overleggen geschat"), "%s",
                  trend ? trend : "(no file)");
    g_free(deadlines);
    g_free(trend);
    g_free(charts);
    tu_report_free(run);

    /* The form sent out names the next meeting as an estimate too. */
    char *out_dir = tu_mkdtemp();
    const char *form[] = {"template", "--data", dir, "--out", out_dir, "--as-of", AS_OF_TEXT,
                          "gemeente-b", NULL};
    ck_assert_int_eq(tu_run(form, NULL, NULL), 0);
    char *path = g_build_filename(out_dir, "voortgang-gemeente-b-" AS_OF_TEXT ".xlsx", NULL);
    book = xf_read(path);
    ck_assert_msg(xf_book_has_text(book, "vóór het volgende overleg: 21-02-2023 (geschat)"),
                  "the form does not call the next meeting an estimate");
    xf_free(book);
    g_free(path);
    tu_tmpdir_free(out_dir);
    tu_tmpdir_free(dir);
}
END_TEST

/* Nine regions without a recorded meeting: the note below Overzicht's table names six,
 * three a line, and counts the rest, so that it never widens the printed page. */
START_TEST(long_lists_below_the_summary_are_cut)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    for (char c = 'c'; c <= 'j'; c++) {
        char *rel = g_strdup_printf("regio-%c/regio.csv", c);
        char *text = g_strdup_printf("regio_id,naam,centrumgemeente\nregio-%c,Regio %c,Stad\n",
                                     c, g_ascii_toupper(c));
        tu_write(dir, rel, text);
        g_free(rel);
        g_free(text);
        rel = g_strdup_printf("regio-%c/plannen.csv", c);
        tu_write(dir, rel, "plan_id,titel,soort,start,eind\nrp,Plan,regiovisie,2020,2021\n");
        g_free(rel);
    }
    tu_report *run = tu_report_ok(dir, AS_OF_TEXT, "nl");
    xf_book *book = xf_read(run->path);
    const char *first = xf_note(book, "Overzicht", "Geen overleg vastgelegd");
    ck_assert_msg(first && g_str_has_suffix(first, ": Regio A, Regio C, Regio D"), "%s",
                  first ? first : "(none)");
    const char *second = xf_note(book, "Overzicht", "Regio E, Regio F, Regio G");
    ck_assert_msg(second && strstr(second, "en nog 3 (zie Controle)"), "%s",
                  second ? second : "(none)");
    ck_assert_msg(!strstr(second, "Regio H") && !strstr(first, "Regio H"), "%s", second);
    /* The ended plans (the eight new regions'), likewise: six, then how many more, where. */
    ck_assert_ptr_nonnull(xf_note(book, "Overzicht", "en nog 2 (zie Looptijden)"));
    xf_free(book);
    tu_report_free(run);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- late reports, first reports, new actions ----------------------------------------- */

/* Regio A met on 20-12-2022. Gemeente B's form of 05-01-2023 came back with a report
 * dated 01-12-2022 for 1.2: the meeting never saw it. */
static void write_late_tree(const char *dir, const char *form)
{
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/overleggen.csv", "datum,soort\n20-12-2022,rao\n");
    /* 1.1's report of 20-12-2022 is on the meeting day: known then, not late. */
    tu_write(dir, form, "actie_id,datum,status,toelichting,bron\n"
                        "1.2,01-12-2022,lopend,al begonnen,formulier\n");
}

START_TEST(a_late_report_is_shown_with_its_date)
{
    char *dir = tu_mkdtemp();
    write_late_tree(dir, "regio-a/gemeente-b/voortgang-gemeente-b-2023-01-05.csv");
    tu_checked *c = tu_check(dir, AS_OF, RR_DATE_NONE);
    ck_assert_msg(c->diags.errors == 0, "%s", c->text);
    const rr_analysis *an = tu_analysis(c);
    const rr_action *a12 = model_find_action(c->model, "gemeente-b", "1.2");
    const action_view *v = analysis_action(an, a12);
    ck_assert_ptr_nonnull(v->late);
    ck_assert_int_eq(v->late->date.value.last, date_from_ymd(2022, 12, 1));
    ck_assert_int_eq(calendar_report_received(v->late), date_from_ymd(2023, 1, 5));
    ck_assert(v->updated_in_period && !v->first_report && !v->is_new);
    const owner_summary *b = analysis_owner(an, a12->owner);
    ck_assert(b->updated_in_period && !b->silent);
    ck_assert_ptr_null(strstr(c->text, "Gemeente B heeft niets gemeld"));
    tu_checked_free(c);

    tu_report *run = tu_report_ok(dir, AS_OF_TEXT, "nl");
    xf_book *book = xf_read(run->path);
    const xf_table *t = xf_table_get(book, "Wijzigingen", "Wijziging");
    const xf_row *row = xf_get_row(t, "Wijziging", "late melding", "Actie", "gemeente-b/1.2",
                                   NULL);
    xf_assert_date(t, row, "Datum melding", date_from_ymd(2022, 12, 1));
    xf_assert_text(t, row, "Oude status", "onbekend");
    xf_assert_text(t, row, "Nieuwe status", "lopend");
    xf_assert_text(t, row, "Toelichting", "al begonnen");
    ck_assert_uint_eq(xf_count(t, "Wijziging", "geen update"), 0);
    xf_free(book);
    tu_report_free(run);

    const char *status[] = {"status", "--data", dir, "--as-of", AS_OF_TEXT, NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(status, &out, &err), 0);
    ck_assert_msg(strstr(out, "Alle regio's en gemeenten met acties hebben sinds hun vorige "
                              "overleg een update gestuurd") || !strstr(out, "  Gemeente B  "),
                  "%s", out);
    char **lines = g_strsplit(out, "\n", -1);
    for (char **l = lines; *l; l++)
        if (g_str_has_prefix(*l, "  Gemeente B "))
            ck_assert_msg(g_str_has_suffix(*l, "ja"), "Update of Gemeente B: %s", *l);
    g_strfreev(lines);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* The same report in a file whose name has no date, or in voortgang.csv itself: the
 * tool cannot tell it arrived late, and counts it as known on its own date. */
START_TEST(a_report_without_a_receipt_date_is_not_late)
{
    const char *forms[] = {"regio-a/gemeente-b/voortgang-gemeente-b.csv",
                           "regio-a/gemeente-b/voortgang-gemeente-b-2022-11-30.csv"};
    for (size_t i = 0; i < G_N_ELEMENTS(forms); i++) {
        char *dir = tu_mkdtemp();
        write_late_tree(dir, forms[i]);
        tu_checked *c = tu_check(dir, AS_OF, RR_DATE_NONE);
        const action_view *v = analysis_action(
            tu_analysis(c), model_find_action(c->model, "gemeente-b", "1.2"));
        ck_assert_msg(v->late == NULL, "%s", forms[i]);
        tu_checked_free(c);
        tu_tmpdir_free(dir);
    }
}
END_TEST

/* An action of a plan adopted since the meeting is new; an older action's first report
 * is a first report. */
START_TEST(new_action_only_when_added_since_the_meeting)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/overleggen.csv", "datum,soort\n20-12-2022,rao\n");
    tu_write(dir, "regio-a/gemeente-b/plannen.csv",
             "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,"
             "bovenliggend_plan,evaluatie,bron\n"
             "lp,Lokaal plan,lokaal-plan,2021,2023,,,regio-a/rv,,test\n"
             "np,Nieuw plan,lokaal-plan,2023,2024,10-01-2023,college,regio-a/rv,,test\n");
    tu_write(dir, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "1.1,lp,Preventie,preventie,Training,,najaar 2022,,,test\n"
             "1.2,rv,Preventie,,Voorlichting,,doorlopend,,,test\n"
             "2.1,np,,,Nieuwe actie,,2024,,,test\n");
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n"
             "1.1,2022-12-20,lopend,,test\n1.2,2023-01-05,lopend,,test\n");
    tu_checked *c = tu_check(dir, AS_OF, RR_DATE_NONE);
    ck_assert_msg(c->diags.errors == 0, "%s", c->text);
    const rr_analysis *an = tu_analysis(c);
    const action_view *v12 = analysis_action(an, model_find_action(c->model, "gemeente-b", "1.2"));
    const action_view *v21 = analysis_action(an, model_find_action(c->model, "gemeente-b", "2.1"));
    ck_assert(v12->first_report && !v12->is_new);
    ck_assert(v21->is_new && !v21->first_report);
    tu_checked_free(c);
    tu_report *run = tu_report_ok(dir, AS_OF_TEXT, "nl");
    xf_book *book = xf_read(run->path);
    const xf_table *t = xf_table_get(book, "Wijzigingen", "Wijziging");
    xf_get_row(t, "Wijziging", "eerste melding", "Actie", "gemeente-b/1.2", NULL);
    xf_get_row(t, "Wijziging", "nieuwe actie", "Actie", "gemeente-b/2.1", NULL);
    ck_assert_uint_eq(xf_count(t, "Wijziging", "nieuwe actie"), 1);
    xf_free(book);
    tu_report_free(run);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- who sent nothing ------------------------------------------------------------- */

/* Gemeente B sent nothing since the meeting of 05-01-2023; its contact is in gemeente.csv.
 * status, Wijzigingen and the region's handout name it with its last report, the age
 * and the contact. */
START_TEST(who_sent_nothing_with_age_and_contact)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/overleggen.csv", "datum,soort\n05-01-2023,rao\n");
    tu_write(dir, "regio-a/gemeente-b/gemeente.csv",
             "gemeente_id,naam,cbs_code,inwoners,inwoners_peiljaar,bron,contact\n"
             "gemeente-b,Gemeente B,GM0001,10000,2022,test,j.jansen@gemeente-b.nl\n");
    const char *status[] = {"status", "--data", dir, "--as-of", AS_OF_TEXT, NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(status, &out, &err), 0);
    const char *line = strstr(out, "Niets ontvangen sinds het vorige overleg:\n");
    ck_assert_msg(line, "%s", out);
    ck_assert_msg(strstr(line, "Gemeente B  niets sinds 05-01-2023  laatste melding 20-12-2022, "
                               "26 dagen geleden  contact: j.jansen@gemeente-b.nl"),
                  "%s", out);
    g_free(out);
    g_free(err);

    tu_report *run = tu_report_ok(dir, AS_OF_TEXT, "nl");
    xf_book *book = xf_read(run->path);
    const xf_table *t = xf_table_get(book, "Wijzigingen", "Wijziging");
    const xf_row *row = xf_get_row(t, "Wijziging", "geen update", "Eigenaar", "Gemeente B", NULL);
    xf_assert_text(t, row, "Titel", "niets ontvangen sinds 05-01-2023");
    xf_assert_date(t, row, "Datum melding", date_from_ymd(2022, 12, 20));
    xf_assert_text(t, row, "Toelichting",
                   "laatste melding 26 dagen geleden; contact: j.jansen@gemeente-b.nl");
    t = xf_table_get(book, "Overzicht", "Eigenaar");
    xf_assert_text(t, xf_get_row(t, "Eigenaar", "Gemeente B", NULL), "Laatste update, geleden",
                   "26 dagen geleden");
    xf_free(book);
    tu_report_free(run);

    char *out_dir = tu_mkdtemp();
    const char *handout[] = {"handout", "--data", dir, "--out", out_dir, "--as-of", AS_OF_TEXT,
                             "regio-a", NULL};
    ck_assert_int_eq(tu_run(handout, NULL, NULL), 0);
    char *path = g_build_filename(out_dir, "handout-2023-01-15", "regio-a.xlsx", NULL);
    book = xf_read(path);
    /* One line per owner on the region's page: name, last report, its age, contact. */
    ck_assert(xf_book_has_text(book, "Niets ontvangen sinds het vorige overleg"));
    ck_assert(xf_book_has_text(book, "Gemeente B: laatste melding 20-12-2022, 26 dagen "
                                     "geleden; contact: j.jansen@gemeente-b.nl"));
    xf_free(book);
    g_free(path);
    tu_tmpdir_free(out_dir);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- age and end ------------------------------------------------------------------ */

START_TEST(age_in_words)
{
    const struct {
        rr_date from, to;
        const char *nl, *en;
    } cases[] = {
        {date_from_ymd(2022, 11, 30), date_from_ymd(2026, 12, 5), "4 jaar geleden",
         "4 years ago"},
        {date_from_ymd(2023, 6, 30), date_from_ymd(2026, 12, 5), "3 jaar en 5 maanden geleden",
         "3 years and 5 months ago"},
        {date_from_ymd(2025, 11, 5), date_from_ymd(2026, 12, 5), "1 jaar en 1 maand geleden",
         "1 year and 1 month ago"},
        {date_from_ymd(2026, 11, 6), date_from_ymd(2026, 12, 5), "29 dagen geleden",
         "29 days ago"},
        {date_from_ymd(2026, 12, 4), date_from_ymd(2026, 12, 5), "1 dag geleden", "1 day ago"},
        {date_from_ymd(2026, 12, 5), date_from_ymd(2026, 12, 5), "vandaag", "today"},
        {RR_DATE_NONE, date_from_ymd(2026, 12, 5), "", ""},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
        for (int lang = 0; lang < 2; lang++) {
            i18n_set_lang(lang ? LANG_EN : LANG_NL);
            char *text = calendar_age_text(cases[i].from, cases[i].to);
            ck_assert_str_eq(text, lang ? cases[i].en : cases[i].nl);
            g_free(text);
        }
    i18n_set_lang(LANG_NL);
}
END_TEST

/* As of 05-12-2026 every shipped plan has ended: Looptijden, the reason of an open action
 * and the handout say "afgelopen op"; Controle gives Arnhem's real last report. */
START_TEST(ended_plans_and_the_real_last_report)
{
    tu_report *run = tu_report_ok(tu_data_dir(), "2026-12-05", "nl");
    xf_book *book = xf_read(run->path);
    const xf_table *t = xf_table_get(book, "Looptijden", "Stand en aansluiting");
    const xf_row *row = xf_find_containing(t, "Titel", "Lokaal plan Huiselijk Geweld en Kindermishandeling 2022-2025");
    ck_assert_ptr_nonnull(row);
    ck_assert_msg(g_str_has_prefix(xf_value(t, row, "Stand en aansluiting"),
                                   "afgelopen op 31-12-2025"),
                  "%s", xf_value(t, row, "Stand en aansluiting"));
    t = xf_table_get(book, "Acties", "Reden");
    row = xf_get_row(t, "Actie", "zuid-holland-zuid/1", NULL);
    xf_assert_text(t, row, "Reden", "deadline verstreken; plan afgelopen op 31-12-2021");
    ck_assert_ptr_nonnull(xf_note(book, "Overzicht", "afgelopen op 31-12-2025"));
    t = xf_table_get(book, "Controle", "Melding");
    row = xf_find_containing(t, "Melding", "Arnhem heeft niets gemeld");
    ck_assert_ptr_nonnull(row);
    ck_assert_msg(strstr(xf_value(t, row, "Melding"), "laatste melding is van 30-11-2022, 4 jaar "
                                                      "geleden"),
                  "%s", xf_value(t, row, "Melding"));
    xf_free(book);
    tu_report_free(run);
}
END_TEST

/* ---- the terminal ----------------------------------------------------------------- */

/* First what to do, then the paths, then one line whose count is Controle's; in English
 * the sheet by its English name. */
START_TEST(report_says_what_to_do_first)
{
    const char *extra[] = {"--charts", "svg", NULL};
    for (int lang = 0; lang < 2; lang++) {
        tu_report *run = tu_report_run(tu_data_dir(), "2023-01-31", lang ? "en" : "nl", extra);
        ck_assert_msg(run->status == 0, "%s", run->err);
        const char *to_do = lang ? "to do before the meeting" : "te doen vóór het overleg";
        ck_assert_msg(g_str_has_prefix(run->err, "regiorapport report: ") &&
                          strstr(run->err, to_do) && strstr(run->err, "Dordrecht"),
                      "%s", run->err);
        ck_assert_msg(g_str_has_prefix(run->out, run->out_dir), "%s", run->out);
        /* One line about the notes: no single chart note, a count. */
        ck_assert_msg(!strstr(run->err, lang ? "chart skipped:" : "grafiek overgeslagen:"),
                      "%s", run->err);
        const char *count_at = NULL;
        for (const char *p = run->err; (p = strstr(p, "regiorapport report: ")); p++)
            count_at = p;
        unsigned long counted = 0;
        ck_assert_msg(count_at && sscanf(count_at, "regiorapport report: %lu", &counted) == 1,
                      "%s", run->err);
        const char *sheet = lang ? "see the Checks sheet" : "zie het tabblad Controle";
        ck_assert_msg(strstr(count_at, sheet), "%s", run->err);
        xf_book *book = xf_read(run->path);
        const xf_table *t = xf_table_get(book, lang ? "Checks" : "Controle",
                                         lang ? "Message" : "Melding");
        ck_assert_uint_eq(xf_row_count(t), counted);
        ck_assert_msg(!xf_book_has_text(book, "Figures sheet"), "the English names another sheet");
        xf_free(book);
        tu_report_free(run);
    }
}
END_TEST

Suite *meeting_suite(void)
{
    Suite *s = suite_create("meeting");
    TCase *t = tcase_create("cycle");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, overleg_creates_the_file_with_its_header);
    tcase_add_test(t, overleg_refuses_and_leaves_the_file);
    tcase_add_test(t, estimates_stay_put_and_are_said);
    tcase_add_test(t, long_lists_below_the_summary_are_cut);
    tcase_add_test(t, a_late_report_is_shown_with_its_date);
    tcase_add_test(t, a_report_without_a_receipt_date_is_not_late);
    tcase_add_test(t, new_action_only_when_added_since_the_meeting);
    tcase_add_test(t, who_sent_nothing_with_age_and_contact);
    tcase_add_test(t, age_in_words);
    tcase_add_test(t, ended_plans_and_the_real_last_report);
    tcase_add_test(t, report_says_what_to_do_first);
    suite_add_tcase(s, t);
    return s;
}

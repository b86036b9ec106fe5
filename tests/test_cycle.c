/* test_cycle.c - the meeting cycle over time: the trend (Verloop), the change on
 * Overzicht, a filled form kept from `template`, and a form filled with openpyxl,
 * re-saved by LibreOffice as .xlsx and .ods and dropped back in. */
#include <glib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "check/rules.h"
#include "load/load.h"
#include "suites.h"
#include "testutil.h"

#define PYTHON "/usr/bin/python3"
#define FORM "voortgang-gemeente-b-2023-01-15"

/* Region meets every 4 weeks from 01-11-2022 (recorded), so as of 15-01-2023 the
 * meeting days are 01-11, 29-11, 27-12-2022, 24-01-2023: the period starts 27-12-2022. */
static void write_cycle_tree(const char *dir)
{
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/regio.csv",
             "regio_id,naam,centrumgemeente,ritme_weken\nregio-a,Regio A,Stad A,4\n");
    tu_write(dir, "regio-a/overleggen.csv", "datum,soort\n2022-11-01,rao\n");
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n"
             "1.1,2022-11-15,lopend,,t\n"
             "1.1,2023-01-10,afgerond,,t\n"
             "1.2,2022-12-01,doorlopend,,t\n");
}

START_TEST(trend_counts_every_meeting_and_the_change)
{
    char *dir = tu_mkdtemp();
    write_cycle_tree(dir);
    diag_list diags;
    diag_list_init(&diags);
    rr_model *m = model_new();
    load_tree(dir, m, &diags);
    rr_date as_of = date_from_ymd(2023, 1, 15);
    rules_check(m, as_of, RR_DATE_NONE, tu_today(), &diags);
    ck_assert_uint_eq(diags.errors, 0);
    rr_analysis *an = analysis_new(m, as_of, RR_DATE_NONE);
    const rr_owner *b = model_find_owner(m, "gemeente-b");
    /* gemeente-b's trend: the plans start 2019 (the regional one), so it runs from the
     * first meeting day counted back by the rhythm; its last points are these. */
    GArray *mine = g_array_new(FALSE, FALSE, sizeof(trend_point));
    for (guint i = 0; i < an->trend->len; i++)
        if (g_array_index(an->trend, trend_point, i).owner == b)
            g_array_append_val(mine, g_array_index(an->trend, trend_point, i));
    ck_assert_uint_ge(mine->len, 4);
    const trend_point *p = &g_array_index(mine, trend_point, mine->len - 4);
    ck_assert_int_eq(p[0].date, date_from_ymd(2022, 11, 1));
    ck_assert(p[0].recorded && !p[0].is_as_of);
    ck_assert_uint_eq(p[0].by_group[PROGRESS_UNKNOWN], 2);
    ck_assert_int_eq(p[1].date, date_from_ymd(2022, 11, 29));
    ck_assert(!p[1].recorded);
    ck_assert_uint_eq(p[1].by_group[PROGRESS_UNDER_WAY], 1);
    ck_assert_uint_eq(p[1].by_group[PROGRESS_UNKNOWN], 1);
    ck_assert_int_eq(p[2].date, date_from_ymd(2022, 12, 27));
    ck_assert_uint_eq(p[2].by_group[PROGRESS_UNDER_WAY], 2);
    ck_assert_int_eq(p[3].date, as_of);
    ck_assert(p[3].is_as_of);
    ck_assert_uint_eq(p[3].by_group[PROGRESS_DONE], 1);
    ck_assert_uint_eq(p[3].total, 2);
    /* Every point lies on the rhythm from the recorded meeting, or is as_of. */
    for (guint i = 0; i + 1 < mine->len; i++) {
        rr_date d = g_array_index(mine, trend_point, i).date;
        ck_assert_int_eq(((d - date_from_ymd(2022, 11, 1)) % 28 + 28) % 28, 0);
    }
    /* Overzicht's change since the meeting of 27-12-2022. */
    char *change = analyse_change_text(analysis_owner(an, b));
    ck_assert_str_eq(change, "+1 afgerond, -1 in uitvoering");
    g_free(change);
    g_array_free(mine, TRUE);
    analysis_free(an);
    diag_list_release(&diags);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

/* Runs the binary, checks its exit status, returns its stdout (stderr in *err). */
static char *run(int expected, const char *const *args, char **err)
{
    char *out = NULL, *e = NULL;
    int status = tu_run(args, &out, &e);
    ck_assert_msg(status == expected, "%s exited %d, expected %d:\n%s\n%s", args[0], status,
                  expected, out, e);
    if (err)
        *err = e;
    else
        g_free(e);
    return out;
}

/* Fills row 2 (action 1.1) of the Voortgang sheet: a date cell, status, note. */
static const char fill_py[] =
    "import sys, datetime, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "ws = wb['Voortgang']\n"
    "ws['G2'] = datetime.datetime(2023, 1, 12)\n"
    "ws['G2'].number_format = 'DD-MM-YYYY'\n"
    "ws['H2'] = 'afgerond'\n"
    "ws['I2'] = 'training gegeven'\n"
    "ws['G3'] = '14-1-2023'\n"
    "ws['H3'] = 'vertraagd'\n"
    "wb.save(sys.argv[2])\n";

START_TEST(template_keeps_a_filled_form)
{
    tu_need((const char *[]){PYTHON, "-c", "import openpyxl", NULL});
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    const char *args[] = {"template", "--data", data, "--out", out, "--as-of", "2023-01-15",
                          "gemeente-b", NULL};
    g_free(run(0, args, NULL));
    g_free(run(0, args, NULL)); /* the same form again: nothing lost, replaced */
    char *xlsx = g_strdup_printf("%s/" FORM ".xlsx", out);
    const char *fill[] = {PYTHON, "-c", fill_py, xlsx, xlsx, NULL};
    g_free(tu_spawn_output(fill));
    char *before = NULL;
    gsize size = 0;
    ck_assert(g_file_get_contents(xlsx, &before, &size, NULL));
    char *err = NULL;
    g_free(run(3, args, &err));
    ck_assert_msg(strstr(err, FORM ".xlsx: fout: het formulier bestaat al") &&
                      strstr(err, "--force"),
                  "%s", err);
    char *after = NULL;
    gsize after_size = 0;
    ck_assert(g_file_get_contents(xlsx, &after, &after_size, NULL));
    ck_assert(after_size == size && memcmp(before, after, size) == 0);
    const char *forced[] = {"template", "--force", "--data", data, "--out", out, "--as-of",
                            "2023-01-15", "gemeente-b", NULL};
    g_free(run(0, forced, NULL));
    g_free(after);
    g_free(before);
    g_free(err);
    g_free(xlsx);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* What the report says about action 1.1 and 1.2: its Acties status, its Wijzigingen
 * rows and the last Verloop row of gemeente-b. */
static const char report_facts_py[] =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "for row in wb['Acties'].iter_rows(values_only=True):\n"
    "    if 'gemeente-b/1.1' in [str(v) for v in row] or 'gemeente-b/1.2' in [str(v) for v in row]:\n"
    "        print('actie\\t' + '\\t'.join(str(v) for v in row if v is not None))\n"
    "for row in wb['Wijzigingen'].iter_rows(values_only=True):\n"
    "    print('wijziging\\t' + '\\t'.join(str(v) for v in row if v is not None))\n"
    "last = None\n"
    "for row in wb['Verloop'].iter_rows(values_only=True):\n"
    "    if row[1] == 'Gemeente B': last = row\n"
    "print('verloop\\t' + '\\t'.join(str(v) for v in last[3:10]))\n";

/* LibreOffice re-saves the filled form as `ext`; the copy dropped in must reach Acties,
 * Wijzigingen and Verloop. */
static void drop_in_through_libreoffice(const char *ext)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp(), *lo = tu_mkdtemp();
    tu_write_valid_tree(data);
    const char *args[] = {"template", "--data", data, "--out", out, "--as-of", "2023-01-15",
                          "gemeente-b", NULL};
    g_free(run(0, args, NULL));
    char *form = g_strdup_printf("%s/" FORM ".xlsx", out);
    char *filled = g_strdup_printf("%s/filled/" FORM ".xlsx", lo);
    char *filled_dir = g_path_get_dirname(filled);
    g_mkdir_with_parents(filled_dir, 0755);
    g_free(filled_dir);
    const char *fill[] = {PYTHON, "-c", fill_py, form, filled, NULL};
    g_free(tu_spawn_output(fill));
    char *profile = g_strdup_printf("-env:UserInstallation=file://%s/profile", lo);
    char *dest = g_build_filename(data, "regio-a", "gemeente-b", NULL);
    const char *convert[] = {"soffice", profile, "--headless", "--convert-to", ext, "--outdir",
                             dest, filled, NULL};
    g_free(tu_spawn_output(convert));
    char *dropped = g_strdup_printf("%s/" FORM ".%s", dest, ext);
    ck_assert_msg(g_file_test(dropped, G_FILE_TEST_EXISTS), "LibreOffice wrote no %s", dropped);

    const char *validate[] = {"validate", "--data", data, "--as-of", "2023-01-15", NULL};
    char *report = run(0, validate, NULL);
    ck_assert_msg(strstr(report, "0 fouten") && !strstr(report, FORM), "%s", report);
    const char *status[] = {"status", "--data", data, "--as-of", "2023-01-15", NULL};
    char *summary = run(0, status, NULL);
    ck_assert_msg(strstr(summary, "gemeente-b/1.2") && strstr(summary, "vertraagd"), "%s",
                  summary);
    const char *make_report[] = {"report", "--data", data, "--out", out, "--as-of", "2023-01-15",
                                 "--charts", "none", NULL};
    g_free(run(0, make_report, NULL));
    char *book = g_strdup_printf("%s/regiorapport-2023-01-15.xlsx", out);
    const char *facts_argv[] = {PYTHON, "-c", report_facts_py, book, NULL};
    char *facts = tu_spawn_output(facts_argv);
    const char *want[] = {
        /* Acties: the new status, its date and note from the returned form */
        "gemeente-b/1.1\tTraining\t2022-11-30 00:00:00\tafgerond\tgroen\ttraining gegeven\t"
        "2023-01-12 00:00:00\t",
        "gemeente-b/1.2\tVoorlichting\tvertraagd\trood\t2023-01-14 00:00:00\t",
        "Gemeente B\tgemeente-b/1.1\tTraining\tonbekend\tafgerond\t2023-01-12",
        "Gemeente B\tgemeente-b/1.2\tVoorlichting\tonbekend\tvertraagd\t2023-01-14",
        /* no meeting recorded: the region meets on the report date by its rhythm */
        "verloop\toverleg (ritme)\t2\t1\t1\t0\t0\t0\n"};
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        ck_assert_msg(strstr(facts, want[i]), "%s: the report lacks [%s]:\n%s", ext, want[i],
                      facts);
    g_free(facts);
    g_free(book);
    g_free(summary);
    g_free(report);
    g_free(dropped);
    g_free(dest);
    g_free(profile);
    g_free(filled);
    g_free(form);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
    tu_tmpdir_free(lo);
}

START_TEST(form_resaved_by_libreoffice_is_read_back)
{
    tu_need((const char *[]){PYTHON, "-c", "import openpyxl", NULL});
    tu_need((const char *[]){"soffice", "--version", NULL});
    drop_in_through_libreoffice(_i == 0 ? "xlsx" : "ods");
}
END_TEST

Suite *cycle_suite(void)
{
    Suite *s = suite_create("cycle");
    TCase *tc = tcase_create("over time");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, trend_counts_every_meeting_and_the_change);
    tcase_add_test(tc, template_keeps_a_filled_form);
    tcase_add_loop_test(tc, form_resaved_by_libreoffice_is_read_back, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

/* test_workbook.c - the report workbook, read back with openpyxl and ssconvert. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "load/load.h"
#include "check/rules.h"
#include "suites.h"
#include "testutil.h"

#define AS_OF_TEXT "2023-01-15"

/* Facts printed by tests/xlsx_facts.py: each a NULL-terminated array of fields. */
typedef struct {
    GPtrArray *rows; /* gchar** */
} facts;

/* Runs the fact script on a workbook; fails the test when it cannot. */
static facts read_facts(const char *xlsx)
{
    /* Needs python3-openpyxl for Debian's /usr/bin/python3. */
    const char *argv[] = {"/usr/bin/python3", "tests/xlsx_facts.py", xlsx, NULL};
    char *out = tu_spawn_output(argv);
    facts f = {g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev)};
    gchar **lines = g_strsplit(out, "\n", -1);
    for (gchar **l = lines; *l; l++)
        if (**l)
            g_ptr_array_add(f.rows, g_strsplit(*l, "\t", -1));
    g_strfreev(lines);
    g_free(out);
    return f;
}

static void free_facts(facts *f)
{
    g_ptr_array_free(f->rows, TRUE);
}

/* The first fact of `kind` whose second field is `key` (NULL: any); NULL if none. */
static gchar **fact(const facts *f, const char *kind, const char *key)
{
    for (guint i = 0; i < f->rows->len; i++) {
        gchar **row = g_ptr_array_index(f->rows, i);
        if (strcmp(row[0], kind) == 0 && (!key || (row[1] && strcmp(row[1], key) == 0)))
            return row;
    }
    return NULL;
}

static guint count_facts(const facts *f, const char *kind)
{
    guint n = 0;
    for (guint i = 0; i < f->rows->len; i++)
        n += strcmp(((gchar **)g_ptr_array_index(f->rows, i))[0], kind) == 0;
    return n;
}

/* Runs `report` on data_dir into out_dir; returns the exit status, captures output. */
static int run_report(const char *data_dir, const char *out_dir, const char *lang, char **out,
                      char **err)
{
    const char *args[] = {"report", "--data", data_dir, "--out", out_dir, "--as-of", AS_OF_TEXT,
                          "--charts", "none", "--lang", lang, NULL};
    return tu_run(args, out, err);
}

static char *report_path(const char *out_dir)
{
    return g_build_filename(out_dir, "regiorapport-" AS_OF_TEXT ".xlsx", NULL);
}

/* What a printed or sorted workbook depends on, read from the file (issue 13): no
 * drawing lies over another; a filter holds one table (no empty row inside it, the
 * row below it empty) under a frozen header; every sheet but the flat Data sheet
 * prints at 65 % or more on A4, its header repeated on every page. */
static void assert_fit_to_print(const facts *f)
{
    guint drawings = 0, filters = 0, printed = 0;
    for (guint k = 0; k < f->rows->len; k++) {
        gchar **row = g_ptr_array_index(f->rows, k);
        if (strcmp(row[0], "drawings") == 0) {
            drawings += (guint)atoi(row[2]);
            ck_assert_msg(strcmp(row[3], "0") == 0, "%s: %s drawings overlap", row[1], row[3]);
        } else if (strcmp(row[0], "filter") == 0) {
            filters++;
            ck_assert_msg(strcmp(row[3], "0") == 0, "%s: filter %s holds %s empty rows",
                          row[1], row[2], row[3]);
            ck_assert_msg(strcmp(row[4], "0") == 0, "%s: the table goes on below filter %s",
                          row[1], row[2]);
            ck_assert_msg(strcmp(row[5], "True") == 0, "%s: header of filter %s not frozen",
                          row[1], row[2]);
        } else if (strcmp(row[0], "print") == 0) {
            printed++;
            if (strcmp(row[1], "Data") == 0)
                continue;
            ck_assert_msg(atoi(row[2]) >= 65, "%s prints at %s %%", row[1], row[2]);
            ck_assert_msg(row[4] && row[4][0] == '$', "%s repeats no header row", row[1]);
        }
    }
    ck_assert_uint_eq(drawings, 2); /* Overzicht's two charts */
    ck_assert_uint_eq(filters, 11);
    ck_assert_uint_eq(printed, 11);
}

START_TEST(shipped_report_reads_back_right)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_report(tu_data_dir(), out_dir, "nl", &out, &err), 0);
    char *path = report_path(out_dir);
    ck_assert_msg(strstr(out, path), "stdout does not name %s:\n%s", path, out);
    facts f = read_facts(path);

    ck_assert_str_eq(fact(&f, "sheets", NULL)[1],
                     "Overzicht,Acties,Wijzigingen,Looptijden,Thema's,Tussenevaluatie,Cijfers,"
                     "Begroting,Controle,Bronnen,Data");
    ck_assert_str_eq(fact(&f, "formulas", NULL)[1], "0");
    ck_assert_str_eq(fact(&f, "charts", NULL)[2], "2");

    /* Every action of the input exactly once, with its status as of the date, a real
     * date where it has a deadline and a number where its budget is an amount. */
    diag_list diags;
    diag_list_init(&diags);
    rr_model *m = model_new();
    load_tree(tu_data_dir(), m, &diags);
    rr_date as_of = date_from_ymd(2023, 1, 15);
    rr_date since = analyse_default_since(m, as_of);
    rules_check(m, as_of, since, &diags);
    rr_analysis *an = analysis_new(m, as_of, since);
    ck_assert_uint_eq(count_facts(&f, "action"), m->actions->len);
    size_t with_expected = 0;
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        char *ref = g_strconcat(v->action->owner->id, "/", v->action->id, NULL);
        gchar **row = fact(&f, "action", ref);
        ck_assert_msg(row, "action %s missing from Acties", ref);
        ck_assert_str_eq(row[2], vocab_status_label(v->status));
        ck_assert_str_eq(row[3], v->deadline != RR_DATE_NONE ? "date" : "none");
        ck_assert_str_eq(row[4], v->action->has_budget_amount ? "number" : "none");
        ck_assert_str_eq(row[5], vocab_signal_label(v->signal));
        ck_assert_str_eq(row[7], "s"); /* the title is a string cell */
        /* A report's revised date beside the planning (Overbetuwe 2.1.2 and 4.1.3). */
        ck_assert_str_eq(row[9], v->expected ? v->expected->expected.text : "None");
        with_expected += v->expected != NULL;
        /* Target figures and running costs as written, each in its own column. */
        ck_assert_str_eq(row[10], v->action->targets[0] ? v->action->targets : "None");
        const char *running = v->action->running_costs;
        ck_assert_str_eq(row[11], running[0] ? running : "None");
        g_free(ref);
    }
    ck_assert_uint_eq(with_expected, 2);
    analysis_free(an);
    model_free(m);
    diag_list_release(&diags);

    /* Samen Veilig: originally to 31-12-2022, extended by two years. */
    gchar **plan = fact(&f, "plan", "Gelderland-Midden");
    ck_assert_ptr_nonnull(plan);
    ck_assert_str_eq(plan[2], "samen-veilig");
    ck_assert_str_eq(plan[3], "31-12-2022");
    ck_assert_str_eq(plan[4], "31-12-2024");
    ck_assert_str_eq(plan[5], "24");

    /* A draft plan and the funding of plans, even without an amount (Dordrecht's letter). */
    size_t drafts = 0, funded = 0;
    for (guint k = 0; k < f.rows->len; k++) {
        gchar **row = g_ptr_array_index(f.rows, k);
        if (strcmp(row[0], "plan") != 0)
            continue;
        bool is_action_plan = strcmp(row[2], "actieplan-hgkm") == 0;
        ck_assert_str_eq(row[6], is_action_plan ? "concept" : "None");
        drafts += is_action_plan;
        funded += strcmp(row[7], "None") != 0;
        if (strcmp(row[2], "regiovisie-ghnt") == 0)
            ck_assert_str_eq(row[7], "Decentralisatie-uitkering Vrouwenopvang|lokale gemeentelijke "
                                     "middelen");
    }
    ck_assert_uint_eq(drafts, 1);
    ck_assert_uint_eq(funded, 5);

    /* Every plan's action lines, with their descriptions and the actions on each:
     * Dordrecht's three have none (the letter does not assign the projects). */
    ck_assert_uint_eq(count_facts(&f, "action_line"), 10);
    gchar **line = fact(&f, "action_line", "Regionaal actieplan HGKM ZH-Z");
    ck_assert_ptr_nonnull(line);
    ck_assert_str_eq(line[2], "Eerder en beter in beeld");
    ck_assert_msg(g_str_has_prefix(line[3], "Een effectieve aanpak"), "%s", line[3]);
    ck_assert_str_eq(line[4], "0");
    line = fact(&f, "action_line", "Lokaal plan Huiselijk Geweld en Kindermishandeling 2022-2025");
    ck_assert_ptr_nonnull(line);
    ck_assert_str_eq(line[2], "Inzet op preventie en signalering");
    ck_assert_str_eq(line[4], "15");

    /* Population per year: every count of inwoners.csv, and each figure set against its
     * own year's count where there is one (West Betuwe 2021), else gemeente.csv's. */
    ck_assert_uint_eq(count_facts(&f, "population"), 5);
    bool dordrecht_2020 = false;
    size_t own_year = 0, other_year = 0;
    for (guint k = 0; k < f.rows->len; k++) {
        gchar **row = g_ptr_array_index(f.rows, k);
        if (strcmp(row[0], "population") == 0)
            dordrecht_2020 |= strcmp(row[1], "Dordrecht") == 0 && strcmp(row[2], "2020") == 0 &&
                              strcmp(row[3], "119284") == 0;
        if (strcmp(row[0], "figure") != 0 || strcmp(row[1], "West Betuwe") != 0)
            continue;
        if (strcmp(row[3], "2021") == 0) {
            ck_assert_str_eq(row[6], "51128");
            ck_assert_str_eq(row[7], "2021");
            own_year++;
        } else {
            ck_assert_str_eq(row[6], "51948");
            ck_assert_str_eq(row[7], "2022");
            other_year++;
        }
    }
    ck_assert(dordrecht_2020);
    ck_assert_uint_eq(own_year, 8);
    ck_assert_uint_eq(other_year, 8);

    /* West Betuwe's budget as its plan states it. */
    const char *expected[][2] = {{"2022", "33880.00"}, {"2023", "36580.00"},
                                 {"2024", "36580.00"}, {"2025", "36580.00"}};
    for (size_t i = 0; i < G_N_ELEMENTS(expected); i++) {
        bool found = false;
        for (guint k = 0; k < f.rows->len && !found; k++) {
            gchar **row = g_ptr_array_index(f.rows, k);
            found = strcmp(row[0], "budget_total") == 0 && strcmp(row[1], "West Betuwe") == 0 &&
                    strcmp(row[2], expected[i][0]) == 0 && strcmp(row[3], expected[i][1]) == 0;
        }
        ck_assert_msg(found, "no budget total %s for %s", expected[i][1], expected[i][0]);
    }

    /* Print layout on every sheet: A4 landscape, one page wide, the date in the footer. */
    ck_assert_uint_eq(count_facts(&f, "layout"), 11);
    for (guint k = 0; k < f.rows->len; k++) {
        gchar **row = g_ptr_array_index(f.rows, k);
        if (strcmp(row[0], "layout") != 0)
            continue;
        ck_assert_str_eq(row[2], "landscape");
        ck_assert_str_eq(row[3], "9");
        ck_assert_str_eq(row[4], "True");
        ck_assert_msg(strstr(row[7], "15-01-2023"), "footer of %s: %s", row[1], row[7]);
    }
    assert_fit_to_print(&f);
    /* As of 15-01-2023 the shipped 2023 figures (CBS, provisional) are not known yet;
     * West Betuwe's 2019-2021 figures are. */
    guint figures = 0;
    for (guint k = 0; k < f.rows->len; k++) {
        gchar **row = g_ptr_array_index(f.rows, k);
        if (strcmp(row[0], "figure") != 0)
            continue;
        figures++;
        ck_assert_msg(atoi(row[3]) < 2023, "a figure of %s on a report of 15-01-2023", row[3]);
    }
    ck_assert_uint_gt(figures, 10);
    free_facts(&f);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

START_TEST(english_names_every_sheet_and_header)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_report(tu_data_dir(), out_dir, "en", &out, &err), 0);
    char *path = report_path(out_dir);
    facts f = read_facts(path);
    ck_assert_str_eq(fact(&f, "sheets", NULL)[1],
                     "Summary,Actions,Changes,Timelines,Themes,Mid-term,Indicators,Budget,"
                     "Checks,Sources,Data");
    ck_assert_str_eq(fact(&f, "action_columns", NULL)[1],
                     "Owner,Action,Title,Deadline,Status,Signal,Latest note,Last update,Reason,"
                     "Region,Plan,Action line,Themes,Goal,Target,Planning,Expected,Budget (€),"
                     "Budget (text),Running costs,Partners,Source");
    /* No Dutch header word is left on any sheet. */
    const char *dutch[] = {"Eigenaar", "Regio,", "Titel", "Bron", "Jaar", "Bestand", "Melding"};
    for (guint k = 0; k < f.rows->len; k++) {
        gchar **row = g_ptr_array_index(f.rows, k);
        if (strcmp(row[0], "header") != 0)
            continue;
        for (size_t d = 0; d < G_N_ELEMENTS(dutch); d++)
            ck_assert_msg(!strstr(row[3], dutch[d]), "sheet %s header has '%s': %s", row[1],
                          dutch[d], row[3]);
    }
    free_facts(&f);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Texts that look like formulas, escapes and control characters stay text, exactly. */
START_TEST(hostile_texts_stay_text)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    GString *long_note = g_string_new(NULL);
    for (int i = 0; i < 40000; i++)
        g_string_append_c(long_note, (char)('a' + i % 26));
    gchar *actions = g_strdup_printf(
        "actie_id,plan_id,titel\n"
        "f1,lp,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\"\n"
        "f2,lp,+31 6 1234\n"
        "f3,lp,@SUM(A1:A9)\n"
        "f4,lp,-1+1\n"
        "f5,lp,_x0041_ blijft zo\n"
        "f6,lp,\"regel een\nregel twee\"\n");
    tu_write(dir, "regio-a/gemeente-b/acties.csv", actions);
    gchar *progress = g_strdup_printf("actie_id,datum,status,toelichting,bron\n"
                                      "f1,2022-12-20,lopend,%s,test\n",
                                      long_note->str);
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv", progress);
    tu_write(dir, "regio-a/gemeente-b/cijfers.csv",
             "indicator,jaar,waarde,bron\nvt_meldingen,2021,.,CBS\nvt_meldingen,2022,12,CBS\n");
    char *out = NULL, *err = NULL;
    ck_assert_msg(run_report(dir, out_dir, "nl", &out, &err) == 0, "%s", err);
    char *path = report_path(out_dir);
    facts f = read_facts(path);
    ck_assert_str_eq(fact(&f, "formulas", NULL)[1], "0");
    const char *titles[][2] = {
        {"gemeente-b/f1", "=HYPERLINK(\"http://example.invalid\",\"klik\")"},
        {"gemeente-b/f2", "+31 6 1234"},
        {"gemeente-b/f3", "@SUM(A1:A9)"},
        {"gemeente-b/f4", "-1+1"},
        {"gemeente-b/f5", "_x0041_ blijft zo"},
        {"gemeente-b/f6", "regel een\\nregel twee"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(titles); i++) {
        gchar **row = fact(&f, "action", titles[i][0]);
        ck_assert_msg(row, "%s missing", titles[i][0]);
        ck_assert_str_eq(row[7], "s");
        ck_assert_str_eq(row[8], titles[i][1]);
    }
    /* Suppressed is marked as such, never 0; the published value is a number. */
    bool suppressed = false, number = false;
    for (guint k = 0; k < f.rows->len; k++) {
        gchar **row = g_ptr_array_index(f.rows, k);
        if (strcmp(row[0], "figure") != 0)
            continue;
        if (strcmp(row[3], "2021") == 0)
            suppressed = strcmp(row[4], "s") == 0 && strcmp(row[5], "geheim") == 0;
        if (strcmp(row[3], "2022") == 0)
            number = strcmp(row[4], "n") == 0 && strcmp(row[5], "12") == 0;
    }
    ck_assert_msg(suppressed, "suppressed figure not marked 'geheim'");
    ck_assert_msg(number, "published figure not a number");
    /* The 40,000-character note was cut, and Controle says so. */
    bool cut = false;
    for (guint k = 0; k < f.rows->len && !cut; k++) {
        gchar **row = g_ptr_array_index(f.rows, k);
        cut = strcmp(row[0], "check") == 0 && strstr(row[3], "ingekort");
    }
    ck_assert_msg(cut, "no Controle row about the cut text");
    ck_assert_msg(strstr(err, "ingekort"), "stderr does not mention the cut: %s", err);
    free_facts(&f);
    g_free(path);
    g_free(out);
    g_free(err);
    g_free(actions);
    g_free(progress);
    g_string_free(long_note, TRUE);
    tu_tmpdir_free(dir);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Gnumeric's ssconvert reads every sheet; Acties holds the actions. */
START_TEST(ssconvert_reads_every_sheet)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_report(tu_data_dir(), out_dir, "nl", &out, &err), 0);
    char *path = report_path(out_dir);
    char *csv = g_build_filename(out_dir, "sheet.csv", NULL);
    const char *argv[] = {"ssconvert", "-S", path, csv, NULL};
    g_free(tu_spawn_output(argv));
    for (int i = 0; i < 11; i++) {
        char *part = g_strdup_printf("%s.%d", csv, i);
        ck_assert_msg(g_file_test(part, G_FILE_TEST_EXISTS), "ssconvert wrote no %s", part);
        if (i == 1) {
            char *content = NULL;
            ck_assert(g_file_get_contents(part, &content, NULL, NULL));
            ck_assert_msg(strstr(content, "Omgangshuis"), "Acties lacks the Omgangshuis");
            ck_assert_msg(strstr(content, "west-betuwe/"), "Acties lacks West Betuwe's actions");
            g_free(content);
        }
        g_free(part);
    }
    g_free(csv);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Whether a folder holds a temporary file left by a failed write. */
static bool has_temporary_file(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    bool found = false;
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL)
        found |= g_str_has_suffix(name, ".tmp");
    if (d)
        g_dir_close(d);
    return found;
}

START_TEST(data_errors_write_nothing_and_keep_the_previous_report)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_report(dir, out_dir, "nl", &out, &err), 0);
    char *path = report_path(out_dir);
    char *before = NULL;
    gsize before_len = 0;
    ck_assert(g_file_get_contents(path, &before, &before_len, NULL));
    g_free(out);
    g_free(err);

    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n1.1,2022-12-20,klaar,,\n");
    ck_assert_int_eq(run_report(dir, out_dir, "nl", &out, &err), 1);
    ck_assert_msg(strstr(err, "niets geschreven"), "%s", err);
    ck_assert_msg(strstr(err, "voortgang.csv:2:"), "%s", err);
    char *after = NULL;
    gsize after_len = 0;
    ck_assert(g_file_get_contents(path, &after, &after_len, NULL));
    ck_assert(before_len == after_len && memcmp(before, after, before_len) == 0);
    ck_assert(!has_temporary_file(out_dir));
    g_free(before);
    g_free(after);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
    tu_tmpdir_free(out_dir);
}
END_TEST

START_TEST(unwritable_output_is_exit_3_and_leaves_nothing)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    char *out = NULL, *err = NULL;
    /* --out names a file, not a folder. */
    tu_write(out_dir, "a-file", "x");
    char *file = g_build_filename(out_dir, "a-file", NULL);
    ck_assert_int_eq(run_report(dir, file, "nl", &out, &err), 3);
    ck_assert_msg(strstr(err, "a-file"), "%s", err);
    g_free(out);
    g_free(err);
    /* The report's own name is taken by a folder: the rename fails, nothing is left. */
    char *path = report_path(out_dir);
    ck_assert_int_eq(g_mkdir(path, 0755), 0);
    tu_write(path, "keep", "x");
    ck_assert_int_eq(run_report(dir, out_dir, "nl", &out, &err), 3);
    ck_assert_msg(strstr(err, "regiorapport: "), "%s", err);
    ck_assert(!has_temporary_file(out_dir));
    g_free(path);
    g_free(file);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
    tu_tmpdir_free(out_dir);
}
END_TEST

Suite *workbook_suite(void)
{
    Suite *s = suite_create("workbook");
    TCase *tc = tcase_create("read back");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, shipped_report_reads_back_right);
    tcase_add_test(tc, english_names_every_sheet_and_header);
    tcase_add_test(tc, hostile_texts_stay_text);
    tcase_add_test(tc, ssconvert_reads_every_sheet);
    tcase_add_test(tc, data_errors_write_nothing_and_keep_the_previous_report);
    tcase_add_test(tc, unwritable_output_is_exit_3_and_leaves_nothing);
    suite_add_tcase(s, tc);
    return s;
}

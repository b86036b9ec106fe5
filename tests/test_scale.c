/* test_scale.c - tables longer than an Excel sheet, and the synthetic national set.
 *
 * Excel holds 1,048,576 rows per sheet. Writing that many rows in a test would take
 * long, so the workbook writer reads RR_MAX_SHEET_ROWS (a test hook) and these tests
 * use a limit of 10 rows on a small generated set: every row must still be there,
 * spread over "Data", "Data (2)", ..., with a note saying where the table goes on.
 */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/testhooks.h"
#include "xlsx/sheet.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

#define AS_OF "2025-12-01"

/* Generates the synthetic set: `municipalities` x `actions` x `updates`. */
static void generate(const char *dir, const char *municipalities, const char *actions,
                     const char *updates)
{
    const char *argv[] = {"/usr/bin/python3", "scripts/synthetic-regions", dir, municipalities,
                          actions, updates, NULL};
    g_free(tu_spawn_output(argv));
}

/* What the Data and Acties tables hold over all their parts ("Data", "Data (2)", ...),
 * found by the header names `ref` (the action) and `date` (Data's report date). */
typedef struct {
    GHashTable *data;    /* "ref date" -> count */
    GHashTable *actions; /* ref -> count */
    guint data_rows, action_rows;
} readback;

static void count(GHashTable *t, const char *key)
{
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(t, key));
    g_hash_table_insert(t, g_strdup(key), GUINT_TO_POINTER(n + 1));
}

/* Whether `name` is `base` or one of its continuations "base (n)". */
static bool part_of(const char *name, const char *base)
{
    size_t n = strlen(base);
    return strncmp(name, base, n) == 0 && (name[n] == '\0' || g_str_has_prefix(name + n, " ("));
}

static readback read_back(const xf_book *book, const char *data_base, const char *actions_base,
                          const char *ref, const char *date)
{
    readback r = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                  g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), 0, 0};
    for (size_t i = 0; i < xf_sheet_count(book); i++) {
        const char *name = xf_sheet_at(book, i)->name;
        bool data = part_of(name, data_base), actions = part_of(name, actions_base);
        if (!data && !actions)
            continue;
        const xf_table *t = xf_table_get(book, name, ref);
        for (size_t k = 0; k < xf_row_count(t); k++) {
            const xf_row *row = xf_row_at(t, k);
            if (data) {
                gchar *key = g_strconcat(xf_value(t, row, ref), " ", xf_value(t, row, date), NULL);
                count(r.data, key);
                g_free(key);
                r.data_rows++;
            } else {
                count(r.actions, xf_value(t, row, ref));
                r.action_rows++;
            }
        }
    }
    return r;
}

static void free_readback(readback *r)
{
    g_hash_table_destroy(r->data);
    g_hash_table_destroy(r->actions);
}

/* Runs report with a sheet limit of `limit` rows; returns the workbook's path. */
static char *report_with_limit(const char *data, const char *out_dir, const char *limit,
                               const char *lang)
{
    if (limit)
        g_setenv("RR_MAX_SHEET_ROWS", limit, TRUE);
    else
        g_unsetenv("RR_MAX_SHEET_ROWS");
    const char *args[] = {"report", "--data", data, "--out", out_dir, "--as-of", AS_OF,
                          "--charts", "none", "--lang", lang, NULL};
    char *out = NULL, *err = NULL;
    int rc = tu_run(args, &out, &err);
    ck_assert_msg(rc == 0, "report exit %d:\n%s", rc, err);
    g_unsetenv("RR_MAX_SHEET_ROWS");
    g_free(out);
    g_free(err);
    return g_build_filename(out_dir, "regiorapport-" AS_OF ".xlsx", NULL);
}

/* The synthetic set of 2 municipalities x 5 actions x 3 reports, reported with a sheet
 * limit of `limit` rows (NULL: none) and read back. */
static xf_book *small_set_report(const char *limit, const char *lang)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "data", NULL);
    char *out_dir = g_build_filename(dir, "out", NULL);
    generate(data, "2", "5", "3");
    char *xlsx = report_with_limit(data, out_dir, limit, lang);
    xf_book *book = xf_read(xlsx);
    g_free(xlsx);
    g_free(out_dir);
    g_free(data);
    tu_tmpdir_free(dir);
    return book;
}

/* Every progress row of the set (2 municipalities x 5 actions x 3 reports = 30) is on
 * Data or a continuation, exactly once; each full part ends with a note naming the
 * next; the autofilter stops above the note. The same for Acties (10 actions). */
static void check_continuation(const char *lang, const char *data_name, const char *actions_name,
                               const char *note_word, const char *ref, const char *date)
{
    xf_book *book = small_set_report("10", lang);
    readback r = read_back(book, data_name, actions_name, ref, date);

    ck_assert_uint_eq(r.data_rows, 30);
    ck_assert_uint_eq(g_hash_table_size(r.data), 30); /* no row twice */
    ck_assert_uint_eq(r.action_rows, 10);
    ck_assert_uint_eq(g_hash_table_size(r.actions), 10);

    /* 8 table rows fit between the header (row 1) and the note (row 10): Data holds
     * 8, (2) 8, (3) 8, (4) 6. */
    const char *bases[] = {data_name, actions_name};
    const guint parts[] = {4, 2};
    for (int b = 0; b < 2; b++) {
        for (guint p = 1; p <= parts[b]; p++) {
            char name[40], next[40];
            if (p == 1)
                g_strlcpy(name, bases[b], sizeof name);
            else
                g_snprintf(name, sizeof name, "%s (%u)", bases[b], p);
            g_snprintf(next, sizeof next, "%s (%u)", bases[b], p + 1);
            const xf_sheet *f = xf_sheet_get(book, name);
            ck_assert_msg(f, "no sheet '%s' in %s", name, xf_sheet_names(book));
            if (p < parts[b]) {
                ck_assert_int_eq(f->max_row, 10);
                const char *note = xf_note(book, name, next);
                ck_assert_msg(note && strstr(note, note_word),
                              "%s has no note that it continues on %s", name, next);
                ck_assert_msg(g_str_has_suffix(f->autofilter, "9"), "autofilter of %s: %s",
                              name, f->autofilter);
            }
        }
        char after[40];
        g_snprintf(after, sizeof after, "%s (%u)", bases[b], parts[b] + 1);
        ck_assert_msg(!xf_sheet_get(book, after), "unexpected sheet '%s'", after);
    }
    free_readback(&r);
    xf_free(book);
}

START_TEST(data_and_actions_continue_on_further_sheets)
{
    check_continuation("nl", "Data", "Acties", "gaat verder op tabblad", "Actie",
                       "Datum melding");
}
END_TEST

START_TEST(english_continuation_sheets)
{
    check_continuation("en", "Data", "Actions", "continues on sheet", "Action", "Report date");
}
END_TEST

/* Without the hook nothing continues, and the limit is Excel's. */
START_TEST(default_limit_is_excels)
{
    g_unsetenv("RR_MAX_SHEET_ROWS");
    ck_assert_uint_eq(sheet_max_rows(), 1048576);
}
END_TEST

START_TEST(nonsense_limit_is_ignored)
{
    g_setenv("RR_MAX_SHEET_ROWS", "3", TRUE); /* too small to hold header, row and note */
    ck_assert_uint_eq(sheet_max_rows(), 1048576);
}
END_TEST

/* A hook's value counts only as a whole number in its range; anything else leaves the
 * default (base/testhooks.c). */
START_TEST(test_hook_values_out_of_range_are_ignored)
{
    static const struct {
        const char *text;
        uint64_t want;
    } cases[] = {{"12", 12}, {"4", 4}, {"100", 100}, {"3", 7},      {"101", 7},
                 {"12x", 7}, {"", 7},  {"-5", 7},    {" 12", 7},    {"99999999999999999999", 7}};
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_setenv("RR_CONSTANT_MEMORY_ROWS", cases[i].text, TRUE);
        ck_assert_msg(testhooks_value(TESTHOOK_CONSTANT_MEMORY_ROWS, 4, 100, 7) == cases[i].want,
                      "'%s'", cases[i].text);
    }
    g_unsetenv("RR_CONSTANT_MEMORY_ROWS");
    ck_assert_uint_eq(testhooks_value(TESTHOOK_CONSTANT_MEMORY_ROWS, 4, 100, 7), 7);
    ck_assert_str_eq(testhooks_name(TESTHOOK_MAX_SHEET_ROWS), "RR_MAX_SHEET_ROWS");
}
END_TEST

START_TEST(no_continuation_under_the_limit)
{
    xf_book *book = small_set_report(NULL, "nl");
    readback r = read_back(book, "Data", "Acties", "Actie", "Datum melding");
    ck_assert_uint_eq(r.data_rows, 30);
    ck_assert_ptr_null(xf_sheet_get(book, "Data (2)"));
    ck_assert_ptr_null(xf_sheet_get(book, "Acties (2)"));
    ck_assert_int_eq(xf_sheet_get(book, "Data")->max_row, 31);
    free_readback(&r);
    xf_free(book);
}
END_TEST

/* A large report is written in libxlsxwriter's constant-memory mode, where a row can
 * no longer be changed once the next one is started. Every sheet must still finish
 * without a libxlsxwriter error (a filter or a row height set on a row already
 * written is refused) and keep its filter. RR_CONSTANT_MEMORY_ROWS (a test hook)
 * lowers the threshold so that a small set takes that path. */
START_TEST(constant_memory_report_has_no_sheet_errors)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "data", NULL);
    generate(data, "12", "6", "3");
    g_setenv("RR_CONSTANT_MEMORY_ROWS", "10", TRUE); /* each test runs in its own process */
    tu_report *run = tu_report_ok(data, AS_OF, "nl");
    ck_assert_msg(!strstr(run->err, "waarschuwing: tabblad"), "a sheet reported an error:\n%s",
                  run->err);
    xf_book *book = xf_read(run->path);
    const char *filtered[] = {"Overzicht",   "Acties",   "Looptijden", "Verlengingen",
                              "Actielijnen", "Thema's",  "Inwoners",   "Begroting per jaar",
                              "Bronnen",     "Data"};
    for (size_t i = 0; i < G_N_ELEMENTS(filtered); i++) {
        const xf_sheet *sh = xf_sheet_get(book, filtered[i]);
        ck_assert_msg(sh && sh->autofilter[0], "%s has no filter", filtered[i]);
    }
    /* Each row is as high as its wrapped text (Overzicht's "Verandering" printed over
     * the rows below it): sized as it is written, before the next row flushes it. The
     * flat Data sheet is left at one line a row, for speed. */
    for (size_t i = 0; i < xf_sheet_count(book); i++) {
        const xf_sheet *sh = xf_sheet_at(book, i);
        if (strcmp(sh->name, "Data") != 0)
            ck_assert_msg(sh->rows_too_low == 0, "%s: %d rows lower than their text, from row %s",
                          sh->name, sh->rows_too_low, sh->first_low_row);
    }
    xf_free(book);
    tu_report_free(run);
    g_free(data);
    tu_tmpdir_free(dir);
}
END_TEST

/* Past 30 owners one panel each would be unreadable (and, at national scale, took
 * half a minute to draw): without regions in the trend the chart is skipped with a
 * note that sends the reader to the sheet. */
START_TEST(trend_chart_of_many_owners_is_skipped_with_a_note)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "data", NULL);
    generate(data, "32", "2", "3");
    const char *const extra[] = {"--charts", "svg", NULL};
    tu_report *run = tu_report_run(data, AS_OF, "nl", extra);
    ck_assert_msg(run->status == 0, "%s", run->err);
    /* On the terminal one line counts it; Controle says why. */
    ck_assert_msg(strstr(run->err, "grafieken overgeslagen); zie het tabblad Controle"),
                  "%s", run->err);
    xf_book *book = xf_read(run->path);
    const xf_table *checks = xf_table_get(book, "Controle", "Melding");
    ck_assert_ptr_nonnull(xf_find_containing(checks, "Melding",
                                             "grafiek overgeslagen: 32 eigenaren zijn te veel "
                                             "panelen"));
    xf_free(book);
    char *chart = g_build_filename(run->out_dir, "charts-" AS_OF, "verloop.svg", NULL);
    ck_assert_msg(!g_file_test(chart, G_FILE_TEST_EXISTS), "%s was drawn", chart);
    g_free(chart);
    tu_report_free(run);
    g_free(data);
    tu_tmpdir_free(dir);
}
END_TEST

/* Whether the chart folder of `run` holds `name`. */
static bool chart_exists(const tu_report *run, const char *name)
{
    char *path = g_build_filename(run->out_dir, "charts-" AS_OF, name, NULL);
    bool there = g_file_test(path, G_FILE_TEST_EXISTS);
    g_free(path);
    return there;
}

/* Past 40 owners: a status chart per region (one chart would be thousands of pixels
 * high), and past 40 plans a timeline per region; past 8 owners with a budget a budget
 * chart per region (the bars would be slivers); past 12 an indicator as its median and spread (a line per owner is a tangle);
 * every chart with its source line; on Grafieken, Overzicht's native charts a pair per
 * region; Overzicht printed at 65 % or more. */
START_TEST(many_owners_charts_per_region_and_as_spread)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "data", NULL);
    generate(data, "42", "1", "3");
    const char *const extra[] = {"--charts", "svg", NULL};
    tu_report *run = tu_report_run(data, AS_OF, "nl", extra);
    ck_assert_msg(run->status == 0, "%s", run->err);
    ck_assert_msg(!chart_exists(run, "status.svg"), "one status chart of 42 owners");
    ck_assert_msg(!chart_exists(run, "tijdlijn.svg"), "one timeline of every plan");
    ck_assert_msg(!chart_exists(run, "begroting.svg"), "one budget chart of 42 owners");
    size_t regions = 0, spread = 0, sources = 0, timelines = 0, budgets = 0;
    char *charts = g_build_filename(run->out_dir, "charts-" AS_OF, "data", NULL);
    GDir *d = g_dir_open(charts, 0, NULL);
    ck_assert_ptr_nonnull(d);
    for (const char *f; (f = g_dir_read_name(d));) {
        bool per_region = g_str_has_prefix(f, "status-") || g_str_has_prefix(f, "tijdlijn-") ||
                          g_str_has_prefix(f, "begroting-");
        if (per_region && g_str_has_suffix(f, ".meta.tsv")) {
            gchar *svg = g_strndup(f, strlen(f) - strlen(".meta.tsv"));
            gchar *name = g_strconcat(svg, ".svg", NULL);
            ck_assert_msg(chart_exists(run, name), "%s not drawn", name);
            regions += g_str_has_prefix(f, "status-");
            timelines += g_str_has_prefix(f, "tijdlijn-");
            budgets += g_str_has_prefix(f, "begroting-");
            g_free(name);
            g_free(svg);
        }
        spread += g_str_has_prefix(f, "cijfers-") && g_str_has_suffix(f, ".panels.tsv");
        if (g_str_has_suffix(f, ".source.tsv")) {
            gchar *path = g_build_filename(charts, f, NULL), *text = NULL;
            ck_assert(g_file_get_contents(path, &text, NULL, NULL));
            ck_assert_msg(g_str_has_prefix(text, "Bron: ") && strstr(text, data) &&
                              strstr(text, "01-12-2025"),
                          "%s: %s", f, text);
            sources++;
            g_free(text);
            g_free(path);
        }
    }
    g_dir_close(d);
    ck_assert_uint_gt(regions, 1);
    ck_assert_uint_eq(timelines, regions);
    ck_assert_uint_eq(budgets, regions);
    ck_assert_uint_gt(spread, 0);
    ck_assert_uint_ge(sources, regions + timelines + budgets + spread);
    xf_book *book = xf_read(run->path);
    const xf_sheet *summary = xf_sheet_get(book, "Overzicht");
    ck_assert_int_eq(summary->charts, 0);
    ck_assert_msg(summary->print_scale >= 65, "Overzicht prints at %d %%", summary->print_scale);
    /* Overzicht's counts as native charts too: a pair per region, as the chart folder. */
    const xf_sheet *grafieken = xf_sheet_get(book, "Grafieken");
    ck_assert_int_eq(grafieken->charts, 2 * (int)regions);
    ck_assert_int_eq(grafieken->overlaps, 0);
    /* Each pair says its region; with one action an owner the axis steps by whole
     * actions (a spreadsheet would choose 0.5). */
    for (size_t i = 0; i < xf_chart_count(book); i++) {
        const xf_chart *chart = xf_chart_at(book, i);
        ck_assert_msg(strchr(chart->title, ':'), "chart title without its region: %s",
                      chart->title);
        ck_assert_str_eq(chart->major_unit, "1");
    }
    xf_free(book);
    g_free(charts);
    tu_report_free(run);
    g_free(data);
    tu_tmpdir_free(dir);
}
END_TEST

/* The generator: valid data (0 errors), deterministic, every bron "synthetisch",
 * and it refuses to write into the shipped regions/. */
START_TEST(synthetic_set_is_valid_and_deterministic)
{
    char *dir = tu_mkdtemp();
    char *a = g_build_filename(dir, "a", NULL);
    char *b = g_build_filename(dir, "b", NULL);
    generate(a, "30", "4", "5");
    generate(b, "30", "4", "5");
    const char *args[] = {"validate", "--data", a, "--as-of", AS_OF, NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 0);
    ck_assert_msg(strstr(out, " 0 fouten") || g_str_has_prefix(out, "0 fouten") ||
                      strstr(out, "\n0 fouten"),
                  "validate:\n%s", out);
    g_free(out);
    g_free(err);

    /* Byte-identical, and bron is "synthetisch" in every file that has one. */
    const char *diff[] = {"/usr/bin/diff", "-r", a, b, NULL};
    ck_assert_msg(tu_spawn(diff, NULL, NULL) == 0, "two runs differ");
    const char *check[] = {
        "/usr/bin/python3", "-c",
        "import csv, glob, sys\n"
        "bad = 0\n"
        "files = glob.glob(sys.argv[1] + '/*/**/*.csv', recursive=True)\n"
        "for p in files:\n"
        "    for r in csv.DictReader(open(p, encoding='utf-8')):\n"
        "        if 'bron' in r and r['bron'] != 'synthetisch': bad += 1\n"
        "print(len(files), bad)\n",
        a, NULL};
    char *counts = tu_spawn_output(check);
    ck_assert_msg(g_str_has_suffix(g_strchomp(counts), " 0"), "rows with another bron: %s",
                  counts);
    ck_assert_msg(atoi(counts) > 100, "too few files: %s", counts);
    g_free(counts);

    const char *refuse[] = {"/usr/bin/python3", "scripts/synthetic-regions", "regions/x", "1",
                            NULL};
    ck_assert_msg(tu_spawn(refuse, NULL, NULL) == 2, "wrote into regions/");
    ck_assert(!g_file_test("regions/x", G_FILE_TEST_EXISTS));

    tu_rmtree(dir);
    g_free(a);
    g_free(b);
    g_free(dir);
}
END_TEST

Suite *scale_suite(void)
{
    Suite *s = suite_create("scale");
    TCase *tc = tcase_create("sheet limit");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, data_and_actions_continue_on_further_sheets);
    tcase_add_test(tc, english_continuation_sheets);
    tcase_add_test(tc, default_limit_is_excels);
    tcase_add_test(tc, constant_memory_report_has_no_sheet_errors);
    tcase_add_test(tc, trend_chart_of_many_owners_is_skipped_with_a_note);
    tcase_add_test(tc, many_owners_charts_per_region_and_as_spread);
    tcase_add_test(tc, nonsense_limit_is_ignored);
    tcase_add_test(tc, test_hook_values_out_of_range_are_ignored);
    tcase_add_test(tc, no_continuation_under_the_limit);
    suite_add_tcase(s, tc);
    TCase *gen = tcase_create("synthetic set");
    tcase_set_timeout(gen, 60);
    tcase_add_test(gen, synthetic_set_is_valid_and_deterministic);
    suite_add_tcase(s, gen);
    return s;
}

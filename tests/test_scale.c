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

#include "xlsx/sheet.h"
#include "suites.h"
#include "testutil.h"

#define AS_OF "2025-12-01"

/* Generates the synthetic set: `municipalities` x `actions` x `updates`. */
static void generate(const char *dir, const char *municipalities, const char *actions,
                     const char *updates)
{
    const char *argv[] = {"/usr/bin/python3", "scripts/synthetic-regions", dir, municipalities,
                          actions, updates, NULL};
    g_free(tu_spawn_output(argv));
}

/* Reads a workbook back with openpyxl: per sheet "sheet<TAB>name<TAB>max_row<TAB>
 * autofilter<TAB>text of A<max_row>", then per Data row "data<TAB>action<TAB>date"
 * and per Acties row "action<TAB>ref" (from every part of the table). */
static const char READER[] =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "for ws in wb.worksheets:\n"
    "    last = ws.cell(ws.max_row, 1).value\n"
    "    print('sheet', ws.title, ws.max_row, ws.auto_filter.ref, last, sep='\\t')\n"
    "    base = ws.title.split(' (')[0]\n"
    "    if base in ('Data', 'Acties', 'Actions'):\n"
    "        head = [c.value for c in ws[1]]\n"
    "        ref = head.index('Actie' if 'Actie' in head else 'Action')\n"
    "        for row in ws.iter_rows(min_row=2, values_only=True):\n"
    "            if row[ref] is None:\n"
    "                continue\n"
    "            if base == 'Data':\n"
    "                d = row[11]\n"
    "                print('data', row[ref], d.date().isoformat() if d else '', sep='\\t')\n"
    "            else:\n"
    "                print('action', row[ref], sep='\\t')\n";

typedef struct {
    GPtrArray *sheets;   /* gchar** {"sheet", name, max_row, filter, last} */
    GHashTable *data;    /* "ref date" -> count */
    GHashTable *actions; /* ref -> count */
    guint data_rows, action_rows;
} readback;

static void count(GHashTable *t, const char *key)
{
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(t, key));
    g_hash_table_insert(t, g_strdup(key), GUINT_TO_POINTER(n + 1));
}

static readback read_back(const char *xlsx)
{
    /* Needs python3-openpyxl for Debian's /usr/bin/python3. */
    const char *argv[] = {"/usr/bin/python3", "-c", READER, xlsx, NULL};
    char *out = tu_spawn_output(argv);
    readback r = {g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev),
                  g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                  g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), 0, 0};
    gchar **lines = g_strsplit(out, "\n", -1);
    for (gchar **l = lines; *l; l++) {
        gchar **f = g_strsplit(*l, "\t", -1);
        if (f[0] && strcmp(f[0], "sheet") == 0 && g_strv_length(f) == 5) {
            g_ptr_array_add(r.sheets, f);
            continue;
        }
        if (f[0] && strcmp(f[0], "data") == 0 && f[1] && f[2]) {
            gchar *key = g_strconcat(f[1], " ", f[2], NULL);
            count(r.data, key);
            g_free(key);
            r.data_rows++;
        } else if (f[0] && strcmp(f[0], "action") == 0 && f[1]) {
            count(r.actions, f[1]);
            r.action_rows++;
        }
        g_strfreev(f);
    }
    g_strfreev(lines);
    g_free(out);
    return r;
}

static void free_readback(readback *r)
{
    g_ptr_array_free(r->sheets, TRUE);
    g_hash_table_destroy(r->data);
    g_hash_table_destroy(r->actions);
}

/* The sheet fact of `name`, or NULL. */
static gchar **sheet_fact(const readback *r, const char *name)
{
    for (guint i = 0; i < r->sheets->len; i++) {
        gchar **f = g_ptr_array_index(r->sheets, i);
        if (strcmp(f[1], name) == 0)
            return f;
    }
    return NULL;
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

/* Every progress row of the set (2 municipalities x 5 actions x 3 reports = 30) is on
 * Data or a continuation, exactly once; each full part ends with a note naming the
 * next; the autofilter stops above the note. The same for Acties (10 actions). */
static void check_continuation(const char *lang, const char *data_name, const char *actions_name,
                               const char *note_word)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "data", NULL);
    char *out_dir = g_build_filename(dir, "out", NULL);
    generate(data, "2", "5", "3");
    char *xlsx = report_with_limit(data, out_dir, "10", lang);
    readback r = read_back(xlsx);

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
            gchar **f = sheet_fact(&r, name);
            ck_assert_msg(f, "no sheet '%s'", name);
            if (p < parts[b]) {
                ck_assert_str_eq(f[2], "10");
                ck_assert_msg(strstr(f[4], next) && strstr(f[4], note_word),
                              "last row of %s does not say where it continues: %s", name, f[4]);
                ck_assert_msg(g_str_has_suffix(f[3], "9"), "autofilter of %s: %s", name, f[3]);
            }
        }
        char after[40];
        g_snprintf(after, sizeof after, "%s (%u)", bases[b], parts[b] + 1);
        ck_assert_msg(!sheet_fact(&r, after), "unexpected sheet '%s'", after);
    }
    free_readback(&r);
    g_free(xlsx);
    tu_rmtree(dir);
    g_free(out_dir);
    g_free(data);
    g_free(dir);
}

START_TEST(data_and_actions_continue_on_further_sheets)
{
    check_continuation("nl", "Data", "Acties", "gaat verder op tabblad");
}
END_TEST

START_TEST(english_continuation_sheets)
{
    check_continuation("en", "Data", "Actions", "continues on sheet");
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

START_TEST(no_continuation_under_the_limit)
{
    char *dir = tu_mkdtemp();
    char *data = g_build_filename(dir, "data", NULL);
    char *out_dir = g_build_filename(dir, "out", NULL);
    generate(data, "2", "5", "3");
    char *xlsx = report_with_limit(data, out_dir, NULL, "nl");
    readback r = read_back(xlsx);
    ck_assert_uint_eq(r.data_rows, 30);
    ck_assert_ptr_null(sheet_fact(&r, "Data (2)"));
    ck_assert_ptr_null(sheet_fact(&r, "Acties (2)"));
    ck_assert_str_eq(sheet_fact(&r, "Data")[2], "31");
    free_readback(&r);
    g_free(xlsx);
    tu_rmtree(dir);
    g_free(out_dir);
    g_free(data);
    g_free(dir);
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
    tcase_add_test(tc, nonsense_limit_is_ignored);
    tcase_add_test(tc, no_continuation_under_the_limit);
    suite_add_tcase(s, tc);
    TCase *gen = tcase_create("synthetic set");
    tcase_set_timeout(gen, 60);
    tcase_add_test(gen, synthetic_set_is_valid_and_deterministic);
    suite_add_tcase(s, gen);
    return s;
}

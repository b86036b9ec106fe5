/* test_template.c - `regiorapport template`: the form, its CSV, and the way back in. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "xlsx/sheet.h"
#include "xlsx/template.h"
#include "testutil.h"

/* The sheet layer refuses a drop-down list libxlsxwriter 1.1.4 would write wrongly:
 * then the form falls back to the ASCII status codes. */
START_TEST(drop_down_list_must_be_plain_ascii)
{
    const char *fine[] = {"gepland", "on hold", NULL};
    const char *comma[] = {"a,b", NULL};
    const char *quote[] = {"a\"b", NULL};
    const char *accent[] = {"geëvalueerd", NULL};
    char *long_item = g_strnfill(254, 'x');
    const char *too_long[] = {long_item, NULL};
    const char *just_fits[] = {"x", NULL};
    ck_assert(sheet_list_is_safe(fine));
    ck_assert(sheet_list_is_safe(just_fits));
    ck_assert(!sheet_list_is_safe(comma));
    ck_assert(!sheet_list_is_safe(quote));
    ck_assert(!sheet_list_is_safe(accent));
    ck_assert(!sheet_list_is_safe(too_long));
    long_item[253] = '\0'; /* 253 bytes and a comma: 254, under the limit */
    ck_assert(sheet_list_is_safe(too_long));
    g_free(long_item);
}
END_TEST

Suite *template_suite(void);

#define PYTHON "/usr/bin/python3"
#define FORM_CSV "voortgang-gemeente-b-2023-01-15.csv"
#define FORM_XLSX "voortgang-gemeente-b-2023-01-15.xlsx"
#define BOM "\xEF\xBB\xBF"

/* ---- helpers ------------------------------------------------------------------ */

/* Runs the binary; checks the exit status and returns stdout (stderr in *err if wanted). */
static char *run_ok(int expected_exit, const char *const *args, char **err_out)
{
    char *out = NULL, *err = NULL;
    int status = tu_run(args, &out, &err);
    ck_assert_msg(status == expected_exit, "%s exited %d, expected %d\nstdout:\n%s\nstderr:\n%s",
                  args[0], status, expected_exit, out, err);
    if (err_out)
        *err_out = err;
    else
        g_free(err);
    return out;
}

/* Writes the form of gemeente-b for 2023-01-15 from `data` into `out`. */
static void make_form(const char *data, const char *out, const char *lang)
{
    const char *args[] = {"template", "--data", data, "--out", out, "--as-of", "2023-01-15",
                          "--lang", lang, "gemeente-b", NULL};
    char *printed = run_ok(0, args, NULL);
    char *want = g_strdup_printf("%s/%s\n%s/%s\n", out, FORM_XLSX, out, FORM_CSV);
    ck_assert_str_eq(printed, want);
    g_free(want);
    g_free(printed);
}

/* The contents of dir/name. */
static char *read_text(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL);
    char *text = NULL;
    ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL), "cannot read %s", path);
    g_free(path);
    return text;
}

/* The 1-based line of the CSV row whose actie_id is `id`; 0 if none. */
static int line_of(const char *csv, const char *id)
{
    char **lines = g_strsplit(csv, "\r\n", -1);
    int found = 0;
    for (int i = 0; lines[i] && !found; i++)
        if (g_str_has_prefix(lines[i], id) && lines[i][strlen(id)] == ';')
            found = i + 1;
    g_strfreev(lines);
    return found;
}

/* The CSV with the row of `id` filled in as a user would: datum, status and note in
 * their columns, actie_id and bron kept. Other rows stay unfilled. */
static char *fill_row(const char *csv, const char *id, const char *datum, const char *status,
                      const char *note)
{
    char **lines = g_strsplit(csv, "\r\n", -1);
    GString *s = g_string_new(NULL);
    for (int i = 0; lines[i]; i++) {
        if (g_str_has_prefix(lines[i], id) && lines[i][strlen(id)] == ';')
            g_string_append_printf(s, "%s;%s;%s;%s;%s", id, datum, status, note,
                                   strrchr(lines[i], ';') + 1);
        else
            g_string_append(s, lines[i]);
        if (lines[i + 1])
            g_string_append(s, "\r\n");
    }
    g_strfreev(lines);
    return g_string_free(s, FALSE);
}

/* Whether the folder holds exactly the names given (NULL-terminated), nothing else. */
static bool folder_holds(const char *dir, const char *const *names)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return names[0] == NULL;
    size_t count = 0, wanted = 0;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        bool ok = false;
        for (size_t i = 0; names[i]; i++)
            ok |= strcmp(name, names[i]) == 0;
        if (!ok) {
            g_dir_close(d);
            return false;
        }
        count++;
    }
    g_dir_close(d);
    while (names[wanted])
        wanted++;
    return count == wanted;
}

/* Whether Debian's python has openpyxl; says so once when it has not. */
static bool have_openpyxl(void)
{
    const char *argv[] = {PYTHON, "-c", "import openpyxl", NULL};
    if (tu_spawn(argv, NULL, NULL) == 0)
        return true;
    fprintf(stderr, "SKIP: %s lacks openpyxl (apt install python3-openpyxl): the workbook is "
                    "not read back\n", PYTHON);
    return false;
}

/* Runs a python script with arguments; returns its stdout, checking it exited 0. */
static char *run_python(const char *script, const char *a1, const char *a2, const char *a3)
{
    const char *argv[] = {PYTHON, "-c", script, a1, a2, a3, NULL};
    return tu_spawn_output(argv);
}

/* Facts about a form workbook, one per line, tab-separated. */
static const char xlsx_facts_py[] =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "ws = wb.worksheets[1]\n"
    "print('sheets\\t' + ','.join(wb.sheetnames))\n"
    "print('header\\t' + ','.join(str(c.value) for c in ws[1]))\n"
    "print('layout\\t%s\\t%s\\t%s\\t%s' % (ws.freeze_panes, ws.auto_filter.ref,\n"
    "      ws.page_setup.orientation, ws.page_setup.paperSize))\n"
    "for dv in ws.data_validations.dataValidation:\n"
    "    print('validation\\t%s\\t%s\\t%s' % (dv.type, dv.sqref, dv.formula1))\n"
    "for row in ws.iter_rows(min_row=2):\n"
    "    print('row\\t' + '\\t'.join('%s:%s' % (c.data_type, '' if c.value is None else c.value)\n"
    "          for c in row[:4]))\n"
    "for w in wb.worksheets:\n"
    "    print('print\\t%s\\t%s\\t%s\\t%s\\t%s' % (w.title, w.page_setup.orientation,\n"
    "          w.oddFooter.left.text, w.oddFooter.center.text, w.oddFooter.right.text))\n"
    "print('fills\\t%s\\t%s\\t%s' % (ws['A1'].fill.fgColor.rgb, ws['G1'].fill.fgColor.rgb,\n"
    "      ws['G2'].fill.fgColor.rgb))\n"
    "f = sum(1 for w in wb.worksheets for r in w.iter_rows() for c in r if c.data_type == 'f')\n"
    "print('formulas\\t%d' % f)\n";

/* The Voortgang sheet saved as CSV the way Excel does (';', dates as dd-mm-yyyy,
 * UTF-8 with BOM), with the first action filled in: argv xlsx, csv, status. */
static const char save_as_csv_py[] =
    "import sys, csv, datetime, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[1]\n"
    "rows = [[c.value for c in r] for r in ws.iter_rows()]\n"
    "rows[1][6] = datetime.datetime(2023, 1, 10)\n"
    "rows[1][7] = sys.argv[3]\n"
    "rows[1][8] = 'via Excel'\n"
    "def text(v):\n"
    "    if v is None: return ''\n"
    "    if isinstance(v, datetime.datetime): return v.strftime('%d-%m-%Y')\n"
    "    return str(v)\n"
    "with open(sys.argv[2], 'w', encoding='utf-8-sig', newline='') as f:\n"
    "    w = csv.writer(f, delimiter=';', lineterminator='\\r\\n')\n"
    "    for r in rows: w.writerow([text(v) for v in r])\n";

/* ---- CSV fields ------------------------------------------------------------------- */

typedef struct {
    const char *value;
    const char *field;
} field_case;

static const field_case field_cases[] = {
    {"1.1", "1.1"},
    {"", ""},
    {"3.2.2-b", "3.2.2-b"},
    {"a;b", "\"a;b\""},
    {"a,b", "\"a,b\""},
    {"zie \"notitie\"", "\"zie \"\"notitie\"\"\""},
    {"regel 1\nregel 2", "\"regel 1\nregel 2\""},
    {" spatie", "\" spatie\""},
    {"spatie ", "\"spatie \""},
    {"=HYPERLINK(\"http://x.example\",\"klik\")",
     "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klik\"\")\""},
    {"=1+1", "\"'=1+1\""},
    {"+31 6 1234", "\"'+31 6 1234\""},
    {"-2+3", "\"'-2+3\""},
    {"@SUM(A1:A2)", "\"'@SUM(A1:A2)\""},
    {"\t=1", "\"'\t=1\""},
    {"\r=1", "\"'\r=1\""},
    {"\n=1", "\"'\n=1\""},
    {"a=1", "a=1"},
};

START_TEST(csv_field_quoting_and_formula_protection)
{
    const field_case *c = &field_cases[_i];
    char *got = template_csv_field(c->value);
    ck_assert_msg(strcmp(got, c->field) == 0, "case %d: got [%s], want [%s]", _i, got, c->field);
    g_free(got);
}
END_TEST

/* ---- the round trip -------------------------------------------------------------- */

/* Checks the workbook's sheets, header, drop-down and layout through openpyxl. */
static void check_form_workbook(const char *out_dir, bool english)
{
    if (!have_openpyxl())
        return;
    char *path = g_build_filename(out_dir, FORM_XLSX, NULL);
    char *facts = run_python(xlsx_facts_py, path, NULL, NULL);
    const char *want[] = {
        english ? "sheets\tInstructions,Progress\n" : "sheets\tInstructie,Voortgang\n",
        english ? "header\tactie_id,title,deadline,current status,last update,last note,datum,"
                  "status,toelichting,bron\n"
                : "header\tactie_id,titel,deadline,huidige status,laatste update,laatste "
                  "toelichting,datum,status,toelichting,bron\n",
        "layout\tC2\tA1:J3\tlandscape\t9\n",
        english ? "validation\tlist\tH2:H3\t\"planned,in progress,ongoing,done,delayed,on hold,"
                  "cancelled\"\n"
                : "validation\tlist\tH2:H3\t\"gepland,lopend,doorlopend,afgerond,vertraagd,"
                  "aangehouden,vervallen\"\n",
        "validation\tdate\tG2:G3\t",
        /* The report's sheet layer: the same footer and header colour as the report's
         * sheets, the instructions printed upright, the input columns yellow. */
        english ? "print\tInstructions\tportrait\tInstructions\tStatus as of 15-01-2023\tPage "
                  "&P / &N\n"
                : "print\tInstructie\tportrait\tInstructie\tStand per 15-01-2023\tPagina "
                  "&P / &N\n",
        english ? "print\tProgress\tlandscape\tProgress\tStatus as of 15-01-2023\tPage &P / &N\n"
                : "print\tVoortgang\tlandscape\tVoortgang\tStand per 15-01-2023\tPagina "
                  "&P / &N\n",
        "fills\tFFD9E1F2\tFFFFD966\tFFFFF2CC\n",
        english ? "row\ts:1.1\ts:Training\td:2022-11-30 00:00:00\ts:in progress\n"
                : "row\ts:1.1\ts:Training\td:2022-11-30 00:00:00\ts:lopend\n",
        "row\ts:1.2\ts:Voorlichting\ts:doorlopend\ts:",
        "formulas\t0\n",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        ck_assert_msg(strstr(facts, want[i]), "workbook lacks [%s]:\n%s", want[i], facts);
    g_free(facts);
    g_free(path);
}

START_TEST(round_trip_through_the_csv)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    make_form(data, out, "nl");
    check_form_workbook(out, false);

    char *csv = read_text(out, FORM_CSV);
    ck_assert_msg(g_str_has_prefix(csv, BOM "actie_id;datum;status;toelichting;bron\r\n"
                                         "1.1;;;;voortgangsformulier gemeente-b 2023-01-15\r\n"
                                         "1.2;;;;voortgangsformulier gemeente-b 2023-01-15\r\n"),
                  "%s", csv);
    /* The unfilled form in the folder changes nothing. */
    tu_write(data, "regio-a/gemeente-b/" FORM_CSV, csv);
    const char *validate[] = {"validate", "--data", data, "--as-of", "2023-01-15", NULL};
    g_free(run_ok(0, validate, NULL));

    char *filled = fill_row(csv, "1.2", "2023-01-10", "vertraagd",
                            "\"wacht op budget; zie \"\"notitie\"\"\"");
    tu_write(data, "regio-a/gemeente-b/" FORM_CSV, filled);
    char *report = run_ok(0, validate, NULL);
    ck_assert_msg(strstr(report, "0 fouten"), "%s", report);
    const char *status[] = {"status", "--data", data, "--as-of", "2023-01-15", NULL};
    char *summary = run_ok(0, status, NULL);
    const char *red = strstr(summary, "gemeente-b/1.2");
    ck_assert_msg(red && strstr(red, "vertraagd"), "the new status is not shown:\n%s", summary);

    g_free(summary);
    g_free(report);
    g_free(filled);
    g_free(csv);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

START_TEST(english_form)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    make_form(data, out, "en");
    char *csv = read_text(out, FORM_CSV);
    ck_assert_msg(strstr(csv, "\r\n1.1;;;;progress form gemeente-b 2023-01-15\r\n"), "%s", csv);
    check_form_workbook(out, true);
    g_free(csv);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

START_TEST(half_filled_row_is_an_error_at_its_line)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    make_form(data, out, "nl");
    char *csv = read_text(out, FORM_CSV);
    char *filled = fill_row(csv, "1.2", "2023-01-10", "", "");
    tu_write(data, "regio-a/gemeente-b/" FORM_CSV, filled);
    const char *validate[] = {"validate", "--data", data, "--as-of", "2023-01-15", NULL};
    char *report = run_ok(1, validate, NULL);
    char *where = g_strdup_printf(FORM_CSV ":%d:", line_of(csv, "1.2"));
    ck_assert_msg(line_of(csv, "1.2") == 3 && strstr(report, where), "no error at %s:\n%s", where,
                  report);
    ck_assert_msg(strstr(report, "'status' is leeg"), "%s", report);
    g_free(where);
    g_free(report);
    g_free(filled);
    g_free(csv);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

START_TEST(workbook_saved_as_csv_is_read_with_warnings)
{
    if (!have_openpyxl())
        return;
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    make_form(data, out, "nl");
    char *xlsx = g_build_filename(out, FORM_XLSX, NULL);
    char *dest = g_build_filename(data, "regio-a", "gemeente-b", FORM_CSV, NULL);
    g_free(run_python(save_as_csv_py, xlsx, dest, "afgerond"));
    const char *validate[] = {"validate", "--data", data, "--as-of", "2023-01-15", NULL};
    char *report = run_ok(0, validate, NULL);
    ck_assert_msg(strstr(report, "onbekende kolom 'titel'"), "%s", report);
    const char *status[] = {"status", "--data", data, "--as-of", "2023-01-15", NULL};
    char *summary = run_ok(0, status, NULL);
    /* 1.1 was overdue (najaar 2022) and is now done: no longer red. */
    ck_assert_msg(!strstr(summary, "gemeente-b/1.1"), "%s", summary);
    g_free(summary);
    g_free(report);
    g_free(dest);
    g_free(xlsx);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* ---- formula protection ------------------------------------------------------------ */

START_TEST(formulas_in_the_data_stay_text)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    tu_write(data, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "1.1,lp,,,\"=HYPERLINK(\"\"http://x.example\"\",\"\"klik\"\")\",,najaar 2022,,,t\n"
             "1.2,rv,,,+31 6 1234,,doorlopend,,,t\n"
             "-3,lp,,,-2+3,,2023,,,t\n"
             "@4,lp,,,@SUM(A1:A2),,2023,,,t\n");
    make_form(data, out, "nl");
    char *csv = read_text(out, FORM_CSV);
    ck_assert_msg(strstr(csv, "\r\n\"'-3\";;;;voortgangsformulier") &&
                      strstr(csv, "\r\n\"'@4\";;;;voortgangsformulier") &&
                      strstr(csv, "\r\n1.1;;;;"),
                  "%s", csv);
    char **lines = g_strsplit(csv, "\r\n", -1);
    for (int i = 0; lines[i]; i++)
        ck_assert_msg(!strchr("=+-@", lines[i][0]) || lines[i][0] == '\0', "line %d: %s", i + 1,
                      lines[i]);
    g_strfreev(lines);
    if (have_openpyxl()) {
        char *path = g_build_filename(out, FORM_XLSX, NULL);
        char *facts = run_python(xlsx_facts_py, path, NULL, NULL);
        const char *want[] = {
            "row\ts:1.1\ts:=HYPERLINK(\"http://x.example\",\"klik\")\t",
            "row\ts:1.2\ts:+31 6 1234\t",
            "row\ts:-3\ts:-2+3\t",
            "row\ts:@4\ts:@SUM(A1:A2)\t",
            "formulas\t0\n",
        };
        for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
            ck_assert_msg(strstr(facts, want[i]), "workbook lacks [%s]:\n%s", want[i], facts);
        g_free(facts);
        g_free(path);
    }
    g_free(csv);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* ---- errors ---------------------------------------------------------------------- */

START_TEST(unknown_owner_is_a_usage_error)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    const char *args[] = {"template", "--data", data, "--out", out, "gemeente-x", NULL};
    char *err = NULL;
    char *printed = run_ok(2, args, &err);
    ck_assert_msg(strstr(err, "'gemeente-x'") && strstr(err, "regio-a, gemeente-b"), "%s", err);
    ck_assert_str_eq(printed, "");
    const char *none[] = {NULL};
    ck_assert(folder_holds(out, none));
    g_free(err);
    g_free(printed);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

START_TEST(data_errors_write_nothing)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    tu_write(data, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n1.1,2022-12-20,klaar,,\n");
    char *dest = g_build_filename(out, "new", NULL);
    const char *args[] = {"template", "--data", data, "--out", dest, "gemeente-b", NULL};
    char *err = NULL;
    g_free(run_ok(1, args, &err));
    ck_assert_msg(strstr(err, "voortgang.csv:2:"), "%s", err);
    ck_assert(!g_file_test(dest, G_FILE_TEST_EXISTS));
    g_free(err);
    g_free(dest);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* Where the output is blocked, and what the folder holds afterwards. */
typedef struct {
    const char *name;
    const char *blocker;   /* a folder made in --out at this name, or NULL */
    bool out_is_file;      /* --out names a regular file */
} write_case;

static const write_case write_cases[] = {
    {"--out is a file", NULL, true},
    {"the xlsx cannot be put in place", FORM_XLSX, false},
    {"the csv cannot be put in place", FORM_CSV, false},
};

START_TEST(write_failure_leaves_neither_file)
{
    const write_case *c = &write_cases[_i];
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    char *dest = c->out_is_file ? g_build_filename(out, "file", NULL) : g_strdup(out);
    if (c->out_is_file)
        tu_write(out, "file", "x");
    if (c->blocker) { /* a folder: nothing can be renamed onto it */
        char *path = g_build_filename(out, c->blocker, NULL);
        ck_assert_int_eq(g_mkdir(path, 0755), 0);
        g_free(path);
    }
    const char *args[] = {"template", "--data", data, "--out", dest, "--as-of", "2023-01-15",
                          "gemeente-b", NULL};
    char *err = NULL;
    char *printed = run_ok(3, args, &err);
    ck_assert_msg(strstr(err, "regiorapport"), "%s: %s", c->name, err);
    ck_assert_str_eq(printed, "");
    const char *left[] = {c->out_is_file ? "file" : c->blocker, NULL};
    ck_assert_msg(folder_holds(out, left), "%s: files left behind in %s", c->name, out);
    g_free(err);
    g_free(printed);
    g_free(dest);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

START_TEST(region_without_actions_gets_an_empty_form)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    const char *args[] = {"template", "--data", data, "--out", out, "--as-of", "2023-01-15",
                          "regio-a", NULL};
    char *err = NULL;
    g_free(run_ok(0, args, &err));
    ck_assert_msg(strstr(err, "regio-a heeft geen acties"), "%s", err);
    char *csv = read_text(out, "voortgang-regio-a-2023-01-15.csv");
    ck_assert_str_eq(csv, BOM "actie_id;datum;status;toelichting;bron\r\n");
    g_free(csv);
    g_free(err);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

START_TEST(help_and_missing_argument)
{
    const char *help[] = {"template", "--help", NULL};
    const char *missing[] = {"template", NULL};
    char *err = NULL;
    char *printed = run_ok(0, help, NULL);
    ck_assert_msg(strstr(printed, "Gebruik: regiorapport template"), "%s", printed);
    g_free(printed);
    g_free(run_ok(2, missing, &err));
    ck_assert_msg(strstr(err, "argument ontbreekt"), "%s", err);
    g_free(err);
}
END_TEST

Suite *template_suite(void)
{
    Suite *s = suite_create("template");
    TCase *tc = tcase_create("form");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, csv_field_quoting_and_formula_protection, 0,
                        G_N_ELEMENTS(field_cases));
    tcase_add_test(tc, round_trip_through_the_csv);
    tcase_add_test(tc, english_form);
    tcase_add_test(tc, half_filled_row_is_an_error_at_its_line);
    tcase_add_test(tc, workbook_saved_as_csv_is_read_with_warnings);
    tcase_add_test(tc, formulas_in_the_data_stay_text);
    tcase_add_test(tc, unknown_owner_is_a_usage_error);
    tcase_add_test(tc, data_errors_write_nothing);
    tcase_add_loop_test(tc, write_failure_leaves_neither_file, 0, G_N_ELEMENTS(write_cases));
    tcase_add_test(tc, region_without_actions_gets_an_empty_form);
    tcase_add_test(tc, help_and_missing_argument);
    tcase_add_test(tc, drop_down_list_must_be_plain_ascii);
    suite_add_tcase(s, tc);
    return s;
}

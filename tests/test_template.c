/* test_template.c - `regiorapport template`: the form, its CSV, and the way back in. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "base/i18n.h"
#include "xlsx/sheet.h"
#include "xlsx/template.h"
#include "testutil.h"
#include "xlsx_facts.h"

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

#define FORM_CSV "voortgang-gemeente-b-2023-01-15.csv"
#define FORM_XLSX "voortgang-gemeente-b-2023-01-15.xlsx"
#define BOM "\xEF\xBB\xBF"

/* ---- helpers ------------------------------------------------------------------ */

/* The "form" tests' folders: the valid tree and an empty output folder, made anew for
 * each test (a checked fixture runs in the test's own process). */
static tu_dirs dirs;

static void dirs_setup(void)
{
    dirs = tu_valid_dirs();
}

static void dirs_teardown(void)
{
    tu_dirs_free(&dirs);
}

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

/* Runs `template --data data --out out --as-of 2023-01-15 --lang lang owner`, checks
 * its exit status and returns its stdout (stderr in *err if wanted). */
static char *run_template(int expected_exit, const char *data, const char *out,
                          const char *lang, const char *owner, char **err)
{
    const char *args[] = {"template", "--data", data, "--out", out, "--as-of", "2023-01-15",
                          "--lang", lang, owner, NULL};
    return run_ok(expected_exit, args, err);
}

/* Runs `command --data data --as-of 2023-01-15` (validate, status), checks its exit
 * status and returns its stdout. */
static char *run_on(int expected_exit, const char *command, const char *data)
{
    const char *args[] = {command, "--data", data, "--as-of", "2023-01-15", NULL};
    return run_ok(expected_exit, args, NULL);
}

/* Writes the form of gemeente-b for 2023-01-15 from `data` into `out`. */
static void make_form(const char *data, const char *out, const char *lang)
{
    char *printed = run_template(0, data, out, lang, "gemeente-b", NULL);
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
        if (g_str_has_prefix(lines[i], id) && lines[i][strlen(id)] == ';') {
            /* keep actie_id and the six context columns (no ';' inside in these
             * fixtures), fill datum, status and toelichting, keep bron */
            char **fields = g_strsplit(lines[i], ";", -1);
            ck_assert_uint_eq(g_strv_length(fields), 10);
            for (int f = 0; f < 6; f++)
                g_string_append_printf(s, "%s;", fields[f]);
            g_string_append_printf(s, "%s;%s;%s;%s", datum, status, note, fields[9]);
            g_strfreev(fields);
        } else
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

/* The form of gemeente-b read back (tests/xlsx_facts.h); xf_free. */
static xf_book *read_form(const char *out_dir)
{
    char *path = g_build_filename(out_dir, FORM_XLSX, NULL);
    xf_book *book = xf_read(path);
    g_free(path);
    return book;
}

/* The Voortgang (Progress) sheet's table. */
static const xf_table *progress_table(const xf_book *book, bool english)
{
    return xf_table_get(book, english ? "Progress" : "Voortgang", "actie_id");
}

/* A CSV field as Excel writes it with ';': quoted when it holds ';', '"' or a line end. */
static void append_excel_field(GString *s, const char *value)
{
    if (!strpbrk(value, ";\"\r\n")) {
        g_string_append(s, value);
        return;
    }
    g_string_append_c(s, '"');
    for (const char *p = value; *p; p++) {
        if (*p == '"')
            g_string_append_c(s, '"');
        g_string_append_c(s, *p);
    }
    g_string_append_c(s, '"');
}

/* The form's Voortgang sheet saved as CSV the way Excel does (';', dates as dd-mm-yyyy,
 * UTF-8 with BOM, CRLF), with the first action filled in: datum 10-01-2023, `status`
 * and a note. */
static char *save_as_csv(const xf_book *book, const char *status)
{
    const xf_table *t = progress_table(book, false);
    int datum = xf_column(t, "datum"), state = xf_column(t, "status");
    int note = xf_column(t, "toelichting");
    GString *s = g_string_new(BOM);
    for (int c = 0; t->names[c]; c++) {
        if (c)
            g_string_append_c(s, ';');
        append_excel_field(s, t->names[c]);
    }
    g_string_append(s, "\r\n");
    for (size_t r = 0; r < xf_row_count(t); r++) {
        const xf_row *row = xf_row_at(t, r);
        for (int c = 0; t->names[c]; c++) {
            xf_cell cell = xf_cell_at(row, (size_t)c);
            const char *value = cell.value;
            char day[16] = "";
            if (cell.type == 'd' && strlen(value) >= 10) /* YYYY-MM-DD -> dd-mm-yyyy */
                g_snprintf(day, sizeof day, "%.2s-%.2s-%.4s", value + 8, value + 5, value);
            if (r == 0 && c == datum)
                value = "10-01-2023";
            else if (r == 0 && c == state)
                value = status;
            else if (r == 0 && c == note)
                value = "via Excel";
            else if (day[0])
                value = day;
            if (c)
                g_string_append_c(s, ';');
            append_excel_field(s, value);
        }
        g_string_append(s, "\r\n");
    }
    return g_string_free(s, FALSE);
}

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

/* The column letter of a 0-based column index (A..Z are enough for the form). */
static char column_letter(int column)
{
    ck_assert_int_lt(column, 26);
    return (char)('A' + column);
}

/* The form's layout: the filter over the table, the header frozen, A4 landscape, the
 * report's footers and colours, the drop-downs of the status and date columns. */
static void check_form_layout(const xf_book *book, const xf_table *t, bool english)
{
    const xf_sheet *form = xf_sheet_get(book, english ? "Progress" : "Voortgang");
    char filter[16];
    g_snprintf(filter, sizeof filter, "A%ld:%c%ld", t->header_row,
               column_letter((int)g_strv_length(t->header) - 1), t->header_row + 2);
    ck_assert_str_eq(form->autofilter, filter);
    ck_assert_int_eq(atol(form->freeze + 1), t->header_row + 1);
    ck_assert_str_eq(form->orientation, "landscape");
    ck_assert_str_eq(form->paper, "9");
    /* The report's sheet layer: the same footer and header colour as the report's
     * sheets, the instructions printed upright, the input columns yellow. */
    ck_assert_str_eq(xf_sheet_get(book, english ? "Instructions" : "Instructie")->orientation,
                     "portrait");
    for (size_t i = 0; i < xf_sheet_count(book); i++) {
        const xf_sheet *s = xf_sheet_at(book, i);
        ck_assert_str_eq(s->footer_left, s->name);
        ck_assert_str_eq(s->footer, english ? "Status as of 15-01-2023" : "Stand per 15-01-2023");
        ck_assert_str_eq(s->footer_right, english ? "Page &P / &N" : "Pagina &P / &N");
    }
    ck_assert_str_eq(xf_header_cell(t, "actie_id").fill, "#D9E1F2");
    ck_assert_str_eq(xf_header_cell(t, "datum").fill, "#FFD966");
    ck_assert_str_eq(xf_get(t, xf_get_row(t, "actie_id", "1.1", NULL), "datum").fill, "#FFF2CC");

    /* The status column offers exactly the statuses a report may have. */
    const char *range = NULL, *formula = NULL;
    ck_assert(xf_validation(book, form->name, "list", &range, &formula));
    char col = column_letter(xf_column(t, "status"));
    char *want_range = g_strdup_printf("%c2:%c3", col, col);
    ck_assert_str_eq(range, want_range);
    GString *list = g_string_new("\"");
    for (int s = STATUS_UNKNOWN + 1; s < STATUS_COUNT; s++)
        g_string_append_printf(list, "%s%s", s > STATUS_UNKNOWN + 1 ? "," : "",
                               vocab_status_label((rr_status)s));
    g_string_append_c(list, '"');
    ck_assert_str_eq(formula, list->str);
    ck_assert(xf_validation(book, form->name, "date", &range, NULL));
    col = column_letter(xf_column(t, "datum"));
    g_free(want_range);
    want_range = g_strdup_printf("%c2:%c3", col, col);
    ck_assert_str_eq(range, want_range);
    g_string_free(list, TRUE);
    g_free(want_range);
}

/* The form's rows: each action with its title, deadline (a date, or the planning as
 * text) and its current status; nothing filled in, no formula. */
static void check_form_rows(const xf_book *book, const xf_table *t, bool english)
{
    const char *title = english ? "title" : "titel";
    const char *current = english ? "current status" : "huidige status";
    const xf_row *row = xf_get_row(t, "actie_id", "1.1", NULL);
    xf_assert_text(t, row, title, "Training");
    xf_assert_date(t, row, "deadline", date_from_ymd(2022, 11, 30));
    xf_assert_text(t, row, current, vocab_status_label(STATUS_IN_PROGRESS));
    xf_assert_text(t, row, "datum", "");
    xf_assert_text(t, row, "status", "");
    row = xf_get_row(t, "actie_id", "1.2", NULL);
    xf_assert_text(t, row, title, "Voorlichting");
    xf_assert_text(t, row, "deadline", "doorlopend");
    xf_assert_text(t, row, current, vocab_status_label(STATUS_UNKNOWN));
    ck_assert_int_eq(xf_formula_count(book), 0);
}

/* Checks the form's sheets, header, drop-downs, layout and rows read back. */
static void check_form_workbook(const char *out_dir, bool english)
{
    i18n_set_lang(english ? LANG_EN : LANG_NL);
    xf_book *book = read_form(out_dir);
    const char *sheets = english ? "Instructions,Progress" : "Instructie,Voortgang";
    ck_assert_str_eq(xf_sheet_names(book), sheets);
    const xf_table *t = progress_table(book, english);
    const char *nl[] = {"titel", "deadline", "huidige status", "laatste update",
                        "laatste toelichting"};
    const char *en[] = {"title", "deadline", "current status", "last update", "last note"};
    for (size_t i = 0; i < G_N_ELEMENTS(nl); i++)
        xf_column(t, english ? en[i] : nl[i]);
    /* The columns the user fills in keep the names the loader reads, in either language. */
    const char *input[] = {"actie_id", "datum", "status", "toelichting", "bron"};
    for (size_t i = 0; i < G_N_ELEMENTS(input); i++)
        xf_column(t, input[i]);
    ck_assert_uint_eq(xf_row_count(t), 2);
    check_form_layout(book, t, english);
    check_form_rows(book, t, english);
    xf_free(book);
}

START_TEST(round_trip_through_the_csv)
{
    const char *data = dirs.data, *out = dirs.out;
    make_form(data, out, "nl");
    check_form_workbook(out, false);

    char *csv = read_text(out, FORM_CSV);
    ck_assert_msg(
        g_str_has_prefix(csv, BOM "actie_id;titel;deadline;huidige status;laatste update;"
                                  "laatste toelichting;datum;status;toelichting;bron\r\n"
                                  "1.1;Training;30-11-2022;lopend;20-12-2022;gestart;;;;"
                                  "voortgangsformulier gemeente-b 2023-01-15\r\n"
                                  "1.2;Voorlichting;doorlopend;onbekend;;;;;;"
                                  "voortgangsformulier gemeente-b 2023-01-15\r\n"),
        "%s", csv);
    /* The unfilled form in the folder changes nothing, and its context columns are
     * read back without a word. */
    tu_write(data, "regio-a/gemeente-b/" FORM_CSV, csv);
    char *quiet = run_on(0, "validate", data);
    ck_assert_msg(!strstr(quiet, FORM_CSV ":") &&
                      strstr(quiet, FORM_CSV " van Gemeente B is gelezen: 0 meldingen, 2 regels "
                                            "leeg"),
                  "%s", quiet);
    g_free(quiet);

    char *filled = fill_row(csv, "1.2", "2023-01-10", "vertraagd",
                            "\"wacht op budget; zie \"\"notitie\"\"\"");
    tu_write(data, "regio-a/gemeente-b/" FORM_CSV, filled);
    char *report = run_on(0, "validate", data);
    ck_assert_msg(strstr(report, "0 fouten"), "%s", report);
    char *summary = run_on(0, "status", data);
    const char *red = strstr(summary, "gemeente-b/1.2");
    ck_assert_msg(red && strstr(red, "vertraagd"), "the new status is not shown:\n%s", summary);

    g_free(summary);
    g_free(report);
    g_free(filled);
    g_free(csv);
}
END_TEST

START_TEST(english_form)
{
    const char *data = dirs.data, *out = dirs.out;
    make_form(data, out, "en");
    char *csv = read_text(out, FORM_CSV);
    ck_assert_msg(strstr(csv, BOM "actie_id;title;deadline;current status;last update;last note;"
                                  "datum;status;toelichting;bron\r\n"
                                  "1.1;Training;30-11-2022;in progress;20-12-2022;gestart;;;;"
                                  "progress form gemeente-b 2023-01-15\r\n"),
                  "%s", csv);
    check_form_workbook(out, true);
    g_free(csv);
}
END_TEST

START_TEST(half_filled_row_is_an_error_at_its_line)
{
    const char *data = dirs.data, *out = dirs.out;
    make_form(data, out, "nl");
    char *csv = read_text(out, FORM_CSV);
    char *filled = fill_row(csv, "1.2", "2023-01-10", "", "");
    tu_write(data, "regio-a/gemeente-b/" FORM_CSV, filled);
    /* The form is left out (exit 4), its error said under its receipt. */
    char *report = run_on(4, "validate", data);
    ck_assert_msg(strstr(report, "het formulier van Gemeente B is niet verwerkt: " FORM_CSV
                                 " heeft 1 fout"),
                  "%s", report);
    char *where = g_strdup_printf(FORM_CSV ":%d:", line_of(csv, "1.2"));
    ck_assert_msg(line_of(csv, "1.2") == 3 && strstr(report, where), "no error at %s:\n%s", where,
                  report);
    ck_assert_msg(tu_has_keywords(report, "'status'|leeg"), "%s", report);
    g_free(where);
    g_free(report);
    g_free(filled);
    g_free(csv);
}
END_TEST

START_TEST(workbook_saved_as_csv_is_read_without_warnings)
{
    const char *data = dirs.data;
    make_form(data, dirs.out, "nl");
    xf_book *book = read_form(dirs.out);
    char *csv = save_as_csv(book, "afgerond");
    tu_write(data, "regio-a/gemeente-b/" FORM_CSV, csv);
    char *report = run_on(0, "validate", data);
    /* The sheet's context columns are the form's own: no "unknown column". */
    ck_assert_msg(!strstr(report, "onbekende kolom") && !strstr(report, FORM_CSV ":"), "%s",
                  report);
    char *summary = run_on(0, "status", data);
    /* 1.1 was overdue (najaar 2022) and is now done: no longer red. */
    ck_assert_msg(!strstr(summary, "gemeente-b/1.1"), "%s", summary);
    g_free(summary);
    g_free(report);
    g_free(csv);
    xf_free(book);
}
END_TEST

/* ---- formula protection ------------------------------------------------------------ */

START_TEST(formulas_in_the_data_stay_text)
{
    const char *data = dirs.data, *out = dirs.out;
    tu_write(data, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "1.1,lp,,,\"=HYPERLINK(\"\"http://x.example\"\",\"\"klik\"\")\",,najaar 2022,,,t\n"
             "1.2,rv,,,+31 6 1234,,doorlopend,,,t\n"
             "-3,lp,,,-2+3,,2023,,,t\n"
             "@4,lp,,,@SUM(A1:A2),,2023,,,t\n");
    make_form(data, out, "nl");
    char *csv = read_text(out, FORM_CSV);
    /* ids and the context column titel alike */
    ck_assert_msg(strstr(csv, "\r\n\"'-3\";\"'-2+3\";31-12-2023;") &&
                      strstr(csv, "\r\n\"'@4\";\"'@SUM(A1:A2)\";") &&
                      strstr(csv, "\r\n1.1;\"'=HYPERLINK(\"\"http://x.example\"\",") &&
                      strstr(csv, "\r\n1.2;\"'+31 6 1234\";"),
                  "%s", csv);
    char **lines = g_strsplit(csv, "\r\n", -1);
    for (int i = 0; lines[i]; i++)
        ck_assert_msg(!strchr("=+-@", lines[i][0]) || lines[i][0] == '\0', "line %d: %s", i + 1,
                      lines[i]);
    g_strfreev(lines);
    /* In the workbook every id and title is a text cell, exactly as written. */
    xf_book *book = read_form(out);
    const xf_table *t = progress_table(book, false);
    const char *titles[][2] = {{"1.1", "=HYPERLINK(\"http://x.example\",\"klik\")"},
                               {"1.2", "+31 6 1234"},
                               {"-3", "-2+3"},
                               {"@4", "@SUM(A1:A2)"}};
    for (size_t i = 0; i < G_N_ELEMENTS(titles); i++) {
        const xf_row *row = xf_get_row(t, "actie_id", titles[i][0], NULL);
        xf_assert_text(t, row, "actie_id", titles[i][0]);
        xf_assert_text(t, row, "titel", titles[i][1]);
    }
    ck_assert_int_eq(xf_formula_count(book), 0);
    xf_free(book);
    g_free(csv);
}
END_TEST

/* ---- errors ---------------------------------------------------------------------- */

/* An unknown name is exit 1, as an unknown --region in every command, with the
 * nearest name and the list. */
START_TEST(unknown_owner_is_exit_1)
{
    const char *data = dirs.data, *out = dirs.out;
    char *err = NULL;
    char *printed = run_template(1, data, out, "nl", "gemeente-x", &err);
    ck_assert_msg(strstr(err, "'gemeente-x'") && strstr(err, "regio-a, gemeente-b") &&
                      strstr(err, "bedoelt u 'gemeente-b'?"),
                  "%s", err);
    ck_assert_str_eq(printed, "");
    const char *none[] = {NULL};
    ck_assert(folder_holds(out, none));
    g_free(err);
    g_free(printed);
}
END_TEST

START_TEST(data_errors_write_nothing)
{
    const char *data = dirs.data, *out = dirs.out;
    tu_write(data, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n1.1,2022-12-20,klaar,,\n");
    char *dest = g_build_filename(out, "new", NULL);
    char *err = NULL;
    g_free(run_template(1, data, dest, "nl", "gemeente-b", &err));
    ck_assert_msg(strstr(err, "voortgang.csv:2:"), "%s", err);
    ck_assert(!g_file_test(dest, G_FILE_TEST_EXISTS));
    g_free(err);
    g_free(dest);
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
    const char *data = dirs.data, *out = dirs.out;
    char *dest = c->out_is_file ? g_build_filename(out, "file", NULL) : g_strdup(out);
    if (c->out_is_file)
        tu_write(out, "file", "x");
    if (c->blocker) { /* a folder: nothing can be renamed onto it */
        char *path = g_build_filename(out, c->blocker, NULL);
        ck_assert_int_eq(g_mkdir(path, 0755), 0);
        g_free(path);
    }
    char *err = NULL;
    char *printed = run_template(3, data, dest, "nl", "gemeente-b", &err);
    ck_assert_msg(strstr(err, "regiorapport"), "%s: %s", c->name, err);
    ck_assert_str_eq(printed, "");
    const char *left[] = {c->out_is_file ? "file" : c->blocker, NULL};
    ck_assert_msg(folder_holds(out, left), "%s: files left behind in %s", c->name, out);
    g_free(err);
    g_free(printed);
    g_free(dest);
}
END_TEST

/* Something that is not a file where the form goes: named as what it is, with and
 * without --force, in seconds (a FIFO used to block the comparison for ever), and left
 * as it was. */
typedef struct {
    const char *name;
    const char *place; /* FORM_XLSX or FORM_CSV */
    char kind;         /* 'p' FIFO, 'd' folder, 'l' dangling link */
    const char *says;  /* key words, '|'-separated */
} place_case;

static const place_case place_cases[] = {
    {"FIFO at the form", FORM_XLSX, 'p', "named pipe (FIFO)|geen gewoon bestand|--out"},
    {"FIFO at the CSV", FORM_CSV, 'p', "named pipe (FIFO)|geen gewoon bestand"},
    {"folder at the form", FORM_XLSX, 'd', "is een map|verwijder of hernoem"},
    {"dangling link at the form", FORM_XLSX, 'l', "link naar 'weg/x.xlsx'|niet bestaat"},
};

START_TEST(place_of_the_form_taken_by_no_file)
{
    const place_case *c = &place_cases[_i / 2];
    bool force = _i % 2;
    const char *data = dirs.data, *out = dirs.out;
    char *path = g_build_filename(out, c->place, NULL);
    if (c->kind == 'p')
        ck_assert_int_eq(mkfifo(path, 0600), 0);
    else if (c->kind == 'd')
        ck_assert_int_eq(g_mkdir(path, 0700), 0);
    else
        ck_assert_int_eq(symlink("weg/x.xlsx", path), 0);
    const char *args[] = {"template", "--data", data, "--out", out, "--as-of", "2023-01-15",
                          "gemeente-b", force ? "--force" : NULL, NULL};
    char *err = NULL;
    gint64 start = g_get_monotonic_time();
    char *printed = run_ok(3, args, &err);
    ck_assert_msg(g_get_monotonic_time() - start < 20 * G_USEC_PER_SEC, "%s: hung", c->name);
    tu_assert_said(err, path, DIAG_ERROR, c->says);
    ck_assert_str_eq(printed, "");
    const char *left[] = {c->place, NULL};
    ck_assert_msg(folder_holds(out, left), "%s: files left behind in %s", c->name, out);
    g_free(err);
    g_free(printed);
    g_free(path);
}
END_TEST

START_TEST(region_without_actions_gets_an_empty_form)
{
    const char *data = dirs.data, *out = dirs.out;
    char *err = NULL;
    g_free(run_template(0, data, out, "nl", "regio-a", &err));
    ck_assert_msg(strstr(err, "regio-a heeft geen acties"), "%s", err);
    char *csv = read_text(out, "voortgang-regio-a-2023-01-15.csv");
    ck_assert_str_eq(csv, BOM "actie_id;titel;deadline;huidige status;laatste update;"
                              "laatste toelichting;datum;status;toelichting;bron\r\n");
    g_free(csv);
    g_free(err);
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
    ck_assert_msg(strstr(err, "GEMEENTE|REGIO ontbreekt"), "%s", err);
    g_free(err);
}
END_TEST

Suite *template_suite(void)
{
    Suite *s = suite_create("template");
    TCase *units = tcase_create("units");
    tcase_add_loop_test(units, csv_field_quoting_and_formula_protection, 0,
                        G_N_ELEMENTS(field_cases));
    tcase_add_test(units, drop_down_list_must_be_plain_ascii);
    suite_add_tcase(s, units);
    TCase *tc = tcase_create("form");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, dirs_setup, dirs_teardown);
    tcase_add_test(tc, round_trip_through_the_csv);
    tcase_add_test(tc, english_form);
    tcase_add_test(tc, half_filled_row_is_an_error_at_its_line);
    tcase_add_test(tc, workbook_saved_as_csv_is_read_without_warnings);
    tcase_add_test(tc, formulas_in_the_data_stay_text);
    tcase_add_test(tc, unknown_owner_is_exit_1);
    tcase_add_test(tc, data_errors_write_nothing);
    tcase_add_loop_test(tc, write_failure_leaves_neither_file, 0, G_N_ELEMENTS(write_cases));
    tcase_add_loop_test(tc, place_of_the_form_taken_by_no_file, 0,
                        2 * G_N_ELEMENTS(place_cases));
    tcase_add_test(tc, region_without_actions_gets_an_empty_form);
    tcase_add_test(tc, help_and_missing_argument);
    suite_add_tcase(s, tc);
    return s;
}

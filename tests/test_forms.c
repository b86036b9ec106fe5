/* test_forms.c - returned forms: a receipt for each, a bad one left out whole (exit 4,
 * --strict all or nothing), the form guarding its copied columns, its instructions
 * following the column table, and `template --all`. Forms are made by the binary and
 * read back by the real readers (the loader, openpyxl, LibreOffice). */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "base/vocab.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

#define PYTHON "/usr/bin/python3"
#define FORM "voortgang-gemeente-b-2023-01-15"
#define FOLDER "regio-a/gemeente-b/"

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

/* Writes gemeente-b's form as of 2023-01-15 into `out`; returns its CSV text. */
static char *make_form(const char *data, const char *out)
{
    const char *args[] = {"template", "--data", data, "--out", out, "--as-of", "2023-01-15",
                          "gemeente-b", NULL};
    g_free(run(0, args, NULL));
    char *path = g_strdup_printf("%s/" FORM ".csv", out), *text = NULL;
    ck_assert(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    return text;
}

/* The CSV with field `field` (0-based) of the row of action `id` replaced by `value`. */
static char *with_field(const char *csv, const char *id, int field, const char *value)
{
    gchar **lines = g_strsplit(csv, "\r\n", -1);
    char *prefix = g_strconcat(id, ";", NULL);
    for (gchar **l = lines; *l; l++) {
        if (!g_str_has_prefix(*l, prefix))
            continue;
        gchar **fields = g_strsplit(*l, ";", -1); /* the test tree's rows hold no ';' */
        ck_assert_int_eq(g_strv_length(fields), FORM_COL_COUNT);
        g_free(fields[field]);
        fields[field] = g_strdup(value);
        g_free(*l);
        *l = g_strjoinv(";", fields);
        g_strfreev(fields);
    }
    char *text = g_strjoinv("\r\n", lines);
    g_strfreev(lines);
    g_free(prefix);
    return text;
}

/* Every non-empty cell of a workbook as "Sheet!A1\tvalue" lines, read by openpyxl. */
static char *cells_of(const char *xlsx)
{
    static const char py[] = "import sys, openpyxl\n"
                             "wb = openpyxl.load_workbook(sys.argv[1])\n"
                             "for ws in wb:\n"
                             "    for row in ws.iter_rows():\n"
                             "        for c in row:\n"
                             "            if c.value is not None:\n"
                             "                print(ws.title + '!' + c.coordinate + '\\t' + "
                             "str(c.value).replace('\\n', ' '))\n";
    const char *argv[] = {PYTHON, "-c", py, xlsx, NULL};
    return tu_spawn_output(argv);
}

/* The form with 1.1 reported well and 1.2 with a status that does not exist. */
static void drop_bad_form(const char *data, const char *out)
{
    char *csv = make_form(data, out);
    char *a = with_field(csv, "1.1", FORM_COL_DATE, "10-01-2023");
    char *b = with_field(a, "1.1", FORM_COL_STATUS, "afgerond");
    char *c = with_field(b, "1.2", FORM_COL_DATE, "11-01-2023");
    char *d = with_field(c, "1.2", FORM_COL_STATUS, "klaar");
    tu_write(data, FOLDER FORM ".csv", d);
    g_free(d);
    g_free(c);
    g_free(b);
    g_free(a);
    g_free(csv);
}

/* One bad form: left out whole, the report for everything else written (exit 4), the
 * form named first on the terminal, on Controle and above Overzicht's table. */
START_TEST(bad_form_is_left_out_and_the_report_written)
{
    tu_dirs dirs = tu_valid_dirs();
    drop_bad_form(dirs.data, dirs.out);
    const char *report[] = {"report", "--data", dirs.data, "--out", dirs.out, "--as-of",
                            "2023-01-15", "--charts", "none", NULL};
    char *err = NULL;
    char *out = run(4, report, &err);
    ck_assert_msg(g_str_has_prefix(err, "regiorapport report: het formulier van Gemeente B is "
                                        "niet verwerkt: " FORM ".csv heeft 1 fout"),
                  "not said first:\n%s", err);
    char *at = g_strdup_printf("%s/" FOLDER FORM ".csv:3:", dirs.data);
    ck_assert_msg(strstr(err, at) && strstr(err, "'klaar'"), "%s", err);
    char *book_path = g_strdup_printf("%s/regiorapport-2023-01-15.xlsx", dirs.out);
    ck_assert_msg(strstr(out, book_path), "%s", out);

    xf_book *book = xf_read(book_path);
    /* Not half of it: 1.1's good report does not count either. */
    const xf_table *actions = xf_table_get(book, "Acties", "Status");
    const xf_row *row = xf_find_containing(actions, "Titel", "Training");
    ck_assert_ptr_nonnull(row);
    xf_assert_text(actions, row, "Status", "lopend");
    const xf_table *checks = xf_table_get(book, "Controle", "Melding");
    const xf_row *first = xf_row_at(checks, 0);
    xf_assert_text(checks, first, "Soort", "formulier niet verwerkt");
    ck_assert(g_str_has_suffix(xf_value(checks, first, "Bestand"), FORM ".csv"));
    const xf_row *problem = xf_row_at(checks, 1);
    xf_assert_text(checks, problem, "Soort", "fout");
    ck_assert(g_str_has_prefix(xf_value(checks, problem, "Plaats"), "regel 3, kolom "));
    xf_free(book);
    char *cells = cells_of(book_path);
    /* Right under the title and its subtitle, above the table's header. */
    const char *alert = strstr(cells, "Overzicht!A4\tLet op: het formulier van Gemeente B is "
                                      "niet verwerkt");
    const char *header = strstr(cells, "Overzicht!A6\tEigenaar");
    ck_assert_msg(alert && header, "%s", cells);
    g_free(cells);

    /* --strict: all or nothing, as before. */
    char *out2 = tu_mkdtemp();
    const char *strict[] = {"report", "--strict", "--data", dirs.data, "--out", out2,
                            "--as-of", "2023-01-15", "--charts", "none", NULL};
    char *err2 = NULL;
    g_free(run(1, strict, &err2));
    const char *said = strstr(err2, at);
    ck_assert_msg(said && strstr(said, "fout: status 'klaar'") && !strstr(said + 1, at), "%s",
                  err2);
    char *none = g_strdup_printf("%s/regiorapport-2023-01-15.xlsx", out2);
    ck_assert(!g_file_test(none, G_FILE_TEST_EXISTS));
    const char *status[] = {"status", "--data", dirs.data, "--as-of", "2023-01-15", NULL};
    char *summary = run(4, status, NULL);
    ck_assert_msg(strstr(summary, "Gemeente B"), "%s", summary);
    g_free(summary);
    g_free(none);
    g_free(err2);
    tu_tmpdir_free(out2);
    g_free(book_path);
    g_free(at);
    g_free(out);
    g_free(err);
    tu_dirs_free(&dirs);
}
END_TEST

/* A form not read: each gets its receipt with the reason, none is a data error. */
START_TEST(forms_not_read_get_their_reason)
{
    char *data = tu_mkdtemp();
    tu_write_valid_tree(data);
    tu_write(data, FOLDER "voortgang-oud.xls", "x");
    tu_write(data, FOLDER "Voortgang-gemeente-b.XLSX", "x");
    tu_write(data, FOLDER "voortgang-instructie.csv",
             "Voortgangsformulier Gemeente B;\nVan;Gemeente B (gemeente-b)\n");
    char *path = g_build_filename(data, FOLDER "voortgang-blad.xlsx", NULL);
    lxw_workbook *wb = workbook_new(path);
    worksheet_write_string(workbook_add_worksheet(wb, "Blad1"), 0, 0, "actie_id", NULL);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
    tu_write(data, FOLDER "voortgang-goed.csv",
             "actie_id;datum;status\n1.1;10-01-2023;afgerond\n1.2;;\n");

    tu_checked *c = tu_check(data, date_from_ymd(2023, 1, 15), RR_DATE_NONE);
    ck_assert_msg(c->diags.errors == 0 && c->model->forms->len == 5, "%s", c->text);
    static const struct {
        const char *name, *why;
    } expect[] = {
        {"voortgang-blad.xlsx", "geen blad"},
        {"voortgang-instructie.csv", "Instructie"},
        {"Voortgang-gemeente-b.XLSX", "hoofdletters"},
        {"voortgang-oud.xls", ".xls"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
        const rr_form *found = NULL;
        for (guint k = 0; k < c->model->forms->len; k++) {
            const rr_form *f = g_ptr_array_index(c->model->forms, k);
            if (strcmp(f->name, expect[i].name) == 0)
                found = f;
        }
        ck_assert_msg(found, "no receipt for %s", expect[i].name);
        ck_assert_int_eq(found->outcome, FORM_NOT_READ);
        ck_assert_msg(strstr(found->reason, expect[i].why), "%s: %s", expect[i].name,
                      found->reason);
    }
    const rr_form *good = NULL;
    for (guint k = 0; k < c->model->forms->len; k++)
        if (strcmp(((rr_form *)g_ptr_array_index(c->model->forms, k))->name,
                   "voortgang-goed.csv") == 0)
            good = g_ptr_array_index(c->model->forms, k);
    ck_assert(good && good->outcome == FORM_READ && good->rows_read == 1 &&
              good->rows_empty == 1);
    ck_assert_int_eq(model_forms_not_used(c->model), 4);
    tu_checked_free(c);

    const char *validate[] = {"validate", "--data", data, "--as-of", "2023-01-15", NULL};
    char *out = run(4, validate, NULL);
    ck_assert_msg(g_str_has_prefix(out, "Teruggestuurde formulieren die niet meetellen (4):") &&
                      strstr(out, "voortgang-goed.csv van Gemeente B is gelezen: 1 melding, 1 "
                                  "regel leeg") &&
                      strstr(out, "; 4 teruggestuurde formulieren tellen niet mee"),
                  "%s", out);
    g_free(out);
    g_free(path);
    tu_tmpdir_free(data);
}
END_TEST

/* The copied columns: an unchanged form counts; each changed cell is an error that
 * names the input column to use, and leaves the form out. */
START_TEST(changed_copied_cells_are_errors)
{
    tu_dirs dirs = tu_valid_dirs();
    char *csv = make_form(dirs.data, dirs.out);
    tu_write(dirs.data, FOLDER FORM ".csv", csv);
    tu_checked *c = tu_check(dirs.data, date_from_ymd(2023, 1, 30), RR_DATE_NONE);
    const rr_form *f = g_ptr_array_index(c->model->forms, 0);
    ck_assert_msg(f->outcome == FORM_READ && f->problems.count == 0 && f->rows_empty == 2,
                  "an unchanged form is refused:\n%s", c->text);
    tu_checked_free(c);

    char *a = with_field(csv, "1.1", FORM_COL_STATUS_NOW, "afgerond");
    char *b = with_field(a, "1.2", FORM_COL_LAST_NOTE, "voorlichting gegeven");
    char *d = with_field(b, "1.2", FORM_COL_TITLE, "Voorlichting op scholen");
    tu_write(dirs.data, FOLDER FORM ".csv", d);
    c = tu_check(dirs.data, date_from_ymd(2023, 1, 30), RR_DATE_NONE);
    f = g_ptr_array_index(c->model->forms, 0);
    ck_assert_int_eq(f->outcome, FORM_LEFT_OUT);
    ck_assert_int_eq(f->cells_in_error, 3);
    ck_assert_int_eq(c->diags.errors, 0);
    char *problems = tu_diags_text(&f->problems);
    ck_assert_msg(tu_find_diag(&f->problems, FORM ".csv", 2, 0, DIAG_ERROR,
                               "'huidige status'|(kolom D)|'afgerond'|'lopend'|'status'|'datum'"),
                  "%s", problems);
    ck_assert_msg(tu_find_diag(&f->problems, FORM ".csv", 3, 0, DIAG_ERROR,
                               "'laatste toelichting'|'toelichting'"),
                  "%s", problems);
    ck_assert_msg(tu_find_diag(&f->problems, FORM ".csv", 3, 0, DIAG_ERROR,
                               "'titel'|'Voorlichting op scholen'|'toelichting'"),
                  "%s", problems);
    g_free(problems);
    tu_checked_free(c);
    g_free(d);
    g_free(b);
    g_free(a);
    g_free(csv);
    tu_dirs_free(&dirs);
}
END_TEST

/* A report under an actie_id that is no action: the form is left out, the data (and so
 * every other form and the report) stays without errors. */
START_TEST(changed_id_leaves_only_the_form_out)
{
    tu_dirs dirs = tu_valid_dirs();
    char *csv = make_form(dirs.data, dirs.out);
    char *a = with_field(csv, "1.1", FORM_COL_DATE, "10-01-2023");
    char *b = with_field(a, "1.1", FORM_COL_STATUS, "afgerond");
    char *d = with_field(b, "1.1", FORM_COL_ID, "9.9");
    tu_write(dirs.data, FOLDER FORM ".csv", d);
    tu_checked *c = tu_check(dirs.data, date_from_ymd(2023, 1, 30), RR_DATE_NONE);
    const rr_form *f = g_ptr_array_index(c->model->forms, 0);
    ck_assert_msg(c->diags.errors == 0 && f->outcome == FORM_LEFT_OUT &&
                      tu_find_diag(&f->problems, FORM ".csv", 2, 1, DIAG_ERROR,
                                   "'9.9'|acties.csv|verander actie_id niet"),
                  "%s", c->text);
    tu_checked_free(c);
    g_free(d);
    g_free(b);
    g_free(a);
    g_free(csv);
    tu_dirs_free(&dirs);
}
END_TEST

/* Overwrites one cell of the Voortgang sheet (protection does not stop openpyxl) and
 * saves the workbook as `to`. */
static const char overwrite_py[] = "import sys, openpyxl\n"
                                   "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                   "if len(sys.argv) > 3: wb['Voortgang'][sys.argv[3]] = "
                                   "sys.argv[4]\n"
                                   "wb.save(sys.argv[2])\n";

/* Through LibreOffice as a person would save it: the unchanged form counts, the one
 * with a status typed into the blue column is refused at that cell. */
START_TEST(libreoffice_copies_are_checked_cell_by_cell)
{
    const char *ext = _i == 0 ? "xlsx" : "ods";
    tu_dirs dirs = tu_valid_dirs();
    char *lo = tu_mkdtemp();
    g_free(make_form(dirs.data, dirs.out));
    char *form = g_strdup_printf("%s/" FORM ".xlsx", dirs.out);
    char *profile = g_strdup_printf("-env:UserInstallation=file://%s/profile", lo);
    char *dest = g_build_filename(dirs.data, FOLDER, NULL);
    const char *validate[] = {"validate", "--data", dirs.data, "--as-of", "2023-01-30", NULL};
    for (int changed = 0; changed < 2; changed++) {
        char *copy = g_strdup_printf("%s/%d/" FORM ".xlsx", lo, changed);
        char *copy_dir = g_path_get_dirname(copy);
        g_mkdir_with_parents(copy_dir, 0755);
        const char *fill[] = {PYTHON, "-c", overwrite_py, form, copy,
                              changed ? "D2" : NULL, "afgerond", NULL};
        g_free(tu_spawn_output(fill));
        const char *convert[] = {"soffice", profile, "--headless", "--convert-to", ext,
                                 "--outdir", dest, copy, NULL};
        g_free(tu_spawn_output(convert));
        char *out = run(changed ? 4 : 0, validate, NULL);
        if (changed)
            ck_assert_msg(strstr(out, ":Voortgang!D2: fout: 'huidige status' is veranderd"),
                          "%s: %s", ext, out);
        else
            ck_assert_msg(strstr(out, "is gelezen: 0 meldingen, 2 regels leeg"), "%s: %s", ext,
                          out);
        g_free(out);
        g_free(copy_dir);
        g_free(copy);
    }
    g_free(dest);
    g_free(profile);
    g_free(form);
    tu_tmpdir_free(lo);
    tu_dirs_free(&dirs);
}
END_TEST

/* The Voortgang sheet is protected without a password; only the input cells are
 * unlocked; sorting and filtering stay allowed. */
START_TEST(only_the_input_columns_can_be_edited)
{
    static const char py[] =
        "import sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1])['Voortgang']\n"
        "p = ws.protection\n"
        "print('protected', p.sheet, 'password', p.password, 'sort', p.sort, 'filter', "
        "p.autoFilter)\n"
        "for c in ws[2]: print(c.coordinate, 'locked' if c.protection.locked else 'open')\n";
    tu_dirs dirs = tu_valid_dirs();
    g_free(make_form(dirs.data, dirs.out));
    char *form = g_strdup_printf("%s/" FORM ".xlsx", dirs.out);
    const char *argv[] = {PYTHON, "-c", py, form, NULL};
    char *facts = tu_spawn_output(argv);
    ck_assert_msg(strstr(facts, "protected True password None sort False filter False\n"), "%s",
                  facts);
    for (int c = 0; c < FORM_COL_COUNT; c++) {
        char want[32];
        g_snprintf(want, sizeof want, "%c2 %s\n", 'A' + c,
                   vocab_form_column_kind((form_column)c) == FORM_INPUT ? "open" : "locked");
        ck_assert_msg(strstr(facts, want), "%s not in:\n%s", want, facts);
    }
    g_free(facts);
    g_free(form);
    tu_dirs_free(&dirs);
}
END_TEST

/* The Instructie sheet, `template --help` and the man page describe the columns the
 * loader reads by: every name of the table, in order, and their number. */
START_TEST(instructions_follow_the_column_table)
{
    tu_dirs dirs = tu_valid_dirs();
    char *csv = make_form(dirs.data, dirs.out);
    char *form = g_strdup_printf("%s/" FORM ".xlsx", dirs.out);
    char *cells = cells_of(form);
    const char *help_args[] = {"template", "--help", NULL};
    char *help = run(0, help_args, NULL);
    char *man = NULL;
    ck_assert(g_file_get_contents("man/regiorapport.1", &man, NULL, NULL));
    const char *columns = strstr(cells, "\tDe kolommen\n");
    const char *help_columns = strstr(help, "De 10 kolommen van het formulier");
    const char *man_columns = strstr(man, ".Ss The form's columns");
    ck_assert_msg(columns && help_columns && man_columns, "%s\n%s", cells, help);
    char count[64];
    g_snprintf(count, sizeof count, "met dezelfde %d kolommen (actie_id,", FORM_COL_COUNT);
    ck_assert_msg(strstr(cells, count), "%s", cells);
    GString *header = g_string_new("\xEF\xBB\xBF");
    for (int c = 0; c < FORM_COL_COUNT; c++) {
        const char *name = vocab_form_column_name((form_column)c);
        char *line = g_strdup_printf("\t%s\n", name);
        const char *at = strstr(columns, line);
        ck_assert_msg(at, "Instructie lists no column '%s' (or not in order)", name);
        columns = at + 1;
        char *help_line = g_strdup_printf("  %-20s %s\n", name,
                                          vocab_form_column_meaning((form_column)c));
        at = strstr(help_columns, help_line);
        ck_assert_msg(at, "--help lists no [%s]:\n%s", help_line, help);
        help_columns = at + 1;
        char *man_line = g_strdup_printf(".It Li \"%s\"", name);
        at = strstr(man_columns, man_line);
        ck_assert_msg(at, "the man page lists no [%s] (or not in order)", man_line);
        man_columns = at + 1;
        g_string_append_printf(header, "%s%s", c ? ";" : "", name);
        g_free(man_line);
        g_free(help_line);
        g_free(line);
    }
    g_string_append(header, "\r\n");
    ck_assert_msg(g_str_has_prefix(csv, header->str), "%s", csv);
    g_string_free(header, TRUE);
    g_free(man);
    g_free(help);
    g_free(cells);
    g_free(form);
    g_free(csv);
    tu_dirs_free(&dirs);
}
END_TEST

/* `template --all REGIO` (either order): every owner's form of the region, put in
 * place together or not at all; --all with a municipality is a usage error. */
START_TEST(template_all_writes_a_region_in_one_go)
{
    tu_dirs dirs = tu_valid_dirs();
    const char *all[] = {"template", "--data", dirs.data, "--out", dirs.out, "--as-of",
                         "2023-01-15", "regio-a", "--all", NULL};
    char *out = run(0, all, NULL);
    const char *names[] = {"voortgang-regio-a-2023-01-15.xlsx", "voortgang-regio-a-2023-01-15.csv",
                           FORM ".xlsx", FORM ".csv"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *path = g_build_filename(dirs.out, names[i], NULL);
        ck_assert_msg(strstr(out, path) && g_file_test(path, G_FILE_TEST_IS_REGULAR), "%s: %s",
                      path, out);
        g_free(path);
    }
    g_free(out);
    const char *municipality[] = {"template", "--all", "--data", dirs.data, "--out", dirs.out,
                                  "--as-of", "2023-01-15", "gemeente-b", NULL};
    char *err = NULL;
    g_free(run(2, municipality, &err));
    ck_assert_msg(strstr(err, "--all") && strstr(err, "regio-a"), "%s", err);
    g_free(err);

    /* One form cannot be put in place: none of them is. */
    char *other = tu_mkdtemp();
    char *blocked = g_build_filename(other, FORM ".csv", NULL);
    ck_assert_int_eq(g_mkdir(blocked, 0755), 0);
    const char *into[] = {"template", "--all", "--data", dirs.data, "--out", other, "--as-of",
                          "2023-01-15", "regio-a", NULL};
    g_free(run(3, into, NULL));
    char *region_form = g_build_filename(other, "voortgang-regio-a-2023-01-15.csv", NULL);
    ck_assert_msg(!g_file_test(region_form, G_FILE_TEST_EXISTS), "half the region was written");
    g_free(region_form);
    g_free(blocked);
    tu_tmpdir_free(other);
    tu_dirs_free(&dirs);
}
END_TEST

/* The owner's handout names its forms first, for their sender, with what to fix. */
START_TEST(handout_tells_the_sender)
{
    tu_dirs dirs = tu_valid_dirs();
    drop_bad_form(dirs.data, dirs.out);
    const char *args[] = {"handout", "--data", dirs.data, "--out", dirs.out, "--as-of",
                          "2023-01-15", "gemeente-b", NULL};
    g_free(run(4, args, NULL));
    char *page = g_strdup_printf("%s/handout-2023-01-15/gemeente-b.xlsx", dirs.out);
    char *cells = cells_of(page);
    const char *receipt = strstr(cells, "\tUw formulier " FORM ".csv is niet verwerkt: het heeft 1 "
                                        "fout");
    const char *problem = strstr(cells, "\t" FORM ".csv:3:");
    const char *counts = strstr(cells, "\tStatus\n");
    ck_assert_msg(receipt && problem && counts && receipt < problem && problem < counts &&
                      strstr(problem, "'klaar'"),
                  "%s", cells);
    g_free(cells);
    g_free(page);
    tu_dirs_free(&dirs);
}
END_TEST

Suite *forms_suite(void)
{
    Suite *s = suite_create("forms");
    TCase *tc = tcase_create("returned");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, bad_form_is_left_out_and_the_report_written);
    tcase_add_test(tc, forms_not_read_get_their_reason);
    tcase_add_test(tc, changed_copied_cells_are_errors);
    tcase_add_test(tc, changed_id_leaves_only_the_form_out);
    tcase_add_loop_test(tc, libreoffice_copies_are_checked_cell_by_cell, 0, 2);
    tcase_add_test(tc, only_the_input_columns_can_be_edited);
    tcase_add_test(tc, instructions_follow_the_column_table);
    tcase_add_test(tc, template_all_writes_a_region_in_one_go);
    tcase_add_test(tc, handout_tells_the_sender);
    suite_add_tcase(s, tc);
    return s;
}

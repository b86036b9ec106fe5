/* test_handout.c - `regiorapport handout`: one A4 page per owner, read back from the
 * file and, where LibreOffice is installed, printed by it. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

#define AS_OF "2023-01-31"

static int run_handout(const char *out_dir, const char *extra, const char *owner, char **out,
                       char **err)
{
    const char *args[] = {"handout", "--data", tu_data_dir(), "--out", out_dir, "--as-of", AS_OF,
                          extra ? extra : owner, extra ? owner : NULL, NULL};
    return tu_run(args, out, err);
}

static char *handout_path(const char *out_dir, const char *owner, const char *ext)
{
    char *name = g_strconcat(owner, ext, NULL);
    char *path = g_build_filename(out_dir, "handout-" AS_OF, name, NULL);
    g_free(name);
    return path;
}

/* Every owner gets its page (and an appendix where needed); Dordrecht's shows its
 * one action, the council letter promised for autumn 2020. */
START_TEST(a_page_for_every_owner)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_handout(out_dir, NULL, NULL, &out, &err), 0);
    const char *owners[] = {"gelderland-midden", "arnhem", "overbetuwe", "gelderland-zuid",
                            "west-betuwe", "zuid-holland-zuid", "dordrecht"};
    for (size_t i = 0; i < G_N_ELEMENTS(owners); i++) {
        char *path = handout_path(out_dir, owners[i], ".xlsx");
        ck_assert_msg(strstr(out, path), "stdout does not name %s:\n%s", path, out);
        xf_book *book = xf_read(path);
        /* The front page, and the appendix when something did not fit on it. */
        ck_assert_uint_ge(xf_sheet_count(book), 1);
        ck_assert_uint_le(xf_sheet_count(book), 2);
        xf_free(book);
        g_free(path);
    }
    char *dordrecht = handout_path(out_dir, "dordrecht", ".xlsx");
    xf_book *book = xf_read(dordrecht);
    ck_assert_msg(xf_book_has_text(book, "raadsinformatiebrief"),
                  "Dordrecht's page does not show its council letter");
    xf_free(book);
    g_free(dordrecht);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* An owner with no actions gets a page that says so (since the second reading of the
 * documents every shipped owner has actions, so a tree of its own). */
START_TEST(an_owner_without_actions_gets_a_page_that_says_so)
{
    char *dir = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-c/gemeente.csv", "gemeente_id,naam\ngemeente-c,Gemeente C\n");
    tu_write(dir, "regio-a/gemeente-c/plannen.csv", "plan_id,titel,soort,start,eind\n");
    tu_write(dir, "regio-a/gemeente-c/acties.csv", "actie_id,plan_id,titel\n");
    const char *args[] = {"handout", "--data", dir, "--out", out_dir, "--as-of", AS_OF,
                          "gemeente-c", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(tu_run(args, &out, &err) == 0, "%s", err);
    char *page = handout_path(out_dir, "gemeente-c", ".xlsx");
    xf_book *book = xf_read(page);
    ck_assert_msg(xf_book_has_text(book, "Gemeente C heeft geen acties"),
                  "Gemeente C's page does not say it has no actions");
    xf_free(book);
    g_free(page);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(an_unknown_owner_is_exit_1)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_handout(out_dir, NULL, "atlantis", &out, &err), 1);
    ck_assert_msg(strstr(err, "'atlantis'") && strstr(err, "west-betuwe"), "%s", err);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Without LibreOffice, --pdf names the package and exits 3 before anything is
 * written: no page either, as pages and PDFs are one unit. */
START_TEST(pdf_without_libreoffice_names_the_package)
{
    char *out_dir = tu_mkdtemp();
    char *empty = tu_mkdtemp();
    g_setenv("PATH", empty, TRUE); /* Check runs each test in its own process */
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_handout(out_dir, "--pdf", "west-betuwe", &out, &err), 3);
    ck_assert_msg(strstr(err, "libreoffice-calc-nogui") && strstr(err, "niets geschreven"),
                  "%s", err);
    char *xlsx = handout_path(out_dir, "west-betuwe", ".xlsx");
    ck_assert(!g_file_test(xlsx, G_FILE_TEST_EXISTS));
    ck_assert_str_eq(out, "");
    g_free(xlsx);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(empty);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Fake soffices that exit 0 without a complete PDF: none at all (LibreOffice does
 * that when a conversion fails), a PDF cut off after its header, one that ends in
 * %%EOF without "startxref". Each writes into the `--outdir` of its arguments. */
static const char *const broken_soffice[] = {
    "#!/bin/sh\nexit 0\n",
    "#!/bin/sh\nwhile [ \"$1\" != --outdir ]; do shift; done\n"
    "printf '%%PDF-1.6\\n%%cut off\\n' > \"$2/west-betuwe.pdf\"\n",
    "#!/bin/sh\nwhile [ \"$1\" != --outdir ]; do shift; done\n"
    "printf '%%PDF-1.6\\n1 0 obj <<>> endobj\\nxref\\n0 1\\n%%%%EOF\\n' > \"$2/west-betuwe.pdf\"\n",
};

/* A failing --pdf leaves every previous file as it was, the page as well as its PDF
 * (handout and PDFs are one unit): exit 3, no PDF named as written, no temporary
 * folder left. */
START_TEST(a_pdf_libreoffice_did_not_write_is_an_error)
{
    char *out_dir = tu_mkdtemp();
    char *bin = tu_mkdtemp();
    tu_write(bin, "soffice", broken_soffice[_i]);
    char *fake = g_build_filename(bin, "soffice", NULL);
    ck_assert_int_eq(g_chmod(fake, 0755), 0);
    g_setenv("PATH", bin, TRUE); /* Check runs each test in its own process */
    char *old = handout_path(out_dir, "west-betuwe", ".pdf");
    char *old_page = handout_path(out_dir, "west-betuwe", ".xlsx");
    char *folder = g_path_get_dirname(old);
    ck_assert_int_eq(g_mkdir_with_parents(folder, 0755), 0);
    ck_assert(g_file_set_contents(old, "OLD PDF", -1, NULL));
    ck_assert(g_file_set_contents(old_page, "OLD PAGE", -1, NULL));
    GHashTable *before = tu_snapshot(out_dir);
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_handout(out_dir, "--pdf", "west-betuwe", &out, &err), 3);
    tu_assert_said(err, old, DIAG_ERROR, _i == 0 ? "niet gemaakt" : "geen volledige PDF");
    ck_assert_msg(strstr(err, "niets geschreven"), "%s", err);
    ck_assert_msg(!strstr(out, ".pdf") && !strstr(out, ".xlsx"), "named as written:\n%s", out);
    tu_assert_unchanged(before, out_dir);
    g_hash_table_unref(before);
    g_free(out);
    g_free(err);
    g_free(folder);
    g_free(old_page);
    g_free(old);
    g_free(fake);
    tu_tmpdir_free(bin);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* A soffice that hangs (with a helper in the background, as oosplash starts
 * soffice.bin) is stopped at the deadline with its helper, exit 3 and a message; it
 * got only absolute paths (a name starting with "-" would be an option to it), and
 * its temporary profile is gone afterwards. */
START_TEST(a_hung_libreoffice_is_stopped)
{
    char *out_dir = tu_mkdtemp();
    char *bin = tu_mkdtemp();
    char *log = g_build_filename(bin, "log", NULL);
    char *script = g_strdup_printf("#!/bin/sh\n"
                                   "/bin/sleep 600 &\n"
                                   "echo \"helper $!\" > '%s'\n"
                                   "for a in \"$@\"; do echo \"arg $a\" >> '%s'; done\n"
                                   "exec /bin/sleep 600\n",
                                   log, log);
    tu_write(bin, "soffice", script);
    char *fake = g_build_filename(bin, "soffice", NULL);
    ck_assert_int_eq(g_chmod(fake, 0755), 0);
    g_setenv("PATH", bin, TRUE); /* Check runs each test in its own process */
    g_setenv("REGIORAPPORT_PDF_TIMEOUT", "2", TRUE);
    char *out = NULL, *err = NULL;
    gint64 started = g_get_monotonic_time();
    ck_assert_int_eq(run_handout(out_dir, "--pdf", "west-betuwe", &out, &err), 3);
    ck_assert_msg(g_get_monotonic_time() - started < 60 * G_USEC_PER_SEC, "took too long");
    ck_assert_msg(strstr(err, "na 2 seconden niet klaar") && strstr(err, "niets geschreven"),
                  "%s", err);

    char *text = NULL;
    ck_assert(g_file_get_contents(log, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    int helper = 0, paths = 0;
    for (char **l = lines; *l; l++) {
        if (g_str_has_prefix(*l, "helper "))
            helper = atoi(*l + 7);
        if (g_str_has_prefix(*l, "arg -env:UserInstallation=file://")) {
            char *profile = g_filename_from_uri(*l + 4 + strlen("-env:UserInstallation="),
                                                NULL, NULL);
            ck_assert_msg(profile && !g_file_test(profile, G_FILE_TEST_EXISTS),
                          "profile %s left behind", profile);
            g_free(profile);
        }
        if (g_str_has_prefix(*l, "arg ") && strstr(*l, ".xlsx")) {
            ck_assert_msg((*l)[4] == '/', "not absolute: %s", *l);
            paths++;
        }
    }
    ck_assert_int_eq(paths, 1);
    ck_assert_int_gt(helper, 0);
    /* The helper, killed with its group, is gone (or a zombie of init's, not sleeping). */
    char *stat_path = g_strdup_printf("/proc/%d/stat", helper);
    char *stat = NULL;
    bool alive = g_file_get_contents(stat_path, &stat, NULL, NULL) && !strstr(stat, ") Z ");
    ck_assert_msg(!alive, "the helper %d still runs: %s", helper, stat);
    g_free(stat);
    g_free(stat_path);
    g_strfreev(lines);
    g_free(text);
    g_free(out);
    g_free(err);
    g_free(fake);
    g_free(script);
    g_free(log);
    tu_tmpdir_free(bin);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* A soffice that writes a PDF for every .xlsx it is given and logs each run: its
 * number of arguments and its locale. */
static char *fake_soffice(const char *bin, const char *log)
{
    char *script = g_strdup_printf(
        "#!/bin/sh\n"
        "echo \"run $# $LC_ALL\" >> '%s'\n"
        "out=''; next=0\n"
        "for a in \"$@\"; do\n"
        "  if [ $next = 1 ]; then out=$a; next=0; fi\n"
        "  [ \"$a\" = --outdir ] && next=1\n"
        "  case $a in *.xlsx) b=$(basename \"$a\" .xlsx); printf '%%%%PDF-1.4\\nstartxref\\n9\\n%%%%%%%%EOF\\n' > \"$out/$b.pdf\";; "
        "esac\n"
        "done\n",
        log);
    tu_write(bin, "soffice", script);
    g_free(script);
    char *fake = g_build_filename(bin, "soffice", NULL);
    ck_assert_int_eq(g_chmod(fake, 0755), 0);
    return fake;
}

/* The national set's 367 owners (the fake writes the least a complete PDF has: its
 * header, startxref and %%EOF): LibreOffice reads only about 250 arguments and
 * silently printed the first 247, so the pages go to it in batches; every PDF is
 * written, each run gets at most 100 pages and the Dutch locale (English with --lang
 * en), and the command says how long printing took. */
START_TEST(many_pages_go_to_libreoffice_in_batches)
{
    char *data = tu_mkdtemp();
    char *set = g_build_filename(data, "set", NULL);
    const char *gen[] = {"/usr/bin/python3", "scripts/synthetic-regions", set, "150", "1", "3",
                         NULL};
    g_free(tu_spawn_output(gen));
    char *out_dir = tu_mkdtemp();
    char *bin = tu_mkdtemp();
    char *log = g_build_filename(bin, "log", NULL);
    char *fake = fake_soffice(bin, log);
    char *path = g_strconcat(bin, ":", g_getenv("PATH"), NULL);
    g_setenv("PATH", path, TRUE); /* Check runs each test in its own process */
    for (int en = 0; en < 2; en++) {
        const char *args[] = {"handout", "--lang", en ? "en" : "nl", "--data", set, "--out",
                              out_dir, "--as-of", "2025-12-01", "--pdf", NULL};
        char *out = NULL, *err = NULL;
        ck_assert_msg(tu_run(args, &out, &err) == 0, "%s", err);
        guint xlsx = 0, pdf = 0;
        char **lines = g_strsplit(out, "\n", -1);
        for (char **l = lines; *l; l++) {
            xlsx += g_str_has_suffix(*l, ".xlsx");
            if (g_str_has_suffix(*l, ".pdf")) {
                pdf++;
                ck_assert_msg(g_file_test(*l, G_FILE_TEST_IS_REGULAR), "%s missing", *l);
            }
        }
        ck_assert_uint_gt(xlsx, 150);
        ck_assert_uint_eq(pdf, xlsx);
        ck_assert_msg(g_regex_match_simple(en ? "\\d+ PDFs in \\d+\\.\\d s"
                                              : "\\d+ PDF's in \\d+,\\d s",
                                           err, 0, 0),
                      "%s", err);
        char *text = NULL;
        ck_assert(g_file_get_contents(log, &text, NULL, NULL));
        char **runs = g_strsplit(text, "\n", -1);
        guint printed = 0;
        for (char **r = runs; *r && **r; r++) {
            int argc = atoi(*r + 4);
            ck_assert_msg(argc - 6 <= 100, "a run of %d pages", argc - 6);
            printed += (guint)(argc - 6);
            ck_assert_msg(g_str_has_suffix(*r, en ? "en_GB.UTF-8" : "nl_NL.UTF-8"), "%s", *r);
        }
        ck_assert_uint_eq(printed, xlsx);
        ck_assert_uint_ge(g_strv_length(runs) - 1, 2);
        g_unlink(log);
        g_strfreev(runs);
        g_free(text);
        g_strfreev(lines);
        g_free(out);
        g_free(err);
    }
    g_free(path);
    g_free(fake);
    g_free(log);
    g_free(set);
    tu_tmpdir_free(bin);
    tu_tmpdir_free(out_dir);
    tu_tmpdir_free(data);
}
END_TEST

/* One page printed: "1 PDF in 0,8 s" ("1 PDF in 0.8 s"), the noun in the singular and
 * the seconds with the reader's decimal sign. */
START_TEST(one_pdf_is_said_in_the_singular)
{
    char *out_dir = tu_mkdtemp();
    char *bin = tu_mkdtemp();
    char *log = g_build_filename(bin, "log", NULL);
    char *fake = fake_soffice(bin, log);
    char *path = g_strconcat(bin, ":", g_getenv("PATH"), NULL);
    g_setenv("PATH", path, TRUE); /* Check runs each test in its own process */
    for (int en = 0; en < 2; en++) {
        const char *args[] = {"handout", "--lang", en ? "en" : "nl", "--data", tu_data_dir(),
                              "--out", out_dir, "--as-of", "2023-02-14", "--pdf",
                              "west-betuwe", NULL};
        char *out = NULL, *err = NULL;
        ck_assert_msg(tu_run(args, &out, &err) == 0, "%s", err);
        ck_assert_msg(g_regex_match_simple(en ? "(^|\\s)1 PDF in \\d+\\.\\d s"
                                              : "(^|\\s)1 PDF in \\d+,\\d s",
                                           err, 0, 0),
                      "%s", err);
        ck_assert_msg(!strstr(err, "PDF's") && !strstr(err, "PDFs"), "%s", err);
        g_free(out);
        g_free(err);
    }
    g_free(path);
    g_free(fake);
    g_free(log);
    tu_tmpdir_free(bin);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Every cell of a workbook as "sheet<TAB>row<TAB>column<TAB>value" lines (openpyxl). */
static char *cells_of(const char *path)
{
    const char *argv[] = {"/usr/bin/python3", "-c",
                          "import openpyxl, sys\n"
                          "for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:\n"
                          "  for row in ws.iter_rows():\n"
                          "    for c in row:\n"
                          "      if c.value is not None:\n"
                          "        v = str(c.value).replace('\\n', ' ')\n"
                          "        print(f'{ws.title}\\t{c.row}\\t{c.column}\\t{v}')\n",
                          path, NULL};
    return tu_spawn_output(argv);
}

/* The value in `column` of the front page's row whose `label_column` holds `label`,
 * as a number; -1 when there is none. Columns count from 1. */
static long front_count(char **lines, const char *label, int label_column, int column)
{
    for (char **l = lines; *l; l++) {
        char **f = g_strsplit(*l, "\t", 4);
        if (g_strv_length(f) == 4 && strcmp(f[0], "Hand-out") == 0 && atoi(f[2]) == label_column &&
            strcmp(f[3], label) == 0) {
            int row = atoi(f[1]);
            g_strfreev(f);
            for (char **m = lines; *m; m++) {
                char **g = g_strsplit(*m, "\t", 4);
                long value = -1;
                if (g_strv_length(g) == 4 && strcmp(g[0], "Hand-out") == 0 &&
                    atoi(g[1]) == row && atoi(g[2]) == column)
                    value = atol(g[3]);
                g_strfreev(g);
                if (value >= 0)
                    return value;
            }
            return -1;
        }
        g_strfreev(f);
    }
    return -1;
}

/* The number in `text` right before `words` ("46" of "46 acties uit"); -1 if absent. */
static long number_before(const char *text, const char *words)
{
    const char *at = strstr(text, words);
    if (!at || at == text)
        return -1;
    const char *p = at - 1;
    while (p > text && g_ascii_isdigit(p[-1]))
        p--;
    return g_ascii_isdigit(*p) ? atol(p) : -1;
}

/* The paragraph on top of West Betuwe's page says what its tables say: its actions,
 * the done and never reported ones by status, and as many overdue actions as the red
 * rows (front page and appendix) give "deadline verstreken" as reason. Every red and
 * amber action is on the page or in the appendix, and no internal id is shown. */
START_TEST(the_paragraph_agrees_with_the_tables)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_handout(out_dir, NULL, "west-betuwe", &out, &err), 0);
    char *path = handout_path(out_dir, "west-betuwe", ".xlsx");
    char *cells = cells_of(path);
    char **lines = g_strsplit(cells, "\n", -1);
    const char *paragraph = NULL;
    long overdue_rows = 0, signalled_rows = 0;
    for (char **l = lines; *l; l++) {
        char **f = g_strsplit(*l, "\t", 4);
        if (g_strv_length(f) == 4) {
            if (strstr(f[3], " werkt aan ") && !paragraph)
                paragraph = strstr(*l, f[3]);
            overdue_rows += strcmp(f[3], "deadline verstreken") == 0 ||
                            strcmp(f[3], "verwachte datum verstreken") == 0;
            signalled_rows += strcmp(f[3], "rood") == 0 || strcmp(f[3], "oranje") == 0;
            ck_assert_msg(!strstr(f[3], "west-betuwe/") && !strstr(f[3], "gelderland-zuid/"),
                          "an internal id: %s", f[3]);
        }
        g_strfreev(f);
    }
    ck_assert_msg(paragraph, "no paragraph:\n%s", cells);
    ck_assert_int_eq(number_before(paragraph, " acties uit"), front_count(lines, "totaal", 1, 2));
    ck_assert_int_eq(number_before(paragraph, " acties zijn afgerond"),
                     front_count(lines, "afgerond", 1, 2));
    ck_assert_int_eq(number_before(paragraph, " acties is nog nooit"),
                     front_count(lines, "onbekend", 1, 2));
    ck_assert_int_eq(number_before(paragraph, " acties zijn over hun deadline"), overdue_rows);
    /* The signal counts' rows, less the three labels in the counts table itself. */
    ck_assert_int_eq(signalled_rows - 2,
                     front_count(lines, "rood", 5, 6) + front_count(lines, "oranje", 5, 6));
    g_strfreev(lines);
    g_free(cells);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* A region's page is its municipalities' overview: a row per municipality of the
 * region with its actions, per progress group and signal, as the analysis counts
 * them, and their total. */
START_TEST(a_region_page_lists_its_municipalities)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_handout(out_dir, NULL, "gelderland-midden", &out, &err), 0);
    char *path = handout_path(out_dir, "gelderland-midden", ".xlsx");
    char *cells = cells_of(path);
    char **lines = g_strsplit(cells, "\n", -1);
    tu_checked *c = tu_check(tu_data_dir(), date_from_ymd(2023, 1, 31), RR_DATE_NONE);
    const rr_analysis *an = tu_analysis(c);
    const rr_owner *region = model_find_owner(c->model, "gelderland-midden");
    long total = 0, rows = 0;
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->owner->region != region)
            continue;
        rows++;
        total += (long)o->actions;
        const char *name = o->owner->name;
        ck_assert_int_eq(front_count(lines, name, 1, 2), (long)o->actions);
        ck_assert_int_eq(front_count(lines, name, 1, 3), (long)o->by_group[PROGRESS_DONE]);
        ck_assert_int_eq(front_count(lines, name, 1, 4), (long)o->by_group[PROGRESS_UNDER_WAY]);
        ck_assert_int_eq(front_count(lines, name, 1, 7), (long)o->by_group[PROGRESS_UNKNOWN]);
        ck_assert_int_eq(front_count(lines, name, 1, 8), (long)o->by_signal[SIGNAL_RED]);
        ck_assert_int_eq(front_count(lines, name, 1, 9), (long)o->by_signal[SIGNAL_AMBER]);
    }
    ck_assert_int_eq(rows, 2);
    ck_assert_int_eq(front_count(lines, "totaal gemeenten", 1, 2), total);
    tu_checked_free(c);
    g_strfreev(lines);
    g_free(cells);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* The printed facts of a PDF (tests/pdf_facts.py): per page its body and smallest
 * text size, and its text. */
static char *pdf_facts(const char *pdf)
{
    const char *argv[] = {"/usr/bin/python3", "tests/pdf_facts.py", pdf, NULL};
    return tu_spawn_output(argv);
}

/* How many pages carry `sheet` in their footer (the sheet's name, left). */
static int pages_of_sheet(const char *facts, const char *sheet)
{
    int pages = 0;
    char **lines = g_strsplit(facts, "\n", -1);
    for (char **l = lines; *l; l++)
        if (g_str_has_prefix(*l, "text ") && strcmp(*l + 5, sheet) == 0)
            pages++;
    g_strfreev(lines);
    return pages;
}

/* LibreOffice prints every shipped owner's front page on one A4 page, its text at
 * 9 pt or more and its sources at 7 pt or more (read from the PDF, not estimated),
 * with the numbers the way a Dutch reader's Excel prints them. */
START_TEST(libreoffice_prints_every_front_page_legibly)
{
    char *out_dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_msg(run_handout(out_dir, "--pdf", NULL, &out, &err) == 0, "%s", err);
    const char *owners[] = {"gelderland-midden", "arnhem", "overbetuwe", "gelderland-zuid",
                            "west-betuwe", "zuid-holland-zuid", "dordrecht"};
    for (size_t i = 0; i < G_N_ELEMENTS(owners); i++) {
        char *pdf = handout_path(out_dir, owners[i], ".pdf");
        ck_assert_msg(strstr(out, pdf), "stdout does not name %s:\n%s\n%s", pdf, out, err);
        char *facts = pdf_facts(pdf);
        double body = 0, smallest = 0;
        ck_assert_msg(sscanf(facts, "page 1 body %lf smallest %lf", &body, &smallest) == 2,
                      "%s", facts);
        ck_assert_msg(body >= 9.0, "%s: body text %.1f pt", owners[i], body);
        ck_assert_msg(smallest >= 7.0, "%s: smallest text %.1f pt", owners[i], smallest);
        ck_assert_msg(pages_of_sheet(facts, "Hand-out") == 1,
                      "%s: the front page prints on %d pages", owners[i],
                      pages_of_sheet(facts, "Hand-out"));
        ck_assert_msg(strstr(facts, "31-01-2023"), "%s", facts);
        g_free(facts);
        g_free(pdf);
    }
    char *wb = handout_path(out_dir, "west-betuwe", ".pdf");
    char *facts = pdf_facts(wb);
    ck_assert_msg(strstr(facts, "€ 25.280") && strstr(facts, "6,57") &&
                      !strstr(facts, "25,280") && !strstr(facts, "25.280,00"),
                  "numbers not printed the Dutch way:\n%s", facts);
    g_free(facts);
    g_free(wb);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* With --lang en the numbers print the English way. */
START_TEST(libreoffice_prints_english_numbers_in_english)
{
    char *out_dir = tu_mkdtemp();
    const char *args[] = {"--lang", "en", "handout", "--data", tu_data_dir(), "--out", out_dir,
                          "--as-of", AS_OF, "--pdf", "west-betuwe", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(tu_run(args, &out, &err) == 0, "%s", err);
    char *pdf = handout_path(out_dir, "west-betuwe", ".pdf");
    char *facts = pdf_facts(pdf);
    ck_assert_msg(strstr(facts, "25,280") && strstr(facts, "6.57") && !strstr(facts, "6,57"),
                  "%s", facts);
    g_free(facts);
    g_free(pdf);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(out_dir);
}
END_TEST

Suite *handout_suite(void)
{
    Suite *s = suite_create("handout");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, a_page_for_every_owner);
    tcase_add_test(tc, an_owner_without_actions_gets_a_page_that_says_so);
    tcase_add_test(tc, an_unknown_owner_is_exit_1);
    tcase_add_test(tc, pdf_without_libreoffice_names_the_package);
    tcase_add_test(tc, one_pdf_is_said_in_the_singular);
    tcase_add_test(tc, a_hung_libreoffice_is_stopped);
    tcase_add_loop_test(tc, a_pdf_libreoffice_did_not_write_is_an_error, 0,
                        G_N_ELEMENTS(broken_soffice));
    tcase_add_test(tc, many_pages_go_to_libreoffice_in_batches);
    tcase_add_test(tc, the_paragraph_agrees_with_the_tables);
    tcase_add_test(tc, a_region_page_lists_its_municipalities);
    tcase_add_test(tc, libreoffice_prints_every_front_page_legibly);
    tcase_add_test(tc, libreoffice_prints_english_numbers_in_english);
    suite_add_tcase(s, tc);
    return s;
}

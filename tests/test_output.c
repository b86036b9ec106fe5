/*
 * test_output.c - the report as one unit (base/atomic.h, docs/architecture.md
 * "Output"): the workbook and the chart folder land together or not at all, a chart
 * folder holds the charts of one run only, a hanging gnuplot cannot hold the report
 * up, libxlsxwriter's temporary files stay out of TMPDIR, a damaged archive is never
 * put in place, and --out may not lie inside --data.
 *
 * Cases that need root (a tmpfs, a mount namespace) print a line saying they were
 * skipped when this machine does not allow them.
 */
#define _GNU_SOURCE /* unshare, CLONE_NEWNS */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/atomic.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"
#include "xlsx/cells.h"

#define AS_OF "2023-01-15"
#define REPORT "regiorapport-" AS_OF ".xlsx"
#define CHARTS "charts-" AS_OF

/* ---- running the binary ------------------------------------------------------------ */

typedef enum { SETUP_NONE, SETUP_FD_LIMIT, SETUP_FULL_TMP } setup_kind;

/* In the child before exec. SETUP_FD_LIMIT: at most five open files. SETUP_FULL_TMP:
 * a mount namespace of its own with a full 4 KiB tmpfs over /tmp (exit 125 when the
 * system does not allow it). */
static void child_setup(gpointer data)
{
    setup_kind kind = (setup_kind)GPOINTER_TO_INT(data);
    if (kind == SETUP_FD_LIMIT) {
        struct rlimit limit = {5, 5};
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            _exit(125);
    } else if (kind == SETUP_FULL_TMP) {
        if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
            mount("tmpfs", "/tmp", "tmpfs", 0, "size=4k,mode=1777") != 0)
            _exit(125);
        FILE *f = fopen("/tmp/filler", "wb");
        static const char block[512] = {0};
        while (f && fwrite(block, 1, sizeof block, f) == sizeof block && fflush(f) == 0)
            ;
        if (f)
            fclose(f);
    }
}

/* Runs the binary with args after `kind`; returns its exit status (125: the setup
 * was refused). */
static int run_with(setup_kind kind, const char *const *args, char **err)
{
    return tu_run_setup(args, child_setup, GINT_TO_POINTER(kind), NULL, err);
}

/* `report` of data into out with --charts `charts` (and more arguments). */
static int report(setup_kind kind, const char *data, const char *out, const char *charts,
                  const char *extra, const char *extra_value, char **err)
{
    const char *args[] = {"report", "--data", data, "--out", out, "--as-of", AS_OF,
                          "--charts", charts, extra, extra_value, NULL};
    return run_with(kind, args, err);
}

/* ---- what a folder holds ----------------------------------------------------------- */

/* The data changed: a new report would differ from the previous one. */
static void change_data(const char *data)
{
    tu_write(data, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n1.1,2023-01-10,afgerond,klaar,test\n");
}

/* A report into `out` that succeeds, as the previous one. */
static void previous_report(const char *data, const char *out, const char *charts)
{
    char *err = NULL;
    ck_assert_msg(report(SETUP_NONE, data, out, charts, NULL, NULL, &err) == 0, "%s", err);
    g_free(err);
}

/* A failed report under `kind`: exit 3, a message, "nothing was written", and `out`
 * exactly as before. */
static void assert_report_fails(setup_kind kind, const char *data, const char *out,
                                const char *charts, const char *says)
{
    GHashTable *before = tu_snapshot(out);
    char *err = NULL;
    ck_assert_int_eq(report(kind, data, out, charts, NULL, NULL, &err), 3);
    ck_assert_msg(strstr(err, says), "expected '%s' in:\n%s", says, err);
    ck_assert_msg(strstr(err, "er is niets geschreven"), "%s", err);
    tu_assert_unchanged(before, out);
    g_hash_table_unref(before);
    g_free(err);
}

/* ---- a chart folder holds one run ------------------------------------------------- */

/* A chart from an earlier run with other data (a removed region) never survives: the
 * folder is replaced as a whole, and nothing temporary is left beside it. */
START_TEST(chart_folder_is_replaced_whole)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    previous_report(data, out, "png");
    char *folder = g_build_filename(out, CHARTS, NULL);
    tu_write(folder, "acties-tijdlijn-weg.png", "from a region that is gone");
    tu_write(folder, "data/acties-tijdlijn-weg.tsv", "x\n");
    previous_report(data, out, "svg");
    GHashTable *now = tu_snapshot(out);
    GHashTableIter it;
    gpointer name;
    g_hash_table_iter_init(&it, now);
    guint svg = 0;
    while (g_hash_table_iter_next(&it, &name, NULL)) {
        ck_assert_msg(!strstr(name, "weg") && !g_str_has_suffix(name, ".png"),
                      "'%s' from the earlier run survived", (char *)name);
        ck_assert_msg(((char *)name)[0] != '.', "'%s' left behind", (char *)name);
        svg += g_str_has_suffix(name, ".svg");
    }
    /* status, tijdlijn (gemeente-b's one deadline is a line of text, not a chart) */
    ck_assert_uint_ge(svg, 2);
    ck_assert_ptr_nonnull(g_hash_table_lookup(now, REPORT));
    g_hash_table_unref(now);
    g_free(folder);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* ---- a report is one unit ------------------------------------------------------------ */

/* The chart folder's name is taken by a file: exit 3 before anything is replaced. */
START_TEST(chart_folder_name_taken_by_a_file)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    previous_report(data, out, "none");
    tu_write(out, CHARTS, "a file, not a folder\n");
    change_data(data);
    char *says = g_strdup_printf("%s/" CHARTS ": fout: ", out);
    assert_report_fails(SETUP_NONE, data, out, "png", says);
    g_free(says);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* Five open files at most (`ulimit -n 5`): the previous workbook and charts stay and
 * no data file is left half-written. */
START_TEST(five_open_files)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    tu_write_valid_tree(data);
    previous_report(data, out, "png");
    change_data(data);
    assert_report_fails(SETUP_FD_LIMIT, data, out, "png", "fout: ");
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* An output folder whose path leaves room for the workbook but not for the chart
 * files (over 4,096 bytes): exit 3, the previous workbook untouched. */
START_TEST(chart_paths_over_4096_bytes)
{
    char *data = tu_mkdtemp(), *tmp = tu_mkdtemp();
    tu_write_valid_tree(data);
    /* Two deadlines, so that the chart with the longest name (acties-tijdlijn-gemeente-b,
     * not drawn for one action alone) is among the files. */
    tu_write(data, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "1.1,lp,Preventie,preventie|meldcode,Training,Doel,najaar 2022,€ 3.000,VT,test\n"
             "1.2,rv,Preventie,,Voorlichting,,Q1 2023,P.M.,,test\n");
    GString *out = g_string_new(tmp);
    while (out->len < 3900)
        g_string_append_printf(out, "/%0200d", 0);
    g_string_append_c(out, '/');
    while (out->len < 4030)
        g_string_append_c(out, 'e');
    ck_assert_int_eq(g_mkdir_with_parents(out->str, 0755), 0);
    previous_report(data, out->str, "none");
    change_data(data);
    assert_report_fails(SETUP_NONE, data, out->str, "png", "fout: ");
    g_string_free(out, TRUE);
    tu_tmpdir_free(data);
    tu_tmpdir_free(tmp);
}
END_TEST

/* A full disk while the SVG charts are written (a small tmpfs, filled after the
 * previous report): exit 3, the previous workbook and charts untouched. */
START_TEST(full_disk_during_svg_charts)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp();
    if (mount("tmpfs", out, "tmpfs", 0, "size=1m,mode=0755") != 0) {
        char *why = g_strdup_printf("cannot mount a tmpfs (%s)", g_strerror(errno));
        tu_skip("output: full_disk_during_svg_charts", why);
        g_free(why);
        tu_tmpdir_free(data);
        tu_tmpdir_free(out);
        return;
    }
    tu_write_valid_tree(data);
    previous_report(data, out, "svg");
    change_data(data);
    /* Leave about 40 KiB: less than the workbook and the charts together. */
    char *filler = g_build_filename(out, "filler", NULL);
    FILE *f = fopen(filler, "wb");
    static const char block[1024] = {0};
    while (fwrite(block, 1, sizeof block, f) == sizeof block && fflush(f) == 0)
        ;
    fclose(f);
    GStatBuf st;
    ck_assert_int_eq(g_stat(filler, &st), 0);
    ck_assert_int_eq(truncate(filler, st.st_size - 40 * 1024), 0);
    assert_report_fails(SETUP_NONE, data, out, "svg", "fout: ");
    g_free(filler);
    ck_assert_int_eq(umount(out), 0);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
}
END_TEST

/* ---- libxlsxwriter's temporary files ------------------------------------------------- */

/* The workbook opens, read back whole with openpyxl (tests/xlsx_facts.h), and has its
 * sheets. */
static void assert_workbook_reads(const char *path)
{
    xf_book *book = xf_read(path);
    ck_assert_msg(xf_sheet_count(book) >= 2, "%s: sheets %s", path, xf_sheet_names(book));
    xf_free(book);
}

/* /tmp (and TMPDIR) a full 4 KiB tmpfs: libxlsxwriter zipped cut-off sheets from its
 * temporary files there and the tool said it had succeeded. Its temporary files now
 * go into the output folder: report and template succeed with whole workbooks. */
START_TEST(full_tmp_does_not_matter)
{
    /* The data and the output must not be under /tmp, which the child covers. */
    ck_assert_int_eq(g_mkdir_with_parents("build/test-output", 0755), 0);
    char *data = g_strdup("build/test-output/data-XXXXXX");
    char *out = g_strdup("build/test-output/out-XXXXXX");
    ck_assert_ptr_nonnull(g_mkdtemp(data));
    ck_assert_ptr_nonnull(g_mkdtemp(out));
    tu_write_valid_tree(data);
    g_setenv("TMPDIR", "/tmp", TRUE);
    char *err = NULL;
    int status = report(SETUP_FULL_TMP, data, out, "none", NULL, NULL, &err);
    if (status == 125) {
        tu_skip("output: full_tmp_does_not_matter", "no mount namespace or tmpfs for /tmp here");
    } else {
        ck_assert_msg(status == 0, "%s", err);
        char *path = g_build_filename(out, REPORT, NULL);
        assert_workbook_reads(path);
        g_free(path);
        const char *args[] = {"template", "--data", data, "--out", out, "--as-of", AS_OF,
                              "gemeente-b", NULL};
        g_free(err);
        err = NULL;
        ck_assert_msg(run_with(SETUP_FULL_TMP, args, &err) == 0, "%s", err);
        path = g_build_filename(out, "voortgang-gemeente-b-" AS_OF ".xlsx", NULL);
        assert_workbook_reads(path);
        g_free(path);
    }
    g_unsetenv("TMPDIR");
    g_free(err);
    tu_rmtree(data);
    tu_rmtree(out);
    g_free(data);
    g_free(out);
}
END_TEST

/* Writes a zip with python's zipfile: one part `name` holding `text` (stored, not
 * compressed, so a byte can be changed in place). */
static void write_zip(const char *path, const char *name, const char *text)
{
    const char *argv[] = {"/usr/bin/python3", "-c",
                          "import sys, zipfile\n"
                          "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:\n"
                          "    z.writestr('[Content_Types].xml', '<?xml version=\"1.0\"?>\\n"
                          "<Types xmlns=\"x\"><Default Extension=\"xml\"/></Types>')\n"
                          "    z.writestr(sys.argv[2], sys.argv[3])\n",
                          path, name, text, NULL};
    g_free(tu_spawn_output(argv));
}

/* The archive check: a whole archive passes; a part cut off (with a valid CRC, as
 * libxlsxwriter makes it from a failed temporary file), a changed byte (bad CRC) and
 * a file that is no zip do not, each with an error at the path shown. */
START_TEST(archive_check_finds_damage)
{
    char *dir = tu_mkdtemp();
    char *zip = g_build_filename(dir, "book.xlsx", NULL);
    diag_list diags;
    diag_list_init(&diags);

    write_zip(zip, "xl/worksheets/sheet1.xml",
              "<?xml version=\"1.0\"?>\n<worksheet><sheetData/></worksheet>\n");
    ck_assert_int_eq(xlsx_archive_check(zip, "shown.xlsx", &diags), RR_OK);
    write_zip(zip, "xl/_rels/workbook.xml.rels", "<Relationships/>");
    ck_assert_int_eq(xlsx_archive_check(zip, "shown.xlsx", &diags), RR_OK);
    ck_assert_uint_eq(diags.count, 0);

    write_zip(zip, "xl/worksheets/sheet1.xml",
              "<?xml version=\"1.0\"?>\n<worksheet><sheetData><row r=\"1\"><c");
    ck_assert_int_eq(xlsx_archive_check(zip, "shown.xlsx", &diags), RR_ERR_WRITE);
    ck_assert_ptr_nonnull(tu_find_diag(&diags, "shown.xlsx", 0, 0, DIAG_ERROR, "sheet1.xml"));

    write_zip(zip, "xl/worksheets/sheet1.xml",
              "<?xml version=\"1.0\"?>\n<worksheet><sheetData>XYZ</sheetData></worksheet>");
    char *bytes = NULL;
    gsize len = 0;
    ck_assert(g_file_get_contents(zip, &bytes, &len, NULL));
    char *at = memmem(bytes, len, "XYZ", 3); /* the zip holds NUL bytes */
    ck_assert_ptr_nonnull(at);
    at[1] = 'Q';
    ck_assert(g_file_set_contents(zip, bytes, (gssize)len, NULL));
    size_t before = diags.count;
    ck_assert_int_eq(xlsx_archive_check(zip, "shown.xlsx", &diags), RR_ERR_WRITE);
    ck_assert_uint_eq(diags.count, before + 1);
    ck_assert_msg(strstr(diags.items[before].message, "CRC"), "%s", diags.items[before].message);

    tu_write(dir, "book.xlsx", "not a zip at all");
    ck_assert_int_eq(xlsx_archive_check(zip, "shown.xlsx", &diags), RR_ERR_WRITE);
    ck_assert_uint_eq(diags.count, before + 2);

    g_free(bytes);
    diag_list_release(&diags);
    g_free(zip);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- the atomic module on its own ----------------------------------------------------- */

/* A folder replaces a non-empty folder in one step; the previous one goes with
 * atomic_discard; a group with a destination of the wrong kind changes nothing. */
START_TEST(atomic_group_all_or_nothing)
{
    char *dir = tu_mkdtemp();
    char *folder = g_build_filename(dir, "charts", NULL);
    char *file = g_build_filename(dir, "book.xlsx", NULL);
    tu_write(dir, "charts/old.png", "old");
    tu_write(dir, "book.xlsx", "old book");
    diag_list diags;
    diag_list_init(&diags);

    atomic_out f, d;
    ck_assert_int_eq(atomic_file_bytes(&f, file, "new book", 8, &diags), RR_OK);
    ck_assert_int_eq(atomic_folder_start(&d, folder, &diags), RR_OK);
    tu_write(d.tmp_path, "new.png", "new");
    ck_assert_msg(g_str_has_prefix(strrchr(f.tmp_path, '/'), "/.book.xlsx."), "%s", f.tmp_path);
    atomic_out *both[] = {&f, &d};
    ck_assert_int_eq(atomic_commit(both, 2, &diags), RR_OK);
    atomic_discard(&f);
    atomic_discard(&d);
    GHashTable *now = tu_snapshot(dir);
    ck_assert_uint_eq(g_hash_table_size(now), 3);
    ck_assert(tu_snapshot_is(now, "book.xlsx", "new book"));
    ck_assert(tu_snapshot_is(now, "charts/new.png", "new"));
    g_hash_table_unref(now);

    /* A file where the folder goes: an error, and the workbook is not replaced. */
    atomic_remove_tree(folder);
    tu_write(dir, "charts", "a file");
    GHashTable *before = tu_snapshot(dir);
    ck_assert_int_eq(atomic_file_bytes(&f, file, "newer", 5, &diags), RR_OK);
    ck_assert_int_eq(atomic_folder_start(&d, folder, &diags), RR_OK);
    ck_assert_int_eq(atomic_commit(both, 2, &diags), RR_ERR_WRITE);
    ck_assert_ptr_nonnull(tu_find_diag(&diags, "charts", 0, 0, DIAG_ERROR, "bestand"));
    atomic_discard(&f);
    atomic_discard(&d);
    tu_assert_unchanged(before, dir);
    g_hash_table_unref(before);

    diag_list_release(&diags);
    g_free(folder);
    g_free(file);
    tu_tmpdir_free(dir);
}
END_TEST

/* ---- a hanging gnuplot ------------------------------------------------------------------ */

/* Fake gnuplots that never finish: one keeps its output pipe open (its child holds
 * it), one closes it first. Each writes its own and its child's process id. */
static const char *const hanging[] = {
    "#!/bin/sh\necho $$ >> \"$PIDS\"\nsleep 300 &\necho $! >> \"$PIDS\"\nwait\n",
    "#!/bin/sh\nexec >/dev/null 2>&1\necho $$ >> \"$PIDS\"\nsleep 300 &\necho $! >> \"$PIDS\"\n"
    "wait\n",
};

/* Whether process `pid` still runs (a zombie waiting for its reaper does not). */
static bool is_running(long pid)
{
    char *path = g_strdup_printf("/proc/%ld/stat", pid);
    char *stat = NULL;
    bool running = g_file_get_contents(path, &stat, NULL, NULL);
    if (running) {
        const char *close_paren = strrchr(stat, ')');
        running = close_paren && close_paren[1] == ' ' && close_paren[2] != 'Z' &&
                  close_paren[2] != 'X';
    }
    g_free(stat);
    g_free(path);
    return running;
}

START_TEST(hanging_gnuplot_is_stopped)
{
    char *data = tu_mkdtemp(), *out = tu_mkdtemp(), *bin = tu_mkdtemp();
    tu_write_valid_tree(data);
    tu_write(bin, "gnuplot", hanging[_i]);
    char *fake = g_build_filename(bin, "gnuplot", NULL);
    ck_assert_int_eq(g_chmod(fake, 0755), 0);
    char *pids = g_build_filename(bin, "pids", NULL);
    char *path = g_strconcat(bin, ":", g_getenv("PATH"), NULL);
    g_setenv("PATH", path, TRUE);
    g_setenv("PIDS", pids, TRUE);

    char *err = NULL;
    gint64 start = g_get_monotonic_time();
    int status = report(SETUP_NONE, data, out, "png", "--chart-timeout", "2", &err);
    double seconds = (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC;

    ck_assert_msg(status == 0, "%s", err);
    ck_assert_msg(seconds < 12, "the report took %.1f s with a 2 s chart timeout", seconds);
    ck_assert_msg(strstr(err, "niet getekend") && strstr(err, "status.png") &&
                      strstr(err, "--chart-timeout"),
                  "%s", err);
    char *book = g_build_filename(out, REPORT, NULL);
    ck_assert(g_file_test(book, G_FILE_TEST_IS_REGULAR));
    /* Every fake gnuplot and every child of one is gone. */
    char *list = NULL;
    ck_assert(g_file_get_contents(pids, &list, NULL, NULL));
    char **lines = g_strsplit(list, "\n", -1);
    guint count = 0;
    for (char **l = lines; *l; l++) {
        if (!**l)
            continue;
        long pid = strtol(*l, NULL, 10);
        for (int tries = 0; tries < 40 && is_running(pid); tries++)
            g_usleep(50000);
        ck_assert_msg(!is_running(pid), "process %ld still runs", pid);
        count++;
    }
    ck_assert_uint_ge(count, 2);

    g_strfreev(lines);
    g_free(list);
    g_free(book);
    g_free(err);
    g_unsetenv("PIDS");
    g_free(path);
    g_free(pids);
    g_free(fake);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out);
    tu_tmpdir_free(bin);
}
END_TEST

/* --chart-timeout takes whole seconds from 1 to a day, and only on `report`. */
START_TEST(chart_timeout_values)
{
    static const char *const bad[] = {"0", "-1", "abc", "86401", "1.5", ""};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        const char *args[] = {"report", "--charts", "none", "--chart-timeout", bad[i], NULL};
        char *out = NULL, *err = NULL;
        ck_assert_int_eq(tu_run(args, &out, &err), 2);
        ck_assert_msg(strstr(err, "--chart-timeout"), "'%s': %s", bad[i], err);
        g_free(out);
        g_free(err);
    }
    const char *args[] = {"template", "--chart-timeout", "5", "west-betuwe", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 2);
    g_free(out);
    g_free(err);
}
END_TEST

/* ---- --out inside --data ----------------------------------------------------------------- */

/* --out inside --data (or equal to it, or to a region folder, also by another
 * spelling or a link): a usage error that says why, and nothing written. */
START_TEST(out_inside_data_is_refused)
{
    char *tmp = tu_mkdtemp();
    char *data = g_build_filename(tmp, "data", NULL);
    tu_write_valid_tree(data);
    char *link = g_build_filename(tmp, "link", NULL);
    ck_assert_int_eq(symlink(data, link), 0);
    char *outs[] = {g_strdup(data), g_build_filename(data, "regio-a", NULL),
                    g_build_filename(data, "x", "..", "regio-a", "new", NULL),
                    g_build_filename(link, "reports", NULL)};
    GHashTable *before = tu_snapshot(tmp);
    for (size_t i = 0; i < G_N_ELEMENTS(outs); i++) {
        const char *report_args[] = {"report", "--data", data, "--out", outs[i], "--charts",
                                     "none", NULL};
        const char *template_args[] = {"template", "--data", data, "--out", outs[i],
                                       "gemeente-b", NULL};
        const char *const *runs[] = {report_args, template_args};
        for (size_t r = 0; r < 2; r++) {
            char *out = NULL, *err = NULL;
            ck_assert_int_eq(tu_run(runs[r], &out, &err), 2);
            ck_assert_msg(strstr(err, "--out") && strstr(err, "gegevensmap") &&
                              strstr(err, "--out reports"),
                          "%s: %s", outs[i], err);
            ck_assert_str_eq(out, "");
            g_free(out);
            g_free(err);
        }
    }
    tu_assert_unchanged(before, tmp);
    /* Beside the data is fine. */
    char *beside = g_build_filename(tmp, "reports", NULL);
    const char *ok_args[] = {"report", "--data", data, "--out", beside, "--charts", "none", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(tu_run(ok_args, &out, &err) == 0, "%s", err);
    g_free(out);
    g_free(err);
    g_free(beside);
    g_hash_table_unref(before);
    for (size_t i = 0; i < G_N_ELEMENTS(outs); i++)
        g_free(outs[i]);
    g_free(link);
    g_free(data);
    tu_tmpdir_free(tmp);
}
END_TEST

Suite *output_suite(void)
{
    Suite *s = suite_create("output");
    TCase *tc = tcase_create("one unit");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, chart_folder_is_replaced_whole);
    tcase_add_test(tc, chart_folder_name_taken_by_a_file);
    tcase_add_test(tc, five_open_files);
    tcase_add_test(tc, chart_paths_over_4096_bytes);
    tcase_add_test(tc, full_disk_during_svg_charts);
    tcase_add_test(tc, full_tmp_does_not_matter);
    tcase_add_test(tc, archive_check_finds_damage);
    tcase_add_test(tc, atomic_group_all_or_nothing);
    tcase_add_loop_test(tc, hanging_gnuplot_is_stopped, 0, G_N_ELEMENTS(hanging));
    tcase_add_test(tc, chart_timeout_values);
    tcase_add_test(tc, out_inside_data_is_refused);
    suite_add_tcase(s, tc);
    return s;
}

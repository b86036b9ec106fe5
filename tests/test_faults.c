/*
 * test_faults.c - output faults: a full disk (a file-size limit, and a small tmpfs when
 * this machine lets us mount one) and a read-only output folder. Each is exit 3, a
 * message naming the file, the previous report byte for byte, and no temporary file.
 * A chart cut off by a full disk is never kept as if it were whole.
 *
 * (An output path that is a file, and a folder in the report's place, are in
 * test_workbook.c.)
 */
#define _DEFAULT_SOURCE /* setgroups, mount */
#include <errno.h>
#include <grp.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"

#define AS_OF "2023-01-15"
#define REPORT "regiorapport-" AS_OF ".xlsx"
#define FORM "voortgang-gemeente-b-" AS_OF

/* ---- running the binary under a fault --------------------------------------------- */

typedef enum { FAULT_NONE, FAULT_FILE_SIZE, FAULT_NOBODY } fault_kind;

typedef struct {
    fault_kind kind;
    rlim_t bytes; /* FAULT_FILE_SIZE: the largest file the child may write */
} fault;

/* In the child, before exec: a file-size limit (with SIGXFSZ ignored, so a write past
 * it fails with EFBIG like a write to a full disk), or the rights of nobody. */
static void child_setup(gpointer data)
{
    const fault *f = data;
    if (f->kind == FAULT_FILE_SIZE) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit = {f->bytes, f->bytes};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
            _exit(125);
    } else if (f->kind == FAULT_NOBODY) {
        if (setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
            _exit(125);
    }
}

/* Runs the binary with args under fault f; returns the exit status. */
static int run_faulty(const fault *f, const char *const *args, char **out, char **err)
{
    int status = tu_run_setup(args, child_setup, (gpointer)f, out, err);
    ck_assert_msg(status != 125, "could not set up the fault in the child");
    return status;
}

static int report(const fault *f, const char *data, const char *out_dir, const char *charts,
                  char **err)
{
    const char *args[] = {"report", "--data", data,   "--out", out_dir, "--as-of", AS_OF,
                          "--charts", charts, NULL};
    char *out = NULL;
    int status = run_faulty(f, args, &out, err);
    g_free(out);
    return status;
}

static int template(const fault *f, const char *data, const char *out_dir, char **err)
{
    /* --force: the form changes with the data, and its write must meet the fault */
    const char *args[] = {"template", "--force", "--data", data,        "--out", out_dir,
                          "--as-of",  AS_OF,     "gemeente-b", NULL};
    char *out = NULL;
    int status = run_faulty(f, args, &out, err);
    g_free(out);
    return status;
}

/* ---- what a failed run must leave ---------------------------------------------------- */

/* Writes the valid tree, and a report and an update form into out_dir with no fault. */
static void previous_outputs(const char *data, const char *out_dir)
{
    const fault none = {FAULT_NONE, 0};
    tu_write_valid_tree(data);
    char *err = NULL;
    ck_assert_msg(report(&none, data, out_dir, "none", &err) == 0, "%s", err);
    g_free(err);
    ck_assert_msg(template(&none, data, out_dir, &err) == 0, "%s", err);
    g_free(err);
}

/* The data changed since: a new run would write different bytes. */
static void change_data(const char *data)
{
    tu_write(data, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n1.1,2023-01-10,afgerond,klaar,test\n");
}

/* Report and template into out_dir under fault f: each exit 3, naming its file. */
static void assert_both_fail(const fault *f, const char *data, const char *out_dir)
{
    GHashTable *before = tu_snapshot(out_dir);
    char *err = NULL;
    ck_assert_int_eq(report(f, data, out_dir, "none", &err), 3);
    char *where = g_strdup_printf("%s/" REPORT, out_dir);
    tu_assert_said(err, where, DIAG_ERROR, "");
    g_free(where);
    g_free(err);
    tu_assert_unchanged(before, out_dir);

    ck_assert_int_eq(template(f, data, out_dir, &err), 3);
    char *xlsx = g_strdup_printf("%s/" FORM ".xlsx", out_dir);
    char *csv = g_strdup_printf("%s/" FORM ".csv", out_dir);
    ck_assert_msg(tu_said(err, xlsx, DIAG_ERROR, "") || tu_said(err, csv, DIAG_ERROR, ""),
                  "expected an error at %s or %s in:\n%s", xlsx, csv, err);
    g_free(xlsx);
    g_free(csv);
    g_free(err);
    tu_assert_unchanged(before, out_dir);
    g_hash_table_unref(before);
}

/* ---- the cases ----------------------------------------------------------------------- */

/* A full disk, as a file-size limit: 4 KiB, less than any workbook. */
START_TEST(full_disk_by_file_size_limit)
{
    char *data = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    previous_outputs(data, out_dir);
    change_data(data);
    const fault f = {FAULT_FILE_SIZE, 4096};
    assert_both_fail(&f, data, out_dir);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* A read-only output folder. Root writes anywhere, so as root the binary runs as
 * nobody (the folder stays root's, mode 0755); otherwise the folder is made 0555. */
START_TEST(read_only_output_folder)
{
    char *data = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    previous_outputs(data, out_dir);
    change_data(data);
    fault f = {FAULT_NONE, 0};
    if (geteuid() == 0) {
        f.kind = FAULT_NOBODY;
        ck_assert_int_eq(g_chmod(data, 0755), 0); /* nobody reads the data */
        ck_assert_int_eq(g_chmod(out_dir, 0755), 0);
    } else {
        ck_assert_int_eq(g_chmod(out_dir, 0555), 0);
    }
    assert_both_fail(&f, data, out_dir);
    g_chmod(out_dir, 0755);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* A real full disk: a 64 KiB tmpfs, filled after the previous outputs were written.
 * Needs the right to mount (root outside a restricted container); skipped otherwise. */
START_TEST(full_disk_on_a_small_tmpfs)
{
    char *data = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    if (mount("tmpfs", out_dir, "tmpfs", 0, "size=64k,mode=0755") != 0) {
        char *why = g_strdup_printf("cannot mount a tmpfs (%s)", g_strerror(errno));
        tu_skip("faults: full_disk_on_a_small_tmpfs", why);
        g_free(why);
        tu_tmpdir_free(data);
        tu_tmpdir_free(out_dir);
        return;
    }
    previous_outputs(data, out_dir);
    change_data(data);
    /* Fill what is left. */
    char *filler = g_build_filename(out_dir, "filler", NULL);
    FILE *fp = fopen(filler, "wb");
    ck_assert_ptr_nonnull(fp);
    static const char block[1024] = {0};
    while (fwrite(block, 1, sizeof block, fp) == sizeof block && fflush(fp) == 0)
        ;
    fclose(fp);
    const fault none = {FAULT_NONE, 0};
    assert_both_fail(&none, data, out_dir);
    g_free(filler);
    ck_assert_int_eq(umount(out_dir), 0);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out_dir);
}
END_TEST

/* Whether a file ends with PNG's IEND chunk. */
static bool png_is_whole(const char *path)
{
    static const unsigned char iend[] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    char *content = NULL;
    gsize len = 0;
    bool whole = g_file_get_contents(path, &content, &len, NULL) && len >= sizeof iend &&
                 memcmp(content + len - sizeof iend, iend, sizeof iend) == 0;
    g_free(content);
    return whole;
}

/* Regression: past a file-size limit gnuplot (cairo) writes a cut-off PNG and exits 0,
 * and the report used to keep it as a chart. A limit that the workbook fits under but
 * the larger charts do not: every chart left is whole, each cut one is a warning. */
START_TEST(a_chart_cut_off_by_a_full_disk_is_not_kept)
{
    char *data = tu_mkdtemp();
    char *out_dir = tu_mkdtemp();
    tu_write_valid_tree(data);
    char *cwd = g_get_current_dir();
    char *scripts = g_build_filename(cwd, "scripts", NULL);
    g_setenv("REGIORAPPORT_SCRIPTS", scripts, TRUE);
    const fault none = {FAULT_NONE, 0};
    char *err = NULL;
    ck_assert_msg(report(&none, data, out_dir, "png", &err) == 0, "%s", err);
    g_free(err);
    GStatBuf st;
    char *xlsx = g_build_filename(out_dir, REPORT, NULL);
    ck_assert_int_eq(g_stat(xlsx, &st), 0);
    const rlim_t limit = (rlim_t)st.st_size + 1024;
    char *charts = g_build_filename(out_dir, "charts-" AS_OF, NULL);
    GHashTable *sizes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GDir *d = g_dir_open(charts, 0, NULL);
    const char *name;
    size_t larger = 0;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(charts, name, NULL);
        if (g_str_has_suffix(name, ".png") && g_stat(path, &st) == 0 &&
            (rlim_t)st.st_size > limit) {
            g_hash_table_add(sizes, g_strdup(name));
            larger++;
        }
        g_free(path);
    }
    g_dir_close(d);
    ck_assert_msg(larger > 0, "no chart is larger than the workbook; the test proves nothing");

    const fault f = {FAULT_FILE_SIZE, limit};
    ck_assert_msg(report(&f, data, out_dir, "png", &err) == 0, "%s", err);
    d = g_dir_open(charts, 0, NULL);
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(charts, name, NULL);
        if (g_str_has_suffix(name, ".png"))
            ck_assert_msg(png_is_whole(path), "%s is cut off but was kept", name);
        g_free(path);
    }
    g_dir_close(d);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, sizes);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        char *where = g_strdup_printf("%s/%s", charts, (char *)key);
        tu_assert_said(err, where, DIAG_WARNING, "grafiek");
        g_free(where);
    }
    g_unsetenv("REGIORAPPORT_SCRIPTS");
    g_hash_table_unref(sizes);
    g_free(err);
    g_free(charts);
    g_free(xlsx);
    g_free(scripts);
    g_free(cwd);
    tu_tmpdir_free(data);
    tu_tmpdir_free(out_dir);
}
END_TEST

Suite *faults_suite(void)
{
    Suite *s = suite_create("faults");
    TCase *tc = tcase_create("output");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, full_disk_by_file_size_limit);
    tcase_add_test(tc, read_only_output_folder);
    tcase_add_test(tc, full_disk_on_a_small_tmpfs);
    tcase_add_test(tc, a_chart_cut_off_by_a_full_disk_is_not_kept);
    suite_add_tcase(s, tc);
    return s;
}

/* testutil.c - fixtures shared by the suites. */
#include "testutil.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check/rules.h"
#include "load/load.h"

char *tu_mkdtemp(void)
{
    char *dir = g_strdup("/tmp/rrtest-XXXXXX");
    ck_assert_ptr_nonnull(g_mkdtemp(dir));
    return dir;
}

/* Removes a folder tree without a shell. */
void tu_rmtree(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
            tu_rmtree(path);
        else
            g_unlink(path);
        g_free(path);
    }
    g_dir_close(d);
    g_rmdir(dir);
}

void tu_write_bytes(const char *dir, const char *rel, const void *bytes, size_t size)
{
    char *path = g_build_filename(dir, rel, NULL);
    char *parent = g_path_get_dirname(path);
    g_mkdir_with_parents(parent, 0755);
    ck_assert_msg(g_file_set_contents(path, bytes, (gssize)size, NULL), "cannot write %s", path);
    g_free(parent);
    g_free(path);
}

void tu_tmpdir_free(char *dir)
{
    tu_rmtree(dir);
    g_free(dir);
}

void tu_write(const char *dir, const char *rel, const char *content)
{
    tu_write_bytes(dir, rel, content, strlen(content));
}

void tu_remove(const char *dir, const char *rel)
{
    char *path = g_build_filename(dir, rel, NULL);
    g_unlink(path);
    g_free(path);
}

void tu_write_valid_tree(const char *dir)
{
    tu_write(dir, "themas.csv", "thema,label_nl,label_en,omschrijving\n"
                                "preventie,Preventie,Prevention,\n"
                                "meldcode,Meldcode,Reporting code,\n");
    tu_write(dir, "indicatoren.csv", "indicator,label_nl,label_en,eenheid\n"
                                     "vt_meldingen,Meldingen,Reports,aantal\n");
    tu_write(dir, "regio-a/regio.csv", "regio_id,naam,centrumgemeente,veilig_thuis,bron\n"
                                       "regio-a,Regio A,Stad A,Veilig Thuis A,test\n");
    tu_write(dir, "regio-a/plannen.csv",
             "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,"
             "bovenliggend_plan,evaluatie,bron\n"
             "rv,Regiovisie,regiovisie,2019,2022,14-02-2019,college,,2021,test\n");
    tu_write(dir, "regio-a/verlengingen.csv",
             "plan_id,besloten_op,besloten_door,nieuw_eind,reden,bron\n"
             "rv,28-02-2022,RAO,2024,tijd,test\n");
    tu_write(dir, "regio-a/gemeente-b/gemeente.csv",
             "gemeente_id,naam,cbs_code,inwoners,inwoners_peiljaar,bron\n"
             "gemeente-b,Gemeente B,GM0001,10000,2022,test\n");
    tu_write(dir, "regio-a/gemeente-b/plannen.csv",
             "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,"
             "bovenliggend_plan,evaluatie,bron\n"
             "lp,Lokaal plan,lokaal-plan,2021,2023,,,regio-a/rv,,test\n");
    tu_write(dir, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
             "1.1,lp,Preventie,preventie|meldcode,Training,Doel,najaar 2022,€ 3.000,VT,test\n"
             "1.2,rv,Preventie,,Voorlichting,,doorlopend,P.M.,,test\n");
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status,toelichting,bron\n"
             "1.1,2022-12-20,lopend,gestart,test\n");
}

/* g_spawn_sync with the test's assertions around it: the wait status. */
static int spawn_wait_status(const char *const *argv, GSpawnFlags flags,
                             GSpawnChildSetupFunc setup, gpointer data, char **out, char **err)
{
    if (!out)
        flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
    if (!err)
        flags |= G_SPAWN_STDERR_TO_DEV_NULL;
    int status = -1;
    GError *error = NULL;
    gboolean ok = g_spawn_sync(NULL, (gchar **)argv, NULL, flags, setup, data, out, err,
                               &status, &error);
    ck_assert_msg(ok, "cannot run %s: %s", argv[0], error ? error->message : "?");
    return status;
}

const char *tu_bin(void)
{
    return getenv("RR_BIN") ? getenv("RR_BIN") : "./regiorapport";
}

int tu_run_setup(const char *const *args, GSpawnChildSetupFunc setup, gpointer data,
                 char **out, char **err)
{
    const char *bin = tu_bin();
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (gpointer)bin);
    for (const char *const *a = args; *a; a++)
        g_ptr_array_add(argv, (gpointer)*a);
    g_ptr_array_add(argv, NULL);
    int status = spawn_wait_status((const char *const *)argv->pdata, G_SPAWN_DEFAULT, setup,
                                   data, out, err);
    g_ptr_array_free(argv, TRUE);
    ck_assert_msg(WIFEXITED(status), "%s did not exit normally (signal %d)", bin,
                  WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return WEXITSTATUS(status);
}

int tu_run(const char *const *args, char **out, char **err)
{
    return tu_run_setup(args, NULL, NULL, out, err);
}

void tu_need(const char *const *argv)
{
    char *path = g_find_program_in_path(argv[0]);
    ck_assert_msg(path, "this test needs %s, which is not installed; scripts/install-deps "
                        "check installs it", argv[0]);
    g_free(path);
    char *err = NULL;
    int status = spawn_wait_status(argv, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "this test needs %s (%s); scripts/install-deps check installs it:\n%.500s",
                  argv[0], argv[1] ? argv[1] : "", err ? err : "");
    g_free(err);
}

/* The file the forked tests append their skips to (set by tu_skips_begin). */
#define SKIP_LOG_VARIABLE "RR_TEST_SKIP_LOG"

void tu_skip(const char *test, const char *why)
{
    fprintf(stderr, "%s: skipped: %s\n", test, why);
    const char *log = getenv(SKIP_LOG_VARIABLE);
    FILE *f = log ? fopen(log, "a") : NULL;
    if (f) {
        fprintf(f, "%s: %s\n", test, why);
        fclose(f);
    }
}

void tu_skips_begin(void)
{
    char *path = NULL;
    int fd = g_file_open_tmp("rrtest-skips-XXXXXX", &path, NULL);
    if (fd >= 0) {
        close(fd);
        g_setenv(SKIP_LOG_VARIABLE, path, TRUE);
    }
    g_free(path);
}

size_t tu_skips_end(FILE *out)
{
    const char *log = getenv(SKIP_LOG_VARIABLE);
    char *text = NULL;
    if (!log || !g_file_get_contents(log, &text, NULL, NULL))
        return 0;
    g_unlink(log);
    size_t count = 0;
    for (const char *p = text; *p; p++)
        count += *p == '\n';
    if (count > 0)
        fprintf(out, "%zu test%s skipped (not passed; this machine does not allow them):\n%s",
                count, count == 1 ? "" : "s", text);
    g_free(text);
    return count;
}

int tu_spawn(const char *const *argv, char **out, char **err)
{
    int status = spawn_wait_status(argv, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *tu_spawn_output(const char *const *argv)
{
    char *out = NULL, *err = NULL;
    int status = tu_spawn(argv, &out, &err);
    /* Names the script too, unless it is inline code (python3 -c ...). */
    const char *what = argv[1] && !strchr(argv[1], '\n') ? argv[1] : "";
    ck_assert_msg(status == 0, "%s %s failed (status %d):\n%.2000s", argv[0], what, status,
                  err);
    g_free(err);
    return out;
}

void tu_random_texts(const char *const *pieces, size_t count, uint32_t seed, int rounds,
                     void (*check)(const char *text))
{
    uint32_t state = seed;
    for (int round = 0; round < rounds; round++) {
        char text[128] = "";
        size_t len = 0;
        state = state * 1103515245u + 12345u;
        int n_pieces = (int)(state >> 16) % 9;
        for (int k = 0; k < n_pieces; k++) {
            state = state * 1103515245u + 12345u;
            const char *piece = pieces[(state >> 16) % count];
            size_t n = strlen(piece);
            ck_assert_uint_lt(len + n, sizeof text);
            memcpy(text + len, piece, n + 1);
            len += n;
        }
        check(text);
    }
}

rr_date tu_today(void)
{
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    return date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

const char *tu_data_dir(void)
{
    return getenv("RR_DATA") ? getenv("RR_DATA") : "regions";
}

const diag *tu_find_diag(const diag_list *diags, const char *path_suffix, long line,
                         long column, diag_severity severity, const char *needle)
{
    for (size_t i = 0; i < diags->count; i++) {
        const diag *d = &diags->items[i];
        if (d->severity == severity && g_str_has_suffix(d->path, path_suffix) &&
            (line == 0 || d->line == line) && (column == 0 || d->column == column) &&
            tu_has_keywords(d->message, needle))
            return d;
    }
    return NULL;
}

bool tu_has_keywords(const char *text, const char *keywords)
{
    gchar **words = g_strsplit(keywords, "|", -1);
    bool all = true;
    for (gchar **w = words; *w && all; w++)
        all = strstr(text, *w) != NULL;
    g_strfreev(words);
    return all;
}

/* Whether `line` reports `where` with that severity in either language; the message
 * after it through *message. */
static bool line_reports(const char *line, const char *where, diag_severity severity,
                         const char **message)
{
    static const char *const error_words[] = {"error: ", "fout: ", NULL};
    static const char *const warning_words[] = {"warning: ", "waarschuwing: ", NULL};
    size_t n = strlen(where);
    if (strncmp(line, where, n) != 0 || strncmp(line + n, ": ", 2) != 0)
        return false;
    const char *rest = line + n + 2;
    for (const char *const *w = severity == DIAG_ERROR ? error_words : warning_words; *w; w++)
        if (g_str_has_prefix(rest, *w)) {
            *message = rest + strlen(*w);
            return true;
        }
    return false;
}

bool tu_said(const char *output, const char *where, diag_severity severity,
             const char *keywords)
{
    gchar **lines = g_strsplit(output ? output : "", "\n", -1);
    bool found = false;
    for (gchar **l = lines; *l && !found; l++) {
        const char *message;
        found = line_reports(*l, where, severity, &message) && tu_has_keywords(message, keywords);
    }
    g_strfreev(lines);
    return found;
}

char *tu_diags_text(const diag_list *diags)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < diags->count; i++) {
        const diag *d = &diags->items[i];
        g_string_append_printf(s, "%s:%ld:%ld: %s: %s\n", d->path, d->line, d->column,
                               d->severity == DIAG_ERROR ? "error" : "warning", d->message);
    }
    return g_string_free(s, FALSE);
}

tu_dirs tu_valid_dirs(void)
{
    tu_dirs d = {tu_mkdtemp(), tu_mkdtemp()};
    tu_write_valid_tree(d.data);
    return d;
}

void tu_dirs_free(tu_dirs *d)
{
    tu_tmpdir_free(d->data);
    tu_tmpdir_free(d->out);
    d->data = d->out = NULL;
}

tu_checked *tu_check(const char *dir, rr_date as_of, rr_date since)
{
    tu_checked *c = g_new0(tu_checked, 1);
    diag_list_init(&c->diags);
    c->model = model_new();
    c->as_of = as_of;
    c->since = since;
    load_tree(dir, c->model, &c->diags);
    rules_check(c->model, as_of, since, tu_today(), &c->diags);
    c->text = tu_diags_text(&c->diags);
    return c;
}

const rr_analysis *tu_analysis(tu_checked *c)
{
    ck_assert_msg(c->diags.errors == 0, "the data has errors:\n%s", c->text);
    if (!c->analysis)
        c->analysis = analysis_new(c->model, c->as_of, c->since);
    return c->analysis;
}

void tu_checked_free(tu_checked *c)
{
    if (!c)
        return;
    analysis_free(c->analysis);
    model_free(c->model);
    diag_list_release(&c->diags);
    g_free(c->text);
    g_free(c);
}

tu_report *tu_report_run(const char *data, const char *as_of, const char *lang,
                         const char *const *extra)
{
    tu_report *r = g_new0(tu_report, 1);
    r->out_dir = tu_mkdtemp();
    r->path = g_strdup_printf("%s/regiorapport-%s.xlsx", r->out_dir, as_of);
    GPtrArray *args = g_ptr_array_new();
    const char *fixed[] = {"report", "--data", data, "--out", r->out_dir, "--as-of", as_of,
                           "--charts", "none", "--lang", lang};
    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(args, (gpointer)fixed[i]);
    for (const char *const *a = extra; a && *a; a++)
        g_ptr_array_add(args, (gpointer)*a);
    g_ptr_array_add(args, NULL);
    r->status = tu_run((const char *const *)args->pdata, &r->out, &r->err);
    g_ptr_array_free(args, TRUE);
    return r;
}

tu_report *tu_report_ok(const char *data, const char *as_of, const char *lang)
{
    tu_report *r = tu_report_run(data, as_of, lang, NULL);
    ck_assert_msg(r->status == 0, "report on %s exited %d:\n%.3000s", data, r->status, r->err);
    return r;
}

void tu_report_free(tu_report *r)
{
    if (!r)
        return;
    tu_tmpdir_free(r->out_dir);
    g_free(r->path);
    g_free(r->out);
    g_free(r->err);
    g_free(r);
}

static void snapshot_into(GHashTable *into, const char *dir, const char *rel)
{
    char *path = rel ? g_build_filename(dir, rel, NULL) : g_strdup(dir);
    GDir *d = g_dir_open(path, 0, NULL);
    ck_assert_msg(d, "cannot list %s", path);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *child_rel = rel ? g_build_filename(rel, name, NULL) : g_strdup(name);
        char *child = g_build_filename(dir, child_rel, NULL);
        if (g_file_test(child, G_FILE_TEST_IS_DIR) && !g_file_test(child, G_FILE_TEST_IS_SYMLINK)) {
            g_hash_table_insert(into, g_strdup(child_rel), g_bytes_new_static("/", 1));
            snapshot_into(into, dir, child_rel);
        } else {
            char *content = NULL;
            gsize len = 0;
            if (!g_file_get_contents(child, &content, &len, NULL))
                content = g_strdup("?"), len = 1;
            g_hash_table_insert(into, g_strdup(child_rel), g_bytes_new_take(content, len));
        }
        g_free(child);
        g_free(child_rel);
    }
    g_dir_close(d);
    g_free(path);
}

GHashTable *tu_snapshot(const char *dir)
{
    GHashTable *files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify)g_bytes_unref);
    snapshot_into(files, dir, NULL);
    return files;
}

bool tu_snapshot_is(GHashTable *snapshot, const char *name, const char *text)
{
    GBytes *bytes = g_hash_table_lookup(snapshot, name);
    gsize len = 0;
    const char *data = bytes ? g_bytes_get_data(bytes, &len) : NULL;
    return data && len == strlen(text) && memcmp(data, text, len) == 0;
}

void tu_assert_unchanged(GHashTable *before, const char *dir)
{
    GHashTable *after = tu_snapshot(dir);
    GHashTableIter it;
    gpointer name, bytes;
    g_hash_table_iter_init(&it, after);
    while (g_hash_table_iter_next(&it, &name, &bytes)) {
        GBytes *old = g_hash_table_lookup(before, name);
        ck_assert_msg(old, "a failed run left '%s' in %s", (char *)name, dir);
        ck_assert_msg(g_bytes_equal(old, bytes), "a failed run changed '%s'", (char *)name);
    }
    ck_assert_uint_eq(g_hash_table_size(after), g_hash_table_size(before));
    g_hash_table_unref(after);
}

/* test_chart.c - the charts: valid files in every format, and no data ever run as code. */
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "chart/charts.h"
#include "chart/tsv.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "load/load.h"
#include "load/model.h"
#include "check/rules.h"
#include "testutil.h"

/* gnuplot runs once per chart; under valgrind that takes a while. */
#define CHART_TEST_TIMEOUT 600

/* ---- fixtures ------------------------------------------------------------------- */

/* A loaded, checked and analysed tree; the test owns it. */
typedef struct {
    rr_model *model;
    rr_analysis *analysis;
    diag_list diags;
    diag_list notes;
    GPtrArray *written;
} chart_fixture;

static void fixture_load_at(chart_fixture *f, const char *data_dir, rr_date as_of)
{
    diag_list_init(&f->diags);
    diag_list_init(&f->notes);
    f->model = model_new();
    ck_assert_int_eq(load_tree(data_dir, f->model, &f->diags), RR_OK);
    rr_date since = analyse_default_since(f->model, as_of);
    rules_check(f->model, as_of, since, tu_today(), &f->diags);
    char *text = tu_diags_text(&f->diags);
    ck_assert_msg(f->diags.errors == 0, "the data has errors:\n%s", text);
    g_free(text);
    f->analysis = analysis_new(f->model, as_of, since);
    f->written = g_ptr_array_new_with_free_func(g_free);
}

static void fixture_load(chart_fixture *f, const char *data_dir)
{
    fixture_load_at(f, data_dir, date_from_ymd(2023, 2, 14));
}

static void fixture_release(chart_fixture *f)
{
    g_ptr_array_free(f->written, TRUE);
    diag_list_release(&f->notes);
    diag_list_release(&f->diags);
    analysis_free(f->analysis);
    model_free(f->model);
}

static rr_error fixture_charts(chart_fixture *f, const char *dir, rr_chart_format format)
{
    return charts_write_all(f->model, f->analysis, dir, format, &f->notes, f->written);
}

/* The path in `written` whose file name is `name`, or NULL. */
static const char *written_named(const chart_fixture *f, const char *name)
{
    for (guint i = 0; i < f->written->len; i++) {
        const char *path = g_ptr_array_index(f->written, i);
        char *base = g_path_get_basename(path);
        bool same = strcmp(base, name) == 0;
        g_free(base);
        if (same)
            return path;
    }
    return NULL;
}

/* How many written charts have a file name starting with `prefix`. */
static guint written_with_prefix(const chart_fixture *f, const char *prefix)
{
    guint n = 0;
    for (guint i = 0; i < f->written->len; i++) {
        char *base = g_path_get_basename(g_ptr_array_index(f->written, i));
        n += g_str_has_prefix(base, prefix);
        g_free(base);
    }
    return n;
}

/* Fails with every note when one of them says that gnuplot failed. */
static void assert_no_gnuplot_failure(const chart_fixture *f)
{
    char *text = tu_diags_text(&f->notes);
    ck_assert_msg(strstr(text, "gnuplot") == NULL, "gnuplot failed:\n%.2000s", text);
    g_free(text);
}

/* ---- what a valid chart file is -------------------------------------------------- */

/* Remembers the first element of an XML document. */
static void record_root(GMarkupParseContext *context, const gchar *name, const gchar **attrs,
                        const gchar **values, gpointer user_data, GError **error)
{
    (void)context;
    (void)attrs;
    (void)values;
    (void)error;
    char **root = user_data;
    if (!*root)
        *root = g_strdup(name);
}

/* Parses `text` as XML; returns its root element's name (g_free) or fails. */
static char *xml_root(const char *path, const char *text, gsize len)
{
    GMarkupParser parser = {record_root, NULL, NULL, NULL, NULL};
    char *root = NULL;
    GError *error = NULL;
    GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, &root, NULL);
    gboolean ok = g_markup_parse_context_parse(ctx, text, (gssize)len, &error) &&
                  g_markup_parse_context_end_parse(ctx, &error);
    ck_assert_msg(ok, "%s is not well-formed XML: %s", path, error ? error->message : "?");
    g_markup_parse_context_free(ctx);
    return root;
}

/* Whether `needle` occurs in the last `tail` bytes of a binary buffer (which may hold
 * NUL bytes, so no str* function will do). */
static bool tail_contains(const char *bytes, gsize len, gsize tail, const char *needle)
{
    gsize n = strlen(needle);
    for (gsize i = len > tail ? len - tail : 0; i + n <= len; i++)
        if (memcmp(bytes + i, needle, n) == 0)
            return true;
    return false;
}

static void assert_valid_chart(const char *path, rr_chart_format format)
{
    gchar *bytes = NULL;
    gsize len = 0;
    ck_assert_msg(g_file_get_contents(path, &bytes, &len, NULL), "cannot read %s", path);
    ck_assert_msg(len > 0, "%s is empty", path);
    if (format == CHARTS_PNG) {
        ck_assert_msg(len > 8 && memcmp(bytes, "\x89PNG\r\n\x1a\n", 8) == 0, "%s: no PNG signature",
                      path);
    } else if (format == CHARTS_SVG) {
        char *root = xml_root(path, bytes, len);
        ck_assert_msg(root && strcmp(root, "svg") == 0, "%s: root is <%s>, not <svg>", path,
                      root ? root : "");
        g_free(root);
        ck_assert_msg(strstr(bytes, "</svg>") != NULL, "%s: no </svg>", path);
    } else {
        ck_assert_msg(len > 5 && memcmp(bytes, "%PDF-", 5) == 0, "%s: no %%PDF- header", path);
        ck_assert_msg(tail_contains(bytes, len, 1024, "%%EOF"), "%s: no %%%%EOF at the end", path);
    }
    g_free(bytes);
}

/* ---- 1. the shipped data, every chart, every format ------------------------------ */

static const rr_chart_format formats[] = {CHARTS_PNG, CHARTS_SVG, CHARTS_PDF};
static const char *const extensions[] = {"png", "svg", "pdf"};

START_TEST(shipped_data_every_format)
{
    rr_chart_format format = formats[_i];
    const char *ext = extensions[_i];
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    /* A folder that does not exist yet, two levels deep. */
    char *dir = g_build_filename(tmp, "reports", "charts-2023-02-14", NULL);

    ck_assert_int_eq(fixture_charts(&f, dir, format), RR_OK);
    assert_no_gnuplot_failure(&f);

    const char *expected[] = {"status", "tijdlijn", "begroting",
                              "acties-tijdlijn-west-betuwe", "cijfers-vt_meldingen"};
    for (size_t i = 0; i < G_N_ELEMENTS(expected); i++) {
        char *name = g_strdup_printf("%s.%s", expected[i], ext);
        ck_assert_msg(written_named(&f, name), "%s was not written", name);
        g_free(name);
    }
    ck_assert_uint_ge(written_with_prefix(&f, "acties-tijdlijn-"), 2);
    ck_assert_uint_ge(written_with_prefix(&f, "cijfers-"), 4);
    for (guint i = 0; i < f.written->len; i++) {
        const char *path = g_ptr_array_index(f.written, i);
        ck_assert_msg(g_str_has_prefix(path, dir), "%s is outside %s", path, dir);
        ck_assert_msg(g_str_has_suffix(path, ext), "%s is not .%s", path, ext);
        assert_valid_chart(path, format);
    }
    /* The data stays beside the charts, for anyone who wants to plot again. */
    char *data = g_build_filename(dir, "data", "status.tsv", NULL);
    ck_assert_msg(g_file_test(data, G_FILE_TEST_IS_REGULAR), "%s missing", data);
    g_free(data);

    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* ---- 2. hostile names ------------------------------------------------------------- */

/* Every character that gnuplot could take as code or markup, or that splits a row. */
#define HOSTILE_NAME "'s-Hertogenbosch `touch /tmp/PWNED_x` <|@_{}^ ë ’ \"q\"\t\nx"
#define HOSTILE_PLAN "Plan C:\\new\\x system(\"touch /tmp/PWNED_y\") `touch /tmp/PWNED_x` 's"
#define HOSTILE_ACTION "\"q\" system(\"touch /tmp/PWNED_y\") {x}_y @z |<"
#define HOSTILE_LINE "'s lijn `touch /tmp/PWNED_x` | <a> \"b\""
#define HOSTILE_CODE "`touch`<VT>.Meldingen{1}@x"

/* A CSV field: quoted, with its quotes doubled. */
static char *csv_field(const char *text)
{
    GString *s = g_string_new("\"");
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            g_string_append_c(s, '"');
        g_string_append_c(s, *p);
    }
    g_string_append_c(s, '"');
    return g_string_free(s, FALSE);
}

/* Removes every /tmp/PWNED_* and says whether there was one. */
static bool remove_pwned(void)
{
    bool found = false;
    GDir *d = g_dir_open("/tmp", 0, NULL);
    ck_assert_ptr_nonnull(d);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        if (g_str_has_prefix(name, "PWNED_")) {
            char *path = g_build_filename("/tmp", name, NULL);
            g_unlink(path);
            g_free(path);
            found = true;
        }
    }
    g_dir_close(d);
    return found;
}

/* The valid tree, with hostile text in every label that reaches a chart. */
static void write_hostile_tree(const char *dir)
{
    tu_write_valid_tree(dir);
    char *name = csv_field(HOSTILE_NAME), *plan = csv_field(HOSTILE_PLAN);
    char *action = csv_field(HOSTILE_ACTION), *line = csv_field(HOSTILE_LINE);
    char *text = g_strdup_printf("gemeente_id,naam,cbs_code,inwoners,inwoners_peiljaar,bron\n"
                                 "gemeente-b,%s,GM0001,10000,2022,test\n", name);
    tu_write(dir, "regio-a/gemeente-b/gemeente.csv", text);
    g_free(text);
    text = g_strdup_printf("plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,"
                           "bovenliggend_plan,evaluatie,bron\n"
                           "lp,%s,lokaal-plan,2021,2023,,,regio-a/rv,,test\n", plan);
    tu_write(dir, "regio-a/gemeente-b/plannen.csv", text);
    g_free(text);
    text = g_strdup_printf(
        "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
        "1.1,lp,%s,preventie,%s,Doel,najaar 2022,€ 3.000,VT,test\n"
        "1.2,rv,,,Voorlichting,,Q1 2023,P.M.,,test\n", line, action);
    tu_write(dir, "regio-a/gemeente-b/acties.csv", text);
    g_free(text);
    tu_write(dir, "indicatoren.csv",
             "indicator,label_nl,label_en,eenheid\n"
             "vt_meldingen,Meldingen,Reports,aantal\n"
             HOSTILE_CODE ",\"Label `touch /tmp/PWNED_x` \"\"z\"\"\",L,aantal\n");
    tu_write(dir, "regio-a/gemeente-b/cijfers.csv", "indicator,jaar,waarde,bron\n"
                                                   "vt_meldingen,2021,120,test\n"
                                                   "vt_meldingen,2022,.,test\n"
                                                   HOSTILE_CODE ",2021,5,test\n"
                                                   HOSTILE_CODE ",2022,7,test\n");
    text = g_strdup_printf(
        "post,actielijn,actie_id,van_jaar,tot_jaar,bedrag_per_jaar,dekking,bron\n"
        "Training,%s,1.1,2022,2023,€ 3.000,budget,test\n", line);
    tu_write(dir, "regio-a/gemeente-b/begroting.csv", text);
    g_free(text);
    g_free(name);
    g_free(plan);
    g_free(action);
    g_free(line);
}

/* The contents of dir/data/name (g_free). */
static char *data_file(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, "data", name, NULL);
    char *text = NULL;
    ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL), "cannot read %s", path);
    g_free(path);
    return text;
}

START_TEST(hostile_names_stay_data)
{
    rr_chart_format format = formats[_i];
    const char *ext = extensions[_i];
    remove_pwned();
    char *tmp = tu_mkdtemp();
    char *data = g_build_filename(tmp, "data", NULL);
    write_hostile_tree(data);
    chart_fixture f;
    fixture_load(&f, data);
    /* Even the output folder has quotes, spaces and a '<' in it. */
    char *dir = g_build_filename(tmp, "uit \"map\" 'x' <y", "charts-2023-02-14", NULL);

    ck_assert_int_eq(fixture_charts(&f, dir, format), RR_OK);
    assert_no_gnuplot_failure(&f);
    ck_assert_msg(!remove_pwned(), "data was run as code: a /tmp/PWNED_* file appeared");

    const char *expected[] = {"status", "tijdlijn", "begroting", "acties-tijdlijn-gemeente-b",
                              "cijfers-vt_meldingen", "cijfers--touch--vt--meldingen-1--x"};
    for (size_t i = 0; i < G_N_ELEMENTS(expected); i++) {
        char *file = g_strdup_printf("%s.%s", expected[i], ext);
        const char *path = written_named(&f, file);
        ck_assert_msg(path, "%s was not written", file);
        assert_valid_chart(path, format);
        g_free(file);
    }

    /* The labels reached gnuplot through the data files, one row each. */
    char *status = data_file(dir, "status.tsv");
    /* Straight quotes become typographic, tab and newline one space; nothing else. */
    ck_assert_msg(g_str_has_prefix(status, "'s-Hertogenbosch `touch /tmp/PWNED_x` <|@_{}^ ë ’ "
                                           "\xE2\x80\x9Cq\xE2\x80\x9D x\t"),
                  "name not in status.tsv:\n%s", status);
    ck_assert_int_eq(strchr(status, '\n') - status + 1, (long)strlen(status)); /* one row */
    g_free(status);
    char *timeline = data_file(dir, "tijdlijn.tsv");
    /* (Shortened in its middle, like every long title.) */
    ck_assert_msg(strstr(timeline, "system(\xE2\x80\x9Ctouch"),
                  "plan title not in tijdlijn.tsv:\n%s", timeline);
    /* gnuplot reads a backslash as an escape: doubled in the data, one in the chart. */
    ck_assert_msg(strstr(timeline, "Plan C:\\\\new\\\\x "), "backslashes:\n%s", timeline);
    g_free(timeline);
    if (format == CHARTS_SVG) {
        char *svg_path = g_build_filename(dir, "tijdlijn.svg", NULL);
        char *svg = NULL;
        ck_assert(g_file_get_contents(svg_path, &svg, NULL, NULL));
        ck_assert_msg(strstr(svg, "Plan C:\\new\\x "), "the chart lost a backslash");
        g_free(svg);
        g_free(svg_path);
    }
    char *actions = data_file(dir, "acties-tijdlijn-gemeente-b.tsv");
    /* The title alone: the id is internal. */
    const char *action_label = "\xE2\x80\x9Cq\xE2\x80\x9D system(\xE2\x80\x9C"
                               "touch /tmp/PWNED_y\xE2\x80\x9D) {x}_y @z |<\t";
    ck_assert_msg(strstr(actions, action_label) && !strstr(actions, "1.1"),
                  "action title not in its data:\n%s", actions);
    g_free(actions);
    char *budget = data_file(dir, "begroting.series.tsv");
    ck_assert_msg(strstr(budget, "'s lijn `touch /tmp/PWNED_x` | <a>"), "action line:\n%s", budget);
    g_free(budget);

    g_free(dir);
    tu_tmpdir_free(tmp);
    g_free(data);
    fixture_release(&f);
}
END_TEST

/* ---- 3. no gnuplot ---------------------------------------------------------------- */

START_TEST(no_gnuplot_one_warning)
{
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *empty = g_build_filename(tmp, "empty-path", NULL);
    char *dir = g_build_filename(tmp, "charts", NULL);
    g_mkdir(empty, 0755);
    char *saved = g_strdup(g_getenv("PATH"));
    g_setenv("PATH", empty, TRUE);

    rr_error err = fixture_charts(&f, dir, CHARTS_PNG);

    if (saved)
        g_setenv("PATH", saved, TRUE);
    else
        g_unsetenv("PATH");
    ck_assert_int_eq(err, RR_OK);
    ck_assert_uint_eq(f.written->len, 0);
    ck_assert_uint_eq(f.notes.count, 1);
    ck_assert_int_eq(f.notes.items[0].severity, DIAG_WARNING);
    ck_assert_msg(strstr(f.notes.items[0].message, "gnuplot"), "%s", f.notes.items[0].message);
    char *status = g_build_filename(dir, "status.png", NULL);
    ck_assert(!g_file_test(status, G_FILE_TEST_EXISTS));
    g_free(status);

    g_free(saved);
    g_free(dir);
    g_free(empty);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* ---- 4. a chart without data ------------------------------------------------------ */

/* The first note whose path ends in `suffix` and says `needle`; NULL if none. */
static const diag *note(const chart_fixture *f, const char *suffix, const char *needle)
{
    return tu_find_diag(&f->notes, suffix, 0, 0, DIAG_WARNING, needle);
}

START_TEST(no_data_skipped_with_note)
{
    char *tmp = tu_mkdtemp();
    char *data = g_build_filename(tmp, "data", NULL);
    tu_write_valid_tree(data); /* no cijfers.csv, no begroting.csv */
    chart_fixture f;
    fixture_load(&f, data);
    char *dir = g_build_filename(tmp, "charts", NULL);

    ck_assert_int_eq(fixture_charts(&f, dir, CHARTS_PNG), RR_OK);
    assert_no_gnuplot_failure(&f);
    ck_assert_ptr_nonnull(written_named(&f, "status.png"));
    ck_assert_ptr_nonnull(written_named(&f, "tijdlijn.png"));
    /* One action with a deadline: a line of text instead of a chart of one point. */
    ck_assert_ptr_null(written_named(&f, "acties-tijdlijn-gemeente-b.png"));
    ck_assert_ptr_nonnull(note(&f, "acties-tijdlijn-gemeente-b.png",
                               "\xC3\xA9\xC3\xA9n actie met een deadline: 'Training'"));
    ck_assert_uint_eq(written_with_prefix(&f, "cijfers"), 0);
    ck_assert_ptr_null(written_named(&f, "begroting.png"));
    char *text = tu_diags_text(&f.notes);
    ck_assert_msg(note(&f, "cijfers", "overgeslagen"), "no note on cijfers:\n%s", text);
    ck_assert_msg(note(&f, "begroting.png", "overgeslagen"), "no note on begroting:\n%s", text);
    g_free(text);
    char *budget = g_build_filename(dir, "begroting.png", NULL);
    ck_assert(!g_file_test(budget, G_FILE_TEST_EXISTS));
    g_free(budget);

    g_free(dir);
    g_free(data);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* ---- failures that are not the data's ---------------------------------------------- */

START_TEST(unwritable_folder_is_write_error)
{
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    tu_write(tmp, "a-file", "not a folder\n");
    char *dir = g_build_filename(tmp, "a-file", "charts", NULL);

    ck_assert_int_eq(fixture_charts(&f, dir, CHARTS_PNG), RR_ERR_WRITE);
    ck_assert_uint_eq(f.written->len, 0);

    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

static const char *const script_names[] = {"status.gp",    "tijdlijn.gp", "acties.gp",
                                            "cijfers.gp",   "begroting.gp", "verloop.gp",
                                            "cijfers-spread.gp"};

/* Copies the shipped scripts (batch.gp too) into `to`: each chart script with `header`
 * before it, or replaced by `content` when it is `broken`. */
static void copy_scripts_changed(const char *to, const char *header, const char *broken,
                                 const char *content)
{
    for (size_t i = 0; i <= G_N_ELEMENTS(script_names); i++) {
        const char *name = i < G_N_ELEMENTS(script_names) ? script_names[i] : "batch.gp";
        char *from = g_build_filename("scripts", name, NULL);
        char *text = NULL;
        ck_assert_msg(g_file_get_contents(from, &text, NULL, NULL), "cannot read %s", from);
        char *changed = broken && strcmp(name, broken) == 0 ? g_strdup(content)
                        : i < G_N_ELEMENTS(script_names) ? g_strconcat(header, text, NULL)
                                                         : g_strdup(text);
        tu_write(to, name, changed);
        g_free(changed);
        g_free(text);
        g_free(from);
    }
}

/* Copies the shipped scripts into `to`, replacing `broken` with a failing one. */
static void copy_scripts(const char *to, const char *broken, const char *content)
{
    copy_scripts_changed(to, "", broken, content);
}

/* Draws the shipped data's charts into `dir` in `format` with the scripts copied into
 * tmp/scripts, each with `header` before it. */
static void charts_with_header(chart_fixture *f, const char *tmp, const char *dir,
                               rr_chart_format format, const char *header)
{
    char *scripts = g_build_filename(tmp, "scripts", NULL);
    copy_scripts_changed(scripts, header, NULL, NULL);
    g_setenv("REGIORAPPORT_SCRIPTS", scripts, TRUE);
    rr_error err = fixture_charts(f, dir, format);
    g_unsetenv("REGIORAPPORT_SCRIPTS");
    ck_assert_int_eq(err, RR_OK);
    g_free(scripts);
}

/* Fails unless the chart is drawn by batch.gp, which sets RR_JOBS; and the reverse. */
#define ONLY_IN_BATCH "if (!exists(\"RR_JOBS\")) { exit error \"drawn alone\" }\n"
#define ONLY_ALONE "if (exists(\"RR_JOBS\")) { exit error \"drawn in a batch\" }\n"

/* Every chart of the shipped data, in batches, into a folder whose name has every
 * character a batch can carry that gnuplot could take for code: all drawn in batches,
 * at the right paths, and nothing run. */
START_TEST(charts_drawn_in_batches)
{
    rr_chart_format format = formats[_i];
    remove_pwned();
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *dir = g_build_filename(tmp, "uit  'map' `touch /tmp/PWNED_b` @x $HOME <y |z ë;#",
                                 "charts", NULL);

    charts_with_header(&f, tmp, dir, format, ONLY_IN_BATCH);

    assert_no_gnuplot_failure(&f);
    ck_assert_msg(!remove_pwned(), "a path was run as code");
    char *status = g_strdup_printf("status.%s", extensions[_i]);
    ck_assert_ptr_nonnull(written_named(&f, status));
    g_free(status);
    ck_assert_uint_ge(written_with_prefix(&f, "acties-tijdlijn-"), 2);
    ck_assert_uint_ge(written_with_prefix(&f, "cijfers-"), 4);
    for (guint i = 0; i < f.written->len; i++) {
        const char *path = g_ptr_array_index(f.written, i);
        ck_assert_msg(g_str_has_prefix(path, dir), "%s is outside %s", path, dir);
        assert_valid_chart(path, format);
    }
    /* The job lists are gone; the data files stay. */
    char *list = g_build_filename(dir, "data", "batch-1.tsv", NULL);
    ck_assert_msg(!g_file_test(list, G_FILE_TEST_EXISTS), "%s left behind", list);
    g_free(list);

    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* A folder name gnuplot would read back differently from a job list (a backslash, a
 * double quote, a tab): every chart drawn alone, as before batches. */
START_TEST(unlistable_folder_drawn_alone)
{
    static const char *const names[] = {"back\\slash", "say \"x\"", "tab\there"};
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *dir = g_build_filename(tmp, names[_i], "charts", NULL);

    charts_with_header(&f, tmp, dir, CHARTS_SVG, ONLY_ALONE);

    assert_no_gnuplot_failure(&f);
    ck_assert_ptr_nonnull(written_named(&f, "status.svg"));
    ck_assert_ptr_nonnull(written_named(&f, "tijdlijn.svg"));
    ck_assert_uint_ge(written_with_prefix(&f, "cijfers-"), 4);
    for (guint i = 0; i < f.written->len; i++)
        assert_valid_chart(g_ptr_array_index(f.written, i), CHARTS_SVG);

    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* batch.gp runs only the five chart scripts, whatever a job list names. */
START_TEST(batch_runs_only_chart_scripts)
{
    char *tmp = tu_mkdtemp();
    char *scripts = g_build_filename(tmp, "scripts", NULL);
    copy_scripts(scripts, "", "");
    char *marker = g_build_filename(tmp, "ran", NULL);
    char *evil = g_strdup_printf("set print \"%s\"\nprint \"ran\"\n", marker);
    tu_write(scripts, "evil.gp", evil);
    char *list = g_build_filename(tmp, "jobs.tsv", NULL);
    char *row = g_strdup_printf("evil.gp\t%s/x.svg\t%s/x\n", tmp, tmp);
    tu_write(tmp, "jobs.tsv", row);
    char *gnuplot = g_find_program_in_path("gnuplot");
    ck_assert_ptr_nonnull(gnuplot);
    char *driver = g_build_filename(scripts, "batch.gp", NULL);
    const char *argv[] = {gnuplot, "-c", driver, scripts, "svg", list, NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(tu_spawn(argv, &out, &err) != 0, "batch.gp accepted evil.gp");
    ck_assert_msg(strstr(err, "unknown chart script"), "%s", err);
    ck_assert_msg(!g_file_test(marker, G_FILE_TEST_EXISTS), "evil.gp was run");

    g_free(out);
    g_free(err);
    g_free(driver);
    g_free(gnuplot);
    g_free(row);
    g_free(list);
    g_free(evil);
    g_free(marker);
    g_free(scripts);
    tu_tmpdir_free(tmp);
}
END_TEST

START_TEST(gnuplot_failure_is_a_note_and_leaves_no_file)
{
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *scripts = g_build_filename(tmp, "scripts", NULL);
    /* Opens the output (a 0-byte file), then fails. */
    copy_scripts(scripts, "status.gp",
                 "set terminal pngcairo\nset output ARG2\nplot 1 with no_such_style\n");
    char *dir = g_build_filename(tmp, "charts", NULL);
    g_setenv("REGIORAPPORT_SCRIPTS", scripts, TRUE);

    rr_error err = fixture_charts(&f, dir, CHARTS_PNG);

    g_unsetenv("REGIORAPPORT_SCRIPTS");
    ck_assert_int_eq(err, RR_OK);
    ck_assert_ptr_null(written_named(&f, "status.png"));
    char *status = g_build_filename(dir, "status.png", NULL);
    ck_assert_msg(!g_file_test(status, G_FILE_TEST_EXISTS), "a failed chart was left behind");
    g_free(status);
    ck_assert_ptr_nonnull(note(&f, "status.png", "gnuplot"));
    /* The failure stopped its batch; every other chart was still drawn. */
    size_t failures = 0;
    for (size_t i = 0; i < f.notes.count; i++)
        failures += strstr(f.notes.items[i].message, "gnuplot") != NULL;
    ck_assert_uint_eq(failures, 1);
    ck_assert_ptr_nonnull(written_named(&f, "tijdlijn.png"));
    ck_assert_ptr_nonnull(written_named(&f, "begroting.png"));
    ck_assert_uint_ge(written_with_prefix(&f, "acties-tijdlijn-"), 2);
    ck_assert_uint_ge(written_with_prefix(&f, "cijfers-"), 4);

    g_free(dir);
    g_free(scripts);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

START_TEST(missing_scripts_one_warning)
{
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *dir = g_build_filename(tmp, "charts", NULL);
    g_setenv("REGIORAPPORT_SCRIPTS", tmp, TRUE);

    rr_error err = fixture_charts(&f, dir, CHARTS_SVG);

    g_unsetenv("REGIORAPPORT_SCRIPTS");
    ck_assert_int_eq(err, RR_OK);
    ck_assert_uint_eq(f.written->len, 0);
    ck_assert_uint_eq(f.notes.count, 1);
    ck_assert_msg(strstr(f.notes.items[0].message, "REGIORAPPORT_SCRIPTS"), "%s",
                  f.notes.items[0].message);

    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* ---- words and labels ---------------------------------------------------------------- */

START_TEST(english_labels)
{
    i18n_set_lang(LANG_EN);
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *dir = g_build_filename(tmp, "charts", NULL);

    ck_assert_int_eq(fixture_charts(&f, dir, CHARTS_PNG), RR_OK);
    char *meta = data_file(dir, "status.meta.tsv");
    ck_assert_msg(g_str_has_prefix(meta, "Actions by status\tas of 14-02-2023\t"), "%s", meta);
    g_free(meta);
    char *series = data_file(dir, "status.series.tsv");
    ck_assert_msg(strstr(series, "in progress\t#2E75B6"), "%s", series);
    g_free(series);
    i18n_set_lang(LANG_NL);

    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* A region whose actions all share one deadline gets a note, not a chart of identical bars:
 * the shipped data without Zuid-Holland Zuid's one action with another deadline. */
START_TEST(identical_deadlines_make_a_note)
{
    char *tmp = tu_mkdtemp();
    char *data = g_build_filename(tmp, "regions", NULL);
    const char *copy[] = {"cp", "-R", tu_data_dir(), data, NULL};
    g_free(tu_spawn_output(copy));
    char *path = g_build_filename(data, "zuid-holland-zuid", "acties.csv", NULL);
    char *text = NULL;
    ck_assert(g_file_get_contents(path, &text, NULL, NULL));
    GString *kept = g_string_new(NULL);
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++)
        if (!g_str_has_prefix(*l, "ontwikkelplannen,") && **l)
            g_string_append_printf(kept, "%s\n", *l);
    ck_assert(g_file_set_contents(path, kept->str, -1, NULL));

    chart_fixture f;
    fixture_load(&f, data);
    char *out = g_build_filename(tmp, "charts", NULL);
    ck_assert_int_eq(fixture_charts(&f, out, CHARTS_PNG), RR_OK);
    ck_assert_ptr_null(written_named(&f, "acties-tijdlijn-zuid-holland-zuid.png"));
    ck_assert_ptr_nonnull(note(&f, "acties-tijdlijn-zuid-holland-zuid.png",
                               "alle 9 acties met een deadline hebben deadline 31-12-2021"));
    fixture_release(&f);
    g_strfreev(lines);
    g_string_free(kept, TRUE);
    g_free(text);
    g_free(path);
    g_free(out);
    g_free(data);
    tu_tmpdir_free(tmp);
}
END_TEST

/* The fields of the row of dir/data/name whose field `column` (0-based) contains
 * `needle` ("^text": is exactly text) (g_strfreev); fails when there is none. */
static char **data_row(const char *dir, const char *name, int column, const char *needle)
{
    char *text = data_file(dir, name);
    char **lines = g_strsplit(text, "\n", -1);
    char **found = NULL;
    for (char **l = lines; *l && !found; l++) {
        char **fields = g_strsplit(*l, "\t", -1);
        bool exact = needle[0] == '^';
        if ((int)g_strv_length(fields) > column &&
            (exact ? strcmp(fields[column], needle + 1) == 0 : strstr(fields[column], needle) != NULL))
            found = fields;
        else
            g_strfreev(fields);
    }
    ck_assert_msg(found, "no row with '%s' in %s:\n%s", needle, name, text);
    g_strfreev(lines);
    g_free(text);
    return found;
}

/* What makes the charts read at a glance, read from their data files: labels keep the
 * years and lose the ids; the timeline marks a local plan running past its regional
 * plan and keeps an evaluation off the midpoint; a subset says so; identical bars and
 * single points become a line of text; a region's bar says it is its own actions;
 * lopend and doorlopend differ; regions and municipalities get separate panels. */
START_TEST(charts_read_at_a_glance)
{
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *dir = g_build_filename(tmp, "charts", NULL);
    ck_assert_int_eq(fixture_charts(&f, dir, CHARTS_PNG), RR_OK);
    assert_no_gnuplot_failure(&f);

    /* Gelderland-Zuid's regional plan keeps its years; West Betuwe's 2022-2025 runs a
     * year past it (2025.0 to 2026.0); Omgangshuis's evaluation and midpoint apart. */
    char **row = data_row(dir, "tijdlijn.tsv", 8, "Regio-aanpak");
    ck_assert_msg(strstr(row[8], "2021-2024"), "%s", row[8]);
    g_strfreev(row);
    row = data_row(dir, "tijdlijn.tsv", 8, "Lokaal plan Huiselijk Geweld");
    ck_assert_msg(g_ascii_strtod(row[11], NULL) == 2025.0 && g_ascii_strtod(row[12], NULL) == 2026.0,
                  "past the regional plan: %s .. %s", row[11], row[12]);
    g_strfreev(row);
    row = data_row(dir, "tijdlijn.tsv", 8, "Omgangshuis");
    ck_assert_msg(g_ascii_strtod(row[10], NULL) > g_ascii_strtod(row[9], NULL),
                  "evaluation (y %s) not above the midpoint (y %s)", row[10], row[9]);
    g_strfreev(row);
    row = data_row(dir, "tijdlijn.tsv", 8, "Regio-aanpak");
    ck_assert_str_eq(row[11], "NaN"); /* a regional plan itself: nothing marked */
    g_strfreev(row);

    /* West Betuwe: 5 of its (46) actions have a deadline. */
    const rr_owner *wb = NULL;
    for (guint i = 0; i < f.model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(f.model->owners, i);
        if (strcmp(o->id, "west-betuwe") == 0)
            wb = o;
    }
    ck_assert_ptr_nonnull(wb);
    char *subset = g_strdup_printf("5 van %zu acties met een deadline",
                                   analysis_owner(f.analysis, wb)->actions);
    char *meta = data_file(dir, "acties-tijdlijn-west-betuwe.meta.tsv");
    ck_assert_msg(strstr(meta, subset), "no '%s' in %s", subset, meta);
    g_free(meta);
    g_free(subset);
    char *rows = data_file(dir, "acties-tijdlijn-west-betuwe.tsv");
    /* Titles shortened in the middle, no ids (3.3.2-k is Hernieuwde inzet's). */
    ck_assert_msg(!strstr(rows, "3.3.2-k") &&
                      strstr(rows, "Hernieuwde inzet op \xE2\x80\xA6 Waal en gemeente Berg en Dal\t"),
                  "%s", rows);
    g_free(rows);
    /* Zuid-Holland Zuid: the nine projects end 31-12-2021, the development plans 31-05-2020:
     * two deadlines, so the chart is drawn (identical_deadlines_make_a_note: one deadline). */
    ck_assert_ptr_nonnull(written_named(&f, "acties-tijdlijn-zuid-holland-zuid.png"));
    ck_assert_ptr_null(written_named(&f, "cijfers-vt_adviezen_ouderen.png"));
    ck_assert_ptr_nonnull(note(&f, "cijfers-vt_adviezen_ouderen.png", "West Betuwe 2021: 22"));

    row = data_row(dir, "status.tsv", 0, "Gelderland-Zuid");
    ck_assert_str_eq(row[0], "Gelderland-Zuid (regio, eigen acties)");
    g_strfreev(row);
    row = data_row(dir, "status.tsv", 0, "West Betuwe");
    ck_assert_str_eq(row[0], "West Betuwe");
    g_strfreev(row);
    char **ongoing = data_row(dir, "status.series.tsv", 0, "doorlopend");
    char **running = data_row(dir, "status.series.tsv", 0, "^lopend");
    ck_assert_str_ne(ongoing[1], running[1]);
    /* Not two blues: the channels differ by more than a shade. */
    unsigned a = (unsigned)strtoul(ongoing[1] + 1, NULL, 16);
    unsigned b = (unsigned)strtoul(running[1] + 1, NULL, 16);
    int distance = abs((int)(a >> 16) - (int)(b >> 16)) + abs((int)((a >> 8) & 0xFF) - (int)((b >> 8) & 0xFF)) +
                   abs((int)(a & 0xFF) - (int)(b & 0xFF));
    ck_assert_msg(distance > 150, "%s and %s look alike", ongoing[1], running[1]);
    g_strfreev(ongoing);
    g_strfreev(running);
    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);

    /* A year later the regions' 2023 totals are known beside West Betuwe's: two panels. */
    fixture_load_at(&f, tu_data_dir(), date_from_ymd(2024, 3, 1));
    tmp = tu_mkdtemp();
    dir = g_build_filename(tmp, "charts", NULL);
    ck_assert_int_eq(fixture_charts(&f, dir, CHARTS_PNG), RR_OK);
    assert_no_gnuplot_failure(&f);
    row = data_row(dir, "cijfers-vt_meldingen.series.tsv", 0, "Gelderland-Midden");
    ck_assert_str_eq(row[1], "1");
    g_strfreev(row);
    row = data_row(dir, "cijfers-vt_meldingen.series.tsv", 0, "West Betuwe");
    ck_assert_str_eq(row[1], "0");
    g_strfreev(row);
    row = data_row(dir, "cijfers-vt_meldingen.meta.tsv", 0, "Meldingen");
    ck_assert_str_eq(row[16], "1");                          /* split */
    ck_assert_msg(g_ascii_strtod(row[14], NULL) < 1000, "municipalities' axis to %s", row[14]);
    ck_assert_msg(g_ascii_strtod(row[19], NULL) >= 3060, "regions' axis to %s", row[19]);
    g_strfreev(row);
    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

static const struct {
    const char *in;
    size_t max;
    const char *out;
} label_cases[] = {
    {"plain", 0, "plain"},
    {"tab\there\r\nand\nnext", 0, "tab here and next"},
    {"say \"hi\" (\"x\")", 0, "say \xE2\x80\x9Chi\xE2\x80\x9D (\xE2\x80\x9Cx\xE2\x80\x9D)"},
    {"'s-Hertogenbosch `x` @_{}^ <|", 0, "'s-Hertogenbosch `x` @_{}^ <|"},
    {"  trimmed\t", 0, "trimmed"},
    {"abcdefghij", 5, "abcd\xE2\x80\xA6"},
    {"één twee", 4, "één\xE2\x80\xA6"},
    {"bad \xFF byte", 0, "bad \xEF\xBF\xBD byte"},
};

/* Shortened from the middle at word ends, the end (years) kept. */
static const struct {
    const char *in;
    size_t max;
    const char *out;
} middle_cases[] = {
    {"short enough", 20, "short enough"},
    {"Regio-aanpak Huiselijk Geweld en Kindermishandeling 2021-2024 (regioplan HGKM)", 50,
     "Regio-aanpak \xE2\x80\xA6 2021-2024 (regioplan HGKM)"},
    {"abcdefghijklmnopqrstuvwxyz", 15, "abcdef \xE2\x80\xA6 uvwxyz"},
};

/* Verloop is drawn as steps that end at the meeting which counted the owner's last
 * report (not flat on to the report date), that date under the panel's title; the
 * deadline and every chart say where their data came from. */
START_TEST(trend_steps_end_at_the_last_report)
{
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *dir = g_build_filename(tmp, "charts", NULL);
    ck_assert_int_eq(fixture_charts(&f, dir, CHARTS_SVG), RR_OK);
    char *data = NULL, *owners = NULL, *source = NULL;
    char *path = g_build_filename(dir, "data", "verloop.tsv", NULL);
    ck_assert(g_file_get_contents(path, &data, NULL, NULL));
    g_free(path);
    path = g_build_filename(dir, "data", "verloop.owners.tsv", NULL);
    ck_assert(g_file_get_contents(path, &owners, NULL, NULL));
    g_free(path);
    path = g_build_filename(dir, "data", "acties-tijdlijn-west-betuwe.source.tsv", NULL);
    ck_assert(g_file_get_contents(path, &source, NULL, NULL));
    g_free(path);
    ck_assert_msg(g_str_has_prefix(source, "Bron: acties.csv") && strstr(source, "west-betuwe") &&
                      strstr(source, "14-02-2023"),
                  "%s", source);
    gchar **blocks = g_strsplit(data, "\n\n", -1);
    gchar **titles = g_strsplit(owners, "\n", -1);
    const rr_analysis *an = f.analysis;
    size_t checked = 0;
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->actions == 0 || o->last_update == RR_DATE_NONE)
            continue;
        /* The block of this owner: its title row starts with the owner's name. */
        size_t b = 0;
        while (titles[b] && !(g_str_has_prefix(titles[b], o->owner->name) &&
                              (titles[b][strlen(o->owner->name)] == '\t' ||
                               titles[b][strlen(o->owner->name)] == ' ')))
            b++;
        ck_assert_msg(titles[b] && blocks[b], "no panel of %s", o->owner->name);
        ck_assert_msg(strstr(titles[b], date_text_nl(o->last_update).text), "%s", titles[b]);
        gchar **rows = g_strsplit(g_strstrip(blocks[b]), "\n", -1);
        double last = g_ascii_strtod(rows[g_strv_length(rows) - 1], NULL);
        double report = tsv_date_x(o->last_update, 0.5);
        /* The first meeting on or after the report: within one meeting period of it. */
        ck_assert_msg(last >= report - 1e-9 && last <= report + 43.0 / 365.0,
                      "%s's line ends at %.3f, its last report is at %.3f", o->owner->name,
                      last, report);
        g_strfreev(rows);
        checked++;
    }
    ck_assert_uint_gt(checked, 2);
    g_strfreev(blocks);
    g_strfreev(titles);
    g_free(data);
    g_free(owners);
    g_free(source);
    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

/* ---- layout: what a reader sees on the page ----------------------------------------- */

/* One line of text as drawn in a chart's PDF (tests/chart_facts.py): its box in points
 * from the top left, its size, its words. */
typedef struct {
    double x0, y0, x1, y1, size;
    char *text;
} drawn_text;

/* Reads the facts of one chart into `texts` (drawn_text, g_free'd texts) and the page. */
static void chart_texts(const char *pdf, GArray *texts, double *width, double *height)
{
    const char *argv[] = {"/usr/bin/python3", "tests/chart_facts.py", pdf, NULL};
    char *facts = tu_spawn_output(argv);
    char **lines = g_strsplit(facts, "\n", -1);
    for (char **l = lines; *l; l++) {
        drawn_text t;
        int used = 0;
        if (sscanf(*l, "chart %*s width %lf height %lf", width, height) == 2)
            continue;
        if (sscanf(*l, "text %lf %lf %lf %lf %lf %n", &t.x0, &t.y0, &t.x1, &t.y1, &t.size,
                   &used) == 5 && used > 0) {
            t.text = g_strdup(*l + used);
            g_array_append_val(texts, t);
        }
    }
    g_strfreev(lines);
    g_free(facts);
}

/* Whether two boxes share more than a sliver (half a point each way). */
static bool boxes_overlap(const drawn_text *a, const drawn_text *b)
{
    return MIN(a->x1, b->x1) - MAX(a->x0, b->x0) > 0.5 &&
           MIN(a->y1, b->y1) - MAX(a->y0, b->y0) > 0.5;
}

/* gnuplot draws a boxed label twice (its box, then its text) at one place. */
static bool same_label(const drawn_text *a, const drawn_text *b)
{
    return strcmp(a->text, b->text) == 0 && fabs(a->x0 - b->x0) < 0.5 &&
           fabs(a->y0 - b->y0) < 0.5;
}

/* Checks one chart: every text inside the page, at least 7 points (the PDF is printed
 * on A4), no text over another (a legend entry over the source, a title over a tick),
 * and the source's two lines on the bottom rows of their own: nothing else reaches
 * down to them. */
static void assert_chart_legible(const char *pdf, const char *source_first)
{
    GArray *texts = g_array_new(FALSE, FALSE, sizeof(drawn_text));
    double width = 0, height = 0;
    chart_texts(pdf, texts, &width, &height);
    ck_assert_msg(texts->len > 3 && width > 800, "%s: no text read", pdf);
    double source_top = -1;
    for (guint i = 0; i < texts->len; i++) {
        const drawn_text *t = &g_array_index(texts, drawn_text, i);
        if (strcmp(t->text, source_first) == 0)
            source_top = t->y0;
    }
    ck_assert_msg(source_top > 0, "%s: no source line '%s'", pdf, source_first);
    for (guint i = 0; i < texts->len; i++) {
        const drawn_text *a = &g_array_index(texts, drawn_text, i);
        ck_assert_msg(a->x0 >= 0 && a->y0 >= 0 && a->x1 <= width && a->y1 <= height,
                      "%s: '%s' cut at the edge (%.0f,%.0f-%.0f,%.0f of %.0f x %.0f)", pdf,
                      a->text, a->x0, a->y0, a->x1, a->y1, width, height);
        ck_assert_msg(a->size >= 6.95, "%s: '%s' at %.1f points", pdf, a->text, a->size);
        bool source = a->y0 >= source_top - 0.5;
        ck_assert_msg(source || a->y1 <= source_top + 0.5,
                      "%s: '%s' (down to %.1f) reaches into the source's rows (from %.1f)", pdf,
                      a->text, a->y1, source_top);
        for (guint j = i + 1; j < texts->len; j++) {
            const drawn_text *b = &g_array_index(texts, drawn_text, j);
            ck_assert_msg(!boxes_overlap(a, b) || same_label(a, b),
                          "%s: '%s' (%.0f,%.0f-%.0f,%.0f) and '%s' (%.0f,%.0f-%.0f,%.0f) overlap",
                          pdf, a->text, a->x0, a->y0, a->x1, a->y1, b->text, b->x0, b->y0, b->x1,
                          b->y1);
        }
    }
    for (guint i = 0; i < texts->len; i++)
        g_free(g_array_index(texts, drawn_text, i).text);
    g_array_free(texts, TRUE);
}

/* Every chart of the shipped data, in Dutch and in English (whose legends are of other
 * lengths), as printed: the PDF, whose text is the largest against its page of the
 * three formats, so it is the tightest layout. */
START_TEST(charts_legible_without_overlaps)
{
    i18n_set_lang(_i ? LANG_EN : LANG_NL);
    chart_fixture f;
    fixture_load(&f, tu_data_dir());
    char *tmp = tu_mkdtemp();
    char *dir = g_build_filename(tmp, "charts", NULL);
    ck_assert_int_eq(fixture_charts(&f, dir, CHARTS_PDF), RR_OK);
    assert_no_gnuplot_failure(&f);
    ck_assert_uint_ge(f.written->len, 8);
    for (guint i = 0; i < f.written->len; i++) {
        const char *pdf = g_ptr_array_index(f.written, i);
        char *stem = g_path_get_basename(pdf);
        *strrchr(stem, '.') = '\0';
        char *name = g_strconcat(stem, ".source.tsv", NULL);
        char *source = data_file(dir, name);
        *strchr(source, '\t') = '\0';
        assert_chart_legible(pdf, source);
        g_free(source);
        g_free(name);
        g_free(stem);
    }
    i18n_set_lang(LANG_NL);
    g_free(dir);
    tu_tmpdir_free(tmp);
    fixture_release(&f);
}
END_TEST

START_TEST(label_shortened_in_the_middle)
{
    char *got = tsv_label_middle(middle_cases[_i].in, middle_cases[_i].max);
    ck_assert_str_eq(got, middle_cases[_i].out);
    ck_assert_uint_le(g_utf8_strlen(got, -1), middle_cases[_i].max);
    g_free(got);
}
END_TEST

START_TEST(label_made_safe)
{
    char *got = tsv_label(label_cases[_i].in, label_cases[_i].max);
    ck_assert_str_eq(got, label_cases[_i].out);
    g_free(got);
}
END_TEST

Suite *chart_suite(void)
{
    Suite *s = suite_create("chart");
    TCase *tc = tcase_create("files");
    tcase_set_timeout(tc, CHART_TEST_TIMEOUT);
    tcase_add_loop_test(tc, shipped_data_every_format, 0, G_N_ELEMENTS(formats));
    tcase_add_loop_test(tc, hostile_names_stay_data, 0, G_N_ELEMENTS(formats));
    tcase_add_test(tc, no_gnuplot_one_warning);
    tcase_add_test(tc, no_data_skipped_with_note);
    tcase_add_test(tc, unwritable_folder_is_write_error);
    tcase_add_test(tc, gnuplot_failure_is_a_note_and_leaves_no_file);
    tcase_add_test(tc, missing_scripts_one_warning);
    tcase_add_loop_test(tc, charts_drawn_in_batches, 0, G_N_ELEMENTS(formats));
    tcase_add_loop_test(tc, unlistable_folder_drawn_alone, 0, 3);
    tcase_add_test(tc, batch_runs_only_chart_scripts);
    tcase_add_test(tc, english_labels);
    tcase_add_test(tc, charts_read_at_a_glance);
    tcase_add_test(tc, trend_steps_end_at_the_last_report);
    tcase_add_test(tc, identical_deadlines_make_a_note);
    tcase_add_loop_test(tc, charts_legible_without_overlaps, 0, 2);
    suite_add_tcase(s, tc);

    TCase *labels = tcase_create("labels");
    tcase_add_loop_test(labels, label_made_safe, 0, G_N_ELEMENTS(label_cases));
    tcase_add_loop_test(labels, label_shortened_in_the_middle, 0, G_N_ELEMENTS(middle_cases));
    suite_add_tcase(s, labels);
    return s;
}

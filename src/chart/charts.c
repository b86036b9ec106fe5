/* charts.c - drawing the report's charts: folders, gnuplot, checking what it made. */
#include "chart/charts.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "chart/chartdata.h"
#include "chart/tsv.h"
#include "chart/gnuplot.h"
#include "base/i18n.h"

/* gnuplot on a fixed script does not hang, but a chart must never stop the report:
 * a gnuplot drawing one chart gets this long, one drawing a batch this plus a bit
 * per chart. */
#define GNUPLOT_TIMEOUT_SECONDS 120
#define GNUPLOT_SECONDS_PER_CHART 10
/* How much of gnuplot's last line a note quotes. */
#define GNUPLOT_MESSAGE_MAX 300
/* Starting gnuplot with its cairo terminal takes most of the time of a small chart
 * (0.1 s of 0.11 s on the shipped data), so charts are drawn in batches by a few
 * gnuplot processes side by side, one per processor up to this many. */
#define BATCH_PROCESSES_MAX 8
#define BATCH_SCRIPT "batch.gp"

static const char *const SCRIPTS[] = {"status.gp", "tijdlijn.gp", "acties.gp", "cijfers.gp",
                                      "begroting.gp"};

/* Everything one run of charts_write_all() works with. */
typedef struct {
    chart_input in;
    const char *dir;        /* as the caller wrote it: for messages and `written` */
    char *abs_dir;          /* absolute, for gnuplot */
    char *abs_data;         /* abs_dir/data */
    const char *ext;        /* png, svg, pdf */
    const char *terminal;   /* pngcairo, svg, pdfcairo: a fixed word the scripts test */
    char *gnuplot;          /* absolute path of the program */
    char *scripts;          /* absolute folder of the scripts */
    GPtrArray *written;
    GHashTable *names;      /* file names used, so that two indicators never share one */
    GArray *jobs;           /* chart_job: charts whose data is written, to be drawn */
} chart_run;

/* The paths of one chart. */
typedef struct {
    char *shown;   /* dir/NAME.ext: in notes and `written` */
    char *output;  /* abs_dir/NAME.ext: for gnuplot */
    char *prefix;  /* abs_data/NAME: the data files' common start */
} chart_paths;

/* A chart whose data files are written, waiting to be drawn. */
typedef struct {
    const char *script; /* one of SCRIPTS, static */
    chart_paths paths;  /* owned */
} chart_job;

/* ---- finding gnuplot and the scripts ------------------------------------------------ */

/* An absolute version of path (g_free). */
static char *absolute_path(const char *path)
{
    if (g_path_is_absolute(path))
        return g_canonicalize_filename(path, NULL);
    char *cwd = g_get_current_dir();
    char *abs = g_canonicalize_filename(path, cwd);
    g_free(cwd);
    return abs;
}

/* Whether `folder` holds every script. */
static bool has_scripts(const char *folder)
{
    for (size_t i = 0; i < G_N_ELEMENTS(SCRIPTS); i++) {
        char *path = g_build_filename(folder, SCRIPTS[i], NULL);
        bool ok = g_file_test(path, G_FILE_TEST_IS_REGULAR);
        g_free(path);
        if (!ok)
            return false;
    }
    return true;
}

/* The scripts folder (see charts.h for the order), absolute; NULL when none has them.
 * `looked` gets the places tried, for the warning. */
static char *find_scripts(GString *looked)
{
    GPtrArray *candidates = g_ptr_array_new_with_free_func(g_free);
    const char *env = g_getenv("REGIORAPPORT_SCRIPTS");
    if (env && *env) {
        g_ptr_array_add(candidates, absolute_path(env));
    } else {
        char *exe = g_file_read_link("/proc/self/exe", NULL);
        if (exe) {
            char *bin_dir = g_path_get_dirname(exe);
            char *beside = g_build_filename(bin_dir, "scripts", NULL);
            char *up = g_build_filename(bin_dir, "..", "..", "scripts", NULL);
            g_ptr_array_add(candidates, absolute_path(beside));
            g_ptr_array_add(candidates, absolute_path(up));
            g_free(beside);
            g_free(up);
            g_free(bin_dir);
            g_free(exe);
        }
        g_ptr_array_add(candidates, absolute_path("scripts"));
    }
    char *found = NULL;
    for (guint i = 0; i < candidates->len && !found; i++) {
        const char *folder = g_ptr_array_index(candidates, i);
        if (has_scripts(folder))
            found = g_strdup(folder);
        else
            g_string_append_printf(looked, "%s'%s'", looked->len ? ", " : "", folder);
    }
    g_ptr_array_free(candidates, TRUE);
    return found;
}

/* ---- paths ------------------------------------------------------------------------ */

/* A file name part of [a-z0-9_-] only: whatever an id holds, it names one file in
 * the chart folder and nothing else. */
static char *safe_name(const char *text)
{
    GString *name = g_string_new(NULL);
    for (const char *p = text; *p; p++) {
        char c = g_ascii_tolower(*p);
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        g_string_append_c(name, ok ? c : '-');
    }
    if (name->len == 0)
        g_string_append_c(name, '-');
    return g_string_free(name, FALSE);
}

/* Fills the paths of chart NAME (already safe), made unique within the run. */
static void chart_paths_init(chart_paths *p, chart_run *run, const char *name)
{
    char *unique = g_strdup(name);
    for (int n = 2; g_hash_table_contains(run->names, unique); n++) {
        g_free(unique);
        unique = g_strdup_printf("%s-%d", name, n);
    }
    g_hash_table_add(run->names, unique);
    char *file = g_strdup_printf("%s.%s", unique, run->ext);
    p->shown = g_build_filename(run->dir, file, NULL);
    p->output = g_build_filename(run->abs_dir, file, NULL);
    p->prefix = g_build_filename(run->abs_data, unique, NULL);
    g_free(file);
}

/* Frees the paths (not the struct). */
static void chart_paths_release(chart_paths *p)
{
    g_free(p->shown);
    g_free(p->output);
    g_free(p->prefix);
}

/* GArray clear function of run->jobs. */
static void chart_job_clear(gpointer job)
{
    chart_paths_release(&((chart_job *)job)->paths);
}

/* Creates `path` and its parents; prints why not. */
static rr_error make_folder(const char *path)
{
    if (g_mkdir_with_parents(path, 0755) == 0)
        return RR_OK;
    int saved = errno;
    fprintf(stderr, tr("regiorapport: kan map '%s' niet aanmaken: %s\n",
                       "regiorapport: cannot create folder '%s': %s\n"),
            path, g_strerror(saved));
    return RR_ERR_WRITE;
}

/* ---- drawing ---------------------------------------------------------------------- */

/* Whether a chart file ends the way a complete one of its kind ends (PNG: the IEND
 * chunk; SVG: </svg>; PDF: %%EOF). On a full disk or past a file-size limit gnuplot
 * (cairo) leaves a cut-off file and still exits 0. */
static bool chart_is_complete(const char *path, const char *ext)
{
    static const unsigned char png_end[] = {0,   0,   0,   0,    'I',  'E',
                                            'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    unsigned char tail[64];
    size_t n = 0;
    FILE *f = fopen(path, "rb");
    if (f) {
        if (fseek(f, -(long)sizeof tail, SEEK_END) != 0)
            rewind(f);
        n = fread(tail, 1, sizeof tail, f);
        fclose(f);
    }
    if (strcmp(ext, "png") == 0)
        return n >= sizeof png_end &&
               memcmp(tail + n - sizeof png_end, png_end, sizeof png_end) == 0;
    while (n > 0 && (tail[n - 1] == '\n' || tail[n - 1] == '\r' || tail[n - 1] == ' '))
        n--;
    const char *end = strcmp(ext, "svg") == 0 ? "</svg>" : "%%EOF";
    size_t len = strlen(end);
    return n >= len && memcmp(tail + n - len, end, len) == 0;
}

/* Whether the chart file is there, a regular file and complete. */
static bool chart_is_made(const chart_run *run, const chart_job *job)
{
    GStatBuf st;
    return g_stat(job->paths.output, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
           chart_is_complete(job->paths.output, run->ext);
}

/* The last non-empty line of gnuplot's messages (its error), made printable. */
static char *last_message_line(const GString *messages)
{
    char *text = g_utf8_make_valid(messages->str, (gssize)messages->len);
    char **lines = g_strsplit(text, "\n", -1);
    const char *last = "";
    for (char **l = lines; *l; l++)
        if (*g_strstrip(*l))
            last = *l;
    char *line = tsv_label(last, GNUPLOT_MESSAGE_MAX);
    g_strfreev(lines);
    g_free(text);
    return line;
}

/* Draws one chart in a gnuplot of its own:
 * `gnuplot -c SCRIPT TERMINAL OUTPUT PREFIX`, every argument a path or word this
 * program built. Checks gnuplot's exit status and that the file is complete; a
 * failed chart is removed and becomes a note that says why. */
static void draw_alone(chart_run *run, const chart_job *job)
{
    char *script_path = g_build_filename(run->scripts, job->script, NULL);
    char *argv[] = {run->gnuplot, (char *)"-c", script_path, (char *)run->terminal,
                    job->paths.output, job->paths.prefix, NULL};
    gnuplot_proc proc;
    gnuplot_start(&proc, argv);
    gnuplot_wait_all(&proc, 1, GNUPLOT_TIMEOUT_SECONDS);
    bool ok = gnuplot_succeeded(&proc);
    if (ok && chart_is_made(run, job)) {
        g_ptr_array_add(run->written, g_strdup(job->paths.shown));
    } else {
        g_unlink(job->paths.output);
        char *how = ok ? g_strdup(tr("leeg of onvolledig bestand; is de schijf vol?",
                                     "empty or incomplete file; is the disk full?"))
                       : gnuplot_describe_status(&proc);
        char *line = last_message_line(proc.output);
        diag_add(run->in.notes, DIAG_WARNING, job->paths.shown, 0, 0,
                 tr("grafiek niet gemaakt: gnuplot faalde (%s)%s%s",
                    "chart not made: gnuplot failed (%s)%s%s"),
                 how, *line ? ": " : "", line);
        g_free(line);
        g_free(how);
    }
    gnuplot_proc_release(&proc);
    g_free(script_path);
}

/* Whether gnuplot reads `path` back from a job list exactly as written: a tab or line
 * break would split the row, a double quote end the field, a backslash start an
 * escape (see batch.gp). */
static bool fits_job_list(const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p < 0x20 || *p == 0x7F || *p == '"' || *p == '\\')
            return false;
    return true;
}

/* How many gnuplot processes draw the queued charts between them: one per processor,
 * at most BATCH_PROCESSES_MAX and one per chart. 0 (every chart in a gnuplot of its
 * own) when the scripts folder has no batch.gp or a path cannot go into a job list. */
static guint batch_processes(const chart_run *run)
{
    char *driver = g_build_filename(run->scripts, BATCH_SCRIPT, NULL);
    bool usable = g_file_test(driver, G_FILE_TEST_IS_REGULAR);
    g_free(driver);
    for (guint i = 0; usable && i < run->jobs->len; i++) {
        const chart_job *job = &g_array_index(run->jobs, chart_job, i);
        usable = fits_job_list(job->paths.output) && fits_job_list(job->paths.prefix);
    }
    if (!usable)
        return 0;
    guint n = (guint)CLAMP(g_get_num_processors(), 1, BATCH_PROCESSES_MAX);
    return MIN(n, run->jobs->len);
}

/* Writes job list `k` of `n` for batch.gp: the queued charts i with i % n == k. */
static rr_error write_job_list(const chart_run *run, guint k, guint n, const char *prefix)
{
    tsv_file f;
    rr_error err = tsv_open(&f, prefix, ".tsv");
    if (err)
        return err;
    for (guint i = k; i < run->jobs->len; i += n) {
        const chart_job *job = &g_array_index(run->jobs, chart_job, i);
        fprintf(f.file, "%s\t%s\t%s\n", job->script, job->paths.output, job->paths.prefix);
    }
    return tsv_close(&f);
}

/*
 * Draws the queued charts in `n` gnuplot processes side by side, each running
 * batch.gp over its own job list. It only makes files: draw_queued() checks each one
 * afterwards, and whatever a batch did not finish is drawn again on its own.
 */
static rr_error draw_in_batches(chart_run *run, guint n)
{
    gnuplot_proc procs[BATCH_PROCESSES_MAX];
    char *lists[BATCH_PROCESSES_MAX];
    char *driver = g_build_filename(run->scripts, BATCH_SCRIPT, NULL);
    rr_error err = RR_OK;
    guint started = 0;
    for (guint k = 0; k < n; k++) {
        char *prefix = g_strdup_printf("%s/batch-%u", run->abs_data, k + 1);
        lists[k] = g_strconcat(prefix, ".tsv", NULL);
        if (!err)
            err = write_job_list(run, k, n, prefix);
        g_free(prefix);
    }
    for (; !err && started < n; started++) {
        char *argv[] = {run->gnuplot, (char *)"-c", driver, run->scripts,
                        (char *)run->terminal, lists[started], NULL};
        gnuplot_start(&procs[started], argv);
    }
    guint per_process = (run->jobs->len + n - 1) / n;
    gnuplot_wait_all(procs, started,
                     GNUPLOT_TIMEOUT_SECONDS + GNUPLOT_SECONDS_PER_CHART * (int)per_process);
    for (guint k = 0; k < n; k++) {
        if (k < started)
            gnuplot_proc_release(&procs[k]);
        g_unlink(lists[k]);
        g_free(lists[k]);
    }
    g_free(driver);
    return err;
}

/* Draws every queued chart: in batches where it can, then each chart a batch did not
 * complete on its own, which also gives that chart's own error. `written` lists the
 * charts in the order they were queued. */
static rr_error draw_queued(chart_run *run)
{
    if (run->jobs->len == 0)
        return RR_OK;
    /* A chart left from an earlier run must not pass for one drawn now. */
    for (guint i = 0; i < run->jobs->len; i++)
        g_unlink(g_array_index(run->jobs, chart_job, i).paths.output);
    guint n = batch_processes(run);
    rr_error err = n > 0 ? draw_in_batches(run, n) : RR_OK;
    for (guint i = 0; !err && i < run->jobs->len; i++) {
        const chart_job *job = &g_array_index(run->jobs, chart_job, i);
        if (n > 0 && chart_is_made(run, job))
            g_ptr_array_add(run->written, g_strdup(job->paths.shown));
        else
            draw_alone(run, job);
    }
    return err;
}

/* Queues a chart whose data is written for drawing, or notes that it had none. */
static void queue_chart(chart_run *run, const char *script, const chart_paths *p, size_t rows,
                   const char *why_empty)
{
    if (rows > 0) {
        chart_job job = {script, {g_strdup(p->shown), g_strdup(p->output), g_strdup(p->prefix)}};
        g_array_append_val(run->jobs, job);
    } else {
        diag_add(run->in.notes, DIAG_WARNING, p->shown, 0, 0,
                 tr("grafiek overgeslagen: %s", "chart skipped: %s"), why_empty);
    }
}

/* ---- the charts ------------------------------------------------------------------ */

/* Actions per status per owner. */
static rr_error chart_status(chart_run *run)
{
    chart_paths p;
    size_t rows = 0;
    chart_paths_init(&p, run, "status");
    rr_error err = chartdata_status(&run->in, p.prefix, &rows);
    if (!err)
        queue_chart(run, "status.gp", &p, rows, tr("geen acties", "no actions"));
    chart_paths_release(&p);
    return err;
}

/* Every plan on one time axis. */
static rr_error chart_timeline(chart_run *run)
{
    chart_paths p;
    size_t rows = 0;
    chart_paths_init(&p, run, "tijdlijn");
    rr_error err = chartdata_timeline(&run->in, p.prefix, p.shown, &rows);
    if (!err)
        queue_chart(run, "tijdlijn.gp", &p, rows,
               tr("geen plannen met een bekende looptijd", "no plans with a known term"));
    chart_paths_release(&p);
    return err;
}

/* One chart per owner with actions; an owner whose actions have no deadline is noted. */
static rr_error chart_deadlines(chart_run *run)
{
    const rr_model *model = run->in.model;
    rr_error err = RR_OK;
    for (guint i = 0; i < model->owners->len && !err; i++) {
        const rr_owner *owner = g_ptr_array_index(model->owners, i);
        const owner_summary *summary = analysis_owner(run->in.analysis, owner);
        if (!summary || summary->actions == 0)
            continue;
        char *slug = safe_name(owner->id);
        char *name = g_strdup_printf("acties-tijdlijn-%s", slug);
        chart_paths p;
        size_t rows = 0;
        chart_paths_init(&p, run, name);
        err = chartdata_deadlines(&run->in, owner, p.prefix, &rows);
        if (!err)
            queue_chart(run, "acties.gp", &p, rows,
                   tr("geen actie met een deadline", "no action has a deadline"));
        chart_paths_release(&p);
        g_free(name);
        g_free(slug);
    }
    return err;
}

/* Whether any figure of the indicator is known on the report date. */
static bool has_figures(const rr_model *model, const rr_indicator *indicator, rr_date as_of)
{
    for (guint i = 0; i < model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(model->figures, i);
        if (f->indicator == indicator && analyse_figure_known(f, as_of))
            return true;
    }
    return false;
}

/* One chart per indicator that has figures. */
static rr_error chart_figures(chart_run *run)
{
    const rr_model *model = run->in.model;
    rr_error err = RR_OK;
    size_t charts = 0;
    for (guint i = 0; i < model->indicators->len && !err; i++) {
        const rr_indicator *indicator = g_ptr_array_index(model->indicators, i);
        if (!has_figures(model, indicator, run->in.analysis->as_of))
            continue;
        char *code = safe_name(indicator->code);
        char *name = g_strdup_printf("cijfers-%s", code);
        chart_paths p;
        size_t rows = 0;
        chart_paths_init(&p, run, name);
        err = chartdata_figures(&run->in, indicator, p.prefix, &rows);
        if (!err)
            queue_chart(run, "cijfers.gp", &p, rows, tr("geen cijfers", "no figures"));
        chart_paths_release(&p);
        g_free(name);
        g_free(code);
        charts++;
    }
    if (!err && charts == 0) {
        char *shown = g_build_filename(run->dir, "cijfers", NULL);
        diag_add(run->in.notes, DIAG_WARNING, shown, 0, 0,
                 tr("grafieken overgeslagen: geen cijfers (cijfers.csv)",
                    "charts skipped: no figures (cijfers.csv)"));
        g_free(shown);
    }
    return err;
}

/* Budget per owner, year and action line. */
static rr_error chart_budget(chart_run *run)
{
    chart_paths p;
    size_t rows = 0;
    chart_paths_init(&p, run, "begroting");
    rr_error err = chartdata_budget(&run->in, p.prefix, &rows);
    if (!err)
        queue_chart(run, "begroting.gp", &p, rows,
               tr("geen begroting (begroting.csv)", "no budget (begroting.csv)"));
    chart_paths_release(&p);
    return err;
}

/* ---- public ---------------------------------------------------------------------- */

/* Finds gnuplot and the scripts; a warning and false when one is missing. */
static bool find_tools(chart_run *run)
{
    run->gnuplot = g_find_program_in_path("gnuplot");
    if (!run->gnuplot) {
        diag_add(run->in.notes, DIAG_WARNING, "gnuplot", 0, 0, "%s",
                 tr("gnuplot is niet geïnstalleerd; grafieken overgeslagen "
                    "(installeer gnuplot-nox)",
                    "gnuplot is not installed; charts skipped (install gnuplot-nox)"));
        return false;
    }
    char *gnuplot = absolute_path(run->gnuplot);
    g_free(run->gnuplot);
    run->gnuplot = gnuplot;
    GString *looked = g_string_new(NULL);
    run->scripts = find_scripts(looked);
    if (!run->scripts)
        diag_add(run->in.notes, DIAG_WARNING, "gnuplot", 0, 0,
                 tr("gnuplot-scripts niet gevonden (gezocht in %s; zet REGIORAPPORT_SCRIPTS); "
                    "grafieken overgeslagen",
                    "gnuplot scripts not found (looked in %s; set REGIORAPPORT_SCRIPTS); "
                    "charts skipped"),
                 looked->str);
    g_string_free(looked, TRUE);
    return run->scripts != NULL;
}

rr_error charts_write_all(const rr_model *model, const rr_analysis *analysis, const char *dir,
                         chart_format format, diag_list *notes, GPtrArray *written)
{
    if (!vocab_chart_format_extension(format)) /* CHARTS_NONE */
        return RR_OK;
    chart_run run = {
        .in = {model, analysis, notes},
        .dir = dir,
        .ext = vocab_chart_format_extension(format),
        .terminal = vocab_chart_format_terminal(format),
        .written = written,
        .names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .jobs = g_array_new(FALSE, FALSE, sizeof(chart_job)),
    };
    g_array_set_clear_func(run.jobs, chart_job_clear);
    rr_error err = RR_OK;
    if (find_tools(&run)) {
        run.abs_dir = absolute_path(dir);
        run.abs_data = g_build_filename(run.abs_dir, "data", NULL);
        err = make_folder(run.abs_data);
        if (!err)
            err = chart_status(&run);
        if (!err)
            err = chart_timeline(&run);
        if (!err)
            err = chart_deadlines(&run);
        if (!err)
            err = chart_figures(&run);
        if (!err)
            err = chart_budget(&run);
        if (!err)
            err = draw_queued(&run);
    }
    g_free(run.gnuplot);
    g_free(run.scripts);
    g_free(run.abs_dir);
    g_free(run.abs_data);
    g_hash_table_destroy(run.names);
    g_array_free(run.jobs, TRUE);
    return err;
}

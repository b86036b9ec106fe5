/* charts.c - drawing the report's charts: folders, gnuplot, checking what it made. */
#include "chart/charts.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "base/atomic.h"
#include "chart/chartdata.h"
#include "chart/tsv.h"
#include "base/i18n.h"
#include "base/pdf.h"
#include "base/progress.h"
#include "base/stamp.h"
#include "base/spawn.h"
#include "base/version.h"

/* How much of gnuplot's last line a note quotes. */
#define GNUPLOT_MESSAGE_MAX 300
/* Starting gnuplot with its cairo terminal takes most of the time of a small chart
 * (0.1 s of 0.11 s on the shipped data), so charts are drawn in batches by a few
 * gnuplot processes side by side, one per processor up to this many. */
#define BATCH_PROCESSES_MAX 8
#define BATCH_SCRIPT "batch.gp"

static const char *const SCRIPTS[] = {"status.gp", "tijdlijn.gp", "acties.gp", "cijfers.gp",
                                      "begroting.gp", "verloop.gp", "cijfers-spread.gp"};

/* Everything one chart phase works with, from charts_start() to charts_free(). */
struct charts_drawing {
    chartdata_input in;
    char *dir;              /* the destination as the caller wrote it: for messages and
                             * `written` */
    atomic_out folder;      /* the temporary folder the charts are drawn in */
    char *abs_dir;          /* that folder, absolute, for gnuplot */
    char *abs_data;         /* abs_dir/data */
    const char *ext;        /* png, svg, pdf */
    const char *terminal;   /* pngcairo, svg, pdfcairo: a fixed word the scripts test */
    char *gnuplot;          /* absolute path of the program */
    char *scripts;          /* absolute folder of the scripts */
    GPtrArray *written;     /* during charts_finish() only */
    GHashTable *names;      /* file names used, so that two indicators never share one */
    GArray *jobs;           /* charts_job: charts whose data is written, to be drawn */
    int timeout_seconds;    /* the whole phase's time (--chart-timeout) */
    gint64 deadline;        /* its end, g_get_monotonic_time() microseconds */
    spawn_proc batch[BATCH_PROCESSES_MAX]; /* the batches drawing while the caller works */
    char *lists[BATCH_PROCESSES_MAX];        /* their job lists */
    guint batches;          /* how many were started */
    GPtrArray *not_drawn;   /* file names of charts the deadline stopped */
    time_t created;         /* the creation time a PDF chart gets (base/stamp.h) */
};
typedef struct charts_drawing charts_run;

/* The paths of one chart. */
typedef struct {
    char *shown;   /* dir/NAME.ext: in notes and `written` */
    char *output;  /* abs_dir/NAME.ext: for gnuplot */
    char *prefix;  /* abs_data/NAME: the data files' common start */
} charts_paths;

/* A chart whose data files are written, waiting to be drawn. */
typedef struct {
    const char *script; /* one of SCRIPTS, static */
    charts_paths paths;  /* owned */
} charts_job;

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
        /* Where `make install` put them: PREFIX/share/regiorapport. */
        g_ptr_array_add(candidates, g_strdup(version_scripts_dir()));
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
static void chart_paths_init(charts_paths *p, charts_run *run, const char *name)
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
static void chart_paths_release(charts_paths *p)
{
    g_free(p->shown);
    g_free(p->output);
    g_free(p->prefix);
}

/* GArray clear function of run->jobs. */
static void chart_job_clear(gpointer job)
{
    chart_paths_release(&((charts_job *)job)->paths);
}

/* Creates the folder `path`; an error at `shown` when it cannot. */
static rr_error make_folder(const char *path, const char *shown, diag_list *diags)
{
    if (g_mkdir(path, 0755) == 0)
        return RR_OK;
    diag_add(diags, DIAG_ERROR, shown, 0, 0, "%s: %s",
             tr("kan niet worden aangemaakt", "cannot be created"), i18n_strerror(errno));
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
static bool chart_is_made(const charts_run *run, const charts_job *job)
{
    GStatBuf st;
    return g_stat(job->paths.output, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
           chart_is_complete(job->paths.output, run->ext);
}

/* The last non-empty line of gnuplot's messages (its error), made printable. */
static char *last_message_line(const spawn_proc *proc)
{
    char *last = spawn_last_line(proc, GNUPLOT_MESSAGE_MAX);
    char *line = tsv_label(last, GNUPLOT_MESSAGE_MAX);
    g_free(last);
    return line;
}

/* Takes a complete chart into `written`. cairo dates a PDF by the clock: it gets the
 * run's creation time instead, so the same input gives the same bytes. */
static rr_error accept_chart(charts_run *run, const charts_job *job)
{
    int error = strcmp(run->ext, "pdf") == 0 ? pdf_set_time(job->paths.output, run->created) : 0;
    if (error) {
        diag_add(run->in.notes, DIAG_ERROR, job->paths.shown, 0, 0, "%s: %s",
                 tr("kan niet worden geschreven", "cannot be written"), i18n_strerror(error));
        return RR_ERR_WRITE;
    }
    g_ptr_array_add(run->written, g_strdup(job->paths.shown));
    return RR_OK;
}

/* Notes that the deadline stopped a chart; one warning names them all later. */
static void not_drawn(charts_run *run, const charts_job *job)
{
    g_unlink(job->paths.output);
    g_ptr_array_add(run->not_drawn, g_path_get_basename(job->paths.shown));
}

/* The error for a gnuplot the system could not start (no pipe, no process). */
static rr_error cannot_start(charts_run *run, const spawn_proc *proc)
{
    diag_add(run->in.notes, DIAG_ERROR, run->dir, 0, 0, "%s: %s",
             tr("grafieken kunnen niet worden getekend: gnuplot kan niet starten",
                "charts cannot be drawn: gnuplot cannot be started"),
             proc->output->str);
    return RR_ERR_WRITE;
}

/* Draws one chart in a gnuplot of its own:
 * `gnuplot -c SCRIPT TERMINAL OUTPUT PREFIX`, every argument a path or word this
 * program built. Checks gnuplot's exit status and that the file is complete; a
 * failed chart is removed and becomes a note that says why. */
static rr_error draw_alone(charts_run *run, const charts_job *job)
{
    if (g_get_monotonic_time() >= run->deadline) {
        not_drawn(run, job);
        return RR_OK;
    }
    char *script_path = g_build_filename(run->scripts, job->script, NULL);
    char *argv[] = {run->gnuplot, (char *)"-c", script_path, (char *)run->terminal,
                    job->paths.output, job->paths.prefix, NULL};
    spawn_proc proc;
    rr_error err = RR_OK;
    if (!spawn_start(&proc, argv, NULL))
        err = cannot_start(run, &proc);
    else if (!spawn_wait_all(&proc, 1, run->deadline))
        not_drawn(run, job);
    else if (spawn_succeeded(&proc) && chart_is_made(run, job))
        err = accept_chart(run, job);
    else {
        g_unlink(job->paths.output);
        bool ok = spawn_succeeded(&proc);
        char *how = ok ? g_strdup(tr("leeg of onvolledig bestand; is de schijf vol?",
                                     "empty or incomplete file; is the disk full?"))
                       : spawn_describe_status(&proc, "gnuplot");
        char *line = last_message_line(&proc);
        diag_add(run->in.notes, DIAG_WARNING, job->paths.shown, 0, 0,
                 tr("grafiek niet gemaakt: gnuplot faalde (%s)%s%s",
                    "chart not made: gnuplot failed (%s)%s%s"),
                 how, *line ? ": " : "", line);
        g_free(line);
        g_free(how);
    }
    spawn_proc_release(&proc);
    g_free(script_path);
    return err;
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
static guint batch_processes(const charts_run *run)
{
    char *driver = g_build_filename(run->scripts, BATCH_SCRIPT, NULL);
    bool usable = g_file_test(driver, G_FILE_TEST_IS_REGULAR);
    g_free(driver);
    for (guint i = 0; usable && i < run->jobs->len; i++) {
        const charts_job *job = &g_array_index(run->jobs, charts_job, i);
        usable = fits_job_list(job->paths.output) && fits_job_list(job->paths.prefix);
    }
    if (!usable)
        return 0;
    guint n = (guint)CLAMP(g_get_num_processors(), 1, BATCH_PROCESSES_MAX);
    return MIN(n, run->jobs->len);
}

/* Writes job list `k` of `n` for batch.gp: the queued charts i with i % n == k. */
static rr_error write_job_list(const charts_run *run, guint k, guint n, const char *prefix)
{
    tsv_file f;
    rr_error err = tsv_open(&f, prefix, ".tsv", run->in.notes);
    if (err)
        return err;
    for (guint i = k; i < run->jobs->len; i += n) {
        const charts_job *job = &g_array_index(run->jobs, charts_job, i);
        fprintf(f.file, "%s\t%s\t%s\n", job->script, job->paths.output, job->paths.prefix);
    }
    return tsv_close(&f);
}

/*
 * Starts drawing the queued charts in `n` gnuplot processes side by side, each
 * running batch.gp over its own job list, and returns at once: the caller works on
 * while they draw. collect_batches() waits for them; they only make files, which
 * charts_finish() checks one by one.
 */
static rr_error start_batches(charts_run *run, guint n)
{
    char *driver = g_build_filename(run->scripts, BATCH_SCRIPT, NULL);
    rr_error err = RR_OK;
    for (guint k = 0; k < n && !err; k++) {
        char *prefix = g_strdup_printf("%s/batch-%u", run->abs_data, k + 1);
        run->lists[k] = g_strconcat(prefix, ".tsv", NULL);
        err = write_job_list(run, k, n, prefix);
        g_free(prefix);
    }
    for (guint k = 0; k < n && !err; k++) {
        char *argv[] = {run->gnuplot, (char *)"-c", driver, run->scripts,
                        (char *)run->terminal, run->lists[k], NULL};
        bool started = spawn_start(&run->batch[k], argv, NULL);
        run->batches++;
        if (!started)
            err = cannot_start(run, &run->batch[k]);
    }
    g_free(driver);
    return err;
}

/* While the batches draw: how many charts are there, counted by their files. A batch
 * still running may be writing one of them, so each running batch counts one less. */
static void count_drawn(void *data, size_t busy)
{
    const charts_run *run = data;
    size_t present = 0;
    for (guint i = 0; i < run->jobs->len; i++) {
        GStatBuf st;
        const charts_job *job = &g_array_index(run->jobs, charts_job, i);
        present += g_stat(job->paths.output, &st) == 0 && st.st_size > 0;
    }
    progress_step(tr("grafieken tekenen", "drawing charts"), present > busy ? present - busy : 0,
                  run->jobs->len);
}

/* Waits for the batches until the deadline (then they are stopped) and removes their
 * job lists. Safe to call twice. false when the deadline stopped one. The progress line
 * counts the charts as their files appear (only when it is shown: the count stats every
 * chart file). */
static bool collect_batches(charts_run *run)
{
    if (run->batches > 0)
        progress_step(tr("grafieken tekenen", "drawing charts"), 0, run->jobs->len);
    bool in_time = spawn_wait_all_ticking(run->batch, run->batches, run->deadline,
                                          progress_active() ? count_drawn : NULL, run);
    for (guint k = 0; k < run->batches; k++)
        spawn_proc_release(&run->batch[k]);
    run->batches = 0;
    for (guint k = 0; k < BATCH_PROCESSES_MAX; k++) {
        if (run->lists[k])
            g_unlink(run->lists[k]);
        g_free(run->lists[k]);
        run->lists[k] = NULL;
    }
    return in_time;
}

/* Checks every queued chart after the batches: each one they did not complete is
 * drawn on its own, which also gives that chart's own error, while there is time.
 * `written` lists the charts in the order they were queued. */
static rr_error check_and_redraw(charts_run *run, bool batched, bool in_time)
{
    rr_error err = RR_OK;
    for (guint i = 0; !err && i < run->jobs->len; i++) {
        const charts_job *job = &g_array_index(run->jobs, charts_job, i);
        progress_step(tr("grafieken", "charts"), i + 1, run->jobs->len);
        if (batched && chart_is_made(run, job))
            err = accept_chart(run, job);
        else if (!in_time)
            not_drawn(run, job);
        else
            err = draw_alone(run, job);
    }
    if (run->not_drawn->len > 0) {
        g_ptr_array_add(run->not_drawn, NULL);
        char *names = g_strjoinv(", ", (char **)run->not_drawn->pdata);
        diag_add(run->in.notes, DIAG_WARNING, run->dir, 0, 0,
                 tr("%u grafieken niet getekend: gnuplot was na %d seconden niet klaar "
                    "(meer tijd: --chart-timeout SECONDEN): %s",
                    "%u charts not drawn: gnuplot was not done after %d seconds "
                    "(more time: --chart-timeout SECONDS): %s"),
                 run->not_drawn->len - 1, run->timeout_seconds, names);
        g_free(names);
    }
    return err;
}

/* Queues a chart whose data is written for drawing, or notes that it had none. */
static void queue_chart(charts_run *run, const char *script, const charts_paths *p, size_t rows,
                   const char *why_empty)
{
    if (rows > 0) {
        charts_job job = {script, {g_strdup(p->shown), g_strdup(p->output), g_strdup(p->prefix)}};
        g_array_append_val(run->jobs, job);
    } else {
        diag_add(run->in.notes, DIAG_WARNING, p->shown, 0, 0,
                 tr("grafiek overgeslagen: %s", "chart skipped: %s"), why_empty);
    }
}

/* ---- the charts ------------------------------------------------------------------ */

/* Which data file a chart is drawn from: chart_data_write's switch. */
typedef enum {
    DATA_STATUS,
    DATA_TREND,
    DATA_TIMELINE,
    DATA_DEADLINES,
    DATA_FIGURES,
    DATA_FIGURE_SPREAD,
    DATA_BUDGET,
} chart_data;

/* Writes one chart's data files: `of` is the owner (DATA_DEADLINES), the region
 * (DATA_STATUS, DATA_TIMELINE, DATA_BUDGET; NULL for every owner) or the indicator
 * (DATA_FIGURES), NULL for the others. */
static rr_error chart_data_write(const charts_run *run, chart_data data, const void *of,
                                 const charts_paths *p, size_t *rows, char **why_not)
{
    switch (data) {
    case DATA_STATUS:
        return chartdata_status(&run->in, of, p->prefix, rows);
    case DATA_TREND:
        return chartdata_trend(&run->in, p->prefix, rows, why_not);
    case DATA_TIMELINE:
        return chartdata_timeline(&run->in, of, p->prefix, p->shown, rows);
    case DATA_DEADLINES:
        return chartdata_deadlines(&run->in, of, p->prefix, rows, why_not);
    case DATA_FIGURES:
        return chartdata_figures(&run->in, of, p->prefix, rows, why_not);
    case DATA_FIGURE_SPREAD:
        return chartdata_figure_spread(&run->in, of, p->prefix, rows);
    case DATA_BUDGET:
        return chartdata_budget(&run->in, of, p->prefix, rows);
    }
    return RR_OK;
}

/* The data files a chart is drawn from, in words, for its source line. */
static const char *chart_sources(chart_data data)
{
    switch (data) {
    case DATA_STATUS:
    case DATA_DEADLINES:
        return tr("acties.csv en voortgang", "acties.csv and progress");
    case DATA_TREND:
        return tr("acties.csv, voortgang en overleggen.csv",
                  "acties.csv, progress and overleggen.csv");
    case DATA_TIMELINE:
        return tr("plannen.csv en verlengingen.csv", "plannen.csv and verlengingen.csv");
    case DATA_FIGURES:
    case DATA_FIGURE_SPREAD:
        return tr("cijfers.csv, inwoners.csv en gemeente.csv",
                  "cijfers.csv, inwoners.csv and gemeente.csv");
    case DATA_BUDGET:
        return tr("begroting.csv", "begroting.csv");
    }
    return "";
}

/* One chart: its paths under `stem`, or `stem-ID` with a file-safe form of `id` when
 * there is one chart per owner or indicator; its data; then queued for `script`
 * (static) or skipped with the data's own reason or else `why_empty`. */
static rr_error one_chart(charts_run *run, const char *stem, const char *id, const char *script,
                          chart_data data, const void *of, const char *why_empty)
{
    charts_paths p;
    size_t rows = 0;
    char *why_not = NULL;
    char *safe = id ? safe_name(id) : NULL;
    char *name = safe ? g_strdup_printf("%s-%s", stem, safe) : g_strdup(stem);
    chart_paths_init(&p, run, name);
    g_free(name);
    g_free(safe);
    rr_error err = chart_data_write(run, data, of, &p, &rows, &why_not);
    if (!err && rows > 0)
        err = chartdata_source(&run->in, p.prefix, chart_sources(data),
                               data == DATA_DEADLINES || data == DATA_STATUS ||
                                       data == DATA_TIMELINE || data == DATA_BUDGET
                                   ? of
                                   : NULL);
    if (!err)
        queue_chart(run, script, &p, rows, why_not ? why_not : why_empty);
    g_free(why_not);
    chart_paths_release(&p);
    return err;
}

/* What a chart draws for `region`, or for all when it is NULL: its bars or plans. */
typedef size_t (*chart_count)(const chartdata_input *in, const rr_owner *region);

/* Chart `stem` of everyone, or, when that would draw more than `most` (a chart taller
 * than a few screens, or bars as slivers under a heap of labels), one per region that
 * has any (<stem>-<region>), its municipalities with it. */
static rr_error one_or_per_region(charts_run *run, const char *stem, const char *script,
                                  chart_data data, chart_count count, size_t most,
                                  const char *why_empty)
{
    if (count(&run->in, NULL) <= most)
        return one_chart(run, stem, NULL, script, data, NULL, why_empty);
    const rr_model *model = run->in.model;
    rr_error err = RR_OK;
    for (guint i = 0; i < model->owners->len && !err; i++) {
        const rr_owner *region = g_ptr_array_index(model->owners, i);
        if (region->kind == OWNER_REGION && count(&run->in, region) > 0)
            err = one_chart(run, stem, region->id, script, data, region, why_empty);
    }
    return err;
}

/* Past this many bars one status chart grows taller than a few screens (342
 * municipalities: 1600 x 13,960 pixels). */
#define STATUS_MAX_BARS 40

/* How many owners with actions the region has (itself included); all regions' with
 * NULL. */
static size_t owners_with_actions(const chartdata_input *in, const rr_owner *region)
{
    const rr_analysis *an = in->analysis;
    size_t n = 0;
    for (size_t i = 0; i < an->owner_count; i++) {
        const rr_owner *o = an->owners[i].owner;
        if (an->owners[i].actions > 0 && (!region || o == region || o->region == region))
            n++;
    }
    return n;
}

/* Past this many plans the timeline grows taller than a few screens (367 plans of the
 * national set: 1600 x 14,892 pixels). */
#define TIMELINE_MAX_PLANS 40

/* Past this many owners the budget's bars are slivers under a heap of labels (342
 * municipalities in one chart). */
#define BUDGET_MAX_OWNERS 8

/* One chart per owner with actions; an owner whose actions have no deadline is noted. */
static rr_error chart_deadlines(charts_run *run)
{
    const rr_model *model = run->in.model;
    rr_error err = RR_OK;
    for (guint i = 0; i < model->owners->len && !err; i++) {
        const rr_owner *owner = g_ptr_array_index(model->owners, i);
        const owner_summary *summary = analysis_owner(run->in.analysis, owner);
        if (!summary || summary->actions == 0)
            continue;
        err = one_chart(run, "acties-tijdlijn", owner->id, "acties.gp", DATA_DEADLINES, owner,
                        tr("geen actie met een deadline", "no action has a deadline"));
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

/* Past this many owners an indicator's lines and labels are a tangle (342 overlapping
 * lines, the legend cut off): its chart shows the median and spread instead. */
#define FIGURES_MAX_LINES 12

/* One chart per indicator that has figures. */
static rr_error chart_figures(charts_run *run)
{
    const rr_model *model = run->in.model;
    rr_error err = RR_OK;
    size_t charts = 0;
    for (guint i = 0; i < model->indicators->len && !err; i++) {
        const rr_indicator *indicator = g_ptr_array_index(model->indicators, i);
        if (!has_figures(model, indicator, run->in.analysis->as_of))
            continue;
        if (chartdata_figure_owners(&run->in, indicator) > FIGURES_MAX_LINES)
            err = one_chart(run, "cijfers", indicator->code, "cijfers-spread.gp",
                            DATA_FIGURE_SPREAD, indicator, tr("geen cijfers", "no figures"));
        else
            err = one_chart(run, "cijfers", indicator->code, "cijfers.gp", DATA_FIGURES,
                            indicator, tr("geen cijfers", "no figures"));
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

/* ---- public ---------------------------------------------------------------------- */

/* Finds gnuplot and the scripts; a warning and false when one is missing. */
static bool find_tools(charts_run *run)
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

/* Names the destination instead of the temporary folder in the notes from index
 * `first` on (a data file that could not be written): the temporary folder is gone
 * when the user reads them. */
static void show_final_paths(charts_run *run, size_t first)
{
    size_t n = run->abs_dir ? strlen(run->abs_dir) : 0;
    for (size_t i = first; n > 0 && i < run->in.notes->count; i++) {
        diag *d = &run->in.notes->items[i];
        if (strncmp(d->path, run->abs_dir, n) == 0 && (d->path[n] == '/' || !d->path[n])) {
            char *shown = g_strconcat(run->dir, d->path + n, NULL);
            g_free(d->path);
            d->path = shown;
        }
    }
}

/* Writes every chart's data files into the temporary folder and queues the charts. */
static rr_error write_chart_data(charts_run *run)
{
    rr_error err = atomic_folder_start(&run->folder, run->dir, run->in.notes);
    if (err)
        return err;
    run->abs_dir = absolute_path(run->folder.tmp_path);
    run->abs_data = g_build_filename(run->abs_dir, "data", NULL);
    char *shown_data = g_build_filename(run->dir, "data", NULL);
    err = make_folder(run->abs_data, shown_data, run->in.notes);
    g_free(shown_data);
    if (!err)
        err = one_or_per_region(run, "status", "status.gp", DATA_STATUS, owners_with_actions,
                                STATUS_MAX_BARS, tr("geen acties", "no actions"));
    if (!err)
        err = one_chart(run, "verloop", NULL, "verloop.gp", DATA_TREND, NULL,
                        tr("geen acties", "no actions"));
    if (!err)
        err = one_or_per_region(run, "tijdlijn", "tijdlijn.gp", DATA_TIMELINE,
                                chartdata_timeline_plans, TIMELINE_MAX_PLANS,
                                tr("geen plannen met een bekende looptijd",
                                   "no plans with a known term"));
    if (!err)
        err = chart_deadlines(run);
    if (!err)
        err = chart_figures(run);
    if (!err)
        err = one_or_per_region(run, "begroting", "begroting.gp", DATA_BUDGET,
                                chartdata_budget_owners, BUDGET_MAX_OWNERS,
                                tr("geen begroting (begroting.csv)", "no budget (begroting.csv)"));
    return err;
}

rr_error charts_start(const rr_model *model, const rr_analysis *analysis, const char *dir,
                      rr_chart_format format, int timeout_seconds, diag_list *notes,
                      charts_drawing **drawing)
{
    *drawing = NULL;
    if (!vocab_chart_format_extension(format)) /* CHARTS_NONE */
        return RR_OK;
    gint64 start = g_get_monotonic_time();
    charts_run *run = g_new0(charts_run, 1);
    run->in = (chartdata_input){model, analysis, notes};
    run->dir = g_strdup(dir);
    run->ext = vocab_chart_format_extension(format);
    run->terminal = vocab_chart_format_terminal(format);
    run->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    run->jobs = g_array_new(FALSE, FALSE, sizeof(charts_job));
    g_array_set_clear_func(run->jobs, chart_job_clear);
    run->not_drawn = g_ptr_array_new_with_free_func(g_free);
    int y, m, d;
    date_to_ymd(analysis->as_of, &y, &m, &d);
    run->created = stamp_document_time(y, m, d);
    if (!find_tools(run)) {
        charts_free(run);
        return RR_OK;
    }
    size_t first_note = notes->count;
    rr_error err = write_chart_data(run);
    run->timeout_seconds = timeout_seconds > 0 ? timeout_seconds
                                               : CHARTS_TIMEOUT_BASE +
                                                     CHARTS_TIMEOUT_PER_CHART * (int)run->jobs->len;
    run->deadline = start + (gint64)run->timeout_seconds * G_USEC_PER_SEC;
    guint n = err ? 0 : batch_processes(run);
    if (n > 0)
        err = start_batches(run, n);
    show_final_paths(run, first_note);
    if (err) {
        charts_free(run);
        return err;
    }
    *drawing = run;
    return RR_OK;
}

rr_error charts_finish(charts_drawing *run, GPtrArray *written)
{
    bool batched = run->batches > 0;
    bool in_time = collect_batches(run);
    run->written = written;
    rr_error err = check_and_redraw(run, batched, in_time);
    run->written = NULL;
    return err;
}

atomic_out *charts_folder(charts_drawing *drawing)
{
    return &drawing->folder;
}

void charts_free(charts_drawing *run)
{
    if (!run)
        return;
    run->deadline = g_get_monotonic_time(); /* whatever still draws is stopped now */
    collect_batches(run);
    atomic_discard(&run->folder);
    g_free(run->dir);
    g_free(run->gnuplot);
    g_free(run->scripts);
    g_free(run->abs_dir);
    g_free(run->abs_data);
    g_hash_table_destroy(run->names);
    g_array_free(run->jobs, TRUE);
    g_ptr_array_free(run->not_drawn, TRUE);
    g_free(run);
}

rr_error charts_write_all(const rr_model *model, const rr_analysis *analysis, const char *dir,
                          rr_chart_format format, diag_list *notes, GPtrArray *written)
{
    charts_drawing *drawing = NULL;
    rr_error err = charts_start(model, analysis, dir, format, 0, notes, &drawing);
    if (err || !drawing)
        return err;
    guint before = written->len;
    atomic_out *folder = charts_folder(drawing);
    err = charts_finish(drawing, written);
    if (!err)
        err = atomic_commit(&folder, 1, notes);
    if (err)
        g_ptr_array_remove_range(written, before, written->len - before);
    charts_free(drawing);
    return err;
}

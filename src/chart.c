/* chart.c - drawing the report's charts: folders, gnuplot, checking what it made. */
#include "chart.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "chartdata.h"
#include "chartfile.h"
#include "i18n.h"

extern char **environ;

/* gnuplot on a fixed script does not hang, but a chart must never stop the report. */
#define GNUPLOT_TIMEOUT_SECONDS 120
/* How much of gnuplot's output is kept, and how much of its last line a note quotes. */
#define GNUPLOT_OUTPUT_KEPT 8192
#define GNUPLOT_MESSAGE_MAX 300

static const char *const SCRIPTS[] = {"status.gp", "tijdlijn.gp", "acties.gp", "cijfers.gp",
                                      "begroting.gp"};

/* Everything one run of chart_write_all() works with. */
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
} chart_run;

/* The paths of one chart. */
typedef struct {
    char *shown;   /* dir/NAME.ext: in notes and `written` */
    char *output;  /* abs_dir/NAME.ext: for gnuplot */
    char *prefix;  /* abs_data/NAME: the data files' common start */
} chart_paths;

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

/* The scripts folder (see chart.h for the order), absolute; NULL when none has them.
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

/* ---- running gnuplot -------------------------------------------------------------- */

/* Reads the child's output until it closes or the deadline passes; keeps the end of
 * it. Returns false on timeout. */
static bool collect_output(int fd, GString *out, gint64 deadline)
{
    for (;;) {
        gint64 left_ms = (deadline - g_get_monotonic_time()) / 1000;
        if (left_ms <= 0)
            return false;
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int ready = poll(&pfd, 1, (int)MIN(left_ms, 1000));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return true;
        if (ready == 0)
            continue;
        char buf[4096];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return true;
        /* Keep the end: gnuplot's error comes last, after any warnings. */
        g_string_append_len(out, buf, n);
        if (out->len > 2 * GNUPLOT_OUTPUT_KEPT)
            g_string_erase(out, 0, (gssize)(out->len - GNUPLOT_OUTPUT_KEPT));
    }
}

/* Waits for the child, retrying on signals; its wait status or -1. */
static int wait_child(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return status;
}

/* How gnuplot ended, in words for a note (g_free). */
static char *describe_status(int status)
{
    if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return g_strdup(tr("gnuplot kon niet starten", "gnuplot could not start"));
    if (status >= 0 && WIFEXITED(status))
        return g_strdup_printf(tr("afgesloten met status %d", "exit status %d"),
                               WEXITSTATUS(status));
    if (status >= 0 && WIFSIGNALED(status))
        return g_strdup_printf(tr("gestopt door signaal %d", "killed by signal %d"),
                               WTERMSIG(status));
    return g_strdup(tr("niet gestart", "not started"));
}

/*
 * Runs `gnuplot -c SCRIPT TERMINAL OUTPUT PREFIX` with fork and execve: no shell, and
 * every argument a path or word this program built. Standard input is /dev/null;
 * standard output and error are collected into `messages`. Returns the wait status,
 * or -1 when gnuplot could not be started or waited for.
 */
static int run_gnuplot(const chart_run *run, const char *script, const chart_paths *p,
                       GString *messages)
{
    char *script_path = g_build_filename(run->scripts, script, NULL);
    char *argv[] = {run->gnuplot, (char *)"-c", script_path, (char *)run->terminal,
                    p->output, p->prefix, NULL};
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int pipe_fd[2] = {-1, -1};
    int status = -1;
    if (null_fd < 0 || pipe(pipe_fd) != 0) {
        g_string_append(messages, g_strerror(errno));
        goto out;
    }
    fcntl(pipe_fd[0], F_SETFD, FD_CLOEXEC);
    fcntl(pipe_fd[1], F_SETFD, FD_CLOEXEC);
    pid_t pid = fork();
    if (pid < 0) {
        g_string_append_printf(messages, "fork: %s", g_strerror(errno));
        goto out;
    }
    if (pid == 0) {
        /* Only async-signal-safe calls between fork and execve. */
        if (dup2(null_fd, STDIN_FILENO) < 0 || dup2(pipe_fd[1], STDOUT_FILENO) < 0 ||
            dup2(pipe_fd[1], STDERR_FILENO) < 0)
            _exit(127);
        execve(argv[0], argv, environ);
        _exit(127);
    }
    close(pipe_fd[1]);
    pipe_fd[1] = -1;
    gint64 deadline = g_get_monotonic_time() + (gint64)GNUPLOT_TIMEOUT_SECONDS * G_USEC_PER_SEC;
    if (!collect_output(pipe_fd[0], messages, deadline)) {
        kill(pid, SIGKILL);
        g_string_append_printf(messages, tr("\ngnuplot gestopt na %d seconden",
                                            "\ngnuplot stopped after %d seconds"),
                               GNUPLOT_TIMEOUT_SECONDS);
    }
    status = wait_child(pid);
out:
    if (null_fd >= 0)
        close(null_fd);
    for (int i = 0; i < 2; i++)
        if (pipe_fd[i] >= 0)
            close(pipe_fd[i]);
    g_free(script_path);
    return status;
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
    char *line = chart_label(last, GNUPLOT_MESSAGE_MAX);
    g_strfreev(lines);
    g_free(text);
    return line;
}

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

/* Draws one chart from its data files and checks the result: gnuplot's exit status
 * and a complete file. A failed chart is removed and becomes a note that says why. */
static void render(chart_run *run, const char *script, const chart_paths *p)
{
    GString *messages = g_string_new(NULL);
    int status = run_gnuplot(run, script, p, messages);
    bool ok = status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    GStatBuf st;
    bool made = g_stat(p->output, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
                chart_is_complete(p->output, run->ext);
    if (ok && made) {
        g_ptr_array_add(run->written, g_strdup(p->shown));
    } else {
        g_unlink(p->output);
        char *how = ok ? g_strdup(tr("leeg of onvolledig bestand; is de schijf vol?",
                                     "empty or incomplete file; is the disk full?"))
                       : describe_status(status);
        char *line = last_message_line(messages);
        diag_add(run->in.notes, DIAG_WARNING, p->shown, 0, 0,
                 tr("grafiek niet gemaakt: gnuplot faalde (%s)%s%s",
                    "chart not made: gnuplot failed (%s)%s%s"),
                 how, *line ? ": " : "", line);
        g_free(line);
        g_free(how);
    }
    g_string_free(messages, TRUE);
}

/* Renders a chart whose data is written, or notes that it had none. */
static void finish(chart_run *run, const char *script, const chart_paths *p, size_t rows,
                   const char *why_empty)
{
    if (rows > 0)
        render(run, script, p);
    else
        diag_add(run->in.notes, DIAG_WARNING, p->shown, 0, 0,
                 tr("grafiek overgeslagen: %s", "chart skipped: %s"), why_empty);
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
        finish(run, "status.gp", &p, rows, tr("geen acties", "no actions"));
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
        finish(run, "tijdlijn.gp", &p, rows,
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
            finish(run, "acties.gp", &p, rows,
                   tr("geen actie met een deadline", "no action has a deadline"));
        chart_paths_release(&p);
        g_free(name);
        g_free(slug);
    }
    return err;
}

/* Whether any figure belongs to the indicator. */
static bool has_figures(const rr_model *model, const rr_indicator *indicator)
{
    for (guint i = 0; i < model->figures->len; i++)
        if (((const rr_figure *)g_ptr_array_index(model->figures, i))->indicator == indicator)
            return true;
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
        if (!has_figures(model, indicator))
            continue;
        char *code = safe_name(indicator->code);
        char *name = g_strdup_printf("cijfers-%s", code);
        chart_paths p;
        size_t rows = 0;
        chart_paths_init(&p, run, name);
        err = chartdata_figures(&run->in, indicator, p.prefix, &rows);
        if (!err)
            finish(run, "cijfers.gp", &p, rows, tr("geen cijfers", "no figures"));
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
        finish(run, "begroting.gp", &p, rows,
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

rr_error chart_write_all(const rr_model *model, const rr_analysis *analysis, const char *dir,
                         chart_format format, diag_list *notes, GPtrArray *written)
{
    static const char *const exts[] = {[CHARTS_PNG] = "png", [CHARTS_SVG] = "svg",
                                       [CHARTS_PDF] = "pdf"};
    static const char *const terminals[] = {
        [CHARTS_PNG] = "pngcairo", [CHARTS_SVG] = "svg", [CHARTS_PDF] = "pdfcairo"};
    if ((unsigned)format > CHARTS_PDF)
        return RR_OK;
    chart_run run = {
        .in = {model, analysis, notes},
        .dir = dir,
        .ext = exts[format],
        .terminal = terminals[format],
        .written = written,
        .names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
    };
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
    }
    g_free(run.gnuplot);
    g_free(run.scripts);
    g_free(run.abs_dir);
    g_free(run.abs_data);
    g_hash_table_destroy(run.names);
    return err;
}

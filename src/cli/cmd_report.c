/* cmd_report.c - `regiorapport report`: the workbook and the charts. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "chart/charts.h"
#include "cli/commands.h"
#include "base/i18n.h"
#include "base/progress.h"
#include "cli/progressline.h"
#include "cli/harness.h"
#include "cli/say.h"
#include "base/version.h"
#include "xlsx/workbook.h"

/* "regiorapport[-region...]-<as-of>" for the workbook, "charts[-region...]-<as-of>". */
static char *output_name(const char *prefix, const rr_options *opts)
{
    char day[16];
    date_format_iso(opts->as_of, day, sizeof day);
    GString *name = g_string_new(prefix);
    for (int i = 0; i < opts->region_count; i++)
        g_string_append_printf(name, "-%s", opts->regions[i]);
    g_string_append_printf(name, "-%s", day);
    return g_string_free(name, FALSE);
}

/* What one report writes: the workbook and the chart folder, put in place together. */
typedef struct {
    char *workbook;           /* its destination */
    atomic_out book;          /* the workbook's temporary file */
    charts_drawing *charts;   /* NULL with --charts none (or no gnuplot) */
    diag_list book_notes;     /* remarks on the workbook, also on its Controle sheet */
    diag_list notes;          /* chart remarks and every error of writing */
    size_t skipped;           /* the first notes: charts skipped for want of data (on
                               * Controle); any note after them is a failure */
    GPtrArray *written;       /* chart paths */
} report_outputs;

/* Starts the charts (gnuplot draws while the workbook is written), writes the
 * workbook, waits for the charts and then puts both in place, or neither. */
static rr_error write_both(report_outputs *o, const harness_run *run, const rr_analysis *an)
{
    const rr_options *opts = &run->opts;
    rr_error err = RR_OK;
    if (opts->charts != CHARTS_NONE) {
        char *name = output_name("charts", opts);
        char *dir = g_build_filename(opts->out_dir, name, NULL);
        err = charts_start(run->model, an, dir, opts->charts, opts->chart_timeout, &o->notes,
                           &o->charts);
        /* With a drawing, what charts_start said is a chart skipped for want of data;
         * without one, gnuplot or its scripts are missing: a failure. */
        if (!err && o->charts)
            o->skipped = o->notes.count;
        g_free(dir);
        g_free(name);
    }
    char *generator = g_strconcat("regiorapport ", version_text(), NULL);
    wb_input in = {run->model, an, &run->diags, &o->notes, opts->data_dir, generator};
    progress_step(tr("werkmap schrijven", "writing the workbook"), 0, 0);
    if (!err)
        err = wb_write(o->workbook, &in, &o->book_notes, &o->book);
    g_free(generator);
    if (!err && o->charts)
        err = charts_finish(o->charts, o->written);
    atomic_out *outs[] = {&o->book, o->charts ? charts_folder(o->charts) : NULL};
    if (!err)
        err = atomic_commit(outs, o->charts ? 2 : 1, &o->notes);
    return err;
}

/* What the coordinator must act on before the meeting, first on the terminal. Forms
 * that could not be read or were left out belong at the top of this list: add them
 * here, before the owners. Then every owner with actions that sent nothing since its
 * region's previous meeting, with its last report and how long ago. */
static void print_to_do(const rr_analysis *an)
{
    bool any = false;
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *s = &an->owners[i];
        if (!s->silent)
            continue;
        if (!any)
            say_warning("%s", tr("te doen vóór het overleg: vraag een update op bij",
                                 "to do before the meeting: ask for an update from"));
        any = true;
        char *since = calendar_meeting_date_text(s->since, s->since_estimated);
        char *age = calendar_age_text(s->last_update, an->as_of);
        if (s->last_update != RR_DATE_NONE)
            say_hint(tr("  %s: niets sinds %s; laatste melding %s, %s%s%s",
                        "  %s: nothing since %s; last report %s, %s%s%s"),
                     s->owner->name, since, date_text_nl(s->last_update).text, age,
                     *s->owner->contact ? tr("; contact: ", "; contact: ") : "",
                     s->owner->contact);
        else
            say_hint(tr("  %s: niets sinds %s; nog nooit een melding%s%s",
                        "  %s: nothing since %s; never reported%s%s"),
                     s->owner->name, since,
                     *s->owner->contact ? tr("; contact: ", "; contact: ") : "",
                     s->owner->contact);
        g_free(age);
        g_free(since);
    }
}

/* After the paths: the notes in one line that counts what Controle lists (the data's
 * warnings, charts skipped, remarks on the workbook), unless a chart failed (gnuplot
 * missing, failing or out of time) or writing went wrong: then every note in full.
 * With `quiet` only errors. */
static void print_notes(const report_outputs *o, const harness_run *run, bool quiet)
{
    bool failed = o->notes.count > o->skipped;
    if (quiet) { /* errors only: a chart that failed is a warning */
        for (size_t i = 0; i < o->notes.count; i++)
            if (o->notes.items[i].severity == DIAG_ERROR)
                diag_print(&o->notes.items[i], stderr);
        return;
    }
    say_diagnostics(&o->book_notes);
    if (failed) {
        say_diagnostics(&o->notes);
        return;
    }
    size_t total = run->diags.warnings + o->skipped + o->book_notes.count;
    if (total == 0)
        return;
    GString *parts = g_string_new(NULL);
    if (run->diags.warnings > 0)
        g_string_append_printf(parts, tr("%zu over de gegevens", "%zu on the data"),
                               run->diags.warnings);
    if (o->skipped > 0) {
        char *charts = i18n_count((long)o->skipped, "grafiek overgeslagen",
                                  "grafieken overgeslagen", "chart skipped", "charts skipped");
        g_string_append_printf(parts, "%s%s", parts->len ? ", " : "", charts);
        g_free(charts);
    }
    char *count = i18n_count((long)total, "waarschuwing", "waarschuwingen", "warning",
                             "warnings");
    if (total == run->diags.warnings) /* only the data's: nothing to break down */
        say_warning(tr("%s; zie het tabblad %s", "%s; see the %s sheet"), count,
                    vocab_sheet_name(SHEET_CHECKS));
    else
        say_warning(tr("%s (%s); zie het tabblad %s", "%s (%s); see the %s sheet"), count,
                    parts->str, vocab_sheet_name(SHEET_CHECKS));
    g_free(count);
    g_string_free(parts, TRUE);
}

/* Writes the workbook and the charts for loaded, error-free data; prints what was
 * said about them, then their paths. */
static rr_error write_outputs(const harness_run *run)
{
    const rr_options *opts = &run->opts;
    if (g_mkdir_with_parents(opts->out_dir, 0755) != 0) {
        say_error(tr("kan map '%s' niet maken: %s", "cannot create folder '%s': %s"),
                  opts->out_dir, i18n_strerror(errno));
        return RR_ERR_WRITE;
    }
    report_outputs o = {.written = g_ptr_array_new_with_free_func(g_free)};
    char *name = output_name("regiorapport", opts);
    char *file = g_strconcat(name, ".xlsx", NULL);
    o.workbook = g_build_filename(opts->out_dir, file, NULL);
    diag_list_init(&o.book_notes);
    diag_list_init(&o.notes);
    rr_analysis *an = analysis_new(run->model, opts->as_of, opts->since);
    rr_error err = write_both(&o, run, an);
    progressline_clear();
    if (err == RR_OK) {
        if (!opts->quiet) {
            print_to_do(an);
            fflush(stderr);
            printf("%s\n", o.workbook);
            for (guint i = 0; i < o.written->len; i++)
                printf("%s\n", (const char *)g_ptr_array_index(o.written, i));
            fflush(stdout);
        }
        print_notes(&o, run, opts->quiet);
    } else {
        say_diagnostics(&o.book_notes);
        say_diagnostics(&o.notes);
        say_note(tr("er is niets geschreven; het vorige rapport en zijn grafieken blijven "
                    "staan",
                    "nothing was written; the previous report and its charts stay as they "
                    "were"));
    }
    atomic_discard(&o.book);
    charts_free(o.charts);
    analysis_free(an);
    g_ptr_array_free(o.written, TRUE);
    diag_list_release(&o.book_notes);
    diag_list_release(&o.notes);
    g_free(o.workbook);
    g_free(file);
    g_free(name);
    return err;
}

int cmd_report(harness_run *run)
{
    rr_error err = run->load_error;
    if (!harness_data_usable(run)) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        say_note(tr("de gegevens hebben fouten; er is niets geschreven",
                    "the data has errors; nothing was written"));
    } else {
        harness_print_forms(run->model);
        diag_list_sort(&run->diags);
        return harness_exit_status(run, write_outputs(run));
    }
    return rr_exit_status(err);
}

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
        g_free(dir);
        g_free(name);
    }
    char *generator = g_strconcat("regiorapport ", version_text(), NULL);
    wb_input in = {run->model, an, &run->diags, &o->notes, opts->data_dir, generator, opts->now};
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
    say_diagnostics(&o.book_notes);
    say_diagnostics(&o.notes);
    if (err == RR_OK) {
        printf("%s\n", o.workbook);
        for (guint i = 0; i < o.written->len; i++)
            printf("%s\n", (const char *)g_ptr_array_index(o.written, i));
    } else {
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
    if (err != RR_OK) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        say_note(tr("de gegevens hebben fouten; er is niets geschreven",
                    "the data has errors; nothing was written"));
    } else {
        if (run->diags.warnings > 0)
            say_warning(run->diags.warnings == 1
                            ? tr("%zu waarschuwing; zie het tabblad %s",
                                 "%zu warning; see the %s sheet")
                            : tr("%zu waarschuwingen; zie het tabblad %s",
                                 "%zu warnings; see the %s sheet"),
                        run->diags.warnings, vocab_sheet_name(SHEET_CHECKS));
        diag_list_sort(&run->diags);
        err = write_outputs(run);
    }
    return rr_exit_status(err);
}

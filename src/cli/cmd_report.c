/* cmd_report.c - `regiorapport report`: the workbook and the charts. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "analyse/analyse.h"
#include "chart/charts.h"
#include "cli/commands.h"
#include "base/i18n.h"
#include "cli/harness.h"
#include "base/version.h"
#include "xlsx/workbook.h"

/* Prints the command's help to stdout. */
static void print_help(void)
{
    fputs(tr("Gebruik: regiorapport report [--data MAP] [--out MAP] [--as-of DATUM]\n"
             "                           [--since DATUM] [--lang nl|en]\n"
             "                           [--charts png|svg|pdf|none] [--region ID]...\n"
             "\n"
             "Schrijft MAP/regiorapport-<datum>.xlsx (standaard in reports/) en de grafieken\n"
             "in MAP/charts-<datum>/. Met --region alleen die regio('s), in een bestand\n"
             "regiorapport-<regio>-<datum>.xlsx.\n"
             "\n"
             "  --as-of DATUM   stand op deze datum (standaard: vandaag)\n"
             "  --since DATUM   wijzigingen sinds deze datum (standaard: het vorige overleg\n"
             "                  in overleggen.csv, anders 42 dagen vóór --as-of)\n"
             "\n"
             "Afsluitcode: 0 gelukt, 1 fouten in de gegevens (er is niets geschreven),\n"
             "2 verkeerd gebruik, 3 kon niet schrijven (het vorige rapport blijft staan).\n",
             "Usage: regiorapport report [--data DIR] [--out DIR] [--as-of DATE]\n"
             "                           [--since DATE] [--lang nl|en]\n"
             "                           [--charts png|svg|pdf|none] [--region ID]...\n"
             "\n"
             "Writes DIR/regiorapport-<date>.xlsx (by default in reports/) and the charts in\n"
             "DIR/charts-<date>/. With --region only that region (or those), in a file\n"
             "regiorapport-<region>-<date>.xlsx.\n"
             "\n"
             "  --as-of DATE    status on this date (default: today)\n"
             "  --since DATE    changes since this date (default: the previous meeting in\n"
             "                  overleggen.csv, else 42 days before --as-of)\n"
             "\n"
             "Exit status: 0 done, 1 errors in the data (nothing written), 2 usage error,\n"
             "3 could not write (the previous report stays).\n"),
          stdout);
}

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

/* Writes the charts into out_dir; prints what was written and any remarks. */
static rr_error write_charts(const rr_model *model, const rr_analysis *an, const rr_options *opts)
{
    char *name = output_name("charts", opts);
    char *dir = g_build_filename(opts->out_dir, name, NULL);
    diag_list notes;
    diag_list_init(&notes);
    GPtrArray *written = g_ptr_array_new_with_free_func(g_free);
    rr_error err = charts_write_all(model, an, dir, opts->charts, &notes, written);
    diag_list_print(&notes, stderr);
    for (guint i = 0; i < written->len; i++)
        printf("%s\n", (const char *)g_ptr_array_index(written, i));
    g_ptr_array_free(written, TRUE);
    diag_list_release(&notes);
    g_free(dir);
    g_free(name);
    return err;
}

/* Writes the workbook; prints its path. */
static rr_error write_workbook(const rr_model *model, const rr_analysis *an,
                               const diag_list *diags, const rr_options *opts)
{
    char *name = output_name("regiorapport", opts);
    char *file = g_strconcat(name, ".xlsx", NULL);
    char *path = g_build_filename(opts->out_dir, file, NULL);
    diag_list notes;
    diag_list_init(&notes);
    wb_input in = {model, an, diags, opts->data_dir, "regiorapport " RR_VERSION};
    rr_error err = wb_write(path, &in, &notes);
    diag_list_print(&notes, stderr);
    if (err == RR_OK)
        printf("%s\n", path);
    diag_list_release(&notes);
    g_free(path);
    g_free(file);
    g_free(name);
    return err;
}

/* Writes the workbook and then the charts for loaded, error-free data. */
static rr_error write_outputs(const harness_run *run)
{
    const rr_options *opts = &run->opts;
    if (g_mkdir_with_parents(opts->out_dir, 0755) != 0) {
        fprintf(stderr, tr("regiorapport: kan map '%s' niet maken: %s\n",
                           "regiorapport: cannot create folder '%s': %s\n"),
                opts->out_dir, g_strerror(errno));
        return RR_ERR_WRITE;
    }
    rr_analysis *an = analysis_new(run->model, opts->as_of, opts->since);
    rr_error err = write_workbook(run->model, an, &run->diags, opts);
    if (err == RR_OK && opts->charts != CHARTS_NONE)
        err = write_charts(run->model, an, opts);
    analysis_free(an);
    return err;
}

int cmd_report(int argc, char **argv)
{
    harness_run run;
    int status;
    if (!harness_start(&run, argc, argv,
                       OPT_DATA | OPT_OUT | OPT_AS_OF | OPT_SINCE | OPT_CHARTS | OPT_REGION, 0,
                       print_help, &status))
        return status;
    rr_error err = run.load_error;
    if (err != RR_OK) {
        harness_print_diagnostics(&run.diags, run.model, stderr);
        fputs(tr("regiorapport: de gegevens hebben fouten; er is niets geschreven\n",
                 "regiorapport: the data has errors; nothing was written\n"),
              stderr);
    } else {
        if (run.diags.warnings > 0)
            fprintf(stderr, tr("regiorapport: %zu waarschuwingen; zie het tabblad %s\n",
                               "regiorapport: %zu warnings; see the %s sheet\n"),
                    run.diags.warnings, vocab_sheet_name(SHEET_CHECKS));
        diag_list_sort(&run.diags);
        err = write_outputs(&run);
    }
    harness_finish(&run);
    return rr_exit_status(err);
}

/* harness.c - load and check, shared by the commands. */
#include "cli/harness.h"

#include <glib.h>

#include "base/i18n.h"
#include "check/rules.h"
#include "base/progress.h"
#include "cli/commands.h"
#include "cli/progressline.h"
#include "cli/say.h"
#include "load/load.h"

rr_error harness_load(rr_options *opts, rr_model **model, diag_list *diags)
{
    *model = model_new();
    rr_error err = load_tree_regions(opts->data_dir, opts->regions, opts->region_count, *model,
                                     diags);
    if (err != RR_OK)
        return err;
    /* opts->since stays RR_DATE_NONE when not given: each region then counts from
     * its own previous meeting (load/calendar.h, calendar_owner_since). */
    progress_step(tr("controleren", "checking"), 0, 0);
    rules_check(*model, opts->as_of, opts->since, opts->today, diags);
    return diags->errors > 0 ? RR_ERR_DATA : RR_OK;
}

void harness_print_diagnostics(diag_list *diags, const rr_model *model, FILE *out)
{
    diag_list_sort(diags);
    diag_list_print(diags, out);
    if (diags->dropped > 0)
        fprintf(out, tr("… en nog %zu meldingen (niet getoond)\n",
                        "… and %zu more messages (not shown)\n"),
                diags->dropped);
    unsigned files = model ? model->sources->len : 0;
    fprintf(out, "%zu %s, %zu %s in %u %s\n", diags->errors,
            diags->errors == 1 ? tr("fout", "error") : tr("fouten", "errors"), diags->warnings,
            diags->warnings == 1 ? tr("waarschuwing", "warning")
                                 : tr("waarschuwingen", "warnings"),
            files, files == 1 ? tr("bestand", "file") : tr("bestanden", "files"));
}

/* Without --data the data is ./regions: outside a project folder say how to point
 * at the data, instead of "cannot read the folder regions". */
static bool data_folder_found(const rr_options *opts)
{
    if (opts->data_given || g_file_test(opts->data_dir, G_FILE_TEST_EXISTS))
        return true;
    char *cwd = g_get_current_dir();
    say_error(tr("geen map '%s' hier (%s); geef de map met de gegevens aan met --data MAP",
                 "no folder '%s' here (%s); name the folder with the data with --data DIR"),
              opts->data_dir, cwd);
    g_free(cwd);
    return false;
}

int harness_run_command(const struct cli_command *command, const rr_options *opts)
{
    say_command(command->name);
    if (command->loads && !data_folder_found(opts))
        return rr_exit_status(RR_ERR_USAGE);
    harness_run run = {.opts = *opts, .command = command, .load_error = RR_OK};
    diag_list_init(&run.diags);
    progressline_start(opts->quiet);
    if (command->loads)
        run.load_error = harness_load(&run.opts, &run.model, &run.diags);
    progressline_clear();
    int status = command->run(&run);
    progressline_stop();
    diag_list_release(&run.diags);
    model_free(run.model);
    return status;
}

void harness_hint_warnings(const diag_list *diags)
{
    if (diags->warnings == 0)
        return;
    say_warning(diags->warnings == 1
                    ? tr("%zu waarschuwing in de gegevens; zie 'regiorapport validate'",
                         "%zu warning in the data; see 'regiorapport validate'")
                    : tr("%zu waarschuwingen in de gegevens; zie 'regiorapport validate'",
                         "%zu warnings in the data; see 'regiorapport validate'"),
                diags->warnings);
}

/* harness.c - load and check, shared by the commands. */
#include "cli/harness.h"

#include <glib.h>

#include "base/i18n.h"
#include "check/rules.h"
#include "base/progress.h"
#include "cli/commands.h"
#include "cli/formsview.h"
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
    if (opts->strict) /* all or nothing: a form's problems move to the data's */
        for (guint i = 0; i < (*model)->forms->len; i++) {
            rr_form *f = g_ptr_array_index((*model)->forms, i);
            if (f->outcome == FORM_READ)
                continue;
            diag_list_append(diags, &f->problems);
            diag_list_release(&f->problems); /* said once, in the list */
        }
    if (diags->errors > 0)
        return RR_ERR_DATA;
    return !opts->strict && model_forms_not_used(*model) > 0 ? RR_ERR_FORMS : RR_OK;
}

bool harness_data_usable(const harness_run *run)
{
    return run->load_error == RR_OK || run->load_error == RR_ERR_FORMS;
}

int harness_exit_status(const harness_run *run, rr_error err)
{
    return rr_exit_status(err == RR_OK ? run->load_error : err);
}

void harness_print_diagnostics(diag_list *diags, const rr_model *model, FILE *out)
{
    formsview_print_unused(out, model); /* first: what the coordinator must act on */
    diag_list_sort(diags);
    diag_list_print(diags, out);
    if (diags->dropped > 0)
        fprintf(out, tr("… en nog %zu meldingen (niet getoond)\n",
                        "… and %zu more messages (not shown)\n"),
                diags->dropped);
    formsview_print_read(out, model);
    unsigned files = model ? model->sources->len : 0;
    fprintf(out, "%zu %s, %zu %s in %u %s", diags->errors,
            diags->errors == 1 ? tr("fout", "error") : tr("fouten", "errors"), diags->warnings,
            diags->warnings == 1 ? tr("waarschuwing", "warning")
                                 : tr("waarschuwingen", "warnings"),
            files, files == 1 ? tr("bestand", "file") : tr("bestanden", "files"));
    size_t unused = model_forms_not_used(model);
    if (unused > 0)
        fprintf(out, unused == 1 ? tr("; %zu teruggestuurd formulier telt niet mee (zie boven)",
                                      "; %zu returned form does not count (see above)")
                                 : tr("; %zu teruggestuurde formulieren tellen niet mee (zie "
                                      "boven)",
                                      "; %zu returned forms do not count (see above)"),
                unused);
    fputc('\n', out);
}

void harness_print_forms(const rr_model *model)
{
    formsview_say(model);
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

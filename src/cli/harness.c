/* harness.c - load and check, shared by the commands. */
#include "cli/harness.h"

#include "analyse/analyse.h"
#include "check/rules.h"
#include "base/i18n.h"
#include "load/load.h"

rr_error harness_load(rr_options *opts, rr_model **model, diag_list *diags)
{
    *model = model_new();
    rr_error err = load_tree_regions(opts->data_dir, opts->regions, opts->region_count, *model,
                                     diags);
    if (err != RR_OK)
        return err;
    /* opts->since stays RR_DATE_NONE when not given: each region then counts from
     * its own previous meeting (analyse.h, analyse_owner_since). */
    rules_check(*model, opts->as_of, opts->since, diags);
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
    fprintf(out, tr("%zu fouten, %zu waarschuwingen in %u bestanden\n",
                    "%zu errors, %zu warnings in %u files\n"),
            diags->errors, diags->warnings, model ? model->sources->len : 0);
}

bool harness_start(harness_run *run, int argc, char **argv, unsigned allowed, int positional,
                   void (*help)(void), int *status)
{
    run->model = NULL;
    diag_list_init(&run->diags);
    rr_error err = options_parse(&run->opts, argc, argv, allowed, positional);
    if (err != RR_OK || run->opts.help) {
        if (err == RR_OK)
            help();
        *status = rr_exit_status(err);
        return false;
    }
    run->load_error = harness_load(&run->opts, &run->model, &run->diags);
    return true;
}

void harness_finish(harness_run *run)
{
    diag_list_release(&run->diags);
    model_free(run->model);
    run->model = NULL;
}

void harness_hint_warnings(const diag_list *diags, const char *command)
{
    if (diags->warnings == 0)
        return;
    fprintf(stderr,
            tr("regiorapport %s: %zu waarschuwingen in de gegevens; zie 'regiorapport "
               "validate'\n",
               "regiorapport %s: %zu warnings in the data; see 'regiorapport validate'\n"),
            command, diags->warnings);
}

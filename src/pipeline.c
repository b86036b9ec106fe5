/* pipeline.c - load and check, shared by the commands. */
#include "pipeline.h"

#include "analyse.h"
#include "rules.h"
#include "i18n.h"
#include "load.h"

rr_error pipeline_load(rr_options *opts, rr_model **model, diag_list *diags)
{
    *model = model_new();
    rr_error err = load_tree(opts->data_dir, *model, diags);
    if (err != RR_OK)
        return err;
    if (opts->since == RR_DATE_NONE)
        opts->since = default_since(*model, opts->as_of);
    rules_check(*model, opts->as_of, opts->since, diags);
    return diags->errors > 0 ? RR_ERR_DATA : RR_OK;
}

void pipeline_print_diagnostics(diag_list *diags, const rr_model *model, FILE *out)
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

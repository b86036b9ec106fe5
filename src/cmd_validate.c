/* cmd_validate.c - `regiorapport validate`: every error and warning, then a count. */
#include <stdio.h>

#include "commands.h"
#include "i18n.h"
#include "pipeline.h"

/* Prints the command's help to stdout. */
static void print_help(void)
{
    fputs(tr("Gebruik: regiorapport validate [--data MAP] [--as-of DATUM] [--lang nl|en]\n"
             "\n"
             "Leest alle bestanden in MAP (standaard: regions) en meldt elke fout en\n"
             "waarschuwing als 'bestand:regel:kolom: error|warning: melding'.\n"
             "\n"
             "Afsluitcode: 0 geen fouten (waarschuwingen mogen), 1 fouten in de gegevens,\n"
             "2 verkeerd gebruik.\n",
             "Usage: regiorapport validate [--data DIR] [--as-of DATE] [--lang nl|en]\n"
             "\n"
             "Reads every file in DIR (default: regions) and reports every error and\n"
             "warning as 'file:line:column: error|warning: message'.\n"
             "\n"
             "Exit status: 0 no errors (warnings allowed), 1 errors in the data,\n"
             "2 usage error.\n"),
          stdout);
}

int cmd_validate(int argc, char **argv)
{
    rr_options opts;
    rr_error err = options_parse(&opts, argc, argv, OPT_DATA | OPT_AS_OF | OPT_SINCE, 0);
    if (err != RR_OK)
        return rr_exit_status(err);
    if (opts.help) {
        print_help();
        return 0;
    }
    rr_model *model = NULL;
    diag_list diags;
    diag_list_init(&diags);
    err = pipeline_load(&opts, &model, &diags);
    pipeline_print_diagnostics(&diags, model, stdout);
    diag_list_release(&diags);
    model_free(model);
    return rr_exit_status(err);
}

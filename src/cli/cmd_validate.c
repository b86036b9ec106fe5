/* cmd_validate.c - `regiorapport validate`: every error and warning, then a count. */
#include <stdio.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "cli/harness.h"

/* Prints the command's help to stdout. */
static void print_help(void)
{
    fputs(tr("Gebruik: regiorapport validate [--data MAP] [--as-of DATUM] [--since DATUM]\n"
             "                             [--lang nl|en]\n"
             "\n"
             "Leest alle bestanden in MAP (standaard: regions) en meldt elke fout en\n"
             "waarschuwing als 'bestand:regel:kolom: error|warning: melding'.\n"
             "\n"
             "Afsluitcode: 0 geen fouten (waarschuwingen mogen), 1 fouten in de gegevens,\n"
             "2 verkeerd gebruik.\n",
             "Usage: regiorapport validate [--data DIR] [--as-of DATE] [--since DATE]\n"
             "                             [--lang nl|en]\n"
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
    harness_run run;
    int status;
    if (!harness_start(&run, argc, argv, OPT_DATA | OPT_AS_OF | OPT_SINCE, 0, print_help,
                       &status))
        return status;
    harness_print_diagnostics(&run.diags, run.model, stdout);
    status = rr_exit_status(run.load_error);
    harness_finish(&run);
    return status;
}

/* cmd_status.c - `regiorapport status`: the meeting summary in the terminal. */
#include <stdio.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "cli/commands.h"
#include "base/i18n.h"
#include "cli/harness.h"
#include "cli/statusview.h"

/* Prints the command's help to stdout. */
static void print_help(void)
{
    fputs(tr("Gebruik: regiorapport status [--data MAP] [--as-of DATUM] [--since DATUM]\n"
             "                           [--lang nl|en]\n"
             "\n"
             "Toont het overzicht voor het regionaal overleg: per regio en gemeente het aantal\n"
             "acties per status, hoeveel te laat zijn, hoeveel vóór het volgende overleg\n"
             "moeten zijn afgerond en of er sinds --since een update kwam; daarna elke rode\n"
             "actie en wie geen update stuurde.\n"
             "\n"
             "  --data MAP     de gegevens (standaard: regions)\n"
             "  --as-of DATUM  de stand op deze datum (standaard: vandaag)\n"
             "  --since DATUM  begin van de periode (standaard: het vorige RAO-overleg in\n"
             "                 overleggen.csv, anders --as-of min 42 dagen)\n"
             "\n"
             "Kleur alleen op een terminal en niet als NO_COLOR is gezet.\n"
             "Afsluitcode: 0 gelukt (waarschuwingen mogen), 1 fouten in de gegevens,\n"
             "2 verkeerd gebruik.\n",
             "Usage: regiorapport status [--data DIR] [--as-of DATE] [--since DATE]\n"
             "                           [--lang nl|en]\n"
             "\n"
             "Prints the summary for the regional meeting: per region and municipality the\n"
             "number of actions per status, how many are overdue, how many fall due before\n"
             "the next meeting and whether an update came since --since; then every red\n"
             "action and who sent no update.\n"
             "\n"
             "  --data DIR     the data (default: regions)\n"
             "  --as-of DATE   the state on this date (default: today)\n"
             "  --since DATE   start of the period (default: the previous RAO meeting in\n"
             "                 overleggen.csv, else --as-of minus 42 days)\n"
             "\n"
             "Colour only on a terminal and not when NO_COLOR is set.\n"
             "Exit status: 0 success (warnings allowed), 1 errors in the data,\n"
             "2 usage error.\n"),
          stdout);
}

int cmd_status(int argc, char **argv)
{
    harness_run run;
    int status;
    if (!harness_start(&run, argc, argv, OPT_DATA | OPT_AS_OF | OPT_SINCE, 0, print_help,
                       &status))
        return status;
    if (run.load_error != RR_OK) {
        harness_print_diagnostics(&run.diags, run.model, stderr);
    } else {
        harness_hint_warnings(&run.diags, "status");
        rr_analysis *an = analysis_new(run.model, run.opts.as_of, run.opts.since);
        statusview_print(stdout, run.model, an, statusview_use_colour(STDOUT_FILENO));
        analysis_free(an);
    }
    status = rr_exit_status(run.load_error);
    harness_finish(&run);
    return status;
}

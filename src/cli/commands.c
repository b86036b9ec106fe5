/* commands.c - the command table (see commands.h). */
#include "cli/commands.h"

#include <string.h>

#include "cli/help.h"
#include "cli/options.h"

/* Exit statuses as the commands that load data share them. */
#define EXIT_READ_NL                                                                      \
    "Afsluitcode: 0 gelukt (waarschuwingen mogen), 1 fouten in de gegevens (ook een\n"   \
    "onbekende regio of gemeente), 2 verkeerd gebruik, 4 een teruggestuurd formulier\n" \
    "is niet gelezen of weggelaten (de rest wel; met --strict is dat 1).\n"
#define EXIT_READ_EN                                                                      \
    "Exit status: 0 success (warnings allowed), 1 errors in the data (also an unknown\n" \
    "region or municipality), 2 usage error, 4 a returned form was not read or left\n"  \
    "out (the rest was; with --strict that is 1).\n"
#define EXIT_WRITE_NL                                                                     \
    "Afsluitcode: 0 gelukt (waarschuwingen mogen), 1 fouten in de gegevens (er is\n"       \
    "niets geschreven; ook een onbekende regio of gemeente), 2 verkeerd gebruik,\n"       \
    "3 kon niet schrijven (wat er al stond, blijft staan), 4 geschreven, maar een\n"     \
    "teruggestuurd formulier is niet gelezen of weggelaten (met --strict: 1),\n"          \
    "5 geschreven, maar de standaarduitvoer faalde.\n"
#define EXIT_WRITE_EN                                                                     \
    "Exit status: 0 success (warnings allowed), 1 errors in the data (nothing\n"          \
    "written; also an unknown region or municipality), 2 usage error, 3 could not\n"      \
    "write (what was there stays), 4 written, but a returned form was not read or\n"     \
    "left out (with --strict: 1), 5 written, but standard output failed.\n"

static const cli_command table[] = {
    {"evaluatie", cmd_evaluatie, OPT_DATA | OPT_OUT | OPT_AS_OF | OPT_PDF | OPT_QUIET | OPT_STRICT,
     true,
     "[REGIO|PLAN...]", "[REGION|PLAN...]",
     "tussenevaluatie per regio: regionaal plan en lokale plannen (xlsx, met --pdf ook pdf)",
     "mid-term evaluation per region: regional and local plans (xlsx, with --pdf also pdf)",
     "Schrijft per regio (of alleen de genoemde regio's, met hun mapnaam) het document\n"
     "voor de tussenevaluatie: <out>/evaluatie-<regio>-<datum>.xlsx. Eerst een\n"
     "samenvatting met het regionale plan en de lokale plannen naast elkaar, dan per\n"
     "plan een tabblad: een alinea in gewone taal, de looptijd en verlengingen, de\n"
     "stand op het midden van de oorspronkelijke looptijd en op --as-of, per actielijn\n"
     "de acties met wat erover gemeld is, het verloop (met grafiek), de begroting per\n"
     "jaar, de cijfers per 1.000 inwoners naast die van de regio, en wat de evaluatie\n"
     "moet bekijken. Een PLAN (<map>/<plan_id>, zoals west-betuwe/lokaal-plan-hgkm-\n"
     "2022-2025) beperkt het document van zijn regio tot de genoemde plannen.\n"
     "Met --pdf ook evaluatie-<regio>-<datum>.pdf, afgedrukt door LibreOffice (pakket\n"
     "libreoffice-calc-nogui); werkmappen en pdf's komen samen op hun plaats, of geen.\n",
     "Writes per region (or only the regions named, by folder name) the document for\n"
     "the mid-term evaluation: <out>/evaluatie-<region>-<date>.xlsx. First a summary\n"
     "with the regional plan and the local plans side by side, then a sheet per plan:\n"
     "a paragraph in plain language, the term and its extensions, the status at the\n"
     "midpoint of the original term and on --as-of, per action line the actions with\n"
     "what was reported, the trend (with a chart), the budget per year, the figures\n"
     "per 1,000 inhabitants beside the region's, and what the evaluation must look at.\n"
     "A PLAN (<folder>/<plan_id>, such as west-betuwe/lokaal-plan-hgkm-2022-2025)\n"
     "limits its region's document to the plans named.\n"
     "With --pdf also evaluatie-<region>-<date>.pdf, printed by LibreOffice (package\n"
     "libreoffice-calc-nogui); workbooks and PDFs land together, or none does.\n",
     "Afsluitcode: 0 gelukt, 1 fouten in de gegevens (ook een onbekende regio of plan;\n"
     "er is niets geschreven), 2 verkeerd gebruik, 3 een bestand kon niet worden\n"
     "geschreven (ook: --pdf zonder LibreOffice; wat er al stond, blijft staan),\n"
     "4 geschreven, maar een teruggestuurd formulier is niet gelezen of weggelaten\n"
     "(met --strict: 1), 5 geschreven, maar de standaarduitvoer faalde.\n",
     "Exit status: 0 success, 1 errors in the data (also an unknown region or plan;\n"
     "nothing written), 2 usage error, 3 a file could not be written (also: --pdf\n"
     "without LibreOffice; what was there stays), 4 written, but a returned form was\n"
     "not read or left out (with --strict: 1), 5 written, but standard output failed.\n",
     true, NULL},
    {"handout", cmd_handout,
     OPT_DATA | OPT_OUT | OPT_AS_OF | OPT_SINCE | OPT_PDF | OPT_QUIET | OPT_STRICT,
     true, "[GEMEENTE|REGIO...]", "[MUNICIPALITY|REGION...]",
     "één A4-pagina per gemeente en regio (xlsx, met --pdf ook pdf)",
     "one A4 page per municipality and region (xlsx, with --pdf also pdf)",
     "Schrijft voor elke regio en gemeente (of alleen de genoemde, met hun mapnaam)\n"
     "één A4-pagina: <out>/handout-<datum>/<naam>.xlsx, met acties per status en\n"
     "signaal (en het verschil met het vorige overleg), de rode en oranje acties,\n"
     "de volgende deadlines, de looptijd van de plannen, de begroting van dit jaar\n"
     "en de cijfers per 1.000 inwoners naast die van de regio, met hun bronnen.\n"
     "Met --pdf ook <naam>.pdf, afgedrukt door LibreOffice (soffice --headless;\n"
     "pakket libreoffice-calc-nogui). Pagina's en PDF's worden samen op hun plaats\n"
     "gezet, of geen ervan.\n",
     "Writes one A4 page for every region and municipality (or only those named,\n"
     "by folder name): <out>/handout-<date>/<name>.xlsx, with actions per status\n"
     "and signal (and the change since the last meeting), the red and amber\n"
     "actions, the next deadlines, the plans' terms, this year's budget and the\n"
     "figures per 1,000 inhabitants beside the region's, with their sources.\n"
     "With --pdf also <name>.pdf, printed by LibreOffice (soffice --headless;\n"
     "package libreoffice-calc-nogui). Pages and PDFs are put in place together,\n"
     "or none of them.\n",
     "Afsluitcode: 0 gelukt, 1 fouten in de gegevens (ook een onbekende naam),\n"
     "2 verkeerd gebruik, 3 een bestand kon niet worden geschreven (ook: --pdf zonder\n"
     "LibreOffice; wat er al stond, blijft staan), 4 geschreven, maar een\n"
     "teruggestuurd formulier is niet gelezen of weggelaten (met --strict: 1),\n"
     "5 geschreven, maar de standaarduitvoer faalde.\n",
     "Exit status: 0 success, 1 errors in the data (also an unknown name), 2 usage\n"
     "error, 3 a file could not be written (also: --pdf without LibreOffice; what\n"
     "was there stays), 4 written, but a returned form was not read or left out\n"
     "(with --strict: 1), 5 written, but standard output failed.\n",
     true, NULL},
    {"nieuw", cmd_nieuw, OPT_DATA, false, "REGIO[/GEMEENTE]", "REGION[/MUNICIPALITY]",
     "nieuwe regio of gemeente: map met elk bestand", "new region or municipality: folder with every file",
     "Maakt de map van een nieuwe regio (REGIO) of van een nieuwe gemeente in een\n"
     "bestaande regio (REGIO/GEMEENTE), met elk bestand en zijn kopregel, klaar om in\n"
     "te vullen, en zegt wat eerst moet. Zonder map met gegevens begint het een nieuwe\n"
     "(--data, standaard regions) met themas.csv en indicatoren.csv.\n",
     "Creates the folder of a new region (REGION) or of a new municipality in an\n"
     "existing region (REGION/MUNICIPALITY), with every file and its header row, ready\n"
     "to fill in, and says what comes first. Without a data folder it starts one\n"
     "(--data, default regions) with themas.csv and indicatoren.csv.\n",
     "Afsluitcode: 0 gemaakt, 1 de naam bestaat al of de regio bestaat niet, 2 verkeerd\n"
     "gebruik, 3 kon niet schrijven (er blijft niets half achter), 5 gemaakt, maar de\n"
     "standaarduitvoer faalde.\n",
     "Exit status: 0 created, 1 the name exists already or the region does not exist,\n"
     "2 usage error, 3 could not write (nothing is left half made), 5 created, but\n"
     "standard output failed.\n",
     false, NULL},

    {"overleg", cmd_overleg, OPT_DATA | OPT_KIND | OPT_QUIET, true, "REGIO [DATUM]",
     "REGION [DATE]", "leg een gehouden overleg vast in overleggen.csv",
     "record a meeting held in overleggen.csv",
     "Voegt het overleg van DATUM (standaard vandaag) toe aan overleggen.csv van de\n"
     "regio (de mapnaam), met --soort als soort (standaard rao); het bestand wordt\n"
     "gemaakt met zijn kopregel als het er nog niet is. Een datum die er voor die\n"
     "soort al staat, of die na het volgende overleg ligt, wordt geweigerd. Vanaf dan\n"
     "tellen wijzigingen sinds dit overleg; zonder vastgelegd overleg zijn de data\n"
     "van de overleggen geschat.\n",
     "Adds the meeting of DATE (default today) to the region's overleggen.csv (the\n"
     "folder name), with --soort as its kind (default rao); the file is made with its\n"
     "header row when it is not there yet. A date already there for that kind, or one\n"
     "after the next meeting, is refused. From then on changes count since this\n"
     "meeting; without a recorded meeting the meeting dates are estimates.\n",
     "Afsluitcode: 0 vastgelegd, 1 onbekende regio, datum geweigerd of fouten in\n"
     "overleggen.csv (er is niets veranderd), 2 verkeerd gebruik, 3 kon niet\n"
     "schrijven (het bestand blijft zoals het was).\n",
     "Exit status: 0 recorded, 1 unknown region, date refused or errors in\n"
     "overleggen.csv (nothing changed), 2 usage error, 3 could not write (the file\n"
     "stays as it was).\n",
     true, NULL},
    {"report", cmd_report,
     OPT_DATA | OPT_OUT | OPT_AS_OF | OPT_SINCE | OPT_CHARTS | OPT_REGION | OPT_CHART_TIMEOUT |
         OPT_QUIET | OPT_STRICT,
     true,
     NULL, NULL, "schrijf de werkmap en de grafieken", "write the workbook and the charts",
     "Schrijft MAP/regiorapport-<datum>.xlsx (standaard in reports/) en de grafieken\n"
     "in MAP/charts-<datum>/. Met --region alleen die regio('s), in een bestand\n"
     "regiorapport-<regio>-<datum>.xlsx. Wijzigingen tellen standaard sinds het vorige\n"
     "overleg van elke regio in overleggen.csv, anders sinds 42 dagen vóór --as-of.\n"
     "Grafieken die na --chart-timeout niet klaar zijn, worden overgeslagen. Werkmap\n"
     "en grafieken worden samen op hun plaats gezet, of geen van beide.\n",
     "Writes DIR/regiorapport-<date>.xlsx (by default in reports/) and the charts in\n"
     "DIR/charts-<date>/. With --region only that region (or those), in a file\n"
     "regiorapport-<region>-<date>.xlsx. Changes count by default since each region's\n"
     "previous meeting in overleggen.csv, else since 42 days before --as-of.\n"
     "Charts not done after --chart-timeout are skipped. The workbook and the charts\n"
     "are put in place together, or neither is.\n",
     EXIT_WRITE_NL, EXIT_WRITE_EN, false, NULL},
    {"status", cmd_status, OPT_DATA | OPT_AS_OF | OPT_SINCE | OPT_REGION | OPT_QUIET | OPT_STRICT, true, NULL, NULL,
     "overzicht voor het overleg in de terminal", "meeting summary in the terminal",
     "Toont het overzicht voor het regionaal overleg: per regio en gemeente het aantal\n"
     "acties per status, hoeveel te laat zijn, hoeveel vóór het volgende overleg\n"
     "moeten zijn afgerond en of er sinds --since een update kwam; daarna elke rode\n"
     "actie en wie geen update stuurde. Kleur alleen op een terminal en niet als\n"
     "NO_COLOR is gezet.\n",
     "Prints the summary for the regional meeting: per region and municipality the\n"
     "number of actions per status, how many are overdue, how many fall due before\n"
     "the next meeting and whether an update came since --since; then every red\n"
     "action and who sent no update. Colour only on a terminal and not when NO_COLOR\n"
     "is set.\n",
     EXIT_READ_NL, EXIT_READ_EN, false, NULL},
    {"template", cmd_template, OPT_DATA | OPT_OUT | OPT_AS_OF | OPT_FORCE | OPT_ALL | OPT_QUIET, true,
     "GEMEENTE|REGIO",
     "MUNICIPALITY|REGION", "voortgangsformulier voor een gemeente of regio",
     "status-update form for a municipality or region",
     "Schrijft een voortgangsformulier voor één gemeente of regio (de mapnaam,\n"
     "bijvoorbeeld west-betuwe) in de map --out (standaard: reports); met --all voor\n"
     "de regio en elk van haar gemeenten, alle samen of geen:\n"
     "  voortgang-<naam>-<datum>.xlsx  elke actie met haar huidige status, lege gele\n"
     "                                 kolommen datum, status (keuzelijst) en\n"
     "                                 toelichting, en een blad met uitleg; alleen\n"
     "                                 de gele kolommen zijn te veranderen;\n"
     "  voortgang-<naam>-<datum>.csv   dezelfde regels en kolommen, voor wie liever\n"
     "                                 zonder werkmap werkt.\n"
     "Het teruggestuurde bestand (.xlsx, .ods of .csv) gaat zoals het is in de map\n"
     "van de gemeente of regio en wordt zo gelezen; regels zonder datum en status\n"
     "worden overgeslagen, een veranderde blauwe kolom is een fout. Een formulier dat\n"
     "er al staat en afwijkt van het nieuwe (een ingevuld formulier) wordt niet\n"
     "vervangen, behalve met --force.\n",
     "Writes a status-update form for one municipality or region (its folder name,\n"
     "for example west-betuwe) into the folder --out (default: reports); with --all\n"
     "for the region and each of its municipalities, all together or none:\n"
     "  voortgang-<name>-<date>.xlsx   every action with its current status, empty\n"
     "                                 yellow columns datum, status (drop-down list)\n"
     "                                 and toelichting, and a sheet of instructions;\n"
     "                                 only the yellow columns can be changed;\n"
     "  voortgang-<name>-<date>.csv    the same rows and columns, for those who\n"
     "                                 rather work without the workbook.\n"
     "The returned file (.xlsx, .ods or .csv) goes as it is into the folder of the\n"
     "municipality or region and is read like that; rows without datum and status\n"
     "are skipped, a changed blue column is an error. A form already there that\n"
     "differs from the new one (a filled-in form) is not replaced, except with --force.\n",
     EXIT_WRITE_NL, EXIT_WRITE_EN, false, help_form_columns},
    {"validate", cmd_validate, OPT_DATA | OPT_AS_OF | OPT_SINCE | OPT_REGION | OPT_QUIET | OPT_STRICT, true, NULL, NULL,
     "controleer de gegevens en meld elke fout", "check the data and report every error",
     "Leest alle bestanden in MAP (standaard: regions) en meldt elke fout en\n"
     "waarschuwing als 'bestand:regel:kolom: fout|waarschuwing: melding', met wat er\n"
     "in plaats daarvan moet staan.\n",
     "Reads every file in DIR (default: regions) and reports every error and\n"
     "warning as 'file:line:column: error|warning: message', with what to write\n"
     "instead.\n",
     EXIT_READ_NL, EXIT_READ_EN, false, NULL},
};

const cli_command *commands_table(size_t *count)
{
    *count = sizeof table / sizeof table[0];
    return table;
}

const cli_command *commands_find(const char *name)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0)
            return &table[i];
    return NULL;
}

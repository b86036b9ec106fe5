/* main.c - regiorapport: dispatch to a command. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "base/version.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary_nl;
    const char *summary_en;
} command;

static const command commands[] = {
    {"handout", cmd_handout, "één A4-pagina per gemeente en regio (xlsx, met --pdf ook pdf)",
     "one A4 page per municipality and region (xlsx, with --pdf also pdf)"},
    {"report", cmd_report, "schrijf de werkmap en de grafieken",
     "write the workbook and the charts"},
    {"status", cmd_status, "overzicht voor het overleg in de terminal",
     "meeting summary in the terminal"},
    {"template", cmd_template, "voortgangsformulier voor een gemeente of regio",
     "status-update form for a municipality or region"},
    {"validate", cmd_validate, "controleer de gegevens en meld elke fout",
     "check the data and report every error"},
};

/* Prints the overview of commands to `out`. */
static void print_usage(FILE *out)
{
    fputs(tr("Gebruik: regiorapport OPDRACHT [OPTIES]\n\nOpdrachten:\n",
             "Usage: regiorapport COMMAND [OPTIONS]\n\nCommands:\n"),
          out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name,
                tr(commands[i].summary_nl, commands[i].summary_en));
    fputs(tr("\n'regiorapport OPDRACHT --help' toont de opties van een opdracht.\n"
             "Met --lang en zijn meldingen en werkmap in het Engels.\n",
             "\n'regiorapport COMMAND --help' shows a command's options.\n"
             "With --lang en, messages and workbook are in English.\n"),
          out);
}

/* Takes "--lang nl|en" given before the command (it then applies to the overview
 * too); returns the index of the command word, or -1 after a usage error. */
static int leading_language(int argc, char **argv)
{
    int i = 1;
    while (i < argc && strncmp(argv[i], "--lang", 6) == 0) {
        const char *value = argv[i][6] == '=' ? argv[i] + 7 : (i + 1 < argc ? argv[i + 1] : "");
        rr_lang lang;
        if (i18n_parse_lang(value, &lang) != 0) {
            fprintf(stderr, "regiorapport: --lang verwacht nl of en / --lang expects nl or en\n");
            return -1;
        }
        i18n_set_lang(lang);
        i += argv[i][6] == '=' ? 1 : 2;
    }
    return i;
}

int main(int argc, char **argv)
{
    int first = leading_language(argc, argv);
    if (first < 0)
        return 2;
    if (first >= argc) {
        print_usage(stderr);
        return 2;
    }
    const char *name = argv[first];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        print_usage(stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0) {
        printf("regiorapport %s\n", RR_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0) {
            int status = commands[i].run(argc - first, argv + first);
            if (fflush(stdout) != 0 || ferror(stdout)) {
                perror("regiorapport: stdout");
                return 3;
            }
            return status;
        }
    fprintf(stderr, tr("regiorapport: onbekende opdracht '%s'\n", "regiorapport: unknown command '%s'\n"),
            name);
    print_usage(stderr);
    return 2;
}

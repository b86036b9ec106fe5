/* help.c - help texts from the command table and the option table. */
#include "cli/help.h"

#include <string.h>

#include "base/i18n.h"
#include "base/version.h"
#include "base/vocab.h"
#include "cli/options.h"

void help_overview(FILE *out)
{
    fputs(tr("Gebruik: regiorapport [--lang nl|en] OPDRACHT [OPTIES]\n\nOpdrachten:\n",
             "Usage: regiorapport [--lang nl|en] COMMAND [OPTIONS]\n\nCommands:\n"),
          out);
    size_t count;
    const cli_command *table = commands_table(&count);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "  %-10s %s\n", table[i].name, tr(table[i].summary_nl, table[i].summary_en));
    fputs(tr("\n'regiorapport OPDRACHT --help' toont de opties van een opdracht;\n"
             "'man regiorapport' beschrijft alles. Met --lang en zijn meldingen en werkmap\n"
             "in het Engels. -V, --version toont de versie.\n",
             "\n'regiorapport COMMAND --help' shows a command's options;\n"
             "'man regiorapport' describes everything. With --lang en, messages and\n"
             "workbook are in English. -V, --version shows the version.\n"),
          out);
}

/* "--data MAP" or "-q, --quiet" as the option's left column. */
static void option_left(const options_spec *spec, char *buf, size_t size)
{
    const char *value = tr(spec->value_nl, spec->value_en);
    char letter[8] = "";
    if (spec->short_name)
        snprintf(letter, sizeof letter, "-%c, ", spec->short_name);
    snprintf(buf, size, "%s--%s%s%s", letter, spec->name, spec->value_nl ? " " : "",
             spec->value_nl ? value : "");
}

/* The usage line: every option the command takes, then its operand. */
static void usage_line(const cli_command *cmd, FILE *out)
{
    fprintf(out, tr("Gebruik: regiorapport %s [OPTIES]", "Usage: regiorapport %s [OPTIONS]"),
            cmd->name);
    if (cmd->operand_nl)
        fprintf(out, " %s", tr(cmd->operand_nl, cmd->operand_en));
    fputc('\n', out);
}

void help_command(const cli_command *cmd, FILE *out)
{
    usage_line(cmd, out);
    fprintf(out, "\n%s\n", tr(cmd->about_nl, cmd->about_en));
    if (cmd->more_help) {
        cmd->more_help(out);
        fputc('\n', out);
    }
    fputs(tr("Opties:\n", "Options:\n"), out);
    size_t count;
    const options_spec *specs = options_specs(&count);
    unsigned mask = cmd->options | OPT_EVERY_COMMAND;
    for (size_t i = 0; i < count; i++) {
        if (!(mask & specs[i].flag))
            continue;
        char left[64];
        option_left(&specs[i], left, sizeof left);
        fprintf(out, "  %-19s %s\n", left, tr(specs[i].help_nl, specs[i].help_en));
    }
    fprintf(out, "\n%s", tr(cmd->exit_nl, cmd->exit_en));
}

void help_version(FILE *out)
{
    fprintf(out, "regiorapport %s\n", version_text());
}

void help_form_columns(FILE *out)
{
    fprintf(out, tr("De %d kolommen van het formulier (blad %s en CSV):\n",
                    "The form's %d columns (sheet %s and CSV):\n"),
            FORM_COL_COUNT, vocab_sheet_name(SHEET_FORM_PROGRESS));
    for (int c = 0; c < FORM_COL_COUNT; c++)
        fprintf(out, "  %-20s %s\n", vocab_form_column_name((form_column)c),
                vocab_form_column_meaning((form_column)c));
}

/*
 * commands.h - the command table: everything the command line knows of a command.
 *
 * As in git's builtin table, one row per command (commands.c) holds its name, the
 * function that runs it, the options it takes (a mask of OPT_* flags), its
 * positional argument, and its help texts. Parsing (options.c), help (help.c),
 * the harness (harness.c) and the man page's list all read this table; adding a
 * command is one row here and one cmd_<name>.c (docs/architecture.md).
 */
#ifndef RR_COMMANDS_H
#define RR_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/harness.h"

typedef struct cli_command {
    const char *name;
    /* Runs the command on a prepared run (options parsed; data loaded and checked
     * when `loads`); returns the process exit status (rr_exit_status). */
    int (*run)(harness_run *run);
    unsigned options;                /* OPT_* it takes besides OPT_EVERY_COMMAND */
    bool loads;                      /* the harness loads and checks the data first */
    const char *operand_nl;          /* its one positional argument; NULL: none */
    const char *operand_en;
    const char *summary_nl;          /* one line for the overview */
    const char *summary_en;
    const char *about_nl;            /* what it does, for its --help (ends in \n) */
    const char *about_en;
    const char *exit_nl;             /* its exit statuses, for its --help (ends in \n) */
    const char *exit_en;
    bool many_operands;              /* any number of positional arguments (none too) */
    void (*more_help)(FILE *out);    /* a table its --help adds after `about`; NULL: none */
} cli_command;

/* The table, in the order the overview lists it; *count gets its length. */
const cli_command *commands_table(size_t *count);

/* The command named `name`, or NULL. */
const cli_command *commands_find(const char *name);

int cmd_evaluatie(harness_run *run);
int cmd_handout(harness_run *run);
int cmd_nieuw(harness_run *run);
int cmd_overleg(harness_run *run);
int cmd_report(harness_run *run);
int cmd_status(harness_run *run);
int cmd_template(harness_run *run);
int cmd_validate(harness_run *run);

#endif

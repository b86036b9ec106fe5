/*
 * help.h - what --help and --version print, made from the command and option tables.
 */
#ifndef RR_HELP_H
#define RR_HELP_H

#include <stdio.h>

#include "cli/commands.h"

/* The overview of every command. */
void help_overview(FILE *out);

/* A command's help: usage, what it does, every option it takes (one line each),
 * its exit statuses. */
void help_command(const cli_command *cmd, FILE *out);

/* The progress form's columns and what each holds, from the table the loader reads
 * by (vocab.h): `template --help` lists them. */
void help_form_columns(FILE *out);

/* "regiorapport VERSION". */
void help_version(FILE *out);

#endif

/*
 * harness.h - the stages every command starts with: load, then check.
 */
#ifndef RR_HARNESS_H
#define RR_HARNESS_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"
#include "load/model.h"
#include "cli/options.h"
#include "base/error.h"

/*
 * Loads opts->data_dir (only opts->regions when given) and checks it as of
 * opts->as_of. opts->since stays RR_DATE_NONE when not given: pass it on as it is
 * to analysis_new(), which then uses each region's own previous meeting. The
 * caller owns *model (model_free) and `diags` (diag_list_release), also on error.
 * Returns RR_ERR_READ if the folder cannot be read, RR_ERR_DATA if the data has
 * errors, RR_OK otherwise (warnings allowed).
 */
rr_error harness_load(rr_options *opts, rr_model **model, diag_list *diags);

/* What every command gets: its options, and the data loaded and checked. */
typedef struct {
    rr_options opts;
    const struct cli_command *command;
    rr_model *model;      /* owned; NULL when the command does not load */
    diag_list diags;      /* owned */
    rr_error load_error;  /* harness_load's result; RR_OK when the command does not load */
} harness_run;

/*
 * Runs a parsed command line: loads and checks the data when the command's row says
 * so (commands.h), calls the command, releases what was loaded. Without --data and
 * without a regions/ folder here, says to use --data (exit 2) before anything else.
 * Returns the process exit status.
 */
int harness_run_command(const struct cli_command *command, const rr_options *opts);

/* When the data has warnings, one line on stderr pointing to `regiorapport validate`. */
void harness_hint_warnings(const diag_list *diags);

/* Prints the diagnostics (sorted) and the one-line count ("1 fout, 2 waarschuwingen
 * in 3 bestanden") to `out`. */
void harness_print_diagnostics(diag_list *diags, const rr_model *model, FILE *out);

#endif

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

/* What every command starts with: its options, and the data loaded and checked. */
typedef struct {
    rr_options opts;
    rr_model *model;      /* owned; NULL when the command stopped before loading */
    diag_list diags;      /* owned */
    rr_error load_error;  /* harness_load's result */
} harness_run;

/*
 * Parses argv with the options in `allowed` and `positional` arguments, answers
 * --help with `help`, then loads and checks the data. Returns false when the
 * command is done already (help shown: *status 0; usage error: *status 2);
 * otherwise true, with run->load_error telling whether the data is usable. Release
 * the run with harness_finish() whenever this returned true.
 */
bool harness_start(harness_run *run, int argc, char **argv, unsigned allowed, int positional,
                   void (*help)(void), int *status);

/* Releases what harness_start() loaded. */
void harness_finish(harness_run *run);

/* When the data has warnings, one line on stderr pointing to `regiorapport validate`. */
void harness_hint_warnings(const diag_list *diags, const char *command);

/* Prints the diagnostics (sorted) and the one-line count to `out`. */
void harness_print_diagnostics(diag_list *diags, const rr_model *model, FILE *out);

#endif

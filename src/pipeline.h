/*
 * pipeline.h - the stages every command starts with: load, then check.
 */
#ifndef RR_PIPELINE_H
#define RR_PIPELINE_H

#include "diag.h"
#include "model.h"
#include "options.h"
#include "rr_error.h"

/*
 * Loads opts->data_dir and checks it as of opts->as_of. Sets opts->since to its
 * default (the previous meeting, else as-of minus 42 days) when not given. The
 * caller owns *model (model_free) and `diags` (diag_list_release), also on error.
 * Returns RR_ERR_READ if the folder cannot be read, RR_ERR_DATA if the data has
 * errors, RR_OK otherwise (warnings allowed).
 */
rr_error pipeline_load(rr_options *opts, rr_model **model, diag_list *diags);

/* Prints the diagnostics (sorted) and the one-line count to `out`. */
void pipeline_print_diagnostics(diag_list *diags, const rr_model *model, FILE *out);

#endif

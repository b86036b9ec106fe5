/*
 * formsview.h - the receipts of the returned forms on the terminal: first every form
 * not read or left out, addressed to the coordinator with what its sender must fix,
 * then the forms that were read and what came of each. The receipts are the loader's
 * (model->forms), their sentences analyse/receipts.h's; this only prints them, with
 * control characters from names shown, not obeyed.
 */
#ifndef RR_FORMSVIEW_H
#define RR_FORMSVIEW_H

#include <stdio.h>

#include "load/model.h"

/* As a block of `validate`'s report on `out`: the forms not read or left out, each with
 * its reason or its problems (nothing when every form was read). */
void formsview_print_unused(FILE *out, const rr_model *model);

/* The same block's end: one line per form read (reports read, rows left empty). */
void formsview_print_read(FILE *out, const rr_model *model);

/* As messages on stderr (say.h) for a command that goes on with the data: a warning
 * per form that does not count, its problems below it, then a note per form read. */
void formsview_say(const rr_model *model);

#endif

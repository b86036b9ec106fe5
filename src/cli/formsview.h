/*
 * formsview.h - the receipts of the returned forms on the terminal: first every form
 * not read or left out, addressed to the coordinator with what its sender must fix,
 * then per owner the forms that were read and what came of each. The receipts are
 * the loader's (model->forms); this only prints them.
 */
#ifndef RR_FORMSVIEW_H
#define RR_FORMSVIEW_H

#include <stdio.h>

#include "load/model.h"

/* The forms not read or left out, each with its reason or its problems. Nothing when
 * every form was read. */
void formsview_print_unused(FILE *out, const rr_model *model);

/* One line per owner with the forms that were read: rows read, rows left empty. */
void formsview_print_read(FILE *out, const rr_model *model);

#endif

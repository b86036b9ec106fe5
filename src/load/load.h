/*
 * load.h - reading the regions/ tree into a model.
 *
 * Reads every file once, in a fixed order (sorted folder names), and checks what
 * can be checked within one row: required columns and values, dates, periods,
 * money, statuses, ids, folder names. Everything that relates rows of different
 * files (does this plan exist? is that theme known?) is the check stage's work
 * (rules.h). Problems are added to `diags`; loading goes on after them, so one
 * run reports them all.
 */
#ifndef RR_LOAD_H
#define RR_LOAD_H

#include "base/diag.h"
#include "load/model.h"
#include "base/error.h"

/*
 * Loads the tree at data_dir into `model` (created by the caller with model_new).
 * Returns RR_ERR_READ when data_dir itself cannot be read (with a diagnostic),
 * RR_OK otherwise: look at diags->errors for problems in the data.
 */
rr_error load_tree(const char *data_dir, rr_model *model, diag_list *diags);

/*
 * The same, reading only the regions named in `regions` (count > 0); the shared
 * vocabularies are always read. A named region that does not exist is an error
 * that lists the regions there are.
 */
rr_error load_tree_regions(const char *data_dir, const char *const *regions, int count,
                           rr_model *model, diag_list *diags);

/* The header line ("actie_id,plan_id,...") of the data file named `file` (such as
 * "acties.csv"), as the loader reads it; NULL when it reads no file of that name.
 * Returns a new string (g_free). */
char *load_header_line(const char *file);

/* The folders a data file stands in (bits of load_folder_files' `place`). */
typedef enum {
    LOAD_IN_DATA = 1,         /* the data folder itself: the shared vocabularies */
    LOAD_IN_REGION = 2,       /* a region's folder */
    LOAD_IN_MUNICIPALITY = 4, /* a municipality's folder */
} load_place;

/* The names of the data files the loader reads in a folder of `place` (one bit), the
 * folder's own description first (regio.csv, gemeente.csv), in the order of the schema
 * table; NULL-terminated. The array is new (g_free), the names are static. */
const char **load_folder_files(load_place place);

/* True for a valid folder name: [a-z0-9-]+, not starting or ending with '-'. */
bool load_is_slug(const char *name);

#endif

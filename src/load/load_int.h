/*
 * load_int.h - shared by load.c (files and folders) and schema.c (rows into the
 * model); not for other modules.
 */
#ifndef RR_LOAD_INT_H
#define RR_LOAD_INT_H

#include <glib.h>
#include <stdbool.h>

#include "load/csvread.h"
#include "base/diag.h"
#include "load/model.h"

typedef struct loader loader;
typedef struct record record;

typedef struct {
    const char *name;
    bool required;
} column_spec;

#define MAX_SPEC_COLUMNS 12

typedef struct {
    const char *file; /* e.g. "acties.csv" */
    column_spec columns[MAX_SPEC_COLUMNS];
    bool keep_unknown; /* unknown columns travel to the workbook (acties.csv) */
    void (*on_record)(loader *l, const record *r);
} file_spec;

/* A data row seen through its file's header: cell i is the spec's column i. */
struct record {
    const csvread_row *row;
    const int *map; /* spec column -> row field, or -1 */
};

/* The state of one load_tree() run. */
struct loader {
    rr_model *model;
    diag_list *diags;
    rr_owner *owner;          /* owner of the file being read; NULL for vocabularies */
    const file_spec *spec;
    const char *path;         /* interned */
    bool header_seen;
    size_t header_fields;     /* fields of the header line */
    bool skip_rows;           /* a required column is missing: rows cannot be read */
    int map[MAX_SPEC_COLUMNS];
    GArray *extra_fields;     /* int: row fields of unknown columns (keep_unknown) */
    GPtrArray *extra_names;   /* interned header names of those columns */
    size_t described_rows;    /* rows of regio.csv / gemeente.csv */
    GHashTable *seen_progress;/* "<owner>/<actie_id>/<date>": one report a day */
};

/* The schema of every file kind (schema.c). */
extern const file_spec schema_themes;
extern const file_spec schema_indicators;
extern const file_spec schema_region;
extern const file_spec schema_municipality;
extern const file_spec schema_plans;
extern const file_spec schema_extensions;
extern const file_spec schema_actions;
extern const file_spec schema_progress;
extern const file_spec schema_meetings;
extern const file_spec schema_figures;
extern const file_spec schema_budget;

/* Number of columns in a spec (the array ends at the first NULL name). */
int schema_column_count(const file_spec *spec);

/* "a, b, c" of a spec's column names, for messages (g_free). */
gchar *schema_expected_columns(const file_spec *spec);

/* True for an id: no spaces, '/', '|' or '"', at most 64 bytes. */
bool load_is_valid_id(const char *id);

#endif

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
    const char *const *context; /* columns read silently and ignored (NULL-terminated or
                                 * NULL): the context columns of the template's forms */
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
extern const file_spec schema_action_lines;
extern const file_spec schema_actions;
extern const file_spec schema_progress;
extern const file_spec schema_meetings;
extern const file_spec schema_figures;
extern const file_spec schema_budget;
extern const file_spec schema_populations;

/* Every data file the loader reads: its schema, the folders it may stand in and those in
 * which it must (load_place bits). The table ends with a NULL spec. */
typedef struct {
    const file_spec *spec;
    unsigned places;
    unsigned required_in;
} schema_file;
extern const schema_file schema_files[];

/* Number of columns in a spec (the array ends at the first NULL name). */
int schema_column_count(const file_spec *spec);

/* "a, b, c" of a spec's column names, for messages (g_free). */
gchar *schema_expected_columns(const file_spec *spec);

/* True for an id: no spaces, '/', '|' or '"', at most 64 bytes. */
bool load_is_valid_id(const char *id);

/* ---- cells of a record (cell.c) ---------------------------------------------------
 * Every function that reads a value reports what is wrong with it at the cell
 * (path:line:column, in the user's language) and returns "nothing": NULL, 0,
 * RR_DATE_NONE or an invalid period_cell. Texts are interned in the model. */

/* The text of a cell, "" when the column or the field is absent (not interned). */
const char *cell_raw(const record *r, int column);

/* Adds a diagnostic at a cell's position (a missing cell: the row's start). */
void cell_diag(loader *l, const record *r, int column, diag_severity severity, const char *fmt,
               ...) __attribute__((format(printf, 5, 6)));

/* Where the record starts, for the entity made from it. */
src_loc cell_row_loc(const loader *l, const record *r);

/* Where one cell of the row is, for a rule that speaks about that cell later. */
src_loc cell_loc(const loader *l, const record *r, int column);

/* The cell's text, interned; "" when empty. */
const char *cell_text(loader *l, const record *r, int column);

/* A required value; NULL (reported) when empty. */
const char *cell_required_text(loader *l, const record *r, int column);

/* A required id (load_is_valid_id); NULL (reported) when empty or not an id. */
const char *cell_required_id(loader *l, const record *r, int column);

/* A period; empty is PERIOD_UNKNOWN and valid, an unparsable text is invalid. */
period_cell cell_period(loader *l, const record *r, int column);

/* A single day; RR_DATE_NONE when empty or wrong. */
rr_date cell_date(loader *l, const record *r, int column);

/* A year of four digits in RR_YEAR_MIN..RR_YEAR_MAX; 0 when empty or wrong (an empty
 * cell is reported only when `required`). */
int cell_year(loader *l, const record *r, int column, bool required);

/* A count with optional Dutch thousands dots ("51948", "51.948"); no message. */
bool cell_parse_count(const char *text, int64_t *out);

/* A figure in Dutch notation ("1.234", "12,5"); no message. */
bool cell_parse_figure(const char *text, double *out);

/* Reports a second row with the same key in one file; returns false. */
bool cell_report_duplicate(loader *l, const record *r, int column, const char *what,
                           const src_loc *first);

#endif

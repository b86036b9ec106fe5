/* load.c - the regions/ tree: folders, files, headers. Rows are schema.c's. */
#include "load/load.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "load/csvread.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "base/progress.h"
#include "load/load_int.h"
#include "load/sheetread.h"

static bool is_progress_update(const char *name);

/* The sheet a returned form is read from: the template names it per language. */
static const char *const progress_sheets[] = {"Voortgang", "Progress", NULL};

/* ------------------------------------------------------------------------- */
/* Headers and rows                                                           */
/* ------------------------------------------------------------------------- */

/* Unknown or nameless columns named one by one in a header; the rest are counted in
 * one warning, so that a runaway header does not bury the error that matters. */
#define HEADER_WARNINGS_MAX 10

static bool is_context_column(const file_spec *spec, const char *name)
{
    return spec->is_context && spec->is_context(name);
}

#define BOM_UTF8 "\xEF\xBB\xBF"

/* A header name without the byte order marks in it (U+FEFF, invisible): a file saved
 * twice with a BOM, or a header pasted from one, has one before its first name, and
 * "actie_id" with it is another name that prints the same. g_free. */
static gchar *header_name(loader *l, const csvread_row *row, size_t f)
{
    const char *text = row->fields[f];
    if (!strstr(text, BOM_UTF8))
        return g_strdup(text);
    GString *clean = g_string_new(NULL);
    for (const char *p = text; *p;) {
        if (g_str_has_prefix(p, BOM_UTF8))
            p += 3;
        else
            g_string_append_c(clean, *p++);
    }
    diag_add(l->diags, DIAG_WARNING, l->path, row->lines[f], row->columns[f],
             tr("kolomnaam '%s' heeft een onzichtbaar teken (BOM, U+FEFF) bij zich; gelezen "
                "zonder. Sla het bestand op als 'CSV UTF-8' om dit te voorkomen",
                "column name '%s' carries an invisible character (BOM, U+FEFF); read without "
                "it. Save the file as 'CSV UTF-8' to avoid this"),
             clean->str);
    return g_string_free(clean, FALSE);
}

/* Maps header names to the spec's columns; reports missing, duplicate and unknown
 * columns. */
static void read_header(loader *l, const csvread_row *row)
{
    int ncolumns = schema_column_count(l->spec);
    size_t unnamed_or_unknown = 0;
    for (int i = 0; i < MAX_SPEC_COLUMNS; i++)
        l->map[i] = -1;
    for (size_t f = 0; f < row->count; f++) {
        gchar *written = header_name(l, row, f);
        gchar *name = g_strstrip(g_ascii_strdown(written, -1));
        int found = -1;
        for (int i = 0; i < ncolumns && found < 0; i++)
            if (strcmp(name, l->spec->columns[i].name) == 0)
                found = i;
        if (found >= 0 && l->map[found] >= 0) {
            diag_add(l->diags, DIAG_ERROR, l->path, row->lines[f], row->columns[f],
                     tr("kolom '%s' staat twee keer in de kopregel; verwijder er één",
                        "column '%s' appears twice in the header; remove one"),
                     name);
        } else if (found >= 0) {
            l->map[found] = (int)f;
        } else if (is_context_column(l->spec, name)) {
            /* the form's own context: read back without a word */
        } else if (*name == '\0') {
            if (++unnamed_or_unknown <= HEADER_WARNINGS_MAX)
                diag_add(l->diags, DIAG_WARNING, l->path, row->lines[f], row->columns[f],
                         tr("kolom %zu heeft geen naam in de kopregel; de kolom wordt genegeerd",
                            "column %zu has no name in the header; the column is ignored"),
                         f + 1);
        } else {
            if (++unnamed_or_unknown <= HEADER_WARNINGS_MAX) {
                gchar *expected = schema_expected_columns(l->spec);
                diag_add(l->diags, DIAG_WARNING, l->path, row->lines[f], row->columns[f],
                         tr("onbekende kolom '%s'%s; bekende kolommen: %s",
                            "unknown column '%s'%s; known columns: %s"),
                         written,
                         l->spec->keep_unknown
                             ? tr(" (komt als eigen kolom in de werkmap)",
                                  " (carried into the workbook as its own column)")
                             : tr(" wordt genegeerd", " is ignored"),
                         expected);
                g_free(expected);
            }
            if (l->spec->keep_unknown) {
                int field = (int)f;
                g_array_append_val(l->extra_fields, field);
                g_ptr_array_add(l->extra_names,
                                (gpointer)model_intern(l->model, g_strstrip(written)));
            }
        }
        g_free(name);
        g_free(written);
    }
    if (unnamed_or_unknown > HEADER_WARNINGS_MAX)
        diag_add(l->diags, DIAG_WARNING, l->path, row->line, 1,
                 tr("nog %zu onbekende of naamloze kolommen in de kopregel (alleen de eerste "
                    "%d staan hierboven); staat de kopregel in de goede regel?",
                    "%zu more unknown or nameless columns in the header (only the first %d "
                    "are listed above); is the header on the right line?"),
                 unnamed_or_unknown - HEADER_WARNINGS_MAX, HEADER_WARNINGS_MAX);
    for (int i = 0; i < ncolumns; i++) {
        if (l->spec->columns[i].required && l->map[i] < 0) {
            gchar *expected = schema_expected_columns(l->spec);
            diag_add(l->diags, DIAG_ERROR, l->path, row->line, 1,
                     tr("verplichte kolom '%s' ontbreekt in de kopregel; verwachte kolommen: %s",
                        "required column '%s' is missing from the header; expected columns: %s"),
                     l->spec->columns[i].name, expected);
            g_free(expected);
            l->skip_rows = true;
        }
    }
}

/* A row with a filled field past the header's columns: a ',' in an unquoted text or
 * amount ("€ 3.500,50") split it, and every cell after it would be read one column off.
 * Reports it at the first such field; empty extra fields lose nothing. */
static bool has_extra_fields(loader *l, const csvread_row *row)
{
    size_t first = l->header_fields;
    for (size_t f = first; f < row->count; f++) {
        if (row->fields[f][0] == '\0')
            continue;
        diag_add(l->diags, DIAG_ERROR, l->path, row->lines[first], row->columns[first],
                 tr("deze rij heeft %zu velden, de kopregel %zu; staat er een '%c' in een tekst "
                    "of bedrag (€ 3.500,50)? Zet die tekst tussen dubbele aanhalingstekens "
                    "(\"€ 3.500,50\")%s; de rij wordt niet gelezen",
                    "this row has %zu fields, the header %zu; is there a '%c' in a text or "
                    "amount (€ 3.500,50)? Put that text in double quotes (\"€ 3.500,50\")%s; "
                    "the row is not read"),
                 row->count, l->header_fields, row->delimiter ? row->delimiter : ',',
                 row->delimiter == ';' ? ""
                                       : tr(" of gebruik ';' als scheidingsteken",
                                            " or use ';' as the delimiter"));
        return true;
    }
    return false;
}

/* csvread callback: the header first, then records. */
static void on_csv_row(const csvread_row *row, void *ctx)
{
    loader *l = ctx;
    if (!l->header_seen) {
        l->header_seen = true;
        l->header_fields = row->count;
        if (l->form)
            forms_map_header(l, row);
        read_header(l, row);
        return;
    }
    if (l->skip_rows || has_extra_fields(l, row))
        return;
    record r = {row, l->map};
    l->spec->on_record(l, &r);
}

void load_read_file(loader *l, const char *path, const file_spec *spec, rr_owner *owner)
{
    l->owner = owner;
    l->spec = spec;
    l->path = model_intern(l->model, path);
    l->header_seen = false;
    l->header_fields = 0;
    l->skip_rows = false;
    l->described_rows = 0;
    l->extra_fields = g_array_new(FALSE, FALSE, sizeof(int));
    l->extra_names = g_ptr_array_new();

    csvread_info info;
    size_t errors_before = l->diags->errors;
    progress_step(tr("bestanden lezen", "reading files"), l->model->sources->len + 1, 0);
    rr_error read = sheetread_is_sheet_file(l->path)
                        ? sheetread_file(l->path, progress_sheets, on_csv_row, l, l->diags, &info)
                        : csvread_file(l->path, on_csv_row, l, l->diags, &info);
    if (read == RR_OK) {
        if (!l->header_seen && l->diags->errors == errors_before) {
            gchar *expected = schema_expected_columns(spec);
            diag_add(l->diags, DIAG_ERROR, l->path, 0, 0,
                     tr("het bestand is leeg; de eerste regel moet de kolomnamen bevatten: %s",
                        "the file is empty; the first line must hold the column names: %s"),
                     expected);
            g_free(expected);
        }
        rr_source_file *src = model_add(l->model, l->model->sources, sizeof *src);
        src->path = l->path;
        src->rows = info.rows;
        src->bytes = info.bytes;
        memcpy(src->sha256, info.sha256, sizeof src->sha256);
        src->was_cp1252 = info.was_cp1252;
    }
    if ((spec == &schema_region || spec == &schema_municipality) && l->header_seen &&
        !owner->described && !l->skip_rows)
        diag_add(l->diags, DIAG_ERROR, l->path, 0, 0,
                 tr("%s heeft geen rij onder de kopregel; vul de gegevens van '%s' in",
                    "%s has no row below the header; fill in the details of '%s'"),
                 spec->file, owner->id);
    g_array_free(l->extra_fields, TRUE);
    g_ptr_array_free(l->extra_names, TRUE);
    l->extra_fields = NULL;
    l->extra_names = NULL;
}

/* ------------------------------------------------------------------------- */
/* Folders                                                                    */
/* ------------------------------------------------------------------------- */

bool load_is_slug(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 64 || name[0] == '-' || name[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(g_ascii_islower(name[i]) || g_ascii_isdigit(name[i]) || name[i] == '-'))
            return false;
    return true;
}

typedef struct {
    GPtrArray *dirs;  /* names of subfolders, sorted */
    GPtrArray *files; /* names of files, sorted */
} folder_listing;

/* g_ptr_array_sort comparator: its arguments point at the array's elements. */
static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Lists a folder, hidden entries left out; false (reported) when it cannot be read. */
static bool list_folder(loader *l, const char *path, folder_listing *out)
{
    out->dirs = g_ptr_array_new_with_free_func(g_free);
    out->files = g_ptr_array_new_with_free_func(g_free);
    DIR *dir = opendir(path);
    if (!dir) {
        diag_add(l->diags, DIAG_ERROR, path, 0, 0,
                 tr("kan de map niet lezen: %s", "cannot read the folder: %s"), i18n_strerror(errno));
        return false;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        /* Only a folder not named like a data file or form is a folder here;
         * everything else (a folder named acties.csv or voortgang-x.xlsx, a FIFO, a
         * dangling link, a link loop) is listed as a file, so that reading it reports
         * what it is instead of skipping it. */
        gchar *full = g_build_filename(path, entry->d_name, NULL);
        struct stat st;
        bool dir_entry = stat(full, &st) == 0 && S_ISDIR(st.st_mode) &&
                         !g_str_has_suffix(entry->d_name, ".csv") &&
                         !sheetread_is_sheet_file(entry->d_name);
        g_ptr_array_add(dir_entry ? out->dirs : out->files, g_strdup(entry->d_name));
        g_free(full);
    }
    closedir(dir);
    g_ptr_array_sort(out->dirs, compare_names);
    g_ptr_array_sort(out->files, compare_names);
    return true;
}

static void free_listing(folder_listing *listing)
{
    g_ptr_array_free(listing->dirs, TRUE);
    g_ptr_array_free(listing->files, TRUE);
}

static bool listing_has(const folder_listing *listing, const char *name)
{
    for (guint i = 0; i < listing->files->len; i++)
        if (strcmp(g_ptr_array_index(listing->files, i), name) == 0)
            return true;
    return false;
}

/* Whether schema_files says `spec` must stand in an owner's folder of this kind. */
static bool required_for(const file_spec *spec, owner_kind kind)
{
    unsigned place = kind == OWNER_REGION ? LOAD_IN_REGION : LOAD_IN_MUNICIPALITY;
    for (const schema_file *f = schema_files; f->spec; f++)
        if (f->spec == spec)
            return (f->required_in & place) != 0;
    return false;
}

/* Reads `spec`'s file in the owner's folder when it is there; a missing file the
 * owner must have (schema_files) is an error that gives the header to create it with. */
static void read_owner_file(loader *l, const char *dir, const folder_listing *listing,
                            const file_spec *spec, rr_owner *owner)
{
    bool required = required_for(spec, owner->kind);
    gchar *path = g_build_filename(dir, spec->file, NULL);
    if (listing_has(listing, spec->file)) {
        load_read_file(l, path, spec, owner);
    } else if (required) {
        gchar *expected = schema_expected_columns(spec);
        diag_add(l->diags, DIAG_ERROR, path, 0, 0,
                 tr("bestand ontbreekt; maak het aan met deze kopregel (ook als er nog geen "
                    "rijen zijn): %s",
                    "file is missing; create it with this header line (even when it has no rows "
                    "yet): %s"),
                 expected);
        g_free(expected);
    }
    g_free(path);
}

/* Whether a file name is one the format knows in an owner's folder. */
static bool is_known_owner_file(const char *name, owner_kind kind)
{
    unsigned place = kind == OWNER_REGION ? LOAD_IN_REGION : LOAD_IN_MUNICIPALITY;
    for (const schema_file *f = schema_files; f->spec; f++)
        if ((f->places & place) && strcmp(name, f->spec->file) == 0)
            return true;
    return false;
}

/* A returned form: voortgang-*.csv, or the form's workbook as .xlsx or .ods. */
static bool is_progress_update(const char *name)
{
    return g_str_has_prefix(name, "voortgang-") &&
           (g_str_has_suffix(name, ".csv") || sheetread_is_sheet_file(name));
}

/* A file named like a returned form (voortgang-..., any case, any extension) that the
 * tool does not read: it gets a receipt of its own, not a warning among many. */
static bool looks_like_form(const char *name)
{
    gchar *lower = g_utf8_strdown(name, -1);
    bool form = g_str_has_prefix(lower, "voortgang-");
    g_free(lower);
    return form;
}

/* A file of an owner's folder that is not read: named, with what the tool reads, and
 * the likely fix when the name is close. */
static void warn_unread_file(loader *l, const char *dir, const char *name, owner_kind kind,
                             rr_owner *owner)
{
    gchar *path = g_build_filename(dir, name, NULL);
    gchar *lower = g_utf8_strdown(name, -1);
    const char *reads = kind == OWNER_REGION
                            ? "regio.csv, plannen.csv, verlengingen.csv, actielijnen.csv, "
                              "acties.csv, voortgang.csv, voortgang-*.csv/.xlsx/.ods, "
                              "overleggen.csv, cijfers.csv, begroting.csv, inwoners.csv"
                            : "gemeente.csv, plannen.csv, verlengingen.csv, actielijnen.csv, "
                              "acties.csv, voortgang.csv, voortgang-*.csv/.xlsx/.ods, "
                              "cijfers.csv, begroting.csv, inwoners.csv";
    gchar *why;
    if (strcmp(lower, name) != 0 && (is_known_owner_file(lower, kind) || is_progress_update(lower)))
        why = g_strdup_printf(
            tr("bestand wordt niet gelezen: de naam telt hoofdletters; noem het '%s'",
               "file is not read: the name counts capitals; name it '%s'"),
            lower);
    else if (g_str_has_prefix(name, "~$"))
        why = g_strdup(tr("bestand wordt niet gelezen: het is het slot van een werkmap die open "
                          "staat in Excel; sluit de werkmap",
                          "file is not read: it is the lock of a workbook open in Excel; close "
                          "the workbook"));
    else if (g_str_has_suffix(lower, ".xls"))
        why = g_strdup(tr("bestand wordt niet gelezen: de oude Excel-indeling (.xls) leest de tool "
                          "niet; sla het op als 'Excel-werkmap (.xlsx)' met een naam "
                          "voortgang-….xlsx",
                          "file is not read: the old Excel format (.xls) is not read; save it as "
                          "'Excel workbook (.xlsx)' named voortgang-….xlsx"));
    else
        why = g_strdup_printf(tr("bestand wordt niet gelezen; in deze map leest de tool alleen: %s",
                                 "file is not read; in this folder the tool reads only: %s"),
                              reads);
    if (looks_like_form(name))
        forms_not_read(l, path, name, owner, why);
    else
        diag_add(l->diags, DIAG_WARNING, path, 0, 0, "%s", why);
    g_free(why);
    g_free(lower);
    g_free(path);
}

/* Creates the owner of a folder; NULL (reported) when its name is not a slug or
 * already taken. */
static rr_owner *new_owner(loader *l, const char *dir, const char *name, owner_kind kind,
                           rr_owner *region)
{
    if (!load_is_slug(name)) {
        gchar *hint = g_ascii_strdown(name, -1);
        g_strdelimit(hint, " _.", '-');
        diag_add(l->diags, DIAG_ERROR, dir, 0, 0,
                 tr("mapnaam '%s' is ongeldig: gebruik alleen kleine letters, cijfers en '-', "
                    "bijvoorbeeld '%s'; de map wordt overgeslagen",
                    "folder name '%s' is invalid: use only lower-case letters, digits and '-', "
                    "for example '%s'; the folder is skipped"),
                 name, load_is_slug(hint) ? hint : "west-betuwe");
        g_free(hint);
        return NULL;
    }
    rr_owner *existing = model_find_owner(l->model, name);
    if (existing) {
        diag_add(l->diags, DIAG_ERROR, dir, 0, 0,
                 tr("de naam '%s' is al in gebruik door %s; regio's en gemeenten hebben elk een "
                    "eigen naam",
                    "the name '%s' is already used by %s; regions and municipalities each need "
                    "their own name"),
                 name, existing->dir);
        return NULL;
    }
    rr_owner *o = model_add(l->model, l->model->owners, sizeof *o);
    o->kind = kind;
    o->id = model_intern(l->model, name);
    o->name = o->id;
    o->dir = model_intern(l->model, dir);
    o->region = region;
    o->populations = g_ptr_array_new();
    o->centre = o->veilig_thuis = o->cbs_code = o->source = o->contact = model_intern(l->model, "");
    g_hash_table_insert(l->model->owner_by_id, (gpointer)o->id, o);
    return o;
}

/* Reads every file of one owner's folder, in an order that lets later files refer
 * to earlier ones. */
static void read_owner(loader *l, rr_owner *owner, const folder_listing *listing)
{
    const char *dir = owner->dir;
    bool region = owner->kind == OWNER_REGION;
    read_owner_file(l, dir, listing, region ? &schema_region : &schema_municipality, owner);
    read_owner_file(l, dir, listing, &schema_plans, owner);
    read_owner_file(l, dir, listing, &schema_extensions, owner);
    read_owner_file(l, dir, listing, &schema_action_lines, owner);
    read_owner_file(l, dir, listing, &schema_actions, owner);
    read_owner_file(l, dir, listing, &schema_progress, owner);
    for (guint i = 0; i < listing->files->len; i++) {
        const char *name = g_ptr_array_index(listing->files, i);
        if (is_progress_update(name)) {
            gchar *path = g_build_filename(dir, name, NULL);
            forms_read(l, path, name, owner);
            g_free(path);
        }
    }
    if (region)
        read_owner_file(l, dir, listing, &schema_meetings, owner);
    read_owner_file(l, dir, listing, &schema_figures, owner);
    read_owner_file(l, dir, listing, &schema_budget, owner);
    read_owner_file(l, dir, listing, &schema_populations, owner);

    for (guint i = 0; i < listing->files->len; i++) {
        const char *name = g_ptr_array_index(listing->files, i);
        if (!is_known_owner_file(name, owner->kind) && !is_progress_update(name))
            warn_unread_file(l, dir, name, owner->kind, owner);
    }
}

/* A municipality's folder holds no folders: each one is named, so that a form saved
 * into one is found. */
static void warn_subfolders(loader *l, const char *dir, const folder_listing *listing)
{
    for (guint i = 0; i < listing->dirs->len; i++) {
        gchar *path = g_build_filename(dir, g_ptr_array_index(listing->dirs, i), NULL);
        diag_add(l->diags, DIAG_WARNING, path, 0, 0, "%s",
                 tr("submap van een gemeente: wordt niet gelezen; zet de bestanden erin "
                    "direct in de map van de gemeente",
                    "subfolder of a municipality: it is not read; put the files in it into "
                    "the municipality's folder itself"));
        g_free(path);
    }
}

/* Reads one region folder and its municipalities. */
static void read_region(loader *l, const char *data_dir, const char *name)
{
    gchar *dir = g_build_filename(data_dir, name, NULL);
    rr_owner *region = new_owner(l, dir, name, OWNER_REGION, NULL);
    folder_listing listing;
    if (region && list_folder(l, dir, &listing)) {
        read_owner(l, region, &listing);
        for (guint i = 0; i < listing.dirs->len; i++) {
            const char *sub = g_ptr_array_index(listing.dirs, i);
            gchar *subdir = g_build_filename(dir, sub, NULL);
            rr_owner *municipality = new_owner(l, subdir, sub, OWNER_MUNICIPALITY, region);
            folder_listing sublisting;
            if (municipality && list_folder(l, subdir, &sublisting)) {
                read_owner(l, municipality, &sublisting);
                warn_subfolders(l, subdir, &sublisting);
                free_listing(&sublisting);
            } else if (municipality) {
                free_listing(&sublisting);
            }
            g_free(subdir);
        }
        free_listing(&listing);
    } else if (region) {
        free_listing(&listing);
    }
    g_free(dir);
}

/* Whether region folder `name` is among the requested ones (all when count is 0). */
static bool region_requested(const char *name, const char *const *regions, int count)
{
    if (count == 0)
        return true;
    for (int i = 0; i < count; i++)
        if (strcmp(regions[i], name) == 0)
            return true;
    return false;
}

/* When `name`, asked for as a region, is a municipality's folder in one of the regions,
 * says so and which region to name instead; false when it is none. */
static bool report_municipality_as_region(loader *l, const char *data_dir,
                                          const folder_listing *listing, const char *name)
{
    for (guint k = 0; k < listing->dirs->len; k++) {
        const char *region = g_ptr_array_index(listing->dirs, k);
        char *path = g_build_filename(data_dir, region, name, NULL);
        bool is_municipality = g_file_test(path, G_FILE_TEST_IS_DIR);
        g_free(path);
        if (!is_municipality)
            continue;
        diag_add(l->diags, DIAG_ERROR, data_dir, 0, 0,
                 tr("'%s' is een gemeente in regio '%s', geen regio; schrijf --region %s",
                    "'%s' is a municipality in region '%s', not a region; write --region %s"),
                 name, region, region);
        return true;
    }
    return false;
}

/* Reports every requested region that has no folder. */
static void report_missing_regions(loader *l, const char *data_dir, const folder_listing *listing,
                                   const char *const *regions, int count)
{
    for (int i = 0; i < count; i++) {
        bool found = false;
        for (guint k = 0; k < listing->dirs->len && !found; k++)
            found = strcmp(g_ptr_array_index(listing->dirs, k), regions[i]) == 0;
        if (found)
            continue;
        if (report_municipality_as_region(l, data_dir, listing, regions[i]))
            continue;
        GString *known = g_string_new(NULL);
        for (guint k = 0; k < listing->dirs->len; k++)
            g_string_append_printf(known, "%s%s", k ? ", " : "",
                                   (const char *)g_ptr_array_index(listing->dirs, k));
        char *hint = suggest_hint(regions[i], (const char *const *)listing->dirs->pdata,
                                  listing->dirs->len);
        diag_add(l->diags, DIAG_ERROR, data_dir, 0, 0,
                 tr("regio '%s' bestaat niet; regio's in deze map: %s%s",
                    "region '%s' does not exist; regions in this folder: %s%s"),
                 regions[i], known->str, hint);
        g_free(hint);
        g_string_free(known, TRUE);
    }
}

rr_error load_tree(const char *data_dir, rr_model *model, diag_list *diags)
{
    return load_tree_regions(data_dir, NULL, 0, model, diags);
}

rr_error load_tree_regions(const char *data_dir, const char *const *regions, int count,
                           rr_model *model, diag_list *diags)
{
    loader l = {.model = model, .diags = diags};
    l.seen_progress = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    l.form_checks = g_ptr_array_new();
    folder_listing listing;
    rr_error err = RR_OK;
    if (!list_folder(&l, data_dir, &listing)) {
        free_listing(&listing);
        g_hash_table_destroy(l.seen_progress);
        g_ptr_array_free(l.form_checks, TRUE);
        return RR_ERR_READ;
    }
    gchar *themes = g_build_filename(data_dir, schema_themes.file, NULL);
    gchar *indicators = g_build_filename(data_dir, schema_indicators.file, NULL);
    if (listing_has(&listing, schema_themes.file))
        load_read_file(&l, themes, &schema_themes, NULL);
    else
        diag_add(diags, DIAG_ERROR, themes, 0, 0,
                 tr("bestand ontbreekt; elke datamap heeft een themas.csv",
                    "file is missing; every data folder has a themas.csv"));
    if (listing_has(&listing, schema_indicators.file))
        load_read_file(&l, indicators, &schema_indicators, NULL);
    g_free(themes);
    g_free(indicators);

    report_missing_regions(&l, data_dir, &listing, regions, count);
    for (guint i = 0; i < listing.dirs->len; i++)
        if (region_requested(g_ptr_array_index(listing.dirs, i), regions, count))
            read_region(&l, data_dir, g_ptr_array_index(listing.dirs, i));
    if (listing.dirs->len == 0)
        diag_add(diags, DIAG_ERROR, data_dir, 0, 0,
                 tr("geen regiomappen gevonden; maak per regio een map, bijvoorbeeld "
                    "%s/gelderland-zuid",
                    "no region folders found; make a folder per region, for example "
                    "%s/gelderland-zuid"),
                 data_dir);
    forms_check_copied(&l);
    free_listing(&listing);
    g_hash_table_destroy(l.seen_progress);
    g_ptr_array_free(l.form_checks, TRUE);
    return err;
}

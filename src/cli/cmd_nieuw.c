/* cmd_nieuw.c - `regiorapport nieuw REGIO[/GEMEENTE]`: a new folder, every file with its
 * header row, ready to fill in. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "base/atomic.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "load/load.h"
#include "load/shipped.h"

/* The text of a new `file`: its header row, and for the first file a row with `id`
 * (g_free). */
static char *file_text(const char *file, const char *id)
{
    char *header = load_header_line(file);
    GString *text = g_string_new(header);
    g_string_append_c(text, '\n');
    if (id) {
        /* id, then one empty field per further column */
        g_string_append(text, id);
        for (const char *p = header; *p; p++)
            if (*p == ',')
                g_string_append_c(text, ',');
        g_string_append_c(text, '\n');
    }
    g_free(header);
    return g_string_free(text, FALSE);
}

/* Writes every file of a new folder into its temporary folder `tmp`; the error names
 * the file's place in the folder to be (`final`). */
static rr_error fill_folder(const char *tmp, const char *final, const char *id,
                            const char *const *files, diag_list *diags)
{
    for (size_t i = 0; files[i]; i++) {
        char *text = file_text(files[i], i == 0 ? id : NULL);
        char *path = g_build_filename(tmp, files[i], NULL);
        GError *error = NULL;
        bool ok = g_file_set_contents(path, text, -1, &error);
        if (!ok) {
            char *shown = g_build_filename(final, files[i], NULL);
            diag_add(diags, DIAG_ERROR, shown, 0, 0, "%s: %s",
                     tr("kan niet worden geschreven", "cannot be written"), error->message);
            g_free(shown);
            g_error_free(error);
        }
        g_free(path);
        g_free(text);
        if (!ok)
            return RR_ERR_WRITE;
    }
    return RR_OK;
}

/* What `nieuw` writes: for a new region the shared files of a new data folder, then
 * the new folder; all through base/atomic.h, put in place together, never over
 * anything that exists. */
typedef struct {
    atomic_out *outs; /* room for every shared file and the folder */
    size_t n;
} nieuw_outputs;

/* What a new data folder's shared file starts with: the vocabularies the tool ships
 * (themes, indicators), else only the header row (NULL). */
static const char *shipped_content(const char *file)
{
    if (strcmp(file, "themas.csv") == 0)
        return shipped_themes;
    if (strcmp(file, "indicatoren.csv") == 0)
        return shipped_indicators;
    return NULL;
}

/* The shared files of a data folder (load_folder_files(LOAD_IN_DATA)), made when a new
 * project starts: the vocabularies the tool ships, else the header row. A file that is
 * there already is left as it is. */
static rr_error start_shared_files(const char *data, const char **shared, nieuw_outputs *o,
                                   diag_list *diags)
{
    if (g_mkdir_with_parents(data, 0755) != 0) {
        diag_add(diags, DIAG_ERROR, data, 0, 0, "%s: %s",
                 tr("kan niet worden aangemaakt", "cannot be created"), i18n_strerror(errno));
        return RR_ERR_WRITE;
    }
    for (size_t i = 0; shared[i]; i++) {
        char *path = g_build_filename(data, shared[i], NULL);
        rr_error err = RR_OK;
        if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
            const char *content = shipped_content(shared[i]);
            char *text = content ? g_strdup(content) : file_text(shared[i], NULL);
            err = atomic_file_bytes(&o->outs[o->n], path, text, strlen(text), diags);
            if (err == RR_OK)
                o->outs[o->n++].create_only = true;
            g_free(text);
        }
        g_free(path);
        if (err)
            return err;
    }
    return RR_OK;
}

/* Builds the folder `final` under a hidden temporary name beside it (the loader skips
 * hidden folders) and commits it with the shared files: all or none, synced. */
static rr_error create_folder(const char *final, const char *id, const char *const *files,
                              nieuw_outputs *o, diag_list *diags)
{
    atomic_out *folder = &o->outs[o->n];
    rr_error err = atomic_folder_start(folder, final, diags);
    if (err)
        return err;
    o->n++;
    folder->create_only = true;
    err = fill_folder(folder->tmp_path, final, id, files, diags);
    atomic_out **group = g_new(atomic_out *, o->n);
    for (size_t i = 0; i < o->n; i++)
        group[i] = &o->outs[i];
    if (!err)
        err = atomic_commit(group, o->n, diags);
    g_free(group);
    return err;
}

/* Writes the new folder with `files` (and for a region the shared files); prints what
 * it made. */
static rr_error write_new(const char *data, const char *final, const char *id,
                          const char *const *files, bool municipality)
{
    const char **shared = load_folder_files(LOAD_IN_DATA);
    size_t count = 0;
    while (shared[count])
        count++;
    nieuw_outputs o = {.outs = g_new0(atomic_out, count + 1)};
    diag_list diags;
    diag_list_init(&diags);
    rr_error err = municipality ? RR_OK : start_shared_files(data, shared, &o, &diags);
    if (!err)
        err = create_folder(final, id, files, &o, &diags);
    say_diagnostics(&diags);
    for (size_t i = 0; i < o.n; i++) {
        if (err == RR_OK)
            printf(o.outs[i].kind == ATOMIC_FOLDER ? "%s/\n" : "%s\n", o.outs[i].final_path);
        atomic_discard(&o.outs[i]);
    }
    diag_list_release(&diags);
    g_free(o.outs);
    g_free(shared);
    return err;
}

/* The regions in `data` (folders with a regio.csv), for messages (g_ptr_array_free). */
static GPtrArray *known_regions(const char *data)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GDir *dir = g_dir_open(data, 0, NULL);
    for (const char *name; dir && (name = g_dir_read_name(dir));) {
        char *file = g_build_filename(data, name, "regio.csv", NULL);
        if (g_file_test(file, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add(names, g_strdup(name));
        g_free(file);
    }
    if (dir)
        g_dir_close(dir);
    return names;
}

/* The region of an existing municipality folder named `id`, or NULL (g_free). */
static char *region_holding(const char *data, const char *id)
{
    GPtrArray *regions = known_regions(data);
    char *found = NULL;
    for (guint i = 0; i < regions->len && !found; i++) {
        char *path = g_build_filename(data, g_ptr_array_index(regions, i), id, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR))
            found = g_strdup(g_ptr_array_index(regions, i));
        g_free(path);
    }
    g_ptr_array_free(regions, TRUE);
    return found;
}

/* Whether `id` may become a new folder: not there yet, and not the id of a municipality
 * in any region nor (for a municipality) of a region, as ids are unique over the whole
 * tree. */
static bool id_is_free(const char *data, const char *id, const char *region)
{
    char *holder = region_holding(data, id);
    char *path = region ? g_build_filename(data, region, id, NULL) : g_build_filename(data, id, NULL);
    char *as_region = g_build_filename(data, id, NULL);
    bool taken = g_file_test(path, G_FILE_TEST_EXISTS) || holder ||
                 g_file_test(as_region, G_FILE_TEST_EXISTS);
    g_free(as_region);
    if (taken)
        say_error(tr("'%s' bestaat al (%s%s%s); kies een andere naam",
                     "'%s' exists already (%s%s%s); choose another "
                     "name"),
                  id, data, holder ? "/" : "", holder ? holder : "");
    g_free(path);
    g_free(holder);
    return !taken;
}

/* Says the region does not exist, with the nearest and the list. */
static void report_unknown_region(const char *data, const char *region)
{
    GPtrArray *regions = known_regions(data);
    char *hint = suggest_hint(region, (const char *const *)regions->pdata, regions->len);
    g_ptr_array_add(regions, NULL);
    char *list = g_strjoinv(", ", (char **)regions->pdata);
    say_error(tr("regio '%s' bestaat niet in '%s' (regio's: %s); maak haar "
                 "eerst met 'regiorapport nieuw %s'%s",
                 "region '%s' does not exist in '%s' (regions: %s); create it "
                 "first with 'regiorapport nieuw %s'%s"),
              region, data, *list ? list : "-", region, hint);
    g_free(list);
    g_free(hint);
    g_ptr_array_free(regions, TRUE);
}

/* What to fill in first, after the folder was made. */
static void print_next_steps(const char *path, const char *id, bool municipality)
{
    if (municipality)
        printf(tr("\n%s is klaar om in te vullen. Vul eerst in:\n"
                  "  1. gemeente.csv: naam (en zo mogelijk cbs_code, inwoners, inwoners_peiljaar, "
                  "bron);\n"
                  "  2. plannen.csv: het lokale plan, of niets als de gemeente het regionale plan "
                  "volgt;\n"
                  "  3. acties.csv: een actie per regel, met het plan_id van een plan hier of van "
                  "de regio.\n"
                  "Daarna zegt 'regiorapport validate' wat nog ontbreekt en maakt 'regiorapport "
                  "template %s'\nhet eerste voortgangsformulier.\n",
                  "\n%s is ready to fill in. Fill in first:\n"
                  "  1. gemeente.csv: naam (and if you can cbs_code, inwoners, inwoners_peiljaar, "
                  "bron);\n"
                  "  2. plannen.csv: the local plan, or nothing when the municipality follows the "
                  "regional plan;\n"
                  "  3. acties.csv: one action per row, with the plan_id of a plan here or of the "
                  "region.\n"
                  "Then 'regiorapport validate' says what is still missing and 'regiorapport "
                  "template %s'\nmakes the first update form.\n"),
               path, id);
    else
        printf(tr("\n%s is klaar om in te vullen. Vul eerst in:\n"
                  "  1. regio.csv: naam en centrumgemeente (en veilig_thuis, bron);\n"
                  "  2. plannen.csv: het regionale plan (plan_id, titel, soort, start, eind);\n"
                  "  3. overleggen.csv: de datum van het laatste regionaal overleg.\n"
                  "Daarna per gemeente: 'regiorapport nieuw %s/GEMEENTE'; 'regiorapport "
                  "validate' zegt\nwat nog ontbreekt.\n",
                  "\n%s is ready to fill in. Fill in first:\n"
                  "  1. regio.csv: naam and centrumgemeente (and veilig_thuis, bron);\n"
                  "  2. plannen.csv: the regional plan (plan_id, titel, soort, start, eind);\n"
                  "  3. overleggen.csv: the date of the last regional meeting.\n"
                  "Then for each municipality: 'regiorapport nieuw %s/MUNICIPALITY'; "
                  "'regiorapport validate'\nsays what is still missing.\n"),
               path, id);
}

int cmd_nieuw(harness_run *run)
{
    const char *data = run->opts.data_dir;
    char **parts = g_strsplit(run->opts.target, "/", 3);
    bool valid = parts[0] && load_is_slug(parts[0]) &&
                 (!parts[1] || (load_is_slug(parts[1]) && !parts[2]));
    int status = 0;
    if (!valid) {
        say_error(tr("'%s' is geen REGIO of REGIO/GEMEENTE: mapnamen van "
                     "kleine letters, cijfers en -, zoals gelderland-zuid/tiel",
                     "'%s' is no REGION or REGION/MUNICIPALITY: folder names "
                     "of lower-case letters, digits and -, such as gelderland-zuid/tiel"),
                  run->opts.target);
        status = rr_exit_status(RR_ERR_USAGE);
    } else {
        const char *region = parts[0], *municipality = parts[1];
        char *region_dir = g_build_filename(data, region, NULL);
        char *regio_csv = g_build_filename(region_dir, "regio.csv", NULL);
        const char **files =
            load_folder_files(municipality ? LOAD_IN_MUNICIPALITY : LOAD_IN_REGION);
        if (municipality && !g_file_test(regio_csv, G_FILE_TEST_IS_REGULAR)) {
            report_unknown_region(data, region);
            status = rr_exit_status(RR_ERR_DATA);
        } else if (!id_is_free(data, municipality ? municipality : region,
                               municipality ? region : NULL)) {
            status = rr_exit_status(RR_ERR_DATA);
        } else {
            char *path = municipality ? g_build_filename(region_dir, municipality, NULL)
                                      : g_strdup(region_dir);
            rr_error err = write_new(data, path, municipality ? municipality : region, files,
                                     municipality != NULL);
            if (err == RR_OK)
                print_next_steps(path, municipality ? municipality : region,
                                 municipality != NULL);
            else
                say_note("%s", tr("er is niets geschreven", "nothing was written"));
            status = rr_exit_status(err);
            g_free(path);
        }
        g_free(files);
        g_free(regio_csv);
        g_free(region_dir);
    }
    g_strfreev(parts);
    return status;
}

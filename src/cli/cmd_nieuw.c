/* cmd_nieuw.c - `regiorapport nieuw REGIO[/GEMEENTE]`: a new folder, every file with its
 * header row, ready to fill in. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "load/load.h"
#include "load/shipped.h"

/* Writes dir/file with its header row (and for the first file a row with `id`). */
static bool write_file(const char *dir, const char *file, const char *id, GError **error)
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
    char *path = g_build_filename(dir, file, NULL);
    bool ok = g_file_set_contents(path, text->str, (gssize)text->len, error);
    g_free(path);
    g_string_free(text, TRUE);
    g_free(header);
    return ok;
}

/* Builds the folder under a hidden temporary name beside it (the loader skips hidden
 * folders) and renames it into place: all files or none. */
static bool create_folder(const char *parent, const char *id, const char *const *files,
                          GError **error)
{
    char *tmp = g_build_filename(parent, ".nieuw-XXXXXX", NULL);
    if (!g_mkdtemp(tmp)) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", parent,
                    i18n_strerror(errno));
        g_free(tmp);
        return false;
    }
    bool ok = g_chmod(tmp, 0755) == 0; /* mkdtemp makes it private */
    for (size_t i = 0; files[i] && ok; i++)
        ok = write_file(tmp, files[i], i == 0 ? id : NULL, error);
    char *final = g_build_filename(parent, id, NULL);
    if (ok && g_rename(tmp, final) != 0) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", final,
                    i18n_strerror(errno));
        ok = false;
    }
    if (!ok) {
        for (size_t i = 0; files[i]; i++) {
            char *path = g_build_filename(tmp, files[i], NULL);
            g_unlink(path);
            g_free(path);
        }
        g_rmdir(tmp);
    }
    g_free(final);
    g_free(tmp);
    return ok;
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
 * project starts; a file that is there already is left as it is. */
static bool ensure_data_folder(const char *data, GError **error)
{
    if (g_mkdir_with_parents(data, 0755) != 0) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", data,
                    i18n_strerror(errno));
        return false;
    }
    const char **shared = load_folder_files(LOAD_IN_DATA);
    bool ok = true;
    for (size_t i = 0; shared[i] && ok; i++) {
        char *path = g_build_filename(data, shared[i], NULL);
        if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
            const char *content = shipped_content(shared[i]);
            ok = content ? g_file_set_contents(path, content, -1, error)
                         : write_file(data, shared[i], NULL, error);
            if (ok)
                printf("%s/%s\n", data, shared[i]);
        }
        g_free(path);
    }
    g_free(shared);
    return ok;
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
        GError *error = NULL;
        const char **files =
            load_folder_files(municipality ? LOAD_IN_MUNICIPALITY : LOAD_IN_REGION);
        if (municipality && !g_file_test(regio_csv, G_FILE_TEST_IS_REGULAR)) {
            report_unknown_region(data, region);
            status = rr_exit_status(RR_ERR_DATA);
        } else if (!id_is_free(data, municipality ? municipality : region,
                               municipality ? region : NULL)) {
            status = rr_exit_status(RR_ERR_DATA);
        } else if ((!municipality && !ensure_data_folder(data, &error)) ||
                   !create_folder(municipality ? region_dir : data,
                                  municipality ? municipality : region, files, &error)) {
            say_error(tr("kan niet schrijven: %s", "cannot write: %s"), error->message);
            g_error_free(error);
            status = rr_exit_status(RR_ERR_WRITE);
        } else {
            char *path = municipality ? g_build_filename(region_dir, municipality, NULL)
                                      : g_strdup(region_dir);
            printf("%s/\n", path);
            print_next_steps(path, municipality ? municipality : region, municipality != NULL);
            g_free(path);
        }
        g_free(files);
        g_free(regio_csv);
        g_free(region_dir);
    }
    g_strfreev(parts);
    return status;
}

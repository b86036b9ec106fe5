/* cmd_template.c - `regiorapport template`: a status-update form for one owner. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/suggest.h"
#include "load/load.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "base/i18n.h"
#include "base/infile.h"
#include "cli/harness.h"
#include "load/sheetread.h"
#include "xlsx/template.h"

/* Says that `id` names no owner, the nearest ones, and lists those that exist. */
static void report_unknown_owner(const rr_model *model, const char *id, const char *data_dir)
{
    GString *known = g_string_new(NULL);
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(model->owners, i);
        g_string_append_printf(known, "%s%s", i ? ", " : "", o->id);
        g_ptr_array_add(names, (gpointer)o->id);
    }
    char *hint = suggest_hint(id, (const char *const *)names->pdata, names->len);
    say_error(tr("'%s' is geen gemeente of regio in '%s' (bekend zijn: "
                 "%s)%s",
                 "'%s' is not a municipality or region in '%s' (known "
                 "are: %s)%s"),
              id, data_dir, known->len ? known->str : "-", hint);
    g_free(hint);
    g_ptr_array_free(names, TRUE);
    g_string_free(known, TRUE);
}

/* sheetread callback: the rows of a form as text, cells by tabs. */
static void collect_row(const csvread_row *row, void *ctx)
{
    for (size_t i = 0; i < row->count; i++)
        g_string_append_printf(ctx, "%s%s", i ? "\t" : "", row->fields[i]);
    g_string_append_c(ctx, '\n');
}

/* The Voortgang sheet of a form as text; NULL when it cannot be read. g_free. */
static char *form_rows(const char *path)
{
    static const char *const sheets[] = {"Voortgang", "Progress", NULL};
    diag_list diags;
    diag_list_init(&diags);
    GString *rows = g_string_new(NULL);
    sheetread_file(path, sheets, collect_row, rows, &diags, NULL);
    bool ok = diags.errors == 0;
    diag_list_release(&diags);
    return g_string_free(rows, !ok);
}

/* A file's bytes through base/infile (NULL when it cannot be read). g_free. */
static char *file_bytes(const char *path, size_t *size)
{
    diag_list ignored;
    diag_list_init(&ignored);
    char *bytes = NULL;
    if (infile_read(path, CSV_MAX_FILE_BYTES, "", &bytes, size, &ignored) != INFILE_OK)
        bytes = NULL;
    diag_list_release(&ignored);
    return bytes;
}

/* Whether the file at `path` holds what the new output at `tmp` holds: the CSV byte
 * for byte, the workbook's Voortgang sheet cell for cell (its zip differs by the time
 * it was written). A missing file loses nothing. */
static bool same_as_before(const char *path, const char *tmp, bool workbook)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return true;
    char *old_text = NULL, *new_text = NULL;
    size_t old_size = 0, new_size = 0;
    bool same;
    if (workbook) {
        old_text = form_rows(path);
        new_text = form_rows(tmp);
        same = old_text && new_text && strcmp(old_text, new_text) == 0;
    } else {
        same = (old_text = file_bytes(path, &old_size)) != NULL &&
               (new_text = file_bytes(tmp, &new_size)) != NULL && old_size == new_size &&
               memcmp(old_text, new_text, old_size) == 0;
    }
    g_free(old_text);
    g_free(new_text);
    return same;
}

/* What stands at a form's place in --out must be a regular file, or nothing: a
 * folder, FIFO, socket, device or a link that leads nowhere is named as what it is
 * (a FIFO would also block the comparison below), with --force too. */
static bool places_are_free(const atomic_out *outs, diag_list *diags)
{
    bool free_places = true;
    for (int i = 0; i < 2; i++) {
        struct stat st;
        if (lstat(outs[i].final_path, &st) != 0)
            continue;
        int fd = infile_open(outs[i].final_path,
                             tr("hier schrijft template het formulier: verwijder of hernoem "
                                "wat er staat, of kies een andere map met --out",
                                "template writes the form here: remove or rename what is "
                                "there, or choose another folder with --out"),
                             diags);
        if (fd < 0)
            free_places = false;
        else
            close(fd);
    }
    return free_places;
}

/* A form that is there and differs from the new one (filled in, most likely) is kept:
 * the answers in it must not be lost to a second `template`. */
static bool form_would_be_lost(const atomic_out *outs, diag_list *diags)
{
    for (int i = 0; i < 2; i++) {
        if (same_as_before(outs[i].final_path, outs[i].tmp_path, i == 0))
            continue;
        diag_add(diags, DIAG_ERROR, outs[i].final_path, 0, 0, "%s",
                 tr("het formulier bestaat al en wijkt af van het nieuwe (is het ingevuld?); "
                    "zet het eerst in de map van de gemeente of regio, of vervang het met "
                    "--force",
                    "the form already exists and differs from the new one (is it filled "
                    "in?); put it into the municipality's or region's folder first, or "
                    "replace it with --force"));
        return true;
    }
    return false;
}

/* One owner's two files: where they go and their temporary versions. */
typedef struct {
    char *xlsx_path;
    char *csv_path;
    atomic_out outs[2]; /* the workbook, the CSV */
} form_pair;

/* Builds an owner's CSV and workbook under temporary names beside their destinations;
 * an error when they would replace a form that differs (unless `force`). */
static rr_error build_pair(form_pair *p, const rr_options *opts, const rr_model *model,
                           const rr_analysis *an, const rr_owner *owner, diag_list *diags)
{
    char iso[16];
    date_format_iso(opts->as_of, iso, sizeof iso);
    char *xlsx_name = g_strdup_printf("voortgang-%s-%s.xlsx", owner->id, iso);
    char *csv_name = g_strdup_printf("voortgang-%s-%s.csv", owner->id, iso);
    p->xlsx_path = g_build_filename(opts->out_dir, xlsx_name, NULL);
    p->csv_path = g_build_filename(opts->out_dir, csv_name, NULL);
    size_t size = 0;
    char *csv = template_csv_text(model, an, owner, &size);
    rr_error err = atomic_file_bytes(&p->outs[1], p->csv_path, csv, size, diags);
    g_free(csv);
    if (err == RR_OK)
        err = template_write_xlsx(p->xlsx_path, csv_name, model, an, owner, &p->outs[0], diags);
    if (err == RR_OK && !places_are_free(p->outs, diags))
        err = RR_ERR_WRITE;
    if (err == RR_OK && !opts->force && form_would_be_lost(p->outs, diags))
        err = RR_ERR_WRITE;
    g_free(xlsx_name);
    g_free(csv_name);
    return err;
}

/* Builds every owner's pair, then puts all files in place together (base/atomic.h):
 * every form lands, or none does. Errors go to `diags`. */
static rr_error write_pairs(form_pair *pairs, const GPtrArray *owners, const rr_options *opts,
                            const rr_model *model, const rr_analysis *an, diag_list *diags)
{
    rr_error err = RR_OK;
    for (guint i = 0; i < owners->len && err == RR_OK; i++)
        err = build_pair(&pairs[i], opts, model, an, g_ptr_array_index(owners, i), diags);
    if (err == RR_OK) {
        atomic_out **all = g_new(atomic_out *, 2 * owners->len);
        for (guint i = 0; i < owners->len; i++) {
            all[2 * i] = &pairs[i].outs[0];
            all[2 * i + 1] = &pairs[i].outs[1];
        }
        err = atomic_commit(all, (int)(2 * owners->len), diags);
        g_free(all);
    }
    return err;
}

/* Creates the output folder and writes the forms of `owners`; prints their paths. */
static rr_error write_template(const rr_options *opts, const rr_model *model,
                               const GPtrArray *owners)
{
    if (g_mkdir_with_parents(opts->out_dir, 0755) != 0) {
        say_error(tr("kan de map '%s' niet aanmaken: %s", "cannot create the folder '%s': %s"),
                  opts->out_dir, i18n_strerror(errno));
        return RR_ERR_WRITE;
    }
    rr_analysis *an = analysis_new(model, opts->as_of, opts->since);
    form_pair *pairs = g_new0(form_pair, owners->len);
    diag_list diags;
    diag_list_init(&diags);
    rr_error err = write_pairs(pairs, owners, opts, model, an, &diags);
    say_diagnostics(&diags);
    diag_list_release(&diags);
    for (guint i = 0; i < owners->len; i++) {
        if (err == RR_OK)
            printf("%s\n%s\n", pairs[i].xlsx_path, pairs[i].csv_path);
        atomic_discard(&pairs[i].outs[0]);
        atomic_discard(&pairs[i].outs[1]);
        g_free(pairs[i].xlsx_path);
        g_free(pairs[i].csv_path);
    }
    if (err != RR_OK)
        say_note(tr("er is niets geschreven; de vorige bestanden blijven staan",
                    "nothing was written; the previous files stay as they were"));
    g_free(pairs);
    analysis_free(an);
    return err;
}

/* The owners whose forms are asked for: the one named, or with --all the region named
 * and each of its municipalities. NULL (said) when --all names a municipality. */
static GPtrArray *chosen_owners(const harness_run *run, const rr_owner *owner)
{
    GPtrArray *owners = g_ptr_array_new();
    g_ptr_array_add(owners, (gpointer)owner);
    if (!run->opts.all)
        return owners;
    if (owner->kind != OWNER_REGION) {
        say_error(tr("--all schrijft de formulieren van een regio, en '%s' is een gemeente in "
                     "regio '%s'; schrijf 'regiorapport template --all %s' of laat --all weg",
                     "--all writes the forms of a region, and '%s' is a municipality in region "
                     "'%s'; write 'regiorapport template --all %s' or leave out --all"),
                  owner->id, owner->region->id, owner->region->id);
        g_ptr_array_free(owners, TRUE);
        return NULL;
    }
    for (guint i = 0; i < run->model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(run->model->owners, i);
        if (o->region == owner)
            g_ptr_array_add(owners, (gpointer)o);
    }
    return owners;
}

/* Warns when the form will have no rows: the owner has no actions yet. */
static void warn_if_empty(const rr_model *model, const rr_owner *owner)
{
    for (guint i = 0; i < model->actions->len; i++)
        if (((const rr_action *)g_ptr_array_index(model->actions, i))->owner == owner)
            return;
    say_warning(tr("%s heeft geen acties; het formulier is leeg",
                   "%s has no actions; the form is empty"),
                owner->id);
}

int cmd_template(harness_run *run)
{
    if (!load_is_slug(run->opts.target)) {
        /* A folder name, never a path ("../x"): a mistake in the call, as for --region. */
        say_error(tr("'%s' is geen gemeente of regio: geef de mapnaam "
                     "(kleine letters, cijfers en -), zoals west-betuwe",
                     "'%s' is not a municipality or region: give the "
                     "folder name (lower-case letters, digits and -), such as west-betuwe"),
                  run->opts.target);
        return rr_exit_status(RR_ERR_USAGE);
    }
    rr_error err = run->load_error;
    const rr_owner *owner =
        err == RR_ERR_READ ? NULL : model_find_owner(run->model, run->opts.target);
    if (err != RR_ERR_READ && !owner) {
        /* An unknown name is reported before any other problem in the data: it is
         * what the user asked for. Exit 1, as for an unknown --region. */
        report_unknown_owner(run->model, run->opts.target, run->opts.data_dir);
        return rr_exit_status(RR_ERR_DATA);
    }
    if (!harness_data_usable(run)) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        return rr_exit_status(err);
    }
    GPtrArray *owners = chosen_owners(run, owner);
    if (!owners)
        return rr_exit_status(RR_ERR_USAGE);
    harness_print_forms(run->model);
    harness_hint_warnings(&run->diags);
    for (guint i = 0; i < owners->len; i++)
        warn_if_empty(run->model, g_ptr_array_index(owners, i));
    int status = harness_exit_status(run, write_template(&run->opts, run->model, owners));
    g_ptr_array_free(owners, TRUE);
    return status;
}

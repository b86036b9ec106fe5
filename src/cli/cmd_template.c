/* cmd_template.c - `regiorapport template`: a status-update form for one owner. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/suggest.h"
#include "load/load.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "base/i18n.h"
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

/* Whether the file at `path` holds what the new output at `tmp` holds: the CSV byte
 * for byte, the workbook's Voortgang sheet cell for cell (its zip differs by the time
 * it was written). A missing file loses nothing. */
static bool same_as_before(const char *path, const char *tmp, bool workbook)
{
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        return true;
    char *old_text = NULL, *new_text = NULL;
    gsize old_size = 0, new_size = 0;
    bool same;
    if (workbook) {
        old_text = form_rows(path);
        new_text = form_rows(tmp);
        same = old_text && new_text && strcmp(old_text, new_text) == 0;
    } else {
        same = g_file_get_contents(path, &old_text, &old_size, NULL) &&
               g_file_get_contents(tmp, &new_text, &new_size, NULL) && old_size == new_size &&
               memcmp(old_text, new_text, old_size) == 0;
    }
    g_free(old_text);
    g_free(new_text);
    return same;
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

/* Writes the CSV and the workbook to temporary files, then puts both in place
 * together (base/atomic.h): either both files land or neither; not at all when they
 * would replace a form that differs (unless `force`). Errors go to `diags`. */
static rr_error write_pair(const char *xlsx_path, const char *csv_path, const char *csv_name,
                           const rr_model *model, const rr_analysis *an, const rr_owner *owner,
                           bool force, diag_list *diags)
{
    size_t size = 0;
    char *csv = template_csv_text(model, an, owner, &size);
    atomic_out outs[2] = {{0}, {0}};
    rr_error err = atomic_file_bytes(&outs[1], csv_path, csv, size, diags);
    g_free(csv);
    if (err == RR_OK)
        err = template_write_xlsx(xlsx_path, csv_name, model, an, owner, &outs[0], diags);
    if (err == RR_OK && !force && form_would_be_lost(outs, diags))
        err = RR_ERR_WRITE;
    atomic_out *both[] = {&outs[0], &outs[1]};
    if (err == RR_OK)
        err = atomic_commit(both, 2, diags);
    atomic_discard(&outs[0]);
    atomic_discard(&outs[1]);
    return err;
}

/* Creates the output folder and writes both files; prints their paths. */
static rr_error write_template(const rr_options *opts, const rr_model *model,
                               const rr_owner *owner)
{
    if (g_mkdir_with_parents(opts->out_dir, 0755) != 0) {
        say_error(tr("kan de map '%s' niet aanmaken: %s", "cannot create the folder '%s': %s"),
                  opts->out_dir, i18n_strerror(errno));
        return RR_ERR_WRITE;
    }
    char iso[16];
    date_format_iso(opts->as_of, iso, sizeof iso);
    char *xlsx_name = g_strdup_printf("voortgang-%s-%s.xlsx", owner->id, iso);
    char *csv_name = g_strdup_printf("voortgang-%s-%s.csv", owner->id, iso);
    char *xlsx_path = g_build_filename(opts->out_dir, xlsx_name, NULL);
    char *csv_path = g_build_filename(opts->out_dir, csv_name, NULL);
    rr_analysis *an = analysis_new(model, opts->as_of, opts->since);
    diag_list diags;
    diag_list_init(&diags);
    rr_error err = write_pair(xlsx_path, csv_path, csv_name, model, an, owner, opts->force,
                              &diags);
    say_diagnostics(&diags);
    diag_list_release(&diags);
    if (err == RR_OK)
        printf("%s\n%s\n", xlsx_path, csv_path);
    else
        say_note(tr("er is niets geschreven; de vorige bestanden blijven "
                    "staan",
                    "nothing was written; the previous files stay as they "
                    "were"));
    analysis_free(an);
    g_free(xlsx_name);
    g_free(csv_name);
    g_free(xlsx_path);
    g_free(csv_path);
    return err;
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
    if (err != RR_OK) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        return rr_exit_status(err);
    }
    harness_hint_warnings(&run->diags);
    warn_if_empty(run->model, owner);
    return rr_exit_status(write_template(&run->opts, run->model, owner));
}

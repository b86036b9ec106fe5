/* cmd_handout.c - `regiorapport handout`: one A4 page per municipality and region. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "cli/harness.h"
#include "cli/pdfprint.h"
#include "xlsx/handout.h"

/* The owners named on the command line, or every owner; NULL (message printed) when
 * a name is unknown. */
static GPtrArray *chosen_owners(const rr_options *opts, const rr_model *model)
{
    GPtrArray *owners = g_ptr_array_new();
    if (opts->target_count == 0) {
        for (guint i = 0; i < model->owners->len; i++)
            g_ptr_array_add(owners, g_ptr_array_index(model->owners, i));
        return owners;
    }
    for (int i = 0; i < opts->target_count; i++) {
        rr_owner *o = model_find_owner(model, opts->targets[i]);
        if (!o) {
            GPtrArray *names = g_ptr_array_new();
            for (guint k = 0; k < model->owners->len; k++)
                g_ptr_array_add(names, (gpointer)((rr_owner *)g_ptr_array_index(model->owners, k))->id);
            char *hint = suggest_hint(opts->targets[i], (const char *const *)names->pdata,
                                      names->len);
            say_error(tr("'%s' is geen gemeente of regio in '%s'; schrijf "
                         "de mapnaam, zoals west-betuwe%s",
                         "'%s' is not a municipality or region in '%s'; "
                         "write its folder name, such as west-betuwe%s"),
                      opts->targets[i], opts->data_dir, hint);
            g_free(hint);
            g_ptr_array_free(names, TRUE);
            g_ptr_array_free(owners, TRUE);
            return NULL;
        }
        g_ptr_array_add(owners, o);
    }
    return owners;
}

/* The analysis as of an owner's previous meeting, one per distinct date (regions
 * meet on their own days). The table owns the analyses. */
static const rr_analysis *analysis_before(GHashTable *cache, const rr_model *model, rr_date date)
{
    rr_analysis *an = g_hash_table_lookup(cache, GINT_TO_POINTER((gint)date));
    if (!an) {
        an = analysis_new(model, date, RR_DATE_NONE);
        g_hash_table_insert(cache, GINT_TO_POINTER((gint)date), an);
    }
    return an;
}

/* Checks that LibreOffice wrote every page in `tmp`; then moves them beside their
 * xlsx in `dir` and prints their paths. All or none: a PDF from an earlier run is
 * never left looking like this run's. */
static rr_error move_pdfs(const char *tmp, const char *dir, GPtrArray *xlsx_paths)
{
    for (guint i = 0; i < xlsx_paths->len; i++) {
        char *made = pdfprint_pdf_path(tmp, g_ptr_array_index(xlsx_paths, i));
        char *final = pdfprint_pdf_path(dir, g_ptr_array_index(xlsx_paths, i));
        bool ok = pdfprint_is_pdf(made);
        if (!ok)
            say_error(tr("LibreOffice schreef %s niet; geen PDF "
                         "vervangen",
                         "LibreOffice did not write %s; no PDF "
                         "replaced"),
                      final);
        g_free(made);
        g_free(final);
        if (!ok)
            return RR_ERR_WRITE;
    }
    for (guint i = 0; i < xlsx_paths->len; i++) {
        char *made = pdfprint_pdf_path(tmp, g_ptr_array_index(xlsx_paths, i));
        char *final = pdfprint_pdf_path(dir, g_ptr_array_index(xlsx_paths, i));
        rr_error err = RR_OK;
        if (g_rename(made, final) != 0) {
            say_error(tr("kan '%s' niet schrijven: %s", "cannot write '%s': %s"), final,
                      i18n_strerror(errno));
            err = RR_ERR_WRITE;
        } else {
            printf("%s\n", final);
        }
        g_free(made);
        g_free(final);
        if (err)
            return err;
    }
    return RR_OK;
}

/* Prints the pages to PDF in a hidden temporary folder inside `dir`, then puts them in
 * place only when every one was made. */
static rr_error write_pdfs(const char *dir, GPtrArray *xlsx_paths, bool quiet)
{
    gint64 started = g_get_monotonic_time();
    char *tmpl = g_build_filename(dir, ".pdf-XXXXXX", NULL);
    if (!g_mkdtemp(tmpl)) {
        say_error(tr("kan geen tijdelijke map maken in '%s': %s",
                     "cannot make a temporary folder in '%s': %s"),
                  dir, i18n_strerror(errno));
        g_free(tmpl);
        return RR_ERR_WRITE;
    }
    rr_error err = pdfprint_convert(tmpl, xlsx_paths, true);
    if (err == RR_OK)
        err = move_pdfs(tmpl, dir, xlsx_paths);
    atomic_remove_tree(tmpl);
    if (err == RR_OK && !quiet)
        say_note(tr("%u PDF's in %.1f s", "%u PDFs in %.1f s"), xlsx_paths->len,
                 (double)(g_get_monotonic_time() - started) / G_USEC_PER_SEC);
    g_free(tmpl);
    return err;
}

/* Writes one handout per owner into `dir`; prints each path. Keeps going after a
 * failed file so one run reports every failure; returns the first error. */
static rr_error write_handouts(const rr_options *opts, const rr_model *model,
                               GPtrArray *owners, const char *dir, GPtrArray *written)
{
    rr_analysis *an = analysis_new(model, opts->as_of, opts->since);
    GHashTable *before = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                               (GDestroyNotify)analysis_free);
    rr_error first = RR_OK;
    for (guint i = 0; i < owners->len; i++) {
        const rr_owner *owner = g_ptr_array_index(owners, i);
        const owner_summary *o = analysis_owner(an, owner);
        const rr_analysis *was = o && o->since != RR_DATE_NONE
                                     ? analysis_before(before, model, o->since)
                                     : NULL;
        char *name = g_strconcat(owner->id, ".xlsx", NULL);
        char *path = g_build_filename(dir, name, NULL);
        diag_list diags;
        diag_list_init(&diags);
        rr_error err = handout_write(path, model, an, was, owner, &diags);
        say_diagnostics(&diags);
        diag_list_release(&diags);
        if (err == RR_OK) {
            printf("%s\n", path);
            g_ptr_array_add(written, path);
        } else {
            g_free(path);
            if (first == RR_OK)
                first = err;
        }
        g_free(name);
    }
    g_hash_table_destroy(before);
    analysis_free(an);
    return first;
}

/* Creates OUT/handout-<as-of>/, writes the pages and, with --pdf, prints them. */
static rr_error run_handout(const rr_options *opts, const rr_model *model, GPtrArray *owners)
{
    char iso[16];
    date_format_iso(opts->as_of, iso, sizeof iso);
    char *folder = g_strconcat("handout-", iso, NULL);
    char *dir = g_build_filename(opts->out_dir, folder, NULL);
    g_free(folder);
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        say_error(tr("kan de map '%s' niet aanmaken: %s", "cannot create the folder '%s': %s"),
                  dir, i18n_strerror(errno));
        g_free(dir);
        return RR_ERR_WRITE;
    }
    GPtrArray *written = g_ptr_array_new_with_free_func(g_free);
    rr_error err = write_handouts(opts, model, owners, dir, written);
    if (opts->pdf && written->len > 0) {
        rr_error pdf = write_pdfs(dir, written, opts->quiet);
        if (err == RR_OK)
            err = pdf;
    }
    g_ptr_array_free(written, TRUE);
    g_free(dir);
    return err;
}

int cmd_handout(harness_run *run)
{
    rr_error err = run->load_error;
    GPtrArray *owners = err == RR_ERR_READ ? NULL : chosen_owners(&run->opts, run->model);
    int status;
    if (err != RR_ERR_READ && !owners) {
        /* An unknown name, whatever else is wrong: exit 1, as an unknown --region. */
        status = rr_exit_status(RR_ERR_DATA);
    } else if (err != RR_OK) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        status = rr_exit_status(err);
    } else {
        harness_hint_warnings(&run->diags);
        status = rr_exit_status(run_handout(&run->opts, run->model, owners));
    }
    if (owners)
        g_ptr_array_free(owners, TRUE);
    return status;
}

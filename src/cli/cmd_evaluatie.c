/* cmd_evaluatie.c - `regiorapport evaluatie`: the mid-term evaluation document per region. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "analyse/evaluation.h"
#include "base/atomic.h"
#include "base/i18n.h"
#include "base/progress.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/harness.h"
#include "cli/pdfprint.h"
#include "cli/progressline.h"
#include "cli/say.h"
#include "xlsx/evaluation.h"

/* One region's document: its plans (NULL: every plan), and its outputs. */
typedef struct {
    const rr_owner *region;
    GPtrArray *only;        /* rr_plan* named on the command line, or NULL */
    char *xlsx_path;
    atomic_out xlsx;
    atomic_out pdf;
} region_doc;

static void region_doc_free(gpointer data)
{
    region_doc *d = data;
    if (d->only)
        g_ptr_array_free(d->only, TRUE);
    g_free(d->xlsx_path);
    atomic_discard(&d->xlsx);
    atomic_discard(&d->pdf);
    g_free(d);
}

/* The document of `region` in `docs`, added when new. */
static region_doc *doc_of(GPtrArray *docs, const rr_owner *region)
{
    for (guint i = 0; i < docs->len; i++) {
        region_doc *d = g_ptr_array_index(docs, i);
        if (d->region == region)
            return d;
    }
    region_doc *d = g_new0(region_doc, 1);
    d->region = region;
    g_ptr_array_add(docs, d);
    return d;
}

/* Says that `name` is no region or plan, with the nearest one. */
static void unknown_target(const rr_options *opts, const rr_model *model, const char *name)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 0; k < model->owners->len; k++) {
        const rr_owner *o = g_ptr_array_index(model->owners, k);
        if (o->kind == OWNER_REGION)
            g_ptr_array_add(names, g_strdup(o->id));
    }
    for (guint k = 0; k < model->plans->len; k++) {
        const rr_plan *p = g_ptr_array_index(model->plans, k);
        g_ptr_array_add(names, g_strconcat(p->owner->id, "/", p->id, NULL));
    }
    char *hint = suggest_hint(name, (const char *const *)names->pdata, names->len);
    const rr_owner *o = model_find_owner(model, name);
    if (o && o->kind == OWNER_MUNICIPALITY)
        say_error(tr("'%s' is een gemeente; noem haar regio (%s) of een van haar plannen als "
                     "%s/<plan_id>",
                     "'%s' is a municipality; name its region (%s) or one of its plans as "
                     "%s/<plan_id>"),
                  name, o->region->id, o->id);
    else
        say_error(tr("'%s' is geen regio of plan in '%s'; schrijf de mapnaam van een regio, "
                     "zoals gelderland-zuid, of een plan als <map>/<plan_id>%s",
                     "'%s' is not a region or plan in '%s'; write a region's folder name, "
                     "such as gelderland-zuid, or a plan as <folder>/<plan_id>%s"),
                  name, opts->data_dir, hint);
    g_free(hint);
    g_ptr_array_free(names, TRUE);
}

/* A named plan: "<owner>/<plan_id>". NULL when there is none. */
static const rr_plan *find_plan(const rr_model *model, const char *name)
{
    const char *slash = strchr(name, '/');
    if (!slash)
        return NULL;
    char *owner = g_strndup(name, (gsize)(slash - name));
    const rr_plan *plan = model_find_plan(model, owner, slash + 1);
    g_free(owner);
    return plan;
}

/* The documents the command line asks for: one per region named or holding a plan
 * named, or one per region. NULL (message printed) when a name is unknown. */
static GPtrArray *chosen_docs(const rr_options *opts, const rr_model *model)
{
    GPtrArray *docs = g_ptr_array_new_with_free_func(region_doc_free);
    for (guint i = 0; opts->target_count == 0 && i < model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(model->owners, i);
        if (o->kind == OWNER_REGION)
            doc_of(docs, o);
    }
    /* Regions named whole first, so a plan named beside its region adds nothing. */
    GPtrArray *whole = g_ptr_array_new();
    for (int i = 0; i < opts->target_count; i++) {
        const rr_owner *o = model_find_owner(model, opts->targets[i]);
        if (o && o->kind == OWNER_REGION) {
            doc_of(docs, o);
            g_ptr_array_add(whole, (gpointer)o);
        }
    }
    for (int i = 0; i < opts->target_count; i++) {
        const rr_owner *o = model_find_owner(model, opts->targets[i]);
        if (o && o->kind == OWNER_REGION)
            continue;
        const rr_plan *plan = find_plan(model, opts->targets[i]);
        if (!plan) {
            unknown_target(opts, model, opts->targets[i]);
            g_ptr_array_free(whole, TRUE);
            g_ptr_array_free(docs, TRUE);
            return NULL;
        }
        const rr_owner *region = plan->owner->region ? plan->owner->region : plan->owner;
        bool named_whole = g_ptr_array_find(whole, region, NULL);
        region_doc *d = doc_of(docs, region);
        if (named_whole)
            continue;
        if (!d->only)
            d->only = g_ptr_array_new();
        g_ptr_array_add(d->only, (gpointer)plan);
    }
    g_ptr_array_free(whole, TRUE);
    return docs;
}

/* Writes each region's workbook to its temporary file. */
static rr_error write_workbooks(const rr_options *opts, const rr_model *model,
                                const rr_analysis *an, GPtrArray *docs, diag_list *diags)
{
    char iso[16];
    date_format_iso(opts->as_of, iso, sizeof iso);
    for (guint i = 0; i < docs->len; i++) {
        region_doc *d = g_ptr_array_index(docs, i);
        progress_step(tr("evaluatie schrijven", "writing the evaluation"), i + 1, docs->len);
        char *name = g_strdup_printf("evaluatie-%s-%s.xlsx", d->region->id, iso);
        d->xlsx_path = g_build_filename(opts->out_dir, name, NULL);
        g_free(name);
        rr_evaluation *ev = evaluation_new(model, an, d->region, d->only);
        rr_error err = evaluation_write_xlsx(d->xlsx_path, an, ev, &d->xlsx, diags);
        evaluation_free(ev);
        if (err != RR_OK)
            return err;
    }
    return RR_OK;
}

/* Prints every workbook to PDF: each under its final name (a link to its temporary
 * file) in a hidden folder in --out, so LibreOffice names the PDF after it; then each
 * PDF moves to a temporary file beside its destination, to be committed with the
 * workbooks. */
static rr_error print_pdfs(const rr_options *opts, GPtrArray *docs, diag_list *diags)
{
    char *folder = g_build_filename(opts->out_dir, ".evaluatie-pdf-XXXXXX", NULL);
    if (!g_mkdtemp(folder)) {
        diag_add(diags, DIAG_ERROR, opts->out_dir, 0, 0,
                 tr("kan geen tijdelijke map maken: %s", "cannot make a temporary folder: %s"),
                 i18n_strerror(errno));
        g_free(folder);
        return RR_ERR_WRITE;
    }
    GPtrArray *inputs = g_ptr_array_new_with_free_func(g_free);
    rr_error err = RR_OK;
    for (guint i = 0; i < docs->len && err == RR_OK; i++) {
        region_doc *d = g_ptr_array_index(docs, i);
        char *base = g_path_get_basename(d->xlsx_path);
        char *input = g_build_filename(folder, base, NULL);
        g_free(base);
        if (link(d->xlsx.tmp_path, input) != 0) {
            diag_add(diags, DIAG_ERROR, d->xlsx_path, 0, 0, "%s", i18n_strerror(errno));
            err = RR_ERR_WRITE;
        }
        g_ptr_array_add(inputs, input);
    }
    progress_step(tr("pdf maken", "making the PDF"), 0, 0);
    if (err == RR_OK)
        err = pdfprint_convert(folder, inputs, false);
    for (guint i = 0; i < docs->len && err == RR_OK; i++) {
        region_doc *d = g_ptr_array_index(docs, i);
        char *made = pdfprint_pdf_path(folder, d->xlsx_path);
        char *final = pdfprint_pdf_path(opts->out_dir, d->xlsx_path);
        if (!pdfprint_is_pdf(made)) {
            diag_add(diags, DIAG_ERROR, final, 0, 0, "%s",
                     tr("LibreOffice schreef deze PDF niet; niets vervangen",
                        "LibreOffice did not write this PDF; nothing replaced"));
            err = RR_ERR_WRITE;
        }
        if (err == RR_OK)
            err = atomic_file_start(&d->pdf, final, NULL, diags);
        if (err == RR_OK && g_rename(made, d->pdf.tmp_path) != 0) {
            diag_add(diags, DIAG_ERROR, final, 0, 0, "%s", i18n_strerror(errno));
            err = RR_ERR_WRITE;
        }
        g_free(made);
        g_free(final);
    }
    g_ptr_array_free(inputs, TRUE);
    atomic_remove_tree(folder);
    g_free(folder);
    return err;
}

/* Puts every workbook and PDF in place together, or none; prints their paths. */
static rr_error commit_all(GPtrArray *docs, diag_list *diags)
{
    GPtrArray *outs = g_ptr_array_new();
    for (guint i = 0; i < docs->len; i++) {
        region_doc *d = g_ptr_array_index(docs, i);
        g_ptr_array_add(outs, &d->xlsx);
        if (d->pdf.tmp_path)
            g_ptr_array_add(outs, &d->pdf);
    }
    rr_error err = atomic_commit((atomic_out *const *)outs->pdata, outs->len, diags);
    for (guint i = 0; err == RR_OK && i < outs->len; i++)
        printf("%s\n", ((atomic_out *)g_ptr_array_index(outs, i))->final_path);
    g_ptr_array_free(outs, TRUE);
    return err;
}

static rr_error run_evaluatie(const rr_options *opts, const rr_model *model, GPtrArray *docs)
{
    if (g_mkdir_with_parents(opts->out_dir, 0755) != 0) {
        say_error(tr("kan de map '%s' niet aanmaken: %s", "cannot create the folder '%s': %s"),
                  opts->out_dir, i18n_strerror(errno));
        return RR_ERR_WRITE;
    }
    diag_list diags;
    diag_list_init(&diags);
    rr_analysis *an = analysis_new(model, opts->as_of, RR_DATE_NONE);
    rr_error err = write_workbooks(opts, model, an, docs, &diags);
    analysis_free(an);
    if (err == RR_OK && opts->pdf)
        err = print_pdfs(opts, docs, &diags);
    if (err == RR_OK)
        err = commit_all(docs, &diags);
    progressline_clear();
    say_diagnostics(&diags);
    diag_list_release(&diags);
    return err;
}

int cmd_evaluatie(harness_run *run)
{
    rr_error err = run->load_error;
    GPtrArray *docs = err == RR_ERR_READ ? NULL : chosen_docs(&run->opts, run->model);
    int status;
    if (err != RR_ERR_READ && !docs) {
        status = rr_exit_status(RR_ERR_DATA);
    } else if (err != RR_OK) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        status = rr_exit_status(err);
    } else {
        harness_hint_warnings(&run->diags);
        status = rr_exit_status(run_evaluatie(&run->opts, run->model, docs));
    }
    if (docs)
        g_ptr_array_free(docs, TRUE);
    return status;
}

/* cmd_handout.c - `regiorapport handout`: one A4 page per municipality and region. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/i18n.h"
#include "base/pdf.h"
#include "base/spawn.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "cli/harness.h"
#include "cli/pdfprint.h"
#include "xlsx/cells.h"
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

/* What one handout run writes: a page per owner and, with --pdf, its PDF, put in
 * place together (base/atomic.h) or not at all. */
typedef struct {
    const char *dir;   /* OUT/handout-<as-of> */
    GPtrArray *paths;  /* each page's destination (g_free) */
    atomic_out *pages; /* their temporary files, as many as paths */
    atomic_out *pdfs;  /* with --pdf: the adopted PDFs, as many as paths */
    diag_list diags;   /* every error of writing */
} handout_outputs;

/* `folder`/NAME.`ext` for the page `xlsx` (g_free). */
static char *sibling_in(const char *folder, const char *xlsx, const char *ext)
{
    char *base = g_path_get_basename(xlsx);
    base[strlen(base) - strlen(".xlsx")] = '\0';
    char *name = g_strconcat(base, ext, NULL);
    char *path = g_build_filename(folder, name, NULL);
    g_free(name);
    g_free(base);
    return path;
}

/* Gives LibreOffice the page at `tmp` under its own name `as` (it names the PDF after
 * it): a second link to the temporary file, or a copy where links are not allowed. */
static bool offer_page(const char *tmp, const char *as)
{
    if (link(tmp, as) == 0)
        return true;
    char *bytes = NULL;
    gsize size = 0;
    bool ok = g_file_get_contents(tmp, &bytes, &size, NULL) &&
              g_file_set_contents(as, bytes, (gssize)size, NULL);
    g_free(bytes);
    return ok;
}

/* Takes every PDF LibreOffice wrote in `pdf_dir` into the group, checked complete and
 * with the run's creation time (base/pdf.h); an error names each one missing. */
static rr_error adopt_pdfs(handout_outputs *o, const char *pdf_dir, time_t when)
{
    rr_error first = RR_OK;
    for (guint i = 0; i < o->paths->len; i++) {
        const char *page = g_ptr_array_index(o->paths, i);
        char *made = sibling_in(pdf_dir, page, ".pdf");
        char *final = sibling_in(o->dir, page, ".pdf");
        rr_error err = atomic_file_adopt(&o->pdfs[i], made, final, ATOMIC_PDF, &o->diags);
        int error = err == RR_OK ? pdf_set_time(o->pdfs[i].tmp_path, when) : 0;
        if (error) {
            diag_add(&o->diags, DIAG_ERROR, final, 0, 0, "%s: %s",
                     tr("kan niet worden geschreven", "cannot be written"),
                     i18n_strerror(error));
            err = RR_ERR_WRITE;
        }
        if (err && first == RR_OK)
            first = err;
        g_free(final);
        g_free(made);
    }
    return first;
}

/* "1 PDF in 0,8 s", "367 PDF's in 41,0 s" (English: "1 PDF in 0.8 s", "367 PDFs"):
 * how long printing took, the count in the singular for one, the seconds with the
 * reader's decimal sign. */
static void say_pdf_time(guint pdfs, gint64 microseconds)
{
    char *count = i18n_count((long)pdfs, "PDF", "PDF's", "PDF", "PDFs");
    char *seconds = g_strdup_printf("%.1f", (double)microseconds / G_USEC_PER_SEC);
    if (i18n_lang() == LANG_NL)
        g_strdelimit(seconds, ".", ',');
    say_note(tr("%s in %s s", "%s in %s s"), count, seconds);
    g_free(seconds);
    g_free(count);
}

/* Prints every page to PDF with one headless LibreOffice run, in a hidden scratch
 * folder inside the handout folder, and adopts the PDFs into the group. */
static rr_error print_pdfs(handout_outputs *o, const char *soffice, time_t when, bool quiet)
{
    char *tmpl = g_build_filename(o->dir, ".pdf-XXXXXX", NULL);
    char *scratch = atomic_scratch_folder(tmpl);
    gint64 started = g_get_monotonic_time();
    rr_error err = RR_ERR_WRITE;
    if (!scratch) {
        diag_add(&o->diags, DIAG_ERROR, o->dir, 0, 0, "%s: %s",
                 tr("kan geen tijdelijke map maken", "cannot make a temporary folder"),
                 i18n_strerror(errno));
    } else {
        char *pages = g_build_filename(scratch, "pages", NULL);
        char *pdfs = g_build_filename(scratch, "pdf", NULL);
        bool offered = g_mkdir(pages, 0700) == 0 && g_mkdir(pdfs, 0700) == 0;
        GPtrArray *offers = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; offered && i < o->paths->len; i++) {
            char *as = sibling_in(pages, g_ptr_array_index(o->paths, i), ".xlsx");
            offered = offer_page(o->pages[i].tmp_path, as);
            g_ptr_array_add(offers, as);
        }
        if (!offered)
            diag_add(&o->diags, DIAG_ERROR, scratch, 0, 0, "%s: %s",
                     tr("kan niet worden geschreven", "cannot be written"),
                     i18n_strerror(errno));
        err = offered ? pdfprint_run(soffice, pdfs, offers) : RR_ERR_WRITE;
        if (err == RR_OK)
            err = adopt_pdfs(o, pdfs, when);
        if (err == RR_OK && !quiet)
            say_pdf_time(o->paths->len, g_get_monotonic_time() - started);
        g_ptr_array_free(offers, TRUE);
        g_free(pdfs);
        g_free(pages);
    }
    atomic_scratch_remove(scratch);
    g_free(tmpl);
    return err;
}

/* Writes one page per owner into a temporary file. Keeps going after a failed page so
 * one run reports every failure; returns the first error. */
static rr_error write_pages(const rr_options *opts, const rr_model *model, GPtrArray *owners,
                            handout_outputs *o)
{
    rr_analysis *an = analysis_new(model, opts->as_of, opts->since);
    GHashTable *before = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                               (GDestroyNotify)analysis_free);
    rr_error first = RR_OK;
    for (guint i = 0; i < owners->len; i++) {
        const rr_owner *owner = g_ptr_array_index(owners, i);
        const owner_summary *s = analysis_owner(an, owner);
        const rr_analysis *was = s && s->since != RR_DATE_NONE
                                     ? analysis_before(before, model, s->since)
                                     : NULL;
        char *name = g_strconcat(owner->id, ".xlsx", NULL);
        g_ptr_array_add(o->paths, g_build_filename(o->dir, name, NULL));
        g_free(name);
        rr_error err = handout_write(g_ptr_array_index(o->paths, i), model, an, was, owner,
                                     &o->pages[i], &o->diags);
        if (err != RR_OK && first == RR_OK)
            first = err;
    }
    g_hash_table_destroy(before);
    analysis_free(an);
    return first;
}

/* Puts every page and PDF in place together; prints their paths. */
static rr_error commit_all(handout_outputs *o, bool pdf)
{
    guint n = o->paths->len;
    GPtrArray *group = g_ptr_array_new();
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(group, &o->pages[i]);
    for (guint i = 0; pdf && i < n; i++)
        g_ptr_array_add(group, &o->pdfs[i]);
    rr_error err = atomic_commit((atomic_out *const *)group->pdata, group->len, &o->diags);
    for (guint i = 0; err == RR_OK && i < group->len; i++)
        printf("%s\n", ((atomic_out *)g_ptr_array_index(group, i))->final_path);
    g_ptr_array_free(group, TRUE);
    return err;
}

/* Says that --pdf needs LibreOffice and which package brings it. */
static void no_soffice(void)
{
    say_error("%s", tr("--pdf heeft LibreOffice nodig (soffice); installeer het pakket "
                       PDFPRINT_PACKAGE " (apt-get install " PDFPRINT_PACKAGE ")",
                       "--pdf needs LibreOffice (soffice); install the package "
                       PDFPRINT_PACKAGE " (apt-get install " PDFPRINT_PACKAGE ")"));
}

/* Writes the pages of OUT/handout-<as-of>/ and, with --pdf, their PDFs, as one unit:
 * any failure leaves every previous page and PDF as it was. */
static rr_error write_unit(const rr_options *opts, const rr_model *model, GPtrArray *owners,
                           handout_outputs *o)
{
    char *soffice = opts->pdf ? g_find_program_in_path("soffice") : NULL;
    if (opts->pdf && !soffice) { /* before anything is written */
        no_soffice();
        return RR_ERR_WRITE;
    }
    char *made = NULL;
    rr_error err = atomic_make_folder(o->dir, &made, &o->diags);
    if (!err)
        err = write_pages(opts, model, owners, o);
    if (!err && opts->pdf && owners->len > 0) {
        err = print_pdfs(o, soffice, xlsx_document_time(opts->as_of), opts->quiet);
    }
    if (!err)
        err = commit_all(o, opts->pdf && owners->len > 0);
    for (guint i = 0; i < owners->len; i++) { /* before the folder they are in */
        atomic_discard(&o->pages[i]);
        atomic_discard(&o->pdfs[i]);
    }
    atomic_made_folder_release(made, err == RR_OK);
    g_free(soffice);
    return err;
}

/* Creates OUT/handout-<as-of>/ with the pages and, with --pdf, their PDFs. */
static rr_error run_handout(const rr_options *opts, const rr_model *model, GPtrArray *owners)
{
    char iso[16];
    date_format_iso(opts->as_of, iso, sizeof iso);
    char *folder = g_strconcat("handout-", iso, NULL);
    char *dir = g_build_filename(opts->out_dir, folder, NULL);
    g_free(folder);
    handout_outputs o = {.dir = dir, .paths = g_ptr_array_new_with_free_func(g_free),
                         .pages = g_new0(atomic_out, owners->len),
                         .pdfs = g_new0(atomic_out, owners->len)};
    diag_list_init(&o.diags);
    rr_error err = write_unit(opts, model, owners, &o);
    say_diagnostics(&o.diags);
    if (err != RR_OK) {
        say_note("%s", tr("er is niets geschreven; de vorige hand-outs en PDF's blijven "
                          "staan",
                          "nothing was written; the previous handouts and PDFs stay as "
                          "they were"));
    }
    diag_list_release(&o.diags);
    g_free(o.pages);
    g_free(o.pdfs);
    g_ptr_array_free(o.paths, TRUE);
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
    } else if (!harness_data_usable(run)) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        status = rr_exit_status(err);
    } else {
        harness_print_forms(run->model);
        harness_hint_warnings(&run->diags);
        status = harness_exit_status(run, run_handout(&run->opts, run->model, owners));
    }
    if (owners)
        g_ptr_array_free(owners, TRUE);
    return status;
}

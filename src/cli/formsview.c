/* formsview.c - the returned forms' receipts on the terminal. */
#include "cli/formsview.h"

#include "analyse/receipts.h"
#include "base/i18n.h"
#include "cli/say.h"

/* A receipt's sentence, control characters visible. */
static void put_receipt(FILE *out, const rr_form *f)
{
    char *text = receipts_coordinator_text(f);
    fputs("  ", out);
    diag_put_printable(text, out);
    fputc('\n', out);
    g_free(text);
}

void formsview_print_unused(FILE *out, const rr_model *model)
{
    size_t n = model_forms_not_used(model);
    if (n == 0)
        return;
    fprintf(out, tr("Teruggestuurde formulieren die niet meetellen (%zu):\n",
                    "Returned forms that do not count (%zu):\n"),
            n);
    for (guint i = 0; i < model->forms->len; i++) {
        const rr_form *f = g_ptr_array_index(model->forms, i);
        if (f->outcome == FORM_READ)
            continue;
        put_receipt(out, f);
        /* What the sender must fix, each at its cell (a form not read: its errors, such
         * as a file that is no file; a warning would only repeat the reason). */
        for (size_t k = 0; f->problems.errors > 0 && k < f->problems.count; k++) {
            fputs("    ", out);
            diag_print(&f->problems.items[k], out);
        }
    }
}

void formsview_print_read(FILE *out, const rr_model *model)
{
    if (!model || model->forms->len == model_forms_not_used(model))
        return;
    fputs(tr("Teruggestuurde formulieren gelezen:\n", "Returned forms read:\n"), out);
    for (guint i = 0; i < model->forms->len; i++) {
        const rr_form *f = g_ptr_array_index(model->forms, i);
        if (f->outcome == FORM_READ)
            put_receipt(out, f);
    }
}

/* A form's problems as hints under its warning, each "path:place: fout: ...". */
static void say_problems(const rr_form *f)
{
    for (size_t k = 0; f->problems.errors > 0 && k < f->problems.count; k++) {
        const diag *d = &f->problems.items[k];
        char place[160];
        diag_place(d, place, sizeof place);
        say_hint("    %s%s: %s: %s", d->path, place,
                 d->severity == DIAG_ERROR ? tr("fout", "error") : tr("waarschuwing", "warning"),
                 d->message);
    }
}

void formsview_say(const rr_model *model)
{
    for (int pass = 0; pass < 2 && model; pass++)
        for (guint i = 0; i < model->forms->len; i++) {
            const rr_form *f = g_ptr_array_index(model->forms, i);
            if ((f->outcome != FORM_READ) != (pass == 0))
                continue;
            char *text = receipts_coordinator_text(f);
            if (pass == 0) {
                say_warning("%s", text);
                say_problems(f);
            } else {
                say_note("%s", text);
            }
            g_free(text);
        }
}

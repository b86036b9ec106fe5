/* formsview.c - the returned forms' receipts on the terminal. */
#include "cli/formsview.h"

#include "analyse/receipts.h"
#include "base/i18n.h"

void formsview_print_unused(FILE *out, const rr_model *model)
{
    size_t n = model_forms_not_used(model);
    if (n == 0)
        return;
    fprintf(out, tr("Teruggestuurde formulieren die niet meetellen (%zu):\n",
                    "Returned forms that do not count (%zu):\n"),
            n);
    GPtrArray *forms = receipts_of(model, NULL, true);
    for (guint i = 0; i < forms->len; i++) {
        const rr_form *f = g_ptr_array_index(forms, i);
        char *text = receipts_coordinator_text(f);
        fprintf(out, "  %s\n", text);
        g_free(text);
        /* What the sender must fix, each at its cell (a form not read: its errors, such
         * as a file that is no file; a warning would only repeat the reason). */
        for (size_t k = 0; f->problems.errors > 0 && k < f->problems.count; k++) {
            fputs("    ", out);
            diag_print(&f->problems.items[k], out);
        }
    }
    g_ptr_array_free(forms, TRUE);
}

void formsview_print_read(FILE *out, const rr_model *model)
{
    if (!model || model->forms->len == model_forms_not_used(model))
        return;
    fputs(tr("Teruggestuurde formulieren gelezen:\n", "Returned forms read:\n"), out);
    for (guint i = 0; i < model->forms->len; i++) {
        const rr_form *f = g_ptr_array_index(model->forms, i);
        if (f->outcome != FORM_READ)
            continue;
        char *text = receipts_coordinator_text(f);
        fprintf(out, "  %s\n", text);
        g_free(text);
    }
}

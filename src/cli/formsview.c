/* formsview.c - the returned forms' receipts on the terminal. */
#include "cli/formsview.h"

#include "base/i18n.h"

/* "1 fout" / "2 fouten" and the like. */
static void put_count(FILE *out, size_t n, const char *one, const char *many)
{
    fprintf(out, "%zu %s", n, n == 1 ? one : many);
}

/* One form that did not count: for the coordinator, then what its sender must fix. */
static void print_unused(FILE *out, const rr_form *f)
{
    if (f->outcome == FORM_NOT_READ) {
        fprintf(out, tr("  het formulier van %s is niet gelezen: %s: %s\n",
                        "  the form of %s was not read: %s: %s\n"),
                f->owner->name, f->name, f->reason);
        return;
    }
    fprintf(out, tr("  het formulier van %s is niet verwerkt: %s heeft ",
                    "  the form of %s was not processed: %s has "),
            f->owner->name, f->name);
    put_count(out, f->cells_in_error, tr("fout", "error"), tr("fouten", "errors"));
    fprintf(out, tr("; geen van zijn meldingen telt mee. Wat %s moet verbeteren:\n",
                    "; none of its reports count. What %s must fix:\n"),
            f->owner->name);
    for (size_t i = 0; i < f->problems.count; i++) {
        fputs("    ", out);
        diag_print(&f->problems.items[i], out);
    }
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
        if (f->outcome != FORM_READ)
            print_unused(out, f);
    }
}

void formsview_print_read(FILE *out, const rr_model *model)
{
    bool any = false;
    for (guint i = 0; model && i < model->forms->len; i++) {
        const rr_form *f = g_ptr_array_index(model->forms, i);
        if (f->outcome != FORM_READ)
            continue;
        if (!any)
            fputs(tr("Teruggestuurde formulieren gelezen:\n", "Returned forms read:\n"), out);
        any = true;
        fprintf(out, "  %s: %s: ", f->owner->name, f->name);
        put_count(out, f->rows_read, tr("melding", "report"), tr("meldingen", "reports"));
        fputs(", ", out);
        put_count(out, f->rows_empty, tr("regel leeg", "row left empty"),
                  tr("regels leeg", "rows left empty"));
        if (f->problems.warnings > 0) {
            fputs(", ", out);
            put_count(out, f->problems.warnings, tr("waarschuwing", "warning"),
                      tr("waarschuwingen", "warnings"));
        }
        fputc('\n', out);
    }
}

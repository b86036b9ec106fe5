/* receipts.c - the returned forms' receipts as sentences. */
#include "analyse/receipts.h"

#include "base/i18n.h"

const char *receipts_outcome_label(form_outcome outcome)
{
    switch (outcome) {
    case FORM_LEFT_OUT:
        return tr("formulier niet verwerkt", "form not processed");
    case FORM_NOT_READ:
        return tr("formulier niet gelezen", "form not read");
    case FORM_READ:
        break;
    }
    return tr("formulier gelezen", "form read");
}

/* "3 meldingen, 1 regel leeg" (g_free). */
static char *rows_text(const rr_form *f)
{
    return g_strdup_printf("%zu %s, %zu %s", f->rows_read,
                           f->rows_read == 1 ? tr("melding", "report") : tr("meldingen", "reports"),
                           f->rows_empty,
                           f->rows_empty == 1 ? tr("regel leeg", "row left empty")
                                              : tr("regels leeg", "rows left empty"));
}

/* "1 fout" / "2 fouten". */
static char *errors_text(size_t n)
{
    return g_strdup_printf("%zu %s", n, n == 1 ? tr("fout", "error") : tr("fouten", "errors"));
}

char *receipts_coordinator_text(const rr_form *f)
{
    if (f->outcome == FORM_NOT_READ)
        return g_strdup_printf(tr("het formulier van %s is niet gelezen: %s: %s",
                                  "the form of %s was not read: %s: %s"),
                               f->owner->name, f->name, f->reason);
    if (f->outcome == FORM_LEFT_OUT) {
        char *errors = errors_text(f->cells_in_error);
        char *text = g_strdup_printf(
            tr("het formulier van %s is niet verwerkt: %s heeft %s; geen van zijn meldingen "
               "telt mee. Vraag %s de fouten te verbeteren en het opnieuw te sturen",
               "the form of %s was not processed: %s has %s; none of its reports count. Ask "
               "%s to fix the errors and send it again"),
            f->owner->name, f->name, errors, f->owner->name);
        g_free(errors);
        return text;
    }
    char *rows = rows_text(f);
    char *text = g_strdup_printf(tr("%s van %s is gelezen: %s", "%s of %s was read: %s"),
                                 f->name, f->owner->name, rows);
    g_free(rows);
    return text;
}

char *receipts_sender_text(const rr_form *f)
{
    if (f->outcome == FORM_NOT_READ)
        return g_strdup_printf(tr("Uw formulier %s is niet gelezen: %s.",
                                  "Your form %s was not read: %s."),
                               f->name, f->reason);
    if (f->outcome == FORM_LEFT_OUT) {
        char *errors = errors_text(f->cells_in_error);
        char *text = g_strdup_printf(
            tr("Uw formulier %s is niet verwerkt: het heeft %s, hieronder. Niets ervan telt "
               "mee tot u de fouten verbetert en het opnieuw stuurt.",
               "Your form %s was not processed: it has %s, below. None of it counts until you "
               "fix the errors and send it again."),
            f->name, errors);
        g_free(errors);
        return text;
    }
    char *rows = rows_text(f);
    char *text = g_strdup_printf(tr("Uw formulier %s is verwerkt: %s.",
                                    "Your form %s was processed: %s."),
                                 f->name, rows);
    g_free(rows);
    return text;
}

GPtrArray *receipts_of(const rr_model *model, const rr_owner *owner, bool unused_only)
{
    GPtrArray *list = g_ptr_array_new();
    for (guint i = 0; i < model->forms->len; i++) {
        const rr_form *f = g_ptr_array_index(model->forms, i);
        if ((!owner || f->owner == owner) && (!unused_only || f->outcome != FORM_READ))
            g_ptr_array_add(list, (gpointer)f);
    }
    return list;
}

/*
 * receipts.h - what came of each returned form, said in one sentence for the one who
 * reads it: the coordinator (terminal, Controle, Overzicht) or the form's sender (the
 * owner's handout). The loader records the receipts (model->forms); the terminal, the
 * workbook and the handout print these sentences, so they never disagree.
 * Returned strings are new (g_free).
 */
#ifndef RR_RECEIPTS_H
#define RR_RECEIPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "load/model.h"

/* "niet verwerkt", "niet gelezen", "gelezen" (the kind column of Controle). */
const char *receipts_outcome_label(form_outcome outcome);

/* For the coordinator: "het formulier van West Betuwe is niet verwerkt: x.xlsx heeft 2
 * fouten; geen van zijn meldingen telt mee", "... is niet gelezen: x.xls: <reason>",
 * "x.csv van Arnhem is gelezen: 3 meldingen, 1 regel leeg". */
char *receipts_coordinator_text(const rr_form *form);

/* For the sender, on its own page: "Uw formulier x.xlsx is niet verwerkt: ...; verbeter
 * ... en stuur het opnieuw" and the like. */
char *receipts_sender_text(const rr_form *form);

/* The owner's forms (every owner: NULL), only those not read or left out when
 * `unused_only`: a new array of const rr_form* (g_ptr_array_free(.., TRUE)). */
GPtrArray *receipts_of(const rr_model *model, const rr_owner *owner, bool unused_only);

#endif

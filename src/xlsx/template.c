/* template.c - the status-update workbook and CSV of one owner. */
#include "xlsx/template.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "xlsx/cells.h"
#include "xlsx/sheet.h"

/* ---- the CSV ---------------------------------------------------------------- */

/* Whether a value is one a spreadsheet would take as a formula (docs/pitfalls.md). */
static bool looks_like_formula(const char *value)
{
    return value[0] != '\0' && strchr("=+-@\t\r\n", value[0]) != NULL;
}

/* Whether a field must be quoted to survive a CSV reader (libcsv trims edge spaces). */
static bool needs_quotes(const char *value)
{
    size_t n = strlen(value);
    if (n == 0)
        return false;
    return strpbrk(value, ";,\"\r\n") != NULL || value[0] == ' ' || value[0] == '\t' ||
           value[n - 1] == ' ' || value[n - 1] == '\t';
}

char *template_csv_field(const char *value)
{
    bool protect = looks_like_formula(value);
    if (!protect && !needs_quotes(value))
        return g_strdup(value);
    GString *s = g_string_new("\"");
    if (protect)
        g_string_append_c(s, '\'');
    for (const char *p = value; *p; p++) {
        if (*p == '"')
            g_string_append_c(s, '"');
        g_string_append_c(s, *p);
    }
    g_string_append_c(s, '"');
    return g_string_free(s, FALSE);
}

char *template_source_note(const rr_owner *owner, rr_date as_of)
{
    char iso[16];
    date_format_iso(as_of, iso, sizeof iso);
    return g_strdup_printf(tr("voortgangsformulier %s %s", "progress form %s %s"), owner->id,
                           iso);
}

/* Appends one CSV field and its delimiter (or the line end after the last). */
static void put_field(GString *s, const char *value, bool last)
{
    char *field = template_csv_field(value);
    g_string_append(s, field);
    g_string_append(s, last ? "\r\n" : (const char[]){TEMPLATE_CSV_DELIMITER, '\0'});
    g_free(field);
}

char *template_csv_text(const rr_model *model, const rr_analysis *an, const rr_owner *owner,
                        size_t *size)
{
    GString *s = g_string_new("\xEF\xBB\xBF"); /* Excel reads a file without BOM as ANSI */
    for (int c = 0; c < FORM_COL_COUNT; c++)
        put_field(s, vocab_form_column_name((form_column)c), c + 1 == FORM_COL_COUNT);
    char *note = template_source_note(owner, an->as_of);
    for (guint i = 0; i < model->actions->len; i++) {
        const rr_action *a = g_ptr_array_index(model->actions, i);
        const action_view *v = analysis_action(an, a);
        if (a->owner != owner || !v)
            continue;
        char deadline[16], updated[16];
        date_format_nl(v->deadline, deadline, sizeof deadline);
        date_format_nl(v->latest ? v->latest->date.value.last : RR_DATE_NONE, updated,
                       sizeof updated);
        put_field(s, a->id, false);
        put_field(s, a->title, false);
        /* recurring or unknown: the plan's own words, as on the sheet */
        put_field(s, v->deadline != RR_DATE_NONE ? deadline : a->planning.text, false);
        put_field(s, vocab_status_label(v->status), false);
        put_field(s, updated, false);
        put_field(s, v->latest ? v->latest->note : "", false);
        put_field(s, "", false);
        put_field(s, "", false);
        put_field(s, "", false);
        put_field(s, note, true);
    }
    g_free(note);
    *size = s->len;
    return g_string_free(s, FALSE);
}

/* ---- the workbook ------------------------------------------------------------ */

/* Columns of the Voortgang sheet, in the order of the form's column table (vocab.h),
 * which the loader reads by: what is known first, what to fill in after. */
enum {
    TC_ID = FORM_COL_ID,
    TC_TITLE = FORM_COL_TITLE,
    TC_DEADLINE = FORM_COL_DEADLINE,
    TC_STATUS_NOW = FORM_COL_STATUS_NOW,
    TC_LAST_UPDATE = FORM_COL_LAST_UPDATE,
    TC_LAST_NOTE = FORM_COL_LAST_NOTE,
    TC_DATE = FORM_COL_DATE,
    TC_STATUS = FORM_COL_STATUS,
    TC_NOTE = FORM_COL_NOTE,
    TC_SOURCE = FORM_COL_SOURCE,
    TC_COUNT = FORM_COL_COUNT
};

/* Everything the instructions mention. */
typedef struct {
    const rr_owner *owner;
    const rr_owner *region;
    rr_date as_of;
    rr_date next_meeting;
    bool next_estimated;    /* by the rhythm: the region recorded no meeting it follows */
    const char *csv_name;
} about;

/* A row of the instructions whose text is made here (freed here). */
static void put_pair(sheet *s, const char *label, char *text)
{
    sheet_pair(s, label, text);
    g_free(text);
}

/* A label with a date beside it. */
static void put_date(sheet *s, const char *label, rr_date date)
{
    sheet_text_format(s, 0, label, s->f->bold);
    sheet_date(s, 1, date);
    sheet_next_row(s);
}

/* The header of the instructions: whose form, which dates, to whom it goes back. */
static void write_intro(sheet *s, const about *ab)
{
    char *title = g_strdup_printf(tr("Voortgangsformulier %s", "Progress form %s"),
                                  ab->owner->name);
    sheet_title(s, title, NULL);
    g_free(title);
    put_pair(s, tr("Van", "For"), g_strdup_printf("%s (%s)", ab->owner->name, ab->owner->id));
    put_date(s, tr("Stand per", "Status as of"), ab->as_of);
    sheet_text_format(s, 0, tr("Volgend overleg", "Next meeting"), s->f->bold);
    sheet_date(s, 1, ab->next_meeting);
    if (ab->next_estimated) /* the date cell stays a date; the word beside it */
        sheet_text(s, 2, tr("geschat", "estimated"));
    sheet_next_row(s);
    char *to = ab->region->centre[0]
                   ? g_strdup_printf(tr("de coördinator van %s (centrumgemeente %s)",
                                        "the coordinator of %s (centre municipality %s)"),
                                     ab->region->name, ab->region->centre)
                   : g_strdup_printf(tr("de coördinator van %s", "the coordinator of %s"),
                                     ab->region->name);
    put_pair(s, tr("Terugsturen aan", "Send back to"), to);
    sheet_next_row(s);
}

/* The next numbered step (the text is taken and freed). */
static void put_step(sheet *s, int *number, char *text)
{
    char label[16];
    snprintf(label, sizeof label, "%d.", ++*number);
    put_pair(s, label, text);
}

/* The steps 3 to 5: the rules of the form, the same for every owner. {nl, en}. */
static const char *const FORM_RULES[][2] = {
    {"Vul datum en status altijd allebei in. Laat beide leeg bij acties waarover u niets te "
     "melden heeft: die regels worden overgeslagen.",
     "Always fill in both datum and status. Leave both empty for actions you have nothing to "
     "report on: those rows are skipped."},
    {"Verander de kolom actie_id niet en voeg geen regels toe of weg. Een nieuwe actie geeft u "
     "apart door aan de coördinator.",
     "Do not change the actie_id column and do not add or delete rows. Report a new action to "
     "the coordinator separately."},
    {"De kolom bron is al ingevuld; u mag er een verwijzing naar uw eigen stuk van maken "
     "(bijvoorbeeld een collegebesluit).",
     "The bron (source) column is filled in already; you may replace it with a reference to "
     "your own document (a council decision, say)."},
};

/* The names of the form's columns of one kind (all kinds: FORM_COL_COUNT), "a, b en c".
 * g_free. */
static char *column_names(int kind)
{
    GPtrArray *names = g_ptr_array_new();
    for (int c = 0; c < FORM_COL_COUNT; c++)
        if (kind == FORM_COL_COUNT || (int)vocab_form_column_kind((form_column)c) == kind)
            g_ptr_array_add(names, (gpointer)vocab_form_column_name((form_column)c));
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(s, "%s%s",
                               i == 0 ? "" : i + 1 == names->len ? tr(" en ", " and ") : ", ",
                               (const char *)g_ptr_array_index(names, i));
    g_ptr_array_free(names, TRUE);
    return g_string_free(s, FALSE);
}

/* The numbered steps for whoever fills the form in. */
static void write_steps(sheet *s, const about *ab)
{
    date_text as_of = date_text_nl(ab->as_of);
    int number = 0;
    sheet_heading(s, tr("Zo vult u het in", "How to fill it in"));
    put_step(s, &number, g_strdup_printf(
        tr("Open het blad %s. Elke regel is één actie van %s, met de status op %s en de "
           "laatste melding.",
           "Open the sheet %s. Each row is one action of %s, with its status on %s and the "
           "latest report."),
        vocab_sheet_name(SHEET_FORM_PROGRESS), ab->owner->name, as_of.text));
    put_step(s, &number, g_strdup_printf(
        tr("Heeft u iets te melden over een actie? Vul dan de gele kolommen in: datum (de "
           "datum van uw melding, bijvoorbeeld %s), status (kies uit de lijst) en een korte "
           "toelichting: wat is er gebeurd, wat is de volgende stap.",
           "Anything to report on an action? Fill in the yellow columns: datum (the date of "
           "your report, for example %s), status (choose from the list) and a short "
           "toelichting (note): what happened, what is the next step."),
        as_of.text));
    for (size_t i = 0; i < G_N_ELEMENTS(FORM_RULES); i++)
        put_step(s, &number, g_strdup(tr(FORM_RULES[i][0], FORM_RULES[i][1])));
    char *copied = column_names(FORM_COPIED);
    put_step(s, &number, g_strdup_printf(
        tr("Alleen de gele kolommen worden gelezen. De blauwe kolommen laten zien wat bekend "
           "is en kunnen in dit blad niet worden veranderd. Verandert u %s toch (in een kopie "
           "of in de CSV), dan komt het formulier terug: elke veranderde cel is een fout.",
           "Only the yellow columns are read. The blue columns show what is known and cannot "
           "be changed in this sheet. If you change %s all the same (in a copy or in the "
           "CSV), the form comes back to you: every changed cell is an error."),
        copied));
    g_free(copied);
    char *next = calendar_meeting_date_text(ab->next_meeting, ab->next_estimated);
    put_step(s, &number, g_strdup_printf(
        tr("Sla het bestand op en stuur het terug vóór het volgende overleg: %s.",
           "Save the file and send it back before the next meeting: %s."),
        next));
    g_free(next);
    char *all = column_names(FORM_COL_COUNT);
    put_step(s, &number, g_strdup_printf(
        tr("Liever zonder dit werkblad? Het bestand %s heeft dezelfde acties in dezelfde "
           "volgorde, met dezelfde %d kolommen (%s); vul daarin op dezelfde manier alleen "
           "datum, status en toelichting in en stuur het terug.",
           "Rather without this workbook? The file %s has the same actions in the same order, "
           "with the same %d columns (%s); fill in only datum, status and toelichting in the "
           "same way and send it back."),
        ab->csv_name, FORM_COL_COUNT, all));
    g_free(all);
    sheet_next_row(s);
}

/* Every column of the form and what it holds, from the table the loader reads by. */
static void write_columns(sheet *s)
{
    sheet_heading(s, tr("De kolommen", "The columns"));
    for (int c = 0; c < FORM_COL_COUNT; c++)
        sheet_pair(s, vocab_form_column_name((form_column)c),
                   vocab_form_column_meaning((form_column)c));
    sheet_next_row(s);
}

/* The statuses to choose from, and the note for the coordinator. */
static void write_statuses_and_merge(sheet *s, const about *ab)
{
    sheet_heading(s, tr("Statussen", "Statuses"));
    for (int i = STATUS_PLANNED; i < STATUS_COUNT; i++)
        sheet_pair(s, vocab_status_label((rr_status)i), vocab_status_meaning((rr_status)i));
    sheet_next_row(s);
    sheet_heading(s, tr("Voor de coördinator", "For the coordinator"));
    char *folder = ab->owner->region
                       ? g_strdup_printf("%s/%s/", ab->owner->region->id, ab->owner->id)
                       : g_strdup_printf("%s/", ab->owner->id);
    put_pair(s, tr("Terug", "Returned"),
             g_strdup_printf(tr("Zet het teruggestuurde bestand zoals het is (deze werkmap als "
                                ".xlsx of .ods, of %s) in de map %s van de gegevens, naast "
                                "voortgang.csv. Het blad %s wordt gelezen zoals het terugkomt: "
                                "niets over te nemen. Controleer daarna met 'regiorapport "
                                "validate'.",
                                "Put the returned file as it is (this workbook as .xlsx or "
                                ".ods, or %s) into the folder %s of the data, beside "
                                "voortgang.csv. The sheet %s is read as it comes back: nothing "
                                "to copy. Then check with 'regiorapport validate'."),
                             ab->csv_name, folder, vocab_sheet_name(SHEET_FORM_PROGRESS)));
    put_pair(s, tr("Fouten", "Errors"),
             g_strdup(tr("Een formulier met een fout telt helemaal niet mee, de rest van het "
                         "rapport wel; validate, status en report noemen de cel en wat de "
                         "afzender moet verbeteren. Kolommen die de afzender toevoegt, worden "
                         "niet gelezen (een waarschuwing noemt ze).",
                         "A form with an error does not count at all, the rest of the report "
                         "does; validate, status and report name the cell and what the sender "
                         "must fix. Columns the sender adds are not read (a warning names "
                         "them).")));
    g_free(folder);
}

/* The sheet that explains the form: a page of text, upright. */
static void write_instructions(sheet *s, const about *ab)
{
    static const double widths[] = {20, 100};
    sheet_fixed_widths(s, widths, 2);
    sheet_portrait(s);
    write_intro(s, ab);
    write_steps(s, ab);
    write_columns(s);
    write_statuses_and_merge(s, ab);
}

/* The header row of the Voortgang sheet; the input columns stand out. */
static void write_progress_header(sheet *s)
{
    static const char *names[TC_COUNT]; /* static: the sheet keeps a pointer to it */
    for (int c = 0; c < TC_COUNT; c++)
        names[c] = vocab_form_column_name((form_column)c);
    /* "laatste update" fits on one line at 16 */
    static const double widths[TC_COUNT] = {12, 50, 12, 16, 16, 40, 13, 15, 40, 30};
    sheet_input_columns(s, TC_DATE, TC_COUNT - TC_DATE);
    sheet_freeze_columns(s, TC_TITLE + 1); /* actie_id and title stay in view */
    sheet_header(s, names, TC_COUNT, widths);
    sheet_fixed_widths(s, widths, TC_COUNT);
}

/* One action's row: what is known, then the empty input cells (bron pre-filled). */
static void write_progress_row(sheet *s, const action_view *v, const char *note)
{
    const rr_action *a = v->action;
    const sheet_formats *f = s->f;
    sheet_text(s, TC_ID, a->id);
    sheet_text(s, TC_TITLE, a->title);
    if (v->deadline != RR_DATE_NONE)
        sheet_date(s, TC_DEADLINE, v->deadline);
    else /* recurring or unknown: the plan's own words */
        sheet_text(s, TC_DEADLINE, a->planning.text);
    sheet_text(s, TC_STATUS_NOW, vocab_status_label(v->status));
    sheet_date(s, TC_LAST_UPDATE, v->latest ? v->latest->date.value.last : RR_DATE_NONE);
    sheet_text(s, TC_LAST_NOTE, v->latest ? v->latest->note : "");
    sheet_date_format(s, TC_DATE, RR_DATE_NONE, f->input_date);
    sheet_text_format(s, TC_STATUS, "", f->input);
    sheet_text_format(s, TC_NOTE, "", f->input_text);
    sheet_text_format(s, TC_SOURCE, note, f->input);
    sheet_next_row(s);
}

/* The drop-down of statuses on the status column and a date check on the date column,
 * both over the action rows (first..last, 0-based). */
static void add_validations(sheet *s, lxw_row_t first, lxw_row_t last)
{
    const char *items[STATUS_COUNT];
    size_t n = 0;
    for (int i = STATUS_PLANNED; i < STATUS_COUNT; i++)
        items[n++] = vocab_status_label((rr_status)i);
    items[n] = NULL;
    const sheet_prompt list = {
        "status",
        tr("Kies de nieuwe status uit de lijst.", "Choose the new status from the list."),
        tr("Onbekende status", "Unknown status"),
        tr("Kies een status uit de lijst.", "Choose a status from the list."),
    };
    if (!sheet_validate_list(s, TC_STATUS, first, last, items, &list)) {
        /* The Dutch codes are plain ASCII, and the loader reads them in any language. */
        for (size_t i = 0; i < n; i++)
            items[i] = vocab_status_code((rr_status)(i + STATUS_PLANNED));
        sheet_validate_list(s, TC_STATUS, first, last, items, &list);
    }
    const sheet_prompt date = {
        "datum",
        tr("De datum van uw melding, bijvoorbeeld 20-01-2023.",
           "The date of your report, for example 20-01-2023."),
        tr("Geen datum", "Not a date"),
        tr("Vul een datum in, bijvoorbeeld 20-01-2023.", "Enter a date, for example 20-01-2023."),
    };
    sheet_validate_dates(s, TC_DATE, first, last, &date);
}

/* The sheet to fill in: one row per action of the owner, in model order. */
static void write_progress(sheet *s, const rr_model *model, const rr_analysis *an,
                           const rr_owner *owner)
{
    write_progress_header(s);
    char *note = template_source_note(owner, an->as_of);
    for (guint i = 0; i < model->actions->len; i++) {
        const rr_action *a = g_ptr_array_index(model->actions, i);
        const action_view *v = analysis_action(an, a);
        if (a->owner == owner && v)
            write_progress_row(s, v, note);
    }
    g_free(note);
    if (s->row > s->header_row + 1)
        add_validations(s, s->header_row + 1, s->row - 1);
    sheet_protect(s); /* only the yellow input cells can be changed */
}

/* Builds both sheets in `wb`; the first libxlsxwriter error, or LXW_NO_ERROR. */
static lxw_error build_form(lxw_workbook *wb, const char *csv_name, const rr_model *model,
                            const rr_analysis *an, const rr_owner *owner, diag_list *cut)
{
    sheet_formats formats;
    sheet_formats_init(&formats, wb);
    const rr_owner *region = owner->region ? owner->region : owner;
    meeting_period meetings = calendar_meeting_period(model, region, an->as_of);
    about ab = {owner, region, an->as_of, meetings.next, meetings.next_estimated, csv_name};
    sheet help, progress;
    if (!sheet_open(&help, wb, vocab_sheet_name(SHEET_FORM_HELP), &formats, NULL) ||
        !sheet_open(&progress, wb, vocab_sheet_name(SHEET_FORM_PROGRESS), &formats, cut))
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    write_instructions(&help, &ab);
    write_progress(&progress, model, an, owner);
    char *footer = sheet_footer_text(an->as_of);
    sheet_finish(&help, footer);
    sheet_finish(&progress, footer);
    g_free(footer);
    return help.error != LXW_NO_ERROR ? help.error : progress.error;
}

rr_error template_write_xlsx(const char *path, const char *csv_name, const rr_model *model,
                             const rr_analysis *an, const rr_owner *owner, atomic_out *out,
                             diag_list *diags)
{
    xlsx_file file;
    rr_error err = xlsx_file_open(&file, path, an->as_of, diags);
    if (err != RR_OK)
        return err;
    /* A text cut to fit a cell is a warning in `diags`, which the command prints: the
     * form has no Controle sheet, and the coordinator should know before sending it. */
    lxw_error failed = build_form(file.workbook, csv_name, model, an, owner, diags);
    if (failed != LXW_NO_ERROR) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "%s: %s",
                 tr("kan niet worden opgebouwd", "cannot be built"), lxw_strerror(failed));
        xlsx_file_abandon(&file);
        return RR_ERR_WRITE;
    }
    err = xlsx_file_close(&file, diags);
    if (err == RR_OK)
        *out = file.out;
    return err;
}

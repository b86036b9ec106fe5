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

char *template_csv_text(const rr_model *model, const rr_owner *owner, rr_date as_of,
                        size_t *size)
{
    const char d = TEMPLATE_CSV_DELIMITER;
    GString *s = g_string_new("\xEF\xBB\xBF"); /* Excel reads a file without BOM as ANSI */
    g_string_append_printf(s, "actie_id%cdatum%cstatus%ctoelichting%cbron\r\n", d, d, d, d);
    char *note = template_source_note(owner, as_of);
    char *note_field = template_csv_field(note);
    for (guint i = 0; i < model->actions->len; i++) {
        const rr_action *a = g_ptr_array_index(model->actions, i);
        if (a->owner != owner)
            continue;
        char *id = template_csv_field(a->id);
        g_string_append_printf(s, "%s%c%c%c%c%s\r\n", id, d, d, d, d, note_field);
        g_free(id);
    }
    g_free(note_field);
    g_free(note);
    *size = s->len;
    return g_string_free(s, FALSE);
}

/* Writes all of `bytes` to fd; false (errno set) on failure. */
static bool write_all(int fd, const char *bytes, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, bytes, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes += n;
        size -= (size_t)n;
    }
    return true;
}

/* Prints that `path` could not be written, with the system's reason. */
static void report_write_error(const char *path, int err)
{
    fprintf(stderr, tr("regiorapport template: kan '%s' niet schrijven: %s\n",
                       "regiorapport template: cannot write '%s': %s\n"),
            path, g_strerror(err));
}

rr_error template_write_temp(const char *final_path, const char *bytes, size_t size,
                             char **tmp_path)
{
    *tmp_path = NULL;
    char *dir = g_path_get_dirname(final_path);
    char *base = g_path_get_basename(final_path);
    /* A dot name that does not end in .csv: never read as data if left behind. */
    char *name = g_strdup_printf(".%s.XXXXXX", base);
    char *tmp = g_build_filename(dir, name, NULL);
    g_free(dir);
    g_free(base);
    g_free(name);
    int fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
    if (fd < 0) {
        report_write_error(final_path, errno);
        g_free(tmp);
        return RR_ERR_WRITE;
    }
    bool ok = write_all(fd, bytes, size) && fsync(fd) == 0;
    int err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        report_write_error(final_path, err);
        g_unlink(tmp);
        g_free(tmp);
        return RR_ERR_WRITE;
    }
    *tmp_path = tmp;
    return RR_OK;
}

rr_error template_commit(const char *tmp_path, const char *final_path)
{
    if (g_rename(tmp_path, final_path) == 0)
        return RR_OK;
    report_write_error(final_path, errno);
    g_unlink(tmp_path);
    return RR_ERR_WRITE;
}

/* ---- the workbook ------------------------------------------------------------ */

/* Columns of the Voortgang sheet: what is known first, what to fill in after. The
 * input columns carry the voortgang.csv names in both languages, so the sheet saved
 * as CSV is read by the loader (the other columns are then unknown, a warning). */
enum {
    TC_ID = 0,
    TC_TITLE,
    TC_DEADLINE,
    TC_STATUS_NOW,
    TC_LAST_UPDATE,
    TC_LAST_NOTE,
    TC_DATE,
    TC_STATUS,
    TC_NOTE,
    TC_SOURCE,
    TC_COUNT
};

/* The formats of the workbook and the first error met while writing. */
typedef struct {
    lxw_format *title;
    lxw_format *bold;
    lxw_format *wrap;
    lxw_format *date;
    lxw_format *header;
    lxw_format *input_header;
    lxw_format *input;
    lxw_format *input_date;
    lxw_format *input_wrap;
    lxw_error err;
    xlsx_context cut; /* where a text cut to fit a cell is noted (action rows) */
} kit;

/* Remembers the first failure; later calls keep going so the code stays linear. */
static void keep(kit *k, lxw_error err)
{
    if (k->err == LXW_NO_ERROR)
        k->err = err;
}

/* Creates the formats; a light yellow fill marks the cells to fill in. */
static void make_formats(kit *k, lxw_workbook *wb)
{
    k->title = workbook_add_format(wb);
    format_set_bold(k->title);
    format_set_font_size(k->title, 14);
    k->bold = workbook_add_format(wb);
    format_set_bold(k->bold);
    format_set_align(k->bold, LXW_ALIGN_VERTICAL_TOP);
    k->wrap = workbook_add_format(wb);
    format_set_text_wrap(k->wrap);
    format_set_align(k->wrap, LXW_ALIGN_VERTICAL_TOP);
    k->date = workbook_add_format(wb);
    format_set_num_format(k->date, "dd-mm-yyyy");
    format_set_align(k->date, LXW_ALIGN_LEFT);
    format_set_align(k->date, LXW_ALIGN_VERTICAL_TOP);
    k->header = workbook_add_format(wb);
    format_set_bold(k->header);
    format_set_bg_color(k->header, 0xD9D9D9);
    format_set_bottom(k->header, LXW_BORDER_THIN);
    k->input_header = workbook_add_format(wb);
    format_set_bold(k->input_header);
    format_set_bg_color(k->input_header, 0xFFD966);
    format_set_bottom(k->input_header, LXW_BORDER_THIN);
    k->input = workbook_add_format(wb);
    format_set_bg_color(k->input, 0xFFF2CC);
    format_set_align(k->input, LXW_ALIGN_VERTICAL_TOP);
    k->input_date = workbook_add_format(wb);
    format_set_bg_color(k->input_date, 0xFFF2CC);
    format_set_num_format(k->input_date, "dd-mm-yyyy");
    format_set_align(k->input_date, LXW_ALIGN_VERTICAL_TOP);
    k->input_wrap = workbook_add_format(wb);
    format_set_bg_color(k->input_wrap, 0xFFF2CC);
    format_set_text_wrap(k->input_wrap);
    format_set_align(k->input_wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* What each status means, for the instructions. */
static const char *status_meaning(rr_status status)
{
    switch (status) {
    case STATUS_PLANNED:
        return tr("nog niet gestart", "not started yet");
    case STATUS_IN_PROGRESS:
        return tr("gestart, nog niet klaar", "started, not finished");
    case STATUS_ONGOING:
        return tr("terugkerend of blijvend werk, wordt nooit 'afgerond'",
                  "recurring or permanent work, never 'done'");
    case STATUS_DONE:
        return tr("klaar", "finished");
    case STATUS_DELAYED:
        return tr("loopt achter op de planning", "behind its planning");
    case STATUS_ON_HOLD:
        return tr("gepauzeerd, of wacht op een besluit", "paused, or waiting for a decision");
    case STATUS_CANCELLED:
        return tr("geschrapt", "dropped");
    case STATUS_UNKNOWN:
    case STATUS_COUNT:
        break;
    }
    return "";
}

/* Everything the instructions mention. */
typedef struct {
    const rr_owner *owner;
    const rr_owner *region;
    rr_date as_of;
    rr_date next_meeting;
    size_t rows;
    const char *csv_name;
} about;

/* Writes a label in column A and a (formatted, freed here) text in column B. */
static void put_pair(kit *k, lxw_worksheet *ws, lxw_row_t row, const char *label, char *text)
{
    keep(k, xlsx_text(ws, row, 0, label, k->bold, NULL));
    keep(k, xlsx_text(ws, row, 1, text, k->wrap, NULL));
    g_free(text);
}

/* The header of the instructions: whose form, which dates, to whom it goes back. */
static lxw_row_t write_intro(kit *k, lxw_worksheet *ws, const about *ab)
{
    char *title = g_strdup_printf(tr("Voortgangsformulier %s", "Progress form %s"),
                                  ab->owner->name);
    keep(k, xlsx_text(ws, 0, 0, title, k->title, NULL));
    g_free(title);
    put_pair(k, ws, 2, tr("Van", "For"), g_strdup_printf("%s (%s)", ab->owner->name,
                                                         ab->owner->id));
    keep(k, xlsx_text(ws, 3, 0, tr("Stand per", "Status as of"), k->bold, NULL));
    keep(k, xlsx_date(ws, 3, 1, ab->as_of, k->date));
    keep(k, xlsx_text(ws, 4, 0, tr("Volgend overleg", "Next meeting"), k->bold, NULL));
    keep(k, xlsx_date(ws, 4, 1, ab->next_meeting, k->date));
    char *to = ab->region->centre[0]
                   ? g_strdup_printf(tr("de coördinator van %s (centrumgemeente %s)",
                                        "the coordinator of %s (centre municipality %s)"),
                                     ab->region->name, ab->region->centre)
                   : g_strdup_printf(tr("de coördinator van %s", "the coordinator of %s"),
                                     ab->region->name);
    put_pair(k, ws, 5, tr("Terugsturen aan", "Send back to"), to);
    return 7;
}

/* The numbered steps for whoever fills the form in. */
static lxw_row_t write_steps(kit *k, lxw_worksheet *ws, lxw_row_t row, const about *ab)
{
    char as_of[16], next[16];
    date_format_nl(ab->as_of, as_of, sizeof as_of);
    date_format_nl(ab->next_meeting, next, sizeof next);
    char *steps[7];
    steps[0] = g_strdup_printf(
        tr("Open het blad Voortgang. Elke regel is één actie van %s, met de status op %s en "
           "de laatste melding.",
           "Open the sheet Progress. Each row is one action of %s, with its status on %s and "
           "the latest report."),
        ab->owner->name, as_of);
    steps[1] = g_strdup_printf(
        tr("Heeft u iets te melden over een actie? Vul dan de gele kolommen in: datum (de "
           "datum van uw melding, bijvoorbeeld %s), status (kies uit de lijst) en een korte "
           "toelichting: wat is er gebeurd, wat is de volgende stap.",
           "Anything to report on an action? Fill in the yellow columns: datum (the date of "
           "your report, for example %s), status (choose from the list) and a short "
           "toelichting (note): what happened, what is the next step."),
        as_of);
    steps[2] = g_strdup(tr("Vul datum en status altijd allebei in. Laat beide leeg bij acties "
                           "waarover u niets te melden heeft: die regels worden overgeslagen.",
                           "Always fill in both datum and status. Leave both empty for "
                           "actions you have nothing to report on: those rows are skipped."));
    steps[3] = g_strdup(tr("Verander de kolom actie_id niet en voeg geen regels toe of weg. "
                           "Een nieuwe actie geeft u apart door aan de coördinator.",
                           "Do not change the actie_id column and do not add or delete rows. "
                           "Report a new action to the coordinator separately."));
    steps[4] = g_strdup(tr("De kolom bron is al ingevuld; u mag er een verwijzing naar uw eigen "
                           "stuk van maken (bijvoorbeeld een collegebesluit).",
                           "The bron (source) column is filled in already; you may replace it "
                           "with a reference to your own document (a council decision, say)."));
    steps[5] = g_strdup_printf(tr("Sla het bestand op en stuur het vóór het volgende overleg "
                                  "(%s) terug.",
                                  "Save the file and send it back before the next meeting "
                                  "(%s)."),
                               next);
    steps[6] = g_strdup_printf(
        tr("Liever zonder dit werkblad? Het bestand %s heeft dezelfde acties in dezelfde "
           "volgorde, met de kolommen actie_id, datum, status, toelichting en bron; vul dat op "
           "dezelfde manier in en stuur het terug.",
           "Rather without this workbook? The file %s has the same actions in the same order, "
           "with the columns actie_id, datum, status, toelichting and bron; fill that in the "
           "same way and send it back."),
        ab->csv_name);
    keep(k, xlsx_text(ws, row++, 0, tr("Zo vult u het in", "How to fill it in"), k->title,
                      NULL));
    for (int i = 0; i < 7; i++) {
        char number[16];
        snprintf(number, sizeof number, "%d.", i + 1);
        put_pair(k, ws, row++, number, steps[i]);
    }
    return row + 1;
}

/* The statuses to choose from, and the note for the coordinator. */
static void write_statuses_and_merge(kit *k, lxw_worksheet *ws, lxw_row_t row, const about *ab)
{
    keep(k, xlsx_text(ws, row++, 0, tr("Statussen", "Statuses"), k->title, NULL));
    for (int s = STATUS_PLANNED; s < STATUS_COUNT; s++)
        put_pair(k, ws, row++, status_label((rr_status)s),
                 g_strdup(status_meaning((rr_status)s)));
    row++;
    keep(k, xlsx_text(ws, row++, 0, tr("Voor de coördinator", "For the coordinator"), k->title,
                      NULL));
    char *folder = ab->owner->region
                       ? g_strdup_printf("%s/%s/", ab->owner->region->id, ab->owner->id)
                       : g_strdup_printf("%s/", ab->owner->id);
    put_pair(k, ws, row++, "CSV",
             g_strdup_printf(tr("Zet het ingevulde %s ongewijzigd in de map %s van de "
                                "gegevens, naast voortgang.csv: elk bestand voortgang-*.csv "
                                "daar wordt mee ingelezen. Controleer daarna met "
                                "'regiorapport validate'.",
                                "Put the filled-in %s unchanged into the folder %s of the "
                                "data, beside voortgang.csv: every voortgang-*.csv file there "
                                "is read with it. Then check with 'regiorapport validate'."),
                             ab->csv_name, folder));
    put_pair(k, ws, row, "Excel",
             g_strdup_printf(tr("Dit werkblad wordt niet zelf ingelezen. Kopieer de ingevulde "
                                "cellen G2:J%zu naar B2 van %s (de regels staan in dezelfde "
                                "volgorde), of sla het blad Voortgang op als 'CSV UTF-8' "
                                "onder die naam; de extra kolommen geven dan alleen "
                                "waarschuwingen.",
                                "This workbook is not read itself. Copy the filled-in cells "
                                "G2:J%zu to B2 of %s (the rows are in the same order), or save "
                                "the sheet Progress as 'CSV UTF-8' under that name; the extra "
                                "columns then only give warnings."),
                             ab->rows + 1, ab->csv_name));
    g_free(folder);
}

/* The sheet that explains the form. */
static void write_instructions(kit *k, lxw_worksheet *ws, const about *ab)
{
    keep(k, worksheet_set_column(ws, 0, 0, 20, NULL));
    keep(k, worksheet_set_column(ws, 1, 1, 100, NULL));
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_row_t row = write_intro(k, ws, ab);
    row = write_steps(k, ws, row, ab);
    write_statuses_and_merge(k, ws, row, ab);
}

/* The header row of the Voortgang sheet; the input columns stand out. */
static void write_progress_header(kit *k, lxw_worksheet *ws)
{
    const char *names[TC_COUNT] = {
        [TC_ID] = "actie_id",
        [TC_TITLE] = tr("titel", "title"),
        [TC_DEADLINE] = "deadline",
        [TC_STATUS_NOW] = tr("huidige status", "current status"),
        [TC_LAST_UPDATE] = tr("laatste update", "last update"),
        [TC_LAST_NOTE] = tr("laatste toelichting", "last note"),
        [TC_DATE] = "datum",
        [TC_STATUS] = "status",
        [TC_NOTE] = "toelichting",
        [TC_SOURCE] = "bron",
    };
    static const double widths[TC_COUNT] = {12, 50, 12, 16, 14, 40, 13, 15, 40, 30};
    for (int c = 0; c < TC_COUNT; c++) {
        keep(k, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
        keep(k, xlsx_text(ws, 0, (lxw_col_t)c, names[c],
                          c >= TC_DATE ? k->input_header : k->header, NULL));
    }
}

/* One action's row: what is known, then the empty input cells (bron pre-filled). */
static void write_progress_row(kit *k, lxw_worksheet *ws, lxw_row_t row, const action_view *v,
                               const char *note)
{
    const rr_action *a = v->action;
    keep(k, xlsx_text(ws, row, TC_ID, a->id, k->wrap, &k->cut));
    keep(k, xlsx_text(ws, row, TC_TITLE, a->title, k->wrap, &k->cut));
    if (v->deadline != RR_DATE_NONE)
        keep(k, xlsx_date(ws, row, TC_DEADLINE, v->deadline, k->date));
    else /* recurring or unknown: the plan's own words */
        keep(k, xlsx_text(ws, row, TC_DEADLINE, a->planning.text, k->wrap, &k->cut));
    keep(k, xlsx_text(ws, row, TC_STATUS_NOW, status_label(v->status), k->wrap, NULL));
    keep(k, xlsx_date(ws, row, TC_LAST_UPDATE,
                      v->latest ? v->latest->date.value.last : RR_DATE_NONE, k->date));
    keep(k, xlsx_text(ws, row, TC_LAST_NOTE, v->latest ? v->latest->note : "", k->wrap,
                      &k->cut));
    keep(k, xlsx_date(ws, row, TC_DATE, RR_DATE_NONE, k->input_date));
    keep(k, xlsx_text(ws, row, TC_STATUS, "", k->input, NULL));
    keep(k, xlsx_text(ws, row, TC_NOTE, "", k->input_wrap, NULL));
    keep(k, xlsx_text(ws, row, TC_SOURCE, note, k->input, NULL));
}

/* Whether a drop-down list is safe for libxlsxwriter 1.1.4 (docs/pitfalls.md): ASCII and,
 * joined with commas, under 255 bytes. */
static bool list_is_safe(char *const *items)
{
    size_t bytes = 0;
    for (size_t i = 0; items[i]; i++) {
        for (const char *p = items[i]; *p; p++)
            if ((unsigned char)*p >= 0x80 || *p == ',' || *p == '"')
                return false;
        bytes += strlen(items[i]) + 1;
    }
    return bytes < 255;
}

/* The drop-down of statuses on the status column and a date check on the date column,
 * both over the action rows (first..last, 0-based). */
static void add_validations(kit *k, lxw_worksheet *ws, lxw_row_t first, lxw_row_t last)
{
    char *items[STATUS_COUNT];
    size_t n = 0;
    for (int s = STATUS_PLANNED; s < STATUS_COUNT; s++)
        items[n++] = (char *)status_label((rr_status)s);
    items[n] = NULL;
    if (!list_is_safe(items)) /* the Dutch codes are plain ASCII */
        for (size_t i = 0; i < n; i++)
            items[i] = (char *)status_code((rr_status)(i + STATUS_PLANNED));
    lxw_data_validation list = {0};
    list.validate = LXW_VALIDATION_TYPE_LIST;
    list.value_list = items;
    list.input_title = (char *)"status";
    list.input_message = (char *)tr("Kies de nieuwe status uit de lijst.",
                                    "Choose the new status from the list.");
    list.error_title = (char *)tr("Onbekende status", "Unknown status");
    list.error_message = (char *)tr("Kies een status uit de lijst.",
                                    "Choose a status from the list.");
    keep(k, worksheet_data_validation_range(ws, first, TC_STATUS, last, TC_STATUS, &list));

    lxw_data_validation date = {0};
    date.validate = LXW_VALIDATION_TYPE_DATE;
    date.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    date.minimum_datetime = (lxw_datetime){RR_YEAR_MIN, 1, 1, 0, 0, 0};
    date.maximum_datetime = (lxw_datetime){RR_YEAR_MAX, 12, 31, 0, 0, 0};
    date.input_title = (char *)"datum";
    date.input_message = (char *)tr("De datum van uw melding, bijvoorbeeld 20-01-2023.",
                                    "The date of your report, for example 20-01-2023.");
    date.error_title = (char *)tr("Geen datum", "Not a date");
    date.error_message = (char *)tr("Vul een datum in, bijvoorbeeld 20-01-2023.",
                                    "Enter a date, for example 20-01-2023.");
    keep(k, worksheet_data_validation_range(ws, first, TC_DATE, last, TC_DATE, &date));
}

/* The sheet to fill in: one row per action of the owner, in model order. */
static void write_progress(kit *k, lxw_worksheet *ws, const rr_model *model,
                             const rr_analysis *an, const rr_owner *owner)
{
    write_progress_header(k, ws);
    char *note = template_source_note(owner, an->as_of);
    lxw_row_t row = 1;
    for (guint i = 0; i < model->actions->len; i++) {
        const rr_action *a = g_ptr_array_index(model->actions, i);
        const action_view *v = analysis_action(an, a);
        if (a->owner == owner && v)
            write_progress_row(k, ws, row++, v, note);
    }
    g_free(note);
    lxw_row_t last = row - 1;
    if (last >= 1)
        add_validations(k, ws, 1, last);
    keep(k, worksheet_autofilter(ws, 0, 0, last, TC_COUNT - 1));
    worksheet_freeze_panes(ws, 1, 2);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    keep(k, worksheet_repeat_rows(ws, 0, 0));
    char as_of[16];
    date_format_nl(an->as_of, as_of, sizeof as_of);
    char *footer = g_strdup_printf(tr("&LStand per %s&RPagina &P van &N",
                                      "&LStatus as of %s&RPage &P of &N"),
                                   as_of);
    keep(k, worksheet_set_footer(ws, footer));
    g_free(footer);
}

/* Counts the owner's actions (the instructions name the last row before it is written). */
static size_t count_actions(const rr_model *model, const rr_owner *owner)
{
    size_t n = 0;
    for (guint i = 0; i < model->actions->len; i++)
        n += ((const rr_action *)g_ptr_array_index(model->actions, i))->owner == owner;
    return n;
}

rr_error template_write_xlsx(const char *path, const char *csv_name, const rr_model *model,
                             const rr_analysis *an, const rr_owner *owner)
{
    xlsx_file file;
    rr_error err = xlsx_file_open(&file, path);
    if (err != RR_OK)
        return err;
    /* A text cut to fit a cell is said on standard error: the form has no Controle
     * sheet, and the coordinator should know before sending it. */
    diag_list cut;
    diag_list_init(&cut);
    kit k = {.err = LXW_NO_ERROR, .cut = {&cut, path}};
    make_formats(&k, file.workbook);
    const rr_owner *region = owner->region ? owner->region : owner;
    about ab = {owner, region, an->as_of, analyse_next_meeting_after(model, region, an->as_of),
                count_actions(model, owner), csv_name};
    lxw_worksheet *help = workbook_add_worksheet(file.workbook, tr("Instructie", "Instructions"));
    lxw_worksheet *sheet = workbook_add_worksheet(file.workbook, tr("Voortgang", "Progress"));
    if (!help || !sheet) {
        k.err = LXW_ERROR_MEMORY_MALLOC_FAILED;
    } else {
        write_instructions(&k, help, &ab);
        write_progress(&k, sheet, model, an, owner);
    }
    if (k.err != LXW_NO_ERROR) {
        fprintf(stderr, tr("regiorapport template: kan '%s' niet opbouwen: %s\n",
                           "regiorapport template: cannot build '%s': %s\n"),
                path, lxw_strerror(k.err));
        xlsx_file_abandon(&file);
        diag_list_release(&cut);
        return RR_ERR_WRITE;
    }
    diag_list_print(&cut, stderr);
    diag_list_release(&cut);
    return xlsx_file_close(&file);
}
